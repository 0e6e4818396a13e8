package qa

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// typoIDs are the checks of quotes.go and spacing.go.
var typoIDs = []string{"quote-style", "quote-unbalanced", "bracket-unbalanced", "punct-spacing", "double-space", "edge-whitespace"}

// typoCase is one segment for one check. langs is "source>target"; an empty
// source language with an empty source means a text checked without one.
type typoCase struct {
	langs          string
	source, target string
	want           int    // issues of the check
	fixed          string // the target with every fix applied, when want > 0
}

// typoCheck runs the checks named on in, as Check does.
func typoCheck(in Input, ids ...string) []Issue {
	s := &Segment{Input: in, Src: ProfileFor(in.SourceLang), Tgt: ProfileFor(in.TargetLang),
		HasSource: in.Source != "" || in.SourceLang != ""}
	var out []Issue
	for _, r := range registry {
		for _, id := range ids {
			if r.id == id {
				out = append(out, r.fn(s)...)
			}
		}
	}
	return out
}

func typoInput(c typoCase) Input {
	src, tgt, _ := strings.Cut(c.langs, ">")
	return Input{SourceLang: src, TargetLang: tgt, Source: c.source, Target: c.target}
}

// typoValid reports what is wrong with the span or fix of is, or "".
func typoValid(target string, is Issue) string {
	switch {
	case is.Start < 0 || is.Start > is.End || is.End > len(target):
		return "span out of the target"
	case is.Start < len(target) && !utf8.RuneStart(target[is.Start]) || is.End < len(target) && !utf8.RuneStart(target[is.End]):
		return "span not on rune boundaries"
	case is.Message != "qa."+is.Check:
		return "message is not qa.<check>"
	}
	if fixed, ok := Apply(target, is); ok && !utf8.ValidString(fixed) {
		return "fix makes invalid UTF-8"
	}
	return ""
}

// typoTable runs the cases of one check: the number of issues, their spans,
// the text with the fixes applied, and that the fixed text is clean.
func typoTable(t *testing.T, id string, cases []typoCase) {
	t.Helper()
	for _, c := range cases {
		in := typoInput(c)
		got := typoCheck(in, id)
		if len(got) != c.want {
			t.Errorf("%s %s %q: %d issues, want %d: %+v", id, c.langs, c.target, len(got), c.want, got)
			continue
		}
		for _, is := range got {
			if msg := typoValid(c.target, is); msg != "" {
				t.Errorf("%s %s %q: %s: %+v", id, c.langs, c.target, msg, is)
			}
		}
		if c.want == 0 || c.fixed == "" {
			continue
		}
		fixed, _ := ApplyAll(c.target, got)
		if fixed != c.fixed {
			t.Errorf("%s %s %q: fixed to %q, want %q", id, c.langs, c.target, fixed, c.fixed)
			continue
		}
		in.Target = fixed
		if again := typoCheck(in, id); len(again) != 0 {
			t.Errorf("%s %s %q: the fixed text %q still has %+v", id, c.langs, c.target, fixed, again)
		}
	}
}

const (
	typoNB  = "\u00a0"
	typoNNB = "\u202f"
)

