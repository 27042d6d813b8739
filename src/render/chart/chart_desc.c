#include "render/chart/chart_desc.h"

#include "common/messages.h"
#include "common/util.h"
#include "consolidate/status.h"
#include "render/style.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A catalogue message, never NULL (out of memory gives ""). */
static char *format_or_empty(char *text) { return text ? text : uf_xstrdup(""); }

/* "2023–2025", or the one year the view shows. */
static void years_text(char *buf, size_t size, const uf_view *v)
{
    const uf_model *m = v->model;
    size_t first = v->first_year, n = v->nyears_shown;
    if (n > 1)
        snprintf(buf, size, "%d\xE2\x80\x93%d", m->years[first], m->years[first + n - 1]);
    else
        snprintf(buf, size, "%d", n ? m->years[first] : m->report_year);
}

static void list_put(uf_strbuf *sb, uf_msg sep, const char *item)
{
    if (sb->len)
        uf_strbuf_puts(sb, uf_msg_text(sep));
    uf_strbuf_puts(sb, item);
}

static void append_message(uf_strbuf *sb, char *text)
{
    if (text)
        uf_strbuf_puts(sb, text);
    free(text);
}

char *uf_chart_desc_trend(const uf_view *v, size_t i)
{
    const uf_model *m = v->model;
    const uf_indicator *ind = &m->plan->indicators[i];
    char years[64], value[UF_VALUEBUF];
    years_text(years, sizeof years, v);
    uf_strbuf values = {0};
    for (size_t k = 0; k < v->nyears_shown; k++) {
        double x = uf_model_figure(m, v->first_year + k, i, UF_WHOLE_MUNICIPALITY)->value;
        list_put(&values, UF_MSG_CHART_DESC_SEP,
                 isfinite(x) ? uf_style_value(value, x, ind) : uf_msg_text(UF_MSG_CHART_NO_VALUE));
    }
    uf_strbuf text = {0};
    append_message(&text, uf_msg_format(UF_MSG_CHART_DESC, years, values.data ? values.data : ""));
    uf_strbuf_free(&values);
    double target = uf_model_figure(m, m->report_index, i, UF_WHOLE_MUNICIPALITY)->target;
    if (isfinite(target))
        append_message(&text, uf_msg_format(UF_MSG_CHART_DESC_TARGET, uf_style_value(value, target, ind)));
    return uf_strbuf_take(&text);
}

typedef struct unit_value {
    size_t unit;
    double value;
} unit_value;

/* Largest first; ties in plan order, as the chart draws them. */
static int unit_value_cmp(const void *pa, const void *pb)
{
    const unit_value *a = pa, *b = pb;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return a->unit < b->unit ? -1 : a->unit > b->unit;
}

/* The units with a value, sorted; the others' names into the two lists. */
static size_t units_sorted(const uf_model *m, size_t i, unit_value *rows, uf_strbuf *no_value, uf_strbuf *not_reported,
                           size_t *napply)
{
    size_t n = 0;
    *napply = 0;
    for (size_t u = 0; u < m->plan->nunits; u++) {
        const uf_figure *f = uf_model_figure(m, m->report_index, i, u);
        if (!f->applies)
            continue;
        ++*napply;
        if (!isnan(f->value))
            rows[n++] = (unit_value){u, f->value};
        else if (uf_model_unit_reported(m, m->report_index, u))
            list_put(no_value, UF_MSG_ALT_LIST_SEP, m->plan->units[u].name);
        else
            list_put(not_reported, UF_MSG_ALT_LIST_SEP, m->plan->units[u].name);
    }
    qsort(rows, n, sizeof *rows, unit_value_cmp);
    return n;
}

