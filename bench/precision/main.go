// Command precision measures how often each rule is right on real articles.
//
// It lints a corpus with an articlelint binary (so that an older commit's
// binary can be measured the same way), samples up to N findings per rule,
// writes a judgement sheet for hand-reading and prints each rule's precision
// from a verdict file:
//
//	go run ./bench/precision -corpus DIR -verdicts FILE [-n 20] [-seed 1] [-sheet OUT] [-bin PATH]
//
// A finding is keyed by (path, line, rule): several findings of one rule on
// one line are one judgement. The sample of a rule is the N keys with the
// smallest seeded hash, so a fix that silences some findings leaves the
// others in the sample and their verdicts still apply.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// exts are the article formats of the corpora; .qmd and .Rmd are Markdown.
var exts = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true, ".qmd": true, ".rmd": true, ".mdx": true}

type key struct {
	Path string
	Line int
	Rule string
}

type finding struct {
	key
	Severity string
	Message  string
}

type verdict struct {
	Right bool
	Why   string
}

func main() {
	corpus := flag.String("corpus", "", "directory of articles to lint")
	verdicts := flag.String("verdicts", "", "verdict file: path, line, rule, true|false, why (tab-separated)")
	n := flag.Int("n", 20, "findings to sample per rule")
	seed := flag.Uint64("seed", 1, "sampling seed")
	sheet := flag.String("sheet", "", "write the judgement sheet here")
	bin := flag.String("bin", "", "articlelint binary (default: build ./cmd/articlelint)")
	flag.Parse()
	if *corpus == "" || *verdicts == "" {
		fmt.Fprintln(os.Stderr, "usage: precision -corpus DIR -verdicts FILE [-n 20] [-seed 1] [-sheet OUT] [-bin PATH]")
		os.Exit(2)
	}
	if err := run(*corpus, *verdicts, *sheet, *bin, *n, *seed, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "precision:", err)
		os.Exit(2)
	}
}

func run(corpus, verdictPath, sheetPath, bin string, n int, seed uint64, out io.Writer) error {
	if bin == "" {
		dir, err := os.MkdirTemp("", "precision")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "articlelint")
		build := exec.Command("go", "build", "-o", bin, "./cmd/articlelint")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building articlelint: %w", err)
		}
	}
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	files, err := articles(corpus)
	if err != nil {
		return err
	}
	all, err := lint(bin, corpus, files)
	if err != nil {
		return err
	}
	vs, err := readVerdicts(verdictPath)
	if err != nil {
		return err
	}
	samples := sample(all, n, seed)
	if sheetPath != "" {
		if err := writeSheet(sheetPath, corpus, all, samples, vs); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "corpus %s: %d articles, %d findings (%d file:line:rule keys); sample %d per rule, seed %d\n",
		corpus, len(files), countFindings(all), len(all), n, seed)
	printTable(out, all, samples, vs)
	return nil
}

// articles lists the corpus's articles relative to its root, in order.
func articles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !exts[strings.ToLower(filepath.Ext(p))] || strings.EqualFold(d.Name(), "README.md") && filepath.Dir(p) == filepath.Clean(root) {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, rel)
		return nil
	})
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("%s: no articles", root)
	}
	return files, err
}

