// Package packaging inspects what `make packages` builds (scripts/packages.sh): the npm tarball,
// the Python wheel and sdist, and the plugin tarball, as a registry and a user receive them.
// The expected contents come from the SDK sources (the TypeScript compiler's file list, the
// Python modules), not from the packing scripts.
package packaging

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"maps"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const repoRoot = "../.."

// packages returns the folder make packages wrote, or skips when the run did not build it.
func packages(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EKSNODES_PACKAGES")
	if dir == "" {
		if os.Getenv("EKSNODES_E2E") != "" {
			t.Fatal("EKSNODES_PACKAGES is not set: make test runs make packages first")
		}
		t.Skip("EKSNODES_PACKAGES is not set: run make packages, or make test")
	}
	return dir
}

func repoFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, path))
	require.NoError(t, err)
	return b
}

func version(t *testing.T) string {
	m := regexp.MustCompile(`(?m)^var Version = "([^"]+)"`).FindSubmatch(repoFile(t, "provider/provider.go"))
	require.NotNil(t, m)
	return string(m[1])
}

func downloadURL(t *testing.T) string {
	m := regexp.MustCompile(`(?m)^const PluginDownloadURL = "([^"]+)"`).FindSubmatch(repoFile(t, "provider/provider.go"))
	require.NotNil(t, m)
	return string(m[1])
}

// untar reads a gzip-compressed tarball: each regular file's contents by name, and modes.
func untar(t *testing.T, path string) (map[string][]byte, map[string]int64) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	tr := tar.NewReader(zr)
	files, modes := map[string][]byte{}, map[string]int64{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, modes
		}
		require.NoError(t, err)
		if h.Typeflag == tar.TypeDir {
			continue
		}
		require.Equal(t, byte(tar.TypeReg), h.Typeflag, "%s: only regular files", h.Name)
		b, err := io.ReadAll(tr)
		require.NoError(t, err)
		files[h.Name], modes[h.Name] = b, h.Mode
	}
}

// The npm package holds exactly the compiled SDK: a .js and a .d.ts for every TypeScript file
// the SDK's tsconfig.json compiles, package.json, README.md and LICENSE; no sources, maps,
// tsconfig or node_modules.
func TestNPMPackage(t *testing.T) {
	dir, v := packages(t), version(t)
	files, _ := untar(t, filepath.Join(dir, "eksnodes-eksnodes-"+v+".tgz"))

	var tsconfig struct{ Files []string }
	require.NoError(t, json.Unmarshal(stripJSONComments(repoFile(t, "sdk/nodejs/tsconfig.json")), &tsconfig))
	require.NotEmpty(t, tsconfig.Files)
	want := []string{"package/LICENSE", "package/README.md", "package/package.json"}
	for _, ts := range tsconfig.Files {
		base := "package/" + strings.TrimSuffix(ts, ".ts")
		want = append(want, base+".js", base+".d.ts")
	}
	slices.Sort(want)
	assert.Equal(t, want, slices.Sorted(maps.Keys(files)), "the npm package's files")

	var pkg struct {
		Name, Version, Description, License, Homepage, Repository string
		Keywords                                                  []string
		Dependencies                                              map[string]string
		Pulumi                                                    struct {
			Resource              bool
			Name, Version, Server string
		}
	}
	require.NoError(t, json.Unmarshal(files["package/package.json"], &pkg))
	assert.Equal(t, "@eksnodes/eksnodes", pkg.Name)
	assert.Equal(t, v, pkg.Version, "the npm version is the plugin's")
	assert.Equal(t, "Apache-2.0", pkg.License)
	assert.Equal(t, "https://github.com/eksnodes/pulumi-eksnodes", pkg.Homepage)
	assert.Equal(t, "https://github.com/eksnodes/pulumi-eksnodes", pkg.Repository)
	assert.NotEmpty(t, pkg.Description)
	assert.Subset(t, pkg.Keywords, []string{"pulumi", "eks", "kind/component"})
	assert.Contains(t, pkg.Dependencies, "@pulumi/pulumi")
	assert.True(t, pkg.Pulumi.Resource)
	assert.Equal(t, "eksnodes", pkg.Pulumi.Name)
	assert.Equal(t, v, pkg.Pulumi.Version, "the plugin version the SDK asks for")
	assert.Equal(t, downloadURL(t), pkg.Pulumi.Server, "where the CLI downloads the plugin")
	assert.True(t, bytes.Equal(repoFile(t, "LICENSE"), files["package/LICENSE"]), "the npm package's LICENSE is the repository's")
	assert.Contains(t, string(files["package/README.md"]), "npm install @eksnodes/eksnodes")
	assert.Contains(t, string(files["package/utilities.js"]), downloadURL(t), "every resource carries the download URL")
	assert.Contains(t, string(files["package/index.d.ts"]), "NodeGroup", "the types are present")
	for name, b := range files {
		assert.NotContains(t, string(b), "sourceMappingURL", "%s points at a source map the package lacks", name)
	}
}

