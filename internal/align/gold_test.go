package align

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"copydesk/internal/segment"
)

// goldArticle is an article pair of testdata/gold or testdata/heldout with
// its gold alignment.
//
// A gold file is named <source lang>-<target lang>-<topic>.txt. Lines
// starting with # are comments. A line "== source" starts the source text and
// "== target" the target text. Each other line is one sentence, written as a
// bead id, one space, and the sentence; a blank line ends a paragraph. The
// sentences of a paragraph, joined with a space (with nothing in Japanese and
// Chinese), are the paragraph's text, and loading checks that
// segment.Sentences cuts it back into exactly these sentences. The sentences
// of both sides that share a bead id form one gold bead; an id found on one
// side only is a sentence dropped (1–0) or added (0–1) by the translator, and
// each sentence of a paragraph found on one side only has an id of its own,
// as the aligner returns such sentences one by one. Ids are any words; the
// files use b1, b2, … after the first source sentence of the bead.
type goldArticle struct {
	name, srcLang, tgtLang string
	src, tgt               []goldParagraph
	beads                  []goldBead
}

type goldParagraph struct {
	text  string
	sents []string
	ids   []string
}

// goldBead is a bead as the indices of its sentences in reading order over
// the whole article, source and target.
type goldBead struct{ src, tgt []int }

func (b goldBead) key() string { return fmt.Sprint(b.src, b.tgt) }

// goldFiles returns the names of the files of testdata/<set>: "gold", the
// development set the method is tuned on, or "heldout", the articles kept
// aside to measure it.
func goldFiles(t testing.TB, set string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", set, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no gold files in testdata/%s: %v", set, err)
	}
	return names
}

// loadGold reads and checks one gold file.
func loadGold(t testing.TB, path string) goldArticle {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	name := strings.TrimSuffix(filepath.Base(path), ".txt")
	langs := strings.SplitN(name, "-", 3)
	if len(langs) < 3 {
		t.Fatalf("%s: name is not <src>-<tgt>-<topic>", name)
	}
	a := goldArticle{name: name, srcLang: langs[0], tgtLang: langs[1]}
	var side *[]goldParagraph
	var cur goldParagraph
	flush := func() {
		if side != nil && len(cur.sents) > 0 {
			*side = append(*side, cur)
		}
		cur = goldParagraph{}
	}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, " \t\r")
		switch {
		case strings.HasPrefix(line, "#"):
		case line == "== source" || line == "== target":
			flush()
			side = &a.src
			if line == "== target" {
				side = &a.tgt
			}
		case line == "":
			flush()
		case side == nil:
			t.Fatalf("%s:%d: sentence before == source", name, n+1)
		default:
			id, s, ok := strings.Cut(line, " ")
			if !ok || strings.TrimSpace(s) == "" {
				t.Fatalf("%s:%d: want \"id sentence\"", name, n+1)
			}
			cur.sents, cur.ids = append(cur.sents, strings.TrimSpace(s)), append(cur.ids, id)
		}
	}
	flush()
	for _, s := range []struct {
		lang  string
		paras []goldParagraph
	}{{a.srcLang, a.src}, {a.tgtLang, a.tgt}} {
		for i := range s.paras {
			p := &s.paras[i]
			p.text = strings.Join(p.sents, joiner(s.lang))
			if got := segment.Sentences(s.lang, p.text); !slices.Equal(got, p.sents) {
				t.Fatalf("%s: segment.Sentences cuts %q into\n%q", name, p.text, got)
			}
		}
	}
	a.beads = goldBeads(t, name, a.src, a.tgt)
	return a
}

func consecutive(s []int) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[i-1]+1 {
			return false
		}
	}
	return true
}

func joiner(lang string) string {
	if base := strings.ToLower(lang); base == "ja" || base == "zh" {
		return ""
	}
	return " "
}

// goldBeads groups the sentences by id and checks that each bead is made of
// consecutive sentences and that beads follow one another on both sides.
func goldBeads(t testing.TB, name string, src, tgt []goldParagraph) []goldBead {
	t.Helper()
	byID := map[string]*goldBead{}
	var order []string
	add := func(paras []goldParagraph, target bool) {
		k := 0
		for _, p := range paras {
			for _, id := range p.ids {
				b := byID[id]
				if b == nil {
					b = &goldBead{}
					byID[id] = b
					order = append(order, id)
				}
				if target {
					b.tgt = append(b.tgt, k)
				} else {
					b.src = append(b.src, k)
				}
				k++
			}
		}
	}
	add(src, false)
	add(tgt, true)
	beads := make([]goldBead, 0, len(order))
	for _, id := range order {
		beads = append(beads, *byID[id])
	}
	for _, b := range beads {
		if !consecutive(b.src) || !consecutive(b.tgt) {
			t.Fatalf("%s: bead %v is not made of consecutive sentences", name, b)
		}
	}
	for _, x := range beads {
		for _, y := range beads {
			if len(x.src) > 0 && len(y.src) > 0 && len(x.tgt) > 0 && len(y.tgt) > 0 &&
				(x.src[0] < y.src[0]) != (x.tgt[0] < y.tgt[0]) {
				t.Fatalf("%s: beads %v and %v cross", name, x, y)
			}
		}
	}
	return beads
}

// texts returns the paragraphs of one side as strings.
func texts(paras []goldParagraph) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = p.text
	}
	return out
}

// flat returns the sentences of one side in reading order, with the index of
// the paragraph of each.
func flat(paras []goldParagraph) ([]string, []int) {
	var out []string
	var of []int
	for i, p := range paras {
		out = append(out, p.sents...)
		for range p.sents {
			of = append(of, i)
		}
	}
	return out, of
}
