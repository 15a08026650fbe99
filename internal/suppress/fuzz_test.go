package suppress

import (
	"strings"
	"testing"

	"github.com/articlelint/articlelint/article"
)

// FuzzSuppress parses suppression comments out of any article and asks
// whether findings anywhere are silenced: no panic, every directive and
// rule id span inside its comment, and rule spans that spell the rule.
func FuzzSuppress(f *testing.F) {
	for _, s := range []string{
		"# T\n\n<!-- articlelint-disable doi-format -->\nx doi:10.1000/1\n<!-- articlelint-enable doi-format -->\n",
		"<!-- articlelint-disable-next-line -->\n\n\nx\n",
		"<!-- articlelint-disable-next-line a,b,,c d -->",
		"<!-- articlelint-disable-file citation-missing -->\n",
		"<!--articlelint-disable-->", "<!-- articlelint-disable\na\nb -->x", "<!-- -->", "<!---->",
		"<!-- articlelint-disable a a,a -->\n<!-- articlelint-enable -->\n",
		"x `<!-- articlelint-disable -->` y\n", "<p>x<!-- articlelint-disable-next-line r -->\n</p>\n",
		"\uFEFF<!-- articlelint-disable-next-line -->\r\n\r\ntext\r\n",
	} {
		f.Add(s, uint8(0), "doi-format", 10)
	}
	f.Fuzz(func(t *testing.T, src string, format uint8, rule string, off int) {
		name := [...]string{"f.md", "f.txt", "f.html"}[format%3]
		d, err := article.Parse(name, []byte(src), article.Options{})
		if err != nil {
			return
		}
		s := NewSet(d)
		for _, dir := range s.Directives() {
			if dir.Span.Start < 0 || dir.Span.End > len(src) || dir.Span.Start > dir.Span.End {
				t.Fatalf("directive span %v outside [0, %d]", dir.Span, len(src))
			}
			if want := d.Position(dir.Span.Start).Line; dir.Line != want {
				t.Fatalf("directive at %v: Line %d, want %d", dir.Span, dir.Line, want)
			}
			if len(dir.RuleSpans) != len(dir.Rules) {
				t.Fatalf("%d rules but %d rule spans", len(dir.Rules), len(dir.RuleSpans))
			}
			for i, rs := range dir.RuleSpans {
				if rs.Start < dir.Span.Start || rs.End > dir.Span.End {
					t.Fatalf("rule span %v outside its comment %v", rs, dir.Span)
				}
				if got := d.Text(rs); got != dir.Rules[i] {
					t.Fatalf("rule span %v holds %q, want %q", rs, got, dir.Rules[i])
				}
			}
			if n := s.nextLine(dir); n < 1 || n > d.Lines.Lines()+1 {
				t.Fatalf("next line %d of a %d-line file", n, d.Lines.Lines())
			}
		}
		for _, o := range []int{off, 0, len(src), len(src) / 2} {
			for _, r := range []string{rule, "doi-format"} {
				if strings.TrimSpace(r) == "" {
					continue
				}
				s.Suppressed(r, o)
			}
		}
		for _, u := range s.Unused() {
			if u.Kind == Enable {
				t.Fatalf("enable directive reported as unused: %v", u.Span)
			}
		}
	})
}
