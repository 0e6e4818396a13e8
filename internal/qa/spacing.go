package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spacing: punct-spacing (spaces around punctuation per language: none before
// , . ; : ! ? in English, a no-break one before ; : ! ? in French, full-width
// marks in CJK), double-space and edge-whitespace.

func init() {
	register("punct-spacing", typoPunctSpacing)
	register("double-space", typoDoubleSpace)
	register("edge-whitespace", typoEdgeWhitespace)
}

// typoNone stands for the rune before the start or after the end of a text.
const typoNone rune = -1

func typoBefore(t string, i int) rune {
	if i <= 0 || i > len(t) {
		return typoNone
	}
	if c := t[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return r
}

func typoAt(t string, i int) rune {
	if i < 0 || i >= len(t) {
		return typoNone
	}
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return r
}

func typoIsWord(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func typoIsSpace(r rune) bool { return r >= 0 && unicode.IsSpace(r) }

// typoIsHSpace: a space inside a line, breaking or not.
func typoIsHSpace(r rune) bool {
	switch r {
	case ' ', '\t', nbsp, nnbsp, '\u3000', '\u205F':
		return true
	}
	return r >= '\u2002' && r <= '\u200A'
}

func typoIsNBSpace(run string) bool { return run == "\u00A0" || run == "\u202F" }

// typoSkipHSpace returns the end of the spaces that start at i.
func typoSkipHSpace(t string, i int) int {
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !typoIsHSpace(r) {
			break
		}
		i += n
	}
	return i
}

// typoBackHSpace returns the start of the spaces that end at i.
func typoBackHSpace(t string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		if !typoIsHSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// typoSkipMarkup returns the end of an HTML tag or `code` span at i, or i.
func typoSkipMarkup(t string, i int) int {
	if t[i] == '`' {
		if j := strings.IndexByte(t[i+1:], '`'); j >= 0 {
			return i + j + 2
		}
		return i
	}
	if i+1 >= len(t) {
		return i
	}
	if c := t[i+1]; c != '/' && c != '!' && (c|0x20 < 'a' || c|0x20 > 'z') {
		return i
	}
	for j := i + 1; j < len(t); j++ {
		switch t[j] {
		case '>':
			return j + 1
		case '<', '\n':
			return i
		}
	}
	return i
}

const (
	typoCtxUnknown = iota
	typoCtxOpen
	typoCtxClose
)

// typoContext tells by its neighbours whether a mark opens or closes.
func typoContext(prev, next rune) int {
	l, r := typoLeftOpen(prev), typoRightClose(next)
	switch {
	case l && !r:
		return typoCtxOpen
	case r && !l:
		return typoCtxClose
	}
	return typoCtxUnknown
}

func typoLeftOpen(r rune) bool {
	if r == typoNone || unicode.IsSpace(r) || typoQuoteFamily(r) != 0 || typoFWOpen(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '¿', '¡', ':', '：':
		return true
	}
	return false
}

func typoRightClose(r rune) bool {
	if r == typoNone || unicode.IsSpace(r) || typoQuoteFamily(r) != 0 || typoFWPunct(r) {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', '…', ')', ']', '}', '—', '–', '-', '/':
		return true
	}
	return false
}

// typoFWOpen and typoFWPunct: CJK full-width opening brackets and the
// full-width marks that take no space before them.
func typoFWOpen(r rune) bool {
	switch r {
	case '（', '「', '『', '【', '〔', '《', '〈', '［', '｛':
		return true
	}
	return false
}

func typoFWPunct(r rune) bool {
	switch r {
	case '，', '。', '、', '：', '；', '？', '！', '）', '」', '』', '】', '〕', '》', '〉', '］', '｝':
		return true
	}
	return false
}

// typoIsCJK: Han ideographs and kana.
func typoIsCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FA1F || r >= 0xFF66 && r <= 0xFF9F ||
		r == '々' || r == '〇' || r == 'ー'
}

func typoFrench(p *Profile) bool { return strings.HasPrefix(p.Tag, "fr") }

// typoTightEllipsis: languages where … follows the word without a space.
func typoTightEllipsis(p *Profile) bool {
	lang, _, _ := strings.Cut(p.Tag, "-")
	return lang == "fr" || lang == "es" || lang == "it" || lang == "pt"
}

// typoInCode tells whether the word around i is a URL, an e-mail address, a
// path or a query string, where punctuation follows no spacing rule.
func typoInCode(t string, i int) bool {
	a, b := i, i // at most 256 bytes either way: a URL is not longer
	for a > 0 && a > i-256 && t[a-1] != ' ' && t[a-1] != '\t' && t[a-1] != '\n' {
		a--
	}
	for b < len(t) && b < i+256 && t[b] != ' ' && t[b] != '\t' && t[b] != '\n' {
		b++
	}
	w := t[a:b]
	return strings.Contains(w, "://") || strings.Contains(w, "www.") || strings.ContainsAny(w, "@/\\=&_")
}

