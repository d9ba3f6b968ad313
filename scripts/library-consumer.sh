#!/usr/bin/env bash
# A throw-away project that installs the packed library as another project would:
#   bash scripts/library-consumer.sh DIR NAME [PACKAGE ...]
# empties DIR, writes a package.json named NAME, and installs the tarball (scripts/pack-library.sh) plus
# each PACKAGE at the version this repository's package.json pins for it (what the consumer itself needs,
# not the library: the library's own dependencies come from the tarball).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$1"
name="$2"
shift 2
tarball="$(bash "$root/scripts/pack-library.sh")"
pinned=()
for package in "$@"; do
  pinned+=("$package@$(node -p "require('$root/package.json').devDependencies['$package']")")
done
rm -rf "$project" && mkdir -p "$project"
cd "$project"
cat > package.json <<JSON
{ "name": "$name", "private": true, "type": "module" }
JSON
# --prefer-offline: npm ci of this repository already put these versions in npm's cache.
npm install --no-audit --no-fund --prefer-offline --silent "$tarball" "${pinned[@]}" >&2
