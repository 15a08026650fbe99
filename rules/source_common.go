package rules

import (
	"slices"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/claims"
	"github.com/articlelint/articlelint/internal/doi"
	"github.com/articlelint/articlelint/internal/online"
	"github.com/articlelint/articlelint/internal/phrase"
	"github.com/articlelint/articlelint/internal/quantity"
)

// The source-* rules compare what an article says about a study with the
// study's own record (online.SourceRecord). Each sentence is bound to at
// most one cited study (Bindings); a bound sentence is checked only when
// it speaks of that study (attributed), so that background figures and
// other studies are never held against the record.

// sourceLanguages are the languages whose wording the source rules read:
// those of the claims tables and of the cue tables below.
var sourceLanguages = []string{"en", "de", "fr", "es"}

// Via says how a sentence was bound to its study.
type Via uint8

// Ways of binding, from the closest citation to the farthest.
const (
	ViaSentence    Via = iota + 1 // the sentence cites the DOI
	ViaParagraph                  // its paragraph (or list item) cites only that DOI
	ViaList                       // its list cites only that DOI
	ViaSection                    // its section cites only that DOI
	ViaArticle                    // the article cites only that DOI
	ViaFrontMatter                // the front matter's doi
)

var viaNames = [...]string{"", "sentence", "paragraph", "list", "section", "article", "front matter"}

func (v Via) String() string {
	if int(v) < len(viaNames) {
		return viaNames[v]
	}
	return "via?"
}

// strong reports whether the citation is in the sentence's own paragraph
// or list: a year or a design named there is the cited study's.
func (v Via) strong() bool { return v == ViaSentence || v == ViaParagraph || v == ViaList }

// Binding is a sentence of an article and the cited study it speaks of.
type Binding struct {
	// Sentence indexes Document.Sentences.
	Sentence int
	// DOI is the study's DOI as first cited; Key is its doi.Key.
	DOI, Key string
	Via      Via
	// Attributed: the sentence speaks of the study, so its numbers,
	// design and wording are checked. It, its paragraph or its list cites
	// the DOI; or it names the study ("the trial", "the researchers",
	// "participants"), or follows a sentence of its paragraph that does,
	// or stands under a heading or label that does ("Key Findings",
	// "Participants:"); and it names no other study ("previous trials",
	// "guidelines", "worldwide").
	Attributed bool
	// Claim is what the sentence claims; its spans are offsets into the
	// block's Prose.Text.
	Claim claims.Claim
	// arm: the sentence speaks of a group of the study (placebo group,
	// completers), whose counts are smaller than the whole.
	arm bool
	// ahead: the sentence speaks of work to come or compares
	// ("trials are needed", "unlike a trial"): a design it names is not
	// this study's.
	ahead bool
}

// Bindings binds each sentence of doc that a source rule may read to the
// study it cites: the DOI cited in the sentence; else the one its
// paragraph, list item or list cites; else the only one its section
// cites; else the only one the article cites; else the front matter's
// key (doi-mismatch's key, "doi" by default). A sentence whose sentence,
// paragraph, list or section cites two studies or more is not bound:
// which one it speaks of cannot be known. Block quotes are someone else's
// words and are not bound.
func Bindings(doc *article.Document, frontKey string) []Binding {
	return bindSources(doc, frontKey)
}

// bindings is the per-document state of the source rules.
type sourceView struct {
	binds []Binding
	// byKey lists, for each DOI key, the indexes in binds bound to it.
	byKey map[string][]int
	// keys are the bound DOI keys in order of their first citation.
	keys []string
	// cited is where each key is first cited (the front matter value for
	// a study the text never cites).
	cited map[string]article.Span
	// modelSaid: the article says somewhere (title, a heading, a bound
	// sentence) that a study was in animals or cells.
	modelSaid bool
	// quantities are each binding's quantities, found on first use.
	quantities map[int][]quantity.Quantity
	// record quantities and designs, by key, found on first use.
	recQ      map[string][]sourceQuantity
	recDesign map[string]recordDesign
}

