// Package mt is machine translation behind one small interface, Provider,
// with three kinds of provider: Apertium (through its HTTP server
// apertium-apy, or by running the apertium command), LibreTranslate and DeepL.
// A Set holds the configured providers in order of preference and picks the
// first one that has a language pair. It is a pure library: no HTTP handlers,
// no SQL.
//
// # Configuration
//
// FromEnv builds a Set from these environment variables:
//
//	COPYDESK_MT                  providers in order of preference, comma-separated:
//	                             apertium, libretranslate, deepl (default "apertium")
//	COPYDESK_APERTIUM_URL        apertium-apy base URL (http://127.0.0.1:2737); empty:
//	                             run the apertium command instead
//	COPYDESK_APERTIUM_MODES      modes directory for the command
//	                             (default /usr/share/apertium/modes)
//	COPYDESK_LIBRETRANSLATE_URL  LibreTranslate base URL (required for libretranslate)
//	COPYDESK_LIBRETRANSLATE_KEY  LibreTranslate API key (optional)
//	COPYDESK_DEEPL_KEY           DeepL authentication key (required for deepl)
//	COPYDESK_DEEPL_URL           DeepL base URL (default from the key: keys ending in
//	                             ":fx" use https://api-free.deepl.com, others
//	                             https://api.deepl.com)
//	COPYDESK_MT_TIMEOUT          time limit of one request or command run, a Go
//	                             duration (default 60s)
//
// # Language codes and pairs
//
// Pairs are BCP 47 tags in canonical form ("en", "es", "pt-BR"). Each
// provider maps them to its own codes: Apertium's ISO 639-3 codes with an
// optional variant ("eng", "spa", "eng_US" becomes "en-US"), LibreTranslate's
// codes, DeepL's upper-case codes ("EN", "EN-GB", "PT-BR"). A request matches
// a provider's pair when its tags equal the pair's or, failing that, when the
// request's base language equals a pair that names only the base language:
// "en-GB"→"es" may use an "en"→"es" pair, but "en"→"es" never uses an
// "en-US"→"es" pair (a region is never guessed).
//
// # Inline tags
//
// Texts may hold the inline tag tokens of package tags ({1}, {/1}, {2/}). A
// translation never returns a malformed token or a token twice: where the
// provider can protect markup the tokens travel as markup and come back as
// tokens; a text whose tokens do not come back whole and properly nested is
// translated again without its tokens (tags.Strip). What each provider does is
// said on its constructor.
package mt

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Provider translates batches of texts from one language to another.
type Provider interface {
	// Name is the provider's configuration name: "apertium",
	// "libretranslate" or "deepl".
	Name() string
	// Pairs returns the language pairs the provider can translate, as
	// canonical BCP 47 tags.
	Pairs(ctx context.Context) ([]Pair, error)
	// Translate translates texts from one language to another and returns
	// the translations in the same order, one for each text. It returns
	// either every translation or an error, never a partial result.
	Translate(ctx context.Context, from, to string, texts []string) ([]string, error)
}

// Pair is a language pair as canonical BCP 47 tags ("en", "es", "pt-BR").
type Pair struct{ Source, Target string }

// String writes the pair as "en→es".
func (p Pair) String() string { return p.Source + "→" + p.Target }

// ErrNoPair is wrapped by the error of a request for a language pair that no
// provider offers.
var ErrNoPair = errors.New("no provider has this language pair")

// Error is a failure of a provider. Its message is safe to show to an editor:
// it names the provider and says what happened, and never holds an API key,
// a URL with a key or a raw answer body. Err is the underlying error, for
// errors.Is and logs.
type Error struct {
	Provider string // "apertium", "libretranslate", "deepl"
	Reason   string // what happened, e.g. "the request timed out after 30s"
	Err      error
}

// Error returns "provider: reason".
func (e *Error) Error() string { return e.Provider + ": " + e.Reason }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// errorf makes an *Error with a formatted reason.
func errorf(provider string, err error, format string, args ...any) *Error {
	return &Error{Provider: provider, Reason: fmt.Sprintf(format, args...), Err: err}
}

// Canonical returns the canonical form of a BCP 47 tag ("EN-gb" → "en-GB").
func Canonical(code string) (string, error) {
	t, err := language.Parse(code)
	if err != nil {
		return "", fmt.Errorf("language %q: %w", code, err)
	}
	return t.String(), nil
}

// baseOf returns the base language of a canonical tag ("en-GB" → "en").
func baseOf(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	b, _ := t.Base()
	return b.String()
}

// match finds the pair of pairs that a request from→to may use, by the rule
// of the package doc: exact tags first, then the request's base languages
// against pairs naming only a base language.
func match(pairs []Pair, from, to string) (Pair, bool) {
	f, err1 := Canonical(from)
	t, err2 := Canonical(to)
	if err1 != nil || err2 != nil {
		return Pair{}, false
	}
	for _, want := range []Pair{{f, t}, {baseOf(f), t}, {f, baseOf(t)}, {baseOf(f), baseOf(t)}} {
		if slices.Contains(pairs, want) {
			return want, true
		}
	}
	return Pair{}, false
}

// describe lists pairs for a message: "en→es, es→en".
func describe(pairs []Pair) string {
	if len(pairs) == 0 {
		return "none"
	}
	s := make([]string, len(pairs))
	for i, p := range pairs {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}

// sortPairs sorts pairs by source, then target.
func sortPairs(pairs []Pair) {
	slices.SortFunc(pairs, func(a, b Pair) int {
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Target, b.Target)
	})
}
