package formats

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"copydesk/internal/tags"
)

// mdArticleParser reads CommonMark with GitHub's strikethrough and tables; it is
// safe for concurrent use.
var mdArticleParser = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Table)).Parser()

// ParseMarkdown reads an article written in Markdown (CommonMark, with
// GitHub's ~~strikethrough~~ and tables). Emphasis becomes tags of kind i,
// strong emphasis b, code spans code, links and autolinks a, images img,
// strikethrough s and hard line breaks br. Raw inline HTML keeps its text;
// its <strong>, <b>, <em>, <i>, <code>, <del>, <s>, <sup>, <sub> and <br>
// become tags too (WriteArticleMarkdown writes sup and sub that way). An
// HTML block is read as HTML (see ParseHTML), without the page furniture
// rules. Links and images to addresses other than http, https, mailto or
// relative ones lose their address (a link keeps its text). The title is
// the text of the first h1.
//
// It returns an error for text that is not UTF-8, for lists or quotes
// nested more than 100 deep, and one wrapping ErrNoSegments for an article
// without text.
func ParseMarkdown(src string) (ArticleDoc, error) {
	src, err := articleInput(src)
	if err != nil {
		return ArticleDoc{}, err
	}
	source := []byte(src)
	root := mdArticleParser.Parse(text.NewReader(source))
	r := &mdReader{source: source}
	if err := r.blocks(root, "", 0); err != nil {
		return ArticleDoc{}, err
	}
	return r.b.doc("")
}

// mdReader walks a goldmark tree into blocks.
type mdReader struct {
	source []byte
	b      articleBuilder
}

// blocks reads the block children of n; prefix is the path of n's
// containers ("" or ending with ">").
func (r *mdReader) blocks(n ast.Node, prefix string, depth int) error {
	if depth > maxArticleDepth {
		return errArticleDepth
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := r.block(c, prefix, depth); err != nil {
			return err
		}
	}
	return nil
}

func (r *mdReader) block(c ast.Node, prefix string, depth int) error {
	switch c := c.(type) {
	case *ast.Paragraph:
		return r.leaf(c, prefix+"p")
	case *ast.TextBlock:
		if _, ok := c.Parent().(*ast.ListItem); ok {
			return r.leaf(c, prefix+"li")
		}
		return r.leaf(c, prefix+"p")
	case *ast.Heading:
		return r.leaf(c, prefix+"h"+string(rune('0'+min(max(c.Level, 1), 6))))
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		r.b.add(prefix+"pre", mdCodeText(c, r.source), nil)
	case *ast.Blockquote:
		return r.blocks(c, prefix+r.b.container("blockquote", 1)+">", depth+1)
	case *ast.List:
		kind := "ul"
		if c.IsOrdered() {
			kind = "ol"
		}
		return r.blocks(c, prefix+r.b.container(kind, c.Start)+">", depth+1)
	case *ast.ListItem:
		return r.blocks(c, prefix+r.b.container("li", 1)+">", depth+1)
	case *ast.HTMLBlock:
		var raw strings.Builder
		lines := c.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			raw.Write(seg.Value(r.source))
		}
		if c.HasClosure() {
			raw.Write(c.ClosureLine.Value(r.source))
		}
		return htmlFragmentBlocks(&r.b, raw.String(), prefix, depth)
	case *east.TableCell:
		return r.leaf(c, prefix+"p")
	case *ast.ThematicBreak:
	default:
		return r.blocks(c, prefix, depth)
	}
	return nil
}

// mdCodeText returns the lines of a code block without the last line break.
func mdCodeText(n ast.Node, source []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	return strings.TrimRight(b.String(), "\n")
}

// leaf reads the inline content of n into a block at path.
func (r *mdReader) leaf(n ast.Node, path string) error {
	text, table, err := r.inlineText(n)
	if err != nil {
		return err
	}
	r.b.add(path, text, table)
	return nil
}

// inlineText reads the inline content of n into a block's text and table.
func (r *mdReader) inlineText(n ast.Node) (string, []tags.Tag, error) {
	var l inlineBuilder
	if err := r.inlines(&l, n); err != nil {
		return "", nil, err
	}
	return l.finish()
}

// inlines reads the inline children of n. Pairs opened by raw HTML inside n
// are closed at its end, so that pairs nest.
func (r *mdReader) inlines(l *inlineBuilder, n ast.Node) error {
	base := l.depth()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := r.inline(l, c, base); err != nil {
			return err
		}
	}
	for l.depth() > base {
		l.closePair()
	}
	return nil
}

