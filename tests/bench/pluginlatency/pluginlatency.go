// Package pluginlatency measures the eksnodes provider plugin (pulumi-resource-eksnodes) the
// way the Pulumi engine uses it, with no engine and no AWS: how long a fresh plugin process
// takes to print its port, how long its first Construct of a NodeGroup takes in a preview,
// and how much memory it holds by then.
//
// Each run serves a fake engine (engine.go: pulumirpc.EngineServer plus the gRPC health
// service) and a fake resource monitor (monitor.go, aws.go), execs the plugin with the engine's
// address as its argument, reads the port from the first stdout line, and then speaks to it
// as the v3.256.0 engine does for a component in a preview (session.go): dial and wait for
// READY, Handshake, CheckConfig and Configure of the default provider, Construct. Right after
// the Construct returns it reads VmHWM and VmRSS from /proc/<pid>/status, checks that the
// monitor saw exactly the expected registrations (workload.go), and stops the plugin.
package pluginlatency

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
)

// Sample is one run: a fresh plugin process driven up to the end of its first Construct.
type Sample struct {
	Invocation int // 1-based, when the runs are repeated (Options.Invocations)
	Run        int
	Warmup     bool
	PID        int

	ReadyMs            float64 // exec until the port line was read
	ConnectMs          float64 // dial until the gRPC channel was READY
	HandshakeMs        float64 // Handshake RPC (0 with ProtocolMinimal)
	ConfigureMs        float64 // CheckConfig + Configure RPCs (0 with ProtocolMinimal)
	ConstructMs        float64 // the first Construct RPC
	StartToConstructMs float64 // exec until the Construct returned

	PeakRSSMiB float64 // VmHWM right after the Construct
	RSSMiB     float64 // VmRSS right after the Construct
	RSSAnonMiB float64 // RssAnon: heap and stacks
	RSSFileMiB float64 // RssFile: pages of the binary and other files
	VmHWMKiB   int64
	VmRSSKiB   int64
	Smaps      Breakdown // the resident set by mapping right after the Construct

	Registrations     int
	EngineConnections int // connections the plugin opened to the fake engine by the end of the Construct
	EngineLogMessages int
}

// Report is the result of Measure. The headline fields summarise the measured runs (warm-up
// runs excluded); Stats holds the same summary for every metric.
type Report struct {
	PluginPath    string
	PluginVersion string
	Protocol      Protocol
	RPCs          []string // what the harness sends after the port line, in order
	Runs          int      // measured runs, over every invocation
	WarmupRuns    int      // runs done first and discarded, per invocation
	Invocations   int      // times the warm-up and measured runs were repeated (at least 1)
	BinaryBytes   int64    // size of the plugin binary
	GOOS          string
	GOARCH        string
	NumCPU        int
	StartedAt     time.Time

	ReadyMedianMs, ReadyMinMs, ReadyMaxMs, ReadyP90Ms                 float64
	ConstructMedianMs, ConstructMinMs, ConstructMaxMs, ConstructP90Ms float64
	StartToConstructMedianMs, StartToConstructMinMs                   float64
	StartToConstructMaxMs, StartToConstructP90Ms                      float64
	PeakRSSMedianMiB, PeakRSSMinMiB, PeakRSSMaxMiB, PeakRSSP90MiB     float64
	Stats                                                             map[string]Stats

	// What the last run's Construct did, which every run is checked against.
	ComponentURN     string
	ConstructOutputs []string
	Registrations    []Registration
	Invokes          []Invocation
	MonitorCalls     map[string]int

	Samples       []Sample
	WarmupSamples []Sample

	// The empty plugin, run alternately with this one when Options.Baseline is set.
	Baseline *Baseline `json:",omitempty"`
}

// Options configure MeasureWith.
type Options struct {
	PluginPath string
	Runs       int      // measured runs per invocation, at least 1
	Warmup     int      // discarded runs done first in each invocation
	Protocol   Protocol // ProtocolEngine when empty
	Progress   io.Writer
	// Baseline is the path of the empty plugin (BuildEmptyPlugin), run alternately with the
	// plugin, run by run; none when empty.
	Baseline string
	// Invocations repeats the warm-up and measured runs, pooling the measured ones; 1 when 0.
	Invocations int
}

