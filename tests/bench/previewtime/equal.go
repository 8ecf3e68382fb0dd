package previewtime

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Registration is one AWS resource a program registered, as the comparison of two programs
// sees it: what makes the engine do the same work for both.
type Registration struct {
	Type string `json:"type"`
	Name string `json:"name"` // the name part of the URN
	// Inputs as plain JSON-like values, with a secret as a Secret and a value not known yet
	// (during a preview) as Unknown.
	Inputs map[string]any `json:"inputs"`
	// DependsOn are the AWS resources ("type name") it waits for, through its inputs or its
	// dependsOn option; IgnoreChanges its ignoreChanges option. Only the mocks record them.
	DependsOn     []string `json:"dependsOn,omitempty"`
	IgnoreChanges []string `json:"ignoreChanges,omitempty"`
}

// Key names a registration in a comparison.
func (r Registration) Key() string { return r.Type + " " + r.Name }

// Secret is a secret value among the inputs.
type Secret struct{ Value any }

// Unknown stands for a value not known yet.
const Unknown = "<unknown>"

// The engine's markers in the JSON of its events: a secret's signature, and an unknown value.
const (
	sigKey        = "4dabf18193072939515e22adb298388d"
	sigSecret     = "1b47061264138c4ac30d75fd1eb44270"
	unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
)

// isAWS keeps the AWS resources: not components, not the provider resources.
func isAWS(typ string) bool { return strings.HasPrefix(typ, "aws:") }

// FromEvents returns the AWS resources of an engine preview's resource events. The engine
// blinds secret values, so two secrets compare equal whatever they hold; their secrecy counts.
func FromEvents(evs []offline.ResourceEvent) []Registration {
	var out []Registration
	for _, ev := range evs {
		if !isAWS(ev.Type) {
			continue
		}
		inputs, _ := fromJSON(ev.Inputs).(map[string]any)
		out = append(out, Registration{Type: ev.Type, Name: resource.URN(ev.URN).Name(), Inputs: inputs})
	}
	return sorted(out)
}

func fromJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		if v[sigKey] == sigSecret {
			return Secret{fromJSON(v["value"])} // "ciphertext" when blinded: the value is nil
		}
		out := map[string]any{}
		for k, e := range v {
			out[k] = fromJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = fromJSON(e)
		}
		return out
	case string:
		if v == unknownString {
			return Unknown
		}
	}
	return v
}

// FromMocks returns the AWS resources a program registered against the mocks, with their
// dependencies on other AWS resources and their ignoreChanges.
func FromMocks(rs []nodegrouptest.Resource) []Registration {
	var out []Registration
	for _, r := range rs {
		if !r.Custom || !isAWS(r.Type) || r.RegisterRPC == nil {
			continue
		}
		reg := Registration{Type: r.Type, Name: r.Name, Inputs: fromProperties(r.Inputs), IgnoreChanges: r.IgnoreChanges}
		for _, d := range r.Dependencies {
			if u := resource.URN(d); isAWS(string(u.Type())) {
				reg.DependsOn = append(reg.DependsOn, string(u.Type())+" "+u.Name())
			}
		}
		sort.Strings(reg.DependsOn)
		out = append(out, reg)
	}
	return sorted(out)
}

func fromProperties(m resource.PropertyMap) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[string(k)] = fromProperty(v)
	}
	return out
}

func fromProperty(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return Secret{fromProperty(v.SecretValue().Element)}
	case v.IsOutput():
		o := v.OutputValue()
		if !o.Known {
			return Unknown
		}
		if o.Secret {
			return Secret{fromProperty(o.Element)}
		}
		return fromProperty(o.Element)
	case v.IsComputed():
		return Unknown
	case v.IsArray():
		out := make([]any, 0, len(v.ArrayValue()))
		for _, e := range v.ArrayValue() {
			out = append(out, fromProperty(e))
		}
		return out
	case v.IsObject():
		return fromProperties(v.ObjectValue())
	case v.IsNull():
		return nil
	}
	return nodegrouptest.Plain(v)
}

