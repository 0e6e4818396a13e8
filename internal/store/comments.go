package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Comment is a note left on a segment.
type Comment struct {
	ID        int64
	SegmentID int64
	Author    string
	Body      string
	CreatedAt time.Time
}

// AddComment stores a comment on a segment and returns it.
func (s *Store) AddComment(ctx context.Context, segmentID, authorID int64, body string) (Comment, error) {
	c := Comment{SegmentID: segmentID, Body: body}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := segmentByID(ctx, tx, segmentID); err != nil {
			return err
		}
		ts := now()
		res, err := tx.ExecContext(ctx,
			`INSERT INTO comments (segment_id, author_id, body, created_at) VALUES (?, ?, ?, ?)`,
			segmentID, nullID(authorID), body, ts)
		if err != nil {
			return fmt.Errorf("insert comment: %w", err)
		}
		c.CreatedAt = parseTime(ts)
		c.ID, err = res.LastInsertId()
		return err
	})
	return c, err
}

// Comments returns a segment's comments, oldest first.
func (s *Store) Comments(ctx context.Context, segmentID int64) ([]Comment, error) {
	return s.comments(ctx, `WHERE c.segment_id = ? ORDER BY c.id`, segmentID)
}

// TranslationComments returns the comments on a translation's segments, by
// segment id, oldest first.
func (s *Store) TranslationComments(ctx context.Context, translationID int64) (map[int64][]Comment, error) {
	list, err := s.comments(ctx, `JOIN segments sg ON sg.id = c.segment_id WHERE sg.translation_id = ? ORDER BY c.id`, translationID)
	if err != nil {
		return nil, err
	}
	out := map[int64][]Comment{}
	for _, c := range list {
		out[c.SegmentID] = append(out[c.SegmentID], c)
	}
	return out, nil
}

// CommentsSince returns the comments on a translation's segments with an id above
// after, oldest first: what a live page has not seen yet.
func (s *Store) CommentsSince(ctx context.Context, translationID, after int64) ([]Comment, error) {
	return s.comments(ctx, `JOIN segments sg ON sg.id = c.segment_id
		WHERE c.id > ? AND sg.translation_id = ? ORDER BY c.id LIMIT 500`, after, translationID)
}

// LastCommentID returns the highest comment id, 0 when there is none.
func (s *Store) LastCommentID(ctx context.Context) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM comments`).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("last comment: %w", err)
	}
	return id, nil
}

func (s *Store) comments(ctx context.Context, where string, args ...any) ([]Comment, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT c.id, c.segment_id, COALESCE(u.name, ''), c.body, c.created_at
		   FROM comments c LEFT JOIN users u ON u.id = c.author_id `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	defer rows.Close()
	out := []Comment{}
	for rows.Next() {
		var c Comment
		var created string
		if err := rows.Scan(&c.ID, &c.SegmentID, &c.Author, &c.Body, &created); err != nil {
			return nil, fmt.Errorf("scan comment: %w", err)
		}
		c.CreatedAt = parseTime(created)
		out = append(out, c)
	}
	return out, rows.Err()
}