func TestQuoteStyle(t *testing.T) {
	typoTable(t, "quote-style", []typoCase{
		// English: straight, French, German marks are another language's.
		{"fr>en", "", `He said "hello" today.`, 1, "He said “hello” today."},
		{"fr>en", "", "He said «hello» today.", 1, "He said “hello” today."},
		{"fr>en", "", "He said « hello » today.", 1, "He said “hello” today."},
		{"de>en", "", "He said „hello“ today.", 1, "He said “hello” today."},
		{"de>en", "", "He said ”hello“ today.", 1, "He said “hello” today."},
		{"fr>en", "", "He said 'no'.", 1, "He said ‘no’."},
		{"fr>en", "", `“He said "no" today.”`, 1, "“He said ‘no’ today.”"},
		{"fr>en", "", "He said «no", 1, "He said “no"},
		{"fr>en", "", "«He said „no“ today»", 2, "“He said ‘no’ today”"},
		{"en>en-GB", "", `He said "hello".`, 1, "He said “hello”."},
		{"en>en-GB", "", "He said 'hello'.", 1, "He said ‘hello’."},
		// French: guillemets with a no-break space inside.
		{"en>fr", "", `Il a dit "bonjour".`, 1, "Il a dit «" + typoNB + "bonjour" + typoNB + "»."},
		{"en>fr", "", "Il a dit “bonjour”.", 1, "Il a dit «" + typoNB + "bonjour" + typoNB + "»."},
		{"en>fr", "", "Il a dit „ bonjour “.", 1, "Il a dit «" + typoNB + "bonjour" + typoNB + "»."},
		{"en>fr", "", "« Il a dit \"non\" »", 1, "« Il a dit “non” »"},
		{"en>fr-CA", "", "Il a dit “bonjour”.", 1, "Il a dit «" + typoNB + "bonjour" + typoNB + "»."},
		{"en>fr-CH", "", "Il a dit “bonjour”.", 1, "Il a dit «" + typoNNB + "bonjour" + typoNNB + "»."},
		// German, Swiss German.
		{"en>de", "", "Er sagte “Hallo”.", 1, "Er sagte „Hallo“."},
		{"en>de", "", "Er sagte „Hallo”.", 1, "Er sagte „Hallo“."},
		{"en>de", "", "Er sagte «Hallo».", 1, "Er sagte „Hallo“."},
		{"en>de", "", `Er sagte "Hallo".`, 1, "Er sagte „Hallo“."},
		{"en>de", "", "Er sagte 'ja'.", 1, "Er sagte ‚ja‘."},
		{"en>de-CH", "", "Er sagte „Hallo“.", 1, "Er sagte «Hallo»."},
		// Spanish, Italian, Portuguese, Dutch.
		{"en>es", "", `Dijo "hola".`, 1, "Dijo «hola»."},
		{"en>es", "", "Dijo „hola“.", 1, "Dijo «hola»."},
		{"en>es-MX", "", `Dijo "hola".`, 1, "Dijo “hola”."},
		{"en>it", "", `Disse "ciao".`, 1, "Disse «ciao»."},
		{"en>pt", "", `Disse "olá".`, 1, "Disse «olá»."},
		{"en>pt-BR", "", "Disse «olá».", 1, "Disse “olá”."},
		{"en>nl", "", `Hij zei "hallo".`, 1, "Hij zei “hallo”."},
		// Korean, Japanese, Chinese.
		{"en>ko", "", `그는 "안녕"이라고 말했다.`, 1, "그는 “안녕”이라고 말했다."},
		{"en>ko", "", "그는 «안녕»이라고 말했다.", 1, "그는 “안녕”이라고 말했다."},
		{"en>ja", "", "彼は“こんにちは”と言った。", 1, "彼は「こんにちは」と言った。"},
		{"en>ja", "", `彼は"こんにちは"と言った。`, 1, "彼は「こんにちは」と言った。"},
		{"en>ja", "", "「彼は“はい”と言った」", 1, "「彼は『はい』と言った」"},
		{"en>zh", "", `他说"你好"。`, 1, "他说“你好”。"},
		{"en>zh", "", "他说«你好»。", 1, "他说“你好”。"},
		{"en>zh-Hant", "", "他說«你好»。", 1, "他說「你好」。"},

		// Clean: the language's own marks, nesting, apostrophes, primes, markup.
		{"fr>en", "", "“He said ‘no’ to me,” she said.", 0, ""},
		{"fr>en", "", "Don’t say it’s the students’ fault or James’ in the ’90s, rock ’n’ roll.", 0, ""},
		{"fr>en", "", "Don't say it's James' fault in the '90s, rock 'n' roll; 'tis O'Brien's.", 0, ""},
		{"fr>en", "", `He is 5'10" tall and ate a 12" pizza at 45° 30' N.`, 0, ""},
		{"fr>en", "", "Her ‘scare quotes’ and ‘James’ book’ stay.", 0, ""},
		{"fr>en", "", `See <a href="/x" title='y'>the page</a> and ` + "`s := \"x\"`.", 0, ""},
		{"fr>en", "", "‘I don’t know,’ she said.", 0, ""},
		{"fr>en-GB", "", "‘He said “no”,’ she said; “fine”.", 0, ""},
		{"en>fr", "", "Il a dit «" + typoNB + "bonjour" + typoNB + "» et « au revoir ».", 0, ""},
		{"en>fr", "", "«" + typoNNB + "Il a dit “non”" + typoNNB + "», l’année, aujourd'hui, qu’« il »", 0, ""},
		{"en>fr", "He said “no” and left.”", "Il a dit “non” et est parti. »", 0, ""},
		{"en>fr-CH", "", "«" + typoNNB + "Il a dit ‹" + typoNNB + "non" + typoNNB + "›" + typoNNB + "»", 0, ""},
		{"en>de", "", "Er sagte „Hallo“, »Servus« und ‚ja‘; „Er sagte ‚nein‘“. Geht’s? Hans’ Auto.", 0, ""},
		{"en>de-CH", "", "Er sagte «Hallo» und «Er sagte ‹nein›». Strasse, 1’000.", 0, ""},
		{"en>es", "", "Dijo «hola», “adiós” y «él dijo “no”».", 0, ""},
		{"en>es-MX", "", "Dijo “hola” y «adiós».", 0, ""},
		{"en>it", "", "Disse «ciao» e “arrivederci”, dell’Italia, un po’.", 0, ""},
		{"en>pt", "", "Disse «olá» e “adeus”.", 0, ""},
		{"en>pt-BR", "", "Disse “olá” e ‘adeus’.", 0, ""},
		{"en>nl", "", "Hij zei “hallo” en „dag”, ’s avonds, zo’n auto’s.", 0, ""},
		{"en>ko", "", "그는 “안녕”이라고 말했고 ‘좋아’라고 했다. 「책」", 0, ""},
		{"en>ja", "", "彼は「こんにちは」と言い、『本』を読んだ。「彼は『はい』と言った」", 0, ""},
		{"en>zh", "", "他说：“你好。”「书」‘好’", 0, ""},
		{"en>zh-Hant", "", "他說「你好」，“好”。", 0, ""},
		{"en>xx", "", `Unknown "language" 'marks' «ok».`, 0, ""},
	})
}

