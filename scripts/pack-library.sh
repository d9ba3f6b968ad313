#!/usr/bin/env bash
# Packs the library for the checks that install it as another project would (scripts/check-library.sh,
# e2e/library-page/build.sh) and prints the tarball's path. `npm pack` runs prepack (npm run build:lib).
# A tarball newer than every input of that build is reused, so that `npm test` packs once for both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/.cache/library-pack"
tarball="$out/$(node -p "const { name, version } = require('./package.json'); name + '-' + version + '.tgz'")"
inputs=(src shaders package.json package-lock.json README.md LICENSE tsconfig.json tsconfig.lib.json
  vite.lib.config.ts custom-elements-manifest.config.mjs)
if [ -f "$tarball" ] && [ -z "$(find "${inputs[@]}" -newer "$tarball" -print -quit)" ]; then
  echo "$tarball"
  exit 0
fi
rm -rf "$out" && mkdir -p "$out"
# The build's own output goes to stderr: this script's output is the path alone.
npm pack --silent --pack-destination "$out" >&2
test -f "$tarball" || { echo "npm pack wrote no $tarball" >&2; exit 1; }
echo "$tarball"
