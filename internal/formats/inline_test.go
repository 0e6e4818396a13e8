package formats

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"strings"
	"testing"

	"copydesk/internal/tags"
)

// inlineTable is the tag table of the tagged segments below.
var inlineTable = []tags.Tag{{ID: 1, Kind: tags.Bold}, {ID: 2, Kind: tags.Break},
	{ID: 3, Kind: tags.Link, Href: "https://example.org/?a=1&b=2"}, {ID: 4, Kind: tags.Italic}, {ID: 5, Kind: tags.Code}}

// TestInlineRoundTrip writes texts with and without tag tokens in each XML
// export format and reads them back exactly.
func TestInlineRoundTrip(t *testing.T) {
	tests := []struct{ name, source, target string }{
		{"pair and empty", "The {1}river{/1} rose{2/}again.", "Le {1}fleuve{/1} a monté{2/}encore."},
		{"nested, moved", "{3}see {4}the map{/4}{/3} & <go>", "{4}{3}voir{/3} la carte{/4} & <go>"},
		{"only a token", "{2/}", "{1}{/1}"},
		{"unbalanced, literal", "odd {1} and {/2}", "{1}a{1}b{/1}"},
		{"not tokens", "{0} {x} {1234} {/} {1 /}", "set {a: 1}"},
		{"line breaks", "a{1}\nb\r\n{/1}\tc ", " {5}x{/5}\n"},
		{"no table number", "{9}nine{/9}{8/}", "{9}neuf{/9}{8/}"},
	}
	for _, format := range []string{"xliff", "xliff2", "tmx"} {
		for _, tc := range tests {
			t.Run(format+"/"+tc.name, func(t *testing.T) {
				a := Article{SourceLang: "en", Lang: "fr", Segments: []Segment{
					{ID: 1, Paragraph: 1, Index: 1, Source: tc.source, Target: tc.target, State: "draft", Tags: inlineTable}}}
				var buf bytes.Buffer
				if err := Write(&buf, a, format); err != nil {
					t.Fatalf("Write: %v", err)
				}
				rows, err := Parse(bytes.NewReader(buf.Bytes()), strings.TrimSuffix(format, "2"))
				if err != nil {
					t.Fatalf("Parse: %v\n%s", err, buf.String())
				}
				want := []Row{{Source: tc.source, Target: tc.target, Paragraph: 1, HasParagraph: true, State: "draft"}}
				if !reflect.DeepEqual(rows, want) {
					t.Errorf("Parse =\n%+v\nwant\n%+v\nfrom\n%s", rows, want, buf.String())
				}
			})
		}
	}
}

// TestInlineExport checks the inline codes each format writes.
func TestInlineExport(t *testing.T) {
	seg := Segment{ID: 1, Paragraph: 1, Tags: inlineTable,
		Source: "The {1}river{/1} rose{2/}again, {3}see {4}the {5}map{/5}{/4}{/3}{9/}.",
		Target: "{1}x{/1}{1}"}
	tests := []struct {
		format string
		want   []string
	}{
		{"xliff", []string{
			`<source>The <g id="1" ctype="bold">river</g> rose<x id="2" ctype="lb"/>again, ` +
				`<g id="3" ctype="link">see <g id="4" ctype="italic">the <g id="5">map</g></g></g><x id="9"/>.</source>`,
			`<target>{1}x{/1}{1}</target>`}},
		{"xliff2", []string{
			`<source>The <pc id="1" type="fmt" subType="xlf:b">river</pc> rose<ph id="2" type="fmt" subType="xlf:lb"/>again, ` +
				`<pc id="3" type="link">see <pc id="4" type="fmt" subType="xlf:i">the <pc id="5" type="fmt">map</pc></pc></pc><ph id="9"/>.</source>`,
			`<target>{1}x{/1}{1}</target>`}},
		{"tmx", []string{
			`<seg>The <bpt i="1" x="1">{1}</bpt>river<ept i="1">{/1}</ept> rose<ph x="2">{2/}</ph>again, ` +
				`<bpt i="3" x="3">{3}</bpt>see <bpt i="4" x="4">{4}</bpt>the <bpt i="5" x="5">{5}</bpt>map<ept i="5">{/5}</ept>` +
				`<ept i="4">{/4}</ept><ept i="3">{/3}</ept><ph x="9">{9/}</ph>.</seg>`,
			`<seg>{1}x{/1}{1}</seg>`}},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := Write(&buf, Article{SourceLang: "en", Lang: "fr", Segments: []Segment{seg}}, tc.format); err != nil {
			t.Fatalf("Write(%s): %v", tc.format, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("Write(%s) lacks\n%s\nin:\n%s", tc.format, w, buf.String())
			}
		}
	}
}

// TestInlinePlainUnchanged checks that a text without balanced tokens is
// escaped exactly as encoding/xml escapes a string field, so that such
// exports are byte for byte what they were before inline codes.
func TestInlinePlainUnchanged(t *testing.T) {
	type plain struct {
		XMLName xml.Name `xml:"e"`
		S       string   `xml:"s"`
	}
	type coded struct {
		XMLName xml.Name  `xml:"e"`
		S       inlineXML `xml:"s"`
	}
	for _, s := range []string{"", "plain", `<b> & "q" 'a' ]]>`, "a\nb\r\nc\td", " 🎉 ", "{1}", "{1}{1}{/1}", "{/2}x{2}", "{0}{x}"} {
		for _, d := range []inlineDialect{inlineXLIFF12, inlineXLIFF2, inlineTMX} {
			want, err := xml.Marshal(plain{S: s})
			if err != nil {
				t.Fatal(err)
			}
			got, err := xml.Marshal(coded{S: inlineContent(s, inlineTable, d)})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("dialect %d, %q: %s, want %s", d, s, got, want)
			}
		}
	}
}

