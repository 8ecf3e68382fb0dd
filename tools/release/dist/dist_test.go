package dist

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var at = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

func sample() []File {
	return []File{
		{Name: "README.md", Mode: 0o644, Data: []byte("# readme\n")},
		{Name: "pulumi-resource-eksnodes", Mode: 0o755, Data: []byte("\x7fELF binary")},
		{Name: "LICENSE", Mode: 0o644, Data: []byte("Apache-2.0\n")},
	}
}

func TestPackIsReproducible(t *testing.T) {
	a, err := Pack(sample(), at)
	if err != nil {
		t.Fatal(err)
	}
	files := sample()
	files[0], files[2] = files[2], files[0]
	b, err := Pack(files, at.Add(500*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same files in another order (and the same second) packed differently")
	}
	c, err := Pack(sample(), at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c) {
		t.Error("the timestamp does not reach the tarball: the check above proves nothing")
	}
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header carries name %q and time %v; want neither", zr.Name, zr.ModTime)
	}
}

// GNU tar, not our reader, says what a user unpacking the tarball gets.
func TestPackLayoutAsTarSeesIt(t *testing.T) {
	if _, err := exec.LookPath("tar"); err != nil {
		t.Skip("tar is not installed")
	}
	tgz, err := Pack(sample(), at)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.tar.gz")
	if err := os.WriteFile(path, tgz, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("tar", "--numeric-owner", "-tvzf", path).CombinedOutput()
	if err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	want := []struct{ mode, name string }{
		{"-rw-r--r--", "LICENSE"}, {"-rw-r--r--", "README.md"}, {"-rwxr-xr-x", "pulumi-resource-eksnodes"},
	}
	if len(lines) != len(want) {
		t.Fatalf("tar lists %d entries, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		f := strings.Fields(lines[i])
		if f[0] != w.mode || f[1] != "0/0" || f[len(f)-1] != w.name || f[3] != "2026-11-30" {
			t.Errorf("entry %d: %q, want %s 0/0 ... 2026-11-30 ... %s", i, lines[i], w.mode, w.name)
		}
	}
	dir := t.TempDir()
	if out, err := exec.Command("tar", "-xzf", path, "-C", dir).CombinedOutput(); err != nil {
		t.Fatalf("tar -x: %v\n%s", err, out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "pulumi-resource-eksnodes"))
	if err != nil || string(got) != "\x7fELF binary" {
		t.Errorf("unpacked binary = %q, %v", got, err)
	}
}

func TestPackRefusesPathsAndDuplicates(t *testing.T) {
	for _, files := range [][]File{
		{{Name: "bin/x", Data: nil}},
		{{Name: "", Data: nil}},
		{{Name: "a"}, {Name: "a"}},
	} {
		if _, err := Pack(files, at); err == nil {
			t.Errorf("Pack(%v) succeeded", files)
		}
	}
}

// sha256sum, the tool a user checks a download with, accepts the file and catches a change.
func TestChecksumsReadBySha256sum(t *testing.T) {
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Skip("sha256sum is not installed")
	}
	dir := t.TempDir()
	for _, name := range []string{"b.tar.gz", "a.tar.gz"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	sums, err := Checksums(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(string(sums)), "\n"); len(lines) != 2 || !strings.HasSuffix(lines[0], "  a.tar.gz") {
		t.Errorf("SHA256SUMS = %q; want the two tarballs in name order", sums)
	}
	if err := os.WriteFile(filepath.Join(dir, "SHA256SUMS"), sums, 0o644); err != nil {
		t.Fatal(err)
	}
	check := func() error {
		cmd := exec.Command("sha256sum", "--strict", "-c", "SHA256SUMS")
		cmd.Dir = dir
		return cmd.Run()
	}
	if err := check(); err != nil {
		t.Fatalf("sha256sum -c refused our file: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.tar.gz"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if check() == nil {
		t.Error("sha256sum -c accepted a changed tarball")
	}
}

func TestPlatformsAndNames(t *testing.T) {
	ps, err := ParsePlatforms("all", "linux", "amd64")
	if err != nil || len(ps) != 6 {
		t.Fatalf("all = %v, %v; want six platforms", ps, err)
	}
	seen := map[string]bool{}
	for _, p := range ps {
		seen[TarballName("1.2.3", p)] = true
	}
	for _, want := range []string{
		"pulumi-resource-eksnodes-v1.2.3-linux-amd64.tar.gz", "pulumi-resource-eksnodes-v1.2.3-linux-arm64.tar.gz",
		"pulumi-resource-eksnodes-v1.2.3-darwin-amd64.tar.gz", "pulumi-resource-eksnodes-v1.2.3-darwin-arm64.tar.gz",
		"pulumi-resource-eksnodes-v1.2.3-windows-amd64.tar.gz", "pulumi-resource-eksnodes-v1.2.3-windows-arm64.tar.gz",
	} {
		if !seen[want] {
			t.Errorf("missing %s", want)
		}
	}
	if (Platform{"windows", "arm64"}).Binary() != "pulumi-resource-eksnodes.exe" {
		t.Error("the Windows binary needs .exe")
	}
	if ps, err := ParsePlatforms("host,linux-amd64", "linux", "amd64"); err != nil || len(ps) != 1 {
		t.Errorf("host,linux-amd64 on linux/amd64 = %v, %v; want one platform", ps, err)
	}
	for _, bad := range []string{"linux", "freebsd-amd64", "linux-386", ""} {
		if _, err := ParsePlatforms(bad, "linux", "amd64"); err == nil {
			t.Errorf("ParsePlatforms(%q) succeeded", bad)
		}
	}
	for _, bad := range []string{"v0.1.0", "0.1", "01.2.3", "1.2.3 ", ""} {
		if CheckVersion(bad) == nil {
			t.Errorf("CheckVersion(%q) accepted", bad)
		}
	}
	for _, good := range []string{"0.1.0", "1.0.0-rc.1", "2.3.4+build.5"} {
		if err := CheckVersion(good); err != nil {
			t.Errorf("CheckVersion(%q): %v", good, err)
		}
	}
}

func TestSourceTime(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1764496800")
	got, err := SourceTime(".")
	if err != nil || !got.Equal(time.Unix(1764496800, 0)) {
		t.Errorf("SourceTime = %v, %v", got, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if _, err := SourceTime("."); err == nil {
		t.Error("a non-numeric SOURCE_DATE_EPOCH was accepted")
	}
}

// readTarball lists a tarball's entries with their modes.
func readTarball(t *testing.T, data []byte) map[string]int64 {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	out := map[string]int64{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out[h.Name] = h.Mode
	}
}
