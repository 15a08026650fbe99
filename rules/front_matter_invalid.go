package rules

// FrontMatterInvalid reports front matter that does not parse.
var FrontMatterInvalid = &Rule{
	ID:       "front-matter-invalid",
	Doc:      "Front matter must parse: YAML between \"---\" lines, or Hugo's JSON object.",
	Severity: Error,
	Explain: `The block at the top of an article that the site generator reads (title, date,
doi) is YAML between "---" lines, or, in Hugo, a JSON object that opens with
"{" alone on the first line and closes with "}" alone on a line. If it does
not parse, the page may not build, and articlelint cannot read the title or
DOI from it.

Fix: correct the YAML or JSON at the line and column named.`,
	Check: checkFrontMatterInvalid,
}

func checkFrontMatterInvalid(p *Pass) {
	if fm := p.Doc.FrontMatter; fm != nil && fm.Err != nil {
		p.Reportf(fm.Err.Span, "%s", fm.Err.Message)
	}
}
