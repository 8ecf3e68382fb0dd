package userdata

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// The tests in this file feed rendered user data through cloud-init's own user-data processing
// (testdata/cloudinit_walk.py, on Debian's cloud-init) and check the bytes it writes for each
// script, then run those bytes.

// requireCloudInitEnv, set to 1, turns a cloud-init that /usr/bin/python3 cannot import into a
// test failure instead of a skip. `make test` sets it after running scripts/ensure-cloud-init.sh.
const requireCloudInitEnv = "EKSNODES_REQUIRE_CLOUDINIT"

// cloudInitPython is the interpreter that has cloud-init's modules (Debian's python3, not one
// from PATH, which may be another Python).
const cloudInitPython = "/usr/bin/python3"

const cloudInitWalker = "testdata/cloudinit_walk.py"

var cloudInitCheck = sync.OnceValue(func() error {
	out, err := exec.Command(cloudInitPython, "-c", "import cloudinit.stages, cloudinit.user_data").CombinedOutput()
	if err != nil {
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		return fmt.Errorf("%s cannot import cloudinit (%w: %s)", cloudInitPython, err, lines[len(lines)-1])
	}
	return nil
})

// requireCloudInit skips the test when cloud-init is not available, or fails it when
// EKSNODES_REQUIRE_CLOUDINIT=1.
func requireCloudInit(t *testing.T) {
	t.Helper()
	err := cloudInitCheck()
	if err == nil {
		return
	}
	if os.Getenv(requireCloudInitEnv) == "1" {
		t.Fatalf("%v, and %s=1: run scripts/ensure-cloud-init.sh", err, requireCloudInitEnv)
	}
	t.Skipf("%v: skipping the cloud-init check (scripts/ensure-cloud-init.sh installs Debian's cloud-init; %s=1 makes this a failure)", err, requireCloudInitEnv)
}

// cloudInitPart is one part as cloud-init handed it to its part handlers (see cloudinit_walk.py).
type cloudInitPart struct {
	ContentType      string            `json:"contentType"`
	TransferEncoding string            `json:"transferEncoding"`
	Filename         string            `json:"filename"`
	Handler          string            `json:"handler"` // "" when no handler took the part
	Payload          []byte            `json:"payload"`
	Written          map[string][]byte `json:"written"`
}

type cloudInitDoc struct {
	Parts    []cloudInitPart `json:"parts"`
	Warnings []string        `json:"warnings"`
}

// walkCloudInit feeds each document through cloud-init, in one run of the walker.
func walkCloudInit(t *testing.T, docs []string) []cloudInitDoc {
	t.Helper()
	dir := t.TempDir()
	args := []string{cloudInitWalker}
	for i, doc := range docs {
		path := filepath.Join(dir, fmt.Sprintf("user-data-%02d", i+1))
		require.NoError(t, os.WriteFile(path, []byte(doc), 0o600))
		args = append(args, path)
	}
	cmd := exec.Command(cloudInitPython, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "%s: %s", cloudInitWalker, stderr.String())
	var res struct {
		Version   string         `json:"cloudinitVersion"`
		Documents []cloudInitDoc `json:"documents"`
	}
	require.NoError(t, json.Unmarshal(out, &res))
	require.Len(t, res.Documents, len(docs))
	t.Logf("cloud-init %s", res.Version)
	return res.Documents
}

// onlyScript returns the one file the part wrote under cloud-init's scripts folder.
func onlyScript(t *testing.T, p cloudInitPart) []byte {
	t.Helper()
	require.Len(t, p.Written, 1, "part %s must write exactly one file", p.Filename)
	want := filepath.Join("instance", "scripts", p.Filename)
	require.Contains(t, p.Written, want)
	return p.Written[want]
}

