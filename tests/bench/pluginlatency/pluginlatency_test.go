package pluginlatency

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pluginBinary returns the plugin `make build` puts in bin/, skipping the test when it is
// missing unless EKSNODES_E2E is set.
func pluginBinary(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", "..", "bin", "pulumi-resource-eksnodes"))
	require.NoError(t, err)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("EKSNODES_E2E") != "" {
			t.Fatalf("EKSNODES_E2E is set but the plugin binary is missing at %s: run `make build` in the repository root", path)
		}
		t.Skipf("the plugin binary is missing at %s: run `make build` in the repository root to measure it (set EKSNODES_E2E to make this a failure)", path)
	}
	return path
}

// TestMeasure drives the real plugin twice. It checks what the Construct did and that every
// figure is there; it sets no timing thresholds.
func TestMeasure(t *testing.T) {
	path := pluginBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	rep, err := Measure(ctx, path, 2, 0)
	require.NoError(t, err)

	require.Len(t, rep.Samples, 2)
	assert.Empty(t, rep.WarmupSamples)
	assert.Equal(t, ProtocolEngine, rep.Protocol)
	assert.Equal(t, []string{"Handshake", "CheckConfig", "Configure", "Construct"}, rep.RPCs)
	assert.NotEmpty(t, rep.PluginVersion)

	keys := make([]string, len(rep.Registrations))
	for i, r := range rep.Registrations {
		keys[i] = r.Key()
	}
	assert.Equal(t, ExpectedRegistrations, keys)
	assert.Len(t, keys, 16, "3 components and 13 AWS resources")
	assert.Equal(t, "urn:pulumi:dev::bench::eksnodes:index:NodeGroup::workers", rep.ComponentURN)
	assert.Contains(t, rep.ConstructOutputs, "autoScalingGroupName")
	assert.Equal(t, len(ExpectedRegistrations), rep.MonitorCalls["RegisterResource"])
	assert.Equal(t, 3, rep.MonitorCalls["RegisterResourceOutputs"])
	tokens := map[string]bool{}
	for _, inv := range rep.Invokes {
		tokens[inv.Token] = true
	}
	assert.Equal(t, map[string]bool{tokGetPartition: true, tokGetParameter: true}, tokens)

	for _, s := range rep.Samples {
		assert.Positive(t, s.PID)
		assert.Positive(t, s.ReadyMs, "run %d", s.Run)
		assert.Positive(t, s.ConnectMs, "run %d", s.Run)
		assert.Positive(t, s.HandshakeMs, "run %d", s.Run)
		assert.Positive(t, s.ConfigureMs, "run %d", s.Run)
		assert.Positive(t, s.ConstructMs, "run %d", s.Run)
		assert.Greater(t, s.StartToConstructMs, s.ReadyMs, "run %d", s.Run)
		assert.Greater(t, s.StartToConstructMs, s.ConstructMs, "run %d", s.Run)
		assert.Positive(t, s.PeakRSSMiB, "run %d", s.Run)
		assert.Positive(t, s.RSSMiB, "run %d", s.Run)
		assert.GreaterOrEqual(t, s.VmHWMKiB, s.VmRSSKiB, "run %d", s.Run)
		assert.Equal(t, len(ExpectedRegistrations), s.Registrations, "run %d", s.Run)
	}
	for name, v := range map[string]float64{
		"ReadyMedianMs": rep.ReadyMedianMs, "ReadyMinMs": rep.ReadyMinMs, "ReadyMaxMs": rep.ReadyMaxMs, "ReadyP90Ms": rep.ReadyP90Ms,
		"ConstructMedianMs": rep.ConstructMedianMs, "ConstructMinMs": rep.ConstructMinMs,
		"ConstructMaxMs": rep.ConstructMaxMs, "ConstructP90Ms": rep.ConstructP90Ms,
		"StartToConstructMedianMs": rep.StartToConstructMedianMs, "StartToConstructMinMs": rep.StartToConstructMinMs,
		"StartToConstructMaxMs": rep.StartToConstructMaxMs, "StartToConstructP90Ms": rep.StartToConstructP90Ms,
		"PeakRSSMedianMiB": rep.PeakRSSMedianMiB, "PeakRSSMinMiB": rep.PeakRSSMinMiB,
		"PeakRSSMaxMiB": rep.PeakRSSMaxMiB, "PeakRSSP90MiB": rep.PeakRSSP90MiB,
	} {
		assert.Positive(t, v, name)
	}
	assert.Equal(t, 2, rep.Stats["Ready"].N)
}

