package review_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"copydesk/internal/mt"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

const enArticle = `# Council approves the new bridge

The city council approved the new bridge on Tuesday. Work will start in the spring.

The bridge will cost 48 million euros. It will carry buses and bicycles.`

// apertium returns the providers of a real Apertium installation.
func apertium() *mt.Set {
	return mt.NewSet(mt.NewApertiumCLI("apertium", "/usr/share/apertium/modes"))
}

func TestCreateTranslatedWithApertium(t *testing.T) {
	svc, st := newService(t)
	svc.UseMT(apertium(), nil)
	admin := addUser(t, st, "root", review.RoleAdmin)

	// An approved earlier translation of one sentence is in the memory.
	if err := st.AddMemory(t.Context(), store.MemoryEntry{SourceLang: "en", TargetLang: "es",
		Source: "It will carry buses and bicycles.", Target: "Por él pasarán autobuses y bicicletas.", ReviewerID: admin.ID}); err != nil {
		t.Fatal(err)
	}
	id, trIDs, err := svc.CreateTranslated(t.Context(), &admin, review.NewSourceArticle{SourceLang: "en",
		TargetLangs: []string{"es"}, Source: enArticle, Format: "markdown"})
	if err != nil {
		t.Fatalf("CreateTranslated: %v", err)
	}
	tr, _ := st.Translation(t.Context(), trIDs[0])
	if tr.Status != "queued" || tr.Provider != "apertium" || tr.SegmentCount != 5 {
		t.Fatalf("before the job: %+v", tr)
	}
	if _, err := svc.ReadyTranslation(t.Context(), id, "es"); err == nil {
		t.Fatal("a queued translation counts as ready")
	}
	if err := svc.RunTranslation(t.Context(), trIDs[0]); err != nil {
		t.Fatalf("RunTranslation: %v", err)
	}
	tr, _ = st.Translation(t.Context(), trIDs[0])
	if tr.Status != "ready" || tr.Done != 5 || tr.Error != "" {
		t.Fatalf("after the job: %+v", tr)
	}
	got := segmentsOf(t, st, id)
	spanish := 0
	for i, sg := range got {
		if sg.MT == "" || sg.MT == sg.Source || sg.Version < 1 {
			t.Errorf("segment %d: %q → %q (v%d)", i+1, sg.Source, sg.MT, sg.Version)
		}
		for _, w := range []string{" el ", " la ", " de ", " en ", " los "} {
			if strings.Contains(" "+strings.ToLower(sg.MT)+" ", w) {
				spanish++
				break
			}
		}
	}
	if spanish < 3 {
		t.Errorf("the machine text does not look Spanish: %+v", got)
	}
	if got[0].Block != "h1" || got[1].Paragraph != 2 || got[2].Paragraph != 2 {
		t.Errorf("structure lost: %q p%d p%d", got[0].Block, got[1].Paragraph, got[2].Paragraph)
	}
	tm := got[4]
	if tm.Target != "Por él pasarán autobuses y bicicletas." || tm.State != review.StateDraft || tm.MT == tm.Target {
		t.Errorf("memory pre-fill: %+v", tm)
	}
	revs, _ := st.Revisions(t.Context(), tm.ID)
	if len(revs) != 2 || revs[0].Kind != "mt" || revs[1].Kind != "tm" {
		t.Errorf("revisions of the pre-filled segment: %+v", revs)
	}
	doc, _ := st.Document(t.Context(), id)
	if c := doc.Translations[0].Counts; c["mt"] != 4 || c["draft"] != 1 {
		t.Errorf("state counts = %v", c)
	}

	// Approving puts the pair into the memory; asking for the machine text again
	// makes a revision of kind mt.
	if _, err := svc.Approve(t.Context(), admin, got[1].ID, got[1].Version); err != nil {
		t.Fatal(err)
	}
	if m, err := st.MemoryExact(t.Context(), "en", "es", got[1].Source); err != nil || m.Target != got[1].Target {
		t.Errorf("approved pair in the memory: %+v, %v", m, err)
	}
	sg, err := svc.Edit(t.Context(), admin, got[2].ID, got[2].Version, "Texto cambiado.")
	if err != nil {
		t.Fatal(err)
	}
	sg, err = svc.MachineAgain(t.Context(), admin, sg.ID, sg.Version, "")
	if err != nil || sg.Target != got[2].MT || sg.State != review.StateDraft {
		t.Fatalf("MachineAgain = %+v, %v", sg, err)
	}
	revs, _ = st.Revisions(t.Context(), sg.ID)
	if revs[len(revs)-1].Kind != "mt" {
		t.Errorf("last revision kind = %s, want mt", revs[len(revs)-1].Kind)
	}

	// A pair no provider has is refused before anything is stored.
	before, _ := st.CountDocuments(t.Context())
	_, _, err = svc.CreateTranslated(t.Context(), &admin, review.NewSourceArticle{SourceLang: "en",
		TargetLangs: []string{"fi"}, Source: enArticle})
	if !errors.Is(err, review.ErrInvalid) || !strings.Contains(err.Error(), "fi") {
		t.Errorf("pair en→fi: %v", err)
	}
	if after, _ := st.CountDocuments(t.Context()); after != before {
		t.Errorf("a refused translation stored a document")
	}
}

