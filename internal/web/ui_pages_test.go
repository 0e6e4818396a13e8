package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestUILoginForm(t *testing.T) {
	e := newEnv(t, 0)
	b := newDeskClient(t, e)
	r := b.get(t, "/login?next=%2Fdocuments%2F7").expect(t, http.StatusOK)
	r.has(t, `<form method="post" action="/login"`, `name="name"`, `name="password" type="password"`,
		`name="next" value="/documents/7"`, `<html lang="en">`, "Log in")
	if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}

	bad := b.post(t, "/login", url.Values{"name": {"rita"}, "password": {"wrong password"}})
	bad.expect(t, http.StatusUnauthorized).has(t, "Wrong user name or password.", `value="rita"`)
	if c := bad.setCookie("copydesk_session"); c != nil && c.Value != "" {
		t.Errorf("a failed login set the session cookie %q", c.Value)
	}
	if v := b.cookie("copydesk_session"); v != "" {
		t.Errorf("the jar holds a session after a failed login: %q", v)
	}
	// A login posted from another site is refused (login CSRF).
	cross := b.post(t, "/login", url.Values{"name": {"rita"}, "password": {testPassword}}, "Sec-Fetch-Site", "cross-site")
	if cross.expect(t, http.StatusForbidden).setCookie("copydesk_session") != nil {
		t.Errorf("a cross-site login set the session cookie")
	}
}

func TestUILoginRedirectAndCookie(t *testing.T) {
	e := newEnv(t, 0)
	for _, tc := range []struct{ next, want string }{
		{"", "/"},
		{"/documents/1?lang=en", "/documents/1?lang=en"},
		{"//evil.example", "/"},
		{"https://evil.example", "/"},
		{`/\evil.example`, "/"},
		{"javascript:alert(1)", "/"},
	} {
		b := newDeskClient(t, e)
		r := b.postRaw(t, "/login", url.Values{"name": {"rita"}, "password": {testPassword}, "next": {tc.next}})
		r.expect(t, http.StatusSeeOther)
		if loc := r.header.Get("Location"); loc != tc.want || b.offsite(r) != "" {
			t.Errorf("next=%q: Location = %q, want %q", tc.next, loc, tc.want)
		}
		c := r.setCookie("copydesk_session")
		if c == nil || c.Value == "" {
			t.Fatalf("next=%q: no session cookie; Set-Cookie %q", tc.next, r.header.Values("Set-Cookie"))
		}
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" || c.MaxAge <= 0 {
			t.Errorf("session cookie = %+v, want HttpOnly, SameSite=Lax, not Secure over http, Path=/, MaxAge>0", c)
		}
	}
}

func TestUILoginRequiredAndLogout(t *testing.T) {
	e := newEnv(t, 0)
	anon := newDeskClient(t, e)
	for path, want := range map[string]string{
		"/":                     "/login?next=%2F",
		"/documents/1?lang=en":  "/login?next=%2Fdocuments%2F1%3Flang%3Den",
		"/segments/1/history":   "/login?next=%2Fsegments%2F1%2Fhistory",
		"/admin":                "/login?next=%2Fadmin",
		"/documents/1/export?x": "/login?next=%2Fdocuments%2F1%2Fexport%3Fx",
	} {
		if r := anon.get(t, path).expect(t, http.StatusSeeOther); r.header.Get("Location") != want {
			t.Errorf("GET %s without a session: Location = %q, want %q", path, r.header.Get("Location"), want)
		}
	}
	anon.post(t, deskSeg(1, "save"), url.Values{"version": {"1"}, "target": {"x"}}).expect(t, http.StatusUnauthorized)

	b := deskLogin(t, e, "rita")
	old := b.cookie("copydesk_session")
	b.get(t, "/").expect(t, http.StatusOK).has(t, `action="/logout"`, "rita")
	r := b.post(t, "/logout", b.form()).expect(t, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/login" {
		t.Errorf("logout Location = %q, want /login", loc)
	}
	if c := r.setCookie("copydesk_session"); c == nil || c.MaxAge >= 0 {
		t.Errorf("logout did not clear the session cookie: %+v", c)
	}
	// The old cookie, sent again, no longer opens a session: it ended server-side.
	replay := newDeskClient(t, e)
	replay.setCookie("copydesk_session", old)
	replay.get(t, "/").expect(t, http.StatusSeeOther)
	replay.post(t, deskSeg(1, "save"), url.Values{"csrf_token": {b.csrf}, "version": {"1"}}).expect(t, http.StatusUnauthorized)
}

