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
