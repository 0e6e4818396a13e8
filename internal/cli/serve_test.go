package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"copydesk/internal/demo"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// syncBuffer is a bytes.Buffer that the server goroutine may write while the test
// reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a `copydesk serve` started by startServe.
type running struct {
	addr           string
	stdout, stderr *syncBuffer
	cancel         context.CancelFunc
	exited         chan struct{}
	code           int // valid once exited is closed
}

var runningLine = regexp.MustCompile(`Copydesk is running at http://([^/\s]+)/`)

const waitLimit = 30 * time.Second

// waitUntil polls cond until it holds, failing the test after waitLimit.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// startServe runs `copydesk serve --addr 127.0.0.1:0 --db db extra...` in a goroutine
// and returns once it has printed its address.
func startServe(t *testing.T, db string, extra ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{stdout: &syncBuffer{}, stderr: &syncBuffer{}, cancel: cancel, exited: make(chan struct{})}
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db}, extra...)
	go func() {
		defer close(r.exited)
		r.code = Run(ctx, args, IO{Stdin: strings.NewReader(""), Stdout: r.stdout, Stderr: r.stderr})
	}()
	t.Cleanup(func() { r.stop(t) })
	waitUntil(t, "the server's address", func() bool {
		select {
		case <-r.exited:
			t.Fatalf("serve exited early with %d; stderr:\n%s", r.code, r.stderr)
		default:
		}
		m := runningLine.FindStringSubmatch(r.stdout.String())
		if m != nil {
			r.addr = m[1]
		}
		return m != nil
	})
	return r
}

// stop cancels the server's context and returns Run's exit status.
func (r *running) stop(t *testing.T) int {
	t.Helper()
	r.cancel()
	select {
	case <-r.exited:
		return r.code
	case <-time.After(waitLimit):
		t.Fatal("serve did not return after its context was cancelled")
		return -1
	}
}

// get sends GET path with an optional bearer token and returns the status and body.
func (r *running) get(t *testing.T, path, token string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://"+r.addr+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{Timeout: waitLimit, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

type apiDocuments struct {
	Documents []struct {
		ID           int64  `json:"id"`
		Title        string `json:"title"`
		SourceLang   string `json:"source_lang"`
		Translations []struct {
			Lang   string         `json:"lang"`
			Total  int            `json:"total"`
			Counts map[string]int `json:"counts"`
		} `json:"translations"`
	} `json:"documents"`
}

// checkDemoListed asks the API for the documents and compares them with the demo.
func checkDemoListed(t *testing.T, r *running, token string) {
	t.Helper()
	status, body := r.get(t, "/api/v1/documents", token)
	if status != http.StatusOK {
		t.Fatalf("GET /api/v1/documents = %d %s", status, body)
	}
	var got apiDocuments
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	articles, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := demo.TextPairs()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != len(articles)+len(pairs) {
		t.Fatalf("the API lists %d documents, want the %d demo articles", len(got.Documents), len(articles)+len(pairs))
	}
	// Newest first: the Markdown articles, loaded last, come first.
	md := got.Documents[0]
	if md.Title != "The old harbour reopens to ferries" || md.SourceLang != "en" || md.Translations[0].Lang != "fr" {
		t.Errorf("Markdown demo article = %+v", md)
	}
	for i, d := range got.Documents[len(pairs):] {
		a := articles[len(articles)-1-i]
		if d.Title != a.Title || d.SourceLang != a.SourceLang || len(d.Translations) != 1 ||
			d.Translations[0].Lang != a.TargetLang || d.Translations[0].Total != len(a.Segments) ||
			d.Translations[0].Counts["mt"] != len(a.Segments) {
			t.Errorf("document %d = %+v, want demo article %q (%d segments, all mt)", i, d, a.Title, len(a.Segments))
		}
	}
}

func checkWALCheckpointed(t *testing.T, db string) {
	t.Helper()
	fi, err := os.Stat(db + "-wal")
	if err == nil && fi.Size() != 0 {
		t.Errorf("after serve stopped the -wal file has %d bytes, want 0 or no file", fi.Size())
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Error(err)
	}
}

var adminLine = regexp.MustCompile(`Log in as: admin\s+password: (\S+)\n`)

func TestServeDemo(t *testing.T) {
	db := tempDB(t)
	srv := startServe(t, db, "--demo")
	out := srv.stdout.String()
	m := adminLine.FindStringSubmatch(out)
	if m == nil || len(adminLine.FindAllString(out, -1)) != 1 {
		t.Fatalf("stdout = %q, want the admin password line once", out)
	}
	password := m[1]

	if status, body := srv.get(t, "/healthz", ""); status != http.StatusOK || !strings.Contains(string(body), `"ok"`) {
		t.Errorf("GET /healthz = %d %s", status, body)
	}
	if status, _ := srv.get(t, "/api/v1/documents", ""); status != http.StatusUnauthorized {
		t.Errorf("GET /api/v1/documents without a token = %d, want 401", status)
	}
	tok := runCLI(t, "", "token", "create", "--db", db, "--user", "admin")
	if tok.code != 0 {
		t.Fatalf("token create while serving: %+v", tok)
	}
	token := strings.TrimSpace(tok.stdout)
	checkDemoListed(t, srv, token)

	if code := srv.stop(t); code != 0 {
		t.Fatalf("serve returned %d after cancel; stderr:\n%s", code, srv.stderr)
	}
	if !strings.Contains(srv.stderr.String(), "loaded the demo articles") {
		t.Errorf("stderr does not log the demo load:\n%s", srv.stderr)
	}
	checkWALCheckpointed(t, db)
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		if n, err := st.CountUsers(ctx); err != nil || n != 1 {
			t.Errorf("CountUsers = %d, %v; want the admin only", n, err)
		}
		if n, err := st.CountDocuments(ctx); err != nil || n != 4 {
			t.Errorf("CountDocuments = %d, %v; want the 4 demo articles", n, err)
		}
		u, err := st.UserByName(ctx, "admin")
		if err != nil || u.Role != review.RoleAdmin {
			t.Fatalf("admin = %+v, %v", u, err)
		}
		if err := bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)); err != nil {
			t.Errorf("the printed admin password does not match the stored hash: %v", err)
		}
	})

	// A second start: no new admin, no second copy of the demo.
	again := startServe(t, db, "--demo")
	if out := again.stdout.String(); strings.Contains(out, "password") || strings.Contains(out, "Created") {
		t.Errorf("the second start printed a password: %q", out)
	}
	checkDemoListed(t, again, token)
	if code := again.stop(t); code != 0 {
		t.Fatalf("second serve returned %d; stderr:\n%s", code, again.stderr)
	}
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		users, _ := st.CountUsers(ctx)
		docs, _ := st.CountDocuments(ctx)
		if users != 1 || docs != 4 {
			t.Errorf("after the second start: %d users, %d documents; want 1 and 4", users, docs)
		}
	})
}

