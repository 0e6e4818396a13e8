package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// contAsks lists Spanish words that open a question or exclamation after a
// comma ("Y tú, ¿qué piensas?", "Es caro, ¿verdad?").
var contAsks = abbrev("qué quién quiénes cómo cuándo dónde adónde cuál cuáles cuánto cuánta " +
	"cuántos cuántas verdad no eh cierto vale acaso sí")

// contPreps lists prepositions that may come before such a word ("a qué").
var contPreps = abbrev("a de en por para con desde hasta sobre")

func contInverted(s *Segment) []Issue {
	t := s.Target
	if !s.Tgt.Inverted || strings.IndexAny(t, "?!") < 0 {
		return nil
	}
	var out []Issue
	start, opened := 0, false
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		switch {
		case r == '¿' || r == '¡':
			opened = true
		case r == '?' || r == '!':
			j := i
			for j < len(t) && (t[j] == '?' || t[j] == '!') {
				j++
			}
			next, _ := utf8.DecodeRuneInString(t[j:])
			prev, _ := utf8.DecodeLastRuneInString(t[:i])
			if unicode.IsLetter(next) || unicode.IsDigit(next) || next == '=' || prev == '(' {
				i = j // a URL's query, "(?)"
				continue
			}
			if !opened {
				m := "¡"
				if r == '?' {
					m = "¿"
				}
				at := contClauseStart(t, start, i)
				out = append(out, withFix(issue("inverted-punct", Error, at, at, "expected", m), m))
			}
			start, opened, i = j, false, j
			continue
		case r == '.' || r == '…':
			next, _ := utf8.DecodeRuneInString(t[i+n:])
			if (i+n == len(t) || contIsSpace(next)) && !contAbbrev(t, i, s.Tgt) {
				start, opened = i+n, false
			}
		}
		i += n
	}
	return out
}

// contClauseStart finds where the question or exclamation that ends at end
// begins: after a colon, semicolon, opening quote or dash, after a comma that
// an interrogative word follows, else at the start of the sentence.
func contClauseStart(t string, start, end int) int {
	at, saved := start, start
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(t[i:])
		prev, _ := utf8.DecodeLastRuneInString(t[:i])
		next, _ := utf8.DecodeRuneInString(t[i+n:])
		switch {
		case r == ':' && unicode.IsDigit(prev) && unicode.IsDigit(next):
		case r == ':' || r == ';' || r == '—' && i > start:
			at = i + n
		case r == '«' || r == '“' || r == '(' || r == '"' && (i == 0 || contIsSpace(prev)):
			saved, at = at, i+n
		case r == '»' || r == '”' || r == ')' || r == '"':
			at = saved
		case r == ',':
			if contAsksAt(t[i+n : end]) {
				at = i + n
			}
		}
		i += n
	}
	for at < end {
		r, n := utf8.DecodeRuneInString(t[at:])
		if !contIsSpace(r) && !contIsOpener(r) && !contIsDash(r) {
			break
		}
		at += n
	}
	return at
}

// contAsksAt reports whether text begins with an interrogative word, maybe
// after a preposition.
func contAsksAt(text string) bool {
	w, rest := contFirstWord(text)
	if contInSet(contAsks, w) {
		return true
	}
	if contInSet(contPreps, w) {
		w, _ = contFirstWord(rest)
		return contInSet(contAsks, w) && w != "no" && w != "sí"
	}
	return false
}

// contFirstWord returns the first run of letters in text and what follows it.
func contFirstWord(text string) (string, string) {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			break
		}
		if !contIsSpace(r) {
			return "", text
		}
		i += n
	}
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		j += n
	}
	return text[i:j], text[j:]
}
