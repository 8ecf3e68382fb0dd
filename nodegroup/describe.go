package nodegroup

import "github.com/pulumi/pulumi-go-provider/infer"

// The descriptions below become the schema's property docs, the SDKs' doc comments and the
// README's input tables. Each states the default and what conflicts with what.

// Annotate describes NodeGroup's inputs.
func (a *NodeGroupArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.Cluster, "The cluster the nodes join. Required.")
	an.Describe(&a.SubnetIds, "The subnets the Auto Scaling group launches nodes in. Required, at least one. Use private subnets: nodes get no public IP unless `nodeAssociatePublicIpAddress` is true.")
	an.Describe(&a.OperatingSystem, "The node operating system. Default `AL2023` (Amazon Linux 2023, bootstrapped by nodeadm).")
	an.Describe(&a.InstanceType, "The EC2 instance type, e.g. `m7i.large` or `m7g.large`. Default `t3.medium`. The CPU architecture (x86_64 or arm64) is inferred from the instance family and selects the AMI; a well-formed type of a family eksnodes does not know yet is accepted when `architecture` is set. Mac instances are refused.")
	an.Describe(&a.AmiId, "An exact AMI ID for the nodes: they change only when you change it. Requires `architecture`; conflicts with `amiVariant` and `amiReleaseVersion`. Default: the EKS-optimized AMI for `operatingSystem`, `amiVariant`, `cluster.version` and the instance type's architecture, read from AWS's public SSM parameter at deploy time (pinned to `amiReleaseVersion` when set, else the recommended one). The AMI must suit `operatingSystem`, whose user data it receives. AWS withdraws older public EKS-optimized Windows AMIs after a few months: to pin one, copy it into your account and pin the copy, or scale-out and node replacement will fail later.")
	an.Describe(&a.AmiVariant, "The EKS-optimized AMI variant: `standard` (default), `nvidia` (AL2023, Bottlerocket, AL2), `neuron` (AL2023 x86_64) or `fips` (Bottlerocket).")
	an.Describe(&a.AmiReleaseVersion, "Pins the EKS-optimized AMI to one release, so nodes roll only when you change it: for AL2023 and AL2 the amazon-eks-ami release date (`v20250704`, or a node group release version such as `1.33.0-20250704`), for Bottlerocket the Bottlerocket version (`1.42.0`). Windows AMIs have no release parameters: pin them with `amiId`. Default: the recommended AMI at each deploy.")
	an.Describe(&a.Architecture, "The CPU architecture of the nodes: `x86_64` or `arm64`. Required with `amiId`, and with an instance type whose family eksnodes does not know; must match the instance type when its family is known. Otherwise inferred from the instance type.")
	an.Describe(&a.MinSize, "The minimum number of nodes. Default 1 (0 when `maxSize` is 0). Must be between 0 and `maxSize`.")
	an.Describe(&a.MaxSize, "The maximum number of nodes. Default 2, or `minSize`/`desiredCapacity` if larger. 0 parks the group with no nodes.")
	an.Describe(&a.DesiredCapacity, "The number of nodes to run. Default 2, kept between `minSize` and `maxSize`. Ignored after creation when `ignoreScalingChanges` is true.")
	an.Describe(&a.Labels, "Kubernetes labels the kubelet registers the node with. Keys and values must be valid Kubernetes labels; the kubelet may not set labels under `kubernetes.io/` or `k8s.io/` except `node.kubernetes.io/` and `kubelet.kubernetes.io/` and the well-known labels. Conflicts with `userDataOverride`.")
	an.Describe(&a.Taints, "Kubernetes taints the kubelet registers the node with, keyed by taint key. Conflicts with `userDataOverride`.")
	an.Describe(&a.KubeletExtraArgs, "Extra kubelet flags separated by spaces, e.g. `--max-pods=58 --v=2`. Each must start with `--`. `--node-labels` and `--register-with-taints` belong in `labels` and `taints`. Conflicts with `userDataOverride`.")
	an.Describe(&a.KubeletConfig, "A KubeletConfiguration fragment merged by nodeadm over its defaults (NodeConfig `spec.kubelet.config`), e.g. `{maxPods: 58}`. Conflicts with `userDataOverride`.")
	an.Describe(&a.PreBootstrapUserData, "A shell script placed before the NodeConfig in the user data. A `#!/usr/bin/env bash` line is added when it has no shebang. nodeadm configures the node before cloud-init runs scripts and the kubelet starts after them, so slow work here delays the node's join. Conflicts with `userDataOverride`.")
	an.Describe(&a.PostBootstrapUserData, "A shell script placed after the NodeConfig in the user data. A `#!/usr/bin/env bash` line is added when it has no shebang. Conflicts with `userDataOverride`.")
	an.Describe(&a.BottlerocketSettings, "Bottlerocket settings (relative to the `settings` table of its TOML user data, e.g. `{kubernetes: {\"max-pods\": 58}, \"host-containers\": {admin: {enabled: true}}}`), deep-merged over the settings eksnodes renders; yours win, except the settings eksnodes renders from typed inputs (`kubernetes.cluster-name`, `api-server`, `cluster-certificate`, `node-labels`, `node-taints`), which are refused: set `cluster`, `labels` and `taints` instead. Only for `operatingSystem: Bottlerocket`, which has no kubelet flags or scripts.")
	an.Describe(&a.UserDataOverride, "The complete user data, used as is instead of the rendered document. The nodes will not join unless it bootstraps them. Conflicts with `labels`, `taints`, `kubeletExtraArgs`, `kubeletConfig`, `preBootstrapUserData`, `postBootstrapUserData` and `bottlerocketSettings`, and with `hardening: baseline` on AL2023 and Bottlerocket, whose steps live in the rendered user data.")
	an.Describe(&a.InstanceProfileArn, "The ARN of an existing instance profile for the nodes. Default: a NodeRole is created with its instance profile and access entry. Must be given together with `roleArn`; conflicts with `nodeRoleOptions`.")
	an.Describe(&a.RoleArn, "The ARN of the existing node role inside `instanceProfileArn`, reported in the outputs. Must be given together with `instanceProfileArn`. Register it with the cluster yourself, e.g. with a NodeRole.")
	an.Describe(&a.NodeRoleOptions, "Options for the node role the group creates. Conflicts with `instanceProfileArn`.")
	an.Describe(&a.NodeSecurityGroupId, "The ID of an existing node security group, e.g. a shared NodeSecurityGroup's. Default: a NodeSecurityGroup is created. Conflicts with `nodeSecurityGroupOptions`.")
	an.Describe(&a.ExtraNodeSecurityGroupIds, "More security group IDs attached to the nodes besides the node security group.")
	an.Describe(&a.NodeSecurityGroupOptions, "Options for the node security group the group creates. Conflicts with `nodeSecurityGroupId`.")
	an.Describe(&a.MetadataOptions, "Instance metadata service settings. Default: IMDSv2 tokens required, hop limit 1, instance tags not exposed.")
	an.Describe(&a.NodeRootVolumeSize, "The root volume size in GiB. Default 20.")
	an.Describe(&a.NodeRootVolumeType, "The root volume type: `gp3` (default), `gp2`, `io1`, `io2` or `standard`. HDD types (`st1`, `sc1`) cannot be boot volumes.")
	an.Describe(&a.NodeRootVolumeEncrypted, "Whether the root volume is encrypted. Default true.")
	an.Describe(&a.NodeRootVolumeKmsKeyId, "The KMS key ARN that encrypts the root volume. Default: the account's default EBS key. Requires encryption.")
	an.Describe(&a.NodeRootVolumeIops, "Provisioned IOPS of the root volume. Only for `gp3` (3000-80000), `io1` (100-64000) and `io2` (100-256000); required for `io1` and `io2`. Default: the volume type's baseline (3000 for gp3).")
	an.Describe(&a.NodeRootVolumeThroughput, "Throughput of the root volume in MiB/s. Only for `gp3` (125-2000). Default: 125.")
	an.Describe(&a.NodeRootVolumeDeleteOnTermination, "Whether the root volume is deleted when the node terminates. Default true.")
	an.Describe(&a.EnableDetailedMonitoring, "Whether EC2 detailed (1-minute) monitoring is enabled. Default false.")
	an.Describe(&a.KeyName, "The name of an EC2 key pair for SSH (a value or another resource's output). Default: none; prefer Session Manager (`nodeRoleOptions.enableSsmAccess`). SSH also needs `nodeSecurityGroupOptions.sshSourceCidrs` or `sshSourceSecurityGroupIds`.")
	an.Describe(&a.NodeAssociatePublicIpAddress, "Whether nodes get a public IP address. Default false: nodes belong in private subnets.")
	an.Describe(&a.InstanceRefresh, "How the Auto Scaling group replaces nodes when the launch template changes. Default: a rolling refresh that launches replacements before terminating old nodes (100% minimum, 110% maximum healthy).")
	an.Describe(&a.IgnoreScalingChanges, "Whether later changes of the group's desired capacity are ignored, so eksnodes does not fight the cluster autoscaler. Default: the value of `clusterAutoscalerTags`.")
	an.Describe(&a.HealthCheckGracePeriod, "Seconds after a node launches before its EC2 health check counts. Default 300.")
	an.Describe(&a.ClusterAutoscalerTags, "Whether the group carries cluster-autoscaler discovery tags (`k8s.io/cluster-autoscaler/enabled`, `k8s.io/cluster-autoscaler/<cluster>`) and node-template tags for every label and taint, which scale-from-zero needs. Default false.")
	an.Describe(&a.MixedInstancesPolicy, "Run the group on several instance types and mix On-Demand and Spot capacity. Conflicts with `instanceType`; every type must have the same CPU architecture. Spot only: `onDemandPercentageAboveBaseCapacity: 0`.")
	an.Describe(&a.CapacityRebalance, "Whether the group launches a replacement when EC2 signals that a Spot node is at elevated risk of interruption, before it is reclaimed. Default false; recommended with Spot.")
	an.Describe(&a.TerminationLifecycleHook, "A termination lifecycle hook that holds terminating nodes (scale-in, instance refresh, Spot rebalance) so a drainer such as aws-node-termination-handler in queue mode can cordon and drain them first. Default none.")
	an.Describe(&a.Hardening, "The hardening profile. `none` (default): the secure defaults, each of which you may relax. `baseline`: refuses relaxing them (IMDSv2 with hop limit 1, encrypted volumes, no public IP, no SSH key, port or rule admitting TCP 22) and attaches `AmazonSSMManagedInstanceCore` to the node role it creates, so Session Manager is the way in (with `instanceProfileArn`, attach it to your role yourself: the preview warns). On AL2023 it installs AIDE once the kubelet runs, records the file-integrity baseline once, and checks it daily; nothing is installed before the node joins. There are no automatic package updates: the EKS-optimized AMI locks its repository and kernel, so patches arrive by rolling to a newer AMI (the default `recommended` AMI policy does this at each deploy). On Bottlerocket it turns the admin container off and sets kernel lockdown to integrity, except on the NVIDIA variants, whose driver modules do not load under lockdown. On Windows and AL2 it locks the defaults only. With a custom `amiId` the package-based steps are skipped: the image is expected to carry them. Conflicts with `userDataOverride` on AL2023 and Bottlerocket.")
	an.Describe(&a.Tags, "Tags for every AWS resource the group creates and, through the launch template, its instances, volumes and network interfaces. Values may be outputs. Keys under `kubernetes.io/cluster/` and `k8s.io/cluster-autoscaler/` are managed by eksnodes and refused here; when the group creates its node role, keys and values must also suit IAM and EKS (letters, digits, spaces and `_ . : / = + - @`).")
}

