// Package disclosure holds the built-in patterns that recognise an AI-use
// statement, one sentence at a time. It is a leaf package (regexp only) so
// that the command can start compiling the first pattern while the larger
// packages initialise (see cmd/articlelint/internal/early).
//
// The word filters in internal/article (disclosureWords, disclosureNeeds)
// hold what these patterns need; changing a pattern means checking them,
// and the tests there fail when they disagree.
package disclosure

import (
	"regexp"
	"sync"
)

// The vocabulary of AI-use statements. Kept as words, joined into the
// patterns below, so that a new tool name or wording is one edit. Every
// pattern is compiled with (?i); RE2 keeps matching linear in the sentence.
//
// Most false positives come from articles about AI in research ("The
// AI-based tool detected fractures", "We used AI to analyse images",
// "Adequate Intake (AI)", "written by Claude Martin"), so a pattern needs
// both a reference to an AI tool and a reference to writing this text.
const (
	// aiNamed are products whose name means nothing else.
	aiNamed = `(?:ChatGPT(?:[- ]?[0-9][0-9.]*o?)?|GPT(?:-?[0-9][0-9.]*o?)?|OpenAI|(?:Microsoft |GitHub )?Copilot|Grammarly(?: GO)?|DeepL(?: Write)?|QuillBot|Perplexity|Writefull|Paperpal|Wordtune|Jasper AI|Notion AI)`
	// aiAmbiguous are products named like people or things ("Claude
	// Martin", "the Bard"). They count as a tool only when no capitalised
	// word follows, other than a version or model name.
	aiAmbiguous = `(?:Claude|Gemini|Bard|Llama|Mistral|Jasper)`
	aiVersion   = `(?:\s+(?:[0-9][\w.]*|Sonnet|Opus|Haiku|Pro|Ultra|Flash|Advanced|Chat|Instruct))*`
	// aiGeneric is AI in general: "AI", "a large language model".
	aiGeneric = `(?:generative AI|gen ?AI|artificial intelligence|AI|A\.I\.|(?:large )?language models?|LLMs?|(?:AI )?chatbots?|machine[- ]learning)`
	// aiNoun is what may follow aiGeneric: "AI tools", "AI-assisted tools".
	aiNoun = `(?:[- ](?:assisted|based|powered|driven|generated|writing|language)\s*)?(?:\s*(?:assistance|assistants?|tools?|technology|technologies|models?|systems?|software|services?|platforms?|engines?|programs?|applications?|apps?|chatbots?))?`

	// aiTool is an AI tool where the words after it are matched too: the
	// subject of "was used to", the object of "used ... to edit".
	aiTool = `(?:` + aiNamed + `\b|` + aiAmbiguous + aiVersion + `\b|` + aiGeneric + aiNoun + `\b)`
	// aiRef is an AI tool that ends a pattern. It checks the word after it,
	// so that "written by Claude Martin", "reviewed by AI researchers" and
	// "Adequate Intake (AI)" are not tools.
	aiRef = `(?:` + aiNamed + `\b|` + aiAmbiguous + aiVersion + `(?:$|[^\pL\s]|\s+(?-i:[^A-Z]))|` +
		aiGeneric + aiNoun + `(?:\s*$|\s*[^\w\s)-]|\s+(?:and|or|but|to|in|for|which|that|then|with|as|on|by|from|under|before|after|while|was|were|is|has|had|at|so)\b))`
	// aiLead are the words between a preposition and the tool: "with the
	// help of", "using OpenAI's", "with assistance from an".
	aiLead = `(?:(?:the|a|an|some|limited|minor|generative|help|assistance|support|aid|input|use|of|from|such|as|like|[\w-]+['’]s)\s+){0,5}`
	// aiPrep introduces the tool: "with", "using", "with help from".
	aiPrep = `(?:with|using|by|via|through|from|in collaboration with|with help from)\s+`

	// work is the text being disclosed about.
	work = `(?:content|articles?|texts?|posts?|summar(?:y|ies)|stor(?:y|ies)|pieces?|pages?|blog(?: posts?)?|write-?ups?|reports?|drafts?|material|manuscripts?|work|translations?|copy|papers?|newsletters?|sections?|essays?|explainers?|abstracts?|publication)\b`
	// thisWork is the article itself: "this article", "portions of our
	// summary", "the following text".
	thisWork = `(?:(?:parts|portions|sections|some|much|all|most) of\s+)?(?:this|the present|the following|the above|our)\s+(?:[\w-]+\s+)?` + work
	// aiVerb is what was done to the text.
	aiVerb = `(?:generated|written|created|produced|drafted|prepared|composed|edited|assisted|translated|summari[sz]ed|authored|co-?written|co-?authored|ghost-?written|refined|polished|proofread|copy-?edited|developed|enhanced|reviewed|improved|rewritten)\b`

	// writeAct is writing this text, as done with a tool: a writing verb
	// ("to draft"), making this text ("in the preparation of this
	// manuscript"; "generate radiology reports" is not), or polishing its
	// language ("to improve readability"; "improve detection" is not).
	writeVerb = `(?:write|writes|writing|wrote|written|rewrite|rewriting|rewrote|rewritten|draft|drafts|drafting|drafted|edit|edits|editing|edited|copy-?edit(?:s|ing|ed)?|proofread(?:s|ing)?|polish(?:es|ing|ed)?|rephras(?:e|es|ing|ed)|paraphras(?:e|es|ing|ed)|outlin(?:e|es|ing|ed))\b`
	makeVerb  = `(?:generat|produc|creat|prepar|develop|compos|translat|summari[sz])(?:e|es|ed|ing|ion|tion|ation)?\b[^.!?]{0,30}?(?:\b(?:this|these|our|the present|the following)\s+(?:[\w-]+\s+)?` + work + `|\b(?:drafts?|content|text|copy|wording|prose)\b)`
	langVerb  = `(?:improv|enhanc|refin|check|correct|revis|polish)\w*\s+(?:(?:the|its|their|our)\s+)?(?:\w+\s+(?:and\s+)?)?(?:language|readability|grammar|spelling|clarity|style|wording|flow|English|prose|phrasing|tone)\b`
	writeAct  = `(?:` + writeVerb + `|` + makeVerb + `|` + langVerb + `)`
	// toWrite leads to writeAct: "to help draft", "for language editing",
	// "in order to improve readability".
	toWrite = `\b(?:to|for|in|when|during)\s+(?:\w+\s+){0,2}?` + writeAct

	// useVerb is how a writer says they used a tool.
	useVerb = `(?:used|use|uses|using|employed|employ|utili[sz]ed|relied on|rely on|have used|did not use|didn't use|do not use)`
	// passiveUse is "was used", "were employed".
	passiveUse = `(?:is|are|was|were|has been|have been)\s+(?:(?:not|also|only)\s+)?(?:used|employed|utili[sz]ed|involved|applied)\b`
	// writer is who wrote the article.
	writer = `(?:we|I|the authors?|authors|the writers?|the editors?|the editorial team|our (?:team|editors?|writers?|staff|newsroom|editorial team))\b`
	// stmtLabel introduces a statement: "Disclaimer:", "Editor's note —".
	stmtLabel = `(?:disclaimer|disclosure|transparency (?:note|statement)|editor['’]?s note|about this (?:article|summary|post))\s*[:—–]\s*`
)

