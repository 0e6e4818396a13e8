package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// contOrdinalDot lists languages that write ordinals with a full stop ("3. Mai").
var contOrdinalDot = abbrev("de da nb nn no fi cs sk pl hu tr sl hr sr bs et lv lt is fo")

func contSentenceCase(s *Segment) []Issue {
	t := s.Target
	if !s.Tgt.Cased || t == "" {
		return nil
	}
	var out []Issue
	lang := ""
	if k := contSkipStart(t, 0); !contStartsLower(s.Source) && !strings.HasPrefix(t[k:], "…") && !strings.HasPrefix(t[k:], "..") {
		lang = contBase(s.TargetLang)
		out = contCaseAt(s, k, lang, out)
	}
	asks := -1 // whether a question may go on in lower case; -1 unknown
	cands := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i
		for j < len(t) && (t[j] == '.' || t[j] == '?' || t[j] == '!') {
			j++
		}
		run, dot := t[i:j], i
		i = j - 1
		if next, _ := utf8.DecodeRuneInString(t[j:]); !contIsSpace(next) || strings.Contains(run, "..") {
			continue
		}
		k := j
		for k < len(t) {
			r, n := utf8.DecodeRuneInString(t[k:])
			if !contIsSpace(r) {
				break
			}
			k += n
		}
		if r, _ := utf8.DecodeRuneInString(t[k:]); contIsCloser(r) && !contIsOpener(r) || contIsDash(r) {
			continue // « Quoi ? » demanda-t-il; ¿Vienes? —preguntó
		}
		if lang == "" {
			lang = contBase(s.TargetLang)
		}
		if run == "." {
			tok := t[contTokenStart(t, dot):dot]
			if contAbbrev(t, dot, s.Tgt) || contAbbrev(t, dot, s.Src) ||
				contOrdinalDot[lang] && tok != "" && strings.Trim(tok, "0123456789") == "" {
				continue
			}
		} else {
			if asks < 0 {
				asks = contAsksGoOn(s)
			}
			if asks == 1 {
				continue
			}
		}
		if cands++; cands > contMaxCandidates {
			break
		}
		out = contCaseAt(s, contSkipStart(t, k), lang, out)
	}
	return out
}

// contAsksGoOn returns 1 when a question or exclamation may be followed by a
// lower-case word: the source does so ("Really?" he asked), or has no case.
func contAsksGoOn(s *Segment) int {
	src := s.Source
	cased := false
	for i, r := range src {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			cased = true
		}
		if r != '?' && r != '!' {
			continue
		}
		for _, r2 := range src[i+1:] {
			if unicode.IsLower(r2) {
				return 1
			}
			if !contIsSpace(r2) && !contIsCloser(r2) && r2 != '?' && r2 != '!' && !contIsDash(r2) {
				break
			}
		}
	}
	if !cased {
		return 1
	}
	return 0
}

// contSkipStart skips spaces, opening marks, list bullets and tags at t[i:].
func contSkipStart(t string, i int) int {
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == '<' {
			if e := strings.IndexByte(t[i:], '>'); e > 1 && (t[i+1] == '/' || unicode.IsLetter(rune(t[i+1]))) {
				i += e + 1
				continue
			}
		}
		if !contIsSpace(r) && !contIsOpener(r) && !contIsDash(r) {
			break
		}
		i += n
	}
	return i
}

// contStartsLower reports whether text begins with a lower-case letter.
func contStartsLower(text string) bool {
	k := contSkipStart(text, 0)
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLower(r) || r == '…' || strings.HasPrefix(text[k:], "..")
}

// contCaseAt adds an issue when the word at t[k:] should start with a capital.
func contCaseAt(s *Segment, k int, lang string, out []Issue) []Issue {
	t := s.Target
	r, n := utf8.DecodeRuneInString(t[k:])
	if !unicode.IsLower(r) {
		return out
	}
	up := unicode.ToTitle(r)
	if lang == "tr" || lang == "az" {
		up = unicode.TurkishCase.ToTitle(r)
	}
	if up == r {
		return out
	}
	e, word := k, k // e: end of the token up to a space; word: end of the letters
	for e < len(t) {
		r2, n2 := utf8.DecodeRuneInString(t[e:])
		if contIsSpace(r2) {
			break
		}
		if word == e && (unicode.IsLetter(r2) || unicode.IsMark(r2)) {
			word += n2
		}
		e += n2
	}
	tok := strings.TrimRightFunc(t[k:e], func(r rune) bool { return contMarkClass(r) != 0 || contIsCloser(r) || r == ',' || r == ';' })
	w := t[k:word]
	if k > 0 && (t[k-1] == '\'' || strings.HasSuffix(t[:k], "’")) && len(w) == 1 && len(tok) == 1 {
		return out // Dutch 's, 't
	}
	rest := tok[n:]
	if el := strings.IndexAny(tok, "'’"); el > 0 && el <= 4 {
		rest = tok[n:el] // l'Europe, dell'Unione: only the elided word counts
	}
	if strings.ContainsFunc(rest, func(r rune) bool {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(".@/_:#&+=", r)
	}) {
		return out // iPhone, eBay, bol.com, x86: a name or code
	}
	if word < len(t) && (t[word] == ')' || t[word] == '.' && utf8.RuneCountInString(w) == 1) {
		return out // a list item: "a) …", "b. …"
	}
	if s.Source != "" && (utf8.RuneCountInString(w) >= 4 && contHasWord(s.Source, w) ||
		contHasWord(s.Source, contNextWord(t, k))) {
		return out // lower case in the source too: adidas, de Gaulle
	}
	return append(out, withFix(issue("sentence-case", Error, k, k+n, "word", w), string(up)))
}

