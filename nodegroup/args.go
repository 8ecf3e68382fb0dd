package nodegroup

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// NodeGroupArgs are the inputs of a NodeGroup. Values that decide which child resources exist
// or that must be validated before anything is created are plain Go values; values a user may
// wire from another resource are Inputs.
type NodeGroupArgs struct {
	// The cluster the nodes join. Required.
	Cluster ClusterArgs `pulumi:"cluster"`

	// The subnets the Auto Scaling group launches nodes in. Required, at least one. Use private
	// subnets: nodes get no public IP unless `nodeAssociatePublicIpAddress` is true.
	SubnetIds pulumi.StringArrayInput `pulumi:"subnetIds"`

	// The node operating system. Default `AL2023` (Amazon Linux 2023, bootstrapped by nodeadm).
	OperatingSystem *OperatingSystem `pulumi:"operatingSystem,optional"`

	// The EC2 instance type, e.g. `m7i.large` or `m7g.large`. Default `t3.medium`. The CPU
	// architecture (x86_64 or arm64) is inferred from the instance family and selects the AMI; a
	// well-formed type of a family eksnodes does not know yet is accepted when `architecture` is set.
	// Mac instances are refused.
	InstanceType string `pulumi:"instanceType,optional"`

	// An exact AMI ID for the nodes: they change only when you change it. Requires `architecture`;
	// conflicts with `amiVariant` and `amiReleaseVersion`. Default: the EKS-optimized AMI for
	// `operatingSystem`, `amiVariant`, `cluster.version` and the instance type's architecture, read
	// from AWS's public SSM parameter at deploy time (pinned to `amiReleaseVersion` when set, else the
	// recommended one). The AMI must suit `operatingSystem`, whose user data it receives. AWS
	// withdraws older public EKS-optimized Windows AMIs after a few months: to pin one, copy it into
	// your account and pin the copy, or scale-out and node replacement will fail later.
	AmiId pulumi.StringInput `pulumi:"amiId,optional"`

	// The EKS-optimized AMI variant: `standard` (default), `nvidia` (AL2023, Bottlerocket, AL2),
	// `neuron` (AL2023 x86_64) or `fips` (Bottlerocket).
	AmiVariant *AMIVariant `pulumi:"amiVariant,optional"`

	// Pins the EKS-optimized AMI to one release, so nodes roll only when you change it: for AL2023 and
	// AL2 the amazon-eks-ami release date (`v20250704`, or a node group release version such as
	// `1.33.0-20250704`), for Bottlerocket the Bottlerocket version (`1.42.0`). Windows AMIs have no
	// release parameters: pin them with `amiId`. Default: the recommended AMI at each deploy.
	AmiReleaseVersion string `pulumi:"amiReleaseVersion,optional"`

	// The CPU architecture of the nodes: `x86_64` or `arm64`. Required with `amiId`, and with an
	// instance type whose family eksnodes does not know; must match the instance type when its family
	// is known. Otherwise inferred from the instance type.
	Architecture *Architecture `pulumi:"architecture,optional"`

	// The minimum number of nodes. Default 1 (0 when `maxSize` is 0). Must be between 0 and `maxSize`.
	MinSize *int `pulumi:"minSize,optional"`

	// The maximum number of nodes. Default 2, or `minSize`/`desiredCapacity` if larger. 0 parks the
	// group with no nodes.
	MaxSize *int `pulumi:"maxSize,optional"`

	// The number of nodes to run. Default 2, kept between `minSize` and `maxSize`. Ignored after
	// creation when `ignoreScalingChanges` is true.
	DesiredCapacity *int `pulumi:"desiredCapacity,optional"`

	// Kubernetes labels the kubelet registers the node with. Keys and values must be valid Kubernetes
	// labels; the kubelet may not set labels under `kubernetes.io/` or `k8s.io/` except
	// `node.kubernetes.io/` and `kubelet.kubernetes.io/` and the well-known labels. Conflicts with
	// `userDataOverride`.
	Labels map[string]string `pulumi:"labels,optional"`

	// Kubernetes taints the kubelet registers the node with, keyed by taint key. Conflicts with
	// `userDataOverride`.
	Taints map[string]Taint `pulumi:"taints,optional"`

	// Extra kubelet flags separated by spaces, e.g. `--max-pods=58 --v=2`. Each must start with `--`.
	// `--node-labels` and `--register-with-taints` belong in `labels` and `taints`. Conflicts with
	// `userDataOverride`.
	KubeletExtraArgs string `pulumi:"kubeletExtraArgs,optional"`

	// A KubeletConfiguration fragment merged by nodeadm over its defaults (NodeConfig
	// `spec.kubelet.config`), e.g. `{maxPods: 58}`. Conflicts with `userDataOverride`.
	KubeletConfig map[string]any `pulumi:"kubeletConfig,optional"`

	// A shell script placed before the NodeConfig in the user data. A `#!/usr/bin/env bash` line is
	// added when it has no shebang. nodeadm configures the node before cloud-init runs scripts and the
	// kubelet starts after them, so slow work here delays the node's join. Conflicts with
	// `userDataOverride`.
	PreBootstrapUserData string `pulumi:"preBootstrapUserData,optional"`

	// A shell script placed after the NodeConfig in the user data. A `#!/usr/bin/env bash` line is
	// added when it has no shebang. Conflicts with `userDataOverride`.
	PostBootstrapUserData string `pulumi:"postBootstrapUserData,optional"`

	// The complete user data, used as is instead of the rendered document. The nodes will not join
	// unless it bootstraps them. Conflicts with every input the rendered document carries (`labels`,
	// `taints`, `kubeletExtraArgs`, `kubeletConfig`, `maxPods`, `kubeReserved`,
	// `kubeletFeatureGates`, `containerdConfig`, `containerdBaseRuntimeSpec`, `localStorage`,
	// `preBootstrapUserData`, `postBootstrapUserData` and `bottlerocketSettings`), and with
	// `hardening: baseline` on AL2023 and Bottlerocket, whose steps live in the rendered user data.
	UserDataOverride string `pulumi:"userDataOverride,optional"`

	// Bottlerocket settings (relative to the `settings` table of its TOML user data, e.g.
	// `{kubernetes: {"max-pods": 58}, "host-containers": {admin: {enabled: true}}}`), deep-merged over
	// the settings eksnodes renders; yours win, except the settings eksnodes renders from typed inputs
	// (`kubernetes.cluster-name`, `api-server`, `cluster-certificate`, `node-labels`, `node-taints`),
	// which are refused: set `cluster`, `labels` and `taints` instead. Only for `operatingSystem:
	// Bottlerocket`, which has no kubelet flags or scripts.
	BottlerocketSettings map[string]any `pulumi:"bottlerocketSettings,optional"`

	// The most pods the kubelet runs on a node, at least 1. Default: the AMI's, which counts the IP
	// addresses the VPC CNI can give pods on the instance type (its ENIs times their secondary
	// addresses, plus 2), which is too low with prefix delegation and too high with custom
	// networking, where the primary ENI carries no pods. EKS recommends at most 110 on instance types
	// with up to 30 vCPUs and at most 250 on larger ones. Rendered as each operating system
	// takes it: the NodeConfig's kubelet `maxPods` on AL2023, `settings.kubernetes.max-pods` on
	// Bottlerocket, `--max-pods` on Windows, and `--use-max-pods false` with `--max-pods` on AL2.
	// Conflicts with the same setting in `kubeletConfig`, `kubeletExtraArgs` or
	// `bottlerocketSettings`, and with `userDataOverride`.
	MaxPods *int `pulumi:"maxPods,optional"`

	// Resources reserved for the kubelet and the container runtime, as Kubernetes quantities keyed
	// by `cpu`, `memory` or `ephemeral-storage`, e.g. `{cpu: "100m", memory: "1Gi"}`. Default: the
	// AMI's, which on AL2023 and AL2 grows with the max pods it computes itself: set this when you
	// raise `maxPods`. Rendered as the NodeConfig's kubelet `kubeReserved` on AL2023,
	// `settings.kubernetes.kube-reserved` on Bottlerocket, and `--kube-reserved` on Windows and AL2,
	// where the flag replaces the AMI's whole reservation: give every resource to reserve there.
	// Conflicts with the same setting in `kubeletConfig`, `kubeletExtraArgs` or
	// `bottlerocketSettings`, and with `userDataOverride`.
	KubeReserved map[string]string `pulumi:"kubeReserved,optional"`

	// Kubelet feature gates, by name, on or off (NodeConfig `spec.kubelet.config.featureGates`),
	// merged with those of `kubeletConfig`; a gate in both is refused. Only for `operatingSystem:
	// AL2023`. Conflicts with `userDataOverride`.
	KubeletFeatureGates map[string]bool `pulumi:"kubeletFeatureGates,optional"`

	// A containerd configuration fragment in TOML that nodeadm merges over its own (NodeConfig
	// `spec.containerd.config`), e.g. `[plugins."io.containerd.grpc.v1.cri".containerd]` with
	// `discard_unpacked_layers = false`. Must be a valid TOML document. Only for `operatingSystem:
	// AL2023`. Conflicts with `userDataOverride`.
	ContainerdConfig string `pulumi:"containerdConfig,optional"`

	// A partial OCI runtime specification that nodeadm merges over the default one every container
	// starts from (NodeConfig `spec.containerd.baseRuntimeSpec`), e.g. `{process: {rlimits: [{type:
	// RLIMIT_NOFILE, soft: 65536, hard: 65536}]}}`. Only for `operatingSystem: AL2023`. Conflicts with
	// `userDataOverride`.
	ContainerdBaseRuntimeSpec map[string]any `pulumi:"containerdBaseRuntimeSpec,optional"`

	// How nodeadm uses the instance store volumes of instance types that have them (NodeConfig
	// `spec.instance.localStorage`). Default: they are left alone. Only for `operatingSystem:
	// AL2023`. Conflicts with `userDataOverride`.
	LocalStorage *LocalStorage `pulumi:"localStorage,optional"`

	// The ARN of an existing instance profile for the nodes. Default: a NodeRole is created with its
	// instance profile and access entry. Must be given together with `roleArn`; conflicts with
	// `nodeRoleOptions`.
	InstanceProfileArn pulumi.StringInput `pulumi:"instanceProfileArn,optional"`

	// The ARN of the existing node role inside `instanceProfileArn`, reported in the outputs. Must be
	// given together with `instanceProfileArn`. Register it with the cluster yourself, e.g. with a
	// NodeRole.
	RoleArn pulumi.StringInput `pulumi:"roleArn,optional"`

	// Options for the node role the group creates. Conflicts with `instanceProfileArn`.
	NodeRoleOptions *NodeRoleOptions `pulumi:"nodeRoleOptions,optional"`

	// The ID of an existing node security group, e.g. a shared NodeSecurityGroup's. Default: a
	// NodeSecurityGroup is created. Conflicts with `nodeSecurityGroupOptions`.
	NodeSecurityGroupId pulumi.StringInput `pulumi:"nodeSecurityGroupId,optional"`

	// More security group IDs attached to the nodes besides the node security group.
	ExtraNodeSecurityGroupIds pulumi.StringArrayInput `pulumi:"extraNodeSecurityGroupIds,optional"`

	// Options for the node security group the group creates. Conflicts with `nodeSecurityGroupId`.
	NodeSecurityGroupOptions *NodeSecurityGroupOptions `pulumi:"nodeSecurityGroupOptions,optional"`

	// Instance metadata service settings. Default: IMDSv2 tokens required, hop limit 1, instance tags
	// not exposed.
	MetadataOptions *MetadataOptions `pulumi:"metadataOptions,optional"`

	// The root volume size in GiB. Default 20.
	NodeRootVolumeSize *int `pulumi:"nodeRootVolumeSize,optional"`

	// The root volume type: `gp3` (default), `gp2`, `io1`, `io2` or `standard`. HDD types (`st1`,
	// `sc1`) cannot be boot volumes.
	NodeRootVolumeType string `pulumi:"nodeRootVolumeType,optional"`

	// Whether the root volume is encrypted. Default true.
	NodeRootVolumeEncrypted *bool `pulumi:"nodeRootVolumeEncrypted,optional"`

	// The KMS key ARN that encrypts the root volume. Default: the account's default EBS key. Requires
	// encryption.
	NodeRootVolumeKmsKeyId pulumi.StringInput `pulumi:"nodeRootVolumeKmsKeyId,optional"`

	// Provisioned IOPS of the root volume. Only for `gp3` (3000-80000), `io1` (100-64000) and `io2`
	// (100-256000); required for `io1` and `io2`. Default: the volume type's baseline (3000 for gp3).
	NodeRootVolumeIops *int `pulumi:"nodeRootVolumeIops,optional"`

	// Throughput of the root volume in MiB/s. Only for `gp3` (125-2000). Default: 125.
	NodeRootVolumeThroughput *int `pulumi:"nodeRootVolumeThroughput,optional"`

	// Whether the root volume is deleted when the node terminates. Default true.
	NodeRootVolumeDeleteOnTermination *bool `pulumi:"nodeRootVolumeDeleteOnTermination,optional"`

	// More EBS volumes for every node, each encrypted unless set otherwise. Default none. The
	// operating system does not format or mount them: do it in `preBootstrapUserData` (AL2023,
	// AL2), with a bootstrap container (Bottlerocket) or a script (Windows).
	DataVolumes []DataVolume `pulumi:"dataVolumes,optional"`

	// Elastic Fabric Adapter (EFA) interfaces for the nodes. Default none. The node security group
	// eksnodes creates then allows all traffic to and from itself both ways, as EFA requires (with
	// `nodeSecurityGroupId`, your group must allow it); and unless `placementGroup` or a targeted
	// `capacityReservation` places the nodes, eksnodes creates a cluster placement group for them,
	// which needs a single subnet. Only on instance types with EFA (the largest sizes of EFA
	// families) and Linux: EFA's OS bypass does not work on Windows. The EKS-optimized AL2023 NVIDIA
	// and Neuron AMIs and the Bottlerocket AMIs carry the EFA software; the EFA device plugin or DRA
	// driver exposes it to pods.
	Efa *EfaOptions `pulumi:"efa,optional"`

	// An EC2 placement group for the nodes: a new one eksnodes creates, or an existing one. Default
	// none (a cluster placement group with `efa`). A `cluster` group lives in one Availability
	// Zone: give one subnet.
	PlacementGroup *PlacementGroupOptions `pulumi:"placementGroup,optional"`

	// The capacity reservations the nodes launch into: an open/none preference, one targeted
	// reservation or a resource group of them. Default: AWS's (`open`).
	CapacityReservation *CapacityReservation `pulumi:"capacityReservation,optional"`

	// How the nodes' capacity is bought, e.g. from an EC2 Capacity Block for ML (`marketType:
	// capacity-block`, with `capacityReservation.reservationId`). Default: On-Demand (or Spot with
	// `mixedInstancesPolicy`). Conflicts with `mixedInstancesPolicy`.
	InstanceMarketOptions *InstanceMarketOptions `pulumi:"instanceMarketOptions,optional"`

	// The CPU credit option of burstable instances: `standard` or `unlimited`. Only for T family
	// instance types (t2, t3, t3a, t4g). Default: AWS's (`unlimited` for t3, t3a and t4g, `standard`
	// for t2).
	CreditSpecification *CpuCredits `pulumi:"creditSpecification,optional"`

	// Processor options: core count, threads per core, AMD SEV-SNP. Default: the instance type's.
	CpuOptions *CpuOptions `pulumi:"cpuOptions,optional"`

	// Whether the nodes can run AWS Nitro Enclaves. Default false. Not on burstable (T), A1 or Mac
	// instance types.
	EnclaveEnabled bool `pulumi:"enclaveEnabled,optional"`

	// Whether EC2 detailed (1-minute) monitoring is enabled. Default false.
	EnableDetailedMonitoring *bool `pulumi:"enableDetailedMonitoring,optional"`

	// The name of an EC2 key pair for SSH (a value or another resource's output). Default: none;
	// prefer Session Manager (`nodeRoleOptions.enableSsmAccess`). SSH also needs
	// `nodeSecurityGroupOptions.sshSourceCidrs` or `sshSourceSecurityGroupIds`.
	KeyName pulumi.StringInput `pulumi:"keyName,optional"`

	// Whether nodes get a public IP address. Default false: nodes belong in private subnets.
	NodeAssociatePublicIpAddress *bool `pulumi:"nodeAssociatePublicIpAddress,optional"`

	// How the Auto Scaling group replaces nodes when the launch template changes. Default: a rolling
	// refresh that launches replacements before terminating old nodes (100% minimum, 110% maximum
	// healthy).
	InstanceRefresh *InstanceRefresh `pulumi:"instanceRefresh,optional"`

	// Whether later changes of the group's desired capacity are ignored, so eksnodes does not fight
	// the cluster autoscaler. Default: the value of `clusterAutoscalerTags`.
	IgnoreScalingChanges *bool `pulumi:"ignoreScalingChanges,optional"`

	// Seconds after a node launches before its EC2 health check counts. Default 300.
	HealthCheckGracePeriod *int `pulumi:"healthCheckGracePeriod,optional"`

	// Whether the group carries cluster-autoscaler discovery tags
	// (`k8s.io/cluster-autoscaler/enabled`, `k8s.io/cluster-autoscaler/<cluster>`) and node-template
	// tags for every label and taint, which scale-from-zero needs. Default false.
	ClusterAutoscalerTags bool `pulumi:"clusterAutoscalerTags,optional"`

	// Run the group on several instance types and mix On-Demand and Spot capacity. Conflicts with
	// `instanceType`; every type must have the same CPU architecture. Spot only:
	// `onDemandPercentageAboveBaseCapacity: 0`.
	MixedInstancesPolicy *MixedInstancesPolicy `pulumi:"mixedInstancesPolicy,optional"`

	// Whether the group launches a replacement when EC2 signals that a Spot node is at elevated risk
	// of interruption, before it is reclaimed. Default false; recommended with Spot.
	CapacityRebalance *bool `pulumi:"capacityRebalance,optional"`

	// A termination lifecycle hook that holds terminating nodes (scale-in, instance refresh, Spot
	// rebalance) so a drainer such as aws-node-termination-handler in queue mode can cordon and drain
	// them first. Default none.
	TerminationLifecycleHook *TerminationLifecycleHook `pulumi:"terminationLifecycleHook,optional"`

	// More lifecycle hooks, for launch (`LAUNCHING`) as well as termination (`TERMINATING`), each
	// with a unique name; at most 50 per group, `terminationLifecycleHook` included. They coexist
	// with `terminationLifecycleHook`, which is the hook named `eksnodes-termination` plus the tag
	// aws-node-termination-handler looks for: that name is refused here. Launch hooks are also given
	// to the group when it is created, so that its first nodes wait for them too (later changes are
	// the hooks' own; removing the last launch hook updates the group in place). Default none.
	LifecycleHooks []LifecycleHook `pulumi:"lifecycleHooks,optional"`

	// Seconds a node may stay in service before the group replaces it: 86400 (one day) to 31536000
	// (365 days, the AWS provider's limit), or 0 to clear a lifetime set before. Default none. Replacements follow `instanceMaintenancePolicy`.
	MaxInstanceLifetime *int `pulumi:"maxInstanceLifetime,optional"`

	// Seconds after a node is in service before it counts toward the group's CloudWatch metrics and
	// healthy percentages (scaling policies, instance refresh, maintenance), 0-3600. Default: not set
	// (AWS then uses each feature's own warmup).
	DefaultInstanceWarmup *int `pulumi:"defaultInstanceWarmup,optional"`

	// Capacity bounds while the group replaces nodes for its own reasons (failed health checks,
	// `maxInstanceLifetime`, rebalancing). Default: not set (AWS terminates, then launches).
	InstanceMaintenancePolicy *InstanceMaintenancePolicy `pulumi:"instanceMaintenancePolicy,optional"`

	// The order in which the group chooses nodes to terminate on scale-in, each policy once.
	// Default: AWS's `Default` policy.
	TerminationPolicies []TerminationPolicy `pulumi:"terminationPolicies,optional"`

	// Auto Scaling processes to suspend, each once. Default none. `Launch`, `Terminate` and
	// `InstanceRefresh` stop instance refreshes from replacing nodes, so they are refused unless
	// `instanceRefresh.enabled` is false.
	SuspendedProcesses []ScalingProcess `pulumi:"suspendedProcesses,optional"`

	// Whether new nodes are protected from scale-in. Default false. An instance refresh ignores
	// protected nodes unless `instanceRefresh.scaleInProtectedInstances` is `Refresh` or `Wait`, which
	// is then required.
	ProtectFromScaleIn bool `pulumi:"protectFromScaleIn,optional"`

	// Group metrics sent to CloudWatch every minute, each once. Default none.
	EnabledMetrics []GroupMetric `pulumi:"enabledMetrics,optional"`

	// How often `enabledMetrics` are sent: `1Minute`, the only value AWS accepts (and the default).
	// Requires `enabledMetrics`.
	MetricsGranularity string `pulumi:"metricsGranularity,optional"`

	// ARNs of Elastic Load Balancing target groups the group registers its nodes with, e.g. for
	// NodePort services behind a load balancer; each may be another resource's output. At most 50,
	// each once; the target groups must have target type `instance`. Default none. The group's
	// health check stays EC2. Removing the input leaves the target groups attached (the AWS provider
	// keeps what the group has); give an empty list to detach them.
	TargetGroupArns pulumi.StringArrayInput `pulumi:"targetGroupArns,optional"`

	// The hardening profile. `none` (default): the secure defaults, each of which you may relax.
	// `baseline`: refuses relaxing them (IMDSv2 with hop limit 1, encrypted volumes, no public IP, no
	// SSH key, port or rule admitting TCP 22) and attaches `AmazonSSMManagedInstanceCore` to the node
	// role it creates, so Session Manager is the way in (with `instanceProfileArn`, attach it to your
	// role yourself: the preview warns). On AL2023 it installs AIDE once the kubelet runs, records the
	// file-integrity baseline once, and checks it daily; nothing is installed before the node joins.
	// There are no automatic package updates: the EKS-optimized AMI locks its repository and kernel,
	// so patches arrive by rolling to a newer AMI (the default `recommended` AMI policy does this at
	// each deploy). On Bottlerocket it turns the admin container off and sets kernel lockdown to
	// integrity, except on the NVIDIA variants, whose driver modules do not load under lockdown. On
	// Windows and AL2 it locks the defaults only. With a custom `amiId` the package-based steps are
	// skipped: the image is expected to carry them. Conflicts with `userDataOverride` on AL2023 and
	// Bottlerocket.
	Hardening *HardeningProfile `pulumi:"hardening,optional"`

	// Tags for every AWS resource the group creates and, through the launch template, its instances,
	// volumes and network interfaces. Values may be outputs. Keys under `kubernetes.io/cluster/` and
	// `k8s.io/cluster-autoscaler/` are managed by eksnodes and refused here; when the group creates
	// its node role, keys and values must also suit IAM and EKS (letters, digits, spaces and `_ . : /
	// = + - @`).
	Tags pulumi.StringMapInput `pulumi:"tags,optional"`
}

