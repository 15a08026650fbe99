package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// shardTree copies the rule test articles into a tree of nested folders:
// a few hundred files with findings of every rule.
func shardTree(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	src := filepath.Join("..", "..", "testdata", "rules")
	n := 0
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden") || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d articles copied", n)
	}
	// A file that fails, and one named a-b.md beside a folder named a:
	// the walk lists a/ first, and so must merge.
	for name, body := range map[string]string{"empty.md": "", "a/x.md": "# X\n", "a-b.md": "# Y\n"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr []byte) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errs)
	return code, out.Bytes(), errs.Bytes()
}

// mergeOutOfOrder writes three shard reports to files and merges them
// given in another order than their shards'; it fails t unless merge
// exits 0.
func mergeOutOfOrder(t *testing.T, format string, reports [][]byte) []byte {
	t.Helper()
	var names []string
	for k, out := range reports {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("shard-%d.%s", k+1, format))
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, p)
	}
	code, merged, errs := runArgs(t, "merge", names[2], names[0], names[1])
	if code != exitClean {
		t.Fatalf("merge: exit %d: %s", code, errs)
	}
	return merged
}

// Three shards, joined by merge, are the unsharded run byte for byte, in
// every format merge takes; no file is in two shards; the merged JSON and
// SARIF match their schemas.
func TestShardsMergeToTheWholeRun(t *testing.T) {
	dir := shardTree(t)
	missing := filepath.Join(dir, "no-such-dir")
	for _, format := range []string{"json", "sarif", "junit", "text"} {
		t.Run(format, func(t *testing.T) {
			wantCode, whole, _ := runArgs(t, "--format", format, dir, missing)
			if wantCode != exitError {
				t.Fatalf("unsharded run: exit %d, want 2 (a missing path, an empty file)", wantCode)
			}
			var reports [][]byte
			for k := 1; k <= 3; k++ {
				code, out, _ := runArgs(t, "--format", format, "--shard", fmt.Sprintf("%d/3", k), dir, missing)
				if code == exitClean {
					t.Errorf("shard %d/3 exits 0: every shard has findings and the missing path", k)
				}
				reports = append(reports, out)
			}
			merged := mergeOutOfOrder(t, format, reports)
			if !bytes.Equal(merged, whole) {
				t.Errorf("merged shards differ from the unsharded run (%d and %d bytes)\n%s", len(merged), len(whole), firstDiff(merged, whole))
			}
			switch format {
			case "json":
				validate(t, compileSchema(t, "../../internal/report/json-v1.schema.json"), merged)
			case "sarif":
				validate(t, sarifSchema(t), merged)
			}
		})
	}
	// Each file's findings come from one shard only.
	owner := map[string]int{}
	for k := 1; k <= 3; k++ {
		_, out, _ := runArgs(t, "--format", "json", "--shard", fmt.Sprintf("%d/3", k), dir)
		var doc struct{ Findings []struct{ Path string } }
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Findings) == 0 {
			t.Errorf("shard %d/3 has no findings", k)
		}
		for _, f := range doc.Findings {
			if o, ok := owner[f.Path]; ok && o != k {
				t.Errorf("%s is in shards %d and %d", f.Path, o, k)
			}
			owner[f.Path] = k
		}
	}
}

func validate(t *testing.T, s *jsonschema.Schema, doc []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("merged report does not match the schema: %v", err)
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\nmerged: %s\nwhole:  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("one is a prefix of the other (%d and %d lines)", len(al), len(bl))
}

