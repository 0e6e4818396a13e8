package web

import (
	"context"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"copydesk/internal/i18n"
	"copydesk/internal/qa"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// issueJSON is a check finding as the API and the page's script see it: message
// is the text (English in the API, the reader's language on pages).
type issueJSON struct {
	Check    string  `json:"check"`
	Severity string  `json:"severity"`
	Message  string  `json:"message"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Fix      *string `json:"fix,omitempty"`
}

func issuesJSON(loc *i18n.Localizer, issues []qa.Issue) []issueJSON {
	out := make([]issueJSON, len(issues))
	for i, is := range issues {
		out[i] = issueJSON{Check: is.Check, Severity: string(is.Severity), Message: issueText(loc, is),
			Start: is.Start, End: is.End, Fix: is.Fix}
	}
	return out
}

// issueText renders an issue's message with its arguments.
func issueText(loc *i18n.Localizer, is qa.Issue) string {
	pairs := make([]any, 0, 2*len(is.Args))
	for k, v := range is.Args {
		pairs = append(pairs, k, v)
	}
	return loc.T(is.Message, pairs...)
}

// markPart is a piece of a target text, marked when an issue points at it.
type markPart struct {
	Text  string
	Issue int // index into the issues, -1 when unmarked
}

// markedText cuts text at the issues' spans (the first issue wins where two
// overlap) so that a template can underline them.
func markedText(text string, issues []qa.Issue) []markPart {
	var parts []markPart
	pos := 0
	for i, is := range issues {
		if is.Start < pos || is.End > len(text) || is.Start > is.End {
			continue
		}
		if is.Start > pos {
			parts = append(parts, markPart{Text: text[pos:is.Start], Issue: -1})
		}
		if is.End > is.Start {
			parts = append(parts, markPart{Text: text[is.Start:is.End], Issue: i})
		} else {
			parts = append(parts, markPart{Text: "", Issue: i}) // something missing here
		}
		pos = is.End
	}
	if pos < len(text) {
		parts = append(parts, markPart{Text: text[pos:], Issue: -1})
	}
	return parts
}

// issueView is what the review page shows of a segment's checks.
type issueView struct {
	Issues  []issueJSON
	Parts   []markPart
	Fixable int
}

func newIssueView(loc *i18n.Localizer, sg store.Segment) issueView {
	issues := review.Issues(sg)
	v := issueView{Issues: issuesJSON(loc, issues), Parts: markedText(sg.Target, issues)}
	for _, is := range issues {
		if is.Fix != nil {
			v.Fixable++
		}
	}
	return v
}

// suggestSpelling handles GET /spelling/suggest?lang=&word=: the spelling
// suggestions for one word, on demand (they cost tens of milliseconds).
func (s *server) suggestSpelling(c *gin.Context) {
	lang, err := review.ParseLang("lang", c.Query("lang"))
	word := c.Query("word")
	if err != nil || word == "" || len(word) > 100 || !utf8.ValidString(word) {
		abortJSON(c, http.StatusBadRequest, "give lang and one word")
		return
	}
	list, ok := s.svc.Suggest(lang, word)
	if !ok {
		abortJSON(c, http.StatusNotFound, "no spelling dictionary for "+lang)
		return
	}
	if list == nil {
		list = []string{}
	}
	c.JSON(http.StatusOK, gin.H{"word": word, "suggestions": list})
}

// fixSegmentForm handles POST /segments/{id}/fix {version, index}: index is the
// issue to fix, or "all" for every mechanical fix.
func (s *server) fixSegmentForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		index := -1
		if raw := c.PostForm("index"); raw != "all" {
			n, err := strconv.Atoi(raw)
			if err != nil {
				n = -2 // no such issue: Fix refuses it
			}
			index = n
		}
		return s.svc.Fix(ctx, u, id, v, index)
	})
}

// dismissSegmentForm handles POST /segments/{id}/dismiss {version, check}.
func (s *server) dismissSegmentForm(c *gin.Context) {
	s.segmentForm(c, func(ctx context.Context, u store.User, id int64, v int) (store.Segment, error) {
		return s.svc.Dismiss(ctx, u, id, v, c.PostForm("check"))
	})
}

// checkFilter reads ?check= and ?issues= into f, answering 400 for an unknown check.
func checkFilter(c *gin.Context, f *store.Filter) bool {
	f.Check = c.Query("check")
	if f.Check != "" && !knownCheck(f.Check) {
		abortJSON(c, http.StatusBadRequest, "check must be one of the check ids (see README)")
		return false
	}
	switch c.Query("issues") {
	case "", "false", "0":
	case "true", "1":
		f.HasIssues = true
	default:
		abortJSON(c, http.StatusBadRequest, "issues must be true or false")
		return false
	}
	return true
}

func knownCheck(id string) bool {
	for _, c := range qa.Checks() {
		if c == id {
			return true
		}
	}
	return false
}

// checkData is what the "checks" template shows of a row.
type checkData struct {
	Row     segmentRow
	CanEdit bool
}
