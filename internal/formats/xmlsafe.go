package formats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"copydesk/internal/tags"
)

// Limits on XML input. They guard the server against hostile files: the
// decoder keeps one stack entry per open element and we keep one Row per unit.
const (
	maxXMLDepth = 64        // deepest element nesting accepted
	maxXMLUnits = 1_000_000 // most translation units (rows) accepted
)

// xmlURL is the namespace the "xml" prefix is bound to (xml:lang, xml:space).
const xmlURL = "http://www.w3.org/XML/1998/namespace"

// xmlScanner reads an XML document token by token with encoding/xml in
// strict mode, refusing DOCTYPE and entity declarations and nesting deeper
// than maxXMLDepth. Every error it returns is a *ParseError with a line.
type xmlScanner struct {
	d     *xml.Decoder
	depth int
}

func newXMLScanner(data []byte) *xmlScanner {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// No CharsetReader: a document declaring an encoding other than UTF-8
	// is refused. No Entity map: only the five predefined entities exist.
	return &xmlScanner{d: d}
}

// line returns the current line of the decoder, 1-based.
func (s *xmlScanner) line() int {
	line, _ := s.d.InputPos()
	return line
}

// next returns the next token, with its CharData copied so that it
// survives the following call. At the end of the input it returns io.EOF.
func (s *xmlScanner) next() (xml.Token, error) {
	start := s.line() // where the token begins, give or take leading text
	tok, err := s.d.Token()
	if err == io.EOF {
		if s.depth > 0 {
			return nil, errorAt(s.line(), "the XML document ends before its elements are closed")
		}
		return nil, io.EOF
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, errorAt(se.Line, "malformed XML: %s", se.Msg)
		}
		return nil, errorAt(s.line(), "malformed XML: %s", strings.TrimPrefix(err.Error(), "xml: "))
	}
	switch t := tok.(type) {
	case xml.Directive:
		return nil, errorAt(start, "DOCTYPE and entity declarations are not accepted")
	case xml.StartElement:
		s.depth++
		if s.depth > maxXMLDepth {
			return nil, errorAt(start, "elements are nested more than %d deep", maxXMLDepth)
		}
		return t.Copy(), nil
	case xml.EndElement:
		s.depth--
		return t, nil
	case xml.CharData:
		return t.Copy(), nil
	}
	return xml.CopyToken(tok), nil
}

// root returns the document's root element.
func (s *xmlScanner) root() (xml.StartElement, error) {
	for {
		tok, err := s.next()
		if err == io.EOF {
			return xml.StartElement{}, &ParseError{Err: errors.New("the file holds no XML element")}
		}
		if err != nil {
			return xml.StartElement{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.StartElement{}, errorAt(s.line(), "text before the root element")
			}
		}
	}
}

// children calls f for each child element of the element just opened, until
// that element's end; text between children is ignored. f must consume the
// child up to and including its end tag (by reading it or calling skip).
func (s *xmlScanner) children(f func(xml.StartElement) error) error {
	for {
		tok, err := s.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip consumes the rest of the element just opened.
func (s *xmlScanner) skip() error {
	return s.children(func(xml.StartElement) error { return s.skip() })
}

// text returns the character data of the element just opened, down to any
// depth, and consumes it, reading inline elements by in (see inlineRules):
// the content of elements in in.drop (native codes such as <ph> or <bpt>) is
// left out, the elements in.code knows become tag tokens, and the tags of
// other inline elements are dropped and their text kept. When the tokens are
// not balanced the text is returned without them. A nil in reads plain text.
func (s *xmlScanner) text(in *inlineRules) (string, error) {
	if in == nil {
		in = &inlineRules{}
	}
	var (
		plain, coded strings.Builder // the text without and with tokens
		codes        bool            // whether coded holds a token
		closes       []string        // per open element, the token its end writes
		dropping     int             // depth inside a dropped element, 0 when not in one
	)
	for {
		tok, err := s.next()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			end := ""
			switch {
			case dropping > 0:
				dropping++
			default:
				if in.code != nil {
					if open, close, ok := in.code(t); ok {
						coded.WriteString(open)
						end, codes = close, true
					}
				}
				if in.drop[t.Name.Local] {
					dropping = 1
				} else if in.cp && t.Name.Local == "cp" {
					r, err := codePoint(attr(t, "hex"))
					if err != nil {
						return "", errorAt(s.line(), "%w", err)
					}
					plain.WriteRune(r)
					coded.WriteRune(r)
				}
			}
			closes = append(closes, end)
		case xml.EndElement:
			if len(closes) == 0 {
				if codes && tags.Balanced(coded.String()) == nil {
					return coded.String(), nil
				}
				return plain.String(), nil
			}
			coded.WriteString(closes[len(closes)-1])
			closes = closes[:len(closes)-1]
			if dropping > 0 {
				dropping--
			}
		case xml.CharData:
			if dropping == 0 {
				plain.Write(t)
				coded.Write(t)
			}
		}
	}
}

// codePoint reads the hex attribute of an XLIFF 2.0 <cp> element.
func codePoint(hex string) (rune, error) {
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
		return 0, fmt.Errorf("<cp hex=%q> is not a code point", hex)
	}
	return rune(n), nil
}

