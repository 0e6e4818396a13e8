package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"copydesk/internal/i18n"
	"copydesk/internal/qa"
)

// checkOut is one line that check writes, in either mode.
type checkOut struct {
	ID        json.RawMessage `json:"id"`
	Paragraph int             `json:"paragraph"`
	Index     int             `json:"index"`
	Text      string          `json:"text"`
	Issues    []struct {
		Check, Severity, Message string
		Start, End               int
		Fix                      *string
	} `json:"issues"`
}

// decodeCheck parses check's stdout: one JSON object per line, nothing else.
func decodeCheck(t *testing.T, stdout string) []checkOut {
	t.Helper()
	if stdout == "" {
		return nil
	}
	if !strings.HasSuffix(stdout, "\n") {
		t.Fatalf("stdout %q does not end with a line feed", stdout)
	}
	var outs []checkOut
	for line := range strings.SplitSeq(strings.TrimSuffix(stdout, "\n"), "\n") {
		var o checkOut
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("stdout line %q is not JSON: %v", line, err)
		}
		if o.Issues == nil {
			t.Fatalf("stdout line %q has no issues array", line)
		}
		outs = append(outs, o)
	}
	return outs
}

func hasCheck(o checkOut, id string) bool {
	for _, is := range o.Issues {
		if is.Check == id {
			return true
		}
	}
	return false
}

func TestCheckIDsEchoed(t *testing.T) {
	in := "\uFEFF" + `{"id": 1, "source_lang": "en", "target_lang": "fr", "source": "The minister resigned.", "target": "La ministre a démissionné."}` + "\r\n" +
		"\n" +
		`{"id": "a-2", "source_lang": "DE", "target_lang": "en-gb", "source": "Der Zug ist pünktlich.", "target": "The train is on time.", "note": "ignored"}` + "\n" +
		`{"id": 1.50, "target_lang": "ko", "target": "기차가 제시간에 도착했다."}` + "\n" +
		`{"target_lang": "ja", "target": "電車は時間通りに着いた。"}`
	file := writeFile(t, "in.jsonl", in)
	for _, args := range [][]string{{"check"}, {"check", "-"}, {"check", file}} {
		stdin := in
		if len(args) == 2 && args[1] == file {
			stdin = ""
		}
		r := runCLI(t, stdin, args...)
		if r.code != 0 && r.code != 1 {
			t.Fatalf("%v: %+v", args, r)
		}
		var ids []string
		for _, o := range decodeCheck(t, r.stdout) {
			ids = append(ids, string(o.ID))
		}
		if want := []string{`1`, `"a-2"`, `1.50`, `null`}; !slices.Equal(ids, want) {
			t.Errorf("%v: ids = %q, want %q", args, ids, want)
		}
	}
}

func TestCheckExitStatus(t *testing.T) {
	// Empty input: nothing to check.
	if r := runCLI(t, "\n\n", "check"); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Errorf("empty input: %+v", r)
	}
	// Clean pairs: no issue.
	clean := `{"id": 1, "source_lang": "en", "target_lang": "de", "source": "The train is on time.", "target": "Der Zug ist pünktlich."}` + "\n"
	if r := runCLI(t, clean, "check"); r.code != 0 || r.stdout != `{"id":1,"issues":[]}`+"\n" || r.stderr != "" {
		t.Errorf("clean pair: %+v", r)
	}
	// A slip: exit status 1, a summary on stderr. The checks belong to qa; a
	// case runs once its check is registered.
	slips := []struct{ check, target string }{
		{"empty-target", ""},
		{"repeated-word", "Der Zug ist ist spät."},
	}
	for _, sl := range slips {
		t.Run(sl.check, func(t *testing.T) {
			if !slices.Contains(qa.Checks(), sl.check) {
				t.Skipf("qa has no %s check yet", sl.check)
			}
			line, _ := json.Marshal(map[string]any{"id": 2, "source_lang": "en", "target_lang": "de",
				"source": "The train is late.", "target": sl.target})
			r := runCLI(t, clean+string(line)+"\n", "check")
			outs := decodeCheck(t, r.stdout)
			if r.code != 1 || len(outs) != 2 || len(outs[0].Issues) != 0 || !hasCheck(outs[1], sl.check) {
				t.Errorf("%s: %+v", sl.check, r)
			}
			if !strings.HasPrefix(r.stderr, "copydesk: found ") || !strings.HasSuffix(r.stderr, " in 1 of 2 segments\n") {
				t.Errorf("stderr = %q", r.stderr)
			}
		})
	}
}

