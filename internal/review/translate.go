package review

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"copydesk/internal/formats"
	"copydesk/internal/mt"
	"copydesk/internal/segment"
	"copydesk/internal/store"
	"copydesk/internal/tags"
)

// UseMT gives the service its machine-translation providers.
func (s *Service) UseMT(set *mt.Set, log *slog.Logger) {
	s.mt, s.log = set, log
	s.jobs = make(chan int64, 256)
}

// MT returns the providers, nil when none is configured.
func (s *Service) MT() *mt.Set { return s.mt }

// NewSourceArticle is an article to be translated by machine into TargetLangs.
type NewSourceArticle struct {
	Title, SourceLang string
	TargetLangs       []string
	Source, Format    string
}

// CreateTranslated cuts the article into blocks and sentences, stores it with one
// queued translation per target language, made by the first provider that has
// the pair, and queues the jobs. A pair no provider has is refused before
// anything is stored. u is nil for the command line.
func (s *Service) CreateTranslated(ctx context.Context, u *store.User, a NewSourceArticle) (int64, []int64, error) {
	if u != nil && !Can(u.Role, ActImport) {
		return 0, nil, forbidden("error.forbidden.documents")
	}
	src, err := ParseLang("source_lang", a.SourceLang)
	if err != nil {
		return 0, nil, err
	}
	if len(a.TargetLangs) == 0 {
		return 0, nil, invalid("error.mt.nolangs")
	}
	format := a.Format
	if format == "" {
		format = "text"
	}
	if !validFormat(format) {
		return 0, nil, malformed("error.article.format", "Format", format, "Formats", strings.Join(ArticleFormats, ", "))
	}
	if !utf8.ValidString(a.Source) {
		return 0, nil, malformed("error.text.utf8", "Field", "source_text")
	}
	if len(a.Source) > MaxTextBytes {
		return 0, nil, invalid("error.text.long", "Field", "source_text", "Length", len(a.Source), "Limit", MaxTextBytes)
	}
	var queued []store.Queued
	seen := map[string]bool{}
	for _, l := range a.TargetLangs {
		tgt, err := ParseLang("target_langs", l)
		if err != nil {
			return 0, nil, err
		}
		if tgt == src {
			return 0, nil, invalid("error.lang.same", "Lang", src)
		}
		if seen[tgt] {
			continue
		}
		seen[tgt] = true
		p, err := s.provider(ctx, src, tgt)
		if err != nil {
			return 0, nil, err
		}
		queued = append(queued, store.Queued{Lang: tgt, Provider: p.Name()})
	}
	doc, err := parseArticle(format, nfc(a.Source))
	if errors.Is(err, formats.ErrNoSegments) {
		return 0, nil, invalid("error.segments.none")
	}
	if err != nil {
		return 0, nil, malformed("error.article.parse", "Field", "source_text", "Detail", err.Error())
	}
	title := a.Title
	if strings.TrimSpace(title) == "" {
		title = articleTitle(doc)
	}
	d := NewDocument{Title: title, SourceLang: src, TargetLang: queued[0].Lang, Format: format,
		Segments: sourceSegments(src, doc.Blocks)}
	nd, err := validateDocument(d)
	if err != nil {
		return 0, nil, err
	}
	nd.Machine = queued
	if u != nil {
		nd.CreatedBy = u.ID
	}
	id, err := s.st.CreateDocument(ctx, nd)
	if err != nil {
		return 0, nil, err
	}
	trs, err := s.st.Translations(ctx, id)
	if err != nil {
		return id, nil, err
	}
	ids := make([]int64, len(trs))
	for i, t := range trs {
		ids[i] = t.ID
	}
	s.Enqueue(ids...)
	return id, ids, nil
}

