package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestAPISegmentLifecycle walks one segment through every state and checks each
// answer, the stored history and the edit distances, which count characters.
func TestAPISegmentLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	const mt = "도서관은 아홉 시에 문을 엽니다."
	doc := e.createDoc(t, docIn{Title: "Library", SourceLang: "en", TargetLang: "ko",
		Segments: []segIn{{Source: "The library opens at nine.", Target: mt}}})
	seg := e.segments(t, doc.ID)[0]
	start := time.Now().Add(-time.Second)

	type step struct {
		name, method, suffix, token string
		body                        map[string]any
		target, state, reason       string
		version                     int
		// the revision this step writes; kind "" when it writes none
		kind, author string
		distance     int
	}
	steps := []step{
		// "아홉 " (3 characters, 7 bytes) becomes "9": 3 in characters, 7 in bytes.
		{name: "edit Korean", method: http.MethodPut, token: e.reviewer,
			body:   map[string]any{"target": "도서관은 9시에 문을 엽니다.", "version": 1},
			target: "도서관은 9시에 문을 엽니다.", state: "draft", version: 2, kind: "edit", author: "rita", distance: 3},
		{name: "same text again", method: http.MethodPut, token: e.admin,
			body:   map[string]any{"target": "도서관은 9시에 문을 엽니다.", "version": 2},
			target: "도서관은 9시에 문을 엽니다.", state: "draft", version: 2},
		{name: "approve", method: http.MethodPost, suffix: "/approve", token: e.admin,
			body:   map[string]any{"version": 2},
			target: "도서관은 9시에 문을 엽니다.", state: "approved", version: 3, kind: "approve", author: "ada", distance: 3},
		// Distance is always to the machine text (1 here), not to the previous version (4).
		{name: "edit approved", method: http.MethodPut, token: e.reviewer,
			body:   map[string]any{"target": "도서관은 아홉 시에 문을 엽니다!", "version": 3},
			target: "도서관은 아홉 시에 문을 엽니다!", state: "draft", version: 4, kind: "edit", author: "rita", distance: 1},
		{name: "reject", method: http.MethodPost, suffix: "/reject", token: e.admin,
			body:   map[string]any{"version": 4, "reason": "  느낌표는 원문에 없다  "},
			target: "도서관은 아홉 시에 문을 엽니다!", state: "rejected", reason: "느낌표는 원문에 없다", version: 5,
			kind: "reject", author: "ada", distance: 1},
		{name: "edit back to mt", method: http.MethodPut, token: e.reviewer,
			body:   map[string]any{"target": mt, "version": 5},
			target: mt, state: "draft", version: 6, kind: "edit", author: "rita", distance: 0},
		{name: "approve mt text", method: http.MethodPost, suffix: "/approve", token: e.reviewer,
			body:   map[string]any{"version": 6},
			target: mt, state: "approved", version: 7, kind: "approve", author: "rita", distance: 0},
	}
	want := []apiRevision{{Version: 1, Text: mt, State: "mt", Kind: "import", Author: "rita"}}
	for _, s := range steps {
		r := e.call(t, s.method, segPath(seg.ID, s.suffix), s.token, s.body).expect(t, http.StatusOK)
		got := decodeBody[apiSegment](t, r)
		wantSeg := seg
		wantSeg.Target, wantSeg.State, wantSeg.Reason, wantSeg.Version = s.target, s.state, s.reason, s.version
		if got != wantSeg {
			t.Fatalf("%s: answer = %+v, want %+v", s.name, got, wantSeg)
		}
		if list := e.segments(t, doc.ID); list[0] != wantSeg {
			t.Fatalf("%s: listed segment = %+v, want %+v", s.name, list[0], wantSeg)
		}
		if s.kind != "" {
			want = append(want, apiRevision{Version: s.version, Text: s.target, State: s.state, Kind: s.kind,
				Reason: s.reason, Author: s.author, Distance: s.distance})
		}
		revs := e.revisions(t, seg.ID)
		if len(revs) != len(want) {
			t.Fatalf("%s: %d revisions, want %d: %+v", s.name, len(revs), len(want), revs)
		}
		for i, rv := range revs {
			if rv.CreatedAt.Before(start) || rv.CreatedAt.After(time.Now().Add(time.Second)) {
				t.Errorf("%s: revision %d created_at = %v", s.name, rv.Version, rv.CreatedAt)
			}
			if i > 0 && rv.CreatedAt.Before(revs[i-1].CreatedAt) {
				t.Errorf("%s: revision %d is older than revision %d", s.name, rv.Version, revs[i-1].Version)
			}
			rv.CreatedAt = time.Time{}
			if rv != want[i] {
				t.Errorf("%s: revision %d = %+v, want %+v", s.name, i+1, rv, want[i])
			}
		}
	}
	wantCounts := map[string]int{"mt": 0, "draft": 0, "approved": 1, "rejected": 0}
	got := decodeBody[apiDocument](t, e.call(t, http.MethodGet, docPath(doc.ID, ""), e.viewer, nil).expect(t, http.StatusOK))
	if len(got.Translations) != 1 || got.Translations[0].Total != 1 || !equalCounts(got.Translations[0].Counts, wantCounts) {
		t.Errorf("document translations = %+v, want counts %v", got.Translations, wantCounts)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestAPIEditDistanceCountsCharacters checks distances on accented, Korean and
// emoji text, where characters and bytes differ.
func TestAPIEditDistanceCountsCharacters(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	cases := []struct {
		mt, edit string
		want     int
	}{
		{"Un café crème.", "Un cafe crème.", 1},  // é → e: 1 character, 2 bytes
		{"Un café crème.", "Un café crème !", 2}, // . → space, append !
		{"Ça coûte 5 €.", "Cela coûte 5 €.", 3},  // Ça → Cela
		{"회의는 내일입니다.", "회의는 모레입니다.", 2},          // 2 syllables of 3 bytes each
		{"날씨가 좋다.", "", 7},                       // everything deleted
		{"", "새 문장.", 5},                         // everything typed
		{"Grüße 👋🏽.", "Grüße 👋.", 1},             // skin tone modifier is one code point
		{"na\u00efve", "nai\u0308ve", 0},         // i + combining diaeresis is stored as ï (NFC): no change
		{"ストップ。", "ストップ!", 1},                    // full-width stop to ASCII !
		{"abc", "abc", 0},                        // same as mt: a no-op, no revision
	}
	in := docIn{Title: "Distances", SourceLang: "en", TargetLang: "fr"}
	for _, c := range cases {
		in.Segments = append(in.Segments, segIn{Source: "Source.", Target: c.mt})
	}
	doc := e.createDoc(t, in)
	segs := e.segments(t, doc.ID)
	for i, c := range cases {
		r := e.call(t, http.MethodPut, segPath(segs[i].ID, ""), e.reviewer, map[string]any{"target": c.edit, "version": 1}).expect(t, http.StatusOK)
		got := decodeBody[apiSegment](t, r)
		revs := e.revisions(t, segs[i].ID)
		if c.want == 0 {
			if got.Version != 1 || got.State != "mt" || len(revs) != 1 {
				t.Errorf("%q unchanged: segment %+v with %d revisions, want version 1, mt, 1 revision", c.mt, got, len(revs))
			}
			continue
		}
		if got.Version != 2 || got.State != "draft" || got.Target != c.edit || got.MT != c.mt {
			t.Errorf("%q → %q: segment = %+v", c.mt, c.edit, got)
		}
		if len(revs) != 2 || revs[1].Distance != c.want || revs[1].Text != c.edit || revs[1].Kind != "edit" {
			t.Errorf("%q → %q: revisions = %+v, want an edit at distance %d", c.mt, c.edit, revs, c.want)
		}
	}
}

// TestAPISegmentWritesRefused sends every kind of bad write to one segment and
// checks the status, the message, and that nothing stored moved.
func TestAPISegmentWritesRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Refusals", SourceLang: "de", TargetLang: "en",
		Segments: []segIn{{Source: "Guten Morgen.", Target: "Good morning."}, {Source: "Leer.", Target: " "}}})
	segs := e.segments(t, doc.ID)
	id, blank := segs[0].ID, segs[1].ID
	// Bring the segment to version 3, approved, so that stale versions exist.
	e.call(t, http.MethodPut, segPath(id, ""), e.reviewer, map[string]any{"target": "Good morning!", "version": 1}).expect(t, http.StatusOK)
	e.call(t, http.MethodPost, segPath(id, "/approve"), e.reviewer, map[string]any{"version": 2}).expect(t, http.StatusOK)
	current := e.segments(t, doc.ID)[0]
	if current.Version != 3 || current.State != "approved" {
		t.Fatalf("set-up: segment = %+v, want approved at version 3", current)
	}

	put, approve, reject := segPath(id, ""), segPath(id, "/approve"), segPath(id, "/reject")
	cases := []struct {
		name, method, path string
		body               any
		status             int
		message            string
	}{
		{"malformed JSON", http.MethodPut, put, `{"target":"x","version":3`, http.StatusBadRequest, "JSON"},
		{"empty body", http.MethodPut, put, ``, http.StatusBadRequest, "JSON"},
		{"version as string", http.MethodPut, put, `{"target":"x","version":"3"}`, http.StatusBadRequest, "version"},
		{"version as fraction", http.MethodPost, approve, `{"version":2.5}`, http.StatusBadRequest, "version"},
		{"target as number", http.MethodPut, put, `{"target":7,"version":3}`, http.StatusBadRequest, "target"},
		{"two JSON values", http.MethodPut, put, `{"target":"x","version":3}{"target":"y","version":3}`, http.StatusBadRequest, "more than one"},
		{"raw invalid UTF-8", http.MethodPut, put, []byte("{\"target\":\"Good \xff morning\",\"version\":3}"), http.StatusBadRequest, "UTF-8"},
		{"raw invalid UTF-8 in reason", http.MethodPost, reject, []byte("{\"reason\":\"\xe2\x82\",\"version\":3}"), http.StatusBadRequest, "UTF-8"},
		{"unknown segment", http.MethodPut, segPath(id+1000, ""), map[string]any{"target": "x", "version": 1}, http.StatusNotFound, "segment not found"},
		{"unknown segment approve", http.MethodPost, segPath(id+1000, "/approve"), map[string]any{"version": 1}, http.StatusNotFound, "segment not found"},
		{"unknown segment reject", http.MethodPost, segPath(id+1000, "/reject"), map[string]any{"version": 1, "reason": "r"}, http.StatusNotFound, "segment not found"},
		{"non-numeric id", http.MethodPut, "/api/v1/segments/first", map[string]any{"target": "x", "version": 1}, http.StatusNotFound, "segment not found"},
		{"zero id", http.MethodPost, "/api/v1/segments/0/approve", map[string]any{"version": 1}, http.StatusNotFound, "segment not found"},
		{"stale version edit", http.MethodPut, put, map[string]any{"target": "Morning.", "version": 2}, http.StatusConflict, "nothing was saved"},
		{"future version edit", http.MethodPut, put, map[string]any{"target": "Morning.", "version": 4}, http.StatusConflict, "nothing was saved"},
		{"stale version approve", http.MethodPost, approve, map[string]any{"version": 1}, http.StatusConflict, "nothing was saved"},
		{"stale version reject", http.MethodPost, reject, map[string]any{"version": 2, "reason": "no"}, http.StatusConflict, "nothing was saved"},
		{"stale same text", http.MethodPut, put, map[string]any{"target": "Good morning!", "version": 1}, http.StatusConflict, "nothing was saved"},
		{"missing version edit", http.MethodPut, put, map[string]any{"target": "Morning."}, http.StatusUnprocessableEntity, "version"},
		{"null version", http.MethodPut, put, `{"target":"Morning.","version":null}`, http.StatusUnprocessableEntity, "version"},
		{"missing version approve", http.MethodPost, approve, `{}`, http.StatusUnprocessableEntity, "version"},
		{"missing version reject", http.MethodPost, reject, map[string]any{"reason": "no"}, http.StatusUnprocessableEntity, "version"},
		{"zero version", http.MethodPut, put, map[string]any{"target": "Morning.", "version": 0}, http.StatusUnprocessableEntity, "version"},
		{"negative version", http.MethodPost, approve, map[string]any{"version": -3}, http.StatusUnprocessableEntity, "version"},
		{"missing target", http.MethodPut, put, map[string]any{"version": 3}, http.StatusUnprocessableEntity, "target"},
		{"null body", http.MethodPut, put, `null`, http.StatusUnprocessableEntity, "version"},
		{"target too long", http.MethodPut, put, map[string]any{"target": strings.Repeat("ü", 10001), "version": 3}, http.StatusUnprocessableEntity, "target"},
		{"reject without reason", http.MethodPost, reject, map[string]any{"version": 3}, http.StatusUnprocessableEntity, "reason"},
		{"reject with blank reason", http.MethodPost, reject, map[string]any{"version": 3, "reason": " \n\t"}, http.StatusUnprocessableEntity, "reason"},
		{"reject reason too long", http.MethodPost, reject, map[string]any{"version": 3, "reason": strings.Repeat("é", 2001)}, http.StatusUnprocessableEntity, "reason"},
		{"approve already approved", http.MethodPost, approve, map[string]any{"version": 3}, http.StatusUnprocessableEntity, "already approved"},
		{"approve empty translation", http.MethodPost, segPath(blank, "/approve"), map[string]any{"version": 1}, http.StatusUnprocessableEntity, "no translation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, beforeBlank := e.snapshot(t, id), e.snapshot(t, blank)
			r := e.call(t, c.method, c.path, e.reviewer, c.body).expect(t, c.status)
			eb := decodeBody[apiError](t, r)
			if !strings.Contains(eb.Error, c.message) {
				t.Errorf("error = %q, want it to mention %q", eb.Error, c.message)
			}
			switch {
			case c.status == http.StatusConflict && (eb.Segment == nil || *eb.Segment != current):
				t.Errorf("409 segment = %+v, want the current one %+v", eb.Segment, current)
			case c.status != http.StatusConflict && eb.Segment != nil:
				t.Errorf("%d answer carries a segment: %s", c.status, r.body)
			}
			e.unchanged(t, id, before)
			e.unchanged(t, blank, beforeBlank)
		})
	}
}

