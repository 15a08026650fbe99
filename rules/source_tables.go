package rules

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/internal/claims"
	"github.com/articlelint/articlelint/internal/phrase"
)

// The source rules' words are literal phrases. Those read in every bound
// sentence (studyCue, trigger) are single distinctive words, in
// the one matcher of all the rules (builtinMatcher), found in its one
// pass over the text: words such as "the study", "another" or "group",
// whose first letters are among the commonest in prose, would slow that
// pass for every run, online or not. Those read only where a rule has
// something to report (otherStudy, arm, ahead) have a
// matcher of their own, run on that sentence alone. The claims tables, which are
// patterns, read only the sentences a rule needs (see purposes).

// wordsTable is a table of phrases, each with itself as its example.
func wordsTable(name, note string, words ...string) *phrase.Table {
	// One allocation for the entries and one for their examples.
	t := &phrase.Table{Name: name, Entries: make([]phrase.Entry, len(words))}
	examples := slices.Clone(words)
	for i, w := range words {
		t.Entries[i] = phrase.Entry{Phrase: w, Note: note, Match: examples[i : i+1 : i+1]}
	}
	return t
}

// Triggers: words without which a sentence holds nothing the claims
// tables of a purpose could find.
const (
	triggerDesign  = "design"
	triggerModel   = "model"
	triggerCausal  = "causal"
	triggerJournal = "journal"
)

// laterMatcher finds the words read only where a rule has something to
// report, in that sentence alone.
var laterMatcher = sync.OnceValue(func() *phrase.Matcher {
	st := sourceTables()
	return compile(st.otherStudy, st.arm, st.ahead)
})

var peopleMatcher = sync.OnceValue(func() *phrase.Matcher { return compile(sourceTables().people) })

// headingMatcher finds the heading words in headings and labels.
var headingMatcher = sync.OnceValue(func() *phrase.Matcher { return compile(sourceTables().heading) })

// triggerMatcher finds triggers outside the blocks: in titles and
// headings.
var triggerMatcher = sync.OnceValue(func() *phrase.Matcher { return compile(sourceTables().trigger) })

// sourcePhrases are the tables the source rules add to the one matcher.
func sourcePhrases() []*phrase.Table {
	st := sourceTables()
	return []*phrase.Table{st.studyCue, st.trigger}
}

// hasNumberWord reports whether s holds a number word.
func hasNumberWord(s string) bool {
	numbers := sourceTables().numbers
	var buf [24]byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && r != '-' {
				break
			}
			j += n
		}
		if w := s[i:j]; len(w) <= len(buf) && len(w) >= 3 {
			b := buf[:0]
			for k := 0; k < len(w); k++ {
				c := w[k]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			}
			if numbers[string(b)] {
				return true
			}
		}
		i = j
	}
	return false
}

// Claims purposes: each reads a sentence with the claims tables it
// needs, and only a sentence with a trigger for it.
type purpose uint8

const (
	forDesign purpose = iota // designs named, negated or not; the model (in mice)
	forCausal                // causal wording, hedged or negated
	forPeople                // words for people (and designs, which own "in human cells")
	forMeta                  // years and journals
	purposes
)

var purposeTables = [purposes][]*phrase.Table{
	forDesign: {claims.DesignTable, claims.NegationTable, claims.NoEvidenceTable},
	forCausal: {claims.CausalTable, claims.NounUseTable, claims.HedgeTable, claims.NegationTable, claims.NoEvidenceTable},
	forPeople: {claims.PeopleTable, claims.DesignTable},
	forMeta:   {claims.YearTable, claims.JournalTable},
}

// firstTable is the table a purpose needs a match of before the others
// are worth reading: negations are in nearly every sentence, designs and
// causal words in few.
var firstTable = [purposes]*phrase.Table{forDesign: claims.DesignTable, forCausal: claims.CausalTable}

var purposeMatchers, firstMatchers [purposes]func() *phrase.Matcher

func init() {
	for i := range purposeMatchers {
		ts, first := purposeTables[i], firstTable[i]
		purposeMatchers[i] = sync.OnceValue(func() *phrase.Matcher { return compile(ts...) })
		if first != nil {
			firstMatchers[i] = sync.OnceValue(func() *phrase.Matcher { return compile(first) })
		}
	}
}