// Failed logins are counted per account ("user:"+lower-cased name) and per client
// address (gin's c.ClientIP(), which trusts no proxy header: the peer address);
// five in a row are free, then each attempt waits 1s, 2s, 4s... from the last
// failure, even one with the right password.
func TestUILoginThrottle(t *testing.T) {
	e := newEnv(t, 0)
	login := func(from, name, pw string, hdr ...string) deskReply { // each from a new browser
		return newDeskClientFrom(t, e, from).post(t, "/login", url.Values{"name": {name}, "password": {pw}}, hdr...)
	}
	for range 5 {
		login("127.0.0.1", "RITA", "wrong password").expect(t, http.StatusUnauthorized)
	}
	r := login("127.0.0.1", "rita", testPassword).expect(t, http.StatusTooManyRequests)
	r.has(t, "Too many failed attempts. Try again in 1 second.")
	if ra := r.header.Get("Retry-After"); ra != "1" {
		t.Errorf("Retry-After = %q, want 1", ra)
	}
	if c := r.setCookie("copydesk_session"); c != nil {
		t.Errorf("a throttled login set a session cookie")
	}
	login("127.0.0.2", "rita", testPassword).expect(t, http.StatusTooManyRequests)   // the account, from anywhere
	login("127.0.0.1", "victor", testPassword).expect(t, http.StatusTooManyRequests) // the address, for anyone
	login("127.0.0.2", "victor", testPassword).expect(t, http.StatusSeeOther)        // neither

	time.Sleep(1100 * time.Millisecond)
	login("127.0.0.1", "rita", testPassword).expect(t, http.StatusSeeOther) // and clears both counts
	login("127.0.0.1", "ada", testPassword).expect(t, http.StatusSeeOther)

	// Five accounts tried from one address: the address waits.
	for i := range 5 {
		login("127.0.0.3", fmt.Sprintf("nobody%d", i), "guess").expect(t, http.StatusUnauthorized)
	}
	login("127.0.0.3", "ada", testPassword).expect(t, http.StatusTooManyRequests)
	// A made-up X-Forwarded-For does not make it another address.
	login("127.0.0.3", "ada", testPassword, "X-Forwarded-For", "198.51.100.7", "X-Real-IP", "198.51.100.8").
		expect(t, http.StatusTooManyRequests)
	login("127.0.0.4", "ada", testPassword).expect(t, http.StatusSeeOther)
}

func TestUIDocumentList(t *testing.T) {
	e := newEnv(t, 0)
	doc, segs := deskArticle(t, e, "Budget vote", 4)
	ctx, rita := context.Background(), deskUser(t, e, "rita")
	deskOK(t)(e.svc.Approve(ctx, rita, segs[0].ID, 1))
	deskOK(t)(e.svc.Edit(ctx, rita, segs[1].ID, 1, "Edited."))
	deskOK(t)(e.svc.Reject(ctx, rita, segs[2].ID, 1, "wrong"))
	b := deskLogin(t, e, "rita")
	r := b.get(t, "/").expect(t, http.StatusOK)
	r.has(t, "<h1>Articles</h1>", fmt.Sprintf(`<a href="/documents/%d?lang=en">Budget vote</a>`, doc.ID),
		`<progress max="4" value="1"`, "1 of 4 approved", "25%",
		`<span class="count state-mt">Machine 1</span>`, `<span class="count state-draft">Draft 1</span>`,
		`<span class="count state-approved">Approved 1</span>`, `<span class="count state-rejected">Rejected 1</span>`,
		`<form method="post" action="/documents" enctype="multipart/form-data"`)
	for name, want := range map[string]string{
		"Content-Security-Policy": "", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Cache-Control": "no-store",
	} {
		got := r.header.Get(name)
		if got == "" || (want != "" && got != want) {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if csp := r.header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
}

func TestUIReviewPage(t *testing.T) {
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Two paragraphs", SourceLang: "fr", TargetLang: "en",
		Segments: append(para(1, 2), para(2, 3)...)})
	segs := e.segments(t, doc.ID)
	b := deskLogin(t, e, "rita")
	r := b.get(t, deskDoc(doc.ID, "?lang=en")).expect(t, http.StatusOK)
	rows := deskRows(r.body)
	if want := []int64{segs[0].ID, segs[1].ID, segs[2].ID, segs[3].ID, segs[4].ID}; !slices.Equal(deskIDs(rows), want) {
		t.Fatalf("rows %v, want %v", deskIDs(rows), want)
	}
	for _, row := range rows {
		if row.State != "mt" || row.Version != 1 {
			t.Errorf("row %+v, want state mt version 1", row)
		}
	}
	if n := strings.Count(r.body, `<textarea name="target"`); n != 5 {
		t.Errorf("%d target textareas, want 5", n)
	}
	r.lacks(t, " readonly>").has(t, `data-act="approve"`, "S2.3.", "T1.1.", "<h1 lang=\"fr\">Two paragraphs</h1>")
	sections := strings.Split(r.body, `<section class="para">`)[1:]
	if len(sections) != 2 {
		t.Fatalf("%d paragraph sections, want 2", len(sections))
	}
	for i, want := range [][]int64{{segs[0].ID, segs[1].ID}, {segs[2].ID, segs[3].ID, segs[4].ID}} {
		if got := deskIDs(deskRows(sections[i])); !slices.Equal(got, want) {
			t.Errorf("paragraph %d holds %v, want %v", i+1, got, want)
		}
	}
}

