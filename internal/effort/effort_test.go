package effort

import (
	"math"
	"testing"
)

// near reports whether two percentages agree to 1e-9.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMeasure(t *testing.T) {
	tests := []struct {
		name, lang, mt, final string
		want                  Effort
	}{
		{
			name: "identical",
			mt:   "The talks resume today.", final: "The talks resume today.",
			want: Effort{RefWords: 5, Kind: "unchanged"},
		},
		{
			name: "both empty",
			want: Effort{Kind: "unchanged"},
		},
		{
			// 13 characters inserted; words Hello , world . all inserted.
			name: "empty machine text",
			mt:   "", final: "Hello, world.",
			want: Effort{CharDistance: 13, CharRate: 100, Ins: 4, RefWords: 4, WordRate: 100, Kind: "wording"},
		},
		{
			// No reference words but four machine words: the rate is 100.
			name: "final emptied",
			mt:   "Hello, world.", final: "",
			want: Effort{CharDistance: 13, CharRate: 100, Del: 4, WordRate: 100, Kind: "wording"},
		},
		{
			name: "only tags, emptied",
			mt:   "{1/}", final: "",
			want: Effort{Kind: "unchanged"},
		},
		{
			// c→d, a→o, t→g: 3 of 23 characters; cat→dog: 1 of 7 words
			// (The cat sat on the mat .).
			name: "one substitution",
			mt:   "The cat sat on the mat.", final: "The dog sat on the mat.",
			want: Effort{CharDistance: 3, CharRate: 100 * 3.0 / 23, Sub: 1, RefWords: 7, WordRate: 100 * 1.0 / 7, Kind: "wording"},
		},
		{
			// "peace " is 6 of 29 characters; 1 of 6 words (… today .).
			name: "one insertion",
			mt:   "The talks resume today.", final: "The peace talks resume today.",
			want: Effort{CharDistance: 6, CharRate: 100 * 6.0 / 29, Ins: 1, RefWords: 6, WordRate: 100 * 1.0 / 6, Kind: "wording"},
		},
		{
			// Words, 11 on each side:
			//   mt:    The president said on Monday that the talks would resume .
			//   final: On Monday the president said that the talks would resume .
			// Without shifts the first five words are 5 substitutions.
			// Round 1: "president said" (block of 2, equal to final[3:5])
			// moves after "Monday": The on Monday president said … is 3
			// substitutions from final (The→On, on→Monday, Monday→the), so the
			// distance falls by 2; "Monday" alone gains as much but a longer
			// block wins the tie. Round 2: "Monday" moves before "on": The
			// Monday on president said … is 2 substitutions (The→On, on→the),
			// a gain of 1, which TER takes. No further shift helps: "the"
			// (lower case) in final is matched in "the talks" already.
			// So 2 shifts + 2 substitutions = 4 edits over 11 words. A person
			// would count 3 (move "on Monday", then recase On and the), but
			// TER moves only blocks that match the final text exactly, and
			// "on Monday" ≠ "On Monday". The character distance (21 of 57)
			// is checked against the textbook DP in TestCharDistanceRandom.
			name:  "shift",
			mt:    "The president said on Monday that the talks would resume.",
			final: "On Monday the president said that the talks would resume.",
			want:  Effort{CharDistance: 21, CharRate: 100 * 21.0 / 57, Sub: 2, Shifts: 2, RefWords: 11, WordRate: 100 * 4.0 / 11, Kind: "wording"},
		},
		{
			// ", " and "." are inserted: 2 of 13 characters; 2 of the 4
			// words Hello , world .
			name: "punctuation only",
			mt:   "Hello world", final: "Hello, world.",
			want: Effort{CharDistance: 2, CharRate: 100 * 2.0 / 13, Ins: 2, RefWords: 4, WordRate: 50, Kind: "punctuation"},
		},
		{
			// A doubled and a trailing space go: 2 of 13 characters; the
			// words are the same.
			name: "whitespace only",
			mt:   "Hello  world ", final: "Hello world",
			want: Effort{CharDistance: 2, CharRate: 100 * 2.0 / 13, RefWords: 2, Kind: "whitespace"},
		},
		{
			// A no-break space for a space: 1 of 5 characters.
			name: "no-break space",
			mt:   "10 km", final: "10\u00a0km",
			want: Effort{CharDistance: 1, CharRate: 20, RefWords: 2, Kind: "whitespace"},
		},
		{
			// t→T: 1 of 20 characters; words are case-sensitive, so
			// the→The is 1 substitution of 4 words.
			name: "casing only",
			mt:   "the White House said", final: "The White House said",
			want: Effort{CharDistance: 1, CharRate: 5, Sub: 1, RefWords: 4, WordRate: 25, Kind: "casing"},
		},
		{
			// 5 and 4 characters (15 and 12 bytes): 晴→雨 and れ dropped is 2,
			// over 5. Each character is a word: 1 substitution and 1
			// deletion over 4 words.
			name: "Japanese in characters",
			lang: "ja",
			mt:   "東京は晴れ", final: "東京は雨",
			want: Effort{CharDistance: 2, CharRate: 40, Sub: 1, Del: 1, RefWords: 4, WordRate: 50, Kind: "wording"},
		},
		{
			// The script decides even without a language.
			name: "Chinese without a language",
			mt:   "今天下雨", final: "今天下雪",
			want: Effort{CharDistance: 1, CharRate: 25, Sub: 1, RefWords: 4, WordRate: 25, Kind: "wording"},
		},
		{
			// 다→어 and 요 added: 2 of 10 characters; Korean words are
			// spaced: 갔다→갔어요 is 1 substitution of 3 words.
			name: "Korean by words",
			lang: "ko",
			mt:   "나는 학교에 갔다", final: "나는 학교에 갔어요",
			want: Effort{CharDistance: 2, CharRate: 20, Sub: 1, RefWords: 3, WordRate: 100 * 1.0 / 3, Kind: "wording"},
		},
		{
			name: "tags moved only",
			mt:   "{1}Hello{/1} world{2/}", final: "Hello {1}world{/1}{2/}",
			want: Effort{RefWords: 2, Kind: "unchanged"},
		},
		{
			// A tag moved and a word changed: only the word counts.
			name: "tags moved and a word changed",
			mt:   "{1}Hello{/1} world", final: "Hello {1}there{/1}",
			want: Effort{CharDistance: 5, CharRate: 100 * 5.0 / 11, Sub: 1, RefWords: 2, WordRate: 50, Kind: "wording"},
		},
		{
			// Both words swap: one shift of "world" (or "Hello") and no
			// other edit, 1 of 2 words. Characters: written one above the
			// other the texts agree in 3 places (l, space, l), so 8
			// substitutions of 11.
			name: "swap",
			mt:   "Hello world", final: "world Hello",
			want: Effort{CharDistance: 8, CharRate: 100 * 8.0 / 11, Shifts: 1, RefWords: 2, WordRate: 50, Kind: "wording"},
		},
		{
			// More edits than reference words: 1 substitution and 3
			// deletions over 1 word.
			name: "rate above 100",
			mt:   "a b c d", final: "e",
			want: Effort{CharDistance: 7, CharRate: 100, Sub: 1, Del: 3, RefWords: 1, WordRate: 400, Kind: "wording"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Measure(tt.lang, tt.mt, tt.final)
			w := tt.want
			if got.CharDistance != w.CharDistance || !near(got.CharRate, w.CharRate) ||
				got.Ins != w.Ins || got.Del != w.Del || got.Sub != w.Sub || got.Shifts != w.Shifts ||
				got.RefWords != w.RefWords || !near(got.WordRate, w.WordRate) || got.Kind != w.Kind {
				t.Errorf("Measure(%q, %q)\n got %+v\nwant %+v", tt.mt, tt.final, got, w)
			}
		})
	}
}

func TestEdits(t *testing.T) {
	e := Effort{Ins: 1, Del: 2, Sub: 3, Shifts: 4}
	if e.Edits() != 10 {
		t.Errorf("Edits() = %d, want 10", e.Edits())
	}
}

// TestMeasureStripsOnce checks that text that reads like a tag only once the
// real tags are gone stays text: "a {{1/}2} b" is "a {2} b", 3 characters
// more than "a  b", and its kind agrees.
func TestMeasureStripsOnce(t *testing.T) {
	e := Measure("en", "a {{1/}2} b", "a  b")
	if e.Kind != "wording" || e.CharDistance != 3 {
		t.Errorf("Measure = %+v, want 3 characters of wording", e)
	}
}
