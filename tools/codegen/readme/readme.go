// Package readme renders the README's reference from schema.json, so the README lists exactly
// the components, properties, object types and enums that TypeScript, Python and YAML users
// get, with the descriptions Go users read in the doc comments.
package readme

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// Markers delimit the generated part of README.md.
const (
	Begin = "<!-- BEGIN GENERATED REFERENCE: make docs -->"
	End   = "<!-- END GENERATED REFERENCE -->"
)

// Schema is the part of a Pulumi package schema the reference reads.
type Schema struct {
	Resources map[string]Object `json:"resources"`
	Types     map[string]Object `json:"types"`
}

// Object is a resource or a type of the schema.
type Object struct {
	Description     string              `json:"description"`
	Properties      map[string]Property `json:"properties"`
	Required        []string            `json:"required"`
	InputProperties map[string]Property `json:"inputProperties"`
	RequiredInputs  []string            `json:"requiredInputs"`
	Enum            []EnumValue         `json:"enum"`
}

// Property is a property, or the items or values of a list or map.
type Property struct {
	Description          string    `json:"description"`
	Type                 string    `json:"type"`
	Ref                  string    `json:"$ref"`
	Plain                bool      `json:"plain"`
	Items                *Property `json:"items"`
	AdditionalProperties *Property `json:"additionalProperties"`
}

// EnumValue is a value of an enum type.
type EnumValue struct {
	Name        string `json:"name"`
	Value       string `json:"value"`
	Description string `json:"description"`
}

const typePrefix = "#/types/"

// Reference returns the markdown reference of a schema: each component with its inputs and
// outputs, then each object type in the order the inputs first use it, then the enums.
func Reference(s Schema) (string, error) {
	var b strings.Builder
	var order []string              // object and enum types, by first use
	usedBy := map[string][]string{} // type token: property paths using it
	var use func(path string, p Property)
	use = func(path string, p Property) {
		if p.Items != nil {
			use(path+"[]", *p.Items)
		}
		if p.AdditionalProperties != nil {
			use(path+"{}", *p.AdditionalProperties)
		}
		token, ok := strings.CutPrefix(p.Ref, typePrefix)
		if !ok {
			return
		}
		if _, seen := usedBy[token]; !seen {
			order = append(order, token)
			usedBy[token] = nil
			t := s.Types[token]
			for _, name := range slices.Sorted(maps.Keys(t.Properties)) {
				use(shortName(token)+"."+name, t.Properties[name])
			}
		}
		usedBy[token] = append(usedBy[token], path)
	}
	for _, token := range slices.Sorted(maps.Keys(s.Resources)) {
		r := s.Resources[token]
		name := shortName(token)
		fmt.Fprintf(&b, "\n#### %s\n\n%s\n\n**Inputs**\n\n", name, r.Description)
		table(&b, s, r.InputProperties, r.RequiredInputs, true)
		for _, p := range slices.Sorted(maps.Keys(r.InputProperties)) {
			use(name+"."+p, r.InputProperties[p])
		}
		b.WriteString("\n**Outputs**\n\n")
		table(&b, s, r.Properties, nil, false)
	}
	var enums []string
	for _, token := range order {
		t, ok := s.Types[token]
		if !ok {
			return "", fmt.Errorf("%s is used but not declared", token)
		}
		if len(t.Enum) > 0 {
			enums = append(enums, token)
			continue
		}
		fmt.Fprintf(&b, "\n#### %s\n\n%s\n\nUsed by %s.\n\n", shortName(token), t.Description, paths(usedBy[token]))
		table(&b, s, t.Properties, t.Required, true)
	}
	for _, token := range enums {
		t := s.Types[token]
		fmt.Fprintf(&b, "\n#### %s (enum)\n\n%s\n\nUsed by %s.\n\n| value | description |\n|---|---|\n",
			shortName(token), t.Description, paths(usedBy[token]))
		for _, v := range t.Enum {
			fmt.Fprintf(&b, "| `%s` | %s |\n", v.Value, cell(v.Description))
		}
	}
	return b.String(), nil
}

// table writes a property table. Input tables say which properties accept outputs of other
// resources and which are required.
func table(b *strings.Builder, s Schema, props map[string]Property, required []string, inputs bool) {
	if inputs {
		b.WriteString("| property | type | accepts outputs | description |\n|---|---|---|---|\n")
	} else {
		b.WriteString("| property | type | description |\n|---|---|---|\n")
	}
	for _, name := range slices.Sorted(maps.Keys(props)) {
		p := props[name]
		if !inputs {
			fmt.Fprintf(b, "| `%s` | %s | %s |\n", name, TypeOf(s, p), cell(p.Description))
			continue
		}
		req := ""
		if slices.Contains(required, name) {
			req = " **(required)**"
		}
		outputs := "no"
		if !p.Plain {
			outputs = "yes"
		}
		fmt.Fprintf(b, "| `%s`%s | %s | %s | %s |\n", name, req, TypeOf(s, p), outputs, cell(p.Description))
	}
}

// TypeOf names a property's type as the reference presents it, linking object and enum types.
func TypeOf(s Schema, p Property) string {
	switch {
	case p.Ref == "pulumi.json#/Any":
		return "any"
	case strings.HasPrefix(p.Ref, typePrefix):
		token := strings.TrimPrefix(p.Ref, typePrefix)
		anchor := strings.ToLower(shortName(token))
		if len(s.Types[token].Enum) > 0 {
			anchor += "-enum"
		}
		return fmt.Sprintf("[%s](#%s)", shortName(token), anchor)
	case p.Type == "array" && p.Items != nil:
		return TypeOf(s, *p.Items) + "[]"
	case p.Type == "object" && p.AdditionalProperties != nil:
		return "map of " + TypeOf(s, *p.AdditionalProperties)
	}
	return p.Type
}

func shortName(token string) string { return token[strings.LastIndex(token, ":")+1:] }

func paths(ps []string) string {
	quoted := make([]string, len(ps))
	for i, p := range ps {
		quoted[i] = "`" + p + "`"
	}
	return strings.Join(quoted, ", ")
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n\n", "<br><br>")
}

// Splice returns readme with the text between the markers replaced by the reference.
func Splice(readme string, s Schema) (string, error) {
	i, j := strings.Index(readme, Begin), strings.Index(readme, End)
	if i < 0 || j < i {
		return "", fmt.Errorf("README.md lacks the markers %q and %q", Begin, End)
	}
	ref, err := Reference(s)
	if err != nil {
		return "", err
	}
	return readme[:i+len(Begin)] + "\n" + ref + "\n" + readme[j:], nil
}

// Load reads a schema file.
func Load(path string) (Schema, error) {
	var s Schema
	raw, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(raw, &s)
	}
	return s, err
}

// Update rewrites the reference in the README at readmePath from the schema at schemaPath.
func Update(readmePath, schemaPath string) error {
	s, err := Load(schemaPath)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(readmePath)
	if err != nil {
		return err
	}
	out, err := Splice(string(raw), s)
	if err != nil {
		return err
	}
	return os.WriteFile(readmePath, []byte(out), 0o644)
}
