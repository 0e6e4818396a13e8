package qa

import (
	"strings"
	"unicode/utf8"
)

// contMayMarkup reports whether t may hold a tag or placeholder.
func contMayMarkup(t string) bool {
	if strings.IndexByte(t, '<') >= 0 || strings.IndexByte(t, '{') >= 0 {
		return true
	}
	for i := strings.IndexByte(t, '%'); i >= 0 && i+1 < len(t); {
		if strings.IndexByte("sdifuxXeEgGcp@(0123456789-+#.", t[i+1]) >= 0 {
			return true
		}
		k := strings.IndexByte(t[i+1:], '%')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return false
}

// contItem is a tag or placeholder of a text.
type contItem struct {
	s, e   int
	name   string // tag name, or the placeholder itself
	attrs  string // the attribute text of a tag
	tag    bool
	close  bool // </b>
	self   bool // <br/>, or a void element such as <br>
	broken bool // lacks its '>'
	used   bool
}

// contVoid lists HTML elements that have no closing tag.
var contVoid = abbrev("area base br col embed hr img input link meta param source track wbr")

// contTagAt reads the tag that starts at t[i] == '<'; ok is false when the
// text there is not a tag ("a < b", "<3").
func contTagAt(t string, i int) (it contItem, ok bool) {
	j := i + 1
	if j < len(t) && t[j] == '/' {
		it.close, j = true, j+1
	}
	k := j
	for k < len(t) && (contIsAlnum(t[k]) || k > j && strings.IndexByte(":_-.", t[k]) >= 0) {
		k++
	}
	if k == j || t[j] >= '0' && t[j] <= '9' || k < len(t) && strings.IndexByte(" \t\n/>", t[k]) < 0 {
		return it, false
	}
	it.s, it.name, it.tag = i, t[j:k], true
	quote := byte(0)
	for e := k; e < len(t); e++ {
		switch c := t[e]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			it.e, it.attrs = e+1, t[k:e]
			if strings.HasSuffix(it.attrs, "/") {
				it.self, it.attrs = true, it.attrs[:len(it.attrs)-1]
			}
			it.self = it.self || contInSet(contVoid, it.name)
			return it, true
		case c == '<' || c == '\n':
			it.e, it.broken = k, true
			return it, true
		}
	}
	it.e, it.broken = k, true
	return it, true
}

// contPlaceholderEnd returns the end of the placeholder at t[i], or -1.
func contPlaceholderEnd(t string, i int) int {
	if t[i] == '{' {
		if strings.HasPrefix(t[i:], "{{") {
			if e := strings.Index(contWindow(t, i+2, 44), "}}"); e > 0 && contPHName(strings.TrimSpace(t[i+2:i+2+e])) {
				return i + 2 + e + 2
			}
			return -1
		}
		if e := strings.IndexByte(contWindow(t, i+1, 31), '}'); e > 0 && contPHName(contInlineTag(t[i+1:i+1+e])) {
			return i + e + 2
		}
		return -1
	}
	j := i + 1 // %
	if j < len(t) && t[j] == '(' {
		k := strings.IndexByte(contWindow(t, j, 32), ')')
		if k < 2 || k > 30 || !contPHName(t[j+1:j+k]) {
			return -1
		}
		j += k + 1
	} else {
		k := j
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k > j && k < len(t) && t[k] == '$' {
			j = k + 1
		}
	}
	for j < len(t) && strings.IndexByte("-+#0123456789.", t[j]) >= 0 {
		j++
	}
	if j >= len(t) || strings.IndexByte("sdifuxXeEgGcp@", t[j]) < 0 ||
		j+1 < len(t) && (contIsAlnum(t[j+1]) || t[j+1] >= utf8.RuneSelf) {
		return -1
	}
	return j + 1
}

