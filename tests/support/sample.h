/* The sample municipality (inputs/) read, validated and consolidated for a
 * year, as `uppfolj report` would: the fixture of the renderer tests. */
#ifndef UF_TEST_SAMPLE_H
#define UF_TEST_SAMPLE_H

#include "common/diag.h"
#include "consolidate/model.h"
#include "consolidate/view.h"
#include "dataset/dataset.h"
#include "plan/plan.h"

typedef struct uf_test_sample {
    uf_diag_list *diags;
    uf_plan *plan;
    uf_dataset *data;
    uf_model *model;
    uf_view *view;
} uf_test_sample;

/* Loads inputs/ under the source tree; NULL if its plan does not load. */
uf_test_sample *uf_test_sample_load(int year);
/* The same for another inputs folder (a fixture). */
uf_test_sample *uf_test_sample_load_dir(const char *inputs, int year);
void uf_test_sample_free(uf_test_sample *s);

#endif
