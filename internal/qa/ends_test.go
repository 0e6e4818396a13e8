package qa

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// contCase is one segment for one check. langs is "source>target"; an empty
// source language with an empty source checks a text without one.
type contCase struct {
	langs          string
	source, target string
	want           int    // issues of the check
	fixed          string // the target with every fix applied, when want > 0
}

// contRun runs the checks named on in, as Check does.
func contRun(in Input, ids ...string) []Issue {
	out := []Issue{}
	for _, is := range Check(in) {
		for _, id := range ids {
			if is.Check == id {
				out = append(out, is)
			}
		}
	}
	return out
}

func contInput(c contCase) Input {
	src, tgt, _ := strings.Cut(c.langs, ">")
	return Input{SourceLang: src, TargetLang: tgt, Source: c.source, Target: c.target}
}

// contTable runs the cases of one check: the number of issues, their spans
// and messages, the text with the fixes applied, and that it is then clean.
func contTable(t *testing.T, ids string, cases []contCase) {
	t.Helper()
	idl := strings.Fields(ids)
	for _, c := range cases {
		in := contInput(c)
		got := contRun(in, idl...)
		if len(got) != c.want {
			t.Errorf("%s %s %q → %q: %d issues, want %d: %s", ids, c.langs, c.source, c.target, len(got), c.want, contShow(got))
			continue
		}
		for _, is := range got {
			if msg := contBad(c.target, is); msg != "" {
				t.Errorf("%s %s %q: %s: %+v", ids, c.langs, c.target, msg, is)
			}
		}
		if c.want == 0 || c.fixed == "" {
			continue
		}
		fixed, _ := ApplyAll(c.target, got)
		if fixed != c.fixed {
			t.Errorf("%s %s %q: fixed to %q, want %q", ids, c.langs, c.target, fixed, c.fixed)
			continue
		}
		in.Target = fixed
		if again := contRun(in, idl...); len(again) != 0 {
			t.Errorf("%s %s %q: the fixed text %q still has %s", ids, c.langs, c.target, fixed, contShow(again))
		}
	}
}

func contShow(issues []Issue) string {
	var b strings.Builder
	for _, is := range issues {
		b.WriteString(is.Check + "[" + string(is.Severity) + "]")
		for k, v := range is.Args {
			b.WriteString(" " + k + "=" + v)
		}
		if is.Fix != nil {
			b.WriteString(" fix=" + *is.Fix)
		}
		b.WriteString("; ")
	}
	return b.String()
}

// contBad reports what is wrong with the span, message or fix of is, or "".
func contBad(target string, is Issue) string {
	switch {
	case is.Start < 0 || is.Start > is.End || is.End > len(target):
		return "span out of the target"
	case is.Start < len(target) && !utf8.RuneStart(target[is.Start]) || is.End < len(target) && !utf8.RuneStart(target[is.End]):
		return "span not on rune boundaries"
	case is.Message != "qa."+is.Check:
		return "message is not qa.<check>"
	}
	if fixed, ok := Apply(target, is); ok && !utf8.ValidString(fixed) {
		return "fix makes invalid UTF-8"
	}
	return ""
}

