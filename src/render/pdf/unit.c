#include "render/pdf/unit.h"

#include "common/text.h"
#include "common/util.h"
#include "render/chart/chart.h"
#include "render/chart/chart_files.h"
#include "render/font.h"
#include "render/jobs.h"
#include "render/pdf/board.h"
#include "render/pdf/finish.h"
#include "render/pdf/frame.h"

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

typedef struct unit_doc {
    const uf_model *m;
    const uf_view *v;
    const uf_view_unit_year *uy; /* the unit in the report year */
    size_t unit;
    uf_pdf_doc doc;
} unit_doc;

/* ---- page plan ---- */

static size_t rows_fitting(double top) { return (size_t)((UF_CONTENT_BOTTOM - top - TABLE_HEAD_H) / TABLE_ROW_H); }

/* Only the indicators that apply to the unit are listed, under the goals
 * that have one. */
static bool goal_applies(const uf_plan *p, size_t g, size_t unit)
{
    for (size_t i = 0; i < p->nindicators; i++)
        if (p->indicators[i].goal == g && uf_plan_applies(p, i, unit))
            return true;
    return false;
}

static size_t table_rows(const uf_model *m, size_t unit)
{
    const uf_plan *p = m->plan;
    size_t n = 0;
    for (size_t g = 0; g < p->ngoals; g++)
        n += goal_applies(p, g, unit);
    for (size_t i = 0; i < p->nindicators; i++)
        n += uf_plan_applies(p, i, unit);
    return n;
}

static size_t table_pages(const uf_model *m, size_t unit)
{
    size_t rows = table_rows(m, unit), first = rows_fitting(TABLE_FIRST_Y), next = rows_fitting(TABLE_NEXT_Y);
    return rows <= first ? 1 : 1 + (rows - first + next - 1) / next;
}

size_t uf_pdf_unit_pages(const uf_model *m, size_t unit) { return table_pages(m, unit) + 1; }

/* ---- first page: who, reporting, status ---- */

static double reporting_line(unit_doc *u, double y)
{
    cairo_t *cr = u->doc.cr;
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 10);
    uf_pdf_tag_begin(&u->doc, "P");
    double x = UF_MARGIN + uf_text_draw(cr, UF_MARGIN, y + 3.5, "Rapporterat:", 0, UF_ALIGN_LEFT) + 10;
    for (size_t k = 0; k < u->v->nyears_shown; k++) {
        size_t yi = uf_view_year(u->v, k);
        bool ok = uf_view_unit(u->v, yi, u->unit)->reported;
        char text[48];
        snprintf(text, sizeof text, "%d %s", u->m->years[yi], ok ? "ja" : "nej");
        uf_chart_badge(cr, x, y, 12, ok ? UF_STATUS_GREEN : UF_STATUS_RED, NULL);
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(cr, ok ? UF_FONT_REGULAR : UF_FONT_BOLD, 10);
        x += 16 + uf_text_draw(cr, x + 16, y + 3.5, text, 0, UF_ALIGN_LEFT) + 16;
    }
    uf_pdf_tag_end(&u->doc, "P");
    return y + 20;
}

static void not_reported_box(unit_doc *u, double y)
{
    cairo_t *cr = u->doc.cr;
    char text[300];
    snprintf(text, sizeof text,
             "%d: %s%s%s. Enhetens värden saknas nedan och lämnas utanför kommunens siffror; de räknas inte som 0.",
             u->m->report_year, uf_msg_text(u->uy->arrived ? UF_MSG_UNIT_NOTHING_REPORTED : UF_MSG_UNIT_NO_FILE),
             u->uy->rejected ? ", " : "", u->uy->rejected ? uf_msg_text(UF_MSG_UNIT_ROWS_REJECTED) : "");
    uf_style_set(cr, uf_style_status_rgb(UF_STATUS_RED));
    cairo_set_line_width(cr, 1.5);
    cairo_rectangle(cr, UF_MARGIN, y, UF_CONTENT_W, 24);
    cairo_stroke(cr);
    uf_pdf_tag_begin(&u->doc, "P");
    uf_chart_badge(cr, UF_MARGIN + 8, y + 12, 13, UF_STATUS_RED, NULL);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 9.5);
    uf_text_draw(cr, UF_MARGIN + 28, y + 15.5, text, UF_CONTENT_W - 36, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&u->doc, "P");
}

