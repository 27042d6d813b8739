#!/usr/bin/env bash
# The output stage of `uppfolj report` (issue 14): one run at a time per
# folder, commits that signals cannot cut, temporary files never left
# behind, a damaged workbook never kept, stale outputs retired through the
# manifest, and the small points (--out "", --out inside inrapportering/,
# the umask, SIGPIPE, memory).
#
#   output.sh UPPFOLJ SLOWFS.so [SANITIZED(0|1)] [PART...]
#
# PART is any of: regress concurrency signals (default: all). SLOWFS.so is
# tests/hardening/slowfs.c (LD_PRELOAD: slow renames and mkstemp, so that
# the narrow moments can be hit on purpose). Each regression names the case
# of issue 14 it guards; each fails on the code before the fix.
set -uo pipefail
bin=$(realpath "$1") slowfs=$(realpath "$2") san=${3:-0}
shift 3 2>/dev/null || shift $#
parts=${*:-regress concurrency signals}
root=$(cd "$(dirname "$0")/../.." && pwd)
fixture=$root/tests/fixtures/report/inputs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
export SOURCE_DATE_EPOCH=1767225600

ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1: $2"; [ -s "$tmp/err" ] && sed 's/^/      stderr: /' "$tmp/err" | head -5; }
skipped() { skip=$((skip + 1)); echo "skip  $1: $2"; }
part() { [[ " $parts " == *" $1 "* ]]; }

# Runs a command with the slow file system, in place of this (sub)shell:
# call it as ( exec_slow ... ) & so that $! is the run itself, which the
# signal tests signal.
exec_slow() {
  if [ "$san" = 1 ]; then
    exec env ASAN_OPTIONS="verify_asan_link_order=0:${ASAN_OPTIONS:-}" LD_PRELOAD="$slowfs" "$@"
  else
    exec env LD_PRELOAD="$slowfs" "$@"
  fi
}

# Every file below a folder with its checksum, leaving out the lock file.
snapshot() { (cd "$1" && find . -type f ! -name .uppfolj-las | sort | xargs -r sha256sum); }

no_temps() { # NAME DIR
  local temps
  temps=$(find "$2" -name '.*.??????' 2>/dev/null)
  [ -z "$temps" ] && return 0
  bad "$1" "temporary files left behind: $temps"
  return 1
}

# The outputs below a folder with their checksums, without the lock and
# the manifest: a run's set, comparable byte for byte with a reference
# (SOURCE_DATE_EPOCH makes runs byte-identical).
set_of() { (cd "$1" && find . -type f ! -name '.uppfolj-*' | sort | xargs -r sha256sum); }

# The folder holds exactly one reference set, and (after this fix) a
# manifest that lists exactly its files.
whole_set() { # DIR REF-FILE
  [ "$(set_of "$1")" = "$(cat "$2")" ] || return 1
  [ -f "$1/.uppfolj-utdata" ] || return 0 # the code before the fix writes none
  [ "$(grep -v '^#' "$1/.uppfolj-utdata" | cut -d' ' -f3- | sort)" = "$(awk '{print substr($2, 3)}' "$2" | sort)" ]
}

out=$tmp/reports
# Charts left out where runs repeat (they take most of a run's time).
fmt=xlsx,csv,styrelserapport,enheter
report=("$bin" report "$fixture" --out "$out" --quiet --format $fmt)
# Reference sets: the fixture at two dates, and other figures.
cp -r "$fixture" "$tmp/other"
sed -i 's/^2025;b;projekt;[0-9]*/&1/' "$tmp/other/inrapportering/2025/alla.csv"
reference() { # NAME EPOCH INPUTS
  rm -rf "$tmp/ref"
  SOURCE_DATE_EPOCH=$2 "$bin" report "$3" --out "$tmp/ref" --quiet --format $fmt >/dev/null 2>&1
  set_of "$tmp/ref" >"$tmp/$1.ref"
  [ -s "$tmp/$1.ref" ] || { echo "FAIL  the reference report ($1) could not be written"; exit 1; }
}
reference new 1704067200 "$fixture"
reference other 1704067200 "$tmp/other"
reference earlier 1735689600 "$fixture"
[ "$(cat "$tmp/new.ref")" != "$(cat "$tmp/other.ref")" ] || { echo "FAIL  the two inputs give the same set"; exit 1; }
new_run=(env SOURCE_DATE_EPOCH=1704067200 "${report[@]}")

