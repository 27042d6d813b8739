/* The reader: encoding detection and conversion, delimiter sniffing, the
 * CSV dialect (quotes, line ends, blank lines, spaces), physical line
 * numbers, header matching, and files that are not CSV at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "common/diag.h"
#include "common/messages.h"
#include "common/util.h"
#include "read/columns.h"
#include "read/csvfile.h"
#include "read/encoding.h"
#include "read/folder.h"
#include "read/readlog.h"
#include "read/summary.h"
#include "files.h"

/* ---- helpers ---- */

/* Every record delivered, as "LINE:field|field|...\n". */
typedef struct collected {
    uf_strbuf text;
    long records;
    long stop_after; /* 0: never stop */
} collected;

static bool collect(void *user, const uf_csv_record *rec)
{
    collected *c = user;
    char line[32];
    snprintf(line, sizeof line, "%ld:", rec->line);
    uf_strbuf_puts(&c->text, line);
    for (size_t i = 0; i < rec->count; i++) {
        if (i)
            uf_strbuf_putc(&c->text, '|');
        assert_int_equal(strlen(rec->fields[i]), rec->lengths[i]);
        uf_strbuf_append(&c->text, rec->fields[i], rec->lengths[i]);
    }
    uf_strbuf_putc(&c->text, '\n');
    c->records++;
    return c->stop_after == 0 || c->records < c->stop_after;
}

/* One read of a buffer: what came out, what was said about it. */
typedef struct reading {
    uf_diag_list *diags;
    uf_csv_info info;
    uf_error err;
    char *records;
} reading;

static reading read_mem(const char *data, size_t len)
{
    reading r = {.diags = uf_diag_list_new()};
    collected c = {0};
    uint32_t file = uf_diag_add_file(r.diags, "t.csv");
    r.err = uf_csv_read_buffer(data, len, file, r.diags, collect, &c, &r.info);
    r.records = uf_strbuf_take(&c.text);
    assert_int_equal(r.info.records, c.records);
    return r;
}

static reading read_str(const char *s) { return read_mem(s, strlen(s)); }

static void reading_free(reading *r)
{
    uf_diag_list_free(r->diags);
    free(r->records);
}

/* The one diagnostic of a reading must have this code, severity and line. */
static const uf_diag *only_diag(const reading *r, uf_msg code, uf_severity severity, long line)
{
    if (r->diags->count != 1)
        fail_msg("expected 1 diagnostic, got %zu (first: %s)", r->diags->count,
                 r->diags->count ? r->diags->items[0].text : "-");
    const uf_diag *d = &r->diags->items[0];
    if (d->code != code)
        fail_msg("expected %s, got %s: %s", uf_msg_name(code), uf_msg_name(d->code), d->text);
    assert_int_equal(d->severity, severity);
    assert_int_equal(d->line, line);
    return d;
}

static void expect_clean(const char *csv, char delimiter, const char *records)
{
    reading r = read_str(csv);
    if (r.diags->count)
        fail_msg("unexpected diagnostic for '%s': %s", csv, r.diags->items[0].text);
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.delimiter, delimiter);
    assert_string_equal(r.records, records);
    reading_free(&r);
}

/* ---- delimiters ---- */

static void test_delimiter_semicolon(void **state)
{
    (void)state;
    expect_clean("år;enhet;värde\n2025;social;12,5\n", ';', "1:år|enhet|värde\n2:2025|social|12,5\n");
}

static void test_delimiter_comma(void **state)
{
    (void)state;
    /* A decimal comma in a comma file must be quoted, and is kept. */
    expect_clean("år,enhet,värde\n2025,social,\"12,5\"\n", ',', "1:år|enhet|värde\n2:2025|social|12,5\n");
}

static void test_delimiter_tab(void **state)
{
    (void)state;
    expect_clean("year\tunit\tvalue\n2025\tsocial\t12,5\n", '\t', "1:year|unit|value\n2:2025|social|12,5\n");
}

static void test_delimiter_sniffed_from_header_only(void **state)
{
    (void)state;
    /* The data lines have more commas than semicolons; the header decides. */
    expect_clean("a;b\n1,5;2,5,3,4\n", ';', "1:a|b\n2:1,5|2,5,3,4\n");
    /* Delimiters inside quotes do not count. */
    expect_clean("\"a;b;c\",x,y\n1,2,3\n", ',', "1:a;b;c|x|y\n2:1|2|3\n");
}

static void test_sniff_delimiter(void **state)
{
    (void)state;
    assert_int_equal(uf_csv_sniff_delimiter("a;b;c", 5), ';');
    assert_int_equal(uf_csv_sniff_delimiter("a,b,c", 5), ',');
    assert_int_equal(uf_csv_sniff_delimiter("a\tb\tc", 5), '\t');
    assert_int_equal(uf_csv_sniff_delimiter("abc", 3), ';');   /* none: ';' */
    assert_int_equal(uf_csv_sniff_delimiter("a;b,c", 5), ';'); /* tie: ';' */
    assert_int_equal(uf_csv_sniff_delimiter("a,b,c;d;e;f", 11), ';');
    assert_int_equal(uf_csv_sniff_delimiter("\"a;b;c\",d", 9), ',');
    /* Only the first line counts. */
    assert_int_equal(uf_csv_sniff_delimiter("a,b\nc;d;e;f", 11), ',');
    assert_int_equal(uf_csv_sniff_delimiter("", 0), ';');
}

static void test_excel_sep_line(void **state)
{
    (void)state;
    /* "sep=X" names the delimiter and is not a record; lines still count. */
    expect_clean("sep=,\nå;r,enhet\n1;2,x\n", ',', "2:å;r|enhet\n3:1;2|x\n");
    expect_clean("sep=;\r\na,b;c\r\n1,2;3\r\n", ';', "2:a,b|c\n3:1,2|3\n");
    expect_clean("Sep=\t\na;b\tc\n", '\t', "2:a;b|c\n");
    expect_clean("\xEF\xBB\xBFsep=;\nx,y;z\n", ';', "2:x,y|z\n");
    /* Not a sep line: read as the header. */
    expect_clean("sep=;x\n1\n", ';', "1:sep=|x\n2:1\n");
}

/* ---- encodings ---- */

static void test_utf8_without_bom(void **state)
{
    (void)state;
    reading r = read_str("år;värde\n2025;12\n");
    assert_int_equal(r.info.encoding, UF_ENCODING_UTF8);
    assert_int_equal(r.diags->count, 0);
    assert_string_equal(r.records, "1:år|värde\n2:2025|12\n");
    reading_free(&r);
}

