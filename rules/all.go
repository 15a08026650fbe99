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
	LinkFragment,
	FrontMatterInvalid,
	SuppressionInvalid,
	// Online checks (--online).
	LinkBroken,
	LinkRedirect,
	LinkUnverifiable,
	DOINotFound,
	DOIRetracted,
	DOIUpdated,
	DOIMismatchTopic,
	// House rules, configured in .articlelint.yaml.
	Forbid,
	Require,
	Substitute,
	// Editorial defects (group A).
	SentenceIncomplete,
	LinkPromise,
	Residue,
	Placeholder,
	AIArtifact,
	// Editorial claims and structure (group B).
	ClaimUnsupported,
	Overclaim,
	HeadingStructure,
	DOIMismatch,
}
