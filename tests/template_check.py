#!/usr/bin/python3
"""Round trip of `uppfolj template` (issue 12): templates for the sample and
for a fixture with gäller, filled in programmatically (the CSV files by text,
the workbooks with openpyxl in their open cells only), then read by the
engine again: a filled-in template validates with no warning and its figures
come out of `report` as they were typed; an untouched one is "nothing
reported" with one notice per file; openpyxl reads back the data
validations, the locked cells and the dropdowns.

    template_check.py UPPFOLJ XLSX_DUMP SAMPLE_INPUTS GALLER_INPUTS"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

from checks import check, finish

BIN, DUMP, SAMPLE, GALLER = sys.argv[1:5]
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
# Under the sanitizers: libxlsxwriter 1.1.4's own leak of a list range
# (lsan.supp), which LeakSanitizer matches only with the slow unwinder.
ENV["ASAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS"), "fast_unwind_on_malloc=0"]))
ENV["LSAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("LSAN_OPTIONS"),
                                             "suppressions=" + os.path.join(os.path.dirname(__file__), "lsan.supp")]))
FIGURE_HEADER = ["år", "enhet", "indikator", "värde", "kommentar", "partner",
                 "namn", "måttenhet", "föregående", "målvärde", "anvisning"]
ASSESSMENT_HEADER = ["år", "enhet", "mål", "bedömning", "analys", "åtgärder", "namn"]
WORDS = ["uppnått", "delvis uppnått", "ej uppnått"]


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=ENV)


def read_plan(inputs, name):
    path = os.path.join(inputs, "plan", name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, delimiter=";"))


def applies(indicator, unit):
    """gäller: empty means every unit; else unit ids and unit types."""
    words = [w for w in re.split(r"[\s,]+", indicator.get("gäller") or "") if w]
    return not words or unit["id"] in words or unit["typ"] in words


def read_csv(path):
    raw = open(path, "rb").read()
    check(raw.startswith(b"\xef\xbb\xbf"), f"{path}: no BOM")
    text = raw[3:].decode("utf-8")
    check("\r\n" in text and "\n" not in text.replace("\r\n", ""), f"{path}: not CRLF throughout")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def value_for(indicator, k):
    """A valid value for the indicator, different per row: (typed, number)."""
    measure = indicator["måttenhet"]
    lo = float(indicator["min"].replace(",", ".")) if indicator.get("min") else 0
    if measure == "antal":
        return str(3 + k), 3 + k
    if measure == "procent":
        return f"{40 + k},5", 40 + k + 0.5
    return f"{lo + 12 + k},25".replace(".0,", ","), lo + 12 + k + 0.25


def with_submissions(tmp, inputs, name, files):
    """A copy of the plan with only the given files as the year's submissions."""
    root = os.path.join(tmp, name)
    shutil.copytree(os.path.join(inputs, "plan"), os.path.join(root, "plan"))
    year_dir = os.path.join(root, "inrapportering", "2026")
    os.makedirs(year_dir)
    for path, content in files.items():
        with open(os.path.join(year_dir, os.path.basename(path)), "wb") as f:
            f.write(content)
    return root


def figures_of(report_csv):
    rows = read_csv(report_csv)
    head = rows[0]
    out = {}
    for r in rows[1:]:
        rec = dict(zip(head, r))
        if rec["enhet"]:
            out[(rec["enhet"], rec["indikator"])] = rec["värde"]
    return out


