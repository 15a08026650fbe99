#!/usr/bin/env bash
# Assemble the precision corpus from fetched repository snapshots.
#
# usage: bench/precision/assemble.sh OUTDIR [MIRROR_ROOT]
#
# For every source in bench/precision/sources it finds the bare git directory of
# owner/name under MIRROR_ROOT (default /work/.mirror; fetch "github:owner/name"
# creates MIRROR_ROOT/owner+name/repo or .../repo/.git), and writes each path of
# the source's path list, as it is at the listed commit, to
# OUTDIR/<owner>__<name>/<path>. Each source's output directory is removed first,
# so the script can be rerun. The posts themselves are never committed.
#
# For the four repositories first collected in /work/shared/corpus-summaries the
# script falls back to copying from there when their snapshot is absent
# (override the location with CORPUS_SUMMARIES=DIR).
set -euo pipefail

usage() {
	echo "usage: $0 OUTDIR [MIRROR_ROOT]" >&2
	exit 2
}
die() {
	echo "assemble.sh: $*" >&2
	exit 1
}

[[ $# -ge 1 && $# -le 2 ]] || usage
outdir=$1
mirror=${2:-/work/.mirror}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sources=$here/sources
fallback=${CORPUS_SUMMARIES:-/work/shared/corpus-summaries}
fallback_repos=" neverworkintheory/neverworkintheory.github.io realworlddatascience/realworlddatascience.github.io ReproducibiliTea-org/reproducibiliTea rbind/simplystats "

[[ -f $sources ]] || die "no sources file at $sources"
[[ -n $outdir && $outdir != / ]] || die "refusing OUTDIR '$outdir'"
mkdir -p "$outdir"

# gitdir OWNER NAME: print the git directory of the snapshot of OWNER/NAME, if any.
gitdir() {
	local d g
	for d in "$mirror/$1+$2" "$mirror/$1+$2"*; do
		[[ -d $d && $d != *.part ]] || continue
		for g in "$d/repo/.git" "$d/repo" "$d/.git" "$d"; do
			if [[ -f $g/HEAD && -d $g/objects ]]; then
				printf '%s\n' "$g"
				return 0
			fi
		done
	done
	return 1
}

total=0
nsources=0
while IFS=$'\t' read -r repo commit licence paths kind || [[ -n ${repo:-} ]]; do
	[[ -z $repo || $repo == \#* || $repo == repo ]] && continue
	[[ $repo == */* && -n ${commit:-} && -n ${paths:-} ]] || die "malformed line in $sources for '$repo'"
	: "$licence" "$kind"
	owner=${repo%%/*}
	name=${repo#*/}
	list=$root/$paths
	[[ -f $list ]] || die "$repo: path list $paths is missing"
	dest=$outdir/${owner}__$name
	rm -rf -- "$dest"
	mkdir -p "$dest"
	n=0
	if g=$(gitdir "$owner" "$name"); then
		git --git-dir="$g" cat-file -e "$commit^{commit}" 2>/dev/null ||
			die "$repo: commit $commit is not in the snapshot at $g; fetch a newer snapshot (fetch \"github:$repo\") or update the commit and paths in $sources"
		while IFS= read -r p || [[ -n $p ]]; do
			[[ -z $p || $p == \#* ]] && continue
			mkdir -p "$dest/$(dirname "$p")"
			git --git-dir="$g" show "$commit:$p" >"$dest/$p" ||
				die "$repo: cannot read '$p' at $commit from $g"
			n=$((n + 1))
		done <"$list"
		from=$g
	elif [[ $fallback_repos == *" $repo "* && -d $fallback/${owner}__$name ]]; then
		while IFS= read -r p || [[ -n $p ]]; do
			[[ -z $p || $p == \#* ]] && continue
			[[ -f $fallback/${owner}__$name/$p ]] || die "$repo: '$p' is missing from $fallback/${owner}__$name; fetch the snapshot (fetch \"github:$repo\")"
			mkdir -p "$dest/$(dirname "$p")"
			cp -- "$fallback/${owner}__$name/$p" "$dest/$p"
			n=$((n + 1))
		done <"$list"
		from="$fallback/${owner}__$name (no snapshot; copied)"
	else
		die "$repo: no snapshot under $mirror (looked for $mirror/$owner+$name*); fetch it first: fetch \"github:$repo\""
	fi
	printf '%5d  %s  (%s)\n' "$n" "$repo" "$from"
	total=$((total + n))
	nsources=$((nsources + 1))
done <"$sources"

printf '%5d  total from %d repositories in %s\n' "$total" "$nsources" "$outdir"
