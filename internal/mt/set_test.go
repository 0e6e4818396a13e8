package mt

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// stub is a provider with fixed pairs that prefixes its name.
type stub struct {
	name  string
	pairs []Pair
	err   error
}

func (s stub) Name() string                          { return s.name }
func (s stub) Pairs(context.Context) ([]Pair, error) { return s.pairs, s.err }
func (s stub) Translate(_ context.Context, from, to string, texts []string) ([]string, error) {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = s.name + ":" + t
	}
	return out, nil
}

func TestSet(t *testing.T) {
	down := errors.New("down")
	set := NewSet(
		stub{name: "apertium", pairs: []Pair{{"en", "es"}, {"es", "en"}}},
		stub{name: "broken", err: down},
		stub{name: "deepl", pairs: []Pair{{"en", "es"}, {"en", "pt-BR"}}},
	)
	offers, err := set.Pairs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []Offer{
		{Pair{"en", "es"}, []string{"apertium", "deepl"}},
		{Pair{"en", "pt-BR"}, []string{"deepl"}},
		{Pair{"es", "en"}, []string{"apertium"}},
	}
	if len(offers) != len(want) {
		t.Fatalf("offers %v, want %v", offers, want)
	}
	for i := range want {
		if offers[i].Pair != want[i].Pair || !slices.Equal(offers[i].Providers, want[i].Providers) {
			t.Errorf("offer %d: %v, want %v", i, offers[i], want[i])
		}
	}
	st := set.Status()
	if len(st) != 3 || st[1].Err != down || st[0].Pairs != 2 {
		t.Errorf("status %v", st)
	}
	if !slices.Equal(set.Names(), []string{"apertium", "broken", "deepl"}) {
		t.Errorf("names %v", set.Names())
	}
	if p, ok := set.Provider("deepl"); !ok || p.Name() != "deepl" {
		t.Errorf("Provider(deepl) = %v, %v", p, ok)
	}

	tests := []struct{ from, to, want string }{
		{"en", "es", "apertium:x"},
		{"en-GB", "es", "apertium:x"},
		{"en", "pt-BR", "deepl:x"},
	}
	for _, tt := range tests {
		got, err := set.Translate(t.Context(), tt.from, tt.to, []string{"x"})
		if err != nil || got[0] != tt.want {
			t.Errorf("%s→%s: %q, %v; want %q", tt.from, tt.to, got, err, tt.want)
		}
	}
	_, err = set.For(t.Context(), "en", "fr")
	if !errors.Is(err, ErrNoPair) || !strings.Contains(err.Error(), "en→fr") || !strings.Contains(err.Error(), "available: en→es, en→pt-BR, es→en") {
		t.Errorf("got %v", err)
	}

	if _, err := NewSet(stub{name: "broken", err: down}).Pairs(t.Context()); !errors.Is(err, down) {
		t.Errorf("all down: %v", err)
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env     map[string]string
		names   []string
		wantErr string
	}{
		{map[string]string{}, []string{"apertium"}, ""},
		{map[string]string{"COPYDESK_MT": "deepl, apertium", "COPYDESK_DEEPL_KEY": "k", "COPYDESK_APERTIUM_URL": "http://127.0.0.1:2737"}, []string{"deepl", "apertium"}, ""},
		{map[string]string{"COPYDESK_MT": "libretranslate", "COPYDESK_LIBRETRANSLATE_URL": "http://lt"}, []string{"libretranslate"}, ""},
		{map[string]string{"COPYDESK_MT": "google"}, nil, `unknown provider "google"`},
		{map[string]string{"COPYDESK_MT": "deepl"}, nil, "COPYDESK_DEEPL_KEY"},
		{map[string]string{"COPYDESK_MT": "libretranslate"}, nil, "COPYDESK_LIBRETRANSLATE_URL"},
		{map[string]string{"COPYDESK_MT_TIMEOUT": "soon"}, nil, "COPYDESK_MT_TIMEOUT"},
		{map[string]string{"COPYDESK_MT": "apertium,apertium"}, nil, "twice"},
	}
	for _, tt := range tests {
		set, err := FromEnv(func(k string) string { return tt.env[k] }, nil)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: %v, want %q", tt.env, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(set.Names(), tt.names) {
			t.Errorf("%v: %v, %v", tt.env, set, err)
		}
	}
	set, _ := FromEnv(func(k string) string { return map[string]string{"COPYDESK_MT_TIMEOUT": "5s"}[k] }, nil)
	if p, _ := set.Provider("apertium"); p.(*ApertiumCLI).timeout != 5e9 {
		t.Errorf("timeout not set: %v", p)
	}
}

func TestOffering(t *testing.T) {
	offers := []Offer{
		{Pair{"en", "es"}, []string{"apertium", "deepl"}},
		{Pair{"es", "en-US"}, []string{"apertium"}},
	}
	for _, c := range []struct {
		from, to string
		want     []string
	}{
		{"en", "es", []string{"apertium", "deepl"}},
		{"en-GB", "es", []string{"apertium", "deepl"}},
		{"es", "en-US", []string{"apertium"}},
		{"es", "en", nil},
		{"fr", "es", nil},
	} {
		if got := Offering(offers, c.from, c.to); !slices.Equal(got, c.want) {
			t.Errorf("Offering(%s, %s) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}
