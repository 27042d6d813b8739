#!/usr/bin/python3
"""The PDFs as assistive technology reads them (issue 10, part 3): runs
`uppfolj report --format pdf` on the sample municipality in Swedish and in
English and reads the board report and one unit report back with qpdf and
poppler, independent of cairo and libqpdf's C API:

  qpdf --check      clean, no warning;
  qpdf --json       /Lang, /MarkInfo /Marked, /ViewerPreferences
                    /DisplayDocTitle, an XMP /Metadata stream that says what
                    the Info dictionary says, PDF dates with "D:", and a
                    non-empty /Alt on every /Figure (as many as poppler sees);
  pdfinfo -struct-text
                    headings, tables and figures in reading order, a known
                    comment inside a P, the running header and the footer
                    left out of the structure.

Each diagram's SVG <desc> must be the /Alt of a Figure in the board report
(one sentence for both). Two runs are byte-identical, and so is a run under
LC_ALL=sv_SE.UTF-8 when that locale is installed (a Swedish LC_NUMERIC must
not reach the numbers in the file).

    pdf_access_check.py UPPFOLJ INPUTS"""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from checks import check, finish

BIN, INPUTS = sys.argv[1], sys.argv[2]
BOARD = "styrelserapport-2025.pdf"
UNIT = os.path.join("enheter", "kommunledningskontoret.pdf")
COMMENT = "Två idéer bearbetas inför nästa utlysning"  # kommunledningskontoret, inputs/inrapportering/2025


def run(out, lang=None, env_extra=None):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764547200")
    env.update(env_extra or {})
    args = [BIN, "report", INPUTS, "--out", out, "--format", "pdf,diagram", "--quiet"]
    if lang:
        args += ["--lang", lang]
    r = subprocess.run(args, capture_output=True, text=True, env=env)
    check(r.returncode in (0, 1), f"report {lang or 'sv'}: exit {r.returncode}: {r.stderr[-500:]}")
    return r


def qpdf_objects(path):
    r = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", path],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"{path}: qpdf --json: {r.stderr}")
    return json.loads(r.stdout)["qpdf"][1] if r.returncode == 0 else {}


def deref(objs, ref):
    return objs.get("obj:" + ref, {}) if isinstance(ref, str) and ref.endswith(" R") else {}


def text_of(value):
    """A JSON v2 string: "u:..." (text string) or "b:..." (hex bytes)."""
    if isinstance(value, str) and value.startswith("u:"):
        return value[2:]
    return None


def check_qpdf(path, name, lang):
    r = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    check(r.returncode == 0 and "WARNING" not in r.stdout + r.stderr, f"{name}: qpdf --check: {r.stdout}{r.stderr}")
    objs = qpdf_objects(path)
    trailer = objs.get("trailer", {}).get("value", {})
    root = deref(objs, trailer.get("/Root")).get("value", {})
    info = deref(objs, trailer.get("/Info")).get("value", {})
    check(root.get("/Lang") == "u:" + lang, f"{name}: /Lang {root.get('/Lang')!r}, expected {lang}")
    check(root.get("/MarkInfo", {}).get("/Marked") is True, f"{name}: /MarkInfo /Marked true")
    check(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is True, f"{name}: /DisplayDocTitle true")
    check("/StructTreeRoot" in root, f"{name}: no structure tree")
    check(len(trailer.get("/ID", [])) == 2, f"{name}: /ID")
    for key in ("/CreationDate", "/ModDate"):
        check(re.fullmatch(r"u:D:20251201000000Z", info.get(key, "")) is not None,
              f"{name}: Info {key} {info.get(key)!r} is not a PDF date from SOURCE_DATE_EPOCH")
    meta = deref(objs, root.get("/Metadata")).get("stream", {})
    check(meta.get("dict", {}).get("/Type") == "/Metadata" and meta.get("dict", {}).get("/Subtype") == "/XML",
          f"{name}: /Metadata is no XMP stream: {meta.get('dict')}")
    if meta.get("data"):
        xmp = ET.fromstring(base64.b64decode(meta["data"]))
        ns = {"dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
              "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/"}
        def one(path_):
            e = xmp.find(".//" + path_, ns)
            return e.text if e is not None else None
        check(one("dc:title/rdf:Alt/rdf:li") == text_of(info.get("/Title")),
              f"{name}: XMP dc:title {one('dc:title/rdf:Alt/rdf:li')!r} is not the Info /Title")
        check(one("dc:language/rdf:Bag/rdf:li") == lang, f"{name}: XMP dc:language")
        check(one("pdf:Producer") == text_of(info.get("/Producer")), f"{name}: XMP pdf:Producer is not the Info one")
        check(one("xmp:CreateDate") == "2025-12-01T00:00:00Z", f"{name}: XMP xmp:CreateDate")
    figures = [v["value"] for v in objs.values()
               if isinstance(v.get("value"), dict) and v["value"].get("/S") == "/Figure"]
    alts = [text_of(f.get("/Alt")) for f in figures]
    check(all(a and a.strip() for a in alts), f"{name}: a Figure without /Alt: {alts}")
    return figures, alts


