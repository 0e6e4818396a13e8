package formats

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Row is one source/target pair read from a bilingual file.
type Row struct {
	Source       string
	Target       string
	Paragraph    int  // as given in the file
	HasParagraph bool // false when the file did not say

	// Read from XLIFF and TMX only.
	State string   // "mt", "draft", "approved", "rejected", or "" when the file does not say
	Notes []string // the unit's notes, in order, trimmed, empty ones dropped; nil when none

	// Read from TMX only: the <tu>'s creationdate, changedate (zero when
	// missing) and changeid.
	Created, Changed time.Time
	ChangedBy        string
}

// copydeskState returns s when it names a Copydesk segment state, else "".
func copydeskState(s string) string {
	switch s {
	case "mt", "draft", "approved", "rejected":
		return s
	}
	return ""
}

// bom is the UTF-8 byte order mark, ignored at the start of a file.
var bom = []byte("\uFEFF")

// Parsed is what ParseWithLangs reads: the rows and the languages the file
// declares (XLIFF and TMX only; "" when the file or format does not say).
type Parsed struct {
	SourceLang string // BCP 47 tag as written in the file
	TargetLang string
	Rows       []Row
}

// Parse reads the whole of r in the given input format: "jsonl", "tsv",
// "csv", "xliff" or "tmx" (case-insensitive). It is ParseWithLangs without
// the languages.
func Parse(r io.Reader, format string) ([]Row, error) {
	p, err := ParseWithLangs(r, format)
	if err != nil {
		return nil, err
	}
	return p.Rows, nil
}

// ParseWithLangs reads the whole of r in the given input format, as Parse
// does, and also returns the source and target languages the file declares.
//
// The input must be valid UTF-8; a byte order mark at its start is ignored.
// Text is kept exactly as given: nothing is trimmed, except that TSV drops the
// "\r" of CRLF line ends and encoding/csv turns a CRLF inside a quoted CSV
// field into "\n" (XML parsers do the same with a literal CRLF).
//
// JSON Lines: one object per line, {"source": "...", "target": "...",
// "paragraph": n}; "target" and "paragraph" may be missing or null; unknown
// fields are ignored; blank lines are skipped.
//
// TSV and CSV: the first record is a header that must name a "source" and a
// "target" column and may name a "paragraph" column (case-insensitive,
// surrounding spaces ignored, any order, other columns ignored). CSV follows
// RFC 4180. TSV has one record per line, fields separated by tabs, no
// quoting; in its fields the escapes \t, \n, \r and \\ stand for a tab, a
// line feed, a carriage return and a backslash, and any other backslash is
// kept as it is. An empty paragraph cell means the row has no paragraph.
// Records whose fields are all empty (blank lines) are skipped.
//
// XLIFF ("xliff", version 1.2 or 2.0, told apart by the root's namespace or
// version): one row per <trans-unit> (1.2) or <segment> (2.0), the languages
// from source-language/target-language of <file> (1.2) or srcLang/trgLang
// of the root (2.0). A unit inside a <group> gets the group's paragraph (the
// number N of an id "pN", else the next free number); a unit outside any
// group has none. TMX: see parseTMX. Inline codes numbered 1 to 999 become
// tag tokens (package tags): XLIFF 1.2 <g id> → {id}…{/id}, <x/>, <bx/>, <ex/>,
// <ph> → {id/}; XLIFF 2.0 <pc id> → a pair, <ph/>, <sc/>, <ec/> → {id/}; TMX
// <bpt i>/<ept i> → {i}/{/i}, <ph x> → {x/} (see inlineRules). Other inline
// markup is dropped and its text kept, except that the content of
// native-code elements (<ph>, <bpt>, <ept>, <it>, <ut>, <sub>) is dropped
// too; a text whose tokens would not be balanced is read without them.
// XML input is read in strict mode; DOCTYPE and entity declarations, nesting
// deeper than 64 elements and more than 1,000,000 units are refused.
//
// XLIFF and TMX rows also carry the segment's state and notes (see Row): the
// notes of the <trans-unit> (1.2), of the <unit> (2.0; given to its first
// segment) or of the <tu> (TMX), and the state read by xliff12ReadState,
// xliff2ReadState or from TMX <prop type="x-copydesk-state">. Write's XLIFF
// and TMX exports read back with the states and (trimmed) notes they were
// written with. Other formats leave State "" and Notes nil.
//
// A problem in the content is returned as a *ParseError naming the line; a
// file without rows is a *ParseError wrapping ErrNoSegments; an unknown format
// wraps ErrUnsupportedFormat.
func ParseWithLangs(r io.Reader, format string) (Parsed, error) {
	var parse func([]byte) (Parsed, error)
	switch strings.ToLower(format) {
	case "jsonl":
		parse = rowsOnly(parseJSONL)
	case "tsv":
		parse = rowsOnly(parseTSV)
	case "csv":
		parse = rowsOnly(parseCSV)
	case "xliff":
		parse = parseXLIFF
	case "tmx":
		parse = parseTMX
	default:
		return Parsed{}, fmt.Errorf("%w %q (supported: %s)",
			ErrUnsupportedFormat, format, strings.Join(ImportFormats, ", "))
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return Parsed{}, fmt.Errorf("read %s input: %w", format, err)
	}
	data = bytes.TrimPrefix(data, bom)
	if err := checkUTF8(data); err != nil {
		return Parsed{}, err
	}
	p, err := parse(data)
	if err != nil {
		return Parsed{}, err
	}
	if len(p.Rows) == 0 {
		return Parsed{}, &ParseError{Err: ErrNoSegments}
	}
	return p, nil
}

