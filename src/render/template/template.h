/* mallar-ÅÅÅÅ/: a template per unit for the next round (contract v2,
 * "Templates"): UNIT-ÅÅÅÅ.xlsx with the sheets Siffror, Självvärdering and
 * Instruktioner, and the same as CSV in Swedish Excel's dialect
 * (UNIT-ÅÅÅÅ.csv, UNIT-ÅÅÅÅ-sjalvvardering.csv). Filled in, each file is a
 * submission as it is; the reference columns are ignored when it is read. */
#ifndef UF_TEMPLATE_H
#define UF_TEMPLATE_H

#include "common/error.h"
#include "consolidate/model.h"
#include "plan/plan.h"

#include <time.h>

typedef struct uf_template_options {
    int year;          /* the round the templates are for */
    time_t created;    /* document date; SOURCE_DATE_EPOCH when set */
    const uf_model *model; /* for last year's figures; NULL when there is no data */
} uf_template_options;

/* Writes the templates of every unit that is expected to report into dir,
 * through output.c: the caller holds dir (uf_output_hold) and releases it.
 * On failure *failed names the file that failed (malloc'ed). */
uf_error uf_template_write_all(const uf_plan *plan, const uf_template_options *options, const char *dir,
                               char **failed);

#endif
