package nodegroup

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAutoScalingGroupDefaults(t *testing.T) {
	m, _, err := runNodeGroup(t, demoArgs())
	require.NoError(t, err)
	asg := m.Require(t, tASG, "ng")
	assert.Equal(t, "ng-", asg.Input("namePrefix"))
	assert.Nil(t, asg.Input("name"))
	assert.Equal(t, []any{"subnet-0123456789abcdef0", "subnet-0123456789abcdef1"}, asg.Input("vpcZoneIdentifiers"))
	assert.Equal(t, 1.0, asg.Input("minSize"))
	assert.Equal(t, 2.0, asg.Input("maxSize"))
	assert.Equal(t, 2.0, asg.Input("desiredCapacity"))
	// The numeric latest version, never $Latest or $Default: a template change is a change of
	// the group, which starts an instance refresh.
	assert.Equal(t, map[string]any{"id": nodegrouptest.ID(tLT, "ng"), "version": "1"}, asg.Input("launchTemplate"))
	assert.Equal(t, "EC2", asg.Input("healthCheckType"))
	assert.Equal(t, 300.0, asg.Input("healthCheckGracePeriod"))
	assert.Equal(t, map[string]any{
		"strategy": "Rolling",
		"preferences": map[string]any{
			"minHealthyPercentage": 100.0, "maxHealthyPercentage": 110.0, "skipMatching": true, "autoRollback": false,
		},
	}, asg.Input("instanceRefresh"))
	assert.Equal(t, []any{
		map[string]any{"key": "Name", "value": "ng", "propagateAtLaunch": true},
		map[string]any{"key": "kubernetes.io/cluster/demo", "value": "owned", "propagateAtLaunch": true},
	}, asg.Input("tags"))
	assert.Empty(t, asg.IgnoreChanges)
	// The group waits for the role (and its access entry) and the security group rules, so the
	// first nodes can join.
	assert.Contains(t, asg.Dependencies, "urn:pulumi:test::eksnodes::eksnodes:index:NodeGroup$eksnodes:index:NodeRole$aws:eks/accessEntry:AccessEntry::ng-role")
	assert.Contains(t, asg.Dependencies, "urn:pulumi:test::eksnodes::eksnodes:index:NodeGroup$eksnodes:index:NodeSecurityGroup$aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::ng-sg-cluster-ingress-all")
}

func TestAutoScalingGroupSizesDefaulting(t *testing.T) {
	for _, tc := range []struct {
		name                          string
		min, max, desired             *int
		wantMin, wantMax, wantDesired int
	}{
		{"all defaults", nil, nil, nil, 1, 2, 2},
		{"min above default max", ptr(3), nil, nil, 3, 3, 3},
		{"only desired", nil, nil, ptr(5), 1, 5, 5},
		{"scale from zero", ptr(0), ptr(10), nil, 0, 10, 2},
		{"max one", nil, ptr(1), nil, 1, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := withDefaults(&NodeGroupArgs{MinSize: tc.min, MaxSize: tc.max, DesiredCapacity: tc.desired})
			assert.Equal(t, [3]int{tc.wantMin, tc.wantMax, tc.wantDesired}, [3]int{*a.MinSize, *a.MaxSize, *a.DesiredCapacity})
		})
	}
}

func TestAutoScalingGroupRefreshAndScaling(t *testing.T) {
	args := demoArgs()
	args.InstanceRefresh = &InstanceRefresh{
		MinHealthyPercentage: ptr(90), MaxHealthyPercentage: ptr(150), InstanceWarmup: ptr(120),
		SkipMatching: ptr(false), AutoRollback: true, CheckpointPercentages: []int{25, 100}, CheckpointDelay: ptr(600),
		ScaleInProtectedInstances: "Wait", StandbyInstances: "Terminate",
	}
	args.IgnoreScalingChanges = ptr(true)
	args.HealthCheckGracePeriod = ptr(60)
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	asg := m.Require(t, tASG, "ng")
	assert.Equal(t, map[string]any{
		"strategy": "Rolling",
		"preferences": map[string]any{
			"minHealthyPercentage": 90.0, "maxHealthyPercentage": 150.0, "instanceWarmup": "120",
			"skipMatching": false, "autoRollback": true, "checkpointPercentages": []any{25.0, 100.0},
			"checkpointDelay": "600", "scaleInProtectedInstances": "Wait", "standbyInstances": "Terminate",
		},
	}, asg.Input("instanceRefresh"))
	assert.Equal(t, []string{"desiredCapacity"}, asg.IgnoreChanges)
	assert.Equal(t, 60.0, asg.Input("healthCheckGracePeriod"))

	args = demoArgs()
	args.InstanceRefresh = &InstanceRefresh{Enabled: ptr(false)}
	m, _, err = runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Nil(t, m.Require(t, tASG, "ng").Input("instanceRefresh"), "refresh switched off")
}

