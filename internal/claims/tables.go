package claims

import "github.com/articlelint/articlelint/internal/phrase"

// designEntry is a phrase that names a design. An entry of design
// Unknown vetoes the designs it overlaps: "in vitro fertilisation" is no
// study in cells.
type designEntry struct {
	design Design
	phrase.Entry
}

// Patterns are RE2 over normalised text: lower case, one space between
// words, "-" for every dash, "'" for every apostrophe.
var designEntries = []designEntry{
	{RCT, phrase.Entry{Pattern: `randomi[sz]ed(?:,? (?:double-blind(?:ed)?|single-blind(?:ed)?|triple-blind(?:ed)?|placebo-controlled|controlled|clinical|open-label|cross-?over|cluster|multi-?cent(?:er|re)|parallel-group|pragmatic|phase (?:i{1,3}|iv|[1-4]))){0,4},? (?:trials?|stud(?:y|ies)|experiments?)`,
		Match:   []string{"a randomized controlled trial", "a randomised, double-blind, placebo-controlled trial", "Randomized clinical trial", "a randomised trial", "randomized\u00a0controlled\ntrials"},
		NoMatch: []string{"randomly selected mothers", "randomized to vitamin D", "a randomised controller"}}},
	{RCT, phrase.Entry{Pattern: `rcts?`, Match: []string{"an RCT", "12 RCTs"}, NoMatch: []string{"rctx"}}},
	{RCT, phrase.Entry{Pattern: `randomisiert(?:e[nrs]?)?(?:-| )(?:kontrolliert(?:e[nrs]?)? |placebokontrolliert(?:e[nrs]?)? |doppelblind(?:e[nrs]?)? |klinisch(?:e[nrs]?)? ){0,3}(?:studien?|doppelblindstudien?)`, Lang: "de",
		Match: []string{"eine randomisierte kontrollierte Studie", "randomisiert-kontrollierte Studien"}}},
	{RCT, phrase.Entry{Pattern: `essais? (?:cliniques? )?(?:contrôlés? )?(?:randomisés?|aléatoires?)`, Lang: "fr",
		Match: []string{"un essai contrôlé randomisé", "essai clinique randomisé"}}},
	{RCT, phrase.Entry{Pattern: `ensayos? (?:clínicos? )?(?:controlados? )?(?:aleatori[sz]ados?|randomi[sz]ados?)`, Lang: "es",
		Match: []string{"un ensayo clínico aleatorizado", "ensayo controlado aleatorizado"}}},
	{Trial, phrase.Entry{Pattern: `(?:non|quasi)-?randomi[sz]ed (?:controlled )?(?:clinical )?(?:trials?|stud(?:y|ies))`,
		Match: []string{"a non-randomized trial", "a quasi-randomised study", "nonrandomized controlled trial"}}},
	{Trial, phrase.Entry{Pattern: `(?:clinical|placebo-controlled|double-blind(?:ed)?|controlled|intervention(?:al)?|phase (?:i{1,3}|iv|[1-4])) trials?`,
		Match: []string{"a clinical trial", "a double-blind trial", "a phase 3 trial", "an intervention trial"}, NoMatch: []string{"a trial", "clinical trialist"}}},
	{Trial, phrase.Entry{Pattern: `klinische[nr]? studien?|essais? cliniques?|ensayos? clínicos?`,
		Match: []string{"eine klinische Studie", "un essai clinique", "un ensayo clínico"}}},
	{MetaAnalysis, phrase.Entry{Pattern: `meta-? ?analy[sz](?:is|es)|metaanalyse[n]?|méta-analyses?|meta-? ?análisis`,
		Match: []string{"a meta-analysis", "two meta–analyses", "a meta analysis", "eine Metaanalyse", "une méta-analyse", "un metaanálisis"}, NoMatch: []string{"metadata analysis"}}},
	{SystematicReview, phrase.Entry{Pattern: `(?:systematic (?:literature )?|cochrane |umbrella )reviews?`,
		Match: []string{"a systematic review", "Cochrane reviews", "a systematic literature review"}, NoMatch: []string{"a narrative review"}}},
	{SystematicReview, phrase.Entry{Pattern: `systematische[nr]? (?:übersichtsarbeit(?:en)?|übersicht|reviews?|literaturübersicht)|revues? systématiques?|revisi(?:ón|ones) sistemáticas?`,
		Match: []string{"eine systematische Übersichtsarbeit", "une revue systématique", "una revisión sistemática"}}},
	{Review, phrase.Entry{Pattern: `(?:narrative|literature|scoping|critical) reviews?|review of (?:[\pL\d,-]+ ){0,2}(?:studies|trials|papers|the (?:evidence|literature|research))`,
		Match: []string{"a narrative review", "a review of 12 studies", "a review of the evidence"}, NoMatch: []string{"a review of the book"}}},
	{Cohort, phrase.Entry{Pattern: `cohort (?:stud(?:y|ies)|analys[ie]s|data)|(?:prospective|retrospective|birth|population-based|nationwide|longitudinal) cohorts?|(?:prospective|longitudinal) stud(?:y|ies)`,
		Match: []string{"a cohort study", "a prospective cohort", "the birth cohort", "a longitudinal study", "cohort\u00a0studies"}, NoMatch: []string{"a cohort of women", "cohort studying"}}},
	{Cohort, phrase.Entry{Pattern: `kohortenstudie[n]?|études? de cohortes?|estudios? de cohortes?|studio di coorte`,
		Match: []string{"eine Kohortenstudie", "une étude de cohorte", "un estudio de cohortes"}}},
	{CaseControl, phrase.Entry{Pattern: `case-? ?control(?: stud(?:y|ies))?|fall-kontroll-studien?|cas-témoins?|casos y controles`,
		Match: []string{"a case-control study", "a case control study", "nested case–control", "étude cas-témoins"}, NoMatch: []string{"case controls"}}},
	{CrossSectional, phrase.Entry{Pattern: `cross-? ?sectional (?:stud(?:y|ies)|surveys?|analys[ie]s|data|design)|querschnitts?studien?|études? transversales?|estudios? transversal(?:es)?`,
		Match: []string{"a cross-sectional study", "a cross sectional survey", "eine Querschnittsstudie"}, NoMatch: []string{"cross-sectional area"}}},
	{CaseReport, phrase.Entry{Pattern: `case (?:reports?|series)|fallberichte?|rapports? de cas|(?:reporte|informe)s? de casos?|series? de casos`,
		Match: []string{"a case report", "a case series", "ein Fallbericht"}, NoMatch: []string{"a case study"}}},
	{Observational, phrase.Entry{Pattern: `observational (?:stud(?:y|ies)|research|data|analys[ie]s|evidence|design)|(?:epidemiological|population-based) stud(?:y|ies)|retrospective (?:stud(?:y|ies)|analys[ie]s)`,
		Match: []string{"an observational study", "observational data", "an epidemiological study", "a retrospective analysis"}, NoMatch: []string{"observational astronomy"}}},
	{Observational, phrase.Entry{Pattern: `beobachtungsstudien?|études? observationnelles?|estudios? observacional(?:es)?`,
		Match: []string{"eine Beobachtungsstudie", "une étude observationnelle", "un estudio observacional"}}},
	{Animal, phrase.Entry{Pattern: `(?:in|on|of|with|using) (?:lab(?:oratory)? |pregnant |obese |young |old |aged |male |female |diabetic |genetically modified |transgenic )?(?:mice|rats|rodents|animals|monkeys|primates|macaques|pigs|piglets|dogs|rabbits|hamsters|zebrafish|fruit flies|sheep|cows|worms)`,
		Match: []string{"in mice", "on lab rats", "in pregnant mice", "in animals"}, NoMatch: []string{"in mothers", "in animal lovers"}}},
	{Animal, phrase.Entry{Pattern: `(?:mouse|mice|rat|rodent|murine|animal|primate|porcine|canine) (?:models?|stud(?:y|ies)|experiments?)|(?:lab|laboratory) (?:mice|rats|animals)|mice|rats|rodents`,
		Match: []string{"a mouse model", "an animal study", "Mice given vitamin D", "rodents"}, NoMatch: []string{"a mouse click", "animal welfare"}}},
	{Animal, phrase.Entry{Pattern: `(?:an|bei) (?:mäusen|ratten|tieren)|tierversuch(?:en|e)?|tierstudien?|mausmodell|chez (?:la |les |des )?(?:souris|rats|animaux)|en (?:ratones|ratas|animales)|modelos? animal(?:es)?`,
		Match: []string{"bei Mäusen", "in Tierversuchen", "chez la souris", "en ratones"}}},
	{InVitro, phrase.Entry{Pattern: `in vitro`, Match: []string{"in vitro", "In\u00a0vitro"}, NoMatch: []string{"in vitrosomething"}}},
	{InVitro, phrase.Entry{Pattern: `(?:in|on|using) (?:human |cancer |tumou?r |immune |stem |isolated |cultured |lab-grown )?cells|cell (?:cultures?|lines?)`,
		Match: []string{"in human cells", "in cell cultures", "on cancer cells"}, NoMatch: []string{"in cellars", "cell phones"}}},
	{InVitro, phrase.Entry{Pattern: `(?:test-? ?tube|petri dish|lab dish) (?:stud(?:y|ies)|experiments?)|in (?:a )?(?:petri dish(?:es)?|test tubes?|lab dish(?:es)?)`,
		Match: []string{"a test-tube study", "in a petri dish", "in test tubes"}}},
	{InVitro, phrase.Entry{Pattern: `zellkulturen?|in (?:menschlichen )?zellen|sur des cellules|cultures? cellulaires?|en células|cultivos? celulares?`,
		Match: []string{"in Zellkulturen", "sur des cellules", "en células"}}},
	// Vetoes: words that contain a design's words but name none.
	{Unknown, phrase.Entry{Pattern: `in vitro fertili[sz]ation|mouse (?:click|pointer|button)s?|cell phones?`,
		Match: []string{"in vitro fertilisation", "a mouse click"}}},
}

