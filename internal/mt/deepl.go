package mt

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// deeplMaxTexts is the most texts DeepL takes in one request.
const deeplMaxTexts = 50

// DeepL translates through the DeepL API v2: pairs from GET
// /v2/languages?type=source and ?type=target, translations from POST
// /v2/translate with a JSON body of at most 50 texts, authenticated with the
// header "Authorization: DeepL-Auth-Key KEY".
//
// Texts are sent with tag_handling "xml": a tag pair {n}…{/n} travels as
// <x id="n">…</x> and a lone token {n/} as <x id="n"/>, which DeepL keeps
// on the words they belong to; the rest of the text is escaped. A text
// whose tokens come back broken or twice is translated again without them.
//
// Target codes carry DeepL's regions (en-GB, en-US, pt-BR, pt-PT), source
// codes do not; a request into plain "en" or "pt" finds no DeepL pair, since
// a region is never guessed.
type DeepL struct {
	web
	key   string
	cache pairCache
}

// NewDeepL returns the provider for the DeepL API at baseURL with authKey
// and client (nil: http.DefaultClient). An empty baseURL means
// https://api-free.deepl.com for keys ending in ":fx" (free accounts) and
// https://api.deepl.com for others. The key is sent in the Authorization
// header only, never logged and never in an error message.
func NewDeepL(baseURL, authKey string, client *http.Client) *DeepL {
	if baseURL == "" {
		baseURL = "https://api.deepl.com"
		if strings.HasSuffix(authKey, ":fx") {
			baseURL = "https://api-free.deepl.com"
		}
	}
	return &DeepL{web: newWeb("deepl", baseURL, client), key: authKey}
}

// Name returns "deepl".
func (d *DeepL) Name() string { return "deepl" }

// SetTimeout sets the time limit of one request; zero means no limit but
// the context's and the client's.
func (d *DeepL) SetTimeout(t time.Duration) { d.timeout = t }

// deeplMarkup is how DeepL carries tokens (see DeepL).
var deeplMarkup = &markup{tag: "x", empty: "x"}

// call sends a request and decodes a 200 answer into v.
func (d *DeepL) call(ctx context.Context, method, path string, in, v any) error {
	return d.callJSON(ctx, jsonAPI{
		authorise: func(r *http.Request) { r.Header.Set("Authorization", "DeepL-Auth-Key "+d.key) },
		errField:  "message",
		hints: map[int]string{
			http.StatusUnauthorized:          "check the API key",
			http.StatusForbidden:             "check the API key",
			http.StatusTooManyRequests:       "too many requests, try again later",
			456:                              "the translation quota is used up",
			http.StatusRequestEntityTooLarge: "the request is too large",
		},
		secret: d.key,
	}, method, path, in, v)
}

// Pairs returns every source language to every target language of another
// base language.
func (d *DeepL) Pairs(ctx context.Context) ([]Pair, error) {
	t, err := d.table(ctx)
	return t.pairs, err
}

type deeplLanguage struct {
	Language string `json:"language"`
	Name     string `json:"name"`
}

func (d *DeepL) table(ctx context.Context) (pairTable, error) {
	return d.cache.get(ctx, func(ctx context.Context) (pairTable, error) {
		var sources, targets []deeplLanguage
		if err := d.call(ctx, http.MethodGet, "/v2/languages?type=source", nil, &sources); err != nil {
			return pairTable{}, err
		}
		if err := d.call(ctx, http.MethodGet, "/v2/languages?type=target", nil, &targets); err != nil {
			return pairTable{}, err
		}
		var t pairTable
		for _, s := range sources {
			src, err := Canonical(s.Language)
			if err != nil {
				continue
			}
			for _, g := range targets {
				tgt, err := Canonical(g.Language)
				if err != nil || baseOf(tgt) == baseOf(src) {
					continue
				}
				t.add(Pair{src, tgt}, strings.ToUpper(s.Language), strings.ToUpper(g.Language))
			}
		}
		return t, nil
	})
}

// Translate sends texts in runs of at most 50, two requests in flight.
func (d *DeepL) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	t, err := d.table(ctx)
	if err != nil {
		return nil, err
	}
	codes, ok := t.resolve(from, to)
	if !ok {
		return nil, errorf(d.Name(), ErrNoPair, "DeepL does not translate %s to %s", from, to)
	}
	return translateTexts(ctx, d.Name(), deeplMarkup, texts, func(ctx context.Context, in []string) ([]string, error) {
		out := make([]string, len(in))
		runs := chunks(in, 100<<10, deeplMaxTexts)
		err := parallel(ctx, len(runs), 2, func(ctx context.Context, i int) error {
			r := runs[i]
			req := map[string]any{
				"text":         in[r[0]:r[1]],
				"source_lang":  codes[0],
				"target_lang":  codes[1],
				"tag_handling": "xml",
			}
			var ans struct {
				Translations []struct {
					Text *string `json:"text"`
				} `json:"translations"`
			}
			if err := d.call(ctx, http.MethodPost, "/v2/translate", req, &ans); err != nil {
				return err
			}
			if len(ans.Translations) != r[1]-r[0] {
				return errorf(d.Name(), nil, "the answer could not be read (%d translations for %d texts)", len(ans.Translations), r[1]-r[0])
			}
			for k, tr := range ans.Translations {
				if tr.Text == nil {
					return errorf(d.Name(), nil, "the answer could not be read (translation %d has no text)", r[0]+k+1)
				}
				out[r[0]+k] = *tr.Text
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	})
}
