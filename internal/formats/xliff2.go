package formats

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// xliff2Reader holds the state of an XLIFF 2.0 import.
type xliff2Reader struct {
	s     *xmlScanner
	ns    string
	paras groupParas
	out   Parsed
}

// readXLIFF2 reads an XLIFF 2.0 document: one Row per <segment>; the
// paragraph is the innermost enclosing <group>'s, and a unit outside any
// group gets no paragraph. A segment's state comes from xliff2ReadState; the
// notes of a unit go to its first segment's row.
func readXLIFF2(s *xmlScanner, root xml.StartElement) (Parsed, error) {
	r := &xliff2Reader{s: s, ns: root.Name.Space, paras: groupParas{next: 1}}
	r.out.SourceLang, r.out.TargetLang = attr(root, "srcLang"), attr(root, "trgLang")
	err := s.children(func(e xml.StartElement) error {
		if e.Name.Space != r.ns || e.Name.Local != "file" {
			return s.skip()
		}
		return r.container()
	})
	return r.out, err
}

// container reads the content of a <file> or <group>.
func (r *xliff2Reader) container() error {
	return readContainer(r.s, r.ns, "unit", &r.paras, r.unit)
}

// unit reads the <notes> and <segment>s of a <unit>; <ignorable> is skipped.
func (r *xliff2Reader) unit(xml.StartElement) error {
	first := len(r.out.Rows)
	var notes []string
	err := r.s.children(func(c xml.StartElement) error {
		if c.Name.Space != r.ns {
			return r.s.skip()
		}
		switch c.Name.Local {
		case "segment":
			return r.segment(c)
		case "notes":
			return r.s.children(func(n xml.StartElement) error {
				if n.Name.Space != r.ns || n.Name.Local != "note" {
					return r.s.skip()
				}
				var err error
				notes, err = readNote(r.s, notes)
				return err
			})
		}
		return r.s.skip()
	})
	if err == nil && len(notes) > 0 && len(r.out.Rows) > first {
		r.out.Rows[first].Notes = notes
	}
	return err
}

// segment reads a <segment> into a Row.
func (r *xliff2Reader) segment(e xml.StartElement) error {
	line := r.s.line()
	c, err := readUnit(r.s, r.ns, &xliff2Inline, false)
	if err != nil {
		return err
	}
	row := r.paras.row(c.source, c.target)
	row.State = xliff2ReadState(attr(e, "state"), attr(e, "subState"))
	return addRow(&r.out, line, row)
}

// XLIFF 2.0 export.
type xlf2Doc struct {
	XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
	Version string   `xml:"version,attr"`
	SrcLang string   `xml:"srcLang,attr"`
	TrgLang string   `xml:"trgLang,attr,omitempty"`
	File    xlf2File `xml:"file"`
}

type xlf2File struct {
	ID       string      `xml:"id,attr"`
	Original string      `xml:"original,attr"`
	Notes    *xlf2Notes  `xml:"notes"`
	Groups   []xlf2Group `xml:"group"`
}

type xlf2Group struct {
	ID    string     `xml:"id,attr"`
	Units []xlf2Unit `xml:"unit"`
}

type xlf2Unit struct {
	ID      string      `xml:"id,attr"`
	Space   string      `xml:"http://www.w3.org/XML/1998/namespace space,attr"`
	Notes   *xlf2Notes  `xml:"notes"`
	Segment xlf2Segment `xml:"segment"`
}

type xlf2Notes struct {
	Notes []xlf2Note `xml:"note"`
}

type xlf2Note struct {
	Category string `xml:"category,attr,omitempty"`
	Text     string `xml:",chardata"`
}

type xlf2Segment struct {
	State    string    `xml:"state,attr,omitempty"`
	SubState string    `xml:"subState,attr,omitempty"`
	Source   inlineXML `xml:"source"`
	Target   inlineXML `xml:"target"`
}

// xliff2State maps a Copydesk state to the XLIFF 2.0 segment state and a
// subState that keeps the Copydesk state exactly ("copydesk:mt", ...);
// xliff2ReadState maps them back.
func xliff2State(state string) (st, sub string) {
	switch state {
	case "mt":
		return "initial", "copydesk:mt"
	case "draft":
		return "translated", "copydesk:draft"
	case "rejected":
		return "translated", "copydesk:rejected"
	case "approved":
		return "final", "copydesk:approved"
	}
	return "", ""
}

// xliff2SubStatePrefix starts the subState values Write uses.
const xliff2SubStatePrefix = "copydesk:"

// xliff2ReadState maps a segment's state and subState to a Copydesk state.
// A subState "copydesk:S", S a Copydesk state, gives S; otherwise state
// final gives approved, reviewed and translated give draft, and initial,
// no state or any other value give "".
func xliff2ReadState(state, subState string) string {
	if rest, ok := strings.CutPrefix(subState, xliff2SubStatePrefix); ok && copydeskState(rest) != "" {
		return rest
	}
	switch state {
	case "final":
		return "approved"
	case "reviewed", "translated":
		return "draft"
	}
	return ""
}

// writeXLIFF2 writes a as XLIFF 2.0: one <group id="pN"> per paragraph, one
// <unit id="uID"> with one <segment> per segment, tag tokens as <pc> and
// <ph/> (see inlineContent).
func writeXLIFF2(w io.Writer, a Article) error {
	if err := checkArticleTexts(a); err != nil {
		return err
	}
	doc := xlf2Doc{Version: "2.0", SrcLang: a.SourceLang, TrgLang: a.Lang, File: xlf2File{
		ID:       "f1",
		Original: "document-" + strconv.FormatInt(a.DocumentID, 10),
	}}
	if a.Title != "" {
		doc.File.Notes = &xlf2Notes{Notes: []xlf2Note{{Category: "title", Text: a.Title}}}
	}
	for i, sg := range a.Segments {
		if i == 0 || sg.Paragraph != a.Segments[i-1].Paragraph {
			doc.File.Groups = append(doc.File.Groups, xlf2Group{ID: "p" + strconv.Itoa(sg.Paragraph)})
		}
		st, sub := xliff2State(sg.State)
		u := xlf2Unit{
			ID:    "u" + strconv.FormatInt(sg.ID, 10),
			Space: "preserve",
			Segment: xlf2Segment{State: st, SubState: sub,
				Source: inlineContent(sg.Source, sg.Tags, inlineXLIFF2),
				Target: inlineContent(sg.Target, sg.Tags, inlineXLIFF2)},
		}
		if len(sg.Notes) > 0 {
			u.Notes = &xlf2Notes{}
			for _, n := range sg.Notes {
				u.Notes.Notes = append(u.Notes.Notes, xlf2Note{Text: n})
			}
		}
		g := &doc.File.Groups[len(doc.File.Groups)-1]
		g.Units = append(g.Units, u)
	}
	if err := encodeXML(w, doc); err != nil {
		return fmt.Errorf("encode xliff 2.0: %w", err)
	}
	return nil
}
