/* The workbook reader on hand-made parts: each workbook is zipped here with
 * minizip's writer from literal XML. Cell types, shared and inline strings,
 * percentage formats, formulas with and without a cached value, sheets and
 * their order, the limits (part size, packing ratio, DTDs, Excel's grid),
 * damaged and foreign files, and workbooks written by libxlsxwriter and by
 * openpyxl. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <minizip/zip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "common/diag.h"
#include "common/messages.h"
#include "common/util.h"
#include "read/number.h"
#include "read/xlsx.h"
#include "read/xlsx_cell.h"
#include "read/xlsx_zip.h"
#include "files.h"

/* ---- building workbooks ---- */

typedef struct part {
    const char *name;
    const char *data;
    size_t len;  /* 0: strlen(data) */
    bool stored; /* no compression */
} part;

static char scratch_dir[64];

static void make_scratch(void)
{
    if (!scratch_dir[0]) {
        snprintf(scratch_dir, sizeof scratch_dir, "/tmp/uf-test-xlsx.XXXXXX");
        assert_non_null(mkdtemp(scratch_dir));
    }
}

static const char *scratch(const char *name)
{
    static char path[128];
    make_scratch();
    snprintf(path, sizeof path, "%s/%s", scratch_dir, name);
    return path;
}

static void zip_parts(const char *path, const part *parts, size_t n)
{
    zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
    assert_non_null(z);
    for (size_t i = 0; i < n; i++) {
        zip_fileinfo fi = {0};
        size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
        assert_int_equal(zipOpenNewFileInZip64(z, parts[i].name, &fi, NULL, 0, NULL, 0, NULL,
                                               parts[i].stored ? 0 : Z_DEFLATED, parts[i].stored ? 0 : 6, 0),
                         ZIP_OK);
        assert_int_equal(zipWriteInFileInZip(z, parts[i].data, (unsigned)len), ZIP_OK);
        assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
    }
    assert_int_equal(zipClose(z, NULL), ZIP_OK);
}

#define MAIN_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static char *content_types(const char *main_type)
{
    char *s = uf_xmalloc(1024);
    snprintf(s, 1024,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
             "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/xl/workbook.xml\" ContentType=\"%s\"/></Types>",
             main_type);
    return s;
}

static const char root_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_T "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

/* A workbook of up to four sheets (sheet1.xml ... in order, named by
 * names[]), with optional shared strings and styles. */
typedef struct book {
    const char *names[4];
    const char *sheets[4];
    const char *strings;
    const char *styles;
    const char *main_type;
    bool stored;
    const char *workbook; /* instead of the generated one */
    const char *wb_rels;
} book;

