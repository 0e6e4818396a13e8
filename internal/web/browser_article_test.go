package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

const (
	articleMDSource = "# Floods in the north\n\nThe **river** rose by 3.5 metres overnight, the [agency](https://example.org/agency) said. Residents were told to leave.\n\n## What to do\n\n- Move cars to *higher* ground.\n- Keep a phone charged.\n\n> Stay away from the banks. The current is strong.\n"
	// The translator merged the two sentences of the quote.
	articleMDTarget = "# Inundaciones en el norte\n\nEl **río** subió 3,5 metros durante la noche, según la [agencia](https://example.org/agencia). Se pidió a los vecinos que se marcharan.\n\n## Qué hacer\n\n- Lleve los coches a terreno *más alto*.\n- Mantenga el teléfono cargado.\n\n> Aléjese de las orillas, porque la corriente es fuerte.\n"
)

// TestBrowserMarkdownArticle opens a Markdown article on the review page: block
// marks, tag chips and the joined pair are shown, and an edit that drops a tag
// is refused with a message while the stored text stays as it was.
func TestBrowserMarkdownArticle(t *testing.T) {
	e := newBrowserEnv(t)
	u := e.users["rita"]
	id, _, err := e.svc.CreateFromTexts(t.Context(), &u, review.NewTexts{SourceLang: "en", TargetLang: "es",
		Source: articleMDSource, Target: articleMDTarget, Format: "markdown"})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := e.svc.Translation(t.Context(), id, "es")
	if err != nil {
		t.Fatal(err)
	}
	page, err := e.svc.Store().ListSegments(t.Context(), tr, store.Filter{}, 0, 20)
	if err != nil {
		t.Fatal(err)
	}
	var tagged store.Segment
	for _, sg := range page.Segments {
		if strings.Contains(sg.Target, "{2}") {
			tagged = sg
		}
	}
	if tagged.ID == 0 {
		t.Fatalf("no tagged segment among %+v", page.Segments)
	}
	tb := e.newTab(t)
	e.login(t, tb, "rita", "/documents/2?lang=es")
	tb.do(t, "review page of the article", chromedp.WaitVisible(chromedp.CSS(`.seg`)))
	if n := js[int](t, tb, `document.querySelectorAll(".src .tag").length`); n != 6 {
		t.Errorf("%d tag chips in the sources, want 6", n)
	}
	marks := js[string](t, tb, `[...document.querySelectorAll(".blockmark")].map(e => e.textContent).join(" ")`)
	if marks != "H1 H2 • • ❝" {
		t.Errorf("block marks = %q", marks)
	}
	if got := js[string](t, tb, `document.querySelector(".grouping") ? document.querySelector(".grouping").dataset.grouping : ""`); got != "2-1" {
		t.Errorf("joined pair shown as %q, want 2-1", got)
	}
	tb.shoot(t, "08-article.png")

	dropped := strings.Replace(tagged.Target, "{2}agencia{/2}", "agencia", 1)
	tb.replaceText(t, tagged.ID, dropped)
	tb.do(t, "save on blur", chromedp.Blur(chromedp.CSS(areaOf(tagged.ID))))
	waitJS(t, tb, 10*time.Second, "the refusal is shown",
		`document.querySelector(`+jsq(row(tagged.ID, " [data-status]"))+`).textContent.includes("{2}")`,
		`document.querySelector(`+jsq(row(tagged.ID, " [data-status]"))+`).textContent`)
	if sg := e.segment(t, tagged.ID); sg.Target != tagged.Target || sg.Version != tagged.Version {
		t.Errorf("a refused edit was stored: %q v%d", sg.Target, sg.Version)
	}
	tb.shoot(t, "09-article-tag-refused.png")

	// The same kind of article pasted as two HTML pages: the alignment report
	// lists the page furniture set aside.
	e.navigate(t, tb, "/")
	htmlPage := func(nav, h1, p string) string {
		return "<html><body><nav><a href='/'>" + nav + "</a></nav><article><h1>" + h1 + "</h1><p>" + p +
			"</p></article><footer>© 2026 Daily</footer></body></html>"
	}
	js[bool](t, tb, `(function () {
		var f = document.querySelector('form[action="/documents"]');
		f.querySelector('[name=title]').value = "Pasted pages";
		f.querySelector('[name=source_lang]').value = "en";
		f.querySelector('[name=target_lang]').value = "es";
		f.querySelector('details').open = true;
		f.querySelector('[name=source_text]').value = `+jsq(htmlPage("Home", "Floods", "The river rose. Schools closed."))+`;
		f.querySelector('[name=target_text]').value = `+jsq(htmlPage("Inicio", "Inundaciones", "El río subió. Las escuelas cerraron."))+`;
		f.querySelector('[name=article_format]').value = "html";
		f.submit();
		return true;
	})()`)
	tb.do(t, "alignment report", chromedp.WaitVisible(chromedp.CSS(`a.btn-primary`)))
	if got := js[string](t, tb, `document.body.textContent`); !strings.Contains(got, "set aside") {
		t.Errorf("the alignment report does not list what was set aside: %.300s", got)
	}
	tb.shoot(t, "17-aligned.png")
}
