/* The consolidated model: computed once from the plan and the dataset, read
 * by every renderer (workbook, CSV export, charts, PDFs), which never
 * re-parse or re-compute. */
#ifndef UF_MODEL_H
#define UF_MODEL_H

#include "consolidate/status.h"
#include "dataset/dataset.h"
#include "plan/plan.h"

#include <stddef.h>

/* Where a figure's target comes from (contract v2, "Targets"). */
typedef enum uf_target_source {
    UF_TARGET_NONE,  /* no target: the status word describes the trend */
    UF_TARGET_OWN,   /* the unit's own row in malvarden.csv */
    UF_TARGET_WHOLE  /* the municipality's: its own figure, or a medel unit without one */
} uf_target_source;

typedef struct uf_figure {
    double value;      /* NAN: not reported */
    double previous;   /* the same figure the year before, NAN if missing */
    double target;     /* NAN: no target */
    double change;     /* value - previous, NAN if either is missing */
    double change_pct; /* change / |previous| * 100, NAN if not computable */
    double share;      /* a unit's share (0..1) of a summed municipal figure, else NAN */
    uint32_t rows;     /* accepted rows behind the figure (duplicates not counted) */
    uint32_t rejected; /* rejected rows that would have fed it: > 0 makes it preliminär */
    uf_status status;
    uf_word word;      /* the status in words; which set depends on the target */
    uint8_t target_source; /* uf_target_source */
    bool applies;      /* false: ej aktuell (gäller), no figure at all */
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
    bool *differs; /* [assessment]: data->assessments[k] differs from the unit's figures (avviker) */
} uf_model;

/* report_year must be one of the dataset's years. */
uf_model *uf_model_build(const uf_plan *plan, const uf_dataset *data, int report_year);
void uf_model_free(uf_model *model);

/* unit is a plan unit index or UF_WHOLE_MUNICIPALITY. */
const uf_figure *uf_model_figure(const uf_model *model, size_t year_index, size_t indicator, size_t unit);
size_t uf_model_goal_count(const uf_model *model, size_t year_index, size_t goal, uf_status status);
bool uf_model_unit_reported(const uf_model *model, size_t year_index, size_t unit);
/* The unit's applicable indicators under goal in the year, by colour. */
void uf_model_unit_goal_colours(const uf_model *model, size_t year_index, size_t unit, size_t goal, size_t *green,
                                size_t *red);
/* uppnått while more are red than green, or ej uppnått while more are green
 * than red (contract v2, "Submissions: self-assessment"); ties never differ. */
bool uf_model_assessment_differs(uf_assessment assessment, size_t green, size_t red);
/* The target of an indicator for a unit (or UF_WHOLE_MUNICIPALITY) in a
 * year, in *target, and where it comes from: the unit's own, else for medel
 * the municipality's. Any year, also one without data (templates). */
uf_target_source uf_model_target_of(const uf_plan *plan, size_t indicator, size_t unit, int year, double *target);
/* Whether a figure is preliminär: rejected rows lie behind it. */
static inline bool uf_figure_preliminary(const uf_figure *f) { return f->rejected > 0; }

#endif
