package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// CreateToken stores the hash of a new API token for the user; the token itself is
// never stored.
func (s *Store) CreateToken(ctx context.Context, userID int64, tokenHash string) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)`,
			userID, tokenHash, now())
		if err != nil {
			return fmt.Errorf("insert token: %w", err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// UserByTokenHash returns the account an API token belongs to.
func (s *Store) UserByTokenHash(ctx context.Context, tokenHash string) (User, error) {
	var u User
	var created string
	err := s.r.QueryRowContext(ctx,
		`SELECT u.id, u.name, u.role, u.password_hash, u.created_at
		   FROM api_tokens t JOIN users u ON u.id = t.user_id
		  WHERE t.token_hash = ?`, tokenHash).
		Scan(&u.ID, &u.Name, &u.Role, &u.PasswordHash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("token: %w", ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("get token user: %w", err)
	}
	u.CreatedAt = parseTime(created)
	return u, nil
}