def struct_tree(path):
    """pdfinfo -struct-text as (depth, tag, text) in document order; text is
    the element's own quoted text (leaf elements)."""
    r = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True)
    check(r.returncode == 0, f"pdfinfo -struct-text {path}: {r.stderr}")
    items = []
    for line in r.stdout.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        if body.startswith('"'):
            if items:
                items[-1][2] += body[1:-1]
        elif body:
            items.append([depth, body.split(" ")[0], ""])
    return items


def index_of(items, tag, text=None, start=0):
    for k in range(start, len(items)):
        if items[k][1] == tag and (text is None or text in items[k][2]):
            return k
    return -1


def check_board_order(items, figures, lang):
    tags = [t for _, t, _ in items]
    check(tags[:2] == ["Document", "H1"], f"board {lang}: the cover's heading first: {tags[:3]}")
    overview = next((k for k, (_, t, text) in enumerate(items) if t == "H1" and re.match("Översikt|Overview", text)), -1)
    check(overview > 0, f"board {lang}: no H1 for the overview")
    check(index_of(items, "Figure", start=overview) == overview + 2,
          f"board {lang}: the overview's heading and note, then its figure")
    # Each indicator page: its H1, "Kommunen över tid" and the trend, the units' heading and bars, the comments.
    first = index_of(items, "H1", "Nya projektinitiativ med internationella partners")
    seq = [t for _, t, _ in items[first:first + 12] if t in ("H1", "H2", "Figure")]
    check(seq[:6] == ["H1", "H2", "Figure", "H2", "Figure", "H2"],
          f"board {lang}: the first indicator page's reading order: {seq}")
    comment = index_of(items, "P", COMMENT, first)
    check(comment > first, f"board {lang}: the comment {COMMENT!r} in a P after its indicator's heading")
    table = index_of(items, "Table")
    check(table > 0 and items[table + 1][1] == "TR" and items[table + 2][1] == "TH",
          f"board {lang}: the coverage table with a header row")
    check(index_of(items, "TD") > table, f"board {lang}: table cells")
    check(sum(t == "Figure" for t in tags) == len(figures),
          f"board {lang}: {sum(t == 'Figure' for t in tags)} Figures in poppler's tree, {len(figures)} in qpdf's")
    whole = "\n".join(text for _, _, text in items)
    check(not re.search(r"(Sida|Page) \d+ (av|of) \d+", whole), f"board {lang}: the footer is in the structure")
    check("Kommunledningskontoret · 2025-12-01Sida" not in whole, f"board {lang}: the running footer is tagged")


