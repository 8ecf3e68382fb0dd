package nodegroup

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The Auto Scaling limits checked below, from the Amazon EC2 Auto Scaling API Reference and User
// Guide:
//   - MaxInstanceLifetime: 0 or at least 86,400 seconds (CreateAutoScalingGroup; User Guide,
//     "Replace Auto Scaling instances based on maximum instance lifetime"). AWS documents no upper
//     bound, so none is enforced beyond a 32-bit integer.
//   - DefaultInstanceWarmup: 0-3600 seconds (User Guide, "Enable the default instance warmup for a
//     group"); -1, which clears it, is what leaving it unset means here.
//   - InstanceMaintenancePolicy: MinHealthyPercentage 0-100, MaxHealthyPercentage 100-200, both
//     given, at most 100 apart (API Reference, InstanceMaintenancePolicy).
//   - Termination policies (DescribeTerminationPolicyTypes), processes (SuspendProcesses) and
//     metrics with their only granularity `1Minute` (EnableMetricsCollection, EnabledMetric).
//   - Suspending Launch or Terminate stops instance refreshes from replacing nodes (User Guide, "How
//     suspended processes affect other processes").
//   - Lifecycle hooks: name 1-255 characters of [A-Za-z0-9\-_\/] (API Reference, LifecycleHook),
//     heartbeat 30-7200 seconds, notification metadata 1-1023 characters (PutLifecycleHook), at
//     most 50 hooks and 50 ELB target groups per group (User Guide, "Quotas for Auto Scaling
//     resources and groups").
const (
	minInstanceLifetime = 86400
	maxInstanceLifetime = 31536000
	maxDefaultWarmup    = 3600
	maxLifecycleHooks   = 50
	maxTargetGroups     = 50
	maxHookMetadata     = 1023
)

var (
	hookNameRe        = lazyRegexp(`^[A-Za-z0-9\-_/]{1,255}$`)
	targetGroupNameRe = lazyRegexp(`^[A-Za-z0-9](-?[A-Za-z0-9]){0,31}$`)
	targetGroupIDRe   = regexp.MustCompile(`^[0-9a-f]{16}$`)
)

// checkTargetGroupArn accepts an Elastic Load Balancing v2 target group ARN:
// arn:<partition>:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hex digits>.
var checkTargetGroupArn = arnCheck{what: "an ELB target group ARN",
	example:  "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/nodeports/0123456789abcdef",
	services: []string{"elasticloadbalancing"}, resource: func(_, r string) bool {
		parts := strings.Split(r, "/")
		return len(parts) == 3 && parts[0] == "targetgroup" && len(parts[1]) <= 32 &&
			targetGroupNameRe.MatchString(parts[1]) && targetGroupIDRe.MatchString(parts[2])
	}}.check()

// checkTargetGroupList allows each target group once and at most 50 of them.
func checkTargetGroupList(p *problems, prop string, arns []string) {
	checkDuplicates(p, prop, arns)
	if len(arns) > maxTargetGroups {
		p.addf("%s lists %d target groups; an Auto Scaling group takes at most %d", prop, len(arns), maxTargetGroups)
	}
}

