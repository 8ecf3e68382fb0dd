package userdata

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkGolden compares got with testdata/<dir>/<scenario>.golden, or rewrites the file when
// UPDATE_GOLDEN=1. The golden files are the reviewed form of the user data; each renderer's
// semantic tests check the same output independently.
func checkGolden(t *testing.T, dir, scenario, got string) {
	t.Helper()
	path := filepath.Join("testdata", dir, scenario+".golden")
	if os.Getenv(updateGoldenEnv) == "1" {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with %s=1 to create the golden file", updateGoldenEnv)
	assert.Equal(t, string(want), got, "run with %s=1 to update, then review the diff", updateGoldenEnv)
}
