#!/usr/bin/python3
"""Text that once made a report unreadable or stopped it (issue 14, cases 1,
2, 3, 12, 13 and point 15), through `uppfolj report` with every format:

  1   U+FFFF and other noncharacters in a comment and in plan names
  2   goal and indicator names of 600+ bytes of Swedish text
  3   a submission file name that is not UTF-8 (milj\\x94.csv)
  12  unit ids in NFD, and an id that only looks like a plan id
  13  unit ids that differ only in Greek or Cyrillic case
  15  a target of 1e308

Every workbook part must be well-formed XML and load in openpyxl, every PDF
pass `qpdf --check` (when qpdf is installed), and the terminal output must
be valid UTF-8.

Usage: text_check.py UPPFOLJ FIXTURE"""
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

from checks import check, finish

BIN, FIXTURE = sys.argv[1], sys.argv[2]
QPDF = shutil.which("qpdf")


def copy(tmp, name):
    dst = os.path.join(tmp, name)
    shutil.copytree(FIXTURE, dst)
    return dst


def append(path, text):
    with open(path, "ab") as f:
        f.write(text.encode("utf-8") if isinstance(text, str) else text)


def report(inputs, out, fmt=None):
    args = [BIN, "report", inputs, "--out", out] + (["--format", fmt] if fmt else [])
    r = subprocess.run(args, capture_output=True)
    try:
        r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{inputs}: terminal output is not UTF-8: {e}")
    return r.returncode, r.stdout.decode("utf-8", "replace") + r.stderr.decode("utf-8", "replace")


def workbook(name, path):
    """Every XML part well-formed, then openpyxl; None when unreadable."""
    try:
        with zipfile.ZipFile(path) as z:
            for part in z.namelist():
                if part.endswith(".xml") or part.endswith(".rels"):
                    ET.fromstring(z.read(part))
        return openpyxl.load_workbook(path)
    except Exception as e:  # noqa: BLE001
        check(False, f"{name}: the workbook is unreadable: {e}")
        return None


def pdfs_ok(name, out):
    pdfs = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f.endswith(".pdf")]
    check(pdfs, f"{name}: no PDF written")
    for p in pdfs if QPDF else []:
        r = subprocess.run([QPDF, "--check", p], capture_output=True, text=True)
        check(r.returncode == 0, f"{name}: qpdf --check {p}: {r.stdout[-300:]}")


