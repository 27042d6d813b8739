#!/usr/bin/env bash
# End-to-end commands under valgrind memcheck: no invalid reads or writes,
# no uses of uninitialised values, no leaks (definite, indirect or possible);
# and a large report under helgrind: no data races between the threads that
# write a large workbook's sheets and the CSV export, nor between the pool's
# workers writing the board report, unit PDFs and diagrams (helgrind-cairo.supp: what helgrind cannot see
# inside cairo and glibc).
#
#   valgrind.sh UPPFOLJ
#
# Runs validate and report --format xlsx,csv (and once every format) on the
# sample municipality (inputs/), on the report fixture (a rejected row, partners, targets), on the
# bad-files case (every kind of broken file), and report with --strict.
# Exit status: 0 clean, 1 an error or leak, 77 skipped (no valgrind).
set -uo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v valgrind >/dev/null 2>&1; then
  echo "SKIP: valgrind is not installed" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
vg=(valgrind --quiet --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 --track-origins=yes
    --num-callers=30)
status=0 n=0
check() {
  local name=$1 want=$2
  shift 2
  n=$((n + 1))
  local start=$SECONDS
  "${vg[@]}" --log-file="$tmp/vg.log" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ $rc = 99 ] || [ -s "$tmp/vg.log" ]; then
    echo "FAIL  $name: valgrind reports errors or leaks:"
    head -60 "$tmp/vg.log"
    status=1
  elif [ "$rc" != "$want" ]; then
    echo "FAIL  $name: exit status $rc, expected $want"
    head -5 "$tmp/err"
    status=1
  else
    echo "ok    $name ($((SECONDS - start)) s)"
  fi
}
check "validate inputs" 1 "$bin" validate "$root/inputs"
check "report inputs --format xlsx,csv" 1 "$bin" report "$root/inputs" --out "$tmp/a" --format xlsx,csv
check "report inputs (every format, PDFs too)" 1 "$bin" report "$root/inputs" --out "$tmp/all"
check "validate report fixture" 1 "$bin" validate "$root/tests/fixtures/report/inputs"
check "report report fixture --format xlsx,csv" 1 \
  "$bin" report "$root/tests/fixtures/report/inputs" --out "$tmp/b" --format xlsx,csv
check "validate bad-files" 1 "$bin" validate "$root/tests/cases/bad-files/inputs"
check "report --strict (nothing written)" 2 \
  "$bin" report "$root/tests/fixtures/report/inputs" --strict --out "$tmp/c" --format xlsx,csv
check "report into a regular file (fails)" 2 \
  "$bin" report "$root/tests/fixtures/report/inputs" --out /dev/null/x --format csv
# Past 50 000 rows the workbook is written on two threads, beside the CSV.
/usr/bin/python3 "$root/bench/gen.py" "$tmp/large" --units 430 --indicators 12 --years 10 >/dev/null
vg=(valgrind --quiet --tool=helgrind --error-exitcode=99 --num-callers=30
    --suppressions="$root/tests/hardening/helgrind-p11kit.supp")
check "report 51 600 rows under helgrind (threads)" 0 \
  "$bin" report "$tmp/large" --out "$tmp/d" --format xlsx,csv
vg+=(--suppressions="$root/tests/hardening/helgrind-cairo.supp")
# The report fixture (3 units, 4 indicators: 12 files) keeps helgrind's
# run short while three workers still share every kind of file.
check "board report, unit PDFs and diagrams on one pool of 3 threads under helgrind" 1 \
  "$bin" report "$root/tests/fixtures/report/inputs" --out "$tmp/e" --format pdf --jobs 3
# Reading ahead (validate.c): workbooks and CSV files of every kind, broken
# ones too, read on 3 threads and handed over in order.
mkdir -p "$tmp/many/inrapportering/xlsx"
cp -a "$root/tests/cases/bad-files/inputs/." "$tmp/many/"
/usr/bin/python3 "$root/tests/tools/make_workbooks.py" rejected "$tmp/many/inrapportering/xlsx" &&
  /usr/bin/python3 "$root/tests/tools/make_workbooks.py" read "$tmp/many/inrapportering/xlsx/read" ||
  { echo "FAIL  could not write the workbooks for the reading check"; status=1; }
vg+=(--suppressions="$root/tests/hardening/helgrind-expat.supp")
check "validate, files read on 3 threads under helgrind (reading ahead)" 1 \
  "$bin" validate "$tmp/many" --jobs 3
echo "valgrind: $n commands, $([ $status = 0 ] && echo clean || echo 'errors found')"
exit $status
