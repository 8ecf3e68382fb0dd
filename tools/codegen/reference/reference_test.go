package reference

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/internal/tree"
	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/readme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

const repoRoot = "../../.."

func loadSchema(t *testing.T) readme.Schema {
	t.Helper()
	s, err := readme.Load(filepath.Join(repoRoot, "schema.json"))
	require.NoError(t, err)
	require.NotEmpty(t, s.Resources)
	return s
}

// The committed docs/reference is exactly what make codegen produces from the committed
// schema.json: regenerate into a temporary folder and compare every page, both ways.
func TestReferenceIsCurrent(t *testing.T) {
	files, err := Generate(loadSchema(t))
	require.NoError(t, err)
	tmp := t.TempDir()
	require.NoError(t, Write(tmp, files))
	fresh, err := tree.Read(tmp, Dir)
	require.NoError(t, err)
	committed, err := tree.Read(repoRoot, Dir)
	require.NoError(t, err)
	for _, msg := range tree.Stale(fresh, committed, "make codegen") {
		t.Error(msg)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	s := loadSchema(t)
	a, err := Generate(s)
	require.NoError(t, err)
	b, err := Generate(s)
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

// Every page starts with the generated-file line; the index links every component page; each
// page lists every input and output under each language's name, and every type it uses.
func TestPagesListEverything(t *testing.T) {
	s := loadSchema(t)
	files, err := Generate(s)
	require.NoError(t, err)
	for name, body := range files {
		assert.True(t, strings.HasPrefix(string(body), Header), "%s lacks the generated-file line", name)
	}
	index := string(files[filepath.Join(Dir, "README.md")])
	require.Len(t, files, len(s.Resources)+1)
	for token, r := range s.Resources {
		name := shortName(token)
		assert.Contains(t, index, "]("+name+".md)")
		body := string(files[filepath.Join(Dir, name+".md")])
		require.NotEmpty(t, body, token)
		for _, props := range []map[string]readme.Property{r.InputProperties, r.Properties} {
			for prop := range props {
				assert.Contains(t, body, "TS, YAML `"+prop+"`<br>Python `"+PythonName(prop)+"`<br>Go `", "%s.%s", name, prop)
			}
		}
		for _, ex := range ExampleFiles {
			assert.Contains(t, body, "### "+ex.Language+"\n", "%s lacks its %s example", name, ex.Language)
		}
	}
	ng := string(files[filepath.Join(Dir, "NodeGroup.md")])
	for _, want := range []string{
		"\n## Cluster\n", "\n## IntRange\n", "\n## OperatingSystem (enum)\n", "\n## AcceleratorName (enum)\n",
		"Go `*int`", "Go `pulumi.StringArrayInput`", "Go `map[string]nodegroup.Taint`", "Go `map[string]any`",
		"Go `*nodegroup.OperatingSystem`", "Go `nodegroup.ClusterArgs`", "Go `pulumi.IntOutput`",
		"TS `pulumi.Input<pulumi.Input<string>[]>`", "Python `pulumi.Input[Sequence[pulumi.Input[str]]]`",
		"TS `{[key: string]: eksnodes.types.input.TaintArgs}`", "Python `Mapping[str, eksnodes.TaintArgs]`",
		"TS `pulumi.Output<number>`", "Python `pulumi.Output[int]`", "YAML `integer`",
		"Python `node_associate_public_ip_address`",
	} {
		assert.Contains(t, ng, want)
	}
	nsg := string(files[filepath.Join(Dir, "NodeSecurityGroup.md")])
	assert.Contains(t, nsg, "\n## SecurityGroupRule\n")
	assert.NotContains(t, nsg, "\n## Cluster\n", "a page lists only the types its component uses")
}

// The Python names are the ones the committed Python SDK carries: every property getter of
// sdk/python is `@pulumi.getter(name="camelName") def snake_name`, or the same name twice.
func TestPythonNamesMatchTheSDK(t *testing.T) {
	getter := regexp.MustCompile(`@pulumi\.getter(?:\(name="(\w+)"\))?\s*\n\s*def (\w+)\(`)
	sdk := map[string]string{} // schema name: Python name
	paths, err := filepath.Glob(filepath.Join(repoRoot, "sdk/python/pulumi_eksnodes/*.py"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, path := range paths {
		body, err := os.ReadFile(path)
		require.NoError(t, err)
		for _, m := range getter.FindAllStringSubmatch(string(body), -1) {
			camel := m[1]
			if camel == "" {
				camel = m[2]
			}
			sdk[camel] = m[2]
		}
	}
	s := loadSchema(t)
	check := func(where string, props map[string]readme.Property) {
		for name := range props {
			py, ok := sdk[name]
			if assert.True(t, ok, "%s.%s has no getter in sdk/python", where, name) {
				assert.Equal(t, py, PythonName(name), "%s.%s", where, name)
			}
		}
	}
	for token, r := range s.Resources {
		check(token, r.InputProperties)
		check(token, r.Properties)
	}
	for token, ty := range s.Types {
		check(token, ty.Properties)
	}
	// The names with acronyms and digits the rule must get right.
	assert.Equal(t, "cidr_ipv4", PythonName("cidrIpv4"))
	assert.Equal(t, "memory_gib_per_vcpu", PythonName("memoryGibPerVcpu"))
}

// A schema property without a Go field, or a Go field without a schema property, fails the
// generator, so the Go column cannot go stale.
func TestGoFieldsMatchTheSchema(t *testing.T) {
	bogus := map[string]readme.Property{"bogus": {Description: "Bogus.", Type: "string"}}
	for _, c := range []struct {
		name string
		edit func(s readme.Schema)
		want string
	}{
		{"input without a field", func(s readme.Schema) {
			r := s.Resources["eksnodes:index:NodeRole"]
			r.InputProperties = merged(r.InputProperties, bogus)
			s.Resources["eksnodes:index:NodeRole"] = r
		}, `NodeRole.bogus: no field of the Go type NodeRoleArgs carries the tag pulumi:"bogus"`},
		{"type property without a field", func(s readme.Schema) {
			ty := s.Types["eksnodes:index:Taint"]
			ty.Properties = merged(ty.Properties, bogus)
			s.Types["eksnodes:index:Taint"] = ty
		}, "Taint.bogus: no field of the Go type Taint"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := loadSchema(t)
			c.edit(s)
			_, err := Generate(s)
			assert.ErrorContains(t, err, c.want)
		})
	}
	t.Run("field without a property", func(t *testing.T) {
		s := loadSchema(t)
		r := s.Resources["eksnodes:index:NodeSecurityGroup"]
		r.Properties = map[string]readme.Property{}
		s.Resources["eksnodes:index:NodeSecurityGroup"] = r
		_, err := Generate(s)
		assert.ErrorContains(t, err, "securityGroupId")
	})
	t.Run("unknown component", func(t *testing.T) {
		s := loadSchema(t)
		s.Resources["eksnodes:index:Other"] = readme.Object{Description: "Other."}
		_, err := Generate(s)
		assert.ErrorContains(t, err, "eksnodes:index:Other")
	})
}

func merged(a, b map[string]readme.Property) map[string]readme.Property {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}

// The Go examples are real programs against the nodegroup library: they must compile.
func TestGoExamplesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the examples")
	}
	out, err := exec.Command("go", "vet", "./examples/...").CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// languageNames returns every property name of the schema as one language spells it.
func languageNames(s readme.Schema, spell func(string) string) map[string]bool {
	out := map[string]bool{}
	add := func(props map[string]readme.Property) {
		for name := range props {
			out[spell(name)] = true
		}
	}
	for _, r := range s.Resources {
		add(r.InputProperties)
		add(r.Properties)
	}
	for _, ty := range s.Types {
		add(ty.Properties)
	}
	return out
}

func exampleText(t *testing.T, dir, file string) string {
	t.Helper()
	body, err := Examples.ReadFile("examples/" + dir + "/" + file)
	require.NoError(t, err)
	return string(body)
}

// Every property name the TypeScript and Python examples use is a schema property under that
// language's spelling (object keys in TypeScript, keyword arguments in Python, and the outputs
// read from the component). Map keys are quoted in the TypeScript examples, so they are not
// taken for property names.
func TestTypeScriptAndPythonExamplesUseSchemaNames(t *testing.T) {
	s := loadSchema(t)
	ts := languageNames(s, func(n string) string { return n })
	py := languageNames(s, PythonName)
	tsKey := regexp.MustCompile(`(?m)(?:^|[{,])\s*(\w+)\s*:`)
	pyKwarg := regexp.MustCompile(`[(,\s](\w+)=[^=]`)
	for token := range s.Resources {
		name := shortName(token)
		dir := strings.ToLower(name)

		body := exampleText(t, dir, "index.ts")
		decl := regexp.MustCompile(`const (\w+) = new eksnodes\.` + name + `\(`).FindStringSubmatch(body)
		require.NotNil(t, decl, "%s/index.ts creates no %s", dir, name)
		used := tsKey.FindAllStringSubmatch(body, -1)
		used = append(used, regexp.MustCompile(`\b`+decl[1]+`\.(\w+)`).FindAllStringSubmatch(body, -1)...)
		require.NotEmpty(t, used)
		for _, m := range used {
			assert.True(t, ts[m[1]], "%s/index.ts uses %q, not a schema property", dir, m[1])
		}

		body = exampleText(t, dir, "__main__.py")
		decl = regexp.MustCompile(`(\w+) = eksnodes\.` + name + `\(`).FindStringSubmatch(body)
		require.NotNil(t, decl, "%s/__main__.py creates no %s", dir, name)
		used = pyKwarg.FindAllStringSubmatch(body, -1)
		used = append(used, regexp.MustCompile(`\b`+decl[1]+`\.(\w+)`).FindAllStringSubmatch(body, -1)...)
		require.NotEmpty(t, used)
		for _, m := range used {
			assert.True(t, py[m[1]], "%s/__main__.py uses %q, not a schema property in Python spelling", dir, m[1])
		}

		assert.Contains(t, exampleText(t, dir, "main.go"), "nodegroup.New"+name+"(ctx, ")
	}
}

// The YAML examples are checked against the schema structurally: every key under a component's
// properties is an input, every key of an object value a property of its type (map keys are
// free), every enum value a member, every ${resource.output} an output.
func TestYAMLExamplesMatchTheSchema(t *testing.T) {
	s := loadSchema(t)
	var check func(where string, p readme.Property, v any)
	object := func(where string, props map[string]readme.Property, v any) {
		m, ok := v.(map[string]any)
		if !assert.True(t, ok, "%s is not an object", where) {
			return
		}
		for k, val := range m {
			p, ok := props[k]
			if assert.True(t, ok, "%s.%s is not a schema property", where, k) {
				check(where+"."+k, p, val)
			}
		}
	}
	check = func(where string, p readme.Property, v any) {
		switch {
		case p.Items != nil:
			list, ok := v.([]any)
			if assert.True(t, ok, "%s is not a list", where) {
				for _, item := range list {
					check(where+"[]", *p.Items, item)
				}
			}
		case p.AdditionalProperties != nil:
			m, ok := v.(map[string]any)
			if assert.True(t, ok, "%s is not a map", where) {
				for k, val := range m {
					check(where+"."+k, *p.AdditionalProperties, val)
				}
			}
		case strings.HasPrefix(p.Ref, typePrefix):
			ty := s.Types[strings.TrimPrefix(p.Ref, typePrefix)]
			if len(ty.Enum) == 0 {
				object(where, ty.Properties, v)
				return
			}
			values := []string{}
			for _, e := range ty.Enum {
				values = append(values, e.Value)
			}
			assert.Contains(t, values, v, "%s", where)
		}
	}
	output := regexp.MustCompile(`\$\{(\w+)\.(\w+)\}`)
	for token := range s.Resources {
		dir := strings.ToLower(shortName(token))
		text := exampleText(t, dir, "Pulumi.yaml")
		var doc struct {
			Resources map[string]struct {
				Type       string         `yaml:"type"`
				Properties map[string]any `yaml:"properties"`
			} `yaml:"resources"`
		}
		require.NoError(t, yaml.Unmarshal([]byte(text), &doc))
		found := 0
		for res, r := range doc.Resources {
			comp, ok := s.Resources[r.Type]
			require.True(t, ok, "%s/Pulumi.yaml: %s has the unknown type %s", dir, res, r.Type)
			if r.Type == token {
				found++
			}
			object(dir+"/Pulumi.yaml "+res, comp.InputProperties, r.Properties)
			for _, req := range comp.RequiredInputs {
				assert.Contains(t, r.Properties, req, "%s/Pulumi.yaml %s lacks the required %s", dir, res, req)
			}
		}
		assert.Equal(t, 1, found, "%s/Pulumi.yaml declares one %s", dir, token)
		for _, m := range output.FindAllStringSubmatch(text, -1) {
			r, ok := doc.Resources[m[1]]
			if assert.True(t, ok, "%s/Pulumi.yaml reads %s of an undeclared resource", dir, m[0]) {
				assert.Contains(t, slices.Collect(maps.Keys(s.Resources[r.Type].Properties)), m[2], "%s/Pulumi.yaml: %s", dir, m[0])
			}
		}
	}
}

func TestSentencesDefaultsAndConflicts(t *testing.T) {
	d := "The EC2 instance type, e.g. `m7i.large` or `m7g.large`. Default `t3.medium`. Conflicts with `mixedInstancesPolicy`; every type must match. Mac instances are refused."
	assert.Equal(t, []string{
		"The EC2 instance type, e.g. `m7i.large` or `m7g.large`.",
		"Default `t3.medium`.",
		"Conflicts with `mixedInstancesPolicy`; every type must match.",
		"Mac instances are refused.",
	}, Sentences(d))
	assert.Equal(t, "Default `t3.medium`.", Defaults(d))
	assert.Equal(t, "Defaults to 2. Default: none.", Defaults("A count. Defaults to 2. Default: none."))
	assert.Empty(t, Defaults("Whether it is on (the default)."))
	siblings := map[string]readme.Property{"mixedInstancesPolicy": {}, "hardening": {}}
	assert.Equal(t, []string{"`mixedInstancesPolicy`"}, Conflicts(d, siblings))
	assert.Equal(t, []string{"`hardening: baseline`"},
		Conflicts("Requires `amiId`; conflicts with `hardening: baseline` and `other`.", siblings))
}
