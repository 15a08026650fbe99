package rules

// All is every rule, in the order `articlelint rules` lists them.
var All = []*Rule{
	// Structure and disclosure.
	RequiredSection,
	SectionOrder,
	AIDisclosure,
	AIDisclosureMismatch,
	HeadingStructure,
	// Editorial defects.
	SentenceIncomplete,
	SentenceUnterminated,
	LinkPromise,
	Residue,
	Placeholder,
	AIArtifact,
	// Claims.
	ClaimUnsupported,
	Overclaim,
	// Citations and links.
	CitationMissing,
	DOIInvalid,
	DOIFormat,
	DOIMismatch,
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
	// Summary against source (--online): the cited study's own record.
	SourceNumber,
	SourceDesign,
	SourceCausal,
	SourceMeta,
	SourceUnavailable,
	// House rules, configured in .articlelint.yaml.
	Forbid,
	Require,
	Substitute,
}
