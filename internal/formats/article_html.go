package formats

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"copydesk/internal/tags"
)

// ParseHTML reads an article from an HTML page. It keeps the content of the
// page's <article> if there is exactly one, else of its first <main>, else
// of its <body>, and sets aside the page furniture (see furniture): what it
// removes is listed in SetAside, and so are the elements outside the kept
// one.
//
// Block elements are found at any depth; text directly inside a <div> or
// other block container is a "p" block, and inside <li> an "li" block.
// Headings, paragraphs, lists, quotes, <pre> (verbatim) and table cells (each
// a "p" block) are kept; figure captions are kept as "p" blocks, since they
// are text to translate; bylines and datelines are kept too. Inline markup
// becomes tags: strong/b → b, em/i → i, code/kbd/samp → code, a[href] → a,
// del/s/strike → s, sup, sub, br, img; other inline elements are unwrapped.
// White space collapses as in a browser. Links and images to addresses other
// than http, https, mailto or relative ones are dropped (a link keeps its
// text).
//
// It returns an error for text that is not UTF-8, for a page nested more
// than 512 elements deep, and one wrapping ErrNoSegments for a page without
// article text.
func ParseHTML(src string) (ArticleDoc, error) {
	src, err := articleInput(src)
	if err != nil {
		return ArticleDoc{}, err
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ArticleDoc{}, fmt.Errorf("read html: %w", err)
	}
	w := &htmlWalker{furniture: true}
	w.lang = htmlAttr(htmlFind(doc, atom.Html), "lang")
	title := ""
	if t := htmlFind(doc, atom.Title); t != nil {
		title = strings.Join(strings.Fields(htmlText(t)), " ")
	}
	root := htmlPickRoot(doc)
	if root == nil {
		return ArticleDoc{}, fmt.Errorf("%w: the page has no body", ErrNoSegments)
	}
	w.outside(root)
	if root.DataAtom == atom.Article {
		w.inArticle = 1
	}
	if err := w.flow(htmlKids(root), "", "p", 0); err != nil {
		return ArticleDoc{}, err
	}
	d, err := w.b.doc(title)
	d.SetAside = w.aside
	return d, err
}

// htmlFragmentBlocks reads a piece of HTML found in Markdown into b, under
// the containers of prefix, without the furniture rules.
func htmlFragmentBlocks(b *articleBuilder, src, prefix string, depth int) error {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err != nil {
		return fmt.Errorf("read html block: %w", err)
	}
	w := &htmlWalker{b: *b}
	if err := w.flow(nodes, prefix, "p", depth); err != nil {
		return err
	}
	*b = w.b
	return nil
}

// htmlWalker reads the blocks of an HTML tree.
type htmlWalker struct {
	b         articleBuilder
	furniture bool   // set aside page furniture
	lang      string // the page's language, for boilerplate labels
	inArticle int    // how many <article> elements enclose the current node
	aside     []string
}

