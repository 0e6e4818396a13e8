package cli

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// storedHash returns the password hash kept for the named user.
func storedHash(t *testing.T, db, name string) string {
	t.Helper()
	var hash string
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		u, err := st.UserByName(ctx, name)
		if err != nil {
			t.Fatalf("UserByName(%s): %v", name, err)
		}
		hash = u.PasswordHash
	})
	return hash
}

var generatedPassword = regexp.MustCompile(`^[A-Za-z0-9_-]{20}\n$`)

func TestUserAddGeneratesPassword(t *testing.T) {
	db := tempDB(t)
	ed := runCLI(t, "", "user", "add", "--db", db, "--name", "ed", "--role", "reviewer")
	if ed.code != 0 {
		t.Fatalf("user add ed: %+v", ed)
	}
	if !generatedPassword.MatchString(ed.stdout) {
		t.Errorf("stdout = %q, want one line holding a generated password", ed.stdout)
	}
	if ed.stderr != "created reviewer \"ed\"\n" {
		t.Errorf("stderr = %q", ed.stderr)
	}
	password := strings.TrimSuffix(ed.stdout, "\n")
	if err := bcrypt.CompareHashAndPassword([]byte(storedHash(t, db, "ed")), []byte(password)); err != nil {
		t.Errorf("the printed password is not the stored one: %v", err)
	}

	// Flags may come in any order.
	ann := runCLI(t, "", "user", "add", "--role", "viewer", "--name", "ann", "--db", db)
	if ann.code != 0 || !generatedPassword.MatchString(ann.stdout) {
		t.Fatalf("user add ann: %+v", ann)
	}
	if ann.stdout == ed.stdout {
		t.Errorf("two users got the same generated password %q", ann.stdout)
	}
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		for name, role := range map[string]string{"ed": "reviewer", "ann": "viewer"} {
			if u, err := st.UserByName(ctx, name); err != nil || u.Role != role {
				t.Errorf("UserByName(%s) = %+v, %v; want role %s", name, u, err, role)
			}
		}
	})
}

func TestUserAddPasswordStdin(t *testing.T) {
	db := tempDB(t)
	for name, stdin := range map[string]string{
		"lf":   "a long secret\nsecond line ignored\n",
		"crlf": "a long secret\r\n",
		"eof":  "a long secret",
	} {
		r := runCLI(t, stdin, "user", "add", "--db", db, "--name", name, "--role", "admin", "--password-stdin")
		if r.code != 0 || r.stdout != "" {
			t.Fatalf("%s: user add --password-stdin = %+v; want success and nothing on stdout", name, r)
		}
		if r.stderr != "created admin \""+name+"\"\n" {
			t.Errorf("%s: stderr = %q", name, r.stderr)
		}
	}
	// One bcrypt check is enough to show which text was hashed.
	if err := bcrypt.CompareHashAndPassword([]byte(storedHash(t, db, "crlf")), []byte("a long secret")); err != nil {
		t.Errorf("the stored hash is not that of the first stdin line without its line end: %v", err)
	}
}

func TestUserAddFailures(t *testing.T) {
	db := tempDB(t)
	if r := runCLI(t, "", "user", "add", "--db", db, "--name", "ed", "--role", "reviewer"); r.code != 0 {
		t.Fatalf("setup: %+v", r)
	}
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		msg   string
	}{
		{"bad role", "", []string{"--name", "zoe", "--role", "owner"}, 1, `role "owner" is not one of admin, reviewer, viewer`},
		{"duplicate", "", []string{"--name", "ed", "--role", "viewer"}, 1, `a user called "ed" already exists`},
		{"bad name", "", []string{"--name", "ed smith", "--role", "viewer"}, 1, "user name"},
		{"missing --name", "", []string{"--role", "viewer"}, 2, "user add needs --name and --role"},
		{"missing --role", "", []string{"--name", "zoe"}, 2, "user add needs --name and --role"},
		{"missing both", "", nil, 2, "user add needs --name and --role"},
		{"an argument", "", []string{"--name", "zoe", "--role", "viewer", "extra"}, 2, `got "extra"`},
		{"empty stdin", "", []string{"--name", "zoe", "--role", "viewer", "--password-stdin"}, 1, "no password on standard input"},
		{"short stdin password", "short\n", []string{"--name", "zoe", "--role", "viewer", "--password-stdin"}, 1, "at least 10 characters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"user", "add", "--db", db}, tc.args...)
			wantFailure(t, runCLI(t, tc.stdin, args...), tc.code, tc.msg)
		})
	}
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		if n, err := st.CountUsers(ctx); err != nil || n != 1 {
			t.Errorf("CountUsers = %d, %v; want only ed", n, err)
		}
		if u, err := st.UserByName(ctx, "ed"); err != nil || u.Role != "reviewer" {
			t.Errorf("ed = %+v, %v; want the reviewer unchanged", u, err)
		}
	})
}

var tokenLine = regexp.MustCompile(`^cdk_[A-Za-z0-9_-]{43}\n$`)

func TestTokenCreate(t *testing.T) {
	db := tempDB(t)
	withStore(t, db, func(ctx context.Context, _ *review.Service, st *store.Store) {
		for _, name := range []string{"ed", "ann"} {
			if _, err := st.CreateUser(ctx, store.User{Name: name, Role: "reviewer", PasswordHash: "x"}); err != nil {
				t.Fatal(err)
			}
		}
	})
	first := runCLI(t, "", "token", "create", "--db", db, "--user", "ed")
	second := runCLI(t, "", "token", "create", "--user", "ed", "--db", db)
	other := runCLI(t, "", "token", "create", "--db", db, "--user", "ann")
	for _, r := range []result{first, second, other} {
		if r.code != 0 || !tokenLine.MatchString(r.stdout) || r.stderr != "" {
			t.Fatalf("token create = %+v; want only a token on stdout", r)
		}
	}
	if first.stdout == second.stdout || first.stdout == other.stdout {
		t.Errorf("token create printed the same token twice")
	}
	withStore(t, db, func(ctx context.Context, svc *review.Service, _ *store.Store) {
		for _, c := range []struct {
			r    result
			user string
		}{{first, "ed"}, {second, "ed"}, {other, "ann"}} {
			u, err := svc.UserForToken(ctx, strings.TrimSpace(c.r.stdout))
			if err != nil || u.Name != c.user {
				t.Errorf("UserForToken = %+v, %v; want %s", u, err, c.user)
			}
		}
	})

	wantFailure(t, runCLI(t, "", "token", "create", "--db", db, "--user", "nobody"), 1, `no user called "nobody"`)
	wantFailure(t, runCLI(t, "", "token", "create", "--db", db), 2, "copydesk token create --user NAME")
	wantFailure(t, runCLI(t, "", "token", "create", "--db", db, "--user", "ed", "more"), 2, "copydesk token create --user NAME")
}
