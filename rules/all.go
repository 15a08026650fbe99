package rules

// All is every rule, in the order `articlelint rules` lists them.
var All = []*Rule{
	RequiredSection,
	SectionOrder,
	AIDisclosure,
	CitationMissing,
	DOIInvalid,
	DOIFormat,
	LinkMalformed,
	LinkInsecure,
	FrontMatterInvalid,
}
