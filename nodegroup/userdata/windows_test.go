package userdata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRenderWindowsStructure parses each Windows scenario's document with
// tree-sitter-powershell and checks what it finds against the input, independently of the
// golden files.
func TestRenderWindowsStructure(t *testing.T) {
	ps := pwshParserFor(t)
	for _, sc := range scenariosOf(FormatWindows) {
		t.Run(sc.name, func(t *testing.T) {
			requirePwshClean(t, ps, slices.Concat(sc.in.PreScripts, sc.in.PostScripts)...)
			doc, err := Render(sc.in)
			require.NoError(t, err)
			in := untypedEquivalent(sc.in)
			params, err := checkWindowsUserData(ps, doc, in)
			require.NoError(t, err, doc)
			_, hasKubelet := params["KubeletExtraArgs"]
			assert.Equal(t, len(in.Labels)+len(in.Taints)+len(in.KubeletFlags) > 0, hasKubelet,
				"-KubeletExtraArgs is passed exactly when there are kubelet flags")
			assert.NotContains(t, doc, "\r", "user data uses LF line endings")
		})
	}
}

// winInjections are values that PowerShell would act on if they escaped their literal. They
// must come back intact from the literal and never change the code around it.
var winInjections = []string{
	"it's",
	"it’s",                 // U+2019: a single quote to PowerShell
	"‘a’ ‚b‛",              // U+2018, U+2019, U+201A, U+201B
	"'",                    // a lone quote
	"’",                    // a lone typographic quote
	"''",                   // an already doubled quote
	"'’‘'",                 // mixed quotes, pairs across kinds
	"x'; Stop-Computer; '", // the classic breakout
	"x’; Stop-Computer; ’", // the same with U+2019
	"x‛; Stop-Computer; ‚", // and with U+201B and U+201A
	"$(Stop-Computer)",
	"${env:PATH}",
	"$env:ComputerName",
	"`whoami`",
	"`n`0`'",
	`"; Stop-Computer; "`,
	"a; Stop-Computer",
	"a | Out-File C:\\x",
	"line1\nStop-Computer\r\nline3\r",
	"\n'@\n\"@\n#>\n<#\n",
	"@{ a = 1 }",
	"# not a comment",
	"-Base64ClusterCA",
	"}",
	"'\n}\n& calc.exe\n$x = @{\n    y = '",
}

// TestRenderWindowsInjection puts each injection into every value that may hold it. Kubelet
// flags, labels and taints may hold neither whitespace nor double quotes (see
// TestRenderWindowsRefuses), so they get the others.
func TestRenderWindowsInjection(t *testing.T) {
	ps := pwshParserFor(t)
	for i, payload := range winInjections {
		inKubelet := !strings.ContainsFunc(payload, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		cases := map[string]func(*Input){
			"cluster name":     func(w *Input) { w.Cluster.Name = payload },
			"cluster endpoint": func(w *Input) { w.Cluster.Endpoint = "https://example.com/" + payload },
			"cluster CA":       func(w *Input) { w.Cluster.CertificateAuthority = payload },
		}
		if inKubelet {
			cases["label key"] = func(w *Input) { w.Labels = map[string]string{payload: "v"} }
			cases["label value"] = func(w *Input) { w.Labels = map[string]string{"k": payload} }
			cases["taint value"] = func(w *Input) { w.Taints = []Taint{{Key: "k", Value: payload, Effect: "NoSchedule"}} }
			cases["kubelet flag"] = func(w *Input) { w.KubeletFlags = []string{"--v=2", "--x=" + payload} }
		}
		for what, set := range cases {
			t.Run(fmt.Sprintf("%d/%s", i, what), func(t *testing.T) {
				in := winWithScripts("Write-Output 'pre'", "Write-Output 'post'")
				set(&in)
				doc, err := Render(in)
				require.NoError(t, err)
				_, err = checkWindowsUserData(ps, doc, in)
				require.NoError(t, err, doc)
			})
		}
	}
}

func TestRenderWindowsRefuses(t *testing.T) {
	tags := []string{
		"</powershell>", "<powershell>", "</PowerShell>", "<POWERSHELL>", "</powershell >", "< /powershell>",
		"<powershellArguments>-NoExit</powershellArguments>", "<script>calc</script>", "</script>",
		"<persist>true</persist>", "<runAsLocalSystem>true</runAsLocalSystem>", "<detach>true</detach>",
		"<powerſhell>", // U+017F folds to s
	}
	type refusal struct {
		name    string
		set     func(*Input)
		wantErr string
	}
	var tests []refusal
	for _, tag := range tags {
		for what, set := range map[string]func(*Input, string){
			"cluster name": func(w *Input, s string) { w.Cluster.Name = s },
			"endpoint":     func(w *Input, s string) { w.Cluster.Endpoint = s },
			"CA":           func(w *Input, s string) { w.Cluster.CertificateAuthority = s },
			"label key":    func(w *Input, s string) { w.Labels = map[string]string{s: "v"} },
			"label value":  func(w *Input, s string) { w.Labels = map[string]string{"k": s} },
			"taint key":    func(w *Input, s string) { w.Taints = []Taint{{Key: s, Effect: "NoSchedule"}} },
			"kubelet flag": func(w *Input, s string) { w.KubeletFlags = []string{"--x=" + s} },
			"pre script":   func(w *Input, s string) { w.PreScripts = []string{"Write-Output 'a'\n" + s + "\nWrite-Output 'b'"} },
			"post script":  func(w *Input, s string) { w.PostScripts = []string{s} },
		} {
			tests = append(tests, refusal{
				name:    what + " " + tag,
				set:     func(w *Input) { set(w, tag) },
				wantErr: "EC2Launch",
			})
		}
	}
	tests = append(tests,
		// A tag split across two kubelet flags, joined by a space.
		refusal{"tag across flags", func(w *Input) { w.KubeletFlags = []string{"--a=<", "/powershell>"} }, "EC2Launch"},
		refusal{"NUL in name", func(w *Input) { w.Cluster.Name = "a\x00b" }, "NUL"},
		refusal{"NUL in CA", func(w *Input) { w.Cluster.CertificateAuthority = "\x00" }, "NUL"},
		refusal{"NUL in flag", func(w *Input) { w.KubeletFlags = []string{"--v=\x00"} }, "NUL"},
		refusal{"NUL in label", func(w *Input) { w.Labels = map[string]string{"k": "\x00"} }, "NUL"},
		refusal{"NUL in pre script", func(w *Input) { w.PreScripts = []string{"echo\x00"} }, "NUL"},
		refusal{"NUL in post script", func(w *Input) { w.PostScripts = []string{"\x00"} }, "NUL"},
		// 0x92 is ’ in Windows-1252.
		refusal{"invalid UTF-8 in name", func(w *Input) { w.Cluster.Name = "a\x92; calc; \x92" }, "UTF-8"},
		refusal{"invalid UTF-8 in pre script", func(w *Input) { w.PreScripts = []string{"'\xff'"} }, "UTF-8"},
		// Ò is C3 92: "Ã’" in Windows-1252.
		refusal{"non-ASCII in name", func(w *Input) { w.Cluster.Name = "Ò; calc; Ò" }, "ASCII"},
		refusal{"non-ASCII in label", func(w *Input) { w.Labels = map[string]string{"k": "café"} }, "ASCII"},
		refusal{"bad CIDR", func(w *Input) { w.Cluster.ServiceCIDR = "172.20.0.0" }, "CIDR"},
		refusal{"IPv6 CIDR", func(w *Input) { w.Cluster.ServiceCIDR = "fd00::/108" }, "CIDR"},
		refusal{"CIDR too small", func(w *Input) { w.Cluster.ServiceCIDR = "10.0.0.0/29" }, "CIDR"},
		refusal{"CIDR with a quote", func(w *Input) { w.Cluster.ServiceCIDR = "10.0.0.0/16'" }, "CIDR"},
		refusal{"empty name", func(w *Input) { w.Cluster.Name = "" }, "cluster name is empty"},
		refusal{"empty endpoint", func(w *Input) { w.Cluster.Endpoint = "" }, "cluster endpoint is empty"},
		refusal{"empty CA", func(w *Input) { w.Cluster.CertificateAuthority = "" }, "certificate authority is empty"},
		refusal{"space in flag", func(w *Input) { w.KubeletFlags = []string{"--v=2 --anonymous-auth=true"} }, "space-separated"},
		refusal{"tab in flag", func(w *Input) { w.KubeletFlags = []string{"--v=2\t--anonymous-auth=true"} }, "space-separated"},
		refusal{"NBSP in flag", func(w *Input) { w.KubeletFlags = []string{"--v=2\u00a0--anonymous-auth=true"} }, "space-separated"},
		refusal{"quote in flag", func(w *Input) { w.KubeletFlags = []string{`--eviction-hard="memory.available<500Mi"`} }, "space-separated"},
		refusal{"empty flag", func(w *Input) { w.KubeletFlags = []string{"--v=2", ""} }, "kubelet flag 2 is empty"},
		refusal{"space in label value", func(w *Input) { w.Labels = map[string]string{"k": "a --anonymous-auth=true"} }, "space-separated"},
		refusal{"newline in label key", func(w *Input) { w.Labels = map[string]string{"a\nb": "v"} }, "space-separated"},
		refusal{"quote in taint key", func(w *Input) { w.Taints = []Taint{{Key: `a"`, Effect: "NoSchedule"}} }, "space-separated"},
		refusal{"space in taint effect", func(w *Input) { w.Taints = []Taint{{Key: "a", Effect: "No Schedule"}} }, "space-separated"},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := scenarioNamed(t, FormatWindows, "minimal")
			tt.set(&in)
			var doc string
			var err error
			require.NotPanics(t, func() { doc, err = Render(in) })
			require.Error(t, err, doc)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.Empty(t, doc)
		})
	}
}

