package nodegroup

import (
	"strconv"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// autoScalingGroupArgs builds the Auto Scaling group. It uses the launch template's numeric
// latest version, so every template change is a change of the group that starts a refresh.
func autoScalingGroupArgs(name string, a NodeGroupArgs, clusterName pulumi.StringOutput, lt *ec2.LaunchTemplate) *autoscaling.GroupArgs {
	args := &autoscaling.GroupArgs{
		NamePrefix:             pulumi.String(physicalPrefix(name, 200)),
		VpcZoneIdentifiers:     a.SubnetIds,
		MinSize:                pulumi.Int(*a.MinSize),
		MaxSize:                pulumi.Int(*a.MaxSize),
		DesiredCapacity:        pulumi.Int(*a.DesiredCapacity),
		CapacityRebalance:      pulumi.Bool(*a.CapacityRebalance),
		HealthCheckType:        pulumi.String("EC2"),
		HealthCheckGracePeriod: pulumi.Int(*a.HealthCheckGracePeriod),
		InstanceRefresh:        instanceRefreshArgs(a.InstanceRefresh),
		Tags: pulumi.All(clusterName, userTags(a.Tags)).ApplyT(func(v []any) []autoscaling.GroupTag {
			var out []autoscaling.GroupTag
			for _, t := range asgTags(str(v[0]), name, strMap(v[1]), a) {
				out = append(out, autoscaling.GroupTag{Key: t.Key, Value: t.Value, PropagateAtLaunch: t.PropagateAtLaunch})
			}
			return out
		}).(autoscaling.GroupTagArrayOutput),
	}
	if a.MixedInstancesPolicy != nil {
		args.MixedInstancesPolicy = mixedInstancesArgs(a.MixedInstancesPolicy, lt)
	} else {
		args.LaunchTemplate = autoscaling.GroupLaunchTemplateArgs{Id: lt.ID(), Version: launchTemplateVersion(lt)}
	}
	lifecycleGroupArgs(args, a)
	return args
}

// instanceRefreshArgs returns the rolling refresh settings, or nil when refresh is off.
func instanceRefreshArgs(r *InstanceRefresh) autoscaling.GroupInstanceRefreshPtrInput {
	if !*r.Enabled {
		return nil
	}
	prefs := autoscaling.GroupInstanceRefreshPreferencesArgs{
		MinHealthyPercentage: pulumi.Int(*r.MinHealthyPercentage),
		MaxHealthyPercentage: pulumi.Int(*r.MaxHealthyPercentage),
		SkipMatching:         pulumi.Bool(*r.SkipMatching),
		AutoRollback:         pulumi.Bool(r.AutoRollback),
	}
	if r.InstanceWarmup != nil {
		prefs.InstanceWarmup = pulumi.String(strconv.Itoa(*r.InstanceWarmup))
	}
	if len(r.CheckpointPercentages) > 0 {
		prefs.CheckpointPercentages = pulumi.ToIntArray(r.CheckpointPercentages)
	}
	if r.CheckpointDelay != nil {
		prefs.CheckpointDelay = pulumi.String(strconv.Itoa(*r.CheckpointDelay))
	}
	if r.ScaleInProtectedInstances != "" {
		prefs.ScaleInProtectedInstances = pulumi.String(r.ScaleInProtectedInstances)
	}
	if r.StandbyInstances != "" {
		prefs.StandbyInstances = pulumi.String(r.StandbyInstances)
	}
	if given(r.Alarms) {
		prefs.AlarmSpecification = autoscaling.GroupInstanceRefreshPreferencesAlarmSpecificationArgs{Alarms: r.Alarms}
	}
	return autoscaling.GroupInstanceRefreshArgs{Strategy: pulumi.String("Rolling"), Preferences: prefs}
}
