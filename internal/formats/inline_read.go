package formats

import (
	"encoding/xml"
	"strconv"

	"copydesk/internal/tags"
)

// inlineRules says how the inline elements of one format read: which hold
// native code that is left out, whether <cp hex> stands for a character, and
// which become tag tokens. The zero value reads plain text: every tag dropped,
// all text kept.
type inlineRules struct {
	drop map[string]bool // local names of elements whose content is left out
	cp   bool            // XLIFF 2.0: <cp hex="..."/> stands for its code point

	// code returns the tokens an element stands for: open is written where
	// it starts, close where it ends; ok is false when it stands for none
	// (not a code, or an id that is not a usable number).
	code func(e xml.StartElement) (open, close string, ok bool)
}

// Inline rules of the XML import formats. The elements that become tokens
// (with an id, or TMX i or x, from 1 to 999 written plainly):
//
//	XLIFF 1.2  <g id="N">…</g> → {N}…{/N};  <x id="N"/>, <bx id="N"/>, <ex id="N"/>, <ph id="N">…</ph> → {N/}
//	XLIFF 2.0  <pc id="N">…</pc> → {N}…{/N};  <ph id="N"/>, <sc id="N"/>, <ec id="N"/> → {N/}
//	TMX        <bpt i="N">…</bpt> → {N};  <ept i="N">…</ept> → {/N};  <ph x="N">…</ph> → {N/}
//
// The content of <ph>, <bpt> and <ept> is native code and is left out. Other
// inline elements, and these without a usable number, read as before: native
// code elements are left out, the others lose their tags and keep their text.
// Text that merely looks like a token is kept as it is. When the tokens a
// text would get are not balanced (tags.Balanced), the text is read without
// them.
var (
	xliff12Inline = inlineRules{
		drop: map[string]bool{"ph": true, "bpt": true, "ept": true, "it": true, "sub": true},
		code: xliff12Code,
	}
	xliff2Inline = inlineRules{drop: map[string]bool{}, cp: true, code: xliff2Code}
	tmxInline    = inlineRules{
		drop: map[string]bool{"bpt": true, "ept": true, "ph": true, "it": true, "ut": true, "sub": true},
		code: tmxCode,
	}
)

// xliff12Code reads the XLIFF 1.2 codes <g>, <x/>, <bx/>, <ex/> and <ph>.
func xliff12Code(e xml.StartElement) (open, close string, ok bool) {
	switch e.Name.Local {
	case "g":
		return pairTokens(attr(e, "id"))
	case "x", "bx", "ex", "ph":
		return emptyToken(attr(e, "id"))
	}
	return "", "", false
}

// xliff2Code reads the XLIFF 2.0 codes <pc>, <ph/>, <sc/> and <ec/>; an <ec/>
// that has no id (it has a startRef instead) stands for no token.
func xliff2Code(e xml.StartElement) (open, close string, ok bool) {
	switch e.Name.Local {
	case "pc":
		return pairTokens(attr(e, "id"))
	case "ph", "sc", "ec":
		return emptyToken(attr(e, "id"))
	}
	return "", "", false
}

// tmxCode reads the TMX codes <bpt i>, <ept i> and <ph x>.
func tmxCode(e xml.StartElement) (open, close string, ok bool) {
	var (
		n    int
		form tags.Form
	)
	switch e.Name.Local {
	case "bpt":
		n, ok = inlineID(attr(e, "i"))
		form = tags.Open
	case "ept":
		n, ok = inlineID(attr(e, "i"))
		form = tags.Close
	case "ph":
		n, ok = inlineID(attr(e, "x"))
		form = tags.Empty
	}
	if !ok {
		return "", "", false
	}
	return tags.Format(n, form), "", true
}

// pairTokens returns {id} and {/id} for an element that encloses text.
func pairTokens(id string) (open, close string, ok bool) {
	n, ok := inlineID(id)
	if !ok {
		return "", "", false
	}
	return tags.Format(n, tags.Open), tags.Format(n, tags.Close), true
}

// emptyToken returns {id/} for an element that stands alone.
func emptyToken(id string) (open, close string, ok bool) {
	n, ok := inlineID(id)
	if !ok {
		return "", "", false
	}
	return tags.Format(n, tags.Empty), "", true
}

// inlineID reads the number of an inline code: a whole number from 1 to 999
// written plainly ("7", not "07" or "+7"), as a token can hold it.
func inlineID(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 999 || strconv.Itoa(n) != s {
		return 0, false
	}
	return n, true
}
