package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"copydesk/internal/tags"
)

// MemoryEntry is one approved segment pair of the translation memory of a
// language pair. DocumentID and ReviewerID are 0 when unknown (an imported pair,
// or a document or user deleted since); Reviewer is the reviewer's name, read
// only.
type MemoryEntry struct {
	ID         int64
	SourceLang string
	TargetLang string
	Source     string
	Target     string
	DocumentID int64
	ReviewerID int64
	Reviewer   string
	CreatedAt  time.Time
	ChangedAt  time.Time
}

// MemoryPair is a language pair of the translation memory and how many entries
// it holds.
type MemoryPair struct {
	SourceLang string
	TargetLang string
	Entries    int
}

// memoryPostingBudget bounds how many postings a fuzzy lookup reads: the query's
// trigrams are taken rarest first until their postings would exceed it.
const memoryPostingBudget = 20000

// memoryWindows is how many parts of a query each give their rarest trigram to a
// lookup (see pickGrams).
const memoryWindows = 8

const memoryColumns = `m.id, m.source_lang, m.target_lang, m.source, m.target,
	COALESCE(m.document_id, 0), COALESCE(m.reviewer_id, 0), COALESCE(u.name, ''), m.created_at, m.changed_at`

const memoryFrom = ` FROM memory m LEFT JOIN users u ON u.id = m.reviewer_id `

func scanMemory(row scanner) (MemoryEntry, error) {
	var e MemoryEntry
	var created, changed string
	err := row.Scan(&e.ID, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target,
		&e.DocumentID, &e.ReviewerID, &e.Reviewer, &created, &changed)
	e.CreatedAt, e.ChangedAt = parseTime(created), parseTime(changed)
	return e, err
}

// textHash is the key under which a text is unique and looked up exactly: the
// first 128 bits of its SHA-256, in hex.
func textHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:16])
}

// memoryGramSeq returns the trigrams, in characters and in order, of source with
// its tag tokens stripped, lower-cased, runs of white space made one space, and
// one space added at each end (so that every non-empty text has at least one).
func memoryGramSeq(source string) []string {
	text := strings.ToLower(strings.Join(strings.Fields(tags.Strip(source)), " "))
	if text == "" {
		return nil
	}
	r := []rune(" " + text + " ")
	grams := make([]string, 0, len(r)-2)
	for i := 0; i+3 <= len(r); i++ {
		grams = append(grams, string(r[i:i+3]))
	}
	return grams
}

// memoryGrams returns the distinct trigrams of source (see memoryGramSeq), sorted.
func memoryGrams(source string) []string {
	grams := memoryGramSeq(source)
	slices.Sort(grams)
	return slices.Compact(grams)
}

// AddMemoryTx adds e to the translation memory within tx (so that approving a
// segment and remembering it are one transaction). When the pair is already in
// the memory, its change time, reviewer and document are updated instead, unless
// the stored entry is newer. Zero times mean now.
func AddMemoryTx(ctx context.Context, tx *sql.Tx, e MemoryEntry) error {
	_, err := addMemory(ctx, tx, []MemoryEntry{e})
	return err
}

// AddMemory adds e to the translation memory in its own transaction (see
// AddMemoryTx).
func (s *Store) AddMemory(ctx context.Context, e MemoryEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return AddMemoryTx(ctx, tx, e) })
}

