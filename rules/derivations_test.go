package rules

import (
	"flag"
	"testing"

	"github.com/articlelint/articlelint/internal/phrase"
	"github.com/articlelint/articlelint/internal/phrase/phrasetest"
)

var updateDerivations = flag.Bool("update-derivations", false, "rewrite derivations_gen.go (go generate)")

// TestDerivations keeps derivations_gen.go true to every built-in table
// the rules compile.
func TestDerivations(t *testing.T) {
	var tables []*phrase.Table
	for _, r := range All {
		tables = append(tables, r.phrases...)
	}
	tables = append(tables, otherStudyTable, armTable, aheadTable, peopleWords, studyHeadingTable, triggerTable)
	for _, ts := range purposeTables {
		tables = append(tables, ts...)
	}
	phrasetest.Derivations(t, *updateDerivations, "derivations_gen.go", "rules", "derivations", tables...)
}
