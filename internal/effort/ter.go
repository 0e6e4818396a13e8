package effort

// Limits of the shift search of the word edit rate. The first three are
// tercom's (Snover et al. 2006) and sacrebleu's.
const (
	maxShiftLen   = 10         // words in a shifted block
	maxShiftDist  = 50         // words between a block and its place in the reference
	maxCandidates = 1000       // shifts tried, in all, for one pair of texts
	maxShiftWords = 500        // above this many words on either side, no shifts are tried
	shiftBudget   = 50_000_000 // cell updates the shift search may spend, roughly
)

// ter returns the edits that turn hyp into ref in the manner of TER: shifts
// found greedily, then insertions, deletions and substitutions.
//
// Each round finds the shift of a block of hyp that most lowers the word
// Levenshtein distance to ref and applies it if the distance drops; rounds end
// when no shift helps. A candidate block must equal ref at its destination,
// must hold a word that the current alignment gets wrong, must cover a word
// of ref that the alignment gets wrong, and must not already sit where ref
// aligns it. It is moved to just after a hyp word that is aligned to the ref
// words around its destination. Of shifts that lower the distance equally,
// the longest block wins, then the earliest block, then the earliest place.
//
// The safeguards: at most maxCandidates shifts are tried in all, fewer for
// longer texts so that the search stays within shiftBudget cell updates, and
// texts of more than maxShiftWords words get no shifts at all (their figure
// is the plain word Levenshtein distance, an upper bound of TER's). Unlike
// sacrebleu, the distances are exact rather than beam-limited, and when the
// candidate limit is reached in a round, the best shift found so far is still
// applied.
func ter(hyp, ref []int32) (e edits, shifts int) {
	n, m := len(hyp), len(ref)
	if n == 0 || m == 0 || n > maxShiftWords || m > maxShiftWords {
		return wordEdits(hyp, ref), 0
	}
	limit := min(maxCandidates, shiftBudget/(n*m))
	s := &shifter{ref: ref, at: make(map[int32][]int)}
	for j, w := range ref {
		s.at[w] = append(s.at[w], j)
	}
	for limit > 0 {
		next, tried := s.bestShift(hyp, limit)
		limit -= tried
		if next == nil {
			break
		}
		hyp = next
		shifts++
	}
	return wordEdits(hyp, ref), shifts
}

// shifter holds the reference and the working state of the shift search.
type shifter struct {
	ref []int32
	at  map[int32][]int // positions of each word in ref

	d              []int32 // (len(hyp)+1) × (len(ref)+1) distance matrix of hyp
	hypErr, refErr []bool  // words the alignment does not match
	align          []int   // align[j]: the hyp word ref word j is aligned to (or follows)
	buf            []int32 // a candidate shifted hyp
	prev, cur      []int32 // rows for candidate distances
}

// bestShift returns hyp with the best shift applied, or nil if no shift
// lowers the distance, having tried at most limit candidates; tried says how
// many it tried.
func (s *shifter) bestShift(hyp []int32, limit int) (next []int32, tried int) {
	n, m := len(hyp), len(s.ref)
	s.matrix(hyp)
	base := s.d[n*(m+1)+m]
	var bestGain int32
	var bestLen, bestStart, bestIdx int
	for sh := range n {
		for _, sr := range s.at[hyp[sh]] {
			if sr-sh > maxShiftDist || sh-sr > maxShiftDist {
				continue
			}
			for l := 1; l <= maxShiftLen && sh+l <= n && sr+l <= m && hyp[sh+l-1] == s.ref[sr+l-1]; l++ {
				if !anyTrue(s.hypErr[sh:sh+l]) || !anyTrue(s.refErr[sr:sr+l]) ||
					sh <= s.align[sr] && s.align[sr] < sh+l {
					continue
				}
				prevIdx := -1
				for r := sr - 1; r < sr+l; r++ {
					idx := 0 // before the first word
					if r >= 0 {
						idx = s.align[r] + 1
					}
					if idx == prevIdx || sh <= idx && idx <= sh+l {
						continue // tried already, or no move
					}
					prevIdx = idx
					gain := base - s.distance(hyp, sh, l, idx)
					tried++
					if gain > bestGain || gain == bestGain && gain > 0 &&
						(l > bestLen || l == bestLen && (sh < bestStart || sh == bestStart && idx < bestIdx)) {
						bestGain, bestLen, bestStart, bestIdx = gain, l, sh, idx
					}
					if tried >= limit {
						return s.result(hyp, bestGain, bestStart, bestLen, bestIdx), tried
					}
				}
			}
		}
	}
	return s.result(hyp, bestGain, bestStart, bestLen, bestIdx), tried
}