static void test_utf8_bom(void **state)
{
    (void)state;
    reading r = read_str("\xEF\xBB\xBF" "år;värde\r\n2025;12\r\n");
    assert_int_equal(r.info.encoding, UF_ENCODING_UTF8_BOM);
    assert_int_equal(r.diags->count, 0);
    /* The BOM is not part of the first header name. */
    assert_string_equal(r.records, "1:år|värde\n2:2025|12\n");
    reading_free(&r);
}

static void test_cp1252_converted_with_warning(void **state)
{
    (void)state;
    /* "år;värde;kommentar" and "2025;1 250;Möte i Århus – 5 €" in Windows-1252,
     * with a no-break space (A0) as the thousands mark. */
    reading r = read_str("\xE5r;v\xE4rde;kommentar\r\n2025;1\xA0" "250;M\xF6te i \xC5rhus \x96 5 \x80\r\n");
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.encoding, UF_ENCODING_CP1252);
    const uf_diag *d = only_diag(&r, UF_MSG_FILE_CP1252, UF_SEVERITY_WARNING, 0);
    assert_int_equal(d->column, 0);
    assert_string_equal(r.records, "1:år|värde|kommentar\n2:2025|1\xC2\xA0" "250|Möte i Århus – 5 €\n");
    reading_free(&r);
}

static void test_cp1252_conversion_table(void **state)
{
    (void)state;
    size_t n;
    const unsigned char in[] = {'a', 0x80, 0x8A, 0x96, 0x9F, 0xA0, 0xC5, 0xE9, 0xFF};
    char *out = uf_cp1252_to_utf8(in, sizeof in, &n);
    const char *want = "a\xE2\x82\xAC\xC5\xA0\xE2\x80\x93\xC5\xB8\xC2\xA0\xC3\x85\xC3\xA9\xC3\xBF";
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
    free(out);
    out = uf_cp1252_to_utf8((const unsigned char *)"", 0, &n);
    assert_int_equal(n, 0);
    assert_string_equal(out, "");
    free(out);
}

static void test_encoding_detect(void **state)
{
    (void)state;
    size_t where = 99;
#define DETECT(s) uf_encoding_detect((const unsigned char *)(s), sizeof(s) - 1, &where)
    assert_int_equal(DETECT("abc"), UF_ENCODING_UTF8);
    assert_int_equal(where, 0);
    assert_int_equal(DETECT(""), UF_ENCODING_UTF8);
    assert_int_equal(DETECT("\xEF\xBB\xBF"), UF_ENCODING_UTF8_BOM);
    assert_int_equal(DETECT("\xEF\xBB\xBF\xC3\xA5"), UF_ENCODING_UTF8_BOM);
    assert_int_equal(DETECT("\xC3\xA5r"), UF_ENCODING_UTF8);
    assert_int_equal(DETECT("\xE5r"), UF_ENCODING_CP1252);
    /* A BOM followed by Windows-1252 text is Windows-1252 after the BOM. */
    assert_int_equal(DETECT("\xEF\xBB\xBF\xE5r"), UF_ENCODING_CP1252);
    assert_int_equal(DETECT("\xFF\xFE" "a\0"), UF_ENCODING_UTF16);
    assert_int_equal(DETECT("\xFE\xFF\0a"), UF_ENCODING_UTF16);
    assert_int_equal(DETECT("ab\0c"), UF_ENCODING_BINARY);
    assert_int_equal(where, 2);
    /* 0x81 is undefined in Windows-1252. */
    assert_int_equal(DETECT("abc;\x81"), UF_ENCODING_UNKNOWN);
    assert_int_equal(where, 4);
    /* Control characters with bytes that are not UTF-8: binary, not text. */
    assert_int_equal(DETECT("a\x01\xE5"), UF_ENCODING_UNKNOWN);
    assert_int_equal(where, 1);
    /* Overlong, surrogate and out-of-range sequences are not UTF-8. */
    assert_int_equal(DETECT("\xC0\xAF"), UF_ENCODING_CP1252);
    assert_int_equal(DETECT("\xED\xA0\x80"), UF_ENCODING_CP1252);
    assert_int_equal(DETECT("\xF4\x90\x80\x80"), UF_ENCODING_UNKNOWN); /* 0x90 undefined */
    /* A sequence cut off at the end is not UTF-8 either. */
    assert_int_equal(DETECT("a\xC3"), UF_ENCODING_CP1252);
#undef DETECT
}

static void test_utf8_valid_prefix(void **state)
{
    (void)state;
#define PREFIX(s) uf_utf8_valid_prefix((const unsigned char *)(s), sizeof(s) - 1)
    assert_int_equal(PREFIX("abc"), 3);
    assert_int_equal(PREFIX("a\xC3\xA5" "b"), 4);
    assert_int_equal(PREFIX("a\xE2\x88\x92"), 4);
    assert_int_equal(PREFIX("a\xF0\x9F\x98\x80"), 5);
    assert_int_equal(PREFIX("ab\xE5"), 2);
    assert_int_equal(PREFIX("ab\xE2\x88"), 2);
    assert_int_equal(PREFIX("\xE0\x80\x80"), 0); /* overlong */
    assert_int_equal(PREFIX("\xF5\x80\x80\x80"), 0);
    assert_int_equal(PREFIX("\x80"), 0);
#undef PREFIX
}

static void test_utf16_refused(void **state)
{
    (void)state;
    static const char le[] = "\xFF\xFE\xE5\0r\0;\0v\0\n\0";
    reading r = read_mem(le, sizeof le - 1);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_int_equal(r.info.encoding, UF_ENCODING_UTF16);
    only_diag(&r, UF_MSG_FILE_UTF16, UF_SEVERITY_ERROR, 0);
    assert_string_equal(r.records, "");
    reading_free(&r);
    static const char be[] = "\xFE\xFF\0a\0;\0b";
    r = read_mem(be, sizeof be - 1);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    only_diag(&r, UF_MSG_FILE_UTF16, UF_SEVERITY_ERROR, 0);
    reading_free(&r);
}

static void test_nul_refused(void **state)
{
    (void)state;
    static const char data[] = "a;b\n1;\0\n";
    reading r = read_mem(data, sizeof data - 1);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_int_equal(r.info.encoding, UF_ENCODING_BINARY);
    const uf_diag *d = only_diag(&r, UF_MSG_FILE_NUL, UF_SEVERITY_ERROR, 0);
    assert_non_null(strstr(d->text, "(byte 7)")); /* counted from 1 */
    assert_string_equal(r.records, "");
    reading_free(&r);
}

