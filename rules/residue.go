package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/phrase"
)

// ResidueOptions configure residue.
type ResidueOptions struct {
	// Phrases are further lines of page furniture, matched against a whole
	// paragraph, case-insensitively and ignoring surrounding punctuation.
	Phrases []string `yaml:"phrases"`

	extra userPhrases
}

// Residue reports page furniture pasted along with an article's text.
var Residue = &Rule{
	ID:       "residue",
	Doc:      "Remove page furniture pasted with the text (\"Leave a comment\", \"Share this:\", cookie banners).",
	Severity: Warning,
	Fixable:  true,
	Explain: `Text copied from a web page brings the page's furniture with it: "Leave a
comment", "Share this:", "Like this:", "Related posts", "Posted in ...",
"Subscribe to our newsletter", cookie banners, "Back to top". In the article
they are noise, and they show it was pasted without being read.

Only a paragraph that consists of such a line is reported, never the same
words inside a sentence. "Read more" and "Continue reading" count only when
they are not links. Add your own lines under rules.residue.phrases.

Fix: articlelint --fix deletes the line.`,
	Options:   func() any { return &ResidueOptions{} },
	Languages: []string{"en", "de", "fr", "es", "it", "nl", "pl", "pt"},
	Check:     checkResidue,
	phrases:   []*phrase.Table{residueLines, residuePrefixes},
}

// residueLines are lines of page furniture, over a paragraph's normalised
// text: one counts when it is the whole paragraph but for punctuation and
// symbols at either end ("Share this:", "» Read more «").
var residueLines = &phrase.Table{Name: "residue", Entries: func() []phrase.Entry {
	var out []phrase.Entry
	for _, l := range []struct {
		line  string
		match []string
	}{
		{`leave a (?:comment|reply)`, []string{"Leave a comment", "LEAVE A REPLY"}},
		{`(?:\d+ )?comments?`, []string{"12 Comments", "Comment"}},
		{`share this(?: post| article| story)?`, []string{"Share this:", "Share\tthis post"}},
		{`share on (?:twitter|facebook|linkedin|x|email)`, []string{"Share on X"}},
		{`like this`, []string{"Like this:"}},
		{`like loading`, []string{"Like Loading..."}},
		{`loading`, []string{"Loading..."}},
		{`related(?: posts| articles| stories)?`, []string{"Related posts", "Related"}},
		{`subscribe to (?:our|the) newsletter`, []string{"Subscribe to our newsletter\u00a0!"}},
		{`sign up (?:for|to) (?:our|the) newsletter`, []string{"Sign up for the newsletter"}},
		{`accept(?: all)? cookies`, []string{"Accept all cookies"}},
		{`cookie (?:settings|preferences|policy)`, []string{"Cookie settings"}},
		{`read more`, []string{"» Read more «", "_Read more_", "Read\nmore"}},
		{`continue reading(?: (?:this|the) (?:post|article|story))?`, []string{"Continue reading →"}},
		{`print(?: this)? (?:page|article|post)`, []string{"Print this page"}},
		{`back to top`, []string{"Back to top ↑", "\vBack to top\f"}},
		{`skip to (?:main )?content`, []string{"Skip to content"}},
		{`advertisement`, []string{"ADVERTISEMENT"}},
		{`sponsored content`, []string{"Sponsored content"}},
		{`click to (?:share|print|email)(?: on [^ ]+)?(?: \(opens in new window\)?)?`, []string{"Click to share on Facebook (Opens in new window)"}},
		{`you (?:might|may) also like`, []string{"You might also like"}},
		{`previous post`, []string{"Previous post"}},
		{`next post`, []string{"Next post"}},
		{`(?:previous|next) article`, []string{"Next article"}},
	} {
		out = append(out, phrase.Entry{Pattern: l.line, Match: l.match})
	}
	// The other languages' furniture.
	for _, l := range []struct{ lang, line, match string }{
		{"de", `(?:einen )?kommentar (?:hinterlassen|schreiben)|(?:diesen beitrag )?teilen|weiterlesen|ähnliche (?:beiträge|artikel)|nach oben|zurück nach oben`, "Kommentar hinterlassen"},
		{"fr", `laisser un commentaire|(?:\d+ )?commentaires?|partager(?: cet article)?|lire la suite|articles similaires|retour en haut`, "Laisser un commentaire"},
		{"es", `deja(?:r)? un comentario|(?:\d+ )?comentarios?|compartir(?: esto)?|leer más|artículos relacionados|volver arriba`, "Deja un comentario"},
		{"it", `lascia un commento|(?:\d+ )?commenti|condividi(?: questo articolo)?|leggi (?:tutto|di più)|articoli correlati|torna su`, "Lascia un commento"},
		{"nl", `laat een reactie achter|reageer|delen|lees meer|gerelateerde (?:berichten|artikelen)|terug naar boven`, "Laat een reactie achter"},
		{"pl", `zostaw komentarz|(?:\d+ )?komentarz[ey]?|udostępnij|czytaj (?:więcej|dalej)|powiązane (?:wpisy|artykuły)|wróć na górę`, "Zostaw komentarz"},
		{"pt", `deixe um comentário|(?:\d+ )?comentários?|(?:compartilhe|partilhe|compartilhar|partilhar)(?: isto)?|leia mais|ler mais|artigos relacionados|voltar ao topo`, "Deixe um comentário"},
	} {
		out = append(out, phrase.Entry{Pattern: l.line, Lang: l.lang, Match: []string{l.match}})
	}
	return out
}()}