func TestServeFinishesRequestInFlight(t *testing.T) {
	db := tempDB(t)
	var token string
	withStore(t, db, func(ctx context.Context, svc *review.Service, st *store.Store) {
		if _, err := st.CreateUser(ctx, store.User{Name: "ed", Role: review.RoleReviewer, PasswordHash: "x"}); err != nil {
			t.Fatal(err)
		}
		var err error
		if token, err = svc.CreateToken(ctx, "ed"); err != nil {
			t.Fatal(err)
		}
	})
	srv := startServe(t, db)
	if out := srv.stdout.String(); strings.Contains(out, "password") {
		t.Errorf("an admin was created although an account exists: %q", out)
	}

	body := `{"title": "In flight", "source_lang": "fr", "target_lang": "en", "segments": [{"source": "Un.", "target": "One."}]}`
	conn, err := net.Dial("tcp", srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(waitLimit)); err != nil {
		t.Fatal(err)
	}
	head := fmt.Sprintf("POST /api/v1/documents HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n", srv.addr, token, len(body))
	if _, err := io.WriteString(conn, head+body[:20]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // let the handler start reading the body

	srv.cancel()
	waitUntil(t, "the shutdown to begin", func() bool { return strings.Contains(srv.stderr.String(), "shutting down") })
	select {
	case <-srv.exited:
		t.Fatalf("serve returned (%d) while a request was still in flight", srv.code)
	case <-time.After(300 * time.Millisecond):
	}

	if _, err := io.WriteString(conn, body[20:]); err != nil {
		t.Fatalf("finishing the request body after shutdown began: %v", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated || !strings.Contains(string(got), `"title":"In flight"`) {
		t.Errorf("in-flight POST = %d %s, want 201 with the document", resp.StatusCode, got)
	}
	if code := srv.stop(t); code != 0 {
		t.Fatalf("serve returned %d; stderr:\n%s", code, srv.stderr)
	}
	checkWALCheckpointed(t, db)
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		docs, err := st.ListDocuments(ctx)
		if err != nil || len(docs) != 1 || docs[0].Title != "In flight" {
			t.Errorf("documents after shutdown = %+v, %v; want the one posted in flight", docs, err)
		}
	})
}

func TestServeRefusesBadSettings(t *testing.T) {
	db := tempDB(t)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"addr without port", []string{"--addr", "localhost"}, "--addr"},
		{"port out of range", []string{"--addr", "127.0.0.1:70000"}, "port"},
		{"empty db", []string{"--addr", "127.0.0.1:0", "--db", ""}, "--db"},
		{"tiny max body", []string{"--addr", "127.0.0.1:0", "--max-body", "100"}, "--max-body"},
		{"an argument", []string{"--addr", "127.0.0.1:0", "now"}, `got "now"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFailure(t, runCLI(t, "", append([]string{"serve", "--db", db}, tc.args...)...), 2, tc.msg)
		})
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("refused settings still created the database: %v", err)
	}

	// An address already taken is a runtime failure (exit 1).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	r := runCLI(t, "", "serve", "--db", db, "--addr", ln.Addr().String())
	if r.code != 1 || !strings.HasSuffix(r.stderr, "\n") ||
		!strings.HasPrefix(r.stderr[strings.LastIndex(strings.TrimSuffix(r.stderr, "\n"), "\n")+1:], "copydesk: listen on ") {
		t.Errorf("serve on a busy address = %+v; want exit 1 and a last line \"copydesk: listen on …\"", r)
	}
}