def fill_csvs(folder, year, units, indicators, partners):
    """The CSV templates filled in by text; returns files and the values typed."""
    filled, expected = {}, {}
    for unit in units:
        stem = os.path.join(folder, f"{unit['id']}-{year}")
        rows = read_csv(stem + ".csv")
        check(rows[0] == FIGURE_HEADER, f"{stem}.csv header: {rows[0]}")
        by_id = {i["id"]: i for i in indicators}
        listed = [r[2] for r in rows[1:]]
        wanted = [i["id"] for i in indicators if applies(i, unit)]
        check(listed == wanted, f"{unit['id']}: indicators {listed}, expected {wanted}")
        out = [rows[0]]
        for k, r in enumerate(rows[1:]):
            check(r[0] == str(year) and r[1] == unit["id"], f"{stem}.csv ids: {r[:3]}")
            check(r[3:6] == ["", "", ""], f"{stem}.csv: open cells not empty: {r[3:6]}")
            typed, number = value_for(by_id[r[2]], k)
            r = list(r)
            r[3], r[4] = typed, f"kommentar; rad {k}\nmed radbrytning"
            if partners and k == 0:
                r[5] = partners[0]["id"]
            expected[(unit["id"], r[2])] = number
            out.append(r)
        buf = io.StringIO(newline="")
        csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(out)
        filled[stem + ".csv"] = b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
        rows = read_csv(stem + "-sjalvvardering.csv")
        check(rows[0] == ASSESSMENT_HEADER, f"self-assessment header: {rows[0]}")
        out = [rows[0]] + [list(r[:3]) + [WORDS[k % 3], "Analys; med \"citat\"\noch två rader", "Åtgärder"] + r[6:]
                           for k, r in enumerate(rows[1:])]
        buf = io.StringIO(newline="")
        csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(out)
        filled[stem + "-sjalvvardering.csv"] = b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
    return filled, expected


def untouched(folder):
    return {os.path.join(folder, f): open(os.path.join(folder, f), "rb").read()
            for f in os.listdir(folder) if f.endswith(".csv")}


def check_workbook(path, unit, year, indicators, partners, goals):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Siffror", "Självvärdering", "Instruktioner", "Listor"], f"{path}: {wb.sheetnames}")
    ws = wb["Siffror"]
    check(ws.protection.sheet, f"{path}: Siffror not protected")
    check(ws.freeze_panes == "A2", f"{path}: header not frozen ({ws.freeze_panes})")
    check(ws.page_setup.orientation == "landscape", f"{path}: not landscape")
    check([c.value for c in ws[1]] == FIGURE_HEADER, f"{path}: header {[c.value for c in ws[1]]}")
    wanted = [i for i in indicators if applies(i, unit)]
    check(ws.max_row == len(wanted) + 1, f"{path}: {ws.max_row - 1} rows, expected {len(wanted)}")
    dvs = ws.data_validations.dataValidation
    for row, ind in enumerate(wanted, start=2):
        check([ws.cell(row, c).value for c in (1, 2, 3)] == [year, unit["id"], ind["id"]], f"{path}: ids row {row}")
        check(all(ws.cell(row, c).protection.locked for c in (1, 2, 3)), f"{path}: ids not locked row {row}")
        check(not any(ws.cell(row, c).protection.locked for c in (4, 5, 6)), f"{path}: open cells locked row {row}")
        check(ws.cell(row, 7).data_type == "s" and ws.cell(row, 7).value == ind["namn"], f"{path}: name row {row}")
        dv = [d for d in dvs if f"D{row}" in str(d.sqref).split()]
        check(len(dv) == 1, f"{path}: no single validation on D{row}")
        if dv:
            dv = dv[0]
            kind = "whole" if ind["måttenhet"] == "antal" else "decimal"
            check(dv.type == kind and dv.operator in (None, "between"), f"{path}: D{row} validation {dv.type} {dv.operator}")
            check(dv.promptTitle == ind["id"][:32] and dv.prompt and ind["namn"][:40] in dv.prompt,
                  f"{path}: D{row} input message {dv.promptTitle!r} {dv.prompt!r}")
            if ind["måttenhet"] in ("antal", "procent"):
                check(float(dv.formula1) == 0, f"{path}: D{row} minimum {dv.formula1}")
            if ind["måttenhet"] == "procent":
                check(float(dv.formula2) == 100, f"{path}: D{row} maximum {dv.formula2}")
    lists = wb["Listor"]
    check(lists.sheet_state == "hidden", f"{path}: Listor not hidden")
    if partners:
        ids = [lists.cell(r, 1).value for r in range(2, len(partners) + 2)]
        check(ids == [p["id"] for p in partners], f"{path}: partner list {ids}")
        dv = [d for d in dvs if d.type == "list"]
        inline = '"' + ",".join(p["id"] for p in partners) + '"'
        source = inline if len(inline) <= 257 else f"Listor!$A$2:$A${len(partners) + 1}"
        check(len(dv) == 1 and dv[0].formula1 == source
              and f"F2:F{len(wanted) + 1}" in str(dv[0].sqref), f"{path}: partner dropdown {dv}")
    sa = wb["Självvärdering"]
    check(sa.protection.sheet, f"{path}: Självvärdering not protected")
    check([c.value for c in sa[1]] == ASSESSMENT_HEADER, f"{path}: self-assessment header")
    check([sa.cell(r, 3).value for r in range(2, len(goals) + 2)] == [g["id"] for g in goals], f"{path}: goals")
    check(not any(sa.cell(2, c).protection.locked for c in (4, 5, 6)), f"{path}: assessment cells locked")
    check(sa.cell(2, 5).alignment.wrap_text, f"{path}: analysis does not wrap")
    dv = [d for d in sa.data_validations.dataValidation if d.type == "list"]
    check(len(dv) == 1 and dv[0].formula1 == '"' + ",".join(WORDS) + '"', f"{path}: assessment dropdown")
    text = " ".join(str(c.value) for c in wb["Instruktioner"]["A"] if c.value)
    for phrase in ("tomt betyder ej rapporterat", "decimalkomma", "uppfolj validate", "kommunledningskontoret"):
        check(phrase in text, f"{path}: instructions lack '{phrase}'")
    return wb


