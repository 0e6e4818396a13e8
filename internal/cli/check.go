package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"copydesk/internal/formats"
	"copydesk/internal/i18n"
	"copydesk/internal/qa"
	"copydesk/internal/review"
	"copydesk/internal/segment"
)

// checkRecord is one line of check's JSON Lines input; other fields are ignored.
type checkRecord struct {
	ID         json.RawMessage `json:"id"` // a number or a string, echoed as given
	SourceLang string          `json:"source_lang"`
	TargetLang string          `json:"target_lang"`
	Source     string          `json:"source"`
	Target     string          `json:"target"`
}

// checkIssue is an issue as check writes it, its message in English.
type checkIssue struct {
	Check    string      `json:"check"`
	Severity qa.Severity `json:"severity"`
	Message  string      `json:"message"`
	Start    int         `json:"start"`
	End      int         `json:"end"`
	Fix      *string     `json:"fix,omitempty"`
}

// checkLineResult answers one input line; checkSegmentResult one segment of a
// plain-text article.
type checkLineResult struct {
	ID     json.RawMessage `json:"id"`
	Issues []checkIssue    `json:"issues"`
}

type checkSegmentResult struct {
	Paragraph int          `json:"paragraph"`
	Index     int          `json:"index"`
	Text      string       `json:"text"`
	Issues    []checkIssue `json:"issues"`
}

// boilerplateCheck is the check id of page furniture in a scraped article.
const boilerplateCheck = "boilerplate"

// checkCmd: copydesk check [--glossary FILE.tsv] [FILE|-]
// or: copydesk check --target-lang L --text FILE|-
//
// Exit status 0: no issues; 1: issues found; 2: bad command line or input
// (nothing is written to stdout then).
func checkCmd(_ context.Context, args []string, cio IO) error {
	fs := newFlags("check", cio)
	glossary := fs.String("glossary", "", "TSV file of terms, with a header naming a source and a target column")
	text := fs.String("text", "", "check this plain-text article (- for standard input) instead of JSON Lines")
	tgtLang := fs.String("target-lang", "", "language of the --text article, BCP 47 (en, fr-CA)")
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("check takes at most one FILE (got %d)", len(pos))
	}
	if *text != "" && len(pos) > 0 {
		return usagef("check --text takes no FILE argument (got %q)", pos[0])
	}
	if *text == "" && *tgtLang != "" {
		return usagef("--target-lang goes with --text; JSON lines carry their own target_lang")
	}
	if *text != "" && *tgtLang == "" {
		return usagef("check --text needs --target-lang")
	}
	var terms []qa.Term
	if *glossary != "" {
		if terms, err = readGlossary(*glossary); err != nil {
			return err
		}
	}
	bundle, err := i18n.New()
	if err != nil {
		return fmt.Errorf("load messages: %w", err)
	}
	c := &checker{loc: bundle.For(language.English), terms: terms}
	var buf bytes.Buffer
	c.enc = json.NewEncoder(&buf)
	c.enc.SetEscapeHTML(false)
	if *text != "" {
		lang, err := review.ParseLang("--target-lang", *tgtLang)
		if err != nil {
			return usagef("%v", err)
		}
		data, err := readCheckInput(*text, cio)
		if err != nil {
			return err
		}
		if err := c.text(lang, data); err != nil {
			return err
		}
	} else {
		name := "-"
		if len(pos) == 1 {
			name = pos[0]
		}
		data, err := readCheckInput(name, cio)
		if err != nil {
			return err
		}
		recs, err := parseCheckLines(inputName(name), data)
		if err != nil {
			return err
		}
		if err := c.lines(recs); err != nil {
			return err
		}
	}
	// Written in one go once all input is read: bad input leaves stdout empty.
	if _, err := cio.Stdout.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	return c.result()
}

// checker runs the checks and writes one JSON line per segment.
type checker struct {
	loc   *i18n.Localizer
	terms []qa.Term
	enc   *json.Encoder
	// segments checked, those with issues, and issues found
	segments, flagged, issues int
}

// lines checks JSON Lines records.
func (c *checker) lines(recs []checkRecord) error {
	for _, r := range recs {
		found := qa.Check(qa.Input{SourceLang: r.SourceLang, TargetLang: r.TargetLang,
			Source: r.Source, Target: r.Target, Glossary: c.terms})
		if err := c.enc.Encode(checkLineResult{ID: r.ID, Issues: c.render(found)}); err != nil {
			return err
		}
	}
	return nil
}

