package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// indexMemory records the trigrams of new entries: it adds to the gram counts of
// their pairs, then writes one posting per entry and trigram, in batches.
func indexMemory(ctx context.Context, tx *sql.Tx, fresh []newEntry) error {
	type gramKey struct {
		pair int64
		gram string
	}
	counts := map[gramKey]int{}
	grams := make([][]string, len(fresh))
	perPair := map[int64]int{}
	for i, e := range fresh {
		grams[i] = memoryGrams(e.source)
		for _, g := range grams[i] {
			counts[gramKey{e.pairID, g}]++
		}
		perPair[e.pairID]++
	}
	keys := make([]gramKey, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b gramKey) int { return cmp.Or(cmp.Compare(a.pair, b.pair), strings.Compare(a.gram, b.gram)) })
	ids := make(map[gramKey]int64, len(keys))
	const gramBatch = 300
	for start := 0; start < len(keys); start += gramBatch {
		batch := keys[start:min(start+gramBatch, len(keys))]
		args := make([]any, 0, 3*len(batch))
		for _, k := range batch {
			args = append(args, k.pair, k.gram, counts[k])
		}
		rows, err := tx.QueryContext(ctx, `INSERT INTO memory_grams (pair_id, gram, n) VALUES `+
			valueRows(len(batch), 3)+` ON CONFLICT (pair_id, gram) DO UPDATE SET n = memory_grams.n + excluded.n
			 RETURNING id, pair_id, gram`, args...)
		if err != nil {
			return fmt.Errorf("count memory trigrams: %w", err)
		}
		for rows.Next() {
			var id int64
			var k gramKey
			if err := rows.Scan(&id, &k.pair, &k.gram); err != nil {
				rows.Close()
				return fmt.Errorf("scan memory trigram: %w", err)
			}
			ids[k] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("count memory trigrams: %w", err)
		}
	}
	// The postings go in sorted by trigram, a slice of entries at a time, so that
	// the index grows in order rather than at random places.
	const entriesPerSort = 5000
	for start := 0; start < len(fresh); start += entriesPerSort {
		var postings [][2]int64
		for i := start; i < min(start+entriesPerSort, len(fresh)); i++ {
			for _, g := range grams[i] {
				postings = append(postings, [2]int64{ids[gramKey{fresh[i].pairID, g}], fresh[i].id})
			}
		}
		slices.SortFunc(postings, func(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
		if err := insertPostings(ctx, tx, postings); err != nil {
			return err
		}
	}
	for pair, n := range perPair {
		if _, err := tx.ExecContext(ctx, `UPDATE memory_pairs SET entries = entries + ? WHERE id = ?`, n, pair); err != nil {
			return fmt.Errorf("count memory entries: %w", err)
		}
	}
	return nil
}

// insertPostings writes (gram id, memory id) postings, many to a statement.
func insertPostings(ctx context.Context, tx *sql.Tx, postings [][2]int64) error {
	const batch = 500
	args := make([]any, 0, 2*batch)
	for start := 0; start < len(postings); start += batch {
		part := postings[start:min(start+batch, len(postings))]
		args = args[:0]
		for _, p := range part {
			args = append(args, p[0], p[1])
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO memory_postings (gram_id, memory_id) VALUES `+
			valueRows(len(part), 2), args...); err != nil {
			return fmt.Errorf("index memory entry: %w", err)
		}
	}
	return nil
}

// valueRows returns rows groups of cols placeholders: "(?, ?), (?, ?)".
func valueRows(rows, cols int) string {
	row := "(" + strings.Repeat("?, ", cols-1) + "?)"
	return strings.Repeat(row+", ", rows-1) + row
}

// placeholders returns n comma-separated placeholders.
func placeholders(n int) string { return strings.Repeat("?, ", n-1) + "?" }

// gramCount is a trigram of a pair: its id and how many entries hold it.
type gramCount struct{ id, n int64 }

// gramCounts returns the id and count of each of grams the pair's memory holds.
func (s *Store) gramCounts(ctx context.Context, srcLang, tgtLang string, grams []string) (map[string]gramCount, error) {
	grams = slices.Compact(slices.Sorted(slices.Values(grams)))
	counts := make(map[string]gramCount, len(grams))
	const chunk = 500
	for start := 0; start < len(grams); start += chunk {
		part := grams[start:min(start+chunk, len(grams))]
		args := []any{srcLang, tgtLang}
		for _, g := range part {
			args = append(args, g)
		}
		rows, err := s.r.QueryContext(ctx, `SELECT g.gram, g.id, g.n FROM memory_grams g JOIN memory_pairs p ON p.id = g.pair_id
			WHERE p.source_lang = ? AND p.target_lang = ? AND g.n > 0 AND g.gram IN (`+placeholders(len(part))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("count query trigrams: %w", err)
		}
		for rows.Next() {
			var g string
			var c gramCount
			if err := rows.Scan(&g, &c.id, &c.n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("scan trigram count: %w", err)
			}
			counts[g] = c
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("count query trigrams: %w", err)
		}
	}
	return counts, nil
}

// pickGrams chooses the trigrams of a lookup and returns their ids. The query's
// trigram sequence is cut into up to memoryWindows windows and the rarest trigram
// of each is taken, so that a match whose difference lies in one place still
// shares most of them; then the rarest others are added. Trigrams are taken
// rarest first while their postings stay within memoryPostingBudget (the rarest
// one in any case).
func pickGrams(seq []string, counts map[string]gramCount) []any {
	windows := min(len(seq), memoryWindows)
	var first, rest []gramCount
	for w := range windows {
		best := gramCount{n: -1}
		for _, g := range seq[w*len(seq)/windows : (w+1)*len(seq)/windows] {
			if c, ok := counts[g]; ok && (best.n < 0 || c.n < best.n) {
				best = c
			}
		}
		if best.n >= 0 {
			first = append(first, best)
		}
	}
	for _, c := range counts {
		rest = append(rest, c)
	}
	byRarity := func(a, b gramCount) int { return cmp.Or(cmp.Compare(a.n, b.n), cmp.Compare(a.id, b.id)) }
	slices.SortFunc(first, byRarity)
	slices.SortFunc(rest, byRarity)
	var ids []any
	taken := map[int64]bool{}
	var total int64
	for _, c := range append(first, rest...) {
		if taken[c.id] || (len(ids) > 0 && total+c.n > memoryPostingBudget) {
			continue
		}
		taken[c.id] = true
		ids = append(ids, c.id)
		total += c.n
	}
	return ids
}
