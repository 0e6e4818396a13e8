package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// createTranslated is POST /api/v1/documents with {"source_text", "format",
// "target_langs", "translate": true}: the article is stored and translated by
// machine in the background; the answer is 201 with each translation queued.
func (s *server) createTranslated(c *gin.Context, req createDocumentRequest) {
	if req.TargetText != "" || len(req.Segments) > 0 {
		abortJSON(c, http.StatusUnprocessableEntity, "with translate, send source_text and target_langs only: the translation is made by machine")
		return
	}
	langs := req.TargetLangs
	if len(langs) == 0 && req.TargetLang != "" {
		langs = []string{req.TargetLang}
	}
	u := currentUser(c)
	id, _, err := s.svc.CreateTranslated(c.Request.Context(), &u, review.NewSourceArticle{Title: req.Title,
		SourceLang: req.SourceLang, TargetLangs: langs, Source: req.SourceText, Format: req.Format})
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	s.created(c, id, func(d documentJSON) any { return d })
}

// addTranslation handles POST /api/v1/documents/{id}/translations {"lang"}: a
// new language, translated by machine in the background (202).
func (s *server) addTranslation(c *gin.Context) {
	if !allow(c, review.ActImport, "add translations") {
		return
	}
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	var req struct {
		Lang string `json:"lang"`
	}
	if !readJSON(c, &req) {
		return
	}
	tr, err := s.svc.AddMachineTranslation(c.Request.Context(), currentUser(c), id, req.Lang)
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	c.Header("Location", "/api/v1/documents/"+strconv.FormatInt(id, 10))
	c.JSON(http.StatusAccepted, toTranslationJSON(tr))
}

// retryTranslation handles POST /api/v1/documents/{id}/translations/{lang}/retry.
func (s *server) retryTranslation(c *gin.Context) {
	if !allow(c, review.ActImport, "retry translations") {
		return
	}
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	tr, err := s.svc.RetryTranslation(c.Request.Context(), currentUser(c), id, c.Param("lang"))
	if err != nil {
		s.fail(c, err, "document or translation")
		return
	}
	c.JSON(http.StatusAccepted, toTranslationJSON(tr))
}

// mtPairs handles GET /api/v1/mt/pairs: the configured providers, the
// language pairs they offer, and each provider's status (how many pairs, or
// why it could not say).
func (s *server) mtPairs(c *gin.Context) {
	type pairJSON struct {
		Source    string   `json:"source"`
		Target    string   `json:"target"`
		Providers []string `json:"providers"`
	}
	type statusJSON struct {
		Provider string `json:"provider"`
		Pairs    int    `json:"pairs"`
		Error    string `json:"error,omitempty"`
	}
	out := struct {
		Providers []string     `json:"providers"`
		Pairs     []pairJSON   `json:"pairs"`
		Status    []statusJSON `json:"status"`
	}{Providers: []string{}, Pairs: []pairJSON{}, Status: []statusJSON{}}
	if set := s.svc.MT(); set != nil {
		out.Providers = set.Names()
		for _, p := range s.pairs(c) {
			out.Pairs = append(out.Pairs, pairJSON{Source: p.Source, Target: p.Target, Providers: p.Providers})
		}
		// Why a provider offers nothing: its last answer, as the pairs above.
		for _, st := range set.Status() {
			js := statusJSON{Provider: st.Provider, Pairs: st.Pairs}
			if st.Err != nil {
				js.Error = st.Err.Error()
			}
			out.Status = append(out.Status, js)
		}
	}
	c.JSON(http.StatusOK, out)
}

// machineAgain handles POST /api/v1/segments/{id}/mt {"version", "provider"?}.
func (s *server) machineAgain(c *gin.Context) {
	s.writeSegment(c, false, func(u store.User, id int64, req segmentWrite) (store.Segment, error) {
		return s.svc.MachineAgain(c.Request.Context(), u, id, *req.Version, req.Provider)
	})
}

// useMatch handles POST /api/v1/segments/{id}/tm {"version", "memory_id"}.
func (s *server) useMatch(c *gin.Context) {
	s.writeSegment(c, false, func(u store.User, id int64, req segmentWrite) (store.Segment, error) {
		return s.svc.UseMatch(c.Request.Context(), u, id, *req.Version, req.MemoryID)
	})
}

// segmentMatches handles GET /api/v1/segments/{id}/matches: the memory's fuzzy
// matches for the segment's source, best first.
func (s *server) segmentMatches(c *gin.Context) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	sg, err := s.svc.Store().Segment(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err, "segment")
		return
	}
	ms, err := s.svc.Matches(c.Request.Context(), sg.SourceLang, sg.Lang, sg.Source, review.MaxMatches)
	if err != nil {
		s.fail(c, err, "segment")
		return
	}
	type matchJSON struct {
		ID        int64  `json:"id"`
		Score     int    `json:"score"`
		Source    string `json:"source"`
		Target    string `json:"target"`
		Reviewer  string `json:"reviewer"`
		ChangedAt string `json:"changed_at"`
	}
	out := []matchJSON{}
	for _, m := range ms {
		out = append(out, matchJSON{ID: m.ID, Score: m.Score, Source: m.Source, Target: m.Target, Reviewer: m.Reviewer,
			ChangedAt: m.ChangedAt.UTC().Format("2006-01-02T15:04:05Z")})
	}
	c.JSON(http.StatusOK, gin.H{"segment_id": id, "matches": out})
}
