#include "render/pdf/board.h"
#include "render/pdf/frame.h"

#include "common/text.h"
#include "common/util.h"
#include "render/chart/chart.h"
#include "render/chart/chart_desc.h"
#include "render/font.h"

#include <assert.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIDDOT " \xC2\xB7 "
#define ELLIPSIS "\xE2\x80\xA6"

/* ==== the board report ==== */

#define ROW_H 19.0 /* overview rows */
#define OVERVIEW_TOP 124.0 /* the goal counts, below title and note */
#define OVERVIEW_NEXT_Y 90.0
#define COVERAGE_ROW_H 16.0
#define COVERAGE_SUMMARY_Y 122.0 /* below title and note */
#define COVERAGE_LINE 14.0

typedef struct board {
    const uf_model *m;
    const uf_view *v;
    const uf_diag_list *diags;
    uf_pdf_doc doc;
    size_t *overview_starts; /* [page]: its first overview row; [pages]: all rows */
    double counts_h;         /* the goal counts on the overview's first page */
    size_t overview_pages, coverage_pages, partner_pages, appendix_pages, npages;
    size_t *order;        /* indicators in goal order (their pages' order) */
    size_t *coverage_units; /* units listed on the coverage pages */
    size_t ncoverage;
    size_t front_pages;   /* summary and reading guide */
    size_t *goal_pages;   /* [goal]: its self-assessment pages */
    size_t assessment_pages;
    size_t *indicator_pages; /* [k], in goal order: the page and its continuations */
    size_t indicators_pages;
    bool measure_failed; /* the page count cannot be trusted */
} board;

static size_t rows_fitting(double top, double row_h) { return (size_t)((UF_CONTENT_BOTTOM - top) / row_h); }

/* Where the overview's rows start on its first page: below the goal
 * counts (b->counts_h, measured). */
static double overview_first_y(const board *b) { return OVERVIEW_TOP + b->counts_h + 30; }

/* The overview's pages: rows are as high as their names need, and each
 * page takes the rows that fit (a later page at least one). Kept in
 * overview_starts, so that drawing takes the same rows. */
static void overview_measure(board *b, cairo_t *cr)
{
    size_t total = uf_chart_overview_rows(b->m), first = 0, pages = 0;
    b->counts_h = uf_chart_goal_counts_height(cr, UF_CONTENT_W, b->m);
    b->overview_starts = uf_xcalloc(total + 2, sizeof(size_t));
    do {
        b->overview_starts[pages++] = first;
        double y = pages == 1 ? overview_first_y(b) : OVERVIEW_NEXT_Y;
        for (size_t on_page = 0; first < total; on_page++, first++) {
            double h = uf_chart_overview_row_h(cr, UF_CONTENT_W, ROW_H, b->m, first);
            if (y + h > UF_CONTENT_BOTTOM && (on_page || pages == 1))
                break;
            y += h;
        }
    } while (first < total);
    b->overview_starts[pages] = total;
    b->overview_pages = pages;
}

static bool unit_has_gap(const uf_view *v, size_t u)
{
    for (size_t k = 0; k < v->nyears_shown; k++)
        if (!uf_view_unit(v, uf_view_year(v, k), u)->reported)
            return true;
    return false;
}

/* Roughly the rows a coverage page holds, below a summary line per year. */
static size_t coverage_rows_per_page(const uf_view *v)
{
    return rows_fitting(COVERAGE_SUMMARY_Y + COVERAGE_LINE * (double)v->nyears_shown + 30, COVERAGE_ROW_H);
}

/* Every expected unit when they fit on about two pages; else only those
 * that missed a year (the rest are counted in the summary), however many
 * pages they take. A unit no indicator applies to is not expected to
 * report. */
static size_t coverage_units(const uf_view *v, size_t *units)
{
    const uf_plan *p = v->model->plan;
    size_t n = 0;
    bool all = v->nexpected <= 2 * coverage_rows_per_page(v);
    for (size_t u = 0; u < p->nunits; u++)
        if (uf_plan_unit_expected(p, u) && (all || unit_has_gap(v, u)))
            units[n++] = u;
    return n;
}

static void plan_order(board *b)
{
    const uf_plan *p = b->m->plan;
    size_t k = 0;
    b->order = uf_xmalloc((p->nindicators + 1) * sizeof(size_t));
    for (size_t g = 0; g < p->ngoals; g++)
        for (size_t i = 0; i < p->nindicators; i++)
            if (p->indicators[i].goal == g)
                b->order[k++] = i;
}

static void board_free(board *b)
{
    free(b->order);
    free(b->overview_starts);
    free(b->coverage_units);
    free(b->goal_pages);
    free(b->indicator_pages);
}

static size_t front_flow(board *b, cairo_t *cr, bool draw);
static size_t goal_assessments_flow(board *b, size_t g, cairo_t *cr, bool draw);
static size_t indicator_flow(board *b, size_t i, cairo_t *cr, bool draw, uf_error *err);
static size_t coverage_flow(board *b, cairo_t *cr, bool draw);
static size_t partner_flow(board *b, cairo_t *cr, bool draw, uf_error *err);
static size_t appendix_flow(board *b, cairo_t *cr, bool draw);

/* The flowing sections are measured on a PDF surface that writes
 * nowhere, with the same fonts as the real one. */
static void flows_measure(board *b)
{
    const uf_plan *p = b->m->plan;
    b->goal_pages = uf_xcalloc(p->ngoals + 1, sizeof(size_t));
    b->indicator_pages = uf_xcalloc(p->nindicators + 1, sizeof(size_t));
    cairo_t *cr = uf_pdf_measuring();
    if (!cr)
        return; /* opening the report fails the same way */
    overview_measure(b, cr);
    b->front_pages = front_flow(b, cr, false);
    for (size_t g = 0; g < p->ngoals; g++)
        b->assessment_pages += b->goal_pages[g] = goal_assessments_flow(b, g, cr, false);
    for (size_t k = 0; k < p->nindicators; k++) {
        /* Measured on a page of its own: what the heading drew is wiped. */
        cairo_save(cr);
        b->indicators_pages += b->indicator_pages[k] = indicator_flow(b, b->order[k], cr, false, NULL);
        cairo_restore(cr);
        cairo_show_page(cr);
    }
    /* Each on pages of its own, as the indicators. */
    cairo_save(cr);
    b->coverage_pages = coverage_flow(b, cr, false);
    cairo_restore(cr);
    cairo_show_page(cr);
    cairo_save(cr);
    b->partner_pages = partner_flow(b, cr, false, NULL);
    cairo_restore(cr);
    cairo_show_page(cr);
    cairo_save(cr);
    b->appendix_pages = appendix_flow(b, cr, false);
    cairo_restore(cr);
    b->measure_failed = !uf_pdf_measuring_end(cr);
}

static void board_plan(board *b)
{
    plan_order(b);
    b->coverage_units = uf_xmalloc((b->m->plan->nunits + 1) * sizeof(size_t));
    b->ncoverage = coverage_units(b->v, b->coverage_units);
    flows_measure(b);
    b->npages = 1 + b->front_pages + b->overview_pages + b->indicators_pages + b->assessment_pages +
                b->coverage_pages + b->partner_pages + b->appendix_pages;
}

size_t uf_pdf_board_pages(const uf_model *m, const uf_view *v)
{
    board b = {.m = m, .v = v, .diags = v->diags};
    board_plan(&b);
    size_t n = b.npages;
    board_free(&b);
    return n;
}

/* Page numbers (1-based) of the sections. */
static size_t overview_page(const board *b) { return 2 + b->front_pages; }

/* Each goal's indicator pages are followed by its self-assessments. */
static size_t indicator_page(const board *b, size_t k)
{
    const uf_plan *p = b->m->plan;
    size_t page = overview_page(b) + b->overview_pages;
    for (size_t j = 0; j < k && j < p->nindicators; j++)
        page += b->indicator_pages[j];
    size_t goal = k < p->nindicators ? p->indicators[b->order[k]].goal : p->ngoals;
    for (size_t g = 0; g < goal; g++)
        page += b->goal_pages[g];
    return page;
}