type recordDesign struct {
	design claims.Design
	why    string
}

// sourceQuantity is a quantity of a record's title or abstract.
type sourceQuantity struct {
	quantity.Quantity
	text string // as written
	from string // "title" or "abstract"
}

// sourceView returns the document's bindings, made once per document and
// shared by the source rules; nil when there are no source records.
func (p *Pass) sourceView() *sourceView {
	if p.Online == nil || len(p.Online.Sources) == 0 {
		return nil
	}
	c := p.cache()
	if c.source == nil {
		key := "doi"
		if o, ok := p.Options.(*DOIMismatchOptions); ok && o.Key != "" {
			key = o.Key
		}
		v := &sourceView{byKey: map[string][]int{}, cited: map[string]article.Span{},
			quantities: map[int][]quantity.Quantity{}, recQ: map[string][]sourceQuantity{}, recDesign: map[string]recordDesign{}}
		v.binds = bindSources(p.Doc, key)
		for i, b := range v.binds {
			if _, ok := v.byKey[b.Key]; !ok {
				v.keys = append(v.keys, b.Key)
			}
			v.byKey[b.Key] = append(v.byKey[b.Key], i)
			if b.Claim.Model() != claims.Unknown {
				v.modelSaid = true
			}
		}
		for _, d := range p.Doc.DOIs {
			if k := doi.Key(d.DOI); d.Invalid == "" && v.byKey[k] != nil {
				if _, ok := v.cited[k]; !ok {
					v.cited[k] = d.DOISpan
				}
			}
		}
		if fd, span, ok := frontMatterStudy(p.Doc, key); ok {
			if _, seen := v.cited[doi.Key(fd)]; !seen {
				v.cited[doi.Key(fd)] = span
			}
		}
		if !v.modelSaid {
			v.modelSaid = modelNamed(p.Doc)
		}
		c.source = v
	}
	return c.source
}

// modelNamed reports whether the title or a heading says a study was in
// animals or cells ("Vitamin D in pregnant mice").
func modelNamed(d *article.Document) bool {
	var texts []string
	if d.Title != nil {
		texts = append(texts, d.Title.Text)
	}
	for _, s := range d.Sections {
		texts = append(texts, s.Heading)
	}
	for _, t := range texts {
		n := phrase.Normalize(t)
		c := claims.Read(t, &n, sourceMatcher().Scan(nil, &n))
		if c.Model() != claims.Unknown {
			return true
		}
	}
	return false
}

// about reports whether binding b is to be checked against rec: it is
// attributed, and, if it is bound only through its section, the article
// or the front matter, it gives no year that names another study ("a
// 2015 study of 5,000 adults", "(Jones et al., 2015)").
func (v *sourceView) about(d *article.Document, b *Binding, rec *online.SourceRecord) bool {
	if !b.Attributed || rec == nil {
		return false
	}
	if !b.Via.strong() && len(rec.Years) > 0 && len(b.Claim.Years) > 0 {
		return !foreignYear(b, d.Blocks[d.Sentences[b.Sentence].Block].Prose.Text, rec)
	}
	return true
}

// sentenceText returns binding b's sentence as prose, and its offset in
// its block's Prose.Text.
func sentenceText(d *article.Document, b *Binding) (string, int) {
	s := &d.Sentences[b.Sentence]
	pr := d.Blocks[s.Block].Prose.Text
	return pr[s.Prose[0]:s.Prose[1]], s.Prose[0]
}

// proseSpan maps offsets in binding b's block prose to the source.
func proseSpan(d *article.Document, b *Binding, start, end int) article.Span {
	return d.Blocks[d.Sentences[b.Sentence].Block].Prose.SourceSpan(start, end)
}

