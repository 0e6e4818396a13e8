package align

import (
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkTexts1000 aligns an article pair of 1,000 source paragraphs: the
// dev gold article de-en-heatpumps (which drops a paragraph, merges and
// splits sentences) repeated, numbers and all, so that only the banded
// dynamic programming keeps the time linear.
func BenchmarkTexts1000(b *testing.B) {
	a := loadGold(b, filepath.Join("testdata", "gold", "de-en-heatpumps.txt"))
	var src, tgt []string
	for len(src) < 1000 {
		src, tgt = append(src, texts(a.src)...), append(tgt, texts(a.tgt)...)
	}
	s, g := strings.Join(src[:1000], "\n\n"), strings.Join(tgt, "\n\n")
	b.ResetTimer()
	for b.Loop() {
		Texts(a.srcLang, a.tgtLang, s, g)
	}
}