// Measure runs the plugin at pluginPath warmup+runs times, each time in a fresh process, and
// summarises the last runs, speaking the engine's protocol.
func Measure(ctx context.Context, pluginPath string, runs, warmup int) (Report, error) {
	return MeasureWith(ctx, Options{PluginPath: pluginPath, Runs: runs, Warmup: warmup})
}

// MeasureWith is Measure with every option.
func MeasureWith(ctx context.Context, o Options) (Report, error) {
	if o.Runs < 1 || o.Warmup < 0 {
		return Report{}, fmt.Errorf("runs must be at least 1 and warmup at least 0, not %d and %d", o.Runs, o.Warmup)
	}
	if o.Protocol == "" {
		o.Protocol = ProtocolEngine
	}
	if _, ok := protocolRPCs[o.Protocol]; !ok {
		return Report{}, fmt.Errorf("unknown protocol %q", o.Protocol)
	}
	if runtime.GOOS != "linux" {
		return Report{}, errors.New("the memory figures come from /proc: Linux only")
	}
	if o.Invocations == 0 {
		o.Invocations = 1
	}
	path, size, err := binary(o.PluginPath)
	if err != nil {
		return Report{}, err
	}
	rep := Report{
		PluginPath: path, Protocol: o.Protocol, RPCs: protocolRPCs[o.Protocol],
		Runs: o.Runs * o.Invocations, WarmupRuns: o.Warmup, Invocations: o.Invocations, BinaryBytes: size,
		GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, NumCPU: runtime.NumCPU(), StartedAt: time.Now().UTC(),
	}
	subjects := []*subject{{path: path, label: "eksnodes", samples: &rep.Samples, warmups: &rep.WarmupSamples}}
	if o.Baseline != "" {
		bpath, bsize, err := binary(o.Baseline)
		if err != nil {
			return Report{}, err
		}
		rep.Baseline = &Baseline{PluginPath: bpath, BinaryBytes: bsize}
		subjects = append(subjects, &subject{path: bpath, label: "empty", baseline: true,
			samples: &rep.Baseline.Samples, warmups: &rep.Baseline.WarmupSamples})
	}
	total := o.Warmup + o.Runs
	for inv := 1; inv <= o.Invocations; inv++ {
		for i := 1; i <= total; i++ {
			for k := range subjects {
				// Alternate which plugin goes first, run by run.
				sub := subjects[(k+i)%len(subjects)]
				s, d, err := runOnce(ctx, sub.path, o.Protocol, sub.baseline)
				if err != nil {
					return rep, fmt.Errorf("%s, invocation %d, run %d: %w", sub.label, inv, i, err)
				}
				s.Invocation, s.Run, s.Warmup = inv, i, i <= o.Warmup
				if s.Warmup {
					*sub.warmups = append(*sub.warmups, s)
				} else {
					*sub.samples = append(*sub.samples, s)
				}
				if !sub.baseline {
					rep.PluginVersion, rep.ComponentURN, rep.ConstructOutputs = d.version, d.urn, d.outputs
					rep.Registrations, rep.Invokes, rep.MonitorCalls = d.registrations, d.invokes, d.calls
				}
				if o.Progress != nil {
					tag := ""
					if s.Warmup {
						tag = " (warm-up)"
					}
					fmt.Fprintf(o.Progress, "%-8s invocation %d run %2d/%d%s: ready %.1f ms, construct %.1f ms, start-to-construct %.1f ms, peak RSS %.1f MiB\n",
						sub.label, inv, i, total, tag, s.ReadyMs, s.ConstructMs, s.StartToConstructMs, s.PeakRSSMiB)
				}
			}
		}
	}
	rep.summarize()
	return rep, nil
}

// detail is what a run's Construct did.
type detail struct {
	version, urn  string
	outputs       []string
	registrations []Registration
	invokes       []Invocation
	calls         map[string]int
}