// text cuts a plain-text article into paragraphs and sentences and checks each
// sentence. A line of page furniture (segment.BoilerplateLines) is a segment of
// its own with only a boilerplate issue: the other checks would be noise on a
// line that is to be deleted.
func (c *checker) text(lang string, data []byte) error {
	var (
		paras [][]string // the non-blank lines of each paragraph, trimmed
		all   []string
	)
	for _, p := range segment.Paragraphs(string(data)) {
		var ls []string
		for l := range strings.SplitSeq(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				ls = append(ls, l)
			}
		}
		paras = append(paras, ls)
		all = append(all, ls...)
	}
	furniture := segment.BoilerplateLines(lang, all)
	k := 0
	for n, ls := range paras {
		index := 0
		var run []string
		emit := func(s string, found []qa.Issue) error {
			index++
			return c.enc.Encode(checkSegmentResult{Paragraph: n + 1, Index: index, Text: s, Issues: c.render(found)})
		}
		flush := func() error {
			for _, s := range segment.Sentences(lang, strings.Join(run, "\n")) {
				if err := emit(s, qa.Check(qa.Input{TargetLang: lang, Target: s, Glossary: c.terms})); err != nil {
					return err
				}
			}
			run = run[:0]
			return nil
		}
		for _, l := range ls {
			if !furniture[k] {
				run = append(run, l)
			} else if err := flush(); err != nil {
				return err
			} else if err := emit(l, []qa.Issue{{Check: boilerplateCheck, Severity: qa.Warning,
				Message: "qa." + boilerplateCheck, Start: 0, End: len(l)}}); err != nil {
				return err
			}
			k++
		}
		if err := flush(); err != nil {
			return err
		}
	}
	return nil
}

// render turns issues into their output form, counting them.
func (c *checker) render(issues []qa.Issue) []checkIssue {
	c.segments++
	if len(issues) > 0 {
		c.flagged++
		c.issues += len(issues)
	}
	out := make([]checkIssue, len(issues))
	for i, is := range issues {
		pairs := make([]any, 0, 2*len(is.Args))
		for k, v := range is.Args {
			pairs = append(pairs, k, v)
		}
		out[i] = checkIssue{Check: is.Check, Severity: is.Severity, Message: c.loc.T(is.Message, pairs...),
			Start: is.Start, End: is.End, Fix: is.Fix}
	}
	return out
}

// result is nil when no issue was found, else an error that makes Run exit
// with status 1 and sum the issues up on stderr.
func (c *checker) result() error {
	if c.issues == 0 {
		return nil
	}
	return fmt.Errorf("found %s in %d of %s", plural(c.issues, "issue"), c.flagged, plural(c.segments, "segment"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// inputName names an input file in messages.
func inputName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// readCheckInput reads the file name, or standard input for "-"; a file that
// cannot be read is bad input (exit status 2).
func readCheckInput(name string, cio IO) ([]byte, error) {
	var (
		data []byte
		err  error
	)
	if name == "-" {
		data, err = io.ReadAll(cio.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		if inner := errors.Unwrap(err); inner != nil {
			err = inner
		}
		return nil, usagef("read %s: %v", inputName(name), err)
	}
	if line := invalidUTF8Line(data); line > 0 {
		return nil, usagef("%s: line %d: invalid UTF-8", inputName(name), line)
	}
	return data, nil
}

// invalidUTF8Line returns the 1-based line of the first byte of data that is
// not valid UTF-8, or 0 when all of it is valid.
func invalidUTF8Line(data []byte) int {
	if utf8.Valid(data) {
		return 0
	}
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return 0
}

// parseCheckLines reads JSON Lines records: each non-blank line one object
// whose id, if any, is a number or a string and whose language tags are valid.
// A mistake is bad input naming the line.
func parseCheckLines(name string, data []byte) ([]checkRecord, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var recs []checkRecord
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		bad := func(format string, args ...any) error {
			return usagef("%s: line %d: %s", name, i+1, fmt.Sprintf(format, args...))
		}
		if line[0] != '{' {
			return nil, bad("not a JSON object")
		}
		var r checkRecord
		if err := json.Unmarshal(line, &r); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				return nil, bad("%s must be a string", te.Field)
			}
			return nil, bad("not valid JSON: %v", err)
		}
		if len(r.ID) > 0 && !validID(r.ID) {
			return nil, bad("id must be a number or a string")
		}
		var err error
		if r.TargetLang, err = review.ParseLang("target_lang", r.TargetLang); err != nil {
			return nil, bad("%v", err)
		}
		if r.SourceLang != "" {
			if r.SourceLang, err = review.ParseLang("source_lang", r.SourceLang); err != nil {
				return nil, bad("%v", err)
			}
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// validID reports whether a JSON value is a number, a string or null.
func validID(v json.RawMessage) bool {
	c := v[0]
	return c == '"' || c == '-' || (c >= '0' && c <= '9') || string(v) == "null"
}

// readGlossary reads a TSV glossary with a header naming a "source" and a
// "target" column (others ignored, byte order mark allowed, escapes as in
// import). A glossary that cannot be read, has no terms or an empty term is
// bad input.
func readGlossary(path string) ([]qa.Term, error) {
	f, err := os.Open(path)
	if err != nil {
		if inner := errors.Unwrap(err); inner != nil {
			err = inner
		}
		return nil, usagef("read glossary %s: %v", path, err)
	}
	defer f.Close()
	rows, err := formats.Parse(f, "tsv")
	if errors.Is(err, formats.ErrNoSegments) {
		return nil, usagef("glossary %s has no terms", path)
	}
	if err != nil {
		return nil, usagef("glossary %s: %v", path, err)
	}
	terms := make([]qa.Term, len(rows))
	for i, r := range rows {
		terms[i] = qa.Term{Source: strings.TrimSpace(r.Source), Target: strings.TrimSpace(r.Target)}
		if terms[i].Source == "" || terms[i].Target == "" {
			return nil, usagef("glossary %s: term %d has an empty source or target", path, i+1)
		}
	}
	return terms, nil
}
