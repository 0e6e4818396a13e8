package review

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"copydesk/internal/formats"
	"copydesk/internal/store"
	"copydesk/internal/tags"
)

// MaxTitleChars bounds a document title, in characters.
const MaxTitleChars = 300

// MaxSegments bounds the number of segments in one document.
const MaxSegments = 1_000_000

// NewDocument is an article as a user submits it.
type NewDocument struct {
	Title      string
	SourceLang string
	TargetLang string
	Format     string // text (when empty), markdown or html
	Segments   []NewSegment
}

// NewSegment is one submitted segment pair. Paragraph is nil when the sender did not
// give one: the segment then starts a paragraph of its own.
//
// Block, Tags and Grouping come from an article import: the path of the block
// the segment belongs to, the table of the inline tags in its texts, and the
// alignment grouping ("2-1") when it holds more than one sentence on a side.
// State and Notes come from a bilingual file that says them ("" is mt).
type NewSegment struct {
	Source    string
	Target    string
	Paragraph *int
	Block     string
	Tags      []tags.Tag
	Grouping  string
	State     string
	Notes     []string
}

// SegmentsFromRows turns the rows of a bilingual file into submitted segments.
func SegmentsFromRows(rows []formats.Row) []NewSegment {
	out := make([]NewSegment, len(rows))
	for i, r := range rows {
		out[i] = NewSegment{Source: r.Source, Target: r.Target, State: r.State, Notes: r.Notes}
		if r.HasParagraph {
			p := r.Paragraph
			out[i].Paragraph = &p
		}
	}
	return out
}

// ParseLang checks a BCP 47 language tag and returns its canonical form ("EN-us"
// becomes "en-US"). An ill-formed or unknown tag is ErrMalformed.
func ParseLang(field, tag string) (string, error) {
	if strings.TrimSpace(tag) == "" {
		return "", malformed("error.lang.required", "Field", field)
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", malformed("error.lang.invalid", "Field", field, "Tag", tag)
	}
	// "und", "und-US" and private-use tags parse but name no language.
	if _, conf := t.Base(); conf != language.Exact {
		return "", malformed("error.lang.nolanguage", "Field", field, "Tag", tag)
	}
	return t.String(), nil
}

// CreateDocument validates d and stores it with its segments, all in state mt.
func (s *Service) CreateDocument(ctx context.Context, u store.User, d NewDocument) (int64, error) {
	if !Can(u.Role, ActImport) {
		return 0, forbidden("error.forbidden.documents")
	}
	nd, err := validateDocument(d)
	if err != nil {
		return 0, err
	}
	nd.CreatedBy = u.ID
	return s.store(ctx, nd)
}

// ImportDocument stores d on behalf of the command line or the demo loader, which act
// without a user account.
func (s *Service) ImportDocument(ctx context.Context, d NewDocument) (int64, error) {
	nd, err := validateDocument(d)
	if err != nil {
		return 0, err
	}
	return s.store(ctx, nd)
}

// store pre-fills from the memory, checks every segment and stores the document.
func (s *Service) store(ctx context.Context, nd store.NewDocument) (int64, error) {
	glossary, err := s.glossary(ctx, nd.SourceLang, nd.Lang)
	if err != nil {
		return 0, err
	}
	if err := s.fromMemory(ctx, &nd); err != nil {
		return 0, err
	}
	s.checkAll(nd.SourceLang, nd.Lang, nd.Segments, glossary)
	return s.st.CreateDocument(ctx, nd)
}

// nfc returns s in Unicode normalisation form C, so that "é" typed two ways is one
// text for search, checks and exports.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

