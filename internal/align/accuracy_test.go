package align

import (
	"slices"
	"strings"
	"testing"
)

// The bead F1 below which TestGoldAccuracy fails, on each set of gold
// articles (format: see goldArticle): news articles whose translations
// merge, split, drop and add sentences and paragraphs, as human translators
// do. testdata/gold is the development set, on which the method was tuned;
// testdata/heldout was written afterwards and not used for tuning.
//
// Reached: dev 0.915, held-out 0.884. A further round of tuning on the dev
// set (cognate stems, a join penalty, news priors) raised dev to 0.945 but
// lowered held-out to 0.849, so it was not kept. The held-out set has 70
// beads, so one bead moves its F1 by about 0.014.
const (
	minDevF1     = 0.90
	minHeldoutF1 = 0.85
)

// score counts the beads and sentences of one or more articles.
type score struct {
	pred, gold, correct int // beads found, gold beads, beads found that are gold
	sents, linked       int // sentences of both sides, and those linked exactly as in gold
}

func (s *score) add(o score) {
	s.pred, s.gold, s.correct = s.pred+o.pred, s.gold+o.gold, s.correct+o.correct
	s.sents, s.linked = s.sents+o.sents, s.linked+o.linked
}

func (s score) precision() float64 { return ratioOf(s.correct, s.pred) }
func (s score) recall() float64    { return ratioOf(s.correct, s.gold) }
func (s score) linkedShare() float64 {
	return ratioOf(s.linked, s.sents)
}

func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratioOf(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestGoldAccuracy aligns each article of testdata/gold (the development
// set) and testdata/heldout (the held-out set) with Texts and compares the
// result with the gold beads. A bead is correct when its source and target
// sentences are exactly those of a gold bead; a sentence is linked correctly
// when the sentences of the other side in its bead are those of its gold bead
// (none, for one dropped or added). It logs each article, each set and both
// sets together.
func TestGoldAccuracy(t *testing.T) {
	sets := []struct {
		dir   string
		minF1 float64
	}{{"gold", minDevF1}, {"heldout", minHeldoutF1}}
	var all score
	t.Logf("%-24s %6s %6s %6s %6s %8s", "article", "gold", "prec", "recall", "F1", "linked")
	for _, set := range sets {
		var total score
		for _, path := range goldFiles(t, set.dir) {
			a := loadGold(t, path)
			s := scoreGold(t, a)
			t.Logf("%-24s %6d %6.3f %6.3f %6.3f %8.3f", set.dir+"/"+a.name, s.gold, s.precision(), s.recall(), s.f1(), s.linkedShare())
			total.add(s)
		}
		t.Logf("%-24s %6d %6.3f %6.3f %6.3f %8.3f", set.dir+" overall", total.gold, total.precision(), total.recall(), total.f1(), total.linkedShare())
		if f := total.f1(); f < set.minF1 {
			t.Errorf("%s: bead F1 %.3f below %.2f", set.dir, f, set.minF1)
		}
		all.add(total)
	}
	t.Logf("%-24s %6d %6.3f %6.3f %6.3f %8.3f", "overall", all.gold, all.precision(), all.recall(), all.f1(), all.linkedShare())
}

// scoreGold aligns the gold article a and scores the result; with -v it
// logs the beads missed and those found instead.
func scoreGold(t *testing.T, a goldArticle) score {
	t.Helper()
	pairs, _ := Texts(a.srcLang, a.tgtLang, strings.Join(texts(a.src), "\n\n"), strings.Join(texts(a.tgt), "\n\n"))
	srcSents, srcOf := flat(a.src)
	tgtSents, tgtOf := flat(a.tgt)
	pred := pairBeads(t, a.name, pairs, srcSents, srcOf, tgtSents, tgtOf)
	if testing.Verbose() {
		logMisses(t, pred, a.beads, srcSents, tgtSents)
	}
	return compare(pred, a.beads, len(srcSents), len(tgtSents))
}

// compare scores the beads found against the gold beads of an article with
// n source and m target sentences.
func compare(pred, gold []goldBead, n, m int) score {
	s := score{pred: len(pred), gold: len(gold), sents: n + m}
	isGold := map[string]bool{}
	for _, b := range gold {
		isGold[b.key()] = true
	}
	for _, b := range pred {
		if isGold[b.key()] {
			s.correct++
		}
	}
	gs, gt := partners(gold, n, m)
	ps, pt := partners(pred, n, m)
	for i := range n {
		if slices.Equal(gs[i], ps[i]) {
			s.linked++
		}
	}
	for j := range m {
		if slices.Equal(gt[j], pt[j]) {
			s.linked++
		}
	}
	return s
}

// partners returns for each source sentence the target sentences of its
// bead, and for each target sentence the source sentences of its bead.
func partners(beads []goldBead, n, m int) ([][]int, [][]int) {
	src, tgt := make([][]int, n), make([][]int, m)
	for _, b := range beads {
		for _, i := range b.src {
			src[i] = b.tgt
		}
		for _, j := range b.tgt {
			tgt[j] = b.src
		}
	}
	return src, tgt
}

// pairBeads turns pairs into beads of sentence indices, checking that the
// pairs hold every sentence once, in order, and that SourceParagraph and
// TargetParagraph give the paragraph (srcOf, tgtOf) of all their sentences.
func pairBeads(t testing.TB, name string, pairs []Pair, src []string, srcOf []int, tgt []string, tgtOf []int) []goldBead {
	t.Helper()
	var out []goldBead
	i, j := 0, 0
	take := func(side string, sents []string, all []string, of []int, k *int, para int) []int {
		var idx []int
		for _, s := range sents {
			if *k >= len(all) || all[*k] != s {
				t.Fatalf("%s: %s sentence %q out of order", name, side, s)
			}
			if of[*k] != para {
				t.Errorf("%s: %s sentence %q of paragraph %d in a pair of paragraph %d", name, side, s, of[*k], para)
			}
			idx = append(idx, *k)
			*k++
		}
		if len(sents) == 0 && para != -1 {
			t.Errorf("%s: empty %s side with paragraph %d, want -1", name, side, para)
		}
		return idx
	}
	for _, p := range pairs {
		if len(p.Source) == 0 && len(p.Target) == 0 {
			t.Fatalf("%s: empty pair", name)
		}
		out = append(out, goldBead{
			src: take("source", p.Source, src, srcOf, &i, p.SourceParagraph),
			tgt: take("target", p.Target, tgt, tgtOf, &j, p.TargetParagraph),
		})
	}
	if i != len(src) || j != len(tgt) {
		t.Fatalf("%s: pairs hold %d/%d source and %d/%d target sentences", name, i, len(src), j, len(tgt))
	}
	return out
}

// logMisses logs the gold beads not found and the beads found instead.
func logMisses(t *testing.T, pred, gold []goldBead, src, tgt []string) {
	t.Helper()
	found := map[string]bool{}
	for _, b := range pred {
		found[b.key()] = true
	}
	isGold := map[string]bool{}
	for _, b := range gold {
		isGold[b.key()] = true
		if !found[b.key()] {
			t.Logf("  missed %v %s", b, showBead(b, src, tgt))
		}
	}
	for _, b := range pred {
		if !isGold[b.key()] {
			t.Logf("  wrong  %v %s", b, showBead(b, src, tgt))
		}
	}
}

func showBead(b goldBead, src, tgt []string) string {
	var s, g []string
	for _, i := range b.src {
		s = append(s, short(src[i]))
	}
	for _, j := range b.tgt {
		g = append(g, short(tgt[j]))
	}
	return strings.Join(s, " + ") + " => " + strings.Join(g, " + ")
}

func short(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
