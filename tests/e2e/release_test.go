//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/gitutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// releaseVersion is provider.Version, read from its one place.
func releaseVersion(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, "provider", "provider.go"))
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^var Version = "([^"]+)"`).FindSubmatch(src)
	require.NotNil(t, m)
	return string(m[1])
}

// requiredDir returns the folder named by an environment variable that make test sets.
func requiredDir(t *testing.T, name, target string) string {
	t.Helper()
	dir := os.Getenv(name)
	if dir == "" {
		if os.Getenv(offline.EnvRequired) != "" {
			t.Fatalf("%s is not set: make test-e2e runs make %s first", name, target)
		}
		t.Skipf("%s is not set (make %s)", name, target)
	}
	return dir
}

// schemaOf asks the real CLI for a plugin binary's schema, decoded.
func schemaOf(t *testing.T, env *offline.Env, binary string) map[string]any {
	t.Helper()
	cmd := exec.Command(filepath.Join(env.PulumiRoot, "bin", "pulumi"), "package", "get-schema", binary)
	cmd.Env = env.Environ()
	out, err := cmd.Output()
	require.NoError(t, err, "pulumi package get-schema %s", binary)
	var s map[string]any
	require.NoError(t, json.Unmarshal(out, &s))
	return s
}

func committedSchema(t *testing.T) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "schema.json"))
	require.NoError(t, err)
	var s map[string]any
	require.NoError(t, json.Unmarshal(raw, &s))
	return s
}

// withoutEksnodesPlugin drops the folders holding the eksnodes plugin from the Env's plugin
// path, so the engine must get the plugin some other way.
func withoutEksnodesPlugin(t *testing.T, env *offline.Env) {
	t.Helper()
	var keep []string
	for _, d := range filepath.SplitList(env.PluginPath) {
		if !fileExists(filepath.Join(d, "pulumi-resource-eksnodes")) {
			keep = append(keep, d)
		}
	}
	require.NotEmpty(t, keep, "the stand-in AWS plugin's folder")
	env.PluginPath = strings.Join(keep, string(os.PathListSeparator))
	path, err := exec.LookPath("pulumi-resource-eksnodes")
	require.Error(t, err, "an eksnodes plugin on the ambient PATH (%s) would hide the download", path)
}

// The release tarball of this platform, unpacked, is a working plugin; and a program using the
// packed npm SDK, with no plugin installed, makes the CLI download that tarball from the URL the
// SDK carries (here redirected, by the CLI's own override setting, to a local server laid out
// like GitHub releases) and runs the preview with it.
func TestPluginDownloadedFromRelease(t *testing.T) {
	env := offline.ForTest(t)
	dist := requiredDir(t, "EKSNODES_DIST", "dist")
	version := releaseVersion(t)
	name := "pulumi-resource-eksnodes-v" + version + "-" + runtime.GOOS + "-" + runtime.GOARCH + ".tar.gz"
	tarball := filepath.Join(dist, name)
	require.FileExists(t, tarball)

	unpacked := t.TempDir()
	out, err := exec.Command("tar", "-xzf", tarball, "-C", unpacked).CombinedOutput()
	require.NoError(t, err, "tar -xzf %s\n%s", tarball, out)
	binary := filepath.Join(unpacked, "pulumi-resource-eksnodes")
	assert.Equal(t, committedSchema(t), schemaOf(t, env, binary), "the released binary's schema is schema.json")

	var mu sync.Mutex
	var requests []string
	prefix := "/eksnodes/pulumi-eksnodes/releases/download/v" + version + "/"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests = append(requests, r.URL.Path)
		mu.Unlock()
		file := strings.TrimPrefix(r.URL.Path, prefix)
		if file == r.URL.Path || strings.ContainsAny(file, `/\`) || !fileExists(filepath.Join(dist, file)) {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(dist, file))
	}))
	defer srv.Close()

	withoutEksnodesPlugin(t, env)
	env.Extra = map[string]string{
		"PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES": `^github://api\.github\.com/eksnodes/pulumi-eksnodes$=` + srv.URL + strings.TrimSuffix(prefix, "/"),
	}
	example := filepath.Join(env.Artifacts, "ts-basic")
	require.FileExists(t, filepath.Join(example, "bin", "index.js"), "the compiled example (scripts/check-sdks.sh)")
	project, cfg, err := offline.ProjectConfig(filepath.Join(repoRoot, "examples", "ts-basic", "Pulumi.yaml"))
	require.NoError(t, err)
	driver, err := filepath.Abs("driver.js")
	require.NoError(t, err)
	results, err := env.RunDriver(context.Background(), []string{"node", driver, example, "download"}, project, cfg,
		[]offline.Step{{Op: "preview"}}, offline.TestLog(t))
	require.NoError(t, err)

	mu.Lock()
	assert.Equal(t, []string{prefix + name}, requests, "the CLI asked for this platform's tarball, once")
	mu.Unlock()
	require.Len(t, results, 1)
	assert.Greater(t, results[0].Changes["create"], 10, "the preview ran through the downloaded plugin")
	var sawGroup bool
	for _, e := range results[0].Events {
		sawGroup = sawGroup || e.Type == "eksnodes:index:NodeGroup"
	}
	assert.True(t, sawGroup, "the NodeGroup component was constructed")
	installed, err := os.ReadFile(filepath.Join(env.Home, "plugins", "resource-eksnodes-v"+version, "pulumi-resource-eksnodes"))
	require.NoError(t, err, "the CLI installed the downloaded plugin")
	released, err := os.ReadFile(binary)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(released, installed), "the installed plugin is the released binary")
}