// cloudInitScripts are user scripts whose bytes are easily mangled on their way to a node, each
// with what it prints when it runs.
var cloudInitScripts = []struct {
	name, script, output string
}{
	{"ascii", "echo hello\n", "hello\n"},
	{"latin-1 accents", "echo 'café über naïve Ærø'\n", "café über naïve Ærø\n"},
	{"cjk", "echo '日本語 中文 한국어'\n", "日本語 中文 한국어\n"},
	{"emoji", "echo '🚀 ✅ 👩‍💻'\n", "🚀 ✅ 👩‍💻\n"},
	{"crlf", "echo one\r\necho two\r\n", "one\ntwo\n"},
	{"crlf with shebang", "#!/bin/sh\r\necho one\r\necho two\r\n", "one\ntwo\n"},
	{"crlf, accents, no final newline", "echo 'é'\r\necho 'ü'", "é\nü\n"},
	{"python3 shebang", "#!/usr/bin/env python3\nimport sys\nprint('python', sys.version_info[0], 'é 日本 🚀')\n", "python 3 é 日本 🚀\n"},
	{"sh shebang", "#!/bin/sh\necho posix\n", "posix\n"},
	{"trailing backslash", "echo one \\\n", "one\n"},
	{"trailing backslash, no final newline", "echo one \\", "one\n"},
	{"no final newline", "echo done", "done\n"},
	{"lone CR", "printf '%s\\n' 'a\rb'\n", "a\rb\n"},
	{"boundary line", "cat <<'EOF'\n--" + Boundary + "\n--" + Boundary + "--\nEOF\n", "--" + Boundary + "\n--" + Boundary + "--\n"},
}

// runWritten runs script as cloud-init's scripts-user module does (the file itself, executed
// directly) in an empty environment but for a minimal PATH, and returns its output.
func runWritten(t *testing.T, script []byte) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "part")
	require.NoError(t, os.WriteFile(path, script, 0o700))
	cmd := exec.Command(path)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "output: %q", out)
	return string(out)
}

// TestCloudInitScenarios feeds every scenario of the formats cloud-init reads (AL2023 and AL2)
// through cloud-init, and checks that each part reaches the handler it should and that each file
// cloud-init writes holds exactly the bytes it should (see checkCloudInitNodeadm and
// checkCloudInitAL2).
func TestCloudInitScenarios(t *testing.T) {
	requireCloudInit(t)
	var scs []scenario
	var docs []string
	for _, sc := range scenarios() {
		if sc.in.Format != FormatNodeadm && sc.in.Format != FormatAL2 {
			continue
		}
		doc, err := Render(sc.in)
		require.NoError(t, err, "%s/%s", sc.in.Format, sc.name)
		scs, docs = append(scs, sc), append(docs, doc)
	}
	walked := walkCloudInit(t, docs)

	for i, sc := range scs {
		t.Run(string(sc.in.Format)+"/"+sc.name, func(t *testing.T) {
			if sc.in.Format == FormatAL2 {
				checkCloudInitAL2(t, walked[i], docs[i])
				return
			}
			checkCloudInitNodeadm(t, walked[i], untypedEquivalent(sc.in))
		})
	}
}

// checkCloudInitNodeadm checks what cloud-init made of in's AL2023 user data: the script parts
// and the NodeConfig in order, each script written by the shell script handler (from base64)
// with exactly the bytes Script promises, and the NodeConfig left alone for nodeadm, the same
// YAML text under its own content type. It returns the scripts as cloud-init wrote them, in order.
func checkCloudInitNodeadm(t *testing.T, got cloudInitDoc, in Input) [][]byte {
	t.Helper()
	scripts := slices.Concat(in.PreScripts, in.PostScripts)
	require.Len(t, got.Parts, len(scripts)+1)
	at := len(in.PreScripts) // the NodeConfig's place
	var written [][]byte
	for i, p := range got.Parts {
		if i == at {
			assert.Equal(t, NodeConfigContentType, p.ContentType)
			body, err := yaml.Marshal(nodeConfigFor(in))
			require.NoError(t, err)
			assert.Equal(t, "---\n"+string(body), string(p.Payload), "NodeConfig text as cloud-init sees it")
			assert.Empty(t, p.TransferEncoding)
			assert.Empty(t, p.Handler, "cloud-init has no handler for the NodeConfig: nodeadm reads it")
			assert.Empty(t, p.Written)
			continue
		}
		j := i // the script's index
		if i > at {
			j--
		}
		script := scripts[j]
		assert.Equal(t, "text/x-shellscript", p.ContentType, "part %d", i+1)
		assert.Equal(t, "ShellScriptPartHandler", p.Handler)
		assert.Equal(t, "base64", p.TransferEncoding)
		w := onlyScript(t, p)
		assert.Equal(t, wantDelivered(script), string(w), "the script cloud-init wrote for %s", p.Filename)
		written = append(written, w)
	}
	for _, w := range got.Warnings {
		// The one expected warning: cloud-init leaves the NodeConfig part alone.
		assert.Contains(t, w, "content-type ("+NodeConfigContentType+")", "cloud-init warned")
	}
	return written
}