// readClaim reads sentence s for purpose pu.
func readClaim(pu purpose, s string) claims.Claim {
	t := phrase.Normalize(s)
	if fm := firstMatchers[pu]; fm != nil && len(fm().Scan(nil, &t)) == 0 {
		return claims.Claim{}
	}
	return claims.Read(s, &t, purposeMatchers[pu]().Scan(nil, &t))
}

// digits reports whether s holds a number other than a year, and
// whether it holds a year: a four-digit number from 1900 to 2099 on its
// own, which may date a publication but counts nothing.
func digits(s string) (number, year bool) {
	for i := 0; i < len(s); {
		if !digit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && digit(s[j]) {
			j++
		}
		if j-i == 4 && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') &&
			(i == 0 || s[i-1] != '.' && s[i-1] != ',') && (j == len(s) || s[j] != ',' && s[j] != '.' || j+1 == len(s) || !digit(s[j+1])) {
			year = true
		} else {
			number = true
		}
		if number && year {
			break
		}
		i = j
	}
	return number, year
}

func digit(c byte) bool { return c >= '0' && c <= '9' }

// citesYear reports whether c gives a study's year by naming the study
// or its authors.
func citesYear(c *claims.Claim) bool {
	for _, y := range c.Years {
		if y.Cue == claims.CueStudy || y.Cue == claims.CueAuthor {
			return true
		}
	}
	return false
}

// pluralDesign reports whether a design mention names several studies
// ("randomised trials", "meta-analyses"): other studies, not this one.
func pluralDesign(words string) bool {
	w := strings.ToLower(words)
	if i := strings.LastIndexAny(w, " \u00a0-"); i >= 0 {
		w = w[i+1:]
	}
	switch w {
	case "studies", "trials", "rcts", "reviews", "analyses", "cohorts", "reports", "experiments", "models":
		return true
	}
	return false
}

// sourceTableSet holds the source rules' word tables. Only online runs
// read them, so they are built on first use (sourceTables), not at
// start-up.
type sourceTableSet struct {
	// studyCue is words that speak of a study, its researchers or its
	// participants; otherStudy vetoes them.
	studyCue *phrase.Table
	// otherStudy is wording that speaks of other studies or of the world
	// at large: a sentence with it is not checked against the cited study.
	otherStudy *phrase.Table
	// arm is wording that speaks of a part of a study's sample: its count
	// is smaller than the sample's, and rightly so.
	arm *phrase.Table
	// ahead is wording about studies to come or compared: "trials are
	// needed", "unlike a randomised trial".
	ahead *phrase.Table
	// heading is words of a heading or a label ("Participants:") under
	// which sentences speak of the study.
	heading *phrase.Table
	// trigger holds the triggers, each entry's Note naming its purpose.
	trigger *phrase.Table
	// people are claims.PeopleTable's words as phrases: a sentence
	// without one is read for people no further (the table's patterns
	// cost more than its words).
	people *phrase.Table
	// numbers are the number words quantity reads in the languages the
	// source rules read (German glues its own: see bindSources).
	numbers map[string]bool
}

