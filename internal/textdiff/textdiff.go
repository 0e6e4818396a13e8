// Package textdiff computes word-level differences between two versions of a
// segment's text, so that a reviewer can see what changed between the machine
// translation and the current text, or between two revisions.
//
// Text is cut into tokens (words, runs of whitespace, single punctuation marks
// and symbols, single Han and Kana characters), the longest common subsequence
// of the two token lists is found, and the result is tidied into a short list
// of operations. Concatenating the Text of the Equal and Delete operations
// gives the old text exactly; Equal and Insert give the new text exactly.
package textdiff

import "fmt"

// Kind says what an Op does.
type Kind int

// The kinds of operation.
const (
	Equal  Kind = iota // text present in both versions
	Insert             // text present only in the new version
	Delete             // text present only in the old version
)

var kindNames = [...]string{Equal: "equal", Insert: "insert", Delete: "delete"}

// String returns "equal", "insert" or "delete".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// MarshalText encodes k as its name, so JSON carries "insert" rather than 1.
func (k Kind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(kindNames) {
		return nil, fmt.Errorf("textdiff: invalid kind %d", int(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a name written by MarshalText.
func (k *Kind) UnmarshalText(text []byte) error {
	for i, name := range kindNames {
		if string(text) == name {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("textdiff: unknown kind %q", text)
}

// Op is one piece of a diff. Text is never empty.
type Op struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
}

// Words returns the operations that turn a into b, at word granularity.
//
// Adjacent operations never share a kind, and at each change the Delete comes
// before the Insert. A whitespace-only Equal between two changes is folded
// into them, so "the old cat" → "a new dog" is one Delete and one Insert;
// it is kept when both changes are pure insertions (or both pure deletions),
// since folding would then show untouched space as removed (or added).
// Two empty strings give an empty, non-nil slice.
func Words(a, b string) []Op {
	ta, tb := tokenize(a), tokenize(b)
	ids := make(map[string]int32)
	x, y := intern(ids, a, ta), intern(ids, b, tb)
	spans := fold(diff(x, y), a, ta)

	ops := make([]Op, 0, len(spans)+1)
	for _, s := range spans {
		switch {
		case s.eq:
			ops = append(ops, Op{Equal, a[ta[s.a0]:ta[s.a1]]})
		default:
			if s.deletes() {
				ops = append(ops, Op{Delete, a[ta[s.a0]:ta[s.a1]]})
			}
			if s.inserts() {
				ops = append(ops, Op{Insert, b[tb[s.b0]:tb[s.b1]]})
			}
		}
	}
	return ops
}

// intern maps each token of s (cut at bounds) to a small integer shared by
// equal tokens, so that the diff compares integers rather than strings.
func intern(ids map[string]int32, s string, bounds []int) []int32 {
	out := make([]int32, len(bounds)-1)
	for k := range out {
		tok := s[bounds[k]:bounds[k+1]]
		id, ok := ids[tok]
		if !ok {
			id = int32(len(ids))
			ids[tok] = id
		}
		out[k] = id
	}
	return out
}
