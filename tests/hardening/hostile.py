#!/usr/bin/python3
"""Hostile content through `uppfolj validate` and `report --format xlsx,csv`.

  comments   formula-like (=, +, -, @, TAB, CR first), XML-special, Excel's own
             _xHHHH_ escapes, every control character 0x01..0x1F, DEL, C1,
             bidi and zero-width characters, 100 kB fields
  plan text  goal, indicator, unit and partner names of the same kinds
             (an indicator name is also a chart title)
  ids        path-like and odd ids in submissions (rejected, shown safely) and
             in the plan (refused with a message, or accepted and written safely)
  files      submission file names with formula, XML and control characters
  volume     200 000 identical rows, 20 000 conflicting rows of one key

Each must be written safely: the workbook opens in openpyxl, every XML part
is well-formed, a comment cell is a text cell with the same visible text
(control characters may become spaces; Excel's _xHHHH_ escapes decoded as
Excel does), the CSV export stays well-formed, and the terminal output holds
no control characters. Prints how many hostile inputs were tried.

Usage: hostile.py UPPFOLJ"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

BIN = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "fixtures", "report", "inputs")
EXCEL_TEXT_MAX = 32767
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}

failures = []
tried = {}


def fail(what):
    failures.append(what)
    print("FAIL", what[:400])


def count(kind, n=1):
    tried[kind] = tried.get(kind, 0) + n


def visible(text):
    """What a cell must show: control characters other than TAB and LF as
    spaces, cut at Excel's limit (at a character)."""
    out = "".join(" " if (ord(c) < 0x20 and c not in "\t\n") else c for c in text)
    return out


def excel_unescape(text):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def run(args, **kw):
    return subprocess.run([BIN] + args, capture_output=True, **kw)


def no_control(name, data):
    bad = sorted({b for b in data if (b < 0x20 and b not in (0x0A,)) or b == 0x7F})
    if bad:
        fail(f"{name}: control bytes {bad} on the terminal")


