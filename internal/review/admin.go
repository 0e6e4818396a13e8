package review

import (
	"context"
	"fmt"

	"golang.org/x/crypto/bcrypt"

	"copydesk/internal/store"
)

// SetRole changes another account's role. An admin cannot demote themself, so
// that the desk always keeps one admin who can undo it.
func (s *Service) SetRole(ctx context.Context, actor store.User, userID int64, role string) error {
	if !Can(actor.Role, ActManageUsers) {
		return forbidden("error.forbidden.users")
	}
	if !ValidRole(role) {
		return invalid("error.user.role", "Role", role)
	}
	if userID == actor.ID && role != RoleAdmin {
		return invalid("error.user.demoteself")
	}
	return s.st.UpdateUser(ctx, userID, "role", role)
}

// ResetPassword sets a new password for an account and ends its sessions.
func (s *Service) ResetPassword(ctx context.Context, actor store.User, userID int64, password string) error {
	if !Can(actor.Role, ActManageUsers) {
		return forbidden("error.forbidden.users")
	}
	if err := checkPassword(password); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	return s.st.UpdateUser(ctx, userID, "password_hash", string(hash))
}

// AddUser creates an account on behalf of an admin.
func (s *Service) AddUser(ctx context.Context, actor store.User, name, role, password string) (store.User, error) {
	if !Can(actor.Role, ActManageUsers) {
		return store.User{}, forbidden("error.forbidden.users")
	}
	return s.CreateUser(ctx, name, role, password)
}

// IssueToken creates an API token for an account on behalf of an admin and returns
// it; it is shown once and only its hash is kept.
func (s *Service) IssueToken(ctx context.Context, actor store.User, userID int64) (string, error) {
	if !Can(actor.Role, ActManageUsers) {
		return "", forbidden("error.forbidden.tokens")
	}
	u, err := s.st.UserByID(ctx, userID)
	if err != nil {
		return "", err
	}
	return s.CreateToken(ctx, u.Name)
}

// RevokeToken deletes an API token.
func (s *Service) RevokeToken(ctx context.Context, actor store.User, tokenID int64) error {
	if !Can(actor.Role, ActManageUsers) {
		return forbidden("error.forbidden.tokens")
	}
	return s.st.DeleteToken(ctx, tokenID)
}

// SetLocale records the user's UI language ("" goes back to the browser's choice).
func (s *Service) SetLocale(ctx context.Context, u store.User, tag string) error {
	return s.st.UpdateUser(ctx, u.ID, "locale", tag)
}
