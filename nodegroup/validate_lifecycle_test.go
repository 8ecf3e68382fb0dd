package nodegroup

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// badLifecycleInputs are invalid lifecycle inputs, each refused with the message given.
var badLifecycleInputs = []struct {
	name   string
	mutate func(a *NodeGroupArgs)
	want   string
}{
	{"lifetime below a day", func(a *NodeGroupArgs) { a.MaxInstanceLifetime = ptr(3600) },
		"maxInstanceLifetime (3600) must be 0 (none) or between 86400 (one day) and 31536000 seconds"},
	{"lifetime beyond the AWS provider's year", func(a *NodeGroupArgs) { a.MaxInstanceLifetime = ptr(31536001) },
		"maxInstanceLifetime (31536001) must be 0 (none) or between 86400 (one day) and 31536000 seconds (365 days, the AWS provider's limit)"},
	{"negative lifetime", func(a *NodeGroupArgs) { a.MaxInstanceLifetime = ptr(-1) },
		"maxInstanceLifetime (-1) must be 0 (none) or between 86400"},
	{"warmup above an hour", func(a *NodeGroupArgs) { a.DefaultInstanceWarmup = ptr(3601) },
		"defaultInstanceWarmup (3601) must be between 0 and 3600 seconds"},
	{"negative warmup", func(a *NodeGroupArgs) { a.DefaultInstanceWarmup = ptr(-1) },
		"defaultInstanceWarmup (-1) must be between 0 and 3600 seconds"},
	{"maintenance minimum above 100", func(a *NodeGroupArgs) {
		a.InstanceMaintenancePolicy = &InstanceMaintenancePolicy{MinHealthyPercentage: 101, MaxHealthyPercentage: 150}
	}, "instanceMaintenancePolicy.minHealthyPercentage (101) must be between 0 and 100"},
	{"maintenance maximum missing", func(a *NodeGroupArgs) {
		a.InstanceMaintenancePolicy = &InstanceMaintenancePolicy{MinHealthyPercentage: 90}
	}, "instanceMaintenancePolicy.maxHealthyPercentage (0) must be between 100 and 200"},
	{"maintenance range over 100", func(a *NodeGroupArgs) {
		a.InstanceMaintenancePolicy = &InstanceMaintenancePolicy{MinHealthyPercentage: 50, MaxHealthyPercentage: 160}
	}, "instanceMaintenancePolicy.maxHealthyPercentage (160) may be at most 100 above minHealthyPercentage (50)"},
	{"unknown termination policy", func(a *NodeGroupArgs) { a.TerminationPolicies = []TerminationPolicy{"Oldest"} },
		`terminationPolicies[0] ("Oldest") must be one of: OldestInstance, OldestLaunchConfiguration, NewestInstance, ClosestToNextInstanceHour, Default, OldestLaunchTemplate, AllocationStrategy`},
	{"termination policy twice", func(a *NodeGroupArgs) {
		a.TerminationPolicies = []TerminationPolicy{TerminationNewestInstance, TerminationDefault, TerminationNewestInstance}
	}, `terminationPolicies lists "NewestInstance" more than once`},
	{"launch configuration policy", func(a *NodeGroupArgs) {
		a.TerminationPolicies = []TerminationPolicy{TerminationOldestLaunchConfiguration}
	}, "terminationPolicies: OldestLaunchConfiguration never applies, the nodes use a launch template"},
	{"unknown process", func(a *NodeGroupArgs) { a.SuspendedProcesses = []ScalingProcess{"Scale"} },
		`suspendedProcesses[0] ("Scale") must be one of: Launch, Terminate, AddToLoadBalancer`},
	{"process twice", func(a *NodeGroupArgs) {
		a.SuspendedProcesses = []ScalingProcess{ProcessAZRebalance, ProcessAZRebalance}
	}, `suspendedProcesses lists "AZRebalance" more than once`},
	{"launch suspended with refresh", func(a *NodeGroupArgs) { a.SuspendedProcesses = []ScalingProcess{ProcessHealthCheck, ProcessLaunch} },
		"suspendedProcesses[1] (Launch) stops instance refreshes from replacing nodes"},
	{"terminate suspended with refresh", func(a *NodeGroupArgs) { a.SuspendedProcesses = []ScalingProcess{ProcessTerminate} },
		"suspendedProcesses[0] (Terminate) stops instance refreshes from replacing nodes"},
	{"refresh suspended with refresh", func(a *NodeGroupArgs) { a.SuspendedProcesses = []ScalingProcess{ProcessInstanceRefresh} },
		"suspendedProcesses[0] (InstanceRefresh) stops instance refreshes"},
	{"protected nodes ignored by refresh", func(a *NodeGroupArgs) { a.ProtectFromScaleIn = true },
		"protectFromScaleIn: every node is protected from scale-in and an instance refresh ignores protected nodes by default"},
	{"protected nodes explicitly ignored", func(a *NodeGroupArgs) {
		a.ProtectFromScaleIn, a.InstanceRefresh = true, &InstanceRefresh{ScaleInProtectedInstances: "Ignore"}
	}, "set instanceRefresh.scaleInProtectedInstances to Refresh or Wait"},
	{"unknown metric", func(a *NodeGroupArgs) { a.EnabledMetrics = []GroupMetric{"CPUUtilization"} },
		`enabledMetrics[0] ("CPUUtilization") must be one of: GroupMinSize`},
	{"metric twice", func(a *NodeGroupArgs) {
		a.EnabledMetrics = []GroupMetric{MetricGroupTotalInstances, MetricGroupTotalInstances}
	}, `enabledMetrics lists "GroupTotalInstances" more than once`},
	{"granularity without metrics", func(a *NodeGroupArgs) { a.MetricsGranularity = "1Minute" },
		"metricsGranularity requires enabledMetrics"},
	{"five-minute granularity", func(a *NodeGroupArgs) {
		a.EnabledMetrics, a.MetricsGranularity = []GroupMetric{MetricGroupMaxSize}, "5Minute"
	}, `metricsGranularity ("5Minute") must be one of: 1Minute`},
	{"load balancer ARN as target group", func(a *NodeGroupArgs) {
		a.TargetGroupArns = pulumi.ToStringArray([]string{"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef"})
	}, `targetGroupArns[0] ("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef") must be an ELB target group ARN`},
	{"target group name too long", func(a *NodeGroupArgs) {
		a.TargetGroupArns = pulumi.ToStringArray([]string{"arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/" + strings.Repeat("a", 33) + "/0123456789abcdef"})
	}, "must be an ELB target group ARN"},
	{"target group twice", func(a *NodeGroupArgs) { a.TargetGroupArns = pulumi.ToStringArray([]string{targetGroup, targetGroup}) },
		`targetGroupArns lists "` + targetGroup + `" more than once`},
	{"51 target groups", func(a *NodeGroupArgs) {
		var arns []string
		for i := range 51 {
			arns = append(arns, "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/tg"+strings.Repeat("x", i%20)+"/"+strings.Repeat("0", 14)+string(rune('a'+i/16))+"0123456789abcdef"[i%16:i%16+1])
		}
		a.TargetGroupArns = pulumi.ToStringArray(arns)
	}, "targetGroupArns lists 51 target groups; an Auto Scaling group takes at most 50"},
	{"target group in another partition", func(a *NodeGroupArgs) {
		a.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
		a.TargetGroupArns = pulumi.ToStringArray([]string{"arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:targetgroup/tg/0123456789abcdef"})
	}, "targetGroupArns[0] (\"arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:targetgroup/tg/0123456789abcdef\") is an ARN in partition aws-cn, but nodeRootVolumeKmsKeyId is in aws"},
	{"hook without name", func(a *NodeGroupArgs) { a.LifecycleHooks = []LifecycleHook{{Transition: LifecycleLaunching}} },
		"lifecycleHooks[0].name is required"},
	{"hook name with spaces", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "warm caches", Transition: LifecycleLaunching}}
	}, `lifecycleHooks[0].name ("warm caches") must be 1-255 letters, digits, '-', '_' and '/'`},
	{"hook name too long", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: strings.Repeat("h", 256), Transition: LifecycleLaunching}}
	}, "must be 1-255 letters, digits"},
	{"hook names twice", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching}, {Name: "h", Transition: LifecycleTerminating}}
	}, `lifecycleHooks[1].name ("h") is also the name of lifecycleHooks[0]: hook names are unique in a group`},
	{"hook named like the termination hook", func(a *NodeGroupArgs) {
		a.TerminationLifecycleHook = &TerminationLifecycleHook{}
		a.LifecycleHooks = []LifecycleHook{{Name: "eksnodes-termination", Transition: LifecycleTerminating}}
	}, `lifecycleHooks[0].name ("eksnodes-termination") is the name of terminationLifecycleHook's hook`},
	{"hook without transition", func(a *NodeGroupArgs) { a.LifecycleHooks = []LifecycleHook{{Name: "h"}} },
		"lifecycleHooks[0].transition is required: LAUNCHING or TERMINATING"},
	{"hook with API transition name", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: "autoscaling:EC2_INSTANCE_LAUNCHING"}}
	}, `lifecycleHooks[0].transition ("autoscaling:EC2_INSTANCE_LAUNCHING") must be one of: LAUNCHING, TERMINATING`},
	{"hook heartbeat too short", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching, HeartbeatTimeout: ptr(10)}}
	}, "lifecycleHooks[0].heartbeatTimeout (10) must be between 30 and 7200 seconds"},
	{"hook heartbeat too long", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching, HeartbeatTimeout: ptr(7201)}}
	}, "lifecycleHooks[0].heartbeatTimeout (7201) must be between 30 and 7200 seconds"},
	{"hook default result", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching, DefaultResult: "continue"}}
	}, `lifecycleHooks[0].defaultResult ("continue") must be one of: CONTINUE, ABANDON`},
	{"hook metadata too long", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching, NotificationMetadata: strings.Repeat("m", 1024)}}
	}, "lifecycleHooks[0].notificationMetadata is 1024 characters long; AWS takes at most 1023"},
	{"hook metadata blank", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching, NotificationMetadata: "  "}}
	}, "lifecycleHooks[0].notificationMetadata is blank"},
	{"hook target without role", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching, NotificationTargetArn: pulumi.String("arn:aws:sqs:us-east-1:111122223333:q")}}
	}, "lifecycleHooks[0].notificationTargetArn requires lifecycleHooks[0].roleArn"},
	{"hook role without target", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching, RoleArn: pulumi.String("arn:aws:iam::111122223333:role/hooks")}}
	}, "lifecycleHooks[0].roleArn requires lifecycleHooks[0].notificationTargetArn"},
	{"hook target is a Lambda function", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching,
			NotificationTargetArn: pulumi.String("arn:aws:lambda:us-east-1:111122223333:function:f"), RoleArn: pulumi.String("arn:aws:iam::111122223333:role/hooks")}}
	}, `lifecycleHooks[0].notificationTargetArn ("arn:aws:lambda:us-east-1:111122223333:function:f") must be an SQS queue or SNS topic ARN`},
	{"hook target a zero Output", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching,
			NotificationTargetArn: pulumi.StringOutput{}, RoleArn: pulumi.String("arn:aws:iam::111122223333:role/hooks")}}
	}, "lifecycleHooks[0].notificationTargetArn is a zero Output"},
	{"nil target group", func(a *NodeGroupArgs) { a.TargetGroupArns = pulumi.StringArray{nil} }, "targetGroupArns[0] is nil"},
	{"hook role is a policy", func(a *NodeGroupArgs) {
		a.LifecycleHooks = []LifecycleHook{{Name: "h", Transition: LifecycleLaunching,
			NotificationTargetArn: pulumi.String("arn:aws:sns:us-east-1:111122223333:t"), RoleArn: pulumi.String("arn:aws:iam::111122223333:policy/hooks")}}
	}, `lifecycleHooks[0].roleArn ("arn:aws:iam::111122223333:policy/hooks") must be an IAM role ARN`},
	{"51 hooks with the termination hook", func(a *NodeGroupArgs) {
		a.TerminationLifecycleHook = &TerminationLifecycleHook{}
		for i := range 50 {
			a.LifecycleHooks = append(a.LifecycleHooks, LifecycleHook{Name: "h" + strings.Repeat("x", i), Transition: LifecycleTerminating})
		}
	}, "lifecycleHooks and terminationLifecycleHook make 51 hooks; an Auto Scaling group takes at most 50"},
}

