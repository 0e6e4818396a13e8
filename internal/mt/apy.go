package mt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// apyInFlight is how many requests ApertiumAPy sends at once.
const apyInFlight = 4

// ApertiumAPy translates through apertium-apy, Apertium's HTTP server. A
// request carries one text only, so a batch of texts is sent as the
// paragraphs of one HTML document (a POST form, in runs of at most 16 KB)
// and the answer is split by paragraph; when the count does not match, each
// text of the run is sent alone. At most four requests are in flight.
//
// Inline tag pairs travel as <b id="n">…</b>, which apertium-apy's HTML
// deformatter keeps in place as "superblanks": well-formed, but where
// Apertium reorders words a pair may come to enclose other words than in
// the source. Lone tokens {n/} pass through as they are. A text whose tokens
// come back broken or twice is translated again without them.
type ApertiumAPy struct {
	web
	cache pairCache
}

// NewApertiumAPy returns the provider that talks to apertium-apy at baseURL
// (e.g. "http://127.0.0.1:2737") with client (nil: http.DefaultClient).
func NewApertiumAPy(baseURL string, client *http.Client) *ApertiumAPy {
	return &ApertiumAPy{web: newWeb("apertium", baseURL, client)}
}

// Name returns "apertium".
func (a *ApertiumAPy) Name() string { return "apertium" }

// SetTimeout sets the time limit of one request; zero means no limit but
// the context's and the client's.
func (a *ApertiumAPy) SetTimeout(d time.Duration) { a.timeout = d }

// apyAnswer is the envelope of apertium-apy's answers, and of its errors.
type apyAnswer struct {
	ResponseData   json.RawMessage `json:"responseData"`
	ResponseStatus int             `json:"responseStatus"`
	Explanation    string          `json:"explanation"`
}

// get sends a request and reads the answer's responseData into v.
func (a *ApertiumAPy) get(ctx context.Context, method, path string, form url.Values, v any) error {
	status, body, err := a.do(ctx, func(ctx context.Context) (*http.Request, error) {
		if method == http.MethodGet {
			return http.NewRequestWithContext(ctx, method, a.base+path, nil)
		}
		req, err := http.NewRequestWithContext(ctx, method, a.base+path, strings.NewReader(form.Encode()))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		return req, err
	})
	if err != nil {
		return err
	}
	var ans apyAnswer
	jerr := json.Unmarshal(body, &ans)
	if status != http.StatusOK {
		detail := ""
		if jerr == nil {
			detail = clip(ans.Explanation, "")
		}
		return statusError(a.Name(), status, detail, "")
	}
	if jerr != nil {
		return badAnswer(a.Name(), jerr)
	}
	if ans.ResponseStatus != http.StatusOK {
		return statusError(a.Name(), ans.ResponseStatus, clip(ans.Explanation, ""), "")
	}
	if err := json.Unmarshal(ans.ResponseData, v); err != nil {
		return badAnswer(a.Name(), err)
	}
	return nil
}

// Pairs returns the pairs apertium-apy lists at /listPairs.
func (a *ApertiumAPy) Pairs(ctx context.Context) ([]Pair, error) {
	t, err := a.table(ctx)
	return t.pairs, err
}

func (a *ApertiumAPy) table(ctx context.Context) (pairTable, error) {
	return a.cache.get(ctx, func(ctx context.Context) (pairTable, error) {
		var list []struct {
			Source string `json:"sourceLanguage"`
			Target string `json:"targetLanguage"`
		}
		if err := a.get(ctx, http.MethodGet, "/listPairs", nil, &list); err != nil {
			return pairTable{}, err
		}
		var t pairTable
		for _, p := range list {
			s, ok1 := fromApertium(p.Source)
			d, ok2 := fromApertium(p.Target)
			if ok1 && ok2 {
				t.add(Pair{s, d}, p.Source, p.Target)
			}
		}
		return t, nil
	})
}

// Translate sends texts in batches, at most four requests at once.
func (a *ApertiumAPy) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	codes, err := apertiumCodes(ctx, a.table, from, to)
	if err != nil {
		return nil, err
	}
	langpair := codes[0] + "|" + codes[1]
	return translateTexts(ctx, a.Name(), apertiumMarkup, texts, func(ctx context.Context, in []string) ([]string, error) {
		out := make([]string, len(in))
		runs := chunks(in, 16<<10, 200)
		err := parallel(ctx, len(runs), apyInFlight, func(ctx context.Context, i int) error {
			r := runs[i]
			got, err := a.batch(ctx, langpair, in[r[0]:r[1]])
			if err == nil {
				copy(out[r[0]:r[1]], got)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	})
}

// batch translates texts in one request, or one request per text when the
// answer's paragraphs do not match the texts.
func (a *ApertiumAPy) batch(ctx context.Context, langpair string, texts []string) ([]string, error) {
	return translateBlocks(ctx, a.Name(), texts, apyInFlight, func(ctx context.Context, q string) (string, error) {
		return a.translate(ctx, langpair, q)
	})
}

// translate sends one /translate request.
func (a *ApertiumAPy) translate(ctx context.Context, langpair, q string) (string, error) {
	form := url.Values{
		"langpair":    {langpair},
		"q":           {q},
		"markUnknown": {"no"},
		"deformat":    {"html"},
		"reformat":    {"html-noent"},
	}
	var data struct {
		TranslatedText *string `json:"translatedText"`
	}
	if err := a.get(ctx, http.MethodPost, "/translate", form, &data); err != nil {
		var e *Error
		if errors.As(err, &e) && strings.Contains(e.Reason, "not installed") {
			src, tgt, _ := strings.Cut(langpair, "|")
			return "", errorf(a.Name(), fmt.Errorf("%w: %w", ErrNoPair, err), "the language pair %s-%s is not installed", src, tgt)
		}
		return "", err
	}
	if data.TranslatedText == nil {
		return "", errorf(a.Name(), nil, "the answer could not be read (no translatedText)")
	}
	return *data.TranslatedText, nil
}
