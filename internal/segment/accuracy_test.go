package segment

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/rivo/uniseg"
)

// goldLangs are the languages of testdata/gold/<lang>.txt.
var goldLangs = []string{"en", "fr", "de", "es", "it", "pt", "nl", "ko", "ja", "zh"}

// goldParagraph is one paragraph of the gold data: its sentences as a
// careful human split them.
type goldParagraph struct {
	sentences []string
}

// text joins the sentences the way they would appear in an article: with a
// space, or with nothing in Chinese and Japanese.
func (g goldParagraph) text(lang string) string {
	sep := " "
	if lang == "ja" || lang == "zh" {
		sep = ""
	}
	return strings.Join(g.sentences, sep)
}

// readGold reads testdata/gold/<lang>.txt: one sentence a line, a blank
// line between paragraphs.
func readGold(t *testing.T, lang string) []goldParagraph {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "gold", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldParagraph
	var cur goldParagraph
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			if len(cur.sentences) > 0 {
				out = append(out, cur)
			}
			cur = goldParagraph{}
			continue
		}
		cur.sentences = append(cur.sentences, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cur.sentences) > 0 {
		out = append(out, cur)
	}
	return out
}

// boundaries returns where pieces of a text end, as counts of the
// characters other than white space before each boundary, without the end of
// the text: white space between sentences does not move a boundary.
func boundaries(pieces []string) []int {
	var out []int
	n := 0
	for _, p := range pieces {
		for _, c := range p {
			if !unicode.IsSpace(c) {
				n++
			}
		}
		if len(out) == 0 || out[len(out)-1] != n {
			out = append(out, n)
		}
	}
	if len(out) > 0 {
		out = out[:len(out)-1] // the end of the paragraph is no boundary
	}
	if len(out) > 0 && out[0] == 0 {
		out = out[1:]
	}
	return out
}

// uaxSentences splits text at the plain UAX #29 sentence boundaries.
func uaxSentences(text string) []string {
	var out []string
	state := -1
	for text != "" {
		var s string
		s, text, state = uniseg.FirstSentenceInString(text, state)
		out = append(out, s)
	}
	return out
}

// score counts the boundaries found (true and false) and missed.
type score struct{ tp, fp, fn int }

func (s *score) add(gold, got []int) {
	for _, b := range got {
		if slices.Contains(gold, b) {
			s.tp++
		} else {
			s.fp++
		}
	}
	for _, b := range gold {
		if !slices.Contains(got, b) {
			s.fn++
		}
	}
}

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestAccuracy measures boundary precision, recall and F1 on the gold data
// for the plain UAX #29 boundaries and for Sentences, and fails when
// Sentences falls below F1 0.98 overall or 0.95 in any language. Run it with
// -v to see the table and the paragraphs that Sentences splits wrongly.
func TestAccuracy(t *testing.T) {
	var uaxAll, ourAll score
	t.Logf("%-4s %5s | %-20s | %-20s", "", "bound", "UAX #29  P     R     F1", "Sentences P   R     F1")
	for _, lang := range goldLangs {
		var uax, our score
		nb := 0
		for _, g := range readGold(t, lang) {
			text := g.text(lang)
			gold := boundaries(g.sentences)
			nb += len(gold)
			uax.add(gold, boundaries(uaxSentences(text)))
			got := Sentences(lang, text)
			checkCover(t, text, got)
			if b := boundaries(got); !slices.Equal(b, gold) {
				t.Logf("%s: got  %q\n    want %q", lang, got, g.sentences)
			}
			our.add(gold, boundaries(got))
		}
		t.Logf("%-4s %5d | %.3f %.3f %.3f | %.3f %.3f %.3f", lang, nb,
			uax.precision(), uax.recall(), uax.f1(), our.precision(), our.recall(), our.f1())
		for _, p := range []*score{&uaxAll, &ourAll} {
			s := uax
			if p == &ourAll {
				s = our
			}
			p.tp, p.fp, p.fn = p.tp+s.tp, p.fp+s.fp, p.fn+s.fn
		}
		if our.f1() < 0.95 {
			t.Errorf("%s: F1 %.3f, want at least 0.95", lang, our.f1())
		}
	}
	t.Logf("%-4s %5s | %.3f %.3f %.3f | %.3f %.3f %.3f", "all", "",
		uaxAll.precision(), uaxAll.recall(), uaxAll.f1(), ourAll.precision(), ourAll.recall(), ourAll.f1())
	if ourAll.f1() < 0.98 {
		t.Errorf("overall F1 %.3f, want at least 0.98", ourAll.f1())
	}
}
