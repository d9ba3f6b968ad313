#!/usr/bin/env bash
# Makes WebGPU usable on a GPU-less Debian 12 machine, idempotently and without prompts:
#   - Debian packages: chromium (Playwright's browser, also ships SwiftShader), libvulkan1,
#     mesa-vulkan-drivers (pulls the LLVM runtime that the newer lavapipe links against);
#   - Mesa 25 lavapipe from bookworm-backports, unpacked into .cache/ (stock Mesa 22 lavapipe lacks
#     a Vulkan feature Dawn requires), with its own ICD file.
# Prints the ICD path to use as VK_ICD_FILENAMES on stdout (last line). Diagnostics go to stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/vulkan"
icd="$cache/lvp_icd.json"

log() { echo "[setup-vulkan] $*" >&2; }
fail() { echo "[setup-vulkan] ERROR: $*" >&2; exit 1; }

need_pkgs=()
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
ldconfig -p | grep -q 'libvulkan.so.1' || need_pkgs+=(libvulkan1)
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || need_pkgs+=(mesa-vulkan-drivers)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_pkgs[*]}"
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install ${need_pkgs[*]}"
    SUDO=sudo
  else
    SUDO=
  fi
  $SUDO apt-get update -qq >&2 || fail "apt-get update failed: is Debian's package mirror reachable?"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >&2 \
    || fail "apt-get install ${need_pkgs[*]} failed"
fi

if [ ! -f "$icd" ]; then
  log "fetching Mesa lavapipe from bookworm-backports into $cache"
  mkdir -p "$cache/lists/partial" "$cache/archives/partial"
  # Reuse the machine's own Debian mirror (never hard-code a host).
  mirror=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  if [ -z "$mirror" ]; then
    mirror=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | awk '{print $2}' | head -n1 || true)
  fi
  [ -n "$mirror" ] || fail "cannot find a Debian mirror in /etc/apt/sources.list(.d)"
  echo "deb $mirror bookworm-backports main" > "$cache/backports.list"
  apt_opts=(-o "Dir::Etc::SourceList=$cache/backports.list" -o "Dir::Etc::SourceParts=-"
            -o "Dir::State::Lists=$cache/lists" -o "Dir::Cache::Archives=$cache/archives"
            -o "APT::Default-Release=bookworm-backports")
  apt-get "${apt_opts[@]}" update -qq >&2 || fail "apt-get update of bookworm-backports failed"
  (cd "$cache" && apt-get "${apt_opts[@]}" download mesa-vulkan-drivers/bookworm-backports >&2) \
    || fail "could not download mesa-vulkan-drivers from bookworm-backports"
  deb=$(ls "$cache"/mesa-vulkan-drivers_*.deb | head -n1)
  rm -rf "$cache/root" && dpkg -x "$deb" "$cache/root"
  lvp=$(find "$cache/root" -name 'libvulkan_lvp.so' | head -n1)
  [ -n "$lvp" ] || fail "libvulkan_lvp.so not found in $deb"
  cat > "$icd" <<JSON
{ "file_format_version": "1.0.0",
  "ICD": { "library_path": "$lvp", "api_version": "1.3.0" } }
JSON
fi
echo "$icd"
