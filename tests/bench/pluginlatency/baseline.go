package pluginlatency

// The empty plugin (package emptyplugin): the same framework and SDK as eksnodes and a
// NodeGroup that registers nothing but itself. Run alternately with eksnodes, it turns start +
// first Construct into a ratio, which moves far less with the CPU than milliseconds do.

import (
	"context"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
)

// EmptyPluginPackage is the empty plugin's main package, built inside the tests module.
const EmptyPluginPackage = "github.com/eksnodes/pulumi-eksnodes/tests/bench/pluginlatency/emptyplugin"

// Baseline is the empty plugin's side of a measurement and eksnodes' ratio to it.
type Baseline struct {
	PluginPath    string
	BinaryBytes   int64
	Stats         map[string]Stats // as Report.Stats
	Samples       []Sample
	WarmupSamples []Sample

	// StartToConstructRatio is the pooled ratio: the median of eksnodes' start + first Construct
	// over every measured run of every invocation, divided by the empty plugin's.
	StartToConstructRatio float64
	// InvocationRatio summarises the ratios of the per-invocation medians (its spread).
	InvocationRatio Stats
	PerInvocation   []InvocationRatio
	// PeakRSSRatio is the ratio of the medians of the peak RSS.
	PeakRSSRatio float64
}

// InvocationRatio is one invocation's medians of start + first Construct and of peak RSS.
type InvocationRatio struct {
	Invocation                     int
	PluginMs, BaselineMs, Ratio    float64
	PluginPeakMiB, BaselinePeakMiB float64
}

// compare fills the baseline's Stats and the ratios from eksnodes' measured samples.
func (b *Baseline) compare(plugin []Sample, invocations int) {
	b.Stats = sampleStats(b.Samples)
	b.StartToConstructRatio = ratio(medianOf(plugin, startToConstruct), medianOf(b.Samples, startToConstruct))
	b.PeakRSSRatio = ratio(medianOf(plugin, peakRSS), medianOf(b.Samples, peakRSS))
	b.PerInvocation = nil
	var ratios []float64
	for inv := 1; inv <= invocations; inv++ {
		p, e := ofInvocation(plugin, inv), ofInvocation(b.Samples, inv)
		if len(p) == 0 || len(e) == 0 {
			continue
		}
		ir := InvocationRatio{Invocation: inv,
			PluginMs: medianOf(p, startToConstruct), BaselineMs: medianOf(e, startToConstruct),
			PluginPeakMiB: medianOf(p, peakRSS), BaselinePeakMiB: medianOf(e, peakRSS)}
		ir.Ratio = ratio(ir.PluginMs, ir.BaselineMs)
		b.PerInvocation = append(b.PerInvocation, ir)
		ratios = append(ratios, ir.Ratio)
	}
	b.InvocationRatio = summarize("×", ratios)
}

func startToConstruct(s Sample) float64 { return s.StartToConstructMs }
func peakRSS(s Sample) float64          { return s.PeakRSSMiB }

func medianOf(samples []Sample, f func(Sample) float64) float64 {
	v := make([]float64, len(samples))
	for i, s := range samples {
		v[i] = f(s)
	}
	return summarize("", v).Median
}

func ofInvocation(samples []Sample, inv int) []Sample {
	var out []Sample
	for _, s := range samples {
		if s.Invocation == inv {
			out = append(out, s)
		}
	}
	return out
}

// ratio is a/b rounded to 0.001, 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return math.Round(a/b*1000) / 1000
}

// BuildEmptyPlugin builds the empty plugin as dir/pulumi-resource-eksnodes, stripped as
// `make build` strips the real one, from moduleDir (the tests module), and returns its path.
func BuildEmptyPlugin(ctx context.Context, goBin, moduleDir, dir string) (string, error) {
	if goBin == "" {
		goBin = "go"
	}
	out := filepath.Join(dir, "pulumi-resource-eksnodes")
	cmd := exec.CommandContext(ctx, goBin, "build", "-ldflags", "-s -w", "-o", out, EmptyPluginPackage)
	cmd.Dir = moduleDir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the empty plugin: %w\n%s", err, msg)
	}
	return out, nil
}
