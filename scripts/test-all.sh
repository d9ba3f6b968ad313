#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs what is missing (npm packages,
# Debian's chromium, the Vulkan loader and a CPU Vulkan driver), then type-checks, runs the unit
# tests (real WGSL on Dawn + lavapipe) and the end-to-end tests (Playwright + Debian Chromium).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

step() { printf '\n=== %s ===\n' "$*"; }

if [ ! -d node_modules/webgpu ] || [ ! -d node_modules/vitest ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "system packages and Vulkan driver"
VK_ICD_FILENAMES="${VK_ICD_FILENAMES:-$(bash scripts/setup-vulkan.sh | tail -n1)}"
export VK_ICD_FILENAMES

step "model files"
node scripts/copy-models.mjs

step "type-check"
npx tsc --noEmit -p .
npx tsc --noEmit -p tools

step "lint (ESLint, Prettier)"
npm run lint

step "library: the packed tarball in a project of its own"
bash scripts/with-vulkan.sh bash scripts/check-library.sh

step "unit tests (vitest, WGSL on Dawn)"
bash scripts/with-vulkan.sh npx vitest run

step "end-to-end tests (Playwright, Debian Chromium)"
npx playwright test
