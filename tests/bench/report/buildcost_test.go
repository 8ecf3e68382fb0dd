package main

import (
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/buildcost"
	"github.com/eksnodes/pulumi-eksnodes/tests/bench/pluginlatency"
	"github.com/eksnodes/pulumi-eksnodes/tests/bench/previewtime"
	"github.com/stretchr/testify/assert"
)

func buildCostReport() buildcost.Report {
	return buildcost.Report{Runs: 3, GoVersion: "go1.26.8", NumCPU: 2,
		Eksnodes: buildcost.Program{Deps: buildcost.Deps{Packages: 810, NonStandard: 581,
			PulumiPkg:  []string{"github.com/pulumi/pulumi/pkg/v3/host", "github.com/pulumi/pulumi/pkg/v3/util"},
			GoProvider: []string{"github.com/pulumi/pulumi-go-provider"}},
			ColdSeconds: buildcost.Stats{Min: 150, Median: 160}, BinaryBytes: 125 << 20},
		Baseline: buildcost.Program{Deps: buildcost.Deps{Packages: 741, NonStandard: 512},
			ColdSeconds: buildcost.Stats{Min: 120, Median: 128}, BinaryBytes: 100 << 20},
	}
}

func TestWriteBuildCost(t *testing.T) {
	var b strings.Builder
	writeBuildCost(&b, buildCostReport())
	out := b.String()
	assert.True(t, strings.HasPrefix(out, "\n## Build cost for a Go user\n\n"))
	assert.Contains(t, out, "3 times each")
	assert.Contains(t, out, "on 2 cores")
	assert.Contains(t, out, "The eksnodes program compiles 2 packages of `github.com/pulumi/pulumi/pkg/v3` and 1 package of `github.com/pulumi/pulumi-go-provider`, which the baseline does without.\n")
	assert.Contains(t, out, "| measure | eksnodes (examples/go-basic) | baseline (pulumi-aws directly) | difference (eksnodes − baseline) |\n|---|---|---|---|\n")
	assert.Contains(t, out, "| packages compiled (go list -deps) | 810 | 741 | +69 (1.09×) |\n")
	assert.Contains(t, out, "| cold go build, empty GOCACHE (min / median) | 150.0 / 160.0 s | 120.0 / 128.0 s | +32.0 s (1.25×) |\n")
	assert.True(t, strings.HasSuffix(out, "| binary size | 125.0 MiB | 100.0 MiB | +25.0 MiB (1.25×) |\n"))
	assert.Equal(t, len(buildCostReport().Rows()), strings.Count(out, "\n| ")-1, "a table row a measure, after the heading")
}

func TestEngineFinding(t *testing.T) {
	r := buildCostReport()
	r.Eksnodes.Deps.GoProvider = nil
	assert.Equal(t, "The eksnodes program compiles 2 packages of `github.com/pulumi/pulumi/pkg/v3`, which the baseline does without.", engineFinding(r))
	r.Eksnodes.Deps.PulumiPkg = nil
	assert.Equal(t, "The eksnodes program compiles no package of `github.com/pulumi/pulumi/pkg/v3` or `github.com/pulumi/pulumi-go-provider`.", engineFinding(r))
}

func TestWriteReportLeavesOutBuildCostWithoutIt(t *testing.T) {
	var without, with strings.Builder
	writeReport(&without, nil, pluginlatency.Report{}, previewtime.Report{}, nil, nil, machineInfo{})
	r := buildCostReport()
	writeReport(&with, nil, pluginlatency.Report{}, previewtime.Report{}, &r, nil, machineInfo{})
	assert.NotContains(t, without.String(), "Build cost")
	assert.Contains(t, with.String(), "\n## Build cost for a Go user\n")
	assert.Less(t, strings.Index(with.String(), "## Offline preview"), strings.Index(with.String(), "## Build cost"))
	assert.Less(t, strings.Index(with.String(), "## Build cost"), strings.Index(with.String(), "## User data size"))
}

func TestWriteFrameworkCost(t *testing.T) {
	r := buildCostReport()
	r.Framework = &buildcost.FrameworkReport{Runs: 1, InitRuns: 5,
		Before: buildcost.FrameworkProgram{Name: buildcost.Before, Deps: buildcost.Deps{Packages: 860},
			TopInits: []buildcost.PackageInit{{Package: "github.com/pulumi/pulumi/pkg/v3/codegen/schema", Ms: 7}}},
		After: buildcost.FrameworkProgram{Name: buildcost.After, Deps: buildcost.Deps{Packages: 809}}}
	var b strings.Builder
	writeBuildCost(&b, r)
	for _, want := range []string{
		"\n### Before and after the provider framework left the library\n\n",
		"| packages compiled (go list -deps) | 860 | 809 | +51 |\n",
		"Longest package inits, before: `github.com/pulumi/pulumi/pkg/v3/codegen/schema` 7.00 ms.\n",
	} {
		assert.Contains(t, b.String(), want)
	}
	assert.Less(t, strings.Index(b.String(), "| binary size |"), strings.Index(b.String(), "### Before and after"))
}
