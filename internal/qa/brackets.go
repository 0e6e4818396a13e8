package qa

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// typoBracket returns the family of a bracket (0 for none) and whether it opens.
func typoBracket(r rune) (int, bool) {
	switch r {
	case '(', '（':
		return 1, true
	case ')', '）':
		return 1, false
	case '[', '［':
		return 2, true
	case ']', '］':
		return 2, false
	case '{', '｛':
		return 3, true
	case '}', '｝':
		return 3, false
	case '【':
		return 4, true
	case '】':
		return 4, false
	case '〔':
		return 5, true
	case '〕':
		return 5, false
	case '《':
		return 6, true
	case '》':
		return 6, false
	case '〈':
		return 7, true
	case '〉':
		return 7, false
	}
	return 0, false
}

// typoBrk is a bracket left without its partner.
type typoBrk struct {
	pos, end int
	r        rune
	open     bool
}

// typoScanBrackets returns the brackets of t outside markup that do not pair
// up, by position, leaving out smileys and, when marker is set, a list marker
// such as "1)" that starts the text.
func typoScanBrackets(t string, marker bool, out []typoBrk) []typoBrk {
	var entBuf [16]typoEnt
	var openBuf [16]typoBrk
	var st typoPairStack
	st.init()
	ent := entBuf[:0]
	opens := openBuf[:0]
	for i := 0; i < len(t); {
		switch c := t[i]; c {
		case '<', '`':
			if j := typoSkipMarkup(t, i); j > i {
				i = j
				continue
			}
			i++
			continue
		case '(', ')', '[', ']', '{', '}', 0xE3, 0xEF:
		default:
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		fam, open := typoBracket(r)
		b := typoBrk{pos: i, end: i + n, r: r, open: open}
		i += n
		skip := fam == 0 || typoSmiley(t, b.pos)
		if !skip && marker { // only the first bracket may end a list marker
			skip, marker = !open && typoListMarker(t[:b.pos]), false
		}
		switch {
		case skip:
		case open:
			ent = st.push(ent, len(opens), fam, false)
			opens = append(opens, b)
		case st.top[fam] < 0:
			out = append(out, b)
		default:
			k := st.top[fam]
			for _, e := range ent[k+1:] {
				out = append(out, opens[e.item])
			}
			ent = st.cut(ent, k, nil)
		}
	}
	for _, e := range ent {
		out = append(out, opens[e.item])
	}
	slices.SortFunc(out, func(a, b typoBrk) int { return a.pos - b.pos })
	return out
}

// typoSmiley tells whether the bracket at i ends a smiley: :) ;-( =).
func typoSmiley(t string, i int) bool {
	j := i
	if j > 0 && (t[j-1] == '-' || t[j-1] == '\'') {
		j--
	}
	return j > 0 && (t[j-1] == ':' || t[j-1] == ';' || t[j-1] == '=') && (t[i] == ')' || t[i] == '(')
}

// typoListMarker tells whether head, the text before a closing bracket, is a
// list marker: 1) a) iv).
func typoListMarker(head string) bool {
	head = strings.TrimLeftFunc(head, typoIsHSpace)
	if head == "" || len(head) > 4 {
		return false
	}
	for i := 0; i < len(head); i++ {
		if c := head[i]; (c < '0' || c > '9') && (c|0x20 < 'a' || c|0x20 > 'z') {
			return false
		}
	}
	return len(head) == 1 || head[0] >= '0' && head[0] <= '9' || strings.Trim(strings.ToLower(head), "ivx") == ""
}

// typoStartsWithMarker tells whether text begins with a list marker.
func typoStartsWithMarker(text string) bool {
	for i := 0; i < len(text) && i <= 8; i++ {
		if text[i] == ')' || strings.HasPrefix(text[i:], "）") {
			return typoListMarker(text[:i])
		}
	}
	return false
}

func typoBracketUnbalanced(s *Segment) []Issue {
	t := s.Target
	var buf [8]typoBrk
	marker := typoStartsWithMarker(t) && (!s.HasSource || typoStartsWithMarker(s.Source))
	un := typoScanBrackets(t, marker, buf[:0])
	if len(un) == 0 {
		return nil
	}
	sOpen, sClose := 0, 0
	if s.HasSource {
		var sbuf [8]typoBrk
		for _, b := range typoScanBrackets(s.Source, true, sbuf[:0]) {
			if b.open {
				sOpen++
			} else {
				sClose++
			}
		}
	}
	nOpen := 0
	for _, b := range un {
		if b.open {
			nOpen++
		}
	}
	sev := Error
	if !s.HasSource {
		sev = Warning
	}
	var out []Issue
	// As with quotation marks: the target's last open bracket may go on in the
	// next segment, its first closing one may end one from the previous.
	extraOpen, extraClose := nOpen-sOpen, len(un)-nOpen-sClose
	for _, b := range un {
		if b.open && extraOpen > 0 {
			out = append(out, issue("bracket-unbalanced", sev, b.pos, b.end, "mark", string(b.r)))
			extraOpen--
		}
	}
	for i := len(un) - 1; i >= 0 && extraClose > 0; i-- {
		if b := un[i]; !b.open {
			out = append(out, issue("bracket-unbalanced", sev, b.pos, b.end, "mark", string(b.r)))
			extraClose--
		}
	}
	return out
}
