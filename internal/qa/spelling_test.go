package qa

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// spellFake is a Speller that calls unknown the words listed in it. It tests
// only how the check uses a speller: the real one is tested in qa/hunspell.
type spellFake struct {
	words []string
	spans []Word // returned as they are when not nil
}

func (f spellFake) Unknown(text string) []Word {
	if f.spans != nil {
		return f.spans
	}
	var out []Word
	for _, w := range f.words {
		for from := 0; ; {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			out = append(out, Word{Text: w, Start: from + i, End: from + i + len(w)})
			from += i + len(w)
		}
	}
	slices.SortFunc(out, func(a, b Word) int { return a.Start - b.Start })
	return out
}

func spellRun(in Input) []Issue {
	var out []Issue
	for _, is := range Check(in) {
		if is.Check == "spelling" {
			out = append(out, is)
		}
	}
	return out
}

func TestSpelling(t *testing.T) {
	tests := []struct {
		name           string
		source, target string
		unknown        []string
		want           []string // words reported, in order
	}{
		{"no unknown word", "A test.", "Un test.", nil, nil},
		{"one per occurrence", "", "Une fautte, encore une fautte.", []string{"fautte"}, []string{"fautte", "fautte"}},
		{"after multi-byte letters", "", "Élève à l’école : erreurr", []string{"erreurr"}, []string{"erreurr"}},
		{"name kept from the source", "Zelenskyy met iPhone makers.", "Zelenskyy a vu les fabricants d’iPhone.",
			[]string{"Zelenskyy", "iPhone"}, nil},
		{"name not in the source", "Zelensky met them.", "Zelenskyy les a vus.", []string{"Zelenskyy"}, []string{"Zelenskyy"}},
		{"name only inside a source word", "Zelenskyyan policy.", "La politique de Zelenskyy.", []string{"Zelenskyy"}, []string{"Zelenskyy"}},
		{"lower-case word left untranslated", "The stakeholders agreed.", "Les stakeholders ont accepté.",
			[]string{"stakeholders"}, []string{"stakeholders"}},
		{"no source", "", "Zelenskyy a parlé.", []string{"Zelenskyy"}, []string{"Zelenskyy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{SourceLang: "en", TargetLang: "fr", Source: tt.source, Target: tt.target, Speller: spellFake{words: tt.unknown}}
			if tt.source == "" {
				in.SourceLang = ""
			}
			var got []string
			for _, is := range spellRun(in) {
				word := tt.target[is.Start:is.End]
				got = append(got, word)
				if is.Severity != Warning || is.Message != "qa.spelling" || is.Fix != nil || is.Args["word"] != word {
					t.Errorf("issue %+v", is)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("reported %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSpellingNeedsASpeller(t *testing.T) {
	if !slices.Contains(Checks(), "spelling") {
		t.Fatal("spelling is not registered")
	}
	if got := spellRun(Input{TargetLang: "en", Target: "Ths is wrng."}); len(got) != 0 {
		t.Errorf("without a speller: %v", got)
	}
}

func TestSpellingDropsBadSpans(t *testing.T) {
	target := "é fautte"
	bad := []Word{{Start: -1, End: 2}, {Start: 1, End: 3}, {Start: 0, End: 1}, {Start: 3, End: 3},
		{Start: 3, End: 99}, {Start: 5, End: 3}, {Start: 3, End: 9}}
	got := spellRun(Input{TargetLang: "fr", Target: target, Speller: spellFake{spans: bad}})
	if len(got) != 1 || target[got[0].Start:got[0].End] != "fautte" {
		t.Errorf("got %v, want only the span of fautte", got)
	}
}

// FuzzSpelling feeds the check spans a faulty speller might return: every
// issue must still lie on rune boundaries inside the target.
func FuzzSpelling(f *testing.F) {
	f.Add("Élève fautte", "Élève", 0, 2, 7, 13)
	f.Add("a", "", -5, 100, 1, 0)
	f.Fuzz(func(t *testing.T, target, source string, a, b, c, d int) {
		target = strings.ToValidUTF8(target, "\uFFFD")
		spans := []Word{{Start: a, End: b}, {Start: c, End: d}}
		for _, is := range spellRun(Input{Source: source, TargetLang: "fr", Target: target, Speller: spellFake{spans: spans}}) {
			if is.Start < 0 || is.Start >= is.End || is.End > len(target) ||
				!utf8.RuneStart(target[is.Start]) || is.End < len(target) && !utf8.RuneStart(target[is.End]) {
				t.Fatalf("span [%d:%d] in %q", is.Start, is.End, target)
			}
		}
	})
}