static size_t coverage_page(const board *b) { return indicator_page(b, b->m->plan->nindicators); }
static size_t partner_page(const board *b) { return coverage_page(b) + b->coverage_pages; }
static size_t appendix_page(const board *b) { return partner_page(b) + b->partner_pages; }

/* ---- cover ---- */

/* "Uppföljningen är preliminär: 22 rader avvisades …", or NULL when no row
 * was rejected. */
static char *preliminary_text(const board *b)
{
    char n[UF_NUMBUF];
    if (b->v->counts.rows_rejected <= 0)
        return NULL;
    return uf_msg_xformat(UF_MSG_BOARD_PRELIMINARY, uf_style_count(n, (size_t)b->v->counts.rows_rejected));
}

static void cover_facts(board *b, double y)
{
    const uf_counts *c = &b->v->counts;
    char a[UF_NUMBUF], n[UF_NUMBUF], r[UF_NUMBUF], q[UF_NUMBUF], yr[UF_YEARBUF];
    char *text = uf_msg_xformat(UF_MSG_BOARD_COVER_REPORTED, uf_style_count(a, b->v->reported[b->m->report_index]),
                               uf_style_count(n, b->v->nexpected), uf_style_year(yr, b->m->report_year));
    cairo_t *cr = b->doc.cr;
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, 11);
    uf_pdf_tag_begin(&b->doc, "P");
    uf_text_draw(cr, UF_MARGIN + 24, y, text ? text : "", UF_CONTENT_W - 24, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&b->doc, "P");
    free(text);
    text = uf_msg_xformat(UF_MSG_BOARD_COVER_ROWS, uf_style_count(a, (size_t)c->rows_read),
                         uf_style_count(n, (size_t)c->rows_accepted), uf_style_count(r, (size_t)c->rows_rejected));
    uf_pdf_tag_begin(&b->doc, "P");
    uf_text_draw(cr, UF_MARGIN + 24, y + 17, text ? text : "", UF_CONTENT_W - 24, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&b->doc, "P");
    free(text);
    text = uf_msg_xformat(UF_MSG_BOARD_COVER_PLAN, uf_style_count(a, b->m->plan->ngoals),
                         uf_style_count(n, b->m->plan->nindicators), uf_style_count(r, b->m->plan->nunits),
                         uf_style_count(q, b->m->plan->npartners));
    uf_pdf_tag_begin(&b->doc, "P");
    uf_text_draw(cr, UF_MARGIN + 24, y + 34, text ? text : "", UF_CONTENT_W - 24, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&b->doc, "P");
    free(text);
    char *prelim = preliminary_text(b);
    if (prelim) {
        uf_pdf_tag_begin(&b->doc, "P");
        uf_chart_badge(cr, UF_MARGIN + 24, y + 60, 13, UF_STATUS_YELLOW, NULL);
        uf_font_use(cr, UF_FONT_BOLD, 11);
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        uf_text_draw(cr, UF_MARGIN + 44, y + 64, prelim, UF_CONTENT_W - 44, UF_ALIGN_LEFT);
        uf_pdf_tag_end(&b->doc, "P");
        free(prelim);
    }
}

static void cover_page(board *b)
{
    cairo_t *cr = b->doc.cr;
    char year[16], date[160];
    uf_pdf_page(&b->doc, NULL);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_SERIES));
    cairo_rectangle(cr, UF_MARGIN, 150, 8, 200);
    cairo_fill(cr);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 30);
    uf_pdf_tag_begin(&b->doc, "H1");
    uf_text_draw(cr, UF_MARGIN + 24, 190, uf_msg_text(UF_MSG_BOARD_COVER_TITLE), UF_CONTENT_W - 24, UF_ALIGN_LEFT);
    snprintf(year, sizeof year, "%d", b->m->report_year);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_SERIES));
    uf_font_use(cr, UF_FONT_BOLD, 64);
    uf_text_draw(cr, UF_MARGIN + 22, 265, year, 0, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&b->doc, "H1");
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, 16);
    uf_pdf_tag_begin(&b->doc, "P");
    uf_text_draw(cr, UF_MARGIN + 24, 305, uf_msg_text(UF_MSG_HTML_SUBTITLE), 0, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&b->doc, "P");
    snprintf(date, sizeof date, "%s" MIDDOT "%s", UF_PDF_AUTHOR, b->doc.date);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_REGULAR, 12);
    uf_pdf_tag_begin(&b->doc, "P");
    uf_text_draw(cr, UF_MARGIN + 24, 335, date, 0, UF_ALIGN_LEFT);
    uf_pdf_tag_end(&b->doc, "P");
    cover_facts(b, 420);
    uf_pdf_page_end(&b->doc);
}

/* The running header's name for a goal's pages: "Mål 3: name", or "Mål 3"
 * where that does not fit beside the report's title on one line (the
 * page names the goal in full below it). */
static char *goal_section(const board *b, cairo_t *cr, const uf_goal *goal)
{
    char *full = uf_msg_xformat(UF_MSG_HTML_GOAL, goal->id, goal->name);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    double room = UF_CONTENT_W - fmin(uf_text_width(cr, b->doc.running), UF_CONTENT_W * 0.45) - 24;
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    if (!full || uf_text_width(cr, full) <= room)
        return full;
    free(full);
    return uf_msg_xformat(UF_MSG_GOAL_ID, goal->id);
}

/* ---- flowing text: the summary, the reading guide, the self-assessments ----
 * On the frame's flow (uf_pdf_flow): nothing is cut. */

#define BODY_PT UF_BODY_PT
#define BODY_LINE UF_BODY_LINE
#define TEXT_W UF_TEXT_W
#define BADGE UF_BADGE

typedef uf_pdf_flow flow;

/* The summary as written: "# " lines are headings, "- " lines list items,
 * a blank line ends a paragraph; nothing else is read into it. */
static void summary_block(flow *f, char kind, const char *text)
{
    if (f->list && kind != '-') {
        uf_pdf_flow_tag_end(f, "L");
        f->list = false;
    }
    if (kind == '#') {
        uf_pdf_flow_need(f, 20 + 2 * BODY_LINE); /* a heading never ends a page */
        f->y += 6;
        uf_pdf_flow_tag_need(f, "H2", 17);
        uf_pdf_flow_para(f, UF_MARGIN, TEXT_W, UF_FONT_BOLD, 12, 17, NULL, text);
        uf_pdf_flow_tag_end(f, "H2");
        f->y += 2;
    } else if (kind == '-') {
        uf_pdf_flow_need(f, BODY_LINE);
        if (!f->list)
            uf_pdf_flow_tag_begin(f, "L");
        f->list = true;
        uf_pdf_flow_tag_begin(f, "LI");
        uf_pdf_flow_tag_begin(f, "Lbl");
        if (f->draw) {
            uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
            uf_font_use(f->cr, UF_FONT_REGULAR, BODY_PT);
            uf_text_draw(f->cr, UF_MARGIN + 6, f->y + BODY_PT, "\xE2\x80\xA2", 0, UF_ALIGN_LEFT);
        }
        uf_pdf_flow_tag_end(f, "Lbl");
        uf_pdf_flow_tag_begin(f, "LBody");
        uf_pdf_flow_para(f, UF_MARGIN + 18, TEXT_W - 18, UF_FONT_REGULAR, BODY_PT, BODY_LINE, NULL, text);
        uf_pdf_flow_tag_end(f, "LBody");
        uf_pdf_flow_tag_end(f, "LI");
        f->y += 2;
    } else {
        uf_pdf_flow_tag_need(f, "P", BODY_LINE);
        uf_pdf_flow_para(f, UF_MARGIN, TEXT_W, UF_FONT_REGULAR, BODY_PT, BODY_LINE, NULL, text);
        uf_pdf_flow_tag_end(f, "P");
        f->y += 6;
    }
}

