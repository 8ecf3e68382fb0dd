package main

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/internal/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offlineEnv sets up the real engine with the stand-in AWS plugin, or skips when the run
// was not started by make (which builds the CLI and the plugins).
func offlineEnv(t *testing.T) *offline.Env {
	env, err := offline.FromEnvironment(t.TempDir())
	if errors.Is(err, offline.ErrNotConfigured) && os.Getenv(offline.EnvRequired) == "" {
		t.Skip(err)
	}
	require.NoError(t, err)
	return env
}

// The example through the Pulumi engine: preview, up, no changes on a second preview, an
// instance type change that updates without replacing, up, no changes again, destroy.
func TestOfflineLifecycle(t *testing.T) {
	env := offlineEnv(t)
	ctx := context.Background()
	project, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	stack, err := env.GoStack(ctx, project, "e2e", program, cfg)
	require.NoError(t, err)
	results, err := offline.RunGo(ctx, stack, offline.Lifecycle("m7i.xlarge"), testWriter{t})
	require.NoError(t, err)
	assert.Empty(t, offline.Verify(results))
}

// TestOfflinePreview prints the example's preview with diffs; `make preview` runs it.
func TestOfflinePreview(t *testing.T) {
	if os.Getenv("EKSNODES_PREVIEW") == "" {
		t.Skip("make preview runs this")
	}
	env := offlineEnv(t)
	ctx := context.Background()
	project, cfg, err := offline.ProjectConfig("Pulumi.yaml")
	require.NoError(t, err)
	stack, err := env.GoStack(ctx, project, "dev", program, cfg)
	require.NoError(t, err)
	results, err := offline.RunGo(ctx, stack, []offline.Step{{Op: "preview"}}, os.Stdout)
	require.NoError(t, err)
	require.NoError(t, offline.PrintUserData(os.Stdout, results[0]))
}

// testWriter sends the engine's progress to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
