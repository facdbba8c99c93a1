#!/usr/bin/env python3
"""Runs a command and writes its wall time, user and system CPU time (seconds) and peak resident
memory (KiB) to a file, on one line, as `wall user sys kib`.

What `/usr/bin/time -f '%e %U %S %M'` reports, to the microsecond instead of the hundredth of a
second: a 1,000-page docket build takes about 0.15 s, so a hundredth was up to 3% of it, and the
ratios `make bench` prints moved by that much from rounding alone. The times come from wait4(2)
for this one child, as GNU time's do. The command's own exit status is this script's.

Usage: measure.py OUTPUT_FILE COMMAND [ARG...]
"""
import os
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print("usage: measure.py OUTPUT_FILE COMMAND [ARG...]", file=sys.stderr)
        return 2
    output, command = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    # Popen's own bookkeeping: the child has been reaped above.
    child.returncode = os.waitstatus_to_exitcode(status)
    with open(output, "w", encoding="utf-8") as out:
        out.write(f"{wall:.6f} {usage.ru_utime:.6f} {usage.ru_stime:.6f} {usage.ru_maxrss}\n")
    code = child.returncode
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
