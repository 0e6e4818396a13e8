package hunspell

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"copydesk/internal/qa"
)

// dictPackages names the Debian package of each dictionary the tests use.
var dictPackages = map[string]string{
	"en": "hunspell-en-us", "en-GB": "hunspell-en-gb", "fr": "hunspell-fr", "fr-CA": "hunspell-fr",
	"de": "hunspell-de-de", "de-CH": "hunspell-de-ch", "es": "hunspell-es", "it": "hunspell-it",
	"pt": "hunspell-pt-pt", "pt-BR": "hunspell-pt-br", "nl": "hunspell-nl",
}

// newTestPool fails, never skips, when hunspell or a dictionary is missing:
// CI installs them.
func newTestPool(t testing.TB, opts Options) *Pool {
	t.Helper()
	if _, err := exec.LookPath("hunspell"); err != nil {
		t.Fatal("hunspell is not installed: install the Debian package hunspell")
	}
	if _, err := exec.LookPath("stdbuf"); err != nil {
		t.Fatal("stdbuf is not installed: install the Debian package coreutils")
	}
	p := NewPool(opts)
	t.Cleanup(func() { p.Close() })
	return p
}

func mustFor(t testing.TB, p *Pool, lang string) *speller {
	t.Helper()
	sp, ok := p.For(lang)
	if !ok {
		t.Fatalf("no hunspell dictionary for %s: install the Debian package %s", lang, dictPackages[lang])
	}
	return sp.(*speller)
}

func words(ws []qa.Word) []string {
	out := []string{}
	for _, w := range ws {
		out = append(out, w.Text)
	}
	return out
}

func TestCleanTextHasNoUnknownWord(t *testing.T) {
	p := newTestPool(t, Options{})
	tests := []struct{ lang, text string }{
		{"en", "I don’t think it’s the government’s fault, she said on Tuesday in New York."},
		{"en", "The state-of-the-art e-mail system didn't fail; NATO’s chief and the CEOs of 3M met at 5 p.m."},
		{"en", "Prices rose 3.5% in 2024, according to https://www.example.com/report?id=42 and press@example.org."},
		{"en", "President Biden visited Paris, London and Berlin, the White House said."},
		{"en-GB", "The organisation’s colour and behaviour in the centre were praised, whilst travelling."},
		{"fr", "L’année dernière, l’économie a progressé de 3,5 % selon l’Insee, c’est-à-dire plus qu’en 2022."},
		{"fr", "« Nous allons agir », a-t-il déclaré aujourd’hui à Paris, jusqu’à l’OTAN et l’ONU."},
		{"fr", "Le président de la République a reçu sa grand-mère ; peut-être viendra-t-elle à l’Élysée."},
		{"fr-CA", "Quelqu’un a dit : « Les États-Unis et le Canada s’entendent. » Voir www.exemple.ca."},
		{"de", "Die Bundesregierung sagte am Dienstag, die Inflationsrate sei im März um 2,4 % gestiegen."},
		{"de", "Der NATO-Gipfel in Baden-Württemberg: Ärzte, Fußball, E-Mail und U-Bahn, z. B. gestern."},
		{"de-CH", "Die Strasse in Zürich ist gesperrt, sagte der Bundesrat."},
		{"es", "¿Qué pasó ayer? ¡Increíble! El presidente del Gobierno dijo que la economía creció un 2,5 %."},
		{"es", "Según él, la ONU y los Estados Unidos firmaron el acuerdo en Madrid."},
		{"it", "L’anno scorso, all’inizio dell’estate, il governo italiano ha detto che c’è un’altra crisi."},
		{"it", "Quest’anno la città è più grande, nell’ambito dell’Unione europea, secondo l’ISTAT."},
		{"pt", "O Governo português disse-lhe ontem que a eleição será em março, segundo a ONU."},
		{"pt-BR", "O governo brasileiro disse que a eleição em São Paulo foi um fato histórico."},
		{"nl", "Zo’n idee kwam ’s avonds, zei de regering dinsdag in Den Haag; auto’s en foto’s."},
		{"fr", "Moscou a répondu (Москва) et Pékin aussi (北京)."},
		{"fr", "L\u2019e\u0301le\u0300ve a e\u0301te\u0301 la\u0300 (NFD)."},
		{"en", ""},
		{"en", "12 345 — 3,5 % … 2024-05-01"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := mustFor(t, p, tt.lang).Unknown(tt.text); len(got) != 0 {
				t.Errorf("Unknown(%q) = %v, want none", tt.text, got)
			}
		})
	}
}

