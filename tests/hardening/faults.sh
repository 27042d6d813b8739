#!/usr/bin/env bash
# Fault injection for `uppfolj report` and `uppfolj validate`: an output
# folder that cannot be written (as root too), a full disk, a file-size
# limit, a rename that fails, memory that runs out (a huge input, and
# allocations failing while a report is written), and input files that
# cannot be read. Every fault must give a clear message and a non-zero exit,
# and leave an earlier report in the output folder byte for byte as it was,
# with no temporary files (.NAME.XXXXXX) behind.
#
#   faults.sh UPPFOLJ FAILWRITE.so FAILALLOC.so [SANITIZED(0|1)]
#
# FAILWRITE.so and FAILALLOC.so are tests/hardening/failwrite.c built
# without and with -DUF_FAIL_ALLOC (LD_PRELOAD). SANITIZED=1 for
# an ASan build: memory limits then go through ASAN_OPTIONS instead of
# ulimit -v, and the allocation sweep (which replaces malloc) is skipped.
set -uo pipefail
bin=$1 shim=$2 alloc_shim=$3 san=${4:-0}
root=$(cd "$(dirname "$0")/../.." && pwd)
fixture=$root/tests/fixtures/report/inputs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 xfail=0
export SOURCE_DATE_EPOCH=1767225600

ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1: $2"; [ -s "$tmp/err" ] && sed 's/^/      stderr: /' "$tmp/err" | head -5; }

preload() {
  if [ "$san" = 1 ]; then
    env ASAN_OPTIONS="verify_asan_link_order=0:${ASAN_OPTIONS:-}" LD_PRELOAD="$shim" "$@"
  else
    env LD_PRELOAD="$shim" "$@"
  fi
}

# A folder holding last year's report: known bytes, and their checksums.
earlier() {
  local out=$1
  rm -rf "$out"
  mkdir -p "$out/enheter"
  printf 'förra rapporten\n' >"$out/uppfoljning-2025.xlsx"
  printf '\xef\xbb\xbfår;mål;indikator;enhet;värde;målvärde;föregående;status\r\n2025;1;projekt;;1;;;grå\r\n' \
    >"$out/sammanstallning-2025.csv"
  printf '%%PDF-1.4 förra\n' >"$out/enheter/a.pdf"
  (cd "$out" && find . -type f ! -name .uppfolj-las | sort | xargs sha256sum) >"$tmp/earlier.sum"
  rm -rf "$tmp/earlier"
  cp -a "$out" "$tmp/earlier"
}

same_as_earlier() {
  # The lock file (.uppfolj-las) is the one file a failed run may add.
  [ "$(cd "$1" && find . -type f ! -name .uppfolj-las | sort | xargs sha256sum)" = "$(cat "$tmp/earlier.sum")" ]
}

# The earlier report is untouched, nothing was added, no temporary files.
untouched() {
  local name=$1 out=$2
  if ! same_as_earlier "$out"; then
    bad "$name" "the earlier report changed or files were added: $(cd "$out" && find . -type f ! -name .uppfolj-las | sort | tr '\n' ' ')"
    return 1
  fi
  return 0
}

no_temps() {
  local name=$1 out=$2
  local temps
  temps=$(find "$out" -name '.*.??????' 2>/dev/null)
  if [ -n "$temps" ]; then
    bad "$name" "temporary files left behind: $temps"
    return 1
  fi
  return 0
}

# expect NAME RC REGEX: the last command's status and its stderr.
expect() {
  local name=$1 want=$2 regex=$3
  if [ "$rc" != "$want" ]; then
    bad "$name" "exit status $rc, expected $want"
    return 1
  fi
  if ! grep -E -q -e "$regex" "$tmp/err" "$tmp/out"; then
    bad "$name" "no message matching /$regex/"
    return 1
  fi
  return 0
}

# fatal NAME OUT REGEX CMD...: exit 2, the message, earlier report untouched.
fatal() {
  local name=$1 out=$2 regex=$3
  shift 3
  earlier "$out"
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect "$name" 2 "$regex" && untouched "$name" "$out" && no_temps "$name" "$out" && ok "$name"
}

out=$tmp/reports
report=("$bin" report "$fixture" --out "$out" --quiet)
write_failed='uppfolj: fel: .*(filen kunde inte skrivas|arbetsboken kunde inte skapas)'

# ---- the output folder cannot be written (root ignores chmod) ----
printf 'en vanlig fil\n' >"$tmp/vanlig-fil"
sum_before=$(sha256sum <"$tmp/vanlig-fil")
"$bin" report "$fixture" --out "$tmp/vanlig-fil/2025" --quiet >"$tmp/out" 2>"$tmp/err"
rc=$?
expect "out: a folder under a regular file (ENOTDIR)" 2 "uppfolj: fel: .*vanlig-fil/2025: filen kunde inte skrivas" &&
  [ "$(sha256sum <"$tmp/vanlig-fil")" = "$sum_before" ] && ok "out: a folder under a regular file (ENOTDIR)"
