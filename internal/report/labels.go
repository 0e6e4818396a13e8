package report

// Labels are the words of the HTML change report and of its charts, so that
// the web layer can pass them in the reader's language. EnglishLabels gives
// the English ones; a field left empty is shown empty.
type Labels struct {
	Lang string // the language of the labels, for <html lang>: "en"

	Report      string // "Change report", the page's kind, before the title
	Document    string // "Document", before its id
	Summary     string
	Segments    string // heading of the table, and "segments" in the summary
	Total       string
	ByState     string // "Segments by state"
	Unchanged   string // "Unchanged from MT"
	OfApproved  string // "of approved", after "12 / 20"
	Effort      string // heading of the rates table
	CharRate    string // "Character edit rate"
	WordRate    string // "Word edit rate"
	Mean        string
	Median      string
	P90         string // "90th percentile"
	Edits       string
	Active      string // "Active time"
	Kinds       string // "Kinds of change"
	Categories  string // "Error categories"
	IssuesFixed string // "QA issues fixed"
	IssuesOpen  string // "QA issues open"
	Approvers   string // "Approved by"
	None        string // shown for an empty list: "none"

	HistogramTitle string // "Segments by word edit rate (%)"
	KindsTitle     string // "Segments by kind of change"
	NoData         string // in an empty chart: "No data"

	// Column headings of the table of segments; ColTimes should say that
	// times are in UTC.
	ColSegment, ColSource, ColMT, ColFinal, ColRates, ColKind, ColPeople, ColTimes string
	// Short labels inside the table's cells.
	Char, Word, EditedBy, ApprovedBy, ApprovedAt, ChangedAt string
	Legend, Deleted, Inserted                               string // "Changes from MT:", "deleted", "inserted"

	// Names are the display names of codes found in the data, keyed
	// "state.approved", "kind.wording", "category.fluency", "severity.minor"
	// and "check.<id>" (a QA check), like the message IDs of the web layer. A
	// code with no name is shown as it is.
	Names map[string]string
}

// EnglishLabels returns the labels of the report in English.
func EnglishLabels() Labels {
	return Labels{
		Lang:        "en",
		Report:      "Change report",
		Document:    "Document",
		Summary:     "Summary",
		Segments:    "Segments",
		Total:       "Total",
		ByState:     "Segments by state",
		Unchanged:   "Unchanged from MT",
		OfApproved:  "of approved",
		Effort:      "Post-editing effort (approved segments)",
		CharRate:    "Character edit rate",
		WordRate:    "Word edit rate",
		Mean:        "Mean",
		Median:      "Median",
		P90:         "90th percentile",
		Edits:       "Edits",
		Active:      "Active time",
		Kinds:       "Kinds of change",
		Categories:  "Error categories",
		IssuesFixed: "QA issues fixed",
		IssuesOpen:  "QA issues open",
		Approvers:   "Approved by",
		None:        "none",

		HistogramTitle: "Approved segments by word edit rate (%)",
		KindsTitle:     "Approved segments by kind of change",
		NoData:         "No data",

		ColSegment: "Segment",
		ColSource:  "Source",
		ColMT:      "Machine translation",
		ColFinal:   "Final, with changes",
		ColRates:   "Edit rate",
		ColKind:    "Kind",
		ColPeople:  "People",
		ColTimes:   "Time (UTC)",
		Char:       "char",
		Word:       "word",
		EditedBy:   "edited",
		ApprovedBy: "approved",
		ApprovedAt: "approved",
		ChangedAt:  "changed",
		Legend:     "Changes from MT:",
		Deleted:    "deleted",
		Inserted:   "inserted",

		Names: map[string]string{
			"state.mt":                   "MT",
			"state.draft":                "Draft",
			"state.approved":             "Approved",
			"state.rejected":             "Rejected",
			"kind.unchanged":             "Unchanged",
			"kind.whitespace":            "Whitespace only",
			"kind.punctuation":           "Punctuation only",
			"kind.casing":                "Casing only",
			"kind.wording":               "Wording",
			"category.accuracy":          "Accuracy",
			"category.fluency":           "Fluency",
			"category.terminology":       "Terminology",
			"category.style":             "Style",
			"category.punctuation":       "Punctuation",
			"category.locale-convention": "Locale convention",
			"severity.minor":             "minor",
			"severity.major":             "major",
			"severity.critical":          "critical",
		},
	}
}

// name returns the display name of code in group ("state", "kind", …), or
// code itself when the labels have none.
func (l Labels) name(group, code string) string {
	if n, ok := l.Names[group+"."+code]; ok && n != "" {
		return n
	}
	return code
}
