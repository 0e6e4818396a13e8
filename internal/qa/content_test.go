package qa

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUntranslated(t *testing.T) {
	contTable(t, "untranslated", []contCase{
		{"en>fr", "The minister resigned on Tuesday.", "Le ministre a démissionné mardi.", 0, ""},
		{"en>fr", "Internet", "Internet", 0, ""},
		{"en>fr", "Emmanuel Macron", "Emmanuel Macron", 0, ""},
		{"en>de", "(AP Photo/Evan Vucci)", "(AP Photo/Evan Vucci)", 0, ""},
		{"en>fr", "https://example.com/news", "https://example.com/news", 0, ""},
		{"en>fr", "2024–25", "2024–25", 0, ""},
		{"en>fr", "* * *", "* * *", 0, ""},
		{"en>en-GB", "The color of the car.", "The color of the car.", 0, ""},
		{"zh-Hans>zh-Hant", "你好世界", "你好世界", 0, ""},
		{">fr", "", "Le ministre a démissionné.", 0, ""},
		{"en>fr", "The minister resigned on Tuesday.", "The minister resigned on Tuesday.", 1, ""},
		{"en>fr", "The minister resigned on Tuesday.", "the  minister resigned on Tuesday", 1, ""},
		{"ko>en", "장관이 화요일에 사임했다.", "장관이 화요일에 사임했다.", 1, ""},
		{"zh>ja", "部长周二辞职了。", "部长周二辞职了。", 1, ""},
	})
}

func TestEmptyTarget(t *testing.T) {
	contTable(t, "empty-target", []contCase{
		{"en>fr", "Hello.", "Bonjour.", 0, ""},
		{"en>fr", "  ", "", 0, ""},
		{">fr", "", "", 0, ""},
		{"en>fr", "Hello.", "", 1, ""},
		{"en>fr", "Hello.", " \u00a0\n", 1, ""},
	})
}

func TestGlossary(t *testing.T) {
	for _, c := range []struct {
		langs, src, tgt string
		terms           []Term
		want            int
		fixed           string
	}{
		{"en>fr", "NATO met today.", "L'OTAN s'est réunie.", []Term{{"NATO", "OTAN"}}, 0, ""},
		{"en>fr", "The central bank acted.", "La banque centrale a agi.", []Term{{"central bank", "banque centrale"}}, 0, ""},
		{"en>fr", "Central bank acts.", "Banque centrale : elle agit.", []Term{{"central bank", "banque centrale"}}, 0, ""},
		{"en>fr", "Central banks act.", "Les banques centrales agissent.", []Term{{"central bank", "banque centrale"}}, 0, ""},
		{"en>fr", "The Nato summit.", "Le sommet.", []Term{{"NATO", "OTAN"}}, 0, ""},
		{"en>fr", "NATOS", "rien", []Term{{"NATO", "OTAN"}}, 0, ""},
		{"en>fr", "The EU acts.", "L'UE agit.", []Term{{"EU", "UE"}, {"EU", "Union européenne"}}, 0, ""},
		{"en>fr", "The EU acts.", "L'Union européenne agit.", []Term{{"EU", "UE"}, {"EU", "Union européenne"}}, 0, ""},
		{"en>ja", "NATO met.", "NATOは会合した。", []Term{{"NATO", "NATO"}}, 0, ""},
		{"ja>en", "北大西洋条約機構が会合した。", "NATO met.", []Term{{"北大西洋条約機構", "NATO"}}, 0, ""},
		{"en>ko", "NATO met.", "나토는 회의를 열었다.", []Term{{"NATO", "나토"}}, 0, ""},
		{"ja>en", "Googleは発表した。", "Google announced it.", []Term{{"Google", "Google"}}, 0, ""},
		{"ja>en", "Googleは発表した。", "Alphabet announced it.", []Term{{"Google", "Google"}}, 1, ""},
		{"ko>en", "나토는 회의를 열었다.", "The alliance met.", []Term{{"나토", "NATO"}}, 1, ""},
		{"en>fr", "NATO met today.", "L'Otan s'est réunie.", []Term{{"NATO", "OTAN"}}, 1, "L'OTAN s'est réunie."},
		{"en>en", "OTAN se reunió.", "nato met.", []Term{{"OTAN", "NATO"}}, 1, "NATO met."},
		{"en>fr", "The central bank acted.", "La Banque Centrale a agi.", []Term{{"central bank", "banque centrale"}}, 1, "La Banque centrale a agi."},
		{"en>fr", "The central bank acted.", "L'institut a agi.", []Term{{"central bank", "banque centrale"}}, 1, ""},
		{"ja>en", "北大西洋条約機構が会合した。", "The alliance met.", []Term{{"北大西洋条約機構", "NATO"}}, 1, ""},
		{"en>fr", "NATO and NATO.", "L'alliance.", []Term{{"NATO", "OTAN"}, {"NATO", "OTAN"}}, 1, ""},
	} {
		src, tgt, _ := strings.Cut(c.langs, ">")
		in := Input{SourceLang: src, TargetLang: tgt, Source: c.src, Target: c.tgt, Glossary: c.terms}
		got := contRun(in, "glossary")
		if len(got) != c.want {
			t.Errorf("%q → %q: %d issues, want %d: %s", c.src, c.tgt, len(got), c.want, contShow(got))
			continue
		}
		for _, is := range got {
			if msg := contBad(c.tgt, is); msg != "" || is.Args["source"] == "" || is.Args["target"] == "" {
				t.Errorf("%q: %s: %+v", c.tgt, msg, is)
			}
		}
		if c.fixed != "" {
			if fixed, _ := ApplyAll(c.tgt, got); fixed != c.fixed {
				t.Errorf("%q: fixed to %q, want %q", c.tgt, fixed, c.fixed)
			}
		}
	}
}

