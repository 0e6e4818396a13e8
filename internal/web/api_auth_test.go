package web_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestAPIHealthzNeedsNoToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	r := e.call(t, http.MethodGet, "/healthz", "", nil).expect(t, http.StatusOK)
	if got := decodeBody[map[string]string](t, r)["status"]; got != "ok" {
		t.Errorf("status field = %q, want ok", got)
	}
}

func TestAPIUnauthenticated(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Auth", SourceLang: "en", TargetLang: "fr", Segments: para(1, 1)})
	seg := e.segments(t, doc.ID)[0]

	const plain = `Bearer realm="copydesk"`
	const invalid = `Bearer realm="copydesk", error="invalid_token"`
	credentials := []struct {
		name, auth, wantChallenge string
	}{
		{"no header", "", plain},
		{"basic scheme", "Basic YWRhOmNvcnJlY3QgaG9yc2UgYmF0dGVyeQ==", plain},
		{"bearer without token", "Bearer ", plain},
		{"token without scheme", e.reviewer, plain},
		{"unknown token", "Bearer cdk_notarealtokenatallnotarealtoken", invalid},
		{"token without prefix", "Bearer " + strings.TrimPrefix(e.reviewer, "cdk_"), invalid},
		{"token with one character changed", "Bearer " + e.reviewer[:len(e.reviewer)-1] + flip(e.reviewer[len(e.reviewer)-1]), invalid},
	}
	routes := []struct {
		method, path string
		body         any
	}{
		{http.MethodGet, "/api/v1/documents", nil},
		{http.MethodGet, docPath(doc.ID, ""), nil},
		{http.MethodGet, docPath(doc.ID, "/segments"), nil},
		{http.MethodGet, docPath(doc.ID, "/export"), nil},
		{http.MethodGet, segPath(seg.ID, "/revisions"), nil},
		{http.MethodPost, "/api/v1/documents", docIn{Title: "X", SourceLang: "en", TargetLang: "fr", Segments: para(1, 1)}},
		{http.MethodPut, segPath(seg.ID, ""), map[string]any{"target": "Pirate.", "version": seg.Version}},
		{http.MethodPost, segPath(seg.ID, "/approve"), map[string]any{"version": seg.Version}},
		{http.MethodPost, segPath(seg.ID, "/reject"), map[string]any{"version": seg.Version, "reason": "no"}},
	}
	before := e.snapshot(t, seg.ID)
	for _, c := range credentials {
		for _, rt := range routes {
			t.Run(c.name+"/"+rt.method+" "+rt.path, func(t *testing.T) {
				req := e.newRequest(t, rt.method, rt.path, "", rt.body)
				if c.auth != "" {
					req.Header.Set("Authorization", c.auth)
				}
				r := e.send(t, req).expect(t, http.StatusUnauthorized)
				if got := r.header.Get("WWW-Authenticate"); got != c.wantChallenge {
					t.Errorf("WWW-Authenticate = %q, want %q", got, c.wantChallenge)
				}
				if msg := errorMessage(t, r); strings.Contains(msg, e.reviewer) {
					t.Errorf("error message echoes the token: %q", msg)
				}
			})
		}
	}
	e.unchanged(t, seg.ID, before)
}

// flip returns a different base64url character than b.
func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}

func TestAPIBearerSchemeIsCaseInsensitive(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	req := e.newRequest(t, http.MethodGet, "/api/v1/documents", "", nil)
	req.Header.Set("Authorization", "bearer "+e.viewer)
	r := e.send(t, req).expect(t, http.StatusOK)
	if docs := decodeBody[map[string][]apiDocument](t, r)["documents"]; len(docs) != 0 {
		t.Errorf("documents = %v, want none", docs)
	}
}

func TestAPIViewerMayReadButNotWrite(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Roles", SourceLang: "en", TargetLang: "de", Segments: para(1, 2)})
	segs := e.segments(t, doc.ID)
	seg := segs[0]

	// A viewer reads and exports.
	for _, path := range []string{"/api/v1/documents", docPath(doc.ID, ""), docPath(doc.ID, "/segments"),
		docPath(doc.ID, "/export?all=true"), segPath(seg.ID, "/revisions")} {
		e.call(t, http.MethodGet, path, e.viewer, nil).expect(t, http.StatusOK)
	}

	// A viewer does not write, whatever the body, and nothing changes.
	before := e.snapshot(t, seg.ID)
	writes := []struct {
		name, method, path string
		body               any
	}{
		{"create document", http.MethodPost, "/api/v1/documents", docIn{Title: "Mine", SourceLang: "en", TargetLang: "de", Segments: para(1, 1)}},
		{"create invalid document", http.MethodPost, "/api/v1/documents", "{not json"},
		{"edit", http.MethodPut, segPath(seg.ID, ""), map[string]any{"target": "Hallo.", "version": seg.Version}},
		{"approve", http.MethodPost, segPath(seg.ID, "/approve"), map[string]any{"version": seg.Version}},
		{"reject", http.MethodPost, segPath(seg.ID, "/reject"), map[string]any{"version": seg.Version, "reason": "falsch"}},
		{"edit stale version", http.MethodPut, segPath(seg.ID, ""), map[string]any{"target": "Hallo.", "version": 7}},
		{"edit unknown segment", http.MethodPut, segPath(999999, ""), map[string]any{"target": "Hallo.", "version": 1}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			r := e.call(t, w.method, w.path, e.viewer, w.body).expect(t, http.StatusForbidden)
			if msg := errorMessage(t, r); !strings.Contains(msg, "role") {
				t.Errorf("error = %q, want it to name the role", msg)
			}
			e.unchanged(t, seg.ID, before)
		})
	}
	if got := e.segments(t, doc.ID); len(got) != 2 || got[1] != segs[1] {
		t.Errorf("segments after refused writes = %+v, want %+v", got, segs)
	}

	// The same writes go through for a reviewer and for an admin.
	r := e.call(t, http.MethodPut, segPath(seg.ID, ""), e.reviewer, map[string]any{"target": "Hallo.", "version": seg.Version})
	if got := decodeBody[apiSegment](t, r.expect(t, http.StatusOK)); got.Target != "Hallo." || got.Version != 2 {
		t.Errorf("reviewer edit = %+v, want target Hallo. at version 2", got)
	}
	r = e.call(t, http.MethodPost, segPath(seg.ID, "/approve"), e.admin, map[string]any{"version": 2})
	if got := decodeBody[apiSegment](t, r.expect(t, http.StatusOK)); got.State != "approved" || got.Version != 3 {
		t.Errorf("admin approve = %+v, want approved at version 3", got)
	}
}

func TestAPIUnknownRouteAndMethod(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	r := e.call(t, http.MethodGet, "/api/v1/nothing", e.viewer, nil).expect(t, http.StatusNotFound)
	errorMessage(t, r)
	r = e.call(t, http.MethodDelete, "/api/v1/documents", e.admin, nil).expect(t, http.StatusMethodNotAllowed)
	if msg := errorMessage(t, r); !strings.Contains(msg, "DELETE") {
		t.Errorf("error = %q, want it to name the method", msg)
	}
}