// pythonModules are the files of the Python SDK's package folder that belong in the package.
func pythonModules(t *testing.T) []string {
	entries, err := os.ReadDir(filepath.Join(repoRoot, "sdk/python/pulumi_eksnodes"))
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".py") || n == "py.typed" || n == "pulumi-plugin.json" {
			out = append(out, "pulumi_eksnodes/"+n)
		}
	}
	require.Contains(t, out, "pulumi_eksnodes/__init__.py")
	return out
}

// The wheel: every module, the typing marker, the plugin manifest, the license, and metadata
// PyPI shows (read with the email header parser, as the core metadata format is defined).
func TestPythonWheel(t *testing.T) {
	dir, v := packages(t), version(t)
	zr, err := zip.OpenReader(filepath.Join(dir, "pulumi_eksnodes-"+v+"-py3-none-any.whl"))
	require.NoError(t, err)
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		files[f.Name] = b
	}
	info := "pulumi_eksnodes-" + v + ".dist-info/"
	want := append(pythonModules(t), info+"METADATA", info+"WHEEL", info+"RECORD", info+"top_level.txt", info+"licenses/LICENSE")
	slices.Sort(want)
	assert.Equal(t, want, slices.Sorted(maps.Keys(files)), "the wheel's files")

	var plugin struct {
		Resource              bool
		Name, Version, Server string
	}
	require.NoError(t, json.Unmarshal(files["pulumi_eksnodes/pulumi-plugin.json"], &plugin))
	assert.Equal(t, true, plugin.Resource)
	assert.Equal(t, "eksnodes", plugin.Name)
	assert.Equal(t, v, plugin.Version)
	assert.Equal(t, downloadURL(t), plugin.Server)

	msg, err := mail.ReadMessage(bytes.NewReader(files[info+"METADATA"]))
	require.NoError(t, err)
	h := msg.Header
	assert.Equal(t, "pulumi_eksnodes", h.Get("Name"))
	assert.Equal(t, v, h.Get("Version"), "the PyPI version is the plugin's")
	assert.NotEmpty(t, h.Get("Summary"))
	assert.Contains(t, h.Get("License")+h.Get("License-Expression"), "Apache-2.0")
	assert.Equal(t, "text/markdown", h.Get("Description-Content-Type"))
	assert.Contains(t, h.Get("Requires-Python"), ">=3.9")
	assert.Contains(t, h.Get("Keywords"), "eks")
	assert.Contains(t, h["Project-Url"], "Homepage, https://github.com/eksnodes/pulumi-eksnodes")
	assert.Contains(t, h["Project-Url"], "Repository, https://github.com/eksnodes/pulumi-eksnodes")
	assert.True(t, slices.ContainsFunc(h["Requires-Dist"], func(s string) bool { return strings.HasPrefix(s, "pulumi") && strings.Contains(s, "<4") }), "requires pulumi 3: %v", h["Requires-Dist"])
	body, err := io.ReadAll(msg.Body)
	require.NoError(t, err)
	assert.Contains(t, string(body), "pip install pulumi_eksnodes", "the long description is the package README")
}

// The sdist builds the same package: its modules, pyproject.toml, README and LICENSE.
func TestPythonSdist(t *testing.T) {
	dir, v := packages(t), version(t)
	files, _ := untar(t, filepath.Join(dir, "pulumi_eksnodes-"+v+".tar.gz"))
	top := "pulumi_eksnodes-" + v + "/"
	for _, name := range append(pythonModules(t), "pyproject.toml", "PKG-INFO", "README.md", "LICENSE") {
		assert.Contains(t, files, top+name)
	}
	for name := range files {
		assert.True(t, strings.HasPrefix(name, top), "%s is outside %s", name, top)
		assert.NotContains(t, name, "__pycache__")
	}
}

// The plugin tarball for this machine has the layout the CLI unpacks.
func TestPluginTarball(t *testing.T) {
	dir, v := packages(t), version(t)
	matches, err := filepath.Glob(filepath.Join(dir, "pulumi-resource-eksnodes-v"+v+"-*.tar.gz"))
	require.NoError(t, err)
	require.Len(t, matches, 1, "one plugin tarball, for this machine")
	files, modes := untar(t, matches[0])
	assert.Equal(t, []string{"LICENSE", "README.md", "pulumi-resource-eksnodes"}, slices.Sorted(maps.Keys(files)))
	assert.Equal(t, int64(0o755), modes["pulumi-resource-eksnodes"])
	assert.True(t, bytes.Equal(repoFile(t, "README.md"), files["README.md"]), "the tarball's README.md is the repository's")
}

var lineComment = regexp.MustCompile(`(?m)^\s*//.*$`)

// stripJSONComments removes the whole-line // comments tsconfig.json allows.
func stripJSONComments(b []byte) []byte { return lineComment.ReplaceAll(b, nil) }