// Annotate describes a mixed-instances policy.
func (m *MixedInstancesPolicy) Annotate(a infer.Annotator) {
	a.Describe(m, "Instance types and the On-Demand/Spot mix of an Auto Scaling group.")
	a.Describe(&m.InstanceTypes, "The instance types, in priority order for `prioritized` allocation. Required, 1-40, no repeats, one CPU architecture.")
	a.Describe(&m.OnDemandBaseCapacity, "Capacity always filled with On-Demand nodes. Default 0.")
	a.Describe(&m.OnDemandPercentageAboveBaseCapacity, "The On-Demand share of capacity above the base, 0-100. Default 100 (AWS's). 0 runs Spot only.")
	a.Describe(&m.OnDemandAllocationStrategy, "`prioritized` (default: the order of `instanceTypes`) or `lowest-price`.")
	a.Describe(&m.SpotAllocationStrategy, "`price-capacity-optimized` (default), `capacity-optimized`, `capacity-optimized-prioritized` or `lowest-price`.")
	a.Describe(&m.SpotInstancePools, "The number of cheapest Spot pools to spread over, 1-20. Only with `lowest-price`. Default 2.")
	a.Describe(&m.SpotMaxPrice, "The most you pay per Spot hour, in USD (e.g. `0.05`). Default: the On-Demand price.")
}