char *uf_chart_desc_unit_bars(const uf_model *m, size_t i, size_t top)
{
    const uf_indicator *ind = &m->plan->indicators[i];
    unit_value *rows = uf_xmalloc((m->plan->nunits + 1) * sizeof *rows);
    uf_strbuf values = {0}, no_value = {0}, not_reported = {0}, text = {0};
    size_t napply, n = units_sorted(m, i, rows, &no_value, &not_reported, &napply);
    if (napply == 0) {
        free(rows);
        return uf_xstrdup(uf_msg_text(UF_MSG_ALT_UNITS_NONE));
    }
    char v[UF_VALUEBUF], year[16], count[UF_NUMBUF];
    size_t shown = n <= top + 1 ? n : top;
    for (size_t k = 0; k < shown; k++) {
        const uf_figure *f = uf_model_figure(m, m->report_index, i, rows[k].unit);
        char *item = uf_msg_format(UF_MSG_ALT_UNIT_VALUE, m->plan->units[rows[k].unit].name,
                                   uf_style_value(v, rows[k].value, ind), uf_word_text(f->word));
        list_put(&values, UF_MSG_CHART_DESC_SEP, item ? item : "");
        free(item);
    }
    snprintf(year, sizeof year, "%d", m->report_year);
    append_message(&text, uf_msg_format(UF_MSG_ALT_UNITS, year, values.data ? values.data : ""));
    if (shown < n)
        append_message(&text, uf_msg_format(UF_MSG_ALT_UNITS_MORE, uf_style_count(count, n - shown)));
    /* The municipality's target is drawn where it compares with a unit's
     * figure (a mean, a maximum, a minimum), as the chart draws it. */
    double target = uf_model_figure(m, m->report_index, i, UF_WHOLE_MUNICIPALITY)->target;
    if (ind->aggregation != UF_AGG_SUM && isfinite(target))
        append_message(&text, uf_msg_format(UF_MSG_ALT_WHOLE_TARGET, uf_style_value(v, target, ind)));
    if (no_value.len)
        append_message(&text, uf_msg_format(UF_MSG_ALT_UNITS_NO_VALUE, no_value.data));
    if (not_reported.len)
        append_message(&text, uf_msg_format(UF_MSG_ALT_UNITS_NOT_REPORTED, not_reported.data));
    free(rows);
    uf_strbuf_free(&values);
    uf_strbuf_free(&no_value);
    uf_strbuf_free(&not_reported);
    return uf_strbuf_take(&text);
}

/* "3 Uppnått/förbättrad, 1 Delvis uppnått/oförändrad" (statuses with a count). */
static char *goal_counts_text(const uf_model *m, size_t g)
{
    uf_strbuf sb = {0};
    char n[UF_NUMBUF];
    for (int s = 0; s < UF_STATUS_COUNT; s++) {
        size_t c = uf_model_goal_count(m, m->report_index, g, (uf_status)s);
        if (!c)
            continue;
        char *item = uf_msg_format(UF_MSG_ALT_COUNT, uf_style_count(n, c), uf_status_word((uf_status)s));
        list_put(&sb, UF_MSG_ALT_LIST_SEP, item ? item : "");
        free(item);
    }
    if (!sb.len)
        uf_strbuf_puts(&sb, uf_msg_text(UF_MSG_ALT_GOAL_EMPTY));
    return uf_strbuf_take(&sb);
}

static char *goal_text(const uf_model *m, size_t g)
{
    char *counts = goal_counts_text(m, g);
    char *text = uf_msg_format(UF_MSG_ALT_GOAL, m->plan->goals[g].id, m->plan->goals[g].name, counts);
    free(counts);
    return format_or_empty(text);
}

char *uf_chart_desc_goal_counts(const uf_model *m)
{
    uf_strbuf goals = {0};
    for (size_t g = 0; g < m->plan->ngoals && m->nyears; g++) {
        char *item = goal_text(m, g);
        list_put(&goals, UF_MSG_CHART_DESC_SEP, item);
        free(item);
    }
    char year[16];
    snprintf(year, sizeof year, "%d", m->report_year);
    char *text = uf_msg_format(UF_MSG_ALT_GOAL_COUNTS, year, goals.data ? goals.data : "");
    uf_strbuf_free(&goals);
    return format_or_empty(text);
}

