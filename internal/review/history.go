package review

import (
	"context"
	"strings"

	"copydesk/internal/store"
)

// KindRevert marks a revision that brought back an earlier text.
const KindRevert = "revert"

// MaxCommentChars bounds a comment, in characters.
const MaxCommentChars = 5000

// Revert brings back the text of an earlier revision as a new draft revision; the
// history itself is never rewritten.
func (s *Service) Revert(ctx context.Context, u store.User, id int64, base, toVersion int) (store.Segment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Segment{}, forbidden("error.forbidden.edit")
	}
	revs, err := s.st.Revisions(ctx, id)
	if err != nil {
		return store.Segment{}, err
	}
	var text string
	found := false
	for _, r := range revs {
		if r.Version == toVersion {
			text, found = r.Text, true
		}
	}
	if !found {
		return store.Segment{}, invalid("error.segment.noversion", "ID", id, "Version", toVersion)
	}
	return s.change(ctx, id, base, func(cur store.Segment) (store.Change, error) {
		if cur.Target == text {
			return store.Change{}, errUnchanged
		}
		return store.Change{Target: text, State: StateDraft, Kind: KindRevert,
			AuthorID: u.ID, Distance: Distance(text, cur.MT)}, nil
	})
}

// AddComment leaves a note on a segment, for everyone on the article to see.
func (s *Service) AddComment(ctx context.Context, u store.User, segmentID int64, body string) (store.Comment, error) {
	if !Can(u.Role, ActEdit) {
		return store.Comment{}, forbidden("error.forbidden.comment")
	}
	body = strings.TrimSpace(body)
	if body == "" {
		return store.Comment{}, invalid("error.comment.empty")
	}
	if err := checkText("comment", body, MaxCommentChars); err != nil {
		return store.Comment{}, err
	}
	c, err := s.st.AddComment(ctx, segmentID, u.ID, body)
	c.Author = u.Name
	return c, err
}
