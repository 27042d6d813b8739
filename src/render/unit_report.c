#include "render/unit_report.h"

#include "common/util.h"
#include "render/chart.h"
#include "render/chart_files.h"
#include "render/font.h"
#include "render/jobs.h"
#include "render/pdf_report.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIDDOT " \xC2\xB7 "
#define TABLE_FIRST_Y 188.0 /* the table's header on the first page */
#define TABLE_NEXT_Y 84.0
#define TABLE_ROW_H 19.0
#define TABLE_HEAD_H 24.0
#define YEARS_SHOWN 8

/* What every unit's report looks up, indexed once for all units: the
 * report year's comments and the diagnostics concerning each unit. */
typedef struct unit_index {
    size_t *comment_start; /* [unit]..[unit + 1] in comment_rows */
    uint32_t *comment_rows;
    size_t *diag_start; /* [unit]..[unit + 1] in diag_items */
    uint32_t *diag_items;
    size_t *file_start; /* [file]..[file + 1] in file_units: units with rows in the file */
    uint32_t *file_units;
} unit_index;

typedef struct unit_doc {
    const uf_model *m;
    const uf_diag_list *diags;
    const unit_index *ix;
    size_t unit;
    uf_pdf_doc doc;
} unit_doc;

/* ---- the index ---- */

static bool is_comment(const uf_model *m, const uf_row *r)
{
    return r->comment && *r->comment && r->year == m->report_year && r->state != UF_ROW_DUPLICATE;
}

/* Turns counts[0..n) into starts[0..n] (counts must have n + 1 slots). */
static void prefix_sum(size_t *counts, size_t n)
{
    size_t sum = 0;
    for (size_t k = 0; k <= n; k++) {
        size_t c = counts[k];
        counts[k] = sum;
        sum += c;
    }
}

static void index_comments(unit_index *ix, const uf_model *m)
{
    const uf_dataset *d = m->data;
    size_t nu = m->plan->nunits;
    ix->comment_start = uf_xcalloc(nu + 1, sizeof(size_t));
    for (size_t r = 0; r < d->nrows; r++)
        if (is_comment(m, &d->rows[r]))
            ix->comment_start[d->rows[r].unit]++;
    prefix_sum(ix->comment_start, nu);
    size_t *fill = uf_xmalloc((nu + 1) * sizeof(size_t));
    memcpy(fill, ix->comment_start, (nu + 1) * sizeof(size_t));
    ix->comment_rows = uf_xmalloc((ix->comment_start[nu] + 1) * sizeof(uint32_t));
    for (size_t r = 0; r < d->nrows; r++)
        if (is_comment(m, &d->rows[r]))
            ix->comment_rows[fill[d->rows[r].unit]++] = (uint32_t)r;
    free(fill);
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Which units have accepted rows in which file (distinct pairs). */
static void index_files(unit_index *ix, const uf_model *m, size_t nfiles)
{
    const uf_dataset *d = m->data;
    uint64_t *pairs = uf_xmalloc((d->nrows + 1) * sizeof(uint64_t));
    size_t n = 0;
    for (size_t r = 0; r < d->nrows; r++)
        if (d->rows[r].file < nfiles)
            pairs[n++] = (uint64_t)d->rows[r].file << 32 | d->rows[r].unit;
    qsort(pairs, n, sizeof(uint64_t), u64_cmp);
    ix->file_start = uf_xcalloc(nfiles + 1, sizeof(size_t));
    ix->file_units = uf_xmalloc((n + 1) * sizeof(uint32_t));
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && pairs[k] == pairs[k - 1])
            continue;
        ix->file_start[pairs[k] >> 32]++;
        ix->file_units[kept++] = (uint32_t)(pairs[k] & 0xFFFFFFFFu);
    }
    prefix_sum(ix->file_start, nfiles);
    free(pairs);
}

/* A file none of whose rows were accepted still belongs to the unit it is
 * named after ("2025/kultur-och-fritid.csv"). */
static size_t unit_by_file_name(const uf_plan *p, const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t len = strlen(base);
    if (len > 4 && (strcmp(base + len - 4, ".csv") == 0 || strcmp(base + len - 4, ".CSV") == 0))
        len -= 4;
    return uf_plan_find_unit(p, base, len);
}

