package report

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseFragment parses s as HTML in a <body>, as a page embedding it would.
func parseFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return body
}

// findAll returns the elements named name under n, in document order.
func findAll(n *html.Node, name string) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == name {
			out = append(out, d)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text returns the text under n.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func TestBarChart(t *testing.T) {
	tests := []struct {
		name    string
		title   string
		bins    []Bin
		heights []float64 // of the bars, in order
		texts   []string  // that must appear
	}{
		{"no bins", "Empty", nil, nil, []string{"No data"}},
		{"single bar", "One", []Bin{{"0", 4}}, []float64{chartPlotH}, []string{"4"}},
		{"zero counts", "Zeros", []Bin{{"0", 0}, {"0–10", 0}}, []float64{0, 0}, []string{"0–10"}},
		{"proportional", "Rates", []Bin{{"0", 8}, {"0–10", 4}, {"10–25", 2}, {"> 100", 0}},
			[]float64{chartPlotH, chartPlotH / 2, chartPlotH / 4, 0}, []string{"8", "> 100"}},
		{"tiny count stays visible", "Tiny", []Bin{{"a", 1000}, {"b", 1}}, []float64{chartPlotH, 1}, nil},
		{"many bars", "Many", []Bin{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}, {"g", 7}, {"h", 8}},
			[]float64{12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100}, nil},
		{"hostile labels", `<script>alert("t")</script>`, []Bin{{`</text><script>x()</script>`, 1}}, []float64{chartPlotH}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(barChart(tt.title, EnglishLabels().NoData, tt.bins))
			if strings.Contains(out, "<script") {
				t.Errorf("unescaped markup in %s", out)
			}
			root := parseFragment(t, out)
			svgs := findAll(root, "svg")
			if len(svgs) != 1 {
				t.Fatalf("%d svg elements, want 1", len(svgs))
			}
			svg := svgs[0]
			if svg.Namespace != "svg" {
				t.Errorf("svg parsed in namespace %q", svg.Namespace)
			}
			if attr(svg, "role") != "img" || attr(svg, "aria-label") != tt.title {
				t.Errorf("role=%q aria-label=%q, want img and %q", attr(svg, "role"), attr(svg, "aria-label"), tt.title)
			}
			if titles := findAll(svg, "title"); len(titles) == 0 || text(titles[0]) != tt.title {
				t.Errorf("first <title> is not %q", tt.title)
			}
			rects := findAll(svg, "rect")
			if len(rects) != len(tt.bins) {
				t.Fatalf("%d rect elements, want %d", len(rects), len(tt.bins))
			}
			base := float64(chartPlotTop + chartPlotH)
			for i, r := range rects {
				h, _ := strconv.ParseFloat(attr(r, "height"), 64)
				y, _ := strconv.ParseFloat(attr(r, "y"), 64)
				if h != tt.heights[i] || y+h != base {
					t.Errorf("bar %d: y=%v height=%v, want height %v standing on %v", i, y, h, tt.heights[i], base)
				}
			}
			all := text(svg)
			for _, s := range tt.texts {
				if !strings.Contains(all, s) {
					t.Errorf("chart text lacks %q", s)
				}
			}
			for _, b := range tt.bins {
				if !strings.Contains(all, b.Label) {
					t.Errorf("chart text lacks label %q", b.Label)
				}
			}
		})
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"wording", 9, "wording"},
		{"punctuation", 9, "punctuat…"},
		{"ponctuación", 6, "ponct…"},
		{"句読点のみの変更", 4, "句読点…"},
	}
	for _, tt := range tests {
		if got := clip(tt.s, tt.n); got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestHistogramAndKindsCharts(t *testing.T) {
	c := sampleChanges()
	for name, tc := range map[string]struct {
		out  string
		bars int
	}{
		"histogram": {string(EnglishLabels().HistogramChart(c.Summary)), len(c.Summary.Histogram)},
		"kinds":     {string(EnglishLabels().KindsChart(c.Summary.Kinds)), len(c.Summary.Kinds)},
	} {
		if n := len(findAll(parseFragment(t, tc.out), "rect")); n != tc.bars {
			t.Errorf("%s: %d bars, want %d", name, n, tc.bars)
		}
		if !strings.Contains(tc.out, `height="`+strconv.Itoa(chartHeight)+`"`) {
			t.Errorf("%s: height is not %d", name, chartHeight)
		}
	}
}

func TestKindsChartNamesKinds(t *testing.T) {
	out := string(EnglishLabels().KindsChart([]Count{{"wording", 3}, {"punctuation", 1}, {"novel", 1}}))
	for _, want := range []string{">Wording<", ">Punctuation<", ">only<", ">novel<"} {
		if !strings.Contains(out, want) {
			t.Errorf("kinds chart lacks %s", want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want []string
	}{
		{"Wording", 11, []string{"Wording"}},
		{"Punctuation only", 11, []string{"Punctuation", "only"}},
		{"Whitespace only", 11, []string{"Whitespace", "only"}},
		{"Locale convention change", 11, []string{"Locale", "convention…"}},
		{"Unterbrechungsfrei", 11, []string{"Unterbrech…"}},
		{"句読点のみの変更", 5, []string{"句読点の…"}},
		{"> 100", 11, []string{"> 100"}},
	}
	for _, tt := range tests {
		if got := wrap(tt.s, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
