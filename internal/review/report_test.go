package review_test

import (
	"errors"
	"testing"
	"time"

	"copydesk/internal/review"
)

// TestEffortStoredAtApproval approves segments after edits of known kinds and
// checks what the approval stored and what the reports say.
func TestEffortStoredAtApproval(t *testing.T) {
	svc, st := newService(t)
	admin := addUser(t, st, "root", review.RoleAdmin)
	rita := addUser(t, st, "rita", review.RoleReviewer)
	id, err := svc.CreateDocument(t.Context(), admin, review.NewDocument{Title: "T", SourceLang: "fr", TargetLang: "en",
		Segments: []review.NewSegment{
			{Source: "Il est parti.", Target: "He left"},                      // punctuation only
			{Source: "Le président a parlé.", Target: "The president spoke."}, // unchanged
			{Source: "Le chat dort.", Target: "The dog sleeps."},              // wording
			{Source: "Il pleut.", Target: "It rains."},                        // left as machine text, not approved
		}})
	if err != nil {
		t.Fatal(err)
	}
	segs := segmentsOf(t, st, id)
	sg, err := svc.Edit(t.Context(), rita, segs[0].ID, segs[0].Version, "He left.")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.RecordTime(t.Context(), rita, sg.ID, 4500); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve(t.Context(), rita, sg.ID, sg.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve(t.Context(), admin, segs[1].ID, segs[1].Version); err != nil {
		t.Fatal(err)
	}
	sg, _ = svc.Edit(t.Context(), rita, segs[2].ID, segs[2].Version, "The cat sleeps.")
	if err := svc.Categorise(t.Context(), rita, sg.ID, sg.Version, "accuracy", "major"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve(t.Context(), rita, sg.ID, sg.Version); err != nil {
		t.Fatal(err)
	}
	// Refusals.
	if err := svc.RecordTime(t.Context(), rita, sg.ID, 0); !errors.Is(err, review.ErrInvalid) {
		t.Errorf("zero time: %v", err)
	}
	if err := svc.Categorise(t.Context(), rita, sg.ID, sg.Version, "spelling", "minor"); !errors.Is(err, review.ErrInvalid) {
		t.Errorf("unknown category: %v", err)
	}

	ch, err := svc.ChangeReport(t.Context(), id, "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Rows) != 4 {
		t.Fatalf("rows = %d", len(ch.Rows))
	}
	r0, r1, r2, r3 := ch.Rows[0], ch.Rows[1], ch.Rows[2], ch.Rows[3]
	if r0.Kind != "punctuation" || r0.Approver != "rita" || r0.Edits != 1 || r0.Editors != "rita" || r0.ActiveMS != 4500 {
		t.Errorf("punctuation row = %+v", r0)
	}
	if r1.Kind != "unchanged" || r1.CharRate != 0 || r1.WordRate != 0 || r1.Approver != "root" || r1.Edits != 0 {
		t.Errorf("unchanged row = %+v", r1)
	}
	if r2.Kind != "wording" || r2.WordRate <= 0 || len(r2.Categories) != 1 || r2.Categories[0] != "accuracy (major)" {
		t.Errorf("wording row = %+v", r2)
	}
	if r3.Approver != "" || r3.Kind != "unchanged" || r3.State != "mt" {
		t.Errorf("unapproved row = %+v", r3)
	}
	sum := ch.Summary
	if sum.Approved != 3 || sum.Unchanged != 1 || sum.Total != 4 || sum.States["approved"] != 3 || sum.ActiveMS != 4500 {
		t.Errorf("summary = %+v", sum)
	}
	kinds := map[string]int{}
	for _, k := range sum.Kinds {
		kinds[k.Name] = k.N
	}
	if kinds["punctuation"] != 1 || kinds["unchanged"] != 1 || kinds["wording"] != 1 {
		t.Errorf("kinds = %v", sum.Kinds)
	}
	fixed := map[string]int{}
	for _, k := range sum.IssuesFixed {
		fixed[k.Name] = k.N
	}
	if fixed["end-punct"] != 1 {
		t.Errorf("issues fixed = %v, want end-punct once", sum.IssuesFixed)
	}

	rep, err := svc.ReviewerReport(t.Context(), "rita", time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Edited != 2 || rep.Approved != 2 || rep.ActiveMS != 4500 || rep.WordRate.N != 2 || len(rep.Categories) != 1 {
		t.Errorf("reviewer report = %+v", rep)
	}
	if _, err := svc.ReviewerReport(t.Context(), "rita", time.Now(), time.Now().Add(-time.Hour)); !errors.Is(err, review.ErrInvalid) {
		t.Errorf("backwards period: %v", err)
	}

	// Editing an approved segment takes its effort out of the report.
	cur := segmentsOf(t, st, id)[2]
	if _, err := svc.Edit(t.Context(), rita, cur.ID, cur.Version, "The cat is asleep."); err != nil {
		t.Fatal(err)
	}
	sum2, _ := svc.TranslationReport(t.Context(), id, "en")
	if sum2.Approved != 2 {
		t.Errorf("after un-approving: approved = %d", sum2.Approved)
	}
}
