package formats

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"copydesk/internal/tags"
)

// Segment is one segment of a translation, in document order.
type Segment struct {
	ID        int64
	Paragraph int
	Index     int // position within the paragraph, 1-based
	Source    string
	Target    string
	State     string // mt, draft, approved, rejected

	// Block is the path of the article block the segment belongs to ("" for
	// plain text, see Block.Path); Tags the table of the inline tag tokens in
	// Source and Target (package tags). Both come from Markdown and HTML
	// articles and let md and html rebuild the article.
	Block string
	Tags  []tags.Tag

	// Optional; written by the XLIFF and TMX exports only.
	Notes     []string  // rejection reason and comments, one note each
	Created   time.Time // when the segment was created; zero if unknown
	Changed   time.Time // when it was last changed; zero if unknown
	ChangedBy string    // who changed it last (TMX changeid)
}

// Article is what an export writes.
type Article struct {
	DocumentID int64
	Title      string
	SourceLang string    // BCP 47
	Lang       string    // target language, BCP 47
	Segments   []Segment // already filtered by the caller, in document order
	Unapproved int       // how many segments the caller left out
}

// Write writes a in format "txt", "md", "html", "json", "csv", "xliff"
// (XLIFF 1.2), "xliff2" (XLIFF 2.0) or "tmx" (TMX 1.4b), case-insensitive, to w.
//
// When the segments come from a Markdown or HTML article (they have a Block
// path or tags), md and html rebuild the article: headings, lists, quotes and
// code blocks, with the inline markup of the tags; txt drops the markup. html
// writes a plain-text article as one <p> per paragraph, line breaks as <br>.
//
// txt and md hold the target text only, one paragraph per block, blocks
// separated by a blank line, with a final newline. A paragraph is a run of
// consecutive segments with the same Paragraph number; its segments are
// joined with one space, or with none when the target language is Japanese
// or Chinese or when whitespace is already there. Segments with an empty
// target are left out, and so is a paragraph left with no text. md escapes
// the text so that it renders literally and turns a line break inside a
// segment into a Markdown hard break (backslash, newline).
//
// json and csv hold every segment with its id, position, source, target and
// state; json also holds the article's fields. The csv can be read back with
// Parse(r, "csv").
//
// xliff, xliff2 and tmx hold every segment with its source, target, state
// and notes; XLIFF groups the units of a paragraph in <group id="pN">, TMX
// records the paragraph in <prop type="x-copydesk-paragraph">, so Parse reads
// the paragraphs, states and notes back. Balanced tag tokens are written as
// the standards' inline codes (<g>/<x> in XLIFF 1.2, <pc>/<ph> in 2.0,
// <bpt>/<ept>/<ph> in TMX; see inlineContent) and read back as tokens. Text
// is escaped by encoding/xml and kept exactly
// (line breaks and carriage returns as character references); a text with a
// character XML 1.0 cannot carry (a control character other than tab, CR and
// LF) is refused with an error. State mappings: see xliff12State,
// xliff2State; TMX keeps the state in <prop type="x-copydesk-state">.
func Write(w io.Writer, a Article, format string) error {
	var err error
	switch strings.ToLower(format) {
	case "txt":
		_, err = io.WriteString(w, joinBlocks(paragraphs(withoutMarkup(a.Segments), a.Lang)))
	case "md":
		if structured(a.Segments) {
			err = WriteArticleMarkdown(w, articleBlocks(a.Segments, a.Lang))
		} else {
			_, err = io.WriteString(w, joinBlocks(markdownBlocks(paragraphs(a.Segments, a.Lang))))
		}
	case "html":
		blocks := articleBlocks(a.Segments, a.Lang)
		err = WriteArticleHTML(w, a.Lang, translatedTitle(a.Title, blocks), blocks)
	case "json":
		err = writeJSON(w, a)
	case "csv":
		err = writeCSV(w, a.Segments)
	case "xliff":
		err = writeXLIFF12(w, a)
	case "xliff2":
		err = writeXLIFF2(w, a)
	case "tmx":
		err = writeTMX(w, a)
	default:
		return unsupportedExport(format)
	}
	if err != nil {
		return fmt.Errorf("write %s export: %w", format, err)
	}
	return nil
}

// withoutMarkup returns segs with the tags of their targets rendered as plain
// text (see plainText); segs itself when none has a tag table.
func withoutMarkup(segs []Segment) []Segment {
	if !structured(segs) {
		return segs
	}
	out := make([]Segment, len(segs))
	for i, s := range segs {
		s.Target = plainText(s.Target, s.Tags)
		out[i] = s
	}
	return out
}

// paragraphs joins the targets of each paragraph into one string.
func paragraphs(segs []Segment, lang string) []string {
	noSpace := joinsWithoutSpace(lang)
	var (
		out []string
		b   strings.Builder
	)
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for i, s := range segs {
		if i > 0 && s.Paragraph != segs[i-1].Paragraph {
			flush()
		}
		if s.Target == "" {
			continue
		}
		if b.Len() > 0 && !noSpace && !endsWithSpace(b.String()) && !startsWithSpace(s.Target) {
			b.WriteByte(' ')
		}
		b.WriteString(s.Target)
	}
	flush()
	return out
}

// joinBlocks separates blocks with a blank line and ends with a newline.
func joinBlocks(blocks []string) string {
	if len(blocks) == 0 {
		return ""
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// joinsWithoutSpace reports whether sentences of the language are written
// without a space between them: Japanese and Chinese. lang is a BCP 47 tag
// such as "zh-Hant-TW"; "_" is accepted as a separator too.
func joinsWithoutSpace(lang string) bool {
	primary, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	switch strings.ToLower(strings.TrimSpace(primary)) {
	case "ja", "zh":
		return true
	}
	return false
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// jsonArticle and jsonSegment fix the field names and order of the json export.
type jsonArticle struct {
	DocumentID int64         `json:"document_id"`
	Title      string        `json:"title"`
	SourceLang string        `json:"source_lang"`
	Lang       string        `json:"lang"`
	Unapproved int           `json:"unapproved"`
	Segments   []jsonSegment `json:"segments"`
}

type jsonSegment struct {
	ID        int64      `json:"id"`
	Paragraph int        `json:"paragraph"`
	Index     int        `json:"index"`
	Source    string     `json:"source"`
	Target    string     `json:"target"`
	State     string     `json:"state"`
	Block     string     `json:"block,omitempty"`
	Tags      []tags.Tag `json:"tags,omitempty"`
}

func writeJSON(w io.Writer, a Article) error {
	out := jsonArticle{
		DocumentID: a.DocumentID,
		Title:      a.Title,
		SourceLang: a.SourceLang,
		Lang:       a.Lang,
		Unapproved: a.Unapproved,
		Segments:   make([]jsonSegment, 0, len(a.Segments)),
	}
	for _, s := range a.Segments {
		out.Segments = append(out.Segments, jsonSegment{ID: s.ID, Paragraph: s.Paragraph,
			Index: s.Index, Source: s.Source, Target: s.Target, State: s.State, Block: s.Block, Tags: s.Tags})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeCSV(w io.Writer, segs []Segment) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "paragraph", "index", "source", "target", "state"}); err != nil {
		return err
	}
	for _, s := range segs {
		rec := []string{
			strconv.FormatInt(s.ID, 10),
			strconv.Itoa(s.Paragraph),
			strconv.Itoa(s.Index),
			s.Source,
			s.Target,
			s.State,
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
