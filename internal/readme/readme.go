// Package readme renders the README's reference tables from the same descriptions that
// become the schema, so the two never disagree.
package readme

import (
	"fmt"
	"os"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Markers delimit the generated part of README.md.
const (
	Begin = "<!-- BEGIN GENERATED REFERENCE: make docs -->"
	End   = "<!-- END GENERATED REFERENCE -->"
)

type section struct {
	title string
	doc   infer.Annotated // for the section's lead sentence; nil for none
	props infer.Annotated
}

// Reference returns the markdown reference of every component's inputs and outputs.
func Reference() string {
	sections := []section{
		{"NodeGroup inputs", &nodegroup.NodeGroup{}, &nodegroup.NodeGroupArgs{}},
		{"NodeGroup outputs", nil, &nodegroup.NodeGroup{}},
		{"`cluster`", &nodegroup.ClusterArgs{}, &nodegroup.ClusterArgs{}},
		{"`taints` values", &nodegroup.Taint{}, &nodegroup.Taint{}},
		{"`nodeRoleOptions`", &nodegroup.NodeRoleOptions{}, &nodegroup.NodeRoleOptions{}},
		{"`nodeSecurityGroupOptions`", &nodegroup.NodeSecurityGroupOptions{}, &nodegroup.NodeSecurityGroupOptions{}},
		{"`ingressRules` / `egressRules` items", &nodegroup.SecurityGroupRule{}, &nodegroup.SecurityGroupRule{}},
		{"`metadataOptions`", &nodegroup.MetadataOptions{}, &nodegroup.MetadataOptions{}},
		{"`instanceRefresh`", &nodegroup.InstanceRefresh{}, &nodegroup.InstanceRefresh{}},
		{"NodeRole inputs", &nodegroup.NodeRole{}, &nodegroup.NodeRoleArgs{}},
		{"NodeRole outputs", nil, &nodegroup.NodeRole{}},
		{"NodeSecurityGroup inputs", &nodegroup.NodeSecurityGroup{}, &nodegroup.NodeSecurityGroupArgs{}},
		{"NodeSecurityGroup outputs", nil, &nodegroup.NodeSecurityGroup{}},
	}
	var b strings.Builder
	for _, s := range sections {
		fmt.Fprintf(&b, "\n#### %s\n\n", s.title)
		if s.doc != nil {
			if d := nodegroup.Description(s.doc); d != "" {
				fmt.Fprintf(&b, "%s\n\n", d)
			}
		}
		b.WriteString("| property | type | description |\n|---|---|---|\n")
		for _, p := range nodegroup.PropertyDocs(s.props) {
			req := ""
			if p.Required && !strings.HasSuffix(s.title, "outputs") {
				req = " **(required)**"
			}
			fmt.Fprintf(&b, "| `%s`%s | %s | %s |\n", p.Name, req, p.Type, strings.ReplaceAll(p.Description, "|", "\\|"))
		}
	}
	return b.String()
}

// Splice returns readme with the text between the markers replaced by the reference.
func Splice(readme string) (string, error) {
	i, j := strings.Index(readme, Begin), strings.Index(readme, End)
	if i < 0 || j < i {
		return "", fmt.Errorf("README.md lacks the markers %q and %q", Begin, End)
	}
	return readme[:i+len(Begin)] + "\n" + Reference() + "\n" + readme[j:], nil
}

// Update rewrites the reference in the README at path.
func Update(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := Splice(string(raw))
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(out), 0o644)
}