func TestUIReviewFilters(t *testing.T) {
	e := newEnv(t, 0)
	texts := [][2]string{
		{"The cat sat on the mat.", "Le chat était assis."},
		{"Profits rose 100% this year.", "Les profits ont augmenté de 100 %."},
		{"Use snake_case names.", "Utilisez snake_case."},
		{"Dogs bark.", "Les CHIENS aboient."},
		{"Rates rose 1000 points.", "Les taux ont pris 1000 points."},
		{"Take care.", "Prenez soin."},
	}
	in := docIn{Title: "Filters", SourceLang: "en", TargetLang: "fr"}
	for _, tx := range texts {
		in.Segments = append(in.Segments, segIn{Source: tx[0], Target: tx[1]})
	}
	doc := e.createDoc(t, in)
	segs := e.segments(t, doc.ID)
	ctx, rita := context.Background(), deskUser(t, e, "rita")
	for _, i := range []int{1, 3} {
		deskOK(t)(e.svc.Approve(ctx, rita, segs[i].ID, 1))
	}
	b := deskLogin(t, e, "rita")
	for _, tc := range []struct {
		query string
		want  []int
	}{
		{"state=approved", []int{1, 3}},
		{"state=mt", []int{0, 2, 4, 5}},
		{"q=CAT", []int{0}},
		{"q=chiens", []int{3}},
		{"q=" + url.QueryEscape("100%"), []int{1}},
		{"q=e_c", []int{2}},
		{"q=rose&state=approved", []int{1}},
		{"q=nowhere", nil},
		{"state=bogus", []int{0, 1, 2, 3, 4, 5}}, // an unknown state is no filter
	} {
		r := b.get(t, deskDoc(doc.ID, "?lang=fr&"+tc.query)).expect(t, http.StatusOK)
		var want []int64
		for _, i := range tc.want {
			want = append(want, segs[i].ID)
		}
		if got := deskIDs(deskRows(r.body)); !slices.Equal(got, want) {
			t.Errorf("%s: rows %v, want %v", tc.query, got, want)
		}
		if m := fmt.Sprintf(`data-matches="%d"`, len(want)); !strings.Contains(r.body, m) {
			t.Errorf("%s: page lacks %s", tc.query, m)
		}
	}
	b.get(t, deskDoc(doc.ID, "?lang=fr&state=approved")).has(t, "2 matches", `<option value="approved" selected>`)
}

func TestUIReviewPaging(t *testing.T) {
	e := newEnv(t, 0)
	doc, segs := deskArticle(t, e, "Long", 120)
	b := deskLogin(t, e, "rita")
	for _, tc := range []struct {
		query    string
		from, to int
	}{
		{"", 0, 50}, {"&page=2", 50, 100}, {"&page=3", 100, 120}, {"&page=0", 0, 50}, {"&page=x", 0, 50},
		{"&q=S1.&page=2", 50, 100}, // a filter pages with LIMIT/OFFSET
		{"&page=4", 0, 0},
	} {
		r := b.get(t, deskDoc(doc.ID, "?lang=en"+tc.query)).expect(t, http.StatusOK)
		var want []int64
		for _, sg := range segs[tc.from:tc.to] {
			want = append(want, sg.ID)
		}
		if got := deskIDs(deskRows(r.body)); !slices.Equal(got, want) {
			t.Errorf("%q: %d rows %v..., want segments %d..%d", tc.query, len(got), got[:min(3, len(got))], tc.from+1, tc.to)
		}
	}
	r := b.get(t, deskDoc(doc.ID, "?lang=en&page=2")).has(t, "Page 2 of 3", `data-matches="120"`,
		fmt.Sprintf(`href="/documents/%d?lang=en" rel="prev"`, doc.ID),
		fmt.Sprintf(`href="/documents/%d?lang=en&amp;page=3" rel="next"`, doc.ID))
	if strings.Count(r.body, `<textarea name="target"`) != 50 {
		t.Errorf("page 2 has %d textareas, want 50", strings.Count(r.body, `<textarea name="target"`))
	}
	b.get(t, deskDoc(doc.ID, "?lang=en&page=3")).has(t, "Page 3 of 3").lacks(t, `rel="next"`)
}

