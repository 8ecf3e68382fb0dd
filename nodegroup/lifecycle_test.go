package nodegroup

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	tHook       = "aws:autoscaling/lifecycleHook:LifecycleHook"
	targetGroup = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/nodeports/0123456789abcdef"
)

// lifecycleArgs sets every lifecycle input of a valid group.
func lifecycleArgs() *NodeGroupArgs {
	a := demoArgs()
	a.TerminationLifecycleHook = &TerminationLifecycleHook{}
	a.LifecycleHooks = []LifecycleHook{
		{Name: "warm-caches", Transition: LifecycleLaunching, HeartbeatTimeout: ptr(900), DefaultResult: "ABANDON",
			NotificationTargetArn: pulumi.String("arn:aws:sqs:us-east-1:111122223333:launches"),
			RoleArn:               pulumi.String("arn:aws:iam::111122223333:role/hooks"),
			NotificationMetadata:  `{"stage":"launch"}`},
		{Name: "audit/terminate", Transition: LifecycleTerminating},
	}
	a.MaxInstanceLifetime = ptr(604800)
	a.DefaultInstanceWarmup = ptr(120)
	a.InstanceMaintenancePolicy = &InstanceMaintenancePolicy{MinHealthyPercentage: 90, MaxHealthyPercentage: 120}
	a.TerminationPolicies = []TerminationPolicy{TerminationOldestLaunchTemplate, TerminationDefault}
	a.SuspendedProcesses = []ScalingProcess{ProcessAZRebalance}
	a.ProtectFromScaleIn = true
	a.InstanceRefresh = &InstanceRefresh{ScaleInProtectedInstances: "Refresh"}
	a.EnabledMetrics = []GroupMetric{MetricGroupInServiceInstances, MetricGroupDesiredCapacity}
	a.TargetGroupArns = pulumi.ToStringArray([]string{targetGroup})
	return a
}

func TestLifecycleChildren(t *testing.T) {
	args := lifecycleArgs()
	m, out, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.ElementsMatch(t, append(append([]string{}, defaultChildren...),
		tHook+" ng-termination", tHook+" ng-hook-warm-caches", tHook+" ng-hook-audit/terminate"), m.Keys())

	asg := m.Require(t, tASG, "ng")
	assert.Equal(t, 604800.0, asg.Input("maxInstanceLifetime"))
	assert.Equal(t, 120.0, asg.Input("defaultInstanceWarmup"))
	assert.Equal(t, map[string]any{"minHealthyPercentage": 90.0, "maxHealthyPercentage": 120.0}, asg.Input("instanceMaintenancePolicy"))
	assert.Equal(t, []any{"OldestLaunchTemplate", "Default"}, asg.Input("terminationPolicies"))
	assert.Equal(t, []any{"AZRebalance"}, asg.Input("suspendedProcesses"))
	assert.Equal(t, true, asg.Input("protectFromScaleIn"))
	assert.Equal(t, []any{"GroupInServiceInstances", "GroupDesiredCapacity"}, asg.Input("enabledMetrics"))
	assert.Equal(t, "1Minute", asg.Input("metricsGranularity"))
	assert.Equal(t, []any{targetGroup}, asg.Input("targetGroupArns"))
	assert.Equal(t, "EC2", asg.Input("healthCheckType"), "target groups leave the health check alone")
	// The launch hook is given to the group at creation, so that its first nodes wait too;
	// later changes of it are the LifecycleHook's, never the group's.
	assert.Equal(t, []any{map[string]any{
		"name": "warm-caches", "lifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING", "heartbeatTimeout": 900.0,
		"defaultResult": "ABANDON", "notificationTargetArn": "arn:aws:sqs:us-east-1:111122223333:launches",
		"roleArn": "arn:aws:iam::111122223333:role/hooks", "notificationMetadata": `{"stage":"launch"}`,
	}}, asg.Input("initialLifecycleHooks"))
	assert.Equal(t, []string{"initialLifecycleHooks"}, asg.IgnoreChanges)

	launch := m.Require(t, tHook, "ng-hook-warm-caches")
	assert.Equal(t, map[string]any{
		"autoscalingGroupName": out.ASGName, "name": "warm-caches",
		"lifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING", "heartbeatTimeout": 900.0, "defaultResult": "ABANDON",
		"notificationTargetArn": "arn:aws:sqs:us-east-1:111122223333:launches",
		"roleArn":               "arn:aws:iam::111122223333:role/hooks", "notificationMetadata": `{"stage":"launch"}`,
	}, hookInputs(launch.Input))
	assert.Equal(t, "urn:pulumi:test::eksnodes::eksnodes:index:NodeGroup::ng", launch.Parent)

	term := m.Require(t, tHook, "ng-hook-audit/terminate")
	assert.Equal(t, map[string]any{
		"autoscalingGroupName": out.ASGName, "name": "audit/terminate",
		"lifecycleTransition": "autoscaling:EC2_INSTANCE_TERMINATING", "heartbeatTimeout": 300.0, "defaultResult": "CONTINUE",
	}, hookInputs(term.Input), "the defaults, and no notification target")
	assert.Equal(t, "eksnodes-termination", m.Require(t, tHook, "ng-termination").Input("name"), "the termination hook is unchanged")

	assert.Nil(t, args.LifecycleHooks[1].HeartbeatTimeout, "the caller's args are left alone")
	assert.Empty(t, args.MetricsGranularity)
}