static void write_book(const char *path, const book *b)
{
    uf_strbuf wb = {0}, rels = {0};
    uf_strbuf_puts(&wb, "<?xml version=\"1.0\"?><workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>");
    uf_strbuf_puts(&rels, "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    part parts[12];
    size_t n = 0;
    char names[4][32], line[512];
    for (int i = 0; i < 4 && b->sheets[i]; i++) {
        snprintf(line, sizeof line, "<sheet name=\"%s\" sheetId=\"%d\" r:id=\"rId%d\"/>", b->names[i], i + 1, i + 1);
        uf_strbuf_puts(&wb, line);
        snprintf(line, sizeof line, "<Relationship Id=\"rId%d\" Type=\"" REL_T "worksheet\" Target=\"worksheets/sheet%d.xml\"/>",
                 i + 1, i + 1);
        uf_strbuf_puts(&rels, line);
        snprintf(names[i], sizeof names[i], "xl/worksheets/sheet%d.xml", i + 1);
        parts[n++] = (part){names[i], b->sheets[i], 0, b->stored};
    }
    uf_strbuf_puts(&wb, "</sheets></workbook>");
    if (b->strings) {
        uf_strbuf_puts(&rels, "<Relationship Id=\"rId8\" Type=\"" REL_T "sharedStrings\" Target=\"sharedStrings.xml\"/>");
        parts[n++] = (part){"xl/sharedStrings.xml", b->strings, 0, b->stored};
    }
    if (b->styles) {
        uf_strbuf_puts(&rels, "<Relationship Id=\"rId9\" Type=\"" REL_T "styles\" Target=\"/xl/styles.xml\"/>");
        parts[n++] = (part){"xl/styles.xml", b->styles, 0, b->stored};
    }
    uf_strbuf_puts(&rels, "</Relationships>");
    char *types = content_types(b->main_type ? b->main_type : MAIN_TYPE);
    parts[n++] = (part){"[Content_Types].xml", types, 0, b->stored};
    parts[n++] = (part){"_rels/.rels", root_rels, 0, b->stored};
    parts[n++] = (part){"xl/workbook.xml", b->workbook ? b->workbook : wb.data, 0, b->stored};
    parts[n++] = (part){"xl/_rels/workbook.xml.rels", b->wb_rels ? b->wb_rels : rels.data, 0, b->stored};
    zip_parts(path, parts, n);
    free(types);
    uf_strbuf_free(&wb);
    uf_strbuf_free(&rels);
}

#define SHEET(rows) "<?xml version=\"1.0\"?><worksheet xmlns=\"" NS_MAIN "\"><sheetData>" rows "</sheetData></worksheet>"

/* ---- reading them ---- */

typedef struct reading {
    uf_diag_list *diags;
    uf_xlsx_info info;
    uf_error err;
    uf_strbuf out;
    long stop_after;
    bool skip_second;
    bool count_only; /* records are counted, not written out */
} reading;

static bool on_sheet(void *user, const uf_xlsx_sheet *sheet)
{
    reading *r = user;
    char line[256];
    snprintf(line, sizeof line, "[%d %s%s]\n", sheet->index, sheet->name, sheet->hidden ? " hidden" : "");
    uf_strbuf_puts(&r->out, line);
    return !(r->skip_second && sheet->index == 2);
}

/* Records as "ROW:field|field|...", "!" after a formula without a value. */
static bool on_record(void *user, const uf_csv_record *rec)
{
    reading *r = user;
    char line[32];
    assert_non_null(rec->sheet);
    assert_non_null(rec->flags);
    assert_int_equal(rec->delimiter, 0);
    assert_true(rec->count > 0);
    assert_true(rec->lengths[rec->count - 1] > 0 || rec->flags[rec->count - 1]);
    if (r->count_only)
        return true;
    snprintf(line, sizeof line, "%ld:", rec->line);
    uf_strbuf_puts(&r->out, line);
    for (size_t i = 0; i < rec->count; i++) {
        if (i)
            uf_strbuf_putc(&r->out, '|');
        assert_int_equal(strlen(rec->fields[i]), rec->lengths[i]);
        uf_strbuf_append(&r->out, rec->fields[i], rec->lengths[i]);
        if (rec->flags[i] & UF_FIELD_FORMULA_NO_VALUE)
            uf_strbuf_putc(&r->out, '!');
    }
    uf_strbuf_putc(&r->out, '\n');
    return r->stop_after == 0 || r->info.records < r->stop_after;
}

static reading *read_path(const char *path, reading *r)
{
    r->diags = uf_diag_list_new();
    uint32_t file = uf_diag_add_file(r->diags, "inlämning.xlsx");
    r->err = uf_xlsx_read_file(path, file, r->diags, on_sheet, on_record, r, &r->info);
    if (!r->out.data)
        uf_strbuf_puts(&r->out, "");
    return r;
}

static void reading_free(reading *r)
{
    uf_diag_list_free(r->diags);
    uf_strbuf_free(&r->out);
}

static bool has_code(const reading *r, uf_msg code)
{
    for (size_t i = 0; i < r->diags->count; i++)
        if (r->diags->items[i].code == code)
            return true;
    return false;
}

/* Reads b, expects rejection with code. */
static void expect_rejected(const book *b, uf_msg code)
{
    const char *path = scratch("rejected.xlsx");
    write_book(path, b);
    reading r = {0};
    read_path(path, &r);
    if (r.err != UF_ERROR_FILE_REJECTED || !has_code(&r, code))
        uf_diag_print_all(r.diags, stderr);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&r, code));
    reading_free(&r);
}

static void expect_records(const book *b, const char *expected)
{
    const char *path = scratch("book.xlsx");
    write_book(path, b);
    reading r = {0};
    read_path(path, &r);
    if (r.err != UF_OK)
        uf_diag_print_all(r.diags, stderr);
    assert_int_equal(r.err, UF_OK);
    assert_string_equal(r.out.data, expected);
    reading_free(&r);
}

/* ---- cell values ---- */

static const char strings_xml[] =
    "<sst xmlns=\"" NS_MAIN "\" count=\"5\" uniqueCount=\"5\">"
    "<si><t>år</t></si>"
    "<si><t xml:space=\"preserve\">  kultur  </t></si>"
    "<si><r><rPr><b/></rPr><t>fet</t></r><r><t xml:space=\"preserve\"> och mager</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>FONETISK</t></rPh></si>"
    "<si><t>=HYPERLINK(\"http://x\";\"klicka\")</t></si>"
    "<si><t>rad_x000D__x000A_två _x005F_x0041_</t></si>"
    "</sst>";

