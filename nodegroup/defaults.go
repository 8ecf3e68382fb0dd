package nodegroup

// Defaults applied by withDefaults. The schema states them in prose; the Go code owns them.
const (
	DefaultInstanceType           = "t3.medium"
	DefaultMinSize                = 1
	DefaultMaxSize                = 2
	DefaultDesiredCapacity        = 2
	DefaultRootVolumeType         = "gp3"
	DefaultHopLimit               = 1
	DefaultHealthCheckGracePeriod = 300
	DefaultMinHealthyPercentage   = 100
	DefaultMaxHealthyPercentage   = 110
	DefaultRolePath               = "/"
)

// Ref returns a pointer to v, for optional inputs in Go programs:
// `OperatingSystem: nodegroup.Ref(nodegroup.AL2023)`.
func Ref[T any](v T) *T { return &v }

func ptr[T any](v T) *T { return &v }

func valueOr[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// withDefaults returns a copy of args with every default filled in. It never changes args.
func withDefaults(args *NodeGroupArgs) NodeGroupArgs {
	var a NodeGroupArgs
	if args != nil {
		a = *args
	}
	if a.OperatingSystem == nil {
		a.OperatingSystem = Ref(AL2023)
	}
	if a.InstanceType == "" && a.MixedInstancesPolicy != nil && len(a.MixedInstancesPolicy.InstanceTypes) > 0 {
		// The first type stands for all of them where one is needed (the architecture); the
		// policy's types share it (validated).
		a.InstanceType = a.MixedInstancesPolicy.InstanceTypes[0].InstanceType
	}
	if a.InstanceType == "" && requirementsOf(a.MixedInstancesPolicy) == nil {
		a.InstanceType = DefaultInstanceType // with instance requirements there is no type at all
	}
	a.MixedInstancesPolicy = mixedDefaults(a.MixedInstancesPolicy)
	a.TerminationLifecycleHook = lifecycleHookDefaults(a.TerminationLifecycleHook)
	lifecycleDefaults(&a)
	if a.CapacityRebalance == nil {
		a.CapacityRebalance = ptr(false)
	}
	if a.Hardening == nil {
		a.Hardening = Ref(HardeningNone)
	}
	if a.AmiVariant == nil {
		// The variant follows the instance type: NVIDIA and Neuron instances get the AMI with
		// their drivers, as eksctl does.
		accel, _ := instanceAccelerator(a.InstanceType)
		if r := requirementsOf(a.MixedInstancesPolicy); r != nil {
			accel = r.accelerator()
		}
		a.AmiVariant = Ref(VariantStandard)
		if !given(a.AmiId) && a.OperatingSystem != nil {
			a.AmiVariant = Ref(variantFor(*a.OperatingSystem, accel))
		}
	}
	if a.Architecture == nil && !given(a.AmiId) {
		if arch, known, why := instanceArch(a.InstanceType); known && why == "" {
			a.Architecture = &arch
		}
	}

	minSize := DefaultMinSize
	if a.MinSize != nil {
		minSize = *a.MinSize
	} else if a.MaxSize != nil {
		minSize = min(minSize, max(*a.MaxSize, 0)) // a group parked at maxSize 0 has minSize 0
	}
	maxSize := DefaultMaxSize
	if a.MaxSize != nil {
		maxSize = *a.MaxSize
	} else {
		maxSize = max(maxSize, minSize, valueOr(a.DesiredCapacity, 0))
	}
	desired := DefaultDesiredCapacity
	if a.DesiredCapacity != nil {
		desired = *a.DesiredCapacity
	} else {
		desired = min(max(desired, minSize), maxSize)
	}
	a.MinSize, a.MaxSize, a.DesiredCapacity = ptr(minSize), ptr(maxSize), ptr(desired)

	a.MetadataOptions = metadataDefaults(a.MetadataOptions)
	if a.NodeRootVolumeSize == nil {
		a.NodeRootVolumeSize = ptr(rootVolumeFor(*a.OperatingSystem).minSize)
	}
	if a.NodeRootVolumeType == "" {
		a.NodeRootVolumeType = DefaultRootVolumeType
	}
	if a.NodeRootVolumeEncrypted == nil {
		a.NodeRootVolumeEncrypted = ptr(true)
	}
	if a.NodeRootVolumeDeleteOnTermination == nil {
		a.NodeRootVolumeDeleteOnTermination = ptr(true)
	}
	placementDefaults(&a)
	if a.EnableDetailedMonitoring == nil {
		a.EnableDetailedMonitoring = ptr(false)
	}
	if a.NodeAssociatePublicIpAddress == nil {
		a.NodeAssociatePublicIpAddress = ptr(false)
	}
	a.InstanceRefresh = instanceRefreshDefaults(a.InstanceRefresh)
	if a.IgnoreScalingChanges == nil {
		a.IgnoreScalingChanges = ptr(a.ClusterAutoscalerTags)
	}
	if a.HealthCheckGracePeriod == nil {
		a.HealthCheckGracePeriod = ptr(DefaultHealthCheckGracePeriod)
	}
	if !given(a.InstanceProfileArn) {
		opts := NodeRoleOptions{}
		if a.NodeRoleOptions != nil {
			opts = *a.NodeRoleOptions
		}
		if *a.Hardening == HardeningBaseline {
			opts.EnableSsmAccess = true // Session Manager is the way in
		}
		a.NodeRoleOptions = &opts
	}
	if !given(a.NodeSecurityGroupId) {
		opts := NodeSecurityGroupOptions{}
		if a.NodeSecurityGroupOptions != nil {
			opts = *a.NodeSecurityGroupOptions
		}
		if opts.RulesProfile == nil {
			opts.RulesProfile = Ref(RulesDefault)
		}
		a.NodeSecurityGroupOptions = &opts
	}
	return a
}

func metadataDefaults(m *MetadataOptions) *MetadataOptions {
	out := MetadataOptions{}
	if m != nil {
		out = *m
	}
	if out.HttpTokens == nil {
		out.HttpTokens = Ref(HttpTokensRequired)
	}
	if out.HttpPutResponseHopLimit == nil {
		out.HttpPutResponseHopLimit = ptr(DefaultHopLimit)
	}
	return &out
}

func instanceRefreshDefaults(r *InstanceRefresh) *InstanceRefresh {
	out := InstanceRefresh{}
	if r != nil {
		out = *r
	}
	if out.Enabled == nil {
		out.Enabled = ptr(true)
	}
	if out.MinHealthyPercentage == nil {
		out.MinHealthyPercentage = ptr(DefaultMinHealthyPercentage)
	}
	if out.MaxHealthyPercentage == nil {
		// At least the minimum and at most 100 above it, so the default never conflicts with a
		// minimum the user set.
		lo := *out.MinHealthyPercentage
		out.MaxHealthyPercentage = ptr(min(max(DefaultMaxHealthyPercentage, lo), lo+100))
	}
	if out.SkipMatching == nil {
		out.SkipMatching = ptr(true)
	}
	return &out
}

func nodeRoleDefaults(args *NodeRoleArgs) NodeRoleArgs {
	var a NodeRoleArgs
	if args != nil {
		a = *args
	}
	if a.Path == "" {
		a.Path = DefaultRolePath
	}
	if a.CreateAccessEntry == nil {
		a.CreateAccessEntry = ptr(true)
	}
	if a.AttachCniPolicy == nil {
		a.AttachCniPolicy = ptr(true)
	}
	if a.AccessEntryType == nil {
		a.AccessEntryType = Ref(AccessEntryEC2Linux)
	}
	return a
}

func nodeSecurityGroupDefaults(args *NodeSecurityGroupArgs) NodeSecurityGroupArgs {
	var a NodeSecurityGroupArgs
	if args != nil {
		a = *args
	}
	if a.RulesProfile == nil {
		a.RulesProfile = Ref(RulesDefault)
	}
	if a.ClusterSecurityGroupTraffic == nil {
		a.ClusterSecurityGroupTraffic = Ref(ClusterTrafficAll)
	}
	if a.ClusterTag == nil {
		a.ClusterTag = ptr(true)
	}
	return a
}

// roleArgsFor derives the NodeRole a NodeGroup creates for itself.
func roleArgsFor(a NodeGroupArgs) *NodeRoleArgs {
	o := a.NodeRoleOptions
	return &NodeRoleArgs{
		ClusterName:          a.Cluster.Name,
		Path:                 o.Path,
		PermissionsBoundary:  o.PermissionsBoundary,
		AdditionalPolicyArns: o.AdditionalPolicyArns,
		EnableSsmAccess:      o.EnableSsmAccess,
		AttachCniPolicy:      o.AttachCniPolicy,
		EcrPullOnly:          o.EcrPullOnly,
		CreateAccessEntry:    o.CreateAccessEntry,
		AccessEntryType:      Ref(accessEntryTypeFor(*a.OperatingSystem)),
		IpFamily:             a.Cluster.IpFamily,
		Tags:                 a.Tags,
	}
}

// securityGroupArgsFor derives the NodeSecurityGroup a NodeGroup creates for itself.
func securityGroupArgsFor(a NodeGroupArgs) *NodeSecurityGroupArgs {
	o := a.NodeSecurityGroupOptions
	return &NodeSecurityGroupArgs{
		ClusterName:                 a.Cluster.Name,
		VpcId:                       a.Cluster.VpcId,
		ClusterSecurityGroupId:      a.Cluster.SecurityGroupId,
		RulesProfile:                o.RulesProfile,
		ExtraClusterIngressPorts:    o.ExtraClusterIngressPorts,
		IngressRules:                o.IngressRules,
		EgressRules:                 o.EgressRules,
		SshSourceCidrs:              o.SshSourceCidrs,
		SshSourceSecurityGroupIds:   o.SshSourceSecurityGroupIds,
		ClusterSecurityGroupTraffic: o.ClusterSecurityGroupTraffic,
		ClusterTag:                  o.ClusterTag,
		IpFamily:                    a.Cluster.IpFamily,
		Tags:                        a.Tags,
		AllowEfa:                    a.Efa != nil,
	}
}
