package qa

import (
	"strings"
	"sync"
)

// Profile is the typography of one target language (or regional variant).
type Profile struct {
	Tag string // the tag it was made for, such as "fr-CA"
	// Quotes: the primary pair, the pair used inside it, and other pairs that
	// are also correct in this language.
	Open, Close   rune
	Open2, Close2 rune
	AlsoOpen      []rune
	AlsoClose     []rune
	QuoteSpace    rune // space inside « » in French (U+00A0 or U+202F); 0 for none
	// SpaceBefore maps punctuation to the (no-break) space this language puts
	// before it: French ; : ! ? take U+202F (":" takes U+00A0), fr-CA only ":".
	SpaceBefore map[rune]rune
	// CJK: full-width punctuation, no spaces between words.
	CJK bool
	// Cased: the script has capital letters (false for ko, ja, zh).
	Cased bool
	// Inverted: questions and exclamations open with ¿ and ¡ (Spanish).
	Inverted bool
	// Decimal and Group are the number marks ("," and "." in German).
	Decimal, Group string
	// Abbrev lists lower-case abbreviations that a full stop follows without
	// ending the sentence ("p.", "z. B." are written "p", "z. b").
	Abbrev map[string]bool
	// Ratio is the usual length of a translation from English, relative.
	Ratio float64
}

const (
	nbsp  = '\u00A0' // no-break space
	nnbsp = '\u202F' // narrow no-break space
)

// Generic is the profile of an unknown language: English-like, no quote rules.
var Generic = &Profile{Tag: "und", Open: '“', Close: '”', Open2: '‘', Close2: '’',
	AlsoOpen: []rune{'"', '\''}, AlsoClose: []rune{'"', '\''}, Cased: true, Decimal: ".", Group: ",", Ratio: 1}

