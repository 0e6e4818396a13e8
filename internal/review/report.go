package review

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"copydesk/internal/effort"
	"copydesk/internal/qa"
	"copydesk/internal/report"
	"copydesk/internal/store"
	"copydesk/internal/tags"
)

// ChangeReport gathers the change report of a translation: its summary and one
// row per segment. Approved segments carry the effort measured at approval;
// the others are measured now, from their machine text to their current text.
// The rows' word diffs are left to the writers (report.WriteCSV, WriteHTML),
// which compute them, so that the summary alone costs no diff.
func (s *Service) ChangeReport(ctx context.Context, docID int64, lang string) (report.Changes, error) {
	doc, err := s.st.Document(ctx, docID)
	if err != nil {
		return report.Changes{}, err
	}
	tr, err := s.ReadyTranslation(ctx, docID, lang)
	if err != nil {
		return report.Changes{}, err
	}
	efforts, err := s.st.TranslationEfforts(ctx, tr.ID)
	if err != nil {
		return report.Changes{}, err
	}
	times, err := s.st.TranslationEditingTime(ctx, tr.ID)
	if err != nil {
		return report.Changes{}, err
	}
	cats, err := s.st.TranslationCategories(ctx, tr.ID)
	if err != nil {
		return report.Changes{}, err
	}
	catsBy := map[int64][]string{}
	for _, c := range cats {
		catsBy[c.SegmentID] = append(catsBy[c.SegmentID], fmt.Sprintf("%s (%s)", c.Category, c.Severity))
	}
	sum := newSummary(doc, tr)
	out := report.Changes{}
	err = s.st.ForEachSegment(ctx, tr, func(sg store.Segment) error {
		row := report.Row{SegmentID: sg.ID, Paragraph: sg.Paragraph, Index: sg.Index, Source: tags.Strip(sg.Source),
			MT: tags.Strip(sg.MT), Final: tags.Strip(sg.Target), State: sg.State, Categories: catsBy[sg.ID],
			ActiveMS: times[sg.ID], ChangedBy: sg.ChangedBy, ChangedAt: sg.ChangedAt}
		if e, ok := efforts[sg.ID]; ok && sg.State == StateApproved {
			row.CharRate, row.WordRate, row.Edits, row.Kind = e.CharRate, e.WordRate, e.Edits, e.Kind
			row.Editors, row.Approver, row.ApprovedAt = e.Editors, e.Approver, e.ApprovedAt
			sum.add(e)
		} else if sg.Target == sg.MT {
			row.Kind = effort.Unchanged // nothing to measure
		} else {
			m := effort.Measure(sg.Lang, sg.MT, sg.Target)
			row.CharRate, row.WordRate, row.Kind = m.CharRate, m.WordRate, m.Kind
		}
		sum.openIssues(sg)
		out.Rows = append(out.Rows, row)
		return nil
	})
	if err != nil {
		return report.Changes{}, err
	}
	for _, ms := range times {
		sum.t.ActiveMS += ms
	}
	sum.categories(cats)
	out.Summary = sum.finish()
	return out, nil
}

// TranslationReport is the summary of a translation: ChangeReport without the
// rows.
func (s *Service) TranslationReport(ctx context.Context, docID int64, lang string) (report.Translation, error) {
	c, err := s.ChangeReport(ctx, docID, lang)
	return c.Summary, err
}

// summary accumulates a translation's figures.
type summary struct {
	t                  report.Translation
	charRates, wRates  []float64
	kinds, fixed, open map[string]int
	approvers          map[string]int
}

func newSummary(doc store.Document, tr store.Translation) *summary {
	sm := &summary{kinds: map[string]int{}, fixed: map[string]int{}, open: map[string]int{}, approvers: map[string]int{}}
	sm.t = report.Translation{DocumentID: doc.ID, Title: doc.Title, SourceLang: doc.SourceLang, Lang: tr.Lang,
		Total: tr.SegmentCount, States: map[string]int{}}
	for _, t := range doc.Translations { // tr comes without its counts
		if t.ID == tr.ID {
			for _, st := range States {
				sm.t.States[st] = t.Counts[st]
			}
		}
	}
	return sm
}

