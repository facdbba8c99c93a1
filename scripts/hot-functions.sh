#!/usr/bin/env bash
# Writes scripts/hot-functions.txt: the functions of the docket binary that `docket build` runs,
# one mangled name a line, in the order valgrind first saw them. `make release` hands the file to
# the linker (lld's --symbol-ordering-file), which puts those functions next to each other.
#
# Why it matters: the kernel maps a binary's code 64 KB around each page a process touches, and
# every mapped page counts in the process's resident memory. The few thousand functions a build
# runs were spread over the 23 MB of code: 16 MB of it was resident in a 1,000-page build. Placed
# together they take about 1.6 MB.
#
# The list goes stale as the code changes: a function it does not name is placed as the linker
# would place it anyway (no error), so the binary stays correct and only its resident memory
# creeps up. Rerun after large changes: `make hot-functions` (needs valgrind; about a minute).
#
# usage: scripts/hot-functions.sh [DOCKET]   (default: .build/release/docket)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/.build/release/docket}
out=$root/scripts/hot-functions.txt
command -v valgrind >/dev/null || { echo "hot-functions: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
test -x "$binary" || { echo "hot-functions: no docket binary at $binary (make release)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the release binary's debug information; the symbol table is enough.
strip -g -o "$work/docket" "$binary"
python3 "$root/scripts/bench/gen_corpus.py" 1000 "$work/corpus/docs" 20240601 >/dev/null

# Two builds: the generated corpus (pages of every kind the generator writes) and this project's
# own site (docket.yml, runbooks, the theme's templates).
runs=0
for site in "$work/corpus" "$root"; do
    runs=$((runs + 1))
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/run$runs.callgrind" \
        "$work/docket" build --root "$site" --out "$work/out$runs" >"$work/run$runs.log" 2>&1 \
        || { cat "$work/run$runs.log" >&2; exit 1; }
done

python3 - "$work" "$runs" "$out" "$root/scripts/bench" <<'PYTHON'
import re, sys

work, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path.insert(0, sys.argv[4])
from hot_functions import defined_functions

# Functions defined in the binary (not those of the shared libraries it calls).
defined = {name for name, _, _ in defined_functions(work + "/docket")}
# callgrind names each function once as `fn=(id) name`, then by `fn=(id)`; `cfn=` names callees.
ordered, seen = [], set()
for run in range(1, runs + 1):
    names = {}
    with open(f"{work}/run{run}.callgrind") as profile:
        for line in profile:
            match = re.match(r"(c?fn)=\((\d+)\)(?: (.*))?", line)
            if not match:
                continue
            if match.group(3):
                names[match.group(2)] = match.group(3).strip()
            name = names.get(match.group(2))
            if match.group(1) == "fn" and name in defined and name not in seen:
                seen.add(name)
                ordered.append(name)
with open(out, "w") as file:
    file.write("".join(name + "\n" for name in ordered))
print(f"hot-functions: {len(ordered)} functions into {out}")
PYTHON
