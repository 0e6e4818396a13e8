package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

func TestImportTwoTexts(t *testing.T) {
	dir := t.TempDir()
	src, tgt := filepath.Join(dir, "en.txt"), filepath.Join(dir, "fr.txt")
	if err := os.WriteFile(src, []byte("The council met on Monday. It approved 42 projects.\n\nWork starts in March.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tgt, []byte("Le conseil, réuni lundi, a approuvé 42 projets.\n\nLes travaux commencent en mars.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := tempDB(t)
	r := runCLI(t, "", "import", "--db", db, "--title", "Texts", "--source-lang", "en", "--target-lang", "fr", "--source", src, "--target", tgt)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "1" || !strings.Contains(r.stderr, "aligned 2 segment pairs; 1 not one-to-one") {
		t.Fatalf("import = %+v", r)
	}
	withStore(t, db, func(ctx context.Context, svc *review.Service, st *store.Store) {
		tr, err := svc.Translation(ctx, 1, "")
		if err != nil {
			t.Fatal(err)
		}
		page, err := st.ListSegments(ctx, tr, store.Filter{}, 0, 10)
		if err != nil || len(page.Segments) != 2 || page.Segments[1].Target != "Les travaux commencent en mars." {
			t.Fatalf("segments = %+v, %v", page.Segments, err)
		}
	})
	wantFailure(t, runCLI(t, "", "import", "--db", db, "--title", "T", "--source-lang", "en", "--target-lang", "fr", "--source", src), 2, "--target")
	wantFailure(t, runCLI(t, "", "import", "--db", db, "--title", "T", "--source-lang", "en", "--target-lang", "fr", "--source", src, "--target", filepath.Join(dir, "none.txt")), 1, "none.txt")
}

func TestImportXLIFFTakesItsLanguages(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(file, []byte(`{"source": "Un.", "target": "One.", "paragraph": 1}`+"\n"+`{"source": "Deux.", "target": "Two.", "paragraph": 2}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "", "import", "--db", db, "--title", "A", "--source-lang", "fr", "--target-lang", "en", file); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	xlf := filepath.Join(dir, "a.xlf")
	if r := runCLI(t, "", "export", "--db", db, "--doc", "1", "--format", "xliff", "--all", "-o", xlf); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	// No language flags: the file names them.
	r := runCLI(t, "", "import", "--db", db, "--title", "Back", xlf)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "2" {
		t.Fatalf("import of the XLIFF = %+v", r)
	}
	withStore(t, db, func(ctx context.Context, svc *review.Service, st *store.Store) {
		d, err := st.Document(ctx, 2)
		if err != nil || d.SourceLang != "fr" || len(d.Translations) != 1 || d.Translations[0].Lang != "en" || d.Translations[0].SegmentCount != 2 {
			t.Fatalf("document = %+v, %v", d, err)
		}
	})
}

func TestImportHTMLArticleAndExportIt(t *testing.T) {
	dir := t.TempDir()
	src, tgt := filepath.Join(dir, "page.en.html"), filepath.Join(dir, "page.es.html")
	page := func(lang, nav, h1, p1, li, foot string) string {
		return `<!DOCTYPE html><html lang="` + lang + `"><body><nav><a href="/">` + nav + `</a></nav><article><h1>` + h1 +
			`</h1><p>` + p1 + `</p><ul><li>` + li + `</li></ul></article><footer>` + foot + `</footer></body></html>`
	}
	os.WriteFile(src, []byte(page("en", "Home", "Floods in the north", `The river rose by <b>3 metres</b>. Schools closed.`,
		"Avoid the bridges.", "© 2026 Daily")), 0o600)
	os.WriteFile(tgt, []byte(page("es", "Inicio", "Inundaciones en el norte", `El río subió <b>3 metros</b>. Cerraron las escuelas.`,
		"Evite los puentes.", "© 2026 Diario")), 0o600)
	db := tempDB(t)
	r := runCLI(t, "", "import", "--db", db, "--source-lang", "en", "--target-lang", "es", "--source", src, "--target", tgt)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "1" || !strings.Contains(r.stderr, "set aside") {
		t.Fatalf("import = %+v", r)
	}
	out := filepath.Join(dir, "out.html")
	if r := runCLI(t, "", "export", "--db", db, "--doc", "1", "--format", "html", "--all", "-o", out); r.code != 0 {
		t.Fatalf("export = %+v", r)
	}
	html, _ := os.ReadFile(out)
	for _, w := range []string{`<html lang="es">`, "<title>Inundaciones en el norte</title>", "<h1>Inundaciones en el norte</h1>",
		"<p>El río subió <strong>3 metros</strong>. Cerraron las escuelas.</p>", "<li>Evite los puentes.</li>"} {
		if !strings.Contains(string(html), w) {
			t.Errorf("export lacks %s:\n%s", w, html)
		}
	}
	if strings.Contains(string(html), "Inicio") || strings.Contains(string(html), "Diario") {
		t.Errorf("page furniture exported:\n%s", html)
	}
	wantFailure(t, runCLI(t, "", "import", "--db", db, "--source-lang", "en", "--target-lang", "es", "--format", "docx", "--source", src, "--target", tgt), 1, "format")
}
