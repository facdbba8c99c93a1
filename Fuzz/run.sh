#!/bin/sh
# Builds the libFuzzer target and runs it for FUZZ_SECONDS (default 300) over a corpus seeded
# from the project's own pages and test fixtures. Findings land in Fuzz/crashes/; keep each as a
# regression input under Tests/Fixtures/fuzz-crashers/ (FuzzCrasherTests replays them).
# Extra arguments go to libFuzzer (e.g. -jobs=2, -fork=1 -ignore_crashes=1).
set -eu
cd "$(dirname "$0")"
SECONDS_BUDGET="${FUZZ_SECONDS:-300}"
swift build -c release --sanitize fuzzer
mkdir -p corpus crashes
# Seeds: every page, category file, docket.yml and fixture of the repository, plus the kept
# crashers, so a fixed finding stays covered.
find ../content ../Tests/Fixtures ../runbooks ../docket.yml \
    -type f \( -name '*.md' -o -name '*.yml' -o -name '*.yaml' -o -name '*.json' \) -size -64k 2>/dev/null |
while read -r file; do
    cp "$file" "corpus/seed-$(printf '%s' "$file" | cksum | cut -d' ' -f1)"
done
# Swift's own crash reporter would take the signal before libFuzzer could save the input.
SWIFT_BACKTRACE=enable=no exec .build/release/DocketFuzz corpus \
    -max_total_time="$SECONDS_BUDGET" -timeout=10 -rss_limit_mb=1024 -max_len=65536 \
    -artifact_prefix=crashes/ -print_final_stats=1 "$@"
