package article

import (
	"testing"

	"github.com/articlelint/articlelint/internal/phrase/phrasetest"
)

//go:generate go test -run TestDerivations -update-derivations .

// TestDerivations keeps derivations_gen.go true to the package's tables.
func TestDerivations(t *testing.T) {
	phrasetest.Derivations(t, "derivations_gen.go", "article", "derivations", creditPhrases)
}