func TestEndPunct(t *testing.T) {
	contTable(t, "end-punct", []contCase{
		// clean: the same mark, or its equivalent in the target's script
		{"en>fr", "He left.", "Il est parti.", 0, ""},
		{"en>fr", "Why?", "Pourquoi\u202f?", 0, ""},
		{"en>fr", "Here is how:", "Voici comment\u00a0:", 0, ""},
		{"en>ja", "He left.", "彼は去った。", 0, ""},
		{"en>zh", "Really?", "真的吗？", 0, ""},
		{"zh>en", "真的吗！", "Really!", 0, ""},
		{"ko>en", "그는 떠났다.", "He left.", 0, ""},
		{"en>es", "Why?", "¿Por qué?", 0, ""},
		{"en>de", "Wait...", "Warte…", 0, ""},
		{"en>fr", "Wait…", "Attends...", 0, ""},
		{"en>de", "Stocks fall", "Aktien fallen", 0, ""},
		// a closing quote or bracket after or before the mark
		{"en>fr", "He said “yes.”", "Il a dit « oui ».", 0, ""},
		{"en>en-GB", "He said “yes”.", "He said ‘yes.’", 0, ""},
		{"en>fr", "He asked “why?”", "Il a demandé « pourquoi ? ».", 0, ""},
		{"en>ja", "He said “yes.”", "彼は「はい」と言った。", 0, ""},
		{"en>de", "(See below.)", "(Siehe unten.)", 0, ""},
		{"en>de", "He said <b>yes.</b>", "Er sagte <b>ja.</b>", 0, ""},
		// a quotation that runs over two segments
		{"en>fr", "He said: “We will win.", "Il a déclaré : « Nous gagnerons.", 0, ""},
		{"en>fr", "And we will.”", "Et nous le ferons. »", 0, ""},
		// an abbreviation's full stop may end the sentence or not
		{"en>fr", "Talks with the U.S.", "Pourparlers avec les États-Unis", 0, ""},
		{"en>de", "Apples, pears, etc.", "Äpfel, Birnen usw.", 0, ""},
		{"en>fr", "He works for Apple Inc.", "Il travaille pour Apple Inc", 0, ""},
		{"en>fr", "He said no.", "Il a dit non", 1, "Il a dit non."},
		{"en>fr", "See fig.", "Voir la figure", 1, "Voir la figure."},
		// the source's fragment ends in a comma
		{"en>fr", "When he came,", "Quand il est venu.", 0, ""},
		// missing: the target language's mark is appended
		{"en>fr", "He left.", "Il est parti", 1, "Il est parti."},
		{"en>ja", "He left.", "彼は去った", 1, "彼は去った。"},
		{"en>zh", "Really?", "真的吗", 1, "真的吗？"},
		{"en>fr", "Really?", "Vraiment", 1, "Vraiment\u202f?"},
		{"en>fr-CA", "Really?", "Vraiment", 1, "Vraiment?"},
		{"en>de", "He said “yes.”", "Er sagte „ja“", 1, "Er sagte „ja.“"},
		{"en>fr", "He left.", "Il est parti,", 1, "Il est parti."},
		{"en>de", "He left.  ", "Er ging  ", 1, "Er ging.  "},
		// extra: a headline without a full stop
		{"en>fr", "Stocks fall", "Les actions chutent.", 1, "Les actions chutent"},
		{"ko>en", "주가 하락", "Stocks fall.", 1, "Stocks fall"},
		{"en>ja", "Stocks fall", "株価下落。", 1, "株価下落"},
		// another mark
		{"en>de", "Why?", "Warum.", 1, "Warum?"},
		{"en>fr", "Why?", "Pourquoi.", 1, "Pourquoi\u202f?"},
		{"en>fr", "He left.", "Il est parti ?", 1, "Il est parti."},
		{"en>zh", "He left!", "他走了。", 1, "他走了！"},
		{"en>el", "Why?", "Γιατί;", 0, ""},
		{"en>th", "He left.", "เขาจากไป", 0, ""},
		{"en>hi", "He left.", "वह चला गया।", 0, ""},
		{"en>el", "Why?", "Γιατί", 1, "Γιατί;"},
		{"en>el", "Why?", "Γιατί.", 1, "Γιατί;"},
		// no source: nothing to compare
		{">fr", "", "Il est parti", 0, ""},
	})
}

