package nodegroup

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// The types of the Auto Scaling group's lifecycle inputs: how long nodes live, how the group
// replaces and protects them, which of its processes run, what it reports to CloudWatch, which
// lifecycle hooks hold its nodes and which load balancer target groups it registers them with.
// The limits are those of the Amazon EC2 Auto Scaling API Reference and User Guide, named where
// they are checked (validate_lifecycle.go).

// LifecycleHook is a named lifecycle hook of the Auto Scaling group: nodes that launch or
// terminate wait in `Pending:Wait` or `Terminating:Wait` until something completes the hook
// (CompleteLifecycleAction) or the heartbeat timeout passes.
type LifecycleHook struct {
	// The hook's name, unique in the group: 1-255 letters, digits, `-`, `_` and `/`. Required.
	// `eksnodes-termination` is the name of `terminationLifecycleHook`'s hook and is refused here.
	// Renaming a hook replaces it (the group itself is left alone).
	Name string `pulumi:"name"`

	// When the hook holds nodes: `LAUNCHING` (before a new node goes in service) or `TERMINATING`
	// (before a node leaves the group). Required.
	Transition LifecycleTransition `pulumi:"transition"`

	// Seconds a node waits for the hook to complete before `defaultResult` applies, 30-7200.
	// Default 300.
	HeartbeatTimeout *int `pulumi:"heartbeatTimeout,optional"`

	// What happens when the timeout passes: `CONTINUE` (default) or `ABANDON`. For a launch hook,
	// `CONTINUE` puts the node in service anyway and `ABANDON` terminates it; for a termination hook
	// both terminate the node (`ABANDON` also skips the group's other termination hooks).
	DefaultResult string `pulumi:"defaultResult,optional"`

	// An SQS queue or SNS topic ARN notified when a node enters the wait state. Default none: Auto
	// Scaling sends EventBridge events only. Requires `roleArn`.
	NotificationTargetArn pulumi.StringInput `pulumi:"notificationTargetArn,optional"`

	// The role Auto Scaling assumes to publish to `notificationTargetArn`. Required with it.
	RoleArn pulumi.StringInput `pulumi:"roleArn,optional"`

	// Text (1-1023 characters) included in every notification and event of the hook, e.g. a JSON
	// document telling the handler what to do. Default none.
	NotificationMetadata string `pulumi:"notificationMetadata,optional"`
}

// InstanceMaintenancePolicy bounds the group's capacity while it replaces nodes for its own
// reasons (health check failures, maximum instance lifetime, rebalancing) and during an instance
// refresh that does not set its own percentages.
type InstanceMaintenancePolicy struct {
	// The share of desired capacity kept in service and healthy while nodes are replaced, 0-100.
	// Required.
	MinHealthyPercentage int `pulumi:"minHealthyPercentage"`

	// The share of desired capacity the group may grow to while nodes are replaced, 100-200 and at
	// most 100 above `minHealthyPercentage`. Required. Above 100, replacements launch before the
	// nodes they replace terminate.
	MaxHealthyPercentage int `pulumi:"maxHealthyPercentage"`
}

// LifecycleTransition is when a lifecycle hook holds a node.
type LifecycleTransition string

// Lifecycle hook transitions.
const (
	// Before a new node goes in service (autoscaling:EC2_INSTANCE_LAUNCHING).
	LifecycleLaunching LifecycleTransition = "LAUNCHING"
	// Before a node leaves the group (autoscaling:EC2_INSTANCE_TERMINATING).
	LifecycleTerminating LifecycleTransition = "TERMINATING"
)

// TerminationPolicy is a rule the Auto Scaling group applies, in list order, to choose which node
// to terminate on scale-in.
type TerminationPolicy string

// Auto Scaling termination policies.
const (
	// AWS's default policy: balance Availability Zones and allocation strategies, then the oldest
	// launch template version, then the node closest to its next billing hour.
	TerminationDefault TerminationPolicy = "Default"
	// Keep the remaining nodes aligned with the On-Demand and Spot allocation strategies of
	// `mixedInstancesPolicy`.
	TerminationAllocationStrategy TerminationPolicy = "AllocationStrategy"
	// Nodes on the oldest launch template version first.
	TerminationOldestLaunchTemplate TerminationPolicy = "OldestLaunchTemplate"
	// Nodes on the oldest launch configuration first. A NodeGroup's nodes use a launch template, so
	// this policy is refused.
	TerminationOldestLaunchConfiguration TerminationPolicy = "OldestLaunchConfiguration"
	// Nodes closest to their next billing hour first.
	TerminationClosestToNextInstanceHour TerminationPolicy = "ClosestToNextInstanceHour"
	// The newest node first.
	TerminationNewestInstance TerminationPolicy = "NewestInstance"
	// The oldest node first.
	TerminationOldestInstance TerminationPolicy = "OldestInstance"
)

// ScalingProcess is an Auto Scaling process that can be suspended.
type ScalingProcess string