func TestMisspelledWordsHaveByteOffsets(t *testing.T) {
	p := newTestPool(t, Options{})
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "Ths is a smple test.", []string{"Ths", "smple"}},
		{"en", "The man’s “cafe” was closd.", []string{"closd"}},
		{"fr", "Un éléphantt à Pariss.", []string{"éléphantt", "Pariss"}},
		{"fr", "« Ça » — l’énergie nucléair ; c’est dûe", []string{"nucléair", "dûe"}},
		{"de", "Über die Straße gehn wir mit Müllerr.", []string{"gehn", "Müllerr"}},
		{"es", "El niño dijo que la ecomonía crecío.", []string{"ecomonía", "crecío"}},
		{"it", "Nell’anno passatto, la città è cresciutta.", []string{"passatto", "cresciutta"}},
		{"pt-BR", "O govreno disse que não.", []string{"govreno"}},
		{"nl", "De regerring zei dinsdag dat één foutt.", []string{"regerring", "foutt"}},
		{"en", "First line is fine.\nSecond linne\r\nthird lnie", []string{"linne", "lnie"}},
		{"en", "tst tst tst", []string{"tst", "tst", "tst"}},
		{"fr", "L\u2019e\u0301le\u0300ve\u00a0: une fautte", []string{"fautte"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got := mustFor(t, p, tt.lang).Unknown(tt.text)
			if !slices.Equal(words(got), tt.want) {
				t.Fatalf("Unknown(%q) = %v, want %v", tt.text, words(got), tt.want)
			}
			from := 0
			for _, w := range got {
				at := from + strings.Index(tt.text[from:], w.Text)
				if w.Start != at || w.End != at+len(w.Text) || tt.text[w.Start:w.End] != w.Text {
					t.Errorf("%q at [%d:%d], want [%d:%d]", w.Text, w.Start, w.End, at, at+len(w.Text))
				}
				from = w.End
			}
		})
	}
}

func TestIgnoredWords(t *testing.T) {
	p := newTestPool(t, Options{})
	sp := mustFor(t, p, "en")
	for _, text := range []string{
		"Contact xqzwv@exampel.com now",
		"See https://exampel.com/xqzwv and www.xqzwv.org and xqzwv.net",
		"Follow @xqzwv and #xqzwv",
		"The XQZWV and XQZWVs and l’XQZWV and XQZWV’s staff",
		"Model XQ5000 and Covid19 and 4x4 and 2nd",
		"The file is /usr/xqzwv/bin",
		"Soft hy\u00adphen\u00adated and zero\u200bwidth",
	} {
		if got := sp.Unknown(text); len(got) != 0 {
			t.Errorf("Unknown(%q) = %v, want none", text, got)
		}
	}
}

