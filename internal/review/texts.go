package review

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"copydesk/internal/align"
	"copydesk/internal/formats"
	"copydesk/internal/segment"
	"copydesk/internal/store"
	"copydesk/internal/tags"
)

// MaxTextBytes bounds each of the two texts of an article imported as text.
const MaxTextBytes = 16 << 20

// ArticleFormats lists the shapes an article and its translation may come in.
var ArticleFormats = []string{"text", "markdown", "html"}

// NewTexts is an article and its translation as two texts of one Format: text
// (paragraphs at blank lines; the default), markdown or html.
type NewTexts struct {
	Title, SourceLang, TargetLang string
	Source, Target                string
	Format                        string
}

// ImportReport says what an import of two texts did not pair one to one, and
// what it set aside of an HTML page (navigation, share buttons, footers), each
// entry starting with the side it comes from ("source: nav", "translation:
// footer").
// Paragraphs are numbered from 1 among the source's blocks, as the segments are.
type ImportReport struct {
	align.Report
	SetAside []string
}

// CreateFromTexts cuts both texts into blocks (paragraphs, headings, list
// items, quotes) and sentences, aligns them (groupings other than 1–1 become
// one segment holding all their sentences, so nothing is dropped) and stores
// the document. Inline markup becomes protected tags (package tags); each
// segment keeps its block's path so that exports rebuild the article. Texts
// are normalised to NFC. u is nil for the command line.
func (s *Service) CreateFromTexts(ctx context.Context, u *store.User, t NewTexts) (int64, ImportReport, error) {
	var rep ImportReport
	if u != nil && !Can(u.Role, ActImport) {
		return 0, rep, forbidden("error.forbidden.documents")
	}
	src, err := ParseLang("source_lang", t.SourceLang)
	if err != nil {
		return 0, rep, err
	}
	tgt, err := ParseLang("target_lang", t.TargetLang)
	if err != nil {
		return 0, rep, err
	}
	format := t.Format
	if format == "" {
		format = "text"
	}
	if !validFormat(format) {
		return 0, rep, malformed("error.article.format", "Format", format, "Formats", strings.Join(ArticleFormats, ", "))
	}
	var sides [2]formats.ArticleDoc
	for i, f := range []struct{ name, text string }{{"source_text", t.Source}, {"target_text", t.Target}} {
		if !utf8.ValidString(f.text) {
			return 0, rep, malformed("error.text.utf8", "Field", f.name)
		}
		if len(f.text) > MaxTextBytes {
			return 0, rep, invalid("error.text.long", "Field", f.name, "Length", len(f.text), "Limit", MaxTextBytes)
		}
		if sides[i], err = parseArticle(format, nfc(f.text)); err != nil {
			if errors.Is(err, formats.ErrNoSegments) {
				return 0, rep, invalid("error.segments.none")
			}
			return 0, rep, malformed("error.article.parse", "Field", f.name, "Detail", err.Error())
		}
	}
	for i, side := range []string{"source", "translation"} {
		for _, x := range sides[i].SetAside {
			rep.SetAside = append(rep.SetAside, side+": "+x)
		}
	}
	title := t.Title
	if strings.TrimSpace(title) == "" {
		title = articleTitle(sides[0])
	}
	d := NewDocument{Title: title, SourceLang: src, TargetLang: tgt, Format: format}
	d.Segments, rep.Report = alignArticles(src, tgt, sides[0].Blocks, sides[1].Blocks)
	var id int64
	if u != nil {
		id, err = s.CreateDocument(ctx, *u, d)
	} else {
		id, err = s.ImportDocument(ctx, d)
	}
	return id, rep, err
}

// ArticleFormatFor names the format of an article file by its extension:
// markdown for .md and .markdown, html for .html and .htm, else text.
func ArticleFormatFor(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm", ".xhtml":
		return "html"
	}
	return "text"
}

func validFormat(f string) bool {
	for _, x := range ArticleFormats {
		if f == x {
			return true
		}
	}
	return false
}

// articleTitle is the text of the article's first h1, or else the title the
// page gives (an HTML <title> often carries the site's name too), or else the
// start of its first block, cut at a word within titleChars characters.
func articleTitle(doc formats.ArticleDoc) string {
	for _, b := range doc.Blocks {
		if b.Path == "h1" {
			return strings.TrimSpace(formats.PlainText(b.Text, b.Tags))
		}
	}
	if strings.TrimSpace(doc.Title) != "" || len(doc.Blocks) == 0 {
		return doc.Title
	}
	first := strings.Join(strings.Fields(formats.PlainText(doc.Blocks[0].Text, doc.Blocks[0].Tags)), " ")
	if r := []rune(first); len(r) > titleChars {
		cut := string(r[:titleChars])
		if i := strings.LastIndexByte(cut, ' '); i > titleChars/2 {
			cut = cut[:i]
		}
		first = strings.TrimRight(cut, " ,;:") + "…"
	}
	return first
}

