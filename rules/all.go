package rules

// All is every rule, in the order `articlelint rules` lists them.
var All = []*Rule{
	// Structure and disclosure.
	RequiredSection,
	SectionOrder,
	AIDisclosure,
	// Citations and links.
	CitationMissing,
	DOIInvalid,
	DOIFormat,
	LinkMalformed,
	LinkInsecure,
	FrontMatterInvalid,
	SuppressionInvalid,
	// House rules, configured in .articlelint.yaml.
	Forbid,
	Require,
	Substitute,
	// Editorial defects (group A).
	// Editorial claims and structure (group B).
}
