package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
		if typoSkipPunct(t, i, r, prev, next) || typoLeftOpen(prev) {
			return Issue{}, false
		}
		if typoFrench(p) && typoIsNBSpace(run) && (r == ';' || r == '!' || r == '?') {
			return Issue{}, false // fr-CA: a fine space is allowed, not required
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
