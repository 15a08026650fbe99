package rules

// SectionOrder reports required sections that come out of order.
var SectionOrder = &Rule{
	ID:       "section-order",
	Doc:      "Required sections must appear in the configured order.",
	Severity: Warning,
	Explain: `Readers expect the findings after the introduction and the conclusion last.
The order is the order of rules.required-section.sections; each section is
placed at its first matching heading after the sections before it. A
"Summary" or "Overview" that opens the article is its abstract, not a
conclusion out of place. Missing sections are left to required-section.

Fix: move the section, or set rules.section-order.severity: off.`,
	OptionsOf: "required-section",
	Check:     checkSectionOrder,
}

func checkSectionOrder(p *Pass) {
	opts := p.Options.(*SectionOptions)
	prev, prevName := -1, ""
	names := opts.names()
	open := openingSection(p)
	for k, spec := range opts.Sections {
		// The first matching heading after the sections before: "Summary"
		// may open an article and close it too.
		i := findSectionFrom(p, names[k], prev+1)
		if i < 0 {
			i = findSection(p, names[k])
		}
		if i < 0 {
			continue
		}
		if i < prev {
			// A summary or overview that opens the article is its abstract,
			// not a conclusion out of place.
			if i != open || !summaryHeading(p.headings()[i]) {
				s := p.Doc.Sections[i]
				p.Reportf(s.HeadingSpan, "section %q (heading %q) comes before %q; move it after", spec.Name, s.Heading, prevName)
			}
			continue
		}
		prev, prevName = i, spec.Name
	}
}

// openingSection returns the index of the article's first section below
// its title, or -1.
func openingSection(p *Pass) int {
	secs := p.Doc.Sections
	switch {
	case len(secs) == 0:
		return -1
	case secs[0].Level == 1 && len(secs) > 1 && secs[1].Level > 1:
		return 1
	}
	return 0
}
