package pluginlatency

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sample(inv int, ms, peak float64) Sample {
	return Sample{Invocation: inv, StartToConstructMs: ms, PeakRSSMiB: peak}
}

func TestBaselineCompare(t *testing.T) {
	plugin := []Sample{sample(1, 30, 50), sample(1, 32, 52), sample(1, 34, 51), sample(2, 40, 50), sample(2, 44, 51), sample(2, 42, 50)}
	b := &Baseline{Samples: []Sample{sample(1, 20, 40), sample(1, 20, 40), sample(1, 21, 40), sample(2, 20, 40), sample(2, 22, 40), sample(2, 21, 40)}}
	b.compare(plugin, 2)
	require.Len(t, b.PerInvocation, 2)
	assert.Equal(t, InvocationRatio{Invocation: 1, PluginMs: 32, BaselineMs: 20, Ratio: 1.6, PluginPeakMiB: 51, BaselinePeakMiB: 40}, b.PerInvocation[0])
	assert.Equal(t, 2.0, b.PerInvocation[1].Ratio)
	assert.Equal(t, ratio(37, 20.5), b.StartToConstructRatio, "pooled: the medians of all runs")
	assert.Equal(t, 1.6, b.InvocationRatio.Min)
	assert.Equal(t, 2.0, b.InvocationRatio.Max)
	assert.Equal(t, 1.8, b.InvocationRatio.Median)
	assert.Equal(t, ratio(50.5, 40), b.PeakRSSRatio)
	assert.Equal(t, 6, b.Stats["StartToConstruct"].N)
}

func TestRatio(t *testing.T) {
	assert.Equal(t, 1.333, ratio(4, 3))
	assert.Equal(t, 0.0, ratio(4, 0))
}

const smaps = `00400000-01936000 r-xp 00000000 fd:00 123 /opt/plugin
Size:              21720 kB
Rss:               15832 kB
Pss:               15832 kB
01936000-04094000 r--p 01536000 fd:00 123 /opt/plugin
Rss:               18552 kB
04094000-04198000 rw-p 03c94000 fd:00 123 /opt/plugin
Rss:                 656 kB
04198000-06408000 rw-p 00000000 00:00 0
Rss:                2340 kB
c000000000-c004000000 rw-p 00000000 00:00 0 
Rss:                8216 kB
7f0000000000-7f0000100000 r-xp 00000000 fd:00 9 /usr/lib/x86_64-linux-gnu/libc.so.6
Rss:                1020 kB
7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]
Rss:                  40 kB
`

func TestParseSmaps(t *testing.T) {
	b, err := parseSmaps([]byte(smaps), "/opt/plugin")
	require.NoError(t, err)
	assert.Equal(t, Breakdown{CodeKiB: 15832, ReadOnlyKiB: 18552, DataKiB: 656, OtherFileKiB: 1020, AnonKiB: 2340 + 8216 + 40}, b)
	_, err = parseSmaps([]byte("00400000-01936000 r-xp 00000000 fd:00 123 /opt/plugin\nRss: x kB\n"), "/opt/plugin")
	assert.Error(t, err)
}

func TestWriteSummaryWithBaseline(t *testing.T) {
	r := Report{Runs: 6, Invocations: 2, WarmupRuns: 1, RPCs: []string{"Construct"},
		Samples: []Sample{sample(1, 30, 50), sample(2, 40, 50)}, Baseline: &Baseline{Samples: []Sample{sample(1, 20, 40), sample(2, 20, 40)}}}
	r.summarize()
	var b strings.Builder
	WriteSummary(&b, r)
	out := b.String()
	assert.Contains(t, out, "empty median")
	assert.Contains(t, out, "eksnodes ÷ empty plugin: 1.750× pooled")
	assert.Contains(t, out, "invocation 2: eksnodes 40.0 ms, empty 20.0 ms, ratio 2.000×")
	assert.Equal(t, len(SummaryRows), strings.Count(out, "] "), "a row a metric")
}
