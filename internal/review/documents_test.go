package review_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// newService returns a Service over a fresh SQLite file in t.TempDir().
func newService(t *testing.T) (*review.Service, *store.Store) {
	t.Helper()
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "copydesk.db"))
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return review.New(st), st
}

// addUser stores an account directly (no bcrypt, to keep tests fast) and returns it.
func addUser(t *testing.T, st *store.Store, name, role string) store.User {
	t.Helper()
	id, err := st.CreateUser(t.Context(), store.User{Name: name, Role: role, PasswordHash: "not-a-hash"})
	if err != nil {
		t.Fatalf("CreateUser(%s): %v", name, err)
	}
	return store.User{ID: id, Name: name, Role: role}
}

func intp(n int) *int { return &n }

func segs(sources ...string) []review.NewSegment {
	out := make([]review.NewSegment, len(sources))
	for i, s := range sources {
		out[i] = review.NewSegment{Source: s, Target: "MT " + s}
	}
	return out
}

func validDoc() review.NewDocument {
	return review.NewDocument{Title: "Title", SourceLang: "fr", TargetLang: "en", Segments: segs("Un.", "Deux.")}
}

func TestCreateDocumentRefuses(t *testing.T) {
	svc, st := newService(t)
	admin := addUser(t, st, "root", review.RoleAdmin)
	tests := []struct {
		name   string
		change func(*review.NewDocument)
		want   error
	}{
		{"empty title", func(d *review.NewDocument) { d.Title = "" }, review.ErrInvalid},
		{"blank title", func(d *review.NewDocument) { d.Title = " \t\n " }, review.ErrInvalid},
		{"title of 301 characters", func(d *review.NewDocument) { d.Title = strings.Repeat("é", 301) }, review.ErrInvalid},
		{"title not UTF-8", func(d *review.NewDocument) { d.Title = "Caf\xe9" }, review.ErrMalformed},
		{"no source language", func(d *review.NewDocument) { d.SourceLang = "" }, review.ErrMalformed},
		{"bad source language", func(d *review.NewDocument) { d.SourceLang = "french" }, review.ErrMalformed},
		{"bad target language", func(d *review.NewDocument) { d.TargetLang = "12" }, review.ErrMalformed},
		{"und target language", func(d *review.NewDocument) { d.TargetLang = "und" }, review.ErrMalformed},
		{"same languages", func(d *review.NewDocument) { d.TargetLang = "fr" }, review.ErrInvalid},
		{"same languages after canonicalising", func(d *review.NewDocument) { d.SourceLang, d.TargetLang = "pt_br", "PT-BR" }, review.ErrInvalid},
		{"no segments", func(d *review.NewDocument) { d.Segments = nil }, review.ErrInvalid},
		{"empty source", func(d *review.NewDocument) { d.Segments[1].Source = "" }, review.ErrInvalid},
		{"blank source", func(d *review.NewDocument) { d.Segments[0].Source = "  \n" }, review.ErrInvalid},
		{"source not UTF-8", func(d *review.NewDocument) { d.Segments[0].Source = "\xff" }, review.ErrMalformed},
		{"target not UTF-8", func(d *review.NewDocument) { d.Segments[1].Target = "ok\xc3" }, review.ErrMalformed},
		{"source too long", func(d *review.NewDocument) { d.Segments[0].Source = strings.Repeat("x", review.MaxSegmentChars+1) }, review.ErrInvalid},
		{"target too long", func(d *review.NewDocument) { d.Segments[0].Target = strings.Repeat("가", review.MaxSegmentChars+1) }, review.ErrInvalid},
		{"negative paragraph", func(d *review.NewDocument) { d.Segments[0].Paragraph = intp(-1) }, review.ErrInvalid},
		{"paragraphs going back", func(d *review.NewDocument) {
			d.Segments[0].Paragraph, d.Segments[1].Paragraph = intp(2), intp(1)
		}, review.ErrInvalid},
		{"omitted then an earlier paragraph", func(d *review.NewDocument) { d.Segments[1].Paragraph = intp(0) }, review.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := validDoc()
			tc.change(&d)
			id, err := svc.CreateDocument(t.Context(), admin, d)
			if !errors.Is(err, tc.want) {
				t.Fatalf("CreateDocument = %d, %v; want %v", id, err, tc.want)
			}
			var pub *review.Error
			if !errors.As(err, &pub) || pub.Message() == "" {
				t.Errorf("error %v should be a *review.Error with a message", err)
			}
			if _, err := svc.ImportDocument(t.Context(), d); !errors.Is(err, tc.want) {
				t.Errorf("ImportDocument err = %v; want %v", err, tc.want)
			}
		})
	}
	if n, err := st.CountDocuments(t.Context()); err != nil || n != 0 {
		t.Errorf("CountDocuments after refusals = %d, %v; want 0", n, err)
	}
}

func TestCreateDocumentRoles(t *testing.T) {
	svc, st := newService(t)
	viewer := addUser(t, st, "vic", review.RoleViewer)
	if _, err := svc.CreateDocument(t.Context(), viewer, validDoc()); !errors.Is(err, review.ErrForbidden) {
		t.Errorf("viewer CreateDocument err = %v, want ErrForbidden", err)
	}
	if _, err := svc.CreateDocument(t.Context(), store.User{Role: "owner"}, validDoc()); !errors.Is(err, review.ErrForbidden) {
		t.Errorf("unknown role CreateDocument err = %v, want ErrForbidden", err)
	}
	if n, _ := st.CountDocuments(t.Context()); n != 0 {
		t.Errorf("%d documents stored by refused users", n)
	}
	reviewer := addUser(t, st, "rae", review.RoleReviewer)
	id, err := svc.CreateDocument(t.Context(), reviewer, validDoc())
	if err != nil {
		t.Fatalf("reviewer CreateDocument: %v", err)
	}
	sg := firstSegment(t, st, id)
	revs, err := st.Revisions(t.Context(), sg.ID)
	if err != nil || len(revs) != 1 || revs[0].Author != "rae" || revs[0].Kind != review.KindImport {
		t.Errorf("import revision = %+v, %v; want one import by rae", revs, err)
	}
}