static void test_cell_types(void **state)
{
    (void)state;
    book b = {.names = {"Siffror"},
              .strings = strings_xml,
              .sheets = {SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                               "<c r=\"D1\" t=\"s\"><v>2</v></c></row>"
                               "<row r=\"2\"><c r=\"A2\"><v>2025</v></c><c r=\"B2\" t=\"n\"><v>1250.50</v></c>"
                               "<c r=\"C2\" t=\"inlineStr\"><is><t> inline </t></is></c>"
                               "<c r=\"D2\" t=\"inlineStr\"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>"
                               "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"b\"><v>0</v></c>"
                               "<c r=\"C3\" t=\"e\"><v>#N/A</v></c><c r=\"D3\" t=\"str\"><f>A1&amp;\"x\"</f><v>årx</v></c></row>"
                               "<row r=\"4\"><c r=\"A4\"><f>1+2</f><v>3</v></c><c r=\"B4\"><f>1+2</f></c>"
                               "<c r=\"C4\"><f>1+2</f><v></v></c><c r=\"D4\" t=\"str\"><f>\"\"</f><v></v></c></row>"
                               "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>3</v></c><c r=\"B5\" t=\"s\"><v>4</v></c>"
                               "<c r=\"C5\" t=\"d\"><v>2025-01-31</v></c></row>")}};
    expect_records(&b, "[1 Siffror]\n"
                       "1:år|kultur||fet och mager\n"
                       "2:2025|1250.5|inline|rich\n"
                       "3:SANT|FALSKT|#N/A|årx\n"
                       "4:3|!|!\n"
                       "5:=HYPERLINK(\"http://x\";\"klicka\")|rad\r\ntvå _x0041_|2025-01-31\n");
    uf_messages_set_lang(UF_LANG_EN);
    book c = {.names = {"S"}, .sheets = {SHEET("<row><c t=\"b\"><v>1</v></c></row>")}};
    expect_records(&c, "[1 S]\n1:TRUE\n");
    uf_messages_set_lang(UF_LANG_SV);
}

/* Rows and cells without r follow the one before; empty cells and rows
 * deliver nothing; a gap of columns reads as empty fields. */
static void test_positions(void **state)
{
    (void)state;
    book b = {.names = {"Blad1"},
              .sheets = {SHEET("<row><c><v>1</v></c><c><v>2</v></c></row>"
                               "<row r=\"5\"><c r=\"C5\"><v>3</v></c><c><v>4</v></c><c r=\"F5\" s=\"0\"/></row>"
                               "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>  </t></is></c></row>"
                               "<row r=\"7\"/><row><c r=\"XFD8\" t=\"inlineStr\"><is><t>sist</t></is></c></row>")}};
    const char *path = scratch("positions.xlsx");
    write_book(path, &b);
    reading r = {0};
    read_path(path, &r);
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.records, 3);
    const char *out = r.out.data;
    assert_memory_equal(out, "[1 Blad1]\n1:1|2\n5:||3|4\n8:", 26);
    /* XFD is column 16,384: 16,383 empty fields, then the text. */
    const char *row8 = out + 26;
    size_t bars = 0;
    while (row8[bars] == '|')
        bars++;
    assert_int_equal(bars, UF_XLSX_MAX_COLS - 1);
    assert_string_equal(row8 + bars, "sist\n");
    reading_free(&r);
}

/* Prefixed names (as some writers and Strict OOXML write them) read alike. */
static void test_prefixed_names(void **state)
{
    (void)state;
    const char *sheet = "<x:worksheet xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><x:sheetData>"
                        "<x:row x:r=\"1\" r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>strikt</x:t></x:is></x:c>"
                        "<x:c r=\"C2\"><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>";
    const char *wb = "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:rel=\"" NS_R "\"><x:sheets>"
                     "<x:sheet name=\"Strikt\" sheetId=\"1\" rel:id=\"rId1\"/></x:sheets></x:workbook>";
    book b = {.names = {"unused"}, .sheets = {sheet}, .workbook = wb};
    expect_records(&b, "[1 Strikt]\n2:|strikt|4\n");
}

static const char styles_xml[] =
    "<styleSheet xmlns=\"" NS_MAIN "\"><numFmts count=\"3\">"
    "<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0&quot;%&quot;\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"#,##0\\ &quot;st&quot;;[Red]-#,##0\"/>"
    "</numFmts><cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"10\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>";

static void test_percent_formats(void **state)
{
    (void)state;
    book b = {.names = {"P"},
              .styles = styles_xml,
              .sheets = {SHEET("<row r=\"1\"><c s=\"0\"><v>0.12</v></c><c s=\"1\"><v>0.12</v></c>"
                               "<c s=\"2\"><v>0.1234</v></c><c s=\"3\"><v>0.453</v></c><c s=\"4\"><v>12</v></c>"
                               "<c s=\"5\"><v>1250</v></c><c s=\"99\"><v>0.5</v></c><c s=\"1\"><v>1</v></c>"
                               "<c s=\"1\"><v>-0.05</v></c><c s=\"1\"><v>0</v></c>"
                               "<c s=\"1\" t=\"inlineStr\"><is><t>0,12</t></is></c></row>")}};
    expect_records(&b, "[1 P]\n1:0.12|12 %|12.34 %|45.3 %|12|1250|0.5|100 %|-5 %|0 %|0,12\n");
    /* What the validator will see: the same as "12 %" typed as text. */
    uf_number n;
    assert_int_equal(uf_number_parse("12.34 %", 7, &n), UF_NUMBER_OK);
    assert_true(n.percent);
    assert_true(n.value == 12.34);
}

