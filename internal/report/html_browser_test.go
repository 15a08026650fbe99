package report

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// chromium finds headless Chromium (Debian's chromium package). Without
// it the browser tests skip on a workstation and fail in CI (CI or
// ARTICLELINT_BROWSER_TEST set), where .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	for _, v := range []string{"CI", "ARTICLELINT_BROWSER_TEST"} {
		if s := os.Getenv(v); s != "" && s != "0" && s != "false" {
			t.Fatalf("chromium is not on PATH, and %s=%s asks for the browser test: apt-get install -y chromium", v, s)
		}
	}
	t.Skip("chromium is not on PATH: apt-get install -y chromium to test the HTML report in a browser")
	return ""
}

// browse loads url in headless Chromium, lets the page's script run, and
// returns the DOM as the browser then holds it; with a screenshot path it
// also draws the page there.
func browse(t *testing.T, bin, url, screenshot string) *html.Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := []string{"--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=" + t.TempDir(),
		"--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000", "--window-size=1280,1600"}
	if screenshot != "" {
		args = append(args, "--screenshot="+screenshot)
	} else {
		args = append(args, "--dump-dom")
	}
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, stderr.String())
	}
	if screenshot != "" {
		return nil
	}
	doc, err := html.Parse(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// layoutCheck is appended to a copy of the page: for every finding it
// measures where the caret is drawn and where the finding's text starts,
// and writes what it found into the page, for the DOM dump to show.
const layoutCheck = `<script>
addEventListener("load", function () {
  var out = [];
  document.querySelectorAll("li.finding").forEach(function (li) {
    var mark = li.querySelector("code.line mark"), caret = li.querySelector("code.caret");
    if (!mark) return;
    var node = caret.lastChild, r = document.createRange();
    r.setStart(node, 0); r.setEnd(node, 1);
    out.push(li.id + " " + Math.round(r.getBoundingClientRect().left - mark.getBoundingClientRect().left));
  });
  var pre = document.createElement("pre");
  pre.id = "layout-check";
  pre.textContent = out.join("\n");
  document.body.appendChild(pre);
});
</script>`

// The report in a real browser: counts, the source line with its caret
// under the finding (tabs and wide characters before it), filters from
// the address and from the checkboxes, and a rule's explanation opened
// from a finding's link.
func TestHTMLInBrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	page := renderSample(t)
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	checked := bytes.Replace(page, []byte("</body>"), []byte(layoutCheck+"</body>"), 1)
	// Unchecking a box is the same change a reader makes by clicking it.
	uncheck := bytes.Replace(page, []byte("</body>"), []byte(`<script>addEventListener("load", function () {
  var b = document.querySelector("input[name=severity][value=warning]");
  b.checked = false; b.dispatchEvent(new Event("change", {bubbles: true}));
});</script></body>`), 1)
	for name, data := range map[string][]byte{"checked.html": checked, "uncheck.html": uncheck} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	url := "file://" + filepath.ToSlash(dir) + "/"

	type view struct {
		shown     string
		visible   map[string]bool // finding ids not hidden
		files     int             // file sections not hidden
		layout    string
		openRules []string
	}
	look := func(doc *html.Node) view {
		v := view{visible: map[string]bool{}}
		walk(doc, func(n *html.Node) {
			_, hidden := attr(n, "hidden")
			id, _ := attr(n, "id")
			switch {
			case id == "shown-count":
				v.shown = text(n)
			case id == "layout-check":
				v.layout = text(n)
			case hasClass(n, "finding") && !hidden:
				v.visible[id] = true
			case n.Data == "section" && hasClass(n, "file") && !hidden:
				v.files++
			case n.Data == "details":
				if _, open := attr(n, "open"); open {
					v.openRules = append(v.openRules, id)
				}
			}
		})
		return v
	}

	all := look(browse(t, bin, url+"checked.html", ""))
	if all.shown != "3" || len(all.visible) != 3 || all.files != 2 {
		t.Errorf("unfiltered: shows %q, %d findings in %d files; want 3 in 2", all.shown, len(all.visible), all.files)
	}
	// The caret's left edge is where the finding's text starts (within a
	// pixel), on the line with a tab and an emoji before the finding too.
	for _, line := range strings.Split(all.layout, "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || (f[1] != "0" && f[1] != "-0") {
			t.Errorf("caret off the finding by px: %q (layout: %q)", line, all.layout)
		}
	}
	if n := strings.Count(all.layout, "\n") + 1; all.layout == "" || n != 3 {
		t.Errorf("measured %d carets, want 3: %q", n, all.layout)
	}

	errorsOnly := look(browse(t, bin, url+"report.html#severity=error", ""))
	if errorsOnly.shown != "1" || len(errorsOnly.visible) != 1 || !errorsOnly.visible["f-1"] || errorsOnly.files != 1 {
		t.Errorf("#severity=error: shows %q, findings %v in %d files; want f-1 alone", errorsOnly.shown, errorsOnly.visible, errorsOnly.files)
	}
	byRule := look(browse(t, bin, url+"report.html#rule=overclaim", ""))
	if byRule.shown != "1" || !byRule.visible["f-3"] || len(byRule.visible) != 1 {
		t.Errorf("#rule=overclaim: shows %q, findings %v", byRule.shown, byRule.visible)
	}
	unchecked := look(browse(t, bin, url+"uncheck.html", ""))
	if unchecked.shown != "2" || unchecked.visible["f-2"] || len(unchecked.visible) != 2 {
		t.Errorf("warning unchecked: shows %q, findings %v; want f-1 and f-3", unchecked.shown, unchecked.visible)
	}
	explained := look(browse(t, bin, url+"report.html#rule-link-promise", ""))
	if len(explained.openRules) != 1 || explained.openRules[0] != "rule-link-promise" || len(explained.visible) != 3 {
		t.Errorf("#rule-link-promise: open explanations %v, %d findings shown", explained.openRules, len(explained.visible))
	}

	shot := filepath.Join(dir, "report.png")
	browse(t, bin, url+"report.html", shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	colors := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colors[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	if b.Dx() != 1280 || len(colors) < 8 {
		t.Errorf("screenshot %v with %d colours: the page did not draw", b, len(colors))
	}
}
