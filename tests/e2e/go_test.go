//go:build e2e

package e2e

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	basic "github.com/eksnodes/pulumi-eksnodes/examples/go-basic/infra"
	ipv6 "github.com/eksnodes/pulumi-eksnodes/examples/go-ipv6/infra"
	migration "github.com/eksnodes/pulumi-eksnodes/examples/go-migration/infra"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goStack creates a stack of a Go example, with the example's Pulumi.yaml configuration.
func goStack(t *testing.T, example, stack string, program pulumi.RunFunc) auto.Stack {
	t.Helper()
	env := offline.ForTest(t)
	project, cfg, err := offline.ProjectConfig(filepath.Join(repoRoot, "examples", example, "Pulumi.yaml"))
	require.NoError(t, err)
	s, err := env.GoStack(context.Background(), project, stack, program, cfg)
	require.NoError(t, err)
	return s
}

// Each Go example through the Pulumi engine: preview, up, no changes on a second preview, an
// instance type change that updates without replacing, up, no changes again, destroy.
func TestGoExamplesLifecycle(t *testing.T) {
	for _, ex := range []struct {
		name, newType string
		program       pulumi.RunFunc
	}{
		{"go-basic", "m7i.xlarge", basic.Program},
		{"go-ipv6", "m7g.xlarge", ipv6.Program},
		{"go-migration", "m7i.xlarge", migration.Program},
	} {
		t.Run(ex.name, func(t *testing.T) {
			stack := goStack(t, ex.name, "e2e", ex.program)
			results, err := offline.RunGo(context.Background(), stack, offline.Lifecycle(ex.newType), offline.TestLog(t))
			require.NoError(t, err)
			assert.Empty(t, offline.Verify(results))
		})
	}
}

// Retiring blue in the migration example deletes exactly blue's resources; the shared role,
// access entry, security group and its rules, and green are left alone.
func TestGoMigrationRetireBlue(t *testing.T) {
	stack := goStack(t, "go-migration", "retire", migration.Program)
	results, err := offline.RunGo(context.Background(), stack, []offline.Step{
		{Op: "up"},
		{Op: "config", Key: "blueEnabled", Value: "false"},
		{Op: "preview"}, {Op: "up"}, {Op: "preview"}, {Op: "destroy"},
	}, offline.TestLog(t))
	require.NoError(t, err)

	var deleted []string
	for _, e := range results[1].Events {
		switch e.Op {
		case "same":
		case "delete":
			deleted = append(deleted, e.Type+" "+e.URN[strings.LastIndex(e.URN, "::")+2:])
		default:
			t.Errorf("retiring blue would %s %s", e.Op, e.URN)
		}
	}
	sort.Strings(deleted)
	assert.Equal(t, []string{
		"aws:autoscaling/group:Group blue",
		"aws:autoscaling/lifecycleHook:LifecycleHook blue-termination",
		"aws:ec2/launchTemplate:LaunchTemplate blue",
		"eksnodes:index:NodeGroup blue",
	}, deleted)
	assert.Equal(t, 4, results[2].Changes["delete"])
	for op, n := range results[3].Changes {
		assert.True(t, op == "same" || n == 0, "after retiring blue the stack is settled: %v", results[3].Changes)
	}
}

// A transform given to a NodeGroup reaches its children through the engine: the README's
// escape hatch for an AWS setting eksnodes has no input for.
func TestGoTransformsReachChildren(t *testing.T) {
	program := func(ctx *pulumi.Context) error {
		_, err := nodegroup.NewNodeGroup(ctx, "workers", &nodegroup.NodeGroupArgs{
			Cluster: nodegroup.ClusterArgs{
				Name:                 pulumi.String("demo"),
				Endpoint:             pulumi.String("https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
				CertificateAuthority: pulumi.String("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="),
				ServiceCidr:          pulumi.String("172.20.0.0/16"),
				Version:              pulumi.String("1.33"),
				SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
				VpcId:                pulumi.String("vpc-0123456789abcdef0"),
			},
			SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
		}, pulumi.Transforms([]pulumi.ResourceTransform{
			func(_ context.Context, args *pulumi.ResourceTransformArgs) *pulumi.ResourceTransformResult {
				if args.Type != "aws:ec2/launchTemplate:LaunchTemplate" {
					return nil
				}
				args.Props["placement"] = pulumi.Map{"groupName": pulumi.String("hpc")}
				return &pulumi.ResourceTransformResult{Props: args.Props, Opts: args.Opts}
			},
		}))
		return err
	}
	env := offline.ForTest(t)
	stack, err := env.GoStack(context.Background(), "eksnodes-transforms", "e2e", program, nil)
	require.NoError(t, err)
	results, err := offline.RunGo(context.Background(), stack, []offline.Step{{Op: "preview"}}, offline.TestLog(t))
	require.NoError(t, err)
	found := false
	for _, e := range results[0].Events {
		if e.Type == "aws:ec2/launchTemplate:LaunchTemplate" {
			found = true
			assert.Equal(t, map[string]any{"groupName": "hpc"}, e.Inputs["placement"])
		}
	}
	assert.True(t, found, "the preview shows the launch template")
}