/* "Status 2025: ✔ 3 uppnått ◐ 2 ..." counted over the unit's indicators. */
static void status_counts(unit_doc *u, double y)
{
    size_t count[UF_STATUS_COUNT] = {0};
    for (size_t i = 0; i < u->m->plan->nindicators; i++) {
        const uf_figure *f = uf_model_figure(u->m, u->m->report_index, i, u->unit);
        count[f->status] += f->applies;
    }
    cairo_t *cr = u->doc.cr;
    char text[64], n[UF_NUMBUF];
    snprintf(text, sizeof text, "Status %d:", u->m->report_year);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 10);
    uf_pdf_tag_begin(&u->doc, "P");
    double x = UF_MARGIN + uf_text_draw(cr, UF_MARGIN, y + 3.5, text, 0, UF_ALIGN_LEFT) + 10;
    for (int s = 0; s < UF_STATUS_COUNT; s++) {
        uf_font_use(cr, UF_FONT_BOLD, 10);
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        x += uf_text_draw(cr, x, y + 3.5, uf_style_count(n, count[s]), 0, UF_ALIGN_LEFT) + 4;
        x += uf_chart_badge(cr, x, y, 13, (uf_status)s, uf_status_word((uf_status)s)) + 18;
    }
    uf_pdf_tag_end(&u->doc, "P");
}

static void unit_intro(unit_doc *u)
{
    const uf_unit *unit = &u->m->plan->units[u->unit];
    cairo_t *cr = u->doc.cr;
    char kind[200];
    snprintf(kind, sizeof kind, "Enhetsrapport %d" MIDDOT "%s" MIDDOT "id %.*s", u->m->report_year,
             uf_unit_type_name(unit->type), uf_utf8_prefix(unit->id, 100), unit->id);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_SERIES));
    uf_font_use(cr, UF_FONT_BOLD, 9);
    uf_pdf_tag_begin(&u->doc, "P");
    uf_text_draw(cr, UF_MARGIN, UF_CONTENT_TOP + 9, kind, UF_CONTENT_W, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&u->doc, "P");
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 20);
    uf_pdf_tag_begin(&u->doc, "H1");
    uf_text_draw(cr, UF_MARGIN, UF_CONTENT_TOP + 36, unit->name, UF_CONTENT_W, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&u->doc, "H1");
    double y = reporting_line(u, UF_CONTENT_TOP + 58);
    if (!u->uy->reported) {
        not_reported_box(u, y - 4);
        y += 28;
    } else {
        char note[600];
        snprintf(note, sizeof note, "%s%s%s",
                 "Enhetens värden jämförs med enhetens eget målvärde, för medelvärden annars med kommunens; utan "
                 "målvärde beskriver statusen utvecklingen sedan förra året. Andel: enhetens del av kommunens summa. ",
                 u->uy->rejected ? uf_msg_text(UF_MSG_UNIT_PRELIM_NOTE) : "", uf_msg_text(UF_MSG_UNIT_NOT_APPLICABLE));
        uf_pdf_tag_begin(&u->doc, "P");
        y = uf_pdf_note(cr, UF_MARGIN, y - 8, UF_CONTENT_W, note, 3) + 4; /* three lines end above the status line */
        uf_pdf_tag_end(&u->doc, "P");
    }
    status_counts(u, y + 6);
}

/* ---- the table ---- */

enum { COL_NAME, COL_VALUE, COL_PREV, COL_CHANGE, COL_OWN, COL_WHOLE_TARGET, COL_WHOLE, COL_SHARE, COL_STATUS, NCOLS };

static const double col_w[NCOLS] = {187, 62, 60, 68, 110, 64, 66, 56, 96};

static double col_x(int c)
{
    double x = UF_MARGIN;
    for (int k = 0; k < c; k++)
        x += col_w[k];
    return x;
}

