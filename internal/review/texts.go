package review

import (
	"context"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"copydesk/internal/align"
	"copydesk/internal/store"
)

// MaxTextBytes bounds each of the two texts of an article imported as text.
const MaxTextBytes = 16 << 20

// NewTexts is an article and its translation as two plain texts.
type NewTexts struct {
	Title, SourceLang, TargetLang string
	Source, Target                string
}

// CreateFromTexts cuts both texts into paragraphs and sentences, aligns them
// (groupings other than 1–1 become one segment holding all their sentences, so
// nothing is dropped) and stores the document. It returns the alignment report.
// Texts are normalised to NFC. u is nil for the command line.
func (s *Service) CreateFromTexts(ctx context.Context, u *store.User, t NewTexts) (int64, align.Report, error) {
	if u != nil && !Can(u.Role, ActImport) {
		return 0, align.Report{}, forbidden("error.forbidden.documents")
	}
	src, err := ParseLang("source_lang", t.SourceLang)
	if err != nil {
		return 0, align.Report{}, err
	}
	tgt, err := ParseLang("target_lang", t.TargetLang)
	if err != nil {
		return 0, align.Report{}, err
	}
	for _, f := range []struct{ name, text string }{{"source_text", t.Source}, {"target_text", t.Target}} {
		if !utf8.ValidString(f.text) {
			return 0, align.Report{}, malformed("error.text.utf8", "Field", f.name)
		}
		if len(f.text) > MaxTextBytes {
			return 0, align.Report{}, invalid("error.text.long", "Field", f.name, "Length", len(f.text), "Limit", MaxTextBytes)
		}
		if strings.TrimSpace(f.text) == "" {
			return 0, align.Report{}, invalid("error.segments.none")
		}
	}
	pairs, report := align.Texts(src, tgt, norm.NFC.String(t.Source), norm.NFC.String(t.Target))
	report = fromOne(report)
	d := NewDocument{Title: t.Title, SourceLang: src, TargetLang: tgt, Segments: make([]NewSegment, 0, len(pairs))}
	pending := "" // target sentences with no source, waiting for a segment to join
	for _, p := range pairs {
		target := joinSentences(tgt, p.Target)
		if len(p.Source) == 0 {
			// A sentence only the translation has joins its neighbour's target, so
			// that every segment has a source and nothing is dropped.
			if n := len(d.Segments); n > 0 {
				d.Segments[n-1].Target = joinSentences(tgt, []string{d.Segments[n-1].Target, target})
			} else {
				pending = joinSentences(tgt, []string{pending, target})
			}
			continue
		}
		if pending != "" {
			target, pending = joinSentences(tgt, []string{pending, target}), ""
		}
		para := p.Paragraph + 1 // paragraphs count from 1, as in the other imports
		d.Segments = append(d.Segments, NewSegment{Source: joinSentences(src, p.Source), Target: target, Paragraph: &para})
	}
	var id int64
	if u != nil {
		id, err = s.CreateDocument(ctx, *u, d)
	} else {
		id, err = s.ImportDocument(ctx, d)
	}
	return id, report, err
}

// fromOne numbers the report's paragraphs from 1, as the segments are.
func fromOne(r align.Report) align.Report {
	for i := range r.NonOneToOne {
		r.NonOneToOne[i].Paragraph++
	}
	for i := range r.UnmatchedSourceParagraphs {
		r.UnmatchedSourceParagraphs[i]++
	}
	for i := range r.UnmatchedTargetParagraphs {
		r.UnmatchedTargetParagraphs[i]++
	}
	return r
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