// Taint is a Kubernetes taint the kubelet registers the node with; its key is the key of the
// `taints` map.
type Taint struct {
	// The taint value. Default empty. Must be a valid Kubernetes label value.
	Value string `pulumi:"value,optional"`

	// The taint effect: `NoSchedule`, `PreferNoSchedule` or `NoExecute`. Required.
	Effect TaintEffect `pulumi:"effect"`
}

// NodeRoleOptions shape the node IAM role a NodeGroup creates for itself.
type NodeRoleOptions struct {
	// The IAM path of the role and instance profile. Default `/`. Must start and end with `/`.
	Path string `pulumi:"path,optional"`

	// The ARN of a managed policy that bounds the role's permissions. Default none.
	PermissionsBoundary pulumi.StringInput `pulumi:"permissionsBoundary,optional"`

	// ARNs of managed policies attached besides the three EKS worker policies; each may be another
	// resource's output (the list itself is given as a list, since its length decides the
	// attachments). A worker policy, or two ARNs with the same policy name, are refused. Default none.
	AdditionalPolicyArns pulumi.StringArrayInput `pulumi:"additionalPolicyArns,optional"`

	// Whether `AmazonSSMManagedInstanceCore` is attached so nodes can be reached with Session Manager
	// instead of SSH. Default false.
	EnableSsmAccess bool `pulumi:"enableSsmAccess,optional"`

	// Whether `AmazonEKS_CNI_Policy` is attached to the node role. Default true. EKS recommends giving
	// the VPC CNI its permissions through the `aws-node` service account instead (IRSA or EKS Pod
	// Identity), so that pods cannot use the node's: set false once that is in place.
	AttachCniPolicy *bool `pulumi:"attachCniPolicy,optional"`

	// Whether the node role gets `AmazonEC2ContainerRegistryPullOnly` (pull images only, as eksctl now
	// grants) instead of `AmazonEC2ContainerRegistryReadOnly`. Default false.
	EcrPullOnly bool `pulumi:"ecrPullOnly,optional"`

	// Whether an EKS access entry registers the role with the cluster (authentication mode `API` or
	// `API_AND_CONFIG_MAP`). Default true. Set false for `CONFIG_MAP` clusters and add the
	// `awsAuthMapRole` output to the aws-auth ConfigMap.
	CreateAccessEntry *bool `pulumi:"createAccessEntry,optional"`
}

