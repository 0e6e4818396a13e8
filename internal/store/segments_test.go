package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"copydesk/internal/store"
)

// oneSegment stores a one-segment document and a user, and returns both ids.
func oneSegment(t *testing.T, st *store.Store) (segID, userID int64) {
	t.Helper()
	ctx := t.Context()
	userID, err := st.CreateUser(ctx, store.User{Name: "ed", Role: "reviewer", PasswordHash: "h"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateDocument(ctx, store.NewDocument{Title: "T", SourceLang: "fr", Lang: "en",
		Segments: []store.NewSegment{{Paragraph: 1, Index: 1, Source: "Bonjour.", MT: "Hello ."}}})
	if err != nil {
		t.Fatal(err)
	}
	return allSegments(t, st, translationOf(t, st, id))[0].ID, userID
}

func revisionCount(t *testing.T, st *store.Store, segID int64) int {
	t.Helper()
	revs, err := st.Revisions(t.Context(), segID)
	if err != nil {
		t.Fatalf("Revisions: %v", err)
	}
	return len(revs)
}

func TestApplyChangeWritesSegmentAndRevision(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	segID, uid := oneSegment(t, st)

	var seen store.Segment
	got, err := st.ApplyChange(ctx, segID, 1, func(cur store.Segment) (store.Change, error) {
		seen = cur
		return store.Change{Target: "Hello.", State: "draft", Kind: "edit", AuthorID: uid, Distance: 1}, nil
	})
	if err != nil {
		t.Fatalf("ApplyChange: %v", err)
	}
	if seen.ID != segID || seen.Version != 1 || seen.Target != "Hello ." || seen.State != "mt" {
		t.Errorf("decide saw %+v, want the current segment at version 1", seen)
	}
	if got.Version != 2 || got.Target != "Hello." || got.State != "draft" || got.MT != "Hello ." || got.Source != "Bonjour." {
		t.Errorf("ApplyChange returned %+v", got)
	}
	stored, err := st.Segment(ctx, segID)
	if err != nil || stored != got {
		t.Errorf("Segment = %+v, %v\nwant the returned %+v", stored, err, got)
	}

	// A rejection with a reason, based on the new version.
	got, err = st.ApplyChange(ctx, segID, 2, func(cur store.Segment) (store.Change, error) {
		return store.Change{Target: cur.Target, State: "rejected", Reason: "tone", Kind: "reject", AuthorID: uid, Distance: 1}, nil
	})
	if err != nil || got.Version != 3 || got.Reason != "tone" || got.State != "rejected" {
		t.Fatalf("second ApplyChange = %+v, %v", got, err)
	}

	revs, err := st.Revisions(ctx, segID)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Revision{
		{Version: 1, Text: "Hello .", State: "mt", Kind: "import"},
		{Version: 2, Text: "Hello.", State: "draft", Kind: "edit", Author: "ed", Distance: 1},
		{Version: 3, Text: "Hello.", State: "rejected", Kind: "reject", Reason: "tone", Author: "ed", Distance: 1},
	}
	if len(revs) != len(want) {
		t.Fatalf("%d revisions, want %d: %+v", len(revs), len(want), revs)
	}
	for i, r := range revs {
		if r.CreatedAt.IsZero() {
			t.Errorf("revision %d has no time", i)
		}
		if i > 0 && r.CreatedAt.Before(revs[i-1].CreatedAt) {
			t.Errorf("revision %d is older than revision %d", i, i-1)
		}
		r.CreatedAt = want[i].CreatedAt
		if r != want[i] {
			t.Errorf("revision %d = %+v\nwant %+v", i, r, want[i])
		}
	}
}

func TestApplyChangeStaleBase(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	segID, uid := oneSegment(t, st)
	edit := func(text string) func(store.Segment) (store.Change, error) {
		return func(store.Segment) (store.Change, error) {
			return store.Change{Target: text, State: "draft", Kind: "edit", AuthorID: uid}, nil
		}
	}
	if _, err := st.ApplyChange(ctx, segID, 1, edit("first")); err != nil {
		t.Fatal(err)
	}
	for _, base := range []int{1, 3, 0} {
		called := false
		got, err := st.ApplyChange(ctx, segID, base, func(cur store.Segment) (store.Change, error) {
			called = true
			return edit("second")(cur)
		})
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("base %d: err = %v, want ErrConflict", base, err)
		}
		if called {
			t.Errorf("base %d: decide was called on a stale version", base)
		}
		if got.ID != segID || got.Version != 2 || got.Target != "first" || got.State != "draft" {
			t.Errorf("base %d: returned %+v, want the current segment (version 2, first)", base, got)
		}
	}
	cur, err := st.Segment(ctx, segID)
	if err != nil || cur.Version != 2 || cur.Target != "first" {
		t.Errorf("segment after conflicts = %+v, %v; want version 2 first", cur, err)
	}
	if n := revisionCount(t, st, segID); n != 2 {
		t.Errorf("%d revisions after conflicts, want 2", n)
	}
}

func TestApplyChangeWritesNothingOnError(t *testing.T) {
	boom := errors.New("rule says no")
	tests := []struct {
		name   string
		decide func(uid int64) func(store.Segment) (store.Change, error)
		is     error // the error ApplyChange must wrap; nil for any error
	}{
		{"decide fails", func(int64) func(store.Segment) (store.Change, error) {
			return func(store.Segment) (store.Change, error) { return store.Change{}, boom }
		}, boom},
		{"state refused by the schema", func(uid int64) func(store.Segment) (store.Change, error) {
			return func(store.Segment) (store.Change, error) {
				return store.Change{Target: "x", State: "bogus", Kind: "edit", AuthorID: uid}, nil
			}
		}, nil},
		// The segment update succeeds, then the revision insert fails on its
		// foreign key: the update must be rolled back too.
		{"revision insert fails", func(int64) func(store.Segment) (store.Change, error) {
			return func(store.Segment) (store.Change, error) {
				return store.Change{Target: "x", State: "draft", Kind: "edit", AuthorID: 987654}, nil
			}
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := openStore(t)
			ctx := t.Context()
			segID, uid := oneSegment(t, st)
			before, err := st.Segment(ctx, segID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = st.ApplyChange(ctx, segID, 1, tc.decide(uid))
			if err == nil || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Fatalf("ApplyChange err = %v, want %v", err, tc.is)
			}
			if errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrNotFound) {
				t.Errorf("err = %v should be neither ErrConflict nor ErrNotFound", err)
			}
			after, err := st.Segment(ctx, segID)
			if err != nil || after != before {
				t.Errorf("segment changed: before %+v, after %+v (%v)", before, after, err)
			}
			if n := revisionCount(t, st, segID); n != 1 {
				t.Errorf("%d revisions, want only the import", n)
			}
		})
	}
}

