#!/usr/bin/env python3
"""The sample's workbook (uppfoljning-YYYY.xlsx) in headless LibreOffice Calc
(Debian's libreoffice-calc), in Swedish and in English: it converts to PDF
without complaint, and its first sheet (Sammanfattning, the summary) prints
on at most two pages.

Pages are told apart by their footer, which the workbook sets to the sheet's
name on the left and the page number on the right (&A ... Sida &P av &N), so
a sheet's pages are those whose last line starts with its name.

Usage: check.py UPPFOLJ ROOT
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

MAX_SUMMARY_PAGES = 2
# What LibreOffice says on every start on a machine without Java; harmless.
HARMLESS = ("failed to launch javaldx",)


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def soffice():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    fail("LibreOffice is missing: run scripts/deps.sh --test (Debian package libreoffice-calc)")


def report(bin_, inputs, out, lang):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764547200")
    args = [bin_, "report", inputs, "--out", out, "--quiet", "--format", "xlsx"]
    if lang != "sv":
        args += ["--lang", lang]
    r = subprocess.run(args, env=env, capture_output=True, text=True)
    if r.returncode > 1:  # 1: rows were rejected, the sample has some
        fail("uppfolj %s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr))
    books = [f for f in os.listdir(out) if f.startswith("uppfoljning-") and f.endswith(".xlsx")]
    if len(books) != 1:
        fail("no workbook in %s: %s" % (out, os.listdir(out)))
    return os.path.join(out, books[0])


def sheet_names(xlsx):
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(xlsx) as z:
        root = ET.fromstring(z.read("xl/workbook.xml"))
    return [s.get("name") for s in root.findall("m:sheets/m:sheet", ns)]


def convert(books, work):
    """All workbooks in one LibreOffice start (a start takes most of the time)."""
    profile = "file://" + os.path.join(work, "profile")
    out = os.path.join(work, "pdf")
    args = [soffice(), "--headless", "--norestore", "--nologo", "-env:UserInstallation=" + profile,
            "--convert-to", "pdf", "--outdir", out] + books
    r = subprocess.run(args, capture_output=True, text=True, timeout=150,
                       env=dict(os.environ, HOME=work))
    complaints = [line for line in (r.stdout + r.stderr).splitlines()
                  if line.strip() and not line.startswith("convert ")
                  and not any(h in line for h in HARMLESS)]
    if r.returncode != 0 or complaints:
        fail("LibreOffice complained (exit %d):\n%s" % (r.returncode, "\n".join(complaints)))
    pdfs = []
    for book in books:
        pdf = os.path.join(out, os.path.splitext(os.path.basename(book))[0] + ".pdf")
        if "convert %s -> %s" % (book, pdf) not in r.stdout or not os.path.getsize(pdf):
            fail("LibreOffice did not convert %s:\n%s" % (book, r.stdout))
        pdfs.append(pdf)
    return pdfs


def page_footers(pdf):
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    footers = []
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        footers.append(lines[-1] if lines else "")
    return footers


def check_summary_pages(pdf, names, lang):
    footers = page_footers(pdf)
    summary = names[0]
    # Longest name first: a sheet named after another's prefix counts once.
    by_length = sorted(names, key=len, reverse=True)
    counts = {n: 0 for n in names}
    for footer in footers:
        owner = next((n for n in by_length if footer == n or footer.startswith(n + " ")), None)
        if owner is None:
            fail("%s: a page without a sheet's name in its footer: %r" % (pdf, footer))
        counts[owner] += 1
    printed = [n for n in names if counts[n]]
    if printed[0] != summary:
        fail("%s: the first page is not %s's" % (pdf, summary))
    print("%s: %d pages, %s on %d" % (lang, len(footers), summary, counts[summary]))
    if counts[summary] > MAX_SUMMARY_PAGES:
        fail("%s prints on %d pages (at most %d)" % (summary, counts[summary], MAX_SUMMARY_PAGES))


def main():
    bin_, root = sys.argv[1], sys.argv[2]
    inputs = os.path.join(root, "inputs")
    with tempfile.TemporaryDirectory() as work:
        books, names = [], []
        for lang in ("sv", "en"):
            out = os.path.join(work, lang)
            book = report(bin_, inputs, out, lang)
            # One name per language so that both convert in one start.
            named = os.path.join(work, "%s-%s" % (lang, os.path.basename(book)))
            shutil.copy(book, named)
            books.append(named)
            names.append(sheet_names(named))
        if names[0][0] != "Sammanfattning":
            fail("the first sheet is %r, not Sammanfattning" % names[0][0])
        for lang, pdf, sheet in zip(("sv", "en"), convert(books, work), names):
            check_summary_pages(pdf, sheet, lang)


if __name__ == "__main__":
    main()
