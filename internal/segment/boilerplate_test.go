package segment

import (
	"slices"
	"testing"
)

func TestBoilerplate(t *testing.T) {
	tests := []struct {
		lang, line string
		want       bool
	}{
		// English furniture
		{"en", "Home", true},
		{"en", "Skip to content", true},
		{"en", "↑ Back to top", true},
		{"en", "Share", true},
		{"en", "Tweet", true},
		{"en", "Subscribe", true},
		{"en", "Sign in", true},
		{"en", "Read more", true},
		{"en", "Read more…", true},
		{"en", "Related articles", true},
		{"en", "Advertisement", true},
		{"en", "- Advertisement -", true},
		{"en", "Comments (12)", true},
		{"en", "We use cookies to improve your experience. By continuing, you agree.", true},
		{"en", "© 2024 Example News Ltd. All rights reserved.", true},
		{"en", "Copyright 2024 Example Media", true},
		{"en", "Contact: press@example.com", true},
		{"en", "Tel. +33 1 23 45 67 89", true},
		{"en", "Phone: (555) 123-4567", true},
		{"en", "Home | News | World", true},
		{"en", "Home › Politics › Europe", true},
		{"en", "Home > News > Europe", true},
		{"en", "Share · Tweet", true},
		{"en", "Facebook Twitter LinkedIn", true},
		{"en", "https://twitter.com/example https://facebook.com/example", true},
		{"en", "#news #politics #election", true},
		{"en", "Share on Facebook", true},
		{"en", "Follow us on Twitter", true},
		{"en", "READ MORE: Minister resigns over expenses", true},
		{"ko", "Share", true},
		{"ko", "맨 위로", true},
		// English text that stays
		{"en", "By Jane Doe", false},
		{"en", "The minister resigned on Tuesday.", false},
		{"en", "Home prices rose 5% in March", false},
		{"en", "Share prices fell sharply after the announcement.", false},
		{"en", "Read more about it in the report, she said.", false},
		{"en", "Minister resigns", false},
		{"en", "Paris | Reuters", false},
		{"en", "The EU requires websites to ask consent before using cookies.", false},
		{"en", "Photo: AFP", false},
		{"en", "Updated 3 January 2024", false},
		{"en", "Contact the police if you see him.", false},
		{"en", "Email us at tips@example.com if you have any information about the case.", false},
		{"en", "Shares +2.5% to 1,234,567", false},
		{"en", "Published 2024-01-03 12:30", false},
		{"en", "* * *", false},
		{"en", "Home.", false},
		{"en", "Back home", false},
		{"en", "• The government will raise taxes.", false},
		{"en", "He said: more work is needed.", false},
		{"en", "Search for survivors continues", false},
		{"en", "Next week, the talks resume.", false},
		{"en", "Politics", false},
		{"en", "", false},
		// French
		{"fr", "Accueil", true},
		{"fr", "Partager", true},
		{"fr", "Lire aussi : Le gouvernement annonce un plan", true},
		{"fr", "Retour en haut", true},
		{"fr", "Publicité", true},
		{"fr", "Tous droits réservés", true},
		{"fr", "Suivez-nous sur Facebook", true},
		{"fr", "Nous utilisons des cookies pour améliorer votre expérience.", true},
		{"fr", "Accueil » Politique » Europe", true},
		{"fr", "Par Jeanne Dupont", false},
		{"fr", "Le ministre a démissionné mardi.", false},
		{"fr", "Partager les richesses, voilà le but.", false},
		{"fr", "Accueil chaleureux à Paris", false},
		{"fr", "«\u00A0Non\u00A0», «\u00A0oui\u00A0», «\u00A0peut-être\u00A0»", false},
		{"fr", "Il a dit\u00A0: «\u00A0Partager\u00A0!\u00A0»", false},
		// German
		{"de", "Startseite", true},
		{"de", "Zurück nach oben", true},
		{"de", "Teilen", true},
		{"de", "Lesen Sie auch: Regierung plant Reform", true},
		{"de", "Anzeige", true},
		{"de", "Alle Rechte vorbehalten", true},
		{"de", "Wir verwenden Cookies, um unsere Website zu verbessern.", true},
		{"de", "Impressum", true},
		{"de-CH", "Datenschutz", true},
		{"de", "Von Hans Müller", false},
		{"de", "Die Regierung plant eine Reform.", false},
		{"de", "Teilen ist wichtig, sagte er.", false},
		{"de", "Anzeige gegen Unbekannt erstattet", false},
		// Spanish
		{"es", "Inicio", true},
		{"es", "Compartir", true},
		{"es", "Lee también: El Gobierno aprueba la reforma", true},
		{"es", "Volver arriba", true},
		{"es", "Publicidad", true},
		{"es", "Síguenos en Twitter", true},
		{"es", "Todos los derechos reservados", true},
		{"es", "Por Juan Pérez", false},
		{"es", "El Gobierno aprobó la reforma.", false},
		{"es", "Compartir es vivir, dijo.", false},
		{"es", "Inicio de la temporada", false},
		// A label of another language than the text's is no label.
		{"en", "Accueil", false},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.line, func(t *testing.T) {
			if got := Boilerplate(tc.lang, tc.line); got != tc.want {
				t.Errorf("Boilerplate(%q, %q) = %v, want %v", tc.lang, tc.line, got, tc.want)
			}
		})
	}
}

func TestBoilerplateLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []bool
	}{
		{"menu and footer",
			[]string{"Home", "News", "Sport", "Search", "Minister resigns", "By Jane Doe",
				"The minister resigned on Tuesday after weeks of pressure.", "Share", "Tweet"},
			[]bool{true, true, true, true, false, false, false, true, true}},
		{"headline after one label",
			[]string{"Home", "Politics", "Minister resigns", "The minister resigned on Tuesday."},
			[]bool{true, false, false, false}},
		{"text between labels",
			[]string{"Share", "The minister resigned on Tuesday.", "Share"},
			[]bool{true, false, true}},
		{"none", []string{"Minister resigns", "By Jane Doe"}, []bool{false, false}},
		{"empty", nil, []bool{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := BoilerplateLines("en", tc.lines); !slices.Equal(got, tc.want) {
				t.Errorf("BoilerplateLines(%q) = %v, want %v", tc.lines, got, tc.want)
			}
		})
	}
}

func BenchmarkBoilerplate(b *testing.B) {
	lines := []string{"Home › Politics › Europe", "The minister resigned on Tuesday after weeks of pressure.", "Share"}
	for b.Loop() {
		for _, l := range lines {
			Boilerplate("en", l)
		}
	}
}
