//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cli runs the real pulumi CLI in a YAML project folder, with the language host beside it and
// the plugins installed from files into a throwaway PULUMI_HOME, as a user installs them.
type cli struct {
	t       *testing.T
	bin     string
	dir     string
	environ []string
}

func (c cli) run(args ...string) string {
	c.t.Helper()
	cmd := exec.Command(c.bin, append(args, "--non-interactive")...)
	cmd.Dir, cmd.Env = c.dir, c.environ
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	c.t.Logf("pulumi %s\n%s", strings.Join(args, " "), out.String())
	require.NoError(c.t, err, "pulumi %s", strings.Join(args, " "))
	return out.String()
}

// previewSteps returns the operation of each resource step of `pulumi preview --json`, by type
// and name.
func (c cli) previewSteps() map[string]string {
	c.t.Helper()
	cmd := exec.Command(c.bin, "preview", "--json", "--non-interactive")
	cmd.Dir, cmd.Env = c.dir, c.environ
	raw, err := cmd.Output()
	require.NoError(c.t, err)
	var doc struct {
		Steps []struct {
			Op  string `json:"op"`
			URN string `json:"urn"`
		} `json:"steps"`
	}
	require.NoError(c.t, json.Unmarshal(raw, &doc))
	out := map[string]string{}
	for _, s := range doc.Steps {
		parts := strings.Split(s.URN, "::")
		typ := parts[len(parts)-2]
		if i := strings.LastIndex(typ, "$"); i >= 0 {
			typ = typ[i+1:]
		}
		out[typ+" "+parts[len(parts)-1]] = s.Op
	}
	return out
}

// The YAML example through the CLI itself: preview, up, a second preview with no changes, an
// instance type change that updates the launch template and the group without replacing
// anything, up, no changes again, destroy.
func TestYAMLExampleLifecycle(t *testing.T) {
	env := offline.ForTest(t)
	bin := filepath.Join(env.PulumiRoot, "bin", "pulumi")
	require.FileExists(t, filepath.Join(env.PulumiRoot, "bin", "pulumi-language-yaml"), "make tools builds the YAML language host beside the CLI")

	dir := t.TempDir()
	project, err := os.ReadFile(filepath.Join(repoRoot, "examples", "yaml-basic", "Pulumi.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), project, 0o644))

	environ := append(os.Environ(),
		"PULUMI_HOME="+env.Home, "PULUMI_BACKEND_URL="+env.Backend, "PULUMI_CONFIG_PASSPHRASE="+offline.Passphrase,
		"PULUMI_SKIP_UPDATE_CHECK=true", "PATH="+filepath.Join(env.PulumiRoot, "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	c := cli{t: t, bin: bin, dir: dir, environ: environ}
	for _, p := range []struct{ name, version string }{{"eksnodes", "0.1.0"}, {"aws", "6.83.2"}} {
		file := ""
		for _, d := range filepath.SplitList(env.PluginPath) {
			if f := filepath.Join(d, "pulumi-resource-"+p.name); fileExists(f) {
				file = f
				break
			}
		}
		require.NotEmpty(t, file, "pulumi-resource-%s on %s", p.name, env.PluginPath)
		c.run("plugin", "install", "resource", p.name, p.version, "--file", file)
	}

	c.run("stack", "init", "e2e")
	out := c.run("preview", "--diff")
	assert.Contains(t, out, "eksnodes:index:NodeGroup")
	assert.Contains(t, out, "+ 18 to create")
	c.run("up", "--yes", "--skip-preview")
	c.run("preview", "--expect-no-changes")

	c.run("config", "set", "instanceType", "m7i.xlarge")
	steps := c.previewSteps()
	assert.Equal(t, "update", steps["aws:ec2/launchTemplate:LaunchTemplate workers"], "the template gets a new version")
	assert.Equal(t, "update", steps["aws:autoscaling/group:Group workers"], "the group moves to it")
	for key, op := range steps {
		assert.NotContains(t, []string{"replace", "create-replacement", "delete-replaced", "create", "delete"}, op, "%s: nothing is replaced", key)
	}
	c.run("up", "--yes", "--skip-preview")
	c.run("preview", "--expect-no-changes")
	c.run("destroy", "--yes", "--skip-preview")
	c.run("stack", "rm", "e2e", "--yes")
}

func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}