/* Headings in two short lines, right-aligned over numbers. */
/* Tags (tag): the first page's header row; later pages repeat it untagged. */
static void table_header(unit_doc *u, double y, bool tag)
{
    cairo_t *cr = u->doc.cr;
    char year[16], prev[16];
    snprintf(year, sizeof year, "%d", u->m->report_year);
    snprintf(prev, sizeof prev, "%d", u->m->report_year - 1);
    const char *heads[NCOLS][2] = {{"", "Indikator"},         {"Utfall", year},       {"", prev},
                                   {"", "Förändring"},        {"Målvärde", "(eget/kommunens)"},   {"Kommunens", "målvärde"},
                                   {"Kommunen", year},        {"Andel av", "kommunen"}, {"", "Status"}};
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_BOLD, 8);
    if (tag)
        uf_pdf_tag_begin(&u->doc, "TR");
    for (int c = 0; c < NCOLS; c++) {
        bool left = c == COL_NAME || c == COL_STATUS;
        double x = left ? col_x(c) + (c == COL_STATUS ? 4 : 0) : col_x(c) + col_w[c] - 6;
        if (tag)
            uf_pdf_tag_begin(&u->doc, "TH");
        for (int line = 0; line < 2; line++)
            uf_text_draw(cr, x, y + 8 + 10 * line, heads[c][line], col_w[c] - 6, left ? UF_ALIGN_LEFT : UF_ALIGN_RIGHT);
        if (tag)
            uf_pdf_tag_end(&u->doc, "TH");
    }
    if (tag)
        uf_pdf_tag_end(&u->doc, "TR");
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_AXIS));
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
        snprintf(text, sizeof text, "%s%s" UF_NBSP "%%-enheter", f->change > 0 ? "+" : "", uf_style_number(v, f->change));
    else
        snprintf(text, sizeof text, "%s%s", f->change > 0 ? "+" : "", uf_style_value(v, f->change, ind));
    uf_font_use(cr, UF_FONT_REGULAR, 8);
    cell(cr, COL_CHANGE, y, text);
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
}

/* The target the status was judged against, and whose it is. */
static void target_cell(cairo_t *cr, double y, const uf_figure *f, const uf_indicator *ind)
{
    char v[UF_VALUEBUF], text[UF_VALUEBUF + 64];
    if (f->target_source == UF_TARGET_NONE) {
        cell(cr, COL_OWN, y, "\xE2\x80\x93");
        return;
    }
    snprintf(text, sizeof text, "%s (%s)", uf_style_value(v, f->target, ind),
             uf_msg_text(f->target_source == UF_TARGET_OWN ? UF_MSG_TARGET_OWN : UF_MSG_TARGET_WHOLE));
    uf_font_use(cr, UF_FONT_REGULAR, 7.5);
    cell(cr, COL_OWN, y, text);
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
}

/* One line, or two smaller ones for a long name (then shortened). */
static void indicator_name(cairo_t *cr, const char *name, double y)
{
    double w = col_w[COL_NAME] - 14;
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
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
    uf_pdf_tag_begin(&u->doc, "TR");
    uf_pdf_tag_begin(&u->doc, "TD");
    indicator_name(cr, ind->name, y);
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_begin(&u->doc, "TD");
    /* Not reporting is not the same as a missing value, let alone 0. */
    if (!u->uy->reported) {
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
        uf_font_use(cr, UF_FONT_REGULAR, 7.5);
        cell(cr, COL_VALUE, base, uf_msg_text(u->uy->arrived ? UF_MSG_UNIT_NOTHING_REPORTED : UF_MSG_UNIT_NO_FILE));
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    } else {
        uf_font_use(cr, UF_FONT_BOLD, 8.5);
        cell(cr, COL_VALUE, base, uf_style_value(v, f->value, ind));
    }
    uf_pdf_tag_end(&u->doc, "TD");
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    uf_pdf_tag_begin(&u->doc, "TD");
    cell(cr, COL_PREV, base, uf_style_value(v, f->previous, ind));
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_begin(&u->doc, "TD");
    change_cell(cr, base, f, ind);
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_begin(&u->doc, "TD");
    target_cell(cr, base, f, ind);
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_begin(&u->doc, "TD");
    cell(cr, COL_WHOLE_TARGET, base, uf_style_value(v, w->target, ind));
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_begin(&u->doc, "TD");
    cell(cr, COL_WHOLE, base, uf_style_value(v, w->value, ind));
    uf_pdf_tag_end(&u->doc, "TD");
    char share[UF_VALUEBUF + 8];
    if (isnan(f->share))
        snprintf(share, sizeof share, "\xE2\x80\x93");
    else
        snprintf(share, sizeof share, "%s" UF_NBSP "%%", uf_style_number(v, f->share * 100));
    uf_pdf_tag_begin(&u->doc, "TD");
    cell(cr, COL_SHARE, base, share);
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_begin(&u->doc, "TD");
    uf_chart_badge(cr, col_x(COL_STATUS) + 4, y, 11, f->status, uf_chart_word(f));
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_end(&u->doc, "TR");
}

