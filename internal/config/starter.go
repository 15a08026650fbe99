package config

// Starter is the commented config `articlelint init` writes. It documents
// every key; a test checks that it parses and names every rule and option.
const Starter = `# .articlelint.yaml: articlelint's configuration.
# articlelint uses the nearest .articlelint.yaml (or .yml) found walking up
# from each article's directory; --config FILE overrides that for every file.
# Every key is optional: what you leave out keeps its default, shown here.
# Run 'articlelint rules' for the list of rules, 'articlelint explain RULE'
# for what one wants.

rules:
  # Each rule takes a severity: off, info, warning or error.
  # Shorthand: "rule-id: warning" sets only the severity.

  required-section:
    severity: error
    # Sections every article must have. A heading counts when it contains
    # the name or an alias as whole words, ignoring case ("Key Findings from
    # the Study" counts as "Key Findings"). The order here is the order
    # section-order checks.
    sections:
      - name: Introduction
        aliases: [Background, Overview]
      - name: Key Findings
        aliases: [Findings, Results, Key Results, Main Findings, Major Outcomes]
      - name: Conclusion
        aliases: [Conclusions, Summary, Bottom Line, Takeaways, Key Takeaways]

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

  # Front matter that is not valid YAML.
  front-matter-invalid:
    severity: error

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
`
