package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Token is an API token as listed: never the secret, only a hint to recognise it.
type Token struct {
	ID        int64
	UserName  string
	Hint      string
	CreatedAt time.Time
}

// CreateToken stores the hash of a new API token for the user, with a short hint
// (its first characters); the token itself is never stored.
func (s *Store) CreateToken(ctx context.Context, userID int64, tokenHash, hint string) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO api_tokens (user_id, token_hash, hint, created_at) VALUES (?, ?, ?, ?)`,
			userID, tokenHash, hint, now())
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
	u, err := scanUser(s.r.QueryRowContext(ctx,
		`SELECT `+userColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`, tokenHash))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("token: %w", ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("get token user: %w", err)
	}
	return u, nil
}

// ListTokens returns every API token's hint and owner, newest first.
func (s *Store) ListTokens(ctx context.Context) ([]Token, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT t.id, u.name, t.hint, t.created_at FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	out := []Token{}
	for rows.Next() {
		var t Token
		var created string
		if err := rows.Scan(&t.ID, &t.UserName, &t.Hint, &created); err != nil {
			return nil, fmt.Errorf("scan token: %w", err)
		}
		t.CreatedAt = parseTime(created)
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteToken revokes an API token.
func (s *Store) DeleteToken(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM api_tokens WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete token: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("token %d: %w", id, ErrNotFound)
		}
		return nil
	})
}
