package report

import (
	"strconv"
	"strings"
	"time"

	"copydesk/internal/textdiff"
)

// FormatDuration writes a duration given in milliseconds as h:mm:ss, rounded
// to the nearest second: 207400 gives "0:03:27", 3_600_000 gives "1:00:00".
// Hours are not wrapped at 24; a negative duration counts as zero.
func FormatDuration(ms int64) string {
	s := seconds(ms)
	h, m := s/3600, s/60%60
	var b strings.Builder
	b.WriteString(strconv.FormatInt(h, 10))
	b.WriteByte(':')
	pad2(&b, m)
	b.WriteByte(':')
	pad2(&b, s%60)
	return b.String()
}

// seconds rounds ms to the nearest whole second, half up; negative is zero.
func seconds(ms int64) int64 {
	if ms <= 0 {
		return 0
	}
	return (ms + 500) / 1000
}

func pad2(b *strings.Builder, n int64) {
	if n < 10 {
		b.WriteByte('0')
	}
	b.WriteString(strconv.FormatInt(n, 10))
}

// formatRate writes a rate (a percentage) with one decimal: "12.5".
func formatRate(r float64) string {
	return strconv.FormatFloat(r, 'f', 1, 64)
}

// formatTime writes t in RFC 3339, in UTC, or "" for the zero time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// diffOps returns the row's word diff, computing it from MT and Final when
// the row carries none.
func diffOps(r Row) []textdiff.Op {
	if r.Diff != nil {
		return r.Diff
	}
	return textdiff.Words(r.MT, r.Final)
}

// wdiff writes a diff as text in the manner of GNU wdiff: unchanged text as
// is, deletions as [-old-] and insertions as {+new+}.
func wdiff(ops []textdiff.Op) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case textdiff.Delete:
			b.WriteString("[-")
			b.WriteString(op.Text)
			b.WriteString("-]")
		case textdiff.Insert:
			b.WriteString("{+")
			b.WriteString(op.Text)
			b.WriteString("+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}
