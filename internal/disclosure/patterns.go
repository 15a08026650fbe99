// Package disclosure recognises an AI-use statement, one sentence at a
// time, with two phrase tables: Tools, the words that name AI, and
// Statements, the wordings of a statement. Both match normalised text
// (internal/phrase). It is a leaf package (phrase and regexp only) so
// that the command can start compiling the matchers while the larger
// packages initialise (see cmd/articlelint/internal/early).
package disclosure

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/internal/phrase"
)

// The vocabulary of AI-use statements. Kept as words, joined into the
// patterns below, so that a new tool name or wording is one edit. They
// match normalised text: lower case, one space between words, straight
// apostrophes, "-" for every dash.
//
// Most false positives come from articles about AI in research ("The
// AI-based tool detected fractures", "We used AI to analyse images",
// "Adequate Intake (AI)", "written by Claude Martin"), so a pattern needs
// both a reference to an AI tool and a reference to writing this text.
const (
	// aiNamed are products whose name means nothing else.
	aiNamed = `(?:chatgpt(?:[- ]?[0-9][0-9.]*o?)?|gpt(?:-?[0-9][0-9.]*o?)?|openai|(?:microsoft |github )?copilot|grammarly(?: go)?|deepl(?: write)?|quillbot|perplexity|writefull|paperpal|wordtune|jasper ai|notion ai)`
	// aiAmbiguous are products named like people or things ("Claude
	// Martin", "the Bard"). Before a capitalised word other than a
	// version they are no tool: Statement sets such names aside before
	// matching, as case is gone from normalised text.
	aiAmbiguous = `(?:claude|gemini|bard|llama|mistral|jasper)`
	aiVersion   = `(?: (?:[0-9][\w.]*|sonnet|opus|haiku|pro|ultra|flash|advanced|chat|instruct))*`
	// aiGeneric is AI in general: "AI", "a large language model".
	aiGeneric = `(?:generative ai|gen ?ai|artificial intelligence|ai|a\.i\.|(?:large )?language models?|llms?|(?:ai )?chatbots?|machine[- ]learning)`
	// aiNoun is what may follow aiGeneric: "AI tools", "AI-assisted tools".
	aiNoun  = `(?:[- ](?:assisted|based|powered|driven|generated|writing|language)(?: ?` + aiNouns + `)?| ` + aiNouns + `)?`
	aiNouns = `(?:assistance|assistants?|tools?|technology|technologies|models?|systems?|software|services?|platforms?|engines?|programs?|applications?|apps?|chatbots?)`
	// afterAI are the words that may follow a tool that ends a pattern.
	afterAI = `(?:and|or|but|to|in|for|which|that|then|with|as|on|by|from|under|before|after|while|was|were|is|has|had|at|so)\b`

	// aiTool is an AI tool where the words after it are matched too: the
	// subject of "was used to", the object of "used ... to edit".
	aiTool = `(?:` + aiNamed + `\b|` + aiAmbiguous + aiVersion + `\b|` + aiGeneric + aiNoun + `\b)`
	// aiRef is an AI tool that ends a pattern. It checks the word after
	// it, so that "reviewed by AI researchers" and "Adequate Intake (AI)"
	// are not tools; what follows an ambiguous name is taken up to a
	// space, for the match to end at a word's edge.
	aiRef = `(?:` + aiNamed + `\b|` + aiAmbiguous + aiVersion + `(?:$|[^a-z ][^ ]*| [^ ]+)|` +
		aiGeneric + aiNoun + `(?: ?$| ?[^\w )-]| - |[ -]` + afterAI + `))`
	// aiLead are the words between a preposition and the tool: "with the
	// help of", "using OpenAI's", "with assistance from an".
	// Unbounded, not {0,5}: a count copies the words once per repetition,
	// and the usual statement (Statements[0]) must stay within 2,048
	// instructions, above which Go's regexp gives each match a machine of
	// 655 KB instead of 82 KB (see TestUsualStatementIsSmall).
	aiLead = `(?:(?:the|a|an|some|limited|minor|generative|help|assistance|support|aid|input|use|of|from|such|as|like|[\w-]+'s) )*`
	// aiPrep introduces the tool: "with", "using", "with help from".
	aiPrep = `(?:with|using|by|via|through|from|in collaboration with|with help from) `

	// work is the text being disclosed about.
	work = `(?:content|articles?|texts?|posts?|summar(?:y|ies)|stor(?:y|ies)|pieces?|pages?|blog(?: posts?)?|write-?ups?|reports?|drafts?|material|manuscripts?|work|translations?|copy|papers?|newsletters?|sections?|essays?|explainers?|abstracts?|publication)\b`
	// thisWork is the article itself: "this article", "portions of our
	// summary", "the following text".
	thisWork = `(?:(?:parts|portions|sections|some|much|all|most) of )?(?:this|the present|the following|the above|our) (?:[\w-]+ )?` + work
	// aiVerb is what was done to the text.
	aiVerb = `(?:generated|written|created|produced|drafted|prepared|composed|edited|assisted|translated|summari[sz]ed|authored|co-?written|co-?authored|ghost-?written|refined|polished|proofread|copy-?edited|developed|enhanced|reviewed|improved|rewritten)\b`

	// writeAct is writing this text, as done with a tool: a writing verb
	// ("to draft"), making this text ("in the preparation of this
	// manuscript"; "generate radiology reports" is not), or polishing its
	// language ("to improve readability"; "improve detection" is not).
	writeVerb = `(?:write|writes|writing|wrote|written|rewrite|rewriting|rewrote|rewritten|draft|drafts|drafting|drafted|edit|edits|editing|edited|copy-?edit(?:s|ing|ed)?|proofread(?:s|ing)?|polish(?:es|ing|ed)?|rephras(?:e|es|ing|ed)|paraphras(?:e|es|ing|ed)|outlin(?:e|es|ing|ed))\b`
	makeVerb  = `(?:generat|produc|creat|prepar|develop|compos|translat|summari[sz])(?:e|es|ed|ing|ion|tion|ation)?\b[^.!?]{0,30}?(?:\b(?:this|these|our|the present|the following) (?:[\w-]+ )?` + work + `|\b(?:drafts?|content|text|copy|wording|prose)\b)`
	langVerb  = `(?:improv|enhanc|refin|check|correct|revis|polish)\w* (?:(?:the|its|their|our) )?(?:\w+ (?:and )?)?(?:language|readability|grammar|spelling|clarity|style|wording|flow|english|prose|phrasing|tone)\b`
	writeAct  = `(?:` + writeVerb + `|` + makeVerb + `|` + langVerb + `)`
	// toWrite leads to writeAct: "to help draft", "for language editing",
	// "in order to improve readability".
	toWrite = `\b(?:to|for|in|when|during) (?:\w+ ){0,2}?` + writeAct

	// useVerb is how a writer says they used a tool.
	useVerb = `(?:used|use|uses|using|employed|employ|utili[sz]ed|relied on|rely on|have used|did not use|didn't use|do not use)`
	// passiveUse is "was used", "were employed".
	passiveUse = `(?:is|are|was|were|has been|have been) (?:(?:not|also|only) )?(?:used|employed|utili[sz]ed|involved|applied)\b`
	// writer is who wrote the article.
	writer = `(?:we|i|the authors?|authors|the writers?|the editors?|the editorial team|our (?:team|editors?|writers?|staff|newsroom|editorial team))\b`
	// aiLocal are the words for AI in the other languages, and the named
	// tools. "IA" is also Spanish and Portuguese for the Adequate Intake
	// and "ai" an Italian word: a statement needs a writing verb and the
	// text it is about as well, as in English.
	aiLocal = `(?:` + aiNamed + `|` + aiAmbiguous + `|ki|k\.i\.|künstliche[rn]? intelligenz|ia|l'ia|intelligence artificielle|l'intelligence artificielle|inteligencia artificial|intelligenza artificiale|l'intelligenza artificiale|sztuczn\pL+ inteligencj\pL+|si|inteligência artificial|kunstmatige intelligentie|ai|generatiev\pL* ai|generativ\pL* (?:ki|ia|ai)|(?:ki|ia|ai|si)-?(?:tools?|werkzeuge?|outils?|herramientas?|strumenti|narzędzi\pL*|ferramentas?|modell?e?|model\pL*|assistent\pL*))` + w1
	// w0 and w1 are word edges for words that may begin or end with a
	// letter outside ASCII, where \b sees none: they take the character
	// before (after) the word.
	w0 = `(?:^|[^\pL\pN])`
	w1 = `(?:[^\pL\pN]|$)`
	// localWork is the text, in the other languages.
	localWork = `(?:artikel|beitrag|text|zusammenfassung|inhalt|article|texte|résumé|contenu|billet|artículo|texto|resumen|contenido|articolo|testo|riassunto|sintesi|contenuto|artikel|tekst|samenvatting|inhoud|artykuł\pL*|tekst\pL*|streszczeni\pL*|podsumowani\pL*|artigo|resumo|conteúdo)\pL{0,3}` + w1
	// localVerb is making or editing the text, in the other languages.
	localVerb = `(?:erstellt|geschrieben|verfasst|generiert|übersetzt|bearbeitet|überarbeitet|produziert|redigiert|rédigée?s?|écrite?s?|générée?s?|produite?s?|traduite?s?|créée?s?|préparée?s?|relue?s?|corrigée?s?|redactad[oa]s?|redactó|escrit[oa]s?|escribió|generad[oa]s?|generó|producid[oa]s?|traducid[oa]s?|elaborad[oa]s?|elaboró|redatt[oa]|scritt[oa]|generat[oa]|prodott[oa]|tradott[oa]|elaborat[oa]|geschreven|gegenereerd|gemaakt|opgesteld|vertaald|bewerkt|napisan\pL*|powsta\pL*|przygotowan\pL*|wygenerowan\pL*|przetłumaczon\pL*|opracowan\pL*|redigid[oa]s?|gerad[oa]s?|produzid[oa]s?|traduzid[oa]s?|elaborad[oa]s?)` + w1
	// localUsed is "used", in the other languages.
	localUsed = `(?:verwendet|eingesetzt|genutzt|benutzt|utilisée?s?|employée?s?|utilizad[oa]s?|utilizó|usad[oa]s?|usó|utilizzat[oa]|usat[oa]|gebruikt|ingezet|użyt\pL*|wykorzystan\pL*|użyto|wykorzystano)` + w1
	// localWith leads to the tool: "mit Unterstützung von", "avec l'aide
	// de", "con ayuda de", "con l'aiuto dell'", "met hulp van", "przy
	// pomocy", "com apoio de".
	localWith = `(?:mit|mithilfe|unter|avec|à l'aide|grâce|par|con|com|met|door|z|ze|przy|przez|using|with)(?: (?:der |die |dem |l'|la |el |le |il |lo |dell'|della |del |de |da |do |van |d'|een |the )?(?:hilfe|unterstützung|einsatz|verwendung|nutzung|aide|assistance|soutien|ayuda|apoyo|uso|asistencia|aiuto|supporto|ausilio|utilizzo|hulp|behulp|ondersteuning|inzet|pomocy|pomocą|użyciem|wykorzystaniem|wsparciem|apoio|auxílio|ajuda|assistência|help)(?: (?:von|der|des|de|d'|del|della|dell'|dello|van|do|da|of))?)?(?: (?:von|van|de|di|do|da|of|d'))?(?: (?:la |el |l'|le |der |die |dem |een |the |a |uma |um |un |una |une ))?`
	// localNo says no AI was used: "ohne KI", "sans IA", "no se utilizó".
	localNo = `(?:ohne|keine[nr]?|kein|sans|aucune?|sin|ningun[ao]?|ningún|senza|nessun[ao]?|zonder|geen|bez|żadn\pL*|nie|sem|nenhum[ao]?|não|no)`

	// stmtLabel introduces a statement: "Disclaimer:", "Editor's note —".
	stmtLabel = `(?:disclaimer|disclosure|transparency (?:note|statement)|editor'?s note|about this (?:article|summary|post)) ?[:-] ?`
)

