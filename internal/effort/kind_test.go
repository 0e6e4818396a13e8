package effort

import (
	"slices"
	"testing"
)

func TestChangeKind(t *testing.T) {
	tests := []struct {
		mt, final, want string
	}{
		{"", "", "unchanged"},
		{"Hello world.", "Hello world.", "unchanged"},
		{"{1}Hello{/1} world.", "Hello {1}world.{/1}", "unchanged"},
		{"Hello  world.", "Hello world.", "whitespace"},
		{" Hello world.\n", "Hello world.", "whitespace"},
		{"10 km", "10\u00a0km", "whitespace"},
		{"«\u202fOui\u202f»", "« Oui »", "whitespace"},
		{"the White House", "The White House", "casing"},
		{"STRASSE", "Straße", "casing"},
		{"THE  white house", "The White House", "casing"},
		{"Hello world", "Hello, world.", "punctuation"},
		{"\"Yes\" - he said", "“Yes” — he said", "punctuation"},
		{"Bonjour !", "Bonjour!", "punctuation"},
		{"l' année", "l’année", "punctuation"},
		{"10 %", "10%", "punctuation"},
		{"hello world", "Hello, world!", "punctuation"},
		{"Hello world", "Hello there", "wording"},
		{"", "Hello", "wording"},
		{"Hello", "", "wording"},
		{"3 km", "4 km", "wording"},
		{"東京は晴れ", "東京は雨", "wording"},
		{"e\u0301", "é", "wording"}, // no Unicode normalisation
	}
	for _, tt := range tests {
		if got := ChangeKind(tt.mt, tt.final); got != tt.want {
			t.Errorf("ChangeKind(%q, %q) = %q, want %q", tt.mt, tt.final, got, tt.want)
		}
	}
}

func TestIssuesRemoved(t *testing.T) {
	tests := []struct {
		name          string
		before, after []string
		want          []string
	}{
		{"none", nil, nil, []string{}},
		{"all fixed", []string{"quotes", "space-before-punct"}, nil, []string{"quotes", "space-before-punct"}},
		{"none fixed", []string{"quotes"}, []string{"quotes"}, []string{}},
		{"new issue only", nil, []string{"quotes"}, []string{}},
		{"sorted, once each", []string{"quotes", "double-space", "quotes"}, nil, []string{"double-space", "quotes"}},
		{"one of two fixed", []string{"quotes", "quotes"}, []string{"quotes"}, []string{"quotes"}},
		{"one fixed, one made", []string{"numbers"}, []string{"quotes"}, []string{"numbers"}},
	}
	for _, tt := range tests {
		got := IssuesRemoved(tt.before, tt.after)
		if got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: IssuesRemoved(%q, %q) = %#v, want %q", tt.name, tt.before, tt.after, got, tt.want)
		}
	}
}
