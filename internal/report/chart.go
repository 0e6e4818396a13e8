package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed chart.tmpl
var chartSource string

// chartTmpl draws a bar chart; parsed once, at start.
var chartTmpl = template.Must(template.New("chart").Parse(chartSource))

// The chart's fixed geometry, in CSS pixels: a title line, room for the
// numbers above the tallest bar, the bars, and a line of labels below.
const (
	chartMinWidth = 320 // wide enough for the title
	chartSlot     = 60  // horizontal room per bar when there are many
	chartBarMax   = 40  // widest bar
	chartPad      = 10  // left and right margins
	chartPlotTop  = 44  // top of the tallest bar
	chartPlotH    = 100 // height of the tallest bar
	chartLineH    = 13  // height of a line of labels
	chartHeight   = chartPlotTop + chartPlotH + 18 + 2*chartLineH
	chartCharW    = 6.6 // rough width of a label character at 11px
)

// chart is what chartTmpl draws.
type chart struct {
	Title, Desc   string
	Width, Height int
	Base          int // y of the baseline
	BaseX2        int
	Bars          []bar
	NoData        string // shown instead of bars when there are none
	NoDataX       int
}

// bar is one bar with its number above and its label below.
type bar struct {
	Full       string // the label
	Lines      []line // the label on at most two lines, cut short if need be
	N          int
	X, Y, W, H string
	CX, NumY   string
}

// line is a line of a bar's label.
type line struct {
	Text, Y string
}

// HistogramChart draws the histogram of a translation's word edit rates in
// the words of l, as the HTML report does; see BarChart.
func (l Labels) HistogramChart(t Translation) template.HTML {
	return barChart(l.HistogramTitle, l.NoData, t.Histogram)
}

// KindsChart draws how often each kind of change occurs, with the kinds
// named by l, as the HTML report does; see BarChart.
func (l Labels) KindsChart(counts []Count) template.HTML {
	return barChart(l.KindsTitle, l.NoData, countBins(counts, l, "kind"))
}

// countBins turns counts into bins labelled with the display names of their
// codes in group.
func countBins(counts []Count, l Labels, group string) []Bin {
	bins := make([]Bin, len(counts))
	for i, c := range counts {
		bins[i] = Bin{Label: l.name(group, c.Name), N: c.N}
	}
	return bins
}

// barChart draws bins as a bar chart in inline SVG, for embedding in an HTML
// page: bars whose height is proportional to their count, each with its count
// above it and its label below, and title as a visible heading, the <title>
// and the aria-label; noData is said in an empty chart; a <desc> lists every label and count. A label too long
// for its bar is put on two lines, then cut short with "…" (the bar's tooltip
// keeps it whole). Every text is escaped. The size is fixed (188 pixels high,
// 320 wide, 60 more for each bar beyond five), with a viewBox so that CSS may
// scale it down. A chart of zero counts draws bars of no height; a chart of
// no bins says "No data".
func barChart(title, noData string, bins []Bin) template.HTML {
	n := len(bins)
	width := max(chartMinWidth, 2*chartPad+n*chartSlot)
	slot := float64(width-2*chartPad) / float64(max(n, 1))
	barW := min(float64(chartBarMax), slot*0.7)
	top := 0
	for _, b := range bins {
		top = max(top, b.N)
	}
	base := chartPlotTop + chartPlotH
	c := chart{
		Title: title, Width: width, Height: chartHeight,
		Base: base, BaseX2: width - chartPad, NoDataX: width / 2,
	}
	var desc []string
	for i, b := range bins {
		h := 0.0
		if top > 0 && b.N > 0 {
			h = max(1, float64(b.N)/float64(top)*chartPlotH)
		}
		cx := chartPad + slot*(float64(i)+0.5)
		c.Bars = append(c.Bars, bar{
			Full: b.Label, N: b.N,
			X: px(cx - barW/2), Y: px(float64(base) - h), W: px(barW), H: px(h),
			CX: px(cx), NumY: px(float64(base) - h - 5),
		})
		for k, t := range wrap(b.Label, int(slot/chartCharW)) {
			y := float64(base + 16 + k*chartLineH)
			c.Bars[i].Lines = append(c.Bars[i].Lines, line{t, px(y)})
		}
		desc = append(desc, b.Label+": "+strconv.Itoa(b.N))
	}
	c.Desc = strings.Join(desc, ", ")
	if n == 0 {
		c.NoData = noData
	}
	var buf bytes.Buffer
	if err := chartTmpl.Execute(&buf, c); err != nil {
		// The template and its data are ours; this cannot fail but for a bug.
		panic("report: draw chart: " + err.Error())
	}
	return template.HTML(buf.String())
}

// px writes a coordinate with at most one decimal.
func px(f float64) string {
	return strconv.FormatFloat(float64(int64(f*10+0.5))/10, 'f', -1, 64)
}

// wrap cuts s into at most two lines of at most n characters, breaking at
// the last space that lets the first line fit, and clipping the rest.
func wrap(s string, n int) []string {
	r := []rune(s)
	if n < 2 || len(r) <= n {
		return []string{s}
	}
	for k := min(n, len(r)-1); k > 0; k-- {
		if r[k] == ' ' {
			return []string{string(r[:k]), clip(string(r[k+1:]), n)}
		}
	}
	return []string{clip(s, n)}
}

// clip shortens s to at most n characters, ending it with "…" when cut.
func clip(s string, n int) string {
	if n < 2 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
