package userdata

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireShellcheckEnv, set to 1, turns a missing shellcheck into a test failure instead of a
// skip. `make test` sets it after running scripts/ensure-shellcheck.sh.
const requireShellcheckEnv = "EKSNODES_REQUIRE_SHELLCHECK"

// al2Shellcheck are the options shellcheck runs the rendered scripts with: bash, every optional
// check, and no exclusions.
var al2Shellcheck = []string{"--shell=bash", "--enable=all", "--severity=style"}

// TestRenderAL2Shell checks each AL2 scenario's script with bash and shellcheck, then runs it
// against a stub bootstrap.sh, independently of the golden files.
func TestRenderAL2Shell(t *testing.T) {
	for _, sc := range scenariosOf(FormatAL2) {
		t.Run(sc.name, func(t *testing.T) {
			script, err := Render(sc.in)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(script, "#!/bin/bash\n"), "bash shebang first")
			assert.NotContains(t, script, "\r", "user data uses LF line endings")

			t.Run("bash -n", func(t *testing.T) { al2BashSyntax(t, script) })
			t.Run("shellcheck", func(t *testing.T) { al2RunShellcheck(t, script) })
			t.Run("run", func(t *testing.T) { al2RunScenario(t, sc.in) })
		})
	}
}

// al2RunScenario runs in against the stub bootstrap. The user scripts are swapped for marker
// scripts of the same shape that record their turn and a copy of themselves, and that try the
// things a user script must not be able to do to the user data: change its shell options, exit
// early, reuse its here-document delimiter, hold text bash would expand.
func al2RunScenario(t *testing.T, in Input) {
	env := newAL2Env(t)
	var wantMarker []string
	var wantPre, wantPost string
	if len(in.PreScripts) > 0 {
		// Run by sh, as its shebang says: the marker script is POSIX shell.
		in.PreScripts = []string{"#!/bin/sh\n" + env.markerScript("pre") + "exit 0\n"}
		wantPre = in.PreScripts[0]
		wantMarker = append(wantMarker, "pre")
	}
	wantMarker = append(wantMarker, "bootstrap")
	if len(in.PostScripts) > 0 {
		in.PostScripts = []string{env.markerScript("post") + "set +o errexit\nfalse\nshopt -s nullglob\n"}
		wantPost = DefaultShebang + in.PostScripts[0] // no shebang: bash runs it (shopt)
		wantMarker = append(wantMarker, "post")
	}
	script, err := Render(in)
	require.NoError(t, err)

	res := env.run(t, env.stubbed(t, script))
	require.Equal(t, 0, res.exitCode, "stderr: %s", res.stderr)
	al2CheckArgv(t, in, res.argv)
	assert.Equal(t, wantMarker, res.marker, "scripts run in order around the bootstrap")
	assert.Equal(t, wantPre, env.copyOf("pre"), "pre script carried verbatim, with its shebang")
	assert.Equal(t, wantPost, env.copyOf("post"), "post script carried verbatim, after a bash shebang")
}

