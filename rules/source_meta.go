package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/articlelint/articlelint/internal/claims"
	"github.com/articlelint/articlelint/internal/online"
)

// SourceMeta reports a publication year or journal given for a cited
// study that its record contradicts.
var SourceMeta = &Rule{
	ID:        "source-meta",
	Doc:       "The year and journal the article gives a cited study must be its record's (online check, Crossref and Europe PMC).",
	Severity:  Warning,
	Online:    true,
	Languages: sourceLanguages,
	OptionsOf: "doi-mismatch",
	Explain: `"Published in The Lancet in 2019" tells readers where to find the study and
how much to trust it; a wrong journal or year sends them to the wrong
paper, or lends a study a journal's name it never had. With --online,
articlelint compares the year and journal a sentence gives a cited study
("published in 2019", "a 2019 study", "(Smith et al., 2019)", "in the
journal Nutrients", "The Lancet (2019)") with Crossref's and Europe PMC's
records. Every year the records give counts (online, print, issue: a
paper online in December and in print in January is rightly cited with
either), and journal names are compared ignoring case, punctuation and a
leading "The", with abbreviations ("N Engl J Med", "NEJM") and a
journal's family ("The Lancet" for "The Lancet Diabetes & Endocrinology").

A year of a sentence bound to the study only through its section, the
article or the front matter is read as another study's when it comes as
"a 2015 study" or with authors the record does not list: only sentences
that cite the study, or whose paragraph does, are checked for those. See
source-design for which study a sentence speaks of.

Fix: give the year and journal of the study's record.` + onlineNote,
	Check: checkSourceMeta,
}

func checkSourceMeta(p *Pass) {
	v := p.sourceView()
	if v == nil {
		return
	}
	for i, rec := range v.attributed(p) {
		b := &v.binds[i]
		if !v.info[i].triggers[forMeta] {
			continue
		}
		c := v.claim(i, forMeta)
		if len(rec.Years) > 0 {
			for _, y := range c.Years {
				if slices.Contains(rec.Years, y.Year) || !v.about(i, rec) {
					continue
				}
				p.Reportf(sentenceSpan(p.Doc, b, y.Span.Start, y.Span.End), "the article gives %d for the study; its record (%s) gives %s",
					y.Year, b.DOI, years(rec.Years))
			}
		}
		if len(rec.Journals) > 0 {
			for _, j := range c.Journals {
				if claims.SameJournal(j.Name, rec.Journals...) || !v.about(i, rec) {
					continue
				}
				p.Reportf(sentenceSpan(p.Doc, b, j.Span.Start, j.Span.End), "the article names the journal %q; the study (%s) appeared in %q",
					j.Name, b.DOI, rec.Journal)
			}
		}
	}
}

func years(ys []int) string {
	var s []string
	for _, y := range ys {
		s = append(s, strconv.Itoa(y))
	}
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// foreignYear reports whether claim c (of text) gives a year that is not the record's in
// a way that names another study: "a 2015 study", or an author citation
// whose authors the record does not list.
func foreignYear(c *claims.Claim, text string, rec *online.SourceRecord) bool {
	for _, y := range c.Years {
		if slices.Contains(rec.Years, y.Year) {
			continue
		}
		switch y.Cue {
		case claims.CueStudy:
			return true
		case claims.CueAuthor:
			if !namesAuthor(text[max(0, y.Span.Start-80):y.Span.Start], rec.Authors) {
				return true
			}
		}
	}
	return false
}

// namesAuthor reports whether before (the words before a cited year)
// names one of authors as a whole word.
func namesAuthor(before string, authors []string) bool {
	low := strings.ToLower(before)
	for _, a := range authors {
		a = strings.ToLower(strings.TrimSpace(a))
		if a == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(low[i:], a)
			if j < 0 {
				break
			}
			j += i
			end := j + len(a)
			if (j == 0 || !isWordByte(low[j-1])) && (end == len(low) || !isWordByte(low[end])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
