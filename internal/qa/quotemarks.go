package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Families of quotation marks: a closing mark pairs with an opening mark of its
// family only.
const (
	typoFamDouble  = iota + 1 // " “ ” „ ＂
	typoFamSingle             // ' ‘ ’ ‚
	typoFamGuil               // « »
	typoFamGuil1              // ‹ ›
	typoFamCorner             // 「 」
	typoFamCorner2            // 『 』
)

func typoQuoteFamily(r rune) int {
	switch r {
	case '"', '“', '”', '„', '＂':
		return typoFamDouble
	case '\'', '‘', '’', '‚':
		return typoFamSingle
	case '«', '»':
		return typoFamGuil
	case '‹', '›':
		return typoFamGuil1
	case '「', '」':
		return typoFamCorner
	case '『', '』':
		return typoFamCorner2
	}
	return 0
}

func typoIsGuil(r rune) bool { f := typoQuoteFamily(r); return f == typoFamGuil || f == typoFamGuil1 }

// typoMark is one quotation mark of a text.
type typoMark struct {
	pos, end int // byte span of the mark
	r        rune
	open     bool
	weak     bool // a straight ' that may be an apostrophe after all
	edit     int  // 1 + index of the edit quote-style makes of it; 0 for none
	depth    int  // quotations around it
	partner  int  // index of the other mark of its pair; -1 when unpaired
}

// typoQuoteByte marks the bytes that may start a quotation mark or markup.
var typoQuoteByte = [256]bool{'"': true, '\'': true, '<': true, '`': true, 0xC2: true, 0xE2: true, 0xE3: true, 0xEF: true}

// typoHasQuote tells quickly whether t may hold a quotation mark.
func typoHasQuote(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c != '<' && c != '`' && typoQuoteByte[c] {
			return true
		}
	}
	return false
}

// typoRole says whether r is an opening (1), closing (2) or either (3) mark in
// p, or none of p's marks (0).
func typoRole(p *Profile, r rune) int {
	role := 0
	if r == p.Open || r == p.Open2 || typoHas(p.AlsoOpen, r) {
		role |= 1
	}
	if r == p.Close || r == p.Close2 || typoHas(p.AlsoClose, r) {
		role |= 2
	}
	return role
}

