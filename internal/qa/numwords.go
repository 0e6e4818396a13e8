package qa

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contNumWords are the numbers 0 to 20 in words ("|" between numbers), then
// the months, then hundred | thousand, per language.
var contNumWords = map[string][3]string{
	"en": {"zero none|one a an first once single|two second twice both pair|three third thrice|four fourth|five fifth|" +
		"six sixth|seven seventh|eight eighth|nine ninth|ten tenth|eleven eleventh|twelve twelfth dozen|thirteen|" +
		"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty twentieth",
		"january february march april may june july august september october november december", "hundred hundredth|thousand thousandth"},
	"fr": {"zéro aucun aucune|un une premier première|deux deuxième second seconde|trois troisième|quatre quatrième|" +
		"cinq cinquième|six sixième|sept septième|huit huitième|neuf neuvième|dix dixième|onze onzième|douze douzième douzaine|" +
		"treize|quatorze|quinze quinzaine|seize|dix-sept|dix-huit|dix-neuf|vingt vingtième|",
		"janvier février mars avril mai juin juillet août septembre octobre novembre décembre", "cent centième|mille millième"},
	"de": {"null kein keine|ein eine einen einem einer eines eins erste ersten erster erstes erstem|zwei zweite zweiten zweiter beide beiden|" +
		"drei dritte dritten dritter|vier vierte vierten|fünf fünfte fünften|sechs sechste sechsten|sieben siebte siebten|" +
		"acht achte achten|neun neunte neunten|zehn zehnte zehnten|elf|zwölf dutzend|dreizehn|vierzehn|fünfzehn|sechzehn|" +
		"siebzehn|achtzehn|neunzehn|zwanzig",
		"januar februar märz april mai juni juli august september oktober november dezember", "hundert hundertste hundertsten|tausend tausendste tausendsten"},
	"es": {"cero ningún ninguna|un uno una primer primero primera|dos segundo segunda ambos ambas|tres tercer tercero tercera|" +
		"cuatro cuarto cuarta|cinco quinto quinta|seis sexto sexta|siete séptimo séptima|ocho octavo octava|nueve noveno novena|" +
		"diez décimo décima|once|doce docena|trece|catorce|quince|dieciséis|diecisiete|dieciocho|diecinueve|veinte",
		"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre", "cien ciento centésimo centésima|mil milésimo milésima"},
	"it": {"zero nessun nessuno nessuna|un uno una primo prima|due secondo seconda entrambi|tre terzo terza|quattro quarto quarta|" +
		"cinque quinto quinta|sei sesto sesta|sette settimo settima|otto ottavo ottava|nove nono nona|dieci decimo decima|" +
		"undici|dodici dozzina|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti",
		"gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre", "cento centesimo centesima|mille millesimo millesima"},
	"pt": {"zero nenhum nenhuma|um uma primeiro primeira|dois duas segundo segunda ambos|três terceiro terceira|quatro quarto quarta|" +
		"cinco quinto quinta|seis sexto sexta|sete sétimo sétima|oito oitavo oitava|nove nono nona|dez décimo décima|onze|" +
		"doze dúzia|treze|catorze quatorze|quinze|dezesseis dezasseis|dezessete dezassete|dezoito|dezenove dezanove|vinte",
		"janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro", "cem cento centésimo centésima|mil milésimo milésima"},
	"nl": {"nul geen|een één eerste|twee tweede beide|drie derde|vier vierde|vijf vijfde|zes zesde|zeven zevende|acht achtste|" +
		"negen negende|tien tiende|elf|twaalf dozijn|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig",
		"januari februari maart april mei juni juli augustus september oktober november december", "honderd honderdste|duizend duizendste"},
	"ko": {"|하나 한 첫 첫째|둘 두 둘째|셋 세 셋째|넷 네 넷째|다섯|여섯|일곱|여덟|아홉|열||||||||||스물 스무", "", ""},
}

// contWordVals maps language, then word, to the numbers it may stand for.
var contWordVals = map[string]map[string][]float64{}

func init() {
	for lang, w := range contNumWords {
		m := map[string][]float64{}
		for v, words := range strings.Split(w[0], "|") {
			for _, word := range strings.Fields(words) {
				m[word] = append(m[word], float64(v))
			}
		}
		for v, word := range strings.Fields(w[1]) {
			m[word] = append(m[word], float64(v+1))
		}
		for i, words := range strings.Split(w[2], "|") {
			for _, word := range strings.Fields(words) {
				m[word] = append(m[word], math.Pow(10, float64(2+i)))
			}
		}
		contWordVals[lang] = m
		contTensWords(lang, m)
	}
}

// contTens are the tens from 20 to 90 and contUnits the units from 1 to 9
// as they join into 21 to 99.
var contTens = map[string]string{
	"en": "twenty thirty forty fifty sixty seventy eighty ninety",
	"fr": "vingt trente quarante cinquante soixante soixante-dix quatre-vingts quatre-vingt-dix",
	"de": "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
	"es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
	"it": "venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
	"pt": "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
	"nl": "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
}

var contUnits = map[string]string{
	"en": "one two three four five six seven eight nine",
	"fr": "un deux trois quatre cinq six sept huit neuf",
	"de": "ein zwei drei vier fünf sechs sieben acht neun",
	"es": "uno dos tres cuatro cinco seis siete ocho nueve",
	"it": "uno due tre quattro cinque sei sette otto nove",
	"pt": "um dois três quatro cinco seis sete oito nove",
	"nl": "een twee drie vier vijf zes zeven acht negen",
}

