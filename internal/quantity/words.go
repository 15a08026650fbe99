package quantity

import (
	"strings"
	"sync"
)

// The vocabulary: number words, units, counted nouns and approximations,
// as data. A word tagged with a language other than English is read in a
// text of that language, or of an unknown one (lang ""), unless it is
// marked en-ambiguous (an English word too: "due", "once", "seize"), in
// which case only a text declared in its language reads it.

type wclass uint8

const (
	wUnit     wclass = iota + 1 // 1-9
	wTeen                       // 10-19
	wTens                       // 20, 30, ... 90
	wHundreds                   // 200, 300 ... written as one word ("doscientos")
	wHundred                    // x100
	wThousand                   // x1000
	wMillion                    // x1e6
	wDozen                      // x12
)

type numWord struct {
	v     float64
	class wclass
	lang  string // languages, separated by spaces
	amb   bool   // also an English word
}

var numWords = map[string]numWord{}

func addNums(lang string, class wclass, v0, step float64, words string) {
	for i, w := range strings.Fields(words) {
		amb := strings.HasPrefix(w, "!")
		w = strings.TrimPrefix(w, "!")
		if w == "_" {
			continue
		}
		if old, dup := numWords[w]; dup {
			// A word of two languages: German and Dutch vier.
			if old.v == v0+float64(i)*step {
				old.lang += " " + lang
				numWords[w] = old
			}
			continue
		}
		numWords[w] = numWord{v: v0 + float64(i)*step, class: class, lang: lang, amb: amb}
	}
}

