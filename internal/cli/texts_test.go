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
