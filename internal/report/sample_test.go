package report

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"copydesk/internal/textdiff"
)

// sampleSegments are made-up but plausible segments of a French article and
// its English machine translation, with the reviewers' final texts.
var sampleSegments = []struct {
	source, mt, final, state, kind string
	cats                           []string
}{
	{"Le conseil municipal approuve la nouvelle ligne de tramway", "The city council approves the new tramway line", "City council approves new tram line", "approved", "wording", []string{"style (minor)"}},
	{"Après deux ans de débats, le projet a été adopté mardi soir par 31 voix contre 12.", "After two years of debates, the project was adopted Tuesday evening by 31 votes against 12.", "After two years of debate, the project was approved on Tuesday evening by 31 votes to 12.", "approved", "wording", []string{"fluency (minor)", "locale (minor)"}},
	{"La ligne reliera la gare centrale au campus universitaire.", "The line will connect the central station to the university campus.", "The line will connect the central station to the university campus.", "approved", "unchanged", nil},
	{"« C'est une étape historique », a déclaré la maire.", "« It is a historic step », declared the mayor.", "“It is a historic step,” the mayor said.", "approved", "wording", []string{"locale (major)"}},
	{"Les travaux commenceront au printemps 2025.", "The works will begin in spring 2025.", "Construction will begin in spring 2025.", "approved", "wording", []string{"terminology (minor)"}},
	{"Le coût total est estimé à 240 millions d'euros.", "The total cost is estimated at 240 millions of euros.", "The total cost is estimated at €240 million.", "approved", "wording", []string{"locale (major)"}},
	{"L'opposition dénonce un budget « irréaliste ».", "The opposition denounces an « unrealistic » budget.", "The opposition denounces an “unrealistic” budget.", "approved", "punctuation", nil},
	{"Selon elle, les prévisions de fréquentation sont trop optimistes.", "According to her, the attendance forecasts are too optimistic.", "According to the opposition, ridership forecasts are too optimistic.", "approved", "wording", []string{"accuracy (major)", "terminology (minor)"}},
	{"Le tramway circulera toutes les six minutes aux heures de pointe.", "The tram will run every six minutes at rush hours.", "The tram will run every six minutes at rush hour.", "approved", "wording", []string{"fluency (minor)"}},
	{"Quinze stations sont prévues sur un tracé de 11,4 kilomètres.", "Fifteen stations are planned on a route of 11,4 kilometers.", "Fifteen stations are planned on an 11.4-kilometre route.", "approved", "wording", []string{"locale (critical)"}},
	{"Les commerçants du centre-ville craignent les nuisances du chantier.", "The merchants of the city center fear the nuisances of the construction site.", "City-centre shopkeepers fear disruption from the works.", "approved", "wording", []string{"fluency (major)", "style (minor)"}},
	{"Une indemnisation est prévue pour les plus touchés.", "A compensation is planned for the most affected.", "Compensation is planned for the hardest hit.", "approved", "wording", []string{"fluency (minor)"}},
	{"La région financera un tiers du projet.", "The region will finance a third of the project.", "The region will finance a third of the project.", "approved", "unchanged", nil},
	{"L'État apportera 60 millions.", "The State will bring 60 millions.", "The state will contribute 60 million.", "approved", "wording", []string{"accuracy (minor)"}},
	{"Le reste sera emprunté par la métropole.", "The rest will be borrowed by the metropolis.", "The rest will be borrowed by the metropolis.", "approved", "unchanged", nil},
	{"Des associations de cyclistes saluent la création de pistes le long du tracé.", "Cyclist associations welcome the creation of tracks along the route.", "Cycling groups welcome the new bike lanes along the route.", "approved", "wording", []string{"terminology (major)"}},
	{"Elles demandent cependant plus de stationnements vélo aux stations.", "They ask however more bike parkings at the stations.", "They are, however, asking for more bike parking at stations.", "approved", "wording", []string{"fluency (major)"}},
	{"Le premier tronçon ouvrira en 2028.", "The first section will open in 2028.", "The first section will open in 2028.", "approved", "unchanged", nil},
	{"La ligne complète est attendue pour 2030.", "The complete line is expected for 2030 .", "The complete line is expected for 2030.", "approved", "whitespace", nil},
	{"Un référendum local avait été réclamé par 8 000 habitants.", "A local referendum had been demanded by 8 000 inhabitants.", "A local referendum had been demanded by 8,000 residents.", "approved", "wording", []string{"locale (minor)"}},
	{"La majorité l'a refusé.", "The majority refused it.", "The majority refused it.", "approved", "unchanged", nil},
	{"« Nous avons été élus sur ce programme », a rappelé l'adjoint aux transports.", "« We were elected on this program », recalled the deputy for transports.", "“We were elected on this programme,” the deputy mayor for transport recalled.", "approved", "wording", []string{"locale (major)", "terminology (minor)"}},
	{"Une réunion publique aura lieu le 14 mars.", "A public meeting will take place on March 14.", "A public meeting will take place on 14 March.", "approved", "wording", []string{"locale (minor)"}},
	{"Le dossier complet est consultable en mairie.", "The complete file is viewable at the town hall.", "The full file can be seen at the town hall.", "draft", "wording", nil},
	{"Les riverains peuvent déposer leurs observations jusqu'au 30 avril.", "Residents can submit their observations until April 30.", "Residents can submit comments until 30 April.", "draft", "wording", nil},
	{"Le tracé évite le quartier historique, au grand soulagement des habitants.", "The route avoids the historic district, to the great relief of the inhabitants.", "The route avoids the historic district, to the great relief of the inhabitants.", "mt", "unchanged", nil},
	{"Deux arbres centenaires seront toutefois abattus.", "Two centenary trees will however be felled.", "Two centenary trees will however be felled.", "rejected", "unchanged", nil},
	{"La mairie promet d'en replanter cinquante.", "The town hall promises to replant fifty.", "The town hall promises to replant fifty.", "mt", "unchanged", nil},
	{"Le vote définitif du budget interviendra en juin.", "The final vote of the budget will occur in June.", "The final vote on the budget will take place in June.", "approved", "wording", []string{"fluency (minor)"}},
	{"D'ici là, le débat promet de rester vif.", "Until then, the debate promises to remain lively.", "Until then, the debate promises to remain lively.", "approved", "unchanged", nil},
}

