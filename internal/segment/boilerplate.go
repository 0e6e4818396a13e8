package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate reports whether line (one line of text) is furniture of the web
// page an article was scraped from rather than part of the article. lang (a
// BCP 47 tag) picks the labels of its language; English labels count in every
// language, as many sites keep them. A line is furniture when it is:
//
//   - a navigation or button label alone ("Home", "Skip to content", "Back
//     to top", "Accueil", "Zurück nach oben", "Compartir"), perhaps with a
//     count or arrows around it ("Comments (12)", "↑ Back to top"), but not
//     a line ending with . ! or ?;
//   - a share or follow line ("Share on Facebook", "Suivez-nous sur X") or
//     the names of networks ("Facebook Twitter LinkedIn");
//   - a teaser of another article ("Read more: …", "Lire aussi : …");
//   - a bar of short items between | • · › » or > ("Home › News › World"),
//     with three items or more, or two when one is a label;
//   - links, handles and hashtags only, two or more;
//   - a cookie notice, a copyright or "all rights reserved" line;
//   - a short contact line: an e-mail address or a phone number with at most
//     a few words and no sentence punctuation at the end.
//
// Bylines ("By Jane Doe"), datelines, headings and photo credits without ©
// are kept: they belong to the article and are translated with it.
func Boilerplate(lang, line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || !hasWordChar(line) {
		return false
	}
	lower := strings.ToLower(strings.ReplaceAll(line, "’", "'"))
	words := len(strings.Fields(line))
	sets := labelSets(lang)
	if words <= 100 && containsAny(lower, cookieNotices) {
		return true
	}
	if words <= 25 && (strings.ContainsRune(line, '©') || strings.HasPrefix(lower, "copyright ") ||
		containsAny(lower, rightsReserved)) {
		return true
	}
	if words <= 30 && isTeaser(lower, sets) {
		return true
	}
	if isBar(line, sets) || isLinkList(line) {
		return true
	}
	ended := endsSentence(line)
	if ended || words > 12 {
		return false
	}
	if isContact(line, lower) {
		return true
	}
	norm := normLabel(lower)
	if norm == "" {
		return false
	}
	for _, s := range sets {
		if s.labels[norm] {
			return true
		}
		if words <= 8 && hasPrefixWord(norm, s.shortPrefixes) {
			return true
		}
	}
	return allSocial(norm, sets)
}

// BoilerplateLines tells for each of lines whether it is furniture: lines
// for which Boilerplate is true, and the short lines without sentence
// punctuation between two of them ("Home", "News", "Sport", "Search" in a
// menu, where "News" and "Sport" are no label).
func BoilerplateLines(lang string, lines []string) []bool {
	flags := make([]bool, len(lines))
	for i, l := range lines {
		flags[i] = Boilerplate(lang, l)
	}
	last := -1 // the last furniture line, if only short lines came after it
	for i, l := range lines {
		switch {
		case flags[i]:
			for k := last + 1; last >= 0 && k < i; k++ {
				flags[k] = true
			}
			last = i
		case !isShortLabel(l):
			last = -1
		}
	}
	return flags
}

// isShortLabel reports whether line could be a menu item: one to three words,
// no sentence punctuation at the end.
func isShortLabel(line string) bool {
	line = strings.TrimSpace(line)
	n := len(strings.Fields(line))
	return n >= 1 && n <= 3 && len(line) <= 40 && hasWordChar(line) &&
		!strings.ContainsAny(line[len(line)-1:], ".!?:;,")
}

