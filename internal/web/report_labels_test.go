package web

// These tests are in package web, not web_test, to reach reportLabels; the
// download test therefore sets up its server here rather than with the
// helpers of web_test.

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"copydesk/internal/effort"
	"copydesk/internal/i18n"
	"copydesk/internal/qa"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// messageIDRE matches what Localizer.T returns for a message it does not know.
var messageIDRE = regexp.MustCompile(`^[a-z0-9_-]+(\.[a-z0-9_-]+)+$`)

// TestReportLabels checks that every word of the change report, and the name
// of every code its data may hold, is filled in each UI language.
func TestReportLabels(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	tags := b.Languages()
	if len(tags) < 5 {
		t.Fatalf("UI languages = %v, want at least en, de, es, fr, ko", tags)
	}
	var codes []string
	for _, s := range review.States {
		codes = append(codes, "state."+s)
	}
	for _, k := range effort.Kinds {
		codes = append(codes, "kind."+k)
	}
	for _, c := range effort.Categories {
		codes = append(codes, "category."+c)
	}
	for _, s := range effort.Severities {
		codes = append(codes, "severity."+s)
	}
	for _, id := range qa.Checks() {
		codes = append(codes, "check."+id)
	}
	for _, tag := range tags {
		t.Run(tag.String(), func(t *testing.T) {
			l := reportLabels(b.For(tag))
			if l.Lang != tag.String() {
				t.Errorf("Lang = %q, want %q", l.Lang, tag)
			}
			v := reflect.ValueOf(l)
			for i := range v.NumField() {
				f, val := v.Type().Field(i), v.Field(i)
				if val.Kind() != reflect.String {
					continue
				}
				if s := val.String(); strings.TrimSpace(s) == "" || messageIDRE.MatchString(s) {
					t.Errorf("%s = %q: empty, or a message ID without a message", f.Name, s)
				}
			}
			for _, code := range codes {
				if s, ok := l.Names[code]; !ok || strings.TrimSpace(s) == "" || messageIDRE.MatchString(s) {
					t.Errorf("Names[%q] = %q, %v: want a display name", code, s, ok)
				}
			}
			if len(l.Names) != len(codes) {
				t.Errorf("%d names for %d codes: %v", len(l.Names), len(codes), l.Names)
			}
		})
	}
}

// TestChangeReportLanguage downloads the HTML change report as a reviewer
// who has switched the interface to French: the page is in French, while the
// same report from the API stays in English.
func TestChangeReportLanguage(t *testing.T) {
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
	svc := review.New(st)
	const password = "correct horse battery"
	if _, err := svc.CreateUser(ctx, "rita", review.RoleReviewer, password); err != nil {
		t.Fatal(err)
	}
	token, err := svc.CreateToken(ctx, "rita")
	if err != nil {
		t.Fatal(err)
	}
	rita, err := st.UserByName(ctx, "rita")
	if err != nil {
		t.Fatal(err)
	}
	// An article en → de, so that no French word comes from its texts: one
	// segment approved as the machine gave it, one edited.
	one := 1
	docID, err := svc.CreateDocument(ctx, rita, review.NewDocument{Title: "Budget", SourceLang: "en", TargetLang: "de",
		Segments: []review.NewSegment{
			{Source: "The council voted.", Target: "Der Rat stimmte ab.", Paragraph: &one},
			{Source: "The budget passed.", Target: "Der Haushalt ging durch.", Paragraph: &one},
		}})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := svc.Translation(ctx, docID, "de")
	if err != nil {
		t.Fatal(err)
	}
	page, err := st.ListSegments(ctx, tr, store.Filter{}, 0, 10)
	if err != nil || len(page.Segments) != 2 {
		t.Fatalf("segments = %+v, %v", page, err)
	}
	if _, err := svc.Approve(ctx, rita, page.Segments[0].ID, page.Segments[0].Version); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Edit(ctx, rita, page.Segments[1].ID, page.Segments[1].Version, "Der Haushalt wurde angenommen."); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(New(svc, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	t.Cleanup(srv.Close) // registered last, so it runs before the store closes
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	send := func(req *http.Request, want int) string {
		t.Helper()
		resp, err := browser.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", req.Method, req.URL, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != want {
			t.Fatalf("%s %s: status %d, want %d\n%.600s", req.Method, req.URL, resp.StatusCode, want, body)
		}
		return string(body)
	}
	get := func(path string, hdr ...string) string {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		return send(req, http.StatusOK)
	}
	post := func(path string, form url.Values) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		send(req, http.StatusSeeOther)
	}

	// Log in, and switch the interface to French with the switcher's form.
	post("/login", url.Values{"name": {"rita"}, "password": {password}, "next": {"/"}})
	m := regexp.MustCompile(`<body[^>]* data-csrf="([^"]+)"`).FindStringSubmatch(get("/"))
	if m == nil {
		t.Fatal("no data-csrf on the article list")
	}
	post("/language", url.Values{"lang": {"fr"}, "next": {"/"}, "csrf_token": {html.UnescapeString(m[1])}})

	path := "/documents/" + strconv.FormatInt(docID, 10) + "/changes?lang=de&format=html"
	fr := get(path)
	for _, want := range []string{
		`<html lang="fr">`, "<title>Rapport des modifications: Budget", "Synthèse", "Segments par état",
		"Effort de post-édition", "Traduction automatique", "Version finale, avec les modifications",
		`<span class="state state-approved">Approuvé</span>`, `<span class="state state-draft">Brouillon</span>`,
		">Automatique<", ">Rejeté<", ">inchangé<", ">formulation<",
	} {
		if !strings.Contains(fr, want) {
			t.Errorf("French change report lacks %q", want)
		}
	}
	for _, english := range []string{"Change report", "Summary", "Segments by state", ">Approved<", ">Draft<"} {
		if strings.Contains(fr, english) {
			t.Errorf("French change report has %q", english)
		}
	}

	// The API gives the same report in English, whatever the token's owner
	// chose and the request's Accept-Language.
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/api/v1"+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept-Language", "fr")
	en := send(req, http.StatusOK)
	for _, want := range []string{
		`<html lang="en">`, "<title>Change report: Budget", "Summary", "Segments by state",
		`<span class="state state-approved">Approved</span>`, `<span class="state state-draft">Draft</span>`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("API change report lacks %q", want)
		}
	}
	for _, french := range []string{"Rapport des modifications", "Synthèse", "Approuvé"} {
		if strings.Contains(en, french) {
			t.Errorf("API change report has %q", french)
		}
	}
}
