package userdata

import (
	"fmt"
	"maps"
	"math"
	"net"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brTestDoc is the part of a Bottlerocket user data document that eksnodes itself sets,
// decoded strictly: any other key shows up in MetaData.Undecoded.
type brTestDoc struct {
	Settings struct {
		Kubernetes brTestKubernetes `toml:"kubernetes"`
	} `toml:"settings"`
}

type brTestKubernetes struct {
	APIServer          string                        `toml:"api-server"`
	ClusterCertificate string                        `toml:"cluster-certificate"`
	ClusterDNSIP       string                        `toml:"cluster-dns-ip"`
	ClusterName        string                        `toml:"cluster-name"`
	NodeLabels         map[string]string             `toml:"node-labels"`
	NodeTaints         map[string]brTestTaintEntries `toml:"node-taints"`
}

// brTestKubernetesKeys are the settings.kubernetes keys brTestKubernetes decodes.
var brTestKubernetesKeys = []string{"api-server", "cluster-certificate", "cluster-dns-ip", "cluster-name", "node-labels", "node-taints"}

// brTestTaintEntries is one node-taints value: "value:Effect" or a list of them, as Bottlerocket
// accepts. Anything else is a decoding error.
type brTestTaintEntries []string

func (e *brTestTaintEntries) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case string:
		*e = brTestTaintEntries{x}
		return nil
	case []any:
		if len(x) == 0 {
			return fmt.Errorf("empty taint list")
		}
		out := make(brTestTaintEntries, 0, len(x))
		for _, item := range x {
			s, ok := item.(string)
			if !ok {
				return fmt.Errorf("taint list item %#v is not a string", item)
			}
			out = append(out, s)
		}
		*e = out
		return nil
	default:
		return fmt.Errorf("taint value %#v is neither a string nor a list of strings", v)
	}
}

// decodeBottlerocket decodes doc strictly into brTestDoc and returns the keys it did not know.
func decodeBottlerocket(t *testing.T, doc string) (brTestDoc, toml.MetaData) {
	t.Helper()
	var d brTestDoc
	md, err := toml.Decode(doc, &d)
	require.NoError(t, err, "user data must be valid TOML:\n%s", doc)
	return d, md
}

// TestRenderBottlerocketSemantics decodes each Bottlerocket scenario's document as TOML and
// checks it against the input, independently of the golden files.
func TestRenderBottlerocketSemantics(t *testing.T) {
	for _, sc := range scenariosOf(FormatBottlerocket) {
		t.Run(sc.name, func(t *testing.T) {
			require.Equal(t, testCluster.ServiceCIDR, sc.in.Cluster.ServiceCIDR, "the cluster DNS address below is testCluster's")
			doc, err := Render(sc.in)
			require.NoError(t, err)
			assert.NotContains(t, doc, "\r", "user data uses LF line endings")
			assert.True(t, strings.HasSuffix(doc, "\n"), "user data ends with a newline")

			in := untypedEquivalent(sc.in)
			d, md := decodeBottlerocket(t, doc)
			k := d.Settings.Kubernetes
			userK8s := brTestTable(t, in.Settings["kubernetes"])

			// Base keys the user did not override keep the cluster's facts; overrides win.
			assert.Equal(t, brTestOverride(userK8s, "api-server", in.Cluster.Endpoint), k.APIServer)
			assert.Equal(t, brTestOverride(userK8s, "cluster-certificate", in.Cluster.CertificateAuthority), k.ClusterCertificate)
			assert.Equal(t, brTestOverride(userK8s, "cluster-name", in.Cluster.Name), k.ClusterName)
			assert.Equal(t, brTestOverride(userK8s, "cluster-dns-ip", testClusterDNSIP), k.ClusterDNSIP)

			// Labels: the input's, merged with any the user's settings add.
			wantLabels := map[string]string{}
			for key, v := range in.Labels {
				wantLabels[key] = v
			}
			for key, v := range brTestTable(t, userK8s["node-labels"]) {
				wantLabels[key] = v.(string)
			}
			if len(wantLabels) == 0 {
				assert.False(t, md.IsDefined("settings", "kubernetes", "node-labels"), "no node-labels table without labels")
			} else {
				assert.Equal(t, wantLabels, k.NodeLabels, "labels round trip")
			}

			// Taints: parse "value:Effect" back.
			if len(in.Taints) == 0 {
				assert.False(t, md.IsDefined("settings", "kubernetes", "node-taints"), "no node-taints table without taints")
			} else {
				assert.ElementsMatch(t, in.Taints, brTestParseTaints(t, k.NodeTaints), "taints round trip")
			}

			// Every key the typed structs do not know comes from the user's settings.
			wantUndecoded := brTestUserPaths(t, in.Settings)
			gotUndecoded := []string{}
			for _, key := range md.Undecoded() {
				gotUndecoded = append(gotUndecoded, key.String())
			}
			sort.Strings(gotUndecoded)
			assert.Equal(t, wantUndecoded, gotUndecoded, "keys outside the typed structs")

			// ... and carries the user's value.
			var generic map[string]any
			_, err = toml.Decode(doc, &generic)
			require.NoError(t, err)
			gotExtra := brTestTable(t, generic["settings"])
			wantExtra := brTestTable(t, brTestNormal(in.Settings))
			brTestDropTyped(gotExtra)
			brTestDropTyped(wantExtra)
			assert.Equal(t, wantExtra, gotExtra, "user settings outside the typed structs round trip")
		})
	}
}