/* A plain line goes on the paragraph or list item before it. */
static void summary_flow(flow *f, const char *summary)
{
    uf_strbuf block = {0};
    char kind = 'p';
    for (const char *s = summary; *s;) {
        size_t n = strcspn(s, "\n");
        char *line = uf_xstrndup(s, n);
        s += n + (s[n] == '\n');
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\r' || line[l - 1] == ' ' || line[l - 1] == '\t'))
            line[--l] = '\0';
        const char *t = line + strspn(line, " \t");
        bool heading = strncmp(t, "# ", 2) == 0, item = strncmp(t, "- ", 2) == 0;
        if ((!*t || heading || item) && block.len) {
            summary_block(f, kind, block.data);
            block.len = 0;
            block.data[0] = '\0';
            f->y += !item && kind == '-' ? 4 : 0; /* the list ends */
        }
        if (heading || item || !block.len)
            kind = item ? '-' : 'p';
        if (heading)
            summary_block(f, '#', t + 2);
        else if (*t) {
            if (block.len)
                uf_strbuf_putc(&block, ' ');
            uf_strbuf_puts(&block, item ? t + 2 : t);
        }
        free(line);
    }
    if (block.len)
        summary_block(f, kind, block.data);
    if (f->list)
        uf_pdf_flow_tag_end(f, "L");
    f->list = false;
    uf_strbuf_free(&block);
}

/* The reading guide's lines: each colour's words and meaning, then the
 * target, the preliminary mark and the missing units, as the web page
 * says them. */
#define GUIDE_PAD 12.0

static double guide_text(flow *f, double x, double y, double w, const char *text, bool draw)
{
    uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(f->cr, UF_FONT_REGULAR, BODY_PT);
    return BODY_LINE * (double)uf_text_wrap(f->cr, x, y + BODY_PT, w, 0, BODY_LINE, SIZE_MAX, text, draw);
}

/* The guide is measured by the drawing walk too: tags only where draw. */
static void guide_tag(flow *f, bool draw, const char *name, bool begin)
{
    if (draw && begin)
        uf_pdf_tag_begin(f->doc, name);
    else if (draw)
        uf_pdf_tag_end(f->doc, name);
}

static double guide_body(flow *f, double y, bool draw)
{
    static const uf_msg meanings[UF_STATUS_COUNT] = {UF_MSG_HTML_GUIDE_GREEN, UF_MSG_HTML_GUIDE_YELLOW,
                                                     UF_MSG_HTML_GUIDE_RED, UF_MSG_HTML_GUIDE_GREY};
    double x = UF_MARGIN + GUIDE_PAD, w = UF_CONTENT_W - 2 * GUIDE_PAD, y0 = y, words_w = 0;
    uf_font_use(f->cr, UF_FONT_REGULAR, BADGE * 0.78); /* the badges' words, as uf_chart_badge draws them */
    for (int s = 0; s < UF_STATUS_COUNT; s++)
        words_w = fmax(words_w, BADGE * 1.3 + uf_text_width(f->cr, uf_status_word((uf_status)s)) + 14);
    char *text = uf_msg_xformat(UF_MSG_HTML_GUIDE);
    if (draw) {
        uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(f->cr, UF_FONT_BOLD, 12);
        guide_tag(f, draw, "H2", true);
        uf_text_draw(f->cr, x, y + 12, text, w, UF_ALIGN_LEFT);
        guide_tag(f, draw, "H2", false);
    }
    free(text);
    y += 20;
    text = uf_msg_xformat(UF_MSG_HTML_GUIDE_STATUS);
    guide_tag(f, draw, "P", true);
    y += guide_text(f, x, y, w, text, draw) + 4;
    guide_tag(f, draw, "P", false);
    free(text);
    guide_tag(f, draw, "L", true);
    for (int s = 0; s < UF_STATUS_COUNT; s++) {
        guide_tag(f, draw, "LI", true);
        guide_tag(f, draw, "Lbl", true);
        if (draw)
            uf_chart_badge(f->cr, x, y + 6, BADGE, (uf_status)s, uf_status_word((uf_status)s));
        guide_tag(f, draw, "Lbl", false);
        text = uf_msg_xformat(meanings[s]);
        guide_tag(f, draw, "LBody", true);
        y += fmax(guide_text(f, x + words_w, y, w - words_w, text, draw), BODY_LINE) + 4;
        guide_tag(f, draw, "LBody", false);
        guide_tag(f, draw, "LI", false);
        free(text);
    }
    guide_tag(f, draw, "L", false);
    y += 3;
    const uf_msg rest[] = {UF_MSG_HTML_GUIDE_TARGET, UF_MSG_HTML_GUIDE_PRELIM, UF_MSG_HTML_GUIDE_MISSING};
    for (size_t k = 0; k < sizeof rest / sizeof *rest; k++) {
        text = uf_msg_xformat(rest[k]);
        double indent = 0;
        guide_tag(f, draw, "P", true);
        if (rest[k] == UF_MSG_HTML_GUIDE_PRELIM) { /* the mark as the indicator pages show it */
            char *mark = uf_msg_xformat(UF_MSG_PRELIM_N, "N");
            char *label = uf_asprintf("%s%s", uf_msg_text(UF_MSG_PRELIM_MARK), mark ? mark : "");
            uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
            uf_font_use(f->cr, UF_FONT_BOLD, BODY_PT);
            indent = (draw ? uf_text_draw(f->cr, x, y + BODY_PT, label, 0, UF_ALIGN_LEFT) : uf_text_width(f->cr, label)) + 5;
            free(mark);
            free(label);
        }
        uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(f->cr, UF_FONT_REGULAR, BODY_PT);
        y += BODY_LINE * (double)uf_text_wrap(f->cr, x, y + BODY_PT, w, indent, BODY_LINE, SIZE_MAX, text, draw) + 4;
        guide_tag(f, draw, "P", false);
        free(text);
    }
    return y - y0;
}

static void guide_flow(flow *f)
{
    double h = guide_body(f, 0, false) + 2 * GUIDE_PAD;
    f->y += 8;
    uf_pdf_flow_need(f, h);
    if (f->draw) {
        cairo_t *cr = f->cr;
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_GRID));
        cairo_set_line_width(cr, 1);
        cairo_rectangle(cr, UF_MARGIN, f->y, UF_CONTENT_W, h);
        cairo_stroke(cr);
        guide_body(f, f->y + GUIDE_PAD, true);
    }
    f->y += h;
}

static bool front_has_summary(const uf_view *v)
{
    return v->summary && strspn(v->summary, " \t\r\n") < strlen(v->summary);
}

/* The pages after the cover: the summary (when there is one) and the
 * reading guide. */
static size_t front_flow(board *b, cairo_t *cr, bool draw)
{
    bool summary = front_has_summary(b->v);
    uf_msg section = summary ? UF_MSG_HTML_SUMMARY : UF_MSG_HTML_GUIDE;
    flow f = {.doc = &b->doc, .cr = cr, .draw = draw, .section = uf_msg_text(section)};
    if (summary) {
        char *title = uf_asprintf("%s %d", uf_msg_text(UF_MSG_HTML_SUMMARY), b->m->report_year);
        f.title = title;
        summary_flow(&f, b->v->summary);
        f.title = NULL;
        free(title);
    }
    guide_flow(&f);
    uf_pdf_flow_end(&f);
    return f.pages;
}

/* ---- the units' self-assessments, after each goal's indicators ---- */

/* Goal g's self-assessments for the report year, unit by unit; 0 pages
 * when no unit assessed it. */