// Annotate describes an instance type of a mixed-instances policy.
func (o *InstanceTypeOverride) Annotate(a infer.Annotator) {
	a.Describe(o, "An instance type of a mixed-instances policy.")
	a.Describe(&o.InstanceType, "The EC2 instance type. Required.")
	a.Describe(&o.WeightedCapacity, "How many units of desired capacity one such node counts for, 1-999. Default 1. Give all types a weight or none.")
}

// Annotate describes the termination lifecycle hook.
func (h *TerminationLifecycleHook) Annotate(a infer.Annotator) {
	a.Describe(h, "A termination lifecycle hook for a node drainer.")
	a.Describe(&h.HeartbeatTimeout, "Seconds a terminating node waits for the drainer before the default result applies, 30-7200. Default 300.")
	a.Describe(&h.DefaultResult, "What happens when the timeout passes: `CONTINUE` (default: terminate) or `ABANDON`.")
	a.Describe(&h.NotificationTargetArn, "An SQS queue or SNS topic ARN notified of each termination. Default none (aws-node-termination-handler in queue mode reads EventBridge events instead). Requires `roleArn`.")
	a.Describe(&h.RoleArn, "The role Auto Scaling assumes to publish to `notificationTargetArn`. Required with it.")
}

// Annotate describes a taint.
func (t *Taint) Annotate(a infer.Annotator) {
	a.Describe(t, "A Kubernetes taint; its key is the key of the `taints` map.")
	a.Describe(&t.Value, "The taint value. Default empty. Must be a valid Kubernetes label value.")
	a.Describe(&t.Effect, "The taint effect: `NoSchedule`, `PreferNoSchedule` or `NoExecute`. Required.")
}