func TestProjectWords(t *testing.T) {
	p := newTestPool(t, Options{Words: []string{"copydesk", "Zelenskyy"}})
	en := mustFor(t, p, "en")
	fr := mustFor(t, p, "fr")
	for _, tt := range []struct {
		sp   *speller
		text string
		want []string
	}{
		{en, "Copydesk, copydesk and COPYDESK said Zelenskyy and ZELENSKYY", nil},
		{en, "zelenskyy and Zelenskyyy", []string{"zelenskyy", "Zelenskyyy"}},
		{fr, "Selon Zelenskyy, l’équipe de Copydesk a dit non.", nil},
	} {
		if got := words(tt.sp.Unknown(tt.text)); !slices.Equal(got, append([]string{}, tt.want...)) {
			t.Errorf("Unknown(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if got := en.Suggest("Zelenskyyy"); !slices.Contains(got, "Zelenskyy") {
		t.Errorf("Suggest(Zelenskyyy) = %v, want the project word among them", got)
	}
}

func TestSuggest(t *testing.T) {
	p := newTestPool(t, Options{})
	for _, tt := range []struct{ lang, word, want string }{
		{"en", "smple", "simple"},
		{"fr", "éléphantt", "éléphant"},
		{"de", "Strase", "Straße"},
	} {
		if got := mustFor(t, p, tt.lang).Suggest(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("Suggest(%s, %q) = %v, want %q among them", tt.lang, tt.word, got, tt.want)
		}
	}
	en := mustFor(t, p, "en")
	for _, w := range []string{"simple", "", "two\nlines"} {
		if got := en.Suggest(w); got != nil {
			t.Errorf("Suggest(%q) = %v, want nil", w, got)
		}
	}
}

func TestForMapsLanguagesToDictionaries(t *testing.T) {
	p := newTestPool(t, Options{})
	for _, tt := range []struct{ lang, dict string }{
		{"en", "en_US"}, {"en-US", "en_US"}, {"en-GB", "en_GB"}, {"en-AU", "en_GB"},
		{"fr", "fr_FR"}, {"fr-CA", "fr_CA"}, {"de", "de_DE"}, {"de-CH", "de_CH"}, {"de_AT", "de_AT"},
		{"es", "es_ES"}, {"es-MX", "es_MX"}, {"it", "it_IT"}, {"pt", "pt_PT"}, {"pt-BR", "pt_BR"},
		{"pt-AO", "pt_PT"}, {"nl", "nl_NL"}, {"nl-BE", "nl_BE"},
	} {
		sp := mustFor(t, p, tt.lang)
		if got := filepath.Base(sp.dict); got != tt.dict {
			t.Errorf("For(%q) uses %s, want %s", tt.lang, got, tt.dict)
		}
	}
	for _, lang := range []string{"", "zh-Hant", "ja", "ko", "xx"} {
		if _, ok := p.For(lang); ok {
			t.Errorf("For(%q) found a dictionary, want none", lang)
		}
	}
	a, _ := p.For("fr")
	b, _ := p.For("fr-FR")
	if a != b {
		t.Error("fr and fr-FR should share one speller")
	}
}

func TestConcurrentRequests(t *testing.T) {
	p := newTestPool(t, Options{})
	cases := []struct{ lang, text, want string }{
		{"en", "A smple sentence that is long enough to matter.", "smple"},
		{"fr", "Une phrase avec une fautte d’orthographe.", "fautte"},
		{"de", "Ein Satz mit einem Fehlerr darin.", "Fehlerr"},
	}
	var wg sync.WaitGroup
	for g := range 12 {
		wg.Go(func() {
			for i := range 40 {
				c := cases[(g+i)%len(cases)]
				sp, _ := p.For(c.lang)
				got := sp.Unknown(c.text)
				if len(got) != 1 || got[0].Text != c.want {
					t.Errorf("%s: Unknown = %v, want [%s]", c.lang, got, c.want)
					return
				}
				if i%20 == 0 && len(sp.(Suggester).Suggest(c.want)) == 0 {
					t.Errorf("%s: no suggestion for %s", c.lang, c.want)
				}
			}
		})
	}
	wg.Wait()
	if n := len(p.spellers); n != 3 {
		t.Errorf("%d spellers, want one per dictionary: 3", n)
	}
}

func TestKilledProcessIsRestarted(t *testing.T) {
	p := newTestPool(t, Options{})
	sp := mustFor(t, p, "en")
	for round := range 3 {
		if got := words(sp.Unknown("one mistke")); !slices.Equal(got, []string{"mistke"}) {
			t.Fatalf("round %d: Unknown = %v", round, got)
		}
		if len(sp.Suggest("mistke")) == 0 {
			t.Fatalf("round %d: no suggestion", round)
		}
		pid, spid := sp.check.pid(), sp.sugg.pid()
		if pid == 0 || spid == 0 {
			t.Fatal("no process running")
		}
		_ = syscall.Kill(pid, syscall.SIGKILL)
		_ = syscall.Kill(spid, syscall.SIGKILL)
		if round == 1 {
			time.Sleep(50 * time.Millisecond) // let the death be seen before the next request
		}
	}
}

func TestTimeoutKillsAMuteProcess(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"xx_XX.aff", "xx_XX.dic"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mute := filepath.Join(dir, "mute")
	if err := os.WriteFile(mute, []byte("#!/bin/sh\nexec sleep 60\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { startTimeout = d }(startTimeout)
	startTimeout = 300 * time.Millisecond
	p := NewPool(Options{Command: mute, DictDir: dir, Timeout: 200 * time.Millisecond})
	defer p.Close()
	sp, ok := p.For("xx")
	if !ok {
		t.Fatal("For(xx) found no dictionary in DictDir")
	}
	start := time.Now()
	if got := sp.Unknown("some text"); got != nil {
		t.Errorf("Unknown = %v, want nil", got)
	}
	if _, err := sp.(*speller).unknown("some text"); err == nil {
		t.Error("unknown: no error from a mute process")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestClosedPool(t *testing.T) {
	p := newTestPool(t, Options{})
	sp := mustFor(t, p, "en")
	_ = sp.Unknown("a tst")
	p.Close()
	if got := sp.Unknown("a tst"); got != nil {
		t.Errorf("Unknown after Close = %v", got)
	}
	if _, ok := p.For("en"); ok {
		t.Error("For after Close found a speller")
	}
}

func TestLongAndOddText(t *testing.T) {
	p := newTestPool(t, Options{})
	sp := mustFor(t, p, "fr")
	long := strings.Repeat("Le chat dort sur le canapé. ", 2000) + "Une fautte."
	got := sp.Unknown(long)
	if !slices.Equal(words(got), []string{"fautte"}) || long[got[0].Start:got[0].End] != "fautte" {
		t.Errorf("long text: %v", got)
	}
	odd := "é\x00t\xffé fautte " + sp.sentinel + " \t\r\v" + strings.Repeat("é", 5000)
	for _, w := range sp.Unknown(odd) {
		if w.Start < 0 || w.End > len(odd) || w.Start >= w.End || odd[w.Start:w.End] != w.Text ||
			!utf8.ValidString(w.Text) {
			t.Errorf("bad span %v", w)
		}
	}
	if got := words(sp.Unknown("encore une fautte")); !slices.Equal(got, []string{"fautte"}) {
		t.Errorf("after odd text: %v", got)
	}
}

func BenchmarkUnknown(b *testing.B) {
	p := newTestPool(b, Options{})
	for _, tt := range []struct{ lang, text string }{
		{"en", "The government said on Tuesday that it would raise taxes on the largest companies next year, after a long debate in parliament."},
		{"fr", "Le gouvernement a annoncé mardi qu’il augmenterait l’an prochain les impôts des plus grandes entreprises, après un long débat."},
		{"de", "Die Bundesregierung kündigte am Dienstag an, im nächsten Jahr die Steuern für die größten Unternehmen zu erhöhen."},
	} {
		b.Run(tt.lang, func(b *testing.B) {
			sp := mustFor(b, p, tt.lang)
			sp.Unknown(tt.text) // start the process
			n := len(strings.Fields(tt.text))
			for b.Loop() {
				sp.Unknown(tt.text)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// FuzzUnknown checks arbitrary text with the real French dictionary: every
// word lies in the text on rune boundaries and is what it says.
func FuzzUnknown(f *testing.F) {
	p := newTestPool(f, Options{Words: []string{"copydesk"}})
	sp := mustFor(f, p, "fr")
	for _, seed := range []string{"Un éléphantt à Pariss.", "l’OTAN’s dell’ fautte\u0301 x", "a\x00b\xffc\r\nd\te", "https://x.y/é fautte@x.fr"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ws, err := sp.unknown(text)
		if err != nil {
			t.Fatalf("%v on %q", err, text)
		}
		for _, w := range ws {
			if w.Start < 0 || w.Start >= w.End || w.End > len(text) || text[w.Start:w.End] != w.Text ||
				!utf8.ValidString(w.Text) {
				t.Fatalf("bad word %+v in %q", w, text)
			}
		}
	})
}
