#!/usr/bin/env bash
# Runs one data-driven case: CASE/cmd holds the arguments (one line, INPUTS
# stands for CASE/inputs, OUT for a fresh output folder); the binary's stdout,
# stderr and exit status must equal CASE/expected.{out,err,rc}.
# An executable CASE/setup, when present, gets a scratch copy of CASE/inputs
# to add what git cannot hold (FIFOs, huge files, unreadable files); INPUTS
# then stands for that copy, and paths in it are shown as inputs/... too.
# UPDATE=1 writes the expected files instead of comparing.
set -uo pipefail
bin=$1 case=$2
out=$(mktemp -d)
trap 'chmod -R u+rwx "$out" 2>/dev/null; rm -rf "$out"' EXIT
inputs=$case/inputs
if [ -x "$case/setup" ]; then
  mkdir -p "$out/case/inputs"
  if [ -d "$case/inputs" ]; then cp -a "$case/inputs/." "$out/case/inputs/"; fi
  if ! "$case/setup" "$out/case/inputs"; then
    echo "case $(basename "$case"): setup failed" >&2
    exit 1
  fi
  inputs=$out/case/inputs
fi
args=$(sed -e "s#INPUTS#$inputs#g" -e "s#OUT#$out/reports#g" "$case/cmd")
cd "$case"
# shellcheck disable=SC2086
"$bin" $args >"$out/stdout" 2>"$out/stderr"
echo $? >"$out/rc"
# Paths are shown relative to the case folder.
sed -i -e "s#$out/case/##g" -e "s#$case/##g" -e "s#$out/#OUT/#g" "$out/stdout" "$out/stderr"
# Every row read is accepted or rejected: check the printed counts.
counts=$(sed -n -E 's/^(Rader|Rows): ([0-9 ,]+) [a-zä]+, ([0-9 ,]+) [a-zä]+, ([0-9 ,]+) [a-zä]+.*/\2:\3:\4/p' "$out/stdout" | tr -d ' ,')
if [ -n "$counts" ]; then
  IFS=: read -r nread naccepted nrejected <<<"$counts"
  if [ "$nread" -ne $((naccepted + nrejected)) ]; then
    echo "case $(basename "$case"): $nread rows read but $naccepted accepted + $nrejected rejected" >&2
    exit 1
  fi
fi
if [ "${UPDATE:-0}" = 1 ]; then
  cp "$out/stdout" expected.out; cp "$out/stderr" expected.err; cp "$out/rc" expected.rc
  exit 0
fi
status=0
for f in out err rc; do
  src=$out/std$f; [ $f = rc ] && src=$out/rc
  if ! diff -u "expected.$f" "$src"; then
    echo "case $(basename "$case"): ${f} differs" >&2
    status=1
  fi
done
exit $status
