package formats_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"copydesk/internal/formats"
	"copydesk/internal/tags"
)

// readArticle parses testdata/articles/name with the parser its extension
// names.
func readArticle(t *testing.T, name string) formats.ArticleDoc {
	t.Helper()
	src, err := os.ReadFile("testdata/articles/" + name)
	if err != nil {
		t.Fatal(err)
	}
	parse := formats.ParseHTML
	if strings.HasSuffix(name, ".md") {
		parse = formats.ParseMarkdown
	}
	doc, err := parse(string(src))
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return doc
}

// wantBlock is a block expected at index i; an empty Text is not checked.
type wantBlock struct {
	i    int
	path string
	text string
	tags []tags.Tag
}

func checkBlocks(t *testing.T, got []formats.Block, want []wantBlock) {
	t.Helper()
	for _, w := range want {
		if w.i >= len(got) {
			t.Errorf("block %d missing (have %d)", w.i, len(got))
			continue
		}
		g := got[w.i]
		if g.Path != w.path || w.text != "" && g.Text != w.text {
			t.Errorf("block %d = %q %q, want %q %q", w.i, g.Path, g.Text, w.path, w.text)
		}
		if w.tags != nil && !slices.Equal(g.Tags, w.tags) {
			t.Errorf("block %d tags = %+v, want %+v", w.i, g.Tags, w.tags)
		}
	}
}

// sharedBlocks are the blocks that news.md and news.html have alike, by
// their index in news.md; the HTML page has two more blocks (byline with a
// link, dateline) after the h1, and a figure caption at the end.
var sharedBlocks = []wantBlock{
	{0, "h1", "City council approves {1}new{/1} tram line", []tags.Tag{{ID: 1, Kind: tags.Italic}}},
	{2, "p", "The city council voted {1}31 to 12{/1} on Tuesday to build a tram line between the station and the university, ending a debate that lasted {2}four years{/2}.",
		[]tags.Tag{{ID: 1, Kind: tags.Bold}, {ID: 2, Kind: tags.Link, Href: "https://example.com/tram-debate", Title: "Our coverage"}}},
	{3, "p", `"This is a good day for the city," said the mayor, Ana Ruiz.{1/}She promised that work would start in {2}2027{/2}.`,
		[]tags.Tag{{ID: 1, Kind: tags.Break}, {ID: 2, Kind: tags.Code}}},
	{4, "h2", "What the plan includes", nil},
	{5, "ul#1>li#2>li", "", nil},
	{6, "ul#1>li#3>li", "", nil},
	{7, "ul#1>li#3>ul#4>li#5>li", "4 minutes on match days", nil},
	{8, "ul#1>li#3>ul#4>li#6>li", "10 minutes at night", nil},
	{9, "ul#1>li#7>li", "A new bridge over the river", nil},
	{10, "p", "The budget, in three parts:", nil},
	{11, "ol#8@3>li#9>li", "Track and stations: €410 million", nil},
	{13, "ol#8@3>li#11>li", "Contingency: €60 million", nil},
	{14, "blockquote#12>p", "We have waited long enough.", nil},
	{15, "blockquote#12>p", "Now we need it built on time and on budget.", nil},
}

func TestParseMarkdownArticle(t *testing.T) {
	doc := readArticle(t, "news.md")
	if doc.Title != "City council approves new tram line" {
		t.Errorf("title = %q", doc.Title)
	}
	checkBlocks(t, doc.Blocks, sharedBlocks)
	checkBlocks(t, doc.Blocks, []wantBlock{
		{1, "p", "{1}By Jane Doe, transport correspondent{/1}", nil},
		{16, "p", "Opponents called the project {1}reckless{/1} {2}costly{/2}. Residents can read the full report at {3}https://example.com/report.pdf{/3} or write to {4}tram@example.com{/4}.",
			[]tags.Tag{{ID: 1, Kind: tags.Strike}, {ID: 2, Kind: tags.Italic},
				{ID: 3, Kind: tags.Link, Href: "https://example.com/report.pdf"}, {ID: 4, Kind: tags.Link, Href: "mailto:tram@example.com"}}},
		{17, "pre", `route = ["Station", "Market", "University"]`, nil},
		{18, "p", "The template syntax {1/} is shown here literally, as is H{2}2{/2}O.",
			[]tags.Tag{{ID: 1, Kind: tags.Text, Text: "{1}"}, {ID: 2, Kind: tags.Sub}}},
	})
	if len(doc.Blocks) != 19 {
		t.Errorf("%d blocks, want 19 (the image alone is dropped)", len(doc.Blocks))
	}
	if doc.SetAside != nil {
		t.Errorf("set aside %q from Markdown", doc.SetAside)
	}
}