// TestTranslationFailsAndRetries runs a translation against a LibreTranslate
// server (its documented wire format, on loopback) that fails the second batch
// once: the translation is failed with the reason, what was filled stays and
// is not shown as done, and the retry finishes it.
func TestTranslationFailsAndRetries(t *testing.T) {
	var calls, failAt atomic.Int32
	failAt.Store(2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/languages":
			json.NewEncoder(w).Encode([]map[string]any{{"code": "en", "name": "English", "targets": []string{"fr"}},
				{"code": "fr", "name": "French", "targets": []string{"en"}}})
		case "/translate":
			var req struct {
				Q []string `json:"q"`
			}
			json.NewDecoder(r.Body).Decode(&req)
			if calls.Add(1) == failAt.Load() {
				w.WriteHeader(http.StatusInternalServerError)
				json.NewEncoder(w).Encode(map[string]string{"error": "the model crashed"})
				return
			}
			out := make([]string, len(req.Q))
			for i, q := range req.Q {
				out[i] = "FR " + q
			}
			json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	svc, st := newService(t)
	svc.UseMT(mt.NewSet(mt.NewLibreTranslate(srv.URL, "", srv.Client())), nil)
	admin := addUser(t, st, "root", review.RoleAdmin)
	var text strings.Builder
	for i := range 120 {
		text.WriteString("Sentence number " + strings.Repeat("x", i%7) + " here.\n\n")
	}
	id, trIDs, err := svc.CreateTranslated(t.Context(), &admin, review.NewSourceArticle{Title: "Long", SourceLang: "en",
		TargetLangs: []string{"fr"}, Source: text.String()})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.RunTranslation(t.Context(), trIDs[0]); err == nil {
		t.Fatal("the failing batch did not fail the translation")
	}
	tr, _ := st.Translation(t.Context(), trIDs[0])
	if tr.Status != "failed" || !strings.Contains(tr.Error, "libretranslate") || tr.Done != 50 {
		t.Fatalf("failed translation = %+v", tr)
	}
	if _, err := svc.ReadyTranslation(t.Context(), id, "fr"); !errors.Is(err, review.ErrNotReady) {
		t.Errorf("a failed translation reads as %v", err)
	}
	if _, err := svc.Export(t.Context(), id, "fr", true); !errors.Is(err, review.ErrNotReady) {
		t.Errorf("a failed translation exports: %v", err)
	}
	if _, err := svc.RetryTranslation(t.Context(), admin, id, "fr"); err != nil {
		t.Fatal(err)
	}
	if err := svc.RunTranslation(t.Context(), trIDs[0]); err != nil {
		t.Fatalf("retry: %v", err)
	}
	tr, _ = st.Translation(t.Context(), trIDs[0])
	if tr.Status != "ready" || tr.Done != 120 {
		t.Fatalf("after the retry: %+v", tr)
	}
	for _, sg := range segmentsOf(t, st, id) {
		if sg.MT != "FR "+sg.Source {
			t.Fatalf("segment %q → %q", sg.Source, sg.MT)
		}
	}
	if _, err := svc.RetryTranslation(t.Context(), admin, id, "fr"); !errors.Is(err, review.ErrInvalid) {
		t.Errorf("retrying a ready translation: %v", err)
	}
}

// TestImportPrefillsFromMemory imports segments whose source was approved
// before: that one arrives as a draft of the memory's text.
func TestImportPrefillsFromMemory(t *testing.T) {
	svc, st := newService(t)
	admin := addUser(t, st, "root", review.RoleAdmin)
	if err := st.AddMemory(t.Context(), store.MemoryEntry{SourceLang: "fr", TargetLang: "en", Source: "Deux.",
		Target: "Two.", ReviewerID: admin.ID}); err != nil {
		t.Fatal(err)
	}
	id, err := svc.CreateDocument(t.Context(), admin, validDoc())
	if err != nil {
		t.Fatal(err)
	}
	got := segmentsOf(t, st, id)
	if got[0].State != "mt" || got[0].Target != "MT Un." {
		t.Errorf("segment without a memory match: %+v", got[0])
	}
	if got[1].State != "draft" || got[1].Target != "Two." || got[1].MT != "MT Deux." || got[1].Version != 2 {
		t.Errorf("segment pre-filled from memory: %+v", got[1])
	}
	revs, _ := st.Revisions(t.Context(), got[1].ID)
	if len(revs) != 2 || revs[0].Kind != "import" || revs[1].Kind != "tm" || revs[1].Text != "Two." {
		t.Errorf("revisions = %+v", revs)
	}
	doc, _ := st.Document(t.Context(), id)
	if c := doc.Translations[0].Counts; c["mt"] != 1 || c["draft"] != 1 {
		t.Errorf("counts = %v", c)
	}
}

// TestMemoryTMXKeepsDatesAndReviewers exports the memory as TMX and imports it
// into another database: the pairs keep their dates, and their reviewer when
// an account of that name exists there.
func TestMemoryTMXKeepsDatesAndReviewers(t *testing.T) {
	svc, st := newService(t)
	rita := addUser(t, st, "rita", review.RoleReviewer)
	when := time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)
	if err := st.AddMemory(t.Context(), store.MemoryEntry{SourceLang: "en", TargetLang: "es", Source: "Good morning.",
		Target: "Buenos días.", ReviewerID: rita.ID, CreatedAt: when, ChangedAt: when}); err != nil {
		t.Fatal(err)
	}
	var tmx bytes.Buffer
	if err := svc.ExportMemoryTMX(t.Context(), &tmx, "en", "es"); err != nil {
		t.Fatal(err)
	}
	svc2, st2 := newService(t)
	rita2 := addUser(t, st2, "rita", review.RoleReviewer)
	admin2 := addUser(t, st2, "root", review.RoleAdmin)
	if n, err := svc2.ImportMemoryTMX(t.Context(), &admin2, &tmx, "", ""); err != nil || n != 1 {
		t.Fatalf("import = %d, %v\n%s", n, err, tmx.String())
	}
	m, err := st2.MemoryExact(t.Context(), "en", "es", "Good morning.")
	if err != nil {
		t.Fatal(err)
	}
	if !m.ChangedAt.Equal(when) || m.ReviewerID != rita2.ID {
		t.Errorf("imported entry = %+v, want changed %v by rita (%d)", m, when, rita2.ID)
	}
}
