// Package review holds Copydesk's domain rules: segment states and the transitions
// between them, roles and what each may do, and the validation of what users send.
// It writes through the store, one transaction per change, and knows nothing of HTTP.
package review

import (
	"errors"
	"fmt"

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
)

// Error is a refusal with a public message.
type Error struct {
	class error
	msg   string
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.class }

// Message returns the text that may be shown to the user.
func (e *Error) Message() string { return e.msg }

func invalidf(format string, args ...any) error {
	return &Error{class: ErrInvalid, msg: fmt.Sprintf(format, args...)}
}

func malformedf(format string, args ...any) error {
	return &Error{class: ErrMalformed, msg: fmt.Sprintf(format, args...)}
}

func forbidden(action string) error {
	return &Error{class: ErrForbidden, msg: "your role does not allow you to " + action}
}

// Service applies the rules on top of a store.
type Service struct {
	st *store.Store
}

// New returns a Service writing to st.
func New(st *store.Store) *Service { return &Service{st: st} }

// Store returns the underlying store, for reads that need no rule.
func (s *Service) Store() *store.Store { return s.st }
