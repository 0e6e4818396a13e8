package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"copydesk/internal/config"
	"copydesk/internal/mt"
	"copydesk/internal/review"
)

// importTranslated stores an article and translates it by machine into each
// language, there and then; it prints the document's id on stdout and the
// progress on stderr, and fails (exit 1) when a translation failed: the
// document stays, its failed translation marked so and ready to be retried.
func importTranslated(ctx context.Context, db string, env func(string) string, a review.NewSourceArticle, srcFile string, cio IO) error {
	data, err := os.ReadFile(srcFile)
	if err != nil {
		return fmt.Errorf("read %s: %w", srcFile, errors.Unwrap(err))
	}
	a.Source = string(data)
	set, err := mt.FromEnv(env, &http.Client{})
	if err != nil {
		return usagef("%v", err)
	}
	svc, closeDB, err := openService(ctx, db)
	if err != nil {
		return err
	}
	defer closeDB()
	svc.UseMT(set, nil)
	id, trIDs, err := svc.CreateTranslated(ctx, nil, a)
	if err != nil {
		return err
	}
	fmt.Fprintln(cio.Stdout, id)
	var failed []string
	for _, trID := range trIDs {
		runErr := svc.RunTranslation(ctx, trID)
		tr, err := svc.Store().Translation(ctx, trID)
		if err != nil {
			return err
		}
		switch {
		case tr.Status == "ready":
			fmt.Fprintf(cio.Stderr, "translated into %s by %s: %d segments\n", tr.Lang, tr.Provider, tr.Done)
		case runErr != nil && ctx.Err() != nil:
			return ctx.Err()
		default:
			failed = append(failed, tr.Lang+": "+tr.Error)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("document %d stored, but its translation failed (%s)", id, strings.Join(failed, "; "))
	}
	return nil
}

// splitLangs splits a comma-separated list of language tags.
func splitLangs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, ",") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// memoryImport: copydesk memory import [--source-lang L --target-lang L] FILE.tmx
func memoryImport(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("memory import", cio)
	db := config.DBFlag(fs)
	srcLang := fs.String("source-lang", "", "source language (default: from the file)")
	tgtLang := fs.String("target-lang", "", "target language (default: from the file)")
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("memory import needs exactly one FILE.tmx")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("open %s: %w", pos[0], errors.Unwrap(err))
	}
	defer f.Close()
	svc, closeDB, err := openService(ctx, *db)
	if err != nil {
		return err
	}
	defer closeDB()
	n, err := svc.ImportMemoryTMX(ctx, nil, f, *srcLang, *tgtLang)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	fmt.Fprintln(cio.Stdout, n)
	return nil
}

// memoryExport: copydesk memory export --source-lang L --target-lang L [-o FILE]
func memoryExport(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("memory export", cio)
	db := config.DBFlag(fs)
	srcLang := fs.String("source-lang", "", "source language")
	tgtLang := fs.String("target-lang", "", "target language")
	out := fs.String("o", "", "write to FILE instead of stdout")
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *srcLang == "" || *tgtLang == "" {
		return usagef("memory export needs --source-lang and --target-lang, and no file argument")
	}
	svc, closeDB, err := openService(ctx, *db)
	if err != nil {
		return err
	}
	defer closeDB()
	var buf bytes.Buffer
	if err := svc.ExportMemoryTMX(ctx, &buf, *srcLang, *tgtLang); err != nil {
		return err
	}
	return writeResult(*out, buf.Bytes(), cio)
}
