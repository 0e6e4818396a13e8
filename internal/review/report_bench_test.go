package review_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// BenchmarkChangeReport10k gathers the change report (summary and rows) of a
// 10,000-segment translation of which half was edited and approved.
func BenchmarkChangeReport10k(b *testing.B) {
	st, err := store.Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := review.New(st)
	u, err := svc.CreateUser(b.Context(), "rita", review.RoleReviewer, "correct horse battery")
	if err != nil {
		b.Fatal(err)
	}
	d := review.NewDocument{Title: "Bench", SourceLang: "en", TargetLang: "fr"}
	for i := range 10000 {
		d.Segments = append(d.Segments, review.NewSegment{Source: fmt.Sprintf("The council met on day %d and approved the plan.", i),
			Target: fmt.Sprintf("Le conseil s'est réuni le jour %d et a approuvé le plan", i)})
	}
	id, err := svc.ImportDocument(b.Context(), d)
	if err != nil {
		b.Fatal(err)
	}
	tr, _ := svc.Translation(b.Context(), id, "fr")
	page, _ := st.ListSegments(b.Context(), tr, store.Filter{}, 0, 10000)
	for i, sg := range page.Segments {
		if i%2 == 1 {
			continue
		}
		sg, err := svc.Edit(b.Context(), u, sg.ID, sg.Version, sg.Target+".")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := svc.Approve(b.Context(), u, sg.ID, sg.Version); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := svc.ChangeReport(b.Context(), id, "fr"); err != nil {
			b.Fatal(err)
		}
	}
}
