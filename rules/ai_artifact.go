package rules

import (
	"strings"

	"github.com/articlelint/articlelint/internal/phrase"
)

// AIArtifactOptions configure ai-artifact.
type AIArtifactOptions struct {
	// Phrases are further chatbot leftovers, matched case-insensitively as
	// whole words in prose.
	Phrases []string `yaml:"phrases"`

	extra userPhrases
}

// AIArtifact reports chatbot leftovers pasted into an article.
var AIArtifact = &Rule{
	ID:       "ai-artifact",
	Doc:      "Remove chatbot leftovers (\"As an AI language model\", \"I hope this helps\", \"Regenerate response\").",
	Severity: Error,
	Explain: `Text pasted from a chatbot brings its side of the conversation along: "As an
AI language model", "As of my last knowledge update", "Certainly! Here is",
"I hope this helps", "Let me know if you would like", "Regenerate response",
"[Your Name]". Published, they tell readers nobody edited the text. (Whether
AI was used is the ai-disclosure rule's concern; this one is about leftovers.)

"As an AI researcher" is not a leftover: "As an AI" counts only before
"language model", "assistant", "model", a comma or "I", and "as a language
model" only before "I". Phrases in quotation marks or block quotes are left
alone, and so is what a chatbot says in an article about chatbots (one that
names ChatGPT, a chatbot or a large language model): there only the
interface's own words ("Regenerate response", "[Your Name]") are leftovers.
Add your own phrases under rules.ai-artifact.phrases.

Fix: delete the leftover and edit the text around it.`,
	Options:   func() any { return &AIArtifactOptions{} },
	Languages: []string{"en", "de", "fr", "es", "it", "nl", "pl", "pt"},
	Check:     checkAIArtifact,
	phrases:   []*phrase.Table{aiArtifactPhrases, chatbotNames},
}

// aiArtifactPhrases are the built-in leftovers, as patterns over
// normalised text (lower case, one space, straight apostrophes).
var aiArtifactPhrases = &phrase.Table{Name: "ai-artifact", Entries: []phrase.Entry{
	{Pattern: `as an ai(?: (?:language model|model|assistant|chatbot)| ?,| i)`,
		Match:   []string{"As an AI language model, I cannot", "As an  AI, I", "as an AI i"},
		NoMatch: []string{"As an AI researcher, she", "as an AI-assisted study"}},
	{Pattern: `as an? (?:large )?language model,? i`,
		Match: []string{"As a large language model, I", "As a language model I"}},
	{Pattern: `as of my (?:last )?(?:knowledge|training)(?: (?:update|cutoff|cut-off))?`,
		Match: []string{"As of my last knowledge update", "as of my training"}},
	{Pattern: `my knowledge cut-?off`, Match: []string{"my knowledge cut-off", "my knowledge cutoff"}},
	{Pattern: `i hope this (?:helps|information helps|summary helps)(?: ?[.!]| ?$|,)`,
		Match:   []string{"I hope this helps!", "I hope this summary helps."},
		NoMatch: []string{"I hope this helps clinicians"}},
	{Pattern: `(?:certainly|sure|absolutely|of course) ?[!,.] here(?: is| are|'s)`,
		Match:   []string{"Certainly!  Here  is", "Certainly!\tHere is", "Sure, here’s", "Of course. Here are"},
		NoMatch: []string{"Absolutely!Here is", "The dose was safe. Here is why."}},
	{Pattern: `here(?: is|'s) a (?:brief |concise |short )?summary of the (?:article|study|paper|research|text|findings)`,
		Match:   []string{"Here's a brief summary of the study"},
		NoMatch: []string{"Here is a summary of the feedback"}},
	{Phrase: "regenerate response", Match: []string{"Regenerate response"}},
	{Pattern: `i(?: cannot| can't| am not able to|'m not able to| am unable to) provide (?:medical|legal|financial) advice`,
		Match: []string{"I can’t provide medical advice", "I'm not able to provide legal advice"}},
	{Pattern: `i(?:'m| am) (?:not able|unable) to browse the internet`, Match: []string{"I’m not able to browse the internet"}},
	{Pattern: `i (?:cannot|can't|do not|don't) (?:browse the internet|have (?:access to )?real-time)`,
		Match: []string{"I don't have access to real-time data", "I cannot browse the internet"}},
	{Pattern: `let me know if you(?:'d| would) like`, Match: []string{"Let me know if you’d like more"}},
	// "Feel free to ask questions in the #general channel" is a person;
	// "If you have any more questions, feel free to ask!" ends a chat.
	{Pattern: `feel free to ask ?(?:[.!]|$)`,
		Match:   []string{"feel free to ask!", "Feel free to ask"},
		NoMatch: []string{"Feel free to ask questions in the comments."}},
	{Pattern: `\[ ?your name ?\]`, Match: []string{"[Your Name]", "[ your  name ]"}, Lang: "*"},
	// The other languages' "As an AI language model".
	{Pattern: `als (?:ein )?(?:ki-sprachmodell|ki-modell|sprachmodell)`, Lang: "de", Match: []string{"Als KI-Sprachmodell kann ich"}},
	{Pattern: `en tant que (?:modèle de langage|ia|intelligence artificielle)`, Lang: "fr", Match: []string{"En tant que modèle de langage, je"}},
	{Pattern: `como (?:un )?modelo de lenguaje`, Lang: "es", Match: []string{"Como modelo de lenguaje, no puedo"}},
	{Pattern: `come (?:un )?modello (?:di )?linguaggio`, Lang: "it", Match: []string{"Come modello di linguaggio non posso"}},
	{Pattern: `als (?:een )?(?:ai-)?taalmodel`, Lang: "nl", Match: []string{"Als AI-taalmodel kan ik"}},
	{Pattern: `jako (?:model językowy|sztuczna inteligencja)`, Lang: "pl", Match: []string{"Jako model językowy nie mogę"}},
	{Pattern: `como (?:um )?modelo de linguagem`, Lang: "pt", Match: []string{"Como modelo de linguagem, não posso"}},
}}

