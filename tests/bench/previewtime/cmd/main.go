// Command previewtime measures offline preview wall times (see package previewtime) and writes
// them as JSON. Before measuring it checks that the eksnodes programs and the baselines register
// the same AWS resources with the same inputs and secrecy, and exits non-zero listing the
// differences when they do not. `make bench` runs it with the environment the offline runs use.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/previewtime"
	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
)

func main() {
	sizes := flag.String("sizes", "1,20,100", "node group counts to measure")
	var o previewtime.Options
	flag.IntVar(&o.Rounds, "rounds", 5, "measured previews per variant and size")
	flag.IntVar(&o.LargeFrom, "large-from", 100, "sizes of at least this many node groups are measured -rounds-large times")
	flag.IntVar(&o.RoundsLarge, "rounds-large", 3, "measured previews per variant at the large sizes")
	flag.BoolVar(&o.Memory, "memory", true, "after the timed previews, one more per variant and size sampling the peak memory of the engine and plugins")
	out := flag.String("json", "", "write the report here")
	driver := flag.String("driver", "e2e/driver.js", "the TypeScript Automation API driver")
	flag.Parse()
	if err := run(*sizes, o, *out, *driver); err != nil {
		fmt.Fprintln(os.Stderr, "previewtime:", err)
		os.Exit(1)
	}
}

func run(sizeList string, o previewtime.Options, out, driver string) error {
	for _, f := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a number of node groups", f)
		}
		o.Sizes = append(o.Sizes, n)
	}
	work, err := os.MkdirTemp("", "previewtime")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	env, err := offline.FromEnvironment(work)
	if err != nil {
		return err
	}
	driverPath, err := filepath.Abs(driver)
	if err != nil {
		return err
	}
	sdkModules := filepath.Join(env.Artifacts, "ts-basic", "node_modules")
	awsModules, err := previewtime.InstallTypeScriptBaseline(filepath.Join(env.Artifacts, "ts-aws-baseline"), sdkModules, os.Stderr)
	if err != nil {
		return err
	}
	rep, err := previewtime.Measure(context.Background(), previewtime.Setup{
		Env: env, Driver: driverPath, WorkDir: work, Log: os.Stderr,
		NodeModules: sdkModules, AWSNodeModules: awsModules,
	}, o)
	if err != nil {
		return err
	}
	for _, p := range rep.Pairs {
		fmt.Printf("%3d groups: %s %.0f ms vs %s %.0f ms (medians): ratio %.3f\n",
			p.Groups, p.Subject, p.SubjectMs.Median, p.Reference, p.RefMs.Median, p.Ratio)
	}
	for _, v := range previewtime.Variants {
		for _, s := range rep.Slopes(v) {
			fmt.Printf("%s: %.1f ms per group from %d to %d groups\n", v, s.MsPerGroup, s.From, s.To)
		}
	}
	for _, m := range rep.Memory {
		fmt.Printf("%3d groups: %s peak RSS (MiB) %v\n", m.Groups, m.Variant, m.PeakMiB)
	}
	if out == "" {
		return nil
	}
	raw, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, raw, 0o644)
}
