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
	"math"
	"strings"
	"unicode"

	"copydesk/internal/segment"
)

// Pair is one aligned unit: consecutive source sentences and target
// sentences of one paragraph pair (either side may be empty for 1–0 / 0–1).
// Paragraph is the index of the paragraph pair in the paragraph alignment,
// counted from 0 in reading order.
type Pair struct {
	Source, Target []string
	Paragraph      int
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

// variance is s², the variance of the target length per source character
// (Gale and Church 1993).
const variance = 6.8

// move is one kind of bead: di source units and dj target units, with the
// -log of its prior probability.
type move struct {
	di, dj int
	prior  float64
}

func moves(probs map[[2]int]float64) []move {
	var out []move
	for _, k := range [][2]int{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}} {
		if p, ok := probs[k]; ok {
			out = append(out, move{k[0], k[1], -math.Log(p)})
		}
	}
	return out
}

// Sentence beads take the priors of Gale and Church; paragraphs are nearly
// always 1–1, sometimes dropped or merged, never 2–2.
var (
	sentenceMoves = moves(map[[2]int]float64{
		{1, 1}: 0.89, {1, 0}: 0.0099, {0, 1}: 0.0099, {2, 1}: 0.089, {1, 2}: 0.089, {2, 2}: 0.011,
	})
	paragraphMoves = moves(map[[2]int]float64{
		{1, 1}: 0.94, {1, 0}: 0.01, {0, 1}: 0.01, {2, 1}: 0.02, {1, 2}: 0.02,
	})
)

// deletionCap bounds the length cost of a 1–0 or 0–1 bead. The length model
// of Gale and Church describes translations; a long unit that was left out
// would otherwise be cheaper to glue to a neighbour than to drop.
const (
	sentenceDeletionCap  = 1.5
	paragraphDeletionCap = 4.0
)

// unit is a sentence or a paragraph as the aligner sees it.
type unit struct {
	length int // characters, white space excluded
	anc    anchors
}

// level holds the parameters of one alignment.
type level struct {
	c          float64 // mean target characters per source character
	moves      []move
	delCap     float64
	sameScript bool
}