// quantitiesOf returns the quantities of binding i's sentence, spans
// relative to the sentence.
func (v *sourceView) quantitiesOf(d *article.Document, i int) []quantity.Quantity {
	if qs, ok := v.quantities[i]; ok {
		return qs
	}
	text, _ := sentenceText(d, &v.binds[i])
	qs := quantity.FindLang(text, d.Lang.Code)
	v.quantities[i] = qs
	return qs
}

// recordQuantities returns the quantities of a record's title and
// abstract.
func (v *sourceView) recordQuantities(key string, rec *online.SourceRecord) []sourceQuantity {
	if qs, ok := v.recQ[key]; ok {
		return qs
	}
	var qs []sourceQuantity
	for _, part := range []struct{ from, text string }{{"title", rec.Title}, {"abstract", rec.Abstract}} {
		for _, q := range quantity.Find(part.text) {
			qs = append(qs, sourceQuantity{Quantity: q, text: part.text[q.Span.Start:q.Span.End], from: part.from})
		}
	}
	v.recQ[key] = qs
	return qs
}

// designOf returns the design the record gives its study, and why.
func (v *sourceView) designOf(key string, rec *online.SourceRecord) (claims.Design, string) {
	if d, ok := v.recDesign[key]; ok {
		return d.design, d.why
	}
	d, why := RecordDesign(rec)
	v.recDesign[key] = recordDesign{d, why}
	return d, why
}

// RecordDesign is the design of a source record's study and the evidence
// for it (claims.RecordDesignWhy), as the source rules read it.
func RecordDesign(rec *online.SourceRecord) (claims.Design, string) {
	return claims.RecordDesignWhy(rec.PubTypes, rec.MeSH, rec.Title, rec.Abstract)
}

// frontMatterStudy returns the valid DOI under the front matter's key.
func frontMatterStudy(d *article.Document, key string) (string, article.Span, bool) {
	val, span, ok := d.FrontMatter.Lookup(d, key)
	if !ok {
		return "", article.Span{}, false
	}
	for _, m := range doi.Find(val) {
		if m.Invalid == "" && !postDOIPrefix(m.DOI) {
			return m.DOI, span, true
		}
	}
	return "", article.Span{}, false
}

// sourceMatcher scans the claims tables and the cue tables below. It is
// the source rules' own: they run only with source records, and offline
// runs need not pay for their tables.
var sourceMatcher = sync.OnceValue(func() *phrase.Matcher {
	return phrase.MustCompile(append(claims.Tables(), sourceTables...)...)
})

var sourceTables = []*phrase.Table{studyCueTable, otherStudyTable, armTable, aheadTable, studyHeadingTable}

