package report

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// writePage writes c as HTML and parses it back.
func writePage(t *testing.T, c Changes, l Labels) (string, *html.Node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTMLWith(&buf, c, l); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return buf.String(), doc
}

func TestWriteHTMLSample(t *testing.T) {
	c := sampleChanges()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, c, "de"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>") {
		t.Error("no doctype")
	}
	if got := attr(findAll(doc, "html")[0], "lang"); got != "de" {
		t.Errorf("html lang = %q, want de", got)
	}
	svgs := findAll(doc, "svg")
	if len(svgs) != 2 {
		t.Fatalf("%d svg elements, want 2", len(svgs))
	}
	for i, want := range []int{len(c.Summary.Histogram), len(c.Summary.Kinds)} {
		if n := len(findAll(svgs[i], "rect")); n != want {
			t.Errorf("chart %d: %d bars, want %d", i, n, want)
		}
		if attr(svgs[i], "role") != "img" || attr(svgs[i], "aria-label") == "" {
			t.Errorf("chart %d lacks role=img or its aria-label", i)
		}
	}
	rows := findAll(segmentTable(t, doc), "tr")[1:]
	if len(rows) != len(c.Rows) {
		t.Fatalf("%d table rows, want %d", len(rows), len(c.Rows))
	}
	for i, tr := range rows {
		r := c.Rows[i]
		cells := findAll(tr, "td")
		if got := text(cells[1]); got != r.Source {
			t.Errorf("row %d source = %q, want %q", i, got, r.Source)
		}
		if got := text(cells[2]); got != r.MT {
			t.Errorf("row %d MT = %q, want %q", i, got, r.MT)
		}
		// The final cell shows the diff: without <del> it reads as the final
		// text, without <ins> as the machine's.
		if got := textWithout(cells[3], "del"); got != r.Final {
			t.Errorf("row %d final = %q, want %q", i, got, r.Final)
		}
		if got := textWithout(cells[3], "ins"); got != r.MT {
			t.Errorf("row %d final without insertions = %q, want the MT %q", i, got, r.MT)
		}
		if changed := len(findAll(cells[3], "del"))+len(findAll(cells[3], "ins")) > 0; changed != (r.MT != r.Final) {
			t.Errorf("row %d: highlighted changes %v, texts differ %v", i, changed, r.MT != r.Final)
		}
		if attr(cells[1], "lang") != "fr" || attr(cells[3], "lang") != "en" {
			t.Errorf("row %d: text cells lack their languages", i)
		}
	}
	for _, want := range []string{"@media print", "break-inside: avoid", "table-header-group"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// segmentTable returns the table of segments.
func segmentTable(t *testing.T, doc *html.Node) *html.Node {
	t.Helper()
	for _, n := range findAll(doc, "table") {
		if attr(n, "class") == "rows" {
			return n
		}
	}
	t.Fatal("no table of segments")
	return nil
}

// textWithout returns the text under n, leaving out the elements named skip.
func textWithout(n *html.Node, skip string) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && n.Data == skip:
			return
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestWriteHTMLEscapes(t *testing.T) {
	hostile := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	c := Changes{
		Summary: Translation{Title: "</title>" + hostile, SourceLang: `en" onload="x`, Lang: "fr",
			Kinds: []Count{{hostile, 1}}, Approvers: []Count{{hostile, 1}},
			Histogram: []Bin{{hostile, 1}}},
		Rows: []Row{{SegmentID: 1, Source: hostile, MT: "a & b", Final: hostile, Kind: hostile,
			Categories: []string{hostile}, Editors: hostile, Approver: hostile}},
	}
	out, doc := writePage(t, c, EnglishLabels())
	for _, tag := range []string{"script", "img"} {
		if n := len(findAll(doc, tag)); n != 0 {
			t.Errorf("%d <%s> elements in the page", n, tag)
		}
	}
	for d := range doc.Descendants() {
		for _, a := range d.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, d.Data)
			}
		}
	}
	if got := text(findAll(segmentTable(t, doc), "td")[1]); got != hostile {
		t.Errorf("source cell = %q, want %q", got, hostile)
	}
	if !strings.Contains(out, "a &amp; b") {
		t.Error("ampersand not escaped")
	}
}

func TestWriteHTMLStandsAlone(t *testing.T) {
	out, doc := writePage(t, sampleChanges(), EnglishLabels())
	for d := range doc.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		switch d.Data {
		case "script", "link", "img", "iframe", "object", "embed", "image", "use":
			t.Errorf("the page has a <%s> element", d.Data)
		}
		for _, a := range d.Attr {
			switch a.Key {
			case "src", "href", "srcset", "action", "poster", "data":
				t.Errorf("<%s %s=%q>", d.Data, a.Key, a.Val)
			}
		}
	}
	for _, s := range []string{"http:", "https:", "//", "url(", "@import"} {
		if i := strings.Index(out, s); i >= 0 {
			t.Errorf("the page refers to something external: %q at %q", s, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}

func TestWriteHTMLLabels(t *testing.T) {
	l := EnglishLabels()
	l.Lang, l.Summary, l.NoData = "fr", "Résumé", "Aucune donnée"
	l.Names = map[string]string{"state.approved": "Approuvé", "kind.wording": "Formulation"}
	c := Changes{Summary: Translation{Title: "T", States: map[string]int{"approved": 1, "archived": 2}},
		Rows: []Row{{State: "approved", Kind: "wording"}}}
	out, doc := writePage(t, c, l)
	if got := attr(findAll(doc, "html")[0], "lang"); got != "fr" {
		t.Errorf("html lang = %q, want fr", got)
	}
	for _, want := range []string{"Résumé", "Approuvé", "Formulation", "Aucune donnée", "archived", l.None} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := len(findAll(doc, "rect")); n != 0 {
		t.Errorf("%d bars in charts of no data", n)
	}
}

// TestWriteHTMLShot writes the sample report to $COPYDESK_SHOTS_HTML, when it
// is set, to be opened in a browser and looked at.
func TestWriteHTMLShot(t *testing.T) {
	path := os.Getenv("COPYDESK_SHOTS_HTML")
	if path == "" {
		t.Skip("COPYDESK_SHOTS_HTML is not set")
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sampleChanges(), "en"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

func TestWriteHTMLTimes(t *testing.T) {
	at := time.Date(2025, 3, 3, 9, 13, 0, 0, time.UTC)
	later := at.Add(time.Hour)
	tests := []struct {
		name string
		row  Row
		want []string
		not  []string
	}{
		{"approval is the last change", Row{Approver: "priya", ApprovedAt: at, ChangedBy: "priya", ChangedAt: at, ActiveMS: 207_400},
			[]string{`<time datetime="2025-03-03T09:13:00Z">2025-03-03 09:13</time>`, "0:03:27"}, []string{">changed<"}},
		{"edited after approval", Row{Approver: "priya", ApprovedAt: at, ChangedBy: "jonas", ChangedAt: later},
			[]string{">approved<", ">changed<", "2025-03-03 10:13", "· jonas"}, nil},
		{"never touched", Row{}, []string{"0:00:00"}, []string{"<time"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _ := writePage(t, Changes{Rows: []Row{tt.row}}, EnglishLabels())
			out = out[strings.Index(out, "<tbody>"):]
			for _, s := range tt.want {
				if !strings.Contains(out, s) {
					t.Errorf("row lacks %q", s)
				}
			}
			for _, s := range tt.not {
				if strings.Contains(out, s) {
					t.Errorf("row has %q", s)
				}
			}
		})
	}
}
