/* Reading an Excel workbook (.xlsx, .xlsm) as it arrives: the zip read with
 * minizip, its XML streamed through expat, and each worksheet's rows handed
 * over as the same records as a CSV file (read/csvfile.h), so that
 * validation, line and column numbers, diagnostics and provenance work
 * unchanged (contract v2, "Excel submissions").
 *
 * A record from a sheet: line is the sheet's row number; fields are indexed
 * by column (A = 0) with empty cells as ""; count stops at the last non-empty
 * cell; rows with no value are not delivered (like blank lines); sheet is the
 * sheet's name; flags holds UF_FIELD_* per field; delimiter is 0.
 *
 * Cell values become the text a clerk sees, in a form the engine's number
 * parser reads exactly:
 *   numbers      shortest text that reads back as the same double, with a
 *                decimal point: 1250.5, 2025, 1e+25
 *   percentages  a number cell formatted as a percentage (built-in formats 9
 *                and 10, or a custom format with %) as its percent: 0.12 is
 *                "12 %", which the validator allows only on procent
 *                indicators, like "12 %" typed as text
 *   text         shared, inline and formula strings, spaces and tabs around
 *                trimmed as in CSV, Excel's _xHHHH_ escapes decoded
 *   booleans     as Swedish Excel shows them: SANT / FALSKT (TRUE / FALSE
 *                with --lang en), from the message catalogue
 *   errors       as stored: #N/A, #DIV/0! (the number parser knows them)
 *   formulas     by their cached value; one without a cached value is "" with
 *                UF_FIELD_FORMULA_NO_VALUE set (the row is delivered even if
 *                that is its only cell); the validator rejects it in a column
 *                it reads with UF_MSG_XLSX_FORMULA_NO_VALUE and the cell's
 *                reference (uf_xlsx_cell_ref)
 *   dates        as their serial number (a date typed in a figure column is
 *                no figure anyway)
 *
 * Rejected whole, with a diagnostic against file_id: .xls and encrypted
 * workbooks (OLE2), .ods, .xlsb, zips that are damaged or no workbook, a part
 * past 100 MB unpacked or 1:200 packed, any DTD or entity declaration,
 * references past Excel's 1,048,576 rows or 16,384 columns, rows or cells
 * out of order, and a workbook with no worksheet. Nothing outside the zip is
 * ever read, and macros never run. */
#ifndef UF_XLSX_H
#define UF_XLSX_H

#include "common/diag.h"
#include "common/error.h"
#include "read/csvfile.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UF_XLSX_MAX_ROWS 1048576L
#define UF_XLSX_MAX_COLS 16384

typedef struct uf_xlsx_sheet {
    const char *name; /* as shown on the tab; control characters as '?' */
    int index;        /* position among the worksheets, from 1 */
    bool hidden;      /* hidden or very hidden in Excel */
} uf_xlsx_sheet;

/* Called before each worksheet's rows, in the workbook's tab order; the
 * sheet ends at the next call or when the read returns. Returns false to
 * skip the sheet (its XML is then not read). */
typedef bool (*uf_xlsx_sheet_fn)(void *user, const uf_xlsx_sheet *sheet);

typedef struct uf_xlsx_info {
    int sheets;      /* worksheets in the workbook (chart sheets not counted) */
    int sheets_read; /* those begin_sheet accepted */
    long records;    /* records delivered, headers included */
} uf_xlsx_info;

/* begin_sheet may be NULL (every sheet is read). fn returns false to stop
 * reading the file. Problems with the workbook become error diagnostics and
 * UF_ERROR_READ (could not be read) or UF_ERROR_FILE_REJECTED; records
 * delivered before an error stay delivered. */
uf_error uf_xlsx_read_file(const char *path, uint32_t file_id, uf_diag_list *diags, uf_xlsx_sheet_fn begin_sheet,
                           uf_csv_record_fn fn, void *user, uf_xlsx_info *info);
uf_error uf_xlsx_read_buffer(const void *data, size_t len, uint32_t file_id, uf_diag_list *diags,
                             uf_xlsx_sheet_fn begin_sheet, uf_csv_record_fn fn, void *user, uf_xlsx_info *info);

/* A cell as Excel names it: "Siffror!D14", "'Mina siffror'!AB3". col counts
 * from 1, like a diagnostic's column (col 0 names the row: "Siffror!14"). */
#define UF_XLSX_REF 400
const char *uf_xlsx_cell_ref(char buf[UF_XLSX_REF], const char *sheet, long row, int col);

/* "AB" for col 28 (from 1); buf holds at least 4 bytes. */
const char *uf_xlsx_column_name(char buf[8], int col);

#endif
