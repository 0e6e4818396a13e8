package segment

import (
	"slices"
	"strings"
	"testing"

	"copydesk/internal/tags"
	"unicode"
	"unicode/utf8"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"blank only", " \n\t\n\r\n", nil},
		{"one", "  One line.  ", []string{"One line."}},
		{"blank lines", "First.\n\nSecond.\n \t\nThird.", []string{"First.", "Second.", "Third."}},
		{"line break kept", "Wrapped\nline.\n\nNext.", []string{"Wrapped\nline.", "Next."}},
		{"crlf", "A.\r\nstill A.\r\n\r\nB.\r\n", []string{"A.\nstill A.", "B."}},
		{"cr", "A.\r\rB.", []string{"A.", "B."}},
		{"many blank lines", "\n\n\nA.\n\n\n\nB.\n\n\n", []string{"A.", "B."}},
		{"bom", "\uFEFFA.\n\nB.", []string{"A.", "B."}},
		{"paragraph separator", "A.\u2029B.", []string{"A.", "B."}},
		{"nbsp line is blank", "A.\n\u00A0\nB.", []string{"A.", "B."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Paragraphs(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("Paragraphs(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		lang, para string
		want       []string
	}{
		// English
		{"en", "“Yes.” He left.", []string{"“Yes.”", "He left."}},
		{"en", `"Yes." He left.`, []string{`"Yes."`, "He left."}},
		{"en", "“Why?” he asked. She shrugged.", []string{"“Why?” he asked.", "She shrugged."}},
		{"en", "Mr. Smith met Dr. Jones at St. Paul's. They talked.", []string{"Mr. Smith met Dr. Jones at St. Paul's.", "They talked."}},
		{"en", "J. R. R. Tolkien wrote it. It sold well.", []string{"J. R. R. Tolkien wrote it.", "It sold well."}},
		{"en", "The U.S. economy grew 3.5 percent. Prices rose.", []string{"The U.S. economy grew 3.5 percent.", "Prices rose."}},
		{"en", "Fruit, e.g. apples, i.e. food. Done.", []string{"Fruit, e.g. apples, i.e. food.", "Done."}},
		{"en", "See p. 5 and No. 3 for details. Thanks.", []string{"See p. 5 and No. 3 for details.", "Thanks."}},
		{"en", "Apples, pears, etc. Also nuts.", []string{"Apples, pears, etc. Also nuts."}},
		{"en", "He waited... and waited. Then he left.", []string{"He waited... and waited.", "Then he left."}},
		{"en", "He waited… Then he left.", []string{"He waited…", "Then he left."}},
		{"en", "He cut […] The rest stayed.", []string{"He cut […] The rest stayed."}},
		{"en", "Visit https://example.com/a.b?x=1. Or mail jane.doe@example.org. Bye!", []string{"Visit https://example.com/a.b?x=1.", "Or mail jane.doe@example.org.", "Bye!"}},
		{"en", "Really?! Yes!!! OK.", []string{"Really?!", "Yes!!!", "OK."}},
		{"en", "It rose to 30. The index fell.", []string{"It rose to 30.", "The index fell."}},
		{"en", "Sales were flat in Jan. and Feb. this year.", []string{"Sales were flat in Jan. and Feb. this year."}},
		{"en", "iPhone sales fell. iPhone users left.", []string{"iPhone sales fell.", "iPhone users left."}},
		{"en", "It costs 5.99. Cheap.", []string{"It costs 5.99.", "Cheap."}},
		{"en", "It rained.\nThe game was off.", []string{"It rained.", "The game was off."}},
		{"en", "1. Introduction to the topic", []string{"1. Introduction to the topic"}},
		{"en", "(He left.) Then she came.", []string{"(He left.)", "Then she came."}},
		{"en", "... Then nothing.", []string{"... Then nothing."}},
		{"en", "No end punctuation", []string{"No end punctuation"}},
		{"en", "  ", nil},
		{"en", "He counted to 10. 20 people came.", []string{"He counted to 10.", "20 people came."}},
		{"en", "See http://x.com/?a=B!C. Next.", []string{"See http://x.com/?a=B!C.", "Next."}},
		{"en", "Write to a.b@example.co.uk. Or call.", []string{"Write to a.b@example.co.uk.", "Or call."}},
		{"en", "It costs 3,5 or 3.5 euros. Fine.", []string{"It costs 3,5 or 3.5 euros.", "Fine."}},
		{"en", `He said "yes". Then he left.`, []string{`He said "yes".`, "Then he left."}},
		{"en", `He said "yes." Then he left.`, []string{`He said "yes."`, "Then he left."}},
		{"en", "Title\nBody text. More.", []string{"Title\nBody text.", "More."}},
		{"en", "Nothing happened… Then the doors opened.", []string{"Nothing happened…", "Then the doors opened."}},
		{"en", "He moved to Washington, D.C. in 1981.", []string{"He moved to Washington, D.C. in 1981."}},
		// French
		{"fr", "«\u00A0Je viens.\u00A0» Puis il partit.", []string{"«\u00A0Je viens.\u00A0»", "Puis il partit."}},
		{"fr", "M. Dupont est arrivé. Mme Martin aussi.", []string{"M. Dupont est arrivé.", "Mme Martin aussi."}},
		{"fr", "Ça va\u202F? Oui, très bien\u202F! Merci.", []string{"Ça va\u202F?", "Oui, très bien\u202F!", "Merci."}},
		{"fr", "«\u00A0Pourquoi\u202F?\u00A0» demanda-t-il. Personne ne répondit.", []string{"«\u00A0Pourquoi\u202F?\u00A0» demanda-t-il.", "Personne ne répondit."}},
		{"fr", "En 52 av. J.-C. César gagna. Puis il rentra.", []string{"En 52 av. J.-C. César gagna.", "Puis il rentra."}},
		{"fr", "Voir p.\u00A012. Fin.", []string{"Voir p.\u00A012.", "Fin."}},
		{"fr", "Un accord à 22\u00A0h. Les syndicats l’ont rejeté.", []string{"Un accord à 22\u00A0h.", "Les syndicats l’ont rejeté."}},
		{"fr", "Il a dit « oui. » Puis rien.", []string{"Il a dit « oui. »", "Puis rien."}},
		// German
		{"de", "Am 3. Oktober 1990 wurde Deutschland vereint. Das war ein Feiertag.", []string{"Am 3. Oktober 1990 wurde Deutschland vereint.", "Das war ein Feiertag."}},
		{"de", "Im 19. Jahrhundert wuchs die Stadt. Sie ist groß.", []string{"Im 19. Jahrhundert wuchs die Stadt.", "Sie ist groß."}},
		{"de", "Die Zahl stieg auf 30. Die Polizei ermittelt.", []string{"Die Zahl stieg auf 30.", "Die Polizei ermittelt."}},
		{"de", "Das gilt z. B. für Äpfel, d. h. für Obst. Gut.", []string{"Das gilt z. B. für Äpfel, d. h. für Obst.", "Gut."}},
		{"de", "»Ja.« Er ging.", []string{"»Ja.«", "Er ging."}},
		{"de", "„Nein!“ Sie lachte.", []string{"„Nein!“", "Sie lachte."}},
		{"de", "Es kostet 3,5 Mio. Euro. Das ist viel.", []string{"Es kostet 3,5 Mio. Euro.", "Das ist viel."}},
		{"de", "Er kam am 2. Mai. Sie am 3. Juni.", []string{"Er kam am 2. Mai.", "Sie am 3. Juni."}},
		{"de", "Die Lage ist ernst… aber nicht hoffnungslos. Gut.", []string{"Die Lage ist ernst… aber nicht hoffnungslos.", "Gut."}},
		{"de", "Laut Art. 5 GG gilt das. Ende.", []string{"Laut Art. 5 GG gilt das.", "Ende."}},
		{"de-AT", "Am 1. Jänner beginnt es. Gut.", []string{"Am 1. Jänner beginnt es.", "Gut."}},
		// Spanish
		{"es", "¿Qué hora es? ¡Es tarde! Vámonos.", []string{"¿Qué hora es?", "¡Es tarde!", "Vámonos."}},
		{"es", "—¿Vienes? —preguntó ella. No contesté.", []string{"—¿Vienes? —preguntó ella.", "No contesté."}},
		{"es", "El Sr. García y la Dra. López llegaron. Hablaron.", []string{"El Sr. García y la Dra. López llegaron.", "Hablaron."}},
		{"es", "Viajó a EE. UU. en 2020. Volvió.", []string{"Viajó a EE. UU. en 2020.", "Volvió."}},
		{"es", "Y tú, ¿qué piensas? Nada.", []string{"Y tú, ¿qué piensas?", "Nada."}},
		{"es-MX", "¡Hola!, dijo. Cuesta 3.5 pesos.", []string{"¡Hola!, dijo.", "Cuesta 3.5 pesos."}},
		{"es", "El tren llegó a las 23.40 h. Nadie habló.", []string{"El tren llegó a las 23.40 h.", "Nadie habló."}},
		// Italian and Dutch
		{"it", "Vennero il prof. Verdi e l'avv. Neri. Poi andarono.", []string{"Vennero il prof. Verdi e l'avv. Neri.", "Poi andarono."}},
		{"nl", "Het museum is druk. 's Avonds is het rustig.", []string{"Het museum is druk.", "'s Avonds is het rustig."}},
		{"nl", "De wet geldt vanaf 1 jan. 2025. Gemeenten betalen.", []string{"De wet geldt vanaf 1 jan. 2025.", "Gemeenten betalen."}},
		// Armenian: a terminator that only UAX #29 knows
		{"hy", "Բարեւ։ Ինչպես ես։", []string{"Բարեւ։", "Ինչպես ես։"}},
		// Korean
		{"ko", "안녕하세요. 반갑습니다. 오늘은 날씨가 좋네요!", []string{"안녕하세요.", "반갑습니다.", "오늘은 날씨가 좋네요!"}},
		{"ko", "그는 \"좋다.\"라고 말했다. 그리고 떠났다.", []string{"그는 \"좋다.\"라고 말했다.", "그리고 떠났다."}},
		{"ko", "삼성전자는 3.5% 상승했다. 주가가 올랐다.", []string{"삼성전자는 3.5% 상승했다.", "주가가 올랐다."}},
		{"ko", "시장은 U.S. 금리를 주시했다. 안정됐다.", []string{"시장은 U.S. 금리를 주시했다.", "안정됐다."}},
		// Japanese
		{"ja", "今日は晴れです。明日は雨でしょう。", []string{"今日は晴れです。", "明日は雨でしょう。"}},
		{"ja", "「はい。」と彼は言った。それから帰った。", []string{"「はい。」と彼は言った。", "それから帰った。"}},
		{"ja", "本当ですか？はい！", []string{"本当ですか？", "はい！"}},
		{"ja", "価格は3.5ドルです。安い。", []string{"価格は3.5ドルです。", "安い。"}},
		{"ja", "「行く？」って聞いた。", []string{"「行く？」って聞いた。"}},
		{"ja", "米国のU.S. Steelは難航している。反対だ。", []string{"米国のU.S. Steelは難航している。", "反対だ。"}},
		// Chinese
		{"zh", "今天天气很好。我们去公园吧！你来吗？", []string{"今天天气很好。", "我们去公园吧！", "你来吗？"}},
		{"zh", "他说：“我们会努力。”然后离开了。", []string{"他说：“我们会努力。”", "然后离开了。"}},
		{"zh-Hant", "價格上漲了3.5%。市場穩定。", []string{"價格上漲了3.5%。", "市場穩定。"}},
		{"zh", "访问 example.com 了解更多。谢谢。", []string{"访问 example.com 了解更多。", "谢谢。"}},
		{"zh", "什么？！真的吗……我不知道。", []string{"什么？！", "真的吗……我不知道。"}},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.para, func(t *testing.T) {
			got := Sentences(tc.lang, tc.para)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Sentences(%q, %q)\n got %q\nwant %q", tc.lang, tc.para, got, tc.want)
			}
			checkCover(t, tc.para, got)
		})
	}
}

