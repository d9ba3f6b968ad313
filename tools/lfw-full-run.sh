#!/usr/bin/env bash
# Starts, or resumes, the full LFW View 2 evaluation in the background (all 6,000 pairs, ≈7.7k images),
# fold by fold so that an interrupted run leaves whole folds behind (report them with
# `npm run eval:lfw -- --folds 1-K --variant ... --reference --cached-only`):
#   for each fold: our pipeline's variants (≈1.5 s per image on lavapipe, 2 cores), then face-api's
#   reference pipeline on tfjs WASM (≈0.3 s per image);
#   then the combined report (everything cached by then): results/lfw-<date>.* and, with CALIBRATE=1
#   (default), src/calibration/lfw-calibration.json.
# Everything is cached in .cache/lfw/ (content hash + variant + model), so running this script again
# after an interruption continues where it stopped. Log: .cache/lfw/full-run.log; the process group id
# is in .cache/lfw/full-run.pid (stop: kill -- -$(cat .cache/lfw/full-run.pid)).
#   LFW_VARIANTS   comma-separated variants, first = primary (see tools/lfw/variants.ts); default: the
#                  pipeline the app runs
#   LFW_CALIBRATE_VARIANT   the variant the app runs, whose threshold goes into the calibration file
#   LFW_DIR        the LFW folder (default ../shared/faces/lfw)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
variants="${LFW_VARIANTS:-as-centre-refine-chip-flip}"
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
setsid nohup bash -c "
  for fold in 1 2 3 4 5 6 7 8 9 10; do
    echo \"=== \$(date -u +%FT%TZ) fold \$fold: ours ($variants) ===\"
    $run --folds \$fold --variant $variants --compute-only || exit 1
    echo \"=== \$(date -u +%FT%TZ) fold \$fold: reference (face-api, tfjs wasm) ===\"
    $run --folds \$fold --reference-only --compute-only || exit 1
  done
  echo \"=== \$(date -u +%FT%TZ) combined report ===\" &&
  $run --variant $variants --reference ${calibrate_args[*]:-} &&
  echo \"=== \$(date -u +%FT%TZ) done ===\"
" >> .cache/lfw/full-run.log 2>&1 < /dev/null &
echo $! > .cache/lfw/full-run.pid
echo "started: process group $(cat .cache/lfw/full-run.pid), log .cache/lfw/full-run.log"
