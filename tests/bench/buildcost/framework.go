package buildcost

// The library's build cost before and after the provider framework left it: nodegroup used to
// import pulumi-go-provider (and through its infer package github.com/pulumi/pulumi/pkg/v3/codegen/schema),
// so every Go program using nodegroup compiled and initialised them. ./framework/before is
// examples/go-basic's stack with a blank import of infer, ./framework/after the same stack
// alone; both are built inside the tests module, so that every other dependency is the same.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Names of the two programs of the framework measurement.
const (
	Before = "before" // nodegroup and the provider framework
	After  = "after"  // nodegroup alone
)

// FrameworkReport is the outcome of MeasureFramework.
type FrameworkReport struct {
	Runs     int              `json:"runs"`
	InitRuns int              `json:"initRuns"`
	Before   FrameworkProgram `json:"before"`
	After    FrameworkProgram `json:"after"`
}

// FrameworkProgram is the build cost and package initialisation of one program.
type FrameworkProgram struct {
	Name           string `json:"name"`
	Dir            string `json:"dir"`
	Deps           Deps   `json:"deps"`
	BinaryBytes    int64  `json:"binaryBytes"`
	ColdSeconds    Stats  `json:"coldSeconds"`
	ColdCPUSeconds Stats  `json:"coldCpuSeconds"`
	// InitMs is the sum of the init clock of every package (GODEBUG=inittrace=1), one sample a
	// start of the binary; InitBytes is the median over the starts of what those inits allocated.
	InitMs    Stats `json:"initMs"`
	InitBytes int64 `json:"initBytes"`
	// TopInits are the packages with the longest init, by their median clock over the starts.
	TopInits []PackageInit `json:"topInits"`
}

// PackageInit is one package's initialisation, from GODEBUG=inittrace=1.
type PackageInit struct {
	Package string  `json:"package"`
	Ms      float64 `json:"ms"`
	Bytes   int64   `json:"bytes"`
	Allocs  int64   `json:"allocs"`
}

// FrameworkOptions configure MeasureFramework.
type FrameworkOptions struct {
	Go        string // the go command; "go" when empty
	BeforeDir string // tests/bench/buildcost/framework/before
	AfterDir  string // tests/bench/buildcost/framework/after
	Runs      int    // cold builds of each program, at least 1
	InitRuns  int    // starts of each binary under inittrace, at least 1
	Top       int    // packages in TopInits; 8 when 0
	TempDir   string
	Log       io.Writer
}

// ParseInitTrace reads the lines GODEBUG=inittrace=1 prints, one per package:
//
//	init github.com/pulumi/pulumi/pkg/v3/codegen/schema @12 ms, 3.1 ms clock, 3574256 bytes, 27561 allocs
//
// Other lines are skipped.
func ParseInitTrace(out []byte) ([]PackageInit, error) {
	var inits []PackageInit
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[6] != "clock," || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		ms, err1 := strconv.ParseFloat(f[4], 64)
		b, err2 := strconv.ParseInt(f[7], 10, 64)
		a, err3 := strconv.ParseInt(f[9], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("inittrace line %q: not numbers", sc.Text())
		}
		inits = append(inits, PackageInit{Package: f[1], Ms: ms, Bytes: b, Allocs: a})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(inits) == 0 {
		return nil, fmt.Errorf("no inittrace lines (is GODEBUG=inittrace=1 honoured?)")
	}
	return inits, nil
}

// summarizeInits sums each start's init clock and bytes and ranks the packages by their median
// clock over the starts.
func summarizeInits(starts [][]PackageInit, top int) (total Stats, bytes int64, ranked []PackageInit) {
	var sums, allocated []float64
	byPkg := map[string][]PackageInit{}
	var order []string
	for _, inits := range starts {
		sum, b := 0.0, int64(0)
		for _, in := range inits {
			sum += in.Ms
			b += in.Bytes
			if _, ok := byPkg[in.Package]; !ok {
				order = append(order, in.Package)
			}
			byPkg[in.Package] = append(byPkg[in.Package], in)
		}
		sums = append(sums, sum)
		allocated = append(allocated, float64(b))
	}
	total, bytes = summarize(sums), int64(summarize(allocated).Median)
	for _, pkg := range order {
		runs := byPkg[pkg]
		ms := make([]float64, len(runs))
		for i, r := range runs {
			ms[i] = r.Ms
		}
		ranked = append(ranked, PackageInit{Package: pkg, Ms: summarize(ms).Median, Bytes: runs[0].Bytes, Allocs: runs[0].Allocs})
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].Ms > ranked[j].Ms })
	if len(ranked) > top {
		ranked = ranked[:top]
	}
	return total, bytes, ranked
}

