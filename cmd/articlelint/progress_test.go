package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// progressArticle writes an article whose links and DOIs are answered by
// local test servers, with a config that points the online checks there.
func progressArticle(t *testing.T) string {
	t.Helper()
	var requests atomic.Int64
	resolver, crossref := fakeServices(t, &requests)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(site.Close)
	dir := t.TempDir()
	cfg := fmt.Sprintf("online:\n  doi-resolver: %s\n  crossref-api: %s\n  datacite-api: %s\n  allow-private: true\n  cache: \"\"\n  host-interval: 1ms\n  timeout: 2s\n  sources: false\n",
		resolver.URL, crossref.URL, crossref.URL)
	article := "# Vitamin D\n\nSee " + site.URL + "/a, " + site.URL + "/b and https://doi.org/10.1000/ok.\n"
	if err := os.WriteFile(filepath.Join(dir, ".articlelint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pretendTerminal makes every writer a terminal of the given width for
// the test.
func pretendTerminal(t *testing.T, width int) {
	old := terminalWidth
	terminalWidth = func(io.Writer) (int, bool) { return width, true }
	t.Cleanup(func() { terminalWidth = old })
}

func onlineStderr(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	code := run(append([]string{"--online", "--no-cache", "--fail-on", "off"}, args...), strings.NewReader(""), &out, &errs)
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	return errs.String()
}

const progressWords = "checked, "

// On a terminal, an online run draws its progress on one line and erases
// it at the end; in a pipe, or with --progress never, it prints none.
func TestProgressOnlyOnATerminal(t *testing.T) {
	path := progressArticle(t)
	t.Setenv("CI", "")
	t.Setenv("NO_COLOR", "1")

	plain := onlineStderr(t, path)
	if strings.Contains(plain, progressWords) || strings.Contains(plain, "\r") {
		t.Errorf("stderr is no terminal, yet progress was drawn: %q", plain)
	}
	if !strings.Contains(plain, "checked 2 links and 1 DOI online") {
		t.Errorf("the summary line is missing: %q", plain)
	}

	pretendTerminal(t, 120)
	tty := onlineStderr(t, path)
	if !strings.Contains(tty, "\rarticlelint: online 3/3 checked, 0 in flight, 0 hosts waiting") {
		t.Errorf("no last progress line: %q", tty)
	}
	// Erased before the summary: spaces over it, then the summary.
	erased := "\r" + strings.Repeat(" ", len("articlelint: online 3/3 checked, 0 in flight, 0 hosts waiting")) + "\rarticlelint: checked 2 links"
	if !strings.Contains(tty, erased) {
		t.Errorf("the progress line is not erased before the summary: %q", tty)
	}
	if strings.Contains(tty, "\x1b") {
		t.Errorf("NO_COLOR is set, yet the line has escape codes: %q", tty)
	}
	if s := onlineStderr(t, "--progress", "never", path); strings.Contains(s, progressWords) {
		t.Errorf("--progress never drew progress: %q", s)
	}

	// In CI, auto shows nothing even on a terminal.
	t.Setenv("CI", "true")
	if s := onlineStderr(t, path); strings.Contains(s, progressWords) {
		t.Errorf("auto in CI drew progress: %q", s)
	}
	// always draws it wherever stderr goes.
	if s := onlineStderr(t, "--progress", "always", path); !strings.Contains(s, progressWords) {
		t.Errorf("--progress always drew nothing: %q", s)
	}
}

// Colour only without NO_COLOR; a narrow terminal gets a line cut to fit,
// so that "\r" redraws all of it.
func TestProgressColourAndWidth(t *testing.T) {
	path := progressArticle(t)
	t.Setenv("CI", "")
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	pretendTerminal(t, 120)
	if s := onlineStderr(t, path); !strings.Contains(s, "\x1b[1m3\x1b[0m/\x1b[1m3\x1b[0m checked") {
		t.Errorf("no bold numbers on a colour terminal: %q", s)
	}
	pretendTerminal(t, 30)
	s := onlineStderr(t, path)
	for _, l := range strings.Split(s, "\r") {
		if strings.HasPrefix(l, "articlelint: online") && len(l) > 29 {
			t.Errorf("a line of %d characters on a terminal 30 wide: %q", len(l), l)
		}
	}
}

// For real: the same online run under a pseudo-terminal (script(1)) shows
// progress, and piped shows none.
func TestProgressOnAPseudoTerminal(t *testing.T) {
	scriptCmd, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed")
	}
	bin, err := exec.LookPath("articlelint") // the test binary, put on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	path := progressArticle(t)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TERM=dumb", "NO_COLOR=1"}
	cmdline := fmt.Sprintf("%s --online --no-cache --fail-on off %s", bin, path)

	tty := exec.Command(scriptCmd, "-qefc", cmdline, "/dev/null")
	tty.Env = env
	tty.Stdin = strings.NewReader("")
	out, err := tty.CombinedOutput()
	if err != nil {
		t.Fatalf("script: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "articlelint: online 3/3 checked, 0 in flight, 0 hosts waiting") {
		t.Errorf("on a terminal, no progress:\n%q", out)
	}

	piped := exec.Command(bin, "--online", "--no-cache", "--fail-on", "off", path)
	piped.Env = env
	var stderr bytes.Buffer
	piped.Stderr = &stderr
	if err := piped.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), progressWords) || !strings.Contains(stderr.String(), "checked 2 links") {
		t.Errorf("piped, stderr is %q; want the summary and no progress", stderr.String())
	}
}
