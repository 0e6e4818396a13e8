// Package web serves Copydesk over HTTP with gin: the JSON API under /api/v1 and its
// middleware (body limits, authentication, request logs). Handlers bind and validate
// input, call the review rules, and map errors to statuses in one place.
package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/i18n"
	"copydesk/internal/review"
)

// Options configures the HTTP layer.
type Options struct {
	MaxBody int64        // largest request body accepted, in bytes; 0 means 32 MiB
	Logger  *slog.Logger // request and error log
	// Stopping, when closed, ends the live-update streams so that a graceful
	// shutdown need not wait for browsers to hang up.
	Stopping <-chan struct{}
	// TrustedProxies lists the addresses or CIDR ranges of reverse proxies whose
	// X-Forwarded-For header names the real client; none by default.
	TrustedProxies []string
}

// server carries what the handlers share.
type server struct {
	svc    *review.Service
	log    *slog.Logger
	i18n   *i18n.Bundle
	pages  *pages
	static *staticFiles
	origin *http.CrossOriginProtection
	events *broker
}

func init() { gin.SetMode(gin.ReleaseMode) }

// New is Build for callers that cannot go on without the handler (tests): the
// templates, static files and messages are embedded, so an error here is a bug in
// them and panics.
func New(svc *review.Service, opt Options) http.Handler {
	h, err := Build(svc, opt)
	if err != nil {
		panic(err)
	}
	return h
}

// Build returns the HTTP handler for the whole application, after parsing every
// template and message file once.
func Build(svc *review.Service, opt Options) (http.Handler, error) {
	if opt.MaxBody <= 0 {
		opt.MaxBody = 32 << 20
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	bundle, err := i18n.New()
	if err != nil {
		return nil, err
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	s := &server{svc: svc, log: opt.Logger, i18n: bundle, pages: pg, static: st,
		origin: http.NewCrossOriginProtection(), events: newBroker()}
	if opt.Stopping != nil {
		go func() {
			<-opt.Stopping
			s.events.close()
		}()
	}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	// The client address (for slowing down failed logins) is the connection's
	// peer, unless it is one of the configured proxies, whose X-Forwarded-For is
	// then believed.
	if err := r.SetTrustedProxies(opt.TrustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	r.MaxMultipartMemory = opt.MaxBody
	r.Use(s.recoverPanic, s.logRequest, securityHeaders, limitBody(opt.MaxBody))

	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.GET("/static/*file", st.serve)

	api := r.Group("/api/v1", s.requireToken)
	api.GET("/documents", s.listDocuments)
	api.POST("/documents", s.createDocument)
	api.GET("/documents/:id", s.getDocument)
	api.GET("/documents/:id/segments", s.listSegments)
	api.GET("/documents/:id/export", s.exportDocument)
	api.POST("/documents/:id/translations", s.addTranslation)
	api.POST("/documents/:id/translations/:lang/retry", s.retryTranslation)
	api.GET("/mt/pairs", s.mtPairs)
	api.GET("/documents/:id/report", s.documentReportAPI)
	api.GET("/documents/:id/changes", s.changeReportDownload)
	api.GET("/reviewers/:name/report", s.reviewerReportAPI)
	api.POST("/segments/:id/mt", s.machineAgain)
	api.POST("/segments/:id/tm", s.useMatch)
	api.GET("/segments/:id/matches", s.segmentMatches)
	api.GET("/memory", s.memoryPairs)
	api.GET("/memory/export", s.exportMemory)
	api.POST("/memory/import", s.importMemory)
	api.DELETE("/memory/:id", s.deleteMemory)
	api.PUT("/segments/:id", s.editSegment)
	api.POST("/segments/:id/approve", s.approveSegment)
	api.POST("/segments/:id/reject", s.rejectSegment)
	api.GET("/segments/:id/revisions", s.listRevisions)

	ui := r.Group("/", s.loadSession, s.checkCSRF)
	ui.GET("/login", s.loginForm)
	ui.POST("/login", s.login)
	ui.POST("/logout", s.logout)
	ui.POST("/language", s.switchLanguage)
	in := ui.Group("/", s.requireLogin)
	in.GET("/", s.documentsPage)
	s.memoryRoutes(in)
	in.POST("/documents", s.createDocumentForm)
	in.POST("/documents/translate", s.createTranslatedForm)
	in.POST("/documents/:id/translations", s.addTranslationForm)
	in.POST("/documents/:id/translations/:lang/retry", s.retryTranslationForm)
	in.POST("/segments/:id/mt", s.machineAgainForm)
	in.POST("/segments/:id/time", s.recordTime)
	in.POST("/segments/:id/categories", s.categoriseForm)
	in.POST("/segments/:id/categories/:cid/delete", s.uncategoriseForm)
	in.GET("/documents/:id/report", s.reportPage)
	in.GET("/documents/:id/changes", s.changeReportDownload)
	in.GET("/reviewers", s.reviewersPage)
	in.GET("/reviewers/:name", s.reviewerPage)
	in.POST("/segments/:id/tm", s.useMatchForm)
	in.GET("/documents/:id", s.reviewPage)
	in.GET("/documents/:id/export", s.exportDocument)
	in.GET("/documents/:id/events", s.segmentEvents)
	in.GET("/segments/:id/history", s.historyPage)
	in.POST("/segments/:id/save", s.saveSegmentForm)
	in.POST("/segments/:id/approve", s.approveSegmentForm)
	in.POST("/segments/:id/reject", s.rejectSegmentForm)
	in.POST("/segments/:id/revert", s.revertSegmentForm)
	in.POST("/segments/:id/comments", s.commentForm)
	in.POST("/segments/:id/fix", s.fixSegmentForm)
	in.POST("/segments/:id/dismiss", s.dismissSegmentForm)
	in.GET("/spelling/suggest", s.suggestSpelling)
	s.adminRoutes(in.Group("/admin"))

	r.NoRoute(func(c *gin.Context) {
		if strings.HasPrefix(c.Request.URL.Path, "/api/") {
			abortJSON(c, http.StatusNotFound, "no such API route")
			return
		}
		s.showError(c, http.StatusNotFound, "error.notfound")
	})
	r.NoMethod(func(c *gin.Context) {
		abortJSON(c, http.StatusMethodNotAllowed, "method "+c.Request.Method+" is not allowed here")
	})
	return r, nil
}

// securityHeaders keeps pages from being framed, sniffed or made to run scripts
// from elsewhere; the one script is a static file, so no inline code is allowed.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	c.Next()
}

// limitBody caps every request body; reading past the cap fails with
// *http.MaxBytesError, which readJSON turns into 413.
func limitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > n {
			abortJSON(c, http.StatusRequestEntityTooLarge, tooLarge(n))
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}

func (s *server) logRequest(c *gin.Context) {
	start := time.Now()
	c.Next()
	s.log.LogAttrs(c.Request.Context(), slog.LevelInfo, "request",
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.Int("status", c.Writer.Status()),
		slog.Duration("took", time.Since(start)))
}

func (s *server) recoverPanic(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v)
			}
			s.log.Error("panic in handler", "path", c.Request.URL.Path, "panic", v)
			abortJSON(c, http.StatusInternalServerError, "internal error")
		}
	}()
	c.Next()
}