func firstSegment(t *testing.T, st *store.Store, docID int64) store.Segment {
	t.Helper()
	all := segmentsOf(t, st, docID)
	return all[0]
}

func segmentsOf(t *testing.T, st *store.Store, docID int64) []store.Segment {
	t.Helper()
	trs, err := st.Translations(t.Context(), docID)
	if err != nil || len(trs) != 1 {
		t.Fatalf("Translations(%d) = %+v, %v", docID, trs, err)
	}
	var out []store.Segment
	if err := st.ForEachSegment(t.Context(), trs[0], func(sg store.Segment) error {
		out = append(out, sg)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCreateDocumentParagraphs(t *testing.T) {
	type pi struct{ para, index int }
	tests := []struct {
		name  string
		paras []*int
		want  []pi
	}{
		{"omitted: each segment its own paragraph", []*int{nil, nil, nil}, []pi{{1, 1}, {2, 1}, {3, 1}}},
		{"repeated paragraph counts 1, 2, 3", []*int{intp(1), intp(1), intp(1)}, []pi{{1, 1}, {1, 2}, {1, 3}}},
		{"starting at 0 with gaps", []*int{intp(0), intp(0), intp(2), intp(2), intp(2), intp(5)},
			[]pi{{0, 1}, {0, 2}, {2, 1}, {2, 2}, {2, 3}, {5, 1}}},
		{"given then omitted", []*int{intp(3), intp(3), nil}, []pi{{3, 1}, {3, 2}, {4, 1}}},
	}
	svc, st := newService(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := validDoc()
			d.Segments = nil
			for i, p := range tc.paras {
				d.Segments = append(d.Segments, review.NewSegment{Source: "S" + string(rune('a'+i)), Target: "T", Paragraph: p})
			}
			id, err := svc.ImportDocument(t.Context(), d)
			if err != nil {
				t.Fatalf("ImportDocument: %v", err)
			}
			got := segmentsOf(t, st, id)
			if len(got) != len(tc.want) {
				t.Fatalf("%d segments stored, want %d", len(got), len(tc.want))
			}
			for i, sg := range got {
				if sg.Paragraph != tc.want[i].para || sg.Index != tc.want[i].index || sg.Pos != i {
					t.Errorf("segment %d: pos %d paragraph %d index %d; want pos %d paragraph %d index %d",
						i, sg.Pos, sg.Paragraph, sg.Index, i, tc.want[i].para, tc.want[i].index)
				}
			}
		})
	}
}

func TestCreateDocumentNormalises(t *testing.T) {
	svc, st := newService(t)
	d := review.NewDocument{Title: "  Le « titre »  ", SourceLang: "FR", TargetLang: "en-us",
		Segments: []review.NewSegment{{Source: "  Bonjour ! ", Target: " Hello ! "}, {Source: "Ça va ?", Target: ""}}}
	id, err := svc.ImportDocument(t.Context(), d)
	if err != nil {
		t.Fatalf("ImportDocument: %v", err)
	}
	doc, err := st.Document(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Le « titre »" || doc.SourceLang != "fr" || len(doc.Translations) != 1 || doc.Translations[0].Lang != "en-US" {
		t.Errorf("stored document = %+v; want a trimmed title and canonical tags fr, en-US", doc)
	}
	got := segmentsOf(t, st, id)
	// Segment text is kept exactly as sent; the machine text is the first target.
	if got[0].Source != "  Bonjour ! " || got[0].MT != " Hello ! " || got[0].Target != " Hello ! " || got[0].State != review.StateMT {
		t.Errorf("segment 0 = %+v", got[0])
	}
	if got[1].Source != "Ça va ?" || got[1].MT != "" || got[1].Target != "" || got[1].Version != 1 {
		t.Errorf("segment 1 = %+v", got[1])
	}
	// A title of exactly the limit, counted in characters, is accepted.
	d.Title = strings.Repeat("é", review.MaxTitleChars)
	if _, err := svc.ImportDocument(t.Context(), d); err != nil {
		t.Errorf("title of %d characters: %v", review.MaxTitleChars, err)
	}
}

func TestImportAndEditNormaliseToNFC(t *testing.T) {
	svc, st := newService(t)
	ctx := t.Context()
	decomposed := "Cafe\u0301 de l’e\u0301te\u0301."
	id, err := svc.ImportDocument(ctx, review.NewDocument{Title: "Cafe\u0301", SourceLang: "fr", TargetLang: "en",
		Segments: []review.NewSegment{{Source: decomposed, Target: "Summer cafe\u0301."}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Document(ctx, id)
	if err != nil || d.Title != "Café" {
		t.Fatalf("title = %q, %v; want NFC Café", d.Title, err)
	}
	tr, err := svc.Translation(ctx, id, "")
	if err != nil {
		t.Fatal(err)
	}
	page, err := st.ListSegments(ctx, tr, store.Filter{}, 0, 1)
	if err != nil || page.Segments[0].Source != "Café de l’été." || page.Segments[0].Target != "Summer café." {
		t.Fatalf("segment = %+v, %v; want NFC text", page.Segments, err)
	}
}
