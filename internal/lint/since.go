package lint

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// ChangedSince returns the absolute paths of files added, copied, modified
// or renamed since the git revision rev (committed or not), and untracked
// files, in the repository around the working directory.
func ChangedSince(rev string) (map[string]bool, error) {
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--since needs a git repository: %v", err)
	}
	root := strings.TrimSpace(string(top))
	if _, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--since %s: no such git revision", rev)
	}
	changed, err := git("diff", "--name-only", "-z", "--diff-filter=ACMR", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("--since %s: %v", rev, err)
	}
	untracked, err := git("ls-files", "-z", "--others", "--exclude-standard", "--full-name", ":/")
	if err != nil {
		return nil, fmt.Errorf("--since %s: %v", rev, err)
	}
	set := map[string]bool{}
	for _, list := range [][]byte{changed, untracked} {
		for _, name := range bytes.Split(list, []byte{0}) {
			if len(name) > 0 {
				set[filepath.Join(root, string(name))] = true
			}
		}
	}
	return set, nil
}

func git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("%s", msg)
		}
		return nil, err
	}
	return out, nil
}

// FilterChanged keeps the files whose real path is in changed.
func FilterChanged(files []string, changed map[string]bool) []string {
	var out []string
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		if changed[abs] {
			out = append(out, f)
		}
	}
	return out
}