// al2CheckArgv checks the arguments the stub bootstrap received against in, and parses the
// kubelet flags back into labels, taints and extra flags.
func al2CheckArgv(t *testing.T, in Input, argv []string) {
	t.Helper()
	if in.MaxPods > 0 {
		// bootstrap.sh must not compute max pods itself when they are given.
		require.GreaterOrEqual(t, len(argv), 9, "argv: %q", argv)
		assert.Equal(t, []string{"--use-max-pods", "false"}, argv[7:9])
		argv = slices.Delete(slices.Clone(argv), 7, 9)
	}
	in = untypedEquivalent(in)
	require.GreaterOrEqual(t, len(argv), 7, "argv: %q", argv)
	assert.Equal(t, []string{
		in.Cluster.Name,
		"--apiserver-endpoint", in.Cluster.Endpoint,
		"--b64-cluster-ca", in.Cluster.CertificateAuthority,
		"--dns-cluster-ip", "172.20.0.10",
	}, argv[:7])

	wantFlags := len(in.Labels) > 0 || len(in.Taints) > 0 || len(in.KubeletFlags) > 0
	if !wantFlags {
		assert.Len(t, argv, 7, "no --kubelet-extra-args without kubelet settings: %q", argv)
		return
	}
	require.Len(t, argv, 9, "argv: %q", argv)
	require.Equal(t, "--kubelet-extra-args", argv[7])

	// bootstrap.sh hands the string to the kubelet unit, which splits it on white space.
	flags := strings.Split(argv[8], " ")
	gotLabels := map[string]string{}
	if len(in.Labels) > 0 {
		v, ok := strings.CutPrefix(flags[0], "--node-labels=")
		require.True(t, ok, "first flag should be --node-labels, got %q", flags[0])
		gotLabels = parseLabels(t, v)
		flags = flags[1:]
	}
	wantLabels := map[string]string{}
	for k, v := range in.Labels {
		wantLabels[k] = v
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
}

// TestRenderAL2UserScripts pins what a user script can and cannot do to the user data.
func TestRenderAL2UserScripts(t *testing.T) {
	tests := []struct {
		name         string
		pre, post    string
		wantExit     int
		wantMarker   []string
		wantStderrIn string // in the scripts' output (stdout and stderr)
		wantOutput   string // the scripts' whole output, when not empty
	}{
		{
			name:       "exit 0 ends only the script",
			pre:        "exit 0\necho unreachable >&2\n",
			post:       "#!/bin/bash\nexit 0\n",
			wantMarker: []string{"bootstrap"},
		},
		{
			name:       "set options stay inside the script",
			pre:        "set +o errexit +o nounset\nshopt -s nullglob\nIFS=:\nunset PATH\n",
			wantMarker: []string{"bootstrap"},
		},
		{
			name:       "a failing pre script stops the bootstrap",
			pre:        "#!/bin/bash\nexit 3\n",
			post:       "echo post-ran >&2\n",
			wantExit:   3,
			wantMarker: nil,
		},
		{
			name:       "a failing post script fails the user data after the bootstrap",
			post:       "false\n",
			wantExit:   1,
			wantMarker: []string{"bootstrap"},
		},
		{
			name:         "a syntax error in a script fails only that script",
			pre:          "if then fi (\n",
			wantExit:     2,
			wantMarker:   nil,
			wantStderrIn: "syntax error",
		},
		{
			name:       "a script cannot end the here-document early",
			pre:        "EKSNODES_PRE_BOOTSTRAP\nEKSNODES_PRE_BOOTSTRAP_1\nexit 0\n",
			wantMarker: []string{"bootstrap"},
		},
		{
			name:       "a python3 script is run by python3",
			pre:        "#!/usr/bin/env python3\nimport sys\nprint('python', sys.version_info[0], 'é 日本 🚀')\n",
			post:       "#!/usr/bin/env python3\nprint('post')",
			wantMarker: []string{"bootstrap"},
			wantOutput: "python 3 é 日本 🚀\npost\n",
		},
		{
			name:       "a failing python3 script stops the bootstrap",
			pre:        "#!/usr/bin/env python3\nraise SystemExit(4)\n",
			post:       "echo post-ran >&2\n",
			wantExit:   4,
			wantMarker: nil,
		},
		{
			name:       "a sh script is run by sh",
			pre:        "#!/bin/sh\nreadlink /proc/$$/exe\n",
			wantMarker: []string{"bootstrap"},
			wantOutput: al2BinSh + "\n",
		},
		{
			name:       "a script without shebang is run by bash",
			pre:        "readlink /proc/$$/exe\necho \"${BASH_VERSINFO[0]}\" | grep -q . && echo bash",
			wantMarker: []string{"bootstrap"},
			wantOutput: al2Bash + "\nbash\n",
		},
		{
			name:       "CRLF line endings are read as LF",
			pre:        "echo one\r\necho two\r\n",
			post:       "#!/bin/sh\r\necho three\r\n",
			wantMarker: []string{"bootstrap"},
			wantOutput: "one\ntwo\nthree\n",
		},
		{
			name:       "a trailing backslash and no final newline",
			pre:        "echo one \\",
			post:       "echo two\\\n",
			wantMarker: []string{"bootstrap"},
			wantOutput: "one\ntwo\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script, err := Render(al2WithScripts(tt.pre, tt.post))
			require.NoError(t, err)
			al2BashSyntax(t, script)
			env := newAL2Env(t)
			res := env.run(t, env.stubbed(t, script))
			assert.Equal(t, tt.wantExit, res.exitCode, "stderr: %s", res.stderr)
			assert.Equal(t, tt.wantMarker, res.marker)
			assert.NotContains(t, res.stderr, "unreachable")
			assert.NotContains(t, res.stderr, "post-ran", "the post script must not run after a failure")
			if tt.wantStderrIn != "" {
				assert.Contains(t, res.stderr, tt.wantStderrIn)
			}
			if tt.wantOutput != "" {
				assert.Equal(t, tt.wantOutput, res.stderr)
			}
		})
	}
}

