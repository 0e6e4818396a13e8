package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/report"
	"copydesk/internal/store"
)

// reportPage handles GET /documents/{id}/report?lang=: what reviewers changed in
// a translation, with charts, and the change report to download.
func (s *server) reportPage(c *gin.Context) {
	doc, tr, ok := s.readyTranslationPage(c)
	if !ok {
		return
	}
	sum, err := s.svc.TranslationReport(c.Request.Context(), doc.ID, tr.Lang)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "report", reportPage{base: s.newBase(c, doc.Title), Doc: doc, R: sum})
}

type reportPage struct {
	base
	Doc store.Document
	R   report.Translation
}

// changeReportDownload handles GET /documents/{id}/changes?lang=&format=csv|html
// (and the same under /api/v1): the change report as a file.
func (s *server) changeReportDownload(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	format := c.DefaultQuery("format", "csv")
	if format != "csv" && format != "html" {
		abortJSON(c, http.StatusBadRequest, "format must be csv or html")
		return
	}
	ch, err := s.svc.ChangeReport(c.Request.Context(), id, c.Query("lang"))
	if err != nil {
		s.fail(c, err, "document or translation")
		return
	}
	var buf bytes.Buffer
	mime := "text/csv; charset=utf-8"
	if format == "csv" {
		err = report.WriteCSV(&buf, ch)
	} else {
		mime = "text/html; charset=utf-8"
		if strings.HasPrefix(c.FullPath(), "/api/") {
			err = report.WriteHTML(&buf, ch, "en")
		} else {
			err = report.WriteHTMLWith(&buf, ch, reportLabels(localizer(c)))
		}
	}
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="changes-%d-%s.%s"`, id, ch.Summary.Lang, format))
	c.Data(http.StatusOK, mime, buf.Bytes())
}

// reviewersPage handles GET /reviewers: every account with a link to its report.
func (s *server) reviewersPage(c *gin.Context) {
	users, err := s.svc.Store().ListUsers(c.Request.Context())
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "reviewers", reviewersPage{base: s.newBase(c, localizer(c).T("page.reviewers.title")), Users: users})
}

type reviewersPage struct {
	base
	Users []store.User
}

// reviewerPage handles GET /reviewers/{name}?from=&to=: what one reviewer did
// over a period (default: the last 30 days).
func (s *server) reviewerPage(c *gin.Context) {
	from, to, ok := period(c)
	if !ok {
		s.showError(c, http.StatusBadRequest, "error.report.dates")
		return
	}
	r, err := s.svc.ReviewerReport(c.Request.Context(), c.Param("name"), from, to)
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := reviewerPage{base: s.newBase(c, r.Name), R: r, From: from.Format(dateLayout), To: to.AddDate(0, 0, -1).Format(dateLayout)}
	s.render(c, http.StatusOK, "reviewer", p)
}

type reviewerPage struct {
	base
	R        report.Reviewer
	From, To string // the period's first and last day, for the form
}

const dateLayout = "2006-01-02"

// period reads ?from=&to= (dates, YYYY-MM-DD, both included; or RFC 3339
// times) into [from, to); the default is the 30 days up to today.
func period(c *gin.Context) (time.Time, time.Time, bool) {
	today := time.Now().UTC().Truncate(24 * time.Hour)
	from, to := today.AddDate(0, 0, -29), today.AddDate(0, 0, 1)
	parse := func(v string, end bool) (time.Time, bool) {
		if t, err := time.Parse(dateLayout, v); err == nil {
			if end {
				t = t.AddDate(0, 0, 1)
			}
			return t, true
		}
		t, err := time.Parse(time.RFC3339, v)
		return t.UTC(), err == nil
	}
	var ok bool
	if v := strings.TrimSpace(c.Query("from")); v != "" {
		if from, ok = parse(v, false); !ok {
			return from, to, false
		}
	}
	if v := strings.TrimSpace(c.Query("to")); v != "" {
		if to, ok = parse(v, true); !ok {
			return from, to, false
		}
	}
	return from, to, true
}