static void test_neither_utf8_nor_cp1252_refused(void **state)
{
    (void)state;
    reading r = read_str("a;b\n1;\x8D\n");
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_int_equal(r.info.encoding, UF_ENCODING_UNKNOWN);
    const uf_diag *d = only_diag(&r, UF_MSG_FILE_ENCODING, UF_SEVERITY_ERROR, 0);
    assert_string_equal(d->text, "filen är varken UTF-8 eller Windows-1252 (ogiltig byte 0x8D vid byte 7)");
    assert_string_equal(r.records, "");
    reading_free(&r);
    /* Binary garbage without NUL: control bytes and invalid UTF-8. */
    r = read_str("\x89PNG\r\n\x1a\n\xfe\xed");
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    d = only_diag(&r, UF_MSG_FILE_ENCODING, UF_SEVERITY_ERROR, 0);
    assert_string_equal(d->text, "filen är varken UTF-8 eller Windows-1252 (ogiltig byte 0x1A vid byte 7)");
    reading_free(&r);
}

static void test_empty_refused(void **state)
{
    (void)state;
    reading r = read_mem("", 0);
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    only_diag(&r, UF_MSG_FILE_EMPTY, UF_SEVERITY_ERROR, 0);
    reading_free(&r);
    /* Only blank lines: nothing delivered, nothing said (the caller decides). */
    r = read_str("\n \r\n\t\n");
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.records, 0);
    assert_int_equal(r.diags->count, 0);
    reading_free(&r);
    /* A BOM and nothing else. */
    r = read_str("\xEF\xBB\xBF");
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.records, 0);
    reading_free(&r);
}

/* ---- line ends ---- */

static void test_line_ends(void **state)
{
    (void)state;
    const char *want = "1:a|b\n2:1|2\n3:3|4\n";
    expect_clean("a;b\r\n1;2\r\n3;4\r\n", ';', want);
    expect_clean("a;b\n1;2\n3;4\n", ';', want);
    expect_clean("a;b\n1;2\n3;4", ';', want);     /* no final line end */
    expect_clean("a;b\r\n1;2\r\n3;4", ';', want);
    expect_clean("a;b\r1;2\r3;4\r", ';', want);     /* old Mac: lone CR */
    expect_clean("a;b\n1;2\r\n3;4\r", ';', want);   /* mixed */
    /* The last field of a file without a final line end is whole. */
    expect_clean("a;b\n1;\"x y\"", ';', "1:a|b\n2:1|x y\n");
    expect_clean("a;b\n1;23", ';', "1:a|b\n2:1|23\n");
}

/* ---- quoting ---- */

static void test_quoted_delimiter_and_doubled_quotes(void **state)
{
    (void)state;
    expect_clean("a;b;c\n\"x;y\";\"he said \"\"hej\"\"\";\"\"\n", ';', "1:a|b|c\n2:x;y|he said \"hej\"\n");
    expect_clean("a,b\n\"1,5\",\"\"\"\"\n", ',', "1:a|b\n2:1,5|\"\n");
    /* A stray quote inside an unquoted field is kept as written. */
    expect_clean("a;b\n12\" skärm;x\n", ';', "1:a|b\n2:12\" skärm|x\n");
    /* Hand edits that forget to double inner quotes read as meant, and the
     * next records are not swallowed. */
    expect_clean("a;b\n1;\"Projekt \"Alfa\" startat\"\n2;x\n", ';', "1:a|b\n2:1|Projekt \"Alfa\" startat\n3:2|x\n");
    expect_clean("a;b\n1;Projekt \"Alfa\"\n2;x\n", ';', "1:a|b\n2:1|Projekt \"Alfa\"\n3:2|x\n");
    expect_clean("a;b\n1;\"12\" skärm\"\n2;\"y\"\n", ';', "1:a|b\n2:1|12\" skärm\n3:2|y\n");
}

static void test_line_break_inside_quotes(void **state)
{
    (void)state;
    /* Records start on their physical line; a record with line breaks
     * inside quotes moves the later records down. */
    expect_clean("a;b\n1;\"rad ett\nrad två\"\n3;4\n\"x\ny\nz\";5\n6;7\n", ';',
                 "1:a|b\n2:1|rad ett\nrad två\n4:3|4\n5:x\ny\nz|5\n8:6|7\n");
    /* CRLF inside quotes is kept; lines are still counted right. */
    expect_clean("a;b\r\n1;\"x\r\ny\"\r\n3;4\r\n", ';', "1:a|b\n2:1|x\r\ny\n4:3|4\n");
    /* A quoted line break in the header too. */
    expect_clean("\"a\nb\";c\n1;2\n", ';', "1:a\nb|c\n3:1|2\n");
}

static void test_unclosed_quote(void **state)
{
    (void)state;
    reading r = read_str("a;b\n1;2\n3;\"open\n4;5\n6;7\n");
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_int_equal(r.info.broken_records, 1);
    const uf_diag *d = only_diag(&r, UF_MSG_FILE_UNCLOSED_QUOTE, UF_SEVERITY_ERROR, 3);
    assert_string_equal(d->text, "ett citattecken som börjar på rad 3 avslutas aldrig");
    /* What came before is delivered; the broken record is not. */
    assert_string_equal(r.records, "1:a|b\n2:1|2\n");
    reading_free(&r);
    /* Without a final line end too. */
    r = read_str("a;b\n1;\"2");
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    assert_int_equal(r.info.broken_records, 1);
    only_diag(&r, UF_MSG_FILE_UNCLOSED_QUOTE, UF_SEVERITY_ERROR, 2);
    assert_string_equal(r.records, "1:a|b\n");
    reading_free(&r);
    /* A closed quote at the very end is fine. */
    r = read_str("a;b\n1;\"2\"");
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.broken_records, 0);
    assert_string_equal(r.records, "1:a|b\n2:1|2\n");
    reading_free(&r);
}

/* ---- blank lines, trailing delimiters, spaces ---- */

static void test_blank_lines_and_trailing_delimiters(void **state)
{
    (void)state;
    expect_clean("\n\r\na;b;;\n\n1;2;;\n  \n;;;\n\t\n3;;\n;4\n\n\n", ';',
                 "3:a|b\n5:1|2\n9:3\n10:|4\n");
}

