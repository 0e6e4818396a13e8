package web_test

import (
	"net/http"
	"strings"
	"testing"
)

const (
	textEN = "The council met on Monday. It approved 42 projects.\n\nThe library will open in 2027. Work starts in March."
	// The translator merged the two sentences of the first paragraph.
	textFR = "Le conseil, réuni lundi, a approuvé 42 projets.\n\nLa bibliothèque ouvrira en 2027. Les travaux commencent en mars."
)

func TestAPICreateFromTwoTexts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	r := e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, map[string]any{
		"title": "Two texts", "source_lang": "en", "target_lang": "fr", "format": "text",
		"source_text": textEN, "target_text": textFR,
	}).expect(t, http.StatusCreated)
	got := decodeBody[struct {
		ID        int64 `json:"id"`
		Alignment struct {
			Pairs     int `json:"pairs"`
			Groupings []struct {
				Kind   string   `json:"kind"`
				Source []string `json:"source"`
				Target []string `json:"target"`
			} `json:"groupings"`
		} `json:"alignment"`
	}](t, r)
	if got.Alignment.Pairs != 3 || len(got.Alignment.Groupings) != 1 || got.Alignment.Groupings[0].Kind != "2-1" {
		t.Fatalf("alignment = %+v, want 3 pairs with one 2-1", got.Alignment)
	}
	segs := e.segments(t, got.ID)
	if len(segs) != 3 {
		t.Fatalf("%d segments, want 3", len(segs))
	}
	if segs[0].Source != "The council met on Monday. It approved 42 projects." || segs[0].Target != "Le conseil, réuni lundi, a approuvé 42 projets." {
		t.Errorf("merged pair = %q / %q", segs[0].Source, segs[0].Target)
	}
	if segs[1].Paragraph == segs[0].Paragraph || segs[2].Paragraph != segs[1].Paragraph {
		t.Errorf("paragraphs = %d, %d, %d; want the first alone and the other two together", segs[0].Paragraph, segs[1].Paragraph, segs[2].Paragraph)
	}
	// Refusals store nothing.
	before := len(decodeBody[struct {
		Documents []apiDocument `json:"documents"`
	}](t, e.call(t, http.MethodGet, "/api/v1/documents", e.viewer, nil)).Documents)
	for _, body := range []map[string]any{
		{"title": "x", "source_lang": "en", "target_lang": "fr", "format": "docx", "source_text": "a", "target_text": "b"},
		{"title": "x", "source_lang": "en", "target_lang": "fr", "format": "html", "source_text": "<nav>Home</nav>", "target_text": "<p>b</p>"},
		{"title": "x", "source_lang": "en", "target_lang": "fr", "source_text": "  ", "target_text": "b"},
		{"title": "x", "source_lang": "english-xx", "target_lang": "fr", "source_text": "a", "target_text": "b"},
	} {
		if r := e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, body); r.status != http.StatusUnprocessableEntity && r.status != http.StatusBadRequest {
			t.Errorf("%v: status %d, want 400 or 422", body, r.status)
		}
	}
	after := len(decodeBody[struct {
		Documents []apiDocument `json:"documents"`
	}](t, e.call(t, http.MethodGet, "/api/v1/documents", e.viewer, nil)).Documents)
	if after != before {
		t.Errorf("refused imports stored documents: %d → %d", before, after)
	}
}

func TestAPIExportXLIFFAndTMX(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "X", SourceLang: "fr", TargetLang: "en", Segments: []segIn{
		{Source: "Un & deux.", Target: "One & two.", Paragraph: intp(1)},
		{Source: "Trois.", Target: "Three.", Paragraph: intp(2)},
	}})
	for _, tc := range []struct{ format, ctype, want string }{
		{"xliff", "application/x-xliff+xml", `version="1.2"`},
		{"xliff2", "application/xliff+xml", `version="2.0"`},
		{"tmx", "application/x-tmx+xml", `<tmx version="1.4"`},
	} {
		r := e.call(t, http.MethodGet, docPath(doc.ID, "/export?all=true&format="+tc.format), e.viewer, nil).expect(t, http.StatusOK)
		body := string(r.body)
		if !strings.HasPrefix(r.header.Get("Content-Type"), tc.ctype) || !strings.Contains(body, tc.want) ||
			!strings.Contains(body, "One &amp; two.") || strings.Count(body, "Three.") != 1 {
			t.Errorf("%s export: %s\n%s", tc.format, r.header.Get("Content-Type"), body)
		}
	}
}

func TestUICreateFromTwoTextsShowsTheAlignment(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	b := deskLogin(t, e, "rita")
	r := b.post(t, "/documents", b.form("title", "Deux textes", "source_lang", "en", "target_lang", "fr",
		"source_text", textEN, "target_text", textFR)).expect(t, http.StatusCreated)
	r.has(t, "2-1", "The council met on Monday.", "Le conseil, réuni lundi, a approuvé 42 projets.", `href="/documents/1?lang=fr"`)
	b.post(t, "/documents", b.form("title", "Bad", "source_lang", "xx-bad-tag", "target_lang", "fr",
		"source_text", textEN, "target_text", textFR)).expect(t, http.StatusUnprocessableEntity).has(t, textEN[:20])
	if n, err := e.st.CountDocuments(t.Context()); err != nil || n != 1 {
		t.Errorf("documents = %d, %v; want 1", n, err)
	}
}
