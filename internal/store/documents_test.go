package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"copydesk/internal/store"
)

// sampleDoc is a French → English document of n segments, two per paragraph.
func sampleDoc(n int) store.NewDocument {
	d := store.NewDocument{Title: "Sample", SourceLang: "fr", Lang: "en"}
	for i := range n {
		d.Segments = append(d.Segments, store.NewSegment{
			Paragraph: i/2 + 1, Index: i%2 + 1,
			Source: fmt.Sprintf("source %d", i), MT: fmt.Sprintf("mt %d", i)})
	}
	return d
}

func translationOf(t *testing.T, st *store.Store, docID int64) store.Translation {
	t.Helper()
	trs, err := st.Translations(t.Context(), docID)
	if err != nil {
		t.Fatalf("Translations(%d): %v", docID, err)
	}
	if len(trs) != 1 {
		t.Fatalf("Translations(%d) = %+v, want one", docID, trs)
	}
	return trs[0]
}

func allSegments(t *testing.T, st *store.Store, tr store.Translation) []store.Segment {
	t.Helper()
	var out []store.Segment
	if err := st.ForEachSegment(t.Context(), tr, func(sg store.Segment) error {
		out = append(out, sg)
		return nil
	}); err != nil {
		t.Fatalf("ForEachSegment: %v", err)
	}
	return out
}

func TestCreateDocumentStoresEverything(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	uid, err := st.CreateUser(ctx, store.User{Name: "ed", Role: "reviewer", PasswordHash: "h"})
	if err != nil {
		t.Fatal(err)
	}
	nd := store.NewDocument{Title: "Le titre", SourceLang: "fr", Lang: "en", CreatedBy: uid,
		Segments: []store.NewSegment{
			{Paragraph: 1, Index: 1, Source: "Bonjour.", MT: "Hello."},
			{Paragraph: 1, Index: 2, Source: "Ça va ?", MT: "How are you ?"},
			{Paragraph: 4, Index: 1, Source: "Fin.", MT: ""},
		}}
	before := time.Now().Add(-time.Second)
	id, err := st.CreateDocument(ctx, nd)
	if err != nil {
		t.Fatalf("CreateDocument: %v", err)
	}
	d, err := st.Document(ctx, id)
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	if d.ID != id || d.Title != "Le titre" || d.SourceLang != "fr" {
		t.Errorf("Document = %+v", d)
	}
	if d.CreatedAt.Before(before) || d.CreatedAt.After(time.Now().Add(time.Second)) {
		t.Errorf("CreatedAt = %v, want about now", d.CreatedAt)
	}
	if len(d.Translations) != 1 {
		t.Fatalf("Translations = %+v, want 1", d.Translations)
	}
	tr := d.Translations[0]
	if tr.DocumentID != id || tr.Lang != "en" || tr.SegmentCount != 3 ||
		!reflect.DeepEqual(tr.Counts, map[string]int{"mt": 3}) {
		t.Errorf("translation = %+v, want en with 3 segments, all mt", tr)
	}
	segs := allSegments(t, st, tr)
	if len(segs) != 3 {
		t.Fatalf("%d segments stored, want 3", len(segs))
	}
	for i, sg := range segs {
		in := nd.Segments[i]
		want := store.Segment{ID: sg.ID, DocumentID: id, TranslationID: tr.ID, SourceLang: "fr", Lang: "en", Pos: i,
			Paragraph: in.Paragraph, Index: in.Index, Source: in.Source, MT: in.MT, Target: in.MT,
			State: "mt", Version: 1, Issues: "[]", ChangedBy: "ed", ChangedAt: sg.CreatedAt, CreatedAt: sg.CreatedAt}
		if sg.CreatedAt.IsZero() {
			t.Errorf("segment %d: no import time", i)
		}
		if sg != want {
			t.Errorf("segment %d = %+v\nwant %+v", i, sg, want)
		}
		revs, err := st.Revisions(ctx, sg.ID)
		if err != nil {
			t.Fatalf("Revisions: %v", err)
		}
		if len(revs) != 1 {
			t.Fatalf("segment %d has %d revisions, want 1", i, len(revs))
		}
		r := revs[0]
		if r.Version != 1 || r.Kind != "import" || r.State != "mt" || r.Text != in.MT ||
			r.Author != "ed" || r.Distance != 0 || r.Reason != "" || r.CreatedAt.IsZero() {
			t.Errorf("segment %d import revision = %+v", i, r)
		}
	}
}