func TestRenderWindowsScriptsVerbatim(t *testing.T) {
	ps := pwshParserFor(t)
	for _, tt := range []struct {
		name, pre, post string
		wantBlank       bool
	}{
		{name: "blank scripts are left out", pre: " \n\t\n", post: "\n", wantBlank: true},
		{name: "final newline added", pre: "Write-Output 'a'", post: "Write-Output 'b'"},
		{name: "CRLF kept", pre: "Write-Output 'a'\r\n", post: "Write-Output 'b'\r\n"},
		{name: "trailing backtick", pre: "Write-Output `", post: "Write-Output 'b'"},
		// ’ is a single quote to PowerShell, so it is doubled inside the literal: 'café ’' would
		// be unterminated (’' is an escaped quote) and run on into the bootstrap section.
		// TestPwshParserReadsAsPowerShell shows the parser catching that.
		{name: "non-ASCII in scripts is theirs", pre: "Write-Output 'café ’’'", post: "# ünïcödé"},
		{name: "typographic quotes in scripts are theirs", pre: "Write-Output ‘x’", post: "Write-Output ‚y‛"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Clean scripts, so that checkWindowsUserData also compares the whole block's
			// statements with theirs.
			requirePwshClean(t, ps, tt.pre, tt.post)
			in := winWithScripts(tt.pre, tt.post)
			doc, err := Render(in)
			require.NoError(t, err)
			_, err = checkWindowsUserData(ps, doc, in)
			require.NoError(t, err, doc)
			if tt.wantBlank {
				minimal, err := Render(scenarioNamed(t, FormatWindows, "minimal"))
				require.NoError(t, err)
				assert.Equal(t, minimal, doc)
			}
		})
	}
	t.Run("a trailing backtick is followed by a blank line", func(t *testing.T) {
		doc, err := Render(winWithScripts("Write-Output `", ""))
		require.NoError(t, err)
		assert.Contains(t, doc, "Write-Output `\n\n"+winBootstrapHeader)
	})
}

func TestWinPSQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":           "''",
		"prod-east":  "'prod-east'",
		"it's":       "'it''s'",
		"’":          "'’’'",
		"‘a’ ‚b‛":    "'‘‘a’’ ‚‚b‛‛'",
		"'’":         "'''’’'",
		"$(x) `n \"": "'$(x) `n \"'",
		"a\nb":       "'a\nb'",
		"\xff'\x92":  "'\xff''\x92'", // bytes that are not UTF-8 are copied, not decoded as quotes
		"ʼ′＇":        "'ʼ′＇'",        // look-alikes that PowerShell does not take for quotes
	} {
		assert.Equal(t, want, winPSQuote(in), "%q", in)
	}
	ps := pwshParserFor(t)
	for _, s := range append([]string{"", "plain", "'''", "’’’’", "a'b’c‘d‚e‛f"}, winInjections...) {
		src := winPSQuote(s)
		tree, err := ps.parse(src)
		require.NoError(t, err)
		require.NoError(t, tree.clean(), "%q", src)
		require.Len(t, tree.Statements, 1, "%q", src)
		require.Len(t, tree.Strings, 1, "%q must read back as one literal", src)
		lit := tree.Strings[0]
		assert.Equal(t, "single-quoted", lit.Kind, "%q", src)
		assert.Equal(t, src, lit.Raw, "%q must be one literal, whole", src)
		require.NotNil(t, lit.Value)
		assert.Equal(t, s, *lit.Value, "%q must read back as %q", src, s)
	}
}

