package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// writeFile writes content to name in a fresh t.TempDir() and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

type wantSeg struct {
	para, index    int
	source, target string
}

func TestImportFormats(t *testing.T) {
	tests := []struct {
		file, content string
		want          []wantSeg
	}{
		{"a.jsonl", `{"source": "Bonjour.", "target": "Hello.", "paragraph": 1}
{"source": "Ça va ?", "target": "How are you?", "paragraph": 1}

{"source": "Fin.", "target": "End.", "paragraph": 2}
`, []wantSeg{{1, 1, "Bonjour.", "Hello."}, {1, 2, "Ça va ?", "How are you?"}, {2, 1, "Fin.", "End."}}},
		{"b.tsv", "source\ttarget\nUn\\tdeux\tOne\\ttwo\nTrois.\tThree.\n",
			[]wantSeg{{1, 1, "Un\tdeux", "One\ttwo"}, {2, 1, "Trois.", "Three."}}},
		{"c.CSV", "paragraph,source,target\n3,\"Oui, non.\",\"Yes, no.\"\n3,\"Il dit « \"\"non\"\" ».\",He says no.\n",
			[]wantSeg{{3, 1, "Oui, non.", "Yes, no."}, {3, 2, `Il dit « "non" ».`, "He says no."}}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			db := tempDB(t)
			file := writeFile(t, tc.file, tc.content)
			r := runCLI(t, "", "import", "--db", db, "--title", "Titre "+tc.file, "--source-lang", "FR", "--target-lang", "en-gb", file)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("import: %+v", r)
			}
			id, err := strconv.ParseInt(strings.TrimSuffix(r.stdout, "\n"), 10, 64)
			if err != nil || r.stdout != strconv.FormatInt(id, 10)+"\n" {
				t.Fatalf("stdout = %q, want only the new document's id", r.stdout)
			}
			withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
				d, err := st.Document(ctx, id)
				if err != nil {
					t.Fatalf("Document(%d): %v", id, err)
				}
				if d.Title != "Titre "+tc.file || d.SourceLang != "fr" || len(d.Translations) != 1 || d.Translations[0].Lang != "en-GB" {
					t.Errorf("document = %+v", d)
				}
				var got []wantSeg
				err = st.ForEachSegment(ctx, d.Translations[0], func(sg store.Segment) error {
					if sg.State != "mt" || sg.Target != sg.MT {
						t.Errorf("segment %+v is not a fresh mt segment", sg)
					}
					got = append(got, wantSeg{sg.Paragraph, sg.Index, sg.Source, sg.Target})
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(tc.want) {
					t.Fatalf("segments = %+v, want %+v", got, tc.want)
				}
				for i := range got {
					if got[i] != tc.want[i] {
						t.Errorf("segment %d = %+v, want %+v", i, got[i], tc.want[i])
					}
				}
			})
		})
	}
}

func TestImportFlagsAfterFile(t *testing.T) {
	db := tempDB(t)
	file := writeFile(t, "x.jsonl", `{"source": "Hola.", "target": "Hello."}`+"\n")
	r := runCLI(t, "", "import", file, "--title", "After", "--source-lang", "es", "--target-lang", "en", "--db", db)
	if r.code != 0 || r.stdout != "1\n" || r.stderr != "" {
		t.Fatalf("import with flags after FILE = %+v; want id 1", r)
	}
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		if d, err := st.Document(ctx, 1); err != nil || d.Title != "After" || d.SourceLang != "es" {
			t.Errorf("Document(1) = %+v, %v", d, err)
		}
	})
}

