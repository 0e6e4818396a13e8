// Package hunspell checks spelling with the hunspell program, as a qa.Speller.
//
// A Pool keeps at most one long-lived checking process per dictionary, started
// on first use and restarted when it dies or stops answering. Checking runs
// "hunspell -l" behind stdbuf (coreutils) so that each line is answered at once:
// unlike "hunspell -a", it does not compute suggestions for every unknown word,
// which costs tens to hundreds of milliseconds a word. Suggestions come on
// demand from a second process per dictionary, "hunspell -a", started only when
// Suggest is first called.
//
// It needs the Debian package hunspell and a dictionary package per language
// (hunspell-en-us, hunspell-fr, hunspell-de-de, ...). It never logs the text
// it checks.
package hunspell

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"copydesk/internal/qa"

	"golang.org/x/text/language"
)

// Options configure a Pool.
type Options struct {
	// Command is the hunspell program; default "hunspell".
	Command string
	// DictDir is a folder of .aff and .dic pairs to use instead of hunspell's
	// own search path (/usr/share/hunspell on Debian).
	DictDir string
	// Words are the project's own words (names, brands, jargon), taken as
	// spelled right. A word in lower case also matches its capitalised and
	// upper-case forms; any word also matches its upper-case form.
	Words []string
	// Timeout bounds one request; default 5 seconds. A process that does not
	// answer in time is killed and started again on the next request.
	Timeout time.Duration
	// Log, when not nil, is told of failures (never of the text checked).
	Log *slog.Logger
}

// Suggester is implemented by the spellers that For returns.
type Suggester interface {
	// Suggest returns the dictionary's corrections for a word, best first;
	// nil when it has none or the word is known.
	Suggest(word string) []string
}

// Pool starts at most one hunspell process per dictionary, lazily, and reuses it.
// It is safe for concurrent use.
type Pool struct {
	opts  Options
	known map[string]bool // the project's words in every accepted casing

	mu       sync.Mutex
	dicts    map[string]string   // dictionary name ("fr_FR") -> -d argument; nil until listed
	spellers map[string]*speller // by -d argument
	closed   bool
}

// NewPool makes a pool; it starts no process.
func NewPool(opts Options) *Pool {
	if opts.Command == "" {
		opts.Command = "hunspell"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	p := &Pool{opts: opts, known: map[string]bool{}, spellers: map[string]*speller{}}
	for _, w := range opts.Words {
		w = strings.TrimSpace(w)
		if w == "" {
			continue
		}
		p.known[w] = true
		p.known[strings.ToUpper(w)] = true
		if w == strings.ToLower(w) {
			r := []rune(w)
			p.known[strings.ToUpper(string(r[0]))+string(r[1:])] = true
		}
	}
	return p
}

// For returns the speller of a BCP 47 language ("fr", "en-GB", "pt-BR"), and
// false when no dictionary of that language is installed or the pool is closed.
// The process itself starts on the first check.
func (p *Pool) For(lang string) (qa.Speller, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, false
	}
	if p.dicts == nil {
		p.dicts = p.listDicts()
	}
	name := pickDict(lang, p.dicts)
	if name == "" {
		return nil, false
	}
	arg := p.dicts[name]
	s, ok := p.spellers[arg]
	if !ok {
		s = newSpeller(p, lang, arg)
		p.spellers[arg] = s
	}
	return s, true
}

// Close stops every process; the pool's spellers find nothing afterwards.
func (p *Pool) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	for _, s := range p.spellers {
		s.check.close()
		s.sugg.close()
	}
	return nil
}

// logError reports a failure without the text that was being checked.
func (p *Pool) logError(dict string, err error) {
	if p.opts.Log != nil && !errors.Is(err, errClosed) {
		p.opts.Log.Warn("hunspell failed", "dictionary", filepath.Base(dict), "err", err)
	}
}

// listDicts maps each installed dictionary's name to the -d argument that loads it.
func (p *Pool) listDicts() map[string]string {
	dicts := map[string]string{}
	if p.opts.DictDir != "" {
		files, _ := filepath.Glob(filepath.Join(p.opts.DictDir, "*.dic"))
		for _, f := range files {
			base := strings.TrimSuffix(f, ".dic")
			if _, err := os.Stat(base + ".aff"); err == nil {
				dicts[filepath.Base(base)] = base
			}
		}
		return dicts
	}
	ctx, cancel := context.WithTimeout(context.Background(), p.opts.Timeout+10*time.Second)
	defer cancel()
	// hunspell -D lists the dictionaries on stderr, then checks its empty stdin.
	out, err := exec.CommandContext(ctx, p.opts.Command, "-D").CombinedOutput()
	if err != nil {
		p.logError("", err)
	}
	listing := false
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "AVAILABLE DICTIONARIES"):
			listing = true
		case strings.HasPrefix(line, "LOADED DICTIONARY"):
			listing = false
		case listing && filepath.IsAbs(line):
			name := filepath.Base(line)
			if _, dup := dicts[name]; !dup {
				dicts[name] = line
			}
		}
	}
	return dicts
}

// dictDefaults are the dictionaries tried, in order, for a language with no
// region or with a region that has no dictionary of its own.
var dictDefaults = map[string][]string{
	"en": {"en_US", "en_GB"},
	"fr": {"fr_FR", "fr"},
	"de": {"de_DE", "de_AT", "de_CH"},
	"es": {"es_ES", "es_MX", "es"},
	"it": {"it_IT", "it"},
	"pt": {"pt_PT", "pt_BR"},
	"nl": {"nl_NL", "nl"},
}

// britishRegions write English the British way.
var britishRegions = map[string]bool{"AU": true, "NZ": true, "IE": true, "ZA": true, "IN": true, "GB": true, "UK": true}

// pickDict returns the name of the best installed dictionary for a BCP 47 tag.
func pickDict(lang string, dicts map[string]string) string {
	base, region := splitTag(lang)
	if base == "" {
		return ""
	}
	var cands []string
	if region != "" {
		cands = append(cands, base+"_"+region)
		if base == "en" && britishRegions[region] {
			cands = append(cands, "en_GB")
		}
		if base == "pt" && region != "BR" {
			cands = append(cands, "pt_PT")
		}
	}
	cands = append(cands, dictDefaults[base]...)
	cands = append(cands, base)
	for _, c := range cands {
		if _, ok := dicts[c]; ok {
			return c
		}
	}
	var others []string
	for name := range dicts {
		if strings.HasPrefix(name, base+"_") {
			others = append(others, name)
		}
	}
	if len(others) == 0 {
		return ""
	}
	sort.Strings(others)
	return others[0]
}

// splitTag returns the lower-case language and the upper-case region of a tag
// such as "pt-BR", "pt_br" or "zh-Hant-TW".
func splitTag(lang string) (base, region string) {
	parts := strings.FieldsFunc(lang, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return "", ""
	}
	base = strings.ToLower(parts[0])
	for _, p := range parts[1:] {
		if len(p) == 1 {
			break // an extension or private use follows
		}
		if len(p) == 2 || (len(p) == 3 && p[0] >= '0' && p[0] <= '9') {
			return base, strings.ToUpper(p)
		}
	}
	return base, ""
}

// latinScript says whether a language is written in Latin letters.
func latinScript(lang string) bool {
	sc, conf := language.Make(lang).Script()
	return conf == language.No || sc.String() == "Latn"
}