/* Calls add(unit) for every unit diagnostic d concerns: its own unit when
 * known, else every unit with rows in its file, else the file's namesake.
 * Run-wide messages (no file) are not about a submission and are left out;
 * "has not reported" is shown from the model instead. */
static void diag_units(const unit_index *ix, const uf_model *m, const uf_diag_list *diags, const uf_diag *d,
                       void (*add)(void *, size_t), void *ctx)
{
    if (d->file == UF_NO_FILE || d->file >= diags->nfiles)
        return;
    if (d->unit != UF_NO_UNIT && d->unit < m->plan->nunits) {
        add(ctx, d->unit);
        return;
    }
    size_t first = ix->file_start[d->file], end = ix->file_start[d->file + 1];
    for (size_t k = first; k < end; k++)
        add(ctx, ix->file_units[k]);
    if (first == end) {
        size_t u = unit_by_file_name(m->plan, uf_diag_file_name(diags, d->file));
        if (u != UF_NOT_FOUND)
            add(ctx, u);
    }
}

typedef struct diag_fill {
    unit_index *ix;
    size_t *fill;
    uint32_t item;
} diag_fill;

static void count_one(void *ctx, size_t u) { ((unit_index *)ctx)->diag_start[u]++; }

static void fill_one(void *ctx, size_t u)
{
    diag_fill *f = ctx;
    f->ix->diag_items[f->fill[u]++] = f->item;
}

static void index_diags(unit_index *ix, const uf_model *m, const uf_diag_list *diags)
{
    size_t nu = m->plan->nunits;
    ix->diag_start = uf_xcalloc(nu + 1, sizeof(size_t));
    for (size_t k = 0; k < diags->count; k++)
        diag_units(ix, m, diags, &diags->items[k], count_one, ix);
    prefix_sum(ix->diag_start, nu);
    diag_fill f = {ix, uf_xmalloc((nu + 1) * sizeof(size_t)), 0};
    memcpy(f.fill, ix->diag_start, (nu + 1) * sizeof(size_t));
    ix->diag_items = uf_xmalloc((ix->diag_start[nu] + 1) * sizeof(uint32_t));
    for (size_t k = 0; k < diags->count; k++) {
        f.item = (uint32_t)k;
        diag_units(ix, m, diags, &diags->items[k], fill_one, &f);
    }
    free(f.fill);
}

static void index_free(unit_index *ix)
{
    free(ix->comment_start);
    free(ix->comment_rows);
    free(ix->diag_start);
    free(ix->diag_items);
    free(ix->file_start);
    free(ix->file_units);
}

/* ---- page plan ---- */

static size_t rows_fitting(double top) { return (size_t)((UF_CONTENT_BOTTOM - top - TABLE_HEAD_H) / TABLE_ROW_H); }

static size_t table_rows(const uf_model *m) { return m->plan->ngoals + m->plan->nindicators; }

static size_t table_pages(const uf_model *m)
{
    size_t rows = table_rows(m), first = rows_fitting(TABLE_FIRST_Y), next = rows_fitting(TABLE_NEXT_Y);
    return rows <= first ? 1 : 1 + (rows - first + next - 1) / next;
}

size_t uf_pdf_unit_pages(const uf_model *m) { return table_pages(m) + 1; }

/* ---- first page: who, reporting, status ---- */

static size_t first_year(const uf_model *m)
{
    return m->report_index + 1 > YEARS_SHOWN ? m->report_index + 1 - YEARS_SHOWN : 0;
}

static double reporting_line(unit_doc *u, double y)
{
    cairo_t *cr = u->doc.cr;
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 10);
    double x = UF_MARGIN + uf_text_draw(cr, UF_MARGIN, y + 3.5, "Rapporterat:", 0, UF_ALIGN_LEFT) + 10;
    for (size_t yi = first_year(u->m); yi <= u->m->report_index; yi++) {
        bool ok = uf_model_unit_reported(u->m, yi, u->unit);
        char text[48];
        snprintf(text, sizeof text, "%d %s", u->m->years[yi], ok ? "ja" : "nej");
        uf_chart_badge(cr, x, y, 12, ok ? UF_STATUS_GREEN : UF_STATUS_RED, false);
        uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
        uf_font_use(cr, ok ? UF_FONT_REGULAR : UF_FONT_BOLD, 10);
        x += 16 + uf_text_draw(cr, x + 16, y + 3.5, text, 0, UF_ALIGN_LEFT) + 16;
    }
    return y + 20;
}

