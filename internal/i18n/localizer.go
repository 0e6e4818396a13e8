package i18n

import (
	"fmt"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Localizer fills in the messages of one UI language. It is safe for concurrent
// use; the Bundle keeps one per UI language.
type Localizer struct {
	tag   language.Tag
	loc   *i18n.Localizer
	names display.Namer
}

// newLocalizer returns the Localizer of tag over bundle.
func newLocalizer(bundle *i18n.Bundle, tag language.Tag) *Localizer {
	return &Localizer{
		tag:   tag,
		loc:   i18n.NewLocalizer(bundle, tag.String()),
		names: display.Tags(tag),
	}
}

// Tag returns the UI language of l.
func (l *Localizer) Tag() language.Tag {
	return l.tag
}

// T returns message id filled with the template data given as pairs:
// T("x", "Name", "Ana"). A missing id returns the id itself (never panics) so a
// page still renders; the locale test catches missing ids.
func (l *Localizer) T(id string, pairs ...any) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data(pairs)})
}

// N returns the plural form of id for count (available as {{.Count}} in the
// message), with extra pairs.
func (l *Localizer) N(id string, count int, pairs ...any) string {
	d := data(pairs)
	if d == nil {
		d = make(map[string]any, 1)
	}
	d["Count"] = count
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: count})
}

// localize renders lc, or returns its message ID when nothing could be rendered.
// go-i18n returns an error along with usable text when it falls back (to
// English for a message missing in l's language, or to the "other" form for a
// missing plural form); that text is kept.
func (l *Localizer) localize(lc *i18n.LocalizeConfig) string {
	s, err := l.loc.Localize(lc)
	if err != nil && s == "" {
		return lc.MessageID
	}
	return s
}

// data turns key/value pairs into template data. A key that is not a string is
// formatted with fmt; a trailing key without a value is dropped.
func data(pairs []any) map[string]any {
	if len(pairs) < 2 {
		return nil
	}
	d := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			key = fmt.Sprint(pairs[i])
		}
		d[key] = pairs[i+1]
	}
	return d
}

// LanguageName names a content language (BCP 47 string such as "ko" or "pt-BR")
// in the UI language ("Korean" in English, "coréen" in French) via
// x/text/language/display; an unparseable tag returns the tag as given, and so
// does one that display has no name for.
func (l *Localizer) LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if name := l.names.Name(t); name != "" {
		return name
	}
	return tag
}

// SelfName names a UI language in itself ("Français", "한국어", "Deutsch"), with
// the first letter upper-cased where the script has case (for the language
// switcher). A language display has no name for is named by its tag.
func SelfName(tag language.Tag) string {
	name := display.Self.Name(tag)
	if name == "" {
		return tag.String()
	}
	_, size := utf8.DecodeRuneInString(name)
	// A cases.Caser is stateful, so one is made per call.
	return cases.Upper(tag).String(name[:size]) + name[size:]
}
