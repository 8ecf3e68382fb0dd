package sdkgen

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/internal/tree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const repoRoot = "../../.."

// The committed schema.json and SDKs are exactly what make codegen produces: regenerate into a
// temporary folder and compare every file, both ways.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	files, err := Generate(context.Background())
	require.NoError(t, err)
	tmp := t.TempDir()
	require.NoError(t, Write(tmp, files))

	fresh, err := tree.Read(tmp, SDKDirs...)
	require.NoError(t, err)
	committed, err := tree.Read(repoRoot, SDKDirs...)
	require.NoError(t, err)
	for _, msg := range tree.Stale(fresh, committed, "make codegen") {
		t.Error(msg)
	}
	schema, err := os.ReadFile(filepath.Join(repoRoot, "schema.json"))
	require.NoError(t, err)
	assert.Equal(t, string(files["schema.json"]), string(schema), "schema.json is stale: run make codegen")
}

func TestGenerateIsIdempotent(t *testing.T) {
	a, err := Generate(context.Background())
	require.NoError(t, err)
	b, err := Generate(context.Background())
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

// The schema keeps the promises the design makes: module index, every property described, no
// reference to another package, plain where the Go type is plain.
func TestSchemaShape(t *testing.T) {
	text, err := Schema(context.Background())
	require.NoError(t, err)
	var spec struct {
		Name      string                     `json:"name"`
		Language  map[string]json.RawMessage `json:"language"`
		Types     map[string]objectSpec      `json:"types"`
		Resources map[string]struct {
			objectSpec
			InputProperties map[string]propSpec `json:"inputProperties"`
			IsComponent     bool                `json:"isComponent"`
		} `json:"resources"`
	}
	require.NoError(t, json.Unmarshal([]byte(text), &spec))
	assert.Equal(t, "eksnodes", spec.Name)
	assert.Contains(t, spec.Language, "nodejs")
	assert.Contains(t, spec.Language, "python")
	assert.Contains(t, spec.Language, "go")
	assert.ElementsMatch(t, []string{"eksnodes:index:NodeGroup", "eksnodes:index:NodeRole", "eksnodes:index:NodeSecurityGroup"}, keys(spec.Resources))

	check := func(where string, props map[string]propSpec) {
		for name, p := range props {
			assert.NotEmpty(t, p.Description, "%s.%s has no description", where, name)
			if p.Ref != "" {
				assert.Regexp(t, `^(#/types/eksnodes:index:|pulumi.json#/Any$)`, p.Ref, "%s.%s refers outside the package", where, name)
			}
		}
	}
	for token, r := range spec.Resources {
		assert.True(t, r.IsComponent, token)
		assert.NotEmpty(t, r.Description, token)
		check(token, r.InputProperties)
		check(token+" outputs", r.Properties)
	}
	for token, ty := range spec.Types {
		assert.NotEmpty(t, ty.Description, token)
		check(token, ty.Properties)
		assert.Regexp(t, `^eksnodes:index:`, token)
	}
	ng := spec.Resources["eksnodes:index:NodeGroup"].InputProperties
	assert.True(t, ng["cluster"].Plain, "cluster is a plain object of inputs")
	assert.True(t, ng["labels"].Plain, "labels decide the rendered user data before deploy time")
	assert.True(t, ng["operatingSystem"].Plain, "operatingSystem decides which children exist")
	assert.False(t, ng["subnetIds"].Plain, "subnetIds may come from another resource")
	assert.False(t, ng["amiId"].Plain, "amiId may come from another resource")
	assert.Len(t, spec.Types["eksnodes:index:TaintEffect"].Enum, 3)
}

type propSpec struct {
	Description string `json:"description"`
	Ref         string `json:"$ref"`
	Plain       bool   `json:"plain"`
}

type objectSpec struct {
	Description string              `json:"description"`
	Properties  map[string]propSpec `json:"properties"`
	Enum        []json.RawMessage   `json:"enum"`
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
