package userdata

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// AL2BootstrapPath is the bootstrap script of the EKS-optimized Amazon Linux 2 AMIs.
const AL2BootstrapPath = "/etc/eks/bootstrap.sh"

// al2Header opens every AL2 user data script.
const al2Header = `#!/bin/bash
# EKS node bootstrap for Amazon Linux 2, rendered by eksnodes.
set -o errexit -o nounset -o pipefail
`

// al2ScriptsHeader prepares the folder the user scripts are written to. Only emitted when there
// is a user script.
const al2ScriptsHeader = `
# Each user script is written to its own file and executed as its own program (by the
# interpreter its first line names), so that its shell options, variables and exit cannot
# change this script. A failing script stops the bootstrap.
eksnodes_scripts=$(mktemp -d)
trap 'rm -rf -- "${eksnodes_scripts}"' EXIT
`

// renderAL2 renders the user data of an Amazon Linux 2 node (FormatAL2): one bash script that
// runs the pre script, then AL2BootstrapPath with the cluster's endpoint, CA and DNS address (so
// that bootstrap.sh skips its DescribeCluster call) and the kubelet flags, then the post script.
//
// Every value placed on the bootstrap command line is single-quoted by al2ShellQuote. The user
// scripts are delivered as Script describes (the same rule as renderNodeadm's for AL2023) in
// quoted here-documents, written to files in a temporary folder, made executable and executed
// one after the other, as cloud-init executes script parts on AL2023: a script runs under the
// interpreter its shebang names, and is never parsed as part of the user data script itself.
func renderAL2(a Input) (string, error) {
	if err := al2CheckNUL(a); err != nil {
		return "", err
	}
	if a.Cluster.Name == "" {
		return "", fmt.Errorf("cluster name is empty")
	}
	if strings.HasPrefix(a.Cluster.Name, "-") {
		// bootstrap.sh takes the cluster name as its positional argument: a leading dash would
		// make it an option.
		return "", fmt.Errorf("cluster name %q starts with '-'", a.Cluster.Name)
	}
	dnsIP, err := ClusterDNSIP(a.Cluster.ServiceCIDR)
	if err != nil {
		return "", err
	}

	pre := al2ScriptBody(singleScript(a.PreScripts))
	post := al2ScriptBody(singleScript(a.PostScripts))

	var b strings.Builder
	b.WriteString(al2Header)
	if pre != "" || post != "" {
		b.WriteString(al2ScriptsHeader)
	}
	if pre != "" {
		b.WriteString("\n")
		al2WriteScript(&b, "pre-bootstrap", "EKSNODES_PRE_BOOTSTRAP", pre)
	}

	args := [][2]string{
		{"--apiserver-endpoint", a.Cluster.Endpoint},
		{"--b64-cluster-ca", a.Cluster.CertificateAuthority},
		{"--dns-cluster-ip", dnsIP},
	}
	if IsIPv6(a.Cluster.ServiceCIDR) {
		args = append(args, [2]string{"--ip-family", "ipv6"}, [2]string{"--service-ipv6-cidr", a.Cluster.ServiceCIDR})
	}
	if a.MaxPods > 0 {
		// bootstrap.sh would otherwise compute max pods (and kube-reserved memory) from the ENIs;
		// the --max-pods flag is among the kubelet flags (lowerKubeletOptions).
		args = append(args, [2]string{"--use-max-pods", "false"})
	}
	if extra := strings.Join(kubeletFlags(a.Labels, a.Taints, a.KubeletFlags), " "); extra != "" {
		args = append(args, [2]string{"--kubelet-extra-args", extra})
	}
	b.WriteString("\n")
	b.WriteString(AL2BootstrapPath + " " + al2ShellQuote(a.Cluster.Name))
	for _, arg := range args {
		b.WriteString(" \\\n  " + arg[0] + " " + al2ShellQuote(arg[1]))
	}
	b.WriteString("\n")

	if post != "" {
		b.WriteString("\n")
		al2WriteScript(&b, "post-bootstrap", "EKSNODES_POST_BOOTSTRAP", post)
	}
	return b.String(), nil
}

// al2ShellQuote quotes s as one bash word. Inside single quotes nothing is special, so s is
// wrapped in them and each single quote in s is replaced by a closing quote, a backslash-escaped
// quote and an opening quote. It is the only way a value is placed in the rendered script.
func al2ShellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// al2ScriptBody returns the user script s as Script delivers it, or "" when nothing but blank
// space follows its shebang line.
func al2ScriptBody(s string) string {
	s = Script(s)
	_, rest, _ := strings.Cut(s, "\n") // Script's result starts with its shebang line
	if strings.TrimSpace(rest) == "" {
		return ""
	}
	return s
}

// al2WriteScript writes the commands that save body to name in the scripts folder through a
// quoted here-document (so bash expands nothing in it), make it executable and execute it, so
// that the kernel runs it with the interpreter its shebang line names. The here-document's
// delimiter is base, suffixed with a number when body contains it anywhere.
func al2WriteScript(b *strings.Builder, name, base, body string) {
	delim := base
	for i := 1; strings.Contains(body, delim); i++ {
		delim = base + "_" + strconv.Itoa(i)
	}
	path := `"${eksnodes_scripts}"/` + al2ShellQuote(name)
	b.WriteString("cat >" + path + " <<" + al2ShellQuote(delim) + "\n")
	b.WriteString(body)
	b.WriteString(delim + "\n")
	b.WriteString("chmod 0700 " + path + "\n")
	b.WriteString(path + "\n")
}

// al2CheckNUL refuses NUL bytes, which neither a bash script nor a command line can carry.
func al2CheckNUL(a Input) error {
	var bad []string
	check := func(what, value string) {
		if strings.IndexByte(value, 0) >= 0 {
			bad = append(bad, what)
		}
	}
	check("cluster name", a.Cluster.Name)
	check("cluster endpoint", a.Cluster.Endpoint)
	check("cluster certificate authority", a.Cluster.CertificateAuthority)
	check("service CIDR", a.Cluster.ServiceCIDR)
	for _, k := range slices.Sorted(maps.Keys(a.Labels)) {
		check("label key "+strconv.Quote(k), k)
		check("value of label "+strconv.Quote(k), a.Labels[k])
	}
	for i, t := range a.Taints {
		check(fmt.Sprintf("taint %d key", i+1), t.Key)
		check(fmt.Sprintf("taint %d value", i+1), t.Value)
		check(fmt.Sprintf("taint %d effect", i+1), t.Effect)
	}
	for i, f := range a.KubeletFlags {
		check(fmt.Sprintf("kubelet flag %d", i+1), f)
	}
	check("pre script", singleScript(a.PreScripts))
	check("post script", singleScript(a.PostScripts))
	if len(bad) > 0 {
		return fmt.Errorf("NUL bytes cannot be carried by a bash script; found in: %s", strings.Join(bad, ", "))
	}
	return nil
}
