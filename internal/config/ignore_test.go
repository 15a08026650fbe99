package config

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every top-level key is in the starter that init writes.
func TestStarterDocumentsTopLevelKeys(t *testing.T) {
	typ := reflect.TypeOf(file{})
	for i := 0; i < typ.NumField(); i++ {
		if key := typ.Field(i).Tag.Get("yaml"); !strings.Contains(Starter(), "\n"+key+":") {
			t.Errorf("starter does not document %s", key)
		}
	}
	c, err := Parse("starter.yaml", []byte(Starter()))
	if err != nil || c.Ignore != nil || !c.Gitignore {
		t.Errorf("starter: ignore %v, gitignore %v, err %v; want no patterns and gitignore on", c.Ignore, c.Gitignore, err)
	}
}

func TestIgnore(t *testing.T) {
	c, err := Parse(filepath.Join("site", "c.yaml"), []byte("ignore:\n  - drafts/\n  - '*.tmp.md'\n  - '!keep.tmp.md'\ngitignore: false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Gitignore {
		t.Error("gitignore: false left it on")
	}
	if want, _ := filepath.Abs("site"); c.IgnoreBase != want {
		t.Errorf("patterns are relative to %q, want the config's directory %q", c.IgnoreBase, want)
	}
	for path, want := range map[string]bool{"drafts": true, "a/drafts": true, "x.tmp.md": true, "keep.tmp.md": false, "x.md": false} {
		if _, got := c.Ignore.Match(path, path == "drafts" || path == "a/drafts"); got != want {
			t.Errorf("%s: ignored = %v, want %v", path, got, want)
		}
	}
}

// A pattern that does not compile names the file, the line and the column
// of the offending character.
func TestIgnoreErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"ignore:\n  - drafts/\n  - posts/[abc\n", `c.yaml:3:11: ignore: "[" opens a bracket expression that no "]" closes`},
		{"ignore:\n  - \"é/[[:word:]]\"\n", "c.yaml:2:9: ignore: unknown character class [:word:]"},
		{"ignore:\n  - x\\\n", `c.yaml:2:6: ignore: a trailing "\" escapes nothing`},
		{"ignore: drafts/\n", "c.yaml:1:9: ignore: want a list of gitignore patterns"},
		{"ignore:\n  - '#x'\n", "c.yaml:2:5: ignore: \"#x\" would be a comment"},
		{"ignore:\n  -\n", "c.yaml:2:4: ignore: want a pattern"},
		{"gitignore: maybe\n", "c.yaml:1:12: cannot unmarshal"},
	} {
		_, err := Parse("c.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q", tc.yaml, err, tc.want)
		}
	}
}
