// Package effort measures what a reviewer changed in the machine's output:
// the post-editing effort between a segment's machine text and its approved
// text (a character edit distance and a word edit rate in the manner of
// HTER), the kind of change (whitespace, casing, punctuation or wording), the
// QA issues an edit removed, the MQM-style error categories a reviewer can
// tag an edit with, and the summary statistics that reports draw from these
// figures. It is a pure library.
//
// Inline tag tokens ({1}, {/1}, {2/}, see package tags) are removed before
// anything is measured, so that moving a tag is not a change. Nothing else
// is normalised: a changed space or quotation mark is a change.
package effort

import (
	"copydesk/internal/tags"
)

// Effort is the post-editing effort of one segment: how far the final
// (approved) text is from the machine text.
type Effort struct {
	// CharDistance is the Levenshtein distance in Unicode code points.
	CharDistance int `json:"char_distance"`
	// CharRate is CharDistance over the length of the longer text in code
	// points, as a percentage from 0 to 100; 0 when both texts are empty.
	CharRate float64 `json:"char_rate"`
	// Ins, Del, Sub and Shifts are the word edits, in the manner of TER, that
	// turn the machine text into the final text: words of the final text
	// inserted, words of the machine text deleted, words substituted, and
	// blocks of words shifted (see Measure).
	Ins    int `json:"ins"`
	Del    int `json:"del"`
	Sub    int `json:"sub"`
	Shifts int `json:"shifts"`
	// RefWords is the number of words of the final text (see Words).
	RefWords int `json:"ref_words"`
	// WordRate is (Ins+Del+Sub+Shifts) over RefWords, as a percentage: HTER.
	// It may exceed 100. When the final text has no words it is 0 if the
	// machine text has none either, else 100.
	WordRate float64 `json:"word_rate"`
	// Kind is the kind of change (see ChangeKind).
	Kind string `json:"kind"`
}

// Edits returns the number of word edits, Ins+Del+Sub+Shifts.
func (e Effort) Edits() int { return e.Ins + e.Del + e.Sub + e.Shifts }

// Measure compares the machine text mt with the final (approved) text of a
// segment in language lang. Both texts lose their tag tokens first.
//
// The word edits are those of TER (Snover et al. 2006), with the machine text
// as the hypothesis and the final text as the reference: the fewest
// insertions, deletions, substitutions and block shifts, each costing one,
// shifts found greedily as tercom does. Words are cut as Words says, case
// kept. A shifted block is at most 10 words long and moves at most 50 words;
// at most 1,000 shifts are tried per segment, fewer for long segments, and
// above 500 words on either side no shifts are tried, so that a whole
// article pasted into one segment measures in tens of milliseconds (a
// typical sentence takes some 30 µs). Beyond 500 words the figure is the
// plain word Levenshtein distance, an upper bound of TER's.
// Where two substitutions cost as much as a deletion and an insertion ("a b"
// → "b c"), the substitutions are counted, as in tercom.
func Measure(lang, mt, final string) Effort {
	mt, final = tags.Strip(mt), tags.Strip(final)
	e := Effort{Kind: changeKind(mt, final)}

	a, b := []rune(mt), []rune(final)
	e.CharDistance = charDistance(a, b)
	if longer := max(len(a), len(b)); longer > 0 {
		e.CharRate = percent(e.CharDistance, longer)
	}

	hyp, ref := intern(Words(lang, mt), Words(lang, final))
	ed, shifts := ter(hyp, ref)
	e.Ins, e.Del, e.Sub, e.Shifts = int(ed.ins), int(ed.del), int(ed.sub), shifts
	e.RefWords = len(ref)
	switch {
	case e.RefWords > 0:
		e.WordRate = percent(e.Edits(), e.RefWords)
	case len(hyp) > 0:
		e.WordRate = 100
	}
	return e
}

// percent returns 100·n/d.
func percent(n, d int) float64 { return 100 * float64(n) / float64(d) }

// intern numbers the words of a and b, equal words alike.
func intern(a, b []string) (x, y []int32) {
	ids := make(map[string]int32, len(a)+len(b))
	number := func(words []string) []int32 {
		out := make([]int32, len(words))
		for i, w := range words {
			id, ok := ids[w]
			if !ok {
				id = int32(len(ids))
				ids[w] = id
			}
			out[i] = id
		}
		return out
	}
	return number(a), number(b)
}