// TestMeasureMinimal checks that the plugin constructs without Handshake and Configure.
func TestMeasureMinimal(t *testing.T) {
	path := pluginBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	rep, err := MeasureWith(ctx, Options{PluginPath: path, Runs: 1, Protocol: ProtocolMinimal})
	require.NoError(t, err)
	require.Len(t, rep.Samples, 1)
	assert.Equal(t, []string{"Construct"}, rep.RPCs)
	assert.Zero(t, rep.Samples[0].HandshakeMs)
	assert.Positive(t, rep.Samples[0].ConstructMs)
	assert.Len(t, rep.Registrations, len(ExpectedRegistrations))
}

func TestMeasureRejectsMissingPlugin(t *testing.T) {
	_, err := Measure(context.Background(), filepath.Join(t.TempDir(), "nope"), 1, 0)
	assert.ErrorContains(t, err, "no plugin binary")
}

func TestCheckRegistrationsNamesDifferences(t *testing.T) {
	var regs []Registration
	component := "urn:pulumi:dev::bench::eksnodes:index:NodeGroup::workers"
	for _, k := range ExpectedRegistrations {
		var typ, name string
		for i := len(k) - 1; i >= 0; i-- {
			if k[i] == ' ' {
				typ, name = k[:i], k[i+1:]
				break
			}
		}
		r := Registration{Type: typ, Name: name, Custom: true, Parent: component}
		if typ == ComponentType {
			r = Registration{Type: typ, Name: name, Parent: string(stackURN), URN: component}
		}
		regs = append(regs, r)
	}
	// NodeRole and NodeSecurityGroup are recorded as custom here so that every child's parent
	// is the NodeGroup; the check only needs the parent to be a registered component.
	require.NoError(t, checkRegistrations(regs))

	err := checkRegistrations(append(regs[1:], Registration{Type: "aws:s3/bucket:Bucket", Name: "x", Custom: true, Parent: component}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing: aws:autoscaling/group:Group workers")
	assert.Contains(t, err.Error(), "unexpected: aws:s3/bucket:Bucket x")

	err = checkRegistrations(append(regs, Registration{Type: "aws:s3/bucket:Bucket", Name: "y", Custom: true, Parent: "urn:elsewhere"}))
	assert.ErrorContains(t, err, "which is no registered component")
}

func TestSummarize(t *testing.T) {
	xs := []float64{15, 1, 14, 2, 13, 3, 12, 4, 11, 5, 10, 6, 9, 7, 8}
	s := summarize("ms", xs)
	assert.Equal(t, Stats{Unit: "ms", N: 15, Median: 8, Min: 1, Max: 15, P90: 14, Mean: 8}, s)
	assert.Equal(t, 15.0, xs[0], "the input is not reordered")
	assert.Equal(t, 2.5, summarize("ms", []float64{4, 1, 3, 2}).Median)
	assert.Equal(t, 4.0, summarize("ms", []float64{4, 1, 3, 2}).P90)
	assert.Equal(t, Stats{Unit: "MiB"}, summarize("MiB", nil))
}

func TestParseStatus(t *testing.T) {
	m, err := parseStatus([]byte("Name:\tplugin\nVmPeak:\t 1000 kB\nVmHWM:\t   54196 kB\nVmRSS:\t   54000 kB\nRssAnon:\t 20000 kB\nRssFile:\t 34000 kB\n"))
	require.NoError(t, err)
	assert.Equal(t, memory{HWMKiB: 54196, RSSKiB: 54000, RSSAnonKiB: 20000, RSSFileKiB: 34000}, m)
	_, err = parseStatus([]byte("Name:\tplugin\n"))
	assert.Error(t, err)
}