// sampleChanges builds a realistic change report from sampleSegments.
func sampleChanges() Changes {
	reviewers := []string{"amelie", "jonas", "priya"}
	start := time.Date(2025, 3, 3, 9, 12, 0, 0, time.UTC)
	var c Changes
	var words []float64
	kinds := map[string]int{}
	states := map[string]int{}
	approvers := map[string]int{}
	s := &c.Summary
	for i, sg := range sampleSegments {
		ops := textdiff.Words(sg.mt, sg.final)
		cr, wr := rates(ops, sg.mt, sg.final)
		r := Row{
			SegmentID: int64(1041 + i), Paragraph: 1 + i/4, Index: 1 + i%4,
			Source: sg.source, MT: sg.mt, Final: sg.final, State: sg.state, Diff: ops,
			CharRate: cr, WordRate: wr, Kind: sg.kind, Categories: sg.cats,
		}
		states[sg.state]++
		if sg.state != "mt" {
			r.Edits = 1 + i%3
			r.Editors = reviewers[i%3]
			if i%5 == 0 {
				r.Editors += ", " + reviewers[(i+1)%3]
			}
			r.ActiveMS = int64(20_000 + i*7_351)
			r.ChangedBy = reviewers[i%3]
			r.ChangedAt = start.Add(time.Duration(i*4) * time.Minute)
		}
		if sg.state == "approved" {
			r.Approver = reviewers[(i+1)%3]
			r.ApprovedAt = r.ChangedAt.Add(90 * time.Second)
			r.ChangedBy, r.ChangedAt = r.Approver, r.ApprovedAt
			s.Approved++
			words = append(words, wr)
			kinds[sg.kind]++
			approvers[r.Approver]++
			s.Edits += r.Edits
			if sg.kind == "unchanged" {
				s.Unchanged++
			}
		}
		s.ActiveMS += r.ActiveMS
		c.Rows = append(c.Rows, r)
	}
	s.DocumentID, s.Title, s.SourceLang, s.Lang = 17, "Le conseil municipal approuve la nouvelle ligne de tramway", "fr", "en"
	s.Total, s.States = len(c.Rows), states
	s.UnchangedShare = 100 * float64(s.Unchanged) / float64(s.Approved)
	s.CharRate = Stats{N: s.Approved, Mean: 18.46, Median: 14.2, P90: 41.75}
	s.WordRate = stats(words)
	s.Histogram = histogram(words)
	s.Kinds = sorted(kinds)
	s.Approvers = sorted(approvers)
	s.Categories = []CategoryCount{{"locale", "major", 3}, {"fluency", "minor", 4}, {"terminology", "minor", 3},
		{"fluency", "major", 2}, {"accuracy", "major", 1}, {"locale", "critical", 1}}
	s.IssuesFixed = []Count{{"quotes", 4}, {"space-before-punctuation", 3}, {"number-format", 2}}
	s.IssuesOpen = []Count{{"number-format", 1}}
	return c
}

// rates measures roughly how much ops change: changed characters over the
// longer text, and changed words over the final text's words.
func rates(ops []textdiff.Op, mt, final string) (char, word float64) {
	var chars, words int
	for _, op := range ops {
		if op.Kind != textdiff.Equal {
			chars += utf8.RuneCountInString(op.Text)
			words += len(strings.Fields(op.Text))
		}
	}
	longer := max(utf8.RuneCountInString(mt), utf8.RuneCountInString(final), 1)
	return min(100, 100*float64(chars)/float64(longer)), 100 * float64(words) / float64(max(len(strings.Fields(final)), 1))
}

func stats(v []float64) Stats {
	s := slices.Sorted(slices.Values(v))
	var sum float64
	for _, x := range s {
		sum += x
	}
	return Stats{N: len(s), Mean: sum / float64(len(s)), Median: s[len(s)/2], P90: s[len(s)*9/10]}
}

func histogram(v []float64) []Bin {
	bins := []Bin{{Label: "0"}, {Label: "0–10"}, {Label: "10–25"}, {Label: "25–50"}, {Label: "50–100"}, {Label: "> 100"}}
	for _, x := range v {
		switch {
		case x == 0:
			bins[0].N++
		case x <= 10:
			bins[1].N++
		case x <= 25:
			bins[2].N++
		case x <= 50:
			bins[3].N++
		case x <= 100:
			bins[4].N++
		default:
			bins[5].N++
		}
	}
	return bins
}

func sorted(m map[string]int) []Count {
	var out []Count
	for k, n := range m {
		out = append(out, Count{k, n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}
