#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses with clang, apart from the main
# (GCC) build: the engine's sources are compiled again here with
# -fsanitize=fuzzer,address,undefined.
#
#   tests/fuzz/run.sh --short [--build-dir DIR]     replay regressions, then
#                                                   UF_FUZZ_SECONDS (25) per fuzzer,
#                                                   UF_FUZZ_REPORT_SECONDS (45) for report
#   tests/fuzz/run.sh --long SECONDS [--build-dir DIR] [--jobs N]
#   tests/fuzz/run.sh --build-only [--build-dir DIR]
#   tests/fuzz/run.sh --replay [--build-dir DIR]    regressions and corpus only
#   --only reader|validate|report|xlsx              one fuzzer
#
# The checked-in corpus (tests/fuzz/corpus/NAME) seeds a working corpus in the
# build folder; the checked-in corpus is never modified. The xlsx fuzzer's
# seeds are workbooks written anew by xlsx_seeds.py into BUILD/seeds/xlsx. A crash leaves its
# input in BUILD/artifacts/NAME/; copy it to tests/fuzz/regressions/NAME/
# (with a fix) so that every later --short run replays it.
# Exit status: 0 clean, 1 a crash or sanitizer report, 77 skipped (no clang).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=short seconds=${UF_FUZZ_SECONDS:-25} build="" jobs=1 only=""
while [ $# -gt 0 ]; do
  case $1 in
    --short) mode=short ;;
    --long) mode=long; seconds=$2; shift ;;
    --build-only) mode=build ;;
    --replay) mode=replay ;;
    --build-dir) build=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --only) only=$2; shift ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
build=${build:-$root/build-fuzz}
fuzzers="reader validate report xlsx"

cc=${UF_FUZZ_CC:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "SKIP: $cc is not installed; the fuzzers need clang with libFuzzer" >&2
  exit 77
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}' |
     "$cc" -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1; then
  echo "SKIP: $cc cannot link -fsanitize=fuzzer (libFuzzer missing)" >&2
  exit 77
fi

mkdir -p "$build/obj"
# Everything a validate run needs; render/ and cli/ (xlsx, cairo) only in fuzz_report.
sources=$(ls "$root"/src/common/*.c "$root"/src/read/*.c "$root"/src/plan/*.c "$root"/src/validate/*.c \
             "$root"/src/dataset/*.c "$root"/src/consolidate/*.c)
csv_inc=$(dirname "$(echo '#include <csv.h>' | "$cc" -E -H -x c - 2>&1 >/dev/null | sed -n 's/^\. //p' | head -1)")
cflags=(-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
        -fno-sanitize-recover=all -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700
        -DUF_VERSION=\"fuzz\" -DUF_FONT_DIR=\"$root/fonts\"
        -DUF_FUZZ_PLAN_DIR=\"$root/tests/fixtures/report/inputs\"
        -I"$root/src" -I"$csv_inc" -Wall -Wextra -Wno-unused-parameter -Wno-unknown-warning-option -Wno-bitwise-instead-of-logical)

# Incremental: an object is rebuilt when its source or a header changed.
newest_header=$(ls -t "$root"/src/*/*.h "$root"/src/*/*/*.h | head -1)
objs=()
for src in $sources; do
  obj=$build/obj/$(echo "${src#"$root"/src/}" | tr / _).o
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ] || [ "$0" -nt "$obj" ]; then
    "$cc" "${cflags[@]}" -c "$src" -o "$obj" || exit 1
  fi
  objs+=("$obj")