// typoEmoticon tells whether t[i] (: ; =) starts a smiley such as :) ;-) :D.
func typoEmoticon(t string, i int) bool {
	j := i + 1
	if j < len(t) && (t[j] == '-' || t[j] == '\'') {
		j++
	}
	if j >= len(t) || !strings.ContainsRune(")(DPpOo3|/\\][*", rune(t[j])) {
		return false
	}
	return !typoIsWord(typoAt(t, j+1))
}

// typoSkipPunct: punctuation at i that is not a sentence mark (12:30, .NET,
// 1,5, ?id=, :-), URLs, &amp;).
func typoSkipPunct(t string, i int, r, prev, next rune) bool {
	switch r {
	case ':':
		if unicode.IsDigit(next) || next == '/' || next == '\\' || typoEmoticon(t, i) {
			return true
		}
		if unicode.IsDigit(prev) && next == ' ' && unicode.IsDigit(typoAt(t, i+2)) {
			return true // a score: 2 : 1
		}
	case ';':
		if typoEmoticon(t, i) || typoEntity(t, i) {
			return true
		}
	case ',':
		if unicode.IsDigit(next) {
			return true
		}
	case '.', '!', '?':
		if typoIsWord(next) || next == '=' || next == '&' || next == '/' {
			return true
		}
	}
	return typoInCode(t, i)
}

// typoEntity tells whether the ; at i ends an HTML entity such as &amp;.
func typoEntity(t string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		c := t[j]
		if c == '&' {
			return j < i-1
		}
		if c != '#' && (c < '0' || c > '9') && (c|0x20 < 'a' || c|0x20 > 'z') {
			return false
		}
	}
	return false
}

func typoPunctIssue(sev Severity, start, end int, r rune, fix string) (Issue, bool) {
	return withFix(issue("punct-spacing", sev, start, end, "mark", string(r)), fix), true
}

func typoPunctSpacing(s *Segment) []Issue {
	p, t := s.Tgt, s.Target
	var out []Issue
	for i := 0; i < len(t); {
		c := t[i]
		if c == '<' || c == '`' {
			if j := typoSkipMarkup(t, i); j > i {
				i = j
				continue
			}
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:])
		}
		if !typoPunctCandidate(p, r) {
			i += n
			continue
		}
		var is Issue
		var ok bool
		if ws := typoBackHSpace(t, i); ws < i {
			if ws > 0 {
				is, ok = typoSpaceBefore(p, t, ws, i, r, n)
			}
		} else {
			is, ok = typoMissingBefore(p, t, i, r, n)
		}
		if ok {
			out = append(out, is)
		}
		ok = false
		if we := typoSkipHSpace(t, i+n); we > i+n {
			if we < len(t) {
				is, ok = typoSpaceAfter(p, t, i, n, r, we)
			}
		} else {
			is, ok = typoMissingAfter(p, t, i, n, r)
		}
		if ok {
			out = append(out, is)
		}
		if p.CJK {
			if is, ok := typoHalfWidth(p, t, i, n, r); ok {
				out = append(out, is)
			}
		}
		i += n
	}
	if typoHasQuote(t) {
		out = typoQuoteSpacing(p, t, out)
	}
	return out
}

// typoPunctCandidate: a mark the main loop of punct-spacing looks at; other
// quotation marks are left to typoQuoteSpacing.
func typoPunctCandidate(p *Profile, r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '…', '(', ')', '[', ']', '{', '}', '¿', '¡':
		return true
	}
	return p.CJK && (typoFWOpen(r) || typoFWPunct(r))
}

// typoSpaceBefore judges the spaces t[ws:i] before the mark r at i.
func typoSpaceBefore(p *Profile, t string, ws, i int, r rune, n int) (Issue, bool) {
	prev, next := typoBefore(t, ws), typoAt(t, i+n)
	if typoIsSpace(prev) {
		return Issue{}, false
	}
	run := t[ws:i]
	if want := p.SpaceBefore[r]; want != 0 {
		if typoSkipPunct(t, i, r, prev, next) || typoIsNBSpace(run) {
			return Issue{}, false
		}
		sev := Error
		if utf8.RuneCountInString(run) == 1 {
			sev = Warning // a breaking space where a no-break one belongs
		}
		return typoPunctIssue(sev, ws, i, r, string(want))
	}
	switch r {
	case ',', '.', ';', ':', '!', '?':
		if r == '.' && next == '.' {
			return typoEllipsisSpace(p, t, ws, i, prev, '.')
		}
		if typoSkipPunct(t, i, r, prev, next) || typoLeftOpen(prev) || typoFrench(p) && typoIsNBSpace(run) {
			return Issue{}, false
		}
		return typoPunctIssue(Error, ws, i, r, "")
	case '…':
		return typoEllipsisSpace(p, t, ws, i, prev, r)
	case ')', ']', '}':
		if typoLeftOpen(prev) { // ( ), « )
			return Issue{}, false
		}
		return typoPunctIssue(Error, ws, i, r, "")
	}
	if p.CJK && (typoFWPunct(r) || typoFWOpen(r) && typoIsCJK(prev)) {
		return typoPunctIssue(Error, ws, i, r, "")
	}
	return Issue{}, false
}

