/* Cells of a worksheet: their values as the text a clerk sees, the shared
 * strings they point to, the number formats that make them percentages, and
 * the row they are gathered into before it is handed over as a record.
 * Internal to read/xlsx.c. */
#ifndef UF_XLSX_CELL_H
#define UF_XLSX_CELL_H

#include "common/util.h"
#include "read/csvfile.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum xlsx_cell_type {
    XLSX_NUMBER, /* t="n" or no t */
    XLSX_SHARED, /* t="s" */
    XLSX_STR,    /* t="str": a formula's text */
    XLSX_INLINE, /* t="inlineStr" */
    XLSX_BOOL,   /* t="b" */
    XLSX_ERROR,  /* t="e" */
    XLSX_OTHER   /* t="d" (ISO dates) and unknown types: the text as stored */
} xlsx_cell_type;

xlsx_cell_type xlsx_cell_type_of(const char *t);

/* The shared strings, cleaned as cell text is (escapes decoded, spaces
 * around trimmed), NUL-terminated in one buffer. */
typedef struct xlsx_strings {
    uf_strbuf text;
    uint32_t *offsets, *lengths;
    size_t count, cap;
} xlsx_strings;

void xlsx_strings_add(xlsx_strings *ss, const char *s, size_t len);
void xlsx_strings_free(xlsx_strings *ss);

/* Custom number formats (styles.xml numFmt) and whether each shows a
 * percentage; built-in formats 9 (0%) and 10 (0.00%) do. */
typedef struct xlsx_format {
    uint32_t id;
    bool percent;
} xlsx_format;

typedef struct xlsx_formats {
    xlsx_format *items;
    size_t count, cap;
    bool sorted;
} xlsx_formats;

void xlsx_formats_add(xlsx_formats *f, uint32_t id, const char *code);
bool xlsx_formats_percent(xlsx_formats *f, uint32_t id);
void xlsx_formats_free(xlsx_formats *f);
/* A '%' outside quotes, brackets and escapes multiplies by 100. */
bool xlsx_format_code_percent(const char *code);

/* "D14" -> 3 (columns from 0); the row part may be missing. */
bool xlsx_parse_ref(const char *ref, int *col);

/* A number as stored in <v> as the text the number parser reads back as the
 * same double (the shortest such text, decimal point, no grouping); with
 * percent, its percent with " %". Returns the length, or -1 when s is no
 * number. */
#define XLSX_NUMBER_TEXT 64
int xlsx_number_text(const char *s, size_t len, bool percent, char out[XLSX_NUMBER_TEXT]);

/* Excel's _xHHHH_ escapes decoded in place; returns the new length. */
size_t xlsx_decode_escapes(char *s, size_t len);

typedef struct xlsx_value {
    xlsx_cell_type type;
    bool percent;   /* the cell's format shows a percentage */
    bool has_value; /* it had a <v> (or an inline string) */
    bool formula;   /* it had an <f> */
    const char *text;
    size_t len;
} xlsx_value;

/* One row being gathered: fields by column, "" where no cell has a value.
 * Only the cells that were set are reset after delivery, so a row costs its
 * cells, not its width. */
typedef struct xlsx_row {
    uf_strbuf text;
    const char **fields;
    size_t *lengths, *offsets;
    uint8_t *flags;
    size_t cap;
    int *set;
    size_t nset, set_cap;
    int last;
} xlsx_row;

/* Sets the cell at col (from 0, increasing within the row). Returns false
 * when a shared string it points to does not exist. */
bool xlsx_row_put(xlsx_row *row, int col, const xlsx_value *v, const xlsx_strings *ss);
/* Hands the row over when any cell was set (and counts it), then empties
 * it; returns fn's answer (true when nothing was delivered). */
bool xlsx_row_deliver(xlsx_row *row, long line, const char *sheet, uf_csv_record_fn fn, void *user, long *records);
void xlsx_row_free(xlsx_row *row);

#endif
