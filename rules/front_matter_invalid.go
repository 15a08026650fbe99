package rules

// FrontMatterInvalid reports front matter that is not valid YAML.
var FrontMatterInvalid = &Rule{
	ID:       "front-matter-invalid",
	Doc:      "Front matter must be valid YAML.",
	Severity: Error,
	Explain: `The block between "---" lines at the top of a Markdown file is YAML that the
site generator reads (title, date, doi). If it does not parse, the page may not
build, and articlelint cannot read the title or DOI from it.

Fix: correct the YAML at the line named.`,
	Check: checkFrontMatterInvalid,
}

func checkFrontMatterInvalid(p *Pass) {
	if fm := p.Doc.FrontMatter; fm != nil && fm.Err != nil {
		p.Reportf(fm.Err.Span, "%s", fm.Err.Message)
	}
}
