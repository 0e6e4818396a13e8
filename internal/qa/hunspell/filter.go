package hunspell

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/internal/qa"
)

// keep trims the unknown token text[start:end] to its letters and says
// whether it is worth reporting: numbers, words with digits, abbreviations,
// links, e-mail addresses, handles, words of another script, elided forms
// ("dell’" in Italian), upper-case acronyms and the project's words are not.
func (s *speller) keep(text string, start, end int) (qa.Word, bool) {
	// hunspell's word characters include . - ' in some languages: "Pariss."
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += n
	}
	for start < end {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if isWordRune(r) {
			break
		}
		end -= n
	}
	if start >= end {
		return qa.Word{}, false
	}
	w := text[start:end]
	if strings.ContainsRune(w, '.') || touchesFormat(text, start, end) || hasDigit(w) || !s.ownScript(w) ||
		inLink(text, start, end) || elided(text, w, end) {
		return qa.Word{}, false
	}
	core := coreWord(w)
	if s.pool.known[w] || s.pool.known[core] || acronym(core) {
		return qa.Word{}, false
	}
	return qa.Word{Text: w, Start: start, End: end}, true
}

// touchesFormat says whether an invisible character (soft hyphen, zero-width
// space or joiner) is in the word or next to it: hunspell splits words there.
func touchesFormat(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return unicode.Is(unicode.Cf, before) || unicode.Is(unicode.Cf, after) ||
		strings.IndexFunc(text[start:end], func(r rune) bool { return unicode.Is(unicode.Cf, r) }) >= 0
}

func hasDigit(w string) bool {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// ownScript says whether every letter of w is of the dictionary's script
// (Latin or not): a Cyrillic or Chinese name in a French text is not a slip.
func (s *speller) ownScript(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && unicode.Is(unicode.Latin, r) != s.latin {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// elided says whether w, of at most five letters, is directly followed by an
// apostrophe and a letter: an elided article or preposition ("dell’anno",
// "quest’anno") that some dictionaries only know with the word after it.
func elided(text, w string, end int) bool {
	if utf8.RuneCountInString(w) > 5 {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[end:])
	if !isApostrophe(r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[end+n:])
	return unicode.IsLetter(next)
}

// coreWord strips a possessive ("’s") and an elided prefix ("l’", "dell’").
func coreWord(w string) string {
	for _, suffix := range []string{"'s", "’s", "ʼs"} {
		if s, ok := strings.CutSuffix(w, suffix); ok && s != "" {
			w = s
			break
		}
	}
	if i := strings.IndexFunc(w, isApostrophe); i > 0 && utf8.RuneCountInString(w[:i]) <= 5 {
		_, n := utf8.DecodeRuneInString(w[i:])
		if rest := w[i+n:]; rest != "" && strings.IndexFunc(rest, isApostrophe) < 0 {
			return rest
		}
	}
	return w
}

// acronym says whether w is in upper case, such as "NATO", "CEOs", "UE-ONU".
func acronym(w string) bool {
	upper := 0
	for _, part := range strings.Split(w, "-") {
		rs := []rune(part)
		if len(rs) >= 3 && rs[len(rs)-1] == 's' {
			rs = rs[:len(rs)-1] // a plural: "CEOs"
		}
		if len(rs) == 0 {
			return false
		}
		for _, r := range rs {
			if !unicode.IsUpper(r) {
				return false
			}
		}
		upper += len(rs)
	}
	return upper >= 2
}

// inLink says whether text[start:end] is part of a link, an e-mail address,
// a path, a handle or a hashtag: the run of non-space characters around it.
func inLink(text string, start, end int) bool {
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += n
	}
	run := strings.TrimFunc(text[start:end], func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '@' && r != '#' && r != '/' && r != '~'
	})
	if run == "" {
		return false
	}
	lower := strings.ToLower(run)
	switch {
	case strings.Contains(run, "://"), strings.HasPrefix(lower, "www."),
		strings.ContainsRune(run, '@'), run[0] == '#', run[0] == '/', run[0] == '~':
		return true
	case strings.ContainsAny(run, "/\\") && strings.ContainsAny(run, ".:"):
		return true
	}
	return isDomain(run)
}

// isDomain says whether s starts with a host name such as "insee.fr" or
// "news.example.co.uk": lower-case ASCII labels and a top-level label of letters.
func isDomain(s string) bool {
	host, _, _ := strings.Cut(s, "/")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return false
	}
	tld := host[dot+1:]
	if len(tld) < 2 || len(tld) > 24 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if tld[i] < 'a' || tld[i] > 'z' {
			return false
		}
	}
	for i := 0; i < dot; i++ {
		c := host[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}
