package buildcost

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goList is `go list -deps -f listFormat` output as the go command prints it: a standard
// package's module field is empty, so its line ends in a tab.
const goList = "internal/byteorder\ttrue\t\n" +
	"fmt\ttrue\t\n" +
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi\tfalse\tgithub.com/pulumi/pulumi/sdk/v3\n" +
	"github.com/pulumi/pulumi/pkg/v3/resource/plugin\tfalse\tgithub.com/pulumi/pulumi/pkg/v3\n" +
	"github.com/pulumi/pulumi/pkg/v3\tfalse\tgithub.com/pulumi/pulumi/pkg/v3\n" +
	"github.com/pulumi/pulumi/pkg/v3extra/x\tfalse\tgithub.com/pulumi/pulumi/pkg/v3extra\n" +
	"github.com/pulumi/pulumi-go-provider/infer\tfalse\tgithub.com/pulumi/pulumi-go-provider\n" +
	"github.com/pulumi/pulumi-go-provider-extra\tfalse\tgithub.com/pulumi/pulumi-go-provider-extra\n" +
	"\n" +
	"example.com/prog\tfalse\texample.com/prog\n"

func TestParseDeps(t *testing.T) {
	d, err := ParseDeps([]byte(goList))
	require.NoError(t, err)
	assert.Equal(t, Deps{
		Packages: 9, NonStandard: 7, Modules: 6,
		PulumiPkg:  []string{"github.com/pulumi/pulumi/pkg/v3", "github.com/pulumi/pulumi/pkg/v3/resource/plugin"},
		GoProvider: []string{"github.com/pulumi/pulumi-go-provider/infer"},
	}, d, "a module's packages are matched on a path boundary, and sorted")
}

func TestParseDepsWithoutPulumiEngine(t *testing.T) {
	d, err := ParseDeps([]byte("fmt\ttrue\t\nexample.com/prog\tfalse\texample.com/prog\n"))
	require.NoError(t, err)
	assert.Equal(t, Deps{Packages: 2, NonStandard: 1, Modules: 1}, d)
}

func TestParseDepsRefusesOtherOutput(t *testing.T) {
	for name, tc := range map[string]struct{ out, msg string }{
		"empty":             {"", "no packages"},
		"import paths only": {"fmt\nos\n", "line 1"},
		"not a bool":        {"fmt\ttrue\t\nos\tyes\t\n", `line 2: "yes" is not true or false`},
		"no import path":    {"\ttrue\t\n", "line 1"},
		"too many fields":   {"fmt\ttrue\t\textra\n", "line 1"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseDeps([]byte(tc.out))
			assert.ErrorContains(t, err, tc.msg)
		})
	}
}

// TestListFormatMatchesParseDeps runs the go command on the baseline, which must compile no
// package of eksnodes, nor of the Pulumi engine or the provider framework.
func TestListFormatMatchesParseDeps(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	out, err := goCommand(context.Background(), goBin, "baseline", nil, "list", "-deps", "-f", listFormat, ".")
	require.NoError(t, err)
	d, err := ParseDeps(out)
	require.NoError(t, err)
	assert.Greater(t, d.NonStandard, 100, "the Pulumi and AWS SDKs")
	assert.Less(t, d.NonStandard, d.Packages)
	assert.Empty(t, d.PulumiPkg)
	assert.Empty(t, d.GoProvider)
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "github.com/eksnodes/pulumi-eksnodes/") {
			assert.True(t, strings.HasPrefix(line, "github.com/eksnodes/pulumi-eksnodes/tests/bench/"),
				"the baseline compiles only itself and awsdirect from this repository, not %s", line)
		}
	}
}

func TestSummarize(t *testing.T) {
	xs := []float64{3, 1, 2}
	assert.Equal(t, Stats{Min: 1, Median: 2, Max: 3, Samples: []float64{3, 1, 2}}, summarize(xs))
	assert.Equal(t, []float64{3, 1, 2}, xs, "the samples keep their order")
	assert.Equal(t, 2.5, summarize([]float64{4, 1, 3, 2}).Median)
	assert.Equal(t, Stats{}, summarize(nil))
}

func TestWithEnv(t *testing.T) {
	got := withEnv([]string{"PATH=/bin", "GOCACHE=/home/u/.cache/go-build", "GOCACHEPROG=x", "HOME=/home/u"}, []string{"GOCACHE=/tmp/c"})
	assert.Equal(t, []string{"PATH=/bin", "GOCACHEPROG=x", "HOME=/home/u", "GOCACHE=/tmp/c"}, got)
}

func TestMeasureRefusesNoRuns(t *testing.T) {
	_, err := Measure(context.Background(), Options{Runs: 0})
	assert.ErrorContains(t, err, "runs must be at least 1")
}