// brTestOverride returns the user's string for key in settings.kubernetes, or def.
func brTestOverride(userK8s map[string]any, key, def string) string {
	if v, ok := userK8s[key].(string); ok {
		return v
	}
	return def
}

// brTestTable returns v as a table (any map with string keys, normalised), or nil for nil.
func brTestTable(t *testing.T, v any) map[string]any {
	t.Helper()
	if v == nil {
		return nil
	}
	m, ok := brTestNormal(v).(map[string]any)
	require.True(t, ok, "%T is not a table", v)
	return m
}

// brTestNormal converts v to the types toml.Decode produces for it: map[string]any tables,
// []any arrays, int64 integers, float64 floats.
func brTestNormal(v any) any {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map:
		out := map[string]any{}
		for it := rv.MapRange(); it.Next(); {
			out[it.Key().String()] = brTestNormal(it.Value().Interface())
		}
		return out
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = brTestNormal(rv.Index(i).Interface())
		}
		return out
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	default:
		return v
	}
}

// brTestUserPaths returns, sorted, the dotted paths of every key (tables and values) in the
// user's settings that brTestDoc does not decode.
func brTestUserPaths(t *testing.T, settings map[string]any) []string {
	t.Helper()
	paths := []string{}
	var walk func(prefix toml.Key, m map[string]any)
	walk = func(prefix toml.Key, m map[string]any) {
		for k, v := range m {
			p := append(prefix[:len(prefix):len(prefix)], k)
			if len(p) == 3 && p[1] == "kubernetes" && brTestIsTypedKey(k) {
				continue // decoded by brTestKubernetes
			}
			if len(p) != 2 || k != "kubernetes" {
				paths = append(paths, p.String())
			}
			if sub, ok := brTestNormal(v).(map[string]any); ok {
				walk(p, sub)
			}
		}
	}
	walk(toml.Key{"settings"}, brTestTable(t, settings))
	sort.Strings(paths)
	return paths
}

func brTestIsTypedKey(k string) bool {
	for _, typed := range brTestKubernetesKeys {
		if k == typed {
			return true
		}
	}
	return false
}

// brTestDropTyped removes from a settings table what brTestDoc decodes.
func brTestDropTyped(settings map[string]any) {
	k8s, ok := settings["kubernetes"].(map[string]any)
	if !ok {
		return
	}
	for _, k := range brTestKubernetesKeys {
		delete(k8s, k)
	}
	if len(k8s) == 0 {
		delete(settings, "kubernetes")
	}
}

