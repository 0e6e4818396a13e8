package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

const (
	mdEN = "# Bridge approved\n\nThe council voted **21 to 4** on Tuesday. Work starts in March.\n\n- The old bridge stays open.\n- Buses take a detour.\n"
	mdFR = "# Le pont est approuvé\n\nLe conseil a voté **par 21 voix contre 4** mardi. Les travaux commencent en mars.\n\n- L’ancien pont reste ouvert.\n- Les bus font un détour.\n"
)

// upload sends a multipart POST /api/v1/documents with fields and files
// (name → file name and content).
func (e *env) upload(t *testing.T, token string, fields map[string]string, files map[string][2]string) reply {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for field, f := range files {
		part, err := w.CreateFormFile(field, f[0])
		if err != nil {
			t.Fatal(err)
		}
		part.Write([]byte(f[1]))
	}
	w.Close()
	req := e.newRequest(t, http.MethodPost, "/api/v1/documents", token, nil)
	req.Body, req.ContentLength = nopCloser{bytes.NewReader(body.Bytes())}, int64(body.Len())
	req.Header.Set("Content-Type", w.FormDataContentType())
	return e.send(t, req)
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

func TestAPIUploadMarkdownArticle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	r := e.upload(t, e.reviewer, map[string]string{"source_lang": "en", "target_lang": "fr"},
		map[string][2]string{"source_file": {"bridge.en.md", mdEN}, "target_file": {"bridge.fr.md", mdFR}}).
		expect(t, http.StatusCreated)
	got := decodeBody[struct {
		ID     int64  `json:"id"`
		Title  string `json:"title"`
		Format string `json:"format"`
	}](t, r)
	if got.Title != "Bridge approved" || got.Format != "markdown" {
		t.Errorf("document = %+v, want the heading as title and format markdown (from the .md name)", got)
	}
	segs := e.segments(t, got.ID)
	if len(segs) != 5 || segs[1].Source != "The council voted {1}21 to 4{/1} on Tuesday." ||
		segs[1].Target != "Le conseil a voté {1}par 21 voix contre 4{/1} mardi." {
		t.Fatalf("segments = %+v", segs)
	}
	out := e.call(t, http.MethodGet, docPath(got.ID, "/export?all=true&format=html"), e.viewer, nil).expect(t, http.StatusOK)
	if !strings.HasPrefix(out.header.Get("Content-Type"), "text/html") {
		t.Errorf("html export Content-Type = %q", out.header.Get("Content-Type"))
	}
	for _, w := range []string{"<h1>Le pont est approuvé</h1>", "<strong>par 21 voix contre 4</strong>", "<li>L’ancien pont reste ouvert.</li>"} {
		if !strings.Contains(string(out.body), w) {
			t.Errorf("html export lacks %s:\n%s", w, out.body)
		}
	}
	md := e.call(t, http.MethodGet, docPath(got.ID, "/export?all=true&format=md"), e.viewer, nil).expect(t, http.StatusOK)
	if !strings.Contains(string(md.body), "# Le pont est approuvé") || !strings.Contains(string(md.body), "**par 21 voix contre 4**") {
		t.Errorf("md export:\n%s", md.body)
	}

	// Refusals: one file of the two, or a file of an unknown kind; nothing stored.
	e.upload(t, e.reviewer, map[string]string{"source_lang": "en", "target_lang": "fr"},
		map[string][2]string{"source_file": {"a.md", mdEN}}).expect(t, http.StatusUnprocessableEntity)
	e.upload(t, e.reviewer, map[string]string{"source_lang": "en", "target_lang": "fr"},
		map[string][2]string{"file": {"a.docx", "x"}}).expect(t, http.StatusUnprocessableEntity)
	e.upload(t, e.viewer, map[string]string{"source_lang": "en", "target_lang": "fr"},
		map[string][2]string{"source_file": {"a.md", mdEN}, "target_file": {"b.md", mdFR}}).expect(t, http.StatusForbidden)
	if n, _ := e.st.CountDocuments(t.Context()); n != 1 {
		t.Errorf("documents = %d after refusals, want 1", n)
	}
}
