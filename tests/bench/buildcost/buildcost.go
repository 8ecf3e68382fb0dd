// Package buildcost measures what a Go user pays to compile a Pulumi program that uses eksnodes'
// nodegroup package (examples/go-basic), side by side with a baseline program that declares the
// same AWS resources directly with pulumi-aws (./baseline): the packages each compiles, which of
// them come from the Pulumi engine's pkg/v3 module or the provider framework, the wall time of a
// cold `go build` (an empty GOCACHE, the module cache as it is, so that only compiling and linking
// are timed) and of a warm rebuild, and the size of the binary.
//
// Both programs are built as their user would: `go build -o <temporary file> .` in the program's
// directory, go-basic inside the root module and the baseline inside the tests module. The
// figures are reported, never checked against a threshold.
package buildcost

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Names of the two programs.
const (
	Eksnodes = "eksnodes" // examples/go-basic: the nodegroup package
	Baseline = "baseline" // the same AWS resources, written directly against pulumi-aws
)

// Module paths whose packages a Go user of nodegroup should not need to compile.
const (
	PulumiPkgModule  = "github.com/pulumi/pulumi/pkg/v3"
	GoProviderModule = "github.com/pulumi/pulumi-go-provider"
)

// Deps is what `go list -deps` says a program compiles: its own package included.
type Deps struct {
	Packages    int `json:"packages"`
	NonStandard int `json:"nonStandard"` // outside the standard library
	Modules     int `json:"modules"`     // modules those come from, the program's own included
	// Packages of PulumiPkgModule and GoProviderModule among them, sorted (empty when none).
	PulumiPkg  []string `json:"pulumiPkg"`
	GoProvider []string `json:"goProvider"`
}

// Stats summarises the samples of one measure, in seconds.
type Stats struct {
	Min     float64   `json:"min"`
	Median  float64   `json:"median"`
	Max     float64   `json:"max"`
	Samples []float64 `json:"samples"`
}

// Program is the build cost of one program.
type Program struct {
	Name        string `json:"name"`
	Dir         string `json:"dir"`
	Deps        Deps   `json:"deps"`
	BinaryBytes int64  `json:"binaryBytes"`
	// A cold build starts from an empty GOCACHE; its CPU time is user plus system time of the
	// go command and the compilers and linker it ran.
	ColdSeconds    Stats `json:"coldSeconds"`
	ColdCPUSeconds Stats `json:"coldCpuSeconds"`
	// A warm rebuild follows the cold one with the same GOCACHE and the binary removed: every
	// package comes from the cache and only the link runs again.
	WarmSeconds Stats `json:"warmSeconds"`
}

// Report is the outcome of Measure.
type Report struct {
	Runs      int       `json:"runs"`
	GoVersion string    `json:"goVersion"`
	GOOS      string    `json:"goos"`
	GOARCH    string    `json:"goarch"`
	NumCPU    int       `json:"numCpu"`
	StartedAt time.Time `json:"startedAt"`
	Eksnodes  Program   `json:"eksnodes"`
	Baseline  Program   `json:"baseline"`
	// Framework is the library's build cost before and after the provider framework left it
	// (MeasureFramework); nil when not measured.
	Framework *FrameworkReport `json:"framework,omitempty"`
}

// Options configure Measure.
type Options struct {
	Go          string // the go command; "go" when empty
	EksnodesDir string // examples/go-basic
	BaselineDir string // tests/bench/buildcost/baseline
	Runs        int    // cold builds of each program, at least 1
	TempDir     string // where the fresh build caches and binaries go; os.TempDir() when empty
	Log         io.Writer
}

// listFormat is the `go list -f` template ParseDeps reads: one package a line.
const listFormat = "{{.ImportPath}}\t{{.Standard}}\t{{with .Module}}{{.Path}}{{end}}"

