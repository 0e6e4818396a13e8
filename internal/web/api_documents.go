package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
)

type createDocumentRequest struct {
	Title      string `json:"title"`
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	Segments   []struct {
		Source    string `json:"source"`
		Target    string `json:"target"`
		Paragraph *int   `json:"paragraph"`
	} `json:"segments"`
}

// createDocument handles POST /api/v1/documents.
func (s *server) createDocument(c *gin.Context) {
	if !allow(c, review.ActImport, "create documents") {
		return
	}
	var req createDocumentRequest
	if !readJSON(c, &req) {
		return
	}
	nd := review.NewDocument{Title: req.Title, SourceLang: req.SourceLang, TargetLang: req.TargetLang,
		Segments: make([]review.NewSegment, len(req.Segments))}
	for i, sg := range req.Segments {
		nd.Segments[i] = review.NewSegment{Source: sg.Source, Target: sg.Target, Paragraph: sg.Paragraph}
	}
	id, err := s.svc.CreateDocument(c.Request.Context(), currentUser(c), nd)
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	doc, err := s.svc.Store().Document(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	c.Header("Location", "/api/v1/documents/"+strconv.FormatInt(id, 10))
	c.JSON(http.StatusCreated, toDocumentJSON(doc))
}

// listDocuments handles GET /api/v1/documents.
func (s *server) listDocuments(c *gin.Context) {
	docs, err := s.svc.Store().ListDocuments(c.Request.Context())
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	out := make([]documentJSON, len(docs))
	for i, d := range docs {
		out[i] = toDocumentJSON(d)
	}
	c.JSON(http.StatusOK, gin.H{"documents": out})
}

// getDocument handles GET /api/v1/documents/{id}.
func (s *server) getDocument(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	doc, err := s.svc.Store().Document(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	c.JSON(http.StatusOK, toDocumentJSON(doc))
}
