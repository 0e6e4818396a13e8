// Package formats reads bilingual segment files (JSON Lines, TSV, CSV,
// XLIFF 1.2 and 2.0, TMX), reads articles from Markdown and HTML as blocks
// with protected inline tags, and writes a translated article (plain text,
// Markdown, HTML, JSON, CSV, XLIFF 1.2 and 2.0, TMX).
//
// It is a pure library: it knows nothing of HTTP or SQL. Error messages are
// lowercase, name the offending line where there is one, and are written to
// be shown to the person who supplied the file.
package formats

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// ImportFormats lists the supported input format names in a stable order.
var ImportFormats = []string{"jsonl", "tsv", "csv", "xliff", "tmx"}

// ExportFormats lists the supported export format names in a stable order.
var ExportFormats = []string{"txt", "md", "html", "json", "csv", "xliff", "xliff2", "tmx"}

// ErrUnsupportedFormat is wrapped by every error about an unknown format name
// or file extension.
var ErrUnsupportedFormat = errors.New("unsupported format")

// ErrNoSegments is wrapped by the error Parse returns for a file that holds
// no rows.
var ErrNoSegments = errors.New("no segments")

// ParseError reports a problem with the content of an input file, as opposed
// to a failure to read it. Its message is complete (it already names the
// line) and safe to show to the person who supplied the file.
type ParseError struct {
	Line int   // 1-based line of the problem; 0 when it concerns the whole file
	Err  error // the problem, message included
}

// Error returns the message of the underlying error.
func (e *ParseError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// errorAt returns a ParseError whose message starts with "line N: ".
func errorAt(line int, format string, args ...any) *ParseError {
	args = append([]any{line}, args...)
	return &ParseError{Line: line, Err: fmt.Errorf("line %d: "+format, args...)}
}

// extensions maps a lowercase file extension to its input format.
var extensions = map[string]string{
	".jsonl":  "jsonl",
	".ndjson": "jsonl",
	".tsv":    "tsv",
	".tab":    "tsv",
	".csv":    "csv",
	".xlf":    "xliff",
	".xliff":  "xliff",
	".tmx":    "tmx",
}

// supportedExtensions is the list shown in errors, in a stable order.
const supportedExtensions = ".jsonl, .ndjson, .tsv, .tab, .csv, .xlf, .xliff, .tmx"

// FormatFromFilename maps a file name's extension (case-insensitive) to an
// input format: .jsonl/.ndjson -> "jsonl", .tsv/.tab -> "tsv", .csv -> "csv",
// .xlf/.xliff -> "xliff" (1.2 or 2.0, told apart when parsed), .tmx -> "tmx".
// Any other extension, or none, is an error wrapping ErrUnsupportedFormat.
func FormatFromFilename(name string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return "", fmt.Errorf("%w: file %q has no extension (supported: %s)",
			ErrUnsupportedFormat, filepath.Base(name), supportedExtensions)
	}
	if f, ok := extensions[ext]; ok {
		return f, nil
	}
	return "", fmt.Errorf("%w: file extension %q (supported: %s)",
		ErrUnsupportedFormat, ext, supportedExtensions)
}

// ContentType returns the MIME type (with charset=utf-8 for text types) and
// the file extension, with its leading dot, for an export format.
func ContentType(format string) (mime, ext string, err error) {
	switch strings.ToLower(format) {
	case "txt":
		return "text/plain; charset=utf-8", ".txt", nil
	case "md":
		return "text/markdown; charset=utf-8", ".md", nil
	case "html":
		return "text/html; charset=utf-8", ".html", nil
	case "json":
		return "application/json", ".json", nil
	case "csv":
		return "text/csv; charset=utf-8", ".csv", nil
	case "xliff":
		return "application/x-xliff+xml", ".xlf", nil
	case "xliff2":
		return "application/xliff+xml", ".xlf", nil
	case "tmx":
		return "application/x-tmx+xml", ".tmx", nil
	}
	return "", "", unsupportedExport(format)
}

func unsupportedExport(format string) error {
	return fmt.Errorf("%w %q (supported: %s)",
		ErrUnsupportedFormat, format, strings.Join(ExportFormats, ", "))
}
