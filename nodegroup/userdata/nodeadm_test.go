package userdata

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// nodeConfigCRDPath is nodeadm's own NodeConfig CRD, copied from awslabs/amazon-eks-ami.
const nodeConfigCRDPath = "testdata/nodeadm-nodeconfig-crd.yaml"

// TestRenderNodeadmSemantics reads each AL2023 scenario's document the way a MIME consumer
// (cloud-init, nodeadm) does and checks what it finds against the input, the NodeConfig against
// nodeadm's own JSON schema, independently of the golden files.
func TestRenderNodeadmSemantics(t *testing.T) {
	schema := nodeConfigSchema(t, true)
	for _, sc := range scenariosOf(FormatNodeadm) {
		t.Run(sc.name, func(t *testing.T) {
			doc, err := Render(sc.in)
			require.NoError(t, err)
			assert.NotContains(t, doc, "\r", "user data uses LF line endings")

			parts := parseMultipart(t, doc)

			wantTypes := make([]string, 0, len(parts))
			for range sc.in.PreScripts {
				wantTypes = append(wantTypes, "text/x-shellscript")
			}
			wantTypes = append(wantTypes, NodeConfigContentType)
			for range sc.in.PostScripts {
				wantTypes = append(wantTypes, "text/x-shellscript")
			}
			gotTypes := make([]string, 0, len(parts))
			for _, p := range parts {
				gotTypes = append(gotTypes, p.mediaType)
			}
			require.Equal(t, wantTypes, gotTypes, "part content types and order")

			scripts := append(append([]string(nil), sc.in.PreScripts...), sc.in.PostScripts...)
			var scriptParts []mimePart
			for _, p := range parts {
				switch p.mediaType {
				case "text/x-shellscript":
					assert.Equal(t, "utf-8", p.params["charset"])
					assert.Equal(t, "base64", p.transferEncoding, "scripts travel in base64")
					scriptParts = append(scriptParts, p)
				case NodeConfigContentType:
					assert.Empty(t, p.transferEncoding, "the NodeConfig is plain YAML text")
					checkNodeConfig(t, schema, p.body, untypedEquivalent(sc.in))
				}
			}
			require.Len(t, scriptParts, len(scripts))
			for i, p := range scriptParts {
				checkScript(t, scripts[i], p.body)
			}
		})
	}
}

type mimePart struct {
	mediaType        string
	params           map[string]string
	transferEncoding string
	body             []byte // decoded from transferEncoding
}

// parseMultipart parses doc with net/mail, mime and mime/multipart, as nodeadm's
// configprovider does, and decodes base64 bodies as cloud-init does. A base64 body must be in
// lines of at most 76 characters.
func parseMultipart(t *testing.T, doc string) []mimePart {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, "1.0", msg.Header.Get("MIME-Version"))
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/mixed", mediaType)
	require.Equal(t, Boundary, params["boundary"])

	var parts []mimePart
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		pt, pp, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		require.NoError(t, err)
		body, err := io.ReadAll(part)
		require.NoError(t, err)
		cte := part.Header.Get("Content-Transfer-Encoding")
		switch cte {
		case "":
		case "base64":
			for _, line := range strings.Split(strings.TrimRight(string(body), "\n"), "\n") {
				require.LessOrEqual(t, len(line), 76, "base64 line")
			}
			body, err = base64.StdEncoding.DecodeString(string(body))
			require.NoError(t, err)
		default:
			require.Failf(t, "unexpected Content-Transfer-Encoding", "%q", cte)
		}
		parts = append(parts, mimePart{mediaType: pt, params: pp, transferEncoding: cte, body: body})
	}
	return parts
}

// checkScript checks a script part, byte for byte, against the script given as input and the
// documented rule (Script): CRs before an LF are dropped, a bash shebang is added when there is
// none, and a final newline when there is none.
func checkScript(t *testing.T, in string, body []byte) {
	t.Helper()
	assert.Equal(t, wantDelivered(in), string(body))
}

