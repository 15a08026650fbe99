package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/articlelint/articlelint/internal/ignore"
)

// Extensions are the file types a directory walk picks up. .mdx, .qmd and
// .Rmd are Markdown dialects (see article.Dialect).
var Extensions = []string{".md", ".markdown", ".mdx", ".qmd", ".Rmd", ".txt", ".html", ".htm"}

// skipDirs are never walked into.
var skipDirs = map[string]bool{"node_modules": true, "vendor": true}

// Exclude is a list of --exclude patterns: gitignore syntax, relative to
// Base (the working directory).
type Exclude struct {
	Base     string
	Patterns *ignore.Matcher
}

// ParseExclude compiles --exclude patterns, relative to the working
// directory.
func ParseExclude(globs []string) (*Exclude, error) {
	if len(globs) == 0 {
		return nil, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	m := ignore.New()
	for _, g := range globs {
		if strings.TrimSpace(g) == "" || strings.HasPrefix(g, "#") {
			return nil, fmt.Errorf("--exclude %q: want a gitignore pattern such as drafts/ or '**/*.draft.md'", g)
		}
		p, err := ignore.Parse(g, true)
		if err != nil {
			col := 0
			if ie, ok := err.(*ignore.Error); ok {
				col = ie.Offset + 1
			}
			return nil, fmt.Errorf("--exclude %q: at character %d: %v", g, col, err)
		}
		m.Add(p)
	}
	return &Exclude{Base: wd, Patterns: m}, nil
}

// Collect expands paths into the list of articles to lint, in a stable
// order, leaving out nothing but what the walk always skips (see
// Linter.Collect).
func Collect(paths []string) ([]string, []error) {
	return New(Options{}).Collect(paths, nil)
}

// Collect expands paths into the list of articles to lint, in a stable
// order. Explicit files are taken whatever their extension. Directories
// are walked for Extensions, skipping hidden directories, node_modules and
// vendor, and what is ignored: by the ignore: patterns of the config that
// applies to each directory, by exclude, and inside a git work tree by
// .gitignore files and .git/info/exclude (unless the config says
// gitignore: false). Paths that fail are returned as errors and skipped.
func (l *Linter) Collect(paths []string, exclude *Exclude) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fileError(p, err))
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		// WalkDir joins names with filepath.Join, which cleans: "./docs"
		// and "docs/" must be keyed as "docs" for w.dirs to find them.
		p = filepath.Clean(p)
		w, err := l.newWalk(p, exclude)
		if err != nil {
			errs = append(errs, fileError(p, err))
			continue
		}
		n := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fileError(path, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path == p {
				w.enter(p, w.abs, w.above)
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if strings.HasPrefix(name, ".") || skipDirs[name] {
					return fs.SkipDir
				}
			} else if !hasArticleExt(name) || strings.HasPrefix(name, ".") {
				return nil
			}
			dir := w.dirs[filepath.Dir(path)]
			abs := dir.abs + string(filepath.Separator) + name
			if strings.HasSuffix(dir.abs, string(filepath.Separator)) {
				abs = dir.abs + name // the root of the file system
			}
			if w.ignored(dir, abs, d.IsDir()) {
				w.skipped++
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				w.enter(path, abs, dir.levels)
				return nil
			}
			n++
			add(path)
			return nil
		})
		if err != nil {
			errs = append(errs, fileError(p, err))
		}
		if n == 0 {
			msg := fmt.Sprintf("%s: no articles found (looked for %s files)", p, strings.Join(Extensions, ", "))
			if w.skipped > 0 {
				msg += fmt.Sprintf("; %d ignored (ignore: in the config, --exclude or .gitignore)", w.skipped)
			}
			errs = append(errs, fmt.Errorf("%s", msg))
		}
	}
	return files, errs
}

// walk is what one directory walk knows of ignore patterns.
type walk struct {
	l       *Linter
	root    string // as given
	abs     string // absolute root
	exclude *Exclude
	// git is the work tree's top directory, or "" outside one; above are
	// the .gitignore levels above the root, outermost first.
	git   string
	above []gitLevel
	// dirs are the directories entered, by path as walked.
	dirs    map[string]*dirState
	skipped int
}

// dirState is what the walk knows of a directory it entered.
type dirState struct {
	abs string
	cfg configView
	// levels are the .gitignore files that apply to its entries.
	levels []gitLevel
}

