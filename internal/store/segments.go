package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Segment is one sentence pair of a translation and its current state.
type Segment struct {
	ID            int64
	DocumentID    int64
	TranslationID int64
	SourceLang    string
	Lang          string
	Pos           int
	Paragraph     int
	Index         int
	Source        string
	MT            string
	Target        string
	State         string
	Reason        string
	Version       int
	// Issues is the JSON list of check findings on Target (dismissed checks
	// left out); IssueChecks their check ids as ",id,id,"; Dismissed the check
	// ids an editor dismissed for this segment, as ",id,".
	Issues      string
	IssueChecks string
	Dismissed   string
	// Block is the path of the article block the segment belongs to ("" for plain
	// text); Tags the JSON table of its inline tags ("" when none); Grouping the
	// alignment grouping that made it ("2-1"; "" for 1-1).
	Block    string
	Tags     string
	Grouping string

	// Filled by ListSegments and ForEachSegment: who made the current version
	// and when; by ListSegments: how many comments the segment has; by
	// ForEachSegment: when the segment was imported.
	ChangedBy string
	ChangedAt time.Time
	Comments  int
	CreatedAt time.Time
}

// Filter narrows a segment list. Query matches source or target text containing it
// (case-insensitive for ASCII letters); Check keeps segments with an issue of that
// check; HasIssues keeps segments with any issue.
type Filter struct {
	State     string
	Query     string
	Check     string
	HasIssues bool
}

// Change is what a rule decided a write does to a segment: its new target, state and
// rejection reason, and the revision that records it.
type Change struct {
	Target   string
	State    string
	Reason   string
	Kind     string
	AuthorID int64
	Distance int
	// Issues, IssueChecks and Dismissed replace the segment's (see Segment).
	Issues      string
	IssueChecks string
	Dismissed   string
	// Memory, when set, goes into the translation memory in the same
	// transaction (an approval).
	Memory *MemoryEntry
	// Effort, when set, is what an approval measured; it is stored with the
	// edits, editors and active time counted in the same transaction. A change
	// that takes an approved segment out of approval removes its effort.
	Effort *Effort
}

// Revision is one entry of a segment's append-only history.
type Revision struct {
	Version   int
	Text      string
	State     string
	Kind      string
	Reason    string
	Author    string
	Distance  int
	CreatedAt time.Time
}

const segmentColumns = `sg.id, t.document_id, sg.translation_id, t.lang, sg.pos, sg.paragraph, sg.idx,
	sg.source, sg.mt, sg.target, sg.state, sg.reason, sg.version, sg.issues, sg.issue_checks, sg.dismissed, d.source_lang, sg.block, sg.tags, sg.grouping`

type scanner interface{ Scan(dest ...any) error }

func scanSegment(row scanner) (Segment, error) {
	var sg Segment
	err := row.Scan(segmentDest(&sg)...)
	return sg, err
}

// segmentDest returns the scan destinations for segmentColumns, followed by extra.
func segmentDest(sg *Segment, extra ...any) []any {
	return append([]any{&sg.ID, &sg.DocumentID, &sg.TranslationID, &sg.Lang, &sg.Pos, &sg.Paragraph,
		&sg.Index, &sg.Source, &sg.MT, &sg.Target, &sg.State, &sg.Reason, &sg.Version,
		&sg.Issues, &sg.IssueChecks, &sg.Dismissed, &sg.SourceLang, &sg.Block, &sg.Tags, &sg.Grouping}, extra...)
}

