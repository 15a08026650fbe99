package article

import (
	"regexp"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/disclosure"
	"github.com/articlelint/articlelint/internal/keywords"
)

// disclosureArticle wraps one paragraph in a small Markdown article: a
// title, a paragraph of findings, the given paragraph on line 5 and a
// closing paragraph.
func disclosureArticle(para string) string {
	return "# Vitamin D and rickets\n\n" +
		"Rickets is rare in infants who get 400 IU of vitamin D a day.\n\n" +
		para + "\n\n" +
		"Talk to your doctor before giving supplements.\n"
}

// disclosureText is the same article as plain text, one paragraph a line;
// the given paragraph is on line 3.
func disclosureText(para string) string {
	return "Vitamin D and rickets\n" +
		"Rickets is rare in infants who get 400 IU of vitamin D a day.\n" +
		para + "\n" +
		"Talk to your doctor before giving supplements.\n"
}

type disclosureCase struct {
	name string
	path string // "x.md" or "x.txt"
	src  string
	// want is the sentence recorded as the disclosure, "" for none.
	want string
	line int
}

func runDisclosureCases(t *testing.T, cases []disclosureCase) {
	t.Helper()
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.name] {
			t.Fatalf("duplicate case name %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.path, []byte(tc.src), Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got := d.Disclosure
			switch {
			case tc.want == "" && got != nil:
				t.Fatalf("found disclosure %q at line %d, want none", got.Text, d.Position(got.Span.Start).Line)
			case tc.want == "":
				return
			case got == nil:
				t.Fatalf("no disclosure found, want %q; sentences:\n%s", tc.want, sentenceList(d))
			}
			if got.Text != tc.want {
				t.Errorf("disclosure text = %q, want %q", got.Text, tc.want)
			}
			// The word filters never hide a match: each pattern that
			// matches the statement finds the words it needs in it.
			lower := d.LowerProse(got.Block)
			r := sentenceOf(d, got).Prose
			if !mayDisclose(lower, d.WordHits(got.Block), r[0], r[1]) {
				t.Errorf("mayDisclose rejects %q", got.Text)
			}
			for i, re := range disclosure.Patterns() {
				if re.MatchString(got.Text) && !containsAny(strings.ToLower(got.Text), disclosureNeeds[i]) {
					t.Errorf("pattern %d matches %q without any of %q", i, got.Text, disclosureNeeds[i])
				}
			}
			if line := d.Position(got.Span.Start).Line; line != tc.line {
				t.Errorf("disclosure line = %d, want %d", line, tc.line)
			}
			if got.Block < 0 || got.Block >= len(d.Blocks) || !blockHolds(d.Blocks[got.Block].Span, got.Span) {
				t.Errorf("disclosure span %v is not inside its block %d", got.Span, got.Block)
			}
		})
	}
}

// sentenceOf returns the sentence the disclosure is.
func sentenceOf(d *Document, got *Disclosure) Sentence {
	for _, s := range d.Sentences {
		if s.Span == got.Span {
			return s
		}
	}
	return Sentence{}
}

func blockHolds(block, s Span) bool { return s.Start >= block.Start && s.End <= block.End }

func sentenceList(d *Document) string {
	var b strings.Builder
	for _, s := range d.Sentences {
		b.WriteString("  " + s.Text + "\n")
	}
	return b.String()
}

