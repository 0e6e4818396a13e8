package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/web"
)

// Browser tests drive the Debian package chromium, which .ci/deps.sh installs.
const (
	chromiumPath   = "/usr/bin/chromium"
	browserTimeout = 60 * time.Second // a whole test, browser start included
	stepTimeout    = 15 * time.Second // one wait in a test
)

// browserEnv is the real app on a loopback port over a fresh SQLite store, with two
// reviewers, one imported article, and one headless Chromium.
type browserEnv struct {
	srv     *httptest.Server
	svc     *review.Service
	docID   int64
	segs    []store.Segment // the article's segments in page order
	users   map[string]store.User
	browser context.Context // has the test's deadline
}

// newBrowserEnv sets everything up; the test fails (never skips) without Chromium.
func newBrowserEnv(t *testing.T) *browserEnv {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("browser tests need Chromium at %s (Debian package chromium; .ci/deps.sh installs it): %v", chromiumPath, err)
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
	e := &browserEnv{svc: review.New(st), users: map[string]store.User{}}
	for _, name := range []string{"rita", "rene"} {
		u, err := e.svc.CreateUser(ctx, name, review.RoleReviewer, testPassword)
		if err != nil {
			t.Fatalf("create user %s: %v", name, err)
		}
		e.users[name] = u
	}
	d := review.NewDocument{Title: "Le budget de la ville", SourceLang: "fr", TargetLang: "en"}
	for _, s := range articleSegments {
		d.Segments = append(d.Segments, review.NewSegment{Source: s.source, Target: s.target, Paragraph: intp(s.para)})
	}
	if e.docID, err = e.svc.ImportDocument(ctx, d); err != nil {
		t.Fatalf("import article: %v", err)
	}
	tr, err := e.svc.Translation(ctx, e.docID, "en")
	if err != nil {
		t.Fatalf("translation: %v", err)
	}
	list, err := st.ListSegments(ctx, tr, store.Filter{}, 0, 100)
	if err != nil {
		t.Fatalf("list segments: %v", err)
	}
	if e.segs = list.Segments; len(e.segs) != len(articleSegments) {
		t.Fatalf("imported %d segments, want %d", len(e.segs), len(articleSegments))
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	e.srv = httptest.NewServer(web.New(e.svc, web.Options{Logger: logger}))
	t.Cleanup(e.srv.Close) // after the browser's cleanup, which ends the event streams
	e.browser = startBrowser(t)
	return e
}

// startBrowser starts Chromium with a fresh profile and returns its context, which
// ends with the test or after browserTimeout.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	profile := t.TempDir() // registered before the browser's cleanup, so removed after it
	ctx, cancelTimeout := context.WithTimeout(context.Background(), browserTimeout)
	out := &lockedBuffer{}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
		chromedp.CombinedOutput(out),
	)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc() // waits for the browser process
		cancelTimeout()
		if t.Failed() {
			t.Logf("chromium output (end):\n%s", out.tail(3000))
		}
	})
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start %s: %v\n%s", chromiumPath, err, out.tail(3000))
	}
	return browser
}

// tab is one page in a browser context of its own (its own cookies), with what it
// reported: dialogs, console messages, and event streams opened.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	dialogs  []string
	console  []string
	problems []string // uncaught exceptions and CSP violations
	streams  []string // event streams opened (status 200)
}

func (e *browserEnv) newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(e.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	tb := &tab{ctx: ctx}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	responses := chromedp.Events(ctx, network.ResponseReceived)
	console := chromedp.Console(ctx)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			tb.record(&tb.dialogs, string(ev.Type)+": "+ev.Message)
			// Close it, or the page stays blocked.
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	go func() {
		for ev, err := range responses {
			if err != nil {
				return
			}
			if ev.Type == network.ResourceTypeEventSource && ev.Response != nil && ev.Response.Status == http.StatusOK {
				tb.record(&tb.streams, ev.Response.URL)
			}
		}
	}()
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			tb.record(&tb.console, m.String()+" ("+m.URL+")")
			if m.IsException() || strings.Contains(m.Text, "Content Security Policy") {
				tb.record(&tb.problems, m.String())
			}
		}
	}()
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, p := range tb.problems {
			t.Errorf("page problem: %s", p)
		}
		if len(tb.dialogs) > 0 {
			t.Errorf("page opened dialogs: %q", tb.dialogs)
		}
		if t.Failed() && len(tb.console) > 0 {
			t.Logf("console:\n%s", strings.Join(tb.console, "\n"))
		}
	})
	return tb
}

func (tb *tab) record(list *[]string, s string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	*list = append(*list, s)
}

func (tb *tab) count(list *[]string) int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return len(*list)
}

