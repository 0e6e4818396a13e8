package textdiff

import "unicode"

// maxCells bounds the longest-common-subsequence table, in cells, after the
// common prefix and suffix are trimmed. Above it the differing middles are
// reported as one Delete and one Insert. It also keeps every table entry
// below min(n, m) ≤ 2000, which is why the table holds uint16.
const maxCells = 4_000_000

// span is a run of tokens: a[a0:a1] and b[b0:b1]. An equal span has the same
// tokens on both sides; a change span replaces a[a0:a1] with b[b0:b1], either
// side possibly empty.
type span struct {
	eq     bool
	a0, a1 int
	b0, b1 int
}

func (s span) deletes() bool { return s.a0 < s.a1 }
func (s span) inserts() bool { return s.b0 < s.b1 }

// push appends s, which must start where the last span ends, merging it into
// the last span when both are equal or both are changes.
func push(spans []span, s span) []span {
	if n := len(spans); n > 0 && spans[n-1].eq == s.eq {
		spans[n-1].a1, spans[n-1].b1 = s.a1, s.b1
		return spans
	}
	return append(spans, s)
}

// diff returns the spans that turn token list x into y, alternating between
// equal and change spans.
func diff(x, y []int32) []span {
	n, m := len(x), len(y)
	pre := 0
	for pre < n && pre < m && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && x[n-1-suf] == y[m-1-suf] {
		suf++
	}
	var spans []span
	if pre > 0 {
		spans = push(spans, span{true, 0, pre, 0, pre})
	}
	spans = middle(spans, x[pre:n-suf], y[pre:m-suf], pre, pre)
	if suf > 0 {
		spans = push(spans, span{true, n - suf, n, m - suf, m})
	}
	return spans
}

// middle appends the spans that turn x into y, which start at token offsets
// ao and bo of the whole texts, using a longest-common-subsequence table.
func middle(spans []span, x, y []int32, ao, bo int) []span {
	n, m := len(x), len(y)
	if n == 0 && m == 0 {
		return spans
	}
	if n == 0 || m == 0 || n > maxCells/m {
		return push(spans, span{false, ao, ao + n, bo, bo + m})
	}

	// lcs[i*w+j] is the length of the longest common subsequence of x[i:], y[j:].
	w := m + 1
	lcs := make([]uint16, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		row, below := lcs[i*w:i*w+w], lcs[(i+1)*w:(i+1)*w+w]
		for j := m - 1; j >= 0; j-- {
			switch {
			case x[i] == y[j]:
				row[j] = below[j+1] + 1
			case below[j] >= row[j+1]:
				row[j] = below[j]
			default:
				row[j] = row[j+1]
			}
		}
	}

	for i, j := 0, 0; i < n || j < m; {
		a, b := ao+i, bo+j
		switch {
		case i < n && j < m && x[i] == y[j]:
			spans = push(spans, span{true, a, a + 1, b, b + 1})
			i, j = i+1, j+1
		case j == m || i < n && lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			spans = push(spans, span{false, a, a + 1, b, b})
			i++
		default:
			spans = push(spans, span{false, a, a, b, b + 1})
			j++
		}
	}
	return spans
}

// fold merges each whitespace-only equal span that sits between two change
// spans into them, unless both are pure insertions or both pure deletions.
// a and bounds give the text of the spans' tokens.
func fold(spans []span, a string, bounds []int) []span {
	out := spans[:0]
	for _, s := range spans {
		// A merged span may in turn fold with the change before it.
		for k := len(out); !s.eq && k >= 2; k = len(out) {
			left, gap := out[k-2], out[k-1]
			if !gap.eq || left.eq || !isSpace(a[bounds[gap.a0]:bounds[gap.a1]]) || sameSided(left, s) {
				break
			}
			s = span{false, left.a0, s.a1, left.b0, s.b1}
			out = out[:k-2]
		}
		out = append(out, s)
	}
	return out
}

// sameSided reports whether change spans s and t both only insert or both
// only delete.
func sameSided(s, t span) bool {
	return !s.deletes() && !t.deletes() || !s.inserts() && !t.inserts()
}

// isSpace reports whether s is non-empty and all whitespace.
func isSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return s != ""
}