// contNextWord returns the word at t[k:] with the word after it when that
// one is a capitalised name ("de Gaulle"), or "".
func contNextWord(t string, k int) string {
	sp := strings.IndexByte(t[k:], ' ')
	if r, _ := utf8.DecodeRuneInString(t[k+sp+1:]); sp < 0 || !unicode.IsUpper(r) {
		return ""
	}
	e := k + sp + 1
	for e < len(t) {
		r, n := utf8.DecodeRuneInString(t[e:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		e += n
	}
	return t[k:e]
}

// contHasWord reports whether text holds w as a whole word, case and all.
func contHasWord(text, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		from = i + len(w)
	}
}

// contDoubles lists words that a language may rightly write twice in a row,
// per language ("" for all).
var contDoubles = map[string]map[string]bool{
	"":   abbrev("ha haha ah oh eh bla blah bye chop tut hip knock pom tam tom tsk cha ciao"),
	"en": abbrev("had that is do so no yes yeah"),
	"fr": abbrev("nous vous si non oui"),
	"de": abbrev("die der das dem den des sie ihr es"),
	"nl": abbrev("die dat haar"),
	"es": abbrev("no sí ya"),
	"it": abbrev("piano quasi così no sì bene via"),
	"pt": abbrev("já sim não"),
}

// contWordASCII marks the ASCII letters and digits.
var contWordASCII = func() (a [utf8.RuneSelf]bool) {
	for c := range a {
		a[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return a
}()

// contIsWordRune reports letters, marks and digits.
func contIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && contWordASCII[r]
	}
	return contIsWordSlow(r)
}

func contIsWordSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

func contRepeated(s *Segment) []Issue {
	t := s.Target
	var out []Issue
	ps, pe, spaced := -1, -1, false
	seen, srcLow := 0, ""
	for i := 0; i < len(t); {
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:])
		}
		if !contIsWordRune(r) {
			spaced = spaced && (r == ' ' || contIsSpace(r))
			i += n
			continue
		}
		ws := i
		for i < len(t) {
			r, n = rune(t[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(t[i:])
			}
			if !contIsWordRune(r) {
				if r != '\'' && r != '’' && r != '-' {
					break
				}
				if r2, _ := utf8.DecodeRuneInString(t[i+n:]); !contIsWordRune(r2) {
					break
				}
			}
			i += n
		}
		if spaced && ps >= 0 && pe-ps == i-ws && strings.EqualFold(t[ps:pe], t[ws:i]) {
			if seen++; seen > contMaxCandidates {
				break
			}
			if !contDoubleOK(s, t[ps:pe], t[ws:i], &srcLow) {
				out = append(out, withFix(issue("repeated-word", Error, pe, i, "word", t[ws:i]), ""))
			}
		}
		ps, pe, spaced = ws, i, true
	}
	return out
}

// contDoubleOK reports whether the word a written twice (a b) may be right:
// a number, a double of the language, a name (Bora Bora), a Korean
// reduplication (빨리 빨리), or a double the source has too; srcLow caches
// the source in lower case.
func contDoubleOK(s *Segment, a, b string, srcLow *string) bool {
	if !strings.ContainsFunc(a, unicode.IsLetter) {
		return true
	}
	r1, _ := utf8.DecodeRuneInString(a)
	r2, _ := utf8.DecodeRuneInString(b)
	if unicode.IsUpper(r1) && unicode.IsUpper(r2) && strings.ContainsFunc(a, unicode.IsLower) &&
		strings.ContainsFunc(b, unicode.IsLower) && utf8.RuneCountInString(a) >= 3 {
		return true
	}
	if unicode.Is(unicode.Hangul, r1) && utf8.RuneCountInString(a) >= 2 {
		return true
	}
	if contInSet(contDoubles[""], a) || contInSet(contDoubles[contBase(s.TargetLang)], a) {
		return true
	}
	if *srcLow == "" {
		*srcLow = strings.ToLower(s.Source)
	}
	low := strings.ToLower(a)
	return strings.Contains(*srcLow, low+" "+low)
}
