package article

import (
	"os"
	"strings"
	"testing"
)

func parseFile(t *testing.T, path, as string) *Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(as, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// prose is every block's prose, one block a line.
func prose(d *Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		b.WriteString(bl.Prose.Text + "\n")
	}
	return b.String()
}

// In MDX, import/export blocks and JSX on lines of their own are not
// prose; the Markdown inside JSX elements is, indented or not; a JSX
// comment is a comment (suppressions work). Read as plain Markdown, the
// same file has ESM and JSX in its prose.
func TestMDX(t *testing.T) {
	const path = "../testdata/articles/vitamin-d-lactation.mdx"
	d := parseFile(t, path, path)
	p := prose(d)
	for _, not := range []string{"import", "export", "<Tab", "</Tab", "<Callout", "caption=", "{/*", "site.url", "notProse"} {
		if strings.Contains(p, not) {
			t.Errorf("MDX prose contains %q:\n%s", not, p)
		}
	}
	for _, is := range []string{
		"This summary covers one trial.",                  // inside <Callout>, indented two spaces
		"A double-blind randomised controlled trial",      // inside <Tab>, indented four
		"(https://doi.org/10.29328/journal.hcem.1001002)", // a DOI in JSX children is found
		"This proves beyond doubt",
	} {
		if !strings.Contains(p, is) {
			t.Errorf("MDX prose lacks %q:\n%s", is, p)
		}
	}
	if len(d.DOIs) != 1 {
		t.Errorf("DOIs = %d, want the one in the <Tab>", len(d.DOIs))
	}
	found := false
	for _, c := range d.Comments {
		found = found || strings.TrimSpace(c.Text) == "articlelint-disable-next-line overclaim"
	}
	if !found {
		t.Errorf("the JSX comment is not a comment: %+v", d.Comments)
	}
	if got := headings(d); strings.Join(got, "|") != "Vitamin D for breastfeeding mothers raises their infants' levels|Introduction|Key Findings|Conclusion" {
		t.Errorf("headings %q", got)
	}
	// The code sample is one code block, whatever its import line says.
	blocks := 0
	for _, c := range d.Code {
		if strings.Contains(d.Text(c), "notProse") {
			blocks++
		}
	}
	if blocks != 1 {
		t.Errorf("the fenced code sample is in %d code spans, want 1", blocks)
	}

	md := prose(parseFile(t, path, "as-commonmark.md"))
	if !strings.Contains(md, "<Tabs") || !strings.Contains(md, "export const") {
		t.Errorf("read as CommonMark, ESM and JSX should be prose; prose:\n%s", md)
	}
}

// In Quarto and R Markdown, code chunks, fenced div markers, shortcode
// lines and heading attributes are not prose; a callout's text and inline
// R code's surroundings are.
func TestQuartoAndRMarkdown(t *testing.T) {
	for _, path := range []string{"../testdata/articles/vitamin-d-lactation.qmd", "../testdata/articles/vitamin-d-lactation.Rmd"} {
		d := parseFile(t, path, path)
		p := prose(d)
		for _, not := range []string{":::", "{{<", "#|", "library(", "ggplot", "knitr", "R code", "{#sec", "{-}", "round(rise", "`r"} {
			if strings.Contains(p, not) {
				t.Errorf("%s: prose contains %q:\n%s", path, not, p)
			}
		}
		if got := strings.Join(headings(d), "|"); got != "Introduction|Key Findings|Conclusion" {
			t.Errorf("%s: headings %q, want them without attributes", path, got)
		}
		if !strings.Contains(p, "A double-blind randomised controlled trial") || !strings.Contains(p, "nmol/L") {
			t.Errorf("%s: prose lacks the findings paragraph:\n%s", path, p)
		}
	}
	d := parseFile(t, "../testdata/articles/vitamin-d-lactation.qmd", "x.qmd")
	if !strings.Contains(prose(d), "Click here for the data.") {
		t.Errorf("the callout's text is prose")
	}
	md := parseFile(t, "../testdata/articles/vitamin-d-lactation.qmd", "as-commonmark.md")
	if p := prose(md); !strings.Contains(p, ":::") || !strings.Contains(p, "{{<") || md.Sections[0].Heading != "Introduction {#sec-intro}" {
		t.Errorf("read as CommonMark, div markers, shortcodes and attributes should be text; headings %q, prose:\n%s", headings(md), p)
	}
}

func TestDialectOf(t *testing.T) {
	for path, want := range map[string]Dialect{"a.mdx": MDX, "a.MDX": MDX, "a.qmd": Quarto, "a.Rmd": Quarto, "a.rmd": Quarto, "a.md": CommonMark, "a.markdown": CommonMark, "a": CommonMark} {
		if got := DialectOf(path); got != want {
			t.Errorf("DialectOf(%q) = %v, want %v", path, got, want)
		}
	}
}

// MDX and Quarto parsing never panics, and every span is in the source.
func FuzzParseDialects(f *testing.F) {
	for _, s := range []string{
		"import a from 'b'\n\n# T\n", "export const x = {\n\n  a: '}'\n}\n\nText.\n", "<A\n  b={c}\n/>\n", "<A b={`${x}`}>\n\n  prose\n\n</A>\n",
		"{/* articlelint-disable */}\n", "{/* unclosed\n", "<", "<A", "{", "<>\n</>\n", "```js\nimport x\n```\n<B/>\n",
		"::: {.callout}\nText.\n:::\n", "## H {#id}\n", "{{< x >}}\n", "```{r}\nx\n```\n", "`r 1`\n", ":::\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{"f.mdx", "f.qmd"} {
			if d, err := Parse(name, []byte(src), Options{}); err == nil {
				checkSpans(t, d)
			}
		}
	})
}
