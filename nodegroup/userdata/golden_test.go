package userdata

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run `UPDATE_GOLDEN=1 go test ./nodegroup/userdata/` to rewrite the golden files, then read
// the diff: the golden files are the reviewed form of the user data.
const updateGoldenEnv = "UPDATE_GOLDEN"

// TestRenderGolden renders every scenario and compares it with its golden file,
// testdata/<format>/<scenario>.golden. Each format's own tests check the same output
// independently.
func TestRenderGolden(t *testing.T) {
	for _, sc := range scenarios() {
		t.Run(string(sc.in.Format)+"/"+sc.name, func(t *testing.T) {
			got, err := Render(sc.in)
			require.NoError(t, err)
			checkGolden(t, string(sc.in.Format), sc.name, got)
		})
	}
}

// TestGoldenFilesHaveScenarios keeps the golden files and the scenario table in step: a golden
// file that no scenario renders would no longer be checked.
func TestGoldenFilesHaveScenarios(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.golden"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var want []string
	for _, sc := range scenarios() {
		want = append(want, filepath.Join("testdata", string(sc.in.Format), sc.name+".golden"))
	}
	slices.Sort(want)
	assert.Equal(t, want, files)
}

// checkGolden compares got with testdata/<dir>/<scenario>.golden, or rewrites the file when
// UPDATE_GOLDEN=1.
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
