/* uppfoljning-YYYY.xlsx: kommunledningskontoret's consolidation, laid out
 * as an analyst would: a summary, one sheet per goal with a native trend
 * chart, units, partners, every accepted row (Rådata) and every rejected
 * one (Avvisade). Text from submissions is always written as text. */
#ifndef UF_WORKBOOK_H
#define UF_WORKBOOK_H

#include "common/diag.h"
#include "common/error.h"
#include "consolidate/model.h"
#include "consolidate/view.h"
#include "output/output.h"

#include <time.h>
#include <xlsxwriter.h>

typedef struct uf_workbook_options {
    time_t created;      /* document date; SOURCE_DATE_EPOCH when set */
    const char *inputs;  /* the input folder, stripped from file names shown */
    bool progress;       /* report progress on stderr (a terminal) */
} uf_workbook_options;

uf_error uf_workbook_write(const uf_model *model, const uf_view *view, const char *path,
                           const uf_workbook_options *options);

/* The same in two steps, so that other outputs are written meanwhile: start
 * writes the workbook in a child process (see workbook.c for why), finish
 * waits for it, reads the result through (uf_zip_verify) and commits it.
 * Start before any other thread runs. On UF_ERROR_XLSX, damaged says that
 * the workbook closed without error but came out incomplete. */
typedef struct uf_workbook_job {
    uf_output out;
    int pid;
    bool damaged;
} uf_workbook_job;
uf_error uf_workbook_start(uf_workbook_job *job, const uf_model *model, const uf_view *view, const char *path,
                           const uf_workbook_options *options);
uf_error uf_workbook_finish(uf_workbook_job *job);

/* For other workbooks (templates): plan and submission text as a string
 * cell that a workbook can hold and that never reads as a formula; the same
 * text as a new string (for input messages and titles); closing a book with
 * the run's error codes. */
void uf_workbook_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f);
char *uf_workbook_clean_text(const char *s);
uf_error uf_workbook_close(lxw_workbook *book);

/* Rows per Rådata sheet: Excel's limit less the header row. */
#define UF_RAW_ROWS_PER_SHEET 1048575u

#endif