func brTestParseTaints(t *testing.T, taints map[string]brTestTaintEntries) []Taint {
	t.Helper()
	var out []Taint
	for key, entries := range taints {
		for _, e := range entries {
			i := strings.LastIndex(e, ":")
			require.True(t, i >= 0, "taint %q=%q has no ':Effect'", key, e)
			out = append(out, Taint{Key: key, Value: e[:i], Effect: e[i+1:]})
		}
	}
	return out
}

func TestBottlerocketTaints(t *testing.T) {
	in := []Taint{
		{Key: "zone", Value: "b", Effect: "NoSchedule"},
		{Key: "dedicated", Value: "gpu", Effect: "PreferNoSchedule"},
		{Key: "dedicated", Value: "gpu", Effect: "NoExecute"},
		{Key: "a", Effect: "NoSchedule"},
		{Key: "dedicated", Value: "cpu", Effect: "NoExecute"},
	}
	orig := append([]Taint(nil), in...)
	assert.Equal(t, map[string]any{
		"a":         ":NoSchedule",
		"dedicated": []any{"cpu:NoExecute", "gpu:NoExecute", "gpu:PreferNoSchedule"},
		"zone":      "b:NoSchedule",
	}, bottlerocketTaints(in))
	assert.Equal(t, orig, in, "bottlerocketTaints must not reorder its argument")
}

// brCyclic is a table that contains itself.
func brCyclic() map[string]any {
	m := map[string]any{}
	m["self"] = m
	return m
}

type brBadTOML struct{}

func (brBadTOML) MarshalTOML() ([]byte, error) { return []byte("= not a value"), nil }

func TestRenderBottlerocketErrors(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(b *Input)
		wantErr string
	}{
		{"invalid service CIDR", func(b *Input) { b.Cluster.ServiceCIDR = "172.20.0.0" }, `service CIDR "172.20.0.0"`},
		{"IPv4-mapped service CIDR", func(b *Input) { b.Cluster.ServiceCIDR = "::ffff:10.0.0.0/104" }, "not an IPv4 or IPv6 CIDR"},
		{"kubernetes replaced by a string", func(b *Input) { b.Settings = map[string]any{"kubernetes": "x"} },
			"setting settings.kubernetes is a table and cannot be replaced by a value of type string"},
		{"node-labels replaced by a string", func(b *Input) {
			b.Labels = map[string]string{"team": "a"}
			b.Settings = map[string]any{"kubernetes": map[string]any{"node-labels": "team=b"}}
		}, "setting settings.kubernetes.node-labels is a table"},
		{"nil value", func(b *Input) { b.Settings = map[string]any{"motd": nil} }, "setting settings.motd is nil"},
		{"nil pointer", func(b *Input) { b.Settings = map[string]any{"motd": (*string)(nil)} }, "setting settings.motd is nil"},
		{"nil TextMarshaler", func(b *Input) { b.Settings = map[string]any{"ip": (*net.IP)(nil)} }, "setting settings.ip is nil"},
		{"nil in an array", func(b *Input) {
			b.Settings = map[string]any{"kubernetes": map[string]any{"allowed-unsafe-sysctls": []any{"a", nil}}}
		}, "setting settings.kubernetes.allowed-unsafe-sysctls[1] is nil"},
		{"channel", func(b *Input) { b.Settings = map[string]any{"x": make(chan int)} }, "setting settings.x: TOML cannot encode a value of type chan int"},
		{"function", func(b *Input) { b.Settings = map[string]any{"x": map[string]any{"y": func() {}}} }, "setting settings.x.y: TOML cannot encode"},
		{"complex", func(b *Input) { b.Settings = map[string]any{"x": 1i} }, "TOML cannot encode a value of type complex128"},
		{"struct", func(b *Input) { b.Settings = map[string]any{"x": struct{ A int }{1}} }, "setting settings.x is a Go struct"},
		{"non-string keys", func(b *Input) { b.Settings = map[string]any{"x": map[int]string{1: "a"}} }, "setting settings.x is a table with int keys"},
		{"integer too large", func(b *Input) { b.Settings = map[string]any{"x": uint64(math.MaxUint64)} }, "beyond TOML's 64-bit signed integers"},
		{"cyclic", func(b *Input) { b.Settings = map[string]any{"x": brCyclic()} }, "levels deep"},
		{"invalid UTF-8 value", func(b *Input) { b.Settings = map[string]any{"motd": "a\xffb"} }, "setting settings.motd is not valid UTF-8"},
		{"invalid UTF-8 key", func(b *Input) { b.Settings = map[string]any{"kernel": map[string]any{"a\xff": "1"}} },
			`setting settings.kernel has a key that is not valid UTF-8: "a\xff"`},
		{"invalid UTF-8 label value", func(b *Input) { b.Labels = map[string]string{"team": "\xc3"} },
			"setting settings.kubernetes.node-labels.team is not valid UTF-8"},
		{"invalid UTF-8 cluster name", func(b *Input) { b.Cluster.Name = "prod\x80" },
			"setting settings.kubernetes.cluster-name is not valid UTF-8"},
		{"invalid MarshalTOML output", func(b *Input) { b.Settings = map[string]any{"x": brBadTOML{}} }, "not valid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := scenarioNamed(t, FormatBottlerocket, "minimal")
			tt.mutate(&b)
			var (
				out string
				err error
			)
			require.NotPanics(t, func() { out, err = Render(b) })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.Empty(t, out)
		})
	}
}