func TestImportFailuresStoreNothing(t *testing.T) {
	good := `{"source": "Bonjour.", "target": "Hello."}` + "\n"
	flags := []string{"--title", "T", "--source-lang", "fr", "--target-lang", "en"}
	tests := []struct {
		name    string
		file    string // created with body unless missing is set
		body    string
		args    []string // replaces flags when not nil
		code    int
		msg     string
		missing bool
	}{
		{"bad extension", "a.txt", good, nil, 1, `file extension ".txt"`, false},
		{"no extension", "noext", good, nil, 1, "has no extension", false},
		{"missing file", "gone.jsonl", "", nil, 1, "no such file", true},
		{"malformed line", "a.jsonl", good + "{not json\n", nil, 1, "line 2", false},
		{"tsv without header columns", "a.tsv", "src\ttgt\na\tb\n", nil, 1, `no "source" column`, false},
		{"csv with a short record", "a.csv", "source,target\na\n", nil, 1, "line 2", false},
		{"empty file", "a.jsonl", "\n\n", nil, 1, "no segments", false},
		{"invalid source language", "a.jsonl", good, []string{"--title", "T", "--source-lang", "french", "--target-lang", "en"}, 1, `source_lang "french"`, false},
		{"invalid target language", "a.jsonl", good, []string{"--title", "T", "--source-lang", "fr", "--target-lang", "12"}, 1, `target_lang "12"`, false},
		{"same languages", "a.jsonl", good, []string{"--title", "T", "--source-lang", "fr", "--target-lang", "FR"}, 1, "both fr", false},
		{"missing title", "a.jsonl", good, []string{"--source-lang", "fr", "--target-lang", "en"}, 1, "title is required", false},
		{"empty source", "a.jsonl", `{"source": " ", "target": "x"}` + "\n", nil, 1, "empty source", false},
		{"two files", "a.jsonl", good, []string{"--title", "T", "--source-lang", "fr", "--target-lang", "en", "second.jsonl"}, 2, "exactly one FILE", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := tempDB(t)
			path := filepath.Join(t.TempDir(), tc.file)
			if !tc.missing {
				path = writeFile(t, tc.file, tc.body)
			}
			args := flags
			if tc.args != nil {
				args = tc.args
			}
			all := append(append([]string{"import", "--db", db}, args...), path)
			wantFailure(t, runCLI(t, "", all...), tc.code, tc.msg)
			withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
				if n, err := st.CountDocuments(ctx); err != nil || n != 0 {
					t.Errorf("CountDocuments = %d, %v; want 0", n, err)
				}
			})
		})
	}
	wantFailure(t, runCLI(t, "", append([]string{"import", "--db", tempDB(t)}, flags...)...), 2, "exactly one FILE")
}

