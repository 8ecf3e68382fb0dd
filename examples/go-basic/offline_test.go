//go:build e2e

package main

import (
	"context"
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