static void not_reported_box(unit_doc *u, double y)
{
    cairo_t *cr = u->doc.cr;
    char text[200];
    snprintf(text, sizeof text,
             "Enheten har inte rapporterat för %d. Dess värden saknas nedan och lämnas utanför kommunens "
             "siffror; de räknas inte som 0.",
             u->m->report_year);
    uf_chart_set(cr, uf_chart_status_rgb(UF_STATUS_RED));
    cairo_set_line_width(cr, 1.5);
    cairo_rectangle(cr, UF_MARGIN, y, UF_CONTENT_W, 24);
    cairo_stroke(cr);
    uf_chart_badge(cr, UF_MARGIN + 8, y + 12, 13, UF_STATUS_RED, false);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 9.5);
    uf_text_draw(cr, UF_MARGIN + 28, y + 15.5, text, UF_CONTENT_W - 36, UF_ALIGN_LEFT);
}

/* "Status 2025: ✔ 3 uppnått ◐ 2 ..." counted over the unit's indicators. */
static void status_counts(unit_doc *u, double y)
{
    size_t count[UF_STATUS_COUNT] = {0};
    for (size_t i = 0; i < u->m->plan->nindicators; i++)
        count[uf_model_figure(u->m, u->m->report_index, i, u->unit)->status]++;
    cairo_t *cr = u->doc.cr;
    char text[64], n[UF_NUMBUF];
    snprintf(text, sizeof text, "Status %d:", u->m->report_year);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 10);
    double x = UF_MARGIN + uf_text_draw(cr, UF_MARGIN, y + 3.5, text, 0, UF_ALIGN_LEFT) + 10;
    for (int s = 0; s < UF_STATUS_COUNT; s++) {
        uf_font_use(cr, UF_FONT_BOLD, 10);
        uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
        x += uf_text_draw(cr, x, y + 3.5, uf_chart_count(n, count[s]), 0, UF_ALIGN_LEFT) + 4;
        x += uf_chart_badge(cr, x, y, 13, (uf_status)s, true) + 18;
    }
}

static void unit_intro(unit_doc *u)
{
    const uf_unit *unit = &u->m->plan->units[u->unit];
    cairo_t *cr = u->doc.cr;
    char kind[200];
    snprintf(kind, sizeof kind, "Enhetsrapport %d" MIDDOT "%s" MIDDOT "id %.100s", u->m->report_year,
             uf_unit_type_name(unit->type), unit->id);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_SERIES));
    uf_font_use(cr, UF_FONT_BOLD, 9);
    uf_text_draw(cr, UF_MARGIN, UF_CONTENT_TOP + 9, kind, UF_CONTENT_W, UF_ALIGN_LEFT);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 20);
    uf_text_draw(cr, UF_MARGIN, UF_CONTENT_TOP + 36, unit->name, UF_CONTENT_W, UF_ALIGN_LEFT);
    double y = reporting_line(u, UF_CONTENT_TOP + 58);
    if (!uf_model_unit_reported(u->m, u->m->report_index, u->unit)) {
        not_reported_box(u, y - 4);
        y += 28;
    } else {
        y = uf_pdf_note(cr, UF_MARGIN, y - 8, UF_CONTENT_W,
                        "Enhetens värden jämförs med enhetens eget målvärde där ett sådant finns, annars med "
                        "förra året. Andel: enhetens del av kommunens summa.",
                        2) + 4;
    }
    status_counts(u, y + 6);
}

/* ---- the table ---- */

enum { COL_NAME, COL_VALUE, COL_PREV, COL_CHANGE, COL_OWN, COL_WHOLE_TARGET, COL_WHOLE, COL_SHARE, COL_STATUS, NCOLS };

static const double col_w[NCOLS] = {237, 64, 60, 66, 60, 66, 68, 56, 92};

static double col_x(int c)
{
    double x = UF_MARGIN;
    for (int k = 0; k < c; k++)
        x += col_w[k];
    return x;
}

