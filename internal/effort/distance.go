package effort

// charDistance returns the Levenshtein distance between a and b, counted in
// code points. After trimming the common prefix and suffix it runs the
// bit-parallel algorithm of Myers (1999) in 64-row blocks, so two texts of
// 10,000 characters take some 2 million word operations rather than 100
// million cell updates.
func charDistance(a, b []rune) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) < len(b) {
		a, b = b, a // b, the shorter, is the pattern down the columns
	}
	m := len(b)
	if m == 0 {
		return len(a)
	}
	blocks := (m + 63) / 64
	index := make(map[rune]int)
	var peq []uint64 // peq[k*blocks+j]: where rune k occurs in block j of b
	for i, r := range b {
		k, ok := index[r]
		if !ok {
			k = len(peq) / blocks
			index[r] = k
			peq = append(peq, make([]uint64, blocks)...)
		}
		peq[k*blocks+i/64] |= 1 << (i % 64)
	}
	none := make([]uint64, blocks)
	pv := make([]uint64, blocks) // vertical deltas +1
	mv := make([]uint64, blocks) // vertical deltas -1
	for j := range pv {
		pv[j] = ^uint64(0)
	}
	last := uint64(1) << ((m - 1) % 64)
	score := m
	for _, r := range a {
		eqs := none
		if k, ok := index[r]; ok {
			eqs = peq[k*blocks : (k+1)*blocks]
		}
		hin := 1 // the top row of a global distance grows by one per column
		for j := range blocks {
			high := uint64(1) << 63
			if j == blocks-1 {
				high = last
			}
			hin = advanceBlock(&pv[j], &mv[j], eqs[j], hin, high)
		}
		score += hin
	}
	return score
}

// advanceBlock moves one 64-row block of Myers' algorithm a column on, given
// the horizontal delta hin entering at its top, and returns the delta leaving
// at row high.
func advanceBlock(pv, mv *uint64, eq uint64, hin int, high uint64) int {
	p, m := *pv, *mv
	xv := eq | m
	if hin < 0 {
		eq |= 1
	}
	xh := (((eq & p) + p) ^ p) | eq
	ph := m | ^(xh | p)
	mh := p & xh
	hout := 0
	if ph&high != 0 {
		hout = 1
	} else if mh&high != 0 {
		hout = -1
	}
	ph <<= 1
	mh <<= 1
	if hin < 0 {
		mh |= 1
	} else if hin > 0 {
		ph |= 1
	}
	*pv = mh | ^(xv | ph)
	*mv = ph & xv
	return hout
}

// edits counts the word edits of one alignment.
type edits struct{ ins, del, sub int32 }

func (e edits) total() int32 { return e.ins + e.del + e.sub }

// wordEdits returns the fewest insertions, deletions and substitutions that
// turn hyp into ref (an insertion adds a word of ref, a deletion drops a word
// of hyp). Of equally short alignments it prefers, walking both texts from
// the start, a match or substitution, then a deletion, then an insertion, as
// tercom does. It keeps two rows only, so long texts cost no memory.
func wordEdits(hyp, ref []int32) edits {
	prev := make([]edits, len(ref)+1)
	cur := make([]edits, len(ref)+1)
	for j := range prev {
		prev[j] = edits{ins: int32(j)}
	}
	for i := range hyp {
		cur[0] = edits{del: int32(i + 1)}
		for j := range ref {
			cur[j+1] = best(prev[j], hyp[i] != ref[j], prev[j+1], cur[j])
		}
		prev, cur = cur, prev
	}
	return prev[len(ref)]
}

// best chooses the cheapest way into a cell: from diag (a match, or a
// substitution if differ), from up (deleting the hyp word) or from left
// (inserting the ref word), preferring them in that order on a tie.
func best(diag edits, differ bool, up, left edits) edits {
	if differ {
		diag.sub++
	}
	up.del++
	left.ins++
	e := diag
	if up.total() < e.total() {
		e = up
	}
	if left.total() < e.total() {
		e = left
	}
	return e
}
