#!/usr/bin/env python3
"""How the functions of scripts/hot-functions.txt sit in a docket binary.

usage: hot_functions.py BINARY LIST

Prints how many of the listed functions the binary defines and the span of code they occupy.
`make release` places them together (a span of about 6 MiB, with whole sections the linker
cannot split); a binary linked without the list has them spread over all its code, and a list
gone stale names functions the binary no longer has (rerun `make hot-functions`). Either shows
as more resident memory in `make bench`.
"""
import subprocess
import sys


def defined_functions(binary):
    """The functions `binary` defines (its own, not its shared libraries'), as (name, address,
    size); a name can come more than once (local functions of different files)."""
    symbols = subprocess.run(
        ["nm", "--defined-only", "--print-size", binary], capture_output=True, text=True, check=True
    ).stdout
    for line in symbols.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[2] in ("t", "T", "w", "W"):
            yield parts[3], int(parts[0], 16), int(parts[1], 16)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, listing = sys.argv[1], sys.argv[2]
    with open(listing) as file:
        wanted = {line.strip() for line in file if line.strip()}
    code_start, code_end = None, 0
    found = {}
    for name, address, size in defined_functions(binary):
        code_start = address if code_start is None else min(code_start, address)
        code_end = max(code_end, address + size)
        if name in wanted:
            found.setdefault(name, address)
    total = (code_end - code_start) / 2**20 if code_start is not None else 0
    if not found:
        print(f"hot functions: none of the {len(wanted)} listed is in {binary}")
        return 0
    # The narrowest span of code that holds nine in ten of them: the front of the code, a few
    # MiB, when placed together (with whole sections the linker cannot split, such as the Swift
    # runtime's), most of the code when spread over it.
    addresses = sorted(found.values())
    keep = max(1, len(addresses) * 9 // 10)
    span = min(addresses[index + keep - 1] - addresses[index] for index in range(len(addresses) - keep + 1))
    print(
        f"hot functions: {len(found)} of the {len(wanted)} listed are in the binary, nine in ten of them "
        f"within {span / 2**20:.1f} MiB of its {total:.1f} MiB of code"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
