package mt

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLibreTranslate(t *testing.T) {
	s, calls := fakeLibre(t, testKey)
	l := NewLibreTranslate(s.URL, testKey, s.Client())
	pairs, err := l.Pairs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []Pair{{"en", "es"}, {"en", "fr"}, {"en", "pt-BR"}, {"es", "en"}}
	if !slices.Equal(pairs, want) {
		t.Errorf("pairs %v, want %v", pairs, want)
	}
	texts := make([]string, 120)
	for i := range texts {
		texts[i] = fmt.Sprintf("Sentence %d with {1}bold{/1} words.", i+1)
	}
	texts[3] = "  "
	got, err := l.Translate(t.Context(), "en-GB", "pt-BR", texts)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("%d requests for 119 texts, want 3", n)
	}
	if got[0] != "PB:Sentence 1 with bold words." || got[3] != "  " || got[119] != "PB:Sentence 120 with bold words." {
		t.Errorf("got %q … %q", got[0], got[119])
	}
}

func TestDeepL(t *testing.T) {
	s, calls := fakeDeepL(t, testKey)
	d := NewDeepL(s.URL, testKey, s.Client())
	pairs, err := d.Pairs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []Pair{{"en", "es"}, {"en", "pt-BR"}, {"es", "en-GB"}, {"pt", "en-US"}} {
		if !slices.Contains(pairs, p) {
			t.Errorf("pairs %v lack %v", pairs, p)
		}
	}
	if slices.Contains(pairs, Pair{"en", "en-GB"}) || slices.Contains(pairs, Pair{"es", "en"}) {
		t.Errorf("pairs %v", pairs)
	}
	texts := make([]string, 101)
	for i := range texts {
		texts[i] = fmt.Sprintf("Text {1}%d{/1} & <more>{2/}", i)
	}
	got, err := d.Translate(t.Context(), "es", "en-GB", texts)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("%d requests for 101 texts, want 3", n)
	}
	if got[100] != "EN-GB:Text {1}100{/1} & <more>{2/}" {
		t.Errorf("got %q", got[100])
	}
	if _, err := d.Translate(t.Context(), "es", "en", texts); !errors.Is(err, ErrNoPair) {
		t.Errorf("es→en: %v, want ErrNoPair", err)
	}
	for key, want := range map[string]string{"k:fx": "https://api-free.deepl.com", "k": "https://api.deepl.com"} {
		if got := NewDeepL("", key, nil).base; got != want {
			t.Errorf("key %q: base %q, want %q", key, got, want)
		}
	}
}

// provider makes a provider talking to url with the test key.
type makeProvider func(url string, c *http.Client) Provider

var httpProviders = map[string]makeProvider{
	"apertium":       func(u string, c *http.Client) Provider { return NewApertiumAPy(u, c) },
	"libretranslate": func(u string, c *http.Client) Provider { return NewLibreTranslate(u, testKey, c) },
	"deepl":          func(u string, c *http.Client) Provider { return NewDeepL(u, testKey, c) },
}

// pairsBody is a valid pairs answer for each provider, so that the
// translate request is the one that fails.
func pairsBody(name, path string) string {
	switch name {
	case "apertium":
		return `{"responseData":[{"sourceLanguage":"eng","targetLanguage":"spa"}],"responseStatus":200}`
	case "libretranslate":
		return `[{"code":"en","name":"English","targets":["es"]}]`
	}
	if strings.Contains(path, "source") {
		return `[{"language":"EN","name":"English"}]`
	}
	return `[{"language":"ES","name":"Spanish"}]`
}

func TestHTTPErrors(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	translate := map[string]func(w http.ResponseWriter){
		"bad JSON":    func(w http.ResponseWriter) { w.Write([]byte(`{"translatedText": [`)) },
		"wrong count": nil, // per provider below
		"HTML 500": func(w http.ResponseWriter) {
			w.WriteHeader(500)
			w.Write([]byte("<html><body>Internal " + testKey + "</body></html>"))
		},
		"403": func(w http.ResponseWriter) {
			w.WriteHeader(403)
			w.Write([]byte(`{"error":"bad key ` + testKey + `","message":"bad key ` + testKey + `"}`))
		},
		"empty":       nil,
		"slow":        func(w http.ResponseWriter) { time.Sleep(300 * time.Millisecond) },
		"server down": nil,
	}
	wrongCount := map[string]string{
		"apertium":       `{"responseData":{"translatedText":"<p>uno</p><p>dos</p><p>tres</p>"},"responseStatus":200}`,
		"libretranslate": `{"translatedText":["uno"]}`,
		"deepl":          `{"translations":[{"text":"uno"}]}`,
	}
	empty := map[string]string{
		"apertium":       `{"responseData":{"translatedText":"<p>uno</p><p></p>"},"responseStatus":200}`,
		"libretranslate": `{"translatedText":["uno",""]}`,
		"deepl":          `{"translations":[{"text":"uno"},{"text":""}]}`,
	}
	want := map[string]string{
		"bad JSON":    "the answer could not be read (",
		"wrong count": "the answer could not be read (",
		"HTML 500":    "the server answered 500",
		"403":         "the server answered 403",
		"empty":       "the answer could not be read (translation 2 is empty)",
		"slow":        "the request timed out after 100ms",
		"server down": "the server at 127.0.0.1:",
	}
	for name, mk := range httpProviders {
		for kind, handler := range translate {
			t.Run(name+"/"+kind, func(t *testing.T) {
				s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.Method == http.MethodGet {
						w.Write([]byte(pairsBody(name, r.URL.String())))
						return
					}
					switch kind {
					case "wrong count":
						w.Write([]byte(wrongCount[name]))
					case "empty":
						w.Write([]byte(empty[name]))
					default:
						handler(w)
					}
				}))
				defer s.Close()
				p := mk(s.URL, s.Client())
				p.(interface{ SetTimeout(time.Duration) }).SetTimeout(100 * time.Millisecond)
				if kind == "server down" {
					p = mk(closedURL, nil)
					if _, err := p.Pairs(t.Context()); err == nil {
						t.Fatal("pairs from a closed port")
					}
				}
				got, err := p.Translate(t.Context(), "en", "es", []string{"one", "two"})
				var e *Error
				if !errors.As(err, &e) || e.Provider != name {
					t.Fatalf("got %v (%T), want *Error of %s", err, err, name)
				}
				if !strings.Contains(err.Error(), want[kind]) || !strings.HasPrefix(err.Error(), name+": ") {
					t.Errorf("got %q, want %q", err, want[kind])
				}
				if strings.Contains(err.Error(), testKey) || strings.Contains(err.Error(), "<html") {
					t.Errorf("unsafe message %q", err)
				}
				if got != nil {
					t.Errorf("partial result %q", got)
				}
				t.Log(err)
			})
		}
	}
}

func TestContextCancel(t *testing.T) {
	s, _ := fakeDeepL(t, testKey)
	d := NewDeepL(s.URL, testKey, s.Client())
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := d.Translate(ctx, "en", "es", []string{"x"})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, context.Canceled) {
		t.Errorf("got %v", err)
	}
}
