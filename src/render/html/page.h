/* styrelserapport-YYYY.html: the board report as one self-contained,
 * accessible web page for the municipality's website and intranet (WCAG
 * 2.1 AA). The same content as the PDF, from the same model and view:
 * summary, reading guide, overview, each goal's indicators with charts
 * (inline SVG, each followed by its figures as a table) and the units'
 * comments, the self-assessments, coverage, partners and what was rejected.
 * Inline CSS, no scripts, nothing loaded from outside; every text from the
 * plan and the submissions escaped. With SOURCE_DATE_EPOCH set, two runs
 * give byte-identical files. */
#ifndef UF_HTML_REPORT_H
#define UF_HTML_REPORT_H

#include "common/error.h"
#include "consolidate/view.h"

/* Writes path (its folder must exist) through a temporary file, in the
 * run's language. Errors: UF_ERROR_WRITE. */
uf_error uf_html_write_board_report(const uf_view *view, const char *path);

#endif
