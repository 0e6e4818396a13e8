package formats

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// tmxParagraphProp is the <prop> type under which Write records a
// segment's paragraph; Parse reads it back.
const tmxParagraphProp = "x-copydesk-paragraph"

// tmxStateProp is the <prop> type under which Write records a segment's
// Copydesk state; Parse reads it back.
const tmxStateProp = "x-copydesk-state"

// tmxTimeLayout is the TMX date format, always in UTC.
const tmxTimeLayout = "20060102T150405Z"

// toolVersion is written as TMX creationtoolversion.
const toolVersion = "1"

// tmxVariant is one <tuv> of a translation unit.
type tmxVariant struct{ lang, text string }

// tmxUnit is one <tu> as read.
type tmxUnit struct {
	line      int
	variants  []tmxVariant
	paragraph int
	hasPara   bool
	state     string
	notes     []string
	// from the <tu>'s attributes: creationdate, changedate, changeid
	created, changed time.Time
	changedBy        string
}

// parseTMX reads a TMX document. The source language is the header's
// srclang; when that is "*all*" or missing, it is the language of the first
// variant of the first unit. The file must hold at most one other language,
// the target: a file with more is refused with an error naming them.
// Languages are compared case-insensitively. Each <tu> becomes a Row; one
// without a variant in the source language is an error, one without a
// target variant has an empty target. The paragraph comes from a
// <prop type="x-copydesk-paragraph"> when there is one, the state from a
// <prop type="x-copydesk-state"> naming a Copydesk state (else it is ""),
// and the notes from the <tu>'s <note>s (those of a <tuv> are ignored).
func parseTMX(data []byte) (Parsed, error) {
	s := newXMLScanner(data)
	root, err := s.root()
	if err != nil {
		return Parsed{}, err
	}
	if root.Name.Local != "tmx" {
		return Parsed{}, errorAt(s.line(), "the root element is <%s>, not <tmx>", root.Name.Local)
	}
	var (
		srcLang string
		units   []tmxUnit
	)
	err = s.children(func(e xml.StartElement) error {
		switch e.Name.Local {
		case "header":
			srcLang = attr(e, "srclang")
			return s.skip()
		case "body":
			return s.children(func(tu xml.StartElement) error {
				if tu.Name.Local != "tu" {
					return s.skip()
				}
				if len(units) >= maxXMLUnits {
					return tooManyUnits(s.line())
				}
				u, err := readTU(s, tu)
				units = append(units, u)
				return err
			})
		}
		return s.skip()
	})
	if err != nil {
		return Parsed{}, err
	}
	return tmxRows(srcLang, units)
}

// readTU reads the rest of a <tu>, whose start element is tu. Dates that are
// not TMX dates (YYYYMMDDThhmmssZ) are ignored.
func readTU(s *xmlScanner, tu xml.StartElement) (tmxUnit, error) {
	u := tmxUnit{line: s.line(), changedBy: strings.TrimSpace(attr(tu, "changeid"))}
	u.created, _ = time.Parse(tmxTimeLayout, attr(tu, "creationdate"))
	u.changed, _ = time.Parse(tmxTimeLayout, attr(tu, "changedate"))
	err := s.children(func(c xml.StartElement) error {
		switch c.Name.Local {
		case "note":
			var err error
			u.notes, err = readNote(s, u.notes)
			return err
		case "prop":
			return readTUProp(s, c, &u)
		case "tuv":
			lang := xmlLang(c)
			if lang == "" {
				return errorAt(s.line(), "a <tuv> has no xml:lang")
			}
			var text string
			err := s.children(func(seg xml.StartElement) error {
				if seg.Name.Local != "seg" {
					return s.skip()
				}
				var err error
				text, err = s.text(&tmxInline)
				return err
			})
			u.variants = append(u.variants, tmxVariant{lang: lang, text: text})
			return err
		}
		return s.skip()
	})
	return u, err
}

// readTUProp reads the rest of a <prop> of a <tu>: a paragraph or a state;
// props of other types are skipped. A state that is not a Copydesk state is
// read as "".
func readTUProp(s *xmlScanner, c xml.StartElement, u *tmxUnit) error {
	typ := attr(c, "type")
	if typ != tmxParagraphProp && typ != tmxStateProp {
		return s.skip()
	}
	v, err := s.text(nil)
	if err != nil {
		return err
	}
	if typ == tmxStateProp {
		u.state = copydeskState(strings.TrimSpace(v))
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return errorAt(s.line(), "paragraph must be a whole number of 0 or more, not %q", v)
	}
	u.paragraph, u.hasPara = n, true
	return nil
}