func htmlKids(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

// flow reads nodes, the content of a block container, into blocks under
// prefix. Inline content between block elements becomes a block of kind
// leaf.
func (w *htmlWalker) flow(nodes []*html.Node, prefix, leaf string, depth int) error {
	if depth > maxArticleDepth {
		return errArticleDepth
	}
	var run []*html.Node // inline nodes waiting to become a block
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		err := w.leaf(run, prefix+leaf)
		run = run[:0]
		return err
	}
	for _, c := range nodes {
		if c.Type == html.TextNode {
			run = append(run, c)
			continue
		}
		if c.Type != html.ElementNode {
			continue
		}
		if w.setAside(c, true) {
			continue
		}
		if !htmlIsBlock(c) && !htmlHasBlock(c) {
			run = append(run, c)
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		if err := w.blockElement(c, prefix, leaf, depth); err != nil {
			return err
		}
	}
	return flush()
}

// blockElement reads a block element c found in a container whose inline
// content has kind leaf.
func (w *htmlWalker) blockElement(c *html.Node, prefix, leaf string, depth int) error {
	if c.DataAtom == atom.Article {
		w.inArticle++
		defer func() { w.inArticle-- }()
	}
	switch c.DataAtom {
	case atom.P:
		return w.flow(htmlKids(c), prefix, "p", depth)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return w.flow(htmlKids(c), prefix, c.Data, depth)
	case atom.Pre:
		w.b.add(prefix+"pre", strings.TrimRight(htmlPreText(c), "\n"), nil)
		return nil
	case atom.Blockquote:
		return w.flow(htmlKids(c), prefix+w.b.container("blockquote", 1)+">", "p", depth+1)
	case atom.Ul, atom.Ol:
		return w.list(c, prefix, depth)
	case atom.Li:
		return w.flow(htmlKids(c), prefix, "p", depth)
	case atom.Hr:
		return nil
	}
	return w.flow(htmlKids(c), prefix, leaf, depth)
}

// list reads a ul or ol element. Content outside its li elements goes into
// an item of its own.
func (w *htmlWalker) list(c *html.Node, prefix string, depth int) error {
	kind, start := "ul", 1
	if c.DataAtom == atom.Ol {
		kind = "ol"
		if n, err := strconv.Atoi(strings.TrimSpace(htmlAttr(c, "start"))); err == nil {
			start = min(max(n, 0), 999999999)
		}
	}
	lp := prefix + w.b.container(kind, start) + ">"
	var stray []*html.Node
	item := func(nodes []*html.Node) error {
		return w.flow(nodes, lp+w.b.container("li", 1)+">", "li", depth+2)
	}
	for _, k := range htmlKids(c) {
		if k.Type == html.ElementNode && k.DataAtom == atom.Li {
			if len(stray) > 0 {
				if err := item(stray); err != nil {
					return err
				}
				stray = nil
			}
			if !w.setAside(k, true) {
				if err := item(htmlKids(k)); err != nil {
					return err
				}
			}
			continue
		}
		stray = append(stray, k)
	}
	if len(stray) > 0 {
		return item(stray)
	}
	return nil
}

// leaf reads a run of inline nodes into a block at path, unless it is
// boilerplate.
func (w *htmlWalker) leaf(run []*html.Node, path string) error {
	var l inlineBuilder
	for _, n := range run {
		if err := w.inline(&l, n); err != nil {
			return err
		}
	}
	text, table, err := l.finish()
	if err != nil {
		return err
	}
	if w.furniture && articleLeafKind(path) != "pre" && articleVisible(text, table) {
		if plain := articlePlainText(text, table); articleBoilerplate(w.lang, plain) {
			w.aside = append(w.aside, articleLeafKind(path)+": "+articleClip(plain, 60))
			return nil
		}
	}
	w.b.add(path, text, table)
	return nil
}

// htmlInlineKinds maps inline elements to the kind of their tag.
var htmlInlineKinds = map[atom.Atom]string{
	atom.Strong: tags.Bold, atom.B: tags.Bold, atom.Em: tags.Italic, atom.I: tags.Italic,
	atom.Code: tags.Code, atom.Kbd: tags.Code, atom.Samp: tags.Code, atom.Tt: tags.Code,
	atom.Del: tags.Strike, atom.S: tags.Strike, atom.Strike: tags.Strike,
	atom.Sup: tags.Sup, atom.Sub: tags.Sub,
}

// inline reads an inline node into l.
func (w *htmlWalker) inline(l *inlineBuilder, n *html.Node) error {
	if len(l.table) > 4*articleMaxTags {
		return errArticleTags
	}
	switch n.Type {
	case html.TextNode:
		l.text(n.Data)
		return nil
	case html.ElementNode:
	default:
		return nil
	}
	if w.setAside(n, false) {
		return nil
	}
	switch n.DataAtom {
	case atom.Br:
		l.empty(tags.Tag{Kind: tags.Break})
		return nil
	case atom.Img:
		if src, ok := articleURL(htmlAttr(n, "src")); ok {
			l.empty(tags.Tag{Kind: tags.Image, Src: src, Alt: articleNormAttr(htmlAttr(n, "alt")), Title: articleNormAttr(htmlAttr(n, "title"))})
		}
		return nil
	case atom.A:
		if href, ok := articleURL(htmlAttr(n, "href")); ok && htmlHasAttr(n, "href") {
			return w.pair(l, n, tags.Tag{Kind: tags.Link, Href: href, Title: articleNormAttr(htmlAttr(n, "title"))})
		}
	}
	if kind, ok := htmlInlineKinds[n.DataAtom]; ok {
		return w.pair(l, n, tags.Tag{Kind: kind})
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.inline(l, c); err != nil {
			return err
		}
	}
	return nil
}

// pair reads n's children inside a pair for t.
func (w *htmlWalker) pair(l *inlineBuilder, n *html.Node, t tags.Tag) error {
	l.openPair(t)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.inline(l, c); err != nil {
			return err
		}
	}
	l.closePair()
	return nil
}

// htmlPreText returns the text of a pre element, line breaks for <br>.
func htmlPreText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte('\n')
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// htmlText returns the text inside n, without scripts and styles.
func htmlText(n *html.Node) string { return htmlPreText(n) }

func htmlAttr(n *html.Node, name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val
		}
	}
	return ""
}

func htmlHasAttr(n *html.Node, name string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return true
		}
	}
	return false
}

// htmlFind returns the first element a under n, depth first, or nil.
func htmlFind(n *html.Node, a atom.Atom) *html.Node {
	all := htmlFindAll(n, a, 1)
	if len(all) == 0 {
		return nil
	}
	return all[0]
}

// htmlFindAll returns up to limit elements a under n, depth first, without
// looking inside them.
func htmlFindAll(n *html.Node, a atom.Atom, limit int) []*html.Node {
	var out []*html.Node
	stack := []*html.Node{n}
	for len(stack) > 0 && len(out) < limit {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == a {
			out = append(out, n)
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return out
}

// articleClip shortens s to about n bytes, on a rune boundary.
func articleClip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
