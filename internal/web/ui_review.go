package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"copydesk/internal/formats"
	"copydesk/internal/mt"
	"copydesk/internal/qa"
	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/textdiff"
)

// reviewPageSize is how many segments the review page shows at once. A page is a
// window of positions, so a 100,000-segment article renders as fast as a short one.
const reviewPageSize = 50

type reviewPage struct {
	base
	Doc        store.Document
	TargetLang string
	Progress   translationRow
	Others     []string // the document's other target languages
	Filter     store.Filter
	States     []string
	Matches    int
	Page       int
	Pages      int
	PrevURL    string
	NextURL    string
	Paragraphs []paragraphGroup
	CanEdit    bool
	CanMT      bool // a provider can translate the pair again
	Formats    []string
	Checks     []string // every check id, for the filter
	Back       string   // this page's URL, where forms return
	// EventsSince is where the live stream starts ("revision-comment"), read
	// before the segments so that no change between the two is missed.
	EventsSince string
	UIText      map[string]string
}

// scriptText holds the messages the page's script shows, by the key it uses.
var scriptText = map[string]string{
	"saving":           "segment.saving",
	"saved":            "segment.saved",
	"failed":           "segment.savefailed",
	"conflict":         "segment.conflict",
	"keepMine":         "action.keepmine",
	"takeTheirs":       "action.taketheirs",
	"theirs":           "segment.conflict.theirs",
	"mine":             "segment.conflict.mine",
	"allDone":          "segment.alldone",
	"needReason":       "segment.reason.needed",
	"offline":          "segment.offline",
	"fix":              "action.fix",
	"dismiss":          "action.dismiss",
	"noFix":            "segment.nofix",
	"suggest":          "action.suggest",
	"noSuggestion":     "segment.nosuggestion",
	"severity_error":   "severity.error",
	"severity_warning": "severity.warning",
}

type paragraphGroup struct {
	Number int
	Block  string // the block path of a Markdown or HTML article
	Rows   []segmentRow
}

type segmentRow struct {
	store.Segment
	Diff    []textdiff.Op
	Changed bool // the target differs from the machine text
	Checks  issueView
}

// readyTranslationPage reads the document of the path and its translation into
// ?lang=; a translation still being made (or failed) gets its progress page
// instead, and a missing one the error page. ok is false when it answered.
func (s *server) readyTranslationPage(c *gin.Context) (store.Document, store.Translation, bool) {
	id, ok := pathID(c, "document")
	if !ok {
		return store.Document{}, store.Translation{}, false
	}
	doc, err := s.svc.Store().Document(c.Request.Context(), id)
	if err != nil {
		s.failPage(c, err)
		return doc, store.Translation{}, false
	}
	tr, err := s.svc.Translation(c.Request.Context(), id, c.Query("lang"))
	if err != nil {
		s.failPage(c, err)
		return doc, tr, false
	}
	if review.NotReady(tr) != nil {
		s.translatingPage(c, doc, tr)
		return doc, tr, false
	}
	return doc, tr, true
}

// reviewPage handles GET /documents/{id}?lang=&state=&q=&page=.
func (s *server) reviewPage(c *gin.Context) {
	doc, tr, ok := s.readyTranslationPage(c)
	if !ok {
		return
	}
	ctx, id := c.Request.Context(), doc.ID
	lastRev, err := s.svc.Store().LastRevisionID(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	lastCom, err := s.svc.Store().LastCommentID(ctx)
	if err != nil {
		s.failPage(c, err)
		return
	}
	f := store.Filter{State: c.Query("state"), Query: c.Query("q"), Check: c.Query("check"), HasIssues: c.Query("issues") == "1"}
	if f.State != "" && !review.ValidState(f.State) {
		f.State = ""
	}
	if f.Check != "" && !knownCheck(f.Check) {
		f.Check = ""
	}
	pageNo, err := strconv.Atoi(c.DefaultQuery("page", "1"))
	if err != nil || pageNo < 1 {
		pageNo = 1
	}
	seg, err := s.svc.Store().ListSegments(ctx, tr, f, (pageNo-1)*reviewPageSize, reviewPageSize)
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := reviewPage{base: s.newBase(c, doc.Title), Doc: doc, TargetLang: tr.Lang,
		EventsSince: fmt.Sprintf("%d-%d", lastRev, lastCom), Filter: f, States: review.States,
		Matches: seg.Total, Page: pageNo, Pages: max(1, (seg.Total+reviewPageSize-1)/reviewPageSize),
		CanEdit: review.Can(currentUser(c).Role, review.ActEdit), Formats: formats.ExportFormats,
		Back: c.Request.URL.RequestURI(), UIText: map[string]string{}, Checks: qa.Checks()}
	if p.CanEdit && s.svc.MT() != nil {
		p.CanMT = len(mt.Offering(s.pairs(c), doc.SourceLang, tr.Lang)) > 0
	}
	loc := localizer(c)
	for k, id := range scriptText {
		p.UIText[k] = loc.T(id, "Name", "{name}")
	}
	p.UIText["changedBy"] = loc.T("segment.changedby", "Name", "{name}", "When", loc.T("time.justnow"))
	p.UIText["fixAll"] = loc.T("action.fixallshort")
	p.UIText["approvedOf"] = loc.T("document.approved.of", "Approved", "{approved}", "Total", "{total}")
	for _, t := range doc.Translations {
		if t.Lang == tr.Lang {
			p.Progress = newTranslationRow(t)
		} else {
			p.Others = append(p.Others, t.Lang)
		}
	}
	if pageNo > 1 {
		p.PrevURL = reviewURL(id, tr.Lang, f, pageNo-1)
	}
	if pageNo < p.Pages {
		p.NextURL = reviewURL(id, tr.Lang, f, pageNo+1)
	}
	for _, sg := range seg.Segments {
		row := segmentRow{Segment: sg, Changed: sg.Target != sg.MT, Diff: textdiff.Words(sg.MT, sg.Target),
			Checks: newIssueView(loc, sg)}
		if n := len(p.Paragraphs); n == 0 || p.Paragraphs[n-1].Number != sg.Paragraph {
			p.Paragraphs = append(p.Paragraphs, paragraphGroup{Number: sg.Paragraph, Block: sg.Block})
		}
		last := &p.Paragraphs[len(p.Paragraphs)-1]
		last.Rows = append(last.Rows, row)
	}
	s.render(c, http.StatusOK, "review", p)
}

// reviewURL is the review page of a translation with a filter and page number.
func reviewURL(docID int64, lang string, f store.Filter, page int) string {
	q := url.Values{"lang": {lang}}
	if f.State != "" {
		q.Set("state", f.State)
	}
	if f.Check != "" {
		q.Set("check", f.Check)
	}
	if f.HasIssues {
		q.Set("issues", "1")
	}
	if f.Query != "" {
		q.Set("q", f.Query)
	}
	if page > 1 {
		q.Set("page", strconv.Itoa(page))
	}
	return fmt.Sprintf("/documents/%d?%s", docID, q.Encode())
}

// failPage shows a page-level error: 404 for what does not exist, 400 for a bad
// language, else the common path.
func (s *server) failPage(c *gin.Context, err error) {
	if isNotFound(err) {
		s.showError(c, http.StatusNotFound, "error.notfound")
		return
	}
	if isMalformed(err) {
		s.showError(c, http.StatusBadRequest, "error.badrequest")
		return
	}
	s.fail(c, err, "page")
}