// TestDisclosureWordings: real-world AI-use statements that must count.
// Each case is a distinct wording, from publishers' templates (Elsevier,
// MDPI, Wiley, Springer Nature, JAMA, Frontiers), newsrooms and blogs.
func TestDisclosureWordings(t *testing.T) {
	md := func(name, sentence string) disclosureCase {
		return disclosureCase{name: name, path: "x.md", src: disclosureArticle(sentence), want: sentence, line: 5}
	}
	cases := []disclosureCase{
		md("content generated using AI assistance",
			"This content is generated using AI assistance"),
		md("article written with AI assistance",
			"This article was written with AI assistance."),
		md("A.I. with full stops",
			"This summary was written with A.I. assistance and reviewed by the editors."),
		md("machine translated, without a hyphen",
			"This is a machine translated article."),
		md("drafted with the help of ChatGPT at sentence start",
			"Drafted with the help of ChatGPT and checked by our editors."),
		{
			name: "Elsevier declaration, first sentence recorded",
			path: "x.md",
			src: disclosureArticle("During the preparation of this work the author(s) used ChatGPT in order to improve readability. " +
				"After using this tool, the authors reviewed and edited the content as needed and take full responsibility for the content of the publication."),
			want: "During the preparation of this work the author(s) used ChatGPT in order to improve readability.",
			line: 5,
		},
		md("MDPI declaration with tool and purpose",
			"During the preparation of this manuscript, the authors used ChatGPT (GPT-4, OpenAI) for the purposes of language editing."),
		md("AI-assisted tools were used to draft",
			"AI-assisted tools were used to draft portions of this summary."),
		md("portions generated using AI and reviewed by a human",
			"Portions of this content were generated using AI and reviewed by a human editor."),
		md("Disclaimer label, tool as subject",
			"Disclaimer: AI tools helped draft this article; a registered dietitian reviewed it."),
		md("Disclaimer label, participle first",
			"Disclaimer: Generated with ChatGPT, fact-checked by our medical editor."),
		md("Disclaimer label from the seed article",
			"Disclaimer: This content is generated using AI assistance and should be reviewed for accuracy and compliance before considering this article and its contents as a reference."),
		md("AI disclosure label",
			"AI disclosure: The first draft was generated by ChatGPT and edited by Dr. Jane Smith."),
		md("we used Claude to produce a first draft",
			"We used Claude to produce a first draft of this summary"),
		md("no generative AI tools were used",
			"No generative AI tools were used in writing this article."),
		md("produced with the assistance of a large language model",
			"This summary was produced with the assistance of a large language model (GPT-4)"),
		md("author used Grammarly and ChatGPT to edit the language",
			"The author used Grammarly and ChatGPT to edit the language"),
		md("Springer Nature style, improve readability",
			"We used ChatGPT (OpenAI, GPT-4o) to improve the readability and language of the manuscript."),
		md("Wiley style, acknowledge the use of",
			"The authors acknowledge the use of ChatGPT (OpenAI) in the preparation of this manuscript."),
		md("JAMA style, Use of AI label",
			"Use of AI: ChatGPT-4 (OpenAI) was used to edit the Discussion section for grammar and clarity."),
		md("JAMA style acknowledgment with version and date",
			"The authors used ChatGPT-4 (OpenAI; accessed March 2024) to edit the manuscript for grammar; all output was reviewed by the authors."),
		md("Frontiers style, generative AI was used",
			"The author(s) declare that Generative AI was used in the creation of this manuscript."),
		md("Frontiers style, no generative AI was used",
			"The author(s) declare that no Generative AI was used in the creation of this manuscript."),
		md("Elsevier heading as a label",
			"Declaration of generative AI and AI-assisted technologies in the writing process: the authors used Paperpal to check grammar."),
		md("generative AI statement label with model version",
			"Generative AI statement: Claude 3.5 Sonnet (Anthropic) was used to outline this explainer; the text was written by the author."),
		md("newsroom, assisted by an AI engine",
			"This article was assisted by an AI engine and reviewed, fact-checked and edited by our editorial staff."),
		md("newsroom, produced with the help of generative AI",
			"This story was produced with the help of generative AI and edited by a staff journalist."),
		md("editor's note, translated with DeepL",
			"Editor's note: This summary was translated from Spanish with DeepL and checked by a bilingual editor."),
		md("contains AI-generated content",
			"This post contains AI-generated content."),
		md("this is an AI-assisted summary",
			"This is an AI-assisted summary; a pharmacist checked every figure."),
		md("first person, wrote with help from ChatGPT",
			"I wrote this post with help from ChatGPT."),
		md("AI was used to help write",
			"AI was used to help write this summary, and every figure was checked against the trial report."),
		md("written without the use of AI",
			"This article was written without the use of AI."),
		md("not written by AI",
			"This article was not written by AI."),
		md("language editing was done with ChatGPT",
			"Language editing was done with ChatGPT."),
		md("written by Claude, the AI assistant",
			"Written by Claude, Anthropic's AI assistant, and edited by our staff."),
		md("did not use generative AI in preparing",
			"The authors did not use generative AI in preparing this article."),
		{
			name: "plain text paragraph line",
			path: "x.txt",
			src:  disclosureText("Portions of this summary were drafted with ChatGPT."),
			want: "Portions of this summary were drafted with ChatGPT.",
			line: 3,
		},
		{
			// A last short line is never a heading in plain text.
			name: "plain text last line without full stop",
			path: "x.txt",
			src:  "Vitamin D and rickets\nRickets is rare in infants who get enough vitamin D.\nWritten with AI assistance\n",
			want: "Written with AI assistance",
			line: 3,
		},
	}
	runDisclosureCases(t, cases)
}

