#!/usr/bin/env bash
# Reading the submissions on threads (validate.c, uf_validate_files): every
# diagnostic, its order, the counts and every output are the same, byte for
# byte, with --jobs 1 (read one by one) and --jobs 4 (read ahead, handed over
# in order):
#   1. every case in tests/cases that reads INPUTS, with its own command,
#      and the sample (report_jobs.sh compares its reports);
#   2. a generated set of many files: CSV split in pieces, workbooks, rows
#      made wrong (unknown units, bad numbers), a Windows-1252 file, every
#      broken file of the bad-files case and the rejected workbooks, for
#      validate and for report (workbook and CSV);
#   3. SIGINT while 4 threads read (each open made slow by slowfs): the run
#      ends by the signal, soon, and writes nothing.
#
#   read_jobs.sh UPPFOLJ GEN.PY SLOWFS SANITIZED
set -uo pipefail
bin=$(realpath "$1") gen=$2 slowfs=$3 san=${4:-0}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
status=0 compared=0
fail() { echo "FAIL  $*"; status=1; }
ok() { echo "ok    $*"; }

# Runs uppfolj ARGS... --jobs J into $tmp/run-J.{out,err,rc}, OUT in the
# arguments standing for $tmp/out-J.
run_jobs() {
  local j=$1
  shift
  local args=("${@//OUT/$tmp/out-$j}")
  rm -rf "$tmp/out-$j"
  "$bin" "${args[@]}" --jobs "$j" >"$tmp/run-$j.out" 2>"$tmp/run-$j.err"
  echo $? >"$tmp/run-$j.rc"
  sed -i "s#$tmp/out-$j#OUT#g" "$tmp/run-$j.out" "$tmp/run-$j.err"
}

# Runs ARGS with --jobs 1 and 4 and compares everything; NAME says what.
same_for_jobs() {
  local name=$1
  shift
  run_jobs 1 "$@"
  run_jobs 4 "$@"
  local k
  for k in out err rc; do
    if ! cmp -s "$tmp/run-1.$k" "$tmp/run-4.$k"; then
      fail "$name: std$k differs between --jobs 1 and --jobs 4"
      diff "$tmp/run-1.$k" "$tmp/run-4.$k" | head -6
      return
    fi
  done
  if [ -d "$tmp/out-1" ] && ! diff -r -x ".uppfolj-*" "$tmp/out-1" "$tmp/out-4" >"$tmp/diff"; then
    fail "$name: the reports differ between --jobs 1 and --jobs 4"
    head -5 "$tmp/diff"
    return
  fi
  [ "$(cat "$tmp/run-1.rc")" -lt 100 ] || { fail "$name: exit status $(cat "$tmp/run-1.rc")"; return; }
  compared=$((compared + 1))
  ok "$name: same output ($(wc -l <"$tmp/run-1.out") lines, status $(cat "$tmp/run-1.rc"))$([ -d "$tmp/out-1" ] && echo ", same $(find "$tmp/out-1" -type f | wc -l) files")"
}

# 1. The cases, with their own commands.
for case in "$root"/tests/cases/*/; do
  case=${case%/}
  grep -q INPUTS "$case/cmd" || continue
  inputs=$case/inputs
  if [ -x "$case/setup" ]; then
    rm -rf "$tmp/case" && mkdir -p "$tmp/case"
    [ -d "$case/inputs" ] && cp -a "$case/inputs/." "$tmp/case/"
    "$case/setup" "$tmp/case" || { fail "$(basename "$case"): setup failed"; continue; }
    inputs=$tmp/case
  fi
  read -r -a args < <(sed -e "s#INPUTS#$inputs#g" "$case/cmd")
  pushd "$case" >/dev/null || exit 1
  same_for_jobs "case $(basename "$case")" "${args[@]}"
  popd >/dev/null || exit 1
done

same_for_jobs "the sample (inputs/): validate" validate "$root/inputs"

# 2. Many files, with much to say about them.
set_dir=$tmp/many
/usr/bin/python3 "$gen" "$set_dir" --units 400 --indicators 12 --years 3 >/dev/null || exit 1
n=0
for f in "$set_dir"/inrapportering/*/*.csv; do
  header=$(head -1 "$f")
  tail -n +2 "$f" | split -l 200 -d - "${f%.csv}-del-"
  rm "$f"
  for piece in "${f%.csv}"-del-*; do
    { echo "$header"; cat "$piece"; } >"$piece.csv"
    rm "$piece"
    n=$((n + 1))
    case $((n % 7)) in # rows made wrong in some pieces
      1) sed -i '5s/;E0*\([0-9]*\);/;E9\1;/; 9s/;E0*\([0-9]*\);/;E-\1;/' "$piece.csv" ;;
      3) sed -i '4s/;\([0-9]*\)\.\([0-9]\)/;1.2,\2/; 7s/;\([0-9][0-9]*\)\(;\|$\)/;x\1\2/' "$piece.csv" ;;
      5) sed -i '3,6d' "$piece.csv" ;;
    esac
  done
