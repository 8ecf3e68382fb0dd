package buildcost

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Column headings of the framework table.
const (
	BeforeHeading = "before (nodegroup + pulumi-go-provider/infer)"
	AfterHeading  = "after (nodegroup alone)"
)

// Rows is the before/after table of the framework measurement, the same on the terminal and in
// docs/PERFORMANCE.md; the difference is what leaving the framework saved (before − after).
func (r FrameworkReport) Rows() []Row {
	b, a := r.Before, r.After
	mib := func(n int64) float64 { return float64(n) / (1 << 20) }
	return []Row{
		{"packages compiled (go list -deps)", fmt.Sprint(b.Deps.Packages), fmt.Sprint(a.Deps.Packages), fmt.Sprintf("%+d", b.Deps.Packages-a.Deps.Packages)},
		{PulumiPkgModule + " packages", fmt.Sprint(len(b.Deps.PulumiPkg)), fmt.Sprint(len(a.Deps.PulumiPkg)), fmt.Sprintf("%+d", len(b.Deps.PulumiPkg)-len(a.Deps.PulumiPkg))},
		{GoProviderModule + " packages", fmt.Sprint(len(b.Deps.GoProvider)), fmt.Sprint(len(a.Deps.GoProvider)), fmt.Sprintf("%+d", len(b.Deps.GoProvider)-len(a.Deps.GoProvider))},
		{"binary size", fmt.Sprintf("%.1f MiB", mib(b.BinaryBytes)), fmt.Sprintf("%.1f MiB", mib(a.BinaryBytes)), fmt.Sprintf("%+.1f MiB", mib(b.BinaryBytes)-mib(a.BinaryBytes))},
		{"cold go build, empty GOCACHE (median)", fmt.Sprintf("%.1f s", b.ColdSeconds.Median), fmt.Sprintf("%.1f s", a.ColdSeconds.Median), fmt.Sprintf("%+.1f s", b.ColdSeconds.Median-a.ColdSeconds.Median)},
		{"cold go build, CPU time (median)", fmt.Sprintf("%.1f s", b.ColdCPUSeconds.Median), fmt.Sprintf("%.1f s", a.ColdCPUSeconds.Median), fmt.Sprintf("%+.1f s", b.ColdCPUSeconds.Median-a.ColdCPUSeconds.Median)},
		{"package init, sum of clocks (median of starts)", fmt.Sprintf("%.1f ms", b.InitMs.Median), fmt.Sprintf("%.1f ms", a.InitMs.Median), fmt.Sprintf("%+.1f ms", b.InitMs.Median-a.InitMs.Median)},
		{"package init, allocated", fmt.Sprintf("%.1f MB", float64(b.InitBytes)/1e6), fmt.Sprintf("%.1f MB", float64(a.InitBytes)/1e6), fmt.Sprintf("%+.1f MB", float64(b.InitBytes-a.InitBytes)/1e6)},
	}
}

// WriteFrameworkTable prints the before/after table and the longest package inits of each
// program for a terminal.
func WriteFrameworkTable(w io.Writer, r FrameworkReport) error {
	fmt.Fprintf(w, "\nthe library before and after the provider framework left it; %d cold build(s) each, %d start(s) of each binary under GODEBUG=inittrace=1\n\n", r.Runs, r.InitRuns)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "measure\t%s\t%s\tbefore − after\n", BeforeHeading, AfterHeading)
	for _, row := range r.Rows() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.Measure, row.Eksnodes, row.Baseline, row.Difference)
	}
	for _, p := range []FrameworkProgram{r.Before, r.After} {
		fmt.Fprintf(tw, "\nlongest package inits, %s\tms\tbytes\t\n", p.Name)
		for _, in := range p.TopInits {
			fmt.Fprintf(tw, "  %s\t%.2f\t%d\t\n", in.Package, in.Ms, in.Bytes)
		}
	}
	return tw.Flush()
}
