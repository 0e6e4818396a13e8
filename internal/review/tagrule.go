package review

import (
	"encoding/json"
	"errors"

	"copydesk/internal/store"
	"copydesk/internal/tags"
)

// checkTags keeps a segment's inline markup whole: a new target must keep every
// tag token the current target has, may add only tokens of the segment's table
// (a link the machine dropped, say), each in its form, and must nest its pairs
// properly. Segments without a table (plain-text articles, segment files) are
// not checked.
func checkTags(cur store.Segment, text string) error {
	if cur.Tags == "" {
		return nil
	}
	var table []tags.Tag
	if err := json.Unmarshal([]byte(cur.Tags), &table); err != nil {
		return err
	}
	inTable := func(t tags.Token) bool {
		tag, ok := tags.Find(table, t.ID)
		return ok && tags.Paired(tag.Kind) == (t.Form != tags.Empty)
	}
	return tagError(tags.Check(cur.Target, text, inTable))
}

// tagError turns a tags.Error into a refusal the editor can read.
func tagError(err error) error {
	var te *tags.Error
	if !errors.As(err, &te) {
		return err
	}
	return invalid("error.tags."+te.Reason, "Token", te.Token)
}
