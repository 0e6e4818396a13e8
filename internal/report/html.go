package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"copydesk/internal/textdiff"
)

//go:embed page.tmpl
var pageSource string

// pageTmpl is the printable change report; parsed once, at start.
var pageTmpl = template.Must(template.New("page").Parse(pageSource))

// topKinds is how many kinds of change the summary lists; the chart shows all.
const topKinds = 5

// WriteHTML writes the change report c as a complete, printable HTML5 page
// with English labels; lang is the language of the user interface, written in
// <html lang> ("en" when empty). See WriteHTMLWith.
func WriteHTML(w io.Writer, c Changes, lang string) error {
	l := EnglishLabels()
	if lang != "" {
		l.Lang = lang
	}
	return WriteHTMLWith(w, c, l)
}

// WriteHTMLWith writes the change report c as a complete HTML5 page in the
// words of l: the article's title and languages, the summary of the
// translation, a histogram of word edit rates and a chart of the kinds of
// change (inline SVG, see barChart), then one table row per segment with its
// source, machine text, and final text showing the changes from the machine
// text as <del> and <ins>, its effort figures, people and times.
//
// The page stands alone, to be saved and printed: its CSS is inline and it
// loads nothing, no script, font, image or style sheet. Printed, rows do not
// break across pages and the table's header repeats on each page. Every text
// of c is escaped; the texts of segments carry the lang of their language.
func WriteHTMLWith(w io.Writer, c Changes, l Labels) error {
	if err := pageTmpl.Execute(w, newPage(c, l)); err != nil {
		return fmt.Errorf("report: write html: %w", err)
	}
	return nil
}

// page is what pageTmpl shows: the report with its figures formatted.
type page struct {
	L                    Labels
	T                    Translation
	States               []item
	UnchangedShare       string
	Rates                []rateLine
	Active               string
	Kinds, Categories    counts
	Fixed, Open          counts
	Approvers            counts
	Histogram, KindChart template.HTML
	Rows                 []pageRow
}

// counts is a list of names and counts, or what to say when it is empty.
type counts struct {
	Items []item
	None  string
}

// item is a name and its count, shown in a list.
type item struct {
	Name string
	N    int
}

// rateLine is one line of the table of effort figures.
type rateLine struct {
	Name              string
	N                 int
	Mean, Median, P90 string
}

// pageRow is one segment in the table.
type pageRow struct {
	Row
	StateName, KindName string
	Ops                 []piece
	Char, Word, Active  string
	Cats                string
	Approved, Changed   stamp
	ShowChanged         bool // the last change is not the approval
}

// piece is a run of the final text: unchanged, deleted or inserted.
type piece struct {
	Del, Ins bool
	Text     string
}

// stamp is a time shown as text, with its RFC 3339 form for <time datetime>.
type stamp struct {
	Attr, Text string
}

func newPage(c Changes, l Labels) page {
	t := c.Summary
	p := page{L: l, T: t, Active: FormatDuration(t.ActiveMS)}
	p.UnchangedShare = formatRate(t.UnchangedShare) + "%"
	for _, st := range stateOrder(t.States) {
		p.States = append(p.States, item{l.name("state", st), t.States[st]})
	}
	p.Rates = []rateLine{rateOf(l.CharRate, t.CharRate), rateOf(l.WordRate, t.WordRate)}
	for i, k := range t.Kinds {
		if i == topKinds {
			break
		}
		p.Kinds.Items = append(p.Kinds.Items, item{l.name("kind", k.Name), k.N})
	}
	for _, cc := range t.Categories {
		name := l.name("category", cc.Category)
		if cc.Severity != "" {
			name += " (" + l.name("severity", cc.Severity) + ")"
		}
		p.Categories.Items = append(p.Categories.Items, item{name, cc.N})
	}
	p.Fixed.Items = items(t.IssuesFixed, l, "check")
	p.Open.Items = items(t.IssuesOpen, l, "check")
	p.Approvers.Items = items(t.Approvers, l, "")
	for _, c := range []*counts{&p.Kinds, &p.Categories, &p.Fixed, &p.Open, &p.Approvers} {
		c.None = l.None
	}
	p.Histogram, p.KindChart = l.HistogramChart(t), l.KindsChart(t.Kinds)
	for _, r := range c.Rows {
		approval := r.ChangedAt.Equal(r.ApprovedAt) && r.ChangedBy == r.Approver
		p.Rows = append(p.Rows, pageRow{
			Row:         r,
			StateName:   l.name("state", r.State),
			KindName:    l.name("kind", r.Kind),
			Ops:         pieces(diffOps(r)),
			Char:        formatRate(r.CharRate) + "%",
			Word:        formatRate(r.WordRate) + "%",
			Active:      FormatDuration(r.ActiveMS),
			Cats:        strings.Join(r.Categories, "; "),
			Approved:    stampOf(r.ApprovedAt),
			Changed:     stampOf(r.ChangedAt),
			ShowChanged: !r.ChangedAt.IsZero() && !approval,
		})
	}
	return p
}

// stateOrder lists the states of a summary: the four known ones in the order
// a segment goes through them, then any others in the order of their names.
func stateOrder(states map[string]int) []string {
	order := []string{"mt", "draft", "approved", "rejected"}
	known := map[string]bool{}
	for _, s := range order {
		known[s] = true
	}
	var rest []string
	for s := range states {
		if !known[s] {
			rest = append(rest, s)
		}
	}
	slices.Sort(rest)
	return append(order, rest...)
}

func rateOf(name string, s Stats) rateLine {
	return rateLine{name, s.N, formatRate(s.Mean) + "%", formatRate(s.Median) + "%", formatRate(s.P90) + "%"}
}

// items names counts; group "" keeps the names as they are.
func items(counts []Count, l Labels, group string) []item {
	out := make([]item, len(counts))
	for i, c := range counts {
		out[i] = item{c.Name, c.N}
		if group != "" {
			out[i].Name = l.name(group, c.Name)
		}
	}
	return out
}

func pieces(ops []textdiff.Op) []piece {
	out := make([]piece, len(ops))
	for i, op := range ops {
		out[i] = piece{Del: op.Kind == textdiff.Delete, Ins: op.Kind == textdiff.Insert, Text: op.Text}
	}
	return out
}

// stampOf shows t in UTC to the minute (the column heading says UTC); the zero time shows nothing.
func stampOf(t time.Time) stamp {
	if t.IsZero() {
		return stamp{}
	}
	return stamp{Attr: formatTime(t), Text: t.UTC().Format("2006-01-02 15:04")}
}
