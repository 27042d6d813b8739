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
  workbooks  hostile .xlsx submissions through `uppfolj validate` (and
             report): formula-like shared strings, a huge
             sharedStrings part, a 16,384-column row, a sheet of a million
             empty rows, a wrong content type, a zip bomb, a DTD, a part
             outside the package, control characters in a sheet name

Each must be written safely: the workbook opens in openpyxl, every XML part
is well-formed, a comment cell is a text cell with the same visible text
(control characters may become spaces; Excel's _xHHHH_ escapes decoded as
Excel does), the CSV export stays well-formed, and the terminal output holds
no control characters. Prints how many hostile inputs were tried.

Usage: hostile.py UPPFOLJ [XLSX_DUMP]

XLSX_DUMP (tests/tools/xlsx_dump.c, the reader's records for debugging) is
accepted and no longer used: the workbooks go through uppfolj itself."""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
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
                "a\"b", "C:x", "a|b", "a*b", "a?b", "<x>", "x\x1b[31m", "a\tb",
                # nothing but invisible characters, or a separator look-alike (issue 14, point 15)
                "\u00a0", "\u200b", "\u202e", "\u00a0\u200b", "\ufeff", "\u202eabc", "a\u2215b", "a\uff0fb",
                "a\u00a0b", "a\u200db", "\u0301a", "a\uffffb", "COM¹", "lpt²"]
ODD_PLAN_IDS = ["CON", "NUL", "com1", "AUX.txt", "x..", "a..b", "Ω-enhet", "0",
                "x" * 120, "é_ü-ö.å", "ω-ENHET", "Ёж", "ёЖ-2", "日本", "a\u030a-nfd"]
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
    for u in map(lambda x: unicodedata.normalize("NFC", x), ODD_PLAN_IDS):  # ids are kept in NFC
        if u not in in_csv:
            fail(f"odd plan id {u!r} missing from the CSV")
        if wb is not None and u not in units:
            fail(f"odd plan id {u!r} missing from the Enheter sheet")
        if sorted(os.listdir(out)) != [".uppfolj-las", ".uppfolj-utdata", "sammanstallning-2025.csv", "uppfoljning-2025.xlsx"]:
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
        if not re.search(rf"idn\.csv:{line}:\d+: fel: okänd (enhet|indikator|partner) ”", stdout):
            fail(f"submission ids: {row} not rejected at line {line}")
    m = re.search(r"Rader: ([\d ]+) lästa, ([\d ]+) godkända, ([\d ]+) avvisade", stdout)
    if not m or int(m[3].replace(" ", "")) != len(rows) + 1:
        fail(f"submission ids: counts {m and m.group(0)}")
    wb, _, _ = well_formed_xlsx("submission ids", os.path.join(out, "uppfoljning-2025.xlsx"))
    well_formed_csv("submission ids", os.path.join(out, "sammanstallning-2025.csv"))
    if wb is not None:
        sheet = wb["Avvisade"]
        header = [c.value for c in next(sheet.iter_rows(max_row=1))]
        at = header.index("Orsak") if "Orsak" in header else len(header) - 1
        reasons = [row[at] for row in sheet.iter_rows(min_row=2, values_only=True)]
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


# ---- workbooks ----

XNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XREL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
XMAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def workbook(path, sheets, strings=None, main=XMAIN, target="worksheets/sheet{}.xml"):
    """sheets: [(name, sheet XML)], deflated as Excel does."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships><Relationship Id="rId1" Type="{XREL}officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        names = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _) in enumerate(sheets, 1))
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{XNS}" xmlns:r="{XREL[:-1]}"><sheets>{names}</sheets>'
                   '</workbook>')
        rels = "".join(f'<Relationship Id="rId{i}" Type="{XREL}worksheet" Target="{target.format(i)}"/>'
                       for i in range(1, len(sheets) + 1))
        if strings is not None:
            rels += f'<Relationship Id="rId99" Type="{XREL}sharedStrings" Target="sharedStrings.xml"/>'
            z.writestr("xl/sharedStrings.xml", strings)
        z.writestr("xl/_rels/workbook.xml.rels", f"<Relationships>{rels}</Relationships>")
        for i, (_, xml) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)


def rows_xml(rows):
    return f'<worksheet xmlns="{XNS}"><sheetData>{rows}</sheetData></worksheet>'


def inline(text):
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = '<row r="1">' + "".join(inline(h) for h in ("år", "enhet", "indikator", "värde", "kommentar")) + "</row>"


def validate_workbook(tmp, name, sheets, want_rc, seconds=30, **kw):
    """The workbook, alone in a fresh copy of the fixture, through `uppfolj
    validate`; returns its stdout (the diagnostics and counts)."""
    inputs = copy_fixture(tmp, "wb-" + re.sub(r"[^a-z0-9]+", "-", name))
    shutil.rmtree(os.path.join(inputs, "inrapportering"))
    workbook(os.path.join(inputs, "inrapportering/2025", "bok.xlsx"), sheets, **kw)
    t = time.time()
    r = run(["validate", inputs])
    took = time.time() - t
    no_control(name, r.stdout + r.stderr)
    if r.returncode != want_rc or took > seconds:
        fail(f"{name}: uppfolj validate exit {r.returncode} (want {want_rc}) after {took:.1f} s: {r.stdout[-300:]!r}")
    count("workbooks: " + name)
    return r.stdout.decode("utf-8", "replace"), inputs, took


