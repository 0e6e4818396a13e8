package qa

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What the target says compared with the source: untranslated (the source
// left as it was), empty-target, glossary (a required term missing) and
// length-ratio (a translation much longer or shorter than the language pair
// makes likely, a hint of something left out or made up).

func init() {
	register("untranslated", contUntranslated)
	register("empty-target", contEmpty)
	register("glossary", contGlossary)
	register("length-ratio", contLength)
}

func contBlank(t string) bool { return strings.TrimFunc(t, contIsSpace) == "" }

func contEmpty(s *Segment) []Issue {
	if !s.HasSource || contBlank(s.Source) || !contBlank(s.Target) {
		return nil
	}
	return []Issue{issue("empty-target", Error, 0, len(s.Target))}
}

// contFolder walks the letters and digits of a text, lower case, so that two
// texts that differ only in spaces, case and punctuation compare equal.
type contFolder struct {
	t string
	i int
}

func (f *contFolder) next() rune {
	for f.i < len(f.t) {
		r, n := utf8.DecodeRuneInString(f.t[f.i:])
		f.i += n
		if contIsWordRune(r) {
			return unicode.ToLower(r)
		}
	}
	return -1
}

func contSameText(a, b string) bool {
	fa, fb := contFolder{t: a}, contFolder{t: b}
	for {
		x, y := fa.next(), fb.next()
		if x != y {
			return false
		}
		if x < 0 {
			return true
		}
	}
}

// contWords counts the words of t outside URLs, tags and placeholders, and
// those that start in lower case or are in a script without case; a run of
// Chinese or Japanese characters counts one word for two characters.
func contWords(t string) (words, common int) {
	var mb [8][2]int
	masked := contMasked(t, &mb)
	for i := 0; i < len(t); {
		if m := contInSpans(masked, i); m >= 0 {
			i = m
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			chars := 0
			for i < len(t) {
				r, n = utf8.DecodeRuneInString(t[i:])
				if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
					break
				}
				chars, i = chars+1, i+n
			}
			words, common = words+(chars+1)/2, common+(chars+1)/2
			continue
		}
		words++
		if !unicode.IsUpper(r) && !unicode.IsTitle(r) {
			common++
		}
		for i < len(t) {
			r, n = utf8.DecodeRuneInString(t[i:])
			if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-' {
				break
			}
			i += n
		}
	}
	return words, common
}

func contUntranslated(s *Segment) []Issue {
	if !s.HasSource || s.SourceLang == "" || s.TargetLang == "" || contBlank(s.Target) ||
		contBase(s.SourceLang) == contBase(s.TargetLang) || !contSameText(s.Source, s.Target) {
		return nil
	}
	words, common := contWords(s.Target)
	if words <= 1 || common == 0 && words <= 5 {
		return nil // a word like "Internet", a name, a credit line
	}
	return []Issue{issue("untranslated", Warning, 0, len(s.Target))}
}

func contLength(s *Segment) []Issue {
	if !s.HasSource || contBlank(s.Target) || s.Src.Ratio <= 0 || s.Tgt.Ratio <= 0 {
		return nil
	}
	src := utf8.RuneCountInString(strings.TrimSpace(s.Source))
	if src < 20 {
		return nil
	}
	expected := float64(src) * s.Tgt.Ratio / s.Src.Ratio
	r := float64(utf8.RuneCountInString(strings.TrimSpace(s.Target))) / expected
	if r >= 0.4 && r <= 2.5 {
		return nil
	}
	return []Issue{issue("length-ratio", Warning, 0, len(s.Target), "ratio", strconv.FormatFloat(r, 'f', 1, 64))}
}

// contNoBounds reports scripts written without spaces between words, where a
// term needs no word boundary.
func contNoBounds(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// contBounded reports whether t[i:j] stands as a word: no letter or digit
// joins it before, nor after unless after is false (a target term may take
// an ending: "banque" in "banques"). Korean endings always may follow.
func contBounded(t string, i, j int, after bool) bool {
	first, _ := utf8.DecodeRuneInString(t[i:])
	last, _ := utf8.DecodeLastRuneInString(t[:j])
	before, _ := utf8.DecodeLastRuneInString(t[:i])
	next, _ := utf8.DecodeRuneInString(t[j:])
	if i > 0 && !contNoBounds(first) && contIsWordRune(before) && contIsWordRune(first) && contIsCJK(before) == contIsCJK(first) {
		return false
	}
	return !after || j == len(t) || contNoBounds(last) || unicode.Is(unicode.Hangul, last) ||
		!(contIsWordRune(next) && contIsWordRune(last) && contIsCJK(next) == contIsCJK(last))
}

// contIsCJK reports Chinese, Japanese and Korean letters, which end a Latin
// word written next to them (NATOは, Google은).
func contIsCJK(r rune) bool { return r >= 0x1100 && contIsCJKSlow(r) }

func contIsCJKSlow(r rune) bool { return contNoBounds(r) || unicode.Is(unicode.Hangul, r) }

// contWordKeys hashes the words of a lower-case text, so that a term whose
// first word is not among them is passed over fast; nil when there are too
// many words to keep.
func contWordKeys(t string, buf *[96]uint64) []uint64 {
	keys := buf[:0]
	for i := 0; i < len(t); {
		k, e := contWordKey(t, i)
		if e < 0 {
			break
		}
		if len(keys) == len(buf) {
			return nil
		}
		keys, i = append(keys, k), e
	}
	return keys
}

// contWordKey hashes the first word of t[i:] and returns where it ends, or
// -1 when there is none.
func contWordKey(t string, i int) (uint64, int) {
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if contIsWordRune(r) {
			break
		}
		i += n
	}
	if i == len(t) {
		return 0, -1
	}
	h := uint64(14695981039346656037)
	first, _ := utf8.DecodeRuneInString(t[i:])
	cjk := contIsCJK(first)
	for i < len(t) {
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:])
		}
		if !contIsWordRune(r) || contIsCJK(r) != cjk {
			break
		}
		h = (h ^ uint64(r)) * 1099511628211
		i += n
	}
	return h, i
}

