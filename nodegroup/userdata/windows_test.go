package userdata

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type windowsScenario struct {
	name string
	in   Windows
}

// windowsScenarios mirrors nodeadmScenarios: same names, same facts where Windows has them.
func windowsScenarios() []windowsScenario {
	fullCluster := testCluster
	fullCluster.CertificateAuthority = realisticCA()
	return []windowsScenario{
		{name: "minimal", in: Windows{Cluster: testCluster}},
		{name: "labels-taints", in: Windows{
			Cluster: testCluster,
			Labels: map[string]string{
				"tier":                         "backend",
				"team":                         "payments",
				"node.kubernetes.io/lifecycle": "normal",
			},
			// Deliberately out of order: the output must be sorted by key, then effect.
			Taints: []Taint{
				{Key: "dedicated", Value: "payments", Effect: "NoSchedule"},
				{Key: "node.eksnodes.io/draining", Effect: "PreferNoSchedule"},
				{Key: "dedicated", Value: "payments", Effect: "NoExecute"},
			},
		}},
		{name: "kubelet", in: Windows{
			Cluster: testCluster,
			// Windows has no kubelet config part: reservations are flags.
			KubeletFlags: []string{
				"--v=2",
				"--container-log-max-size=50Mi",
				"--kube-reserved=cpu=100m,memory=1Gi,ephemeral-storage=1Gi",
			},
		}},
		{name: "scripts", in: Windows{
			Cluster:   testCluster,
			PreScript: "Add-Content -Path 'C:\\eksnodes.log' -Value \"before bootstrap: $(Get-Date -Format o)\"\n",
			// No final newline: one is added.
			PostScript: "Restart-Service -Name AmazonSSMAgent",
		}},
		{name: "full", in: Windows{
			Cluster: fullCluster,
			Labels: map[string]string{
				"eksnodes.io/nodegroup":            "win-a",
				"node.kubernetes.io/lifecycle":     "spot",
				"team":                             "web",
				"topology.eksnodes.io/rack-canary": "",
			},
			Taints: []Taint{
				{Key: "os", Value: "windows", Effect: "NoSchedule"},
				{Key: "dedicated", Value: "web", Effect: "NoSchedule"},
				{Key: "node.eksnodes.io/warming", Effect: "NoExecute"},
			},
			KubeletFlags: []string{"--v=2", "--max-pods=58"},
			PreScript: "$ErrorActionPreference = 'Stop'\n" +
				"New-Item -ItemType Directory -Force -Path 'C:\\eksnodes' | Out-Null\n" +
				"Set-Content -Path 'C:\\eksnodes\\nodegroup' -Value 'win-a'\n",
			PostScript: "Set-Service -Name AmazonSSMAgent -StartupType Automatic\n" +
				"Start-Service -Name AmazonSSMAgent\n",
		}},
	}
}

func TestRenderWindowsGolden(t *testing.T) {
	for _, sc := range windowsScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			got, err := RenderWindows(sc.in)
			require.NoError(t, err)
			checkGolden(t, "windows", sc.name, got)
		})
	}
}

// TestRenderWindowsStructure reads each rendered document with the tokenizer below and checks
// what it finds against the input, independently of the golden files.
func TestRenderWindowsStructure(t *testing.T) {
	for _, sc := range windowsScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			doc, err := RenderWindows(sc.in)
			require.NoError(t, err)
			params, err := checkWindowsUserData(doc, sc.in)
			require.NoError(t, err, doc)
			_, hasKubelet := params["KubeletExtraArgs"]
			assert.Equal(t, len(sc.in.Labels)+len(sc.in.Taints)+len(sc.in.KubeletFlags) > 0, hasKubelet,
				"-KubeletExtraArgs is passed exactly when there are kubelet flags")
			assert.NotContains(t, doc, "\r", "user data uses LF line endings")
		})
	}
}