// wantDelivered is what Script's documentation promises for the user script in, written out
// independently of Script.
func wantDelivered(in string) string {
	var b strings.Builder
	for i := 0; i < len(in); i++ {
		if in[i] == '\r' && strings.TrimLeft(in[i:], "\r") != "" && strings.TrimLeft(in[i:], "\r")[0] == '\n' {
			continue // one of the CRs before an LF
		}
		b.WriteByte(in[i])
	}
	want := b.String()
	if !strings.HasPrefix(want, "#!") {
		want = "#!/usr/bin/env bash\n" + want
	}
	if !strings.HasSuffix(want, "\n") {
		want += "\n"
	}
	return want
}

// checkNodeConfig checks the NodeConfig part: it decodes strictly into the typed NodeConfig,
// carries the input's facts, and is valid against nodeadm's own schema.
func checkNodeConfig(t *testing.T, schema *jsonschema.Schema, body []byte, in Input) {
	t.Helper()

	var nc NodeConfig
	require.NoError(t, yaml.UnmarshalStrict(body, &nc))
	assert.Equal(t, NodeConfigAPIVersion, nc.APIVersion)
	assert.Equal(t, NodeConfigKind, nc.Kind)
	require.NotNil(t, nc.Spec.Cluster)
	assert.Equal(t, ClusterDetails{
		Name:                 in.Cluster.Name,
		APIServerEndpoint:    in.Cluster.Endpoint,
		CertificateAuthority: in.Cluster.CertificateAuthority,
		CIDR:                 in.Cluster.ServiceCIDR,
	}, *nc.Spec.Cluster)

	wantKubelet := len(in.Labels) > 0 || len(in.Taints) > 0 || len(in.KubeletFlags) > 0 || len(in.KubeletConfig) > 0
	if !wantKubelet {
		assert.Nil(t, nc.Spec.Kubelet, "no kubelet section without kubelet settings")
	} else {
		require.NotNil(t, nc.Spec.Kubelet)
		flags := nc.Spec.Kubelet.Flags

		wantLabels := map[string]string{}
		for k, v := range in.Labels {
			wantLabels[k] = v
		}
		gotLabels := map[string]string{}
		if len(in.Labels) > 0 {
			require.NotEmpty(t, flags)
			v, ok := strings.CutPrefix(flags[0], "--node-labels=")
			require.True(t, ok, "first flag should be --node-labels, got %q", flags[0])
			gotLabels = parseLabels(t, v)
			flags = flags[1:]
		}
		assert.Equal(t, wantLabels, gotLabels, "labels round trip")

		var gotTaints []Taint
		if len(in.Taints) > 0 {
			require.NotEmpty(t, flags)
			v, ok := strings.CutPrefix(flags[0], "--register-with-taints=")
			require.True(t, ok, "next flag should be --register-with-taints, got %q", flags[0])
			gotTaints = parseTaints(t, v)
			flags = flags[1:]
		}
		assert.ElementsMatch(t, in.Taints, gotTaints, "taints round trip")

		if len(in.KubeletFlags) == 0 {
			assert.Empty(t, flags, "no flags besides labels and taints")
		} else {
			assert.Equal(t, in.KubeletFlags, flags, "extra flags follow, in order")
		}

		assert.Equal(t, jsonRoundTrip(t, in.KubeletConfig), jsonRoundTrip(t, nc.Spec.Kubelet.Config), "kubelet config round trip")
	}
	if in.Containerd == nil {
		assert.Nil(t, nc.Spec.Containerd, "no containerd section without containerd options")
	} else {
		require.NotNil(t, nc.Spec.Containerd)
		assert.Equal(t, in.Containerd.Config, nc.Spec.Containerd.Config, "containerd config round trip")
		assert.Equal(t, jsonRoundTrip(t, in.Containerd.BaseRuntimeSpec), jsonRoundTrip(t, nc.Spec.Containerd.BaseRuntimeSpec), "base runtime spec round trip")
	}
	if in.LocalStorage == nil {
		assert.Nil(t, nc.Spec.Instance, "no instance section without local storage")
	} else {
		require.NotNil(t, nc.Spec.Instance)
		assert.Equal(t, in.LocalStorage, nc.Spec.Instance.LocalStorage, "local storage round trip")
	}

	err := schema.Validate(yamlToJSONValue(t, body))
	assert.NoError(t, err, "NodeConfig must be valid against nodeadm's schema")
}

