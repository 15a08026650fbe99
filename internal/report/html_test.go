package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlSample is a small run: two files with findings (one with a tab, a
// wide character and markup in its line), a clean file and a file that
// could not be linted.
func htmlSample(t *testing.T, rep Reporter) Summary {
	t.Helper()
	src := []byte("\uFEFF# Title\r\n\nSee\t😀 <b>click here</b> for the study.\n")
	a := []Finding{
		{Path: "a <x>.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 8, Rule: "ai-disclosure", Severity: "error", Message: "no AI-use disclosure <script>alert(1)</script>"},
		{Path: "a <x>.md", Line: 3, Column: 10, EndLine: 3, EndColumn: 20, Rule: "link-promise", Severity: "warning", Message: `"click here" promises a link`,
			Fixes: []Fix{{Message: "x"}}},
	}
	b := []Finding{{Path: "b.md", Line: 2, Column: 1, EndLine: 2, EndColumn: 4, Rule: "overclaim", Severity: "info", Message: "proven"}}
	sum := Summary{Files: 3, Failed: 1}
	sum.Add(a)
	sum.Add(b)
	err := errors.Join(
		FileSource(rep, "a <x>.md", src, a),
		FileSource(rep, "b.md", []byte("x\nfoo bar\n"), b),
		rep.File("clean.md", nil),
		rep.FileError("empty.md", errors.New("empty.md: file is empty")),
		rep.Close(sum))
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

var sampleRules = []RuleInfo{
	{ID: "ai-disclosure", Doc: "The article must say how AI was used.", Explain: "Readers <and> the law ask.\n\nFix: add a statement.", Severity: "error"},
	{ID: "link-promise", Doc: "A promised source must be linked.", Explain: "Why & how.", Severity: "error"},
	{ID: "overclaim", Doc: "No overclaiming.", Explain: "Explain overclaim.", Severity: "info"},
	{ID: "doi-format", Doc: "DOIs as links.", Explain: "Unused here.", Severity: "warning"},
}

func renderSample(t *testing.T) []byte {
	var out bytes.Buffer
	rep, err := New("html", &out, Options{Version: "v9.9.9", Rules: sampleRules})
	if err != nil {
		t.Fatal(err)
	}
	htmlSample(t, rep)
	return out.Bytes()
}

// walk calls f on every element.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return strings.Contains(" "+v+" ", " "+class+" ")
}

// The page fetches nothing: no stylesheet, script or image from
// elsewhere, so it opens offline and from a CI artifact.
func TestHTMLSelfContained(t *testing.T) {
	doc, err := html.Parse(bytes.NewReader(renderSample(t)))
	if err != nil {
		t.Fatal(err)
	}
	scripts := 0
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "link", "img", "iframe", "object", "embed":
			t.Errorf("the page has a <%s>", n.Data)
		case "script":
			scripts++
			if src, ok := attr(n, "src"); ok {
				t.Errorf("a script is loaded from %s", src)
			}
		}
		if href, ok := attr(n, "href"); ok && !strings.HasPrefix(href, "#") {
			t.Errorf("<%s> links to %s, outside the page", n.Data, href)
		}
	})
	if scripts != 1 {
		t.Errorf("%d scripts, want the page's own one (a message's <script> must be text)", scripts)
	}
}

// What a reader sees: the counts, every finding under its file with its
// line, messages and paths as text (never markup), each rule's
// explanation, and the file that could not be linted.
func TestHTMLContent(t *testing.T) {
	page := renderSample(t)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]string{}
	var findings, files []*html.Node
	var explains []string
	var pageText string
	walk(doc, func(n *html.Node) {
		if c, ok := attr(n, "data-count"); ok {
			counts[c] = text(n)
		}
		if hasClass(n, "finding") {
			findings = append(findings, n)
		}
		if hasClass(n, "file") && n.Data == "section" {
			files = append(files, n)
		}
		if n.Data == "details" {
			explains = append(explains, text(n))
		}
	})
	pageText = text(doc)
	if counts["error"] != "1" || counts["warning"] != "1" || counts["info"] != "1" || counts["all"] != "3" || counts["files"] != "2 of 3" {
		t.Errorf("counts %v", counts)
	}
	if len(files) != 2 || len(findings) != 3 {
		t.Fatalf("%d file sections and %d findings, want 2 and 3", len(files), len(findings))
	}
	if !strings.Contains(text(files[0]), "a <x>.md") || !strings.Contains(text(findings[0]), "no AI-use disclosure <script>alert(1)</script>") {
		t.Errorf("path or message not shown as text: %q", text(files[0]))
	}
	// Only the rules with findings, each with its whole explanation.
	if len(explains) != 3 || !strings.Contains(strings.Join(explains, "|"), "Readers <and> the law ask.\n\nFix: add a statement.") {
		t.Errorf("explanations %q", explains)
	}
	if !strings.Contains(pageText, "empty.md: file is empty") {
		t.Error("the file that could not be linted is not listed")
	}
	if strings.Contains(pageText, "Unused here.") {
		t.Error("a rule without findings is explained")
	}
}

func TestSourceLine(t *testing.T) {
	long := strings.Repeat("a", 500) + "TARGET" + strings.Repeat("b", 500)
	tests := []struct {
		name, line          string
		f                   Finding
		before, mark, after string
		cutStart, cutEnd    bool
		caret               string
	}{
		{"plain", "See the study.", Finding{Line: 1, Column: 5, EndLine: 1, EndColumn: 8}, "See ", "the", " study.", false, false, "^~~"},
		{"wide characters count once", "😀 é x", Finding{Line: 1, Column: 5, EndLine: 1, EndColumn: 6}, "😀 é ", "x", "", false, false, "^"},
		{"empty span", "abc", Finding{Line: 1, Column: 2, EndLine: 1, EndColumn: 2}, "a", "", "bc", false, false, "^"},
		{"runs past the line", "abc", Finding{Line: 1, Column: 2, EndLine: 3, EndColumn: 1}, "a", "bc", "", false, false, "^~"},
		{"past the end", "abc", Finding{Line: 1, Column: 9, EndLine: 1, EndColumn: 12}, "abc", "", "", false, false, "^"},
		{"long line", long, Finding{Line: 1, Column: 501, EndLine: 1, EndColumn: 507}, strings.Repeat("a", htmlContext), "TARGET", strings.Repeat("b", htmlContext), true, true, "^~~~~~"},
	}
	for _, tt := range tests {
		s := sourceLine(tt.line, tt.f)
		if s.Before != tt.before || s.Mark != tt.mark || s.After != tt.after || s.CutStart != tt.cutStart || s.CutEnd != tt.cutEnd || s.Caret != tt.caret {
			t.Errorf("%s: got %q %q %q cut %v %v caret %q", tt.name, s.Before, s.Mark, s.After, s.CutStart, s.CutEnd, s.Caret)
		}
	}
	src := []byte("\uFEFFfirst\r\nsecond\nlast")
	li := lineStarts(src)
	for n, want := range map[int]string{1: "first", 2: "second", 3: "last"} {
		if got, ok := li.line(src, n); !ok || got != want {
			t.Errorf("line %d = %q, %v; want %q", n, got, ok, want)
		}
	}
	if _, ok := li.line(src, 4); ok {
		t.Error("line 4 of 3 found")
	}
}