// gitLevel is one .gitignore (or .git/info/exclude), relative to base.
type gitLevel struct {
	base string
	m    *ignore.Matcher
}

func (l *Linter) newWalk(root string, exclude *Exclude) (*walk, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	w := &walk{l: l, root: root, abs: abs, exclude: exclude, dirs: map[string]*dirState{}}
	w.git = workTree(abs)
	if w.git == "" {
		return w, nil
	}
	// The levels above the root: .git/info/exclude, then each .gitignore
	// from the top of the work tree down to the root's parent.
	var levels []gitLevel
	if data, err := os.ReadFile(filepath.Join(w.git, ".git", "info", "exclude")); err == nil {
		levels = append(levels, gitLevel{w.git, ignore.ParseLines(string(data))})
	}
	rel, err := filepath.Rel(w.git, abs)
	if err != nil {
		return w, nil
	}
	dir := w.git
	if rel != "." {
		for _, elem := range strings.Split(rel, string(filepath.Separator)) {
			levels = readGitignore(levels, dir)
			dir = filepath.Join(dir, elem)
		}
	}
	w.above = levels
	return w, nil
}

// workTree returns the directory at or above dir that holds .git, or "".
func workTree(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readGitignore(levels []gitLevel, dir string) []gitLevel {
	data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		return levels
	}
	m := ignore.ParseLines(string(data))
	if m.Len() == 0 {
		return levels
	}
	return append(levels[:len(levels):len(levels)], gitLevel{dir, m})
}

// enter records a directory the walk goes into: its config and the
// .gitignore levels that apply inside it (those of its parent, and its own).
func (w *walk) enter(path, abs string, parent []gitLevel) {
	ds := &dirState{abs: abs, cfg: w.config(path)}
	if w.git != "" && ds.cfg.Gitignore {
		ds.levels = readGitignore(parent, abs)
	}
	w.dirs[path] = ds
}

// config is the config of the articles in path's directory, or of path
// itself if it is a directory; the defaults when it does not load (the
// lint pass reports that).
func (w *walk) config(dir string) configView {
	cfg, err := w.l.Config(filepath.Join(dir, "article.md"))
	if err != nil || cfg == nil {
		return configView{Gitignore: true}
	}
	return configView{Gitignore: cfg.Gitignore, Ignore: cfg.Ignore, Base: cfg.IgnoreBase}
}

type configView struct {
	Gitignore bool
	Ignore    *ignore.Matcher
	Base      string
}

// ignored reports whether an entry of dir (abs its absolute path) is left
// out by the config of its directory, by --exclude or by git.
func (w *walk) ignored(dir *dirState, abs string, isDir bool) bool {
	cfg := dir.cfg
	if cfg.Ignore != nil && matches(cfg.Ignore, cfg.Base, abs, isDir) {
		return true
	}
	if w.exclude != nil && matches(w.exclude.Patterns, w.exclude.Base, abs, isDir) {
		return true
	}
	// The deepest .gitignore that has a say decides.
	for i := len(dir.levels) - 1; i >= 0; i-- {
		rel, ok := relSlash(dir.levels[i].base, abs)
		if !ok {
			continue
		}
		if matched, ign := dir.levels[i].m.Match(rel, isDir); matched {
			return ign
		}
	}
	return false
}

func matches(m *ignore.Matcher, base, abs string, isDir bool) bool {
	rel, ok := relSlash(base, abs)
	if !ok {
		return false
	}
	_, ign := m.Match(rel, isDir)
	return ign
}

// relSlash is target relative to base with slashes, if it lies below.
// Both are absolute and clean.
func relSlash(base, target string) (string, bool) {
	rest, ok := strings.CutPrefix(target, base)
	if !ok || len(rest) < 2 || rest[0] != filepath.Separator {
		if base == string(filepath.Separator) && len(target) > 1 && strings.HasPrefix(target, base) {
			return filepath.ToSlash(target[1:]), true
		}
		return "", false
	}
	return filepath.ToSlash(rest[1:]), true
}

func hasArticleExt(name string) bool {
	ext := filepath.Ext(name)
	for _, e := range Extensions {
		if strings.EqualFold(ext, e) {
			return true
		}
	}
	return false
}
