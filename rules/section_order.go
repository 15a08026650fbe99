package rules

import "github.com/articlelint/articlelint/article"

// SectionOrder reports required sections that come out of order.
var SectionOrder = &Rule{
	ID:       "section-order",
	Doc:      "Required sections must appear in the configured order.",
	Severity: Warning,
	Explain: `Readers expect the findings after the introduction and the conclusion last.
The order is the order of rules.required-section.sections; each section is
placed at its first matching heading after the sections before it. A
"Summary" or "Overview" before every other required section is the
article's abstract, not a conclusion out of place, and only headings at the
article's main level count (a "### Summary" of one step is not its
conclusion). Missing sections are left to required-section.

Fix: move the section, or set rules.section-order.severity: off.`,
	OptionsOf: "required-section",
	Check:     checkSectionOrder,
}

func checkSectionOrder(p *Pass) {
	opts := p.Options.(*SectionOptions)
	prev, prevName := -1, ""
	names := opts.names()
	top := topLevel(p.Doc)
	first := firstRequired(p, names)
	for k, spec := range opts.Sections {
		// The first matching heading after the sections before: "Summary"
		// may open an article and close it too. Sub-headings ("### Summary"
		// of one step) are not the article's sections.
		i := findSectionAt(p, names[k], prev+1, top)
		if i < 0 {
			i = findSectionAt(p, names[k], 0, top)
		}
		if i < 0 {
			continue
		}
		if i < prev {
			// A summary before every other required section is the
			// article's abstract, not a conclusion out of place.
			if i != first || !summaryHeading(p.headings()[i]) {
				s := p.Doc.Sections[i]
				p.Reportf(s.HeadingSpan, "section %q (heading %q) comes before %q; move it after", spec.Name, s.Heading, prevName)
			}
			continue
		}
		prev, prevName = i, spec.Name
	}
}

// findSectionAt is findSectionFrom among the sections of level top or
// higher only.
func findSectionAt(p *Pass, names []string, from, top int) int {
	for {
		i := findSectionFrom(p, names, from)
		if i < 0 || p.Doc.Sections[i].Level <= top {
			return i
		}
		from = i + 1
	}
}

// topLevel returns the level of the article's main sections: the highest
// (smallest) level of its headings after the title.
func topLevel(d *article.Document) int {
	top := 7
	for i, s := range d.Sections {
		if i == 0 && d.Title != nil && d.Title.Span == s.HeadingSpan {
			continue
		}
		top = min(top, s.Level)
	}
	return top
}

// firstRequired returns the index of the first heading that names any
// required section or a summary, or -1.
func firstRequired(p *Pass, names [][]string) int {
	for i, h := range p.headings() {
		if summaryHeading(h) {
			return i
		}
		for _, ns := range names {
			for _, n := range ns {
				if containsWords(h, n) {
					return i
				}
			}
		}
	}
	return -1
}
