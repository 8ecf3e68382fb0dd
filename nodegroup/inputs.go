package nodegroup

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// inputKind is the one rule for what an Input holds, used by validation and by registration
// alike, so that no value is read one way by one and another way by the other.
type inputKind int

const (
	// inputAbsent: not given (a nil interface or a nil pointer such as (*pulumi.String)(nil)).
	inputAbsent inputKind = iota
	// inputKnown: a plain value, checked before anything is registered.
	inputKnown
	// inputUnknown: an Output, checked by the same rule when its value arrives.
	inputUnknown
	// inputBroken: a zero Output (pulumi.StringOutput{}), which has no value and never will.
	inputBroken
)

var outputStateType = reflect.TypeFor[*pulumi.OutputState]()

// classify tells which kind of value an Input holds.
func classify(in any) inputKind {
	if in == nil {
		return inputAbsent
	}
	v := reflect.ValueOf(in)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return inputAbsent
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.Anonymous && f.Type == outputStateType {
				if v.Field(i).IsNil() {
					return inputBroken
				}
				return inputUnknown
			}
		}
	}
	if _, ok := in.(pulumi.Output); ok {
		return inputUnknown
	}
	return inputKnown
}

// given reports whether an Input was given at all (a broken one counts as given: it is refused).
func given(in any) bool { return classify(in) != inputAbsent }

// plainString returns the value of a known string Input.
func plainString(in pulumi.StringInput) (string, bool) {
	if classify(in) != inputKnown {
		return "", false
	}
	v := reflect.ValueOf(in)
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.String {
		return "", false
	}
	return v.String(), true
}