// DesignTable is designEntries as a table; Design(m) is a match's design.
var DesignTable = tableOf("claims: designs", designEntries)

func tableOf(name string, es []designEntry) *phrase.Table {
	t := &phrase.Table{Name: name}
	for _, e := range es {
		e.Entry.Note = e.design.String()
		t.Entries = append(t.Entries, e.Entry)
	}
	return t
}

// CausalTable is causal wording: a finding said to cause, prevent or
// cure. Hedged and negated uses are told apart by HedgeTable and the
// negation tables.
var CausalTable = &phrase.Table{Name: "claims: causal", Entries: []phrase.Entry{
	{Pattern: `caus(?:es|ed|e|ing)`, Match: []string{"Vitamin D causes", "caused fewer infections", "does not cause"}, NoMatch: []string{"because"}},
	{Pattern: `prevent(?:s|ed|ing)?`, Match: []string{"prevents asthma", "Vitamin D prevented"}, NoMatch: []string{"preventive care", "prevention"}},
	{Pattern: `cur(?:es|ed|e|ing)`, Match: []string{"cures asthma", "cured the children"}, NoMatch: []string{"curious", "secure", "curtain"}},
	{Pattern: `protect(?:s|ed|ing)? (?:[\pL-]+ ){0,2}?(?:against|from)`, Match: []string{"protects against asthma", "protects children from"}, NoMatch: []string{"protective against"}},
	{Pattern: `(?:leads?|led|leading) to`, Match: []string{"leads to fewer", "led to"}, NoMatch: []string{"leaders to"}},
	{Pattern: `prov(?:es|ed|en|e|ing)`, Match: []string{"proves that", "has been proven"}, NoMatch: []string{"improves", "provenance"}},
	{Pattern: `(?:reduces|lowers|cuts|halves|slashes|increases|raises|doubles|triples|boosts) (?:[\pL-]+ )?risks?`,
		Match: []string{"reduces the risk", "lowers asthma risk", "cuts risk"}, NoMatch: []string{"a reduced risk"}},
	{Pattern: `(?:reduc(?:ed|ing|e)|lower(?:ed|ing)?|cut(?:ting)?|halv(?:ed|ing|e)|slashed|increas(?:ed|ing|e)|rais(?:ed|ing|e)|doubl(?:ed|ing|e)|tripl(?:ed|ing|e)|boosted) (?:the|their|your|his|her|its|one's|a person's|people's) (?:[\pL-]+ )?risks?`,
		Match: []string{"reduced the risk", "lower your risk", "increased their asthma risk"}, NoMatch: []string{"had a reduced risk", "a lower risk", "increased risk"}},
	{Pattern: `(?:results?|resulted|resulting) in`, Match: []string{"results in fewer", "resulted in"}},
	{Pattern: `trigger(?:s|ed)|revers(?:es|ed)|(?:is|are|was|were) responsible for`, Match: []string{"triggers asthma", "reversed the damage", "is responsible for"}, NoMatch: []string{"a trigger", "reverse"}},
	{Pattern: `verursach(?:ten|te|en|t)|verhinder(?:ten|te|n|t)|heil(?:t|en)|schütz(?:t|en) vor|führ(?:ten|te|en|t) zu|beweis(?:t|en)|(?:senkt|senken|reduziert|reduzieren|verringert|erhöht|erhöhen) das (?:[\pL-]+ )?risiko`, Lang: "de",
		Match: []string{"verursacht Asthma", "schützt vor Asthma", "senkt das Risiko"}, NoMatch: []string{"Heilung"}},
	{Pattern: `provoqu(?:ent|e)|prévien(?:t|nent)|guéri(?:t|ssent)|protèg(?:ent|e) (?:[\pL-]+ )?contre|condui(?:t|sent) à|entraîn(?:ent|e)|prouv(?:ent|e)|rédui(?:t|sent) le risque`, Lang: "fr",
		Match: []string{"prévient l'asthme", "protège contre", "réduit le risque"}},
	{Pattern: `caus(?:an|a)|provoc(?:an|a)|previen(?:en|e)|proteg(?:en|e) (?:[\pL-]+ )?contra|conduc(?:en|e) a|demuestr(?:an|a)|(?:reducen|reduce|disminuyen|disminuye|aumentan|aumenta) el riesgo`, Lang: "es",
		Match: []string{"previene el asma", "reduce el riesgo"}},
}}

