// Package segment does paragraph and sentence segmentation per language: a
// paragraph ends at a blank line; a sentence ends after . ! ? … (or the CJK
// full stops 。！？) and the closing quotes and brackets that follow them, but
// not after an abbreviation, an initial, a German ordinal ("3. Oktober") or
// where the next word starts in lower case. It also tells the furniture of a
// scraped web page (navigation labels, share buttons, cookie notices,
// copyright lines) from the article's text. It is a pure library.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Paragraphs splits text at blank lines (lines of white space only) and
// returns the paragraphs trimmed, without empty ones. CRLF and CR line ends
// count as LF, U+2029 as a blank line; a byte order mark at the start is
// dropped. Line breaks inside a paragraph are kept.
func Paragraphs(text string) []string {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u2029", "\n\n")
	var out []string
	start := 0 // byte offset of the paragraph being read
	for i := 0; i <= len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		if strings.TrimSpace(text[i:end]) == "" {
			if p := strings.TrimSpace(text[start:i]); p != "" {
				out = append(out, p)
			}
			start = end
		}
		i = end + 1
	}
	if start < len(text) {
		if p := strings.TrimSpace(text[start:]); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Sentences splits a paragraph into sentences, each trimmed of white space and
// taken from the paragraph as it is: joined again they give the paragraph
// back, white space apart. lang is a BCP 47 tag ("de", "fr-CA"); it chooses
// the abbreviations and ordinals that a full stop may follow without ending a
// sentence. A sentence ends:
//
//   - after . ! ? … (and runs of them such as ?! or ...) with the closing
//     quotes and brackets that follow, when a breaking space or the end
//     comes next, and the next word does not start in lower case;
//   - after 。！？ with their closing brackets, even with no space after
//     them, except before the Japanese quotative と or って.
//
// A full stop does not end a sentence after an abbreviation of the language
// (Mr., z. B., Sra.), single letters (J. R. R. Tolkien, e.g., U.S.), a German
// ordinal before a month or a noun such as Jahrhundert, or a number of up to
// three digits that opens the sentence (the list item "1. Introduction").
// Numbers (3.5), links and e-mail addresses have no space after their dots
// and so are never split; nor are "…" and "..." after [ or ( (an elision).
func Sentences(lang, paragraph string) []string {
	r := rulesFor(lang)
	p := paragraph
	var out []string
	start := 0
	for i := 0; i < len(p); {
		c, size := utf8.DecodeRuneInString(p[i:])
		if !isTerminator(c) && !isCJKTerminator(c) {
			i += size
			continue
		}
		end, brk := r.boundary(p, start, i)
		if brk {
			if s := strings.TrimSpace(p[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
		i = end
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// boundary looks at the terminator at p[i] in the sentence that began at
// start. It returns where the sentence would end (after the terminators and
// closing marks) and whether it ends there.
func (r *rules) boundary(p string, start, i int) (int, bool) {
	j, n, cjk, dots := i, 0, false, 0
	for j < len(p) {
		c, size := utf8.DecodeRuneInString(p[j:])
		if !isTerminator(c) && !isCJKTerminator(c) {
			break
		}
		cjk = cjk || isCJKTerminator(c)
		if c == '.' {
			dots++
		}
		n++
		j += size
	}
	termEnd := j
	j = skipClosers(p, j)
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
	if cjk && !unicode.IsSpace(next) {
		quoted := end > termEnd
		return end, !(quoted && (next == 'と' || strings.HasPrefix(p[end:], "って")))
	}
	if !breakingSpaceRun(p[end:]) {
		return end, false
	}
	k := skipSpaces(p, end)
	if k == len(p) {
		return end, true
	}
	word := nextWord(p[k:])
	if startsLower(word) {
		return end, false
	}
	if c, _ := utf8.DecodeLastRuneInString(p[:i]); (c == '[' || c == '(') && (dots >= 3 || strings.HasPrefix(p[i:], "…")) {
		return end, false // an elision: […]
	}
	if n == 1 && dots == 1 && end == termEnd && r.keepsDot(tokenBefore(p, start, i), word) {
		return end, false
	}
	return end, true
}

// keepsDot reports whether a full stop after tok does not end the sentence
// when word comes next.
func (r *rules) keepsDot(tok, word string) bool {
	if tok == "" {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(tok); !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return false
	}
	low := strings.ToLower(tok)
	if r.abbrev[low] || common[low] || isInitials(tok) {
		return true
	}
	first, _ := utf8.DecodeRuneInString(word)
	if r.numAbbrev[low] && unicode.IsDigit(first) {
		return true
	}
	return r.ordinal != nil && allDigits(tok) && len(tok) <= 4 && r.ordinal[strings.ToLower(word)]
}

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
		if !unicode.IsSpace(c) {
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
		if !unicode.IsSpace(c) {
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

// tokenBefore returns the word that ends at p[i] (back to a space or the
// sentence start), without opening quotes and brackets.
func tokenBefore(p string, start, i int) string {
	k := i
	for k > start {
		c, size := utf8.DecodeLastRuneInString(p[start:k])
		if unicode.IsSpace(c) {
			break
		}
		k -= size
	}
	return strings.TrimLeftFunc(p[k:i], isOpener)
}

// nextWord returns the word that s starts with, after opening marks.
func nextWord(s string) string {
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