func TestRenderBottlerocketAcceptedValues(t *testing.T) {
	type name string
	stamp := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	b := Input{Format: FormatBottlerocket, Cluster: testCluster, Settings: map[string]any{
		// A typed map is a table, and merges into the base one.
		"kubernetes": map[string]int{"max-pods": 58},
		"typed":      map[name][]uint8{"bytes": {1, 2}},
		"ip":         net.ParseIP("10.0.0.2"), // encoding.TextMarshaler
		"when":       stamp,
		"ptr":        &[]string{"a"},
		"empty":      map[string]any{},
		"nil-map":    map[string]any(nil),
		"nil-slice":  []string(nil),
		"float":      float32(0.1),
		"named":      name("x"),
	}}
	doc, err := Render(b)
	require.NoError(t, err)
	var got map[string]any
	_, err = toml.Decode(doc, &got)
	require.NoError(t, err, doc)
	settings := got["settings"].(map[string]any)
	k8s := settings["kubernetes"].(map[string]any)
	assert.Equal(t, int64(58), k8s["max-pods"])
	assert.Equal(t, testCluster.Name, k8s["cluster-name"], "base keys kept")
	assert.Equal(t, map[string]any{"bytes": []any{int64(1), int64(2)}}, settings["typed"])
	assert.Equal(t, "10.0.0.2", settings["ip"])
	assert.True(t, stamp.Equal(settings["when"].(time.Time)))
	assert.Equal(t, []any{"a"}, settings["ptr"])
	assert.Equal(t, map[string]any{}, settings["empty"])
	assert.Equal(t, map[string]any{}, settings["nil-map"])
	assert.Equal(t, []any{}, settings["nil-slice"])
	assert.Equal(t, 0.1, settings["float"], "float32 keeps its shortest form")
	assert.Equal(t, "x", settings["named"])
}

func TestSeparateTOMLTables(t *testing.T) {
	in := "[settings]\n[settings.a]\nx = 1\n[settings.b]\ny = \"[not a header]\"\n\n[[settings.c]]\nz = 2\n"
	want := "[settings]\n[settings.a]\nx = 1\n\n[settings.b]\ny = \"[not a header]\"\n\n[[settings.c]]\nz = 2\n"
	assert.Equal(t, want, separateTOMLTables(in))
}