static const uf_view_assessment *assessment_of(const unit_doc *u, size_t g)
{
    for (size_t k = 0; k < u->uy->nassessments; k++)
        if (u->v->assessments[u->uy->assessments + k].goal == g)
            return &u->v->assessments[u->uy->assessments + k];
    return NULL;
}

/* The unit's own assessment of the goal, on the goal's row beside its
 * figures: "Självvärdering: ✔ Uppnått – avviker från siffrorna". */
static void goal_assessment(unit_doc *u, size_t g, double y)
{
    cairo_t *cr = u->doc.cr;
    const uf_view_assessment *a = assessment_of(u, g);
    double x = UF_MARGIN + UF_CONTENT_W * 0.58;
    char label[64];
    snprintf(label, sizeof label, "%s:", uf_msg_text(UF_MSG_HEAD_ASSESSMENT));
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    x += uf_text_draw(cr, x, y + 3.2, label, 0, UF_ALIGN_LEFT) + 6;
    if (!a) {
        uf_text_draw(cr, x, y + 3.2, uf_msg_text(UF_MSG_ASSESS_NONE), 0, UF_ALIGN_LEFT);
        return;
    }
    x += uf_chart_badge(cr, x, y, 11, uf_assessment_status(a->assessment), uf_assessment_text(a->assessment)) + 8;
    if (a->differs) {
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(cr, UF_FONT_BOLD, 8.5);
        uf_text_draw(cr, x, y + 3.2, "\xE2\x9A\xA0 ", 0, UF_ALIGN_LEFT);
        uf_text_draw(cr, x + 12, y + 3.2, uf_msg_text(UF_MSG_ASSESS_DIFFERS_LONG), UF_PAGE_W - UF_MARGIN - x - 12,
                     UF_ALIGN_LEFT);
    }
}

static void goal_row(unit_doc *u, size_t g, double y)
{
    const uf_goal *goal = &u->m->plan->goals[g];
    cairo_t *cr = u->doc.cr;
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_GRID));
    cairo_rectangle(cr, UF_MARGIN, y - TABLE_ROW_H / 2 + 1, UF_CONTENT_W, TABLE_ROW_H - 2);
    cairo_fill(cr);
    char *text = uf_asprintf("Mål %s: %s", goal->id, goal->name);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 9);
    uf_pdf_tag_begin(&u->doc, "TR");
    uf_pdf_tag_begin(&u->doc, "TH");
    uf_text_draw(cr, UF_MARGIN + 4, y + 3.2, text, UF_CONTENT_W * 0.55, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&u->doc, "TH");
    free(text);
    uf_pdf_tag_begin(&u->doc, "TD");
    goal_assessment(u, g, y);
    uf_pdf_tag_end(&u->doc, "TD");
    uf_pdf_tag_end(&u->doc, "TR");
}

/* The k-th table row: a goal (*ind = SIZE_MAX) or one of its indicators
 * that apply to the unit. */
static void table_row(const uf_plan *p, size_t unit, size_t k, size_t *goal, size_t *ind)
{
    size_t row = 0;
    for (size_t g = 0; g < p->ngoals; g++) {
        if (!goal_applies(p, g, unit))
            continue;
        if (row++ == k) {
            *goal = g, *ind = SIZE_MAX;
            return;
        }
        for (size_t i = 0; i < p->nindicators; i++)
            if (p->indicators[i].goal == g && uf_plan_applies(p, i, unit) && row++ == k) {
                *goal = g, *ind = i;
                return;
            }
    }
    *goal = *ind = SIZE_MAX;
}

static size_t table_page(unit_doc *u, size_t first, double top)
{
    size_t total = table_rows(u->m, u->unit), count = rows_fitting(top);
    if (count > total - first)
        count = total - first;
    table_header(u, top, first == 0);
    for (size_t r = 0; r < count; r++) {
        size_t g, i;
        table_row(u->m->plan, u->unit, first + r, &g, &i);
        double y = top + TABLE_HEAD_H + TABLE_ROW_H * ((double)r + 0.5);
        if (i == SIZE_MAX)
            goal_row(u, g, y);
        else
            indicator_row(u, i, y);
    }
    return first + count;
}

/* ---- last page: comments, missing, rejected ---- */

