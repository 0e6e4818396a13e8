package review_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/textdiff"
)

func TestSimilarity(t *testing.T) {
	ten := "The minister said on Monday that taxes would rise soon."
	for _, tc := range []struct {
		name, a, b string
		score      int
		ok         bool
	}{
		{"equal", ten, ten, 100, true},
		// "Monday" → "Friday": 3 of 55 characters differ: 100 × 52 / 55 = 94.5.
		{"one word of ten", ten, strings.Replace(ten, "Monday", "Friday", 1), 94, true},
		// 4 edits in 16 characters: exactly 75.
		{"threshold", "abcdefghijklmnop", "abcdefghijklWXYZ", 75, true},
		// 5 edits in 16 characters: 68, below.
		{"below", "abcdefghijklmnop", "abcdefghijkVWXYZ", 68, false},
		{"lengths alone rule it out", "abcd", "abcdefgh", 0, false},
		{"characters, not bytes", "서울의 날씨는 맑음", "서울의 날씨는 흐림", 80, true},
	} {
		score, ok := review.Similarity(tc.a, tc.b)
		if score != tc.score || ok != tc.ok {
			t.Errorf("%s: Similarity = %d, %v; want %d, %v", tc.name, score, ok, tc.score, tc.ok)
		}
	}
}

func remember(t *testing.T, svc *review.Service, source, target string) {
	t.Helper()
	if err := svc.Remember(t.Context(), store.MemoryEntry{SourceLang: "en", TargetLang: "es", Source: source, Target: target}); err != nil {
		t.Fatalf("Remember(%q): %v", source, err)
	}
}

func TestMatches(t *testing.T) {
	svc, _ := newService(t)
	ctx := t.Context()
	remember(t, svc, "The minister said on Monday that taxes would rise soon.", "lunes")
	remember(t, svc, "The minister said on Friday that taxes would rise soon.", "viernes")
	remember(t, svc, "The minister said that the weather is fine today.", "tiempo")
	remember(t, svc, "Our {1}neighbour{/1} bought a green bicycle.", "bici")
	time.Sleep(time.Millisecond)
	remember(t, svc, "The minister said on Friday that taxes would rise soon.", "viernes 2") // same source, newer

	got, err := svc.Matches(ctx, "en", "es", "The minister said on Friday that taxes would rise soon.", 5)
	if err != nil {
		t.Fatal(err)
	}
	var summary []string
	for _, m := range got {
		summary = append(summary, fmt.Sprintf("%s:%d", m.Target, m.Score))
	}
	// Exact matches first, the newer of the two first; then one word changed.
	if want := "viernes 2:100 viernes:100 lunes:94"; strings.Join(summary, " ") != want {
		t.Errorf("Matches = %v, want %s", summary, want)
	}
	if len(got) == 3 {
		want := []textdiff.Op{{Kind: textdiff.Equal, Text: "The minister said on "}, {Kind: textdiff.Delete, Text: "Monday"},
			{Kind: textdiff.Insert, Text: "Friday"}, {Kind: textdiff.Equal, Text: " that taxes would rise soon."}}
		if fmt.Sprint(got[2].Diff) != fmt.Sprint(want) {
			t.Errorf("diff = %v, want %v", got[2].Diff, want)
		}
	}
	if got, _ := svc.Matches(ctx, "en", "es", "The minister said on Friday that taxes would rise soon.", 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d matches", len(got))
	}

	// Tags and extra spaces do not count; below the threshold nothing is offered.
	got, _ = svc.Matches(ctx, "en", "es", "Our neighbour  bought a {2/}green bicycle.", 5)
	if len(got) != 1 || got[0].Score != 100 || got[0].Target != "bici" {
		t.Errorf("tagged match = %+v", got)
	}
	for _, q := range []string{"The minister said that prices are fine today.", "Completely different words here."} {
		for _, m := range mustMatches(t, svc, q) {
			if m.Score < review.MatchThreshold {
				t.Errorf("%q: offered %q at %d", q, m.Source, m.Score)
			}
		}
	}
	if got := mustMatches(t, svc, "Completely different words here."); len(got) != 0 {
		t.Errorf("unrelated query matched %+v", got)
	}
}