static size_t goal_assessments_flow(board *b, size_t g, cairo_t *cr, bool draw)
{
    const uf_model *m = b->m;
    const uf_goal *goal = &m->plan->goals[g];
    char *section = goal_section(b, cr, goal);
    char year[16];
    snprintf(year, sizeof year, "%d", m->report_year);
    char *heading = uf_msg_xformat(UF_MSG_HTML_ASSESSMENTS, year);
    char *title = uf_msg_xformat(UF_MSG_BOARD_ASSESS_TITLE, heading ? heading : "", goal->id);
    free(heading);
    flow f = {.doc = &b->doc, .cr = cr, .draw = draw, .section = section, .title = title};
    for (size_t u = 0; u < m->plan->nunits; u++) {
        const uf_view_unit_year *uy = uf_view_unit(b->v, m->report_index, u);
        for (size_t k = 0; k < uy->nassessments; k++) {
            const uf_view_assessment *a = &b->v->assessments[uy->assessments + k];
            if (a->goal != g)
                continue;
            if (f.pages == 0) {
                uf_pdf_flow_break(&f);
                uf_pdf_flow_tag_begin(&f, "P");
                uf_pdf_flow_para(&f, UF_MARGIN, TEXT_W, UF_FONT_REGULAR, BODY_PT, BODY_LINE, NULL, goal->name);
                uf_pdf_flow_tag_end(&f, "P");
            }
            uf_pdf_flow_assessment(&f, "H2", m->plan->units[a->unit].name, a);
        }
    }
    uf_pdf_flow_end(&f);
    free(section);
    free(title);
    return f.pages;
}

/* ---- overview ---- */

static uf_error overview_rows(board *b, size_t page, double y0)
{
    size_t first = b->overview_starts[page], count = b->overview_starts[page + 1] - first;
    cairo_t *cr = b->doc.cr;
    char *alt = uf_chart_desc_overview(b->m, first, count);
    uf_pdf_figure_begin(&b->doc, alt);
    free(alt);
    cairo_save(cr);
    cairo_translate(cr, UF_MARGIN, y0);
    uf_error err = uf_chart_goal_overview(cr, UF_CONTENT_W, ROW_H, b->m, first, count);
    cairo_restore(cr);
    uf_pdf_figure_end(&b->doc);
    /* No links to the indicator pages: link annotations from cairo 1.16
     * make the file fail qpdf --check. The bookmarks lead there instead. */
    return err;
}

static uf_error overview_first(board *b)
{
    cairo_t *cr = b->doc.cr;
    char yr[UF_YEARBUF];
    char *title = uf_msg_xformat(UF_MSG_BOARD_OVERVIEW_TITLE, uf_style_year(yr, b->m->report_year));
    uf_pdf_tag_begin(&b->doc, "H1");
    double y = uf_pdf_title(cr, UF_CONTENT_TOP + 4, title ? title : "");
    uf_pdf_tag_end(&b->doc, "H1");
    free(title);
    char *prelim = preliminary_text(b);
    uf_strbuf note = {0};
    uf_strbuf_puts(&note, uf_msg_text(UF_MSG_BOARD_OVERVIEW_NOTE));
    if (prelim) {
        uf_strbuf_putc(&note, ' ');
        uf_strbuf_puts(&note, prelim);
    }
    uf_pdf_tag_begin(&b->doc, "P");
    y = uf_pdf_note(cr, UF_MARGIN, y, UF_CONTENT_W, note.data, 3);
    uf_pdf_tag_end(&b->doc, "P");
    (void)y; /* the note is three lines at most: the layout is fixed */
    uf_strbuf_free(&note);
    free(prelim);
    char *alt = uf_chart_desc_goal_counts(b->m);
    uf_pdf_figure_begin(&b->doc, alt);
    free(alt);
    cairo_save(cr);
    cairo_translate(cr, UF_MARGIN, OVERVIEW_TOP);
    uf_error err = uf_chart_goal_counts(cr, UF_CONTENT_W, b->m);
    cairo_restore(cr);
    uf_pdf_figure_end(&b->doc);
    uf_pdf_tag_begin(&b->doc, "H2");
    uf_pdf_heading(cr, UF_MARGIN, overview_first_y(b) - 22, UF_CONTENT_W, uf_msg_text(UF_MSG_BOARD_OVERVIEW_INDICATORS));
    uf_pdf_tag_end(&b->doc, "H2");
    return err;
}

static void overview_continued(board *b)
{
    char *title = uf_msg_xformat(UF_MSG_PDF_CONTINUED, uf_msg_text(UF_MSG_BOARD_OVERVIEW));
    uf_pdf_title(b->doc.cr, UF_CONTENT_TOP + 4, title ? title : "");
    free(title);
}

static uf_error overview_pages_draw(board *b)
{
    uf_error err = UF_OK;
    for (size_t page = 0; page < b->overview_pages && err == UF_OK; page++) {
        uf_pdf_page(&b->doc, uf_msg_text(UF_MSG_BOARD_OVERVIEW));
        double y0 = page == 0 ? overview_first_y(b) : OVERVIEW_NEXT_Y;
        if (page == 0)
            err = overview_first(b);
        else
            overview_continued(b);
        if (err == UF_OK)
            err = overview_rows(b, page, y0);
        uf_pdf_page_end(&b->doc);
    }
    return err;
}

/* ---- indicator pages ---- */

static const char *aggregation_text(uf_aggregation a)
{
    static const uf_msg text[] = {UF_MSG_BOARD_AGG_SUM, UF_MSG_BOARD_AGG_MEAN, UF_MSG_BOARD_AGG_MAX,
                                  UF_MSG_BOARD_AGG_MIN};
    return a <= UF_AGG_MIN ? uf_msg_text(text[a]) : "";
}

/* "+610 tkr (+4,4 %)" */
static void change_text(char *buf, size_t size, const uf_figure *f, const uf_indicator *ind)
{
    char v[UF_VALUEBUF], p[UF_VALUEBUF];
    if (isnan(f->change)) {
        snprintf(buf, size, "%s", uf_msg_text(UF_MSG_BOARD_CHANGE_NONE));
        return;
    }
    /* A change in a share is in percentage points; a relative change of
     * a percentage would only confuse. */
    if (ind->percent || strcmp(ind->measure, "procent") == 0) {
        char *text = uf_msg_xformat(UF_MSG_BOARD_CHANGE_POINTS, f->change > 0 ? "+" : "", uf_style_number(v, f->change));
        snprintf(buf, size, "%s", text ? text : "");
        free(text);
        return;
    }
    uf_style_value(v, f->change, ind);
    if (isnan(f->change_pct))
        snprintf(buf, size, "%s%s", f->change > 0 ? "+" : "", v);
    else
        snprintf(buf, size, "%s%s (%s%s" UF_NBSP "%%)", f->change > 0 ? "+" : "", v, f->change_pct > 0 ? "+" : "",
                 uf_style_number(p, f->change_pct));
}

/* An indicator page's parts are drawn on the document and, to count the
 * pages, on a measuring context: tags only on the document. */
static void tag_begin(board *b, cairo_t *cr, const char *name)
{
    if (cr == b->doc.cr)
        uf_pdf_tag_begin(&b->doc, name);
}

static void tag_end(board *b, cairo_t *cr, const char *name)
{
    if (cr == b->doc.cr)
        uf_pdf_tag_end(&b->doc, name);
}

