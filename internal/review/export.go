package review

import (
	"context"
	"encoding/json"
	"fmt"

	"copydesk/internal/formats"
	"copydesk/internal/store"
)

// Export gathers a translation for writing out: by default only approved segments,
// in document order; with all, every segment. Article.Unapproved counts what was
// left out.
func (s *Service) Export(ctx context.Context, docID int64, lang string, all bool) (formats.Article, error) {
	doc, err := s.st.Document(ctx, docID)
	if err != nil {
		return formats.Article{}, err
	}
	tr, err := s.ReadyTranslation(ctx, docID, lang)
	if err != nil {
		return formats.Article{}, err
	}
	comments, err := s.st.TranslationComments(ctx, tr.ID)
	if err != nil {
		return formats.Article{}, err
	}
	a := formats.Article{DocumentID: doc.ID, Title: doc.Title, SourceLang: doc.SourceLang, Lang: tr.Lang,
		Segments: make([]formats.Segment, 0, tr.SegmentCount)}
	err = s.st.ForEachSegment(ctx, tr, func(sg store.Segment) error {
		if !all && sg.State != StateApproved {
			a.Unapproved++
			return nil
		}
		out := formats.Segment{ID: sg.ID, Paragraph: sg.Paragraph, Index: sg.Index,
			Source: sg.Source, Target: sg.Target, State: sg.State,
			Created: sg.CreatedAt, Changed: sg.ChangedAt, ChangedBy: sg.ChangedBy, Block: sg.Block}
		if sg.Tags != "" {
			if err := json.Unmarshal([]byte(sg.Tags), &out.Tags); err != nil {
				return fmt.Errorf("segment %d tags: %w", sg.ID, err)
			}
		}
		if sg.State == StateRejected && sg.Reason != "" {
			out.Notes = append(out.Notes, "rejected: "+sg.Reason)
		}
		for _, c := range comments[sg.ID] {
			out.Notes = append(out.Notes, c.Author+": "+c.Body)
		}
		a.Segments = append(a.Segments, out)
		return nil
	})
	return a, err
}