// NounUseTable vetoes causal words used as nouns or adjectives: "the
// cause of", "a cure for", "cured ham".
var NounUseTable = &phrase.Table{Name: "claims: causal words as nouns", Entries: []phrase.Entry{
	{Pattern: `(?:the|a|an|its|their|main|leading|root|major|common|possible|no|one|underlying|real|true|known|new) "?(?:causes?|cures?|proof)`,
		Match: []string{"the cause of asthma", "a cure for", "no cure", `hailed as a "cure"`}, NoMatch: []string{"it causes"}},
	{Pattern: `cured (?:meats?|ham|pork|fish|salmon|sausages?|bacon)`, Match: []string{"cured meats"}},
	// "Cured" as what became of a patient, not what a treatment did:
	// "cured patients", "half were cured", "moderate and cured (n = 2)".
	// With an agent ("were cured by the drug") it stays causal.
	{Pattern: `(?:in|from|of|among|recently|clinically|fully) cured|(?:were|was|are|is|been|being) cured(?: ?[,.;:)]| and| or)|cured(?: \(|,)`,
		Match:   []string{"in cured patients", "plasma from recently cured donors", "53% were cured, and", "severe and cured (n = 2)"},
		NoMatch: []string{"the drug cured the children", "children were cured by the drug"}},
	// A relation's name, not a claim: "cause-effect relationships".
	{Pattern: `caus(?:e|es)(?:-| and )(?:and-)?effects?`, Match: []string{"a cause-effect chain", "cause and effect"}, NoMatch: []string{"causes side effects"}},
	// "Proved" for "turned out": "proved useful", "proved itself to be".
	{Pattern: `prov(?:ed|en|es|e) (?:(?:itself|themselves|very|quite|incredibly|extremely|highly|so|too|particularly|especially) )*(?:to be|incapable|unable|useful|difficult|hard|easy|challenging|impossible|popular|elusive|invaluable|valuable|helpful|fruitful|reliable|accurate|wrong|correct|controversial|costly|expensive)`,
		Match: []string{"proved incapable of", "proved itself to be the fastest", "proved incredibly useful"}, NoMatch: []string{"proves that vitamin D works", "proved the point"}},
	// A noun: "the result in mice"; "this results in" is the verb.
	{Pattern: `(?:the|a|an|our|their|its|his|her|first|final|main|same|overall|primary) results? in`,
		Match: []string{"the result in mice", "their results in children"}, NoMatch: []string{"this results in fewer", "it resulted in"}},
	{Pattern: `prov(?:e|es|ed|ing) or disprov(?:e|es|ed|ing)`, Match: []string{"to prove or disprove the myths"}},
}}

