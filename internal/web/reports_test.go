package web_test

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestReports edits and approves through the browser forms and the API, then
// reads the article's report page, the change report downloads, the JSON
// reports and the reviewer's page.
func TestReports(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Budget", SourceLang: "fr", TargetLang: "en", Segments: []segIn{
		{Source: "Le conseil a voté.", Target: "The council voted", Paragraph: intp(1)},
		{Source: "Le budget est adopté.", Target: "The budget is adopted.", Paragraph: intp(1)},
		{Source: "Il pleut, dit-il.", Target: "It rains, he said.", Paragraph: intp(2)},
	}})
	segs := e.segments(t, doc.ID)
	b := deskLogin(t, e, "rita")
	// Edit, time and tag the first segment from the page; approve two segments.
	b.script(t, segPath(segs[0].ID, "/save")[len("/api/v1"):], "target", "The council voted.", "version", "1").expect(t, http.StatusOK)
	b.script(t, "/segments/"+strconv.FormatInt(segs[0].ID, 10)+"/time", "ms", "12000").expect(t, http.StatusNoContent)
	b.script(t, "/segments/"+strconv.FormatInt(segs[0].ID, 10)+"/time", "ms", "-5").expect(t, http.StatusUnprocessableEntity)
	b.script(t, "/segments/"+strconv.FormatInt(segs[0].ID, 10)+"/categories", "version", "2", "category", "punctuation", "severity", "minor").
		expect(t, http.StatusOK)
	b.script(t, "/segments/"+strconv.FormatInt(segs[0].ID, 10)+"/categories", "version", "2", "category", "nonsense", "severity", "minor").
		expect(t, http.StatusUnprocessableEntity)
	b.script(t, "/segments/"+strconv.FormatInt(segs[0].ID, 10)+"/approve", "version", "2").expect(t, http.StatusOK)
	b.script(t, "/segments/"+strconv.FormatInt(segs[1].ID, 10)+"/approve", "version", "1").expect(t, http.StatusOK)
	b.get(t, "/segments/"+strconv.FormatInt(segs[0].ID, 10)+"/history").expect(t, http.StatusOK).
		has(t, `data-category="punctuation"`, `name="severity"`)

	page := b.get(t, "/documents/"+strconv.FormatInt(doc.ID, 10)+"/report?lang=en").expect(t, http.StatusOK)
	page.has(t, "What reviewers changed", "<svg", "50.0%", "0:00:12", "Punctuation", "End punctuation: 1",
		"/documents/"+strconv.FormatInt(doc.ID, 10)+"/changes?lang=en&amp;format=csv")

	r := b.get(t, "/documents/"+strconv.FormatInt(doc.ID, 10)+"/changes?lang=en&format=csv").expect(t, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("csv = %v %q", err, r.body)
	}
	if rows[1][11] != "punctuation" || rows[1][12] != "punctuation (minor)" || rows[1][14] != "rita" || rows[1][16] != "12" {
		t.Errorf("first csv row = %q", rows[1])
	}
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") || !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("csv headers = %v", r.header)
	}
	html := e.call(t, http.MethodGet, docPath(doc.ID, "/changes?lang=en&format=html"), e.viewer, nil).expect(t, http.StatusOK)
	if !strings.Contains(string(html.body), "<svg") || !strings.Contains(string(html.body), "Le budget est adopté.") {
		t.Errorf("html change report: %.400s", html.body)
	}

	rep := decodeBody[struct {
		Segments       int     `json:"segments"`
		Approved       int     `json:"approved"`
		UnchangedShare float64 `json:"unchanged_share"`
		Kinds          []struct {
			Name string `json:"name"`
			N    int    `json:"n"`
		} `json:"kinds"`
		IssuesFixed []struct {
			Name string `json:"name"`
		} `json:"issues_fixed"`
		ActiveSeconds int64 `json:"active_seconds"`
		ErrorPoints   int   `json:"error_points"`
		WordRate      struct {
			N    int     `json:"n"`
			Mean float64 `json:"mean"`
		} `json:"word_rate"`
	}](t, e.call(t, http.MethodGet, docPath(doc.ID, "/report?lang=en"), e.viewer, nil).expect(t, http.StatusOK))
	if rep.Segments != 3 || rep.Approved != 2 || rep.UnchangedShare != 50 || rep.ActiveSeconds != 12 || rep.WordRate.N != 2 ||
		len(rep.IssuesFixed) != 1 || rep.IssuesFixed[0].Name != "end-punct" || rep.ErrorPoints != 1 {
		t.Errorf("report JSON = %+v", rep)
	}
	who := decodeBody[struct {
		Name     string `json:"name"`
		Edited   int    `json:"edited"`
		Approved int    `json:"approved"`
	}](t, e.call(t, http.MethodGet, "/api/v1/reviewers/rita/report", e.viewer, nil).expect(t, http.StatusOK))
	if who.Name != "rita" || who.Edited != 1 || who.Approved != 2 {
		t.Errorf("reviewer JSON = %+v", who)
	}
	e.call(t, http.MethodGet, "/api/v1/reviewers/rita/report?from=yesterday", e.viewer, nil).expect(t, http.StatusBadRequest)
	e.call(t, http.MethodGet, "/api/v1/reviewers/nobody/report", e.viewer, nil).expect(t, http.StatusNotFound)
	b.get(t, "/reviewers/rita").expect(t, http.StatusOK).has(t, `data-figure="approved">2<`, "<svg")
	b.get(t, "/reviewers").expect(t, http.StatusOK).has(t, `href="/reviewers/rita"`)
}