func parseLabels(t *testing.T, s string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(pair, "=")
		require.True(t, ok, "label %q has no '='", pair)
		require.NotContains(t, out, k, "duplicate label key")
		out[k] = v
	}
	return out
}

func parseTaints(t *testing.T, s string) []Taint {
	t.Helper()
	var out []Taint
	for _, item := range strings.Split(s, ",") {
		i := strings.LastIndex(item, ":")
		require.True(t, i > 0, "taint %q has no ':Effect'", item)
		key, value, _ := strings.Cut(item[:i], "=")
		out = append(out, Taint{Key: key, Value: value, Effect: item[i+1:]})
	}
	return out
}

// jsonRoundTrip normalises a value to what encoding/json produces (float64 numbers,
// map[string]any objects), treating an empty map like nil.
func jsonRoundTrip(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	if len(v) == 0 {
		return nil
	}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// yamlToJSONValue converts a YAML document to the JSON-compatible value jsonschema validates.
func yamlToJSONValue(t *testing.T, y []byte) any {
	t.Helper()
	j, err := yaml.YAMLToJSON(y)
	require.NoError(t, err)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	require.NoError(t, err)
	return v
}

// nodeConfigSchema compiles the v1alpha1 openAPIV3Schema of nodeadm's NodeConfig CRD.
//
// When adjust is true the schema is tightened and corrected so that validation tells us what
// nodeadm itself would accept:
//   - every object schema with "properties" (and neither "additionalProperties" nor
//     "x-kubernetes-preserve-unknown-fields") gets "additionalProperties": false, since
//     OpenAPI v3 schemas allow unknown fields by default while nodeadm decodes strictly;
//   - values of maps of runtime.RawExtension (kubelet.config, containerd.baseRuntimeSpec)
//     lose their "type": "object": controller-gen emits that for RawExtension, but nodeadm
//     accepts any JSON value there (maxPods: 110 is the documented example).
//
// The "byte" format (a base64 string, how Kubernetes encodes []byte, e.g.
// cluster.certificateAuthority) is asserted.
func nodeConfigSchema(t *testing.T, adjust bool) *jsonschema.Schema {
	t.Helper()
	crdYAML, err := os.ReadFile(nodeConfigCRDPath)
	require.NoError(t, err)
	crd, ok := yamlToJSONValue(t, crdYAML).(map[string]any)
	require.True(t, ok, "CRD is not an object")

	var openAPI map[string]any
	spec, _ := crd["spec"].(map[string]any)
	versions, _ := spec["versions"].([]any)
	for _, v := range versions {
		version, _ := v.(map[string]any)
		if version["name"] != "v1alpha1" {
			continue
		}
		s, _ := version["schema"].(map[string]any)
		openAPI, _ = s["openAPIV3Schema"].(map[string]any)
	}
	require.NotNil(t, openAPI, "no v1alpha1 openAPIV3Schema in %s", nodeConfigCRDPath)

	if adjust {
		walkSchema(openAPI, closeObjectSchema)
		walkSchema(openAPI, relaxRawExtensionMaps)
	}

	c := jsonschema.NewCompiler()
	c.RegisterFormat(&jsonschema.Format{Name: "byte", Validate: validateBase64})
	c.AssertFormat()
	const url = "mem:///nodeconfig-v1alpha1.schema.json"
	require.NoError(t, c.AddResource(url, openAPI))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	return sch
}

func validateBase64(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	_, err := base64.StdEncoding.DecodeString(s)
	return err
}

// walkSchema calls fn on every schema object in an OpenAPI v3 schema tree, parents first. It
// follows only schema-valued keywords, so property names and enum values are never mistaken
// for schemas.
func walkSchema(node any, fn func(map[string]any)) {
	s, ok := node.(map[string]any)
	if !ok {
		return // e.g. "additionalProperties": false
	}
	fn(s)
	for _, key := range []string{"properties", "patternProperties", "definitions"} {
		if m, ok := s[key].(map[string]any); ok {
			for _, child := range m {
				walkSchema(child, fn)
			}
		}
	}
	for _, key := range []string{"items", "additionalProperties", "not"} {
		walkSchema(s[key], fn)
	}
	for _, key := range []string{"allOf", "anyOf", "oneOf"} {
		if list, ok := s[key].([]any); ok {
			for _, child := range list {
				walkSchema(child, fn)
			}
		}
	}
}

func closeObjectSchema(s map[string]any) {
	_, hasProperties := s["properties"]
	_, hasAdditional := s["additionalProperties"]
	_, preservesUnknown := s["x-kubernetes-preserve-unknown-fields"]
	if hasProperties && !hasAdditional && !preservesUnknown {
		s["additionalProperties"] = false
	}
}

func relaxRawExtensionMaps(s map[string]any) {
	values, ok := s["additionalProperties"].(map[string]any)
	if !ok || values["x-kubernetes-preserve-unknown-fields"] != true {
		return
	}
	if _, hasProperties := values["properties"]; !hasProperties {
		delete(values, "type")
	}
}

// validNodeConfigValue renders the "full" AL2023 scenario and returns its NodeConfig part as a
// JSON-compatible value, the base for mutations in the negative tests.
func validNodeConfigValue(t *testing.T) map[string]any {
	t.Helper()
	body, err := yaml.Marshal(nodeConfigFor(scenarioNamed(t, FormatNodeadm, "full")))
	require.NoError(t, err)
	v, ok := yamlToJSONValue(t, body).(map[string]any)
	require.True(t, ok)
	return v
}

func child(t *testing.T, m map[string]any, key string) map[string]any {
	t.Helper()
	c, ok := m[key].(map[string]any)
	require.True(t, ok, "%q is not an object", key)
	return c
}

// TestNodeConfigSchemaRejects proves the schema check can fail.
func TestNodeConfigSchemaRejects(t *testing.T) {
	schema := nodeConfigSchema(t, true)
	require.NoError(t, schema.Validate(validNodeConfigValue(t)), "baseline must be valid")

	tests := []struct {
		name    string
		mutate  func(nc map[string]any)
		wantErr string // empty: must be valid
	}{
		{
			name:    "unknown cluster field",
			mutate:  func(nc map[string]any) { child(t, child(t, nc, "spec"), "cluster")["bogus"] = "x" },
			wantErr: "'/spec/cluster': additional properties 'bogus'",
		},
		{
			name:    "unknown spec field",
			mutate:  func(nc map[string]any) { child(t, nc, "spec")["kublet"] = map[string]any{} },
			wantErr: "'/spec': additional properties 'kublet'",
		},
		{
			name:    "unknown top-level field",
			mutate:  func(nc map[string]any) { nc["specs"] = map[string]any{} },
			wantErr: "additional properties 'specs'",
		},
		{
			name: "bad local storage strategy",
			mutate: func(nc map[string]any) {
				child(t, nc, "spec")["instance"] = map[string]any{"localStorage": map[string]any{"strategy": "RAID5"}}
			},
			wantErr: "'/spec/instance/localStorage/strategy': value must be one of",
		},
		{
			name: "good local storage strategy",
			mutate: func(nc map[string]any) {
				child(t, nc, "spec")["instance"] = map[string]any{"localStorage": map[string]any{"strategy": "RAID0"}}
			},
		},
		{
			name:    "flags not a list",
			mutate:  func(nc map[string]any) { child(t, child(t, nc, "spec"), "kubelet")["flags"] = "--v=2" },
			wantErr: "'/spec/kubelet/flags'",
		},
		{
			name: "certificate authority not base64",
			mutate: func(nc map[string]any) {
				child(t, child(t, nc, "spec"), "cluster")["certificateAuthority"] = "-----BEGIN CERTIFICATE-----"
			},
			wantErr: "'/spec/cluster/certificateAuthority'",
		},
		{
			name: "free-form kubelet config",
			mutate: func(nc map[string]any) {
				child(t, child(t, child(t, nc, "spec"), "kubelet"), "config")["anythingGoes"] = map[string]any{"deep": []any{true}}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc := validNodeConfigValue(t)
			tt.mutate(nc)
			err := schema.Validate(nc)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, fmt.Sprintf("%v", err), tt.wantErr)
		})
	}
}

