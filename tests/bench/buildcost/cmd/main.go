// Command buildcost measures what compiling examples/go-basic costs a Go user against a baseline
// program declaring the same AWS resources directly (see package buildcost), prints the table
// and writes the report as JSON. Unless -framework=false it also measures the library before and
// after the provider framework left it (buildcost.MeasureFramework). Run it from the tests module:
//
//	cd tests && go run ./bench/buildcost/cmd -runs 3 -json out.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/buildcost"
)

func main() {
	eksnodes := flag.String("eksnodes", "../examples/go-basic", "the program using eksnodes (built inside its module)")
	baseline := flag.String("baseline", "bench/buildcost/baseline", "the baseline program (built inside the tests module)")
	runs := flag.Int("runs", 3, "cold builds of each program, each from an empty GOCACHE")
	tmp := flag.String("tmp", "", "where the fresh build caches and binaries go (default: the system's temporary directory)")
	goBin := flag.String("go", "go", "the go command")
	out := flag.String("json", "", "write the report here")
	framework := flag.Bool("framework", true, "also measure nodegroup before and after the provider framework left it")
	initRuns := flag.Int("init-runs", 5, "starts of each framework binary under GODEBUG=inittrace=1")
	onlyFramework := flag.Bool("only-framework", false, "measure only the library before and after the provider framework left it")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var rep buildcost.Report
	var err error
	if !*onlyFramework {
		rep, err = buildcost.Measure(ctx, buildcost.Options{
			Go: *goBin, EksnodesDir: *eksnodes, BaselineDir: *baseline, Runs: *runs, TempDir: *tmp, Log: os.Stderr,
		})
		if err == nil {
			err = buildcost.WriteTable(os.Stdout, rep)
		}
	}
	if err == nil && (*framework || *onlyFramework) {
		var fw buildcost.FrameworkReport
		fw, err = buildcost.MeasureFramework(ctx, buildcost.FrameworkOptions{
			Go: *goBin, BeforeDir: "bench/buildcost/framework/before", AfterDir: "bench/buildcost/framework/after",
			Runs: *runs, InitRuns: *initRuns, TempDir: *tmp, Log: os.Stderr,
		})
		if err == nil {
			rep.Framework = &fw
			err = buildcost.WriteFrameworkTable(os.Stdout, fw)
		}
	}
	if err == nil && *out != "" {
		var data []byte
		if data, err = json.MarshalIndent(rep, "", "  "); err == nil {
			err = os.WriteFile(*out, append(data, '\n'), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "buildcost:", err)
		os.Exit(1)
	}
}