// NodeSecurityGroupOptions shape the node security group a NodeGroup creates for itself.
type NodeSecurityGroupOptions struct {
	// The rules between the nodes of the group. `default`: all traffic between nodes. `strict`:
	// TCP/UDP 53 (DNS) and TCP 10250 (kubelet, for metrics-server) between nodes only. With
	// `clusterSecurityGroupTraffic: minimal` it also sets the ports open from the cluster security
	// group: TCP 443 and 1025-65535 (`default`) or TCP 443 and 10250 (`strict`). Default `default`.
	RulesProfile *RulesProfile `pulumi:"rulesProfile,optional"`

	// More TCP ports opened from the cluster security group, typically admission webhook ports (4443,
	// 6443, 8443, 9443). Ports the profile already opens are refused.
	ExtraClusterIngressPorts []int `pulumi:"extraClusterIngressPorts,optional"`

	// More ingress rules on the node security group. SSH (TCP 22), RDP (TCP/UDP 3389) and all traffic
	// are refused from CIDRs wider than a /8 (IPv4) or /16 (IPv6) outside private ranges, whatever
	// their spelling; other ports may be open to the internet (NodePorts behind a load balancer).
	IngressRules []SecurityGroupRule `pulumi:"ingressRules,optional"`

	// The egress rules of the node security group. Default: all traffic to `0.0.0.0/0`. When given,
	// they replace the default; nodes need at least HTTPS to the API server, ECR, S3, STS and EC2. An
	// empty list is refused: nodes without egress never join.
	EgressRules []SecurityGroupRule `pulumi:"egressRules,optional"`

	// IPv4 CIDRs allowed to reach the nodes on TCP 22. Default none: no SSH rule exists. CIDRs wider
	// than a /8 outside private ranges (`0.0.0.0/0`, `0.0.0.0/1`, ...) are refused.
	SshSourceCidrs []string `pulumi:"sshSourceCidrs,optional"`

	// Security groups allowed to reach the nodes on TCP 22; each may be another resource's output.
	// Default none.
	SshSourceSecurityGroupIds pulumi.StringArrayInput `pulumi:"sshSourceSecurityGroupIds,optional"`

	// What the node security group and the cluster security group allow between each other. `all`
	// (default): all traffic both ways, because EKS puts the cluster security group on managed node
	// groups, Fargate pods and Auto Mode nodes, where CoreDNS often runs; anything less cuts pods on
	// these nodes off DNS and other pods there. `minimal`: the profile's ports from the cluster
	// security group, HTTPS to it, and DNS (TCP and UDP 53) both ways.
	ClusterSecurityGroupTraffic *ClusterTraffic `pulumi:"clusterSecurityGroupTraffic,optional"`

	// Whether the node security group carries the `kubernetes.io/cluster/<name>=owned` tag. Default
	// true. Set false when the nodes' network interface also carries the cluster security group (or
	// another tagged group): the AWS Load Balancer Controller refuses an interface with more than one
	// tagged group. The instances keep their own cluster tag.
	ClusterTag *bool `pulumi:"clusterTag,optional"`
}