// FuzzRenderBottlerocket checks that whatever strings the cluster, a label, a taint and a
// setting hold, Render does not panic on Bottlerocket user data, refuses only what it must (invalid UTF-8, a
// string replacing the kubernetes table), and otherwise renders TOML that gives the strings back.
func FuzzRenderBottlerocket(f *testing.F) {
	for _, sc := range scenariosOf(FormatBottlerocket) {
		lk, lv := "team", "a"
		for _, k := range slices.Sorted(maps.Keys(sc.in.Labels)) {
			lk, lv = k, sc.in.Labels[k]
			break
		}
		taint := Taint{Key: "dedicated", Value: "gpu", Effect: "NoSchedule"}
		if len(sc.in.Taints) > 0 {
			taint = sc.in.Taints[0]
		}
		f.Add(sc.in.Cluster.Name, sc.in.Cluster.Endpoint, lk, lv, taint.Key, taint.Value, taint.Effect, "motd", sc.name)
	}
	f.Add("", "", "", "", "", "", "", "", "")
	f.Add(`a"b`, "https://x\n[settings]", "a.b", "c\\d", "k=v", "x:y", "NoSchedule\n", "net.core.somaxconn", "1024")
	f.Add("\x00\x7f\u2028", "\t", "[x]", "\"\"\"", "#", "'''", "é", "kubernetes", "x")
	f.Add("prod\xff", "e", "l", "v", "t", "v", "NoSchedule", "kernel", "\xc3")
	f.Fuzz(func(t *testing.T, name, endpoint, labelKey, labelValue, taintKey, taintValue, taintEffect, settingKey, settingValue string) {
		in := Input{
			Format:   FormatBottlerocket,
			Cluster:  Cluster{Name: name, Endpoint: endpoint, CertificateAuthority: testCA, ServiceCIDR: "10.100.0.0/16"},
			Labels:   map[string]string{labelKey: labelValue},
			Taints:   []Taint{{Key: taintKey, Value: taintValue, Effect: taintEffect}},
			Settings: map[string]any{settingKey: settingValue},
		}
		doc, err := Render(in)

		wantErr := settingKey == "kubernetes"
		for _, s := range []string{name, endpoint, labelKey, labelValue, taintKey, taintValue, taintEffect, settingKey, settingValue} {
			wantErr = wantErr || !utf8.ValidString(s)
		}
		if wantErr {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)

		var d brTestDoc
		_, err = toml.Decode(doc, &d)
		require.NoError(t, err, "output must be valid TOML:\n%s", doc)
		k := d.Settings.Kubernetes
		assert.Equal(t, name, k.ClusterName)
		assert.Equal(t, endpoint, k.APIServer)
		assert.Equal(t, "10.100.0.10", k.ClusterDNSIP)
		assert.Equal(t, map[string]string{labelKey: labelValue}, k.NodeLabels)
		assert.Equal(t, map[string]brTestTaintEntries{taintKey: {taintValue + ":" + taintEffect}}, k.NodeTaints)

		var generic map[string]any
		_, err = toml.Decode(doc, &generic)
		require.NoError(t, err)
		assert.Equal(t, settingValue, generic["settings"].(map[string]any)[settingKey])

		again, err := Render(in)
		require.NoError(t, err)
		assert.Equal(t, doc, again, "output must be deterministic")
	})
}

// TypeScript and Python send every number as a float64; whole ones must stay TOML integers.
func TestBottlerocketWholeFloatsAreIntegers(t *testing.T) {
	out, err := Render(Input{Format: FormatBottlerocket, Cluster: testCluster, Settings: map[string]any{
		"kubernetes": map[string]any{"max-pods": 110.0, "kube-api-qps": 12.5},
	}})
	require.NoError(t, err)
	assert.Contains(t, out, "max-pods = 110\n")
	assert.Contains(t, out, "kube-api-qps = 12.5\n")
}

// An IPv6 cluster's Bottlerocket node gets the IPv6 cluster DNS address, read back with a TOML
// decoder.
func TestRenderBottlerocketIPv6(t *testing.T) {
	b := scenarioNamed(t, FormatBottlerocket, "minimal")
	b.Cluster.ServiceCIDR = "fd30:1c53:5f8::/108"
	doc, err := Render(b)
	require.NoError(t, err)
	var parsed struct {
		Settings struct {
			Kubernetes map[string]any `toml:"kubernetes"`
		} `toml:"settings"`
	}
	_, err = toml.Decode(doc, &parsed)
	require.NoError(t, err)
	assert.Equal(t, "fd30:1c53:5f8::a", parsed.Settings.Kubernetes["cluster-dns-ip"])
}
