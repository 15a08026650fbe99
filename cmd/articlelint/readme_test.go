package main

import (
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/alecthomas/kong"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/lint"
)

// readmeUsage returns the README's Usage section, up to the next heading
// of its level or above.
func readmeUsage(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, usage, ok := strings.Cut(string(b), "\n## Usage\n")
	if !ok {
		t.Fatal("README has no ## Usage section")
	}
	if i := strings.Index(usage, "\n## "); i >= 0 {
		usage = usage[:i]
	}
	return usage
}

func testParser(t *testing.T) *kong.Kong {
	t.Helper()
	var c cli
	parser, err := newParser(&c, &env{stdout: io.Discard, stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	return parser
}

// The README's usage block names every command with its arguments, and
// every global flag, as the CLI defines them; nothing more.
func TestREADMEUsage(t *testing.T) {
	usage := readmeUsage(t)
	_, block, _ := strings.Cut(usage, "```\n")
	block, _, _ = strings.Cut(block, "```")
	parser := testParser(t)

	commands := map[string][]string{} // command -> its arguments as written
	globals := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		synopsis, _, _ := strings.Cut(line, "  ") // the description follows two spaces
		f := strings.Fields(synopsis)
		switch {
		case len(f) < 2 || f[0] != "articlelint":
			t.Errorf("usage line %q does not start with a command", line)
		case strings.HasPrefix(f[1], "--"):
			globals[f[1]] = true
		default:
			commands[strings.Trim(f[1], "[]")] = f[2:]
		}
	}
	for _, n := range parser.Model.Children {
		if n.Hidden {
			continue
		}
		args, ok := commands[n.Name]
		if !ok {
			t.Errorf("README's usage block lacks the %s command", n.Name)
			continue
		}
		delete(commands, n.Name)
		var want []string
		for _, p := range n.Positional {
			w := strings.ToUpper(p.Name)
			if p.IsSlice() {
				w += "..."
			}
			// The default command takes its paths as optional for kong's
			// sake, but refuses to run without one.
			if !p.Required && n.Name != "lint" {
				w = "[" + w + "]"
			}
			want = append(want, w)
		}
		if !slices.Equal(args, want) {
			t.Errorf("README: articlelint %s %s; the CLI takes %s", n.Name, strings.Join(args, " "), strings.Join(want, " "))
		}
	}
	for name := range commands {
		t.Errorf("README's usage block names %q, which is no command", name)
	}
	for _, f := range parser.Model.Flags {
		if f.Hidden || f.Name == "help" {
			continue
		}
		if !globals["--"+f.Name] {
			t.Errorf("README's usage block lacks --%s", f.Name)
		}
		delete(globals, "--"+f.Name)
	}
	for name := range globals {
		t.Errorf("README's usage block names %s, which is no flag", name)
	}
}

// The README's table of lint flags lists each flag of the lint command
// once, with its short form, its values or placeholder and its default.
func TestREADMEFlagTable(t *testing.T) {
	usage := readmeUsage(t)
	var lintNode *kong.Node
	parser := testParser(t)
	for _, n := range parser.Model.Children {
		if n.Name == "lint" {
			lintNode = n
		}
	}
	type row struct{ short, value, meaning string }
	rows := map[string]row{}
	for _, line := range strings.Split(usage, "\n") {
		if !strings.HasPrefix(line, "| `-") {
			continue
		}
		cells := strings.SplitN(strings.ReplaceAll(line, `\|`, "\x00"), " | ", 2)
		flag := strings.ReplaceAll(strings.Trim(cells[0], "| `"), "\x00", "|")
		f := strings.Fields(flag)
		var r row
		if strings.HasSuffix(f[0], ",") {
			r.short, f = strings.TrimSuffix(f[0], ","), f[1:]
		}
		if len(f) > 1 {
			r.value = f[1]
		}
		if len(cells) > 1 {
			r.meaning = strings.ReplaceAll(cells[1], "\x00", "|")
		}
		if _, dup := rows[f[0]]; dup {
			t.Errorf("README's flag table lists %s twice", f[0])
		}
		rows[f[0]] = r
	}
	if len(rows) == 0 {
		t.Fatal("no flag table found under ## Usage")
	}
	for _, f := range lintNode.Flags {
		if f.Hidden {
			continue
		}
		name := "--" + f.Name
		r, ok := rows[name]
		if !ok {
			t.Errorf("README's flag table lacks %s", name)
			continue
		}
		delete(rows, name)
		if want := ""; f.Short != 0 {
			want = "-" + string(f.Short)
			if r.short != want {
				t.Errorf("README: %s has short form %q; the CLI's is %q", name, r.short, want)
			}
		} else if r.short != "" {
			t.Errorf("README: %s has short form %q; the CLI has none", name, r.short)
		}
		switch {
		case f.IsBool():
			if r.value != "" {
				t.Errorf("README: %s takes %q; it is a switch", name, r.value)
			}
		case f.Enum != "":
			var want []string
			for _, v := range f.EnumSlice() {
				if v != "" {
					want = append(want, v)
				}
			}
			got := strings.Split(r.value, "|")
			sort.Strings(got)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("README: %s %s; the CLI takes %s", name, r.value, strings.Join(want, "|"))
			}
		case strings.Contains(r.value, "|"):
			// Values listed for a flag that parses them itself: each must
			// be accepted.
			for _, v := range strings.Split(r.value, "|") {
				if _, err := testParser(t).Parse([]string{"lint", name, v, "a.md"}); err != nil {
					t.Errorf("README lists %s %s, which the CLI refuses: %v", name, v, err)
				}
			}
		case r.value != f.PlaceHolder:
			t.Errorf("README: %s %s; the CLI's help says %s", name, r.value, f.FormatPlaceHolder())
		}
		if f.HasDefault && f.Default != "" && !f.IsBool() && !strings.Contains(r.meaning, "default `"+f.Default+"`") {
			t.Errorf("README: %s does not give its default `%s`", name, f.Default)
		}
	}
	for name := range rows {
		t.Errorf("README's flag table lists %s, which lint does not take", name)
	}
}

