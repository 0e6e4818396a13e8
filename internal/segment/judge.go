package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// boundary judges the candidate s in p, the text of a paragraph without its
// tag tokens, in the sentence that began at start. It returns where the
// sentence would end (after the terminators and closing marks) and whether it
// ends there.
func (r *rules) boundary(p string, start int, s site) (int, bool) {
	i, termEnd := s.i, s.termEnd
	cjk, dots, n := false, 0, 0
	for _, c := range p[i:termEnd] {
		cjk = cjk || isCJKTerminator(c)
		if c == '.' {
			dots++
		}
		n++
	}
	j := skipClosers(p, termEnd)
	// « Oui. » : French closing quotes come after a space.
	if k := skipSpaces(p, j); k < len(p) && k > j {
		if c, size := utf8.DecodeRuneInString(p[k:]); (c == '»' && openQuote(p[start:i], '«', '»')) ||
			(c == '›' && openQuote(p[start:i], '‹', '›')) {
			j = skipClosers(p, k+size)
		}
	}
	end := j
	if end == len(p) {
		return end, true
	}
	if !hasWordChar(p[start:i]) || isListNumber(p[start:i]) {
		return end, false
	}
	next, _ := utf8.DecodeRuneInString(p[end:])
	if cjk && !isSpace(next) {
		quoted := end > termEnd
		return end, !(quoted && (next == 'と' || strings.HasPrefix(p[end:], "って")))
	}
	if !breakingSpaceRun(p[end:]) {
		return end, false // 3.5, example.com, a.m., "Yes!", she said: no space, no end
	}
	k := skipSpaces(p, end)
	if k == len(p) {
		return end, true
	}
	word := r.nextWord(p[k:])
	if startsLower(word) {
		return end, false
	}
	if c, _ := utf8.DecodeLastRuneInString(p[:i]); (c == '[' || c == '(') && (dots >= 3 || strings.HasPrefix(p[i:], "…")) {
		return end, false // an elision: […]
	}
	if n == 1 && dots == 1 && end == termEnd && r.keepsDot(p, start, i, word) {
		return end, false
	}
	return end, true
}

// keepsDot reports whether the full stop at p[i] does not end the sentence
// that began at start when word comes next.
func (r *rules) keepsDot(p string, start, i int, word string) bool {
	tok, tokStart := tokenBefore(p, start, i)
	if tok == "" {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(tok); !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return false
	}
	low := strings.ToLower(tok)
	if r.abbrev[low] || common[low] {
		return true
	}
	if isInitials(tok) {
		// "22 h. Les": a single lower-case letter after a number is a unit.
		return !(utf8.RuneCountInString(tok) == 1 && unicode.IsLower([]rune(tok)[0]) &&
			isNumber(wordBefore(p, start, tokStart)))
	}
	first, _ := utf8.DecodeRuneInString(word)
	if r.numAbbrev[low] && unicode.IsDigit(first) {
		return true
	}
	return r.ordinal != nil && allDigits(tok) && len(tok) <= 4 && r.ordinal[strings.ToLower(word)]
}

// tokenBefore returns the word that ends at p[i] (back to a space or the
// sentence start) and where it starts, without opening quotes and brackets,
// without an elided article ("l'avv" → "avv") and without the CJK or Hangul
// text that runs into a Latin abbreviation with no space ("米国のU.S" → "U.S").
func tokenBefore(p string, start, i int) (string, int) {
	k := i
	for k > start {
		c, size := utf8.DecodeLastRuneInString(p[start:k])
		if isSpace(c) || isUncased(c) {
			break
		}
		k -= size
	}
	for k < i {
		c, size := utf8.DecodeRuneInString(p[k:])
		if !isOpener(c) {
			break
		}
		k += size
	}
	if a := strings.LastIndexAny(p[k:i], "'’"); a > 0 && a <= 5 && !strings.ContainsFunc(p[k:k+a], notLower) {
		_, size := utf8.DecodeRuneInString(p[k+a:])
		if utf8.RuneCountInString(p[k+a+size:i]) >= 2 {
			k += a + size
		}
	}
	return p[k:i], k
}

func notLower(c rune) bool { return !unicode.IsLower(c) }

// wordBefore returns the white-space delimited word that ends before the
// white space before p[k], inside the sentence that began at start.
func wordBefore(p string, start, k int) string {
	j := k
	for j > start {
		c, size := utf8.DecodeLastRuneInString(p[start:j])
		if !isSpace(c) {
			break
		}
		j -= size
	}
	if j == k {
		return ""
	}
	b := j
	for b > start {
		c, size := utf8.DecodeLastRuneInString(p[start:b])
		if isSpace(c) {
			break
		}
		b -= size
	}
	return p[b:j]
}

// nextWord returns the word that s starts with, after opening marks. In
// Dutch the clitics 's and 't are skipped: "'s Avonds" opens a sentence with
// its second word.
func (r *rules) nextWord(s string) string {
	for _, cl := range r.clitics {
		if rest, ok := strings.CutPrefix(s, cl); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "-")) {
			s = strings.TrimLeft(rest, " -")
			break
		}
	}
	s = strings.TrimLeftFunc(s, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsSpace(c)
	})
	end := strings.IndexFunc(s, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsMark(c)
	})
	if end < 0 {
		return s
	}
	return s[:end]
}