// checkCloudInitAL2 checks what cloud-init made of an AL2 user data script, doc: one shell
// script part, written byte for byte, without a warning.
func checkCloudInitAL2(t *testing.T, got cloudInitDoc, doc string) []byte {
	t.Helper()
	require.Len(t, got.Parts, 1)
	p := got.Parts[0]
	assert.Equal(t, "text/x-shellscript", p.ContentType)
	assert.Equal(t, "ShellScriptPartHandler", p.Handler)
	written := onlyScript(t, p)
	require.Equal(t, doc, string(written), "cloud-init writes the AL2 user data as it is")
	assert.Empty(t, got.Warnings)
	return written
}

// TestCloudInitNodeadmScripts renders the "full" AL2023 scenario with each script of
// cloudInitScripts before and after the NodeConfig, feeds the documents through cloud-init,
// checks them as TestCloudInitScenarios does, and runs each script file cloud-init wrote.
func TestCloudInitNodeadmScripts(t *testing.T) {
	requireCloudInit(t)
	in := func(script string) Input {
		in := scenarioNamed(t, FormatNodeadm, "full")
		in.PreScripts, in.PostScripts = []string{script}, []string{script}
		return in
	}
	docs := make([]string, len(cloudInitScripts))
	errs := make([]error, len(cloudInitScripts))
	for i, sc := range cloudInitScripts {
		docs[i], errs[i] = Render(in(sc.script))
	}
	walked := walkCloudInit(t, docs)

	for i, sc := range cloudInitScripts {
		t.Run(sc.name, func(t *testing.T) {
			require.NoError(t, errs[i])
			written := checkCloudInitNodeadm(t, walked[i], in(sc.script))
			require.Len(t, written, 2)
			for _, w := range written {
				assert.Equal(t, sc.output, runWritten(t, w))
			}
		})
	}
}

// TestCloudInitAL2Scripts renders an AL2 user data script per script, feeds it through
// cloud-init (which writes it as one shell script part), checks that cloud-init writes the user
// data byte for byte, then runs what it wrote against a stub bootstrap and checks that the user
// script ran with the bytes Script promises (the same as on AL2023) and printed what it should.
func TestCloudInitAL2Scripts(t *testing.T) {
	requireCloudInit(t)
	envs := make([]al2Env, len(cloudInitScripts))
	docs := make([]string, len(cloudInitScripts))
	for i, sc := range cloudInitScripts {
		in := scenarioNamed(t, FormatAL2, "minimal")
		in.PreScripts = []string{sc.script}
		script, err := Render(in)
		require.NoError(t, err, sc.name)
		envs[i] = newAL2Env(t)
		docs[i] = al2CopyPreScript(t, envs[i].stubbed(t, script), filepath.Join(envs[i].root, "pre.copy"))
	}
	walked := walkCloudInit(t, docs)

	for i, sc := range cloudInitScripts {
		t.Run(sc.name, func(t *testing.T) {
			written := checkCloudInitAL2(t, walked[i], docs[i])
			res := envs[i].run(t, string(written))
			require.Equal(t, 0, res.exitCode, "output: %s", res.stderr)
			assert.Equal(t, []string{"bootstrap"}, res.marker)
			assert.Equal(t, wantDelivered(sc.script), envs[i].copyOf("pre"), "the pre script as the node has it")
			assert.Equal(t, sc.output, res.stderr, "output of the pre script")
		})
	}
}

