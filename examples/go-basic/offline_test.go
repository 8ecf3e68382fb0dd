package main

import (
	"context"
	"os"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/internal/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The example through the Pulumi engine: preview, up, no changes on a second preview, an
// instance type change that updates without replacing, up, no changes again, destroy.
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

// TestOfflinePreview prints the example's preview with diffs; `make preview` runs it.
func TestOfflinePreview(t *testing.T) {
	if os.Getenv("EKSNODES_PREVIEW") == "" {
		t.Skip("make preview runs this")
	}
	env := offline.ForTest(t)
	ctx := context.Background()
	project, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	stack, err := env.GoStack(ctx, project, "dev", program, cfg)
	require.NoError(t, err)
	results, err := offline.RunGo(ctx, stack, []offline.Step{{Op: "preview"}}, os.Stdout)
	require.NoError(t, err)
	require.NoError(t, offline.PrintUserData(os.Stdout, results[0]))
}
