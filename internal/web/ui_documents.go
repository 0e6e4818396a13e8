package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"copydesk/internal/formats"
	"copydesk/internal/mt"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

type documentsPage struct {
	base
	Documents []documentRow
	CanCreate bool
	Form      createForm
	Formats   []string
	MTPairs   []mt.Offer // the machine-translation pairs on offer
	MTTargets []string   // their target languages
}

type documentRow struct {
	store.Document
	Rows []translationRow
}

type translationRow struct {
	Lang     string
	Total    int
	Approved int
	Percent  int
	Counts   []stateCount
	// A translation a provider makes: its status, progress and failure.
	Status, Provider, Error string
	Done                    int
	Pending                 bool // queued or running
}

type stateCount struct {
	State string
	N     int
}

type createForm struct {
	Title, SourceLang, TargetLang, Format, Text string
	// An article and its translation, pasted or uploaded, aligned on import;
	// ArticleFormat is auto (from the uploaded file's name, else text), text,
	// markdown or html.
	SourceText, TargetText, ArticleFormat string
	// An article to translate by machine into these languages (comma-separated).
	TargetLangs string
}

// documentsPage handles GET /: the articles with their progress, and the form that
// creates one.
func (s *server) documentsPage(c *gin.Context) {
	s.renderDocuments(c, http.StatusOK, createForm{Format: "auto", ArticleFormat: "auto"}, "")
}

func (s *server) renderDocuments(c *gin.Context, status int, form createForm, formErr string) {
	docs, err := s.svc.Store().ListDocuments(c.Request.Context())
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	p := documentsPage{base: s.newBase(c, localizer(c).T("page.documents.title")), Form: form,
		CanCreate: review.Can(currentUser(c).Role, review.ActImport), Formats: formats.ImportFormats}
	p.Error = formErr
	if p.CanCreate {
		p.MTPairs = s.pairs(c)
		seen := map[string]bool{}
		for _, o := range p.MTPairs {
			if !seen[o.Target] {
				seen[o.Target] = true
				p.MTTargets = append(p.MTTargets, o.Target)
			}
		}
	}
	for _, d := range docs {
		row := documentRow{Document: d}
		for _, t := range d.Translations {
			row.Rows = append(row.Rows, newTranslationRow(t))
		}
		p.Documents = append(p.Documents, row)
	}
	s.render(c, status, "documents", p)
}

func newTranslationRow(t store.Translation) translationRow {
	tr := translationRow{Lang: t.Lang, Total: t.SegmentCount, Approved: t.Counts[review.StateApproved],
		Status: t.Status, Provider: t.Provider, Error: t.Error, Done: t.Done,
		Pending: t.Status == "queued" || t.Status == "running"}
	tr.Percent = percent(tr.Approved, tr.Total)
	for _, st := range review.States {
		tr.Counts = append(tr.Counts, stateCount{State: st, N: t.Counts[st]})
	}
	return tr
}

// createDocumentForm handles POST /documents: an article pasted or uploaded as
// JSON Lines, TSV or CSV, the same inputs as the import API.
func (s *server) createDocumentForm(c *gin.Context) {
	loc := localizer(c)
	form := createForm{Title: c.PostForm("title"), SourceLang: c.PostForm("source_lang"),
		TargetLang: c.PostForm("target_lang"), Format: c.DefaultPostForm("format", "auto"), Text: c.PostForm("text"),
		SourceText: c.PostForm("source_text"), TargetText: c.PostForm("target_text"),
		ArticleFormat: c.DefaultPostForm("article_format", "auto")}
	if !review.Can(currentUser(c).Role, review.ActImport) {
		s.showError(c, http.StatusForbidden, "error.forbidden")
		return
	}
	srcName, ok := s.uploadedText(c, "source_file", &form.SourceText)
	if !ok {
		return
	}
	if _, ok := s.uploadedText(c, "target_file", &form.TargetText); !ok {
		return
	}
	if strings.TrimSpace(form.SourceText) != "" || strings.TrimSpace(form.TargetText) != "" {
		if form.ArticleFormat == "auto" {
			form.ArticleFormat = review.ArticleFormatFor(srcName)
		}
		s.createFromTextsForm(c, form)
		return
	}
	var body io.Reader = strings.NewReader(form.Text)
	name := ""
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		f, err := fh.Open()
		if err != nil {
			s.fail(c, err, "file")
			return
		}
		defer f.Close()
		body, name = f, fh.Filename
	} else if strings.TrimSpace(form.Text) == "" {
		s.renderDocuments(c, http.StatusUnprocessableEntity, form, loc.T("error.create.nothing"))
		return
	}
	format, err := chooseFormat(form.Format, name, form.Text)
	if err != nil {
		s.renderDocuments(c, http.StatusUnprocessableEntity, form, loc.T("error.create.format"))
		return
	}
	rows, err := formats.Parse(body, format)
	var perr *formats.ParseError
	if errors.As(err, &perr) {
		s.renderDocuments(c, http.StatusUnprocessableEntity, form, loc.T("error.create.parse", "Problem", perr.Error()))
		return
	}
	if err != nil {
		s.fail(c, err, "file")
		return
	}
	nd := review.NewDocument{Title: form.Title, SourceLang: form.SourceLang, TargetLang: form.TargetLang,
		Segments: review.SegmentsFromRows(rows)}
	id, err := s.svc.CreateDocument(c.Request.Context(), currentUser(c), nd)
	if tr, ok := s.createdFromForm(c, form, id, err); ok {
		c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?lang=%s", id, url.QueryEscape(tr.Lang)))
	}
}

