#include "consolidate/model.h"

#include "common/util.h"

#include <math.h>
#include <stdlib.h>

static size_t slot(const uf_model *m, size_t year_index, size_t indicator, size_t unit)
{
    size_t u = unit == UF_WHOLE_MUNICIPALITY ? m->plan->nunits : unit;
    return (year_index * m->plan->nindicators + indicator) * m->units_stride + u;
}

const uf_figure *uf_model_figure(const uf_model *m, size_t year_index, size_t indicator, size_t unit)
{
    return &m->figures[slot(m, year_index, indicator, unit)];
}

size_t uf_model_goal_count(const uf_model *m, size_t year_index, size_t goal, uf_status status)
{
    return m->goal_counts[(year_index * m->plan->ngoals + goal) * UF_STATUS_COUNT + status];
}

bool uf_model_unit_reported(const uf_model *m, size_t year_index, size_t unit)
{
    return m->data->reported[year_index * m->plan->nunits + unit];
}

void uf_model_unit_goal_colours(const uf_model *m, size_t year_index, size_t unit, size_t goal, size_t *green,
                                size_t *red)
{
    *green = *red = 0;
    if (year_index >= m->nyears)
        return;
    for (size_t i = 0; i < m->plan->nindicators; i++) {
        const uf_figure *f = uf_model_figure(m, year_index, i, unit);
        if (m->plan->indicators[i].goal != goal || !f->applies)
            continue;
        *green += f->status == UF_STATUS_GREEN;
        *red += f->status == UF_STATUS_RED;
    }
}

bool uf_model_assessment_differs(uf_assessment assessment, size_t green, size_t red)
{
    return (assessment == UF_ASSESS_MET && red > green) || (assessment == UF_ASSESS_NOT_MET && green > red);
}

/* A unit's figure is the sum of its accepted rows over partners; duplicates
 * count once and empty values (not reported) add nothing. */
static void sum_rows(uf_model *m)
{
    const uf_dataset *d = m->data;
    for (size_t i = 0; i < d->nrows; i++) {
        const uf_row *r = &d->rows[i];
        if (r->state == UF_ROW_DUPLICATE)
            continue;
        size_t y = uf_dataset_year_index(d, r->year);
        uf_figure *f = &m->figures[slot(m, y, r->indicator, r->unit)];
        f->rows++;
        if (isnan(r->value))
            continue;
        f->value = isnan(f->value) ? r->value : f->value + r->value;
    }
}

/* The municipality's figure: the indicator's aggregation over the units
 * that reported it; a unit that did not report is left out, never 0. */
static void aggregate(uf_model *m, size_t y, size_t i)
{
    const uf_plan *p = m->plan;
    uf_aggregation agg = p->indicators[i].aggregation;
    double acc = NAN;
    size_t n = 0;
    uint32_t rows = 0;
    for (size_t u = 0; u < p->nunits; u++) {
        const uf_figure *f = &m->figures[slot(m, y, i, u)];
        rows += f->rows;
        if (isnan(f->value))
            continue;
        n++;
        if (isnan(acc))
            acc = f->value;
        else if (agg == UF_AGG_SUM || agg == UF_AGG_MEAN)
            acc += f->value;
        else if (agg == UF_AGG_MAX)
            acc = fmax(acc, f->value);
        else
            acc = fmin(acc, f->value);
    }
    if (agg == UF_AGG_MEAN && n > 0)
        acc /= (double)n;
    uf_figure *whole = &m->figures[slot(m, y, i, UF_WHOLE_MUNICIPALITY)];
    whole->value = acc;
    whole->rows = rows;
}

uf_target_source uf_model_target_of(const uf_plan *p, size_t i, size_t u, int year, double *target)
{
    if (uf_plan_target(p, i, u, year, target))
        return u == UF_WHOLE_MUNICIPALITY ? UF_TARGET_WHOLE : UF_TARGET_OWN;
    /* A mean is on each unit's own scale (a share, a time); a sum, max
     * or min of the municipality says nothing about one unit. */
    if (u != UF_WHOLE_MUNICIPALITY && p->indicators[i].aggregation == UF_AGG_MEAN
        && uf_plan_target(p, i, UF_WHOLE_MUNICIPALITY, year, target))
        return UF_TARGET_WHOLE;
    return UF_TARGET_NONE;
}

static void compare_and_rate(uf_model *m, size_t y, size_t i, size_t u)
{
    const uf_plan *p = m->plan;
    uf_figure *f = &m->figures[slot(m, y, i, u)];
    int year = m->years[y];
    /* The previous calendar year, not the previous year with data. */
    if (y > 0 && m->years[y - 1] == year - 1)
        f->previous = m->figures[slot(m, y - 1, i, u)].value;
    if (!f->applies)
        return;
    double target;
    f->target_source = (uint8_t)uf_model_target_of(p, i, u, year, &target);
    if (f->target_source != UF_TARGET_NONE)
        f->target = target;
    if (!isnan(f->value) && !isnan(f->previous)) {
        f->change = f->value - f->previous;
        if (f->previous != 0)
            f->change_pct = f->change / fabs(f->previous) * 100.0;
    }
    if (u != UF_WHOLE_MUNICIPALITY && p->indicators[i].aggregation == UF_AGG_SUM) {
        double whole = m->figures[slot(m, y, i, UF_WHOLE_MUNICIPALITY)].value;
        if (!isnan(f->value) && whole > 0)
            f->share = f->value / whole;
    }
    f->status = uf_status_of(p->indicators[i].direction, f->value, f->previous, f->target);
    f->word = uf_word_of(f->status, !isnan(f->target));
}

