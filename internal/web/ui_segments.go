package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"copydesk/internal/effort"
	"copydesk/internal/mt"
	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/textdiff"
)

// uiSegment is a segment as the page's script receives it after a change.
type uiSegment struct {
	ID         int64         `json:"id"`
	Version    int           `json:"version"`
	Target     string        `json:"target"`
	MT         string        `json:"mt"`
	State      string        `json:"state"`
	StateLabel string        `json:"state_label"`
	Reason     string        `json:"reason,omitempty"`
	ChangedBy  string        `json:"changed_by"`
	Diff       []textdiff.Op `json:"diff"`
	Issues     []issueJSON   `json:"issues"`
}

func (s *server) toUISegment(c *gin.Context, sg store.Segment, by string) uiSegment {
	return uiSegment{ID: sg.ID, Version: sg.Version, Target: sg.Target, MT: sg.MT, State: sg.State,
		StateLabel: localizer(c).T("state." + sg.State), Reason: sg.Reason, ChangedBy: by,
		Diff: textdiff.Words(sg.MT, sg.Target), Issues: issuesJSON(localizer(c), review.Issues(sg))}
}

// segmentAction is one write from the review page: it reads the form, applies the
// rule and answers the script with JSON or the plain form with a redirect back.
type segmentAction func(ctx context.Context, u store.User, id int64, version int) (store.Segment, error)

func (s *server) segmentForm(c *gin.Context, act segmentAction) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	version, err := strconv.Atoi(c.PostForm("version"))
	if err != nil {
		s.showError(c, http.StatusUnprocessableEntity, "error.version")
		return
	}
	u := currentUser(c)
	sg, err := act(c.Request.Context(), u, id, version)
	switch {
	case errors.Is(err, store.ErrConflict):
		s.showConflict(c, sg, c.PostForm("target"))
		return
	case err != nil:
		s.failAction(c, err)
		return
	}
	s.events.notify(sg.TranslationID)
	if wantsJSON(c) {
		c.JSON(http.StatusOK, s.toUISegment(c, sg, u.Name))
		return
	}
	c.Redirect(http.StatusSeeOther, backTo(c, sg.ID))
}

// backTo is where a plain form returns: the review page it came from, at the row.
func backTo(c *gin.Context, segID int64) string {
	return safeNext(c.PostForm("back")) + "#seg-" + strconv.FormatInt(segID, 10)
}

// failAction answers a refused segment write.
func (s *server) failAction(c *gin.Context, err error) {
	var pub *review.Error
	switch {
	case errors.As(err, &pub):
		status := http.StatusUnprocessableEntity
		if errors.Is(err, review.ErrForbidden) {
			status = http.StatusForbidden
		} else if errors.Is(err, review.ErrMalformed) {
			status = http.StatusBadRequest
		}
		if wantsJSON(c) {
			abortJSON(c, status, s.publicText(c, pub))
			return
		}
		p := errorPage{base: s.newBase(c, localizer(c).T("page.error.title")), Status: status,
			Message: s.publicText(c, pub), Back: safeNext(c.PostForm("back"))}
		s.render(c, status, "error", p)
		c.Abort()
	case errors.Is(err, store.ErrNotFound):
		s.showError(c, http.StatusNotFound, "error.notfound")
	default:
		s.fail(c, err, "segment")
	}
}

type conflictPage struct {
	base
	Segment store.Segment
	Mine    string
	Back    string
}

// showConflict answers a write based on a stale version: the script gets both
// texts to let the editor choose; a plain form gets a page that does the same.
func (s *server) showConflict(c *gin.Context, current store.Segment, mine string) {
	if wantsJSON(c) {
		c.AbortWithStatusJSON(http.StatusConflict, gin.H{
			"error":   localizer(c).T("segment.conflict"),
			"segment": s.toUISegment(c, current, ""),
		})
		return
	}
	p := conflictPage{base: s.newBase(c, localizer(c).T("segment.conflict")), Segment: current, Mine: mine,
		Back: safeNext(c.PostForm("back"))}
	s.render(c, http.StatusConflict, "conflict", p)
	c.Abort()
}

// saveSegmentForm handles POST /segments/{id}/save {target, version}.
func (s *server) saveSegmentForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		return s.svc.Edit(ctx, u, id, v, c.PostForm("target"))
	})
}