// residuePrefixes start a short line of furniture, after any punctuation:
// "Posted in News", "Tagged vitamin D, lactation", a cookie banner.
var residuePrefixes = &phrase.Table{Name: "residue (prefixes)", Entries: func() []phrase.Entry {
	var out []phrase.Entry
	for _, l := range []struct {
		prefix  string
		match   []string
		noMatch []string
	}{
		{`posted (?:in|on|by) `, []string{"Posted in News, Health"}, []string{"Reposted in"}},
		{`filed under `, []string{"Filed under Nutrition"}, nil},
		{`tagged(?: with| as)?:? `, []string{"Tagged vitamin D, lactation"}, nil},
		{`categories: `, []string{"Categories: News"}, nil},
		{`we use cookies`, []string{"We use cookies to improve your experience."}, []string{"We use cookie dough"}},
		{`this (?:web)?site uses cookies`, []string{"This website uses cookies"}, nil},
		{`by continuing to (?:use|browse) this (?:web)?site`, []string{"By continuing to use this site"}, nil},
	} {
		out = append(out, phrase.Entry{Pattern: l.prefix, Match: l.match, NoMatch: l.noMatch})
	}
	return out
}()}

// cookieBanner words show that a line about cookies is a banner.
var cookieBanner = wordSet("site", "website", "experience", "browsing", "browser", "consent", "accept", "privacy", "policy", "settings")

func checkResidue(p *Pass) {
	opts := p.Options.(*ResidueOptions)
	extra, extraTab := opts.extra.get("residue phrases", trimmedPhrases(opts.Phrases))
	d := p.Doc
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == article.TableCell {
			continue
		}
		ms := forLanguage(append(p.phraseMatches(residueLines, bi), p.phraseMatches(residuePrefixes, bi)...), d.Lang)
		if extra != nil {
			ms = append(ms, extra.Find(extraTab, p.blockText(bi))...)
		}
		if len(ms) == 0 {
			continue
		}
		if line, ok := residueLine(p.blockText(bi), ms); !ok || residueLinkOnly(line) && p.linkOrDOIIn(b.Span) {
			continue
		}
		reportResidue(p, b.Prose.Text, b.Prose.SourceSpan(0, len(b.Prose.Text)), b.Span)
	}
	// A plain-text article's parser takes short capitalised lines followed
	// by text for headings: "Related posts", "Posted in News".
	for _, s := range d.Sections {
		t := phrase.Normalize(s.Heading)
		ms := forLanguage(slices.DeleteFunc(offlineMatcher().Scan(nil, &t), func(m phrase.Match) bool {
			return m.Table != residueLines && m.Table != residuePrefixes
		}), d.Lang)
		if extra != nil {
			ms = append(ms, extra.Find(extraTab, &t)...)
		}
		if _, ok := residueLine(&t, ms); ok {
			reportResidue(p, s.Heading, s.HeadingSpan, s.HeadingSpan)
		}
	}
}