func TestApplyChangeUnknownSegment(t *testing.T) {
	st, _ := openStore(t)
	called := false
	_, err := st.ApplyChange(t.Context(), 12345, 1, func(store.Segment) (store.Change, error) {
		called = true
		return store.Change{Target: "x", State: "draft", Kind: "edit"}, nil
	})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
	if called {
		t.Error("decide was called for a segment that does not exist")
	}
}

// Writers racing on the same base version, through one Store and through a second
// Store on the same file (as a second app instance would): exactly one wins, the
// others get ErrConflict, and exactly one revision is added.
func TestApplyChangeConcurrentWriters(t *testing.T) {
	st, path := openStore(t)
	segID, uid := oneSegment(t, st)
	other, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	const writers = 8
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		s := st
		if i%2 == 1 {
			s = other
		}
		wg.Go(func() {
			_, err := s.ApplyChange(t.Context(), segID, 1, func(store.Segment) (store.Change, error) {
				return store.Change{Target: fmt.Sprintf("writer %d", i), State: "draft", Kind: "edit", AuthorID: uid}, nil
			})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	wins, conflicts := 0, 0
	for err := range errs {
		switch {
		case err == nil:
			wins++
		case errors.Is(err, store.ErrConflict):
			conflicts++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if wins != 1 || conflicts != writers-1 {
		t.Errorf("%d wins and %d conflicts, want 1 and %d", wins, conflicts, writers-1)
	}
	sg, err := st.Segment(t.Context(), segID)
	if err != nil || sg.Version != 2 {
		t.Errorf("segment = %+v, %v; want version 2", sg, err)
	}
	revs, err := st.Revisions(t.Context(), segID)
	if err != nil || len(revs) != 2 || revs[1].Text != sg.Target {
		t.Errorf("revisions = %+v, %v; want the import and the winning edit", revs, err)
	}
}