func TestAutoScalingGroupClusterAutoscalerTags(t *testing.T) {
	args := demoArgs()
	args.ClusterAutoscalerTags = true
	args.Labels = map[string]string{"workload": "batch"}
	args.Taints = map[string]Taint{"dedicated": {Value: "batch", Effect: NoSchedule}, "spot": {Effect: PreferNoSchedule}}
	args.Tags = pulumi.ToStringMap(map[string]string{"team": "data"})
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	asg := m.Require(t, tASG, "ng")
	assert.Equal(t, []any{
		map[string]any{"key": "Name", "value": "ng", "propagateAtLaunch": true},
		map[string]any{"key": "k8s.io/cluster-autoscaler/demo", "value": "owned", "propagateAtLaunch": false},
		map[string]any{"key": "k8s.io/cluster-autoscaler/enabled", "value": "true", "propagateAtLaunch": false},
		map[string]any{"key": "k8s.io/cluster-autoscaler/node-template/label/workload", "value": "batch", "propagateAtLaunch": false},
		map[string]any{"key": "k8s.io/cluster-autoscaler/node-template/taint/dedicated", "value": "batch:NoSchedule", "propagateAtLaunch": false},
		map[string]any{"key": "k8s.io/cluster-autoscaler/node-template/taint/spot", "value": ":PreferNoSchedule", "propagateAtLaunch": false},
		map[string]any{"key": "kubernetes.io/cluster/demo", "value": "owned", "propagateAtLaunch": true},
		map[string]any{"key": "team", "value": "data", "propagateAtLaunch": true},
	}, asg.Input("tags"))
	assert.Equal(t, []string{"desiredCapacity"}, asg.IgnoreChanges, "the autoscaler owns desired capacity by default")

	args.IgnoreScalingChanges = ptr(false)
	m, _, err = runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Empty(t, m.Require(t, tASG, "ng").IgnoreChanges, "an explicit false wins")
}

// An instance refresh stops (and with autoRollback rolls back) when one of its alarms fires:
// the alarms reach the group's alarmSpecification.
func TestInstanceRefreshAlarms(t *testing.T) {
	args := demoArgs()
	args.InstanceRefresh = &InstanceRefresh{AutoRollback: true,
		Alarms: pulumi.StringArray{pulumi.String("nodes-not-ready"), pulumi.String("demo-failed-nodes").ToStringOutput()}}
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	prefs := m.Require(t, tASG, "ng").Input("instanceRefresh").(map[string]any)["preferences"].(map[string]any)
	assert.Equal(t, true, prefs["autoRollback"])
	assert.Equal(t, map[string]any{"alarms": []any{"nodes-not-ready", "demo-failed-nodes"}}, prefs["alarmSpecification"])

	for _, tc := range []struct {
		alarms pulumi.StringArrayInput
		want   string
	}{
		{pulumi.ToStringArray([]string{"a", "a"}), `instanceRefresh.alarms lists "a" more than once`},
		{pulumi.ToStringArray([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}), "instanceRefresh.alarms lists 11 alarms; an instance refresh watches at most 10"},
		{pulumi.ToStringArray([]string{"bad\nname"}), `instanceRefresh.alarms[0] ("bad\nname") must be a CloudWatch alarm name`},
		{pulumi.ToStringArray([]string{"a", "a"}).ToStringArrayOutput(), `instanceRefresh.alarms lists "a" more than once`},
	} {
		args := demoArgs()
		args.InstanceRefresh = &InstanceRefresh{Alarms: tc.alarms}
		_, _, err := runNodeGroup(t, args)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tc.want)
	}
	args = demoArgs()
	args.InstanceRefresh = &InstanceRefresh{Enabled: ptr(false), Alarms: pulumi.ToStringArray([]string{"a"})}
	_, _, err = runNodeGroup(t, args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "instanceRefresh.alarms has no effect with instanceRefresh.enabled false")
}

// aws-node-termination-handler in queue mode drains only instances tagged
// aws-node-termination-handler/managed (its checkTagBeforeDraining, on by default): a group with
// a termination hook tags its instances.
func TestTerminationHandlerTag(t *testing.T) {
	args := demoArgs()
	args.TerminationLifecycleHook = &TerminationLifecycleHook{}
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	found := false
	for _, tag := range m.Require(t, tASG, "ng").Input("tags").([]any) {
		tm := tag.(map[string]any)
		if tm["key"] == "aws-node-termination-handler/managed" {
			found = true
			assert.Equal(t, true, tm["propagateAtLaunch"])
		}
	}
	assert.True(t, found)
	m, _, err = runNodeGroup(t, demoArgs())
	require.NoError(t, err)
	for _, tag := range m.Require(t, tASG, "ng").Input("tags").([]any) {
		assert.NotEqual(t, "aws-node-termination-handler/managed", tag.(map[string]any)["key"], "only with a termination hook")
	}
}