// TestNodeConfigSchemaAdjustments pins why nodeConfigSchema adjusts the CRD schema: as
// published, it accepts unknown fields and rejects scalar kubelet config values.
func TestNodeConfigSchemaAdjustments(t *testing.T) {
	raw := nodeConfigSchema(t, false)
	adjusted := nodeConfigSchema(t, true)

	unknown := validNodeConfigValue(t)
	delete(child(t, child(t, unknown, "spec"), "kubelet"), "config") // keep the raw schema's other complaint out
	child(t, child(t, unknown, "spec"), "cluster")["bogus"] = "x"
	assert.NoError(t, raw.Validate(unknown), "OpenAPI v3 allows unknown fields unless told otherwise")
	assert.Error(t, adjusted.Validate(unknown))

	scalar := validNodeConfigValue(t)
	require.Contains(t, child(t, child(t, child(t, scalar, "spec"), "kubelet"), "config"), "maxPods")
	assert.Error(t, raw.Validate(scalar), "controller-gen types RawExtension values as objects")
	assert.NoError(t, adjusted.Validate(scalar))
}

func TestRenderMIMERefusesBoundaryLine(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{"delimiter", "echo a\n--" + Boundary + "\necho b\n"},
		{"close delimiter", "echo a\n--" + Boundary + "--\n"},
		{"first line", "--" + Boundary},
		{"with suffix", "echo a\n--" + Boundary + "-more\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := renderMIME([]Part{
				{ContentType: ShellScriptContentType, Body: "#!/bin/sh\necho ok\n"},
				{ContentType: ShellScriptContentType, Body: tt.body},
			})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "part 2")
		})
	}

	t.Run("carried in base64 in the AL2023 user data", func(t *testing.T) {
		script := "cat <<EOF\n--" + Boundary + "\n--" + Boundary + "--\nEOF\n"
		doc, err := Render(Input{Format: FormatNodeadm, Cluster: testCluster, PostScripts: []string{script}})
		require.NoError(t, err)
		parts := parseMultipart(t, doc)
		require.Len(t, parts, 2)
		assert.Equal(t, wantDelivered(script), string(parts[1].body))
	})

	t.Run("boundary not at line start is kept", func(t *testing.T) {
		script := "#!/bin/sh\necho --" + Boundary + "\n"
		doc, err := renderMIME([]Part{{ContentType: ShellScriptContentType, Body: script}})
		require.NoError(t, err)
		parts := parseMultipart(t, doc)
		require.Len(t, parts, 1)
		assert.Equal(t, script, string(parts[0].body))
	})
}

