package formats

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"copydesk/internal/tags"
)

// An article is read from Markdown (ParseMarkdown) or from an HTML page
// (ParseHTML) into blocks, and written back with WriteArticleMarkdown or
// WriteArticleHTML in the same shape.
//
// Each Block has a Path that tells where it sits: its containers from the
// outside in, separated by ">", then its leaf kind. Containers are "ul#N",
// "ol#N" ("ol#N@S" for an ordered list that starts at S ≠ 1),
// "blockquote#N" and "li#N", where N numbers the containers that hold a
// block, in document order from 1, so that two adjacent lists stay two
// lists. Leaf kinds are "p", "h1" to "h6", "li" (text placed directly in a
// list item, as in a tight list; the path's last container is then that
// "li#N") and "pre" (a code block: its Text is the code, verbatim, without
// tags). Examples:
//
//	h2
//	ul#1>li#2>li            text of the second container, a list item
//	ul#1>li#2>ul#3>li#4>li  a list nested in that item
//	blockquote#5>p
//	ol#6@3>li#7>p           a paragraph of a loose list starting at 3
//
// Dropped on the way in: blocks with no text once inline tokens are left
// aside (an image or a line break alone), thematic breaks, and the text of
// scripts and styles. Each cell of a table becomes a "p" block.

// Block is one block of an article.
type Block struct {
	Path string     // where it sits, see above
	Text string     // the block's text with inline tag tokens; for "pre", the code
	Tags []tags.Tag // the table for the tokens in Text, ids from 1 in order of appearance
}

// ArticleDoc is an article parsed from Markdown or HTML.
type ArticleDoc struct {
	Title    string // <title>, else the first h1 (text only); "" when none
	Blocks   []Block
	SetAside []string // HTML only: the page furniture removed ("nav", "footer", "aside.related", "p: Share on Facebook")
}

// maxArticleDepth is how many containers (lists, items, quotes) may nest.
const maxArticleDepth = 100

// errArticleDepth is returned for an article nested deeper than maxArticleDepth.
var errArticleDepth = fmt.Errorf("article is nested more than %d lists or quotes deep", maxArticleDepth)

// articleBuilder collects the blocks of an article and numbers containers.
type articleBuilder struct {
	blocks []Block
	last   int // the last container number handed out
}

// container returns the path element of a new container: kind#N, with
// "@start" for an ordered list that does not start at 1.
func (b *articleBuilder) container(kind string, start int) string {
	b.last++
	s := kind + "#" + strconv.Itoa(b.last)
	if kind == "ol" && start != 1 {
		s += "@" + strconv.Itoa(start)
	}
	return s
}

// add appends a block unless it has no text.
func (b *articleBuilder) add(path, text string, table []tags.Tag) {
	if path == "pre" || strings.HasSuffix(path, ">pre") {
		if strings.TrimSpace(text) == "" {
			return
		}
	} else if !articleVisible(text, table) {
		return
	}
	b.blocks = append(b.blocks, Block{Path: path, Text: text, Tags: table})
}

// articleVisible reports whether text has something to read besides white space,
// images and line breaks.
func articleVisible(text string, table []tags.Tag) bool {
	if strings.TrimSpace(tags.Strip(text)) != "" {
		return true
	}
	for _, t := range table {
		if t.Kind == tags.Text {
			return true
		}
	}
	return false
}

// doc renumbers the containers in order of first appearance (some numbers
// were handed to containers that ended up empty) and returns the article,
// or an error wrapping ErrNoSegments when it has no block.
func (b *articleBuilder) doc(title string) (ArticleDoc, error) {
	if len(b.blocks) == 0 {
		return ArticleDoc{}, fmt.Errorf("%w: the article has no text", ErrNoSegments)
	}
	renum := map[string]string{}
	for i, bl := range b.blocks {
		parts := strings.Split(bl.Path, ">")
		for j, p := range parts[:len(parts)-1] {
			kind, rest, _ := strings.Cut(p, "#")
			num, start, _ := strings.Cut(rest, "@")
			n, ok := renum[num]
			if !ok {
				n = strconv.Itoa(len(renum) + 1)
				renum[num] = n
			}
			parts[j] = kind + "#" + n
			if start != "" {
				parts[j] += "@" + start
			}
		}
		b.blocks[i].Path = strings.Join(parts, ">")
	}
	if title == "" {
		for _, bl := range b.blocks {
			if articleLeafKind(bl.Path) == "h1" {
				title = articlePlainText(bl.Text, bl.Tags)
				break
			}
		}
	}
	return ArticleDoc{Title: title, Blocks: b.blocks}, nil
}

// articleLeafKind returns the last element of a path.
func articleLeafKind(path string) string {
	return path[strings.LastIndexByte(path, '>')+1:]
}

// articlePlainText returns text without its tokens, literal tokens (kind text)
// restored and white space collapsed.
func articlePlainText(text string, table []tags.Tag) string {
	var b strings.Builder
	last := 0
	for _, t := range tags.Scan(text) {
		b.WriteString(text[last:t.Start])
		if tg, ok := tags.Find(table, t.ID); ok && tg.Kind == tags.Text {
			b.WriteString(tg.Text)
		} else if ok && tg.Kind == tags.Break {
			b.WriteByte(' ')
		}
		last = t.End
	}
	b.WriteString(text[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}

// articleInput refuses text that is not UTF-8 and normalizes line endings.
func articleInput(src string) (string, error) {
	if !utf8.ValidString(src) {
		return "", errors.New("the article is not valid UTF-8")
	}
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	return strings.ReplaceAll(src, "\r", "\n"), nil
}

// articleURL returns u without the tabs and line breaks that browsers ignore,
// and whether it may be written as an address: http, https, mailto or a
// relative address (javascript:, data: and the like may not).
func articleURL(u string) (string, bool) {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	if u == "" {
		return "", false
	}
	colon := strings.IndexByte(u, ':')
	if colon < 0 || strings.ContainsAny(u[:colon], "/?#") {
		return u, true // relative
	}
	switch strings.ToLower(u[:colon]) {
	case "http", "https", "mailto":
		return u, true
	}
	return "", false
}
