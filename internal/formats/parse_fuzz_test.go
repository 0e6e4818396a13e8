package formats_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/internal/formats"
)

// FuzzParseDelimited feeds arbitrary bytes to the JSON Lines, TSV and CSV readers:
// they never panic, and what they return is either an error or rows of valid
// UTF-8 with sane paragraphs and no state or notes.
func FuzzParseDelimited(f *testing.F) {
	for _, seed := range []string{
		`{"source": "Un.", "target": "One.", "paragraph": 1}` + "\n",
		"source\ttarget\nUn.\tOne.\n",
		"source,target,paragraph\n\"Un, deux.\",\"One, two.\",2\n",
		"\ufeffsource,target\n\"a\"\"b\",c\n",
		"{\"source\": 1}\n",
		"source\ttarget\n\\t\\n\\\\\tx\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, format := range []string{"jsonl", "tsv", "csv"} {
			rows, err := formats.Parse(strings.NewReader(in), format)
			if err != nil {
				continue
			}
			for i, r := range rows {
				if !utf8.ValidString(r.Source) || !utf8.ValidString(r.Target) {
					t.Fatalf("%s row %d is not UTF-8: %+v", format, i, r)
				}
				if r.HasParagraph && r.Paragraph < 0 {
					t.Fatalf("%s row %d has paragraph %d", format, i, r.Paragraph)
				}
				if r.State != "" || r.Notes != nil {
					t.Fatalf("%s row %d has a state or notes: %+v", format, i, r)
				}
			}
		}
	})
}
