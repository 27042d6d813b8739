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
#define TABLE_ROW_H 25.0 /* two lines of UF_PT_MIN: a long name, a target and whose it is */
#define TABLE_HEAD_H 27.0

/* The sections after the table that have a bookmark. */
enum { SECTION_ASSESSMENT, SECTION_CORRECT, SECTION_COMMENTS, NSECTIONS };

typedef struct unit_doc {
    const uf_model *m;
    const uf_view *v;
    const uf_view_unit_year *uy; /* the unit in the report year */
    size_t unit;
    uf_pdf_doc doc;
    size_t table_pages, npages;
    size_t section_page[NSECTIONS]; /* 1-based, for the bookmarks */
    bool measure_failed;            /* the page count cannot be trusted */
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


/* ---- first page: who, reporting, status ---- */

static double reporting_line(unit_doc *u, double y)
{
    cairo_t *cr = u->doc.cr;
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 10);
    uf_pdf_tag_begin(&u->doc, "P");
    double x = UF_MARGIN + uf_text_draw(cr, UF_MARGIN, y + 3.5, uf_msg_text(UF_MSG_UNITREP_REPORTED), 0, UF_ALIGN_LEFT) + 10;
    for (size_t k = 0; k < u->v->nyears_shown; k++) {
        size_t yi = uf_view_year(u->v, k);
        bool ok = uf_view_unit(u->v, yi, u->unit)->reported;
        char text[48];
        snprintf(text, sizeof text, "%d %s", u->m->years[yi], uf_msg_text(ok ? UF_MSG_UNITREP_YES : UF_MSG_UNITREP_NO));
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
    char yr[UF_YEARBUF];
    char *text = uf_msg_xformat(UF_MSG_UNITREP_NOT_REPORTED, uf_style_year(yr, u->m->report_year),
                                uf_msg_text(u->uy->arrived ? UF_MSG_UNIT_NOTHING_REPORTED : UF_MSG_UNIT_NO_FILE),
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
    free(text);
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
    char n[UF_NUMBUF], yr[UF_YEARBUF];
    char *text = uf_msg_xformat(UF_MSG_UNITREP_STATUS, uf_style_year(yr, u->m->report_year));
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 10);
    uf_pdf_tag_begin(&u->doc, "P");
    double x = UF_MARGIN + uf_text_draw(cr, UF_MARGIN, y + 3.5, text, 0, UF_ALIGN_LEFT) + 10;
    free(text);
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
    char id[128], yr[UF_YEARBUF];
    snprintf(id, sizeof id, "%.*s", uf_utf8_prefix(unit->id, 100), unit->id);
    char *kind = uf_msg_xformat(UF_MSG_UNITREP_KIND, uf_style_year(yr, u->m->report_year),
                                uf_unit_type_name(unit->type), id);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_SERIES));
    uf_font_use(cr, UF_FONT_BOLD, 9);
    uf_pdf_tag_begin(&u->doc, "P");
    uf_text_draw(cr, UF_MARGIN, UF_CONTENT_TOP + 9, kind, UF_CONTENT_W, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&u->doc, "P");
    free(kind);
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
        snprintf(note, sizeof note, "%s%s%s", uf_msg_text(UF_MSG_UNITREP_NOTE),
                 u->uy->rejected ? uf_msg_text(UF_MSG_UNIT_PRELIM_NOTE) : "", uf_msg_text(UF_MSG_UNIT_NOT_APPLICABLE));
        uf_pdf_tag_begin(&u->doc, "P");
        y = uf_pdf_note(cr, UF_MARGIN, y - 8, UF_CONTENT_W, note, 3) + 4; /* three lines end above the status line */
        uf_pdf_tag_end(&u->doc, "P");
    }
    status_counts(u, y + 6);
}

/* ---- the table ---- */

