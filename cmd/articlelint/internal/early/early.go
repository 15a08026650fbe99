// Package early starts building the AI-use disclosure matchers, which
// nearly every lint run needs, as soon as the program starts. Go
// initialises packages in import-path order once their imports are ready,
// so this one (needing only regexp and internal/phrase) runs before
// goldmark and YAML initialise: the few milliseconds during which the
// compile used to wait.
// The command imports it; libraries never do, so the side effect stays in
// the binary.
package early

import "github.com/articlelint/articlelint/internal/disclosure"

func init() {
	go disclosure.Warm()
}