earlier_set() { # a complete earlier run, with another date
  rm -rf "$out"
  SOURCE_DATE_EPOCH=1735689600 "${report[@]}" >/dev/null 2>&1
  snapshot "$out" >"$tmp/earlier.sum"
}

if part regress; then
# ---- case 11: --out "" (read a byte past a heap buffer) ----
mkdir -p "$tmp/cwd"
for arg in '--out=' '--out ""'; do
  (cd "$tmp/cwd" && eval "\"$bin\" report \"$fixture\" $arg --quiet") >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc = 2 ] && grep -q -- '--out kräver en mapp' "$tmp/err" && [ -z "$(ls -A "$tmp/cwd")" ]; then
    ok "case 11: $arg is a usage error"
  else
    bad "case 11: $arg" "exit $rc, files: $(ls -A "$tmp/cwd" | tr '\n' ' ')"
  fi
done

# ---- point 15: --out inside inrapportering/ ----
in=$tmp/inputs
cp -r "$fixture" "$in"
ln -s "$in/inrapportering" "$tmp/subs-link"
before=$(find "$in" | sort)
for o in "$in/inrapportering/rapporter" "$in/inrapportering" "$tmp/subs-link/ny/mapp"; do
  "$bin" report "$in" --out "$o" --quiet >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc = 2 ] && grep -q 'ligger i inrapporteringsmappen' "$tmp/err" && [ "$(find "$in" | sort)" = "$before" ]; then
    ok "point 15: --out $o (inside inrapportering/) is refused, nothing written"
  else
    bad "point 15: --out $o" "exit $rc"
  fi
done

# ---- point 15: the umask ----
rm -rf "$out"
(umask 027 && "$bin" report "$fixture" --out "$out" --quiet --format xlsx,csv,diagram >/dev/null 2>&1)
modes=$(find "$out" -type f ! -name '.uppfolj-las' -printf '%m\n' | sort -u | tr '\n' ' ')
if [ "$modes" = "640 " ]; then
  ok "point 15: outputs follow the umask (027: $modes)"
else
  bad "point 15: the umask" "umask 027 gave modes $modes"
fi

# ---- point 15: SIGPIPE (| less quit early) ----
# Many rejected rows make more than a pipe's buffer of messages, written
# before the reports; the reader is gone before the run starts.
cp -r "$fixture" "$tmp/noisy"
for i in $(seq 1 400); do echo "2025;a;okand-$i;1;;"; done >>"$tmp/noisy/inrapportering/2025/alla.csv"
rm -rf "$out"
{ sleep 0.3; "$bin" report "$tmp/noisy" --out "$out" --format xlsx,csv 2>"$tmp/err"; echo $? >"$tmp/rc"; } | true
rc=$(cat "$tmp/rc")
if [ "$rc" = 1 ] && [ -f "$out/uppfoljning-2025.xlsx" ] && [ -f "$out/sammanstallning-2025.csv" ]; then
  ok "point 15: a closed stdout (| less, quit) does not stop the reports (exit $rc)"
else
  bad "point 15: SIGPIPE" "exit $rc, wrote: $(ls "$out" 2>/dev/null | tr '\n' ' ')"
fi

# ---- case 4: a full TMPDIR ----
full_tmpdir_run() {
  local t=$tmp/fulltmp
  mkdir -p "$t"
  mount -t tmpfs -o size=256k,nr_inodes=64 tmpfs "$t" 2>/dev/null || exit 77
  dd if=/dev/zero of="$t/fyllning" bs=4k 2>/dev/null
  TMPDIR=$t "${report[@]}" --format xlsx,csv >"$tmp/out" 2>"$tmp/err"
  echo $? >"$tmp/rc"
  umount "$t"
}
earlier_set
how=""
if (full_tmpdir_run) 2>/dev/null; then how=mount
elif unshare -m true 2>/dev/null && unshare -m bash -c "$(declare -f full_tmpdir_run); $(declare -p tmp report); full_tmpdir_run"; then how="unshare -m"
fi
if [ -z "$how" ]; then
  skipped "case 4: a full TMPDIR" "neither mount nor unshare -m may mount a tmpfs here (not root, or no CAP_SYS_ADMIN)"
