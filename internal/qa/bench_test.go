package qa_test

import (
	"testing"

	"copydesk/internal/qa"
)

// BenchmarkCheckAll runs every check (spelling excluded) on typical news sentence
// pairs, one core. Target: at least 50,000 segments a second.
func BenchmarkCheckAll(b *testing.B) {
	pairs := []qa.Input{
		{SourceLang: "fr", TargetLang: "en",
			Source: "« Nous avons fait des choix difficiles », a déclaré la maire jeudi, en présentant un budget de 1 250,5 millions d’euros.",
			Target: "“We made hard choices,” the mayor said on Thursday , presenting a budget of 1,250.5 million euros."},
		{SourceLang: "en", TargetLang: "fr",
			Source: "The council approved 42 new projects on Monday, including a library that will open in 2027.",
			Target: "Le conseil a approuvé lundi 42 nouveaux projets, dont une bibliothèque qui ouvrira en 2027."},
		{SourceLang: "ko", TargetLang: "en",
			Source: "도서관은 연면적 9,800㎡ 규모로, 열람석 620석과 어린이 전용 열람실을 갖췄다.",
			Target: "The library has a floor area of 9,800 square meters, with 620 reading seats and a children's reading room."},
		{SourceLang: "en", TargetLang: "es",
			Source: "How long can the glacier hold out at this rate? Researchers say it could vanish before 2070.",
			Target: "Cuánto tiempo más puede resistir el glaciar a este ritmo? Los investigadores dicen que podría desaparecer antes de 2070."},
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		qa.Check(pairs[n%len(pairs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "segments/s")
}