// subject is one of the plugins a measurement alternates between.
type subject struct {
	path, label      string
	baseline         bool
	samples, warmups *[]Sample
}

// binary resolves the path of a plugin binary and returns its size.
func binary(p string) (string, int64, error) {
	path, err := filepath.Abs(p)
	if err == nil {
		path, err = filepath.EvalSymlinks(path)
	}
	if err != nil {
		return "", 0, fmt.Errorf("no plugin binary at %s (build it with make build): %w", p, err)
	}
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return "", 0, fmt.Errorf("no plugin binary at %s (build it with make build)", path)
	}
	return path, st.Size(), nil
}

// runOnce starts the plugin at path and drives it up to the end of its first Construct. The
// registrations are checked against the NodeGroup's unless baseline (the empty plugin).
func runOnce(ctx context.Context, path string, protocol Protocol, baseline bool) (Sample, detail, error) {
	var s Sample
	var d detail
	engine := &fakeEngine{root: string(stackURN)}
	engSrv, err := startEngine(engine)
	if err != nil {
		return s, d, err
	}
	defer engSrv.stop()
	mon := newFakeMonitor(Project, Stack, Organization, true, Parallel)
	monSrv, err := startMonitor(mon)
	if err != nil {
		return s, d, err
	}
	defer monSrv.stop()

	// The engine passes the project name to every plugin it starts.
	env := append(os.Environ(), "PULUMI_PROJECT="+Project)
	pp, err := startPlugin(ctx, path, engSrv.addr, env)
	if err != nil {
		return s, d, err
	}
	defer pp.stop(5 * time.Second)
	s.PID = pp.cmd.Process.Pid
	s.ReadyMs = ms(pp.ready.Sub(pp.started).Nanoseconds())

	var constructed time.Time
	var mem memory
	var memErr error
	sess := session{protocol: protocol, pluginDir: filepath.Dir(path), engineAddr: engSrv.addr, monitorAddr: monSrv.addr}
	ph, resp, version, err := sess.run(ctx, pp.port, func() {
		constructed = time.Now()
		mem, memErr = readMemory(s.PID)
		if memErr == nil {
			s.Smaps, memErr = readBreakdown(s.PID, path)
		}
	})
	if err != nil {
		return s, d, fmt.Errorf("%w%s", err, diagnostics(pp, engine))
	}
	if memErr != nil {
		return s, d, fmt.Errorf("reading the plugin's memory: %w", memErr)
	}
	s.ConnectMs = ms(ph.connect.Nanoseconds())
	s.HandshakeMs = ms(ph.handshake.Nanoseconds())
	s.ConfigureMs = ms(ph.configure.Nanoseconds())
	s.ConstructMs = ms(ph.construct.Nanoseconds())
	s.StartToConstructMs = ms(constructed.Sub(pp.started).Nanoseconds())
	s.VmHWMKiB, s.VmRSSKiB = mem.HWMKiB, mem.RSSKiB
	s.PeakRSSMiB, s.RSSMiB = mib(mem.HWMKiB), mib(mem.RSSKiB)
	s.RSSAnonMiB, s.RSSFileMiB = mib(mem.RSSAnonKiB), mib(mem.RSSFileKiB)
	s.EngineLogMessages = len(engine.messages())
	s.EngineConnections = engSrv.connections()

	d.version = version
	d.registrations, d.invokes, d.calls = mon.seen()
	s.Registrations = len(d.registrations)
	if !baseline {
		if err := checkRegistrations(d.registrations); err != nil {
			return s, d, err
		}
		if err := checkInvokes(d.invokes); err != nil {
			return s, d, err
		}
	}
	want, err := mon.urnFor(ComponentType, ComponentName, string(stackURN))
	if err != nil {
		return s, d, err
	}
	if d.urn = resp.GetUrn(); d.urn != string(want) {
		return s, d, fmt.Errorf("the Construct returned URN %q, want %q", d.urn, want)
	}
	state, err := plugin.UnmarshalProperties(resp.GetState(), plugin.MarshalOptions{
		KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: true,
	})
	if err != nil {
		return s, d, fmt.Errorf("the Construct's state: %w", err)
	}
	for _, k := range state.StableKeys() {
		d.outputs = append(d.outputs, string(k))
	}
	sort.Strings(d.outputs)
	return s, d, nil
}