// hookInputs are the set inputs of a lifecycle hook.
func hookInputs(input func(string) any) map[string]any {
	out := map[string]any{}
	for _, k := range []string{"autoscalingGroupName", "name", "lifecycleTransition", "heartbeatTimeout", "defaultResult",
		"notificationTargetArn", "roleArn", "notificationMetadata"} {
		if v := input(k); v != nil {
			out[k] = v
		}
	}
	return out
}

// A group without the lifecycle inputs sends none of them, so that existing stacks see no
// change; with termination hooks only, the group gets no initial hooks and ignores nothing.
func TestLifecycleUnsetLeavesTheGroupAlone(t *testing.T) {
	m, _, err := runNodeGroup(t, demoArgs())
	require.NoError(t, err)
	asg := m.Require(t, tASG, "ng")
	for _, k := range []string{"maxInstanceLifetime", "defaultInstanceWarmup", "instanceMaintenancePolicy", "terminationPolicies",
		"suspendedProcesses", "protectFromScaleIn", "enabledMetrics", "metricsGranularity", "targetGroupArns", "initialLifecycleHooks"} {
		assert.Nil(t, asg.Input(k), k)
	}

	args := demoArgs()
	args.LifecycleHooks = []LifecycleHook{{Name: "drain", Transition: LifecycleTerminating}}
	args.MaxInstanceLifetime = ptr(0)
	m, _, err = runNodeGroup(t, args)
	require.NoError(t, err)
	asg = m.Require(t, tASG, "ng")
	assert.Nil(t, asg.Input("initialLifecycleHooks"))
	assert.Empty(t, asg.IgnoreChanges)
	assert.Equal(t, 0.0, asg.Input("maxInstanceLifetime"), "0 clears a lifetime set before")
	assert.ElementsMatch(t, append(append([]string{}, defaultChildren...), tHook+" ng-hook-drain"), m.Keys())
}

// Ignoring initialLifecycleHooks adds to ignoring desired capacity for the autoscaler.
func TestLaunchHookWithClusterAutoscaler(t *testing.T) {
	args := demoArgs()
	args.ClusterAutoscalerTags = true
	args.LifecycleHooks = []LifecycleHook{{Name: "warm", Transition: LifecycleLaunching}}
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"desiredCapacity", "initialLifecycleHooks"}, m.Require(t, tASG, "ng").IgnoreChanges)
}

// Target group ARNs may be other resources' outputs: they are checked when they arrive.
func TestTargetGroupArnOutputsAreGuarded(t *testing.T) {
	args := demoArgs()
	args.TargetGroupArns = pulumi.StringArray{pulumi.String(targetGroup).ToStringOutput()}
	_, _, err := runNodeGroup(t, args)
	require.NoError(t, err)

	args = demoArgs()
	args.TargetGroupArns = pulumi.StringArray{pulumi.String("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/nlb/0123456789abcdef").ToStringOutput()}
	_, _, err = runNodeGroup(t, args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `targetGroupArns[0] ("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/nlb/0123456789abcdef") must be an ELB target group ARN`)
}

// A whole list may be one output too; an empty list detaches every target group.
func TestTargetGroupArnsAsOneOutputOrEmpty(t *testing.T) {
	args := demoArgs()
	args.TargetGroupArns = pulumi.ToStringArray([]string{targetGroup, targetGroup}).ToStringArrayOutput()
	_, _, err := runNodeGroup(t, args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `targetGroupArns lists "`+targetGroup+`" more than once`)

	args.TargetGroupArns = pulumi.ToStringArray([]string{targetGroup}).ToStringArrayOutput()
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Equal(t, []any{targetGroup}, m.Require(t, tASG, "ng").Input("targetGroupArns"))

	args.TargetGroupArns = pulumi.StringArray{}
	m, _, err = runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Equal(t, []any{}, m.Require(t, tASG, "ng").Input("targetGroupArns"), "sent, so that the group detaches them")
}