// TestDisclosureProseKinds: a statement counts in any prose block, with
// inline markup around it, and the first one is recorded.
func TestDisclosureProseKinds(t *testing.T) {
	const sentence = "This article was written with AI assistance."
	cases := []disclosureCase{
		{name: "list item", path: "x.md", src: disclosureArticle("- " + sentence), want: sentence, line: 5},
		{name: "block quote", path: "x.md", src: disclosureArticle("> " + sentence), want: sentence, line: 5},
		{name: "emphasis", path: "x.md", src: disclosureArticle("*" + sentence + "*"), want: sentence, line: 5},
		{name: "link text", path: "x.md", src: disclosureArticle("[Written with AI assistance](https://example.org/ai-policy)."),
			want: "Written with AI assistance.", line: 5},
		{
			name: "third line of a wrapped paragraph",
			path: "x.md",
			src:  "# Title\n\nRickets is rare.\nMost infants get enough sunlight.\nThis summary was drafted\nwith ChatGPT and checked by a nurse.\n",
			want: "This summary was drafted with ChatGPT and checked by a nurse.",
			line: 5,
		},
		{
			name: "first of two statements",
			path: "x.md",
			src:  disclosureArticle("No AI tools were used in writing this summary.") + "\nThis article was written with AI assistance.\n",
			want: "No AI tools were used in writing this summary.",
			line: 5,
		},
		{
			name: "after front matter",
			path: "x.md",
			src:  "---\ntitle: Vitamin D\n---\n\n" + sentence + "\n",
			want: sentence,
			line: 5,
		},
		{
			name: "after a code block with the same words",
			path: "x.md",
			src:  "```\n" + sentence + "\n```\n\nDrafted with ChatGPT.\n",
			want: "Drafted with ChatGPT.",
			line: 5,
		},
	}
	runDisclosureCases(t, cases)
}

