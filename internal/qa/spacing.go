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
