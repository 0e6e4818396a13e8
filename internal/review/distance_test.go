package review_test

import (
	"math/rand/v2"
	"testing"

	"copydesk/internal/review"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"both empty", "", "", 0},
		{"identical", "Hello, world.", "Hello, world.", 0},
		{"empty vs abc", "", "abc", 3},
		{"abc vs empty", "abc", "", 3},
		{"kitten/sitting", "kitten", "sitting", 3},
		{"sunday/saturday", "sunday", "saturday", 3},
		{"one substitution", "cat", "cut", 1},
		{"space before punctuation", "Hello .", "Hello.", 1},
		{"Korean counted in characters", "서울", "부산", 2},
		{"Korean one syllable", "안녕하세요", "안녕하셔요", 1},
		{"Korean vs empty", "한국어", "", 3},
		{"accent, precomposed", "café", "cafe", 1},
		{"accent, decomposed vs precomposed is two code points", "cafe\u0301", "café", 2},
		{"emoji is one character", "ok 👍", "ok 👎", 1},
		{"swap of two letters", "form", "from", 2},
		{"swap ab/ba", "ab", "ba", 2},
		{"common prefix and suffix", "The cat sat on the mat.", "The cat sat on a mat.", 3},
		{"common suffix only", "xyz tail", "tail", 4},
		{"prefix and suffix overlap", "aaa", "aa", 1},
		{"repeated block", "abcabc", "abc", 3},
		{"overlap inside", "aba", "ababa", 2},
		{"insertion in the middle", "abcd", "abXcd", 1},
		{"quotes changed", "« oui »", "“yes”", 7},
		{"completely different", "abc", "xyz", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := review.Distance(tc.a, tc.b); got != tc.want {
				t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
			if got := review.Distance(tc.b, tc.a); got != tc.want {
				t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

// levenshtein is the textbook full-table edit distance over code points, with no
// shortcut, to check Distance's prefix/suffix trimming against.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
		}
	}
	return d[len(ra)][len(rb)]
}

func TestDistanceMatchesFullTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab é한😀")
	word := func() string {
		n := r.IntN(9)
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(out)
	}
	for range 3000 {
		a, b := word(), word()
		if got, want := review.Distance(a, b), levenshtein(a, b); got != want {
			t.Fatalf("Distance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}