static double key_figures(board *b, cairo_t *cr, size_t i, double y)
{
    const uf_model *m = b->m;
    const uf_indicator *ind = &m->plan->indicators[i];
    const uf_figure *f = uf_model_figure(m, m->report_index, i, UF_WHOLE_MUNICIPALITY);
    tag_begin(b, cr, "P");
    double x = UF_MARGIN + uf_chart_badge(cr, UF_MARGIN, y, 15, f->status, uf_chart_word(f)) + 14;
    char v[UF_VALUEBUF], t[UF_VALUEBUF], pv[UF_VALUEBUF], ch[2 * UF_VALUEBUF], text[6 * UF_VALUEBUF];
    char yr[UF_YEARBUF], py[UF_YEARBUF];
    change_text(ch, sizeof ch, f, ind);
    char *key = uf_msg_xformat(UF_MSG_BOARD_KEY, uf_style_year(yr, m->report_year), uf_style_value(v, f->value, ind),
                              isnan(f->target) ? uf_msg_text(UF_MSG_CHART_NO_VALUE) : uf_style_value(t, f->target, ind),
                              uf_style_year(py, m->report_year - 1), uf_style_value(pv, f->previous, ind), ch);
    snprintf(text, sizeof text, "%s", key ? key : "");
    free(key);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 10);
    size_t lines = uf_text_wrap(cr, x, y + 3.5, UF_PAGE_W - UF_MARGIN - x, 0, 13, SIZE_MAX, text, true);
    y += 13 * (double)(lines - 1);
    tag_end(b, cr, "P");
    char n[UF_NUMBUF], total[UF_NUMBUF];
    size_t applies = 0, reported = 0;
    for (size_t u = 0; u < m->plan->nunits; u++) {
        if (!uf_model_figure(m, m->report_index, i, u)->applies)
            continue;
        applies++;
        reported += uf_view_unit(b->v, m->report_index, u)->reported;
    }
    char *how = uf_msg_xformat(UF_MSG_BOARD_KEY_HOW, aggregation_text(ind->aggregation),
                              uf_msg_text(ind->direction == UF_DIR_INCREASE ? UF_MSG_BOARD_HIGHER_BETTER
                                                                            : UF_MSG_BOARD_LOWER_BETTER),
                              ind->measure, uf_style_count(n, reported), uf_style_count(total, applies), yr);
    int len = snprintf(text, sizeof text, "%s", how ? how : "");
    free(how);
    if (uf_figure_preliminary(f) && len > 0 && (size_t)len < sizeof text) {
        char *prelim = f->rejected == 1 ? uf_msg_xformat(UF_MSG_PRELIM_ONE)
                                        : uf_msg_xformat(UF_MSG_PRELIM_N, uf_style_count(n, f->rejected));
        snprintf(text + len, sizeof text - (size_t)len, MIDDOT "%s%s", uf_msg_text(UF_MSG_PRELIM_MARK), prelim ? prelim : "");
        free(prelim);
    }
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    tag_begin(b, cr, "P");
    lines = uf_text_wrap(cr, UF_MARGIN, y + 22, UF_CONTENT_W, 0, UF_LINE_MIN, SIZE_MAX, text, true);
    tag_end(b, cr, "P");
    return y + 34 + UF_LINE_MIN * (double)(lines - 1);
}

static double indicator_heading(board *b, cairo_t *cr, size_t i)
{
    const uf_plan *p = b->m->plan;
    const uf_indicator *ind = &p->indicators[i];
    char goal[64], id[48];
    snprintf(id, sizeof id, "%.*s", uf_utf8_prefix(p->goals[ind->goal].id, 40), p->goals[ind->goal].id);
    char *label = uf_msg_xformat(UF_MSG_GOAL_ID, id);
    snprintf(goal, sizeof goal, "%s", label ? label : id);
    free(label);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_SERIES));
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    tag_begin(b, cr, "P");
    double w = uf_text_draw(cr, UF_MARGIN, UF_CONTENT_TOP + 9, goal, 0, UF_ALIGN_LEFT);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    size_t lines = uf_text_wrap(cr, UF_MARGIN, UF_CONTENT_TOP + 9, UF_CONTENT_W, w + 6, UF_LINE_MIN, SIZE_MAX,
                                p->goals[ind->goal].name, true);
    tag_end(b, cr, "P");
    tag_begin(b, cr, "H1");
    double y = uf_pdf_title(cr, UF_CONTENT_TOP + 14 + UF_LINE_MIN * (double)(lines ? lines - 1 : 0), ind->name);
    tag_end(b, cr, "H1");
    if (*ind->description) {
        tag_begin(b, cr, "P");
        y = uf_pdf_note(cr, UF_MARGIN, y - 4, UF_CONTENT_W, ind->description, SIZE_MAX);
        tag_end(b, cr, "P");
    }
    return key_figures(b, cr, i, y + 10);
}

#define TREND_SHARE 0.42 /* of the width, for the trend; the unit bars take the rest */
#define CHARTS_GAP 28.0
#define CHART_HEADING 20.0
#define CHARTS_LEAST 220.0 /* the trend needs this much height */
#define FEWEST_UNITS 5     /* rows of unit bars before "Övriga N enheter" */

static double bars_width(void) { return UF_CONTENT_W * (1 - TREND_SHARE) - CHARTS_GAP; }

/* The charts' height from y: the unit bars at their full height, with
 * fewer units before "Övriga N enheter" when all would not leave room for
 * the first comments; the number in *top. */
static double indicator_charts_height(board *b, cairo_t *cr, size_t i, double y, size_t *top)
{
    double room = UF_CONTENT_BOTTOM - y - 50;
    size_t t = UF_CHART_TOP_UNITS;
    double h = uf_chart_unit_bars_height(cr, bars_width(), b->m, i, t);
    while (t > FEWEST_UNITS && h + CHART_HEADING > room)
        h = uf_chart_unit_bars_height(cr, bars_width(), b->m, i, --t);
    *top = t;
    return fmax(CHARTS_LEAST, h + CHART_HEADING);
}

static uf_error indicator_charts(board *b, cairo_t *cr, size_t i, double y, double h, size_t top)
{
    char yr[UF_YEARBUF];
    double left_w = UF_CONTENT_W * TREND_SHARE;
    /* Each heading is followed by its chart: the reading order. */
    tag_begin(b, cr, "H2");
    uf_pdf_heading(cr, UF_MARGIN, y, left_w, uf_msg_text(UF_MSG_CHART_TREND_HEADING));
    tag_end(b, cr, "H2");
    char *alt = uf_chart_desc_trend(b->v, i);
    uf_pdf_figure_begin(&b->doc, alt);
    free(alt);
    cairo_save(cr);
    cairo_translate(cr, UF_MARGIN, y + CHART_HEADING);
    uf_error err = uf_chart_trend(cr, left_w, h - CHART_HEADING, b->v, i, NULL);
    cairo_restore(cr);
    uf_pdf_figure_end(&b->doc);
    char *title = uf_msg_xformat(UF_MSG_CHART_BARS_HEADING, uf_style_year(yr, b->m->report_year));
    tag_begin(b, cr, "H2");
    uf_pdf_heading(cr, UF_MARGIN + left_w + CHARTS_GAP, y, bars_width(), title ? title : "");
    tag_end(b, cr, "H2");
    free(title);
    alt = uf_chart_desc_unit_bars(b->m, i, top);
    uf_pdf_figure_begin(&b->doc, alt);
    free(alt);
    cairo_save(cr);
    cairo_translate(cr, UF_MARGIN + left_w + CHARTS_GAP, y + CHART_HEADING);
    if (err == UF_OK)
        err = uf_chart_unit_bars(cr, bars_width(), h - CHART_HEADING, b->m, i, top, NULL);
    cairo_restore(cr);
    uf_pdf_figure_end(&b->doc);
    return err;
}

/* One comment in full: "Enhetens namn (partner):" in bold, then the text;
 * both wrap. A comment starts where two of its lines (or its one) fit. */
static void comment_flow(flow *f, const board *b, const uf_view_comment *r)
{
    const uf_plan *p = b->m->plan;
    char *name = r->partner != UF_NO_PARTNER ? uf_asprintf("%s (%s)", p->units[r->unit].name, p->partners[r->partner].name)
                                             : uf_xstrdup(p->units[r->unit].name);
    char *label = uf_asprintf("%s:", name);
    flow dry = {.doc = f->doc, .cr = f->cr, .pages = 1}; /* measures the comment */
    uf_pdf_flow_para(&dry, UF_MARGIN, TEXT_W, UF_FONT_REGULAR, UF_PT_MIN, UF_LINE_MIN, label, r->text);
    uf_pdf_flow_need(f, fmin(dry.y, 2 * UF_LINE_MIN));
    f->entry = name;
    uf_pdf_flow_tag_begin(f, "P");
    uf_pdf_flow_para(f, UF_MARGIN, TEXT_W, UF_FONT_REGULAR, UF_PT_MIN, UF_LINE_MIN, label, r->text);
    uf_pdf_flow_tag_end(f, "P");
    f->entry = NULL;
    f->y += 4;
    free(label);
    free(name);
}

