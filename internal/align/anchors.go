package align

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// anchors are the parts of a text that survive translation: numbers, names
// and acronyms written the same in both languages, quotation marks and the
// question and exclamation marks that end sentences. A unit of several
// sentences (a bead, a paragraph) has the anchors of its sentences together.
type anchors struct {
	numbers   []string // significant digits: 1,250.5 and 1.250,5 are "12505", 750,000 and 75万 "75"
	names     []string // capitalised words not opening a sentence, and acronyms
	quotes    int      // sentences with a quotation mark
	questions int      // sentences ending with ? or ？
	exclaims  int      // sentences ending with ! or ！
}

// Weights of the anchor evidence, in the units of the length cost (-log
// probability). Matches lower the cost of a bead, clear disagreements raise it.
const (
	numberBonus    = 2.0
	numberBonusCap = 8.0
	numberPenalty  = 3.0
	numberPenCap   = 6.0
	nameBonus      = 1.0
	nameBonusCap   = 4.0
	namePenalty    = 0.4
	namePenCap     = 2.0
	quoteBonus     = 0.5
	quotePenalty   = 1.0
	questionWeight = 1.0
	exclaimWeight  = 0.5
)

// sentenceAnchors returns the anchors of one sentence.
func sentenceAnchors(s string) anchors {
	var a anchors
	for _, n := range numbers(s) {
		a.numbers = append(a.numbers, significant(n))
	}
	a.names = dedupe(names(s))
	if strings.ContainsAny(s, "\"“”«»„‟「」『』") {
		a.quotes = 1
	}
	end := strings.TrimRightFunc(s, func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune("\"'“”«»„’‘)]」』）", c)
	})
	c, _ := utf8.DecodeLastRuneInString(end)
	switch c {
	case '?', '？':
		a.questions = 1
	case '!', '！':
		a.exclaims = 1
	}
	return a
}

// join returns the anchors of a and b taken together, each name once.
func join(a, b anchors) anchors {
	return anchors{
		numbers:   append(append([]string(nil), a.numbers...), b.numbers...),
		names:     dedupe(append(append([]string(nil), a.names...), b.names...)),
		quotes:    a.quotes + b.quotes,
		questions: a.questions + b.questions,
		exclaims:  a.exclaims + b.exclaims,
	}
}

// anchorCost scores how well the anchors (names given once each) of a source unit and of a target
// unit agree, for a bead that claims one translates the other: negative when
// they agree, positive when they clearly disagree. Names that are missing on
// one side count against the bead only when both languages share a script
// (sameScript), as names are transliterated between scripts.
func anchorCost(a, b anchors, sameScript bool) float64 {
	cost := 0.0
	m := matches(a.numbers, b.numbers)
	if m > 0 {
		cost -= min(numberBonus*float64(m), numberBonusCap)
	}
	if miss := len(a.numbers) + len(b.numbers) - 2*m; miss > 0 {
		cost += min(numberPenalty*float64(miss), numberPenCap)
	}
	na, nb := a.names, b.names
	m = matches(na, nb)
	if m > 0 {
		cost -= min(nameBonus*float64(m), nameBonusCap)
	}
	if miss := len(na) + len(nb) - 2*m; sameScript && miss > 0 {
		cost += min(namePenalty*float64(miss), namePenCap)
	}
	switch {
	case a.quotes > 0 && b.quotes > 0:
		cost -= quoteBonus
	case a.quotes > 0 || b.quotes > 0:
		cost += quotePenalty
	}
	cost += markCost(a.questions, b.questions, questionWeight)
	cost += markCost(a.exclaims, b.exclaims, exclaimWeight)
	return cost
}

// markCost compares the counts of sentences ending with one mark: a bonus of
// w for each shared one, 1.5·w for each that only one side has.
func markCost(x, y int, w float64) float64 {
	shared, diff := min(x, y), max(x, y)-min(x, y)
	return -w*float64(shared) + 1.5*w*float64(diff)
}