// ImportMemory adds entries to the translation memory in one transaction: all of
// them or, on any error, none. It returns how many were new pairs.
func (s *Store) ImportMemory(ctx context.Context, entries []MemoryEntry) (int, error) {
	var added int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		added, err = addMemory(ctx, tx, entries)
		return err
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// newEntry is an entry inserted by addMemory, waiting for its trigrams.
type newEntry struct {
	id     int64
	pairID int64
	source string
}

// addMemory inserts or updates entries, then indexes the new ones: the pairs'
// gram counts in one batch, then the postings.
func addMemory(ctx context.Context, tx *sql.Tx, entries []MemoryEntry) (int, error) {
	pairs := map[[2]string]int64{}
	var fresh []newEntry
	for i, e := range entries {
		if strings.TrimSpace(e.SourceLang) == "" || strings.TrimSpace(e.TargetLang) == "" {
			return 0, fmt.Errorf("memory entry %d: language missing", i+1)
		}
		if strings.TrimSpace(e.Source) == "" || strings.TrimSpace(e.Target) == "" {
			return 0, fmt.Errorf("memory entry %d: empty source or target", i+1)
		}
		key := [2]string{e.SourceLang, e.TargetLang}
		pairID, ok := pairs[key]
		if !ok {
			var err error
			if pairID, err = memoryPairID(ctx, tx, e.SourceLang, e.TargetLang); err != nil {
				return 0, err
			}
			pairs[key] = pairID
		}
		id, err := putMemory(ctx, tx, e)
		if err != nil {
			return 0, fmt.Errorf("memory entry %d: %w", i+1, err)
		}
		if id != 0 {
			fresh = append(fresh, newEntry{id: id, pairID: pairID, source: e.Source})
		}
	}
	if err := indexMemory(ctx, tx, fresh); err != nil {
		return 0, err
	}
	return len(fresh), nil
}

// memoryPairID returns the id of a language pair's row, creating it if needed.
func memoryPairID(ctx context.Context, tx *sql.Tx, src, tgt string) (int64, error) {
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO memory_pairs (source_lang, target_lang, entries) VALUES (?, ?, 0)
		 ON CONFLICT (source_lang, target_lang) DO NOTHING`, src, tgt); err != nil {
		return 0, fmt.Errorf("add memory pair: %w", err)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM memory_pairs WHERE source_lang = ? AND target_lang = ?`,
		src, tgt).Scan(&id); err != nil {
		return 0, fmt.Errorf("get memory pair: %w", err)
	}
	return id, nil
}

// putMemory inserts e and returns its id, or updates the identical pair already
// stored (when e is not older) and returns 0.
func putMemory(ctx context.Context, tx *sql.Tx, e MemoryEntry) (int64, error) {
	created, changed := e.CreatedAt, e.ChangedAt
	if created.IsZero() {
		created = time.Now()
	}
	if changed.IsZero() || changed.Before(created) {
		changed = created
	}
	srcHash, tgtHash := textHash(e.Source), textHash(e.Target)
	var id int64
	err := tx.QueryRowContext(ctx,
		`INSERT INTO memory (source_lang, target_lang, source, target, source_hash, target_hash,
		                     document_id, reviewer_id, created_at, changed_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (source_lang, target_lang, source_hash, target_hash) DO NOTHING
		 RETURNING id`,
		e.SourceLang, e.TargetLang, e.Source, e.Target, srcHash, tgtHash,
		nullID(e.DocumentID), nullID(e.ReviewerID), formatTime(created), formatTime(changed)).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("add memory entry: %w", err)
	}
	_, err = tx.ExecContext(ctx,
		`UPDATE memory SET changed_at = ?, document_id = COALESCE(?, document_id), reviewer_id = COALESCE(?, reviewer_id)
		  WHERE source_lang = ? AND target_lang = ? AND source_hash = ? AND target_hash = ? AND changed_at <= ?`,
		formatTime(changed), nullID(e.DocumentID), nullID(e.ReviewerID),
		e.SourceLang, e.TargetLang, srcHash, tgtHash, formatTime(changed))
	if err != nil {
		return 0, fmt.Errorf("update memory entry: %w", err)
	}
	return 0, nil
}

// MemoryExact returns the most recently changed entry of the pair whose source is
// exactly source, or ErrNotFound.
func (s *Store) MemoryExact(ctx context.Context, srcLang, tgtLang, source string) (MemoryEntry, error) {
	e, err := scanMemory(s.r.QueryRowContext(ctx, `SELECT `+memoryColumns+memoryFrom+
		`WHERE m.source_lang = ? AND m.target_lang = ? AND m.source_hash = ? AND m.source = ?
		 ORDER BY m.changed_at DESC, m.id DESC LIMIT 1`, srcLang, tgtLang, textHash(source), source))
	if errors.Is(err, sql.ErrNoRows) {
		return MemoryEntry{}, fmt.Errorf("memory entry for %s→%s source: %w", srcLang, tgtLang, ErrNotFound)
	}
	if err != nil {
		return MemoryEntry{}, fmt.Errorf("get memory entry: %w", err)
	}
	return e, nil
}