// typoEllipsisSpace: in French, Spanish, Italian and Portuguese an ellipsis
// that ends a word follows it without a space.
func typoEllipsisSpace(p *Profile, t string, ws, i int, prev, r rune) (Issue, bool) {
	end := i + len("…")
	if r == '.' {
		end = i + len("...")
	}
	if !typoTightEllipsis(p) || !unicode.IsLetter(prev) || end > len(t) || typoIsWord(typoAt(t, end)) ||
		r == '.' && t[i:end] != "..." {
		return Issue{}, false
	}
	return typoPunctIssue(Error, ws, i, '…', "")
}

// typoMissingBefore: French wants a no-break space before ; : ! ?.
func typoMissingBefore(p *Profile, t string, i int, r rune, n int) (Issue, bool) {
	want := p.SpaceBefore[r]
	if want == 0 || i == 0 {
		return Issue{}, false
	}
	prev, next := typoBefore(t, i), typoAt(t, i+n)
	if typoIsSpace(prev) || typoSkipPunct(t, i, r, prev, next) || typoRole(p, prev) == 1 {
		return Issue{}, false // “!
	}
	switch prev {
	case '!', '?', '…', ';', ':', '(', '[', '{', '¿', '¡', '"', '\'':
		return Issue{}, false // ?!, (?)
	}
	return typoPunctIssue(Error, i, i, r, string(want))
}

// typoSpaceAfter judges the spaces t[i+n:we] after the mark r at i.
func typoSpaceAfter(p *Profile, t string, i, n int, r rune, we int) (Issue, bool) {
	next := typoAt(t, we)
	if typoIsSpace(next) {
		return Issue{}, false
	}
	switch r {
	case '(', '[', '{', '¿', '¡':
		if typoRightClose(next) { // ( ), ( »
			return Issue{}, false
		}
		return typoPunctIssue(Error, i+n, we, r, "")
	}
	if p.CJK && (typoFWOpen(r) || typoFWPunct(r) && typoIsCJK(next)) {
		return typoPunctIssue(Error, i+n, we, r, "")
	}
	return Issue{}, false
}

// typoMissingAfter: a comma, semicolon or colon glued to the next word.
func typoMissingAfter(p *Profile, t string, i, n int, r rune) (Issue, bool) {
	if p.CJK || r != ',' && r != ';' && r != ':' {
		return Issue{}, false
	}
	prev, next := typoBefore(t, typoBackHSpace(t, i)), typoAt(t, i+n)
	if !unicode.IsLetter(next) || !typoIsWord(prev) || typoIsCJK(prev) || typoIsCJK(next) || r != ',' && typoEmoticon(t, i) {
		return Issue{}, false
	}
	if r == ':' && (unicode.IsUpper(prev) || unicode.IsDigit(prev)) && unicode.IsLower(next) {
		return Issue{}, false // EU:n, USA:ssa
	}
	if r == ';' && typoEntity(t, i) || typoInCode(t, i) {
		return Issue{}, false
	}
	return typoPunctIssue(Error, i+n, i+n, r, " ")
}

// typoHalfWidth: in CJK text a half-width , . ? ! : ; after a CJK character.
func typoHalfWidth(p *Profile, t string, i, n int, r rune) (Issue, bool) {
	var fw rune
	switch r {
	case ',':
		fw = '，'
		if strings.HasPrefix(p.Tag, "ja") {
			fw = '、'
		}
	case '.':
		fw = '。'
	case '?':
		fw = '？'
	case '!':
		fw = '！'
	case ':':
		fw = '：'
	case ';':
		fw = '；'
	default:
		return Issue{}, false
	}
	next := typoAt(t, i+n)
	if !typoIsCJK(typoBefore(t, i)) || r == '.' && next == '.' || typoIsWord(next) && !typoIsCJK(next) || next == '/' {
		return Issue{}, false
	}
	end := i + n
	if we := typoSkipHSpace(t, end); we > end && typoIsCJK(typoAt(t, we)) {
		end = we
	}
	return withFix(issue("punct-spacing", Warning, i, end, "mark", string(r)), string(fw)), true
}

