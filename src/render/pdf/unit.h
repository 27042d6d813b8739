/* enheter/UNIT.pdf: each unit's report. Its figures for the report year
 * against its own and the municipality's targets and last year, its status
 * and share of the municipal figure per applicable indicator, its own
 * assessment on each goal's row; then, in full on as many pages as it
 * takes: its self-assessment, what it must correct (each rejected row with
 * its place and reason, then its warnings), what is missing and its
 * comments. Only the report year's. */
#ifndef UF_UNIT_REPORT_H
#define UF_UNIT_REPORT_H

#include "common/diag.h"
#include "common/error.h"
#include "consolidate/model.h"
#include "consolidate/view.h"
#include "render/jobs.h"

/* Writes dir/enheter/NAME.pdf for every unit of the plan, NAME being the
 * unit's file stem (uf_plan_unit_stem); creates dir/enheter.
 * Errors as for uf_pdf_write_board_report; stops at the first. */
uf_error uf_pdf_write_unit_reports(const uf_model *model, const uf_view *view, const char *dir);

/* The same files as items for the worker pool (render/jobs.h), for a
 * caller that runs them beside other outputs: creates dir/enheter and
 * fills *set; uf_pdf_units_free after the pool has run. */
typedef struct uf_pdf_units uf_pdf_units;
uf_error uf_pdf_units_prepare(uf_pdf_units **units, const uf_model *model, const uf_view *view, const char *dir,
                              uf_job_set *set);
void uf_pdf_units_free(uf_pdf_units *units);

/* The pages of one unit's report: its applicable indicators, then its
 * self-assessment, what it must correct and its comments, in full. */
size_t uf_pdf_unit_pages(const uf_model *model, const uf_view *view, size_t unit);

#endif
