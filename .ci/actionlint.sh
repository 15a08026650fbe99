#!/usr/bin/env bash
# actionlint on .github/workflows and on every workflow the README shows
# (a yaml block with jobs:), with the README's uses: articlelint/articlelint@…
# pointed at this checkout (./) so that actionlint checks its with: keys
# against action.yml.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installed from the Go module proxy and built here (cached after the first time).
go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
gobin=$(go env GOBIN); gobin=${gobin:-$(go env GOPATH)/bin}

# Local actions resolve against the repository, so the extracted workflows
# live in it for the run.
out=.github/workflows/.readme-workflows
rm -rf "$out"; mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
awk -v out="$out" '
  /^```yaml$/ { inblock = 1; text = ""; next }
  /^```$/ && inblock {
    inblock = 0
    if (text ~ /\njobs:/) { n++; f = out "/readme-" n ".yml"; printf "%s", text > f; close(f) }
    next
  }
  inblock { text = text $0 "\n" }
' README.md
n=$(find "$out" -name '*.yml' | wc -l)
if [ "$n" -lt 2 ]; then echo "found only $n workflows in README.md"; exit 1; fi
sed -i 's#uses: articlelint/articlelint@[^ ]*#uses: ./#' "$out"/*.yml
echo "README workflows: $n"
"$gobin/actionlint" -no-color .github/workflows/*.yml "$out"/*.yml
