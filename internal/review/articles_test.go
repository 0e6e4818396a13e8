package review_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"copydesk/internal/formats"
	"copydesk/internal/review"
)

const mdSource = `# Rivers rise in the north

The **river** rose by 3.5 metres overnight, the [agency](https://example.org/agency "Water agency") said. Residents were told to leave.

## What to do

- Move cars to *higher* ground.
- Keep a phone charged.

> Stay away from the banks. The current is strong.

Call ` + "`112`" + ` in an emergency.
`

const mdTarget = `# Los ríos crecen en el norte

El **río** subió 3,5 metros durante la noche, según la [agencia](https://example.org/agencia "Agencia del agua"). Se pidió a los vecinos que se marcharan.

## Qué hacer

- Lleve los coches a terreno *más alto*.
- Mantenga el teléfono cargado.

> Aléjese de las orillas. La corriente es fuerte.

Llame al ` + "`112`" + ` en caso de emergencia.
`

// TestMarkdownArticleRoundTrip imports a Markdown article with its translation,
// checks the segments keep blocks and tags, protects the tags on edit, and
// exports the untouched translation as the same Markdown article.
func TestMarkdownArticleRoundTrip(t *testing.T) {
	svc, st := newService(t)
	admin := addUser(t, st, "root", review.RoleAdmin)
	id, rep, err := svc.CreateFromTexts(t.Context(), &admin, review.NewTexts{SourceLang: "en", TargetLang: "es",
		Source: mdSource, Target: mdTarget, Format: "markdown"})
	if err != nil {
		t.Fatalf("CreateFromTexts: %v", err)
	}
	if len(rep.NonOneToOne) != 0 || len(rep.UnmatchedSourceParagraphs)+len(rep.UnmatchedTargetParagraphs) != 0 {
		t.Errorf("report = %+v, want all one to one", rep)
	}
	doc, err := st.Document(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Rivers rise in the north" || doc.Format != "markdown" {
		t.Errorf("document = %q %q, want the first heading as title, format markdown", doc.Title, doc.Format)
	}
	got := segmentsOf(t, st, id)
	blocks := []string{}
	for _, sg := range got {
		blocks = append(blocks, sg.Block)
	}
	if len(got) != 9 {
		t.Fatalf("segments = %d (%q), want 9", len(got), blocks)
	}
	if got[0].Block != "h1" || got[3].Block != "h2" || !strings.HasSuffix(got[4].Block, ">li") ||
		!strings.HasPrefix(got[6].Block, "blockquote#") || got[1].Block != "p" {
		t.Errorf("blocks = %q", blocks)
	}
	link := got[1]
	if !strings.Contains(link.Source, "{1}river{/1}") || !strings.Contains(link.Target, "{1}río{/1}") ||
		!strings.Contains(link.Target, "{2}agencia{/2}") || !strings.Contains(link.Tags, `"href":"https://example.org/agencia"`) {
		t.Errorf("tagged segment = %q → %q, tags %s", link.Source, link.Target, link.Tags)
	}
	if got[2].Paragraph != got[1].Paragraph || got[2].Index != 2 {
		t.Errorf("second sentence of the paragraph = paragraph %d index %d", got[2].Paragraph, got[2].Index)
	}

	// Tags are protected: dropping one is refused and stores nothing; moving
	// them is fine.
	_, err = svc.Edit(t.Context(), admin, link.ID, link.Version, strings.Replace(link.Target, "{2}agencia{/2}", "agencia", 1))
	var rerr *review.Error
	if !errors.Is(err, review.ErrInvalid) || !errors.As(err, &rerr) || !strings.Contains(rerr.Message(), "{2}") {
		t.Fatalf("edit dropping a tag = %v, want ErrInvalid naming {2}", err)
	}
	_, err = svc.Edit(t.Context(), admin, link.ID, link.Version, strings.Replace(link.Target, "{/1}", "", 1))
	if !errors.Is(err, review.ErrInvalid) {
		t.Fatalf("edit dropping a closing tag = %v, want ErrInvalid", err)
	}
	if cur := segmentsOf(t, st, id)[1]; cur.Version != link.Version || cur.Target != link.Target {
		t.Fatalf("a refused edit changed the segment: %+v", cur)
	}

	// Untouched, the translation exports as the translation's own Markdown.
	a, err := svc.Export(t.Context(), id, "es", true)
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := formats.Write(&md, a, "md"); err != nil {
		t.Fatal(err)
	}
	want, _ := formats.ParseMarkdown(mdTarget)
	back, err := formats.ParseMarkdown(md.String())
	if err != nil {
		t.Fatalf("exported Markdown does not parse: %v\n%s", err, md.String())
	}
	if len(back.Blocks) != len(want.Blocks) {
		t.Fatalf("exported %d blocks, want %d:\n%s", len(back.Blocks), len(want.Blocks), md.String())
	}
	for i := range want.Blocks {
		if back.Blocks[i].Path != want.Blocks[i].Path || back.Blocks[i].Text != want.Blocks[i].Text {
			t.Errorf("block %d = %q %q, want %q %q", i, back.Blocks[i].Path, back.Blocks[i].Text,
				want.Blocks[i].Path, want.Blocks[i].Text)
		}
	}

	// An edit that moves the tags is kept, and the HTML export carries it.
	moved := strings.Replace(link.Target, "El {1}río{/1} subió", "El río {1}subió{/1}", 1)
	if _, err := svc.Edit(t.Context(), admin, link.ID, link.Version, moved); err != nil {
		t.Fatalf("edit moving a tag: %v", err)
	}
	a, _ = svc.Export(t.Context(), id, "es", true)
	var html bytes.Buffer
	if err := formats.Write(&html, a, "html"); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`<h1>Los ríos crecen en el norte</h1>`, `El río <strong>subió</strong>`,
		`<a href="https://example.org/agencia" title="Agencia del agua">agencia</a>`, `<blockquote>`, `<code>112</code>`, `<li>`} {
		if !strings.Contains(html.String(), w) {
			t.Errorf("html export lacks %s:\n%s", w, html.String())
		}
	}
}

