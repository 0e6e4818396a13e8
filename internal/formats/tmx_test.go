package formats

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseTMX(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Row
		src, tgt string
		wantErr  string
	}{
		{name: "inline and no target", in: `<tmx version="1.4"><header srclang="en-US" segtype="sentence"/><body>
<tu><prop type="other">x</prop><tuv xml:lang="EN-us"><seg>Click <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept><ph>{0}</ph> <hi>now</hi></seg></tuv>
<tuv xml:lang="fr-FR"><seg>Cliquez sur OK</seg></tuv></tu>
<tu><tuv lang="en-US"><seg>Alone</seg></tuv></tu></body></tmx>`,
			want: []Row{{Source: "Click {1}OK{/1} now", Target: "Cliquez sur OK"}, {Source: "Alone"}}, src: "en-US", tgt: "fr-FR"},
		{name: "srclang all", in: `<tmx version="1.4"><header srclang="*all*"/><body>
<tu><tuv xml:lang="de"><seg>Ja</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`,
			want: []Row{{Source: "Ja", Target: "Yes"}}, src: "de", tgt: "en"},
		{name: "notes and states", in: `<tmx version="1.4"><header srclang="en"><note>header note</note></header><body>
<tu><note> first &amp; &lt;one&gt; </note><prop type="x-copydesk-state"> approved </prop><note/><note>two
lines</note><tuv xml:lang="en"><note>tuv note</note><seg>A</seg></tuv><tuv xml:lang="fr"><seg>a</seg></tuv></tu>
<tu><prop type="x-copydesk-state">signed-off</prop><tuv xml:lang="en"><seg>B</seg></tuv></tu>
<tu><prop type="x-other-state">approved</prop><tuv xml:lang="en"><seg>C</seg></tuv></tu>
<tu><prop type="x-copydesk-state">rejected</prop><prop type="x-copydesk-paragraph">4</prop><tuv xml:lang="en"><seg>D</seg></tuv></tu></body></tmx>`,
			want: []Row{{Source: "A", Target: "a", State: "approved", Notes: []string{"first & <one>", "two\nlines"}},
				{Source: "B"}, {Source: "C"}, {Source: "D", State: "rejected", Paragraph: 4, HasParagraph: true}},
			src: "en", tgt: "fr"},
		{name: "three languages", in: `<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Yes</seg></tuv><tuv xml:lang="fr"><seg>Oui</seg></tuv><tuv xml:lang="de"><seg>Ja</seg></tuv></tu></body></tmx>`,
			wantErr: "the file holds more than two languages (en, fr, de); only one language pair can be imported"},
		{name: "no source variant", in: `<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Yes</seg></tuv><tuv xml:lang="fr"><seg>Oui</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Non</seg></tuv></tu></body></tmx>`,
			wantErr: `line 3: the translation unit has no variant in the source language "en"`},
		{name: "bad paragraph", in: `<tmx version="1.4"><header srclang="en"/><body>
<tu><prop type="x-copydesk-paragraph">-1</prop><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`,
			wantErr: `paragraph must be a whole number of 0 or more, not "-1"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseWithLangs(strings.NewReader(tc.in), "tmx")
			if tc.wantErr != "" {
				var perr *ParseError
				if !errors.As(err, &perr) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want a *ParseError %q", err, tc.wantErr)
				}
				return
			}
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

func FuzzParseTMX(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, trickyArticle(), "tmx"); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(billionLaughs))
	f.Add([]byte(`<tmx><header srclang="*all*"/><body><tu><tuv lang="a"><seg>x<ph>y</ph></seg></tuv></tu></body></tmx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseWithLangs(bytes.NewReader(data), "tmx")
		if err == nil && len(p.Rows) == 0 {
			t.Fatal("no error and no rows")
		}
		if err != nil && p.Rows != nil {
			t.Fatal("rows returned with an error")
		}
		checkStateNotes(t, p.Rows)
	})
}
