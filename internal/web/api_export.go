package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"copydesk/internal/formats"
)

// exportDocument handles GET /api/v1/documents/{id}/export?lang=&format=&all=.
// The file is built in memory first so that a failure is still a clean error.
func (s *server) exportDocument(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	format := c.DefaultQuery("format", "txt")
	mime, ext, err := formats.ContentType(format)
	if err != nil {
		abortJSON(c, http.StatusBadRequest, "format must be one of "+strings.Join(formats.ExportFormats, ", "))
		return
	}
	all, err := parseBool(c.DefaultQuery("all", "false"))
	if err != nil {
		abortJSON(c, http.StatusBadRequest, "all must be true or false")
		return
	}
	a, err := s.svc.Export(c.Request.Context(), id, c.Query("lang"), all)
	if err != nil {
		s.fail(c, err, "document or translation")
		return
	}
	var buf bytes.Buffer
	if err := formats.Write(&buf, a, format); err != nil {
		s.fail(c, err, "document")
		return
	}
	c.Header("X-Unapproved-Segments", strconv.Itoa(a.Unapproved))
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="document-%d-%s%s"`, a.DocumentID, a.Lang, ext))
	c.Data(http.StatusOK, mime, buf.Bytes())
}

// parseBool accepts true/false/1/0 (any case).
func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "1":
		return true, nil
	case "false", "0", "":
		return false, nil
	}
	return false, fmt.Errorf("not a boolean: %q", s)
}