/* The units' comments, one under the other (a reader, and a screen
 * reader, follows one column), continued on the next pages. */
static void indicator_comments(flow *f, const board *b, size_t i)
{
    char yr[UF_YEARBUF];
    char *title = uf_msg_xformat(UF_MSG_HTML_COMMENTS, uf_style_year(yr, b->m->report_year));
    const double heading = 21;
    uf_pdf_flow_need(f, heading + 2 * UF_LINE_MIN); /* a heading never ends a page */
    uf_pdf_flow_tag_begin(f, "H2");
    if (f->draw)
        uf_pdf_heading(f->cr, UF_MARGIN, f->y, UF_CONTENT_W, title ? title : "");
    uf_pdf_flow_tag_end(f, "H2");
    f->y += heading;
    free(title);
    size_t first = b->v->indicator_start[i], end = b->v->indicator_start[i + 1];
    if (first == end) {
        uf_pdf_flow_tag_begin(f, "P");
        if (f->draw)
            uf_pdf_note(f->cr, UF_MARGIN, f->y - 2, UF_CONTENT_W, uf_msg_text(UF_MSG_HTML_NO_COMMENTS), 1);
        uf_pdf_flow_tag_end(f, "P");
        return;
    }
    for (size_t k = first; k < end; k++)
        comment_flow(f, b, &b->v->indicator_comments[k]);
}

/* An indicator's page: heading, key figures, charts and its comments,
 * which go on to pages titled "<indicator>, fortsättning". One walk both
 * counts its pages (draw false) and draws them. */
static size_t indicator_flow(board *b, size_t i, cairo_t *cr, bool draw, uf_error *err)
{
    const uf_plan *p = b->m->plan;
    const uf_goal *goal = &p->goals[p->indicators[i].goal];
    char *section = goal_section(b, cr, goal);
    flow f = {.doc = &b->doc, .cr = cr, .draw = draw, .section = section};
    uf_pdf_flow_break(&f);
    double y = indicator_heading(b, cr, i);
    size_t top;
    double h = indicator_charts_height(b, cr, i, y, &top);
    if (draw)
        *err = indicator_charts(b, cr, i, y, h, top);
    f.title = p->indicators[i].name;
    f.y = y + h + 6;
    indicator_comments(&f, b, i);
    uf_pdf_flow_end(&f);
    free(section);
    return f.pages;
}

/* ---- coverage ---- */
/* On the frame's flow like the text before: the table, the review list
 * and the appendix go on across as many pages as they take. */

/* A line per year: a bar of the units that reported, and the count. */
static void coverage_summary(flow *f, const board *b)
{
    const uf_model *m = b->m;
    cairo_t *cr = f->cr;
    char a[UF_NUMBUF], n[UF_NUMBUF], year[16];
    double bar_w = 220, x = UF_MARGIN + 40;
    for (size_t k = 0; k < b->v->nyears_shown; k++, f->y += COVERAGE_LINE) {
        size_t yi = uf_view_year(b->v, k), reported = b->v->reported[yi];
        double share = b->v->nexpected ? (double)reported / (double)b->v->nexpected : 0, y = f->y;
        snprintf(year, sizeof year, "%d", m->years[yi]);
        char *text = uf_msg_xformat(UF_MSG_BOARD_COVERAGE_COUNT, uf_style_count(a, reported), uf_style_count(n, b->v->nexpected));
        uf_pdf_flow_tag_begin(f, "P");
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(cr, yi == m->report_index ? UF_FONT_BOLD : UF_FONT_REGULAR, 9.5);
        uf_text_draw(cr, UF_MARGIN, y + 10, year, 0, UF_ALIGN_LEFT);
        uf_text_draw(cr, x + bar_w + 10, y + 10, text ? text : "", 0, UF_ALIGN_LEFT);
        free(text);
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_GRID));
        cairo_rectangle(cr, x, y + 2, bar_w, 9);
        cairo_fill(cr);
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_SERIES));
        cairo_rectangle(cr, x, y + 2, bar_w * share, 9);
        cairo_fill(cr);
        uf_pdf_flow_tag_end(f, "P");
    }
}

/* Tags (tag): the first page's header row; later pages repeat it untagged. */
static void coverage_header(flow *f, const board *b, double name_w, double col_w, bool tag)
{
    cairo_t *cr = f->cr;
    double y = f->y + 9;
    char year[16];
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    if (tag) {
        uf_pdf_flow_tag_begin(f, "TR");
        uf_pdf_flow_tag_begin(f, "TH");
    }
    uf_text_draw(cr, UF_MARGIN, y, uf_msg_text(UF_MSG_HEAD_UNIT), name_w, UF_ALIGN_LEFT);
    if (tag) {
        uf_pdf_flow_tag_end(f, "TH");
        uf_pdf_flow_tag_begin(f, "TH");
    }
    uf_text_draw(cr, UF_MARGIN + name_w, y, uf_msg_text(UF_MSG_HTML_COL_TYPE), 90, UF_ALIGN_LEFT);
    if (tag)
        uf_pdf_flow_tag_end(f, "TH");
    for (size_t k = 0; k < b->v->nyears_shown; k++) {
        snprintf(year, sizeof year, "%d", b->m->years[uf_view_year(b->v, k)]);
        if (tag)
            uf_pdf_flow_tag_begin(f, "TH");
        uf_text_draw(cr, UF_MARGIN + name_w + 90 + col_w * (double)k, y, year, col_w, UF_ALIGN_LEFT);
        if (tag)
            uf_pdf_flow_tag_end(f, "TH");
    }
    if (tag)
        uf_pdf_flow_tag_end(f, "TR");
    f->y += 14;
}

/* The lines a unit's name takes in its column: a long one wraps. */
static size_t coverage_name_lines(cairo_t *cr, const char *name, double name_w)
{
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    size_t lines = uf_text_wrap(cr, 0, 0, name_w - 8, 0, UF_LINE_MIN, SIZE_MAX, name, false);
    return lines ? lines : 1;
}

static void coverage_row(flow *f, const board *b, size_t u, double name_w, double col_w)
{
    const uf_model *m = b->m;
    cairo_t *cr = f->cr;
    const char *name = m->plan->units[u].name;
    size_t lines = coverage_name_lines(cr, name, name_w);
    double h = COVERAGE_ROW_H + UF_LINE_MIN * (double)(lines - 1), y = f->y + COVERAGE_ROW_H / 2;
    uf_pdf_flow_tag_begin(f, "TR");
    uf_pdf_flow_tag_begin(f, "TD");
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    uf_text_wrap(cr, UF_MARGIN, y + 3, name_w - 8, 0, UF_LINE_MIN, SIZE_MAX, name, true);
    uf_pdf_flow_tag_end(f, "TD");
    uf_pdf_flow_tag_begin(f, "TD");
    uf_text_draw(cr, UF_MARGIN + name_w, y + 3, uf_unit_type_name(m->plan->units[u].type), 84, UF_ALIGN_LEFT);
    uf_pdf_flow_tag_end(f, "TD");
    for (size_t k = 0; k < b->v->nyears_shown; k++) {
        bool ok = uf_view_unit(b->v, uf_view_year(b->v, k), u)->reported;
        double x = UF_MARGIN + name_w + 90 + col_w * (double)k;
        uf_pdf_flow_tag_begin(f, "TD");
        uf_chart_badge(cr, x, y, UF_BADGE_MIN, ok ? UF_STATUS_GREEN : UF_STATUS_RED, NULL);
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(cr, ok ? UF_FONT_REGULAR : UF_FONT_BOLD, UF_PT_MIN);
        uf_text_draw(cr, x + UF_BADGE_MIN + 4, y + 3, uf_msg_text(ok ? UF_MSG_HTML_REPORTED : UF_MSG_HTML_MISSING), 0, UF_ALIGN_LEFT);
        uf_pdf_flow_tag_end(f, "TD");
    }
    uf_pdf_flow_tag_end(f, "TR");
    f->y += h;
}

