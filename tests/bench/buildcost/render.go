package buildcost

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Column headings of the side-by-side table.
const (
	EksnodesHeading = "eksnodes (examples/go-basic)"
	BaselineHeading = "baseline (pulumi-aws directly)"
)

// Row is one measure of both programs, and eksnodes' difference from the baseline.
type Row struct {
	Measure, Eksnodes, Baseline, Difference string
}

// Rows is the side-by-side table, the same on the terminal and in docs/PERFORMANCE.md.
func (r Report) Rows() []Row {
	e, b := r.Eksnodes, r.Baseline
	count := func(measure string, ev, bv int) Row {
		return Row{measure, fmt.Sprint(ev), fmt.Sprint(bv), difference(float64(ev), float64(bv), "%+.0f")}
	}
	module := func(name string, ev, bv []string) Row {
		return Row{name + " packages compiled", presence(ev), presence(bv), fmt.Sprintf("%+d", len(ev)-len(bv))}
	}
	seconds := func(measure string, ev, bv Stats, decimals int) Row {
		f := fmt.Sprintf("%%.%df", decimals)
		return Row{measure, fmt.Sprintf(f+" / "+f+" s", ev.Min, ev.Median), fmt.Sprintf(f+" / "+f+" s", bv.Min, bv.Median),
			difference(ev.Median, bv.Median, fmt.Sprintf("%%+.%df s", decimals))}
	}
	mib := func(n int64) float64 { return float64(n) / (1 << 20) }
	return []Row{
		count("packages compiled (go list -deps)", e.Deps.Packages, b.Deps.Packages),
		count("of them outside the standard library", e.Deps.NonStandard, b.Deps.NonStandard),
		count("modules they come from", e.Deps.Modules, b.Deps.Modules),
		module(PulumiPkgModule, e.Deps.PulumiPkg, b.Deps.PulumiPkg),
		module(GoProviderModule, e.Deps.GoProvider, b.Deps.GoProvider),
		seconds("cold go build, empty GOCACHE (min / median)", e.ColdSeconds, b.ColdSeconds, 1),
		seconds("cold go build, CPU time (min / median)", e.ColdCPUSeconds, b.ColdCPUSeconds, 1),
		seconds("warm rebuild, link only (min / median)", e.WarmSeconds, b.WarmSeconds, 2),
		{"binary size", fmt.Sprintf("%.1f MiB", mib(e.BinaryBytes)), fmt.Sprintf("%.1f MiB", mib(b.BinaryBytes)),
			difference(mib(e.BinaryBytes), mib(b.BinaryBytes), "%+.1f MiB")},
	}
}

// presence says whether a module's packages are compiled, and how many.
func presence(pkgs []string) string {
	if len(pkgs) == 0 {
		return "no"
	}
	return fmt.Sprintf("yes: %d", len(pkgs))
}

// difference is e - b in the given signed format, with the ratio e/b when b is not zero.
func difference(e, b float64, format string) string {
	d := fmt.Sprintf(format, e-b)
	if b == 0 {
		return d
	}
	return fmt.Sprintf("%s (%.2f×)", d, e/b)
}

// WriteTable prints the table for a terminal.
func WriteTable(w io.Writer, r Report) error {
	fmt.Fprintf(w, "%s, %s/%s, %d CPUs; %d cold build(s) of each program, each from an empty GOCACHE\n\n",
		r.GoVersion, r.GOOS, r.GOARCH, r.NumCPU, r.Runs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "measure\t%s\t%s\tdifference\n", EksnodesHeading, BaselineHeading)
	for _, row := range r.Rows() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.Measure, row.Eksnodes, row.Baseline, row.Difference)
	}
	return tw.Flush()
}