func TestTaintStrings(t *testing.T) {
	tests := []struct {
		name   string
		taints []Taint
		want   []string
	}{
		{name: "none", taints: nil, want: []string{}},
		{
			name:   "value",
			taints: []Taint{{Key: "dedicated", Value: "gpu", Effect: "NoSchedule"}},
			want:   []string{"dedicated=gpu:NoSchedule"},
		},
		{
			name:   "empty value",
			taints: []Taint{{Key: "node.eksnodes.io/draining", Effect: "NoExecute"}},
			want:   []string{"node.eksnodes.io/draining:NoExecute"},
		},
		{
			name: "sorted by key then effect",
			taints: []Taint{
				{Key: "zone", Value: "b", Effect: "NoSchedule"},
				{Key: "dedicated", Value: "gpu", Effect: "PreferNoSchedule"},
				{Key: "dedicated", Value: "gpu", Effect: "NoExecute"},
				{Key: "a", Effect: "NoSchedule"},
				{Key: "dedicated", Value: "gpu", Effect: "NoSchedule"},
			},
			want: []string{
				"a:NoSchedule",
				"dedicated=gpu:NoExecute",
				"dedicated=gpu:NoSchedule",
				"dedicated=gpu:PreferNoSchedule",
				"zone=b:NoSchedule",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]Taint(nil), tt.taints...)
			assert.Equal(t, tt.want, taintStrings(tt.taints))
			assert.Equal(t, in, tt.taints, "taintStrings must not reorder its argument")
		})
	}
}

