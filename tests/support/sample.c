#include "sample.h"

#include "common/util.h"
#include "validate/validate.h"
#include "read/folder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uf_test_sample *uf_test_sample_load(int year) { return uf_test_inputs_load(UF_TEST_DIR "/../inputs", year); }

uf_test_sample *uf_test_inputs_load(const char *inputs, int year)
{
    uf_test_sample *s = calloc(1, sizeof *s);
    uf_error err;
    s->diags = uf_diag_list_new();
    s->plan = uf_plan_load(inputs, s->diags, &err);
    if (!s->plan) {
        uf_test_sample_free(s);
        return NULL;
    }
    s->data = uf_dataset_new(s->plan);
    uf_validator *v = uf_validator_new(s->plan, s->data, s->diags);
    uf_file_list files = {0};
    char *folder = malloc(strlen(inputs) + 32);
    sprintf(folder, "%s/inrapportering", inputs);
    uf_find_submissions(folder, &files);
    free(folder);
    for (size_t i = 0; i < files.count; i++)
        uf_validate_file(v, files.paths[i], files.paths[i] + strlen(inputs) + 1); /* as the CLI shows it */
    uf_file_list_free(&files);
    uf_validator_free(v);
    uf_dataset_finish(s->data, s->diags, true);
    uf_diag_sort(s->diags);
    s->model = uf_model_build(s->plan, s->data, year);
    s->view = uf_view_build(s->model, s->diags, NULL);
    return s;
}

void uf_test_sample_free(uf_test_sample *s)
{
    if (!s)
        return;
    uf_view_free(s->view);
    uf_model_free(s->model);
    uf_dataset_free(s->data);
    uf_plan_free(s->plan);
    uf_diag_list_free(s->diags);
    free(s);
}