// HedgeTable is wording that does not assert cause: association,
// possibility, a question, an aim.
var HedgeTable = &phrase.Table{Name: "claims: hedged", Entries: []phrase.Entry{
	{Pattern: `associat(?:ions|ion|ed)|linked (?:to|with)|links? between|tied to|connected (?:to|with)|related to|correlat(?:ions|ion|ed|es)|relationship between`,
		Match: []string{"is associated with", "was linked to", "a link between", "correlated with"}, NoMatch: []string{"associate professor", "the links"}},
	{Pattern: `(?:may|might|could) [\pL-]+`, Match: []string{"may reduce", "might help", "could prevent"}, NoMatch: []string{"In May 2020"}},
	{Pattern: `suggest(?:s|ed|ing)?|possibl[ey]|potential(?:ly)?|likely|(?:appear|seem)(?:s|ed)? to|hint(?:s|ed)? (?:that|at)`,
		Match: []string{"the study suggests", "possibly", "appears to", "seems to"}, NoMatch: []string{"suggestion box"}},
	{Pattern: `whether|\?`, Match: []string{"tested whether", "Does it prevent asthma?"}},
	{Pattern: `(?:i|we) hope`, Match: []string{"I hope the talks will lead to", "we hope that"}, NoMatch: []string{"hope is"}},
	{Pattern: `(?:aim(?:s|ed)?|designed|intended|tr(?:ying|ies|ied|y)|in order|sought|seek(?:s|ing)?|attempt(?:s|ed|ing)?|hop(?:es|ed|e|ing)|plan(?:s|ned)?|set out|want(?:s|ed)?) to`,
		Match: []string{"aimed to prevent", "designed to test", "in order to"}, NoMatch: []string{"aimed at"}},
	{Pattern: `assoziiert|zusammenhang|verbunden mit|könnte[n]?|möglicherweise|vermutlich|deutet darauf hin`, Lang: "de",
		Match: []string{"ist assoziiert mit", "könnte helfen", "im Zusammenhang mit"}},
	{Pattern: `associée?s? (?:à|avec)|liée?s? (?:à|au|aux)|pourrai(?:t|ent)|suggère(?:nt)?|peut-être`, Lang: "fr",
		Match: []string{"associé à", "pourrait réduire"}},
	{Pattern: `asociad[oa]s? (?:con|a)|relacionad[oa]s? con|vinculad[oa]s? (?:con|a)|podría(?:n)?|sugiere(?:n)?|posiblemente`, Lang: "es",
		Match: []string{"asociado con", "podría reducir"}},
}}

