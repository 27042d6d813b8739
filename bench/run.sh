#!/usr/bin/env bash
# uppfolj benchmark: builds uppfolj (Release) and the floor program, generates
# a synthetic input folder and times, in the same run:
#   cat (I/O floor), floor, uppfolj validate, uppfolj report (xlsx,csv),
#   uppfolj report (pdf) on the full and on a 1/10th-size workload; the
#   same submissions as .xlsx workbooks read by uppfolj's workbook reader
#   (uppfolj validate on them) beside openpyxl's read-only mode (bench/xlsx_peer.py);
#   and every output on one municipality (12 x 12 x 3) and on the full
#   workload, beside the peer (../shared/bench/peer_pandas.py: pandas, XlsxWriter,
#   matplotlib; Debian's packages, installed when missing).
#
# Usage:  bench/run.sh [--small]
#   --small   50 units x 12 indicators x 3 years (quick check)
#
# Environment:
#   BENCH_UNITS, BENCH_INDICATORS, BENCH_YEARS   workload (default 5000 x 12 x 10)
#   BENCH_REPS       runs per command, median reported (default 3)
#   BENCH_SEED       generator seed (default 1)
#   BENCH_TIMEOUT    seconds before one run is stopped (default 600)
#   BENCH_BUILD_DIR  CMake build directory (default build-bench, in the repo)
#   BENCH_UPPFOLJ    use this uppfolj binary instead of building one
#   BENCH_KEEP=1     keep the temporary work directory
#   BENCH_XLSX=0     skip the workbook part (generating it takes a while)
#   BENCH_PEER       the peer script (default ../shared/bench/peer_pandas.py);
#                    BENCH_PEER=none leaves the peer out
#   BENCH_PEER_REPS  runs of the peer on the full workload (default BENCH_REPS)
#   TMPDIR           where the work directory is created (default /tmp)
#
# It reports; it never asserts timing targets. Exit status is non-zero only
# when the build or the workload generation fails.

set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"

SMALL=0
for arg in "$@"; do
    case "$arg" in
        --small) SMALL=1 ;;
        -h|--help) sed -n '2,31p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: okänt argument: $arg (se --help)" >&2; exit 2 ;;
    esac
done

if [ "$SMALL" = 1 ]; then
    UNITS=50 INDICATORS=12 YEARS=3
else
    UNITS=${BENCH_UNITS:-5000}
    INDICATORS=${BENCH_INDICATORS:-12}
    YEARS=${BENCH_YEARS:-10}
fi
REPS=${BENCH_REPS:-3}
SEED=${BENCH_SEED:-1}
TIMEOUT=${BENCH_TIMEOUT:-600}
BUILD_DIR=${BENCH_BUILD_DIR:-build-bench}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
TENTH_UNITS=$(( UNITS / 10 )); [ "$TENTH_UNITS" -ge 1 ] || TENTH_UNITS=1
ROWS=$(( UNITS * INDICATORS * YEARS ))
TENTH_ROWS=$(( TENTH_UNITS * INDICATORS * YEARS ))

PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3 || true)
TIME=/usr/bin/time
if [ -z "$PY" ]; then echo "run.sh: python3 saknas" >&2; exit 1; fi
if [ ! -x "$TIME" ]; then echo "run.sh: $TIME saknas (apt-get install time)" >&2; exit 1; fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/uppfolj-bench.XXXXXX") || exit 1
# shellcheck disable=SC2317  # called via trap
cleanup() { if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "arbetskatalog kvar: $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }

say "uppfolj benchmark $(date '+%Y-%m-%d %H:%M:%S')"
say "maskin: $(nproc) kärnor, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')"
say "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
say "arbetslast: $UNITS enheter x $INDICATORS indikatorer x $YEARS år = $ROWS rader; $REPS körningar per kommando (median)"

# ---------------------------------------------------------------- build
EXIT=0
section "bygger uppfolj (Release)"
BUILD_OK=1
if [ -n "${BENCH_UPPFOLJ:-}" ]; then
    UPPFOLJ=$BENCH_UPPFOLJ
    say "använder BENCH_UPPFOLJ=$UPPFOLJ (bygger inte)"
else
    UPPFOLJ="$BUILD_DIR/uppfolj"
    if ( cd "$ROOT" && cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DUPPFOLJ_TESTS=OFF \
            && cmake --build "$BUILD_DIR" -j2 ) >"$WORK/build.log" 2>&1; then
        say "ok: $BUILD_DIR"
        if [ ! -x "$UPPFOLJ" ]; then
            found=$(find "$BUILD_DIR" -maxdepth 3 -type f -name uppfolj -perm -u+x 2>/dev/null | head -n1)
            [ -n "$found" ] && UPPFOLJ=$found
        fi
    else
        BUILD_OK=0
        EXIT=1
        say "BYGGET MISSLYCKADES (slutstatus blir 1); sista raderna:"
        tail -n 15 "$WORK/build.log" | sed 's/^/  | /'
    fi
fi
if [ -x "$UPPFOLJ" ]; then say "uppfolj: $UPPFOLJ"; else say "uppfolj: saknas ($UPPFOLJ)"; fi

section "bygger floor"
FLOOR="$WORK/floor"
if ! cc -O2 -o "$FLOOR" "$BENCH/floor.c" -lcsv -lxlsxwriter 2>"$WORK/floor-build.log"; then
    sed 's/^/  | /' "$WORK/floor-build.log"
    say "run.sh: floor gick inte att bygga" >&2
    exit 1
fi
say "ok: $FLOOR"

# ---------------------------------------------------------------- generate
section "genererar arbetslast"
DATA="$WORK/data"
TENTH="$WORK/data-tiondel"
gen_start=$(date +%s.%N)
if ! "$PY" "$BENCH/gen.py" "$DATA" --units "$UNITS" --indicators "$INDICATORS" \
        --years "$YEARS" --seed "$SEED"; then
    say "run.sh: genereringen misslyckades" >&2
    exit 1
fi
gen_end=$(date +%s.%N)
if ! "$PY" "$BENCH/gen.py" "$TENTH" --units "$TENTH_UNITS" --indicators "$INDICATORS" \
        --years "$YEARS" --seed "$SEED"; then
    say "run.sh: genereringen misslyckades" >&2
    exit 1
fi
MUNI="$WORK/data-kommun"
if ! "$PY" "$BENCH/gen.py" "$MUNI" --units 12 --indicators 12 --years 3 --seed "$SEED" >/dev/null; then
    say "run.sh: genereringen misslyckades" >&2
    exit 1
fi
say "genereringstid: $(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN{printf "%.2f s", b-a}')"
say "storlek: $(du -sh "$DATA/inrapportering" | cut -f1) i $(find "$DATA/inrapportering" -type f -name '*.csv' | wc -l) filer"

mapfile -t CSV_FILES < <(find "$DATA/inrapportering" -type f -name '*.csv' | LC_ALL=C sort)
got=$(( $(cat "${CSV_FILES[@]}" | wc -l) - ${#CSV_FILES[@]} ))
if [ "$got" -ne "$ROWS" ]; then
    say "run.sh: generatorn gav $got datarader, väntade $ROWS" >&2
    exit 1
fi

XLSX=${BENCH_XLSX:-1}
XLSX_DATA="$WORK/data-xlsx"
XLSX_FILES=()
if [ "$XLSX" = 1 ]; then
    if "$PY" -c 'import xlsxwriter, openpyxl' 2>/dev/null; then
        xlsx_start=$(date +%s.%N)
        if "$PY" "$BENCH/gen.py" "$XLSX_DATA" --units "$UNITS" --indicators "$INDICATORS" \
                --years "$YEARS" --seed "$SEED" --xlsx >/dev/null; then
            mapfile -t XLSX_FILES < <(find "$XLSX_DATA/inrapportering" -type f -name '*.xlsx' | LC_ALL=C sort)
            say "xlsx: ${#XLSX_FILES[@]} arbetsböcker, $(du -sh "$XLSX_DATA/inrapportering" | cut -f1), genererade på $(awk -v a="$xlsx_start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f s", b-a}')"
        else
            say "xlsx: genereringen misslyckades; hoppar över arbetsböckerna"
        fi
    else
        say "xlsx: python3-xlsxwriter eller python3-openpyxl saknas; hoppar över arbetsböckerna"
    fi
fi

# ---------------------------------------------------------------- the peer
# The script an analyst would write (pandas + XlsxWriter + matplotlib), from
# Debian's packages, installed as scripts/deps.sh installs the tests' tools.
PEER=${BENCH_PEER:-$ROOT/../shared/bench/peer_pandas.py}
[ "$PEER" = none ] || [ -f "$PEER" ] || PEER=/work/shared/bench/peer_pandas.py
peer_ready() { "$PY" -c 'import pandas, matplotlib, xlsxwriter' 2>/dev/null; }
if [ "$PEER" != none ] && [ -f "$PEER" ] && ! peer_ready; then
    section "installerar python3-pandas, python3-matplotlib, python3-xlsxwriter (jämförelsen)"
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            python3-pandas python3-matplotlib python3-xlsxwriter >"$WORK/apt.log" 2>&1; then
        tail -n 3 "$WORK/apt.log" | sed 's/^/  | /'
    fi
fi
if [ "$PEER" != none ] && [ -f "$PEER" ] && peer_ready; then
    say "jämförelse: $PEER"
else
    say "jämförelse: saknas (pandas, matplotlib eller xlsxwriter går inte att importera, eller ${PEER} finns inte)"
    PEER=none
fi

# ---------------------------------------------------------------- measure
declare -A WALL RSS NOTE CPU
ORDER=()

median() { sort -g | awk '{a[NR]=$1} END{ if (NR) print a[int((NR+1)/2)] }'; }

# measure KEY LABEL OKCODES STDOUT CLEANDIR -- CMD...
# Runs CMD $REPS times under /usr/bin/time; stops early if an exit status is
# not in OKCODES. CLEANDIR (may be empty) is removed before each run.
measure() {
    local key=$1 label=$2 ok=$3 out=$4 clean=$5; shift 6
    local i rc line w r u sy walls=() rsses=() cpus=()
    ORDER+=("$key"); NOTE[$key]=$label
    if [ ! -x "$1" ] && ! command -v "$1" >/dev/null 2>&1; then
        WALL[$key]=n/a; RSS[$key]=n/a; CPU[$key]=n/a; NOTE[$key]="$label|saknas"
        return
    fi
    for (( i = 1; i <= REPS; i++ )); do
        [ -n "$clean" ] && rm -rf "$clean"
        timeout -k 10 "$TIMEOUT" "$TIME" -f "%e %M %U %S" -o "$WORK/time.txt" "$@" \
            >"$out" 2>"$WORK/$key.err"
        rc=$?
        if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
            WALL[$key]=n/a; RSS[$key]=n/a; CPU[$key]=n/a; NOTE[$key]="$label|tidsgräns ${TIMEOUT}s"
            return
        fi
        if ! [[ " $ok " == *" $rc "* ]]; then
            local msg
            msg=$(grep -v -e '^Command exited' -e '^Command terminated' "$WORK/$key.err" | head -n1 | cut -c1-70)
            WALL[$key]=n/a; RSS[$key]=n/a; CPU[$key]=n/a
            if [ "$rc" = 127 ]; then
                NOTE[$key]="$label|saknas"
            else
                NOTE[$key]="$label|saknas/fel: exit $rc${msg:+: $msg}"
            fi
            return
        fi
        line=$(tail -n1 "$WORK/time.txt")
        read -r w r u sy <<<"$line" # wall, peak RSS, user and system CPU
        walls+=("$w"); rsses+=("$r"); cpus+=("$(awk -v u="$u" -v s="$sy" 'BEGIN{printf "%.2f", u+s}')")
        [ "$rc" = 0 ] || NOTE[$key]="$label|exit $rc"
    done
    WALL[$key]=$(printf '%s\n' "${walls[@]}" | median)
    CPU[$key]=$(printf '%s\n' "${cpus[@]}" | median)
    local maxkb
    maxkb=$(printf '%s\n' "${rsses[@]}" | sort -g | tail -n1)
    RSS[$key]=$(awk -v k="$maxkb" 'BEGIN{printf "%.1f", k/1024}')
}

section "mäter"
cat "${CSV_FILES[@]}" >/dev/null   # warm the page cache once, untimed

say "cat ..."
measure cat "cat (I/O-golv)" "0" /dev/null "" -- cat "${CSV_FILES[@]}"
say "floor ..."
measure floor "floor" "0" "$WORK/floor.out" "$WORK/out-floor" -- \
    "$FLOOR" "$DATA" "$WORK/out-floor"
say "uppfolj validate ..."
measure validate "uppfolj validate" "0 1" "$WORK/validate.out" "" -- \
    "$UPPFOLJ" validate "$DATA"
say "uppfolj report xlsx,csv ..."
measure report "uppfolj report xlsx,csv" "0 1" "$WORK/report.out" "$WORK/out-report" -- \
    "$UPPFOLJ" report "$DATA" --out "$WORK/out-report" --format xlsx,csv
# The board report alone, on the full and the 1/10 workload; its drawing time
# is the run's time less validate's on the same input.
say "uppfolj report styrelserapport ..."
measure pdf "uppfolj report styrelserapport" "0 1" "$WORK/pdf.out" "$WORK/out-pdf" -- \
    "$UPPFOLJ" report "$DATA" --out "$WORK/out-pdf" --format styrelserapport
say "uppfolj validate (1/10) ..."
measure validate10 "uppfolj validate (1/10: $TENTH_ROWS rader)" "0 1" "$WORK/validate10.out" "" -- \
    "$UPPFOLJ" validate "$TENTH"
say "uppfolj report styrelserapport (1/10) ..."
measure pdf10 "uppfolj report styrelserapport (1/10: $TENTH_ROWS rader)" "0 1" "$WORK/pdf10.out" "$WORK/out-pdf10" -- \
    "$UPPFOLJ" report "$TENTH" --out "$WORK/out-pdf10" --format styrelserapport
say "uppfolj report pdf, alla (1/10) ..."
measure pdfall10 "uppfolj report pdf alla (1/10: $TENTH_ROWS rader)" "0 1" "$WORK/pdfall10.out" "$WORK/out-pdfall10" -- \
    "$UPPFOLJ" report "$TENTH" --out "$WORK/out-pdfall10" --format pdf
# Workbooks: rows per second by CPU time (the machine may be shared; wall
# time is shown too). The peer runs once: it is slow.
XLSX_OURS="" XLSX_OURS_LINE="" XLSX_PAR_LINE="" XLSX_PEER=""
if [ ${#XLSX_FILES[@]} -gt 0 ]; then
    say "uppfolj validate, arbetsböcker ..."
    cat "${XLSX_FILES[@]}" >/dev/null
    measure xlsx "uppfolj validate xlsx ($ROWS rader)" "0 1" "$WORK/xlsx.out" "" -- \
        "$UPPFOLJ" validate "$XLSX_DATA" --quiet
    # CPU time from more runs: the machine may be shared. Rows per second
    # by CPU come from --jobs 1 (one thread, like openpyxl); the default
    # run reads the workbooks on every core (validate.c), and its CPU time
    # over the cores is what an idle machine would take, at best.
    cores=$(nproc)
    if "$TIME" -f "%e %U %S" -o "$WORK/xlsx-cpu1.txt" "$UPPFOLJ" validate "$XLSX_DATA" --quiet --jobs 1 >/dev/null 2>&1 ||
        [ $? = 1 ]; then
        read -r xw xu xs < <(tail -n1 "$WORK/xlsx-cpu1.txt")
        xcpu=$(awk -v u="$xu" -v s="$xs" 'BEGIN{printf "%.2f", u+s}')
        XLSX_OURS=$(awk -v r="$ROWS" -v c="$xcpu" 'BEGIN{ if (c > 0) printf "%.0f", r/c; else print "n/a" }')
        XLSX_OURS_LINE="validate --jobs 1: $ROWS rader i $xw s vägg, $xcpu s CPU (user $xu + sys $xs), $XLSX_OURS rader/s CPU (last $(cut -d' ' -f1-3 /proc/loadavg))"
    fi
    if "$TIME" -f "%e %U %S" -o "$WORK/xlsx-cpu.txt" "$UPPFOLJ" validate "$XLSX_DATA" --quiet >/dev/null 2>&1 ||
        [ $? = 1 ]; then
        read -r pw pu ps < <(tail -n1 "$WORK/xlsx-cpu.txt")
        pcpu=$(awk -v u="$pu" -v s="$ps" 'BEGIN{printf "%.2f", u+s}')
        XLSX_PAR_LINE="validate --jobs $cores: $pw s vägg, $pcpu s CPU (user $pu + sys $ps), på en ledig maskin omkring $(awk -v c="$pcpu" -v n="$cores" 'BEGIN{printf "%.2f", c/n}') s (CPU / $cores kärnor) (last $(cut -d' ' -f1-3 /proc/loadavg))"
    fi
    say "openpyxl read-only (en körning) ..."
    XLSX_PEER_LINE=$(timeout -k 10 "$TIMEOUT" "$PY" "$BENCH/xlsx_peer.py" "${XLSX_FILES[@]}" 2>&1 | tail -n1)
    XLSX_PEER=$(echo "$XLSX_PEER_LINE" | grep -o '[0-9]* rows/s CPU' | cut -d' ' -f1)
fi

# Every output, beside the peer: one municipality and the full workload.
say "uppfolj report, alla utdata (en kommun) ..."
measure muni "uppfolj alla utdata (kommun 12x12x3)" "0 1" /dev/null "$WORK/out-muni" -- \
    "$UPPFOLJ" report "$MUNI" --out "$WORK/out-muni"
say "uppfolj report, alla utdata ..."
measure all "uppfolj alla utdata" "0 1" /dev/null "$WORK/out-all" -- \
    "$UPPFOLJ" report "$DATA" --out "$WORK/out-all"
say "uppfolj report xlsx,csv,styrelserapport ..."
measure wcb "uppfolj xlsx,csv,styrelserapport" "0 1" /dev/null "$WORK/out-wcb" -- \
    "$UPPFOLJ" report "$DATA" --out "$WORK/out-wcb" --format xlsx,csv,styrelserapport
if [ "$PEER" != none ]; then
    say "jämförelsen (en kommun) ..."
    measure peer_muni "jämförelse pandas (kommun 12x12x3)" "0" /dev/null "$WORK/out-peer-muni" -- \
        "$PY" "$PEER" "$MUNI" "$WORK/out-peer-muni"
    say "jämförelsen ..."
    saved_reps=$REPS; REPS=${BENCH_PEER_REPS:-$REPS}
    measure peer "jämförelse pandas" "0" /dev/null "$WORK/out-peer" -- \
        "$PY" "$PEER" "$DATA" "$WORK/out-peer"
    REPS=$saved_reps
fi

# ---------------------------------------------------------------- report
isnum() { [[ "${1:-}" =~ ^[0-9]+(\.[0-9]+)?$ ]]; }
u() { if isnum "$1"; then printf '%s %s' "$1" "$2"; else printf 'n/a'; fi; }  # value with unit
ratio() {  # ratio A B -> A/B with 2 decimals, or n/a
    if isnum "$1" && isnum "$2" && awk -v b="$2" 'BEGIN{exit !(b > 0)}'; then
        awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'
    else
        printf 'n/a'
    fi
}

section "resultat ($ROWS rader, median av $REPS)"
printf '%-42s %9s %9s %12s %8s  %s\n' "kommando" "vägg s" "CPU s" "topp-RSS MB" "/floor" "anm."
for key in "${ORDER[@]}"; do
    label=${NOTE[$key]%%|*}
    note=""; [[ "${NOTE[$key]}" == *"|"* ]] && note=${NOTE[$key]#*|}
    printf '%-42s %9s %9s %12s %8s  %s\n' "$label" "${WALL[$key]}" "${CPU[$key]:-n/a}" "${RSS[$key]}" \
        "$(ratio "${WALL[$key]}" "${WALL[floor]}")" "$note"
done

for d in out-report out-pdf; do
    if [ -d "$WORK/$d" ]; then
        files=$(cd "$WORK/$d" && find . -type f -printf '%P (%s B)\n' | LC_ALL=C sort | head -n 6 | paste -sd ',' - | sed 's/,/, /g')
        n=$(find "$WORK/$d" -type f | wc -l)
        say "$d skrev $n filer: $files"
    fi
done

section "sammanfattning"
[ "$SMALL" = 1 ] && say "(--small: målen gäller full arbetslast, 5000 x 12 x 10)"
say "cat (I/O-golv): $(u "${WALL[cat]}" s)"
say "floor: $(u "${WALL[floor]}" s), $(u "${RSS[floor]}" MB)"
say "report/floor ratio: $(ratio "${WALL[report]}" "${WALL[floor]}") (target <= 1.5)"
if isnum "${WALL[validate]}"; then
    say "validate: ${WALL[validate]} s (target < 1 s)"
    rps=$(awk -v r="$ROWS" -v w="${WALL[validate]}" 'BEGIN{ if (w > 0) printf "%.0f", r/w; else print "n/a" }')
    say "validate rows/s: $rps"
else
    say "validate: n/a (target < 1 s)"
    say "validate rows/s: n/a"
fi
say "peak RSS report: $(u "${RSS[report]}" MB) (target < 300 MB)"
if [ -n "$XLSX_OURS_LINE" ]; then
    say "xlsx uppfolj: $XLSX_OURS_LINE"
    say "xlsx uppfolj: ${XLSX_PAR_LINE:-n/a}"
    say "xlsx openpyxl read-only: ${XLSX_PEER_LINE:-n/a}"
    say "xlsx rows/s (CPU): uppfolj validate $XLSX_OURS, openpyxl read-only ${XLSX_PEER:-n/a}, ratio $(ratio "$XLSX_OURS" "${XLSX_PEER:-}") (target >= 10)"
    say "xlsx validate: ${WALL[xlsx]} s vägg (target < 2 s)"
fi
say "peak RSS validate: $(u "${RSS[validate]}" MB)"
draw=$(awk -v a="${WALL[pdf]}" -v b="${WALL[validate]}" 'BEGIN{ if (a+0 > 0) printf "%.2f", a-b; else print "n/a" }')
draw10=$(awk -v a="${WALL[pdf10]}" -v b="${WALL[validate10]}" 'BEGIN{ if (a+0 > 0) printf "%.2f", a-b; else print "n/a" }')
say "styrelserapport: $(u "${WALL[pdf]}" s) ($ROWS rader), $(u "${WALL[pdf10]}" s) ($TENTH_ROWS rader)"
say "styrelserapport utan inläsning (report - validate): $draw s ($ROWS rader), $draw10 s ($TENTH_ROWS rader) (target: växer inte med raderna)"

# "Nx" = the peer's time / uppfolj's: how many times faster uppfolj is.
faster() { local r; r=$(ratio "$1" "$2"); [ "$r" = n/a ] && printf 'n/a' || printf '%sx' "$r"; }
say "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) kärnor)"
say "kommun, alla utdata: $(u "${WALL[muni]:-}" s) (CPU $(u "${CPU[muni]:-}" s)) mot jämförelsen $(u "${WALL[peer_muni]:-}" s) (CPU $(u "${CPU[peer_muni]:-}" s)): $(faster "${WALL[peer_muni]:-}" "${WALL[muni]:-}") snabbare (target <= 0.1 s, >= 15x)"
say "nationellt, alla utdata: $(u "${WALL[all]:-}" s) (CPU $(u "${CPU[all]:-}" s)) mot jämförelsen $(u "${WALL[peer]:-}" s) (CPU $(u "${CPU[peer]:-}" s)): $(faster "${WALL[peer]:-}" "${WALL[all]:-}") snabbare (target <= 8 s, >= 4x)"
say "nationellt, arbetsbok + CSV + styrelserapport: $(u "${WALL[wcb]:-}" s) (CPU $(u "${CPU[wcb]:-}" s)): $(faster "${WALL[peer]:-}" "${WALL[wcb]:-}") snabbare än jämförelsen (target >= 8x)"
say "arbetsbok + CSV mot floor: $(ratio "${WALL[report]}" "${WALL[floor]}") (vakt: högst 2.1)"
peak=$(printf '%s\n' "${RSS[report]:-}" "${RSS[all]:-}" "${RSS[wcb]:-}" | grep -E '^[0-9.]+$' | sort -g | tail -n1)
say "topp-RSS, alla utdata: $(u "${RSS[all]:-}" MB); största av uppfolj-körningarna: $(u "$peak" MB) (target < 300 MB)"
[ "$BUILD_OK" = 1 ] || say "OBS: bygget av uppfolj misslyckades, se ovan; slutstatus 1"

exit "$EXIT"
