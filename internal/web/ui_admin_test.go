package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// browser is one logged-in person: a client with a cookie jar that does not
// follow redirects, so that each answer can be checked.
type browser struct {
	e    *env
	c    *http.Client
	csrf string
}

var (
	csrfRE   = regexp.MustCompile(`data-csrf="([^"]+)"`)
	secretRE = regexp.MustCompile(`<p class="secret">([^<]*)</p>`)
	formRE   = regexp.MustCompile(`<form\b`)
)

// newBrowser returns a client with an empty cookie jar.
func (e *env) newBrowser(t *testing.T) *browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &browser{e: e, c: c}
}

// tryLogin posts the login form and returns the answer.
func (b *browser) tryLogin(t *testing.T, name, password string) reply {
	t.Helper()
	return b.post(t, "/login", url.Values{"name": {name}, "password": {password}, "next": {"/"}})
}

// login logs a new browser in as name and reads its CSRF token from the home page.
func (e *env) login(t *testing.T, name, password string) *browser {
	t.Helper()
	b := e.newBrowser(t)
	r := b.tryLogin(t, name, password).expect(t, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/" {
		t.Fatalf("login as %s went to %q, want /", name, loc)
	}
	m := csrfRE.FindSubmatch(b.get(t, "/").expect(t, http.StatusOK).body)
	if m == nil {
		t.Fatalf("no data-csrf on the page after logging in as %s", name)
	}
	b.csrf = string(m[1])
	return b
}

func (b *browser) do(t *testing.T, req *http.Request) reply {
	t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s %s: %v", req.Method, req.URL.Path, err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: data}
}

func (b *browser) get(t *testing.T, path string) reply {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, b.e.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b.do(t, req)
}

// post sends form as is (add csrf_token yourself, or use submit).
func (b *browser) post(t *testing.T, path string, form url.Values) reply {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.e.srv.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(t, req)
}

// submit posts the fields given as name, value pairs, with the session's CSRF token.
func (b *browser) submit(t *testing.T, path string, pairs ...string) reply {
	t.Helper()
	form := url.Values{"csrf_token": {b.csrf}}
	for i := 0; i+1 < len(pairs); i += 2 {
		form.Set(pairs[i], pairs[i+1])
	}
	return b.post(t, path, form)
}

// text is the body with HTML entities decoded, for comparing with plain text.
func (r reply) text() string { return html.UnescapeString(string(r.body)) }

// has fails the test unless the raw body contains each of want.
func (r reply) has(t *testing.T, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(string(r.body), w) {
			t.Errorf("page lacks %q; body:\n%s", w, r.body)
		}
	}
}

// lacks fails the test when the raw body contains any of bad.
func (r reply) lacks(t *testing.T, bad ...string) {
	t.Helper()
	for _, w := range bad {
		if strings.Contains(string(r.body), w) {
			t.Errorf("page shows %q, which it must not", w)
		}
	}
}

// redirectsTo fails the test unless r is a 303 to loc.
func (r reply) redirectsTo(t *testing.T, loc string) {
	t.Helper()
	r.expect(t, http.StatusSeeOther)
	if got := r.header.Get("Location"); got != loc {
		t.Fatalf("redirect to %q, want %q", got, loc)
	}
}

// secret returns the one-time secret shown on the page.
func (r reply) secret(t *testing.T) string {
	t.Helper()
	m := secretRE.FindAllSubmatch(r.body, -1)
	if len(m) != 1 {
		t.Fatalf("page shows %d secrets, want 1; body:\n%s", len(m), r.body)
	}
	return html.UnescapeString(string(m[0][1]))
}

// userRow returns the HTML of user id's row on the admin page.
func (r reply) userRow(t *testing.T, id int64) string {
	t.Helper()
	body := string(r.body)
	start := strings.Index(body, `<tr id="user-`+strconv.FormatInt(id, 10)+`">`)
	if start < 0 {
		t.Fatalf("no row for user %d; body:\n%s", id, body)
	}
	end := strings.Index(body[start:], "</tr>")
	return body[start : start+end]
}

func (e *env) user(t *testing.T, name string) store.User {
	t.Helper()
	u, err := e.st.UserByName(context.Background(), name)
	if err != nil {
		t.Fatalf("user %s: %v", name, err)
	}
	return u
}

