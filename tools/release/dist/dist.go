// Package dist builds the release artifacts of the provider plugin: one tarball per platform,
// named and laid out the way the Pulumi CLI expects when it downloads a plugin
// (pulumi-resource-eksnodes-v<version>-<os>-<arch>.tar.gz holding the binary, README.md and
// LICENSE), and a SHA256SUMS file that `sha256sum -c` reads.
//
// The artifacts are reproducible: the same source, version, Go toolchain and timestamp give the
// same bytes. The binaries are built with -trimpath, without VCS stamping or a build ID, and
// CGO disabled; the tar entries carry a fixed timestamp, no owner and sorted names; the gzip
// header carries no name or time.
package dist

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Plugin is the plugin's binary name, without the .exe Windows adds.
const Plugin = "pulumi-resource-eksnodes"

// Platform is a GOOS/GOARCH pair the plugin is released for.
type Platform struct{ OS, Arch string }

func (p Platform) String() string { return p.OS + "-" + p.Arch }

// Binary is the plugin's file name on the platform.
func (p Platform) Binary() string {
	if p.OS == "windows" {
		return Plugin + ".exe"
	}
	return Plugin
}

// Platforms are the released platforms: Linux, macOS and Windows on amd64 and arm64.
var Platforms = []Platform{
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// ParsePlatforms reads a comma-separated list of os-arch pairs; "all" is every released
// platform and "host" the one this program runs on.
func ParsePlatforms(list, hostOS, hostArch string) ([]Platform, error) {
	var out []Platform
	for _, item := range strings.Split(list, ",") {
		switch item = strings.TrimSpace(item); item {
		case "all":
			out = append(out, Platforms...)
			continue
		case "host":
			item = hostOS + "-" + hostArch
		}
		os, arch, ok := strings.Cut(item, "-")
		p := Platform{os, arch}
		if !ok || !slices.Contains(Platforms, p) {
			return nil, fmt.Errorf("platform %q is not released; use all, host or one of %v", item, Platforms)
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// TarballName is the file name the Pulumi CLI asks a plugin download server for.
func TarballName(version string, p Platform) string {
	return fmt.Sprintf("%s-v%s-%s.tar.gz", Plugin, version, p)
}

var semver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// CheckVersion refuses a version that is not a semantic version without a leading v.
func CheckVersion(version string) error {
	if !semver.MatchString(version) {
		return fmt.Errorf("version %q is not a semantic version (MAJOR.MINOR.PATCH, no leading v)", version)
	}
	return nil
}

// Options describe one release build.
type Options struct {
	Root      string     // the repository root (holds provider/, README.md and LICENSE)
	Out       string     // the folder the tarballs and SHA256SUMS are written to
	Version   string     // the plugin version, without a leading v
	Platforms []Platform // the platforms to build
	Time      time.Time  // the timestamp of every tar entry
	Log       func(format string, args ...any)
}

// Build compiles the plugin for each platform, packs each binary with the README and LICENSE,
// and writes SHA256SUMS over the tarballs of the folder. It returns the tarballs' paths.
func Build(o Options) ([]string, error) {
	if err := CheckVersion(o.Version); err != nil {
		return nil, err
	}
	docs := map[string][]byte{}
	for _, name := range []string{"README.md", "LICENSE"} {
		b, err := os.ReadFile(filepath.Join(o.Root, name))
		if err != nil {
			return nil, err
		}
		docs[name] = b
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "eksnodes-dist-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var tarballs []string
	for _, p := range o.Platforms {
		if o.Log != nil {
			o.Log("building %s", p)
		}
		bin := filepath.Join(tmp, p.String(), p.Binary())
		if err := compile(o.Root, o.Version, p, bin); err != nil {
			return nil, err
		}
		exe, err := os.ReadFile(bin)
		if err != nil {
			return nil, err
		}
		files := []File{{Name: p.Binary(), Mode: 0o755, Data: exe}}
		for _, name := range []string{"LICENSE", "README.md"} {
			files = append(files, File{Name: name, Mode: 0o644, Data: docs[name]})
		}
		tgz, err := Pack(files, o.Time)
		if err != nil {
			return nil, err
		}
		path := filepath.Join(o.Out, TarballName(o.Version, p))
		if err := os.WriteFile(path, tgz, 0o644); err != nil {
			return nil, err
		}
		tarballs = append(tarballs, path)
	}
	sums, err := Checksums(o.Out)
	if err != nil {
		return nil, err
	}
	return tarballs, os.WriteFile(filepath.Join(o.Out, "SHA256SUMS"), sums, 0o644)
}

// compile builds the provider plugin for a platform, reproducibly.
func compile(root, version string, p Platform, out string) error {
	ldflags := "-s -w -buildid= -X github.com/eksnodes/pulumi-eksnodes/provider.Version=" + version
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags,
		"-o", out, "./cmd/"+Plugin)
	cmd.Dir = filepath.Join(root, "provider")
	cmd.Env = append(os.Environ(), "GOOS="+p.OS, "GOARCH="+p.Arch, "CGO_ENABLED=0", "GOFLAGS=-mod=readonly")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build for %s: %v\n%s", p, err, stderr.String())
	}
	return nil
}

// File is an entry of a tarball.
type File struct {
	Name string
	Mode int64
	Data []byte
}

// Pack writes a gzip-compressed tar of the files, in name order, every entry owned by root
// with the given time, and a gzip header without a name or time: the same files and time give
// the same bytes.
func Pack(files []File, at time.Time) ([]byte, error) {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(zw)
	for i, f := range files {
		if f.Name == "" || strings.ContainsAny(f.Name, `/\`) || (i > 0 && files[i-1].Name == f.Name) {
			return nil, fmt.Errorf("tarball entry %q: names must be unique plain file names", f.Name)
		}
		hdr := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     f.Name,
			Mode:     f.Mode,
			Size:     int64(len(f.Data)),
			ModTime:  at.UTC().Truncate(time.Second),
			Format:   tar.FormatUSTAR,
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Checksums returns a SHA256SUMS file over the .tar.gz files of a folder, sorted by name, in
// the format `sha256sum -c` reads.
func Checksums(dir string) ([]byte, error) {
	names, err := fs.Glob(os.DirFS(dir), "*.tar.gz")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("no tarballs in " + dir)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	return []byte(b.String()), nil
}

// SourceTime is the tar entries' timestamp: $SOURCE_DATE_EPOCH when set (the reproducible
// builds convention), else the time of the last commit, so rebuilding a commit gives the same
// bytes.
func SourceTime(root string) (time.Time, error) {
	epoch := os.Getenv("SOURCE_DATE_EPOCH")
	if epoch == "" {
		out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%ct").Output()
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH is not set and the last commit's time cannot be read: %v", err)
		}
		epoch = strings.TrimSpace(string(out))
	}
	var secs int64
	if _, err := fmt.Sscan(epoch, &secs); err != nil || secs < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch)
	}
	return time.Unix(secs, 0).UTC(), nil
}
