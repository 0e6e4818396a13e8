package effort

import (
	"math"
	"slices"
	"testing"
)

func TestSummarise(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		want   Stats
	}{
		{"empty", nil, Stats{}},
		{"only NaN", []float64{math.NaN()}, Stats{}},
		{"one", []float64{7}, Stats{N: 1, Mean: 7, Median: 7, P90: 7}},
		// Sorted 0 0 10 20 30 40 50 60 80 100: mean 390/10; median halfway
		// between ranks 4 and 5 (30, 40); P90 at rank 0.9·9 = 8.1, a tenth
		// of the way from 80 to 100.
		{"ten", []float64{100, 0, 50, 10, 80, 0, 30, 20, 60, 40}, Stats{N: 10, Mean: 39, Median: 35, P90: 82}},
		// Sorted 1 2 4 8 16: median rank 2; P90 at rank 3.6, 60% from 8 to 16.
		{"odd", []float64{16, 1, 8, 2, 4, math.NaN()}, Stats{N: 5, Mean: 6.2, Median: 4, P90: 12.8}},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.values)
		got := Summarise(tt.values)
		if got.N != tt.want.N || !near(got.Mean, tt.want.Mean) || !near(got.Median, tt.want.Median) || !near(got.P90, tt.want.P90) {
			t.Errorf("%s: Summarise(%v) = %+v, want %+v", tt.name, tt.values, got, tt.want)
		}
		if !slices.EqualFunc(in, tt.values, func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }) {
			t.Errorf("%s: Summarise changed its input", tt.name)
		}
	}
}

func TestHistogram(t *testing.T) {
	tests := []struct {
		name          string
		values, edges []float64
		want          []int
	}{
		{"no values", nil, RateBins, []int{0, 0, 0, 0, 0, 0}},
		// Each edge falls in the bin it closes; just above it, the next.
		{"rate edges", []float64{0, 0, 0.001, 10, 10.5, 25, 25.1, 50, 99, 100, 100.1, 250}, RateBins, []int{2, 2, 2, 2, 2, 2}},
		{"below the first edge", []float64{-1}, RateBins, []int{1, 0, 0, 0, 0, 0}},
		{"NaN not counted", []float64{math.NaN(), 5}, RateBins, []int{0, 1, 0, 0, 0, 0}},
		{"no edges", []float64{1, 2}, nil, []int{2}},
		{"one edge", []float64{1, 2, 3}, []float64{2}, []int{2, 1}},
	}
	for _, tt := range tests {
		if got := Histogram(tt.values, tt.edges); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Histogram(%v, %v) = %v, want %v", tt.name, tt.values, tt.edges, got, tt.want)
		}
	}
}

func TestBinLabels(t *testing.T) {
	tests := []struct {
		edges []float64
		want  []string
	}{
		{RateBins, []string{"0", "0–10", "10–25", "25–50", "50–100", "> 100"}},
		{[]float64{0.5, 2.25}, []string{"0.5", "0.5–2.25", "> 2.25"}},
		{nil, []string{"all"}},
	}
	for _, tt := range tests {
		got := BinLabels(tt.edges)
		if !slices.Equal(got, tt.want) {
			t.Errorf("BinLabels(%v) = %q, want %q", tt.edges, got, tt.want)
		}
		if len(got) != len(Histogram(nil, tt.edges)) {
			t.Errorf("BinLabels(%v): %d labels for %d bins", tt.edges, len(got), len(Histogram(nil, tt.edges)))
		}
	}
}
