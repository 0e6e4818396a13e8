package effort

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// naiveDistance is the textbook dynamic programme over code points.
func naiveDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range a {
		cur[0] = i + 1
		for j := range b {
			c := prev[j]
			if a[i] != b[j] {
				c++
			}
			cur[j+1] = min(c, prev[j+1]+1, cur[j]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// randomRunes returns up to max runes from a small alphabet, so that texts
// share characters, with multi-byte ones among them.
func randomRunes(r *rand.Rand, max int) []rune {
	alphabet := []rune("ab cdé東京")
	out := make([]rune, r.IntN(max+1))
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
	return out
}

func TestCharDistanceRandom(t *testing.T) {
	fixed := [][2]string{
		{"The president said on Monday that the talks would resume.", "On Monday the president said that the talks would resume."},
		{"Hello world", "world Hello"},
		{"東京は晴れ", "東京は雨"},
		{"", "abc"},
		{strings.Repeat("ab", 100), strings.Repeat("ba", 90)},
	}
	mt, final := longPair(300, 100, 130) // some 1,700 characters, 27 blocks
	fixed = append(fixed, [2]string{mt, final})
	for _, p := range fixed {
		a, b := []rune(p[0]), []rune(p[1])
		if got, want := charDistance(a, b), naiveDistance(a, b); got != want {
			t.Errorf("charDistance(%.40q…, %.40q…) = %d, want %d", p[0], p[1], got, want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		// Lengths around the 64-row block boundaries matter most.
		a, b := randomRunes(r, 200), randomRunes(r, 200)
		if got, want := charDistance(a, b), naiveDistance(a, b); got != want {
			t.Fatalf("charDistance(%q, %q) = %d, want %d", string(a), string(b), got, want)
		}
	}
}

// naiveWordDistance is the textbook word Levenshtein distance.
func naiveWordDistance(a, b []int32) int {
	ra, rb := make([]rune, len(a)), make([]rune, len(b))
	for i, w := range a {
		ra[i] = rune(w)
	}
	for i, w := range b {
		rb[i] = rune(w)
	}
	return naiveDistance(ra, rb)
}

func randomWords(r *rand.Rand, max, vocabulary int) []int32 {
	out := make([]int32, r.IntN(max+1))
	for i := range out {
		out[i] = int32(r.IntN(vocabulary))
	}
	return out
}

func TestWordEditsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		hyp, ref := randomWords(r, 30, 8), randomWords(r, 30, 8)
		e := wordEdits(hyp, ref)
		if want := naiveWordDistance(hyp, ref); int(e.total()) != want {
			t.Fatalf("wordEdits(%v, %v) total %d, want %d", hyp, ref, e.total(), want)
		}
		if int(e.ins-e.del) != len(ref)-len(hyp) {
			t.Fatalf("wordEdits(%v, %v) = %+v: ins−del ≠ len(ref)−len(hyp)", hyp, ref, e)
		}
	}
}

// TestTERRandom checks that each shift lowers the word distance by at least
// one, so that shifts plus the remaining edits never exceed the plain
// distance.
func TestTERRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 1000 {
		hyp, ref := randomWords(r, 25, 6), randomWords(r, 25, 6)
		e, shifts := ter(hyp, ref)
		plain := naiveWordDistance(hyp, ref)
		if int(e.total())+shifts > plain {
			t.Fatalf("ter(%v, %v) = %+v + %d shifts, more than the plain %d", hyp, ref, e, shifts, plain)
		}
		if int(e.ins-e.del) != len(ref)-len(hyp) {
			t.Fatalf("ter(%v, %v) = %+v: ins−del ≠ len(ref)−len(hyp)", hyp, ref, e)
		}
	}
}

func TestShift(t *testing.T) {
	w := []int32{0, 1, 2, 3, 4, 5}
	tests := []struct {
		start, l, idx int
		want          []int32
	}{
		{3, 2, 0, []int32{3, 4, 0, 1, 2, 5}},
		{3, 2, 1, []int32{0, 3, 4, 1, 2, 5}},
		{0, 2, 4, []int32{2, 3, 0, 1, 4, 5}},
		{0, 2, 6, []int32{2, 3, 4, 5, 0, 1}},
		{5, 1, 0, []int32{5, 0, 1, 2, 3, 4}},
	}
	for _, tt := range tests {
		got := shift(nil, w, tt.start, tt.l, tt.idx)
		if !slices.Equal(got, tt.want) {
			t.Errorf("shift(%d, %d, %d) = %v, want %v", tt.start, tt.l, tt.idx, got, tt.want)
		}
	}
}
