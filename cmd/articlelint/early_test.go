package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The first disclosure pattern compiles while the libraries initialise
// only if package early initialises before them: Go orders packages by
// import path once their imports are ready, so a heavy import added to
// internal/disclosure would silently push it after goldmark. The test
// binary initialises the same packages as the command; run it again with
// Go's init trace and read the order.
func TestEarlyInitialisesBeforeLibraries(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	order := map[string]int{}
	for i, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order[f[1]] = i + 1
		}
	}
	early := order["github.com/articlelint/articlelint/cmd/articlelint/internal/early"]
	if early == 0 {
		t.Fatalf("package early did not initialise:\n%s", out)
	}
	for _, lib := range []string{"github.com/yuin/goldmark/util", "github.com/yuin/goldmark/parser", "go.yaml.in/yaml/v3"} {
		if order[lib] == 0 {
			t.Fatalf("%s did not initialise:\n%s", lib, out)
		}
		if order[lib] < early {
			t.Errorf("%s initialises before package early (line %d < %d of the init trace)", lib, order[lib], early)
		}
	}
}
