package userdata

import (
	"encoding/base64"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sigs.k8s.io/yaml"
)

// NodeConfig API identity understood by nodeadm on Amazon Linux 2023.
const (
	NodeConfigAPIVersion = "node.eks.aws/v1alpha1"
	NodeConfigKind       = "NodeConfig"
	// NodeConfigContentType is the MIME type of a NodeConfig part.
	NodeConfigContentType = "application/node.eks.aws"
	// ShellScriptContentType is the MIME type of a script part run by cloud-init. Script parts
	// are UTF-8 text carried in base64 (ScriptTransferEncoding).
	ShellScriptContentType = `text/x-shellscript; charset="utf-8"`
	// ScriptTransferEncoding is the Content-Transfer-Encoding of script parts. cloud-init decodes
	// it before it looks at the part, so every byte of a script arrives as it was; unencoded
	// non-ASCII text is mangled on its way through Python's email package (Latin-1 letters make
	// cloud-init fail to write the script, other characters are written as \uXXXX escapes).
	ScriptTransferEncoding = "base64"
	// Boundary separates the parts of the MIME document. It is fixed so that the rendered
	// text is stable from one run to the next.
	Boundary = "EKSNODES-USERDATA-BOUNDARY"
)

// NodeConfig is the subset of nodeadm's NodeConfig (node.eks.aws/v1alpha1) that eksnodes renders.
type NodeConfig struct {
	APIVersion string         `json:"apiVersion"`
	Kind       string         `json:"kind"`
	Spec       NodeConfigSpec `json:"spec"`
}

// NodeConfigSpec is NodeConfig.spec.
type NodeConfigSpec struct {
	Cluster    *ClusterDetails    `json:"cluster,omitempty"`
	Containerd *ContainerdOptions `json:"containerd,omitempty"`
	Instance   *InstanceOptions   `json:"instance,omitempty"`
	Kubelet    *KubeletOptions    `json:"kubelet,omitempty"`
}

// ClusterDetails is NodeConfig.spec.cluster.
type ClusterDetails struct {
	Name                 string `json:"name"`
	APIServerEndpoint    string `json:"apiServerEndpoint"`
	CertificateAuthority string `json:"certificateAuthority"`
	CIDR                 string `json:"cidr"`
}

// KubeletOptions is NodeConfig.spec.kubelet.
type KubeletOptions struct {
	// Config is merged over nodeadm's own KubeletConfiguration.
	Config map[string]any `json:"config,omitempty"`
	// Flags are appended to the kubelet command line.
	Flags []string `json:"flags,omitempty"`
}

// Part is one part of a MIME multi-part user data document.
type Part struct {
	ContentType string
	// TransferEncoding is the part's Content-Transfer-Encoding: "" writes Body as it is (UTF-8
	// text, which must not hold a line that starts with the boundary), "base64" writes Body
	// base64-encoded in lines of 76 characters, so that any bytes arrive unchanged.
	TransferEncoding string
	// Body is the part's content, before encoding.
	Body string
}

// nodeConfigFor builds the typed NodeConfig for n.
func nodeConfigFor(n Input) NodeConfig {
	nc := NodeConfig{
		APIVersion: NodeConfigAPIVersion,
		Kind:       NodeConfigKind,
		Spec: NodeConfigSpec{Cluster: &ClusterDetails{
			Name:                 n.Cluster.Name,
			APIServerEndpoint:    n.Cluster.Endpoint,
			CertificateAuthority: n.Cluster.CertificateAuthority,
			CIDR:                 n.Cluster.ServiceCIDR,
		}},
	}
	flags := kubeletFlags(n.Labels, n.Taints, n.KubeletFlags)
	if len(flags) > 0 || len(n.KubeletConfig) > 0 {
		nc.Spec.Kubelet = &KubeletOptions{Config: n.KubeletConfig, Flags: flags}
	}
	if c := n.Containerd; c != nil && (c.Config != "" || len(c.BaseRuntimeSpec) > 0) {
		nc.Spec.Containerd = c
	}
	if n.LocalStorage != nil {
		nc.Spec.Instance = &InstanceOptions{LocalStorage: n.LocalStorage}
	}
	return nc
}

// kubeletFlags returns the kubelet flags for labels and taints (sorted, so the output is stable)
// followed by the extra flags in the order given.
func kubeletFlags(labels map[string]string, taints []Taint, extra []string) []string {
	var flags []string
	if len(labels) > 0 {
		keys := slices.Sorted(maps.Keys(labels))
		pairs := make([]string, 0, len(keys))
		for _, k := range keys {
			pairs = append(pairs, k+"="+labels[k])
		}
		flags = append(flags, "--node-labels="+strings.Join(pairs, ","))
	}
	if len(taints) > 0 {
		flags = append(flags, "--register-with-taints="+strings.Join(taintStrings(taints), ","))
	}
	return append(flags, extra...)
}

// taintStrings renders taints as key=value:Effect (key:Effect when the value is empty),
// sorted by key and then effect.
func taintStrings(taints []Taint) []string {
	sorted := append([]Taint(nil), taints...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].Key != sorted[j].Key {
			return sorted[i].Key < sorted[j].Key
		}
		return sorted[i].Effect < sorted[j].Effect
	})
	out := make([]string, 0, len(sorted))
	for _, t := range sorted {
		s := t.Key
		if t.Value != "" {
			s += "=" + t.Value
		}
		out = append(out, s+":"+t.Effect)
	}
	return out
}