var profiles = map[string]*Profile{
	"en": {Open: '“', Close: '”', Open2: '‘', Close2: '’', Cased: true, Decimal: ".", Group: ",", Ratio: 1,
		Abbrev: abbrev("mr mrs ms dr st jr sr vs etc e.g i.e p pp no fig inc ltd co u.s u.k gen gov sen rep prof approx dept est jan feb mar apr jun jul aug sep sept oct nov dec")},
	"en-GB": {Open: '‘', Close: '’', Open2: '“', Close2: '”', AlsoOpen: []rune{'“'}, AlsoClose: []rune{'”'}, Cased: true, Decimal: ".", Group: ",", Ratio: 1},
	"fr": {Open: '«', Close: '»', Open2: '“', Close2: '”', QuoteSpace: nbsp, Cased: true, Decimal: ",", Group: "\u202F", Ratio: 1.15,
		SpaceBefore: map[rune]rune{';': nnbsp, ':': nbsp, '!': nnbsp, '?': nnbsp},
		Abbrev:      abbrev("m mm mme mlle dr st p pp n° no etc av apr env c.-à-d cf vol éd")},
	"fr-CA": {Open: '«', Close: '»', Open2: '“', Close2: '”', QuoteSpace: nbsp, Cased: true, Decimal: ",", Group: "\u00A0", Ratio: 1.15,
		SpaceBefore: map[rune]rune{':': nbsp}},
	"fr-CH": {Open: '«', Close: '»', Open2: '‹', Close2: '›', QuoteSpace: nnbsp, Cased: true, Decimal: ",", Group: "\u202F", Ratio: 1.15,
		SpaceBefore: map[rune]rune{';': nnbsp, ':': nnbsp, '!': nnbsp, '?': nnbsp}},
	"de": {Open: '„', Close: '“', Open2: '‚', Close2: '‘', AlsoOpen: []rune{'»'}, AlsoClose: []rune{'«'}, Cased: true, Decimal: ",", Group: ".", Ratio: 1.2,
		Abbrev: abbrev("z.b z. b d.h d. h u.a usw bzw ca dr nr s vgl evtl ggf inkl jh mio mrd")},
	"de-CH": {Open: '«', Close: '»', Open2: '‹', Close2: '›', Cased: true, Decimal: ".", Group: "’", Ratio: 1.2},
	"es": {Open: '«', Close: '»', Open2: '“', Close2: '”', AlsoOpen: []rune{'“', '‘'}, AlsoClose: []rune{'”', '’'}, Cased: true, Inverted: true, Decimal: ",", Group: ".", Ratio: 1.2,
		Abbrev: abbrev("sr sra srta dr dra ud uds etc p pág núm art")},
	"es-MX":   {Open: '“', Close: '”', Open2: '‘', Close2: '’', AlsoOpen: []rune{'«'}, AlsoClose: []rune{'»'}, Cased: true, Inverted: true, Decimal: ".", Group: ",", Ratio: 1.2},
	"it":      {Open: '«', Close: '»', Open2: '“', Close2: '”', AlsoOpen: []rune{'“'}, AlsoClose: []rune{'”'}, Cased: true, Decimal: ",", Group: ".", Ratio: 1.15, Abbrev: abbrev("sig sigg dott ecc pag art")},
	"pt":      {Open: '«', Close: '»', Open2: '“', Close2: '”', AlsoOpen: []rune{'“'}, AlsoClose: []rune{'”'}, Cased: true, Decimal: ",", Group: " ", Ratio: 1.15, Abbrev: abbrev("sr sra dr dra pág art etc")},
	"pt-BR":   {Open: '“', Close: '”', Open2: '‘', Close2: '’', Cased: true, Decimal: ",", Group: ".", Ratio: 1.15},
	"nl":      {Open: '“', Close: '”', Open2: '‘', Close2: '’', AlsoOpen: []rune{'„'}, AlsoClose: []rune{'”'}, Cased: true, Decimal: ",", Group: ".", Ratio: 1.1, Abbrev: abbrev("dhr mevr dr bijv blz nr etc")},
	"ko":      {Open: '“', Close: '”', Open2: '‘', Close2: '’', AlsoOpen: []rune{'「'}, AlsoClose: []rune{'」'}, Decimal: ".", Group: ",", Ratio: 0.45},
	"ja":      {Open: '「', Close: '」', Open2: '『', Close2: '』', CJK: true, Decimal: ".", Group: ",", Ratio: 0.4},
	"zh":      {Open: '“', Close: '”', Open2: '‘', Close2: '’', AlsoOpen: []rune{'「', '『'}, AlsoClose: []rune{'」', '』'}, CJK: true, Decimal: ".", Group: ",", Ratio: 0.3},
	"zh-Hant": {Open: '「', Close: '」', Open2: '『', Close2: '』', AlsoOpen: []rune{'“', '‘'}, AlsoClose: []rune{'”', '’'}, CJK: true, Decimal: ".", Group: ",", Ratio: 0.3},
}

func abbrev(list string) map[string]bool {
	m := map[string]bool{}
	for _, a := range strings.Fields(list) {
		m[a] = true
	}
	return m
}

// byLower indexes the profiles by lower-case tag; filled once by init.
var byLower = map[string]*Profile{}

func init() {
	for tag, p := range profiles {
		p.Tag = tag
		lang, _, regional := strings.Cut(tag, "-")
		if base := profiles[lang]; regional && base != nil && p.Abbrev == nil {
			p.Abbrev = base.Abbrev
		}
		byLower[strings.ToLower(tag)] = p
	}
}

var profileCache sync.Map // tag as given -> *Profile

// ProfileFor returns the profile of a BCP 47 tag: the most specific known one
// ("fr-CA", then "fr"), Traditional Chinese for zh-Hant, zh-TW, zh-HK and zh-MO,
// or Generic.
func ProfileFor(tag string) *Profile {
	if p, ok := profileCache.Load(tag); ok {
		return p.(*Profile)
	}
	p := resolve(tag)
	profileCache.Store(tag, p)
	return p
}

func resolve(tag string) *Profile {
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	if parts[0] == "zh" {
		for _, sub := range parts[1:] {
			switch sub {
			case "hant", "tw", "hk", "mo":
				return profiles["zh-Hant"]
			}
		}
	}
	for i := len(parts); i > 0; i-- {
		if p, ok := byLower[strings.Join(parts[:i], "-")]; ok {
			return p
		}
	}
	return Generic
}
