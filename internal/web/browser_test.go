package web_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"copydesk/internal/review"
)

// These tests drive the review page in a real headless Chromium: shortcuts, autosave,
// live updates, conflicts, the UI language and escaping. Screenshots of the main
// pages go to the directory $COPYDESK_SHOTS when it is set.

var (
	ctrl  = chromedp.KeyModifiers(chromedp.ModifierCtrl)
	alt   = chromedp.KeyModifiers(chromedp.ModifierAlt)
	focus = `(function (a) { var r = a && a.closest && a.closest("article.seg");
		return a ? a.tagName + (r ? " in segment " + r.dataset.segmentId : "") : "nothing"; })(document.activeElement)`
)

// The article of every browser test, in two paragraphs, with one hostile segment.
const (
	hostileSource = `Le <i>titre</i> & <script>alert(2)</script>.`
	hostileTarget = `<script>alert(1)</script> & <b>bold</b>`
)

var articleSegments = []struct {
	para           int
	source, target string
}{
	{1, "Le conseil municipal s’est réuni lundi soir.", "The city council met on Monday evening."},
	{1, "Il a voté le budget de 2025 à l’unanimité.", "It voted the 2025 budget unanimously ."},
	{1, "« Nous avons fait des choix difficiles », a dit le maire.", "\"We made hard choices\", said the mayor."},
	{2, hostileSource, hostileTarget},
	{2, "Les travaux commenceront en mars.", "Work will start in March."},
	{2, "Ils dureront dix-huit mois.", "They will last eighteen months."},
}

// isFocused is a JavaScript test that the editor of segment id has the focus.
func isFocused(id int64) string {
	return `document.activeElement === document.querySelector(` + jsq(areaOf(id)) + `)`
}