func contHasUpper(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && strings.IndexFunc(t[i:], unicode.IsUpper) >= 0 {
			return true
		} else if c >= utf8.RuneSelf {
			return false
		}
	}
	return false
}

func contHasKey(keys []uint64, k uint64) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// contFind returns the first place of term in t as a word, or -1; fold
// ignores case.
func contFind(t, term string, fold, after bool) int {
	for i := 0; i+len(term) <= len(t); {
		var k int
		if fold {
			k = contIndexFold(t, term, i)
		} else if k = strings.Index(t[i:], term); k >= 0 {
			k += i
		}
		if k < 0 {
			return -1
		}
		if contBounded(t, k, k+len(term), after) {
			return k
		}
		_, n := utf8.DecodeRuneInString(t[k:])
		i = k + n
	}
	return -1
}

// contIndexFold returns the first place of term in t[from:] without regard to
// case, or -1. An ASCII first letter is looked for with IndexByte.
func contIndexFold(t, term string, from int) int {
	c := term[0]
	lo, up := c, c
	if 'A' <= c && c <= 'Z' {
		lo = c + 'a' - 'A'
	} else if 'a' <= c && c <= 'z' {
		up = c - 'a' + 'A'
	}
	for i := from; i+len(term) <= len(t); i++ {
		if c < utf8.RuneSelf {
			j := strings.IndexByte(t[i:], lo)
			if k := strings.IndexByte(t[i:], up); k >= 0 && (j < 0 || k < j) {
				j = k
			}
			if j < 0 {
				return -1
			}
			i += j
		}
		if i+len(term) <= len(t) && utf8.RuneStart(t[i]) && strings.EqualFold(t[i:i+len(term)], term) {
			return i
		}
	}
	return -1
}

// contAcronym reports a term written in capitals (NATO, U.S.), which must
// keep its case.
func contAcronym(term string) bool {
	if c := term[0]; 'a' <= c && c <= 'z' {
		return false
	}
	letters := 0
	for _, r := range term {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// contTermIn reports whether the target holds term as written, with a capital
// at a sentence's start, or in capitals throughout; else it returns the place
// of the term in another case.
func contTermIn(t, term string) (bool, int) {
	if contFind(t, term, false, false) >= 0 {
		return true, -1
	}
	k := contFind(t, term, true, false)
	if k < 0 {
		return false, -1
	}
	got := t[k : k+len(term)]
	r, n := utf8.DecodeRuneInString(term)
	if got[n:] == term[n:] && unicode.IsLower(r) || !contAcronym(term) && strings.ToUpper(got) == got {
		return true, -1 // "Banque centrale" at a sentence's start, a headline in capitals
	}
	return false, k
}

func contGlossary(s *Segment) []Issue {
	if !s.HasSource || len(s.Glossary) == 0 || contBlank(s.Source) || contBlank(s.Target) {
		return nil // an empty target is empty-target's
	}
	var out []Issue
	low := "" // the source in lower case, made at the first term that needs it
	var kb [96]uint64
	var keys []uint64 // its words, hashed
	for i, term := range s.Glossary {
		if term.Source == "" || term.Target == "" {
			continue
		}
		if contAcronym(term.Source) {
			if contFind(s.Source, term.Source, false, true) < 0 {
				continue
			}
		} else {
			if low == "" {
				low = strings.ToLower(s.Source)
				keys = contWordKeys(low, &kb)
			}
			lt := term.Source
			if contHasUpper(lt) {
				lt = strings.ToLower(lt)
			}
			k, _ := contWordKey(lt, 0)
			if r, _ := utf8.DecodeRuneInString(lt); keys != nil && !contIsCJK(r) && !contHasKey(keys, k) ||
				contFind(low, lt, false, true) < 0 {
				continue
			}
		}
		ok, at := contTermIn(s.Target, term.Target)
		for j, alt := range s.Glossary { // another translation of the same term will do
			if !ok && j != i && alt.Target != "" && strings.EqualFold(alt.Source, term.Source) {
				ok, _ = contTermIn(s.Target, alt.Target)
			}
		}
		if ok || contSeen(s.Glossary[:i], term) {
			continue
		}
		if at < 0 {
			end := len(s.Target)
			out = append(out, issue("glossary", Error, end, end, "source", term.Source, "target", term.Target))
			continue
		}
		fix := term.Target
		if r, _ := utf8.DecodeRuneInString(s.Target[at:]); unicode.IsUpper(r) {
			t0, n := utf8.DecodeRuneInString(fix)
			fix = string(unicode.ToUpper(t0)) + fix[n:]
		}
		out = append(out, withFix(issue("glossary", Error, at, at+len(term.Target), "source", term.Source, "target", term.Target), fix))
	}
	return out
}

// contSeen reports whether an earlier entry asked for the same pair.
func contSeen(before []Term, t Term) bool {
	for _, b := range before {
		if strings.EqualFold(b.Source, t.Source) && b.Target == t.Target {
			return true
		}
	}
	return false
}
