package dist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const repoRoot = "../../.."

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func match(t *testing.T, path, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(read(t, path))
	if m == nil {
		t.Fatalf("%s: no match for %s", path, pattern)
	}
	return m[1]
}

// The version is written once (provider.Version); everything a user downloads says the same.
func TestOneVersionEverywhere(t *testing.T) {
	version := match(t, "provider/provider.go", `(?m)^var Version = "([^"]+)"`)
	url := match(t, "provider/provider.go", `(?m)^const PluginDownloadURL = "([^"]+)"`)
	if err := CheckVersion(version); err != nil {
		t.Fatal(err)
	}
	var schema struct{ Version, PluginDownloadURL string }
	var npm struct {
		Version string
		Pulumi  struct{ Version, Server, Name string }
	}
	var plugin struct{ Version, Server, Name string }
	for path, v := range map[string]any{"schema.json": &schema, "sdk/nodejs/package.json": &npm, "sdk/python/pulumi_eksnodes/pulumi-plugin.json": &plugin} {
		if err := json.Unmarshal([]byte(read(t, path)), v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	got := map[string]string{
		"schema.json version":                       schema.Version,
		"sdk/nodejs/package.json version":           npm.Version,
		"sdk/nodejs/package.json pulumi.version":    npm.Pulumi.Version,
		"sdk/python/pyproject.toml version":         match(t, "sdk/python/pyproject.toml", `(?m)^\s*version = "([^"]+)"`),
		"sdk/python/.../pulumi-plugin.json version": plugin.Version,
	}
	for where, v := range got {
		if v != version {
			t.Errorf("%s = %q; provider.Version is %q (run make codegen)", where, v, version)
		}
	}
	for where, v := range map[string]string{"schema.json": schema.PluginDownloadURL, "package.json": npm.Pulumi.Server, "pulumi-plugin.json": plugin.Server} {
		if v != url {
			t.Errorf("%s plugin download URL = %q, want %q", where, v, url)
		}
	}
	// Before a release its entries wait under [Unreleased]; the release workflow refuses a tag
	// whose version has no section (scripts/release-notes.sh).
	if log := read(t, "CHANGELOG.md"); !strings.Contains(log, "## ["+version+"]") && !strings.Contains(log, "## [Unreleased]") {
		t.Errorf("CHANGELOG.md has neither a section for %s nor an [Unreleased] one", version)
	}
	readme := read(t, "README.md")
	for _, want := range []string{"eksnodes-eksnodes-" + version + ".tgz", "pulumi_eksnodes-" + version + "-py3-none-any.whl", "pulumi-eksnodes@v" + version, "pulumi-resource-eksnodes@v" + version, "resource eksnodes " + version} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md's install commands do not name %q", want)
		}
	}
}

// make dist gives the same bytes when the same commit is built again from another folder. It
// needs the tarballs of `make dist` (EKSNODES_DIST), which make test builds first.
func TestReleaseBuildIsReproducible(t *testing.T) {
	built := os.Getenv("EKSNODES_DIST")
	if built == "" {
		t.Skip("EKSNODES_DIST is not set: make test sets it after make dist")
	}
	version := match(t, "provider/provider.go", `(?m)^var Version = "([^"]+)"`)
	want, err := os.ReadFile(filepath.Join(built, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(want), ".tar.gz\n"); n != len(Platforms) {
		t.Fatalf("%s/SHA256SUMS lists %d tarballs, want %d:\n%s", built, n, len(Platforms), want)
	}
	sha := exec.Command("sha256sum", "--strict", "-c", "SHA256SUMS")
	sha.Dir = built
	if out, err := sha.CombinedOutput(); err != nil {
		t.Fatalf("sha256sum -c in %s: %v\n%s", built, err, out)
	}

	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	at, err := SourceTime(root)
	if err != nil {
		t.Fatal(err)
	}
	copyDir := filepath.Join(t.TempDir(), "elsewhere", "pulumi-eksnodes")
	copyTree(t, root, copyDir)
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := Build(Options{Root: copyDir, Out: out, Version: version, Platforms: Platforms, Time: at}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("a second build from %s differs from make dist:\n--- make dist\n%s--- again\n%s", copyDir, want, got)
	}
	for _, p := range Platforms {
		entries := readTarball(t, mustRead(t, filepath.Join(built, TarballName(version, p))))
		wantEntries := map[string]int64{p.Binary(): 0o755, "LICENSE": 0o644, "README.md": 0o644}
		if fmt.Sprint(entries) != fmt.Sprint(wantEntries) {
			t.Errorf("%s holds %v, want %v", TarballName(version, p), entries, wantEntries)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// copyTree copies the files git knows of (tracked, and new ones not ignored) to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	out, err := exec.Command("git", "-C", src, "ls-files", "-co", "--exclude-standard", "-z").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(src, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dst, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
}