static size_t comment_entry(unit_doc *u, const uf_view_comment *r, double x, double y, double w, bool draw)
{
    if (draw)
        uf_pdf_tag_begin(&u->doc, "P");
    const uf_plan *p = u->m->plan;
    char *label = r->partner != UF_NO_PARTNER
                      ? uf_asprintf("%s (%s):", p->indicators[r->indicator].name, p->partners[r->partner].name)
                      : uf_asprintf("%s:", p->indicators[r->indicator].name);
    cairo_t *cr = u->doc.cr;
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 8.5);
    if (draw)
        uf_text_draw(cr, x, y, label, w, UF_ALIGN_LEFT);
    free(label);
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    size_t lines = 1 + uf_text_wrap(cr, x, y + 10.5, w, 0, 10.5, 3, r->text, draw);
    if (draw)
        uf_pdf_tag_end(&u->doc, "P");
    return lines;
}

/* One labelled text ("Analys: …"), at most max_lines; the workbook's
 * Självvärdering sheet holds it in full. */
static double labelled_text(unit_doc *u, const char *label, const char *text, double x, double y, double w,
                            size_t max_lines)
{
    cairo_t *cr = u->doc.cr;
    char head[64];
    snprintf(head, sizeof head, "%s:", label);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 8.5);
    uf_pdf_tag_begin(&u->doc, "P");
    double indent = uf_text_draw(cr, x, y, head, w * 0.3, UF_ALIGN_LEFT) + 4;
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    size_t lines = uf_text_wrap(cr, x, y, w, indent, 10.5, max_lines, text, true);
    uf_pdf_tag_end(&u->doc, "P");
    return y + 10.5 * (double)(lines ? lines : 1);
}

/* The unit's self-assessment per goal: its word, whether it differs from
 * the figures, its analysis and actions. */
static double assessment_section(unit_doc *u, double x, double y, double w)
{
    char year[16];
    snprintf(year, sizeof year, "%d", u->m->report_year);
    char *title = uf_msg_format(UF_MSG_UNIT_ASSESSMENT, year);
    uf_pdf_tag_begin(&u->doc, "H2");
    y = uf_pdf_heading(u->doc.cr, x, y, w, title ? title : year) + 8;
    uf_pdf_tag_end(&u->doc, "H2");
    free(title);
    if (u->uy->nassessments == 0) {
        uf_pdf_tag_begin(&u->doc, "P");
        y = uf_pdf_note(u->doc.cr, x, y - 9, w, uf_msg_text(UF_MSG_UNIT_NO_ASSESSMENT), 1) + 10;
        uf_pdf_tag_end(&u->doc, "P");
        return y;
    }
    const uf_plan *p = u->m->plan;
    cairo_t *cr = u->doc.cr;
    for (size_t k = 0; k < u->uy->nassessments && y < UF_CONTENT_BOTTOM - 120; k++) {
        const uf_view_assessment *a = &u->v->assessments[u->uy->assessments + k];
        char goal[80];
        snprintf(goal, sizeof goal, "Mål %.40s", p->goals[a->goal].id);
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(cr, UF_FONT_BOLD, 8.5);
        uf_pdf_tag_begin(&u->doc, "H3");
        double gx = x + uf_text_draw(cr, x, y, goal, w * 0.3, UF_ALIGN_LEFT) + 8;
        gx += uf_chart_badge(cr, gx, y - 3, 10, uf_assessment_status(a->assessment), uf_assessment_text(a->assessment)) + 8;
        if (a->differs) {
            uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
            uf_font_use(cr, UF_FONT_BOLD, 8.5);
            uf_text_draw(cr, gx, y, uf_msg_text(UF_MSG_ASSESS_DIFFERS_LONG), x + w - gx, UF_ALIGN_LEFT);
        }
        uf_pdf_tag_end(&u->doc, "H3");
        y += 12;
        if (a->analysis)
            y = labelled_text(u, uf_msg_text(UF_MSG_UNIT_ANALYSIS), a->analysis, x, y, w, 2);
        if (a->actions)
            y = labelled_text(u, uf_msg_text(UF_MSG_UNIT_ACTIONS), a->actions, x, y, w, 2);
        y += 5;
    }
    return y + 6;
}