// endsSentence reports whether line ends with . ! ? or 。！？ (after closing
// quotes), but not with an ellipsis ("Read more…").
func endsSentence(line string) bool {
	line = strings.TrimRightFunc(line, isCloser)
	if strings.HasSuffix(line, "...") || strings.HasSuffix(line, "…") {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(line)
	return c == '.' || c == '!' || c == '?' || isCJKTerminator(c)
}

// normLabel reduces a lower-case line to its words, without punctuation,
// arrows, brackets or numbers: "↑ back to top" → "back to top", "comments
// (12)" → "comments".
func normLabel(lower string) string {
	fields := strings.FieldsFunc(lower, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsMark(c) &&
			c != '\'' && c != '-' && c != '&' && c != '°'
	})
	kept := fields[:0]
	for _, f := range fields {
		if f = strings.Trim(f, "-'&"); f != "" && !allDigits(f) {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

// hasPrefixWord reports whether s is one of prefixes or starts with one and a
// space.
func hasPrefixWord(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok && (rest == "" || rest[0] == ' ') {
			return true
		}
	}
	return false
}

// isTeaser reports whether lower opens with a teaser label and a colon:
// "read more: minister resigns", "lire aussi : …".
func isTeaser(lower string, sets []*labelSet) bool {
	head, _, ok := strings.Cut(lower, ":")
	if !ok {
		return false
	}
	head = normLabel(head)
	for _, s := range sets {
		for _, t := range s.teasers {
			if head == t {
				return true
			}
		}
	}
	return false
}

// barSeparators cut a line into the items of a menu or breadcrumb trail.
const barSeparators = "|•·¦∙⋅"

// isBar reports whether line is short items between separators.
func isBar(line string, sets []*labelSet) bool {
	seps := barSeparators
	if !strings.ContainsAny(line, "«‹") {
		seps += "»›"
	}
	line = strings.ReplaceAll(line, " > ", " | ")
	if !strings.ContainsAny(line, seps) {
		return false
	}
	items, label := 0, false
	for item := range strings.FieldsFuncSeq(line, func(c rune) bool { return strings.ContainsRune(seps, c) }) {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if len(strings.Fields(item)) > 5 || len(item) > 50 || endsSentence(item) {
			return false
		}
		items++
		norm := normLabel(strings.ToLower(item))
		for _, s := range sets {
			label = label || s.labels[norm] || s.social[norm]
		}
	}
	return items >= 3 || (items == 2 && label)
}

// isLinkList reports whether line is two or more links, e-mail addresses,
// @handles or #hashtags and nothing else.
func isLinkList(line string) bool {
	n := 0
	for f := range strings.FieldsSeq(line) {
		f = strings.Trim(f, ",;|")
		if f == "" {
			continue
		}
		if !isLink(f) && !isEmail(f) && !((f[0] == '@' || f[0] == '#') && len(f) > 1) {
			return false
		}
		n++
	}
	return n >= 2
}

func isLink(f string) bool {
	f = strings.ToLower(f)
	return strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "www.")
}

// isEmail reports whether f looks like name@domain.tld.
func isEmail(f string) bool {
	f = strings.TrimRight(f, ".,;:)>]")
	f = strings.TrimLeft(f, "(<[")
	at := strings.IndexByte(f, '@')
	return at > 0 && strings.Contains(f[at+1:], ".") && !strings.ContainsAny(f, " /") &&
		!strings.HasSuffix(f, ".")
}

// isContact reports whether line is an e-mail address or a phone number with
// a few words ("Contact: press@example.com", "Tel. +33 1 23 45 67 89").
func isContact(line, lower string) bool {
	for f := range strings.FieldsSeq(line) {
		if isEmail(f) {
			return true
		}
	}
	for i := 0; i < len(line); i++ {
		if line[i] == '+' && phoneDigits(line[i+1:]) >= 7 {
			return true
		}
	}
	for _, l := range phoneLabels {
		if rest, ok := strings.CutPrefix(lower, l); ok && phoneDigits(strings.TrimLeft(rest, ".: ")) >= 7 {
			return true
		}
	}
	return false
}

// phoneDigits counts the digits of the phone number that s starts with:
// digits, spaces, brackets, dots, slashes and hyphens.
func phoneDigits(s string) int {
	n := 0
	for i := 0; i < len(s) && strings.IndexByte("0123456789 ()-./", s[i]) >= 0; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	if s == "" || !(s[0] >= '0' && s[0] <= '9' || s[0] == '(') {
		return 0
	}
	return n
}

// allSocial reports whether norm is two or more names of networks or share
// buttons: "facebook twitter linkedin", "share tweet email".
func allSocial(norm string, sets []*labelSet) bool {
	ws := strings.Fields(norm)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		found := false
		for _, s := range sets {
			found = found || s.social[w]
		}
		if !found {
			return false
		}
	}
	return true
}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
