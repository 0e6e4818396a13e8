package i18n

// The locale test: every English message is in every locale with the plural forms
// its CLDR rules need, every message renders, and (in usedids_test.go) every
// message ID that the templates and the Go code use is in English.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	texttemplate "text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"copydesk/locales"
)

// pluralForms lists, per UI language, the CLDR plural forms a counted message
// must have (need) and those it may also have (may). The rules are go-i18n's
// (CLDR): French "one" covers 0 and 1, and French and Spanish have a "many" form
// for round millions ("1000000 de segments").
var pluralForms = map[string]struct{ need, may []string }{
	"en": {need: []string{"one", "other"}},
	"de": {need: []string{"one", "other"}},
	"es": {need: []string{"one", "other"}, may: []string{"many"}},
	"fr": {need: []string{"one", "other"}, may: []string{"many"}},
	"ko": {need: []string{"other"}},
}

// entry is one message of a message file as written: a plain string, or an
// object of plural forms.
type entry struct {
	plural bool
	forms  map[string]string // "other" alone for a plain string
}

// fields returns the template fields ({{.Name}}) that any form of e uses.
func (e entry) fields() map[string]bool {
	out := map[string]bool{}
	for _, src := range e.forms {
		for _, action := range actionRE.FindAllString(src, -1) {
			for _, m := range fieldRE.FindAllStringSubmatch(action, -1) {
				out[m[1]] = true
			}
		}
	}
	return out
}

var (
	idRE     = regexp.MustCompile(`^[a-z0-9_.-]+$`)
	actionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	fieldRE  = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_]*)`)
	htmlRE   = regexp.MustCompile(`<[A-Za-z/!]|&[A-Za-z]+;|&#[0-9]`)
)

// readLocales reads every message file of locales.FS, keyed by language tag
// ("en"), refusing duplicate IDs, which encoding/json would silently merge.
func readLocales(t *testing.T) map[string]map[string]entry {
	t.Helper()
	names, err := fs.Glob(locales.FS, "*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no message files in locales.FS (err %v)", err)
	}
	out := map[string]map[string]entry{}
	for _, name := range names {
		data, err := fs.ReadFile(locales.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := parseEntries(data)
		if err != nil {
			t.Fatalf("locales/%s: %v", name, err)
		}
		out[strings.TrimSuffix(name, ".json")] = entries
	}
	if _, ok := out["en"]; !ok {
		t.Fatal("locales/en.json is missing")
	}
	return out
}

// parseEntries reads a flat go-i18n JSON message file.
func parseEntries(data []byte) (map[string]entry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("want a JSON object of messages (err %v)", err)
	}
	out := map[string]entry{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("read message id: %w", err)
		}
		id := tok.(string) // object keys are always strings
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("read message %q: %w", id, err)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("message %q appears twice", id)
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			out[id] = entry{forms: map[string]string{"other": s}}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(raw, &forms); err != nil {
			return nil, fmt.Errorf("message %q: want a string or an object of plural forms: %w", id, err)
		}
		for form := range forms {
			if !slices.Contains([]string{"zero", "one", "two", "few", "many", "other"}, form) {
				return nil, fmt.Errorf("message %q: %q is not a CLDR plural form", id, form)
			}
		}
		out[id] = entry{plural: true, forms: forms}
	}
	return out, nil
}

// TestLocaleFiles is check (1): the English file is well formed, and every other
// file has every English message, non-empty, with the plural forms its
// language needs, and nothing English does not have.
func TestLocaleFiles(t *testing.T) {
	files := readLocales(t)
	for _, lang := range slices.Sorted(maps.Keys(files)) {
		rules, ok := pluralForms[lang]
		if !ok {
			t.Errorf("locales/%s.json: add the CLDR plural forms of %q to pluralForms in this test", lang, lang)
			continue
		}
		if problems := localeProblems(files["en"], files[lang], rules.need, rules.may); len(problems) > 0 {
			t.Errorf("locales/%s.json:\n\t%s", lang, strings.Join(problems, "\n\t"))
		}
	}
}

// localeProblems compares the messages of one locale with English; need and may
// are the plural forms of the locale's language.
func localeProblems(en, loc map[string]entry, need, may []string) []string {
	var problems []string
	for _, id := range slices.Sorted(maps.Keys(en)) {
		want := en[id]
		if !idRE.MatchString(id) {
			problems = append(problems, fmt.Sprintf("%s: IDs are lowercase [a-z0-9_.-], or the usage scan cannot see them", id))
		}
		got, ok := loc[id]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s: missing", id))
		case got.plural != want.plural:
			problems = append(problems, fmt.Sprintf("%s: plural in one file, plain in the other (English plural: %v)", id, want.plural))
		case !got.plural && strings.TrimSpace(got.forms["other"]) == "":
			problems = append(problems, fmt.Sprintf("%s: empty", id))
		case got.plural:
			problems = append(problems, checkForms(id, got, need, may)...)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(loc)) {
		if _, ok := en[id]; !ok {
			problems = append(problems, fmt.Sprintf("%s: not in en.json (misspelt, or left over)", id))
		}
		for _, form := range slices.Sorted(maps.Keys(loc[id].forms)) {
			if src := loc[id].forms[form]; htmlRE.MatchString(src) {
				problems = append(problems, fmt.Sprintf("%s (%s): no HTML in messages: %q", id, form, src))
			}
		}
	}
	return problems
}

