package review

import (
	"cmp"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"copydesk/internal/formats"
	"copydesk/internal/store"
	"copydesk/internal/tags"
	"copydesk/internal/textdiff"
)

// MatchThreshold is the lowest similarity, in percent, of a fuzzy match.
const MatchThreshold = 75

// Matches returns defaultMatches matches when asked for 0 or fewer, and at most
// matchesCap.
const (
	defaultMatches = 5
	matchesCap     = 50
)

// Match is a translation memory entry whose source resembles a segment's source.
// Score is the similarity of the two sources in percent: 100 × (1 − edit
// distance / length of the longer), in characters, tag tokens stripped and white
// space runs made one space; 100 only when those texts are equal. Diff is the word
// diff from the entry's source to the segment's source, both as stored (tags
// included): Equal and Delete give the entry's source, Equal and Insert the
// segment's.
type Match struct {
	store.MemoryEntry
	Score int
	Diff  []textdiff.Op
}

// Matches returns up to limit entries of the memory of srcLang→tgtLang whose
// source scores at least MatchThreshold against source, best first, ties most
// recently changed first. An entry with exactly this source is always among them.
func (s *Service) Matches(ctx context.Context, srcLang, tgtLang, source string, limit int) ([]Match, error) {
	src, tgt, err := parsePair(srcLang, tgtLang)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = defaultMatches
	}
	limit = min(limit, matchesCap)
	source = nfc(source)
	cands, err := s.st.MemoryCandidates(ctx, src, tgt, source, max(4*limit, 40))
	if err != nil {
		return nil, err
	}
	switch exact, err := s.st.MemoryExact(ctx, src, tgt, source); {
	case err == nil:
		if !slices.ContainsFunc(cands, func(e store.MemoryEntry) bool { return e.ID == exact.ID }) {
			cands = append(cands, exact)
		}
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	query := scoringText(source)
	out := []Match{}
	for _, c := range cands {
		if score, ok := Similarity(scoringText(c.Source), query); ok {
			out = append(out, Match{MemoryEntry: c, Score: score})
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), b.ChangedAt.Compare(a.ChangedAt), cmp.Compare(b.ID, a.ID))
	})
	out = out[:min(limit, len(out))]
	for i := range out {
		out[i].Diff = textdiff.Words(out[i].Source, source)
	}
	return out, nil
}

// scoringText is what Matches compares: the text without its tag tokens, runs of
// white space made one space, trimmed.
func scoringText(s string) string { return strings.Join(strings.Fields(tags.Strip(s)), " ") }

// Similarity returns 100 × (1 − Distance(a, b) / the longer length), rounded
// down, in characters, and whether it reaches MatchThreshold. Pairs whose
// lengths alone rule the threshold out are not measured.
func Similarity(a, b string) (int, bool) {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	longer := max(la, lb)
	if longer == 0 {
		return 100, true
	}
	// The distance is at least the difference of the lengths.
	if 100*(longer-min(la, lb)) > (100-MatchThreshold)*longer {
		return 0, false
	}
	score := 100 * (longer - Distance(a, b)) / longer
	return score, score >= MatchThreshold
}

// parsePair checks and canonicalises a language pair.
func parsePair(srcLang, tgtLang string) (string, string, error) {
	src, err := ParseLang("source_lang", srcLang)
	if err != nil {
		return "", "", err
	}
	tgt, err := ParseLang("target_lang", tgtLang)
	if err != nil {
		return "", "", err
	}
	if src == tgt {
		return "", "", invalid("error.lang.same", "Lang", src)
	}
	return src, tgt, nil
}

// Remember validates e (languages, non-empty UTF-8 texts within MaxSegmentChars)
// and adds it to the translation memory, texts in NFC; an identical pair already
// there is updated.
func (s *Service) Remember(ctx context.Context, e store.MemoryEntry) error {
	var err error
	if e.SourceLang, e.TargetLang, err = parsePair(e.SourceLang, e.TargetLang); err != nil {
		return err
	}
	if e.Source, e.Target, err = memoryTexts(e.Source, e.Target); err != nil {
		return err
	}
	if e.Source == "" || e.Target == "" {
		return invalid("error.memory.pair")
	}
	return s.st.AddMemory(ctx, e)
}

// memoryTexts checks a source and a target and returns them trimmed, in NFC.
func memoryTexts(source, target string) (string, string, error) {
	for _, f := range []struct{ name, text string }{{"source", source}, {"target", target}} {
		if err := checkText(f.name, f.text, MaxSegmentChars); err != nil {
			return "", "", err
		}
	}
	return nfc(strings.TrimSpace(source)), nfc(strings.TrimSpace(target)), nil
}