// plainStrings returns the elements of a string array Input when every one of them is known.
func plainStrings(in pulumi.StringArrayInput) ([]string, bool) {
	arr, ok := arrayElements(in)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := plainString(e)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// arrayElements returns the elements of a plain pulumi.StringArray (given by value or pointer).
func arrayElements(in pulumi.StringArrayInput) (pulumi.StringArray, bool) {
	switch v := in.(type) {
	case pulumi.StringArray:
		return v, true
	case *pulumi.StringArray:
		if v != nil {
			return *v, true
		}
	}
	return nil, false
}

// mapEntries returns the entries of a plain pulumi.StringMap (given by value or pointer).
func mapEntries(in pulumi.StringMapInput) (pulumi.StringMap, bool) {
	switch v := in.(type) {
	case pulumi.StringMap:
		return v, true
	case *pulumi.StringMap:
		if v != nil {
			return *v, true
		}
	}
	return nil, false
}

// stringCheck checks one string value of the property prop.
type stringCheck func(p *problems, prop, value string)

// checkStringInput applies a check to a string Input now when its value is known, and reports
// a zero Output. required says whether a missing value is a problem; why completes the message.
func checkStringInput(p *problems, prop string, in pulumi.StringInput, required bool, why string, check stringCheck) {
	switch classify(in) {
	case inputAbsent:
		if required {
			p.addf("%s is required%s", prop, why)
		}
	case inputBroken:
		p.addf("%s is a zero Output (such as pulumi.StringOutput{}), which never has a value: pass a value or another resource's output", prop)
	case inputKnown:
		s, ok := plainString(in)
		switch {
		case !ok:
			p.addf("%s holds a %T, not a string", prop, in)
		case strings.TrimSpace(s) == "":
			p.addf("%s is empty: give a value or leave it unset", prop)
		case check != nil:
			check(p, prop, s)
		}
	}
}

// checkStringArrayInput checks a string array Input: every known element now, and the whole
// array when it is known. Elements that are nil or zero Outputs are refused.
func checkStringArrayInput(p *problems, prop string, in pulumi.StringArrayInput, required bool, elem stringCheck, whole func(p *problems, prop string, values []string)) {
	switch classify(in) {
	case inputAbsent:
		if required {
			p.addf("%s is required", prop)
		}
		return
	case inputBroken:
		p.addf("%s is a zero Output (such as pulumi.StringArrayOutput{}), which never has a value", prop)
		return
	}
	arr, ok := arrayElements(in)
	if !ok {
		return // an Output: checked when it resolves
	}
	all := true
	var values []string
	for i, e := range arr {
		ep := fmt.Sprintf("%s[%d]", prop, i)
		switch classify(e) {
		case inputAbsent:
			p.addf("%s is nil", ep)
			all = false
		default:
			checkStringInput(p, ep, e, true, "", elem)
			s, known := plainString(e)
			all = all && known
			values = append(values, s)
		}
	}
	if all && whole != nil {
		whole(p, prop, values)
	}
}

// guard returns in unchanged when its value is known or absent; an Output is wrapped so that
// its value, when it arrives, passes the same check, naming the property when it does not.
func guard(token, name, prop string, in pulumi.StringInput, check stringCheck) pulumi.StringInput {
	if classify(in) != inputUnknown || check == nil {
		return in
	}
	return in.ToStringOutput().ApplyT(func(s string) (string, error) {
		var p problems
		if strings.TrimSpace(s) == "" {
			p.addf("%s is empty", prop)
		} else {
			check(&p, prop, s)
		}
		return s, p.err(token, name)
	}).(pulumi.StringOutput)
}

// guardArray is guard for string arrays: the elements and the whole array are checked when the
// values arrive. A plain array whose elements are all known is returned unchanged.
func guardArray(token, name, prop string, in pulumi.StringArrayInput, elem stringCheck, whole func(p *problems, prop string, values []string)) pulumi.StringArrayInput {
	switch classify(in) {
	case inputAbsent, inputBroken:
		return in
	}
	if _, ok := plainStrings(in); ok {
		return in
	}
	return in.ToStringArrayOutput().ApplyT(func(values []string) ([]string, error) {
		var p problems
		for i, s := range values {
			ep := fmt.Sprintf("%s[%d]", prop, i)
			if strings.TrimSpace(s) == "" {
				p.addf("%s is empty", ep)
			} else if elem != nil {
				elem(&p, ep, s)
			}
		}
		if whole != nil {
			whole(&p, prop, values)
		}
		return values, p.err(token, name)
	}).(pulumi.StringArrayOutput)
}

// guardArrayElements guards each element of a plain list whose length decides how many child
// resources exist; such a list is refused when it is an output as a whole (checkListShape).
func guardArrayElements(token, name, prop string, in pulumi.StringArrayInput, elem stringCheck) pulumi.StringArrayInput {
	arr, ok := arrayElements(in)
	if !ok {
		return in
	}
	out := make(pulumi.StringArray, len(arr))
	for i, e := range arr {
		out[i] = guard(token, name, fmt.Sprintf("%s[%d]", prop, i), e, elem)
	}
	return out
}

// checkListShape refuses a list given as one output: its length decides how many child
// resources exist, which must be known before they are registered. Its elements may be outputs.
func checkListShape(p *problems, prop string, in pulumi.StringArrayInput, what string) {
	if classify(in) == inputUnknown {
		if _, ok := arrayElements(in); !ok {
			p.addf("%s must be a list of values (each may be an output), not one output holding a list: its length decides how many %s exist", prop, what)
		}
	}
}

// unknownDuringPreview stands for a value not known yet. The provider decodes an unknown
// element of a list or map (a TypeScript `[policy.arn]` during a preview) as nil; during a
// preview a nil element is read as such a value, and it is refused as nil at deploy time.
func unknownDuringPreview() pulumi.StringOutput {
	return pulumi.UnsafeUnknownOutput(nil).ApplyT(func(v any) string { s, _ := v.(string); return s }).(pulumi.StringOutput)
}

// previewElements returns in with its nil elements read as unknown values, during a preview.
func previewElements(ctx *pulumi.Context, in pulumi.StringArrayInput) pulumi.StringArrayInput {
	arr, ok := arrayElements(in)
	if !ok || !ctx.DryRun() {
		return in
	}
	out := make(pulumi.StringArray, len(arr))
	for i, e := range arr {
		out[i] = e
		if classify(e) == inputAbsent {
			out[i] = unknownDuringPreview()
		}
	}
	return out
}

// previewEntries is previewElements for the values of a string map.
func previewEntries(ctx *pulumi.Context, in pulumi.StringMapInput) pulumi.StringMapInput {
	m, ok := mapEntries(in)
	if !ok || !ctx.DryRun() {
		return in
	}
	out := make(pulumi.StringMap, len(m))
	for k, v := range m {
		out[k] = v
		if classify(v) == inputAbsent {
			out[k] = unknownDuringPreview()
		}
	}
	return out
}

// str, strs and strMap read the values pulumi.All hands to an apply: a value that failed to
// resolve arrives as nil, and its error is reported by the output that carries it.
func str(v any) string               { s, _ := v.(string); return s }
func strs(v any) []string            { s, _ := v.([]string); return s }
func strMap(v any) map[string]string { m, _ := v.(map[string]string); return m }
