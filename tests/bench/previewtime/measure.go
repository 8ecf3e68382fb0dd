package previewtime

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// Variants of a measured program.
const (
	Eksnodes   = "go-eksnodes" // Go program, eksnodes library in-process
	Baseline   = "go-baseline" // Go program declaring the same AWS resources directly
	TypeScript = "ts-eksnodes" // TypeScript program, eksnodes through its plugin
)

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
}

// Report is the outcome of Measure.
type Report struct {
	Rounds  int      `json:"rounds"`
	Samples []Sample `json:"samples"`
	Pairs   []Pair   `json:"pairs"`
}

// Setup names what Measure needs besides the engine environment.
type Setup struct {
	Env         *offline.Env
	Driver      string // tests/e2e/driver.js
	NodeModules string // node_modules of the prepared TypeScript example (the packed SDK installed)
	WorkDir     string
	Log         io.Writer
}

// Measure previews every variant at every size, rounds times, rotating the order each round
// so that no variant always runs first, after one discarded warm-up preview each.
func Measure(ctx context.Context, s Setup, sizes []int, rounds int) (Report, error) {
	rep := Report{Rounds: rounds}
	for _, n := range sizes {
		runners, err := s.runners(ctx, n)
		if err != nil {
			return rep, err
		}
		order := []string{Eksnodes, Baseline, TypeScript}
		for round := -1; round < rounds; round++ {
			for i := range order {
				v := order[(i+round+len(order))%len(order)]
				ms, err := runners[v]()
				if err != nil {
					return rep, fmt.Errorf("%s with %d groups: %w", v, n, err)
				}
				if round >= 0 {
					rep.Samples = append(rep.Samples, Sample{Variant: v, Groups: n, Round: round, Ms: ms})
				}
				fmt.Fprintf(s.Log, "groups=%d round=%d %s %.0f ms\n", n, round, v, ms)
			}
		}
		rep.Pairs = append(rep.Pairs, pair(rep.Samples, n, Eksnodes, Baseline), pair(rep.Samples, n, TypeScript, Eksnodes))
	}
	return rep, nil
}

// runners prepares the stacks of each variant for n groups and returns a function per variant
// that previews once and returns the wall time.
func (s Setup) runners(ctx context.Context, n int) (map[string]func() (float64, error), error) {
	stack := fmt.Sprintf("n%d", n)
	eks, err := s.Env.GoStack(ctx, "bench-eksnodes", stack, EksnodesProgram(n), nil)
	if err != nil {
		return nil, err
	}
	base, err := s.Env.GoStack(ctx, "bench-baseline", stack, BaselineProgram(n), nil)
	if err != nil {
		return nil, err
	}
	tsDir := filepath.Join(s.WorkDir, "ts-"+stack)
	if err := os.MkdirAll(filepath.Join(tsDir, "bin"), 0o755); err != nil {
		return nil, err
	}
	if err := os.Symlink(s.NodeModules, filepath.Join(tsDir, "node_modules")); err != nil && !os.IsExist(err) {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tsDir, "bin", "index.js"), []byte(TypeScriptProgram(n)), 0o644); err != nil {
		return nil, err
	}
	preview := []offline.Step{{Op: "preview"}}
	goRun := func(st auto.Stack) func() (float64, error) {
		return func() (float64, error) {
			r, err := offline.RunGo(ctx, st, preview, io.Discard)
			if err != nil {
				return 0, err
			}
			return r[0].DurationMs, nil
		}
	}
	return map[string]func() (float64, error){
		Eksnodes: goRun(eks),
		Baseline: goRun(base),
		TypeScript: func() (float64, error) {
			r, err := s.Env.RunDriver(ctx, []string{"node", s.Driver, tsDir, stack}, "bench-ts", nil, preview, io.Discard)
			if err != nil {
				return 0, err
			}
			return r[0].DurationMs, nil
		},
	}, nil
}

func pair(samples []Sample, n int, subject, reference string) Pair {
	p := Pair{Groups: n, Subject: subject, Reference: reference,
		SubjectMs: stats(samples, n, subject), RefMs: stats(samples, n, reference)}
	if p.RefMs.Median > 0 {
		p.Ratio = p.SubjectMs.Median / p.RefMs.Median
	}
	return p
}

func stats(samples []Sample, n int, variant string) Stats {
	var ms []float64
	for _, s := range samples {
		if s.Groups == n && s.Variant == variant {
			ms = append(ms, s.Ms)
		}
	}
	if len(ms) == 0 {
		return Stats{}
	}
	sort.Float64s(ms)
	med := ms[len(ms)/2]
	if len(ms)%2 == 0 {
		med = (ms[len(ms)/2-1] + ms[len(ms)/2]) / 2
	}
	return Stats{Median: med, Min: ms[0], Max: ms[len(ms)-1]}
}
