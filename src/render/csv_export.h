/* sammanstallning-YYYY.csv: the consolidated figures for import into other
 * systems and for Swedish Excel by double-click (UTF-8 with BOM, ';',
 * decimal comma, CRLF). */
#ifndef UF_CSV_EXPORT_H
#define UF_CSV_EXPORT_H

#include "common/error.h"
#include "consolidate/model.h"

uf_error uf_csv_export_write(const uf_model *model, const char *path);

#endif
