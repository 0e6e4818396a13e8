package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const translationColumns = `id, document_id, lang, segment_count, status, provider, done, error`

func translationDest(t *Translation) []any {
	return []any{&t.ID, &t.DocumentID, &t.Lang, &t.SegmentCount, &t.Status, &t.Provider, &t.Done, &t.Error}
}

// Translation returns one translation by id.
func (s *Store) Translation(ctx context.Context, id int64) (Translation, error) {
	var t Translation
	err := s.r.QueryRowContext(ctx, `SELECT `+translationColumns+` FROM translations WHERE id = ?`, id).
		Scan(translationDest(&t)...)
	if errors.Is(err, sql.ErrNoRows) {
		return Translation{}, fmt.Errorf("translation %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Translation{}, fmt.Errorf("get translation: %w", err)
	}
	return t, nil
}

func insertTranslation(ctx context.Context, tx *sql.Tx, docID int64, lang string, n int, status, provider, ts string) (int64, error) {
	res, err := tx.ExecContext(ctx,
		`INSERT INTO translations (document_id, lang, segment_count, status, provider, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		docID, lang, n, status, provider, ts)
	if err != nil {
		if isUniqueViolation(err) {
			return 0, fmt.Errorf("translation into %s: %w", lang, ErrConflict)
		}
		return 0, fmt.Errorf("insert translation: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if status != "ready" {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO translation_states (translation_id, state, n) VALUES (?, 'mt', ?)`, id, n); err != nil {
			return 0, fmt.Errorf("insert state counts: %w", err)
		}
	}
	return id, nil
}