// sourceSegments cuts blocks into sentences: one segment each, numbered by
// block, each with the entries of its block's tag table that it uses.
func sourceSegments(lang string, blocks []formats.Block) []NewSegment {
	var out []NewSegment
	for b, bl := range blocks {
		para := b + 1
		sentences := []string{bl.Text}
		if bl.Path != "pre" && !strings.HasPrefix(bl.Path, "h") {
			sentences = segment.Sentences(lang, bl.Text)
		}
		for _, sen := range sentences {
			sg := NewSegment{Source: sen, Paragraph: &para, Block: bl.Path}
			used := map[int]bool{}
			for _, t := range tags.Scan(sen) {
				used[t.ID] = true
			}
			for _, t := range bl.Tags {
				if used[t.ID] {
					sg.Tags = append(sg.Tags, t)
				}
			}
			out = append(out, sg)
		}
	}
	return out
}

// AddMachineTranslation adds a language to a document, made by machine in the
// background.
func (s *Service) AddMachineTranslation(ctx context.Context, u store.User, docID int64, lang string) (store.Translation, error) {
	if !Can(u.Role, ActImport) {
		return store.Translation{}, forbidden("error.forbidden.documents")
	}
	doc, err := s.st.Document(ctx, docID)
	if err != nil {
		return store.Translation{}, err
	}
	tgt, err := ParseLang("lang", lang)
	if err != nil {
		return store.Translation{}, err
	}
	if tgt == doc.SourceLang {
		return store.Translation{}, invalid("error.lang.same", "Lang", tgt)
	}
	for _, t := range doc.Translations {
		if t.Lang == tgt {
			return store.Translation{}, invalid("error.mt.exists", "Lang", tgt)
		}
	}
	p, err := s.provider(ctx, doc.SourceLang, tgt)
	if err != nil {
		return store.Translation{}, err
	}
	tr, err := s.st.AddTranslation(ctx, docID, tgt, p.Name())
	if errors.Is(err, store.ErrConflict) {
		return store.Translation{}, invalid("error.mt.exists", "Lang", tgt)
	}
	if err != nil {
		return store.Translation{}, err
	}
	s.Enqueue(tr.ID)
	return tr, nil
}

// RetryTranslation queues a failed translation again; it goes on from the
// segments still empty.
func (s *Service) RetryTranslation(ctx context.Context, u store.User, docID int64, lang string) (store.Translation, error) {
	if !Can(u.Role, ActImport) {
		return store.Translation{}, forbidden("error.forbidden.documents")
	}
	tr, err := s.st.TranslationByLang(ctx, docID, lang)
	if err != nil {
		return store.Translation{}, err
	}
	if err := s.st.RequeueTranslation(ctx, tr.ID); errors.Is(err, store.ErrConflict) {
		return store.Translation{}, invalid("error.mt.notfailed", "Lang", tr.Lang)
	} else if err != nil {
		return store.Translation{}, err
	}
	s.Enqueue(tr.ID)
	return s.st.Translation(ctx, tr.ID)
}

// provider returns the provider for a pair, or a refusal naming what exists.
func (s *Service) provider(ctx context.Context, src, tgt string) (mt.Provider, error) {
	if s.mt == nil {
		return nil, invalid("error.mt.none")
	}
	p, err := s.mt.For(ctx, src, tgt)
	if errors.Is(err, mt.ErrNoPair) {
		return nil, invalid("error.mt.nopair", "Source", src, "Target", tgt, "Detail", err.Error())
	}
	if err != nil {
		return nil, invalid("error.mt.failed", "Detail", err.Error())
	}
	return p, nil
}

// Enqueue hands translations to the background workers; a full queue is no
// loss, since the workers also look for pending translations every little while.
func (s *Service) Enqueue(ids ...int64) {
	if s.jobs == nil {
		return
	}
	for _, id := range ids {
		select {
		case s.jobs <- id:
		default:
		}
	}
}

// pendingPoll is how often the workers look for translations queued elsewhere
// (by another instance, or left running by one that stopped).
const pendingPoll = 30 * time.Second

