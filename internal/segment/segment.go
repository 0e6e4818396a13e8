// Package segment does paragraph and sentence segmentation per language, and
// tells the furniture of a scraped web page (navigation labels, share
// buttons, cookie notices, copyright lines) from the article's text. It is a
// pure library.
//
// A paragraph ends at a blank line. Sentence boundaries start from the
// Unicode sentence boundaries of UAX #29 (as computed by
// github.com/rivo/uniseg), which are then corrected per language: a boundary
// is removed after an abbreviation, an initial, a German ordinal ("3.
// Oktober"), a list number, an elision ("[…]"), before a word in lower case,
// before the Japanese quotative と or って, inside a link, an e-mail address
// or a number, at a mere line break and inside a pair of inline tag tokens;
// one is added where UAX #29 misses it: after an ellipsis before a capital,
// after a full stop before a number ("in 2019. 2020 was worse") and after a
// CJK full stop; a French « … » with spaces inside ends after its ».
package segment

import "strings"

// Paragraphs splits text at blank lines (lines of white space only) and
// returns the paragraphs trimmed, without empty ones. CRLF and CR line ends
// count as LF, U+2029 as a blank line; a byte order mark at the start is
// dropped. Line breaks inside a paragraph are kept.
func Paragraphs(text string) []string {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u2029", "\n\n")
	var out []string
	start := 0 // byte offset of the paragraph being read
	for i := 0; i <= len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		if strings.TrimSpace(text[i:end]) == "" {
			if p := strings.TrimSpace(text[start:i]); p != "" {
				out = append(out, p)
			}
			start = end
		}
		i = end + 1
	}
	if start < len(text) {
		if p := strings.TrimSpace(text[start:]); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Sentences splits a paragraph into sentences, each trimmed of white space and
// taken from the paragraph as it is: joined again they give the paragraph
// back, white space apart. lang is a BCP 47 tag ("de", "fr-CA"); it chooses
// the abbreviations and ordinals that a full stop may follow without ending a
// sentence.
//
// The candidate boundaries are those of UAX #29 that follow a terminator
// (those at a mere line break are dropped) and the terminator runs where
// UAX #29 does not end a sentence (an ellipsis, a full stop before a number).
// A candidate is a sentence end:
//
//   - after . ! ? … (and runs of them such as ?! or ...) with the closing
//     quotes and brackets that follow, when a breaking space or the end
//     comes next, and the next word does not start in lower case;
//   - after 。！？ with their closing brackets, even with no space after
//     them, except before the Japanese quotative と or って.
//
// A full stop does not end a sentence after an abbreviation of the language
// (Mr., z. B., Sra.), single letters (J. R. R. Tolkien, e.g., U.S.), a German
// ordinal before a month or a noun such as Jahrhundert, or a number of up to
// three digits that opens the sentence (the list item "1. Introduction"); a
// single lower-case letter after a number is a unit ("22 h.") and may end
// one. Numbers (3.5), links and e-mail addresses have no space after their
// dots and so are never split; nor are "…" and "..." after [ or ( (an
// elision), nor is a line break without a terminator before it.
//
// Inline tag tokens ({1} {/1} {2/}, see package tags) are ignored when the
// words around a boundary are judged. A sentence never ends while a pair is
// open; closing tokens right after the terminator and its closing quotes end
// the sentence with it, and an opening token before the next word starts the
// next sentence.
func Sentences(lang, paragraph string) []string {
	r := rulesFor(lang)
	v := newView(paragraph)
	var out []string
	start := 0  // where the current sentence starts in v.text
	cursor := 0 // the end of the last terminator run judged
	cut := 0    // where the current sentence starts in the paragraph
	for _, site := range v.sites() {
		if site.i < cursor {
			continue
		}
		end, brk := r.boundary(v.text, start, site)
		cursor = end
		if !brk {
			continue
		}
		at, ok := v.cutAfter(end)
		if !ok {
			continue
		}
		if s := strings.TrimSpace(paragraph[cut:at]); s != "" {
			out = append(out, s)
		}
		cut, start = at, skipSpaces(v.text, end)
	}
	if s := strings.TrimSpace(paragraph[cut:]); s != "" {
		out = append(out, s)
	}
	return out
}