// TestAPIRejectRules covers rejecting twice and the reason's life after a new edit.
func TestAPIRejectRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Reject", SourceLang: "en", TargetLang: "fr", Segments: para(1, 1)})
	id := e.segments(t, doc.ID)[0].ID
	r := e.call(t, http.MethodPost, segPath(id, "/reject"), e.reviewer, map[string]any{"version": 1, "reason": "Faux ami."}).expect(t, http.StatusOK)
	if got := decodeBody[apiSegment](t, r); got.State != "rejected" || got.Reason != "Faux ami." || got.Version != 2 || got.Target != "T1.1." {
		t.Errorf("rejected = %+v", got)
	}
	before := e.snapshot(t, id)
	r = e.call(t, http.MethodPost, segPath(id, "/reject"), e.reviewer, map[string]any{"version": 2, "reason": "Encore."}).expect(t, http.StatusUnprocessableEntity)
	if msg := errorMessage(t, r); !strings.Contains(msg, "already rejected") {
		t.Errorf("error = %q", msg)
	}
	e.unchanged(t, id, before)

	// Fields a client may not set (state, reason, mt) are ignored on an edit.
	r = e.call(t, http.MethodPut, segPath(id, ""), e.reviewer, map[string]any{"target": "Vrai.", "version": 2,
		"state": "approved", "reason": "kept?", "mt": "Autre."}).expect(t, http.StatusOK)
	if got := decodeBody[apiSegment](t, r); got.State != "draft" || got.Reason != "" || got.Version != 3 || got.MT != "T1.1." {
		t.Errorf("edit after reject = %+v, want a draft without reason and with the machine text kept", got)
	}
	revs := e.revisions(t, id)
	if len(revs) != 3 || revs[1].Reason != "Faux ami." || revs[1].Kind != "reject" || revs[2].Reason != "" {
		t.Errorf("revisions = %+v, want the reason kept on the reject revision only", revs)
	}
}

