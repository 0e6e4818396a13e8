package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How sentences end and begin: end-punct compares the final mark of target and
// source, inverted-punct wants the Spanish ¿ and ¡, sentence-case finds a
// sentence left to start in lower case, repeated-word a word written twice.

func init() {
	register("end-punct", contEndPunct)
	register("inverted-punct", contInverted)
	register("sentence-case", contSentenceCase)
	register("repeated-word", contRepeated)
}

// Classes of sentence-final marks, combined as bits.
const (
	contPeriod uint8 = 1 << iota
	contQuestion
	contExclaim
	contEllipsis
	contColon
)

func contMarkClass(r rune) uint8 {
	switch r {
	case '.', '。', '．', '｡', '।', '۔', '։', '።', '။', '།', '។':
		return contPeriod
	case '?', '？', '؟', '\u037E':
		return contQuestion
	case '!', '！':
		return contExclaim
	case '‽', '⁈', '⁉':
		return contQuestion | contExclaim
	case '…', '⋯':
		return contEllipsis
	case ':', '：':
		return contColon
	}
	return 0
}

// contIsCloser reports marks that may follow the end of a sentence: closing
// quotation marks and brackets, and Markdown emphasis.
func contIsCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '“', '‘', '»', '«', '›', '‹', '」', '』', ')', ']', '}',
		'）', '］', '｝', '】', '〕', '〉', '》', '*', '_':
		return true
	}
	return false
}

// contIsOpener reports marks that may come before the first word of a sentence.
func contIsOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '„', '‚', '«', '‹', '「', '『', '(', '[', '（', '［', '【',
		'〔', '〈', '《', '¿', '¡', '*', '_':
		return true
	}
	return false
}

func contIsSpace(r rune) bool { return r == ' ' || unicode.IsSpace(r) }

// contIsDash reports dashes and bullets, which open list items and incises.
func contIsDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '•' || r == '·' || r == '‒' || r == '―'
}

// contBase is the language of a BCP 47 tag, lower-cased ("pt" for "pt-BR").
func contBase(tag string) string {
	for i := 0; i < len(tag); i++ {
		if tag[i] == '-' || tag[i] == '_' {
			return strings.ToLower(tag[:i])
		}
	}
	return strings.ToLower(tag)
}

// contEnd describes how a text ends.
type contEnd struct {
	set    uint8 // classes of the final marks, outside and inside closers
	rs, re int   // the last run of marks (outer one first); rs == re when none
	inner  bool  // that run sits inside closing quotes or brackets
	text   int   // end of the words: before marks, closers and spaces
	end    int   // end of the text without trailing spaces
	other  int   // start of a final comma, semicolon, dash or slash; -1 if none
}

// contRunBefore reads the run of final marks that ends at i; in Greek ";"
// asks a question.
func contRunBefore(t string, i int, greek bool) (int, uint8) {
	var set uint8
	dots := 0
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		c := contMarkClass(r)
		if r == ';' && greek {
			c = contQuestion
		}
		if c == 0 {
			break
		}
		if c == contPeriod {
			dots++
		}
		set |= c
		i -= n
	}
	if dots >= 2 {
		set = set&^contPeriod | contEllipsis
	}
	return i, set
}

func contEndOf(t string, greek bool) contEnd {
	e := contEnd{other: -1}
	i := len(t)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		if !contIsSpace(r) {
			break
		}
		i -= n
	}
	e.end = i
	rs, set := contRunBefore(t, i, greek)
	if set != 0 {
		e.set, e.rs, e.re, i = set, rs, i, rs
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:j])
		if contIsCloser(r) || contIsSpace(r) {
			j -= n
			continue
		}
		if k := contTagBefore(t, j); k >= 0 {
			j = k
			continue
		}
		break
	}
	if j < i {
		if rs2, set2 := contRunBefore(t, j, greek); set2 != 0 {
			e.set |= set2
			if e.rs == e.re {
				e.rs, e.re, e.inner = rs2, j, true
			}
			j = rs2
		}
	}
	for j > 0 { // spaces before the marks belong to them (French "Quoi ?")
		r, n := utf8.DecodeLastRuneInString(t[:j])
		if !contIsSpace(r) {
			switch r {
			case ',', ';', '，', '；', '、', '/', '-', '–', '—':
				e.other = j - n
			}
			break
		}
		j -= n
	}
	e.text = j
	return e
}

// contTagBefore returns where the markup tag ending at t[:j] begins, or -1.
func contTagBefore(t string, j int) int {
	if j == 0 || t[j-1] != '>' {
		return -1
	}
	k := strings.LastIndexByte(t[:j-1], '<')
	if k < 0 || k+1 >= j-1 || strings.IndexByte(t[k:j-1], '>') >= 0 {
		return -1
	}
	if c := t[k+1]; c == '/' || c < utf8.RuneSelf && unicode.IsLetter(rune(c)) {
		return k
	}
	return -1
}

// contMarkText is the mark a language writes for a class of final marks.
func contMarkText(p *Profile, set uint8, before rune) string {
	var m string
	switch {
	case set&contQuestion != 0 && set&contExclaim != 0:
		m = "?!"
	case set&contQuestion != 0:
		m = "?"
	case set&contExclaim != 0:
		m = "!"
	case set&contEllipsis != 0:
		m = "…"
	case set&contColon != 0:
		m = ":"
	default:
		m = "."
	}
	if p.CJK {
		return strings.NewReplacer("?", "？", "!", "！", "…", "……", ":", "：", ".", "。").Replace(m)
	}
	if sp := p.SpaceBefore[rune(m[0])]; sp != 0 && !contIsSpace(before) {
		return string(sp) + m
	}
	return m
}