// al2WithScripts is the minimal AL2 input with a pre and a post script ("" for none: a blank
// script is left out).
func al2WithScripts(pre, post string) Input {
	return Input{Format: FormatAL2, Cluster: testCluster, PreScripts: []string{pre}, PostScripts: []string{post}}
}

// al2BinSh and al2Bash are the programs /bin/sh and bash are on this machine, as
// /proc/$$/exe names them.
var al2BinSh, al2Bash = mustEvalSymlinks("/bin/sh"), mustEvalSymlinks("/bin/bash")

func mustEvalSymlinks(path string) string {
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		return path
	}
	return p
}

func TestAL2ScriptBody(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"blank", " \n\t\n", ""},
		{"shebang only", "#!/bin/bash", ""},
		{"shebang and blank line", "#!/bin/bash\n\n", ""},
		{"CRLF shebang and blank lines", "#!/bin/bash\r\n\r\n", ""},
		{"shebang kept", "#!/bin/bash\necho hi\n", "#!/bin/bash\necho hi\n"},
		{"other interpreter kept", "#!/bin/sh -e\necho hi\n", "#!/bin/sh -e\necho hi\n"},
		{"python kept", "#!/usr/bin/env python3\nprint('hi')\n", "#!/usr/bin/env python3\nprint('hi')\n"},
		{"bash shebang added", "echo hi\n", "#!/usr/bin/env bash\necho hi\n"},
		{"final newline added", "echo hi", "#!/usr/bin/env bash\necho hi\n"},
		{"CRLF becomes LF", "#!/bin/sh\r\necho hi\r\n", "#!/bin/sh\necho hi\n"},
		{"comment is not a shebang", "# setup\necho hi\n", "#!/usr/bin/env bash\n# setup\necho hi\n"},
		{"only the first line", "#!/bin/bash\n#!/bin/sh\n", "#!/bin/bash\n#!/bin/sh\n"},
		{"leading space is not a shebang", " #!/bin/sh\n", "#!/usr/bin/env bash\n #!/bin/sh\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, al2ScriptBody(tt.in))
			if tt.want != "" {
				assert.Equal(t, Script(tt.in), tt.want, "the same rule as AL2023's")
			}
		})
	}

	t.Run("blank scripts are left out", func(t *testing.T) {
		script, err := Render(al2WithScripts("#!/bin/bash\n", "\n"))
		require.NoError(t, err)
		minimal, err := Render(scenarioNamed(t, FormatAL2, "minimal"))
		require.NoError(t, err)
		assert.Equal(t, minimal, script)
	})
}