func loadTables1() {
	// "_" skips a value; "!" marks a word that is also English. The
	// articles (ein, un, een, um) are not numbers: "a study" counts no
	// study.
	addNums("en", wUnit, 1, 1, "one two three four five six seven eight nine")
	addNums("en", wTeen, 10, 1, "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	addNums("en", wTens, 20, 10, "twenty thirty forty fifty sixty seventy eighty ninety")
	addNums("en", wHundred, 100, 0, "hundred")
	addNums("en", wThousand, 1000, 0, "thousand")
	addNums("en", wMillion, 1e6, 0, "million millions")
	addNums("en", wDozen, 12, 0, "dozen")

	addNums("de", wUnit, 1, 1, "eins zwei drei vier fünf sechs sieben acht neun")
	addNums("de", wTeen, 10, 1, "zehn !elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn")
	addNums("de", wTens, 20, 10, "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig")
	addNums("de", wHundred, 100, 0, "hundert")
	addNums("de", wThousand, 1000, 0, "tausend")
	addNums("de", wMillion, 1e6, 0, "million millionen")
	addNums("de", wDozen, 12, 0, "dutzend")

	addNums("fr", wUnit, 2, 1, "deux trois quatre cinq six !sept huit neuf")
	addNums("fr", wTeen, 10, 1, "dix onze douze treize quatorze quinze !seize")
	addNums("fr", wTens, 20, 10, "vingt trente quarante cinquante soixante")
	addNums("fr", wTens, 80, 0, "quatre-vingts")
	addNums("fr", wHundred, 100, 0, "!cent cents")
	addNums("fr", wThousand, 1000, 0, "mille")
	addNums("fr", wMillion, 1e6, 0, "millions")
	addNums("fr", wDozen, 12, 0, "douzaine")

	addNums("es", wUnit, 2, 1, "!dos tres cuatro cinco seis siete ocho nueve")
	addNums("es", wTeen, 10, 1, "diez !once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve")
	addNums("es", wTens, 21, 1, "veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve")
	addNums("es", wTens, 20, 10, "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa")
	addNums("es", wHundreds, 200, 100, "doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos")
	addNums("es", wHundreds, 200, 100, "doscientas trescientas cuatrocientas quinientas seiscientas setecientas ochocientas novecientas")
	addNums("es", wHundred, 100, 0, "cien ciento")
	addNums("es", wThousand, 1000, 0, "!mil")
	addNums("es", wMillion, 1e6, 0, "millones")
	addNums("es", wDozen, 12, 0, "docena")

	addNums("it", wUnit, 2, 1, "!due tre quattro cinque sei sette !otto nove")
	addNums("it", wTeen, 10, 1, "dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove")
	addNums("it", wTens, 20, 10, "venti trenta quaranta cinquanta sessanta settanta ottanta novanta")
	addNums("it", wHundred, 100, 0, "cento")
	addNums("it", wThousand, 1000, 0, "mille mila")
	addNums("it", wMillion, 1e6, 0, "milioni")
	addNums("it", wDozen, 12, 0, "dozzina")

	addNums("nl", wUnit, 2, 1, "twee drie vier vijf zes zeven acht negen")
	addNums("nl", wTeen, 10, 1, "tien !elf twaalf dertien veertien vijftien zestien zeventien achttien negentien")
	addNums("nl", wTens, 20, 10, "twintig dertig veertig vijftig zestig zeventig tachtig negentig")
	addNums("nl", wHundred, 100, 0, "honderd")
	addNums("nl", wThousand, 1000, 0, "duizend")
	addNums("nl", wMillion, 1e6, 0, "miljoen")
	addNums("nl", wDozen, 12, 0, "dozijn")

	addNums("pl", wUnit, 1, 1, "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć")
	addNums("pl", wUnit, 2, 0, "dwie")
	addNums("pl", wTeen, 10, 1, "dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście")
	addNums("pl", wTens, 20, 10, "dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt dziewięćdziesiąt")
	addNums("pl", wHundreds, 200, 100, "dwieście trzysta czterysta pięćset sześćset siedemset osiemset dziewięćset")
	addNums("pl", wHundred, 100, 0, "sto")
	addNums("pl", wThousand, 1000, 0, "tysiąc tysiące tysięcy")
	addNums("pl", wMillion, 1e6, 0, "milion miliony milionów")
	addNums("pl", wDozen, 12, 0, "tuzin")

	addNums("pt", wUnit, 2, 1, "dois três quatro cinco seis sete oito nove")
	addNums("pt", wUnit, 2, 0, "duas")
	addNums("pt", wTeen, 10, 1, "dez onze doze treze quatorze quinze dezesseis dezessete dezoito dezenove")
	addNums("pt", wTeen, 14, 0, "catorze")
	addNums("pt", wTens, 20, 10, "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa")
	addNums("pt", wHundreds, 200, 100, "duzentos trezentos quatrocentos quinhentos seiscentos setecentos oitocentos novecentos")
	addNums("pt", wHundreds, 200, 100, "duzentas trezentas quatrocentas quinhentas seiscentas setecentas oitocentas novecentas")
	addNums("pt", wHundred, 100, 0, "cem")
	addNums("pt", wThousand, 1000, 0, "mil")
	addNums("pt", wMillion, 1e6, 0, "milhões")
	addNums("pt", wDozen, 12, 0, "dúzia")
}

// numConnectors join number words: "one hundred and twenty", "treinta y
// dos", "vingt et un", "vinte e quatro".
var numConnectors = map[string]bool{"and": true, "y": true, "et": true, "e": true}

// gluedJoiners join a unit to its tens inside one word, units first:
// German vierundzwanzig, Dutch vierentwintig.
var gluedJoiners = []string{"und", "en"}

// unitInfo is a unit: its family's base unit, the factor to it, and the
// canonical name of the unit as written.
type unitInfo struct {
	kind   Kind
	base   string
	factor float64
	given  string
	lang   string
	amb    bool
	// caseSensitive units are read only as written here ("IE"; "I.E."
	// in lower case is "that is").
	caseSensitive string
}

var units = map[string]unitInfo{}

func addUnits(u unitInfo, forms string) {
	for _, f := range strings.Split(forms, "|") {
		v := u
		if strings.HasPrefix(f, "!") {
			f = f[1:]
			v.amb = true
		}
		if strings.HasPrefix(f, "=") {
			f = f[1:]
			v.caseSensitive = f
		}
		units[lower(f)] = v
	}
}

const (
	day   = 1.0
	week  = 7.0
	month = 365.25 / 12
	year  = 365.25
)

func loadTables2() {
	addUnits(unitInfo{kind: Dose, base: "mg", factor: 1, given: "mg"},
		"mg|milligram|milligrams|milligramme|milligrammes|milligramm|miligramos|miligramo|milligrammi|miligramas|miligramów")
	addUnits(unitInfo{kind: Dose, base: "mg", factor: 0.001, given: "µg"},
		"µg|μg|mcg|ug|microgram|micrograms|microgramme|microgrammes|mikrogramm|microgramos|microgramo|microgrammi|microgramas|mikrogramów")
	addUnits(unitInfo{kind: Dose, base: "mg", factor: 1000, given: "g"},
		"g|gram|grams|gramme|grammes|gramm|gramos|grammi|gramas|gramów")
	addUnits(unitInfo{kind: Dose, base: "IU", factor: 1, given: "IU"},
		"iu|i.u.|ui|u.i.|=IE|=I.E.|international units|international unit|internationale einheiten|unités internationales|unidades internacionales|unità internazionali|internationale eenheden|unidades internacionais")
	addUnits(unitInfo{kind: Dose, base: "ml", factor: 1, given: "ml"},
		"ml|millilitre|millilitres|milliliter|milliliters|mililitros|millilitri")
	addUnits(unitInfo{kind: Dose, base: "ml", factor: 1000, given: "l"},
		"l|litre|litres|liter|liters|litros|litri")

	addUnits(unitInfo{kind: Duration, base: "day", factor: day, given: "day"},
		"day|days|d|tag|tage|tagen|jour|jours|!j|día|días|dia|dias|giorno|giorni|dag|dagen|dzień|dni")
	addUnits(unitInfo{kind: Duration, base: "day", factor: week, given: "week"},
		"week|weeks|wk|wks|woche|wochen|semaine|semaines|semana|semanas|settimana|settimane|weken|tydzień|tygodni|tygodnie")
	addUnits(unitInfo{kind: Duration, base: "day", factor: month, given: "month"},
		"month|months|mo|mos|mth|mths|monat|monate|monaten|mois|mes|meses|mese|mesi|maand|maanden|miesiąc|miesiące|miesięcy")
	addUnits(unitInfo{kind: Duration, base: "day", factor: year, given: "year"},
		"year|years|yr|yrs|y|jahr|jahre|jahren|!an|ans|année|années|año|años|anno|anni|jaar|jaren|rok|lata|!lat|ano|anos")
	addUnits(unitInfo{kind: Duration, base: "day", factor: 1.0 / 24, given: "hour"},
		"hour|hours|h|hrs|stunde|stunden|heure|heures|hora|horas|ora|ore|uur|godzin|godziny")
	addUnits(unitInfo{kind: Duration, base: "day", factor: 1.0 / 1440, given: "minute"},
		"minute|minutes|min|mins|minuten|minuto|minutos|minuti")

	// Languages of ambiguous units.
	defer indexUnits()
	for _, f := range []string{"j"} {
		u := units[f]
		u.lang = "fr"
		units[f] = u
	}
	for f, l := range map[string]string{"an": "fr", "lat": "pl"} {
		u := units[f]
		u.lang = l
		units[f] = u
	}
}

// unitSeqs index the units by their first token.
var unitSeqs = map[string][]struct {
	words []string
	info  unitInfo
}{}

func indexUnits() {
	for form, u := range units {
		w := tokenWords(form)
		if len(w) == 0 {
			continue
		}
		unitSeqs[w[0]] = append(unitSeqs[w[0]], struct {
			words []string
			info  unitInfo
		}{w, u})
	}
}

// looseFactor is how long a unit may be when a text converts it to
// another: a month is four weeks to 31 days; a year is 52 weeks to 366
// days. "3 months" is fair for 12 weeks, "one year" for 12 months.
func looseFactor(given string) (lo, hi float64) {
	switch given {
	case "month":
		return 28, 31
	case "year":
		return 364, 366
	}
	u := units[given]
	return u.factor, u.factor
}

// percentWords follow a number as "%" does.
var percentWords = [][]string{
	{"%"}, {"percent"}, {"per", "cent"}, {"pct"}, {"prozent"}, {"pour", "cent"}, {"por", "ciento"},
	{"per", "cento"}, {"procent"}, {"procentu"}, {"por", "cento"}, {"pourcent"},
}

// pointWords follow a percentage that is a difference of percentages.
var pointWords = [][]string{
	{"percentage", "points"}, {"percentage", "point"}, {"%", "points"}, {"prozentpunkte"}, {"prozentpunkten"},
	{"points", "de", "pourcentage"}, {"puntos", "porcentuales"}, {"punti", "percentuali"}, {"procentpunten"},
	{"pontos", "percentuais"}, {"punktów", "procentowych"}, {"pp"},
}

// perByWord are the phrases that say how often a dose is taken, by
// their first token.
var perByWord = map[string][]perPhrase{}

type perPhrase struct {
	per   string
	words []string
}

func addPer(per string, phrases ...string) {
	for _, p := range phrases {
		w := tokenWords(p)
		perByWord[w[0]] = append(perByWord[w[0]], perPhrase{per, w})
	}
}

func loadTables3() {
	addPer("day", "/ day", "/ d", "/ 24 h", "per day", "a day", "each day", "every day", "daily", "per d", "once daily", "once a day",
		"pro tag", "am tag", "täglich", "/ tag", "par jour", "/ j", "quotidiens", "quotidiennes", "quotidienne", "quotidien",
		"por día", "al día", "diarios", "diarias", "diario", "diaria", "al giorno", "giornalieri", "giornaliere", "giornaliera",
		"per dag", "dagelijks", "dziennie", "na dobę", "por dia", "ao dia", "diários", "diárias")
	addPer("2/day", "twice daily", "twice a day", "twice per day", "two times a day", "two times daily", "two times per day", "b.i.d.", "bid")
	addPer("3/day", "three times daily", "three times a day", "three times per day", "t.i.d.", "tid")
	addPer("week", "/ week", "/ wk", "/ w", "per week", "a week", "each week", "every week", "weekly", "once weekly", "once a week",
		"pro woche", "wöchentlich", "/ woche", "par semaine", "hebdomadaire", "hebdomadaires", "por semana", "a la semana", "semanales",
		"a settimana", "alla settimana", "settimanali", "per week", "wekelijks", "tygodniowo", "semanais")
	addPer("hour", "/ h", "/ hour", "/ hr", "per hour", "an hour", "each hour", "every hour", "hourly", "pro stunde", "par heure", "por hora", "all'ora")
	addPer("minute", "/ min", "/ minute", "per minute", "a minute", "pro minute", "par minute", "por minuto", "al minuto")
	addPer("month", "/ month", "per month", "a month", "each month", "every month", "monthly", "once monthly", "once a month",
		"pro monat", "monatlich", "par mois", "por mes", "al mese", "mensili", "per maand", "maandelijks", "miesięcznie", "por mês", "mensais")
}

// tokenWords splits a phrase of the tables the way lex splits text.
func tokenWords(p string) []string {
	var out []string
	for _, t := range lex(p) {
		out = append(out, t.low)
	}
	return out
}

// approxByWord are the approximations before a number, by their first
// token.
var approxByWord = map[string][]approxPhrase{}

type approxPhrase struct {
	a     Approx
	lang  string
	amb   bool
	words []string
}

func addApprox(a Approx, lang string, phrases ...string) {
	for _, p := range phrases {
		amb := strings.HasPrefix(p, "!")
		w := tokenWords(strings.TrimPrefix(p, "!"))
		approxByWord[w[0]] = append(approxByWord[w[0]], approxPhrase{a, lang, amb, w})
	}
}

func loadTables4() {
	addApprox(About, "en", "about", "around", "approximately", "approx", "approx.", "roughly", "some", "circa", "ca.", "~", "≈",
		"close to", "in the region of", "an estimated", "estimated")
	addApprox(Nearly, "en", "nearly", "almost", "just under", "just shy of", "not quite")
	addApprox(Over, "en", "more than", "over", "above", "exceeding", "in excess of", "upwards of", "greater than", "just over",
		"well over", "well above", ">")
	addApprox(AtLeast, "en", "at least", "no fewer than", "no less than", "not less than", "a minimum of", "minimum of", "≥", "> =")
	addApprox(Under, "en", "fewer than", "less than", "under", "below", "<")
	addApprox(AtMost, "en", "up to", "at most", "no more than", "not more than", "a maximum of", "maximum of", "≤", "< =")

	addApprox(About, "de", "etwa", "ungefähr", "rund", "ca", "ca.", "circa", "zirka", "annähernd")
	addApprox(Nearly, "de", "!fast", "knapp", "beinahe", "nahezu")
	addApprox(Over, "de", "mehr als", "über", "oberhalb von")
	addApprox(AtLeast, "de", "mindestens", "wenigstens")
	addApprox(Under, "de", "weniger als", "unter")
	addApprox(AtMost, "de", "bis zu", "höchstens", "!maximal")

	addApprox(About, "fr", "environ", "près de", "autour de", "approximativement", "quelque")
	addApprox(Nearly, "fr", "presque", "quasiment")
	addApprox(Over, "fr", "plus de", "au-delà de")
	addApprox(AtLeast, "fr", "au moins")
	addApprox(Under, "fr", "moins de")
	addApprox(AtMost, "fr", "jusqu'à", "au plus", "au maximum")

	addApprox(About, "es", "alrededor de", "aproximadamente", "cerca de", "unos", "unas")
	addApprox(Nearly, "es", "!casi")
	addApprox(Over, "es", "más de")
	addApprox(AtLeast, "es", "al menos", "por lo menos")
	addApprox(Under, "es", "menos de")
	addApprox(AtMost, "es", "hasta")

	addApprox(About, "it", "circa", "intorno a", "approssimativamente")
	addApprox(Nearly, "it", "!quasi")
	addApprox(Over, "it", "più di", "oltre")
	addApprox(AtLeast, "it", "almeno")
	addApprox(Under, "it", "meno di")
	addApprox(AtMost, "it", "fino a")

	addApprox(About, "nl", "ongeveer", "circa", "zo'n", "rond de")
	addApprox(Nearly, "nl", "bijna")
	addApprox(Over, "nl", "meer dan", "ruim")
	addApprox(AtLeast, "nl", "minstens", "ten minste", "tenminste")
	addApprox(Under, "nl", "minder dan")
	addApprox(AtMost, "nl", "!tot", "maximaal")

	addApprox(About, "pl", "około", "ok.", "blisko")
	addApprox(Nearly, "pl", "prawie", "niemal")
	addApprox(Over, "pl", "ponad", "więcej niż")
	addApprox(AtLeast, "pl", "co najmniej", "przynajmniej")
	addApprox(Under, "pl", "mniej niż", "poniżej")
	addApprox(AtMost, "pl", "!do", "maksymalnie")

	addApprox(About, "pt", "cerca de", "aproximadamente", "por volta de")
	addApprox(Nearly, "pt", "quase")
	addApprox(Over, "pt", "mais de", "acima de")
	addApprox(AtLeast, "pt", "pelo menos", "no mínimo")
	addApprox(Under, "pt", "menos de", "abaixo de")
	addApprox(AtMost, "pt", "até")
}

// betweenWords open a range "between 6 and 12"; rangeWords join its ends.
var betweenWords = map[string]bool{"between": true, "zwischen": true, "entre": true, "tra": true, "fra": true, "tussen": true, "od": true}
var rangeWords = map[string]bool{"-": true, "to": true, "bis": true, "à": true, "a": true, "al": true, "tot": true, "do": true, "até": true, "and": true, "und": true, "et": true, "y": true, "e": true, "en": true, "i": true}

// ageBefore words make a duration an age: "aged 65 years".
var ageBefore = map[string]bool{
	"aged": true, "age": true, "ages": true, "alter": true, "alters": true, "âge": true, "âgé": true, "âgée": true, "âgés": true,
	"âgées": true, "edad": true, "edades": true, "età": true, "leeftijd": true, "wieku": true, "wiek": true, "idade": true, "idades": true,
}

// ageAfter words follow an age: "65 years old", "65-year-old".
var ageAfter = [][]string{
	{"old"}, {"of", "age"}, {"alt"}, {"oud"}, {"de", "edad"}, {"di", "età"}, {"d", "'", "âge"}, {"de", "idade"},
}

// yearCues make a plain four-digit number a year, not a count: "in 2019
// mothers were ...".
var yearCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true, "by": true, "before": true, "after": true,
	"year": true, "im": true, "seit": true, "bis": true, "en": true, "depuis": true, "desde": true, "nel": true, "dal": true,
	"sinds": true, "w": true, "em": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "between": true, "summer": true, "winter": true, "a": true, "the": true,
	"this": true, "that": true, "its": true, "their": true, "our": true, "his": true, "her": true,
	"spring": true, "autumn": true, "fall": true,
}