func TestLengthRatio(t *testing.T) {
	long := "The minister resigned on Tuesday after weeks of pressure."
	contTable(t, "length-ratio", []contCase{
		{"en>fr", long, "Le ministre a démissionné mardi après des semaines de pression.", 0, ""},
		{"en>ja", long, "大臣は数週間の圧力の末、火曜日に辞任した。", 0, ""},
		{"ko>en", "장관이 수주간의 압박 끝에 화요일 사임했다.", "The minister resigned on Tuesday after weeks of pressure.", 0, ""},
		{"en>fr", "Short one.", "Un.", 0, ""},
		{"en>fr", long, "Le ministre.", 1, ""},
		{"en>fr", long, long + " " + long + " " + long, 1, ""},
		{"ko>en", "장관이 수주간의 압박 끝에 화요일 사임했다.", "He left.", 1, ""},
	})
}

// contIDs are the checks of this helper.
var contIDs = []string{"end-punct", "inverted-punct", "sentence-case", "repeated-word", "number-mismatch",
	"number-format", "url-mismatch", "markup-mismatch", "untranslated", "empty-target", "glossary", "length-ratio"}

// TestContentCleanPairs runs every check of this helper on translations that
// are right: none may cry wolf.
func TestContentCleanPairs(t *testing.T) {
	pairs := [][4]string{
		{"en", "fr", "U.S. President Joe Biden met with French President Emmanuel Macron on Tuesday.", "Le président américain Joe Biden a rencontré mardi le président français Emmanuel Macron."},
		{"en", "fr", "The unemployment rate fell to 3.7% in November, the lowest since 1969.", "Le taux de chômage est tombé à 3,7 % en novembre, son plus bas niveau depuis 1969."},
		{"en", "de", "More than 1,200 people were evacuated, officials said.", "Mehr als 1.200 Menschen wurden evakuiert, teilten Beamte mit."},
		{"en", "es", "“Are we ready?” she asked. “Not yet.”", "«¿Estamos listos?», preguntó. «Todavía no»."},
		{"en", "es", "Why did the company wait so long?", "¿Por qué esperó tanto la empresa?"},
		{"en", "it", "The match ended 2-1 after extra time.", "La partita è finita 2-1 dopo i tempi supplementari."},
		{"en", "pt-BR", "Inflation hit 10.06% in 2021.", "A inflação chegou a 10,06% em 2021."},
		{"en", "nl", "The plan costs €2.5 billion.", "Het plan kost 2,5 miljard euro."},
		{"en", "es", "The {1}river{/1} rose 3.5 m overnight, the {2}agency{/2} said.", "Según la {2}agencia{/2}, el {1}río{/1} subió 3,5 m durante la noche."},
		{"en", "es", "Line one{3/}line two has {1}12{/1} words.", "Línea uno{3/}línea dos tiene {1}12{/1} palabras."},
		{"en", "ja", "The earthquake struck at 4:10 p.m. local time.", "地震は現地時間午後4時10分に発生した。"},
		{"en", "zh", "The company employs about 150,000 people worldwide.", "该公司在全球雇用约15万人。"},
		{"en", "ko", "The company employs about 150,000 people worldwide.", "이 회사는 전 세계적으로 약 15만 명을 고용하고 있다."},
		{"ko", "en", "윤석열 대통령은 29일 국무회의에서 이같이 말했다.", "President Yoon Suk Yeol said this at a Cabinet meeting on the 29th."},
		{"ja", "en", "東京都は12日、新たに2,345人の感染を確認したと発表した。", "The Tokyo metropolitan government announced on the 12th that 2,345 new infections had been confirmed."},
		{"zh", "en", "国家统计局15日公布的数据显示，一季度GDP同比增长5.3%。", "Data released by the National Bureau of Statistics on the 15th showed that first-quarter GDP grew 5.3% year on year."},
		{"fr", "en", "« Nous ne céderons pas », a déclaré le Premier ministre.", "“We will not give in,” the prime minister said."},
		{"fr", "en", "Le texte a été adopté par 289 voix contre 259.", "The text was adopted by 289 votes to 259."},
		{"fr", "en", "Il est né le 1er janvier 1950 à Paris.", "He was born on January 1, 1950, in Paris."},
		{"de", "en", "Die Inflation lag im Oktober bei 3,8 Prozent.", "Inflation stood at 3.8 percent in October."},
		{"de", "en", "Am 3. Oktober feiert Deutschland den Tag der Deutschen Einheit.", "On October 3, Germany celebrates German Unity Day."},
		{"en", "de", "On October 3, Germany celebrates German Unity Day.", "Am 3. Oktober feiert Deutschland den Tag der Deutschen Einheit."},
		{"es", "en", "El Gobierno aprobó el martes un paquete de 3.000 millones de euros.", "The government approved a €3 billion package on Tuesday."},
		{"en", "fr", "He scored in the 89th minute.", "Il a marqué à la 89e minute."},
		{"en", "fr", "The U.N. Security Council voted 13-0, with two abstentions.", "Le Conseil de sécurité de l'ONU a voté par 13 voix contre 0, avec deux abstentions."},
		{"en", "fr", "Read more at www.lemonde.fr.", "Pour en savoir plus : www.lemonde.fr."},
		{"en", "de", "The summit will be held Nov. 5-6 in Berlin.", "Der Gipfel findet am 5. und 6. November in Berlin statt."},
		{"en", "fr", "It was his 100th goal for the club.", "C'était son centième but pour le club."},
		{"en", "es", "What now? Nobody knows.", "¿Y ahora qué? Nadie lo sabe."},
		{"en", "fr", "In the 1980s, the company had 5,000 employees.", "Dans les années 1980, l'entreprise comptait 5 000 salariés."},
		{"en", "fr", "The temperature dropped to -15°C.", "La température est descendue à -15 °C."},
		{"en", "fr", "Shares rose 0.5 percent.", "Les actions ont progressé de 0,5 %."},
		{"en", "en-GB", "The meeting is at 10:30 a.m.", "The meeting is at 10.30am."},
		{"en", "fr", "He has been in office since Jan. 20, 2021.", "Il est en fonction depuis le 20 janvier 2021."},
		{"en", "de", "Twenty-five people were injured.", "25 Menschen wurden verletzt."},
		{"en", "fr", "A 7.8-magnitude quake hit Turkey.", "Un séisme de magnitude 7,8 a frappé la Turquie."},
		{"en", "ja", "Apple unveiled the iPhone 15 on Tuesday.", "アップルは火曜日、iPhone 15を発表した。"},
		{"en", "fr", "The report (pp. 12–14) says so.", "Le rapport (p. 12-14) le dit."},
		{"en", "zh", "He said: “We are ready.”", "他说：“我们准备好了。”"},
		{"en", "fr", "She is 35 years old.", "Elle a 35 ans."},
		{"en", "fr", "About a third of voters", "Environ un tiers des électeurs"},
		{"en", "es", "Really?! That's amazing!", "¡¿En serio?! ¡Es increíble!"},
		{"en", "fr", "Mr. Smith, 45, was arrested.", "M. Smith, 45 ans, a été arrêté."},
		{"en", "de", "The firm, e.g. in Europe, grew.", "Die Firma wuchs z. B. in Europa."},
		{"en", "fr", "Contact: press@example.org", "Contact : press@example.org"},
		{"en", "fr", "It happened in the early hours of Sunday.", "Cela s'est produit aux premières heures de dimanche."},
		{"en", "fr", "Half of the 300 seats", "La moitié des 300 sièges"},
		{"en", "fr", "A 24-hour strike", "Une grève de 24 heures"},
		{"en", "de", "He is No. 1 in the world.", "Er ist die Nummer 1 der Welt."},
		{"en", "fr", "Twenty-one people died.", "21 personnes sont mortes."},
		{"es", "en", "Treinta y cinco personas murieron.", "35 people died."},
		{"de", "en", "Fünfundzwanzig Menschen starben.", "25 people died."},
		{"en", "fr", "– The minister, who resigned, said: “I regret nothing.”", "– Le ministre, qui a démissionné, a déclaré : « Je ne regrette rien. »"},
		{"en", "es", "The minister said: “Why not?”", "El ministro dijo: «¿Por qué no?»."},
		{"en", "fr", "Photo: Reuters", "Photo : Reuters"},
		{"en", "fr", "By John Smith", "Par John Smith"},
		{"en", "fr", "(AFP)", "(AFP)"},
		{"en", "fr", "Paris, France", "Paris, France"},
		{"en", "de", "The iPhone maker's shares rose.", "Die Aktien des iPhone-Herstellers stiegen."},
		{"en", "fr", "eBay said profit rose.", "eBay a déclaré que les bénéfices avaient augmenté."},
		{"en", "de", "He said that that was wrong.", "Er sagte, dass das falsch war."},
		{"en", "fr", "They said they would come, i.e. tomorrow.", "Ils ont dit qu'ils viendraient, c.-à-d. demain."},
		{"en", "fr", "The U.S. and the E.U. agreed.", "Les É.-U. et l'U.E. ont convenu."},
		{"en", "es", "The U.S. and Mexico agreed.", "EE. UU. y México acordaron."},
		{"en", "en", "The U.S. Army said.", "The U.S. Army said."},
		{"ja", "en", "「本当ですか」と彼は聞いた。", "\"Really?\" he asked."},
		{"zh", "en", "他说：“是的。”", "He said, \"Yes.\""},
		{"ko", "en", "그는 \"네\"라고 말했다.", "He said \"yes.\""},
		{"en", "fr", "This is what he said...", "Voici ce qu'il a dit…"},
		{"en", "fr", "Results: see table 3.", "Résultats : voir le tableau 3."},
		{"en", "fr", "He left at 5 p.m.", "Il est parti à 17 h."},
		{"en", "fr", "The vote was 5–4.", "Le vote a été de 5 contre 4."},
		{"en", "es", "Is it true? Yes, it is.", "¿Es verdad? Sí, lo es."},
		{"en", "es", "Hello, how are you?", "Hola, ¿cómo estás?"},
		{"en", "es", "Great!", "¡Genial!"},
		{"en", "fr", "The G20 summit opened on Nov. 15.", "Le sommet du G20 s'est ouvert le 15 novembre."},
		{"en", "fr", "He is the 46th president.", "Il est le 46e président."},
		{"en", "fr", "Oct. 7", "7 octobre"},
		{"en", "fr", "1 in 5 children", "Un enfant sur cinq"},
		{"en", "fr", "The 2024 Paris Olympics", "Les Jeux olympiques de Paris 2024"},
		{"en", "de", "It is 3 km long.", "Sie ist 3 km lang."},
		{"en", "de", "Prices rose 2.9% year on year in May.", "Die Preise stiegen im Mai um 2,9 % gegenüber dem Vorjahr."},
		{"en", "it", "On Sept. 11, 2001, ...", "L'11 settembre 2001, ..."},
		{"en", "nl", "In 2023, 1.5 million people visited.", "In 2023 bezochten 1,5 miljoen mensen."},
		{"en", "pt", "In 2023, 1.5 million people visited.", "Em 2023, 1,5 milhões de pessoas visitaram."},
		{"en", "es-MX", "It cost $1,500.50.", "Costó 1,500.50 dólares."},
		{"en", "de-CH", "It cost 1,500.50 francs.", "Es kostete 1500.50 Franken."},
		{"en", "fr", "It cost 1,500 euros.", "Il a coûté 1500 euros."},
		{"en", "de", "It cost 1,500 euros.", "Es kostete 1500 Euro."},
		{"en", "zh-Hant", "In 2023, 5.2 million", "2023年，520萬"},
	}
	for _, p := range pairs {
		if got := contRun(Input{SourceLang: p[0], TargetLang: p[1], Source: p[2], Target: p[3]}, contIDs...); len(got) > 0 {
			t.Errorf("%s>%s %q → %q: %s", p[0], p[1], p[2], p[3], contShow(got))
		}
	}
}