def fill_workbook(wb, path, unit, indicators, partners):
    """Types values into the open cells only, as a clerk would: a figure
    and a comment on each row, a partner from the dropdown on the first,
    each goal assessed. Returns the figures typed, by (unit, indicator),
    and the number of goals assessed."""
    ws = wb["Siffror"]
    by_id = {i["id"]: i for i in indicators}
    typed = {}
    for k, row in enumerate(range(2, ws.max_row + 1)):
        cell = ws.cell(row, 4)
        check(not cell.protection.locked, f"{path}: typing into a locked cell")
        ind = by_id[ws.cell(row, 3).value]
        cell.value = value_for(ind, k)[1]
        typed[(unit["id"], ind["id"])] = cell.value
        ws.cell(row, 5).value = "=SUMMA(1;2) är text"
        ws.cell(row, 5).data_type = "s"  # typed as text, as Excel keeps a comment that is no formula
        if partners and k == 0:
            ws.cell(row, 6).value = partners[-1]["id"]
    sa = wb["Självvärdering"]
    for k, row in enumerate(range(2, sa.max_row + 1)):
        for c in (4, 5, 6):
            check(not sa.cell(row, c).protection.locked, f"{path}: typing into a locked assessment cell")
        sa.cell(row, 4).value = WORDS[k % 3]
        sa.cell(row, 5).value = "Analys\nmed två rader"
        sa.cell(row, 6).value = "Åtgärder"
    wb.save(path)
    return typed, sa.max_row - 1


def check_no_formulas(folder):
    """No template holds a formula: no <f> in any sheet of a workbook, no
    CSV cell that Excel would take for one."""
    for f in sorted(os.listdir(folder)):
        path = os.path.join(folder, f)
        if f.endswith(".xlsx"):
            with zipfile.ZipFile(path) as z:
                for part in z.namelist():
                    if part.startswith("xl/worksheets/"):
                        check(not re.search(rb"<f[ >]", z.read(part)), f"{path}: a formula in {part}")
                check("xl/calcChain.xml" not in z.namelist(), f"{path}: a calculation chain")
        elif f.endswith(".csv"):
            for row in read_csv(path):
                check(not any(c[:1] in ("=", "+", "-", "@") and len(c) > 1 and not re.fullmatch(r"-?[0-9,]+", c)
                              for c in row), f"{path}: a formula-like cell in {row}")


