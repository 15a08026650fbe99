#!/usr/bin/env bash
# Times articlelint against its peers on a corpus, side by side in one run:
#   floor              goldmark parsing every file and nothing else (the same
#                      walk and the same worker pool as articlelint)
#   floor+yaml         the floor, and yaml.v3 reading each YAML front matter
#                      (as front-matter-invalid must): the two libraries alone
#   no-rules           articlelint with every rule turned off: reading, parsing
#                      and building the model the rules read, and no rule
#   articlelint        every offline rule (built from this checkout)
#   vale               Vale with only its built-in style (MinAlertLevel suggestion)
#   markdownlint-cli2  its default rules
# Each runs ROUNDS times (interleaved, so that load drifts hit all alike); the
# median wall time is printed with its CPU time and peak RSS (/usr/bin/time),
# each peer as a ratio to articlelint, and articlelint as a ratio to the floor.
# Then one article from process start: the median of 50 runs of
# `articlelint testdata/articles/vitamin-d-lactation.txt` (hyperfine if
# installed, else 20 runs of a loop), and `articlelint --version` beside it:
# starting the process at all.
# Usage: bench/compare.sh [DIR]   (default ../shared/corpus)
# env: ROUNDS=3, SCRATCH=dir to build into and keep (default: a temporary
# directory), VALE_VERSION, MDL_VERSION.
# Needs go, node and npm; Vale and markdownlint-cli2 are built into SCRATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
dir=$(cd "${1:-../shared/corpus}" && pwd)
rounds=${ROUNDS:-3}
vale_version=${VALE_VERSION:-v3.26.0} # the latest v3.26.x the Go proxy serves
mdl_version=${MDL_VERSION:-0.22.1}    # the latest that runs on Node 20 (0.23+ wants 22)

if [ -n "${SCRATCH:-}" ]; then
  scratch=$SCRATCH
  mkdir -p "$scratch"
else
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
fi

echo "== building into $scratch" >&2
# Static, as README's install command and the GitHub Action build it (the
# floor below is static too: it imports nothing that needs cgo).
CGO_ENABLED=0 go build -o "$scratch/articlelint" ./cmd/articlelint

# The floor: the same walk and pool as articlelint, goldmark with the same
# extensions, nothing else. Built in this module, so with its goldmark.
mkdir -p "$scratch/floor"
cat >"$scratch/floor/floor.go" <<'EOF'
// Command floor parses every article under its arguments with goldmark and
// does nothing else: the floor for articlelint's time. With -yaml first,
// yaml.v3 also reads each leading "---" front matter into a node tree.
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

func main() {
	// The same GC setting as articlelint's main, so that the floor is not
	// slower than it need be.
	debug.SetGCPercent(400)
	args := os.Args[1:]
	withYAML := len(args) > 0 && args[0] == "-yaml"
	if withYAML {
		args = args[1:]
	}
	var files []string
	for _, arg := range args {
		_ = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != arg && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(name)) {
			case ".md", ".markdown", ".txt", ".html", ".htm":
				if !strings.HasPrefix(name, ".") || path == arg {
					files = append(files, path)
				}
			}
			return nil
		})
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote))
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				src, err := os.ReadFile(f)
				if err != nil {
					continue
				}
				body := src
				if after, ok := bytes.CutPrefix(src, []byte("---\n")); withYAML && ok {
					if end := bytes.Index(after, []byte("\n---")); end >= 0 {
						var node yaml.Node
						_ = yaml.Unmarshal(after[:end+1], &node)
						body = after[end+4:]
					}
				}
				md.Parser().Parse(text.NewReader(body), parser.WithContext(parser.NewContext()))
				mu.Lock()
				total += len(src)
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	fmt.Fprintf(os.Stderr, "parsed %d files, %d bytes\n", len(files), total)
}
EOF
go build -o "$scratch/floor/floor" "$scratch/floor/floor.go"

if [ ! -x "$scratch/vale/vale" ]; then
  mkdir -p "$scratch/vale"
  (
    cd "$scratch/vale"
    [ -f go.mod ] || go mod init scratch/vale >/dev/null 2>&1
    go mod edit -require="github.com/vale-cli/vale/v3@$vale_version" \
      -replace=github.com/andybalholm/cascadia=github.com/andybalholm/cascadia@v1.3.5
    GOFLAGS=-mod=mod go build -o vale github.com/vale-cli/vale/v3/cmd/vale
  )
fi
printf 'MinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Vale\n' >"$scratch/vale/.vale.ini"

if [ ! -x "$scratch/mdl/node_modules/.bin/markdownlint-cli2" ]; then
  mkdir -p "$scratch/mdl"
  npm install --silent --no-audit --no-fund --prefix "$scratch/mdl" "markdownlint-cli2@$mdl_version" >&2
fi