// breakers end the words between a number and its noun: "120 of the
// mothers" does not count mothers by the first word.
var breakers = map[string]bool{}

func loadTables5() {
	for _, w := range strings.Fields(`of in at on with without per and or to from for by the a an than as were was are is be been
	being who whom that which had have has did do does into times fold more less fewer most higher lower greater smaller
	larger vs versus between after before during while when each every all both than whose where if but not no also only
	der die das den dem des und oder von mit im bei für aus zu zum zur ist sind war waren
	le la les de du et ou avec dans pour par sur est sont était
	el los las y o con en por para del es son fue
	il lo gli di da e nel della dei con per sono era
	het een van met voor op zijn was
	z i w na do oraz
	os as com em no na dos das um uma`) {
		breakers[w] = true
	}
}

// noun is a counted noun: its English singular.
type noun struct {
	canon string
	lang  string
	amb   bool
}

var nouns = map[string]noun{}

// families group nouns a summary uses for one another: mothers are
// women, babies are infants. Counts compare only within a family.
var families = map[string]string{}

func addNoun(canon, family, forms string) {
	for _, f := range strings.Split(forms, "|") {
		lang := ""
		if i := strings.Index(f, ":"); i >= 0 {
			lang, f = f[:i], f[i+1:]
		}
		amb := strings.HasPrefix(f, "!")
		f = strings.TrimPrefix(f, "!")
		if _, dup := nouns[f]; !dup {
			nouns[f] = noun{canon: canon, lang: lang, amb: amb}
		}
	}
	if family == "" {
		family = canon
	}
	families[canon] = family
}

