package effort

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/internal/textdiff"
)

// Words cuts s into the words that the word edit rate counts; lang is the
// text's language tag ("ja", "zh-Hant", "ko"…). It leaves inline tag tokens
// in place: Measure strips them first.
//
// The rules are those of the word diff that reports show (package textdiff),
// so that a word counted here is a word marked there:
//
//   - white space separates words and is not a word; no-break spaces
//     (U+00A0, U+202F) and the other Unicode spaces count as white space, and
//     so do the zero-width space U+200B, the word joiner U+2060 and U+FEFF;
//   - a word is a run of letters, digits and combining marks, keeping inside
//     it an apostrophe (' or ’) or a hyphen between two letters ("don't",
//     "l’année", "well-known"); case is kept, so "The" and "the" differ;
//   - every other character (punctuation, quotation mark, symbol, emoji) is a
//     word of its own, with any combining marks and joined characters that
//     follow it: "Hello, world." is Hello , world . and "1,5 %" is 1 , 5 %;
//   - every Han, Hiragana and Katakana character (and the prolonged sound
//     mark ー) is a word of its own, in any language, since those scripts put
//     no spaces between words; in Chinese and Japanese (lang zh, ja, yue) so
//     is every Bopomofo character and every full-width letter or digit.
//     Korean puts spaces between words, so Hangul words count as usual.
func Words(lang, s string) []string {
	cjk := isCJKLang(lang)
	var out []string
	for _, tok := range textdiff.Tokens(s) {
		switch {
		case strings.TrimFunc(tok, isSpace) == "":
			// white space, and the zero-width spaces the diff keeps as tokens
		case cjk:
			out = appendCJK(out, tok)
		default:
			out = append(out, tok)
		}
	}
	return out
}

// appendCJK appends tok, cutting out each Bopomofo character and full-width
// letter or digit (with the marks that follow it) as a word of its own.
func appendCJK(out []string, tok string) []string {
	start := 0
	for i := 0; i < len(tok); {
		r, size := utf8.DecodeRuneInString(tok[i:])
		if !isCJKOwnWord(r) {
			i += size
			continue
		}
		if i > start {
			out = append(out, tok[start:i])
		}
		j := i + size
		for j < len(tok) {
			r2, size2 := utf8.DecodeRuneInString(tok[j:])
			if !unicode.IsMark(r2) {
				break
			}
			j += size2
		}
		out = append(out, tok[i:j])
		start, i = j, j
	}
	if start < len(tok) {
		out = append(out, tok[start:])
	}
	return out
}

// isCJKLang reports whether lang is Chinese or Japanese (any region or script).
func isCJKLang(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	base, _, _ = strings.Cut(base, "_")
	switch base {
	case "zh", "ja", "yue", "cmn", "jpn", "zho", "chi":
		return true
	}
	return false
}

// isSpace reports whether r separates words: Unicode white space (which takes
// in U+00A0 and U+202F) and the invisible zero-width spaces.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// isCJKOwnWord reports whether r is a word by itself in Chinese and Japanese
// beyond what the diff already cuts alone (Han, Hiragana, Katakana): a
// Bopomofo character or a full-width letter or digit.
func isCJKOwnWord(r rune) bool {
	return r >= 0x2e80 && (unicode.Is(unicode.Bopomofo, r) ||
		0xff10 <= r && r <= 0xff19 || 0xff21 <= r && r <= 0xff3a || 0xff41 <= r && r <= 0xff5a)
}
