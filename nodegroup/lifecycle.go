package nodegroup

import (
	"fmt"
	"slices"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// DefaultMetricsGranularity is the only granularity of Auto Scaling group metrics.
const DefaultMetricsGranularity = "1Minute"

// hookTransitions are the Auto Scaling lifecycle transitions of LifecycleHook.Transition.
var hookTransitions = map[LifecycleTransition]string{
	LifecycleLaunching:   "autoscaling:EC2_INSTANCE_LAUNCHING",
	LifecycleTerminating: terminationTransition,
}

// lifecycleDefaults fills in the defaults of the lifecycle inputs, in copies: the hooks are a
// new slice, so that guards and partition checks never write into the caller's args.
func lifecycleDefaults(a *NodeGroupArgs) {
	if a.LifecycleHooks != nil {
		hooks := slices.Clone(a.LifecycleHooks)
		for i := range hooks {
			if hooks[i].HeartbeatTimeout == nil {
				hooks[i].HeartbeatTimeout = ptr(DefaultHeartbeatTimeout)
			}
			if hooks[i].DefaultResult == "" {
				hooks[i].DefaultResult = DefaultLifecycleHookResult
			}
		}
		a.LifecycleHooks = hooks
	}
	if a.MetricsGranularity == "" && len(a.EnabledMetrics) > 0 {
		a.MetricsGranularity = DefaultMetricsGranularity
	}
}

// previewLifecycle reads nil target group ARNs as values not known yet, during a preview.
func previewLifecycle(ctx *pulumi.Context, a *NodeGroupArgs) {
	a.TargetGroupArns = previewElements(ctx, a.TargetGroupArns)
}

// lifecycleFields lists the string Inputs of the lifecycle hooks with their rules.
func lifecycleFields(a *NodeGroupArgs) []stringField {
	var f []stringField
	for i := range a.LifecycleHooks {
		h := &a.LifecycleHooks[i]
		prop := fmt.Sprintf("lifecycleHooks[%d]", i)
		f = append(f,
			stringField{prop + ".notificationTargetArn", &h.NotificationTargetArn, false, "", checkQueueOrTopicArn},
			stringField{prop + ".roleArn", &h.RoleArn, false, "", checkRoleArn})
	}
	return f
}

// targetGroupFields lists the known target group ARNs as fields, for the partition check.
func targetGroupFields(a NodeGroupArgs) []stringField {
	arr, _ := arrayElements(a.TargetGroupArns)
	out := make([]stringField, len(arr))
	for i := range arr {
		out[i] = stringField{prop: fmt.Sprintf("targetGroupArns[%d]", i), in: &arr[i]}
	}
	return out
}

// guardLifecycle checks the target group ARNs that arrive as outputs when they resolve (the
// hooks' ARNs are among nodeGroupFields).
func guardLifecycle(token, name string, a *NodeGroupArgs) {
	a.TargetGroupArns = guardArray(token, name, "targetGroupArns", a.TargetGroupArns, checkTargetGroupArn, checkTargetGroupList)
}

// lifecycleInPartition checks, once the provider's partition is known, that the ARNs of the
// lifecycle hooks are in it.
func lifecycleInPartition(name string, a *NodeGroupArgs, partition pulumi.StringOutput) {
	for i := range a.LifecycleHooks {
		h := &a.LifecycleHooks[i]
		prop := fmt.Sprintf("lifecycleHooks[%d]", i)
		h.NotificationTargetArn = inPartition(NodeGroupToken, name, prop+".notificationTargetArn", h.NotificationTargetArn, partition)
		h.RoleArn = inPartition(NodeGroupToken, name, prop+".roleArn", h.RoleArn, partition)
	}
}

// lifecycleGroupArgs sets the Auto Scaling group's lifecycle inputs. Every one of them is
// updated in place by AWS (none is ForceNew in the Terraform AWS provider's aws_autoscaling_group),
// and unset ones are left out, so adding or changing them never replaces the group.
func lifecycleGroupArgs(args *autoscaling.GroupArgs, a NodeGroupArgs) {
	if a.MaxInstanceLifetime != nil {
		args.MaxInstanceLifetime = pulumi.Int(*a.MaxInstanceLifetime)
	}
	if a.DefaultInstanceWarmup != nil {
		args.DefaultInstanceWarmup = pulumi.Int(*a.DefaultInstanceWarmup)
	}
	if m := a.InstanceMaintenancePolicy; m != nil {
		args.InstanceMaintenancePolicy = autoscaling.GroupInstanceMaintenancePolicyArgs{
			MinHealthyPercentage: pulumi.Int(m.MinHealthyPercentage),
			MaxHealthyPercentage: pulumi.Int(m.MaxHealthyPercentage),
		}
	}
	if len(a.TerminationPolicies) > 0 {
		args.TerminationPolicies = enumStrings(a.TerminationPolicies)
	}
	if len(a.SuspendedProcesses) > 0 {
		args.SuspendedProcesses = enumStrings(a.SuspendedProcesses)
	}
	if a.ProtectFromScaleIn {
		args.ProtectFromScaleIn = pulumi.Bool(true)
	}
	if len(a.EnabledMetrics) > 0 {
		args.EnabledMetrics = enumStrings(a.EnabledMetrics)
		args.MetricsGranularity = pulumi.String(a.MetricsGranularity)
	}
	if given(a.TargetGroupArns) {
		args.TargetGroupArns = a.TargetGroupArns
	}
	var initial autoscaling.GroupInitialLifecycleHookArray
	for _, h := range a.LifecycleHooks {
		if h.Transition == LifecycleLaunching {
			initial = append(initial, autoscaling.GroupInitialLifecycleHookArgs{
				Name:                  pulumi.String(h.Name),
				LifecycleTransition:   pulumi.String(hookTransitions[h.Transition]),
				HeartbeatTimeout:      pulumi.Int(*h.HeartbeatTimeout),
				DefaultResult:         pulumi.String(h.DefaultResult),
				NotificationTargetArn: h.NotificationTargetArn,
				RoleArn:               h.RoleArn,
				NotificationMetadata:  optionalString(h.NotificationMetadata),
			})
		}
	}
	if len(initial) > 0 {
		args.InitialLifecycleHooks = initial
	}
}

// lifecycleGroupOptions returns the group's resource options for its lifecycle inputs. The launch
// hooks are given to the group at creation only, so that its first nodes wait for them: AWS
// applies initial hooks when it creates the group, and the LifecycleHook resources own them
// afterwards, so later changes of the list are ignored on the group and never replace it.
func lifecycleGroupOptions(a NodeGroupArgs) []pulumi.ResourceOption {
	for _, h := range a.LifecycleHooks {
		if h.Transition == LifecycleLaunching {
			return []pulumi.ResourceOption{pulumi.IgnoreChanges([]string{"initialLifecycleHooks"})}
		}
	}
	return nil
}

// newLifecycleHooks creates one LifecycleHook resource per entry of lifecycleHooks, named
// `<group>-hook-<hook name>`.
func newLifecycleHooks(ctx *pulumi.Context, name string, hooks []LifecycleHook, asg *autoscaling.Group, opts ...pulumi.ResourceOption) ([]*autoscaling.LifecycleHook, error) {
	var out []*autoscaling.LifecycleHook
	for _, h := range hooks {
		r, err := autoscaling.NewLifecycleHook(ctx, name+"-hook-"+h.Name, &autoscaling.LifecycleHookArgs{
			AutoscalingGroupName:  asg.Name,
			Name:                  pulumi.String(h.Name),
			LifecycleTransition:   pulumi.String(hookTransitions[h.Transition]),
			HeartbeatTimeout:      pulumi.Int(*h.HeartbeatTimeout),
			DefaultResult:         pulumi.String(h.DefaultResult),
			NotificationTargetArn: h.NotificationTargetArn,
			RoleArn:               h.RoleArn,
			NotificationMetadata:  optionalString(h.NotificationMetadata),
		}, opts...)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// optionalString is s as an input, or nil when it is empty.
func optionalString(s string) pulumi.StringPtrInput {
	if s == "" {
		return nil
	}
	return pulumi.String(s)
}

// enumStrings returns the values of an enum list as a string array input.
func enumStrings[T ~string](values []T) pulumi.StringArray {
	out := make(pulumi.StringArray, len(values))
	for i, v := range values {
		out[i] = pulumi.String(string(v))
	}
	return out
}