// bindSources is Bindings.
func bindSources(d *article.Document, frontKey string) []Binding {
	// The DOIs each sentence cites, by key; first spelling kept.
	spelled := map[string]string{}
	sentKeys := make([][]string, len(d.Sentences))
	addKey := func(si int, raw string) {
		k := doi.Key(raw)
		if _, ok := spelled[k]; !ok {
			spelled[k] = raw
		}
		if !slices.Contains(sentKeys[si], k) {
			sentKeys[si] = append(sentKeys[si], k)
		}
	}
	blockKeys := make([][]string, len(d.Blocks))
	inBlock := func(bi int, k string) {
		if !slices.Contains(blockKeys[bi], k) {
			blockKeys[bi] = append(blockKeys[bi], k)
		}
	}
	sentenceAt := func(bi, off int) int {
		b := &d.Blocks[bi]
		for si := b.FirstSentence; si < b.FirstSentence+b.SentenceCount; si++ {
			if sp := d.Sentences[si].Span; sp.Start <= off && off < sp.End {
				return si
			}
		}
		return -1
	}
	var all []string
	cite := func(bi, off int, raw string) {
		if postDOIPrefix(raw) {
			return // a blog post's own DOI, not a study
		}
		k := doi.Key(raw)
		if !slices.Contains(all, k) {
			all = append(all, k)
		}
		if _, ok := spelled[k]; !ok {
			spelled[k] = raw
		}
		if bi < 0 || bi >= len(d.Blocks) {
			return
		}
		inBlock(bi, k)
		if si := sentenceAt(bi, off); si >= 0 {
			addKey(si, raw)
		}
	}
	for _, x := range d.DOIs {
		if x.Invalid == "" {
			cite(x.Block, x.Span.Start, x.DOI)
		}
	}
	// A reference link ([the trial][1]) cites where it is written, though
	// its DOI is written at the definition.
	for _, l := range d.Links {
		if l.Kind != article.ReferenceLink || l.Block < 0 {
			continue
		}
		for _, m := range doi.Find(l.Dest) {
			if m.Invalid == "" {
				cite(l.Block, l.Span.Start, m.DOI)
				break
			}
		}
	}
	if len(all) == 0 && frontKey == "" {
		return nil
	}
	front, _, hasFront := frontMatterStudy(d, frontKey)
	if len(all) == 0 && !hasFront {
		return nil
	}
	// Lists: runs of list items one after another in one section.
	listOf := make([]int, len(d.Blocks))
	var listKeys [][]string
	for bi := range d.Blocks {
		listOf[bi] = -1
		if d.Blocks[bi].Kind != article.ListItem {
			continue
		}
		if bi > 0 && listOf[bi-1] >= 0 && d.Blocks[bi-1].Section == d.Blocks[bi].Section {
			listOf[bi] = listOf[bi-1]
		} else {
			listOf[bi] = len(listKeys)
			listKeys = append(listKeys, nil)
		}
		for _, k := range blockKeys[bi] {
			if l := listOf[bi]; !slices.Contains(listKeys[l], k) {
				listKeys[l] = append(listKeys[l], k)
			}
		}
	}
	sectionKeys := map[int][]string{}
	for bi := range d.Blocks {
		s := d.Blocks[bi].Section
		for _, k := range blockKeys[bi] {
			if !slices.Contains(sectionKeys[s], k) {
				sectionKeys[s] = append(sectionKeys[s], k)
			}
		}
	}

	m := sourceMatcher()
	headingCue := map[int]bool{}
	for si, s := range d.Sections {
		if si == 0 && d.Title != nil && !d.Title.FromFrontMatter && d.Title.Span == s.HeadingSpan {
			continue // the title names the article, not a section
		}
		n := phrase.Normalize(s.Heading)
		headingCue[si] = len(m.Find(studyHeadingTable, &n)) > 0
	}
	var out []Binding
	var ms []phrase.Match
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == article.Quote || b.SentenceCount == 0 {
			continue
		}
		scanned, carry := false, false
		var t *phrase.Text
		labelCue := false
		if b.Label != "" {
			n := phrase.Normalize(b.Label)
			labelCue = len(m.Find(studyHeadingTable, &n)) > 0
		}
		for si := b.FirstSentence; si < b.FirstSentence+b.SentenceCount; si++ {
			var key string
			var via Via
			one := func(keys []string, v Via) bool {
				switch len(keys) {
				case 0:
					return false
				case 1:
					key, via = keys[0], v
				}
				return true // two or more: decided, unbound
			}
			switch {
			case one(sentKeys[si], ViaSentence):
			case one(blockKeys[bi], ViaParagraph):
			case listOf[bi] >= 0 && one(listKeys[listOf[bi]], ViaList):
			case one(sectionKeys[b.Section], ViaSection):
			case len(all) == 1:
				key, via = all[0], ViaArticle
			case hasFront:
				key, via = doi.Key(front), ViaFrontMatter
				if _, ok := spelled[key]; !ok {
					spelled[key] = front
				}
			}
			if key == "" {
				continue
			}
			if !scanned {
				t = d.Norm(bi)
				ms = m.Scan(ms[:0], t)
				scanned = true
			}
			s := &d.Sentences[si]
			var own []phrase.Match
			cue, other, arm, ahead := false, false, false, false
			for _, x := range ms {
				a, _ := t.Source(x.At, x.At)
				if a < s.Prose[0] || a >= s.Prose[1] {
					continue
				}
				own = append(own, x)
				switch x.Table {
				case studyCueTable:
					cue = true
				case otherStudyTable:
					other = true
				case armTable:
					arm = true
				case aheadTable:
					ahead = true
				}
			}
			bd := Binding{Sentence: si, DOI: spelled[key], Key: key, Via: via, arm: arm, ahead: ahead,
				Claim: claims.Read(b.Prose.Text, t, own)}
			bd.Attributed = !other && (via.strong() || cue || carry || labelCue || b.Section >= 0 && headingCue[b.Section])
			// The sentences after one about the study go on about it,
			// until one speaks of others, or of a study by its year or
			// authors ("a 2015 study", "Jones et al. (2015)"), which may
			// be another (see about).
			carry = (bd.Attributed || carry && !other) && !(!via.strong() && citesYear(&bd.Claim))
			out = append(out, bd)
		}
	}
	return out
}