// NegationTable is a negation; a causal word within four words after one
// is negated: "does not cause", "did not significantly reduce the risk".
var NegationTable = &phrase.Table{Name: "claims: negation", Entries: []phrase.Entry{
	{Pattern: `not|never|no longer|cannot|(?:can|won|does|do|did|is|are|was|were|has|have|had|could|would|should)n't|fail(?:s|ed)? to|nor|neither`,
		Match: []string{"does not cause", "doesn't cause", "never", "failed to"}, NoMatch: []string{"nothing", "notable"}},
	{Pattern: `nicht|kein(?:en|er|em|e)?|ne|n'|pas|jamais|nunca|no`, Match: []string{"nicht", "ne prévient pas", "n'entraîne pas", "no previene"}, NoMatch: []string{"keinesfalls", "none"}},
}}

// NoEvidenceTable says a finding is absent or unproven; a causal word
// anywhere after one in the sentence is negated: "no evidence that
// vitamin D prevents asthma".
var NoEvidenceTable = &phrase.Table{Name: "claims: no evidence", Entries: []phrase.Entry{
	{Pattern: `no (?:evidence|proof|link|association|effect|benefit|sign)|found no|(?:remains?|yet|needs?) to be (?:proven|shown|established|confirmed)|(?:not|never) (?:proven|established|clear|shown)|unclear (?:whether|if)|(?:little|limited|insufficient|weak) evidence`,
		Match: []string{"There is no evidence that", "found no link", "remains to be proven", "little evidence"}, NoMatch: []string{"new evidence"}},
	{Pattern: `kein(?:e|en)? (?:hinweise?|beweise?|belege?)|aucune preuve|(?:ninguna|no hay) evidencia`,
		Match: []string{"keine Belege", "aucune preuve", "no hay evidencia"}},
}}

