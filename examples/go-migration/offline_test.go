//go:build e2e

package main

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/internal/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOfflineLifecycle(t *testing.T) {
	env := offline.ForTest(t)
	ctx := context.Background()
	project, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	stack, err := env.GoStack(ctx, project, "e2e", program, cfg)
	require.NoError(t, err)
	results, err := offline.RunGo(ctx, stack, offline.Lifecycle("m7i.xlarge"), offline.TestLog(t))
	require.NoError(t, err)
	assert.Empty(t, offline.Verify(results))
}

// Retiring blue deletes exactly blue's resources; the shared role, access entry, security
// group and its rules, and green are left alone.
func TestOfflineRetireBlue(t *testing.T) {
	env := offline.ForTest(t)
	ctx := context.Background()
	project, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	stack, err := env.GoStack(ctx, project, "retire", program, cfg)
	require.NoError(t, err)
	results, err := offline.RunGo(ctx, stack, []offline.Step{
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
