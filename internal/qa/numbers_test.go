package qa

import "testing"

func TestNumberMismatch(t *testing.T) {
	contTable(t, "number-mismatch number-format", []contCase{
		// clean: each side read with its own marks
		{"en>fr", "It cost 1,250.5 euros.", "Il a coûté 1\u202f250,5 euros.", 0, ""},
		{"en>fr", "It cost 1,250.5 euros.", "Il a coûté 1 250,5 euros.", 0, ""},
		{"en>fr-CA", "It cost 1,250.5 euros.", "Il a coûté 1\u00a0250,5 euros.", 0, ""},
		{"en>de", "It cost 1,250.5 euros.", "Es kostete 1.250,5 Euro.", 0, ""},
		{"en>de-CH", "It cost 1,250.5 francs.", "Es kostete 1’250.5 Franken.", 0, ""},
		{"en>es", "It cost 1,250.5 euros.", "Costó 1.250,5 euros.", 0, ""},
		{"en>it", "3.5 million people", "3,5 milioni di persone", 0, ""},
		{"en>pt-BR", "3.5 million people", "3,5 milhões de pessoas", 0, ""},
		{"en>pt", "10,000 people", "10 000 pessoas", 0, ""},
		{"en>nl", "2.75 percent", "2,75 procent", 0, ""},
		{"fr>en", "Il y a 3\u202f000 personnes.", "There are 3,000 people.", 0, ""},
		{"fr>en", "Il a coûté 1,250 euro.", "It cost 1.25 euros.", 0, ""},
		{"de>en", "Es sind 1.250 Menschen.", "There are 1,250 people.", 0, ""},
		{"en>fr", "Prices rose 50%.", "Les prix ont augmenté de 50 %.", 0, ""},
		{"en>fr", "Prices fell -5%.", "Les prix ont baissé de 5 %.", 0, ""},
		{"en>de", "in 10–15 days", "in 10-15 Tagen", 0, ""},
		{"en>fr", "from 2020–24", "de 2020 à 2024", 0, ""},
		{"en>fr", "the 1st prize", "le 1er prix", 0, ""},
		{"en>de", "the 1st prize", "der 1. Preis", 0, ""},
		{"en>fr", "at 12:30", "à 12 h 30", 0, ""},
		{"en>de", "at 12:30", "um 12.30 Uhr", 0, ""},
		{"en-GB>fr", "at 12.30pm", "à 12 h 30", 0, ""},
		{"en>fr", "at 3 p.m.", "à 15 h", 0, ""},
		{"fr>en", "à 15 h 30", "at 3:30 p.m.", 0, ""},
		{"en>fr", "at 9:00 a.m.", "à 9 h", 0, ""},
		{"en>ja", "123 people", "１２３人", 0, ""},
		{"en>hi", "123 people", "१२३ लोग", 0, ""},
		{"en>zh", "30,000 people", "3万人", 0, ""},
		{"en>ko", "30,000 people", "3만 명", 0, ""},
		{"en>zh", "3 million people", "300万人", 0, ""},
		{"en>ja", "120 million people", "1億2千万人", 0, ""},
		{"en>es", "1.5 billion dollars", "1.500 millones de dólares", 0, ""},
		{"en>fr", "1.5 billion dollars", "1,5 milliard de dollars", 0, ""},
		{"en>fr", "the ’90s", "les années 1990", 0, ""},
		{"en>fr", "the 1990s", "les années 90", 0, ""},
		{"en>fr", "in the 19th century", "au XIXe siècle", 0, ""},
		{"en>fr", "3 people came", "trois personnes sont venues", 0, ""},
		{"fr>en", "trois personnes", "3 people", 0, ""},
		{"en>de", "on March 5, 2024", "am 05.03.2024", 0, ""},
		{"en>fr", "version 1.2.3", "version 1.2.3", 0, ""},
		{"en>fr", "Call 555-1234 now", "Appelez le 555-1234", 0, ""},
		{"ja>en", "三人が来た。", "3 people came.", 0, ""},
		{"ko>en", "다섯 명이 왔다.", "5 people came.", 0, ""},
		{"ko>en", "2024년 3월 5일", "March 5, 2024", 0, ""},
		{"en>fr", "See https://example.com/2024/05 now.", "Voir https://example.com/2024/05.", 0, ""},
		{"en>fr", "COVID-19 and G7", "le COVID-19 et le G7", 0, ""},
		{"en>de", "one or two", "ein oder zwei", 0, ""},
		{"en>fr", "Win {1} points", "Gagnez {1} points", 0, ""},
		// a number lost or changed
		{"en>fr", "It cost 1,250 euros.", "Il a coûté 1\u202f205 euros.", 1, ""},
		{"en>fr", "It cost 1,250 euros.", "Il a coûté des euros.", 1, ""},
		{"en>de", "In 2023, 5 people died.", "Im Jahr 2022 starben 5 Menschen.", 1, ""},
		{"en>fr", "It costs 5 euros.", "Il coûte 5 euros, soit 7 dollars.", 1, ""},
		{"en>ko", "30,000 people", "3천 명", 1, ""},
		// the same number with the marks of another language: a fix
		{"en>de", "It grew 3.5 percent.", "Es wuchs um 3.5 Prozent.", 1, "Es wuchs um 3,5 Prozent."},
		{"en>de", "It cost 1,250 euros.", "Es kostete 1,250 Euro.", 1, "Es kostete 1.250 Euro."},
		{"en>fr", "It cost 1,250.5 euros.", "Il a coûté 1,250.5 euros.", 1, "Il a coûté 1\u202f250,5 euros."},
		{"es>en", "Costó 1.500 euros.", "It cost 1.500 euros.", 1, "It cost 1,500 euros."},
		{"en>fr", "It has 10,000 seats.", "Il a 10.000 places.", 1, "Il a 10\u202f000 places."},
		{"fr>en", "Il a grandi de 3,5 %.", "It grew 3,5%.", 1, "It grew 3.5%."},
	})
}

func TestNumberSeverity(t *testing.T) {
	for _, c := range []struct {
		src, tgt string
		sev      Severity
		args     map[string]string
		start    int
	}{
		{"It cost 1,250 euros.", "Il a coûté 1\u202f205 euros.", Error, map[string]string{"source": "1,250", "target": "1\u202f205"}, len("Il a coûté ")},
		{"It cost 1,250 euros.", "Il a coûté des euros.", Error, map[string]string{"source": "1,250"}, len("Il a coûté des euros.")},
		{"It costs 5 euros.", "Il coûte 5 euros, soit 7 dollars.", Warning, map[string]string{"target": "7"}, len("Il coûte 5 euros, soit ")},
	} {
		got := contRun(Input{SourceLang: "en", TargetLang: "fr", Source: c.src, Target: c.tgt}, "number-mismatch")
		if len(got) != 1 || got[0].Severity != c.sev || got[0].Start != c.start || len(got[0].Args) != len(c.args) {
			t.Errorf("%q → %q: %+v", c.src, c.tgt, got)
			continue
		}
		for k, v := range c.args {
			if got[0].Args[k] != v {
				t.Errorf("%q → %q: arg %s = %q, want %q", c.src, c.tgt, k, got[0].Args[k], v)
			}
		}
	}
}
