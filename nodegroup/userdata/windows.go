package userdata

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WindowsBootstrapScript is the bootstrap script of the EKS-optimized Windows AMIs.
const WindowsBootstrapScript = `$env:ProgramFiles\Amazon\EKS\Start-EKSBootstrap.ps1`

// winParamsVar is the variable holding the bootstrap parameters, splatted into the call.
const winParamsVar = "eksnodesBootstrapParameters"

// winBootstrapHeader opens the bootstrap section.
const winBootstrapHeader = "# EKS node bootstrap, rendered by eksnodes.\n"

// winBootstrapCall runs Start-EKSBootstrap.ps1 with the splatted parameters and stops the user
// data when it fails.
//
// Start-EKSBootstrap.ps1 is a PowerShell script, not a program: it reports failures mostly by
// throwing, which already stops this script, and perhaps by exiting non-zero. It returns no exit
// code when it succeeds, so $LASTEXITCODE holds whatever the last native command
// left (possibly one run by the pre script), or $null if none ran: a bare
// `if ($LASTEXITCODE -ne 0)` would fail on $null. So $LASTEXITCODE is reset first, and in the
// global scope, where PowerShell sets it (a plain assignment would create a script-scope
// variable that hides later updates). After the call, $? is false when the script exited with
// a non-zero code or could not be started at all (file missing, a parameter this AMI's script
// does not know), which PowerShell reports without stopping; $LASTEXITCODE is non-zero when the
// script exited non-zero or its last native command failed.
//
// The check ends the script with `exit 1` rather than `throw`: a throw is silenced by
// $ErrorActionPreference = 'SilentlyContinue' or a `trap { continue }`, both of which a pre
// script may set, and an exit is not. [Console]::Error is likewise not subject to preferences.
//
// The redirections merge the warning, verbose, debug and information streams into the output,
// which EC2Launch logs, as in the EKS documentation's examples.
const winBootstrapCall = `$global:LASTEXITCODE = 0
& "` + WindowsBootstrapScript + `" @` + winParamsVar + ` 3>&1 4>&1 5>&1 6>&1
if (-not $? -or $global:LASTEXITCODE -ne 0) {
    [Console]::Error.WriteLine("Start-EKSBootstrap.ps1 failed (exit code $global:LASTEXITCODE)")
    exit 1
}
`

// winLaunchTagRE matches the opening or closing tags that EC2Launch (and EC2Config) look for
// anywhere in Windows user data, whatever their case: <powershell> (and <powershellArguments>),
// <script> (a batch script, run before the PowerShell), <persist>, <runAsLocalSystem> and
// <detach>. A stray </powershell> ends the block early, a second <powershell> block makes the
// content ambiguous (EC2Launch v1 then runs no PowerShell at all), and the others change how, when or what it runs. The
// match is deliberately loose (a prefix, spaces allowed, Unicode case folding): refusing a
// harmless value costs little.
var winLaunchTagRE = regexp.MustCompile(`(?i)<\s*/?\s*(?:powershell|script|persist|runaslocalsystem|detach)`)

// renderWindows renders the user data of a Windows node (FormatWindows): one <powershell> block
// holding the pre script, then a call of Start-EKSBootstrap.ps1 with the cluster's name, endpoint, CA, DNS
// address and service CIDR (so that it skips its DescribeCluster call) and the kubelet flags,
// then a check that stops the user data if the bootstrap failed, then the post script.
//
// Every value given to the bootstrap is a single-quoted PowerShell literal made by winPSQuote,
// in a hashtable that is splatted into the call. renderWindows refuses (with an error, never a
// panic) NUL bytes, text that is not UTF-8, any EC2Launch tag (see winLaunchTagRE), values that
// are not ASCII (see winCheckValue), kubelet flags, labels and taints holding whitespace or
// double quotes, empty cluster facts, and a service CIDR that cannot hold the DNS address.
//
// The size of the result is not checked against MaxBytes; that is the caller's concern.
func renderWindows(w Input) (string, error) {
	if IsIPv6(w.Cluster.ServiceCIDR) {
		return "", fmt.Errorf("service CIDR %q is IPv6: EKS Windows nodes support IPv4 clusters only", w.Cluster.ServiceCIDR)
	}
	dnsIP, err := ClusterDNSIP(w.Cluster.ServiceCIDR)
	if err != nil {
		return "", err
	}
	params := []winParam{
		{"EKSClusterName", w.Cluster.Name},
		{"APIServerEndpoint", w.Cluster.Endpoint},
		{"Base64ClusterCA", w.Cluster.CertificateAuthority},
		{"DNSClusterIP", dnsIP},
		{"ServiceCIDR", w.Cluster.ServiceCIDR},
	}
	if extra := strings.Join(kubeletFlags(w.Labels, w.Taints, w.KubeletFlags), " "); extra != "" {
		params = append(params, winParam{"KubeletExtraArgs", extra})
	}
	if err := winCheck(w, params); err != nil {
		return "", err
	}

	var b strings.Builder
	b.WriteString("<powershell>\n")
	if pre := winScriptBody(singleScript(w.PreScripts)); pre != "" {
		b.WriteString(pre)
		// The blank line ends any statement the script left open with a trailing backtick.
		b.WriteString("\n")
	}
	b.WriteString(winBootstrapHeader)
	b.WriteString("$" + winParamsVar + " = @{\n")
	width := 0
	for _, p := range params {
		width = max(width, len(p.name))
	}
	for _, p := range params {
		b.WriteString("    " + p.name + strings.Repeat(" ", width-len(p.name)) + " = " + winPSQuote(p.value) + "\n")
	}
	b.WriteString("}\n")
	b.WriteString(winBootstrapCall)
	if post := winScriptBody(singleScript(w.PostScripts)); post != "" {
		b.WriteString("\n")
		b.WriteString(post)
	}
	b.WriteString("</powershell>\n")

	doc := b.String()
	// Every piece was checked, but pieces are joined (kubelet flags by spaces): make sure of the
	// whole.
	if n := len(winLaunchTagRE.FindAllStringIndex(doc, -1)); n != 2 {
		return "", fmt.Errorf("the rendered Windows user data holds %d EC2Launch tags, not just <powershell> and </powershell>", n)
	}
	return doc, nil
}

