package conformance_test

import (
	"sync"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

// recording is viaFake that also keeps the checked inputs and the ignoreChanges option of every
// resource, so that two runs can be diffed as the engine would on an update.
type recording struct {
	*viaFake
	mu      sync.Mutex
	inputs  map[string]property.Map
	ignored map[string][]string
}

func (r *recording) NewResource(args pulumi.MockResourceArgs) (string, presource.PropertyMap, error) {
	if args.Custom {
		u := presource.NewURN("dev", "conformance", "", tokens.Type(args.TypeToken), args.Name)
		checked, err := r.s.Check(p.CheckRequest{Urn: u, Inputs: presource.FromResourcePropertyMap(args.Inputs)})
		if err == nil {
			r.mu.Lock()
			r.inputs[args.TypeToken+" "+args.Name] = checked.Inputs
			if args.RegisterRPC != nil {
				r.ignored[args.TypeToken+" "+args.Name] = args.RegisterRPC.GetIgnoreChanges()
			}
			r.mu.Unlock()
		}
	}
	return r.viaFake.NewResource(args)
}

func record(t *testing.T, args *nodegroup.NodeGroupArgs) *recording {
	t.Helper()
	r := &recording{viaFake: newViaFake(t), inputs: map[string]property.Map{}, ignored: map[string][]string{}}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := nodegroup.NewNodeGroup(ctx, "workers", args)
		return err
	}, pulumi.WithMocks("conformance", "dev", r))
	require.NoError(t, err)
	return r
}

func lifecycleBase() *nodegroup.NodeGroupArgs {
	return &nodegroup.NodeGroupArgs{
		Cluster:   cluster(),
		SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
	}
}

// lifecycleFull sets every lifecycle input; variant changes each of them.
func lifecycleFull(variant bool) *nodegroup.NodeGroupArgs {
	a := lifecycleBase()
	a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{}
	a.LifecycleHooks = []nodegroup.LifecycleHook{
		{Name: "warm", Transition: nodegroup.LifecycleLaunching, NotificationMetadata: "launch",
			NotificationTargetArn: pulumi.String("arn:aws:sqs:us-west-2:123456789012:launches"),
			RoleArn:               pulumi.String("arn:aws:iam::123456789012:role/hooks")},
		{Name: "audit", Transition: nodegroup.LifecycleTerminating, HeartbeatTimeout: nodegroup.Ref(600)},
	}
	a.MaxInstanceLifetime = nodegroup.Ref(604800)
	a.DefaultInstanceWarmup = nodegroup.Ref(60)
	a.InstanceMaintenancePolicy = &nodegroup.InstanceMaintenancePolicy{MinHealthyPercentage: 100, MaxHealthyPercentage: 110}
	a.TerminationPolicies = []nodegroup.TerminationPolicy{nodegroup.TerminationOldestLaunchTemplate}
	a.SuspendedProcesses = []nodegroup.ScalingProcess{nodegroup.ProcessAZRebalance}
	a.ProtectFromScaleIn = true
	a.InstanceRefresh = &nodegroup.InstanceRefresh{ScaleInProtectedInstances: "Refresh"}
	a.EnabledMetrics = []nodegroup.GroupMetric{nodegroup.MetricGroupInServiceInstances}
	a.TargetGroupArns = pulumi.ToStringArray([]string{"arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/np/0123456789abcdef"})
	if variant {
		a.LifecycleHooks[0].HeartbeatTimeout = nodegroup.Ref(1200)
		a.LifecycleHooks = append(a.LifecycleHooks, nodegroup.LifecycleHook{Name: "warm2", Transition: nodegroup.LifecycleLaunching})
		a.MaxInstanceLifetime = nodegroup.Ref(0)
		a.DefaultInstanceWarmup = nodegroup.Ref(300)
		a.InstanceMaintenancePolicy = &nodegroup.InstanceMaintenancePolicy{MinHealthyPercentage: 90, MaxHealthyPercentage: 150}
		a.TerminationPolicies = []nodegroup.TerminationPolicy{nodegroup.TerminationNewestInstance, nodegroup.TerminationDefault}
		a.SuspendedProcesses = []nodegroup.ScalingProcess{nodegroup.ProcessScheduledActions, nodegroup.ProcessAZRebalance}
		a.ProtectFromScaleIn = false
		a.InstanceRefresh = nil
		a.EnabledMetrics = []nodegroup.GroupMetric{nodegroup.MetricGroupTotalInstances, nodegroup.MetricWarmPoolTotalCapacity}
		a.TargetGroupArns = pulumi.ToStringArray([]string{"arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/np2/fedcba9876543210"})
	}
	return a
}

// Adding, changing and removing every lifecycle input updates the Auto Scaling group in place
// and leaves the launch template alone, as the fake's ForceNew table (the Terraform AWS
// provider's) judges it.
func TestLifecycleInputsNeverReplaceTheGroupOrTemplate(t *testing.T) {
	for _, step := range []struct {
		name      string
		from, to  *nodegroup.NodeGroupArgs
		groupDiff bool
	}{
		{"set every lifecycle input", lifecycleBase(), lifecycleFull(false), true},
		{"change every lifecycle input", lifecycleFull(false), lifecycleFull(true), true},
		{"remove every lifecycle input", lifecycleFull(true), lifecycleBase(), true},
	} {
		t.Run(step.name, func(t *testing.T) {
			before, after := record(t, step.from), record(t, step.to)
			assert.True(t, after.types[fakeaws.GroupToken])
			for _, key := range []string{fakeaws.GroupToken + " workers", fakeaws.LaunchTemplateToken + " workers"} {
				olds, news := before.inputs[key], after.inputs[key]
				require.NotZero(t, news.Len(), key)
				u := presource.NewURN("dev", "conformance", "", tokens.Type(key[:len(key)-len(" workers")]), "workers")
				d, err := after.s.Diff(p.DiffRequest{Urn: u, ID: "id", OldInputs: olds, Inputs: news, IgnoreChanges: after.ignored[key]})
				require.NoError(t, err)
				for prop, kind := range d.DetailedDiff {
					assert.NotContains(t, []p.DiffKind{p.AddReplace, p.UpdateReplace, p.DeleteReplace}, kind.Kind, "%s: %s forces a replacement", key, prop)
					if prop == "initialLifecycleHooks" {
						// Ignored while the group has launch hooks; dropping the last one drops
						// the (creation-only) initial hooks in place, a no-op for AWS.
						assert.Equal(t, p.Delete, kind.Kind, "%s: initial hooks are only ever dropped", key)
						assert.Empty(t, step.to.LifecycleHooks)
					}
				}
				if key == fakeaws.LaunchTemplateToken+" workers" {
					assert.False(t, d.HasChanges, "the launch template does not change: %v", d.DetailedDiff)
				} else {
					assert.Equal(t, step.groupDiff, d.HasChanges, "%s: %v", key, d.DetailedDiff)
				}
			}
		})
	}
}