// typoQuoteSpacing: no space inside quotation marks, but French guillemets
// take a no-break one (Profile.QuoteSpace).
func typoQuoteSpacing(p *Profile, t string, out []Issue) []Issue {
	var buf [16]typoMark
	for _, m := range typoScanQuotes(t, p, buf[:0]) {
		fam, role := typoQuoteFamily(m.r), typoRole(p, m.r)
		if m.weak || p.CJK && (fam == typoFamCorner || fam == typoFamCorner2) ||
			m.open && role&1 == 0 || !m.open && role&2 == 0 {
			continue
		}
		start, end := m.end, typoSkipHSpace(t, m.end)
		if !m.open {
			start, end = typoBackHSpace(t, m.pos), m.pos
			if start == 0 || typoIsSpace(typoBefore(t, start)) {
				continue
			}
		} else if end == len(t) || typoIsSpace(typoAt(t, end)) {
			continue
		}
		if p.QuoteSpace == 0 || !typoIsGuil(m.r) {
			// Not between two marks: “ » in French is the guillemet's business.
			far := typoAt(t, end)
			if !m.open {
				far = typoBefore(t, start)
			}
			if start < end && typoQuoteFamily(far) == 0 {
				out = append(out, withFix(issue("punct-spacing", Error, start, end, "mark", string(m.r)), ""))
			}
			continue
		}
		run := t[start:end]
		switch {
		case typoIsNBSpace(run):
		case run == "":
			if other := typoAt(t, end); m.open && typoIsGuil(other) || !m.open && typoIsGuil(typoBefore(t, start)) {
				continue // «» with nothing inside
			}
			out = append(out, withFix(issue("punct-spacing", Error, start, end, "mark", string(m.r)), string(p.QuoteSpace)))
		default:
			sev := Error
			if utf8.RuneCountInString(run) == 1 {
				sev = Warning
			}
			out = append(out, withFix(issue("punct-spacing", sev, start, end, "mark", string(m.r)), string(p.QuoteSpace)))
		}
	}
	return out
}

// typoSpaceByte marks the bytes that may start a space (typoIsHSpace).
var typoSpaceByte = [256]bool{' ': true, '\t': true, 0xC2: true, 0xE2: true, 0xE3: true}

func typoDoubleSpace(s *Segment) []Issue {
	t := s.Target
	var out, owned []Issue
	computed := false
	for i := 0; i < len(t); {
		c := t[i]
		if !typoSpaceByte[c] || c == ' ' && (i+1 == len(t) || !typoSpaceByte[t[i+1]]) {
			i++ // not a space, or a single one
			continue
		}
		j := typoSkipHSpace(t, i)
		if j == i {
			i++
			continue
		}
		if utf8.RuneCountInString(t[i:j]) >= 2 && !typoIsSpace(typoBefore(t, i)) && !typoIsSpace(typoAt(t, j)) &&
			i > 0 && j < len(t) {
			if !computed {
				owned, computed = typoPunctSpacing(s), true
			}
			if !typoCovered(owned, i, j) {
				out = append(out, withFix(issue("double-space", Error, i, j), typoKeepSpace(t[i:j])))
			}
		}
		i = j
	}
	return out
}

// typoCovered: punct-spacing already mends the spaces t[i:j].
func typoCovered(issues []Issue, i, j int) bool {
	for _, is := range issues {
		if is.Start <= i && is.End >= j {
			return true
		}
	}
	return false
}

// typoKeepSpace returns the one space to keep of a run: a no-break one if
// there is one.
func typoKeepSpace(run string) string {
	for _, r := range run {
		if r == nbsp || r == nnbsp {
			return string(r)
		}
	}
	if r, _ := utf8.DecodeRuneInString(run); r != '\t' {
		return string(r)
	}
	return " "
}

func typoIsEdgeSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' }

func typoEdgeWhitespace(s *Segment) []Issue {
	t, src := s.Target, s.Source
	lead := len(t) - len(strings.TrimLeftFunc(t, typoIsEdgeSpace))
	trail := len(strings.TrimRightFunc(t, typoIsEdgeSpace))
	var out []Issue
	if lead > 0 && len(strings.TrimLeftFunc(src, typoIsEdgeSpace)) == len(src) {
		out = append(out, withFix(issue("edge-whitespace", Error, 0, lead), ""))
	}
	if trail < len(t) && trail >= lead && len(strings.TrimRightFunc(src, typoIsEdgeSpace)) == len(src) {
		out = append(out, withFix(issue("edge-whitespace", Error, trail, len(t)), ""))
	}
	return out
}