func TestUINotFoundPages(t *testing.T) {
	e := newEnv(t, 0)
	doc, _ := deskArticle(t, e, "One", 1)
	b := deskLogin(t, e, "rita")
	for _, path := range []string{
		"/documents/9999?lang=en", deskDoc(doc.ID, "?lang=de"), deskDoc(doc.ID, "?lang=xx"),
		"/segments/9999/history", "/segments/9999/history?partial=1", "/documents/abc", "/no/such/page",
	} {
		b.get(t, path).expect(t, http.StatusNotFound).has(t, "This page does not exist.")
	}
	b.get(t, deskDoc(doc.ID, "?lang=en")).expect(t, http.StatusOK)
	b.get(t, deskDoc(doc.ID, "")).expect(t, http.StatusOK) // the only translation
}

func TestUIStaticFiles(t *testing.T) {
	e := newEnv(t, 0)
	b := newDeskClient(t, e)
	page := b.get(t, "/login").expect(t, http.StatusOK)
	for _, tc := range []struct{ pattern, ctype string }{
		{`<link rel="stylesheet" href="(/static/app\.[0-9a-f]{10}\.css)">`, "text/css"},
		{`<script src="(/static/app\.[0-9a-f]{10}\.js)" defer>`, "javascript"},
	} {
		m := regexp.MustCompile(tc.pattern).FindStringSubmatch(page.body)
		if m == nil {
			t.Errorf("page lacks %s", tc.pattern)
			continue
		}
		r := b.get(t, m[1]).expect(t, http.StatusOK)
		if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
			t.Errorf("%s: Cache-Control = %q", m[1], cc)
		}
		if ct := r.header.Get("Content-Type"); !strings.Contains(ct, tc.ctype) || len(r.body) == 0 {
			t.Errorf("%s: Content-Type %q, %d bytes", m[1], ct, len(r.body))
		}
	}
	for _, path := range []string{"/static/app.0000000000.css", "/static/app.css", "/static/app.js", "/static/"} {
		b.get(t, path).expect(t, http.StatusNotFound)
	}
}