// TestDisclosureFalsePositives: sentences that must not count, because AI
// means something else, AI was the subject of the research rather than a
// writing aid, or the words are not prose a reader sees.
func TestDisclosureFalsePositives(t *testing.T) {
	const sentence = "This article was written with AI assistance."
	none := func(name, para string) disclosureCase {
		return disclosureCase{name: name, path: "x.md", src: disclosureArticle(para)}
	}
	cases := []disclosureCase{
		// AI in another sense.
		none("Adequate Intake abbreviated AI",
			"Adequate Intake (AI) for vitamin D is 400 IU for infants."),
		none("Amnesty International abbreviated AI",
			"Amnesty International (AI) reported that 1 in 5 children in the region lacked access to fortified food."),
		none("Disclaimer about Adequate Intake values",
			"Disclaimer: the Adequate Intake (AI) values used here are estimates, not targets."),
		none("person named Claude wrote it",
			"Written by Claude Martin, a paediatric dietitian."),
		none("reviewed by AI researchers",
			"This summary was reviewed by two AI ethicists at Stanford."),
		none("funding from an AI research body",
			"This work was supported by a grant from the AI Research Council."),
		// AI as the subject or method of the research.
		none("AI-based diagnostic tool",
			"The AI-based diagnostic tool detected fractures in 92% of scans."),
		none("trained an AI model",
			"Researchers trained an AI model to predict rickets from wrist X-rays."),
		none("used AI to analyse images",
			"We used AI to analyse 10,000 retinal images."),
		none("used AI to improve detection",
			"We used AI to improve the detection of rickets on radiographs."),
		none("AI model used to generate radiology reports",
			"An AI model was used to generate radiology reports for 500 children."),
		none("AI-generated reports as a finding",
			"AI-generated radiology reports were as accurate as those written by radiologists."),
		none("study compared summaries written by ChatGPT",
			"The study compared summaries written by ChatGPT with those written by doctors."),
		none("used GPT-4 to classify notes",
			"We used GPT-4 to classify 3,000 clinical notes."),
		none("used an LLM to extract data",
			"The team used an LLM to extract dosing data from 200 trials."),
		none("article about how AI is used",
			"This article reviews how AI is used in paediatric radiology."),
		none("person named Ai",
			"Written by Ai Tanaka, MD, a paediatric radiologist."),
		none("Disclosure label about conflicts of interest",
			"Disclosure: The authors have no conflicts of interest."),
		{name: "plain text title line about use of AI", path: "x.txt",
			src: disclosureText("Use of AI in paediatric radiology: what the evidence says")},
		none("no AI tool approved",
			"There is no AI tool approved to diagnose rickets."),
		none("translated questionnaires with DeepL",
			"We used DeepL to translate the questionnaires into Thai."),
		none("preparation of this review used a checklist",
			"During the preparation of this review, we used the PRISMA checklist."),
		none("AI disclosure rules without a label colon",
			"Artificial intelligence disclosure rules vary by country."),
		// Not prose.
		{name: "fenced code block", path: "x.md", src: "# Title\n\nRickets is rare.\n\n```text\n" + sentence + "\n```\n"},
		{name: "tilde fenced code block", path: "x.md", src: "# Title\n\nRickets is rare.\n\n~~~\n" + sentence + "\n~~~\n"},
		{name: "indented code block", path: "x.md", src: "# Title\n\nRickets is rare.\n\n    " + sentence + "\n"},
		{name: "inline code", path: "x.md", src: disclosureArticle("Publishers suggest `" + sentence + "` as wording.")},
		{name: "HTML comment block", path: "x.md", src: disclosureArticle("<!-- " + sentence + " -->")},
		{name: "HTML comment inside a paragraph", path: "x.md", src: disclosureArticle("Rickets is preventable. <!-- " + sentence + " --> Ask your doctor.")},
		{name: "image alt text", path: "x.md", src: disclosureArticle("![" + sentence + "](chart.png)")},
		{name: "front matter field", path: "x.md", src: "---\ntitle: Vitamin D\nai: " + sentence + "\n---\n\nRickets is rare.\n"},
		// Headings are not prose: a heading with no statement under it
		// does not tell the reader how AI was used.
		{name: "heading only is not a statement", path: "x.md", src: "# Vitamin D\n\nRickets is rare.\n\n## Written with AI assistance\n\nTalk to your doctor.\n"},
		{name: "setext heading only is not a statement", path: "x.md", src: "Rickets is rare.\n\nWritten with AI assistance\n---\n\nTalk to your doctor.\n"},
		{name: "plain text heading line is not a statement", path: "x.txt", src: "Rickets is rare in infants.\nWritten with AI assistance\nTalk to your doctor before giving supplements.\n"},
	}
	runDisclosureCases(t, cases)
}

