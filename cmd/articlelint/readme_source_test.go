package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/articlelint/articlelint/internal/onlinetest"
)

// readmeSection returns the README's section under heading (a "### "
// line), up to the next heading of level 3 or above outside code.
func readmeSection(t *testing.T, heading string) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in, fenced := false, false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if !fenced && (strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "### ")) {
			if in {
				break
			}
			in = line == heading
			continue
		}
		if in {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		t.Fatalf("README has no section %q", heading)
	}
	return out
}

// readmeBlock is a fenced block of the README: its info string, its
// lines, and the last file name (`name.md`, `name.yaml`) the text before
// it gives.
type readmeBlock struct {
	info, file string
	lines      []string
}

var fileName = regexp.MustCompile("`([\\w.-]+\\.(?:md|yaml))`")

func readmeBlocks(section []string) []readmeBlock {
	var bs []readmeBlock
	var cur *readmeBlock
	file := ""
	for _, line := range section {
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &readmeBlock{info: strings.TrimPrefix(line, "```"), file: file}
		case cur != nil && line == "```":
			bs = append(bs, *cur)
			cur, file = nil, ""
		case cur != nil:
			cur.lines = append(cur.lines, line)
		default:
			if m := fileName.FindAllStringSubmatch(line, -1); m != nil {
				file = m[len(m)-1][1]
			}
		}
	}
	return bs
}

// The README's walk through source checks works as written: its files,
// run against the emulator it starts, give the output it shows, and a
// second run asks nothing.
func TestREADMESourceExample(t *testing.T) {
	const emulatorURL = "http://127.0.0.1:8089"
	blocks := readmeBlocks(readmeSection(t, "### Checking a summary against its source"))
	fx, err := onlinetest.Load("../../testdata/sources")
	if err != nil {
		t.Fatal(err)
	}
	srv := onlinetest.Start(fx)
	defer srv.Close()
	dir := t.TempDir()
	started, files, commands := false, 0, 0
	for _, b := range blocks {
		switch b.info {
		case "sh":
			started = started || strings.Contains(strings.Join(b.lines, "\n"), "-addr 127.0.0.1:8089")
		case "yaml", "markdown":
			if b.file == "" {
				t.Fatalf("a %s block names no file before it: %q", b.info, b.lines[0])
			}
			text := strings.ReplaceAll(strings.Join(b.lines, "\n")+"\n", emulatorURL, srv.URL)
			if err := os.WriteFile(filepath.Join(dir, b.file), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			files++
		case "":
			commands += runREADMECommands(t, dir, b.lines, emulatorURL, srv)
		}
	}
	if !started || files != 3 || commands != 5 {
		t.Errorf("the README starts the emulator: %v; gives %d files (want 3) and %d commands (want 5)", started, files, commands)
	}
}

var elapsed = regexp.MustCompile(` in \d+(?:\.\d+)?m?s `)

// runREADMECommands runs the "$ " commands of a console block in dir
// and compares each one's output with the lines after it; "[...]" stands
// for any lines. It returns how many commands it ran.
func runREADMECommands(t *testing.T, dir string, lines []string, emulatorURL string, srv *onlinetest.Server) int {
	t.Helper()
	t.Chdir(dir)
	n := 0
	for i := 0; i < len(lines); {
		cmd, ok := strings.CutPrefix(lines[i], "$ ")
		if !ok {
			t.Fatalf("console block: %q is no command", lines[i])
		}
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "$ ") {
			j++
		}
		want := lines[i+1 : j]
		i = j
		n++
		var got []string
		switch args := strings.Fields(cmd); args[0] {
		case "curl":
			if args[len(args)-1] != emulatorURL+"/__stats" {
				t.Fatalf("unknown curl command %q", cmd)
			}
			got = []string{fmt.Sprintf(`{"requests":%d}`, srv.Requests())}
		case "articlelint":
			quiet := args[len(args)-1] == ">/dev/null"
			if quiet {
				args = args[:len(args)-1]
			}
			var stdout, stderr bytes.Buffer
			run(args[1:], strings.NewReader(""), &stdout, &stderr)
			out := stdout.String()
			if quiet {
				out = ""
			}
			for _, l := range strings.Split(strings.TrimRight(out+stderr.String(), "\n"), "\n") {
				got = append(got, elapsed.ReplaceAllString(l, " in Xs "))
			}
		default:
			t.Fatalf("unknown command %q", cmd)
		}
		if !linesMatch(got, want) {
			t.Errorf("$ %s\ngot:\n%s\nREADME shows:\n%s", cmd, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	return n
}

// linesMatch reports whether got is want, where a "[...]" line of want
// stands for any lines and times are compared as "in Xs".
func linesMatch(got, want []string) bool {
	if len(want) == 0 {
		return len(got) == 0 || len(got) == 1 && got[0] == ""
	}
	if want[0] == "[...]" {
		for k := range len(got) + 1 {
			if linesMatch(got[k:], want[1:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == elapsed.ReplaceAllString(want[0], " in Xs ") && linesMatch(got[1:], want[1:])
}
