#!/usr/bin/env bash
# Quick start, second command: install what is missing, build and run every test,
# once normally and once under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
jobs=$(nproc)
run_suite() {
  local dir=$1 ctest_args=$2; shift 2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug "$@" >/dev/null
  cmake --build "$dir" -j"$jobs" >/dev/null
  # shellcheck disable=SC2086
  (cd "$dir" && ctest --output-on-failure -j"$jobs" $ctest_args)
}
echo "== Tester =="
run_suite build-test ""
# The browser tests look at the page in Chromium; the C that writes it runs
# under the sanitizers in unit/test_html and e2e/html_static, so the browser
# need not see it twice. The same goes for LibreOffice and the workbook (office).
echo "== Tester under ASan + UBSan =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-asan "-LE browser|office" -DUPPFOLJ_SANITIZE=ON
