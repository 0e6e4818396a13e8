// Package report holds what Copydesk reports of reviewers' work on machine
// translation, and writes it: the summary of a translation, a reviewer's
// activity over a period, and the change report (one row per segment) as CSV
// and as a printable HTML page with small charts drawn as inline SVG. It is a
// pure library: the review package gathers the figures.
package report

import (
	"time"

	"copydesk/internal/textdiff"
)

// Stats summarises a set of rates (percentages).
type Stats struct {
	N                 int
	Mean, Median, P90 float64
}

// Bin is one bar of a histogram.
type Bin struct {
	Label string // "0", "0–10", "10–25", …, "> 100"
	N     int
}

// Count is how often something occurs: a change kind, a check id, a name.
type Count struct {
	Name string
	N    int
}

// CategoryCount counts the edits given an error category and severity.
type CategoryCount struct {
	Category, Severity string
	N                  int
}

// Translation is the summary of one translation of an article.
type Translation struct {
	DocumentID     int64
	Title          string
	SourceLang     string
	Lang           string
	Total          int            // segments
	States         map[string]int // mt, draft, approved, rejected
	Approved       int
	Unchanged      int     // approved segments whose text is the machine's
	UnchangedShare float64 // Unchanged / Approved, 0–100
	CharRate       Stats   // character edit rate of approved segments
	WordRate       Stats   // word edit rate (HTER-like) of approved segments
	Histogram      []Bin   // of WordRate
	Kinds          []Count // change kinds of approved segments, most frequent first
	Categories     []CategoryCount
	ErrorPoints    int     // the categories' severities weighed as MQM does (minor 1, major 5, critical 10)
	IssuesFixed    []Count // checks whose issues the edits cleared
	IssuesOpen     []Count // checks with issues on the current texts
	Edits          int
	ActiveMS       int64
	Approvers      []Count // who approved how many
}

// Reviewer is what one reviewer did over [From, To).
type Reviewer struct {
	Name                       string
	From, To                   time.Time
	Edited, Approved, Rejected int
	ActiveMS                   int64
	CharRate, WordRate         Stats   // of the segments they approved
	Kinds                      []Count // change kinds of the segments they approved
	Categories                 []CategoryCount
}

// Row is one segment of a change report.
type Row struct {
	SegmentID  int64
	Paragraph  int
	Index      int
	Source     string
	MT         string
	Final      string // the current text
	State      string
	Diff       []textdiff.Op // words, MT → final
	CharRate   float64
	WordRate   float64
	Edits      int
	Kind       string
	Categories []string // "fluency (minor)"
	Editors    string   // who edited, comma-separated
	Approver   string   // "" when not approved
	ApprovedAt time.Time
	ActiveMS   int64
	ChangedBy  string
	ChangedAt  time.Time
}

// Changes is the change report of a translation.
type Changes struct {
	Summary Translation
	Rows    []Row
}
