package hunspell

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/internal/qa"
)

const (
	maxLine  = 256   // bytes of one word sent to hunspell; longer ones are broken
	maxChunk = 16000 // bytes sent in one exchange, well under a pipe's buffer
)

// speller checks the text of one dictionary.
type speller struct {
	pool     *Pool
	dict     string // -d argument
	latin    bool   // the language is written in Latin letters
	sentinel string // a non-word sent after each text: its echo ends the answer
	check    *proc  // hunspell -l: unknown words, no suggestions
	sugg     *proc  // hunspell -a: suggestions, started on demand
}

func newSpeller(p *Pool, lang, dict string) *speller {
	s := &speller{pool: p, dict: dict, latin: latinScript(lang), sentinel: newSentinel()}
	s.check = &proc{timeout: p.opts.Timeout, argv: s.checkArgv, greet: s.greetCheck}
	s.sugg = &proc{timeout: p.opts.Timeout, argv: s.suggArgv, greet: s.greetSugg}
	return s
}

// newSentinel returns a random run of consonants that no dictionary knows.
func newSentinel() string {
	const consonants = "bcdfghjklmnpqrstvwxz"
	b := []byte("zqx")
	for range 9 {
		b = append(b, consonants[rand.IntN(len(consonants))])
	}
	return string(b)
}

// checkArgv runs hunspell -l with a line-buffered output: without stdbuf it
// would keep its answers until its buffer fills.
func (s *speller) checkArgv() ([]string, error) {
	stdbuf, err := exec.LookPath("stdbuf")
	if err != nil {
		return nil, errors.New("hunspell: stdbuf not found (Debian package coreutils)")
	}
	return []string{stdbuf, "-oL", s.pool.opts.Command, "-l", "-i", "utf-8", "-d", s.dict}, nil
}

func (s *speller) suggArgv() ([]string, error) {
	return []string{s.pool.opts.Command, "-a", "-i", "utf-8", "-d", s.dict}, nil
}

// greetCheck makes a first round trip: the sentinel must come back.
func (s *speller) greetCheck(pr *proc) error {
	if err := pr.write(s.sentinel, "\n"); err != nil {
		return err
	}
	return s.readUntilSentinel(pr, nil)
}

// greetSugg reads the version banner, turns terse mode on (no line for known
// words) and accepts the project's words for this session.
func (s *speller) greetSugg(pr *proc) error {
	banner, err := pr.readLine()
	if err != nil {
		return err
	}
	if !strings.HasPrefix(banner, "@(#)") {
		return fmt.Errorf("unexpected banner %q", banner)
	}
	var b strings.Builder
	b.WriteString("!\n")
	for w := range s.pool.known {
		if !strings.ContainsAny(w, "/ \t\r\n\x00") {
			b.WriteString("@" + w + "\n")
		}
	}
	return pr.write(b.String())
}

// readUntilSentinel reads the words hunspell -l prints, up to the sentinel.
func (s *speller) readUntilSentinel(pr *proc, words *[]string) error {
	for {
		line, err := pr.readLine()
		if err != nil {
			return err
		}
		if line == s.sentinel {
			return nil
		}
		if words != nil {
			*words = append(*words, line)
		}
	}
}

// Unknown returns the words of text that the dictionary does not know, with
// their byte offsets, leaving out numbers, words with digits, links, e-mail
// addresses, upper-case acronyms, elided forms and the project's words. It
// returns nil when hunspell fails.
func (s *speller) Unknown(text string) []qa.Word {
	words, err := s.unknown(text)
	if err != nil {
		s.pool.logError(s.dict, err)
		return nil
	}
	return words
}

func (s *speller) unknown(text string) ([]qa.Word, error) {
	if !hasLetter(text) {
		return nil, nil
	}
	clean := sanitize(text, s.sentinel)
	var found []qa.Word
	var toks []string
	for start := 0; start < len(clean); {
		end := chunkEnd(clean, start)
		err := s.check.do(func(pr *proc) error {
			toks = toks[:0]
			if err := pr.write(string(clean[start:end]), "\n", s.sentinel, "\n"); err != nil {
				return err
			}
			return s.readUntilSentinel(pr, &toks)
		})
		if err != nil {
			return nil, err
		}
		cursor := start
		for _, t := range toks {
			i := findToken(clean, t, cursor, end)
			if i < 0 {
				continue // not as sent (an entity hunspell rewrote): leave it
			}
			cursor = i + len(t)
			if w, ok := s.keep(text, i, i+len(t)); ok {
				found = append(found, w)
			}
		}
		start = end
	}
	return found, nil
}

// Suggest returns hunspell's corrections for word, best first; nil when it
// has none, knows the word, or fails.
func (s *speller) Suggest(word string) []string {
	word = strings.TrimSpace(word)
	if word == "" || !utf8.ValidString(word) || strings.ContainsAny(word, "\r\n\x00") {
		return nil
	}
	var out []string
	err := s.sugg.do(func(pr *proc) error {
		out = nil
		if err := pr.write("^", word, "\n"); err != nil {
			return err
		}
		for {
			line, err := pr.readLine()
			if err != nil {
				return err
			}
			if line == "" {
				return nil // end of the answer
			}
			// "& word count offset: s1, s2, ..." for the first unknown token.
			if _, list, ok := strings.Cut(line, ": "); ok && line[0] == '&' && out == nil {
				out = strings.Split(list, ", ")
			}
		}
	})
	if err != nil {
		s.pool.logError(s.dict, err)
		return nil
	}
	return out
}

// sanitize returns a copy of text of the same length that hunspell reads as
// intended: one word a line, since its time grows with the square of a line's
// length. Spaces, control characters and invalid bytes end lines (a space of
// several bytes becomes a newline and spaces), over-long words are broken, and
// the sentinel cannot appear.
func sanitize(text, sentinel string) []byte {
	b := []byte(text)
	lineStart := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r < 0x20 || r == 0x7f || unicode.IsSpace(r) || r == utf8.RuneError && n == 1 ||
			i+n-lineStart > maxLine {
			b[i] = '\n'
			for k := i + 1; k < i+n; k++ {
				b[k] = ' '
			}
			lineStart = i + 1
		}
		i += n
	}
	for i := bytes.Index(b, []byte(sentinel)); i >= 0; i = bytes.Index(b, []byte(sentinel)) {
		copy(b[i:], bytes.Repeat([]byte{' '}, len(sentinel)))
	}
	return b
}

// chunkEnd returns where the exchange that starts at start ends: after a
// newline, at most maxChunk bytes on.
func chunkEnd(b []byte, start int) int {
	if len(b)-start <= maxChunk {
		return len(b)
	}
	if i := bytes.LastIndexByte(b[start:start+maxChunk], '\n'); i >= 0 {
		return start + i + 1
	}
	return start + maxChunk // unreachable: sanitize keeps lines shorter
}

// findToken returns where tok stands as a whole word in b[from:to], or -1.
func findToken(b []byte, tok string, from, to int) int {
	if tok == "" {
		return -1
	}
	for from < to {
		i := bytes.Index(b[from:to], []byte(tok))
		if i < 0 {
			return -1
		}
		i += from
		j := i + len(tok)
		before, _ := utf8.DecodeLastRune(b[:i])
		after, _ := utf8.DecodeRune(b[j:])
		if (i == 0 || !isWordRune(before)) && (j == len(b) || !isWordRune(after)) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
