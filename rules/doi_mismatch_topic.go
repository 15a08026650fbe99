package rules

import (
	"strings"
	"unicode"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/online"
)

// DOIMismatchTopic reports DOIs whose work shares no term with the article.
var DOIMismatchTopic = &Rule{
	ID:       "doi-mismatch-topic",
	Doc:      "The cited work's title should share a significant term with the article's title and headings (online check).",
	Severity: Warning,
	Online:   true,
	Explain: `With --online the title of each cited work is read from Crossref (or DataCite
for DataCite DOIs). When it shares no significant word with the article's title
and headings, the DOI probably points to the wrong paper: a digit slipped, or
the DOI of a neighbouring article was copied.

Fix: check that the DOI is the study the article summarises.` + onlineNote,
	Check: func(p *Pass) {
		var terms map[string]bool
		checkedDOIs(p, func(d article.DOI, r *online.DOIResult) {
			if r.Status != online.DOIFound || r.Title == "" {
				return
			}
			if terms == nil {
				terms = articleTerms(p.Doc)
			}
			if len(terms) == 0 {
				return
			}
			for t := range significantTerms(r.Title) {
				if terms[t] {
					return
				}
			}
			p.Reportf(d.DOISpan, "the cited work (%s) shares no significant word with the article's title and headings: check that the DOI is the study summarised", quoteShort(r.Title))
		})
	},
}

func articleTerms(d *article.Document) map[string]bool {
	var b strings.Builder
	if d.Title != nil {
		b.WriteString(d.Title.Text + " ")
	}
	for _, s := range d.Sections {
		b.WriteString(s.Heading + " ")
	}
	return significantTerms(b.String())
}

// stopwords are words too common in titles to tell two topics apart.
var stopwords = map[string]bool{
	"about": true, "after": true, "among": true, "analysis": true, "and": true, "based": true,
	"between": true, "clinical": true, "conclusion": true, "data": true, "during": true,
	"effect": true, "effects": true, "evidence": true, "findings": true, "from": true,
	"have": true, "into": true, "introduction": true, "its": true, "journal": true, "key": true,
	"more": true, "new": true, "over": true, "randomized": true, "randomised": true,
	"research": true, "results": true, "review": true, "study": true, "studies": true,
	"summary": true, "systematic": true, "that": true, "the": true, "their": true, "this": true,
	"through": true, "trial": true, "under": true, "using": true, "what": true, "when": true,
	"which": true, "with": true, "within": true, "without": true, "why": true, "matters": true,
	"takeaways": true, "overview": true, "background": true, "implications": true,
}

// significantTerms lower-cases words of four or more letters (or with a
// digit, such as "D3"), drops stop words and a plural "s".
func significantTerms(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		hasDigit := strings.IndexFunc(w, unicode.IsDigit) >= 0
		if (len(w) < 4 && !(hasDigit && len(w) >= 2)) || stopwords[w] {
			continue
		}
		if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		out[w] = true
	}
	return out
}
