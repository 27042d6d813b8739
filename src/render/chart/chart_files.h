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
#include "render/jobs.h"

/* Writes dir/diagram/ID.png (1200 × 640 pixels) and dir/diagram/ID.svg for
 * every indicator, ID its file stem (uf_plan_indicator_stem); creates dir/diagram.
 * UF_ERROR_NO_DATA when the model has no year. */
uf_error uf_chart_write_files(const uf_view *view, const char *dir);

/* The same files as items for the worker pool (render/jobs.h), for a
 * caller that runs them beside other outputs: checks the font, creates
 * dir/diagram and fills *set, whose items write the files. Errors as for
 * uf_chart_write_files; uf_chart_files_free after the pool has run. */
typedef struct uf_chart_files uf_chart_files;
uf_error uf_chart_files_prepare(uf_chart_files **files, const uf_view *view, const char *dir, uf_job_set *set);
void uf_chart_files_free(uf_chart_files *files);

#endif