func sorted(rs []Registration) []Registration {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Key() < rs[j].Key() })
	return rs
}

// Compare lists every difference between what two programs registered: resources only one
// registered, inputs set by only one, different values, different secrecy, different
// dependencies or ignoreChanges. Empty when the programs make the engine do the same work.
func Compare(subject, reference string, a, b []Registration) []string {
	index := func(rs []Registration) map[string]Registration {
		m := map[string]Registration{}
		for _, r := range rs {
			m[r.Key()] = r
		}
		return m
	}
	am, bm := index(a), index(b)
	var diffs []string
	for _, k := range unionKeys(am, bm) {
		ra, inA := am[k]
		rb, inB := bm[k]
		switch {
		case !inA:
			diffs = append(diffs, fmt.Sprintf("%s: registered by %s only", k, reference))
		case !inB:
			diffs = append(diffs, fmt.Sprintf("%s: registered by %s only", k, subject))
		default:
			d := differ{subject: subject, reference: reference, prefix: k + ": "}
			d.value("inputs", ra.Inputs, rb.Inputs)
			d.set("dependsOn", ra.DependsOn, rb.DependsOn)
			d.set("ignoreChanges", ra.IgnoreChanges, rb.IgnoreChanges)
			diffs = append(diffs, d.out...)
		}
	}
	return diffs
}

type differ struct {
	subject, reference, prefix string
	out                        []string
}

func (d *differ) add(format string, a ...any) {
	d.out = append(d.out, d.prefix+fmt.Sprintf(format, a...))
}

func (d *differ) value(path string, a, b any) {
	sa, aSecret := a.(Secret)
	sb, bSecret := b.(Secret)
	if aSecret != bSecret {
		which := d.subject
		if bSecret {
			which = d.reference
		}
		d.add("%s is secret in %s only", path, which)
	}
	if aSecret != bSecret && (aSecret && sa.Value == nil || bSecret && sb.Value == nil) {
		return // the engine blinded the secret: its value cannot be compared
	}
	if aSecret {
		a = sa.Value
	}
	if bSecret {
		b = sb.Value
	}
	ma, aMap := a.(map[string]any)
	mb, bMap := b.(map[string]any)
	if aMap && bMap {
		for _, k := range unionKeys(ma, mb) {
			va, inA := ma[k]
			vb, inB := mb[k]
			switch {
			case !inA:
				d.add("%s.%s set by %s only (%s)", path, k, d.reference, show(vb))
			case !inB:
				d.add("%s.%s set by %s only (%s)", path, k, d.subject, show(va))
			default:
				d.value(path+"."+k, va, vb)
			}
		}
		return
	}
	la, aList := asList(a)
	lb, bList := asList(b)
	if aList && bList && len(la) == len(lb) {
		for i := range la {
			d.value(fmt.Sprintf("%s[%d]", path, i), la[i], lb[i])
		}
		return
	}
	if !reflect.DeepEqual(a, b) {
		d.add("%s: %s %s, %s %s", path, d.subject, show(a), d.reference, show(b))
	}
}

// set reports the members of two sets of strings that only one has.
func (d *differ) set(what string, a, b []string) {
	only := func(x, y []string) []string {
		in := map[string]bool{}
		for _, s := range y {
			in[s] = true
		}
		var out []string
		for _, s := range x {
			if !in[s] {
				out = append(out, s)
			}
		}
		return out
	}
	if o := only(a, b); len(o) > 0 {
		d.add("%s of %s only: %s", what, d.subject, strings.Join(o, ", "))
	}
	if o := only(b, a); len(o) > 0 {
		d.add("%s of %s only: %s", what, d.reference, strings.Join(o, ", "))
	}
}

func asList(v any) ([]any, bool) {
	switch v := v.(type) {
	case []any:
		return v, true
	}
	return nil, false
}

func show(v any) string {
	if s, ok := v.(Secret); ok {
		return "secret " + show(s.Value)
	}
	s := fmt.Sprintf("%#v", v)
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

func unionKeys[V any](a, b map[string]V) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]V{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