// Statements are the usual wordings of an AI-use statement, matched
// against one sentence at a time.
var Statements = &phrase.Table{Name: "ai-disclosure statements", Entries: []phrase.Entry{
	// "This content is generated using AI assistance", "Portions of this
	// article were drafted with the help of ChatGPT", "This summary,
	// written with Claude, ...".
	{Pattern: `(?:\b` + thisWork + `|^\W*the (?:[\w-]+ )?` + work + `)[^.!?]{0,60}?(?:\b(?:is|are|was|were|been|being) (?:\w+ ){0,2}?|, ?)` + aiVerb + `[^.!?]{0,60}?\b` + aiPrep + aiLead + aiRef,
		Match: []string{"This content is generated using AI assistance", "Portions of this content were generated using AI and reviewed by a human editor.",
			"This  article was written\twith\u00a0AI assistance.", "This article was\nwritten with AI assistance.", "This summary was written with A.I. assistance.",
			"This story was produced with the help of generative AI and edited by a staff journalist.", "This article was written by Claude and edited by our staff."},
		NoMatch: []string{"This summary was reviewed by two AI ethicists at Stanford.", "The study compared summaries written by ChatGPT with those written by doctors."}},
	// "Written with AI assistance." and "Drafted with the help of ChatGPT"
	// at the start of a sentence, after a label or not.
	{Pattern: `^\W*(?:` + stmtLabel + `)?(?:(?:partly|partially|in part|largely|entirely|fully) )?` + aiVerb + ` (?:(?:partly|partially|in part|largely|entirely|fully) )?` + aiPrep + aiLead + aiRef,
		Match:   []string{"Drafted with the help of ChatGPT and checked by our editors.", "Disclaimer: Generated with ChatGPT, fact-checked by our medical editor.", "Written by Claude, Anthropic's AI assistant."},
		NoMatch: []string{"Written by Ai Tanaka, MD, a paediatric radiologist.", "They were written with care."}},
	// "Language editing was done with ChatGPT", "Copy-editing was assisted
	// by AI" (Springer Nature).
	{Pattern: `\b(?:language|copy|grammar|style|spelling)[- ]?(?:editing|checking|polishing|review)\b[^.!?]{0,40}?\b(?:is|was|were|has been) (?:done|performed|carried out|provided|assisted|supported|aided)\b[^.!?]{0,20}?\b` + aiPrep + aiLead + aiRef,
		Match: []string{"Language editing was done with ChatGPT.", "Copy-editing was assisted by AI."}},
	// "I wrote this post with help from ChatGPT".
	{Pattern: `\b(?:i|we) (?:\w+ ){0,2}?(?:wrote|drafted|edited|(?:prepared|produced|created|generated|translated) (?:this|these|our|the) (?:[\w-]+ )?` + work + `)[^.!?]{0,40}?\b` + aiPrep + aiLead + aiRef,
		Match: []string{"I wrote this post with help from ChatGPT."}},
	// Elsevier's and MDPI's wording: "During the preparation of this work
	// the author(s) used [tool] in order to [reason]".
	{Pattern: `\bduring the (?:preparation|writing|drafting) of this\b[^.!?]{0,60}?\b(?:used|did not use)\b(?: (?:any )?` + aiLead + aiTool + `|[^.!?]{0,80}?\b(?:in order to|for the purposes? of)\b)`,
		Match: []string{"During the preparation of this work the author(s) used ChatGPT in order to improve readability.",
			"During the preparation of this manuscript, the authors used ChatGPT (GPT-4, OpenAI) for the purposes of language editing."},
		NoMatch: []string{"During the preparation of this review, we used the PRISMA checklist."}},
	// "The author used Grammarly and ChatGPT to edit the language", "We
	// used Claude to produce a first draft of this summary".
	{Pattern: `\b` + writer + `[^.!?]{0,40}?\b` + useVerb + ` (?:any )?` + aiLead + aiTool + `[^.!?]{0,60}?` + toWrite,
		Match: []string{"The author used Grammarly and ChatGPT to edit the language", "We used Claude to produce a first draft of this summary",
			"We used ChatGPT (OpenAI, GPT-4o) to improve the readability and language of the manuscript.", "The authors did not use generative AI in preparing this article."},
		NoMatch: []string{"We used AI to improve the detection of rickets on radiographs.", "We used DeepL to translate the questionnaires into Thai."}},
	// The tool as subject: "AI-assisted tools were used to draft",
	// "ChatGPT (OpenAI) was used to improve the language of this
	// manuscript", "AI tools helped draft this article".
	{Pattern: `\b` + aiTool + `(?: ?\([^()]{0,60}\))? (?:` + passiveUse + `[^.!?]{0,40}?` + toWrite +
		`|(?:helped|assisted|supported) (?:(?:us|me|the authors?|our \w+) )?(?:(?:to|with|in) )?` + writeAct + `)`,
		Match:   []string{"AI-assisted tools were used to draft portions of this summary.", "AI was used to help write this summary.", "AI tools helped draft this article"},
		NoMatch: []string{"An AI model was used to generate radiology reports for 500 children."}},
	// "The authors acknowledge the use of ChatGPT in the preparation of this
	// manuscript" (Wiley, Taylor & Francis).
	{Pattern: `\b(?:acknowledge|declare|disclose|report|note)s?\b[^.!?]{0,30}?\b(?:the )?use of ` + aiLead + aiTool + `(?: ?\([^()]{0,60}\))?[^.!?]{0,40}?` + toWrite,
		Match: []string{"The authors acknowledge the use of ChatGPT (OpenAI) in the preparation of this manuscript."}},
	// "This post contains AI-generated content", "This summary is
	// AI-generated", "This is an AI-assisted summary".
	{Pattern: `\b` + thisWork + ` (?:is|was|contains|includes|has been) (?:(?:not|partly|partially|largely|fully|entirely|in part) )?(?:an? )?(?:ai|machine)[- ](?:generated|assisted|written|drafted|created|produced|aided|edited|translated)\b`,
		Match: []string{"This post contains AI-generated content.", "This summary is AI–generated."}},
	{Pattern: `\bthis (?:is an? )?(?:ai|machine)[- ](?:generated|assisted|written|drafted|created|produced|aided|edited|translated) (?:[\w-]+ )?` + work,
		Match: []string{"This is an AI-assisted summary; a pharmacist checked every figure.", "This is a machine translated article."}},
	// Statements that no AI was used are disclosures too: "No generative AI
	// tools were used in writing this article", "The author(s) declare
	// that no Generative AI was used in the creation of this manuscript".
	{Pattern: `\bno ` + aiLead + aiTool + `[^.!?]{0,20}?\b` + passiveUse + `[^.!?]{0,40}?` + toWrite,
		Match:   []string{"No generative AI tools were used in writing this article.", "The author(s) declare that no Generative AI was used in the creation of this manuscript."},
		NoMatch: []string{"There is no AI tool approved to diagnose rickets."}},
	// "written without the use of AI", "produced without AI assistance".
	{Pattern: `\b` + aiVerb + ` (?:(?:entirely|solely|wholly|only) )?(?:by (?:a )?humans? )?(?:without|with no) (?:the (?:use|help|assistance) of )?(?:any )?` + aiLead + aiRef,
		Match: []string{"This article was written without the use of AI.", "Produced without AI assistance."}},
	// A labelled statement: "Disclaimer: AI tools helped draft this",
	// "Disclosure: an AI-generated summary".
	{Pattern: `^\W*` + stmtLabel + `(?:(?:an? )?(?:ai|machine)[- ](?:generated|assisted|written|drafted|created|produced)\b|(?:the use of )?` + aiLead + aiTool + ` (?:(?:was|were|has been|have been) )?(?:used|helped|assisted|generated|wrote|drafted|produced|created|edited)\b)`,
		Match:   []string{"Disclaimer: AI tools helped draft this article.", "Disclosure: an AI-generated summary.", "Disclaimer — AI tools helped draft this article."},
		NoMatch: []string{"Disclaimer: the Adequate Intake (AI) values used here are estimates, not targets.", "Disclosure: The authors have no conflicts of interest."}},
	// The other languages: "Dieser Artikel wurde mit Unterstützung von KI
	// erstellt", "Cet article a été rédigé avec l'aide de l'IA", "Este
	// artículo se redactó con ayuda de IA", "Questo articolo è stato
	// redatto con l'aiuto dell'intelligenza artificiale", "Dit artikel is
	// geschreven met hulp van AI", "Ten artykuł został napisany przy
	// pomocy SI", "Este artigo foi redigido com apoio de IA": the text,
	// then within the sentence a writing verb and the tool, in either
	// order.
	{Pattern: w0 + localWork + `[^.!?]{0,80}?(?:` + localVerb + `(?:[^.!?]{0,40}?[^\pL\pN.!?])?` + localWith + ` ?` + aiLocal + `|` + w0 + localWith + ` ?` + aiLocal + `(?:[^.!?]{0,40}?[^\pL\pN.!?])?` + localVerb + `)`, Lang: "*",
		Match: []string{"Hinweis: Dieser Artikel wurde mit Unterstützung von KI erstellt und von unserer Redaktion geprüft.", "Cet article a été rédigé avec l'aide de l'IA et relu par la rédaction.",
			"Este artículo se redactó con ayuda de IA y fue revisado por la redacción.", "Questo articolo è stato redatto con l'aiuto dell'intelligenza artificiale.",
			"Dit artikel is geschreven met hulp van AI en nagekeken door de redactie.", "Ten artykuł został napisany przy pomocy SI i sprawdzony przez redakcję.",
			"Este artigo foi redigido com apoio de IA e revisto pela redação.", "Dieser Text wurde mithilfe von ChatGPT übersetzt.", "Dit artikel is met behulp van AI geschreven."},
		NoMatch: []string{"El artículo analiza la ingesta adecuada (IA) de vitamina D en madres.", "O artigo compara a ingestão adequada (IA) com a dose usada no ensaio.",
			"Questo articolo è stato scritto ai sensi del regolamento.", "Dieser Artikel erklärt, wie KI Röntgenbilder auswertet."}},
	// "KI wurde eingesetzt, um diesen Artikel zu verfassen", "L'IA a été
	// utilisée pour rédiger cet article", "Se utilizó IA para redactar
	// este resumen", "Bei der Erstellung dieses Textes wurde ChatGPT
	// verwendet".
	{Pattern: `(?:` + w0 + aiLocal + `(?:[^.!?]{0,40}?[^\pL\pN.!?])?` + localUsed + `|` + w0 + localUsed + `(?:[^.!?]{0,20}?[^\pL\pN.!?])?` + aiLocal + `)(?:[^.!?]{0,60}?[^\pL\pN.!?])?` + `(?:` + localWork + `|(?:redactar|escribir|rédiger|écrire|verfassen|schreiben|redigere|scrivere|schrijven|napisania|redigir|escrever|stesura|redazione|redacción|rédaction|erstellung|redactie|redação|pisania)` + w1 + `)|` + w0 + `(?:` + localWork + `|(?:redactar|escribir|rédiger|écrire|verfassen|schreiben|redigere|scrivere|schrijven|napisania|redigir|escrever|stesura|redazione|redacción|rédaction|erstellung|redactie|redação|pisania)` + w1 + `)[^.!?]{0,60}?(?:` + w0 + aiLocal + `(?:[^.!?]{0,40}?[^\pL\pN.!?])?` + localUsed + `|` + w0 + localUsed + `(?:[^.!?]{0,20}?[^\pL\pN.!?])?` + aiLocal + `)`, Lang: "*",
		Match:   []string{"L'IA a été utilisée pour rédiger cet article.", "Se utilizó IA para redactar este resumen.", "Bei der Erstellung dieses Textes wurde ChatGPT verwendet.", "Per la stesura è stata utilizzata l'intelligenza artificiale."},
		NoMatch: []string{"KI wurde eingesetzt, um Röntgenbilder auszuwerten.", "Se utilizó la ingesta adecuada (IA) como referencia."}},
	// No AI was used: "Für diesen Artikel wurde keine KI verwendet",
	// "Aucune IA n'a été utilisée", "No se utilizó IA", "Er is geen AI
	// gebruikt bij het schrijven", "Artykuł napisano bez użycia SI".
	{Pattern: w0 + localNo + ` (?:(?:the |der |la |l'|el |o |a |het |de |use of |utilizzo |uso |use |użycia |pomocy |ayuda de |aide de |hilfe von |d'|de )?)?` + aiLocal + `(?:[^.!?]{0,40}?[^\pL\pN.!?])?` + `(?:` + localUsed + `|` + localVerb + `|` + localWork + `)|` + w0 + localWork + `(?:[^.!?]{0,60}?[^\pL\pN.!?])?` + localVerb + `(?:[^.!?]{0,30}?[^\pL\pN.!?])?` + `(?:ohne|sans|sin|senza|zonder|bez|sem) (?:(?:die |l'|la |el |de |o |a |het |użycia |pomocy |hilfe von |aide de |ayuda de |uso de |utilizzo di |l'uso dell')?)?` + aiLocal, Lang: "*",
		Match:   []string{"Aucune IA n'a été utilisée.", "Für diesen Artikel wurde keine KI verwendet.", "Dieser Artikel wurde ohne KI geschrieben.", "Er is geen AI gebruikt bij het schrijven van dit artikel.", "Este texto foi escrito sem IA."},
		NoMatch: []string{"Es gibt keine KI, die das kann."}},
	// A statement with its own label: "AI disclosure:", "Use of AI:",
	// "Declaration of generative AI and AI-assisted technologies in the
	// writing process:", "Generative AI statement:".
	{Pattern: `^\W*(?:(?:generative )?(?:ai|a\.i\.|artificial intelligence|llm)(?:[- ](?:use|usage|assistance|involvement))? (?:disclosure|declaration|statement|notice|transparency(?: (?:note|statement))?|use(?: statement)?)|(?:use|disclosure|declaration) of (?:generative )?(?:ai|artificial intelligence|llms?|large language models?)(?: (?:tools|technologies|and ai-assisted technologies(?: in the writing process)?|in (?:the )?writing(?: process)?|statement|disclosure))?|(?:ai|machine)[- ](?:generated|assisted) (?:content|summary|text|article)) ?[:-]`,
		Match: []string{"AI disclosure: The first draft was generated by ChatGPT.", "Use of AI: ChatGPT-4 (OpenAI) was used to edit the Discussion section.",
			"Declaration of generative AI and AI-assisted technologies in the writing process: the authors used Paperpal.", "Generative AI statement: Claude 3.5 Sonnet was used."},
		NoMatch: []string{"Artificial intelligence disclosure rules vary by country.", "Use of AI in paediatric radiology: what the evidence says"}},
}}

