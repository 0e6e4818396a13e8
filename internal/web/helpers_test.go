package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/web"
)

// testPassword is long enough for review.CreateUser.
const testPassword = "correct horse battery"

// env is one running API over a real SQLite store, with one user (and token) per role.
type env struct {
	srv *httptest.Server
	st  *store.Store
	svc *review.Service

	admin, reviewer, viewer string // API tokens
}

// newEnv starts the real router over a fresh store in t.TempDir(). maxBody 0 means
// 1 MiB.
func newEnv(t *testing.T, maxBody int64) *env {
	t.Helper()
	if maxBody == 0 {
		maxBody = 1 << 20
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	e := &env{st: st, svc: review.New(st)}
	for _, u := range []struct {
		name, role string
		token      *string
	}{
		{"ada", review.RoleAdmin, &e.admin},
		{"rita", review.RoleReviewer, &e.reviewer},
		{"victor", review.RoleViewer, &e.viewer},
	} {
		if _, err := e.svc.CreateUser(ctx, u.name, u.role, testPassword); err != nil {
			t.Fatalf("create user %s: %v", u.name, err)
		}
		if *u.token, err = e.svc.CreateToken(ctx, u.name); err != nil {
			t.Fatalf("create token for %s: %v", u.name, err)
		}
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	e.srv = httptest.NewServer(web.New(e.svc, web.Options{MaxBody: maxBody, Logger: logger}))
	t.Cleanup(e.srv.Close) // registered last, so it runs before the store closes
	return e
}

// reply is a finished HTTP exchange.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// newRequest builds a request to path. body is nil (none), a string or []byte (sent
// as is) or any other value (sent as JSON). token "" sends no Authorization header.
func (e *env) newRequest(t *testing.T, method, path, token string, body any) *http.Request {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("marshal request body: %v", err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req
}

// send runs req and reads the whole answer.
func (e *env) send(t *testing.T, req *http.Request) reply {
	t.Helper()
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read answer to %s %s: %v", req.Method, req.URL.Path, err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: data}
}

// call is newRequest followed by send.
func (e *env) call(t *testing.T, method, path, token string, body any) reply {
	t.Helper()
	return e.send(t, e.newRequest(t, method, path, token, body))
}

// expect fails the test unless r has the wanted status.
func (r reply) expect(t *testing.T, want int) reply {
	t.Helper()
	if r.status != want {
		t.Fatalf("status = %d, want %d; body: %s", r.status, want, r.body)
	}
	return r
}

// decodeBody decodes r's body as JSON into a T.
func decodeBody[T any](t *testing.T, r reply) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("decode %T from %q: %v", v, r.body, err)
	}
	return v
}

// errorMessage decodes an error answer and checks that it carries a message.
func errorMessage(t *testing.T, r reply) string {
	t.Helper()
	eb := decodeBody[apiError](t, r)
	if strings.TrimSpace(eb.Error) == "" {
		t.Fatalf("error answer without a message: %s", r.body)
	}
	return eb.Error
}

// Request and answer shapes of the API, written out again so that a change of a
// field name in the code breaks these tests.
type (
	segIn struct {
		Source    string `json:"source"`
		Target    string `json:"target"`
		Paragraph *int   `json:"paragraph,omitempty"`
	}
	docIn struct {
		Title      string  `json:"title"`
		SourceLang string  `json:"source_lang"`
		TargetLang string  `json:"target_lang"`
		Segments   []segIn `json:"segments"`
	}
	apiSegment struct {
		ID         int64  `json:"id"`
		DocumentID int64  `json:"document_id"`
		Lang       string `json:"lang"`
		Paragraph  int    `json:"paragraph"`
		Index      int    `json:"index"`
		Source     string `json:"source"`
		MT         string `json:"mt"`
		Target     string `json:"target"`
		State      string `json:"state"`
		Reason     string `json:"reason"`
		Version    int    `json:"version"`
	}
	apiTranslation struct {
		Lang   string         `json:"lang"`
		Total  int            `json:"total"`
		Counts map[string]int `json:"counts"`
	}
	apiDocument struct {
		ID           int64            `json:"id"`
		Title        string           `json:"title"`
		SourceLang   string           `json:"source_lang"`
		CreatedAt    time.Time        `json:"created_at"`
		Translations []apiTranslation `json:"translations"`
	}
	apiPage struct {
		Total    int          `json:"total"`
		Offset   int          `json:"offset"`
		Limit    int          `json:"limit"`
		Segments []apiSegment `json:"segments"`
	}
	apiRevision struct {
		Version   int       `json:"version"`
		Text      string    `json:"text"`
		State     string    `json:"state"`
		Kind      string    `json:"kind"`
		Reason    string    `json:"reason"`
		Author    string    `json:"author"`
		CreatedAt time.Time `json:"created_at"`
		Distance  int       `json:"distance"`
	}
	apiRevisions struct {
		SegmentID int64         `json:"segment_id"`
		Revisions []apiRevision `json:"revisions"`
	}
	apiError struct {
		Error   string      `json:"error"`
		Segment *apiSegment `json:"segment"`
	}
)

func intp(n int) *int { return &n }

// para returns n segments of one paragraph p, sources "S<p>.<i>", targets "T<p>.<i>".
func para(p, n int) []segIn {
	out := make([]segIn, n)
	for i := range out {
		tag := strconv.Itoa(p) + "." + strconv.Itoa(i+1)
		out[i] = segIn{Source: "S" + tag + ".", Target: "T" + tag + ".", Paragraph: intp(p)}
	}
	return out
}

// createDoc posts d as the reviewer and returns the created document.
func (e *env) createDoc(t *testing.T, d docIn) apiDocument {
	t.Helper()
	return decodeBody[apiDocument](t, e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, d).expect(t, http.StatusCreated))
}