// MeasureFramework lists both programs' packages, builds each Runs times from a fresh GOCACHE,
// alternating which goes first, and starts each cold build's binary InitRuns times under
// GODEBUG=inittrace=1 (without a Pulumi engine, so the program stops right after its packages are
// initialised).
func MeasureFramework(ctx context.Context, o FrameworkOptions) (FrameworkReport, error) {
	if o.Runs < 1 || o.InitRuns < 1 {
		return FrameworkReport{}, fmt.Errorf("runs and init runs must be at least 1, not %d and %d", o.Runs, o.InitRuns)
	}
	if o.Go == "" {
		o.Go = "go"
	}
	if o.Top == 0 {
		o.Top = 8
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	rep := FrameworkReport{Runs: o.Runs, InitRuns: o.InitRuns}
	progs := []*FrameworkProgram{&rep.Before, &rep.After}
	found, err := resolvePrograms(ctx, o.Go, [][2]string{{Before, o.BeforeDir}, {After, o.AfterDir}})
	if err != nil {
		return rep, err
	}
	for i, f := range found {
		*progs[i] = FrameworkProgram{Name: f.name, Dir: f.dir, Deps: f.deps}
		fmt.Fprintf(o.Log, "%s (%s): %d packages\n", f.name, f.dir, f.deps.Packages)
	}
	work, err := os.MkdirTemp(o.TempDir, "buildcost-framework-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(work)
	cold, coldCPU := map[string][]float64{}, map[string][]float64{}
	starts := map[string][][]PackageInit{}
	for run := 0; run < o.Runs; run++ {
		for i := range progs {
			p := progs[(i+run)%len(progs)]
			inspect := func(bin string) error {
				for k := 0; k < o.InitRuns; k++ {
					inits, err := initTrace(ctx, bin, work)
					if err != nil {
						return err
					}
					starts[p.Name] = append(starts[p.Name], inits)
				}
				return nil
			}
			r, err := buildTwice(ctx, o.Go, p.Dir, filepath.Join(work, fmt.Sprintf("gocache-%s-%d", p.Name, run)), filepath.Join(work, p.Name), inspect)
			if err != nil {
				return rep, fmt.Errorf("%s, run %d: %w", p.Name, run+1, err)
			}
			cold[p.Name] = append(cold[p.Name], r.cold)
			coldCPU[p.Name] = append(coldCPU[p.Name], r.coldCPU)
			p.BinaryBytes = r.size
			fmt.Fprintf(o.Log, "run %d/%d %s: cold %.1f s (CPU %.1f s), binary %.1f MiB\n",
				run+1, o.Runs, p.Name, r.cold, r.coldCPU, float64(r.size)/(1<<20))
		}
	}
	for _, p := range progs {
		p.ColdSeconds, p.ColdCPUSeconds = summarize(cold[p.Name]), summarize(coldCPU[p.Name])
		p.InitMs, p.InitBytes, p.TopInits = summarizeInits(starts[p.Name], o.Top)
	}
	return rep, nil
}

// initTrace starts bin under GODEBUG=inittrace=1 in dir, with no Pulumi engine in its
// environment, and parses what it prints; the program's own exit status does not matter.
func initTrace(ctx context.Context, bin, dir string) ([]PackageInit, error) {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PULUMI_") && !strings.HasPrefix(kv, "GODEBUG=") {
			env = append(env, kv)
		}
	}
	cmd := exec.CommandContext(ctx, bin)
	cmd.Dir, cmd.Env = dir, append(env, "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	_ = cmd.Run()
	return ParseInitTrace(stderr.Bytes())
}
