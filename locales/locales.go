// Package locales holds the UI message files, one per UI language.
//
// Each file is named after its BCP 47 language tag (en.json, fr.json, ...) and
// uses go-i18n's JSON format: flat dotted message IDs mapping either to a string
// or, for messages that depend on a count, to an object of CLDR plural forms
// ("one", "other", ...) in which {{.Count}} stands for the number. Messages hold
// plain text only, never HTML. English (en.json) is the reference: every other
// file must carry every English ID, which internal/i18n's tests check.
package locales

import "embed"

// FS holds every message file of this folder.
//
//go:embed *.json
var FS embed.FS
