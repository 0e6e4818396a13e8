package store_test

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"copydesk/internal/store"
)

// openStore opens a fresh database in t.TempDir() and closes it when the test ends.
func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "copydesk.db")
	st, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return st, path
}

// rawQuery opens its own connection to the database file (not through the store)
// and returns the single text value of query.
func rawQuery(t *testing.T, path, query string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path) // a plain path, no URI escaping
	if err != nil {
		t.Fatalf("raw open: %v", err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow(query).Scan(&v); err != nil {
		t.Fatalf("raw %q: %v", query, err)
	}
	return v
}

// rawTables lists the user tables of the database file.
func rawTables(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", path) // a plain path, no URI escaping
	if err != nil {
		t.Fatalf("raw open: %v", err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatalf("list tables: %v", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func TestOpenCreatesFolderFileAndSchema(t *testing.T) {
	// A nested folder that does not exist yet, with characters that need escaping
	// in a file: URI.
	dir := filepath.Join(t.TempDir(), "new folder", "a#b%c")
	path := filepath.Join(dir, "desk.db")
	st, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := st.CreateUser(t.Context(), store.User{Name: "ed", Role: "reviewer", PasswordHash: "h"}); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("database file %q: stat = %v, err = %v; want a non-empty file", path, fi, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if n := e.Name(); n != "desk.db" && n != "desk.db-wal" && n != "desk.db-shm" {
			t.Errorf("unexpected file %q next to the database (a mis-escaped name?)", n)
		}
	}
	if got, want := rawQuery(t, path, "PRAGMA user_version"), latestMigration(t); got != want {
		t.Errorf("user_version = %s, want %s", got, want)
	}
	want := []string{"api_tokens", "comments", "documents", "editing_time", "glossary_terms", "login_failures", "memory", "memory_grams", "memory_pairs", "memory_postings", "revision_categories", "revisions", "segment_effort", "segments", "sessions", "translation_states", "translations", "users"}
	got := rawTables(t, path)
	if len(got) != len(want) {
		t.Fatalf("tables = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("tables = %v, want %v", got, want)
		}
	}
}

func TestOpenTwiceIsNoOp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copydesk.db")
	st, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateUser(t.Context(), store.User{Name: "ed", Role: "viewer", PasswordHash: "h"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		st, err = store.Open(t.Context(), path)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		u, err := st.UserByName(t.Context(), "ed")
		if err != nil || u.ID != id {
			t.Fatalf("after reopen UserByName = %+v, %v; want id %d", u, err, id)
		}
		if n, err := st.CountUsers(t.Context()); err != nil || n != 1 {
			t.Fatalf("CountUsers = %d, %v; want 1", n, err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := rawQuery(t, path, "PRAGMA user_version"), latestMigration(t); got != want {
		t.Errorf("user_version after reopening = %s, want %s", got, want)
	}
}

// latestMigration is the number of the newest file in migrations/, as text.
func latestMigration(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations found: %v", err)
	}
	sort.Strings(files)
	n, err := strconv.Atoi(strings.SplitN(filepath.Base(files[len(files)-1]), "_", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(n)
}

func TestOpenEnablesWALAndForeignKeys(t *testing.T) {
	st, path := openStore(t)
	if got := rawQuery(t, path, "PRAGMA journal_mode"); got != "wal" {
		t.Errorf("journal_mode = %q, want wal", got)
	}
	// Foreign keys are per connection, so check them through the store's writer:
	// rows pointing at a missing user must be refused.
	if _, err := st.CreateToken(t.Context(), 4242, "hash-of-nobody", "cdk_x…"); err == nil {
		t.Error("CreateToken for a user that does not exist succeeded; foreign keys are off")
	}
	_, err := st.CreateDocument(t.Context(), store.NewDocument{Title: "T", SourceLang: "fr", Lang: "en",
		CreatedBy: 4242, Segments: []store.NewSegment{{Paragraph: 1, Index: 1, Source: "a", MT: "b"}}})
	if err == nil {
		t.Error("CreateDocument by a user that does not exist succeeded; foreign keys are off")
	}
	if n, err := st.CountDocuments(t.Context()); err != nil || n != 0 {
		t.Errorf("CountDocuments after the refused insert = %d, %v; want 0", n, err)
	}
}

func TestCloseCheckpointsAndDataSurvives(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copydesk.db")
	st, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateDocument(t.Context(), sampleDoc(3))
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("before Close the -wal file should hold the write: %v, %v", fi, err)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("after Close the -wal file has %d bytes, want 0 or no file", fi.Size())
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stat -wal: %v", err)
	}

	st, err = store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	d, err := st.Document(t.Context(), id)
	if err != nil {
		t.Fatalf("Document after reopen: %v", err)
	}
	if d.Title != "Sample" || len(d.Translations) != 1 || d.Translations[0].Counts["mt"] != 3 {
		t.Errorf("Document after reopen = %+v, want title Sample and 3 mt segments", d)
	}
}
