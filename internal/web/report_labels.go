package web

import (
	"copydesk/internal/effort"
	"copydesk/internal/i18n"
	"copydesk/internal/qa"
	"copydesk/internal/report"
	"copydesk/internal/review"
)

// reportLabels returns the words of the printable change report in the UI
// language of loc, with the display names of the states, change kinds, error
// categories, severities and checks that the report's data may hold. The
// messages are those of the report page where the wording fits, and
// changes.* for the rest.
func reportLabels(loc *i18n.Localizer) report.Labels {
	l := report.Labels{
		Lang: loc.Tag().String(),

		Report:      loc.T("changes.report"),
		Document:    loc.T("changes.document"),
		Summary:     loc.T("changes.summary"),
		Segments:    loc.T("report.segments"),
		Total:       loc.T("report.total"),
		ByState:     loc.T("changes.bystate"),
		Unchanged:   loc.T("report.unchanged"),
		OfApproved:  loc.T("changes.ofapproved"),
		Effort:      loc.T("report.effort"),
		CharRate:    loc.T("report.charrate"),
		WordRate:    loc.T("report.wordrate"),
		Mean:        loc.T("report.mean"),
		Median:      loc.T("report.median"),
		P90:         loc.T("changes.p90"),
		Edits:       loc.T("report.edits"),
		Active:      loc.T("report.time"),
		Kinds:       loc.T("report.kinds"),
		Categories:  loc.T("report.categories"),
		IssuesFixed: loc.T("report.fixed"),
		IssuesOpen:  loc.T("report.open"),
		Approvers:   loc.T("report.approvers"),
		None:        loc.T("changes.none"),

		HistogramTitle: loc.T("changes.histogram"),
		KindsTitle:     loc.T("changes.kindschart"),
		NoData:         loc.T("changes.nodata"),

		ColSegment: loc.T("changes.col.segment"),
		ColSource:  loc.T("segment.source"),
		ColMT:      loc.T("segment.mt"),
		ColFinal:   loc.T("changes.col.final"),
		ColRates:   loc.T("changes.col.rates"),
		ColKind:    loc.T("changes.col.kind"),
		ColPeople:  loc.T("changes.col.people"),
		ColTimes:   loc.T("changes.col.times"),
		Char:       loc.T("changes.char"),
		Word:       loc.T("changes.word"),
		EditedBy:   loc.T("changes.editedby"),
		ApprovedBy: loc.T("changes.approvedby"),
		ApprovedAt: loc.T("changes.approvedat"),
		ChangedAt:  loc.T("changes.changedat"),
		Legend:     loc.T("changes.legend"),
		Deleted:    loc.T("changes.deleted"),
		Inserted:   loc.T("changes.inserted"),

		Names: map[string]string{},
	}
	for _, s := range review.States {
		l.Names["state."+s] = loc.T("state." + s)
	}
	// The report's kinds of change are the changekind.* messages of the UI
	// (kind.* there are the kinds of revision).
	for _, k := range effort.Kinds {
		l.Names["kind."+k] = loc.T("changekind." + k)
	}
	for _, c := range effort.Categories {
		l.Names["category."+c] = loc.T("category." + c)
	}
	for _, s := range effort.Severities {
		l.Names["severity."+s] = loc.T("severity." + s)
	}
	for _, id := range qa.Checks() {
		l.Names["check."+id] = loc.T("check." + id)
	}
	return l
}