/* Headings in two short lines, right-aligned over numbers. */
static void table_header(unit_doc *u, double y)
{
    cairo_t *cr = u->doc.cr;
    char year[16], prev[16];
    snprintf(year, sizeof year, "%d", u->m->report_year);
    snprintf(prev, sizeof prev, "%d", u->m->report_year - 1);
    const char *heads[NCOLS][2] = {{"", "Indikator"},         {"Utfall", year},       {"", prev},
                                   {"", "Förändring"},        {"Eget", "målvärde"},   {"Kommunens", "målvärde"},
                                   {"Kommunen", year},        {"Andel av", "kommunen"}, {"", "Status"}};
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_BOLD, 8);
    for (int c = 0; c < NCOLS; c++) {
        bool left = c == COL_NAME || c == COL_STATUS;
        double x = left ? col_x(c) + (c == COL_STATUS ? 4 : 0) : col_x(c) + col_w[c] - 6;
        for (int line = 0; line < 2; line++)
            uf_text_draw(cr, x, y + 8 + 10 * line, heads[c][line], col_w[c] - 6, left ? UF_ALIGN_LEFT : UF_ALIGN_RIGHT);
    }
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_AXIS));
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, UF_MARGIN, y + TABLE_HEAD_H - 0.5);
    cairo_line_to(cr, UF_PAGE_W - UF_MARGIN, y + TABLE_HEAD_H - 0.5);
    cairo_stroke(cr);
}

static void cell(cairo_t *cr, int c, double y, const char *text)
{
    uf_text_draw(cr, col_x(c) + col_w[c] - 6, y, text, col_w[c] - 8, UF_ALIGN_RIGHT);
}

static void change_cell(cairo_t *cr, double y, const uf_figure *f, const uf_indicator *ind)
{
    char v[UF_VALUEBUF], text[UF_VALUEBUF + 4];
    if (isnan(f->change)) {
        cell(cr, COL_CHANGE, y, "\xE2\x80\x93");
        return;
    }
    /* A change in a share is in percentage points. */
    if (ind->percent || strcmp(ind->measure, "procent") == 0)
        snprintf(text, sizeof text, "%s%s" UF_NBSP "%%-enheter", f->change > 0 ? "+" : "", uf_chart_number(v, f->change));
    else
        snprintf(text, sizeof text, "%s%s", f->change > 0 ? "+" : "", uf_chart_value(v, f->change, ind));
    uf_font_use(cr, UF_FONT_REGULAR, 8);
    cell(cr, COL_CHANGE, y, text);
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
}

/* One line, or two smaller ones for a long name (then shortened). */
static void indicator_name(cairo_t *cr, const char *name, double y)
{
    double w = col_w[COL_NAME] - 14;
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    if (uf_text_width(cr, name) <= w) {
        uf_text_draw(cr, UF_MARGIN + 8, y + 3.2, name, w, UF_ALIGN_LEFT);
        return;
    }
    uf_font_use(cr, UF_FONT_REGULAR, 7.5);
    uf_text_wrap(cr, UF_MARGIN + 8, y - 1.6, w, 0, 8.3, 2, name, true);
}

static void indicator_row(unit_doc *u, size_t i, double y)
{
    const uf_indicator *ind = &u->m->plan->indicators[i];
    const uf_figure *f = uf_model_figure(u->m, u->m->report_index, i, u->unit);
    const uf_figure *w = uf_model_figure(u->m, u->m->report_index, i, UF_WHOLE_MUNICIPALITY);
    cairo_t *cr = u->doc.cr;
    char v[UF_VALUEBUF];
    double base = y + 3.2;
    indicator_name(cr, ind->name, y);
    /* Not reporting is not the same as a missing value, let alone 0. */
    if (!uf_model_unit_reported(u->m, u->m->report_index, u->unit)) {
        uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_MUTED));
        uf_font_use(cr, UF_FONT_REGULAR, 7.5);
        cell(cr, COL_VALUE, base, "ej rapporterat");
        uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    } else {
        uf_font_use(cr, UF_FONT_BOLD, 8.5);
        cell(cr, COL_VALUE, base, uf_chart_value(v, f->value, ind));
    }
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    cell(cr, COL_PREV, base, uf_chart_value(v, f->previous, ind));
    change_cell(cr, base, f, ind);
    cell(cr, COL_OWN, base, uf_chart_value(v, f->target, ind));
    cell(cr, COL_WHOLE_TARGET, base, uf_chart_value(v, w->target, ind));
    cell(cr, COL_WHOLE, base, uf_chart_value(v, w->value, ind));
    char share[UF_VALUEBUF + 8];
    if (isnan(f->share))
        snprintf(share, sizeof share, "\xE2\x80\x93");
    else
        snprintf(share, sizeof share, "%s" UF_NBSP "%%", uf_chart_number(v, f->share * 100));
    cell(cr, COL_SHARE, base, share);
    uf_chart_badge(cr, col_x(COL_STATUS) + 4, y, 11, f->status, true);
}

