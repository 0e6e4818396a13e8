package store

import (
	"context"
	"fmt"
	"time"
)

// SegmentChange is one revision seen from a live page: which segment it changed,
// to what, by whom.
type SegmentChange struct {
	RevisionID int64
	SegmentID  int64
	Version    int
	MT         string
	Text       string
	State      string
	Kind       string
	Reason     string
	Author     string
	CreatedAt  time.Time
	// Issues are the segment's current issues (JSON), as stored with its latest
	// change.
	Issues string
}

// ChangesSince returns the revisions of a translation's segments with an id above
// after, oldest first, at most limit of them. It reads only rows newer than after,
// so polling it is cheap whatever the size of the history.
func (s *Store) ChangesSince(ctx context.Context, translationID, after int64, limit int) ([]SegmentChange, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT r.id, r.segment_id, r.version, sg.mt, r.text, r.state, r.kind, r.reason, COALESCE(u.name, ''), r.created_at, sg.issues
		   FROM revisions r JOIN segments sg ON sg.id = r.segment_id
		   LEFT JOIN users u ON u.id = r.author_id
		  WHERE r.id > ? AND sg.translation_id = ?
		  ORDER BY r.id LIMIT ?`, after, translationID, limit)
	if err != nil {
		return nil, fmt.Errorf("list changes: %w", err)
	}
	defer rows.Close()
	out := []SegmentChange{}
	for rows.Next() {
		var c SegmentChange
		var created string
		if err := rows.Scan(&c.RevisionID, &c.SegmentID, &c.Version, &c.MT, &c.Text, &c.State, &c.Kind, &c.Reason, &c.Author, &created, &c.Issues); err != nil {
			return nil, fmt.Errorf("scan change: %w", err)
		}
		c.CreatedAt = parseTime(created)
		out = append(out, c)
	}
	return out, rows.Err()
}

// LastRevisionID returns the highest revision id, 0 when there is none.
func (s *Store) LastRevisionID(ctx context.Context) (int64, error) {
	var id int64
	if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM revisions`).Scan(&id); err != nil {
		return 0, fmt.Errorf("last revision: %w", err)
	}
	return id, nil
}