static void test_format_codes(void **state)
{
    (void)state;
    assert_true(xlsx_format_code_percent("0%"));
    assert_true(xlsx_format_code_percent("0.00%;[Red]-0.00%"));
    assert_false(xlsx_format_code_percent("0\"%\""));
    assert_false(xlsx_format_code_percent("0\\%"));
    assert_false(xlsx_format_code_percent("[$%-41D]0"));
    assert_false(xlsx_format_code_percent("General"));
    assert_false(xlsx_format_code_percent("0_%"));
}

/* Every number text reads back, through the engine's parser, as exactly the
 * double Excel stored, and is the shortest that does. */
static void check_number(const char *stored, const char *expected)
{
    char out[XLSX_NUMBER_TEXT];
    int n = xlsx_number_text(stored, strlen(stored), false, out);
    assert_true(n >= 0);
    assert_string_equal(out, expected);
    uf_number parsed;
    assert_int_equal(uf_number_parse(out, (size_t)n, &parsed), UF_NUMBER_OK);
    assert_true(parsed.value == strtod(stored, NULL));
}

static void test_number_text(void **state)
{
    (void)state;
    check_number("2025", "2025");
    check_number("1250.50", "1250.5");
    check_number("-0", "0");
    check_number("0.30000000000000004", "0.30000000000000004");
    check_number("0.1", "0.1");
    check_number("1E+25", "1e+25");
    check_number("1.5e-10", "1.5e-10");
    check_number("0.0000001", "0.0000001");
    check_number("123456789012345678", "123456789012345680");
    check_number("100000000000000000000", "100000000000000000000");
    check_number("2.2250738585072014E-308", "2.2250738585072014e-308");
    check_number("  42  ", "42");
    check_number("\n  42\r\n", "42"); /* a pretty-printed <v> */
    char out[XLSX_NUMBER_TEXT];
    assert_int_equal(xlsx_number_text("1,5", 3, false, out), -1);
    assert_int_equal(xlsx_number_text("inf", 3, false, out), -1);
    assert_int_equal(xlsx_number_text("0x10", 4, false, out), -1);
    assert_int_equal(xlsx_number_text("1e999", 5, false, out), -1);
    assert_int_equal(xlsx_number_text("", 0, false, out), -1);
    /* Random doubles round-trip exactly. */
    srand(12);
    for (int i = 0; i < 20000; i++) {
        double v = ldexp((double)rand() / RAND_MAX - 0.5, rand() % 200 - 100);
        char stored[40];
        snprintf(stored, sizeof stored, "%.17g", v);
        int n = xlsx_number_text(stored, strlen(stored), false, out);
        assert_true(n > 0);
        uf_number parsed;
        assert_int_equal(uf_number_parse(out, (size_t)n, &parsed), UF_NUMBER_OK);
        assert_true(parsed.value == v);
        assert_true(strlen(out) <= strlen(stored) + 6);
    }
}

static void test_sheets(void **state)
{
    (void)state;
    const char *wb = "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
                     "<sheet name=\"Instruktioner\" sheetId=\"3\" r:id=\"rId3\"/>"
                     "<sheet name=\"Diagram\" sheetId=\"9\" r:id=\"rId9\"/>"
                     "<sheet name=\"Siffror\" sheetId=\"1\" r:id=\"rId1\"/>"
                     "<sheet name=\"Listor\" sheetId=\"2\" r:id=\"rId2\" state=\"hidden\"/></sheets></workbook>";
    const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                       "<Relationship Id=\"rId1\" Type=\"" REL_T "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                       "<Relationship Id=\"rId2\" Type=\"" REL_T "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
                       "<Relationship Id=\"rId3\" Type=\"" REL_T "worksheet\" Target=\"./worksheets/../worksheets/sheet3.xml\"/>"
                       "<Relationship Id=\"rId9\" Type=\"" REL_T "chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
                       "</Relationships>";
    book b = {.names = {"a", "b", "c"},
              .sheets = {SHEET("<row r=\"2\"><c t=\"inlineStr\"><is><t>siffror</t></is></c></row>"),
                         SHEET("<row r=\"1\"><c t=\"inlineStr\"><is><t>lista</t></is></c></row>"),
                         SHEET("<row r=\"1\"><c t=\"inlineStr\"><is><t>läs mig</t></is></c></row>")},
              .workbook = wb,
              .wb_rels = rels};
    expect_records(&b, "[1 Instruktioner]\n1:läs mig\n[2 Siffror]\n2:siffror\n[3 Listor hidden]\n1:lista\n");
    /* A sheet the caller declines is not read; the record callback can stop
     * the whole file. */
    const char *path = scratch("sheets.xlsx");
    write_book(path, &b);
    reading r = {.skip_second = true};
    read_path(path, &r);
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.sheets, 3);
    assert_int_equal(r.info.sheets_read, 2);
    assert_string_equal(r.out.data, "[1 Instruktioner]\n1:läs mig\n[2 Siffror]\n[3 Listor hidden]\n1:lista\n");
    reading_free(&r);
    reading s = {.stop_after = 1};
    read_path(path, &s);
    assert_int_equal(s.err, UF_OK);
    assert_string_equal(s.out.data, "[1 Instruktioner]\n1:läs mig\n");
    reading_free(&s);
}

