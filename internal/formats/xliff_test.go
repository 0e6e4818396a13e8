package formats

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// trickyArticle holds texts that XML escaping and whitespace handling could
// spoil.
func trickyArticle() Article {
	t0 := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	return Article{DocumentID: 7, Title: "T & <t>", SourceLang: "fr", Lang: "en", Segments: []Segment{
		{ID: 1, Paragraph: 1, Index: 1, Source: `« Bonjour » <b> & "x" 'y'`, Target: `"Hello" <b> & 'y' 🎉`, State: "mt",
			Created: t0, Changed: t0.Add(time.Hour), ChangedBy: "ana"},
		{ID: 2, Paragraph: 1, Index: 2, Source: "  lead and trail  ", Target: " two\nlines\r\nhere\t", State: "draft"},
		{ID: 3, Paragraph: 3, Index: 1, Source: "]]> end", Target: "", State: "rejected", Notes: []string{"wrong tone", "see <glossary>"}},
		{ID: 4, Paragraph: 4, Index: 1, Source: "Fin.", Target: "End.", State: "approved"},
	}}
}

func TestXMLRoundTrip(t *testing.T) {
	a := trickyArticle()
	for _, tc := range []struct{ write, read string }{{"xliff", "xliff"}, {"xliff2", "xliff"}, {"tmx", "tmx"}} {
		t.Run(tc.write, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, a, tc.write); err != nil {
				t.Fatalf("Write: %v", err)
			}
			p, err := ParseWithLangs(bytes.NewReader(buf.Bytes()), tc.read)
			if err != nil {
				t.Fatalf("ParseWithLangs: %v\n%s", err, buf.String())
			}
			if p.SourceLang != "fr" || p.TargetLang != "en" {
				t.Errorf("languages %q, %q; want fr, en", p.SourceLang, p.TargetLang)
			}
			if len(p.Rows) != len(a.Segments) {
				t.Fatalf("%d rows, want %d", len(p.Rows), len(a.Segments))
			}
			for i, s := range a.Segments {
				want := Row{Source: s.Source, Target: s.Target, Paragraph: s.Paragraph, HasParagraph: true,
					State: s.State, Notes: s.Notes}
				if tc.write == "tmx" {
					// TMX also carries the dates and the last reviewer.
					want.Created, want.Changed, want.ChangedBy = s.Created, s.Changed, s.ChangedBy
				}
				if !reflect.DeepEqual(p.Rows[i], want) {
					t.Errorf("row %d = %+v, want %+v", i, p.Rows[i], want)
				}
			}
		})
	}
}

func TestXLIFFStates(t *testing.T) {
	tests := []struct {
		state, st12, q12, approved, st2, sub2 string
	}{
		{"mt", "needs-review-translation", "mt-suggestion", "", "initial", "copydesk:mt"},
		{"draft", "translated", "", "", "translated", "copydesk:draft"},
		{"rejected", "needs-review-translation", "x-copydesk-rejected", "", "translated", "copydesk:rejected"},
		{"approved", "signed-off", "", "yes", "final", "copydesk:approved"},
		{"other", "", "", "", "", ""},
	}
	for _, tc := range tests {
		st, q, ap := xliff12State(tc.state)
		if st != tc.st12 || q != tc.q12 || ap != tc.approved {
			t.Errorf("xliff12State(%q) = %q, %q, %q; want %q, %q, %q", tc.state, st, q, ap, tc.st12, tc.q12, tc.approved)
		}
		st, sub := xliff2State(tc.state)
		if st != tc.st2 || sub != tc.sub2 {
			t.Errorf("xliff2State(%q) = %q, %q; want %q, %q", tc.state, st, sub, tc.st2, tc.sub2)
		}
	}
}

func TestWriteXMLContents(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"xliff", []string{`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">`,
			`<file original="document-7" source-language="fr" target-language="en" datatype="plaintext">`,
			`<group id="p3">`, `<trans-unit id="4" approved="yes" xml:space="preserve">`,
			`<target state="signed-off">End.</target>`,
			`<target state="needs-review-translation" state-qualifier="mt-suggestion">`,
			`<note>see &lt;glossary&gt;</note>`}},
		{"xliff2", []string{`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">`,
			`<file id="f1" original="document-7">`, `<unit id="u3" xml:space="preserve">`,
			`<note>wrong tone</note>`, `<segment state="final" subState="copydesk:approved">`}},
		{"tmx", []string{`<tmx version="1.4">`,
			`<header creationtool="Copydesk" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="fr" o-tmf="Copydesk">`,
			`<tu tuid="1" creationdate="20240506T070809Z" changedate="20240506T080809Z" changeid="ana">`,
			`<tuv xml:lang="fr">`, `<prop type="x-copydesk-state">rejected</prop>`, `<note>wrong tone</note>`}},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := Write(&buf, trickyArticle(), tc.format); err != nil {
			t.Fatalf("Write(%s): %v", tc.format, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("Write(%s) lacks %s in:\n%s", tc.format, w, buf.String())
			}
		}
	}
}

