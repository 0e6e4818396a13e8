package web_test

import (
	"context"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestAPICreateDocument(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	start := time.Now().Add(-time.Second)
	in := docIn{Title: "  Cheongha library  ", SourceLang: "KO", TargetLang: "en-us", Segments: []segIn{
		{Source: "청하 도서관이 문을 열었다.", Target: "The Cheongha library opened."}, // no paragraph: paragraph 1
		{Source: "아홉 시에 연다.", Target: "It opens at nine.", Paragraph: intp(1)},
		{Source: "책이 많다.", Target: "", Paragraph: intp(4)},
		{Source: "끝.", Target: "The end."}, // no paragraph: a new one after 4
	}}
	r := e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, in).expect(t, http.StatusCreated)
	doc := decodeBody[apiDocument](t, r)
	if doc.ID < 1 {
		t.Fatalf("id = %d", doc.ID)
	}
	if got, want := r.header.Get("Location"), "/api/v1/documents/"+strconv.FormatInt(doc.ID, 10); got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
	if !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Errorf("Content-Type = %q", r.header.Get("Content-Type"))
	}
	if doc.Title != "Cheongha library" || doc.SourceLang != "ko" {
		t.Errorf("title, source = %q, %q; want trimmed title and canonical ko", doc.Title, doc.SourceLang)
	}
	if doc.CreatedAt.Before(start) || doc.CreatedAt.After(time.Now().Add(time.Second)) {
		t.Errorf("created_at = %v, want about now", doc.CreatedAt)
	}
	wantTr := []apiTranslation{{Lang: "en-US", Total: 4, Counts: map[string]int{"mt": 4, "draft": 0, "approved": 0, "rejected": 0}}}
	if !reflect.DeepEqual(doc.Translations, wantTr) {
		t.Errorf("translations = %+v, want %+v", doc.Translations, wantTr)
	}

	// The Location answers with the same document.
	got := decodeBody[apiDocument](t, e.call(t, http.MethodGet, r.header.Get("Location"), e.viewer, nil).expect(t, http.StatusOK))
	if !reflect.DeepEqual(got, doc) {
		t.Errorf("GET Location = %+v, want %+v", got, doc)
	}

	segs := e.segments(t, doc.ID)
	type pos struct {
		para, index   int
		source, mt    string
		state         string
		version       int
		lang          string
		documentMatch bool
	}
	want := []pos{
		{1, 1, in.Segments[0].Source, in.Segments[0].Target, "mt", 1, "en-US", true},
		{1, 2, in.Segments[1].Source, in.Segments[1].Target, "mt", 1, "en-US", true},
		{4, 1, in.Segments[2].Source, "", "mt", 1, "en-US", true},
		{5, 1, in.Segments[3].Source, in.Segments[3].Target, "mt", 1, "en-US", true},
	}
	if len(segs) != len(want) {
		t.Fatalf("got %d segments, want %d", len(segs), len(want))
	}
	for i, s := range segs {
		g := pos{s.Paragraph, s.Index, s.Source, s.MT, s.State, s.Version, s.Lang, s.DocumentID == doc.ID}
		if g != want[i] || s.Target != s.MT {
			t.Errorf("segment %d = %+v (target %q), want %+v with target = mt", i, g, s.Target, want[i])
		}
		revs := e.revisions(t, s.ID)
		if len(revs) != 1 || revs[0].Version != 1 || revs[0].Kind != "import" || revs[0].State != "mt" ||
			revs[0].Text != s.MT || revs[0].Author != "rita" || revs[0].Distance != 0 {
			t.Errorf("segment %d history = %+v, want one import revision by rita", i, revs)
		}
	}
}