// TestContentSlips runs the checks on typical slips of machine translation:
// each must be caught by the check named, and by no other of this helper.
func TestContentSlips(t *testing.T) {
	pairs := [][5]string{
		{"en", "fr", "The unemployment rate fell to 3.7% in November.", "Le taux de chômage est tombé à 3,5 % en novembre.", "number-mismatch"},
		{"en", "fr", "The unemployment rate fell to 3.7% in November.", "Le taux de chômage est tombé à 3.7 % en novembre.", "number-format"},
		{"en", "de", "More than 1,200 people were evacuated.", "Mehr als 1,200 Menschen wurden evakuiert.", "number-format"},
		{"en", "es", "Are we ready?", "Estamos listos?", "inverted-punct"},
		{"en", "es", "It cost 1,500 euros.", "Costó 1,500 euros.", "number-format"},
		{"en", "fr", "He left. Then she came.", "Il est parti. puis elle est venue.", "sentence-case"},
		{"en", "fr", "He left.", "Il est parti", "end-punct"},
		{"en", "fr", "Stocks fall", "Les actions chutent.", "end-punct"},
		{"en", "fr", "The the president", "Le le président", "repeated-word"},
		{"en", "fr", "in 1969", "en 1996", "number-mismatch"},
		{"en", "fr", "Read more at www.lemonde.fr.", "Pour en savoir plus : www.lemonde.com.", "url-mismatch"},
		{"en", "fr", "A <b>bold</b> move", "Une décision audacieuse", "markup-mismatch"},
		{"en", "es", "The {1}river{/1} rose 3.5 m, the {2}agency{/2} said.", "El río subió 3,5 m, según la agencia.", "markup-mismatch"},
		{"en", "es", "Line one{1/}line two.", "Línea uno línea dos.", "markup-mismatch"},
		{"en", "es", "The {1}river{/1} rose.", "El {1}río subió.", "markup-mismatch"},
		{"en", "fr", "The president said he would not resign.", "The president said he would not resign.", "untranslated"},
		{"en", "fr", "The president said he would not resign.", "", "empty-target"},
		{"ko", "en", "대통령은 29일 국무회의에서 말했다.", "the President said at the Cabinet meeting on the 29th.", "sentence-case"},
		{"ko", "en", "대통령은 29일 국무회의에서 말했다.", "The President said at the Cabinet meeting on the 28th.", "number-mismatch"},
		{"ja", "en", "東京都は12日、新たに2,345人の感染を確認した。", "On the 12th, Tokyo confirmed 2,354 new infections.", "number-mismatch"},
		{"zh", "en", "一季度GDP同比增长5.3%。", "First-quarter GDP grew 3.5% year on year.", "number-mismatch"},
		{"en", "zh", "The company employs about 150,000 people.", "该公司雇用约1.5万人。", "number-mismatch"},
		{"en", "ja", "He left.", "彼は去った", "end-punct"},
		{"en", "de", "The minister resigned on Tuesday after weeks of intense pressure from his party.", "Der Minister trat zurück.", "length-ratio"},
		{"en", "fr", "See you at 10:30.", "Rendez-vous à 10 h 45.", "number-mismatch"},
		{"en", "es", "What a goal!", "Qué gol!", "inverted-punct"},
		{"en", "it", "It happened in in 2020.", "È successo nel nel 2020.", "repeated-word"},
	}
	for _, p := range pairs {
		got := contRun(Input{SourceLang: p[0], TargetLang: p[1], Source: p[2], Target: p[3]}, contIDs...)
		if len(got) == 0 {
			t.Errorf("%s>%s %q → %q: missed, want %s", p[0], p[1], p[2], p[3], p[4])
		}
		for _, is := range got {
			if is.Check != p[4] {
				t.Errorf("%s>%s %q → %q: %s, want only %s", p[0], p[1], p[2], p[3], contShow(got), p[4])
			}
		}
	}
}

