package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// User is an account. PasswordHash is a bcrypt hash, never the password.
type User struct {
	ID           int64
	Name         string
	Role         string
	PasswordHash string
	CreatedAt    time.Time
}

// CreateUser inserts u and returns its id; a name already taken is ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u User) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)`,
			u.Name, u.Role, u.PasswordHash, now())
		if err != nil {
			if isUniqueViolation(err) {
				return fmt.Errorf("user %q: %w", u.Name, ErrConflict)
			}
			return fmt.Errorf("insert user: %w", err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// CountUsers returns how many accounts exist.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// UserByName returns the account called name.
func (s *Store) UserByName(ctx context.Context, name string) (User, error) {
	var u User
	var created string
	err := s.r.QueryRowContext(ctx,
		`SELECT id, name, role, password_hash, created_at FROM users WHERE name = ?`, name).
		Scan(&u.ID, &u.Name, &u.Role, &u.PasswordHash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("get user: %w", err)
	}
	u.CreatedAt = parseTime(created)
	return u, nil
}

// isUniqueViolation reports whether err is SQLite's UNIQUE constraint failure.
func isUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}