// uploadedText reads the file uploaded as field into text, when there is one,
// and returns its name.
func (s *server) uploadedText(c *gin.Context, field string, text *string) (string, bool) {
	fh, err := c.FormFile(field)
	if err != nil || fh.Size == 0 {
		return "", true
	}
	f, err := fh.Open()
	if err != nil {
		s.fail(c, err, "file")
		return "", false
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		s.fail(c, err, "file")
		return "", false
	}
	*text = string(data)
	return fh.Filename, true
}

// createdFromForm answers a refused article form (the form again, with the
// rule's message) and otherwise returns the new document's translation.
func (s *server) createdFromForm(c *gin.Context, form createForm, id int64, err error) (store.Translation, bool) {
	var pub *review.Error
	if errors.As(err, &pub) {
		s.renderDocuments(c, http.StatusUnprocessableEntity, form, s.publicText(c, pub))
		return store.Translation{}, false
	}
	if err != nil {
		s.fail(c, err, "document")
		return store.Translation{}, false
	}
	tr, err := s.svc.Translation(c.Request.Context(), id, "")
	if err != nil {
		s.fail(c, err, "document")
		return store.Translation{}, false
	}
	return tr, true
}

// alignedPage shows the alignment report after a two-text import.
type alignedPage struct {
	base
	DocID      int64
	Lang       string
	Report     review.ImportReport
	Unmatched  bool
	ReviewPath string
}

// createFromTextsForm imports an article and its translation pasted as two texts,
// then shows what the alignment did not pair one to one.
func (s *server) createFromTextsForm(c *gin.Context, form createForm) {
	u := currentUser(c)
	id, report, err := s.svc.CreateFromTexts(c.Request.Context(), &u, review.NewTexts{Title: form.Title,
		SourceLang: form.SourceLang, TargetLang: form.TargetLang, Source: form.SourceText, Target: form.TargetText,
		Format: form.ArticleFormat})
	tr, ok := s.createdFromForm(c, form, id, err)
	if !ok {
		return
	}
	p := alignedPage{base: s.newBase(c, localizer(c).T("page.aligned.title")), DocID: id, Lang: tr.Lang, Report: report,
		Unmatched:  len(report.UnmatchedSourceParagraphs)+len(report.UnmatchedTargetParagraphs) > 0,
		ReviewPath: fmt.Sprintf("/documents/%d?lang=%s", id, url.QueryEscape(tr.Lang))}
	s.render(c, http.StatusCreated, "aligned", p)
}

// chooseFormat picks the input format: as chosen, else from the file name, else
// guessed from pasted text (a JSON object, a tab in the header, or CSV).
func chooseFormat(chosen, filename, text string) (string, error) {
	for _, f := range formats.ImportFormats {
		if chosen == f {
			return f, nil
		}
	}
	if filename != "" {
		return formats.FormatFromFilename(filename)
	}
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\ufeff \t\r\n"), "\n")
	switch {
	case strings.HasPrefix(first, "{"):
		return "jsonl", nil
	case strings.Contains(first, "\t"):
		return "tsv", nil
	case strings.Contains(first, ","):
		return "csv", nil
	}
	return "", errors.New("cannot tell the format")
}
