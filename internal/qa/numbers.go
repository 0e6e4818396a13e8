package qa

import (
	"math"
	"strings"
)

// number-mismatch: every number of the source must be in the target with the
// same value, each side read with the decimal and group marks of its own
// language (1,250.5 = 1.250,5 = 1 250,5 = 1’250.5), in any Unicode digits.
// Signs, per-cent signs and range dashes are not compared; "3 million" equals
// "300万" and "three", "3 p.m." equals "15 h", "’90s" equals "1990s". A source
// number found nowhere in the target is an error, pointed at a target number
// found nowhere in the source when there is one; such a target number left over
// is a warning. A target number that has the source's value only when read with
// the marks of another language ("3.5" in German) is a number-format warning
// whose fix writes it with the target's marks.

func init() {
	register("number-mismatch", contNumbers)
	// number-format issues come out of number-mismatch's pass, which alone sees
	// both texts' numbers; the id is registered so that Checks lists it.
	register("number-format", func(*Segment) []Issue { return nil })
}

// contNum is a number written in a text: digits, maybe joined by group and
// decimal marks.
type contNum struct {
	s, e    int     // byte span of the digits and marks
	raw     string  // the digits and marks
	val     float64 // value read with the text's marks, when ok
	ok      bool    // reads as one number; else its digit groups count one by one
	timeish bool    // "12.30" before "Uhr" or "pm": its groups count one by one too
	pm      bool    // an hour before "p.m."
	alt     [3]float64
	nalt    int
	cjk     float64 // multiplier of a following 万, 億, 천, 만 (0: none)
	cjkVal  float64 // the value so multiplied (1억 2천만 = 120000000)
	used    bool    // matched by a number of the other text
	skip    bool    // ":00" minutes; never reported
}

func (n *contNum) addAlt(v float64) {
	if n.nalt < len(n.alt) {
		n.alt[n.nalt] = v
		n.nalt++
	}
}