// insertSourceSegments stores the segments of a translation a provider is to
// make: the source only, version 0, no revision.
func insertSourceSegments(ctx context.Context, tx *sql.Tx, trID int64, segs []NewSegment) error {
	bg := context.WithoutCancel(ctx)
	ins, err := tx.PrepareContext(bg,
		`INSERT INTO segments (translation_id, pos, paragraph, idx, source, mt, target, state, version, block, tags)
		 VALUES (?, ?, ?, ?, ?, '', '', 'mt', 0, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare segment insert: %w", err)
	}
	defer ins.Close()
	for i, sg := range segs {
		if _, err := ins.ExecContext(bg, trID, i, sg.Paragraph, sg.Index, sg.Source, sg.Block, sg.Tags); err != nil {
			return fmt.Errorf("insert segment %d: %w", i+1, err)
		}
	}
	return nil
}

// AddTranslation adds to document docID a translation into lang that provider
// is to make, with the source segments of the document's first translation,
// queued. ErrConflict when the document already has that language.
func (s *Store) AddTranslation(ctx context.Context, docID int64, lang, provider string) (Translation, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var first int64
		var n int
		err := tx.QueryRowContext(ctx,
			`SELECT id, segment_count FROM translations WHERE document_id = ? ORDER BY id LIMIT 1`, docID).Scan(&first, &n)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("document %d: %w", docID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("first translation: %w", err)
		}
		if id, err = insertTranslation(ctx, tx, docID, lang, n, "queued", provider, now()); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx,
			`INSERT INTO segments (translation_id, pos, paragraph, idx, source, mt, target, state, version, block, tags)
			 SELECT ?, pos, paragraph, idx, source, '', '', 'mt', 0, block, tags FROM segments WHERE translation_id = ? ORDER BY pos`,
			id, first)
		if err != nil {
			return fmt.Errorf("copy source segments: %w", err)
		}
		return nil
	})
	if err != nil {
		return Translation{}, err
	}
	return s.Translation(ctx, id)
}

// staleClaim is how long a running translation may go without progress before
// another instance may take it over (its instance presumably stopped).
const staleClaim = 10 * time.Minute

// ClaimTranslation marks translation id running for this caller when it is
// queued, or running with a claim older than staleClaim. It reports whether
// the caller now owns it.
func (s *Store) ClaimTranslation(ctx context.Context, id int64) (bool, error) {
	ts := now()
	stale := formatTime(time.Now().Add(-staleClaim))
	res, err := s.w.ExecContext(ctx,
		`UPDATE translations SET status = 'running', claimed_at = ?, error = ''
		  WHERE id = ? AND (status = 'queued' OR (status = 'running' AND claimed_at < ?))`, ts, id, stale)
	if err != nil {
		return false, fmt.Errorf("claim translation: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Unfilled returns up to limit segments of translation trID that have no text
// yet (version 0), in document order.
func (s *Store) Unfilled(ctx context.Context, trID int64, limit int) ([]Segment, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+segmentColumns+`
		   FROM segments sg JOIN translations t ON t.id = sg.translation_id JOIN documents d ON d.id = t.document_id
		  WHERE sg.translation_id = ? AND sg.version = 0 ORDER BY sg.pos LIMIT ?`, trID, limit)
	if err != nil {
		return nil, fmt.Errorf("unfilled segments: %w", err)
	}
	defer rows.Close()
	var out []Segment
	for rows.Next() {
		sg, err := scanSegment(rows)
		if err != nil {
			return nil, fmt.Errorf("scan segment: %w", err)
		}
		out = append(out, sg)
	}
	return out, rows.Err()
}

// Fill is the machine text of one segment, and the memory's text when an
// approved earlier translation of the same source pre-fills it.
type Fill struct {
	SegmentID   int64
	MT          string
	Memory      string // "" when the memory has no exact match
	MemoryDist  int    // distance of Memory from MT
	Issues      string // the checks' findings on the target
	IssueChecks string
}

// FillSegments writes the machine text of segments of translation trID in one
// transaction: revision 1 (kind mt, state mt) and, where the memory pre-fills
// the target, revision 2 (kind tm, state draft). A segment that is no longer
// empty is left alone. It adds the count to the translation's progress.
func (s *Store) FillSegments(ctx context.Context, trID int64, fills []Fill) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		ts := now()
		filled, drafts := 0, 0
		for _, f := range fills {
			target, state, version := f.MT, "mt", 1
			if f.Memory != "" {
				target, state, version = f.Memory, "draft", 2
			}
			res, err := tx.ExecContext(ctx,
				`UPDATE segments SET mt = ?, target = ?, state = ?, version = ?, issues = ?, issue_checks = ?
				  WHERE id = ? AND translation_id = ? AND version = 0`,
				f.MT, target, state, version, issuesOr(f.Issues), f.IssueChecks, f.SegmentID, trID)
			if err != nil {
				return fmt.Errorf("fill segment %d: %w", f.SegmentID, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			filled++
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO revisions (segment_id, version, text, state, kind, distance, created_at)
				 VALUES (?, 1, ?, 'mt', 'mt', 0, ?)`, f.SegmentID, f.MT, ts); err != nil {
				return fmt.Errorf("insert revision: %w", err)
			}
			if f.Memory != "" {
				drafts++
				if _, err := tx.ExecContext(ctx,
					`INSERT INTO revisions (segment_id, version, text, state, kind, distance, created_at)
					 VALUES (?, 2, ?, 'draft', 'tm', ?, ?)`, f.SegmentID, f.Memory, f.MemoryDist, ts); err != nil {
					return fmt.Errorf("insert revision: %w", err)
				}
			}
		}
		if drafts > 0 {
			if err := moveStateCount(ctx, tx, trID, "mt", "draft", drafts); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE translations SET done = done + ?, claimed_at = ? WHERE id = ?`, filled, ts, trID)
		return err
	})
}

func issuesOr(s string) string {
	if s == "" {
		return "[]"
	}
	return s
}

// FinishTranslation sets translation id ready, or failed with the reason.
func (s *Store) FinishTranslation(ctx context.Context, id int64, failure string) error {
	status := "ready"
	if failure != "" {
		status = "failed"
	}
	_, err := s.w.ExecContext(ctx, `UPDATE translations SET status = ?, error = ? WHERE id = ?`, status, failure, id)
	if err != nil {
		return fmt.Errorf("finish translation: %w", err)
	}
	return nil
}

// RequeueTranslation queues a failed translation again; ErrConflict when it is
// not failed.
func (s *Store) RequeueTranslation(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx,
		`UPDATE translations SET status = 'queued', error = '' WHERE id = ? AND status = 'failed'`, id)
	if err != nil {
		return fmt.Errorf("requeue translation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("translation %d is not failed: %w", id, ErrConflict)
	}
	return nil
}

// PendingTranslations returns the translations queued or running, oldest first.
func (s *Store) PendingTranslations(ctx context.Context) ([]Translation, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT `+translationColumns+` FROM translations WHERE status IN ('queued', 'running') ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("pending translations: %w", err)
	}
	defer rows.Close()
	var out []Translation
	for rows.Next() {
		var t Translation
		if err := rows.Scan(translationDest(&t)...); err != nil {
			return nil, fmt.Errorf("scan translation: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// ReleaseTranslation queues a running translation again, for an instance that
// stops in the middle of it; what was filled stays.
func (s *Store) ReleaseTranslation(ctx context.Context, id int64) error {
	_, err := s.w.ExecContext(ctx, `UPDATE translations SET status = 'queued' WHERE id = ? AND status = 'running'`, id)
	if err != nil {
		return fmt.Errorf("release translation: %w", err)
	}
	return nil
}