def check_unit_order(items, lang):
    tags = [t for _, t, _ in items]
    h1 = index_of(items, "H1", "Kommunledningskontoret")
    table = index_of(items, "Table")
    check(0 < h1 < table, f"unit {lang}: the unit's name (H1) before its table: {tags[:8]}")
    check(table > 0 and items[table + 1][1] == "TR" and items[table + 2][1] == "TH",
          f"unit {lang}: the table's header row")
    heads = [t for _, t, _ in items[table + 2:table + 11]]
    check(heads == ["TH"] * 9, f"unit {lang}: nine column headings: {heads}")
    goal_heads = [text for _, t, text in items[table + 11:] if t == "TH"]
    check(goal_heads and all(re.match(r"(Mål|Goal) ", h) for h in goal_heads),
          f"unit {lang}: past the header row only the goal rows are headings: {goal_heads}")
    last = index_of(items, "H2", start=table + 1)
    check(last > table, f"unit {lang}: the sections after the table have H2 headings")
    check(index_of(items, "LBody", COMMENT, last) > last, f"unit {lang}: the comment {COMMENT!r} in a list item's body")
    whole = "\n".join(text for _, _, text in items)
    check(not re.search(r"(Sida|Page) \d+ (av|of) \d+", whole), f"unit {lang}: the footer is in the structure")


def svg_descs(out):
    descs = {}
    folder = os.path.join(out, "diagram")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".svg"):
            e = ET.parse(os.path.join(folder, name)).getroot().find("{http://www.w3.org/2000/svg}desc")
            descs[name] = e.text if e is not None else None
    return descs


def check_run(out, lang, tag):
    figures, alts = check_qpdf(os.path.join(out, BOARD), f"board {tag}", lang)
    check_board_order(struct_tree(os.path.join(out, BOARD)), figures, tag)
    check(len(figures) >= 2 * 13 + 3, f"board {tag}: {len(figures)} Figures for 13 indicators")
    for name, desc in svg_descs(out).items():
        check(desc in alts, f"board {tag}: {name}'s <desc> {desc!r} is no Figure's /Alt")
    trend = "The municipality's value" if lang == "en-GB" else "Kommunens värde"
    check(any(a.startswith(trend) for a in alts), f"board {tag}: the trend's alt text in the run's language")
    unit_figures, _ = check_qpdf(os.path.join(out, UNIT), f"unit {tag}", lang)
    check_unit_order(struct_tree(os.path.join(out, UNIT)), tag)
    check(len(unit_figures) == sum(t == "Figure" for _, t, _ in struct_tree(os.path.join(out, UNIT))),
          f"unit {tag}: Figures counted alike by qpdf and poppler")


def same_pdfs(a, b):
    for name in (BOARD, UNIT):
        with open(os.path.join(a, name), "rb") as fa, open(os.path.join(b, name), "rb") as fb:
            if fa.read() != fb.read():
                return name
    return None


def swedish_locale():
    r = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    names = {n.lower().replace("-", "") for n in r.stdout.split()}
    return "sv_SE.UTF-8" if "sv_se.utf8" in names else None


with tempfile.TemporaryDirectory() as tmp:
    sv, sv2, en = (os.path.join(tmp, d) for d in ("sv", "sv2", "en"))
    run(sv)
    check_run(sv, "sv-SE", "sv")
    run(en, "en")
    check_run(en, "en-GB", "en")
    run(sv2)
    differ = same_pdfs(sv, sv2)
    check(differ is None, f"{differ}: two runs with the same SOURCE_DATE_EPOCH differ")
    locale = swedish_locale()
    if locale:
        local = os.path.join(tmp, "sv-locale")
        run(local, env_extra={"LC_ALL": locale})
        check_run(local, "sv-SE", "LC_ALL=" + locale)
        differ = same_pdfs(sv, local)
        check(differ is None, f"{differ}: differs under LC_ALL={locale}")
    else:
        print("sv_SE.UTF-8 is not installed (scripts/deps.sh --test installs it): the locale run is left out")
finish()
