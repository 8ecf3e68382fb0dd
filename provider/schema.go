package provider

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// docsJSON holds the descriptions of the schema, read from the nodegroup package's doc
// comments by `make codegen` (tools/codegen/docs): the Go doc comments are their one source.
//
//go:embed docs.json
var docsJSON []byte

// descriptions is docsJSON decoded: by Go type name, the type's description and its fields';
// for enums, the description of each value.
type descriptions struct {
	Types map[string]struct {
		Description string            `json:"description"`
		Fields      map[string]string `json:"fields"`
	} `json:"types"`
	Enums map[string]struct {
		Description string `json:"description"`
		Values      []struct {
			Name        string `json:"name"`
			Value       string `json:"value"`
			Description string `json:"description"`
		} `json:"values"`
	} `json:"enums"`
}

// component is a component resource: its Go arguments and resource types.
type component struct {
	args, resource reflect.Type
}

// components are the Go types of the components, by schema token.
var components = map[string]component{
	nodegroup.NodeGroupToken:         {reflect.TypeFor[nodegroup.NodeGroupArgs](), reflect.TypeFor[nodegroup.NodeGroup]()},
	nodegroup.NodeRoleToken:          {reflect.TypeFor[nodegroup.NodeRoleArgs](), reflect.TypeFor[nodegroup.NodeRole]()},
	nodegroup.NodeSecurityGroupToken: {reflect.TypeFor[nodegroup.NodeSecurityGroupArgs](), reflect.TypeFor[nodegroup.NodeSecurityGroup]()},
}

// typeNames are the schema names of Go types whose Go name would read badly in the SDKs.
var typeNames = map[string]string{"ClusterArgs": "Cluster"}

const typePrefix = "eksnodes:index:"

var (
	inputType    = reflect.TypeFor[pulumi.Input]()
	nodegroupPkg = reflect.TypeFor[nodegroup.NodeGroupArgs]().PkgPath()
)

// completeSchema finishes the schema infer derives from the Go types:
//   - descriptions of components, properties and object types come from the Go doc comments;
//   - Go string types with typed constants become enum types;
//   - every input whose Go field is a plain value is marked plain (infer marks only plain
//     primitives, so plain structs, enums, maps and lists would appear as inputs that accept
//     outputs, which the Go constructor cannot take), and the elements of Input lists and maps
//     may be outputs;
//   - types are named as typeNames says.
func completeSchema(schemaJSON string) (string, error) {
	var docs descriptions
	if err := json.Unmarshal(docsJSON, &docs); err != nil {
		return "", fmt.Errorf("docs.json: %w", err)
	}
	var spec map[string]any
	if err := json.Unmarshal([]byte(schemaJSON), &spec); err != nil {
		return "", err
	}
	resources, _ := spec["resources"].(map[string]any)
	types, _ := spec["types"].(map[string]any)
	if types == nil {
		types = map[string]any{}
		spec["types"] = types
	}
	renameTypes(spec, types)
	c := completer{docs: docs, types: types, seen: map[string]bool{}}
	for _, token := range slices.Sorted(maps.Keys(components)) {
		comp := components[token]
		res, ok := resources[token].(map[string]any)
		if !ok {
			return "", fmt.Errorf("the schema has no resource %s", token)
		}
		res["description"] = docs.Types[comp.resource.Name()].Description
		inputs, _ := res["inputProperties"].(map[string]any)
		outputs, _ := res["properties"].(map[string]any)
		if err := c.walk(inputs, comp.args, true); err != nil {
			return "", err
		}
		if err := c.walk(outputs, comp.resource, false); err != nil {
			return "", err
		}
	}
	if len(c.missing) > 0 {
		sort.Strings(c.missing)
		return "", fmt.Errorf("no description in docs.json (run make codegen) for %s", strings.Join(c.missing, ", "))
	}
	out, err := json.MarshalIndent(spec, "", "  ")
	return string(out) + "\n", err
}

type completer struct {
	docs    descriptions
	types   map[string]any
	seen    map[string]bool
	missing []string
}