// contInlineTag returns the number of an article's inline tag token ("/1"
// of {/1}, "2/" of {2/}; see package tags) so that it counts as a
// placeholder; any other name is returned as it is.
func contInlineTag(name string) string {
	n := strings.TrimSuffix(strings.TrimPrefix(name, "/"), "/")
	if len(n) == len(name)-1 && n != "" && n[0] >= '1' && n[0] <= '9' && strings.Trim(n, "0123456789") == "" {
		return n
	}
	return name
}

// contWindow returns at most n bytes of t from i.
func contWindow(t string, i, n int) string { return t[i:min(len(t), i+n)] }

// contPHName reports whether s may name a placeholder: {0}, {name}, {0,number}.
func contPHName(s string) bool {
	if s == "" || !(contIsAlnum(s[0]) || s[0] == '_') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !contIsAlnum(s[i]) && strings.IndexByte("_.:,#", s[i]) < 0 {
			return false
		}
	}
	return true
}

// contNextMarkup returns the span of the first tag or placeholder at or after
// t[from:], or -1, -1.
func contNextMarkup(t string, from int) (int, int) {
	it, ok := contNextItem(t, from)
	if !ok {
		return -1, -1
	}
	return it.s, it.e
}

func contNextItem(t string, from int) (contItem, bool) {
	for i := from; i < len(t); i++ {
		switch t[i] {
		case '<':
			if it, ok := contTagAt(t, i); ok {
				return it, true
			}
		case '{', '%':
			if e := contPlaceholderEnd(t, i); e > 0 {
				return contItem{s: i, e: e, name: t[i:e]}, true
			}
		}
	}
	return contItem{}, false
}

// contTagSpans gathers the tags of t.
func contTagSpans(t string, spans [][2]int) [][2]int {
	for i := strings.IndexByte(t, '<'); i >= 0 && i < len(t); {
		if it, ok := contTagAt(t, i); ok && it.e > i {
			spans, i = append(spans, [2]int{it.s, it.e}), it.e
			continue
		}
		i++
	}
	return spans
}

// contTranslatable lists attributes whose values are translated.
var contTranslatable = abbrev("alt title aria-label placeholder label")

// contAttrs reads the attributes of a tag that must not change.
func contAttrs(text string, buf *[8][2]string) [][2]string {
	attrs := buf[:0]
	for i := 0; i < len(text) && len(attrs) < len(buf); {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
			i++
		}
		k := i
		for k < len(text) && strings.IndexByte(" \t\n=", text[k]) < 0 {
			k++
		}
		if k == i {
			i++
			continue
		}
		name, val := text[i:k], ""
		i = k
		if i < len(text) && text[i] == '=' {
			i++
			if i < len(text) && (text[i] == '"' || text[i] == '\'') {
				e := strings.IndexByte(text[i+1:], text[i])
				if e < 0 {
					e = len(text) - i - 1
				}
				val, i = text[i+1:i+1+e], i+e+2
			} else {
				e := i
				for e < len(text) && text[e] != ' ' {
					e++
				}
				val, i = text[i:e], e
			}
		}
		if !contInSet(contTranslatable, name) {
			attrs = append(attrs, [2]string{strings.ToLower(name), val})
		}
	}
	return attrs
}

// contSameItem compares two tags or two placeholders.
func contSameItem(a, b *contItem) bool {
	if a.tag != b.tag || a.broken || b.broken {
		return false
	}
	if !a.tag {
		return a.name == b.name || strings.HasPrefix(a.name, "{{") && contNoSpace(a.name) == contNoSpace(b.name)
	}
	if a.close != b.close || a.self != b.self || !strings.EqualFold(a.name, b.name) {
		return false
	}
	if a.attrs == b.attrs {
		return true
	}
	var ab, bb [8][2]string
	x, y := contAttrs(a.attrs, &ab), contAttrs(b.attrs, &bb)
	if len(x) != len(y) {
		return false
	}
	for _, p := range x {
		found := false
		for _, q := range y {
			found = found || p == q
		}
		if !found {
			return false
		}
	}
	return true
}

