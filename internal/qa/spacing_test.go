package qa

import (
	"testing"
)

func TestPunctSpacing(t *testing.T) {
	nb, nn := typoNB, typoNNB
	typoTable(t, "punct-spacing", []typoCase{
		// English and the other languages that set no space before punctuation.
		{"fr>en", "", "Hello ,world", 2, "Hello, world"},
		{"fr>en", "", "Really ? Yes !", 2, "Really? Yes!"},
		{"fr>en", "", "Note : this.", 1, "Note: this."},
		{"fr>en", "", "Note" + nb + ": this" + nn + "!", 2, "Note: this!"},
		{"fr>en", "", "It ends here .", 1, "It ends here."},
		{"fr>en", "", "Hello  .", 1, "Hello."},
		{"fr>en", "", "See ( page 5 ).", 2, "See (page 5)."},
		{"fr>en", "", "Red,green;blue:yellow.", 3, "Red, green; blue: yellow."},
		{"fr>en", "", "He said “ hello ” today.", 2, "He said “hello” today."},
		{"en>de", "", "Was ? Er sagte „ Hallo “.", 3, "Was? Er sagte „Hallo“."},
		{"en>es", "", "¿ Qué tal ? ¡ Hola !", 4, "¿Qué tal? ¡Hola!"},
		{"en>es", "", "Dijo « hola » y entonces ...", 3, "Dijo «hola» y entonces..."},
		{"en>it", "", "Ciao ! E poi …", 2, "Ciao! E poi…"},
		{"en>pt", "", "Olá ! Tudo bem ?", 2, "Olá! Tudo bem?"},
		{"en>nl", "", "Hallo ! Hoe gaat het ?", 2, "Hallo! Hoe gaat het?"},
		{"en>ko", "", "안녕하세요 ! 서울,부산", 2, "안녕하세요! 서울, 부산"},
		// French: a no-break space before ; : ! ? » and after «.
		{"en>fr", "", "Où ? Ici : maintenant ; oui !", 4, "Où" + nn + "? Ici" + nb + ": maintenant" + nn + "; oui" + nn + "!"},
		{"en>fr", "", "Où? Ici: maintenant; oui!", 4, "Où" + nn + "? Ici" + nb + ": maintenant" + nn + "; oui" + nn + "!"},
		{"en>fr", "", "Note:voici", 2, "Note" + nb + ": voici"},
		{"en>fr", "", "Il a dit « bonjour ».", 2, "Il a dit «" + nb + "bonjour" + nb + "»."},
		{"en>fr", "", "Il a dit «bonjour».", 2, "Il a dit «" + nb + "bonjour" + nb + "»."},
		{"en>fr", "", "Il a dit «  bonjour" + nb + "».", 1, "Il a dit «" + nb + "bonjour" + nb + "»."},
		{"en>fr", "", "Il hésita …", 1, "Il hésita…"},
		{"en>fr", "", "Oui" + nb + ", non" + nn + ".", 2, "Oui, non."},
		{"en>fr-CH", "", "Où? Ici: oui!", 3, "Où" + nn + "? Ici" + nn + ": oui" + nn + "!"},
		{"en>fr-CA", "", "Où? Ici: maintenant!", 1, "Où? Ici" + nb + ": maintenant!"},
		{"en>fr-CA", "", "Où ? Ici : maintenant !", 3, "Où? Ici" + nb + ": maintenant!"},
		// CJK: full-width marks, no spaces around them.
		{"en>zh", "", "你好, 世界. 真的?", 3, "你好，世界。真的？"},
		{"en>zh", "", "你好 ，世界 。", 2, "你好，世界。"},
		{"en>zh", "", "你好。 我们走吧。", 1, "你好。我们走吧。"},
		{"en>zh", "", "他说：“ 你好 ”。", 2, "他说：“你好”。"},
		{"en>ja", "", "こんにちは, 世界.", 2, "こんにちは、世界。"},
		{"en>ja", "", "彼は 「 こんにちは 」と言った。", 3, "彼は「こんにちは」と言った。"},
		{"en>zh-Hant", "", "你好, 世界!", 2, "你好，世界！"},

		// Clean: numbers, abbreviations, URLs, e-mail, smileys, code.
		{"fr>en", "", "U.S. officials paid $1,250.5 at 12:30 (see p. 5), i.e., on time...", 0, ""},
		{"fr>en", "", "Go to http://x.com/a?b=c,d or www.x.org/p;q or mail a.b@c.com; ok.", 0, ""},
		{"fr>en", "", "Nice :) and ;-) and :D, really. The .NET team won 2 : 1.", 0, ""},
		{"fr>en", "", "Wait ... what? R&amp;D; the ( ) and [ ] are empty.", 0, ""},
		{"fr>en", "", "<b>Hello</b> world, `a ,b` and <a href=\"x\">link</a>.", 0, ""},
		{"fr>xx", "", "EU:n jäsenmaat ja USA:ssa; hello!", 0, ""},
		{"en>de", "", "z. B. 1.250,5 Euro um 12:30 Uhr. Er sagte …, „Hallo“ und »Servus«.", 0, ""},
		{"en>es", "", "¿Qué tal? ¡Hola! Dijo «hola» y “adiós”. Y entonces…", 0, ""},
		{"en>fr", "", "Où" + nn + "? Ici" + nb + ": maintenant" + nn + "; oui" + nn + "!", 0, ""},
		{"en>fr", "", "Où" + nb + "? Ici" + nb + ": maintenant" + nb + "; oui" + nb + "!", 0, ""},
		{"en>fr", "", "«" + nb + "Bonjour" + nn + "!" + nb + "», dit-il à 12:30. Quoi" + nn + "?! (?) 1" + nn + "250,5 Il hésita… puis", 0, ""},
		{"en>fr", "", "Voir https://exemple.fr/a?b=c et écrire à a@b.fr ; M. Dupont", 1, "Voir https://exemple.fr/a?b=c et écrire à a@b.fr" + nn + "; M. Dupont"},
		{"en>fr-CA", "", "Où? Ici" + nb + ": maintenant" + nn + "! «" + nb + "Oui" + nb + "»", 0, ""},
		{"en>fr", "", "Super :) et ;-) à 12:30, voir http://x.fr:8080/a?b=c" + nn + "!", 0, ""},
		{"en>ko", "", "안녕하세요! 서울, 부산: 12:30.", 0, ""},
		{"en>ja", "", "こんにちは、世界。「こんにちは」と言った。Python 3.12を使う。午後3:30に。", 0, ""},
		{"en>zh", "", "你好，世界。他说：“你好。”版本 3.5 发布。访问example.com。Python, Java", 0, ""},
	})
}

