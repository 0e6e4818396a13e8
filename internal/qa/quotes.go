package qa

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pairs: quote-style finds quotation marks of another language, quote-unbalanced
// marks that do not pair up (judged against the source) or face the wrong way,
// and bracket-unbalanced brackets that do not pair up. Apostrophes (don’t,
// l’année, ’90s, James’) and primes (12", 5'10") are not quotation marks.

func init() {
	register("quote-style", typoQuoteStyle)
	register("quote-unbalanced", typoQuoteUnbalanced)
	register("bracket-unbalanced", typoBracketUnbalanced)
}

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

// typoPairStack holds the opening marks not yet closed and finds the topmost
// one of a family at once.
type typoPairStack struct {
	ent      []typoEnt
	top      [8]int // per family, the index in ent of its topmost entry, or -1
	straight int    // straight " among them
}

type typoEnt struct{ item, fam, prev int }

func (st *typoPairStack) init(buf []typoEnt) {
	st.ent = buf[:0]
	for f := range st.top {
		st.top[f] = -1
	}
}

func (st *typoPairStack) push(item, fam int, straight bool) {
	st.ent = append(st.ent, typoEnt{item, fam, st.top[fam]})
	st.top[fam] = len(st.ent) - 1
	if straight {
		st.straight++
	}
}

// cut drops the entries from k on; isStraight tells which items were a straight ".
func (st *typoPairStack) cut(k int, isStraight func(int) bool) {
	for j := len(st.ent) - 1; j >= k; j-- {
		e := st.ent[j]
		st.top[e.fam] = e.prev
		if isStraight != nil && isStraight(e.item) {
			st.straight--
		}
	}
	st.ent = st.ent[:k]
}

