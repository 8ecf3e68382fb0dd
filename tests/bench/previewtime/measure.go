package previewtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// Variants of a measured program.
const (
	Eksnodes           = "go-eksnodes" // Go program, eksnodes library in-process
	Baseline           = "go-baseline" // Go program declaring the same AWS resources directly
	TypeScript         = "ts-eksnodes" // TypeScript program, eksnodes through its plugin
	TypeScriptBaseline = "ts-baseline" // TypeScript program declaring the same AWS resources with @pulumi/aws
)

// Variants are all the programs, in the order of the first round.
var Variants = []string{Eksnodes, Baseline, TypeScript, TypeScriptBaseline}

// Compared are the pairs the report compares: each language against itself.
var Compared = [][2]string{{Eksnodes, Baseline}, {TypeScript, TypeScriptBaseline}}

// ResourcesPerGroup is the number of AWS resources a node group with the defaults registers.
const ResourcesPerGroup = 13

// Sample is the wall time of one preview.
type Sample struct {
	Variant string  `json:"variant"`
	Groups  int     `json:"groups"`
	Round   int     `json:"round"`
	Ms      float64 `json:"ms"`
}

// Pair compares two variants at one size: the ratio of their medians.
type Pair struct {
	Groups    int     `json:"groups"`
	Subject   string  `json:"subject"`
	Reference string  `json:"reference"`
	SubjectMs Stats   `json:"subjectMs"`
	RefMs     Stats   `json:"referenceMs"`
	Ratio     float64 `json:"ratioOfMedians"`
}

// Stats summarises samples in milliseconds.
type Stats struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

// Size is one measured size: how many node groups, how many measured rounds, and how many AWS
// resources every variant was checked to register alike before measuring.
type Size struct {
	Groups       int `json:"groups"`
	Rounds       int `json:"rounds"`
	AWSResources int `json:"awsResources"`
}

// Report is the outcome of Measure.
type Report struct {
	Rounds  int      `json:"rounds"` // measured rounds at the smaller sizes
	Sizes   []Size   `json:"sizes"`
	Samples []Sample `json:"samples"`
	Pairs   []Pair   `json:"pairs"`
	Memory  []Memory `json:"memory,omitempty"`
}

// Options says what Measure measures.
type Options struct {
	Sizes       []int
	Rounds      int // measured rounds per size
	LargeFrom   int // sizes of at least LargeFrom groups get RoundsLarge rounds instead
	RoundsLarge int
	Memory      bool // after the timed rounds, one more preview per variant and size, sampling memory
}

func (o Options) rounds(n int) int {
	if o.LargeFrom > 0 && n >= o.LargeFrom {
		return o.RoundsLarge
	}
	return o.Rounds
}

// Setup names what Measure needs besides the engine environment.
type Setup struct {
	Env         *offline.Env
	Driver      string // tests/e2e/driver.js
	NodeModules string // node_modules of the prepared TypeScript example (the packed SDK installed)
	// AWSNodeModules has @pulumi/aws (the version the stand-in AWS plugin answers for) and
	// @pulumi/pulumi, for the TypeScript baseline: see InstallTypeScriptBaseline.
	AWSNodeModules string
	WorkDir        string
	Log            io.Writer
}

// ErrDifferent is the error Measure returns when the programs do not register the same AWS
// resources, inputs and secrecy: their times would not compare the same work.
var ErrDifferent = errors.New("the programs register different AWS resources")

// runner previews once and returns the wall time and the engine's resource events.
type runner func() (float64, []offline.ResourceEvent, error)

// Measure previews every variant at every size after one warm-up preview each, which is also
// the check that all variants register the same AWS resources (types, names, inputs, secrecy;
// it fails with ErrDifferent otherwise). Then it measures the rounds, rotating the order each
// round so that no variant always runs first, and, with o.Memory, one more preview per variant
// sampling the memory of its processes.
func Measure(ctx context.Context, s Setup, o Options) (Report, error) {
	rep := Report{Rounds: o.Rounds}
	for _, n := range o.Sizes {
		runners, err := s.runners(ctx, n)
		if err != nil {
			return rep, err
		}
		rounds := o.rounds(n)
		checked, err := s.warmUpAndCheck(runners, n)
		if err != nil {
			return rep, err
		}
		rep.Sizes = append(rep.Sizes, Size{Groups: n, Rounds: rounds, AWSResources: checked})
		for round := 0; round < rounds; round++ {
			for i := range Variants {
				v := Variants[(i+round)%len(Variants)]
				ms, _, err := runners[v]()
				if err != nil {
					return rep, fmt.Errorf("%s with %d groups: %w", v, n, err)
				}
				rep.Samples = append(rep.Samples, Sample{Variant: v, Groups: n, Round: round, Ms: ms})
				fmt.Fprintf(s.Log, "groups=%d round=%d %s %.0f ms\n", n, round, v, ms)
			}
		}
		for _, p := range Compared {
			rep.Pairs = append(rep.Pairs, pair(rep.Samples, n, p[0], p[1]))
		}
		if !o.Memory {
			continue
		}
		for _, v := range Variants {
			var runErr error
			peaks, err := SamplePeaks(func() { _, _, runErr = runners[v]() })
			if err == nil {
				err = runErr
			}
			if err != nil {
				return rep, fmt.Errorf("%s with %d groups, memory: %w", v, n, err)
			}
			rep.Memory = append(rep.Memory, Memory{Variant: v, Groups: n, PeakMiB: peaks})
			fmt.Fprintf(s.Log, "groups=%d memory %s %v MiB\n", n, v, peaks)
		}
	}
	return rep, nil
}

