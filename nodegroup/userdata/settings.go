package userdata

import (
	"encoding"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// settingsMaxDepth bounds how deeply settings may nest (tables, arrays and pointers), so that a
// cyclic value is refused instead of overflowing the stack. Real Bottlerocket settings are fewer
// than ten levels deep.
const settingsMaxDepth = 64

// MergeSettings returns over deep-merged over base, both being Bottlerocket settings tables
// relative to the top-level "settings" table (Input.Settings describes the values they may
// hold). It is the one merge of settings: the Bottlerocket renderer merges Input.Settings over
// the settings it renders from the cluster, labels and taints, and a caller with settings of its
// own (a hardening profile's, say) merges the user's over them the same way first.
//
//   - Where both hold a table (a map with string keys, of any value type), the tables merge key
//     by key, at every depth.
//   - Otherwise over's value wins: scalars and arrays are replaced, never merged, and a table
//     may replace a scalar or an array.
//   - A value in over that is not a table where base holds a table is an error naming the
//     setting (settings.kubernetes, ...): it would silently drop everything base has there.
//   - Values are normalised first, as the TOML encoder needs them: every table becomes a
//     map[string]any, every array a []any, every integer an int64, and a whole float64 (how
//     numbers arrive from TypeScript and Python) an int64. What TOML cannot encode (nil, Go
//     structs, channels, maps with other keys, invalid UTF-8, integers beyond int64, cycles) is an
//     error naming the setting.
//
// Neither argument is modified, and the result shares no table or array with them.
func MergeSettings(base, over map[string]any) (map[string]any, error) {
	normBase, err := normaliseSettingsTable(brSettingsKey, base, 0)
	if err != nil {
		return nil, err
	}
	normOver, err := normaliseSettingsTable(brSettingsKey, over, 0)
	if err != nil {
		return nil, err
	}
	return mergeTables(brSettingsKey, normBase, normOver)
}

// mergeTables is MergeSettings for normalised tables; path names base, for error messages.
func mergeTables(path string, base, over map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(base)+len(over))
	for k, v := range base {
		out[k] = cloneSetting(v)
	}
	for _, k := range slices.Sorted(maps.Keys(over)) {
		ov := over[k]
		bt, baseIsTable := base[k].(map[string]any)
		if !baseIsTable {
			out[k] = cloneSetting(ov)
			continue
		}
		ot, overIsTable := ov.(map[string]any)
		if !overIsTable {
			return nil, fmt.Errorf("setting %s is a table and cannot be replaced by a value of type %T; give a table to merge into it",
				settingPath(path, k), ov)
		}
		merged, err := mergeTables(settingPath(path, k), bt, ot)
		if err != nil {
			return nil, err
		}
		out[k] = merged
	}
	return out, nil
}

// cloneSetting returns a deep copy of the tables (map[string]any) and arrays ([]any) in v; other
// values are returned as they are.
func cloneSetting(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = cloneSetting(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cloneSetting(e)
		}
		return out
	default:
		return v
	}
}

// normaliseSettingsTable copies m into a map[string]any tree that the merge and the TOML encoder
// handle uniformly (see normaliseSetting). path names m, for error messages.
func normaliseSettingsTable(path string, m map[string]any, depth int) (map[string]any, error) {
	v, err := normaliseSetting(path, m, depth)
	if err != nil {
		return nil, err
	}
	return v.(map[string]any), nil
}

// normaliseSetting returns a copy of v in which every table is a map[string]any, every array a
// []any and every scalar a plain string, bool, int64, float32 or float64, leaving time.Time and
// values with their own TOML or text encoding as they are. It refuses what TOML cannot encode
// (nil, invalid UTF-8, integers beyond int64, channels, functions, structs, maps with non-string
// keys), naming the setting at fault by its dotted path.
func normaliseSetting(path string, v any, depth int) (any, error) {
	if depth > settingsMaxDepth {
		return nil, fmt.Errorf("setting %s is nested more than %d levels deep (is it cyclic?)", path, settingsMaxDepth)
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
		return normaliseSetting(path, rv.Elem().Interface(), depth+1)
	case reflect.Map:
		return normaliseSettingsMap(path, rv, depth)
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			e, err := normaliseSetting(fmt.Sprintf("%s[%d]", path, i), rv.Index(i).Interface(), depth+1)
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

// normaliseSettingsMap is normaliseSetting for a map; keys are visited in sorted order so that
// the error reported for a bad map is always the same one.
func normaliseSettingsMap(path string, rv reflect.Value, depth int) (map[string]any, error) {
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
		v, err := normaliseSetting(settingPath(path, k), values[k].Interface(), depth+1)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// settingPath returns the dotted TOML path of key k in the table at path, quoting k when TOML
// requires it (settings.kernel.sysctl."net.core.somaxconn").
func settingPath(path, k string) string {
	return path + "." + toml.Key{k}.String()
}
