#!/usr/bin/env bash
# Runs this repository's pre-commit hook for real, with pre-commit itself,
# against a throwaway repository holding one good and one bad article.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pre-commit >/dev/null; then
  apt-get update -qq && apt-get install -y -qq pre-commit >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
cd "$work"
git init -q -b main sandbox
cd sandbox
cp "$repo/testdata/clean/vitamin-d-summary.md" good.md
printf '# Vitamin D\n\nA summary with no sections, no DOI and no disclosure.\n' > bad.md
git add good.md bad.md

echo "== good article: the hook passes"
pre-commit try-repo "$repo" articlelint --files good.md

echo "== bad article: the hook fails and prints the finding"
if pre-commit try-repo "$repo" articlelint --files bad.md >out.txt 2>&1; then
  cat out.txt; echo "FAIL: the hook passed on bad.md"; exit 1
fi
cat out.txt
grep -q 'bad.md:3:54: error ai-disclosure' out.txt || { echo "FAIL: finding not printed"; exit 1; }
echo "pre-commit hook: ok"
