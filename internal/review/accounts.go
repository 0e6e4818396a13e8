package review

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"copydesk/internal/store"
)

// Password length limits; bcrypt reads at most 72 bytes.
const (
	MinPasswordChars = 10
	MaxPasswordBytes = 72
)

// tokenPrefix marks Copydesk API tokens, so that a leaked one is easy to recognise.
const tokenPrefix = "cdk_"

var validName = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$`)

// ErrBadCredentials is returned for an unknown token or a wrong password.
var ErrBadCredentials = errors.New("bad credentials")

// CreateUser adds an account with a bcrypt hash of password.
func (s *Service) CreateUser(ctx context.Context, name, role, password string) (store.User, error) {
	if !validName.MatchString(name) {
		return store.User{}, invalid("error.user.name", "Name", name)
	}
	if !ValidRole(role) {
		return store.User{}, invalid("error.user.role", "Role", role)
	}
	if err := checkPassword(password); err != nil {
		return store.User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return store.User{}, fmt.Errorf("hash password: %w", err)
	}
	u := store.User{Name: name, Role: role, PasswordHash: string(hash)}
	u.ID, err = s.st.CreateUser(ctx, u)
	if errors.Is(err, store.ErrConflict) {
		return store.User{}, invalid("error.user.exists", "Name", name)
	}
	return u, err
}

// checkPassword applies the length rules to a new password.
func checkPassword(password string) error {
	if !utf8.ValidString(password) {
		return malformed("error.password.utf8")
	}
	if utf8.RuneCountInString(password) < MinPasswordChars {
		return invalid("error.password.short", "Min", MinPasswordChars)
	}
	if len(password) > MaxPasswordBytes {
		return invalid("error.password.long", "Max", MaxPasswordBytes)
	}
	return nil
}

// CreateToken makes a new API token for the named user and returns it; only its
// SHA-256 hash is stored (a token is random enough that a slow hash adds nothing).
func (s *Service) CreateToken(ctx context.Context, userName string) (string, error) {
	u, err := s.st.UserByName(ctx, userName)
	if err != nil {
		return "", err
	}
	token := tokenPrefix + RandomSecret(32)
	if _, err := s.st.CreateToken(ctx, u.ID, hashToken(token), token[:len(tokenPrefix)+4]+"…"); err != nil {
		return "", err
	}
	return token, nil
}

// UserForToken returns the account an API token belongs to, or ErrBadCredentials.
func (s *Service) UserForToken(ctx context.Context, token string) (store.User, error) {
	if !strings.HasPrefix(token, tokenPrefix) || len(token) > 200 {
		return store.User{}, ErrBadCredentials
	}
	u, err := s.st.UserByTokenHash(ctx, hashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, ErrBadCredentials
	}
	return u, err
}

// RandomSecret returns n random bytes as unpadded base64url text.
func RandomSecret(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