func TestBrowserReviewFlow(t *testing.T) {
	e := newBrowserEnv(t)
	ctx := context.Background()
	first, second, third, hostile := e.segs[0], e.segs[1], e.segs[2], e.segs[3]
	// The second segment is approved already, so Ctrl+Enter on the first skips it.
	if _, err := e.svc.Approve(ctx, e.users["rene"], second.ID, second.Version); err != nil {
		t.Fatalf("approve segment 2: %v", err)
	}
	tb := e.newTab(t)
	e.login(t, tb, "rita", e.reviewPath())

	states := js[[]string](t, tb, `Array.from(document.querySelectorAll("article.seg"), r => r.dataset.state)`)
	if want := []string{"mt", "approved", "mt", "mt", "mt", "mt"}; strings.Join(states, " ") != strings.Join(want, " ") {
		t.Fatalf("row states = %q, want %q", states, want)
	}

	// Edit the first row and approve it with Ctrl+Enter, without saving first.
	const edited = "The city council met on Monday night."
	tb.replaceText(t, first.ID, edited)
	tb.do(t, "press Ctrl+Enter", chromedp.KeyEvent(kb.Enter, ctrl))
	tb.do(t, "wait for the first row to be approved", chromedp.WaitReady(chromedp.CSS(row(first.ID, `[data-state="approved"]`))))
	sg := e.segment(t, first.ID)
	if sg.State != review.StateApproved || sg.Target != edited || sg.Version != 3 {
		t.Errorf("stored after Ctrl+Enter: state %q, target %q, version %d; want approved, %q, 3 (edit then approve)",
			sg.State, sg.Target, sg.Version, edited)
	}
	r := `document.querySelector(` + jsq(row(first.ID, "")) + `)`
	if got := js[string](t, tb, r+`.dataset.version + " " + `+r+`.querySelector(".state").textContent`); got != "3 Approved" {
		t.Errorf("row data-version and badge = %q, want \"3 Approved\"", got)
	}
	waitJS(t, tb, 5*time.Second, "Ctrl+Enter focuses the next row not approved (the third)", isFocused(third.ID), focus)

	// Alt+Up and Alt+Down move between rows, approved or not.
	tb.do(t, "press Alt+ArrowUp", chromedp.KeyEvent(kb.ArrowUp, alt))
	waitJS(t, tb, 5*time.Second, "Alt+ArrowUp focuses the row above", isFocused(second.ID), focus)
	tb.do(t, "press Alt+ArrowDown", chromedp.KeyEvent(kb.ArrowDown, alt))
	waitJS(t, tb, 5*time.Second, "Alt+ArrowDown focuses the row below", isFocused(third.ID), focus)

	// Escape throws away what was typed since the last save.
	tb.do(t, "type, then Escape", chromedp.KeyEvent(" XYZ"), chromedp.KeyEvent(kb.Escape))
	if got := get(t, tb, chromedp.Value(chromedp.CSS(areaOf(third.ID)))); got != third.Target {
		t.Errorf("after Escape the editor holds %q, want the saved %q", got, third.Target)
	}

	// The hostile segment is text everywhere: editor, source, diff, data attribute.
	checkHostile := func(when string) {
		t.Helper()
		hrow := `document.querySelector(` + jsq(row(hostile.ID, "")) + `)`
		for expr, want := range map[string]string{
			hrow + `.querySelector("textarea").value`:    hostileTarget,
			hrow + `.querySelector(".src").textContent`:  hostileSource,
			hrow + `.querySelector(".diff").textContent`: hostileTarget,
			hrow + `.dataset.mt`:                         hostileTarget,
		} {
			if got := js[string](t, tb, expr); got != want {
				t.Errorf("%s: %s = %q, want %q", when, expr, got, want)
			}
		}
		if n := js[int](t, tb, `document.querySelectorAll("article.seg b, article.seg i, article.seg script").length`); n != 0 {
			t.Errorf("%s: the segment texts made %d elements", when, n)
		}
		if js[bool](t, tb, `Array.from(document.scripts).some(s => s.textContent.includes("alert("))`) {
			t.Errorf("%s: a script element holds the segment's code", when)
		}
		if n := tb.count(&tb.dialogs); n != 0 {
			t.Errorf("%s: %d dialogs opened", when, n)
		}
	}
	checkHostile("on load")
	tb.click(t, row(hostile.ID, ` button[data-act="approve"]`))
	tb.do(t, "approve the hostile segment with its button", chromedp.WaitReady(chromedp.CSS(row(hostile.ID, `[data-state="approved"]`))))
	checkHostile("after approving")
	if sg := e.segment(t, hostile.ID); sg.Target != hostileTarget || sg.State != review.StateApproved {
		t.Errorf("stored hostile segment: %q, %s", sg.Target, sg.State)
	}
	if sg := e.segment(t, third.ID); sg.Version != 1 || sg.Target != third.Target {
		t.Errorf("the row restored with Escape was saved: version %d, %q", sg.Version, sg.Target)
	}
}

func TestBrowserLiveUpdate(t *testing.T) {
	e := newBrowserEnv(t)
	a, b := e.newTab(t), e.newTab(t)
	e.login(t, a, "rita", e.reviewPath())
	e.login(t, b, "rene", e.reviewPath()) // its own cookies: login checks the top bar names rene
	b.waitLive(t)
	seg := e.segs[2]

	const text = "“We made hard choices,” the mayor said."
	a.replaceText(t, seg.ID, text)
	saved := time.Now()
	a.click(t, row(seg.ID, ` button[data-act="save"]`))
	a.do(t, "save with the button", chromedp.WaitReady(chromedp.CSS(row(seg.ID, `[data-version="2"]`))))
	if sg := e.segment(t, seg.ID); sg.Target != text || sg.Version != 2 || sg.State != review.StateDraft {
		t.Fatalf("stored after save: %q v%d %s", sg.Target, sg.Version, sg.State)
	}

	r := `document.querySelector(` + jsq(row(seg.ID, "")) + `)`
	waitJS(t, b, 5*time.Second, "the other reviewer's page shows the change",
		r+`.querySelector("textarea").value === `+jsq(text)+` && `+r+`.dataset.version === "2" && `+
			r+`.dataset.state === "draft" && `+r+`.querySelector("[data-changed]").textContent.includes("rita")`,
		`{text: `+r+`.querySelector("textarea").value, version: `+r+`.dataset.version, state: `+r+`.dataset.state, changed: `+
			r+`.querySelector("[data-changed]").textContent}`)
	t.Logf("live update reached the other page in %v", time.Since(saved).Round(10*time.Millisecond))
	if got := get(t, b, chromedp.Text(chromedp.CSS(row(seg.ID, " .state")))); got != "Draft" {
		t.Errorf("second page's badge reads %q, want Draft", got)
	}
}