var sourceTables = sync.OnceValue(func() *sourceTableSet {
	return &sourceTableSet{
		studyCue: wordsTable("source: the study", "",
			"study", "trial", "researchers", "investigators", "scientists", "authors", "participants", "participant", "enrolled",
			"enroled", "recruited", "randomised", "randomized", "randomly", "follow-up", "meta-analysis",
			"studie", "forscher", "forscherinnen", "autoren", "teilnehmer", "teilnehmerinnen", "teilnehmenden", "étude", "essai",
			"chercheurs", "auteurs", "estudio", "ensayo", "investigadores", "autores", "participantes"),
		otherStudy: wordsTable("source: other studies", "",
			"previous", "previously", "earlier", "prior", "another", "former", "other studies", "other trials", "other research",
			"other work", "separate study", "similar studies", "similar trials", "older studies", "many studies", "several studies",
			"some studies", "most studies", "numerous studies", "few studies", "multiple studies", "large studies", "studies have",
			"studies show", "studies showed", "studies suggest", "studies found", "research has", "research shows", "guideline",
			"guidelines", "official", "officially", "worldwide", "globally", "around the world", "nationwide", "each year",
			"every year", "per year", "annually", "recommended daily", "recommended intake", "recommended dose",
			"frühere", "früheren", "andere studien", "weltweit", "précédente", "précédentes", "précédent", "précédents",
			"autres études", "dans le monde", "anterior", "anteriores", "otros estudios", "en el mundo"),
		arm: wordsTable("source: a group of the study", "",
			"placebo", "control", "controls", "group", "groups", "arm", "arms", "of them", "of whom", "of these", "of those", "half",
			"one in", "subgroup", "subgroups", "completed", "finished", "dropped out", "lost to follow-up", "withdrew", "analysed",
			"analyzed", "cases"),
		ahead: wordsTable("source: work to come", "",
			"is needed", "are needed", "was needed", "were needed", "still needed", "needs to be", "need to be", "future", "further",
			"larger", "longer", "more research", "more studies", "more trials", "will be", "would be", "should be", "must be",
			"planned", "ongoing", "underway", "unlike", "rather than", "than a", "than an", "instead of", "gold standard"),
		heading: wordsTable("source: study headings", "",
			"study", "studies", "trial", "research", "finding", "findings", "result", "results", "method", "methods", "design",
			"outcome", "outcomes", "participants", "participant", "population", "sample", "sample size", "intervention", "dose",
			"dosage", "duration", "follow-up", "cohort", "analysis", "meta-analysis", "review", "what they found", "evidence",
			"studie", "ergebnisse", "methoden", "teilnehmer", "étude", "résultats", "méthodes", "estudio", "resultados", "métodos",
			"participantes"),
		trigger: func() *phrase.Table {
			t := &phrase.Table{Name: "source: triggers", Entries: make([]phrase.Entry, 0, 400)}
			add := func(note string, words ...string) {
				examples := slices.Clone(words)
				for i, w := range words {
					t.Entries = append(t.Entries, phrase.Entry{Phrase: w, Note: note, Match: examples[i : i+1 : i+1]})
				}
			}
			// Every design the claims tables name has a qualifier ("randomised",
			// "cohort", "systematic"): "study" alone names none.
			add(triggerDesign, "randomised", "randomized", "rct", "rcts", "clinical trial", "clinical trials", "controlled trial",
				"controlled trials", "double-blind", "double-blinded", "intervention trial", "intervention trials",
				"interventional trial", "interventional trials", "phase 1", "phase 2", "phase 3", "phase 4", "phase i", "phase ii",
				"phase iii", "phase iv", "meta-analysis", "meta-analyses", "meta analysis", "meta analyses", "metaanalysis",
				"metaanalyses", "systematic review", "systematic reviews", "systematic literature", "cochrane", "umbrella review",
				"umbrella reviews", "narrative review", "narrative reviews", "literature review", "literature reviews",
				"scoping review", "scoping reviews", "critical review", "critical reviews", "review of", "cohort", "cohorts",
				"prospective", "retrospective", "longitudinal",
				"case-control", "case control", "cross-sectional", "cross sectional", "case report", "case reports", "case series",
				"observational", "epidemiological", "population-based",
				"randomisiert", "randomisierte", "randomisierten", "randomisierter", "randomisiertes", "klinische", "klinischen",
				"klinischer", "metaanalyse", "metaanalysen", "systematische", "systematischen", "systematischer", "kohortenstudie",
				"kohortenstudien", "fall-kontroll", "querschnittsstudie", "querschnittsstudien", "querschnittstudie", "fallbericht",
				"fallberichte", "beobachtungsstudie", "beobachtungsstudien",
				"randomisé", "randomisés", "randomisée", "aléatoire", "aléatoires", "clinique", "cliniques", "méta-analyse",
				"méta-analyses", "systématique", "systématiques", "cohorte", "cohortes", "cas-témoin", "cas-témoins", "transversale",
				"transversales", "rapport de cas", "rapports de cas", "observationnelle", "observationnelles",
				"aleatorizado", "aleatorizados", "aleatorisado", "aleatorisados", "randomizado", "randomizados", "clínico", "clínicos",
				"meta-análisis", "metaanálisis", "meta análisis", "sistemática", "sistemáticas", "casos y controles", "transversal",
				"transversales", "de caso", "de casos", "observacional", "observacionales", "coorte")
			add(triggerModel, "mice", "mouse", "rats", "rat", "rodent", "rodents", "murine", "animal", "animals", "monkeys",
				"primate", "primates", "macaques", "pigs", "piglets", "porcine", "dogs", "canine", "rabbits", "hamsters", "zebrafish",
				"fruit flies", "sheep", "cows", "worms", "cells", "cell culture", "cell cultures", "cell line", "cell lines", "vitro",
				"petri", "test-tube", "test tube", "lab dish",
				"mäusen", "ratten", "tieren", "tierversuch", "tierversuchen", "tierstudie", "tierstudien", "mausmodell", "zellen",
				"zellkultur", "zellkulturen", "souris", "animaux", "cellules", "cellulaires", "ratones", "ratas", "animales",
				"células", "celulares")
			add(triggerCausal, "cause", "causes", "caused", "causing", "prevent", "prevents", "prevented", "preventing", "cure", "cures",
				"cured", "curing", "protect", "protects", "protected", "protecting", "lead to", "leads to", "led to", "leading to",
				"prove", "proves", "proved", "proven", "proving", "risk", "risks", "result in", "results in", "resulted in",
				"resulting in", "trigger", "triggers", "triggered", "reverses", "reversed", "responsible for",
				"verursacht", "verursachen", "verursachte", "verursachten", "verhindert", "verhindern", "verhinderte", "verhinderten",
				"heilt", "heilen", "schützt", "schützen", "führt zu", "führen zu", "führte zu", "führten zu", "beweist", "beweisen",
				"risiko", "provoque", "provoquent", "prévient", "préviennent", "guérit", "guérissent", "protège", "protègent",
				"conduit à", "conduisent à", "entraîne", "entraînent", "prouve", "prouvent", "risque", "causa", "causan", "provoca",
				"provocan", "previene", "previenen", "protege", "protegen", "conduce a", "conducen a", "demuestra", "demuestran",
				"riesgo")
			// The words before a journal's name (claims.JournalTable); a year
			// (an author's citation, "published in 2019") is looked for apart.
			add(triggerJournal, "published", "appeared", "appears", "journal", "publiziert",
				"veröffentlicht", "erschienen", "publiée", "publié", "publiés", "publiées", "paru", "parue", "parus", "parues",
				"publicado", "publicada", "publicados", "publicadas", "revista", "study in", "studies in", "trial in", "trials in",
				"paper in", "papers in", "analysis in", "analyses in", "review in", "reviews in", "research in", "report in",
				"reports in", "article in", "articles in", "findings in")
			return t
		}(),
		people: wordsTable("source: people", "",
			"people", "person", "persons", "patient", "patients", "mother", "mothers", "mum", "mums", "mom", "moms", "women", "woman",
			"men", "children", "child", "kid", "kids", "adult", "adults", "human", "humans", "babies", "baby", "infant", "infants",
			"newborn", "newborns", "participant", "participants", "volunteer", "volunteers", "seniors", "older adults", "elderly",
			"teens", "teenager", "teenagers", "adolescent", "adolescents", "you", "your", "anyone", "everyone", "smoker", "smokers",
			"individual", "individuals", "parent", "parents", "families", "girl", "girls", "boy", "boys", "student", "students",
			"father", "fathers", "dad", "dads", "consumers", "pregnant women",
			"menschen", "patienten", "patientinnen", "frauen", "männer", "kinder", "mütter", "erwachsene", "erwachsenen",
			"säuglinge", "säuglingen", "babys", "schwangere", "schwangeren", "personnes", "femmes", "hommes", "enfants", "mères",
			"adultes", "bébés", "nourrissons", "vous", "personas", "pacientes", "mujeres", "hombres", "niños", "madres", "adultos",
			"bebés", "usted", "ustedes"),
		numbers: func() map[string]bool {
			m := map[string]bool{}
			for _, w := range strings.Fields(`one two three four five six seven eight nine ten eleven twelve thirteen fourteen
			fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
			million millions dozen
			deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante
			cinquante soixante quatre-vingts cent cents mille douzaine
			dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho
			diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho
			veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento doscientos trescientos
			cuatrocientos quinientos seiscientos setecientos ochocientos novecientos mil millones docena`) {
				m[w] = true
			}
			return m
		}(),
	}
})