func (sm *summary) add(e store.Effort) {
	sm.t.Approved++
	if e.Kind == "unchanged" {
		sm.t.Unchanged++
	}
	sm.charRates = append(sm.charRates, e.CharRate)
	sm.wRates = append(sm.wRates, e.WordRate)
	sm.kinds[e.Kind]++
	sm.t.Edits += e.Edits
	for _, id := range strings.Split(e.IssuesRemoved, ",") {
		if id != "" {
			sm.fixed[id]++
		}
	}
	if e.Approver != "" {
		sm.approvers[e.Approver]++
	}
}

// openIssues counts the checks with issues on the segment's current text.
func (sm *summary) openIssues(sg store.Segment) {
	if sg.IssueChecks == "" {
		return
	}
	var issues []qa.Issue
	if json.Unmarshal([]byte(sg.Issues), &issues) != nil {
		return
	}
	for _, is := range issues {
		sm.open[is.Check]++
	}
}

func (sm *summary) categories(cats []store.Category) {
	n := map[[2]string]int{}
	for _, c := range cats {
		n[[2]string{c.Category, c.Severity}]++
	}
	for k, v := range n {
		sm.t.Categories = append(sm.t.Categories, report.CategoryCount{Category: k[0], Severity: k[1], N: v})
		sm.t.ErrorPoints += v * effort.SeverityWeight(k[1])
	}
	sort.Slice(sm.t.Categories, func(i, j int) bool {
		a, b := sm.t.Categories[i], sm.t.Categories[j]
		if a.N != b.N {
			return a.N > b.N
		}
		return a.Category+a.Severity < b.Category+b.Severity
	})
}

func (sm *summary) finish() report.Translation {
	t := sm.t
	if t.Approved > 0 {
		t.UnchangedShare = 100 * float64(t.Unchanged) / float64(t.Approved)
	}
	t.CharRate, t.WordRate = stats(sm.charRates), stats(sm.wRates)
	t.Histogram = histogram(sm.wRates)
	t.Kinds, t.IssuesFixed, t.IssuesOpen, t.Approvers = counts(sm.kinds), counts(sm.fixed), counts(sm.open), counts(sm.approvers)
	return t
}

func stats(v []float64) report.Stats {
	s := effort.Summarise(v)
	return report.Stats{N: s.N, Mean: s.Mean, Median: s.Median, P90: s.P90}
}

// histogram counts rates in the bins of effort.RateBins, labelled.
func histogram(v []float64) []report.Bin {
	counts := effort.Histogram(v, effort.RateBins)
	labels := effort.BinLabels(effort.RateBins)
	out := make([]report.Bin, len(counts))
	for i, n := range counts {
		out[i] = report.Bin{Label: labels[i], N: n}
	}
	return out
}

// counts sorts a tally, most frequent first, then by name.
func counts(m map[string]int) []report.Count {
	out := make([]report.Count, 0, len(m))
	for k, v := range m {
		out = append(out, report.Count{Name: k, N: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// ReviewerReport gathers what the reviewer called name did over [from, to).
func (s *Service) ReviewerReport(ctx context.Context, name string, from, to time.Time) (report.Reviewer, error) {
	if !to.After(from) {
		return report.Reviewer{}, invalid("error.report.period")
	}
	u, err := s.st.UserByName(ctx, name)
	if err != nil {
		return report.Reviewer{}, err
	}
	a, err := s.st.ReviewerActivity(ctx, u.ID, from, to)
	if err != nil {
		return report.Reviewer{}, err
	}
	efforts, err := s.st.ApproverEfforts(ctx, u.ID, from, to)
	if err != nil {
		return report.Reviewer{}, err
	}
	cats, err := s.st.AuthorCategories(ctx, u.ID, from, to)
	if err != nil {
		return report.Reviewer{}, err
	}
	r := report.Reviewer{Name: u.Name, From: from, To: to, Edited: a.Edited, Approved: a.Approved,
		Rejected: a.Rejected, ActiveMS: a.ActiveMS}
	sm := &summary{kinds: map[string]int{}, fixed: map[string]int{}, open: map[string]int{}, approvers: map[string]int{}}
	for _, e := range efforts {
		sm.add(e)
	}
	sm.categories(cats)
	r.CharRate, r.WordRate, r.Kinds, r.Categories = stats(sm.charRates), stats(sm.wRates), counts(sm.kinds), sm.t.Categories
	return r, nil
}