// RunJobs translates queued translations until ctx ends: those enqueued, those
// pending at start, and every pendingPoll those pending in the database.
func (s *Service) RunJobs(ctx context.Context) {
	if s.mt == nil {
		return
	}
	resume := func() {
		pending, err := s.st.PendingTranslations(ctx)
		if err != nil {
			s.log.Error("list pending translations", "err", err)
			return
		}
		for _, t := range pending {
			s.Enqueue(t.ID)
		}
	}
	resume()
	tick := time.NewTicker(pendingPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			resume()
		case id := <-s.jobs:
			if err := s.RunTranslation(ctx, id); err != nil && ctx.Err() == nil {
				s.log.Warn("machine translation failed", "translation", id, "err", err)
			}
		}
	}
}

// mtBatch is how many segments go to a provider at once.
const mtBatch = 50

// RunTranslation makes translation trID when it is queued (or left running by
// an instance that stopped): batch after batch of empty segments go to its
// provider and are stored with their checks, and with the memory's text where
// an approved earlier translation of the same source exists. It ends ready, or
// failed with the provider's reason; what was filled stays for the retry.
func (s *Service) RunTranslation(ctx context.Context, trID int64) error {
	ok, err := s.st.ClaimTranslation(ctx, trID)
	if err != nil || !ok {
		return err
	}
	tr, err := s.st.Translation(ctx, trID)
	if err != nil {
		return err
	}
	doc, err := s.st.Document(ctx, tr.DocumentID)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		if ctx.Err() != nil {
			// Stopped, not failed: the next start goes on from here.
			if rerr := s.st.ReleaseTranslation(context.WithoutCancel(ctx), trID); rerr != nil {
				return rerr
			}
			return ctx.Err()
		}
		msg := err.Error()
		var me *mt.Error
		if !errors.As(err, &me) && !errors.Is(err, mt.ErrNoPair) {
			msg = "the translation stopped: " + msg
		}
		if ferr := s.st.FinishTranslation(context.WithoutCancel(ctx), trID, msg); ferr != nil {
			return ferr
		}
		return err
	}
	p, ok := s.mt.Provider(tr.Provider)
	if !ok {
		return fail(fmt.Errorf("the provider %q is not configured", tr.Provider))
	}
	glossary, err := s.glossary(ctx, doc.SourceLang, tr.Lang)
	if err != nil {
		return fail(err)
	}
	useMemory, err := s.memoryHolds(ctx, doc.SourceLang, tr.Lang)
	if err != nil {
		return fail(err)
	}
	for {
		segs, err := s.st.Unfilled(ctx, trID, mtBatch)
		if err != nil {
			return fail(err)
		}
		if len(segs) == 0 {
			return s.st.FinishTranslation(ctx, trID, "")
		}
		texts := make([]string, len(segs))
		for i, sg := range segs {
			texts[i] = sg.Source
		}
		out, err := p.Translate(ctx, doc.SourceLang, tr.Lang, texts)
		if err != nil {
			return fail(err)
		}
		if len(out) != len(segs) {
			return fail(fmt.Errorf("%s answered %d translations for %d segments", p.Name(), len(out), len(segs)))
		}
		fills := make([]store.Fill, len(segs))
		for i, sg := range segs {
			f := store.Fill{SegmentID: sg.ID, MT: nfc(out[i])}
			target := f.MT
			if useMemory {
				m, err := s.st.MemoryExact(ctx, doc.SourceLang, tr.Lang, sg.Source)
				if err == nil {
					f.Memory, f.MemoryDist, target = m.Target, Distance(m.Target, f.MT), m.Target
				} else if !errors.Is(err, store.ErrNotFound) {
					return fail(err)
				}
			}
			f.Issues, f.IssueChecks = encodeIssues(s.check(doc.SourceLang, tr.Lang, sg.Source, target, "", glossary, tr.SegmentCount <= MaxSpelledImport))
			fills[i] = f
		}
		if err := s.st.FillSegments(ctx, trID, fills); err != nil {
			return fail(err)
		}
	}
}
