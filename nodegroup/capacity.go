package nodegroup

import (
	"strconv"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Defaults of a mixed-instances policy (AWS's own, except the Spot strategy, which follows
// AWS's recommendation rather than its legacy default).
const (
	DefaultOnDemandPercentage         = 100
	DefaultOnDemandAllocationStrategy = "prioritized"
	DefaultSpotAllocationStrategy     = "price-capacity-optimized"
	DefaultHeartbeatTimeout           = 300
	DefaultLifecycleHookResult        = "CONTINUE"
	terminationTransition             = "autoscaling:EC2_INSTANCE_TERMINATING"
	terminationHookName               = "eksnodes-termination"
)

var (
	spotStrategies     = []string{"price-capacity-optimized", "capacity-optimized", "capacity-optimized-prioritized", "lowest-price"}
	onDemandStrategies = []string{"prioritized", "lowest-price"}
)

func mixedDefaults(m *MixedInstancesPolicy) *MixedInstancesPolicy {
	if m == nil {
		return nil
	}
	out := *m
	if out.OnDemandBaseCapacity == nil {
		out.OnDemandBaseCapacity = ptr(0)
	}
	if out.OnDemandPercentageAboveBaseCapacity == nil {
		out.OnDemandPercentageAboveBaseCapacity = ptr(DefaultOnDemandPercentage)
	}
	if out.OnDemandAllocationStrategy == "" {
		out.OnDemandAllocationStrategy = DefaultOnDemandAllocationStrategy
		if out.InstanceRequirements != nil {
			// AWS's default with instance requirements, where prioritized is not allowed.
			out.OnDemandAllocationStrategy = "lowest-price"
		}
	}
	out.InstanceRequirements = requirementsDefaults(out.InstanceRequirements)
	if out.SpotAllocationStrategy == "" {
		out.SpotAllocationStrategy = DefaultSpotAllocationStrategy
	}
	return &out
}

func lifecycleHookDefaults(h *TerminationLifecycleHook) *TerminationLifecycleHook {
	if h == nil {
		return nil
	}
	out := *h
	if out.HeartbeatTimeout == nil {
		out.HeartbeatTimeout = ptr(DefaultHeartbeatTimeout)
	}
	if out.DefaultResult == "" {
		out.DefaultResult = DefaultLifecycleHookResult
	}
	return &out
}

// launchTemplateSpec is the launch template at its numeric latest version.
func launchTemplateVersion(lt *ec2.LaunchTemplate) pulumi.StringOutput {
	return lt.LatestVersion.ApplyT(strconv.Itoa).(pulumi.StringOutput)
}

// mixedInstancesArgs builds the group's mixed-instances policy: the launch template with one
// override per instance type (or one with the instance requirements), and the On-Demand/Spot
// distribution.
func mixedInstancesArgs(m *MixedInstancesPolicy, lt *ec2.LaunchTemplate) autoscaling.GroupMixedInstancesPolicyArgs {
	var overrides autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideArray
	if r := m.InstanceRequirements; r != nil {
		overrides = append(overrides, autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideArgs{InstanceRequirements: requirementsArgs(r)})
	}
	for _, o := range m.InstanceTypes {
		ov := autoscaling.GroupMixedInstancesPolicyLaunchTemplateOverrideArgs{InstanceType: pulumi.String(o.InstanceType)}
		if o.WeightedCapacity != nil {
			ov.WeightedCapacity = pulumi.String(strconv.Itoa(*o.WeightedCapacity))
		}
		overrides = append(overrides, ov)
	}
	dist := autoscaling.GroupMixedInstancesPolicyInstancesDistributionArgs{
		OnDemandAllocationStrategy:          pulumi.String(m.OnDemandAllocationStrategy),
		OnDemandBaseCapacity:                pulumi.Int(*m.OnDemandBaseCapacity),
		OnDemandPercentageAboveBaseCapacity: pulumi.Int(*m.OnDemandPercentageAboveBaseCapacity),
		SpotAllocationStrategy:              pulumi.String(m.SpotAllocationStrategy),
		SpotInstancePools:                   pulumi.IntPtrFromPtr(m.SpotInstancePools),
	}
	if m.SpotMaxPrice != "" {
		dist.SpotMaxPrice = pulumi.String(m.SpotMaxPrice)
	}
	return autoscaling.GroupMixedInstancesPolicyArgs{
		LaunchTemplate: autoscaling.GroupMixedInstancesPolicyLaunchTemplateArgs{
			LaunchTemplateSpecification: autoscaling.GroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecificationArgs{
				LaunchTemplateId: lt.ID(),
				Version:          launchTemplateVersion(lt),
			},
			Overrides: overrides,
		},
		InstancesDistribution: dist,
	}
}

// newTerminationHook creates the termination lifecycle hook of the group.
func newTerminationHook(ctx *pulumi.Context, name string, h *TerminationLifecycleHook, asg *autoscaling.Group, opts ...pulumi.ResourceOption) (*autoscaling.LifecycleHook, error) {
	return autoscaling.NewLifecycleHook(ctx, name+"-termination", &autoscaling.LifecycleHookArgs{
		AutoscalingGroupName:  asg.Name,
		Name:                  pulumi.String(terminationHookName),
		LifecycleTransition:   pulumi.String(terminationTransition),
		HeartbeatTimeout:      pulumi.Int(*h.HeartbeatTimeout),
		DefaultResult:         pulumi.String(h.DefaultResult),
		NotificationTargetArn: h.NotificationTargetArn,
		RoleArn:               h.RoleArn,
	}, opts...)
}
