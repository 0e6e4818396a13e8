package review

import (
	"context"
	"strings"

	"copydesk/internal/effort"
	"copydesk/internal/store"
)

// measure is what approving cur measures: the effort from its machine text to
// its target, and which checks' issues on the machine text the edits cleared.
func (s *Service) measure(ctx context.Context, cur store.Segment, approver int64) (*store.Effort, error) {
	m := effort.Measure(cur.Lang, cur.MT, cur.Target)
	glossary, err := s.glossary(ctx, cur.SourceLang, cur.Lang)
	if err != nil {
		return nil, err
	}
	var before, after []string
	if strings.TrimSpace(cur.MT) != "" {
		for _, is := range s.check(cur.SourceLang, cur.Lang, cur.Source, cur.MT, "", glossary, false) {
			before = append(before, is.Check)
		}
	}
	for _, is := range s.check(cur.SourceLang, cur.Lang, cur.Source, cur.Target, "", glossary, false) {
		after = append(after, is.Check)
	}
	return &store.Effort{ApprovedBy: approver, CharDistance: m.CharDistance, CharRate: m.CharRate,
		Ins: m.Ins, Del: m.Del, Sub: m.Sub, Shifts: m.Shifts, RefWords: m.RefWords, WordRate: m.WordRate,
		Kind: m.Kind, IssuesRemoved: strings.Join(effort.IssuesRemoved(before, after), ",")}, nil
}

// MaxTimeReport bounds one report of active editing time, in milliseconds: the
// review page reports at least every half minute, so more is a clock gone wrong.
const MaxTimeReport = 10 * 60 * 1000

// RecordTime adds ms of active editing of a segment by u, as the review page
// measures it (focus to blur, idle time and hidden tabs left out).
func (s *Service) RecordTime(ctx context.Context, u store.User, segmentID, ms int64) error {
	if !Can(u.Role, ActEdit) {
		return forbidden("error.forbidden.edit")
	}
	if ms < 1 || ms > MaxTimeReport {
		return invalid("error.time.range", "Limit", MaxTimeReport)
	}
	if _, err := s.st.Segment(ctx, segmentID); err != nil {
		return err
	}
	return s.st.AddEditingTime(ctx, segmentID, u.ID, ms)
}

// Categorise gives revision version of a segment an error category and a
// severity (MQM-like; see effort.Categories and effort.Severities).
func (s *Service) Categorise(ctx context.Context, u store.User, segmentID int64, version int, category, severity string) error {
	if !Can(u.Role, ActEdit) {
		return forbidden("error.forbidden.edit")
	}
	if !effort.ValidCategory(category) {
		return invalid("error.category.unknown", "Category", category, "Categories", strings.Join(effort.Categories, ", "))
	}
	if !effort.ValidSeverity(severity) {
		return invalid("error.severity.unknown", "Severity", severity, "Severities", strings.Join(effort.Severities, ", "))
	}
	return s.st.AddCategory(ctx, store.Category{SegmentID: segmentID, Version: version, Category: category, Severity: severity}, u.ID)
}

// Uncategorise removes a category from a segment's revision.
func (s *Service) Uncategorise(ctx context.Context, u store.User, segmentID, categoryID int64) error {
	if !Can(u.Role, ActEdit) {
		return forbidden("error.forbidden.edit")
	}
	return s.st.DeleteCategory(ctx, categoryID, segmentID)
}
