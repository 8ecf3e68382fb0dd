package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteReadStale(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, Write(root, []string{"out"}, map[string][]byte{"out/a.md": []byte("a"), "out/sub/b.md": []byte("b")}))
	require.NoError(t, Write(root, []string{"out"}, map[string][]byte{"out/a.md": []byte("A")}))
	got, err := Read(root, "out")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"out/a.md": "A"}, got, "Write empties the owned folder first")

	assert.Empty(t, Stale(got, got, "make x"))
	assert.Equal(t, []string{
		"out/a.md differs from the generated file: run make x",
		"out/c.md is generated but not committed: run make x",
		"out/old.md is committed but no longer generated: run make x",
	}, Stale(map[string]string{"out/a.md": "new", "out/c.md": "c"}, map[string]string{"out/a.md": "A", "out/old.md": "o"}, "make x"))
}
