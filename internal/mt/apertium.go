package mt

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// apertiumMarkup is how both Apertium providers carry tokens: a pair as
// <b id="n">…</b>, which Apertium's HTML deformatter keeps as markup (the
// command, through transfuse, even keeps it on the words it enclosed; the
// server keeps it in place while words may move around it), and a lone token
// {n/} as itself, which Apertium passes through as punctuation. An empty
// element would end the sentence there.
var apertiumMarkup = &markup{tag: "b"}

// fromApertium turns an Apertium code into a canonical tag: "eng" → "en",
// "eng_US" → "en-US", "cat_valencia" → "ca-valencia". It reports false for
// codes it cannot read.
func fromApertium(code string) (string, bool) {
	lang, rest, _ := strings.Cut(code, "_")
	b, err := language.ParseBase(lang)
	if err != nil {
		return "", false
	}
	t, err := language.Compose(b)
	if rest != "" {
		if r, err1 := language.ParseRegion(rest); err1 == nil {
			t, err = language.Compose(b, r)
		} else if v, err2 := language.ParseVariant(rest); err2 == nil {
			t, err = language.Compose(b, v)
		} else {
			return "", false
		}
	}
	if err != nil {
		return "", false
	}
	return t.String(), true
}

// toApertium writes a tag as Apertium would name it, for messages about a
// pair that is not there: "en" → "eng", "en-US" → "eng_US".
func toApertium(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	b, conf := t.Base()
	if conf == language.No {
		return tag
	}
	code := b.ISO3()
	if r, conf := t.Region(); conf == language.Exact {
		code += "_" + r.String()
	}
	return code
}

// apertiumPair reads a mode name such as "eng-spa" or "spa-eng_US" into a
// pair; names that are not two language codes (debug modes such as
// "eng-spa-tagger") are not pairs.
func apertiumPair(name string) (Pair, bool) {
	parts := strings.Split(name, "-")
	if len(parts) != 2 {
		return Pair{}, false
	}
	s, ok1 := fromApertium(parts[0])
	t, ok2 := fromApertium(parts[1])
	return Pair{s, t}, ok1 && ok2
}

// notInstalled is the *Error of a request for a pair Apertium does not have.
func notInstalled(from, to string, available []Pair) *Error {
	return errorf("apertium", ErrNoPair, "the language pair %s-%s is not installed (installed: %s)",
		toApertium(from), toApertium(to), describe(available))
}

// joinBlocks writes texts, already encoded, as one HTML document of
// paragraphs, so that a whole batch is one request or one run. A paragraph
// is a sentence boundary for Apertium: no word moves across it.
func joinBlocks(texts []string) string {
	var b strings.Builder
	for _, t := range texts {
		b.WriteString("<p>")
		b.WriteString(t)
		b.WriteString("</p>\n")
	}
	return b.String()
}

// splitBlocks reads the paragraphs of a translated batch; it fails unless
// there are exactly n.
func splitBlocks(s string, n int) ([]string, error) {
	out := make([]string, 0, n)
	rest := strings.TrimSpace(s)
	for rest != "" {
		if !strings.HasPrefix(rest, "<p>") {
			return nil, fmt.Errorf("text outside a paragraph after %d paragraphs", len(out))
		}
		end := strings.Index(rest, "</p>")
		if end < 0 {
			return nil, fmt.Errorf("paragraph %d is not closed", len(out)+1)
		}
		out = append(out, rest[len("<p>"):end])
		rest = strings.TrimSpace(rest[end+len("</p>"):])
	}
	if len(out) != n {
		return nil, fmt.Errorf("%d paragraphs for %d texts", len(out), n)
	}
	return out, nil
}

// chunks cuts texts into runs of at most maxBytes bytes (a longer text is a
// run of its own) and maxTexts texts, and returns the runs' bounds.
func chunks(texts []string, maxBytes, maxTexts int) [][2]int {
	var out [][2]int
	start, size := 0, 0
	for i, t := range texts {
		if i > start && (size+len(t) > maxBytes || i-start >= maxTexts) {
			out = append(out, [2]int{start, i})
			start, size = i, 0
		}
		size += len(t)
	}
	if start < len(texts) {
		out = append(out, [2]int{start, len(texts)})
	}
	return out
}

// apertiumCodes resolves a request's pair against the installed pairs of
// table into Apertium's codes, or says that the pair is not installed.
func apertiumCodes(ctx context.Context, table func(context.Context) (pairTable, error), from, to string) ([2]string, error) {
	t, err := table(ctx)
	if err != nil {
		return [2]string{}, err
	}
	codes, ok := t.resolve(from, to)
	if !ok {
		return codes, notInstalled(from, to, t.pairs)
	}
	return codes, nil
}

// translateBlocks translates texts with one call of send on all of them joined
// as paragraphs, or, when the answer's paragraphs do not match the texts, with
// one call per text, inFlight at once.
func translateBlocks(ctx context.Context, name string, texts []string, inFlight int,
	send func(ctx context.Context, input string) (string, error)) ([]string, error) {
	answer, err := send(ctx, joinBlocks(texts))
	if err != nil {
		return nil, err
	}
	if got, err := splitBlocks(answer, len(texts)); err == nil {
		return got, nil
	}
	out := make([]string, len(texts))
	err = parallel(ctx, len(texts), inFlight, func(ctx context.Context, i int) error {
		answer, err := send(ctx, joinBlocks(texts[i:i+1]))
		if err != nil {
			return err
		}
		got, err := splitBlocks(answer, 1)
		if err != nil {
			return badAnswer(name, err)
		}
		out[i] = got[0]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
