package segment

import "strings"

// rules are what a language's full stops may follow without ending a
// sentence. All keys are lower case, without their final full stop.
type rules struct {
	abbrev    map[string]bool // always an abbreviation: "mr", "z.b", "sra"
	numAbbrev map[string]bool // an abbreviation before a number: "no. 5", "Art. 3"
	ordinal   map[string]bool // words after an ordinal number: "3. Oktober"
	clitics   []string        // lower-case words that may open a sentence: "'s Avonds"
}

// common abbreviations are kept together in every language.
var common = words("etc vs cf ca approx")

// byLang holds the rules per base language; others get generic.
var byLang = map[string]*rules{
	"en": {
		abbrev: words(`mr mrs ms messrs dr prof rev hon st jr sr gen col lt capt cmdr adm sgt maj
			gov sen rep pres supt insp det dept est inc ltd co corp bros ave blvd rd mt ft
			jan feb mar apr jun jul aug sep sept oct nov dec`),
		numAbbrev: words("no nos p pp fig figs vol vols ch chap art sec para eq ed op"),
	},
	"fr": {
		abbrev: words(`m mm mme mmes mlle mlles dr pr me st ste env av apr hab coll réf
			c.-à-d c.-à-d éd chap min max bd`),
		numAbbrev: words("n° no nos p pp vol fig chap art t"),
	},
	"de": {
		abbrev: words(`bzw usw vgl evtl ggf inkl exkl jh jhd mio mrd dr prof st str tel bspw sog
			ugs geb gest hrsg dt engl frz lat ebd allg bes bzgl einschl gegr insb röm zzgl zz
			zzt zit mind max min`),
		numAbbrev: words("nr abs abschn art bd s kap ziff"),
		ordinal: words(`januar jänner februar märz april mai juni juli august september oktober
			november dezember jan feb mär apr jun jul aug sep sept okt nov dez
			jahrhundert jahrhunderts jahrhunderten jh jahrtausend jahrtausends weltkrieg
			weltkriegs weltkrieges platz mal runde spieltag liga bundesliga klasse stock
			stockwerk etage auflage geburtstag jahrestag todestag lebensjahr lebensjahres
			amtszeit legislaturperiode sitzung tag tages woche monat quartal halbjahr
			advent etappe satz minute minuten spielminute kammer senat strafkammer
			zivilsenat bezirk parteitag kongress`),
	},
	"es": {
		abbrev: words(`sr sra srta sres dr dra lic ing arq ud uds vd vds av avda cía sto sta
			dcha izq tel aprox ej ee uu ob cit ibíd`),
		numAbbrev: words("núm nº no pág págs art cap vol fig"),
	},
	"it": {
		abbrev: words(`sig sigg sig.ra sig.na sig.ri dott dott.ssa prof prof.ssa ing avv arch on sen
			dep gen col mons geom rag ecc`),
		numAbbrev: words("n pag pagg art cap vol fig"),
	},
	"pt": {
		abbrev:    words("sr sra srta dr dra prof eng av pág págs"),
		numAbbrev: words("n nº art cap vol fig"),
	},
	"nl": {
		abbrev:    words("dhr mevr mw dr prof ir ing drs mr bijv enz o.a d.w.z resp vgl zgn jl"),
		numAbbrev: words("nr blz art afb jan feb mrt apr jun jul aug sep sept okt nov dec"),
		clitics:   []string{"'s", "’s", "'t", "’t"},
	},
}

var generic = &rules{abbrev: words("dr prof mr mrs st"), numAbbrev: words("no p pp")}

// rulesFor returns the rules of the base language of tag.
func rulesFor(tag string) *rules {
	if r, ok := byLang[baseLang(tag)]; ok {
		return r
	}
	return generic
}

// baseLang returns the lower-case language subtag of a BCP 47 tag ("fr" for
// "fr-CA", "zh" for "zh_Hant").
func baseLang(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

func words(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
