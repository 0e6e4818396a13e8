package formats_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/internal/formats"
	"copydesk/internal/tags"
)

func writeMD(blocks []formats.Block) (string, error) {
	var b bytes.Buffer
	err := formats.WriteArticleMarkdown(&b, blocks)
	return b.String(), err
}

func writeHTML(blocks []formats.Block) (string, error) {
	var b bytes.Buffer
	err := formats.WriteArticleHTML(&b, "en", "Title", blocks)
	return b.String(), err
}

func TestArticleRoundTrip(t *testing.T) {
	tests := []struct {
		name, file string
		write      func([]formats.Block) (string, error)
		parse      func(string) (formats.ArticleDoc, error)
	}{
		{"markdown to markdown", "news.md", writeMD, formats.ParseMarkdown},
		{"html to html", "news.html", writeHTML, formats.ParseHTML},
		{"markdown to html", "news.md", writeHTML, formats.ParseHTML},
		{"html to markdown", "news.html", writeMD, formats.ParseMarkdown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readArticle(t, tt.file)
			out, err := tt.write(doc.Blocks)
			if err != nil {
				t.Fatal(err)
			}
			again, err := tt.parse(out)
			if err != nil {
				t.Fatalf("%v in:\n%s", err, out)
			}
			if !reflect.DeepEqual(again.Blocks, doc.Blocks) {
				for i := range max(len(doc.Blocks), len(again.Blocks)) {
					var a, b formats.Block
					if i < len(doc.Blocks) {
						a = doc.Blocks[i]
					}
					if i < len(again.Blocks) {
						b = again.Blocks[i]
					}
					if !reflect.DeepEqual(a, b) {
						t.Errorf("block %d:\n got %+v\nwant %+v", i, b, a)
					}
				}
				t.Logf("written:\n%s", out)
			}
		})
	}
}

// TestArticleRoundTripInline writes hard cases of inline markup and reads
// them back.
func TestArticleRoundTripInline(t *testing.T) {
	tests := []struct {
		name string
		text string
		tags []tags.Tag
	}{
		{"bold italic nested", "{1}{2}both{/2}{/1} and {3}x{/3}y", []tags.Tag{{ID: 1, Kind: "b"}, {ID: 2, Kind: "i"}, {ID: 3, Kind: "i"}}},
		{"punctuation at edges", `a{1}"quoted"{/1}b`, []tags.Tag{{ID: 1, Kind: "b"}}},
		{"code with backticks", "run {1}a `b` c{/1} now", []tags.Tag{{ID: 1, Kind: "code"}}},
		{"code with markup", "{1}f({2}x{/2}){/1}", []tags.Tag{{ID: 1, Kind: "code"}, {ID: 2, Kind: "i"}}},
		{"markdown characters", `1. *not* a list, # not a heading, [x](y) <b> & &amp; \ _ ~`, nil},
		{"link with odd address", `see {1}this{/1}!`, []tags.Tag{{ID: 1, Kind: "a", Href: "https://example.com/a b(c)?q=1&amp;r=<2>", Title: `say "hi" \o/`}}},
		{"image before link", `wow!{1}link{/1} {2/}`, []tags.Tag{{ID: 1, Kind: "a", Href: "/x"}, {ID: 2, Kind: "img", Src: "p.png", Alt: "a *b* [c]"}}},
		{"sup sub strike", "E=mc{1}2{/1}, H{2}2{/2}O, {3}old{/3}", []tags.Tag{{ID: 1, Kind: "sup"}, {ID: 2, Kind: "sub"}, {ID: 3, Kind: "s"}}},
		{"literal tokens", "{1/} and {2/}", []tags.Tag{{ID: 1, Kind: "text", Text: "{7}"}, {ID: 2, Kind: "text", Text: "{/8}"}}},
		{"breaks", "one{1/}- two{2/}3. three", []tags.Tag{{ID: 1, Kind: "br"}, {ID: 2, Kind: "br"}}},
	}
	for _, tt := range tests {
		for _, path := range []string{"p", "h3", "ul#1>li#2>li", "blockquote#1>ol#2@7>li#3>li"} {
			blocks := []formats.Block{{Path: path, Text: tt.text, Tags: tt.tags}}
			for _, w := range []struct {
				name  string
				write func([]formats.Block) (string, error)
				parse func(string) (formats.ArticleDoc, error)
			}{{"md", writeMD, formats.ParseMarkdown}, {"html", writeHTML, formats.ParseHTML}} {
				t.Run(fmt.Sprintf("%s/%s/%s", tt.name, path, w.name), func(t *testing.T) {
					out, err := w.write(blocks)
					if err != nil {
						t.Fatal(err)
					}
					doc, err := w.parse(out)
					if err != nil {
						t.Fatalf("%v in:\n%s", err, out)
					}
					if !reflect.DeepEqual(doc.Blocks, blocks) {
						t.Errorf("got %+v\nwant %+v\nwritten:\n%s", doc.Blocks, blocks, out)
					}
				})
			}
		}
	}
}