// report is a measured report as Measure returns it.
func report() Report {
	return Report{
		Runs: 3, GoVersion: "go1.26.8", GOOS: "linux", GOARCH: "amd64", NumCPU: 2,
		Eksnodes: Program{Name: Eksnodes, Dir: "/r/examples/go-basic",
			Deps: Deps{Packages: 810, NonStandard: 581, Modules: 115,
				PulumiPkg:  []string{"github.com/pulumi/pulumi/pkg/v3/host", "github.com/pulumi/pulumi/pkg/v3/util"},
				GoProvider: []string{"github.com/pulumi/pulumi-go-provider/internal"}},
			BinaryBytes:    125 << 20,
			ColdSeconds:    Stats{Min: 150, Median: 160.04, Max: 170, Samples: []float64{160.04, 150, 170}},
			ColdCPUSeconds: Stats{Min: 280, Median: 290, Max: 300, Samples: []float64{290, 280, 300}},
			WarmSeconds:    Stats{Min: 2.5, Median: 2.75, Max: 3, Samples: []float64{2.5, 2.75, 3}}},
		Baseline: Program{Name: Baseline, Dir: "/r/tests/bench/buildcost/baseline",
			Deps:           Deps{Packages: 741, NonStandard: 512, Modules: 100},
			BinaryBytes:    100 << 20,
			ColdSeconds:    Stats{Min: 120, Median: 128.03, Max: 130, Samples: []float64{128.03, 120, 130}},
			ColdCPUSeconds: Stats{Min: 230, Median: 232, Max: 240, Samples: []float64{232, 230, 240}},
			WarmSeconds:    Stats{Min: 2, Median: 2.2, Max: 2.5, Samples: []float64{2, 2.2, 2.5}}},
	}
}

func TestRows(t *testing.T) {
	assert.Equal(t, []Row{
		{"packages compiled (go list -deps)", "810", "741", "+69 (1.09×)"},
		{"of them outside the standard library", "581", "512", "+69 (1.13×)"},
		{"modules they come from", "115", "100", "+15 (1.15×)"},
		{"github.com/pulumi/pulumi/pkg/v3 packages compiled", "yes: 2", "no", "+2"},
		{"github.com/pulumi/pulumi-go-provider packages compiled", "yes: 1", "no", "+1"},
		{"cold go build, empty GOCACHE (min / median)", "150.0 / 160.0 s", "120.0 / 128.0 s", "+32.0 s (1.25×)"},
		{"cold go build, CPU time (min / median)", "280.0 / 290.0 s", "230.0 / 232.0 s", "+58.0 s (1.25×)"},
		{"warm rebuild, link only (min / median)", "2.50 / 2.75 s", "2.00 / 2.20 s", "+0.55 s (1.25×)"},
		{"binary size", "125.0 MiB", "100.0 MiB", "+25.0 MiB (1.25×)"},
	}, report().Rows())
}

func TestRowsWithoutBaselineFigures(t *testing.T) {
	r := report()
	r.Eksnodes.Deps.PulumiPkg, r.Eksnodes.Deps.GoProvider = nil, nil
	r.Baseline = Program{}
	rows := r.Rows()
	assert.Equal(t, Row{"github.com/pulumi/pulumi/pkg/v3 packages compiled", "no", "no", "+0"}, rows[3])
	assert.Equal(t, "+160.0 s", rows[5].Difference, "no ratio against zero")
	assert.Equal(t, "+125.0 MiB", rows[8].Difference)
}

func TestWriteTable(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, report()))
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	require.Len(t, lines, 2+1+9, "a heading line, a blank line, the column headings and a line a row")
	assert.Equal(t, "go1.26.8, linux/amd64, 2 CPUs; 3 cold build(s) of each program, each from an empty GOCACHE", lines[0])
	assert.Regexp(t, `^measure +eksnodes \(examples/go-basic\) +baseline \(pulumi-aws directly\) +difference$`, lines[2])
	assert.Regexp(t, `^cold go build, empty GOCACHE \(min / median\) +150\.0 / 160\.0 s +120\.0 / 128\.0 s +\+32\.0 s \(1\.25×\)$`, lines[8])
	col := strings.Index(lines[2], EksnodesHeading)
	for _, l := range lines[3:] {
		assert.Equal(t, ' ', []rune(l)[col-1], "columns line up: %q", l)
		assert.NotEqual(t, ' ', []rune(l)[col], "columns line up: %q", l)
	}
}

func TestReportJSON(t *testing.T) {
	raw, err := json.Marshal(report())
	require.NoError(t, err)
	var fields map[string]any
	require.NoError(t, json.Unmarshal(raw, &fields))
	for _, k := range []string{"runs", "goVersion", "numCpu", "eksnodes", "baseline"} {
		assert.Contains(t, fields, k)
	}
	eks := fields["eksnodes"].(map[string]any)
	assert.Equal(t, 810.0, eks["deps"].(map[string]any)["packages"])
	assert.Equal(t, 160.04, eks["coldSeconds"].(map[string]any)["median"])
	assert.Equal(t, float64(125<<20), eks["binaryBytes"])

	var back Report
	require.NoError(t, json.Unmarshal(raw, &back))
	assert.Equal(t, report(), back, "the report reads back what the command wrote")
}
