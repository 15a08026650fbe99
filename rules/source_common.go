package rules

import (
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"

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
}

// bindInfo is what the source rules know of a binding beyond Binding.
type bindInfo struct {
	// chain is the sentence whose words about the study the binding's
	// sentence carries on (see bindSources), or -1.
	chain int
	// triggers are the purposes the sentence has words for.
	triggers [purposes]bool
	// numbers: the sentence has a digit or a number word.
	numbers bool
}

// claimKey names what a binding's sentence claims for a purpose.
type claimKey struct {
	bind int
	pu   purpose
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
	bs, info := bindSources(doc, frontKey, true, func(bi int) []phrase.Match {
		return builtinMatcher().Scan(nil, doc.Norm(bi))
	}, nil)
	v := &sourceView{doc: doc, binds: bs, info: info, marksOf: map[int]sentenceMarks{}}
	for i := range bs {
		bs[i].Attributed = bs[i].Attributed && !v.vetoed(i)
	}
	return bs
}

// sourceView is the per-document state of the source rules.
type sourceView struct {
	doc   *article.Document
	binds []Binding
	info  []bindInfo
	// byKey lists, for each DOI key, the indexes in binds bound to it.
	byKey map[string][]int
	// keys are the bound DOI keys in order of their first citation.
	keys []string
	// cited is where each key is first cited (the front matter value for
	// a study the text never cites).
	cited map[string]article.Span
	// modelSaid: the article says somewhere (title, a heading, a bound
	// sentence) that a study was in animals or cells; known on first use.
	modelSaid, modelKnown bool
	// quantities are each binding's quantities, found on first use.
	quantities map[int][]quantity.Quantity
	// claims are read on first use.
	claims map[claimKey]*claims.Claim
	// marksOf are each sentence's marks (by index in
	// Document.Sentences), read on first use.
	marksOf map[int]sentenceMarks
}

// sourceQuantity is a quantity of a record's title or abstract.
type sourceQuantity struct {
	quantity.Quantity
	text string // as written
	from string // "title" or "abstract"
	// lasting: a duration that is how long something lasted (see
	// lasting), not a point in time ("at 8 weeks").
	lasting bool
}

// sourceView returns the document's bindings, made once per document and
// shared by the source rules; nil when there are no source records.
// attributed yields each sentence attributed to the study it is bound
// to, by index in binds, with the study's fetched record.
func (v *sourceView) attributed(p *Pass) iter.Seq2[int, *online.SourceRecord] {
	return func(yield func(int, *online.SourceRecord) bool) {
		for i := range v.binds {
			rec := p.Online.Sources[v.binds[i].Key]
			if v.binds[i].Attributed && rec != nil && !yield(i, rec) {
				return
			}
		}
	}
}

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
		v := &sourceView{doc: p.Doc, byKey: map[string][]int{}, cited: map[string]article.Span{},
			quantities: map[int][]quantity.Quantity{}, claims: map[claimKey]*claims.Claim{}, marksOf: map[int]sentenceMarks{}}
		v.binds, v.info = bindSources(p.Doc, key, false, func(bi int) []phrase.Match {
			p.phraseMatches(sourceTables().studyCue, bi) // scans the document once, for every rule
			return c.matches[bi]                         // every table's: bindSources picks
		}, func(i int, c *claims.Claim) { v.claims[claimKey{i, forMeta}] = c })
		for i, b := range v.binds {
			if _, ok := v.byKey[b.Key]; !ok {
				v.keys = append(v.keys, b.Key)
			}
			v.byKey[b.Key] = append(v.byKey[b.Key], i)
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
		c.source = v
	}
	return c.source
}

