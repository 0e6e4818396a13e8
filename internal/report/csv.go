package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// csvHeader is the first row of the change report in CSV, in column order.
var csvHeader = []string{
	"segment_id", "paragraph", "index", "state", "source", "mt", "final", "diff",
	"char_rate", "word_rate", "edits", "kind", "categories", "editors", "approver",
	"approved_at", "active_seconds", "changed_by", "changed_at",
}

// WriteCSV writes the change report c as CSV: a header row, then one row per
// segment in the order of c.Rows, with the columns
//
//	segment_id, paragraph, index, state, source, mt, final, diff,
//	char_rate, word_rate, edits, kind, categories, editors, approver,
//	approved_at, active_seconds, changed_by, changed_at
//
// diff is the word diff from the machine text to the final text in the manner
// of wdiff: the whole text, with deletions written [-old-] and insertions
// {+new+}; it is computed from mt and final when a row carries no Diff. Rates
// are percentages with one decimal; categories are joined with "; ";
// active_seconds is the active editing time rounded to whole seconds; times
// are RFC 3339 in UTC, empty when unknown.
//
// The file is UTF-8 without a byte-order mark, with LF line endings and the
// quoting of encoding/csv: fields holding commas, quotes or line breaks are
// quoted, so texts read back intact. Texts are written as they are: a cell
// that starts with "=" or "+" is not defused for spreadsheets.
func WriteCSV(w io.Writer, c Changes) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("report: write csv: %w", err)
	}
	rec := make([]string, len(csvHeader))
	for _, r := range c.Rows {
		rec = rec[:0]
		rec = append(rec,
			strconv.FormatInt(r.SegmentID, 10),
			strconv.Itoa(r.Paragraph),
			strconv.Itoa(r.Index),
			r.State,
			r.Source,
			r.MT,
			r.Final,
			wdiff(diffOps(r)),
			formatRate(r.CharRate),
			formatRate(r.WordRate),
			strconv.Itoa(r.Edits),
			r.Kind,
			strings.Join(r.Categories, "; "),
			r.Editors,
			r.Approver,
			formatTime(r.ApprovedAt),
			strconv.FormatInt(seconds(r.ActiveMS), 10),
			r.ChangedBy,
			formatTime(r.ChangedAt),
		)
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("report: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("report: write csv: %w", err)
	}
	return nil
}