func TestDoubleSpace(t *testing.T) {
	typoTable(t, "double-space", []typoCase{
		{"en>en", "x", "Hello  world.", 1, "Hello world."},
		{"en>en", "x", "Hello   big  world.", 2, "Hello big world."},
		{"en>en", "x", "Hello \u00a0world.", 1, "Hello\u00a0world."},
		{"en>fr", "x", "10\u00a0 km et 5 \u202fkm", 2, "10\u00a0km et 5\u202fkm"},
		{"en>en", "x", "a\t\tb", 1, "a b"},
		{"en>ja", "x", "東京\u3000\u3000大阪", 1, "東京\u3000大阪"},

		// Clean: single spaces, edges, line breaks, runs that punct-spacing mends.
		{"en>en", "x", "Hello world.", 0, ""},
		{"en>en", "x", "  Hello world.  ", 0, ""},
		{"en>en", "x", "Line one.  \n  Line two.", 0, ""},
		{"en>en", "x", "Hello  .", 0, ""},
		{"en>fr", "x", "mot \u00a0: oui", 0, ""},
		{"en>fr", "x", "Il a dit « \u00a0oui\u00a0».", 0, ""},
	})
}

func TestEdgeWhitespace(t *testing.T) {
	typoTable(t, "edge-whitespace", []typoCase{
		{"en>en", "Hello", " Hello", 1, "Hello"},
		{"en>en", "Hello", "Hello ", 1, "Hello"},
		{"en>en", "Hello", " \tHello\u00a0 ", 2, "Hello"},
		{"en>en", "Hello", "Hello\n", 1, "Hello"},
		{"en>en", "Hello", "\ufeffHello\u200b", 2, "Hello"},
		{"en>en", "Hello", "   ", 1, ""},
		{"", "", " Hello", 1, "Hello"},

		// Clean: no edge spaces, or the source has them too.
		{"en>en", "Hello", "Hello", 0, ""},
		{"en>en", " Hello", " Bonjour", 0, ""},
		{"en>en", "Hello ", "Bonjour\u00a0", 0, ""},
		{"en>en", "Hello", "", 0, ""},
	})
}

