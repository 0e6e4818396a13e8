package formats

import (
	"errors"
	"testing"
)

func TestFormatFromFilename(t *testing.T) {
	tests := []struct {
		name    string
		want    string
		wantErr string
	}{
		{name: "segments.jsonl", want: "jsonl"},
		{name: "/tmp/dir.v2/SEGMENTS.NDJSON", want: "jsonl"},
		{name: "a.tsv", want: "tsv"},
		{name: "a.Tab", want: "tsv"},
		{name: "report.final.csv", want: "csv"},
		{name: "a.xlf", want: "xliff"},
		{name: "A.XLIFF", want: "xliff"},
		{name: "memory.tmx", want: "tmx"},
		{name: "a.xlsx", wantErr: `unsupported format: file extension ".xlsx" (supported: .jsonl, .ndjson, .tsv, .tab, .csv, .xlf, .xliff, .tmx)`},
		{name: "dir/notes", wantErr: `unsupported format: file "notes" has no extension (supported: .jsonl, .ndjson, .tsv, .tab, .csv, .xlf, .xliff, .tmx)`},
		{name: "csv", wantErr: `unsupported format: file "csv" has no extension (supported: .jsonl, .ndjson, .tsv, .tab, .csv, .xlf, .xliff, .tmx)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := FormatFromFilename(tc.name)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("FormatFromFilename(%q) = %q, %v; want error %q", tc.name, got, err, tc.wantErr)
				}
				if !errors.Is(err, ErrUnsupportedFormat) {
					t.Errorf("error does not wrap ErrUnsupportedFormat")
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("FormatFromFilename(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
			}
		})
	}
}

func TestContentType(t *testing.T) {
	tests := []struct {
		format, mime, ext string
	}{
		{"txt", "text/plain; charset=utf-8", ".txt"},
		{"md", "text/markdown; charset=utf-8", ".md"},
		{"html", "text/html; charset=utf-8", ".html"},
		{"json", "application/json", ".json"},
		{"csv", "text/csv; charset=utf-8", ".csv"},
		{"CSV", "text/csv; charset=utf-8", ".csv"},
		{"xliff", "application/x-xliff+xml", ".xlf"},
		{"xliff2", "application/xliff+xml", ".xlf"},
		{"tmx", "application/x-tmx+xml", ".tmx"},
	}
	for _, tc := range tests {
		mime, ext, err := ContentType(tc.format)
		if err != nil || mime != tc.mime || ext != tc.ext {
			t.Errorf("ContentType(%q) = %q, %q, %v; want %q, %q", tc.format, mime, ext, err, tc.mime, tc.ext)
		}
	}
	for _, f := range ExportFormats {
		if _, _, err := ContentType(f); err != nil {
			t.Errorf("ContentType(%q) for a listed export format: %v", f, err)
		}
	}
	_, _, err := ContentType("docx")
	if !errors.Is(err, ErrUnsupportedFormat) {
		t.Fatalf("ContentType(docx): error %v does not wrap ErrUnsupportedFormat", err)
	}
	if want := `unsupported format "docx" (supported: txt, md, html, json, csv, xliff, xliff2, tmx)`; err.Error() != want {
		t.Errorf("ContentType(docx): error %q, want %q", err, want)
	}
}
