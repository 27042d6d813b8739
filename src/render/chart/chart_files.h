/* diagram/INDICATOR.png and .svg: each indicator's chart panel on its own,
 * for slides and the intranet. Safe file names made from plan ids are in
 * common/file_name.h, decided once per plan (uf_plan_indicator_stem). */
#ifndef UF_CHART_FILES_H
#define UF_CHART_FILES_H

#include "common/error.h"
#include "common/file_name.h"
#include "common/util.h"
#include "consolidate/model.h"
#include "consolidate/view.h"

/* Writes dir/diagram/ID.png (1200 × 640 pixels) and dir/diagram/ID.svg for
 * every indicator, ID its file stem (uf_plan_indicator_stem); creates dir/diagram.
 * UF_ERROR_NO_DATA when the model has no year. */
uf_error uf_chart_write_files(const uf_view *view, const char *dir);

#endif