def well_formed_xlsx(name, path):
    """Every XML part parses (expat is strict about XML 1.0 characters), and
    openpyxl opens the workbook. Returns the openpyxl workbook and the cell
    texts of Rådata as Excel reads them (from the raw XML)."""
    try:
        with zipfile.ZipFile(path) as z:
            for part in z.namelist():
                if part.endswith(".xml") or part.endswith(".rels"):
                    ET.fromstring(z.read(part))
            shared = []
            if "xl/sharedStrings.xml" in z.namelist():
                for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                    shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
            book = ET.fromstring(z.read("xl/workbook.xml"))
            rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target") for r in rels}
            sheets = {}
            for s in book.find("m:sheets", NS):
                rid = s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                sheets[s.get("name")] = "xl/" + targets[rid].lstrip("/").removeprefix("xl/")
            raw = {}
            if "Rådata" in sheets:
                root = ET.fromstring(z.read(sheets["Rådata"]))
                for c in root.iter(f"{{{NS['m']}}}c"):
                    ref, t = c.get("r"), c.get("t")
                    v = c.find("m:v", NS)
                    if t == "s" and v is not None:
                        raw[ref] = excel_unescape(shared[int(v.text)])
                    elif t == "inlineStr":
                        raw[ref] = excel_unescape("".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t")))
            charts = [z.read(p).decode() for p in z.namelist() if p.startswith("xl/charts/chart")]
    except Exception as e:  # noqa: BLE001
        fail(f"{name}: the workbook is not well-formed: {e}")
        return None, {}, []
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as e:  # noqa: BLE001
        fail(f"{name}: openpyxl cannot open the workbook: {e}")
        return None, raw, charts
    return wb, raw, charts


def well_formed_csv(name, path):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{name}: CSV without BOM")
    if raw.replace(b"\r\n", b"").count(b"\n") or raw.replace(b"\r\n", b"").count(b"\r"):
        fail(f"{name}: CSV line ends other than CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";", strict=True))
    if rows[0] != ["år", "mål", "indikator", "enhet", "värde", "målvärde", "föregående", "status", "bedömning",
                   "målvärde_avser", "avvisade_rader", "indikatornamn", "enhetsnamn", "måttenhet"]:
        fail(f"{name}: CSV header {rows[0]}")
    for row in rows[1:]:
        if len(row) != 14:
            fail(f"{name}: CSV row with {len(row)} fields: {row}")
        elif any(cell[:1] in ("=", "+", "@", "\t", "\r") for cell in row):
            fail(f"{name}: CSV cell that a spreadsheet reads as a formula: {row}")
        elif any(ch < " " for cell in row for ch in cell):
            fail(f"{name}: CSV cell with a control character or line break: {row}")
        elif row[0] and not re.fullmatch(r"\d{4}", row[0]):
            fail(f"{name}: CSV year {row[0]!r}")
    return rows


def copy_fixture(tmp, name):
    dst = os.path.join(tmp, name)
    shutil.copytree(FIXTURE, dst)
    return dst


def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def submissions(rows, delimiter=";", quote_all=True):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(["år", "enhet", "indikator", "värde", "kommentar", "partner"])
    lines, line = [], 2
    for r in rows:
        before = out.tell()
        w.writerow(r)
        lines.append(line)
        # Physical lines as the reader counts them: CRLF, LF or a lone CR.
        line += len(re.findall(r"\r\n|\r|\n", out.getvalue()[before:]))
    return out.getvalue(), lines


# ---- comments and plan text ----

COMMENTS = [
    # formula-like
    "=1+1", '=HYPERLINK("http://example.com","klicka")', "=cmd|' /C calc'!A0", "+46 70 123 45 67",
    "-2 mot plan", "@SUM(A1)", "\t=tab först", "\r=cr först", "=\n2", "==", "=", "+", "-", "@",
    "=1+1\t", "\t", "DDE(\"cmd\";\"/C calc\";\"x\")",
    # XML-special
    "<b>fet</b>", "a & b", "&amp; &lt; &#x41;", "\"citat\" och 'apostrof'", "]]>", "<![CDATA[x]]>",
    "<?xml version='1.0'?><x/>", "</t></si><si><t>", "<script>alert(1)</script>",
    # Excel's own escapes, Unicode oddities
    "_x0041_", "_x005F_", "_x00_", "_X0041_", "x_x0041_x_x0042_", "a\u2028b\u2029c", "\u202eomvänd text",
    "noll\u200bbredd", "\ufeffBOM i mitten", "🌍 jorden", "\u00a0hårt blanksteg\u00a0",
]
COMMENTS += [f"kontroll {i:02X}: [{chr(i)}] slut" for i in range(1, 0x20)]  # every C0 control
COMMENTS += ["DEL [\x7f]", "C1 [\x85] [\x9f]", "\x01\x02\x03", "\x1b[31mröd\x1b[0m"]
COMMENTS += [
    "x" * 100_000,                                     # 100 kB ASCII
    "å" * 50_000,                                      # 100 kB of two-byte characters
    "€" * 33_334,                                      # 100 kB of three-byte characters
    "x" * 50_000 + "\x01" + "y" * 50_000,              # 100 kB with a control character
    "_x0041_" * 15_000,                                # 105 kB of escapes to escape
    "🌍" * 25_000,                                     # 100 kB of four-byte characters
]

PLAN_NAMES = {
    "goal": "=1+1 <mål> & \"citat\" \x01 _x0041_",
    "indicator": "=HYPERLINK(\"x\") <&> \x02 indikator",  # also a chart title
    "indicator2": "@SUM(A1) \x1b[31m\t_x005F_",
    "unit": "+46 enheten <b> \x07",
    "partner": "-partner & \x08 ]]>",
}


def check_comments(tmp):
    inputs = copy_fixture(tmp, "comments")
    os.remove(os.path.join(inputs, "inrapportering/2025/alla.csv"))
    # Hostile names in the plan.
    write(os.path.join(inputs, "plan/mal.csv"),
          'id;namn\n1;"%s"\n2;Fler kontaktytor\n' % PLAN_NAMES["goal"].replace('"', '""'))
    ind = open(os.path.join(inputs, "plan/indikatorer.csv"), encoding="utf-8").read()
    ind = ind.replace(";Nya projekt;", ';"%s";' % PLAN_NAMES["indicator"].replace('"', '""'))
    ind = ind.replace(";Handläggningstid;", ';"%s";' % PLAN_NAMES["indicator2"].replace('"', '""'))
    write(os.path.join(inputs, "plan/indikatorer.csv"), ind)
    write(os.path.join(inputs, "plan/enheter.csv"),
          "id;namn;typ\na;\"%s\";förvaltning\nb;Förvaltning B;förvaltning\nc;Bolag C;bolag\n" % PLAN_NAMES["unit"])
    write(os.path.join(inputs, "plan/partners.csv"),
          "id;namn;typ;land\nmoss;\"%s\";vänort;Norge\nnokia;Nokia;vänort;Finland\n" % PLAN_NAMES["partner"])
    count("plan names (goal, indicators, unit, partner)", len(PLAN_NAMES))
    # Keys of their own: years before the fixture's, so 2025 stays the report year.
    rows = [[str(1900 + k), "a", "projekt", str(k), c, "moss" if k % 2 else ""] for k, c in enumerate(COMMENTS)]
    rows.append(["2025", "b", "projekt", "1", "", ""])
    text, lines = submissions(rows)
    write(os.path.join(inputs, "inrapportering/2025/kommentarer.csv"), text)
    # The formula-like ones once more, unquoted in a comma file.
    plain = [c for c in COMMENTS[:17] if not any(x in c for x in "\r\n\t\",")]
    rows2 = [[str(1900 + k), "b", "andel", str(k % 100), c, ""] for k, c in enumerate(plain)]
    text2, lines2 = submissions(rows2, delimiter=",", quote_all=False)
    write(os.path.join(inputs, "inrapportering/2025/oquoted.csv"), text2)
    count("comments", len(COMMENTS) + len(plain))

    out = os.path.join(tmp, "comments-out")
    r = run(["report", inputs, "--out", out, "--format", "xlsx,csv"])
    no_control("comments: stdout", r.stdout)
    if r.returncode != 0:
        fail(f"comments: exit status {r.returncode}: {r.stderr.decode()[:500]}\n{r.stdout.decode()[-800:]}")
        return
    wb, raw, charts = well_formed_xlsx("comments", os.path.join(out, "uppfoljning-2025.xlsx"))
    well_formed_csv("comments", os.path.join(out, "sammanstallning-2025.csv"))
    if wb is None:
        return
    sheet = wb["Rådata"]
    header = [c.value for c in sheet[1]]
    col_comment, col_file, col_line = header.index("Kommentar"), header.index("Fil"), header.index("Rad")
    cells = {}
    for row in sheet.iter_rows(min_row=2):
        cells[(os.path.basename(str(row[col_file].value)), row[col_line].value)] = row[col_comment]
    for name, rs, ls in (("kommentarer.csv", rows, lines), ("oquoted.csv", rows2, lines2)):
        for r_, line in zip(rs, ls):
            comment = r_[4]
            if not comment:
                continue
            cell = cells.get((name, line))
            if cell is None:
                fail(f"comment {comment[:40]!r}: no Rådata row for {name}:{line}")
                continue
            want = visible(comment)
            shown = raw.get(cell.coordinate)
            if cell.data_type != "s":
                fail(f"comment {comment[:40]!r}: cell type {cell.data_type}, not text")
            if shown is None:
                fail(f"comment {comment[:40]!r}: no text in the sheet XML")
            elif len(want.encode("utf-16-le")) // 2 + 6 * len(re.findall(r"(?=_x[0-9A-Fa-f]{4}_)", want)) \
                    <= EXCEL_TEXT_MAX:
                if shown != want:
                    fail(f"comment {comment[:40]!r}: shown as {shown[:60]!r}, expected {want[:60]!r}")
            else:  # cut at Excel's limit (UTF-16 units, escapes included), at a character
                cost = len(shown.encode("utf-16-le")) // 2 + 6 * len(re.findall(r"(?=_x[0-9A-Fa-f]{4}_)", shown))
                if not (want.startswith(shown) and EXCEL_TEXT_MAX - 13 < cost <= EXCEL_TEXT_MAX):
                    fail(f"comment {comment[:40]!r}: cut to {len(shown)} characters ({cost} units),"
                         " not a prefix at the limit")
            # openpyxl decodes _xHHHH_ its own way; compare where there are none.
            if shown is not None and "_x" not in comment and cell.value != shown:
                fail(f"comment {comment[:40]!r}: openpyxl reads {str(cell.value)[:60]!r}")
    # Plan text: shown cleaned, never as a formula; the chart title is text.
    texts = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for key, name in PLAN_NAMES.items():
        want = visible(name)
        if not any(want in t or excel_unescape(want) in t for t in texts):
            fail(f"plan {key} name {name!r} not shown as {want!r}")
    for chart in charts:
        if any("<c:f>" in t for t in re.findall(r"<c:title>(.*?)</c:title>", chart, re.S)):
            fail("a chart title is a formula reference")
    if not any(visible(PLAN_NAMES["indicator"]).strip() in c.replace("&lt;", "<").replace("&gt;", ">")
               .replace("&amp;", "&").replace("&quot;", '"') for c in charts):
        fail("the indicator name is not a chart title")
    count("chart titles", 1)


# ---- ids ----

BAD_PLAN_IDS = ["../x", "a/b", "/abs", "..", ".dold", "-x", "=x", "+x", "@x", "a b", "a\\b", "x\x01",
                "a\"b", "C:x", "a|b", "a*b", "a?b", "<x>", "x\x1b[31m", "a\tb"]
ODD_PLAN_IDS = ["CON", "NUL", "com1", "AUX.txt", "x..", "a..b", "Ω-enhet", "a\u2215b", "a\uff0fb", "0",
                "x" * 120, "\u202eabc", "é_ü-ö.å"]
BAD_SUBMISSION_IDS = ["../x", "a/b", "/etc/passwd", "C:\\Windows", "CON", "\x1b[31mröd", "=1+1", "<script>",
                      "a" * 1000, "..", ".", "a\x00b".replace("\x00", ""), "\u202eomvänd", "_x0041_", "a;b"]


def check_plan_ids(tmp):
    for k, bad in enumerate(BAD_PLAN_IDS):
        inputs = copy_fixture(tmp, f"badid-{k}")
        units = 'id;namn;typ\na;A;förvaltning\nb;B;förvaltning\nc;C;bolag\n"%s";Konstig;övrigt\n' % bad.replace('"', '""')
        write(os.path.join(inputs, "plan/enheter.csv"), units)
        out = os.path.join(tmp, f"badid-{k}-out")
        r = run(["report", inputs, "--out", out, "--format", "xlsx,csv"])
        no_control(f"plan id {bad!r}: stdout", r.stdout + r.stderr)
        if r.returncode != 2 or "ogiltigt id" not in r.stdout.decode() or os.path.exists(out):
            fail(f"plan id {bad!r}: exit {r.returncode}, expected 2 with 'ogiltigt id' and nothing written:"
                 f" {r.stdout.decode()[:300]}")
        count("plan ids refused")
    inputs = copy_fixture(tmp, "oddids")
    units = "id;namn;typ\na;A;förvaltning\nb;B;förvaltning\nc;C;bolag\n" + "".join(
        f"{u};Enhet {k};övrigt\n" for k, u in enumerate(ODD_PLAN_IDS))
    write(os.path.join(inputs, "plan/enheter.csv"), units)
    rows = [["2025", u, "projekt", "1", "", ""] for u in ODD_PLAN_IDS]
    write(os.path.join(inputs, "inrapportering/2025/udda.csv"), submissions(rows)[0])
    out = os.path.join(tmp, "oddids-out")
    r = run(["report", inputs, "--out", out, "--format", "xlsx,csv"])
    no_control("odd plan ids: stdout", r.stdout)
    if r.returncode != 1:  # the fixture's one rejected row
        fail(f"odd plan ids: exit {r.returncode}: {r.stdout.decode()[-500:]} {r.stderr.decode()}")
        return
    wb, raw, _ = well_formed_xlsx("odd plan ids", os.path.join(out, "uppfoljning-2025.xlsx"))
    rows = well_formed_csv("odd plan ids", os.path.join(out, "sammanstallning-2025.csv"))
    in_csv = {row[3] for row in rows[1:]}
    if wb is not None:
        units = {row[0] for row in wb["Enheter"].iter_rows(min_row=2, values_only=True)}
    for u in ODD_PLAN_IDS:
        if u not in in_csv:
            fail(f"odd plan id {u!r} missing from the CSV")
        if wb is not None and u not in units:
            fail(f"odd plan id {u!r} missing from the Enheter sheet")
        if sorted(os.listdir(out)) != ["sammanstallning-2025.csv", "uppfoljning-2025.xlsx"]:
            fail(f"odd plan ids: unexpected files {os.listdir(out)}")
        count("odd plan ids accepted")


def check_submission_ids(tmp):
    inputs = copy_fixture(tmp, "subids")
    rows = []
    for v in BAD_SUBMISSION_IDS:
        rows += [["2025", v, "projekt", "1", "", ""], ["2025", "a", v, "1", "", ""], ["2025", "a", "andel", "1", "", v]]
    text, lines = submissions(rows)
    write(os.path.join(inputs, "inrapportering/2025/idn.csv"), text)
    count("submission ids (unit, indicator, partner)", len(rows))
    out = os.path.join(tmp, "subids-out")
    r = run(["report", inputs, "--out", out, "--format", "xlsx,csv"])
    no_control("submission ids: stdout", r.stdout)
    stdout = r.stdout.decode()
    if r.returncode != 1:
        fail(f"submission ids: exit {r.returncode}")
    for row, line in zip(rows, lines):
        if not re.search(rf"idn\.csv:{line}:\d+: fel: okänd (enhet|indikator|partner) '", stdout):
            fail(f"submission ids: {row} not rejected at line {line}")
    m = re.search(r"Rader: ([\d ]+) lästa, ([\d ]+) godkända, ([\d ]+) avvisade", stdout)
    if not m or int(m[3].replace(" ", "")) != len(rows) + 1:
        fail(f"submission ids: counts {m and m.group(0)}")
    wb, _, _ = well_formed_xlsx("submission ids", os.path.join(out, "uppfoljning-2025.xlsx"))
    well_formed_csv("submission ids", os.path.join(out, "sammanstallning-2025.csv"))
    if wb is not None:
        reasons = [row[3] for row in wb["Avvisade"].iter_rows(min_row=2, values_only=True)]
        if len(reasons) != len(rows) + 1 or any(re.search(r"[\x00-\x08\x0b-\x1f]", x or "") for x in reasons):
            fail(f"submission ids: Avvisade has {len(reasons)} rows or control characters")


# ---- file names ----

FILE_NAMES = ["=1+1.csv", "+46.csv", "@x.csv", "<&>\".csv", "ny\nrad.csv", "esc\x1b[31m.csv", "tab\t.csv",
              "_x0041_.csv", "cr\r.csv", "å ä ö.csv", "-.csv"]


def check_file_names(tmp):
    inputs = copy_fixture(tmp, "filnamn")
    for k, name in enumerate(FILE_NAMES):
        write(os.path.join(inputs, "inrapportering/2025", name),
              submissions([[str(1990 + k), "a", "projekt", str(k), "", ""], ["2025", "x", "projekt", "1", "", ""]])[0])
    count("file names", len(FILE_NAMES))
    out = os.path.join(tmp, "filnamn-out")
    r = run(["report", inputs, "--out", out, "--format", "xlsx,csv"])
    no_control("file names: stdout", r.stdout)
    stdout = r.stdout.decode()
    # Every file read; its second row rejected, naming the file.
    if "Filer: %d lästa, 0 avvisade" % (len(FILE_NAMES) + 2) not in stdout:
        fail(f"file names: {stdout[-400:]}")
    wb, _, _ = well_formed_xlsx("file names", os.path.join(out, "uppfoljning-2025.xlsx"))
    if wb is not None:
        shown = {row[0] for row in wb["Avvisade"].iter_rows(min_row=2, values_only=True)}
        for name in FILE_NAMES:
            want = "inrapportering/2025/" + visible(name)
            if want not in shown and excel_unescape(want) not in shown:
                fail(f"file name {name!r} not shown in Avvisade as {want!r}: {sorted(map(str, shown))[:5]}")


# ---- volume ----

def check_volume(tmp):
    inputs = copy_fixture(tmp, "volym")
    n = 200_000
    write(os.path.join(inputs, "inrapportering/2025/samma.csv"),
          "år;enhet;indikator;värde\n" + "2025;c;projekt;1\n" * n)
    t = time.time()
    r = run(["validate", inputs, "--quiet"])
    took = time.time() - t
    print(f"hostile: {n} identical rows validated in {took:.1f} s")
    if r.returncode != 1 or took > 30:
        fail(f"{n} identical rows: exit {r.returncode} after {took:.1f} s")
    count("volume: identical rows")
    m = 20_000
    write(os.path.join(inputs, "inrapportering/2025/samma.csv"),
          "år;enhet;indikator;värde\n" + "".join(f"2025;c;projekt;{k}\n" for k in range(m)))
    t = time.time()
    r = run(["validate", inputs])
    took = time.time() - t
    print(f"hostile: {m} conflicting rows validated in {took:.1f} s, {len(r.stdout)} bytes of messages")
    if r.returncode != 1 or took > 30 or len(r.stdout) > 400 * m:
        fail(f"{m} conflicting rows: exit {r.returncode}, {len(r.stdout)} bytes of output after {took:.1f} s")
    elif f"alla {m:,} rader avvisas".replace(",", "\u00a0") not in r.stdout.decode() and \
            f"alla {m:,} rader avvisas".replace(",", " ") not in r.stdout.decode():
        fail(f"{m} conflicting rows: the count is not named")
    count("volume: conflicting rows")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check_comments(tmp)
        check_plan_ids(tmp)
        check_submission_ids(tmp)
        check_file_names(tmp)
        check_volume(tmp)
    total = sum(tried.values())
    print("hostile: " + ", ".join(f"{k} {v}" for k, v in tried.items()))
    print(f"hostile: {total} hostile inputs tried, {len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
