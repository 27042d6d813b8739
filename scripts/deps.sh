#!/usr/bin/env bash
# Installs the Debian 12 packages uppfolj needs, only those that are missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libcsv-dev libxlsxwriter-dev libcairo2-dev
          libfreetype-dev libcmocka-dev libpng-dev)
if [ "${1:-}" = "--test" ]; then
  # The tests read the outputs back with independent tools.
  packages+=(python3 python3-openpyxl poppler-utils qpdf clang libclang-rt-14-dev valgrind)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installerar: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