// Annotate describes the node role options.
func (o *NodeRoleOptions) Annotate(a infer.Annotator) {
	a.Describe(o, "Options for a node IAM role.")
	a.Describe(&o.Path, "The IAM path of the role and instance profile. Default `/`. Must start and end with `/`.")
	a.Describe(&o.PermissionsBoundary, "The ARN of a managed policy that bounds the role's permissions. Default none.")
	a.Describe(&o.AdditionalPolicyArns, "ARNs of managed policies attached besides the three EKS worker policies; each may be another resource's output (the list itself is given as a list, since its length decides the attachments). A worker policy, or two ARNs with the same policy name, are refused. Default none.")
	a.Describe(&o.AttachCniPolicy, "Whether `AmazonEKS_CNI_Policy` is attached to the node role. Default true. EKS recommends giving the VPC CNI its permissions through the `aws-node` service account instead (IRSA or EKS Pod Identity), so that pods cannot use the node's: set false once that is in place.")
	a.Describe(&o.EcrPullOnly, "Whether the node role gets `AmazonEC2ContainerRegistryPullOnly` (pull images only, as eksctl now grants) instead of `AmazonEC2ContainerRegistryReadOnly`. Default false.")
	a.Describe(&o.EnableSsmAccess, "Whether `AmazonSSMManagedInstanceCore` is attached so nodes can be reached with Session Manager instead of SSH. Default false.")
	a.Describe(&o.CreateAccessEntry, "Whether an EKS access entry registers the role with the cluster (authentication mode `API` or `API_AND_CONFIG_MAP`). Default true. Set false for `CONFIG_MAP` clusters and add the `awsAuthMapRole` output to the aws-auth ConfigMap.")
}

