/* sammanstallning-YYYY.csv: the consolidated figures for import into other
 * systems and for Swedish Excel by double-click (UTF-8 with BOM, ';',
 * decimal comma, CRLF). */
#ifndef UF_CSV_EXPORT_H
#define UF_CSV_EXPORT_H

#include "common/error.h"
#include "consolidate/model.h"

#include <stdio.h>

/* A number for import: decimal comma, no grouping, plain '-'; nothing when NAN. */
void uf_csv_put_number(FILE *fp, double v);
/* Plan text as a field: never read as a formula, no control characters,
 * quoted when it holds ';' or '"'. */
void uf_csv_put_text(FILE *fp, const char *s);

uf_error uf_csv_export_write(const uf_model *model, const char *path);

#endif
