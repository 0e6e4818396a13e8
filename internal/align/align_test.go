package align

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"copydesk/internal/segment"
)

// article is a test article pair read from testdata: the two texts and the
// gold alignment.
type article struct {
	name, srcLang, tgtLang string
	source, target         string
	gold                   []Pair
	droppedSrc, droppedTgt []int
}

// loadArticle reads testdata/<src>-<tgt>.txt: one gold group a line, "source
// sentences ||| target sentences", the sentences of a side separated by
// " ## ", a blank line between paragraphs, # for comments. A paragraph whose
// groups all have an empty side is missing from that side's text.
func loadArticle(t testing.TB, name string) article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	langs := strings.SplitN(name, "-", 2)
	a := article{name: name, srcLang: langs[0], tgtLang: langs[1]}
	var srcParas, tgtParas []string
	srcIdx, tgtIdx := 0, 0
	for p, block := range strings.Split(strings.TrimSpace(stripComments(string(data))), "\n\n") {
		var src, tgt []string
		var groups []Pair
		for line := range strings.SplitSeq(block, "\n") {
			s, g, ok := strings.Cut(line, "|||")
			if !ok {
				t.Fatalf("%s: bad line %q", name, line)
			}
			pair := Pair{Source: sides(s), Target: sides(g), Paragraph: p}
			src, tgt = append(src, pair.Source...), append(tgt, pair.Target...)
			groups = append(groups, pair)
		}
		switch {
		case len(tgt) == 0:
			a.droppedSrc = append(a.droppedSrc, srcIdx)
		case len(src) == 0:
			a.droppedTgt = append(a.droppedTgt, tgtIdx)
		}
		if len(src) > 0 {
			srcParas, srcIdx = append(srcParas, strings.Join(src, " ")), srcIdx+1
		}
		if len(tgt) > 0 {
			tgtParas, tgtIdx = append(tgtParas, strings.Join(tgt, " ")), tgtIdx+1
		}
		if len(tgt) == 0 || len(src) == 0 { // sentences of a lone paragraph go one by one
			for _, g := range groups {
				for _, s := range g.Source {
					a.gold = append(a.gold, Pair{Source: []string{s}, Paragraph: p})
				}
				for _, s := range g.Target {
					a.gold = append(a.gold, Pair{Target: []string{s}, Paragraph: p})
				}
			}
			continue
		}
		a.gold = append(a.gold, groups...)
	}
	a.source, a.target = strings.Join(srcParas, "\n\n"), strings.Join(tgtParas, "\n\n")
	checkSegmentation(t, a.name+" source", a.srcLang, srcParas)
	checkSegmentation(t, a.name+" target", a.tgtLang, tgtParas)
	return a
}

