package fakeaws

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// AccountID is the AWS account every invented ARN belongs to.
const AccountID = "123456789012"

// epoch is the base of every invented timestamp: no wall clock is read.
var epoch = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// digest hashes its parts (separated so that ("ab","c") differs from ("a","bc")).
func digest(parts ...string) []byte {
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return h.Sum(nil)
}

// hexID returns n lowercase hex digits derived from parts.
func hexID(n int, parts ...string) string {
	return hex.EncodeToString(digest(parts...))[:n]
}

// upperID returns n characters of [A-Z2-7] derived from parts, like IAM unique IDs.
func upperID(n int, parts ...string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	d := digest(parts...)
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[d[i%len(d)]%32]
	}
	return string(out)
}

func uuidOf(parts ...string) string {
	h := hexID(32, parts...)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// timestampOf is an RFC 3339 time within a year of the epoch, derived from parts.
func timestampOf(parts ...string) string {
	secs := binary.BigEndian.Uint64(digest(parts...)) % (365 * 24 * 3600)
	return epoch.Add(time.Duration(secs) * time.Second).Format(time.RFC3339)
}

// uniqueSuffix is the 26-character suffix Terraform appends to a name_prefix
// (id.PrefixedUniqueId: a UTC timestamp to the 0.1 ms and an 8-hex-digit counter), here
// derived from the URN and the creating inputs, so that a replacement gets a new name.
func uniqueSuffix(urn string, inputs property.Map) string {
	d := digest(urn, canonical(property.New(inputs)))
	secs := binary.BigEndian.Uint64(d) % (365 * 24 * 3600)
	frac := binary.BigEndian.Uint16(d[8:]) % 10000
	return epoch.Add(time.Duration(secs)*time.Second).Format("20060102150405") +
		fmt.Sprintf("%04d%08x", frac, binary.BigEndian.Uint32(d[10:]))
}

// autoName is the name Pulumi's autonaming gives a resource that sets neither name nor
// namePrefix: the URN's name, a hyphen and seven hex digits (here derived from the URN).
func autoName(urnName, urn string) string {
	return urnName + "-" + hexID(7, "autoname", urn)
}

// canonical renders a value deterministically (sorted keys, secrets unwrapped).
func canonical(v property.Value) string {
	var b strings.Builder
	var walk func(v property.Value)
	walk = func(v property.Value) {
		switch {
		case v.IsComputed():
			b.WriteString("<unknown>")
		case v.IsNull():
			b.WriteString("null")
		case v.IsString():
			fmt.Fprintf(&b, "%q", v.AsString())
		case v.IsNumber():
			fmt.Fprintf(&b, "%v", v.AsNumber())
		case v.IsBool():
			fmt.Fprintf(&b, "%v", v.AsBool())
		case v.IsArray():
			b.WriteString("[")
			for _, e := range v.AsArray().AsSlice() {
				walk(e)
				b.WriteString(",")
			}
			b.WriteString("]")
		case v.IsMap():
			b.WriteString("{")
			m := v.AsMap()
			for _, k := range sortedKeys(m.AsMap()) {
				fmt.Fprintf(&b, "%q:", k)
				walk(m.Get(k))
				b.WriteString(",")
			}
			b.WriteString("}")
		case v.IsResourceReference():
			fmt.Fprintf(&b, "ref(%s)", v.AsResourceReference().URN)
		default:
			b.WriteString("?")
		}
	}
	walk(v)
	return b.String()
}

// calc holds what outputs are computed from.
type calc struct {
	r       *resourceSchema
	urn     string
	region  string
	id      string            // the resource ID (empty while creating)
	name    string            // the physical name, for resources that have one
	inputs  property.Map      // the new inputs
	prior   property.Map      // the old state (empty on create)
	changed func(string) bool // whether an input changed (updates only)
	dryRun  bool              // a preview, not a deployment
	create  bool              // creating: in a preview, computed attributes are unknown

	defaults map[string]property.Value // applied when the input is absent
	computed map[string]property.Value // always set
}

func (c *calc) str(k string) (string, bool) {
	v := c.inputs.Get(k)
	if v.IsString() {
		return v.AsString(), true
	}
	return "", false
}

func (c *calc) num(k string) (float64, bool) {
	v := c.inputs.Get(k)
	if v.IsNumber() {
		return v.AsNumber(), true
	}
	return 0, false
}

func (c *calc) arn(service, resource string, regional bool) string {
	region := ""
	if regional {
		region = c.region
	}
	return fmt.Sprintf("arn:aws:%s:%s:%s:%s", service, region, AccountID, resource)
}

// physicalName is the name AWS gets: the given name, or namePrefix plus a unique suffix.
func physicalName(urn string, inputs property.Map) string {
	if v := inputs.Get("name"); v.IsString() {
		return v.AsString()
	}
	prefix := "terraform-"
	if v := inputs.Get("namePrefix"); v.IsString() {
		prefix = v.AsString()
	}
	return prefix + uniqueSuffix(urn, inputs)
}

// newID invents the ID of a resource being created (name is its physical name, if any).
func newID(r *resourceSchema, urn, name string, inputs property.Map) string {
	seed := func() string { return canonical(property.New(inputs)) }
	switch r.token {
	case RoleToken, InstanceProfileToken, GroupToken:
		return name
	case RolePolicyAttachmentToken:
		role, _ := stringOf(inputs.Get("role"))
		return role + "-" + uniqueSuffix(urn, inputs)
	case AccessEntryToken:
		cluster, _ := stringOf(inputs.Get("clusterName"))
		principal, _ := stringOf(inputs.Get("principalArn"))
		return cluster + ":" + principal
	case SecurityGroupToken:
		return "sg-0" + hexID(16, urn, seed())
	case IngressRuleToken, EgressRuleToken:
		return "sgr-0" + hexID(16, urn, seed())
	case LaunchTemplateToken:
		return "lt-0" + hexID(16, urn, seed())
	case LifecycleHookToken:
		return name // Terraform's ID of a lifecycle hook is its name
	case PlacementGroupToken:
		return name // Terraform's ID of a placement group is its name
	case RolePolicyToken:
		role, _ := stringOf(inputs.Get("role"))
		return role + ":" + name // Terraform's ID of an inline role policy is role:name
	}
	panic("fakeaws: no ID scheme for " + r.token)
}

func stringOf(v property.Value) (string, bool) {
	if v.IsString() {
		return v.AsString(), true
	}
	return "", false
}

// outputs computes the state of a resource: its inputs, the defaults AWS or Terraform fill
// in for absent optional inputs, and the computed attributes. Every property it returns is
// an output of the pulumi-aws v6.83.2 resource; anything else is an internal error.
func (c *calc) outputs() (property.Map, error) {
	c.defaults, c.computed = map[string]property.Value{}, map[string]property.Value{}
	c.set()
	out := map[string]property.Value{}
	for k, v := range c.inputs.AsMap() {
		out[k] = v
	}
	for k, v := range c.defaults {
		if cur, ok := out[k]; !ok || cur.IsNull() {
			out[k] = v
		}
	}
	for k, v := range c.computed {
		if c.create && c.dryRun {
			v = property.New(property.Computed)
		}
		out[k] = v
	}
	var bad []string
	for k := range out {
		if !c.r.outputs[k] {
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return property.Map{}, fmt.Errorf("fake aws provider bug: %s has no output %s", c.r.token, strings.Join(bad, ", "))
	}
	return property.NewMap(out), nil
}

func s(v string) property.Value  { return property.New(v) }
func n(v float64) property.Value { return property.New(v) }
func b(v bool) property.Value    { return property.New(v) }

func emptyArray() property.Value { return property.New(property.NewArray(nil)) }

// tagsAll is the resource's tags merged with the provider's default tags (none here).
func (c *calc) tagsAll() {
	if !c.r.outputs["tagsAll"] {
		return
	}
	if t := c.inputs.Get("tags"); t.IsMap() || t.IsComputed() {
		c.computed["tagsAll"] = t
		return
	}
	c.computed["tagsAll"] = property.New(property.NewMap(nil))
}