static void test_spaces_around_fields(void **state)
{
    (void)state;
    expect_clean(" år ; enhet \n 2025 ;  social  \n", ';', "1:år|enhet\n2:2025|social\n");
    expect_clean("a , b\n \"x\" , \" y \"\n", ',', "1:a|b\n2:x| y \n");
    /* In a TAB file, TAB is the delimiter, not space to trim. */
    expect_clean("a\tb\n 1 \t\t 3\n", '\t', "1:a|b\n2:1||3\n");
    /* Spaces inside a field stay. */
    expect_clean("a;b\n1 250;x y\n", ';', "1:a|b\n2:1 250|x y\n");
}

static void test_stop_reading(void **state)
{
    (void)state;
    uf_diag_list *diags = uf_diag_list_new();
    collected c = {.stop_after = 2};
    uf_csv_info info;
    const char *csv = "a\n1\n2\n3\n";
    uf_error err = uf_csv_read_buffer(csv, strlen(csv), uf_diag_add_file(diags, "t"), diags, collect, &c, &info);
    assert_int_equal(err, UF_OK);
    assert_int_equal(info.records, 2);
    char *got = uf_strbuf_take(&c.text);
    assert_string_equal(got, "1:a\n2:1\n");
    free(got);
    uf_diag_list_free(diags);
}

static bool count_fields(void *user, const uf_csv_record *rec)
{
    *(size_t *)user += rec->count;
    return true;
}

static void test_many_fields_in_one_line(void **state)
{
    (void)state;
    /* 200 000 fields on one line: all delivered, quickly. */
    enum { N = 200000 };
    uf_strbuf sb = {0};
    for (int i = 0; i < N; i++)
        uf_strbuf_puts(&sb, i ? ";x" : "x");
    uf_strbuf_puts(&sb, "\n");
    uf_diag_list *diags = uf_diag_list_new();
    uf_csv_info info;
    size_t fields = 0;
    uf_error err = uf_csv_read_buffer(sb.data, sb.len, uf_diag_add_file(diags, "t"), diags, count_fields, &fields, &info);
    assert_int_equal(err, UF_OK);
    assert_int_equal(fields, N);
    uf_strbuf_free(&sb);
    uf_diag_list_free(diags);
}

/* ---- header matching ---- */

enum { COL_YEAR, COL_UNIT, COL_IND, COL_VALUE, COL_COMMENT, COL_PARTNER, NCOL };
static const uf_column_spec specs[NCOL] = {
    {"år", "ar|year", true},
    {"enhet", "enhet|unit", true},
    {"indikator", "indikator|indicator", true},
    {"värde", "varde|value", true},
    {"kommentar", "kommentar|comment", false},
    {"partner", "partner", false},
};

static bool grab_header(void *user, const uf_csv_record *rec)
{
    uf_diag_list *diags = ((void **)user)[0];
    int *index = ((void **)user)[1];
    bool *ok = ((void **)user)[2];
    *ok = uf_columns_map(specs, NCOL, rec, 0, diags, index);
    return false;
}

typedef struct mapped {
    uf_diag_list *diags;
    int index[NCOL];
    bool ok;
} mapped;

static mapped map_header(const char *header)
{
    mapped m = {.diags = uf_diag_list_new()};
    uf_diag_add_file(m.diags, "t.csv");
    void *user[3] = {m.diags, m.index, &m.ok};
    uf_csv_read_buffer(header, strlen(header), 0, m.diags, grab_header, user, NULL);
    return m;
}

static void test_column_normalize(void **state)
{
    (void)state;
    char out[64];
#define NORM(s) (uf_column_normalize((s), strlen(s), out, sizeof out), out)
    assert_string_equal(NORM("  Värde "), "varde");
    assert_string_equal(NORM("ÅR"), "ar");
    assert_string_equal(NORM("Målområde"), "malomrade");
    assert_string_equal(NORM("MÅTTENHET"), "mattenhet");
    assert_string_equal(NORM("Année"), "annee");
    assert_string_equal(NORM("Über"), "uber");
    assert_string_equal(NORM("\tYear\t"), "year");
    assert_string_equal(NORM("Agenda 2030"), "agenda 2030");
    assert_string_equal(NORM("ñ"), "ñ"); /* other letters kept */
    assert_string_equal(NORM(""), "");
    assert_int_equal(uf_column_normalize("abcdef", 6, out, 4), 3);
    assert_string_equal(out, "abc");
    /* A two-byte letter that does not fit is left out whole. */
    assert_int_equal(uf_column_normalize("abñ", 4, out, 4), 2);
    assert_string_equal(out, "ab");
#undef NORM
}

static void test_header_aliases_any_order(void **state)
{
    (void)state;
    mapped m = map_header("Partner;VALUE; Indikator ;unit;Comment;Year\n");
    assert_true(m.ok);
    assert_int_equal(m.diags->count, 0);
    assert_int_equal(m.index[COL_YEAR], 5);
    assert_int_equal(m.index[COL_UNIT], 3);
    assert_int_equal(m.index[COL_IND], 2);
    assert_int_equal(m.index[COL_VALUE], 1);
    assert_int_equal(m.index[COL_COMMENT], 4);
    assert_int_equal(m.index[COL_PARTNER], 0);
    uf_diag_list_free(m.diags);

    /* Swedish letters optional, case-insensitive; optional columns absent. */
    m = map_header("AR;Enhet;INDIKATOR;varde\n");
    assert_true(m.ok);
    assert_int_equal(m.diags->count, 0);
    assert_int_equal(m.index[COL_YEAR], 0);
    assert_int_equal(m.index[COL_VALUE], 3);
    assert_int_equal(m.index[COL_COMMENT], UF_COLUMN_MISSING);
    assert_int_equal(m.index[COL_PARTNER], UF_COLUMN_MISSING);
    uf_diag_list_free(m.diags);

    /* Windows-1252 header: converted, then matched. */
    m = map_header("\xC5r;enhet;indikator;v\xC4rde\r\n");
    assert_true(m.ok);
    assert_int_equal(m.index[COL_VALUE], 3);
    assert_int_equal(m.diags->count, 1); /* the encoding warning */
    assert_int_equal(m.diags->items[0].code, UF_MSG_FILE_CP1252);
    uf_diag_list_free(m.diags);
}

