#!/usr/bin/python3
"""End-to-end check of `uppfolj report`: runs the binary on a fixture folder
and reads the workbook and the CSV back with independent readers (openpyxl,
the csv module), asserting figures, statuses, sheet and column names, that
formula-like comments stay text, that read = accepted + rejected, and that
two runs with the same SOURCE_DATE_EPOCH are byte-identical."""
import csv
import io
import os
import subprocess
import sys
import tempfile

import openpyxl

from checks import check, finish

BIN, FIXTURE = sys.argv[1], sys.argv[2]


def run(out, extra_env=None, extra_args=()):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    env.update(extra_env or {})
    return subprocess.run([BIN, "report", FIXTURE, "--out", out, "--format", "xlsx,csv", *extra_args],
                          capture_output=True, text=True, env=env)


with tempfile.TemporaryDirectory() as tmp:
    first, second = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    r = run(first)
    check(r.returncode == 1, f"exit status 1 expected (one row rejected), got {r.returncode}: {r.stderr}")
    check("Rader: 17 lästa, 16 godkända, 1 avvisade" in r.stdout, "counts line: " + r.stdout)
    r2 = run(second)
    for name in ("uppfoljning-2025.xlsx", "sammanstallning-2025.csv"):
        a = open(os.path.join(first, name), "rb").read()
        b = open(os.path.join(second, name), "rb").read()
        check(a == b, f"{name}: two runs with the same SOURCE_DATE_EPOCH differ")
    check(not [f for f in os.listdir(first) if f.startswith(".") and f not in (".uppfolj-las", ".uppfolj-utdata")],
          "temporary files left behind")

    wb = openpyxl.load_workbook(os.path.join(first, "uppfoljning-2025.xlsx"))
    check(wb.sheetnames == ["Sammanfattning", "Mål 1", "Mål 2", "Enheter", "Självvärdering", "Partner", "Rådata",
                            "Avvisade", "Varningar"], f"sheets: {wb.sheetnames}")
    check(wb.properties.creator == "Kommunledningskontoret", "author")
    check(wb.properties.created.year == 2026 and wb.properties.created.month == 1, "created from SOURCE_DATE_EPOCH")

    raw = wb["Rådata"]
    header = [c.value for c in raw[1]][:8]
    check(header == ["År", "Enhet", "Indikator", "Partner", "Värde", "Kommentar", "Fil", "Rad"], f"Rådata: {header}")
    rows = list(raw.iter_rows(min_row=2, values_only=True))
    check(len(rows) == 16, f"Rådata rows: {len(rows)}")
    comments = {row[5]: raw.cell(row=i + 2, column=6) for i, row in enumerate(rows) if row[5]}
    for text in ('=HYPERLINK("http://x","klicka")', "+1 från Moss", "@SUM(A1)", "-2 mot plan"):
        cell = comments.get(text)
        check(cell is not None and cell.data_type == "s", f"comment {text!r} must be a text cell")
    check(("inrapportering/2025/alla.csv", 2) in [(row[6], row[7]) for row in rows], "Fil/Rad provenance")

    rejected = wb["Avvisade"]
    check([c.value for c in rejected[1]] == ["Fil", "Rad", "Kolumn", "År", "Enhet", "Orsak"], "Avvisade columns")
    bad = list(rejected.iter_rows(min_row=2, values_only=True))
    check(len(bad) == 1 and bad[0][1] == 10 and bad[0][2] == 3 and "okand" in bad[0][5], f"Avvisade: {bad}")
    check(bad[0][3] == 2025 and bad[0][4] == "b", f"Avvisade: the rejected row's year (a number) and unit: {bad}")

    summary = {row[0]: row for row in wb["Sammanfattning"].iter_rows(values_only=True) if row[0]}
    check(summary["Lästa rader"][1] == 17 and summary["Godkända rader"][1] == 16
          and summary["Avvisade rader"][1] == 1, "summary counts")
    proj = summary["Nya projekt"]
    check(proj[3:7] == (15, 20, 12, 3) and proj[8] == "◐ Delvis uppnått", f"Nya projekt: {proj}")
    check(summary["Största enskilda bidrag"][8] == "✔ Förbättrad", "no target: the word describes the trend")
    check(summary["Andel med omvärldsbevakning"][3] == 50
          and summary["Andel med omvärldsbevakning"][8] == "✔ Uppnått", "andel: mean of reporting units")
    check(summary["Handläggningstid"][8] == "✔ Uppnått", "minska reached")
    check(summary["Största enskilda bidrag"][3] == 250.5, "max aggregation")
    goal1 = summary["Mål 1: Fler projektinitiativ"]
    check(goal1[8:12] == ("✔ Uppnått/förbättrad: 1", "◐ Delvis uppnått/oförändrad: 1", "✖ Ej uppnått/försämrad: 0",
                          "– Underlag saknas: 0"), f"goal counts: {goal1}")

    head = [c.value for c in wb["Enheter"][1]]
    check(head[:9] == ["Enhet", "Namn", "Typ", "Rapporterat", "Avvisade rader", "Nya projekt", "Status: Nya projekt",
                       "Målvärde: Nya projekt", "Målvärde avser: Nya projekt"], f"Enheter header: {head[:9]}")
    units = {row[0]: row for row in wb["Enheter"].iter_rows(min_row=2, values_only=True)}
    check(units["c"][3] == "Nej: ingen fil inkom", f"unit c sent nothing: {units['c'][3]}")
    check(units["a"][5:9] == (10, "✔ Uppnått", 8, "eget"), f"unit a projekt: {units['a'][5:9]}")
    check(units["b"][5:9] == (5, "✔ Förbättrad", None, None), f"unit b projekt, no target of its own: {units['b'][5:9]}")
    check(units["a"][9:13] == (45, "◐ Delvis uppnått", 50, "kommunens"),
          f"unit a andel (medel) is measured against the municipality's target: {units['a'][9:13]}")
    check(units["c"][5] is None and units["c"][6] == "– Underlag saknas", "not reported is empty, not 0")

    own = wb["Självvärdering"]
    check([c.value for c in own[1]] == ["År", "Enhet", "Namn", "Mål", "Bedömning", "Avviker", "Gröna/röda", "Analys",
                                        "Åtgärder", "Fil", "Rad"], f"Självvärdering header: {[c.value for c in own[1]]}")
    grid = list(own.iter_rows(min_row=2, values_only=True))
    check(len(grid) == 3 * 2 and all(r[4] == "Ingen självvärdering inkom." for r in grid),
          f"Självvärdering: every unit × goal, none arrived: {grid}")

    # Print setup: A4 across, as wide as a page, header row repeated, page numbers.
    for ws in wb.worksheets:
        ps = ws.page_setup
        check(ps.orientation == "landscape" and str(ps.paperSize) == "9", f"{ws.title}: landscape A4")
        if ws.title == "Enheter":  # too wide to fit: printed across pages, the units on each
            check(str(ps.scale) == "70" and ws.print_title_cols == "$A:$B"
                  and not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                  f"Enheter: scale {ps.scale}, columns {ws.print_title_cols}")
        else:
            check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
                  and ps.fitToWidth in (None, 1, "1") and str(ps.fitToHeight) == "0", f"{ws.title}: fit to width")
        check(ws.print_title_rows is not None, f"{ws.title}: header rows repeated")
        check("&P" in (ws.oddFooter.right.text or "") and "&N" in (ws.oddFooter.right.text or ""),
              f"{ws.title}: footer with the page number")
    sheet = wb["Sammanfattning"]
    header_row = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Mål / indikator")
    check(sheet.print_title_rows == f"${header_row}:${header_row}", f"Sammanfattning repeats its table header: "
          f"{sheet.print_title_rows}")
    # Links from Sammanfattning to each goal's sheet.
    links = {c.value: c.hyperlink.location for r in sheet.iter_rows() for c in r if c.hyperlink}
    check(links == {"Mål 1: Fler projektinitiativ": "'Mål 1'!A1", "Mål 2: Fler kontaktytor": "'Mål 2'!A1"},
          f"goal links: {links}")
    # Changes: a share's change is in percentage points, and no per cent of it.
    cells = {r[0].value: r for r in sheet.iter_rows() if r[0].value}
    share = cells["Andel med omvärldsbevakning"]
    check("p.e." in share[6].number_format and "%" not in share[6].number_format.replace('"%"', "")
          and share[7].value is None, f"andel change in points: {share[6].number_format!r}, {share[7].value!r}")
    count = cells["Nya projekt"]
    check(count[6].number_format == "#,##0" and count[7].number_format == "0%", "a count's change stays as it was")
    # Years are numbers; the goal sheets' charts have plain axis formats.
    for name in ("Mål 1", "Mål 2"):
        years = [c for r in wb[name].iter_rows() for c in r if c.value in (2024, 2025, "2024", "2025")]
        check(years and all(c.data_type == "n" for c in years), f"{name}: years as numbers")
    check(all(isinstance(r[0], int) for r in raw.iter_rows(min_row=2, values_only=True)), "Rådata: years as numbers")
    partner_years = [c for c in wb["Partner"][1] if c.data_type == "n"]
    check([c.value for c in partner_years] == [2024, 2025] and all(
        c.number_format == '"Aktiviteter "0' for c in partner_years),
          f"Partner: years as numbers, shown as Aktiviteter ÅÅÅÅ: {[(c.value, c.number_format) for c in partner_years]}")
    import zipfile
    with zipfile.ZipFile(os.path.join(first, "uppfoljning-2025.xlsx")) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    check(charts and all("✔" not in c and 'formatCode="0"' in c for c in charts),
          "chart axes: plain number formats, no status symbol")
    # No two column ranges overlap (libxlsxwriter forbids it; Excel repairs the file).
    import re
    for xml in sheets:
        spans = sorted((int(a), int(b)) for a, b in re.findall(r'<col min="(\d+)" max="(\d+)"', xml))
        check(all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1)), f"overlapping columns: {spans}")

    # The texts added for print and for Avvisade come from the catalogue, in English too.
    english = os.path.join(tmp, "en")
    run(english, extra_args=("--lang", "en"))
    en = openpyxl.load_workbook(os.path.join(english, "uppfoljning-2025.xlsx"))
    check(en.sheetnames == ["Summary", "Goal 1", "Goal 2", "Units", "Self-assessment", "Partners", "Raw data",
                            "Rejected", "Warnings"], f"sheets in English: {en.sheetnames}")
    check([c.value for c in en["Rejected"][1]] == ["File", "Line", "Column", "Year", "Unit", "Reason"],
          f"Avvisade in English: {[c.value for c in en['Rejected'][1]]}")
    check(all(ws.oddFooter.right.text == "Page &P of &N" for ws in en.worksheets), "English footer")
    check("Status: Nya projekt" in [c.value for c in en["Units"][1]], "Enheter: the indicator's name")
    en_links = {c.value: c.hyperlink.location for r in en["Summary"].iter_rows() for c in r if c.hyperlink}
    check(en_links == {"Goal 1: Fler projektinitiativ": "'Goal 1'!A1", "Goal 2: Fler kontaktytor": "'Goal 2'!A1"},
          f"goal links in English: {en_links}")

    data = open(os.path.join(first, "sammanstallning-2025.csv"), "rb").read()
    check(data.startswith(b"\xef\xbb\xbf"), "CSV BOM")
    check(b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), "CSV CRLF")
    table = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))
    check(table[0] == ["år", "mål", "indikator", "enhet", "värde", "målvärde", "föregående", "status", "bedömning",
                       "målvärde_avser", "avvisade_rader", "indikatornamn", "enhetsnamn", "måttenhet"], "CSV header")
    check(all(len(row) == 14 for row in table), "CSV: 14 columns on every row")
    check(["2025", "1", "projekt", "", "15", "20", "12", "gul", "delvis uppnått", "kommunen", "0", "Nya projekt", "",
           "antal"] in table, "CSV municipal row")
    check(["2025", "1", "projekt", "a", "10", "8", "6", "grön", "uppnått", "enheten", "0", "Nya projekt",
           "Förvaltning A", "antal"] in table, "CSV unit's own target")
    check(["2025", "1", "projekt", "b", "5", "", "4", "grön", "förbättrad", "", "0", "Nya projekt", "Förvaltning B",
           "antal"] in table, "CSV summa: no inherited target, the trend word")
    check(["2025", "2", "andel", "a", "45", "50", "40", "gul", "delvis uppnått", "kommunen", "0",
           "Andel med omvärldsbevakning", "Förvaltning A", "procent"] in table, "CSV medel: the municipality's target")
    check(["2025", "1", "basta", "b", "250,5", "", "", "grå", "underlag saknas", "", "0", "Största enskilda bidrag",
           "Förvaltning B", "tkr"] in table, "CSV decimal comma; no previous, no target")
    check(["2025", "1", "basta", "", "250,5", "", "100", "grön", "förbättrad", "", "0", "Största enskilda bidrag", "",
           "tkr"] in table, "CSV max over units that reported")
    check(["2025", "1", "projekt", "c", "", "", "2", "grå", "underlag saknas", "", "0", "Nya projekt", "Bolag C",
           "antal"] in table, "CSV unit not reported")
    check(len(table) == 1 + 2 * 4 * 4, f"CSV rows: one per figure and year, got {len(table) - 1}")

finish()
