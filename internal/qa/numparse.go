package qa

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contDigit returns the value of a decimal digit of any script, or -1.
func contDigit(r rune) int {
	if r < 0x660 {
		if '0' <= r && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	return contDigitSlow(r)
}

func contDigitSlow(r rune) int {
	if r < 0x660 || 0x2E80 <= r && r < 0xA620 || 0xAC00 <= r && r < 0xFF10 || !unicode.IsDigit(r) {
		return -1 // the test of ranges skips Chinese, Japanese and Korean fast
	}
	v := 0
	for unicode.IsDigit(r-rune(v)-1) && v < 50 {
		v++
	}
	return v % 10
}

// contSep maps a mark that may sit between digits to its plain form, or 0.
func contSep(r rune) rune {
	switch r {
	case '.', '．':
		return '.'
	case ',', '，':
		return ','
	case '\'', '’', ' ', nbsp, nnbsp, '\u2009', '٬':
		return r
	case '٫':
		return '.'
	}
	return 0
}

func contSpaceGroup(g rune) bool { return g == ' ' || g == nbsp || g == nnbsp || g == '\u2009' }

// contMarks returns the decimal and group marks of p.
func contMarks(p *Profile) (rune, rune) {
	d, _ := utf8.DecodeRuneInString(p.Decimal)
	g, _ := utf8.DecodeRuneInString(p.Group)
	return d, g
}

// contTimeLike reports whether raw may be a time of day: "9.30", "12,45".
func contTimeLike(raw string) bool {
	i := strings.IndexAny(raw, ".,")
	if i < 1 || i > 2 || len(raw)-i != 3 {
		return false
	}
	h, _ := contParse(raw[:i], '.', ',')
	m, ok := contParse(raw[i+1:], '.', ',')
	return ok && h <= 24 && m <= 59
}

// contParse reads the digits and marks raw as one number with the decimal mark
// dec and the group mark grp.
func contParse(raw string, dec, grp rune) (float64, bool) {
	var ip, fp, div float64 = 0, 0, 1
	g, groups, frac := 0, 0, false
	for _, r := range raw {
		if d := contDigit(r); d >= 0 {
			if frac {
				fp, div = fp*10+float64(d), div*10
			} else {
				ip = ip*10 + float64(d)
			}
			g++
			continue
		}
		sep := contSep(r)
		if frac || groups == 0 && g > 3 && sep != dec || groups > 0 && g != 3 {
			return 0, false
		}
		switch {
		case sep == dec:
			frac = true
		case sep == grp, sep == nbsp, sep == nnbsp, sep == '\u2009', sep == '\'', sep == '’', sep == '٬',
			sep == ' ' && contSpaceGroup(grp):
			groups++
		default:
			return 0, false
		}
		g = 0
	}
	if !frac && groups > 0 && g != 3 {
		return 0, false
	}
	return ip + fp/div, true
}

// contScales are words that multiply the number before them.
var contScales = map[string][2]float64{
	"k": {1e3}, "thousand": {1e3}, "mil": {1e3}, "mille": {1e3}, "tausend": {1e3}, "mila": {1e3}, "duizend": {1e3},
	"tsd": {1e3}, "lakh": {1e5}, "lakhs": {1e5}, "crore": {1e7}, "crores": {1e7},
	"m": {1e6}, "mn": {1e6}, "mln": {1e6}, "mio": {1e6}, "million": {1e6}, "millions": {1e6}, "millón": {1e6},
	"millones": {1e6}, "milione": {1e6}, "milioni": {1e6}, "milhão": {1e6}, "milhões": {1e6}, "miljoen": {1e6},
	"millionen": {1e6}, "bn": {1e9}, "b": {1e9}, "mrd": {1e9}, "md": {1e9}, "mds": {1e9}, "milliard": {1e9},
	"milliards": {1e9}, "milliarde": {1e9}, "milliarden": {1e9}, "miliardo": {1e9}, "miliardi": {1e9},
	"miljard": {1e9}, "bilhão": {1e9}, "bilhões": {1e9}, "billion": {1e9, 1e12}, "billions": {1e9, 1e12},
	"billón": {1e12}, "billones": {1e12}, "bilião": {1e12}, "biliões": {1e12}, "biljoen": {1e12},
	"billionen": {1e12}, "tn": {1e12}, "trillion": {1e12, 1e18}, "trillions": {1e12, 1e18},
}

// contTimeWords follow a time of day.
var contTimeWords = abbrev("h hr hrs uhr u uur heures heure horas hora hs ore am pm a.m p.m")

// contCJKScale is the multiplier of 百, 千, 万, 億 and their Korean readings.
func contCJKScale(r rune) float64 {
	switch r {
	case '百', '백':
		return 1e2
	case '千', '천':
		return 1e3
	case '万', '萬', '만':
		return 1e4
	case '億', '亿', '억':
		return 1e8
	case '兆', '조':
		return 1e12
	}
	return 0
}

// contMasked finds URLs, e-mail addresses, tags and placeholders, whose digits
// links.go compares.
func contMasked(t string, buf *[8][2]int) [][2]int {
	spans := buf[:0]
	if contMayLink(t) {
		for i := 0; len(spans) < len(buf); {
			s, e := contNextURL(t, i)
			if s < 0 {
				break
			}
			spans, i = append(spans, [2]int{s, e}), e
		}
	}
	if contMayMarkup(t) {
		for i := 0; len(spans) < len(buf); {
			s, e := contNextMarkup(t, i)
			if s < 0 {
				break
			}
			spans, i = append(spans, [2]int{s, e}), e
		}
	}
	return spans
}

// contScanNums appends the numbers of t, read with the marks of p, to nums.
func contScanNums(t string, p *Profile, nums []contNum) []contNum {
	var mb [8][2]int
	var masked [][2]int // found at the first digit
	looked := false
	dec, grp := contMarks(p)
	spaceGroup := contSpaceGroup(grp)
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf && (c < '0' || c > '9') {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if contDigit(r) < 0 {
			i += n
			continue
		}
		if !looked {
			masked, looked = contMasked(t, &mb), true
		}
		if m := contInSpans(masked, i); m >= 0 {
			i = m
			continue
		}
		s, first := i, true
		g := 0
		for i < len(t) {
			r, n = utf8.DecodeRuneInString(t[i:])
			if contDigit(r) >= 0 {
				i, g = i+n, g+1
				continue
			}
			sep := contSep(r)
			if sep == 0 {
				break
			}
			d := 0 // digits after the mark
			for k := i + n; k < len(t); {
				r2, n2 := utf8.DecodeRuneInString(t[k:])
				if contDigit(r2) < 0 {
					break
				}
				k, d = k+n2, d+1
			}
			if d == 0 || sep == ' ' && (!spaceGroup || d != 3 || first && g > 3) {
				break
			}
			if sep == ' ' || sep == nbsp || sep == nnbsp {
				if g > 3 || d != 3 { // two numbers side by side
					break
				}
			}
			i, g, first = i+n, 0, false
		}
		if len(nums) == contMaxCandidates {
			break
		}
		nums = append(nums, contRead(t, s, i, dec, grp, nums))
		if c := &nums[len(nums)-1]; c.cjk != 0 && len(nums) >= 2 {
			if prev := &nums[len(nums)-2]; prev.cjk > c.cjk && contGapSmall(t[prev.e:s]) {
				prev.cjkVal += c.cjkVal // 1억 2천만
				nums = nums[:len(nums)-1]
			}
		}
	}
	return nums
}

func contInSpans(spans [][2]int, i int) int {
	for _, sp := range spans {
		if sp[0] <= i && i < sp[1] {
			return sp[1]
		}
	}
	return -1
}

// contGapSmall reports whether gap is the scale word and space between the two
// parts of a number like 1억 2천만.
func contGapSmall(gap string) bool {
	for _, r := range gap {
		if contCJKScale(r) == 0 && r != ' ' {
			return false
		}
	}
	return true
}

// contRead makes the number t[s:e] and looks at what follows it.
func contRead(t string, s, e int, dec, grp rune, prev []contNum) contNum {
	n := contNum{s: s, e: e, raw: t[s:e]}
	raw := n.raw
	n.val, n.ok = contParse(raw, dec, grp)
	before, _ := utf8.DecodeLastRuneInString(t[:s])
	if raw == "00" && (before == ':' || before == 'h' || before == 'H') {
		n.skip = true
	}
	if len(raw) == 2 && n.ok && (before == '\'' || before == '’') {
		n.addAlt(1900 + n.val) // ’90s
		n.addAlt(2000 + n.val)
	}
	if len(prev) > 0 && len(raw) == 2 && n.ok && (before == '-' || before == '–' || before == '/') {
		if q := prev[len(prev)-1]; q.ok && q.e+len(string(before)) == s && q.val >= 1000 && q.val < 2100 {
			n.addAlt(math.Floor(q.val/100)*100 + n.val) // 2020–24
		}
	}
	// a scale right after the digits: 300万, 3천만
	k, scale := e, 1.0
	for k < len(t) {
		r, size := utf8.DecodeRuneInString(t[k:])
		m := contCJKScale(r)
		if m == 0 {
			break
		}
		scale, k = scale*m, k+size
	}
	if k > e {
		n.cjk, n.cjkVal = scale, n.val*scale
		return n
	}
	// a word after the digits, maybe after one space: million, pm, Uhr, s
	if r, size := utf8.DecodeRuneInString(t[k:]); r == ' ' || r == nbsp || r == nnbsp {
		k += size
	}
	w := k
	for w < len(t) && w-k < 16 {
		r, size := utf8.DecodeRuneInString(t[w:])
		if !unicode.IsLetter(r) && !(r == '.' && w > k && w+1 < len(t) && unicode.IsLetter(rune(t[w+1]))) {
			break
		}
		w += size
	}
	word := t[k:w]
	switch {
	case word == "":
	case word == "s" && k == e && n.ok && n.val >= 1900 && n.val < 2100:
		n.addAlt(math.Mod(n.val, 100)) // 1990s
	case contInSet(contTimeWords, word):
		n.timeish = !n.ok || contTimeLike(raw)
		if low := strings.ToLower(word); low == "pm" || low == "p.m" {
			n.pm = true
			if h := contHourOf(t, s, prev); h != nil && h.val < 12 {
				h.addAlt(h.val + 12)
			} else if n.ok && n.val < 12 {
				n.addAlt(n.val + 12)
			}
		}
	default:
		if !n.ok {
			break
		}
		var sc [2]float64
		if len(word) <= 24 {
			var buf [24]byte
			sc = contScales[string(contLowerASCII(word, buf[:0]))]
		}
		for _, m := range sc {
			if m != 0 {
				n.addAlt(n.val * m)
			}
		}
	}
	return n
}

// contHourOf returns the number before ":" right before t[s:], the hour of
// "3:30 pm", or nil.
func contHourOf(t string, s int, prev []contNum) *contNum {
	if len(prev) == 0 || s == 0 || t[s-1] != ':' || prev[len(prev)-1].e != s-1 {
		return nil
	}
	return &prev[len(prev)-1]
}

// contLowerASCII appends w lower-cased to buf; other letters are kept.
func contLowerASCII(w string, buf []byte) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

func contHasDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; '0' <= c && c <= '9' {
			return true
		}
	}
	for _, r := range t {
		if r >= 0x660 && unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
