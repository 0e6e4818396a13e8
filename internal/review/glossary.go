package review

import (
	"context"
	"strings"

	"copydesk/internal/store"
)

// MaxTermChars bounds a glossary term, in characters.
const MaxTermChars = 200

// AddTerms validates terms and adds them to their language pairs' glossaries (a
// term already there is replaced), then rechecks the segments of those pairs.
func (s *Service) AddTerms(ctx context.Context, actor store.User, terms []store.Term) (int, error) {
	if !Can(actor.Role, ActManageUsers) {
		return 0, forbidden("error.forbidden.glossary")
	}
	if len(terms) == 0 {
		return 0, invalid("error.glossary.empty")
	}
	pairs := map[[2]string]bool{}
	for i := range terms {
		t := &terms[i]
		var err error
		if t.SourceLang, err = ParseLang("source_lang", t.SourceLang); err != nil {
			return 0, err
		}
		if t.TargetLang, err = ParseLang("target_lang", t.TargetLang); err != nil {
			return 0, err
		}
		t.Source, t.Target, t.Note = strings.TrimSpace(t.Source), strings.TrimSpace(t.Target), strings.TrimSpace(t.Note)
		if t.Source == "" || t.Target == "" {
			return 0, invalid("error.glossary.term", "Number", i+1)
		}
		for _, f := range []struct{ name, text string }{{"source", t.Source}, {"target", t.Target}, {"note", t.Note}} {
			if err := checkText(f.name, f.text, MaxTermChars); err != nil {
				return 0, err
			}
		}
		pairs[[2]string{t.SourceLang, t.TargetLang}] = true
	}
	n, err := s.st.PutTerms(ctx, terms)
	if err != nil {
		return 0, err
	}
	for p := range pairs {
		if _, err := s.RecheckPair(ctx, p[0], p[1]); err != nil {
			return n, err
		}
	}
	return n, nil
}

// DeleteTerm removes a glossary term and rechecks its language pair.
func (s *Service) DeleteTerm(ctx context.Context, actor store.User, id int64) error {
	if !Can(actor.Role, ActManageUsers) {
		return forbidden("error.forbidden.glossary")
	}
	all, err := s.st.AllGlossaries(ctx)
	if err != nil {
		return err
	}
	for _, t := range all {
		if t.ID == id {
			if err := s.st.DeleteTerm(ctx, id); err != nil {
				return err
			}
			_, err := s.RecheckPair(ctx, t.SourceLang, t.TargetLang)
			return err
		}
	}
	return s.st.DeleteTerm(ctx, id) // reports ErrNotFound
}