// TestHTMLArticleSetsAsideFurniture imports a web page and its translation: the
// navigation, share buttons and footer are set aside and reported.
func TestHTMLArticleSetsAsideFurniture(t *testing.T) {
	svc, st := newService(t)
	admin := addUser(t, st, "root", review.RoleAdmin)
	src, err := os.ReadFile("testdata/page.en.html")
	if err != nil {
		t.Fatal(err)
	}
	tgt, err := os.ReadFile("testdata/page.fr.html")
	if err != nil {
		t.Fatal(err)
	}
	id, rep, err := svc.CreateFromTexts(t.Context(), &admin, review.NewTexts{SourceLang: "en", TargetLang: "fr",
		Source: string(src), Target: string(tgt), Format: "html"})
	if err != nil {
		t.Fatalf("CreateFromTexts: %v", err)
	}
	if len(rep.SetAside) == 0 || !strings.HasPrefix(rep.SetAside[0], "source: ") ||
		!strings.HasPrefix(rep.SetAside[len(rep.SetAside)-1], "translation: ") {
		t.Error("nothing set aside from a page with navigation and a footer")
	}
	for _, sg := range segmentsOf(t, st, id) {
		for _, furniture := range []string{"Share", "Subscribe", "Related", "©", "Home", "Partager", "Accueil"} {
			if strings.Contains(sg.Source, furniture) || strings.Contains(sg.Target, furniture) {
				t.Errorf("furniture %q imported in %q → %q", furniture, sg.Source, sg.Target)
			}
		}
	}
	doc, _ := st.Document(t.Context(), id)
	if doc.Title != "Council approves the new bridge" {
		t.Errorf("title = %q", doc.Title)
	}
	a, _ := svc.Export(t.Context(), id, "fr", true)
	var out bytes.Buffer
	if err := formats.Write(&out, a, "html"); err != nil {
		t.Fatal(err)
	}
	want, _ := formats.ParseHTML(string(tgt))
	back, err := formats.ParseHTML(out.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Blocks) != len(want.Blocks) {
		t.Fatalf("exported %d blocks, want %d:\n%s", len(back.Blocks), len(want.Blocks), out.String())
	}
	for i := range want.Blocks {
		if back.Blocks[i].Path != want.Blocks[i].Path || back.Blocks[i].Text != want.Blocks[i].Text {
			t.Errorf("block %d = %q %q, want %q %q", i, back.Blocks[i].Path, back.Blocks[i].Text,
				want.Blocks[i].Path, want.Blocks[i].Text)
		}
	}
}

func TestArticleImportRefuses(t *testing.T) {
	svc, st := newService(t)
	admin := addUser(t, st, "root", review.RoleAdmin)
	cases := []struct {
		name string
		t    review.NewTexts
		want error
	}{
		{"unknown format", review.NewTexts{Source: "A.", Target: "B.", Format: "docx"}, review.ErrMalformed},
		{"empty markdown", review.NewTexts{Source: "   \n", Target: "B.", Format: "markdown"}, review.ErrInvalid},
		{"html with no article text", review.NewTexts{Source: "<nav>Home</nav>", Target: "<p>B.</p>", Format: "html"}, review.ErrInvalid},
		{"invalid UTF-8", review.NewTexts{Source: "<p>\xff</p>", Target: "<p>B.</p>", Format: "html"}, review.ErrMalformed},
	}
	for _, c := range cases {
		c.t.SourceLang, c.t.TargetLang, c.t.Title = "en", "fr", "T"
		if _, _, err := svc.CreateFromTexts(t.Context(), &admin, c.t); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	if n, _ := st.CountDocuments(t.Context()); n != 0 {
		t.Errorf("refused imports stored %d documents", n)
	}
}
