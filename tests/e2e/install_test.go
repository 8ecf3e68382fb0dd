//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeBlocks returns the README's fenced blocks whose info string is "sh install-<lang>",
// by language, exactly as written.
func readmeBlocks(t *testing.T) (map[string]string, string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	out := map[string]string{}
	for _, m := range regexp.MustCompile("(?ms)^```sh install-([a-z]+)\n(.*?)^```").FindAllStringSubmatch(string(raw), -1) {
		out[m[1]] = m[2]
	}
	goBlock := regexp.MustCompile("(?s)\\*\\*Go\\*\\* \\(`main.go`\\):\n\n```go\n(.*?)\n```").FindStringSubmatch(string(raw))
	require.NotNil(t, goBlock, "the README's Go quick start")
	return out, goBlock[1]
}

// shell runs a script with bash -euo pipefail in dir.
type shell struct {
	t       *testing.T
	environ []string
}

func (s shell) run(dir, script string) string {
	s.t.Helper()
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Dir, cmd.Env = dir, s.environ
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	s.t.Logf("$ %s\n%s", strings.TrimSpace(script), out.String())
	require.NoError(s.t, err, "in %s: %s", dir, script)
	return out.String()
}

// The README's install commands for the packages `make packages` builds, run as written in a
// fresh project per language, each followed by what a user does next: compile the reference
// examples against the installed TypeScript SDK (tsc --strict) and Python SDK (mypy --strict),
// build the README's Go program, and preview the YAML example with the installed plugin.
func TestInstallCommandsFromREADME(t *testing.T) {
	env := offline.ForTest(t)
	pkgs := requiredDir(t, "EKSNODES_PACKAGES", "packages")
	root, err := filepath.Abs(repoRoot)
	require.NoError(t, err)
	require.Equal(t, filepath.Join(root, "dist", "packages"), filepath.Clean(pkgs), "the README's commands read $EKSNODES/dist/packages")
	blocks, goProgram := readmeBlocks(t)
	for _, lang := range []string{"typescript", "python", "go", "yaml"} {
		require.Contains(t, blocks, lang, "README.md has a ```sh install-%s block", lang)
	}
	version := releaseVersion(t)
	withoutEksnodesPlugin(t, env)
	pulumiBin := filepath.Join(env.PulumiRoot, "bin")
	base := append(env.Environ(), "EKSNODES="+root, "GOWORK=off")
	examples, err := filepath.Glob(filepath.Join(repoRoot, "tools", "codegen", "reference", "examples", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, examples)

	pluginInstalled := func(t *testing.T, sh shell, dir string) {
		var plugins []struct{ Name, Version, Kind string }
		require.NoError(t, json.Unmarshal([]byte(sh.run(dir, "pulumi plugin ls --json")), &plugins))
		found := false
		for _, p := range plugins {
			found = found || (p.Name == "eksnodes" && p.Version == version && p.Kind == "resource")
		}
		assert.True(t, found, "pulumi plugin ls lists eksnodes %s: %v", version, plugins)
	}

	t.Run("typescript", func(t *testing.T) {
		dir, home := t.TempDir(), t.TempDir()
		sh := shell{t, append(base, "PULUMI_HOME="+home)}
		sh.run(dir, "npm init -y >/dev/null")
		sh.run(dir, blocks["typescript"])
		pluginInstalled(t, sh, dir)
		var files []string
		for _, ex := range examples {
			src, err := os.ReadFile(filepath.Join(ex, "index.ts"))
			require.NoError(t, err)
			name := filepath.Base(ex) + ".ts"
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), src, 0o644))
			files = append(files, name)
		}
		tsconfig, err := json.Marshal(map[string]any{
			"compilerOptions": map[string]any{"strict": true, "noEmit": true, "skipLibCheck": true, "target": "ES2020", "module": "commonjs", "types": []string{"node"}},
			"files":           files,
		})
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "tsconfig.json"), tsconfig, 0o644))
		sh.run(dir, "npm install --no-audit --no-fund --loglevel=error --no-save typescript@4.9.5 @types/node@20 && npx tsc -p .")
		sh.run(dir, `node -e 'const e = require("@eksnodes/eksnodes"); for (const c of ["NodeGroup", "NodeRole", "NodeSecurityGroup"]) { if (typeof e[c] !== "function") { throw new Error(c) } }'`)
	})

	t.Run("python", func(t *testing.T) {
		dir, home := t.TempDir(), t.TempDir()
		venv := filepath.Join(dir, "venv")
		out, err := exec.Command("python3", "-m", "venv", venv).CombinedOutput()
		require.NoError(t, err, "%s", out)
		sh := shell{t, append(base, "PULUMI_HOME="+home, "VIRTUAL_ENV="+venv,
			"PATH="+filepath.Join(venv, "bin")+string(os.PathListSeparator)+pulumiBin+string(os.PathListSeparator)+os.Getenv("PATH"))}
		sh.run(dir, blocks["python"])
		pluginInstalled(t, sh, dir)
		sh.run(dir, "pip install --quiet --disable-pip-version-check mypy==1.13.0")
		for _, ex := range examples {
			src, err := os.ReadFile(filepath.Join(ex, "__main__.py"))
			require.NoError(t, err)
			name := filepath.Base(ex) + ".py"
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), src, 0o644))
			sh.run(dir, "mypy --strict --no-incremental --cache-dir=/dev/null "+name)
		}
		sh.run(dir, `python -c 'import pulumi_eksnodes as e; assert e.NodeGroup and e.NodeRole and e.NodeSecurityGroup'`)
	})

	t.Run("go", func(t *testing.T) {
		dir := t.TempDir()
		sh := shell{t, base}
		sh.run(dir, "go mod init example.com/try")
		require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(goProgram+"\n"), 0o644))
		sh.run(dir, blocks["go"])
		sh.run(dir, "go vet . && go build -o /dev/null .")
	})

	t.Run("yaml", func(t *testing.T) {
		dir, home := t.TempDir(), t.TempDir()
		sh := shell{t, append(base, "PULUMI_HOME="+home)}
		project, err := os.ReadFile(filepath.Join(repoRoot, "examples", "yaml-basic", "Pulumi.yaml"))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), project, 0o644))
		sh.run(dir, blocks["yaml"])
		pluginInstalled(t, sh, dir)
		aws := ""
		for _, d := range filepath.SplitList(env.PluginPath) {
			if f := filepath.Join(d, "pulumi-resource-aws"); fileExists(f) {
				aws = f
			}
		}
		require.NotEmpty(t, aws, "the stand-in AWS plugin")
		sh.run(dir, "pulumi plugin install resource aws 6.83.2 --file "+aws)
		sh.run(dir, "pulumi stack init try --non-interactive")
		out := sh.run(dir, "pulumi preview --non-interactive")
		assert.Contains(t, out, "eksnodes:index:NodeGroup")
		assert.Contains(t, out, "to create")
	})
}