type report struct {
	Findings []struct {
		Path     string `json:"path"`
		Line     int    `json:"line"`
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"findings"`
	Errors []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

// lint runs the binary in the corpus root with the default config and
// groups its findings by key, each key keeping its first finding.
func lint(bin, root string, files []string) (map[key][]finding, error) {
	cmd := exec.Command(bin, append([]string{"--format", "json", "--"}, files...)...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() <= 2) {
		return nil, fmt.Errorf("%s: %w: %s", bin, err, stderr.String())
	}
	var r report
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		return nil, fmt.Errorf("%s: reading its JSON: %w (stderr: %s)", bin, err, firstLine(stderr.String()))
	}
	for _, e := range r.Errors {
		fmt.Fprintf(os.Stderr, "not linted: %s: %s\n", e.Path, e.Message)
	}
	all := map[key][]finding{}
	for _, f := range r.Findings {
		k := key{filepath.ToSlash(f.Path), f.Line, f.Rule}
		all[k] = append(all[k], finding{k, f.Severity, f.Message})
	}
	return all, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func countFindings(all map[key][]finding) int {
	n := 0
	for _, fs := range all {
		n += len(fs)
	}
	return n
}

func rank(k key, seed uint64) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%s\x00%d\x00%s", seed, k.Path, k.Line, k.Rule)
	return h.Sum64()
}

// sample picks up to n keys per rule: the n with the smallest seeded hash.
func sample(all map[key][]finding, n int, seed uint64) map[string][]key {
	by := map[string][]key{}
	for k := range all {
		by[k.Rule] = append(by[k.Rule], k)
	}
	for rule, ks := range by {
		slices.SortFunc(ks, func(a, b key) int { return cmp.Compare(rank(a, seed), rank(b, seed)) })
		if len(ks) > n {
			ks = ks[:n]
		}
		slices.SortFunc(ks, func(a, b key) int {
			return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
		})
		by[rule] = ks
	}
	return by
}

// readVerdicts reads path<TAB>line<TAB>rule<TAB>true|false<TAB>why lines;
// # starts a comment. A missing file is an empty one.
func readVerdicts(path string) (map[key]verdict, error) {
	vs := map[key]verdict{}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return vs, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 {
			return nil, fmt.Errorf("%s:%d: want path, line, rule, true|false, why (tab-separated)", path, ln)
		}
		n, err := strconv.Atoi(cols[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: line %q is not a number", path, ln, cols[1])
		}
		var v verdict
		switch cols[3] {
		case "true":
			v.Right = true
		case "false":
		default:
			return nil, fmt.Errorf("%s:%d: verdict %q: want true or false", path, ln, cols[3])
		}
		if len(cols) > 4 {
			v.Why = cols[4]
		}
		k := key{cols[0], n, cols[2]}
		if _, dup := vs[k]; dup {
			return nil, fmt.Errorf("%s:%d: %s:%d %s is judged twice", path, ln, k.Path, k.Line, k.Rule)
		}
		vs[k] = v
	}
	return vs, sc.Err()
}

// writeSheet writes the sample for hand-reading: the verdict file's
// columns (filled where judged), then severity, message and the line.
func writeSheet(path, root string, all map[key][]finding, samples map[string][]key, vs map[key]verdict) error {
	var b strings.Builder
	b.WriteString("# path\tline\trule\tverdict\twhy\tseverity\tmessage\ttext\n")
	lines := map[string][]string{}
	for _, rule := range sortedRules(samples) {
		for _, k := range samples[rule] {
			src, ok := lines[k.Path]
			if !ok {
				data, err := os.ReadFile(filepath.Join(root, k.Path))
				if err != nil {
					return err
				}
				src = strings.Split(string(data), "\n")
				lines[k.Path] = src
			}
			text := ""
			if k.Line >= 1 && k.Line <= len(src) {
				text = clip(src[k.Line-1], 240)
			}
			v, judged := vs[k]
			verdict, why := "", ""
			if judged {
				verdict, why = strconv.FormatBool(v.Right), v.Why
			}
			f := all[k][0]
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", k.Path, k.Line, k.Rule, verdict, why, f.Severity, clip(f.Message, 160), text)
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	if len(s) > n {
		i := n
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
		s = s[:i] + "…"
	}
	return s
}

func sortedRules(m map[string][]key) []string {
	rules := make([]string, 0, len(m))
	for r := range m {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	return rules
}

func printTable(out io.Writer, all map[key][]finding, samples map[string][]key, vs map[key]verdict) {
	sev := map[string]string{}
	total := map[string]int{}
	for k, fs := range all {
		sev[k.Rule] = fs[0].Severity
		total[k.Rule] += len(fs)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tseverity\tfindings\tsampled\tright\tfalse\tunjudged\tprecision\t")
	for _, rule := range sortedRules(samples) {
		right, wrong, open := 0, 0, 0
		for _, k := range samples[rule] {
			v, ok := vs[k]
			switch {
			case !ok:
				open++
			case v.Right:
				right++
			default:
				wrong++
			}
		}
		p := "-"
		if right+wrong > 0 {
			p = fmt.Sprintf("%.0f%%", 100*float64(right)/float64(right+wrong))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t\n", rule, sev[rule], total[rule], len(samples[rule]), right, wrong, open, p)
	}
	tw.Flush()
}