// result applies the chosen shift, if it helps.
func (s *shifter) result(hyp []int32, gain int32, start, l, idx int) []int32 {
	if gain <= 0 {
		return nil
	}
	return shift(make([]int32, 0, len(hyp)), hyp, start, l, idx)
}

// shift appends to dst the words of hyp with the block hyp[start:start+l]
// moved to stand just before hyp[idx] (idx outside the block).
func shift(dst, hyp []int32, start, l, idx int) []int32 {
	block := hyp[start : start+l]
	if idx < start {
		dst = append(dst, hyp[:idx]...)
		dst = append(dst, block...)
		dst = append(dst, hyp[idx:start]...)
		return append(dst, hyp[start+l:]...)
	}
	dst = append(dst, hyp[:start]...)
	dst = append(dst, hyp[start+l:idx]...)
	dst = append(dst, block...)
	return append(dst, hyp[idx:]...)
}

// matrix fills the distance matrix of hyp against ref and reads one
// alignment back from its end, preferring a match or substitution, then a
// deletion, then an insertion.
func (s *shifter) matrix(hyp []int32) {
	n, m := len(hyp), len(s.ref)
	w := m + 1
	s.d = grow(s.d, (n+1)*w)
	for j := 0; j <= m; j++ {
		s.d[j] = int32(j)
	}
	for i := 1; i <= n; i++ {
		row, up := s.d[i*w:(i+1)*w], s.d[(i-1)*w:i*w]
		fillRow(row, up, hyp[i-1], s.ref, int32(i))
	}
	s.hypErr = growBool(s.hypErr, n)
	s.refErr = growBool(s.refErr, m)
	clear(s.hypErr)
	clear(s.refErr)
	if cap(s.align) < m {
		s.align = make([]int, m)
	}
	s.align = s.align[:m]
	for i, j := n, m; i > 0 || j > 0; {
		here := s.d[i*w+j]
		switch {
		case i > 0 && j > 0 && s.d[(i-1)*w+j-1]+cost(hyp[i-1], s.ref[j-1]) == here:
			if hyp[i-1] != s.ref[j-1] {
				s.hypErr[i-1], s.refErr[j-1] = true, true
			}
			i, j = i-1, j-1
			s.align[j] = i
		case i > 0 && s.d[(i-1)*w+j]+1 == here:
			i--
			s.hypErr[i] = true
		default:
			j--
			s.refErr[j], s.align[j] = true, i-1
		}
	}
}

// distance returns the word Levenshtein distance to ref of hyp with a shift
// applied, reusing the rows of the matrix for the words before the shift.
func (s *shifter) distance(hyp []int32, start, l, idx int) int32 {
	m := len(s.ref)
	s.buf = shift(s.buf[:0], hyp, start, l, idx)
	from := min(start, idx)
	s.prev = grow(s.prev, m+1)
	s.cur = grow(s.cur, m+1)
	copy(s.prev, s.d[from*(m+1):(from+1)*(m+1)])
	for i := from; i < len(s.buf); i++ {
		fillRow(s.cur, s.prev, s.buf[i], s.ref, int32(i+1))
		s.prev, s.cur = s.cur, s.prev
	}
	return s.prev[m]
}

// fillRow computes the distance row of a hyp prefix ending in word w, whose
// length is i, from the row of the prefix one word shorter.
func fillRow(row, up []int32, w int32, ref []int32, i int32) {
	row[0] = i
	for j, r := range ref {
		v := up[j] + cost(w, r)
		if u := up[j+1] + 1; u < v {
			v = u
		}
		if l := row[j] + 1; l < v {
			v = l
		}
		row[j+1] = v
	}
}

func cost(a, b int32) int32 {
	if a == b {
		return 0
	}
	return 1
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	return s[:n]
}