def texts(wb):
    return [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def case_noncharacters(tmp):
    inputs = copy(tmp, "c1")
    append(os.path.join(inputs, "inrapportering/2025/alla.csv"), "2025;c;andel;30;bad \uffff char \ufdd0;\n")
    mal = os.path.join(inputs, "plan/mal.csv")
    open(mal, "w", encoding="utf-8").write("id;namn\n1;Fler projektinitiativ \ufffe\n2;Fler kontaktytor\n")
    units = os.path.join(inputs, "plan/enheter.csv")
    open(units, "w", encoding="utf-8").write(
        "id;namn;typ\na;Förvaltning A \U0010ffff;förvaltning\nb;Förvaltning B;förvaltning\nc;Bolag C;bolag\n")
    out = os.path.join(tmp, "c1-out")
    rc, text = report(inputs, out)
    check(rc == 1, f"case 1: exit {rc} (1 expected: the fixture's one rejected row): {text[-400:]}")
    check("alla.csv:11:5: varning: texten innehåller 2 tecken som inte kan visas (det första är U+FFFF)" in text,
          "case 1: the comment's unshowable characters are warned at their place: " + text[-600:])
    check("mal.csv:2:2: varning:" in text and "enheter.csv:2:2: varning:" in text, "case 1: plan names warned")
    for f in ("uppfoljning-2025.xlsx", "sammanstallning-2025.csv", "styrelserapport-2025.pdf",
              "enheter/a.pdf", "diagram/andel.png", "diagram/andel.svg"):
        check(os.path.exists(os.path.join(out, f)), f"case 1: {f} not written")
    wb = workbook("case 1", os.path.join(out, "uppfoljning-2025.xlsx"))
    if wb:
        shown = texts(wb)
        check("bad \ufffd char \ufffd" in shown, "case 1: the comment shows U+FFFD for U+FFFF and U+FDD0")
        check(any("Fler projektinitiativ \ufffd" in t for t in shown), "case 1: the goal name shows U+FFFD")
    pdfs_ok("case 1", out)
    out2 = os.path.join(tmp, "c1-xlsx")
    rc, text = report(inputs, out2, "xlsx")
    check(rc == 1, f"case 1 (xlsx only): exit {rc}")
    workbook("case 1 (xlsx only)", os.path.join(out2, "uppfoljning-2025.xlsx"))


def case_long_names(tmp):
    inputs = copy(tmp, "c2")
    goal = "Fler projektinitiativ med " + "åäö " * 150 + "slut"  # 600+ bytes
    indicator = "Nya projekt " + "ÅÄÖ é " * 100 + "slut"
    check(len(goal.encode()) > 623 and len(indicator.encode()) > 600, "case 2: names long enough")
    open(os.path.join(inputs, "plan/mal.csv"), "w", encoding="utf-8").write(
        f"id;namn\n1;{goal}\n2;Fler kontaktytor\n")
    ind = os.path.join(inputs, "plan/indikatorer.csv")
    text = open(ind, encoding="utf-8").read().replace(";Nya projekt;", f";{indicator};")
    open(ind, "w", encoding="utf-8").write(text)
    out = os.path.join(tmp, "c2-out")
    rc, text = report(inputs, out)
    check(rc == 1, f"case 2: exit {rc}: {text[-400:]}")
    wb = workbook("case 2", os.path.join(out, "uppfoljning-2025.xlsx"))
    if wb:
        check(wb["Mål 1"]["A1"].value == "Mål 1: " + goal, "case 2: the goal title is whole")
        shown = texts(wb)
        check(any(t.startswith(indicator + " (antal;") for t in shown), "case 2: the indicator heading is whole")
    pdfs_ok("case 2", out)


def case_file_name(tmp):
    inputs = copy(tmp, "c3")
    src = os.path.join(inputs, "inrapportering/2024/alla.csv").encode()
    os.rename(src, os.path.join(inputs, "inrapportering/2024").encode() + b"/milj\x94.csv")
    out = os.path.join(tmp, "c3-out")
    rc, text = report(inputs, out)
    check(rc == 1, f"case 3: exit {rc}: {text[-400:]}")
    wb = workbook("case 3", os.path.join(out, "uppfoljning-2025.xlsx"))
    if wb:
        files = {row[6] for row in wb["Rådata"].iter_rows(min_row=2, values_only=True)}
        check("inrapportering/2024/milj\\x94.csv" in files, f"case 3: Fil shows the byte as \\x94: {files}")
    pdfs_ok("case 3", out)


def case_nfd_ids(tmp):
    inputs = copy(tmp, "c12")
    append(os.path.join(inputs, "plan/enheter.csv"), "miljö;Miljöförvaltningen;förvaltning\n"
                                                     "a\u030as;Ås (NFD i planen);förvaltning\n")
    append(os.path.join(inputs, "inrapportering/2025/alla.csv"),
           "2025;miljo\u0308;projekt;3;NFD;\n"          # NFD in the submission
           "2025;ås;projekt;2;NFC;\n"                   # NFC for an NFD plan id
           "2025;milj\u043e\u0308;projekt;1;kyrilliskt o;\n")  # looks the same, is not
    out = os.path.join(tmp, "c12-out")
    rc, text = report(inputs, out)
    check(rc == 1, f"case 12: exit {rc}")
    check("Rader: 20 lästa, 18 godkända, 2 avvisade" in text, "case 12: NFD and NFC ids accepted: " + text[-500:])
    check("alla.csv:13:2: fel: okänd enhet ”miljӧ”; menade du ”miljö”? Det ser likadant ut men ett tecken är "
          "kodat på ett annat sätt: U+043E i stället för U+006F" in text, "case 12: the look-alike hint: " + text)
    check(os.path.exists(os.path.join(out, "enheter", "ås.pdf")), "case 12: the NFD plan id's stem is in NFC")


def case_case_folding(tmp):
    inputs = copy(tmp, "c13")
    append(os.path.join(inputs, "plan/enheter.csv"),
           "Ω;Stor omega;övrigt\nω;Liten omega;övrigt\nЁж;Stort jo;övrigt\nёЖ;Litet jo;övrigt\nA;Stort a;övrigt\n")
    out = os.path.join(tmp, "c13-out")
    rc, text = report(inputs, out, "enheter")
    check(rc == 1 or "id ”A” förekommer två gånger" in text, f"case 13: exit {rc}: {text[-300:]}")
    if "förekommer två gånger" in text:  # 'A' is 'a' to the plan: drop it and go on
        lines = open(os.path.join(inputs, "plan/enheter.csv"), encoding="utf-8").read().splitlines()
        open(os.path.join(inputs, "plan/enheter.csv"), "w", encoding="utf-8").write(
            "\n".join(l for l in lines if not l.startswith("A;")) + "\n")
        rc, text = report(inputs, out, "enheter")
    names = sorted(os.listdir(os.path.join(out, "enheter"))) if os.path.isdir(os.path.join(out, "enheter")) else []
    check(len(names) == 7, f"case 13: seven unit reports: {names}")
    folded = {unicodedata.normalize("NFC", n).casefold() for n in names}
    check(len(folded) == len(names), f"case 13: names collide when case is ignored: {names}")
    check("ω~2.pdf" in names and "ёЖ~2.pdf" in names, f"case 13: the later of each pair is suffixed: {names}")


def case_huge_target(tmp):
    inputs = copy(tmp, "c15")
    append(os.path.join(inputs, "plan/malvarden.csv"), "2024;projekt;;1e308\n")
    out = os.path.join(tmp, "c15-out")
    rc, text = report(inputs, out)
    check(rc == 2, f"point 15: a target of 1e308 breaks the plan (exit {rc})")
    check("malvarden.csv:6:4: fel: ”1e308” är orimligt stort till beloppet" in text, "point 15: message: " + text)
    check(not os.path.exists(out), "point 15: nothing written")


with tempfile.TemporaryDirectory() as tmp:
    case_noncharacters(tmp)
    case_long_names(tmp)
    case_file_name(tmp)
    case_nfd_ids(tmp)
    case_case_folding(tmp)
    case_huge_target(tmp)
finish()
