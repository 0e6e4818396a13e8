package mt

import (
	"context"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"copydesk/internal/tags"
)

// markup says how a provider carries the tokens of package tags: a pair
// {n}…{/n} as the element pair <tag id="n">…</tag>, a lone token {n/} as
// <empty id="n"/>, or, when empty is "", as the token itself (Apertium keeps
// it in place as punctuation). The text between is escaped for HTML or XML.
type markup struct {
	tag   string
	empty string
}

// escaper escapes the three characters that markup would misread.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// encode writes text with its tokens as markup.
func (m *markup) encode(text string) string {
	var b strings.Builder
	last := 0
	for _, t := range tags.Scan(text) {
		b.WriteString(escaper.Replace(text[last:t.Start]))
		last = t.End
		switch t.Form {
		case tags.Open:
			fmt.Fprintf(&b, `<%s id="%d">`, m.tag, t.ID)
		case tags.Close:
			fmt.Fprintf(&b, `</%s>`, m.tag)
		case tags.Empty:
			if m.empty == "" {
				b.WriteString(t.String())
			} else {
				fmt.Fprintf(&b, `<%s id="%d"/>`, m.empty, t.ID)
			}
		}
	}
	b.WriteString(escaper.Replace(text[last:]))
	return b.String()
}

// elementRE reads one element tag: </name>, <name id="n">, <name id="n"/>.
var elementRE = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s+id\s*=\s*["']?([0-9]{1,3})["']?)?\s*(/?)>`)

// decode reads a provider's answer back into a text with tokens. Element
// pairs become {n}…{/n}; an element whose id is a lone token of original
// ({n/}) becomes {n/} whether it comes back as <x id="n"/> or <x id="n"></x>.
// Any other markup is an error.
func (m *markup) decode(s, original string) (string, error) {
	lone := map[int]bool{}
	for _, t := range tags.Scan(original) {
		if t.Form == tags.Empty {
			lone[t.ID] = true
		}
	}
	type open struct {
		name string
		id   int
	}
	var stack []open
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		s = s[i:]
		g := elementRE.FindStringSubmatch(s)
		if g == nil {
			return "", errors.New("unreadable markup in the translation")
		}
		s = s[len(g[0]):]
		closing, name, idText, selfClosing := g[1] == "/", g[2], g[3], g[4] == "/"
		switch {
		case closing:
			if len(stack) == 0 || stack[len(stack)-1].name != name {
				return "", fmt.Errorf("unbalanced </%s> in the translation", name)
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !lone[top.id] {
				b.WriteString(tags.Format(top.id, tags.Close))
			}
		case idText == "":
			return "", fmt.Errorf("<%s> without an id in the translation", name)
		default:
			id, _ := strconv.Atoi(idText)
			switch {
			case lone[id]:
				b.WriteString(tags.Format(id, tags.Empty))
				if !selfClosing {
					stack = append(stack, open{name, id})
				}
			case selfClosing:
				return "", fmt.Errorf("<%s id=%d/> stands for no lone tag", name, id)
			default:
				b.WriteString(tags.Format(id, tags.Open))
				stack = append(stack, open{name, id})
			}
		}
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("unclosed <%s> in the translation", stack[len(stack)-1].name)
	}
	return b.String(), nil
}

// batchFunc translates texts already prepared for the provider (tokens as
// markup when the provider has a markup, else removed) and returns one
// answer for each, in order.
type batchFunc func(ctx context.Context, texts []string) ([]string, error)

// translateTexts is the common frame of every provider's Translate: texts
// that are blank once their tokens are removed are returned as they are; the
// others go to fn in one call (fn batches as its provider can); each answer
// is read back (decode) and checked to keep exactly the tokens of its source,
// properly nested; the texts that fail the check go to fn once more without
// their tokens. Leading and trailing white space of each source is kept. An
// empty answer for a text is an error, and so is a wrong number of answers.
func translateTexts(ctx context.Context, provider string, m *markup, texts []string, fn batchFunc) ([]string, error) {
	out := make([]string, len(texts))
	var todo []int
	for i, t := range texts {
		out[i] = t
		if strings.TrimSpace(tags.Strip(t)) != "" {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return out, nil
	}
	prepare := func(text string, keepTags bool) string {
		if !keepTags || m == nil {
			text = tags.Strip(text)
		}
		text = strings.TrimSpace(text)
		if m != nil {
			text = m.encode(text)
		}
		return text
	}
	run := func(idx []int, keepTags bool) ([]string, error) {
		in := make([]string, len(idx))
		for k, i := range idx {
			in[k] = prepare(texts[i], keepTags)
		}
		got, err := fn(ctx, in)
		if err != nil {
			return nil, err
		}
		if len(got) != len(in) {
			return nil, errorf(provider, nil, "the answer could not be read (%d translations for %d texts)", len(got), len(in))
		}
		return got, nil
	}
	got, err := run(todo, true)
	if err != nil {
		return nil, err
	}
	var retry []int
	for k, i := range todo {
		source := texts[i]
		if m == nil {
			source = tags.Strip(source)
		}
		text, ok := readBack(m, got[k], source)
		if !ok {
			retry = append(retry, i)
			continue
		}
		out[i] = text
	}
	if len(retry) > 0 {
		got, err := run(retry, false)
		if err != nil {
			return nil, err
		}
		for k, i := range retry {
			text, ok := readBack(m, got[k], tags.Strip(texts[i]))
			if !ok {
				return nil, errorf(provider, nil, "the answer could not be read (broken markup in translation %d)", i+1)
			}
			out[i] = text
		}
	}
	for _, i := range todo {
		if strings.TrimSpace(tags.Strip(out[i])) == "" {
			return nil, errorf(provider, nil, "the answer could not be read (translation %d is empty)", i+1)
		}
		out[i] = keepSpace(texts[i], strings.TrimSpace(out[i]))
	}
	return out, nil
}

// readBack decodes one answer and checks that it keeps exactly the tokens of
// source, each once, properly nested.
func readBack(m *markup, answer, source string) (string, bool) {
	text := answer
	if m != nil {
		var err error
		if text, err = m.decode(answer, source); err != nil {
			return "", false
		}
	}
	if tags.Check(source, text, nil) != nil {
		return "", false
	}
	return text, true
}

// keepSpace puts the leading and trailing white space of source around text.
func keepSpace(source, text string) string {
	lead := len(source) - len(strings.TrimLeftFunc(source, unicode.IsSpace))
	trail := len(strings.TrimRightFunc(source, unicode.IsSpace))
	if trail < lead {
		trail = lead
	}
	return source[:lead] + text + source[trail:]
}