static void test_header_unknown_columns_one_warning(void **state)
{
    (void)state;
    mapped m = map_header("år;kontaktperson;enhet;indikator;värde;Telefon;;\n");
    assert_true(m.ok);
    assert_int_equal(m.diags->count, 1);
    const uf_diag *d = &m.diags->items[0];
    assert_int_equal(d->code, UF_MSG_FILE_UNKNOWN_COLUMNS);
    assert_int_equal(d->severity, UF_SEVERITY_WARNING);
    assert_int_equal(d->line, 1);
    assert_string_equal(d->text, "okända kolumner ignoreras: ”kontaktperson”, ”Telefon”");
    assert_int_equal(m.index[COL_UNIT], 2);
    uf_diag_list_free(m.diags);
    /* An empty header cell in the middle names no column. */
    m = map_header("år;;enhet;indikator;värde\n");
    assert_true(m.ok);
    assert_int_equal(m.diags->count, 0);
    assert_int_equal(m.index[COL_UNIT], 2);
    uf_diag_list_free(m.diags);
}

static void test_header_missing_column(void **state)
{
    (void)state;
    mapped m = map_header("\n\når;enhet;värde;extra\n");
    assert_false(m.ok);
    assert_int_equal(m.diags->count, 1);
    const uf_diag *d = &m.diags->items[0];
    assert_int_equal(d->code, UF_MSG_FILE_MISSING_COLUMNS);
    assert_int_equal(d->severity, UF_SEVERITY_ERROR);
    assert_int_equal(d->line, 3);
    assert_string_equal(d->text, "filen avvisas: kolumnen ”indikator” saknas (hittade kolumner: ”år”, ”enhet”, ”värde”, ”extra”)");
    uf_diag_list_free(m.diags);

    m = map_header("year,value\n");
    assert_false(m.ok);
    assert_int_equal(m.diags->count, 1);
    assert_int_equal(m.diags->items[0].code, UF_MSG_FILE_MISSING_COLUMNS_N);
    assert_string_equal(m.diags->items[0].text,
                        "filen avvisas: kolumnerna ”enhet”, ”indikator” saknas (hittade kolumner: ”year”, ”value”)");
    uf_diag_list_free(m.diags);

    /* A data row read as header (the header line was deleted). */
    m = map_header("2025;social;nya-projekt;3\n");
    assert_false(m.ok);
    assert_string_equal(m.diags->items[0].text,
                        "filen avvisas: kolumnerna ”år”, ”enhet”, ”indikator”, ”värde” saknas "
                        "(hittade kolumner: ”2025”, ”social”, ”nya-projekt”, ”3”)");
    uf_diag_list_free(m.diags);
}

static void test_header_duplicate_column(void **state)
{
    (void)state;
    mapped m = map_header("år;enhet;Year;indikator;värde\n");
    assert_false(m.ok);
    assert_int_equal(m.diags->count, 1);
    const uf_diag *d = &m.diags->items[0];
    assert_int_equal(d->code, UF_MSG_FILE_DUP_COLUMN);
    assert_int_equal(d->column, 3);
    assert_string_equal(d->text, "kolumnen ”år” förekommer två gånger (kolumn 1 och 3)");
    uf_diag_list_free(m.diags);
}

static void test_header_huge_message_bounded(void **state)
{
    (void)state;
    /* A header of 100 000 cells: the message names the first twenty. */
    uf_strbuf sb = {0};
    for (int i = 0; i < 100000; i++)
        uf_strbuf_puts(&sb, "a;");
    uf_strbuf_puts(&sb, "\n");
    mapped m = map_header(sb.data);
    assert_false(m.ok);
    assert_int_equal(m.diags->count, 1);
    const char *text = m.diags->items[0].text;
    assert_true(strlen(text) < 400); /* bytes: each ”…” pair is six */
    assert_non_null(strstr(text, "(hittade kolumner: ”a”, ”a”, "));
    assert_non_null(strstr(text, "”a”, \xE2\x80\xA6)"));
    uf_diag_list_free(m.diags);
    uf_strbuf_free(&sb);

    /* The same for unknown columns beside the required ones. */
    uf_strbuf_puts(&sb, "år;enhet;indikator;värde");
    for (int i = 0; i < 1000; i++)
        uf_strbuf_puts(&sb, ";okänd");
    uf_strbuf_puts(&sb, "\n");
    m = map_header(sb.data);
    assert_true(m.ok);
    assert_int_equal(m.diags->count, 1);
    text = m.diags->items[0].text;
    assert_true(strlen(text) < 400);
    assert_memory_equal(text + strlen(text) - 5, ", \xE2\x80\xA6", 5);
    uf_diag_list_free(m.diags);
    uf_strbuf_free(&sb);
}

/* ---- files ---- */

static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/uf-test-read-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    return uf_test_remove_tree(tmpdir);
}

static char *tmp_path(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

static void write_file(const char *name, const char *data, size_t len)
{
    uf_test_write_file(tmp_path(name), data, len);
}

static reading read_path(const char *path)
{
    reading r = {.diags = uf_diag_list_new()};
    collected c = {0};
    uint32_t file = uf_diag_add_file(r.diags, path);
    r.err = uf_csv_read_file(path, file, r.diags, collect, &c, &r.info);
    r.records = uf_strbuf_take(&c.text);
    return r;
}

/* A file read into a log and replayed into a list that already holds
 * another file: the same records, and the reader's diagnostics against the
 * file given, in order, as reading it there and then. */
static reading replay_path(const char *path)
{
    reading r = {.diags = uf_diag_list_new()};
    collected c = {0};
    uf_diag_add_file(r.diags, "before.csv");
    uf_diag_add(r.diags, UF_SEVERITY_WARNING, 0, 1, 1, UF_MSG_FILE_CP1252);
    uint32_t file = uf_diag_add_file(r.diags, path);
    uf_read_log *log = uf_read_log_file(path, (size_t)1 << 20);
    assert_non_null(log);
    assert_false(uf_read_log_workbook(log));
    uf_read_replay to = {r.diags, file, NULL, collect, &c};
    r.err = uf_read_log_replay(log, &to, &r.info);
    uf_read_log_free(log);
    r.records = uf_strbuf_take(&c.text);
    return r;
}

static void test_read_log_replays_as_read(void **state)
{
    (void)state;
    static const char cp1252[] = "a;b\n\xe5;\"x\n";
    write_file("log.csv", cp1252, sizeof cp1252 - 1);
    reading direct = read_path(tmp_path("log.csv"));
    reading replayed = replay_path(tmp_path("log.csv"));
    assert_int_equal(replayed.err, direct.err);
    assert_string_equal(replayed.records, direct.records);
    assert_int_equal(replayed.info.records, direct.info.records);
    assert_int_equal(replayed.info.broken_records, direct.info.broken_records);
    assert_int_equal(replayed.info.encoding, direct.info.encoding);
    assert_true(direct.diags->count >= 2); /* Windows-1252, the unclosed quote */
    assert_int_equal(replayed.diags->count, direct.diags->count + 1);
    assert_int_equal(replayed.diags->errors + replayed.diags->warnings, replayed.diags->count);
    for (size_t i = 0; i < direct.diags->count; i++) {
        const uf_diag *a = &direct.diags->items[i], *b = &replayed.diags->items[i + 1];
        assert_int_equal(b->file, 1);
        assert_int_equal(b->code, a->code);
        assert_int_equal(b->severity, a->severity);
        assert_int_equal(b->line, a->line);
        assert_int_equal(b->column, a->column);
        assert_string_equal(b->text, a->text);
        assert_int_equal(b->seq, i + 1);
    }
    reading_free(&direct);
    reading_free(&replayed);
}

static void test_read_log_over_budget(void **state)
{
    (void)state;
    uf_strbuf big = {0};
    uf_strbuf_puts(&big, "a;b\n");
    for (int i = 0; i < 2000; i++)
        uf_strbuf_puts(&big, "1;2\n");
    write_file("big.csv", big.data, big.len);
    /* Larger than the file, smaller than its records. */
    assert_null(uf_read_log_file(tmp_path("big.csv"), big.len + 100));
    assert_null(uf_read_log_file(tmp_path("big.csv"), big.len / 2));
    uf_read_log *log = uf_read_log_file(tmp_path("big.csv"), (size_t)1 << 20);
    assert_non_null(log);
    uf_read_log_free(log);
    uf_strbuf_free(&big);
}

static void test_file_regular(void **state)
{
    (void)state;
    write_file("ok.csv", "a;b\n1;2\n", 8);
    reading r = read_path(tmp_path("ok.csv"));
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.diags->count, 0);
    assert_string_equal(r.records, "1:a|b\n2:1|2\n");
    reading_free(&r);
}