def check_filled(tmp, inputs, name, files, expected_units, values, assessed):
    """Filled-in templates (CSV or workbooks) as the year's submissions:
    every figure and self-assessment row read and accepted, no warning, no
    rejection, every unit in, and report's figures as typed."""
    root = with_submissions(tmp, inputs, name, files)
    r = run("validate", root)
    check(r.returncode == 0, f"{name}: filled templates exit {r.returncode}: {r.stdout}")
    check(not re.search(r"(^|: )(varning|fel):", r.stdout, re.M), f"{name}: filled templates: {r.stdout}")
    n = len(values) + assessed
    check(f"Rader: {n} lästa, {n} godkända, 0 avvisade" in r.stdout, f"{name}: rows, {n} typed: {r.stdout}")
    check(f"Filer: {len(files)} lästa, 0 avvisade" in r.stdout, f"{name}: files {r.stdout}")
    check(f"Inrapportering 2026: {len(expected_units)} av {len(expected_units)} enheter" in r.stdout,
          f"{name}: coverage {r.stdout}")
    out = os.path.join(tmp, name + "-rapport")
    r = run("report", root, "--out", out, "--format", "csv")
    check(r.returncode == 0, f"{name}: report exit {r.returncode}: {r.stderr}")
    got = figures_of(os.path.join(out, "sammanstallning-2026.csv"))
    for key, number in values.items():
        shown = got.get(key, "")
        check(shown and abs(float(shown.replace(",", ".")) - number) < 1e-9,
              f"{name}: {key} reported {shown!r}, filled in {number}")
    check(len([k for k, v in got.items() if v]) == len(values), f"{name}: figures beyond those filled in")


def validate_untouched_workbooks(tmp, inputs, name, folder, expected_units, indicators):
    """Untouched workbooks: nothing reported, one notice per file (not one
    per sheet or per row), no warning from the reference columns or the
    hidden Listor sheet, no zeros."""
    files = {f: open(os.path.join(folder, f), "rb").read() for f in os.listdir(folder) if f.endswith(".xlsx")}
    root = with_submissions(tmp, inputs, name + "-orord-xlsx", files)
    r = run("validate", root)
    check(r.returncode == 0, f"{name}: untouched workbooks exit {r.returncode}: {r.stdout}")
    notices = [l for l in r.stdout.splitlines() if "inget värde är ifyllt" in l]
    multi = [u for u in expected_units if sum(applies(i, u) for i in indicators) > 1]
    check(len(notices) == len(multi), f"{name}: {len(notices)} nothing-reported notices for {len(multi)} workbooks")
    check(len({l.split(":")[0] for l in notices}) == len(notices), f"{name}: more than one notice for a workbook")
    others = [l for l in r.stdout.splitlines() if re.search(r"(varning|fel):", l)
              and "inget värde är ifyllt" not in l and "har inte rapporterat" not in l]
    check(not others, f"{name}: untouched workbooks: {others}")
    check("Filer: %d lästa, 0 avvisade" % len(files) in r.stdout, f"{name}: untouched workbook files {r.stdout}")
    check(f"Inrapportering 2026: 0 av {len(expected_units)} enheter" in r.stdout, f"{name}: coverage {r.stdout}")


def check_partly_filled_workbook(tmp, inputs, name, folder, unit):
    """A workbook with one figure typed: each empty row is warned about,
    at its cell, as in a CSV file (they were once lost for workbooks)."""
    wb = openpyxl.load_workbook(os.path.join(folder, f"{unit['id']}-2026.xlsx"))
    ws = wb["Siffror"]
    ws["D2"] = 1
    path = os.path.join(tmp, f"{name}-delvis.xlsx")
    wb.save(path)
    root = with_submissions(tmp, inputs, name + "-delvis", {f"{unit['id']}-2026.xlsx": open(path, "rb").read()})
    r = run("validate", root)
    empty = [l for l in r.stdout.splitlines() if "värde saknas" in l]
    wanted = [f"Siffror!D{row}: värde saknas" for row in range(3, ws.max_row + 1)]
    check(len(empty) == len(wanted) and all(w in l for w, l in zip(wanted, empty)),
          f"{name}: empty rows of a partly filled workbook: {empty}")


