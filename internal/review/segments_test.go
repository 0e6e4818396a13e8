package review_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

const mtText = "Hello , world ."

// reviewFixture is a service with one single-segment document and a reviewer.
type reviewFixture struct {
	svc      *review.Service
	st       *store.Store
	reviewer store.User
	seg      int64
}

func newFixture(t *testing.T) reviewFixture {
	t.Helper()
	svc, st := newService(t)
	f := reviewFixture{svc: svc, st: st, reviewer: addUser(t, st, "rae", review.RoleReviewer)}
	id, err := svc.ImportDocument(t.Context(), review.NewDocument{Title: "T", SourceLang: "fr", TargetLang: "en",
		Segments: []review.NewSegment{{Source: "Bonjour, le monde.", Target: mtText}}})
	if err != nil {
		t.Fatal(err)
	}
	f.seg = firstSegment(t, st, id).ID
	return f
}

func (f reviewFixture) state(t *testing.T) (store.Segment, []store.Revision) {
	t.Helper()
	sg, err := f.st.Segment(t.Context(), f.seg)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := f.st.Revisions(t.Context(), f.seg)
	if err != nil {
		t.Fatal(err)
	}
	return sg, revs
}

// op is one review action, applied at the segment's current version.
type op struct {
	kind string // edit, approve, reject
	arg  string // the new text or the reason
}

func (f reviewFixture) do(ctx context.Context, u store.User, base int, o op) (store.Segment, error) {
	switch o.kind {
	case "edit":
		return f.svc.Edit(ctx, u, f.seg, base, o.arg)
	case "approve":
		return f.svc.Approve(ctx, u, f.seg, base)
	case "reject":
		return f.svc.Reject(ctx, u, f.seg, base, o.arg)
	}
	panic("unknown op " + o.kind)
}

