package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// Paging limits for segment lists.
const (
	defaultPageSize = 100
	maxPageSize     = 1000
)

// listSegments handles GET /api/v1/documents/{id}/segments?lang=&state=&offset=&limit=.
func (s *server) listSegments(c *gin.Context) {
	id, ok := pathID(c, "document")
	if !ok {
		return
	}
	state := c.Query("state")
	if state != "" && !review.ValidState(state) {
		abortJSON(c, http.StatusBadRequest, "state must be one of mt, draft, approved, rejected")
		return
	}
	offset, ok := queryInt(c, "offset", 0, 0, review.MaxSegments)
	if !ok {
		return
	}
	limit, ok := queryInt(c, "limit", defaultPageSize, 1, maxPageSize)
	if !ok {
		return
	}
	tr, err := s.svc.ReadyTranslation(c.Request.Context(), id, c.Query("lang"))
	if err != nil {
		s.fail(c, err, "document or translation")
		return
	}
	f := store.Filter{State: state}
	if !checkFilter(c, &f) {
		return
	}
	page, err := s.svc.Store().ListSegments(c.Request.Context(), tr, f, offset, limit)
	if err != nil {
		s.fail(c, err, "document")
		return
	}
	out := make([]segmentJSON, len(page.Segments))
	for i, sg := range page.Segments {
		out[i] = toSegmentJSON(sg)
	}
	c.JSON(http.StatusOK, gin.H{"total": page.Total, "offset": offset, "limit": limit, "segments": out})
}

// queryInt reads an integer query parameter within [lo, hi], answering 400 otherwise.
func queryInt(c *gin.Context, name string, def, lo, hi int) (int, bool) {
	raw, present := c.GetQuery(name)
	if !present || raw == "" {
		return def, true
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		abortJSON(c, http.StatusBadRequest, name+" must be a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
		return 0, false
	}
	return n, true
}

type segmentWrite struct {
	Target   *string `json:"target"`
	Version  *int    `json:"version"`
	Reason   string  `json:"reason"`
	Provider string  `json:"provider"`  // POST /segments/{id}/mt
	MemoryID int64   `json:"memory_id"` // POST /segments/{id}/tm
}

// editSegment handles PUT /api/v1/segments/{id} {"target", "version"}.
func (s *server) editSegment(c *gin.Context) {
	s.writeSegment(c, true, func(u store.User, id int64, req segmentWrite) (store.Segment, error) {
		return s.svc.Edit(c.Request.Context(), u, id, *req.Version, *req.Target)
	})
}

// approveSegment handles POST /api/v1/segments/{id}/approve {"version"}.
func (s *server) approveSegment(c *gin.Context) {
	s.writeSegment(c, false, func(u store.User, id int64, req segmentWrite) (store.Segment, error) {
		return s.svc.Approve(c.Request.Context(), u, id, *req.Version)
	})
}

// rejectSegment handles POST /api/v1/segments/{id}/reject {"version", "reason"}.
func (s *server) rejectSegment(c *gin.Context) {
	s.writeSegment(c, false, func(u store.User, id int64, req segmentWrite) (store.Segment, error) {
		return s.svc.Reject(c.Request.Context(), u, id, *req.Version, req.Reason)
	})
}

// writeSegment is the shared path of every segment write: role check, body, version,
// the rule, and the answer, with 409 carrying the current segment.
func (s *server) writeSegment(c *gin.Context, needTarget bool, apply func(store.User, int64, segmentWrite) (store.Segment, error)) {
	if !allow(c, review.ActEdit, "change segments") {
		return
	}
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	var req segmentWrite
	if !readJSON(c, &req) {
		return
	}
	if req.Version == nil {
		abortJSON(c, http.StatusUnprocessableEntity, "version is required: send the version of the segment you read")
		return
	}
	if needTarget && req.Target == nil {
		abortJSON(c, http.StatusUnprocessableEntity, "target is required")
		return
	}
	sg, err := apply(currentUser(c), id, req)
	switch {
	case errors.Is(err, store.ErrConflict):
		c.AbortWithStatusJSON(http.StatusConflict, gin.H{
			"error":   "segment " + strconv.FormatInt(id, 10) + " has changed since version " + strconv.Itoa(*req.Version) + "; nothing was saved",
			"segment": toSegmentJSON(sg),
		})
	case err != nil:
		s.fail(c, err, "segment")
	default:
		c.JSON(http.StatusOK, toSegmentJSON(sg))
	}
}

type revisionJSON struct {
	Version   int       `json:"version"`
	Text      string    `json:"text"`
	State     string    `json:"state"`
	Kind      string    `json:"kind"`
	Reason    string    `json:"reason,omitempty"`
	Author    string    `json:"author"`
	CreatedAt time.Time `json:"created_at"`
	Distance  int       `json:"distance"`
}

// listRevisions handles GET /api/v1/segments/{id}/revisions.
func (s *server) listRevisions(c *gin.Context) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	revs, err := s.svc.Store().Revisions(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err, "segment")
		return
	}
	out := make([]revisionJSON, len(revs))
	for i, r := range revs {
		out[i] = revisionJSON{Version: r.Version, Text: r.Text, State: r.State, Kind: r.Kind,
			Reason: r.Reason, Author: r.Author, CreatedAt: r.CreatedAt, Distance: r.Distance}
	}
	c.JSON(http.StatusOK, gin.H{"segment_id": id, "revisions": out})
}
