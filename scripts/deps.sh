#!/usr/bin/env bash
# Installs the Debian 12 packages uppfolj needs, only those that are missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libcsv-dev libxlsxwriter-dev libcairo2-dev
          libfreetype-dev libcmocka-dev libminizip-dev libexpat1-dev libpng-dev
          libqpdf-dev)
if [ "${1:-}" = "--test" ]; then
  # The tests read the outputs back with independent tools.
  packages+=(python3 python3-openpyxl python3-xlsxwriter poppler-utils qpdf clang libclang-rt-14-dev valgrind)
  # The web page is checked in Debian's Chromium (tests/browser).
  packages+=(chromium)
  # The workbook is opened in headless LibreOffice Calc (tests/office): Debian's
  # libreoffice-calc without the desktop parts.
  packages+=(libreoffice-calc-nogui)
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi
# The PDF tests run once under a Swedish locale (tests/pdf_access_check.py).
[ "${1:-}" = "--test" ] && packages+=(locales)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
browser_modules() {
  # axe-core and playwright-core from npm, pointed at Debian's Chromium:
  # never a browser download (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).
  [ "${1:-}" = "--test" ] || return 0
  [ -d tests/browser/node_modules/playwright-core ] && [ -d tests/browser/node_modules/axe-core ] && return 0
  echo "Installerar npm-paket i tests/browser: axe-core playwright-core"
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}
swedish_locale() {
  [ "${1:-}" = "--test" ] || return 0
  locale -a 2>/dev/null | grep -qix 'sv_SE.utf8' && return 0
  echo "Installerar språkmiljön sv_SE.UTF-8"
  $sudo localedef -i sv_SE -f UTF-8 sv_SE.UTF-8
}
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ${#missing[@]} -eq 0 ]; then
  browser_modules "${1:-}"
  swedish_locale "${1:-}"
  exit 0
fi
echo "Installerar: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
browser_modules "${1:-}"
swedish_locale "${1:-}"
