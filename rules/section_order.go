package rules

// SectionOrder reports required sections that come out of order.
var SectionOrder = &Rule{
	ID:       "section-order",
	Doc:      "Required sections must appear in the configured order.",
	Severity: Warning,
	Explain: `Readers expect the findings after the introduction and the conclusion last.
The order is the order of rules.required-section.sections; each section is
placed where its first matching heading is. Missing sections are left to
required-section.

Fix: move the section, or set rules.section-order.severity: off.`,
	OptionsOf: "required-section",
	Check:     checkSectionOrder,
}

func checkSectionOrder(p *Pass) {
	opts := p.Options.(*SectionOptions)
	prev, prevName := -1, ""
	names := opts.names()
	for k, spec := range opts.Sections {
		i := findSection(p, names[k])
		if i < 0 {
			continue
		}
		if i < prev {
			s := p.Doc.Sections[i]
			p.Reportf(s.HeadingSpan, "section %q (heading %q) comes before %q; move it after", spec.Name, s.Heading, prevName)
			continue
		}
		prev, prevName = i, spec.Name
	}
}