// typoScanQuotes finds the quotation marks of t outside markup, tells opening
// from closing ones and pairs them; marks is the buffer to append to.
func typoScanQuotes(t string, p *Profile, marks []typoMark) []typoMark {
	var entBuf [16]typoEnt
	var st typoPairStack
	st.init(entBuf[:])
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
			pending = marks[st.ent[k].item].r
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
			} else if len(st.ent) == 0 || st.ent[len(st.ent)-1].fam != typoFamSingle {
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
			m.depth = len(st.ent)
			st.push(len(marks), fam, r == '"')
		} else if k := st.top[fam]; k >= 0 {
			o := st.ent[k].item
			m.partner, m.depth = o, marks[o].depth
			marks[o].partner = len(marks)
			st.cut(k, straight)
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

// typoPairOK tells whether o…c is a pair of quotation marks of p at this depth.
func typoPairOK(p *Profile, o, c rune, depth int) bool {
	if o == p.Open && c == p.Close {
		return true
	}
	for k, a := range p.AlsoOpen {
		if k < len(p.AlsoClose) && o == a && c == p.AlsoClose[k] {
			return true
		}
	}
	if o == p.Open2 && c == p.Close2 {
		// “ ” alone are English quotes in French; ‹ › alone are not Swiss.
		return depth > 0 || !typoIsGuil(p.Open)
	}
	return false
}

// typoReversed tells whether o…c are p's guillemets facing the wrong way.
func typoReversed(p *Profile, o, c rune) bool {
	return typoIsGuil(o) && (o == p.Close && c == p.Open || o == p.Close2 && c == p.Open2)
}

// typoWant returns the pair p uses at this depth for a quotation written with
// marks of family fam: at the top level, English-like languages keep single
// or double quotes as written when they have both.
func typoWant(p *Profile, fam, depth int) (rune, rune) {
	if depth > 0 {
		return p.Open2, p.Close2
	}
	f := typoQuoteFamily(p.Open)
	if f != typoFamDouble && f != typoFamSingle || f == fam || fam != typoFamDouble && fam != typoFamSingle {
		return p.Open, p.Close
	}
	for k, a := range p.AlsoOpen {
		if k < len(p.AlsoClose) && a != '"' && a != '\'' && typoQuoteFamily(a) == fam {
			return a, p.AlsoClose[k]
		}
	}
	if typoQuoteFamily(p.Open2) == fam {
		return p.Open2, p.Close2
	}
	return p.Open, p.Close
}

// typoEdit replaces t[start:end] with text.
type typoEdit struct {
	start, end int
	text       string
}

// typoMaxSpan bounds the text a fix of a pair of marks rewrites: a longer
// quotation gets one issue per mark.
const typoMaxSpan = 1024

// typoMarkEdit turns mark m into want, with p's space inside guillemets and no
// other space inside; floor is where the edit may start at the earliest.
func typoMarkEdit(t string, m typoMark, want rune, p *Profile, floor int) typoEdit {
	sp := ""
	if p.QuoteSpace != 0 && typoIsGuil(want) {
		sp = string(p.QuoteSpace)
	}
	if m.open {
		end := typoSkipHSpace(t, m.end)
		if end == len(t) {
			end, sp = m.end, ""
		}
		return typoEdit{m.pos, end, string(want) + sp}
	}
	start := typoBackHSpace(t, m.pos)
	if start <= floor {
		start, sp = m.pos, ""
	}
	return typoEdit{start, m.end, sp + string(want)}
}

// typoApplyEdits returns t[start:end] with edits, which lie inside it in
// order, applied.
func typoApplyEdits(t string, start, end int, edits []typoEdit) string {
	var b strings.Builder
	last := start
	for _, e := range edits {
		b.WriteString(t[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.WriteString(t[last:end])
	return b.String()
}

// typoWantMark returns the mark p wants in place of m, or 0 when m is right
// (a guillemet facing the wrong way is left to quote-unbalanced).
func typoWantMark(p *Profile, marks []typoMark, m typoMark) rune {
	o, depth := m, m.depth
	switch {
	case m.partner >= 0:
		c := marks[m.partner]
		if !m.open {
			o, c = c, m
		}
		if typoPairOK(p, o.r, c.r, depth) || typoReversed(p, o.r, c.r) {
			return 0
		}
	case m.weak:
		return 0
	default:
		role := typoRole(p, m.r)
		if m.open && role&1 != 0 || !m.open && role&2 != 0 || role != 0 && typoIsGuil(m.r) {
			return 0
		}
	}
	op, cl := typoWant(p, typoQuoteFamily(o.r), depth)
	if m.open {
		return op
	}
	return cl
}

func typoQuoteStyle(s *Segment) []Issue {
	p, t := s.Tgt, s.Target
	if p == Generic || !typoHasQuote(t) {
		return nil
	}
	var buf [16]typoMark
	marks := typoScanQuotes(t, p, buf[:0])
	// First the edit of every wrong mark, so that a fix of a quotation also
	// mends the quotations inside it.
	var editBuf [8]typoEdit
	edits, floor := editBuf[:0], 0
	for i, m := range marks {
		if want := typoWantMark(p, marks, m); want != 0 {
			e := typoMarkEdit(t, m, want, p, floor)
			edits, floor = append(edits, e), e.end
			marks[i].edit = len(edits)
		}
	}
	var out []Issue
	for _, m := range marks {
		if m.edit == 0 {
			continue
		}
		a, b := m.edit-1, m.edit-1
		found := string(m.r)
		if m.partner >= 0 {
			if !m.open && edits[m.edit-1].end-marks[m.partner].pos <= typoMaxSpan {
				continue // part of its opening mark's issue
			}
			if c := marks[m.partner]; m.open && edits[c.edit-1].end-edits[a].start <= typoMaxSpan {
				b, found = c.edit-1, found+" "+string(c.r)
			}
		}
		op, cl := typoWant(p, typoQuoteFamily(m.r), m.depth)
		is := issue("quote-style", Error, edits[a].start, edits[b].end, "found", found, "expected", string(op)+" "+string(cl))
		out = append(out, withFix(is, typoApplyEdits(t, edits[a].start, edits[b].end, edits[a:b+1])))
	}
	return out
}

// typoCounterpart returns the mark of p that pairs with r, or 0.
func typoCounterpart(p *Profile, r rune) rune {
	switch r {
	case p.Open:
		return p.Close
	case p.Close:
		return p.Open
	case p.Open2:
		return p.Close2
	case p.Close2:
		return p.Open2
	}
	for k, o := range p.AlsoOpen {
		if k < len(p.AlsoClose) && o == r {
			return p.AlsoClose[k]
		} else if k < len(p.AlsoClose) && p.AlsoClose[k] == r {
			return o
		}
	}
	return 0
}

// typoWrongWay: a guillemet of p that opens where p closes with it, or the
// other way round (» opening a quotation in French).
func typoWrongWay(p *Profile, m typoMark) bool {
	role := typoRole(p, m.r)
	return typoIsGuil(m.r) && (m.open && role == 2 || !m.open && role == 1)
}

func typoQuoteUnbalanced(s *Segment) []Issue {
	p, t := s.Tgt, s.Target
	if !typoHasQuote(t) {
		return nil
	}
	var buf [16]typoMark
	marks := typoScanQuotes(t, p, buf[:0])
	var out []Issue
	nOpen, nClose := 0, 0
	for i := range marks {
		m := &marks[i]
		switch {
		case m.partner >= 0:
			if c := marks[m.partner]; m.open && typoReversed(p, m.r, c.r) {
				o, cl := typoCounterpart(p, m.r), typoCounterpart(p, c.r)
				edits := [2]typoEdit{typoMarkEdit(t, *m, o, p, 0)}
				edits[1] = typoMarkEdit(t, c, cl, p, edits[0].end)
				if c.end-m.pos > typoMaxSpan {
					for k, e := range edits {
						is := issue("quote-unbalanced", Error, e.start, e.end, "mark", string([2]rune{m.r, c.r}[k]))
						out = append(out, withFix(is, e.text))
					}
					continue
				}
				is := issue("quote-unbalanced", Error, m.pos, c.end, "mark", string(m.r))
				out = append(out, withFix(is, typoApplyEdits(t, m.pos, c.end, edits[:])))
			}
		case m.weak:
		case typoWrongWay(p, *m):
			e := typoMarkEdit(t, *m, typoCounterpart(p, m.r), p, 0)
			is := issue("quote-unbalanced", Error, e.start, e.end, "mark", string(m.r))
			out = append(out, withFix(is, e.text))
			m.weak = true // reported: not counted below
		case m.open:
			nOpen++
		default:
			nClose++
		}
	}
	if nOpen+nClose == 0 {
		return out
	}
	sOpen, sClose := 0, 0
	if s.HasSource && typoHasQuote(s.Source) {
		var sbuf [16]typoMark
		for _, m := range typoScanQuotes(s.Source, s.Src, sbuf[:0]) {
			if m.partner < 0 && !m.weak {
				if m.open {
					sOpen++
				} else {
					sClose++
				}
			}
		}
	}
	sev := Error
	if !s.HasSource {
		sev = Warning
	}
	// A quotation the source leaves open goes on in the next segment: the
	// target's last open mark stands for it. One the source closes began in
	// the previous segment: the target's first closing mark stands for it.
	extra := nOpen - sOpen
	for _, m := range marks {
		if extra > 0 && m.open && m.partner < 0 && !m.weak {
			out = append(out, issue("quote-unbalanced", sev, m.pos, m.end, "mark", string(m.r)))
			extra--
		}
	}
	extra = nClose - sClose
	for i := len(marks) - 1; i >= 0 && extra > 0; i-- {
		if m := marks[i]; !m.open && m.partner < 0 && !m.weak {
			out = append(out, issue("quote-unbalanced", sev, m.pos, m.end, "mark", string(m.r)))
			extra--
		}
	}
	return out
}

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
	st.init(entBuf[:])
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
			st.push(len(opens), fam, false)
			opens = append(opens, b)
		case st.top[fam] < 0:
			out = append(out, b)
		default:
			k := st.top[fam]
			for _, e := range st.ent[k+1:] {
				out = append(out, opens[e.item])
			}
			st.cut(k, nil)
		}
	}
	for _, e := range st.ent {
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