static void goal_row(unit_doc *u, size_t g, double y)
{
    const uf_goal *goal = &u->m->plan->goals[g];
    cairo_t *cr = u->doc.cr;
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_GRID));
    cairo_rectangle(cr, UF_MARGIN, y - TABLE_ROW_H / 2 + 1, UF_CONTENT_W, TABLE_ROW_H - 2);
    cairo_fill(cr);
    char text[300];
    snprintf(text, sizeof text, "Mål %.40s: %.250s", goal->id, goal->name);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 9);
    uf_text_draw(cr, UF_MARGIN + 4, y + 3.2, text, UF_CONTENT_W - 8, UF_ALIGN_LEFT);
}

/* The k-th table row: a goal (*ind = SIZE_MAX) or one of its indicators. */
static void table_row(const uf_plan *p, size_t k, size_t *goal, size_t *ind)
{
    size_t row = 0;
    for (size_t g = 0; g < p->ngoals; g++) {
        if (row++ == k) {
            *goal = g, *ind = SIZE_MAX;
            return;
        }
        for (size_t i = 0; i < p->nindicators; i++)
            if (p->indicators[i].goal == g && row++ == k) {
                *goal = g, *ind = i;
                return;
            }
    }
    *goal = *ind = SIZE_MAX;
}

static size_t table_page(unit_doc *u, size_t first, double top)
{
    size_t total = table_rows(u->m), count = rows_fitting(top);
    if (count > total - first)
        count = total - first;
    table_header(u, top);
    for (size_t r = 0; r < count; r++) {
        size_t g, i;
        table_row(u->m->plan, first + r, &g, &i);
        double y = top + TABLE_HEAD_H + TABLE_ROW_H * ((double)r + 0.5);
        if (i == SIZE_MAX)
            goal_row(u, g, y);
        else
            indicator_row(u, i, y);
    }
    return first + count;
}

/* ---- last page: comments, missing, rejected ---- */

static size_t comment_entry(unit_doc *u, const uf_row *r, double x, double y, double w, bool draw)
{
    const uf_plan *p = u->m->plan;
    char label[400];
    if (r->partner != UF_NO_PARTNER)
        snprintf(label, sizeof label, "%.180s (%.180s):", p->indicators[r->indicator].name, p->partners[r->partner].name);
    else
        snprintf(label, sizeof label, "%.180s:", p->indicators[r->indicator].name);
    cairo_t *cr = u->doc.cr;
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 8.5);
    if (draw)
        uf_text_draw(cr, x, y, label, w, UF_ALIGN_LEFT);
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    return 1 + uf_text_wrap(cr, x, y + 10.5, w, 0, 10.5, 3, r->comment, draw);
}

static void comments_column(unit_doc *u, double x, double y, double w)
{
    char title[64];
    snprintf(title, sizeof title, "Kommentarer %d", u->m->report_year);
    y = uf_pdf_heading(u->doc.cr, x, y, w, title) + 8;
    size_t first = u->ix->comment_start[u->unit], end = u->ix->comment_start[u->unit + 1], k = first;
    if (first == end) {
        uf_pdf_note(u->doc.cr, x, y - 9, w, "Inga kommentarer.", 1);
        return;
    }
    for (; k < end; k++) {
        const uf_row *r = &u->m->data->rows[u->ix->comment_rows[k]];
        double need = 10.5 * (double)comment_entry(u, r, 0, 0, w, false);
        double limit = k + 1 < end ? UF_CONTENT_BOTTOM - 10.5 : UF_CONTENT_BOTTOM;
        if (y + need - 10.5 > limit)
            break;
        comment_entry(u, r, x, y, w, true);
        y += need + 5;
    }
    if (k < end)
        uf_pdf_more(u->doc.cr, x, UF_CONTENT_BOTTOM, end - k, "kommentarer");
}

