#!/usr/bin/python3
"""Writes the workbooks of the data-driven xlsx cases at test time, so that
what each case reads stays reviewable here rather than in binary fixtures.

Usage: make_workbooks.py SET DIR
  read      bolag.xlsx (instructions, figures with text, number, formula and
            percentage cells, a self-assessment sheet, a hidden list sheet
            (ignored), a hidden sheet of figures (read)),
            Kultur.XLSX (a self-assessment only), and an Excel lock file
  rejected  siffror.xlsx (row errors: Siffror!D14, a percentage on an antal
            indicator, a value right of the header), formel.xlsx (a formula
            without a saved value), saknar.xlsx (sheets missing a column),
            anteckningar.xlsx (no sheet to read), gammal.xls, kalkyl.ods
  empty     a.xlsx (no value on two figure sheets: one notice for the
            file), b.xlsx (one value typed: the other rows warned about at
            their cells)

xlsxwriter writes formulas with their value; openpyxl writes them without
one, as a workbook made by a program and never opened in Excel has.
Debian's python3-xlsxwriter and python3-openpyxl.
"""
import os
import sys
import zipfile

import openpyxl
import xlsxwriter

FIGURES = ["år", "enhet", "indikator", "värde", "kommentar"]


def rows(ws, start, table, fmt=None):
    for r, values in enumerate(table):
        for c, v in enumerate(values):
            if v is None:
                continue
            if isinstance(v, tuple):  # (kind, value)
                kind, val = v
                if kind == "pct":
                    ws.write_number(start + r, c, val, fmt)
                elif kind == "formula":
                    ws.write_formula(start + r, c, val[0], None, val[1])
            else:
                ws.write(start + r, c, v)


def read_set(d):
    wb = xlsxwriter.Workbook(os.path.join(d, "bolag.xlsx"))
    pct = wb.add_format({"num_format": "0%"})
    ins = wb.add_worksheet("Instruktioner")
    ins.write(0, 0, "Så här fyller du i arbetsboken")
    ins.write(2, 0, "Skriv värdet i kolumnen värde; år och enhet är ifyllda.")
    ws = wb.add_worksheet("Siffror")
    rows(ws, 0, [
        FIGURES + ["namn"],
        [2025, "c", "handlaggning", "12,5", "text med decimalkomma", "Handläggningstid"],
        [2025, "c", "andel", ("pct", 0.125), "procentformaterad cell", "Andel"],
        [2025, "c", "basta", ("formula", ("=1000+250.5", 1250.5)), "formel med sparat värde", "Största"],
    ], pct)
    sv = wb.add_worksheet("Självvärdering")
    rows(sv, 0, [
        ["år", "enhet", "mål", "bedömning", "analys"],
        [2025, "c", "1", "uppnått", "Bra år.\nFler projekt än väntat."],
        [2025, "c", "2", "", ""],
    ])
    lists = wb.add_worksheet("Listor")
    rows(lists, 0, [["enhet"], ["a"], ["b"], ["c"]])
    lists.hide()
    hidden = wb.add_worksheet("Dolda siffror")  # hidden, with a header: read
    rows(hidden, 0, [FIGURES, [2025, "b", "basta", 10, "på ett dolt blad"]])
    hidden.hide()
    wb.close()

    wb = xlsxwriter.Workbook(os.path.join(d, "Kultur.XLSX"))
    sv = wb.add_worksheet("Självvärdering")
    rows(sv, 0, [["år", "enhet", "mål", "bedömning"], [2025, "a", "2", "delvis uppnått"]])
    wb.close()

    with open(os.path.join(d, "~$bolag.xlsx"), "wb") as f:  # Excel's lock file
        f.write(b"\x05Kalle" + b"\x00" * 40)


def rejected_set(d):
    wb = xlsxwriter.Workbook(os.path.join(d, "siffror.xlsx"))
    pct = wb.add_format({"num_format": "0.0%"})
    notes = wb.add_worksheet("Anteckningar")
    notes.write(0, 0, "Frågor till kommunledningskontoret")
    ws = wb.add_worksheet("Siffror")
    rows(ws, 0, [
        FIGURES,
        [2025, "a", "projekt", 5],
        [2025, "a", "andel", ("pct", 0.42)],
        [2025, "b", "projekt", ("pct", 0.5), "procent på en antal-indikator"],
        [2025, "c", "projekt", 1, None, None, "anteckning utanför tabellen"],
    ], pct)
    rows(ws, 13, [[2025, "b", "handlaggning", "ca 20", "uppskattat"]])
    wb.close()

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Siffror"
    ws.append(FIGURES + ["föregående"])
    ws.append([2025, "b", "andel", "=40+2", None, "=C2"])  # value never saved
    ws.append([2025, "b", "basta", 100, None, "=C3"])  # only the reference column
    wb.save(os.path.join(d, "formel.xlsx"))

    wb = xlsxwriter.Workbook(os.path.join(d, "saknar.xlsx"))
    ws = wb.add_worksheet("Siffror")
    rows(ws, 0, [["år", "enhet", "indikator"], [2025, "a", "basta"], [2025, "b", "basta"]])
    ws = wb.add_worksheet("Kommentarer")
    rows(ws, 0, [["kommentar"], ["Vi rapporterar basta i december."]])
    wb.close()

    wb = xlsxwriter.Workbook(os.path.join(d, "anteckningar.xlsx"))
    ws = wb.add_worksheet("Anteckningar")
    rows(ws, 0, [["Inrapportering 2025"], [], FIGURES, [2025, "a", "basta", 7]])
    wb.close()

    with open(os.path.join(d, "gammal.xls"), "wb") as f:  # OLE2, as Excel 97-2003 saves
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\x00" * 504)
    with zipfile.ZipFile(os.path.join(d, "kalkyl.ods"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")


def empty_set(d):
    wb = xlsxwriter.Workbook(os.path.join(d, "a.xlsx"))
    for name, ids in (("Siffror", ("projekt", "andel")), ("Fler siffror", ("handlaggning",))):
        ws = wb.add_worksheet(name)
        rows(ws, 0, [FIGURES + ["namn"]] + [[2025, "a", i, None, None, "referens"] for i in ids])
    wb.close()

    wb = xlsxwriter.Workbook(os.path.join(d, "b.xlsx"))
    ws = wb.add_worksheet("Siffror")
    rows(ws, 0, [FIGURES, [2025, "b", "projekt", 4], [2025, "b", "andel"], [2025, "b", "basta", None, "kommer"]])
    wb.close()


def main():
    kind, d = sys.argv[1], sys.argv[2]
    os.makedirs(d, exist_ok=True)
    {"read": read_set, "rejected": rejected_set, "empty": empty_set}[kind](d)


if __name__ == "__main__":
    main()