func TestWriteXMLRefusesControlChars(t *testing.T) {
	for _, f := range []string{"xliff", "xliff2", "tmx"} {
		for _, bad := range []string{"a\x00b", "bell\x07", "\uFFFE", "bad \xff utf8"} {
			a := Article{SourceLang: "fr", Lang: "en", Segments: []Segment{{ID: 9, Source: "ok", Target: bad}}}
			err := Write(&bytes.Buffer{}, a, f)
			if err == nil || !strings.Contains(err.Error(), "segment 9 target") {
				t.Errorf("Write(%s, %q) error %v, want one naming segment 9 target", f, bad, err)
			}
		}
	}
}

func TestParseXLIFF(t *testing.T) {
	const head12 = `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">`
	tests := []struct {
		name, in string
		want     []Row
		src, tgt string
	}{
		{"1.2 inline and ungrouped", head12 + `<file source-language="de" target-language="en" datatype="x" original="o"><body>
<trans-unit id="1"><source>Ein <g id="1">fett</g><x id="2"/> Text<ph id="3">&lt;br/&gt;</ph>.</source>
<target>A <bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept> text.</target>
<alt-trans><source>no</source><target>no</target></alt-trans></trans-unit>
<group id="intro"><trans-unit id="2"><source>B</source></trans-unit></group>
<group id="p7"><trans-unit id="3"><source>C</source><target>c</target></trans-unit></group>
<group><trans-unit id="4"><source>D</source></trans-unit></group>
</body></file></xliff>`,
			[]Row{{Source: "Ein {1}fett{/1}{2/} Text{3/}.", Target: "A bold text."}, {Source: "B", Paragraph: 1, HasParagraph: true},
				{Source: "C", Target: "c", Paragraph: 7, HasParagraph: true}, {Source: "D", Paragraph: 8, HasParagraph: true}},
			"de", "en"},
		{"2.0 pc and multi segment", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
<file id="f"><unit id="u1"><originalData><data id="d1">&lt;b&gt;</data></originalData>
<segment><source>Say <pc id="1" dataRefStart="d1">hi</pc><ph id="2"/>!</source><target>Dis <pc id="1">salut</pc> !</target></segment>
<ignorable><source> </source></ignorable>
<segment><source>Two<cp hex="9"/></source></segment></unit></file></xliff>`,
			[]Row{{Source: "Say {1}hi{/1}{2/}!", Target: "Dis {1}salut{/1} !"}, {Source: "Two\t"}}, "en", "fr"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseWithLangs(strings.NewReader(tc.in), "xliff")
			if err != nil {
				t.Fatal(err)
			}
			if p.SourceLang != tc.src || p.TargetLang != tc.tgt {
				t.Errorf("languages %q, %q; want %q, %q", p.SourceLang, p.TargetLang, tc.src, tc.tgt)
			}
			if len(p.Rows) != len(tc.want) {
				t.Fatalf("rows %+v, want %+v", p.Rows, tc.want)
			}
			for i := range tc.want {
				if !reflect.DeepEqual(p.Rows[i], tc.want[i]) {
					t.Errorf("row %d = %+v, want %+v", i, p.Rows[i], tc.want[i])
				}
			}
		})
	}
}

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>&lol3;</source></trans-unit></body></file></xliff>`

func TestParseXMLErrors(t *testing.T) {
	deep := `<xliff version="1.2"><file><body>` + strings.Repeat("<group>", 70) + `<trans-unit><source>x</source></trans-unit>` +
		strings.Repeat("</group>", 70) + `</body></file></xliff>`
	tests := []struct {
		name, format, in string
		line             int
		want             string
	}{
		{"billion laughs", "xliff", billionLaughs, 2, "line 2: DOCTYPE and entity declarations are not accepted"},
		{"doctype in tmx", "tmx", `<!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx/>`, 1, "DOCTYPE and entity declarations are not accepted"},
		{"deep nesting", "xliff", deep, 1, "elements are nested more than 64 deep"},
		{"malformed", "xliff", "<xliff version=\"1.2\">\n<file>\n<body>\n</file>", 4, "line 4: malformed XML"},
		{"unclosed", "tmx", "<tmx>\n<body>", 2, "line 2: "},
		{"undeclared entity", "xliff", "<xliff version=\"1.2\">&foo;</xliff>", 1, "malformed XML"},
		{"invalid utf-8", "xliff", "<xliff version=\"1.2\">\n\xff</xliff>", 2, "invalid UTF-8 on line 2"},
		{"wrong root", "xliff", "<tmx/>", 1, "the root element is <tmx>, not <xliff>"},
		{"unknown version", "xliff", `<xliff version="3.0"/>`, 1, `unsupported XLIFF version "3.0"`},
		{"latin1", "tmx", `<?xml version="1.0" encoding="ISO-8859-1"?><tmx/>`, 1, "malformed XML"},
		{"empty", "xliff", `<xliff version="1.2"><file><body/></file></xliff>`, 0, "no segments"},
		{"no element", "tmx", `  `, 0, "the file holds no XML element"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in), tc.format)
			var perr *ParseError
			if !errors.As(err, &perr) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if perr.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q on line %d, want %q on line %d", err, perr.Line, tc.want, tc.line)
			}
		})
	}
}

