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
	// An article and its translation as two texts, aligned on import.
	SourceText string `json:"source_text"`
	TargetText string `json:"target_text"`
	Format     string `json:"format"`
	// An article to translate by machine into TargetLangs.
	TargetLangs []string `json:"target_langs"`
	Translate   bool     `json:"translate"`
}

// alignmentJSON reports the groupings of a two-text import that were not 1–1,
// and what was set aside of an HTML page.
type alignmentJSON struct {
	Pairs                     int            `json:"pairs"`
	Groupings                 []groupingJSON `json:"groupings"`
	UnmatchedSourceParagraphs []int          `json:"unmatched_source_paragraphs"`
	UnmatchedTargetParagraphs []int          `json:"unmatched_target_paragraphs"`
	SetAside                  []string       `json:"set_aside"`
}

type groupingJSON struct {
	Paragraph int      `json:"paragraph"`
	Kind      string   `json:"kind"`
	Source    []string `json:"source"`
	Target    []string `json:"target"`
}

func toAlignmentJSON(r review.ImportReport) alignmentJSON {
	out := alignmentJSON{Pairs: r.Pairs, Groupings: []groupingJSON{},
		UnmatchedSourceParagraphs: append([]int{}, r.UnmatchedSourceParagraphs...),
		UnmatchedTargetParagraphs: append([]int{}, r.UnmatchedTargetParagraphs...),
		SetAside:                  append([]string{}, r.SetAside...)}
	for _, g := range r.NonOneToOne {
		out.Groupings = append(out.Groupings, groupingJSON{Paragraph: g.Paragraph, Kind: g.Kind, Source: g.Source, Target: g.Target})
	}
	return out
}

// createDocument handles POST /api/v1/documents.
func (s *server) createDocument(c *gin.Context) {
	if !allow(c, review.ActImport, "create documents") {
		return
	}
	var req createDocumentRequest
	if isMultipart(c) {
		s.createFromUpload(c)
		return
	}
	if !readJSON(c, &req) {
		return
	}
	if req.Translate {
		s.createTranslated(c, req)
		return
	}
	if req.SourceText != "" || req.TargetText != "" {
		s.createFromTexts(c, req)
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
	s.created(c, id, func(d documentJSON) any { return d })
}

// created answers 201 with the new document, shaped by show, and its Location.
func (s *server) created(c *gin.Context, id int64, show func(documentJSON) any) {
	doc, err := s.svc.Store().Document(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	c.Header("Location", "/api/v1/documents/"+strconv.FormatInt(id, 10))
	c.JSON(http.StatusCreated, show(toDocumentJSON(doc)))
}

// createFromTexts is POST /api/v1/documents with source_text and target_text.
func (s *server) createFromTexts(c *gin.Context, req createDocumentRequest) {
	if len(req.Segments) > 0 {
		abortJSON(c, http.StatusUnprocessableEntity, "send either segments or source_text and target_text, not both")
		return
	}
	u := currentUser(c)
	id, report, err := s.svc.CreateFromTexts(c.Request.Context(), &u, review.NewTexts{Title: req.Title,
		SourceLang: req.SourceLang, TargetLang: req.TargetLang, Source: req.SourceText, Target: req.TargetText,
		Format: req.Format})
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	s.createdAligned(c, id, report)
}

// createdAligned answers 201 with a document made from two texts and the
// report of their alignment.
func (s *server) createdAligned(c *gin.Context, id int64, report review.ImportReport) {
	s.created(c, id, func(d documentJSON) any {
		return struct {
			documentJSON
			Alignment alignmentJSON `json:"alignment"`
		}{d, toAlignmentJSON(report)}
	})
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