// checkForms reports the plural forms of message id that are missing, empty, or
// not used by the language.
func checkForms(id string, e entry, need, may []string) []string {
	var problems []string
	for _, form := range need {
		if strings.TrimSpace(e.forms[form]) == "" {
			problems = append(problems, fmt.Sprintf("%s: plural form %q missing or empty", id, form))
		}
	}
	for _, form := range slices.Sorted(maps.Keys(e.forms)) {
		switch {
		case slices.Contains(need, form):
		case !slices.Contains(may, form):
			problems = append(problems, fmt.Sprintf("%s: plural form %q is never used by this language", id, form))
		case strings.TrimSpace(e.forms[form]) == "":
			problems = append(problems, fmt.Sprintf("%s: plural form %q is empty", id, form))
		}
	}
	return problems
}

// TestLocaleProblems keeps check (1) honest on made-up locales.
func TestLocaleProblems(t *testing.T) {
	const en = `{"a": "A", "n": {"one": "{{.Count}} x", "other": "{{.Count}} xs"}, "b": "B", "c": "C"}`
	tests := []struct {
		name, en, loc string
		need, may     []string
		want          []string
	}{
		{"complete", en, `{"a": "a", "n": {"one": "1", "other": "n"}, "b": "b", "c": "c"}`,
			[]string{"one", "other"}, nil, nil},
		{"only other", en, `{"a": "a", "n": {"other": "n"}, "b": "b", "c": "c"}`,
			[]string{"other"}, nil, nil},
		{"broken", en, `{"a": "", "n": {"one": "1", "few": "f", "many": " "}, "b": {"other": "b"}, "d": "<b>d</b>"}`,
			[]string{"one", "other"}, []string{"many"}, []string{
				"a: empty",
				"b: plural in one file, plain in the other (English plural: false)",
				"c: missing",
				`n: plural form "other" missing or empty`,
				`n: plural form "few" is never used by this language`,
				`n: plural form "many" is empty`,
				"d: not in en.json (misspelt, or left over)",
				`d (other): no HTML in messages: "<b>d</b>"`,
			}},
		{"unscannable English ID", `{"Page.Title": "T"}`, `{"Page.Title": "t"}`, nil, nil,
			[]string{"Page.Title: IDs are lowercase [a-z0-9_.-], or the usage scan cannot see them"}},
	}
	for _, tt := range tests {
		en, err := parseEntries([]byte(tt.en))
		if err != nil {
			t.Fatal(err)
		}
		loc, err := parseEntries([]byte(tt.loc))
		if err != nil {
			t.Fatal(err)
		}
		if got := localeProblems(en, loc, tt.need, tt.may); !slices.Equal(got, tt.want) {
			t.Errorf("%s: localeProblems =\n\t%s\nwant\n\t%s", tt.name, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
		}
	}
}

// TestMessagesRender is check (3): every form of every message parses and runs
// as a template, uses only the fields the English message uses (so a misspelt
// {{.Cuont}} is caught), and renders through go-i18n with {Count: 2}.
func TestMessagesRender(t *testing.T) {
	files := readLocales(t)
	b := newBundle(t)
	en := files["en"]
	for _, lang := range slices.Sorted(maps.Keys(files)) {
		loc := b.For(language.Make(lang))
		if loc.Tag().String() != lang {
			t.Errorf("locales/%s.json: the bundle gives %v, not %s", lang, loc.Tag(), lang)
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(files[lang])) {
			msg := files[lang][id]
			known := en[id].fields()
			known["Count"] = true
			sample := map[string]any{}
			for f := range known {
				sample[f] = "x"
			}
			sample["Count"] = 2
			for form, src := range msg.forms {
				for f := range msg.fields() {
					if !known[f] {
						t.Errorf("locales/%s.json: %s (%s): field .%s is not in the English message", lang, id, form, f)
					}
				}
				tmpl, err := texttemplate.New(id).Parse(src)
				if err != nil {
					t.Errorf("locales/%s.json: %s (%s): %v", lang, id, form, err)
					continue
				}
				var out strings.Builder
				if err := tmpl.Execute(&out, sample); err != nil {
					t.Errorf("locales/%s.json: %s (%s): %v", lang, id, form, err)
				}
			}
			lc := &i18n.LocalizeConfig{MessageID: id, TemplateData: map[string]any{"Count": 2}}
			if msg.plural {
				lc.PluralCount = 2
			}
			if s, err := loc.loc.Localize(lc); err != nil || s == "" {
				t.Errorf("locales/%s.json: %s does not render with {Count: 2}: %q, %v", lang, id, s, err)
			}
		}
	}
}

func TestParseEntries(t *testing.T) {
	tests := []struct {
		name, data, err string
	}{
		{"ok", `{"a": "A", "b.c": {"one": "1", "other": "n"}}`, ""},
		{"duplicate", `{"a": "A", "a": "B"}`, `"a" appears twice`},
		{"not a form", `{"a": {"one": "1", "lots": "n"}}`, `"lots" is not a CLDR plural form`},
		{"nested", `{"a": {"b": {"one": "1"}}}`, `message "a"`},
		{"number", `{"a": 1}`, `message "a"`},
		{"array", `["a"]`, "JSON object"},
	}
	for _, tt := range tests {
		_, err := parseEntries([]byte(tt.data))
		if (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: parseEntries error = %v, want %q", tt.name, err, tt.err)
		}
	}
}