func validateDocument(d NewDocument) (store.NewDocument, error) {
	var nd store.NewDocument
	title := nfc(strings.TrimSpace(d.Title))
	if !utf8.ValidString(title) {
		return nd, malformed("error.text.utf8", "Field", "title")
	}
	if title == "" {
		return nd, invalid("error.title.required")
	}
	if n := utf8.RuneCountInString(title); n > MaxTitleChars {
		return nd, invalid("error.text.long", "Field", "title", "Length", n, "Limit", MaxTitleChars)
	}
	src, err := ParseLang("source_lang", d.SourceLang)
	if err != nil {
		return nd, err
	}
	tgt, err := ParseLang("target_lang", d.TargetLang)
	if err != nil {
		return nd, err
	}
	if src == tgt {
		return nd, invalid("error.lang.same", "Lang", src)
	}
	if len(d.Segments) == 0 {
		return nd, invalid("error.segments.none")
	}
	if len(d.Segments) > MaxSegments {
		return nd, invalid("error.segments.many", "Length", len(d.Segments), "Limit", MaxSegments)
	}
	nd = store.NewDocument{Title: title, SourceLang: src, Lang: tgt, Format: d.Format,
		Segments: make([]store.NewSegment, len(d.Segments))}
	para, index := 0, 0
	for i, sg := range d.Segments {
		n := i + 1
		if err := checkText("segment "+strconv.Itoa(n)+" source", sg.Source, MaxSegmentChars); err != nil {
			return nd, err
		}
		if err := checkText("segment "+strconv.Itoa(n)+" target", sg.Target, MaxSegmentChars); err != nil {
			return nd, err
		}
		if strings.TrimSpace(sg.Source) == "" {
			return nd, invalid("error.segment.nosource", "Number", n)
		}
		switch {
		case sg.Paragraph == nil:
			para, index = para+1, 1
		case *sg.Paragraph < 0:
			return nd, invalid("error.segment.paranegative", "Number", n)
		case i > 0 && *sg.Paragraph < para:
			return nd, invalid("error.segment.paraback", "Number", n, "Paragraph", *sg.Paragraph, "Previous", para)
		case i > 0 && *sg.Paragraph == para:
			index++
		default:
			para, index = *sg.Paragraph, 1
		}
		ns := store.NewSegment{Paragraph: para, Index: index, Source: nfc(sg.Source), MT: nfc(sg.Target),
			Block: sg.Block, Grouping: sg.Grouping}
		if err := importState(n, sg, &ns); err != nil {
			return nd, err
		}
		if len(sg.Tags) > 0 {
			b, err := json.Marshal(sg.Tags)
			if err != nil {
				return nd, err
			}
			ns.Tags = string(b)
		}
		nd.Segments[i] = ns
	}
	return nd, nil
}

// importState takes the state and notes a file gave segment n. A segment whose
// target is empty stays mt whatever the file says, since it cannot be approved.
func importState(n int, sg NewSegment, ns *store.NewSegment) error {
	switch sg.State {
	case "", StateMT:
	case StateDraft, StateApproved, StateRejected:
		if strings.TrimSpace(sg.Target) != "" {
			ns.State = sg.State
		}
	default:
		return invalid("error.segment.state", "Number", n, "State", sg.State)
	}
	for _, note := range sg.Notes {
		if err := checkText("segment "+strconv.Itoa(n)+" note", note, MaxCommentChars); err != nil {
			return err
		}
		if note = strings.TrimSpace(nfc(note)); note != "" {
			ns.Notes = append(ns.Notes, note)
		}
	}
	return nil
}

// fromMemory pre-fills each segment that arrives as machine output (state mt)
// and whose source was approved before word for word with the memory's text:
// it is stored as a draft, with a revision of kind tm after the import. The
// memory is asked only when it holds the language pair.
func (s *Service) fromMemory(ctx context.Context, nd *store.NewDocument) error {
	if has, err := s.memoryHolds(ctx, nd.SourceLang, nd.Lang); err != nil || !has {
		return err
	}
	for i := range nd.Segments {
		sg := &nd.Segments[i]
		if sg.State != "" && sg.State != StateMT {
			continue
		}
		m, err := s.st.MemoryExact(ctx, nd.SourceLang, nd.Lang, sg.Source)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if m.Target != sg.MT {
			sg.Memory, sg.MemoryDist = m.Target, Distance(m.Target, sg.MT)
		}
	}
	return nil
}

// memoryHolds reports whether the memory has entries for the language pair, so
// that imports and machine translations ask it segment by segment only then.
func (s *Service) memoryHolds(ctx context.Context, src, tgt string) (bool, error) {
	pairs, err := s.st.MemoryPairs(ctx)
	if err != nil {
		return false, err
	}
	for _, p := range pairs {
		if p.SourceLang == src && p.TargetLang == tgt {
			return true, nil
		}
	}
	return false, nil
}