// diagnostics describes what the plugin printed and logged, for an error message.
func diagnostics(pp *pluginProcess, e *fakeEngine) string {
	out := ""
	if err := pp.alive(); err != nil {
		out += "; " + err.Error()
	} else if o := pp.output.String(); o != "" {
		out += "; plugin output: " + o
	}
	for _, m := range e.messages() {
		out += fmt.Sprintf("; engine log %s %s: %s", m.Severity, m.URN, m.Message)
	}
	return out
}

// summarize fills the headline fields and Stats from the measured samples, and the comparison
// with the empty plugin when there is one.
func (r *Report) summarize() {
	r.Stats = sampleStats(r.Samples)
	st := r.Stats["Ready"]
	r.ReadyMedianMs, r.ReadyMinMs, r.ReadyMaxMs, r.ReadyP90Ms = st.Median, st.Min, st.Max, st.P90
	st = r.Stats["Construct"]
	r.ConstructMedianMs, r.ConstructMinMs, r.ConstructMaxMs, r.ConstructP90Ms = st.Median, st.Min, st.Max, st.P90
	st = r.Stats["StartToConstruct"]
	r.StartToConstructMedianMs, r.StartToConstructMinMs, r.StartToConstructMaxMs, r.StartToConstructP90Ms = st.Median, st.Min, st.Max, st.P90
	st = r.Stats["PeakRSS"]
	r.PeakRSSMedianMiB, r.PeakRSSMinMiB, r.PeakRSSMaxMiB, r.PeakRSSP90MiB = st.Median, st.Min, st.Max, st.P90
	if r.Baseline != nil {
		r.Baseline.compare(r.Samples, r.Invocations)
	}
}

// sampleStats summarises every metric of samples.
func sampleStats(samples []Sample) map[string]Stats {
	col := func(f func(Sample) float64) []float64 {
		v := make([]float64, len(samples))
		for i, s := range samples {
			v[i] = f(s)
		}
		return v
	}
	kib := func(f func(Breakdown) int64) []float64 {
		return col(func(s Sample) float64 { return mib(f(s.Smaps)) })
	}
	return map[string]Stats{
		"Ready":            summarize("ms", col(func(s Sample) float64 { return s.ReadyMs })),
		"Connect":          summarize("ms", col(func(s Sample) float64 { return s.ConnectMs })),
		"Handshake":        summarize("ms", col(func(s Sample) float64 { return s.HandshakeMs })),
		"Configure":        summarize("ms", col(func(s Sample) float64 { return s.ConfigureMs })),
		"Construct":        summarize("ms", col(func(s Sample) float64 { return s.ConstructMs })),
		"StartToConstruct": summarize("ms", col(func(s Sample) float64 { return s.StartToConstructMs })),
		"PeakRSS":          summarize("MiB", col(func(s Sample) float64 { return s.PeakRSSMiB })),
		"RSS":              summarize("MiB", col(func(s Sample) float64 { return s.RSSMiB })),
		"RSSAnon":          summarize("MiB", col(func(s Sample) float64 { return s.RSSAnonMiB })),
		"RSSFile":          summarize("MiB", col(func(s Sample) float64 { return s.RSSFileMiB })),
		"SmapsCode":        summarize("MiB", kib(func(b Breakdown) int64 { return b.CodeKiB })),
		"SmapsReadOnly":    summarize("MiB", kib(func(b Breakdown) int64 { return b.ReadOnlyKiB })),
		"SmapsData":        summarize("MiB", kib(func(b Breakdown) int64 { return b.DataKiB })),
		"SmapsOtherFile":   summarize("MiB", kib(func(b Breakdown) int64 { return b.OtherFileKiB })),
		"SmapsAnon":        summarize("MiB", kib(func(b Breakdown) int64 { return b.AnonKiB })),
	}
}
