package web

import (
	"encoding/json"
	"html/template"
	"strings"

	"copydesk/internal/tags"
)

// taggedHTML renders a segment text for reading: the text escaped and each
// inline tag token as a chip that names what it stands for (a link's address,
// bold, a line break), from the segment's table tableJSON.
func taggedHTML(text, tableJSON string) template.HTML {
	toks := tags.Scan(text)
	if len(toks) == 0 || tableJSON == "" {
		return template.HTML(template.HTMLEscapeString(text))
	}
	var table []tags.Tag
	_ = json.Unmarshal([]byte(tableJSON), &table) // a bad table shows bare tokens
	var b strings.Builder
	last := 0
	for _, t := range toks {
		b.WriteString(template.HTMLEscapeString(text[last:t.Start]))
		last = t.End
		what := ""
		if tag, ok := tags.Find(table, t.ID); ok {
			what = tagTitle(tag)
		}
		b.WriteString(`<span class="tag" title="`)
		b.WriteString(template.HTMLEscapeString(what))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(t.String()))
		b.WriteString(`</span>`)
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(b.String())
}

// tagTitle describes a tag in a few words, for a tooltip.
func tagTitle(t tags.Tag) string {
	switch t.Kind {
	case tags.Link:
		return "link " + t.Href
	case tags.Bold:
		return "bold"
	case tags.Italic:
		return "italic"
	case tags.Code:
		return "code"
	case tags.Strike:
		return "strikethrough"
	case tags.Break:
		return "line break"
	case tags.Image:
		return "image " + t.Src
	case tags.Text:
		return "text " + t.Text
	}
	return t.Kind
}

// blockLabel is the short mark shown beside a paragraph of a Markdown or HTML
// article: H2 for a heading, • or 1. for a list item, ❝ for a quote, </> for
// code; "" for a plain paragraph.
func blockLabel(path string) string {
	if path == "" {
		return ""
	}
	parts := strings.Split(path, ">")
	leaf := parts[len(parts)-1]
	var label string
	switch {
	case len(leaf) == 2 && leaf[0] == 'h':
		label = "H" + leaf[1:]
	case leaf == "pre":
		label = "</>"
	}
	for i := len(parts) - 2; i >= 0 && label == ""; i-- {
		switch {
		case strings.HasPrefix(parts[i], "ul#"):
			label = "•"
		case strings.HasPrefix(parts[i], "ol#"):
			label = "1."
		}
	}
	if strings.Contains(path, "blockquote#") {
		label = strings.TrimSpace("❝ " + label)
	}
	return label
}