enum { COL_NAME, COL_VALUE, COL_PREV, COL_CHANGE, COL_OWN, COL_WHOLE_TARGET, COL_WHOLE, COL_SHARE, COL_STATUS, NCOLS };

/* Förändring holds "+3,5 %-enheter" whole. */
static const double col_w[NCOLS] = {160, 62, 60, 80, 102, 70, 70, 62, 103};

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
#define T(code) uf_msg_text(UF_MSG_##code)
    const char *heads[NCOLS][2] = {{"", T(HEAD_INDICATOR)},
                                   {T(WB_COL_FIGURE), year},
                                   {"", prev},
                                   {"", T(UNITREP_COL_CHANGE)},
                                   {T(UNITREP_COL_OWN_1), T(UNITREP_COL_OWN_2)},
                                   {T(UNITREP_COL_WHOLE_TARGET_1), T(UNITREP_COL_WHOLE_TARGET_2)},
                                   {T(UNITREP_COL_WHOLE), year},
                                   {T(UNITREP_COL_SHARE_1), T(UNITREP_COL_SHARE_2)},
                                   {"", T(HTML_COL_STATUS)}};
#undef T
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    if (tag)
        uf_pdf_tag_begin(&u->doc, "TR");
    for (int c = 0; c < NCOLS; c++) {
        bool left = c == COL_NAME || c == COL_STATUS;
        double x = left ? col_x(c) + (c == COL_STATUS ? 4 : 0) : col_x(c) + col_w[c] - 6;
        if (tag)
            uf_pdf_tag_begin(&u->doc, "TH");
        for (int line = 0; line < 2; line++)
            uf_text_draw(cr, x, y + 9 + 11 * line, heads[c][line], left ? col_w[c] - 6 : col_w[c] + 2, left ? UF_ALIGN_LEFT : UF_ALIGN_RIGHT);
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
    char v[UF_VALUEBUF], text[UF_VALUEBUF + 32];
    if (isnan(f->change)) {
        cell(cr, COL_CHANGE, y, "\xE2\x80\x93");
        return;
    }
    /* A change in a share is in percentage points. */
    if (ind->percent || strcmp(ind->measure, "procent") == 0) {
        char *points = uf_msg_xformat(UF_MSG_UNITREP_CHANGE_POINTS, f->change > 0 ? "+" : "", uf_style_number(v, f->change));
        snprintf(text, sizeof text, "%s", points);
        free(points);
    } else
        snprintf(text, sizeof text, "%s%s", f->change > 0 ? "+" : "", uf_style_value(v, f->change, ind));
    cell(cr, COL_CHANGE, y, text);
}

/* The target the status was judged against, and whose it is. */
static void target_cell(cairo_t *cr, double y, const uf_figure *f, const uf_indicator *ind)
{
    char v[UF_VALUEBUF], text[UF_VALUEBUF + 64];
    if (f->target_source == UF_TARGET_NONE) {
        cell(cr, COL_OWN, y, "\xE2\x80\x93");
        return;
    }
    /* The value, and below it whose target it is: nothing cut. */
    cell(cr, COL_OWN, y - 5.5, uf_style_value(v, f->target, ind));
    snprintf(text, sizeof text, "(%s)", uf_msg_text(f->target_source == UF_TARGET_OWN ? UF_MSG_TARGET_OWN : UF_MSG_TARGET_WHOLE));
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    cell(cr, COL_OWN, y + 5.5, text);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
}

