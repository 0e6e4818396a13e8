package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"copydesk/internal/textdiff"
)

func TestWriteCSVHeader(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, Changes{}); err != nil {
		t.Fatal(err)
	}
	want := "segment_id,paragraph,index,state,source,mt,final,diff,char_rate,word_rate,edits,kind,categories,editors,approver,approved_at,active_seconds,changed_by,changed_at\n"
	if got := buf.String(); got != want {
		t.Errorf("empty report = %q, want %q", got, want)
	}
}

func TestWriteCSVRows(t *testing.T) {
	at := time.Date(2025, 3, 3, 10, 15, 30, 0, time.FixedZone("CET", 3600))
	rows := []Row{
		{
			SegmentID: 7, Paragraph: 2, Index: 3, State: "approved",
			Source:   "Il a dit : « non, \"jamais\" »,\npuis il est parti.",
			MT:       "He said: « no, \"never\" »,\nthen he left.",
			Final:    "He said: <b>“no, never”</b>,\nthen he left.",
			CharRate: 12.345, WordRate: 50, Edits: 2, Kind: "wording",
			Categories: []string{"locale (major)", "fluency (minor)"},
			Editors:    "amelie, jonas", Approver: "priya", ApprovedAt: at,
			ActiveMS: 207_400, ChangedBy: "priya", ChangedAt: at,
		},
		{
			SegmentID: 8, Paragraph: 2, Index: 4, State: "mt",
			Source: "Le chat dort.", MT: "The cat sat on the mat.", Final: "The dog sat on the mat.",
			Diff: textdiff.Words("The cat sat on the mat.", "The dog sat on the mat."),
		},
		{SegmentID: 3, Paragraph: 1, Index: 1, State: "draft", MT: "big cat", Final: "big, fat cat"}, // no Diff
	}
	want := [][]string{
		csvHeader,
		{"7", "2", "3", "approved", rows[0].Source, rows[0].MT, rows[0].Final,
			wdiff(textdiff.Words(rows[0].MT, rows[0].Final)),
			"12.3", "50.0", "2", "wording", "locale (major); fluency (minor)", "amelie, jonas", "priya",
			"2025-03-03T09:15:30Z", "207", "priya", "2025-03-03T09:15:30Z"},
		{"8", "2", "4", "mt", "Le chat dort.", "The cat sat on the mat.", "The dog sat on the mat.",
			"The [-cat-]{+dog+} sat on the mat.",
			"0.0", "0.0", "0", "", "", "", "", "", "0", "", ""},
		{"3", "1", "1", "draft", "", "big cat", "big, fat cat", "big{+, fat+} cat",
			"0.0", "0.0", "0", "", "", "", "", "", "0", "", ""},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, Changes{Rows: rows}); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")) {
		t.Error("the CSV starts with a byte-order mark")
	}
	got, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d records, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("record %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
	if !strings.Contains(want[1][7], "[-") || !strings.Contains(want[1][7], "{+") {
		t.Errorf("diff of the first row shows no change: %q", want[1][7])
	}
}

func TestWriteCSVSample(t *testing.T) {
	c := sampleChanges()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, c); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	r.FieldsPerRecord = len(csvHeader)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(c.Rows)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(c.Rows)+1)
	}
	for i, row := range c.Rows {
		rec := recs[i+1]
		if rec[4] != row.Source || rec[5] != row.MT || rec[6] != row.Final {
			t.Errorf("record %d texts differ from row %d", i+1, row.SegmentID)
		}
		if rec[0] != fmt.Sprint(row.SegmentID) {
			t.Errorf("record %d is segment %s, want %d: rows out of order", i+1, rec[0], row.SegmentID)
		}
	}
}

type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteCSVError(t *testing.T) {
	err := WriteCSV(failWriter{}, sampleChanges())
	if !errors.Is(err, errDiskFull) {
		t.Errorf("WriteCSV to a failing writer = %v, want %v", err, errDiskFull)
	}
}