// tmxRows picks the language pair and builds the rows.
func tmxRows(srcLang string, units []tmxUnit) (Parsed, error) {
	if srcLang == "*all*" {
		srcLang = ""
	}
	if srcLang == "" && len(units) > 0 && len(units[0].variants) > 0 {
		srcLang = units[0].variants[0].lang
	}
	var others []string
	for _, u := range units {
		for _, v := range u.variants {
			if strings.EqualFold(v.lang, srcLang) || containsFold(others, v.lang) {
				continue
			}
			others = append(others, v.lang)
		}
	}
	if len(others) > 1 {
		return Parsed{}, &ParseError{Err: fmt.Errorf(
			"the file holds more than two languages (%s, %s); only one language pair can be imported",
			srcLang, strings.Join(others, ", "))}
	}
	out := Parsed{SourceLang: srcLang, Rows: make([]Row, 0, len(units))}
	if len(others) == 1 {
		out.TargetLang = others[0]
	}
	for _, u := range units {
		var source, target *string
		for i, v := range u.variants {
			p := &target
			if strings.EqualFold(v.lang, srcLang) {
				p = &source
			}
			if *p != nil {
				return Parsed{}, errorAt(u.line, "the translation unit has two variants in %q", v.lang)
			}
			*p = &u.variants[i].text
		}
		if source == nil {
			return Parsed{}, errorAt(u.line, "the translation unit has no variant in the source language %q", srcLang)
		}
		r := Row{Source: *source, Paragraph: u.paragraph, HasParagraph: u.hasPara, State: u.state, Notes: u.notes,
			Created: u.created, Changed: u.changed, ChangedBy: u.changedBy}
		if target != nil {
			r.Target = *target
		}
		out.Rows = append(out.Rows, r)
	}
	return out, nil
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// TMX 1.4b export.
type tmxDoc struct {
	XMLName xml.Name  `xml:"tmx"`
	Version string    `xml:"version,attr"`
	Header  tmxHeader `xml:"header"`
	Units   []tmxTU   `xml:"body>tu"`
}

type tmxHeader struct {
	CreationTool        string    `xml:"creationtool,attr"`
	CreationToolVersion string    `xml:"creationtoolversion,attr"`
	Datatype            string    `xml:"datatype,attr"`
	Segtype             string    `xml:"segtype,attr"`
	AdminLang           string    `xml:"adminlang,attr"`
	SrcLang             string    `xml:"srclang,attr"`
	OTMF                string    `xml:"o-tmf,attr"`
	Notes               []string  `xml:"note"`
	Props               []tmxProp `xml:"prop"`
}

type tmxTU struct {
	TUID         string    `xml:"tuid,attr"`
	CreationDate string    `xml:"creationdate,attr,omitempty"`
	ChangeDate   string    `xml:"changedate,attr,omitempty"`
	ChangeID     string    `xml:"changeid,attr,omitempty"`
	Notes        []string  `xml:"note"`
	Props        []tmxProp `xml:"prop"`
	Variants     []tmxTUV  `xml:"tuv"`
}

type tmxProp struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type tmxTUV struct {
	Lang string    `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Seg  inlineXML `xml:"seg"`
}

// tmxTime formats t for TMX, or "" for the zero time.
func tmxTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(tmxTimeLayout)
}

// writeTMX writes a as TMX 1.4b: one <tu> per segment with a source and a
// target <tuv>, its dates and reviewer, its notes, and its paragraph and
// state as <prop>s; tag tokens as <bpt>, <ept> and <ph> (see inlineContent).
func writeTMX(w io.Writer, a Article) error {
	if err := checkArticleTexts(a); err != nil {
		return err
	}
	doc := tmxDoc{Version: "1.4", Header: tmxHeader{
		CreationTool:        "Copydesk",
		CreationToolVersion: toolVersion,
		Datatype:            "plaintext",
		Segtype:             "sentence",
		AdminLang:           "en",
		SrcLang:             a.SourceLang,
		OTMF:                "Copydesk",
	}}
	if a.Title != "" {
		doc.Header.Props = []tmxProp{{Type: "x-copydesk-title", Text: a.Title}}
	}
	for _, sg := range a.Segments {
		tu := tmxTU{
			TUID:         strconv.FormatInt(sg.ID, 10),
			CreationDate: tmxTime(sg.Created),
			ChangeDate:   tmxTime(sg.Changed),
			ChangeID:     sg.ChangedBy,
			Notes:        sg.Notes,
			Props:        []tmxProp{{Type: tmxParagraphProp, Text: strconv.Itoa(sg.Paragraph)}},
			Variants: []tmxTUV{{Lang: a.SourceLang, Seg: inlineContent(sg.Source, sg.Tags, inlineTMX)},
				{Lang: a.Lang, Seg: inlineContent(sg.Target, sg.Tags, inlineTMX)}},
		}
		if sg.State != "" {
			tu.Props = append(tu.Props, tmxProp{Type: tmxStateProp, Text: sg.State})
		}
		doc.Units = append(doc.Units, tu)
	}
	if err := encodeXML(w, doc); err != nil {
		return fmt.Errorf("encode tmx: %w", err)
	}
	return nil
}
