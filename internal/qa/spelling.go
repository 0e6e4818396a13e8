package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spelling reports the words of the target that the segment's Speller does
// not know, one issue per occurrence, without a fix (the UI asks the speller
// for suggestions). A name copied from the source, such as "Zelenskyy" or
// "iPhone", is not reported; a lower-case word copied from the source still is,
// since it may have been left untranslated.

func init() {
	register("spelling", spellCheck)
}

func spellCheck(s *Segment) []Issue {
	if s.Speller == nil || s.Target == "" {
		return nil
	}
	var issues []Issue
	t := s.Target
	for _, w := range s.Speller.Unknown(t) {
		if w.Start < 0 || w.End > len(t) || w.Start >= w.End ||
			!utf8.RuneStart(t[w.Start]) || w.End < len(t) && !utf8.RuneStart(t[w.End]) {
			continue // a speller's bad span: never point outside the word
		}
		word := t[w.Start:w.End]
		if spellFromSource(word, s.Source) {
			continue
		}
		issues = append(issues, issue("spelling", Warning, w.Start, w.End, "word", word))
	}
	return issues
}

// spellFromSource says whether word has a capital letter and stands as a
// whole word in the source: a name that the translation keeps as it is.
func spellFromSource(word, source string) bool {
	if source == "" || strings.IndexFunc(word, unicode.IsUpper) < 0 {
		return false
	}
	for from := 0; from < len(source); {
		i := strings.Index(source[from:], word)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(word)
		before, _ := utf8.DecodeLastRuneInString(source[:i])
		after, _ := utf8.DecodeRuneInString(source[j:])
		if (i == 0 || !spellWordRune(before)) && (j == len(source) || !spellWordRune(after)) {
			return true
		}
		from = i + 1
	}
	return false
}

func spellWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