// claim returns what binding i's sentence claims for purpose pu, spans
// relative to the sentence; an empty claim when the sentence has no
// words for it.
func (v *sourceView) claim(i int, pu purpose) *claims.Claim {
	k := claimKey{i, pu}
	c, ok := v.claims[k]
	if !ok {
		c = &claims.Claim{}
		if v.info[i].triggers[pu] {
			text, _ := sentenceText(v.doc, &v.binds[i])
			if pu == forPeople {
				t := phrase.Normalize(text)
				if len(peopleMatcher().Scan(nil, &t)) == 0 {
					v.claims[k] = c
					return c
				}
			}
			*c = readClaim(pu, text)
		}
		v.claims[k] = c
	}
	return c
}

// sentenceMarks are words read only where a rule has something to report.
type sentenceMarks struct {
	// other: the sentence speaks of other studies or of the world
	// ("previous trials", "guidelines", "worldwide").
	other bool
	// arm: it speaks of a group of the study (placebo group,
	// completers), whose counts are smaller than the whole.
	arm bool
	// ahead: it speaks of work to come or compares ("trials are
	// needed", "unlike a trial"): a design it names is not this study's,
	// nor is a cause it states.
	ahead bool
}

// readMarks reads a sentence's marks.
func readMarks(text string) sentenceMarks {
	var mk sentenceMarks
	t := phrase.Normalize(text)
	st := sourceTables()
	for _, m := range laterMatcher().Scan(nil, &t) {
		switch m.Table {
		case st.otherStudy:
			mk.other = true
		case st.arm:
			mk.arm = true
		case st.ahead:
			mk.ahead = true
		}
	}
	return mk
}

// marks returns binding i's sentence marks.
func (v *sourceView) marks(i int) sentenceMarks { return v.sentenceMarks(v.binds[i].Sentence) }

func (v *sourceView) sentenceMarks(si int) sentenceMarks {
	mk, ok := v.marksOf[si]
	if !ok {
		mk = readMarks(v.doc.Sentences[si].Text)
		v.marksOf[si] = mk
	}
	return mk
}

// vetoed reports whether binding i's sentence, or one of those its
// words about the study come from, speaks of other studies.
func (v *sourceView) vetoed(i int) bool {
	si := v.binds[i].Sentence
	from := si
	if c := v.info[i].chain; c >= 0 {
		from = c
	}
	for k := from; k <= si; k++ {
		if v.sentenceMarks(k).other {
			return true
		}
	}
	return false
}

// modelNamed reports whether the article says a study was in animals or
// cells ("in mice", "a study in human cells"): in its title, a heading or
// a bound sentence.
func (v *sourceView) modelNamed() bool {
	if v.modelKnown {
		return v.modelSaid
	}
	v.modelKnown = true
	d := v.doc
	var texts []string
	if d.Title != nil {
		texts = append(texts, d.Title.Text)
	}
	for _, s := range d.Sections {
		texts = append(texts, s.Heading)
	}
	for _, t := range texts {
		n := phrase.Normalize(t)
		if !slices.ContainsFunc(triggerMatcher().Scan(nil, &n), func(m phrase.Match) bool { return m.Of().Note == triggerModel }) {
			continue
		}
		if c := readClaim(forDesign, t); c.Model() != claims.Unknown {
			v.modelSaid = true
			return true
		}
	}
	for i := range v.binds {
		if c := v.claim(i, forDesign); c.Model() != claims.Unknown {
			v.modelSaid = true
			return true
		}
	}
	return false
}

