package web_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// exportDoc creates a French translation of three paragraphs and moves its five
// segments to: approved, approved | approved, draft | rejected.
func exportDoc(t *testing.T, e *env) (int64, []apiSegment) {
	t.Helper()
	doc := e.createDoc(t, docIn{Title: "Météo", SourceLang: "en", TargetLang: "FR", Segments: []segIn{
		{Source: "Morning.", Target: "Le *matin*.", Paragraph: intp(1)},
		{Source: "It rains.", Target: "Il pleut.", Paragraph: intp(1)},
		{Source: "Evening.", Target: "Le soir.", Paragraph: intp(2)},
		{Source: "It is fine.", Target: "Il fait beau.", Paragraph: intp(2)},
		{Source: `He said "yes", then no.`, Target: `Il a dit « oui », puis "non".`, Paragraph: intp(3)},
	}})
	segs := e.segments(t, doc.ID)
	ok := func(r reply) { r.expect(t, http.StatusOK) }
	ok(e.call(t, http.MethodPost, segPath(segs[0].ID, "/approve"), e.reviewer, map[string]any{"version": 1}))
	ok(e.call(t, http.MethodPut, segPath(segs[1].ID, ""), e.reviewer, map[string]any{"target": "Il pleut fort.", "version": 1}))
	ok(e.call(t, http.MethodPost, segPath(segs[1].ID, "/approve"), e.reviewer, map[string]any{"version": 2}))
	ok(e.call(t, http.MethodPost, segPath(segs[2].ID, "/approve"), e.reviewer, map[string]any{"version": 1}))
	ok(e.call(t, http.MethodPut, segPath(segs[3].ID, ""), e.reviewer, map[string]any{"target": "Il fait très beau.", "version": 1}))
	ok(e.call(t, http.MethodPost, segPath(segs[4].ID, "/reject"), e.reviewer, map[string]any{"version": 1, "reason": "Guillemets."}))
	return doc.ID, e.segments(t, doc.ID)
}

func TestAPIExportText(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	id, _ := exportDoc(t, e)
	cases := []struct {
		query, mime, ext, unapproved, body string
	}{
		{"", "text/plain; charset=utf-8", ".txt", "2",
			"Le *matin*. Il pleut fort.\n\nLe soir.\n"},
		{"?format=txt&all=false", "text/plain; charset=utf-8", ".txt", "2",
			"Le *matin*. Il pleut fort.\n\nLe soir.\n"},
		{"?format=TXT&all=true", "text/plain; charset=utf-8", ".txt", "0",
			"Le *matin*. Il pleut fort.\n\nLe soir. Il fait très beau.\n\nIl a dit « oui », puis \"non\".\n"},
		{"?all=1&lang=fr", "text/plain; charset=utf-8", ".txt", "0",
			"Le *matin*. Il pleut fort.\n\nLe soir. Il fait très beau.\n\nIl a dit « oui », puis \"non\".\n"},
		{"?format=md", "text/markdown; charset=utf-8", ".md", "2",
			"Le \\*matin\\*. Il pleut fort.\n\nLe soir.\n"},
		{"?format=md&all=TRUE", "text/markdown; charset=utf-8", ".md", "0",
			"Le \\*matin\\*. Il pleut fort.\n\nLe soir. Il fait très beau.\n\nIl a dit « oui », puis \"non\".\n"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			r := e.call(t, http.MethodGet, docPath(id, "/export"+c.query), e.viewer, nil).expect(t, http.StatusOK)
			checkExportHeaders(t, r, id, c.mime, c.ext, c.unapproved)
			if string(r.body) != c.body {
				t.Errorf("body = %q, want %q", r.body, c.body)
			}
		})
	}
}

func checkExportHeaders(t *testing.T, r reply, id int64, mime, ext, unapproved string) {
	t.Helper()
	if got := r.header.Get("Content-Type"); got != mime {
		t.Errorf("Content-Type = %q, want %q", got, mime)
	}
	want := fmt.Sprintf(`attachment; filename="document-%d-fr%s"`, id, ext)
	if got := r.header.Get("Content-Disposition"); got != want {
		t.Errorf("Content-Disposition = %q, want %q", got, want)
	}
	if got := r.header.Get("X-Unapproved-Segments"); got != unapproved {
		t.Errorf("X-Unapproved-Segments = %q, want %q", got, unapproved)
	}
}