func TestAL2HereDocDelimiter(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"echo hi\n", "EKSNODES_PRE_BOOTSTRAP"},
		{"EKSNODES_PRE_BOOTSTRAP\n", "EKSNODES_PRE_BOOTSTRAP_1"},
		{"x EKSNODES_PRE_BOOTSTRAP_1 y\n", "EKSNODES_PRE_BOOTSTRAP_2"},
		{"EKSNODES_PRE_BOOTSTRAP_2\n", "EKSNODES_PRE_BOOTSTRAP_1"},
	} {
		var b strings.Builder
		al2WriteScript(&b, "pre-bootstrap", "EKSNODES_PRE_BOOTSTRAP", tt.body)
		assert.Equal(t,
			`cat >"${eksnodes_scripts}"/'pre-bootstrap' <<'`+tt.want+"'\n"+tt.body+tt.want+"\n"+
				`chmod 0700 "${eksnodes_scripts}"/'pre-bootstrap'`+"\n"+
				`"${eksnodes_scripts}"/'pre-bootstrap'`+"\n",
			b.String())
	}
}

func TestAL2ShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":            `''`,
		"plain":       `'plain'`,
		"it's":        `'it'\''s'`,
		"'":           `''\'''`,
		`$(x) "y" \z`: `'$(x) "y" \z'`,
		"a\nb":        "'a\nb'",
	} {
		assert.Equal(t, want, al2ShellQuote(in), "%q", in)
	}
}

// al2Payloads are values that break a script that quotes them wrongly.
var al2Payloads = []string{
	`'`,
	`''`,
	`\'`,
	`'\''`,
	`$(touch pwned)`,
	"`touch pwned`",
	`'$(touch pwned)'`,
	`"$(touch pwned)"`,
	`; touch pwned`,
	`'; touch pwned; '`,
	`"; touch pwned; "`,
	`"`,
	`a b  c`,
	"a\nb",
	"'\ntouch pwned\n'",
	"x \\\ntouch pwned",
	`\`,
	`\\`,
	`$HOME ${PATH} $1 $@ $* $$ $? $!`,
	`* ? [a] ~ ~root {a,b}`,
	`!! !$ ^a^b`,
	`| touch pwned & touch pwned && touch pwned`,
	`> pwned < /dev/null`,
	`# not a comment`,
	"\t\x01\x7f\u00e9",
	`--help`,
}

// TestRenderAL2Injection puts hostile values in every field that reaches the command line and
// checks that the stub bootstrap received them intact and that nothing they hold ran.
func TestRenderAL2Injection(t *testing.T) {
	fields := []struct {
		name string
		set  func(a *Input, p string)
	}{
		{"cluster name", func(a *Input, p string) { a.Cluster.Name = "c" + p }},
		{"endpoint", func(a *Input, p string) { a.Cluster.Endpoint = p }},
		{"certificate authority", func(a *Input, p string) { a.Cluster.CertificateAuthority = p }},
		{"label value", func(a *Input, p string) { a.Labels = map[string]string{"team": p} }},
		{"label key", func(a *Input, p string) { a.Labels = map[string]string{p: "v"} }},
		{"taint", func(a *Input, p string) { a.Taints = []Taint{{Key: p, Value: p, Effect: p}} }},
		{"kubelet flag", func(a *Input, p string) { a.KubeletFlags = []string{"--v=2", "--x=" + p, p} }},
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			for _, p := range al2Payloads {
				in := scenarioNamed(t, FormatAL2, "minimal")
				f.set(&in, p)
				script, err := Render(in)
				require.NoError(t, err, "%q", p)

				env := newAL2Env(t)
				res := env.run(t, env.stubbed(t, script))
				require.Equal(t, 0, res.exitCode, "payload %q, stderr: %s", p, res.stderr)
				assert.Empty(t, res.stderr, "payload %q", p)
				want := []string{
					in.Cluster.Name,
					"--apiserver-endpoint", in.Cluster.Endpoint,
					"--b64-cluster-ca", in.Cluster.CertificateAuthority,
					"--dns-cluster-ip", "172.20.0.10",
				}
				if extra := kubeletFlags(in.Labels, in.Taints, in.KubeletFlags); len(extra) > 0 {
					want = append(want, "--kubelet-extra-args", strings.Join(extra, " "))
				}
				assert.Equal(t, want, res.argv, "payload %q", p)
				env.assertNotPwned(t)
			}
		})
	}
}