// SecurityGroupRule is one extra ingress or egress rule of the node security group. Exactly one of
// `cidrIpv4`, `cidrIpv6`, `prefixListId` and `securityGroupId` names the peer.
type SecurityGroupRule struct {
	// What the rule is for. Required, unique within its list, at most 255 characters of `a-zA-Z0-9.
	// _-:/()#,@[]+=&;{}!$*`.
	Description string `pulumi:"description"`

	// `tcp`, `udp`, `icmp`, `icmpv6` or `-1` (all traffic), in any case, or their protocol numbers
	// `6`, `17`, `1`, `58`; `all` means `-1`. Required.
	Protocol string `pulumi:"protocol"`

	// The first port (or ICMP type). Required for `tcp` and `udp`; not allowed for `-1`.
	FromPort *int `pulumi:"fromPort,optional"`

	// The last port (or ICMP code). Default `fromPort`.
	ToPort *int `pulumi:"toPort,optional"`

	// The peer IPv4 CIDR, in canonical form (its network address). May be another resource's output.
	CidrIpv4 pulumi.StringInput `pulumi:"cidrIpv4,optional"`

	// The peer IPv6 CIDR, in canonical form. May be another resource's output.
	CidrIpv6 pulumi.StringInput `pulumi:"cidrIpv6,optional"`

	// The peer managed prefix list ID. May be another resource's output.
	PrefixListId pulumi.StringInput `pulumi:"prefixListId,optional"`

	// The peer security group ID. May be another resource's output.
	SecurityGroupId pulumi.StringInput `pulumi:"securityGroupId,optional"`
}

