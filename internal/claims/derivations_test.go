package claims

import (
	"flag"
	"testing"

	"github.com/articlelint/articlelint/internal/phrase"
	"github.com/articlelint/articlelint/internal/phrase/phrasetest"
)

//go:generate go test -run TestDerivations -update-derivations .

var updateDerivations = flag.Bool("update-derivations", false, "rewrite derivations_gen.go (go generate)")

// TestDerivations keeps derivations_gen.go true to the package's tables.
func TestDerivations(t *testing.T) {
	var tables []*phrase.Table
	tables = append(tables, Tables()...)
	tables = append(tables, selfTable)
	phrasetest.Derivations(t, *updateDerivations, "derivations_gen.go", "claims", "Derivations", tables...)
}
