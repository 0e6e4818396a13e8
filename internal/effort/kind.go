package effort

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/cases"

	"copydesk/internal/tags"
)

// The kinds of change that ChangeKind tells apart.
const (
	Unchanged   = "unchanged"
	Whitespace  = "whitespace"
	Casing      = "casing"
	Punctuation = "punctuation"
	Wording     = "wording"
)

// Kinds lists the kinds of change from the least to the most substantial.
var Kinds = []string{Unchanged, Whitespace, Casing, Punctuation, Wording}

// ChangeKind says what kind of change turned mt into final. Both lose their
// tag tokens first, then the first test that holds gives the kind:
//
//   - "unchanged": the texts are identical (tags moved or not);
//   - "whitespace": they are identical once every run of white space is made
//     one space and the ends are trimmed; no-break spaces (U+00A0, U+202F),
//     the other Unicode spaces and the zero-width spaces (U+200B, U+2060,
//     U+FEFF) count as white space;
//   - "casing": they are identical after that and Unicode full case folding
//     ("STRASSE" and "Straße" fold alike);
//   - "punctuation": they are identical after all that and the removal of
//     every punctuation mark, symbol and white space (so quotation marks,
//     dashes, "%" and "€" are punctuation here, and so is a space added or
//     dropped, as in "l' année" → "l'année" or "10 %" → "10%");
//   - "wording" otherwise.
//
// Nothing else is normalised: a text in composed and one in decomposed
// Unicode differ in wording.
func ChangeKind(mt, final string) string {
	return changeKind(tags.Strip(mt), tags.Strip(final))
}

// changeKind is ChangeKind of texts without tag tokens.
func changeKind(mt, final string) string {
	if mt == final {
		return Unchanged
	}
	mt, final = collapseSpace(mt), collapseSpace(final)
	if mt == final {
		return Whitespace
	}
	fold := cases.Fold()
	mt, final = fold.String(mt), fold.String(final)
	if mt == final {
		return Casing
	}
	if dropPunct(mt) == dropPunct(final) {
		return Punctuation
	}
	return Wording
}

// collapseSpace makes each run of white space one space and trims the ends.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// dropPunct removes punctuation, symbols and white space.
func dropPunct(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
}

// IssuesRemoved returns the ids of the QA issues that an edit removed, given
// the check ids of the issues found on the machine text (before) and on the
// final text (after). Both are multisets: a check that found three issues
// before and one after removed some, and its id is returned. Each id appears
// once; the result is sorted and never nil.
func IssuesRemoved(before, after []string) []string {
	left := make(map[string]int, len(before))
	for _, id := range before {
		left[id]++
	}
	for _, id := range after {
		left[id]--
	}
	out := []string{}
	for id, n := range left {
		if n > 0 {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