/* Indicators without a value in the report year, comma-separated. */
static char *missing_list(unit_doc *u, size_t *count)
{
    uf_strbuf sb = {0};
    *count = 0;
    for (size_t i = 0; i < u->m->plan->nindicators; i++) {
        if (!isnan(uf_model_figure(u->m, u->m->report_index, i, u->unit)->value))
            continue;
        if ((*count)++)
            uf_strbuf_puts(&sb, ", ");
        uf_strbuf_puts(&sb, u->m->plan->indicators[i].name);
    }
    return uf_strbuf_take(&sb);
}

static double missing_section(unit_doc *u, double x, double y, double w)
{
    char title[64], text[200];
    snprintf(title, sizeof title, "Saknas %d", u->m->report_year);
    y = uf_pdf_heading(u->doc.cr, x, y, w, title);
    if (!uf_model_unit_reported(u->m, u->m->report_index, u->unit)) {
        snprintf(text, sizeof text, "Enheten har inte rapporterat för %d: ingen av dess rader för året godkändes.",
                 u->m->report_year);
        return uf_pdf_note(u->doc.cr, x, y, w, text, 2) + 10;
    }
    size_t count;
    char *list = missing_list(u, &count);
    char *note = uf_xmalloc(strlen(list) + 64);
    if (count)
        sprintf(note, "Inget värde för: %s.", list);
    else
        sprintf(note, "Alla indikatorer har ett värde.");
    y = uf_pdf_note(u->doc.cr, x, y, w, note, 5) + 10;
    free(note);
    free(list);
    return y;
}