else
  rc=$(cat "$tmp/rc")
  if [ "$rc" = 2 ] && grep -q 'arbetsboken blev ofullständig' "$tmp/err" && [ "$(snapshot "$out")" = "$(cat "$tmp/earlier.sum")" ] &&
     no_temps "case 4" "$out"; then
    ok "case 4: a full TMPDIR ($how): exit 2, message, the earlier report untouched"
  else
    bad "case 4: a full TMPDIR ($how)" "exit $rc, earlier report $( [ "$(snapshot "$out")" = "$(cat "$tmp/earlier.sum")" ] && echo intact || echo changed)"
  fi
fi

# ---- case 6: a second run while the first commits ----
earlier_set
rm -f "$tmp/mark"
# Seven renames of 1 s: the first run holds the folder for 7 s.
(exec_slow env UF_SLOW_MATCH="$out/" UF_SLOW_RENAME_MS=1000 UF_SLOW_MARK="$tmp/mark" "${new_run[@]}" >/dev/null 2>"$tmp/err1") &
first=$!
for _ in $(seq 1 200); do [ -f "$tmp/mark" ] && break; sleep 0.05; done
start=$(date +%s%N)
"$bin" report "$tmp/other" --out "$out" --quiet --format $fmt >"$tmp/out" 2>"$tmp/err"
rc=$?
waited=$((($(date +%s%N) - start) / 1000000))
wait $first
rc1=$?
if [ $rc = 2 ] && grep -q 'en annan körning skriver redan till' "$tmp/err" && [ $rc1 = 1 ] && whole_set "$out" "$tmp/new.ref" &&
   [ $waited -ge 4000 ]; then
  ok "case 6: a second run waited ${waited} ms, then stopped with a message; the first run's set is whole"
else
  bad "case 6: two runs" "second exit $rc after $waited ms, first exit $rc1, set whole: $(whole_set "$out" "$tmp/new.ref" && echo yes || echo no)"
fi

# ---- case 7: a signal in the middle of the rename phase ----
# signal_at_mark SIG DELAY VAR=VALUE...: over an earlier set, a new run with
# the slow file system set by the VARs; SIG is sent DELAY seconds after the
# slowed moment has come. Sets rc.
signal_at_mark() {
  local sig=$1 delay=$2 pid
  shift 2
  earlier_set
  rm -f "$tmp/mark"
  (exec_slow env UF_SLOW_MARK="$tmp/mark" "$@" "${new_run[@]}" >/dev/null 2>"$tmp/err") &
  pid=$!
  for _ in $(seq 1 200); do [ -f "$tmp/mark" ] && break; sleep 0.02; done
  sleep "$delay"
  kill -s "$sig" $pid
  wait $pid
  rc=$?
}

for sig in INT TERM HUP; do
  signal_at_mark $sig 0.25 UF_SLOW_MATCH="$out/" UF_SLOW_RENAME_MS=150 # past the second rename
  if [ "$(snapshot "$out")" = "$(cat "$tmp/earlier.sum")" ] || whole_set "$out" "$tmp/new.ref"; then
    no_temps "case 7: SIG$sig during the renames" "$out" && ok "case 7: SIG$sig during the renames: one whole set, no temporary file"
  else
    bad "case 7: SIG$sig during the renames" "a mix of two runs: $(cd "$out" && ls -la --time-style=+%T | tail -n +2 | awk '{print $6, $7}' | tr '\n' ' ')"
  fi
done

# Leftovers of a killed run that carry this run's names are removed; other
# hidden files, and a user's own file, stay.
earlier_set
touch "$out/.uppfoljning-2025.xlsx.Ab12Cd" "$out/enheter/.a.pdf.xY34zW" "$out/.anteckning.txt.Qq99Rr" "$out/egen.txt"
"${report[@]}" >/dev/null 2>&1
if [ ! -e "$out/.uppfoljning-2025.xlsx.Ab12Cd" ] && [ ! -e "$out/enheter/.a.pdf.xY34zW" ] &&
   [ -e "$out/.anteckning.txt.Qq99Rr" ] && [ -e "$out/egen.txt" ]; then
  ok "case 7: leftovers (.NAME.XXXXXX) of earlier runs with this run's names removed, other files kept"
else
  bad "case 7: leftovers" "$(cd "$out" && find . -name '.*' | tr '\n' ' ')"
fi

# ---- case 8: a signal between mkstemp and the cleanup list ----
for sig in TERM INT HUP; do
  signal_at_mark $sig 0 UF_SLOW_MATCH="$out/enheter/" UF_SLOW_MKSTEMP_MS=800
  if [ "$(snapshot "$out")" = "$(cat "$tmp/earlier.sum")" ]; then
    no_temps "case 8: SIG$sig right after mkstemp" "$out" &&
      ok "case 8: SIG$sig right after a unit PDF's mkstemp: no temporary file, earlier set intact (exit $rc)"
  else
    bad "case 8: SIG$sig right after mkstemp" "the earlier set changed"
  fi
