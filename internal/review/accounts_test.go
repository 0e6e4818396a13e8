package review_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

const goodPassword = "correct horse"

func TestCreateUserRefuses(t *testing.T) {
	svc, st := newService(t)
	tests := []struct {
		name, user, role, password string
	}{
		{"empty name", "", review.RoleViewer, goodPassword},
		{"name starting with a dot", ".ed", review.RoleViewer, goodPassword},
		{"name starting with a dash", "-ed", review.RoleViewer, goodPassword},
		{"name starting with an underscore", "_ed", review.RoleViewer, goodPassword},
		{"name with a space", "ed smith", review.RoleViewer, goodPassword},
		{"name with a slash", "ed/x", review.RoleViewer, goodPassword},
		{"name with an at sign", "ed@example.org", review.RoleViewer, goodPassword},
		{"name with a newline", "ed\n", review.RoleViewer, goodPassword},
		{"name of 65 characters", strings.Repeat("a", 65), review.RoleViewer, goodPassword},
		{"unknown role", "ed", "owner", goodPassword},
		{"empty role", "ed", "", goodPassword},
		{"role in capitals", "ed", "Admin", goodPassword},
		{"empty password", "ed", review.RoleViewer, ""},
		{"password of 9 characters", "ed", review.RoleViewer, "123456789"},
		{"password of 9 Korean characters (27 bytes)", "ed", review.RoleViewer, strings.Repeat("비", 9)},
		{"password of 73 bytes", "ed", review.RoleViewer, strings.Repeat("p", 73)},
		{"password of 25 Korean characters (75 bytes)", "ed", review.RoleViewer, strings.Repeat("비", 25)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := svc.CreateUser(t.Context(), tc.user, tc.role, tc.password)
			if !errors.Is(err, review.ErrInvalid) {
				t.Fatalf("CreateUser = %+v, %v; want ErrInvalid", u, err)
			}
			var pub *review.Error
			if !errors.As(err, &pub) || pub.Message() == "" {
				t.Errorf("error %v should carry a public message", err)
			}
			if strings.Contains(err.Error(), tc.password) && tc.password != "" {
				t.Errorf("error %q shows the password", err)
			}
		})
	}
	if n, err := st.CountUsers(t.Context()); err != nil || n != 0 {
		t.Errorf("CountUsers after refusals = %d, %v; want 0", n, err)
	}
}

func TestCreateUserStoresBcrypt(t *testing.T) {
	t.Parallel() // bcrypt is slow under the race detector
	svc, st := newService(t)
	ctx := t.Context()
	tests := []struct{ name, role, password string }{
		{"ed", review.RoleReviewer, goodPassword},
		{"김민수.Éloïse-2_x", review.RoleViewer, strings.Repeat("비", 10)}, // 10 characters, 30 bytes
		{strings.Repeat("a", 64), review.RoleAdmin, strings.Repeat("p", 72)},
	}
	for i, tc := range tests {
		u, err := svc.CreateUser(ctx, tc.name, tc.role, tc.password)
		if err != nil {
			t.Fatalf("CreateUser(%q): %v", tc.name, err)
		}
		if u.ID < 1 || u.Name != tc.name || u.Role != tc.role {
			t.Errorf("CreateUser returned %+v", u)
		}
		stored, err := st.UserByName(ctx, tc.name)
		if err != nil {
			t.Fatalf("UserByName(%q): %v", tc.name, err)
		}
		if stored.ID != u.ID || stored.Role != tc.role {
			t.Errorf("stored %+v, returned %+v", stored, u)
		}
		if stored.PasswordHash == tc.password || strings.Contains(stored.PasswordHash, tc.password) {
			t.Errorf("user %q: the stored hash holds the password", tc.name)
		}
		if err := bcrypt.CompareHashAndPassword([]byte(stored.PasswordHash), []byte(tc.password)); err != nil {
			t.Errorf("user %q: the stored hash does not match the password: %v", tc.name, err)
		}
		if i == 0 {
			wrong := "X" + tc.password[1:]
			if err := bcrypt.CompareHashAndPassword([]byte(stored.PasswordHash), []byte(wrong)); err == nil {
				t.Errorf("user %q: the stored hash matches a wrong password", tc.name)
			}
		}
		if cost, err := bcrypt.Cost([]byte(stored.PasswordHash)); err != nil || cost < bcrypt.DefaultCost {
			t.Errorf("user %q: bcrypt cost = %d, %v; want at least %d", tc.name, cost, err, bcrypt.DefaultCost)
		}
	}
	// A name already taken is a rule violation with a message, not a raw conflict.
	_, err := svc.CreateUser(ctx, "ed", review.RoleAdmin, goodPassword)
	if !errors.Is(err, review.ErrInvalid) {
		t.Errorf("duplicate CreateUser err = %v, want ErrInvalid", err)
	}
	if u, err := st.UserByName(ctx, "ed"); err != nil || u.Role != review.RoleReviewer {
		t.Errorf("after the duplicate, ed = %+v, %v; want the reviewer unchanged", u, err)
	}
}

