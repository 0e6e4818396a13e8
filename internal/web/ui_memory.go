package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// memoryPage lists the language pairs of the translation memory with their
// sizes and TMX downloads, and takes a TMX file to add to it.
type memoryPage struct {
	base
	Pairs     []store.MemoryPair
	CanImport bool
}

func (s *server) memoryRoutes(g *gin.RouterGroup) {
	g.GET("/memory", s.memoryPageHandler)
	g.GET("/memory/export", s.exportMemoryPage)
	g.POST("/memory/import", s.importMemoryForm)
	g.POST("/memory/:id/delete", s.forgetMemoryForm)
}

// forgetMemoryForm handles POST /memory/{id}/delete from a match in the history
// panel {segment, back}: the entry leaves the memory, and the panel shows the
// segment's matches again.
func (s *server) forgetMemoryForm(c *gin.Context) {
	id, ok := pathID(c, "memory entry")
	if !ok {
		return
	}
	seg, _ := strconv.ParseInt(c.PostForm("segment"), 10, 64)
	s.afterPanelForm(c, seg, s.svc.ForgetMemory(c.Request.Context(), currentUser(c), id))
}

// memoryPageHandler handles GET /memory.
func (s *server) memoryPageHandler(c *gin.Context) {
	s.renderMemory(c, http.StatusOK, "")
}

func (s *server) renderMemory(c *gin.Context, status int, problem string) {
	pairs, err := s.svc.Store().MemoryPairs(c.Request.Context())
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := memoryPage{base: s.newBase(c, localizer(c).T("page.memory.title")), Pairs: pairs,
		CanImport: review.Can(currentUser(c).Role, review.ActImport)}
	p.Error = problem
	if n := c.Query("added"); n != "" {
		p.Flash = localizer(c).T("memory.added", "Count", n)
	}
	s.render(c, status, "memory", p)
}

// exportMemoryPage handles GET /memory/export?source_lang=&target_lang=.
func (s *server) exportMemoryPage(c *gin.Context) {
	src, tgt := c.Query("source_lang"), c.Query("target_lang")
	var buf bytes.Buffer
	if err := s.svc.ExportMemoryTMX(c.Request.Context(), &buf, src, tgt); err != nil {
		s.failPage(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="memory-%s-%s.tmx"`, url.PathEscape(src), url.PathEscape(tgt)))
	c.Data(http.StatusOK, "application/x-tmx+xml", buf.Bytes())
}

// importMemoryForm handles POST /memory/import: a TMX file, with the languages
// when the file does not say them.
func (s *server) importMemoryForm(c *gin.Context) {
	fh, err := c.FormFile("file")
	if err != nil {
		s.renderMemory(c, http.StatusUnprocessableEntity, localizer(c).T("error.create.nothing"))
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.failPage(c, err)
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		s.failPage(c, err)
		return
	}
	u := currentUser(c)
	n, err := s.svc.ImportMemoryTMX(c.Request.Context(), &u, bytes.NewReader(data), c.PostForm("source_lang"), c.PostForm("target_lang"))
	var pub *review.Error
	if errors.As(err, &pub) {
		s.renderMemory(c, http.StatusUnprocessableEntity, s.publicText(c, pub))
		return
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/memory?added=%d", n))
}
