#!/usr/bin/env bash
# Updates the mermaid copy the default theme ships (themes/default/assets/vendor/mermaid/).
#
#   scripts/update-mermaid.sh [VERSION_OF_THE_MERMAIDX_WHEEL]
#
# mermaid itself is published on npm; the PyPI wheel `mermaidx` carries the same browser bundle
# (mermaid.js 11.x, which sets `globalThis.mermaid`) in mermaidx/assets/, and pip is the package
# client this machine can reach. The script downloads the wheel once, copies the bundle, and
# records the mermaid version it holds, so a review sees exactly what changed. Rebuild afterwards:
# the build embeds the theme folder.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/themes/default/assets/vendor/mermaid"
spec=mermaidx
[ $# -ge 1 ] && spec="mermaidx==$1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --no-deps --only-binary=:all: "$spec" -d "$work"
wheel=$(ls "$work"/mermaidx-*.whl)
python3 -m zipfile -e "$wheel" "$work/wheel"
bundle="$work/wheel/mermaidx/assets/mermaid.js"
[ -f "$bundle" ] || { echo "update-mermaid: $wheel has no mermaidx/assets/mermaid.js" >&2; exit 1; }

# The bundle states its own version (`version:"11.x.y"`); refuse anything that is not mermaid 11.
version=$(grep -o 'version:"[0-9][0-9.]*"' "$bundle" | head -n 1 | sed 's/version:"\(.*\)"/\1/')
case "$version" in
    11.*) ;;
    *) echo "update-mermaid: expected mermaid 11.x in $wheel, found '${version:-no version}'" >&2; exit 1 ;;
esac

mkdir -p "$dest"
cp "$bundle" "$dest/mermaid.min.js"
wheel_name=$(basename "$wheel")
cat > "$dest/VERSION" <<VERSION
mermaid $version
from $wheel_name (PyPI), file mermaidx/assets/mermaid.js
sha256 $(sha256sum "$dest/mermaid.min.js" | cut -d' ' -f1)
VERSION
echo "themes/default/assets/vendor/mermaid: mermaid $version ($(wc -c < "$dest/mermaid.min.js") bytes) from $wheel_name"
echo "LICENSE there is mermaid's MIT licence; check it still applies when the major version changes."
