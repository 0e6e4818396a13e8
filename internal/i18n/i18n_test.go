package i18n

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"
)

// newBundle returns the bundle over the real locales/ folder.
func newBundle(t *testing.T) *Bundle {
	t.Helper()
	b, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return b
}

func TestLanguages(t *testing.T) {
	b := newBundle(t)
	got := b.Languages()
	want := []language.Tag{language.English, language.German, language.Spanish, language.French, language.Korean}
	if len(got) != len(want) {
		t.Fatalf("Languages() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Languages() = %v, want %v", got, want)
		}
	}
	got[0] = language.Japanese
	if b.Languages()[0] != language.English {
		t.Error("Languages() shares its slice with the bundle")
	}
}

func TestSupported(t *testing.T) {
	b := newBundle(t)
	tests := []struct {
		in   string
		want language.Tag
		ok   bool
	}{
		{"fr", language.French, true},
		{"FR", language.French, true},
		{"en", language.English, true},
		{"ko", language.Korean, true},
		{"fr-CA", language.Und, false},
		{"pt", language.Und, false},
		{"", language.Und, false},
		{"not a tag", language.Und, false},
	}
	for _, tt := range tests {
		got, ok := b.Supported(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Supported(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNegotiate(t *testing.T) {
	b := newBundle(t)
	tests := []struct {
		name                    string
		setting, cookie, header string
		want                    language.Tag
	}{
		{"nothing", "", "", "", language.English},
		{"setting beats cookie and header", "ko", "fr", "de", language.Korean},
		{"cookie beats header", "", "es", "de", language.Spanish},
		{"header alone", "", "", "fr", language.French},
		{"unsupported setting skipped", "pt", "de", "fr", language.German},
		{"garbage setting skipped", "%%", "", "es", language.Spanish},
		{"unsupported cookie skipped", "", "it", "ko", language.Korean},
		{"region variant in header", "", "", "fr-CA", language.French},
		{"region variant with q", "", "", "de-AT;q=0.9", language.German},
		{"q-values order", "", "", "de;q=0.1, fr;q=0.5", language.French},
		{"q=0 refused", "", "", "fr;q=0, es", language.Spanish},
		{"browser header", "", "", "en-US,en;q=0.9,ko;q=0.8", language.English},
		{"first supported of several", "", "", "pt-BR,pt;q=0.9,es;q=0.8,en;q=0.7", language.Spanish},
		{"Latin American Spanish", "", "", "es-419", language.Spanish},
		{"no UI language", "", "", "pt", language.English},
		{"no UI language among several", "", "", "nl, it;q=0.5", language.English},
		{"wildcard", "", "", "*", language.English},
		{"garbage header", "", "", ";;;q=x,,", language.English},
		{"binary header", "", "", "\x00\xff", language.English},
		{"one bad entry among good ones", "", "", "xx, fr;q=0.8, de;q=0.9", language.German},
		{"bad weight skipped", "", "", "ko;q=abc, fr;q=0.5", language.French},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.Negotiate(tt.setting, tt.cookie, tt.header)
			if got != tt.want {
				t.Errorf("Negotiate(%q, %q, %q) = %v, want %v", tt.setting, tt.cookie, tt.header, got, tt.want)
			}
		})
	}
}

func TestFor(t *testing.T) {
	b := newBundle(t)
	tests := []struct {
		in, want language.Tag
	}{
		{language.French, language.French},
		{language.English, language.English},
		{language.MustParse("fr-CA"), language.French},
		{language.Portuguese, language.English},
		{language.Und, language.English},
	}
	for _, tt := range tests {
		if got := b.For(tt.in).Tag(); got != tt.want {
			t.Errorf("For(%v).Tag() = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestT(t *testing.T) {
	b := newBundle(t)
	tests := []struct {
		tag   language.Tag
		id    string
		pairs []any
		want  string
	}{
		{language.English, "nav.logout", nil, "Log out"},
		{language.French, "nav.logout", nil, "Se déconnecter"},
		{language.Korean, "state.approved", nil, "승인됨"},
		{language.German, "state.draft", []any{"Unused", 1}, "Entwurf"},
		{language.English, "no.such.id", nil, "no.such.id"},
		{language.French, "no.such.id", []any{"Name", "Ana"}, "no.such.id"},
		{language.English, "nav.logout", []any{"odd"}, "Log out"},
	}
	for _, tt := range tests {
		if got := b.For(tt.tag).T(tt.id, tt.pairs...); got != tt.want {
			t.Errorf("%v: T(%q, %v) = %q, want %q", tt.tag, tt.id, tt.pairs, got, tt.want)
		}
	}
}

// TestTPairs checks template data and the English fallback on a bundle of its own,
// since the real files may not hold a message with a named field yet.
func TestTPairs(t *testing.T) {
	fsys := fstest.MapFS{
		"en.json": {Data: []byte(`{"greet": "Hello, {{.Name}}. You have {{.N}} notes.", "only.en": "English only",
			"files": {"one": "{{.Count}} file by {{.Who}}", "other": "{{.Count}} files by {{.Who}}"}}`)},
		"fr.json": {Data: []byte(`{"greet": "Bonjour, {{.Name}}. Vous avez {{.N}} notes.",
			"files": {"other": "{{.Count}} fichiers de {{.Who}}"}}`)},
	}
	b, err := newFromFS(fsys)
	if err != nil {
		t.Fatalf("newFromFS: %v", err)
	}
	en, fr := b.For(language.English), b.For(language.French)
	tests := []struct {
		got, want string
	}{
		{en.T("greet", "Name", "Ana", "N", 3), "Hello, Ana. You have 3 notes."},
		{fr.T("greet", "Name", "Ana", "N", 3), "Bonjour, Ana. Vous avez 3 notes."},
		{fr.T("only.en"), "English only"},
		{en.N("files", 1, "Who", "Ana"), "1 file by Ana"},
		{en.N("files", 4, "Who", "Ana"), "4 files by Ana"},
		// French "one" is missing: go-i18n falls back to "other".
		{fr.N("files", 1, "Who", "Ana"), "1 fichiers de Ana"},
		{en.T("greet"), "Hello, <no value>. You have <no value> notes."},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestN(t *testing.T) {
	b := newBundle(t)
	tests := []struct {
		tag   language.Tag
		id    string
		count int
		want  string
	}{
		{language.English, "segment.count", 1, "1 segment"},
		{language.English, "segment.count", 2, "2 segments"},
		{language.English, "segment.count", 0, "0 segments"},
		{language.French, "segment.count", 0, "0 segment"},
		{language.French, "segment.count", 1, "1 segment"},
		{language.French, "segment.count", 2, "2 segments"},
		{language.French, "segment.count", 1000000, "1000000 de segments"},
		{language.German, "segment.count", 1, "1 Segment"},
		{language.German, "segment.count", 2, "2 Segmente"},
		{language.Spanish, "segment.count", 1, "1 segmento"},
		{language.Spanish, "segment.count", 2, "2 segmentos"},
		{language.Korean, "segment.count", 1, "세그먼트 1개"},
		{language.Korean, "segment.count", 2, "세그먼트 2개"},
		{language.English, "error.login.throttled", 1, "Too many failed attempts. Try again in 1 second."},
		{language.English, "error.login.throttled", 30, "Too many failed attempts. Try again in 30 seconds."},
		{language.English, "no.such.id", 2, "no.such.id"},
	}
	for _, tt := range tests {
		if got := b.For(tt.tag).N(tt.id, tt.count); got != tt.want {
			t.Errorf("%v: N(%q, %d) = %q, want %q", tt.tag, tt.id, tt.count, got, tt.want)
		}
	}
}

func TestLanguageName(t *testing.T) {
	b := newBundle(t)
	tests := []struct {
		ui        language.Tag
		tag, want string
	}{
		{language.English, "ko", "Korean"},
		{language.English, "pt-BR", "Brazilian Portuguese"},
		{language.English, "fr", "French"},
		{language.French, "ko", "coréen"},
		{language.French, "de", "allemand"},
		{language.Korean, "ko", "한국어"},
		{language.Korean, "en", "영어"},
		{language.German, "es", "Spanisch"},
		{language.English, "not a tag", "not a tag"},
		{language.English, "", ""},
		{language.English, "qaa", "qaa"},
	}
	for _, tt := range tests {
		if got := b.For(tt.ui).LanguageName(tt.tag); got != tt.want {
			t.Errorf("%v: LanguageName(%q) = %q, want %q", tt.ui, tt.tag, got, tt.want)
		}
	}
}

func TestSelfName(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		want string
	}{
		{language.English, "English"},
		{language.French, "Français"},
		{language.German, "Deutsch"},
		{language.Spanish, "Español"},
		{language.Korean, "한국어"},
		{language.Turkish, "Türkçe"},
		{language.MustParse("qaa"), "qaa"},
	}
	for _, tt := range tests {
		if got := SelfName(tt.tag); got != tt.want {
			t.Errorf("SelfName(%v) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

func TestNewFailsFast(t *testing.T) {
	en := &fstest.MapFile{Data: []byte(`{"a": "A"}`)}
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string // in the error
	}{
		{"no English", fstest.MapFS{"fr.json": {Data: []byte(`{"a": "A"}`)}}, "en.json"},
		{"no files", fstest.MapFS{}, "en.json"},
		{"bad JSON", fstest.MapFS{"en.json": en, "de.json": {Data: []byte(`{"a": `)}}, "de.json"},
		{"bad template", fstest.MapFS{"en.json": en, "es.json": {Data: []byte(`{"a": "{{.Count"}`)}}, `es.json: message "a"`},
		{"mixed plural keys", fstest.MapFS{"en.json": {Data: []byte(`{"a": {"one": "x", "b": "y"}}`)}}, "en.json"},
		{"empty file", fstest.MapFS{"en.json": en, "ko.json": {Data: []byte(``)}}, "ko.json"},
		{"not a language", fstest.MapFS{"en.json": en, "xx-!.json": {Data: []byte(`{"a": "A"}`)}}, "xx-!.json"},
		{"not canonical", fstest.MapFS{"en.json": en, "FR.json": {Data: []byte(`{"a": "A"}`)}}, "name it fr.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newFromFS(tt.fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("newFromFS error = %v, want one naming %q", err, tt.want)
			}
		})
	}
}

// TestConcurrent is meant for -race: localizers are shared between requests.
func TestConcurrent(t *testing.T) {
	b := newBundle(t)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			tag := b.Languages()[i%len(b.Languages())]
			l := b.For(b.Negotiate("", "", tag.String()))
			for n := range 50 {
				_ = l.N("segment.count", n)
				_ = l.T("nav.logout")
				_ = l.LanguageName("pt-BR")
				_ = SelfName(tag)
			}
		})
	}
	wg.Wait()
}