static void comments_column(unit_doc *u, double x, double y, double w)
{
    char title[64];
    snprintf(title, sizeof title, "Kommentarer %d", u->m->report_year);
    uf_pdf_tag_begin(&u->doc, "H2");
    y = uf_pdf_heading(u->doc.cr, x, y, w, title) + 8;
    uf_pdf_tag_end(&u->doc, "H2");
    size_t first = u->uy->comments, end = first + u->uy->ncomments, k = first;
    if (first == end) {
        uf_pdf_tag_begin(&u->doc, "P");
        uf_pdf_note(u->doc.cr, x, y - 9, w, "Inga kommentarer.", 1);
        uf_pdf_tag_end(&u->doc, "P");
        return;
    }
    for (; k < end; k++) {
        const uf_view_comment *r = &u->v->unit_comments[k];
        double need = 10.5 * (double)comment_entry(u, r, 0, 0, w, false);
        double limit = k + 1 < end ? UF_CONTENT_BOTTOM - 10.5 : UF_CONTENT_BOTTOM;
        if (y + need - 10.5 > limit)
            break;
        comment_entry(u, r, x, y, w, true);
        y += need + 5;
    }
    if (k < end) {
        uf_pdf_tag_begin(&u->doc, "P");
        uf_pdf_more(u->doc.cr, x, UF_CONTENT_BOTTOM, end - k, "kommentarer");
        uf_pdf_tag_end(&u->doc, "P");
    }
}

