// Package align aligns a source article with a translation made separately
// from it: paragraphs first, then the sentences inside each pair of
// paragraphs. Both levels use the length-based dynamic programming of Gale
// and Church (1993), "A program for aligning sentences in bilingual corpora":
// the length in characters of a translation is normally distributed around c
// times the length of its source, with variance s² per source character. The
// cost of each bead (1–1, 1–2, 2–1, 1–0, 0–1, 2–2) is -log of its prior
// probability plus -log of the probability of its length difference, to
// which anchors that survive translation (numbers, names and acronyms,
// quotation marks, question and exclamation marks) add a bonus when they
// agree and a penalty when they clearly disagree. It is a pure library.
package align

import (
	"fmt"
	"strings"
	"unicode"

	"copydesk/internal/segment"
)

// Pair is one aligned unit: consecutive source sentences and target
// sentences (either side may be empty for 1–0 / 0–1). Paragraph is the index
// of the paragraph pair in the paragraph alignment, counted from 0 in reading
// order. SourceParagraph is the index (from 0) among the source paragraphs of
// the paragraph that the source sentences come from, or -1 when Source is
// empty; TargetParagraph likewise for the target.
//
// A Pair never holds sentences of two paragraphs of the same side: when the
// paragraph alignment pairs two paragraphs of one side with one of the other,
// the sentences are aligned with no group across the paragraph break. A
// sentence that a translator cut in two across a paragraph break (or two
// sentences merged into one across it) therefore comes out as a 1–1 pair
// with one part and a 0–1 (or 1–0) pair with the other.
type Pair struct {
	Source, Target                   []string
	Paragraph                        int
	SourceParagraph, TargetParagraph int
}

// Report lists what was not 1–1. Pairs is the number of pairs returned.
// NonOneToOne holds the sentence groupings other than 1–1 inside aligned
// paragraphs; the paragraphs found on one side only are listed by their
// index (from 0) among the paragraphs of their own text, and their sentences
// are returned as 1–0 or 0–1 pairs but not repeated in NonOneToOne.
type Report struct {
	Pairs                                                int
	NonOneToOne                                          []Grouping
	UnmatchedSourceParagraphs, UnmatchedTargetParagraphs []int
}

// Grouping is one sentence grouping other than 1–1. Kind is "1-2", "2-1",
// "1-0", "0-1" or "2-2".
type Grouping struct {
	Paragraph      int
	Source, Target []string
	Kind           string
}

// nestedBand is how many paragraphs the alignment priced by sentences may
// stray from the one found by length and anchors alone.
const nestedBand = 3

// Texts aligns two articles, cut into paragraphs at blank lines by
// segment.Paragraphs; see Paragraphs.
func Texts(sourceLang, targetLang, source, target string) ([]Pair, Report) {
	return Paragraphs(sourceLang, targetLang, segment.Paragraphs(source), segment.Paragraphs(target))
}

// Paragraphs aligns two articles given as their paragraphs (or blocks:
// headings, list items, paragraphs): paragraphs first, then sentences inside
// each paragraph pair. The languages are BCP 47 tags; they choose the
// sentence rules of segment.Sentences and whether names are expected to stay
// the same. The ratio c of the length model is the ratio of the two texts'
// lengths, so that languages as different as Korean and English align.
// Paragraphs without a sentence (blank ones) are passed over; indices in the
// pairs and the report are those of the slices given.
func Paragraphs(sourceLang, targetLang string, source, target []string) ([]Pair, Report) {
	srcSents, srcIdx := split(sourceLang, source)
	tgtSents, tgtIdx := split(targetLang, target)
	srcSentUnits, tgtSentUnits := unitsOf(srcSents), unitsOf(tgtSents)
	srcUnits, tgtUnits := paragraphUnits(srcSentUnits), paragraphUnits(tgtSentUnits)
	same := sameScript(sourceLang, targetLang)
	lv := level{c: ratio(srcUnits, tgtUnits), moves: paragraphMoves, delCap: paragraphDeletionCap, sameScript: same}
	paras, _ := align(srcUnits, tgtUnits, lv)
	// A dropped paragraph skews the ratio of the totals: take it again from
	// the paragraphs that were aligned, and align once more.
	if c := alignedRatio(srcUnits, tgtUnits, paras); c != lv.c {
		lv.c = c
		paras, _ = align(srcUnits, tgtUnits, lv)
	}
	sl := level{c: lv.c, moves: sentenceMoves, delCap: sentenceDeletionCap, sameScript: same}
	// Then price each bead of paragraphs by the sentences inside it, near the
	// path found so far.
	lv.inner = &nested{src: srcSentUnits, tgt: tgtSentUnits, lv: sl}
	lo, hi := pathBand(paras, len(srcUnits), len(tgtUnits), nestedBand)
	paras, _ = alignBand(srcUnits, tgtUnits, lv, lo, hi)

	var pairs []Pair
	var rep Report
	for p, b := range paras {
		switch {
		case b.j0 == b.j1:
			for i := b.i0; i < b.i1; i++ {
				rep.UnmatchedSourceParagraphs = append(rep.UnmatchedSourceParagraphs, srcIdx[i])
				for _, s := range srcSents[i] {
					pairs = append(pairs, Pair{Source: []string{s}, Paragraph: p, SourceParagraph: srcIdx[i], TargetParagraph: -1})
				}
			}
		case b.i0 == b.i1:
			for j := b.j0; j < b.j1; j++ {
				rep.UnmatchedTargetParagraphs = append(rep.UnmatchedTargetParagraphs, tgtIdx[j])
				for _, t := range tgtSents[j] {
					pairs = append(pairs, Pair{Target: []string{t}, Paragraph: p, SourceParagraph: -1, TargetParagraph: tgtIdx[j]})
				}
			}
		default:
			src, srcOf := flatten(srcSents[b.i0:b.i1], srcIdx[b.i0:b.i1])
			tgt, tgtOf := flatten(tgtSents[b.j0:b.j1], tgtIdx[b.j0:b.j1])
			su, tu := sentenceUnits(src, srcOf), sentenceUnits(tgt, tgtOf)
			beads, _ := align(su, tu, sl)
			for _, s := range beads {
				pair := Pair{Source: src[s.i0:s.i1:s.i1], Target: tgt[s.j0:s.j1:s.j1], Paragraph: p,
					SourceParagraph: paragraphOf(srcOf, s.i0, s.i1), TargetParagraph: paragraphOf(tgtOf, s.j0, s.j1)}
				pairs = append(pairs, pair)
				if len(pair.Source) != 1 || len(pair.Target) != 1 {
					rep.NonOneToOne = append(rep.NonOneToOne, Grouping{
						Paragraph: p, Source: pair.Source, Target: pair.Target,
						Kind: fmt.Sprintf("%d-%d", len(pair.Source), len(pair.Target)),
					})
				}
			}
		}
	}
	rep.Pairs = len(pairs)
	return pairs, rep
}