// The README's "Inputs:" paragraph names the extensions a directory walk
// takes, and the format each extension is read as, as the code does.
func TestREADMEInputs(t *testing.T) {
	usage := readmeUsage(t)
	_, inputs, ok := strings.Cut(usage, "\nInputs: ")
	if !ok {
		t.Fatal("no Inputs: paragraph under ## Usage")
	}
	inputs, _, _ = strings.Cut(inputs, "\n\n")
	inputs = strings.Join(strings.Fields(inputs), " ")
	ext := regexp.MustCompile("`(\\.[A-Za-z]+)`")
	names := func(s string) (out []string) {
		for _, m := range ext.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}

	_, walked, _ := strings.Cut(inputs, "walked for ")
	walked, _, _ = strings.Cut(walked, "skipping")
	got, want := names(walked), slices.Clone(lint.Extensions)
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("README: directories are walked for %v; the code walks for %v", got, want)
	}

	_, formats, ok := strings.Cut(inputs, "The format comes from the extension: ")
	if !ok {
		t.Fatal("README does not say which extension is read as which format")
	}
	named := map[string]bool{}
	for _, clause := range strings.Split(formats, ", ") {
		var f article.Format
		switch {
		case strings.Contains(clause, "plain text"):
			f = article.Text
		case strings.Contains(clause, "HTML"):
			f = article.HTML
		case strings.Contains(clause, "Markdown"):
			f = article.Markdown
		default:
			t.Errorf("README: %q names no format", clause)
		}
		for _, e := range names(clause) {
			named[e] = true
			if got := article.FormatFromPath("a" + e); got != f {
				t.Errorf("README: %s files are read as %q; the code reads them as format %v", e, clause, got)
			}
		}
	}
	for _, e := range lint.Extensions {
		if article.FormatFromPath("a"+e) != article.Markdown && !named[e] {
			t.Errorf("README: the format clause does not name %s, which is not read as Markdown", e)
		}
	}
}
