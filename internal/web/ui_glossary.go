package web

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"copydesk/internal/formats"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// glossaryPage lists the glossary of every language pair, with forms to add one
// term, import a TSV or CSV file, and delete terms.
type glossaryPage struct {
	base
	Pairs []glossaryPair
	Form  termForm
}

type glossaryPair struct {
	SourceLang, TargetLang string
	Terms                  []store.Term
}

type termForm struct {
	SourceLang, TargetLang, Source, Target, Note, Text string
}

func (s *server) glossaryRoutes(g *gin.RouterGroup) {
	g.GET("/glossary", s.glossaryPageHandler)
	g.POST("/glossary", s.addTermForm)
	g.POST("/glossary/import", s.importTermsForm)
	g.POST("/glossary/:id/delete", s.deleteTermForm)
}

// glossaryPageHandler handles GET /admin/glossary.
func (s *server) glossaryPageHandler(c *gin.Context) {
	s.renderGlossary(c, http.StatusOK, termForm{}, "")
}

func (s *server) renderGlossary(c *gin.Context, status int, form termForm, problem string) {
	terms, err := s.svc.Store().AllGlossaries(c.Request.Context())
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := glossaryPage{base: s.newBase(c, localizer(c).T("page.glossary.title")), Form: form}
	p.Error = problem
	if c.Query("done") == "1" {
		p.Flash = localizer(c).T("glossary.saved")
	}
	for _, t := range terms {
		if n := len(p.Pairs); n == 0 || p.Pairs[n-1].SourceLang != t.SourceLang || p.Pairs[n-1].TargetLang != t.TargetLang {
			p.Pairs = append(p.Pairs, glossaryPair{SourceLang: t.SourceLang, TargetLang: t.TargetLang})
		}
		last := &p.Pairs[len(p.Pairs)-1]
		last.Terms = append(last.Terms, t)
	}
	s.render(c, status, "glossary", p)
}

func readTermForm(c *gin.Context) termForm {
	return termForm{SourceLang: c.PostForm("source_lang"), TargetLang: c.PostForm("target_lang"),
		Source: c.PostForm("source"), Target: c.PostForm("target"), Note: c.PostForm("note"), Text: c.PostForm("text")}
}

// addTermForm handles POST /admin/glossary {source_lang, target_lang, source, target, note}.
func (s *server) addTermForm(c *gin.Context) {
	f := readTermForm(c)
	s.putTerms(c, f, []store.Term{{SourceLang: f.SourceLang, TargetLang: f.TargetLang, Source: f.Source, Target: f.Target, Note: f.Note}})
}

// importTermsForm handles POST /admin/glossary/import: a TSV or CSV file (or pasted
// text) with the header columns source and target, for one language pair.
func (s *server) importTermsForm(c *gin.Context) {
	f := readTermForm(c)
	var body io.Reader = strings.NewReader(f.Text)
	name := ""
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		file, err := fh.Open()
		if err != nil {
			s.fail(c, err, "file")
			return
		}
		defer file.Close()
		body, name = file, fh.Filename
	}
	format := "tsv"
	if strings.HasSuffix(strings.ToLower(name), ".csv") || (name == "" && !strings.Contains(firstLine(f.Text), "\t")) {
		format = "csv"
	}
	rows, err := formats.Parse(body, format)
	var perr *formats.ParseError
	if errors.As(err, &perr) {
		s.renderGlossary(c, http.StatusUnprocessableEntity, f, localizer(c).T("error.create.parse", "Problem", perr.Error()))
		return
	}
	if err != nil {
		s.fail(c, err, "file")
		return
	}
	terms := make([]store.Term, len(rows))
	for i, r := range rows {
		terms[i] = store.Term{SourceLang: f.SourceLang, TargetLang: f.TargetLang, Source: r.Source, Target: r.Target}
	}
	s.putTerms(c, f, terms)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func (s *server) putTerms(c *gin.Context, f termForm, terms []store.Term) {
	_, err := s.svc.AddTerms(c.Request.Context(), currentUser(c), terms)
	var pub *review.Error
	switch {
	case errors.As(err, &pub) && !errors.Is(err, review.ErrForbidden):
		s.renderGlossary(c, http.StatusUnprocessableEntity, f, s.publicText(c, pub))
	case err != nil:
		s.failAction(c, err)
	default:
		c.Redirect(http.StatusSeeOther, "/admin/glossary?done=1")
	}
}

// deleteTermForm handles POST /admin/glossary/{id}/delete.
func (s *server) deleteTermForm(c *gin.Context) {
	id, ok := s.formID(c, c.Param("id"))
	if !ok {
		return
	}
	if err := s.svc.DeleteTerm(c.Request.Context(), currentUser(c), id); err != nil {
		s.failAction(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/admin/glossary?done=1")
}
