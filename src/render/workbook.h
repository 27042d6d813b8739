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

#include <time.h>

typedef struct uf_workbook_options {
    time_t created;      /* document date; SOURCE_DATE_EPOCH when set */
    const char *inputs;  /* the input folder, stripped from file names shown */
    bool progress;       /* report progress on stderr (a terminal) */
} uf_workbook_options;

uf_error uf_workbook_write(const uf_model *model, const uf_view *view, const char *path,
                           const uf_workbook_options *options);

/* Rows per Rådata sheet: Excel's limit less the header row. */
#define UF_RAW_ROWS_PER_SHEET 1048575u

#endif