func TestRenderWindowsFitsMaxBytes(t *testing.T) {
	for _, sc := range windowsScenarios() {
		if sc.name != "full" {
			continue
		}
		doc, err := RenderWindows(sc.in)
		require.NoError(t, err)
		assert.Less(t, len(doc), MaxBytes, "user data must fit EC2's raw limit")
		assert.Greater(t, len(doc), 2048, "the full scenario carries a realistic CA bundle")
		return
	}
	t.Fatal(`no "full" scenario`)
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
	for i, payload := range winInjections {
		inKubelet := !strings.ContainsFunc(payload, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		cases := map[string]func(*Windows){
			"cluster name":     func(w *Windows) { w.Cluster.Name = payload },
			"cluster endpoint": func(w *Windows) { w.Cluster.Endpoint = "https://example.com/" + payload },
			"cluster CA":       func(w *Windows) { w.Cluster.CertificateAuthority = payload },
		}
		if inKubelet {
			cases["label key"] = func(w *Windows) { w.Labels = map[string]string{payload: "v"} }
			cases["label value"] = func(w *Windows) { w.Labels = map[string]string{"k": payload} }
			cases["taint value"] = func(w *Windows) { w.Taints = []Taint{{Key: "k", Value: payload, Effect: "NoSchedule"}} }
			cases["kubelet flag"] = func(w *Windows) { w.KubeletFlags = []string{"--v=2", "--x=" + payload} }
		}
		for what, set := range cases {
			t.Run(fmt.Sprintf("%d/%s", i, what), func(t *testing.T) {
				in := Windows{Cluster: testCluster, PreScript: "Write-Output 'pre'", PostScript: "Write-Output 'post'"}
				set(&in)
				doc, err := RenderWindows(in)
				require.NoError(t, err)
				_, err = checkWindowsUserData(doc, in)
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
		set     func(*Windows)
		wantErr string
	}
	var tests []refusal
	for _, tag := range tags {
		for what, set := range map[string]func(*Windows, string){
			"cluster name": func(w *Windows, s string) { w.Cluster.Name = s },
			"endpoint":     func(w *Windows, s string) { w.Cluster.Endpoint = s },
			"CA":           func(w *Windows, s string) { w.Cluster.CertificateAuthority = s },
			"label key":    func(w *Windows, s string) { w.Labels = map[string]string{s: "v"} },
			"label value":  func(w *Windows, s string) { w.Labels = map[string]string{"k": s} },
			"taint key":    func(w *Windows, s string) { w.Taints = []Taint{{Key: s, Effect: "NoSchedule"}} },
			"kubelet flag": func(w *Windows, s string) { w.KubeletFlags = []string{"--x=" + s} },
			"pre script":   func(w *Windows, s string) { w.PreScript = "Write-Output 'a'\n" + s + "\nWrite-Output 'b'" },
			"post script":  func(w *Windows, s string) { w.PostScript = s },
		} {
			tests = append(tests, refusal{
				name:    what + " " + tag,
				set:     func(w *Windows) { set(w, tag) },
				wantErr: "EC2Launch",
			})
		}
	}
	tests = append(tests,
		// A tag split across two kubelet flags, joined by a space.
		refusal{"tag across flags", func(w *Windows) { w.KubeletFlags = []string{"--a=<", "/powershell>"} }, "EC2Launch"},
		refusal{"NUL in name", func(w *Windows) { w.Cluster.Name = "a\x00b" }, "NUL"},
		refusal{"NUL in CA", func(w *Windows) { w.Cluster.CertificateAuthority = "\x00" }, "NUL"},
		refusal{"NUL in flag", func(w *Windows) { w.KubeletFlags = []string{"--v=\x00"} }, "NUL"},
		refusal{"NUL in label", func(w *Windows) { w.Labels = map[string]string{"k": "\x00"} }, "NUL"},
		refusal{"NUL in pre script", func(w *Windows) { w.PreScript = "echo\x00" }, "NUL"},
		refusal{"NUL in post script", func(w *Windows) { w.PostScript = "\x00" }, "NUL"},
		// 0x92 is ’ in Windows-1252.
		refusal{"invalid UTF-8 in name", func(w *Windows) { w.Cluster.Name = "a\x92; calc; \x92" }, "UTF-8"},
		refusal{"invalid UTF-8 in pre script", func(w *Windows) { w.PreScript = "'\xff'" }, "UTF-8"},
		// Ò is C3 92: "Ã’" in Windows-1252.
		refusal{"non-ASCII in name", func(w *Windows) { w.Cluster.Name = "Ò; calc; Ò" }, "ASCII"},
		refusal{"non-ASCII in label", func(w *Windows) { w.Labels = map[string]string{"k": "café"} }, "ASCII"},
		refusal{"bad CIDR", func(w *Windows) { w.Cluster.ServiceCIDR = "172.20.0.0" }, "CIDR"},
		refusal{"IPv6 CIDR", func(w *Windows) { w.Cluster.ServiceCIDR = "fd00::/108" }, "CIDR"},
		refusal{"CIDR too small", func(w *Windows) { w.Cluster.ServiceCIDR = "10.0.0.0/29" }, "CIDR"},
		refusal{"CIDR with a quote", func(w *Windows) { w.Cluster.ServiceCIDR = "10.0.0.0/16'" }, "CIDR"},
		refusal{"empty name", func(w *Windows) { w.Cluster.Name = "" }, "cluster name is empty"},
		refusal{"empty endpoint", func(w *Windows) { w.Cluster.Endpoint = "" }, "cluster endpoint is empty"},
		refusal{"empty CA", func(w *Windows) { w.Cluster.CertificateAuthority = "" }, "certificate authority is empty"},
		refusal{"space in flag", func(w *Windows) { w.KubeletFlags = []string{"--v=2 --anonymous-auth=true"} }, "space-separated"},
		refusal{"tab in flag", func(w *Windows) { w.KubeletFlags = []string{"--v=2\t--anonymous-auth=true"} }, "space-separated"},
		refusal{"NBSP in flag", func(w *Windows) { w.KubeletFlags = []string{"--v=2\u00a0--anonymous-auth=true"} }, "space-separated"},
		refusal{"quote in flag", func(w *Windows) { w.KubeletFlags = []string{`--eviction-hard="memory.available<500Mi"`} }, "space-separated"},
		refusal{"empty flag", func(w *Windows) { w.KubeletFlags = []string{"--v=2", ""} }, "kubelet flag 2 is empty"},
		refusal{"space in label value", func(w *Windows) { w.Labels = map[string]string{"k": "a --anonymous-auth=true"} }, "space-separated"},
		refusal{"newline in label key", func(w *Windows) { w.Labels = map[string]string{"a\nb": "v"} }, "space-separated"},
		refusal{"quote in taint key", func(w *Windows) { w.Taints = []Taint{{Key: `a"`, Effect: "NoSchedule"}} }, "space-separated"},
		refusal{"space in taint effect", func(w *Windows) { w.Taints = []Taint{{Key: "a", Effect: "No Schedule"}} }, "space-separated"},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Windows{Cluster: testCluster}
			tt.set(&in)
			var doc string
			var err error
			require.NotPanics(t, func() { doc, err = RenderWindows(in) })
			require.Error(t, err, doc)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.Empty(t, doc)
		})
	}
}

func TestRenderWindowsScriptsVerbatim(t *testing.T) {
	for _, tt := range []struct {
		name, pre, post string
		wantBlank       bool
	}{
		{name: "blank scripts are left out", pre: " \n\t\n", post: "\n", wantBlank: true},
		{name: "final newline added", pre: "Write-Output 'a'", post: "Write-Output 'b'"},
		{name: "CRLF kept", pre: "Write-Output 'a'\r\n", post: "Write-Output 'b'\r\n"},
		{name: "trailing backtick", pre: "Write-Output `", post: "Write-Output 'b'"},
		{name: "non-ASCII in scripts is theirs", pre: "Write-Output 'café ’'", post: "# ünïcödé"},
		{name: "typographic quotes in scripts are theirs", pre: "Write-Output ‘x’", post: "Write-Output ‚y‛"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := Windows{Cluster: testCluster, PreScript: tt.pre, PostScript: tt.post}
			doc, err := RenderWindows(in)
			require.NoError(t, err)
			_, err = checkWindowsUserData(doc, in)
			require.NoError(t, err, doc)
			if tt.wantBlank {
				minimal, err := RenderWindows(Windows{Cluster: testCluster})
				require.NoError(t, err)
				assert.Equal(t, minimal, doc)
			}
		})
	}
	t.Run("a trailing backtick is followed by a blank line", func(t *testing.T) {
		doc, err := RenderWindows(Windows{Cluster: testCluster, PreScript: "Write-Output `"})
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
	for _, s := range append([]string{"", "plain", "'''", "’’’’", "a'b’c‘d‚e‛f"}, winInjections...) {
		toks, err := psTokenize(winPSQuote(s))
		require.NoError(t, err, "%q", s)
		require.Equal(t, []psTok{{kind: psLiteral, text: s}}, toks, "%q must read back as one literal", s)
	}
}

// TestCheckWindowsUserDataRejects proves the structure check can fail: each mutation of a good
// document must be caught.
func TestCheckWindowsUserDataRejects(t *testing.T) {
	in := windowsScenarios()[len(windowsScenarios())-1].in
	good, err := RenderWindows(in)
	require.NoError(t, err)
	_, err = checkWindowsUserData(good, in)
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
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := tt.mutate(good)
			require.NotEqual(t, good, bad, "the mutation must apply")
			_, err := checkWindowsUserData(bad, in)
			assert.Error(t, err)
		})
	}
}

