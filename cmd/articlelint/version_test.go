package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// buildVersion builds the command into a temporary directory with extra go build
// flags, offline (the module cache already holds what the tests built
// with), and returns what its --version prints.
func buildVersion(t *testing.T, flags ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "articlelint")
	cmd := exec.Command("go", append(append([]string{"build"}, flags...), "-o", bin, ".")...)
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", strings.Join(flags, " "), err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	return string(out)
}

// A release build (-ldflags -X main.version, as .goreleaser.yaml does)
// prints the version it was given.
func TestVersionStampedAtRelease(t *testing.T) {
	got := buildVersion(t, "-ldflags", "-X main.version=v0.2.0")
	if !strings.HasPrefix(got, "articlelint v0.2.0 (go") {
		t.Errorf("--version of a release build = %q, want articlelint v0.2.0 (go...)", got)
	}
}

// A plain build in a git checkout prints the commit it was built from.
func TestVersionFromGitCheckout(t *testing.T) {
	// Go finds the repository only where .git is a directory: not in a
	// git worktree, whose .git is a file.
	if st, err := os.Stat("../../.git"); err != nil || !st.IsDir() {
		t.Skip("not a git checkout with a .git directory")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("git: %v", err)
	}
	// -buildvcs=true: this machine's Go environment may turn stamping off.
	got := buildVersion(t, "-buildvcs=true")
	if rev := string(head[:12]); !strings.Contains(got, rev) {
		t.Errorf("--version of a build at %s = %q, want the commit in it", rev, got)
	}
}

// Build info without a module version still names the commit, and says
// when the tree had changes; with nothing recorded it says devel.
func TestVersionFromBuildInfo(t *testing.T) {
	rev := "50d3c283bd5f9c766336821bddb49097f8f39d19"
	for _, tc := range []struct {
		bi   debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "v0.3.1"}}, "v0.3.1"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: "true"}}}, "devel-50d3c283bd5f+dirty"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: "false"}}}, "devel-50d3c283bd5f"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
	} {
		if got := versionFrom(&tc.bi); got != tc.want {
			t.Errorf("versionFrom(%+v) = %q, want %q", tc.bi, got, tc.want)
		}
	}
}

// .goreleaser.yaml builds this command for the three systems and both
// architectures, and stamps the version into the variable --version reads.
func TestGoreleaserConfig(t *testing.T) {
	data, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Builds []struct {
			Main    string   `yaml:"main"`
			Ldflags []string `yaml:"ldflags"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
		} `yaml:"builds"`
		Checksum map[string]any `yaml:"checksum"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Builds) != 1 || cfg.Checksum == nil {
		t.Fatalf("want one build and checksums: %+v", cfg)
	}
	b := cfg.Builds[0]
	if b.Main != "./cmd/articlelint" {
		t.Errorf("builds %q, want ./cmd/articlelint", b.Main)
	}
	if !strings.Contains(strings.Join(b.Ldflags, " "), "-X main.version=v{{ .Version }}") {
		t.Errorf("ldflags %q do not stamp main.version", b.Ldflags)
	}
	for _, want := range []string{"linux", "darwin", "windows", "amd64", "arm64"} {
		if !slices.Contains(b.Goos, want) && !slices.Contains(b.Goarch, want) {
			t.Errorf("no %s build: goos %v, goarch %v", want, b.Goos, b.Goarch)
		}
	}
}
