package formats

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// p builds a Row with a paragraph; np builds one without.
func p(src, tgt string, n int) Row {
	return Row{Source: src, Target: tgt, Paragraph: n, HasParagraph: true}
}
func np(src, tgt string) Row { return Row{Source: src, Target: tgt} }

type parseCase struct {
	name    string
	in      string
	want    []Row
	wantErr string // exact message; empty when no error is expected
	line    int    // ParseError.Line expected with wantErr
}

func runParseCases(t *testing.T, format string, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.in), format)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("Parse = %#v, want error %q", got, tc.wantErr)
				}
				if err.Error() != tc.wantErr {
					t.Fatalf("error = %q, want %q", err.Error(), tc.wantErr)
				}
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("error %T is not a *ParseError", err)
				}
				if pe.Line != tc.line {
					t.Errorf("ParseError.Line = %d, want %d", pe.Line, tc.line)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse =\n%#v\nwant\n%#v", got, tc.want)
			}
		})
	}
}

func TestParseJSONL(t *testing.T) {
	runParseCases(t, "jsonl", []parseCase{
		{
			name: "paragraph present and absent",
			in: `{"source": "Hello.", "target": "Bonjour.", "paragraph": 1}` + "\n" +
				`{"source": "Bye.", "target": "Salut."}` + "\n",
			want: []Row{p("Hello.", "Bonjour.", 1), np("Bye.", "Salut.")},
		},
		{
			name: "whitespace kept, unknown fields ignored, target missing or null",
			in: `{"id": 7, "source": " a ", "extra": {"x": [1]}}` + "\n" +
				`{"source": "b\n", "target": null, "paragraph": null}`,
			want: []Row{np(" a ", ""), np("b\n", "")},
		},
		{
			name: "blank lines skipped, CRLF, BOM, paragraph zero",
			in:   "\uFEFF" + `{"source":"a","target":"x","paragraph":0}` + "\r\n\r\n  \n" + `{"source":"b","target":"y","paragraph":2}` + "\r\n",
			want: []Row{p("a", "x", 0), p("b", "y", 2)},
		},
		{
			name: "escapes decoded, HTML kept",
			in:   `{"source":"<b>\"q\"</b> \u00e9","target":"tab\there"}`,
			want: []Row{np(`<b>"q"</b> é`, "tab\there")},
		},
		{name: "empty file", in: "", wantErr: "no segments"},
		{name: "only blank lines", in: "\n \r\n\n", wantErr: "no segments"},
		{name: "array line", in: `{"source":"a"}` + "\n" + `[1, 2]`, wantErr: "line 2: not a JSON object", line: 2},
		{name: "string line", in: `"source"`, wantErr: "line 1: not a JSON object", line: 1},
		{name: "missing source", in: "{\"source\":\"a\"}\n\n{\"target\":\"b\"}", wantErr: `line 3: missing "source"`, line: 3},
		{name: "null source", in: `{"source":null}`, wantErr: `line 1: "source" must be a string`, line: 1},
		{name: "numeric source", in: `{"source":5}`, wantErr: `line 1: "source" must be a string`, line: 1},
		{name: "numeric target", in: `{"source":"a","target":5}`, wantErr: `line 1: "target" must be a string`, line: 1},
		{name: "fractional paragraph", in: `{"source":"a","paragraph":1.5}`, wantErr: `line 1: "paragraph" must be a whole number of 0 or more, not 1.5`, line: 1},
		{name: "exponent paragraph", in: `{"source":"a","paragraph":1e2}`, wantErr: `line 1: "paragraph" must be a whole number of 0 or more, not 1e2`, line: 1},
		{name: "negative paragraph", in: `{"source":"a","paragraph":-1}`, wantErr: `line 1: "paragraph" must be a whole number of 0 or more, not -1`, line: 1},
		{name: "string paragraph", in: `{"source":"a","paragraph":"2"}`, wantErr: `line 1: "paragraph" must be a whole number of 0 or more, not "2"`, line: 1},
		{name: "broken JSON", in: `{"source": }`, wantErr: "line 1: invalid JSON: invalid character '}' looking for beginning of value", line: 1},
		{name: "two objects on a line", in: `{"source":"a"} {"source":"b"}`, wantErr: "line 1: invalid JSON: invalid character '{' after top-level value", line: 1},
		{name: "invalid UTF-8", in: "{\"source\":\"a\"}\n{\"source\":\"\xff\"}", wantErr: "invalid UTF-8 on line 2", line: 2},
	})
}

