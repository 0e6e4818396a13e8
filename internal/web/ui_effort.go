package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
)

// recordTime handles POST /segments/{id}/time {ms}: active editing time the
// review page measured (sent with navigator.sendBeacon, so the answer is 204).
func (s *server) recordTime(c *gin.Context) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	ms, err := strconv.ParseInt(c.PostForm("ms"), 10, 64)
	if err != nil {
		abortJSON(c, http.StatusBadRequest, "ms must be a number of milliseconds")
		return
	}
	if err := s.svc.RecordTime(c.Request.Context(), currentUser(c), id, ms); err != nil {
		s.fail(c, err, "segment")
		return
	}
	c.Status(http.StatusNoContent)
}

// categoriseForm handles POST /segments/{id}/categories {version, category,
// severity}: an error category for one revision, from the history panel.
func (s *server) categoriseForm(c *gin.Context) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	version, _ := strconv.Atoi(c.PostForm("version"))
	err := s.svc.Categorise(c.Request.Context(), currentUser(c), id, version, c.PostForm("category"), c.PostForm("severity"))
	s.afterPanelForm(c, id, err)
}

// uncategoriseForm handles POST /segments/{id}/categories/{cid}/delete.
func (s *server) uncategoriseForm(c *gin.Context) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	cid, err := strconv.ParseInt(c.Param("cid"), 10, 64)
	if err != nil {
		s.showError(c, http.StatusNotFound, "error.notfound")
		return
	}
	s.afterPanelForm(c, id, s.svc.Uncategorise(c.Request.Context(), currentUser(c), id, cid))
}

// afterPanelForm answers a form of the history panel: JSON for the page's
// script, else back to the history page.
func (s *server) afterPanelForm(c *gin.Context, id int64, err error) {
	if err != nil {
		s.failAction(c, err)
		return
	}
	if wantsJSON(c) {
		c.JSON(http.StatusOK, gin.H{"segment_id": id})
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d/history?back=%s", id, url.QueryEscape(safeNext(c.PostForm("back")))))
}