func TestQuoteUnbalanced(t *testing.T) {
	typoTable(t, "quote-unbalanced", []typoCase{
		{"en>en", "He said “yes”.", "He said “yes.", 1, ""},
		{"en>en", "He said yes.", "He said yes.”", 1, ""},
		{"en>en", "“He said yes.", "“He said “yes.", 1, ""},
		{"en>fr", "He said yes.", "Il a dit oui. »", 1, ""},
		{"en>de", "He said “yes”.", "Er sagte „ja.", 1, ""},
		{"", "", "He said “yes.", 1, ""}, // no source: a warning
		// Guillemets facing the wrong way.
		{"en>fr", "He said “hello” today.", "Il a dit »bonjour« hier.", 1, "Il a dit «" + typoNB + "bonjour" + typoNB + "» hier."},
		{"en>fr", "“He said", "»Il a dit", 1, "«" + typoNB + "Il a dit"},
		{"en>es", "He said “hello”.", "Dijo »hola«.", 1, "Dijo «hola»."},
		{"en>de", "He said yes.”", "Er sagte ja.»", 1, "Er sagte ja.«"},

		// Clean: pairs, nesting, apostrophes, a quotation that spans segments.
		{"en>en", "He said “yes”.", "He said “yes” and ‘no’, “He said ‘no’”.", 0, ""},
		{"en>en", "x", "James’ book, the ’90s, rock 'n' roll, 5'10\", don’t.", 0, ""},
		{"en>en", "“He said yes.", "“He said yes.", 0, ""},
		{"fr>en", "« Il a dit oui.", "“He said yes.", 0, ""},
		{"fr>en", "Il a dit oui. »", "He said yes.”", 0, ""},
		{"en>fr", "“He said yes.", "«" + typoNB + "Il a dit oui.", 0, ""},
		{"en>fr", "He said yes.”", "Il a dit oui." + typoNB + "»", 0, ""},
		{"en>de", "“Yes,", "„Ja,", 0, ""},
		{"en>de", "x", "Er sagte „Hallo“ und ‚ja‘; »Servus«.", 0, ""},
		{"ko>ja", "그는 “안녕", "彼は「こんにちは", 0, ""},
		{"en>ko", "x", "그는 ‘안녕’이라고 말했다.", 0, ""},
		{"en>ja", "x", "「彼は『はい』と言った」", 0, ""},
		{"ja>en", "「彼は", "“He", 0, ""},
		{"", "", "No quotes at all, 'tis true.", 0, ""},
	})
}

func TestBracketUnbalanced(t *testing.T) {
	typoTable(t, "bracket-unbalanced", []typoCase{
		{"en>en", "See (page 5).", "See (page 5.", 1, ""},
		{"en>en", "See page 5.", "See page 5).", 1, ""},
		{"en>en", "See (page 5).", "See (page 5].", 2, ""},
		{"en>en", "First item", "1) First item", 1, ""},
		{"en>zh", "See (page 5).", "见（第5页。", 1, ""},
		{"", "", "See (page 5.", 1, ""},

		// Clean: pairs, smileys, list markers, the same imbalance as the source.
		{"en>en", "x", "See (page 5) and [note] and {x}.", 0, ""},
		{"en>en", "1) First item", "1) First item", 0, ""},
		{"en>fr", "a) First", "a) Premier", 0, ""},
		{"", "", "iv) Fourth item", 0, ""},
		{"en>en", "x", "Nice :) and ;-) and =) and :(", 0, ""},
		{"en>en", "The range [0, 1) is open.", "The range [0, 1) is open.", 0, ""},
		{"en>en", "(This goes on.", "(Ceci continue.", 0, ""},
		{"en>en", "It ends here.)", "Ça finit ici.)", 0, ""},
		{"en>zh", "(Note)", "（注）", 0, ""},
		{"en>ja", "[Breaking] News", "【速報】ニュース", 0, ""},
		{"en>en", "x", "See [the page](https://en.wikipedia.org/wiki/Foo_(bar)).", 0, ""},
		{"en>en", "x", `<a title=":)">x</a> and ` + "`f(`", 0, ""},
	})
}

func TestTypoApostrophesAreNotQuotes(t *testing.T) {
	for _, tgt := range []string{"en", "en-GB", "fr", "de", "it", "nl", "xx"} {
		in := Input{SourceLang: "en", TargetLang: tgt, Source: "x",
			Target: "don’t l’année rock ’n’ roll ’90s James’ O'Brien it's the '80s 'til dawn, ’s avonds"}
		if got := typoCheck(in, "quote-style", "quote-unbalanced"); len(got) != 0 {
			t.Errorf("%s: apostrophes taken for quotation marks: %+v", tgt, got)
		}
	}
}