// TestCloudInitCatchesLegacyScriptParts proves the cloud-init check can fail: script parts as
// eksnodes rendered them before (UTF-8 text under charset="us-ascii", no transfer encoding, a
// bash shebang added in front of a CRLF script) are mangled by cloud-init, each in its own way.
func TestCloudInitCatchesLegacyScriptParts(t *testing.T) {
	requireCloudInit(t)
	legacy := func(script string) string {
		doc, err := renderMIME([]Part{
			{ContentType: `text/x-shellscript; charset="us-ascii"`, Body: "#!/usr/bin/env bash\n" + script},
			{ContentType: NodeConfigContentType, Body: "---\nkind: NodeConfig\n"},
		})
		require.NoError(t, err)
		return doc
	}
	cases := []struct {
		name, script string
		check        func(t *testing.T, doc cloudInitDoc)
	}{
		{"latin-1 accents are not written at all", "echo 'café'\n", func(t *testing.T, doc cloudInitDoc) {
			assert.Empty(t, doc.Parts[0].Written)
			require.NotEmpty(t, doc.Warnings)
			assert.Contains(t, doc.Warnings[0], "Failed calling handler ShellScriptPartHandler")
		}},
		{"CJK is written as \\u escapes", "echo '日本'\n", func(t *testing.T, doc cloudInitDoc) {
			assert.Equal(t, "#!/usr/bin/env bash\necho '\\u65e5\\u672c'\n", string(onlyScript(t, doc.Parts[0])))
		}},
		{"CRLF keeps its CRs behind an LF shebang", "echo one\r\n", func(t *testing.T, doc cloudInitDoc) {
			written := onlyScript(t, doc.Parts[0])
			assert.Equal(t, "#!/usr/bin/env bash\necho one\r\n", string(written))
			assert.Equal(t, "one\r\n", runWritten(t, written), "bash prints the CR")
		}},
	}
	docs := make([]string, len(cases))
	for i, c := range cases {
		docs[i] = legacy(c.script)
	}
	walked := walkCloudInit(t, docs)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.NotEmpty(t, walked[i].Parts)
			c.check(t, walked[i])
		})
	}
}

// TestCloudInitRefusesNonUTF8 pins why renderMIME refuses text that is not UTF-8 even in base64:
// cloud-init decodes text parts as UTF-8 and then fails to write the script.
func TestCloudInitRefusesNonUTF8(t *testing.T) {
	requireCloudInit(t)
	doc := "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n" +
		"--B\nContent-Type: " + ShellScriptContentType + "\nContent-Transfer-Encoding: base64\n\n" +
		base64.StdEncoding.EncodeToString([]byte("#!/bin/sh\necho caf\xe9\n")) + "\n" +
		"--B--\n"
	walked := walkCloudInit(t, []string{doc})
	require.Len(t, walked[0].Parts, 1)
	assert.Empty(t, walked[0].Parts[0].Written, "cloud-init cannot write a script that is not UTF-8")
	require.NotEmpty(t, walked[0].Warnings)
	assert.Contains(t, walked[0].Warnings[0], "Failed calling handler ShellScriptPartHandler")

	_, err := renderMIME([]Part{{ContentType: ShellScriptContentType, TransferEncoding: "base64", Body: "#!/bin/sh\necho caf\xe9\n"}})
	assert.Error(t, err)
	_, err = Render(Input{Format: FormatNodeadm, Cluster: testCluster, PreScripts: []string{"echo caf\xe9\n"}})
	assert.Error(t, err, "Render refuses it too")
}

// al2PreScriptRE matches the line that opens the pre script's here-document: the file it writes
// and the delimiter.
var al2PreScriptRE = regexp.MustCompile(`(?m)^cat >("\$\{eksnodes_scripts\}"/'pre-bootstrap[^']*') <<'(EKSNODES_PRE_BOOTSTRAP[_0-9]*)'$`)

// al2CopyPreScript returns script with a command after the pre script's here-document that
// copies the file it wrote to dst, before anything runs it.
func al2CopyPreScript(t *testing.T, script, dst string) string {
	t.Helper()
	m := al2PreScriptRE.FindStringSubmatchIndex(script)
	require.NotNil(t, m, "no pre script here-document in:\n%s", script)
	file, delim := script[m[2]:m[3]], script[m[4]:m[5]]
	end := strings.Index(script[m[1]:], "\n"+delim+"\n")
	require.GreaterOrEqual(t, end, 0, "no end to the pre script's here-document")
	at := m[1] + end + len("\n"+delim+"\n")
	return script[:at] + "cp -- " + file + " " + al2ShellQuote(dst) + "\n" + script[at:]
}