"$bin" report "$fixture" --out "$tmp/vanlig-fil" --quiet >"$tmp/out" 2>"$tmp/err"
rc=$?
expect "out: a regular file" 2 "uppfolj: fel: .*vanlig-fil: filen kunde inte skrivas" &&
  [ "$(sha256sum <"$tmp/vanlig-fil")" = "$sum_before" ] && ok "out: a regular file"
"$bin" report "$fixture" --out /proc/self/uppfolj-rapporter --quiet >"$tmp/out" 2>"$tmp/err"
rc=$?
expect "out: a new folder in /proc" 2 "$write_failed" && ok "out: a new folder in /proc"
for f in xlsx csv; do
  "$bin" report "$fixture" --out /proc/self --format $f --quiet >"$tmp/out" 2>"$tmp/err"
  rc=$?
  expect "out: /proc/self, not writable even by root ($f)" 2 "$write_failed" &&
    ok "out: /proc/self, not writable even by root ($f)"
done

# ---- the disk fills up (failwrite.so: ENOSPC after N bytes) ----
for after in 0 1 512 4096 16384; do
  fatal "disk full after $after bytes (xlsx,csv)" "$out" "$write_failed" \
    preload env UF_FAIL_WRITE="$out/" UF_FAIL_AFTER=$after "${report[@]}" --format xlsx,csv
done
"$bin" report "$fixture" --out "$tmp/reference" --format xlsx,csv --quiet >/dev/null 2>&1
csv_size=$(stat -c %s "$tmp/reference/sammanstallning-2025.csv")
for after in 0 3 100 $((csv_size - 1)); do # up to the very last byte
  fatal "disk full after $after bytes (csv)" "$out" "$write_failed" \
    preload env UF_FAIL_WRITE="$out/" UF_FAIL_AFTER=$after "${report[@]}" --format csv
done
# The file-size limit (EFBIG): the kernel itself refuses the write.
fatal "file size limit, ulimit -f (EFBIG)" "$out" "$write_failed" \
  bash -c 'trap "" XFSZ; ulimit -f 8; exec "$@"' _ "${report[@]}" --format xlsx,csv
# The temporary file cannot be renamed into place.
for f in xlsx csv; do
  fatal "rename fails ($f)" "$out" "$write_failed" \
    preload env UF_FAIL_RENAME="$out/" "${report[@]}" --format $f
done

# The second output fails after the first was written: the contract says a
# fatal error writes nothing, so the workbook must not be replaced either.
earlier "$out"
preload env UF_FAIL_WRITE="$out/.sammanstallning" "${report[@]}" --format xlsx,csv >"$tmp/out" 2>"$tmp/err"
rc=$?
if expect "disk full on the CSV after the workbook" 2 "$write_failed" && no_temps "csv after xlsx" "$out"; then
  if same_as_earlier "$out"; then
    ok "disk full on the CSV after the workbook: nothing replaced"
  else
    bad "disk full on the CSV after the workbook" "an earlier report was replaced although the run exits 2"
  fi
fi

