// Package tags is the notation of protected inline markup inside a segment's
// text. An article's bold, italic, links, code and line breaks become numbered
// tokens so that reviewers edit only the words and the markup survives export:
//
//	{1}  opens pair 1        {/1}  closes pair 1        {2/}  stands alone
//
// Numbers run from 1 to 999. What each number stands for (a link and its
// address, emphasis, a line break) is a Tag of the segment's table. A text may
// move its tokens but must keep every one of them, pairs properly nested. It is
// a pure library.
package tags

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Kinds of Tag. Pair kinds enclose text; the others stand alone.
const (
	Bold   = "b"    // <strong>, **…**
	Italic = "i"    // <em>, *…*
	Code   = "code" // <code>, `…`
	Link   = "a"    // <a href>, […](…)
	Strike = "s"    // <del>, ~~…~~
	Sup    = "sup"  // <sup>
	Sub    = "sub"  // <sub>
	Break  = "br"   // a line break inside a paragraph
	Image  = "img"  // an inline image
	Text   = "text" // literal text of the article that reads like a token
)

// Tag is what one number of a segment's table stands for.
type Tag struct {
	ID    int    `json:"id"`
	Kind  string `json:"kind"`
	Href  string `json:"href,omitempty"`  // Link
	Title string `json:"title,omitempty"` // Link, Image
	Src   string `json:"src,omitempty"`   // Image
	Alt   string `json:"alt,omitempty"`   // Image
	Text  string `json:"text,omitempty"`  // Text
}

// Paired reports whether the kind encloses text ({n}…{/n}).
func Paired(kind string) bool {
	switch kind {
	case Break, Image, Text:
		return false
	}
	return true
}

// Find returns the tag numbered id in table, and whether there is one.
func Find(table []Tag, id int) (Tag, bool) {
	for _, t := range table {
		if t.ID == id {
			return t, true
		}
	}
	return Tag{}, false
}

// Form tells the three tokens apart.
type Form int

const (
	Open  Form = iota // {n}
	Close             // {/n}
	Empty             // {n/}
)

// Token is one token found in a text; Start and End are byte offsets.
type Token struct {
	Start, End int
	ID         int
	Form       Form
}

// String writes the token back: {1}, {/1} or {1/}.
func (t Token) String() string { return Format(t.ID, t.Form) }

// Format writes a token.
func Format(id int, f Form) string {
	n := strconv.Itoa(id)
	switch f {
	case Close:
		return "{/" + n + "}"
	case Empty:
		return "{" + n + "/}"
	}
	return "{" + n + "}"
}

// Scan returns the tokens of s in order. Braces that do not make a token
// ("{x}", "{0}", "{1234}") are plain text.
func Scan(s string) []Token {
	var out []Token
	for i := strings.IndexByte(s, '{'); i >= 0; {
		if t, ok := tokenAt(s, i); ok {
			out = append(out, t)
			i = t.End
		} else {
			i++
		}
		k := strings.IndexByte(s[i:], '{')
		if k < 0 {
			break
		}
		i += k
	}
	return out
}

// tokenAt reads the token that starts at s[i] == '{'.
func tokenAt(s string, i int) (Token, bool) {
	t := Token{Start: i, Form: Open}
	j := i + 1
	if j < len(s) && s[j] == '/' {
		t.Form, j = Close, j+1
	}
	k := j
	for k < len(s) && k-j < 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j || s[j] == '0' {
		return t, false
	}
	t.ID, _ = strconv.Atoi(s[j:k])
	if k < len(s) && s[k] == '/' && t.Form == Open {
		t.Form, k = Empty, k+1
	}
	if k >= len(s) || s[k] != '}' {
		return t, false
	}
	t.End = k + 1
	return t, true
}

// Strip returns s without its tokens.
func Strip(s string) string {
	toks := Scan(s)
	if len(toks) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, t := range toks {
		b.WriteString(s[last:t.Start])
		last = t.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// Error explains why a text's tokens are not acceptable. Token is the token
// at fault, as written ("{/2}").
type Error struct {
	Reason string // missing, extra, unclosed, unopened, crossed, twice
	Token  string
}

func (e *Error) Error() string {
	switch e.Reason {
	case "missing":
		return fmt.Sprintf("tag %s is missing", e.Token)
	case "extra":
		return fmt.Sprintf("tag %s is not in the original text", e.Token)
	case "unclosed":
		return fmt.Sprintf("tag %s is not closed", e.Token)
	case "unopened":
		return fmt.Sprintf("tag %s closes nothing", e.Token)
	case "crossed":
		return fmt.Sprintf("tag %s closes across another pair", e.Token)
	}
	return fmt.Sprintf("tag %s appears twice", e.Token)
}

// Balanced checks that every pair in s opens before it closes, pairs nest
// properly and no token appears twice.
func Balanced(s string) error {
	var stack []int
	seen := map[string]bool{}
	for _, t := range Scan(s) {
		key := t.String()
		if seen[key] {
			return &Error{"twice", key}
		}
		seen[key] = true
		switch t.Form {
		case Open:
			stack = append(stack, t.ID)
		case Close:
			if !slices.Contains(stack, t.ID) {
				return &Error{"unopened", key}
			}
			if stack[len(stack)-1] != t.ID {
				return &Error{"crossed", key}
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		return &Error{"unclosed", Format(stack[len(stack)-1], Open)}
	}
	return nil
}

// Check checks that text keeps every token of current and nests its pairs
// properly. A token current does not have is refused ("extra") unless allowed
// says it may be added; allowed nil allows none, so that text may move its
// tags, not drop or add them.
func Check(current, text string, allowed func(Token) bool) error {
	have := map[string]bool{}
	for _, t := range Scan(current) {
		have[t.String()] = true
	}
	got := map[string]bool{}
	for _, t := range Scan(text) {
		key := t.String()
		if !have[key] && (allowed == nil || !allowed(t)) {
			return &Error{"extra", key}
		}
		got[key] = true
	}
	for _, t := range Scan(current) {
		if !got[t.String()] {
			return &Error{"missing", t.String()}
		}
	}
	return Balanced(text)
}

// Depths returns, for the tokens of a text in order, how many pairs are open
// after each prefix: depths[n] counts the pairs open after toks[:n], so
// depths[0] is 0. Sentence splitting uses it not to cut a pair in two.
func Depths(toks []Token) []int {
	depths := make([]int, len(toks)+1)
	for n, t := range toks {
		depths[n+1] = depths[n]
		switch t.Form {
		case Open:
			depths[n+1]++
		case Close:
			depths[n+1]--
		}
	}
	return depths
}
