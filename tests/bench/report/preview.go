package main

import (
	"fmt"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/previewtime"
)

// Limits of "about linear" for the ratio of the last slope to the first.
const linearLow, linearHigh = 0.8, 1.25

var variantNames = map[string]string{
	previewtime.Eksnodes:           "Go, eksnodes library in-process",
	previewtime.Baseline:           "Go, AWS resources directly (`tests/bench/awsdirect`)",
	previewtime.TypeScript:         "TypeScript, eksnodes through its plugin",
	previewtime.TypeScriptBaseline: "TypeScript, AWS resources directly with `@pulumi/aws`",
}

var roleNames = map[string]string{
	previewtime.RoleEngine:   "engine (`pulumi`)",
	previewtime.RoleEksnodes: "eksnodes plugin",
	previewtime.RoleAWS:      "stand-in AWS plugin",
	previewtime.RoleNode:     "Node.js (driver and program)",
}

// writePreview writes the offline preview section: the like-with-like comparisons, how time
// grows with the node groups, and the memory of the processes.
func writePreview(b *strings.Builder, prev previewtime.Report) {
	w := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	w("\n## Offline preview, end to end\n\n")
	w("The real Pulumi engine against the stand-in AWS plugin: wall time of `preview` as the Automation API caller sees it (CLI start, plugins, program, engine). Each language is compared with itself: ")
	w("a program of eksnodes node groups against a baseline program that declares the same AWS resources per node group directly with the AWS SDK of that language, so that neither Node.js nor Go start-up is counted as eksnodes' cost. ")
	w("The TypeScript baseline loads `@pulumi/aws` %s into its Node.js program, as a hand-written program does; a TypeScript program of eksnodes node groups does not, the AWS SDK is inside the eksnodes plugin.\n\n", previewtime.AWSVersion)
	w("| variant | program |\n|---|---|\n")
	for _, v := range previewtime.Variants {
		w("| %s | %s |\n", v, variantNames[v])
	}
	w("\n**Like with like.** Before measuring, a warm-up preview of every variant is compared with go-eksnodes: every AWS resource's type, name, inputs and which inputs are secret must be equal, or the run fails and lists the differences (`tests/bench/previewtime`, `CheckSame`; the Go programs are also compared through the mocks, with their dependencies and `ignoreChanges`, by `go test`). ")
	if len(prev.Sizes) > 0 {
		var checked []string
		for _, s := range prev.Sizes {
			checked = append(checked, fmt.Sprintf("%d AWS resources at %d node group%s", s.AWSResources, s.Groups, plural(s.Groups)))
		}
		w("This run checked %s: equal.", strings.Join(checked, ", "))
	}
	w("\n\nThe variants run in rotating order within one session, after the warm-up; %s. The last column is what eksnodes adds per node group: the difference of the medians divided by the node groups.\n\n", roundsText(prev))
	w("| node groups | language | eksnodes median (min–max) | baseline median (min–max) | ratio of medians | difference per node group |\n|---|---|---|---|---|---|\n")
	for _, p := range prev.Pairs {
		w("| %d | %s | %s | %s | %.3f | %+.1f ms |\n", p.Groups, language(p.Subject), msRange(p.SubjectMs), msRange(p.RefMs), p.Ratio,
			(p.SubjectMs.Median-p.RefMs.Median)/float64(p.Groups))
	}
	writeScale(b, prev)
	writeMemory(b, prev)
}

func roundsText(prev previewtime.Report) string {
	if len(prev.Sizes) == 0 {
		return fmt.Sprintf("%d measured previews per variant and size", prev.Rounds)
	}
	var parts []string
	for _, s := range prev.Sizes {
		parts = append(parts, fmt.Sprintf("%d at %d", s.Rounds, s.Groups))
	}
	return "measured previews per variant: " + strings.Join(parts, ", ") + " node groups"
}

func language(variant string) string {
	if strings.HasPrefix(variant, "ts-") {
		return "TypeScript"
	}
	return "Go"
}

func msRange(s previewtime.Stats) string {
	return fmt.Sprintf("%.0f ms (%.0f–%.0f)", s.Median, s.Min, s.Max)
}

// writeScale shows how each variant's median grows with the node groups: the time per added
// group between consecutive sizes, and whether the growth is linear.
func writeScale(b *strings.Builder, prev previewtime.Report) {
	if len(prev.Sizes) < 2 {
		return
	}
	w := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	w("\n### Scale\n\nMedian preview time by node groups, and the time each added node group costs between two sizes (the slope). The last column divides the last slope by the first: about 1 when time grows linearly, above 1 when each group costs more in a larger program.\n\n")
	w("| variant |")
	for _, s := range prev.Sizes {
		w(" %d |", s.Groups)
	}
	slopes := prev.Slopes(previewtime.Eksnodes)
	for _, s := range slopes {
		w(" ms per group %d→%d |", s.From, s.To)
	}
	w(" last slope / first |\n|---|%s%s---|\n", strings.Repeat("---|", len(prev.Sizes)), strings.Repeat("---|", len(slopes)))
	for _, v := range previewtime.Variants {
		w("| %s |", v)
		for _, s := range prev.Sizes {
			w(" %.0f ms |", prev.Stats(v, s.Groups).Median)
		}
		vs := prev.Slopes(v)
		for _, s := range vs {
			w(" %.1f |", s.MsPerGroup)
		}
		w(" %s |\n", linearity(vs))
	}
}

// linearity judges the ratio of the last slope to the first.
func linearity(slopes []previewtime.Slope) string {
	if len(slopes) < 2 || slopes[0].MsPerGroup <= 0 {
		return "—"
	}
	r := slopes[len(slopes)-1].MsPerGroup / slopes[0].MsPerGroup
	switch {
	case r > linearHigh:
		return fmt.Sprintf("%.2f (grows faster than linear)", r)
	case r < linearLow:
		return fmt.Sprintf("%.2f (grows slower than linear)", r)
	}
	return fmt.Sprintf("%.2f (about linear)", r)
}

// writeMemory shows the peak resident memory of each process of a preview.
func writeMemory(b *strings.Builder, prev previewtime.Report) {
	if len(prev.Memory) == 0 {
		return
	}
	w := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	w("\n### Memory\n\nPeak resident memory (VmHWM, MiB) of each process of one more preview per variant and size after the timed ones, sampled from `/proc` every 20 ms. A Go program runs inside the measuring process, so only the engine and plugins appear for the Go variants; a TypeScript program runs inside the Node.js driver.\n\n")
	w("| node groups | variant |")
	for _, r := range previewtime.Roles {
		w(" %s |", roleNames[r])
	}
	w("\n|---|---|%s\n", strings.Repeat("---|", len(previewtime.Roles)))
	for _, m := range prev.Memory {
		w("| %d | %s |", m.Groups, m.Variant)
		for _, r := range previewtime.Roles {
			if v, ok := m.PeakMiB[r]; ok {
				w(" %.0f |", v)
			} else {
				w(" — |")
			}
		}
		w("\n")
	}
}