// reportResidue reports the furniture text at span, with a fix that
// deletes the lines of block when nothing else is on them.
func reportResidue(p *Pass, text string, span, block article.Span) {
	f := Finding{
		Span:    span,
		Message: "page furniture " + quoteShort(strings.TrimSpace(text)) + " was pasted with the text: delete it",
	}
	if del, ok := wholeLines(p.Doc, block); ok {
		f.Fixes = []Fix{{Message: "delete the line", Edits: []Edit{{Span: del, New: ""}}}}
	}
	p.Report(f)
}

// trimmedPhrases returns phrases trimmed of punctuation at either end, as
// the lines they are compared with are.
func trimmedPhrases(phrases []string) []string {
	out := make([]string, len(phrases))
	for i, ph := range phrases {
		out[i] = trimToWords(ph)
	}
	return out
}

// residueLinkOnly reports whether a line of furniture counts only when it
// is not a link: "Sign up to our [newsletter](...)" is an invitation that
// works.
func residueLinkOnly(line string) bool {
	rest, reading := strings.CutPrefix(line, "continue reading")
	return line == "read more" || reading && (rest == "" || notWordByte(rune(rest[0]))) ||
		strings.HasPrefix(line, "subscribe to ") || strings.HasPrefix(line, "sign up ")
}

// residueLine reports whether the paragraph or heading normalised as t,
// with the matches ms of residueLines, residuePrefixes and the configured
// phrases, is page furniture: a line that is all of it but punctuation at
// either end, or a prefix at its start. It returns the paragraph trimmed
// of that punctuation.
func residueLine(t *phrase.Text, ms []phrase.Match) (string, bool) {
	line := trimToWords(t.Norm)
	if line == "" {
		return "", false
	}
	start := strings.Index(t.Norm, line)
	prefix := false
	for _, m := range ms {
		switch {
		case m.At != start:
		case m.Table == residuePrefixes:
			prefix = true
		case m.To >= start+len(line): // and perhaps the punctuation after it
			return line, true
		}
	}
	if !prefix {
		return "", false
	}
	// Cookie banners run to a few sentences; "Posted in" and "Tagged" lines
	// are short and are not sentences: "Tagged proteins were ..." is.
	if strings.Contains(line, "cookies") {
		return line, !moreWords(line, 60) && slices.ContainsFunc(strings.FieldsFunc(line, notWordByte), func(w string) bool { return cookieBanner[w] })
	}
	s := strings.TrimSpace(t.Norm)
	return line, !moreWords(line, 15) && !strings.HasSuffix(s, ".") && !strings.Contains(s, ". ")
}

// trimToWords trims s of everything but letters and digits at either end.
func trimToWords(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// notWordByte reports whether r is outside \w: what splits words as \b does.
func notWordByte(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_')
}

// moreWords reports whether s has more than n words (runs of non-space),
// reading no further than it must.
func moreWords(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			if words++; words > n {
				return true
			}
		}
	}
	return false
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// wholeLines returns the span of the lines that span covers, with the
// final line break, when nothing but space and Markdown markers ("- ",
// "> ") shares those lines.
func wholeLines(d *article.Document, span article.Span) (article.Span, bool) {
	first, last := d.Position(span.Start).Line, d.Position(span.End).Line
	start, end := d.Lines.LineStart(first), d.Lines.LineEnd(last)
	before := strings.TrimLeft(d.Text(article.Span{Start: start, End: span.Start}), " \t>#-*+•–0123456789.)")
	after := strings.TrimSpace(d.Text(article.Span{Start: span.End, End: end}))
	if strings.TrimSpace(before) != "" || after != "" {
		return article.Span{}, false
	}
	if last < d.Lines.Lines() {
		end = d.Lines.LineStart(last + 1)
	} else {
		end = len(d.Source)
	}
	return article.Span{Start: start, End: end}, true
}
