#include "consolidate/view.h"

#include "common/util.h"

#include <stdlib.h>
#include <string.h>

const uf_view_unit_year *uf_view_unit(const uf_view *v, size_t year_index, size_t unit)
{
    return &v->units[year_index * v->model->plan->nunits + unit];
}

static size_t window_first(const uf_model *m)
{
    size_t shown = m->report_index + 1;
    return shown > UF_VIEW_YEARS ? shown - UF_VIEW_YEARS : 0;
}

/* Turns counts[0..n) into starts[0..n] (counts has n + 1 slots). */
static void prefix_sum(size_t *counts, size_t n)
{
    size_t sum = 0;
    for (size_t k = 0; k <= n; k++) {
        size_t c = counts[k];
        counts[k] = sum;
        sum += c;
    }
}

/* The (year, unit) slot a row, assessment or diagnostic belongs to, or
 * SIZE_MAX when it names no unit or a year without figures. */
static size_t unit_slot(const uf_view *v, int year, uint32_t unit)
{
    const uf_model *m = v->model;
    if (unit >= m->plan->nunits)
        return SIZE_MAX;
    size_t y = uf_dataset_year_index(m->data, year);
    return y == SIZE_MAX ? SIZE_MAX : y * m->plan->nunits + unit;
}

static bool is_comment(const uf_row *r)
{
    return r->comment && *r->comment && r->state != UF_ROW_DUPLICATE;
}

static uf_view_comment comment_of(const uf_row *r)
{
    return (uf_view_comment){r->comment, r->unit, r->indicator, r->partner, r->year};
}

/* Arrival and reporting per unit and year, and every comment grouped by
 * unit and year (a counting sort: stable, linear in the rows). */
static void index_rows(uf_view *v, size_t nslots)
{
    const uf_dataset *d = v->model->data;
    size_t *start = uf_xcalloc(nslots + 1, sizeof(size_t));
    for (size_t r = 0; r < d->nrows; r++) {
        size_t s = unit_slot(v, d->rows[r].year, d->rows[r].unit);
        if (s == SIZE_MAX)
            continue; /* every accepted row has both; kept safe all the same */
        v->units[s].arrived = true;
        if (is_comment(&d->rows[r]))
            start[s]++;
    }
    prefix_sum(start, nslots);
    v->unit_comments = uf_xmalloc((start[nslots] + 1) * sizeof(uf_view_comment));
    for (size_t s = 0; s < nslots; s++)
        v->units[s].comments = start[s];
    for (size_t r = 0; r < d->nrows; r++) {
        size_t s = unit_slot(v, d->rows[r].year, d->rows[r].unit);
        if (s == SIZE_MAX || !is_comment(&d->rows[r]))
            continue;
        v->unit_comments[v->units[s].comments + v->units[s].ncomments++] = comment_of(&d->rows[r]);
    }
    for (size_t s = 0; s < nslots; s++)
        v->units[s].reported = d->reported[s];
    free(start);
}

/* The report year's comments by indicator, each group in unit order: the
 * unit-ordered groups above, distributed by indicator. */
static void index_indicator_comments(uf_view *v)
{
    const uf_model *m = v->model;
    size_t ni = m->plan->nindicators, nu = m->plan->nunits;
    const uf_view_comment *first = v->unit_comments;
    size_t total = 0;
    if (m->nyears) {
        const uf_view_unit_year *row = &v->units[m->report_index * nu];
        first += nu ? row[0].comments : 0;
        for (size_t u = 0; u < nu; u++)
            total += row[u].ncomments;
    }
    v->indicator_start = uf_xcalloc(ni + 1, sizeof(size_t));
    for (size_t k = 0; k < total; k++)
        v->indicator_start[first[k].indicator]++;
    prefix_sum(v->indicator_start, ni);
    size_t *fill = uf_xmalloc((ni + 1) * sizeof(size_t));
    memcpy(fill, v->indicator_start, (ni + 1) * sizeof(size_t));
    v->indicator_comments = uf_xmalloc((total + 1) * sizeof(uf_view_comment));
    for (size_t k = 0; k < total; k++)
        v->indicator_comments[fill[first[k].indicator]++] = first[k];
    free(fill);
}

/* Rejected figure rows by the unit and year they name. */
static void count_rejections(uf_view *v)
{
    const uf_dataset *d = v->model->data;
    for (size_t k = 0; k < d->nrejections; k++) {
        size_t s = unit_slot(v, d->rejections[k].year, d->rejections[k].unit);
        if (s == SIZE_MAX)
            continue;
        v->units[s].arrived = true;
        v->units[s].rejected++;
    }
}

static int assessment_order(const void *a, const void *b)
{
    const uf_view_assessment *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->unit != y->unit)
        return x->unit < y->unit ? -1 : 1;
    if (x->goal != y->goal)
        return x->goal < y->goal ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Every accepted self-assessment, ordered by year, unit and goal, each with
 * its unit's colours under the goal and whether it differs from them. */