static void test_file_missing(void **state)
{
    (void)state;
    reading r = read_path(tmp_path("finns-inte.csv"));
    assert_int_equal(r.err, UF_ERROR_READ);
    const uf_diag *d = only_diag(&r, UF_MSG_FILE_OPEN, UF_SEVERITY_ERROR, 0);
    assert_string_equal(d->text, "filen kunde inte öppnas: filen finns inte");
    reading_free(&r);
    /* A symbolic link to nothing. */
    assert_int_equal(symlink(tmp_path("borta.csv"), tmp_path("länk.csv")), 0);
    r = read_path(tmp_path("länk.csv"));
    assert_int_equal(r.err, UF_ERROR_READ);
    only_diag(&r, UF_MSG_FILE_OPEN, UF_SEVERITY_ERROR, 0);
    reading_free(&r);
}

static void test_file_directory(void **state)
{
    (void)state;
    assert_int_equal(mkdir(tmp_path("x.csv"), 0755), 0);
    reading r = read_path(tmp_path("x.csv"));
    assert_int_equal(r.err, UF_ERROR_READ);
    only_diag(&r, UF_MSG_FILE_IS_DIR, UF_SEVERITY_ERROR, 0);
    reading_free(&r);
}

static void test_file_fifo_does_not_block(void **state)
{
    (void)state;
    assert_int_equal(mkfifo(tmp_path("y.csv"), 0644), 0);
    /* No writer: a blocking open would hang here. */
    reading r = read_path(tmp_path("y.csv"));
    assert_int_equal(r.err, UF_ERROR_READ);
    only_diag(&r, UF_MSG_FILE_NOT_REGULAR, UF_SEVERITY_ERROR, 0);
    reading_free(&r);
    r = read_path("/dev/null");
    assert_int_equal(r.err, UF_ERROR_READ);
    only_diag(&r, UF_MSG_FILE_NOT_REGULAR, UF_SEVERITY_ERROR, 0);
    reading_free(&r);
}

static void test_file_unreadable(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root reads a chmod 000 file anyway */
    write_file("hemlig.csv", "a;b\n1;2\n", 8);
    assert_int_equal(chmod(tmp_path("hemlig.csv"), 0), 0);
    reading r = read_path(tmp_path("hemlig.csv"));
    assert_int_equal(r.err, UF_ERROR_READ);
    const uf_diag *d = only_diag(&r, UF_MSG_FILE_OPEN, UF_SEVERITY_ERROR, 0);
    assert_non_null(strstr(d->text, strerror(EACCES)));
    reading_free(&r);
}

static void test_file_empty(void **state)
{
    (void)state;
    write_file("tom.csv", "", 0);
    reading r = read_path(tmp_path("tom.csv"));
    assert_int_equal(r.err, UF_ERROR_FILE_REJECTED);
    only_diag(&r, UF_MSG_FILE_EMPTY, UF_SEVERITY_ERROR, 0);
    reading_free(&r);
}

static void test_file_50mb_single_line(void **state)
{
    (void)state;
    /* 50 MB without a line end: read as one header line of one cell. */
    size_t len = 50u << 20;
    char *big = malloc(len);
    assert_non_null(big);
    for (size_t i = 0; i < len; i++)
        big[i] = (char)('a' + i % 26);
    write_file("stor.csv", big, len);
    free(big);
    reading r = read_path(tmp_path("stor.csv"));
    assert_int_equal(r.err, UF_OK);
    assert_int_equal(r.info.records, 1);
    assert_int_equal(strlen(r.records), 2 + len + 1);
    assert_memory_equal(r.records, "1:abcdefghijklmnopqrstuvwxyzabc", 31);
    reading_free(&r);
}

static void test_find_csv_files(void **state)
{
    (void)state;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/inrapportering", tmpdir);
    assert_int_equal(mkdir(sub, 0755), 0);
    const char *dirs[] = {"inrapportering/2025", "inrapportering/2024", "inrapportering/mapp.csv"};
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(mkdir(tmp_path(dirs[i]), 0755), 0);
    const char *files[] = {"inrapportering/2025/b.csv", "inrapportering/2025/A.CSV",
                           "inrapportering/2024/a.csv", "inrapportering/2024/läsmig.txt",
                           "inrapportering/2024/~$a.csv", "inrapportering/2024/.dold.csv",
                           "inrapportering/mapp.csv/inuti.csv", "inrapportering/x.csvx"};
    for (size_t i = 0; i < 8; i++)
        write_file(files[i], "a\n", 2);
    uf_file_list list = {0};
    assert_int_equal(uf_find_csv_files(sub, &list), 4);
    char want[4][300];
    snprintf(want[0], 300, "%s/2024/a.csv", sub);
    snprintf(want[1], 300, "%s/2025/A.CSV", sub);
    snprintf(want[2], 300, "%s/2025/b.csv", sub);
    snprintf(want[3], 300, "%s/mapp.csv/inuti.csv", sub);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(list.paths[i], want[i]);
    uf_file_list_free(&list);
    assert_int_equal(uf_find_csv_files(tmp_path("finns-inte"), &list), 0);
    uf_file_list_free(&list);
}

