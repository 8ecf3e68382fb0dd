// Command previewtime measures offline preview wall times (see package previewtime) and writes
// them as JSON. `make bench` runs it with the environment the offline runs use.
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
	sizes := flag.String("sizes", "1,20", "node group counts to measure")
	rounds := flag.Int("rounds", 5, "measured previews per variant and size")
	out := flag.String("json", "", "write the report here")
	driver := flag.String("driver", "e2e/driver.js", "the TypeScript Automation API driver")
	flag.Parse()
	if err := run(*sizes, *rounds, *out, *driver); err != nil {
		fmt.Fprintln(os.Stderr, "previewtime:", err)
		os.Exit(1)
	}
}

func run(sizeList string, rounds int, out, driver string) error {
	var sizes []int
	for _, f := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return fmt.Errorf("-sizes: %w", err)
		}
		sizes = append(sizes, n)
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
	rep, err := previewtime.Measure(context.Background(), previewtime.Setup{
		Env: env, Driver: driverPath, WorkDir: work, Log: os.Stderr,
		NodeModules: filepath.Join(env.Artifacts, "ts-basic", "node_modules"),
	}, sizes, rounds)
	if err != nil {
		return err
	}
	for _, p := range rep.Pairs {
		fmt.Printf("%2d groups: %s %.0f ms vs %s %.0f ms (medians): ratio %.3f\n",
			p.Groups, p.Subject, p.SubjectMs.Median, p.Reference, p.RefMs.Median, p.Ratio)
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