// Sentences aligns two lists of sentences (one paragraph pair) and returns
// the groups in order, each as its source and its target sentences. The ratio
// c of the length model is taken from the totals of the two lists.
func Sentences(sourceLang, targetLang string, src, tgt []string) [][2][]string {
	su, tu := sentenceUnits(src, nil), sentenceUnits(tgt, nil)
	beads, _ := align(su, tu, level{c: ratio(su, tu), moves: sentenceMoves,
		delCap: sentenceDeletionCap, sameScript: sameScript(sourceLang, targetLang)})
	out := make([][2][]string, 0, len(beads))
	for _, b := range beads {
		out = append(out, [2][]string{src[b.i0:b.i1:b.i1], tgt[b.j0:b.j1:b.j1]})
	}
	return out
}

func kind(g [2][]string) string { return fmt.Sprintf("%d-%d", len(g[0]), len(g[1])) }

// split cuts each paragraph into sentences and returns those that have any,
// with the index of each among paras.
func split(lang string, paras []string) ([][]string, []int) {
	var out [][]string
	var idx []int
	for i, p := range paras {
		if s := segment.Sentences(lang, p); len(s) > 0 {
			out, idx = append(out, s), append(idx, i)
		}
	}
	return out, idx
}

// flatten returns the sentences of paras in order, and for each the
// paragraph index idx gives its paragraph.
func flatten(paras [][]string, idx []int) ([]string, []int) {
	var out []string
	var of []int
	for k, x := range paras {
		out = append(out, x...)
		for range x {
			of = append(of, idx[k])
		}
	}
	return out, of
}

// paragraphOf returns the paragraph of the sentences [i0, i1), or -1 when
// there are none.
func paragraphOf(of []int, i0, i1 int) int {
	if i0 == i1 {
		return -1
	}
	return of[i0]
}

// sentenceUnits returns the units of sents; of, when not nil, gives the
// paragraph of each sentence, and a sentence whose paragraph differs from
// the one before it opens a paragraph.
func sentenceUnits(sents []string, of []int) []unit {
	out := make([]unit, len(sents))
	for i, s := range sents {
		out[i] = unit{length: length(s), anc: sentenceAnchors(s), opens: of != nil && i > 0 && of[i] != of[i-1]}
	}
	return out
}

// unitsOf returns the sentence units of each paragraph.
func unitsOf(paras [][]string) [][]unit {
	out := make([][]unit, len(paras))
	for i, sents := range paras {
		out[i] = sentenceUnits(sents, nil)
	}
	return out
}

// paragraphUnits returns one unit for each paragraph, of the length and
// anchors of its sentences together.
func paragraphUnits(paras [][]unit) []unit {
	out := make([]unit, len(paras))
	for i, us := range paras {
		for _, u := range us {
			out[i].length += u.length
			out[i].anc = join(out[i].anc, u.anc)
		}
	}
	return out
}

// length counts the characters of s that are not white space.
func length(s string) int {
	n := 0
	for _, c := range s {
		if !unicode.IsSpace(c) {
			n++
		}
	}
	return n
}

// String renders a grouping for test failures and logs.
func (g Grouping) String() string {
	return fmt.Sprintf("%s p%d %q → %q", g.Kind, g.Paragraph,
		strings.Join(g.Source, " "), strings.Join(g.Target, " "))
}