/* Workbooks are submissions beside *.csv, in any letter case; .xls, .ods
 * and .xlsb are listed for the reader to reject with the reason; Excel's
 * lock files and other files are not. */
static void test_find_submissions(void **state)
{
    (void)state;
    assert_int_equal(uf_submission_kind_of("a.csv"), UF_SUBMISSION_CSV);
    assert_int_equal(uf_submission_kind_of("a.XLSX"), UF_SUBMISSION_WORKBOOK);
    assert_int_equal(uf_submission_kind_of("a.Xlsm"), UF_SUBMISSION_WORKBOOK);
    assert_int_equal(uf_submission_kind_of("a.xls"), UF_SUBMISSION_WORKBOOK);
    assert_int_equal(uf_submission_kind_of("a.ods"), UF_SUBMISSION_WORKBOOK);
    assert_int_equal(uf_submission_kind_of("a.xlsb"), UF_SUBMISSION_WORKBOOK);
    assert_int_equal(uf_submission_kind_of("a.xlsx.txt"), UF_SUBMISSION_NONE);
    assert_int_equal(uf_submission_kind_of(".xlsx"), UF_SUBMISSION_NONE);
    assert_int_equal(mkdir(tmp_path("bocker"), 0755), 0);
    const char *files[] = {"bocker/b.csv", "bocker/a.XLSX", "bocker/c.xlsm", "bocker/~$a.XLSX",
                           "bocker/d.xls", "bocker/e.ods", "bocker/f.docx", "bocker/g.xlsx.bak"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        write_file(files[i], "a\n", 2);
    uf_file_list list = {0};
    assert_int_equal(uf_find_submissions(tmp_path("bocker"), &list), 5);
    const char *want[] = {"/a.XLSX", "/b.csv", "/c.xlsm", "/d.xls", "/e.ods"};
    for (size_t i = 0; i < 5; i++) {
        size_t n = strlen(list.paths[i]), w = strlen(want[i]);
        assert_true(n > w && strcmp(list.paths[i] + n - w, want[i]) == 0);
    }
    uf_file_list_free(&list);
}

/* Makes tmpdir/name a folder holding the named files, each a valid CSV. */
static void make_folder(const char *name, const char *const *files, size_t n)
{
    assert_int_equal(mkdir(tmp_path(name), 0755), 0);
    for (size_t i = 0; i < n; i++) {
        char rel[200];
        snprintf(rel, sizeof rel, "%s/%s", name, files[i]);
        write_file(rel, "a\n", 2);
    }
}

static void link_in(const char *target, const char *folder, const char *name)
{
    char rel[200];
    snprintf(rel, sizeof rel, "%s/%s", folder, name);
    assert_int_equal(symlink(target, tmp_path(rel)), 0);
}

/* The notices as "MESSAGE_NAME path-below-tmpdir [arg]\n". */
static char *notices_text(const uf_file_list *list)
{
    uf_strbuf sb = {0};
    size_t skip = strlen(tmpdir) + 1;
    for (size_t i = 0; i < list->nnotices; i++) {
        const uf_file_notice *n = &list->notices[i];
        uf_strbuf_puts(&sb, uf_msg_name(n->code));
        uf_strbuf_putc(&sb, ' ');
        uf_strbuf_puts(&sb, n->path + skip);
        if (n->arg) {
            uf_strbuf_putc(&sb, ' ');
            uf_strbuf_puts(&sb, strncmp(n->arg, tmpdir, skip - 1) == 0 ? n->arg + skip : n->arg);
        }
        uf_strbuf_putc(&sb, '\n');
    }
    return uf_strbuf_take(&sb);
}

/* Two links to "." made the walk take every combination of them down to
 * depth 32 (it never finished); one read every file 33 times. Links to
 * folders are not followed now: each file once, and a warning per link. */
static void test_find_csv_files_links_to_folders(void **state)
{
    (void)state;
    const char *files[] = {"a.csv", "b.csv"};
    make_folder("loop", files, 2);
    link_in(".", "loop", "ett");
    link_in(".", "loop", "tva");
    link_in("..", "loop", "upp");
    alarm(20); /* the old walk never returned: fail rather than hang */
    uf_file_list list = {0};
    assert_int_equal(uf_find_csv_files(tmp_path("loop"), &list), 2);
    alarm(0);
    assert_string_equal(list.paths[0] + strlen(tmpdir) + 1, "loop/a.csv");
    assert_string_equal(list.paths[1] + strlen(tmpdir) + 1, "loop/b.csv");
    char *text = notices_text(&list);
    assert_string_equal(text, "FOLDER_LINK loop/ett\nFOLDER_LINK loop/tva\nFOLDER_LINK loop/upp\n");
    free(text);
    /* Told as warnings on the links themselves. */
    uf_diag_list *diags = uf_diag_list_new();
    uf_file_list_report(&list, diags);
    assert_int_equal(diags->warnings, 3);
    assert_int_equal(diags->errors, 0);
    assert_int_equal(diags->items[0].code, UF_MSG_FOLDER_LINK);
    assert_string_equal(uf_diag_file_name(diags, diags->items[0].file), list.notices[0].path);
    uf_diag_list_free(diags);
    uf_file_list_free(&list);
}

/* A file reached by a link or a hard link as well is read once, under its
 * own name; the other names are told about. A link to nothing is still
 * listed, so that the reader says it cannot be opened. */
static void test_find_csv_files_same_file_once(void **state)
{
    (void)state;
    const char *files[] = {"x.csv", "y.csv"};
    make_folder("same", files, 2);
    link_in("x.csv", "same", "a-lank.csv");
    link_in("finns-inte.csv", "same", "b-trasig.csv");
    char from[300], to[300];
    snprintf(from, sizeof from, "%s", tmp_path("same/y.csv"));
    snprintf(to, sizeof to, "%s", tmp_path("same/h.csv"));
    assert_int_equal(link(from, to), 0);
    uf_file_list list = {0};
    assert_int_equal(uf_find_csv_files(tmp_path("same"), &list), 3);
    size_t skip = strlen(tmpdir) + 1;
    assert_string_equal(list.paths[0] + skip, "same/b-trasig.csv");
    assert_string_equal(list.paths[1] + skip, "same/h.csv");
    assert_string_equal(list.paths[2] + skip, "same/x.csv");
    char *text = notices_text(&list);
    assert_string_equal(text, "FILE_SAME_AS same/a-lank.csv same/x.csv\nFILE_SAME_AS same/y.csv same/h.csv\n");
    free(text);
    uf_file_list_free(&list);
}

/* Real folders are walked to UF_FOLDER_MAX_DEPTH levels and no further. */
static void test_find_csv_files_depth_bounded(void **state)
{
    (void)state;
    char rel[256] = "djup";
    assert_int_equal(mkdir(tmp_path(rel), 0755), 0);
    for (int level = 1; level <= UF_FOLDER_MAX_DEPTH + 1; level++) {
        strcat(rel, "/d");
        assert_int_equal(mkdir(tmp_path(rel), 0755), 0);
        if (level >= UF_FOLDER_MAX_DEPTH) {
            char file[300];
            snprintf(file, sizeof file, "%s/f.csv", rel);
            write_file(file, "a\n", 2);
        }
    }
    uf_file_list list = {0};
    assert_int_equal(uf_find_csv_files(tmp_path("djup"), &list), 1);
    size_t skip = strlen(tmpdir) + 1;
    assert_int_equal(strlen(list.paths[0] + skip), strlen("djup") + 2 * UF_FOLDER_MAX_DEPTH + strlen("/f.csv"));
    assert_int_equal(list.nnotices, 1);
    assert_int_equal(list.notices[0].code, UF_MSG_FOLDER_TOO_DEEP);
    assert_int_equal(strlen(list.notices[0].path + skip), strlen("djup") + 2 * (UF_FOLDER_MAX_DEPTH + 1));
    assert_string_equal(list.notices[0].arg, "64");
    uf_file_list_free(&list);
}

/* ---- sammanfattning/ÅÅÅÅ.txt (contract v2) ---- */

static char *summary_of(const char *dir, const void *bytes, size_t len, uf_diag_list *diags)
{
    char path[256];
    snprintf(path, sizeof path, "%s/sammanfattning", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/sammanfattning/2025.txt", dir);
    uf_test_write_file(path, bytes, len);
    return uf_summary_load(dir, 2025, diags);
}

static void test_summary(void **state)
{
    (void)state;
    char dir[64] = "/tmp/uf-test-summary-XXXXXX";
    assert_non_null(mkdtemp(dir));
    uf_diag_list *diags = uf_diag_list_new();
    /* none: no text, nothing said */
    assert_null(uf_summary_load(dir, 2025, diags));
    assert_int_equal(diags->count, 0);
    /* UTF-8 with a BOM and CRLF, kept as written with LF line ends */
    static const char utf8[] = "\xEF\xBB\xBF# Året i korthet\r\n\r\nVi har <b>fler</b> projekt.\r\n- ett\r\n- =två\r\n";
    char *text = summary_of(dir, utf8, sizeof utf8 - 1, diags);
    assert_string_equal(text, "# Året i korthet\n\nVi har <b>fler</b> projekt.\n- ett\n- =två\n");
    free(text);
    /* Windows-1252 */
    static const char cp[] = "M\xE5" "len n\xE5" "ddes \x96 n\xE4" "stan.\n";
    text = summary_of(dir, cp, sizeof cp - 1, diags);
    assert_string_equal(text, "Målen nåddes – nästan.\n");
    free(text);
    assert_int_equal(diags->count, 0);
    /* blank: no text */
    assert_null(summary_of(dir, " \n\n", 3, diags));
    /* UTF-16: refused with a reason naming the file */
    assert_null(summary_of(dir, "\xFF\xFE" "a\0", 4, diags));
    assert_int_equal(diags->count, 1);
    assert_int_equal(diags->items[0].code, UF_MSG_SUMMARY_UTF16);
    assert_string_equal(uf_diag_file_name(diags, diags->items[0].file), "sammanfattning/2025.txt");
    uf_diag_list_free(diags);
    assert_int_equal(uf_test_remove_tree(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_delimiter_semicolon),
        cmocka_unit_test(test_delimiter_comma),
        cmocka_unit_test(test_delimiter_tab),
        cmocka_unit_test(test_delimiter_sniffed_from_header_only),
        cmocka_unit_test(test_sniff_delimiter),
        cmocka_unit_test(test_excel_sep_line),
        cmocka_unit_test(test_utf8_without_bom),
        cmocka_unit_test(test_utf8_bom),
        cmocka_unit_test(test_cp1252_converted_with_warning),
        cmocka_unit_test(test_cp1252_conversion_table),
        cmocka_unit_test(test_encoding_detect),
        cmocka_unit_test(test_utf8_valid_prefix),
        cmocka_unit_test(test_utf16_refused),
        cmocka_unit_test(test_nul_refused),
        cmocka_unit_test(test_neither_utf8_nor_cp1252_refused),
        cmocka_unit_test(test_empty_refused),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_quoted_delimiter_and_doubled_quotes),
        cmocka_unit_test(test_line_break_inside_quotes),
        cmocka_unit_test(test_unclosed_quote),
        cmocka_unit_test(test_blank_lines_and_trailing_delimiters),
        cmocka_unit_test(test_spaces_around_fields),
        cmocka_unit_test(test_stop_reading),
        cmocka_unit_test(test_many_fields_in_one_line),
        cmocka_unit_test(test_column_normalize),
        cmocka_unit_test(test_header_aliases_any_order),
        cmocka_unit_test(test_header_unknown_columns_one_warning),
        cmocka_unit_test(test_header_missing_column),
        cmocka_unit_test(test_header_duplicate_column),
        cmocka_unit_test(test_header_huge_message_bounded),
        cmocka_unit_test(test_file_regular),
        cmocka_unit_test(test_read_log_replays_as_read),
        cmocka_unit_test(test_read_log_over_budget),
        cmocka_unit_test(test_file_missing),
        cmocka_unit_test(test_file_directory),
        cmocka_unit_test(test_file_fifo_does_not_block),
        cmocka_unit_test(test_file_unreadable),
        cmocka_unit_test(test_file_empty),
        cmocka_unit_test(test_file_50mb_single_line),
        cmocka_unit_test(test_find_csv_files),
        cmocka_unit_test(test_find_submissions),
        cmocka_unit_test(test_find_csv_files_links_to_folders),
        cmocka_unit_test(test_find_csv_files_same_file_once),
        cmocka_unit_test(test_find_csv_files_depth_bounded),
    };
    return cmocka_run_group_tests_name("read", tests, make_tmpdir, remove_tmpdir);
}