func TestAPIListAndGetDocuments(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	r := e.call(t, http.MethodGet, "/api/v1/documents", e.viewer, nil).expect(t, http.StatusOK)
	if string(r.body) != `{"documents":[]}` {
		t.Errorf("empty list = %s, want an empty array", r.body)
	}
	first := e.createDoc(t, docIn{Title: "First", SourceLang: "en", TargetLang: "fr", Segments: para(1, 3)})
	second := e.createDoc(t, docIn{Title: "Second", SourceLang: "fr", TargetLang: "pt-BR", Segments: para(2, 2)})
	seg := e.segments(t, first.ID)[1]
	e.call(t, http.MethodPut, segPath(seg.ID, ""), e.reviewer, map[string]any{"target": "Édité.", "version": 1}).expect(t, http.StatusOK)
	e.call(t, http.MethodPost, segPath(seg.ID, "/approve"), e.reviewer, map[string]any{"version": 2}).expect(t, http.StatusOK)
	seg = e.segments(t, first.ID)[2]
	e.call(t, http.MethodPost, segPath(seg.ID, "/reject"), e.reviewer, map[string]any{"version": 1, "reason": "wrong"}).expect(t, http.StatusOK)

	list := decodeBody[map[string][]apiDocument](t, e.call(t, http.MethodGet, "/api/v1/documents", e.viewer, nil).expect(t, http.StatusOK))["documents"]
	if len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID {
		t.Fatalf("list = %+v, want the two documents newest first", list)
	}
	wantFirst := []apiTranslation{{Lang: "fr", Total: 3, Counts: map[string]int{"mt": 1, "draft": 0, "approved": 1, "rejected": 1}}}
	wantSecond := []apiTranslation{{Lang: "pt-BR", Total: 2, Counts: map[string]int{"mt": 2, "draft": 0, "approved": 0, "rejected": 0}}}
	if !reflect.DeepEqual(list[1].Translations, wantFirst) || list[1].Title != "First" {
		t.Errorf("first in list = %+v, want counts %+v", list[1], wantFirst)
	}
	if !reflect.DeepEqual(list[0].Translations, wantSecond) || list[0].SourceLang != "fr" {
		t.Errorf("second in list = %+v, want counts %+v", list[0], wantSecond)
	}
	got := decodeBody[apiDocument](t, e.call(t, http.MethodGet, docPath(first.ID, ""), e.viewer, nil).expect(t, http.StatusOK))
	if !reflect.DeepEqual(got, list[1]) {
		t.Errorf("GET document = %+v, want what the list shows %+v", got, list[1])
	}
}

func TestAPIDocumentNotFound(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Here", SourceLang: "en", TargetLang: "fr", Segments: para(1, 1)})
	missing := strconv.FormatInt(doc.ID+100, 10)
	for _, path := range []string{
		"/api/v1/documents/" + missing,
		"/api/v1/documents/" + missing + "/segments",
		"/api/v1/documents/" + missing + "/export",
		"/api/v1/documents/abc",
		"/api/v1/documents/abc/segments",
		"/api/v1/documents/abc/export",
		"/api/v1/documents/0",
		"/api/v1/documents/-1",
		"/api/v1/documents/1.5",
		"/api/v1/documents/99999999999999999999999",
		docPath(doc.ID, "/segments?lang=de"),
		docPath(doc.ID, "/export?lang=de"),
		segPath(999999, "/revisions"),
		"/api/v1/segments/abc/revisions",
		"/api/v1/segments/0/revisions",
	} {
		t.Run(path, func(t *testing.T) {
			r := e.call(t, http.MethodGet, path, e.viewer, nil).expect(t, http.StatusNotFound)
			if msg := errorMessage(t, r); !strings.Contains(msg, "not found") {
				t.Errorf("error = %q, want it to say not found", msg)
			}
		})
	}
}

func TestAPICreateDocumentRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	existing := e.createDoc(t, docIn{Title: "Existing", SourceLang: "en", TargetLang: "fr", Segments: para(1, 2)})
	seg := e.segments(t, existing.ID)[0]

	valid := `"title":"T","source_lang":"en","target_lang":"fr"`
	seg1 := `"segments":[{"source":"One.","target":"Un."}]`
	cases := []struct {
		name    string
		body    any
		status  int
		message string // part of the error message
	}{
		{"malformed JSON", `{"title":`, http.StatusBadRequest, "JSON"},
		{"empty body", ``, http.StatusBadRequest, "JSON"},
		{"not an object", `[1,2]`, http.StatusBadRequest, "JSON"},
		{"wrong field type", `{"title":5,"source_lang":"en","target_lang":"fr",` + seg1 + `}`, http.StatusBadRequest, "title"},
		{"two JSON values", `{` + valid + `,` + seg1 + `} {}`, http.StatusBadRequest, "more than one"},
		{"trailing garbage", `{` + valid + `,` + seg1 + `} x`, http.StatusBadRequest, "JSON"},
		{"raw invalid UTF-8 in title", []byte(`{"title":"caf` + "\xff" + `","source_lang":"en","target_lang":"fr",` + seg1 + `}`), http.StatusBadRequest, "UTF-8"},
		{"raw invalid UTF-8 in source", []byte(`{` + valid + `,"segments":[{"source":"` + "\xc3\x28" + `","target":"x"}]}`), http.StatusBadRequest, "UTF-8"},
		{"source_lang not BCP 47", `{"title":"T","source_lang":"english-xx","target_lang":"fr",` + seg1 + `}`, http.StatusBadRequest, "source_lang"},
		{"target_lang digits", `{"title":"T","source_lang":"en","target_lang":"12",` + seg1 + `}`, http.StatusBadRequest, "target_lang"},
		{"target_lang underscore", `{"title":"T","source_lang":"en","target_lang":"fr_FR_x_y_",` + seg1 + `}`, http.StatusBadRequest, "target_lang"},
		{"source_lang missing", `{"title":"T","target_lang":"fr",` + seg1 + `}`, http.StatusBadRequest, "source_lang"},
		{"empty title", `{"title":"","source_lang":"en","target_lang":"fr",` + seg1 + `}`, http.StatusUnprocessableEntity, "title"},
		{"blank title", `{"title":" \t\n","source_lang":"en","target_lang":"fr",` + seg1 + `}`, http.StatusUnprocessableEntity, "title"},
		{"title too long", docIn{Title: strings.Repeat("é", 301), SourceLang: "en", TargetLang: "fr", Segments: para(1, 1)}, http.StatusUnprocessableEntity, "title"},
		{"no segments", `{` + valid + `,"segments":[]}`, http.StatusUnprocessableEntity, "no segments"},
		{"segments missing", `{` + valid + `}`, http.StatusUnprocessableEntity, "no segments"},
		{"empty source", `{` + valid + `,"segments":[{"source":"One.","target":"Un."},{"source":"  ","target":"Deux."}]}`, http.StatusUnprocessableEntity, "segment 2"},
		{"paragraphs go back", `{` + valid + `,"segments":[{"source":"A.","target":"A.","paragraph":3},{"source":"B.","target":"B.","paragraph":2}]}`, http.StatusUnprocessableEntity, "paragraph"},
		{"negative paragraph", `{` + valid + `,"segments":[{"source":"A.","target":"A.","paragraph":-1}]}`, http.StatusUnprocessableEntity, "paragraph"},
		{"same languages", `{"title":"T","source_lang":"en","target_lang":"en",` + seg1 + `}`, http.StatusUnprocessableEntity, "en"},
		{"same languages after canonicalising", `{"title":"T","source_lang":"pt-br","target_lang":"PT-BR",` + seg1 + `}`, http.StatusUnprocessableEntity, "pt-BR"},
		{"segment text too long", docIn{Title: "T", SourceLang: "en", TargetLang: "fr", Segments: []segIn{{Source: strings.Repeat("a", 10001), Target: "x"}}}, http.StatusUnprocessableEntity, "segment 1"},
	}
	before := e.snapshot(t, seg.ID)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, c.body).expect(t, c.status)
			if msg := errorMessage(t, r); !strings.Contains(msg, c.message) {
				t.Errorf("error = %q, want it to mention %q", msg, c.message)
			}
			if loc := r.header.Get("Location"); loc != "" {
				t.Errorf("refused create sent Location %q", loc)
			}
			e.unchanged(t, seg.ID, before)
		})
	}
	n, err := e.st.CountDocuments(context.Background())
	if err != nil || n != 1 {
		t.Errorf("documents after refused creates = %d (%v), want 1", n, err)
	}
}