// winParam is one parameter of Start-EKSBootstrap.ps1.
type winParam struct {
	name  string
	value string
}

// winPSQuote returns s as a PowerShell single-quoted string literal. It is the only way a value
// is placed in the rendered script. Inside single quotes PowerShell expands nothing ($, `, " and
// newlines are plain characters); the literal ends at the first single quote that is not
// doubled, and a doubled quote reads back as one. PowerShell takes as single quotes not only
// the apostrophe but also the typographic quotes U+2018, U+2019, U+201A and U+201B (in any
// combination: a pair reads back as its second character), so all five are doubled.
func winPSQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if winIsSingleQuote(r) {
			b.WriteString(s[i : i+size])
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	b.WriteByte('\'')
	return b.String()
}

// winIsSingleQuote reports whether PowerShell's tokenizer takes r as a single quote.
func winIsSingleQuote(r rune) bool {
	switch r {
	case '\'', '\u2018', '\u2019', '\u201a', '\u201b':
		return true
	}
	return false
}

// winScriptBody returns the user script s with a final newline, or "" when it is blank.
func winScriptBody(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// winCheck returns every reason to refuse w, params being the bootstrap parameters built from it.
func winCheck(w Input, params []winParam) error {
	var bad []string
	add := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }

	for _, f := range [][2]string{
		{"cluster name", w.Cluster.Name},
		{"cluster endpoint", w.Cluster.Endpoint},
		{"cluster certificate authority", w.Cluster.CertificateAuthority},
	} {
		if f[1] == "" {
			add("%s is empty", f[0])
		}
	}
	for _, p := range params {
		if problem := winCheckValue(p.value); problem != "" {
			add("-%s %s", p.name, problem)
		}
	}

	// Start-EKSBootstrap.ps1 splits -KubeletExtraArgs at whitespace and puts the flags on the
	// kubelet service's command line, where a double quote groups what follows, whitespace
	// included, into one argument: either would let one flag, label or taint change the others.
	kubelet := func(what, v string) {
		if i := strings.IndexFunc(v, func(r rune) bool { return unicode.IsSpace(r) || r == '"' }); i >= 0 {
			r, _ := utf8.DecodeRuneInString(v[i:])
			add("%s %q contains %q: kubelet flags are passed as one space-separated string", what, v, r)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(w.Labels)) {
		kubelet("label key", k)
		kubelet("value of label "+strconv.Quote(k), w.Labels[k])
	}
	for i, t := range w.Taints {
		kubelet(fmt.Sprintf("taint %d key", i+1), t.Key)
		kubelet(fmt.Sprintf("taint %d value", i+1), t.Value)
		kubelet(fmt.Sprintf("taint %d effect", i+1), t.Effect)
	}
	for i, f := range w.KubeletFlags {
		if f == "" {
			add("kubelet flag %d is empty", i+1)
		}
		kubelet(fmt.Sprintf("kubelet flag %d", i+1), f)
	}

	for _, f := range [][2]string{{"pre script", singleScript(w.PreScripts)}, {"post script", singleScript(w.PostScripts)}} {
		if problem := winCheckText(f[1]); problem != "" {
			add("%s %s", f[0], problem)
		}
	}

	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("cannot render the Windows user data: %s", strings.Join(bad, "; "))
}

// winCheckText returns why s cannot be placed in the <powershell> block at all, or "".
func winCheckText(s string) string {
	switch {
	case strings.IndexByte(s, 0) >= 0:
		return "contains a NUL byte"
	case !utf8.ValidString(s):
		// Bytes that are not UTF-8 are read in whatever code page the reader picks; 0x92, for
		// one, is a single quote in Windows-1252.
		return "is not valid UTF-8"
	}
	if tag := winLaunchTagRE.FindString(s); tag != "" {
		return fmt.Sprintf("contains %q, which EC2Launch would take for one of its user data tags", tag)
	}
	return ""
}

// winCheckValue returns why s cannot be a quoted value, or "".
//
// Values must be ASCII, apart from the typographic single quotes (which winPSQuote doubles).
// Cluster names, endpoints, base64 CAs, CIDRs, Kubernetes labels and taints all are. The
// reason: Windows PowerShell 5.1 reads a script file without a byte order mark in the ANSI code
// page, and in Windows-1252 (and the other Windows-125x code pages) the bytes 0x82, 0x91 and
// 0x92 are the quotes ‚ ‘ ’. Many UTF-8 sequences hold them (Ò is C3 92), so such a character
// would end the literal early when the user data is read that way. The typographic quotes
// themselves (E2 80 98 to E2 80 9B) read as harmless characters there.
func winCheckValue(s string) string {
	if problem := winCheckText(s); problem != "" {
		return problem
	}
	for _, r := range s {
		if r >= utf8.RuneSelf && !winIsSingleQuote(r) {
			return fmt.Sprintf("contains %q (%U): values must be ASCII, since Windows PowerShell may read the user data in an ANSI code page", r, r)
		}
	}
	return ""
}