// sources recognise the usual wordings of an AI-use statement,
// sentence by sentence, case-insensitively. They are compiled one by one
// on first use: compiling them all costs more than linting one article,
// and the word filters below leave most of them unused.
var sources = []string{
	// "This content is generated using AI assistance", "Portions of this
	// article were drafted with the help of ChatGPT", "This summary,
	// written with Claude, ...".
	`(?i)(?:\b` + thisWork + `|^\W*the\s+(?:[\w-]+\s+)?` + work + `)[^.!?]{0,60}?(?:\b(?:is|are|was|were|been|being)\s+(?:\w+\s+){0,2}?|,\s*)` + aiVerb + `[^.!?]{0,60}?\b` + aiPrep + aiLead + aiRef,
	// "Written with AI assistance." and "Drafted with the help of ChatGPT"
	// at the start of a sentence, after a label or not.
	`(?i)^\W*(?:` + stmtLabel + `)?(?:(?:partly|partially|in part|largely|entirely|fully)\s+)?` + aiVerb + `\s+(?:(?:partly|partially|in part|largely|entirely|fully)\s+)?` + aiPrep + aiLead + aiRef,
	// "Language editing was done with ChatGPT", "Copy-editing was assisted
	// by AI" (Springer Nature).
	`(?i)\b(?:language|copy|grammar|style|spelling)[- ]?(?:editing|checking|polishing|review)\b[^.!?]{0,40}?\b(?:is|was|were|has been)\s+(?:done|performed|carried out|provided|assisted|supported|aided)\b[^.!?]{0,20}?\b` + aiPrep + aiLead + aiRef,
	// "I wrote this post with help from ChatGPT".
	`(?i)\b(?:I|we)\s+(?:\w+\s+){0,2}?(?:wrote|drafted|edited|(?:prepared|produced|created|generated|translated)\s+(?:this|these|our|the)\s+(?:[\w-]+\s+)?` + work + `)[^.!?]{0,40}?\b` + aiPrep + aiLead + aiRef,
	// Elsevier's and MDPI's wording: "During the preparation of this work
	// the author(s) used [tool] in order to [reason]".
	`(?i)\bduring the (?:preparation|writing|drafting) of this\b[^.!?]{0,60}?\b(?:used|did not use)\b(?:\s+(?:any\s+)?` + aiLead + aiTool + `|[^.!?]{0,80}?\b(?:in order to|for the purposes? of)\b)`,
	// "The author used Grammarly and ChatGPT to edit the language", "We
	// used Claude to produce a first draft of this summary".
	`(?i)\b` + writer + `[^.!?]{0,40}?\b` + useVerb + `\s+(?:any\s+)?` + aiLead + aiTool + `[^.!?]{0,60}?` + toWrite,
	// The tool as subject: "AI-assisted tools were used to draft",
	// "ChatGPT (OpenAI) was used to improve the language of this
	// manuscript", "AI tools helped draft this article".
	`(?i)\b` + aiTool + `(?:\s*\([^()]{0,60}\))?\s+(?:` + passiveUse + `[^.!?]{0,40}?` + toWrite +
		`|(?:helped|assisted|supported)\s+(?:(?:us|me|the authors?|our \w+)\s+)?(?:(?:to|with|in)\s+)?` + writeAct + `)`,
	// "The authors acknowledge the use of ChatGPT in the preparation of this
	// manuscript" (Wiley, Taylor & Francis).
	`(?i)\b(?:acknowledge|declare|disclose|report|note)s?\b[^.!?]{0,30}?\b(?:the )?use of\s+` + aiLead + aiTool + `(?:\s*\([^()]{0,60}\))?[^.!?]{0,40}?` + toWrite,
	// "This post contains AI-generated content", "This summary is
	// AI-generated", "This is an AI-assisted summary".
	`(?i)\b` + thisWork + `\s+(?:is|was|contains|includes|has been)\s+(?:(?:not|partly|partially|largely|fully|entirely|in part)\s+)?(?:an?\s+)?(?:AI|machine)[- ](?:generated|assisted|written|drafted|created|produced|aided|edited|translated)\b`,
	`(?i)\bthis\s+(?:is\s+an?\s+)?(?:AI|machine)[- ](?:generated|assisted|written|drafted|created|produced|aided|edited|translated)\s+(?:[\w-]+\s+)?` + work,
	// Statements that no AI was used are disclosures too: "No generative AI
	// tools were used in writing this article", "The author(s) declare
	// that no Generative AI was used in the creation of this manuscript".
	`(?i)\bno\s+` + aiLead + aiTool + `[^.!?]{0,20}?\b` + passiveUse + `[^.!?]{0,40}?` + toWrite,
	// "written without the use of AI", "produced without AI assistance".
	`(?i)\b` + aiVerb + `\s+(?:(?:entirely|solely|wholly|only)\s+)?(?:by (?:a )?humans?\s+)?(?:without|with no)\s+(?:the (?:use|help|assistance) of\s+)?(?:any\s+)?` + aiLead + aiRef,
	// A labelled statement: "Disclaimer: AI tools helped draft this",
	// "Disclosure: an AI-generated summary".
	`(?i)^\W*` + stmtLabel + `(?:(?:an?\s+)?(?:AI|machine)[- ](?:generated|assisted|written|drafted|created|produced)\b|(?:the use of\s+)?` + aiLead + aiTool + `\s+(?:(?:was|were|has been|have been)\s+)?(?:used|helped|assisted|generated|wrote|drafted|produced|created|edited)\b)`,
	// A statement with its own label: "AI disclosure:", "Use of AI:",
	// "Declaration of generative AI and AI-assisted technologies in the
	// writing process:", "Generative AI statement:".
	`(?i)^\W*(?:(?:generative\s+)?(?:AI|A\.I\.|artificial intelligence|LLM)(?:[- ](?:use|usage|assistance|involvement))?\s+(?:disclosure|declaration|statement|notice|transparency(?:\s+(?:note|statement))?|use(?:\s+statement)?)|(?:use|disclosure|declaration) of (?:generative )?(?:AI|artificial intelligence|LLMs?|large language models?)(?:\s+(?:tools|technologies|and AI-assisted technologies(?: in the writing process)?|in (?:the )?writing(?: process)?|statement|disclosure))?|(?:AI|machine)[- ](?:generated|assisted) (?:content|summary|text|article))\s*[:—–]`,
}

var compiled = make([]struct {
	once sync.Once
	re   *regexp.Regexp
}, len(sources))

// Len is the number of built-in patterns.
func Len() int { return len(sources) }

// Pattern returns built-in pattern i, compiled on first use.
func Pattern(i int) *regexp.Regexp {
	c := &compiled[i]
	c.once.Do(func() { c.re = regexp.MustCompile(sources[i]) })
	return c.re
}

// Patterns returns every built-in pattern, compiled.
func Patterns() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(sources))
	for i := range out {
		out[i] = Pattern(i)
	}
	return out
}