// ParseDeps reads the output of `go list -deps -f listFormat`.
func ParseDeps(out []byte) (Deps, error) {
	var d Deps
	modules := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text() // not trimmed: a standard package's module field is empty
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 || fields[0] == "" {
			return Deps{}, fmt.Errorf("go list line %d: want import path, standard and module separated by tabs, got %q", line, text)
		}
		path, module := fields[0], fields[2]
		standard, err := strconv.ParseBool(fields[1])
		if err != nil {
			return Deps{}, fmt.Errorf("go list line %d: %q is not true or false", line, fields[1])
		}
		d.Packages++
		if standard {
			continue
		}
		d.NonStandard++
		if module != "" {
			modules[module] = true
		}
		if within(path, PulumiPkgModule) {
			d.PulumiPkg = append(d.PulumiPkg, path)
		}
		if within(path, GoProviderModule) {
			d.GoProvider = append(d.GoProvider, path)
		}
	}
	if err := sc.Err(); err != nil {
		return Deps{}, err
	}
	if d.Packages == 0 {
		return Deps{}, fmt.Errorf("go list listed no packages")
	}
	d.Modules = len(modules)
	sort.Strings(d.PulumiPkg)
	sort.Strings(d.GoProvider)
	return d, nil
}

// listDeps lists what the program in dir compiles.
// resolvedProgram is a measured program's name, absolute folder and packages.
type resolvedProgram struct {
	name, dir string
	deps      Deps
}

// resolvePrograms makes each program's folder absolute and lists the packages it compiles.
func resolvePrograms(ctx context.Context, goBin string, programs [][2]string) ([]resolvedProgram, error) {
	var out []resolvedProgram
	for _, p := range programs {
		dir, err := filepath.Abs(p[1])
		if err != nil {
			return nil, err
		}
		deps, err := listDeps(ctx, goBin, dir)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p[0], err)
		}
		out = append(out, resolvedProgram{name: p[0], dir: dir, deps: deps})
	}
	return out, nil
}

func listDeps(ctx context.Context, goBin, dir string) (Deps, error) {
	out, err := goCommand(ctx, goBin, dir, nil, "list", "-deps", "-f", listFormat, ".")
	if err != nil {
		return Deps{}, err
	}
	return ParseDeps(out)
}

// within reports whether the import path is the module's root package or below it.
func within(path, module string) bool {
	return path == module || strings.HasPrefix(path, module+"/")
}

