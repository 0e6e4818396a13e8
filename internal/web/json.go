package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// readJSON reads the whole body into v. It answers the request itself and returns
// false when the body is too large (413), not UTF-8 or not one JSON value (400).
func readJSON(c *gin.Context, v any) bool {
	body, err := io.ReadAll(c.Request.Body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		abortJSON(c, http.StatusRequestEntityTooLarge, tooLarge(tooBig.Limit))
		return false
	}
	if err != nil {
		abortJSON(c, http.StatusBadRequest, "the request body could not be read")
		return false
	}
	if !utf8.Valid(body) {
		abortJSON(c, http.StatusBadRequest, "the request body is not valid UTF-8")
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		abortJSON(c, http.StatusBadRequest, "the request body is not valid JSON for this route: "+jsonProblem(err))
		return false
	}
	if err := dec.Decode(&struct{}{}); err != io.EOF {
		abortJSON(c, http.StatusBadRequest, "the request body holds more than one JSON value")
		return false
	}
	return true
}

// jsonProblem describes a decoding error without echoing the body.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return "syntax error at byte " + strconv.FormatInt(syn.Offset, 10)
	case errors.As(err, &typ):
		return "field " + strconv.Quote(typ.Field) + " must be " + typ.Type.String()
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the body is empty or cut short"
	}
	return "it could not be decoded"
}

// pathID reads the numeric :id path parameter, answering 404 when it is not one.
func pathID(c *gin.Context, what string) (int64, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id < 1 {
		if strings.HasPrefix(c.Request.URL.Path, "/api/") || wantsJSON(c) {
			abortJSON(c, http.StatusNotFound, what+" not found")
		} else {
			c.Data(http.StatusNotFound, "text/plain; charset=utf-8", []byte(localizer(c).T("error.notfound")))
			c.Abort()
		}
		return 0, false
	}
	return id, true
}

// segmentJSON is a segment as the API shows it.
type segmentJSON struct {
	ID         int64       `json:"id"`
	DocumentID int64       `json:"document_id"`
	Lang       string      `json:"lang"`
	Paragraph  int         `json:"paragraph"`
	Index      int         `json:"index"`
	Source     string      `json:"source"`
	MT         string      `json:"mt"`
	Target     string      `json:"target"`
	State      string      `json:"state"`
	Reason     string      `json:"reason,omitempty"`
	Version    int         `json:"version"`
	Issues     []issueJSON `json:"issues"`
	// Articles from Markdown and HTML: the block path, the inline tag table,
	// and the alignment grouping when not one sentence to one.
	Block    string          `json:"block,omitempty"`
	Tags     json.RawMessage `json:"tags,omitempty"`
	Grouping string          `json:"grouping,omitempty"`
}

// toSegmentJSON shows a segment to the API, its issues' messages in English.
func toSegmentJSON(sg store.Segment) segmentJSON {
	out := segmentJSON{ID: sg.ID, DocumentID: sg.DocumentID, Lang: sg.Lang, Paragraph: sg.Paragraph,
		Index: sg.Index, Source: sg.Source, MT: sg.MT, Target: sg.Target, State: sg.State,
		Reason: sg.Reason, Version: sg.Version, Issues: issuesJSON(fallbackLocalizer(), review.Issues(sg)),
		Block: sg.Block, Grouping: sg.Grouping}
	if sg.Tags != "" {
		out.Tags = json.RawMessage(sg.Tags)
	}
	return out
}

// translationJSON is one target language of a document with its progress.
type translationJSON struct {
	Lang   string         `json:"lang"`
	Total  int            `json:"total"`
	Counts map[string]int `json:"counts"`
	// Status is ready, or queued, running or failed for a translation a
	// provider makes; Done counts the segments filled so far.
	Status   string `json:"status"`
	Done     int    `json:"done"`
	Provider string `json:"provider,omitempty"`
	Error    string `json:"error,omitempty"`
}

func toTranslationJSON(t store.Translation) translationJSON {
	counts := make(map[string]int, len(review.States))
	for _, st := range review.States {
		counts[st] = t.Counts[st]
	}
	out := translationJSON{Lang: t.Lang, Total: t.SegmentCount, Counts: counts, Status: t.Status,
		Done: t.Done, Provider: t.Provider, Error: t.Error}
	if out.Status == "" {
		out.Status = "ready"
	}
	if out.Status == "ready" {
		out.Done = out.Total
	}
	return out
}

// documentJSON is a document as the API shows it.
type documentJSON struct {
	ID           int64             `json:"id"`
	Title        string            `json:"title"`
	SourceLang   string            `json:"source_lang"`
	Format       string            `json:"format"`
	CreatedAt    time.Time         `json:"created_at"`
	Translations []translationJSON `json:"translations"`
}

func toDocumentJSON(d store.Document) documentJSON {
	out := documentJSON{ID: d.ID, Title: d.Title, SourceLang: d.SourceLang, Format: d.Format, CreatedAt: d.CreatedAt,
		Translations: make([]translationJSON, len(d.Translations))}
	for i, t := range d.Translations {
		out.Translations[i] = toTranslationJSON(t)
	}
	return out
}
