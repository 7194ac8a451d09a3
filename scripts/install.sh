#!/usr/bin/env bash
# Installs a release build of `spindle` with what its pipelines need:
#   PREFIX/bin/spindle
#   PREFIX/share/spindle/{pipelines,models}
# `spindle` looks for PREFIX/share/spindle beside its own folder, so the docs' bare `spindle …` commands
# work from any folder once PREFIX/bin is on PATH.
#   scripts/install.sh [PREFIX]        (default: /usr/local; ~/.local needs no root)
set -euo pipefail
prefix="${1:-/usr/local}"
cd "$(dirname "$0")/.."
swift build -c release --product spindle
bin="$(swift build -c release --show-bin-path)/spindle"
install -d "$prefix/bin" "$prefix/share/spindle"
install -m 755 "$bin" "$prefix/bin/spindle"
rm -rf "$prefix/share/spindle/pipelines" "$prefix/share/spindle/models"
cp -R pipelines models "$prefix/share/spindle/"
echo "installed $prefix/bin/spindle ($("$prefix/bin/spindle" --version)) with $prefix/share/spindle/{pipelines,models}"