func TestInvertedPunct(t *testing.T) {
	contTable(t, "inverted-punct", []contCase{
		{"en>es", "Why?", "¿Por qué?", 0, ""},
		{"en>es", "Hello!", "¡Hola!", 0, ""},
		{"en>es", "And you, what do you think?", "Y tú, ¿qué piensas?", 0, ""},
		{"en>es", "Wow, what a goal!", "¡Vaya, qué gol!", 0, ""},
		{"en>es", "It was born in 1870 (?).", "Nació en 1870 (?).", 0, ""},
		{"en>es", "See example.com/?q=1 now.", "Vea example.com/?q=1 ahora.", 0, ""},
		{"en>es-MX", "Why? Because.", "¿Por qué? Porque.", 0, ""},
		{"en>fr", "Why?", "Pourquoi ?", 0, ""},
		{"en>en", "Why?", "Why?", 0, ""},
		{"en>es", "Why?", "Por qué?", 1, "¿Por qué?"},
		{"en>es", "Hello!", "Hola!", 1, "¡Hola!"},
		{"en>es", "And you, what do you think?", "Y tú, qué piensas?", 1, "Y tú, ¿qué piensas?"},
		{"en>es", "It is nice, isn't it?", "Es bonito, verdad?", 1, "Es bonito, ¿verdad?"},
		{"en>es", "If you come tomorrow, will you stay?", "Si vienes mañana, te quedarás?", 1, "¿Si vienes mañana, te quedarás?"},
		{"en>es", "He left. Why? Nobody knows.", "Se fue. Por qué? Nadie lo sabe.", 1, "Se fue. ¿Por qué? Nadie lo sabe."},
		{"en>es", "He asked: “Are you coming?”", "Preguntó: «Vienes?»", 1, "Preguntó: «¿Vienes?»"},
		{"en>es", "Mr. Pérez, are you coming?", "Sr. Pérez, vienes?", 1, "¿Sr. Pérez, vienes?"},
		{"en>es", "Why? Why not!", "Por qué? Por qué no!", 2, "¿Por qué? ¡Por qué no!"},
		{"en>es", "At 10:30, are you coming?", "A las 10:30, vienes?", 1, "¿A las 10:30, vienes?"},
	})
}

func TestSentenceCase(t *testing.T) {
	contTable(t, "sentence-case", []contCase{
		// clean
		{"fr>en", "Il est parti. Elle est restée.", "He left. She stayed.", 0, ""},
		{"fr>en", "Les États-Unis.", "The U.S. economy grew.", 0, ""},
		{"en>en-GB", "It costs approx. three euros, e.g. in Paris.", "It costs approx. three euros, e.g. in Paris.", 0, ""},
		{"en>de", "For example the house.", "Zum Beispiel z. B. das Haus, d. h. der Bau.", 0, ""},
		{"en>de", "on 3 May and 4 June", "am 3. und 4. Juni", 0, ""},
		{"en>fr", "See p. 4, etc. and more.", "Voir p. 4, etc. et plus.", 0, ""},
		{"en>es", "Mr. Smith came.", "El Sr. López vino. EE. UU. y México.", 0, ""},
		{"en>fr", "iPhone sales fell.", "les ventes d'iPhone ont baissé.", 0, ""},
		{"en>fr", "Sales of the iPhone fell.", "iPhone : les ventes baissent.", 0, ""},
		{"en>de", "Shares of adidas fell.", "adidas-Aktien fielen.", 0, ""},
		{"en>fr", "Shares of adidas fell.", "adidas a chuté.", 0, ""},
		{"en>fr", "Then de Gaulle spoke.", "Puis il partit. de Gaulle a parlé.", 0, ""},
		{"es>fr", "Es de la ciudad.", "Il est parti. de la ville.", 1, "Il est parti. De la ville."},
		{"en>fr", "Then De Gaulle spoke.", "Puis il partit. de Gaulle a parlé.", 1, "Puis il partit. De Gaulle a parlé."},
		{"en>en", "and then he left.", "and then he left.", 0, ""},
		{"en>fr", "…and then he left.", "…et puis il est parti.", 0, ""},
		{"en>fr", "He hesitated… then left.", "Il hésita… puis partit.", 0, ""},
		{"en>fr", "“Coming?” he asked.", "« Tu viens ? » demanda-t-il.", 0, ""},
		{"en>es", "“Coming?” he asked.", "¿Vienes? —preguntó él.", 0, ""},
		{"ko>fr", "정말? 그가 물었다.", "Vraiment ? demanda-t-il.", 0, ""},
		{"en>fr", "3 people died.", "3 personnes sont mortes.", 0, ""},
		{"en>en", "Items: a) one; b) two.", "Items: a) one; b) two.", 0, ""},
		{"en>nl", "In the morning he left.", "'s Morgens vertrok hij.", 0, ""},
		{"en>en", "Visit example.com. www.example.com has it.", "Visit example.com. www.example.com has it.", 0, ""},
		{"en>ko", "he left.", "그는 떠났다.", 0, ""},
		{"en>ja", "He left. she stayed.", "彼は去った。 彼女は残った。", 0, ""},
		{"en>fr", "He was at 9 a.m. in the office.", "Il était à 9 h. au bureau. À 10 a.m. il partit.", 0, ""},
		{"en>tr", "It is in Istanbul.", "İstanbul'da.", 0, ""},
		// a fragment left in lower case
		{"fr>en", "Il est parti.", "he left.", 1, "He left."},
		{"ko>en", "그는 떠났다. 그녀는 남았다.", "He left. she stayed.", 1, "He left. She stayed."},
		{"ja>en", "彼は去った。", "he left.", 1, "He left."},
		{"en>fr", "The man left.", "l'homme est parti.", 1, "L'homme est parti."},
		{"en>es", "What happens?", "¿qué pasa?", 1, "¿Qué pasa?"},
		{"en>fr", "He left. “And then?”", "Il est parti. « et puis ? »", 1, "Il est parti. « Et puis ? »"},
		{"en>de", "He left. The end.", "Er ging. das Ende.", 1, "Er ging. Das Ende."},
		{"en>fr", "Anti-war protests grew.", "anti-guerre, les manifestations ont grandi.", 1, "Anti-guerre, les manifestations ont grandi."},
		{"en>en", "He left! Why? nobody knows.", "He left! why? nobody knows.", 0, ""},
		{"fr>en", "Il est parti ! Pourquoi ? Personne ne sait.", "He left! why? Nobody knows.", 1, "He left! Why? Nobody knows."},
		{"en>tr", "Istanbul is big.", "istanbul büyük.", 1, "İstanbul büyük."},
		{">en", "", "he left.", 1, "He left."},
	})
}

