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

#define UF_NO_INDICATOR UINT32_MAX

/* A unit's own assessment of one goal in one year (contract v2,
 * "Submissions: self-assessment"). */
typedef enum uf_assessment {
    UF_ASSESS_NONE = 0, /* an untouched row: not assessed */
    UF_ASSESS_MET,      /* uppnått (grön) */
    UF_ASSESS_PARTLY,   /* delvis uppnått (gul) */
    UF_ASSESS_NOT_MET   /* ej uppnått (röd) */
} uf_assessment;

typedef struct uf_self_assessment {
    const char *analysis, *actions; /* NULL when empty; kept exactly */
    int32_t year;
    uint32_t unit, goal;
    uint32_t file, line;
    uint8_t assessment; /* uf_assessment */
    uint8_t state;      /* uf_row_state; after finish only accepted ones remain */
} uf_self_assessment;

/* Where one rejected figure row would have counted (contract v2,
 * "Preliminary figures"): the unit's figure when year, unit and indicator
 * are all valid, the municipality's when year and indicator are. */
typedef struct uf_rejection {
    int32_t year;       /* 0: no valid year */
    uint32_t unit;      /* UF_NO_UNIT: no valid unit (feeds only the municipal figure) */
    uint32_t indicator; /* UF_NO_INDICATOR */
    uint32_t file, line;
    bool not_applicable; /* the indicator does not apply to the unit: feeds no figure */
} uf_rejection;

typedef struct uf_counts {
    long rows_read, rows_accepted, rows_rejected, rows_duplicate;
    long files_read, files_rejected;
    /* Of the rows above, the self-assessment rows (contract v2: they count
     * like figure rows). */
    long assessments_read, assessments_accepted, assessments_rejected;
} uf_counts;

typedef struct uf_dataset {
    const uf_plan *plan;
    uf_row *rows; /* in reading order; after finish only accepted rows */
    size_t nrows, rows_cap;
    uf_counts counts;
    int *years; /* years with accepted rows, ascending (after finish) */
    size_t nyears;
    bool *reported; /* [year index * nunits + unit] (after finish): an accepted row with a value */
    uf_self_assessment *assessments; /* in reading order; after finish only accepted ones */
    size_t nassessments, assessments_cap;
    uf_rejection *rejections; /* every rejected figure row, conflicts included after finish */
    size_t nrejections, rejections_cap;
    /* private */
    uf_pool *strings;
    uint32_t *key_slots;
    size_t key_mask, nkeys;
} uf_dataset;

uf_dataset *uf_dataset_new(const uf_plan *plan);
void uf_dataset_free(uf_dataset *data);

/* Adds an accepted row (its comment is copied). */
void uf_dataset_add(uf_dataset *data, const uf_row *row, const char *comment, size_t comment_len);
/* Adds an accepted self-assessment row (its texts are copied); duplicates and
 * conflicts are settled in uf_dataset_finish. */
void uf_dataset_add_assessment(uf_dataset *data, const uf_self_assessment *a, const char *analysis,
                               size_t analysis_len, const char *actions, size_t actions_len);
/* Records a rejected figure row against the figures it would have fed. */
void uf_dataset_add_rejection(uf_dataset *data, const uf_rejection *r);
/* The counts that prove nothing was lost; the validator reports, the
 * dataset keeps them. */
void uf_dataset_count_file(uf_dataset *data, bool rejected);
void uf_dataset_count_rows(uf_dataset *data, long read, long accepted, long rejected);
/* The same for self-assessment rows, which count in the rows above too. */
void uf_dataset_count_assessments(uf_dataset *data, long read, long accepted, long rejected);

/* Settles duplicates and conflicts (of figures and of self-assessments),
 * fills years and coverage; with expect_all_units, warns for every unit
 * that is expected to report (uf_plan_unit_expected) and did not report a
 * year. A unit has reported when one of its figure rows with a value was
 * accepted. */
void uf_dataset_finish(uf_dataset *data, uf_diag_list *diags, bool expect_all_units);

size_t uf_dataset_year_index(const uf_dataset *data, int year); /* SIZE_MAX if absent */
bool uf_dataset_unit_reported(const uf_dataset *data, int year, size_t unit);
size_t uf_dataset_units_reported(const uf_dataset *data, int year);
/* Units expected to report: those that some indicator applies to. */
size_t uf_dataset_units_expected(const uf_dataset *data);

#endif