# ---- memory runs out ----
mkdir -p "$tmp/huge/plan" "$tmp/huge/inrapportering"
cp "$fixture"/plan/*.csv "$tmp/huge/plan/"
cp "$fixture"/inrapportering/2025/alla.csv "$tmp/huge/inrapportering/a.csv"
truncate -s 900M "$tmp/huge/inrapportering/b-gles.csv" # sparse: 900 MB to read, no disk used
oom='uppfolj: fel: (.*: )?minnet räckte inte' # the workbook's names its file
if [ "$san" = 1 ]; then
  limit=(env ASAN_OPTIONS="allocator_may_return_null=1:max_allocation_size_mb=64:${ASAN_OPTIONS:-}")
else
  limit=(bash -c 'ulimit -v 180000; exec "$@"' _)
fi
fatal "out of memory: a 900 MB input (report)" "$out" "$oom" \
  "${limit[@]}" "$bin" report "$tmp/huge" --out "$out" --quiet
rm "$tmp/huge/inrapportering/b-gles.csv"
# One line of 100 MB: read whole, then libcsv's own buffer cannot grow.
{ printf 'år;enhet;indikator;värde;kommentar\n2025;a;projekt;1;'; head -c 100000000 /dev/zero | tr '\0' 'x'; echo; } \
  >"$tmp/huge/inrapportering/c-lang-rad.csv"
if [ "$san" = 1 ]; then
  limit=(env ASAN_OPTIONS="allocator_may_return_null=1:max_allocation_size_mb=120:${ASAN_OPTIONS:-}")
fi
fatal "out of memory: a 100 MB line (validate)" "$out" "$oom" \
  "${limit[@]}" "$bin" validate "$tmp/huge" --quiet
fatal "out of memory: a 100 MB line (report)" "$out" "$oom" \
  "${limit[@]}" "$bin" report "$tmp/huge" --out "$out" --quiet
rm -rf "$tmp/huge"

# Allocations fail while a report is written (from the moment its temporary
# file exists): either the run ends with a message and status 2 and the
# earlier report untouched, or it succeeds with complete files. libxlsxwriter
# does not check every malloc and may crash; it runs in a child process
# (workbook.c), so that crash too ends as a message and status 2 (issue 14,
# case 9): no crash of the run is accepted any more.
if [ "$san" != 1 ]; then
  for f in csv xlsx; do
    if [ $f = csv ]; then budgets=$(seq 0 12); else budgets="$(seq 0 2 40) $(seq 50 97 2000)"; fi
    clean=0 completed=0 wrong=0
    for n in $budgets; do
      earlier "$out"
      env LD_PRELOAD="$alloc_shim" UF_FAIL_MALLOC_MATCH="$out/" UF_FAIL_MALLOC=$n "${report[@]}" --format $f >"$tmp/out" 2>"$tmp/err"
      rc=$?
      if ! no_temps "allocation $n fails ($f)" "$out"; then
        wrong=$((wrong + 1))
      elif [ $rc = 1 ]; then # the fixture has one rejected row: a complete run
        if [ $f = csv ] && ! cmp -s "$out/sammanstallning-2025.csv" "$tmp/reference/sammanstallning-2025.csv"; then
          bad "allocation $n fails ($f)" "exit 1 but the CSV is not the complete report"
          wrong=$((wrong + 1))
        else
          completed=$((completed + 1))
        fi
      elif [ $rc = 2 ] && grep -E -q -e "$oom|$write_failed" "$tmp/err" && untouched "allocation $n fails ($f)" "$out"; then
        clean=$((clean + 1))
      else
        [ $rc -gt 128 ] || [ $rc != 2 ] && bad "allocation $n fails ($f)" "exit status $rc"
        wrong=$((wrong + 1))
      fi
    done
    if [ $wrong = 0 ]; then
      ok "allocation failure sweep ($f): $clean clean exits 2, $completed complete runs, no crash, no temporary files, earlier report untouched"
    else
      bad "allocation failure sweep ($f)" "$wrong budgets ended otherwise (a crash, or no message)"
    fi
  done
fi

# ---- input files that cannot be read ----
in=$tmp/inputs
cp -r "$fixture" "$in"
ln -s /proc/self/mem "$in/inrapportering/2025/mem.csv"      # opens, then read() fails with EIO
ln -s finns-inte.csv "$in/inrapportering/2025/borta.csv"    # gone between listing and reading
mkfifo "$in/inrapportering/2025/fifo.csv"                   # would block a naive reader
mkdir "$in/inrapportering/2025/mapp.csv"
"$bin" validate "$in" >"$tmp/out" 2>"$tmp/err"
rc=$?
if expect "unreadable inputs (validate)" 1 "mem.csv: fel: filen kunde inte öppnas: läsfel"; then
  if grep -q "borta.csv: fel: filen kunde inte öppnas: filen finns inte" "$tmp/out" &&
     grep -q "fifo.csv: fel: är ingen vanlig fil" "$tmp/out" &&
     grep -q "Filer: 5 lästa, 3 avvisade" "$tmp/out" &&
     grep -q "Rader: 17 lästa, 16 godkända, 1 avvisade" "$tmp/out"; then
    ok "unreadable inputs (validate): each named, the others read"
  else
    bad "unreadable inputs (validate)" "$(cat "$tmp/out")"
  fi
fi
fatal "unreadable inputs (report --strict)" "$out" "--strict: .* avvisades; inget har skrivits" \
  "$bin" report "$in" --strict --out "$out" --quiet
rm "$in/inrapportering/2025/mem.csv"
mv "$in/plan/mal.csv" "$in/plan/mal.bak"
ln -s /proc/self/mem "$in/plan/mal.csv"
fatal "unreadable plan file (report)" "$out" "planen är felaktig; inget har skrivits" \
  "$bin" report "$in" --out "$out" --quiet
rm "$in/plan/mal.csv"
fatal "missing plan file (report)" "$out" "planen är felaktig; inget har skrivits" \
  "$bin" report "$in" --out "$out" --quiet

echo "faults: $pass passed, $fail failed, $xfail known failures"
[ $fail = 0 ]
