package userdata

import (
	"bytes"
	"encoding"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Keys of the Bottlerocket settings eksnodes sets itself. All but the first are relative to the
// top-level "settings" table.
const (
	brSettingsKey           = "settings"
	brKubernetesKey         = "kubernetes"
	brAPIServerKey          = "api-server"
	brClusterCertificateKey = "cluster-certificate"
	brClusterDNSIPKey       = "cluster-dns-ip"
	brClusterNameKey        = "cluster-name"
	brNodeLabelsKey         = "node-labels"
	brNodeTaintsKey         = "node-taints"
)

// brMaxDepth bounds how deeply user settings may nest (tables, arrays and pointers), so that a
// cyclic value is refused instead of overflowing the stack. Real Bottlerocket settings are fewer
// than ten levels deep.
const brMaxDepth = 64

// Bottlerocket describes a Bottlerocket node's settings.
type Bottlerocket struct {
	Cluster Cluster
	// Labels become settings.kubernetes.node-labels.
	Labels map[string]string
	// Taints become settings.kubernetes.node-taints: "value:Effect" (":Effect" when the value is
	// empty), or a list of those, sorted by effect then value, when several taints share a key.
	Taints []Taint
	// Settings are the user's Bottlerocket settings, relative to the top-level "settings" table
	// (e.g. {"kubernetes": {"max-pods": 58}, "host-containers": {"admin": {"enabled": true}}}),
	// deep-merged over the base: the user's values win, tables merge key by key.
	//
	// Tables are maps with string keys (of any value type); arrays are slices or arrays. A nil
	// map or slice is an empty table or array. time.Time and values with a MarshalTOML or
	// MarshalText method are encoded by the toml package. Nil values and other Go structs are
	// refused: TOML has no null, and a struct is not a table that can be merged key by key.
	Settings map[string]any
}

// RenderBottlerocket renders the TOML user data for a Bottlerocket node: the cluster's
// settings.kubernetes facts, the labels and taints, and the user's settings merged over them.
// Tables and keys are sorted, so the text is stable from one run to the next.
//
// The size of the result is not checked against MaxBytes; that is the caller's concern.
func RenderBottlerocket(b Bottlerocket) (string, error) {
	settings, err := bottlerocketSettings(b)
	if err != nil {
		return "", err
	}
	return encodeBottlerocket(map[string]any{brSettingsKey: settings})
}

// bottlerocketSettings returns the merged "settings" table for b: the base built from the
// cluster, labels and taints, with b.Settings deep-merged over it.
func bottlerocketSettings(b Bottlerocket) (map[string]any, error) {
	base, err := bottlerocketBase(b)
	if err != nil {
		return nil, err
	}
	normBase, err := normaliseBottlerocketTable(brSettingsKey, base, 0)
	if err != nil {
		return nil, err
	}
	user, err := normaliseBottlerocketTable(brSettingsKey, b.Settings, 0)
	if err != nil {
		return nil, err
	}
	return mergeBottlerocketSettings(brSettingsKey, normBase, user)
}

// bottlerocketBase returns the settings eksnodes derives from b, relative to "settings". The
// node-labels and node-taints tables are left out when there are none.
func bottlerocketBase(b Bottlerocket) (map[string]any, error) {
	dnsIP, err := ClusterDNSIP(b.Cluster.ServiceCIDR)
	if err != nil {
		return nil, fmt.Errorf("bottlerocket settings: %w", err)
	}
	k8s := map[string]any{
		brAPIServerKey:          b.Cluster.Endpoint,
		brClusterCertificateKey: b.Cluster.CertificateAuthority,
		brClusterDNSIPKey:       dnsIP,
		brClusterNameKey:        b.Cluster.Name,
	}
	if len(b.Labels) > 0 {
		labels := make(map[string]any, len(b.Labels))
		for k, v := range b.Labels {
			labels[k] = v
		}
		k8s[brNodeLabelsKey] = labels
	}
	if len(b.Taints) > 0 {
		k8s[brNodeTaintsKey] = bottlerocketTaints(b.Taints)
	}
	return map[string]any{brKubernetesKey: k8s}, nil
}

// bottlerocketTaints returns the node-taints table: each key maps to "value:Effect" (":Effect"
// when the value is empty), or to a list of them, sorted by effect then value, when several
// taints share the key (Bottlerocket accepts both forms).
func bottlerocketTaints(taints []Taint) map[string]any {
	sorted := append([]Taint(nil), taints...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		if a.Effect != b.Effect {
			return a.Effect < b.Effect
		}
		return a.Value < b.Value
	})
	byKey := map[string][]any{}
	for _, t := range sorted {
		byKey[t.Key] = append(byKey[t.Key], t.Value+":"+t.Effect)
	}
	out := make(map[string]any, len(byKey))
	for k, values := range byKey {
		if len(values) == 1 {
			out[k] = values[0]
		} else {
			out[k] = values
		}
	}
	return out
}

