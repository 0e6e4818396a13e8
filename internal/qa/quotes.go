package qa

import "strings"

// Pairs: quote-style finds quotation marks of another language, quote-unbalanced
// marks that do not pair up (judged against the source) or face the wrong way,
// and bracket-unbalanced brackets that do not pair up. Apostrophes (don’t,
// l’année, ’90s, James’) and primes (12", 5'10") are not quotation marks.

func init() {
	register("quote-style", typoQuoteStyle)
	register("quote-unbalanced", typoQuoteUnbalanced)
	register("bracket-unbalanced", typoBracketUnbalanced)
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
