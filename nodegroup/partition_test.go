package nodegroup

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// partitionMocks answers aws.getPartition by provider: providers whose reference names "cn"
// are in aws-cn, the others in aws. It counts the lookups.
type partitionMocks struct {
	*nodegrouptest.Mocks
	mu      sync.Mutex
	lookups []string // the provider reference of each lookup
}

func (m *partitionMocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	if args.Token != nodegrouptest.GetPartition {
		return m.Mocks.Call(args)
	}
	m.mu.Lock()
	m.lookups = append(m.lookups, args.Provider)
	m.mu.Unlock()
	partition := "aws"
	if strings.Contains(args.Provider, "::cn::") {
		partition = "aws-cn"
	}
	return resource.PropertyMap{"partition": resource.NewStringProperty(partition),
		"dnsSuffix": resource.NewStringProperty("amazonaws.com")}, nil
}

func runPartitionProgram(t *testing.T, program pulumi.RunFunc) *partitionMocks {
	t.Helper()
	m := &partitionMocks{Mocks: nodegrouptest.New()}
	require.NoError(t, pulumi.RunErr(program, pulumi.WithMocks("eksnodes", "test", m)))
	return m
}

// policyPartitions returns the partition of each managed policy attachment, by logical name.
func policyPartitions(m *partitionMocks) map[string]string {
	out := map[string]string{}
	for _, r := range m.Resources() {
		if r.Type == "aws:iam/rolePolicyAttachment:RolePolicyAttachment" {
			arn, _ := r.Input("policyArn").(string)
			out[r.Name] = arnPartition(arn)
		}
	}
	return out
}

func TestNodeGroupsOfOneProviderShareOnePartitionLookup(t *testing.T) {
	m := runPartitionProgram(t, func(ctx *pulumi.Context) error {
		for _, name := range []string{"a", "b", "c"} {
			if _, err := NewNodeGroup(ctx, name, demoArgs()); err != nil {
				return err
			}
		}
		_, err := NewNodeRole(ctx, "shared", &NodeRoleArgs{ClusterName: pulumi.String("demo")})
		return err
	})
	assert.Len(t, m.lookups, 1, "three groups and a role on the default provider: one lookup")
	for name, p := range policyPartitions(m) {
		assert.Equal(t, "aws", p, name)
	}
}

// Groups on providers of different partitions each get their own partition.
func TestEachProviderGetsItsOwnPartition(t *testing.T) {
	m := runPartitionProgram(t, func(ctx *pulumi.Context) error {
		cn, err := aws.NewProvider(ctx, "cn", &aws.ProviderArgs{Region: pulumi.String("cn-north-1")})
		if err != nil {
			return err
		}
		us, err := aws.NewProvider(ctx, "us", &aws.ProviderArgs{Region: pulumi.String("us-east-1")})
		if err != nil {
			return err
		}
		for name, opt := range map[string]pulumi.ResourceOption{
			"china": pulumi.Provider(cn), "china2": pulumi.Providers(cn), "us": pulumi.Provider(us), "default": nil,
		} {
			var opts []pulumi.ResourceOption
			if opt != nil {
				opts = append(opts, opt)
			}
			if _, err := NewNodeGroup(ctx, name, demoArgs(), opts...); err != nil {
				return err
			}
		}
		return nil
	})
	// china and china2 name the same provider in two ways: at most one lookup each.
	assert.GreaterOrEqual(t, len(m.lookups), 3)
	assert.LessOrEqual(t, len(m.lookups), 4)
	got := policyPartitions(m)
	require.NotEmpty(t, got)
	for name, p := range got {
		want := "aws"
		if strings.HasPrefix(name, "china") {
			want = "aws-cn"
		}
		assert.Equal(t, want, p, "%s: the partition of its own provider", name)
	}
}

// A parent whose providers eksnodes cannot see makes each role ask for itself.
func TestUnknownParentLooksUpPerRole(t *testing.T) {
	m := runPartitionProgram(t, func(ctx *pulumi.Context) error {
		var parent struct{ pulumi.ResourceState }
		if err := ctx.RegisterComponentResource("test:index:Wrapper", "w", &parent); err != nil {
			return err
		}
		for _, name := range []string{"a", "b"} {
			if _, err := NewNodeGroup(ctx, name, demoArgs(), pulumi.Parent(&parent)); err != nil {
				return err
			}
		}
		return nil
	})
	assert.Len(t, m.lookups, 2)
}

// Lookups are shared within a program, never between programs.
func TestProgramsDoNotShareLookups(t *testing.T) {
	for i := 0; i < 2; i++ {
		m := runPartitionProgram(t, func(ctx *pulumi.Context) error {
			_, err := NewNodeGroup(ctx, "a", demoArgs())
			return err
		})
		assert.Len(t, m.lookups, 1, "run %d", i)
	}
}

// The shared lookups go when their program does: a plugin serving many Constructs, each its
// own program, does not keep them.
func TestPartitionCacheForgetsFinishedPrograms(t *testing.T) {
	cached := func() int {
		partitionCache.Lock()
		defer partitionCache.Unlock()
		return len(partitionCache.byProgram)
	}
	var last *pulumi.Context
	for i := 0; i < 3; i++ {
		runPartitionProgram(t, func(ctx *pulumi.Context) error {
			last = ctx
			_, err := NewNodeGroup(ctx, "a", demoArgs())
			return err
		})
	}
	runtime.GC()
	assert.Positive(t, cached(), "a program still referenced keeps its lookups")
	runtime.KeepAlive(last)
	for i := 0; i < 20 && cached() > 0; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	assert.Zero(t, cached(), "programs still cached after they finished")
}