// TestAPITrailingBracketIsMalformedJSON: a body with a stray closing bracket after
// the JSON value is not valid JSON and must be refused like any other.
func TestAPITrailingBracketIsMalformedJSON(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Brackets", SourceLang: "en", TargetLang: "fr", Segments: para(1, 4)})
	segs := e.segments(t, doc.ID)
	// Each case has a segment of its own, so that one wrongly accepted body does not
	// turn the next case into a 409.
	cases := []struct {
		name, method, path string
		id                 int64
		body               string
	}{
		{"edit with }", http.MethodPut, segPath(segs[0].ID, ""), segs[0].ID, `{"target":"Changé.","version":1}}`},
		{"edit with ]", http.MethodPut, segPath(segs[1].ID, ""), segs[1].ID, `{"target":"Changé.","version":1}]`},
		{"approve with ]", http.MethodPost, segPath(segs[2].ID, "/approve"), segs[2].ID, `{"version":1} ]`},
		{"create with }", http.MethodPost, "/api/v1/documents", segs[3].ID, `{"title":"T","source_lang":"en","target_lang":"fr","segments":[{"source":"A.","target":"B."}]}}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.snapshot(t, c.id)
			r := e.call(t, c.method, c.path, e.reviewer, c.body)
			if r.status != http.StatusBadRequest {
				t.Errorf("status = %d, want 400 for a body that is not valid JSON; body: %s", r.status, r.body)
			}
			e.unchanged(t, c.id, before)
		})
	}
}