// TestCheckWindowsUserDataRejects proves the structure check can fail: each mutation of a good
// document must be caught.
func TestCheckWindowsUserDataRejects(t *testing.T) {
	ps := pwshParserFor(t)
	in := scenarioNamed(t, FormatWindows, "full")
	good, err := Render(in)
	require.NoError(t, err)
	_, err = checkWindowsUserData(ps, good, in)
	require.NoError(t, err)

	for _, tt := range []struct {
		name   string
		mutate func(string) string
	}{
		{"value unquoted", func(d string) string { return strings.Replace(d, "'prod-east'", "prod-east", 1) }},
		{"value in double quotes", func(d string) string { return strings.Replace(d, "'prod-east'", `"prod-east"`, 1) }},
		{"value changed", func(d string) string { return strings.Replace(d, "'prod-east'", "'prod-west'", 1) }},
		{"value concatenated", func(d string) string { return strings.Replace(d, "'prod-east'", "'prod-'+'east'", 1) }},
		{"parameter dropped", func(d string) string { return strings.Replace(d, "    ServiceCIDR       = '172.20.0.0/16'\n", "", 1) }},
		{"parameter renamed", func(d string) string { return strings.Replace(d, "ServiceCIDR  ", "ServiceCidrs ", 1) }},
		{"parameter duplicated", func(d string) string {
			return strings.Replace(d, "    ServiceCIDR", "    DNSClusterIP      = '172.20.0.10'\n    ServiceCIDR", 1)
		}},
		{"check removed", func(d string) string {
			return strings.Replace(d, "if (-not $? -or $global:LASTEXITCODE -ne 0) {", "if ($false) {", 1)
		}},
		{"statement between call and check", func(d string) string {
			return strings.Replace(d, "6>&1\n", "6>&1\nWrite-Output 'x'\n", 1)
		}},
		{"text before the block", func(d string) string { return "x\n" + d }},
		{"text after the block", func(d string) string { return d + "x\n" }},
		{"second block", func(d string) string { return d + "<powershell>\n</powershell>\n" }},
		{"block ended early", func(d string) string { return strings.Replace(d, "'prod-east'", "'prod-east</PowerShell>'", 1) }},
		{"script tag", func(d string) string { return strings.Replace(d, "'prod-east'", "'<script>calc</script>'", 1) }},
		{"pre script changed", func(d string) string { return strings.Replace(d, "'win-a'\n", "'win-b'\n", 1) }},
		{"post script changed", func(d string) string { return strings.Replace(d, "Start-Service", "Stop-Service", 1) }},
		{"line continuation", func(d string) string { return strings.Replace(d, " 3>&1", " `\n3>&1", 1) }},
		{"unterminated literal", func(d string) string { return strings.Replace(d, "'prod-east'", "'prod-east", 1) }},
		{"label changed", func(d string) string { return strings.Replace(d, "team=web", "team=ops", 1) }},
		{"taint dropped", func(d string) string { return strings.Replace(d, ",os=windows:NoSchedule", "", 1) }},
		{"flag added", func(d string) string { return strings.Replace(d, "--max-pods=58", "--max-pods=58 --v=9", 1) }},
		// The value leaves its literal.
		{"value breaks out", func(d string) string {
			return strings.Replace(d, "'prod-east'", "'prod-east'; Stop-Computer; ''", 1)
		}},
		{"value breaks out on a line of its own", func(d string) string {
			return strings.Replace(d, "'prod-east'\n", "'prod-east'\n    Stop-Computer\n", 1)
		}},
		{"value expands", func(d string) string { return strings.Replace(d, "'prod-east'", `"$(Stop-Computer)"`, 1) }},
		{"value in a here-string", func(d string) string { return strings.Replace(d, "'prod-east'", "@'\nprod-east\n'@", 1) }},
		{"value as a sub-expression", func(d string) string { return strings.Replace(d, "'prod-east'", "$('prod-east')", 1) }},
		// Caught only because parse.js applies PowerShell's quote rules: the grammar reads one
		// literal where PowerShell ends it at the ’.
		{"typographic quote ends the value", func(d string) string {
			return strings.Replace(d, "'prod-east'", "'prod’; Stop-Computer; ’east'", 1)
		}},
		{"closing quote paired with a typographic one", func(d string) string {
			return strings.Replace(d, "'prod-east'\n", "'prod-east'’\n", 1)
		}},
		// The call.
		{"parameter passed directly", func(d string) string {
			return strings.Replace(d, "@eksnodesBootstrapParameters 3>&1", "@eksnodesBootstrapParameters -EKSClusterName 'x' 3>&1", 1)
		}},
		{"digit-bearing parameter passed directly", func(d string) string {
			return strings.Replace(d, "@eksnodesBootstrapParameters 3>&1", "@eksnodesBootstrapParameters -Base64ClusterCA 'x' 3>&1", 1)
		}},
		{"second splat", func(d string) string {
			return strings.Replace(d, "@eksnodesBootstrapParameters 3>&1", "@eksnodesBootstrapParameters @x 3>&1", 1)
		}},
		{"splat of another variable", func(d string) string {
			return strings.Replace(d, "@eksnodesBootstrapParameters 3>&1", "@eksnodesBootstrapParameter 3>&1", 1)
		}},
		{"table assigned to another variable", func(d string) string {
			return strings.Replace(d, "$eksnodesBootstrapParameters = @{", "$eksnodesBootstrapParameter = @{", 1)
		}},
		{"table appended to", func(d string) string {
			return strings.Replace(d, "$eksnodesBootstrapParameters = @{", "$eksnodesBootstrapParameters += @{", 1)
		}},
		{"redirection dropped", func(d string) string { return strings.Replace(d, " 6>&1", "", 1) }},
		{"script path changed", func(d string) string {
			return strings.Replace(d, `\Start-EKSBootstrap.ps1"`, `\Start-EKSBootstrap.ps1 "`, 1)
		}},
		{"dot-sourced", func(d string) string { return strings.Replace(d, `& "$env:ProgramFiles`, `. "$env:ProgramFiles`, 1) }},
		{"comment added", func(d string) string {
			return strings.Replace(d, "$global:LASTEXITCODE = 0\n", "$global:LASTEXITCODE = 0 # x\n", 1)
		}},
		{"line continuation joins the check to the call", func(d string) string {
			return strings.Replace(d, "6>&1\nif", "6>&1 `\nif", 1)
		}},
		{"unclosed table", func(d string) string { return strings.Replace(d, "\n}\n$global", "\n$global", 1) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := tt.mutate(good)
			require.NotEqual(t, good, bad, "the mutation must apply")
			_, err := checkWindowsUserData(ps, bad, in)
			assert.Error(t, err)
		})
	}
}

// FuzzRenderWindows: whatever the cluster name, endpoint, label, kubelet flag and pre script,
// Render never panics on Windows user data, and whenever it renders, the document has the structure that
// checkWindowsUserData reads and every value comes back from its literal.
func FuzzRenderWindows(f *testing.F) {
	for _, sc := range scenariosOf(FormatWindows) {
		var k, v, flag string
		if keys := slices.Sorted(maps.Keys(sc.in.Labels)); len(keys) > 0 {
			k, v = keys[0], sc.in.Labels[keys[0]]
		}
		if len(sc.in.KubeletFlags) > 0 {
			flag = sc.in.KubeletFlags[0]
		}
		f.Add(sc.in.Cluster.Name, sc.in.Cluster.Endpoint, k, v, flag, strings.Join(sc.in.PreScripts, ""))
	}
	for _, payload := range winInjections {
		f.Add(payload, "https://example.com/"+payload, "k", payload, "--x="+payload, payload)
	}
	f.Add("a", "b", "</powershell>", "", "--a=<", "<script>")
	f.Add("\x00", "\xff", "k", "Ò", "--a", "\x92")
	f.Add("0", "0", "0", "0", "0", "< A0000") // a pre script the grammar reads cleanly alone, but not before the section

	ps := pwshParserFor(f)
	f.Fuzz(func(t *testing.T, name, endpoint, labelKey, labelValue, flag, pre string) {
		in := winWithScripts(pre, "Write-Output 'post'\n")
		in.Cluster = Cluster{Name: name, Endpoint: endpoint, CertificateAuthority: testCA, ServiceCIDR: testCluster.ServiceCIDR}
		in.Taints = []Taint{{Key: "dedicated", Value: "fuzz", Effect: "NoSchedule"}}
		if labelKey != "" || labelValue != "" {
			in.Labels = map[string]string{labelKey: labelValue}
		}
		if flag != "" {
			in.KubeletFlags = []string{"--v=2", flag}
		}
		doc, err := Render(in)
		if err != nil {
			// Refusals are for inputs that hold something refusable; a plain input renders.
			plain := func(s string, kubelet bool) bool {
				return !strings.ContainsFunc(s, func(r rune) bool {
					return r == 0 || r == '<' || r >= utf8.RuneSelf || (kubelet && (unicode.IsSpace(r) || r == '"'))
				})
			}
			if name != "" && endpoint != "" && plain(name, false) && plain(endpoint, false) &&
				plain(labelKey, true) && plain(labelValue, true) && plain(flag, true) && plain(pre, false) {
				t.Fatalf("refused a plain input: %v", err)
			}
			return
		}
		params, err := checkWindowsUserData(ps, doc, in)
		if err != nil {
			t.Fatalf("%v\n%s", err, doc)
		}
		if params["EKSClusterName"] != name || params["APIServerEndpoint"] != endpoint {
			t.Fatalf("cluster name or endpoint did not round trip: %q", params)
		}
		args := strings.Split(params["KubeletExtraArgs"], " ")
		if flag != "" && args[len(args)-1] != flag {
			t.Fatalf("kubelet flag %q did not round trip: %q", flag, args)
		}
	})
}

