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
	Locale       string // UI language chosen by the user; empty when not chosen
	CreatedAt    time.Time
}

const userColumns = `u.id, u.name, u.role, u.password_hash, u.locale, u.created_at`

func scanUser(row scanner) (User, error) {
	var u User
	var created string
	err := row.Scan(&u.ID, &u.Name, &u.Role, &u.PasswordHash, &u.Locale, &created)
	u.CreatedAt = parseTime(created)
	return u, err
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
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("get user: %w", err)
	}
	return u, nil
}

// UserByID returns the account with the id.
func (s *Store) UserByID(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("get user: %w", err)
	}
	return u, nil
}

// ListUsers returns every account, by name.
func (s *Store) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	users := []User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("scan user: %w", err)
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

// UpdateUser changes one column of an account: "role", "password_hash" or
// "locale". Changing the password ends the account's sessions.
func (s *Store) UpdateUser(ctx context.Context, id int64, column, value string) error {
	switch column {
	case "role", "password_hash", "locale":
	default:
		return fmt.Errorf("update user: unknown column %q", column)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET `+column+` = ? WHERE id = ?`, value, id)
		if err != nil {
			return fmt.Errorf("update user: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("user %d: %w", id, ErrNotFound)
		}
		if column == "password_hash" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
				return fmt.Errorf("end sessions: %w", err)
			}
		}
		return nil
	})
}

// isUniqueViolation reports whether err is SQLite's UNIQUE constraint failure.
func isUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}