func typoHas(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// typoDirection tells an opening mark from a closing one by what surrounds it;
// failing that, a mark closes the pending open one of its family written
// otherwise („ “); then its role in p decides, then whether one is pending.
func typoDirection(p *Profile, r, prev, next, pending rune) bool {
	switch typoContext(prev, next) {
	case typoCtxOpen:
		return true
	case typoCtxClose:
		return false
	}
	if pending != 0 && pending != r {
		return false
	}
	switch typoRole(p, r) {
	case 1:
		return true
	case 2:
		return false
	}
	if pending != 0 {
		return false
	}
	switch r {
	case '”', '’', '»', '›':
		return false
	}
	return true
}

// typoPairStack finds at once the topmost open mark of a family in a stack of
// typoEnt kept by the caller (a local slice, so that it stays off the heap).
type typoPairStack struct {
	top      [8]int // per family, the index of its topmost entry, or -1
	straight int    // straight " among the entries
}

type typoEnt struct{ item, fam, prev int }

func (st *typoPairStack) init() {
	for f := range st.top {
		st.top[f] = -1
	}
}

func (st *typoPairStack) push(ent []typoEnt, item, fam int, straight bool) []typoEnt {
	if straight {
		st.straight++
	}
	ent = append(ent, typoEnt{item, fam, st.top[fam]})
	st.top[fam] = len(ent) - 1
	return ent
}

// cut drops the entries from k on; isStraight tells which items were a straight ".
func (st *typoPairStack) cut(ent []typoEnt, k int, isStraight func(int) bool) []typoEnt {
	for j := len(ent) - 1; j >= k; j-- {
		st.top[ent[j].fam] = ent[j].prev
		if isStraight != nil && isStraight(ent[j].item) {
			st.straight--
		}
	}
	return ent[:k]
}

// typoScanQuotes finds the quotation marks of t outside markup, tells opening
// from closing ones and pairs them; marks is the buffer to append to.
func typoScanQuotes(t string, p *Profile, marks []typoMark) []typoMark {
	var entBuf [16]typoEnt
	var st typoPairStack
	st.init()
	ent := entBuf[:0]
	straight := func(k int) bool { return marks[k].r == '"' }
	for i := 0; i < len(t); {
		c := t[i]
		if !typoQuoteByte[c] {
			i++
			continue
		}
		if c == '<' || c == '`' {
			if j := typoSkipMarkup(t, i); j > i {
				i = j
				continue
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		fam := typoQuoteFamily(r)
		if fam == 0 {
			i += n
			continue
		}
		prev, next := typoBefore(t, i), typoAt(t, i+n)
		m := typoMark{pos: i, end: i + n, r: r, partner: -1}
		i += n
		pending := rune(0) // the topmost open mark of the family
		if k := st.top[fam]; k >= 0 {
			pending = marks[ent[k].item].r
		}
		switch r {
		case '\'', '’':
			if typoApoLetter(prev) && typoApoLetter(next) {
				continue // don’t, l’année, 1’000
			}
			if typoContext(prev, next) == typoCtxOpen {
				if r == '’' || unicode.IsDigit(next) {
					continue // ’90s, ’til
				}
				if next == 'n' { // rock 'n' roll
					if q, qn := utf8.DecodeRuneInString(t[min(i+1, len(t)):]); (q == '\'' || q == '’') && !typoIsWord(typoAt(t, i+1+qn)) {
						i += 1 + qn
						continue
					}
				}
				if typoElision(t[i:]) {
					continue // 'tis, 't Hooft
				}
				m.open, m.weak = true, true
			} else if len(ent) == 0 || ent[len(ent)-1].fam != typoFamSingle {
				continue // James’, a prime, a stray apostrophe
			}
		case '"', '＂':
			if unicode.IsDigit(prev) && !typoIsWord(next) && st.straight == 0 {
				continue // 12" (inches)
			}
			m.open = typoDirection(p, r, prev, next, pending)
		case '„', '‚', '「', '『':
			m.open = true
		case '」', '』':
		case '‘':
			if typoApoLetter(prev) && typoApoLetter(next) || !typoIsWord(prev) && unicode.IsDigit(next) {
				continue // a misturned apostrophe: don‘t, ‘90s
			}
			m.open = typoDirection(p, r, prev, next, pending)
		default:
			m.open = typoDirection(p, r, prev, next, pending)
		}
		if m.open {
			m.depth = len(ent)
			ent = st.push(ent, len(marks), fam, r == '"')
		} else if k := st.top[fam]; k >= 0 {
			o := ent[k].item
			m.partner, m.depth = o, marks[o].depth
			marks[o].partner = len(marks)
			ent = st.cut(ent, k, straight)
		}
		marks = append(marks, m)
	}
	// A closing mark without its opening one ends a quotation that began in an
	// earlier segment: what comes before it is inside that quotation.
	after := 0
	for k := len(marks) - 1; k >= 0; k-- {
		marks[k].depth += after
		if !marks[k].open && marks[k].partner < 0 {
			after++
		}
	}
	return marks
}

// typoApoLetter: a letter or digit that an apostrophe may join; not a CJK or
// Hangul one, which a closing quotation mark may touch (‘안녕’이라고).
func typoApoLetter(r rune) bool {
	return typoIsWord(r) && !typoIsCJK(r) && !(r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F)
}

// typoElision tells whether rest starts with a word that an apostrophe
// shortens: 'tis, 'twas, 'til, 'em, 'cause, Dutch 's and 't.
func typoElision(rest string) bool {
	j := 0
	for j < len(rest) && j < 6 && (rest[j]|0x20 >= 'a' && rest[j]|0x20 <= 'z') {
		j++
	}
	switch strings.ToLower(rest[:j]) {
	case "tis", "twas", "til", "em", "cause", "bout", "round", "n", "s", "t":
		return j == len(rest) || !typoIsWord(typoAt(rest, j))
	}
	return false
}
