// Package phrasetest keeps a package's generated pattern derivations
// (phrase.Derivations) true to its tables.
package phrasetest

import (
	"bytes"
	"os"
	"testing"

	"github.com/articlelint/articlelint/internal/phrase"
)

// Derivations fails t when file, which declares variable name of package
// pkg, is not what phrase.DeriveTables makes of tables; with update it
// rewrites the file instead (go generate).
func Derivations(t *testing.T, update bool, file, pkg, name string, tables ...*phrase.Table) {
	t.Helper()
	ds, err := phrase.DeriveTables(tables...)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ds.Source(pkg, name)
	if err != nil {
		t.Fatal(err)
	}
	if update {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: a pattern changed; run go generate ./... to rewrite it", file)
	}
}
