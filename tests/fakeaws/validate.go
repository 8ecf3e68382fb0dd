package fakeaws

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// validate checks property values against an object shape: every property must be known to
// pulumi-aws v6.83.2 (at any depth), have the right type, and every required property must
// be present. Unknown (computed) values are accepted wherever a value may stand, because
// their type is only known at deploy time. It returns one failure per problem, sorted by path.
func validate(what string, s *shape, m property.Map) []p.CheckFailure {
	v := validator{what: what}
	v.object("", s, m)
	sort.Slice(v.failures, func(i, j int) bool { return v.failures[i].Property < v.failures[j].Property })
	return v.failures
}

type validator struct {
	what     string
	failures []p.CheckFailure
}

func (v *validator) fail(path, format string, args ...any) {
	v.failures = append(v.failures, p.CheckFailure{
		Property: path,
		Reason:   fmt.Sprintf("%s: %s", v.what, fmt.Sprintf(format, args...)),
	})
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (v *validator) object(path string, s *shape, m property.Map) {
	for _, name := range sortedKeys(m.AsMap()) {
		f, ok := s.fields[name]
		if !ok {
			v.fail(join(path, name), "unknown property %q: pulumi-aws v6.83.2 has no such input%s",
				join(path, name), suggestion(name, s))
			continue
		}
		v.value(join(path, name), f.shape, m.Get(name))
	}
	for _, name := range sortedKeys(s.fields) {
		if !s.fields[name].required {
			continue
		}
		if val, ok := m.GetOk(name); !ok || val.IsNull() {
			v.fail(join(path, name), "missing required property %q", join(path, name))
		}
	}
}

func (v *validator) value(path string, s *shape, val property.Value) {
	if val.IsNull() || val.IsComputed() || s.kind == kindAny {
		return
	}
	switch s.kind {
	case kindString:
		if !val.IsString() {
			v.fail(path, "property %q must be a string, got %s", path, describe(val))
		}
	case kindBool:
		if !val.IsBool() {
			v.fail(path, "property %q must be a boolean, got %s", path, describe(val))
		}
	case kindInt, kindFloat:
		if !val.IsNumber() {
			v.fail(path, "property %q must be a %s, got %s", path, s.kind, describe(val))
		} else if n := val.AsNumber(); s.kind == kindInt && n != math.Trunc(n) {
			v.fail(path, "property %q must be an integer, got %v", path, n)
		}
	case kindArray:
		if !val.IsArray() {
			v.fail(path, "property %q must be an array, got %s", path, describe(val))
			return
		}
		for i, e := range val.AsArray().AsSlice() {
			v.value(path+"["+strconv.Itoa(i)+"]", s.elem, e)
		}
	case kindMap:
		if !val.IsMap() {
			v.fail(path, "property %q must be a map, got %s", path, describe(val))
			return
		}
		for _, k := range sortedKeys(val.AsMap().AsMap()) {
			v.value(fmt.Sprintf("%s[%q]", path, k), s.elem, val.AsMap().Get(k))
		}
	case kindObject:
		if !val.IsMap() {
			v.fail(path, "property %q must be an object, got %s", path, describe(val))
			return
		}
		v.object(path, s, val.AsMap())
	}
}

func describe(val property.Value) string {
	switch {
	case val.IsString():
		return fmt.Sprintf("string %q", val.AsString())
	case val.IsNumber():
		return fmt.Sprintf("number %v", val.AsNumber())
	case val.IsBool():
		return fmt.Sprintf("boolean %v", val.AsBool())
	case val.IsArray():
		return "an array"
	case val.IsMap():
		return "an object"
	case val.IsResourceReference():
		return "a resource reference"
	case val.IsAsset(), val.IsArchive():
		return "an asset or archive"
	}
	return "an unsupported value"
}

// suggestion names a known property that differs only in case, a common typo.
func suggestion(name string, s *shape) string {
	for _, known := range sortedKeys(s.fields) {
		if strings.EqualFold(known, name) {
			return fmt.Sprintf(" (did you mean %q?)", known)
		}
	}
	return ""
}

// crossCheck applies the few multi-property rules of the Terraform schema that the eksnodes
// components could break: name conflicts with namePrefix (ConflictsWith on every resource
// here that has both), and a standalone security group rule has exactly one peer
// (ExactlyOneOf cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id).
func crossCheck(r *resourceSchema, m property.Map) []p.CheckFailure {
	var out []p.CheckFailure
	if r.hasInput("name") && r.hasInput("namePrefix") && present(m, "name") && present(m, "namePrefix") {
		out = append(out, p.CheckFailure{Property: "namePrefix",
			Reason: fmt.Sprintf("%s: \"name\" conflicts with \"namePrefix\": set only one", r.token)})
	}
	if r.token == IngressRuleToken || r.token == EgressRuleToken {
		n, unknown := 0, false
		for _, k := range ruleSources {
			if val, ok := m.GetOk(k); ok && val.IsComputed() {
				unknown = true
			}
			if present(m, k) {
				n++
			}
		}
		if n != 1 && !unknown {
			out = append(out, p.CheckFailure{Property: "referencedSecurityGroupId",
				Reason: fmt.Sprintf("%s: exactly one of %s must be set, got %d", r.token, strings.Join(ruleSources, ", "), n)})
		}
	}
	return out
}

// ruleSources are the mutually exclusive peers of a standalone security group rule.
var ruleSources = []string{"cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"}

// present reports whether a property is set to a non-null value (unknown counts as set).
func present(m property.Map, k string) bool {
	v, ok := m.GetOk(k)
	return ok && !v.IsNull()
}