// Texts aligns two articles: paragraphs first, then sentences inside each
// paragraph pair. The languages are BCP 47 tags; they choose the sentence
// rules of segment.Sentences and whether names are expected to stay the
// same. The ratio c of the length model is the ratio of the two texts'
// lengths, so that languages as different as Korean and English align.
func Texts(sourceLang, targetLang, source, target string) ([]Pair, Report) {
	srcParas, tgtParas := segment.Paragraphs(source), segment.Paragraphs(target)
	srcSents, tgtSents := split(sourceLang, srcParas), split(targetLang, tgtParas)
	srcUnits, tgtUnits := paragraphUnits(srcSents), paragraphUnits(tgtSents)
	same := sameScript(sourceLang, targetLang)
	lv := level{c: ratio(srcUnits, tgtUnits), moves: paragraphMoves, delCap: paragraphDeletionCap, sameScript: same}
	paras := align(srcUnits, tgtUnits, lv)
	// A dropped paragraph skews the ratio of the totals: take it again from
	// the paragraphs that were aligned, and align once more.
	if c := alignedRatio(srcUnits, tgtUnits, paras); c != lv.c {
		lv.c = c
		paras = align(srcUnits, tgtUnits, lv)
	}
	c := lv.c

	var pairs []Pair
	var rep Report
	for p, b := range paras {
		switch {
		case b.j0 == b.j1:
			for i := b.i0; i < b.i1; i++ {
				rep.UnmatchedSourceParagraphs = append(rep.UnmatchedSourceParagraphs, i)
				for _, s := range srcSents[i] {
					pairs = append(pairs, Pair{Source: []string{s}, Paragraph: p})
				}
			}
		case b.i0 == b.i1:
			for j := b.j0; j < b.j1; j++ {
				rep.UnmatchedTargetParagraphs = append(rep.UnmatchedTargetParagraphs, j)
				for _, t := range tgtSents[j] {
					pairs = append(pairs, Pair{Target: []string{t}, Paragraph: p})
				}
			}
		default:
			src, tgt := flatten(srcSents[b.i0:b.i1]), flatten(tgtSents[b.j0:b.j1])
			for _, g := range alignSentences(src, tgt, c, same) {
				pairs = append(pairs, Pair{Source: g[0], Target: g[1], Paragraph: p})
				if len(g[0]) != 1 || len(g[1]) != 1 {
					rep.NonOneToOne = append(rep.NonOneToOne, Grouping{
						Paragraph: p, Source: g[0], Target: g[1], Kind: kind(g),
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
	c := ratio(sentenceUnits(src), sentenceUnits(tgt))
	return alignSentences(src, tgt, c, sameScript(sourceLang, targetLang))
}

// alignSentences aligns src with tgt with the length ratio c.
func alignSentences(src, tgt []string, c float64, same bool) [][2][]string {
	beads := align(sentenceUnits(src), sentenceUnits(tgt),
		level{c: c, moves: sentenceMoves, delCap: sentenceDeletionCap, sameScript: same})
	out := make([][2][]string, 0, len(beads))
	for _, b := range beads {
		out = append(out, [2][]string{src[b.i0:b.i1:b.i1], tgt[b.j0:b.j1:b.j1]})
	}
	return out
}

func kind(g [2][]string) string { return fmt.Sprintf("%d-%d", len(g[0]), len(g[1])) }

func split(lang string, paras []string) [][]string {
	out := make([][]string, len(paras))
	for i, p := range paras {
		out[i] = segment.Sentences(lang, p)
	}
	return out
}

func flatten(s [][]string) []string {
	var out []string
	for _, x := range s {
		out = append(out, x...)
	}
	return out
}

func sentenceUnits(sents []string) []unit {
	out := make([]unit, len(sents))
	for i, s := range sents {
		out[i] = unit{length: length(s), anc: sentenceAnchors(s)}
	}
	return out
}

func paragraphUnits(paras [][]string) []unit {
	out := make([]unit, len(paras))
	for i, sents := range paras {
		for _, u := range sentenceUnits(sents) {
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

// ratio returns the target characters per source character over all units,
// or 1 when either side is empty.
func ratio(src, tgt []unit) float64 {
	var a, b int
	for _, u := range src {
		a += u.length
	}
	for _, u := range tgt {
		b += u.length
	}
	if a == 0 || b == 0 {
		return 1
	}
	return float64(b) / float64(a)
}

// alignedRatio returns the ratio of the lengths of the units that beads
// align with one another, leaving out the units of 1–0 and 0–1 beads.
func alignedRatio(src, tgt []unit, beads []bead) float64 {
	var a, b []unit
	for _, x := range beads {
		if x.i0 < x.i1 && x.j0 < x.j1 {
			a, b = append(a, src[x.i0:x.i1]...), append(b, tgt[x.j0:x.j1]...)
		}
	}
	return ratio(a, b)
}

// lengthCost is -log of the probability, under the normal model, of a length
// difference at least as large as the one between l1 source and l2 target
// characters: δ = (l2 − c·l1) / √(s²·l), with l the mean of l1 and l2/c.
func lengthCost(l1, l2 int, c float64) float64 {
	if l1 == 0 && l2 == 0 {
		return 0
	}
	mean := (float64(l1) + float64(l2)/c) / 2
	delta := math.Abs(float64(l2)-c*float64(l1)) / math.Sqrt(variance*mean)
	x := delta / math.Sqrt2
	if p := math.Erfc(x); p > 1e-300 {
		return -math.Log(p)
	}
	return x*x + math.Log(x*math.SqrtPi) // asymptotic form of -log erfc(x)
}

// String renders a grouping for test failures and logs.
func (g Grouping) String() string {
	return fmt.Sprintf("%s p%d %q → %q", g.Kind, g.Paragraph,
		strings.Join(g.Source, " "), strings.Join(g.Target, " "))
}

// bead is one aligned group: source units [i0, i1) with target units [j0, j1).
type bead struct{ i0, i1, j0, j1 int }

// fullCells is the size of the largest table filled completely; larger ones
// are filled only in a band around the diagonal, which keeps time and memory
// linear in the longer side.
const fullCells = 1 << 22

// align finds the sequence of beads of least total cost that covers src and
// tgt, by dynamic programming over the table of prefixes: O(n·m) time, or
// O((n+m)·w) with the band of half-width w when the table is large.
func align(src, tgt []unit, lv level) []bead {
	n, m := len(src), len(tgt)
	if n == 0 || m == 0 {
		var out []bead
		for i := range n {
			out = append(out, bead{i, i + 1, 0, 0})
		}
		for j := range m {
			out = append(out, bead{0, 0, j, j + 1})
		}
		return out
	}
	w := max(n, m)
	if (n+1)*(m+1) > fullCells {
		w = max(200, (n+m)/20)
	}
	lo, hi := make([]int, n+1), make([]int, n+1)
	cost, back := make([][]float64, n+1), make([][]int8, n+1)
	for i := range n + 1 {
		center := i * m / n
		lo[i], hi[i] = max(0, center-w), min(m, center+w)
		cost[i] = make([]float64, hi[i]-lo[i]+1)
		back[i] = make([]int8, hi[i]-lo[i]+1)
	}
	srcAnc, tgtAnc := beadAnchors(src), beadAnchors(tgt)
	at := func(i, j int) float64 {
		if i < 0 || j < lo[i] || j > hi[i] {
			return math.Inf(1)
		}
		return cost[i][j-lo[i]]
	}
	for i := range n + 1 {
		for j := lo[i]; j <= hi[i]; j++ {
			best, arg := math.Inf(1), int8(-1)
			if i == 0 && j == 0 {
				best = 0
			}
			for k, mv := range lv.moves {
				if i < mv.di || j < mv.dj {
					continue
				}
				prev := at(i-mv.di, j-mv.dj)
				if math.IsInf(prev, 1) {
					continue
				}
				c := prev + beadCost(src[i-mv.di:i], tgt[j-mv.dj:j], mv, lv, srcAnc[mv.di][i], tgtAnc[mv.dj][j])
				if c < best {
					best, arg = c, int8(k)
				}
			}
			cost[i][j-lo[i]], back[i][j-lo[i]] = best, arg
		}
	}
	var out []bead
	for i, j := n, m; i > 0 || j > 0; {
		mv := lv.moves[back[i][j-lo[i]]]
		out = append(out, bead{i - mv.di, i, j - mv.dj, j})
		i, j = i-mv.di, j-mv.dj
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// beadCost is the cost of aligning the units src with the units tgt, whose
// anchors are a and b, as one bead of kind mv. A 1–0 or 0–1 bead has a
// bounded length cost and no anchor cost: anchors missing on the other side
// are what a dropped unit looks like.
func beadCost(src, tgt []unit, mv move, lv level, a, b anchors) float64 {
	var l1, l2 int
	for _, u := range src {
		l1 += u.length
	}
	for _, u := range tgt {
		l2 += u.length
	}
	if mv.di == 0 || mv.dj == 0 {
		return mv.prior + min(lengthCost(l1, l2, lv.c), lv.delCap)
	}
	return mv.prior + lengthCost(l1, l2, lv.c) + anchorCost(a, b, lv.sameScript)
}

// beadAnchors returns, for k = 0, 1 and 2, the anchors of the k units that
// end before index i, at [k][i]: computed once rather than in every cell.
func beadAnchors(us []unit) [3][]anchors {
	var out [3][]anchors
	for k := range out {
		out[k] = make([]anchors, len(us)+1)
	}
	for i := 1; i <= len(us); i++ {
		out[1][i] = us[i-1].anc
		if i >= 2 {
			out[2][i] = join(us[i-2].anc, us[i-1].anc)
		}
	}
	return out
}
