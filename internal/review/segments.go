package review

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"copydesk/internal/store"
)

// MaxSegmentChars bounds the length of one segment's text, in characters.
const MaxSegmentChars = 10000

// MaxReasonChars bounds a rejection reason, in characters.
const MaxReasonChars = 2000

// errUnchanged tells ApplyChange's caller that the write would change nothing.
var errUnchanged = errors.New("unchanged")

// Edit replaces the segment's target text. The segment becomes a draft (an approved
// or rejected segment too); a text equal to the current one changes nothing and
// writes no revision. base is the version the editor's text was based on.
func (s *Service) Edit(ctx context.Context, u store.User, id int64, base int, target string) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	if err := checkText("target", target, MaxSegmentChars); err != nil {
		return store.Segment{}, err
	}
	target = nfc(target)
	return s.change(ctx, id, base, func(cur store.Segment) (store.Change, error) {
		if cur.Target == target {
			return store.Change{}, errUnchanged
		}
		if err := checkTags(cur, target); err != nil {
			return store.Change{}, err
		}
		return store.Change{Target: target, State: StateDraft, Kind: KindEdit,
			AuthorID: u.ID, Distance: Distance(target, cur.MT)}, nil
	})
}

// Approve accepts the segment's current target.
func (s *Service) Approve(ctx context.Context, u store.User, id int64, base int) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	return s.change(ctx, id, base, func(cur store.Segment) (store.Change, error) {
		if cur.State == StateApproved {
			return store.Change{}, invalid("error.segment.approved", "ID", cur.ID)
		}
		if err := CheckApprovable(cur.Target); err != nil {
			return store.Change{}, err
		}
		// What is approved goes into the translation memory of the pair, in the
		// same transaction.
		mem := &store.MemoryEntry{SourceLang: cur.SourceLang, TargetLang: cur.Lang, Source: cur.Source,
			Target: cur.Target, DocumentID: cur.DocumentID, ReviewerID: u.ID}
		// What the reviewers changed is measured now and stored with the approval.
		eff, err := s.measure(ctx, cur, u.ID)
		if err != nil {
			return store.Change{}, err
		}
		return store.Change{Target: cur.Target, State: StateApproved, Kind: KindApprove,
			AuthorID: u.ID, Distance: Distance(cur.Target, cur.MT), Memory: mem, Effort: eff}, nil
	})
}

// CheckApprovable refuses a target that could not be approved: an empty one.
func CheckApprovable(target string) error {
	if strings.TrimSpace(target) == "" {
		return invalid("error.segment.empty")
	}
	return nil
}

// Reject sends the segment back with a reason; its text stays as it is.
func (s *Service) Reject(ctx context.Context, u store.User, id int64, base int, reason string) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return store.Segment{}, invalid("error.reason.required")
	}
	if err := checkText("reason", reason, MaxReasonChars); err != nil {
		return store.Segment{}, err
	}
	return s.change(ctx, id, base, func(cur store.Segment) (store.Change, error) {
		if cur.State == StateRejected {
			return store.Change{}, invalid("error.segment.rejected", "ID", cur.ID)
		}
		return store.Change{Target: cur.Target, State: StateRejected, Reason: reason, Kind: KindReject,
			AuthorID: u.ID, Distance: Distance(cur.Target, cur.MT)}, nil
	})
}

// change applies decide to segment id at version base. The rule and the checks run
// on a snapshot read before the write transaction, so that the single writer holds
// the database only for the write itself; the transaction then refuses the change
// if the segment moved on since (a version names one content of the row). An
// unchanged write returns the current segment with no error.
func (s *Service) change(ctx context.Context, id int64, base int, decide func(store.Segment) (store.Change, error)) (store.Segment, error) {
	if base < 1 {
		return store.Segment{}, invalid("error.version.invalid")
	}
	cur, err := s.st.Segment(ctx, id)
	if err != nil {
		return store.Segment{}, err
	}
	if cur.Version != base {
		return cur, fmt.Errorf("segment %d is at version %d, not %d: %w", id, cur.Version, base, store.ErrConflict)
	}
	ch, err := decide(cur)
	if errors.Is(err, errUnchanged) {
		return cur, nil
	}
	if err != nil {
		return store.Segment{}, err
	}
	if ch.Kind != KindDismiss {
		ch.Dismissed = cur.Dismissed
	}
	glossary, err := s.glossary(ctx, cur.SourceLang, cur.Lang)
	if err != nil {
		return store.Segment{}, err
	}
	ch.Issues, ch.IssueChecks = encodeIssues(s.check(cur.SourceLang, cur.Lang, cur.Source, ch.Target, ch.Dismissed, glossary, true))
	return s.st.ApplyChange(ctx, id, base, func(store.Segment) (store.Change, error) { return ch, nil })
}

// checkText refuses invalid UTF-8 and texts longer than limit characters.
func checkText(field, text string, limit int) error {
	if !utf8.ValidString(text) {
		return malformed("error.text.utf8", "Field", field)
	}
	if n := utf8.RuneCountInString(text); n > limit {
		return invalid("error.text.long", "Field", field, "Length", n, "Limit", limit)
	}
	return nil
}