// Auto Scaling processes.
const (
	// Launching nodes (scale-out, replacements, instance refresh).
	ProcessLaunch ScalingProcess = "Launch"
	// Terminating nodes (scale-in, replacements, instance refresh).
	ProcessTerminate ScalingProcess = "Terminate"
	// Registering new nodes with the group's load balancers and target groups.
	ProcessAddToLoadBalancer ScalingProcess = "AddToLoadBalancer"
	// Acting on the CloudWatch alarms of the group's scaling policies.
	ProcessAlarmNotification ScalingProcess = "AlarmNotification"
	// Rebalancing nodes across Availability Zones.
	//schema:name AzRebalance
	ProcessAZRebalance ScalingProcess = "AZRebalance"
	// Checking the health of nodes.
	ProcessHealthCheck ScalingProcess = "HealthCheck"
	// Instance refreshes.
	ProcessInstanceRefresh ScalingProcess = "InstanceRefresh"
	// Replacing unhealthy nodes.
	ProcessReplaceUnhealthy ScalingProcess = "ReplaceUnhealthy"
	// Running scheduled scaling actions.
	ProcessScheduledActions ScalingProcess = "ScheduledActions"
)

// GroupMetric is an Auto Scaling group metric sent to CloudWatch (namespace AWS/AutoScaling).
type GroupMetric string

// Auto Scaling group metrics.
const (
	// The group's minimum size.
	MetricGroupMinSize GroupMetric = "GroupMinSize"
	// The group's maximum size.
	MetricGroupMaxSize GroupMetric = "GroupMaxSize"
	// The group's desired capacity.
	MetricGroupDesiredCapacity GroupMetric = "GroupDesiredCapacity"
	// Nodes in service.
	MetricGroupInServiceInstances GroupMetric = "GroupInServiceInstances"
	// Nodes launching.
	MetricGroupPendingInstances GroupMetric = "GroupPendingInstances"
	// Nodes in Standby.
	MetricGroupStandbyInstances GroupMetric = "GroupStandbyInstances"
	// Nodes terminating.
	MetricGroupTerminatingInstances GroupMetric = "GroupTerminatingInstances"
	// All nodes of the group.
	MetricGroupTotalInstances GroupMetric = "GroupTotalInstances"
	// Capacity units in service.
	MetricGroupInServiceCapacity GroupMetric = "GroupInServiceCapacity"
	// Capacity units launching.
	MetricGroupPendingCapacity GroupMetric = "GroupPendingCapacity"
	// Capacity units in Standby.
	MetricGroupStandbyCapacity GroupMetric = "GroupStandbyCapacity"
	// Capacity units terminating.
	MetricGroupTerminatingCapacity GroupMetric = "GroupTerminatingCapacity"
	// All capacity units of the group.
	MetricGroupTotalCapacity GroupMetric = "GroupTotalCapacity"
	// The warm pool's desired capacity.
	MetricWarmPoolDesiredCapacity GroupMetric = "WarmPoolDesiredCapacity"
	// Warmed capacity in the warm pool.
	MetricWarmPoolWarmedCapacity GroupMetric = "WarmPoolWarmedCapacity"
	// Capacity launching into the warm pool.
	MetricWarmPoolPendingCapacity GroupMetric = "WarmPoolPendingCapacity"
	// Capacity terminating in the warm pool.
	MetricWarmPoolTerminatingCapacity GroupMetric = "WarmPoolTerminatingCapacity"
	// All capacity of the warm pool.
	MetricWarmPoolTotalCapacity GroupMetric = "WarmPoolTotalCapacity"
	// The desired capacity of the group and its warm pool.
	MetricGroupAndWarmPoolDesiredCapacity GroupMetric = "GroupAndWarmPoolDesiredCapacity"
	// All capacity of the group and its warm pool.
	MetricGroupAndWarmPoolTotalCapacity GroupMetric = "GroupAndWarmPoolTotalCapacity"
)

// The values of the lifecycle enums, in the order AWS documents them.
var (
	lifecycleTransitions = []LifecycleTransition{LifecycleLaunching, LifecycleTerminating}
	terminationPolicies  = []TerminationPolicy{TerminationOldestInstance, TerminationOldestLaunchConfiguration,
		TerminationNewestInstance, TerminationClosestToNextInstanceHour, TerminationDefault,
		TerminationOldestLaunchTemplate, TerminationAllocationStrategy}
	scalingProcesses = []ScalingProcess{ProcessLaunch, ProcessTerminate, ProcessAddToLoadBalancer,
		ProcessAlarmNotification, ProcessAZRebalance, ProcessHealthCheck, ProcessInstanceRefresh,
		ProcessReplaceUnhealthy, ProcessScheduledActions}
	groupMetrics = []GroupMetric{MetricGroupMinSize, MetricGroupMaxSize, MetricGroupDesiredCapacity,
		MetricGroupInServiceInstances, MetricGroupPendingInstances, MetricGroupStandbyInstances,
		MetricGroupTerminatingInstances, MetricGroupTotalInstances, MetricGroupInServiceCapacity,
		MetricGroupPendingCapacity, MetricGroupStandbyCapacity, MetricGroupTerminatingCapacity,
		MetricGroupTotalCapacity, MetricWarmPoolDesiredCapacity, MetricWarmPoolWarmedCapacity,
		MetricWarmPoolPendingCapacity, MetricWarmPoolTerminatingCapacity, MetricWarmPoolTotalCapacity,
		MetricGroupAndWarmPoolDesiredCapacity, MetricGroupAndWarmPoolTotalCapacity}
)
