package formats

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"copydesk/internal/tags"
)

// WriteArticleHTML writes blocks as a whole UTF-8 HTML5 document: doctype,
// <html lang>, <meta charset="utf-8">, <title>, and the blocks inside
// <body><article>, lists, items and quotes nested as their paths say. Tags
// are written as strong, em, code, a (href, title), del, sup, sub, br and
// img (src, alt, title); links and images to addresses other than http,
// https, mailto or relative ones lose their address. All text and
// attributes are escaped.
//
// It returns an error for a block whose path is invalid or whose text has a
// token without an entry in its tag table, or tokens that do not nest.
func WriteArticleHTML(w io.Writer, lang, title string, blocks []Block) error {
	root, err := articleTree(blocks)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html")
	if lang != "" {
		b.WriteString(` lang="` + html.EscapeString(lang) + `"`)
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) +
		"</title>\n</head>\n<body>\n<article>\n")
	htmlChildren(&b, root.children)
	b.WriteString("</article>\n</body>\n</html>\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// htmlChildren writes the children of a container.
func htmlChildren(b *strings.Builder, children []*articleNode) {
	for i, c := range children {
		// Text of an item right after other text of it would run into it.
		wrap := c.kind == "li" && c.leaf() && i > 0 && children[i-1].kind == "li" && children[i-1].leaf()
		if wrap {
			b.WriteString("<div>")
		}
		htmlNode(b, c)
		if wrap {
			b.WriteString("</div>")
		}
	}
}

func htmlNode(b *strings.Builder, n *articleNode) {
	switch n.kind {
	case "ul", "ol", "blockquote", "li":
		if !n.leaf() {
			b.WriteString("<" + n.kind)
			if n.kind == "ol" && n.start != 1 {
				b.WriteString(` start="` + strconv.Itoa(n.start) + `"`)
			}
			b.WriteString(">")
			if n.kind != "li" {
				b.WriteString("\n")
			}
			htmlChildren(b, n.children)
			b.WriteString("</" + n.kind + ">\n")
			return
		}
		htmlInline(b, n.inline)
	case "pre":
		b.WriteString("<pre>\n" + html.EscapeString(n.code) + "</pre>\n")
	default:
		b.WriteString("<" + n.kind + ">")
		htmlInline(b, n.inline)
		b.WriteString("</" + n.kind + ">\n")
	}
}

// htmlInlineNames are the elements for pair kinds.
var htmlInlineNames = map[string]string{
	tags.Bold: "strong", tags.Italic: "em", tags.Code: "code", tags.Strike: "del",
	tags.Sup: "sup", tags.Sub: "sub",
}

func htmlInline(b *strings.Builder, nodes []inlineNode) {
	for _, n := range nodes {
		if n.tag == nil {
			b.WriteString(html.EscapeString(n.text))
			continue
		}
		t := n.tag
		switch t.Kind {
		case tags.Text:
			b.WriteString(html.EscapeString(t.Text))
		case tags.Break:
			b.WriteString("<br>")
		case tags.Image:
			if src, ok := articleURL(t.Src); ok {
				b.WriteString(`<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(t.Alt) + `"`)
				if t.Title != "" {
					b.WriteString(` title="` + html.EscapeString(t.Title) + `"`)
				}
				b.WriteString(">")
			}
		case tags.Link:
			href, ok := articleURL(t.Href)
			if !ok {
				htmlInline(b, n.kids)
				continue
			}
			b.WriteString(`<a href="` + html.EscapeString(href) + `"`)
			if t.Title != "" {
				b.WriteString(` title="` + html.EscapeString(t.Title) + `"`)
			}
			b.WriteString(">")
			htmlInline(b, n.kids)
			b.WriteString("</a>")
		default:
			name, ok := htmlInlineNames[t.Kind]
			if ok {
				b.WriteString("<" + name + ">")
			}
			htmlInline(b, n.kids)
			if ok {
				b.WriteString("</" + name + ">")
			}
		}
	}
}