// checkWindowsUserData reads doc as EC2Launch and PowerShell would and checks it against in:
//   - doc is exactly one <powershell> block, with nothing outside it and no other EC2Launch tag
//     (whatever the case) in it;
//   - the block is the pre script verbatim, then the bootstrap section, then the post script
//     verbatim;
//   - the bootstrap section, parsed by tree-sitter-powershell (testdata/pwsh/parse.js), has no
//     ERROR, MISSING or empty node and no quote that PowerShell reads differently from the
//     grammar; its
//     statements are a hashtable of Start-EKSBootstrap.ps1 parameters whose every value is one
//     single-quoted literal, then exactly the expected call (the hashtable splatted, no other
//     argument) and failure check, with no string literal anywhere but those;
//   - each literal reads back as the input value, and the kubelet arguments parse back into the
//     input's labels, taints and extra flags;
//   - when the pre and post scripts each parse cleanly on their own, the whole block parses
//     cleanly too and its statements are theirs and the bootstrap section's, unchanged: the
//     parts do not run into each other.
//
// It returns the parameters read from the hashtable.
func checkWindowsUserData(ps *pwshParser, doc string, in Input) (map[string]string, error) {
	const open, closing = "<powershell>\n", "</powershell>\n"
	if !strings.HasPrefix(doc, open) || !strings.HasSuffix(doc, closing) || len(doc) < len(open)+len(closing) {
		return nil, errors.New("the document is not one <powershell> block with nothing around it")
	}
	lower := strings.ToLower(doc)
	for tag, want := range map[string]int{
		"<powershell": 1, "</powershell": 1, "<script": 0, "</script": 0, "<persist": 0, "</persist": 0,
		"<runaslocalsystem": 0, "</runaslocalsystem": 0, "<detach": 0, "</detach": 0,
	} {
		if got := strings.Count(lower, tag); got != want {
			return nil, fmt.Errorf("the document holds %q %d times, want %d", tag, got, want)
		}
	}
	body := doc[len(open) : len(doc)-len(closing)]

	section := body
	var parts []pwshPart
	if pre := testWinScript(singleScript(in.PreScripts)); pre != "" {
		if !strings.HasPrefix(section, pre+"\n") {
			return nil, errors.New("the block does not start with the pre script, verbatim, and a blank line")
		}
		parts = append(parts, pwshPart{name: "pre script", offset: 0, text: pre})
		section = section[len(pre)+1:]
	}
	sectionOffset := len(body) - len(section)
	post := testWinScript(singleScript(in.PostScripts))
	if post != "" {
		if !strings.HasSuffix(section, "\n"+post) {
			return nil, errors.New("the block does not end with a blank line and the post script, verbatim")
		}
		section = section[:len(section)-len(post)-1]
	}
	parts = append(parts, pwshPart{name: "bootstrap section", offset: sectionOffset, text: section})
	if post != "" {
		parts = append(parts, pwshPart{name: "post script", offset: len(body) - len(post), text: post})
	}

	tree, err := ps.parse(section)
	if err != nil {
		return nil, err
	}
	if err := tree.clean(); err != nil {
		return nil, fmt.Errorf("bootstrap section: %w", err)
	}
	params, err := winBootstrapParams(tree)
	if err != nil {
		return nil, fmt.Errorf("bootstrap section: %w", err)
	}
	if len(parts) > 1 {
		if err := checkPwshComposition(ps, body, parts); err != nil {
			return nil, fmt.Errorf("the whole block: %w", err)
		}
	}

	dnsIP, err := ClusterDNSIP(in.Cluster.ServiceCIDR)
	if err != nil {
		return nil, err
	}
	want := map[string]string{
		"EKSClusterName":    in.Cluster.Name,
		"APIServerEndpoint": in.Cluster.Endpoint,
		"Base64ClusterCA":   in.Cluster.CertificateAuthority,
		"DNSClusterIP":      dnsIP,
		"ServiceCIDR":       in.Cluster.ServiceCIDR,
	}
	got := map[string]string{}
	for k, v := range params {
		if k != "KubeletExtraArgs" {
			got[k] = v
		}
	}
	if !reflect.DeepEqual(want, got) {
		return nil, fmt.Errorf("parameters %q, want %q", got, want)
	}
	args, hasArgs := params["KubeletExtraArgs"]
	if hasArgs != (len(in.Labels)+len(in.Taints)+len(in.KubeletFlags) > 0) {
		return nil, fmt.Errorf("-KubeletExtraArgs given: %v, with %d labels, %d taints and %d flags",
			hasArgs, len(in.Labels), len(in.Taints), len(in.KubeletFlags))
	}
	if hasArgs {
		if err := checkWindowsKubeletArgs(args, in); err != nil {
			return nil, err
		}
	}
	return params, nil
}

// The bootstrap section's fixed statements, as written in the user data. They are spelled out
// here rather than taken from windows.go so that a change there shows up.
const (
	winTestParamsVar  = "$eksnodesBootstrapParameters"
	winTestHeader     = "# EKS node bootstrap, rendered by eksnodes."
	winTestReset      = "$global:LASTEXITCODE = 0"
	winTestScriptPath = `"$env:ProgramFiles\Amazon\EKS\Start-EKSBootstrap.ps1"`
	winTestCall       = `& ` + winTestScriptPath + ` @eksnodesBootstrapParameters 3>&1 4>&1 5>&1 6>&1`
	winTestFailure    = `"Start-EKSBootstrap.ps1 failed (exit code $global:LASTEXITCODE)"`
	winTestCheck      = "if (-not $? -or $global:LASTEXITCODE -ne 0) {\n" +
		"    [Console]::Error.WriteLine(" + winTestFailure + ")\n" +
		"    exit 1\n" +
		"}"
)

