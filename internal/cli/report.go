package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"copydesk/internal/config"
	"copydesk/internal/report"
	"copydesk/internal/store"
)

// reportCmd: copydesk report --doc ID [--lang L] --format csv|html [-o FILE]
func reportCmd(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("report", cio)
	db := config.DBFlag(fs)
	doc := fs.Int64("doc", 0, "document id")
	lang := fs.String("lang", "", "target language (needed when the document has several)")
	format := fs.String("format", "csv", "csv or html")
	out := fs.String("o", "", "write to this file instead of standard output")
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("report takes no arguments, only flags (got %q)", pos[0])
	}
	if *doc < 1 {
		return usagef("report needs --doc ID")
	}
	if *format != "csv" && *format != "html" {
		return usagef("--format must be csv or html")
	}
	svc, closeDB, err := openService(ctx, *db)
	if err != nil {
		return err
	}
	defer closeDB()
	ch, err := svc.ChangeReport(ctx, *doc, *lang)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no document %d with a translation into %q", *doc, *lang)
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if *format == "csv" {
		err = report.WriteCSV(&buf, ch)
	} else {
		err = report.WriteHTML(&buf, ch, "en")
	}
	if err != nil {
		return err
	}
	return writeResult(*out, buf.Bytes(), cio)
}