static void test_record_sheet_name(void **state)
{
    (void)state;
    char ref[UF_XLSX_REF], col[8];
    assert_string_equal(uf_xlsx_cell_ref(ref, "Siffror", 14, 4), "Siffror!D14");
    assert_string_equal(uf_xlsx_cell_ref(ref, "Självvärdering", 2, 27), "Självvärdering!AA2");
    assert_string_equal(uf_xlsx_cell_ref(ref, "Mina siffror", 1, 1), "'Mina siffror'!A1");
    assert_string_equal(uf_xlsx_cell_ref(ref, "O'Brien", 3, 2), "'O''Brien'!B3");
    assert_string_equal(uf_xlsx_cell_ref(ref, "2025", 1048576, 16384), "'2025'!XFD1048576");
    assert_string_equal(uf_xlsx_cell_ref(ref, "S", 7, 0), "S!7");
    assert_string_equal(uf_xlsx_cell_ref(ref, "a\001b", 1, 1), "'a?b'!A1");
    assert_string_equal(uf_xlsx_column_name(col, 26), "Z");
    assert_string_equal(uf_xlsx_column_name(col, 703), "AAA");
    char long_name[600];
    memset(long_name, '\'', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    assert_true(strlen(uf_xlsx_cell_ref(ref, long_name, 1048576, 16384)) < UF_XLSX_REF);
}

/* ---- what is rejected ---- */

static void test_reject_structure(void **state)
{
    (void)state;
    book rows = {.names = {"S"}, .sheets = {SHEET("<row r=\"3\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>")}};
    expect_rejected(&rows, UF_MSG_XLSX_BAD_STRUCTURE);
    book cells = {.names = {"S"}, .sheets = {SHEET("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>")}};
    expect_rejected(&cells, UF_MSG_XLSX_BAD_STRUCTURE);
    book wide = {.names = {"S"}, .sheets = {SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")}};
    expect_rejected(&wide, UF_MSG_XLSX_BAD_STRUCTURE);
    book tall = {.names = {"S"}, .sheets = {SHEET("<row r=\"1048577\"><c><v>1</v></c></row>")}};
    expect_rejected(&tall, UF_MSG_XLSX_BAD_STRUCTURE);
    book bad_ref = {.names = {"S"}, .sheets = {SHEET("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>")}};
    expect_rejected(&bad_ref, UF_MSG_XLSX_BAD_STRUCTURE);
    book sst = {.names = {"S"}, .strings = strings_xml, .sheets = {SHEET("<row><c t=\"s\"><v>5</v></c></row>")}};
    expect_rejected(&sst, UF_MSG_XLSX_BAD_STRUCTURE);
    book xml = {.names = {"S"}, .sheets = {SHEET("<row><c><v>1</v></row>")}};
    expect_rejected(&xml, UF_MSG_XLSX_XML);
    book none = {.names = {"S"}, .sheets = {SHEET("")}, .workbook = "<workbook><sheets/></workbook>"};
    expect_rejected(&none, UF_MSG_XLSX_NO_SHEETS);
    book missing = {.names = {"S"},
                    .sheets = {SHEET("")},
                    .wb_rels = "<Relationships><Relationship Id=\"rId1\" Type=\"" REL_T
                               "worksheet\" Target=\"worksheets/nope.xml\"/></Relationships>"};
    expect_rejected(&missing, UF_MSG_XLSX_BAD_STRUCTURE);
    book escape = {.names = {"S"},
                   .sheets = {SHEET("")},
                   .wb_rels = "<Relationships><Relationship Id=\"rId1\" Type=\"" REL_T
                              "worksheet\" Target=\"../../../etc/passwd\"/></Relationships>"};
    expect_rejected(&escape, UF_MSG_XLSX_BAD_STRUCTURE);
    book twice = {.names = {"A", "B"},
                  .sheets = {SHEET(""), SHEET("")},
                  .wb_rels = "<Relationships><Relationship Id=\"rId1\" Type=\"" REL_T
                             "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" REL_T
                             "worksheet\" Target=\"worksheets/SHEET1.xml\"/></Relationships>"};
    expect_rejected(&twice, UF_MSG_XLSX_BAD_STRUCTURE);
}

static void test_reject_content_types(void **state)
{
    (void)state;
    book docx = {.names = {"S"},
                 .sheets = {SHEET("")},
                 .main_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"};
    expect_rejected(&docx, UF_MSG_XLSX_CONTENT_TYPE);
    book xlsb = {.names = {"S"}, .sheets = {SHEET("")}, .main_type = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"};
    expect_rejected(&xlsb, UF_MSG_XLSX_BINARY);
    book xlsm = {.names = {"S"},
                 .sheets = {SHEET("<row><c><v>1</v></c></row>")},
                 .main_type = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"};
    expect_records(&xlsm, "[1 S]\n1:1\n");
    /* A zip that is no OOXML package at all. */
    part plain[] = {{"readme.txt", "hej", 0, false}};
    const char *path = scratch("plain.xlsx");
    zip_parts(path, plain, 1);
    reading r = {0};
    read_path(path, &r);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&r, UF_MSG_XLSX_NOT_WORKBOOK));
    reading_free(&r);
}

static void test_reject_dtd(void **state)
{
    (void)state;
    book laughs = {.names = {"S"},
                   .sheets = {"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                              "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                              "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t>"
                              "</is></c></row></sheetData></worksheet>"}};
    expect_rejected(&laughs, UF_MSG_XLSX_DTD);
    book external = {.names = {"S"},
                     .strings = "<!DOCTYPE sst SYSTEM \"file:///etc/passwd\"><sst><si><t>x</t></si></sst>",
                     .sheets = {SHEET("")}};
    expect_rejected(&external, UF_MSG_XLSX_DTD);
    book undefined = {.names = {"S"}, .sheets = {SHEET("<row><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>")}};
    expect_rejected(&undefined, UF_MSG_XLSX_XML);
}

/* A part of 5 MB of spaces packs about 1:1000. */
static void test_reject_ratio(void **state)
{
    (void)state;
    size_t n = 5 << 20;
    char *big = uf_xmalloc(n + 200);
    int o = snprintf(big, 200, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
    memset(big + o, ' ', n);
    strcpy(big + o + n, "</sheetData></worksheet>");
    book b = {.names = {"S"}, .sheets = {big}};
    expect_rejected(&b, UF_MSG_XLSX_RATIO);
    /* Stored, the same part is read (and is only spaces). */
    b.stored = true;
    expect_records(&b, "[1 S]\n");
    free(big);
}

/* Stored (1:1), so only the size limit applies. */
static void test_reject_part_size(void **state)
{
    (void)state;
    size_t n = (size_t)UF_XLSX_MAX_PART + 1;
    char *big = uf_xmalloc(n + 200);
    int o = snprintf(big, 200, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
    memset(big + o, ' ', n);
    strcpy(big + o + n, "</sheetData></worksheet>");
    book b = {.names = {"S"}, .sheets = {big}, .stored = true};
    expect_rejected(&b, UF_MSG_XLSX_TOO_BIG);
    free(big);
}

static void test_reject_foreign_files(void **state)
{
    (void)state;
    const char *path = scratch("old.xls");
    unsigned char ole2[512] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    uf_test_write_file(path, ole2, sizeof ole2);
    reading r = {0};
    read_path(path, &r);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&r, UF_MSG_XLSX_OLE2));
    reading_free(&r);

    part ods[] = {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, true},
                  {"content.xml", "<office:document-content/>", 0, false}};
    path = scratch("calc.ods");
    zip_parts(path, ods, 2);
    reading s = {0};
    read_path(path, &s);
    assert_int_equal(s.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&s, UF_MSG_XLSX_ODS));
    reading_free(&s);

    path = scratch("text.xlsx");
    uf_test_write_text(path, "år;enhet\n2025;x\n");
    reading t = {0};
    read_path(path, &t);
    assert_int_equal(t.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&t, UF_MSG_XLSX_NOT_WORKBOOK));
    reading_free(&t);

    path = scratch("empty.xlsx");
    uf_test_write_text(path, "");
    reading u = {0};
    read_path(path, &u);
    assert_int_equal(u.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&u, UF_MSG_FILE_EMPTY));
    reading_free(&u);

    reading v = {0};
    read_path(scratch("does-not-exist.xlsx"), &v);
    assert_int_equal(v.err, UF_ERROR_READ);
    reading_free(&v);
}