// warmUpAndCheck runs the discarded warm-up preview of every variant and compares the AWS
// resources each registered with go-eksnodes'. It returns how many there were.
func (s Setup) warmUpAndCheck(runners map[string]runner, n int) (int, error) {
	seen := map[string][]Registration{}
	for _, v := range Variants {
		ms, evs, err := runners[v]()
		if err != nil {
			return 0, fmt.Errorf("%s with %d groups: %w", v, n, err)
		}
		seen[v] = FromEvents(evs)
		fmt.Fprintf(s.Log, "groups=%d warm-up %s %.0f ms, %d AWS resources\n", n, v, ms, len(seen[v]))
	}
	diffs := CheckSame(seen, n)
	if len(diffs) > 0 {
		return 0, fmt.Errorf("%w (%d node groups):\n  %s", ErrDifferent, n, strings.Join(diffs, "\n  "))
	}
	return len(seen[Eksnodes]), nil
}

// CheckSame compares what every variant registered with go-eksnodes, which must have registered
// ResourcesPerGroup AWS resources per group, and lists the differences.
func CheckSame(seen map[string][]Registration, n int) []string {
	var diffs []string
	ref := seen[Eksnodes]
	if len(ref) != n*ResourcesPerGroup {
		diffs = append(diffs, fmt.Sprintf("%s registered %d AWS resources, not %d×%d", Eksnodes, len(ref), n, ResourcesPerGroup))
	}
	for _, v := range Variants[1:] {
		if got, ok := seen[v]; ok {
			for _, d := range Compare(v, Eksnodes, got, ref) {
				diffs = append(diffs, v+" against "+Eksnodes+": "+d)
			}
		}
	}
	return diffs
}

// runners prepares the stacks of each variant for n groups and returns a function per variant
// that previews once.
func (s Setup) runners(ctx context.Context, n int) (map[string]runner, error) {
	stack := fmt.Sprintf("n%d", n)
	eks, err := s.Env.GoStack(ctx, "bench-eksnodes", stack, EksnodesProgram(n), nil)
	if err != nil {
		return nil, err
	}
	base, err := s.Env.GoStack(ctx, "bench-baseline", stack, BaselineProgram(n), nil)
	if err != nil {
		return nil, err
	}
	tsDir, err := s.jsProgram("ts-"+stack, s.NodeModules, TypeScriptProgram(n))
	if err != nil {
		return nil, err
	}
	tsBaseDir, err := s.jsProgram("ts-baseline-"+stack, s.AWSNodeModules, TypeScriptBaselineProgram(n))
	if err != nil {
		return nil, err
	}
	preview := []offline.Step{{Op: "preview"}}
	first := func(r []offline.Result, err error) (float64, []offline.ResourceEvent, error) {
		if err != nil {
			return 0, nil, err
		}
		return r[0].DurationMs, r[0].Events, nil
	}
	goRun := func(st auto.Stack) runner {
		return func() (float64, []offline.ResourceEvent, error) {
			return first(offline.RunGo(ctx, st, preview, io.Discard))
		}
	}
	jsRun := func(dir, project string) runner {
		return func() (float64, []offline.ResourceEvent, error) {
			return first(s.Env.RunDriver(ctx, []string{"node", s.Driver, dir, stack}, project, nil, preview, io.Discard))
		}
	}
	return map[string]runner{
		Eksnodes:           goRun(eks),
		Baseline:           goRun(base),
		TypeScript:         jsRun(tsDir, "bench-ts"),
		TypeScriptBaseline: jsRun(tsBaseDir, "bench-ts-baseline"),
	}, nil
}

// jsProgram writes a JavaScript program the driver runs: dir/bin/index.js, with dir/node_modules
// a link to nodeModules.
func (s Setup) jsProgram(name, nodeModules, source string) (string, error) {
	dir := filepath.Join(s.WorkDir, name)
	if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o755); err != nil {
		return "", err
	}
	if err := os.Symlink(nodeModules, filepath.Join(dir, "node_modules")); err != nil && !os.IsExist(err) {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, "bin", "index.js"), []byte(source), 0o644)
}
