package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Term is a glossary entry of one language pair.
type Term struct {
	ID         int64
	SourceLang string
	TargetLang string
	Source     string
	Target     string
	Note       string
	CreatedAt  time.Time
}

// Glossary returns the terms of a language pair, by source term.
func (s *Store) Glossary(ctx context.Context, sourceLang, targetLang string) ([]Term, error) {
	return s.terms(ctx, `WHERE source_lang = ? AND target_lang = ? ORDER BY source`, sourceLang, targetLang)
}

// AllGlossaries returns every term, by language pair then source term.
func (s *Store) AllGlossaries(ctx context.Context) ([]Term, error) {
	return s.terms(ctx, `ORDER BY source_lang, target_lang, source`)
}

func (s *Store) terms(ctx context.Context, where string, args ...any) ([]Term, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT id, source_lang, target_lang, source, target, note, created_at FROM glossary_terms `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list glossary: %w", err)
	}
	defer rows.Close()
	out := []Term{}
	for rows.Next() {
		var t Term
		var created string
		if err := rows.Scan(&t.ID, &t.SourceLang, &t.TargetLang, &t.Source, &t.Target, &t.Note, &created); err != nil {
			return nil, fmt.Errorf("scan term: %w", err)
		}
		t.CreatedAt = parseTime(created)
		out = append(out, t)
	}
	return out, rows.Err()
}

// PutTerms adds terms to their language pairs in one transaction; a term whose
// source is already in the pair's glossary replaces it. It returns how many rows
// it wrote.
func (s *Store) PutTerms(ctx context.Context, terms []Term) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ts := now()
		for _, t := range terms {
			_, err := tx.ExecContext(ctx,
				`INSERT INTO glossary_terms (source_lang, target_lang, source, target, note, created_at)
				 VALUES (?, ?, ?, ?, ?, ?)
				 ON CONFLICT (source_lang, target_lang, source)
				 DO UPDATE SET target = excluded.target, note = excluded.note`,
				t.SourceLang, t.TargetLang, t.Source, t.Target, t.Note, ts)
			if err != nil {
				return fmt.Errorf("put term: %w", err)
			}
			n++
		}
		return nil
	})
	return n, err
}

// DeleteTerm removes a glossary term.
func (s *Store) DeleteTerm(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM glossary_terms WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete term: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("term %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// RecheckSegments recomputes the stored issues of every segment of the
// translations from sourceLang into targetLang, in batches, with check; used when
// the pair's glossary changes. It returns how many segments changed.
func (s *Store) RecheckSegments(ctx context.Context, sourceLang, targetLang string,
	check func(source, target, dismissed string) (issues, checks string)) (int, error) {
	type row struct {
		id                        int64
		source, target, dismissed string
		issues, checks            string
	}
	rows, err := s.r.QueryContext(ctx,
		`SELECT sg.id, sg.source, sg.target, sg.dismissed, sg.issues, sg.issue_checks
		   FROM segments sg JOIN translations t ON t.id = sg.translation_id JOIN documents d ON d.id = t.document_id
		  WHERE d.source_lang = ? AND t.lang = ?`, sourceLang, targetLang)
	if err != nil {
		return 0, fmt.Errorf("list segments to recheck: %w", err)
	}
	var changed []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.source, &r.target, &r.dismissed, &r.issues, &r.checks); err != nil {
			rows.Close()
			return 0, fmt.Errorf("scan segment: %w", err)
		}
		if issues, checks := check(r.source, r.target, r.dismissed); issues != r.issues || checks != r.checks {
			r.issues, r.checks = issues, checks
			changed = append(changed, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("list segments to recheck: %w", err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range changed {
			if _, err := tx.ExecContext(ctx, `UPDATE segments SET issues = ?, issue_checks = ? WHERE id = ?`,
				r.issues, r.checks, r.id); err != nil {
				return fmt.Errorf("store issues: %w", err)
			}
		}
		return nil
	})
	return len(changed), err
}