static char *find_bytes(char *data, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, what, n) == 0)
            return data + i;
    return NULL;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = uf_xmalloc(*len + 1);
    assert_int_equal(fread(data, 1, *len, f), *len);
    fclose(f);
    return data;
}

static reading read_mem(const char *data, size_t len)
{
    reading r = {.diags = uf_diag_list_new()};
    uint32_t file = uf_diag_add_file(r.diags, "mem.xlsx");
    r.err = uf_xlsx_read_buffer(data, len, file, r.diags, on_sheet, on_record, &r, &r.info);
    return r;
}

/* Damage: a zip cut short, a part whose bytes changed (CRC), garbage in a
 * deflated part, and prefixes of a good workbook. */
static void test_reject_damaged(void **state)
{
    (void)state;
    book b = {.names = {"S"}, .stored = true, .sheets = {SHEET("<row><c t=\"inlineStr\"><is><t>hemligt</t></is></c></row>")}};
    const char *path = scratch("damaged.xlsx");
    write_book(path, &b);
    size_t len;
    char *data = slurp(path, &len);
    reading good = read_mem(data, len);
    assert_int_equal(good.err, UF_OK);
    reading_free(&good);

    char *hit = find_bytes(data, len, "hemligt");
    assert_non_null(hit);
    hit[0] = 'H';
    reading crc = read_mem(data, len);
    assert_int_equal(crc.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&crc, UF_MSG_XLSX_PART_DAMAGED));
    reading_free(&crc);
    hit[0] = 'h';

    /* Up to the end-of-directory record: a file missing only the last bytes
     * of that record still holds every part intact (each CRC-checked). */
    for (size_t cut = 0; cut + 22 <= len; cut += 7) {
        reading r = read_mem(data, cut);
        assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
        assert_true(r.diags->errors > 0);
        reading_free(&r);
    }
    free(data);

    book d = {.names = {"S"}, .sheets = {SHEET("<row><c><v>1</v></c></row>")}};
    write_book(path, &d);
    data = slurp(path, &len);
    char *sheet = find_bytes(data, len, "xl/worksheets/sheet1.xml");
    assert_non_null(sheet);
    /* The local header's name is followed by the deflated bytes. */
    for (int i = 0; i < 8; i++)
        sheet[24 + i] ^= 0x5A;
    reading bad = read_mem(data, len);
    assert_int_equal(bad.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&bad, UF_MSG_XLSX_PART_DAMAGED) || has_code(&bad, UF_MSG_XLSX_XML));
    reading_free(&bad);
    free(data);
}