// studyCueTable is wording that speaks of the study being summarised: a
// definite "the study", its researchers, its participants.
var studyCueTable = &phrase.Table{Name: "source: the study", Entries: []phrase.Entry{
	{Pattern: `(?:the|this|that|their|its) (?:(?:new|recent|latest|present|current|original|same|whole|randomi[sz]ed|clinical|double-blind|placebo-controlled|controlled|cohort|observational|pilot|large|small|[\d]+-(?:week|month|year)|one-year|two-year) ){0,3}(?:study|trial|research|paper|analysis|meta-analysis|review|cohort|experiment|investigation|findings|results)`,
		Match:   []string{"The study found", "this randomised trial", "the new study", "In the trial", "the two-year study", "their findings"},
		NoMatch: []string{"studies have shown", "a study"}},
	{Pattern: `an? (?:[\pL\d-]+ ){0,4}?(?:study|trial|experiment|analysis|meta-analysis|review) (?:conducted|published|led|carried|involving|of|with|among|in|investigat\pL*|found|finds|showed|shows|followed|enrolled|recruited|tested|examined|looked|suggests|reports?|reported)`,
		Match:   []string{"A double-blind randomized controlled trial conducted in Thailand", "a new study published today", "a study of 72 mothers", "A study in mice found"},
		NoMatch: []string{"a study", "studies of mothers"}},
	{Pattern: `the (?:researchers|investigators|scientists|authors|study authors|team|research team|study team)|researchers (?:found|report(?:ed)?|say|said|showed|observed|conclude[ds]?|measured|followed)`,
		Match: []string{"the researchers found", "The authors say", "researchers report"}, NoMatch: []string{"researchers have long known"}},
	{Pattern: `participants?|enrol(?:l)?ed|recruited|randomi[sz]ed to|(?:were|was) (?:randomly )?assigned|(?:were|was) followed|follow-up|followed (?:up )?for|took part|were given`,
		Match: []string{"participants were", "enrolled 72 mothers", "were randomly assigned", "took part"}},
	{Pattern: `(?:die|diese|der|dieser) (?:neue |aktuelle )?(?:studie|untersuchung|forscher(?:innen)?|autoren|arbeit)|teilnehmer(?:innen|n)?|(?:l'|cette |la |les )(?:étude|essai|chercheurs|auteurs)|(?:el|este|la|esta|los) (?:estudio|ensayo|investigadores|autores)|participantes`,
		Match: []string{"Die Studie zeigt", "cette étude", "los investigadores", "les chercheurs"}},
}}

