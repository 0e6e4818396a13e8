package formats

import (
	"strings"

	"copydesk/internal/tags"
)

// articleBlocks rebuilds an article's blocks from its segments: consecutive
// segments with the same Paragraph form one block, whose path is theirs ("p"
// for plain text), whose text is their targets joined as paragraphs() joins
// them, and whose tag table is the union of theirs. In a segment without a
// table, a line break becomes a br tag and text that reads like a token
// becomes a literal text tag, so that writers render it as it is. Segments
// with an empty target are left out, and so is a block left with no text.
func articleBlocks(segs []Segment, lang string) []Block {
	noSpace := joinsWithoutSpace(lang)
	var out []Block
	var cur *Block
	for i, s := range segs {
		if i == 0 || s.Paragraph != segs[i-1].Paragraph {
			if cur != nil && strings.TrimSpace(cur.Text) != "" {
				out = append(out, *cur)
			}
			path := s.Block
			if path == "" {
				path = "p"
			}
			cur = &Block{Path: path}
		}
		if s.Target == "" {
			continue
		}
		text, table := s.Target, s.Tags
		if len(table) == 0 {
			text, table = plainTags(text, nextID(cur.Tags))
		}
		if cur.Text != "" && !noSpace && !endsWithSpace(cur.Text) && !startsWithSpace(text) {
			cur.Text += " "
		}
		cur.Text += text
		for _, t := range table {
			if _, ok := tags.Find(cur.Tags, t.ID); !ok {
				cur.Tags = append(cur.Tags, t)
			}
		}
	}
	if cur != nil && strings.TrimSpace(cur.Text) != "" {
		out = append(out, *cur)
	}
	return out
}

func nextID(table []tags.Tag) int {
	n := 1
	for _, t := range table {
		n = max(n, t.ID+1)
	}
	return n
}

// plainTags turns the line breaks of a plain text into br tags and its
// token-like text into literal tags, numbered from next.
func plainTags(text string, next int) (string, []tags.Tag) {
	toks := tags.Scan(text)
	if len(toks) == 0 && !strings.ContainsAny(text, "\r\n") {
		return text, nil
	}
	var table []tags.Tag
	var b strings.Builder
	add := func(t tags.Tag) {
		t.ID, next = next, next+1
		table = append(table, t)
		b.WriteString(tags.Format(t.ID, tags.Empty))
	}
	last := 0
	write := func(s string) {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				add(tags.Tag{Kind: tags.Break})
			}
			b.WriteString(line)
		}
	}
	for _, t := range toks {
		write(text[last:t.Start])
		add(tags.Tag{Kind: tags.Text, Text: text[t.Start:t.End]})
		last = t.End
	}
	write(text[last:])
	return b.String(), table
}

// structured reports whether any segment comes from a Markdown or HTML article.
func structured(segs []Segment) bool {
	for _, s := range segs {
		if s.Block != "" || len(s.Tags) > 0 {
			return true
		}
	}
	return false
}

// PlainText renders a text without its markup: tokens dropped, line breaks
// as line breaks, images as their alternative text, literal text as written.
func PlainText(text string, table []tags.Tag) string { return plainText(text, table) }

func plainText(text string, table []tags.Tag) string {
	toks := tags.Scan(text)
	if len(toks) == 0 || len(table) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, t := range toks {
		b.WriteString(text[last:t.Start])
		last = t.End
		tag, ok := tags.Find(table, t.ID)
		switch {
		case !ok:
			b.WriteString(text[t.Start:t.End])
		case tag.Kind == tags.Break:
			b.WriteByte('\n')
		case tag.Kind == tags.Text:
			b.WriteString(tag.Text)
		case tag.Kind == tags.Image:
			b.WriteString(tag.Alt)
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// translatedTitle is the text of the translation's first heading of level 1,
// or else the document's title.
func translatedTitle(title string, blocks []Block) string {
	for _, b := range blocks {
		if b.Path == "h1" {
			return strings.TrimSpace(plainText(b.Text, b.Tags))
		}
	}
	return title
}
