package readme

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const repoRoot = "../../.."

func TestReadmeReferenceIsCurrent(t *testing.T) {
	s, err := Load(repoRoot + "/schema.json")
	require.NoError(t, err)
	raw, err := os.ReadFile(repoRoot + "/README.md")
	require.NoError(t, err)
	want, err := Splice(string(raw), s)
	require.NoError(t, err)
	assert.True(t, want == string(raw), "README.md is stale: run make docs")
}

// Every component, property, object type and enum value of the schema has a description in
// full sentences, and the reference lists each of them.
func TestEverySchemaEntryIsDescribedAndListed(t *testing.T) {
	s, err := Load(repoRoot + "/schema.json")
	require.NoError(t, err)
	ref, err := Reference(s)
	require.NoError(t, err)
	sentence := func(where, d string) {
		assert.True(t, strings.HasSuffix(strings.TrimSpace(d), ".") && len(d) > 10,
			"%s needs a description in full sentences, got %q", where, d)
	}
	var props func(where string, ps map[string]Property)
	props = func(where string, ps map[string]Property) {
		for name, p := range ps {
			sentence(where+"."+name, p.Description)
			assert.Contains(t, ref, "| `"+name+"`", "the reference lacks %s.%s", where, name)
		}
	}
	require.NotEmpty(t, s.Resources)
	for token, r := range s.Resources {
		sentence(token, r.Description)
		props(token, r.InputProperties)
		props(token+" outputs", r.Properties)
		assert.Contains(t, ref, "#### "+shortName(token)+"\n")
	}
	require.NotEmpty(t, s.Types)
	for token, ty := range s.Types {
		sentence(token, ty.Description)
		props(token, ty.Properties)
		assert.Contains(t, ref, "#### "+shortName(token))
		for _, v := range ty.Enum {
			sentence(token+"."+v.Value, v.Description)
			assert.Contains(t, ref, "| `"+v.Value+"` |")
		}
	}
}

// A type the schema uses but does not declare is an error, not a silent gap.
func TestUndeclaredTypeIsAnError(t *testing.T) {
	s := Schema{Resources: map[string]Object{"p:index:R": {
		Description:     "A resource.",
		InputProperties: map[string]Property{"x": {Description: "X.", Ref: "#/types/p:index:Missing"}},
	}}}
	_, err := Reference(s)
	assert.ErrorContains(t, err, "p:index:Missing")
}

// Links point at the headings the reference writes, object types and enums alike.
func TestTypeLinksMatchHeadings(t *testing.T) {
	s := Schema{
		Resources: map[string]Object{"p:index:R": {Description: "A resource.", InputProperties: map[string]Property{
			"o": {Description: "O.", Ref: "#/types/p:index:Obj"},
			"e": {Description: "E.", Type: "array", Items: &Property{Ref: "#/types/p:index:Kind"}},
		}}},
		Types: map[string]Object{
			"p:index:Obj":  {Description: "An object.", Properties: map[string]Property{"k": {Description: "K.", Ref: "#/types/p:index:Kind"}}},
			"p:index:Kind": {Description: "A kind.", Enum: []EnumValue{{Name: "A", Value: "a", Description: "A."}}},
		},
	}
	ref, err := Reference(s)
	require.NoError(t, err)
	assert.Contains(t, ref, "[Obj](#obj)")
	assert.Contains(t, ref, "#### Obj\n")
	assert.Contains(t, ref, "[Kind](#kind-enum)[]")
	assert.Contains(t, ref, "#### Kind (enum)")
	assert.Contains(t, ref, "Used by `R.e[]`, `Obj.k`.")
}