// approveSegmentForm handles POST /segments/{id}/approve {version, target?}: a
// changed target is saved first, so that what the editor sees is what is approved.
func (s *server) approveSegmentForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		if target, ok := c.GetPostForm("target"); ok {
			// Refuse before saving what could not be approved anyway.
			if err := review.CheckApprovable(target); err != nil {
				return store.Segment{}, err
			}
			sg, err := s.svc.Edit(ctx, u, id, v, target)
			if err != nil {
				return sg, err
			}
			v = sg.Version
		}
		return s.svc.Approve(ctx, u, id, v)
	})
}

// rejectSegmentForm handles POST /segments/{id}/reject {version, reason}.
func (s *server) rejectSegmentForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		return s.svc.Reject(ctx, u, id, v, c.PostForm("reason"))
	})
}

// revertSegmentForm handles POST /segments/{id}/revert {version, to}.
func (s *server) revertSegmentForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		to, err := strconv.Atoi(c.PostForm("to"))
		if err != nil {
			to = 0 // no such version: Revert refuses it with a message
		}
		return s.svc.Revert(ctx, u, id, v, to)
	})
}

// commentForm handles POST /segments/{id}/comments {body}.
func (s *server) commentForm(c *gin.Context) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	cm, err := s.svc.AddComment(c.Request.Context(), currentUser(c), id, c.PostForm("body"))
	if err != nil {
		s.failAction(c, err)
		return
	}
	if sg, err := s.svc.Store().Segment(c.Request.Context(), id); err == nil {
		s.events.notify(sg.TranslationID)
	}
	if wantsJSON(c) {
		c.JSON(http.StatusOK, commentEvent{SegmentID: id, Author: cm.Author, Body: cm.Body, At: cm.CreatedAt})
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d/history?back=%s", id, url.QueryEscape(safeNext(c.PostForm("back")))))
}

// historyPage handles GET /segments/{id}/history: every revision with its author,
// time, kind, state and diff to the one before, revert buttons, and the comments.
// With ?partial=1 it is the panel the review page's script shows beside the row.
func (s *server) historyPage(c *gin.Context) {
	id, ok := pathID(c, "segment")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	sg, err := s.svc.Store().Segment(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	revs, err := s.svc.Store().Revisions(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	comments, err := s.svc.Store().Comments(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := historyPage{base: s.newBase(c, localizer(c).T("page.history.title")), Segment: sg, Comments: comments,
		CanEdit: review.Can(currentUser(c).Role, review.ActEdit), Back: safeNext(c.Query("back")),
		Partial: c.Query("partial") == "1"}
	if p.Back == "/" {
		p.Back = reviewURL(sg.DocumentID, sg.Lang, store.Filter{}, sg.Pos/reviewPageSize+1)
	}
	cats, err := s.svc.Store().SegmentCategories(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	catsOf := map[int][]store.Category{}
	for _, ct := range cats {
		catsOf[ct.Version] = append(catsOf[ct.Version], ct)
	}
	p.Categories, p.Severities = effort.Categories, effort.Severities
	prev := ""
	for i := len(revs) - 1; i >= 0; i-- { // newest first
		r := revs[i]
		if i > 0 {
			prev = revs[i-1].Text
		} else {
			prev = sg.MT
		}
		p.Revisions = append(p.Revisions, historyRow{Revision: r, Diff: textdiff.Words(prev, r.Text),
			Current: r.Version == sg.Version, Categories: catsOf[r.Version],
			Taggable: r.Kind != review.KindImport && r.Kind != review.KindApprove && r.Kind != review.KindReject})
	}
	if ms, err := s.svc.Matches(ctx, sg.SourceLang, sg.Lang, sg.Source, review.MaxMatches); err == nil {
		p.Matches = ms
	} else {
		s.log.Warn("memory matches", "segment", id, "err", err)
	}
	if s.svc.MT() != nil && p.CanEdit {
		p.Providers = mt.Offering(s.pairs(c), sg.SourceLang, sg.Lang)
	}
	name := "history"
	if p.Partial {
		name = "history_panel"
	}
	s.render(c, http.StatusOK, name, p)
}

type historyPage struct {
	base
	Segment   store.Segment
	Revisions []historyRow
	Comments  []store.Comment
	CanEdit   bool
	Partial   bool
	Back      string
	Matches   []review.Match // the memory's fuzzy matches for the source
	Providers []string       // who can translate the segment's pair again
	// The error categories and severities an edit may be given.
	Categories, Severities []string
}

type historyRow struct {
	store.Revision
	Diff       []textdiff.Op
	Current    bool
	Categories []store.Category // error categories given to this revision
	Taggable   bool             // a revision that changed the text may be given one
}
