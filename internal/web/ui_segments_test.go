package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestUICSRF(t *testing.T) {
	e := newEnv(t, 0)
	_, segs := deskArticle(t, e, "CSRF", 2)
	s1, s2 := segs[0].ID, segs[1].ID
	deskOK(t)(e.svc.Edit(context.Background(), deskUser(t, e, "ada"), s1, 1, "Ada text."))
	b := deskLogin(t, e, "rita")
	cases := []struct {
		path   string
		fields func() []string
	}{
		{"/language", func() []string { return []string{"lang", "fr", "next", "/"} }},
		{"/documents", func() []string {
			return []string{"title", "New", "source_lang", "fr", "target_lang", "en", "format", "jsonl", "text", `{"source":"A."}`}
		}},
		{deskSeg(s1, "save"), func() []string { return []string{"version", deskVersion(t, e, s1), "target", "Saved."} }},
		{deskSeg(s1, "approve"), func() []string { return []string{"version", deskVersion(t, e, s1)} }},
		{deskSeg(s1, "revert"), func() []string { return []string{"version", deskVersion(t, e, s1), "to", "1"} }},
		{deskSeg(s2, "reject"), func() []string { return []string{"version", deskVersion(t, e, s2), "reason", "No."} }},
		{deskSeg(s2, "comments"), func() []string { return []string{"body", "A note."} }},
		{"/logout", func() []string { return nil }},
	}
	before1, before2 := deskSnapshot(t, e, s1), deskSnapshot(t, e, s2)
	for _, tc := range cases {
		withToken := b.form(tc.fields()...)
		noToken := b.form(tc.fields()...)
		noToken.Del("csrf_token")
		wrong := b.form(tc.fields()...)
		wrong.Set("csrf_token", "wrong"+b.csrf[5:])
		for name, r := range map[string]deskReply{
			"no token":       b.post(t, tc.path, noToken),
			"wrong token":    b.post(t, tc.path, wrong),
			"cross-site":     b.post(t, tc.path, withToken, "Sec-Fetch-Site", "cross-site"),
			"foreign origin": b.post(t, tc.path, withToken, "Origin", "https://evil.example"),
			"wrong header":   b.post(t, tc.path, noToken, "X-CSRF-Token", "wrong", "Accept", "application/json"),
		} {
			if r.status != http.StatusForbidden || !strings.Contains(r.body, "This form has expired") {
				t.Errorf("POST %s, %s: status %d, want 403 with the CSRF message; body %.300s", tc.path, name, r.status, r.body)
			}
		}
	}
	deskUnchanged(t, e, s1, before1)
	deskUnchanged(t, e, s2, before2)
	if u := deskUser(t, e, "rita"); u.Locale != "" {
		t.Errorf("locale changed to %q", u.Locale)
	}
	b.get(t, "/").expect(t, http.StatusOK) // still logged in

	for _, tc := range cases { // the same requests with the right token
		b.post(t, tc.path, b.form(tc.fields()...)).expect(t, http.StatusSeeOther)
	}
	var kinds []string
	for _, r := range e.snapshot(t, s1).Revisions {
		kinds = append(kinds, r.Kind)
	}
	if want := []string{"import", "edit", "edit", "approve", "revert"}; !slices.Equal(kinds, want) {
		t.Errorf("revision kinds %v, want %v", kinds, want)
	}
	after2 := deskSnapshot(t, e, s2)
	if after2.Segment.State != "rejected" || len(after2.Comments) != 1 || after2.Documents != 2 {
		t.Errorf("after the accepted requests: state %s, %d comments, %d documents", after2.Segment.State, len(after2.Comments), after2.Documents)
	}
	if u := deskUser(t, e, "rita"); u.Locale != "fr" {
		t.Errorf("locale = %q, want fr", u.Locale)
	}
	b.get(t, "/").expect(t, http.StatusSeeOther) // logged out
}