// mergeBottlerocketSettings returns base with user deep-merged over it: where both hold a table
// the tables merge key by key, otherwise the user's value wins. A user value that is not a table
// where base holds one is an error naming the key. Tables are map[string]any and arrays []any,
// as normaliseBottlerocketValue makes them. Neither argument is modified, and the result shares
// no table or array with them. path names base, for error messages.
func mergeBottlerocketSettings(path string, base, user map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(base)+len(user))
	for k, v := range base {
		out[k] = cloneBottlerocketValue(v)
	}
	for _, k := range slices.Sorted(maps.Keys(user)) {
		uv := user[k]
		bt, baseIsTable := base[k].(map[string]any)
		if !baseIsTable {
			out[k] = cloneBottlerocketValue(uv)
			continue
		}
		ut, userIsTable := uv.(map[string]any)
		if !userIsTable {
			return nil, fmt.Errorf("setting %s is a table and cannot be replaced by a value of type %T; give a table to merge into it",
				brChildPath(path, k), uv)
		}
		merged, err := mergeBottlerocketSettings(brChildPath(path, k), bt, ut)
		if err != nil {
			return nil, err
		}
		out[k] = merged
	}
	return out, nil
}

// cloneBottlerocketValue returns a deep copy of the tables (map[string]any) and arrays ([]any)
// in v; other values are returned as they are.
func cloneBottlerocketValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = cloneBottlerocketValue(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cloneBottlerocketValue(e)
		}
		return out
	default:
		return v
	}
}

// normaliseBottlerocketTable copies m into a map[string]any tree that the merge and the TOML
// encoder handle uniformly (see normaliseBottlerocketValue). path names m, for error messages.
func normaliseBottlerocketTable(path string, m map[string]any, depth int) (map[string]any, error) {
	v, err := normaliseBottlerocketValue(path, m, depth)
	if err != nil {
		return nil, err
	}
	return v.(map[string]any), nil
}

