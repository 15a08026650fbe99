package report

import (
	"bytes"
	"errors"
	"testing"
)

// Workflow commands split on "::" and ",", and end at a newline: file
// names, titles and messages must not be able to forge or cut a command.
func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		name string
		f    Finding
		want string
	}{
		{"plain", Finding{Path: "a.md", Line: 3, Column: 5, EndLine: 3, EndColumn: 9, Rule: "doi-format", Severity: "warning", Message: "write DOIs as https://doi.org/<doi>"},
			"::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=doi-format::write DOIs as https://doi.org/<doi>\n"},
		{"percent", Finding{Path: "100%.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Rule: "r", Severity: "error", Message: "50% of %0A"},
			"::error file=100%25.md,line=1,col=1,endLine=1,endColumn=2,title=r::50%25 of %250A\n"},
		{"newlines", Finding{Path: "a\nb\r.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Rule: "r", Severity: "info", Message: "one\r\ntwo\nthree"},
			"::notice file=a%0Ab%0D.md,line=1,col=1,endLine=1,endColumn=1,title=r::one%0D%0Atwo%0Athree\n"},
		{"colons and commas in properties only", Finding{Path: "C:dir,x/a.md", Line: 2, Column: 1, EndLine: 2, EndColumn: 4, Rule: "a:b,c", Severity: "error", Message: "see: a, b ::error::forged"},
			"::error file=C%3Adir%2Cx/a.md,line=2,col=1,endLine=2,endColumn=4,title=a%3Ab%2Cc::see: a, b ::error::forged\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			g := &GitHub{w: &b}
			if err := g.File(tt.f.Path, []Finding{tt.f}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got  %q\nwant %q", b.String(), tt.want)
			}
		})
	}
}

func TestGitHubFileError(t *testing.T) {
	var b bytes.Buffer
	g := &GitHub{w: &b}
	if err := g.FileError("a,b.md", errors.New("a,b.md: file is empty\n")); err != nil {
		t.Fatal(err)
	}
	if err := g.FileError("", errors.New("nosuch: no such file or directory")); err != nil {
		t.Fatal(err)
	}
	if err := g.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%2Cb.md::a,b.md: file is empty%0A\n" +
		"::error::nosuch: no such file or directory\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}
