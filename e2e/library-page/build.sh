#!/usr/bin/env bash
# Builds the page of e2e/library-page.spec.ts as another project would: a throw-away project under .cache/
# installs the packed tarball (scripts/pack-library.sh; packed once and shared with scripts/check-library.sh)
# and the same vite and TypeScript as ours, takes this folder's page, serves the model files (with face-api's
# MIT notice) from its own public/models/, type-checks the page against the package's .d.ts (every .d.ts,
# not skipped) and builds it with vite into its dist/. Prints that project's folder; `npx vite preview`
# there serves the page. One folder per FP_E2E_PORT, as the app's build, so that runs on other ports
# never share it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
project="$root/.cache/library-page-${FP_E2E_PORT:-4317}"
bash "$root/scripts/library-consumer.sh" "$project" faceprint-library-page vite typescript
mkdir -p "$project/public/models"
cd "$project"
cp "$here/index.html" "$here/main.ts" "$here/tsconfig.json" .
cp "$root"/public/models/*.json "$root"/public/models/*.bin "$root/public/models/LICENSE-face-api.txt" public/models/
npx tsc -p . >&2
npx vite build --logLevel warn >&2
echo "$project"