// attr returns the value of the attribute with the given local name and no
// namespace, or "".
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// xmlLang returns the xml:lang attribute, or a plain lang attribute (TMX
// 1.1), or "".
func xmlLang(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Space == xmlURL && a.Name.Local == "lang" {
			return a.Value
		}
	}
	return attr(e, "lang")
}

// groupParas assigns paragraph numbers to groups: a group whose id is "p"
// followed by a number gets that number (as Write produces), any other group
// the number after the highest one seen so far.
type groupParas struct {
	stack []int
	next  int
}

func (p *groupParas) push(id string) {
	n, ok := -1, false
	if rest, found := strings.CutPrefix(id, "p"); found && rest != "" {
		if v, err := strconv.Atoi(rest); err == nil && v >= 0 && rest[0] != '+' {
			n, ok = v, true
		}
	}
	if !ok {
		n = p.next
	}
	if n >= p.next {
		p.next = n + 1
	}
	p.stack = append(p.stack, n)
}

func (p *groupParas) pop() { p.stack = p.stack[:len(p.stack)-1] }

// row returns a Row in the innermost open group, if any.
func (p *groupParas) row(source, target string) Row {
	r := Row{Source: source, Target: target}
	if len(p.stack) > 0 {
		r.Paragraph, r.HasParagraph = p.stack[len(p.stack)-1], true
	}
	return r
}

// tooManyUnits is the error for a file over maxXMLUnits.
func tooManyUnits(line int) error {
	return errorAt(line, "the file holds more than %d translation units", maxXMLUnits)
}

// checkXMLText refuses text that XML 1.0 cannot carry: invalid UTF-8 and
// control characters other than tab, line feed and carriage return (and
// U+FFFE, U+FFFF). encoding/xml would silently turn them into U+FFFD.
func checkXMLText(what, s string) error {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return fmt.Errorf("%s is not valid UTF-8", what)
			}
		}
		if !xmlChar(r) {
			return fmt.Errorf("%s holds the character U+%04X, which XML 1.0 does not allow", what, r)
		}
	}
	return nil
}

// xmlChar reports whether r is a Char of XML 1.0.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= utf8.MaxRune)
}

// checkArticleTexts runs checkXMLText over every text of an article.
func checkArticleTexts(a Article) error {
	for _, f := range []struct{ what, s string }{
		{"the title", a.Title}, {"the source language", a.SourceLang}, {"the target language", a.Lang},
	} {
		if err := checkXMLText(f.what, f.s); err != nil {
			return err
		}
	}
	for _, sg := range a.Segments {
		texts := []string{sg.Source, sg.Target, sg.State, sg.ChangedBy}
		names := []string{"source", "target", "state", "reviewer"}
		for _, n := range sg.Notes {
			texts, names = append(texts, n), append(names, "note")
		}
		for i, s := range texts {
			if err := checkXMLText(fmt.Sprintf("segment %d %s", sg.ID, names[i]), s); err != nil {
				return err
			}
		}
	}
	return nil
}

// encodeXML writes the XML declaration and v, indented, with a final newline.
func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
