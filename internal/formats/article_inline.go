package formats

import (
	"errors"
	"strings"

	"copydesk/internal/tags"
)

// articleMaxTags is the highest tag number a block may use.
const articleMaxTags = 999

// errArticleTags is returned for a block with more inline markup than tag
// numbers.
var errArticleTags = errors.New("a block has more than 999 pieces of inline markup")

// inlineItem is a piece of a block being built: literal text, or a token of
// the tag table[tag].
type inlineItem struct {
	text string
	tok  bool
	tag  int
	form tags.Form
}

// inlineBuilder turns inline content into a block's text and tag table.
// Literal text that reads like a token becomes a tag of kind text. finish
// collapses white space as a browser does and moves spaces out of the edges
// of pairs, so that "<b> a </b>" and "**a**" read alike.
type inlineBuilder struct {
	items   []inlineItem
	table   []tags.Tag
	open    []int // indexes in table of the open pairs
	pending strings.Builder
}

// text appends literal text.
func (l *inlineBuilder) text(s string) { l.pending.WriteString(s) }

// depth returns how many pairs are open.
func (l *inlineBuilder) depth() int { return len(l.open) }

// openPair opens a pair for t.
func (l *inlineBuilder) openPair(t tags.Tag) {
	l.flush()
	l.table = append(l.table, t)
	l.open = append(l.open, len(l.table)-1)
	l.items = append(l.items, inlineItem{tok: true, tag: len(l.table) - 1, form: tags.Open})
}

// closePair closes the innermost open pair.
func (l *inlineBuilder) closePair() {
	if len(l.open) == 0 {
		return
	}
	l.flush()
	i := l.open[len(l.open)-1]
	l.open = l.open[:len(l.open)-1]
	l.items = append(l.items, inlineItem{tok: true, tag: i, form: tags.Close})
}

// empty appends a standalone tag.
func (l *inlineBuilder) empty(t tags.Tag) {
	l.flush()
	l.table = append(l.table, t)
	l.items = append(l.items, inlineItem{tok: true, tag: len(l.table) - 1, form: tags.Empty})
}

// flush moves pending literal text to items.
func (l *inlineBuilder) flush() {
	if l.pending.Len() > 0 {
		l.items = append(l.items, inlineItem{text: l.pending.String()})
		l.pending.Reset()
	}
}

// literals merges adjacent text and turns what reads like a token in it
// into a tag of kind text. It runs last, since dropping tags and spaces
// can join "{1" and "}".
func (l *inlineBuilder) literals(items []inlineItem) []inlineItem {
	out := make([]inlineItem, 0, len(items))
	var run strings.Builder
	end := func() {
		s := run.String()
		run.Reset()
		last := 0
		for _, t := range tags.Scan(s) {
			if t.Start > last {
				out = append(out, inlineItem{text: s[last:t.Start]})
			}
			l.table = append(l.table, tags.Tag{Kind: tags.Text, Text: s[t.Start:t.End]})
			out = append(out, inlineItem{tok: true, tag: len(l.table) - 1, form: tags.Empty})
			last = t.End
		}
		if last < len(s) {
			out = append(out, inlineItem{text: s[last:]})
		}
	}
	for _, it := range items {
		if it.tok {
			end()
			out = append(out, it)
		} else {
			run.WriteString(it.text)
		}
	}
	end()
	return out
}

// finish closes what is open and returns the block's text and table, tags
// numbered in order of appearance.
func (l *inlineBuilder) finish() (string, []tags.Tag, error) {
	for len(l.open) > 0 {
		l.closePair()
	}
	l.flush()
	items := inlineDropEmpty(l.items, l.table)
	items = inlineMoveSpaces(items)
	items = inlineCollapse(items, l.table)
	items = inlineDropEmpty(items, l.table) // pairs that held only a dropped break
	items = l.literals(items)
	var b strings.Builder
	var table []tags.Tag
	ids := map[int]int{}
	for _, it := range items {
		if !it.tok {
			b.WriteString(it.text)
			continue
		}
		id, ok := ids[it.tag]
		if !ok {
			id = len(table) + 1
			if id > articleMaxTags {
				return "", nil, errArticleTags
			}
			ids[it.tag] = id
			t := l.table[it.tag]
			t.ID = id
			table = append(table, t)
		}
		b.WriteString(tags.Format(id, it.form))
	}
	return b.String(), table, nil
}