func TestCreateDocumentWithoutCreator(t *testing.T) {
	st, _ := openStore(t)
	id, err := st.CreateDocument(t.Context(), sampleDoc(1))
	if err != nil {
		t.Fatalf("CreateDocument with CreatedBy 0: %v", err)
	}
	sg := allSegments(t, st, translationOf(t, st, id))[0]
	revs, err := st.Revisions(t.Context(), sg.ID)
	if err != nil || len(revs) != 1 || revs[0].Author != "" {
		t.Errorf("Revisions = %+v, %v; want one revision with no author", revs, err)
	}
}

func TestListDocumentsNewestFirstWithCounts(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	if docs, err := st.ListDocuments(ctx); err != nil || docs == nil || len(docs) != 0 {
		t.Fatalf("ListDocuments on an empty database = %#v, %v; want an empty, non-nil list", docs, err)
	}
	first, err := st.CreateDocument(ctx, sampleDoc(2))
	if err != nil {
		t.Fatal(err)
	}
	second := sampleDoc(3)
	second.Title, second.Lang = "Second", "de"
	secondID, err := st.CreateDocument(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	// Move one segment of the second document to draft.
	sg := allSegments(t, st, translationOf(t, st, secondID))[1]
	if _, err := st.ApplyChange(ctx, sg.ID, 1, func(cur store.Segment) (store.Change, error) {
		return store.Change{Target: "x", State: "draft", Kind: "edit"}, nil
	}); err != nil {
		t.Fatal(err)
	}

	docs, err := st.ListDocuments(ctx)
	if err != nil {
		t.Fatalf("ListDocuments: %v", err)
	}
	if len(docs) != 2 || docs[0].ID != secondID || docs[1].ID != first {
		t.Fatalf("ListDocuments ids = %+v, want [%d %d]", docs, secondID, first)
	}
	for _, c := range []struct {
		d      store.Document
		title  string
		lang   string
		total  int
		counts map[string]int
	}{
		{docs[0], "Second", "de", 3, map[string]int{"mt": 2, "draft": 1}},
		{docs[1], "Sample", "en", 2, map[string]int{"mt": 2}},
	} {
		if c.d.Title != c.title || len(c.d.Translations) != 1 {
			t.Errorf("document %d = %+v", c.d.ID, c.d)
			continue
		}
		tr := c.d.Translations[0]
		if tr.Lang != c.lang || tr.SegmentCount != c.total || !reflect.DeepEqual(tr.Counts, c.counts) {
			t.Errorf("document %d translation = %+v, want %s %d %v", c.d.ID, tr, c.lang, c.total, c.counts)
		}
	}
	one, err := st.Document(ctx, secondID)
	if err != nil || !reflect.DeepEqual(one.Translations[0].Counts, map[string]int{"mt": 2, "draft": 1}) {
		t.Errorf("Document(%d) = %+v, %v", secondID, one, err)
	}
}

func TestNotFound(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	id, err := st.CreateDocument(ctx, sampleDoc(1))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"Document", func() error { _, err := st.Document(ctx, id+1); return err }},
		{"Translations", func() error { _, err := st.Translations(ctx, id+1); return err }},
		{"TranslationByLang unknown doc", func() error { _, err := st.TranslationByLang(ctx, id+1, "en"); return err }},
		{"TranslationByLang unknown lang", func() error { _, err := st.TranslationByLang(ctx, id, "de"); return err }},
		{"Segment", func() error { _, err := st.Segment(ctx, 9999); return err }},
		{"Revisions", func() error { _, err := st.Revisions(ctx, 9999); return err }},
	} {
		if err := c.call(); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", c.name, err)
		}
	}
	tr, err := st.TranslationByLang(ctx, id, "en")
	if err != nil || tr.DocumentID != id || tr.Lang != "en" || tr.SegmentCount != 1 {
		t.Errorf("TranslationByLang(en) = %+v, %v", tr, err)
	}
}

