package formats

import (
	"bytes"
	"encoding/xml"
	"strconv"

	"copydesk/internal/tags"
)

// Inline codes in the XML exports. A segment's protected tag tokens (package
// tags) are written as the inline codes of each standard, so that CAT tools
// show them as tags rather than as text the translator could break:
//
//	token   XLIFF 1.2           XLIFF 2.0            TMX 1.4b
//	{N}     <g id="N">          <pc id="N">          <bpt i="N" x="N">{N}</bpt>
//	{/N}    </g>                </pc>                <ept i="N">{/N}</ept>
//	{N/}    <x id="N"/>         <ph id="N"/>         <ph x="N">{N/}</ph>
//
// TMX inline elements hold the native code they stand for; ours holds the
// token itself, which is what Copydesk's "native code" is. XLIFF 1.2 codes get
// a ctype and XLIFF 2.0 codes a type (and subType) where the segment's tag
// table names a kind the standard has a value for (see xliff12CType,
// xliff2Type).
//
// Only a text whose tokens are balanced (tags.Balanced) is written with
// codes; any other text, and every text without tokens, is written as plain
// escaped text, byte for byte as before inline codes existed.

// inlineDialect is the standard whose inline codes a text is written with.
type inlineDialect int

const (
	inlineXLIFF12 inlineDialect = iota
	inlineXLIFF2
	inlineTMX
)

// inlineXML is the content of an element that may hold inline codes. Its XML
// is complete, escaped markup (see inlineContent) copied as it is.
type inlineXML struct {
	XML string `xml:",innerxml"`
}

// inlineContent returns s as element content in dialect d: its text escaped
// exactly as encoding/xml escapes a string, and, when s holds tokens that are
// balanced, each token as the dialect's inline code, with the attributes that
// table gives its number. s must already have passed checkXMLText.
func inlineContent(s string, table []tags.Tag, d inlineDialect) inlineXML {
	var b bytes.Buffer
	toks := tags.Scan(s)
	if len(toks) == 0 || tags.Balanced(s) != nil {
		_ = xml.EscapeText(&b, []byte(s)) // a bytes.Buffer does not fail
		return inlineXML{XML: b.String()}
	}
	last := 0
	for _, t := range toks {
		_ = xml.EscapeText(&b, []byte(s[last:t.Start]))
		b.WriteString(inlineCode(t, table, d))
		last = t.End
	}
	_ = xml.EscapeText(&b, []byte(s[last:]))
	return inlineXML{XML: b.String()}
}

// inlineCode returns the markup of one token in dialect d. Attribute values
// are numbers and fixed names, so they need no escaping.
func inlineCode(t tags.Token, table []tags.Tag, d inlineDialect) string {
	n := strconv.Itoa(t.ID)
	kind := ""
	if tg, ok := tags.Find(table, t.ID); ok && tags.Paired(tg.Kind) == (t.Form != tags.Empty) {
		kind = tg.Kind
	}
	switch d {
	case inlineXLIFF12:
		switch t.Form {
		case tags.Open:
			return `<g id="` + n + `"` + xliff12CType(kind) + `>`
		case tags.Close:
			return `</g>`
		}
		return `<x id="` + n + `"` + xliff12CType(kind) + `/>`
	case inlineXLIFF2:
		switch t.Form {
		case tags.Open:
			return `<pc id="` + n + `"` + xliff2Type(kind) + `>`
		case tags.Close:
			return `</pc>`
		}
		return `<ph id="` + n + `"` + xliff2Type(kind) + `/>`
	}
	switch t.Form {
	case tags.Open:
		return `<bpt i="` + n + `" x="` + n + `">` + t.String() + `</bpt>`
	case tags.Close:
		return `<ept i="` + n + `">` + t.String() + `</ept>`
	}
	return `<ph x="` + n + `">` + t.String() + `</ph>`
}

// xliff12CType returns the ctype attribute (with its leading space) for a tag
// kind, using the values XLIFF 1.2 defines: "bold", "italic" and "link" for
// <g>, "lb" (line break) and "image" for <x/>. Other kinds get none.
func xliff12CType(kind string) string {
	if v := xliff12CTypes[kind]; v != "" {
		return ` ctype="` + v + `"`
	}
	return ""
}

// xliff12CTypes maps tag kinds to XLIFF 1.2 ctype values.
var xliff12CTypes = map[string]string{tags.Bold: "bold", tags.Italic: "italic", tags.Link: "link",
	tags.Break: "lb", tags.Image: "image"}

// xliff2Type returns the type and subType attributes (with a leading space)
// for a tag kind, using the values XLIFF 2.0 defines: type "fmt" for
// formatting, with subType "xlf:b", "xlf:i" and "xlf:lb" (which require type
// fmt) for bold, italic and a line break; "link" for a link; "image" for an
// image. A literal-text tag gets none.
func xliff2Type(kind string) string {
	switch kind {
	case tags.Bold:
		return ` type="fmt" subType="xlf:b"`
	case tags.Italic:
		return ` type="fmt" subType="xlf:i"`
	case tags.Break:
		return ` type="fmt" subType="xlf:lb"`
	case tags.Code, tags.Strike, tags.Sup, tags.Sub:
		return ` type="fmt"`
	case tags.Link:
		return ` type="link"`
	case tags.Image:
		return ` type="image"`
	}
	return ""
}