// inlineSpace reports whether c is HTML white space.
func inlineSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// inlineBlank reports whether s is only HTML white space.
func inlineBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !inlineSpace(s[i]) {
			return false
		}
	}
	return true
}

// inlineDropEmpty removes the tokens of pairs that hold only white space,
// inner empty pairs first.
func inlineDropEmpty(items []inlineItem, table []tags.Tag) []inlineItem {
	out := make([]inlineItem, 0, len(items))
	var opens []int // indexes in out
	for _, it := range items {
		switch {
		case it.tok && it.form == tags.Open:
			opens = append(opens, len(out))
		case it.tok && it.form == tags.Close:
			o := opens[len(opens)-1]
			opens = opens[:len(opens)-1]
			empty := true
			for _, x := range out[o+1:] {
				empty = empty && !x.tok && inlineBlank(x.text)
			}
			if empty {
				out = append(out[:o], out[o+1:]...)
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// inlineMoveSpaces moves white space at the start of a pair before its
// opening token, and at its end after its closing token.
func inlineMoveSpaces(items []inlineItem) []inlineItem {
	for i := len(items) - 1; i >= 0; i-- {
		if it := items[i]; it.tok && it.form == tags.Open && i+1 < len(items) && !items[i+1].tok {
			t := items[i+1].text
			k := 0
			for k < len(t) && inlineSpace(t[k]) {
				k++
			}
			if k > 0 {
				items[i+1].text = t[k:]
				items = append(items[:i], append([]inlineItem{{text: t[:k]}}, items[i:]...)...)
			}
		}
	}
	for i := 0; i < len(items); i++ {
		if it := items[i]; it.tok && it.form == tags.Close && i > 0 && !items[i-1].tok {
			t := items[i-1].text
			k := len(t)
			for k > 0 && inlineSpace(t[k-1]) {
				k--
			}
			if k < len(t) {
				items[i-1].text = t[:k]
				items = append(items[:i+1], append([]inlineItem{{text: t[k:]}}, items[i+1:]...)...)
			}
		}
	}
	return items
}

// inlineCollapse turns each run of white space into one space, drops it at
// the edges of the block and around line breaks, and drops line breaks with
// nothing visible before or after them.
func inlineCollapse(items []inlineItem, table []tags.Tag) []inlineItem {
	out := make([]inlineItem, 0, len(items))
	space := true    // the last thing written was a space or a break (or nothing)
	content := false // something visible was written
	trimLast := func() {
		for j := len(out) - 1; j >= 0; j-- {
			if out[j].tok {
				if out[j].form != tags.Close {
					return
				}
				continue
			}
			out[j].text = strings.TrimRight(out[j].text, " ")
			if out[j].text != "" {
				return
			}
		}
	}
	for _, it := range items {
		if it.tok {
			kind := table[it.tag].Kind
			if kind == tags.Break {
				if !content {
					continue
				}
				trimLast()
				space = true
			} else if it.form == tags.Empty {
				space, content = false, true
			}
			out = append(out, it)
			continue
		}
		var b strings.Builder
		for i := 0; i < len(it.text); i++ {
			c := it.text[i]
			if inlineSpace(c) {
				if !space {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			b.WriteByte(c)
			space, content = false, true
		}
		if b.Len() > 0 {
			out = append(out, inlineItem{text: b.String()})
		}
	}
	trimLast()
	// Drop trailing breaks: those followed by nothing visible.
	for j := len(out) - 1; j >= 0; j-- {
		if !out[j].tok {
			if out[j].text != "" {
				break
			}
			continue
		}
		if kind := table[out[j].tag].Kind; kind == tags.Break {
			out = append(out[:j], out[j+1:]...)
			trimLast()
		} else if out[j].form != tags.Close {
			break
		}
	}
	return out
}