// about reports whether binding i is to be checked against rec: it is
// attributed, and, if it is bound only through its section, the article
// or the front matter, it gives no year that names another study ("a
// 2015 study of 5,000 adults", "(Jones et al., 2015)").
func (v *sourceView) about(i int, rec *online.SourceRecord) bool {
	b := &v.binds[i]
	if !b.Attributed || rec == nil || v.vetoed(i) {
		return false
	}
	if !b.Via.strong() && len(rec.Years) > 0 && v.info[i].triggers[forMeta] {
		text, _ := sentenceText(v.doc, b)
		return !foreignYear(v.claim(i, forMeta), text, rec)
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

// sentenceSpan maps offsets in binding b's sentence to the source.
func sentenceSpan(d *article.Document, b *Binding, start, end int) article.Span {
	s := &d.Sentences[b.Sentence]
	return d.Blocks[s.Block].Prose.SourceSpan(s.Prose[0]+start, s.Prose[0]+end)
}

// quantitiesOf returns the quantities of binding i's sentence, spans
// relative to the sentence.
func (v *sourceView) quantitiesOf(i int) []quantity.Quantity {
	if qs, ok := v.quantities[i]; ok {
		return qs
	}
	var qs []quantity.Quantity
	if v.info[i].numbers {
		text, _ := sentenceText(v.doc, &v.binds[i])
		qs = quantity.FindLang(text, v.doc.Lang.Code)
	}
	v.quantities[i] = qs
	return qs
}

// recordQuantities returns the quantities of a record's title and
// abstract.
func (v *sourceView) recordQuantities(rec *online.SourceRecord) []sourceQuantity {
	return factsOf(rec).qs
}

// designOf returns the design the record gives its study, and why.
func (v *sourceView) designOf(rec *online.SourceRecord) (claims.Design, string) {
	f := factsOf(rec)
	return f.design, f.why
}

// recordFacts are what the rules read from a record: its quantities and
// its design. A run's records are shared by all its documents, so the
// facts are kept per record for as long as the record lives.
type recordFacts struct {
	once   sync.Once
	qs     []sourceQuantity
	design claims.Design
	why    string
}

var recordFactsCache sync.Map // weak.Pointer[online.SourceRecord] -> *recordFacts

func factsOf(rec *online.SourceRecord) *recordFacts {
	k := weak.Make(rec)
	f, ok := recordFactsCache.Load(k)
	if !ok {
		var loaded bool
		if f, loaded = recordFactsCache.LoadOrStore(k, &recordFacts{}); !loaded {
			runtime.AddCleanup(rec, func(k weak.Pointer[online.SourceRecord]) { recordFactsCache.Delete(k) }, k)
		}
	}
	rf := f.(*recordFacts)
	rf.once.Do(func() {
		for _, part := range []struct{ from, text string }{{"title", rec.Title}, {"abstract", rec.Abstract}} {
			for _, q := range quantity.Find(part.text) {
				rf.qs = append(rf.qs, sourceQuantity{Quantity: q, text: part.text[q.Span.Start:q.Span.End], from: part.from,
					lasting: lasting(part.text, q)})
			}
		}
		rf.design, rf.why = RecordDesign(rec)
	})
	return rf
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

// bindSources is Bindings, keeping only attributed sentences unless
// keepAll; matches(bi) returns block bi's matches of sourcePhrases (and
// of other tables, which it skips); read, if not nil, is given the years
// and journals it reads of a binding.
func bindSources(d *article.Document, frontKey string, keepAll bool, matches func(bi int) []phrase.Match, read func(int, *claims.Claim)) ([]Binding, []bindInfo) {
	st := sourceTables()
	// The DOIs each sentence cites, by key; first spelling kept.
	spelled := map[string]string{}
	// The keys each sentence and block cites: few cite any.
	sentKeys := map[int][]string{}
	blockKeys := map[int][]string{}
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
		if !slices.Contains(blockKeys[bi], k) {
			blockKeys[bi] = append(blockKeys[bi], k)
		}
		if si := sentenceAt(bi, off); si >= 0 && !slices.Contains(sentKeys[si], k) {
			sentKeys[si] = append(sentKeys[si], k)
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
	front, _, hasFront := frontMatterStudy(d, frontKey)
	if len(all) == 0 && !hasFront {
		return nil, nil
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
	// sectionKeys[s+1] are the keys of section s (-1: before the first
	// heading).
	sectionKeys := make([][]string, len(d.Sections)+1)
	for bi := range d.Blocks {
		s := d.Blocks[bi].Section + 1
		for _, k := range blockKeys[bi] {
			if !slices.Contains(sectionKeys[s], k) {
				sectionKeys[s] = append(sectionKeys[s], k)
			}
		}
	}
	cued := func(text string) bool {
		n := phrase.Normalize(text)
		return len(headingMatcher().Scan(nil, &n)) > 0
	}
	// headingCue[s] is 1 when section s's heading names the study, -1
	// when it does not, 0 until asked.
	headingCue := make([]int8, len(d.Sections))
	headed := func(si int) bool {
		if si < 0 {
			return false
		}
		if headingCue[si] == 0 {
			headingCue[si] = -1
			s := &d.Sections[si]
			// The title names the article, not a section.
			title := si == 0 && d.Title != nil && !d.Title.FromFrontMatter && d.Title.Span == s.HeadingSpan
			if !title && cued(s.Heading) {
				headingCue[si] = 1
			}
		}
		return headingCue[si] > 0
	}
	// refList[l] is whether list l is a reference list (see referenceList).
	refList := make([]bool, len(listKeys))
	for bi := range d.Blocks {
		if l := listOf[bi]; l >= 0 && (bi == 0 || listOf[bi-1] != l) {
			refList[l] = referenceList(d, bi, listOf)
		}
	}
	glued := d.Lang.Is("de") || d.Lang.Is("nl") // number words glued into one
	var out []Binding
	var info []bindInfo
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == article.Quote || b.SentenceCount == 0 {
			continue
		}
		var ms []phrase.Match
		var t *phrase.Text
		scanned, carry, next, chain := false, false, 0, -1
		var labelCue int8
		labelled := func() bool {
			if labelCue == 0 {
				labelCue = -1
				if b.Label != "" && cued(b.Label) {
					labelCue = 1
				}
			}
			return labelCue > 0
		}
		var refCue int8
		isRef := func() bool {
			if refCue == 0 {
				refCue = -1
				if listOf[bi] >= 0 && refList[listOf[bi]] || reference(b.Prose.Text) {
					refCue = 1
				}
			}
			return refCue > 0
		}
		// pending is the sentence whose year may end the carry, and its
		// index in out (-1 if not kept): read only if a sentence needs
		// the carry.
		pending, pendingAt := -1, -1
		for si := b.FirstSentence; si < b.FirstSentence+b.SentenceCount; si++ {
			var key string
			var via Via
			one := func(keys []string, v Via) bool {
				if len(keys) == 1 {
					key, via = keys[0], v
				}
				return len(keys) > 0 // two or more: decided, unbound
			}
			switch {
			case one(sentKeys[si], ViaSentence):
			case one(blockKeys[bi], ViaParagraph):
			case isRef():
				// An entry of a reference list speaks of the work it
				// cites, if any, never of another entry's.
			case listOf[bi] >= 0 && one(listKeys[listOf[bi]], ViaList):
			case one(sectionKeys[b.Section+1], ViaSection):
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
				t, ms, scanned = d.Norm(bi), matches(bi), true
				next = 0
			}
			s := &d.Sentences[si]
			var in bindInfo
			cue := false
			// Matches are in order of their start, sentences of theirs.
			for ; next < len(ms); next++ {
				x := ms[next]
				a, _ := t.Source(x.Start, x.Start)
				if a < s.Prose[0] {
					continue
				}
				if a >= s.Prose[1] {
					break
				}
				switch x.Table {
				case st.studyCue:
					cue = true
				case st.trigger:
					switch x.Of().Note {
					case triggerDesign:
						in.triggers[forDesign] = true
					case triggerModel:
						in.triggers[forDesign] = true
						in.triggers[forPeople] = true
					case triggerCausal:
						in.triggers[forCausal] = true
					case triggerJournal:
						in.triggers[forMeta] = true
					}
				}
			}
			// The sentences after one about the study go on about it,
			// until one speaks of others (vetoed, read when a rule needs
			// it), or of a study by its year or authors ("a 2015 study",
			// "Jones et al. (2015)"), which may be another (see about).
			carries := func() bool {
				if carry && pending >= 0 {
					c := readClaim(forMeta, d.Sentences[pending].Text)
					if read != nil && pendingAt >= 0 {
						read(pendingAt, &c)
					}
					carry, pending = !citesYear(&c), -1
				}
				return carry
			}
			bd := Binding{Sentence: si, DOI: spelled[key], Key: key, Via: via}
			in.chain = -1
			switch {
			case via.strong() || cue || labelled() || headed(b.Section):
				bd.Attributed, chain = true, si
			case carries():
				bd.Attributed, in.chain = true, chain
			}
			carry = bd.Attributed
			pending, pendingAt = -1, -1
			if !bd.Attributed && !keepAll {
				continue
			}
			in.triggers[forPeople] = true // people words are too common for the one matcher: see claim
			number, year := digits(s.Text)
			in.numbers = number || glued || hasNumberWord(s.Text)
			in.triggers[forMeta] = in.triggers[forMeta] || year
			if carry && !via.strong() && in.triggers[forMeta] {
				pending, pendingAt = si, len(out)
			}
			out = append(out, bd)
			info = append(info, in)
		}
	}
	return out, info
}

// referenceWords are headings and labels over a list of references.
var referenceWords = map[string]bool{
	"references": true, "reference": true, "other references": true, "further references": true, "sources": true,
	"source": true, "bibliography": true, "further reading": true, "literature": true, "works cited": true,
	"citations": true, "literature cited": true, "selected references": true, "key references": true,
	"quellen": true, "literatur": true, "literaturverzeichnis": true, "références": true, "bibliographie": true,
	"referencias": true, "bibliografía": true, "fuentes": true, "riferimenti": true, "bibliografia": true,
	"fonti": true, "literatuur": true, "bronnen": true, "referenties": true, "źródła": true, "literatura": true,
	"bibliografía citada": true, "referências": true, "fontes": true,
}

// referenceList reports whether the list starting at block first is a
// list of references: its section's heading, or the short paragraph just
// before it ("**Other references**"), says so, or most of its entries
// are written as references.
func referenceList(d *article.Document, first int, listOf []int) bool {
	b := &d.Blocks[first]
	if s := b.Section; s >= 0 && referenceWords[strings.Trim(normSpace(d.Sections[s].Heading), " :.")] {
		return true
	}
	if first > 0 {
		prev := &d.Blocks[first-1]
		if prev.Section == b.Section && prev.Kind == article.Paragraph && referenceWords[strings.Trim(normSpace(prev.Prose.Text), " :.")] {
			return true
		}
	}
	entries, refs := 0, 0
	for bi := first; bi < len(d.Blocks) && listOf[bi] == listOf[first]; bi++ {
		entries++
		if reference(d.Blocks[bi].Prose.Text) {
			refs++
		}
	}
	return refs >= 2 && 2*refs > entries
}

// citationShape is how a bibliographic reference is written: three
// authors as "Surname AB," or a journal's volume, issue and pages
// ("2002;50(6):840-844", "50(6); 840-844").
var citationShape = plainRE(`\p{Lu}[\p{Ll}'’-]+ \p{Lu}{1,3},? (?:and |& )?\p{Lu}[\p{Ll}'’-]+ \p{Lu}{1,3},? (?:and |& )?\p{Lu}[\p{Ll}'’-]+ \p{Lu}{1,3}\b|\b\d{1,4} ?\(\d{1,4}\) ?[:;,] ?e?\d{1,5}\b|\b(?:19|20)\d\d ?[;:] ?\d{1,4} ?(?:\(\d{1,4}\))? ?: ?e?\d{1,5}\b`)

// reference reports whether text is written as a bibliographic reference.
func reference(text string) bool {
	return strings.ContainsAny(text, ",;") && citationShape().MatchString(text)
}
