package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// seg builds an approved segment with only the fields the text exports use.
func seg(para int, target string) Segment {
	return Segment{Paragraph: para, Target: target, State: "approved"}
}

func write(t *testing.T, a Article, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, a, format); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return b.String()
}

func TestWriteText(t *testing.T) {
	tests := []struct {
		name string
		lang string
		segs []Segment
		want string
	}{
		{
			name: "paragraphs and spaces",
			lang: "fr",
			segs: []Segment{seg(1, "Un."), seg(1, "Deux."), seg(2, "Trois."), seg(3, "Quatre."), seg(3, "Cinq.")},
			want: "Un. Deux.\n\nTrois.\n\nQuatre. Cinq.\n",
		},
		{
			name: "no space added next to whitespace",
			lang: "en",
			segs: []Segment{seg(1, "One. "), seg(1, "Two."), seg(1, "\tThree."), seg(1, "Four.\n"), seg(1, "Five.")},
			want: "One. Two.\tThree. Four.\nFive.\n",
		},
		{
			name: "empty targets and empty paragraphs left out",
			lang: "de",
			segs: []Segment{seg(1, "Eins."), seg(1, ""), seg(1, "Zwei."), seg(2, ""), seg(3, "Drei.")},
			want: "Eins. Zwei.\n\nDrei.\n",
		},
		{
			name: "Japanese joins without space",
			lang: "ja",
			segs: []Segment{seg(1, "一です。"), seg(1, "二です。"), seg(2, "三。")},
			want: "一です。二です。\n\n三。\n",
		},
		{
			name: "Chinese with script and region",
			lang: "zh-Hant-TW",
			segs: []Segment{seg(4, "第一。"), seg(4, "第二。")},
			want: "第一。第二。\n",
		},
		{
			name: "Chinese, upper case with underscore",
			lang: "ZH_cn",
			segs: []Segment{seg(1, "甲。"), seg(1, "乙。")},
			want: "甲。乙。\n",
		},
		{
			name: "language starting with ja but not Japanese",
			lang: "jam",
			segs: []Segment{seg(1, "A."), seg(1, "B.")},
			want: "A. B.\n",
		},
		{
			name: "same paragraph number again after another is a new paragraph",
			lang: "en",
			segs: []Segment{seg(1, "A."), seg(2, "B."), seg(1, "C.")},
			want: "A.\n\nB.\n\nC.\n",
		},
		{name: "no segments", lang: "en", segs: nil, want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := write(t, Article{Title: "Not written", Lang: tc.lang, Segments: tc.segs}, "txt")
			if got != tc.want {
				t.Errorf("txt =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestWriteMarkdown(t *testing.T) {
	tests := []struct {
		name string
		lang string
		segs []Segment
		want string
	}{
		{name: "backslash", segs: []Segment{seg(1, `a\b`)}, want: `a\\b` + "\n"},
		{name: "backtick", segs: []Segment{seg(1, "a `code`")}, want: "a \\`code\\`\n"},
		{name: "asterisk", segs: []Segment{seg(1, "*a* b*")}, want: `\*a\* b\*` + "\n"},
		{name: "underscore", segs: []Segment{seg(1, "_a_b")}, want: `\_a\_b` + "\n"},
		{name: "brackets", segs: []Segment{seg(1, "![img](x) [y]")}, want: `!\[img\](x) \[y\]` + "\n"},
		{name: "angle brackets", segs: []Segment{seg(1, "<b>x</b> > y")}, want: `\<b\>x\</b\> \> y` + "\n"},
		{name: "hash", segs: []Segment{seg(1, "# No. #1")}, want: `\# No. \#1` + "\n"},
		{name: "pipe and tilde", segs: []Segment{seg(1, "a | b ~~c~~")}, want: `a \| b \~\~c\~\~` + "\n"},
		{name: "entity", segs: []Segment{seg(1, "AT&T &amp; &#169; & x;")}, want: `AT&T \&amp; \&\#169; & x;` + "\n"},
		{name: "leading plus", segs: []Segment{seg(1, "+ one + two")}, want: `\+ one + two` + "\n"},
		{name: "leading minus", segs: []Segment{seg(1, "- one - two")}, want: `\- one - two` + "\n"},
		{name: "leading equals", segs: []Segment{seg(1, "=== a = b")}, want: `\=== a = b` + "\n"},
		{name: "leading quote", segs: []Segment{seg(1, "> quote")}, want: `\> quote` + "\n"},
		{name: "leading number dot", segs: []Segment{seg(1, "2024. A year.")}, want: `2024\. A year.` + "\n"},
		{name: "leading number paren", segs: []Segment{seg(1, "3) Third")}, want: `3\) Third` + "\n"},
		{name: "indented marker", segs: []Segment{seg(1, "  - item")}, want: `  \- item` + "\n"},
		{name: "number not a marker", segs: []Segment{seg(1, "10 km. 5.")}, want: "10 km. 5.\n"},
		{
			name: "newline is a hard break and later lines are escaped too",
			segs: []Segment{seg(1, "Title\n===\n1. first\r\n- second")},
			want: "Title\\\n\\===\\\n1\\. first\\\n\\- second\n",
		},
		{
			name: "line breaks at the edges dropped, empty paragraph left out",
			segs: []Segment{seg(1, "\nA.\n"), seg(2, "\n"), seg(3, "B.")},
			want: "A.\n\nB.\n",
		},
		{
			name: "segments joined before escaping",
			segs: []Segment{seg(1, "A *b*."), seg(1, "- C."), seg(2, "1. D")},
			want: "A \\*b\\*. - C.\n\n1\\. D\n",
		},
		{
			name: "CJK joining",
			lang: "ja-JP",
			segs: []Segment{seg(1, "「一」。"), seg(1, "*二*。")},
			want: "「一」。\\*二\\*。\n",
		},
		{name: "plain text untouched", segs: []Segment{seg(1, "Hello, world! (ok) \"yes\" 'no' ? : ; .")}, want: "Hello, world! (ok) \"yes\" 'no' ? : ; .\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lang := tc.lang
			if lang == "" {
				lang = "en"
			}
			got := write(t, Article{Lang: lang, Segments: tc.segs}, "md")
			if got != tc.want {
				t.Errorf("md =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestWriteJSON(t *testing.T) {
	tests := []struct {
		name string
		a    Article
		want map[string]any
	}{
		{
			name: "segments",
			a: Article{
				DocumentID: 42, Title: "Tom & <Jerry>", SourceLang: "en", Lang: "fr-CA", Unapproved: 3,
				Segments: []Segment{
					{ID: 7, Paragraph: 1, Index: 1, Source: "A <b>&</b>", Target: "« Un »", State: "approved"},
					{ID: 9, Paragraph: 2, Index: 1, Source: "B\n", Target: "", State: "draft"},
				},
			},
			want: map[string]any{
				"document_id": 42.0, "title": "Tom & <Jerry>", "source_lang": "en", "lang": "fr-CA", "unapproved": 3.0,
				"segments": []any{
					map[string]any{"id": 7.0, "paragraph": 1.0, "index": 1.0, "source": "A <b>&</b>", "target": "« Un »", "state": "approved"},
					map[string]any{"id": 9.0, "paragraph": 2.0, "index": 1.0, "source": "B\n", "target": "", "state": "draft"},
				},
			},
		},
		{
			name: "no segments is an empty list",
			a:    Article{DocumentID: 1, Title: "T", SourceLang: "de", Lang: "en"},
			want: map[string]any{
				"document_id": 1.0, "title": "T", "source_lang": "de", "lang": "en", "unapproved": 0.0,
				"segments": []any{},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := write(t, tc.a, "json")
			var got map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("json decoded =\n%#v\nwant\n%#v", got, tc.want)
			}
			if !strings.HasPrefix(out, "{\n  \"document_id\": ") || !strings.HasSuffix(out, "}\n") {
				t.Errorf("json is not pretty-printed with 2-space indent:\n%s", out)
			}
			if strings.Contains(out, `\u003c`) || strings.Contains(out, `\u0026`) {
				t.Errorf("json escapes HTML characters:\n%s", out)
			}
		})
	}
	empty := write(t, Article{}, "json")
	if !strings.Contains(empty, `"segments": []`) {
		t.Errorf("json for no segments lacks \"segments\": []:\n%s", empty)
	}
}

func TestWriteCSV(t *testing.T) {
	a := Article{Lang: "fr", Segments: []Segment{
		{ID: 1, Paragraph: 1, Index: 1, Source: "Hello, world.", Target: `Il dit "oui".`, State: "approved"},
		{ID: 2, Paragraph: 1, Index: 2, Source: "Two\nlines", Target: " lead", State: "draft"},
		{ID: 3, Paragraph: 2, Index: 1, Source: "Plain", Target: "", State: "mt"},
	}}
	want := "id,paragraph,index,source,target,state\n" +
		"1,1,1,\"Hello, world.\",\"Il dit \"\"oui\"\".\",approved\n" +
		"2,1,2,\"Two\nlines\",\" lead\",draft\n" +
		"3,2,1,Plain,,mt\n"
	if got := write(t, a, "csv"); got != want {
		t.Errorf("csv =\n%q\nwant\n%q", got, want)
	}
	if got, want := write(t, Article{}, "csv"), "id,paragraph,index,source,target,state\n"; got != want {
		t.Errorf("csv for no segments = %q, want %q", got, want)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		segs []Segment
	}{
		{
			name: "tricky text",
			segs: []Segment{
				{ID: 10, Paragraph: 1, Index: 1, Source: "a, b", Target: "\"q\" ; 'x'", State: "approved"},
				{ID: 11, Paragraph: 1, Index: 2, Source: "multi\nline\n", Target: "  spaces  ", State: "approved"},
				{ID: 12, Paragraph: 3, Index: 1, Source: "\tTab", Target: "", State: "draft"},
				{ID: 13, Paragraph: 0, Index: 1, Source: "日本語", Target: "中文，标点。", State: "mt"},
			},
		},
		{
			name: "one segment",
			segs: []Segment{{ID: 1, Paragraph: 7, Index: 1, Source: "x", Target: "y", State: "approved"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := write(t, Article{Segments: tc.segs}, "csv")
			rows, err := Parse(strings.NewReader(out), "csv")
			if err != nil {
				t.Fatalf("Parse of exported csv: %v\n%s", err, out)
			}
			want := make([]Row, len(tc.segs))
			for i, s := range tc.segs {
				want[i] = Row{Source: s.Source, Target: s.Target, Paragraph: s.Paragraph, HasParagraph: true}
			}
			if !reflect.DeepEqual(rows, want) {
				t.Errorf("round trip =\n%#v\nwant\n%#v", rows, want)
			}
		})
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestWriteErrors(t *testing.T) {
	a := Article{Lang: "en", Segments: []Segment{seg(1, "A.")}}
	err := Write(&bytes.Buffer{}, a, "docx")
	if !errors.Is(err, ErrUnsupportedFormat) {
		t.Fatalf("unknown format: error %v does not wrap ErrUnsupportedFormat", err)
	}
	if want := `unsupported format "docx" (supported: txt, md, html, json, csv, xliff, xliff2, tmx)`; err.Error() != want {
		t.Errorf("unknown format: error %q, want %q", err, want)
	}
	boom := errors.New("disk full")
	for _, f := range ExportFormats {
		if err := Write(failingWriter{boom}, a, f); !errors.Is(err, boom) {
			t.Errorf("Write(%s) to a failing writer: error %v does not wrap the writer's error", f, err)
		}
	}
}
