package segment

import (
	"slices"
	"unicode/utf8"

	"copydesk/internal/tags"

	"github.com/rivo/uniseg"
)

// view is a paragraph seen without its inline tag tokens, so that the words
// on either side of a boundary are judged as the reader sees them.
type view struct {
	para   string
	text   string       // para without its tokens
	orig   []int        // orig[k] is the offset in para of text[k]
	tokens []tags.Token // the tokens of para, in order
	depth  []int        // depth[n]: pairs open after tokens[:n] (tags.Depths)
}

func newView(para string) *view {
	v := &view{para: para, text: para, tokens: tags.Scan(para)}
	if len(v.tokens) == 0 {
		return v
	}
	text := make([]byte, 0, len(para))
	v.orig = make([]int, 0, len(para))
	last := 0
	for _, t := range append(v.tokens, tags.Token{Start: len(para), End: len(para)}) {
		for k := last; k < t.Start; k++ {
			text = append(text, para[k])
			v.orig = append(v.orig, k)
		}
		last = t.End
	}
	v.text = string(text)
	v.depth = tags.Depths(v.tokens)
	return v
}

// site is a run of sentence terminators in view.text: text[i:termEnd].
type site struct{ i, termEnd int }

// sites returns the candidate boundaries of the view's text in order: the
// terminator runs that end a UAX #29 sentence, and those that UAX #29 does
// not end a sentence with but the language rules may (an ellipsis before a
// capital, a full stop before a number: "in 2019. 2020 was worse", a CJK full
// stop). Boundaries of UAX #29 without a terminator before them (at a line
// break) are dropped.
func (v *view) sites() []site {
	var out []site
	seen := map[int]bool{}
	for _, b := range uaxBoundaries(v.text) {
		if s, ok := terminatorBefore(v.text, b); ok && !seen[s.i] {
			seen[s.i] = true
			out = append(out, s)
		}
	}
	for i := 0; i < len(v.text); {
		c, size := utf8.DecodeRuneInString(v.text[i:])
		if !isTerminator(c) && !isCJKTerminator(c) {
			i += size
			continue
		}
		j := skipTerminators(v.text, i)
		if !seen[i] {
			seen[i] = true
			out = append(out, site{i, j})
		}
		i = j
	}
	slices.SortFunc(out, func(a, b site) int { return a.i - b.i })
	return out
}

// uaxBoundaries returns the offsets inside text where UAX #29 starts a new
// sentence.
func uaxBoundaries(text string) []int {
	var out []int
	state, pos := -1, 0
	for rest := text; rest != ""; {
		var s string
		s, rest, state = uniseg.FirstSentenceInString(rest, state)
		pos += len(s)
		if rest != "" {
			out = append(out, pos)
		}
	}
	return out
}

// terminatorBefore finds the terminator run that a UAX #29 boundary at b
// follows, back over white space and closing marks. Besides . ! ? … and the
// CJK full stops it accepts any other punctuation that UAX #29 took for a
// terminator (։ ። ۔), which is not an opening, closing or joining mark,
// unless a line break explains the boundary.
func terminatorBefore(text string, b int) (site, bool) {
	j, lineBreak := b, false
	for j > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:j])
		if !isSpace(c) {
			break
		}
		lineBreak = lineBreak || isLineBreak(c)
		j -= size
	}
	for j > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:j])
		if !isCloser(c) {
			break
		}
		j -= size
	}
	end := j
	for j > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:j])
		if !isTerminator(c) && !isCJKTerminator(c) && (lineBreak || !isOtherTerminator(c)) {
			break
		}
		j -= size
	}
	return site{j, end}, j < end
}

// cutAfter maps the end of a sentence in the view's text (after its
// terminators and closing marks) to the paragraph. Closing tokens (and
// stand-alone ones with no space before them) that follow go with the
// sentence; opening tokens go with the next one. It reports false when a pair
// of tokens is still open there: a sentence does not end inside one.
func (v *view) cutAfter(end int) (int, bool) {
	if v.orig == nil {
		return end, true
	}
	if end == 0 {
		return 0, true
	}
	at := v.orig[end-1] + 1
	next, _ := slices.BinarySearchFunc(v.tokens, at, func(t tags.Token, at int) int { return t.Start - at })
	spaced := false
	for k := at; next < len(v.tokens) && k < len(v.para); {
		t := v.tokens[next]
		if t.Start == k {
			if t.Form == tags.Open || (t.Form == tags.Empty && spaced) {
				break
			}
			k, at = t.End, t.End
			next++
			continue
		}
		c, size := utf8.DecodeRuneInString(v.para[k:])
		if !isSpace(c) {
			break
		}
		spaced = true
		k += size
	}
	return at, v.depth[next] == 0 // the pairs open at the cut
}