// titleChars bounds a title taken from an article's first words.
const titleChars = 80

// parseArticle reads one side of an article into blocks; plain text has one
// block per paragraph, with no path and no tags.
func parseArticle(format, text string) (formats.ArticleDoc, error) {
	switch format {
	case "markdown":
		return formats.ParseMarkdown(text)
	case "html":
		return formats.ParseHTML(text)
	}
	var doc formats.ArticleDoc
	for _, p := range segment.Paragraphs(text) {
		doc.Blocks = append(doc.Blocks, formats.Block{Text: p})
	}
	if len(doc.Blocks) == 0 {
		return doc, formats.ErrNoSegments
	}
	return doc, nil
}

// alignArticles aligns the blocks of an article with those of its translation
// and returns one segment per aligned group, numbered by the source block it
// comes from, and the report.
func alignArticles(srcLang, tgtLang string, src, tgt []formats.Block) ([]NewSegment, align.Report) {
	texts := func(bs []formats.Block) []string {
		out := make([]string, len(bs))
		for i, b := range bs {
			out[i] = b.Text
		}
		return out
	}
	pairs, report := align.Paragraphs(srcLang, tgtLang, texts(src), texts(tgt))
	out := make([]NewSegment, 0, len(pairs))
	maps := tagMaps{src: src, tgt: tgt}
	var groupings []align.Grouping
	var pending []string // target sentences with no source, waiting for a segment to join
	pendingFrom := -1
	for _, p := range pairs {
		if len(p.Source) == 0 {
			// A sentence only the translation has joins its neighbour's target, so
			// that every segment has a source and nothing is dropped.
			joined := 1 // the paragraph of the segment the sentence joins
			if n := len(out); n > 0 {
				prev := &out[n-1]
				joined = *prev.Paragraph
				text := maps.target(*prev.Paragraph-1, p.TargetParagraph, joinSentences(tgtLang, p.Target))
				prev.Target = joinSentences(tgtLang, []string{prev.Target, text})
				prev.tagTarget(maps, *prev.Paragraph-1)
			} else {
				pending, pendingFrom = append(pending, p.Target...), p.TargetParagraph
			}
			if !slices.Contains(report.UnmatchedTargetParagraphs, p.TargetParagraph) {
				groupings = append(groupings, align.Grouping{Paragraph: joined, Target: p.Target, Kind: "0-1"})
			}
			continue
		}
		b := p.SourceParagraph
		para := b + 1
		target := ""
		if len(p.Target) > 0 {
			target = maps.target(b, p.TargetParagraph, joinSentences(tgtLang, p.Target))
		}
		if len(pending) > 0 {
			target = joinSentences(tgtLang, []string{maps.target(b, pendingFrom, joinSentences(tgtLang, pending)), target})
			pending = nil
		}
		seg := NewSegment{Source: joinSentences(srcLang, p.Source), Target: target, Paragraph: &para, Block: src[b].Path}
		if len(p.Source) != 1 || len(p.Target) != 1 {
			seg.Grouping = strconv.Itoa(len(p.Source)) + "-" + strconv.Itoa(len(p.Target))
			if !slices.Contains(report.UnmatchedSourceParagraphs, b) {
				groupings = append(groupings, align.Grouping{Paragraph: para, Source: p.Source, Target: p.Target, Kind: seg.Grouping})
			}
		}
		seg.tagTarget(maps, b)
		out = append(out, seg)
	}
	report.NonOneToOne = groupings
	for i := range report.UnmatchedSourceParagraphs {
		report.UnmatchedSourceParagraphs[i]++
	}
	for i := range report.UnmatchedTargetParagraphs {
		report.UnmatchedTargetParagraphs[i]++
	}
	return out, report
}

// tagTarget sets the segment's tag table: the entries of source block b that its
// source and target use, and the target's own tags mapped into it.
func (sg *NewSegment) tagTarget(m tagMaps, b int) {
	used := map[int]bool{}
	for _, t := range tags.Scan(sg.Source) {
		used[t.ID] = true
	}
	for _, t := range tags.Scan(sg.Target) {
		used[t.ID] = true
	}
	sg.Tags = nil
	for _, t := range m.table(b) {
		if used[t.ID] {
			sg.Tags = append(sg.Tags, m.entry(b, t))
		}
	}
	for _, t := range m.extra[b] {
		if used[t.ID] {
			sg.Tags = append(sg.Tags, t)
		}
	}
}

// joinSentences puts the sentences of one aligned group back together: with a space,
// or without one in Japanese and Chinese.
func joinSentences(lang string, sentences []string) string {
	sep := " "
	if base, _, _ := strings.Cut(lang, "-"); base == "ja" || base == "zh" {
		sep = ""
	}
	out := make([]string, 0, len(sentences))
	for _, x := range sentences {
		if x != "" {
			out = append(out, x)
		}
	}
	return strings.Join(out, sep)
}