func (e *env) tokens(t *testing.T) []store.Token {
	t.Helper()
	toks, err := e.st.ListTokens(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return toks
}

// accounts is what the admin forms can change.
type accounts struct {
	Users  []store.User
	Tokens []store.Token
}

func (e *env) accounts(t *testing.T) accounts {
	t.Helper()
	users, err := e.st.ListUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return accounts{Users: users, Tokens: e.tokens(t)}
}

func idPath(format string, id int64) string {
	return strings.Replace(format, "{id}", strconv.FormatInt(id, 10), 1)
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestAdminPageListsUsersAndTokens(t *testing.T) {
	e := newEnv(t, 0)
	b := e.login(t, "ada", testPassword)
	r := b.get(t, "/admin").expect(t, http.StatusOK)
	r.has(t, "<h1>Users and tokens</h1>", "<h2>API tokens</h2>", `action="/admin/users"`)

	for _, u := range []struct{ name, role string }{{"ada", "admin"}, {"rita", "reviewer"}, {"victor", "viewer"}} {
		id := e.user(t, u.name).ID
		row := r.userRow(t, id)
		for _, want := range []string{
			"<strong>" + u.name + "</strong>",
			`<option value="` + u.role + `" selected>` + u.role + `</option>`,
			idPath(`action="/admin/users/{id}/role"`, id),
			idPath(`action="/admin/users/{id}/password"`, id),
			idPath(`name="user_id" value="{id}"`, id),
		} {
			if !strings.Contains(row, want) {
				t.Errorf("row of %s lacks %q:\n%s", u.name, want, row)
			}
		}
		if got := strings.Count(row, " selected"); got != 1 {
			t.Errorf("row of %s has %d selected roles, want 1", u.name, got)
		}
		if self := strings.Contains(row, "(you)"); self != (u.name == "ada") {
			t.Errorf("row of %s: marked as the viewer's own = %v", u.name, self)
		}
	}

	toks := e.tokens(t)
	if len(toks) != 3 {
		t.Fatalf("%d tokens in the store, want 3", len(toks))
	}
	for _, tok := range toks {
		r.has(t, "<code>"+tok.Hint+"</code>", idPath(`action="/admin/tokens/{id}/revoke"`, tok.ID))
		if !strings.HasPrefix(tok.Hint, "cdk_") || !strings.HasSuffix(tok.Hint, "…") {
			t.Errorf("hint %q does not look like cdk_XXXX…", tok.Hint)
		}
	}
	for _, secret := range []string{e.admin, e.reviewer, e.viewer} {
		r.lacks(t, secret, sha256Hex(secret))
	}
	r.lacks(t, e.user(t, "ada").PasswordHash, `class="secret"`)

	forms := len(formRE.FindAllIndex(r.body, -1))
	withToken := strings.Count(string(r.body), `<input type="hidden" name="csrf_token" value="`+b.csrf+`">`)
	if forms == 0 || forms != withToken {
		t.Errorf("%d forms, %d of them with the CSRF token", forms, withToken)
	}
}

// adminPosts are the admin forms, each with valid fields that would change something.
func adminPosts(e *env, t *testing.T) []struct{ path, field, value string } {
	victor, tok := e.user(t, "victor").ID, e.tokens(t)[0].ID
	return []struct{ path, field, value string }{
		{"/admin/users", "name", "newcomer"},
		{idPath("/admin/users/{id}/role", victor), "role", "admin"},
		{idPath("/admin/users/{id}/password", victor), "password", "another long password"},
		{"/admin/tokens", "user_id", strconv.FormatInt(victor, 10)},
		{idPath("/admin/tokens/{id}/revoke", tok), "", ""},
	}
}

func TestAdminForbiddenToOtherRoles(t *testing.T) {
	e := newEnv(t, 0)
	for _, name := range []string{"rita", "victor"} {
		t.Run(name, func(t *testing.T) {
			b := e.login(t, name, testPassword)
			r := b.get(t, "/admin").expect(t, http.StatusForbidden)
			r.has(t, "Your role does not allow this.")
			r.lacks(t, `href="/admin"`)
			before := e.accounts(t)
			for _, p := range adminPosts(e, t) {
				form := []string{"password", testPassword}
				if p.field != "" {
					form = []string{p.field, p.value, "role", "viewer", "password", "another long password"}
				}
				r := b.submit(t, p.path, form...)
				if r.status != http.StatusForbidden {
					t.Errorf("POST %s as %s: status %d, want 403", p.path, name, r.status)
				}
				r.has(t, "Your role does not allow this.")
			}
			if after := e.accounts(t); !reflect.DeepEqual(before, after) {
				t.Errorf("a refused form changed accounts:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

func TestAdminCSRF(t *testing.T) {
	e := newEnv(t, 0)
	b := e.login(t, "ada", testPassword)
	before := e.accounts(t)
	for _, p := range adminPosts(e, t) {
		for _, token := range []string{"", "wrong", b.csrf + "x"} {
			form := url.Values{"role": {"viewer"}, "password": {"another long password"}}
			if p.field != "" {
				form.Set(p.field, p.value)
			}
			if token != "" {
				form.Set("csrf_token", token)
			}
			r := b.post(t, p.path, form)
			if r.status != http.StatusForbidden {
				t.Errorf("POST %s with csrf_token %q: status %d, want 403", p.path, token, r.status)
			}
			r.has(t, "This form has expired or did not come from Copydesk.")
		}
	}
	if after := e.accounts(t); !reflect.DeepEqual(before, after) {
		t.Errorf("a request without the CSRF token changed accounts:\nbefore %+v\nafter  %+v", before, after)
	}
}

func TestAdminAddUser(t *testing.T) {
	e := newEnv(t, 0)
	b := e.login(t, "ada", testPassword)

	b.submit(t, "/admin/users", "name", "nadia", "role", "viewer", "password", "nadia's own password").
		redirectsTo(t, "/admin?done=user_added")
	if u := e.user(t, "nadia"); u.Role != review.RoleViewer {
		t.Errorf("nadia's role = %q, want viewer", u.Role)
	}
	r := b.get(t, "/admin?done=user_added").expect(t, http.StatusOK)
	r.has(t, `<p class="flash" role="status">User added.</p>`, "<strong>nadia</strong>")
	e.login(t, "nadia", "nadia's own password")

	r = b.submit(t, "/admin/users", "name", "omar", "role", "reviewer", "password", "").expect(t, http.StatusOK)
	r.has(t, `<p class="flash" role="status">User added.</p>`, "<h2>New password for omar</h2>", "it will not be shown again")
	pw := r.secret(t)
	if len(pw) != 20 {
		t.Errorf("generated password %q has %d characters, want 20", pw, len(pw))
	}
	if u := e.user(t, "omar"); u.Role != review.RoleReviewer {
		t.Errorf("omar's role = %q, want reviewer", u.Role)
	}
	if r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("page with a secret has Cache-Control %q, want no-store", r.header.Get("Cache-Control"))
	}
	omar := e.login(t, "omar", pw)
	omar.get(t, "/admin").expect(t, http.StatusForbidden)
	b.get(t, "/admin").expect(t, http.StatusOK).lacks(t, pw, `class="secret"`)

	t.Run("refused", func(t *testing.T) {
		before := e.accounts(t)
		for _, tc := range []struct{ name, role, password, message string }{
			{"rita", "viewer", "a long enough password", `a user called "rita" already exists`},
			{"nobody", "boss", "a long enough password", `role "boss" is not one of admin, reviewer, viewer`},
			{"samir", "viewer", "tiny-pw9", "the password must have at least 10 characters"},
			{"", "viewer", "a long enough password", `user name "" must be 1 to 64 letters`},
		} {
			r := b.submit(t, "/admin/users", "name", tc.name, "role", tc.role, "password", tc.password).
				expect(t, http.StatusUnprocessableEntity)
			if !strings.Contains(r.text(), tc.message) {
				t.Errorf("adding %q: page lacks %q", tc.name, tc.message)
			}
			r.has(t, `<p class="error" role="alert">`, `name="name" value="`+tc.name+`"`)
			if tc.password != "" {
				r.lacks(t, tc.password)
			}
		}
		if after := e.accounts(t); !reflect.DeepEqual(before, after) {
			t.Errorf("a refused user was stored:\nbefore %+v\nafter  %+v", before, after)
		}
	})

	t.Run("hostile name", func(t *testing.T) {
		const evil = `<script>alert(1)</script>`
		r := b.submit(t, "/admin/users", "name", evil, "role", "viewer", "password", "a long enough password").
			expect(t, http.StatusUnprocessableEntity)
		r.lacks(t, evil)
		r.has(t, `user name &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; must be`,
			`value="&lt;script&gt;alert(1)&lt;/script&gt;"`)
		if _, err := e.st.UserByName(context.Background(), evil); err == nil {
			t.Fatal("the hostile name was stored")
		}
		// Stored past the rules, as an older version or another tool might have:
		// the page still shows it as text.
		const evil2 = `<img src=x onerror=alert(2)>"`
		if _, err := e.st.CreateUser(context.Background(), store.User{Name: evil2, Role: "viewer", PasswordHash: "x"}); err != nil {
			t.Fatal(err)
		}
		r = b.get(t, "/admin").expect(t, http.StatusOK)
		r.lacks(t, evil2, "<img")
		r.has(t, "<strong>&lt;img src=x onerror=alert(2)&gt;&#34;</strong>",
			`aria-label="Role of &lt;img src=x onerror=alert(2)&gt;&#34;"`)
	})
}

func TestAdminSetRole(t *testing.T) {
	e := newEnv(t, 0)
	b := e.login(t, "ada", testPassword)
	victor := e.user(t, "victor").ID

	b.submit(t, idPath("/admin/users/{id}/role", victor), "role", "reviewer").redirectsTo(t, "/admin?done=role")
	if got := e.user(t, "victor").Role; got != review.RoleReviewer {
		t.Errorf("victor's role = %q, want reviewer", got)
	}
	r := b.get(t, "/admin?done=role").expect(t, http.StatusOK)
	r.has(t, `<p class="flash" role="status">Role changed.</p>`)
	if row := r.userRow(t, victor); !strings.Contains(row, `<option value="reviewer" selected>`) {
		t.Errorf("victor's row does not show the new role:\n%s", row)
	}

	before := e.accounts(t)
	ada := e.user(t, "ada").ID
	r = b.submit(t, idPath("/admin/users/{id}/role", ada), "role", "viewer").expect(t, http.StatusUnprocessableEntity)
	r.has(t, `<p class="error" role="alert">you cannot take the admin role away from yourself</p>`)
	r = b.submit(t, idPath("/admin/users/{id}/role", victor), "role", "chief").expect(t, http.StatusUnprocessableEntity)
	if !strings.Contains(r.text(), `role "chief" is not one of admin, reviewer, viewer`) {
		t.Errorf("bad role: page lacks the reason:\n%s", r.body)
	}
	for _, path := range []string{"/admin/users/999/role", "/admin/users/abc/role", "/admin/users/0/role"} {
		b.submit(t, path, "role", "viewer").expect(t, http.StatusNotFound).has(t, "This page does not exist.")
	}
	if after := e.accounts(t); !reflect.DeepEqual(before, after) {
		t.Errorf("a refused role change was stored:\nbefore %+v\nafter  %+v", before, after)
	}
	b.get(t, "/admin").expect(t, http.StatusOK) // still an admin
}

func TestAdminResetPassword(t *testing.T) {
	e := newEnv(t, 0)
	b := e.login(t, "ada", testPassword)
	rita := e.user(t, "rita").ID
	ritaBrowser := e.login(t, "rita", testPassword)

	const newPassword = "a brand new password"
	b.submit(t, idPath("/admin/users/{id}/password", rita), "password", newPassword).redirectsTo(t, "/admin?done=password")
	b.get(t, "/admin?done=password").expect(t, http.StatusOK).has(t, "Password changed.")
	ritaBrowser.get(t, "/").redirectsTo(t, "/login?next=%2F")
	e.newBrowser(t).tryLogin(t, "rita", testPassword).expect(t, http.StatusUnauthorized)
	ritaBrowser = e.login(t, "rita", newPassword)

	r := b.submit(t, idPath("/admin/users/{id}/password", rita), "password", "").expect(t, http.StatusOK)
	r.has(t, "<h2>New password for rita</h2>", "Password changed.", "it will not be shown again")
	generated := r.secret(t)
	ritaBrowser.get(t, "/").redirectsTo(t, "/login?next=%2F")
	e.login(t, "rita", generated)
	b.get(t, "/admin").expect(t, http.StatusOK).lacks(t, generated)

	before := e.accounts(t)
	r = b.submit(t, idPath("/admin/users/{id}/password", rita), "password", "short").expect(t, http.StatusUnprocessableEntity)
	r.has(t, "the password must have at least 10 characters")
	b.submit(t, "/admin/users/999/password", "password", newPassword).expect(t, http.StatusNotFound)
	if after := e.accounts(t); !reflect.DeepEqual(before, after) {
		t.Errorf("a refused reset changed accounts:\nbefore %+v\nafter  %+v", before, after)
	}
	e.login(t, "rita", generated)
}

func TestAdminTokens(t *testing.T) {
	e := newEnv(t, 0)
	b := e.login(t, "ada", testPassword)
	rita := e.user(t, "rita").ID

	r := b.submit(t, "/admin/tokens", "user_id", strconv.FormatInt(rita, 10)).expect(t, http.StatusOK)
	r.has(t, "<h2>New API token for rita</h2>", "it will not be shown again")
	token := r.secret(t)
	if !strings.HasPrefix(token, "cdk_") || len(token) < 40 {
		t.Fatalf("token %q does not look like a Copydesk token", token)
	}
	e.call(t, http.MethodGet, "/api/v1/documents", token, nil).expect(t, http.StatusOK)

	var tok store.Token
	for _, x := range e.tokens(t) {
		if x.Hint == token[:8]+"…" && x.UserName == "rita" {
			tok = x
		}
	}
	if tok.ID == 0 {
		t.Fatalf("no stored token with hint %q for rita among %+v", token[:8]+"…", e.tokens(t))
	}
	page := b.get(t, "/admin").expect(t, http.StatusOK)
	page.has(t, "<code>"+tok.Hint+"</code>")
	page.lacks(t, token, sha256Hex(token), `class="secret"`)

	b.submit(t, idPath("/admin/tokens/{id}/revoke", tok.ID)).redirectsTo(t, "/admin?done=token_revoked")
	page = b.get(t, "/admin?done=token_revoked").expect(t, http.StatusOK)
	page.has(t, `<p class="flash" role="status">API token revoked.</p>`)
	page.lacks(t, idPath(`id="token-{id}"`, tok.ID))
	e.call(t, http.MethodGet, "/api/v1/documents", token, nil).expect(t, http.StatusUnauthorized)
	e.call(t, http.MethodGet, "/api/v1/documents", e.reviewer, nil).expect(t, http.StatusOK)

	before := e.accounts(t)
	for _, path := range []string{"/admin/tokens/99999/revoke", idPath("/admin/tokens/{id}/revoke", tok.ID)} {
		b.submit(t, path).expect(t, http.StatusNotFound)
	}
	for _, id := range []string{"99999", "x", ""} {
		b.submit(t, "/admin/tokens", "user_id", id).expect(t, http.StatusNotFound)
	}
	if after := e.accounts(t); !reflect.DeepEqual(before, after) {
		t.Errorf("a refused token form changed accounts:\nbefore %+v\nafter  %+v", before, after)
	}
}

func TestAdminFlashOnlyKnownKeys(t *testing.T) {
	e := newEnv(t, 0)
	b := e.login(t, "ada", testPassword)
	for done, want := range map[string]string{
		"role":          "Role changed.",
		"password":      "Password changed. That user has been logged out everywhere.",
		"token_revoked": "API token revoked.",
		"user_added":    "User added.",
	} {
		b.get(t, "/admin?done="+done).expect(t, http.StatusOK).has(t, `<p class="flash" role="status">`+want+`</p>`)
	}
	r := b.get(t, "/admin?done="+url.QueryEscape("<b>hacked</b>")).expect(t, http.StatusOK)
	r.lacks(t, `class="flash"`, "<b>hacked")
}
