package align

import (
	"reflect"
	"strings"
	"testing"

	"copydesk/internal/segment"
)

// sentencesOf cuts each of paras into sentences and returns them in order,
// with the index in paras of the paragraph of each.
func sentencesOf(lang string, paras []string) ([]string, []int) {
	var out []string
	var of []int
	for i, p := range paras {
		for _, s := range segment.Sentences(lang, p) {
			out, of = append(out, s), append(of, i)
		}
	}
	return out, of
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name                       string
		source, target             []string
		unmatchedSrc, unmatchedTgt []int
		kinds                      []string // of every pair, in order
	}{
		{"blank blocks skipped, indices kept",
			[]string{"", "The vote took place on 12 May.", "  ", "Was it fair?"},
			[]string{"Le vote a eu lieu le 12 mai.", "\n", "Était-il juste ?"},
			nil, nil, []string{"1-1", "1-1"}},
		{"heading and list items",
			[]string{"Budget 2025", "Rents will fall by 7 percent.", "Buses will be free for children under 12."},
			[]string{"Budget 2025", "Les loyers baisseront de 7 %.", "Les bus seront gratuits pour les enfants de moins de 12 ans."},
			nil, nil, []string{"1-1", "1-1", "1-1"}},
		{"two source paragraphs merged, sentences merged across the break",
			[]string{"The meeting of the council began at 9 in the morning. It ended at 11 without a decision.",
				"The vote on the budget was postponed to 3 June."},
			[]string{"La réunion du conseil a commencé à 9 heures du matin. Elle s'est terminée à 11 heures sans décision, et le vote sur le budget a été reporté au 3 juin."},
			nil, nil, []string{"1-1", "1-0", "1-1"}},
		{"source paragraph cut in two",
			[]string{"Prices rose by 4 percent in March. Wages rose by 2 percent. Unions want a rise of 6 percent in 2025. Employers have refused."},
			[]string{"Les prix ont augmenté de 4 % en mars. Les salaires ont augmenté de 2 %.",
				"Les syndicats réclament une hausse de 6 % en 2025. Le patronat a refusé."},
			nil, nil, []string{"1-1", "1-1", "1-1", "1-1"}},
		{"dropped paragraph after a blank one",
			[]string{"", "The minister resigned on Friday after 14 months in office.",
				"Her deputy, Paul Weber, had already left in 2022 after a dispute over pensions and the budget of the ministry.",
				"Elections will be held in the autumn."},
			[]string{"La ministre a démissionné vendredi après 14 mois de fonctions.", "Des élections auront lieu à l'automne."},
			[]int{2}, nil, []string{"1-1", "1-0", "1-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs, rep := Paragraphs("en", "fr", tt.source, tt.target)
			src, srcOf := sentencesOf("en", tt.source)
			tgt, tgtOf := sentencesOf("fr", tt.target)
			pairBeads(t, tt.name, pairs, src, srcOf, tgt, tgtOf)
			var kinds []string
			for _, p := range pairs {
				kinds = append(kinds, kind([2][]string{p.Source, p.Target}))
			}
			if !reflect.DeepEqual(kinds, tt.kinds) {
				t.Errorf("kinds = %v, want %v\n%s", kinds, tt.kinds, show(pairs))
			}
			if !reflect.DeepEqual(rep.UnmatchedSourceParagraphs, tt.unmatchedSrc) ||
				!reflect.DeepEqual(rep.UnmatchedTargetParagraphs, tt.unmatchedTgt) {
				t.Errorf("unmatched = %v / %v, want %v / %v", rep.UnmatchedSourceParagraphs,
					rep.UnmatchedTargetParagraphs, tt.unmatchedSrc, tt.unmatchedTgt)
			}
		})
	}
}

// TestTextsIsParagraphs checks that Texts is Paragraphs over the paragraphs
// of segment.Paragraphs, on the gold articles.
func TestTextsIsParagraphs(t *testing.T) {
	for _, path := range append(goldFiles(t, "gold"), goldFiles(t, "heldout")...) {
		a := loadGold(t, path)
		s, g := strings.Join(texts(a.src), "\n\n"), strings.Join(texts(a.tgt), "\n\n")
		p1, r1 := Texts(a.srcLang, a.tgtLang, s, g)
		p2, r2 := Paragraphs(a.srcLang, a.tgtLang, texts(a.src), texts(a.tgt))
		if !reflect.DeepEqual(p1, p2) || !reflect.DeepEqual(r1, r2) {
			t.Errorf("%s: Texts and Paragraphs differ", a.name)
		}
	}
}

// TestAlignNoStraddle checks that the dynamic programming forms no bead
// across a unit that opens a paragraph.
func TestAlignNoStraddle(t *testing.T) {
	lv := level{c: 1, moves: sentenceMoves, delCap: sentenceDeletionCap, sameScript: true}
	tests := []struct {
		name     string
		src, tgt []unit
		want     []bead
	}{
		{"free", []unit{{length: 50}, {length: 50}}, []unit{{length: 100}}, []bead{{0, 2, 0, 1}}},
		{"source break", []unit{{length: 30}, {length: 70, opens: true}}, []unit{{length: 100}},
			[]bead{{0, 1, 0, 0}, {1, 2, 0, 1}}},
		{"target break", []unit{{length: 100}}, []unit{{length: 70}, {length: 30, opens: true}},
			[]bead{{0, 1, 0, 1}, {1, 1, 1, 2}}},
	}
	for _, tt := range tests {
		if got, _ := align(tt.src, tt.tgt, lv); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: beads = %v, want %v", tt.name, got, tt.want)
		}
	}
}
