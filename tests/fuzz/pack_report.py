#!/usr/bin/env python3
"""Packs an input folder (plan/ and inrapportering/) into one fuzz_report
input: the container described at the top of fuzz_report.c. Used to make
the seeds in corpus/report from the sample and the test fixtures.

    pack_report.py FOLDER OUT [--rows N] [--files N] [--under 2025] [--options "lang=en"]

--rows keeps the header and the first N rows of each file (long inputs make
a slow fuzzer); --files keeps the first N submissions in path order.
"""
import argparse
import pathlib
import sys

PLAN_FILES = ["mal", "indikatorer", "enheter", "malvarden", "partners"]


def trimmed(data: bytes, rows: int) -> bytes:
    if rows <= 0:
        return data
    lines = data.split(b"\n")
    keep = lines[: rows + 1]
    out = b"\n".join(keep)
    return out + b"\n" if len(lines) > rows + 1 or data.endswith(b"\n") else out


def pack(folder: pathlib.Path, rows: int, files: int, options: str, under: str = "") -> bytes:
    parts = []
    if options:
        parts.append(options.encode() + b"\n")
    for name in PLAN_FILES:
        path = folder / "plan" / (name + ".csv")
        if path.is_file():
            parts.append(b"=== " + name.encode() + b"\n" + trimmed(path.read_bytes(), rows))
    subs = sorted(p for p in (folder / "inrapportering" / under).rglob("*")
                  if p.is_file() and p.suffix.lower() == ".csv")
    for path in subs[:files]:
        rel = path.relative_to(folder / "inrapportering").as_posix()[: -len(".csv")]
        body = trimmed(path.read_bytes(), rows)
        parts.append(b"=== " + rel.encode() + b"\n" + body)
    # A section's content runs to the next marker line: each must end in a
    # line break, or the marker would not start a line.
    return b"".join(p if p.endswith(b"\n") else p + b"\n" for p in parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--rows", type=int, default=0)
    ap.add_argument("--files", type=int, default=2)
    ap.add_argument("--options", default="")
    ap.add_argument("--under", default="", help="only submissions below inrapportering/UNDER")
    a = ap.parse_args()
    if not (a.folder / "plan").is_dir():
        print(f"pack_report: {a.folder} has no plan/", file=sys.stderr)
        return 2
    a.out.write_bytes(pack(a.folder, a.rows, a.files, a.options, a.under))
    return 0


if __name__ == "__main__":
    sys.exit(main())
