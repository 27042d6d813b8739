#!/usr/bin/python3
"""`uppfolj report --lang en` gives English documents: no Swedish left in the
board report, two unit reports, every sheet of the workbook or the web page,
except names and texts from the plan and the submissions. The CSV export
stays Swedish (the data contract) and the file names stay the same.

The Swedish words looked for are taken from the vocabulary itself
(src/common/messages.h): the Swedish texts of the report sections, less any
word that also occurs in an English text (Partner, Status, max) or anywhere
in the inputs (names the plan and the submissions may use), plus a fixed
list of status words and headings (the issue's list; the sample's inputs
only hold them in header lines and assessment columns, which no report
shows as written).

    english_check.py UPPFOLJ INPUTS MESSAGES_H
"""
import html
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

from checks import check, finish

BIN, INPUTS, MESSAGES = sys.argv[1], sys.argv[2], sys.argv[3]

# Sections of the catalogue that only reports show (errors and the command
# line are checked by the lang-en cases).
REPORT_SECTIONS = ("statuses (contract v2)", "the web page", "board report (PDF)", "unit report (PDF)", "charts",
                   "workbook", "the plan's words")
# Must be among the words looked for (the list).
REQUIRED = {"grön", "gul", "röd", "Sida", "Målvärde", "Kommunen", "Uppnått", "Enhet", "Indikator", "Avvisade",
            "Sammanfattning", "Läsanvisning", "fortsättning", "kommentarer", "Självvärdering", "Översikt", "Bilaga",
            "saknas", "Förändring", "Rapporterat", "enheter", "Varningar", "Rådata", "Utfall"}
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")


def catalogue():
    """(section, code, swedish, english) for every entry."""
    text = open(MESSAGES, encoding="utf-8").read()
    section, out = "", []
    for line in text.splitlines():
        m = re.match(r"\s*/\* (.*?) \*/ \\$", line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r'\s*X\((\w+), "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\) \\$', line)
        if m:
            out.append((section, m.group(1), m.group(2), m.group(3)))
    return out


def words(s):
    s = re.sub(r"%[s%]", " ", s)
    return set(WORD.findall(s))


def input_words():
    found = set()
    for root, _, files in os.walk(INPUTS):
        for name in files:
            found |= words(name)
            with open(os.path.join(root, name), "rb") as f:
                data = f.read()
            for enc in ("utf-8-sig", "cp1252"):
                try:
                    found |= words(data.decode(enc))
                    break
                except UnicodeDecodeError:
                    continue
    return found


entries = catalogue()
check(len(entries) > 300, f"catalogue read: {len(entries)} entries")
swedish, english = set(), set()
for section, code, sv, en in entries:
    english |= words(en)
    if section.startswith(REPORT_SECTIONS):
        swedish |= words(sv)
inputs = input_words()
# Words of three letters or more that only the Swedish texts use.
looked_for = {w for w in swedish if len(w) >= 3 and w not in english and w not in inputs} | REQUIRED
check(len(looked_for) > 200, f"only {len(looked_for)} Swedish words to look for")


def leftovers(text, where):
    found = sorted(words(text) & looked_for)
    check(not found, f"{where}: Swedish left in the English output: {found[:20]}")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_info(path):
    return subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout


def run(out, lang):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764547200")
    return subprocess.run([BIN, "report", INPUTS, "--out", out, "--lang", lang, "--quiet"], capture_output=True,
                          text=True, env=env)


def files(top):
    return sorted(os.path.relpath(os.path.join(r, f), top) for r, _, fs in os.walk(top) for f in fs
                  if not f.startswith("."))


with tempfile.TemporaryDirectory() as tmp:
    en, sv = os.path.join(tmp, "en"), os.path.join(tmp, "sv")
    r_en, r_sv = run(en, "en"), run(sv, "sv")
    check(r_en.returncode == r_sv.returncode and r_en.returncode in (0, 1), f"exit {r_en.returncode}: {r_en.stderr}")
    check(files(en) == files(sv), f"file names differ between the languages: {set(files(en)) ^ set(files(sv))}")
    year = next(f[len("styrelserapport-"):-4] for f in os.listdir(en) if f.startswith("styrelserapport-")
                and f.endswith(".pdf"))

    board = os.path.join(en, f"styrelserapport-{year}.pdf")
    text = pdf_text(board)
    leftovers(text, "board report")
    leftovers(pdf_info(board), "board report metadata")
    check("Page 1 of" in text and "How to read this report" in text, "board report: English footer and guide")
    units = sorted(os.listdir(os.path.join(en, "enheter")))
    check(len(units) >= 2, f"unit reports: {units}")
    for name in units[:1] + units[-1:]:
        path = os.path.join(en, "enheter", name)
        leftovers(pdf_text(path), f"unit report {name}")
        leftovers(pdf_info(path), f"unit report {name} metadata")

    book = openpyxl.load_workbook(os.path.join(en, f"uppfoljning-{year}.xlsx"))
    leftovers(" ".join(book.sheetnames), "workbook sheet names")
    props = book.properties
    leftovers(" ".join(str(v) for v in (props.title, props.subject, props.creator, props.keywords) if v),
              "workbook properties")
    for ws in book.worksheets:
        cells = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
        formats = " ".join(re.findall(r'"([^"]*)"', " ".join(c.number_format for row in ws.iter_rows() for c in row)))
        leftovers(cells + " " + formats + " " + (ws.oddFooter.right.text or ""), f"workbook sheet {ws.title}")
    check(book.sheetnames[0] == "Summary" and "Rejected" in book.sheetnames, f"sheets: {book.sheetnames}")

    page = open(os.path.join(en, f"styrelserapport-{year}.html"), encoding="utf-8").read()
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    leftovers(html.unescape(re.sub(r"<[^>]+>", " ", page)), "web page")

    svgs = sorted(f for f in os.listdir(os.path.join(en, "diagram")) if f.endswith(".svg"))
    check(svgs, "no SVG diagrams")
    for name in svgs:
        svg = open(os.path.join(en, "diagram", name), encoding="utf-8").read()
        desc = re.findall(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
        check(desc and "municipality" in desc[0], f"{name}: an English description: {desc}")
        leftovers(html.unescape(" ".join(desc)), f"diagram {name}")

    # The contract: the CSV export is the same in either language.
    a = open(os.path.join(en, f"sammanstallning-{year}.csv"), "rb").read()
    b = open(os.path.join(sv, f"sammanstallning-{year}.csv"), "rb").read()
    check(a == b, "the CSV export differs between --lang en and sv")

finish()
