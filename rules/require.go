package rules

import "github.com/articlelint/articlelint/article"

// RequireItem is a phrase or pattern that must appear, optionally within
// a named section.
type RequireItem struct {
	Phrase   string   `yaml:"phrase"`
	Pattern  Regexp   `yaml:"pattern"`
	Section  string   `yaml:"section"`
	Message  string   `yaml:"message"`
	Severity Severity `yaml:"severity"`
}

// RequireOptions list the house's required phrases.
type RequireOptions struct {
	Items []RequireItem `yaml:"items"`

	compiled userPhrases
	// sections are required-section's, so that "section: Conclusion"
	// also finds a "Bottom Line" heading (UseSections).
	sections *SectionOptions
}

// UseSections gives require the required sections' names and aliases:
// an item's section matches any name of the required section it names.
func (o *RequireOptions) UseSections(s *SectionOptions) { o.sections = s }

// sectionNames returns the names (normSpace'd) a heading may hold to be
// section name: every name of the required section it is one of, or
// itself.
func (o *RequireOptions) sectionNames(name string) []string {
	n := normSpace(name)
	if o.sections != nil {
		for _, names := range o.sections.names() {
			for _, alias := range names {
				if alias == n {
					return names
				}
			}
		}
	}
	return []string{n}
}

// Require reports phrases the house style requires but the article lacks.
var Require = &Rule{
	ID:       "require",
	Doc:      "House rule: phrases or patterns that must appear, optionally in a named section.",
	Severity: Warning,
	Explain: `Lists what every article must say: a conflict-of-interest line, a
"consult your doctor" advice in the conclusion. Each item is a phrase (whole
words, any case) or a regular expression; "section" limits the search to the
sections whose heading contains that name as whole words:

  rules:
    require:
      items:
        - phrase: consult your doctor
          section: Conclusion
          message: health articles end with this advice`,
	Options: func() any { return &RequireOptions{} },
	Check:   checkRequire,
}

// Validate checks that the item sets phrase or pattern.
func (it *RequireItem) Validate() error {
	return (&Match{Phrase: it.Phrase, Pattern: it.Pattern}).Validate()
}

func checkRequire(p *Pass) {
	d := p.Doc
	opts := p.Options.(*RequireOptions)
	ms := make([]Match, len(opts.Items))
	inSection := make([]func(int) bool, len(opts.Items))
	for i, it := range opts.Items {
		ms[i] = Match{Phrase: it.Phrase, Pattern: it.Pattern}
		if it.Section != "" {
			names := opts.sectionNames(it.Section)
			inSection[i] = func(s int) bool {
				if s < 0 {
					return false
				}
				for _, n := range names {
					if containsWords(p.headings()[s], n) {
						return true
					}
				}
				return false
			}
		}
	}
	found := make([]bool, len(opts.Items))
	phrases, patterns := itemsOf(ms)
	houseMatches(p, &opts.compiled, "require", phrases, patterns, func(item, bi int, _ article.Span, _ string) {
		if inSection[item] == nil || inSection[item](d.Blocks[bi].Section) {
			found[item] = true
		}
	})
	for i, it := range opts.Items {
		if found[i] {
			continue
		}
		at := d.End()
		where := "the article"
		if it.Section != "" {
			si := findSection(p, opts.sectionNames(it.Section))
			if si >= 0 {
				at = d.Sections[si].HeadingSpan
				where = "section " + quoteShort(d.Sections[si].Heading)
			} else {
				where = "a section named " + quoteShort(it.Section) + " (there is none)"
			}
		}
		msg := "add " + ms[i].String() + " to " + where
		if it.Message != "" {
			msg += ": " + it.Message
		}
		p.Report(Finding{Span: at, Severity: it.Severity, Message: msg})
	}
}