func TestBrowserConflict(t *testing.T) {
	e := newBrowserEnv(t)
	tb := e.newTab(t)
	e.login(t, tb, "rene", e.reviewPath())
	tb.waitLive(t)
	seg := e.segs[1]

	const mine, theirs = "It passed the 2025 budget unanimously.", "It voted for the 2025 budget unanimously."
	tb.replaceText(t, seg.ID, mine)
	if _, err := e.svc.Edit(context.Background(), e.users["rita"], seg.ID, seg.Version, theirs); err != nil {
		t.Fatalf("edit through the service: %v", err)
	}
	tb.click(t, row(seg.ID, ` button[data-act="save"]`))
	tb.do(t, "see the conflict", chromedp.WaitVisible(chromedp.CSS(row(seg.ID, " .conflictbox"))))
	texts := js[[]string](t, tb, `Array.from(document.querySelectorAll(`+jsq(row(seg.ID, " .conflictbox .text"))+`), d => d.textContent)`)
	if len(texts) != 2 || texts[0] != theirs || texts[1] != mine {
		t.Errorf("conflict box shows %q, want [%q %q]", texts, theirs, mine)
	}
	if sg := e.segment(t, seg.ID); sg.Target != theirs || sg.Version != 2 {
		t.Fatalf("the stale save overwrote the store: %q v%d", sg.Target, sg.Version)
	}
	tb.shoot(t, "07-conflict.png")

	tb.click(t, row(seg.ID, " .conflictbox button"))
	tb.do(t, "keep mine", chromedp.WaitReady(chromedp.CSS(row(seg.ID, `[data-version="3"]`))),
		chromedp.WaitNotPresent(chromedp.CSS(row(seg.ID, " .conflictbox"))))
	sg := e.segment(t, seg.ID)
	if sg.Target != mine || sg.Version != 3 || sg.State != review.StateDraft {
		t.Errorf("after keep mine the store has %q v%d %s, want %q v3 draft", sg.Target, sg.Version, sg.State, mine)
	}
	if revs, err := e.svc.Store().Revisions(context.Background(), seg.ID); err != nil || len(revs) == 0 || revs[len(revs)-1].Author != "rene" {
		t.Errorf("revisions %+v (%v): the last should be rene's", revs, err)
	}
}