/* As wide as the longest name listed, and narrow enough to leave each year
 * its column; a name wider than that wraps. */
static double coverage_name_w(cairo_t *cr, const board *b)
{
    double w = 0;
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    for (size_t k = 0; k < b->ncoverage; k++)
        w = fmax(w, uf_text_width(cr, b->m->plan->units[b->coverage_units[k]].name) + 16);
    return fmin(fmax(260, w), UF_CONTENT_W - 90 - 95 * (double)b->v->nyears_shown);
}

/* One table across the pages; each new page repeats its header row. */
static void coverage_table(flow *f, const board *b)
{
    double name_w = coverage_name_w(f->cr, b), col_w = fmin(110, (UF_CONTENT_W - name_w - 90) / (double)b->v->nyears_shown);
    uf_pdf_flow_need(f, 14 + COVERAGE_ROW_H);
    uf_pdf_flow_tag_begin(f, "Table");
    coverage_header(f, b, name_w, col_w, true);
    for (size_t r = 0; r < b->ncoverage; r++) {
        size_t u = b->coverage_units[r];
        double h = COVERAGE_ROW_H + UF_LINE_MIN * (double)(coverage_name_lines(f->cr, b->m->plan->units[u].name, name_w) - 1);
        if (f->y + h > UF_CONTENT_BOTTOM) {
            uf_pdf_flow_break(f);
            coverage_header(f, b, name_w, col_w, false);
        }
        coverage_row(f, b, u, name_w, col_w);
    }
    uf_pdf_flow_tag_end(f, "Table");
}

static size_t coverage_flow(board *b, cairo_t *cr, bool draw)
{
    flow f = {.doc = &b->doc, .cr = cr, .draw = draw, .section = uf_msg_text(UF_MSG_BOARD_COVERAGE_SECTION),
              .title = uf_msg_text(UF_MSG_HTML_COVERAGE)};
    uf_pdf_flow_break(&f);
    uf_pdf_flow_tag_begin(&f, "P");
    f.y = uf_pdf_note(cr, UF_MARGIN, f.y - 4, UF_CONTENT_W, uf_msg_text(UF_MSG_BOARD_COVERAGE_INTRO), SIZE_MAX) + 6;
    uf_pdf_flow_tag_end(&f, "P");
    coverage_summary(&f, b);
    f.y += 16;
    if (b->ncoverage == 0) {
        uf_pdf_flow_tag_begin(&f, "P");
        uf_pdf_flow_para(&f, UF_MARGIN, UF_CONTENT_W, UF_FONT_REGULAR, UF_PT_MIN, UF_LINE_MIN, NULL,
                         uf_msg_text(UF_MSG_BOARD_COVERAGE_ALL));
        uf_pdf_flow_tag_end(&f, "P");
    } else {
        coverage_table(&f, b);
    }
    uf_pdf_flow_end(&f);
    return f.pages;
}

/* ---- partners ---- */

#define REVIEW_TEXT_X (UF_MARGIN + UF_BADGE_MIN + 4)
#define REVIEW_TEXT_W (UF_CONTENT_W - UF_BADGE_MIN - 4)

static char *review_text(const board *b, size_t k)
{
    const uf_model *m = b->m;
    const uf_partner *p = &m->plan->partners[k];
    int last = 0;
    for (size_t yi = 0; yi <= m->report_index && yi < m->nyears; yi++)
        if (m->partner_rows[yi * m->plan->npartners + k] > 0)
            last = m->years[yi];
    char yr[UF_YEARBUF];
    char *when = last ? uf_msg_xformat(UF_MSG_BOARD_LAST_ACTIVE, uf_style_year(yr, last))
                      : uf_xstrdup(uf_msg_text(UF_MSG_BOARD_NO_ACTIVITY));
    char *text = uf_msg_xformat(UF_MSG_BOARD_REVIEW_LINE, p->name, uf_partner_type_name(p->type),
                               *p->country ? p->country : uf_msg_text(UF_MSG_BOARD_NO_COUNTRY), when ? when : "");
    free(when);
    return text;
}

/* A partner to review: the badge, then its line, wrapped when long. */
static void review_line(flow *f, const board *b, size_t k)
{
    cairo_t *cr = f->cr;
    char *text = review_text(b, k);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    size_t lines = uf_text_wrap(cr, 0, 0, REVIEW_TEXT_W, 0, UF_LINE_MIN, SIZE_MAX, text ? text : "", false);
    double h = 15 + UF_LINE_MIN * (double)(lines > 1 ? lines - 1 : 0);
    uf_pdf_flow_need(f, h);
    double y = f->y + UF_BADGE_MIN / 2; /* the badge's middle, on the first line */
    uf_pdf_flow_tag_begin(f, "LI");
    uf_pdf_flow_tag_begin(f, "Lbl");
    uf_chart_badge(cr, UF_MARGIN, y, UF_BADGE_MIN, UF_STATUS_RED, NULL);
    uf_pdf_flow_tag_end(f, "Lbl");
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    uf_pdf_flow_tag_begin(f, "LBody");
    uf_text_wrap(cr, REVIEW_TEXT_X, y + 3.2, REVIEW_TEXT_W, 0, UF_LINE_MIN, SIZE_MAX, text ? text : "", true);
    uf_pdf_flow_tag_end(f, "LBody");
    uf_pdf_flow_tag_end(f, "LI");
    f->y += h;
    free(text);
}

static void review_list(flow *f, const board *b)
{
    const uf_model *m = b->m;
    char years[32], n[UF_NUMBUF];
    if (m->report_index > 0)
        snprintf(years, sizeof years, "%d\xE2\x80\x93%d", m->years[m->report_index - 1], m->years[m->report_index]);
    else
        snprintf(years, sizeof years, "%d", m->report_year);
    char *title = uf_msg_xformat(UF_MSG_BOARD_REVIEW_TITLE, uf_style_count(n, m->npartner_review), years);
    uf_pdf_flow_need(f, 19 + 8 + 15); /* a heading never ends a page */
    uf_pdf_flow_tag_need(f, "H2", 19);
    uf_pdf_flow_para(f, UF_MARGIN, UF_CONTENT_W, UF_FONT_BOLD, 11, 15, NULL, title ? title : "");
    uf_pdf_flow_tag_end(f, "H2");
    f->y += 2;
    if (m->npartner_review == 0) {
        uf_pdf_flow_tag_begin(f, "P");
        uf_pdf_flow_para(f, UF_MARGIN, UF_CONTENT_W, UF_FONT_REGULAR, UF_PT_MIN, UF_LINE_MIN, NULL,
                         uf_msg_text(UF_MSG_BOARD_REVIEW_NONE));
        uf_pdf_flow_tag_end(f, "P");
        free(title);
        return;
    }
    f->entry = title; /* named again on a new page */
    uf_pdf_flow_tag_begin(f, "L");
    for (size_t k = 0; k < m->plan->npartners; k++)
        if (m->partner_review[k])
            review_line(f, b, k);
    uf_pdf_flow_tag_end(f, "L");
    f->entry = NULL;
    free(title);
}

/* The activity chart, then every partner to review. */
static size_t partner_flow(board *b, cairo_t *cr, bool draw, uf_error *err)
{
    flow f = {.doc = &b->doc, .cr = cr, .draw = draw, .section = uf_msg_text(UF_MSG_BOARD_PARTNER_SECTION),
              .title = uf_msg_text(UF_MSG_HTML_PARTNERS)};
    uf_pdf_flow_break(&f);
    uf_pdf_flow_tag_begin(&f, "P");
    f.y = uf_pdf_note(cr, UF_MARGIN, f.y - 4, UF_CONTENT_W, uf_msg_text(UF_MSG_HTML_PARTNERS_INTRO), SIZE_MAX);
    uf_pdf_flow_tag_end(&f, "P");
    double h = uf_chart_partner_activity_height(cr, UF_CONTENT_W, b->v, 15);
    if (draw) {
        char *alt = uf_chart_desc_partner_activity(b->v, 15);
        uf_pdf_figure_begin(&b->doc, alt);
        free(alt);
    }
    cairo_save(cr);
    cairo_translate(cr, UF_MARGIN, f.y + 4);
    uf_error e = uf_chart_partner_activity(cr, UF_CONTENT_W, h, b->v, 15);
    cairo_restore(cr);
    if (draw)
        uf_pdf_figure_end(&b->doc);
    if (err)
        *err = e;
    f.y += h + 16;
    if (b->m->plan->npartners > 0)
        review_list(&f, b);
    uf_pdf_flow_end(&f);
    return f.pages;
}

