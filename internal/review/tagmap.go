package review

import (
	"strings"

	"copydesk/internal/formats"
	"copydesk/internal/tags"
)

// tagMaps renumbers the inline tags of a translation's blocks into the numbers
// of the source block each is aligned with, so that a segment's source and
// target share one table: a bold of the translation becomes the source's bold,
// a link its link (the same address first). A tag the source block lacks gets a
// new number after the source's, kept in extra. The table takes the
// translation's attributes (its link addresses, its image text) where it has
// them, since the exports write the translation: over holds them.
type tagMaps struct {
	src, tgt []formats.Block
	extra    map[int][]tags.Tag
	over     map[int]map[int]tags.Tag // source block → id → the translation's tag
	ids      map[[2]int]map[int]int   // (source block, target block) → target id → id
}

// entry returns the table entry for id in source block b: the translation's
// tag where one was matched with it, else the source's.
func (m *tagMaps) entry(b int, t tags.Tag) tags.Tag {
	if o, ok := m.over[b][t.ID]; ok {
		return o
	}
	return t
}

// table returns the tag table of source block b.
func (m *tagMaps) table(b int) []tags.Tag {
	if b < 0 || b >= len(m.src) {
		return nil
	}
	return m.src[b].Tags
}

// target rewrites the tokens of text, taken from target block j, into the
// numbers of source block b.
func (m *tagMaps) target(b, j int, text string) string {
	toks := tags.Scan(text)
	if len(toks) == 0 || b < 0 || j < 0 || j >= len(m.tgt) {
		return text
	}
	ids := m.mapping(b, j)
	var out strings.Builder
	last := 0
	for _, t := range toks {
		out.WriteString(text[last:t.Start])
		id, ok := ids[t.ID]
		if !ok {
			id = t.ID
		}
		out.WriteString(tags.Format(id, t.Form))
		last = t.End
	}
	out.WriteString(text[last:])
	return out.String()
}

// mapping matches the tags of target block j with those of source block b.
func (m *tagMaps) mapping(b, j int) map[int]int {
	key := [2]int{b, j}
	if ids, ok := m.ids[key]; ok {
		return ids
	}
	if m.ids == nil {
		m.ids, m.extra, m.over = map[[2]int]map[int]int{}, map[int][]tags.Tag{}, map[int]map[int]tags.Tag{}
	}
	if m.over[b] == nil {
		m.over[b] = map[int]tags.Tag{}
	}
	ids := map[int]int{}
	taken := map[int]bool{}
	next := 1
	for _, t := range append(m.table(b), m.extra[b]...) {
		next = max(next, t.ID+1)
	}
	for _, t := range m.tgt[j].Tags {
		match := 0
		for _, s := range m.table(b) {
			if taken[s.ID] || s.Kind != t.Kind || t.Kind == tags.Text && !sameTarget(s, t) {
				continue
			}
			if sameTarget(s, t) {
				match = s.ID
				break
			}
			if match == 0 {
				match = s.ID
			}
		}
		if match == 0 {
			nt := t
			nt.ID, next = next, next+1
			m.extra[b] = append(m.extra[b], nt)
			match = nt.ID
		}
		taken[match] = true
		ids[t.ID] = match
		t.ID = match
		m.over[b][match] = t
	}
	m.ids[key] = ids
	return ids
}

// sameTarget reports whether two tags of one kind point at the same thing.
func sameTarget(a, b tags.Tag) bool {
	return a.Href == b.Href && a.Src == b.Src && a.Text == b.Text
}
