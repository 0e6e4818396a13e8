package formats

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"copydesk/internal/segment"
)

// Page furniture, set aside by ParseHTML and listed in ArticleDoc.SetAside:
//
//   - scripts, styles, noscript, template, svg, math, canvas, media, embedded
//     frames and objects, forms and their controls, buttons (the invisible
//     ones are not listed);
//   - elements that are hidden (hidden, aria-hidden="true", display:none);
//   - nav, footer, aside, and header outside an <article>;
//   - block elements whose class, id or role has a word such as nav, menu,
//     breadcrumb, share, social, related, recommended, newsletter, subscribe,
//     comments, cookie, consent, banner, ad, advert, promo, sponsored,
//     footer, sidebar, popup or modal;
//   - blocks whose text is boilerplate by segment.Boilerplate ("Share on
//     Facebook", "Read more: …", "© 2026 …", "Contact: press@example.com");
//   - everything outside the kept <article> or <main>.
//
// Bylines and datelines are kept: they are part of the article.

// htmlInvisible are dropped without a word in SetAside.
var htmlInvisible = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Head: true, atom.Link: true, atom.Meta: true,
	atom.Canvas: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Picture: true, atom.Source: true,
}

// htmlFurnitureElements are always set aside.
var htmlFurnitureElements = map[atom.Atom]bool{
	atom.Iframe: true, atom.Form: true, atom.Button: true, atom.Nav: true,
	atom.Footer: true, atom.Aside: true, atom.Dialog: true, atom.Menu: true,
}

// htmlFurnitureWords mark an element as furniture in its class, id or role.
var htmlFurnitureWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`nav navbar navigation menu menubar breadcrumb breadcrumbs
		share shares sharing sharebar social socials related recommended recommendations
		newsletter newsletters subscribe subscription comment comments cookie cookies consent
		gdpr banner ad ads advert adverts advertisement advertising promo promos promotion
		sponsored footer sidebar popup modal toolbar skiplink paywall outbrain taboola
		contentinfo complementary search alertdialog dialog`) {
		htmlFurnitureWords[w] = true
	}
}

// setAside reports whether element n is furniture, and lists it in SetAside
// when it is visible. block tells whether n stands where blocks do (class,
// id and role count only there; an inline <a class="related"> is kept).
func (w *htmlWalker) setAside(n *html.Node, block bool) bool {
	if htmlInvisible[n.DataAtom] {
		return true
	}
	if !w.furniture {
		return false
	}
	furniture := htmlFurnitureElements[n.DataAtom] || htmlHidden(n)
	if block && !furniture {
		furniture = n.DataAtom == atom.Header && w.inArticle == 0 || htmlFurnitureName(n)
	}
	if furniture && strings.TrimSpace(htmlText(n)) != "" {
		w.aside = append(w.aside, htmlDescribe(n))
	}
	return furniture
}

// htmlHidden reports whether n is not shown.
func htmlHidden(n *html.Node) bool {
	if htmlHasAttr(n, "htmlHidden") || strings.EqualFold(htmlAttr(n, "aria-htmlHidden"), "true") {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(htmlAttr(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:htmlHidden")
}

// htmlFurnitureName reports whether n's class, id or role has a furniture word.
func htmlFurnitureName(n *html.Node) bool {
	for _, a := range []string{"class", "id", "role"} {
		for _, w := range htmlNameWords(htmlAttr(n, a)) {
			if htmlFurnitureWords[w] {
				return true
			}
		}
	}
	return false
}

// htmlNameWords splits a class list or id into lower-case words at
// punctuation, spaces and lower-to-upper case changes: "shareBar
// related-posts" → share, bar, related, posts.
func htmlNameWords(s string) []string {
	var out []string
	var cur []rune
	prevLower := false
	end := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			end()
			prevLower = false
			continue
		case unicode.IsUpper(r) && prevLower:
			end()
		}
		cur = append(cur, r)
		prevLower = unicode.IsLower(r)
	}
	end()
	return out
}

// htmlDescribe names an element for SetAside: tag, then #id or .class.
func htmlDescribe(n *html.Node) string {
	s := n.Data
	if id := strings.TrimSpace(htmlAttr(n, "id")); id != "" {
		s += "#" + id
	} else if cls := strings.Fields(htmlAttr(n, "class")); len(cls) > 0 {
		s += "." + cls[0]
	}
	if htmlHidden(n) {
		s += " (htmlHidden)"
	}
	return articleClip(s, 60)
}

// articleBoilerplate reports whether a block's text is page furniture.
func articleBoilerplate(lang, text string) bool {
	return segment.Boilerplate(lang, text)
}

// htmlPickRoot returns the page's only <article>, else its first <main>, else
// its <body>.
func htmlPickRoot(doc *html.Node) *html.Node {
	if arts := htmlFindAll(doc, atom.Article, 2); len(arts) == 1 {
		return arts[0]
	}
	if m := htmlFind(doc, atom.Main); m != nil {
		return m
	}
	return htmlFind(doc, atom.Body)
}

// outside lists in SetAside the visible elements of the body that do not
// hold root.
func (w *htmlWalker) outside(root *html.Node) {
	for n := root; n.Parent != nil && n.DataAtom != atom.Body; n = n.Parent {
		for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s == n || s.Type != html.ElementNode || htmlInvisible[s.DataAtom] {
				continue
			}
			if strings.TrimSpace(htmlText(s)) != "" {
				w.aside = append(w.aside, htmlDescribe(s))
			}
		}
	}
}

// htmlBlockElements are the elements that make blocks of their content.
var htmlBlockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true,
	atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true,
}

func htmlIsBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && htmlBlockElements[n.DataAtom]
}

// htmlHasBlock reports whether a block element is inside n.
func htmlHasBlock(n *html.Node) bool {
	stack := []*html.Node{n.FirstChild}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c == nil {
			continue
		}
		if htmlIsBlock(c) {
			return true
		}
		stack = append(stack, c.NextSibling, c.FirstChild)
	}
	return false
}