// walk completes the properties props of the Go struct t.
func (c *completer) walk(props map[string]any, t reflect.Type, inputs bool) error {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("pulumi"), ",")
		prop, ok := props[name].(map[string]any)
		if name == "" || !ok {
			continue
		}
		if d := c.docs.Types[t.Name()].Fields[f.Name]; d != "" {
			prop["description"] = d
		} else {
			c.missing = append(c.missing, t.Name()+"."+f.Name)
		}
		elem := f.Type
		for elem.Kind() == reflect.Pointer || elem.Kind() == reflect.Slice || elem.Kind() == reflect.Map {
			elem = elem.Elem()
		}
		if elem.Kind() == reflect.String && elem.PkgPath() == nodegroupPkg {
			if err := c.enum(prop, elem); err != nil {
				return fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
			}
		}
		if inputs {
			if f.Type.Implements(inputType) {
				unsetPlainElements(prop)
			} else {
				setPlain(prop)
			}
		}
		if elem.Kind() != reflect.Struct || elem.PkgPath() != nodegroupPkg {
			continue
		}
		token := strings.TrimPrefix(refOf(prop), "#/types/")
		obj, ok := c.types[token].(map[string]any)
		if !ok {
			return fmt.Errorf("%s.%s: no schema type %q", t.Name(), name, token)
		}
		if c.seen[token] {
			continue
		}
		c.seen[token] = true
		if d := c.docs.Types[elem.Name()].Description; d != "" {
			obj["description"] = d
		} else {
			c.missing = append(c.missing, elem.Name())
		}
		objProps, _ := obj["properties"].(map[string]any)
		if err := c.walk(objProps, elem, inputs); err != nil {
			return err
		}
	}
	return nil
}

// enum makes the string property prop (or its items or values) refer to the enum type of the
// Go type t, declaring the enum type on first use.
func (c *completer) enum(prop map[string]any, t reflect.Type) error {
	e, ok := c.docs.Enums[t.Name()]
	if !ok {
		return fmt.Errorf("the string type %s has no constants in docs.json: run make codegen", t.Name())
	}
	token := typePrefix + t.Name()
	target := prop
	for target["type"] == "array" || target["type"] == "object" {
		inner, _ := target["items"].(map[string]any)
		if inner == nil {
			inner, _ = target["additionalProperties"].(map[string]any)
		}
		if inner == nil {
			return fmt.Errorf("no element type")
		}
		target = inner
	}
	delete(target, "type")
	target["$ref"] = "#/types/" + token
	if _, ok := c.types[token]; ok {
		return nil
	}
	values := make([]any, 0, len(e.Values))
	for _, v := range e.Values {
		values = append(values, map[string]any{"name": v.Name, "value": v.Value, "description": v.Description})
	}
	c.types[token] = map[string]any{"type": "string", "description": e.Description, "enum": values}
	return nil
}

// renameTypes gives the types in typeNames their schema names, in the types map and in every
// reference.
func renameTypes(spec map[string]any, types map[string]any) {
	refs := map[string]string{}
	for from, to := range typeNames {
		if t, ok := types[typePrefix+from]; ok {
			delete(types, typePrefix+from)
			types[typePrefix+to] = t
			refs["#/types/"+typePrefix+from] = "#/types/" + typePrefix + to
		}
	}
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if r, ok := v["$ref"].(string); ok && refs[r] != "" {
				v["$ref"] = refs[r]
			}
			for _, inner := range v {
				visit(inner)
			}
		case []any:
			for _, inner := range v {
				visit(inner)
			}
		}
	}
	visit(spec)
}

// setPlain marks a property, and the items or values of a list or map, as plain.
func setPlain(prop map[string]any) {
	prop["plain"] = true
	for _, k := range []string{"items", "additionalProperties"} {
		if inner, ok := prop[k].(map[string]any); ok {
			setPlain(inner)
		}
	}
}

// unsetPlainElements lets the items or values of an input list or map be outputs too, as a
// pulumi.StringArrayInput accepts.
func unsetPlainElements(prop map[string]any) {
	for _, k := range []string{"items", "additionalProperties"} {
		if inner, ok := prop[k].(map[string]any); ok {
			delete(inner, "plain")
		}
	}
}

// refOf returns the $ref of a property, of its list items or of its map values.
func refOf(prop map[string]any) string {
	if r, ok := prop["$ref"].(string); ok {
		return r
	}
	for _, k := range []string{"items", "additionalProperties"} {
		if inner, ok := prop[k].(map[string]any); ok {
			return refOf(inner)
		}
	}
	return ""
}
