package pluginlatency

import (
	"fmt"
	"io"
	"strings"
)

// WriteSummary prints the report for a terminal: every metric of eksnodes (and of the empty
// plugin, when it was measured), the resident set by mapping, and the ratios.
func WriteSummary(w io.Writer, r Report) {
	fmt.Fprintf(w, "plugin %s (version %s, %.1f MB), %s/%s, %d CPUs\n", r.PluginPath, r.PluginVersion, float64(r.BinaryBytes)/1e6, r.GOOS, r.GOARCH, r.NumCPU)
	fmt.Fprintf(w, "%d measured runs in %d invocation(s), each after %d warm-up runs; after the port line: %s\n",
		r.Runs, r.Invocations, r.WarmupRuns, strings.Join(r.RPCs, " → "))
	fmt.Fprintf(w, "Construct of %s registered %d resources, invoked %d functions\n", r.ComponentURN, len(r.Registrations), len(r.Invokes))
	if b := r.Baseline; b != nil {
		fmt.Fprintf(w, "empty plugin %s (%.1f MB), run alternately\n", b.PluginPath, float64(b.BinaryBytes)/1e6)
	}
	fmt.Fprintf(w, "\n%-40s %9s %9s %9s %9s", "", "median", "min", "p90", "max")
	if r.Baseline != nil {
		fmt.Fprintf(w, " %12s", "empty median")
	}
	fmt.Fprintln(w)
	for _, row := range SummaryRows {
		s := r.Stats[row.Key]
		label := fmt.Sprintf("%s [%s]", row.Label, s.Unit)
		fmt.Fprintf(w, "%-40s %9.1f %9.1f %9.1f %9.1f", label, s.Median, s.Min, s.P90, s.Max)
		if r.Baseline != nil {
			fmt.Fprintf(w, " %12.1f", r.Baseline.Stats[row.Key].Median)
		}
		fmt.Fprintln(w)
	}
	if b := r.Baseline; b != nil {
		fmt.Fprintf(w, "\nstart + first Construct, eksnodes ÷ empty plugin: %.3f× pooled (ratio of the medians of all %d runs each)\n",
			b.StartToConstructRatio, r.Runs)
		fmt.Fprintf(w, "per invocation: median %.3f×, min %.3f×, max %.3f×\n", b.InvocationRatio.Median, b.InvocationRatio.Min, b.InvocationRatio.Max)
		for _, ir := range b.PerInvocation {
			fmt.Fprintf(w, "  invocation %d: eksnodes %.1f ms, empty %.1f ms, ratio %.3f×; peak RSS %.1f vs %.1f MiB\n",
				ir.Invocation, ir.PluginMs, ir.BaselineMs, ir.Ratio, ir.PluginPeakMiB, ir.BaselinePeakMiB)
		}
		fmt.Fprintf(w, "peak RSS, eksnodes ÷ empty plugin: %.3f×\n", b.PeakRSSRatio)
	}
}

// SummaryRow is a metric of Report.Stats and its label.
type SummaryRow struct{ Label, Key string }

// SummaryRows are the metrics WriteSummary prints, in order.
var SummaryRows = []SummaryRow{
	{"start-to-ready (exec → port)", "Ready"},
	{"  connect (dial → READY)", "Connect"},
	{"  Handshake", "Handshake"},
	{"  CheckConfig + Configure", "Configure"},
	{"first Construct", "Construct"},
	{"start + first Construct", "StartToConstruct"},
	{"peak RSS (VmHWM)", "PeakRSS"},
	{"RSS after Construct (VmRSS)", "RSS"},
	{"  anonymous (RssAnon)", "RSSAnon"},
	{"  file-backed (RssFile)", "RSSFile"},
	{"  binary code (smaps r-x)", "SmapsCode"},
	{"  binary read-only data (smaps r--)", "SmapsReadOnly"},
	{"  binary writable data (smaps rw-)", "SmapsData"},
	{"  other files (libc, loader)", "SmapsOtherFile"},
	{"  anonymous (smaps)", "SmapsAnon"},
}