// Segment returns one segment by id.
func (s *Store) Segment(ctx context.Context, id int64) (Segment, error) {
	return segmentByID(ctx, s.r, id)
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func segmentByID(ctx context.Context, q queryRower, id int64) (Segment, error) {
	sg, err := scanSegment(q.QueryRowContext(ctx,
		`SELECT `+segmentColumns+`
		   FROM segments sg JOIN translations t ON t.id = sg.translation_id JOIN documents d ON d.id = t.document_id
		  WHERE sg.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Segment{}, fmt.Errorf("segment %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Segment{}, fmt.Errorf("get segment: %w", err)
	}
	return sg, nil
}

// SegmentPage is a window of a translation's segments in document order.
type SegmentPage struct {
	Total    int // segments matching the filter, in the whole translation
	Segments []Segment
}

// ListSegments returns up to limit segments of translation tr from offset on, in
// document order, those matching f. Without a filter a page is a range of
// positions, so its cost does not grow with the translation's length.
func (s *Store) ListSegments(ctx context.Context, tr Translation, f Filter, offset, limit int) (SegmentPage, error) {
	page := SegmentPage{Segments: []Segment{}}
	const query = `SELECT ` + segmentColumns + `, COALESCE(u.name, ''), COALESCE(r.created_at, ''),
			(SELECT COUNT(*) FROM comments c WHERE c.segment_id = sg.id)
		   FROM segments sg JOIN translations t ON t.id = sg.translation_id JOIN documents d ON d.id = t.document_id
		   LEFT JOIN revisions r ON r.segment_id = sg.id AND r.version = sg.version
		   LEFT JOIN users u ON u.id = r.author_id
		  WHERE sg.translation_id = ? `
	var rows *sql.Rows
	var err error
	if f == (Filter{}) {
		page.Total = tr.SegmentCount
		rows, err = s.r.QueryContext(ctx, query+`AND sg.pos >= ? AND sg.pos < ? ORDER BY sg.pos`,
			tr.ID, offset, offset+limit)
	} else {
		where, args := filterClause(tr, f)
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM segments sg WHERE sg.translation_id = ? `+where, args...).
			Scan(&page.Total); err != nil {
			return page, fmt.Errorf("count segments: %w", err)
		}
		rows, err = s.r.QueryContext(ctx, query+where+` ORDER BY sg.pos LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	}
	if err != nil {
		return page, fmt.Errorf("list segments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sg Segment
		var changed string
		err := rows.Scan(segmentDest(&sg, &sg.ChangedBy, &changed, &sg.Comments)...)
		if err != nil {
			return page, fmt.Errorf("scan segment: %w", err)
		}
		sg.ChangedAt = parseTime(changed)
		page.Segments = append(page.Segments, sg)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("list segments: %w", err)
	}
	return page, nil
}

// filterClause returns the SQL condition (starting with AND) and its arguments, the
// translation id first, for f.
func filterClause(tr Translation, f Filter) (string, []any) {
	where, args := "", []any{tr.ID}
	if f.State != "" {
		where += ` AND sg.state = ?`
		args = append(args, f.State)
	}
	if f.Check != "" {
		where += ` AND sg.issue_checks LIKE ?`
		args = append(args, "%,"+likeEscaper.Replace(f.Check)+",%")
	}
	if f.HasIssues {
		where += ` AND sg.issue_checks <> ''`
	}
	if f.Query != "" {
		like := "%" + likeEscaper.Replace(f.Query) + "%"
		where += ` AND (sg.source LIKE ? ESCAPE '\' OR sg.target LIKE ? ESCAPE '\')`
		args = append(args, like, like)
	}
	return where, args
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// ForEachSegment calls fn for every segment of translation tr in document order.
func (s *Store) ForEachSegment(ctx context.Context, tr Translation, fn func(Segment) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT `+segmentColumns+`, COALESCE(u.name, ''), COALESCE(r.created_at, ''),
			COALESCE(r1.created_at, '')
		   FROM segments sg JOIN translations t ON t.id = sg.translation_id JOIN documents d ON d.id = t.document_id
		   LEFT JOIN revisions r ON r.segment_id = sg.id AND r.version = sg.version
		   LEFT JOIN users u ON u.id = r.author_id
		   LEFT JOIN revisions r1 ON r1.segment_id = sg.id AND r1.version = 1
		  WHERE sg.translation_id = ? ORDER BY sg.pos`, tr.ID)
	if err != nil {
		return fmt.Errorf("list segments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sg Segment
		var changed, created string
		err := rows.Scan(segmentDest(&sg, &sg.ChangedBy, &changed, &created)...)
		if err != nil {
			return fmt.Errorf("scan segment: %w", err)
		}
		sg.ChangedAt, sg.CreatedAt = parseTime(changed), parseTime(created)
		if err := fn(sg); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ApplyChange updates segment id if its version is still base: it calls decide with
// the current segment, writes the returned change to the segment (bumping its
// version) and appends the matching revision, all in one transaction. When the
// version moved on, it returns the current segment and ErrConflict and writes
// nothing; when decide fails, its error is returned and nothing is written.
func (s *Store) ApplyChange(ctx context.Context, id int64, base int, decide func(Segment) (Change, error)) (Segment, error) {
	var out Segment
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := segmentByID(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.Version != base {
			out = cur
			return fmt.Errorf("segment %d is at version %d, not %d: %w", id, cur.Version, base, ErrConflict)
		}
		ch, err := decide(cur)
		if err != nil {
			return err
		}
		next := cur.Version + 1
		if _, err := tx.ExecContext(ctx,
			`UPDATE segments SET target = ?, state = ?, reason = ?, version = ?, issues = ?, issue_checks = ?, dismissed = ?
			  WHERE id = ? AND version = ?`,
			ch.Target, ch.State, ch.Reason, next, ch.Issues, ch.IssueChecks, ch.Dismissed, id, cur.Version); err != nil {
			return fmt.Errorf("update segment: %w", err)
		}
		if ch.State != cur.State {
			if err := moveStateCount(ctx, tx, cur.TranslationID, cur.State, ch.State, 1); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO revisions (segment_id, version, text, state, kind, reason, author_id, distance, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, next, ch.Target, ch.State, ch.Kind, ch.Reason, nullID(ch.AuthorID), ch.Distance, now()); err != nil {
			return fmt.Errorf("insert revision: %w", err)
		}
		if ch.Memory != nil {
			if err := AddMemoryTx(ctx, tx, *ch.Memory); err != nil {
				return err
			}
		}
		if ch.Effort != nil {
			e := *ch.Effort
			e.SegmentID, e.TranslationID = id, cur.TranslationID
			if err := putEffort(ctx, tx, e); err != nil {
				return err
			}
		} else if cur.State == "approved" && ch.State != "approved" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM segment_effort WHERE segment_id = ?`, id); err != nil {
				return fmt.Errorf("delete effort: %w", err)
			}
		}
		cur.Target, cur.State, cur.Reason, cur.Version = ch.Target, ch.State, ch.Reason, next
		cur.Issues, cur.IssueChecks, cur.Dismissed = ch.Issues, ch.IssueChecks, ch.Dismissed
		out = cur
		return nil
	})
	return out, err
}

