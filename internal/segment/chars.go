package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isTerminator reports whether c may end a sentence when a space follows.
func isTerminator(c rune) bool {
	switch c {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '؟', '।':
		return true
	}
	return false
}

// isCJKTerminator reports whether c ends a sentence with or without a space.
func isCJKTerminator(c rune) bool {
	switch c {
	case '。', '！', '？', '｡':
		return true
	}
	return false
}

// isOtherTerminator reports whether c, found before a UAX #29 boundary, may
// be a terminator of another script (։ ። ۔ ꓿): punctuation that neither
// opens, closes nor joins.
func isOtherTerminator(c rune) bool {
	return unicode.IsPunct(c) && !isCloser(c) && !isOpener(c) &&
		!strings.ContainsRune(",;:、，；：‐‑–—·・/\\&@#%*_~'\"§¶†‡", c)
}

// isCloser reports whether c closes a quotation or bracket right after a
// terminator ("Yes." / „Nein!“ / »Ja.« / 「はい。」).
func isCloser(c rune) bool {
	return strings.ContainsRune("\"'”’“‘»«›‹)]}」』）】〉》〕〗〙〛］｝＂＇", c)
}

// isOpener reports whether c opens a word from the outside: quotes,
// brackets, Spanish ¿ ¡, dashes of dialogue.
func isOpener(c rune) bool {
	return strings.ContainsRune("\"'“‘„‚«»‹›([{「『（【〈《〔［｛¿¡—–-*", c)
}

func isSpace(c rune) bool { return unicode.IsSpace(c) }

// isLineBreak reports whether c ends a line (a UAX #29 paragraph separator).
func isLineBreak(c rune) bool {
	return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'
}

// isUncased reports whether c is of a script written without spaces between
// words, in which a Latin abbreviation may follow with no space ("米国のU.S.").
func isUncased(c rune) bool {
	return unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func skipClosers(p string, j int) int {
	for j < len(p) {
		c, size := utf8.DecodeRuneInString(p[j:])
		if !isCloser(c) {
			break
		}
		j += size
	}
	return j
}

func skipSpaces(p string, j int) int {
	for j < len(p) {
		c, size := utf8.DecodeRuneInString(p[j:])
		if !isSpace(c) {
			break
		}
		j += size
	}
	return j
}

// skipTerminators returns the end of the run of terminators at p[j].
func skipTerminators(p string, j int) int {
	for j < len(p) {
		c, size := utf8.DecodeRuneInString(p[j:])
		if !isTerminator(c) && !isCJKTerminator(c) {
			break
		}
		j += size
	}
	return j
}

// breakingSpaceRun reports whether s starts with white space of which at
// least one character is not a no-break space ("p.\u00A05" stays together).
func breakingSpaceRun(s string) bool {
	for _, c := range s {
		if !isSpace(c) {
			return false
		}
		if c != '\u00A0' && c != '\u202F' && c != '\u2007' {
			return true
		}
	}
	return false
}

// openQuote reports whether s has more opening marks than closing ones.
func openQuote(s string, open, close rune) bool {
	return strings.Count(s, string(open)) > strings.Count(s, string(close))
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) >= 0
}

// isListNumber reports whether s, the sentence so far, is only a number: the
// "1" of a numbered paragraph "1. Introduction".
func isListNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && len(s) <= 3 && allDigits(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isNumber reports whether s is a number or a time: digits with . , or :
// between them ("22", "23.40", "1,5", "18:30").
func isNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && !strings.ContainsRune(".,:", rune(s[i])) {
			return false
		}
	}
	return true
}

// startsLower reports whether word starts with a lower-case letter and has no
// capital further on (iPhone and eBay may open a sentence).
func startsLower(word string) bool {
	first, _ := utf8.DecodeRuneInString(word)
	return unicode.IsLower(first) && strings.IndexFunc(word, unicode.IsUpper) < 0
}

// isInitials reports whether tok is single letters joined by full stops
// (J, U.S, e.g, J.-C) in a script with case.
func isInitials(tok string) bool {
	for part := range strings.SplitSeq(tok, ".") {
		part = strings.TrimPrefix(part, "-")
		c, size := utf8.DecodeRuneInString(part)
		if size != len(part) || !(unicode.IsUpper(c) || unicode.IsLower(c)) {
			return false
		}
	}
	return true
}