// contPhrases holds numbers written in several words: treinta y cinco.
var contPhrases = map[string]map[string]float64{}

// contTensWords adds 20 to 99 in words to m, and to contPhrases.
func contTensWords(lang string, m map[string][]float64) {
	tens, units := strings.Fields(contTens[lang]), strings.Fields(contUnits[lang])
	phrases := map[string]float64{}
	for i, t := range tens {
		v := float64(20 + 10*i)
		m[t] = append(m[t], v)
		for j, u := range units {
			if lang == "fr" && i >= 5 {
				break // soixante et onze and the like are left out
			}
			var w string
			switch lang {
			case "en", "fr":
				w = t + "-" + u
				if lang == "fr" && j == 0 {
					w, phrases[t+" et un"] = t+"-et-un", v+1
				}
			case "de":
				w = u + "und" + t
			case "nl":
				w = u + "en" + t
				if strings.HasSuffix(u, "e") {
					w = u + "ën" + t
				}
			case "es":
				if i == 0 {
					w = "veinti" + strings.NewReplacer("dos", "dós", "tres", "trés", "seis", "séis").Replace(u)
				} else {
					phrases[t+" y "+u] = v + float64(j+1)
				}
			case "it":
				if u == "uno" || u == "otto" {
					t = strings.TrimRight(t, "ia")
				}
				w = t + strings.Replace(u, "tre", "tré", 1)
				t = tens[i]
			case "pt":
				phrases[t+" e "+u] = v + float64(j+1)
			}
			if w != "" {
				m[w] = append(m[w], v+float64(j+1))
			}
		}
	}
	contPhrases[lang] = phrases
}

// contSpelled reports whether text writes v in words of lang, in Chinese
// numerals or in Roman numerals.
func contSpelled(text, lang string, v float64) bool {
	if v != math.Trunc(v) || v < 0 {
		return false
	}
	words := contWordVals[lang]
	start := -1
	for i := 0; i <= len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if i < len(text) && (unicode.IsLetter(r) || unicode.IsMark(r) || r == '-' && start >= 0) {
			if start < 0 {
				start = i
			}
			i += n
			continue
		}
		if start >= 0 {
			w := text[start:i]
			if words != nil && contWordIs(words, strings.ToLower(w), v) || contRomanValue(w) == v || contHanHas(w, v) {
				return true
			}
			start = -1
		}
		i += max(n, 1)
	}
	if v > 20 && v < 100 && len(contPhrases[lang]) > 0 {
		low := strings.ToLower(text)
		for ph, x := range contPhrases[lang] {
			if x == v && contHasWord(low, ph) {
				return true
			}
		}
	}
	return false
}

// contWordIs reports whether w stands for v; a Korean word may carry an
// ending or a counter (다섯이, 두명).
func contWordIs(words map[string][]float64, w string, v float64) bool {
	for _, x := range words[w] {
		if x == v {
			return true
		}
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.Is(unicode.Hangul, r) {
		return false
	}
	for i, r := range w {
		if i == 0 {
			continue
		}
		if i > 9 {
			break // number words have at most three syllables
		}
		long := utf8.RuneCountInString(w[:i]) >= 2
		for _, x := range words[w[:i]] {
			if x == v && (long || strings.ContainsRune("명개살번년월일시분차", r)) {
				return true
			}
		}
	}
	return false
}

// contHanDigits are the Chinese digits, 〇 to 九.
const contHanDigits = "〇一二三四五六七八九"

// contHanHas reports whether a run of Chinese numerals in w has the value v.
func contHanHas(w string, v float64) bool {
	total, section, num := 0.0, 0.0, 0.0
	digit, seen := false, false
	flush := func() bool {
		ok := seen && total+section+num == v
		total, section, num, digit, seen = 0, 0, 0, false, false
		return ok
	}
	for _, r := range w {
		d := -1
		if k := strings.IndexRune(contHanDigits, r); k >= 0 {
			d = k / 3 // each digit is three bytes
		} else if r == '零' {
			d = 0
		} else if r == '两' || r == '兩' {
			d = 2
		}
		switch m := contCJKScale(r); {
		case d >= 0:
			if digit {
				num = num*10 + float64(d)
			} else {
				num = float64(d)
			}
			digit, seen = true, true
		case r == '十':
			section += math.Max(num, 1) * 10
			num, digit, seen = 0, false, true
		case m == 1e2 || m == 1e3:
			section += math.Max(num, 1) * m
			num, digit, seen = 0, false, true
		case m >= 1e4:
			total += (section + num) * m
			section, num, digit, seen = 0, 0, false, true
		default:
			if flush() {
				return true
			}
		}
	}
	return flush()
}

// contRoman is the value of a Roman digit, or 0.
func contRoman(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

// contRomanValue returns the value of a Roman numeral of two letters or more,
// or of one with an ordinal ending (XIXe, XXIᵉ, Ier), or -1.
func contRomanValue(w string) float64 {
	short := 2
	for _, suf := range [...]string{"ᵉ", "ème", "er", "e", "º"} {
		if t := strings.TrimSuffix(w, suf); t != w && t != "" {
			w, short = t, 1
			break
		}
	}
	if len(w) < short {
		return -1
	}
	total, prev := 0, 0
	for i := len(w) - 1; i >= 0; i-- {
		v := contRoman(w[i])
		if v == 0 {
			return -1
		}
		if v < prev {
			total -= v
		} else {
			total, prev = total+v, v
		}
	}
	return float64(total)
}
