package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	// MarkdownFindings is how many findings the Markdown summary lists:
	// enough to start on, few enough for a pull-request comment (65,536
	// characters) and a job summary (1 MiB).
	MarkdownFindings = 50
	// markdownErrors is how many files that could not be linted it lists.
	markdownErrors = 20
	// markdownMessage is the longest message it shows, in characters.
	markdownMessage = 300
)

// Markdown writes a summary for people in GitHub-flavoured Markdown, for
// $GITHUB_STEP_SUMMARY and pull-request comments: counts by severity and
// by rule, then the first MarkdownFindings findings with links to their
// lines. It keeps only those findings and the counts.
type Markdown struct {
	w        io.Writer
	linkBase string
	first    []Finding
	total    int
	bySev    map[string]int
	byRule   map[string]int
	errors   []FileErr
	nErrors  int
}

func newMarkdown(w io.Writer, o Options) *Markdown {
	return &Markdown{w: w, linkBase: o.LinkBase, bySev: map[string]int{}, byRule: map[string]int{}}
}

// File counts findings and keeps the first few.
func (m *Markdown) File(path string, fs []Finding) error {
	for _, f := range fs {
		m.total++
		m.bySev[f.Severity]++
		m.byRule[f.Rule]++
		if len(m.first) < MarkdownFindings {
			f.Fixes = nil // not shown
			m.first = append(m.first, f)
		}
	}
	return nil
}

// FileError counts a file that could not be linted and keeps the first few.
func (m *Markdown) FileError(path string, err error) error {
	m.nErrors++
	if len(m.errors) < markdownErrors {
		m.errors = append(m.errors, FileErr{Path: path, Message: err.Error()})
	}
	return nil
}

// Close writes the summary.
func (m *Markdown) Close(s Summary) error {
	w := bufio.NewWriter(m.w)
	fmt.Fprintf(w, "### articlelint: ")
	if m.total == 0 {
		fmt.Fprintf(w, "no findings in %d %s\n", s.Files, plural(s.Files, "file"))
	} else {
		fmt.Fprintf(w, "%d %s, %d %s, %d info in %d %s\n", m.bySev["error"], plural(m.bySev["error"], "error"),
			m.bySev["warning"], plural(m.bySev["warning"], "warning"), m.bySev["info"], s.Files, plural(s.Files, "file"))
	}
	if s.Fixable > 0 {
		fmt.Fprintf(w, "\n%d fixable with `articlelint --fix`.\n", s.Fixable)
	}
	if m.total > 0 {
		fmt.Fprintf(w, "\n| Severity | Findings |\n| :-- | --: |\n")
		for _, sev := range []string{"error", "warning", "info"} {
			fmt.Fprintf(w, "| %s | %d |\n", sev, m.bySev[sev])
		}
		rules := make([]string, 0, len(m.byRule))
		for id := range m.byRule {
			rules = append(rules, id)
		}
		slices.SortFunc(rules, func(a, b string) int { return cmp.Or(cmp.Compare(m.byRule[b], m.byRule[a]), cmp.Compare(a, b)) })
		fmt.Fprintf(w, "\n| Rule | Findings |\n| :-- | --: |\n")
		for _, id := range rules {
			fmt.Fprintf(w, "| `%s` | %d |\n", strings.ReplaceAll(id, "`", ""), m.byRule[id])
		}
		if len(m.first) < m.total {
			fmt.Fprintf(w, "\nThe first %d of %d findings:\n", len(m.first), m.total)
		} else {
			fmt.Fprintf(w, "\n%s:\n", plural(m.total, "Finding"))
		}
		fmt.Fprintf(w, "\n| Where | Severity | Rule | Message |\n| :-- | :-- | :-- | :-- |\n")
		for _, f := range m.first {
			fmt.Fprintf(w, "| %s | %s | `%s` | %s |\n", m.where(f), mdText(f.Severity), strings.ReplaceAll(f.Rule, "`", ""), mdText(clip(f.Message, markdownMessage)))
		}
	}
	if m.nErrors > 0 {
		// Files that share a broken config have one error between them.
		n := max(s.Failed, m.nErrors)
		fmt.Fprintf(w, "\n%d %s could not be linted:\n\n", n, plural(n, "file"))
		for _, e := range m.errors {
			fmt.Fprintf(w, "- %s\n", mdText(clip(e.Message, markdownMessage)))
		}
		if m.nErrors > len(m.errors) {
			fmt.Fprintf(w, "- and %d more\n", m.nErrors-len(m.errors))
		}
	}
	return w.Flush()
}

// where is a finding's path:line:col, linked to the line: under
// linkBase (a blob URL of the commit) when there is one, else relative,
// which works where the Markdown sits beside the files.
func (m *Markdown) where(f Finding) string {
	text := mdText(fmt.Sprintf("%s:%d:%d", filepath.ToSlash(f.Path), f.Line, f.Column))
	if filepath.IsAbs(f.Path) || f.Path == "" || strings.HasPrefix(f.Path, "<") {
		return text
	}
	segs := strings.Split(filepath.ToSlash(filepath.Clean(f.Path)), "/")
	if segs[0] == ".." {
		return text // outside the checkout a blob URL would name
	}
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	link := strings.Join(segs, "/")
	if m.linkBase != "" {
		link = strings.TrimSuffix(m.linkBase, "/") + "/" + link
	}
	// Parentheses would end the link destination.
	link = strings.NewReplacer("(", "%28", ")", "%29").Replace(link)
	return fmt.Sprintf("[%s](%s#L%d)", text, link, f.Line)
}

// mdEscaper escapes what Markdown would read as markup, and the pipe that
// would end a table cell; line breaks would end the row.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"|", `\|`, "~", `\~`, "#", `\#`, "&", `\&`, "!", `\!`,
	"\r\n", " ", "\n", " ", "\r", " ",
	// A zero-width space keeps "@name" in an article's text from
	// notifying a GitHub user when the summary is posted as a comment.
	"@", "@\u200b",
)

func mdText(s string) string { return mdEscaper.Replace(s) }

// clip shortens s to n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
