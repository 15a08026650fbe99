package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/articlelint/articlelint/rules"
)

// Starter returns the commented config `articlelint init` writes. It
// documents every key; a test checks that it parses and names every rule
// and option.
func Starter() string { return starterFor(rules.All) }

// starterFor is the written starter with an entry for each rule of all
// that it does not document yet: its Doc line, default severity and
// options. A new rule is in every starter from the day it is added; a
// hand-written entry (with comments on its options) can come later.
func starterFor(all []*rules.Rule) string {
	var b strings.Builder
	for _, r := range all {
		if strings.Contains(starterText, "\n  "+r.ID+":") {
			continue
		}
		fmt.Fprintf(&b, "  # %s\n  %s:\n    severity: %s\n", r.Doc, r.ID, r.Severity)
		if r.Options != nil && r.OptionsOf == "" {
			if y, err := yaml.Marshal(r.Options()); err == nil && string(y) != "{}\n" {
				for _, line := range strings.SplitAfter(strings.TrimSuffix(string(y), "\n"), "\n") {
					b.WriteString("    " + line)
				}
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}
	if b.Len() == 0 {
		return starterText
	}
	i := strings.Index(starterText, afterRules) + 1
	return starterText[:i] + b.String() + starterText[i:]
}

// afterRules starts the part of the starter after the rules.
const afterRules = "\n# Online checks:"

// starterText is the starter as written, with comments on every rule and
// option.
const starterText = `# .articlelint.yaml: articlelint's configuration.
# articlelint uses the nearest .articlelint.yaml (or .yml) found walking up
# from each article's directory; --config FILE overrides that for every file.
# Every key is optional: what you leave out keeps its default, shown here.
# Run 'articlelint rules' for the list of rules, 'articlelint explain RULE'
# for what one wants.

# Files a directory walk leaves out: gitignore patterns, relative to this
# file's directory ("drafts/", "**/_*.md", "!keep.md"). Files named on the
# command line are linted all the same.
ignore: []
#  - drafts/
#  - vendor-docs/**/*.md

# Inside a git work tree, a walk also leaves out what .gitignore files (and
# .git/info/exclude) ignore; false lints them too.
gitignore: true

rules:
  # Each rule takes a severity: off, info, warning or error.
  # Shorthand: "rule-id: warning" sets only the severity.

  required-section:
    severity: error
    # Sections every article must have. A heading counts when it contains
    # the name or an alias as whole words, ignoring case ("Key Findings from
    # the Study" counts as "Key Findings"). The order here is the order
    # section-order checks.
    # languages: the names in other languages (any of them counts; the
    # article's own language's names are suggested). A list here replaces
    # the default one; to add sections to it, write them under "extend:"
    # (sections: {extend: [{name: Methods}]}).
    sections:
      - name: Introduction
        aliases: [Background, Overview]
        languages:
          de: [Einleitung, Hintergrund, Einführung]
          fr: [Introduction, Contexte]
          es: [Introducción, Antecedentes, Contexto]
          it: [Introduzione, Contesto]
          nl: [Inleiding, Achtergrond]
          pl: [Wprowadzenie, Wstęp, Kontekst]
          pt: [Introdução, Contexto]
      - name: Key Findings
        aliases: [Findings, Results, Key Results, Main Findings, Major Outcomes]
        languages:
          de: [Wichtigste Ergebnisse, Ergebnisse, Zentrale Ergebnisse]
          fr: [Principaux résultats, Résultats]
          es: [Resultados principales, Resultados, Hallazgos]
          it: [Risultati principali, Risultati]
          nl: [Belangrijkste bevindingen, Bevindingen, Resultaten]
          pl: [Najważniejsze wyniki, Wyniki, Główne wyniki]
          pt: [Principais resultados, Resultados]
      - name: Conclusion
        aliases: [Conclusions, Summary, Bottom Line, Takeaways, Key Takeaways, Significance, Implications]
        languages:
          de: [Fazit, Schlussfolgerung, Schlussfolgerungen, Zusammenfassung]
          fr: [Conclusion, En résumé, Conclusions]
          es: [Conclusión, Conclusiones, En resumen]
          it: [Conclusioni, Conclusione, In sintesi]
          nl: [Conclusie, Conclusies, Samenvatting]
          pl: [Wnioski, Podsumowanie]
          pt: [Conclusão, Conclusões, Em resumo]

  # Required sections must come in the order listed above.
  section-order:
    severity: warning

  ai-disclosure:
    severity: error
    # Where the AI-use statement must be: any, start (first three
    # paragraphs) or end (last three paragraphs).
    placement: any
    # More wordings to recognise: regular expressions (RE2 syntax), matched
    # case-insensitively against each sentence of prose.
    patterns: []
    #   - 'machine[- ]assisted (writing|drafting)'
    # true: recognise only the patterns above, not the built-in wordings.
    replace-defaults: false
    # true: your template prints the front matter's AI-use declaration
    # (ai-usage: ai-assisted) where readers see it, so it is the disclosure.
    declaration-visible: false

  # The visible disclosure must agree with the machine-readable
  # declaration (front matter ai-usage, JSON-LD digitalSourceType, <meta>).
  ai-disclosure-mismatch:
    severity: warning

  # The article must cite a DOI.
  citation-missing:
    severity: warning

  # DOI-like text that breaks DOI syntax (10.12/x, an empty suffix).
  doi-invalid:
    severity: error

  # DOIs not written as https://doi.org/<doi> (fixable).
  doi-format:
    severity: warning

  # Links with an empty destination, spaces, an unknown scheme or no host.
  link-malformed:
    severity: error

  link-insecure:
    severity: warning
    # Hosts known to serve https; subdomains match too. Replaces the
    # built-in list (doi.org, ncbi.nlm.nih.gov, the major publishers...).
    # hosts: [doi.org, dx.doi.org, ncbi.nlm.nih.gov]

  # Links to #fragments of the same article that match no heading.
  link-fragment:
    severity: warning

  # Front matter that is not valid YAML.
  front-matter-invalid:
    severity: error

  # Editorial defects.
  # A sentence that breaks off where words were cut ("...research hosted").
  sentence-incomplete:
    severity: error

  # A complete sentence that only lacks its full stop.
  sentence-unterminated:
    severity: warning

  # A sentence that promises a source ("can be found at") with no link or DOI.
  link-promise:
    severity: error

  # Page furniture pasted with the text ("Leave a comment", "Share this:").
  residue:
    severity: warning
    # More lines to treat as furniture, matched as whole lines ignoring case.
    phrases: []

  # Placeholders left in: [Insert ...], TODO, TBD, XX%, lorem ipsum, {{...}}.
  placeholder:
    severity: error

  # Chatbot leftovers: "As an AI language model", "I hope this helps".
  ai-artifact:
    severity: error
    # More phrases, matched ignoring case.
    phrases: []

  # Attributions ("studies show", "experts say", "the X Society recommends")
  # in a paragraph that cites nothing.
  claim-unsupported:
    severity: warning
    # More attribution phrases: regular expressions (RE2 syntax), matched
    # case-insensitively against each paragraph.
    phrases: []
    #   - 'sources (say|claim)'

  # Words that overstate a finding: cure, proven, breakthrough, 100% safe...
  overclaim:
    severity: info
    # More phrases to report, matched as whole words ignoring case.
    phrases: []
    # Phrases never reported: a built-in one ("breakthrough"), or a longer
    # phrase that overlaps one ("Breakthrough Prize").
    allow: []

  # Empty sections, repeated headings, skipped heading levels.
  heading-structure:
    severity: warning

  # The front matter DOI must be the one the text cites.
  doi-mismatch:
    severity: warning
    # The front matter key that holds the summarised study's DOI.
    key: doi

  # Online checks: they run only with --online or online.enabled (below).
  link-broken:
    severity: error
  link-redirect:
    severity: info
  link-unverifiable:
    severity: warning
  doi-not-found:
    severity: error
  doi-retracted:
    severity: error
  doi-updated:
    severity: warning
  doi-mismatch-topic:
    severity: warning
  # Summary against source: each cited study's own record (Crossref and
  # Europe PMC, with online.sources on) against what the article says of
  # it. A sentence speaks of the study its sentence, paragraph, list or
  # section cites, else the article's only study, else the front matter
  # DOI (doi-mismatch's key). 'articlelint explain source-design' says more.
  source-number:        # sample sizes, doses, durations, percentages, p-values
    severity: warning
  source-design:        # a cohort called a trial; a mouse study told about people
    severity: warning
  source-causal:        # "causes", "prevents" of an observational or animal study
    severity: warning
  source-meta:          # the year and journal given for the study
    severity: warning
  source-unavailable:   # once per study: no abstract, numbers not checked
    severity: info

  # Suppression comments that name a rule that does not exist. Suppressions:
  #   <!-- articlelint-disable RULE... -->  ...  <!-- articlelint-enable RULE... -->
  #   <!-- articlelint-disable-next-line RULE... -->
  #   <!-- articlelint-disable-file RULE... -->
  # With no rule named, they apply to every rule.
  suppression-invalid:
    severity: warning

  # House rules. Each item is a phrase (whole words, any case) or a
  # pattern (RE2 regular expression), searched in prose only; message and
  # severity are optional.
  forbid:
    severity: warning
    items: []
    #  - phrase: click here
    #    message: say where the link leads instead
    #    severity: error
    #  - pattern: '\bbreakthrough(s)?\b'

  require:
    severity: warning
    items: []
    #  - phrase: consult your doctor
    #    section: Conclusion       # only in sections with this name
    #    message: health articles end with this advice

  substitute:
    severity: warning
    items: []
    #  - prefer: people with diabetes
    #    over: [diabetics]
    #    message: person-first language

# Online checks: opt-in, with --online or enabled: true. Each unique link and
# DOI is checked once per run. The service URLs can point at test servers.
online:
  enabled: false
  doi-resolver: https://doi.org            # handle API: {doi-resolver}/api/handles/{doi}
  crossref-api: https://api.crossref.org   # {crossref-api}/works/{doi}: retractions, titles
  datacite-api: https://api.datacite.org   # {datacite-api}/dois/{doi}
  europepmc-api: https://www.ebi.ac.uk/europepmc/webservices/rest  # {europepmc-api}/search?query=DOI:"{doi}": abstracts, study types, MeSH
  sources: true              # also fetch each cited study's record (Crossref, Europe PMC) to compare the article with it
  mailto: ""                 # your address, sent to Crossref as its etiquette asks
  allow-private: false       # true: also check links to loopback/private addresses
  cache: ""                  # cache file, relative to this file; "" = the user cache directory
  timeout: 10s               # per request
  max-concurrency: 32        # requests at once, overall
  host-concurrency: 2        # requests at once to one host
  host-interval: 100ms       # least time between requests to one host
  accept: []                 # status codes that count as working; [] = 200-299
  exclude: []                # regular expressions of URLs not to check
`