func TestLifecycleValidation(t *testing.T) {
	for _, tc := range badLifecycleInputs {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			assertRefused(t, args, tc.want)
		})
	}
}

// The limits themselves are accepted: they are AWS's, not narrower.
func TestLifecycleValidationAcceptsTheLimits(t *testing.T) {
	for name, mutate := range map[string]func(a *NodeGroupArgs){
		"lifetime of a day":  func(a *NodeGroupArgs) { a.MaxInstanceLifetime = ptr(86400) },
		"lifetime of a year": func(a *NodeGroupArgs) { a.MaxInstanceLifetime = ptr(31536000) },
		"no lifetime":        func(a *NodeGroupArgs) { a.MaxInstanceLifetime = ptr(0) },
		"warmup 0 and 3600":  func(a *NodeGroupArgs) { a.DefaultInstanceWarmup = ptr(3600) },
		"maintenance 0 and 100": func(a *NodeGroupArgs) {
			a.InstanceMaintenancePolicy = &InstanceMaintenancePolicy{MaxHealthyPercentage: 100}
		},
		"maintenance 100 and 200": func(a *NodeGroupArgs) { a.InstanceMaintenancePolicy = &InstanceMaintenancePolicy{100, 200} },
		"every termination policy but launch configurations": func(a *NodeGroupArgs) {
			a.TerminationPolicies = []TerminationPolicy{TerminationAllocationStrategy, TerminationOldestLaunchTemplate,
				TerminationClosestToNextInstanceHour, TerminationNewestInstance, TerminationOldestInstance, TerminationDefault}
		},
		"every process without refresh": func(a *NodeGroupArgs) {
			a.SuspendedProcesses = append([]ScalingProcess{}, scalingProcesses...)
			a.InstanceRefresh = &InstanceRefresh{Enabled: ptr(false)}
		},
		"protection with refresh waiting": func(a *NodeGroupArgs) {
			a.ProtectFromScaleIn, a.InstanceRefresh = true, &InstanceRefresh{ScaleInProtectedInstances: "Wait"}
		},
		"every metric": func(a *NodeGroupArgs) { a.EnabledMetrics = append([]GroupMetric{}, groupMetrics...) },
		"50 hooks":     func(a *NodeGroupArgs) { a.LifecycleHooks = hooksNamed(50) },
		"hook heartbeats": func(a *NodeGroupArgs) {
			a.LifecycleHooks = []LifecycleHook{{Name: "a", Transition: LifecycleLaunching, HeartbeatTimeout: ptr(30)}, {Name: "b/c_d", Transition: LifecycleTerminating, HeartbeatTimeout: ptr(7200)}}
		},
	} {
		t.Run(name, func(t *testing.T) {
			args := demoArgs()
			mutate(args)
			_, _, err := runNodeGroup(t, args)
			require.NoError(t, err)
		})
	}
}

func hooksNamed(n int) []LifecycleHook {
	var out []LifecycleHook
	for i := range n {
		out = append(out, LifecycleHook{Name: "hook-" + strings.Repeat("x", i), Transition: LifecycleTerminating})
	}
	return out
}
