package article

import "regexp"

// The vocabulary of AI-use statements. Kept as words, joined into the
// patterns below, so that a new tool name is one edit.
const (
	aiTool = `(?:AI|A\.I\.|artificial intelligence|generative AI|gen ?AI|ChatGPT|GPT-?[0-9.o]*|Claude|Gemini|Bard|Copilot|Microsoft Copilot|Perplexity|Llama|Mistral|Grammarly|Jasper|DeepL|(?:a |an )?(?:large )?language models?|LLMs?|chatbots?|machine[- ]learning tools?)`
	aiVerb = `(?:generated|written|created|produced|drafted|prepared|composed|edited|assisted|supported|translated|summari[sz]ed|authored|co-?written|refined|polished|proofread|developed|enhanced|reviewed)`
	work   = `(?:content|article|text|post|summary|story|piece|page|blog(?: post)?|write-?up|report|draft|material|manuscript|work|translation|copy)`
)

// DefaultDisclosurePatterns recognise the usual wordings of an AI-use
// statement, sentence by sentence, case-insensitively.
var DefaultDisclosurePatterns = []*regexp.Regexp{
	// "This content is generated using AI assistance", "Portions of this
	// article were drafted with the help of ChatGPT".
	regexp.MustCompile(`(?i)\b(?:this|the|our|these|parts of|portions of)\b[^.!?]{0,40}\b` + work + `s?\b[^.!?]{0,60}?\b` + aiVerb + `\b[^.!?]{0,60}?\b(?:with|using|by|via|through|from|in collaboration with)\b[^.!?]{0,40}?\b` + aiTool + `(?:\W|$)`),
	// "Written with AI assistance." at the start of a sentence.
	regexp.MustCompile(`(?i)^\W*` + aiVerb + `\s+(?:(?:partly|partially|in part|entirely|fully)\s+)?(?:with|using|by)\b[^.!?]{0,40}?\b` + aiTool + `(?:\W|$)`),
	// Elsevier's wording: "During the preparation of this work the
	// author(s) used [tool] in order to [reason]".
	regexp.MustCompile(`(?i)\bduring the preparation of this\b[^.!?]{0,40}\bused\b`),
	// "AI-assisted tools were used", "AI tools were used in drafting".
	regexp.MustCompile(`(?i)\b` + aiTool + `[- ](?:assisted|based|powered|generated|writing)?\s*(?:tools?|technology|technologies|assistance|assistants?|services?|models?|software)\b[^.!?]{0,20}\b(?:was|were|has been|have been)\s+(?:used|employed|utili[sz]ed|involved)\b`),
	// "The author used ChatGPT to draft / edit / improve the language".
	regexp.MustCompile(`(?i)\b(?:we|I|the authors?|the writers?|the editors?|our (?:team|editors|writers))\b[^.!?]{0,40}\b(?:used|employed|utili[sz]ed|relied on)\b[^.!?]{0,30}?\b` + aiTool + `\b[^.!?]{0,40}\b(?:to|for|in)\b[^.!?]{0,20}\b(?:writ|draft|edit|generat|prepar|summari|translat|proofread|polish|improv|refin|structur|outlin|rephras|paraphras)`),
	// "AI-generated content", "This is an AI-assisted summary".
	regexp.MustCompile(`(?i)\b(?:AI|machine)[- ](?:generated|assisted|written|drafted)\b[^.!?]{0,30}\b` + work + `\b`),
	// Explicit statements that no AI was used are disclosures too.
	regexp.MustCompile(`(?i)\b(?:no|without( the use of)?|not use|did not use|does not use)\b[^.!?]{0,20}?\b` + aiTool + `\b[^.!?]{0,40}\b(?:used|tools?|assistance|involved|written|generated|drafted|in (?:writing|drafting|preparing))`),
	// A labelled statement: "AI disclosure:", "Use of AI:".
	regexp.MustCompile(`(?i)^\W*(?:AI(?:[- ]use)? (?:disclosure|statement|notice|transparency)|(?:use|disclosure) of (?:AI|generative AI|artificial intelligence))\b`),
}

func findDisclosure(d *Document, patterns []*regexp.Regexp) *Disclosure {
	if patterns == nil {
		patterns = DefaultDisclosurePatterns
	}
	for _, s := range d.Sentences {
		for _, re := range patterns {
			if re.MatchString(s.Text) {
				return &Disclosure{Block: s.Block, Span: s.Span, Text: s.Text}
			}
		}
	}
	return nil
}
