package qa

import "testing"

func TestURLMismatch(t *testing.T) {
	contTable(t, "url-mismatch", []contCase{
		{"en>fr", "See https://example.com/a?b=1.", "Voir https://example.com/a?b=1.", 0, ""},
		{"en>fr", "Visit www.example.com.", "Visitez www.example.com !", 0, ""},
		{"en>ja", "Visit www.example.com.", "www.example.comをご覧ください。", 0, ""},
		{"en>de", "Write to news@example.com, please.", "Schreiben Sie an news@example.com.", 0, ""},
		{"en>fr", "(see https://en.wikipedia.org/wiki/Paris_(France))", "(voir https://en.wikipedia.org/wiki/Paris_(France))", 0, ""},
		{"en>fr", "See HTTPS://Example.com/a.", "Voir https://example.com/a.", 0, ""},
		{"en>fr", "A <a href=\"https://x.com/a\">link</a>.", "Un <a href=\"https://x.com/b\">lien</a>.", 0, ""},
		{"en>fr", "Follow @afp on X.", "Suivez @afp sur X.", 0, ""},
		{"en>fr", "See WWW.EXAMPLE.COM or www.example.com.", "Voir www.example.com.", 0, ""},
		{"en>fr", "See WWW.EXAMPLE.ORG.", "Voir www.example.com.", 1, ""},
		{"en>fr", "See https://example.com/news.", "Voir https://example.com/nouvelles.", 1, "Voir https://example.com/news."},
		{"en>fr", "See www.example.com.", "Voir www.exemple.com.", 1, "Voir www.example.com."},
		{"en>fr", "See https://example.com/news.", "Voir le site.", 1, ""},
		{"en>de", "Write to news@example.com.", "Schreiben Sie an news @ example.com.", 1, ""},
	})
}

func TestMarkupMismatch(t *testing.T) {
	contTable(t, "markup-mismatch", []contCase{
		{"en>fr", "A <b>bold</b> word.", "Un mot <b>gras</b>.", 0, ""},
		{"en>fr", "<i>One</i> and <b>two</b>", "<b>deux</b> et <i>un</i>", 0, ""},
		{"en>fr", "A <a href=\"https://x.com\" title=\"Home\">link</a>.", "Un <a title=\"Accueil\" href=\"https://x.com\">lien</a>.", 0, ""},
		{"en>fr", "Line<br>break", "Saut<br/>de ligne", 0, ""},
		{"en>fr", "Hello {name}, you have %d messages.", "Bonjour {name}, vous avez %d messages.", 0, ""},
		{"en>fr", "Hello {{ name }}", "Bonjour {{name}}", 0, ""},
		{"en>fr", "Text <x1/> here", "Texte <x1/> ici", 0, ""},
		{"en>fr", "It rose 50% in 2020.", "Il a augmenté de 50 % en 2020.", 0, ""},
		{"en>fr", "If a < b and c > d", "Si a < b et c > d", 0, ""},
		{"en>fr", "If x <y then", "Si x <y alors", 0, ""},
		{"en>fr", "If x <y then <b>go</b>", "Si x <y alors <b>va</b>", 0, ""},
		{"en>fr", "<b>Start of a bold run", "<b>Début d'un passage en gras", 0, ""},
		{"en>fr", "A <b>bold</b> word.", "Un mot gras.", 2, ""},
		{"en>fr", "A <b>bold</b> word.", "Un mot <b>gras.", 1, ""},
		{"en>fr", "A <b>bold</b> word.", "Un mot <b gras</b>.", 1, ""},
		{"en>fr", "A <a href=\"https://x.com/a\">link</a>.", "Un <a href=\"https://x.com/b\">lien</a>.", 1, "Un <a href=\"https://x.com/a\">lien</a>."},
		{"en>fr", "Hello {name}!", "Bonjour {nom} !", 1, "Bonjour {name} !"},
		{"en>fr", "You have %d messages.", "Vous avez des messages.", 1, ""},
		{"en>fr", "A <b>bold</b> word.", "Un <i>mot</i> <b>gras</b>.", 2, ""},
		{"en>fr", "<b>a <i>b</i></b>", "<b>a <i>b</b></i>", 1, ""},
	})
}
