package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// pagingDoc creates a document of 250 segments in 25 paragraphs of 10 and moves some
// of them on: positions that are odd multiples of 7 become drafts (18), even
// multiples of 7 are approved (18), positions 1, 51, 101, 151, 201 are rejected (5).
// It returns the document id and each state's positions, in order.
func pagingDoc(t *testing.T, e *env) (int64, map[string][]int) {
	t.Helper()
	in := docIn{Title: "Long read", SourceLang: "fr", TargetLang: "en-US"}
	for p := 1; p <= 25; p++ {
		in.Segments = append(in.Segments, para(p, 10)...)
	}
	doc := e.createDoc(t, in)
	segs := e.segments(t, doc.ID)
	if len(segs) != 250 {
		t.Fatalf("set-up: %d segments, want 250", len(segs))
	}
	want := map[string][]int{}
	for i, sg := range segs {
		switch {
		case i%7 == 0:
			e.call(t, http.MethodPut, segPath(sg.ID, ""), e.reviewer, map[string]any{"target": fmt.Sprintf("Edited %d.", i), "version": 1}).expect(t, http.StatusOK)
			if i%14 == 0 {
				e.call(t, http.MethodPost, segPath(sg.ID, "/approve"), e.reviewer, map[string]any{"version": 2}).expect(t, http.StatusOK)
				want["approved"] = append(want["approved"], i)
			} else {
				want["draft"] = append(want["draft"], i)
			}
		case i%50 == 1:
			e.call(t, http.MethodPost, segPath(sg.ID, "/reject"), e.reviewer, map[string]any{"version": 1, "reason": "No."}).expect(t, http.StatusOK)
			want["rejected"] = append(want["rejected"], i)
		default:
			want["mt"] = append(want["mt"], i)
		}
	}
	return doc.ID, want
}

// wantAt describes segment i (0-based) of pagingDoc: paragraph, index and source.
func wantAt(i int) (int, int, string) {
	p, idx := i/10+1, i%10+1
	return p, idx, fmt.Sprintf("S%d.%d.", p, idx)
}

func TestAPISegmentPaging(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	id, byState := pagingDoc(t, e)
	if n := len(byState["mt"]); n != 209 || len(byState["draft"]) != 18 || len(byState["approved"]) != 18 || len(byState["rejected"]) != 5 {
		t.Fatalf("set-up: states %v", byState)
	}
	all := make([]int, 250)
	for i := range all {
		all[i] = i
	}
	byState[""] = all

	cases := []struct {
		query                string
		state                string
		offset, limit, total int
		wantLen              int
	}{
		{"", "", 0, 100, 250, 100},
		{"?offset=0&limit=1", "", 0, 1, 250, 1},
		{"?offset=10&limit=25", "", 10, 25, 250, 25},
		{"?offset=240&limit=100", "", 240, 100, 250, 10},
		{"?offset=249&limit=1", "", 249, 1, 250, 1},
		{"?offset=250&limit=10", "", 250, 10, 250, 0},
		{"?offset=5000", "", 5000, 100, 250, 0},
		{"?limit=1000", "", 0, 1000, 250, 250},
		{"?limit=&offset=", "", 0, 100, 250, 100},
		{"?state=draft", "draft", 0, 100, 18, 18},
		{"?state=draft&offset=5&limit=5", "draft", 5, 5, 18, 5},
		{"?state=draft&offset=15&limit=5", "draft", 15, 5, 18, 3},
		{"?state=approved&limit=2", "approved", 0, 2, 18, 2},
		{"?state=rejected", "rejected", 0, 100, 5, 5},
		{"?state=mt&offset=200&limit=50", "mt", 200, 50, 209, 9},
		{"?state=mt&offset=209", "mt", 209, 100, 209, 0},
		{"?lang=en-US&offset=3&limit=4", "", 3, 4, 250, 4},
		{"?lang=EN-us&offset=3&limit=4", "", 3, 4, 250, 4},
		{"?lang=en_us&state=rejected", "rejected", 0, 100, 5, 5},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			r := e.call(t, http.MethodGet, docPath(id, "/segments"+c.query), e.viewer, nil).expect(t, http.StatusOK)
			p := decodeBody[apiPage](t, r)
			if p.Total != c.total || p.Offset != c.offset || p.Limit != c.limit || len(p.Segments) != c.wantLen {
				t.Fatalf("total, offset, limit, len = %d, %d, %d, %d; want %d, %d, %d, %d",
					p.Total, p.Offset, p.Limit, len(p.Segments), c.total, c.offset, c.limit, c.wantLen)
			}
			positions := byState[c.state]
			for k, sg := range p.Segments {
				i := positions[c.offset+k]
				para, idx, src := wantAt(i)
				if sg.Paragraph != para || sg.Index != idx || sg.Source != src || sg.DocumentID != id || sg.Lang != "en-US" {
					t.Errorf("segment %d of the page = %+v, want position %d (%s, paragraph %d, index %d)", k, sg, i, src, para, idx)
				}
				if c.state != "" && sg.State != c.state {
					t.Errorf("segment %d state = %q, want %q", k, sg.State, c.state)
				}
			}
		})
	}

	// The document's counts agree with the state filter's totals.
	doc := decodeBody[apiDocument](t, e.call(t, http.MethodGet, docPath(id, ""), e.viewer, nil).expect(t, http.StatusOK))
	want := map[string]int{"mt": 209, "draft": 18, "approved": 18, "rejected": 5}
	if len(doc.Translations) != 1 || doc.Translations[0].Total != 250 || !equalCounts(doc.Translations[0].Counts, want) {
		t.Errorf("document translations = %+v, want total 250 and counts %v", doc.Translations, want)
	}
}

func TestAPISegmentListBadQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Query", SourceLang: "en", TargetLang: "fr", Segments: para(1, 3)})
	cases := []struct{ query, message string }{
		{"state=bogus", "state"},
		{"state=MT", "state"},
		{"state=approved,draft", "state"},
		{"limit=0", "limit"},
		{"limit=-5", "limit"},
		{"limit=1001", "limit"},
		{"limit=ten", "limit"},
		{"limit=1.5", "limit"},
		{"offset=-1", "offset"},
		{"offset=x", "offset"},
		{"offset=1000001", "offset"},
		{"offset=99999999999999999999", "offset"},
		{"lang=12", "lang"},
		{"lang=english-xx", "lang"},
		{"lang=en--US", "lang"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			r := e.call(t, http.MethodGet, docPath(doc.ID, "/segments?"+c.query), e.viewer, nil).expect(t, http.StatusBadRequest)
			if msg := errorMessage(t, r); !strings.Contains(msg, c.message) {
				t.Errorf("error = %q, want it to name %q", msg, c.message)
			}
		})
	}
}

// TestAPIUnknownLangIsNotFound: asking for a translation the document does not have
// is 404, for any well-formed language tag, on the segment list and on export.
// "xx" is well-formed BCP 47 (two letters) though not in the registry.
func TestAPIUnknownLangIsNotFound(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Lang", SourceLang: "en", TargetLang: "de", Segments: para(1, 1)})
	for _, lang := range []string{"fr", "de-AT", "qaa", "xx", "zz-ZZ"} {
		for _, route := range []string{"/segments", "/export"} {
			t.Run(route+"?lang="+lang, func(t *testing.T) {
				r := e.call(t, http.MethodGet, docPath(doc.ID, route+"?lang="+lang), e.viewer, nil)
				if r.status != http.StatusNotFound {
					t.Fatalf("status = %d, want 404; body: %s", r.status, r.body)
				}
				if msg := errorMessage(t, r); !strings.Contains(msg, "not found") {
					t.Errorf("error = %q, want not found", msg)
				}
			})
		}
	}
}