func mustMatches(t *testing.T, svc *review.Service, q string) []review.Match {
	t.Helper()
	got, err := svc.Matches(t.Context(), "en", "es", q, 5)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestMemoryRefusals(t *testing.T) {
	svc, st := newService(t)
	ctx := t.Context()
	viewer := addUser(t, st, "vic", review.RoleViewer)
	const tmx = `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hi</seg></tuv>` +
		`<tuv xml:lang="es"><seg>Hola</seg></tuv></tu></body></tmx>`
	for _, tc := range []struct {
		name string
		err  error
		run  func() error
	}{
		{"remember empty target", review.ErrInvalid, func() error {
			return svc.Remember(ctx, store.MemoryEntry{SourceLang: "en", TargetLang: "es", Source: "a", Target: " "})
		}},
		{"remember bad language", review.ErrMalformed, func() error {
			return svc.Remember(ctx, store.MemoryEntry{SourceLang: "xx-!!", TargetLang: "es", Source: "a", Target: "b"})
		}},
		{"remember same languages", review.ErrInvalid, func() error {
			return svc.Remember(ctx, store.MemoryEntry{SourceLang: "en", TargetLang: "EN", Source: "a", Target: "b"})
		}},
		{"remember bad UTF-8", review.ErrMalformed, func() error {
			return svc.Remember(ctx, store.MemoryEntry{SourceLang: "en", TargetLang: "es", Source: "a\xff", Target: "b"})
		}},
		{"viewer imports", review.ErrForbidden, func() error {
			_, err := svc.ImportMemoryTMX(ctx, &viewer, strings.NewReader(tmx), "", "")
			return err
		}},
		{"not TMX", review.ErrMalformed, func() error {
			_, err := svc.ImportMemoryTMX(ctx, nil, strings.NewReader("<xliff/>"), "en", "es")
			return err
		}},
		{"other languages than given", review.ErrInvalid, func() error {
			_, err := svc.ImportMemoryTMX(ctx, nil, strings.NewReader(tmx), "en", "de")
			return err
		}},
		{"no complete pair", review.ErrInvalid, func() error {
			_, err := svc.ImportMemoryTMX(ctx, nil, strings.NewReader(strings.Replace(tmx, "Hola", "", 1)), "", "")
			return err
		}},
		{"export bad language", review.ErrMalformed, func() error { return svc.ExportMemoryTMX(ctx, &bytes.Buffer{}, "", "es") }},
	} {
		err := tc.run()
		var rerr *review.Error
		if !errors.Is(err, tc.err) || !errors.As(err, &rerr) {
			t.Errorf("%s: err = %v, want a *review.Error wrapping %v", tc.name, err, tc.err)
		}
	}
	if pairs, _ := st.MemoryPairs(ctx); len(pairs) != 0 {
		t.Errorf("refusals stored %+v", pairs)
	}
}

func TestMemoryTMXRoundTrip(t *testing.T) {
	svc, st := newService(t)
	ctx := t.Context()
	rae := addUser(t, st, "rae", review.RoleReviewer)
	const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="EN-us" segtype="sentence"/><body>
<tu><tuv xml:lang="en-US"><seg>The <bpt i="1">&lt;b&gt;</bpt>house<ept i="1">&lt;/b&gt;</ept> is red.</seg></tuv><tuv xml:lang="es"><seg>La casa es roja.</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Cafe&#x301; au lait.</seg></tuv><tuv xml:lang="es"><seg>Café con leche.</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Untranslated.</seg></tuv><tuv xml:lang="es"><seg> </seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>The house is red.</seg></tuv><tuv xml:lang="es"><seg>La casa es roja.</seg></tuv></tu>
</body></tmx>`
	n, err := svc.ImportMemoryTMX(ctx, &rae, strings.NewReader(tmx), "", "")
	if err != nil || n != 3 {
		t.Fatalf("ImportMemoryTMX = %d, %v; want 3", n, err)
	}
	before := memoryOf(t, st, "en-US", "es")
	if before[1] != "Café au lait.|Café con leche.|rae" || before[0] != "The {1}house{/1} is red.|La casa es roja.|rae" {
		t.Errorf("imported %q", before)
	}
	var out bytes.Buffer
	if err := svc.ExportMemoryTMX(ctx, &out, "en-US", "es"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`srclang="en-US"`, `changeid="rae"`, `creationdate="`, `changedate="`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, out.String())
		}
	}
	// Into a fresh database, the other way round when asked so.
	svc2, st2 := newService(t)
	if n, err := svc2.ImportMemoryTMX(ctx, nil, bytes.NewReader(out.Bytes()), "en-US", "es"); err != nil || n != 3 {
		t.Fatalf("reimport = %d, %v", n, err)
	}
	after := memoryOf(t, st2, "en-US", "es")
	for i := range before {
		if b, a := strings.TrimSuffix(before[i], "|rae"), after[i]; a != b+"|" {
			t.Errorf("entry %d: %q, then %q", i, b, a)
		}
	}
	if n, err := svc2.ImportMemoryTMX(ctx, nil, bytes.NewReader(out.Bytes()), "es", "en"); err != nil || n != 3 {
		t.Fatalf("reversed import = %d, %v", n, err)
	}
	if got := memoryOf(t, st2, "es", "en"); len(got) != 3 || got[2] != "La casa es roja.|The house is red.|" {
		t.Errorf("reversed = %q", got)
	}
}

// memoryOf lists a pair's entries as "source|target|reviewer".
func memoryOf(t *testing.T, st *store.Store, src, tgt string) []string {
	t.Helper()
	var out []string
	if err := st.ForEachMemory(t.Context(), src, tgt, func(e store.MemoryEntry) error {
		out = append(out, e.Source+"|"+e.Target+"|"+e.Reviewer)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}