// winBootstrapParams reads the bootstrap section's parse tree: the header comment, then
//
//	$eksnodesBootstrapParameters = @{ Name = 'literal' ... }
//	$global:LASTEXITCODE = 0
//	& "$env:ProgramFiles\Amazon\EKS\Start-EKSBootstrap.ps1" @eksnodesBootstrapParameters 3>&1 4>&1 5>&1 6>&1
//	if (...) { ... }
//
// and nothing else, and returns the parameters with their values, unquoted.
func winBootstrapParams(tree *pwshTree) (map[string]string, error) {
	var raws []string
	for _, s := range tree.Statements {
		raws = append(raws, s.Raw)
	}
	if len(tree.Statements) != 4 {
		return nil, fmt.Errorf("%d statements, want 4 (table, reset, call, check): %q", len(tree.Statements), raws)
	}
	if len(tree.Comments) != 1 || tree.Comments[0].Raw != winTestHeader || tree.Comments[0].Start.Offset != 0 {
		var comments []string
		for _, c := range tree.Comments {
			comments = append(comments, c.Raw)
		}
		return nil, fmt.Errorf("comments %q, want only the header %q first", comments, winTestHeader)
	}

	// The parameter table.
	if len(tree.Assignments) != 2 {
		return nil, fmt.Errorf("%d assignments, want 2 (the table and the exit code reset)", len(tree.Assignments))
	}
	table := tree.Assignments[0]
	if table.Statement != 0 || tree.Statements[0].Kind != "assignment_expression" || table.Target == nil ||
		table.Target.Type != "variable" || table.Target.Name != winTestParamsVar || table.Operator != "=" {
		return nil, fmt.Errorf("the first statement %q is not `%s = ...`", tree.Statements[0].Raw, winTestParamsVar)
	}
	if table.Value == nil || table.Value.Type != "hashtable" {
		return nil, fmt.Errorf("%s is not assigned a hashtable literal: %s", winTestParamsVar, table.Value)
	}
	params := map[string]string{}
	literals := map[int]bool{} // offsets of the parameter values
	for _, e := range table.Value.Entries {
		if e.Invalid != "" || e.Key == nil || e.Value == nil {
			return nil, fmt.Errorf("hashtable entry %q is not `Name = 'literal'`", e.Raw)
		}
		if e.Key.Type != "bareword" {
			return nil, fmt.Errorf("hashtable key %s is not a bare name", e.Key)
		}
		v := e.Value
		if v.Type != "string" || v.Kind != "single-quoted" || v.Value == nil {
			return nil, fmt.Errorf("the value of %s is not one single-quoted literal: %s", e.Key.Raw, v)
		}
		if _, dup := params[e.Key.Raw]; dup {
			return nil, fmt.Errorf("parameter %s given twice", e.Key.Raw)
		}
		params[e.Key.Raw] = *v.Value
		literals[v.Start.Offset] = true
	}

	// The reset.
	reset := tree.Assignments[1]
	if reset.Statement != 1 || reset.Target == nil || reset.Target.Name != "$global:LASTEXITCODE" ||
		reset.Value == nil || reset.Value.Type != "number" || reset.Value.Raw != "0" || tree.Statements[1].Raw != winTestReset {
		return nil, fmt.Errorf("the second statement %q is not %q", tree.Statements[1].Raw, winTestReset)
	}

	// The call: the only command in the section. Its parts are checked one by one, then its
	// text as a whole (which also catches what the parse tree does not show: spacing, line
	// continuations).
	if tree.Statements[2].Kind != "command" {
		return nil, fmt.Errorf("the third statement %q is not a command", tree.Statements[2].Raw)
	}
	if len(tree.Commands) != 1 {
		return nil, fmt.Errorf("%d commands, want only the bootstrap call", len(tree.Commands))
	}
	call := tree.Commands[0]
	switch {
	case call.Statement != 2 || call.InvocationOperator == nil || *call.InvocationOperator != "&":
		return nil, fmt.Errorf("the bootstrap call %q is not run with &", call.Raw)
	case call.Name == nil || call.Name.Type != "string" || call.Name.Kind != "double-quoted" ||
		call.Name.Raw != winTestScriptPath || !slices.Equal(call.Name.Variables, []string{"$env:ProgramFiles"}) ||
		len(call.Name.Subexpressions) != 0:
		return nil, fmt.Errorf("the bootstrap call runs %s, want %s", call.Name, winTestScriptPath)
	case len(call.Parameters) != 0:
		return nil, fmt.Errorf("the bootstrap call passes parameters directly: %v", call.Parameters)
	case len(call.Positional) != 1 || call.Positional[0].Type != "variable" || !call.Positional[0].Splat ||
		!slices.Equal(call.Splats, []string{strings.TrimPrefix(winTestParamsVar, "$")}):
		return nil, fmt.Errorf("the bootstrap call's arguments are %v, want only the splatted %s", call.Positional, winTestParamsVar)
	case !slices.Equal(call.Redirections, []string{"3>&1", "4>&1", "5>&1", "6>&1"}):
		return nil, fmt.Errorf("the bootstrap call's redirections are %q", call.Redirections)
	case tree.Statements[2].Raw != winTestCall:
		return nil, fmt.Errorf("the third statement %q is not %q", tree.Statements[2].Raw, winTestCall)
	}

	// The check.
	if tree.Statements[3].Kind != "if_statement" || tree.Statements[3].Raw != winTestCheck {
		return nil, fmt.Errorf("the fourth statement %q is not %q", tree.Statements[3].Raw, winTestCheck)
	}

	// No string literal but the values and the two fixed ones: no value left its literal.
	for _, s := range tree.Strings {
		switch {
		case literals[s.Start.Offset]:
		case s.Raw == winTestScriptPath && s.Start.Offset == call.Name.Start.Offset:
		case s.Raw == winTestFailure && s.Start.Offset > tree.Statements[3].Start.Offset && s.End.Offset < tree.Statements[3].End.Offset:
		default:
			return nil, fmt.Errorf("string literal %s at line %d is neither a parameter value nor a fixed one", s.Raw, s.Start.Line)
		}
	}
	if want := len(params) + 2; len(tree.Strings) != want {
		return nil, fmt.Errorf("%d string literals, want %d", len(tree.Strings), want)
	}
	return params, nil
}

// pwshPart is a piece of a PowerShell text at a byte offset.
type pwshPart struct {
	name   string
	offset int
	text   string
}

// checkPwshComposition checks that body, made of parts, reads as the parts read on their own:
// when every part parses cleanly, body parses cleanly and its statements are the parts'
// statements, in order, with the same kind and text at the same places. When a part does not
// parse cleanly by itself (a user script may be anything), there is nothing to compare with and
// the check passes.
func checkPwshComposition(ps *pwshParser, body string, parts []pwshPart) error {
	type stmt struct {
		Kind, Raw string
		Offset    int
	}
	var want []stmt
	for _, p := range parts {
		if body[p.offset:p.offset+len(p.text)] != p.text {
			return fmt.Errorf("the %s is not at offset %d", p.name, p.offset)
		}
		tree, err := ps.parse(p.text)
		if err != nil {
			return err
		}
		if tree.clean() != nil {
			return nil
		}
		for _, s := range tree.Statements {
			want = append(want, stmt{s.Kind, s.Raw, p.offset + s.Start.Offset})
		}
	}
	tree, err := ps.parse(body)
	if err != nil {
		return err
	}
	if err := tree.clean(); err != nil {
		return err
	}
	var got []stmt
	for _, s := range tree.Statements {
		got = append(got, stmt{s.Kind, s.Raw, s.Start.Offset})
	}
	if !slices.Equal(got, want) {
		return fmt.Errorf("statements\n%+v\nwant the parts' statements\n%+v", got, want)
	}
	return nil
}

// checkWindowsKubeletArgs parses the -KubeletExtraArgs value back into labels, taints and extra
// flags and compares them with in.
func checkWindowsKubeletArgs(args string, in Input) error {
	flags := strings.Split(args, " ")
	if len(in.Labels) > 0 {
		v, ok := strings.CutPrefix(flags[0], "--node-labels=")
		if !ok {
			return fmt.Errorf("first kubelet flag %q is not --node-labels", flags[0])
		}
		if err := checkWindowsLabels(v, in.Labels); err != nil {
			return err
		}
		flags = flags[1:]
	}
	if len(in.Taints) > 0 {
		if len(flags) == 0 {
			return errors.New("no --register-with-taints flag")
		}
		v, ok := strings.CutPrefix(flags[0], "--register-with-taints=")
		if !ok {
			return fmt.Errorf("kubelet flag %q is not --register-with-taints", flags[0])
		}
		if err := checkWindowsTaints(v, in.Taints); err != nil {
			return err
		}
		flags = flags[1:]
	}
	if len(flags) != len(in.KubeletFlags) || (len(flags) > 0 && !reflect.DeepEqual(flags, in.KubeletFlags)) {
		return fmt.Errorf("extra kubelet flags %q, want %q", flags, in.KubeletFlags)
	}
	return nil
}

