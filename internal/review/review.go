// Package review holds Copydesk's domain rules: segment states and the transitions
// between them, roles and what each may do, and the validation of what users send.
// It writes through the store, one transaction per change, and knows nothing of HTTP.
package review

import (
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"golang.org/x/text/language"

	"copydesk/internal/i18n"
	"copydesk/internal/mt"
	"copydesk/internal/qa"
	"copydesk/internal/store"
)

// Segment states.
const (
	StateMT       = "mt"       // machine output, untouched
	StateDraft    = "draft"    // edited, not yet approved
	StateApproved = "approved" // accepted by a reviewer
	StateRejected = "rejected" // sent back with a reason
)

// States lists every segment state in workflow order.
var States = []string{StateMT, StateDraft, StateApproved, StateRejected}

// ValidState reports whether s names a segment state.
func ValidState(s string) bool {
	for _, v := range States {
		if v == s {
			return true
		}
	}
	return false
}

// Revision kinds written by the rules in this package.
const (
	KindImport  = "import"
	KindEdit    = "edit"
	KindApprove = "approve"
	KindReject  = "reject"
)

// Error classes. An *Error wraps one of them and carries a message that is safe to
// show to the person who made the request.
var (
	ErrInvalid   = errors.New("invalid")   // the request is well formed but breaks a rule
	ErrMalformed = errors.New("malformed") // the request cannot be understood
	ErrForbidden = errors.New("forbidden") // the user's role does not allow it
	ErrNotReady  = errors.New("not ready") // a machine translation is still being made, or failed
)

// Error is a refusal whose message is safe to show to the person who made the
// request. The message is a UI message (locales/), so that a page can show it in
// the reader's language; the API and the command line show it in English.
type Error struct {
	class error
	id    string
	data  []any // template data as name/value pairs
}

func (e *Error) Error() string { return english().T(e.id, e.data...) }
func (e *Error) Unwrap() error { return e.class }

// Message returns the English text.
func (e *Error) Message() string { return e.Error() }

// Localize returns the text in the localizer's language.
func (e *Error) Localize(l *i18n.Localizer) string { return l.T(e.id, e.data...) }

// english renders refusals for the API and the command line. The message files
// are embedded, so failing to parse them is a bug that every test shows.
var english = sync.OnceValue(func() *i18n.Localizer {
	b, err := i18n.New()
	if err != nil {
		panic(fmt.Sprintf("review: load messages: %v", err))
	}
	return b.For(language.English)
})

func invalid(id string, pairs ...any) error {
	return &Error{class: ErrInvalid, id: id, data: pairs}
}

func malformed(id string, pairs ...any) error {
	return &Error{class: ErrMalformed, id: id, data: pairs}
}

func notReady(id string, pairs ...any) error {
	return &Error{class: ErrNotReady, id: id, data: pairs}
}

func forbidden(id string) error {
	return &Error{class: ErrForbidden, id: id}
}

// Service applies the rules on top of a store.
type Service struct {
	st      *store.Store
	speller func(lang string) (qa.Speller, bool)
	mt      *mt.Set      // nil: no machine translation
	jobs    chan int64   // translations for the background workers
	log     *slog.Logger // for the background workers
}

// New returns a Service writing to st.
func New(st *store.Store) *Service { return &Service{st: st} }

// Store returns the underlying store, for reads that need no rule.
func (s *Service) Store() *store.Store { return s.st }
