package main

import (
	"fmt"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/buildcost"
)

// writeBuildCost writes the section on what compiling a Go program with eksnodes costs, next to a
// program declaring the same AWS resources directly.
func writeBuildCost(b *strings.Builder, r buildcost.Report) {
	w := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	w("\n## Build cost for a Go user\n\n")
	w("What compiling a Go program that uses eksnodes costs its user: `examples/go-basic` against a baseline program that declares the same AWS resources directly with the pulumi-aws SDK (`tests/bench/buildcost/baseline`). ")
	w("Both are built as their user builds them, `go build -o <file> .` in the program's directory (go-basic in the root module, the baseline in the tests module), %d time%s each, alternating which goes first. ", r.Runs, plural(r.Runs))
	w("A cold build starts from an empty `GOCACHE` with the module cache already filled, so it times compiling and linking only, the standard library included; its CPU time adds up the go command, the compilers and the linker on %d cores. ", r.NumCPU)
	w("A warm rebuild follows with the same cache and the binary removed: every package comes from the cache and only the link runs again.\n\n")
	w("%s\n\n", engineFinding(r))
	w("| measure | %s | %s | difference (eksnodes − baseline) |\n|---|---|---|---|\n", buildcost.EksnodesHeading, buildcost.BaselineHeading)
	for _, row := range r.Rows() {
		w("| %s | %s | %s | %s |\n", row.Measure, row.Eksnodes, row.Baseline, row.Difference)
	}
	if r.Framework != nil {
		writeFrameworkCost(b, *r.Framework)
	}
}

// writeFrameworkCost writes what the library cost its Go users while it imported the provider
// framework, against what it costs now.
func writeFrameworkCost(b *strings.Builder, r buildcost.FrameworkReport) {
	w := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	w("\n### Before and after the provider framework left the library\n\n")
	w("The nodegroup package used to import pulumi-go-provider, and through its `infer` package `%s/codegen/schema`; now only the plugin does. ", buildcost.PulumiPkgModule)
	w("*Before* is go-basic's stack with a blank import of `github.com/pulumi/pulumi-go-provider/infer` (`tests/bench/buildcost/framework/before`), *after* the same stack alone (`framework/after`), both built in the tests module so that every other dependency is the same: ")
	w("%d cold build%s of each from an empty `GOCACHE`, and package initialisation from `GODEBUG=inittrace=1` over %d starts of each binary (the sum of every package's init clock; the program stops right after, with no engine).\n\n", r.Runs, plural(r.Runs), r.InitRuns)
	w("| measure | %s | %s | before − after |\n|---|---|---|---|\n", buildcost.BeforeHeading, buildcost.AfterHeading)
	for _, row := range r.Rows() {
		w("| %s | %s | %s | %s |\n", row.Measure, row.Eksnodes, row.Baseline, row.Difference)
	}
	for _, p := range []buildcost.FrameworkProgram{r.Before, r.After} {
		var top []string
		for _, in := range p.TopInits {
			top = append(top, fmt.Sprintf("`%s` %.2f ms", in.Package, in.Ms))
		}
		w("\nLongest package inits, %s: %s.\n", p.Name, strings.Join(top, ", "))
	}
}

// engineFinding says whether the eksnodes program compiles the Pulumi engine's pkg/v3 module or
// the provider framework, which a program of plain AWS resources does not need.
func engineFinding(r buildcost.Report) string {
	var found []string
	for _, m := range []struct {
		module string
		pkgs   []string
	}{{buildcost.PulumiPkgModule, r.Eksnodes.Deps.PulumiPkg}, {buildcost.GoProviderModule, r.Eksnodes.Deps.GoProvider}} {
		if len(m.pkgs) > 0 {
			found = append(found, fmt.Sprintf("%d package%s of `%s`", len(m.pkgs), plural(len(m.pkgs)), m.module))
		}
	}
	if len(found) == 0 {
		return fmt.Sprintf("The eksnodes program compiles no package of `%s` or `%s`.", buildcost.PulumiPkgModule, buildcost.GoProviderModule)
	}
	return fmt.Sprintf("The eksnodes program compiles %s, which the baseline does without.", strings.Join(found, " and "))
}