static void test_reject_encrypted_part(void **state)
{
    (void)state;
    const char *path = scratch("crypt.xlsx");
    zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
    assert_non_null(z);
    zip_fileinfo fi = {0};
    const char *text = "<x/>";
    assert_int_equal(zipOpenNewFileInZip3(z, "[Content_Types].xml", &fi, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6, 0,
                                          -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, "lösen", 0),
                     ZIP_OK);
    assert_int_equal(zipWriteInFileInZip(z, text, 4), ZIP_OK);
    assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
    assert_int_equal(zipOpenNewFileInZip(z, "_rels/.rels", &fi, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6), ZIP_OK);
    assert_int_equal(zipWriteInFileInZip(z, root_rels, (unsigned)strlen(root_rels)), ZIP_OK);
    assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
    assert_int_equal(zipClose(z, NULL), ZIP_OK);
    reading r = {0};
    read_path(path, &r);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_true(has_code(&r, UF_MSG_XLSX_ENCRYPTED));
    reading_free(&r);
}

/* ---- size: no work per empty cell or row ---- */

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void test_million_empty_rows_and_wide_rows(void **state)
{
    (void)state;
    uf_strbuf xml = {0};
    uf_strbuf_puts(&xml, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
    char line[96];
    for (long r = 1; r <= UF_XLSX_MAX_ROWS; r++) {
        snprintf(line, sizeof line, "<row r=\"%ld\"/>", r);
        uf_strbuf_puts(&xml, line);
    }
    uf_strbuf_puts(&xml, "</sheetData></worksheet>");
    uf_strbuf wide = {0};
    uf_strbuf_puts(&wide, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
    for (int r = 1; r <= 20; r++) {
        snprintf(line, sizeof line, "<row r=\"%d\">", r);
        uf_strbuf_puts(&wide, line);
        for (int c = 0; c < UF_XLSX_MAX_COLS; c++)
            uf_strbuf_puts(&wide, "<c><v>1</v></c>");
        uf_strbuf_puts(&wide, "</row>");
    }
    /* A far cell on each of many rows: the row's width is not its cost. */
    for (int r = 21; r <= 100000; r++) {
        snprintf(line, sizeof line, "<row r=\"%d\"><c r=\"XFD%d\"><v>%d</v></c></row>", r, r, r);
        uf_strbuf_puts(&wide, line);
    }
    uf_strbuf_puts(&wide, "</sheetData></worksheet>");
    book b = {.names = {"Tomt", "Brett"}, .sheets = {xml.data, wide.data}};
    const char *path = scratch("big.xlsx");
    write_book(path, &b);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    reading r = {.count_only = true};
    read_path(path, &r);
    double took = seconds_since(&t0);
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.records, 100000);
    /* Linear work reads this in well under a second (about 5 s under
     * sanitizers on the 2-core machine); quadratic would take minutes. */
    assert_true(took < 30);
    reading_free(&r);
    uf_strbuf_free(&xml);
    uf_strbuf_free(&wide);
}

/* ---- workbooks written by real writers ---- */

static void test_libxlsxwriter_workbook(void **state)
{
    (void)state;
    const char *path = scratch("lxw.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Siffror");
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0.0%");
    worksheet_write_string(ws, 0, 0, "år", NULL);
    worksheet_write_string(ws, 0, 1, "värde", NULL);
    worksheet_write_number(ws, 1, 0, 2025, NULL);
    worksheet_write_number(ws, 1, 1, 1250.5, NULL);
    worksheet_write_number(ws, 2, 1, 0.453, pct);
    worksheet_write_formula_num(ws, 3, 1, "=1+2", NULL, 3);
    worksheet_write_boolean(ws, 4, 0, 1, NULL);
    worksheet_write_string(ws, 5, 0, "=HYPERLINK(\"x\")", NULL);
    lxw_worksheet *notes = workbook_add_worksheet(wb, "Anteckningar");
    worksheet_write_string(notes, 2, 2, "hej", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    reading r = {0};
    read_path(path, &r);
    assert_int_equal(r.err, UF_OK);
    assert_string_equal(r.out.data, "[1 Siffror]\n1:år|värde\n2:2025|1250.5\n3:|45.3 %\n4:|3\n5:SANT\n"
                                    "6:=HYPERLINK(\"x\")\n[2 Anteckningar]\n3:||hej\n");
    reading_free(&r);
}

static void test_openpyxl_workbook(void **state)
{
    (void)state;
    if (access("/usr/bin/python3", X_OK) != 0 || system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0) {
        skip();
    }
    const char *path = scratch("openpyxl.xlsx");
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c '"
             "import openpyxl\n"
             "wb = openpyxl.Workbook(); ws = wb.active; ws.title = \"Siffror\"\n"
             "ws.append([\"år\", \"enhet\", \"värde\", \"kommentar\"])\n"
             "ws.append([2025, \"kultur\", 12.5, \"rad 1\\nrad 2\"])\n"
             "ws.append([2025, \"kultur\", 0.25, None]); ws[\"C3\"].number_format = \"0%%\"\n"
             "ws.append([2025, \"kultur\", \"=C2*2\", False])\n"
             "wb.create_sheet(\"Tom\")\n"
             "wb.save(\"%s\")' ",
             path);
    assert_int_equal(system(cmd), 0);
    reading r = {0};
    read_path(path, &r);
    assert_int_equal(r.err, UF_OK);
    /* openpyxl caches no formula values: the clerk must save in Excel. */
    assert_string_equal(r.out.data, "[1 Siffror]\n1:år|enhet|värde|kommentar\n2:2025|kultur|12.5|rad 1\nrad 2\n"
                                    "3:2025|kultur|25 %\n4:2025|kultur|!|FALSKT\n[2 Tom]\n");
    reading_free(&r);
}

static int teardown_all(void **state)
{
    (void)state;
    if (scratch_dir[0])
        uf_test_remove_tree(scratch_dir);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cell_types),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_prefixed_names),
        cmocka_unit_test(test_percent_formats),
        cmocka_unit_test(test_format_codes),
        cmocka_unit_test(test_number_text),
        cmocka_unit_test(test_sheets),
        cmocka_unit_test(test_record_sheet_name),
        cmocka_unit_test(test_reject_structure),
        cmocka_unit_test(test_reject_content_types),
        cmocka_unit_test(test_reject_dtd),
        cmocka_unit_test(test_reject_ratio),
        cmocka_unit_test(test_reject_part_size),
        cmocka_unit_test(test_reject_foreign_files),
        cmocka_unit_test(test_reject_damaged),
        cmocka_unit_test(test_reject_encrypted_part),
        cmocka_unit_test(test_million_empty_rows_and_wide_rows),
        cmocka_unit_test(test_libxlsxwriter_workbook),
        cmocka_unit_test(test_openpyxl_workbook),
    };
    return cmocka_run_group_tests(tests, NULL, teardown_all);
}
