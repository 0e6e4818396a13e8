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

func TestImportTranslateTo(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "storm.md")
	os.WriteFile(src, []byte("# Storm warning\n\nA storm will reach the coast tonight. Schools will close on Friday.\n"), 0o600)
	db := tempDB(t)
	r := runCLI(t, "", "import", "--db", db, "--source-lang", "en", "--translate-to", "es", "--source", src)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "1" || !strings.Contains(r.stderr, "translated into es by apertium: 3 segments") {
		t.Fatalf("import = %+v", r)
	}
	withStore(t, db, func(ctx context.Context, svc *review.Service, st *store.Store) {
		tr, err := svc.ReadyTranslation(ctx, 1, "es")
		if err != nil {
			t.Fatal(err)
		}
		page, _ := st.ListSegments(ctx, tr, store.Filter{}, 0, 10)
		if len(page.Segments) != 3 || page.Segments[0].Block != "h1" || page.Segments[1].MT == "" ||
			page.Segments[1].MT == page.Segments[1].Source {
			t.Fatalf("segments = %+v", page.Segments)
		}
	})
	// A pair Apertium does not have: refused, nothing stored.
	wantFailure(t, runCLI(t, "", "import", "--db", db, "--source-lang", "en", "--translate-to", "fi", "--source", src), 1, "fi")
	wantFailure(t, runCLI(t, "", "import", "--db", db, "--source-lang", "en", "--translate-to", "es", "--source", src, "--target", src), 2, "--translate-to")
	// A provider that does not answer: its pairs are unknown, so the article is
	// refused before anything is stored.
	t.Setenv("COPYDESK_MT", "libretranslate")
	t.Setenv("COPYDESK_LIBRETRANSLATE_URL", "http://127.0.0.1:9")
	wantFailure(t, runCLI(t, "", "import", "--db", db, "--source-lang", "en", "--translate-to", "es", "--source", src), 1, "libretranslate")
	withStore(t, db, func(ctx context.Context, svc *review.Service, st *store.Store) {
		if n, _ := st.CountDocuments(ctx); n != 1 {
			t.Errorf("documents = %d; a provider that does not answer must not store an article", n)
		}
	})
}

func TestMemoryImportExport(t *testing.T) {
	dir := t.TempDir()
	tmx := filepath.Join(dir, "in.tmx")
	os.WriteFile(tmx, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu><tuv xml:lang="en"><seg>The bridge opens today.</seg></tuv><tuv xml:lang="es"><seg>El puente abre hoy.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Schools are closed.</seg></tuv><tuv xml:lang="es"><seg>Las escuelas están cerradas.</seg></tuv></tu>
</body></tmx>`), 0o600)
	db := tempDB(t)
	if r := runCLI(t, "", "memory", "import", "--db", db, tmx); r.code != 0 || strings.TrimSpace(r.stdout) != "2" {
		t.Fatalf("memory import = %+v", r)
	}
	r := runCLI(t, "", "memory", "export", "--db", db, "--source-lang", "en", "--target-lang", "es")
	if r.code != 0 || !strings.Contains(r.stdout, "El puente abre hoy.") || !strings.Contains(r.stdout, `<tmx version="1.4"`) {
		t.Fatalf("memory export = %+v", r)
	}
	wantFailure(t, runCLI(t, "", "memory", "export", "--db", db), 2, "--source-lang")
	wantFailure(t, runCLI(t, "", "memory", "import", "--db", db, filepath.Join(dir, "none.tmx")), 1, "none.tmx")
}
