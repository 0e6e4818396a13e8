package review

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"copydesk/internal/store"
)

// SessionLifetime is how long a browser login lasts.
const SessionLifetime = 14 * 24 * time.Hour

// Failed logins: this many in a row are free; each further one doubles the wait
// before the next attempt, up to maxLoginWait.
const (
	freeLoginFailures = 5
	maxLoginWait      = 5 * time.Minute
)

// ThrottledError refuses a login attempt made too soon after repeated failures.
type ThrottledError struct{ Wait time.Duration }

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("too many failed logins; wait %s", e.Wait.Round(time.Second))
}

// dummyHash is compared against when the account does not exist, so that a wrong
// name takes as long as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("copydesk-no-such-user"), bcrypt.DefaultCost)

// Login checks a name and password from the client address addr and opens a
// session. It returns the session secret for the cookie. Failures are counted per
// account and per address; past a few, attempts are refused with *ThrottledError
// until a wait that doubles with each failure has passed.
func (s *Service) Login(ctx context.Context, name, password, addr string) (string, error) {
	keys := []string{"user:" + strings.ToLower(name), "addr:" + addr}
	failures, err := s.st.LoginFailures(ctx, keys...)
	if err != nil {
		return "", err
	}
	var wait time.Duration
	for _, f := range failures {
		if w := time.Until(f.Last.Add(loginWait(f.Count))); w > wait {
			wait = w
		}
	}
	if wait > 0 {
		return "", &ThrottledError{Wait: wait}
	}
	u, err := s.st.UserByName(ctx, name)
	hash := dummyHash
	if err == nil {
		hash = []byte(u.PasswordHash)
	} else if !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || err != nil {
		if rerr := s.st.RecordLoginFailure(ctx, keys...); rerr != nil {
			return "", rerr
		}
		return "", ErrBadCredentials
	}
	if err := s.st.ClearLoginFailures(ctx, keys...); err != nil {
		return "", err
	}
	secret := RandomSecret(32)
	if err := s.st.CreateSession(ctx, hashToken(secret), u.ID, RandomSecret(32), time.Now().Add(SessionLifetime)); err != nil {
		return "", err
	}
	return secret, nil
}

// loginWait is how long to wait after the n-th failure in a row.
func loginWait(n int) time.Duration {
	if n < freeLoginFailures {
		return 0
	}
	shift := min(n-freeLoginFailures, 20)
	return min(time.Second<<shift, maxLoginWait)
}

// Session returns the live session for a cookie secret, or ErrBadCredentials.
func (s *Service) Session(ctx context.Context, secret string) (store.Session, error) {
	if secret == "" || len(secret) > 100 {
		return store.Session{}, ErrBadCredentials
	}
	ss, err := s.st.SessionByHash(ctx, hashToken(secret))
	if errors.Is(err, store.ErrNotFound) {
		return store.Session{}, ErrBadCredentials
	}
	return ss, err
}

// Logout ends the session of a cookie secret.
func (s *Service) Logout(ctx context.Context, secret string) error {
	return s.st.DeleteSession(ctx, hashToken(secret))
}