func TestCheckRender(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	c := &checker{loc: b.For(language.English)}
	fix := "«\u00A0"
	got := c.render([]qa.Issue{
		{Check: "quote-style", Severity: qa.Error, Message: "qa.no-such-message", Args: map[string]string{"expected": "« »"}, Start: 3, End: 4, Fix: &fix},
		{Check: "length", Severity: qa.Warning, Message: "error.lang.invalid", Args: map[string]string{"Field": "x", "Tag": "y"}, Start: 0, End: 9},
	})
	data, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"check":"quote-style","severity":"error","message":"qa.no-such-message","start":3,"end":4,"fix":"` + fix + `"},` +
		`{"check":"length","severity":"warning","message":"x \"y\" is not a valid BCP 47 language tag","start":0,"end":9}]`
	if string(data) != want {
		t.Errorf("render = %s\nwant     %s", data, want)
	}
	if c.segments != 1 || c.flagged != 1 || c.issues != 2 {
		t.Errorf("counts = %d %d %d", c.segments, c.flagged, c.issues)
	}
}

func TestCheckGlossary(t *testing.T) {
	glossary := writeFile(t, "terms.tsv", "\uFEFFSource\ttarget\tnote\r\nminister\tministre\tpolitics\r\n\r\n")
	in := `{"id": 1, "source_lang": "en", "target_lang": "fr", "source": "The minister resigned.", "target": "La dirigeante a démissionné."}
{"id": 2, "source_lang": "en", "target_lang": "fr", "source": "The minister resigned.", "target": "La ministre a démissionné."}
`
	r := runCLI(t, in, "check", "--glossary", glossary)
	outs := decodeCheck(t, r.stdout)
	if (r.code != 0 && r.code != 1) || len(outs) != 2 {
		t.Fatalf("check --glossary: %+v", r)
	}
	var termCheck string
	for _, id := range qa.Checks() {
		if strings.Contains(id, "glossary") || strings.Contains(id, "term") {
			termCheck = id
		}
	}
	if termCheck == "" {
		t.Skip("qa has no glossary check yet")
	}
	if !hasCheck(outs[0], termCheck) || hasCheck(outs[1], termCheck) {
		t.Errorf("%s issues: %+v", termCheck, outs)
	}
}

func TestCheckText(t *testing.T) {
	article := "Skip to content\nHome | News | World\n\n" +
		"Minister resigns\n\nBy Jane Doe\n\n" +
		"The minister resigned on Tuesday. “I have no regrets,” she said.\nHer deputy takes over.\n\n" +
		"Advertisement\nThe talks resume next week.\n\n" +
		"Share\nTweet\n\n© 2024 Example News. All rights reserved.\n"
	type seg struct {
		para, index int
		text        string
		furniture   bool
	}
	want := []seg{
		{1, 1, "Skip to content", true},
		{1, 2, "Home | News | World", true},
		{2, 1, "Minister resigns", false},
		{3, 1, "By Jane Doe", false},
		{4, 1, "The minister resigned on Tuesday.", false},
		{4, 2, "“I have no regrets,” she said.", false},
		{4, 3, "Her deputy takes over.", false},
		{5, 1, "Advertisement", true},
		{5, 2, "The talks resume next week.", false},
		{6, 1, "Share", true},
		{6, 2, "Tweet", true},
		{7, 1, "© 2024 Example News. All rights reserved.", true},
	}
	r := runCLI(t, "", "check", "--target-lang", "en", "--text", writeFile(t, "a.txt", article))
	if r.code != 1 || !strings.HasPrefix(r.stderr, "copydesk: found ") {
		t.Errorf("exit status %d, stderr %q; want 1 and a summary", r.code, r.stderr)
	}
	var got []seg
	for _, o := range decodeCheck(t, r.stdout) {
		got = append(got, seg{o.Paragraph, o.Index, o.Text, hasCheck(o, "boilerplate")})
		if hasCheck(o, "boilerplate") {
			is := o.Issues[0]
			if len(o.Issues) != 1 || is.Severity != "warning" || is.Start != 0 || is.End != len(o.Text) ||
				is.Message == "" || is.Fix != nil {
				t.Errorf("boilerplate issue of %q: %+v", o.Text, o.Issues)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("segments:\n got %+v\nwant %+v", got, want)
	}

	// French, from standard input.
	r = runCLI(t, "Accueil\n\nLe ministre a démissionné mardi. Son adjoint le remplace.\n", "check", "--text", "-", "--target-lang", "fr-FR")
	outs := decodeCheck(t, r.stdout)
	if r.code != 1 || len(outs) != 3 || !hasCheck(outs[0], "boilerplate") || hasCheck(outs[1], "boilerplate") ||
		outs[2].Text != "Son adjoint le remplace." || outs[2].Paragraph != 2 || outs[2].Index != 2 {
		t.Errorf("French article: %+v", r)
	}
}

func TestCheckBadInput(t *testing.T) {
	good := `{"id": 1, "source_lang": "en", "target_lang": "fr", "source": "Yes.", "target": "Oui."}` + "\n"
	noTarget := writeFile(t, "g1.tsv", "source\tcible\nminister\tministre\n")
	ragged := writeFile(t, "g2.tsv", "source\ttarget\nminister\n")
	emptyTerm := writeFile(t, "g3.tsv", "source\ttarget\nminister\t \n")
	noTerms := writeFile(t, "g4.tsv", "source\ttarget\n")
	badUTF8 := writeFile(t, "g5.tsv", "source\ttarget\nmin\xffister\tministre\n")
	tests := []struct {
		name  string
		stdin string
		args  []string
		msg   string
	}{
		{"bad json", good + "{\"id\": 2,\n", nil, "standard input: line 2: not valid JSON"},
		{"array", `["a"]`, nil, "line 1: not a JSON object"},
		{"string", `"a"`, nil, "line 1: not a JSON object"},
		{"trailing data", good + good[:len(good)-1] + " {}\n", nil, "line 2: not valid JSON"},
		{"target not a string", `{"target_lang": "fr", "target": 5}`, nil, "line 1: target must be a string"},
		{"id an object", `{"id": {"a": 1}, "target_lang": "fr", "target": "Oui."}`, nil, "line 1: id must be a number or a string"},
		{"id a bool", `{"id": true, "target_lang": "fr", "target": "Oui."}`, nil, "id must be a number or a string"},
		{"no target_lang", good + `{"id": 2, "target": "Oui."}`, nil, "line 2: target_lang is required"},
		{"bad target_lang", `{"target_lang": "fr_FR!", "target": "Oui."}`, nil, `target_lang "fr_FR!" is not a valid BCP 47 language tag`},
		{"bad source_lang", `{"source_lang": "und", "target_lang": "fr", "target": "Oui."}`, nil, `source_lang "und" does not name a language`},
		{"invalid utf-8", good + "{\"target_lang\": \"fr\", \"target\": \"O\xffi\"}\n", nil, "line 2: invalid UTF-8"},
		{"missing file", "", []string{"no-such.jsonl"}, "read no-such.jsonl"},
		{"two files", "", []string{"a.jsonl", "b.jsonl"}, "at most one FILE"},
		{"unknown flag", "", []string{"--lang", "fr"}, "flag provided but not defined"},
		{"text without lang", "", []string{"--text", "-"}, "needs --target-lang"},
		{"lang without text", good, []string{"--target-lang", "fr"}, "--target-lang goes with --text"},
		{"text bad lang", "Oui.", []string{"--text", "-", "--target-lang", "xx-!!"}, `--target-lang "xx-!!"`},
		{"text and file", "", []string{"--text", "-", "--target-lang", "fr", "a.txt"}, "no FILE argument"},
		{"text invalid utf-8", "Oui.\nN\xffn.", []string{"--text", "-", "--target-lang", "fr"}, "standard input: line 2: invalid UTF-8"},
		{"glossary missing", good, []string{"--glossary", "no-such.tsv"}, "read glossary no-such.tsv"},
		{"glossary without target column", good, []string{"--glossary", noTarget}, `no "target" column`},
		{"glossary ragged", good, []string{"--glossary", ragged}, "line 2: the record has 1 fields"},
		{"glossary empty term", good, []string{"--glossary", emptyTerm}, "term 1 has an empty source or target"},
		{"glossary without terms", good, []string{"--glossary", noTerms}, "has no terms"},
		{"glossary invalid utf-8", good, []string{"--glossary", badUTF8}, "invalid UTF-8 on line 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFailure(t, runCLI(t, tc.stdin, append([]string{"check"}, tc.args...)...), 2, tc.msg)
		})
	}
}

func TestCheckHelp(t *testing.T) {
	r := runCLI(t, "", "check", "-h")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "-glossary") || !strings.Contains(r.stderr, "-text") {
		t.Errorf("check -h: %+v", r)
	}
	if r := runCLI(t, "", "help"); !strings.Contains(r.stdout, "  check ") {
		t.Errorf("help does not list check: %q", r.stdout)
	}
}