func loadTables6() {
	addNoun("participant", "participant", "participant|participants|de:teilnehmer|de:teilnehmerin|de:teilnehmerinnen|de:teilnehmende|de:teilnehmenden|es:participantes|it:partecipanti|nl:deelnemers|pl:uczestników|pl:uczestnicy|pt:participantes|fr:participantes")
	addNoun("person", "participant", "person|persons|people|de:personen|de:menschen|fr:personnes|es:personas|it:persone|nl:personen|nl:mensen|pl:osób|pl:osoby|pt:pessoas")
	addNoun("individual", "participant", "individual|individuals|fr:individus|es:individuos|it:individui")
	addNoun("subject", "participant", "subject|subjects|de:probanden|de:probandinnen|fr:sujets|es:sujetos|it:soggetti")
	addNoun("volunteer", "participant", "volunteer|volunteers|de:freiwillige|de:freiwilligen|fr:volontaires|es:voluntarios|it:volontari|nl:vrijwilligers")
	addNoun("respondent", "participant", "respondent|respondents|de:befragte|de:befragten|fr:répondants|es:encuestados")
	addNoun("patient", "", "patient|patients|de:patienten|de:patientinnen|es:pacientes|it:pazienti|nl:patiënten|pl:pacjentów|pl:pacjenci|pt:pacientes")
	addNoun("mother", "woman", "mother|mothers|de:mutter|de:mütter|de:müttern|fr:mère|fr:mères|es:madre|es:madres|it:madre|it:madri|nl:moeder|nl:moeders|pl:matek|pl:matki|pt:mãe|pt:mães")
	addNoun("woman", "woman", "woman|women|de:frau|de:frauen|de:schwangere|de:schwangeren|fr:femme|fr:femmes|es:mujer|es:mujeres|es:embarazadas|it:donna|it:donne|nl:vrouw|nl:vrouwen|pl:kobiet|pl:kobiety|pt:mulher|pt:mulheres|pt:gestantes")
	addNoun("infant", "infant", "infant|infants|de:säugling|de:säuglinge|de:säuglingen|fr:nourrisson|fr:nourrissons|es:lactantes|it:lattanti|nl:zuigelingen|pl:niemowląt|pl:niemowlęta")
	addNoun("baby", "infant", "baby|babies|de:babys|fr:bébé|fr:bébés|es:bebés|it:neonati|nl:baby's|pt:bebês")
	addNoun("newborn", "infant", "newborn|newborns|neonate|neonates|de:neugeborene|de:neugeborenen|fr:nouveau-nés|it:neonato|pt:recém-nascidos")
	addNoun("child", "", "child|children|kid|kids|de:!kind|de:kinder|de:kindern|fr:enfant|fr:enfants|es:niño|es:niños|es:niñas|it:bambini|it:bambine|nl:!kind|nl:kinderen|pl:dzieci|pl:dziecko|pt:criança|pt:crianças")
	addNoun("adult", "", "adult|adults|de:erwachsene|de:erwachsenen|fr:adulte|fr:adultes|es:adultos|it:adulti|nl:volwassenen|pl:dorosłych|pt:adultos")
	addNoun("man", "man", "man|men|de:mann|de:männer|de:männern|fr:homme|fr:hommes|es:hombre|es:hombres|it:uomini|nl:man|nl:mannen|pl:mężczyzn|pt:homens")
	addNoun("father", "man", "father|fathers|de:väter|fr:pères|es:padres|it:padri|nl:vaders|pt:pais")
	addNoun("girl", "", "girl|girls|de:mädchen|fr:filles|it:ragazze")
	addNoun("boy", "", "boy|boys|de:jungen|fr:garçons|it:ragazzi")
	addNoun("adolescent", "", "adolescent|adolescents|teenager|teenagers|teen|teens|de:jugendliche|de:jugendlichen|es:adolescentes|it:adolescenti")
	addNoun("student", "", "student|students|de:studierende|de:studenten|de:schüler|fr:étudiants|fr:élèves|es:estudiantes|it:studenti")
	addNoun("pair", "pair", "pair|pairs|dyad|dyads|couple|couples|de:paar|de:paare|de:paaren|fr:paires|fr:dyades|es:pares|es:parejas|es:díadas|it:coppie|nl:paren|pl:!par|pt:pares|pt:díades")
	addNoun("trial", "study", "trial|trials|rct|rcts|fr:essai|fr:essais|es:ensayo|es:ensayos|it:sperimentazioni|pt:ensaio|pt:ensaios")
	addNoun("study", "study", "study|studies|de:studie|de:studien|fr:étude|fr:études|es:estudio|es:estudios|it:studio|it:studi|nl:studie|nl:studies|pl:badań|pl:badania|pt:estudo|pt:estudos")
	addNoun("cohort", "", "cohort|cohorts|de:kohorten|fr:cohortes|es:cohortes|it:coorti")
	addNoun("pregnancy", "", "pregnancy|pregnancies|de:schwangerschaften|fr:grossesses|es:embarazos|it:gravidanze")
	addNoun("birth", "", "birth|births|de:geburten|fr:naissances|es:nacimientos|it:nascite")
	addNoun("twin", "", "twin|twins|de:zwillinge|fr:jumeaux|es:gemelos|it:gemelli")
	addNoun("parent", "", "parent|parents|de:eltern")
	addNoun("family", "", "family|families|de:familien|fr:familles|es:familias|it:famiglie")
	addNoun("household", "", "household|households|de:haushalte|fr:ménages|es:hogares")
	addNoun("case", "", "case|cases|de:fälle|fr:cas|es:casos|it:casi")
	addNoun("control", "", "controls|de:kontrollen")
	addNoun("smoker", "", "smoker|smokers|de:raucher")
	addNoun("athlete", "", "athlete|athletes|de:sportler|de:athleten")
	addNoun("worker", "", "worker|workers|employee|employees|de:beschäftigte")
	addNoun("nurse", "", "nurse|nurses|de:pflegekräfte")
	addNoun("physician", "", "physician|physicians|doctor|doctors|de:ärzte|de:ärztinnen|fr:médecins|es:médicos|it:medici")
	addNoun("resident", "", "resident|residents")
	addNoun("veteran", "", "veteran|veterans")
	addNoun("hospital", "", "hospital|hospitals|de:krankenhäuser|de:kliniken|fr:hôpitaux|es:hospitales|it:ospedali")
	addNoun("school", "", "school|schools|de:schulen|fr:écoles|es:escuelas|it:scuole")
	addNoun("country", "", "country|countries|de:länder|de:ländern|fr:pays|es:países|it:paesi")
	addNoun("centre", "", "centre|centres|center|centers|site|sites|de:zentren|es:centros|it:centri")
	addNoun("sample", "", "sample|samples|de:proben")
	addNoun("article", "", "article|articles|paper|papers|publication|publications|report|reports")
	addNoun("animal", "", "animal|animals|de:tiere|de:tieren|fr:animaux|es:animales|it:animali")
	addNoun("mouse", "", "mouse|mice|de:maus|de:mäuse|de:mäusen|fr:souris|es:ratones|it:topi|nl:muizen|pl:myszy|pt:camundongos")
	addNoun("rat", "", "rat|rats|de:ratte|de:ratten|es:ratas|it:ratti|nl:ratten|pl:szczurów|pt:ratos")
	addNoun("monkey", "", "monkey|monkeys|macaque|macaques|primate|primates")
	addNoun("dog", "", "dog|dogs")
	addNoun("pig", "", "pig|pigs|piglet|piglets")
	addNoun("zebrafish", "", "zebrafish")
	addNoun("rabbit", "", "rabbit|rabbits")
	addNoun("hamster", "", "hamster|hamsters")
}

