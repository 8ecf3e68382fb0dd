package provider

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// componentArgs are the Go input structs of the components, by schema token.
var componentArgs = map[string]reflect.Type{
	nodegroup.NodeGroupToken:         reflect.TypeFor[nodegroup.NodeGroupArgs](),
	nodegroup.NodeRoleToken:          reflect.TypeFor[nodegroup.NodeRoleArgs](),
	nodegroup.NodeSecurityGroupToken: reflect.TypeFor[nodegroup.NodeSecurityGroupArgs](),
}

var inputType = reflect.TypeFor[pulumi.Input]()

// enumTypes are the Go enums behind the schema's enum types, for their descriptions.
var enumTypes = map[string]infer.Annotated{
	"eksnodes:index:OperatingSystem":  new(nodegroup.OperatingSystem),
	"eksnodes:index:TaintEffect":      new(nodegroup.TaintEffect),
	"eksnodes:index:HttpTokens":       new(nodegroup.HttpTokens),
	"eksnodes:index:RulesProfile":     new(nodegroup.RulesProfile),
	"eksnodes:index:AccessEntryType":  new(nodegroup.AccessEntryType),
	"eksnodes:index:AMIVariant":       new(nodegroup.AMIVariant),
	"eksnodes:index:Architecture":     new(nodegroup.Architecture),
	"eksnodes:index:HardeningProfile": new(nodegroup.HardeningProfile),
	"eksnodes:index:ClusterTraffic":   new(nodegroup.ClusterTraffic),
	"eksnodes:index:IpFamily":         new(nodegroup.IpFamily),
}

// completeSchema finishes what infer leaves out of the schema: it marks as plain every input
// whose Go field is a plain value (infer marks only plain primitives, so plain structs, enums,
// maps and lists would appear as inputs that accept outputs, which the Go constructor cannot
// take), and gives enum types the descriptions their Annotate methods state.
func completeSchema(schemaJSON string) (string, error) {
	var spec map[string]any
	if err := json.Unmarshal([]byte(schemaJSON), &spec); err != nil {
		return "", err
	}
	resources, _ := spec["resources"].(map[string]any)
	types, _ := spec["types"].(map[string]any)
	for token, doc := range enumTypes {
		enum, ok := types[token].(map[string]any)
		if !ok {
			return "", fmt.Errorf("the schema has no enum %s", token)
		}
		enum["description"] = nodegroup.Description(doc)
	}
	seen := map[string]bool{}
	var walk func(props map[string]any, t reflect.Type) error
	walk = func(props map[string]any, t reflect.Type) error {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("pulumi"), ",")
			prop, ok := props[name].(map[string]any)
			if name == "" || !ok {
				continue
			}
			if f.Type.Implements(inputType) {
				unsetPlainElements(prop)
			} else {
				setPlain(prop)
			}
			elem := f.Type
			for elem.Kind() == reflect.Pointer || elem.Kind() == reflect.Slice || elem.Kind() == reflect.Map {
				elem = elem.Elem()
			}
			if elem.Kind() != reflect.Struct {
				continue
			}
			token := strings.TrimPrefix(refOf(prop), "#/types/")
			obj, ok := types[token].(map[string]any)
			if !ok {
				return fmt.Errorf("%s.%s: no schema type %q", t.Name(), name, token)
			}
			if seen[token] {
				continue
			}
			seen[token] = true
			objProps, _ := obj["properties"].(map[string]any)
			if err := walk(objProps, elem); err != nil {
				return err
			}
		}
		return nil
	}
	for token, t := range componentArgs {
		res, ok := resources[token].(map[string]any)
		if !ok {
			return "", fmt.Errorf("the schema has no resource %s", token)
		}
		inputs, _ := res["inputProperties"].(map[string]any)
		if err := walk(inputs, t); err != nil {
			return "", err
		}
	}
	out, err := json.MarshalIndent(spec, "", "  ")
	return string(out) + "\n", err
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