func TestRepeatedWord(t *testing.T) {
	contTable(t, "repeated-word", []contCase{
		{"fr>en", "Il avait eu", "He had had enough; that that is true.", 0, ""},
		{"en>fr", "We wash", "Nous nous lavons, vous vous lavez.", 0, ""},
		{"en>de", "The woman who reads the paper", "Die Frau, die die Zeitung liest, sah, dass sie sie kannte.", 0, ""},
		{"en>nl", "She combs her hair", "Ze kamt haar haar.", 0, ""},
		{"en>fr", "In Bora Bora", "À Bora Bora, 1 000 000 euros.", 0, ""},
		{"en>zh", "Every day", "天天 看看", 0, ""},
		{"en>ja", "Every day", "毎日毎日", 0, ""},
		{"en>ko", "Hurry hurry", "빨리 빨리 하나 하나", 0, ""},
		{"en>fr", "the, the", "le, le", 0, ""},
		{"en>fr", "He laughed: ha ha", "Il rit : ha ha", 0, ""},
		{"en>it", "slowly", "piano piano", 0, ""},
		{"en>fr", "He said “the the” twice", "Il a dit « the the » deux fois", 0, ""},
		{"en>fr", "Sing Sing", "Sing Sing", 0, ""},
		{"fr>en", "le chat", "the the cat", 1, "the cat"},
		{"fr>en", "le chat", "The the cat", 1, "The cat"},
		{"en>fr", "of the", "de de la ville", 1, "de la ville"},
		{"en>de", "in the city", "in  in der Stadt", 1, "in der Stadt"},
		{"en>es", "that he", "que que él", 1, "que él"},
		{"en>ko", "that", "그 그 사람", 1, "그 사람"},
		{"en>fr", "It is in Paris", "C'est à à Paris", 1, "C'est à Paris"},
		{"en>en", "It is a cat and a dog.", "It is a a cat and and a dog.", 2, "It is a cat and a dog."},
	})
}
