/* The report view: what every output shows beyond the figures, decided
 * once after the model so that the renderers only draw. Comments per unit
 * and per indicator, self-assessments with avviker, diagnostics per unit
 * and year by the unit the row names, what arrived from each unit, one
 * window of years, coverage, the counts and the summary text. Renderers
 * read the model and this view (and Rådata's stream of rows), nothing else. */
#ifndef UF_VIEW_H
#define UF_VIEW_H

#include "common/diag.h"
#include "consolidate/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* At most this many years, ending at the report year, in every output
 * that shows years side by side (workbook columns, charts, coverage). */
#define UF_VIEW_YEARS 8

typedef struct uf_view_comment {
    const char *text;
    uint32_t unit, indicator, partner; /* partner: UF_NO_PARTNER */
    int32_t year;
} uf_view_comment;

typedef struct uf_view_assessment {
    const char *analysis, *actions; /* NULL when empty; as written */
    int32_t year;
    uint32_t unit, goal;
    uint32_t file, line;
    uf_assessment assessment;
    size_t green, red; /* the unit's applicable indicators under the goal that year */
    bool differs;      /* avviker */
} uf_view_assessment;

/* What one unit handed in for one year. */
typedef struct uf_view_unit_year {
    bool arrived;      /* any of its rows for the year was read (figures or self-assessment) */
    bool reported;     /* an accepted figure row with a value */
    uint32_t rejected; /* its rows for the year that were rejected */
    /* Ranges into the view's arrays, in reading order. */
    size_t comments, ncomments;       /* unit_comments */
    size_t assessments, nassessments; /* assessments */
    size_t diags, ndiags;             /* unit_diags: indices into the diagnostics list */
    size_t nerrors; /* the first nerrors of its diags are errors (its rows and files rejected: what it must
                       correct), the rest warnings; each part in reading order */
} uf_view_unit_year;

typedef struct uf_view {
    const uf_model *model;
    const uf_diag_list *diags;
    size_t first_year, nyears_shown; /* the window: model year indices [first, first + n) */
    uf_view_unit_year *units;        /* [year index * nunits + unit] */
    uf_view_comment *unit_comments;  /* grouped by year, unit; each group in reading order */
    uf_view_comment *indicator_comments; /* the report year's, by indicator, each group in unit order */
    size_t *indicator_start;             /* [indicator]..[indicator + 1] in indicator_comments */
    uf_view_assessment *assessments;     /* grouped by year, unit; each in goal order */
    size_t nassessments;
    uint32_t *unit_diags;
    size_t *reported; /* [year index]: units that reported */
    size_t nexpected; /* units some indicator applies to */
    uf_counts counts;
    const char *summary;    /* kommunledningskontoret's text for the report year, or NULL */
} uf_view;

/* summary is kept by the caller and must outlive the view. */
uf_view *uf_view_build(const uf_model *model, const uf_diag_list *diags, const char *summary);
void uf_view_free(uf_view *view);

const uf_view_unit_year *uf_view_unit(const uf_view *view, size_t year_index, size_t unit);
/* The model year index of the k-th year of the window. */
static inline size_t uf_view_year(const uf_view *view, size_t k) { return view->first_year + k; }

#endif
