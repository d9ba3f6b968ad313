#!/usr/bin/env bash
# Runs a command with WebGPU available in Node through Dawn on a CPU Vulkan driver (lavapipe).
# Respects a VK_ICD_FILENAMES the caller already set (e.g. a real GPU's driver).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${VK_ICD_FILENAMES:-}" ]; then
  VK_ICD_FILENAMES="$(bash "$root/scripts/setup-vulkan.sh" | tail -n1)"
  export VK_ICD_FILENAMES
fi
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/faceprint-xdg-$(id -u)}"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
exec "$@"
