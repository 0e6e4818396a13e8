package cli

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

func TestReportCommand(t *testing.T) {
	db := tempDB(t)
	withStore(t, db, func(ctx context.Context, svc *review.Service, st *store.Store) {
		u, err := svc.CreateUser(ctx, "rita", review.RoleReviewer, "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		id, err := svc.CreateDocument(ctx, u, review.NewDocument{Title: "T", SourceLang: "fr", TargetLang: "en",
			Segments: []review.NewSegment{{Source: "Il a dit : « oui, non ».", Target: "He said \"yes, no\""}, {Source: "Deux.", Target: "Two."}}})
		if err != nil {
			t.Fatal(err)
		}
		tr, _ := svc.Translation(ctx, id, "en")
		page, _ := st.ListSegments(ctx, tr, store.Filter{}, 0, 10)
		sg, err := svc.Edit(ctx, u, page.Segments[0].ID, page.Segments[0].Version, "He said \"yes, no\".\nThen he left.")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Approve(ctx, u, sg.ID, sg.Version); err != nil {
			t.Fatal(err)
		}
	})
	r := runCLI(t, "", "report", "--db", db, "--doc", "1", "--format", "csv")
	if r.code != 0 {
		t.Fatalf("report = %+v", r)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v\n%s", err, r.stdout)
	}
	if len(rows) != 3 || rows[0][0] != "segment_id" || rows[0][6] != "final" {
		t.Fatalf("rows = %q", rows)
	}
	if rows[1][6] != "He said \"yes, no\".\nThen he left." || rows[1][14] != "rita" || rows[1][11] != "wording" {
		t.Errorf("first row = %q", rows[1])
	}
	h := runCLI(t, "", "report", "--db", db, "--doc", "1", "--format", "html")
	if h.code != 0 || !strings.Contains(h.stdout, "<svg") || !strings.Contains(h.stdout, "<!DOCTYPE html>") {
		t.Fatalf("html report = %d %.300s", h.code, h.stdout)
	}
	wantFailure(t, runCLI(t, "", "report", "--db", db, "--doc", "1", "--format", "pdf"), 2, "--format")
	wantFailure(t, runCLI(t, "", "report", "--db", db, "--doc", "9"), 1, "9")
}
