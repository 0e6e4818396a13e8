package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Document is an article in its source language, with its translations.
type Document struct {
	ID           int64
	Title        string
	SourceLang   string
	Format       string // the shape the article came in: text, markdown or html
	CreatedAt    time.Time
	Translations []Translation
}

// Translation is a document's translation into one target language.
type Translation struct {
	ID           int64
	DocumentID   int64
	Lang         string
	SegmentCount int
	// Status is ready, or for a translation a provider makes in the background
	// queued, running or failed (Error says why); Done counts the segments
	// filled so far; Provider names who translates.
	Status   string
	Provider string
	Done     int
	Error    string
	// Counts holds the number of segments in each state; filled by Document and
	// ListDocuments.
	Counts map[string]int
}

// NewDocument is what CreateDocument stores: a document, its first translation and
// the segments, each starting in state mt with its machine text as target.
type NewDocument struct {
	Title      string
	SourceLang string
	Lang       string
	Format     string // text (when empty), markdown or html
	CreatedBy  int64  // 0 when no user made it (the CLI or the demo loader)
	Segments   []NewSegment
	// Machine, when set, replaces the translation into Lang: a translation per
	// entry is made by its provider in the background; their segments are
	// stored with the source only (version 0, no revision), queued.
	Machine []Queued
}

// Queued is a translation a provider is to make.
type Queued struct {
	Lang, Provider string
}

// NewSegment is one imported segment pair. State is the state a bilingual file
// gave it ("" is mt); Notes become its first comments, by the document's creator.
type NewSegment struct {
	Paragraph   int
	Index       int
	Source      string
	MT          string
	Issues      string // JSON; "" stores "[]"
	IssueChecks string
	Block       string // see Segment
	Tags        string
	Grouping    string
	State       string
	Notes       []string
	// Memory, when set, is the memory's approved text for the source: the
	// segment is stored as a draft of it, revision 2 of kind tm, MemoryDist
	// from the machine text.
	Memory     string
	MemoryDist int
}

// CreateDocument stores d, its translation, its segments and each segment's first
// revision (kind "import") and notes in one transaction, and returns the document's
// id.
func (s *Store) CreateDocument(ctx context.Context, d NewDocument) (int64, error) {
	var docID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ts := now()
		creator := nullID(d.CreatedBy)
		res, err := tx.ExecContext(ctx,
			`INSERT INTO documents (title, source_lang, format, created_by, created_at) VALUES (?, ?, ?, ?, ?)`,
			d.Title, d.SourceLang, formatOr(d.Format), creator, ts)
		if err != nil {
			return fmt.Errorf("insert document: %w", err)
		}
		if docID, err = res.LastInsertId(); err != nil {
			return err
		}
		if len(d.Machine) > 0 {
			for _, q := range d.Machine {
				trID, err := insertTranslation(ctx, tx, docID, q.Lang, len(d.Segments), "queued", q.Provider, ts)
				if err != nil {
					return err
				}
				if err := insertSourceSegments(ctx, tx, trID, d.Segments); err != nil {
					return err
				}
			}
			return nil
		}
		trID, err := insertTranslation(ctx, tx, docID, d.Lang, len(d.Segments), "ready", "", ts)
		if err != nil {
			return err
		}
		counts := map[string]int{}
		for _, sg := range d.Segments {
			if sg.Memory != "" {
				counts["draft"]++
			} else {
				counts[stateOr(sg.State)]++
			}
		}
		for state, n := range counts {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO translation_states (translation_id, state, n) VALUES (?, ?, ?)`, trID, state, n); err != nil {
				return fmt.Errorf("insert state counts: %w", err)
			}
		}
		return insertSegments(ctx, tx, trID, creator, ts, d.Segments)
	})
	return docID, err
}

func insertSegments(ctx context.Context, tx *sql.Tx, trID int64, author any, ts string, segs []NewSegment) error {
	// The driver watches a cancellable context with a goroutine per statement; for a
	// bulk insert that costs more than the insert. Cancellation is checked per batch.
	bg := context.WithoutCancel(ctx)
	insSeg, err := tx.PrepareContext(bg,
		`INSERT INTO segments (translation_id, pos, paragraph, idx, source, mt, target, state, version, issues, issue_checks,
		                       block, tags, grouping)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare segment insert: %w", err)
	}
	defer insSeg.Close()
	insRev, err := tx.PrepareContext(bg,
		`INSERT INTO revisions (segment_id, version, text, state, kind, author_id, distance, created_at)
		 VALUES (?, 1, ?, ?, 'import', ?, 0, ?)`)
	if err != nil {
		return fmt.Errorf("prepare revision insert: %w", err)
	}
	defer insRev.Close()
	for i, sg := range segs {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		issues := sg.Issues
		if issues == "" {
			issues = "[]"
		}
		state, target, version := stateOr(sg.State), sg.MT, 1
		if sg.Memory != "" {
			state, target, version = "draft", sg.Memory, 2
		}
		res, err := insSeg.ExecContext(bg, trID, i, sg.Paragraph, sg.Index, sg.Source, sg.MT, target, state, version,
			issues, sg.IssueChecks, sg.Block, sg.Tags, sg.Grouping)
		if err != nil {
			return fmt.Errorf("insert segment %d: %w", i+1, err)
		}
		segID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		firstState := state
		if sg.Memory != "" {
			firstState = "mt"
		}
		if _, err := insRev.ExecContext(bg, segID, sg.MT, firstState, author, ts); err != nil {
			return fmt.Errorf("insert revision %d: %w", i+1, err)
		}
		if sg.Memory != "" {
			if _, err := tx.ExecContext(bg,
				`INSERT INTO revisions (segment_id, version, text, state, kind, distance, created_at)
				 VALUES (?, 2, ?, 'draft', 'tm', ?, ?)`, segID, sg.Memory, sg.MemoryDist, ts); err != nil {
				return fmt.Errorf("insert memory revision %d: %w", i+1, err)
			}
		}
		for _, note := range sg.Notes {
			if _, err := tx.ExecContext(bg,
				`INSERT INTO comments (segment_id, author_id, body, created_at) VALUES (?, ?, ?, ?)`,
				segID, author, note, ts); err != nil {
				return fmt.Errorf("insert note of segment %d: %w", i+1, err)
			}
		}
	}
	return nil
}