func (r *mdReader) inline(l *inlineBuilder, c ast.Node, base int) error {
	if len(l.table) > 4*articleMaxTags {
		return errArticleTags
	}
	switch c := c.(type) {
	case *ast.Text:
		v := string(c.Segment.Value(r.source))
		if !c.IsRaw() {
			v = mdDecode(v)
		}
		l.text(v)
		if c.HardLineBreak() {
			l.empty(tags.Tag{Kind: tags.Break})
		} else if c.SoftLineBreak() {
			l.text(" ")
		}
	case *ast.String:
		l.text(string(c.Value))
	case *ast.CodeSpan:
		l.openPair(tags.Tag{Kind: tags.Code})
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				l.text(string(t.Segment.Value(r.source)))
			case *ast.String:
				l.text(string(t.Value))
			}
		}
		l.closePair()
	case *ast.Emphasis:
		kind := tags.Italic
		if c.Level >= 2 {
			kind = tags.Bold
		}
		return r.pair(l, c, tags.Tag{Kind: kind})
	case *east.Strikethrough:
		return r.pair(l, c, tags.Tag{Kind: tags.Strike})
	case *ast.Link:
		if href, ok := articleURL(mdDecode(string(c.Destination))); ok {
			return r.pair(l, c, tags.Tag{Kind: tags.Link, Href: href, Title: articleNormAttr(mdDecode(string(c.Title)))})
		}
		return r.inlines(l, c)
	case *ast.AutoLink:
		u := string(c.URL(r.source))
		if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			u = "mailto:" + u
		}
		label := string(c.Label(r.source))
		if href, ok := articleURL(u); ok {
			l.openPair(tags.Tag{Kind: tags.Link, Href: href})
			l.text(label)
			l.closePair()
		} else {
			l.text(label)
		}
	case *ast.Image:
		if src, ok := articleURL(mdDecode(string(c.Destination))); ok {
			var alt inlineBuilder
			if err := r.inlines(&alt, c); err != nil {
				return err
			}
			t, table, err := alt.finish()
			if err != nil {
				return err
			}
			l.empty(tags.Tag{Kind: tags.Image, Src: src, Alt: articlePlainText(t, table), Title: articleNormAttr(mdDecode(string(c.Title)))})
		}
	case *ast.RawHTML:
		r.rawHTML(l, string(c.Segments.Value(r.source)), base)
	default:
		return r.inlines(l, c)
	}
	return nil
}

// pair reads n's children inside a pair for t.
func (r *mdReader) pair(l *inlineBuilder, n ast.Node, t tags.Tag) error {
	l.openPair(t)
	if err := r.inlines(l, n); err != nil {
		return err
	}
	l.closePair()
	return nil
}

// mdRawTag matches one HTML tag: closing slash, name, self-closing slash.
var mdRawTag = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^>]*?)?\s*(/?)>$`)

// mdRawKinds are the elements of raw inline HTML read as tags.
var mdRawKinds = map[string]string{
	"strong": tags.Bold, "b": tags.Bold, "em": tags.Italic, "i": tags.Italic,
	"code": tags.Code, "kbd": tags.Code, "samp": tags.Code, "del": tags.Strike,
	"s": tags.Strike, "strike": tags.Strike, "sup": tags.Sup, "sub": tags.Sub, "br": tags.Break,
}

// rawHTML reads one piece of raw inline HTML: a known tag opens or closes a
// pair (a closing tag only closes the innermost pair opened by raw HTML
// within the same parent, above base); anything else is dropped.
func (r *mdReader) rawHTML(l *inlineBuilder, raw string, base int) {
	m := mdRawTag.FindStringSubmatch(raw)
	if m == nil {
		return
	}
	kind, ok := mdRawKinds[strings.ToLower(m[2])]
	switch {
	case !ok:
	case kind == tags.Break:
		if m[1] == "" {
			l.empty(tags.Tag{Kind: tags.Break})
		}
	case m[1] == "" && m[3] == "":
		l.openPair(tags.Tag{Kind: kind})
	case m[1] == "/" && l.depth() > base && l.table[l.open[len(l.open)-1]].Kind == kind:
		l.closePair()
	}
}

// mdDecode resolves backslash escapes and character references in one pass.
func mdDecode(s string) string {
	if !strings.ContainsAny(s, "\\&\x00") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && mdPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i++
			continue
		case c == '&':
			if j := strings.IndexByte(s[i:], ';'); j > 1 && j < 40 {
				ref := s[i : i+j+1]
				if u := html.UnescapeString(ref); u != ref && mdRefName(ref[1:j]) {
					b.WriteString(u)
					i += j
					continue
				}
			}
		case c == 0:
			b.WriteString("\uFFFD")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdRefName reports whether s could be the inside of a character reference.
func mdRefName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && !(i == 0 && s[i] == '#') {
			return false
		}
	}
	return true
}

func mdPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
