package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"copydesk/internal/mt"
)

// useApertium gives the environment the real Apertium command as its provider
// and runs the background workers until the test ends.
func (e *env) useApertium(t *testing.T) {
	t.Helper()
	e.svc.UseMT(mt.NewSet(mt.NewApertiumCLI("apertium", "/usr/share/apertium/modes")), slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.svc.RunJobs(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// waitReady polls the document until its translation into lang is ready or
// failed, and returns its status.
func (e *env) waitReady(t *testing.T, id int64, lang string) mtTranslation {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		doc := decodeBody[struct {
			Translations []mtTranslation `json:"translations"`
		}](t, e.call(t, http.MethodGet, docPath(id, ""), e.viewer, nil).expect(t, http.StatusOK))
		for _, tr := range doc.Translations {
			if tr.Lang == lang && (tr.Status == "ready" || tr.Status == "failed") {
				return tr
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("translation %d/%s not done within a minute: %+v", id, lang, doc.Translations)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type mtTranslation struct {
	Lang     string `json:"lang"`
	Total    int    `json:"total"`
	Status   string `json:"status"`
	Done     int    `json:"done"`
	Provider string `json:"provider"`
	Error    string `json:"error"`
}

func TestAPITranslateByMachine(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	e.useApertium(t)
	pairs := decodeBody[struct {
		Providers []string `json:"providers"`
		Pairs     []struct {
			Source, Target string
			Providers      []string
		} `json:"pairs"`
		Status []struct {
			Provider string `json:"provider"`
			Pairs    int    `json:"pairs"`
			Error    string `json:"error"`
		} `json:"status"`
	}](t, e.call(t, http.MethodGet, "/api/v1/mt/pairs", e.viewer, nil).expect(t, http.StatusOK))
	found := false
	for _, p := range pairs.Pairs {
		found = found || p.Source == "en" && p.Target == "es"
	}
	if len(pairs.Status) != 1 || pairs.Status[0].Provider != "apertium" || pairs.Status[0].Pairs < 2 || pairs.Status[0].Error != "" {
		t.Errorf("provider status = %+v", pairs.Status)
	}
	if len(pairs.Providers) != 1 || pairs.Providers[0] != "apertium" || !found {
		t.Fatalf("pairs = %+v", pairs)
	}

	r := e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, map[string]any{
		"source_lang": "en", "target_langs": []string{"es"}, "translate": true, "format": "markdown",
		"source_text": "# Storm warning\n\nA storm will reach the coast tonight. Schools will close on Friday.\n",
	}).expect(t, http.StatusCreated)
	doc := decodeBody[struct {
		ID           int64           `json:"id"`
		Title        string          `json:"title"`
		Translations []mtTranslation `json:"translations"`
	}](t, r)
	if doc.Title != "Storm warning" || len(doc.Translations) != 1 || doc.Translations[0].Status == "ready" {
		t.Fatalf("created = %+v", doc)
	}
	tr := e.waitReady(t, doc.ID, "es")
	if tr.Status != "ready" || tr.Done != 3 || tr.Provider != "apertium" {
		t.Fatalf("translation = %+v", tr)
	}
	segs := e.segments(t, doc.ID)
	if len(segs) != 3 || segs[1].MT == "" || segs[1].MT == segs[1].Source || segs[1].State != "mt" {
		t.Fatalf("segments = %+v", segs)
	}

	// The machine text again, through the API: a revision of kind mt.
	e.call(t, http.MethodPut, segPath(segs[1].ID, ""), e.reviewer, map[string]any{"target": "Otra cosa.", "version": segs[1].Version}).
		expect(t, http.StatusOK)
	again := decodeBody[apiSegment](t, e.call(t, http.MethodPost, segPath(segs[1].ID, "/mt"), e.reviewer,
		map[string]any{"version": segs[1].Version + 1}).expect(t, http.StatusOK))
	if again.Target != segs[1].MT {
		t.Errorf("machine text again = %q, want %q", again.Target, segs[1].MT)
	}
	if revs := e.revisions(t, segs[1].ID); revs[len(revs)-1].Kind != "mt" {
		t.Errorf("revisions = %+v", revs)
	}

	// A pair nobody offers, a language the document has, and a viewer: refused.
	for _, c := range []struct {
		token, lang string
		status      int
	}{{e.reviewer, "fi", http.StatusUnprocessableEntity}, {e.reviewer, "es", http.StatusUnprocessableEntity},
		{e.viewer, "es", http.StatusForbidden}} {
		r := e.call(t, http.MethodPost, docPath(doc.ID, "/translations"), c.token, map[string]any{"lang": c.lang})
		if r.status != c.status {
			t.Errorf("add %s: status %d, want %d: %s", c.lang, r.status, c.status, r.body)
		}
	}
	if msg := errorMessage(t, e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, map[string]any{
		"source_lang": "en", "target_langs": []string{"fi"}, "translate": true, "source_text": "Hello.",
	}).expect(t, http.StatusUnprocessableEntity)); !strings.Contains(msg, "fi") {
		t.Errorf("en→fi refusal: %q", msg)
	}

	// A language added later to a Spanish article.
	es := decodeBody[struct {
		ID int64 `json:"id"`
	}](t, e.call(t, http.MethodPost, "/api/v1/documents", e.reviewer, map[string]any{
		"title": "Tormenta", "source_lang": "es", "target_lang": "fr", "segments": []map[string]any{{"source": "Llega una tormenta.", "target": "Une tempête arrive."}},
	}).expect(t, http.StatusCreated))
	added := decodeBody[mtTranslation](t, e.call(t, http.MethodPost, docPath(es.ID, "/translations"), e.reviewer,
		map[string]any{"lang": "en"}).expect(t, http.StatusAccepted))
	if added.Lang != "en" || added.Status == "ready" {
		t.Errorf("added = %+v", added)
	}
	if tr := e.waitReady(t, es.ID, "en"); tr.Status != "ready" {
		t.Fatalf("added translation = %+v", tr)
	}
	out := e.call(t, http.MethodGet, docPath(es.ID, "/export?lang=en&all=true"), e.viewer, nil).expect(t, http.StatusOK)
	if strings.TrimSpace(string(out.body)) == "" || strings.Contains(string(out.body), "Llega") {
		t.Errorf("English export of the added translation: %q", out.body)
	}
}
