package userdata

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

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

// renderBottlerocket renders the TOML user data for a Bottlerocket node (FormatBottlerocket):
// the cluster's settings.kubernetes facts, the labels and taints, and the user's settings merged
// over them. Tables and keys are sorted, so the text is stable from one run to the next.
func renderBottlerocket(b Input) (string, error) {
	settings, err := bottlerocketSettings(b)
	if err != nil {
		return "", err
	}
	return encodeBottlerocket(map[string]any{brSettingsKey: settings})
}

// bottlerocketSettings returns the merged "settings" table for b: the base built from the
// cluster, labels and taints, with b.Settings merged over it.
func bottlerocketSettings(b Input) (map[string]any, error) {
	base, err := bottlerocketBase(b)
	if err != nil {
		return nil, err
	}
	return MergeSettings(base, b.Settings)
}

// bottlerocketBase returns the settings eksnodes derives from b, relative to "settings". The
// node-labels and node-taints tables are left out when there are none.
func bottlerocketBase(b Input) (map[string]any, error) {
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
