package store_test

import (
	"errors"
	"testing"
	"time"

	"copydesk/internal/store"
)

func TestUsers(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	if n, err := st.CountUsers(ctx); err != nil || n != 0 {
		t.Fatalf("CountUsers on an empty database = %d, %v", n, err)
	}
	before := time.Now().Add(-time.Second)
	id, err := st.CreateUser(ctx, store.User{Name: "ed", Role: "reviewer", PasswordHash: "$2a$10$hash"})
	if err != nil || id < 1 {
		t.Fatalf("CreateUser = %d, %v", id, err)
	}
	u, err := st.UserByName(ctx, "ed")
	if err != nil {
		t.Fatalf("UserByName: %v", err)
	}
	if u.ID != id || u.Name != "ed" || u.Role != "reviewer" || u.PasswordHash != "$2a$10$hash" {
		t.Errorf("UserByName = %+v", u)
	}
	if u.CreatedAt.Before(before) || u.CreatedAt.After(time.Now().Add(time.Second)) {
		t.Errorf("CreatedAt = %v, want about now", u.CreatedAt)
	}

	// A name already taken is a conflict, and the existing account is left as it was.
	_, err = st.CreateUser(ctx, store.User{Name: "ed", Role: "admin", PasswordHash: "other"})
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("duplicate CreateUser err = %v, want ErrConflict", err)
	}
	again, err := st.UserByName(ctx, "ed")
	if err != nil || again != u {
		t.Errorf("after the refused duplicate UserByName = %+v, %v; want %+v", again, err, u)
	}
	if n, err := st.CountUsers(ctx); err != nil || n != 1 {
		t.Errorf("CountUsers = %d, %v; want 1", n, err)
	}

	// The schema refuses unknown roles; that is not a conflict.
	_, err = st.CreateUser(ctx, store.User{Name: "zoe", Role: "owner", PasswordHash: "h"})
	if err == nil || errors.Is(err, store.ErrConflict) {
		t.Errorf("CreateUser with role owner err = %v, want a non-conflict error", err)
	}

	for _, name := range []string{"nobody", "ED", "ed "} {
		if _, err := st.UserByName(ctx, name); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("UserByName(%q) err = %v, want ErrNotFound", name, err)
		}
	}
}

func TestTokens(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	ed, err := st.CreateUser(ctx, store.User{Name: "ed", Role: "reviewer", PasswordHash: "h1"})
	if err != nil {
		t.Fatal(err)
	}
	ann, err := st.CreateUser(ctx, store.User{Name: "ann", Role: "viewer", PasswordHash: "h2"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []struct {
		user int64
		hash string
	}{{ed, "hash-ed-1"}, {ed, "hash-ed-2"}, {ann, "hash-ann"}} {
		if id, err := st.CreateToken(ctx, tok.user, tok.hash, "cdk_x…"); err != nil || id < 1 {
			t.Fatalf("CreateToken(%d, %s) = %d, %v", tok.user, tok.hash, id, err)
		}
	}
	for hash, want := range map[string]string{"hash-ed-1": "ed", "hash-ed-2": "ed", "hash-ann": "ann"} {
		u, err := st.UserByTokenHash(ctx, hash)
		if err != nil || u.Name != want {
			t.Errorf("UserByTokenHash(%s) = %+v, %v; want %s", hash, u, err, want)
		}
		if u.CreatedAt.IsZero() || u.PasswordHash == "" {
			t.Errorf("UserByTokenHash(%s) = %+v, want every field filled", hash, u)
		}
	}
	if _, err := st.UserByTokenHash(ctx, "no-such-hash"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UserByTokenHash(unknown) err = %v, want ErrNotFound", err)
	}
	// A hash is unique: a second token with the same hash is refused and the first
	// still belongs to its user.
	if _, err := st.CreateToken(ctx, ann, "hash-ed-1", "cdk_x…"); err == nil {
		t.Error("CreateToken with a hash already stored succeeded")
	}
	if u, err := st.UserByTokenHash(ctx, "hash-ed-1"); err != nil || u.ID != ed {
		t.Errorf("after the refused duplicate the token belongs to %+v, %v; want ed", u, err)
	}
}
