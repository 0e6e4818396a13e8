package review

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"copydesk/internal/store"
)

// Translation picks a document's translation into lang, or its only translation
// when lang is empty. An unknown document or language is store.ErrNotFound.
func (s *Service) Translation(ctx context.Context, docID int64, lang string) (store.Translation, error) {
	trs, err := s.st.Translations(ctx, docID)
	if err != nil {
		return store.Translation{}, err
	}
	if lang == "" {
		if len(trs) == 1 {
			return trs[0], nil
		}
		langs := make([]string, len(trs))
		for i, t := range trs {
			langs[i] = t.Lang
		}
		return store.Translation{}, malformed("error.lang.choose", "ID", docID, "Langs", strings.Join(langs, ", "))
	}
	tag, err := ParseLang("lang", lang)
	var unknown language.ValueError
	if _, perr := language.Parse(lang); errors.As(perr, &unknown) {
		// Well formed but unregistered ("xx"): no document has such a translation.
		return store.Translation{}, fmt.Errorf("document %d has no translation into %s: %w", docID, lang, store.ErrNotFound)
	}
	if err != nil {
		return store.Translation{}, err
	}
	for _, t := range trs {
		if t.Lang == tag {
			return t, nil
		}
	}
	return store.Translation{}, fmt.Errorf("document %d has no translation into %s: %w", docID, tag, store.ErrNotFound)
}

// ReadyTranslation is Translation for reading segments and exporting: a
// translation a provider is still making, or failed to make, is refused with
// ErrNotReady and its progress or failure.
func (s *Service) ReadyTranslation(ctx context.Context, docID int64, lang string) (store.Translation, error) {
	tr, err := s.Translation(ctx, docID, lang)
	if err != nil {
		return tr, err
	}
	return tr, NotReady(tr)
}

// NotReady returns nil for a ready translation, else the refusal that says how
// far it is or why it failed.
func NotReady(tr store.Translation) error {
	switch tr.Status {
	case "", "ready":
		return nil
	case "failed":
		return notReady("error.mt.failedtr", "Lang", tr.Lang, "Detail", tr.Error)
	}
	return notReady("error.mt.pending", "Lang", tr.Lang, "Done", tr.Done, "Total", tr.SegmentCount)
}