// Annotate describes the node security group options.
func (o *NodeSecurityGroupOptions) Annotate(a infer.Annotator) {
	a.Describe(o, "Options for a node security group.")
	a.Describe(&o.RulesProfile, "The rules between the nodes of the group. `default`: all traffic between nodes. `strict`: TCP/UDP 53 (DNS) and TCP 10250 (kubelet, for metrics-server) between nodes only. With `clusterSecurityGroupTraffic: minimal` it also sets the ports open from the cluster security group: TCP 443 and 1025-65535 (`default`) or TCP 443 and 10250 (`strict`). Default `default`.")
	a.Describe(&o.ClusterSecurityGroupTraffic, "What the node security group and the cluster security group allow between each other. `all` (default): all traffic both ways, because EKS puts the cluster security group on managed node groups, Fargate pods and Auto Mode nodes, where CoreDNS often runs; anything less cuts pods on these nodes off DNS and other pods there. `minimal`: the profile's ports from the cluster security group, HTTPS to it, and DNS (TCP and UDP 53) both ways.")
	a.Describe(&o.ClusterTag, "Whether the node security group carries the `kubernetes.io/cluster/<name>=owned` tag. Default true. Set false when the nodes' network interface also carries the cluster security group (or another tagged group): the AWS Load Balancer Controller refuses an interface with more than one tagged group. The instances keep their own cluster tag.")
	a.Describe(&o.ExtraClusterIngressPorts, "More TCP ports opened from the cluster security group, typically admission webhook ports (4443, 6443, 8443, 9443). Ports the profile already opens are refused.")
	a.Describe(&o.IngressRules, "More ingress rules on the node security group. SSH (TCP 22), RDP (TCP/UDP 3389) and all traffic are refused from CIDRs wider than a /8 (IPv4) or /16 (IPv6) outside private ranges, whatever their spelling; other ports may be open to the internet (NodePorts behind a load balancer).")
	a.Describe(&o.EgressRules, "The egress rules of the node security group. Default: all traffic to `0.0.0.0/0`. When given, they replace the default; nodes need at least HTTPS to the API server, ECR, S3, STS and EC2. An empty list is refused: nodes without egress never join.")
	a.Describe(&o.SshSourceCidrs, "IPv4 CIDRs allowed to reach the nodes on TCP 22. Default none: no SSH rule exists. CIDRs wider than a /8 outside private ranges (`0.0.0.0/0`, `0.0.0.0/1`, ...) are refused.")
	a.Describe(&o.SshSourceSecurityGroupIds, "Security groups allowed to reach the nodes on TCP 22; each may be another resource's output. Default none.")
}

