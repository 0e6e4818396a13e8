package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserTimeAndReport types in a segment for a few seconds and leaves it:
// the page reports the active time, which the article's report then shows with
// its charts.
func TestBrowserTimeAndReport(t *testing.T) {
	e := newBrowserEnv(t)
	tb := e.newTab(t)
	e.navigate(t, tb, "/login")
	e.login(t, tb, "rita", e.reviewPath())
	sg := e.segs[1]
	tb.do(t, "focus a segment", chromedp.Focus(chromedp.CSS(areaOf(sg.ID))))
	for range 3 {
		tb.do(t, "type", chromedp.KeyEvent(" "))
		time.Sleep(time.Second)
	}
	tb.do(t, "leave it", chromedp.Blur(chromedp.CSS(areaOf(sg.ID))))
	tr, _ := e.svc.Translation(t.Context(), e.docID, "en")
	var ms int64
	if !eventually(10*time.Second, func() bool {
		times, err := e.svc.Store().TranslationEditingTime(t.Context(), tr.ID)
		ms = times[sg.ID]
		return err == nil && ms >= 2000
	}) {
		t.Fatalf("active time recorded = %d ms, want at least 2 s", ms)
	}
	if ms > 10000 {
		t.Errorf("active time recorded = %d ms for about 3 s of typing", ms)
	}
	tb.click(t, row(sg.ID, ` button[data-act="approve"]`))
	tb.do(t, "approved", chromedp.WaitReady(chromedp.CSS(row(sg.ID, `[data-state="approved"]`))))
	e.navigate(t, tb, "/documents/1/report?lang=en")
	tb.do(t, "report page", chromedp.WaitVisible(chromedp.CSS(`[data-report="effort"] svg`)))
	tb.shoot(t, "12-report.png")
	e.navigate(t, tb, "/reviewers/rita")
	tb.do(t, "reviewer page", chromedp.WaitVisible(chromedp.CSS(`[data-figure="approved"]`)))
	if got := js[string](t, tb, `document.querySelector('[data-figure="approved"]').textContent`); got != "1" {
		t.Errorf("reviewer page approved = %q", got)
	}
	tb.shoot(t, "13-reviewer.png")
	e.navigate(t, tb, "/reviewers")
	tb.do(t, "reviewers", chromedp.WaitVisible(chromedp.CSS(`ul.reviewers`)))
	tb.shoot(t, "15-reviewers.png")
	e.navigate(t, tb, "/memory")
	tb.do(t, "memory page", chromedp.WaitVisible(chromedp.CSS(`input[name=file]`)))
	tb.shoot(t, "16-memory.png")
}