def round_trip(tmp, inputs, name):
    units = read_plan(inputs, "enheter.csv")
    indicators = read_plan(inputs, "indikatorer.csv")
    partners = read_plan(inputs, "partners.csv")
    goals = read_plan(inputs, "mal.csv")
    expected_units = [u for u in units if any(applies(i, u) for i in indicators)]
    folder = os.path.join(tmp, name + "-mallar")
    r = run("template", inputs, "--out", folder)
    check(r.returncode == 0, f"{name}: template exit {r.returncode}: {r.stderr}")
    names = sorted(f for f in os.listdir(folder) if not f.startswith("."))
    wanted = sorted(f"{u['id']}-2026{s}" for u in expected_units
                    for s in (".xlsx", ".csv", "-sjalvvardering.csv"))
    check(names == wanted, f"{name}: files {names}")
    again = os.path.join(tmp, name + "-igen")
    run("template", inputs, "--out", again)
    for f in names:
        check(open(os.path.join(folder, f), "rb").read() == open(os.path.join(again, f), "rb").read(),
              f"{name}: {f} differs between two runs with the same SOURCE_DATE_EPOCH")

    # Untouched: nothing reported, one notice per figure file, no zeros.
    root = with_submissions(tmp, inputs, name + "-orord", untouched(folder))
    r = run("validate", root)
    check(r.returncode == 0, f"{name}: untouched templates exit {r.returncode}: {r.stdout}")
    notices = [l for l in r.stdout.splitlines() if "inget värde är ifyllt" in l]
    multi = [u for u in expected_units if sum(applies(i, u) for i in indicators) > 1]
    check(len(notices) == len(multi), f"{name}: {len(notices)} nothing-reported notices for {len(multi)} files")
    check("värde saknas" not in r.stdout, f"{name}: a warning per empty row")
    check(f"Inrapportering 2026: 0 av {len(expected_units)} enheter" in r.stdout, f"{name}: coverage {r.stdout}")
    check(" fel:" not in r.stdout, f"{name}: untouched templates gave errors")

    # Filled in by text: no warning, no rejection, the figures as typed.
    filled, values = fill_csvs(folder, 2026, expected_units, indicators, partners)
    assessed = sum(len(read_csv(f)) - 1 for f in filled if f.endswith("-sjalvvardering.csv"))
    check_filled(tmp, inputs, name + "-ifylld", filled, expected_units, values, assessed)

    # The workbooks: structure, then filled in the open cells and read back.
    check_no_formulas(folder)
    validate_untouched_workbooks(tmp, inputs, name, folder, expected_units, indicators)
    workbooks, typed, goals_assessed = {}, {}, 0
    for unit in expected_units:
        path = os.path.join(folder, f"{unit['id']}-2026.xlsx")
        wb = check_workbook(path, unit, 2026, indicators, partners, goals)
        filled_path = os.path.join(tmp, f"{name}-{unit['id']}-ifylld.xlsx")
        figures, assessed = fill_workbook(wb, filled_path, unit, indicators, partners)
        typed.update(figures)
        goals_assessed += assessed
        workbooks[f"{unit['id']}-2026.xlsx"] = open(filled_path, "rb").read()
        dump = subprocess.run([DUMP, filled_path], capture_output=True, text=True)
        check(dump.returncode == 0, f"{filled_path}: the reader rejected it: {dump.stderr}")
        rows = [l for l in dump.stdout.splitlines() if re.match(r"^\d+\t", l)]
        check(any("D=uppnått" in l for l in rows), f"{filled_path}: assessment not read back")
        check(sum("E==SUMMA" in l for l in rows) == sum(applies(i, unit) for i in indicators),
              f"{filled_path}: comments not read back as text")
    check_filled(tmp, inputs, name + "-xlsx", workbooks, expected_units, typed, goals_assessed)
    multi = [u for u in expected_units if sum(applies(i, u) for i in indicators) > 2]
    check_partly_filled_workbook(tmp, inputs, name, folder, multi[0])
    return folder


