package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"copydesk/internal/config"
	"copydesk/internal/formats"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// importCmd: copydesk import --title T --source-lang L --target-lang L FILE
func importCmd(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("import", cio)
	db := config.DBFlag(fs)
	title := fs.String("title", "", "the article's title")
	srcLang := fs.String("source-lang", "", "source language, BCP 47 (en, ko, pt-BR)")
	tgtLang := fs.String("target-lang", "", "target language, BCP 47")
	srcFile := fs.String("source", "", "the article (with --target: two texts, aligned)")
	tgtFile := fs.String("target", "", "its translation")
	artFormat := fs.String("format", "", "the two texts' format: text, markdown or html (default: from --source's extension)")
	translateTo := fs.String("translate-to", "", "with --source alone: translate the article by machine into these languages, comma-separated (es,ca)")
	mtEnv := config.MTFlags(fs)
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if *translateTo != "" {
		if *srcFile == "" || *tgtFile != "" || len(pos) > 0 {
			return usagef("give --source FILE with --translate-to, and no --target or other file")
		}
		if *artFormat == "" {
			*artFormat = review.ArticleFormatFor(*srcFile)
		}
		return importTranslated(ctx, *db, mtEnv, review.NewSourceArticle{Title: *title, SourceLang: *srcLang,
			TargetLangs: splitLangs(*translateTo), Format: *artFormat}, *srcFile, cio)
	}
	if *srcFile != "" || *tgtFile != "" {
		if *srcFile == "" || *tgtFile == "" || len(pos) > 0 {
			return usagef("give --source FILE and --target FILE together, and no other file")
		}
		if *artFormat == "" {
			*artFormat = review.ArticleFormatFor(*srcFile)
		}
		return importTexts(ctx, *db, review.NewTexts{Title: *title, SourceLang: *srcLang, TargetLang: *tgtLang,
			Format: *artFormat}, *srcFile, *tgtFile, cio)
	}
	if *artFormat != "" {
		return usagef("--format goes with --source and --target; a bilingual file's format comes from its extension")
	}
	if len(pos) != 1 {
		return usagef("import needs exactly one FILE (.jsonl, .tsv or .csv)")
	}
	format, err := formats.FormatFromFilename(pos[0])
	if err != nil {
		return err
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("open %s: %w", pos[0], errors.Unwrap(err))
	}
	defer f.Close()
	parsed, err := formats.ParseWithLangs(f, format)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	// XLIFF and TMX name their languages; a flag given on the command line wins.
	if *srcLang == "" {
		*srcLang = parsed.SourceLang
	}
	if *tgtLang == "" {
		*tgtLang = parsed.TargetLang
	}
	nd := review.NewDocument{Title: *title, SourceLang: *srcLang, TargetLang: *tgtLang,
		Segments: review.SegmentsFromRows(parsed.Rows)}
	svc, closeDB, err := openService(ctx, *db)
	if err != nil {
		return err
	}
	defer closeDB()
	id, err := svc.ImportDocument(ctx, nd)
	if err != nil {
		return err
	}
	fmt.Fprintln(cio.Stdout, id)
	return nil
}

// importTexts imports an article and its translation given as two files (plain
// text, Markdown or HTML), aligned sentence by sentence; the alignment report
// goes to stderr.
func importTexts(ctx context.Context, db string, t review.NewTexts, srcFile, tgtFile string, cio IO) error {
	for _, f := range []struct {
		path string
		into *string
	}{{srcFile, &t.Source}, {tgtFile, &t.Target}} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return fmt.Errorf("read %s: %w", f.path, errors.Unwrap(err))
		}
		*f.into = string(data)
	}
	svc, closeDB, err := openService(ctx, db)
	if err != nil {
		return err
	}
	defer closeDB()
	id, report, err := svc.CreateFromTexts(ctx, nil, t)
	if err != nil {
		return err
	}
	fmt.Fprintln(cio.Stdout, id)
	fmt.Fprintf(cio.Stderr, "aligned %d segment pairs; %d not one-to-one", report.Pairs, len(report.NonOneToOne))
	if n := len(report.UnmatchedSourceParagraphs) + len(report.UnmatchedTargetParagraphs); n > 0 {
		fmt.Fprintf(cio.Stderr, "; unmatched paragraphs: source %v, target %v",
			report.UnmatchedSourceParagraphs, report.UnmatchedTargetParagraphs)
	}
	fmt.Fprintln(cio.Stderr)
	for _, g := range report.NonOneToOne {
		fmt.Fprintf(cio.Stderr, "  paragraph %d, %s: %q → %q\n", g.Paragraph, g.Kind, g.Source, g.Target)
	}
	for _, x := range report.SetAside {
		fmt.Fprintf(cio.Stderr, "  set aside: %s\n", x)
	}
	return nil
}

// exportCmd: copydesk export --doc ID [--lang L] --format txt|md|json|csv [--all] [-o FILE]
func exportCmd(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("export", cio)
	db := config.DBFlag(fs)
	doc := fs.Int64("doc", 0, "document id")
	lang := fs.String("lang", "", "target language (needed when the document has several)")
	format := fs.String("format", "txt", "one of "+strings.Join(formats.ExportFormats, ", "))
	all := fs.Bool("all", false, "include segments that are not approved")
	out := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("export takes no arguments, only flags (got %q)", pos[0])
	}
	if *doc < 1 {
		return usagef("export needs --doc ID")
	}
	if _, _, err := formats.ContentType(*format); err != nil {
		return usagef("--format must be one of %s", strings.Join(formats.ExportFormats, ", "))
	}
	svc, closeDB, err := openService(ctx, *db)
	if err != nil {
		return err
	}
	defer closeDB()
	a, err := svc.Export(ctx, *doc, *lang, *all)
	if errors.Is(err, store.ErrNotFound) {
		if _, derr := svc.Store().Document(ctx, *doc); errors.Is(derr, store.ErrNotFound) {
			return fmt.Errorf("no document %d", *doc)
		}
		return fmt.Errorf("document %d has no translation into %s", *doc, *lang)
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := formats.Write(&buf, a, *format); err != nil {
		return err
	}
	if a.Unapproved > 0 {
		noun := "segments that are"
		if a.Unapproved == 1 {
			noun = "segment that is"
		}
		fmt.Fprintf(cio.Stderr, "%d %s not approved left out (use --all to include them)\n", a.Unapproved, noun)
	}
	return writeResult(*out, buf.Bytes(), cio)
}