// checkWindowsLabels parses k=v,k=v. Keys holding '=' or ',' and values holding ',' cannot be
// parsed back (the kubelet cannot either; NodeGroup validation refuses them): then the text is
// compared whole.
func checkWindowsLabels(s string, want map[string]string) error {
	ambiguous := false
	for k, v := range want {
		ambiguous = ambiguous || strings.ContainsAny(k, "=,") || strings.Contains(v, ",")
	}
	if ambiguous {
		var pairs []string
		for k, v := range want {
			pairs = append(pairs, k+"="+v)
		}
		sort.Strings(pairs)
		if s != strings.Join(pairs, ",") {
			return fmt.Errorf("--node-labels=%s, want the pairs %q", s, pairs)
		}
		return nil
	}
	got := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(pair, "=")
		if !ok {
			return fmt.Errorf("label %q has no '='", pair)
		}
		if _, dup := got[k]; dup {
			return fmt.Errorf("label %q given twice", k)
		}
		got[k] = v
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("labels %q, want %q", got, want)
	}
	return nil
}

// checkWindowsTaints parses key=value:Effect,key:Effect and compares the taints with want in any
// order.
func checkWindowsTaints(s string, want []Taint) error {
	var got []string
	for _, item := range strings.Split(s, ",") {
		i := strings.LastIndex(item, ":")
		if i < 0 {
			return fmt.Errorf("taint %q has no ':Effect'", item)
		}
		key, value, _ := strings.Cut(item[:i], "=")
		got = append(got, fmt.Sprintf("%q %q %q", key, value, item[i+1:]))
	}
	var wantS []string
	for _, t := range want {
		wantS = append(wantS, fmt.Sprintf("%q %q %q", t.Key, t.Value, t.Effect))
	}
	sort.Strings(got)
	sort.Strings(wantS)
	if !reflect.DeepEqual(got, wantS) {
		return fmt.Errorf("taints %v, want %v", got, wantS)
	}
	return nil
}

// winWithScripts is the minimal Windows input with a pre and a post script ("" for none: a
// blank script is left out).
func winWithScripts(pre, post string) Input {
	return Input{Format: FormatWindows, Cluster: testCluster, PreScripts: []string{pre}, PostScripts: []string{post}}
}

// testWinScript is how a user script appears in the block: "" when blank, else with a final
// newline.
func testWinScript(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !strings.HasSuffix(s, "\n") {
		return s + "\n"
	}
	return s
}

// The PowerShell parser: testdata/pwsh/parse.js, which parses with tree-sitter-powershell (a
// wasm grammar, through web-tree-sitter) and answers in JSON. One node process serves the whole
// test binary, one request per line. scripts/ensure-pwsh-parser.sh installs its npm packages.
// parse.js explains what the grammar reads differently from PowerShell and what it does about
// it: parameter names with digits, line continuations, typographic quotes.

// requirePwshParserEnv, set to 1, turns a missing node or parser into a test failure instead of
// a skip. `make test-go` sets it after running scripts/ensure-pwsh-parser.sh.
const requirePwshParserEnv = "EKSNODES_REQUIRE_PWSH_PARSER"

// pwshDir holds parse.js, its package.json and package-lock.json, and node_modules once
// installed.
const pwshDir = "testdata/pwsh"

type pwshPos struct {
	Offset int `json:"offset"` // in bytes
	Line   int `json:"line"`   // from 1
	Column int `json:"column"` // from 1, in characters
}

// pwshValue is a value as the parser sees it: a string literal, a variable, a hashtable, a
// bareword, a number, or any other expression.
type pwshValue struct {
	Type  string  `json:"type"`
	Raw   string  `json:"raw"`
	Start pwshPos `json:"start"`
	End   pwshPos `json:"end"`
	// Strings: single-quoted, double-quoted, single-quoted-here-string or
	// double-quoted-here-string; the value after PowerShell's unquoting (nil when it expands
	// variables or sub-expressions, which are then listed).
	Kind           string   `json:"kind"`
	Value          *string  `json:"value"`
	Expandable     bool     `json:"expandable"`
	Variables      []string `json:"variables"`
	Subexpressions []string `json:"subexpressions"`
	// Variables: the name with its sigil ($ or @ when splatted).
	Name  string `json:"name"`
	Splat bool   `json:"splat"`
	// Other expressions: the grammar's node type.
	NodeType string `json:"nodeType"`
	// Hashtables.
	Entries []pwshEntry `json:"entries"`
}

func (v pwshValue) String() string {
	switch v.Type {
	case "string":
		return fmt.Sprintf("%s literal %s", v.Kind, v.Raw)
	case "expression":
		return fmt.Sprintf("%s %s", v.NodeType, v.Raw)
	}
	return fmt.Sprintf("%s %s", v.Type, v.Raw)
}

type pwshEntry struct {
	Key     *pwshValue `json:"key"`
	Value   *pwshValue `json:"value"`
	Invalid string     `json:"invalid"` // the node type of something in the table that is no entry
	Raw     string     `json:"raw"`
}

type pwshParam struct {
	Name     string     `json:"name"` // without the dash
	Raw      string     `json:"raw"`
	Colon    bool       `json:"colon"`    // -Name:value
	Argument *pwshValue `json:"argument"` // the argument right after it, if any
}

type pwshCommand struct {
	InvocationOperator *string     `json:"invocationOperator"` // & or ., or nil
	Name               *pwshValue  `json:"name"`
	Parameters         []pwshParam `json:"parameters"`
	Positional         []pwshValue `json:"positional"` // arguments not right after a parameter
	Splats             []string    `json:"splats"`
	Redirections       []string    `json:"redirections"`
	Raw                string      `json:"raw"`
	Statement          int         `json:"statement"` // index of the top-level statement holding it
	Start              pwshPos     `json:"start"`
	End                pwshPos     `json:"end"`
}

type pwshStatement struct {
	Type  string     `json:"type"` // the grammar's node: pipeline, if_statement, ...
	Kind  string     `json:"kind"` // what the pipeline is: command, assignment_expression, string, ...
	Raw   string     `json:"raw"`
	Start pwshPos    `json:"start"`
	End   pwshPos    `json:"end"`
	Value *pwshValue `json:"value"`
}

type pwshAssignment struct {
	Target    *pwshValue `json:"target"`
	Operator  string     `json:"operator"`
	Value     *pwshValue `json:"value"`
	Statement int        `json:"statement"`
	Raw       string     `json:"raw"`
}

// pwshIssue is an ERROR or MISSING node, an empty token, or a quote disagreement.
type pwshIssue struct {
	Kind    string  `json:"kind"`    // ERROR, MISSING or EMPTY
	Missing string  `json:"missing"` // what is missing
	Empty   string  `json:"empty"`   // what is empty
	Reason  string  `json:"reason"`  // quote disagreements
	Text    string  `json:"text"`
	Context string  `json:"context"`
	Start   pwshPos `json:"start"`
	At      pwshPos `json:"at"`
}

func (i pwshIssue) String() string {
	if i.Reason != "" {
		return fmt.Sprintf("line %d column %d: %s: %q (in %q)", i.At.Line, i.At.Column, i.Reason, i.Text, i.Context)
	}
	switch i.Kind {
	case "MISSING":
		return fmt.Sprintf("line %d column %d: MISSING %q (in %q)", i.Start.Line, i.Start.Column, i.Missing, i.Context)
	case "EMPTY":
		return fmt.Sprintf("line %d column %d: empty %s (in %q)", i.Start.Line, i.Start.Column, i.Empty, i.Context)
	}
	return fmt.Sprintf("line %d column %d: ERROR %q (in %q)", i.Start.Line, i.Start.Column, i.Text, i.Context)
}

type pwshRepair struct {
	Kind string  `json:"kind"` // parameter-digits or line-continuation
	At   pwshPos `json:"at"`
	Text string  `json:"text"`
}

