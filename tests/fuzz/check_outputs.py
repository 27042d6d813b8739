#!/usr/bin/env python3
"""Checks the reports the real binary writes for a sample of fuzz_report
inputs (a corpus the fuzzer grew, its crash artifacts, or single files).

    check_outputs.py --fuzzer build-fuzz/fuzz_report --uppfolj build-asan/uppfolj \\
        [--sample 200] [--seed 1] [--keep DIR] INPUT_OR_FOLDER...

Each input is unpacked by the harness itself (UF_FUZZ_REPORT_KEEP, so the
folder is exactly what the fuzzer saw), then `uppfolj report` runs on it as
a user would, with --lang, --year and --strict taken from the input's
options. For every run that writes reports:
  - the workbook loads in openpyxl and every cell of every sheet is read;
  - `qpdf --check` passes on the board report and on every unit report;
  - every SVG chart is well-formed XML and every PNG starts as a PNG;
  - the CSV export is UTF-8 and parses as CSV;
  - no temporary .NAME.XXXXXX file is left, and a failed run (status 2)
    leaves no file at all;
  - a run does not fail because a renderer gave up on the text (ERR_CAIRO,
    ERR_XLSX: "diagrammet kunde inte ritas", "arbetsboken kunde inte skapas");
  - nothing is said by a sanitizer (when the binary is the ASan build).
Exit status 0 when every input passes, 1 otherwise (each failure is listed
with its input, and with --keep its folder is kept there).
"""
import argparse
import csv
import io
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parents[2]


def renderer_failures():
    """ERR_CAIRO and ERR_XLSX in both languages, from the message catalogue."""
    text = (ROOT / "src/common/messages.h").read_text(encoding="utf-8")
    found = []
    for code in ("ERR_CAIRO", "ERR_XLSX"):
        m = re.search(r'X\(' + code + r', "([^"]*)", "([^"]*)"\)', text)
        if m:
            found += [m.group(1), m.group(2)]
    return found


RENDERER_FAILURES = renderer_failures()


def options_of(data: bytes):
    """The options before the first section, read as fuzz_report.c reads them."""
    at = 0
    while at < len(data) and not ((at == 0 or data[at - 1] == 0x0A) and data[at:at + 4] == b"=== "):
        at += 1
    opts = data[:min(at, 127)].replace(b"\0", b" ")
    args = []
    if b"lang=en" in opts:
        args += ["--lang", "en"]
    if b"strict" in opts:
        args += ["--strict"]
    i = opts.find(b"year=")
    if i >= 0:
        digits = b""
        rest = opts[i + 5:].lstrip(b" \t\n\v\f\r")
        sign = rest[:1] if rest[:1] in (b"+", b"-") else b""
        for c in rest[len(sign):]:
            if not 48 <= c <= 57:
                break
            digits += bytes([c])
        try:
            year = int(sign + digits) if digits else 0
        except ValueError:
            year = 0
        if 1900 <= year <= 2199:
            args += ["--year", str(year)]
    return args


def bad_part(xlsx: pathlib.Path) -> str:
    """The first part of the workbook that is not well-formed XML, and the
    bytes where the parser stopped."""
    try:
        with zipfile.ZipFile(xlsx) as z:
            for name in z.namelist():
                if not name.endswith((".xml", ".rels")):
                    continue
                data = z.read(name)
                try:
                    ET.fromstring(data)
                except ET.ParseError as e:
                    try:
                        data.decode("utf-8")
                    except UnicodeDecodeError as u:
                        return f" (in {name}: not UTF-8 at byte {u.start}: {data[max(0, u.start - 30):u.start + 8]!r})"
                    return f" (in {name}: {e})"
    except (zipfile.BadZipFile, OSError) as e:
        return f" (not a zip: {e})"
    return ""