// An editor who pauses (autosave starts) and types on while the save's answer is
// on its way keeps what they typed, gets no conflict with themselves, and the rest
// is saved in turn. The browser holds the first save's answer until the page has
// had the live event of that same save, as on a slow network.
func TestBrowserTypingDuringSave(t *testing.T) {
	e := newBrowserEnv(t)
	tb := e.newTab(t)
	e.login(t, tb, "rita", e.reviewPath())
	tb.waitLive(t)
	seg := e.segs[4]

	paused := chromedp.Events(tb.ctx, fetch.RequestPaused)
	pctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	pushed := chromedp.Events(pctx, network.EventSourceMessageReceived)
	held, release := make(chan fetch.RequestID, 1), make(chan struct{})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	defer free()
	go func() { // hold the first save's answer; let later ones through
		first := true
		for ev, err := range paused {
			if err != nil {
				return
			}
			if first {
				first = false
				held <- ev.RequestID
				select {
				case <-release:
				case <-tb.ctx.Done():
					return
				}
			}
			_, _ = chromedp.Call(tb.ctx, fetch.ContinueResponse, fetch.ContinueResponseParams{RequestID: ev.RequestID})
		}
	}()
	tb.do(t, "intercept answers to saves", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
			{URLPattern: "*/segments/*/save", RequestStage: fetch.RequestStageResponse}}})
		return err
	}))

	const first, more = "Work will begin in March.", " It was planned for January."
	tb.replaceText(t, seg.ID, first)
	select { // autosave, 1.2 s after the last key
	case <-held:
	case <-time.After(5 * time.Second):
		t.Fatal("no autosave within 5 s")
	}
	tb.do(t, "type on while the save is answered", chromedp.KeyEvent(more))
	for ev, err := range pushed { // the page's own save, as a live event
		if err != nil {
			t.Fatalf("waiting for the live event: %v", err)
		}
		if strings.Contains(ev.Data, `"id":`+strconv.FormatInt(seg.ID, 10)+`,`) {
			break
		}
	}
	r := `document.querySelector(` + jsq(row(seg.ID, "")) + `)`
	box := `(` + r + `.querySelector(".conflictbox") || {}).textContent || ""`
	if b := js[string](t, tb, box); b != "" {
		t.Errorf("the live event of the editor's own save, arriving before its answer, shows a conflict: %q", b)
	}
	free()
	waitJS(t, tb, 5*time.Second, "the first save is answered", r+`.dataset.version === "2"`, r+`.dataset.version`)
	if b := js[string](t, tb, box); b != "" {
		t.Errorf("after the answer the row still shows a conflict: %q", b)
	}
	if got := get(t, tb, chromedp.Value(chromedp.CSS(areaOf(seg.ID)))); got != first+more {
		t.Errorf("after the save was answered the editor holds %q, want %q: keys typed during the save were lost", got, first+more)
	}
	if !eventually(5*time.Second, func() bool { return e.segment(t, seg.ID).Target == first+more }) {
		sg := e.segment(t, seg.ID)
		t.Errorf("the store ends with %q (v%d), want %q", sg.Target, sg.Version, first+more)
	}
}

func TestBrowserFrench(t *testing.T) {
	e := newBrowserEnv(t)
	tb := e.newTab(t)
	e.login(t, tb, "rita", e.reviewPath())
	en, fr := readLocale(t, "en"), readLocale(t, "fr")
	checks := map[string]string{ // message ID: where it shows
		"action.approve": row(e.segs[0].ID, ` button[data-act="approve"]`),
		"action.save":    row(e.segs[0].ID, ` button[data-act="save"]`),
		"nav.logout":     `form[action="/logout"] button`,
		"state.approved": `select[name=state] option[value=approved]`,
	}
	checkTexts := func(lang string, msgs map[string]string) (checked int) {
		t.Helper()
		if got := js[string](t, tb, `document.documentElement.lang`); got != lang {
			t.Errorf("html lang = %q, want %q", got, lang)
		}
		for key, sel := range checks {
			want, ok := msgs[key]
			if !ok {
				t.Logf("locales/%s.json has no %s yet; the page shows %q", lang, key,
					js[string](t, tb, `document.querySelector(`+jsq(sel)+`).textContent.trim()`))
				continue
			}
			checked++
			if got := js[string](t, tb, `document.querySelector(`+jsq(sel)+`).textContent.trim()`); got != want {
				t.Errorf("%s: %s reads %q, want %q", lang, key, got, want)
			}
		}
		return checked
	}
	checkTexts("en", en)

	switchToFrench(t, tb)
	if path := js[string](t, tb, `location.pathname + location.search`); path != e.reviewPath() {
		t.Errorf("after switching, the page is %s, want %s", path, e.reviewPath())
	}
	if n := checkTexts("fr", fr); n == 0 {
		t.Fatalf("locales/fr.json has none of %d checked messages", len(checks))
	}
	if got := js[string](t, tb, `document.getElementById("ui-lang").value`); got != "fr" {
		t.Errorf("language select shows %q after the switch, want fr", got)
	}

	// The article list, which has no content language of its own, is French too.
	e.navigate(t, tb, "/")
	if got := js[string](t, tb, `document.documentElement.lang`); got != "fr" {
		t.Errorf("article list after the switch: html lang %q, want fr", got)
	}
	// The choice is the user's setting: a fresh browser context, with no cookie, is French too.
	other := e.newTab(t)
	e.login(t, other, "rita", "/")
	if got := js[string](t, other, `document.documentElement.lang + " " + document.querySelector('form[action="/logout"] button').textContent`); got != "fr "+fr["nav.logout"] {
		t.Errorf("rita's next session: html lang and logout button %q, want fr and %q (her setting)", got, fr["nav.logout"])
	}
}