/* ---- appendix ---- */

static void appendix_counts(flow *f, const board *b)
{
    const uf_counts *c = &b->v->counts;
    char r[UF_NUMBUF], a[UF_NUMBUF], x[UF_NUMBUF], d[UF_NUMBUF], fl[UF_NUMBUF];
    char *text = uf_msg_xformat(UF_MSG_BOARD_APPENDIX_COUNTS, uf_style_count(r, (size_t)c->rows_read),
                               uf_style_count(a, (size_t)c->rows_accepted), uf_style_count(x, (size_t)c->rows_rejected),
                               uf_style_count(d, (size_t)c->rows_duplicate), uf_style_count(fl, (size_t)c->files_rejected));
    uf_pdf_flow_tag_begin(f, "P");
    uf_pdf_flow_para(f, UF_MARGIN, UF_CONTENT_W, UF_FONT_BOLD, 10, 14, NULL, text ? text : "");
    uf_pdf_flow_tag_end(f, "P");
    free(text);
    f->y += 6;
}

/* One rejection: its place in bold, then the reason, in full; an entry of
 * two lines or more starts where its first two fit. */
static void appendix_entry(flow *f, const board *b, const uf_diag *d)
{
    char place[600];
    uf_pdf_diag_place(place, sizeof place, b->diags, d);
    size_t n = strlen(place);
    snprintf(place + n, sizeof place - n, "%s", n ? ":" : "");
    flow dry = {.doc = f->doc, .cr = f->cr, .pages = 1};
    uf_pdf_flow_para(&dry, UF_MARGIN, UF_CONTENT_W, UF_FONT_REGULAR, UF_PT_MIN, UF_LINE_MIN, place, d->text);
    uf_pdf_flow_need(f, fmin(dry.y, 2 * UF_LINE_MIN));
    uf_pdf_flow_tag_begin(f, "P");
    uf_pdf_flow_para(f, UF_MARGIN, UF_CONTENT_W, UF_FONT_REGULAR, UF_PT_MIN, UF_LINE_MIN, place, d->text);
    uf_pdf_flow_tag_end(f, "P");
    f->y += dry.y > UF_LINE_MIN ? UF_LINE_MIN / 2 : 2; /* air after a wrapped entry */
}

static size_t appendix_flow(board *b, cairo_t *cr, bool draw)
{
    flow f = {.doc = &b->doc, .cr = cr, .draw = draw, .section = uf_msg_text(UF_MSG_BOARD_APPENDIX_SECTION),
              .title = uf_msg_text(UF_MSG_BOARD_APPENDIX_TITLE)};
    uf_pdf_flow_break(&f);
    uf_pdf_flow_tag_begin(&f, "P");
    f.y = uf_pdf_note(cr, UF_MARGIN, f.y - 4, UF_CONTENT_W, uf_msg_text(UF_MSG_BOARD_APPENDIX_INTRO), SIZE_MAX);
    uf_pdf_flow_tag_end(&f, "P");
    appendix_counts(&f, b);
    size_t errors = 0;
    for (size_t k = 0; k < b->diags->count; k++)
        errors += b->diags->items[k].severity == UF_SEVERITY_ERROR;
    if (errors == 0) {
        uf_pdf_flow_tag_begin(&f, "P");
        uf_pdf_flow_para(&f, UF_MARGIN, UF_CONTENT_W, UF_FONT_REGULAR, UF_PT_MIN, UF_LINE_MIN, NULL,
                         uf_msg_text(UF_MSG_HTML_NONE_REJECTED));
        uf_pdf_flow_tag_end(&f, "P");
    }
    for (size_t k = 0; k < b->diags->count; k++)
        if (b->diags->items[k].severity == UF_SEVERITY_ERROR)
            appendix_entry(&f, b, &b->diags->items[k]);
    uf_pdf_flow_end(&f);
    return f.pages;
}

/* ---- the whole ---- */

static void board_bookmarks(board *b)
{
    const uf_plan *p = b->m->plan;
    uf_pdf_bookmark(&b->doc, CAIRO_PDF_OUTLINE_ROOT, uf_msg_text(front_has_summary(b->v) ? UF_MSG_HTML_SUMMARY : UF_MSG_HTML_GUIDE),
                    2, false);
    uf_pdf_bookmark(&b->doc, CAIRO_PDF_OUTLINE_ROOT, uf_msg_text(UF_MSG_BOARD_OVERVIEW), overview_page(b), false);
    size_t k = 0;
    for (size_t g = 0; g < p->ngoals; g++) {
        char *title = uf_msg_xformat(UF_MSG_HTML_GOAL, p->goals[g].id, p->goals[g].name);
        size_t page = k < p->nindicators && p->indicators[b->order[k]].goal == g ? indicator_page(b, k) : overview_page(b);
        int id = uf_pdf_bookmark(&b->doc, CAIRO_PDF_OUTLINE_ROOT, title, page, true);
        free(title);
        for (; k < p->nindicators && p->indicators[b->order[k]].goal == g; k++)
            uf_pdf_bookmark(&b->doc, id, p->indicators[b->order[k]].name, indicator_page(b, k), false);
    }
    uf_pdf_bookmark(&b->doc, CAIRO_PDF_OUTLINE_ROOT, uf_msg_text(UF_MSG_HTML_COVERAGE), coverage_page(b), false);
    uf_pdf_bookmark(&b->doc, CAIRO_PDF_OUTLINE_ROOT, uf_msg_text(UF_MSG_HTML_PARTNERS), partner_page(b), false);
    uf_pdf_bookmark(&b->doc, CAIRO_PDF_OUTLINE_ROOT, uf_msg_text(UF_MSG_BOARD_APPENDIX_TITLE), appendix_page(b), false);
}

static uf_error board_draw(board *b)
{
    const uf_plan *p = b->m->plan;
    cover_page(b);
    front_flow(b, b->doc.cr, true);
    uf_error err = overview_pages_draw(b);
    size_t k = 0;
    for (size_t g = 0; g < p->ngoals && err == UF_OK; g++) {
        for (; k < p->nindicators && p->indicators[b->order[k]].goal == g && err == UF_OK; k++)
            indicator_flow(b, b->order[k], b->doc.cr, true, &err);
        goal_assessments_flow(b, g, b->doc.cr, true);
    }
    if (err != UF_OK)
        return err;
    coverage_flow(b, b->doc.cr, true);
    partner_flow(b, b->doc.cr, true, &err);
    appendix_flow(b, b->doc.cr, true);
    board_bookmarks(b);
    return err;
}

uf_error uf_pdf_write_board_report(const uf_model *model, const uf_view *view, const char *path)
{
    if (model->nyears == 0)
        return UF_ERROR_NO_DATA;
    board b = {.m = model, .v = view, .diags = view->diags};
    board_plan(&b);
    char yr[UF_YEARBUF];
    char *title = uf_msg_xformat(UF_MSG_HTML_TITLE, uf_style_year(yr, model->report_year));
    char *subject = uf_msg_xformat(UF_MSG_BOARD_SUBJECT, yr);
    uf_error err = b.measure_failed || !title || !subject ? UF_ERROR_CAIRO
                                                          : uf_pdf_open(&b.doc, path, title, subject, b.npages);
    free(title);
    free(subject);
    if (err == UF_OK)
        err = uf_pdf_close(&b.doc, board_draw(&b));
    board_free(&b);
    return err;
}