func TestUIViewerReadOnly(t *testing.T) {
	e := newEnv(t, 0)
	doc, segs := deskArticle(t, e, "Read only", 3)
	s1 := segs[0].ID
	deskOK(t)(e.svc.Edit(context.Background(), deskUser(t, e, "rita"), s1, 1, "Edited."))
	v := deskLogin(t, e, "victor")
	r := v.get(t, deskDoc(doc.ID, "?lang=en")).expect(t, http.StatusOK)
	if n := len(deskRows(r.body)); n != 3 || strings.Count(r.body, " readonly>") != 3 {
		t.Errorf("%d rows, %d read-only textareas; want 3 and 3", n, strings.Count(r.body, " readonly>"))
	}
	r.lacks(t, `data-act="approve"`, `data-act="save"`, `data-act="reject"`, "formaction=").has(t, `data-act="history"`)
	v.get(t, "/").expect(t, http.StatusOK).lacks(t, `action="/documents"`)
	v.get(t, deskSeg(s1, "history")).expect(t, http.StatusOK).has(t, "<strong>v2</strong>").
		lacks(t, deskSeg(s1, "revert"), "data-comment")

	before := deskSnapshot(t, e, s1)
	for _, tc := range []struct {
		path   string
		fields []string
	}{
		{deskSeg(s1, "save"), []string{"version", "2", "target", "Viewer text."}},
		{deskSeg(s1, "approve"), []string{"version", "2"}},
		{deskSeg(s1, "approve"), []string{"version", "2", "target", "Viewer text."}},
		{deskSeg(s1, "reject"), []string{"version", "2", "reason", "No."}},
		{deskSeg(s1, "revert"), []string{"version", "2", "to", "1"}},
		{deskSeg(s1, "comments"), []string{"body", "Viewer note."}},
		{"/documents", []string{"title", "V", "source_lang", "fr", "target_lang", "en", "text", `{"source":"A."}`}},
	} {
		v.post(t, tc.path, v.form(tc.fields...)).expect(t, http.StatusForbidden)
		v.script(t, tc.path, tc.fields...).expect(t, http.StatusForbidden)
	}
	deskUnchanged(t, e, s1, before)
}

