/* Checking submissions against the plan: every row read ends accepted into
 * the dataset or rejected with a diagnostic naming file, line and column.
 * A submission is a table of figures or, recognised by its header (`mål`
 * and `bedömning`, no `indikator`), of self-assessments. Every rejected
 * figure row is recorded against the figures it would have fed. */
#ifndef UF_VALIDATE_H
#define UF_VALIDATE_H

#include "common/diag.h"
#include "dataset/dataset.h"
#include "plan/plan.h"

typedef struct uf_validator uf_validator;

uf_validator *uf_validator_new(const uf_plan *plan, uf_dataset *data, uf_diag_list *diags);
void uf_validator_free(uf_validator *v);

/* Reads one submission file; name is how it is shown to users. A workbook
 * (.xlsx, .xlsm by the path's ending; .xls, .ods, .xlsb are rejected with
 * the reason) is read sheet by sheet: each sheet whose first row has a
 * submission's columns is a table like a CSV file; messages about its rows
 * name the sheet and the cell ("Siffror!D14"). */
void uf_validate_file(uf_validator *v, const char *path, const char *name);
/* The same for a file in memory (tests, fuzzing), by name's ending. */
void uf_validate_buffer(uf_validator *v, const char *data, size_t len, const char *name);

/* uf_validate_file for each file in turn, the files read ahead on up to
 * `jobs` threads (a bounded number in memory at once) and handed to the
 * validator in their order: diagnostics, their order, the dataset and every
 * count are the same for any number of jobs. With one job, or one file,
 * nothing is read ahead. */
void uf_validate_files(uf_validator *v, size_t n, const char *const *paths, const char *const *names, unsigned jobs);

/* The longest analysis or actions text, in Unicode characters (contract v2). */
#define UF_ASSESSMENT_TEXT_MAX 4000

#endif