def check_workbooks(tmp):
    # Formula-like shared strings stay text, exactly as written, through to
    # the report's workbook.
    formulas = [c for c in COMMENTS[:17] if c.strip() and "\r" not in c and "_x" not in c]
    sst = "".join(f"<si><t xml:space=\"preserve\">{x}</t></si>"
                  for x in (c.replace("&", "&amp;").replace("<", "&lt;").replace("\t", "&#9;").replace("\n", "&#10;")
                            for c in formulas))
    sheet = HEADER_ROW + "".join(f'<row r="{i + 2}">{inline(2000 + i)}{inline("a")}{inline("projekt")}<c><v>{i}</v></c>'
                                 f'<c t="s"><v>{i}</v></c></row>' for i in range(len(formulas)))
    out, inputs, _ = validate_workbook(tmp, "formula-like shared strings", [("Siffror", rows_xml(sheet))], 0,
                                       strings=f"<sst>{sst}</sst>")
    report = os.path.join(tmp, "wb-formler-out")
    r = run(["report", inputs, "--out", report, "--format", "xlsx,csv", "--year", "2000"])
    wb, _, _ = well_formed_xlsx("formula-like shared strings", os.path.join(report, "uppfoljning-2000.xlsx"))
    if r.returncode != 0 or wb is None:
        fail(f"formula-like shared strings: report exit {r.returncode}: {r.stdout[-300:]!r}")
    else:
        head = [c.value for c in next(wb["Rådata"].iter_rows(max_row=1))]
        got = {row[head.index("År")]: row[head.index("Kommentar")]
               for row in wb["Rådata"].iter_rows(min_row=2, values_only=True)}
        for i, c in enumerate(formulas):
            if got.get(2000 + i) != visible(c.strip(" \t")):
                fail(f"formula-like shared string {c!r} shown as {got.get(2000 + i)!r}")
        for row in wb["Rådata"].iter_rows(min_row=2):
            if any(c.data_type == "f" for c in row):
                fail("formula-like shared strings: a formula cell in Rådata")
    # A huge sharedStrings part: two million strings, the last one used.
    n = 2_000_000
    sst = "<sst>" + "".join(f"<si><t>text {k}</t></si>" for k in range(n)) + "</sst>"
    sheet = HEADER_ROW + f'<row r="2">{inline(2025)}{inline("a")}{inline("projekt")}<c><v>1</v></c>' \
                         f'<c t="s"><v>{n - 1}</v></c></row>'
    out, _, took = validate_workbook(tmp, "huge sharedStrings", [("Siffror", rows_xml(sheet))], 0,
                                     strings=sst)
    print(f"hostile: {n} shared strings validated in {took:.1f} s")
    if "Rader: 1 lästa, 1 godkända, 0 avvisade" not in out:
        fail(f"huge sharedStrings: {out[-300:]!r}")
    # A row of 16,384 cells under the header, and a sheet of a million
    # empty rows (ignored: no header).
    wide = HEADER_ROW + '<row r="2">' + "<c><v>7</v></c>" * 16384 + "</row>"
    out, _, took = validate_workbook(tmp, "16,384 columns and a million empty rows",
                                     [("Bred", rows_xml(wide)),
                                      ("Tom", rows_xml("".join(f'<row r="{r}"/>' for r in range(1, 1_048_577))))], 1)
    print(f"hostile: a 16,384-column row and 1,048,576 empty rows validated in {took:.1f} s")
    if "Bred!F2: raden har ett värde i kolumn F," not in out or "Rader: 1 lästa, 0 godkända, 1 avvisade" not in out:
        fail(f"16,384 columns: {out[-400:]!r}")
    # Rejected whole, with a Swedish message naming why.
    cases = [
        ("wrong content type", dict(main="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
         "innehållstypen"),
        ("part outside the package", dict(target="../../../../etc/passwd"), "pekar på en del som inte finns"),
    ]
    for name, kw, words in cases:
        out, _, _ = validate_workbook(tmp, name, [("S", rows_xml(HEADER_ROW))], 1, **kw)
        if words not in out or "Filer: 1 lästa, 1 avvisade" not in out:
            fail(f"{name}: message {out!r} does not say {words!r}")
    out, _, took = validate_workbook(tmp, "zip bomb", [("S", rows_xml(" " * (50 << 20)))], 1, seconds=10)
    if "gånger sin packade storlek" not in out:
        fail(f"zip bomb: {out!r}")
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(10))
    out, _, _ = validate_workbook(tmp, "billion laughs",
                                  [("S", f"<!DOCTYPE w [{lol}]>" + rows_xml('<row><c t="inlineStr"><is><t>&l9;</t></is></c></row>'))],
                                  1, seconds=10)
    if "DTD" not in out:
        fail(f"billion laughs: {out!r}")
    # A sheet name with control characters is shown safely in messages.
    bad = HEADER_ROW + f'<row r="2">{inline(2025)}{inline("a")}{inline("projekt")}{inline("ca 7")}</row>'
    out, _, _ = validate_workbook(tmp, "control characters in a sheet name", [("Siff&#9;ror&#10;", rows_xml(bad))], 1)
    if "Siff?ror?'!D2: ”ca 7”" not in out:
        fail(f"sheet name shown as {out!r}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check_comments(tmp)
        check_plan_ids(tmp)
        check_submission_ids(tmp)
        check_file_names(tmp)
        check_volume(tmp)
        check_workbooks(tmp)
    total = sum(tried.values())
    print("hostile: " + ", ".join(f"{k} {v}" for k, v in tried.items()))
    print(f"hostile: {total} hostile inputs tried, {len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