func TestUISegmentScriptActions(t *testing.T) {
	e := newEnv(t, 0)
	_, segs := deskArticle(t, e, "Script", 2)
	s1, s2 := segs[0].ID, segs[1].ID
	b := deskLogin(t, e, "rita")

	got := deskJSON[deskScriptSeg](t, b.script(t, deskSeg(s1, "save"), "version", "1", "target", "T1.1. Edited.").expect(t, http.StatusOK))
	if got.ID != s1 || got.Version != 2 || got.Target != "T1.1. Edited." || got.MT != "T1.1." || got.State != "draft" ||
		got.StateLabel != "Draft" || got.ChangedBy != "rita" {
		t.Errorf("save answer %+v", got)
	}
	if len(got.Diff) < 2 || got.Diff[0].Kind != "equal" || got.Diff[0].Text != "T1.1." ||
		got.Diff[len(got.Diff)-1].Kind != "insert" || !strings.Contains(got.Diff[len(got.Diff)-1].Text, "Edited.") {
		t.Errorf("save diff %+v", got.Diff)
	}

	got = deskJSON[deskScriptSeg](t, b.script(t, deskSeg(s1, "approve"), "version", "2", "target", "Final.").expect(t, http.StatusOK))
	if got.Version != 4 || got.State != "approved" || got.Target != "Final." {
		t.Errorf("approve with a changed target: %+v, want version 4, approved, Final.", got)
	}
	revs := e.snapshot(t, s1).Revisions
	if len(revs) != 4 || revs[2].Kind != "edit" || revs[2].Text != "Final." || revs[3].Kind != "approve" || revs[3].Author != "rita" {
		t.Errorf("revisions after approve %+v", revs)
	}

	before2 := deskSnapshot(t, e, s2)
	r := b.script(t, deskSeg(s2, "reject"), "version", "1", "reason", "  ").expect(t, http.StatusUnprocessableEntity)
	if msg := deskJSON[apiError](t, r).Error; msg != "a rejection needs a reason" {
		t.Errorf("reject without reason: %q", msg)
	}
	deskUnchanged(t, e, s2, before2)

	before1 := deskSnapshot(t, e, s1)
	r = b.script(t, deskSeg(s1, "save"), "version", "1", "target", "Late.").expect(t, http.StatusConflict)
	conflict := deskJSON[struct {
		Error   string        `json:"error"`
		Segment deskScriptSeg `json:"segment"`
	}](t, r)
	if conflict.Error != "Someone else changed this segment meanwhile" || conflict.Segment.ID != s1 ||
		conflict.Segment.Version != 4 || conflict.Segment.Target != "Final." || conflict.Segment.State != "approved" {
		t.Errorf("stale save: %+v", conflict)
	}
	deskUnchanged(t, e, s1, before1)

	got = deskJSON[deskScriptSeg](t, b.script(t, deskSeg(s1, "revert"), "version", "4", "to", "1").expect(t, http.StatusOK))
	if got.Version != 5 || got.Target != "T1.1." || got.State != "draft" {
		t.Errorf("revert answer %+v", got)
	}
	after := e.snapshot(t, s1).Revisions
	if len(after) != 5 || !slices.Equal(after[:4], before1.Revisions) || after[4].Kind != "revert" || after[4].Text != "T1.1." {
		t.Errorf("history after revert %+v; before %+v", after, before1.Revisions)
	}
	r = b.script(t, deskSeg(s1, "revert"), "version", "5", "to", "9").expect(t, http.StatusUnprocessableEntity)
	if msg := deskJSON[apiError](t, r).Error; msg != fmt.Sprintf("segment %d has no version 9", s1) {
		t.Errorf("revert to a missing version: %q", msg)
	}

	cm := deskJSON[struct {
		SegmentID int64  `json:"segment_id"`
		Author    string `json:"author"`
		Body      string `json:"body"`
	}](t, b.script(t, deskSeg(s2, "comments"), "body", "  Check the date.  ").expect(t, http.StatusOK))
	if cm.SegmentID != s2 || cm.Body != "Check the date." {
		t.Errorf("comment answer %+v", cm)
	}
	b.script(t, deskSeg(s2, "comments"), "body", " ").expect(t, http.StatusUnprocessableEntity)
	b.get(t, deskSeg(s2, "history?partial=1")).expect(t, http.StatusOK).has(t, "<p>Check the date.</p>", "<strong>rita</strong>").
		lacks(t, "<html", "No comments yet.")
}

// Edge cases of the segment forms, one subtest each (each a bug today).
func TestUISegmentFormEdges(t *testing.T) {
	e := newEnv(t, 0)
	_, segs := deskArticle(t, e, "Edges", 3)
	b := deskLogin(t, e, "rita")
	// The script's answer to a comment names its author, as the live "comment" event does.
	t.Run("CommentAnswerNamesAuthor", func(t *testing.T) {
		r := b.script(t, deskSeg(segs[0].ID, "comments"), "body", "Mine.").expect(t, http.StatusOK)
		if got := deskJSON[struct{ Author string }](t, r); got.Author != "rita" {
			t.Errorf("comment answer %s: author %q, want rita", r.body, got.Author)
		}
	})
	// A refused approve (422) leaves the segment as it was. With a target it is an
	// edit and an approval; when the approval is refused the edit must not stay, or
	// the script, which got no new version, meets its own text as a conflict.
	t.Run("RefusedApproveSavesNothing", func(t *testing.T) {
		before := deskSnapshot(t, e, segs[1].ID)
		b.script(t, deskSeg(segs[1].ID, "approve"), "version", "1", "target", "  ").expect(t, http.StatusUnprocessableEntity)
		deskUnchanged(t, e, segs[1].ID, before)
	})
	// A revert whose "to" is not a number is a bad form (422 or 400), not a 500.
	t.Run("RevertMalformedTo", func(t *testing.T) {
		for _, to := range []string{"abc", ""} {
			for name, r := range map[string]deskReply{
				"script": b.script(t, deskSeg(segs[2].ID, "revert"), "version", "1", "to", to),
				"form":   b.post(t, deskSeg(segs[2].ID, "revert"), b.form("version", "1", "to", to)),
			} {
				if r.status != http.StatusUnprocessableEntity && r.status != http.StatusBadRequest {
					t.Errorf("%s revert to=%q: status %d, want 422 or 400; body %.200s", name, to, r.status, r.body)
				}
			}
		}
	})
}

