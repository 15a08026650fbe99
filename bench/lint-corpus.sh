#!/usr/bin/env bash
# Lints a corpus of articles and prints files/second and peak memory.
# Usage: bench/lint-corpus.sh [DIR] [ROUNDS]   (default ../shared/corpus, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus}
rounds=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/articlelint" ./cmd/articlelint
files=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) -not -path '*/.*' -not -path '*/node_modules/*' -not -path '*/vendor/*' | wc -l)
bytes=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) -not -path '*/.*' -not -path '*/node_modules/*' -not -path '*/vendor/*' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $dir ($files files, $((bytes / 1024 / 1024)) MiB), commit $(git rev-parse --short HEAD), $(nproc) cores"
for i in $(seq "$rounds"); do
  # Exit 1 (findings) is expected on a real corpus; 2 would be a failure.
  /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$out/articlelint" "$dir" >/dev/null 2>"$out/err" || [ $? -eq 1 ]
  read -r wall user sys rss < <(tail -n 1 "$out/time")
  echo "$wall $user $sys $rss"
done | sort -n | awk -v files="$files" -v bytes="$bytes" '
  { wall[NR]=$1; user[NR]=$2; sys[NR]=$3; rss[NR]=$4 }
  END {
    m = int((NR + 1) / 2)
    printf "median of %d rounds: %.2f s wall, %.2f s CPU, %.0f files/s, %.1f MB/s, peak RSS %.1f MiB\n",
      NR, wall[m], user[m] + sys[m], files / wall[m], bytes / 1048576 / wall[m], rss[m] / 1024
  }'