var tokenShape = regexp.MustCompile(`^cdk_[A-Za-z0-9_-]{43}$`)

func TestTokens(t *testing.T) {
	svc, st := newService(t)
	ctx := t.Context()
	ed := addUser(t, st, "ed", review.RoleReviewer)
	ann := addUser(t, st, "ann", review.RoleViewer)

	tokens := map[string]string{} // token → user name
	for _, name := range []string{"ed", "ed", "ann"} {
		tok, err := svc.CreateToken(ctx, name)
		if err != nil {
			t.Fatalf("CreateToken(%s): %v", name, err)
		}
		if !tokenShape.MatchString(tok) {
			t.Errorf("token %q does not look like cdk_ + 43 base64url characters", tok)
		}
		if _, dup := tokens[tok]; dup {
			t.Errorf("CreateToken returned the same token twice: %q", tok)
		}
		tokens[tok] = name
	}
	for tok, name := range tokens {
		u, err := svc.UserForToken(ctx, tok)
		if err != nil || u.Name != name {
			t.Errorf("UserForToken(%s…) = %+v, %v; want %s", tok[:8], u, err, name)
		}
		want := map[string]int64{"ed": ed.ID, "ann": ann.ID}[name]
		if u.ID != want {
			t.Errorf("UserForToken(%s…) id = %d, want %d", tok[:8], u.ID, want)
		}
		// The token itself is not what the store keeps.
		if _, err := st.UserByTokenHash(ctx, tok); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the raw token is stored as its own hash: %v", err)
		}
	}

	var some string
	for tok := range tokens {
		some = tok
		break
	}
	flipped := []byte(some)
	if flipped[10] == 'A' {
		flipped[10] = 'B'
	} else {
		flipped[10] = 'A'
	}
	for _, bad := range []string{
		"", "garbage", "cdk_", "cdk_wrong", "CDK_" + some[4:], some[4:], some + "x", some[:len(some)-1],
		string(flipped), " " + some, "cdk_" + strings.Repeat("a", 300),
	} {
		if u, err := svc.UserForToken(ctx, bad); !errors.Is(err, review.ErrBadCredentials) {
			t.Errorf("UserForToken(%.20q) = %+v, %v; want ErrBadCredentials", bad, u, err)
		}
	}

	if _, err := svc.CreateToken(ctx, "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("CreateToken(nobody) err = %v, want store.ErrNotFound", err)
	}
}

func TestRandomSecret(t *testing.T) {
	a, b := review.RandomSecret(15), review.RandomSecret(15)
	if len(a) != 20 || len(b) != 20 || a == b {
		t.Errorf("RandomSecret(15) = %q, %q; want two different 20-character strings", a, b)
	}
	if !regexp.MustCompile(`^[A-Za-z0-9_-]+$`).MatchString(a) {
		t.Errorf("RandomSecret(15) = %q is not base64url", a)
	}
}