// rowsOnly adapts a parser of a format that declares no languages.
func rowsOnly(parse func([]byte) ([]Row, error)) func([]byte) (Parsed, error) {
	return func(data []byte) (Parsed, error) {
		rows, err := parse(data)
		return Parsed{Rows: rows}, err
	}
}

// checkUTF8 reports the line of the first byte that is not valid UTF-8.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return &ParseError{Line: line, Err: fmt.Errorf("invalid UTF-8 on line %d", line)}
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return nil
}

// columns records where the wanted fields are in a TSV or CSV record.
type columns struct {
	source, target int
	paragraph      int // -1 when the file has no paragraph column
	count          int // number of fields every record must have
}

// readHeader finds the source, target and paragraph columns in a header.
func readHeader(fields []string, line int) (columns, error) {
	c := columns{source: -1, target: -1, paragraph: -1, count: len(fields)}
	for i, f := range fields {
		name := strings.ToLower(strings.TrimSpace(f))
		var p *int
		switch name {
		case "source":
			p = &c.source
		case "target":
			p = &c.target
		case "paragraph":
			p = &c.paragraph
		default:
			continue
		}
		if *p >= 0 {
			return c, errorAt(line, "the header has more than one %q column", name)
		}
		*p = i
	}
	for _, need := range []struct {
		name string
		at   int
	}{{"source", c.source}, {"target", c.target}} {
		if need.at < 0 {
			return c, errorAt(line, "the header has no %q column (found %s)",
				need.name, quoteNames(fields))
		}
	}
	return c, nil
}

// quoteNames lists header names for an error message, cut short if long.
func quoteNames(fields []string) string {
	const limit = 200
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(f))
		if b.Len() > limit {
			return b.String()[:limit] + "…"
		}
	}
	return b.String()
}

// row builds a Row from one data record.
func (c columns) row(fields []string, line int) (Row, error) {
	if len(fields) != c.count {
		return Row{}, errorAt(line, "the record has %d fields but the header has %d",
			len(fields), c.count)
	}
	r := Row{Source: fields[c.source], Target: fields[c.target]}
	if c.paragraph < 0 {
		return r, nil
	}
	cell := strings.TrimSpace(fields[c.paragraph])
	if cell == "" {
		return r, nil
	}
	n, err := strconv.Atoi(cell)
	if err != nil || n < 0 {
		return Row{}, errorAt(line, "paragraph must be a whole number of 0 or more, not %q",
			fields[c.paragraph])
	}
	r.Paragraph, r.HasParagraph = n, true
	return r, nil
}

// allEmpty reports whether every field is empty, as on a blank line.
func allEmpty(fields []string) bool {
	for _, f := range fields {
		if f != "" {
			return false
		}
	}
	return true
}
