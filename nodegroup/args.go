package nodegroup

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// NodeGroupArgs are the inputs of a NodeGroup. Values that decide which child resources exist
// or that must be validated before anything is created are plain Go values; values a user may
// wire from another resource are Inputs.
type NodeGroupArgs struct {
	Cluster   ClusterArgs             `pulumi:"cluster"`
	SubnetIds pulumi.StringArrayInput `pulumi:"subnetIds"`

	OperatingSystem   *OperatingSystem   `pulumi:"operatingSystem,optional"`
	InstanceType      string             `pulumi:"instanceType,optional"`
	AmiId             pulumi.StringInput `pulumi:"amiId,optional"`
	AmiVariant        *AMIVariant        `pulumi:"amiVariant,optional"`
	AmiReleaseVersion string             `pulumi:"amiReleaseVersion,optional"`
	Architecture      *Architecture      `pulumi:"architecture,optional"`

	MinSize         *int `pulumi:"minSize,optional"`
	MaxSize         *int `pulumi:"maxSize,optional"`
	DesiredCapacity *int `pulumi:"desiredCapacity,optional"`

	Labels                map[string]string `pulumi:"labels,optional"`
	Taints                map[string]Taint  `pulumi:"taints,optional"`
	KubeletExtraArgs      string            `pulumi:"kubeletExtraArgs,optional"`
	KubeletConfig         map[string]any    `pulumi:"kubeletConfig,optional"`
	PreBootstrapUserData  string            `pulumi:"preBootstrapUserData,optional"`
	PostBootstrapUserData string            `pulumi:"postBootstrapUserData,optional"`
	UserDataOverride      string            `pulumi:"userDataOverride,optional"`
	BottlerocketSettings  map[string]any    `pulumi:"bottlerocketSettings,optional"`

	InstanceProfileArn pulumi.StringInput `pulumi:"instanceProfileArn,optional"`
	RoleArn            pulumi.StringInput `pulumi:"roleArn,optional"`
	NodeRoleOptions    *NodeRoleOptions   `pulumi:"nodeRoleOptions,optional"`

	NodeSecurityGroupId       pulumi.StringInput        `pulumi:"nodeSecurityGroupId,optional"`
	ExtraNodeSecurityGroupIds pulumi.StringArrayInput   `pulumi:"extraNodeSecurityGroupIds,optional"`
	NodeSecurityGroupOptions  *NodeSecurityGroupOptions `pulumi:"nodeSecurityGroupOptions,optional"`

	MetadataOptions                   *MetadataOptions          `pulumi:"metadataOptions,optional"`
	NodeRootVolumeSize                *int                      `pulumi:"nodeRootVolumeSize,optional"`
	NodeRootVolumeType                string                    `pulumi:"nodeRootVolumeType,optional"`
	NodeRootVolumeEncrypted           *bool                     `pulumi:"nodeRootVolumeEncrypted,optional"`
	NodeRootVolumeKmsKeyId            pulumi.StringInput        `pulumi:"nodeRootVolumeKmsKeyId,optional"`
	NodeRootVolumeIops                *int                      `pulumi:"nodeRootVolumeIops,optional"`
	NodeRootVolumeThroughput          *int                      `pulumi:"nodeRootVolumeThroughput,optional"`
	NodeRootVolumeDeleteOnTermination *bool                     `pulumi:"nodeRootVolumeDeleteOnTermination,optional"`
	EnableDetailedMonitoring          *bool                     `pulumi:"enableDetailedMonitoring,optional"`
	KeyName                           pulumi.StringInput        `pulumi:"keyName,optional"`
	NodeAssociatePublicIpAddress      *bool                     `pulumi:"nodeAssociatePublicIpAddress,optional"`
	InstanceRefresh                   *InstanceRefresh          `pulumi:"instanceRefresh,optional"`
	IgnoreScalingChanges              *bool                     `pulumi:"ignoreScalingChanges,optional"`
	HealthCheckGracePeriod            *int                      `pulumi:"healthCheckGracePeriod,optional"`
	ClusterAutoscalerTags             bool                      `pulumi:"clusterAutoscalerTags,optional"`
	MixedInstancesPolicy              *MixedInstancesPolicy     `pulumi:"mixedInstancesPolicy,optional"`
	CapacityRebalance                 *bool                     `pulumi:"capacityRebalance,optional"`
	TerminationLifecycleHook          *TerminationLifecycleHook `pulumi:"terminationLifecycleHook,optional"`
	Hardening                         *HardeningProfile         `pulumi:"hardening,optional"`
	Tags                              pulumi.StringMapInput     `pulumi:"tags,optional"`
}

// Taint is a Kubernetes taint registered by the kubelet when the node joins. The map key of
// `taints` is the taint key.
type Taint struct {
	Value  string      `pulumi:"value,optional"`
	Effect TaintEffect `pulumi:"effect"`
}

// NodeRoleOptions shape the node role a NodeGroup creates for itself.
type NodeRoleOptions struct {
	Path                 string                  `pulumi:"path,optional"`
	PermissionsBoundary  pulumi.StringInput      `pulumi:"permissionsBoundary,optional"`
	AdditionalPolicyArns pulumi.StringArrayInput `pulumi:"additionalPolicyArns,optional"`
	EnableSsmAccess      bool                    `pulumi:"enableSsmAccess,optional"`
	AttachCniPolicy      *bool                   `pulumi:"attachCniPolicy,optional"`
	EcrPullOnly          bool                    `pulumi:"ecrPullOnly,optional"`
	CreateAccessEntry    *bool                   `pulumi:"createAccessEntry,optional"`
}