func contEq(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// has reports whether v is among the values of n (itself and alternatives).
func (n *contNum) has(v float64) bool {
	if n.ok && contEq(n.val, v) || n.cjk != 0 && contEq(n.cjkVal, v) {
		return true
	}
	for _, a := range n.alt[:n.nalt] {
		if contEq(a, v) {
			return true
		}
	}
	return false
}

// meets reports whether two numbers share a value.
func (n *contNum) meets(m *contNum) bool {
	if m.ok && n.has(m.val) || m.cjk != 0 && n.has(m.cjkVal) {
		return true
	}
	for _, a := range m.alt[:m.nalt] {
		if n.has(a) {
			return true
		}
	}
	return false
}

func contNumbers(s *Segment) []Issue {
	if !s.HasSource || !contHasDigit(s.Source) && !contHasDigit(s.Target) {
		return nil
	}
	var sb, tb [12]contNum
	var mb [12]int
	src := contScanNums(s.Source, s.Src, sb[:0])
	tgt := contScanNums(s.Target, s.Tgt, tb[:0])
	miss := mb[:0]
	for i := range src {
		a := &src[i]
		if !a.skip && !contFound(a, tgt, s.Target, "", true) {
			miss = append(miss, i)
		}
	}
	extra := 0
	for j := range tgt {
		if !tgt[j].used && !tgt[j].skip {
			extra++
		}
	}
	if len(miss) == 0 && extra == 0 {
		return nil
	}
	var out []Issue
	tl, sl := contBase(s.TargetLang), contBase(s.SourceLang)
	still := miss[:0]
	for _, i := range miss {
		a := &src[i]
		if a.ok && contFormat(s, a, tgt, &out) || contFound(a, tgt, s.Target, tl, true) {
			continue
		}
		still = append(still, i)
	}
	k := 0
	for j := range tgt {
		b := &tgt[j]
		if b.used || b.skip || contFound(b, src, s.Source, sl, false) {
			continue
		}
		if k < len(still) {
			a := &src[still[k]]
			out = append(out, issue("number-mismatch", Error, b.s, b.e,
				"source", s.Source[a.s:a.e], "target", s.Target[b.s:b.e]))
			k++
			continue
		}
		out = append(out, issue("number-mismatch", Warning, b.s, b.e, "target", s.Target[b.s:b.e]))
	}
	for _, i := range still[k:] {
		a := &src[i]
		end := len(s.Target)
		out = append(out, issue("number-mismatch", Error, end, end, "source", s.Source[a.s:a.e]))
	}
	return out
}

// contFound reports whether the number a of one text has its value among the
// numbers of the other text, or, digit group by group, when a is not one
// number or is a time; with lang set, also written in words (three, 三, XIX).
// mark sets used on the numbers that match.
func contFound(a *contNum, nums []contNum, text, lang string, mark bool) bool {
	found := false
	if a.ok || a.cjk != 0 {
		for j := range nums {
			if nums[j].meets(a) {
				found = true
				if !mark {
					return true
				}
				nums[j].used = true
			}
		}
		if found || a.ok && contGroupFound(a.val, nums, mark) ||
			a.ok && !a.timeish && lang != "" && contSpelled(text, lang, a.val) {
			return true
		}
	}
	if a.ok && !a.timeish || found {
		return found
	}
	var gb [8]float64
	first := true
	for _, v := range contGroupVals(a.raw, &gb) {
		ok := contGroupFound(v, nums, mark) || first && a.pm && v < 12 && contGroupFound(v+12, nums, mark) ||
			lang != "" && contSpelled(text, lang, v)
		if !ok {
			return false
		}
		first = false
	}
	return true
}

// contGroupFound reports whether v is a number of nums or a digit group of
// one that counts group by group.
func contGroupFound(v float64, nums []contNum, mark bool) bool {
	for j := range nums {
		b := &nums[j]
		if b.has(v) {
			b.used = b.used || mark
			return true
		}
		if !b.ok || b.timeish {
			var gb [8]float64
			for _, g := range contGroupVals(b.raw, &gb) {
				if contEq(g, v) || b.pm && contEq(g+12, v) {
					b.used = b.used || mark
					return true
				}
			}
		}
	}
	return false
}

// contGroupVals returns the values of the digit groups of raw.
func contGroupVals(raw string, buf *[8]float64) []float64 {
	vals := buf[:0]
	v, in := 0.0, false
	for _, r := range raw {
		if d := contDigit(r); d >= 0 {
			v, in = v*10+float64(d), true
			continue
		}
		if in && len(vals) < len(buf) {
			vals = append(vals, v)
		}
		v, in = 0, false
	}
	if in && len(vals) < len(buf) {
		vals = append(vals, v)
	}
	return vals
}

// contFormat finds a target number that has the value of the source number a
// when read with the marks of another language (German "3.5" for English
// "3.5"), and adds a number-format issue that rewrites it with the target's.
func contFormat(s *Segment, a *contNum, tgt []contNum, out *[]Issue) bool {
	sd, sg := contMarks(s.Src)
	dec := s.Tgt.Decimal
	if dec == "" {
		dec = "."
	}
	for j := range tgt {
		b := &tgt[j]
		if b.used || b.timeish || strings.IndexFunc(b.raw, func(r rune) bool { return contDigit(r) < 0 }) < 0 {
			continue
		}
		for _, m := range [3][2]rune{{sd, sg}, {'.', ','}, {',', '.'}} {
			v, ok := contParse(b.raw, m[0], m[1])
			if !ok || !contEq(v, a.val) {
				continue
			}
			var fix strings.Builder
			for _, r := range b.raw {
				switch {
				case contDigit(r) >= 0:
					fix.WriteRune(r)
				case contSep(r) == m[0]:
					fix.WriteString(dec)
				default:
					fix.WriteString(s.Tgt.Group)
				}
			}
			if fix.String() == b.raw {
				continue
			}
			b.used = true
			*out = append(*out, withFix(issue("number-format", Warning, b.s, b.e, "expected", fix.String()), fix.String()))
			return true
		}
	}
	return false
}
