// Command pluginlatency measures the eksnodes provider plugin's start-to-ready time, first
// Construct time and peak RSS (see package pluginlatency), prints a summary and writes the
// full report as JSON.
//
//	cd tests && go run ./bench/pluginlatency/cmd -plugin ../bin/pulumi-resource-eksnodes -runs 15 -json out.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/pluginlatency"
)

func main() {
	pluginPath := flag.String("plugin", "../bin/pulumi-resource-eksnodes", "the provider plugin binary (make build)")
	runs := flag.Int("runs", 15, "measured runs, each with a fresh plugin process")
	warmup := flag.Int("warmup", 2, "runs done first and discarded")
	protocol := flag.String("protocol", string(pluginlatency.ProtocolEngine),
		"RPCs before the Construct: engine (Handshake, CheckConfig, Configure) or minimal (none)")
	out := flag.String("json", "", "write the report here")
	quiet := flag.Bool("q", false, "do not print each run")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var progress io.Writer = os.Stderr
	if *quiet {
		progress = nil
	}
	rep, err := pluginlatency.MeasureWith(ctx, pluginlatency.Options{
		PluginPath: *pluginPath, Runs: *runs, Warmup: *warmup,
		Protocol: pluginlatency.Protocol(*protocol), Progress: progress,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "pluginlatency:", err)
		os.Exit(1)
	}
	printSummary(os.Stdout, rep)
	if *out != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err == nil {
			err = os.WriteFile(*out, append(data, '\n'), 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "pluginlatency:", err)
			os.Exit(1)
		}
		fmt.Printf("report written to %s\n", *out)
	}
}

func printSummary(w io.Writer, r pluginlatency.Report) {
	fmt.Fprintf(w, "plugin %s (version %s), %s/%s, %d CPUs\n", r.PluginPath, r.PluginVersion, r.GOOS, r.GOARCH, r.NumCPU)
	fmt.Fprintf(w, "%d measured runs after %d warm-up runs; after the port line: %s\n",
		r.Runs, r.WarmupRuns, strings.Join(r.RPCs, " → "))
	fmt.Fprintf(w, "Construct of %s registered %d resources, invoked %d functions\n\n",
		r.ComponentURN, len(r.Registrations), len(r.Invokes))
	fmt.Fprintf(w, "%-34s %9s %9s %9s %9s\n", "", "median", "min", "p90", "max")
	rows := []struct{ label, key string }{
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
	}
	for _, row := range rows {
		s := r.Stats[row.key]
		label := fmt.Sprintf("%s [%s]", row.label, s.Unit)
		fmt.Fprintf(w, "%-34s %9.1f %9.1f %9.1f %9.1f\n", label, s.Median, s.Min, s.P90, s.Max)
	}
}
