// Package web holds the browser's side of Copydesk: the HTML templates and the
// static files (one stylesheet, one plain script), embedded in the binary.
package web

import "embed"

// Templates holds templates/*.html, parsed once at start by internal/web.
//
//go:embed templates/*.html
var Templates embed.FS

// Static holds static/*, served under content-hashed URLs.
//
//go:embed static/*
var Static embed.FS