// ImportMemoryTMX reads a TMX file into the memory of one language pair, all of
// it or, on any error, nothing, and returns how many pairs were new. The pair is
// srcLang→tgtLang, or the file's languages where these are empty; a file declaring
// another language than one given is refused (regional variants aside), and one
// declaring the given pair the other way round is read that way round. Units with
// an empty side are skipped. u is nil for the command line; otherwise only admins
// and reviewers may import, and they become the entries' reviewer.
func (s *Service) ImportMemoryTMX(ctx context.Context, u *store.User, r io.Reader, srcLang, tgtLang string) (int, error) {
	if u != nil && !Can(u.Role, ActImport) {
		return 0, forbidden("error.forbidden.memory")
	}
	p, err := formats.ParseWithLangs(r, "tmx")
	if errors.Is(err, formats.ErrNoSegments) {
		return 0, invalid("error.memory.empty")
	}
	var perr *formats.ParseError
	if errors.As(err, &perr) {
		return 0, malformed("error.create.parse", "Problem", perr.Error())
	}
	if err != nil {
		return 0, err
	}
	swap := false
	if srcLang != "" && tgtLang != "" && sameBase(p.SourceLang, tgtLang) && sameBase(p.TargetLang, srcLang) {
		swap = true
	} else {
		for _, l := range []struct{ given, file string }{{srcLang, p.SourceLang}, {tgtLang, p.TargetLang}} {
			if l.given != "" && l.file != "" && !sameBase(l.given, l.file) {
				return 0, invalid("error.memory.langs", "File", p.SourceLang+" → "+p.TargetLang,
					"Pair", cmp.Or(srcLang, p.SourceLang)+" → "+cmp.Or(tgtLang, p.TargetLang))
			}
		}
	}
	src, tgt, err := parsePair(cmp.Or(srcLang, p.SourceLang), cmp.Or(tgtLang, p.TargetLang))
	if err != nil {
		return 0, err
	}
	var entries []store.MemoryEntry
	reviewers := map[string]int64{}
	for _, row := range p.Rows {
		source, target := row.Source, row.Target
		if swap {
			source, target = target, source
		}
		if source, target, err = memoryTexts(source, target); err != nil {
			return 0, err
		}
		if source == "" || target == "" {
			continue
		}
		e := store.MemoryEntry{SourceLang: src, TargetLang: tgt, Source: source, Target: target,
			CreatedAt: row.Created, ChangedAt: cmp.Or(row.Changed, row.Created)}
		if u != nil {
			e.ReviewerID = u.ID
		}
		// The file's reviewer (TMX changeid), when they have an account here.
		if id, ok := s.reviewerID(ctx, reviewers, row.ChangedBy); ok {
			e.ReviewerID = id
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		return 0, invalid("error.memory.empty")
	}
	return s.st.ImportMemory(ctx, entries)
}

// sameBase reports whether two language tags name the same language, regions and
// scripts aside; a tag that does not parse matches nothing.
func sameBase(a, b string) bool {
	ta, errA := language.Parse(a)
	tb, errB := language.Parse(b)
	if errA != nil || errB != nil {
		return false
	}
	ba, _ := ta.Base()
	bb, _ := tb.Base()
	return ba == bb
}

// ExportMemoryTMX writes the memory of srcLang→tgtLang as TMX 1.4b, one unit per
// entry with its creation and change dates and its reviewer as changeid.
func (s *Service) ExportMemoryTMX(ctx context.Context, w io.Writer, srcLang, tgtLang string) error {
	src, tgt, err := parsePair(srcLang, tgtLang)
	if err != nil {
		return err
	}
	a := formats.Article{SourceLang: src, Lang: tgt}
	err = s.st.ForEachMemory(ctx, src, tgt, func(e store.MemoryEntry) error {
		a.Segments = append(a.Segments, formats.Segment{ID: e.ID, Source: e.Source, Target: e.Target,
			State: StateApproved, Created: e.CreatedAt, Changed: e.ChangedAt, ChangedBy: e.Reviewer})
		return nil
	})
	if err != nil {
		return err
	}
	return formats.Write(w, a, "tmx")
}

// reviewerID returns the id of the account called name, looked up once per
// name in known; ok is false for an empty or unknown name.
func (s *Service) reviewerID(ctx context.Context, known map[string]int64, name string) (int64, bool) {
	if name == "" {
		return 0, false
	}
	id, seen := known[name]
	if !seen {
		if u, err := s.st.UserByName(ctx, name); err == nil {
			id = u.ID
		}
		known[name] = id
	}
	return id, id != 0
}

// ForgetMemory removes a wrong entry from the translation memory, so that it
// pre-fills and matches no more; reviewers and admins may.
func (s *Service) ForgetMemory(ctx context.Context, u store.User, id int64) error {
	if !Can(u.Role, ActImport) {
		return forbidden("error.forbidden.memory")
	}
	return s.st.DeleteMemory(ctx, id)
}
