package main

import (
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/pluginlatency"
	"github.com/eksnodes/pulumi-eksnodes/tests/bench/previewtime"
	"github.com/stretchr/testify/assert"
)

func pluginReport() pluginlatency.Report {
	st := func(median float64) pluginlatency.Stats { return pluginlatency.Stats{N: 6, Median: median} }
	return pluginlatency.Report{Runs: 45, WarmupRuns: 2, Invocations: 3, RPCs: []string{"Construct"}, BinaryBytes: 64.6e6,
		PeakRSSMedianMiB: 51.6,
		Stats: map[string]pluginlatency.Stats{"PeakRSS": st(51.6), "StartToConstruct": st(40), "SmapsCode": st(17.2),
			"SmapsReadOnly": st(21.8), "SmapsAnon": st(11.8), "SmapsOtherFile": st(1.5)},
		Baseline: &pluginlatency.Baseline{BinaryBytes: 34.5e6, StartToConstructRatio: 1.4, PeakRSSRatio: 1.31,
			InvocationRatio: pluginlatency.Stats{Median: 1.41, Min: 1.35, Max: 1.5},
			PerInvocation:   []pluginlatency.InvocationRatio{{Invocation: 1, PluginMs: 40, BaselineMs: 28, Ratio: 1.429, PluginPeakMiB: 51.6, BaselinePeakMiB: 39.5}},
			Stats: map[string]pluginlatency.Stats{"PeakRSS": st(39.5), "StartToConstruct": st(28), "SmapsCode": st(12.6),
				"SmapsReadOnly": st(13.4), "SmapsAnon": st(11.3)}},
	}
}

func TestPluginTargetRows(t *testing.T) {
	rows := pluginTargetRows(pluginReport())
	assert.Contains(t, rows, "| plugin peak RSS ≤ 40 MB | 54.1 MB (51.6 MiB, median of 45) | **missed** by 14.1 MB |\n")
	assert.Contains(t, rows, "| plugin start + first Construct, ratio to an empty plugin on the same framework | 1.40× pooled; per invocation median 1.41×, 1.35–1.50× over 1 | reported (no target) |\n")
	r := pluginReport()
	r.Baseline, r.PeakRSSMedianMiB = nil, 38
	assert.Equal(t, "| plugin peak RSS ≤ 40 MB | 39.8 MB (38.0 MiB, median of 45) | met |\n", pluginTargetRows(r))
}

func TestWritePluginLatency(t *testing.T) {
	var b strings.Builder
	writePluginLatency(&b, pluginReport())
	out := b.String()
	assert.Contains(t, out, "in 3 invocations of the benchmark, pooled, each after 2 discarded warm-up runs")
	assert.Contains(t, out, "| start + first Construct | 40.0 | 0.0 | 0.0 | 0.0 | 28.0 |\n")
	assert.Contains(t, out, "| binary read-only data resident (MiB) | 21.8 |")
	assert.NotContains(t, out, "start to ready", "metrics without samples are left out")
	assert.Contains(t, out, "| 1 | 40.0 | 28.0 | 1.429× | 51.6 | 39.5 |\n")
	assert.Contains(t, out, "eksnodes 64.6 MB, the empty plugin 34.5 MB")
}

func TestPluginMemoryNote(t *testing.T) {
	note := pluginMemoryNote(pluginReport())
	assert.Contains(t, note, "The median peak RSS is 51.6 MiB, 54.1 MB.")
	assert.Contains(t, note, "The empty plugin on the same framework peaks at 41.4 MB (code 12.6, read-only data 13.4, anonymous 11.3 MiB), over the target by itself")
	assert.Contains(t, note, "eksnodes adds 4.6 MiB of code, 8.4 MiB of read-only data and 0.5 MiB anonymous")
}

func TestWriteReportHasPluginSections(t *testing.T) {
	var b strings.Builder
	writeReport(&b, nil, pluginReport(), previewtime.Report{}, nil, nil, machineInfo{})
	out := b.String()
	assert.Contains(t, out, "| plugin peak RSS ≤ 40 MB |")
	assert.Contains(t, out, "\n## Plugin latency\n")
	assert.Contains(t, out, "**Plugin memory.**")
}
