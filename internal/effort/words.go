package effort

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		start := i
		i += size
		switch {
		case isSpace(r):
			continue
		case isOwnWord(r, cjk):
			i = scanExtenders(s, i)
		case isWordRune(r):
			i = scanExtenders(s, scanWord(s, i, unicode.IsLetter(r), cjk))
		default:
			if isRegional(r) {
				if r2, size2 := utf8.DecodeRuneInString(s[i:]); isRegional(r2) {
					i += size2 // a flag is one symbol
				}
			}
			i = scanExtenders(s, i)
		}
		out = append(out, s[start:i])
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

// scanWord returns the end of the word that continues at i; letter says
// whether the last base character read so far is a letter.
func scanWord(s string, i int, letter, cjk bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isOwnWord(r, cjk):
			return i
		case isWordRune(r):
			if !unicode.IsMark(r) {
				letter = unicode.IsLetter(r)
			}
		case (r == '\'' || r == '’' || r == '-' || r == '‐' || r == '‑') &&
			letter && letterAt(s, i+size, cjk):
		case (r == '\u200c' || r == '\u200d') && i+size < len(s) && wordRuneAt(s, i+size, cjk):
		default:
			return i
		}
		i += size
	}
	return i
}

// scanExtenders returns the end of the combining marks, emoji modifiers and
// zero-width-joined characters that continue the word ending at i.
func scanExtenders(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isExtender(r) {
			break
		}
		i += size
		if r == '\u200d' && i < len(s) {
			if r2, size2 := utf8.DecodeRuneInString(s[i:]); !isSpace(r2) {
				i += size2
			}
		}
	}
	return i
}

// isWordRune reports whether r belongs in a run of letters and digits.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isOwnWord reports whether r is a word by itself: a Han, Hiragana or
// Katakana character in any text, and in Chinese or Japanese also Bopomofo
// and full-width letters and digits.
func isOwnWord(r rune, cjk bool) bool {
	if r < 0x2e80 {
		return false
	}
	if r == 'ー' || r == 'ｰ' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
		return true
	}
	if !cjk {
		return false
	}
	return unicode.Is(unicode.Bopomofo, r) ||
		0xff10 <= r && r <= 0xff19 || 0xff21 <= r && r <= 0xff3a || 0xff41 <= r && r <= 0xff5a
}

// isExtender reports whether r continues the character before it.
func isExtender(r rune) bool {
	return unicode.IsMark(r) || r == '\u200d' ||
		0x1f3fb <= r && r <= 0x1f3ff || // emoji skin-tone modifiers
		0xe0020 <= r && r <= 0xe007f // tag characters (subdivision flags)
}

func isRegional(r rune) bool { return 0x1f1e6 <= r && r <= 0x1f1ff }

// letterAt reports whether s has, at i, a letter that continues a word.
func letterAt(s string, i int, cjk bool) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) && !isOwnWord(r, cjk)
}

// wordRuneAt reports whether s has, at i, a character that continues a word.
func wordRuneAt(s string, i int, cjk bool) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r) && !isOwnWord(r, cjk)
}
