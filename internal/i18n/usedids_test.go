package i18n

// Check (2) of the locale test: every message ID used in the templates and the
// Go code is in locales/en.json. The IDs are found by scanning the source:
//
//   - web/templates/**/*.html: {{t "id"}}, {{tn "id" .Count}}, (t "id"),
//     (tn "id" ...), inside template actions;
//   - non-test .go files under internal/ and cmd/: .T("id" and .N("id";
//   - quoted strings in a `messageIDs = []string{...}` literal in a non-test
//     .go file under internal/web, for IDs built at run time.
//
// A call that builds its ID from a literal prefix, .T("state." + s) in Go or
// (t (printf "state.%s" .State)) in a template, needs at least one ID of that
// prefix in messageIDs (it should list them all). A call whose ID comes from a
// variable cannot be checked; the test logs where they are.

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	// tmplActionRE finds template actions; the others look inside one.
	tmplActionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	// tmplCallRE finds t/tn calls with a literal ID, tmplAnyCallRE the same
	// calls whatever the literal looks like, tmplPrintfRE IDs made with printf
	// from a literal prefix, and tmplVarRE the calls taking anything else.
	tmplCallRE    = regexp.MustCompile(`^\btn? "([a-z0-9_.-]+)"`)
	tmplAnyCallRE = regexp.MustCompile(`\btn? "([^"]*)"`)
	tmplPrintfRE  = regexp.MustCompile(`^\btn? \(printf "([a-z0-9_.-]+)%[sdv]"`)
	tmplVarRE     = regexp.MustCompile(`\btn? [.$(]`)
	// goCallRE finds .T/.N calls with a literal ID, or a literal prefix when
	// followed by +; goAnyCallRE the same calls whatever the literal looks like,
	// and goVarRE the calls taking an identifier.
	goCallRE    = regexp.MustCompile(`^\.(?:T|N)\("([a-z0-9_.-]+)"(\s*\+)?`)
	goAnyCallRE = regexp.MustCompile(`\.(?:T|N)\("([^"]*)"`)
	goVarRE     = regexp.MustCompile(`\.(?:T|N)\([A-Za-z_]`)
	// messageIDsRE finds the body of a messageIDs slice literal; quotedRE the
	// strings in it.
	messageIDsRE = regexp.MustCompile(`(?s)\bmessageIDs\s*=\s*\[\]string\s*\{(.*?)\}`)
	quotedRE     = regexp.MustCompile(`"([^"\\]*)"`)
)

// usage records where message IDs are used ("web/templates/x.html:3"), where
// IDs are built at run time from a literal prefix ("state.") or taken from a
// variable, and calls whose literal argument is not a well-formed ID.
type usage struct {
	ids      map[string][]string
	prefixes map[string][]string
	variable []string
	bad      []string
}

func (u *usage) add(id, where string) {
	if u.ids == nil {
		u.ids = map[string][]string{}
	}
	u.ids[id] = append(u.ids[id], where)
}

func (u *usage) addPrefix(prefix, where string) {
	if u.prefixes == nil {
		u.prefixes = map[string][]string{}
	}
	u.prefixes[prefix] = append(u.prefixes[prefix], where)
}

func (u *usage) addBad(id, where string) {
	u.bad = append(u.bad, fmt.Sprintf("%s: %q is not a message ID [a-z0-9_.-]", where, id))
}

// lineAt returns the 1-based line of offset in src.
func lineAt(src string, offset int) int {
	return 1 + strings.Count(src[:offset], "\n")
}

// scanTemplate records the IDs used by the template src, read from file.
func (u *usage) scanTemplate(file, src string) {
	for _, a := range tmplActionRE.FindAllStringIndex(src, -1) {
		action := src[a[0]:a[1]]
		where := func(offset int) string { return fmt.Sprintf("%s:%d", file, lineAt(src, a[0]+offset)) }
		for _, m := range tmplAnyCallRE.FindAllStringSubmatchIndex(action, -1) {
			if id := action[m[2]:m[3]]; tmplCallRE.MatchString(action[m[0]:]) {
				u.add(id, where(m[0]))
			} else {
				u.addBad(id, where(m[0]))
			}
		}
		for _, m := range tmplVarRE.FindAllStringIndex(action, -1) {
			if p := tmplPrintfRE.FindStringSubmatch(action[m[0]:]); p != nil {
				u.addPrefix(p[1], where(m[0]))
			} else {
				u.variable = append(u.variable, where(m[0]))
			}
		}
	}
}

