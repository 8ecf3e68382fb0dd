package previewtime

import "sort"

func pair(samples []Sample, n int, subject, reference string) Pair {
	p := Pair{Groups: n, Subject: subject, Reference: reference,
		SubjectMs: stats(samples, n, subject), RefMs: stats(samples, n, reference)}
	if p.RefMs.Median > 0 {
		p.Ratio = p.SubjectMs.Median / p.RefMs.Median
	}
	return p
}

func stats(samples []Sample, n int, variant string) Stats {
	var ms []float64
	for _, s := range samples {
		if s.Groups == n && s.Variant == variant {
			ms = append(ms, s.Ms)
		}
	}
	if len(ms) == 0 {
		return Stats{}
	}
	sort.Float64s(ms)
	med := ms[len(ms)/2]
	if len(ms)%2 == 0 {
		med = (ms[len(ms)/2-1] + ms[len(ms)/2]) / 2
	}
	return Stats{Median: med, Min: ms[0], Max: ms[len(ms)-1], N: len(ms)}
}

// Stats returns the statistics of one variant's previews of n groups.
func (r Report) Stats(variant string, n int) Stats { return stats(r.Samples, n, variant) }

// Slope is how the median preview time of a variant grows between two sizes.
type Slope struct {
	From, To   int
	MsPerGroup float64 // (median at To − median at From) / (To − From)
}

// Slopes returns the growth of a variant's median preview time between consecutive measured
// sizes, smallest first. Equal slopes mean time grows linearly with the node groups.
func (r Report) Slopes(variant string) []Slope {
	var sizes []int
	for _, s := range r.Sizes {
		if r.Stats(variant, s.Groups).N > 0 {
			sizes = append(sizes, s.Groups)
		}
	}
	sort.Ints(sizes)
	var out []Slope
	for i := 1; i < len(sizes); i++ {
		a, b := sizes[i-1], sizes[i]
		out = append(out, Slope{From: a, To: b,
			MsPerGroup: (r.Stats(variant, b).Median - r.Stats(variant, a).Median) / float64(b-a)})
	}
	return out
}
