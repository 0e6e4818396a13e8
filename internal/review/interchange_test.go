package review_test

import (
	"bytes"
	"testing"

	"copydesk/internal/formats"
	"copydesk/internal/review"
)

// TestInterchangeKeepsStatesAndNotes exports a translation whose segments are in
// every state, with a comment, as XLIFF 1.2, XLIFF 2.0 and TMX, and imports each
// file again: the states and the notes come back.
func TestInterchangeKeepsStatesAndNotes(t *testing.T) {
	svc, st := newService(t)
	admin := addUser(t, st, "root", review.RoleAdmin)
	id, err := svc.CreateDocument(t.Context(), admin, review.NewDocument{Title: "T", SourceLang: "fr", TargetLang: "en",
		Segments: segs("Un.", "Deux.", "Trois.", "Quatre.")})
	if err != nil {
		t.Fatal(err)
	}
	got := segmentsOf(t, st, id)
	if _, err := svc.Edit(t.Context(), admin, got[1].ID, got[1].Version, "Two."); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve(t.Context(), admin, got[2].ID, got[2].Version); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Reject(t.Context(), admin, got[3].ID, got[3].Version, "wrong tense"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddComment(t.Context(), admin, got[2].ID, "checked with the desk"); err != nil {
		t.Fatal(err)
	}
	wantStates := []string{"mt", "draft", "approved", "rejected"}
	for _, format := range []string{"xliff", "xliff2", "tmx"} {
		a, err := svc.Export(t.Context(), id, "en", true)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := formats.Write(&buf, a, format); err != nil {
			t.Fatal(err)
		}
		parsed, err := formats.ParseWithLangs(&buf, readerFor(format))
		if err != nil {
			t.Fatalf("%s: parse own export: %v", format, err)
		}
		back, err := svc.ImportDocument(t.Context(), review.NewDocument{Title: "Back " + format,
			SourceLang: parsed.SourceLang, TargetLang: parsed.TargetLang, Segments: review.SegmentsFromRows(parsed.Rows)})
		if err != nil {
			t.Fatalf("%s: import: %v", format, err)
		}
		again := segmentsOf(t, st, back)
		for i, sg := range again {
			if sg.State != wantStates[i] {
				t.Errorf("%s: segment %d state %s, want %s", format, i+1, sg.State, wantStates[i])
			}
		}
		notes, err := st.Comments(t.Context(), again[2].ID)
		if err != nil || len(notes) != 1 || notes[0].Body != "root: checked with the desk" {
			t.Errorf("%s: notes of the approved segment = %+v, %v", format, notes, err)
		}
		doc, _ := st.Document(t.Context(), back)
		if c := doc.Translations[0].Counts; c["approved"] != 1 || c["draft"] != 1 || c["rejected"] != 1 || c["mt"] != 1 {
			t.Errorf("%s: state counts = %v", format, c)
		}
	}
}

// readerFor names the import format that reads an export format.
func readerFor(export string) string {
	if export == "xliff2" {
		return "xliff"
	}
	return export
}