// otherStudyTable is wording that speaks of other studies or of the world
// at large: a sentence with it is not checked against the cited study.
var otherStudyTable = &phrase.Table{Name: "source: other studies", Entries: []phrase.Entry{
	{Pattern: `previous(?:ly)?|earlier|prior|former|another|other|separate|similar (?:stud(?:y|ies)|trials?)|older (?:stud(?:y|ies)|trials?)`,
		Match: []string{"Previous trials", "an earlier study", "another study", "other research"}, NoMatch: []string{"mothers"}},
	{Pattern: `(?:many|several|some|most|numerous|few|two|three|multiple|large) (?:other )?(?:studies|trials|reviews|analyses|meta-analyses)|(?:studies|trials|research) (?:have|has|had) (?:long )?(?:shown|found|suggested|linked)`,
		Match: []string{"many studies", "Studies have shown", "research has linked"}},
	{Pattern: `guidelines?|official(?:ly)?|worldwide|globally|around the world|nationwide|each year|every year|per year|annually|(?:the )?recommended (?:daily )?(?:intake|dose|allowance|amount)`,
		Match: []string{"Guidelines recommend", "1 billion people worldwide", "the recommended daily intake"}},
	{Pattern: `frühere|andere studien|weltweit|précédent(?:e|es|s)?|autres études|dans le monde|anterior(?:es)?|otros estudios|en el mundo`,
		Match: []string{"frühere Studien", "autres études", "otros estudios"}},
}}

// armTable is wording that speaks of a part of a study's sample: its
// count is smaller than the sample's, and rightly so.
var armTable = &phrase.Table{Name: "source: a group of the study", Entries: []phrase.Entry{
	{Pattern: `placebo|controls?|(?:treatment|intervention|supplement(?:ed|ation)?|vitamin d|comparison|usual-care|active|exercise|diet) (?:group|arm)s?|each (?:group|arm)|per (?:group|arm)|both (?:groups|arms)|of (?:them|whom|these|those)|half|one in|subgroups?|completed|finished|dropped out|lost to follow-up|withdrew|analy[sz]ed|cases`,
		Match: []string{"36 took a placebo", "in the control group", "the vitamin D group", "36 in each group", "of whom 30", "60 completed the trial"}},
}}

// aheadTable is wording about studies to come or compared: "trials are
// needed", "unlike a randomised trial".
var aheadTable = &phrase.Table{Name: "source: work to come", Entries: []phrase.Entry{
	{Pattern: `(?:is|are|were|was) (?:still |now |urgently )?needed|needs? to be|future|further|larger|longer|more (?:research|studies|trials|work)|(?:will|would|should|must) (?:be|need|now)|planned|ongoing|underway|unlike|rather than|than (?:a|an)|instead of|gold standard`,
		Match: []string{"randomised trials are needed", "a future trial", "Unlike a randomised trial", "is needed to confirm"}},
}}

// studyHeadingTable is words of a heading or a label ("Participants:")
// under which sentences speak of the study.
var studyHeadingTable = &phrase.Table{Name: "source: study headings", Entries: []phrase.Entry{
	{Pattern: `stud(?:y|ies)|trial|research|findings?|results?|methods?|design|outcomes?|participants?|population|sample(?: size)?|intervention|dose|dosage|duration|follow-up|cohort|analysis|meta-analysis|review|what (?:they|the researchers) found|evidence`,
		Match: []string{"Key Findings from the Study", "Study Design at a Glance", "Major Outcomes", "Participants", "Duration"}, NoMatch: []string{"Introduction", "Call to Action"}},
	{Pattern: `studie|ergebnisse|methoden|teilnehmer|étude|résultats|méthodes|participants|estudio|resultados|métodos|participantes`,
		Match: []string{"Ergebnisse der Studie", "Résultats", "Resultados"}},
}}

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
	case "studies", "trials", "rcts", "reviews", "analyses", "cohorts", "reports", "experiments", "models", "meta-analyses":
		return true
	}
	return false
}