static size_t diag_entry(unit_doc *u, const uf_diag *d, double x, double y, double w, bool draw)
{
    char place[600];
    size_t n = (size_t)snprintf(place, sizeof place, "%s ", d->severity == UF_SEVERITY_ERROR ? "Avvisad:" : "Varning:");
    uf_pdf_diag_place(place + n, sizeof place - n, u->diags, d);
    cairo_t *cr = u->doc.cr;
    uf_chart_set(cr, uf_chart_rgb(d->severity == UF_SEVERITY_ERROR ? UF_COLOUR_INK : UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_BOLD, 8.5);
    size_t lines = uf_text_wrap(cr, x, y, w, 0, 10.5, 2, place, draw);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    return lines + uf_text_wrap(cr, x, y + 10.5 * (double)lines, w, 0, 10.5, 3, d->text, draw);
}

static void rejected_section(unit_doc *u, double x, double y, double w)
{
    size_t first = u->ix->diag_start[u->unit], end = u->ix->diag_start[u->unit + 1], k = first;
    char title[96], n[UF_NUMBUF];
    snprintf(title, sizeof title, "Avvisat och varningar i inrapporteringen (%s)", uf_chart_count(n, end - first));
    y = uf_pdf_heading(u->doc.cr, x, y, w, title) + 8;
    if (first == end) {
        uf_pdf_note(u->doc.cr, x, y - 9, w, "Inget avvisat och inga varningar.", 1);
        return;
    }
    for (; k < end; k++) {
        const uf_diag *d = &u->diags->items[u->ix->diag_items[k]];
        double need = 10.5 * (double)diag_entry(u, d, 0, 0, w, false);
        double limit = k + 1 < end ? UF_CONTENT_BOTTOM - 10.5 : UF_CONTENT_BOTTOM;
        if (y + need - 10.5 > limit)
            break;
        diag_entry(u, d, x, y, w, true);
        y += need + 5;
    }
    if (k < end)
        uf_pdf_more(u->doc.cr, x, UF_CONTENT_BOTTOM, end - k, "(se arbetsbokens flik Avvisade)");
}

static void last_page(unit_doc *u)
{
    double col = (UF_CONTENT_W - 30) / 2, top = UF_CONTENT_TOP + 4;
    char title[96];
    snprintf(title, sizeof title, "Kommentarer, saknat och avvisat %d", u->m->report_year);
    double y = uf_pdf_title(u->doc.cr, top, title);
    comments_column(u, UF_MARGIN, y, col);
    double x = UF_MARGIN + col + 30;
    y = missing_section(u, x, y, col);
    rejected_section(u, x, y, col);
}

/* ---- one unit ---- */

static void unit_bookmarks(unit_doc *u, size_t last)
{
    uf_pdf_bookmark(&u->doc, CAIRO_PDF_OUTLINE_ROOT, "Indikatorer och status", 1, false);
    uf_pdf_bookmark(&u->doc, CAIRO_PDF_OUTLINE_ROOT, "Kommentarer, saknat och avvisat", last, false);
}

static void unit_draw(unit_doc *u)
{
    const char *name = u->m->plan->units[u->unit].name;
    size_t pages = table_pages(u->m), row = 0;
    for (size_t page = 0; page < pages; page++) {
        uf_pdf_page(&u->doc, name);
        if (page == 0)
            unit_intro(u);
        else
            uf_pdf_title(u->doc.cr, UF_CONTENT_TOP + 4, "Indikatorer, fortsättning");
        row = table_page(u, row, page == 0 ? TABLE_FIRST_Y : TABLE_NEXT_Y);
        uf_pdf_page_end(&u->doc);
    }
    uf_pdf_page(&u->doc, name);
    last_page(u);
    uf_pdf_page_end(&u->doc);
    unit_bookmarks(u, pages + 1);
}

static uf_error write_unit(unit_doc *u, const char *path)
{
    const uf_unit *unit = &u->m->plan->units[u->unit];
    char title[300], subject[300];
    snprintf(title, sizeof title, "Uppföljning av internationell plan %d: %.200s", u->m->report_year, unit->name);
    snprintf(subject, sizeof subject, "Enhetsrapport för %.200s", unit->name);
    uf_error err = uf_pdf_open(&u->doc, path, title, subject, uf_pdf_unit_pages(u->m));
    if (err != UF_OK)
        return err;
    unit_draw(u);
    return uf_pdf_close(&u->doc, UF_OK);
}

static char *unit_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 16;
    char *path = uf_xmalloc(n);
    snprintf(path, n, "%s/enheter/%s.pdf", dir, name);
    return path;
}

/* What every worker of the pool reads; the paths are decided before it
 * starts (uf_name_set is not thread-safe). */
typedef struct units_job {
    const uf_model *m;
    const uf_diag_list *diags;
    const unit_index *ix;
    char **paths; /* [unit] */
} units_job;

static uf_error write_one_unit(void *ctx, size_t u, unsigned worker)
{
    (void)worker;
    const units_job *job = ctx;
    unit_doc doc = {.m = job->m, .diags = job->diags, .ix = job->ix, .unit = u};
    return write_unit(&doc, job->paths[u]);
}

uf_error uf_pdf_write_unit_reports(const uf_model *model, const uf_diag_list *diags, const char *dir)
{
    if (model->nyears == 0)
        return UF_ERROR_NO_DATA;
    uf_error err = uf_font_load();
    char *sub = unit_path(dir, "");
    *strrchr(sub, '/') = '\0';
    if (err == UF_OK)
        err = uf_output_make_dirs(sub);
    free(sub);
    unit_index ix = {0};
    index_comments(&ix, model);
    index_files(&ix, model, diags->nfiles);
    index_diags(&ix, model, diags);
    size_t nunits = model->plan->nunits;
    units_job job = {model, diags, &ix, uf_xcalloc(nunits + 1, sizeof(char *))};
    uf_name_set *names = uf_name_set_new(nunits);
    for (size_t u = 0; u < nunits; u++)
        job.paths[u] = unit_path(dir, uf_name_set_add(names, model->plan->units[u].id));
    uf_name_set_free(names);
    if (err == UF_OK)
        err = uf_jobs_run(nunits, uf_jobs_count(), write_one_unit, &job);
    for (size_t u = 0; u < nunits; u++)
        free(job.paths[u]);
    free(job.paths);
    index_free(&ix);
    return err;
}
