package formats

import "strings"

// markdownBlocks escapes each paragraph for Markdown and drops those left
// empty. Line breaks inside a paragraph become hard breaks (backslash,
// newline); line breaks at its start or end are dropped, since a Markdown
// paragraph cannot begin or end with one.
func markdownBlocks(paras []string) []string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		p = strings.ReplaceAll(p, "\r\n", "\n")
		p = strings.ReplaceAll(p, "\r", "\n")
		p = strings.Trim(p, "\n")
		if p == "" {
			continue
		}
		lines := strings.Split(p, "\n")
		for i, l := range lines {
			lines[i] = escapeMarkdownLine(l)
		}
		out = append(out, strings.Join(lines, "\\\n"))
	}
	return out
}

// escapeMarkdownLine backslash-escapes one line so that Markdown renders it
// literally: the characters \ ` * _ [ ] < > # | ~ anywhere, & where it could
// start an entity, and a leading +, -, = or "digits." / "digits)" that would
// start a list or a heading underline.
func escapeMarkdownLine(l string) string {
	var b strings.Builder
	b.Grow(len(l) + 8)
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	b.WriteString(l[:i])
	rest := l[i:]
	if rest != "" {
		switch rest[0] {
		case '+', '-', '=':
			b.WriteByte('\\')
			b.WriteByte(rest[0])
			rest = rest[1:]
		default:
			d := 0
			for d < len(rest) && rest[d] >= '0' && rest[d] <= '9' {
				d++
			}
			if d > 0 && d < len(rest) && (rest[d] == '.' || rest[d] == ')') {
				b.WriteString(rest[:d])
				b.WriteByte('\\')
				b.WriteByte(rest[d])
				rest = rest[d+1:]
			}
		}
	}
	// Byte by byte is safe: the special characters are ASCII and never occur
	// inside a multi-byte UTF-8 sequence.
	for j := 0; j < len(rest); j++ {
		c := rest[j]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~':
			b.WriteByte('\\')
		case '&':
			if startsEntity(rest[j:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// startsEntity reports whether s, which starts with '&', looks like an HTML
// entity or character reference such as "&amp;" or "&#169;".
func startsEntity(s string) bool {
	j := 1
	if j < len(s) && s[j] == '#' {
		j++
	}
	start := j
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	return j > start && j < len(s) && s[j] == ';'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