func stripComments(s string) string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func sides(s string) []string {
	var out []string
	for x := range strings.SplitSeq(s, "##") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// checkSegmentation makes sure the test data is cut into the sentences it
// was written as, so that a failure is the aligner's.
func checkSegmentation(t testing.TB, what, lang string, paras []string) {
	t.Helper()
	for _, p := range paras {
		got := segment.Sentences(lang, p)
		if strings.Join(got, " ") != p {
			t.Fatalf("%s: segmentation changed the text of %q", what, p)
		}
		for _, s := range got {
			if !strings.Contains(p, s) {
				t.Fatalf("%s: unexpected sentence %q", what, s)
			}
		}
	}
}

var articles = []string{"en-fr", "en-es", "fr-en", "ko-en"}

func TestTextsGold(t *testing.T) {
	for _, name := range articles {
		t.Run(name, func(t *testing.T) {
			a := loadArticle(t, name)
			got, rep := Texts(a.srcLang, a.tgtLang, a.source, a.target)
			if !reflect.DeepEqual(norm(got), norm(a.gold)) {
				t.Errorf("alignment differs:\n got:\n%s\nwant:\n%s", show(got), show(a.gold))
			}
			if rep.Pairs != len(got) {
				t.Errorf("Report.Pairs = %d, want %d", rep.Pairs, len(got))
			}
			if !reflect.DeepEqual(rep.UnmatchedSourceParagraphs, a.droppedSrc) ||
				!reflect.DeepEqual(rep.UnmatchedTargetParagraphs, a.droppedTgt) {
				t.Errorf("unmatched paragraphs = %v / %v, want %v / %v",
					rep.UnmatchedSourceParagraphs, rep.UnmatchedTargetParagraphs, a.droppedSrc, a.droppedTgt)
			}
			var want []string
			for _, p := range a.gold {
				if (len(p.Source) != 1 || len(p.Target) != 1) && !lone(a, p.Paragraph) {
					want = append(want, fmt.Sprintf("%d-%d p%d", len(p.Source), len(p.Target), p.Paragraph))
				}
			}
			var gotKinds []string
			for _, g := range rep.NonOneToOne {
				gotKinds = append(gotKinds, fmt.Sprintf("%s p%d", g.Kind, g.Paragraph))
			}
			if !reflect.DeepEqual(gotKinds, want) {
				t.Errorf("NonOneToOne = %v, want %v", gotKinds, want)
			}
		})
	}
}

// lone reports whether paragraph p of a has no counterpart on the other side.
func lone(a article, p int) bool {
	for _, g := range a.gold {
		if g.Paragraph == p && len(g.Source) > 0 && len(g.Target) > 0 {
			return false
		}
	}
	return true
}

// TestAccuracy logs the fraction of gold groupings found over all articles.
func TestAccuracy(t *testing.T) {
	found, total := 0, 0
	for _, name := range articles {
		a := loadArticle(t, name)
		got, _ := Texts(a.srcLang, a.tgtLang, a.source, a.target)
		seen := map[string]bool{}
		for _, p := range got {
			seen[key(p)] = true
		}
		f := 0
		for _, g := range a.gold {
			if seen[key(g)] {
				f++
			}
		}
		t.Logf("%s: %d/%d gold groupings found", name, f, len(a.gold))
		found, total = found+f, total+len(a.gold)
	}
	acc := float64(found) / float64(total)
	t.Logf("accuracy: %d/%d = %.3f", found, total, acc)
	if acc < 0.9 {
		t.Errorf("accuracy %.3f below 0.9", acc)
	}
}

func key(p Pair) string {
	return fmt.Sprintf("%d|%q|%q", p.Paragraph, p.Source, p.Target)
}

// norm makes nil and empty sides compare equal.
func norm(ps []Pair) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = key(p)
	}
	return out
}

func show(ps []Pair) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  p%d %d-%d %q ||| %q\n", p.Paragraph, len(p.Source), len(p.Target), p.Source, p.Target)
	}
	return b.String()
}

