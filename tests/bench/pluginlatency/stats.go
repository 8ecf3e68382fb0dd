package pluginlatency

import (
	"math"
	"sort"
)

// Stats summarises one metric over the measured runs.
type Stats struct {
	Unit   string
	N      int
	Median float64
	Min    float64
	Max    float64
	// P90 is the nearest-rank 90th percentile: the ceil(0.9*N)-th smallest sample (the 14th of
	// 15), so always a value that was observed.
	P90  float64
	Mean float64
}

// summarize computes Stats of xs; xs is not modified.
func summarize(unit string, xs []float64) Stats {
	s := Stats{Unit: unit, N: len(xs)}
	if len(xs) == 0 {
		return s
	}
	v := append([]float64(nil), xs...)
	sort.Float64s(v)
	n := len(v)
	s.Min, s.Max = v[0], v[n-1]
	if n%2 == 1 {
		s.Median = v[n/2]
	} else {
		s.Median = (v[n/2-1] + v[n/2]) / 2
	}
	s.P90 = v[int(math.Ceil(0.9*float64(n)))-1]
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	s.Mean = sum / float64(n)
	return s
}

// ms converts a duration in nanoseconds to milliseconds, rounded to microseconds.
func ms(ns int64) float64 { return math.Round(float64(ns)/1e3) / 1e3 }

// mib converts KiB to MiB, rounded to 0.01.
func mib(kib int64) float64 { return math.Round(float64(kib)/1024*100) / 100 }
