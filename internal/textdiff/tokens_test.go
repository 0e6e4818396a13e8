package textdiff

import (
	"slices"
	"testing"
)

func tokens(s string) []string {
	b := tokenize(s)
	out := []string{}
	for k := range len(b) - 1 {
		out = append(out, s[b[k]:b[k+1]])
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"words and spaces", "the  old\tcat", []string{"the", "  ", "old", "\t", "cat"}},
		{"punctuation alone", "said, he.", []string{"said", ",", " ", "he", "."}},
		{"quotes alone", "« x »", []string{"«", " ", "x", " ", "»"}},
		{"curly quotes", "“x”", []string{"“", "x", "”"}},
		{"english apostrophe", "don't", []string{"don't"}},
		{"french elision", "l’année", []string{"l’année"}},
		{"hyphenated", "well-known", []string{"well-known"}},
		{"trailing apostrophe", "cats' toys", []string{"cats", "'", " ", "toys"}},
		{"leading apostrophe", "'tis", []string{"'", "tis"}},
		{"hyphen between digits", "10-15", []string{"10", "-", "15"}},
		{"double hyphen", "a--b", []string{"a", "-", "-", "b"}},
		{"digits", "3,5 kg", []string{"3", ",", "5", " ", "kg"}},
		{"nbsp before colon", "mot\u202f:", []string{"mot", "\u202f", ":"}},
		{"decomposed accent", "cafe\u0301 ok", []string{"cafe\u0301", " ", "ok"}},
		{"korean", "한국어 문장", []string{"한국어", " ", "문장"}},
		{"japanese", "東京へ行く", []string{"東", "京", "へ", "行", "く"}},
		{"katakana long mark", "コーヒー", []string{"コ", "ー", "ヒ", "ー"}},
		{"chinese punctuation", "你好。", []string{"你", "好", "。"}},
		{"combining dakuten", "か\u3099", []string{"か\u3099"}},
		{"latin next to han", "AI技術", []string{"AI", "技", "術"}},
		{"emoji", "ok😀!", []string{"ok", "😀", "!"}},
		{"skin tone", "👍🏽👍", []string{"👍🏽", "👍"}},
		{"zwj family", "👨‍👩‍👧 x", []string{"👨‍👩‍👧", " ", "x"}},
		{"flags", "🇫🇷🇩🇪", []string{"🇫🇷", "🇩🇪"}},
		{"variation selector", "❤️x", []string{"❤️", "x"}},
		{"persian zwnj", "می\u200cخواهم", []string{"می\u200cخواهم"}},
		{"lone mark", " \u0301a", []string{" ", "\u0301a"}},
		{"invalid utf-8", "a\xffb", []string{"a", "\xff", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
