package web_test

import (
	"net/http"
	"strings"
	"testing"

	"copydesk/internal/qa/hunspell"
)

// checkedDoc imports an English→French pair whose translations carry known slips:
// English quotes and a space-less "?" in French, a doubled word, and one clean
// segment.
func checkedDoc(t *testing.T, e *env) (apiDocument, []apiSegment) {
	t.Helper()
	doc := e.createDoc(t, docIn{Title: "Checks", SourceLang: "en", TargetLang: "fr", Segments: []segIn{
		{Source: "“We are ready,” she said.", Target: "“Nous sommes prêts”, a-t-elle dit."},
		{Source: "The council met on Monday.", Target: "Le le conseil s’est réuni lundi."},
		{Source: "Work starts in March.", Target: "Les travaux commencent en mars."},
	}})
	return doc, e.segments(t, doc.ID)
}

type apiIssue struct {
	Check    string  `json:"check"`
	Severity string  `json:"severity"`
	Message  string  `json:"message"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Fix      *string `json:"fix"`
}

type checkedSegment struct {
	ID      int64      `json:"id"`
	Target  string     `json:"target"`
	Version int        `json:"version"`
	State   string     `json:"state"`
	Issues  []apiIssue `json:"issues"`
}

func hasCheck(issues []apiIssue, check string) bool {
	for _, is := range issues {
		if is.Check == check {
			return true
		}
	}
	return false
}

func TestAPISegmentsCarryIssuesAndFilter(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc, _ := checkedDoc(t, e)
	page := decodeBody[struct {
		Total    int              `json:"total"`
		Segments []checkedSegment `json:"segments"`
	}](t, e.call(t, http.MethodGet, docPath(doc.ID, "/segments"), e.viewer, nil).expect(t, http.StatusOK))
	if len(page.Segments) != 3 {
		t.Fatalf("%d segments, want 3", len(page.Segments))
	}
	if !hasCheck(page.Segments[0].Issues, "quote-style") {
		t.Errorf("segment 1 issues = %+v, want quote-style", page.Segments[0].Issues)
	}
	if !hasCheck(page.Segments[1].Issues, "repeated-word") {
		t.Errorf("segment 2 issues = %+v, want repeated-word", page.Segments[1].Issues)
	}
	if len(page.Segments[2].Issues) != 0 {
		t.Errorf("clean segment 3 has issues %+v", page.Segments[2].Issues)
	}
	for _, is := range page.Segments[1].Issues {
		if is.Check == "repeated-word" && (is.Message == "" || strings.HasPrefix(is.Message, "qa.")) {
			t.Errorf("message not rendered in English: %q", is.Message)
		}
	}
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"?check=repeated-word", 1},
		{"?check=quote-style", 1},
		{"?issues=true", 2},
		{"?check=url-mismatch", 0},
	} {
		got := decodeBody[apiPage](t, e.call(t, http.MethodGet, docPath(doc.ID, "/segments"+tc.query), e.viewer, nil).expect(t, http.StatusOK))
		if got.Total != tc.want || len(got.Segments) != tc.want {
			t.Errorf("%s: total %d, %d segments; want %d", tc.query, got.Total, len(got.Segments), tc.want)
		}
	}
	for _, q := range []string{"?check=no-such-check", "?issues=maybe"} {
		e.call(t, http.MethodGet, docPath(doc.ID, "/segments"+q), e.viewer, nil).expect(t, http.StatusBadRequest)
	}
}

func TestUIFixDismissAndMarks(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc, segs := checkedDoc(t, e)
	b := deskLogin(t, e, "rita")
	page := b.get(t, deskDoc(doc.ID, "?lang=fr")).expect(t, http.StatusOK)
	page.has(t, `class="issue-list"`, `data-check="repeated-word"`, `<mark data-i=`, `formaction="/segments/`)

	// Fix the doubled word: a new revision of kind fix, the text mended.
	r := b.script(t, deskSeg(segs[1].ID, "fix"), "version", "1", "index", "0").expect(t, http.StatusOK)
	got := deskJSON[checkedSegment](t, r)
	if got.Target != "Le conseil s’est réuni lundi." || got.Version != 2 || got.State != "draft" || hasCheck(got.Issues, "repeated-word") {
		t.Errorf("after fix: %+v", got)
	}
	revs := e.revisions(t, segs[1].ID)
	if last := revs[len(revs)-1]; last.Kind != "fix" || last.Author != "rita" {
		t.Errorf("last revision = %+v, want kind fix by rita", last)
	}
	// Nothing left to fix: 422, nothing written.
	b.script(t, deskSeg(segs[1].ID, "fix"), "version", "2", "index", "0").expect(t, http.StatusUnprocessableEntity)
	if n := len(e.revisions(t, segs[1].ID)); n != len(revs) {
		t.Errorf("a refused fix wrote a revision (%d, was %d)", n, len(revs))
	}

	// Dismiss the quote check on segment 1: kept in the history, gone from issues.
	r = b.script(t, deskSeg(segs[0].ID, "dismiss"), "version", "1", "check", "quote-style").expect(t, http.StatusOK)
	got = deskJSON[checkedSegment](t, r)
	if hasCheck(got.Issues, "quote-style") || got.Version != 2 {
		t.Errorf("after dismiss: %+v", got)
	}
	revs = e.revisions(t, segs[0].ID)
	if last := revs[len(revs)-1]; last.Kind != "dismiss" || last.Reason != "quote-style" || last.Text != segs[0].Target {
		t.Errorf("dismiss revision = %+v", last)
	}
	// Still dismissed after an edit.
	b.script(t, deskSeg(segs[0].ID, "save"), "version", "2", "target", "“Nous sommes prêtes”, a-t-elle dit.").expect(t, http.StatusOK)
	one := decodeBody[struct {
		Segments []checkedSegment `json:"segments"`
	}](t, e.call(t, http.MethodGet, docPath(doc.ID, "/segments?check=quote-style"), e.viewer, nil).expect(t, http.StatusOK))
	if len(one.Segments) != 0 {
		t.Errorf("a dismissed check came back after an edit: %+v", one.Segments)
	}
	// Dismissing a check the segment does not have is refused.
	b.script(t, deskSeg(segs[2].ID, "dismiss"), "version", "1", "check", "quote-style").expect(t, http.StatusUnprocessableEntity)
	// A viewer may neither fix nor dismiss.
	v := deskLogin(t, e, "victor")
	v.script(t, deskSeg(segs[2].ID, "fix"), "version", "1", "index", "all").expect(t, http.StatusForbidden)
}