// ratioWords name a ratio before its value: "OR 1.5", "hazard ratio of
// 0.77". The abbreviations are read only in capitals ("or" is a word).
var ratioAbbr = map[string]string{
	"OR": "OR", "aOR": "OR", "AOR": "OR", "HR": "HR", "aHR": "HR", "AHR": "HR", "RR": "RR", "aRR": "RR",
	"IRR": "IRR", "aIRR": "IRR", "PR": "PR",
}

var ratioPhrases = []struct {
	unit  string
	words []string
}{
	{"OR", []string{"odds", "ratio"}}, {"OR", []string{"adjusted", "odds", "ratio"}}, {"HR", []string{"hazard", "ratio"}},
	{"HR", []string{"adjusted", "hazard", "ratio"}}, {"RR", []string{"risk", "ratio"}}, {"RR", []string{"relative", "risk"}},
	{"RR", []string{"adjusted", "relative", "risk"}}, {"IRR", []string{"incidence", "rate", "ratio"}}, {"IRR", []string{"rate", "ratio"}},
	{"PR", []string{"prevalence", "ratio"}},
}

// ciWords name a confidence interval; the short forms only in capitals.
var ciAbbr = map[string]bool{"CI": true, "IC": true, "KI": true, "BI": true, "CrI": true}
var ciPhrases = [][]string{
	{"confidence", "interval"}, {"confidence", "intervals"}, {"konfidenzintervall"}, {"intervalle", "de", "confiance"},
	{"intervalo", "de", "confianza"}, {"intervallo", "di", "confidenza"}, {"betrouwbaarheidsinterval"},
	{"przedział", "ufności"}, {"intervalo", "de", "confiança"}, {"credible", "interval"},
}