// FuzzRenderWindows: whatever the cluster name, endpoint, label, kubelet flag and pre script,
// RenderWindows never panics, and whenever it renders, the document has the structure that
// checkWindowsUserData reads and every value comes back from its literal.
func FuzzRenderWindows(f *testing.F) {
	for _, sc := range windowsScenarios() {
		var k, v, flag string
		if keys := slices.Sorted(maps.Keys(sc.in.Labels)); len(keys) > 0 {
			k, v = keys[0], sc.in.Labels[keys[0]]
		}
		if len(sc.in.KubeletFlags) > 0 {
			flag = sc.in.KubeletFlags[0]
		}
		f.Add(sc.in.Cluster.Name, sc.in.Cluster.Endpoint, k, v, flag, sc.in.PreScript)
	}
	for _, payload := range winInjections {
		f.Add(payload, "https://example.com/"+payload, "k", payload, "--x="+payload, payload)
	}
	f.Add("a", "b", "</powershell>", "", "--a=<", "<script>")
	f.Add("\x00", "\xff", "k", "Ò", "--a", "\x92")

	f.Fuzz(func(t *testing.T, name, endpoint, labelKey, labelValue, flag, pre string) {
		in := Windows{
			Cluster:    Cluster{Name: name, Endpoint: endpoint, CertificateAuthority: testCA, ServiceCIDR: testCluster.ServiceCIDR},
			Taints:     []Taint{{Key: "dedicated", Value: "fuzz", Effect: "NoSchedule"}},
			PreScript:  pre,
			PostScript: "Write-Output 'post'\n",
		}
		if labelKey != "" || labelValue != "" {
			in.Labels = map[string]string{labelKey: labelValue}
		}
		if flag != "" {
			in.KubeletFlags = []string{"--v=2", flag}
		}
		doc, err := RenderWindows(in)
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
		params, err := checkWindowsUserData(doc, in)
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
//   - the bootstrap section, read by psTokenize, is a hashtable of Start-EKSBootstrap.ps1
//     parameters whose every value is one single-quoted literal, then exactly the expected call
//     and failure check, token for token, with no value anywhere in them;
//   - each literal reads back as the input value, and the kubelet arguments parse back into the
//     input's labels, taints and extra flags.
//
// It returns the parameters read from the hashtable.
func checkWindowsUserData(doc string, in Windows) (map[string]string, error) {
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

	if pre := testWinScript(in.PreScript); pre != "" {
		if !strings.HasPrefix(body, pre+"\n") {
			return nil, errors.New("the block does not start with the pre script, verbatim, and a blank line")
		}
		body = body[len(pre)+1:]
	}
	if post := testWinScript(in.PostScript); post != "" {
		if !strings.HasSuffix(body, "\n"+post) {
			return nil, errors.New("the block does not end with a blank line and the post script, verbatim")
		}
		body = body[:len(body)-len(post)-1]
	}

	toks, err := psTokenize(body)
	if err != nil {
		return nil, fmt.Errorf("bootstrap section: %w", err)
	}
	lines := psLines(toks)
	if len(lines) == 0 || !psWords(lines[0], "$eksnodesBootstrapParameters", "=", "@{") {
		return nil, fmt.Errorf("the bootstrap section does not open the parameter table: %v", lines)
	}
	params := map[string]string{}
	i := 1
	for ; i < len(lines) && !psWords(lines[i], "}"); i++ {
		l := lines[i]
		if len(l) != 3 || l[0].kind != psWord || !psWords(l[1:2], "=") || l[2].kind != psLiteral {
			return nil, fmt.Errorf("parameter line %v is not `Name = 'literal'`", l)
		}
		if _, dup := params[l[0].text]; dup {
			return nil, fmt.Errorf("parameter %s given twice", l[0].text)
		}
		params[l[0].text] = l[2].text
	}
	if i == len(lines) {
		return nil, errors.New("the parameter table is not closed")
	}
	tail := [][]string{
		{"$global:LASTEXITCODE", "=", "0"},
		{"&", `"$env:ProgramFiles\Amazon\EKS\Start-EKSBootstrap.ps1"`, "@eksnodesBootstrapParameters", "3>&1", "4>&1", "5>&1", "6>&1"},
		{"if", "(-not", "$?", "-or", "$global:LASTEXITCODE", "-ne", "0)", "{"},
		{"[Console]::Error.WriteLine(", `"Start-EKSBootstrap.ps1 failed (exit code $global:LASTEXITCODE)"`, ")"},
		{"exit", "1"},
		{"}"},
	}
	rest := lines[i+1:]
	if len(rest) != len(tail) {
		return nil, fmt.Errorf("after the parameter table: %d statements, want %d: %v", len(rest), len(tail), rest)
	}
	for j, want := range tail {
		if !psWords(rest[j], want...) {
			return nil, fmt.Errorf("after the parameter table, line %d is %v, want %q", j+1, rest[j], want)
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

// checkWindowsKubeletArgs parses the -KubeletExtraArgs value back into labels, taints and extra
// flags and compares them with in.
func checkWindowsKubeletArgs(args string, in Windows) error {
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

// A tokenizer for the subset of PowerShell that the bootstrap section is written in, faithful
// to PowerShell's own where values are concerned:
//   - a single-quoted string starts and ends at any character PowerShell takes for a single
//     quote (', U+2018, U+2019, U+201A, U+201B); inside it two of them in a row stand for the
//     second, and nothing else is special;
//   - a double-quoted string (", U+201C, U+201D, U+201E) is kept whole, raw, as a word; a
//     backtick escapes the next character and a doubled double quote stands for one;
//   - # at the start of a token starts a comment to the end of the line;
//   - anything else is a word: a run of characters up to whitespace or a quote.
//
// What the renderer never writes is an error: carriage returns, backticks outside strings
// (escapes, line continuations), block comments (<#), here-strings (@' and @").
type psTokKind int

const (
	psWord psTokKind = iota
	psLiteral
	psNewline
)

type psTok struct {
	kind psTokKind
	text string // a word's raw text; a literal's value
}

func (t psTok) String() string {
	switch t.kind {
	case psLiteral:
		return fmt.Sprintf("literal(%q)", t.text)
	case psNewline:
		return "NL"
	}
	return t.text
}

func psIsSingleQuote(r rune) bool {
	return r == '\'' || r == '‘' || r == '’' || r == '‚' || r == '‛'
}

func psIsDoubleQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„'
}

func psTokenize(src string) ([]psTok, error) {
	rs := []rune(src)
	var toks []psTok
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\n':
			toks = append(toks, psTok{kind: psNewline})
			i++
		case r == ' ' || r == '\t':
			i++
		case r == '\r':
			return nil, fmt.Errorf("carriage return at %d", i)
		case r == '`':
			return nil, fmt.Errorf("backtick outside a string at %d", i)
		case r == '#':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case r == '<' && i+1 < len(rs) && rs[i+1] == '#':
			return nil, fmt.Errorf("block comment at %d", i)
		case r == '@' && i+1 < len(rs) && (psIsSingleQuote(rs[i+1]) || psIsDoubleQuote(rs[i+1])):
			return nil, fmt.Errorf("here-string at %d", i)
		case psIsSingleQuote(r):
			var b strings.Builder
			for i++; ; i++ {
				if i >= len(rs) {
					return nil, errors.New("unterminated single-quoted string")
				}
				if psIsSingleQuote(rs[i]) {
					if i+1 < len(rs) && psIsSingleQuote(rs[i+1]) {
						i++
						b.WriteRune(rs[i])
						continue
					}
					i++
					break
				}
				b.WriteRune(rs[i])
			}
			toks = append(toks, psTok{kind: psLiteral, text: b.String()})
		case psIsDoubleQuote(r):
			start := i
			for i++; ; i++ {
				if i >= len(rs) {
					return nil, errors.New("unterminated double-quoted string")
				}
				if rs[i] == '`' {
					i++
					continue
				}
				if psIsDoubleQuote(rs[i]) {
					if i+1 < len(rs) && psIsDoubleQuote(rs[i+1]) {
						i++
						continue
					}
					i++
					break
				}
			}
			toks = append(toks, psTok{kind: psWord, text: string(rs[start:i])})
		default:
			start := i
			for i < len(rs) && !strings.ContainsRune(" \t\r\n`", rs[i]) && !psIsSingleQuote(rs[i]) && !psIsDoubleQuote(rs[i]) {
				i++
			}
			toks = append(toks, psTok{kind: psWord, text: string(rs[start:i])})
		}
	}
	return toks, nil
}

// psLines splits tokens into lines, dropping empty ones.
func psLines(toks []psTok) [][]psTok {
	var lines [][]psTok
	var cur []psTok
	for _, t := range toks {
		if t.kind == psNewline {
			if len(cur) > 0 {
				lines = append(lines, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// psWords reports whether line is exactly the given words, with no literal.
func psWords(line []psTok, words ...string) bool {
	if len(line) != len(words) {
		return false
	}
	for i, w := range words {
		if line[i].kind != psWord || line[i].text != w {
			return false
		}
	}
	return true
}
