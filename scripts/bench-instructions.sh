#!/usr/bin/env bash
# Two docket binaries against each other by the instructions they execute, on the benchmark
# corpora, and whether their outputs are the same:
#
#   scripts/bench-instructions.sh BASE NEW [PAGES]      (PAGES default 2000)
#
# Wall and CPU time on a virtual machine move by a fifth within minutes, more than most single
# changes gain; `bench-compare.sh` needs many runs in turns to see 5%. The number of instructions
# a build executes does not drift: Valgrind's cachegrind counts them, the same on every run of the
# same binary and input. Counts are not time (a cache miss costs more than an add, and the
# count is of one thread after another), so a change is judged by both: this for its direction
# and size, bench-compare.sh or `make bench` for the time.
#
# For each corpus (the project's generator and ../shared/bench, as in bench.sh) it builds once
# with each binary under cachegrind (about 30 times slower than a plain build: a minute or two
# per build at 2,000 pages) and prints the instruction counts, NEW/BASE, and whether the two
# output folders are byte for byte the same (`diff -r`), which a speed-up should leave them.
#
# Needs valgrind (apt-get install valgrind). Valgrind cannot read the debug information of a
# Swift binary, so each binary is copied without it first (`strip --strip-debug`); the symbols
# stay, and `cg_annotate` on the kept profile (BENCH_KEEP=1) lists instructions by function.
#
# Environment: BENCH_SEED, BENCH_CORPORA (default "project shared"), BENCH_SHARED (where
# ../shared/bench/gen_corpus.py is), BENCH_KEEP=1 keeps the temp folder (profiles included).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/bench/docs-corpus.sh
source "$root/scripts/bench/docs-corpus.sh"
die() { echo "bench-instructions: $*" >&2; exit 2; }
(($# >= 2 && $# <= 3)) || die "usage: scripts/bench-instructions.sh BASE NEW [PAGES]"
pages=${3:-2000}
[[ $pages =~ ^[1-9][0-9]*$ ]] || die "PAGES must be a positive integer, got '$pages'"
seed=${BENCH_SEED:-20240601}
shared_gen=${BENCH_SHARED:-$root/../shared/bench/gen_corpus.py}
read -r -a corpora <<<"${BENCH_CORPORA:-project shared}"
command -v valgrind >/dev/null || die "valgrind is missing (apt-get install valgrind)"
command -v strip >/dev/null || die "strip is missing (apt-get install binutils)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/docket-instructions.XXXXXX")
cleanup() { if [[ ${BENCH_KEEP:-0} == 1 ]]; then echo "bench-instructions: kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

declare -A binary
for side in base new; do
  path=$([[ $side == base ]] && echo "$1" || echo "$2")
  [[ -x $path ]] || die "no executable at $path"
  strip --strip-debug -o "$tmp/docket-$side" "$path"
  binary[$side]=$tmp/docket-$side
done

for corpus in "${corpora[@]}"; do
  dir=$tmp/$corpus
  prepare_corpus bench-instructions "$root" "$corpus" "$pages" "$dir" "$seed" "$shared_gen" || continue
  echo "== $corpus corpus, $pages pages"
  declare -A count=()
  for side in base new; do
    log=$dir/$side.log
    (cd "$dir/empty" && valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$dir/$side.cachegrind" \
      "${binary[$side]}" build --content "$dir/docs" --out "$dir/out-$side" --broken-links warn) \
      >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "$side build failed under valgrind"; }
    count[$side]=$(sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' "$log" | tr -d ,)
    [[ -n ${count[$side]} ]] || { tail -n 20 "$log" >&2; die "no instruction count in the $side log"; }
    printf '  %-4s %14d instructions\n' "$side" "${count[$side]}"
  done
  same=$(diff -r "$dir/out-base" "$dir/out-new" >/dev/null 2>&1 && echo "identical" || echo "DIFFERENT")
  awk -v b="${count[base]}" -v n="${count[new]}" -v s="$same" \
    'BEGIN { printf "  new/base %.3f   outputs %s\n", n / b, s }'
  unset count
done