// switchToFrench picks French in the top bar's select, as a user does with the
// keyboard, and waits for the page that the script's submit loads.
func switchToFrench(t *testing.T, tb *tab) {
	t.Helper()
	if resp := tb.response(t, "switch the UI language", chromedp.SendKeys(chromedp.ID("ui-lang"), "f")); resp.Status != 200 {
		t.Fatalf("after switching the language: status %d at %s", resp.Status, resp.URL)
	}
}

// readLocale reads the plain (non-plural) messages of locales/<lang>.json now,
// since the files are being translated while these tests are written.
func readLocale(t *testing.T, lang string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "locales", lang+".json"))
	if err != nil {
		t.Fatalf("read locale: %v", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("parse locales/%s.json: %v", lang, err)
	}
	out := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

func TestBrowserScreenshots(t *testing.T) {
	e := newBrowserEnv(t)
	tb := e.newTab(t)
	e.navigate(t, tb, "/login")
	tb.do(t, "login page", chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)))
	tb.shoot(t, "01-login.png")

	e.login(t, tb, "rita", "/")
	if got := get(t, tb, chromedp.Text(chromedp.CSS(`table.doclist .doctitle a`))); got != "Le budget de la ville" {
		t.Errorf("article list shows %q", got)
	}
	tb.shoot(t, "02-documents.png")

	e.navigate(t, tb, e.reviewPath())
	done, edited := e.segs[0], e.segs[1]
	tb.replaceText(t, edited.ID, "It passed the 2025 budget unanimously.")
	tb.do(t, "autosave on blur", chromedp.Blur(chromedp.CSS(areaOf(edited.ID))),
		chromedp.WaitReady(chromedp.CSS(row(edited.ID, `[data-state="draft"]`))))
	tb.click(t, row(edited.ID, ` details.diffbox summary`))
	tb.click(t, row(done.ID, ` button[data-act="approve"]`))
	tb.do(t, "diff open, other row approved", chromedp.WaitVisible(chromedp.CSS(row(edited.ID, ` .diff ins`))),
		chromedp.WaitReady(chromedp.CSS(row(done.ID, `[data-state="approved"]`))))
	tb.shoot(t, "03-review.png")

	tb.click(t, row(edited.ID, ` a[data-act="history"]`))
	tb.do(t, "open the history panel", chromedp.WaitVisible(chromedp.CSS(row(edited.ID, ` [data-panel]`))))
	if got := get(t, tb, chromedp.Text(chromedp.CSS(row(edited.ID, ` [data-panel]`)))); !strings.Contains(got, "rita") {
		t.Errorf("history panel does not name the editor: %q", got)
	}
	tb.shoot(t, "04-history.png")

	tb.do(t, "narrow window", chromedp.EmulateViewport(800, 800))
	tb.shoot(t, "05-review-800.png")
	tb.do(t, "wide window", chromedp.EmulateViewport(1280, 800))

	switchToFrench(t, tb)
	tb.shoot(t, "06-review-fr.png")
}
