package qa

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
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

func init() { register("number-mismatch", contNumbers) }

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

// contNumWords are the numbers 0 to 20 in words ("|" between numbers), then
// the months, then hundred | thousand, per language.
var contNumWords = map[string][3]string{
	"en": {"zero none|one a an first once single|two second twice both pair|three third thrice|four fourth|five fifth|" +
		"six sixth|seven seventh|eight eighth|nine ninth|ten tenth|eleven eleventh|twelve twelfth dozen|thirteen|" +
		"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty twentieth",
		"january february march april may june july august september october november december", "hundred hundredth|thousand thousandth"},
	"fr": {"zéro aucun aucune|un une premier première|deux deuxième second seconde|trois troisième|quatre quatrième|" +
		"cinq cinquième|six sixième|sept septième|huit huitième|neuf neuvième|dix dixième|onze onzième|douze douzième douzaine|" +
		"treize|quatorze|quinze quinzaine|seize|dix-sept|dix-huit|dix-neuf|vingt vingtième|",
		"janvier février mars avril mai juin juillet août septembre octobre novembre décembre", "cent centième|mille millième"},
	"de": {"null kein keine|ein eine einen einem einer eines eins erste ersten erster erstes erstem|zwei zweite zweiten zweiter beide beiden|" +
		"drei dritte dritten dritter|vier vierte vierten|fünf fünfte fünften|sechs sechste sechsten|sieben siebte siebten|" +
		"acht achte achten|neun neunte neunten|zehn zehnte zehnten|elf|zwölf dutzend|dreizehn|vierzehn|fünfzehn|sechzehn|" +
		"siebzehn|achtzehn|neunzehn|zwanzig",
		"januar februar märz april mai juni juli august september oktober november dezember", "hundert hundertste hundertsten|tausend tausendste tausendsten"},
	"es": {"cero ningún ninguna|un uno una primer primero primera|dos segundo segunda ambos ambas|tres tercer tercero tercera|" +
		"cuatro cuarto cuarta|cinco quinto quinta|seis sexto sexta|siete séptimo séptima|ocho octavo octava|nueve noveno novena|" +
		"diez décimo décima|once|doce docena|trece|catorce|quince|dieciséis|diecisiete|dieciocho|diecinueve|veinte",
		"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre", "cien ciento centésimo centésima|mil milésimo milésima"},
	"it": {"zero nessun nessuno nessuna|un uno una primo prima|due secondo seconda entrambi|tre terzo terza|quattro quarto quarta|" +
		"cinque quinto quinta|sei sesto sesta|sette settimo settima|otto ottavo ottava|nove nono nona|dieci decimo decima|" +
		"undici|dodici dozzina|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti",
		"gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre", "cento centesimo centesima|mille millesimo millesima"},
	"pt": {"zero nenhum nenhuma|um uma primeiro primeira|dois duas segundo segunda ambos|três terceiro terceira|quatro quarto quarta|" +
		"cinco quinto quinta|seis sexto sexta|sete sétimo sétima|oito oitavo oitava|nove nono nona|dez décimo décima|onze|" +
		"doze dúzia|treze|catorze quatorze|quinze|dezesseis dezasseis|dezessete dezassete|dezoito|dezenove dezanove|vinte",
		"janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro", "cem cento centésimo centésima|mil milésimo milésima"},
	"nl": {"nul geen|een één eerste|twee tweede beide|drie derde|vier vierde|vijf vijfde|zes zesde|zeven zevende|acht achtste|" +
		"negen negende|tien tiende|elf|twaalf dozijn|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig",
		"januari februari maart april mei juni juli augustus september oktober november december", "honderd honderdste|duizend duizendste"},
	"ko": {"|하나 한 첫 첫째|둘 두 둘째|셋 세 셋째|넷 네 넷째|다섯|여섯|일곱|여덟|아홉|열||||||||||스물 스무", "", ""},
}

// contWordVals maps language, then word, to the numbers it may stand for.
var contWordVals = map[string]map[string][]float64{}

func init() {
	for lang, w := range contNumWords {
		m := map[string][]float64{}
		for v, words := range strings.Split(w[0], "|") {
			for _, word := range strings.Fields(words) {
				m[word] = append(m[word], float64(v))
			}
		}
		for v, word := range strings.Fields(w[1]) {
			m[word] = append(m[word], float64(v+1))
		}
		for i, words := range strings.Split(w[2], "|") {
			for _, word := range strings.Fields(words) {
				m[word] = append(m[word], math.Pow(10, float64(2+i)))
			}
		}
		contWordVals[lang] = m
		contTensWords(lang, m)
	}
}

// contTens are the tens from 20 to 90 and contUnits the units from 1 to 9
// as they join into 21 to 99.
var contTens = map[string]string{
	"en": "twenty thirty forty fifty sixty seventy eighty ninety",
	"fr": "vingt trente quarante cinquante soixante soixante-dix quatre-vingts quatre-vingt-dix",
	"de": "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
	"es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
	"it": "venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
	"pt": "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
	"nl": "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
}

var contUnits = map[string]string{
	"en": "one two three four five six seven eight nine",
	"fr": "un deux trois quatre cinq six sept huit neuf",
	"de": "ein zwei drei vier fünf sechs sieben acht neun",
	"es": "uno dos tres cuatro cinco seis siete ocho nueve",
	"it": "uno due tre quattro cinque sei sette otto nove",
	"pt": "um dois três quatro cinco seis sete oito nove",
	"nl": "een twee drie vier vijf zes zeven acht negen",
}

