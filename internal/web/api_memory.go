package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
)

// memoryPairs handles GET /api/v1/memory: the language pairs of the translation
// memory with their entry counts.
func (s *server) memoryPairs(c *gin.Context) {
	pairs, err := s.svc.Store().MemoryPairs(c.Request.Context())
	if err != nil {
		s.fail(c, err, "memory")
		return
	}
	type pairJSON struct {
		SourceLang string `json:"source_lang"`
		TargetLang string `json:"target_lang"`
		Entries    int    `json:"entries"`
	}
	out := []pairJSON{}
	for _, p := range pairs {
		out = append(out, pairJSON{p.SourceLang, p.TargetLang, p.Entries})
	}
	c.JSON(http.StatusOK, gin.H{"pairs": out})
}

// exportMemory handles GET /api/v1/memory/export?source_lang=&target_lang=: the
// memory of a pair as TMX 1.4b.
func (s *server) exportMemory(c *gin.Context) {
	src, tgt := c.Query("source_lang"), c.Query("target_lang")
	var buf bytes.Buffer
	if err := s.svc.ExportMemoryTMX(c.Request.Context(), &buf, src, tgt); err != nil {
		s.fail(c, err, "memory")
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="memory-%s-%s.tmx"`, src, tgt))
	c.Data(http.StatusOK, "application/x-tmx+xml", buf.Bytes())
}

// importMemory handles POST /api/v1/memory/import?source_lang=&target_lang=
// with a TMX file as the body (the languages may be left to the file): all its
// pairs or none go into the memory.
func (s *server) importMemory(c *gin.Context) {
	if !allow(c, review.ActImport, "import into the memory") {
		return
	}
	body, ok := readBody(c)
	if !ok {
		return
	}
	u := currentUser(c)
	n, err := s.svc.ImportMemoryTMX(c.Request.Context(), &u, bytes.NewReader(body), c.Query("source_lang"), c.Query("target_lang"))
	if err != nil {
		s.fail(c, err, "memory")
		return
	}
	c.JSON(http.StatusOK, gin.H{"added": n})
}

// readBody reads a whole request body within the route's limit.
func readBody(c *gin.Context) ([]byte, bool) {
	body, err := io.ReadAll(c.Request.Body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		abortJSON(c, http.StatusRequestEntityTooLarge, tooLarge(tooBig.Limit))
		return nil, false
	}
	if err != nil {
		abortJSON(c, http.StatusBadRequest, "the request body could not be read")
		return nil, false
	}
	return body, true
}

// deleteMemory handles DELETE /api/v1/memory/{id}: 204, or 404 for an entry
// that is not there.
func (s *server) deleteMemory(c *gin.Context) {
	id, ok := pathID(c, "memory entry")
	if !ok {
		return
	}
	if err := s.svc.ForgetMemory(c.Request.Context(), currentUser(c), id); err != nil {
		s.fail(c, err, "memory entry")
		return
	}
	c.Status(http.StatusNoContent)
}