// normaliseBottlerocketValue returns a copy of v in which every table is a map[string]any,
// every array a []any and every scalar a plain string, bool, int64, float32 or float64, leaving
// time.Time and values with their own TOML or text encoding as they are. It refuses what TOML
// cannot encode (nil, invalid UTF-8, integers beyond int64, channels, functions, structs, maps
// with non-string keys), naming the setting at fault by its dotted path.
func normaliseBottlerocketValue(path string, v any, depth int) (any, error) {
	if depth > brMaxDepth {
		return nil, fmt.Errorf("setting %s is nested more than %d levels deep (is it cyclic?)", path, brMaxDepth)
	}
	rv := reflect.ValueOf(v)
	if v == nil || rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil, fmt.Errorf("setting %s is nil: TOML has no null value", path)
	}
	switch v.(type) {
	case time.Time, toml.Marshaler, encoding.TextMarshaler:
		// Encoded by the toml package itself; encodeBottlerocket checks that the result parses.
		return v, nil
	}
	switch rv.Kind() {
	case reflect.String:
		if !utf8.ValidString(rv.String()) {
			return nil, fmt.Errorf("setting %s is not valid UTF-8", path)
		}
		return rv.String(), nil
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if rv.Uint() > math.MaxInt64 {
			return nil, fmt.Errorf("setting %s is %d, beyond TOML's 64-bit signed integers", path, rv.Uint())
		}
		return int64(rv.Uint()), nil
	case reflect.Float32:
		return float32(rv.Float()), nil // keeps 0.1 from becoming 0.10000000149011612
	case reflect.Float64:
		// Settings that come from TypeScript or Python arrive as JSON numbers, float64 even
		// when whole; Bottlerocket's integer settings (max-pods, ...) refuse 110.0.
		if f := rv.Float(); f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return int64(f), nil
		}
		return rv.Float(), nil
	case reflect.Pointer:
		return normaliseBottlerocketValue(path, rv.Elem().Interface(), depth+1)
	case reflect.Map:
		return normaliseBottlerocketMap(path, rv, depth)
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			e, err := normaliseBottlerocketValue(fmt.Sprintf("%s[%d]", path, i), rv.Index(i).Interface(), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case reflect.Struct:
		return nil, fmt.Errorf("setting %s is a Go struct (%T); use a map with string keys for a table", path, v)
	default:
		return nil, fmt.Errorf("setting %s: TOML cannot encode a value of type %T", path, v)
	}
}

// normaliseBottlerocketMap is normaliseBottlerocketValue for a map; keys are visited in sorted
// order so that the error reported for a bad map is always the same one.
func normaliseBottlerocketMap(path string, rv reflect.Value, depth int) (map[string]any, error) {
	if rv.Type().Key().Kind() != reflect.String {
		return nil, fmt.Errorf("setting %s is a table with %s keys; TOML keys are strings", path, rv.Type().Key())
	}
	keys := make([]string, 0, rv.Len())
	values := make(map[string]reflect.Value, rv.Len())
	for it := rv.MapRange(); it.Next(); {
		k := it.Key().String()
		keys = append(keys, k)
		values[k] = it.Value()
	}
	sort.Strings(keys)
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		if !utf8.ValidString(k) {
			return nil, fmt.Errorf("setting %s has a key that is not valid UTF-8: %q", path, k)
		}
		v, err := normaliseBottlerocketValue(brChildPath(path, k), values[k].Interface(), depth+1)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// brChildPath returns the dotted TOML path of key k in the table at path, quoting k when TOML
// requires it (settings.kernel.sysctl."net.core.somaxconn").
func brChildPath(path, k string) string {
	return path + "." + toml.Key{k}.String()
}

// encodeBottlerocket marshals doc with sorted keys and no indentation, separates tables with a
// blank line, and checks that the text parses back as TOML.
func encodeBottlerocket(doc map[string]any) (text string, err error) {
	defer func() {
		// The toml encoder turns its own failures into errors but re-panics on others.
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("encoding Bottlerocket settings as TOML: %v", r)
		}
	}()
	var buf bytes.Buffer
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(doc); err != nil {
		return "", fmt.Errorf("encoding Bottlerocket settings as TOML: %w", err)
	}
	text = separateTOMLTables(buf.String())
	var check map[string]any
	if _, err := toml.Decode(text, &check); err != nil {
		return "", fmt.Errorf("encoded Bottlerocket settings are not valid TOML (a value's MarshalTOML or MarshalText output?): %w", err)
	}
	return text, nil
}

// separateTOMLTables puts a blank line before each table header that follows a key/value line,
// for reading; a header with no keys of its own stays next to the one after it. Only whitespace
// between lines changes: the encoder writes one key or header per line, escapes newlines inside
// strings and quotes keys starting with "[", so a line starting with "[" is always a header.
func separateTOMLTables(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	b.Grow(len(s) + len(lines))
	for i, line := range lines {
		if i > 0 && strings.HasPrefix(line, "[") && !isTOMLHeaderOrBlank(lines[i-1]) {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

func isTOMLHeaderOrBlank(line string) bool {
	return line == "\n" || strings.HasPrefix(line, "[")
}