func TestUIGlossaryRechecks(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	doc := e.createDoc(t, docIn{Title: "NATO", SourceLang: "en", TargetLang: "fr", Segments: []segIn{
		{Source: "NATO leaders met in Brussels.", Target: "Les dirigeants de la nato se sont réunis à Bruxelles."},
	}})
	seg := e.segments(t, doc.ID)[0]
	if p := decodeBody[apiPage](t, e.call(t, http.MethodGet, docPath(doc.ID, "/segments?check=glossary"), e.viewer, nil)); p.Total != 0 {
		t.Fatalf("glossary issue before any term: %+v", p)
	}
	rita := deskLogin(t, e, "rita")
	rita.post(t, "/admin/glossary", rita.form("source_lang", "en", "target_lang", "fr", "source", "NATO", "target", "OTAN")).expect(t, http.StatusForbidden)

	ada := deskLogin(t, e, "ada")
	ada.post(t, "/admin/glossary/import", ada.form("source_lang", "en", "target_lang", "fr", "text", "source\ttarget\nNATO\tOTAN\n")).expect(t, http.StatusSeeOther)
	ada.get(t, "/admin/glossary").expect(t, http.StatusOK).has(t, "NATO", "OTAN")
	p := decodeBody[struct {
		Total    int              `json:"total"`
		Segments []checkedSegment `json:"segments"`
	}](t, e.call(t, http.MethodGet, docPath(doc.ID, "/segments?check=glossary"), e.viewer, nil))
	if p.Total != 1 || p.Segments[0].ID != seg.ID {
		t.Fatalf("after adding NATO→OTAN: %+v, want the segment flagged", p)
	}
	// A required term written in the wrong case gets a fix.
	doc2 := e.createDoc(t, docIn{Title: "OTAN", SourceLang: "en", TargetLang: "fr", Segments: []segIn{
		{Source: "NATO will meet again.", Target: "L’otan se réunira de nouveau."},
	}})
	p2 := decodeBody[struct {
		Segments []checkedSegment `json:"segments"`
	}](t, e.call(t, http.MethodGet, docPath(doc2.ID, "/segments"), e.viewer, nil))
	var fixed string
	for _, is := range p2.Segments[0].Issues {
		if is.Check == "glossary" && is.Fix != nil {
			fixed = p2.Segments[0].Target[:is.Start] + *is.Fix + p2.Segments[0].Target[is.End:]
		}
	}
	if fixed != "L’OTAN se réunira de nouveau." {
		t.Errorf("glossary fix gives %q, want L’OTAN se réunira de nouveau.", fixed)
	}
	// Bad input is refused with the form kept.
	ada.post(t, "/admin/glossary", ada.form("source_lang", "english-xx", "target_lang", "fr", "source", "a", "target", "b")).expect(t, http.StatusUnprocessableEntity)
	ada.post(t, "/admin/glossary", ada.form("source_lang", "en", "target_lang", "fr", "source", "", "target", "b")).expect(t, http.StatusUnprocessableEntity)
}

