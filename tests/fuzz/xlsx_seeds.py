#!/usr/bin/python3
"""Seeds for fuzz_xlsx: small workbooks, written anew by each run rather than
checked in. Most are hand-made from literal XML with stored (uncompressed)
parts, so that libFuzzer's mutations land in the XML rather than in deflate
streams: a submission sheet with every cell type, shared strings with rich
runs and escapes, percentage formats, formulas with and without a cached
value, several sheets (one hidden, a chart sheet), a template-like workbook,
and a few rejected ones (DTD, wrong content type). When openpyxl and
XlsxWriter are installed, a workbook from each is added as they write them
(deflated).

Usage: xlsx_seeds.py OUTDIR"""
import os
import sys
import zipfile

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
T = R + "/"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def book(path, sheets, strings=None, styles=None, main=MAIN, extra_rels=""):
    """sheets: [(name, xml, state)]; xml None makes a chart sheet."""
    rels, entries, parts = [], [], {}
    for i, (name, xml, state) in enumerate(sheets, 1):
        st = f' state="{state}"' if state else ""
        entries.append(f'<sheet name="{name}" sheetId="{i}"{st} r:id="rId{i}"/>')
        kind = "worksheet" if xml is not None else "chartsheet"
        folder = "worksheets" if xml is not None else "chartsheets"
        rels.append(f'<Relationship Id="rId{i}" Type="{T}{kind}" Target="{folder}/sheet{i}.xml"/>')
        parts[f"xl/{folder}/sheet{i}.xml"] = xml if xml is not None else "<chartsheet/>"
    if strings is not None:
        rels.append(f'<Relationship Id="rId90" Type="{T}sharedStrings" Target="sharedStrings.xml"/>')
        parts["xl/sharedStrings.xml"] = strings
    if styles is not None:
        rels.append(f'<Relationship Id="rId91" Type="{T}styles" Target="/xl/styles.xml"/>')
        parts["xl/styles.xml"] = styles
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   f'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{main}"/>'
                   '</Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                   f'Type="{T}officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{NS}" xmlns:r="{R}"><sheets>'
                   + "".join(entries) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">' + "".join(rels)
                   + extra_rels + "</Relationships>")
        for name, data in parts.items():
            z.writestr(name, data)


def sheet(rows):
    return f'<?xml version="1.0"?><worksheet xmlns="{NS}"><sheetData>{rows}</sheetData></worksheet>'


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


STRINGS = (f'<sst xmlns="{NS}" count="6" uniqueCount="6"><si><t>år</t></si><si><t>enhet</t></si>'
           '<si><t>indikator</t></si><si><t xml:space="preserve"> värde </t></si>'
           '<si><r><rPr><b/></rPr><t>kom</t></r><r><t>mentar</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>'
           '<si><t>=HYPERLINK("http://x";"klick")_x000D__x000A_</t></si></sst>')
STYLES = (f'<styleSheet xmlns="{NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/>'
          '</cellXfs></styleSheet>')
HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' \
         '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
FIGURES = sheet(HEADER
                + '<row r="2"><c r="A2"><v>2025</v></c>' + inline("B2", "kultur") + inline("C2", "1")
                + '<c r="D2"><v>1250.5</v></c><c r="E2" t="s"><v>5</v></c></row>'
                + '<row r="3"><c r="A3"><v>2025</v></c>' + inline("B3", "kultur") + inline("C3", "3")
                + '<c r="D3" s="1"><v>0.12</v></c><c r="E3" t="b"><v>1</v></c></row>'
                + '<row r="5"><c r="A5"><v>2025</v></c>' + inline("B5", "kultur") + inline("C5", "2")
                + '<c r="D5"><f>SUM(1,2)</f></c><c r="E5" t="e"><v>#N/A</v></c></row>'
                + '<row r="6"><c r="A6"><v>2025</v></c><c r="B6" t="str"><f>"x"</f><v>kultur</v></c>'
                + '<c r="C6"><v>4</v></c><c r="D6" s="3"><v>0.4531</v></c><c r="XFD6"><v>1E+25</v></c></row>')
ASSESS = sheet('<row r="1">' + inline("A1", "år") + inline("B1", "enhet") + inline("C1", "mål")
               + inline("D1", "bedömning") + inline("E1", "analys") + "</row>"
               '<row r="2"><c r="A2"><v>2025</v></c>' + inline("B2", "kultur") + '<c r="C2"><v>1</v></c>'
               + inline("D2", "delvis uppnått") + inline("E2", "rad 1&#10;rad 2") + "</row>")
NOTES = sheet('<row r="3">' + inline("B3", "Fyll i de gula cellerna.") + "</row>")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)  # noqa: E731
    book(p("figures.xlsx"), [("Siffror", FIGURES, None)], STRINGS, STYLES)
    book(p("template.xlsx"), [("Instruktioner", NOTES, None), ("Siffror", FIGURES, None),
                              ("Självvärdering", ASSESS, None), ("Listor", sheet(""), "hidden")],
         STRINGS, STYLES)
    book(p("chart.xlsx"), [("Diagram", None, None), ("Siffror", FIGURES, None)], STRINGS, STYLES)
    book(p("inline-only.xlsx"), [("Blad1", ASSESS, None)])
    book(p("macro.xlsm"), [("Siffror", FIGURES, None)], STRINGS, STYLES,
         main="application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    book(p("dtd.xlsx"), [("S", '<!DOCTYPE x [<!ENTITY a "b">]>' + sheet(""), None)])
    book(p("docx.xlsx"), [("S", sheet(""), None)],
         main="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    try:
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Siffror"
        ws.append(["år", "enhet", "indikator", "värde", "kommentar"])
        ws.append([2025, "kultur", "1", 12.5, "hej"])
        ws.append([2025, "kultur", "3", 0.25, True])
        ws["D3"].number_format = "0%"
        ws.append([2025, "kultur", "2", "=D2*2", None])
        wb.save(p("openpyxl.xlsx"))
    except ImportError:
        pass
    try:
        import xlsxwriter
        wb = xlsxwriter.Workbook(p("xlsxwriter.xlsx"))
        ws = wb.add_worksheet("Siffror")
        ws.write_row(0, 0, ["år", "enhet", "indikator", "värde"])
        ws.write_row(1, 0, [2025, "kultur", "1", 1250.5])
        ws.write(2, 3, 0.453, wb.add_format({"num_format": "0.0%"}))
        wb.close()
    except ImportError:
        pass


main()