// renderNodeadm renders the MIME multi-part document for an AL2023 node (FormatNodeadm): the pre
// scripts, the NodeConfig, then the post scripts.
//
// Each script is delivered as Script describes (the same rule as renderAL2's), in a part of type
// ShellScriptContentType encoded in base64, which cloud-init decodes and writes byte for byte.
// The NodeConfig part is plain YAML text, readable in a preview diff: nodeadm reads the part's
// bytes as they are (it ignores Content-Transfer-Encoding, and only decodes a body that is
// wholly valid base64, which YAML with a "key: value" line never is).
func renderNodeadm(n Input) (string, error) {
	if err := checkUTF8(n); err != nil {
		return "", err
	}
	if err := checkNodeConfigOptions(n); err != nil {
		return "", err
	}
	body, err := yaml.Marshal(nodeConfigFor(n))
	if err != nil {
		return "", fmt.Errorf("marshalling NodeConfig: %w", err)
	}
	parts := make([]Part, 0, len(n.PreScripts)+1+len(n.PostScripts))
	for _, s := range n.PreScripts {
		parts = append(parts, scriptPart(s))
	}
	parts = append(parts, Part{ContentType: NodeConfigContentType, Body: "---\n" + string(body)})
	for _, s := range n.PostScripts {
		parts = append(parts, scriptPart(s))
	}
	return renderMIME(parts)
}

// scriptPart is the MIME part that delivers the user script s.
func scriptPart(s string) Part {
	return Part{ContentType: ShellScriptContentType, TransferEncoding: ScriptTransferEncoding, Body: Script(s)}
}

// lineBreak matches every line break a MIME reader may honour: cloud-init's (Python's email
// package) also breaks lines at a lone CR, Go's mime/multipart does not.
var lineBreak = regexp.MustCompile(`\r\n|\r|\n`)

// base64LineLength is the length of the lines of a base64 body (RFC 2045's limit).
const base64LineLength = 76

// renderMIME writes parts as a multipart/mixed document with LF line endings (accepted by
// cloud-init and nodeadm) so that plain parts read well in a preview diff. Every body must be
// UTF-8 text: cloud-init decodes a text part as UTF-8 and cannot write one that is not. A part
// without transfer encoding whose body holds a line that would end the part early for any reader
// is refused; a base64 body cannot hold one.
func renderMIME(parts []Part) (string, error) {
	var b strings.Builder
	b.WriteString("MIME-Version: 1.0\n")
	b.WriteString(`Content-Type: multipart/mixed; boundary="` + Boundary + "\"\n\n")
	for i, p := range parts {
		if !utf8.ValidString(p.Body) {
			return "", fmt.Errorf("user data part %d is not UTF-8 text", i+1)
		}
		b.WriteString("--" + Boundary + "\n")
		b.WriteString("Content-Type: " + p.ContentType + "\n")
		switch p.TransferEncoding {
		case "":
			for _, line := range lineBreak.Split(p.Body, -1) {
				if strings.HasPrefix(line, "--"+Boundary) {
					return "", fmt.Errorf("user data part %d contains the MIME boundary line %q", i+1, line)
				}
			}
			b.WriteString("\n")
			b.WriteString(strings.TrimRight(p.Body, "\n"))
			b.WriteString("\n")
		case "base64":
			b.WriteString("Content-Transfer-Encoding: base64\n\n")
			encoded := base64.StdEncoding.EncodeToString([]byte(p.Body))
			for len(encoded) > base64LineLength {
				b.WriteString(encoded[:base64LineLength] + "\n")
				encoded = encoded[base64LineLength:]
			}
			b.WriteString(encoded + "\n")
		default:
			return "", fmt.Errorf("user data part %d: unsupported transfer encoding %q", i+1, p.TransferEncoding)
		}
		b.WriteString("\n")
	}
	b.WriteString("--" + Boundary + "--\n")
	return b.String(), nil
}

// checkUTF8 refuses text that is not UTF-8, which the YAML encoder would silently replace.
func checkUTF8(n Input) error {
	texts := []string{n.Cluster.Name, n.Cluster.Endpoint, n.Cluster.CertificateAuthority, n.Cluster.ServiceCIDR}
	for k, v := range n.Labels {
		texts = append(texts, k, v)
	}
	for _, t := range n.Taints {
		texts = append(texts, t.Key, t.Value, t.Effect)
	}
	texts = append(texts, n.KubeletFlags...)
	if c := n.Containerd; c != nil {
		texts = append(texts, c.Config)
	}
	if l := n.LocalStorage; l != nil {
		texts = append(texts, l.MountPath)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%q is not UTF-8 text", s)
		}
	}
	// nodeadm hands the flags to the kubelet on one command line, separated by spaces: a flag
	// (or a label or taint inside one) holding white space or a control character would split
	// or corrupt it.
	for _, f := range kubeletFlags(n.Labels, n.Taints, n.KubeletFlags) {
		if f == "" || strings.ContainsFunc(f, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
			return fmt.Errorf("kubelet flag %q is empty or holds white space or a control character: nodeadm passes the flags to the kubelet as one space-separated command line", f)
		}
	}
	return nil
}