// TestDisclosurePatternsShape: the defaults are case-insensitive, and
// Options.Disclosure replaces them.
func TestDisclosurePatternsShape(t *testing.T) {
	if len(disclosureNeeds) != disclosure.Len() {
		t.Fatalf("%d word filters for %d patterns", len(disclosureNeeds), disclosure.Len())
	}
	for i, re := range disclosure.Patterns() {
		if !strings.HasPrefix(re.String(), "(?i)") {
			t.Errorf("pattern %d is not case-insensitive: %s", i, re)
		}
	}
	d, err := Parse("x.md", []byte(disclosureArticle("THIS ARTICLE WAS WRITTEN WITH AI ASSISTANCE.")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Disclosure == nil {
		t.Error("upper-case statement not found")
	}
	custom := []*regexp.Regexp{regexp.MustCompile(`(?i)\bKI-Hinweis\b`)}
	d, err = Parse("x.md", []byte(disclosureArticle("This article was written with AI assistance.")), Options{Disclosure: custom})
	if err != nil {
		t.Fatal(err)
	}
	if d.Disclosure != nil {
		t.Errorf("custom patterns should replace the defaults, found %q", d.Disclosure.Text)
	}
	d, err = Parse("x.md", []byte(disclosureArticle("KI-Hinweis: Dieser Text wurde mit KI erstellt.")), Options{Disclosure: custom})
	if err != nil {
		t.Fatal(err)
	}
	if d.Disclosure == nil || d.Position(d.Disclosure.Span.Start).Line != 5 {
		t.Errorf("custom pattern: got %+v, want a disclosure on line 5", d.Disclosure)
	}
}

// needsIn finds, for every pattern, what strings.ToLower and Contains
// find: also with the Kelvin sign and dotted capital I, which lower-case
// to ASCII letters.
func checkNeedsIn(t *testing.T, s string) {
	present := needsIn(s, keywords.Lower(nil, s), nil)
	for i := range disclosureNeeds {
		if got, want := needsMet(i, present), containsAny(strings.ToLower(s), disclosureNeeds[i]); got != want {
			t.Errorf("pattern %d in %q: needsIn says %v, strings.Contains %v", i, s, got, want)
		}
	}
}

func TestNeedsIn(t *testing.T) {
	for _, s := range []string{
		"", "The text was EDITED with AI.", "Language chec\u212Aing was done by AI.", "EDİTED with ChatGPT",
		"Disclaimer: we used AI", "During the preparation of this work", "written without AI — really",
		"Ré-sumé: nothing here", "used", "USE OF",
	} {
		checkNeedsIn(t, s)
	}
	for _, words := range disclosureNeeds {
		for _, w := range words {
			checkNeedsIn(t, "x "+strings.ToUpper(w)+" y")
		}
	}
}

func FuzzNeedsIn(f *testing.F) {
	f.Add("The text was EDITED with AI.")
	f.Add("chec\u212Aing İ: — –")
	f.Fuzz(checkNeedsIn)
}

// containsAny reports whether lower holds one of words: how the
// disclosure filter was written before needsIn, kept as its oracle.
func containsAny(lower string, words []string) bool {
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// FuzzDisclosureFilter: the word filters before the patterns never change
// what is found. The oracle runs every default pattern on every sentence.
// (A.I. and "machine translated" statements were filtered out before it.)
func FuzzDisclosureFilter(f *testing.F) {
	for _, s := range []string{
		"This summary was written with A.I. assistance and reviewed by the editors.",
		"This is a machine translated article.",
		"Drafted with the help of ChatGPT and checked by our editors.",
		"During the preparation of this work the author used a tool in order to improve readability.",
		"Disclaimer:Generated with GenAI. The Kelvin sign: \u212a, the long s: \u017f.",
		"We used InstructGPT to draft this post. GitHub Copilot helped write this article.",
		"This article was written with AIé.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse("x.txt", []byte(text), Options{})
		if err != nil {
			return
		}
		var want *Disclosure
	search:
		for _, s := range d.Sentences {
			for i := range disclosure.Len() {
				if disclosure.Pattern(i).MatchString(s.Text) {
					want = &Disclosure{Block: s.Block, Span: s.Span, Text: s.Text}
					break search
				}
			}
		}
		got := d.Disclosure
		if (got == nil) != (want == nil) || got != nil && *got != *want {
			t.Fatalf("filtered: %+v, every pattern on every sentence: %+v", got, want)
		}
	})
}
