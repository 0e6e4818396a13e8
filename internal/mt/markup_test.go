package mt

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestMarkupRoundTrip(t *testing.T) {
	tests := []struct {
		m        *markup
		text     string
		encoded  string
		answer   string // as a provider may give it back
		want     string
		wantFail bool
	}{
		{apertiumMarkup, "A {1}b{/1} & c{2/}", `A <b id="1">b</b> &amp; c{2/}`, `X <b id="1">y</b> &amp; z{2/}`, "X {1}y{/1} & z{2/}", false},
		{deeplMarkup, "A {1}b {2}c{/2}{/1}{3/} <d>", `A <x id="1">b <x id="2">c</x></x><x id="3"/> &lt;d&gt;`, `<x id="1"><x id="2">c</x> b</x> <x id="3"></x>&lt;d&gt;`, "{1}{2}c{/2} b{/1} {3/}<d>", false},
		{deeplMarkup, "A {1}b{/1}", `A <x id="1">b</x>`, `<x id="1">b</x> <x id="1">c</x>`, "", true},
		{deeplMarkup, "A {1}b{/1}", `A <x id="1">b</x>`, `<x id="1">b`, "", true},
		{deeplMarkup, "A {1}b{/1}", `A <x id="1">b</x>`, `<x id="1">b</y>`, "", true},
		{apertiumMarkup, "A {1}b{/1}", `A <b id="1">b</b>`, `<i>b</i>`, "", true},
		{apertiumMarkup, "A {1}b{/1}", `A <b id="1">b</b>`, `b`, "", true},
	}
	for _, tt := range tests {
		if got := tt.m.encode(tt.text); got != tt.encoded {
			t.Errorf("encode(%q) = %q, want %q", tt.text, got, tt.encoded)
		}
		got, ok := readBack(tt.m, tt.answer, tt.text)
		if ok == tt.wantFail || got != tt.want {
			t.Errorf("readBack(%q) = %q, %v; want %q, %v", tt.answer, got, ok, tt.want, !tt.wantFail)
		}
	}
}

func TestTranslateTexts(t *testing.T) {
	// The fake provider prefixes "T:" and breaks the markup of texts
	// holding "break".
	fake := func(calls *[][]string) batchFunc {
		return func(_ context.Context, in []string) ([]string, error) {
			*calls = append(*calls, slices.Clone(in))
			out := make([]string, len(in))
			for i, s := range in {
				out[i] = "T:" + s
				if strings.Contains(s, "break") {
					out[i] = strings.ReplaceAll(out[i], "</X>", "")
				}
			}
			return out, nil
		}
	}
	m := &markup{tag: "X", empty: "X"}
	var calls [][]string
	got, err := translateTexts(t.Context(), "test", m, []string{" keep {1}this{/1} ", "break {1}that{/1}", "{1/}", ""}, fake(&calls))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{" T:keep {1}this{/1} ", "T:break that", "{1/}", ""}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(calls) != 2 || len(calls[0]) != 2 || !slices.Equal(calls[1], []string{"break that"}) {
		t.Errorf("calls %q", calls)
	}

	// Without markup, tokens are removed before the one call.
	calls = nil
	got, err = translateTexts(t.Context(), "test", nil, []string{"a {1}b{/1} c"}, fake(&calls))
	if err != nil || got[0] != "T:a b c" || len(calls) != 1 {
		t.Errorf("got %q, %v, calls %q", got, err, calls)
	}

	bad := map[string]batchFunc{
		"the answer could not be read (1 translations for 2 texts)": func(context.Context, []string) ([]string, error) { return []string{"x"}, nil },
		"the answer could not be read (translation 2 is empty)":     func(context.Context, []string) ([]string, error) { return []string{"x", " "}, nil },
	}
	for want, fn := range bad {
		got, err := translateTexts(t.Context(), "test", m, []string{"a", "b"}, fn)
		var e *Error
		if !errors.As(err, &e) || e.Error() != "test: "+want || got != nil {
			t.Errorf("got %q, %v; want %q", got, err, want)
		}
	}
}

func TestCodes(t *testing.T) {
	for code, want := range map[string]string{"eng": "en", "spa": "es", "eng_US": "en-US", "cat_valencia": "ca-valencia", "por_BR": "pt-BR"} {
		if got, ok := fromApertium(code); !ok || got != want {
			t.Errorf("fromApertium(%q) = %q, %v; want %q", code, got, ok, want)
		}
	}
	for _, name := range []string{"eng-spa-tagger", "eng", "xx1-spa"} {
		if p, ok := apertiumPair(name); ok {
			t.Errorf("apertiumPair(%q) = %v", name, p)
		}
	}
	for tag, want := range map[string]string{"en": "eng", "en-US": "eng_US", "fr": "fra"} {
		if got := toApertium(tag); got != want {
			t.Errorf("toApertium(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	pairs := []Pair{{"en", "es"}, {"es", "en"}, {"es", "en-US"}, {"en", "pt-BR"}}
	tests := []struct {
		from, to string
		want     Pair
		ok       bool
	}{
		{"en", "es", Pair{"en", "es"}, true},
		{"EN-gb", "es", Pair{"en", "es"}, true},
		{"es", "en-US", Pair{"es", "en-US"}, true},
		{"es", "en-GB", Pair{"es", "en"}, true},
		{"en", "pt", Pair{}, false},
		{"en", "fr", Pair{}, false},
		{"??", "es", Pair{}, false},
	}
	for _, tt := range tests {
		if got, ok := match(pairs, tt.from, tt.to); got != tt.want || ok != tt.ok {
			t.Errorf("match(%s, %s) = %v, %v; want %v, %v", tt.from, tt.to, got, ok, tt.want, tt.ok)
		}
	}
}
