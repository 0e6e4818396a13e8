// Package demo holds the demo articles loaded by `copydesk serve --demo`.
//
// Each article is an embedded JSON Lines file under articles/. The first
// line is a header object
//
//	{"title": "...", "source_lang": "ko", "target_lang": "en"}
//
// and every following line is one segment (one sentence):
//
//	{"source": "...", "target": "...", "paragraph": 1}
//
// The targets are machine translations with typographic slips planted on
// purpose (foreign quotation marks, a space before punctuation, a sentence
// fragment, a wrong number, a doubled word, and for Spanish a missing ¿ and
// English number separators) so that a demo reviewer has something to fix.
package demo

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

//go:embed articles/*.jsonl texts/*.md
var files embed.FS

// TextPair is a demo article given as two Markdown texts, the article and its
// machine translation, which the import aligns: texts/NN-name.SRC.md and
// texts/NN-name.TGT.md. The translation keeps a slip of its own (straight
// quotes in French), and the import shows the article's structure and inline
// markup.
type TextPair struct {
	SourceLang, TargetLang string
	Source, Target         string
}

// TextPairs returns the demo articles given as two texts, in file-name order.
func TextPairs() ([]TextPair, error) {
	names, err := fs.Glob(files, "texts/*.md")
	if err != nil {
		return nil, fmt.Errorf("demo: list texts: %w", err)
	}
	var out []TextPair
	for i := 0; i+1 < len(names); i += 2 {
		a, b := names[i], names[i+1] // sorted: NN-name.en.md before NN-name.fr.md
		la, lb := langOf(a), langOf(b)
		if la == "" || lb == "" || stem(a) != stem(b) {
			return nil, fmt.Errorf("demo: %s and %s are not an article and its translation", a, b)
		}
		src, err := files.ReadFile(a)
		if err != nil {
			return nil, err
		}
		tgt, err := files.ReadFile(b)
		if err != nil {
			return nil, err
		}
		out = append(out, TextPair{SourceLang: la, TargetLang: lb, Source: string(src), Target: string(tgt)})
	}
	if len(names)%2 != 0 {
		return nil, fmt.Errorf("demo: texts/ holds %d files, not pairs", len(names))
	}
	return out, nil
}

// langOf returns "en" of "texts/04-harbour.en.md".
func langOf(name string) string {
	base := strings.TrimSuffix(path.Base(name), ".md")
	i := strings.LastIndexByte(base, '.')
	if i < 0 {
		return ""
	}
	return base[i+1:]
}

// stem returns "04-harbour" of "texts/04-harbour.en.md".
func stem(name string) string {
	base := strings.TrimSuffix(path.Base(name), ".md")
	return strings.TrimSuffix(base, "."+langOf(name))
}

// Article is one demo article with its machine translation.
type Article struct {
	Title      string
	SourceLang string
	TargetLang string
	Segments   []Segment
}

// Segment is one source sentence and its machine translation.
type Segment struct {
	Source    string
	Target    string
	Paragraph int
}

type header struct {
	Title      string `json:"title"`
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
}

type segment struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Paragraph int    `json:"paragraph"`
}

// maxLine bounds one JSON line; a segment is a single sentence, so this is generous.
const maxLine = 1 << 20

// Articles returns the demo articles, parsed from the embedded files, in file-name order.
func Articles() ([]Article, error) {
	names, err := fs.Glob(files, "articles/*.jsonl") // Glob returns names sorted
	if err != nil {
		return nil, fmt.Errorf("demo: list articles: %w", err)
	}
	articles := make([]Article, 0, len(names))
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("demo: read %s: %w", name, err)
		}
		a, err := parse(path.Base(name), data)
		if err != nil {
			return nil, err
		}
		articles = append(articles, a)
	}
	return articles, nil
}

// parse decodes one JSON Lines article. Blank lines are ignored.
func parse(name string, data []byte) (Article, error) {
	var a Article
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	lineNo := 0
	haveHeader := false
	for sc.Scan() {
		lineNo++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if !haveHeader {
			var h header
			if err := decodeStrict(line, &h); err != nil {
				return Article{}, fmt.Errorf("demo: %s line %d: header: %w", name, lineNo, err)
			}
			if h.Title == "" || h.SourceLang == "" || h.TargetLang == "" {
				return Article{}, fmt.Errorf("demo: %s line %d: header needs title, source_lang and target_lang", name, lineNo)
			}
			a.Title, a.SourceLang, a.TargetLang = h.Title, h.SourceLang, h.TargetLang
			haveHeader = true
			continue
		}
		var s segment
		if err := decodeStrict(line, &s); err != nil {
			return Article{}, fmt.Errorf("demo: %s line %d: segment: %w", name, lineNo, err)
		}
		if s.Source == "" || s.Target == "" {
			return Article{}, fmt.Errorf("demo: %s line %d: segment needs source and target", name, lineNo)
		}
		prev := 1
		if n := len(a.Segments); n > 0 {
			prev = a.Segments[n-1].Paragraph
		}
		if s.Paragraph < prev || (len(a.Segments) == 0 && s.Paragraph != 1) {
			return Article{}, fmt.Errorf("demo: %s line %d: paragraph %d must start at 1 and never decrease", name, lineNo, s.Paragraph)
		}
		a.Segments = append(a.Segments, Segment(s))
	}
	if err := sc.Err(); err != nil {
		return Article{}, fmt.Errorf("demo: %s line %d: %w", name, lineNo+1, err)
	}
	if !haveHeader {
		return Article{}, fmt.Errorf("demo: %s: empty file, no header line", name)
	}
	if len(a.Segments) == 0 {
		return Article{}, fmt.Errorf("demo: %s: no segments", name)
	}
	return a, nil
}

// decodeStrict decodes exactly one JSON object and rejects unknown fields,
// so a segment line is never mistaken for a header and vice versa.
func decodeStrict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after JSON object")
	}
	return nil
}