static void rate_all(uf_model *m)
{
    const uf_plan *p = m->plan;
    for (size_t y = 0; y < m->nyears; y++) {
        for (size_t i = 0; i < p->nindicators; i++) {
            aggregate(m, y, i);
            for (size_t u = 0; u < p->nunits; u++)
                compare_and_rate(m, y, i, u);
            compare_and_rate(m, y, i, UF_WHOLE_MUNICIPALITY);
            uf_status s = m->figures[slot(m, y, i, UF_WHOLE_MUNICIPALITY)].status;
            m->goal_counts[(y * p->ngoals + p->indicators[i].goal) * UF_STATUS_COUNT + s]++;
        }
    }
}

/* Contract v2, "Preliminary figures": a rejected row counts against the
 * unit's figure when year, unit and indicator are valid, and against the
 * municipality's when year and indicator are; a row for an indicator that
 * does not apply to its unit counts against none. */
static void attribute_rejections(uf_model *m)
{
    const uf_dataset *d = m->data;
    for (size_t k = 0; k < d->nrejections; k++) {
        const uf_rejection *r = &d->rejections[k];
        if (r->not_applicable || r->year == 0 || r->indicator >= m->plan->nindicators)
            continue;
        size_t y = uf_dataset_year_index(d, r->year);
        if (y == SIZE_MAX)
            continue; /* no accepted row that year: no figure to mark */
        if (r->unit < m->plan->nunits && uf_plan_applies(m->plan, r->indicator, r->unit))
            m->figures[slot(m, y, r->indicator, r->unit)].rejected++;
        m->figures[slot(m, y, r->indicator, UF_WHOLE_MUNICIPALITY)].rejected++;
    }
}

static void judge_assessments(uf_model *m)
{
    const uf_dataset *d = m->data;
    m->differs = uf_xcalloc(d->nassessments + 1, sizeof(bool));
    for (size_t k = 0; k < d->nassessments; k++) {
        const uf_self_assessment *a = &d->assessments[k];
        if (a->unit >= m->plan->nunits || a->goal >= m->plan->ngoals)
            continue;
        size_t green, red;
        uf_model_unit_goal_colours(m, uf_dataset_year_index(d, a->year), a->unit, a->goal, &green, &red);
        m->differs[k] = uf_model_assessment_differs((uf_assessment)a->assessment, green, red);
    }
}

/* A registered partner with no activity in the last two reported years is
 * listed for review ("avtalet bör ses över"). */
static void partner_activity(uf_model *m)
{
    const uf_plan *p = m->plan;
    const uf_dataset *d = m->data;
    for (size_t i = 0; i < d->nrows; i++) {
        const uf_row *r = &d->rows[i];
        if (r->partner != UF_NO_PARTNER && r->state != UF_ROW_DUPLICATE)
            m->partner_rows[uf_dataset_year_index(d, r->year) * p->npartners + r->partner]++;
    }
    if (m->nyears == 0)
        return; /* nothing reported: no activity to weigh */
    size_t last = m->report_index;
    size_t first = last > 0 ? last - 1 : last;
    for (size_t k = 0; k < p->npartners; k++) {
        bool active = false;
        for (size_t y = first; y <= last; y++)
            active |= m->partner_rows[y * p->npartners + k] > 0;
        m->partner_review[k] = !active;
        m->npartner_review += !active;
    }
}

uf_model *uf_model_build(const uf_plan *plan, const uf_dataset *data, int report_year)
{
    uf_model *m = uf_xcalloc(1, sizeof(uf_model));
    m->plan = plan;
    m->data = data;
    m->years = data->years;
    m->nyears = data->nyears;
    m->report_year = report_year;
    m->report_index = uf_dataset_year_index(data, report_year);
    if (m->report_index == SIZE_MAX)
        m->report_index = data->nyears ? data->nyears - 1 : 0;
    m->units_stride = plan->nunits + 1;
    size_t nfigures = m->nyears * plan->nindicators * m->units_stride;
    m->figures = uf_xmalloc((nfigures ? nfigures : 1) * sizeof(uf_figure));
    for (size_t k = 0; k < nfigures; k++) {
        size_t u = k % m->units_stride, i = k / m->units_stride % plan->nindicators;
        bool applies = u == plan->nunits || uf_plan_applies(plan, i, u);
        m->figures[k] = (uf_figure){NAN, NAN, NAN, NAN, NAN, NAN, 0, 0, UF_STATUS_GREY, UF_WORD_MISSING,
                                    UF_TARGET_NONE, applies};
    }
    m->goal_counts = uf_xcalloc(m->nyears * plan->ngoals * UF_STATUS_COUNT + 1, sizeof(size_t));
    m->partner_rows = uf_xcalloc(m->nyears * plan->npartners + 1, sizeof(uint32_t));
    m->partner_review = uf_xcalloc(plan->npartners + 1, sizeof(bool));
    sum_rows(m);
    rate_all(m);
    attribute_rejections(m);
    judge_assessments(m);
    partner_activity(m);
    return m;
}

void uf_model_free(uf_model *m)
{
    if (!m)
        return;
    free(m->figures);
    free(m->goal_counts);
    free(m->partner_rows);
    free(m->partner_review);
    free(m->differs);
    free(m);
}
