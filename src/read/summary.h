/* Kommunledningskontoret's own summary for the board: INPUTS/sammanfattning/
 * ÅÅÅÅ.txt, in UTF-8 or Windows-1252 (contract v2). Kept as written; the
 * renderers interpret only "# " headings, "- " list items and blank lines. */
#ifndef UF_SUMMARY_H
#define UF_SUMMARY_H

#include "common/diag.h"

/* The text converted to UTF-8 with LF line ends, or NULL when there is no
 * file for year (or it could not be read: then a diagnostic says why). */
char *uf_summary_load(const char *inputs_dir, int year, uf_diag_list *diags);

#endif
