// Package store keeps Copydesk's data in SQLite: the schema as embedded numbered
// migrations, and every query behind a method of Store. SQL stays plain so that a
// PostgreSQL backend can be added without touching the callers.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// ErrNotFound is returned when a row asked for does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write is refused because the row changed since it
// was read, or because a unique value is already taken.
var ErrConflict = errors.New("conflict")

// Store holds one writer connection and a separate pool of readers. SQLite allows
// one writer at a time; funnelling writes through a single connection keeps the WAL
// short and the latency even instead of letting writers spin on the busy timeout.
type Store struct {
	w *sql.DB
	r *sql.DB
}

// Open opens (creating if needed) the SQLite database at path and applies pending
// migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	params := url.Values{}
	params.Set("_journal_mode", "WAL")
	params.Set("_foreign_keys", "on")
	params.Set("_busy_timeout", "5000")
	params.Set("_synchronous", "NORMAL")
	params.Set("_txlock", "immediate")
	// Each connection keeps its prepared statements: preparing them again costs
	// more than running them.
	params.Set("_stmt_cache_size", "64")
	dsn := "file:" + url.PathEscape(path) + "?" + params.Encode()

	w, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	s := &Store{w: w}
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}

	params.Set("_query_only", "true")
	params.Set("_txlock", "deferred")
	r, err := sql.Open("sqlite3", "file:"+url.PathEscape(path)+"?"+params.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open database readers: %w", err)
	}
	readers := max(4, 2*runtime.NumCPU())
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	s.r = r
	return s, nil
}

// Close checkpoints the WAL and closes both pools.
func (s *Store) Close() error {
	errR := s.r.Close()
	_, _ = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	errW := s.w.Close()
	return errors.Join(errR, errW)
}

// inTx runs fn in a write transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// now is the time stamp format kept in the database: UTC, RFC 3339 with nanoseconds,
// so that text order is time order.
func now() string { return formatTime(time.Now()) }

func formatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