// PeopleTable is words for people: a finding stated about them is
// stated about humans.
var PeopleTable = &phrase.Table{Name: "claims: people", Entries: []phrase.Entry{
	{Pattern: `people|persons?|patients?|mothers?|mums?|moms?|women|woman|men|children|child|kids?|adults?|humans?|babies|baby|infants?|newborns?|participants?|volunteers?|seniors|older adults|(?:the )?elderly|teens|teenagers?|adolescents?|you|your|anyone|everyone|smokers?|individuals?|parents?|families|girls?|boys?|students?|fathers?|dads?|consumers|pregnant women`,
		Match: []string{"mothers who took", "in people", "you should", "patients"}, NoMatch: []string{"peoples'", "menswear"}},
	{Pattern: `menschen|patient(?:en|innen)|frauen|männer|kinder|mütter|erwachsene[n]?|säuglinge[n]?|babys|schwangere[n]?|personnes|femmes|hommes|enfants|mères|adultes|bébés|nourrissons|vous|personas|pacientes|mujeres|hombres|niños|madres|adultos|bebés|usted(?:es)?`,
		Match: []string{"bei Frauen", "chez les femmes", "en mujeres"}},
}}

// months are never the start of a journal's name or an author's.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

const monthRE = `(?:january|february|march|april|may|june|july|august|september|october|november|december)`

// Year cues, for Year.Cue.
const (
	CuePublished = "published" // "published in 2019"
	CueAuthor    = "author"    // "(Smith et al., 2020)"
	CueStudy     = "study"     // "a 2019 study"
	CueJournal   = "journal"   // "The Lancet (2019)"
)

// yearEntry is a pattern whose group 1 is a year.
type yearEntry struct {
	cue string
	phrase.Entry
}