done
render_cflags=($(pkg-config --cflags xlsxwriter cairo freetype2 libpng libqpdf))
render_libs=($(pkg-config --libs xlsxwriter cairo freetype2 libpng libqpdf) -lpthread)
render_objs=()
for src in "$root"/src/render/*.c "$root"/src/render/*/*.c "$root"/src/output/*.c "$root"/src/cli/operate.c; do
  obj=$build/obj/$(echo "${src#"$root"/src/}" | tr / _).o
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ] || [ "$0" -nt "$obj" ]; then
    "$cc" "${cflags[@]}" "${render_cflags[@]}" -DPNG_SCALE=0.25 -c "$src" -o "$obj" || exit 1
  fi
  render_objs+=("$obj")
done
for name in $fuzzers; do
  bin=$build/fuzz_$name
  src=$here/fuzz_$name.c
  extra_objs=() extra_libs=()
  [ "$name" = report ] && { extra_objs=("${render_objs[@]}"); extra_libs=("${render_libs[@]}"); }
  stale=0
  [ -f "$bin" ] || stale=1
  for dep in "$src" "$here/fuzz_check.h" "${objs[@]}" "${extra_objs[@]}"; do [ "$dep" -nt "$bin" ] && stale=1; done
  if [ $stale = 1 ]; then
    "$cc" "${cflags[@]/fuzzer-no-link/fuzzer}" "${render_cflags[@]}" "$src" "${objs[@]}" "${extra_objs[@]}" \
      -lcsv "${extra_libs[@]}" -lminizip -lz -lexpat -lm -o "$bin" || exit 1
  fi
done
[ $mode = build ] && { echo "built in $build"; exit 0; }

# Seeds that are generated rather than checked in (binary workbooks).
seeds_of() {
  if [ "$1" = xlsx ]; then
    rm -rf "$build/seeds/xlsx"
    /usr/bin/python3 "$here/xlsx_seeds.py" "$build/seeds/xlsx" >&2 || return 1
    echo "$build/seeds/xlsx"
  elif [ "$1" = validate ]; then
    # The CSV corpus and the workbooks: the validator reads both.
    rm -rf "$build/seeds/validate"
    mkdir -p "$build/seeds/validate"
    cp "$here/corpus/validate"/* "$build/seeds/validate/" &&
      /usr/bin/python3 "$here/xlsx_seeds.py" "$build/seeds/validate" >&2 || return 1
    echo "$build/seeds/validate"
  else
    echo "$here/corpus/$1"
  fi
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for name in ${only:-$fuzzers}; do
  bin=$build/fuzz_$name
  # 1. Every committed regression input, once each.
  regs=$(find "$here/regressions/$name" -type f ! -name '*.md' 2>/dev/null | sort)
  if [ -n "$regs" ]; then
    # shellcheck disable=SC2086
    if ! "$bin" -runs=1 $regs >"$build/replay-$name.log" 2>&1; then
      echo "FAIL: fuzz_$name: a regression input crashes again:" >&2
      tail -40 "$build/replay-$name.log" >&2
      status=1
      continue
    fi
    echo "fuzz_$name: $(echo "$regs" | wc -l) regression inputs replayed"
  fi
  seeds=$(seeds_of "$name") || { echo "FAIL: fuzz_$name: no seeds" >&2; status=1; continue; }
  [ $mode = replay ] && { "$bin" -runs=0 "$seeds" >/dev/null 2>&1 || status=1; continue; }
  # 2. Fuzzing from a working copy of the corpus.
  work=$build/corpus/$name
  # Every report input costs a whole report, and libFuzzer first runs the
  # whole working corpus whatever -max_total_time says: a bounded run of
  # it starts again from the seeds.
  [ $mode = short ] && [ "$name" = report ] && rm -rf "$work"
  mkdir -p "$work" "$build/artifacts/$name"
  cp -n "$seeds"/* "$work/" 2>/dev/null
  log=$build/fuzz-$name.log
  max_len=8192 timeout=10 dict=$here/csv.dict run_seconds=$seconds
  [ -f "$here/$name.dict" ] && dict=$here/$name.dict
  [ "$name" = xlsx ] || [ "$name" = validate ] && max_len=65536 # a workbook with stored parts is a few kB
  if [ "$name" = report ]; then
    # A whole report per input: small folders, and the CSV words with the
    # container's; its seeds alone take some seconds, so --short gives it
    # UF_FUZZ_REPORT_SECONDS (45). Each input writes a dozen files: in
    # memory when it can.
    max_len=${UF_FUZZ_REPORT_MAX_LEN:-4096} timeout=30 dict=$build/report.dict
    cat "$here/csv.dict" "$here/report.dict" >"$dict"
    [ $mode = short ] && run_seconds=${UF_FUZZ_REPORT_SECONDS:-45}
    [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
  fi
  opts=(-max_total_time="$run_seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len="$max_len"
        -artifact_prefix="$build/artifacts/$name/" -print_final_stats=1)
  [ -f "$dict" ] && opts+=(-dict="$dict")
  if [ "$jobs" -gt 1 ]; then
    opts+=(-fork="$jobs" -ignore_crashes=0)
  fi
  echo "fuzz_$name: fuzzing for ${run_seconds}s"
  if "$bin" "${opts[@]}" "$work" >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    [ -z "$execs" ] && execs=$(grep -o 'DONE.*' "$log" | tail -1)
    echo "fuzz_$name: clean, ${execs:-?} executions, corpus $(ls "$work" | wc -l) files"
  else
    echo "FAIL: fuzz_$name found a crash; input in $build/artifacts/$name/:" >&2
    ls "$build/artifacts/$name" >&2
    grep -E -A30 'ERROR: |runtime error|check failed|deadly signal' "$log" | head -60 >&2
    status=1
  fi
done
exit $status