/* One line, or two for a long name. */
static void indicator_name(cairo_t *cr, const char *name, double y)
{
    double w = col_w[COL_NAME] - 8;
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    if (uf_text_width(cr, name) <= w) {
        uf_text_draw(cr, UF_MARGIN + 4, y + 3.2, name, w, UF_ALIGN_LEFT);
        return;
    }
    uf_text_wrap(cr, UF_MARGIN + 4, y - 2.3, w, 0, 11, 2, name, true);
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
        uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
        cell(cr, COL_VALUE, base, uf_msg_text(u->uy->arrived ? UF_MSG_UNIT_NOTHING_REPORTED : UF_MSG_UNIT_NO_FILE));
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    } else {
        uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
        cell(cr, COL_VALUE, base, uf_style_value(v, f->value, ind));
    }
    uf_pdf_tag_end(&u->doc, "TD");
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
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
    uf_chart_badge(cr, col_x(COL_STATUS) + 4, y, UF_BADGE_MIN, f->status, uf_chart_word(f));
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
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    x += uf_text_draw(cr, x, y + 3.2, label, 0, UF_ALIGN_LEFT) + 6;
    if (!a) {
        uf_text_draw(cr, x, y + 3.2, uf_msg_text(UF_MSG_ASSESS_NONE), 0, UF_ALIGN_LEFT);
        return;
    }
    x += uf_chart_badge(cr, x, y, UF_BADGE_MIN, uf_assessment_status(a->assessment), uf_assessment_text(a->assessment)) + 8;
    if (a->differs) {
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
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
    char *text = uf_msg_xformat(UF_MSG_HTML_GOAL, goal->id, goal->name);
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

/* ---- after the table: self-assessment, what to correct, missing, comments ----
 * One flow that starts below the table on its last page and goes on over
 * as many pages as it needs; nothing is cut. */

/* Where the table ends on its last page. */
static double table_end(const uf_model *m, size_t unit)
{
    size_t rows = table_rows(m, unit), first = rows_fitting(TABLE_FIRST_Y), next = rows_fitting(TABLE_NEXT_Y);
    if (rows <= first)
        return TABLE_FIRST_Y + TABLE_HEAD_H + TABLE_ROW_H * (double)rows;
    size_t last = (rows - first) % next ? (rows - first) % next : next;
    return TABLE_NEXT_Y + TABLE_HEAD_H + TABLE_ROW_H * (double)last;
}

/* A section's heading, never alone at the foot of a page; a new page in
 * the section names it again. The text must outlive the section. */
static void section_heading(unit_doc *u, uf_pdf_flow *f, const char *text, int section)
{
    f->entry = NULL;
    f->y += 14;
    uf_pdf_flow_need(f, 17 + 3 * UF_BODY_LINE);
    if (section >= 0)
        u->section_page[section] = u->table_pages - 1 + f->pages;
    uf_pdf_flow_tag_begin(f, "H2");
    uf_pdf_flow_para(f, UF_MARGIN, UF_TEXT_W, UF_FONT_BOLD, 12, 17, NULL, text);
    uf_pdf_flow_tag_end(f, "H2");
    f->y += 3;
    f->entry = text;
}

static void paragraph(uf_pdf_flow *f, const char *text)
{
    uf_pdf_flow_tag_begin(f, "P");
    uf_pdf_flow_para(f, UF_MARGIN, UF_TEXT_W, UF_FONT_REGULAR, UF_BODY_PT, UF_BODY_LINE, NULL, text);
    uf_pdf_flow_tag_end(f, "P");
}

/* A list item: its label in bold (a place, an indicator), then its text
 * indented below; the two start on the same page. */
static void list_item(uf_pdf_flow *f, const char *label, const char *text)
{
    f->y += 4;
    uf_pdf_flow_need(f, 2 * UF_BODY_LINE);
    uf_pdf_flow_tag_begin(f, "LI");
    uf_pdf_flow_tag_begin(f, "Lbl");
    uf_pdf_flow_para(f, UF_MARGIN, UF_TEXT_W, UF_FONT_BOLD, UF_BODY_PT, UF_BODY_LINE, NULL, label);
    uf_pdf_flow_tag_end(f, "Lbl");
    uf_pdf_flow_tag_begin(f, "LBody");
    uf_pdf_flow_para(f, UF_MARGIN + 12, UF_TEXT_W - 12, UF_FONT_REGULAR, UF_BODY_PT, UF_BODY_LINE, NULL, text);
    uf_pdf_flow_tag_end(f, "LBody");
    uf_pdf_flow_tag_end(f, "LI");
}

/* The unit's self-assessment per goal, in full: its word, whether it
 * differs from its figures, its analysis and actions. */
static void assessment_section(unit_doc *u, uf_pdf_flow *f)
{
    char year[UF_YEARBUF];
    uf_style_year(year, u->m->report_year);
    char *title = uf_msg_format(UF_MSG_UNIT_ASSESSMENT, year);
    section_heading(u, f, title ? title : year, SECTION_ASSESSMENT);
    if (u->uy->nassessments == 0)
        paragraph(f, uf_msg_text(UF_MSG_UNIT_NO_ASSESSMENT));
    const uf_plan *p = u->m->plan;
    for (size_t k = 0; k < u->uy->nassessments; k++) {
        const uf_view_assessment *a = &u->v->assessments[u->uy->assessments + k];
        char *name = uf_msg_format(UF_MSG_HTML_GOAL, p->goals[a->goal].id, p->goals[a->goal].name);
        uf_pdf_flow_assessment(f, "H3", name ? name : "", a);
        free(name);
    }
    f->entry = NULL;
    free(title);
}

static void diag_list(unit_doc *u, uf_pdf_flow *f, size_t first, size_t count)
{
    uf_pdf_flow_tag_begin(f, "L");
    for (size_t k = first; k < first + count; k++) {
        const uf_diag *d = &u->v->diags->items[u->v->unit_diags[k]];
        char place[600];
        uf_pdf_diag_place(place, sizeof place, u->v->diags, d);
        list_item(f, place, d->text);
    }
    uf_pdf_flow_tag_end(f, "L");
}

/* Each of the unit's rejected rows (and files) for the year with its place
 * and reason, then its warnings. */
static void correct_section(unit_doc *u, uf_pdf_flow *f)
{
    char year[UF_YEARBUF];
    uf_style_year(year, u->m->report_year);
    const uf_view_unit_year *uy = u->uy;
    section_heading(u, f, uf_msg_text(UF_MSG_UNIT_CORRECT), SECTION_CORRECT);
    char *intro = uf_msg_format(uy->nerrors ? UF_MSG_UNIT_CORRECT_INTRO : UF_MSG_UNIT_CORRECT_NONE, year);
    paragraph(f, intro);
    free(intro);
    diag_list(u, f, uy->diags, uy->nerrors);
    if (uy->ndiags > uy->nerrors) {
        section_heading(u, f, uf_msg_text(UF_MSG_UNIT_REVIEW), -1);
        paragraph(f, uf_msg_text(UF_MSG_UNIT_REVIEW_INTRO));
        diag_list(u, f, uy->diags + uy->nerrors, uy->ndiags - uy->nerrors);
    }
    f->entry = NULL;
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

static void missing_section(unit_doc *u, uf_pdf_flow *f)
{
    char year[UF_YEARBUF];
    uf_style_year(year, u->m->report_year);
    char *title = uf_msg_format(UF_MSG_UNIT_MISSING, year), *text;
    section_heading(u, f, title ? title : year, -1);
    if (!u->uy->reported) {
        text = uf_asprintf("%d: %s%s%s.", u->m->report_year,
                           uf_msg_text(u->uy->arrived ? UF_MSG_UNIT_NOTHING_REPORTED : UF_MSG_UNIT_NO_FILE),
                           u->uy->rejected ? ", " : "", u->uy->rejected ? uf_msg_text(UF_MSG_UNIT_ROWS_REJECTED) : "");
    } else {
        size_t count;
        char *list = missing_list(u, &count);
        text = count ? uf_msg_format(UF_MSG_UNIT_MISSING_LIST, list) : uf_xstrdup(uf_msg_text(UF_MSG_UNIT_MISSING_NONE));
        free(list);
    }
    paragraph(f, text ? text : "");
    free(text);
    f->entry = NULL;
    free(title);
}

/* The unit's comments for the year, each under its indicator (and partner). */
static void comments_section(unit_doc *u, uf_pdf_flow *f)
{
    char year[UF_YEARBUF];
    uf_style_year(year, u->m->report_year);
    char *title = uf_msg_format(UF_MSG_UNIT_COMMENTS, year);
    section_heading(u, f, title ? title : year, SECTION_COMMENTS);
    if (u->uy->ncomments == 0)
        paragraph(f, uf_msg_text(UF_MSG_UNIT_NO_COMMENTS));
    const uf_plan *p = u->m->plan;
    uf_pdf_flow_tag_begin(f, "L");
    for (size_t k = u->uy->comments; k < u->uy->comments + u->uy->ncomments; k++) {
        const uf_view_comment *r = &u->v->unit_comments[k];
        char *label = r->partner != UF_NO_PARTNER
                          ? uf_asprintf("%s (%s):", p->indicators[r->indicator].name, p->partners[r->partner].name)
                          : uf_asprintf("%s:", p->indicators[r->indicator].name);
        list_item(f, label, r->text);
        free(label);
    }
    uf_pdf_flow_tag_end(f, "L");
    f->entry = NULL;
    free(title);
}

/* Goes on below the table on its last page (already started); returns the
 * pages it used, that one included. */
static size_t followup_flow(unit_doc *u, cairo_t *cr, bool draw)
{
    const char *name = u->m->plan->units[u->unit].name;
    uf_pdf_flow f = {.doc = &u->doc, .cr = cr, .draw = draw, .pages = 1, .y = table_end(u->m, u->unit),
                     .section = name, .title = name};
    assessment_section(u, &f);
    correct_section(u, &f);
    missing_section(u, &f);
    comments_section(u, &f);
    uf_pdf_flow_end(&f);
    return f.pages;
}

/* The page count: the table's pages, and the flow's measured by walking it
 * without drawing. */
static void unit_plan(unit_doc *u)
{
    u->table_pages = table_pages(u->m, u->unit);
    u->npages = u->table_pages;
    cairo_t *cr = uf_pdf_measuring();
    if (!cr)
        return; /* opening the report fails the same way */
    u->npages += followup_flow(u, cr, false) - 1;
    u->measure_failed = !uf_pdf_measuring_end(cr);
}

size_t uf_pdf_unit_pages(const uf_model *m, const uf_view *v, size_t unit)
{
    unit_doc u = {.m = m, .v = v, .uy = uf_view_unit(v, m->report_index, unit), .unit = unit};
    unit_plan(&u);
    return u.npages;
}

/* ---- one unit ---- */

static void unit_bookmarks(unit_doc *u)
{
    char year[UF_YEARBUF];
    uf_style_year(year, u->m->report_year);
    char *assessment = uf_msg_format(UF_MSG_UNIT_ASSESSMENT, year), *comments = uf_msg_format(UF_MSG_UNIT_COMMENTS, year);
    uf_pdf_bookmark(&u->doc, CAIRO_PDF_OUTLINE_ROOT, uf_msg_text(UF_MSG_UNITREP_INDICATORS_STATUS), 1, false);
    uf_pdf_bookmark(&u->doc, CAIRO_PDF_OUTLINE_ROOT, assessment ? assessment : year, u->section_page[SECTION_ASSESSMENT],
                    false);
    uf_pdf_bookmark(&u->doc, CAIRO_PDF_OUTLINE_ROOT, uf_msg_text(UF_MSG_UNIT_CORRECT), u->section_page[SECTION_CORRECT],
                    false);
    uf_pdf_bookmark(&u->doc, CAIRO_PDF_OUTLINE_ROOT, comments ? comments : year, u->section_page[SECTION_COMMENTS], false);
    free(assessment);
    free(comments);
}

static void indicators_continued(unit_doc *u)
{
    char *title = uf_msg_xformat(UF_MSG_PDF_CONTINUED, uf_msg_text(UF_MSG_UNITREP_INDICATORS));
    uf_pdf_title(u->doc.cr, UF_CONTENT_TOP + 4, title);
    free(title);
}

static void unit_draw(unit_doc *u)
{
    const char *name = u->m->plan->units[u->unit].name;
    size_t row = 0;
    for (size_t page = 0; page < u->table_pages; page++) {
        if (page)
            uf_pdf_page_end(&u->doc);
        uf_pdf_page(&u->doc, name);
        if (page == 0)
            unit_intro(u);
        else
            indicators_continued(u);
        /* One table across the pages. */
        if (page == 0)
            uf_pdf_tag_begin(&u->doc, "Table");
        row = table_page(u, row, page == 0 ? TABLE_FIRST_Y : TABLE_NEXT_Y);
    }
    followup_flow(u, u->doc.cr, true); /* ends the last page */
    unit_bookmarks(u);
}

static uf_error write_unit(unit_doc *u, const char *path)
{
    const uf_unit *unit = &u->m->plan->units[u->unit];
    unit_plan(u);
    if (u->measure_failed)
        return UF_ERROR_CAIRO;
    char yr[UF_YEARBUF];
    char *title = uf_msg_xformat(UF_MSG_UNITREP_TITLE, uf_style_year(yr, u->m->report_year), unit->name);
    char *subject = uf_msg_xformat(UF_MSG_UNITREP_SUBJECT, unit->name);
    uf_error err = uf_pdf_open(&u->doc, path, title, subject, u->npages);
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
struct uf_pdf_units {
    const uf_model *m;
    const uf_view *v;
    size_t n;
    char **paths; /* [unit] */
};

static uf_error write_one_unit(void *ctx, size_t u, unsigned worker)
{
    (void)worker;
    const uf_pdf_units *job = ctx;
    unit_doc doc = {.m = job->m, .v = job->v, .uy = uf_view_unit(job->v, job->m->report_index, u), .unit = u};
    return write_unit(&doc, job->paths[u]);
}

void uf_pdf_units_free(uf_pdf_units *units)
{
    if (!units)
        return;
    for (size_t u = 0; u < units->n; u++)
        free(units->paths[u]);
    free(units->paths);
    free(units);
}

uf_error uf_pdf_units_prepare(uf_pdf_units **units, const uf_model *model, const uf_view *view, const char *dir,
                              uf_job_set *set)
{
    *units = NULL;
    *set = (uf_job_set){0};
    if (model->nyears == 0)
        return UF_ERROR_NO_DATA;
    uf_error err = uf_font_load();
    char *sub = unit_path(dir, "");
    *strrchr(sub, '/') = '\0';
    if (err == UF_OK)
        err = uf_output_make_dirs(sub);
    free(sub);
    if (err != UF_OK)
        return err;
    size_t nunits = model->plan->nunits;
    uf_pdf_units *job = uf_xcalloc(1, sizeof *job);
    *job = (uf_pdf_units){model, view, nunits, uf_xcalloc(nunits + 1, sizeof(char *))};
    for (size_t u = 0; u < nunits; u++)
        job->paths[u] = unit_path(dir, uf_plan_unit_stem(model->plan, u));
    uf_pdf_finish_prepare(); /* before the workers start */
    *units = job;
    *set = (uf_job_set){nunits, write_one_unit, job};
    return UF_OK;
}

uf_error uf_pdf_write_unit_reports(const uf_model *model, const uf_view *view, const char *dir)
{
    uf_pdf_units *units;
    uf_job_set set;
    uf_error err = uf_pdf_units_prepare(&units, model, view, dir, &set);
    if (err == UF_OK)
        err = uf_jobs_run_sets(&set, 1, uf_jobs_count(), NULL);
    uf_pdf_units_free(units);
    return err;
}