func TestScript(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"no shebang", "echo hi\n", "#!/usr/bin/env bash\necho hi\n"},
		{"empty", "", "#!/usr/bin/env bash\n"},
		{"bash shebang kept", "#!/bin/bash\necho hi\n", "#!/bin/bash\necho hi\n"},
		{"other interpreter kept", "#!/usr/bin/env python3\nprint('hi')\n", "#!/usr/bin/env python3\nprint('hi')\n"},
		{"comment is not a shebang", "# setup\necho hi\n", "#!/usr/bin/env bash\n# setup\necho hi\n"},
		{"leading space is not a shebang", " #!/bin/sh\n", "#!/usr/bin/env bash\n #!/bin/sh\n"},
		{"final newline added", "echo hi", "#!/usr/bin/env bash\necho hi\n"},
		{"only one final newline added", "echo hi\\", "#!/usr/bin/env bash\necho hi\\\n"},
		{"blank lines at the end kept", "echo hi\n\n\n", "#!/usr/bin/env bash\necho hi\n\n\n"},
		{"CRLF without shebang", "echo a\r\necho b\r\n", "#!/usr/bin/env bash\necho a\necho b\n"},
		{"CRLF with shebang", "#!/bin/sh\r\necho a\r\n", "#!/bin/sh\necho a\n"},
		{"CRLF without final line break", "echo a\r\necho b", "#!/usr/bin/env bash\necho a\necho b\n"},
		{"mixed line endings", "echo a\r\necho b\n", "#!/usr/bin/env bash\necho a\necho b\n"},
		{"lone CR kept", "echo 'a\rb'\n", "#!/usr/bin/env bash\necho 'a\rb'\n"},
		{"CR CR LF", "echo a\r\r\n#!/bin/sh\r\r\r\n", "#!/usr/bin/env bash\necho a\n#!/bin/sh\n"},
		{"CR before LF in the shebang line", "#!/bin/sh\r\r\necho a\n", "#!/bin/sh\necho a\n"},
		{"non-ASCII kept", "echo 'é ü 日本 🚀'", "#!/usr/bin/env bash\necho 'é ü 日本 🚀'\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Script(tt.in))
			assert.Equal(t, tt.want, wantDelivered(tt.in), "the tests' own statement of the rule agrees")
			assert.Equal(t, tt.want, Script(tt.want), "Script changes nothing in what it delivers")
		})
	}
}

func TestRenderMIMETransferEncodings(t *testing.T) {
	t.Run("base64 in lines of 76", func(t *testing.T) {
		body := strings.Repeat("é ü 日本 🚀 \\\r\n", 40)
		doc, err := renderMIME([]Part{{ContentType: ShellScriptContentType, TransferEncoding: "base64", Body: body}})
		require.NoError(t, err)
		assert.Contains(t, doc, "\nContent-Transfer-Encoding: base64\n\n")
		parts := parseMultipart(t, doc) // checks the line lengths
		require.Len(t, parts, 1)
		assert.Equal(t, body, string(parts[0].body))
		full := 0
		for _, line := range strings.Split(doc, "\n") {
			if len(line) == 76 {
				full++
			}
		}
		assert.Greater(t, full, 10, "long bodies fill their lines")
	})
	t.Run("plain parts have no transfer encoding header", func(t *testing.T) {
		doc, err := renderMIME([]Part{{ContentType: NodeConfigContentType, Body: "---\nkind: NodeConfig\n"}})
		require.NoError(t, err)
		assert.NotContains(t, doc, "Content-Transfer-Encoding")
	})
	t.Run("unknown encoding refused", func(t *testing.T) {
		_, err := renderMIME([]Part{{ContentType: ShellScriptContentType, TransferEncoding: "quoted-printable", Body: "x"}})
		require.Error(t, err)
		assert.Contains(t, err.Error(), `unsupported transfer encoding "quoted-printable"`)
	})
	t.Run("not UTF-8 refused even in base64", func(t *testing.T) {
		// cloud-init decodes a text part as UTF-8 and fails to write one that is not.
		_, err := renderMIME([]Part{{ContentType: ShellScriptContentType, TransferEncoding: "base64", Body: "echo caf\xe9\n"}})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "part 1 is not UTF-8 text")
	})
}
