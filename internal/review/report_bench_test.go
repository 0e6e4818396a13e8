package review_test

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"copydesk/internal/report"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// BenchmarkChangeReport10k gathers the report (summary and rows, without the
// word diffs the writers add) of a 10,000-segment translation of which half was
// edited and approved; BenchmarkChangeReportCSV10k also writes it as CSV.
func BenchmarkChangeReport10k(b *testing.B) { benchReport(b, false) }

// BenchmarkChangeReportCSV10k is BenchmarkChangeReport10k and the CSV, diffs
// included.
func BenchmarkChangeReportCSV10k(b *testing.B) { benchReport(b, true) }

func benchReport(b *testing.B, csv bool) {
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
		ch, err := svc.ChangeReport(b.Context(), id, "fr")
		if err != nil {
			b.Fatal(err)
		}
		if csv {
			if err := report.WriteCSV(io.Discard, ch); err != nil {
				b.Fatal(err)
			}
		}
	}
}
