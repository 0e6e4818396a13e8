package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Effort is what a segment's approval measured of the reviewers' work on the
// machine text: edits and who made them, active editing time, character and
// word edit rates, the kind of change and the checks it cleared.
type Effort struct {
	SegmentID     int64
	TranslationID int64
	ApprovedBy    int64
	Approver      string // filled by reads
	ApprovedAt    time.Time
	Edits         int    // revisions that changed the text (edit, fix, revert, mt, tm)
	Editors       string // names of those who made them, comma-separated
	ActiveMS      int64
	CharDistance  int
	CharRate      float64
	Ins, Del, Sub int
	Shifts        int
	RefWords      int
	WordRate      float64
	Kind          string
	IssuesRemoved string // check ids, comma-separated
}

// editKinds are the revision kinds that change a segment's text.
const editKinds = `'edit', 'fix', 'revert', 'mt', 'tm'`

// putEffort stores e for its segment in tx, counting the edits, the editors and
// the active time from the segment's history.
func putEffort(ctx context.Context, tx *sql.Tx, e Effort) error {
	rows, err := tx.QueryContext(ctx,
		`SELECT COALESCE(u.name, ''), COUNT(*) FROM revisions r LEFT JOIN users u ON u.id = r.author_id
		  WHERE r.segment_id = ? AND r.kind IN (`+editKinds+`) GROUP BY u.name ORDER BY MIN(r.id)`, e.SegmentID)
	if err != nil {
		return fmt.Errorf("count edits: %w", err)
	}
	var names []string
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			rows.Close()
			return err
		}
		e.Edits += n
		if name != "" {
			names = append(names, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	e.Editors = strings.Join(names, ",")
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(ms), 0) FROM editing_time WHERE segment_id = ?`, e.SegmentID).
		Scan(&e.ActiveMS); err != nil {
		return fmt.Errorf("sum editing time: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM segment_effort WHERE segment_id = ?`, e.SegmentID); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		`INSERT INTO segment_effort (segment_id, translation_id, approved_by, approved_at, edits, editors, active_ms,
		    char_distance, char_rate, word_ins, word_del, word_sub, word_shifts, ref_words, word_rate, kind, issues_removed)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.SegmentID, e.TranslationID, nullID(e.ApprovedBy), now(), e.Edits, e.Editors, e.ActiveMS,
		e.CharDistance, e.CharRate, e.Ins, e.Del, e.Sub, e.Shifts, e.RefWords, e.WordRate, e.Kind, e.IssuesRemoved)
	if err != nil {
		return fmt.Errorf("insert effort: %w", err)
	}
	return nil
}

const effortColumns = `e.segment_id, e.translation_id, COALESCE(e.approved_by, 0), COALESCE(u.name, ''), e.approved_at,
	e.edits, e.editors, e.active_ms, e.char_distance, e.char_rate, e.word_ins, e.word_del, e.word_sub,
	e.word_shifts, e.ref_words, e.word_rate, e.kind, e.issues_removed`

func scanEffort(row scanner) (Effort, error) {
	var e Effort
	var at string
	err := row.Scan(&e.SegmentID, &e.TranslationID, &e.ApprovedBy, &e.Approver, &at, &e.Edits, &e.Editors,
		&e.ActiveMS, &e.CharDistance, &e.CharRate, &e.Ins, &e.Del, &e.Sub, &e.Shifts, &e.RefWords, &e.WordRate,
		&e.Kind, &e.IssuesRemoved)
	e.ApprovedAt = parseTime(at)
	return e, err
}

// TranslationEfforts returns the measured effort of every approved segment of
// translation trID, keyed by segment id.
func (s *Store) TranslationEfforts(ctx context.Context, trID int64) (map[int64]Effort, error) {
	return s.efforts(ctx, `WHERE e.translation_id = ?`, trID)
}

// ApproverEfforts returns the effort of the segments user approved between
// from and to (to excluded), keyed by segment id.
func (s *Store) ApproverEfforts(ctx context.Context, userID int64, from, to time.Time) (map[int64]Effort, error) {
	return s.efforts(ctx, `WHERE e.approved_by = ? AND e.approved_at >= ? AND e.approved_at < ?`,
		userID, formatTime(from), formatTime(to))
}

func (s *Store) efforts(ctx context.Context, where string, args ...any) (map[int64]Effort, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+effortColumns+`
		   FROM segment_effort e LEFT JOIN users u ON u.id = e.approved_by `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list efforts: %w", err)
	}
	defer rows.Close()
	out := map[int64]Effort{}
	for rows.Next() {
		e, err := scanEffort(rows)
		if err != nil {
			return nil, fmt.Errorf("scan effort: %w", err)
		}
		out[e.SegmentID] = e
	}
	return out, rows.Err()
}

// AddEditingTime records ms of active editing of a segment by a user.
func (s *Store) AddEditingTime(ctx context.Context, segmentID, userID, ms int64) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO editing_time (segment_id, user_id, ms, created_at) VALUES (?, ?, ?, ?)`,
		segmentID, nullID(userID), ms, now())
	if err != nil {
		return fmt.Errorf("add editing time: %w", err)
	}
	return nil
}