func TestUISpellingWithHunspell(t *testing.T) {
	t.Parallel()
	e := newEnv(t, 0)
	pool := hunspell.NewPool(hunspell.Options{Words: []string{"Copydesk"}})
	t.Cleanup(func() { pool.Close() })
	if _, ok := pool.For("en"); !ok {
		t.Fatal("no English dictionary: install the Debian packages hunspell and hunspell-en-us")
	}
	e.svc.UseSpeller(pool.For)
	doc := e.createDoc(t, docIn{Title: "Spelling", SourceLang: "fr", TargetLang: "en", Segments: []segIn{
		{Source: "Le gouvernement a parlé à Copydesk.", Target: "The goverment spoke to Copydesk."},
	}})
	seg := decodeBody[struct {
		Segments []checkedSegment `json:"segments"`
	}](t, e.call(t, http.MethodGet, docPath(doc.ID, "/segments"), e.viewer, nil)).Segments[0]
	var words []string
	for _, is := range seg.Issues {
		if is.Check == "spelling" {
			words = append(words, seg.Target[is.Start:is.End])
		}
	}
	if len(words) != 1 || words[0] != "goverment" {
		t.Fatalf("spelling issues on %q: %q, want only goverment (Copydesk is a project word)", seg.Target, words)
	}
	b := deskLogin(t, e, "rita")
	r := b.get(t, "/spelling/suggest?lang=en&word=goverment").expect(t, http.StatusOK)
	if !strings.Contains(r.body, `"government"`) {
		t.Errorf("suggestions = %s, want government among them", r.body)
	}
	b.get(t, "/spelling/suggest?lang=ko&word=x").expect(t, http.StatusNotFound)
	b.get(t, "/spelling/suggest?lang=en").expect(t, http.StatusBadRequest)
	// A save checks the new text again.
	got := deskJSON[checkedSegment](t, b.script(t, deskSeg(seg.ID, "save"), "version", "1", "target", "The government spoke to Copydesk.").expect(t, http.StatusOK))
	if hasCheck(got.Issues, "spelling") {
		t.Errorf("after the correction: %+v", got.Issues)
	}
}
