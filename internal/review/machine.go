package review

import (
	"context"

	"copydesk/internal/store"
)

// Revision kinds of text inserted from a provider or the memory.
const (
	KindMT = "mt" // machine text, asked for again on the review page
	KindTM = "tm" // an approved earlier translation from the memory
)

// MachineAgain asks provider (or, when empty, the first one with the pair) for
// the segment's machine text again and makes it the target: a draft, in a
// revision of kind mt. The segment's original machine text stays the measure
// of what reviewers changed.
func (s *Service) MachineAgain(ctx context.Context, u store.User, id int64, base int, provider string) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	cur, err := s.st.Segment(ctx, id)
	if err != nil {
		return store.Segment{}, err
	}
	if s.mt == nil {
		return store.Segment{}, invalid("error.mt.none")
	}
	p, ok := s.mt.Provider(provider)
	if provider == "" {
		p, err = s.provider(ctx, cur.SourceLang, cur.Lang)
		if err != nil {
			return store.Segment{}, err
		}
	} else if !ok {
		return store.Segment{}, invalid("error.mt.unknown", "Provider", provider)
	}
	out, err := p.Translate(ctx, cur.SourceLang, cur.Lang, []string{cur.Source})
	if err != nil {
		return store.Segment{}, invalid("error.mt.failed", "Detail", err.Error())
	}
	text := nfc(out[0])
	return s.insertText(ctx, u, id, base, text, KindMT)
}

// UseMatch makes the memory entry memoryID, one of the segment's matches, the
// target: a draft, in a revision of kind tm.
func (s *Service) UseMatch(ctx context.Context, u store.User, id int64, base int, memoryID int64) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	cur, err := s.st.Segment(ctx, id)
	if err != nil {
		return store.Segment{}, err
	}
	matches, err := s.Matches(ctx, cur.SourceLang, cur.Lang, cur.Source, MaxMatches)
	if err != nil {
		return store.Segment{}, err
	}
	for _, m := range matches {
		if m.ID == memoryID {
			return s.insertText(ctx, u, id, base, m.Target, KindTM)
		}
	}
	return store.Segment{}, invalid("error.tm.nomatch")
}

// MaxMatches is how many memory matches the review panel offers.
const MaxMatches = 5

// insertText makes text the segment's target as a draft, in a revision of kind;
// the tags of a Markdown or HTML article must stay whole, as in an edit.
func (s *Service) insertText(ctx context.Context, u store.User, id int64, base int, text, kind string) (store.Segment, error) {
	if err := checkText("target", text, MaxSegmentChars); err != nil {
		return store.Segment{}, err
	}
	return s.change(ctx, id, base, func(cur store.Segment) (store.Change, error) {
		if cur.Target == text {
			return store.Change{}, errUnchanged
		}
		return store.Change{Target: text, State: StateDraft, Kind: kind, AuthorID: u.ID, Distance: Distance(text, cur.MT)}, nil
	})
}
