package report

import (
	"testing"
	"time"

	"copydesk/internal/textdiff"
)

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		ms   int64
		want string
	}{
		{0, "0:00:00"},
		{-5000, "0:00:00"},
		{499, "0:00:00"},
		{500, "0:00:01"},
		{207_400, "0:03:27"},
		{207_600, "0:03:28"},
		{59_999, "0:01:00"},
		{3_600_000, "1:00:00"},
		{36_000_000 + 61_000, "10:01:01"},
		{100 * 3_600_000, "100:00:00"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.ms); got != tt.want {
			t.Errorf("FormatDuration(%d) = %q, want %q", tt.ms, got, tt.want)
		}
	}
}

func TestWdiff(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"identical", "Hello, world.", "Hello, world.", "Hello, world."},
		{"both empty", "", "", ""},
		{"word replaced", "The cat sat on the mat.", "The dog sat on the mat.", "The [-cat-]{+dog+} sat on the mat."},
		{"insertion", "big cat", "big, fat cat", "big{+, fat+} cat"},
		{"deletion", "the the cat", "the cat", "the [-the -]cat"},
		{"all new", "", "New text.", "{+New text.+}"},
		{"all gone", "Old text.", "", "[-Old text.-]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wdiff(textdiff.Words(tt.a, tt.b)); got != tt.want {
				t.Errorf("wdiff(%q → %q) = %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestFormatTime(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, ""},
		{time.Date(2025, 3, 3, 10, 15, 30, 0, paris), "2025-03-03T09:15:30Z"},
		{time.Date(2025, 3, 3, 9, 15, 30, 999, time.UTC), "2025-03-03T09:15:30Z"},
	}
	for _, tt := range tests {
		if got := formatTime(tt.in); got != tt.want {
			t.Errorf("formatTime(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