// pwshTree is parse.js's answer.
type pwshTree struct {
	Fatal              string            `json:"fatal"`
	Grammar            map[string]string `json:"grammar"`
	HasErrors          bool              `json:"hasErrors"`
	Errors             []pwshIssue       `json:"errors"`
	QuoteDisagreements []pwshIssue       `json:"quoteDisagreements"`
	Repairs            []pwshRepair      `json:"repairs"`
	Statements         []pwshStatement   `json:"statements"`
	Comments           []pwshValue       `json:"comments"`
	Commands           []pwshCommand     `json:"commands"`
	Assignments        []pwshAssignment  `json:"assignments"`
	Strings            []pwshValue       `json:"strings"`
}

// clean returns an error describing every ERROR and MISSING node and every quote that
// PowerShell reads differently from the grammar, or nil when there is none.
func (t *pwshTree) clean() error {
	var problems []string
	for _, e := range t.Errors {
		problems = append(problems, e.String())
	}
	for _, q := range t.QuoteDisagreements {
		problems = append(problems, q.String())
	}
	if t.HasErrors != (len(t.Errors) > 0) {
		problems = append(problems, "hasErrors disagrees with the errors listed")
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("PowerShell parse: %s", strings.Join(problems, "; "))
}

// pwshParser talks to one `node parse.js --serve` process.
type pwshParser struct {
	mu     sync.Mutex
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *bytes.Buffer
}

var (
	pwshOnce   sync.Once
	pwshShared *pwshParser
	pwshErr    error
)

// pwshParserFor returns the shared parser. Without node or the parser's npm packages it skips
// tb, or fails it when EKSNODES_REQUIRE_PWSH_PARSER=1.
func pwshParserFor(tb testing.TB) *pwshParser {
	tb.Helper()
	pwshOnce.Do(func() { pwshShared, pwshErr = startPwshParser() })
	if pwshErr != nil {
		if os.Getenv(requirePwshParserEnv) == "1" {
			tb.Fatalf("the PowerShell parser is not available and %s=1: %v (run scripts/ensure-pwsh-parser.sh)", requirePwshParserEnv, pwshErr)
		}
		tb.Skipf("the PowerShell parser is not available: %v: skipping (scripts/ensure-pwsh-parser.sh installs it; %s=1 makes this a failure)", pwshErr, requirePwshParserEnv)
	}
	return pwshShared
}

func startPwshParser() (*pwshParser, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("node is not on PATH")
	}
	for _, f := range []string{
		"parse.js",
		"node_modules/web-tree-sitter/package.json",
		"node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm",
	} {
		if _, err := os.Stat(filepath.Join(pwshDir, f)); err != nil {
			return nil, fmt.Errorf("%s/%s is missing", pwshDir, f)
		}
	}
	cmd := exec.Command(node, "parse.js", "--serve")
	cmd.Dir = pwshDir
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p := &pwshParser{in: in, out: bufio.NewReader(out), stderr: &bytes.Buffer{}}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	// The process ends when the test binary does: its stdin closes.
	tree, err := p.parse("Write-Output 'ok'")
	if err != nil {
		return nil, err
	}
	if err := tree.clean(); err != nil || len(tree.Commands) != 1 {
		return nil, fmt.Errorf("the parser misreads a trivial script: %v %+v", err, tree.Commands)
	}
	return p, nil
}

// parse parses src as PowerShell as PowerShell reads it (parse.js's repairs on).
func (p *pwshParser) parse(src string) (*pwshTree, error) { return p.request(src, true) }

// parseAsGrammar parses src as the grammar alone reads it (no repairs).
func (p *pwshParser) parseAsGrammar(src string) (*pwshTree, error) { return p.request(src, false) }

func (p *pwshParser) request(src string, repair bool) (*pwshTree, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	req, err := json.Marshal(map[string]any{"src": src, "repair": repair})
	if err != nil {
		return nil, err
	}
	if _, err := p.in.Write(append(req, '\n')); err != nil {
		return nil, fmt.Errorf("PowerShell parser: %w (stderr: %s)", err, p.stderr)
	}
	line, err := p.out.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("PowerShell parser: %w (stderr: %s)", err, p.stderr)
	}
	var tree pwshTree
	if err := json.Unmarshal(line, &tree); err != nil {
		return nil, fmt.Errorf("PowerShell parser answered %q: %w", line, err)
	}
	if tree.Fatal != "" {
		return nil, fmt.Errorf("PowerShell parser failed: %s", tree.Fatal)
	}
	return &tree, nil
}

// requirePwshClean fails t unless each non-blank script parses with no ERROR or MISSING node
// and no quote disagreement.
func requirePwshClean(t *testing.T, ps *pwshParser, scripts ...string) {
	t.Helper()
	for _, s := range scripts {
		if strings.TrimSpace(s) == "" {
			continue
		}
		tree, err := ps.parse(s)
		require.NoError(t, err)
		require.NoError(t, tree.clean(), "script %q", s)
	}
}