def check_reports(out: pathlib.Path, status: int):
    problems = []
    # .uppfolj-las and .uppfolj-utdata are the run's lock and manifest.
    files = [p for p in out.rglob("*")
             if (p.is_file() or p.is_symlink()) and not p.name.startswith(".uppfolj-")]
    for p in files:
        if p.name.startswith("."):
            problems.append(f"temporary file left: {p.relative_to(out)}")
    if status == 2:
        if files:
            problems.append(f"status 2 but {len(files)} files written: "
                            + ", ".join(str(p.relative_to(out)) for p in files[:5]))
        return problems
    for p in sorted(out.glob("uppfoljning-*.xlsx")):
        try:
            wb = openpyxl.load_workbook(p)
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True):
                    pass
        except Exception as e:  # noqa: BLE001 - any failure to load is the finding
            problems.append(f"{p.name}: openpyxl: {type(e).__name__}: {str(e)[:200]}{bad_part(p)}")
    pdfs = sorted(out.glob("styrelserapport-*.pdf")) + sorted((out / "enheter").glob("*.pdf"))
    for p in pdfs:
        r = subprocess.run(["qpdf", "--check", str(p)], capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"{p.relative_to(out)}: qpdf --check exit {r.returncode}: "
                            + (r.stdout + r.stderr).strip().splitlines()[-1][:200])
    for p in sorted((out / "diagram").glob("*.svg")):
        try:
            ET.parse(p)
        except ET.ParseError as e:
            problems.append(f"{p.relative_to(out)}: not well-formed: {e}")
    for p in sorted((out / "diagram").glob("*.png")):
        if not p.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
            problems.append(f"{p.relative_to(out)}: not a PNG")
    for p in sorted(out.glob("sammanstallning-*.csv")):
        try:
            list(csv.reader(io.StringIO(p.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
        except (UnicodeDecodeError, csv.Error) as e:
            problems.append(f"{p.name}: {type(e).__name__}: {e}")
    for name in ("uppfoljning-*.xlsx", "sammanstallning-*.csv", "styrelserapport-*.pdf"):
        if not list(out.glob(name)):
            problems.append(f"status {status} but no {name}")
    return problems


def check_one(path: pathlib.Path, fuzzer: str, uppfolj: str, scratch: pathlib.Path):
    if scratch.exists():
        shutil.rmtree(scratch)
    env = dict(os.environ, UF_FUZZ_REPORT_KEEP=str(scratch))
    r = subprocess.run([fuzzer, "-runs=1", str(path)], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        tail = "\n    ".join(r.stderr.strip().splitlines()[-15:])
        return [f"the harness itself fails on it (exit {r.returncode}):\n    {tail}"]
    real = scratch / "real"
    args = [uppfolj, "report", str(scratch / "in"), "--out", str(real), "--quiet"] + options_of(path.read_bytes())
    r = subprocess.run(args, capture_output=True, env=dict(os.environ, ASAN_OPTIONS="detect_leaks=1"))
    problems = []
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode not in (0, 1, 2):
        problems.append(f"uppfolj exit {r.returncode}: {err.strip()[-300:]}")
    if "Sanitizer" in err or "runtime error" in err:
        problems.append("sanitizer: " + err[err.find("=="):][:400] if "==" in err else err[:400])
    if r.returncode == 2:
        problems += [f"a renderer gave up: {line.strip()[:200]}" for line in err.splitlines()
                     if any(f in line for f in RENDERER_FAILURES)]
    if r.returncode in (0, 1, 2):
        problems += check_reports(real, r.returncode)
    return problems


def inputs_of(args):
    found = []
    for a in args:
        p = pathlib.Path(a)
        if p.is_dir():
            found += sorted(q for q in p.iterdir() if q.is_file() and not q.name.endswith(".md"))
        elif p.is_file():
            found.append(p)
    return found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzzer", required=True)
    ap.add_argument("--uppfolj", required=True)
    ap.add_argument("--sample", type=int, default=200, help="inputs checked at most (chosen at random)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="folder that keeps the failing inputs' folders")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    inputs = inputs_of(a.inputs)
    if len(inputs) > a.sample:
        inputs = sorted(random.Random(a.seed).sample(inputs, a.sample))
    failed = 0
    with tempfile.TemporaryDirectory(prefix="uf-check-") as tmp:
        for k, path in enumerate(inputs):
            scratch = pathlib.Path(tmp) / "run"
            problems = check_one(path, a.fuzzer, a.uppfolj, scratch)
            if problems:
                failed += 1
                print(f"FAIL {path}")
                for p in problems:
                    print(f"  {p}")
                if a.keep:
                    dest = pathlib.Path(a.keep) / f"{k:04d}-{path.name}"
                    shutil.rmtree(dest, ignore_errors=True)
                    shutil.copytree(scratch, dest, symlinks=True)
                    shutil.copy(path, dest / "input")
    print(f"check_outputs: {len(inputs)} inputs, {len(inputs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
