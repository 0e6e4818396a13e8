package effort

import (
	"math"
	"slices"
	"strconv"
)

// Stats summarises a set of figures, such as the word rates of an article's
// segments.
type Stats struct {
	N      int     `json:"n"`
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	P90    float64 `json:"p90"`
}

// Summarise returns the count, mean, median and 90th percentile of values,
// skipping NaNs; all are 0 when no value is left. Percentiles interpolate
// linearly between the closest ranks (as numpy's default and spreadsheets'
// PERCENTILE.INC do): the p-th percentile of n sorted values x₀…xₙ₋₁ lies at
// rank h = p·(n−1), between x⌊h⌋ and x⌈h⌉, so the median of an even count is
// the mean of the middle two. values is not modified.
func Summarise(values []float64) Stats {
	xs := make([]float64, 0, len(values))
	sum := 0.0
	for _, v := range values {
		if !math.IsNaN(v) {
			xs = append(xs, v)
			sum += v
		}
	}
	if len(xs) == 0 {
		return Stats{}
	}
	slices.Sort(xs)
	return Stats{
		N:      len(xs),
		Mean:   sum / float64(len(xs)),
		Median: percentile(xs, 0.5),
		P90:    percentile(xs, 0.9),
	}
}

// percentile returns the p-th quantile (0 ≤ p ≤ 1) of sorted, non-empty xs.
func percentile(xs []float64, p float64) float64 {
	h := p * float64(len(xs)-1)
	lo := int(math.Floor(h))
	hi := min(lo+1, len(xs)-1)
	return xs[lo] + (h-float64(lo))*(xs[hi]-xs[lo])
}

// RateBins are the bin edges for a histogram of rates in percent (CharRate,
// WordRate). With Histogram they make six bins: 0 (unchanged), (0, 10],
// (10, 25], (25, 50], (50, 100] and above 100 (word rates only).
var RateBins = []float64{0, 10, 25, 50, 100}

// Histogram counts values into len(edges)+1 bins. edges must be ascending.
// Bin 0 holds the values at or below edges[0]; bin i, for 1 ≤ i < len(edges),
// holds those above edges[i-1] and at or below edges[i]; the last bin holds
// those above the last edge. Each bin includes its upper edge and excludes
// its lower one, so with a first edge of 0 the first bin is exactly the
// unchanged segments. NaNs are not counted.
func Histogram(values []float64, edges []float64) []int {
	counts := make([]int, len(edges)+1)
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		// The first edge at or above v is v's bin.
		i, _ := slices.BinarySearch(edges, v)
		counts[i]++
	}
	return counts
}

// BinLabels returns a short, language-neutral label for each bin that
// Histogram makes with edges: the first edge alone for the first bin (meant
// to be the least possible value, as 0 is for rates), "a–b" (en dash) for
// the bin above a and up to b, and "> z" for the bin above the last edge z.
// For RateBins: "0", "0–10", "10–25", "25–50", "50–100", "> 100". With no
// edges the single bin is "all".
func BinLabels(edges []float64) []string {
	if len(edges) == 0 {
		return []string{"all"}
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	out := make([]string, 0, len(edges)+1)
	out = append(out, num(edges[0]))
	for i := 1; i < len(edges); i++ {
		out = append(out, num(edges[i-1])+"–"+num(edges[i]))
	}
	return append(out, "> "+num(edges[len(edges)-1]))
}
