#!/usr/bin/env bash
# Runs `articlelint lsp` under a real editor: headless Neovim (0.7 or later)
# opens the seed article and must receive the server's diagnostics.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/articlelint" ./cmd/articlelint
if ! command -v nvim >/dev/null; then
  apt-get update -qq && apt-get install -y -qq neovim >/dev/null
fi
nvim --version | head -1

echo "== nvim: diagnostics for testdata/articles/vitamin-d-lactation.txt"
status=0
ARTICLELINT_BIN="$work/articlelint" timeout 60 \
  nvim --headless --clean -c "luafile testdata/nvim/lsp_test.lua" >"$work/out" 2>"$work/err" </dev/null || status=$?
cat "$work/out"
cat "$work/err" >&2
if [ "$status" -ne 0 ]; then
  echo "FAIL: nvim exited with status $status"; exit 1
fi
if ! grep -Eq '^[0-9]+:[0-9]+ [a-z0-9-]+$' "$work/out"; then
  echo "FAIL: no diagnostics printed"; exit 1
fi
if grep -Ev '^[0-9]+:[0-9]+ [a-z0-9-]+$' "$work/out" | grep -q .; then
  echo "FAIL: unexpected output"; exit 1
fi
# The seed article has editorial defects; expect their codes where the
# rules exist in this build.
for rule in sentence-incomplete residue; do
  if "$work/articlelint" rules | grep -q "^$rule "; then
    grep -q " $rule\$" "$work/out" || { echo "FAIL: no $rule diagnostic"; exit 1; }
  fi
done
echo "nvim LSP client: ok"
