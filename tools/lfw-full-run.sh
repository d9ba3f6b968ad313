#!/usr/bin/env bash
# Starts, or resumes, the full LFW View 2 evaluation in the background (all 6,000 pairs, ≈7.7k images):
#   1. face-api's reference pipeline on tfjs WASM (≈0.4 s per image on an idle core),
#   2. our pipeline's variants (several seconds per image on lavapipe; hours),
#   3. the report (results/lfw-<date>.*) and, with CALIBRATE=1 (default), src/calibration/lfw-calibration.json.
# Everything is cached in .cache/lfw/ (content hash + variant + model), so running this script again
# after an interruption continues where it stopped. Log: .cache/lfw/full-run.log; the process group id
# is in .cache/lfw/full-run.pid (stop: kill -- -$(cat .cache/lfw/full-run.pid)).
#   LFW_VARIANTS   comma-separated variants, first = primary (see tools/lfw/variants.ts)
#   LFW_CALIBRATE_VARIANT   the variant the app runs, whose threshold goes into the calibration file
#   LFW_DIR        the LFW folder (default ../shared/faces/lfw)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
variants="${LFW_VARIANTS:-ms-centre-chip-flip}"
calibrate_variant="${LFW_CALIBRATE_VARIANT:-${variants%%,*}}"
lfw_args=()
[ -n "${LFW_DIR:-}" ] && lfw_args=(--lfw "$LFW_DIR")
calibrate_args=()
[ "${CALIBRATE:-1}" = 1 ] && calibrate_args=(--calibrate-variant "$calibrate_variant")
mkdir -p .cache/lfw
if [ -f .cache/lfw/full-run.pid ] && kill -0 -- "-$(cat .cache/lfw/full-run.pid)" 2>/dev/null; then
  echo "a full run is already going (process group $(cat .cache/lfw/full-run.pid)); log: .cache/lfw/full-run.log" >&2
  exit 1
fi
npx vite build --config vite.node.config.ts --logLevel warn
run="bash scripts/with-vulkan.sh node dist-node/eval-lfw.js ${lfw_args[*]:-}"
setsid nohup nice -n 10 bash -c "
  echo \"=== \$(date -u +%FT%TZ) reference (face-api, tfjs wasm) ===\"
  $run --reference-only --no-write &&
  echo \"=== \$(date -u +%FT%TZ) ours: $variants ===\" &&
  $run --variant $variants --reference ${calibrate_args[*]:-} &&
  echo \"=== \$(date -u +%FT%TZ) done ===\"
" >> .cache/lfw/full-run.log 2>&1 < /dev/null &
echo $! > .cache/lfw/full-run.pid
echo "started: process group $(cat .cache/lfw/full-run.pid), log .cache/lfw/full-run.log"