static void index_assessments(uf_view *v)
{
    const uf_model *m = v->model;
    const uf_dataset *d = m->data;
    v->nassessments = d->nassessments;
    v->assessments = uf_xcalloc(d->nassessments + 1, sizeof(uf_view_assessment));
    for (size_t k = 0; k < d->nassessments; k++) {
        const uf_self_assessment *a = &d->assessments[k];
        uf_view_assessment *va = &v->assessments[k];
        *va = (uf_view_assessment){a->analysis, a->actions, a->year, a->unit, a->goal, a->file, a->line,
                                   (uf_assessment)a->assessment, 0, 0, m->differs[k]};
        if (a->unit < m->plan->nunits && a->goal < m->plan->ngoals)
            uf_model_unit_goal_colours(m, uf_dataset_year_index(d, a->year), a->unit, a->goal, &va->green, &va->red);
    }
    qsort(v->assessments, v->nassessments, sizeof(uf_view_assessment), assessment_order);
    for (size_t k = 0; k < v->nassessments; k++) {
        size_t s = unit_slot(v, v->assessments[k].year, v->assessments[k].unit);
        if (s == SIZE_MAX)
            continue;
        if (v->units[s].nassessments++ == 0)
            v->units[s].assessments = k;
        v->units[s].arrived = true;
    }
}

/* A diagnostic belongs to the unit its row names, in the row's year; one
 * without a valid year (or a year without figures) to the report year:
 * it is still this round's. Never guessed from a file name. */
static size_t diag_slot(const uf_view *v, const uf_diag *d)
{
    const uf_model *m = v->model;
    /* Run-wide messages ("has not reported") are shown from the model. */
    if (d->unit >= m->plan->nunits || d->file == UF_NO_FILE || m->nyears == 0)
        return SIZE_MAX;
    size_t s = unit_slot(v, d->year, d->unit);
    return s != SIZE_MAX ? s : m->report_index * m->plan->nunits + d->unit;
}

static void index_diags(uf_view *v, size_t nslots)
{
    const uf_diag_list *diags = v->diags;
    size_t *start = uf_xcalloc(nslots + 1, sizeof(size_t));
    for (size_t k = 0; k < diags->count; k++) {
        size_t s = diag_slot(v, &diags->items[k]);
        if (s != SIZE_MAX)
            start[s]++;
    }
    prefix_sum(start, nslots);
    v->unit_diags = uf_xmalloc((start[nslots] + 1) * sizeof(uint32_t));
    for (size_t s = 0; s < nslots; s++)
        v->units[s].diags = start[s];
    /* Errors first: what the unit must correct leads its list. */
    for (int pass = 0; pass < 2; pass++) {
        bool errors = pass == 0;
        for (size_t k = 0; k < diags->count; k++) {
            size_t s = diag_slot(v, &diags->items[k]);
            if (s == SIZE_MAX || (diags->items[k].severity == UF_SEVERITY_ERROR) != errors)
                continue;
            v->unit_diags[v->units[s].diags + v->units[s].ndiags++] = (uint32_t)k;
            v->units[s].arrived = true;
            v->units[s].nerrors += errors;
        }
    }
    /* A self-assessment row or a whole file rejected is no figure row, yet
     * the unit must hear that its rows were rejected. */
    for (size_t s = 0; s < nslots; s++)
        if (v->units[s].rejected < v->units[s].nerrors)
            v->units[s].rejected = (uint32_t)v->units[s].nerrors;
    free(start);
}

static void count_coverage(uf_view *v)
{
    const uf_model *m = v->model;
    size_t nu = m->plan->nunits;
    v->reported = uf_xcalloc(m->nyears + 1, sizeof(size_t));
    for (size_t y = 0; y < m->nyears; y++)
        for (size_t u = 0; u < nu; u++)
            v->reported[y] += v->units[y * nu + u].reported;
    for (size_t u = 0; u < nu; u++)
        v->nexpected += uf_plan_unit_expected(m->plan, u);
}

uf_view *uf_view_build(const uf_model *model, const uf_diag_list *diags, const char *summary)
{
    uf_view *v = uf_xcalloc(1, sizeof(uf_view));
    v->model = model;
    v->diags = diags;
    v->summary = summary;
    v->counts = model->data->counts;
    v->first_year = model->nyears ? window_first(model) : 0;
    v->nyears_shown = model->nyears ? model->report_index + 1 - v->first_year : 0;
    size_t nslots = model->nyears * model->plan->nunits;
    v->units = uf_xcalloc(nslots + 1, sizeof(uf_view_unit_year));
    index_rows(v, nslots);
    index_indicator_comments(v);
    count_rejections(v);
    index_assessments(v);
    index_diags(v, nslots);
    count_coverage(v);
    return v;
}

void uf_view_free(uf_view *v)
{
    if (!v)
        return;
    free(v->units);
    free(v->unit_comments);
    free(v->indicator_comments);
    free(v->indicator_start);
    free(v->assessments);
    free(v->unit_diags);
    free(v->reported);
    free(v);
}
