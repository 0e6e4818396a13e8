package store_test

import (
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"

	"copydesk/internal/store"
)

// memEntry is an English → French entry with the given texts.
func memEntry(source, target string) store.MemoryEntry {
	return store.MemoryEntry{SourceLang: "en", TargetLang: "fr", Source: source, Target: target}
}

// memCount returns the number of rows of a memory table, read through its own
// connection.
func memCount(t *testing.T, path, table string) int {
	t.Helper()
	n, err := strconv.Atoi(rawQuery(t, path, `SELECT COUNT(*) FROM `+table))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMemoryAddUpsertsAndExact(t *testing.T) {
	st, path := openStore(t)
	ctx := t.Context()
	uid, err := st.CreateUser(ctx, store.User{Name: "rae", Role: "reviewer", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	docID, err := st.CreateDocument(ctx, sampleDoc(1))
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	add := func(e store.MemoryEntry) {
		t.Helper()
		if err := st.AddMemory(ctx, e); err != nil {
			t.Fatalf("AddMemory(%+v): %v", e, err)
		}
	}
	e := memEntry("The house is red.", "La maison est rouge.")
	e.CreatedAt = t0
	add(e)
	// The same pair again, later, by a reviewer in a document: one row, updated.
	e.CreatedAt, e.ChangedAt, e.ReviewerID, e.DocumentID = t0.Add(time.Hour), t0.Add(time.Hour), uid, docID
	add(e)
	// An older copy does not move it back.
	e2 := memEntry("The house is red.", "La maison est rouge.")
	e2.CreatedAt = t0.Add(-time.Hour)
	add(e2)
	if n := memCount(t, path, "memory"); n != 1 {
		t.Fatalf("memory rows = %d, want 1", n)
	}
	got, err := st.MemoryExact(ctx, "en", "fr", "The house is red.")
	if err != nil {
		t.Fatal(err)
	}
	if !got.CreatedAt.Equal(t0) || !got.ChangedAt.Equal(t0.Add(time.Hour)) || got.Reviewer != "rae" ||
		got.ReviewerID != uid || got.DocumentID != docID || got.Target != "La maison est rouge." {
		t.Errorf("MemoryExact = %+v", got)
	}

	// A second target for the same source, changed later, is the exact match now.
	e3 := memEntry("The house is red.", "La demeure est rouge.")
	e3.CreatedAt = t0.Add(2 * time.Hour)
	add(e3)
	if got, _ := st.MemoryExact(ctx, "en", "fr", "The house is red."); got.Target != "La demeure est rouge." {
		t.Errorf("after a newer target, MemoryExact target = %q", got.Target)
	}

	for _, tc := range []struct{ name, src, tgt, source string }{
		{"other source", "en", "fr", "The house is blue."},
		{"source with a different case", "en", "fr", "the house is red."},
		{"other pair", "en", "de", "The house is red."},
	} {
		if _, err := st.MemoryExact(ctx, tc.src, tc.tgt, tc.source); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: MemoryExact err = %v, want ErrNotFound", tc.name, err)
		}
	}

	pairs, err := st.MemoryPairs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.MemoryPair{{SourceLang: "en", TargetLang: "fr", Entries: 2}}; fmt.Sprint(pairs) != fmt.Sprint(want) {
		t.Errorf("MemoryPairs = %+v, want %+v", pairs, want)
	}

	// Deleting the document and the user keeps the entry, without them.
	if _, err := st.CreateDocument(ctx, sampleDoc(1)); err != nil {
		t.Fatal(err)
	}
	rawExec(t, path, `DELETE FROM documents WHERE id = `+strconv.FormatInt(docID, 10))
	rawExec(t, path, `DELETE FROM users WHERE id = `+strconv.FormatInt(uid, 10))
	got, err = st.MemoryExact(ctx, "en", "fr", "The house is red.")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	_ = st.ForEachMemory(ctx, "en", "fr", func(e store.MemoryEntry) error {
		if e.Target == "La maison est rouge." && (e.DocumentID != 0 || e.ReviewerID != 0 || e.Reviewer != "") {
			t.Errorf("after deleting document and user: %+v", e)
		}
		n++
		return nil
	})
	if n != 2 {
		t.Errorf("ForEachMemory saw %d entries, want 2", n)
	}
}

// rawExec runs a statement through its own connection, foreign keys on.
func rawExec(t *testing.T, path, stmt string) {
	t.Helper()
	rawQuery(t, path+"?_foreign_keys=on", stmt+` RETURNING 'ok'`)
}

func TestMemoryRefusesIncompleteEntries(t *testing.T) {
	st, _ := openStore(t)
	for _, e := range []store.MemoryEntry{
		{SourceLang: "en", TargetLang: "fr", Source: " ", Target: "x"},
		{SourceLang: "en", TargetLang: "fr", Source: "x", Target: ""},
		{SourceLang: "", TargetLang: "fr", Source: "x", Target: "y"},
	} {
		if err := st.AddMemory(t.Context(), e); err == nil {
			t.Errorf("AddMemory(%+v) = nil, want an error", e)
		}
	}
}

func TestMemoryCandidatesRanking(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	query := "The minister announced new taxes on Monday."
	entries := []store.MemoryEntry{
		memEntry("The minister announced new taxes on Tuesday.", "b"),         // one word changed
		memEntry("The minister announced new taxes on Monday.", "a"),          // identical
		memEntry("Our neighbour bought a green bicycle.", "c"),                // unrelated
		memEntry("The {1}minister{/1} announced   new taxes on Monday.", "d"), // tags and spaces
		memEntry("The president announced new rules last year.", "e"),         // a little shared
	}
	if _, err := st.ImportMemory(ctx, entries); err != nil {
		t.Fatal(err)
	}
	// Another pair shares the texts but never shows up.
	other := memEntry("The minister announced new taxes on Monday.", "x")
	other.TargetLang = "de"
	if err := st.AddMemory(ctx, other); err != nil {
		t.Fatal(err)
	}
	got, err := st.MemoryCandidates(ctx, "en", "fr", query, 10)
	if err != nil {
		t.Fatal(err)
	}
	var targets string
	for _, e := range got {
		targets += e.Target
	}
	// The identical and the tag-stripped copy share every trigram (the later
	// one first), then the one-word change, then the loosely related one; the
	// unrelated sentence shares only common trigrams, if any.
	if len(targets) < 4 || targets[:4] != "dabe" {
		t.Errorf("candidates = %q, want dabe first", targets)
	}
	if got, _ := st.MemoryCandidates(ctx, "en", "fr", query, 2); len(got) != 2 {
		t.Errorf("limit 2 gave %d candidates", len(got))
	}
	for _, q := range []string{"", "  ", "{1/}"} {
		if got, err := st.MemoryCandidates(ctx, "en", "fr", q, 10); err != nil || len(got) != 0 {
			t.Errorf("MemoryCandidates(%q) = %v, %v; want none", q, got, err)
		}
	}
	if got, _ := st.MemoryCandidates(ctx, "en", "es", query, 10); len(got) != 0 {
		t.Errorf("empty pair gave %d candidates", len(got))
	}
}

func TestMemoryCandidatesCJK(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	for _, tc := range []struct {
		src, query string
		entries    []string
		want       string
	}{
		{"ko", "오늘 서울의 날씨는 맑습니다.",
			[]string{"내일 부산에는 비가 옵니다.", "오늘 서울의 날씨는 흐립니다.", "경제 성장률이 올랐습니다."}, "오늘 서울의 날씨는 흐립니다."},
		{"ja", "東京の天気は晴れです。",
			[]string{"大阪の天気は雨です。", "東京の天気は曇りです。", "経済が成長しました。"}, "東京の天気は曇りです。"},
	} {
		var es []store.MemoryEntry
		for _, s := range tc.entries {
			es = append(es, store.MemoryEntry{SourceLang: tc.src, TargetLang: "en", Source: s, Target: "t"})
		}
		if _, err := st.ImportMemory(ctx, es); err != nil {
			t.Fatal(err)
		}
		got, err := st.MemoryCandidates(ctx, tc.src, "en", tc.query, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Source != tc.want {
			t.Errorf("%s: candidates = %+v, want %q", tc.src, got, tc.want)
		}
	}
}

func TestImportMemoryAllOrNothing(t *testing.T) {
	st, path := openStore(t)
	ctx := t.Context()
	bad := memEntry("Two", "Deux")
	bad.DocumentID = 999 // no such document
	_, err := st.ImportMemory(ctx, []store.MemoryEntry{memEntry("One", "Un"), bad, memEntry("Three", "Trois")})
	if err == nil {
		t.Fatal("ImportMemory with a bad entry = nil error")
	}
	for _, table := range []string{"memory", "memory_grams", "memory_postings"} {
		if n := memCount(t, path, table); n != 0 {
			t.Errorf("after a failed import, %s has %d rows", table, n)
		}
	}
	added, err := st.ImportMemory(ctx, []store.MemoryEntry{memEntry("One", "Un"), memEntry("One", "Un"), memEntry("Two", "Deux")})
	if err != nil || added != 2 {
		t.Fatalf("ImportMemory = %d, %v; want 2 added", added, err)
	}
	if added, _ := st.ImportMemory(ctx, []store.MemoryEntry{memEntry("One", "Un")}); added != 0 {
		t.Errorf("importing a known pair added %d", added)
	}
}

func TestDeleteMemoryRemovesPostings(t *testing.T) {
	st, path := openStore(t)
	ctx := t.Context()
	if _, err := st.ImportMemory(ctx, []store.MemoryEntry{
		memEntry("The cat sleeps.", "Le chat dort."), memEntry("The dog sleeps.", "Le chien dort.")}); err != nil {
		t.Fatal(err)
	}
	cands, err := st.MemoryCandidates(ctx, "en", "fr", "The cat sleeps.", 1)
	if err != nil || len(cands) != 1 {
		t.Fatalf("MemoryCandidates = %v, %v", cands, err)
	}
	before := memCount(t, path, "memory_postings")
	if err := st.DeleteMemory(ctx, cands[0].ID); err != nil {
		t.Fatal(err)
	}
	// " the cat sleeps. " has 15 distinct trigrams.
	if after := memCount(t, path, "memory_postings"); before-after != 15 {
		t.Errorf("postings %d → %d, want 15 fewer", before, after)
	}
	if sum := rawQuery(t, path, `SELECT SUM(n) FROM memory_grams`); sum != strconv.Itoa(before-15) {
		t.Errorf("gram counts sum to %s, want %d", sum, before-15)
	}
	if err := st.DeleteMemory(ctx, cands[0].ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	got, _ := st.MemoryCandidates(ctx, "en", "fr", "The cat sleeps.", 5)
	if len(got) != 1 || got[0].Source != "The dog sleeps." {
		t.Errorf("after delete, candidates = %+v", got)
	}
	if pairs, _ := st.MemoryPairs(ctx); len(pairs) != 1 || pairs[0].Entries != 1 {
		t.Errorf("MemoryPairs = %+v", pairs)
	}
}
