package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/report"
)

type statsJSON struct {
	N      int     `json:"n"`
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	P90    float64 `json:"p90"`
}

type countJSON struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

type categoryJSON struct {
	Category string `json:"category"`
	Severity string `json:"severity"`
	N        int    `json:"n"`
}

type binJSON struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

func toStats(s report.Stats) statsJSON { return statsJSON{s.N, s.Mean, s.Median, s.P90} }

func toCounts(cs []report.Count) []countJSON {
	out := make([]countJSON, len(cs))
	for i, c := range cs {
		out[i] = countJSON{c.Name, c.N}
	}
	return out
}

func toCategories(cs []report.CategoryCount) []categoryJSON {
	out := make([]categoryJSON, len(cs))
	for i, c := range cs {
		out[i] = categoryJSON{c.Category, c.Severity, c.N}
	}
	return out
}

// documentReportAPI handles GET /api/v1/documents/{id}/report?lang=.
func (s *server) documentReportAPI(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	r, err := s.svc.TranslationReport(c.Request.Context(), id, c.Query("lang"))
	if err != nil {
		s.fail(c, err, "document or translation")
		return
	}
	bins := make([]binJSON, len(r.Histogram))
	for i, b := range r.Histogram {
		bins[i] = binJSON{b.Label, b.N}
	}
	c.JSON(http.StatusOK, gin.H{
		"document_id": r.DocumentID, "title": r.Title, "source_lang": r.SourceLang, "lang": r.Lang,
		"segments": r.Total, "states": r.States, "approved": r.Approved, "unchanged": r.Unchanged,
		"unchanged_share": r.UnchangedShare, "char_rate": toStats(r.CharRate), "word_rate": toStats(r.WordRate),
		"word_rate_histogram": bins, "kinds": toCounts(r.Kinds), "categories": toCategories(r.Categories), "error_points": r.ErrorPoints,
		"issues_fixed": toCounts(r.IssuesFixed), "issues_open": toCounts(r.IssuesOpen), "edits": r.Edits,
		"active_seconds": r.ActiveMS / 1000, "approvers": toCounts(r.Approvers),
	})
}

// reviewerReportAPI handles GET /api/v1/reviewers/{name}/report?from=&to=.
func (s *server) reviewerReportAPI(c *gin.Context) {
	from, to, ok := period(c)
	if !ok {
		abortJSON(c, http.StatusBadRequest, "from and to must be dates (2026-11-27) or RFC 3339 times")
		return
	}
	r, err := s.svc.ReviewerReport(c.Request.Context(), c.Param("name"), from, to)
	if err != nil {
		s.fail(c, err, "reviewer")
		return
	}
	c.JSON(http.StatusOK, gin.H{
		"name": r.Name, "from": r.From.Format(time.RFC3339), "to": r.To.Format(time.RFC3339),
		"edited": r.Edited, "approved": r.Approved, "rejected": r.Rejected, "active_seconds": r.ActiveMS / 1000,
		"char_rate": toStats(r.CharRate), "word_rate": toStats(r.WordRate), "kinds": toCounts(r.Kinds),
		"categories": toCategories(r.Categories),
	})
}