// MetadataOptions are the instance metadata service (IMDS) settings of the nodes.
type MetadataOptions struct {
	// `required` (default) allows only IMDSv2; `optional` also accepts IMDSv1, which exposes
	// credentials to SSRF and is not recommended.
	HttpTokens *HttpTokens `pulumi:"httpTokens,optional"`

	// The IMDS response hop limit, 1-64. Default 1, which keeps pods without host networking away from
	// the node's credentials. Tools that read IMDS from pods (AWS Load Balancer Controller, EBS CSI
	// driver without region/VPC set) need 2; Docker-in-Docker needs 3.
	HttpPutResponseHopLimit *int `pulumi:"httpPutResponseHopLimit,optional"`

	// Whether instance tags are readable through IMDS. Default false.
	InstanceMetadataTags bool `pulumi:"instanceMetadataTags,optional"`
}

// InstanceRefresh controls how the Auto Scaling group replaces nodes when the launch template
// changes.
type InstanceRefresh struct {
	// Whether a launch template change starts an instance refresh. Default true. When false, only
	// nodes launched later use the new template.
	Enabled *bool `pulumi:"enabled,optional"`

	// The share of desired capacity that stays in service during the refresh, 0-100. Default 100.
	MinHealthyPercentage *int `pulumi:"minHealthyPercentage,optional"`

	// The share of desired capacity the group may grow to during the refresh, 100-200 and at most 100
	// above `minHealthyPercentage`. Default 110: replacements launch before old nodes terminate.
	MaxHealthyPercentage *int `pulumi:"maxHealthyPercentage,optional"`

	// Seconds a new node needs before it counts as in service. Default: the group's health check grace
	// period.
	InstanceWarmup *int `pulumi:"instanceWarmup,optional"`

	// Whether nodes already on the new template are left alone. Default true.
	SkipMatching *bool `pulumi:"skipMatching,optional"`

	// Whether Auto Scaling rolls the group back to the launch template version it had before the
	// refresh when the refresh fails (an instance that fails its health checks, or one of `alarms`
	// going to ALARM). Default false. It undoes the roll on AWS's side only: Pulumi's state still
	// holds the new template, and the next deploy starts the refresh again until the inputs change.
	// Health checks are EC2 status checks, which a node that never joins the cluster still passes:
	// give `alarms` to stop on what matters.
	AutoRollback bool `pulumi:"autoRollback,optional"`

	// Percentages of replaced nodes at which the refresh pauses for `checkpointDelay`, strictly
	// increasing, ending at 100.
	CheckpointPercentages []int `pulumi:"checkpointPercentages,optional"`

	// Seconds to wait at each checkpoint. Requires `checkpointPercentages`.
	CheckpointDelay *int `pulumi:"checkpointDelay,optional"`

	// What to do with nodes protected from scale-in: `Refresh`, `Ignore` or `Wait`. Default: AWS's
	// (`Ignore`).
	ScaleInProtectedInstances string `pulumi:"scaleInProtectedInstances,optional"`

	// What to do with nodes in Standby: `Terminate`, `Ignore` or `Wait`. Default: AWS's (`Ignore`).
	StandbyInstances string `pulumi:"standbyInstances,optional"`

	// Names of CloudWatch alarms (at most 10; each may be another resource's output) that stop the
	// refresh when they go to ALARM, and roll it back with `autoRollback`. For example an alarm on
	// Container Insights' `cluster_failed_node_count` for the cluster, or on a node-readiness metric
	// your monitoring publishes. Default none.
	Alarms pulumi.StringArrayInput `pulumi:"alarms,optional"`
}

