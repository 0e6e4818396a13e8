package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"copydesk/internal/store"
)

// The browser helpers below are prefixed "desk" so that they do not clash with the
// API helpers or with the other browser test files of this package.

// deskReply is a finished exchange between the browser and a page.
type deskReply struct {
	status  int
	header  http.Header
	body    string
	cookies []*http.Cookie
}

// deskClient is one browser: a cookie jar, no automatic redirects, and the CSRF
// token of its session once logged in.
type deskClient struct {
	e    *env
	base *url.URL
	jar  *cookiejar.Jar
	hc   *http.Client
	csrf string
}

func newDeskClient(t *testing.T, e *env) *deskClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatalf("cookie jar: %v", err)
	}
	base, err := url.Parse(e.srv.URL)
	if err != nil {
		t.Fatalf("server URL: %v", err)
	}
	hc := &http.Client{Jar: jar, Transport: e.srv.Client().Transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &deskClient{e: e, base: base, jar: jar, hc: hc}
}

// newDeskClientFrom is a browser whose connections come from the loopback address
// ip (127.0.0.2, ...): the server sees another client address.
func newDeskClientFrom(t *testing.T, e *env, ip string) *deskClient {
	t.Helper()
	b := newDeskClient(t, e)
	tr := e.srv.Client().Transport.(*http.Transport).Clone()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	tr.DialContext = d.DialContext
	t.Cleanup(tr.CloseIdleConnections)
	b.hc.Transport = tr
	return b
}

// deskLogin logs name in through the login form and reads the session's CSRF token
// from the article list.
func deskLogin(t *testing.T, e *env, name string) *deskClient {
	t.Helper()
	b := newDeskClient(t, e)
	r := b.post(t, "/login", url.Values{"name": {name}, "password": {testPassword}, "next": {"/"}})
	r.expect(t, http.StatusSeeOther)
	page := b.get(t, "/").expect(t, http.StatusOK)
	b.csrf = deskCSRF(t, page.body)
	return b
}

var deskCSRFAttr = regexp.MustCompile(`<body[^>]* data-csrf="([^"]+)"`)

// deskCSRF returns the token in <body data-csrf="...">.
func deskCSRF(t *testing.T, body string) string {
	t.Helper()
	m := deskCSRFAttr.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no data-csrf on <body>:\n%.600s", body)
	}
	return html.UnescapeString(m[1])
}

// request sends one request; hdr holds header name/value pairs.
func (b *deskClient) request(t *testing.T, ctx context.Context, method, path string, body io.Reader, contentType string, hdr ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, b.e.srv.URL+path, body)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := b.hc.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

func (b *deskClient) do(t *testing.T, method, path string, body io.Reader, contentType string, hdr ...string) deskReply {
	t.Helper()
	return deskRead(t, b.request(t, context.Background(), method, path, body, contentType, hdr...))
}

func deskRead(t *testing.T, resp *http.Response) deskReply {
	t.Helper()
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read answer: %v", err)
	}
	return deskReply{status: resp.StatusCode, header: resp.Header, body: string(data), cookies: resp.Cookies()}
}

func (b *deskClient) get(t *testing.T, path string, hdr ...string) deskReply {
	t.Helper()
	return b.do(t, http.MethodGet, path, nil, "", hdr...)
}