// summarize returns the Stats of xs, which it does not reorder.
func summarize(xs []float64) Stats {
	if len(xs) == 0 {
		return Stats{}
	}
	v := append([]float64(nil), xs...)
	sort.Float64s(v)
	s := Stats{Min: v[0], Max: v[len(v)-1], Median: v[len(v)/2], Samples: xs}
	if len(v)%2 == 0 {
		s.Median = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return s
}

// Measure lists both programs' packages, then builds each Runs times from a fresh GOCACHE,
// alternating which goes first, each cold build followed by a warm rebuild.
func Measure(ctx context.Context, o Options) (Report, error) {
	if o.Runs < 1 {
		return Report{}, fmt.Errorf("runs must be at least 1, not %d", o.Runs)
	}
	if o.Go == "" {
		o.Go = "go"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	rep := Report{Runs: o.Runs, GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, NumCPU: runtime.NumCPU(), StartedAt: time.Now().UTC()}
	version, err := goCommand(ctx, o.Go, "", nil, "env", "GOVERSION")
	if err != nil {
		return rep, err
	}
	rep.GoVersion = strings.TrimSpace(string(version))
	progs := []*Program{&rep.Eksnodes, &rep.Baseline}
	found, err := resolvePrograms(ctx, o.Go, [][2]string{{Eksnodes, o.EksnodesDir}, {Baseline, o.BaselineDir}})
	if err != nil {
		return rep, err
	}
	for i, f := range found {
		*progs[i] = Program{Name: f.name, Dir: f.dir, Deps: f.deps}
		fmt.Fprintf(o.Log, "%s (%s): %d packages, %d outside the standard library\n", f.name, f.dir, f.deps.Packages, f.deps.NonStandard)
	}

	work, err := os.MkdirTemp(o.TempDir, "buildcost-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(work)
	cold := map[string][]float64{}
	coldCPU := map[string][]float64{}
	warm := map[string][]float64{}
	for run := 0; run < o.Runs; run++ {
		for i := range progs {
			p := progs[(i+run)%len(progs)]
			r, err := buildTwice(ctx, o.Go, p.Dir, filepath.Join(work, fmt.Sprintf("gocache-%s-%d", p.Name, run)), filepath.Join(work, p.Name), nil)
			if err != nil {
				return rep, fmt.Errorf("%s, run %d: %w", p.Name, run+1, err)
			}
			cold[p.Name] = append(cold[p.Name], r.cold)
			coldCPU[p.Name] = append(coldCPU[p.Name], r.coldCPU)
			warm[p.Name] = append(warm[p.Name], r.warm)
			p.BinaryBytes = r.size
			fmt.Fprintf(o.Log, "run %d/%d %s: cold %.1f s (CPU %.1f s), warm %.2f s, binary %.1f MiB\n",
				run+1, o.Runs, p.Name, r.cold, r.coldCPU, r.warm, float64(r.size)/(1<<20))
		}
	}
	for _, p := range progs {
		p.ColdSeconds, p.ColdCPUSeconds, p.WarmSeconds = summarize(cold[p.Name]), summarize(coldCPU[p.Name]), summarize(warm[p.Name])
	}
	return rep, nil
}

// buildResult is one cold build and the warm rebuild after it.
type buildResult struct {
	cold, coldCPU, warm float64 // seconds
	size                int64
}

// buildTwice builds the program in dir into bin from an empty GOCACHE at cache, then again with
// the binary removed, and removes the cache. inspect, unless nil, is called with the binary of
// the cold build before it is removed.
func buildTwice(ctx context.Context, goBin, dir, cache, bin string, inspect func(bin string) error) (buildResult, error) {
	var r buildResult
	defer os.RemoveAll(cache)
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return r, err
	}
	env := []string{"GOCACHE=" + cache}
	build := func() (wall, cpu float64, err error) {
		start := time.Now()
		cmd := exec.CommandContext(ctx, goBin, "build", "-o", bin, ".")
		cmd.Dir, cmd.Env = dir, withEnv(os.Environ(), env)
		out, err := cmd.CombinedOutput()
		wall = time.Since(start).Seconds()
		if err != nil {
			return 0, 0, fmt.Errorf("go build: %w\n%s", err, out)
		}
		return wall, (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds(), nil
	}
	var err error
	if r.cold, r.coldCPU, err = build(); err != nil {
		return r, err
	}
	st, err := os.Stat(bin)
	if err != nil {
		return r, err
	}
	r.size = st.Size()
	if inspect != nil {
		if err := inspect(bin); err != nil {
			return r, err
		}
	}
	if err := os.Remove(bin); err != nil {
		return r, err
	}
	if r.warm, _, err = build(); err != nil {
		return r, err
	}
	return r, os.Remove(bin)
}

// goCommand runs the go command in dir and returns its standard output.
func goCommand(ctx context.Context, goBin, dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir, cmd.Env = dir, withEnv(os.Environ(), env)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// withEnv returns base with the KEY=value entries of set replacing those of the same key.
func withEnv(base, set []string) []string {
	out := make([]string, 0, len(base)+len(set))
	for _, kv := range base {
		replaced := false
		for _, s := range set {
			if k, _, _ := strings.Cut(s, "="); strings.HasPrefix(kv, k+"=") {
				replaced = true
			}
		}
		if !replaced {
			out = append(out, kv)
		}
	}
	return append(out, set...)
}