// Annotate describes a security group rule.
func (r *SecurityGroupRule) Annotate(a infer.Annotator) {
	a.Describe(r, "A security group rule. Exactly one of `cidrIpv4`, `cidrIpv6`, `prefixListId` and `securityGroupId` names the peer.")
	a.Describe(&r.Description, "What the rule is for. Required, unique within its list, at most 255 characters of `a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*`.")
	a.Describe(&r.Protocol, "`tcp`, `udp`, `icmp`, `icmpv6` or `-1` (all traffic), in any case, or their protocol numbers `6`, `17`, `1`, `58`; `all` means `-1`. Required.")
	a.Describe(&r.FromPort, "The first port (or ICMP type). Required for `tcp` and `udp`; not allowed for `-1`.")
	a.Describe(&r.ToPort, "The last port (or ICMP code). Default `fromPort`.")
	a.Describe(&r.CidrIpv4, "The peer IPv4 CIDR, in canonical form (its network address). May be another resource's output.")
	a.Describe(&r.CidrIpv6, "The peer IPv6 CIDR, in canonical form. May be another resource's output.")
	a.Describe(&r.PrefixListId, "The peer managed prefix list ID. May be another resource's output.")
	a.Describe(&r.SecurityGroupId, "The peer security group ID. May be another resource's output.")
}

// Annotate describes the metadata options.
func (m *MetadataOptions) Annotate(a infer.Annotator) {
	a.Describe(m, "Instance metadata service (IMDS) settings.")
	a.Describe(&m.HttpTokens, "`required` (default) allows only IMDSv2; `optional` also accepts IMDSv1, which exposes credentials to SSRF and is not recommended.")
	a.Describe(&m.HttpPutResponseHopLimit, "The IMDS response hop limit, 1-64. Default 1, which keeps pods without host networking away from the node's credentials. Tools that read IMDS from pods (AWS Load Balancer Controller, EBS CSI driver without region/VPC set) need 2; Docker-in-Docker needs 3.")
	a.Describe(&m.InstanceMetadataTags, "Whether instance tags are readable through IMDS. Default false.")
}

// Annotate describes the instance refresh settings.
func (r *InstanceRefresh) Annotate(a infer.Annotator) {
	a.Describe(r, "Rolling replacement of nodes when the launch template changes.")
	a.Describe(&r.Enabled, "Whether a launch template change starts an instance refresh. Default true. When false, only nodes launched later use the new template.")
	a.Describe(&r.MinHealthyPercentage, "The share of desired capacity that stays in service during the refresh, 0-100. Default 100.")
	a.Describe(&r.MaxHealthyPercentage, "The share of desired capacity the group may grow to during the refresh, 100-200 and at most 100 above `minHealthyPercentage`. Default 110: replacements launch before old nodes terminate.")
	a.Describe(&r.InstanceWarmup, "Seconds a new node needs before it counts as in service. Default: the group's health check grace period.")
	a.Describe(&r.SkipMatching, "Whether nodes already on the new template are left alone. Default true.")
	a.Describe(&r.AutoRollback, "Whether Auto Scaling rolls the group back to the launch template version it had before the refresh when the refresh fails (an instance that fails its health checks, or one of `alarms` going to ALARM). Default false. It undoes the roll on AWS's side only: Pulumi's state still holds the new template, and the next deploy starts the refresh again until the inputs change. Health checks are EC2 status checks, which a node that never joins the cluster still passes: give `alarms` to stop on what matters.")
	a.Describe(&r.Alarms, "Names of CloudWatch alarms (at most 10; each may be another resource's output) that stop the refresh when they go to ALARM, and roll it back with `autoRollback`. For example an alarm on Container Insights' `cluster_failed_node_count` for the cluster, or on a node-readiness metric your monitoring publishes. Default none.")
	a.Describe(&r.CheckpointPercentages, "Percentages of replaced nodes at which the refresh pauses for `checkpointDelay`, strictly increasing, ending at 100.")
	a.Describe(&r.CheckpointDelay, "Seconds to wait at each checkpoint. Requires `checkpointPercentages`.")
	a.Describe(&r.ScaleInProtectedInstances, "What to do with nodes protected from scale-in: `Refresh`, `Ignore` or `Wait`. Default: AWS's (`Ignore`).")
	a.Describe(&r.StandbyInstances, "What to do with nodes in Standby: `Terminate`, `Ignore` or `Wait`. Default: AWS's (`Ignore`).")
}
