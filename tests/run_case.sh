#!/usr/bin/env bash
# Runs one data-driven case: CASE/cmd holds the arguments (one line, INPUTS
# stands for CASE/inputs, OUT for a fresh output folder); the binary's stdout,
# stderr and exit status must equal CASE/expected.{out,err,rc}.
# UPDATE=1 writes the expected files instead of comparing.
set -uo pipefail
bin=$1 case=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=$(sed -e "s#INPUTS#$case/inputs#g" -e "s#OUT#$out/reports#g" "$case/cmd")
cd "$case"
# shellcheck disable=SC2086
"$bin" $args >"$out/stdout" 2>"$out/stderr"
echo $? >"$out/rc"
# Paths are shown relative to the case folder.
sed -i -e "s#$case/##g" -e "s#$out/#OUT/#g" "$out/stdout" "$out/stderr"
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