// segments returns every segment of document id (its only translation), in order.
func (e *env) segments(t *testing.T, id int64) []apiSegment {
	t.Helper()
	r := e.call(t, http.MethodGet, "/api/v1/documents/"+strconv.FormatInt(id, 10)+"/segments?limit=1000", e.viewer, nil)
	return decodeBody[apiPage](t, r.expect(t, http.StatusOK)).Segments
}

// revisions returns a segment's history through the API.
func (e *env) revisions(t *testing.T, segID int64) []apiRevision {
	t.Helper()
	r := e.call(t, http.MethodGet, "/api/v1/segments/"+strconv.FormatInt(segID, 10)+"/revisions", e.viewer, nil)
	return decodeBody[apiRevisions](t, r.expect(t, http.StatusOK)).Revisions
}

// segPath is /api/v1/segments/{id} followed by suffix.
func segPath(id int64, suffix string) string {
	return "/api/v1/segments/" + strconv.FormatInt(id, 10) + suffix
}

// docPath is /api/v1/documents/{id} followed by suffix.
func docPath(id int64, suffix string) string {
	return "/api/v1/documents/" + strconv.FormatInt(id, 10) + suffix
}

// stored is what the database holds for one segment, and how many documents exist.
type stored struct {
	Segment   store.Segment
	Revisions []store.Revision
	Documents int
}

// snapshot reads segment id, its history and the document count from the store.
func (e *env) snapshot(t *testing.T, segID int64) stored {
	t.Helper()
	ctx := context.Background()
	var s stored
	var err error
	if s.Segment, err = e.st.Segment(ctx, segID); err != nil {
		t.Fatalf("read segment %d: %v", segID, err)
	}
	if s.Revisions, err = e.st.Revisions(ctx, segID); err != nil {
		t.Fatalf("read revisions of %d: %v", segID, err)
	}
	if s.Documents, err = e.st.CountDocuments(ctx); err != nil {
		t.Fatalf("count documents: %v", err)
	}
	return s
}

// unchanged fails the test when segment segID or the document count moved from before.
func (e *env) unchanged(t *testing.T, segID int64, before stored) {
	t.Helper()
	after := e.snapshot(t, segID)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("a refused request changed stored data:\nbefore %+v\nafter  %+v", before, after)
	}
}