func TestListSegmentsPages(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	id, err := st.CreateDocument(ctx, sampleDoc(5))
	if err != nil {
		t.Fatal(err)
	}
	tr := translationOf(t, st, id)
	segs := allSegments(t, st, tr)
	for _, i := range []int{1, 3} { // segments at pos 1 and 3 become drafts
		if _, err := st.ApplyChange(ctx, segs[i].ID, 1, func(store.Segment) (store.Change, error) {
			return store.Change{Target: "edited", State: "draft", Kind: "edit"}, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		state         string
		offset, limit int
		total         int
		pos           []int
	}{
		{"", 0, 2, 5, []int{0, 1}},
		{"", 2, 2, 5, []int{2, 3}},
		{"", 4, 2, 5, []int{4}},
		{"", 5, 2, 5, []int{}},
		{"", 0, 100, 5, []int{0, 1, 2, 3, 4}},
		{"draft", 0, 1, 2, []int{1}},
		{"draft", 1, 1, 2, []int{3}},
		{"draft", 2, 1, 2, []int{}},
		{"mt", 0, 10, 3, []int{0, 2, 4}},
		{"mt", 1, 1, 3, []int{2}},
		{"approved", 0, 10, 0, []int{}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s_%d_%d", tc.state, tc.offset, tc.limit), func(t *testing.T) {
			page, err := st.ListSegments(ctx, tr, store.Filter{State: tc.state}, tc.offset, tc.limit)
			if err != nil {
				t.Fatalf("ListSegments: %v", err)
			}
			if page.Total != tc.total {
				t.Errorf("Total = %d, want %d", page.Total, tc.total)
			}
			if page.Segments == nil {
				t.Error("Segments is nil, want an empty list")
			}
			got := []int{}
			for _, sg := range page.Segments {
				got = append(got, sg.Pos)
				if tc.state != "" && sg.State != tc.state {
					t.Errorf("segment %d has state %s, want %s", sg.Pos, sg.State, tc.state)
				}
				if sg.TranslationID != tr.ID || sg.DocumentID != id || sg.Lang != "en" {
					t.Errorf("segment %+v does not belong to translation %+v", sg, tr)
				}
			}
			if !reflect.DeepEqual(got, tc.pos) {
				t.Errorf("positions = %v, want %v", got, tc.pos)
			}
		})
	}
}

func TestForEachSegmentOrderAndStop(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	// A second document first, so that ids and positions differ.
	if _, err := st.CreateDocument(ctx, sampleDoc(2)); err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateDocument(ctx, sampleDoc(4))
	if err != nil {
		t.Fatal(err)
	}
	tr := translationOf(t, st, id)
	segs := allSegments(t, st, tr)
	if len(segs) != 4 {
		t.Fatalf("visited %d segments, want 4", len(segs))
	}
	for i, sg := range segs {
		if sg.Pos != i || sg.Source != fmt.Sprintf("source %d", i) || sg.DocumentID != id {
			t.Errorf("visit %d = %+v", i, sg)
		}
	}
	stop := errors.New("stop")
	calls := 0
	err = st.ForEachSegment(ctx, tr, func(store.Segment) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 {
		t.Errorf("ForEachSegment with fn failing on the 2nd call: err = %v, calls = %d; want stop after 2", err, calls)
	}
}

// CreateDocument is one transaction: stopped half-way (its context cancelled while
// the segments go in), it leaves no document, translation or segment behind.
func TestCreateDocumentAllOrNothing(t *testing.T) {
	st, path := openStore(t)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Millisecond)
	defer cancel()
	_, err := st.CreateDocument(ctx, sampleDoc(200_000))
	if err == nil {
		t.Skip("the import finished before the context was cancelled")
	}
	if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
		t.Logf("CreateDocument stopped with %v", err)
	}
	if n, err := st.CountDocuments(t.Context()); err != nil || n != 0 {
		t.Errorf("CountDocuments after the interrupted import = %d, %v; want 0", n, err)
	}
	for _, table := range []string{"translations", "segments", "revisions"} {
		if got := rawQuery(t, path, "SELECT COUNT(*) FROM "+table); got != "0" {
			t.Errorf("%s holds %s rows after the interrupted import, want 0", table, got)
		}
	}
	// The store still works afterwards.
	if _, err := st.CreateDocument(t.Context(), sampleDoc(2)); err != nil {
		t.Errorf("CreateDocument after the interrupted one: %v", err)
	}
}