done

# ---- case 10: stale outputs after a unit is renamed ----
cp -r "$fixture" "$tmp/renamed"
sed -i 's/^a;/ny-a;/' "$tmp/renamed/plan/enheter.csv"
sed -i 's/;projekt;a;/;projekt;ny-a;/' "$tmp/renamed/plan/malvarden.csv"
sed -i 's/^\([0-9]*\);a;/\1;ny-a;/' "$tmp/renamed"/inrapportering/*/alla.csv
rm -rf "$out"
"$bin" report "$fixture" --out "$out" --quiet >/dev/null 2>&1
touch "$out/egen-anteckning.txt"
cp "$out/diagram/projekt.png" "$tmp/projekt.png"
touch -d '2020-01-01' "$out/diagram/projekt.png" # changed by someone since: not ours to remove
"$bin" report "$tmp/renamed" --out "$out" --quiet --format xlsx,csv,styrelserapport,enheter >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && [ ! -e "$out/enheter/a.pdf" ] && [ -e "$out/enheter/ny-a.pdf" ] && [ -e "$out/diagram/andel.png" ] &&
   [ -e "$out/egen-anteckning.txt" ] && [ -e "$out/diagram/projekt.png" ] &&
   grep -q 'enheter/ny-a.pdf' "$out/.uppfolj-utdata" && ! grep -q 'enheter/a.pdf' "$out/.uppfolj-utdata" &&
   grep -q 'diagram/andel.png' "$out/.uppfolj-utdata"; then
  ok "case 10: enheter/a.pdf of the earlier run removed after a rename; diagrams this run did not write kept and still listed; a user's file and a changed file kept"
else
  bad "case 10: stale outputs" "exit $rc; left: $(cd "$out" && find . -type f | sort | tr '\n' ' ')"
fi
# A later full run retires the charts of the old unit names too, as they are
# listed still; nothing of the first run's enheter/ remains.
"$bin" report "$tmp/renamed" --out "$out" --quiet >/dev/null 2>"$tmp/err"
if [ ! -e "$out/enheter/a.pdf" ] && [ -e "$out/diagram/andel.png" ] && [ -e "$out/egen-anteckning.txt" ]; then
  ok "case 10: a full run after a partial one keeps what it writes again"
else
  bad "case 10: full run after a partial one" "left: $(cd "$out" && find . -type f | sort | tr '\n' ' ')"
fi

# ---- cases 9 and 14: memory ----
wide_plan() { # DIR UNITS: the fixture with many more units, a handful of rows
  mkdir -p "$1/plan" "$1/inrapportering"
  cp "$fixture"/plan/{indikatorer,mal,malvarden,partners}.csv "$1/plan/"
  cp "$fixture"/inrapportering/2025/alla.csv "$1/inrapportering/"
  { echo 'id;namn;typ'; echo 'a;Förvaltning A;förvaltning'; echo 'b;Förvaltning B;förvaltning'; echo 'c;Bolag C;bolag'
    seq 1 "$2" | sed 's/.*/u&;Enhet &;förvaltning/'; } >"$1/plan/enheter.csv"
}
if [ "$san" = 1 ]; then
  skipped "case 14: a wide plan under ulimit -v" "ulimit -v and ASan's shadow memory do not mix"
  skipped "case 9: out of memory inside libxlsxwriter" "ulimit -v and ASan's shadow memory do not mix"
