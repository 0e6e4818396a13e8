package mt

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// DefaultTimeout is the time limit of one request or run when
// COPYDESK_MT_TIMEOUT is not set.
const DefaultTimeout = 60 * time.Second

// FromEnv builds the Set described by the environment variables of the
// package doc, read with getenv (os.Getenv, or a map's lookup in tests).
// client (nil: http.DefaultClient) is used by the HTTP providers. An unknown
// provider name, a provider named twice, a missing URL or key, or a bad
// time limit is an error.
func FromEnv(getenv func(string) string, client *http.Client) (*Set, error) {
	timeout := DefaultTimeout
	if v := strings.TrimSpace(getenv("COPYDESK_MT_TIMEOUT")); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("COPYDESK_MT_TIMEOUT=%q: want a positive Go duration such as 60s", v)
		}
		timeout = d
	}
	list := strings.TrimSpace(getenv("COPYDESK_MT"))
	if list == "" {
		list = "apertium"
	}
	var providers []Provider
	var seen []string
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if slices.Contains(seen, name) {
			return nil, fmt.Errorf("COPYDESK_MT names %q twice", name)
		}
		seen = append(seen, name)
		var p interface {
			Provider
			SetTimeout(time.Duration)
		}
		switch name {
		case "apertium":
			if u := getenv("COPYDESK_APERTIUM_URL"); u != "" {
				p = NewApertiumAPy(u, client)
			} else {
				p = NewApertiumCLI("", getenv("COPYDESK_APERTIUM_MODES"))
			}
		case "libretranslate":
			u := getenv("COPYDESK_LIBRETRANSLATE_URL")
			if u == "" {
				return nil, fmt.Errorf("COPYDESK_MT names libretranslate but COPYDESK_LIBRETRANSLATE_URL is not set")
			}
			p = NewLibreTranslate(u, getenv("COPYDESK_LIBRETRANSLATE_KEY"), client)
		case "deepl":
			key := getenv("COPYDESK_DEEPL_KEY")
			if key == "" {
				return nil, fmt.Errorf("COPYDESK_MT names deepl but COPYDESK_DEEPL_KEY is not set")
			}
			p = NewDeepL(getenv("COPYDESK_DEEPL_URL"), key, client)
		default:
			return nil, fmt.Errorf("COPYDESK_MT: unknown provider %q (known: apertium, libretranslate, deepl)", name)
		}
		p.SetTimeout(timeout)
		providers = append(providers, p)
	}
	if len(providers) == 0 {
		return nil, fmt.Errorf("COPYDESK_MT=%q names no provider", list)
	}
	return NewSet(providers...), nil
}