func contNoSpace(s string) string { return strings.ReplaceAll(s, " ", "") }

// contItems gathers the tags and placeholders of t.
func contItems(t string, items []contItem) []contItem {
	for i := 0; len(items) < contMaxCandidates; {
		it, ok := contNextItem(t, i)
		if !ok {
			return items
		}
		items, i = append(items, it), max(it.e, it.s+1)
	}
	return items
}

// contNestingBad returns the index of the first tag that breaks the nesting
// of items, or -1; unclosed tags count when closed is set.
func contNestingBad(items []contItem, closed bool) int {
	var sb [16]int
	stack := sb[:0]
	for i := range items {
		it := &items[i]
		switch {
		case !it.tag || it.self:
		case !it.close:
			stack = append(stack, i)
		case len(stack) > 0 && strings.EqualFold(items[stack[len(stack)-1]].name, it.name):
			stack = stack[:len(stack)-1]
		default:
			return i
		}
	}
	if closed && len(stack) > 0 {
		return stack[0]
	}
	return -1
}

func contMarkup(s *Segment) []Issue {
	if !s.HasSource || !contMayMarkup(s.Source) && !contMayMarkup(s.Target) {
		return nil
	}
	var sb, tb [16]contItem
	src, tgt := contItems(s.Source, sb[:0]), contItems(s.Target, tb[:0])
	if len(src) == 0 && len(tgt) == 0 {
		return nil
	}
	var out []Issue
	add := func(is Issue) { out = append(out, is) }
	for i := range src {
		src[i].used = src[i].broken // "x <y" in the source is text
		for j := range tgt {
			if !tgt[j].used && contSameItem(&src[i], &tgt[j]) {
				src[i].used, tgt[j].used = true, true
				break
			}
		}
	}
	for i := range src { // changed or broken on the target side
		a := &src[i]
		for j := range tgt {
			b := &tgt[j]
			if a.used || b.used || a.tag != b.tag || a.tag && (a.close != b.close || !strings.EqualFold(a.name, b.name)) ||
				!a.tag && a.name[0] != b.name[0] {
				continue
			}
			a.used, b.used = true, true
			is := issue("markup-mismatch", Error, b.s, b.e, "tag", s.Source[a.s:a.e], "kind", "changed")
			switch {
			case b.broken:
				is.Args["kind"] = "broken"
			case strings.Contains(a.attrs, "alt=") || strings.Contains(a.attrs, "title=") ||
				strings.Contains(a.attrs, "label=") || strings.Contains(a.attrs, "placeholder="):
				// translated attributes: the source's tag is no fix
			default:
				is = withFix(is, s.Source[a.s:a.e])
			}
			add(is)
		}
	}
	for i := range src {
		if !src[i].used {
			end := len(s.Target)
			add(issue("markup-mismatch", Error, end, end, "tag", s.Source[src[i].s:src[i].e], "kind", "missing"))
		}
	}
	for j := range tgt {
		b := &tgt[j]
		if !b.used && !(b.broken && !contHasTagNamed(src, b.name)) {
			kind := "extra"
			if b.broken {
				kind = "broken"
			}
			add(issue("markup-mismatch", Error, b.s, b.e, "tag", s.Target[b.s:b.e], "kind", kind))
		}
	}
	if len(out) == 0 && contNestingBad(src, true) < 0 {
		if j := contNestingBad(tgt, true); j >= 0 {
			b := &tgt[j]
			add(issue("markup-mismatch", Error, b.s, b.e, "tag", s.Target[b.s:b.e], "kind", "broken"))
		}
	}
	return out
}

func contHasTagNamed(items []contItem, name string) bool {
	for i := range items {
		if items[i].tag && !items[i].broken && strings.EqualFold(items[i].name, name) {
			return true
		}
	}
	return false
}