// MemoryCandidates returns up to limit entries of the pair whose sources share
// the most of the query's chosen trigrams, best first, ties most recent first;
// the caller scores them. The trigrams are chosen by pickGrams, so a lookup reads
// at most memoryPostingBudget postings however large the memory.
func (s *Store) MemoryCandidates(ctx context.Context, srcLang, tgtLang, source string, limit int) ([]MemoryEntry, error) {
	out := []MemoryEntry{}
	seq := memoryGramSeq(source)
	if len(seq) == 0 || limit <= 0 {
		return out, nil
	}
	counts, err := s.gramCounts(ctx, srcLang, tgtLang, seq)
	if err != nil || len(counts) == 0 {
		return out, err
	}
	args := pickGrams(seq, counts)
	rows, err := s.r.QueryContext(ctx, `SELECT `+memoryColumns+`
		  FROM (SELECT memory_id, COUNT(*) AS shared FROM memory_postings WHERE gram_id IN (`+placeholders(len(args))+`)
		         GROUP BY memory_id ORDER BY shared DESC, memory_id DESC LIMIT ?) c
		  JOIN memory m ON m.id = c.memory_id LEFT JOIN users u ON u.id = m.reviewer_id
		 ORDER BY c.shared DESC, m.changed_at DESC, m.id DESC`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("find memory candidates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanMemory(rows)
		if err != nil {
			return nil, fmt.Errorf("scan memory entry: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ForEachMemory calls fn for every entry of the pair, oldest first.
func (s *Store) ForEachMemory(ctx context.Context, srcLang, tgtLang string, fn func(MemoryEntry) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT `+memoryColumns+memoryFrom+
		`WHERE m.source_lang = ? AND m.target_lang = ? ORDER BY m.id`, srcLang, tgtLang)
	if err != nil {
		return fmt.Errorf("list memory: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanMemory(rows)
		if err != nil {
			return fmt.Errorf("scan memory entry: %w", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// MemoryPairs returns the language pairs that have entries, with their counts,
// by source then target language.
func (s *Store) MemoryPairs(ctx context.Context) ([]MemoryPair, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT source_lang, target_lang, entries FROM memory_pairs
		WHERE entries > 0 ORDER BY source_lang, target_lang`)
	if err != nil {
		return nil, fmt.Errorf("list memory pairs: %w", err)
	}
	defer rows.Close()
	out := []MemoryPair{}
	for rows.Next() {
		var p MemoryPair
		if err := rows.Scan(&p.SourceLang, &p.TargetLang, &p.Entries); err != nil {
			return nil, fmt.Errorf("scan memory pair: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeleteMemory removes an entry, its postings and its share of the gram counts.
func (s *Store) DeleteMemory(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var src, tgt, source string
		err := tx.QueryRowContext(ctx, `SELECT source_lang, target_lang, source FROM memory WHERE id = ?`, id).
			Scan(&src, &tgt, &source)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("memory entry %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("get memory entry: %w", err)
		}
		var pairID int64
		if err := tx.QueryRowContext(ctx, `UPDATE memory_pairs SET entries = entries - 1
			WHERE source_lang = ? AND target_lang = ? RETURNING id`, src, tgt).Scan(&pairID); err != nil {
			return fmt.Errorf("count memory entries: %w", err)
		}
		if grams := memoryGrams(source); len(grams) > 0 {
			args := []any{id, pairID}
			for _, g := range grams {
				args = append(args, g)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM memory_postings WHERE memory_id = ? AND gram_id IN
				(SELECT id FROM memory_grams WHERE pair_id = ? AND gram IN (`+placeholders(len(grams))+`))`,
				args...); err != nil {
				return fmt.Errorf("delete memory postings: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE memory_grams SET n = n - 1
				WHERE pair_id = ? AND gram IN (`+placeholders(len(grams))+`)`, args[1:]...); err != nil {
				return fmt.Errorf("count memory trigrams: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM memory WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete memory entry: %w", err)
		}
		return nil
	})
}
