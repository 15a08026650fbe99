package rules

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/phrase"
)

// SectionSpec is one required section: a name and the other headings that
// count as it.
type SectionSpec struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Languages holds the names the section goes by in other languages
	// (ISO 639-1 code: names). A heading in any of them counts; an
	// article's own language's names are the ones suggested.
	Languages map[string][]string `yaml:"languages"`
}

// SectionOptions configure required-section and section-order.
type SectionOptions struct {
	// Sections are required, in this order when section-order is on.
	Sections []SectionSpec `yaml:"sections"`
}

// DefaultSections is the structure of a research summary.
func DefaultSections() []SectionSpec {
	return []SectionSpec{
		{Name: "Introduction", Aliases: []string{"Background", "Overview"}, Languages: map[string][]string{
			"de": {"Einleitung", "Hintergrund", "Einführung"},
			"fr": {"Introduction", "Contexte"},
			"es": {"Introducción", "Antecedentes", "Contexto"},
			"it": {"Introduzione", "Contesto"},
			"nl": {"Inleiding", "Achtergrond"},
			"pl": {"Wprowadzenie", "Wstęp", "Kontekst"},
			"pt": {"Introdução", "Contexto"},
		}},
		{Name: "Key Findings", Aliases: []string{"Findings", "Results", "Key Results", "Main Findings", "Major Outcomes"}, Languages: map[string][]string{
			"de": {"Wichtigste Ergebnisse", "Ergebnisse", "Zentrale Ergebnisse"},
			"fr": {"Principaux résultats", "Résultats"},
			"es": {"Resultados principales", "Resultados", "Hallazgos"},
			"it": {"Risultati principali", "Risultati"},
			"nl": {"Belangrijkste bevindingen", "Bevindingen", "Resultaten"},
			"pl": {"Najważniejsze wyniki", "Wyniki", "Główne wyniki"},
			"pt": {"Principais resultados", "Resultados"},
		}},
		{Name: "Conclusion", Aliases: []string{"Conclusions", "Summary", "Bottom Line", "Takeaways", "Key Takeaways", "Significance", "Implications"}, Languages: map[string][]string{
			"de": {"Fazit", "Schlussfolgerung", "Schlussfolgerungen", "Zusammenfassung"},
			"fr": {"Conclusion", "En résumé", "Conclusions"},
			"es": {"Conclusión", "Conclusiones", "En resumen"},
			"it": {"Conclusioni", "Conclusione", "In sintesi"},
			"nl": {"Conclusie", "Conclusies", "Samenvatting"},
			"pl": {"Wnioski", "Podsumowanie"},
			"pt": {"Conclusão", "Conclusões", "Em resumo"},
		}},
	}
}

// RequiredSection reports required sections that no heading names.
var RequiredSection = &Rule{
	ID:       "required-section",
	Doc:      "The article must have the sections the publisher requires (Introduction, Key Findings, Conclusion by default).",
	Severity: Error,
	Explain: `A research summary follows a structure readers know: what the study asked,
what it found, and what it means. Each required section is found by its name or
one of its aliases anywhere in a heading, case-insensitively and as whole words,
so "Key Findings from the Study" counts as "Key Findings". An article that
opens with a summary ("Summary", "Abstract", "TL;DR", "At a glance"), or with
a section under another name before the other required sections ("What is
an instructor trainer?"), has its introduction there, unless that section is
a part of the body (Methods, Limitations, References).

Fix: add a heading for the missing section, or rename a heading to one of the
accepted names. Configure the list under rules.required-section.sections.`,
	Options: func() any { return &SectionOptions{Sections: DefaultSections()} },
	Check:   checkRequiredSection,
}

func checkRequiredSection(p *Pass) {
	derived := p.Options.(*SectionOptions).derived()
	for i := range derived.names {
		if findSection(p, derived.names[i]) >= 0 {
			continue
		}
		// An opening "Summary" or "TL;DR" introduces the article.
		if i == 0 && opensWithSummary(p, derived.names) {
			continue
		}
		p.Report(Finding{Span: p.Doc.End(), Message: derived.message(i, p.Doc.Lang.Code)})
	}
}

