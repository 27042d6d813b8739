#!/usr/bin/python3
"""Every word a report shows comes from the vocabulary (src/common/messages.h):
fails when a string literal in src/render holds a Swedish letter (å ä ö,
written out or as UTF-8 escapes), outside the files that must write Swedish
whatever --lang says (the CSV export, by the data contract, and the
templates units fill in).

    vocabulary_check.py SRC_RENDER
"""
import os
import re
import sys

from checks import check, finish

ROOT = sys.argv[1]
ALLOWED = {os.path.join("csv", "csv_export.c"), os.path.join("template", "template.c")}
SWEDISH = re.compile(r"[åäöÅÄÖ]|\\x[cC]3\\x(?:[aA]5|[aA]4|[bB]6|85|84|96)")
TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.S)

files = 0
for top, _, names in os.walk(ROOT):
    for name in sorted(names):
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(top, name)
        rel = os.path.relpath(path, ROOT)
        files += 1
        if rel in ALLOWED:
            continue
        text = open(path, encoding="utf-8").read()
        for m in TOKEN.finditer(text):
            lit = m.group(0)
            if lit.startswith('"') and SWEDISH.search(lit):
                line = text.count("\n", 0, m.start()) + 1
                check(False, f"{rel}:{line}: a Swedish text outside the vocabulary: {lit[:80]}")
check(files > 10, f"only {files} source files under {ROOT}")
finish()