// NodeSecurityGroupOptions shape the node security group a NodeGroup creates for itself.
type NodeSecurityGroupOptions struct {
	RulesProfile                *RulesProfile           `pulumi:"rulesProfile,optional"`
	ExtraClusterIngressPorts    []int                   `pulumi:"extraClusterIngressPorts,optional"`
	IngressRules                []SecurityGroupRule     `pulumi:"ingressRules,optional"`
	EgressRules                 []SecurityGroupRule     `pulumi:"egressRules,optional"`
	SshSourceCidrs              []string                `pulumi:"sshSourceCidrs,optional"`
	SshSourceSecurityGroupIds   pulumi.StringArrayInput `pulumi:"sshSourceSecurityGroupIds,optional"`
	ClusterSecurityGroupTraffic *ClusterTraffic         `pulumi:"clusterSecurityGroupTraffic,optional"`
	ClusterTag                  *bool                   `pulumi:"clusterTag,optional"`
}

// SecurityGroupRule is one extra ingress or egress rule of the node security group. Exactly
// one of cidrIpv4, cidrIpv6, prefixListId and securityGroupId names the peer.
type SecurityGroupRule struct {
	Description     string             `pulumi:"description"`
	Protocol        string             `pulumi:"protocol"`
	FromPort        *int               `pulumi:"fromPort,optional"`
	ToPort          *int               `pulumi:"toPort,optional"`
	CidrIpv4        pulumi.StringInput `pulumi:"cidrIpv4,optional"`
	CidrIpv6        pulumi.StringInput `pulumi:"cidrIpv6,optional"`
	PrefixListId    pulumi.StringInput `pulumi:"prefixListId,optional"`
	SecurityGroupId pulumi.StringInput `pulumi:"securityGroupId,optional"`
}

// MetadataOptions control the instance metadata service (IMDS).
type MetadataOptions struct {
	HttpTokens              *HttpTokens `pulumi:"httpTokens,optional"`
	HttpPutResponseHopLimit *int        `pulumi:"httpPutResponseHopLimit,optional"`
	InstanceMetadataTags    bool        `pulumi:"instanceMetadataTags,optional"`
}

// InstanceRefresh controls how the Auto Scaling group replaces nodes when the launch
// template changes.
type InstanceRefresh struct {
	Enabled                   *bool                   `pulumi:"enabled,optional"`
	MinHealthyPercentage      *int                    `pulumi:"minHealthyPercentage,optional"`
	MaxHealthyPercentage      *int                    `pulumi:"maxHealthyPercentage,optional"`
	InstanceWarmup            *int                    `pulumi:"instanceWarmup,optional"`
	SkipMatching              *bool                   `pulumi:"skipMatching,optional"`
	AutoRollback              bool                    `pulumi:"autoRollback,optional"`
	CheckpointPercentages     []int                   `pulumi:"checkpointPercentages,optional"`
	CheckpointDelay           *int                    `pulumi:"checkpointDelay,optional"`
	ScaleInProtectedInstances string                  `pulumi:"scaleInProtectedInstances,optional"`
	StandbyInstances          string                  `pulumi:"standbyInstances,optional"`
	Alarms                    pulumi.StringArrayInput `pulumi:"alarms,optional"`
}

// MixedInstancesPolicy runs the group on several instance types and purchase options.
type MixedInstancesPolicy struct {
	InstanceTypes                       []InstanceTypeOverride `pulumi:"instanceTypes"`
	OnDemandBaseCapacity                *int                   `pulumi:"onDemandBaseCapacity,optional"`
	OnDemandPercentageAboveBaseCapacity *int                   `pulumi:"onDemandPercentageAboveBaseCapacity,optional"`
	OnDemandAllocationStrategy          string                 `pulumi:"onDemandAllocationStrategy,optional"`
	SpotAllocationStrategy              string                 `pulumi:"spotAllocationStrategy,optional"`
	SpotInstancePools                   *int                   `pulumi:"spotInstancePools,optional"`
	SpotMaxPrice                        string                 `pulumi:"spotMaxPrice,optional"`
}

// InstanceTypeOverride is one instance type of a mixed-instances policy.
type InstanceTypeOverride struct {
	InstanceType     string `pulumi:"instanceType"`
	WeightedCapacity *int   `pulumi:"weightedCapacity,optional"`
}

// TerminationLifecycleHook holds terminating nodes so a drainer (such as
// aws-node-termination-handler in queue mode) can evict their pods first.
type TerminationLifecycleHook struct {
	HeartbeatTimeout      *int               `pulumi:"heartbeatTimeout,optional"`
	DefaultResult         string             `pulumi:"defaultResult,optional"`
	NotificationTargetArn pulumi.StringInput `pulumi:"notificationTargetArn,optional"`
	RoleArn               pulumi.StringInput `pulumi:"roleArn,optional"`
}

var (
	_ infer.Annotated = (*MixedInstancesPolicy)(nil)
	_ infer.Annotated = (*InstanceTypeOverride)(nil)
	_ infer.Annotated = (*TerminationLifecycleHook)(nil)
	_ infer.Annotated = (*NodeGroupArgs)(nil)
	_ infer.Annotated = (*Taint)(nil)
	_ infer.Annotated = (*NodeRoleOptions)(nil)
	_ infer.Annotated = (*NodeSecurityGroupOptions)(nil)
	_ infer.Annotated = (*SecurityGroupRule)(nil)
	_ infer.Annotated = (*MetadataOptions)(nil)
	_ infer.Annotated = (*InstanceRefresh)(nil)
)
