package review

import (
	"context"
	"encoding/json"
	"runtime"
	"strings"
	"sync"

	"copydesk/internal/qa"
	"copydesk/internal/store"
)

// Revision kinds written by the checks.
const (
	KindFix     = "fix"     // a mechanical fix applied from a check
	KindDismiss = "dismiss" // a check dismissed for the segment (reason: the check id)
)

// UseSpeller makes the checks include spelling, with the speller of each target
// language that has one.
func (s *Service) UseSpeller(speller func(lang string) (qa.Speller, bool)) { s.speller = speller }

// Suggest returns spelling suggestions for a word in a language, when a speller
// that can suggest is configured for it.
func (s *Service) Suggest(lang, word string) ([]string, bool) {
	if s.speller == nil {
		return nil, false
	}
	sp, ok := s.speller(lang)
	if !ok {
		return nil, false
	}
	sg, ok := sp.(interface{ Suggest(string) []string })
	if !ok {
		return nil, false
	}
	return sg.Suggest(word), true
}

// glossary returns the terms of a language pair in the form the checks take.
func (s *Service) glossary(ctx context.Context, sourceLang, targetLang string) ([]qa.Term, error) {
	terms, err := s.st.Glossary(ctx, sourceLang, targetLang)
	if err != nil {
		return nil, err
	}
	out := make([]qa.Term, len(terms))
	for i, t := range terms {
		out[i] = qa.Term{Source: t.Source, Target: t.Target}
	}
	return out, nil
}

// MaxSpelledImport is the largest import whose segments are spell-checked at once;
// the segments of a larger one are spell-checked when they are saved.
const MaxSpelledImport = 5000

// check runs the checks on one segment pair and returns the issues that are not
// dismissed; spell says whether to include spelling.
func (s *Service) check(sourceLang, targetLang, source, target, dismissed string, glossary []qa.Term, spell bool) []qa.Issue {
	in := qa.Input{SourceLang: sourceLang, TargetLang: targetLang, Source: source, Target: target, Glossary: glossary}
	if spell && s.speller != nil {
		if sp, ok := s.speller(targetLang); ok {
			in.Speller = sp
		}
	}
	all := qa.Check(in)
	if dismissed == "" {
		return all
	}
	kept := all[:0]
	for _, is := range all {
		if !strings.Contains(dismissed, ","+is.Check+",") {
			kept = append(kept, is)
		}
	}
	return kept
}

// encodeIssues returns the stored forms of issues: JSON, and ",id,id," of their
// check ids for filtering.
func encodeIssues(issues []qa.Issue) (string, string) {
	if len(issues) == 0 {
		return "[]", ""
	}
	b, err := json.Marshal(issues)
	if err != nil {
		return "[]", ""
	}
	var ids strings.Builder
	ids.WriteByte(',')
	seen := map[string]bool{}
	for _, is := range issues {
		if !seen[is.Check] {
			seen[is.Check] = true
			ids.WriteString(is.Check)
			ids.WriteByte(',')
		}
	}
	return string(b), ids.String()
}

// Issues returns a segment's stored issues.
func Issues(sg store.Segment) []qa.Issue {
	issues := []qa.Issue{}
	if sg.Issues == "" || sg.Issues == "[]" {
		return issues
	}
	if err := json.Unmarshal([]byte(sg.Issues), &issues); err != nil {
		return []qa.Issue{}
	}
	return issues
}

// checkAll fills the issues of every new segment, spreading the work over the
// machine's cores.
func (s *Service) checkAll(sourceLang, targetLang string, segs []store.NewSegment, glossary []qa.Term) {
	workers := runtime.GOMAXPROCS(0)
	spell := len(segs) <= MaxSpelledImport
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(segs); i += workers {
				sg := &segs[i]
				target := sg.MT
				if sg.Memory != "" {
					target = sg.Memory
				}
				sg.Issues, sg.IssueChecks = encodeIssues(s.check(sourceLang, targetLang, sg.Source, target, "", glossary, spell))
			}
		})
	}
	wg.Wait()
}

// Fix applies the mechanical fix of one issue of the segment's current target
// (index into its issues), or of every issue when index is -1, as one revision.
func (s *Service) Fix(ctx context.Context, u store.User, id int64, base, index int) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	return s.change(ctx, id, base, func(cur store.Segment) (store.Change, error) {
		issues := Issues(cur)
		var text string
		var n int
		switch {
		case index == -1:
			text, n = qa.ApplyAll(cur.Target, issues)
		case index >= 0 && index < len(issues):
			var ok bool
			text, ok = qa.Apply(cur.Target, issues[index])
			if ok {
				n = 1
			}
		}
		if n == 0 || text == cur.Target {
			return store.Change{}, invalid("error.fix.none")
		}
		return store.Change{Target: text, State: StateDraft, Kind: KindFix,
			AuthorID: u.ID, Distance: Distance(text, cur.MT)}, nil
	})
}

// Dismiss hides a check's issues on one segment from now on; the dismissal is a
// revision (kind "dismiss", reason the check id), so the history shows it.
func (s *Service) Dismiss(ctx context.Context, u store.User, id int64, base int, check string) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	return s.change(ctx, id, base, func(cur store.Segment) (store.Change, error) {
		if !strings.Contains(cur.IssueChecks, ","+check+",") {
			return store.Change{}, invalid("error.dismiss.none", "Check", check)
		}
		dismissed := cur.Dismissed
		if dismissed == "" {
			dismissed = ","
		}
		return store.Change{Target: cur.Target, State: cur.State, Reason: check, Kind: KindDismiss,
			AuthorID: u.ID, Distance: Distance(cur.Target, cur.MT), Dismissed: dismissed + check + ","}, nil
	})
}

// RecheckPair recomputes the stored issues of every segment of a language pair, for
// when its glossary changed.
func (s *Service) RecheckPair(ctx context.Context, sourceLang, targetLang string) (int, error) {
	glossary, err := s.glossary(ctx, sourceLang, targetLang)
	if err != nil {
		return 0, err
	}
	return s.st.RecheckSegments(ctx, sourceLang, targetLang, func(source, target, dismissed string) (string, string) {
		return encodeIssues(s.check(sourceLang, targetLang, source, target, dismissed, glossary, true))
	})
}