func TestTextsEdges(t *testing.T) {
	tests := []struct {
		name           string
		source, target string
		pairs          int
		unmatchedSrc   []int
		unmatchedTgt   []int
	}{
		{"both empty", "", "", 0, nil, nil},
		{"blank", " \n\n \n", "\n", 0, nil, nil},
		{"target empty", "One. Two.\n\nThree.", "", 3, []int{0, 1}, nil},
		{"source empty", "", "Un. Deux.", 2, nil, []int{0}},
		{"one sentence", "Hello there.", "Bonjour à tous.", 1, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs, rep := Texts("en", "fr", tt.source, tt.target)
			if len(pairs) != tt.pairs || rep.Pairs != tt.pairs {
				t.Errorf("pairs = %d (report %d), want %d", len(pairs), rep.Pairs, tt.pairs)
			}
			if !reflect.DeepEqual(rep.UnmatchedSourceParagraphs, tt.unmatchedSrc) ||
				!reflect.DeepEqual(rep.UnmatchedTargetParagraphs, tt.unmatchedTgt) {
				t.Errorf("unmatched = %v / %v, want %v / %v", rep.UnmatchedSourceParagraphs,
					rep.UnmatchedTargetParagraphs, tt.unmatchedSrc, tt.unmatchedTgt)
			}
			if len(rep.NonOneToOne) != 0 {
				t.Errorf("NonOneToOne = %v, want none", rep.NonOneToOne)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []string
		want     []string // kinds in order
	}{
		{"empty", nil, nil, nil},
		{"source only", []string{"A.", "B."}, nil, []string{"1-0", "1-0"}},
		{"target only", nil, []string{"A."}, []string{"0-1"}},
		{"one to one", []string{"The vote took place on 12 May.", "Was it fair?"},
			[]string{"Le vote a eu lieu le 12 mai.", "Était-il juste ?"}, []string{"1-1", "1-1"}},
		{"split", []string{"The company, founded in 1998 in Berlin, employs 4,500 people and sells its software in 40 countries."},
			[]string{"L'entreprise, fondée en 1998 à Berlin, emploie 4 500 personnes.", "Elle vend ses logiciels dans 40 pays."},
			[]string{"1-2"}},
		{"number anchors", []string{"Sales rose 12% in 2023.", "Profit fell 3% to 450 million."},
			[]string{"Les ventes ont augmenté de 12 % en 2023.", "Le bénéfice a reculé de 3 % à 450 millions."},
			[]string{"1-1", "1-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences("en", "fr", tt.src, tt.tgt)
			var kinds []string
			for _, g := range got {
				kinds = append(kinds, kind(g))
			}
			if !reflect.DeepEqual(kinds, tt.want) {
				t.Errorf("kinds = %v, want %v", kinds, tt.want)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"1,250.5 euros", []string{"12505"}},
		{"1.250,5 euros", []string{"12505"}},
		{"1 250,5 euros", []string{"12505"}},
		{"1\u202F250,5 euros", []string{"12505"}},
		{"in 2020 150 people", []string{"2020", "150"}},
		{"3.5% on 07 May", []string{"35", "7"}},
		{"no digits", nil},
		{"2027년까지 8만 가구", []string{"2027", "8"}},
		{"end 42.", []string{"42"}},
	}
	for _, tt := range tests {
		if got := numbers(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("numbers(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The mayor of Lyon met NASA staff.", []string{"Lyon", "NASA"}},
		{"EU leaders met in Brussels.", []string{"EU", "Brussels"}},
		{"한국개발연구원(KDI)의 연구원", []string{"KDI"}},
		{"I said so.", nil},
	}
	for _, tt := range tests {
		if got := names(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("names(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestAnchorCost(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		sign int // -1 agree, +1 disagree
	}{
		{"same numbers", "It cost 1,200 euros.", "Cela a coûté 1 200 euros.", -1},
		{"other numbers", "It cost 1,200 euros.", "Cela a coûté 45 euros.", 1},
		{"question kept", "Is it 2024?", "Est-ce 2024 ?", -1},
		{"question lost", "Is it now?", "C'est maintenant.", 1},
		{"quote lost", `He said "no".`, "Il a refusé.", 1},
	}
	for _, tt := range tests {
		c := anchorCost(sentenceAnchors(tt.a), sentenceAnchors(tt.b), true)
		if (tt.sign < 0 && c >= 0) || (tt.sign > 0 && c <= 0) {
			t.Errorf("%s: anchorCost = %.2f, want sign %d", tt.name, c, tt.sign)
		}
	}
}

// longParagraph returns n sentences of varied length with some numbers.
func longParagraph(n int, word string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Sentence %d %s.", i*7, strings.Repeat(word+" ", 3+i%11))
	}
	return out
}

func TestSentencesLong(t *testing.T) {
	src, tgt := longParagraph(600, "word"), longParagraph(600, "mot")
	got := Sentences("en", "fr", src, tgt)
	if len(got) != 600 {
		t.Fatalf("got %d groups, want 600", len(got))
	}
	for i, g := range got {
		if len(g[0]) != 1 || g[0][0] != src[i] || len(g[1]) != 1 || g[1][0] != tgt[i] {
			t.Fatalf("group %d = %q", i, g)
		}
	}
	// Large enough for the band.
	src, tgt = longParagraph(2500, "word"), longParagraph(2500, "mot")
	if got := Sentences("en", "fr", src, tgt); len(got) != 2500 {
		t.Fatalf("banded: got %d groups, want 2500", len(got))
	}
}

func BenchmarkSentences500(b *testing.B) {
	src, tgt := longParagraph(500, "word"), longParagraph(500, "palabra")
	for b.Loop() {
		Sentences("en", "es", src, tgt)
	}
}

func BenchmarkTexts(b *testing.B) {
	a := loadArticle(b, "en-fr")
	for b.Loop() {
		Texts(a.srcLang, a.tgtLang, a.source, a.target)
	}
}
