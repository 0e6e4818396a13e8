// Package web serves Copydesk over HTTP with gin: the JSON API under /api/v1 and its
// middleware (body limits, authentication, request logs). Handlers bind and validate
// input, call the review rules, and map errors to statuses in one place.
package web

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
)

// Options configures the HTTP layer.
type Options struct {
	MaxBody int64        // largest request body accepted, in bytes; 0 means 32 MiB
	Logger  *slog.Logger // request and error log
}

// server carries what the handlers share.
type server struct {
	svc *review.Service
	log *slog.Logger
}

func init() { gin.SetMode(gin.ReleaseMode) }

// New returns the HTTP handler for the whole application.
func New(svc *review.Service, opt Options) http.Handler {
	if opt.MaxBody <= 0 {
		opt.MaxBody = 32 << 20
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	s := &server{svc: svc, log: opt.Logger}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(s.recoverPanic, s.logRequest, limitBody(opt.MaxBody))

	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })

	api := r.Group("/api/v1", s.requireToken)
	api.GET("/documents", s.listDocuments)
	api.POST("/documents", s.createDocument)
	api.GET("/documents/:id", s.getDocument)
	api.GET("/documents/:id/segments", s.listSegments)
	api.GET("/documents/:id/export", s.exportDocument)
	api.PUT("/segments/:id", s.editSegment)
	api.POST("/segments/:id/approve", s.approveSegment)
	api.POST("/segments/:id/reject", s.rejectSegment)
	api.GET("/segments/:id/revisions", s.listRevisions)

	r.NoRoute(func(c *gin.Context) { abortJSON(c, http.StatusNotFound, "no such page or API route") })
	r.NoMethod(func(c *gin.Context) {
		abortJSON(c, http.StatusMethodNotAllowed, "method "+c.Request.Method+" is not allowed here")
	})
	return r
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