func contEndPunct(s *Segment) []Issue {
	if !s.HasSource || strings.TrimSpace(s.Source) == "" || strings.TrimSpace(s.Target) == "" {
		return nil
	}
	sl, tl := contBase(s.SourceLang), contBase(s.TargetLang)
	src, tgt := contEndOf(s.Source, sl == "el"), contEndOf(s.Target, tl == "el")
	if src.set&tgt.set != 0 || src.set == 0 && tgt.set == 0 || contNoStops[tl] || contNoStops[sl] {
		return nil // Thai and Lao end sentences with a space
	}
	t := s.Target
	switch {
	case tgt.set == 0: // missing
		if src.set == contPeriod && contAbbrevEnd(s.Source, src.re-1) {
			return nil
		}
		at, end := tgt.end, tgt.end
		if src.inner && tgt.text < tgt.end {
			at, end = tgt.text, tgt.text
		}
		if tgt.other >= 0 { // "Bonjour," for "Hello.": replace the comma
			at, end = tgt.other, tgt.text
		}
		before, _ := utf8.DecodeLastRuneInString(t[:at])
		m := contMarkText(s.Tgt, src.set, before)
		if tl == "el" {
			m = strings.ReplaceAll(m, "?", ";")
		}
		return []Issue{withFix(issue("end-punct", Error, at, end, "expected", strings.TrimSpace(m)), m)}
	case src.set == 0: // extra
		if src.other >= 0 || tgt.set == contPeriod && contAbbrevEnd(t, tgt.re-1) {
			return nil
		}
		tgt.set = 0 // the source's "no mark"
	}
	start := tgt.rs // with the spaces before the marks: French "Quoi ?"
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:start])
		if !contIsSpace(r) {
			break
		}
		start -= n
	}
	before, _ := utf8.DecodeLastRuneInString(t[:start])
	m := ""
	if src.set != 0 {
		m = contMarkText(s.Tgt, src.set, before)
	}
	if tl == "el" {
		m = strings.ReplaceAll(m, "?", ";")
	}
	return []Issue{withFix(issue("end-punct", Error, start, tgt.re, "expected", strings.TrimSpace(m)), m)}
}

// contMaxCandidates bounds the places a check weighs in one segment, so that
// a runaway text costs linear time; a sentence has a handful.
const contMaxCandidates = 200

// contNoStops lists languages that end sentences without a mark.
var contNoStops = map[string]bool{"th": true, "lo": true}

// contCommonAbbrev lists abbreviations of many languages, lower case and
// without their last full stop.
var contCommonAbbrev = abbrev("etc vs e.g i.e cf ca approx aprox nr nº n° p pp vol p. ex p. ej ej " +
	"enz resp incl excl corp dept mr mrs ms dr prof st jr sr sra srta ud uds sig dott ecc pag pág " +
	"núm al abs abb bd hrsg jh ggf bzw usw vgl ee.uu ee. uu apr env mme mlle")

// contEndAbbrev lists abbreviations whose full stop may end a sentence too;
// other words of the lists above ("no", "fig") end sentences as words.
var contEndAbbrev = abbrev("etc inc ltd co corp jr sr bros al usw ecc enz cía ee. uu")

// contAbbrev reports whether the full stop at t[dot] closes an abbreviation of
// p or of many languages ("etc.", "U.S.", "z. B.") or an initial ("J. Smith"),
// so that no sentence ends there.
func contAbbrev(t string, dot int, p *Profile) bool {
	if dot < 0 || dot >= len(t) || t[dot] != '.' {
		return false
	}
	s := contTokenStart(t, dot)
	tok := t[s:dot]
	if tok == "" || strings.IndexAny(tok, "0123456789") >= 0 {
		return false
	}
	if utf8.RuneCountInString(tok) == 1 {
		return true
	}
	if k := strings.IndexByte(tok, '.'); k > 0 && k < len(tok)-1 {
		return true // U.S, e.g, a.m, Ph.D
	}
	if contInSet(p.Abbrev, tok) || contInSet(contCommonAbbrev, tok) {
		return true
	}
	if s >= 3 && t[s-1] == ' ' && t[s-2] == '.' { // "z. B", "EE. UU"
		two := t[contTokenStart(t, s-2):dot]
		return contInSet(p.Abbrev, two) || contInSet(contCommonAbbrev, two)
	}
	return false
}

// contAbbrevEnd reports whether the full stop that ends t at dot may belong to
// an abbreviation (U.S., etc., Inc.) rather than end the sentence.
func contAbbrevEnd(t string, dot int) bool {
	s := contTokenStart(t, dot)
	tok := t[s:dot]
	if k := strings.IndexByte(tok, '.'); k > 0 && k < len(tok)-1 && !strings.ContainsAny(tok, "0123456789") {
		return true
	}
	if s >= 3 && t[s-1] == ' ' && t[s-2] == '.' {
		tok = t[contTokenStart(t, s-2):dot]
	}
	return contInSet(contEndAbbrev, tok)
}

// contTokenStart returns where the word that ends at i begins.
func contTokenStart(t string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '°' || r == 'º') {
			break
		}
		i -= n
	}
	return i
}

// contInSet looks w up in a set of lower-case words without allocating for
// short ASCII words.
func contInSet(m map[string]bool, w string) bool {
	if len(m) == 0 || w == "" {
		return false
	}
	var buf [24]byte
	if len(w) > len(buf) {
		return m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}