// MixedInstancesPolicy runs the group on several instance types and mixes On-Demand and Spot
// capacity.
type MixedInstancesPolicy struct {
	// The instance types, in priority order for `prioritized` allocation: 1-40, no repeats, one CPU
	// architecture. Give exactly one of `instanceTypes` and `instanceRequirements`.
	InstanceTypes []InstanceTypeOverride `pulumi:"instanceTypes,optional"`

	// Select the instance types by their attributes (vCPUs, memory, ...) instead of listing them.
	// Give exactly one of `instanceTypes` and `instanceRequirements`. Requires `architecture`, which
	// chooses the AMI and so the instance types' architecture. `onDemandAllocationStrategy` then
	// defaults to `lowest-price` (`prioritized` is refused, as is the Spot strategy
	// `capacity-optimized-prioritized`: there is no order to follow).
	InstanceRequirements *InstanceRequirements `pulumi:"instanceRequirements,optional"`

	// Capacity always filled with On-Demand nodes. Default 0.
	OnDemandBaseCapacity *int `pulumi:"onDemandBaseCapacity,optional"`

	// The On-Demand share of capacity above the base, 0-100. Default 100 (AWS's). 0 runs Spot only.
	OnDemandPercentageAboveBaseCapacity *int `pulumi:"onDemandPercentageAboveBaseCapacity,optional"`

	// `prioritized` (default with `instanceTypes`: their order) or `lowest-price` (default with
	// `instanceRequirements`).
	OnDemandAllocationStrategy string `pulumi:"onDemandAllocationStrategy,optional"`

	// `price-capacity-optimized` (default), `capacity-optimized`, `capacity-optimized-prioritized` or
	// `lowest-price`.
	SpotAllocationStrategy string `pulumi:"spotAllocationStrategy,optional"`

	// The number of cheapest Spot pools to spread over, 1-20. Only with `lowest-price`. Default 2.
	SpotInstancePools *int `pulumi:"spotInstancePools,optional"`

	// The most you pay per Spot hour, in USD (e.g. `0.05`). Default: the On-Demand price.
	SpotMaxPrice string `pulumi:"spotMaxPrice,optional"`
}