// checkLifecycle validates the Auto Scaling group's lifecycle inputs.
func checkLifecycle(p *problems, a NodeGroupArgs) {
	// The AWS API sets no upper bound, but the AWS provider (Terraform's
	// aws_autoscaling_group, which pulumi-aws wraps) refuses more than 31,536,000 seconds, so
	// a larger value would fail at deploy time.
	if v := a.MaxInstanceLifetime; v != nil && *v != 0 && (*v < minInstanceLifetime || *v > maxInstanceLifetime) {
		p.addf("maxInstanceLifetime (%d) must be 0 (none) or between %d (one day) and %d seconds (365 days, the AWS provider's limit)", *v, minInstanceLifetime, maxInstanceLifetime)
	}
	checkIntPtr(p, "defaultInstanceWarmup", a.DefaultInstanceWarmup, 0, maxDefaultWarmup, "seconds")
	if m := a.InstanceMaintenancePolicy; m != nil {
		lo, hi := m.MinHealthyPercentage, m.MaxHealthyPercentage
		checkRange(p, "instanceMaintenancePolicy.minHealthyPercentage", lo, 0, 100, "")
		checkRange(p, "instanceMaintenancePolicy.maxHealthyPercentage", hi, 100, 200, "")
		if hi-lo > 100 && lo >= 0 && hi <= 200 {
			p.addf("instanceMaintenancePolicy.maxHealthyPercentage (%d) may be at most 100 above minHealthyPercentage (%d)", hi, lo)
		}
	}
	checkEnumList(p, "terminationPolicies", a.TerminationPolicies, terminationPolicies)
	if slices.Contains(a.TerminationPolicies, TerminationOldestLaunchConfiguration) {
		p.addf("terminationPolicies: OldestLaunchConfiguration never applies, the nodes use a launch template; use OldestLaunchTemplate")
	}
	checkEnumList(p, "suspendedProcesses", a.SuspendedProcesses, scalingProcesses)
	if r := a.InstanceRefresh; r != nil && r.Enabled != nil && *r.Enabled {
		for i, s := range a.SuspendedProcesses {
			if s == ProcessLaunch || s == ProcessTerminate || s == ProcessInstanceRefresh {
				p.addf("suspendedProcesses[%d] (%s) stops instance refreshes from replacing nodes, so a launch template change would never roll out; set instanceRefresh.enabled to false to suspend it", i, s)
			}
		}
		if a.ProtectFromScaleIn && (r.ScaleInProtectedInstances == "" || r.ScaleInProtectedInstances == "Ignore") {
			p.addf("protectFromScaleIn: every node is protected from scale-in and an instance refresh ignores protected nodes by default, so a launch template change would never roll out; set instanceRefresh.scaleInProtectedInstances to Refresh or Wait")
		}
	}
	checkEnumList(p, "enabledMetrics", a.EnabledMetrics, groupMetrics)
	if g := a.MetricsGranularity; g != "" {
		if len(a.EnabledMetrics) == 0 {
			p.addf("metricsGranularity requires enabledMetrics")
		}
		checkOneOf(p, "metricsGranularity", g, DefaultMetricsGranularity)
	}
	checkStringArrayInput(p, "targetGroupArns", a.TargetGroupArns, false, checkTargetGroupArn, checkTargetGroupList)
	checkPartitions(p, append(nodeGroupFields(&a), targetGroupFields(a)...))
	checkLifecycleHooks(p, a)
}

// checkLifecycleHooks validates lifecycleHooks and how they sit with terminationLifecycleHook.
func checkLifecycleHooks(p *problems, a NodeGroupArgs) {
	if n := len(a.LifecycleHooks); n > 0 {
		total, with := n, ""
		if a.TerminationLifecycleHook != nil {
			total, with = n+1, " and terminationLifecycleHook"
		}
		if total > maxLifecycleHooks {
			p.addf("lifecycleHooks%s make %d hooks; an Auto Scaling group takes at most %d", with, total, maxLifecycleHooks)
		}
	}
	seen := map[string]int{}
	for i, h := range a.LifecycleHooks {
		prop := fmt.Sprintf("lifecycleHooks[%d]", i)
		switch {
		case h.Name == "":
			p.addf("%s.name is required", prop)
		case h.Name == terminationHookName:
			p.addf("%s.name (%q) is the name of terminationLifecycleHook's hook: give this hook another name, or set terminationLifecycleHook instead", prop, h.Name)
		case !hookNameRe.MatchString(h.Name):
			p.addf("%s.name (%q) must be 1-255 letters, digits, '-', '_' and '/'", prop, h.Name)
		}
		if j, ok := seen[h.Name]; ok && h.Name != "" {
			p.addf("%s.name (%q) is also the name of lifecycleHooks[%d]: hook names are unique in a group", prop, h.Name, j)
		} else {
			seen[h.Name] = i
		}
		if h.Transition == "" {
			p.addf("%s.transition is required: LAUNCHING or TERMINATING", prop)
		} else {
			checkEnum(p, prop+".transition", h.Transition, lifecycleTransitions)
		}
		checkIntPtr(p, prop+".heartbeatTimeout", h.HeartbeatTimeout, 30, 7200, "seconds")
		checkOneOf(p, prop+".defaultResult", h.DefaultResult, "CONTINUE", "ABANDON")
		if n := len(h.NotificationMetadata); n > maxHookMetadata {
			p.addf("%s.notificationMetadata is %d characters long; AWS takes at most %d", prop, n, maxHookMetadata)
		} else if n > 0 {
			checkBlank(p, prop+".notificationMetadata", h.NotificationMetadata)
		}
		switch {
		case given(h.NotificationTargetArn) && !given(h.RoleArn):
			p.addf("%s.notificationTargetArn requires %s.roleArn, the role Auto Scaling publishes with", prop, prop)
		case given(h.RoleArn) && !given(h.NotificationTargetArn):
			p.addf("%s.roleArn requires %s.notificationTargetArn: the role only publishes to it", prop, prop)
		}
	}
}
