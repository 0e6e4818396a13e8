package formats

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// XLIFF namespaces.
const (
	xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"
	xliff20NS = "urn:oasis:names:tc:xliff:document:2.0"
)

// parseXLIFF reads an XLIFF 1.2 or 2.0 document, told apart by the root
// element's namespace or, failing that, its version attribute. Versions 1.0
// and 1.1 are read as 1.2.
func parseXLIFF(data []byte) (Parsed, error) {
	s := newXMLScanner(data)
	root, err := s.root()
	if err != nil {
		return Parsed{}, err
	}
	if root.Name.Local != "xliff" {
		return Parsed{}, errorAt(s.line(), "the root element is <%s>, not <xliff>", root.Name.Local)
	}
	version := attr(root, "version")
	switch {
	case root.Name.Space == xliff20NS || strings.HasPrefix(version, "2."):
		return readXLIFF2(s, root)
	case root.Name.Space == xliff12NS || version == "1.2" || version == "1.1" || version == "1.0":
		return readXLIFF12(s, root)
	}
	return Parsed{}, errorAt(s.line(), "unsupported XLIFF version %q (namespace %q)", version, root.Name.Space)
}

// xliff12Reader holds the state of an XLIFF 1.2 import.
type xliff12Reader struct {
	s     *xmlScanner
	ns    string
	paras groupParas
	out   Parsed
	files int
}

func readXLIFF12(s *xmlScanner, root xml.StartElement) (Parsed, error) {
	r := &xliff12Reader{s: s, ns: root.Name.Space, paras: groupParas{next: 1}}
	err := s.children(func(e xml.StartElement) error {
		if e.Name.Space != r.ns || e.Name.Local != "file" {
			return s.skip()
		}
		return r.file(e)
	})
	return r.out, err
}

// file reads one <file>; every file must declare the same languages.
func (r *xliff12Reader) file(e xml.StartElement) error {
	src, tgt := attr(e, "source-language"), attr(e, "target-language")
	r.files++
	if r.files == 1 {
		r.out.SourceLang, r.out.TargetLang = src, tgt
	} else if !strings.EqualFold(src, r.out.SourceLang) || !strings.EqualFold(tgt, r.out.TargetLang) {
		return errorAt(r.s.line(), "file %d is in %q to %q but file 1 is in %q to %q",
			r.files, src, tgt, r.out.SourceLang, r.out.TargetLang)
	}
	return r.s.children(func(c xml.StartElement) error {
		if c.Name.Space != r.ns || c.Name.Local != "body" {
			return r.s.skip()
		}
		return r.container()
	})
}

// container reads the content of a <body> or <group>.
func (r *xliff12Reader) container() error {
	return readContainer(r.s, r.ns, "trans-unit", &r.paras, r.unit)
}

// readContainer reads the children of an XLIFF container (in namespace ns):
// <group>s, whose id names the paragraph, nested to any depth, and units (named
// unitName), each read by unit; anything else is skipped.
func readContainer(s *xmlScanner, ns, unitName string, paras *groupParas, unit func(xml.StartElement) error) error {
	return s.children(func(c xml.StartElement) error {
		if c.Name.Space != ns {
			return s.skip()
		}
		switch c.Name.Local {
		case "group":
			paras.push(attr(c, "id"))
			defer paras.pop()
			return readContainer(s, ns, unitName, paras, unit)
		case unitName:
			return unit(c)
		}
		return s.skip()
	})
}

// unit reads a <trans-unit>: its <source>, <target> and <note>s become a
// Row, with the state its approved attribute and the target's state and
// state-qualifier give.
func (r *xliff12Reader) unit(e xml.StartElement) error {
	line := r.s.line()
	c, err := readUnit(r.s, r.ns, &xliff12Inline, true)
	if err != nil {
		return err
	}
	row := r.paras.row(c.source, c.target)
	row.State = xliff12ReadState(attr(e, "approved"), attr(c.targetTag, "state"), attr(c.targetTag, "state-qualifier"))
	row.Notes = c.notes
	return addRow(&r.out, line, row)
}

// unitContent is what readUnit finds in a unit.
type unitContent struct {
	source, target string
	targetTag      xml.StartElement // the <target> start tag, for its attributes
	notes          []string         // trimmed, empty ones dropped
}

// readUnit reads the <source> and <target> children (in namespace ns) of the
// element just opened, their inline elements by in, and, with notes, its
// <note> children. Other children are skipped.
func readUnit(s *xmlScanner, ns string, in *inlineRules, notes bool) (unitContent, error) {
	var u unitContent
	err := s.children(func(c xml.StartElement) error {
		if c.Name.Space != ns {
			return s.skip()
		}
		var err error
		switch {
		case c.Name.Local == "source":
			u.source, err = s.text(in)
		case c.Name.Local == "target":
			u.targetTag = c
			u.target, err = s.text(in)
		case c.Name.Local == "note" && notes:
			u.notes, err = readNote(s, u.notes)
		default:
			err = s.skip()
		}
		return err
	})
	return u, err
}

// readNote reads the text of the <note> just opened, trims it and appends
// it to notes unless it is empty.
func readNote(s *xmlScanner, notes []string) ([]string, error) {
	t, err := s.text(nil)
	if err != nil {
		return notes, err
	}
	if t = strings.TrimSpace(t); t != "" {
		notes = append(notes, t)
	}
	return notes, nil
}

