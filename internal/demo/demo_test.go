package demo

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// The detectors below are deliberately small: they only exist to prove that
// the demo articles still contain the slips a reviewer is meant to fix, and
// that the segments meant to be clean stay clean.

// spaceBeforePunct reports whitespace right before , . ; ? or !.
// French puts a (no-break) space before ; ? ! so French targets are skipped.
func spaceBeforePunct(target, lang string) bool {
	if lang == "fr" {
		return false
	}
	prev := 'x'
	for _, r := range target {
		if strings.ContainsRune(",.;?!", r) && unicode.IsSpace(prev) {
			return true
		}
		prev = r
	}
	return false
}

// startsLower reports a target whose first letter (after any opening
// quotes or ¿ ¡) is lower case: the MT cut a sentence in two.
func startsLower(target string) bool {
	for _, r := range target {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// doubledWord reports the same word twice in a row, case-insensitively.
// Words are runs of letters and digits; pure numbers are ignored.
func doubledWord(target string) bool {
	words := strings.FieldsFunc(strings.ToLower(target), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i := 1; i < len(words); i++ {
		if words[i] == words[i-1] && strings.IndexFunc(words[i], unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// digitRuns returns the numbers in s as digit strings, after folding away
// separators so that 1,250 / 1.250 / 1 250 (any space kind) and 3.5 / 3,5
// compare equal: a comma or period between two digits is dropped, and a
// space between two digits is dropped when exactly three digits follow it
// (a thousands group). Numbers written as words are not seen.
func digitRuns(s string) []string {
	rs := []rune(s)
	isDigit := func(i int) bool { return i >= 0 && i < len(rs) && rs[i] >= '0' && rs[i] <= '9' }
	var b strings.Builder
	for i, r := range rs {
		if isDigit(i-1) && isDigit(i+1) {
			if r == ',' || r == '.' {
				continue
			}
			if unicode.IsSpace(r) && isDigit(i+2) && isDigit(i+3) && !isDigit(i+4) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return strings.FieldsFunc(b.String(), func(r rune) bool { return r < '0' || r > '9' })
}

// numberMismatch reports a number in the source that is missing from the target.
func numberMismatch(source, target string) bool {
	have := map[string]bool{}
	for _, n := range digitRuns(target) {
		have[n] = true
	}
	for _, n := range digitRuns(source) {
		if !have[n] {
			return true
		}
	}
	return false
}

// foreignQuotes reports quotation marks that do not belong to the target
// language's house style.
//   - en: “ ” and ‘ ’ (or straight quotes) are fine; « » ‹ › „ ‚ are foreign.
//   - es: the house style is “ ” (« » is also accepted, as the RAE prefers it);
//     straight " and the low or single openers „ ‚ ‘ ‹ › are slips. ’ is not
//     checked because it doubles as an apostrophe.
func foreignQuotes(target, lang string) bool {
	switch lang {
	case "en":
		return strings.ContainsAny(target, "«»‹›„‚")
	case "es":
		return strings.ContainsAny(target, "\"„‚‘‹›")
	}
	return false
}

// missingInverted reports a Spanish question or exclamation without its
// opening ¿ or ¡.
func missingInverted(target string) bool {
	return strings.Count(target, "?") > strings.Count(target, "¿") ||
		strings.Count(target, "!") > strings.Count(target, "¡")
}

// Spanish writes 3,5 and 12.400; an English decimal point (3.5) or
// thousands comma (12,400) carried over by the MT is a slip.
var englishSeparators = regexp.MustCompile(`\d\.\d{1,2}(\D|$)|\d,\d{3}(\D|$)`)

type detector struct {
	name  string
	langs string // target languages it applies to; "" means all
	fn    func(s Segment, lang string) bool
}

var detectors = []detector{
	{"space", "", func(s Segment, lang string) bool { return spaceBeforePunct(s.Target, lang) }},
	{"lower", "", func(s Segment, _ string) bool { return startsLower(s.Target) }},
	{"doubled", "", func(s Segment, _ string) bool { return doubledWord(s.Target) }},
	{"number", "", func(s Segment, _ string) bool { return numberMismatch(s.Source, s.Target) }},
	{"quotes", "en es", func(s Segment, lang string) bool { return foreignQuotes(s.Target, lang) }},
	{"inverted", "es", func(s Segment, _ string) bool { return missingInverted(s.Target) }},
	{"separators", "es", func(s Segment, _ string) bool { return englishSeparators.MatchString(s.Target) }},
}

func (d detector) appliesTo(lang string) bool {
	return d.langs == "" || strings.Contains(" "+d.langs+" ", " "+lang+" ")
}

// wantArticles lists, per article, the language pair and the 1-based
// segments where each slip is planted. Every applicable detector must flag
// exactly these segments; keep this table in sync with the README.
var wantArticles = []struct {
	source, target string
	slips          map[string][]int
}{
	{"ko", "en", map[string][]int{
		"number": {3}, "doubled": {5}, "quotes": {6}, "lower": {7}, "space": {8},
	}},
	{"fr", "en", map[string][]int{
		"number": {3}, "lower": {5}, "quotes": {6}, "space": {8}, "doubled": {9},
	}},
	{"en", "es", map[string][]int{
		"separators": {1, 10}, "number": {4}, "lower": {6}, "quotes": {7},
		"inverted": {8}, "doubled": {9}, "space": {11},
	}},
}

func TestArticles(t *testing.T) {
	articles, err := Articles()
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if len(articles) != len(wantArticles) {
		t.Fatalf("got %d articles, want %d", len(articles), len(wantArticles))
	}
	for i, want := range wantArticles {
		a := articles[i]
		t.Run(want.source+"-"+want.target, func(t *testing.T) {
			if a.SourceLang != want.source || a.TargetLang != want.target {
				t.Errorf("language pair %s→%s, want %s→%s", a.SourceLang, a.TargetLang, want.source, want.target)
			}
			if a.Title == "" {
				t.Error("empty title")
			}
			if n := len(a.Segments); n < 8 || n > 14 {
				t.Errorf("%d segments, want 8 to 14", n)
			}
			prev := 1
			for j, s := range a.Segments {
				if strings.TrimSpace(s.Source) == "" || strings.TrimSpace(s.Target) == "" {
					t.Errorf("segment %d: empty source or target", j+1)
				}
				if j == 0 && s.Paragraph != 1 {
					t.Errorf("segment 1: paragraph %d, want 1", s.Paragraph)
				}
				if s.Paragraph < prev {
					t.Errorf("segment %d: paragraph %d after %d", j+1, s.Paragraph, prev)
				}
				prev = s.Paragraph
			}
			if last := a.Segments[len(a.Segments)-1].Paragraph; last < 3 || last > 5 {
				t.Errorf("%d paragraphs, want 3 to 5", last)
			}
		})
	}
}

func TestPlantedSlips(t *testing.T) {
	articles, err := Articles()
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if len(articles) != len(wantArticles) {
		t.Fatalf("got %d articles, want %d", len(articles), len(wantArticles))
	}
	for i, want := range wantArticles {
		a := articles[i]
		t.Run(want.source+"-"+want.target, func(t *testing.T) {
			flaggedAny := make([]bool, len(a.Segments))
			for _, d := range detectors {
				if !d.appliesTo(a.TargetLang) {
					continue
				}
				var got []int
				for j, s := range a.Segments {
					if d.fn(s, a.TargetLang) {
						got = append(got, j+1)
						flaggedAny[j] = true
					}
				}
				if len(got) == 0 {
					t.Errorf("%s: no segment has this slip; the demo needs at least one", d.name)
				}
				if w := want.slips[d.name]; !reflect.DeepEqual(got, w) {
					t.Errorf("%s: flagged segments %v, want %v", d.name, got, w)
				}
			}
			clean := 0
			for _, f := range flaggedAny {
				if !f {
					clean++
				}
			}
			if clean < 3 {
				t.Errorf("only %d clean segments, want at least 3", clean)
			}
		})
	}
}

func TestDetectors(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"space before comma", spaceBeforePunct("He said , then left.", "en"), true},
		{"space before question mark", spaceBeforePunct("Why ?", "es"), true},
		{"french spacing is fine", spaceBeforePunct("Pourquoi\u00a0?", "fr"), false},
		{"abbreviation is fine", spaceBeforePunct("From 9 a.m. onward.", "en"), false},
		{"lower after quote", startsLower("“and then”"), true},
		{"upper after ¿", startsLower("¿Cuánto?"), false},
		{"doubled word", doubledWord("open to To all"), true},
		{"doubled number ignored", doubledWord("page 2 2"), false},
		{"no doubled word", doubledWord("de la mer"), false},
		{"thousands comma vs nbsp", numberMismatch("1\u00a0250 tonnes", "1,250 tonnes"), false},
		{"thousands comma vs period", numberMismatch("2,800 m", "2.800 m"), false},
		{"decimal comma vs point", numberMismatch("3,5 millions", "3.5 million"), false},
		{"separate numbers stay apart", numberMismatch("le 12 mars 2024", "March 12, 2024"), false},
		{"wrong year", numberMismatch("en 1921", "in 1912"), true},
		{"number in words is missed", numberMismatch("620석", "six hundred and twenty seats"), true},
		{"guillemets in english", foreignQuotes("«Here»", "en"), true},
		{"curly quotes in english", foreignQuotes("“Here,” she said.", "en"), false},
		{"straight quotes in spanish", foreignQuotes(`"Aquí", dijo.`, "es"), true},
		{"curly quotes in spanish", foreignQuotes("“Aquí”, dijo.", "es"), false},
		{"missing ¿", missingInverted("Cuánto?"), true},
		{"with ¿", missingInverted("¿Cuánto?"), false},
		{"english decimal in spanish", englishSeparators.MatchString("3.5 metros"), true},
		{"english thousands in spanish", englishSeparators.MatchString("12,400 hogares"), true},
		{"spanish separators", englishSeparators.MatchString("1,8 °C y 2.800 metros"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	const hdr = `{"title": "T", "source_lang": "fr", "target_lang": "en"}` + "\n"
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "x.jsonl: empty file"},
		{"bad header", `{"source": "a", "target": "b", "paragraph": 1}` + "\n", "x.jsonl line 1: header"},
		{"bad json", hdr + "{nope}\n", "x.jsonl line 2: segment"},
		{"empty target", hdr + `{"source": "a", "target": "", "paragraph": 1}` + "\n", "x.jsonl line 2: segment needs"},
		{"first paragraph not 1", hdr + `{"source": "a", "target": "b", "paragraph": 2}` + "\n", "x.jsonl line 2: paragraph 2"},
		{"paragraph decreases", hdr + `{"source": "a", "target": "b", "paragraph": 1}` + "\n\n" +
			`{"source": "a", "target": "b", "paragraph": 2}` + "\n" +
			`{"source": "a", "target": "b", "paragraph": 1}` + "\n", "x.jsonl line 5: paragraph 1"},
		{"no segments", hdr, "x.jsonl: no segments"},
	}
	for _, tt := range tests {
		_, err := parse("x.jsonl", []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestTextPairs(t *testing.T) {
	pairs, err := TextPairs()
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 1 || pairs[0].SourceLang != "en" || pairs[0].TargetLang != "fr" ||
		!strings.HasPrefix(pairs[0].Source, "# The old harbour") || !strings.HasPrefix(pairs[0].Target, "# Le vieux port") {
		t.Fatalf("pairs = %+v", pairs)
	}
}