// Tools are the words that name AI, one of which every statement holds:
// a sentence without one is not read further. Most are phrases, which
// cost no pattern to find; ambiguousTools are the entries of aiAmbiguous.
var Tools, ambiguousTools = func() (*phrase.Table, map[int]bool) {
	t := &phrase.Table{Name: "ai-disclosure tools"}
	add := func(e phrase.Entry) int {
		t.Entries = append(t.Entries, e)
		return len(t.Entries) - 1
	}
	for _, w := range []string{"chatgpt", "gpt", "openai", "copilot", "grammarly", "deepl", "quillbot", "perplexity", "writefull", "paperpal", "wordtune",
		"ai", "a.i.", "genai", "gen ai", "artificial intelligence", "language model", "language models", "llm", "llms", "chatbot", "chatbots",
		"during the preparation", "during the writing", "during the drafting",
		// The other languages' words for AI; "ia", "si" and Italian "ai"
		// are ordinary words too, which the statements' structure rules
		// out.
		"ki", "k.i.", "künstliche intelligenz", "künstlicher intelligenz", "ia", "l'ia", "intelligence artificielle", "inteligencia artificial",
		"intelligenza artificiale", "sztuczna inteligencja", "sztucznej inteligencji", "si", "inteligência artificial", "kunstmatige intelligentie"} {
		add(phrase.Entry{Phrase: w})
	}
	add(phrase.Entry{Pattern: `machine[- ](?:learning|generated|assisted|written|drafted|created|produced|aided|edited|translated)`,
		Match: []string{"machine translated", "machine-generated", "machine learning"}, NoMatch: []string{"machine parts"}})
	t.Entries[0].Match = []string{"ChatGPT-4o", "This is ChatGPT."}
	t.Entries[1].NoMatch = []string{"InstructGPT"}
	t.Entries[11].Match = []string{"AI-assisted", "an AI", "Jasper AI"}
	t.Entries[11].NoMatch = []string{"said", "AIs", "aim"}
	// A version run into the name: "GPT4o", "Claude3".
	add(phrase.Entry{Pattern: `(?:chatgpt|gpt)[0-9][\w.]*`, Match: []string{"GPT4o", "chatgpt4"}})
	ambiguous := map[int]bool{}
	for _, w := range []string{"claude", "gemini", "bard", "llama", "mistral", "jasper"} {
		ambiguous[add(phrase.Entry{Phrase: w})] = true
	}
	ambiguous[add(phrase.Entry{Pattern: aiAmbiguous + `[0-9][\w.]*`, Match: []string{"Claude3", "llama2"}, NoMatch: []string{"Claudette"}})] = true
	return t, ambiguous
}()