func checkAIArtifact(p *Pass) {
	opts := p.Options.(*AIArtifactOptions)
	extra, extraTab := opts.extra.get("ai-artifact phrases", opts.Phrases)
	type match struct {
		bi   int
		m    [2]int
		text string
	}
	var found []match
	for bi := range p.Doc.Blocks {
		ms := forLanguage(p.phraseMatches(aiArtifactPhrases, bi), p.Doc.Lang)
		if extra != nil {
			ms = append(ms, extra.Find(extraTab, p.blockText(bi))...)
		}
		if len(ms) == 0 || !ownVoice(p.Doc, bi) {
			continue
		}
		b := &p.Doc.Blocks[bi]
		var taken [][2]int
	next:
		for _, x := range ms {
			s, e := p.proseRange(bi, x)
			for _, t := range taken {
				if s < t[1] && e > t[0] {
					continue next
				}
			}
			taken = append(taken, [2]int{s, e})
			if !inQuotation(b.Prose.Text, s, e) { // quoted to be discussed
				found = append(found, match{bi, [2]int{s, e}, b.Prose.Text[s:e]})
			}
		}
	}
	if len(found) == 0 {
		return
	}
	// An article on chatbots quotes what they say: there, only the chat
	// interface's own words are leftovers.
	about := aboutChatbots(p, func(bi int) [][2]int {
		var ms [][2]int
		for _, f := range found {
			if f.bi == bi {
				ms = append(ms, f.m)
			}
		}
		return ms
	})
	for _, f := range found {
		if about && !uiLeftover(f.text) {
			continue
		}
		b := &p.Doc.Blocks[f.bi]
		leftover := strings.TrimRight(strings.TrimSpace(f.text), ",.!")
		p.Reportf(b.Prose.SourceSpan(f.m[0], f.m[1]), "chatbot leftover %s: delete it and edit the text around it", quoteShort(leftover))
	}
}

// chatbotNames name chatbots: an article that uses one discusses them,
// and the chatbots' phrases it holds are quotations.
var chatbotNames = &phrase.Table{Name: "ai-artifact (chatbot names)", Entries: []phrase.Entry{
	{Pattern: `chatgpt|chatbots?|(?:large )?language models?|llms?|claude|gemini|copilot`,
		Match: []string{"ChatGPT's answer", "Large language models", "LLMs", "chatbots"}},
	{Pattern: `gpt-[34](?:\.5|o|-turbo)?`, Match: []string{"GPT-4o", "gpt-3.5"}},
}}

// aboutChatbots reports whether the article's prose names a chatbot
// outside the leftovers found in each block (leftovers(bi)).
func aboutChatbots(p *Pass, leftovers func(bi int) [][2]int) bool {
	for bi := range p.Doc.Blocks {
	next:
		for _, m := range p.phraseMatches(chatbotNames, bi) {
			s, e := p.proseRange(bi, m)
			for _, l := range leftovers(bi) {
				if s < l[1] && l[0] < e {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// uiLeftover reports whether a leftover is the chat interface's own text,
// which no article quotes on purpose.
func uiLeftover(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "regenerate") || strings.Contains(l, "your name")
}