// exportFixture imports three segments over two paragraphs and approves the first
// and the last through the review rules.
func exportFixture(t *testing.T) (db string, id int64) {
	t.Helper()
	db = tempDB(t)
	file := writeFile(t, "doc.tsv", "paragraph\tsource\ttarget\n1\tUn.\tOne.\n1\tDeux.\tTwo.\n2\tTrois.\t*Three*.\n")
	r := runCLI(t, "", "import", "--db", db, "--title", "Compte", "--source-lang", "fr", "--target-lang", "en", file)
	if r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	id, _ = strconv.ParseInt(strings.TrimSpace(r.stdout), 10, 64)
	withStore(t, db, func(ctx context.Context, svc *review.Service, st *store.Store) {
		uid, err := st.CreateUser(ctx, store.User{Name: "rae", Role: "reviewer", PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		rae := store.User{ID: uid, Name: "rae", Role: "reviewer"}
		tr, err := svc.Translation(ctx, id, "")
		if err != nil {
			t.Fatal(err)
		}
		page, err := st.ListSegments(ctx, tr, store.Filter{}, 0, 10)
		if err != nil || len(page.Segments) != 3 {
			t.Fatalf("ListSegments = %+v, %v", page, err)
		}
		for _, i := range []int{0, 2} {
			if _, err := svc.Approve(ctx, rae, page.Segments[i].ID, 1); err != nil {
				t.Fatal(err)
			}
		}
	})
	return db, id
}

func TestExportFormats(t *testing.T) {
	db, id := exportFixture(t)
	doc := strconv.FormatInt(id, 10)
	const leftOut = "1 segment that is not approved left out (use --all to include them)\n"
	tests := []struct {
		args   []string
		stdout string
		stderr string
	}{
		{[]string{"--format", "txt"}, "One.\n\n*Three*.\n", leftOut},
		{nil, "One.\n\n*Three*.\n", leftOut}, // txt is the default
		{[]string{"--format", "txt", "--all"}, "One. Two.\n\n*Three*.\n", ""},
		{[]string{"--format", "md"}, "One.\n\n\\*Three\\*.\n", leftOut},
		{[]string{"--format", "md", "--all", "--lang", "EN"}, "One. Two.\n\n\\*Three\\*.\n", ""},
	}
	for _, tc := range tests {
		r := runCLI(t, "", append([]string{"export", "--db", db, "--doc", doc}, tc.args...)...)
		if r.code != 0 || r.stdout != tc.stdout || r.stderr != tc.stderr {
			t.Errorf("export %v = %+v\nwant stdout %q stderr %q", tc.args, r, tc.stdout, tc.stderr)
		}
	}

	r := runCLI(t, "", "export", "--db", db, "--doc", doc, "--format", "json")
	var a struct {
		DocumentID int64  `json:"document_id"`
		Title      string `json:"title"`
		Lang       string `json:"lang"`
		Unapproved int    `json:"unapproved"`
		Segments   []struct {
			Target string `json:"target"`
			State  string `json:"state"`
		} `json:"segments"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || r.code != 0 {
		t.Fatalf("json export %+v: %v", r, err)
	}
	if a.DocumentID != id || a.Title != "Compte" || a.Lang != "en" || a.Unapproved != 1 || len(a.Segments) != 2 ||
		a.Segments[0].Target != "One." || a.Segments[1].Target != "*Three*." || a.Segments[1].State != "approved" {
		t.Errorf("json export = %+v", a)
	}

	r = runCLI(t, "", "export", "--db", db, "--doc", doc, "--format", "csv", "--all")
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || r.code != 0 {
		t.Fatalf("csv export %+v: %v", r, err)
	}
	if len(recs) != 4 || strings.Join(recs[0], ",") != "id,paragraph,index,source,target,state" ||
		strings.Join(recs[2][1:], "|") != "1|2|Deux.|Two.|mt" || strings.Join(recs[3][1:], "|") != "2|1|Trois.|*Three*.|approved" {
		t.Errorf("csv export = %q", recs)
	}

	out := filepath.Join(t.TempDir(), "out.txt")
	r = runCLI(t, "", "export", "--db", db, "--doc", doc, "-o", out, "--all")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("export -o = %+v", r)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "One. Two.\n\n*Three*.\n" {
		t.Errorf("-o file = %q, %v", b, err)
	}
}

func TestExportFailures(t *testing.T) {
	db, id := exportFixture(t)
	doc := strconv.FormatInt(id, 10)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown document", []string{"--doc", "99"}, 1, "no document 99"},
		{"unknown document with --lang", []string{"--doc", "99", "--lang", "en"}, 1, "no document 99"},
		{"unknown language", []string{"--doc", doc, "--lang", "de"}, 1, "has no translation into de"},
		{"bad format", []string{"--doc", doc, "--format", "docx"}, 2, "--format must be one of txt, md, html, json, csv"},
		{"missing --doc", nil, 2, "export needs --doc ID"},
		{"an argument", []string{"--doc", doc, "file.txt"}, 2, `got "file.txt"`},
		{"unwritable -o", []string{"--doc", doc, "--all", "-o", filepath.Join(t.TempDir(), "no", "such", "dir", "x.txt")}, 1, "write "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFailure(t, runCLI(t, "", append([]string{"export", "--db", db}, tc.args...)...), tc.code, tc.msg)
		})
	}
}
