// Package qa checks a translated segment against its source with the typography of
// the target language: quotation marks, spacing, end punctuation, numbers, links,
// markup, glossary terms and more. Each issue points at a byte span of the target
// and, where the fix is mechanical, carries the replacement for that span. It is a
// pure library: it knows nothing of HTTP, SQL or the UI language.
package qa

import (
	"sort"
	"strings"
)

// Severity says how sure a check is.
type Severity string

// Severities.
const (
	Error   Severity = "error"   // almost certainly a slip
	Warning Severity = "warning" // worth a look; may be intended
)

// Issue is one finding in a target text.
type Issue struct {
	Check    string   `json:"check"`
	Severity Severity `json:"severity"`
	// Message is a UI message ID ("qa.quote-style"); Args fills its template.
	Message string            `json:"message"`
	Args    map[string]string `json:"args,omitempty"`
	// Start and End are byte offsets into the target; End >= Start. An issue
	// about something missing points at an empty span where it belongs, or at
	// the whole target.
	Start int `json:"start"`
	End   int `json:"end"`
	// Fix, when not nil, replaces target[Start:End] to mend the slip.
	Fix *string `json:"fix,omitempty"`
}

// Term is a glossary entry: where Source appears in the source text, Target must
// appear in the translation.
type Term struct {
	Source string
	Target string
}

// Speller knows which words of a language are spelled right. It is optional.
type Speller interface {
	// Unknown returns the words of text that the dictionary does not know, with
	// their byte offsets.
	Unknown(text string) []Word
}

// Word is a word found in a text.
type Word struct {
	Text       string
	Start, End int
}

// Input is one segment to check.
type Input struct {
	SourceLang string // BCP 47; may be empty when there is no source
	TargetLang string // BCP 47
	Source     string // empty when checking a text without a source
	Target     string
	Glossary   []Term
	Speller    Speller // nil: no spelling check
}

// Segment is what a check sees: the input with both language profiles resolved.
type Segment struct {
	Input
	Src *Profile // profile of the source language (Generic when unknown)
	Tgt *Profile // profile of the target language
	// HasSource is false when only a target text is checked.
	HasSource bool
}

// checkFunc finds the issues of one kind.
type checkFunc func(s *Segment) []Issue

type registered struct {
	id string
	fn checkFunc
}

var registry []registered

// register adds a check; called from init functions, one per check file.
func register(id string, fn checkFunc) {
	registry = append(registry, registered{id: id, fn: fn})
	sort.Slice(registry, func(i, j int) bool { return registry[i].id < registry[j].id })
}

// Checks returns the ids of every check, sorted.
func Checks() []string {
	ids := make([]string, len(registry))
	for i, r := range registry {
		ids[i] = r.id
	}
	return ids
}

// Check runs every check on in and returns the issues ordered by position, then
// check id. It never returns nil.
func Check(in Input) []Issue {
	s := &Segment{Input: in, Src: ProfileFor(in.SourceLang), Tgt: ProfileFor(in.TargetLang),
		HasSource: in.Source != "" || in.SourceLang != ""}
	issues := []Issue{}
	for _, r := range registry {
		issues = append(issues, r.fn(s)...)
	}
	sort.SliceStable(issues, func(i, j int) bool {
		if issues[i].Start != issues[j].Start {
			return issues[i].Start < issues[j].Start
		}
		return issues[i].Check < issues[j].Check
	})
	return issues
}

// Apply returns target with the fix of issue applied, and whether there was one.
func Apply(target string, is Issue) (string, bool) {
	if is.Fix == nil || is.Start < 0 || is.End > len(target) || is.Start > is.End {
		return target, false
	}
	return target[:is.Start] + *is.Fix + target[is.End:], true
}

// ApplyAll applies every fix that does not overlap one applied before it and
// returns the new text and how many fixes it applied.
func ApplyAll(target string, issues []Issue) (string, int) {
	fixes := make([]Issue, 0, len(issues))
	for _, is := range issues {
		if is.Fix != nil && is.Start >= 0 && is.Start <= is.End && is.End <= len(target) {
			fixes = append(fixes, is)
		}
	}
	sort.SliceStable(fixes, func(i, j int) bool { return fixes[i].Start < fixes[j].Start })
	var b strings.Builder
	b.Grow(len(target) + 8)
	last, applied := 0, 0
	prevInsertAt := -1
	for _, f := range fixes {
		if f.Start < last || (f.Start == f.End && f.Start == prevInsertAt) {
			continue // overlaps a fix already applied
		}
		b.WriteString(target[last:f.Start])
		b.WriteString(*f.Fix)
		last = f.End
		if f.Start == f.End {
			prevInsertAt = f.Start
		}
		applied++
	}
	b.WriteString(target[last:])
	return b.String(), applied
}

// issue builds an Issue with the message ID "qa."+check.
func issue(check string, sev Severity, start, end int, args ...string) Issue {
	is := Issue{Check: check, Severity: sev, Message: "qa." + check, Start: start, End: end}
	if len(args) > 0 {
		is.Args = make(map[string]string, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			is.Args[args[i]] = args[i+1]
		}
	}
	return is
}

// withFix sets the replacement text of an issue.
func withFix(is Issue, fix string) Issue {
	is.Fix = &fix
	return is
}