// stateOr returns state, or mt when it is empty.
func stateOr(state string) string {
	if state == "" {
		return "mt"
	}
	return state
}

// formatOr returns format, or text when it is empty.
func formatOr(format string) string {
	if format == "" {
		return "text"
	}
	return format
}

// CountDocuments returns how many documents exist.
func (s *Store) CountDocuments(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}

// Document returns one document with its translations and their counts by state.
func (s *Store) Document(ctx context.Context, id int64) (Document, error) {
	var d Document
	var created string
	err := s.r.QueryRowContext(ctx,
		`SELECT id, title, source_lang, format, created_at FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &d.Title, &d.SourceLang, &d.Format, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Document{}, fmt.Errorf("get document: %w", err)
	}
	d.CreatedAt = parseTime(created)
	trs, err := s.translations(ctx, `WHERE t.document_id = ?`, id)
	if err != nil {
		return Document{}, err
	}
	d.Translations = trs[id]
	return d, nil
}

// ListDocuments returns every document, newest first, with translations and counts.
func (s *Store) ListDocuments(ctx context.Context) ([]Document, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT id, title, source_lang, format, created_at FROM documents ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	docs := []Document{}
	for rows.Next() {
		var d Document
		var created string
		if err := rows.Scan(&d.ID, &d.Title, &d.SourceLang, &d.Format, &created); err != nil {
			return nil, fmt.Errorf("scan document: %w", err)
		}
		d.CreatedAt = parseTime(created)
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	trs, err := s.translations(ctx, ``)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Translations = trs[docs[i].ID]
	}
	return docs, nil
}

// translations loads translations (filtered by where) with their state counts,
// grouped by document id and ordered by language.
func (s *Store) translations(ctx context.Context, where string, args ...any) (map[int64][]Translation, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT t.id, t.document_id, t.lang, t.segment_count, t.status, t.provider, t.done, t.error,
		        ts.state, COALESCE(ts.n, 0)
		   FROM translations t LEFT JOIN translation_states ts ON ts.translation_id = t.id `+where+`
		  ORDER BY t.document_id, t.lang, t.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list translations: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Translation{}
	for rows.Next() {
		var t Translation
		var state sql.NullString
		var n int
		if err := rows.Scan(&t.ID, &t.DocumentID, &t.Lang, &t.SegmentCount, &t.Status, &t.Provider, &t.Done, &t.Error,
			&state, &n); err != nil {
			return nil, fmt.Errorf("scan translation: %w", err)
		}
		list := out[t.DocumentID]
		if len(list) == 0 || list[len(list)-1].ID != t.ID {
			t.Counts = map[string]int{}
			list = append(list, t)
		}
		if state.Valid {
			list[len(list)-1].Counts[state.String] = n
		}
		out[t.DocumentID] = list
	}
	return out, rows.Err()
}

// TranslationByLang returns a document's translation into lang.
func (s *Store) TranslationByLang(ctx context.Context, docID int64, lang string) (Translation, error) {
	var t Translation
	err := s.r.QueryRowContext(ctx,
		`SELECT `+translationColumns+` FROM translations WHERE document_id = ? AND lang = ?`,
		docID, lang).Scan(translationDest(&t)...)
	if errors.Is(err, sql.ErrNoRows) {
		return Translation{}, fmt.Errorf("translation %d/%s: %w", docID, lang, ErrNotFound)
	}
	if err != nil {
		return Translation{}, fmt.Errorf("get translation: %w", err)
	}
	return t, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Translations returns a document's translations, without counts, ordered by
// language; ErrNotFound when the document does not exist.
func (s *Store) Translations(ctx context.Context, docID int64) ([]Translation, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT d.id, t.id, t.lang, t.segment_count, t.status, t.provider, t.done, t.error
		   FROM documents d LEFT JOIN translations t ON t.document_id = d.id
		  WHERE d.id = ? ORDER BY t.lang`, docID)
	if err != nil {
		return nil, fmt.Errorf("list translations: %w", err)
	}
	defer rows.Close()
	found := false
	out := []Translation{}
	for rows.Next() {
		var id sql.NullInt64
		var lang sql.NullString
		var count, done sql.NullInt64
		var status, provider, msg sql.NullString
		var doc int64
		if err := rows.Scan(&doc, &id, &lang, &count, &status, &provider, &done, &msg); err != nil {
			return nil, fmt.Errorf("scan translation: %w", err)
		}
		found = true
		if id.Valid {
			out = append(out, Translation{ID: id.Int64, DocumentID: doc, Lang: lang.String, SegmentCount: int(count.Int64),
				Status: status.String, Provider: provider.String, Done: int(done.Int64), Error: msg.String})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list translations: %w", err)
	}
	if !found {
		return nil, fmt.Errorf("document %d: %w", docID, ErrNotFound)
	}
	return out, nil
}