type exportedSegment struct {
	ID        int64  `json:"id"`
	Paragraph int    `json:"paragraph"`
	Index     int    `json:"index"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	State     string `json:"state"`
}

func exported(segs []apiSegment, pick ...int) []exportedSegment {
	out := []exportedSegment{}
	for _, i := range pick {
		s := segs[i]
		out = append(out, exportedSegment{s.ID, s.Paragraph, s.Index, s.Source, s.Target, s.State})
	}
	return out
}

func TestAPIExportJSON(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	id, segs := exportDoc(t, e)
	type article struct {
		DocumentID int64             `json:"document_id"`
		Title      string            `json:"title"`
		SourceLang string            `json:"source_lang"`
		Lang       string            `json:"lang"`
		Unapproved int               `json:"unapproved"`
		Segments   []exportedSegment `json:"segments"`
	}
	cases := []struct {
		query string
		want  article
	}{
		{"?format=json", article{id, "Météo", "en", "fr", 2, exported(segs, 0, 1, 2)}},
		{"?format=json&all=true", article{id, "Météo", "en", "fr", 0, exported(segs, 0, 1, 2, 3, 4)}},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			r := e.call(t, http.MethodGet, docPath(id, "/export"+c.query), e.viewer, nil).expect(t, http.StatusOK)
			checkExportHeaders(t, r, id, "application/json", ".json", strconv.Itoa(c.want.Unapproved))
			var got article
			if err := json.Unmarshal(r.body, &got); err != nil {
				t.Fatalf("export is not JSON: %v\n%s", err, r.body)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("export = %+v\nwant     %+v", got, c.want)
			}
		})
	}
	if segs[1].Target != "Il pleut fort." || segs[3].State != "draft" || segs[4].State != "rejected" {
		t.Errorf("set-up segments = %+v", segs)
	}
}

func TestAPIExportCSV(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	id, segs := exportDoc(t, e)
	for _, c := range []struct {
		query, unapproved string
		pick              []int
	}{
		{"?format=csv", "2", []int{0, 1, 2}},
		{"?format=csv&all=true", "0", []int{0, 1, 2, 3, 4}},
	} {
		t.Run(c.query, func(t *testing.T) {
			r := e.call(t, http.MethodGet, docPath(id, "/export"+c.query), e.viewer, nil).expect(t, http.StatusOK)
			checkExportHeaders(t, r, id, "text/csv; charset=utf-8", ".csv", c.unapproved)
			records, err := csv.NewReader(strings.NewReader(string(r.body))).ReadAll()
			if err != nil {
				t.Fatalf("export is not CSV: %v\n%s", err, r.body)
			}
			want := [][]string{{"id", "paragraph", "index", "source", "target", "state"}}
			for _, s := range exported(segs, c.pick...) {
				want = append(want, []string{strconv.FormatInt(s.ID, 10), strconv.Itoa(s.Paragraph),
					strconv.Itoa(s.Index), s.Source, s.Target, s.State})
			}
			if !reflect.DeepEqual(records, want) {
				t.Errorf("records = %q\nwant      %q", records, want)
			}
		})
	}
}

// TestAPIExportJoinsWithoutSpaces: Japanese sentences of one paragraph are joined
// without a space; nothing approved gives an empty text and the full count.
func TestAPIExportJoinsWithoutSpaces(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "天気", SourceLang: "en", TargetLang: "ja", Segments: []segIn{
		{Source: "Sunny today.", Target: "今日は晴れ。", Paragraph: intp(1)},
		{Source: "Rain tomorrow.", Target: "明日は雨。", Paragraph: intp(1)},
		{Source: "End.", Target: "終わり。", Paragraph: intp(2)},
	}})
	r := e.call(t, http.MethodGet, docPath(doc.ID, "/export"), e.viewer, nil).expect(t, http.StatusOK)
	if len(r.body) != 0 || r.header.Get("X-Unapproved-Segments") != "3" {
		t.Errorf("nothing approved: body %q, X-Unapproved-Segments %q; want empty and 3", r.body, r.header.Get("X-Unapproved-Segments"))
	}
	r = e.call(t, http.MethodGet, docPath(doc.ID, "/export?all=true"), e.viewer, nil).expect(t, http.StatusOK)
	if want := "今日は晴れ。明日は雨。\n\n終わり。\n"; string(r.body) != want {
		t.Errorf("body = %q, want %q", r.body, want)
	}
	want := fmt.Sprintf(`attachment; filename="document-%d-ja.txt"`, doc.ID)
	if got := r.header.Get("Content-Disposition"); got != want {
		t.Errorf("Content-Disposition = %q, want %q", got, want)
	}
}

func TestAPIExportBadQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Bad", SourceLang: "en", TargetLang: "fr", Segments: para(1, 1)})
	for _, c := range []struct{ query, message string }{
		{"format=pdf", "format"},
		{"format=docx", "format"},
		{"all=maybe", "all"},
		{"all=yes", "all"},
		{"all=2", "all"},
		{"lang=12", "lang"},
		{"lang=english-xx", "lang"},
	} {
		t.Run(c.query, func(t *testing.T) {
			r := e.call(t, http.MethodGet, docPath(doc.ID, "/export?"+c.query), e.viewer, nil).expect(t, http.StatusBadRequest)
			if msg := errorMessage(t, r); !strings.Contains(msg, c.message) {
				t.Errorf("error = %q, want it to name %q", msg, c.message)
			}
			if cd := r.header.Get("Content-Disposition"); cd != "" {
				t.Errorf("refused export sent Content-Disposition %q", cd)
			}
		})
	}
}