def check_sample_references(tmp):
    """Last year's figure and the target with its source, for 2025 from 2024."""
    folder = os.path.join(tmp, "ref")
    r = run("template", SAMPLE, "--year", "2025", "--out", folder)
    check(r.returncode == 0, f"template --year 2025: {r.stderr}")
    out = os.path.join(tmp, "ref-rapport")
    run("report", SAMPLE, "--year", "2025", "--out", out, "--format", "csv")
    rows = read_csv(os.path.join(out, "sammanstallning-2025.csv"))
    head = rows[0]
    export = {(d["enhet"], d["indikator"]): d for d in (dict(zip(head, x)) for x in rows[1:])}
    seen_own = seen_whole = 0
    for unit in read_plan(SAMPLE, "enheter.csv"):
        path = os.path.join(folder, f"{unit['id']}-2025.csv")
        if not os.path.exists(path):
            continue
        for r in read_csv(path)[1:]:
            e = export[(unit["id"], r[2])]
            check(r[8] == e["föregående"], f"{unit['id']} {r[2]}: föregående {r[8]!r}, report says {e['föregående']!r}")
            source = {"enheten": "(enhetens)", "kommunen": "(kommunens)", "": ""}[e["målvärde_avser"]]
            check(r[9].endswith(source) and (source or not r[9]), f"{unit['id']} {r[2]}: målvärde {r[9]!r}, {source}")
            seen_own += source == "(enhetens)"
            seen_whole += source == "(kommunens)"
    check(seen_whole > 0, "no template row with the municipality's target")


def check_long_partner_list(tmp):
    """More partners than Excel's 255 characters hold: the hidden sheet's range."""
    root = os.path.join(tmp, "manga")
    shutil.copytree(GALLER, root)
    with open(os.path.join(root, "plan", "partners.csv"), "w", encoding="utf-8") as f:
        f.write("id;namn;typ;land\n")
        for k in range(40):
            f.write(f"partnerkommun-{k:02d};Partnerkommun {k};vänort;Norge\n")
    folder = os.path.join(tmp, "manga-mallar")
    r = run("template", root, "--out", folder)
    check(r.returncode == 0, f"long partner list: {r.returncode} {r.stderr}")
    units = read_plan(root, "enheter.csv")
    wb = check_workbook(os.path.join(folder, "social-2026.xlsx"), units[1], 2026, read_plan(root, "indikatorer.csv"),
                        read_plan(root, "partners.csv"), read_plan(root, "mal.csv"))
    dv = [d for d in wb["Siffror"].data_validations.dataValidation if d.type == "list"]
    check(dv and dv[0].formula1 == "Listor!$A$2:$A$41", f"long partner list: {dv}")


def check_formula_names(tmp):
    """A plan name that starts with '=' is text in the workbook, never a formula."""
    root = os.path.join(tmp, "formel")
    shutil.copytree(GALLER, root)
    path = os.path.join(root, "plan", "indikatorer.csv")
    text = open(path, encoding="utf-8").read().replace(";Nya projekt;", ";=1+1 Nya projekt;", 1)
    open(path, "w", encoding="utf-8").write(text)
    folder = os.path.join(tmp, "formel-mallar")
    r = run("template", root, "--out", folder)
    check(r.returncode == 0, f"formula name: {r.stderr}")
    ws = openpyxl.load_workbook(os.path.join(folder, "social-2026.xlsx"))["Siffror"]
    check(ws["G2"].data_type == "s" and ws["G2"].value == "=1+1 Nya projekt", f"formula name: {ws['G2'].value!r}")
    rows = read_csv(os.path.join(folder, "social-2026.csv"))
    check(rows[1][6].startswith("'="), f"formula name in CSV: {rows[1][6]!r}")


with tempfile.TemporaryDirectory() as tmp:
    round_trip(tmp, SAMPLE, "sample")
    round_trip(tmp, GALLER, "galler")
    check_sample_references(tmp)
    check_formula_names(tmp)
    check_long_partner_list(tmp)
    r = run("template", SAMPLE, "--out", os.path.join(SAMPLE, "inrapportering", "mallar"))
    check(r.returncode == 2 and not os.path.exists(os.path.join(SAMPLE, "inrapportering", "mallar")),
          "templates inside inrapportering/ are refused")
    # Submissions for 2100: no valid year follows, and nothing is written.
    late = os.path.join(os.path.dirname(os.path.dirname(GALLER)), "v2-mall-och-ar", "inputs")
    out = os.path.join(tmp, "2101")
    r = run("template", late, "--out", out)
    check(r.returncode == 2 and "2101" in r.stderr and not os.path.exists(out), f"year 2101: {r.returncode} {r.stderr}")
    # Files are not taken: the templates cover every unit.
    r = run("template", SAMPLE, os.path.join(SAMPLE, "plan", "mal.csv"))
    check(r.returncode == 2, f"template with a file: {r.returncode}")
finish()