// TestContentSpans runs the checks of this helper on awkward texts: every
// span lies in the target on rune boundaries and no fix breaks UTF-8.
func TestContentSpans(t *testing.T) {
	ids := contIDs
	texts := []string{"", " ", ".", "?!", "¿", "…", "<", "<b", "</", "{", "{{", "%", "%(", "%1$", "1,", ",5", "1 000 000",
		"１２３，４５６．７", "٣٫٥", "3万", "1억 2천만", "百", "'9", "12.30pm", "3:30 p.m.", "www.", "http://", "a@b.c", "@",
		"é\u0301", "a a", "¡", "de de", "\u202f?", "x.", "U.S.", "𝟏𝟐", "XIXe", "Ier", "«»", "「」。", "a\u0000b"}
	for _, src := range texts {
		for _, tgt := range texts {
			for _, langs := range [][2]string{{"en", "fr"}, {"fr", "es"}, {"ko", "ja"}, {"zh", "de"}, {"", "tr"}} {
				in := Input{SourceLang: langs[0], TargetLang: langs[1], Source: src, Target: tgt,
					Glossary: []Term{{src, tgt}, {"a", "A"}}}
				for _, is := range contRun(in, ids...) {
					if msg := contBad(tgt, is); msg != "" {
						t.Fatalf("%q → %q: %s: %+v", src, tgt, msg, is)
					}
				}
				if fixed, _ := ApplyAll(tgt, contRun(in, ids...)); !utf8.ValidString(fixed) {
					t.Fatalf("%q → %q: fixes break UTF-8", src, tgt)
				}
			}
		}
	}
}