// TranslationEditingTime returns the active editing time of translation trID's
// segments, keyed by segment id.
func (s *Store) TranslationEditingTime(ctx context.Context, trID int64) (map[int64]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT et.segment_id, SUM(et.ms) FROM editing_time et
		   JOIN segments sg ON sg.id = et.segment_id WHERE sg.translation_id = ? GROUP BY et.segment_id`, trID)
	if err != nil {
		return nil, fmt.Errorf("sum editing time: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, ms int64
		if err := rows.Scan(&id, &ms); err != nil {
			return nil, err
		}
		out[id] = ms
	}
	return out, rows.Err()
}

// Category is an error category a reviewer gave one revision of a segment.
type Category struct {
	ID        int64
	SegmentID int64
	Version   int
	Category  string
	Severity  string
	Author    string
	CreatedAt time.Time
}

// AddCategory tags revision version of a segment; tagging it again with the
// same category changes the severity.
func (s *Store) AddCategory(ctx context.Context, c Category, userID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM revisions WHERE segment_id = ? AND version = ?`,
			c.SegmentID, c.Version).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("segment %d version %d: %w", c.SegmentID, c.Version, ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM revision_categories WHERE segment_id = ? AND version = ? AND category = ?`,
			c.SegmentID, c.Version, c.Category); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx,
			`INSERT INTO revision_categories (segment_id, version, category, severity, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			c.SegmentID, c.Version, c.Category, c.Severity, nullID(userID), now())
		return err
	})
}

// DeleteCategory removes a category from a segment's revision.
func (s *Store) DeleteCategory(ctx context.Context, id, segmentID int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM revision_categories WHERE id = ? AND segment_id = ?`, id, segmentID)
	if err != nil {
		return fmt.Errorf("delete category: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("category %d: %w", id, ErrNotFound)
	}
	return nil
}

// SegmentCategories returns the categories given to a segment's revisions.
func (s *Store) SegmentCategories(ctx context.Context, segmentID int64) ([]Category, error) {
	return s.categories(ctx, `WHERE c.segment_id = ? ORDER BY c.version, c.id`, segmentID)
}

// TranslationCategories returns the categories given in translation trID.
func (s *Store) TranslationCategories(ctx context.Context, trID int64) ([]Category, error) {
	return s.categories(ctx, `JOIN segments sg ON sg.id = c.segment_id WHERE sg.translation_id = ? ORDER BY c.segment_id, c.version`, trID)
}

// AuthorCategories returns the categories user gave between from and to.
func (s *Store) AuthorCategories(ctx context.Context, userID int64, from, to time.Time) ([]Category, error) {
	return s.categories(ctx, `WHERE c.user_id = ? AND c.created_at >= ? AND c.created_at < ?`, userID, formatTime(from), formatTime(to))
}

func (s *Store) categories(ctx context.Context, tail string, args ...any) ([]Category, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT c.id, c.segment_id, c.version, c.category, c.severity, COALESCE(u.name, ''), c.created_at
		   FROM revision_categories c LEFT JOIN users u ON u.id = c.user_id `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	defer rows.Close()
	var out []Category
	for rows.Next() {
		var c Category
		var at string
		if err := rows.Scan(&c.ID, &c.SegmentID, &c.Version, &c.Category, &c.Severity, &c.Author, &at); err != nil {
			return nil, err
		}
		c.CreatedAt = parseTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// ReviewerActivity counts what user did between from and to: segments edited
// (distinct), approvals and rejections, and active editing time.
type ReviewerActivity struct {
	Edited, Approved, Rejected int
	ActiveMS                   int64
}

// ReviewerActivity reads a reviewer's activity over [from, to).
func (s *Store) ReviewerActivity(ctx context.Context, userID int64, from, to time.Time) (ReviewerActivity, error) {
	var a ReviewerActivity
	f, t := formatTime(from), formatTime(to)
	err := s.r.QueryRowContext(ctx, `SELECT
		  COUNT(DISTINCT CASE WHEN kind IN (`+editKinds+`) THEN segment_id END),
		  COUNT(CASE WHEN kind = 'approve' THEN 1 END),
		  COUNT(CASE WHEN kind = 'reject' THEN 1 END)
		 FROM revisions WHERE author_id = ? AND created_at >= ? AND created_at < ?`, userID, f, t).
		Scan(&a.Edited, &a.Approved, &a.Rejected)
	if err != nil {
		return a, fmt.Errorf("reviewer activity: %w", err)
	}
	err = s.r.QueryRowContext(ctx, `SELECT COALESCE(SUM(ms), 0) FROM editing_time WHERE user_id = ? AND created_at >= ? AND created_at < ?`,
		userID, f, t).Scan(&a.ActiveMS)
	if err != nil {
		return a, fmt.Errorf("reviewer time: %w", err)
	}
	return a, nil
}
