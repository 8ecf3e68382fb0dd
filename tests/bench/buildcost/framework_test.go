package buildcost

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const initTraceOut = `init internal/bytealg @0 ms, 0 ms clock, 0 bytes, 0 allocs
init runtime @0.036 ms, 0.074 ms clock, 0 bytes, 0 allocs
some program output
init github.com/pulumi/pulumi/pkg/v3/codegen/schema @12 ms, 3.1 ms clock, 3574256 bytes, 27561 allocs
`

func TestParseInitTrace(t *testing.T) {
	inits, err := ParseInitTrace([]byte(initTraceOut))
	require.NoError(t, err)
	assert.Equal(t, []PackageInit{
		{Package: "internal/bytealg"},
		{Package: "runtime", Ms: 0.074},
		{Package: "github.com/pulumi/pulumi/pkg/v3/codegen/schema", Ms: 3.1, Bytes: 3574256, Allocs: 27561},
	}, inits)
	_, err = ParseInitTrace([]byte("no trace\n"))
	assert.Error(t, err)
	_, err = ParseInitTrace([]byte("init x @0 ms, y ms clock, 0 bytes, 0 allocs\n"))
	assert.Error(t, err)
}

func TestSummarizeInits(t *testing.T) {
	starts := [][]PackageInit{
		{{Package: "a", Ms: 1, Bytes: 10}, {Package: "b", Ms: 3, Bytes: 5}},
		{{Package: "a", Ms: 2, Bytes: 10}, {Package: "b", Ms: 5, Bytes: 5}},
		{{Package: "a", Ms: 9, Bytes: 10}, {Package: "b", Ms: 4, Bytes: 5}},
	}
	total, bytes, top := summarizeInits(starts, 1)
	assert.Equal(t, Stats{Min: 4, Median: 7, Max: 13, Samples: []float64{4, 7, 13}}, total)
	assert.Equal(t, int64(15), bytes)
	assert.Equal(t, []PackageInit{{Package: "b", Ms: 4, Bytes: 5}}, top, "ranked by the median clock, cut to top")
}

func TestFrameworkRows(t *testing.T) {
	r := FrameworkReport{Runs: 1, InitRuns: 5,
		Before: FrameworkProgram{Name: Before, Deps: Deps{Packages: 860, PulumiPkg: []string{"p1", "p2"}, GoProvider: []string{"g"}},
			BinaryBytes: 90 << 20, ColdSeconds: Stats{Median: 100}, InitMs: Stats{Median: 20}, InitBytes: 9e6,
			TopInits: []PackageInit{{Package: "github.com/pulumi/pulumi/pkg/v3/codegen/schema", Ms: 7, Bytes: 3574256}}},
		After: FrameworkProgram{Name: After, Deps: Deps{Packages: 809}, BinaryBytes: 80 << 20, ColdSeconds: Stats{Median: 96}, InitMs: Stats{Median: 13}, InitBytes: 4e6},
	}
	rows := r.Rows()
	assert.Equal(t, Row{"packages compiled (go list -deps)", "860", "809", "+51"}, rows[0])
	assert.Equal(t, Row{"binary size", "90.0 MiB", "80.0 MiB", "+10.0 MiB"}, rows[3])
	assert.Equal(t, Row{"package init, sum of clocks (median of starts)", "20.0 ms", "13.0 ms", "+7.0 ms"}, rows[6])
	var b strings.Builder
	require.NoError(t, WriteFrameworkTable(&b, r))
	assert.Contains(t, b.String(), "github.com/pulumi/pulumi/pkg/v3/codegen/schema  7.00")
	assert.Contains(t, b.String(), BeforeHeading)
}