/* Indicators without a value in the report year, comma-separated. */
static char *missing_list(unit_doc *u, size_t *count)
{
    uf_strbuf sb = {0};
    *count = 0;
    for (size_t i = 0; i < u->m->plan->nindicators; i++) {
        const uf_figure *f = uf_model_figure(u->m, u->m->report_index, i, u->unit);
        if (!f->applies || !isnan(f->value))
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
    uf_pdf_tag_begin(&u->doc, "H2");
    y = uf_pdf_heading(u->doc.cr, x, y, w, title);
    uf_pdf_tag_end(&u->doc, "H2");
    if (!u->uy->reported) {
        snprintf(text, sizeof text, "%d: %s%s%s.", u->m->report_year,
                 uf_msg_text(u->uy->arrived ? UF_MSG_UNIT_NOTHING_REPORTED : UF_MSG_UNIT_NO_FILE),
                 u->uy->rejected ? ", " : "", u->uy->rejected ? uf_msg_text(UF_MSG_UNIT_ROWS_REJECTED) : "");
        uf_pdf_tag_begin(&u->doc, "P");
        y = uf_pdf_note(u->doc.cr, x, y, w, text, 2) + 10;
        uf_pdf_tag_end(&u->doc, "P");
        return y;
    }
    size_t count;
    char *list = missing_list(u, &count);
    char *note = uf_xmalloc(strlen(list) + 64);
    if (count)
        sprintf(note, "Inget värde för: %s.", list);
    else
        sprintf(note, "Alla indikatorer har ett värde.");
    uf_pdf_tag_begin(&u->doc, "P");
    y = uf_pdf_note(u->doc.cr, x, y, w, note, 5) + 10;
    uf_pdf_tag_end(&u->doc, "P");
    free(note);
    free(list);
    return y;
}

static size_t diag_entry(unit_doc *u, const uf_diag *d, double x, double y, double w, bool draw)
{
    char place[600];
    size_t n = (size_t)snprintf(place, sizeof place, "%s ", d->severity == UF_SEVERITY_ERROR ? "Avvisad:" : "Varning:");
    uf_pdf_diag_place(place + n, sizeof place - n, u->v->diags, d);
    cairo_t *cr = u->doc.cr;
    uf_style_set(cr, uf_style_rgb(d->severity == UF_SEVERITY_ERROR ? UF_COLOUR_INK : UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_BOLD, 8.5);
    size_t lines = uf_text_wrap(cr, x, y, w, 0, 10.5, 2, place, draw);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, 8.5);
    return lines + uf_text_wrap(cr, x, y + 10.5 * (double)lines, w, 0, 10.5, 3, d->text, draw);
}

static void rejected_section(unit_doc *u, double x, double y, double w)
{
    size_t first = u->uy->diags, end = first + u->uy->ndiags, k = first;
    char title[160], n[UF_NUMBUF];
    snprintf(title, sizeof title, "Avvisat och varningar i inrapporteringen (%s)%s%s", uf_style_count(n, end - first),
             u->uy->rejected ? MIDDOT : "", u->uy->rejected ? uf_msg_text(UF_MSG_UNIT_ROWS_REJECTED) : "");
    uf_pdf_tag_begin(&u->doc, "H2");
    y = uf_pdf_heading(u->doc.cr, x, y, w, title) + 8;
    uf_pdf_tag_end(&u->doc, "H2");
    if (first == end) {
        uf_pdf_tag_begin(&u->doc, "P");
        uf_pdf_note(u->doc.cr, x, y - 9, w, "Inget avvisat och inga varningar.", 1);
        uf_pdf_tag_end(&u->doc, "P");
        return;
    }
    for (; k < end; k++) {
        const uf_diag *d = &u->v->diags->items[u->v->unit_diags[k]];
        double need = 10.5 * (double)diag_entry(u, d, 0, 0, w, false);
        double limit = k + 1 < end ? UF_CONTENT_BOTTOM - 10.5 : UF_CONTENT_BOTTOM;
        if (y + need - 10.5 > limit)
            break;
        uf_pdf_tag_begin(&u->doc, "P");
        diag_entry(u, d, x, y, w, true);
        uf_pdf_tag_end(&u->doc, "P");
        y += need + 5;
    }
    if (k < end) {
        uf_pdf_tag_begin(&u->doc, "P");
        uf_pdf_more(u->doc.cr, x, UF_CONTENT_BOTTOM, end - k, "(se arbetsbokens flik Avvisade)");
        uf_pdf_tag_end(&u->doc, "P");
    }
}

static void last_page(unit_doc *u)
{
    double col = (UF_CONTENT_W - 30) / 2, top = UF_CONTENT_TOP + 4;
    char title[96];
    snprintf(title, sizeof title, "Kommentarer, saknat och avvisat %d", u->m->report_year);
    uf_pdf_tag_begin(&u->doc, "H1");
    double y = uf_pdf_title(u->doc.cr, top, title);
    uf_pdf_tag_end(&u->doc, "H1");
    y = assessment_section(u, UF_MARGIN, y, col);
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
    size_t pages = table_pages(u->m, u->unit), row = 0;
    for (size_t page = 0; page < pages; page++) {
        uf_pdf_page(&u->doc, name);
        if (page == 0)
            unit_intro(u);
        else
            uf_pdf_title(u->doc.cr, UF_CONTENT_TOP + 4, "Indikatorer, fortsättning");
        /* One table across the pages. */
        if (page == 0)
            uf_pdf_tag_begin(&u->doc, "Table");
        row = table_page(u, row, page == 0 ? TABLE_FIRST_Y : TABLE_NEXT_Y);
        if (page + 1 == pages)
            uf_pdf_tag_end(&u->doc, "Table");
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
    char *title = uf_asprintf("Uppföljning av internationell plan %d: %s", u->m->report_year, unit->name);
    char *subject = uf_asprintf("Enhetsrapport för %s", unit->name);
    uf_error err = uf_pdf_open(&u->doc, path, title, subject, uf_pdf_unit_pages(u->m, u->unit));
    free(title);
    free(subject);
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
 * starts. */
typedef struct units_job {
    const uf_model *m;
    const uf_view *v;
    char **paths; /* [unit] */
} units_job;

static uf_error write_one_unit(void *ctx, size_t u, unsigned worker)
{
    (void)worker;
    const units_job *job = ctx;
    unit_doc doc = {.m = job->m, .v = job->v, .uy = uf_view_unit(job->v, job->m->report_index, u), .unit = u};
    return write_unit(&doc, job->paths[u]);
}

uf_error uf_pdf_write_unit_reports(const uf_model *model, const uf_view *view, const char *dir)
{
    if (model->nyears == 0)
        return UF_ERROR_NO_DATA;
    uf_error err = uf_font_load();
    char *sub = unit_path(dir, "");
    *strrchr(sub, '/') = '\0';
    if (err == UF_OK)
        err = uf_output_make_dirs(sub);
    free(sub);
    size_t nunits = model->plan->nunits;
    units_job job = {model, view, uf_xcalloc(nunits + 1, sizeof(char *))};
    for (size_t u = 0; u < nunits; u++)
        job.paths[u] = unit_path(dir, uf_plan_unit_stem(model->plan, u));
    uf_pdf_finish_prepare(); /* before the workers start */
    if (err == UF_OK)
        err = uf_jobs_run(nunits, uf_jobs_count(), write_one_unit, &job);
    for (size_t u = 0; u < nunits; u++)
        free(job.paths[u]);
    free(job.paths);
    return err;
}
