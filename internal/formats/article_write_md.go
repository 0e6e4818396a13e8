package formats

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"copydesk/internal/tags"
)

// WriteArticleMarkdown writes blocks (as ParseMarkdown or ParseHTML return
// them, or as translated) as a Markdown article: "#" headings, "- " and
// "N. " list items indented under their parent, "> " quotes, fenced code
// blocks, blank lines between blocks. Tags are written back as **strong**,
// *emphasis* (or _emphasis_), `code`, [links](href "title"), ![images](src),
// ~~strikethrough~~ and backslash line breaks; sup and sub, and emphasis
// that Markdown's delimiter rules would misread, as inline HTML, which
// ParseMarkdown reads back. Text is escaped so that it reads literally.
//
// It returns an error for a block whose path is invalid or whose text has a
// token without an entry in its tag table, or tokens that do not nest.
func WriteArticleMarkdown(w io.Writer, blocks []Block) error {
	root, err := articleTree(blocks)
	if err != nil {
		return err
	}
	lines := mdChildren(root.children, false)
	if _, err := io.WriteString(w, strings.Join(lines, "\n")+"\n"); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// mdChildren writes the children of a container, a blank line between
// them unless tight allows none (see mdTightAfter).
func mdChildren(children []*articleNode, tight bool) []string {
	var out []string
	prevMarker := ""
	for i, c := range children {
		if i > 0 && !(tight && mdTightAfter(children[i-1], c)) {
			out = append(out, "")
		}
		var lines []string
		if c.kind == "ul" || c.kind == "ol" {
			// Two lists in a row need different markers to stay two.
			lines, prevMarker = mdList(c, prevMarker), mdMarkerOf(c, prevMarker)
		} else {
			lines, prevMarker = mdNode(c), ""
		}
		out = append(out, lines...)
	}
	return out
}

// mdTightAfter reports whether c may follow prev in a tight list item
// without a blank line: text of the item followed by a block that
// interrupts a paragraph.
func mdTightAfter(prev, c *articleNode) bool {
	if prev.kind != "li" || !prev.leaf() {
		return false
	}
	switch c.kind {
	case "ul", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	case "ol":
		return c.start == 1
	}
	return false
}

// mdTight reports whether list l can be written tight: none of its items
// holds a paragraph or needs a blank line inside.
func mdTight(l *articleNode) bool {
	for _, item := range l.children {
		for i, c := range item.children {
			if c.kind == "p" || i > 0 && !mdTightAfter(item.children[i-1], c) {
				return false
			}
		}
	}
	return true
}

// mdMarkerOf returns the marker character that list l is written with when
// the list before it used prev.
func mdMarkerOf(l *articleNode, prev string) string {
	if l.kind == "ol" {
		if prev == "." {
			return ")"
		}
		return "."
	}
	if prev == "-" {
		return "*"
	}
	return "-"
}

func mdList(l *articleNode, prev string) []string {
	marker := mdMarkerOf(l, prev)
	tight := mdTight(l)
	var out []string
	for i, item := range l.children {
		if i > 0 && !tight {
			out = append(out, "")
		}
		m := marker + " "
		if l.kind == "ol" {
			m = strconv.Itoa(l.start+i) + m
		}
		lines := mdChildren(item.children, tight)
		for j, line := range lines {
			switch {
			case j == 0:
				line = m + line
			case line != "":
				line = strings.Repeat(" ", len(m)) + line
			}
			out = append(out, line)
		}
	}
	return out
}

func mdNode(n *articleNode) []string {
	switch n.kind {
	case "blockquote":
		lines := mdChildren(n.children, false)
		for i, l := range lines {
			if l == "" {
				lines[i] = ">"
			} else {
				lines[i] = "> " + l
			}
		}
		return lines
	case "pre":
		fence := strings.Repeat("`", max(3, mdLongestRun(n.code, '`')+1))
		return append(append([]string{fence}, strings.Split(n.code, "\n")...), fence)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		level := int(n.kind[1] - '0')
		return []string{strings.Repeat("#", level) + " " + mdInlineChecked(n.inline, true)}
	}
	return strings.Split(mdInlineChecked(n.inline, false), "\n")
}

// mdInlineChecked writes inline content, and checks that ParseMarkdown reads
// it back the same; if not, it tries _ for emphasis, then inline HTML for
// emphasis, strong emphasis, code and strikethrough.
func mdInlineChecked(nodes []inlineNode, heading bool) string {
	var first string
	for _, st := range []mdArticleStyle{{italic: "*"}, {italic: "_"}, {html: true}} {
		st.heading = heading
		var b strings.Builder
		mdInline(&b, nodes, st)
		s := b.String()
		if first == "" {
			first = s
		}
		if mdReadsBack(s, nodes) {
			return s
		}
	}
	return first
}

// mdReadsBack reports whether s, read as a Markdown paragraph, gives nodes.
func mdReadsBack(s string, nodes []inlineNode) bool {
	doc, err := ParseMarkdown(s)
	if err != nil || len(doc.Blocks) != 1 || doc.Blocks[0].Path != "p" {
		return false
	}
	var l inlineBuilder
	articleAddNodes(&l, nodes)
	text, table, err := l.finish()
	return err == nil && text == doc.Blocks[0].Text && slices.Equal(table, doc.Blocks[0].Tags)
}

// articleAddNodes feeds inline nodes, already canonical, to a builder.
func articleAddNodes(l *inlineBuilder, nodes []inlineNode) {
	for _, n := range nodes {
		switch {
		case n.tag == nil:
			l.text(n.text)
		case n.tag.Kind == tags.Text:
			l.text(n.tag.Text)
		case !tags.Paired(n.tag.Kind):
			l.empty(*n.tag)
		default:
			t := *n.tag
			t.ID = 0
			l.openPair(t)
			articleAddNodes(l, n.kids)
			l.closePair()
		}
	}
}

// mdArticleStyle is how mdInline writes pairs.
type mdArticleStyle struct {
	italic  string // "*" or "_"
	html    bool   // emphasis, strong, code and strikethrough as inline HTML
	heading bool   // line breaks as <br> (a heading is one line)
}

// mdHTMLNames are the inline HTML elements for pair kinds.
var mdHTMLNames = map[string]string{
	tags.Bold: "strong", tags.Italic: "em", tags.Code: "code", tags.Strike: "del",
	tags.Sup: "sup", tags.Sub: "sub",
}

func mdInline(b *strings.Builder, nodes []inlineNode, st mdArticleStyle) {
	for i, n := range nodes {
		if n.tag == nil {
			s := escapeMarkdownLine(n.text)
			if strings.HasSuffix(s, "!") && i+1 < len(nodes) {
				s = s[:len(s)-1] + "\\!" // not an image before a link
			}
			b.WriteString(s)
			continue
		}
		t := n.tag
		switch t.Kind {
		case tags.Text:
			b.WriteString(escapeMarkdownLine(t.Text))
		case tags.Break:
			if st.heading {
				b.WriteString("<br>")
			} else {
				b.WriteString("\\\n")
			}
		case tags.Image:
			b.WriteString("![" + escapeMarkdownLine(t.Alt) + "](" + mdDest(t.Src) + mdTitle(t.Title) + ")")
		case tags.Link:
			b.WriteString("[")
			mdInline(b, n.kids, st)
			b.WriteString("](" + mdDest(t.Href) + mdTitle(t.Title) + ")")
		case tags.Code:
			if lit, ok := mdLiteral(n.kids); ok && !st.html {
				fence := strings.Repeat("`", mdLongestRun(lit, '`')+1)
				if strings.HasPrefix(lit, "`") || strings.HasSuffix(lit, "`") ||
					strings.HasPrefix(lit, " ") && strings.HasSuffix(lit, " ") {
					lit = " " + lit + " "
				}
				b.WriteString(fence + lit + fence)
				continue
			}
			fallthrough
		default:
			open, close := mdDelims(t.Kind, st)
			b.WriteString(open)
			mdInline(b, n.kids, st)
			b.WriteString(close)
		}
	}
}

// mdDelims returns the delimiters of a pair kind.
func mdDelims(kind string, st mdArticleStyle) (string, string) {
	if !st.html {
		switch kind {
		case tags.Bold:
			return "**", "**"
		case tags.Italic:
			return st.italic, st.italic
		case tags.Strike:
			return "~~", "~~"
		}
	}
	name := mdHTMLNames[kind]
	return "<" + name + ">", "</" + name + ">"
}

// mdLiteral returns the text of nodes that hold no markup but literal
// tokens.
func mdLiteral(nodes []inlineNode) (string, bool) {
	var b strings.Builder
	for _, n := range nodes {
		switch {
		case n.tag == nil:
			b.WriteString(n.text)
		case n.tag.Kind == tags.Text:
			b.WriteString(n.tag.Text)
		default:
			return "", false
		}
	}
	return b.String(), true
}

// mdDest writes a link destination, in <…> when it has spaces or brackets.
func mdDest(u string) string {
	var b strings.Builder
	pointy := u == "" || strings.ContainsAny(u, " ()<>") || strings.ContainsFunc(u, func(r rune) bool { return r < ' ' })
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c == '\\' || c == '<' || c == '>' || c == '&' && startsEntity(u[i:]) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	if pointy {
		return "<" + b.String() + ">"
	}
	return b.String()
}

// mdTitle writes a link title, with its leading space, or "".
func mdTitle(t string) string {
	if t == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(` "`)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '\\' || c == '"' || c == '&' && startsEntity(t[i:]) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
	return b.String()
}

// mdLongestRun returns the length of the longest run of c in s.
func mdLongestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}