func TestArticleHostile(t *testing.T) {
	t.Run("javascript links dropped", func(t *testing.T) {
		for _, src := range []string{
			`<p><a href="javascript:alert(1)">a</a> <a href=" JaVa&#x09;Script:alert(1)">b</a> <img src="data:text/html,x"> <a href="vbscript:x">c</a></p>`,
			"[a](javascript:alert(1)) [b](<java\tscript:x>) ![i](data:image/png;base64,xx) [c](vbscript:x)",
		} {
			parse := formats.ParseMarkdown
			if src[0] == '<' {
				parse = formats.ParseHTML
			}
			doc, err := parse(src)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "a b c" || len(doc.Blocks[0].Tags) != 0 {
				t.Errorf("%q: got %+v", src, doc.Blocks)
			}
		}
		blocks := []formats.Block{{Path: "p", Text: "{1}x{/1}{2/}", Tags: []tags.Tag{
			{ID: 1, Kind: "a", Href: "javascript:alert(1)"}, {ID: 2, Kind: "img", Src: "data:x"}}}}
		for _, write := range []func([]formats.Block) (string, error){writeMD, writeHTML} {
			out, err := write(blocks)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(strings.ToLower(out), "javascript") || strings.Contains(out, "data:") || !strings.Contains(out, "x") {
				t.Errorf("unsafe address written or text lost:\n%s", out)
			}
		}
	})
	t.Run("no script in output", func(t *testing.T) {
		doc, err := formats.ParseHTML(`<p>a<script>alert(1)</script>b</p><script>evil()</script><p onclick="x()">c</p>`)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := writeHTML(doc.Blocks)
		md, _ := writeMD(doc.Blocks)
		for _, s := range []string{out, md} {
			if strings.Contains(s, "alert") || strings.Contains(s, "evil") || strings.Contains(s, "onclick") || strings.Contains(s, "<script") {
				t.Errorf("script in output:\n%s", s)
			}
		}
	})
	t.Run("escaping", func(t *testing.T) {
		blocks := []formats.Block{{Path: "p", Text: `<script>alert(1)</script> & "q" {1}l{/1}`,
			Tags: []tags.Tag{{ID: 1, Kind: "a", Href: `/x"><script>`, Title: `"><b>`}}}}
		var b bytes.Buffer
		if err := formats.WriteArticleHTML(&b, `en"><script>`, `</title><script>`, blocks); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "<script") || strings.Contains(out, `"><b>`) {
			t.Errorf("not escaped:\n%s", out)
		}
		if !strings.Contains(out, `&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34;`) {
			t.Errorf("text not escaped as expected:\n%s", out)
		}
		doc, err := formats.ParseHTML(out)
		if err != nil || !reflect.DeepEqual(doc.Blocks, blocks) {
			t.Errorf("read back %+v, %v", doc.Blocks, err)
		}
	})
	t.Run("deep nesting", func(t *testing.T) {
		for name, src := range map[string]string{
			"divs":        strings.Repeat("<div>", 10000) + "x" + strings.Repeat("</div>", 10000),
			"quotes html": strings.Repeat("<blockquote>", 10000) + "x",
			"inline html": "<p>" + strings.Repeat("<b><i>", 5000) + "x",
			"quotes md":   strings.Repeat(">", 10000) + " x",
			"lists md":    strings.Repeat("- ", 10000) + "x",
			"emphasis md": strings.Repeat("*a ", 3000) + "x" + strings.Repeat(" a*", 3000),
		} {
			parse := formats.ParseMarkdown
			if strings.HasPrefix(src, "<") {
				parse = formats.ParseHTML
			}
			start := time.Now()
			_, err := parse(src)
			if d := time.Since(start); d > 30*time.Second { // generous: -race is slow
				t.Errorf("%s: took %v", name, d)
			}
			t.Logf("%s: %v in %v", name, err, time.Since(start))
		}
	})
	t.Run("invalid utf-8", func(t *testing.T) {
		for _, parse := range []func(string) (formats.ArticleDoc, error){formats.ParseMarkdown, formats.ParseHTML} {
			if _, err := parse("<p>caf\xe9</p>"); err == nil {
				t.Error("no error for invalid UTF-8")
			}
		}
	})
	t.Run("empty article", func(t *testing.T) {
		for _, src := range []string{"", "  \n", "<html><body><nav>Home</nav><p><img src=a.png></p></body></html>"} {
			if _, err := formats.ParseHTML(src); !errors.Is(err, formats.ErrNoSegments) {
				t.Errorf("html %q: err = %v, want ErrNoSegments", src, err)
			}
		}
		for _, src := range []string{"", "  \n", "---\n\n![img](a.png)\n\n<script>x()</script>\n"} {
			if _, err := formats.ParseMarkdown(src); !errors.Is(err, formats.ErrNoSegments) {
				t.Errorf("markdown %q: err = %v, want ErrNoSegments", src, err)
			}
		}
	})
	t.Run("bad blocks refused", func(t *testing.T) {
		for _, b := range []formats.Block{
			{Path: "p", Text: "a {1}b{/1} {2/}", Tags: []tags.Tag{{ID: 1, Kind: "b"}}},
			{Path: "p", Text: "a {1}b", Tags: []tags.Tag{{ID: 1, Kind: "b"}}},
			{Path: "p", Text: "a {1/}", Tags: []tags.Tag{{ID: 1, Kind: "b"}}},
			{Path: "ul#1>p", Text: "a"},
			{Path: "li", Text: "a"},
			{Path: "div", Text: "a"},
			{Path: "ol#1@x>li#2>li", Text: "a"},
		} {
			for _, write := range []func([]formats.Block) (string, error){writeMD, writeHTML} {
				if _, err := write([]formats.Block{b}); err == nil {
					t.Errorf("%+v: no error", b)
				}
			}
		}
		_, err := writeHTML([]formats.Block{{Path: "p", Text: "a {1}b{/1} {2/}", Tags: []tags.Tag{{ID: 1, Kind: "b"}}}})
		if err == nil || !strings.Contains(err.Error(), "{2/}") {
			t.Errorf("error %v does not name the token", err)
		}
	})
}
