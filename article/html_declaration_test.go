package article

import (
	"strings"
	"testing"
)

func TestHTMLLanguageDeclarationsAndBylines(t *testing.T) {
	page := `<!doctype html>
<html lang="fr-FR">
<head>
<meta name="ai-usage" content="ai-assisted">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","associatedMedia":{"digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"}}</script>
<script type="application/c2pa">manifest</script>
<script type="application/ld+json">{ broken</script>
</head>
<body><article>
<header><h1>La vitamine D</h1><p class="byline">Par <span class="author">ChatGPT</span>, juin 2024</p></header>
<p>Short text.</p>
</article></body></html>`
	d, err := Parse("a.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Lang.Code != "fr" || d.Lang.Source != "html lang" {
		t.Errorf("language %+v, want fr from html lang", d.Lang)
	}
	var got []string
	for _, dec := range d.Declarations {
		got = append(got, dec.Kind+" "+dec.Use.String()+" "+d.Text(dec.Span)[:min(12, dec.Span.Len())])
	}
	want := []string{"meta ai-assisted ai-assisted", "json-ld ai-assisted http://cv.ip", "c2pa unknown <script type"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("declarations %q, want %q", got, want)
	}
	var bylines []string
	for _, b := range d.Bylines {
		bylines = append(bylines, b.Text)
	}
	if !strings.Contains(strings.Join(bylines, "|"), "ChatGPT") {
		t.Errorf("bylines %q, want the one naming ChatGPT", bylines)
	}
}

func TestHTMLBylineCreditIsADisclosure(t *testing.T) {
	page := `<html lang="en"><body><article><header><h1>Vitamin D</h1>
<div class="entry-meta"><span class="byline">By <a rel="author" href="/ai">ChatGPT</a></span></div></header>
<div class="entry-content"><p>A trial followed 120 mothers for six months and measured vitamin D in their infants.</p></div>
</article></body></html>`
	d, err := Parse("a.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Disclosure == nil || !strings.Contains(d.Disclosure.Text, "ChatGPT") {
		t.Fatalf("disclosure %+v, want the byline crediting ChatGPT", d.Disclosure)
	}
	person := strings.Replace(page, "ChatGPT", "Maria Jones", 1)
	if d, _ := Parse("a.html", []byte(person), Options{}); d.Disclosure != nil {
		t.Errorf("a person's byline taken as a disclosure: %+v", d.Disclosure)
	}
}