var yearEntries = []yearEntry{
	{CuePublished, phrase.Entry{Pattern: `(?:published|appeared|publiziert|veröffentlicht|erschienen|publiée?s?|publicad[oa]s?) (?:online )?(?:[\pL&'-]+ ){0,8}?(?:in|im|en|dans) (?:` + monthRE + ` )?((?:19|20)\d\d)`, Group: 1,
		Match: []string{"published in The Lancet in 2019", "published online in December 2019", "published in 2021"}, NoMatch: []string{"published in The Lancet"}}},
	{CueAuthor, phrase.Entry{Pattern: `(?:et al\.?|and colleagues|& colleagues|and co-workers),? \(?((?:19|20)\d\d)[a-z]?`, Group: 1,
		Match: []string{"(Smith et al., 2020)", "Smith et al. (2020)", "Smith and colleagues (2019)"}, NoMatch: []string{"et al."}}},
	{CueAuthor, phrase.Entry{Pattern: `\(\pL[\pL'-]*(?: (?:and|&) \pL[\pL'-]*)?,? ((?:19|20)\d\d)[a-z]?[);,]`, Group: 1,
		Match: []string{"(Smith, 2020)", "(Smith and Jones 2019)", "(Hollis & Wagner, 2004; Wagner 2010)"}, NoMatch: []string{"(n = 2020)"}}},
	{CueStudy, phrase.Entry{Pattern: `(?:a|the|this|that|their|his|her|its) ((?:19|20)\d\d) (?:study|trial|paper|review|meta-analysis|analysis|report|survey|publication)`, Group: 1,
		Match: []string{"a 2019 study", "The 2021 meta-analysis"}, NoMatch: []string{"a 2019 cohort of"}}},
}

// YearTable is yearEntries as a table.
var YearTable = yearTable()

func yearTable() *phrase.Table {
	t := &phrase.Table{Name: "claims: years"}
	for _, e := range yearEntries {
		e.Entry.Note = e.cue
		t.Entries = append(t.Entries, e.Entry)
	}
	return t
}

// JournalTable is the words before a journal's name: the name itself is
// read from the original text, in its capitals (readJournal).
var JournalTable = &phrase.Table{Name: "claims: journals", Entries: []phrase.Entry{
	{Pattern: `(?:published|appeared|appears|publiziert|veröffentlicht|erschienen) (?:online )?(?:(?:today|recently|yesterday|(?:last|this|earlier this) (?:week|month|year)) )?(?:in|im) (?:(?:fachzeitschrift|fachjournal|zeitschrift) )?`,
		Match: []string{"published in The Lancet", "published online today in Nature", "veröffentlicht im Fachjournal Nature"}},
	{Pattern: `published (?:online )?in (?:` + monthRE + ` )?(?:19|20)\d\d in `,
		Match: []string{"published in 2019 in The Lancet", "published in May 2019 in JAMA"}},
	{Pattern: `(?:publiée?s?|paru(?:es|e|s)?) dans (?:la revue |le journal )?|publicad[oa]s? en (?:la revista )?|in the (?:medical |scientific |peer-reviewed )?journal `,
		Match: []string{"publiée dans The Lancet", "publicado en la revista", "in the journal Nutrients"}},
	// Weak: "a meta-analysis in the New England Journal of Medicine";
	// the name must look like a journal's ("a study in Denmark" names
	// none).
	{Pattern: `(?:stud(?:y|ies)|trials?|papers?|analys[ie]s|meta-analys[ie]s|reviews?|research|reports?|articles?|findings|results) (?:published |appearing |reported )?in `, Note: "weak",
		Match: []string{"a meta-analysis in the New England Journal of Medicine", "a study in Nature"}},
}}

// journalish words make a name a journal's where the words before it do
// not say so.
var journalish = []string{
	"journal", "lancet", "nature", "science", "bmj", "jama", "nejm", "plos", "medicine", "pediatrics", "paediatrics",
	"nutrition", "nutrients", "cell", "reports", "research", "annals", "archives", "proceedings", "pnas", "bulletin",
	"clinical", "epidemiology", "elife", "cochrane", "frontiers", "diabetes", "obstetrics", "gynecology", "endocrinology",
	"neurology", "psychiatry", "cardiology", "oncology", "circulation", "gut", "thorax", "pediatric", "communications",
}

// Tables are the tables Read reads, for a caller that scans them with
// its own matcher.
func Tables() []*phrase.Table {
	return []*phrase.Table{DesignTable, CausalTable, NounUseTable, HedgeTable, NegationTable, NoEvidenceTable, PeopleTable, YearTable, JournalTable}
}
