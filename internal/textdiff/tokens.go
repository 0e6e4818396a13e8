package textdiff

import (
	"unicode"
	"unicode/utf8"
)

const (
	zwnj = '\u200c' // zero-width non-joiner, inside Persian and Indic words
	zwj  = '\u200d' // zero-width joiner, inside words and emoji sequences
)

// tokenize cuts s into tokens and returns their boundaries: token k is
// s[b[k]:b[k+1]], b[0] is 0 and the last boundary is len(s).
//
// A token is one of:
//   - a word: a run of letters, digits and marks, keeping an apostrophe
//     (' or ’) or hyphen between two letters inside ("don't", "l’année",
//     "well-known") and a zero-width (non-)joiner before a letter;
//   - a run of whitespace;
//   - one Han, Hiragana or Katakana character, as those scripts have no spaces;
//   - any other single character (punctuation, quote, symbol, emoji).
//
// Combining marks, variation selectors, emoji modifiers and zero-width-joined
// sequences stay with the character before them, and a pair of regional
// indicators (a flag) is one token, so a token never splits what a reader
// sees as one character.
func tokenize(s string) []int {
	bounds := make([]int, 1, len(s)/3+2)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			i = scanSpace(s, i)
		case isWordRune(r):
			i = scanExtenders(s, scanWord(s, i, unicode.IsLetter(r)))
		default:
			if isRegional(r) {
				if r2, size2 := utf8.DecodeRuneInString(s[i:]); isRegional(r2) {
					i += size2
				}
			}
			i = scanExtenders(s, i)
		}
		bounds = append(bounds, i)
	}
	return bounds
}

// scanSpace returns the end of the whitespace run that continues at i.
func scanSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// scanWord returns the end of the word that continues at i; letter says
// whether the last base character read so far is a letter.
func scanWord(s string, i int, letter bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			if !unicode.IsMark(r) {
				letter = unicode.IsLetter(r)
			}
		case (isApostrophe(r) || isHyphen(r)) && letter && letterAt(s, i+size):
		case (r == zwnj || r == zwj) && wordAt(s, i+size):
		default:
			return i
		}
		i += size
	}
	return i
}

// scanExtenders returns the end of the marks, modifiers and zero-width-joined
// characters that continue the token ending at i.
func scanExtenders(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isExtender(r) {
			break
		}
		i += size
		if r == zwj && i < len(s) {
			if r2, size2 := utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r2) {
				i += size2
			}
		}
	}
	return i
}

// isWordRune reports whether r belongs in a word run.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !isIdeograph(r)
}

// isIdeograph reports whether r is written without spaces between words and
// so is a token by itself: Han, Hiragana, Katakana and the Katakana-Hiragana
// prolonged sound mark. Hangul is spaced and counts as letters.
func isIdeograph(r rune) bool {
	if r < 0x2e80 {
		return false
	}
	return r == 'ー' || r == 'ｰ' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// isExtender reports whether r continues the character before it.
func isExtender(r rune) bool {
	return unicode.IsMark(r) || r == zwj ||
		0x1f3fb <= r && r <= 0x1f3ff || // emoji skin-tone modifiers
		0xe0020 <= r && r <= 0xe007f // tag characters (subdivision flags)
}

func isRegional(r rune) bool { return 0x1f1e6 <= r && r <= 0x1f1ff }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// letterAt reports whether s has a spaced-script letter at i.
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) && !isIdeograph(r)
}

// wordAt reports whether s has a word character at i.
func wordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// Tokens returns the tokens of s as the word diff cuts them (see tokenize),
// white-space runs included, so that other measures of words count the same
// words the diff shows.
func Tokens(s string) []string {
	b := tokenize(s)
	out := make([]string, len(b)-1)
	for k := range out {
		out[k] = s[b[k]:b[k+1]]
	}
	return out
}
