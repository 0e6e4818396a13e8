package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Session is a browser login.
type Session struct {
	User      User
	CSRFToken string
	ExpiresAt time.Time
}

// CreateSession stores a login session for the user under the hash of its secret.
func (s *Store) CreateSession(ctx context.Context, idHash string, userID int64, csrf string, expires time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Drop this user's expired sessions while we are here.
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ? AND expires_at < ?`, userID, now()); err != nil {
			return fmt.Errorf("delete expired sessions: %w", err)
		}
		_, err := tx.ExecContext(ctx,
			`INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			idHash, userID, csrf, now(), formatTime(expires))
		if err != nil {
			return fmt.Errorf("insert session: %w", err)
		}
		return nil
	})
}

// SessionByHash returns a session that has not expired, with its user.
func (s *Store) SessionByHash(ctx context.Context, idHash string) (Session, error) {
	var ss Session
	var created, expires string
	err := s.r.QueryRowContext(ctx,
		`SELECT u.id, u.name, u.role, u.password_hash, u.locale, u.created_at, s.csrf_token, s.expires_at
		   FROM sessions s JOIN users u ON u.id = s.user_id
		  WHERE s.id_hash = ? AND s.expires_at > ?`, idHash, now()).
		Scan(&ss.User.ID, &ss.User.Name, &ss.User.Role, &ss.User.PasswordHash, &ss.User.Locale, &created, &ss.CSRFToken, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, fmt.Errorf("session: %w", ErrNotFound)
	}
	if err != nil {
		return Session{}, fmt.Errorf("get session: %w", err)
	}
	ss.User.CreatedAt = parseTime(created)
	ss.ExpiresAt = parseTime(expires)
	return ss, nil
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = ?`, idHash); err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		return nil
	})
}

// LoginFailures returns, for each key that has any, the number of failed logins
// in a row and the time of the last one.
func (s *Store) LoginFailures(ctx context.Context, keys ...string) (map[string]LoginFailure, error) {
	out := map[string]LoginFailure{}
	for _, k := range keys {
		var f LoginFailure
		var last string
		err := s.r.QueryRowContext(ctx, `SELECT failures, last_at FROM login_failures WHERE key = ?`, k).Scan(&f.Count, &last)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("get login failures: %w", err)
		}
		f.Last = parseTime(last)
		out[k] = f
	}
	return out, nil
}

// LoginFailure counts failed logins in a row for one account or address.
type LoginFailure struct {
	Count int
	Last  time.Time
}

// RecordLoginFailure adds one failed login to each key.
func (s *Store) RecordLoginFailure(ctx context.Context, keys ...string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			_, err := tx.ExecContext(ctx,
				`INSERT INTO login_failures (key, failures, last_at) VALUES (?, 1, ?)
				 ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = excluded.last_at`, k, now())
			if err != nil {
				return fmt.Errorf("record login failure: %w", err)
			}
		}
		return nil
	})
}

// ClearLoginFailures forgets the failed logins of each key.
func (s *Store) ClearLoginFailures(ctx context.Context, keys ...string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE key = ?`, k); err != nil {
				return fmt.Errorf("clear login failures: %w", err)
			}
		}
		return nil
	})
}
