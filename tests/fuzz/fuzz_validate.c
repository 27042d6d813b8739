/* libFuzzer harness for the whole validate path over a small fixed plan:
 * the plan is loaded once from a fixture folder (UF_FUZZ_PLAN, default the
 * compiled-in tests/fixtures/report/inputs), then every input is checked as
 * submissions: uf_validator_new, uf_validate_buffer, uf_dataset_finish,
 * uf_model_build. Two NUL bytes in a row split the input into several files,
 * so duplicates and conflicts across files are reached too; an input that
 * is a zip is one workbook (seeded with xlsx_seeds.py's workbooks).
 * Asserts that every row read is accepted or rejected, and that the model's
 * figures are the sums of the accepted rows. */
#include "fuzz_check.h"

#include "common/diag.h"
#include "common/util.h"
#include "consolidate/model.h"
#include "dataset/dataset.h"
#include "plan/plan.h"
#include "validate/validate.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef UF_FUZZ_PLAN_DIR
#define UF_FUZZ_PLAN_DIR "tests/fixtures/report/inputs"
#endif

static uf_plan *plan;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("UF_FUZZ_PLAN");
    if (!dir || !*dir)
        dir = UF_FUZZ_PLAN_DIR;
    uf_diag_list *diags = uf_diag_list_new();
    uf_error err;
    plan = uf_plan_load(dir, diags, &err);
    if (!plan) {
        uf_diag_print_all(diags, stderr);
        fprintf(stderr, "fuzz_validate: cannot load the plan in %s\n", dir);
        exit(1);
    }
    uf_diag_list_free(diags);
    devnull = fopen("/dev/null", "w");
    return 0;
}

/* The municipal figure recomputed from the unit figures, as the contract says. */
static void check_model(const uf_model *m)
{
    const uf_plan *p = m->plan;
    for (size_t y = 0; y < m->nyears; y++) {
        for (size_t i = 0; i < p->nindicators; i++) {
            double acc = NAN;
            size_t n = 0;
            for (size_t u = 0; u < p->nunits; u++) {
                const uf_figure *f = uf_model_figure(m, y, i, u);
                CHECK(f->status < UF_STATUS_COUNT);
                CHECK(isnan(f->value) || isfinite(f->value));
                if (isnan(f->value))
                    continue;
                n++;
                switch (p->indicators[i].aggregation) {
                case UF_AGG_SUM:
                case UF_AGG_MEAN: acc = isnan(acc) ? f->value : acc + f->value; break;
                case UF_AGG_MAX: acc = isnan(acc) ? f->value : fmax(acc, f->value); break;
                case UF_AGG_MIN: acc = isnan(acc) ? f->value : fmin(acc, f->value); break;
                }
            }
            if (p->indicators[i].aggregation == UF_AGG_MEAN && n)
                acc /= (double)n;
            const uf_figure *whole = uf_model_figure(m, y, i, UF_WHOLE_MUNICIPALITY);
            CHECK((isnan(acc) && isnan(whole->value)) || acc == whole->value);
            /* Units reported it: the municipality has a figure, and a finite
             * one (inf - inf would read as "not reported"; a workbook cannot
             * hold inf). */
            CHECK(n == 0 || isfinite(whole->value));
        }
    }
}

