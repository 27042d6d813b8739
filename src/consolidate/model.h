/* The consolidated model: computed once from the plan and the dataset, read
 * by every renderer (workbook, CSV export, charts, PDFs), which never
 * re-parse or re-compute. */
#ifndef UF_MODEL_H
#define UF_MODEL_H

#include "consolidate/status.h"
#include "dataset/dataset.h"
#include "plan/plan.h"

#include <stddef.h>

typedef struct uf_figure {
    double value;      /* NAN: not reported */
    double previous;   /* the same figure the year before, NAN if missing */
    double target;     /* NAN: no target */
    double change;     /* value - previous, NAN if either is missing */
    double change_pct; /* change / |previous| * 100, NAN if not computable */
    double share;      /* a unit's share (0..1) of a summed municipal figure, else NAN */
    uint32_t rows;     /* accepted rows behind the figure (duplicates not counted) */
    uf_status status;
} uf_figure;

typedef struct uf_model {
    const uf_plan *plan;
    const uf_dataset *data;
    const int *years; /* the years with accepted rows, ascending */
    size_t nyears;
    int report_year;
    size_t report_index; /* of report_year in years */
    size_t units_stride; /* nunits + 1: the last slot is the municipality */
    uf_figure *figures;  /* [(year * nindicators + indicator) * units_stride + unit] */
    size_t *goal_counts; /* [(year * ngoals + goal) * UF_STATUS_COUNT + status], municipal figures */
    uint32_t *partner_rows; /* [year * npartners + partner]: accepted rows naming it */
    bool *partner_review;   /* [partner]: no activity in the last two reported years */
    size_t npartner_review;
} uf_model;

/* report_year must be one of the dataset's years. */
uf_model *uf_model_build(const uf_plan *plan, const uf_dataset *data, int report_year);
void uf_model_free(uf_model *model);

/* unit is a plan unit index or UF_WHOLE_MUNICIPALITY. */
const uf_figure *uf_model_figure(const uf_model *model, size_t year_index, size_t indicator, size_t unit);
size_t uf_model_goal_count(const uf_model *model, size_t year_index, size_t goal, uf_status status);
bool uf_model_unit_reported(const uf_model *model, size_t year_index, size_t unit);

#endif