files=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' \) -not -path '*/.*' -not -path '*/node_modules/*' -not -path '*/vendor/*' | wc -l)
bytes=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' \) -not -path '*/.*' -not -path '*/node_modules/*' -not -path '*/vendor/*' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . 2>/dev/null || commit="$commit + uncommitted changes"

echo "corpus:  $dir ($files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
echo "commit:  $commit (articlelint), $(go version | cut -d' ' -f3), $(nproc) cores, $rounds rounds"
echo "peers:   vale $vale_version (built-in style only), markdownlint-cli2 $mdl_version (node $(node --version)), floor = goldmark $(go list -m -f '{{.Version}}' github.com/yuin/goldmark) parse only"
echo

# run NAME CMD...: one timed round, appended to $scratch/times as
# "name wall user sys rss". Exit 1 means findings and is expected.
run() {
  local name=$1
  shift
  local code=0
  /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "$@" >/dev/null 2>"$scratch/$name.err" || code=$?
  if [ "$code" -gt 1 ]; then
    echo "$name exited $code:" >&2
    tail -5 "$scratch/$name.err" >&2
    exit 1
  fi
  echo "$name $(tail -n 1 "$scratch/time")" >>"$scratch/times"
}

# A config that turns every rule off, from the rule list itself.
{
  echo "rules:"
  "$scratch/articlelint" rules | awk 'NR > 1 { print "  " $1 ": off" }'
} >"$scratch/no-rules.yaml"

: >"$scratch/times"
for i in $(seq "$rounds"); do
  echo "== round $i/$rounds" >&2
  run floor "$scratch/floor/floor" "$dir"
  run floor+yaml "$scratch/floor/floor" -yaml "$dir"
  run no-rules "$scratch/articlelint" --config "$scratch/no-rules.yaml" "$dir"
  run articlelint "$scratch/articlelint" "$dir"
  (cd "$scratch/vale" && run vale ./vale --no-exit --output=line "$dir")
  (cd "$dir" && run markdownlint-cli2 "$scratch/mdl/node_modules/.bin/markdownlint-cli2" '**/*.{md,markdown}')
done

awk -v files="$files" -v bytes="$bytes" '
  { n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4; rss[$1, n[$1]] = $5 }
  function median(a, name, k,    i, j, t, v) {
    for (i = 1; i <= k; i++) v[i] = a[name, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((k + 1) / 2)]
  }
  END {
    split("floor floor+yaml no-rules articlelint vale markdownlint-cli2", order, " ")
    for (o = 1; o <= 6; o++) { t = order[o]; w[t] = median(wall, t, n[t]); c[t] = median(cpu, t, n[t]); r[t] = median(rss, t, n[t]) }
    printf "%-18s %9s %9s %10s %9s  %s\n", "tool", "wall (s)", "CPU (s)", "peak RSS", "files/s", "ratio"
    for (o = 1; o <= 6; o++) {
      t = order[o]
      if (t == "floor") ratio = sprintf("articlelint is %.2fx the floor", w["articlelint"] / w[t])
      else if (t == "floor+yaml") ratio = sprintf("%.2fx the floor; articlelint is %.2fx this", w[t] / w["floor"], w["articlelint"] / w[t])
      else if (t == "no-rules") ratio = sprintf("%.2fx the floor: the model alone", w[t] / w["floor"])
      else if (t == "articlelint") ratio = "1.00x"
      else ratio = sprintf("%.1fx articlelint", w[t] / w["articlelint"])
      printf "%-18s %9.2f %9.2f %6.1f MiB %9.0f  %s\n", t, w[t], c[t], r[t] / 1024, files / w[t], ratio
    }
    printf "(medians of %d rounds; CPU = user + sys; corpus %.1f MB/s for articlelint)\n", n["articlelint"], bytes / 1e6 / w["articlelint"]
    # The machine speed drifts between rounds; tools timed within one round
    # share its speed, so the median of per-round ratios is the steadier figure.
    k = n["articlelint"]
    for (i = 1; i <= k; i++) {
      q["floor", i] = wall["articlelint", i] / wall["floor", i]
      q["model", i] = wall["no-rules", i] / wall["floor", i]
      q["vale", i] = wall["vale", i] / wall["articlelint", i]
      q["mdl", i] = wall["markdownlint-cli2", i] / wall["articlelint", i]
    }
    printf "per-round ratios (median): articlelint %.2fx the floor (no rules %.2fx); vale %.1fx, markdownlint-cli2 %.1fx articlelint\n", median(q, "floor", k), median(q, "model", k), median(q, "vale", k), median(q, "mdl", k)
  }' "$scratch/times"
echo

# One article from process start, as a pre-commit hook runs it.
seed=testdata/articles/vitamin-d-lactation.txt
if command -v hyperfine >/dev/null; then
  # --version alone is the cost of starting the process at all.
  hyperfine -N -i --warmup 10 --runs 50 --export-json "$scratch/seed.json" "$scratch/articlelint $seed" "$scratch/articlelint --version" >/dev/null 2>&1
  median=$(grep -o '"median": *[0-9.e-]*' "$scratch/seed.json" | head -1 | awk '{ printf "%.1f", $2 * 1000 }')
  start=$(grep -o '"median": *[0-9.e-]*' "$scratch/seed.json" | sed -n 2p | awk '{ printf "%.1f", $2 * 1000 }')
  how="hyperfine, 10 warm-up runs; articlelint --version alone: $start ms"
  runs=50
else
  for _ in $(seq 20); do
    s=$(date +%s%N)
    "$scratch/articlelint" "$seed" >/dev/null 2>&1 || true
    echo $((($(date +%s%N) - s) / 1000))
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f\n", (t[10] + t[11]) / 2 / 1000 }' >"$scratch/seed.txt"
  median=$(cat "$scratch/seed.txt")
  how="shell loop"
  runs=20
fi
echo "one article ($seed, $(wc -c <"$seed") bytes) from process start: median of $runs runs $median ms ($how)"