// TestPwshParserReadsAsPowerShell pins what the parser (tree-sitter-powershell plus parse.js)
// reports, broken documents first: each check that checkWindowsUserData relies on can fail.
// It also records what the grammar alone gets wrong and how parse.js makes up for it.
func TestPwshParserReadsAsPowerShell(t *testing.T) {
	ps := pwshParserFor(t)
	parse := func(t *testing.T, src string) *pwshTree {
		t.Helper()
		tree, err := ps.parse(src)
		require.NoError(t, err)
		return tree
	}
	stmts := func(tree *pwshTree) []string {
		var raws []string
		for _, s := range tree.Statements {
			raws = append(raws, s.Raw)
		}
		return raws
	}

	t.Run("versions", func(t *testing.T) {
		tree := parse(t, "1")
		assert.Equal(t, map[string]string{"tree-sitter-powershell": "0.26.4", "web-tree-sitter": "0.26.4"}, tree.Grammar,
			"the versions pinned in testdata/pwsh/package-lock.json")
	})

	// ERROR and MISSING nodes.
	for _, tt := range []struct{ name, src string }{
		{"unterminated literal", "$x = 'abc\n"},
		{"unclosed hashtable", "$p = @{\n    a = 'b'\n"},
		{"unclosed block", "if ($true) {\n    exit 1\n"},
		{"value breaking out of a hashtable entry", "$p = @{\n    EKSClusterName = 'x'; Stop-Computer; ''\n}\n"},
		{"unterminated here-string", "$x = @'\nabc\n"},
		{"incomplete pipeline", "Write-Output 'a' |\n"},
		{"stray closing brace", "}\n"},
	} {
		t.Run("error/"+tt.name, func(t *testing.T) {
			tree := parse(t, tt.src)
			assert.True(t, tree.HasErrors)
			assert.NotEmpty(t, tree.Errors)
			for _, e := range tree.Errors {
				assert.Contains(t, []string{"ERROR", "MISSING"}, e.Kind)
				assert.Positive(t, e.Start.Line)
				assert.NotEmpty(t, e.Context)
			}
			assert.ErrorContains(t, tree.clean(), "PowerShell parse")
		})
	}

	// Found by FuzzRenderWindows: the grammar makes an empty command name where PowerShell
	// finds a syntax error ('<' is reserved); parse.js reports it.
	t.Run("error/empty command name", func(t *testing.T) {
		tree := parse(t, "< A0000\n")
		require.Len(t, tree.Errors, 1)
		assert.Equal(t, "EMPTY", tree.Errors[0].Kind)
		assert.Equal(t, "command_name", tree.Errors[0].Empty)
		assert.ErrorContains(t, tree.clean(), "empty command_name")
	})

	// Parameter names with digits: the grammar's command_parameter token has no digits.
	t.Run("digits in a parameter name, as the grammar reads them", func(t *testing.T) {
		tree, err := ps.parseAsGrammar("& 'x.ps1' -Base64ClusterCA 'abc' -EKSClusterName 'n'\n")
		require.NoError(t, err)
		require.True(t, tree.HasErrors, "-Base64ClusterCA splits at the digits")
		var names []string
		for _, c := range tree.Commands {
			names = append(names, c.Name.Raw)
		}
		assert.Contains(t, names, "64ClusterCA", "the rest of the name is read as a new command")
		assert.Equal(t, "Base", tree.Commands[0].Parameters[0].Name)

		tree, err = ps.parseAsGrammar("Write-Output -X1 y\n")
		require.NoError(t, err)
		require.True(t, tree.HasErrors)
		assert.Equal(t, "MISSING", tree.Errors[0].Kind)
		assert.Equal(t, ">", tree.Errors[0].Missing, "-X1 reads as -X and a redirection 1 with no >")
	})
	t.Run("digits in a parameter name, repaired", func(t *testing.T) {
		tree := parse(t, "& 'x.ps1' -Base64ClusterCA 'a''b' -EKSClusterName:'n' -X1 y\n")
		require.NoError(t, tree.clean())
		require.Len(t, tree.Commands, 1)
		c := tree.Commands[0]
		var got []string
		for _, p := range c.Parameters {
			require.NotNil(t, p.Argument, p.Name)
			got = append(got, fmt.Sprintf("%s colon=%v %s", p.Name, p.Colon, p.Argument))
		}
		assert.Equal(t, []string{
			"Base64ClusterCA colon=false single-quoted literal 'a''b'",
			"EKSClusterName colon=true single-quoted literal 'n'",
			"X1 colon=false bareword y",
		}, got)
		assert.Equal(t, "a'b", *c.Parameters[0].Argument.Value)
		require.Len(t, tree.Repairs, 2)
		for _, r := range tree.Repairs {
			assert.Equal(t, "parameter-digits", r.Kind)
		}
	})

	// Line continuations: the grammar skips the newline after one too.
	t.Run("a blank line after a line continuation ends the statement", func(t *testing.T) {
		const src = "Write-Output `\n\n$c = 1\n"
		raw, err := ps.parseAsGrammar(src)
		require.NoError(t, err)
		assert.Len(t, raw.Statements, 1, "the grammar alone runs the statements together: %q", stmts(raw))
		tree := parse(t, src)
		require.NoError(t, tree.clean())
		require.Len(t, tree.Statements, 2, "%q", stmts(tree))
		assert.Equal(t, "assignment_expression", tree.Statements[1].Kind)
		assert.Equal(t, "line-continuation", tree.Repairs[0].Kind)
	})
	t.Run("a line continuation inside a string is the string's", func(t *testing.T) {
		tree := parse(t, "$a = \"x`\ny\"\n$b = 'x`\ny'\n")
		require.NoError(t, tree.clean())
		assert.Empty(t, tree.Repairs)
		require.Len(t, tree.Strings, 2)
		assert.Equal(t, "x\ny", *tree.Strings[0].Value)
		assert.Equal(t, "x`\ny", *tree.Strings[1].Value)
	})

	// Typographic quotes: PowerShell's, not the grammar's.
	for _, tt := range []struct {
		name, src     string
		grammarErrors bool // the grammar alone finds an error too
	}{
		{"a lone typographic quote ends a single-quoted literal", "$x = 'it’s'\n", false},
		{"a typographic breakout", "$x = 'x’; Stop-Computer; ’'\n", false},
		{"the closing quote pairs with a typographic quote after it", "$x = 'a'’\n", true},
		{"a typographic double quote ends a double-quoted literal", "$x = \"a”; Stop-Computer; “\"\n", false},
		{"a bareword opens a string that PowerShell does not close", "Write-Output ‘x\n$y = 1\n", false},
		{"a typographic quote closes a single-quoted here-string", "$x = @'\na\n’@\n$y = 1\n'@\n", false},
		// The input TestRenderWindowsScriptsVerbatim used to render: 'café ’' is unterminated
		// to PowerShell (’' is an escaped quote), so it runs on into the next line.
		{"a pre script with an unterminated literal", "Write-Output 'café ’'\n\n$p = @{\n    a = 'b'\n}\n", false},
	} {
		t.Run("quotes/"+tt.name, func(t *testing.T) {
			tree := parse(t, tt.src)
			assert.Equal(t, tt.grammarErrors, tree.HasErrors, "whether the grammar alone sees something wrong")
			require.NotEmpty(t, tree.QuoteDisagreements)
			assert.ErrorContains(t, tree.clean(), "PowerShell")
		})
	}
	t.Run("quotes/balanced typographic quotes", func(t *testing.T) {
		tree := parse(t, "$a = 'it’’s ‘‘q’’'\n$b = \"say “”hi””\"\nWrite-Output ‘x’ ‚y‛\n")
		require.NoError(t, tree.clean())
		require.Len(t, tree.Strings, 2)
		assert.Equal(t, "it’s ‘q’", *tree.Strings[0].Value, "a pair reads back as its second quote")
		assert.Equal(t, "say ”hi”", *tree.Strings[1].Value)
	})

	// String kinds and values.
	t.Run("no statements", func(t *testing.T) {
		for _, src := range []string{"", "\n", "# ünïcödé", "# a\n\n<# b #>\n"} {
			raw, err := ps.parseAsGrammar(src)
			require.NoError(t, err)
			assert.True(t, raw.HasErrors, "the grammar alone wants a statement: %q", src)
			tree := parse(t, src)
			require.NoError(t, tree.clean(), "%q", src)
			assert.Empty(t, tree.Statements)
		}
		assert.True(t, parse(t, "# a\n}\n").HasErrors, "only comments and white space are let through")
	})
	t.Run("string kinds", func(t *testing.T) {
		tree := parse(t, "$a = 'x''y'\n$b = \"t`t$c\"\n$d = \"q`\"\"\"\"\n$e = @'\nh'@ $x\n'@\n$f = @\"\nh $(1)\n\"@\n")
		require.NoError(t, tree.clean())
		var got []string
		for _, s := range tree.Strings {
			v := "<expands>"
			if s.Value != nil {
				v = *s.Value
			}
			got = append(got, fmt.Sprintf("%s %q %v %q %q", s.Kind, v, s.Expandable, s.Variables, s.Subexpressions))
		}
		assert.Equal(t, []string{
			`single-quoted "x'y" false [] []`,
			`double-quoted "<expands>" true ["$c"] []`,
			`double-quoted "q\"\"" false [] []`,
			`single-quoted-here-string "h'@ $x" false [] []`,
			`double-quoted-here-string "<expands>" true [] ["$(1)"]`,
		}, got)
	})
}

// TestCheckPwshCompositionRejects shows the whole-block check failing: parts that parse cleanly
// alone but run into each other when joined without the blank line the renderer puts between
// them.
func TestCheckPwshCompositionRejects(t *testing.T) {
	ps := pwshParserFor(t)
	pre, section := "Write-Output `\n", "$x = 1\n"
	require.NoError(t, checkPwshComposition(ps, pre+"\n"+section,
		[]pwshPart{{"pre", 0, pre}, {"section", len(pre) + 1, section}}), "with the blank line")
	assert.Error(t, checkPwshComposition(ps, pre+section,
		[]pwshPart{{"pre", 0, pre}, {"section", len(pre), section}}), "without it")

	pre = "Write-Output 'a' |\n"
	assert.NoError(t, checkPwshComposition(ps, pre+section, []pwshPart{{"pre", 0, pre}, {"section", len(pre), section}}),
		"a part that does not parse alone is not compared")
	pre = "Write-Output 'a'\n"
	assert.Error(t, checkPwshComposition(ps, pre+"'"+section, []pwshPart{{"pre", 0, pre}, {"section", len(pre) + 1, section}}),
		"the whole must parse cleanly")
}
