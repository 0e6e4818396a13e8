package review_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// BenchmarkMarkdownArticleImport imports a Markdown article of 1,000 blocks
// (3,000 sentences, headings, lists, links) with its translation: parsing both,
// sentence splitting, alignment, checks and the store's transaction.
func BenchmarkMarkdownArticleImport(b *testing.B) {
	var src, tgt strings.Builder
	for i := range 250 {
		fmt.Fprintf(&src, "## Part %d\n\nThe council met on %d May. It approved **%d projects** for the [river](https://example.org/%d). Work starts soon.\n\n- Item %d is ready.\n- Item %d waits.\n\n", i, i%28+1, i*3, i, i, i+1)
		fmt.Fprintf(&tgt, "## Parte %d\n\nEl consejo se reunió el %d de mayo. Aprobó **%d proyectos** para el [río](https://example.org/%d). Las obras empiezan pronto.\n\n- El punto %d está listo.\n- El punto %d espera.\n\n", i, i%28+1, i*3, i, i, i+1)
	}
	st, err := store.Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := review.New(st)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := svc.CreateFromTexts(b.Context(), nil, review.NewTexts{Title: "Bench", SourceLang: "en", TargetLang: "es",
			Source: src.String(), Target: tgt.String(), Format: "markdown"}); err != nil {
			b.Fatal(err)
		}
	}
}
