package effort

import "slices"

// Categories are the error categories a reviewer can tag an edit with, after
// the top-level dimensions of MQM (Multidimensional Quality Metrics), as
// stored ids; the interface translates them (locale convention is a
// date, number, quotation mark or other convention of the target locale).
var Categories = []string{"accuracy", "fluency", "terminology", "style", "punctuation", "locale-convention"}

// Severities are the severities of a tagged error, least severe first.
var Severities = []string{"minor", "major", "critical"}

// SeverityWeight returns the penalty points of a severity in MQM's common
// scoring: minor 1, major 5, critical 10, and 0 for anything else.
func SeverityWeight(s string) int {
	switch s {
	case "minor":
		return 1
	case "major":
		return 5
	case "critical":
		return 10
	}
	return 0
}

// ValidCategory reports whether c is one of Categories.
func ValidCategory(c string) bool { return slices.Contains(Categories, c) }

// ValidSeverity reports whether s is one of Severities.
func ValidSeverity(s string) bool { return slices.Contains(Severities, s) }
