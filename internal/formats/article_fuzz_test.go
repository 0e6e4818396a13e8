package formats_test

import (
	"os"
	"testing"

	"copydesk/internal/formats"
)

// fuzzArticle checks that parse never panics and that what it reads is
// written and read back with as many blocks.
func fuzzArticle(t *testing.T, in string, parse func(string) (formats.ArticleDoc, error),
	write func([]formats.Block) (string, error)) {
	doc, err := parse(in)
	if err != nil {
		return
	}
	out, err := write(doc.Blocks)
	if err != nil {
		t.Fatalf("write: %v\nblocks %+v", err, doc.Blocks)
	}
	again, err := parse(out)
	if err != nil {
		t.Fatalf("read back: %v\nwritten:\n%s", err, out)
	}
	if len(again.Blocks) != len(doc.Blocks) {
		t.Fatalf("%d blocks read back, want %d\nfirst %+v\nthen  %+v\nwritten:\n%s",
			len(again.Blocks), len(doc.Blocks), doc.Blocks, again.Blocks, out)
	}
}

func FuzzParseMarkdown(f *testing.F) {
	src, _ := os.ReadFile("testdata/articles/news.md")
	for _, s := range []string{string(src), "# a\n\n- b\n  1. c\n\n> d", "*a **b** c* `d` [e](f) <sup>g</sup>\\\nh",
		"| a |\n|---|\n| b |", "<div>\n<p>x <b>y</b></p>\n</div>\n", "{1} {/2} {3/}", "```\n```x\n```"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) { fuzzArticle(t, in, formats.ParseMarkdown, writeMD) })
}

func FuzzParseHTML(f *testing.F) {
	src, _ := os.ReadFile("testdata/articles/news.html")
	for _, s := range []string{string(src), "<p>a<br>b</p><ul><li>c<ol start=3><li>d</ol></ul>",
		"<blockquote>x<p>y</p></blockquote><pre>\n\nz</pre>", "<a href=x><h2>card</h2><p>text</p></a>",
		"<table><tr><td>a<td>b</table>", "<p><b> a </b><i></i>{1}</p>", "0{1<i></i >}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) { fuzzArticle(t, in, formats.ParseHTML, writeHTML) })
}