done
printf 'år;enhet;indikator;värde;kommentar\n2017;E0001;I01;5;Ökning \xe5\xe4\xf6\n' >"$set_dir/inrapportering/2017/cp1252.csv"
mkdir -p "$set_dir/inrapportering/trasiga"
cp -a "$root"/tests/cases/bad-files/inputs/inrapportering/. "$set_dir/inrapportering/trasiga/"
/usr/bin/python3 "$gen" "$tmp/wb" --units 200 --indicators 12 --years 2 --seed 7 --xlsx >/dev/null || exit 1
mkdir -p "$set_dir/inrapportering/arbetsbocker"
find "$tmp/wb/inrapportering" -name '*.xlsx' | while read -r f; do
  cp "$f" "$set_dir/inrapportering/arbetsbocker/$(basename "$(dirname "$f")")-$(basename "$f")"
done
/usr/bin/python3 "$root/tests/tools/make_workbooks.py" rejected "$set_dir/inrapportering/arbetsbocker/avvisade" || exit 1
/usr/bin/python3 "$root/tests/tools/make_workbooks.py" read "$set_dir/inrapportering/arbetsbocker/lasta" || exit 1
files=$(find "$set_dir/inrapportering" -type f | wc -l)
[ "$files" -ge 60 ] || fail "the generated set has only $files files"
same_for_jobs "$files generated files: validate" validate "$set_dir"
grep -q . "$tmp/run-1.out" && [ "$(cat "$tmp/run-1.rc")" = 1 ] || fail "the generated set gave no rejections to compare"
same_for_jobs "$files generated files: validate --lang en" validate "$set_dir" --lang en
same_for_jobs "$files generated files: report xlsx,csv" report "$set_dir" --out OUT --format xlsx,csv
[ "$compared" -ge 20 ] || fail "only $compared runs compared"

# 3. SIGINT while the files are being read on 4 threads.
slow() {
  if [ "$san" = 1 ]; then
    exec env ASAN_OPTIONS="verify_asan_link_order=0:${ASAN_OPTIONS:-}" LD_PRELOAD="$slowfs" "$@"
  else
    exec env LD_PRELOAD="$slowfs" "$@"
  fi
}
mkdir -p "$tmp/int"
echo "last year's" >"$tmp/int/keep.txt"
(slow env UF_SLOW_MATCH="$set_dir/inrapportering/" UF_SLOW_OPEN_MS=300 UF_SLOW_MARK="$tmp/mark" \
  "$bin" report "$set_dir" --out "$tmp/int/out" --format xlsx,csv --jobs 4 -q >/dev/null 2>"$tmp/int.err") &
pid=$!
for _ in $(seq 1 500); do [ -f "$tmp/mark" ] && break; sleep 0.02; done
[ -f "$tmp/mark" ] || fail "SIGINT: the run never opened a submission"
sleep 0.2
start=$(date +%s.%N)
kill -INT $pid
wait $pid
rc=$?
took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
left=$(find "$tmp/int" -mindepth 1 | grep -v '/keep.txt$')
if [ $rc -ne 130 ]; then
  fail "SIGINT while reading: exit status $rc, not 130 (the run was not stopped by the signal)"
elif [ -n "$left" ]; then
  fail "SIGINT while reading: left behind: $left"
elif [ "$(cat "$tmp/int/keep.txt")" != "last year's" ]; then
  fail "SIGINT while reading: a file already there was changed"
elif awk -v t="$took" 'BEGIN{exit !(t > 10)}'; then
  fail "SIGINT while reading: took $took s to stop"
else
  ok "SIGINT while 4 threads read: stopped by the signal in $took s, nothing written"
fi
exit $status