// sectionDerived holds what SectionOptions.derived makes once per
// options: they belong to a config, shared by all its files.
var sectionDerived sync.Map // *SectionOptions -> *sectionInfo

type sectionInfo struct {
	// names holds, for each spec, its name, aliases and names in other
	// languages, normSpace'd.
	names [][]string
	specs []SectionSpec
}

// message is what to say when no heading names spec i, in an article in
// language lang: its names in that language first.
func (s *sectionInfo) message(i int, lang string) string {
	spec := s.specs[i]
	all := append([]string{spec.Name}, spec.Aliases...)
	if local := spec.Languages[lang]; len(local) > 0 {
		return fmt.Sprintf("missing required section %q: add a heading named one of \"%s\" (the English names count too)", local[0], strings.Join(local, `", "`))
	}
	return fmt.Sprintf("missing required section %q: add a heading named one of \"%s\"", spec.Name, strings.Join(all, `", "`))
}

func (o *SectionOptions) derived() *sectionInfo {
	if v, ok := sectionDerived.Load(o); ok {
		return v.(*sectionInfo)
	}
	info := &sectionInfo{names: make([][]string, len(o.Sections)), specs: o.Sections}
	for i, spec := range o.Sections {
		all := append([]string{spec.Name}, spec.Aliases...)
		for _, lang := range slices.Sorted(maps.Keys(spec.Languages)) {
			all = append(all, spec.Languages[lang]...)
		}
		for _, name := range all {
			if n := normSpace(name); !slices.Contains(info.names[i], n) {
				info.names[i] = append(info.names[i], n)
			}
		}
	}
	sectionDerived.Store(o, info)
	return info
}

// names returns, for each spec, its name and aliases normSpace'd.
func (o *SectionOptions) names() [][]string { return o.derived().names }

// findSection returns the index of the first section whose heading holds
// one of names (normSpace'd), or -1.
func findSection(p *Pass, names []string) int { return findSectionFrom(p, names, 0) }

// findSectionFrom is findSection from section from on.
func findSectionFrom(p *Pass, names []string, from int) int {
	for i, heading := range p.headings() {
		if i < from {
			continue
		}
		for _, name := range names {
			if containsWords(heading, name) {
				return i
			}
		}
	}
	return -1
}

// normSpace lower-cases s and makes each run of space one space.
func normSpace(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// containsWords reports whether phrase occurs in s (both normSpace'd)
// at word edges (phrase.WordEdges: letters and digits of any script).
func containsWords(s, ph string) bool {
	if ph == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], ph)
		if j < 0 {
			return false
		}
		j += i
		if phrase.WordEdges(s, j, j+len(ph)) {
			return true
		}
		i = j + 1
	}
}

// opensWithSummary reports whether the article opens with a section that
// does an introduction's work: a summary or abstract before every other
// required section, or an opening section under another name ("What is
// an instructor trainer?") that is not a part of the body (methods,
// limitations, references).
func opensWithSummary(p *Pass, names [][]string) bool {
	i := firstRequired(p, names)
	if i >= 0 && summaryHeading(p.headings()[i]) {
		return true
	}
	open := 0
	if secs := p.Doc.Sections; len(secs) > 1 && p.Doc.Title != nil && p.Doc.Title.Span == secs[0].HeadingSpan {
		open = 1
	}
	if open >= len(p.Doc.Sections) || i >= 0 && i <= open {
		return false
	}
	h := p.headings()[open]
	for _, w := range bodyHeadings {
		if containsWords(h, w) {
			return false
		}
	}
	return true
}

// bodyHeadings name parts of an article's body, never its introduction.
var bodyHeadings = []string{"method", "methods", "materials", "limitations", "discussion", "references",
	"acknowledgements", "acknowledgments", "appendix", "data", "funding", "keywords", "credit", "credits"}

// summaryHeading reports whether a heading (normSpace'd) names a summary,
// which may open an article as well as close it.
func summaryHeading(h string) bool {
	for _, w := range []string{"abstract", "tl;dr", "tldr", "summary", "in brief", "at a glance", "overview", "key takeaways", "takeaways"} {
		if containsWords(h, w) {
			return true
		}
	}
	return false
}