func TestParseHTMLArticle(t *testing.T) {
	doc := readArticle(t, "news.html")
	if doc.Title != "City council approves new tram line | The Daily Example" {
		t.Errorf("title = %q", doc.Title)
	}
	// The byline and dateline come after the h1; the rest is shifted by 1.
	var shifted []wantBlock
	for _, w := range sharedBlocks[1:] {
		w.i++
		shifted = append(shifted, w)
	}
	checkBlocks(t, doc.Blocks, sharedBlocks[:1])
	checkBlocks(t, doc.Blocks, shifted)
	checkBlocks(t, doc.Blocks, []wantBlock{
		{1, "p", "By {1}Jane Doe{/1}, transport correspondent", []tags.Tag{{ID: 1, Kind: tags.Link, Href: "/authors/jane-doe"}}},
		{2, "p", "10 March 2026", nil},
		{6, "ul#1>li#2>li", "14 stops over 9\u00a0km", nil},
		{7, "ul#1>li#3>li", "Trams every 6 minutes at {1}peak{/1} hours", nil},
		{17, "p", "Opponents called the project {1}reckless{/1} {2}costly{/2}. Click here to see the full report.",
			[]tags.Tag{{ID: 1, Kind: tags.Strike}, {ID: 2, Kind: tags.Italic}}},
		{18, "pre", "route = [\"Station\", \"Market\", \"University\"]\n  <end>", nil},
		{19, "p", "The planned route, from the station to the university.", nil},
	})
	if len(doc.Blocks) != 20 {
		t.Errorf("%d blocks, want 20", len(doc.Blocks))
	}
}

func TestParseHTMLFurniture(t *testing.T) {
	doc := readArticle(t, "news.html")
	var all strings.Builder
	for _, b := range doc.Blocks {
		all.WriteString(b.Text + "\n")
		for _, tg := range b.Tags {
			all.WriteString(tg.Href + " " + tg.Src + "\n")
		}
	}
	for _, furniture := range []string{"Sport", "Culture", "Share on", "facebook", "Related articles",
		"Bridge costs soar", "Mayor under pressure", "morning briefing", "Subscribe", "Most read",
		"Storm warning", "press@example.com", "©", "All rights reserved", "cookies", "Accept all",
		"analytics", "font-family", "Read more", "Bus drivers", "javascript", "The Daily Example"} {
		if strings.Contains(all.String(), furniture) {
			t.Errorf("blocks hold furniture %q", furniture)
		}
	}
	for _, want := range []string{"div#cookie-banner", "header.site-header", "footer", "aside.sidebar",
		"div.share-buttons", "section.related-articles", "div.newsletter-signup", "p: Read more: Bus drivers plan strike"} {
		if !slices.Contains(doc.SetAside, want) {
			t.Errorf("SetAside %q lacks %q", doc.SetAside, want)
		}
	}
}

func TestParseHTMLStructure(t *testing.T) {
	tests := []struct {
		name, src string
		want      []wantBlock
	}{
		{"text in divs", `<body><div><div>Loose text <b>here</b><p>A paragraph</p>tail</div></div></body>`,
			[]wantBlock{{0, "p", "Loose text {1}here{/1}", nil}, {1, "p", "A paragraph", nil}, {2, "p", "tail", nil}}},
		{"white space", "<p>  a \n\t b <em> c </em> d<br> e </p>",
			[]wantBlock{{0, "p", "a b {1}c{/1} d{2/}e", nil}}},
		{"loose item and table", `<ol><li><p>one</p></li></ol><table><tr><td>cell <i>x</i></td><th>head</th></tr></table>`,
			[]wantBlock{{0, "ol#1>li#2>p", "one", nil}, {1, "p", "cell {1}x{/1}", nil}, {2, "p", "head", nil}}},
		{"two lists stay two", `<ul><li>a</li></ul><ul><li>b</li></ul>`,
			[]wantBlock{{0, "ul#1>li#2>li", "a", nil}, {1, "ul#3>li#4>li", "b", nil}}},
		{"literal token", `<p>Type {1} or {/2} or {3/}</p>`,
			[]wantBlock{{0, "p", "Type {1/} or {2/} or {3/}", []tags.Tag{
				{ID: 1, Kind: tags.Text, Text: "{1}"}, {ID: 2, Kind: tags.Text, Text: "{/2}"}, {ID: 3, Kind: tags.Text, Text: "{3/}"}}}}},
		{"inline unwrapped", `<p><span>a</span> <u>b</u> <mark>c</mark> <abbr>d</abbr> <small>e</small> x<sup>2</sup> <kbd>k</kbd></p>`,
			[]wantBlock{{0, "p", "a b c d e x{1}2{/1} {2}k{/2}", []tags.Tag{{ID: 1, Kind: tags.Sup}, {ID: 2, Kind: tags.Code}}}}},
		{"quote with text", `<main><blockquote>Said <q>so</q>.</blockquote></main>`,
			[]wantBlock{{0, "blockquote#1>p", "Said so.", nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := formats.ParseHTML(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) != len(tt.want) {
				t.Errorf("got %d blocks %+v, want %d", len(doc.Blocks), doc.Blocks, len(tt.want))
			}
			checkBlocks(t, doc.Blocks, tt.want)
		})
	}
}