func TestUIPlainFormsAndConflict(t *testing.T) {
	e := newEnv(t, 0)
	doc, segs := deskArticle(t, e, "Forms", 2)
	s1, s2 := segs[0].ID, segs[1].ID
	b := deskLogin(t, e, "rita")
	back := deskDoc(doc.ID, "?lang=en&state=mt")

	r := b.post(t, deskSeg(s1, "save"), b.form("version", "1", "target", "Plain.", "back", back)).expect(t, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != back+"#seg-"+strconv.FormatInt(s1, 10) {
		t.Errorf("save Location = %q", loc)
	}
	b.post(t, deskSeg(s2, "reject"), b.form("version", "1", "reason", "Numbers lost", "back", back)).expect(t, http.StatusSeeOther)
	page := b.get(t, deskDoc(doc.ID, "?lang=en")).has(t, "Rejected: Numbers lost", "Plain.</textarea>")
	if rows := deskRows(page.body); len(rows) != 2 || rows[0].State != "draft" || rows[0].Version != 2 || rows[1].State != "rejected" {
		t.Errorf("rows after the forms: %+v", rows)
	}
	r = b.post(t, deskSeg(s2, "comments"), b.form("body", "Why?", "back", back)).expect(t, http.StatusSeeOther)
	if want := deskSeg(s2, "history?back=") + url.QueryEscape(back); r.header.Get("Location") != want {
		t.Errorf("comment Location = %q, want %q", r.header.Get("Location"), want)
	}
	b.post(t, deskSeg(s1, "save"), b.form("target", "No version.")).expect(t, http.StatusUnprocessableEntity).
		has(t, "The form did not say which version")

	deskOK(t)(e.svc.Edit(context.Background(), deskUser(t, e, "ada"), s1, 2, "Ada version."))
	before := deskSnapshot(t, e, s1)
	r = b.post(t, deskSeg(s1, "save"), b.form("version", "2", "target", "Rita version.", "back", back)).expect(t, http.StatusConflict)
	r.has(t, "Someone else changed this segment meanwhile", "Nothing was overwritten",
		`<p class="text">Ada version.</p>`, `<textarea name="target" rows="3">Rita version.</textarea>`,
		`<input type="hidden" name="version" value="3">`, `value="`+html.EscapeString(back)+`"`)
	deskUnchanged(t, e, s1, before)
	// "Keep mine" posts the conflict page's form, now based on the current version.
	b.post(t, deskSeg(s1, "save"), b.form("version", "3", "target", "Rita version.", "back", back)).expect(t, http.StatusSeeOther)
	if sg := e.snapshot(t, s1).Segment; sg.Target != "Rita version." || sg.Version != 4 {
		t.Errorf("after keep mine: %q v%d", sg.Target, sg.Version)
	}
}

func TestUICreateDocumentForm(t *testing.T) {
	e := newEnv(t, 0)
	b := deskLogin(t, e, "rita")
	locRE := regexp.MustCompile(`^/documents/(\d+)\?lang=(\w+)$`)
	created := func(r deskReply, lang string) int64 {
		t.Helper()
		m := locRE.FindStringSubmatch(r.expect(t, http.StatusSeeOther).header.Get("Location"))
		if m == nil || m[2] != lang {
			t.Fatalf("Location = %q, want /documents/{id}?lang=%s", r.header.Get("Location"), lang)
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		return id
	}
	jsonl := "{\"source\": \"Un.\", \"target\": \"One.\", \"paragraph\": 1}\n{\"source\": \"Deux.\", \"target\": \"Two.\", \"paragraph\": 2}\n"
	id := created(b.post(t, "/documents", b.form("title", "Pasted", "source_lang", "fr", "target_lang", "en", "format", "auto", "text", jsonl)), "en")
	page := b.get(t, deskDoc(id, "?lang=en")).expect(t, http.StatusOK).has(t, "Pasted", "Deux.", "Two.</textarea>")
	if n := strings.Count(page.body, `<section class="para">`); n != 2 {
		t.Errorf("%d paragraphs, want 2", n)
	}

	csv := "source,target,paragraph\n\"Hello, world.\",\"Hallo, Welt.\",1\nBye.,Tschüss.,2\n"
	body, ctype := deskMultipart(b.form("title", "Uploaded", "source_lang", "en", "target_lang", "de", "format", "auto"), "file", "article.csv", []byte(csv))
	id = created(b.do(t, http.MethodPost, "/documents", body, ctype), "de")
	if segs := e.segments(t, id); len(segs) != 2 || segs[0].Source != "Hello, world." || segs[1].Target != "Tschüss." || segs[1].Paragraph != 2 {
		t.Errorf("uploaded segments %+v", segs)
	}

	for _, tc := range []struct{ name, src, tgt, format, text, want string }{
		{"no text", "fr", "en", "auto", "  ", "Paste the segments or choose a file."},
		{"unknown language", "fr", "xx", "auto", jsonl, `target_lang &#34;xx&#34; is not a valid BCP 47 language tag`},
		{"same language", "fr", "fr", "auto", jsonl, "source and target language are both fr"},
		{"malformed line", "fr", "en", "jsonl", "{\"source\": \"A.\"}\n{\"source\": ", "The segments could not be read: line 2"},
		{"unknown format", "fr", "en", "auto", "just words", "Choose the format"},
	} {
		r := b.post(t, "/documents", b.form("title", "Bad "+tc.name, "source_lang", tc.src, "target_lang", tc.tgt, "format", tc.format, "text", tc.text))
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, tc.want) || !strings.Contains(r.body, `value="Bad `+tc.name+`"`) {
			t.Errorf("%s: status %d, want 422 with %q and the form kept; body %.2000s", tc.name, r.status, tc.want, r.body)
		}
	}
	if n := e.snapshot(t, e.segments(t, id)[0].ID).Documents; n != 2 {
		t.Errorf("%d documents stored, want 2", n)
	}
}

func TestUIEventStream(t *testing.T) {
	e := newEnv(t, 0)
	doc, segs := deskArticle(t, e, "Live", 2)
	s2 := segs[1].ID
	path := deskDoc(doc.ID, "/events?lang=en")

	anon := newDeskClient(t, e).get(t, path, "Accept", "text/event-stream")
	if anon.status == http.StatusOK || strings.HasPrefix(anon.header.Get("Content-Type"), "text/event-stream") {
		t.Errorf("stream without a session: status %d, %s", anon.status, anon.header.Get("Content-Type"))
	}

	b := deskLogin(t, e, "rita")
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Second)
	defer cancel()
	resp := b.request(t, ctx, http.MethodGet, path, nil, "", "Accept", "text/event-stream")
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream: status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rd := bufio.NewReader(resp.Body)
	if line, err := rd.ReadString('\n'); err != nil || line != "retry: 2000\n" {
		t.Fatalf("first line %q, %v", line, err)
	}
	start := time.Now()
	deskOK(t)(e.svc.Edit(ctx, deskUser(t, e, "ada"), s2, 1, "Live edit."))
	var ev deskScriptSeg
	if err := json.Unmarshal([]byte(deskEvent(t, rd, "segment")), &ev); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the event came %v after the edit", took)
	}
	if ev.ID != s2 || ev.Version != 2 || ev.Target != "Live edit." || ev.State != "draft" || ev.Kind != "edit" || ev.Author != "ada" {
		t.Errorf("segment event %+v", ev)
	}
	b.script(t, deskSeg(s2, "comments"), "body", "Seen live.").expect(t, http.StatusOK)
	if data := deskEvent(t, rd, "comment"); !strings.Contains(data, `"body":"Seen live."`) || !strings.Contains(data, `"author":"rita"`) {
		t.Errorf("comment event %s", data)
	}
}

