package mt

import (
	"context"
	"net/http"
	"time"
)

// LibreTranslate translates through a LibreTranslate server's API: pairs
// from GET /languages, translations from POST /translate with a JSON body
// whose q is an array of texts (runs of at most 50 texts, two requests in
// flight). Inline tag tokens are removed before translation (format
// "text"): LibreTranslate's HTML mode is not relied on to keep them.
type LibreTranslate struct {
	web
	key   string
	cache pairCache
}

// NewLibreTranslate returns the provider that talks to the LibreTranslate
// server at baseURL with apiKey (may be empty for servers without keys) and
// client (nil: http.DefaultClient). The key is sent in the body only, never
// logged and never in an error message.
func NewLibreTranslate(baseURL, apiKey string, client *http.Client) *LibreTranslate {
	return &LibreTranslate{web: newWeb("libretranslate", baseURL, client), key: apiKey}
}

// Name returns "libretranslate".
func (l *LibreTranslate) Name() string { return "libretranslate" }

// SetTimeout sets the time limit of one request; zero means no limit but
// the context's and the client's.
func (l *LibreTranslate) SetTimeout(d time.Duration) { l.timeout = d }

// libreCodes maps LibreTranslate's own codes that are not BCP 47.
var libreCodes = map[string]string{"pb": "pt-BR", "zt": "zh-Hant"}

// call sends a request and decodes a 200 answer into v.
func (l *LibreTranslate) call(ctx context.Context, method, path string, in, v any) error {
	return l.callJSON(ctx, jsonAPI{
		errField: "error",
		hints: map[int]string{
			http.StatusForbidden:       "check the API key",
			http.StatusTooManyRequests: "too many requests, try again later",
		},
		secret: l.key,
	}, method, path, in, v)
}

// Pairs returns the pairs of GET /languages: each language to each of its
// targets.
func (l *LibreTranslate) Pairs(ctx context.Context) ([]Pair, error) {
	t, err := l.table(ctx)
	return t.pairs, err
}

func (l *LibreTranslate) table(ctx context.Context) (pairTable, error) {
	return l.cache.get(ctx, func(ctx context.Context) (pairTable, error) {
		var langs []struct {
			Code    string   `json:"code"`
			Targets []string `json:"targets"`
		}
		if err := l.call(ctx, http.MethodGet, "/languages", nil, &langs); err != nil {
			return pairTable{}, err
		}
		var t pairTable
		for _, lang := range langs {
			src, ok := libreTag(lang.Code)
			if !ok {
				continue
			}
			for _, code := range lang.Targets {
				if tgt, ok := libreTag(code); ok {
					t.add(Pair{src, tgt}, lang.Code, code)
				}
			}
		}
		return t, nil
	})
}

// libreTag reads a LibreTranslate code as a canonical tag.
func libreTag(code string) (string, bool) {
	if c, ok := libreCodes[code]; ok {
		return c, true
	}
	if code == "auto" {
		return "", false
	}
	tag, err := Canonical(code)
	return tag, err == nil && tag != "und"
}

// Translate sends texts in runs of at most 50.
func (l *LibreTranslate) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	t, err := l.table(ctx)
	if err != nil {
		return nil, err
	}
	codes, ok := t.resolve(from, to)
	if !ok {
		return nil, errorf(l.Name(), ErrNoPair, "the server does not translate %s to %s (available: %s)", from, to, describe(t.pairs))
	}
	return translateTexts(ctx, l.Name(), nil, texts, func(ctx context.Context, in []string) ([]string, error) {
		out := make([]string, len(in))
		runs := chunks(in, 32<<10, 50)
		err := parallel(ctx, len(runs), 2, func(ctx context.Context, i int) error {
			r := runs[i]
			req := map[string]any{"q": in[r[0]:r[1]], "source": codes[0], "target": codes[1], "format": "text"}
			if l.key != "" {
				req["api_key"] = l.key
			}
			var ans struct {
				TranslatedText []string `json:"translatedText"`
			}
			if err := l.call(ctx, http.MethodPost, "/translate", req, &ans); err != nil {
				return err
			}
			if len(ans.TranslatedText) != r[1]-r[0] {
				return errorf(l.Name(), nil, "the answer could not be read (%d translations for %d texts)", len(ans.TranslatedText), r[1]-r[0])
			}
			copy(out[r[0]:r[1]], ans.TranslatedText)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	})
}
