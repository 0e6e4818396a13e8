package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"copydesk/internal/mt"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// TestBrowserMachineTranslation follows an article translated by machine: the
// progress page reloads itself until the translation is ready, the history
// panel offers a fuzzy match from the memory, which one click puts in, and
// Alt+T asks for the machine text again.
func TestBrowserMachineTranslation(t *testing.T) {
	e := newBrowserEnv(t)
	e.svc.UseMT(mt.NewSet(mt.NewApertiumCLI("apertium", "/usr/share/apertium/modes")), nil)
	u := e.users["rita"]
	if err := e.svc.Store().AddMemory(t.Context(), store.MemoryEntry{SourceLang: "en", TargetLang: "es",
		Source: "The city council approved the new bridge on Monday.", Target: "El ayuntamiento aprobó el nuevo puente el lunes.",
		ReviewerID: u.ID}); err != nil {
		t.Fatal(err)
	}
	id, trIDs, err := e.svc.CreateTranslated(t.Context(), &u, review.NewSourceArticle{SourceLang: "en", TargetLangs: []string{"es"},
		Source: "The city council approved the new bridge on Tuesday. Work will start in the spring."})
	if err != nil {
		t.Fatal(err)
	}
	tb := e.newTab(t)
	e.login(t, tb, "rita", "/documents/2?lang=es")
	tb.do(t, "progress page", chromedp.WaitVisible(chromedp.CSS(`[data-translation-status="queued"]`)))
	tb.shoot(t, "10-translating.png")
	if err := e.svc.RunTranslation(t.Context(), trIDs[0]); err != nil {
		t.Fatal(err)
	}
	tb.do(t, "the page reloads into the review", chromedp.WaitVisible(chromedp.CSS(`.seg`)))

	tr, _ := e.svc.Translation(t.Context(), id, "es")
	page, _ := e.svc.Store().ListSegments(t.Context(), tr, store.Filter{}, 0, 10)
	first, second := page.Segments[0], page.Segments[1]
	tb.click(t, row(first.ID, ` a[data-act="history"]`))
	tb.do(t, "the panel with the memory's match", chromedp.WaitVisible(chromedp.CSS(row(first.ID, ` .match`))))
	if score := js[string](t, tb, `document.querySelector(`+jsq(row(first.ID, " .match"))+`).dataset.score`); score < "75" || score == "100" {
		t.Errorf("fuzzy match scored %s", score)
	}
	tb.shoot(t, "11-memory-match.png")
	tb.click(t, row(first.ID, ` .match button`))
	waitJS(t, tb, 10*time.Second, "the match is put in",
		`document.querySelector(`+jsq(areaOf(first.ID))+`).value === "El ayuntamiento aprobó el nuevo puente el lunes."`,
		`document.querySelector(`+jsq(areaOf(first.ID))+`).value`)
	if sg := e.segment(t, first.ID); sg.State != "draft" || sg.Target != "El ayuntamiento aprobó el nuevo puente el lunes." {
		t.Errorf("after using the match: %+v", sg)
	}

	tb.replaceText(t, second.ID, "Cambiado.")
	tb.do(t, "Alt+T", chromedp.KeyEvent("t", chromedp.KeyModifiers(chromedp.ModifierAlt)))
	waitJS(t, tb, 15*time.Second, "the machine text is back",
		`document.querySelector(`+jsq(areaOf(second.ID))+`).value === `+jsq(second.MT),
		`document.querySelector(`+jsq(areaOf(second.ID))+`).value`)
	revs, _ := e.svc.Store().Revisions(t.Context(), second.ID)
	if kinds := []string{}; len(revs) < 3 || revs[len(revs)-1].Kind != "mt" {
		for _, r := range revs {
			kinds = append(kinds, r.Kind)
		}
		t.Errorf("revisions after Alt+T: %s", strings.Join(kinds, ","))
	}

	e.navigate(t, tb, "/")
	tb.do(t, "article list with the machine-translation form", chromedp.WaitVisible(chromedp.CSS(`#translate`)))
	tb.shoot(t, "14-documents-mt.png")
}
