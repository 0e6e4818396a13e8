package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Links and markup. url-mismatch wants every URL (http://, https://, ftp://,
// www.) and e-mail address of the source unchanged in the target; punctuation
// that ends a sentence after a URL is not part of it. markup-mismatch wants the
// same inline markup on both sides, in any order: HTML and XML tags (<b>, </b>,
// <a href="…">, <br/>, <x1/>, <g id="1">), compared with their attributes
// except the translatable ones (alt, title, aria-label, placeholder, label),
// and the placeholders of message formats: {1}, {name}, {{name}}, %s, %d,
// %1$s, %(name)s, %.2f. Other braces and per-cent signs are text. A tag that
// lacks its ">" or breaks the nesting the source has is broken.

func init() {
	register("url-mismatch", contURLs)
	register("markup-mismatch", contMarkup)
}

// contURLRune reports whether r may be part of a URL. Letters of other
// scripts may (IDN), but not Chinese, Japanese or Korean, which follow URLs
// without a space.
func contURLRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r < 0x7f && !strings.ContainsRune("<>\"'`{}|\\^", r)
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// contURLEnd returns where the URL whose body starts at i ends: before spaces,
// quotes, and the final punctuation of a sentence.
func contURLEnd(t string, i int) int {
	e := i
	for e < len(t) && e-i < 2048 {
		r, n := utf8.DecodeRuneInString(t[e:])
		if !contURLRune(r) {
			break
		}
		e += n
	}
	for e > i {
		c := t[e-1]
		if strings.IndexByte(".,;:!?*", c) >= 0 ||
			c == ')' && strings.Count(t[i:e], "(") < strings.Count(t[i:e], ")") ||
			c == ']' && strings.Count(t[i:e], "[") < strings.Count(t[i:e], "]") {
			e--
			continue
		}
		break
	}
	return e
}

func contIsAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// contNextURL returns the span of the first URL or e-mail address at or
// after t[from:], or -1, -1.
func contNextURL(t string, from int) (int, int) {
	var c contCands
	for from < len(t) {
		i := c.next(t, from)
		if i < 0 {
			return -1, -1
		}
		switch t[i] {
		case ':':
			s := i
			for s > from && (contIsAlnum(t[s-1]) || t[s-1] == '+' || t[s-1] == '-' || t[s-1] == '.') {
				s--
			}
			if e := contURLEnd(t, i+3); s < i && e > i+3 {
				return s, e
			}
		case '@':
			s := i
			for s > from && (contIsAlnum(t[s-1]) || strings.IndexByte("._%+-", t[s-1]) >= 0) {
				s--
			}
			e := contURLEnd(t, i+1)
			if dot := strings.LastIndexByte(t[i:e], '.'); s < i && dot > 1 && dot < e-i-1 {
				return s, e
			}
			from = max(e, i+1) // "a@b@c" is no address: no need to read it again
			continue
		default: // www.
			if i == 0 || !contIsAlnum(t[i-1]) && t[i-1] != '/' && t[i-1] != '.' {
				if e := contURLEnd(t, i+4); e > i+4 {
					return i, e
				}
			}
		}
		from = i + 1
	}
	return -1, -1
}

// contCands finds where URLs may start: "://", "@", "www." and "WWW.",
// remembering each next place so that the text is read once.
type contCands struct {
	at   [4]int // next place of each, valid when >= from; -1: none left
	init bool
}

var contCandMarks = [4]string{"://", "@", "www.", "WWW."}

func (c *contCands) next(t string, from int) int {
	best := -1
	for k, m := range contCandMarks {
		if !c.init || c.at[k] >= 0 && c.at[k] < from {
			c.at[k] = -1
			if i := strings.Index(t[from:], m); i >= 0 {
				c.at[k] = from + i
			}
		}
		if c.at[k] >= 0 && (best < 0 || c.at[k] < best) {
			best = c.at[k]
		}
	}
	c.init = true
	return best
}

// contSameURL compares two URLs, the scheme and host without case.
func contSameURL(a, b string) bool {
	if a == b {
		return true
	}
	ha, hb := contHostEnd(a), contHostEnd(b)
	return ha == hb && strings.EqualFold(a[:ha], b[:hb]) && a[ha:] == b[hb:]
}

func contHostEnd(u string) int {
	s := 0
	if i := strings.Index(u, "://"); i >= 0 {
		s = i + 3
	}
	if i := strings.IndexAny(u[s:], "/?#"); i >= 0 {
		return s + i
	}
	return len(u)
}

func contURLs(s *Segment) []Issue {
	if !s.HasSource || !contMayLink(s.Source) {
		return nil
	}
	var sb, tb [8][2]int
	src := contUntagged(s.Source, contCollect(s.Source, contNextURL, sb[:0]))
	if len(src) == 0 {
		return nil
	}
	tgt := contUntagged(s.Target, contCollect(s.Target, contNextURL, tb[:0]))
	var used [8]bool
	var out []Issue
	for i, a := range src {
		u := s.Source[a[0]:a[1]]
		if contURLBefore(s.Source, src[:i], u) {
			continue // the same URL again
		}
		best, score := -1, 0
		for j, b := range tgt {
			if j < len(used) && used[j] {
				continue
			}
			v := s.Target[b[0]:b[1]]
			if contSameURL(u, v) {
				best, score = j, -1
				break
			}
			if sc := contLikeness(u, v); sc > score {
				best, score = j, sc
			}
		}
		if best >= 0 && best < len(used) {
			used[best] = true
		}
		switch {
		case score < 0:
		case best >= 0:
			b := tgt[best]
			out = append(out, withFix(issue("url-mismatch", Error, b[0], b[1], "url", u), u))
		default:
			end := len(s.Target)
			out = append(out, issue("url-mismatch", Error, end, end, "url", u))
		}
	}
	return out
}

func contURLBefore(t string, spans [][2]int, u string) bool {
	for _, sp := range spans {
		if contSameURL(t[sp[0]:sp[1]], u) {
			return true
		}
	}
	return false
}

func contMayLink(t string) bool {
	return strings.Contains(t, "://") || strings.IndexByte(t, '@') >= 0 || strings.Contains(t, "ww.") ||
		strings.Contains(t, "WW.")
}

// contUntagged drops the URLs inside tags, which markup-mismatch compares.
func contUntagged(t string, urls [][2]int) [][2]int {
	if len(urls) == 0 || strings.IndexByte(t, '<') < 0 {
		return urls
	}
	var tb [8][2]int
	tags := contTagSpans(t, tb[:0])
	kept := urls[:0]
	for _, u := range urls {
		if contInSpans(tags, u[0]) < 0 {
			kept = append(kept, u)
		}
	}
	return kept
}

// contCollect gathers the spans that next finds in t.
func contCollect(t string, next func(string, int) (int, int), spans [][2]int) [][2]int {
	for i := 0; i < len(t) && len(spans) < 32; { // more links in a sentence are no sentence
		s, e := next(t, i)
		if s < 0 {
			break
		}
		spans, i = append(spans, [2]int{s, e}), max(e, s+1)
	}
	return spans
}

// contLikeness scores how alike two URLs are: the length of their common
// beginning and end, 0 when under half of the shorter.
func contLikeness(a, b string) int {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	if 2*(p+q) < min(len(a), len(b)) {
		return 0
	}
	return p + q
}