// InstanceTypeOverride is one instance type of a mixed-instances policy.
type InstanceTypeOverride struct {
	// The EC2 instance type. Required.
	InstanceType string `pulumi:"instanceType"`

	// How many units of desired capacity one such node counts for, 1-999. Default 1. Give all types a
	// weight or none.
	WeightedCapacity *int `pulumi:"weightedCapacity,optional"`
}

// TerminationLifecycleHook holds terminating nodes so a drainer such as
// aws-node-termination-handler in queue mode can cordon and drain them first.
type TerminationLifecycleHook struct {
	// Seconds a terminating node waits for the drainer before the default result applies, 30-7200.
	// Default 300.
	HeartbeatTimeout *int `pulumi:"heartbeatTimeout,optional"`

	// What happens when the timeout passes: `CONTINUE` (default: terminate) or `ABANDON`.
	DefaultResult string `pulumi:"defaultResult,optional"`

	// An SQS queue or SNS topic ARN notified of each termination. Default none
	// (aws-node-termination-handler in queue mode reads EventBridge events instead). Requires
	// `roleArn`.
	NotificationTargetArn pulumi.StringInput `pulumi:"notificationTargetArn,optional"`

	// The role Auto Scaling assumes to publish to `notificationTargetArn`. Required with it.
	RoleArn pulumi.StringInput `pulumi:"roleArn,optional"`
}
