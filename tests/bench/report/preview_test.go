package main

import (
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/previewtime"
	"github.com/stretchr/testify/assert"
)

// previewReport has each variant at 1, 20 and 100 groups: go-eksnodes grows linearly
// (10 ms per group), go-baseline faster than linearly.
func previewReport() previewtime.Report {
	r := previewtime.Report{Rounds: 3, Sizes: []previewtime.Size{{Groups: 1, Rounds: 3, AWSResources: 13}, {Groups: 20, Rounds: 3, AWSResources: 260}, {Groups: 100, Rounds: 1, AWSResources: 1300}}}
	ms := map[string][3]float64{
		previewtime.Eksnodes: {1010, 1200, 2000}, previewtime.Baseline: {1000, 1190, 3000},
		previewtime.TypeScript: {2000, 2400, 4000}, previewtime.TypeScriptBaseline: {1900, 2300, 3800},
	}
	for v, m := range ms {
		for i, s := range r.Sizes {
			for round := 0; round < s.Rounds; round++ {
				r.Samples = append(r.Samples, previewtime.Sample{Variant: v, Groups: s.Groups, Round: round, Ms: m[i] + float64(round)})
			}
		}
	}
	for _, s := range r.Sizes {
		for _, p := range previewtime.Compared {
			sub, ref := r.Stats(p[0], s.Groups), r.Stats(p[1], s.Groups)
			r.Pairs = append(r.Pairs, previewtime.Pair{Groups: s.Groups, Subject: p[0], Reference: p[1], SubjectMs: sub, RefMs: ref, Ratio: sub.Median / ref.Median})
		}
	}
	r.Memory = []previewtime.Memory{
		{Variant: previewtime.Eksnodes, Groups: 100, PeakMiB: map[string]float64{"engine": 210.4, "aws": 40}},
		{Variant: previewtime.TypeScript, Groups: 100, PeakMiB: map[string]float64{"engine": 220, "eksnodes": 60, "aws": 41, "node": 150}},
	}
	return r
}

func TestWritePreview(t *testing.T) {
	var b strings.Builder
	writePreview(&b, previewReport())
	out := b.String()
	assert.True(t, strings.HasPrefix(out, "\n## Offline preview, end to end\n\n"))
	assert.Contains(t, out, "This run checked 13 AWS resources at 1 node group, 260 AWS resources at 20 node groups, 1300 AWS resources at 100 node groups: equal.")
	assert.Contains(t, out, "measured previews per variant: 3 at 1, 3 at 20, 1 at 100 node groups")
	assert.Contains(t, out, "| 20 | Go | 1201 ms (1200–1202) | 1191 ms (1190–1192) | 1.008 | +0.5 ms |\n")
	assert.Contains(t, out, "| 100 | TypeScript | 4000 ms (4000–4000) | 3800 ms (3800–3800) | 1.053 | +2.0 ms |\n")
	assert.Contains(t, out, "| variant | 1 | 20 | 100 | ms per group 1→20 | ms per group 20→100 | last slope / first |\n|---|---|---|---|---|---|---|\n")
	assert.Contains(t, out, "| go-eksnodes | 1011 ms | 1201 ms | 2000 ms | 10.0 | 10.0 | 1.00 (about linear) |\n")
	assert.Contains(t, out, "| go-baseline | 1001 ms | 1191 ms | 3000 ms | 10.0 | 22.6 | 2.26 (grows faster than linear) |\n")
	assert.Contains(t, out, "| 100 | go-eksnodes | 210 | — | 40 | — |\n")
	assert.Contains(t, out, "| 100 | ts-eksnodes | 220 | 60 | 41 | 150 |\n")
}

func TestWritePreviewWithOneSizeHasNoScaleOrMemory(t *testing.T) {
	r := previewReport()
	r.Sizes, r.Memory = r.Sizes[:1], nil
	var b strings.Builder
	writePreview(&b, r)
	assert.NotContains(t, b.String(), "### Scale")
	assert.NotContains(t, b.String(), "### Memory")
}

func TestLinearity(t *testing.T) {
	assert.Equal(t, "—", linearity(nil))
	assert.Equal(t, "0.50 (grows slower than linear)", linearity([]previewtime.Slope{{MsPerGroup: 10}, {MsPerGroup: 5}}))
	assert.Equal(t, "1.20 (about linear)", linearity([]previewtime.Slope{{MsPerGroup: 10}, {MsPerGroup: 12}}))
}