static char *indicator_text(const uf_model *m, size_t i)
{
    const uf_indicator *ind = &m->plan->indicators[i];
    const uf_figure *f = uf_model_figure(m, m->report_index, i, UF_WHOLE_MUNICIPALITY);
    char v[UF_VALUEBUF], t[UF_VALUEBUF], p[UF_VALUEBUF], year[16];
    snprintf(year, sizeof year, "%d", m->report_year - 1);
    uf_style_value(v, f->value, ind);
    uf_style_value(p, f->previous, ind);
    char *text = isnan(f->target)
                     ? uf_msg_format(UF_MSG_ALT_OVERVIEW_NO_TARGET, ind->name, uf_word_text(f->word), v, year, p)
                     : uf_msg_format(UF_MSG_ALT_OVERVIEW_INDICATOR, ind->name, uf_word_text(f->word), v,
                                     uf_style_value(t, f->target, ind), year, p);
    return format_or_empty(text);
}

char *uf_chart_desc_overview(const uf_model *m, size_t first, size_t count)
{
    const uf_plan *p = m->plan;
    uf_strbuf rows = {0};
    size_t row = 0;
    /* The chart's rows: each goal, then its indicators. */
    for (size_t g = 0; g < p->ngoals && m->nyears; g++) {
        if (row >= first && row < first + count) {
            char *item = goal_text(m, g);
            list_put(&rows, UF_MSG_CHART_DESC_SEP, item);
            free(item);
        }
        row++;
        for (size_t i = 0; i < p->nindicators; i++) {
            if (p->indicators[i].goal != g)
                continue;
            if (row >= first && row < first + count) {
                char *item = indicator_text(m, i);
                list_put(&rows, UF_MSG_CHART_DESC_SEP, item);
                free(item);
            }
            row++;
        }
    }
    char year[16];
    snprintf(year, sizeof year, "%d", m->report_year);
    char *text = uf_msg_format(UF_MSG_ALT_OVERVIEW, year, rows.data ? rows.data : "");
    uf_strbuf_free(&rows);
    return format_or_empty(text);
}

char *uf_chart_desc_partner_activity(const uf_view *v, size_t max_partners)
{
    const uf_model *m = v->model;
    size_t np = m->plan->npartners;
    if (np == 0 || m->nyears == 0)
        return uf_xstrdup(uf_msg_text(UF_MSG_ALT_PARTNERS_NONE));
    size_t shown = np <= max_partners + 1 ? np : max_partners;
    uf_strbuf list = {0};
    char n[UF_NUMBUF], r[UF_NUMBUF], years[64];
    for (size_t k = 0; k < shown; k++) {
        if (list.len)
            uf_strbuf_puts(&list, uf_msg_text(UF_MSG_CHART_DESC_SEP));
        uf_strbuf_puts(&list, m->plan->partners[k].name);
        for (size_t j = 0; j < v->nyears_shown; j++) {
            uf_strbuf_puts(&list, j ? uf_msg_text(UF_MSG_ALT_LIST_SEP) : " ");
            uf_strbuf_puts(&list, uf_style_count(n, m->partner_rows[(v->first_year + j) * np + k]));
        }
        if (m->partner_review[k])
            uf_strbuf_puts(&list, uf_msg_text(UF_MSG_ALT_PARTNER_REVIEW));
    }
    years_text(years, sizeof years, v);
    uf_strbuf text = {0};
    append_message(&text, uf_msg_format(UF_MSG_ALT_PARTNERS, years, list.data ? list.data : ""));
    uf_strbuf_free(&list);
    if (shown < np) {
        size_t review = 0;
        for (size_t k = shown; k < np; k++)
            review += m->partner_review[k];
        append_message(&text, uf_msg_format(UF_MSG_ALT_PARTNERS_MORE, uf_style_count(n, np - shown),
                                            uf_style_count(r, review)));
    }
    return uf_strbuf_take(&text);
}