func FuzzParseXLIFF(f *testing.F) {
	for _, fmtName := range []string{"xliff", "xliff2"} {
		var buf bytes.Buffer
		if err := Write(&buf, trickyArticle(), fmtName); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte(billionLaughs))
	f.Add([]byte(`<xliff version="2.0"><file><unit><segment><source><pc><cp hex="41"/></pc></source></segment></unit></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseWithLangs(bytes.NewReader(data), "xliff")
		if err == nil && len(p.Rows) == 0 {
			t.Fatal("no error and no rows")
		}
		if err != nil && p.Rows != nil {
			t.Fatal("rows returned with an error")
		}
		checkStateNotes(t, p.Rows)
	})
}

// TestStateNotesRoundTrip writes a segment in each state, with notes, in each
// XML export format and reads its state and notes back.
func TestStateNotesRoundTrip(t *testing.T) {
	special := []string{`5 < 6 & "q" 'a' ]]> &amp;`, "line one\nline two\r\nline three\ttab"}
	tests := []struct {
		state     string
		notes     []string
		wantNotes []string
	}{
		{"mt", nil, nil},
		{"draft", []string{"a comment"}, []string{"a comment"}},
		{"approved", special, special},
		{"rejected", []string{"too literal", special[0]}, []string{"too literal", special[0]}},
		{"rejected", []string{"  padded reason \n", "", " \n\t "}, []string{"padded reason"}},
		{"", []string{"no state"}, []string{"no state"}},
	}
	for _, format := range []string{"xliff", "xliff2", "tmx"} {
		for _, tc := range tests {
			t.Run(format+"/"+tc.state, func(t *testing.T) {
				a := Article{SourceLang: "fr", Lang: "en", Segments: []Segment{
					{ID: 5, Paragraph: 2, Index: 1, Source: "Non.", Target: "No.", State: tc.state, Notes: tc.notes}}}
				var buf bytes.Buffer
				if err := Write(&buf, a, format); err != nil {
					t.Fatalf("Write: %v", err)
				}
				read := format
				if format == "xliff2" {
					read = "xliff"
				}
				rows, err := Parse(bytes.NewReader(buf.Bytes()), read)
				if err != nil {
					t.Fatalf("Parse: %v\n%s", err, buf.String())
				}
				want := []Row{{Source: "Non.", Target: "No.", Paragraph: 2, HasParagraph: true,
					State: tc.state, Notes: tc.wantNotes}}
				if !reflect.DeepEqual(rows, want) {
					t.Errorf("Parse =\n%#v\nwant\n%#v\nfrom\n%s", rows, want, buf.String())
				}
			})
		}
	}
}

// TestParseXLIFFForeignStates reads the states that other tools write.
func TestParseXLIFFForeignStates(t *testing.T) {
	tests := []struct {
		name string
		unit string // attributes of <trans-unit> (1.2) or <segment> (2.0)
		tgt  string // attributes of <target> (1.2 only)
		want string
		is2  bool
	}{
		{name: "1.2 approved yes", unit: `approved="yes"`, want: "approved"},
		{name: "1.2 approved yes beats state", unit: `approved="yes"`, tgt: `state="needs-translation"`, want: "approved"},
		{name: "1.2 signed-off", tgt: `state="signed-off"`, want: "approved"},
		{name: "1.2 final", unit: `approved="no"`, tgt: `state="final"`, want: "approved"},
		{name: "1.2 translated", unit: `approved="no"`, tgt: `state="translated"`, want: "draft"},
		{name: "1.2 needs-review-translation", tgt: `state="needs-review-translation"`, want: "draft"},
		{name: "1.2 needs-review-adaptation", tgt: `state="needs-review-adaptation"`, want: "draft"},
		{name: "1.2 needs-review-l10n", tgt: `state="needs-review-l10n"`, want: "draft"},
		{name: "1.2 needs-adaptation", tgt: `state="needs-adaptation"`, want: "draft"},
		{name: "1.2 needs-l10n", tgt: `state="needs-l10n"`, want: "draft"},
		{name: "1.2 new", tgt: `state="new"`, want: ""},
		{name: "1.2 needs-translation", tgt: `state="needs-translation"`, want: ""},
		{name: "1.2 mt suggestion", tgt: `state="needs-review-translation" state-qualifier="mt-suggestion"`, want: "mt"},
		{name: "1.2 mt suggestion translated", tgt: `state="translated" state-qualifier="mt-suggestion"`, want: "draft"},
		{name: "1.2 leveraged-mt", tgt: `state="needs-review-translation" state-qualifier="leveraged-mt"`, want: "draft"},
		{name: "1.2 rejected qualifier", tgt: `state="needs-review-translation" state-qualifier="rejected-inaccurate"`, want: "rejected"},
		{name: "1.2 unknown state", tgt: `state="x-pending"`, want: ""},
		{name: "1.2 no state", want: ""},
		{name: "2.0 final", unit: `state="final"`, want: "approved", is2: true},
		{name: "2.0 reviewed", unit: `state="reviewed"`, want: "draft", is2: true},
		{name: "2.0 translated", unit: `state="translated"`, want: "draft", is2: true},
		{name: "2.0 initial", unit: `state="initial"`, want: "", is2: true},
		{name: "2.0 no state", want: "", is2: true},
		{name: "2.0 unknown state", unit: `state="done"`, want: "", is2: true},
		{name: "2.0 copydesk subState wins", unit: `state="initial" subState="copydesk:rejected"`, want: "rejected", is2: true},
		{name: "2.0 unknown copydesk subState", unit: `state="translated" subState="copydesk:lost"`, want: "draft", is2: true},
		{name: "2.0 other tool's subState", unit: `state="final" subState="okapi:approved"`, want: "approved", is2: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" datatype="x" original="o"><body>` +
				`<trans-unit id="1" ` + tc.unit + `><source>S</source><target ` + tc.tgt + `>T</target></trans-unit></body></file></xliff>`
			if tc.is2 {
				in = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="u">` +
					`<segment ` + tc.unit + `><source>S</source><target>T</target></segment></unit></file></xliff>`
			}
			rows, err := Parse(strings.NewReader(in), "xliff")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].State != tc.want {
				t.Errorf("rows %+v, want one with state %q", rows, tc.want)
			}
		})
	}
}

// TestParseXLIFFForeignNotes reads notes where other tools put them: only a
// unit's own notes count (not the file's, a group's or an alt-trans's), in
// order, trimmed, empty ones dropped; an XLIFF 2.0 unit's notes go to its
// first segment.
func TestParseXLIFFForeignNotes(t *testing.T) {
	tests := []struct {
		name, in string
		want     [][]string // notes of each row
	}{
		{"1.2", `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" datatype="x" original="o"><header><note>file note</note></header><body>
<group id="g"><note>group note</note>
<trans-unit id="1"><note from="ana" priority="1">  first &amp; &lt;foremost&gt; </note><source>S</source><target>T</target>
<note/><note annotates="target">second
line</note><alt-trans><target>A</target><note>alt note</note></alt-trans></trans-unit></group>
<trans-unit id="2"><source>S2</source></trans-unit></body></file></xliff>`,
			[][]string{{"first & <foremost>", "second\nline"}, nil}},
		{"2.0", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
<file id="f"><notes><note>file note</note></notes>
<unit id="u1"><notes><note category="review" priority="2"> why <![CDATA[<not markup>]]> </note><note>  </note><note>b</note></notes>
<segment><source>One.</source></segment><segment><source>Two.</source></segment></unit>
<unit id="u2"><segment><source>Three.</source></segment></unit></file></xliff>`,
			[][]string{{"why <not markup>", "b"}, nil, nil}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := Parse(strings.NewReader(tc.in), "xliff")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(tc.want) {
				t.Fatalf("rows %+v, want %d", rows, len(tc.want))
			}
			for i, r := range rows {
				if !reflect.DeepEqual(r.Notes, tc.want[i]) {
					t.Errorf("row %d notes %q, want %q", i, r.Notes, tc.want[i])
				}
			}
		})
	}
}

// checkStateNotes fails unless every row's state is a Copydesk state or ""
// and its notes are trimmed and not empty.
func checkStateNotes(t *testing.T, rows []Row) {
	t.Helper()
	for i, r := range rows {
		if copydeskState(r.State) != r.State {
			t.Fatalf("row %d has state %q", i, r.State)
		}
		for _, n := range r.Notes {
			if n == "" || n != strings.TrimSpace(n) {
				t.Fatalf("row %d has note %q", i, n)
			}
		}
	}
}