// moveStateCount moves n segments of a translation from one state's count
// to another's.
func moveStateCount(ctx context.Context, tx *sql.Tx, trID int64, from, to string, n int) error {
	if _, err := tx.ExecContext(ctx,
		`UPDATE translation_states SET n = n - ? WHERE translation_id = ? AND state = ?`, n, trID, from); err != nil {
		return fmt.Errorf("count state: %w", err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO translation_states (translation_id, state, n) VALUES (?, ?, ?)
		 ON CONFLICT (translation_id, state) DO UPDATE SET n = n + excluded.n`, trID, to, n); err != nil {
		return fmt.Errorf("count state: %w", err)
	}
	return nil
}

// Revisions returns a segment's history, oldest first.
func (s *Store) Revisions(ctx context.Context, segmentID int64) ([]Revision, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT r.version, r.text, r.state, r.kind, r.reason, COALESCE(u.name, ''), r.distance, r.created_at
		   FROM revisions r LEFT JOIN users u ON u.id = r.author_id
		  WHERE r.segment_id = ? ORDER BY r.version`, segmentID)
	if err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	defer rows.Close()
	revs := []Revision{}
	for rows.Next() {
		var r Revision
		var created string
		if err := rows.Scan(&r.Version, &r.Text, &r.State, &r.Kind, &r.Reason, &r.Author, &r.Distance, &created); err != nil {
			return nil, fmt.Errorf("scan revision: %w", err)
		}
		r.CreatedAt = parseTime(created)
		revs = append(revs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	if len(revs) == 0 {
		// Every segment has its import revision: no history means no segment.
		return nil, fmt.Errorf("segment %d: %w", segmentID, ErrNotFound)
	}
	return revs, nil
}
