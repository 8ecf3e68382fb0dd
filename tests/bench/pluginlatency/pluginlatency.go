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
	Run    int
	Warmup bool
	PID    int

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
	Runs          int      // measured runs
	WarmupRuns    int      // runs done first and discarded
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
}

// Options configure MeasureWith.
type Options struct {
	PluginPath string
	Runs       int      // measured runs, at least 1
	Warmup     int      // discarded runs done first
	Protocol   Protocol // ProtocolEngine when empty
	Progress   io.Writer
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
	path, err := filepath.Abs(o.PluginPath)
	if err != nil {
		return Report{}, err
	}
	if st, err := os.Stat(path); err != nil || st.IsDir() {
		return Report{}, fmt.Errorf("no plugin binary at %s (build it with make build)", path)
	}
	rep := Report{
		PluginPath: path, Protocol: o.Protocol, RPCs: protocolRPCs[o.Protocol],
		Runs: o.Runs, WarmupRuns: o.Warmup,
		GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, NumCPU: runtime.NumCPU(), StartedAt: time.Now().UTC(),
	}
	for i := 1; i <= o.Warmup+o.Runs; i++ {
		s, d, err := runOnce(ctx, path, o.Protocol)
		if err != nil {
			return rep, fmt.Errorf("run %d: %w", i, err)
		}
		s.Run, s.Warmup = i, i <= o.Warmup
		if s.Warmup {
			rep.WarmupSamples = append(rep.WarmupSamples, s)
		} else {
			rep.Samples = append(rep.Samples, s)
		}
		rep.PluginVersion, rep.ComponentURN, rep.ConstructOutputs = d.version, d.urn, d.outputs
		rep.Registrations, rep.Invokes, rep.MonitorCalls = d.registrations, d.invokes, d.calls
		if o.Progress != nil {
			tag := ""
			if s.Warmup {
				tag = " (warm-up)"
			}
			fmt.Fprintf(o.Progress, "run %2d/%d%s: ready %.1f ms, construct %.1f ms, start-to-construct %.1f ms, peak RSS %.1f MiB\n",
				i, o.Warmup+o.Runs, tag, s.ReadyMs, s.ConstructMs, s.StartToConstructMs, s.PeakRSSMiB)
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

func runOnce(ctx context.Context, path string, protocol Protocol) (Sample, detail, error) {
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
	if err := checkRegistrations(d.registrations); err != nil {
		return s, d, err
	}
	if err := checkInvokes(d.invokes); err != nil {
		return s, d, err
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

// summarize fills the headline fields and Stats from the measured samples.
func (r *Report) summarize() {
	col := func(f func(Sample) float64) []float64 {
		v := make([]float64, len(r.Samples))
		for i, s := range r.Samples {
			v[i] = f(s)
		}
		return v
	}
	r.Stats = map[string]Stats{
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
	}
	st := r.Stats["Ready"]
	r.ReadyMedianMs, r.ReadyMinMs, r.ReadyMaxMs, r.ReadyP90Ms = st.Median, st.Min, st.Max, st.P90
	st = r.Stats["Construct"]
	r.ConstructMedianMs, r.ConstructMinMs, r.ConstructMaxMs, r.ConstructP90Ms = st.Median, st.Min, st.Max, st.P90
	st = r.Stats["StartToConstruct"]
	r.StartToConstructMedianMs, r.StartToConstructMinMs, r.StartToConstructMaxMs, r.StartToConstructP90Ms = st.Median, st.Min, st.Max, st.P90
	st = r.Stats["PeakRSS"]
	r.PeakRSSMedianMiB, r.PeakRSSMinMiB, r.PeakRSSMaxMiB, r.PeakRSSP90MiB = st.Median, st.Min, st.Max, st.P90
}