func TestParseTSV(t *testing.T) {
	runParseCases(t, "tsv", []parseCase{
		{
			name: "paragraph column",
			in:   "source\ttarget\tparagraph\nHello.\tBonjour.\t1\nBye.\tSalut.\t2\n",
			want: []Row{p("Hello.", "Bonjour.", 1), p("Bye.", "Salut.", 2)},
		},
		{
			name: "no paragraph column, no final newline",
			in:   "source\ttarget\na\tx",
			want: []Row{np("a", "x")},
		},
		{
			name: "other order, case, spaces, extra columns",
			in:   " Target \tnote\tPARAGRAPH\tSource\nx\tignored\t3\ta\n",
			want: []Row{p("a", "x", 3)},
		},
		{
			name: "BOM and CRLF",
			in:   "\uFEFFsource\ttarget\r\na\tx\r\nb\t\r\n",
			want: []Row{np("a", "x"), np("b", "")},
		},
		{
			name: "escapes",
			in:   "source\ttarget\n" + `a\tb\nc\rd\\e` + "\t" + `\\n \x \` + "\n",
			want: []Row{np("a\tb\nc\rd\\e", `\n \x \`)},
		},
		{
			name: "whitespace kept, inner CR kept",
			in:   "source\ttarget\n  a \t\r x\r\n",
			want: []Row{np("  a ", "\r x")},
		},
		{
			name: "empty paragraph cell and blank lines",
			in:   "source\ttarget\tparagraph\n\na\tx\t\n\t\t\nb\ty\t 4 \n",
			want: []Row{np("a", "x"), p("b", "y", 4)},
		},
		{name: "empty file", in: "", wantErr: "no segments"},
		{name: "header only", in: "source\ttarget\n", wantErr: "no segments"},
		{name: "missing target column", in: "source\ttext\na\tb\n", wantErr: `line 1: the header has no "target" column (found "source", "text")`, line: 1},
		{name: "comma-separated header", in: "source,target\na,b\n", wantErr: `line 1: the header has no "source" column (found "source,target")`, line: 1},
		{
			name:    "long first line without a header",
			in:      strings.Repeat("x", 300) + "\tsource\n",
			wantErr: `line 1: the header has no "target" column (found "` + strings.Repeat("x", 199) + `…)`, line: 1,
		},
		{name: "duplicate column", in: "source\ttarget\tSource\na\tb\tc\n", wantErr: `line 1: the header has more than one "source" column`, line: 1},
		{name: "too many fields", in: "source\ttarget\na\tb\n\nc\td\te\n", wantErr: "line 4: the record has 3 fields but the header has 2", line: 4},
		{name: "too few fields", in: "source\ttarget\tparagraph\na\tb\n", wantErr: "line 2: the record has 2 fields but the header has 3", line: 2},
		{name: "bad paragraph", in: "source\ttarget\tparagraph\na\tb\t1\nc\td\tone\n", wantErr: `line 3: paragraph must be a whole number of 0 or more, not "one"`, line: 3},
		{name: "negative paragraph", in: "source\ttarget\tparagraph\na\tb\t-2\n", wantErr: `line 2: paragraph must be a whole number of 0 or more, not "-2"`, line: 2},
		{name: "invalid UTF-8", in: "source\ttarget\na\tb\nc\t\xc3\x28\n", wantErr: "invalid UTF-8 on line 3", line: 3},
	})
}

func TestParseCSV(t *testing.T) {
	runParseCases(t, "csv", []parseCase{
		{
			name: "paragraph column",
			in:   "source,target,paragraph\nHello.,Bonjour.,1\nBye.,Salut.,2\n",
			want: []Row{p("Hello.", "Bonjour.", 1), p("Bye.", "Salut.", 2)},
		},
		{
			name: "no paragraph column",
			in:   "source,target\na,x\n",
			want: []Row{np("a", "x")},
		},
		{
			name: "other order, case, extra columns, empty paragraph",
			in:   "id, TARGET ,Paragraph,source\n1,x,,a\n2,y,5,b\n",
			want: []Row{np("a", "x"), p("b", "y", 5)},
		},
		{
			name: "quoted commas, quotes and newlines",
			in:   "source,target\n\"a, b\",\"say \"\"hi\"\"\nthere\"\n\" lead\",\"\"\n",
			want: []Row{np("a, b", "say \"hi\"\nthere"), np(" lead", "")},
		},
		{
			name: "BOM, CRLF and blank records",
			in:   "\uFEFFsource,target\r\n\r\na,x\r\n,\r\nb,y\r\n",
			want: []Row{np("a", "x"), np("b", "y")},
		},
		{
			name: "whitespace kept",
			in:   "source,target\n a ,x \n",
			want: []Row{np(" a ", "x ")},
		},
		{name: "empty file", in: "", wantErr: "no segments"},
		{name: "header only", in: "source,target\r\n", wantErr: "no segments"},
		{name: "missing source column", in: "src,target\na,b\n", wantErr: `line 1: the header has no "source" column (found "src", "target")`, line: 1},
		{name: "wrong field count", in: "source,target\na,b\nc\n", wantErr: "line 3: the record has 1 fields but the header has 2", line: 3},
		{
			name:    "bad paragraph after multi-line record",
			in:      "source,target,paragraph\n\"a\nb\nc\",x,1\nd,y,2.5\n",
			wantErr: `line 5: paragraph must be a whole number of 0 or more, not "2.5"`, line: 5,
		},
		{
			name:    "bare quote",
			in:      "source,target\na\"b,c\n",
			wantErr: `line 2: column 2: a " inside a field that is not quoted (quote the whole field and double every " inside it)`, line: 2,
		},
		{
			name:    "unclosed quote",
			in:      "source,target\n\"abc,d\nx,y\n",
			wantErr: `line 2: a quoted field is not closed, or has a stray " (double every " inside a quoted field)`, line: 2,
		},
		{name: "invalid UTF-8", in: "source,target\n\"a\nb\xff\",c\n", wantErr: "invalid UTF-8 on line 3", line: 3},
	})
}

func TestParseOtherErrors(t *testing.T) {
	_, err := Parse(strings.NewReader("x"), "xml")
	if !errors.Is(err, ErrUnsupportedFormat) {
		t.Fatalf("unknown format: error %v does not wrap ErrUnsupportedFormat", err)
	}
	if want := `unsupported format "xml" (supported: jsonl, tsv, csv, xliff, tmx)`; err.Error() != want {
		t.Errorf("unknown format: error %q, want %q", err, want)
	}

	readErr := errors.New("disk on fire")
	_, err = Parse(iotest.ErrReader(readErr), "csv")
	if !errors.Is(err, readErr) {
		t.Fatalf("read failure: error %v does not wrap the reader's error", err)
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		t.Errorf("read failure: error %v is a *ParseError, want a plain error", err)
	}

	_, err = Parse(strings.NewReader(""), "JSONL")
	if !errors.Is(err, ErrNoSegments) {
		t.Errorf("empty JSONL (upper-case name): error %v does not wrap ErrNoSegments", err)
	}
}