// scanGo records the IDs used by the Go source src, read from file; inWeb says
// whether its messageIDs list counts.
func (u *usage) scanGo(file, src string, inWeb bool) {
	for _, m := range goAnyCallRE.FindAllStringSubmatchIndex(src, -1) {
		id, where := src[m[2]:m[3]], fmt.Sprintf("%s:%d", file, lineAt(src, m[0]))
		switch call := goCallRE.FindStringSubmatch(src[m[0]:]); {
		case call == nil:
			u.addBad(id, where)
		case call[2] != "":
			u.addPrefix(id, where)
		default:
			u.add(id, where)
		}
	}
	for _, m := range goVarRE.FindAllStringIndex(src, -1) {
		u.variable = append(u.variable, fmt.Sprintf("%s:%d", file, lineAt(src, m[0])))
	}
	if !inWeb {
		return
	}
	for _, lit := range messageIDsRE.FindAllStringSubmatchIndex(src, -1) {
		body := src[lit[2]:lit[3]]
		for _, q := range quotedRE.FindAllStringSubmatchIndex(body, -1) {
			u.add(body[q[2]:q[3]], fmt.Sprintf("%s:%d (messageIDs)", file, lineAt(src, lit[2]+q[0])))
		}
	}
}

// repoRoot walks up from the working directory to the go.mod of module copydesk.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			if !strings.Contains(string(mod), "module copydesk\n") {
				t.Fatalf("%s/go.mod is not module copydesk", dir)
			}
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// walk calls fn with the slash path (from root) and text of every file under
// root/sub whose name keep accepts. A missing sub is not an error: it reports
// false.
func walk(t *testing.T, root, sub string, keep func(name string) bool, fn func(rel, src string)) bool {
	t.Helper()
	err := filepath.WalkDir(filepath.Join(root, sub), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !keep(d.Name()) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		fn(filepath.ToSlash(rel), string(data))
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	if err != nil {
		t.Fatalf("scan %s: %v", sub, err)
	}
	return true
}

func TestUsedIDsInEnglish(t *testing.T) {
	root := repoRoot(t)
	var u usage

	templates := 0
	hasTemplates := walk(t, root, "web/templates",
		func(name string) bool { return strings.HasSuffix(name, ".html") },
		func(rel, src string) { templates++; u.scanTemplate(rel, src) })
	templateIDs := len(u.ids)

	goFiles := 0
	isGo := func(name string) bool { return strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") }
	for _, sub := range []string{"internal", "cmd"} {
		walk(t, root, sub, isGo, func(rel, src string) {
			goFiles++
			u.scanGo(rel, src, strings.HasPrefix(rel, "internal/web/"))
		})
	}
	if goFiles == 0 {
		t.Fatalf("found no Go files under %s/internal and %s/cmd: the scan is broken", root, root)
	}
	switch {
	case !hasTemplates || templates == 0:
		t.Logf("web/templates holds no .html file yet: only Go code scanned")
	case templateIDs == 0:
		t.Errorf(`web/templates holds %d .html files but no {{t "id"}} or {{tn "id" n}} call: `+
			"the templates must call the translation functions t and tn so this test sees their IDs", templates)
	}
	t.Logf("checked %d distinct message IDs: %d templates, %d Go files", len(u.ids), templates, goFiles)

	if len(u.variable) > 0 {
		t.Logf("%d calls take their message ID from a variable, which this test cannot check "+
			"(list the IDs they can take in messageIDs): %s", len(u.variable), strings.Join(u.variable, ", "))
	}
	for _, prefix := range slices.Sorted(maps.Keys(u.prefixes)) {
		listed := false
		for id, where := range u.ids {
			fromList := slices.ContainsFunc(where, func(w string) bool { return strings.HasSuffix(w, "(messageIDs)") })
			listed = listed || fromList && strings.HasPrefix(id, prefix)
		}
		if !listed {
			u.bad = append(u.bad, fmt.Sprintf("%s: an ID built at run time from %q: list every ID it can take in "+
				"var messageIDs = []string{...} in internal/web", strings.Join(u.prefixes[prefix], ", "), prefix))
		}
	}
	if len(u.bad) > 0 {
		t.Errorf("message IDs the scan cannot check (IDs are literal strings of [a-z0-9_.-]):\n\t%s",
			strings.Join(u.bad, "\n\t"))
	}
	en := readLocales(t)["en"]
	var missing []string
	for _, id := range slices.Sorted(maps.Keys(u.ids)) {
		if _, ok := en[id]; !ok {
			missing = append(missing, fmt.Sprintf("%s (%s)", id, strings.Join(u.ids[id], ", ")))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d message IDs are used but missing from locales/en.json (add them there and to every other locale):\n\t%s",
			len(missing), strings.Join(missing, "\n\t"))
	}
}

// TestScan keeps the scanner honest: a pattern that found nothing would let
// TestUsedIDsInEnglish pass without checking anything.
func TestScan(t *testing.T) {
	tmpl := "<h1>{{t \"page.login.title\"}}</h1>\n" +
		"<p>{{tn \"segment.count\" .Count}} {{ t \"nav.logout\" }}</p>\n" +
		"<p>Don't \"quote\" this.</p>{{template \"head\" .}}{{print \"x\"}}\n" +
		"{{if .Err}}{{$msg := (t \"error.login.failed\")}}{{printf \"%s\" (tn \"error.login.throttled\" .Wait)}}{{end}}\n" +
		"{{t \"Page.Title\"}}\n" +
		"{{t (printf \"role.%s\" .User.Role)}} {{t .TitleID}} {{ $t := 1 }}\n"
	goSrc := "package web\n\nfunc f() {\n\tl.T(\"error.notfound\")\n\tloc.N(\"segment.count\", n, \"X\", 1)\n" +
		"\tt.Run(\"a\", nil)\n\tl.T(\"Bad ID\")\n\tl.T(\"state.\" + s)\n\tl.T(msgID)\n}\n\n" +
		"var messageIDs = []string{\n\t\"state.mt\", \"state.draft\",\n\t\"state.approved\", // comment\n}\n"
	var u usage
	u.scanTemplate("web/templates/x.html", tmpl)
	u.scanGo("internal/web/x.go", goSrc, true)
	u.scanGo("internal/other/y.go", "var messageIDs = []string{\"not.counted\"}\n", false)
	want := map[string][]string{
		"page.login.title":      {"web/templates/x.html:1"},
		"segment.count":         {"web/templates/x.html:2", "internal/web/x.go:5"},
		"nav.logout":            {"web/templates/x.html:2"},
		"error.login.failed":    {"web/templates/x.html:4"},
		"error.login.throttled": {"web/templates/x.html:4"},
		"error.notfound":        {"internal/web/x.go:4"},
		"state.mt":              {"internal/web/x.go:13 (messageIDs)"},
		"state.draft":           {"internal/web/x.go:13 (messageIDs)"},
		"state.approved":        {"internal/web/x.go:14 (messageIDs)"},
	}
	if !maps.EqualFunc(u.ids, want, slices.Equal) {
		t.Errorf("scanned IDs = %v\nwant %v", u.ids, want)
	}
	wantBad := []string{
		`web/templates/x.html:5: "Page.Title" is not a message ID [a-z0-9_.-]`,
		`internal/web/x.go:7: "Bad ID" is not a message ID [a-z0-9_.-]`,
	}
	wantPrefixes := map[string][]string{"state.": {"internal/web/x.go:8"}, "role.": {"web/templates/x.html:6"}}
	if !maps.EqualFunc(u.prefixes, wantPrefixes, slices.Equal) {
		t.Errorf("run-time prefixes = %v, want %v", u.prefixes, wantPrefixes)
	}
	if want := []string{"web/templates/x.html:6", "internal/web/x.go:9"}; !slices.Equal(u.variable, want) {
		t.Errorf("calls with a variable ID = %v, want %v", u.variable, want)
	}
	if !slices.Equal(u.bad, wantBad) {
		t.Errorf("bad calls = %q\nwant %q", u.bad, wantBad)
	}
}