// The N parts cover every file exactly once, for any N; a file's part
// does not change when files are added, nor with how its path is written.
func TestShardParts(t *testing.T) {
	var files []string
	for i := range 500 {
		files = append(files, fmt.Sprintf("content/%d/post-%d.md", i%7, i))
	}
	for n := 1; n <= 6; n++ {
		seen := map[string]int{}
		for k := 1; k <= n; k++ {
			part := shardFlag{k, n}.pick(files)
			if n > 1 && (len(part) < len(files)/n/2 || len(part) > 2*len(files)/n) {
				t.Errorf("shard %d/%d has %d of %d files: uneven", k, n, len(part), len(files))
			}
			for _, f := range part {
				seen[f]++
			}
		}
		for _, f := range files {
			if seen[f] != 1 {
				t.Errorf("N=%d: %s is in %d parts", n, f, seen[f])
			}
		}
	}
	before := shardFlag{2, 3}.pick(files)
	more := append(slices.Clone(files), "content/new.md", "content/9/other.md", "a.md")
	after := shardFlag{2, 3}.pick(more)
	for _, f := range before {
		if !slices.Contains(after, f) {
			t.Errorf("adding files moved %s out of shard 2/3", f)
		}
	}
	if len(after) < len(before) || len(after) > len(before)+3 {
		t.Errorf("shard 2/3 went from %d to %d files when 3 were added", len(before), len(after))
	}
	wd, _ := os.Getwd()
	for _, p := range []string{"./content/1/post-1.md", filepath.Join(wd, "content/1/post-1.md"), "content//1/post-1.md"} {
		if got, want := shardOf(shardKey(wd, p), 3), shardOf(shardKey(wd, "content/1/post-1.md"), 3); got != want {
			t.Errorf("%s is in part %d, content/1/post-1.md in %d", p, got, want)
		}
	}
}

// A bad --shard is a usage error; standard input cannot be sharded.
func TestShardUsage(t *testing.T) {
	for _, spec := range []string{"0/3", "4/3", "a/b", "3", "1/0", "-1/2"} {
		code, _, errs := runArgs(t, "--shard", spec, "x.md")
		if code != exitError || !strings.Contains(string(errs), "--shard") || !strings.Contains(string(errs), spec) {
			t.Errorf("--shard %s: exit %d, stderr %q; want 2 and a message naming it", spec, code, errs)
		}
	}
	code, _, errs := runArgs(t, "--shard", "1/2", "-")
	if code != exitError || !strings.Contains(string(errs), "not standard input") {
		t.Errorf("--shard with -: exit %d, %s", code, errs)
	}
}

// merge refuses reports of different kinds or versions, and files that
// are no report, naming them.
func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	article := writeArticle(t, "a.md", "# A\n\nSee doi:10.1000/182.\n")
	_, js, _ := runArgs(t, "--format", "json", article)
	_, sarif, _ := runArgs(t, "--format", "sarif", article)
	j1, s1 := write("a.json", string(js)), write("a.sarif", string(sarif))
	j2 := write("v2.json", strings.Replace(string(js), `"version": 1`, `"version": 2`, 1))
	var drv struct {
		Runs []struct {
			Tool struct{ Driver struct{ Version string } }
		}
	}
	if err := json.Unmarshal(sarif, &drv); err != nil || drv.Runs[0].Tool.Driver.Version == "" {
		t.Fatalf("the SARIF log names no driver version: %v", err)
	}
	s2 := write("old.sarif", strings.Replace(string(sarif), `"version": "`+drv.Runs[0].Tool.Driver.Version+`"`, `"version": "v0.0.1"`, 1))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{j1, s1}, "merge joins reports of one kind: " + j1 + " is a json report, but " + s1 + " is a sarif report"},
		{[]string{"--format", "sarif", j1}, "--format says sarif, but " + j1 + " is a json report"},
		{[]string{j1, j2}, j2 + ": JSON report version 2; this articlelint merges version 1"},
		{[]string{s1, s2}, "by articlelint v0.0.1: merge reports of one version"},
		{[]string{j1, write("junk.json", `{"findings": 3}`)}, "junk.json: not an articlelint JSON report"},
		{[]string{write("junk.txt", "hello\n")}, "junk.txt:1: not a finding of an articlelint text report"},
		{[]string{filepath.Join(dir, "missing.json")}, "missing.json: cannot read report"},
		{[]string{j1, write("half.json", string(js[:len(js)/2]))}, "half.json: not an articlelint JSON report"},
		{[]string{s1, write("half.sarif", string(sarif[:len(sarif)/2]))}, "half.sarif: not a SARIF log"},
		{[]string{dir}, dir + ": cannot read report"},
	} {
		code, _, errs := runArgs(t, append([]string{"merge"}, c.args...)...)
		if code != exitError || !strings.Contains(string(errs), c.want) {
			t.Errorf("merge %v: exit %d, stderr %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
}
