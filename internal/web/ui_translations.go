package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/mt"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// translatingPage shows a translation a provider is making: its progress (the
// page reloads itself every two seconds until it is ready), or why it failed,
// with a button to try again.
func (s *server) translatingPage(c *gin.Context, doc store.Document, tr store.Translation) {
	p := translatingPage{base: s.newBase(c, doc.Title), Doc: doc, Tr: tr,
		CanRetry: review.Can(currentUser(c).Role, review.ActImport)}
	if tr.Status != "failed" {
		p.Refresh = 2
	}
	s.render(c, http.StatusOK, "translating", p)
}

type translatingPage struct {
	base
	Doc      store.Document
	Tr       store.Translation
	CanRetry bool
}

// createTranslatedForm handles POST /documents/translate: an article pasted or
// uploaded, to be translated by machine into the languages given.
func (s *server) createTranslatedForm(c *gin.Context) {
	form := createForm{Title: c.PostForm("title"), SourceLang: c.PostForm("source_lang"),
		TargetLangs: c.PostForm("target_langs"), SourceText: c.PostForm("source_text"),
		ArticleFormat: c.DefaultPostForm("article_format", "auto"), Format: "auto"}
	if !review.Can(currentUser(c).Role, review.ActImport) {
		s.showError(c, http.StatusForbidden, "error.forbidden")
		return
	}
	name, ok := s.uploadedText(c, "source_file", &form.SourceText)
	if !ok {
		return
	}
	if form.ArticleFormat == "auto" {
		form.ArticleFormat = review.ArticleFormatFor(name)
	}
	u := currentUser(c)
	id, _, err := s.svc.CreateTranslated(c.Request.Context(), &u, review.NewSourceArticle{Title: form.Title,
		SourceLang: form.SourceLang, TargetLangs: splitLangs(form.TargetLangs), Source: form.SourceText,
		Format: form.ArticleFormat})
	form.SourceText, form.TargetText = "", ""
	if tr, ok := s.createdFromForm(c, form, id, err); ok {
		c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?lang=%s", id, url.QueryEscape(tr.Lang)))
	}
}

// addTranslationForm handles POST /documents/{id}/translations {lang}.
func (s *server) addTranslationForm(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	tr, err := s.svc.AddMachineTranslation(c.Request.Context(), currentUser(c), id, c.PostForm("lang"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?lang=%s", id, url.QueryEscape(tr.Lang)))
}

// retryTranslationForm handles POST /documents/{id}/translations/{lang}/retry.
func (s *server) retryTranslationForm(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	tr, err := s.svc.RetryTranslation(c.Request.Context(), currentUser(c), id, c.Param("lang"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/documents/%d?lang=%s", id, url.QueryEscape(tr.Lang)))
}

// pairsTimeout bounds how long a page waits for the providers to say their
// pairs (they are cached for a minute): a provider that hangs must not hold up
// the article list or the review page.
const pairsTimeout = 2 * time.Second

// pairs lists the language pairs of the configured providers, sorted; none
// when no provider answers in time.
func (s *server) pairs(c *gin.Context) []mt.Offer {
	set := s.svc.MT()
	if set == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), pairsTimeout)
	defer cancel()
	offers, err := set.Pairs(ctx)
	if err != nil {
		s.log.Warn("machine translation pairs", "err", err)
	}
	return offers
}

// machineAgainForm handles POST /segments/{id}/mt {version, provider}.
func (s *server) machineAgainForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		return s.svc.MachineAgain(ctx, u, id, v, c.PostForm("provider"))
	})
}

// useMatchForm handles POST /segments/{id}/tm {version, memory_id}.
func (s *server) useMatchForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		var mid int64
		fmt.Sscan(c.PostForm("memory_id"), &mid)
		return s.svc.UseMatch(ctx, u, id, v, mid)
	})
}

// splitLangs splits a list of language tags at commas and spaces.
func splitLangs(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}
