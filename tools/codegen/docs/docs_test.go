package docs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const repoRoot = "../../.."

// provider/docs.json is exactly what the doc comments say: make codegen wrote it last.
func TestCommittedDocsAreCurrent(t *testing.T) {
	set, err := Read(filepath.Join(repoRoot, Package))
	require.NoError(t, err)
	want, err := set.JSON()
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(repoRoot, Output))
	require.NoError(t, err)
	assert.True(t, string(want) == string(got), "%s is stale: run make codegen", Output)
}

func writePackage(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.go"), []byte(src), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a_test.go"), []byte("package p\n\n// Ignored has no docs.\ntype Ignored struct {\n\tX string `pulumi:\"x\"`\n}\n"), 0o644))
	return dir
}

func TestRead(t *testing.T) {
	dir := writePackage(t, `package p

// Options shape a thing.
// Second line of the same paragraph.
//
// A second paragraph.
type Options struct {
	// The path, e.g. `+"`/`"+`.
	Path string `+"`pulumi:\"path,optional\"`"+`
	// Not in the schema.
	Hidden string
}

// Args are the inputs.
type Args struct {
	// Same as [Options.Path].
	Path string `+"`pulumi:\"path\"`"+`
}

// Kind is a kind.
type Kind string

// Kinds.
const (
	// The first kind.
	KindFirst Kind = "first"
	// The second kind,
	// wrapped.
	//schema:name Zweite
	KindSecond Kind = "second"
)
`)
	set, err := Read(dir)
	require.NoError(t, err)
	assert.Equal(t, "Options shape a thing. Second line of the same paragraph.\n\nA second paragraph.", set.Types["Options"].Description)
	assert.Equal(t, map[string]string{"Path": "The path, e.g. `/`."}, set.Types["Options"].Fields)
	assert.Equal(t, "The path, e.g. `/`.", set.Types["Args"].Fields["Path"], "Same as [T.F] takes T.F's text")
	assert.NotContains(t, set.Types, "Ignored", "test files are not read")
	assert.Equal(t, Enum{Description: "Kind is a kind.", Values: []Value{
		{Name: "First", Value: "first", Description: "The first kind."},
		{Name: "Zweite", Value: "second", Description: "The second kind, wrapped."},
	}}, set.Enums["Kind"])
}

// Every missing description is reported at once, by name.
func TestReadRefusesUndocumented(t *testing.T) {
	dir := writePackage(t, `package p

type Options struct {
	Path string `+"`pulumi:\"path\"`"+`
	// Same as [Options.Nothing].
	Other string `+"`pulumi:\"other\"`"+`
}

// Kind is a kind.
type Kind string

const KindFirst Kind = "first"
`)
	_, err := Read(dir)
	require.Error(t, err)
	for _, want := range []string{"Options.Path", "Options.Other", "KindFirst (enum Kind)"} {
		assert.ErrorContains(t, err, want)
	}
}

func TestSharedPrefix(t *testing.T) {
	for _, tt := range []struct {
		idents []string
		want   string
	}{
		{[]string{"VariantStandard", "VariantNvidia", "VariantNvidiaFips"}, "Variant"},
		{[]string{"AccessEntryEC2Linux", "AccessEntryEC2Windows"}, "AccessEntry"},
		{[]string{"IPv4", "IPv6"}, ""},
		{[]string{"NoSchedule", "PreferNoSchedule", "NoExecute"}, ""},
		{[]string{"X86_64", "ARM64"}, ""},
		{[]string{"HttpTokensRequired", "HttpTokensOptional"}, "HttpTokens"},
		{[]string{"Only"}, ""},
	} {
		assert.Equal(t, tt.want, sharedPrefix(tt.idents), "%v", tt.idents)
	}
}