func TestSentencesTags(t *testing.T) {
	tests := []struct {
		para string
		want []string
	}{
		{"{1}Hello.{/1} World", []string{"{1}Hello.{/1}", "World"}},
		{"{1}Hello. World{/1} Again. Next.", []string{"{1}Hello. World{/1} Again.", "Next."}},
		{"Hello. {1}World{/1}. Next.", []string{"Hello.", "{1}World{/1}.", "Next."}},
		{"Mr.{1} Smith{/1} came. He left.", []string{"Mr.{1} Smith{/1} came.", "He left."}},
		{"It was {1}Mr.{/1} Smith. He left.", []string{"It was {1}Mr.{/1} Smith.", "He left."}},
		{"Done. {1}then{/1} more.", []string{"Done. {1}then{/1} more."}},
		{`He said {1}"yes."{/1} Then left.`, []string{`He said {1}"yes."{/1}`, "Then left."}},
		{"{1}He said. “Fine.”{/1} Then. Done.", []string{"{1}He said. “Fine.”{/1}", "Then.", "Done."}},
		{"{1}{2}Deep.{/2}{/1} Next.", []string{"{1}{2}Deep.{/2}{/1}", "Next."}},
		{"End.{2/} Next one.", []string{"End.{2/}", "Next one."}},
		{"End. {2/}Next one.", []string{"End.", "{2/}Next one."}},
		{"Price 3.{1}5{/1} euros. Fine.", []string{"Price 3.{1}5{/1} euros.", "Fine."}},
	}
	for _, tc := range tests {
		t.Run(tc.para, func(t *testing.T) {
			got := Sentences("en", tc.para)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.para, got, tc.want)
			}
			checkCover(t, tc.para, got)
			for _, s := range got {
				if err := tags.Balanced(s); err != nil {
					t.Errorf("sentence %q: %v", s, err)
				}
			}
		})
	}
}