func TestTransitions(t *testing.T) {
	tests := []struct {
		name   string
		before []op // applied first, each must succeed
		do     op
		want   error  // nil when the action must succeed
		state  string // the state after a successful action
		target string // the target after a successful action
		reason string
	}{
		{"edit mt", nil, op{"edit", "Hello, world."}, nil, review.StateDraft, "Hello, world.", ""},
		{"edit draft", []op{{"edit", "a"}}, op{"edit", "b"}, nil, review.StateDraft, "b", ""},
		{"edit approved", []op{{"approve", ""}}, op{"edit", "Hello, world!"}, nil, review.StateDraft, "Hello, world!", ""},
		{"edit rejected clears the reason", []op{{"reject", "commas"}}, op{"edit", "Hello, world."}, nil, review.StateDraft, "Hello, world.", ""},
		{"edit to empty", nil, op{"edit", ""}, nil, review.StateDraft, "", ""},
		{"approve mt", nil, op{"approve", ""}, nil, review.StateApproved, mtText, ""},
		{"approve draft", []op{{"edit", "Hi."}}, op{"approve", ""}, nil, review.StateApproved, "Hi.", ""},
		{"approve rejected", []op{{"reject", "why"}}, op{"approve", ""}, nil, review.StateApproved, mtText, ""},
		{"reject mt trims the reason", nil, op{"reject", "  wrong tone \n"}, nil, review.StateRejected, mtText, "wrong tone"},
		{"reject approved", []op{{"approve", ""}}, op{"reject", "no"}, nil, review.StateRejected, mtText, "no"},
		{"reject draft keeps the text", []op{{"edit", "Hi."}}, op{"reject", "no"}, nil, review.StateRejected, "Hi.", "no"},
		{"approve approved", []op{{"approve", ""}}, op{"approve", ""}, review.ErrInvalid, "", "", ""},
		{"approve empty target", []op{{"edit", ""}}, op{"approve", ""}, review.ErrInvalid, "", "", ""},
		{"approve blank target", []op{{"edit", " \t "}}, op{"approve", ""}, review.ErrInvalid, "", "", ""},
		{"reject without reason", nil, op{"reject", ""}, review.ErrInvalid, "", "", ""},
		{"reject with a blank reason", nil, op{"reject", "   "}, review.ErrInvalid, "", "", ""},
		{"reject rejected", []op{{"reject", "a"}}, op{"reject", "b"}, review.ErrInvalid, "", "", ""},
		{"reason too long", nil, op{"reject", strings.Repeat("r", review.MaxReasonChars+1)}, review.ErrInvalid, "", "", ""},
		{"target too long", nil, op{"edit", strings.Repeat("t", review.MaxSegmentChars+1)}, review.ErrInvalid, "", "", ""},
		{"target not UTF-8", nil, op{"edit", "Hello\xff"}, review.ErrMalformed, "", "", ""},
		{"reason not UTF-8", nil, op{"reject", "bad\xff"}, review.ErrMalformed, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := t.Context()
			for _, o := range tc.before {
				sg, _ := f.state(t)
				if _, err := f.do(ctx, f.reviewer, sg.Version, o); err != nil {
					t.Fatalf("setup %v: %v", o, err)
				}
			}
			before, revsBefore := f.state(t)
			got, err := f.do(ctx, f.reviewer, before.Version, tc.do)
			after, revs := f.state(t)
			if tc.want != nil {
				if !errors.Is(err, tc.want) {
					t.Fatalf("err = %v, want %v", err, tc.want)
				}
				if after != before || len(revs) != len(revsBefore) {
					t.Errorf("a refused action changed the segment: %+v → %+v, %d → %d revisions",
						before, after, len(revsBefore), len(revs))
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if got != after {
				t.Errorf("returned %+v\nstored   %+v", got, after)
			}
			if after.State != tc.state || after.Target != tc.target || after.Reason != tc.reason ||
				after.Version != before.Version+1 || after.MT != mtText {
				t.Errorf("segment = %+v; want state %s, target %q, reason %q, version %d",
					after, tc.state, tc.target, tc.reason, before.Version+1)
			}
			if len(revs) != len(revsBefore)+1 {
				t.Fatalf("%d revisions after the action, want %d", len(revs), len(revsBefore)+1)
			}
			r := revs[len(revs)-1]
			want := store.Revision{Version: after.Version, Text: tc.target, State: tc.state, Kind: tc.do.kind,
				Reason: tc.reason, Author: "rae", Distance: review.Distance(tc.target, mtText), CreatedAt: r.CreatedAt}
			if r != want || r.CreatedAt.IsZero() {
				t.Errorf("revision = %+v\nwant       %+v", r, want)
			}
		})
	}
}

func TestEditSameTextWritesNothing(t *testing.T) {
	for _, before := range [][]op{nil, {{"approve", ""}}, {{"reject", "r"}}} {
		f := newFixture(t)
		ctx := t.Context()
		for _, o := range before {
			sg, _ := f.state(t)
			if _, err := f.do(ctx, f.reviewer, sg.Version, o); err != nil {
				t.Fatal(err)
			}
		}
		cur, revs := f.state(t)
		got, err := f.svc.Edit(ctx, f.reviewer, f.seg, cur.Version, cur.Target)
		if err != nil {
			t.Fatalf("after %v: Edit with the same text: %v", before, err)
		}
		after, revsAfter := f.state(t)
		if got != cur || after != cur {
			t.Errorf("after %v: same-text Edit returned %+v, stored %+v; want unchanged %+v", before, got, after, cur)
		}
		if len(revsAfter) != len(revs) {
			t.Errorf("after %v: %d revisions, want %d", before, len(revsAfter), len(revs))
		}
	}
}

func TestReviewRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	admin := addUser(t, f.st, "root", review.RoleAdmin)
	viewer := addUser(t, f.st, "vic", review.RoleViewer)
	nobody := store.User{ID: 0, Name: "x", Role: "owner"}
	// Move the segment to version 2 so that 1 is stale.
	if _, err := f.svc.Edit(ctx, admin, f.seg, 1, "Hello, world."); err != nil {
		t.Fatalf("admin Edit: %v", err)
	}
	actions := []op{{"edit", "Other."}, {"approve", ""}, {"reject", "why"}}
	tests := []struct {
		name string
		user store.User
		base int
		want error
	}{
		{"viewer", viewer, 2, review.ErrForbidden},
		{"unknown role", nobody, 2, review.ErrForbidden},
		{"base 0", f.reviewer, 0, review.ErrInvalid},
		{"negative base", f.reviewer, -1, review.ErrInvalid},
		{"stale base", f.reviewer, 1, store.ErrConflict},
		{"future base", f.reviewer, 3, store.ErrConflict},
	}
	before, revsBefore := f.state(t)
	for _, tc := range tests {
		for _, a := range actions {
			_, err := f.do(ctx, tc.user, tc.base, a)
			if !errors.Is(err, tc.want) {
				t.Errorf("%s %s: err = %v, want %v", tc.name, a.kind, err, tc.want)
			}
		}
	}
	after, revs := f.state(t)
	if after != before || len(revs) != len(revsBefore) {
		t.Errorf("refused actions changed the segment: %+v → %+v, %d → %d revisions", before, after, len(revsBefore), len(revs))
	}
	// Even an unchanged text is a conflict when its base is stale.
	if _, err := f.svc.Edit(ctx, f.reviewer, f.seg, 1, after.Target); !errors.Is(err, store.ErrConflict) {
		t.Errorf("same-text Edit at a stale base: err = %v, want ErrConflict", err)
	}
	if _, err := f.svc.Edit(ctx, f.reviewer, 9999, 1, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Edit of an unknown segment: err = %v, want ErrNotFound", err)
	}
	if _, err := f.svc.Approve(ctx, f.reviewer, 9999, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Approve of an unknown segment: err = %v, want ErrNotFound", err)
	}
	if _, err := f.svc.Reject(ctx, f.reviewer, 9999, 1, "r"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Reject of an unknown segment: err = %v, want ErrNotFound", err)
	}
	// The admin's edit above is recorded under the admin's name.
	if last := revs[len(revs)-1]; last.Author != "root" || last.Kind != review.KindEdit || last.Distance != 2 {
		t.Errorf("admin edit revision = %+v; want author root, kind edit, distance 2", last)
	}
}