// post sends form urlencoded, as it is (add the token with b.form).
func (b *deskClient) post(t *testing.T, path string, form url.Values, hdr ...string) deskReply {
	t.Helper()
	return b.do(t, http.MethodPost, path, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded", hdr...)
}

// postRaw posts form with the jar's cookies through the transport itself: unlike
// Client.Do it returns a Location that net/url cannot parse, as a browser gets it.
func (b *deskClient) postRaw(t *testing.T, path string, form url.Values) deskReply {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.e.srv.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range b.jar.Cookies(b.base) {
		req.AddCookie(c)
	}
	resp, err := b.hc.Transport.RoundTrip(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	return deskRead(t, resp)
}

// offsite reports where a browser goes with r's Location when it leaves this
// site, "" when it stays. Browsers drop tabs and newlines from a URL first.
func (b *deskClient) offsite(r deskReply) string {
	loc := strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(r.header.Get("Location"))
	u, err := b.base.Parse(loc)
	if err != nil || u.Host != b.base.Host {
		return fmt.Sprint(u, err)
	}
	return ""
}

// form returns pairs (name, value, ...) as form values with the session's token.
func (b *deskClient) form(pairs ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	v.Set("csrf_token", b.csrf)
	return v
}

// script posts pairs as the page's script does: multipart form data with
// Accept: application/json and the token in X-CSRF-Token.
func (b *deskClient) script(t *testing.T, path string, pairs ...string) deskReply {
	t.Helper()
	fields := b.form(pairs...)
	fields.Del("csrf_token")
	body, ctype := deskMultipart(fields, "", "", nil)
	return b.do(t, http.MethodPost, path, body, ctype, "Accept", "application/json", "X-CSRF-Token", b.csrf)
}

// deskMultipart encodes fields and, when fileField is set, one file. (Writes to a
// bytes.Buffer do not fail.)
func deskMultipart(fields url.Values, fileField, fileName string, file []byte) (io.Reader, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k := range fields {
		_ = mw.WriteField(k, fields.Get(k))
	}
	if fileField != "" {
		fw, _ := mw.CreateFormFile(fileField, fileName)
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	return &buf, mw.FormDataContentType()
}

// setCookie puts a cookie for the whole site into the jar, as a browser keeps it.
func (b *deskClient) setCookie(name, value string) {
	b.jar.SetCookies(b.base, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

// cookie returns the jar's value of cookie name, "" when there is none.
func (b *deskClient) cookie(name string) string {
	for _, c := range b.jar.Cookies(b.base) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func (r deskReply) expect(t *testing.T, want int) deskReply {
	t.Helper()
	if r.status != want {
		t.Fatalf("status = %d, want %d; body:\n%.1500s", r.status, want, r.body)
	}
	return r
}

// has fails the test unless the body contains every one of subs.
func (r deskReply) has(t *testing.T, subs ...string) deskReply {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(r.body, s) {
			t.Errorf("body lacks %q:\n%.3000s", s, r.body)
		}
	}
	return r
}

// lacks fails the test if the body contains any of subs.
func (r deskReply) lacks(t *testing.T, subs ...string) deskReply {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(r.body, s) {
			t.Errorf("body contains %q", s)
		}
	}
	return r
}

// setCookie returns the cookie called name that the answer set, or nil.
func (r deskReply) setCookie(name string) *http.Cookie {
	for _, c := range r.cookies {
		if c.Name == name {
			return c
		}
	}
	return nil
}

var deskRowAttr = regexp.MustCompile(`data-segment-id="(\d+)" data-state="([a-z]+)" data-version="(\d+)"`)

// deskRow is one segment row of a review page as its attributes show it.
type deskRow struct {
	ID      int64
	State   string
	Version int
}

// deskRows returns the segment rows of a review page in order.
func deskRows(body string) []deskRow {
	var out []deskRow
	for _, m := range deskRowAttr.FindAllStringSubmatch(body, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		v, _ := strconv.Atoi(m[3])
		out = append(out, deskRow{ID: id, State: m[2], Version: v})
	}
	return out
}

// deskIDs returns the ids of rows.
func deskIDs(rows []deskRow) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

// deskArticle creates, as rita through the API, an article fr → en of one paragraph
// of n segments ("S1.i." translated "T1.i.") and returns it with its segments.
func deskArticle(t *testing.T, e *env, title string, n int) (apiDocument, []apiSegment) {
	t.Helper()
	doc := e.createDoc(t, docIn{Title: title, SourceLang: "fr", TargetLang: "en", Segments: para(1, n)})
	return doc, e.segments(t, doc.ID)
}

func deskSeg(id int64, action string) string {
	return "/segments/" + strconv.FormatInt(id, 10) + "/" + action
}

func deskDoc(id int64, query string) string {
	return "/documents/" + strconv.FormatInt(id, 10) + query
}

// deskUser reads an account from the store, for changes made through the service.
func deskUser(t *testing.T, e *env, name string) store.User {
	t.Helper()
	u, err := e.st.UserByName(context.Background(), name)
	if err != nil {
		t.Fatalf("user %s: %v", name, err)
	}
	return u
}

// deskState is what a refused request must leave alone: a segment with its
// history, the document count, and the segment's comments.
type deskState struct {
	stored
	Comments []store.Comment
}

func deskSnapshot(t *testing.T, e *env, segID int64) deskState {
	t.Helper()
	cs, err := e.st.Comments(context.Background(), segID)
	if err != nil {
		t.Fatalf("comments of %d: %v", segID, err)
	}
	return deskState{stored: e.snapshot(t, segID), Comments: cs}
}

// deskEvent reads server-sent events until one called name and returns its data.
func deskEvent(t *testing.T, rd *bufio.Reader, name string) string {
	t.Helper()
	var event, data string
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatalf("read event stream waiting for %q: %v", name, err)
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case line == "":
			if event == name {
				return data
			}
			event, data = "", ""
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data += strings.TrimPrefix(line, "data: ")
		}
	}
}

// deskScriptSeg is a segment as the page's script receives it, in an answer or in
// an SSE "segment" event (which adds kind and author).
type deskScriptSeg struct {
	ID         int64  `json:"id"`
	Version    int    `json:"version"`
	Target     string `json:"target"`
	MT         string `json:"mt"`
	State      string `json:"state"`
	StateLabel string `json:"state_label"`
	Reason     string `json:"reason"`
	ChangedBy  string `json:"changed_by"`
	Kind       string `json:"kind"`
	Author     string `json:"author"`
	Diff       []struct{ Kind, Text string }
}

// deskOK fails the test when a change made through the service fails; use it as
// deskOK(t)(e.svc.Edit(...)).
func deskOK(t *testing.T) func(store.Segment, error) {
	return func(_ store.Segment, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("change through the service: %v", err)
		}
	}
}

func deskJSON[T any](t *testing.T, r deskReply) T {
	t.Helper()
	var v T
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q, want JSON", ct)
	}
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatalf("decode %T from %q: %v", v, r.body, err)
	}
	return v
}

func deskVersion(t *testing.T, e *env, id int64) string {
	return strconv.Itoa(e.snapshot(t, id).Segment.Version)
}

// deskUnchanged fails the test when segment id, its history or comments, or the
// document count moved from before.
func deskUnchanged(t *testing.T, e *env, id int64, before deskState) {
	t.Helper()
	if after := deskSnapshot(t, e, id); !reflect.DeepEqual(before, after) {
		t.Errorf("a refused request changed stored data:\nbefore %+v\nafter  %+v", before, after)
	}
}