// The source-based package: the folder `pulumi package add github.com/...@v<version>` names
// holds a PulumiPlugin.yaml the CLI's own loader reads as a Go plugin, and building that folder
// the way the Go language host does (go build, no flags) gives a plugin with the committed
// schema and the release's version. The Go language host itself cannot be built here, so the
// clone-and-build step of `pulumi package add` is not run; `pulumi package add` of the built
// binary is, in a YAML project.
func TestSourceBasedPackage(t *testing.T) {
	env := offline.ForTest(t)
	const folder = "provider/cmd/pulumi-resource-eksnodes"
	const ref = "github.com/eksnodes/pulumi-eksnodes/" + folder
	version := releaseVersion(t)

	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), "pulumi package add "+ref+"@v"+version, "the README's command")
	repo, sub, err := gitutil.ParseGitRepoURL("https://" + ref)
	require.NoError(t, err)
	assert.Equal(t, "https://github.com/eksnodes/pulumi-eksnodes.git", repo, "the CLI clones the repository")
	assert.Equal(t, folder, sub, "and builds this folder")

	proj, err := workspace.LoadPluginProject(filepath.Join(repoRoot, folder, "PulumiPlugin.yaml"))
	require.NoError(t, err)
	assert.Equal(t, "go", proj.Runtime.Name())

	binary := filepath.Join(t.TempDir(), "pulumi-resource-eksnodes")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = filepath.Join(repoRoot, folder)
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build in %s\n%s", folder, out)
	schema := schemaOf(t, env, binary)
	assert.Equal(t, committedSchema(t), schema, "a plain source build serves schema.json")
	assert.Equal(t, version, schema["version"], "and reports the release's version without linker flags")

	dir := t.TempDir()
	project, err := os.ReadFile(filepath.Join(repoRoot, "examples", "yaml-basic", "Pulumi.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), project, 0o644))
	add := exec.Command(filepath.Join(env.PulumiRoot, "bin", "pulumi"), "package", "add", binary)
	add.Dir, add.Env = dir, env.Environ()
	out, err = add.CombinedOutput()
	t.Logf("pulumi package add %s\n%s", binary, out)
	if err != nil {
		// The YAML language host v1.25.0 (the newest the module proxy serves) has no Link.
		require.Contains(t, string(out), "method Link not implemented", "the only failure expected of package add")
	}
	// For YAML the "SDK" is a package declaration: the plugin's name, version and download URL,
	// read from the schema the binary serves.
	generated, err := os.ReadFile(filepath.Join(dir, "sdks", "eksnodes-eksnodes", "eksnodes-"+version+".yaml"))
	require.NoError(t, err, "package add wrote the YAML package declaration")
	var decl struct {
		Name        string `yaml:"name"`
		Version     string `yaml:"version"`
		DownloadURL string `yaml:"downloadUrl"`
	}
	require.NoError(t, yaml.Unmarshal(generated, &decl))
	assert.Equal(t, "eksnodes", decl.Name)
	assert.Equal(t, version, decl.Version)
	assert.Equal(t, committedSchema(t)["pluginDownloadURL"], decl.DownloadURL, "the declaration carries the download URL")
}