// contPhrases holds numbers written in several words: treinta y cinco.
var contPhrases = map[string]map[string]float64{}

// contTensWords adds 20 to 99 in words to m, and to contPhrases.
func contTensWords(lang string, m map[string][]float64) {
	tens, units := strings.Fields(contTens[lang]), strings.Fields(contUnits[lang])
	phrases := map[string]float64{}
	for i, t := range tens {
		v := float64(20 + 10*i)
		m[t] = append(m[t], v)
		for j, u := range units {
			if lang == "fr" && i >= 5 {
				break // soixante et onze and the like are left out
			}
			var w string
			switch lang {
			case "en", "fr":
				w = t + "-" + u
				if lang == "fr" && j == 0 {
					w, phrases[t+" et un"] = t+"-et-un", v+1
				}
			case "de":
				w = u + "und" + t
			case "nl":
				w = u + "en" + t
				if strings.HasSuffix(u, "e") {
					w = u + "ën" + t
				}
			case "es":
				if i == 0 {
					w = "veinti" + strings.NewReplacer("dos", "dós", "tres", "trés", "seis", "séis").Replace(u)
				} else {
					phrases[t+" y "+u] = v + float64(j+1)
				}
			case "it":
				if u == "uno" || u == "otto" {
					t = strings.TrimRight(t, "ia")
				}
				w = t + strings.Replace(u, "tre", "tré", 1)
				t = tens[i]
			case "pt":
				phrases[t+" e "+u] = v + float64(j+1)
			}
			if w != "" {
				m[w] = append(m[w], v+float64(j+1))
			}
		}
	}
	contPhrases[lang] = phrases
}

// contSpelled reports whether text writes v in words of lang, in Chinese
// numerals or in Roman numerals.
func contSpelled(text, lang string, v float64) bool {
	if v != math.Trunc(v) || v < 0 {
		return false
	}
	words := contWordVals[lang]
	start := -1
	for i := 0; i <= len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if i < len(text) && (unicode.IsLetter(r) || unicode.IsMark(r) || r == '-' && start >= 0) {
			if start < 0 {
				start = i
			}
			i += n
			continue
		}
		if start >= 0 {
			w := text[start:i]
			if words != nil && contWordIs(words, strings.ToLower(w), v) || contRomanValue(w) == v || contHanHas(w, v) {
				return true
			}
			start = -1
		}
		i += max(n, 1)
	}
	if v > 20 && v < 100 && len(contPhrases[lang]) > 0 {
		low := strings.ToLower(text)
		for ph, x := range contPhrases[lang] {
			if x == v && contHasWord(low, ph) {
				return true
			}
		}
	}
	return false
}

// contWordIs reports whether w stands for v; a Korean word may carry an
// ending or a counter (다섯이, 두명).
func contWordIs(words map[string][]float64, w string, v float64) bool {
	for _, x := range words[w] {
		if x == v {
			return true
		}
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.Is(unicode.Hangul, r) {
		return false
	}
	for i, r := range w {
		if i == 0 {
			continue
		}
		if i > 9 {
			break // number words have at most three syllables
		}
		long := utf8.RuneCountInString(w[:i]) >= 2
		for _, x := range words[w[:i]] {
			if x == v && (long || strings.ContainsRune("명개살번년월일시분차", r)) {
				return true
			}
		}
	}
	return false
}

// contHanDigits are the Chinese digits, 〇 to 九.
const contHanDigits = "〇一二三四五六七八九"

// contHanHas reports whether a run of Chinese numerals in w has the value v.
func contHanHas(w string, v float64) bool {
	total, section, num := 0.0, 0.0, 0.0
	digit, seen := false, false
	flush := func() bool {
		ok := seen && total+section+num == v
		total, section, num, digit, seen = 0, 0, 0, false, false
		return ok
	}
	for _, r := range w {
		d := -1
		if k := strings.IndexRune(contHanDigits, r); k >= 0 {
			d = k / 3 // each digit is three bytes
		} else if r == '零' {
			d = 0
		} else if r == '两' || r == '兩' {
			d = 2
		}
		switch m := contCJKScale(r); {
		case d >= 0:
			if digit {
				num = num*10 + float64(d)
			} else {
				num = float64(d)
			}
			digit, seen = true, true
		case r == '十':
			section += math.Max(num, 1) * 10
			num, digit, seen = 0, false, true
		case m == 1e2 || m == 1e3:
			section += math.Max(num, 1) * m
			num, digit, seen = 0, false, true
		case m >= 1e4:
			total += (section + num) * m
			section, num, digit, seen = 0, 0, false, true
		default:
			if flush() {
				return true
			}
		}
	}
	return flush()
}

// contRoman is the value of a Roman digit, or 0.
func contRoman(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

// contRomanValue returns the value of a Roman numeral of two letters or more,
// or of one with an ordinal ending (XIXe, XXIᵉ, Ier), or -1.
func contRomanValue(w string) float64 {
	short := 2
	for _, suf := range [...]string{"ᵉ", "ème", "er", "e", "º"} {
		if t := strings.TrimSuffix(w, suf); t != w && t != "" {
			w, short = t, 1
			break
		}
	}
	if len(w) < short {
		return -1
	}
	total, prev := 0, 0
	for i := len(w) - 1; i >= 0; i-- {
		v := contRoman(w[i])
		if v == 0 {
			return -1
		}
		if v < prev {
			total -= v
		} else {
			total, prev = total+v, v
		}
	}
	return float64(total)
}