// FuzzContent runs the checks of this helper on arbitrary pairs.
func FuzzContent(f *testing.F) {
	f.Add("en", "fr", "It cost 1,250.5 euros, see www.x.com. <b>Why?</b>", "Il a coûté 1 250,5 euros, voir www.x.com. <b>pourquoi</b>")
	f.Add("ko", "en", "그는 3만 명이라고 말했다? 예.", "he said 30,000 the the people. yes")
	f.Add("en", "es", "Why? {name} %d", "Por qué? {nom} %s")
	f.Fuzz(func(t *testing.T, sl, tl, src, tgt string) {
		src, tgt = strings.ToValidUTF8(src, "?"), strings.ToValidUTF8(tgt, "?")
		in := Input{SourceLang: sl, TargetLang: tl, Source: src, Target: tgt, Glossary: []Term{{"NATO", "OTAN"}}}
		issues := Check(in)
		for _, is := range issues {
			if msg := contBad(tgt, is); msg != "" {
				t.Fatalf("%q → %q: %s: %+v", src, tgt, msg, is)
			}
		}
		if fixed, _ := ApplyAll(tgt, issues); !utf8.ValidString(fixed) {
			t.Fatalf("%q → %q: fixes break UTF-8", src, tgt)
		}
	})
}

func BenchmarkContent(b *testing.B) {
	ids := map[string]bool{"end-punct": true, "inverted-punct": true, "sentence-case": true, "repeated-word": true,
		"number-mismatch": true, "url-mismatch": true, "markup-mismatch": true, "untranslated": true,
		"empty-target": true, "glossary": true, "length-ratio": true}
	var fns []checkFunc
	for _, r := range registry {
		if ids[r.id] {
			fns = append(fns, r.fn)
		}
	}
	pairs := []Input{
		{SourceLang: "en", TargetLang: "fr",
			Source: "The company said on Tuesday that its revenue rose 12.5% to $1.2 billion in the third quarter.",
			Target: "L'entreprise a annoncé mardi que son chiffre d'affaires avait augmenté de 12,5 % pour atteindre 1,2 milliard de dollars au troisième trimestre."},
		{SourceLang: "fr", TargetLang: "en",
			Source: "Le président a déclaré mercredi que le gouvernement ne reculerait pas face aux manifestants.",
			Target: "The president said on Wednesday that the government would not back down in the face of protesters."},
		{SourceLang: "ko", TargetLang: "en",
			Source: "정부는 올해 경제 성장률이 2.4%에 이를 것으로 전망했다.",
			Target: "The government forecast that the economy would grow 2.4% this year."},
	}
	for _, in := range pairs {
		s := &Segment{Input: in, Src: ProfileFor(in.SourceLang), Tgt: ProfileFor(in.TargetLang), HasSource: true}
		b.Run(in.SourceLang+">"+in.TargetLang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, fn := range fns {
					if len(fn(s)) != 0 {
						b.Fatal("issues in a clean pair")
					}
				}
			}
		})
	}
}

// BenchmarkContentGlossary checks a sentence against a glossary of 1,000
// terms, two of them in the source.
func BenchmarkContentGlossary(b *testing.B) {
	terms := make([]Term, 0, 1002)
	for i := range 1000 {
		terms = append(terms, Term{"term" + strconv.Itoa(i) + " word", "terme" + strconv.Itoa(i)})
	}
	terms = append(terms, Term{"NATO", "OTAN"}, Term{"central bank", "banque centrale"})
	in := Input{SourceLang: "en", TargetLang: "fr", Glossary: terms,
		Source: "The central bank and NATO said on Tuesday that spending rose 12.5% in the third quarter.",
		Target: "La banque centrale et l'OTAN ont annoncé mardi que les dépenses avaient augmenté de 12,5 % au troisième trimestre."}
	s := &Segment{Input: in, Src: ProfileFor(in.SourceLang), Tgt: ProfileFor(in.TargetLang), HasSource: true}
	b.ReportAllocs()
	for b.Loop() {
		if len(contGlossary(s)) != 0 {
			b.Fatal("issues in a clean pair")
		}
	}
}
