package effort

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// longPair returns a machine text of n words and a final text in which
// about one word in twenty is replaced and the four words at from are moved
// to stand before the word at to.
func longPair(n, from, to int) (mt, final string) {
	vocabulary := strings.Fields("the minister said that talks on a new budget would resume next week after long " +
		"debate in parliament about costs , taxes and pensions . officials expect agreement before summer " +
		"while unions warned of strikes if wages fall behind prices again this year")
	r := rand.New(rand.NewPCG(7, 8))
	words := make([]string, n)
	for i := range words {
		words[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	edited := make([]string, 0, n)
	for i, w := range words {
		if i >= from && i < from+4 {
			continue
		}
		if i == to {
			edited = append(edited, words[from:from+4]...)
		}
		if r.IntN(20) == 0 {
			w = "changed"
		}
		edited = append(edited, w)
	}
	if to == n {
		edited = append(edited, words[from:from+4]...)
	}
	return strings.Join(words, " "), strings.Join(edited, " ")
}

// TestLongTextSkipsShifts checks the safeguard: above maxShiftWords words no
// shift is tried, the figure is the plain word distance, and it is fast.
func TestLongTextSkipsShifts(t *testing.T) {
	mt, final := longPair(2000, 0, 2000)
	start := time.Now()
	e := Measure("en", mt, final)
	elapsed := time.Since(start)
	if e.RefWords != 2000 || e.Shifts != 0 {
		t.Errorf("RefWords %d, Shifts %d; want 2000, 0", e.RefWords, e.Shifts)
	}
	hyp, ref := intern(Words("en", mt), Words("en", final))
	if got, want := e.Ins+e.Del+e.Sub, naiveWordDistance(hyp, ref); got != want {
		t.Errorf("edits %d, want the plain distance %d", got, want)
	}
	// Generous, for slow machines and -race; it takes a few milliseconds.
	if elapsed > 2*time.Second {
		t.Errorf("Measure of 2,000 words took %v", elapsed)
	}
	t.Logf("2,000 words: %v, %+v", elapsed, e)
}

// TestShiftsBelowTheLimit checks that a text just under the limit still
// gets its shift, within the search budget.
func TestShiftsBelowTheLimit(t *testing.T) {
	mt, final := longPair(maxShiftWords-10, 200, 230)
	start := time.Now()
	e := Measure("en", mt, final)
	elapsed := time.Since(start)
	if e.Shifts == 0 {
		t.Errorf("no shift found: %+v", e)
	}
	if elapsed > 5*time.Second {
		t.Errorf("Measure of %d words took %v", maxShiftWords-10, elapsed)
	}
	t.Logf("%d words: %v, %+v", maxShiftWords-10, elapsed, e)
}

// A typical sentence pair: 23 words, one block shifted ("on Friday") and two
// words substituted (minister→premier, come→enter).
const (
	benchMT    = "The minister told reporters that the new rules would come into force in March on Friday after a long debate in parliament."
	benchFinal = "The premier told reporters on Friday that the new rules would enter into force in March after a long debate in parliament."
)

func TestBenchPair(t *testing.T) {
	e := Measure("en", benchMT, benchFinal)
	if e.Shifts != 1 || e.Sub != 2 || e.Ins != 0 || e.Del != 0 || e.RefWords != 23 {
		t.Errorf("Measure = %+v, want 1 shift, 2 substitutions, 23 words", e)
	}
}

func BenchmarkMeasure(b *testing.B) {
	for b.Loop() {
		Measure("en", benchMT, benchFinal)
	}
}

func BenchmarkMeasureLong(b *testing.B) {
	mt, final := longPair(2000, 0, 2000)
	for b.Loop() {
		Measure("en", mt, final)
	}
}

func BenchmarkMeasureNearLimit(b *testing.B) {
	mt, final := longPair(maxShiftWords-10, 200, 230)
	for b.Loop() {
		Measure("en", mt, final)
	}
}