func TestRenderAL2Errors(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(a *Input)
		wantErr string
	}{
		{"empty service CIDR", func(a *Input) { a.Cluster.ServiceCIDR = "" }, "not an IPv4 or IPv6 CIDR"},
		{"IPv4-mapped service CIDR", func(a *Input) { a.Cluster.ServiceCIDR = "::ffff:10.0.0.0/104" }, "not an IPv4 or IPv6 CIDR"},
		{"tiny service CIDR", func(a *Input) { a.Cluster.ServiceCIDR = "10.0.0.0/30" }, "too small"},
		{"empty cluster name", func(a *Input) { a.Cluster.Name = "" }, "cluster name is empty"},
		{"cluster name like an option", func(a *Input) { a.Cluster.Name = "--help" }, "starts with '-'"},
		{"NUL in cluster name", func(a *Input) { a.Cluster.Name = "a\x00b" }, "cluster name"},
		{"NUL in endpoint", func(a *Input) { a.Cluster.Endpoint += "\x00" }, "cluster endpoint"},
		{"NUL in CA", func(a *Input) { a.Cluster.CertificateAuthority += "\x00" }, "certificate authority"},
		{"NUL in CIDR", func(a *Input) { a.Cluster.ServiceCIDR += "\x00" }, "service CIDR"},
		{"NUL in label key", func(a *Input) { a.Labels = map[string]string{"a\x00": "b"} }, `label key "a\x00"`},
		{"NUL in label value", func(a *Input) { a.Labels = map[string]string{"a": "\x00"} }, `value of label "a"`},
		{"NUL in taint", func(a *Input) { a.Taints = []Taint{{Key: "k", Effect: "NoSchedule\x00"}} }, "taint 1 effect"},
		{"NUL in kubelet flag", func(a *Input) { a.KubeletFlags = []string{"--v=2", "--x=\x00"} }, "kubelet flag 2"},
		{"NUL in pre script", func(a *Input) { a.PreScripts = []string{"echo \x00"} }, "pre script"},
		{"NUL in post script", func(a *Input) { a.PostScripts = []string{"echo \x00"} }, "post script"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := scenarioNamed(t, FormatAL2, "full")
			tt.mutate(&in)
			out, err := Render(in)
			require.Error(t, err)
			assert.Empty(t, out)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

// FuzzRenderAL2 renders fuzzed names, endpoints, label values, kubelet flags and pre scripts.
// Render must refuse exactly the AL2 inputs renderAL2 documents as invalid; anything it renders must be
// valid bash that hands each value to bootstrap.sh intact and carries the pre script verbatim.
func FuzzRenderAL2(f *testing.F) {
	for _, sc := range scenariosOf(FormatAL2) {
		var label, flag string
		for _, k := range slices.Sorted(maps.Keys(sc.in.Labels)) {
			label = sc.in.Labels[k]
			break
		}
		if len(sc.in.KubeletFlags) > 0 {
			flag = sc.in.KubeletFlags[0]
		}
		f.Add(sc.in.Cluster.Name, sc.in.Cluster.Endpoint, label, flag, strings.Join(sc.in.PreScripts, ""))
	}
	for _, p := range al2Payloads {
		f.Add("c"+p, p, p, "--x="+p, "echo "+p+"\n")
	}
	f.Add("c", "", "", "", "EKSNODES_PRE_BOOTSTRAP")
	f.Add("-c", "", "", "", "#!/bin/bash\nEKSNODES_PRE_BOOTSTRAP\n")
	f.Add("", "", "", "", "")
	f.Add("c\x00", "e", "l", "--f", "#!")
	// Found by the fuzzer: bash keeps this \x01 when it prints a function, but not the one
	// before \x7f in the payloads.
	f.Add("0", "0", "0", "0", "\x01")

	f.Fuzz(func(t *testing.T, name, endpoint, label, flag, pre string) {
		in := Input{
			Format: FormatAL2,
			Cluster: Cluster{
				Name:                 name,
				Endpoint:             endpoint,
				CertificateAuthority: testCA,
				ServiceCIDR:          "172.20.0.0/16",
			},
			Labels:       map[string]string{"eksnodes.io/fuzz": label},
			Taints:       []Taint{{Key: "dedicated", Value: label, Effect: "NoSchedule"}},
			KubeletFlags: []string{flag, "--v=2"},
			PreScripts:   []string{pre},
		}
		script, err := Render(in)
		hasNUL := strings.Contains(name+endpoint+label+flag+pre, "\x00")
		if hasNUL || name == "" || strings.HasPrefix(name, "-") {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		al2BashSyntax(t, script)
		body := al2ScriptBody(pre)
		// bash may drop \x01 (its internal quoting byte) when it prints a function, so the bytes
		// are compared without it here; the run below checks the exact bytes.
		require.Equal(t, strings.ReplaceAll(body, "\x01", ""),
			strings.ReplaceAll(al2ParsedPreScript(t, script), "\x01", ""),
			"pre script as bash parses it")

		// The here-document ends where it should, so the user data runs nothing but its own
		// commands: run it against the stub with the pre script copied instead of run.
		env := newAL2Env(t)
		if body != "" {
			const runner = "\nchmod 0700 \"${eksnodes_scripts}\"/'pre-bootstrap'\n\"${eksnodes_scripts}\"/'pre-bootstrap'\n"
			i := strings.LastIndex(script, runner)
			require.GreaterOrEqual(t, i, 0, "no pre script runner lines")
			script = script[:i] + "\ncp -- \"${eksnodes_scripts}\"/'pre-bootstrap' " +
				al2ShellQuote(filepath.Join(env.root, "pre.copy")) + "\n" + script[i+len(runner):]
		}
		script = env.stubbedAfterScripts(t, script)
		res := env.run(t, script)
		require.Equal(t, 0, res.exitCode, "stderr: %s", res.stderr)
		assert.Equal(t, body, env.copyOf("pre"), "pre script carried verbatim")
		assert.Equal(t, []string{
			name,
			"--apiserver-endpoint", endpoint,
			"--b64-cluster-ca", testCA,
			"--dns-cluster-ip", "172.20.0.10",
			"--kubelet-extra-args", strings.Join(kubeletFlags(in.Labels, in.Taints, in.KubeletFlags), " "),
		}, res.argv)
		env.assertNotPwned(t)
	})
}

// al2ParsedPreScript returns the body of the pre script's here-document as bash itself parses
// it, without running anything: the script becomes the body of a function that is printed, never
// called. It returns "" when the script has no pre script.
func al2ParsedPreScript(t *testing.T, script string) string {
	t.Helper()
	cmd := exec.Command("/bin/bash", "-c", "eksnodes_parsed() {\n"+script+"\n}\ndeclare -f eksnodes_parsed")
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "stderr: %s", stderr.String())

	const opener = `cat > "${eksnodes_scripts}"/'pre-bootstrap' <<'`
	printed := string(out)
	i := strings.Index(printed, opener)
	if i < 0 {
		return ""
	}
	rest := printed[i+len(opener):]
	delim, rest, ok := strings.Cut(rest, "'\n")
	require.True(t, ok, "no end to the here-document's opening line in:\n%s", printed)
	body, _, ok := strings.Cut(rest, "\n"+delim+"\n")
	if !ok {
		// An empty body is not possible: renderAL2 leaves blank scripts out.
		require.Fail(t, "no here-document delimiter line", "%s", printed)
	}
	return body + "\n"
}

// al2BashSyntax asserts that bash parses script.
func al2BashSyntax(t *testing.T, script string) {
	t.Helper()
	cmd := exec.Command("/bin/bash", "-n")
	cmd.Stdin = strings.NewReader(script)
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "bash -n: %s", out)
	assert.Empty(t, string(out), "bash -n")
}

// al2RunShellcheck asserts that shellcheck has nothing to say about script. Without shellcheck
// on PATH it skips, or fails when EKSNODES_REQUIRE_SHELLCHECK=1.
func al2RunShellcheck(t *testing.T, script string) {
	t.Helper()
	bin, err := exec.LookPath("shellcheck")
	if err != nil {
		if os.Getenv(requireShellcheckEnv) == "1" {
			t.Fatalf("shellcheck is not on PATH and %s=1: run scripts/ensure-shellcheck.sh", requireShellcheckEnv)
		}
		t.Skipf("shellcheck is not on PATH: skipping the lint (scripts/ensure-shellcheck.sh installs it; %s=1 makes this a failure)", requireShellcheckEnv)
	}
	cmd := exec.Command(bin, append(al2Shellcheck, "-")...)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	assert.NoError(t, err, "shellcheck:\n%s", out)
	assert.Empty(t, string(out))
}

// al2Env is a scratch folder in which a rendered script runs against a stub bootstrap.sh that
// writes its arguments, NUL-separated, to argvFile and its turn to marker.
type al2Env struct {
	root, work, tmp, stub, argvFile, marker string
}

func newAL2Env(t *testing.T) al2Env {
	t.Helper()
	root := t.TempDir()
	e := al2Env{
		root:     root,
		work:     filepath.Join(root, "work"),
		tmp:      filepath.Join(root, "tmp"),
		stub:     filepath.Join(root, "bootstrap-stub.sh"),
		argvFile: filepath.Join(root, "argv"),
		marker:   filepath.Join(root, "marker"),
	}
	require.NoError(t, os.Mkdir(e.work, 0o755))
	require.NoError(t, os.Mkdir(e.tmp, 0o755))
	stub := "#!/bin/bash\n" +
		"printf '%s\\0' \"$@\" >" + al2ShellQuote(e.argvFile) + "\n" +
		"printf 'bootstrap\\n' >>" + al2ShellQuote(e.marker) + "\n"
	require.NoError(t, os.WriteFile(e.stub, []byte(stub), 0o755))
	return e
}

// markerScript is a user script (without shebang) that records its turn and copies itself.
func (e al2Env) markerScript(name string) string {
	return "set -o nounset -o errexit\n" +
		"# Text bash would expand outside the here-document: $HOME `touch pwned` $(touch pwned) \\\n" +
		"cat >/dev/null <<'EKSNODES_PRE_BOOTSTRAP'\n" +
		"it's the pre script's delimiter\n" +
		"EKSNODES_PRE_BOOTSTRAP\n" +
		"cat >/dev/null <<'EKSNODES_POST_BOOTSTRAP'\n" +
		"EKSNODES_POST_BOOTSTRAP\n" +
		"printf '%s\\n' " + al2ShellQuote(name) + " >>" + al2ShellQuote(e.marker) + "\n" +
		"cp -- \"$0\" " + al2ShellQuote(filepath.Join(e.root, name+".copy")) + "\n"
}

// copyOf returns the copy a marker script made of itself, "" when it did not run.
func (e al2Env) copyOf(name string) string {
	b, err := os.ReadFile(filepath.Join(e.root, name+".copy"))
	if err != nil {
		return ""
	}
	return string(b)
}

// stubbed replaces the one occurrence of AL2BootstrapPath in script with the stub.
func (e al2Env) stubbed(t *testing.T, script string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(script, AL2BootstrapPath), "exactly one %s", AL2BootstrapPath)
	return strings.Replace(script, AL2BootstrapPath, al2ShellQuote(e.stub), 1)
}