// matches counts the items common to the multisets a and b.
func matches(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var buf [16]bool
	used := buf[:0]
	if len(b) > len(buf) {
		used = make([]bool, len(b))
	} else {
		used = buf[:len(b)]
	}
	n := 0
	for _, x := range a {
		for j, y := range b {
			if !used[j] && x == y {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

// dedupe returns the distinct items of s, in order.
func dedupe(s []string) []string {
	var out []string
	for i, x := range s {
		seen := false
		for _, y := range s[:i] {
			if x == y {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, x)
		}
	}
	return out
}

// numbers returns the numbers of s as digit runs without their separators,
// so that the English 1,250.5, the German 1.250,5 and the French 1 250,5 are
// all "12505". Separators are . and , between digits, the no-break spaces,
// and a plain space before a group of exactly three digits after a group of
// one to three ("1 250", but not "2020 150"). Leading zeros are dropped.
func numbers(s string) []string {
	var out []string
	r := []rune(s)
	for i := 0; i < len(r); {
		if !isDigit(r[i]) {
			i++
			continue
		}
		var b strings.Builder
		group := 0
		for i < len(r) {
			switch {
			case isDigit(r[i]):
				b.WriteRune(r[i])
				group++
				i++
				continue
			case (r[i] == '.' || r[i] == ',' || r[i] == '\u00A0' || r[i] == '\u202F' || r[i] == '\u2009') &&
				i+1 < len(r) && isDigit(r[i+1]):
				group = 0
				i++
				continue
			case r[i] == ' ' && group >= 1 && group <= 3 && threeDigits(r[i+1:]):
				group = 0
				i++
				continue
			}
			break
		}
		n := strings.TrimLeft(b.String(), "0")
		if n == "" {
			n = "0"
		}
		out = append(out, n)
	}
	return out
}

// significant returns the digits of n without its trailing zeros, so that a
// number written with a unit word or character matches the same number
// written out: 750,000 and 75万 (Japanese, Chinese) or 75만 (Korean), 60
// million and 6000万, 3.31 million and 331万. Numbers that differ by a power
// of ten (2 and 20) then match too, a small price next to the cost of
// reading the other as a clear disagreement.
func significant(n string) string {
	if s := strings.TrimRight(n, "0"); s != "" {
		return s
	}
	return n
}

// threeDigits reports whether r starts with exactly three digits.
func threeDigits(r []rune) bool {
	if len(r) < 3 || !isDigit(r[0]) || !isDigit(r[1]) || !isDigit(r[2]) {
		return false
	}
	return len(r) == 3 || !isDigit(r[3])
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

// names returns the words of s that a translation keeps as they are: words
// with a capital first letter that do not open the sentence (Paris, Airbus),
// and acronyms of two capitals or more anywhere (NASA, UE).
func names(s string) []string {
	var out []string
	first := true
	for w := range strings.FieldsFuncSeq(s, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsMark(c) && c != '-'
	}) {
		w = strings.Trim(w, "-")
		if w == "" {
			continue
		}
		c, _ := utf8.DecodeRuneInString(w)
		opening := first
		first = false
		if !unicode.IsUpper(c) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		if acronym(w) || !opening {
			out = append(out, w)
		}
	}
	return out
}

// acronym reports whether w has no lower-case letter and two capitals or more.
func acronym(w string) bool {
	upper := 0
	for _, c := range w {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	return upper >= 2
}

// sameScript reports whether two BCP 47 language tags are written in the
// same script, so that names are expected to stay identical. Languages not
// known here are taken as written in Latin script.
func sameScript(a, b string) bool {
	return script(a) == script(b)
}

func script(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	base, _, _ = strings.Cut(base, "_")
	switch base {
	case "ko":
		return "Hang"
	case "ja":
		return "Jpan"
	case "zh":
		return "Hani"
	case "ru", "uk", "bg", "sr", "be", "mk", "kk":
		return "Cyrl"
	case "el":
		return "Grek"
	case "ar", "fa", "ur":
		return "Arab"
	case "he", "yi":
		return "Hebr"
	case "hi", "mr", "ne":
		return "Deva"
	case "th":
		return "Thai"
	}
	return "Latn"
}
