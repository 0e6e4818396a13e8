package formats

import (
	"fmt"
	"strconv"
	"strings"

	"copydesk/internal/tags"
)

// This file holds what the two article writers share: the tree of
// containers made from the blocks' paths and the tree of inline markup made
// from a block's tokens.

// articleNode is a container of the article being written (ul, ol, blockquote,
// li; "" for the article itself) or a leaf block.
type articleNode struct {
	kind     string // container or leaf kind
	num      string // the container's number in its path
	start    int    // first number of an ordered list
	children []*articleNode
	inline   []inlineNode // a leaf's content (not for pre)
	code     string       // a pre leaf's code
}

func (n *articleNode) leaf() bool { return n.num == "" && n.kind != "" }

// inlineNode is a piece of inline content: text, or a tag with its content.
type inlineNode struct {
	text string
	tag  *tags.Tag
	kids []inlineNode
}

// articleTree checks the blocks and builds the tree of their containers.
func articleTree(blocks []Block) (*articleNode, error) {
	root := &articleNode{}
	for i, b := range blocks {
		parts := strings.Split(b.Path, ">")
		leafKind := parts[len(parts)-1]
		cur := root
		for _, p := range parts[:len(parts)-1] {
			kind, num, start, err := articleContainer(p)
			if err != nil {
				return nil, fmt.Errorf("block %d: path %q: %w", i+1, b.Path, err)
			}
			if (kind == "li") != (cur.kind == "ul" || cur.kind == "ol") {
				return nil, fmt.Errorf("block %d: path %q: a list holds items and only items", i+1, b.Path)
			}
			last := (*articleNode)(nil)
			if k := len(cur.children); k > 0 {
				last = cur.children[k-1]
			}
			if last == nil || last.leaf() || last.kind != kind || last.num != num {
				last = &articleNode{kind: kind, num: num, start: start}
				cur.children = append(cur.children, last)
			}
			cur = last
		}
		if !articleValidLeaf(leafKind) || cur.kind == "ul" || cur.kind == "ol" ||
			leafKind == "li" && cur.kind != "li" {
			return nil, fmt.Errorf("block %d: invalid path %q", i+1, b.Path)
		}
		leaf := &articleNode{kind: leafKind}
		if leafKind == "pre" {
			leaf.code = b.Text
			if strings.TrimSpace(leaf.code) == "" {
				continue
			}
		} else {
			text, table, err := articleCanonical(b.Text, b.Tags)
			if err != nil {
				return nil, fmt.Errorf("block %d: %w", i+1, err)
			}
			if !articleVisible(text, table) {
				continue
			}
			leaf.inline, _ = articleInlineTree(text, table)
		}
		cur.children = append(cur.children, leaf)
	}
	return root, nil
}

// articleContainer reads one container of a path: kind#N or ol#N@S.
func articleContainer(p string) (kind, num string, start int, err error) {
	kind, rest, ok := strings.Cut(p, "#")
	num, st, hasStart := strings.Cut(rest, "@")
	start = 1
	if hasStart {
		start, err = strconv.Atoi(st)
		if err != nil || start < 0 || start > 999999999 || kind != "ol" {
			return "", "", 0, fmt.Errorf("bad list start %q", p)
		}
	}
	if _, e := strconv.Atoi(num); !ok || e != nil || num == "" || num[0] == '-' || num[0] == '+' {
		return "", "", 0, fmt.Errorf("bad container %q", p)
	}
	switch kind {
	case "ul", "ol", "blockquote", "li":
		return kind, num, start, nil
	}
	return "", "", 0, fmt.Errorf("unknown container %q", p)
}

func articleValidLeaf(k string) bool {
	switch k {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre":
		return true
	}
	return false
}

// articleInlineTree reads a block's text into inline nodes. It returns an error
// naming the token for a token without an entry in table, a pair token for
// a standalone kind or the other way round, and tokens that do not nest.
func articleInlineTree(text string, table []tags.Tag) ([]inlineNode, error) {
	if err := tags.Balanced(text); err != nil {
		return nil, err
	}
	type frame struct {
		tag  *tags.Tag
		kids []inlineNode
	}
	stack := []frame{{}}
	last := 0
	for _, t := range tags.Scan(text) {
		top := &stack[len(stack)-1]
		if t.Start > last {
			top.kids = append(top.kids, inlineNode{text: text[last:t.Start]})
		}
		last = t.End
		tg, ok := tags.Find(table, t.ID)
		if !ok {
			return nil, fmt.Errorf("tag %s has no entry in the tag table", t)
		}
		if (t.Form == tags.Empty) == tags.Paired(tg.Kind) {
			return nil, fmt.Errorf("tag %s does not suit its kind %q", t, tg.Kind)
		}
		switch t.Form {
		case tags.Empty:
			top.kids = append(top.kids, inlineNode{tag: &tg})
		case tags.Open:
			stack = append(stack, frame{tag: &tg})
		case tags.Close:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			p := &stack[len(stack)-1]
			p.kids = append(p.kids, inlineNode{tag: f.tag, kids: f.kids})
		}
	}
	if last < len(text) {
		stack[0].kids = append(stack[0].kids, inlineNode{text: text[last:]})
	}
	return stack[0].kids, nil
}

// articleCanonical checks a block's text and returns it as a parser would
// read it back: white space collapsed, unsafe addresses dropped, tags
// numbered in order.
func articleCanonical(text string, table []tags.Tag) (string, []tags.Tag, error) {
	nodes, err := articleInlineTree(text, table)
	if err != nil {
		return "", nil, err
	}
	var l inlineBuilder
	var add func([]inlineNode)
	add = func(nodes []inlineNode) {
		for _, n := range nodes {
			switch {
			case n.tag == nil:
				l.text(n.text)
			case n.tag.Kind == tags.Text:
				l.text(n.tag.Text)
			case n.tag.Kind == tags.Image:
				if src, ok := articleURL(n.tag.Src); ok {
					l.empty(tags.Tag{Kind: tags.Image, Src: src, Alt: articleNormAttr(n.tag.Alt), Title: articleNormAttr(n.tag.Title)})
				}
			case n.tag.Kind == tags.Break:
				l.empty(tags.Tag{Kind: tags.Break})
			case n.tag.Kind == tags.Link:
				href, ok := articleURL(n.tag.Href)
				if !ok {
					add(n.kids)
					continue
				}
				l.openPair(tags.Tag{Kind: tags.Link, Href: href, Title: articleNormAttr(n.tag.Title)})
				add(n.kids)
				l.closePair()
			case articlePairKinds[n.tag.Kind]:
				l.openPair(tags.Tag{Kind: n.tag.Kind})
				add(n.kids)
				l.closePair()
			default:
				add(n.kids)
			}
		}
	}
	add(nodes)
	return l.finish()
}

// articlePairKinds are the kinds of pair the writers know, links aside.
var articlePairKinds = map[string]bool{
	tags.Bold: true, tags.Italic: true, tags.Code: true, tags.Strike: true, tags.Sup: true, tags.Sub: true,
}

// articleNormAttr collapses the white space of an attribute: alt and title are
// read that way from Markdown.
func articleNormAttr(s string) string { return strings.Join(strings.Fields(s), " ") }