func TestUILanguage(t *testing.T) {
	e := newEnv(t, 0)
	anon := newDeskClient(t, e)
	anon.get(t, "/login", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").expect(t, http.StatusOK).
		has(t, `<html lang="fr">`, "Se connecter")
	anon.setCookie("copydesk_lang", "de")
	anon.get(t, "/login", "Accept-Language", "fr").has(t, `<html lang="de">`, "Anmelden")

	b := deskLogin(t, e, "rita")
	r := b.post(t, "/language", b.form("lang", "ko", "next", "/")).expect(t, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/" {
		t.Errorf("Location = %q, want /", loc)
	}
	if c := r.setCookie("copydesk_lang"); c == nil || c.Value != "ko" {
		t.Errorf("language cookie = %+v, want ko", c)
	}
	if u := deskUser(t, e, "rita"); u.Locale != "ko" {
		t.Errorf("stored locale = %q, want ko", u.Locale)
	}
	b.setCookie("copydesk_lang", "de")
	b.get(t, "/", "Accept-Language", "fr").expect(t, http.StatusOK).has(t, `<html lang="ko">`, "로그아웃")
	// A fresh login elsewhere finds the setting too.
	other := deskLogin(t, e, "rita")
	other.get(t, "/", "Accept-Language", "de").has(t, `<html lang="ko">`)

	for _, lang := range []string{"xx", "", "pt"} {
		b.post(t, "/language", b.form("lang", lang, "next", "/")).expect(t, http.StatusUnprocessableEntity)
	}
	if u := deskUser(t, e, "rita"); u.Locale != "ko" {
		t.Errorf("a refused switch changed the locale to %q", u.Locale)
	}
	// Without a session the switcher sets the cookie only.
	r = anon.post(t, "/language", url.Values{"lang": {"es"}, "next": {"/login"}}).expect(t, http.StatusSeeOther)
	if c := r.setCookie("copydesk_lang"); c == nil || c.Value != "es" || r.header.Get("Location") != "/login" {
		t.Errorf("anonymous switch: cookie %+v, Location %q", c, r.header.Get("Location"))
	}
}

// The language switcher returns to the URL of the page it is on; after a refused
// form that URL answered a POST and takes no GET (405 JSON today).
func TestUILanguageSwitchAfterRefusedForm(t *testing.T) {
	e := newEnv(t, 0)
	b := deskLogin(t, e, "rita")
	page := b.post(t, "/documents", b.form("title", "T", "text", "")).expect(t, http.StatusUnprocessableEntity)
	m := regexp.MustCompile(`<input type="hidden" name="next" value="([^"]*)">`).FindStringSubmatch(page.body)
	if m == nil {
		t.Fatal("no language switcher on the page")
	}
	r := b.post(t, "/language", b.form("lang", "fr", "next", html.UnescapeString(m[1]))).expect(t, http.StatusSeeOther)
	if back := b.get(t, r.header.Get("Location")); back.status != http.StatusOK {
		t.Errorf("switcher on a refused form goes back to %s: status %d", r.header.Get("Location"), back.status)
	}
}

// TestUIRedirectTargetsStayOnSite: browsers drop tabs from a URL, so a redirect
// to "/\t/evil.example" goes to //evil.example.
func TestUIRedirectTargetsStayOnSite(t *testing.T) {
	e := newEnv(t, 0)
	_, segs := deskArticle(t, e, "Next", 1)
	s1 := segs[0].ID
	const evil = "/\t/evil.example"
	anon := newDeskClient(t, e)
	b := deskLogin(t, e, "rita")
	for name, r := range map[string]deskReply{
		"login next":    anon.postRaw(t, "/login", url.Values{"name": {"rita"}, "password": {testPassword}, "next": {evil}}),
		"language next": b.postRaw(t, "/language", b.form("lang", "en", "next", evil)),
		"save back":     b.postRaw(t, deskSeg(s1, "save"), b.form("version", "1", "target", "X.", "back", evil)),
	} {
		r.expect(t, http.StatusSeeOther)
		if off := b.offsite(r); off != "" {
			t.Errorf("%s: Location %q sends the browser to %s", name, r.header.Get("Location"), off)
		}
	}
}

var deskKindRE = regexp.MustCompile(`<strong>v(\d+)</strong>\s*<span class="kind">([^<]*)</span>\s*<span class="state[^"]*">[^<]*</span>\s*<span>([^<]*)</span>`)

func TestUIHistory(t *testing.T) {
	e := newEnv(t, 0)
	doc, segs := deskArticle(t, e, "History", 1)
	s1 := segs[0].ID
	ctx := context.Background()
	deskOK(t)(e.svc.Edit(ctx, deskUser(t, e, "rita"), s1, 1, "Changed text."))
	deskOK(t)(e.svc.Approve(ctx, deskUser(t, e, "ada"), s1, 2))
	b := deskLogin(t, e, "rita")
	full := b.get(t, deskSeg(s1, "history")).expect(t, http.StatusOK)
	part := b.get(t, deskSeg(s1, "history?partial=1")).expect(t, http.StatusOK)
	full.has(t, "<html", fmt.Sprintf(`href="/documents/%d?lang=en#seg-%d"`, doc.ID, s1), "S1.1.", "No comments yet.")
	part.lacks(t, "<html", "<!doctype", "<header")
	for name, r := range map[string]deskReply{"page": full, "panel": part} {
		r.has(t, fmt.Sprintf(`data-history-for="%d"`, s1), "<del>T1.1</del><ins>Changed text</ins><span>.</span>",
			`name="to" value="2"`, `name="to" value="1"`).lacks(t, `name="to" value="3"`)
		var rows []string
		for _, m := range deskKindRE.FindAllStringSubmatch(r.body, -1) {
			rows = append(rows, m[1]+" "+m[2]+" "+m[3])
		}
		if want := []string{"3 approved ada", "2 edited rita", "1 imported rita"}; !slices.Equal(rows, want) {
			t.Errorf("%s: revisions %q, want %q (newest first)", name, rows, want)
		}
	}
}