func TestUIEscaping(t *testing.T) {
	const evil = `<script>alert(1)</script> "><img src=x onerror=alert(1)> {{.}}`
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "Title " + evil, SourceLang: "fr", TargetLang: "en",
		Segments: []segIn{{Source: "Src " + evil, Target: "MT " + evil}}})
	s1 := e.segments(t, doc.ID)[0].ID
	b := deskLogin(t, e, "rita")
	noRaw := func(where, body string) {
		t.Helper()
		for _, bad := range []string{"<script>alert", "<img src=x", `"><img`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s carries %q unescaped", where, bad)
			}
		}
	}
	// The script's JSON answers carry the texts as JSON strings.
	r := b.script(t, deskSeg(s1, "save"), "version", "1", "target", "Mine "+evil).expect(t, http.StatusOK)
	if got := deskJSON[deskScriptSeg](t, r); got.Target != "Mine "+evil || got.MT != "MT "+evil {
		t.Errorf("save answer %+v", got)
	}
	noRaw("save answer", r.body)
	r = b.script(t, deskSeg(s1, "reject"), "version", "2", "reason", "Why "+evil).expect(t, http.StatusOK)
	if got := deskJSON[deskScriptSeg](t, r); got.Reason != "Why "+evil {
		t.Errorf("reject answer %+v", got)
	}
	r = b.script(t, deskSeg(s1, "comments"), "body", "Note "+evil).expect(t, http.StatusOK)
	if got := deskJSON[struct{ Body string }](t, r); got.Body != "Note "+evil {
		t.Errorf("comment answer %q", r.body)
	}
	r = b.script(t, deskSeg(s1, "save"), "version", "1", "target", "Stale").expect(t, http.StatusConflict)
	if got := deskJSON[struct{ Segment deskScriptSeg }](t, r); got.Segment.Target != "Mine "+evil || got.Segment.Reason != "Why "+evil {
		t.Errorf("conflict answer %s", r.body)
	}
	noRaw("conflict answer", r.body)

	back := deskDoc(doc.ID, "?lang=en")
	for name, pg := range map[string]struct {
		r    deskReply
		want []string
	}{
		"list":     {b.get(t, "/"), []string{"Title "}},
		"review":   {b.get(t, back), []string{"Title ", "Src ", "MT ", "Mine ", "Rejected: Why "}},
		"history":  {b.get(t, deskSeg(s1, "history")), []string{"Src ", "MT ", "Rejected: Why ", "Note "}},
		"panel":    {b.get(t, deskSeg(s1, "history?partial=1")), []string{"Rejected: Why ", "Note "}},
		"conflict": {b.post(t, deskSeg(s1, "save"), b.form("version", "1", "target", "Stale "+evil, "back", back)), []string{"Mine ", "Stale "}},
	} {
		if pg.r.status != http.StatusOK && pg.r.status != http.StatusConflict {
			t.Errorf("%s: status %d", name, pg.r.status)
		}
		noRaw(name, pg.r.body)
		for _, prefix := range pg.want {
			if esc := html.EscapeString(prefix + evil); !strings.Contains(pg.r.body, esc) {
				t.Errorf("%s lacks %q", name, esc)
			}
		}
		h := pg.r.header
		if strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") || h.Get("Content-Security-Policy") == "" ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: security headers %v", name, h)
		}
	}

	// The event stream, replayed from the start, carries them as JSON strings too.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	resp := b.request(t, ctx, http.MethodGet, deskDoc(doc.ID, "/events?lang=en"), nil, "", "Last-Event-ID", "0-0")
	defer resp.Body.Close()
	rd := bufio.NewReader(resp.Body)
	var evs []deskScriptSeg
	for range 3 {
		data := deskEvent(t, rd, "segment")
		noRaw("segment event", data)
		var ev deskScriptSeg
		if err := json.Unmarshal([]byte(data), &ev); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, ev)
	}
	if evs[0].Target != "MT "+evil || evs[1].Target != "Mine "+evil || evs[2].Reason != "Why "+evil {
		t.Errorf("segment events %+v", evs)
	}
	data := deskEvent(t, rd, "comment")
	noRaw("comment event", data)
	if got := (struct{ Body string }{}); json.Unmarshal([]byte(data), &got) != nil || got.Body != "Note "+evil {
		t.Errorf("comment event %s", data)
	}
}