// stubbedAfterScripts replaces the bootstrap command with the stub when the script's values or
// pre script may hold AL2BootstrapPath too: the command is the first line that starts with it
// after the pre script's here-document (which ends at its delimiter line).
func (e al2Env) stubbedAfterScripts(t *testing.T, script string) string {
	t.Helper()
	from := 0
	if i := strings.Index(script, "<<'EKSNODES_PRE_BOOTSTRAP"); i >= 0 {
		delim, _, ok := strings.Cut(script[i+len("<<'"):], "'\n")
		require.True(t, ok)
		j := strings.Index(script[i:], "\n"+delim+"\n")
		require.GreaterOrEqual(t, j, 0, "no end to the pre script")
		from = i + j
	}
	k := strings.Index(script[from:], "\n"+AL2BootstrapPath+" ")
	require.GreaterOrEqual(t, k, 0, "no bootstrap command")
	at := from + k + 1
	return script[:at] + al2ShellQuote(e.stub) + script[at+len(AL2BootstrapPath):]
}

type al2Result struct {
	exitCode int
	stderr   string
	argv     []string // nil when the bootstrap did not run
	marker   []string
}

// run runs script with bash in an empty environment (like env -i) but for a minimal PATH and a
// TMPDIR of its own, which must be empty again afterwards.
func (e al2Env) run(t *testing.T, script string) al2Result {
	t.Helper()
	path := filepath.Join(e.root, "user-data.sh")
	require.NoError(t, os.WriteFile(path, []byte(script), 0o755))
	cmd := exec.Command("/bin/bash", path)
	cmd.Dir = e.work
	cmd.Env = []string{"PATH=/usr/bin:/bin", "TMPDIR=" + e.tmp}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	err := cmd.Run()
	res := al2Result{stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		res.exitCode = exitErr.ExitCode()
	default:
		require.NoError(t, err)
	}

	if b, err := os.ReadFile(e.argvFile); err == nil {
		res.argv = strings.Split(strings.TrimSuffix(string(b), "\x00"), "\x00")
	} else {
		require.ErrorIs(t, err, fs.ErrNotExist)
	}
	if b, err := os.ReadFile(e.marker); err == nil {
		res.marker = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	left, err := os.ReadDir(e.tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "the user data must remove its temporary files")
	return res
}

// assertNotPwned asserts that no injected command created a file named pwned.
func (e al2Env) assertNotPwned(t *testing.T) {
	t.Helper()
	err := filepath.WalkDir(e.root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		assert.NotEqual(t, "pwned", d.Name(), "an injected command ran: %s", path)
		return nil
	})
	require.NoError(t, err)
}

// An IPv6 cluster's AL2 node is bootstrapped with --ip-family ipv6, its service CIDR and the
// DNS address in it (bootstrap.sh's options), checked by running the script against the stub.
func TestRenderAL2IPv6(t *testing.T) {
	a := scenarioNamed(t, FormatAL2, "minimal")
	a.Cluster.ServiceCIDR = "fd30:1c53:5f8::/108"
	doc, err := Render(a)
	require.NoError(t, err)
	assert.Contains(t, doc, "--dns-cluster-ip 'fd30:1c53:5f8::a'")
	assert.Contains(t, doc, "--ip-family 'ipv6'")
	assert.Contains(t, doc, "--service-ipv6-cidr 'fd30:1c53:5f8::/108'")
	out, err := exec.Command("bash", "-n", "-c", doc).CombinedOutput()
	require.NoError(t, err, string(out))
}
