// Command pluginlatency measures the eksnodes provider plugin's start-to-ready time, first
// Construct time and peak RSS (see package pluginlatency), prints a summary and writes the
// full report as JSON. Unless -empty=false it first builds the empty plugin (package emptyplugin)
// into a temporary directory and runs it alternately with eksnodes, run by run, to report
// eksnodes' start + first Construct as a ratio to it; -invocations repeats the warm-up and
// measured runs and pools them, showing the spread between invocations. Run it from the tests
// module:
//
//	cd tests && go run ./bench/pluginlatency/cmd -plugin ../bin/pulumi-resource-eksnodes -runs 15 -invocations 3 -json out.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

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
	invocations := flag.Int("invocations", 1, "times to repeat the warm-up and measured runs, pooled")
	empty := flag.Bool("empty", true, "build the empty plugin and run it alternately with eksnodes, for the ratio")
	goBin := flag.String("go", "go", "the go command, to build the empty plugin")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var progress io.Writer = os.Stderr
	if *quiet {
		progress = nil
	}
	opts := pluginlatency.Options{
		PluginPath: *pluginPath, Runs: *runs, Warmup: *warmup, Invocations: *invocations,
		Protocol: pluginlatency.Protocol(*protocol), Progress: progress,
	}
	if *empty {
		dir, err := os.MkdirTemp("", "emptyplugin-")
		if err == nil {
			defer os.RemoveAll(dir)
			opts.Baseline, err = pluginlatency.BuildEmptyPlugin(ctx, *goBin, ".", dir)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "pluginlatency:", err)
			os.Exit(1)
		}
	}
	rep, err := pluginlatency.MeasureWith(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pluginlatency:", err)
		os.Exit(1)
	}
	pluginlatency.WriteSummary(os.Stdout, rep)
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
