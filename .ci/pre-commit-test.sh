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
if pre-commit try-repo "$repo" articlelint --files bad.md >"$work/out.txt" 2>&1; then
  cat "$work/out.txt"; echo "FAIL: the hook passed on bad.md"; exit 1
fi
cat "$work/out.txt"
grep -q 'bad.md:1:1: error ai-disclosure' "$work/out.txt" || { echo "FAIL: finding not printed"; exit 1; }
echo "== a mixed repository: the hook lints articles only, never YAML, Python or JSON"
git rm -q --cached bad.md && rm bad.md
mkdir -p posts
cp good.md posts/summary.qmd
cp "$repo/testdata/clean/vitamin-d-summary.txt" posts/notes.txt
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $(git -C "$repo" rev-parse HEAD)
    hooks:
      - id: articlelint
YAML
printf 'print("a script, not an article")\n' > tool.py
printf '{"title": "data, not an article"}\n' > data.json
printf 'key: value\n' > settings.yaml
git add -A
git -c user.name=ci -c user.email=ci@example.org commit -qm "mixed repository"
pre-commit run --all-files --verbose >"$work/run.txt" 2>&1 || { cat "$work/run.txt"; echo "FAIL: the hook failed on a repository whose only articles are clean"; exit 1; }
cat "$work/run.txt"
# Linting any of the other files would have failed the run (no sections, no
# disclosure). Now a bad Quarto article: found by extension, and reported.
printf '# Vitamin D\n\nA summary with no sections, no DOI and no disclosure.\n' > posts/draft.qmd
git add posts/draft.qmd
if pre-commit run --all-files >"$work/run.txt" 2>&1; then
  cat "$work/run.txt"; echo "FAIL: the hook passed on posts/draft.qmd"; exit 1
fi
cat "$work/run.txt"
grep -q '^posts/draft.qmd:.*error ai-disclosure' "$work/run.txt" || { echo "FAIL: posts/draft.qmd was not linted"; exit 1; }
if grep -Eq '^(\.pre-commit-config\.yaml|tool\.py|data\.json|settings\.yaml):' "$work/run.txt"; then
  echo "FAIL: the hook linted a file that is not an article"; exit 1
fi
echo "pre-commit hook: ok"