// millionWords multiply the number before them: "1.2 million".
var millionWords = map[string]float64{
	"million": 1e6, "millions": 1e6, "millionen": 1e6, "millones": 1e6, "milioni": 1e6, "miljoen": 1e6, "mln": 1e6,
	"milionów": 1e6, "miliony": 1e6, "milhões": 1e6, "billion": 1e9, "thousand": 1e3, "tausend": 1e3, "mille": 1e3,
	"mil": 1e3, "duizend": 1e3, "tysięcy": 1e3,
}

// gluedOnly are forms a number takes only inside a longer word: German
// einundzwanzig, Dutch eenentwintig, Italian ventotto and trentuno.
var gluedOnly = map[string]numWord{
	"ein": {1, wUnit, "de", false}, "een": {1, wUnit, "nl", false}, "uno": {1, wUnit, "it", false},
	"tré": {3, wUnit, "it", false}, "vent": {20, wTens, "it", false}, "trent": {30, wTens, "it", false},
	"quarant": {40, wTens, "it", false}, "cinquant": {50, wTens, "it", false}, "sessant": {60, wTens, "it", false},
	"settant": {70, wTens, "it", false}, "ottant": {80, wTens, "it", false}, "novant": {90, wTens, "it", false},
}

// gluedLangs write numbers as one word: zweihundertvierundzwanzig.
var gluedLangs = map[string]bool{"de": true, "nl": true, "it": true}

// decimalComma are languages that write 2,5 for two and a half and
// 6.400 for six thousand four hundred.
var decimalComma = map[string]bool{
	"de": true, "fr": true, "es": true, "it": true, "nl": true, "pl": true, "pt": true, "ru": true, "sv": true, "da": true,
	"fi": true, "nb": true, "nn": true, "no": true, "cs": true, "sk": true, "tr": true, "ro": true, "hu": true, "el": true,
	"bg": true, "uk": true, "hr": true, "sl": true, "sr": true, "lt": true, "lv": true, "et": true, "id": true, "vi": true,
}

// loadOnce builds the word tables on first use, not at start-up: a run
// that checks no source (every offline run) never needs them.
var loadOnce sync.Once

func load() {
	loadOnce.Do(func() {
		loadTables1()
		loadTables2()
		loadTables3()
		loadTables4()
		loadTables5()
		loadTables6()
	})
}
