/* The dataset: every accepted submission row with its provenance (file and
 * line), the counts that prove nothing was lost, and which units reported
 * which years. Duplicates and conflicts are settled in uf_dataset_finish. */
#ifndef UF_DATASET_H
#define UF_DATASET_H

#include "common/diag.h"
#include "plan/plan.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UF_NO_PARTNER UINT32_MAX
#define UF_NO_ROW UINT32_MAX

typedef enum uf_row_state {
    UF_ROW_ACCEPTED,
    UF_ROW_DUPLICATE, /* accepted, equal to an earlier row: counted once */
    UF_ROW_CONFLICT   /* same key, different value: rejected at finish */
} uf_row_state;

typedef struct uf_row {
    double value;        /* NAN: not reported (an empty cell), never 0 */
    const char *comment; /* NULL when empty */
    int32_t year;
    uint32_t unit, indicator;
    uint32_t partner;    /* UF_NO_PARTNER */
    uint32_t file;       /* id in the diag list's file table */
    uint32_t line;
    uint32_t next_same;  /* next row with the same key, or UF_NO_ROW */
    uint32_t first_same; /* the first row with this key (itself if first) */
    uint32_t last_same;  /* in the first row: the last row with its key, so
                            that a long run of one key links in O(1) */
    uint16_t value_column; /* where the value stood, for messages */
    uint8_t state;
} uf_row;

typedef struct uf_counts {
    long rows_read, rows_accepted, rows_rejected, rows_duplicate;
    long files_read, files_rejected;
} uf_counts;

typedef struct uf_dataset {
    const uf_plan *plan;
    uf_row *rows; /* in reading order; after finish only accepted rows */
    size_t nrows, rows_cap;
    uf_counts counts;
    int *years; /* years with accepted rows, ascending (after finish) */
    size_t nyears;
    bool *reported; /* [year index * nunits + unit] (after finish) */
    /* private */
    uf_pool *strings;
    uint32_t *key_slots;
    size_t key_mask, nkeys;
} uf_dataset;

uf_dataset *uf_dataset_new(const uf_plan *plan);
void uf_dataset_free(uf_dataset *data);

/* Adds an accepted row (its comment is copied). */
void uf_dataset_add(uf_dataset *data, const uf_row *row, const char *comment, size_t comment_len);
/* Settles duplicates and conflicts, fills years and coverage; with
 * expect_all_units, warns for every unit that did not report a year. */
void uf_dataset_finish(uf_dataset *data, uf_diag_list *diags, bool expect_all_units);

size_t uf_dataset_year_index(const uf_dataset *data, int year); /* SIZE_MAX if absent */
bool uf_dataset_unit_reported(const uf_dataset *data, int year, size_t unit);
size_t uf_dataset_units_reported(const uf_dataset *data, int year);

#endif
