package rules

import (
	"slices"
	"testing"

	"github.com/articlelint/articlelint/internal/phrase"
	"github.com/articlelint/articlelint/internal/phrase/phrasetest"
)

// TestDerivations keeps derivations_gen.go true to every built-in table
// the rules compile.
func TestDerivations(t *testing.T) {
	var tables []*phrase.Table
	for _, r := range All {
		tables = append(tables, r.tables()...)
	}
	st := sourceTables()
	tables = append(tables, st.otherStudy, st.arm, st.ahead, st.people, st.heading, st.trigger)
	// The claims tables the source rules read are saved by package claims.
	claimTables := map[*phrase.Table]bool{}
	for _, ts := range purposeTables {
		for _, t := range ts {
			claimTables[t] = true
		}
	}
	tables = slices.DeleteFunc(tables, func(t *phrase.Table) bool { return claimTables[t] })
	phrasetest.Derivations(t, "derivations_gen.go", "rules", "derivations", tables...)
}
