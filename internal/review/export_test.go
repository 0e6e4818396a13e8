package review_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"copydesk/internal/formats"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

func TestExport(t *testing.T) {
	svc, st := newService(t)
	ctx := t.Context()
	rev := addUser(t, st, "rae", review.RoleReviewer)
	id, err := svc.ImportDocument(ctx, review.NewDocument{Title: "Titre", SourceLang: "fr", TargetLang: "en",
		Segments: []review.NewSegment{
			{Source: "Un.", Target: "One .", Paragraph: intp(1)},
			{Source: "Deux.", Target: "Two.", Paragraph: intp(1)},
			{Source: "Trois.", Target: "Three.", Paragraph: intp(2)},
			{Source: "Quatre.", Target: "Four.", Paragraph: intp(2)},
		}})
	if err != nil {
		t.Fatal(err)
	}
	sgs := segmentsOf(t, st, id)
	// Segment 0 is edited then approved, 2 approved as is, 3 rejected, 1 stays mt.
	if _, err := svc.Edit(ctx, rev, sgs[0].ID, 1, "One."); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve(ctx, rev, sgs[0].ID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve(ctx, rev, sgs[2].ID, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Reject(ctx, rev, sgs[3].ID, 1, "tense"); err != nil {
		t.Fatal(err)
	}

	seg := func(i int, target, state string) formats.Segment {
		return formats.Segment{ID: sgs[i].ID, Paragraph: sgs[i].Paragraph, Index: sgs[i].Index,
			Source: sgs[i].Source, Target: target, State: state}
	}
	tests := []struct {
		name       string
		lang       string
		all        bool
		want       []formats.Segment
		unapproved int
	}{
		{"approved only, lang omitted", "", false,
			[]formats.Segment{seg(0, "One.", "approved"), seg(2, "Three.", "approved")}, 2},
		{"approved only, lang in other case", "EN", false,
			[]formats.Segment{seg(0, "One.", "approved"), seg(2, "Three.", "approved")}, 2},
		{"all", "en", true, []formats.Segment{seg(0, "One.", "approved"), seg(1, "Two.", "mt"),
			seg(2, "Three.", "approved"), seg(3, "Four.", "rejected")}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := svc.Export(ctx, id, tc.lang, tc.all)
			if err != nil {
				t.Fatalf("Export: %v", err)
			}
			if a.DocumentID != id || a.Title != "Titre" || a.SourceLang != "fr" || a.Lang != "en" {
				t.Errorf("article = %+v", a)
			}
			if a.Unapproved != tc.unapproved {
				t.Errorf("Unapproved = %d, want %d", a.Unapproved, tc.unapproved)
			}
			if len(a.Segments) != len(tc.want) {
				t.Fatalf("segments = %+v\nwant %+v", a.Segments, tc.want)
			}
			for i := range tc.want {
				got := a.Segments[i]
				if got.Created.IsZero() || got.Changed.Before(got.Created) {
					t.Errorf("segment %d: created %v, changed %v", i, got.Created, got.Changed)
				}
				if got.State != "mt" && got.ChangedBy != rev.Name {
					t.Errorf("segment %d changed by %q, want %q", i, got.ChangedBy, rev.Name)
				}
				if wantNotes := []string(nil); got.State == "rejected" {
					wantNotes = []string{"rejected: tense"}
					if !reflect.DeepEqual(got.Notes, wantNotes) {
						t.Errorf("segment %d notes = %q, want %q", i, got.Notes, wantNotes)
					}
				}
				got.Created, got.Changed, got.ChangedBy, got.Notes = time.Time{}, time.Time{}, "", nil
				if !reflect.DeepEqual(got, tc.want[i]) {
					t.Errorf("segment %d = %+v\nwant %+v", i, got, tc.want[i])
				}
			}
		})
	}

	// Nothing approved yet: an empty, non-nil list and everything counted out.
	other, err := svc.ImportDocument(ctx, validDoc())
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.Export(ctx, other, "", false)
	if err != nil || a.Segments == nil || len(a.Segments) != 0 || a.Unapproved != 2 {
		t.Errorf("Export of an unreviewed document = %+v, %v; want no segments and 2 unapproved", a, err)
	}
}

func TestExportRefuses(t *testing.T) {
	svc, _ := newService(t)
	ctx := t.Context()
	id, err := svc.ImportDocument(ctx, validDoc())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  int64
		lang string
		want error
	}{
		{"unknown document", id + 1, "", store.ErrNotFound},
		{"unknown document with lang", id + 1, "en", store.ErrNotFound},
		{"language it has no translation into", id, "de", store.ErrNotFound},
		{"ill-formed language", id, "english", review.ErrMalformed},
	}
	for _, tc := range tests {
		if _, err := svc.Export(ctx, tc.doc, tc.lang, true); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	tr, err := svc.Translation(ctx, id, "")
	if err != nil || tr.Lang != "en" || tr.DocumentID != id || tr.SegmentCount != 2 {
		t.Errorf("Translation(lang omitted) = %+v, %v; want the only translation, en", tr, err)
	}
}
