// Package i18n is the go-i18n bundle over the message files in locales/, and the
// choice of the UI language with golang.org/x/text.
//
// The bundle is parsed once at start by New; a malformed file stops the program
// there rather than at the first page that needs it. Each request then asks
// Negotiate for its UI language (user setting, cookie, Accept-Language header,
// English) and For for a Localizer, whose T and N fill the messages in. All of it
// is safe for concurrent use: nothing changes after New returns.
package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	texttemplate "text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"copydesk/locales"
)

// maxAcceptEntries bounds how many entries of a malformed Accept-Language header
// are parsed one by one; a browser sends a handful.
const maxAcceptEntries = 32

// Bundle holds every UI message file, parsed once at start.
type Bundle struct {
	bundle     *i18n.Bundle
	tags       []language.Tag // English first, then the others sorted by tag
	matcher    language.Matcher
	localizers map[language.Tag]*Localizer
}

// New parses every file in locales.FS (fail fast: a malformed file is an error
// naming it). English is the default and must exist.
func New() (*Bundle, error) {
	return newFromFS(locales.FS)
}

// newFromFS builds a Bundle from the *.json files at the root of fsys.
func newFromFS(fsys fs.FS) (*Bundle, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, fmt.Errorf("list message files: %w", err)
	}
	b := &Bundle{bundle: i18n.NewBundle(language.English)}
	for _, name := range names {
		tag, err := b.load(fsys, name)
		if err != nil {
			return nil, err
		}
		if tag != language.English {
			b.tags = append(b.tags, tag)
		}
	}
	if !slices.Contains(names, "en.json") {
		return nil, fmt.Errorf("no English message file en.json among %v", names)
	}
	slices.SortFunc(b.tags, func(x, y language.Tag) int {
		return strings.Compare(x.String(), y.String())
	})
	b.tags = slices.Insert(b.tags, 0, language.English)
	b.matcher = language.NewMatcher(b.tags)
	b.localizers = make(map[language.Tag]*Localizer, len(b.tags))
	for _, tag := range b.tags {
		b.localizers[tag] = newLocalizer(b.bundle, tag)
	}
	return b, nil
}

// load parses the message file name into the bundle and returns its language.
// The file name must be a canonical language tag, and every message template
// must parse.
func (b *Bundle) load(fsys fs.FS, name string) (language.Tag, error) {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	tag, err := language.Parse(base)
	if err != nil {
		return language.Und, fmt.Errorf("message file %s: name is not a language tag: %w", name, err)
	}
	if tag.String() != base {
		return language.Und, fmt.Errorf("message file %s: name it %s.json", name, tag)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return language.Und, fmt.Errorf("read message file %s: %w", name, err)
	}
	file, err := b.bundle.ParseMessageFileBytes(data, name)
	if err != nil {
		return language.Und, fmt.Errorf("parse message file %s: %w", name, err)
	}
	if len(file.Messages) == 0 {
		return language.Und, fmt.Errorf("message file %s: no messages", name)
	}
	for _, m := range file.Messages {
		if err := checkTemplates(m); err != nil {
			return language.Und, fmt.Errorf("message file %s: %w", name, err)
		}
	}
	return tag, nil
}

// checkTemplates parses every plural form of m as go-i18n will when rendering
// it, so that a broken {{...}} fails at start and not on a page.
func checkTemplates(m *i18n.Message) error {
	for _, src := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if !strings.Contains(src, "{{") {
			continue
		}
		if _, err := texttemplate.New(m.ID).Parse(src); err != nil {
			return fmt.Errorf("message %q: %w", m.ID, err)
		}
	}
	return nil
}

// Languages returns the UI languages, English first, then the others sorted by tag.
func (b *Bundle) Languages() []language.Tag {
	return slices.Clone(b.tags)
}

// Supported reports whether tag (a string such as "fr") is one of the UI
// languages, and returns its canonical form. The match is exact after parsing
// ("FR" is fr, but "fr-CA" is not a UI language); use Negotiate to match loosely.
func (b *Bundle) Supported(tag string) (language.Tag, bool) {
	if tag == "" {
		return language.Und, false
	}
	t, err := language.Parse(tag)
	if err != nil {
		return language.Und, false
	}
	for _, ui := range b.tags {
		if ui == t {
			return ui, true
		}
	}
	return language.Und, false
}

// Negotiate picks the UI language: the user's setting, then the cookie, then the
// Accept-Language header (matched with a language.Matcher over Languages(), so
// "fr-CA" gives fr, "de-AT;q=0.9" gives de, "pt" gives English), then English.
// Empty or unsupported settings/cookies are skipped.
func (b *Bundle) Negotiate(userSetting, cookie, acceptLanguage string) language.Tag {
	for _, s := range []string{userSetting, cookie} {
		if t, ok := b.Supported(s); ok {
			return t
		}
	}
	if desired := parseAcceptLanguage(acceptLanguage); len(desired) > 0 {
		// The matched tag may carry extensions (fr-u-rg-cazzzz); the index
		// names the UI language itself.
		if _, i, conf := b.matcher.Match(desired...); conf != language.No {
			return b.tags[i]
		}
	}
	return language.English
}

// parseAcceptLanguage returns the languages of an Accept-Language header, most
// wanted first. language.ParseAcceptLanguage refuses a whole header for one bad
// entry ("xx, fr"); then each entry is parsed alone and the bad ones skipped.
func parseAcceptLanguage(header string) []language.Tag {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err == nil {
		return tags
	}
	type weighted struct {
		tag language.Tag
		q   float32
	}
	var good []weighted
	for i, entry := range strings.Split(header, ",") {
		if i == maxAcceptEntries {
			break
		}
		ts, qs, err := language.ParseAcceptLanguage(entry)
		if err != nil || len(ts) != 1 {
			continue
		}
		good = append(good, weighted{ts[0], qs[0]})
	}
	slices.SortStableFunc(good, func(x, y weighted) int {
		switch {
		case x.q > y.q:
			return -1
		case x.q < y.q:
			return 1
		}
		return 0
	})
	tags = make([]language.Tag, len(good))
	for i, w := range good {
		tags[i] = w.tag
	}
	return tags
}

// For returns a Localizer for tag (falling back to English for any missing
// message). A tag that is not a UI language gets the closest one, or English.
func (b *Bundle) For(tag language.Tag) *Localizer {
	if l, ok := b.localizers[tag]; ok {
		return l
	}
	if _, i, conf := b.matcher.Match(tag); conf != language.No {
		return b.localizers[b.tags[i]]
	}
	return b.localizers[language.English]
}