// do runs steps, each wait bounded by stepTimeout.
func (tb *tab) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs one action that returns a value.
func get[T any](t *testing.T, tb *tab, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// js evaluates a JavaScript expression in the page.
func js[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	return get(t, tb, chromedp.Evaluate[T](expr))
}

// waitJS polls expr until it is true, for at most d; on time-out it fails with
// what and the value of show, an expression that explains the state.
func waitJS(t *testing.T, tb *tab, d time.Duration, what, expr, show string) {
	t.Helper()
	if !eventually(d, func() bool { return js[bool](t, tb, "!!("+expr+")") }) {
		t.Fatalf("%s: not within %v; %s = %s", what, d, show, js[string](t, tb, "JSON.stringify("+show+")"))
	}
}

// click clicks the element that sel finds once the page has stopped scrolling:
// the script scrolls to the focused row smoothly, and a click computed during the
// scroll lands elsewhere.
func (tb *tab) click(t *testing.T, sel string) {
	t.Helper()
	last := -1.0
	if !eventually(5*time.Second, func() bool {
		y := js[float64](t, tb, `window.scrollY`)
		still := y == last
		last = y
		return still
	}) {
		t.Fatalf("the page keeps scrolling")
	}
	tb.do(t, "click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// navigate loads path and returns the document's HTTP status.
func (e *browserEnv) navigate(t *testing.T, tb *tab, path string) int64 {
	t.Helper()
	resp := get(t, tb, chromedp.NavigateResponse(e.srv.URL+path))
	return resp.Status
}

// login signs name in through the login form and lands on next.
func (e *browserEnv) login(t *testing.T, tb *tab, name, next string) {
	t.Helper()
	if st := e.navigate(t, tb, "/login?next="+url.QueryEscape(next)); st != http.StatusOK {
		t.Fatalf("GET /login: status %d", st)
	}
	tb.do(t, "fill the login form",
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), testPassword))
	resp := tb.response(t, "log in as "+name, chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)))
	if resp.Status != http.StatusOK || !strings.HasSuffix(resp.URL, next) {
		t.Fatalf("log in as %s: landed on %s with status %d, want %s", name, resp.URL, resp.Status, next)
	}
	if who := get(t, tb, chromedp.Text(chromedp.CSS(`.whoami`))); !strings.HasPrefix(who, name+" ") {
		t.Fatalf("top bar after login says %q, want user %s", who, name)
	}
}

// response runs step, which loads a page, and returns the page's HTTP response.
func (tb *tab) response(t *testing.T, what string, step chromedp.Action[chromedp.Void]) *network.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, step)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return resp
}

// waitLive waits until the page's event stream is open, so that later changes reach it.
func (tb *tab) waitLive(t *testing.T) {
	t.Helper()
	if !eventually(stepTimeout, func() bool { return tb.count(&tb.streams) > 0 }) {
		t.Fatalf("the page opened no event stream within %v", stepTimeout)
	}
}

// eventually polls cond until it holds, for at most d.
func eventually(d time.Duration, cond func() bool) bool {
	for deadline := time.Now().Add(d); !cond(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			return false
		}
	}
	return true
}

// reviewPath is the English review page of the article.
func (e *browserEnv) reviewPath() string {
	return "/documents/" + strconv.FormatInt(e.docID, 10) + "?lang=en"
}

// row is the CSS selector of a segment's row, followed by rest.
func row(id int64, rest string) string {
	return fmt.Sprintf(`article.seg[data-segment-id="%d"]%s`, id, rest)
}

// areaOf is the CSS selector of a segment's editor.
func areaOf(id int64) string { return row(id, " textarea[name=target]") }

// jsq quotes s for JavaScript (JSON is valid JavaScript).
func jsq(s string) string { return strconv.Quote(s) }

// replaceText selects everything in a segment's editor and types text over it.
func (tb *tab) replaceText(t *testing.T, id int64, text string) {
	t.Helper()
	tb.do(t, "replace the text of a segment",
		chromedp.Focus(chromedp.CSS(areaOf(id))),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(text))
	if got := get(t, tb, chromedp.Value(chromedp.CSS(areaOf(id)))); got != text {
		t.Fatalf("after select-all and typing, the editor holds %q, want %q", got, text)
	}
}

// segment reads a segment from the store.
func (e *browserEnv) segment(t *testing.T, id int64) store.Segment {
	t.Helper()
	sg, err := e.svc.Store().Segment(context.Background(), id)
	if err != nil {
		t.Fatalf("read segment %d: %v", id, err)
	}
	return sg
}

// shoot writes a full-page PNG named name to $COPYDESK_SHOTS, when it is set.
func (tb *tab) shoot(t *testing.T, name string) {
	t.Helper()
	png := get(t, tb, chromedp.FullScreenshot(100))
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("screenshot %s is not a PNG (%d bytes)", name, len(png))
	}
	dir := os.Getenv("COPYDESK_SHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshots: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatalf("screenshots: %v", err)
	}
}

// lockedBuffer collects the browser's output from its goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// tail is the end of the output, without the noise of a machine with no D-Bus.
func (b *lockedBuffer) tail(n int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var keep []string
	for _, l := range strings.Split(b.buf.String(), "\n") {
		if !strings.Contains(l, "dbus") {
			keep = append(keep, l)
		}
	}
	s := strings.Join(keep, "\n")
	return s[max(0, len(s)-n):]
}