// checkCover checks that sentences are the paragraph's text, in order, with
// nothing but white space left out.
func checkCover(t *testing.T, para string, sentences []string) {
	t.Helper()
	pos := 0
	for _, s := range sentences {
		if s == "" || s != strings.TrimSpace(s) {
			t.Fatalf("sentence %q is empty or not trimmed", s)
		}
		i := strings.Index(para[pos:], s)
		if i < 0 || strings.TrimSpace(para[pos:pos+i]) != "" {
			t.Fatalf("sentence %q does not follow %q in %q", s, para[:pos], para)
		}
		pos += i + len(s)
	}
	if strings.TrimSpace(para[pos:]) != "" {
		t.Fatalf("%q left out of %q", para[pos:], para)
	}
	if noSpace(strings.Join(sentences, " ")) != noSpace(para) {
		t.Fatalf("joined sentences differ from %q", para)
	}
}

func noSpace(s string) string {
	return strings.Map(func(c rune) rune {
		if unicode.IsSpace(c) {
			return -1
		}
		return c
	}, s)
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"“Yes.” He left.", "Am 3. Oktober. Gut.", "「はい。」と。", "« Oui. » Non.",
		"¿Qué? ¡No!", "a. b. C.", ". . .", "…", "x.\u00A0Y", "1. A", "[…] X", "Home\nNews | A | B",
		"Tel +", "a@b.c", "+1 (", "- -", "{1}A.{/1} B.", "{1}x. {2/}Y{/1}", "米国のU.S. 他"} {
		f.Add("en", s)
	}
	f.Fuzz(func(t *testing.T, lang, para string) {
		if !utf8.ValidString(para) {
			return
		}
		got := Sentences(lang, para)
		checkCover(t, para, got)
		if tags.Balanced(para) == nil {
			for _, s := range got {
				if err := tags.Balanced(s); err != nil {
					t.Fatalf("sentence %q of %q: %v", s, para, err)
				}
			}
		}
		BoilerplateLines(lang, strings.Split(para, "\n")) // must not panic
	})
}

func BenchmarkSentences(b *testing.B) {
	para := "Mr. Smith met Dr. Jones on Tuesday. “We will see,” he said. The U.S. economy grew 3.5 percent in the third quarter, e.g. in services. Prices rose!"
	for b.Loop() {
		Sentences("en", para)
	}
}