static void check_sums(const uf_dataset *d, const uf_model *m)
{
    const uf_plan *p = d->plan;
    size_t n = m->nyears * p->nindicators * p->nunits;
    double *sum = calloc(n ? n : 1, sizeof(double));
    bool *any = calloc(n ? n : 1, sizeof(bool));
    for (size_t k = 0; k < d->nrows; k++) {
        const uf_row *r = &d->rows[k];
        CHECK(r->state == UF_ROW_ACCEPTED || r->state == UF_ROW_DUPLICATE);
        CHECK(r->unit < p->nunits && r->indicator < p->nindicators);
        CHECK(r->partner == UF_NO_PARTNER || r->partner < p->npartners);
        CHECK(r->year >= 1900 && r->year <= 2199);
        if (r->state == UF_ROW_DUPLICATE || isnan(r->value))
            continue;
        size_t y = uf_dataset_year_index(d, r->year);
        CHECK(y < m->nyears);
        size_t at = (y * p->nindicators + r->indicator) * p->nunits + r->unit;
        sum[at] += r->value;
        any[at] = true;
    }
    for (size_t y = 0; y < m->nyears; y++)
        for (size_t i = 0; i < p->nindicators; i++)
            for (size_t u = 0; u < p->nunits; u++) {
                size_t at = (y * p->nindicators + i) * p->nunits + u;
                const uf_figure *f = uf_model_figure(m, y, i, u);
                CHECK(any[at] ? f->value == sum[at] : isnan(f->value));
            }
    free(sum);
    free(any);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uf_diag_list *diags = uf_diag_list_new();
    uf_dataset *d = uf_dataset_new(plan);
    uf_validator *v = uf_validator_new(plan, d, diags);
    size_t start = 0, files = 0;
    char name[32];
    /* A zip is one workbook, read sheet by sheet: its headers are full of
     * NUL pairs, so it is never split. */
    bool workbook = size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
    while (start <= size) {
        size_t end = start;
        while (!workbook && end + 1 < size && !(data[end] == 0 && data[end + 1] == 0))
            end++;
        if (end + 1 >= size)
            end = size;
        /* An exact-size copy, so that ASan sees any read past the end. */
        size_t len = end - start;
        char *copy = malloc(len ? len : 1);
        if (len)
            memcpy(copy, data + start, len);
        snprintf(name, sizeof name, "fil-%zu.%s", files++, workbook ? "xlsx" : "csv");
        uf_validate_buffer(v, copy, len, name);
        free(copy);
        start = end + 2;
    }
    uf_validator_free(v);
    uf_dataset_finish(d, diags, files > 1);
    const uf_counts *c = &d->counts;
    CHECK(c->rows_read == c->rows_accepted + c->rows_rejected);
    CHECK((size_t)(c->rows_accepted - c->assessments_accepted) == d->nrows);
    CHECK(c->assessments_read == c->assessments_accepted + c->assessments_rejected);
    CHECK(d->nassessments <= (size_t)c->assessments_accepted);
    /* Every rejected figure row is recorded against what it would have fed. */
    CHECK((long)d->nrejections == c->rows_rejected - c->assessments_rejected);
    for (size_t k = 0; k < d->nrejections; k++) {
        const uf_rejection *x = &d->rejections[k];
        CHECK(x->unit == UF_NO_UNIT || x->unit < plan->nunits);
        CHECK(x->indicator == UF_NO_INDICATOR || x->indicator < plan->nindicators);
        CHECK(x->year == 0 || (x->year >= 1900 && x->year <= 2100));
    }
    CHECK(c->rows_duplicate <= c->rows_accepted);
    CHECK(c->files_read == (long)files);
    CHECK(c->files_rejected <= c->files_read);
    /* Every rejected row has its reason. */
    CHECK(c->rows_rejected == 0 || diags->errors > 0);
    uf_diag_sort(diags);
    uf_diag_print_all(diags, devnull);
    for (size_t k = 0; k < diags->count; k++) {
        const uf_diag *g = &diags->items[k];
        CHECK(g->text != NULL);
        CHECK(g->file == UF_NO_FILE || g->file < diags->nfiles);
        CHECK(g->line >= 0 && g->column >= 0);
    }
    if (d->nyears > 0) {
        uf_model *m = uf_model_build(plan, d, d->years[d->nyears - 1]);
        check_sums(d, m);
        check_model(m);
        uf_model_free(m);
        if (d->nyears > 1) { /* an earlier report year too */
            m = uf_model_build(plan, d, d->years[0]);
            uf_model_free(m);
        }
    }
    uf_dataset_free(d);
    uf_diag_list_free(diags);
    return 0;
}
