/* styrelserapport-YYYY.pdf: the board report to kommunledningsutskottet.
 * A4 landscape: cover, kommunledningskontoret's summary (when there is
 * one) and the reading guide, goal overview, per goal one page per
 * indicator (trend, unit bars, the units' comments) and then the units'
 * self-assessments of the goal in full, reporting coverage, partners to
 * review and an appendix of what was rejected. Page numbers, bookmarks per goal and
 * indicator, PDF metadata; the bundled font is embedded. With
 * SOURCE_DATE_EPOCH set, two runs give byte-identical files.
 * The page frame it shares with the unit reports is frame.h. */
#ifndef UF_PDF_BOARD_H
#define UF_PDF_BOARD_H

#include "common/error.h"
#include "consolidate/model.h"
#include "consolidate/view.h"

#include <stddef.h>

/* Writes path (its folder must exist) through a temporary file. Errors:
 * UF_ERROR_NO_DATA (no year in the model), UF_ERROR_READ (the bundled font
 * not found, see uf_font_dir), UF_ERROR_WRITE, UF_ERROR_CAIRO. */
uf_error uf_pdf_write_board_report(const uf_model *model, const uf_view *view, const char *path);

/* The number of pages the board report will have. */
size_t uf_pdf_board_pages(const uf_model *model, const uf_view *view);

#endif