// TestTypoClean runs every typography check on clean segments of many
// languages: none may find anything.
func TestTypoClean(t *testing.T) {
	nb, nn := typoNB, typoNNB
	cases := []typoCase{
		{"fr>en", "Le président a dit : « Nous continuerons. »", "The president said: “We will go on.”", 0, ""},
		{"fr>en", "« Il a dit “non” », a-t-elle expliqué.", "“He said ‘no’,” she explained.", 0, ""},
		{"en>en-GB", "“He said ‘no’,” she explained.", "‘He said “no”,’ she explained.", 0, ""},
		{"en>fr", "The U.S. paid $1,250.5 at 12:30 (see p. 5).", "Les États-Unis ont payé 1" + nn + "250,5" + nb + "$ à 12" + nb + "h" + nb + "30 (voir p." + nb + "5).", 0, ""},
		{"en>fr", "He asked: “Why?”", "Il a demandé" + nb + ": «" + nb + "Pourquoi" + nn + "?" + nb + "»", 0, ""},
		{"en>fr", "He asked: “Why?”", "Il a demandé" + nn + ": «" + nn + "Pourquoi" + nn + "?" + nn + "»", 0, ""},
		{"en>fr", "“It continues.", "«" + nb + "Cela continue.", 0, ""},
		{"en>fr", "It ends.”", "Cela finit." + nb + "»", 0, ""},
		{"en>fr-CA", "Why? Note: yes!", "Pourquoi? Note" + nb + ": oui!", 0, ""},
		{"en>de", "He said “hello” and ‘bye’.", "Er sagte „Hallo“ und ‚tschüss‘.", 0, ""},
		{"en>de", "He said “hello”.", "Er sagte »Hallo«, z. B. um 12:30 Uhr für 1.250,50 Euro.", 0, ""},
		{"en>de-CH", "He said “hello”.", "Er sagte «Hallo», die Strasse kostet 1’250.50 Franken.", 0, ""},
		{"en>es", "“Why?” he asked.", "«¿Por qué?», preguntó.", 0, ""},
		{"en>es", "“Why?” he asked.", "“¿Por qué?”, preguntó.", 0, ""},
		{"en>es-MX", "“Why?” he asked.", "“¿Por qué?”, preguntó.", 0, ""},
		{"en>it", "He said “hello” in the ’90s.", "Disse «ciao» negli anni ’90, un po’ dell’Italia.", 0, ""},
		{"en>pt", "He said “hello”.", "Disse «olá».", 0, ""},
		{"en>pt-BR", "He said “hello”.", "Disse “olá”.", 0, ""},
		{"en>nl", "He said “hello”.", "Hij zei „hallo” en ’s avonds “dag”.", 0, ""},
		{"ko>en", "그는 “안녕”이라고 말했다.", "He said “hello”.", 0, ""},
		{"en>ko", "He said “hello” (twice).", "그는 “안녕”이라고 (두 번) 말했다.", 0, ""},
		{"en>ja", "He said “hello” (twice).", "彼は「こんにちは」と（二回）言った。", 0, ""},
		{"ja>en", "彼は「こんにちは」と言った。", "He said “hello”.", 0, ""},
		{"en>zh", "He said: “Hello.” (Really?)", "他说：“你好。”（真的吗？）", 0, ""},
		{"zh>en", "他说：“你好。”", "He said: “Hello.”", 0, ""},
		{"en>zh-Hant", "He said: “Hello.”", "他說：「你好。」", 0, ""},
		{"en>en", "Mail a.b@c.com or see https://x.com/a_(b)?c=d,e :)", "Mail a.b@c.com or see https://x.com/a_(b)?c=d,e :)", 0, ""},
		{"en>en", "1) First, James’ book; rock ’n’ roll in the ’90s…", "1) First, James’ book; rock ’n’ roll in the ’90s…", 0, ""},
	}
	for _, c := range cases {
		if got := typoCheck(typoInput(c), typoIDs...); len(got) != 0 {
			t.Errorf("%s %q: %+v", c.langs, c.target, got)
		}
	}
}

// BenchmarkTypography runs the checks of quotes.go and spacing.go on a typical
// news sentence pair of about 150 characters.
func BenchmarkTypography(b *testing.B) {
	for _, bc := range []struct {
		name string
		in   Input
	}{
		{"en>fr", Input{SourceLang: "en", TargetLang: "fr",
			Source: "The minister said on Tuesday that the new rules, which take effect in March, would “protect workers” (and their families) from rising costs.",
			Target: "Le ministre a déclaré mardi que les nouvelles règles, qui entrent en vigueur en mars, «\u00a0protégeraient les travailleurs\u00a0» (et leurs familles) de la hausse des coûts\u202f!"}},
		{"fr>en", Input{SourceLang: "fr", TargetLang: "en",
			Source: "Le ministre a déclaré mardi que les nouvelles règles, qui entrent en vigueur en mars, «\u00a0protégeraient les travailleurs\u00a0» (et leurs familles) de la hausse des coûts.",
			Target: "The minister said on Tuesday that the new rules, which take effect in March, would “protect workers” (and their families) from rising costs."}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := &Segment{Input: bc.in, Src: ProfileFor(bc.in.SourceLang), Tgt: ProfileFor(bc.in.TargetLang), HasSource: true}
			var fns []checkFunc
			for _, r := range registry {
				for _, id := range typoIDs {
					if r.id == id {
						fns = append(fns, r.fn)
					}
				}
			}
			if len(fns) != len(typoIDs) {
				b.Fatalf("%d of %d checks registered", len(fns), len(typoIDs))
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, fn := range fns {
					if len(fn(s)) != 0 {
						b.Fatal("the benchmark pair is not clean")
					}
				}
			}
		})
	}
}