// versionWords may follow an ambiguous name in capitals and leave it a
// tool: "Claude Opus", "Gemini Advanced".
var versionWords = map[string]bool{"sonnet": true, "opus": true, "haiku": true, "pro": true, "ultra": true,
	"flash": true, "advanced": true, "chat": true, "instruct": true}

var (
	toolMatcher = sync.OnceValue(func() *phrase.Matcher { return phrase.MustCompileWith(derivations, Tools) })
	// otherStatements are the Statements after the first, which the usual
	// statement matches: a run that meets only that one (linting one
	// article) need not build their matcher, which parses every pattern.
	otherStatements = &phrase.Table{Name: Statements.Name, Entries: Statements.Entries[1:]}
	otherMatcher    = sync.OnceValue(func() *phrase.Matcher { return phrase.MustCompileWith(derivations, otherStatements) })
)

// First returns the index of the first of sentences, ranges of text (a
// block's prose, t its normalised form), that is an AI-use statement in
// one of the usual wordings, or -1. Only a sentence that names AI is read
// further.
func First(text string, t *phrase.Text, sentences [][2]int) int {
	tools := toolMatcher().Scan(nil, t)
	if len(tools) == 0 {
		return -1
	}
	// norm returns where the character at offset p of text starts in t.
	norm := func(p int) int {
		return sort.Search(t.Len(), func(i int) bool { s, _ := t.Source(i, i); return s >= p })
	}
	for k, r := range sentences {
		a, b := norm(r[0]), norm(r[1])
		var set []byte // the sentence, with names that are no tool set aside
		names := false
		for _, m := range tools {
			if m.Start < a || m.Start >= b {
				continue
			}
			names = true
			if !ambiguousTools[m.Entry] {
				continue
			}
			// "Written by Claude Martin": a name before a capitalised word
			// is a person or a thing, set aside as letters that name
			// nothing.
			if _, j := t.Source(m.Start, m.End); named(t.Norm[m.Start:m.End], text[j:r[1]]) {
				if set == nil {
					set = []byte(t.Norm[a:b])
				}
				for i := m.Start; i < m.End; i++ {
					set[i-a] = 'x'
				}
			}
		}
		if !names {
			continue
		}
		s := t.Norm[a:b]
		if set != nil {
			s = string(set)
		}
		if matches(Pattern(0), s) {
			return k
		}
		if n := phrase.Normalize(s); len(otherMatcher().Scan(nil, &n)) > 0 {
			return k
		}
	}
	return -1
}

