# shellcheck shell=bash disable=SC2034 # scratch and srv are the caller's
# Sourced by bench/online.sh and bench/sources.sh: makes a scratch
# directory, builds bench/onlineserver and articlelint into it, and on exit
# stops the server whose pid the caller puts in srv and removes the
# directory.
scratch=$(mktemp -d)
srv=
cleanup() {
  if [ -n "$srv" ]; then kill "$srv" 2>/dev/null || true; wait "$srv" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

go build -o "$scratch/onlineserver" ./bench/onlineserver
go build -o "$scratch/articlelint" ./cmd/articlelint