// TestInlineImport reads the inline codes of other tools' files.
func TestInlineImport(t *testing.T) {
	const (
		x12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" datatype="x" original="o"><body><trans-unit id="u"><source>`
		x2  = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source>`
		tmx = `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>`
	)
	end := map[string]string{x12: `</source></trans-unit></body></file></xliff>`,
		x2: `</source></segment></unit></file></xliff>`, tmx: `</seg></tuv></tu></body></tmx>`}
	tests := []struct {
		name, head, in, want string
	}{
		{"1.2 g x", x12, `A <g id="1" ctype="bold">b</g><x id="2"/> c`, "A {1}b{/1}{2/} c"},
		{"1.2 ph bx ex", x12, `<bx id="3" rid="1"/>a<ex id="4" rid="1"/><ph id="5">&lt;br&gt;</ph>`, "{3/}a{4/}{5/}"},
		{"1.2 nested g in mrk", x12, `<mrk mtype="x"><g id="1">a <g id="2">b</g></g></mrk>`, "{1}a {2}b{/2}{/1}"},
		{"1.2 non-numeric ids", x12, `<g id="g1">a</g><x id="x"/><ph id="p">code</ph>`, "a"},
		{"1.2 ids out of range", x12, `<g id="0">a</g><g id="1000">b</g><x id="01"/><x id="+2"/><x id="-3"/>`, "ab"},
		{"1.2 bpt ept as before", x12, `<bpt id="1">&lt;b&gt;</bpt>b<ept id="1">&lt;/b&gt;</ept>`, "b"},
		{"1.2 literal token kept", x12, `{1} and {/1}`, "{1} and {/1}"},
		{"1.2 literal next to code", x12, `{7}<x id="2"/>{/7}`, "{7}{2/}{/7}"},
		{"1.2 unbalanced falls back", x12, `{1}<g id="1">a</g>`, "{1}a"},
		{"1.2 twice falls back", x12, `<x id="1"/><x id="1"/>b`, "b"},
		{"2.0 pc ph", x2, `<pc id="1" dataRefStart="d1">a</pc><ph id="2"/><cp hex="9"/>`, "{1}a{/1}{2/}\t"},
		{"2.0 sc ec", x2, `<sc id="1"/>a<ec startRef="1"/><ec id="3" isolated="yes"/>`, "{1/}a{3/}"},
		{"2.0 non-numeric", x2, `<pc id="b">a</pc><ph id="ph1"/><mrk id="m1">m</mrk>`, "am"},
		{"tmx bpt ept ph", tmx, `<bpt i="1" x="1">&lt;b&gt;</bpt>a<ept i="1">&lt;/b&gt;</ept><ph x="2">&lt;br/&gt;</ph>`, "{1}a{/1}{2/}"},
		{"tmx no usable number", tmx, `<bpt i="a">x</bpt>a<ept i="a">y</ept><ph>z</ph><ph x="0">z</ph>`, "a"},
		{"tmx it hi ut as before", tmx, `<it pos="begin" x="1">&lt;b&gt;</it>a <hi x="2">b</hi><ut x="3">u</ut>`, "a b"},
		{"tmx sub in bpt", tmx, `<bpt i="1">&lt;a title="<sub>t</sub>"&gt;</bpt>a<ept i="1">&lt;/a&gt;</ept>`, "{1}a{/1}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			format := "xliff"
			if tc.head == tmx {
				format = "tmx"
			}
			rows, err := Parse(strings.NewReader(tc.head+tc.in+end[tc.head]), format)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].Source != tc.want {
				t.Errorf("rows %+v, want one with source %q", rows, tc.want)
			}
		})
	}
}

func TestInlineID(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true}, {"999", 999, true}, {"42", 42, true},
		{"0", 0, false}, {"1000", 0, false}, {"01", 0, false}, {"+1", 0, false},
		{"-1", 0, false}, {"", 0, false}, {" 1", 0, false}, {"1a", 0, false}, {"g1", 0, false},
	}
	for _, tc := range tests {
		if n, ok := inlineID(tc.in); n != tc.want || ok != tc.ok {
			t.Errorf("inlineID(%q) = %d, %v; want %d, %v", tc.in, n, ok, tc.want, tc.ok)
		}
	}
}

// FuzzInlineRoundTrip checks that any text XML can carry comes back exactly
// from each XML export, tokens or not.
func FuzzInlineRoundTrip(f *testing.F) {
	for _, s := range []string{"The {1}river{/1} rose{2/}again.", "{1}{2}{/1}{/2}", "{1}{1/}{/1}", "a {3/} {3/}", "{/1}{1}", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if checkXMLText("text", s) != nil {
			return
		}
		for _, format := range []string{"xliff", "xliff2", "tmx"} {
			a := Article{SourceLang: "en", Lang: "fr", Segments: []Segment{{ID: 1, Source: "x", Target: s, Tags: inlineTable}}}
			var buf bytes.Buffer
			if err := Write(&buf, a, format); err != nil {
				t.Fatalf("Write(%s, %q): %v", format, s, err)
			}
			rows, err := Parse(bytes.NewReader(buf.Bytes()), strings.TrimSuffix(format, "2"))
			if err != nil {
				t.Fatalf("Parse(%s, %q): %v\n%s", format, s, err, buf.String())
			}
			if len(rows) != 1 || rows[0].Target != s {
				t.Fatalf("%s: target %q came back as %+v", format, s, rows)
			}
		}
	})
}