// Statement reports whether sentence, as written, is an AI-use statement
// in one of the usual wordings.
func Statement(sentence string) bool {
	t := phrase.Normalize(sentence)
	return First(sentence, &t, [][2]int{{0, len(sentence)}}) == 0
}

// matches reports whether re matches s at word edges, as a matcher's
// pattern does.
func matches(re *regexp.Regexp, s string) bool {
	for _, m := range re.FindAllStringIndex(s, -1) {
		if phrase.WordEdges(s, m[0], m[1]) {
			return true
		}
	}
	return false
}

// named reports whether the ambiguous name (normalised), followed in the
// sentence by after, names someone or something other than the tool:
// past any version words ("Claude 3 Opus"), a capitalised word follows
// ("Claude Martin", "the Gemini Observatory"). "Jasper AI" is the tool.
func named(name, after string) bool {
	for {
		r, _ := utf8.DecodeRuneInString(after)
		if after == "" || !unicode.IsSpace(r) {
			return false // the end of the sentence, or punctuation
		}
		after = strings.TrimLeftFunc(after, unicode.IsSpace)
		if after == "" || after[0] < 'A' || after[0] > 'Z' {
			return false
		}
		n := 0
		for n < len(after) && (after[n] >= 'a' && after[n] <= 'z' || after[n] >= 'A' && after[n] <= 'Z') {
			n++
		}
		w := strings.ToLower(after[:n])
		if name == "jasper" && w == "ai" {
			return false
		}
		if !versionWords[w] {
			return true
		}
		after = after[n:]
	}
}

// Warm builds the matcher of Tools and compiles the first pattern, which
// the usual statement matches, now rather than on first use (see
// lint.Warm and cmd/articlelint/internal/early): the others rarely run.
func Warm() {
	toolMatcher()
	Pattern(0)
}

var compiled = make([]struct {
	once sync.Once
	re   *regexp.Regexp
}, len(Statements.Entries))

// Len is the number of built-in patterns, the entries of Statements.
func Len() int { return len(Statements.Entries) }

// Pattern returns built-in pattern i, the pattern of Statements.Entries[i]
// over normalised text, compiled on first use. Config puts the built-in
// patterns before the configured ones (Options.Disclosure in
// article), where the parser knows them and runs them through
// Statement.
func Pattern(i int) *regexp.Regexp {
	c := &compiled[i]
	c.once.Do(func() { c.re = regexp.MustCompile(Statements.Entries[i].Pattern) })
	return c.re
}

// Patterns returns every built-in pattern, compiled.
func Patterns() []*regexp.Regexp {
	out := make([]*regexp.Regexp, Len())
	for i := range out {
		out[i] = Pattern(i)
	}
	return out
}