else
  # 40 000 units and 18 rows: cells, not rows, choose the row-by-row mode.
  # Before, the workbook held all 2.4 million cells and crashed in 150 MB.
  wide_plan "$tmp/wide" 40000
  rm -rf "$out"
  bash -c 'ulimit -v 150000; exec "$@"' _ "$bin" report "$tmp/wide" --out "$out" --format xlsx --quiet >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc = 1 ] && python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None' "$out/uppfoljning-2025.xlsx"; then
    ok "case 14: 40 003 units and 18 rows written in 150 MB (row by row)"
  else
    bad "case 14: a wide plan under ulimit -v 150000" "exit $rc"
  fi
  # 12 000 units stay below the switch (held in memory): squeezed until
  # libxlsxwriter's own malloc fails, the run ends with the message and
  # status 2, no crash, the earlier set intact, no temporary file. Before,
  # each of these limits ended in a segmentation fault.
  wide_plan "$tmp/wide12" 12000
  crashes=0 wrong=0 clean=0
  for limit in 55000 60000; do
    earlier_set
    bash -c 'ulimit -v '$limit'; exec "$@"' _ "$bin" report "$tmp/wide12" --out "$out" --format xlsx,csv --quiet >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -gt 128 ]; then crashes=$((crashes + 1))
    elif [ $rc = 2 ] && grep -q 'minnet räckte inte' "$tmp/err" && [ "$(snapshot "$out")" = "$(cat "$tmp/earlier.sum")" ] &&
         no_temps "case 9 at $limit kB" "$out"; then clean=$((clean + 1))
    elif [ $rc != 1 ]; then wrong=$((wrong + 1)); bad "case 9 at $limit kB" "exit $rc"
    fi
  done
  if [ $crashes = 0 ] && [ $wrong = 0 ] && [ $clean -gt 0 ]; then
    ok "case 9: out of memory in libxlsxwriter (55 and 60 MB): $clean clean exits 2 (minnet räckte inte), no crash"
  else
    bad "case 9: out of memory in libxlsxwriter" "$crashes crashes, $wrong wrong exits, $clean clean"
  fi
fi
fi # regress

# ---- two runs into one folder, 20 times ----
# The second run starts when the first begins its renames (slowed to
# 0.1 s each), so that without the lock their renames interleave.
if part concurrency; then
  mixed=0 locked=0
  for i in $(seq 1 20); do
    rm -rf "$out" "$tmp/mark"
    (exec_slow env UF_SLOW_MATCH="$out/" UF_SLOW_RENAME_MS=100 UF_SLOW_MARK="$tmp/mark" "${new_run[@]}" >/dev/null 2>"$tmp/err1") &
    a=$!
    for _ in $(seq 1 200); do [ -f "$tmp/mark" ] && break; sleep 0.01; done
    SOURCE_DATE_EPOCH=1704067200 "$bin" report "$tmp/other" --out "$out" --quiet --format $fmt >/dev/null 2>"$tmp/err2"
    rb=$?
    wait $a; ra=$?
    { [ $ra = 2 ] || [ $rb = 2 ]; } && locked=$((locked + 1))
    if ! { whole_set "$out" "$tmp/new.ref" || whole_set "$out" "$tmp/other.ref"; } || ! no_temps "concurrency trial $i" "$out"; then
      mixed=$((mixed + 1))
    fi
  done
  if [ $mixed = 0 ]; then
    ok "concurrency: 20 trials of two runs into one folder, each time exactly one run's whole set ($locked times one run gave way)"
  else
    bad "concurrency" "$mixed of 20 trials left a folder that is not one run's whole set"
  fi
fi

# ---- the signal sweep ----
# SIGINT, SIGTERM and SIGHUP at moments spread over a whole run (renames
# slowed a little so that the commit is part of the sweep): each time the
# earlier set intact or the new set whole, and no temporary file.
if part signals; then
  broken=0 trials=0 earlier_kept=0 new_whole=0
  for sig in INT TERM HUP; do
    for ms in 30 90 150 210 270 330 400 500; do
      earlier_set
      (exec_slow env UF_SLOW_MATCH="$out/" UF_SLOW_RENAME_MS=20 "${new_run[@]}" >/dev/null 2>"$tmp/err") &
      pid=$!
      sleep "$(printf '0.%03d' $ms)"
      kill -s $sig $pid 2>/dev/null
      wait $pid
      trials=$((trials + 1))
      if [ "$(snapshot "$out")" = "$(cat "$tmp/earlier.sum")" ]; then
        earlier_kept=$((earlier_kept + 1))
      elif whole_set "$out" "$tmp/new.ref"; then
        new_whole=$((new_whole + 1))
      else
        broken=$((broken + 1))
        bad "SIG$sig after $ms ms" "neither the earlier set nor a whole new one: $(diff <(snapshot "$out") "$tmp/earlier.sum" | grep '^[<>]' | tr '\n' ' ')"
        continue
      fi
      no_temps "SIG$sig after $ms ms" "$out" || broken=$((broken + 1))
    done
  done
  [ $broken = 0 ] &&
    ok "signal sweep: $trials signals (INT, TERM, HUP): $earlier_kept times the earlier set intact, $new_whole times the new set whole, no temporary file"
fi

echo "output: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
