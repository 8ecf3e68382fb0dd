package userdata

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"sigs.k8s.io/yaml"
)

// nodeadmFuzzPost is the post script of every fuzzed document, so that the NodeConfig part sits
// between scripts.
const nodeadmFuzzPost = "#!/bin/bash\nsystemctl restart amazon-ssm-agent\n"

// universalBoundaryRE matches a delimiter line of the document's boundary as Python's email
// parser (cloud-init's) does, which splits lines at CR LF, CR and LF.
var universalBoundaryRE = regexp.MustCompile(`^--` + regexp.QuoteMeta(Boundary) + `(--)?[ \t]*$`)

// FuzzRenderNodeadm: whatever the cluster name, endpoint, label, taint, kubelet flag and pre
// script, Render never panics on AL2023 user data, and whenever it renders, the document parses (ParseMIME)
// into the pre script, the NodeConfig and the post script, the NodeConfig decodes strictly and
// carries the cluster name and the flag, and a reader that also breaks lines at a lone CR
// (cloud-init) sees the same parts.
func FuzzRenderNodeadm(f *testing.F) {
	for _, sc := range scenariosOf(FormatNodeadm) {
		var k, v, flag, pre string
		taint := Taint{Key: "dedicated", Value: "payments", Effect: "NoSchedule"}
		if keys := slices.Sorted(maps.Keys(sc.in.Labels)); len(keys) > 0 {
			k, v = keys[0], sc.in.Labels[keys[0]]
		}
		if len(sc.in.Taints) > 0 {
			taint = sc.in.Taints[0]
		}
		if len(sc.in.KubeletFlags) > 0 {
			flag = sc.in.KubeletFlags[0]
		}
		if len(sc.in.PreScripts) > 0 {
			pre = sc.in.PreScripts[0]
		}
		f.Add(sc.in.Cluster.Name, sc.in.Cluster.Endpoint, k, v, taint.Key, taint.Value, taint.Effect, flag, pre)
	}
	f.Add("a: b", "- x", "k: {", "'", "#", "\"", "&a *a", "--x=|\n  y", "echo\n--"+Boundary+"-not-a-delimiter\n")
	f.Add("\ufeff", "\u2028", "~", "null", "true", "0x1F", ": ", "--"+Boundary, "\r\n")

	f.Fuzz(func(t *testing.T, name, endpoint, labelKey, labelValue, taintKey, taintValue, taintEffect, flag, pre string) {
		n := Input{
			Format:      FormatNodeadm,
			Cluster:     Cluster{Name: name, Endpoint: endpoint, CertificateAuthority: testCA, ServiceCIDR: testCluster.ServiceCIDR},
			Labels:      map[string]string{labelKey: labelValue},
			Taints:      []Taint{{Key: taintKey, Value: taintValue, Effect: taintEffect}},
			PostScripts: []string{nodeadmFuzzPost},
		}
		if flag != "" {
			n.KubeletFlags = []string{flag}
		}
		if pre != "" {
			n.PreScripts = []string{pre}
		}
		doc, err := Render(n)
		if err != nil {
			// Render refuses a script holding a delimiter line, and the YAML library
			// refuses characters YAML cannot carry raw (DEL, C1 controls, U+FEFF, ...), which
			// encoding/json does not escape.
			values := []string{name, endpoint, labelKey, labelValue, taintKey, taintValue, taintEffect, flag}
			yamlRefusal := strings.Contains(err.Error(), "marshalling NodeConfig") &&
				strings.ContainsFunc(strings.Join(values, ""), func(r rune) bool { return !yamlPrintable(r) })
			values = append(values, pre)
			notUTF8 := strings.Contains(err.Error(), "not UTF-8") && slices.ContainsFunc(values, func(v string) bool { return !utf8.ValidString(v) })
			// Kubelet flags (labels and taints become flags too) are one space-separated command
			// line for nodeadm: white space or control characters in one are refused.
			spaced := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }
			flagRefusal := strings.Contains(err.Error(), "holds white space or a control character") &&
				strings.ContainsFunc(labelKey+labelValue+taintKey+taintValue+taintEffect+flag, spaced)
			if !strings.Contains(err.Error(), "MIME boundary") && !yamlRefusal && !notUTF8 && !flagRefusal {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}

		parts, err := ParseMIME(doc)
		if err != nil {
			t.Fatalf("ParseMIME: %v\n%s", err, doc)
		}
		var want []string
		if pre != "" {
			want = append(want, Script(pre))
		}
		want = append(want, "", nodeadmFuzzPost) // "" stands for the NodeConfig
		if len(parts) != len(want) {
			t.Fatalf("%d parts, want %d\n%s", len(parts), len(want), doc)
		}
		var nodeConfig string
		for i, p := range parts {
			if want[i] == "" {
				if p.ContentType != NodeConfigContentType {
					t.Fatalf("part %d is %q, want the NodeConfig", i+1, p.ContentType)
				}
				nodeConfig = p.Body
				continue
			}
			if p.ContentType != ShellScriptContentType {
				t.Fatalf("part %d is %q, want a script", i+1, p.ContentType)
			}
			if strings.TrimRight(p.Body, "\n") != strings.TrimRight(want[i], "\n") {
				t.Fatalf("script part %d = %q, want %q", i+1, p.Body, want[i])
			}
		}

		var nc NodeConfig
		if err := yaml.UnmarshalStrict([]byte(nodeConfig), &nc); err != nil {
			t.Fatalf("UnmarshalStrict: %v\n%s", err, nodeConfig)
		}
		if nc.APIVersion != NodeConfigAPIVersion || nc.Kind != NodeConfigKind {
			t.Fatalf("apiVersion %q, kind %q", nc.APIVersion, nc.Kind)
		}
		if nc.Spec.Cluster == nil || nc.Spec.Cluster.Name != name {
			t.Fatalf("cluster name did not round trip: %q\n%s", name, nodeConfig)
		}
		if flag != "" && (nc.Spec.Kubelet == nil || len(nc.Spec.Kubelet.Flags) == 0 || nc.Spec.Kubelet.Flags[len(nc.Spec.Kubelet.Flags)-1] != flag) {
			t.Fatalf("kubelet flag did not round trip: %q\n%s", flag, nodeConfig)
		}

		// cloud-init (Python's email parser, which also breaks lines at a lone CR) must see the
		// same parts as nodeadm (Go's mime/multipart).
		delimiters := 0
		for _, line := range regexp.MustCompile(`\r\n|\r|\n`).Split(doc, -1) {
			if universalBoundaryRE.MatchString(line) {
				delimiters++
			}
		}
		if delimiters != len(parts)+1 {
			t.Fatalf("a reader that breaks lines at CR sees %d delimiter lines, want %d\n%q", delimiters, len(parts)+1, doc)
		}
	})
}

// yamlPrintable reports whether YAML 1.1 allows r in a document (c-printable); invalid UTF-8
// counts as printable, since encoding/json replaces it before YAML sees it.
func yamlPrintable(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case r == 0x09, r == 0x0a, r == 0x0d, r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd && r != 0xfeff, r >= 0x10000:
		return true
	}
	return false
}