// addRow appends r to out, refusing more than maxXMLUnits rows; line is
// where the unit began.
func addRow(out *Parsed, line int, r Row) error {
	if len(out.Rows) >= maxXMLUnits {
		return tooManyUnits(line)
	}
	out.Rows = append(out.Rows, r)
	return nil
}

// XLIFF 1.2 export. Element and attribute order follows the 1.2 schema.
type xlf12Doc struct {
	XMLName xml.Name  `xml:"urn:oasis:names:tc:xliff:document:1.2 xliff"`
	Version string    `xml:"version,attr"`
	File    xlf12File `xml:"file"`
}

type xlf12File struct {
	Original   string       `xml:"original,attr"`
	SourceLang string       `xml:"source-language,attr"`
	TargetLang string       `xml:"target-language,attr,omitempty"`
	Datatype   string       `xml:"datatype,attr"`
	Header     *xlf12Header `xml:"header"`
	Groups     []xlf12Group `xml:"body>group"`
}

type xlf12Header struct {
	Notes []xlf12Note `xml:"note"`
}

type xlf12Group struct {
	ID    string      `xml:"id,attr"`
	Units []xlf12Unit `xml:"trans-unit"`
}

type xlf12Unit struct {
	ID       string      `xml:"id,attr"`
	Approved string      `xml:"approved,attr,omitempty"`
	Space    string      `xml:"http://www.w3.org/XML/1998/namespace space,attr"`
	Source   inlineXML   `xml:"source"`
	Target   xlf12Target `xml:"target"`
	Notes    []xlf12Note `xml:"note"`
}

type xlf12Target struct {
	State     string `xml:"state,attr,omitempty"`
	Qualifier string `xml:"state-qualifier,attr,omitempty"`
	XML       string `xml:",innerxml"` // escaped text with inline codes, see inlineContent
}

type xlf12Note struct {
	From string `xml:"from,attr,omitempty"`
	Text string `xml:",chardata"`
}

// xliff12State maps a Copydesk state to the XLIFF 1.2 target state, its
// state-qualifier and the trans-unit's approved attribute; xliff12ReadState
// maps them back.
func xliff12State(state string) (st, qualifier, approved string) {
	switch state {
	case "mt":
		return "needs-review-translation", "mt-suggestion", ""
	case "draft":
		return "translated", "", ""
	case "approved":
		return "signed-off", "", "yes"
	case "rejected":
		return "needs-review-translation", xliff12RejectedQualifier, ""
	}
	return "", "", ""
}

// xliff12RejectedQualifier is the state-qualifier that marks a rejected
// segment in Write's XLIFF 1.2 (an "x-" value, which XLIFF 1.2 allows).
const xliff12RejectedQualifier = "x-copydesk-rejected"

// xliff12ReadState maps a trans-unit's approved attribute and its target's
// state and state-qualifier to a Copydesk state, reading back exactly what
// xliff12State writes. approved="yes", state signed-off or final: approved.
// state-qualifier x-copydesk-rejected or rejected-*: rejected.
// needs-review-translation with mt-suggestion: mt. translated,
// needs-review-*, needs-adaptation, needs-l10n: draft. new,
// needs-translation, no state or any other value: "".
func xliff12ReadState(approved, state, qualifier string) string {
	switch {
	case approved == "yes" || state == "signed-off" || state == "final":
		return "approved"
	case qualifier == xliff12RejectedQualifier || strings.HasPrefix(qualifier, "rejected-"):
		return "rejected"
	case state == "needs-review-translation" && qualifier == "mt-suggestion":
		return "mt"
	}
	switch state {
	case "translated", "needs-review-translation", "needs-review-adaptation", "needs-review-l10n",
		"needs-adaptation", "needs-l10n":
		return "draft"
	}
	return ""
}

// writeXLIFF12 writes a as XLIFF 1.2: one <group id="pN"> per paragraph,
// one <trans-unit id="ID"> per segment, tag tokens as <g> and <x/> (see
// inlineContent).
func writeXLIFF12(w io.Writer, a Article) error {
	if err := checkArticleTexts(a); err != nil {
		return err
	}
	doc := xlf12Doc{Version: "1.2", File: xlf12File{
		Original:   "document-" + strconv.FormatInt(a.DocumentID, 10),
		SourceLang: a.SourceLang,
		TargetLang: a.Lang,
		Datatype:   "plaintext",
	}}
	if a.Title != "" {
		doc.File.Header = &xlf12Header{Notes: []xlf12Note{{From: "title", Text: a.Title}}}
	}
	for i, sg := range a.Segments {
		if i == 0 || sg.Paragraph != a.Segments[i-1].Paragraph {
			doc.File.Groups = append(doc.File.Groups, xlf12Group{ID: "p" + strconv.Itoa(sg.Paragraph)})
		}
		st, q, approved := xliff12State(sg.State)
		u := xlf12Unit{
			ID:       strconv.FormatInt(sg.ID, 10),
			Approved: approved,
			Space:    "preserve",
			Source:   inlineContent(sg.Source, sg.Tags, inlineXLIFF12),
			Target:   xlf12Target{State: st, Qualifier: q, XML: inlineContent(sg.Target, sg.Tags, inlineXLIFF12).XML},
		}
		for _, n := range sg.Notes {
			u.Notes = append(u.Notes, xlf12Note{Text: n})
		}
		g := &doc.File.Groups[len(doc.File.Groups)-1]
		g.Units = append(g.Units, u)
	}
	if err := encodeXML(w, doc); err != nil {
		return fmt.Errorf("encode xliff: %w", err)
	}
	return nil
}
