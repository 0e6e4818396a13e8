package align

import "math"

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
	// opens is set on a sentence that opens a paragraph other than the
	// first of the units aligned together: no bead may hold it with the
	// unit before it, so that a bead never straddles two paragraphs.
	opens bool
}

// level holds the parameters of one alignment.
type level struct {
	c          float64 // mean target characters per source character
	moves      []move
	delCap     float64
	sameScript bool
	inner      *nested // when set, the cost of a bead of paragraphs is that of its sentences
}

// nested prices a bead of paragraphs by aligning their sentences: the cost
// of the best sentence alignment inside it. A paragraph that the translator
// dropped or added is then told from one merged into its neighbour by what
// its sentences would have to be paired with.
type nested struct {
	src, tgt [][]unit // the sentence units of each paragraph
	lv       level    // the sentence level
}

// cost returns the cost of the best alignment of the sentences of source
// paragraphs [i0, i1) with those of target paragraphs [j0, j1).
func (x *nested) cost(i0, i1, j0, j1 int) float64 {
	_, c := align(joinParagraphs(x.src[i0:i1]), joinParagraphs(x.tgt[j0:j1]), x.lv)
	return c
}

// joinParagraphs returns the sentence units of paras in order, the first
// unit of each paragraph after the first marked as opening it.
func joinParagraphs(paras [][]unit) []unit {
	if len(paras) == 1 {
		return paras[0]
	}
	var out []unit
	for k, p := range paras {
		start := len(out)
		out = append(out, p...)
		if k > 0 && len(p) > 0 {
			out[start].opens = true
		}
	}
	return out
}

// bead is one aligned group: source units [i0, i1) with target units [j0, j1).
type bead struct{ i0, i1, j0, j1 int }

// fullCells is the size of the largest table filled completely; larger ones
// are filled only in a band around the diagonal, which keeps time and memory
// linear in the longer side.
const fullCells = 1 << 22

// align finds the sequence of beads of least total cost that covers src and
// tgt, by dynamic programming over the table of prefixes: O(n·m) time, or
// O((n+m)·w) with the band of half-width w around the diagonal when the
// table is large. It returns the beads and their total cost.
func align(src, tgt []unit, lv level) ([]bead, float64) {
	n, m := len(src), len(tgt)
	w := max(n, m)
	if (n+1)*(m+1) > fullCells {
		w = max(200, (n+m)/20)
	}
	lo, hi := make([]int, n+1), make([]int, n+1)
	for i := range n + 1 {
		center := 0
		if n > 0 {
			center = i * m / n
		}
		lo[i], hi[i] = max(0, center-w), min(m, center+w)
	}
	return alignBand(src, tgt, lv, lo, hi)
}

// alignBand is align over the cells (i, j) with lo[i] ≤ j ≤ hi[i], which
// must hold (0, 0) and (n, m) and let a path of beads through. A bead of
// two units on one side is not considered when the second one opens a
// paragraph (unit.opens).
func alignBand(src, tgt []unit, lv level, lo, hi []int) ([]bead, float64) {
	n, m := len(src), len(tgt)
	if n == 0 || m == 0 {
		var out []bead
		total := 0.0
		for i := range n {
			out = append(out, bead{i, i + 1, 0, 0})
		}
		for j := range m {
			out = append(out, bead{0, 0, j, j + 1})
		}
		for _, b := range out {
			total += beadCost(src[b.i0:b.i1], tgt[b.j0:b.j1], move{b.i1 - b.i0, b.j1 - b.j0, 0}, lv, anchors{}, anchors{})
		}
		return out, total
	}
	cost, back := make([][]float64, n+1), make([][]int8, n+1)
	for i := range n + 1 {
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
				if i < mv.di || j < mv.dj || straddles(src, i, mv.di) || straddles(tgt, j, mv.dj) {
					continue
				}
				prev := at(i-mv.di, j-mv.dj)
				if math.IsInf(prev, 1) {
					continue
				}
				var c float64
				if lv.inner != nil && mv.di > 0 && mv.dj > 0 {
					c = prev + mv.prior + lv.inner.cost(i-mv.di, i, j-mv.dj, j)
				} else {
					c = prev + beadCost(src[i-mv.di:i], tgt[j-mv.dj:j], mv, lv, srcAnc[mv.di][i], tgtAnc[mv.dj][j])
				}
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
	return out, cost[n][m-lo[n]]
}

// pathBand returns the rows of a band of half-width k around the path of
// beads over an n×m table: row i spans the columns the path visits in rows
// i−k to i+k, widened by k on each side.
func pathBand(beads []bead, n, m, k int) (lo, hi []int) {
	lo, hi = make([]int, n+1), make([]int, n+1)
	for i := range lo {
		lo[i], hi[i] = m, 0
	}
	visit := func(i, j int) {
		for r := max(0, i-k); r <= min(n, i+k); r++ {
			lo[r], hi[r] = min(lo[r], max(0, j-k)), max(hi[r], min(m, j+k))
		}
	}
	visit(0, 0)
	for _, b := range beads {
		for i := b.i0; i <= b.i1; i++ {
			visit(i, b.j0)
			visit(i, b.j1)
		}
	}
	return lo, hi
}

// straddles reports whether the d units that end before index i of us cross
// the start of a paragraph.
func straddles(us []unit, i, d int) bool {
	for k := i - d + 1; k < i; k++ {
		if us[k].opens {
			return true
		}
	}
	return false
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
