#include "render/chart/chart.h"

#include "common/text.h"
#include "common/util.h"
#include "render/font.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIDDOT " \xC2\xB7 "

/* ---- colours ---- */

static void set_colour(cairo_t *cr, uf_colour c) { uf_style_set(cr, uf_style_rgb(c)); }

/* Text on a status colour: white where it reads (green, vermillion). */
static void set_on_status(cairo_t *cr, uf_status s)
{
    set_colour(cr, s == UF_STATUS_GREEN || s == UF_STATUS_RED ? UF_COLOUR_PAPER : UF_COLOUR_INK);
}

static uf_error check(cairo_t *cr) { return cairo_status(cr) == CAIRO_STATUS_SUCCESS ? UF_OK : UF_ERROR_CAIRO; }

/* ---- text helpers ---- */

/* Draws text with its middle (of capital letters) at y. */
static double text_mid(cairo_t *cr, double x, double y, const char *s, double max_w, uf_align align)
{
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    return uf_text_draw(cr, x, y + fe.ascent * 0.36, s, max_w, align);
}

/* The same on a paper-coloured plate, so that lines behind stay readable. */
static void text_mid_plate(cairo_t *cr, double x, double y, const char *s, double max_w)
{
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    double w = uf_text_width(cr, s);
    if (max_w > 0 && w > max_w)
        w = max_w;
    cairo_save(cr);
    set_colour(cr, UF_COLOUR_PAPER);
    cairo_rectangle(cr, x - 1.5, y - fe.ascent * 0.6, w + 3, fe.ascent * 1.2);
    cairo_fill(cr);
    cairo_restore(cr);
    text_mid(cr, x, y, s, max_w, UF_ALIGN_LEFT);
}

/* Centres a glyph's ink box on (cx, cy): symbols differ in their bearings. */
static void glyph_centred(cairo_t *cr, double cx, double cy, const char *s)
{
    cairo_text_extents_t te;
    cairo_text_extents(cr, s, &te);
    cairo_move_to(cr, cx - te.x_bearing - te.width / 2, cy - te.y_bearing - te.height / 2);
    cairo_show_text(cr, s);
}

const char *uf_chart_word(const uf_figure *f)
{
    /* One buffer per thread: the PDFs and the diagram files are drawn on one. */
    static _Thread_local char text[96];
    if (!uf_figure_preliminary(f))
        return uf_word_text(f->word);
    snprintf(text, sizeof text, "%s%s", uf_word_text(f->word), uf_msg_text(UF_MSG_PRELIM_MARK));
    return text;
}

double uf_chart_badge(cairo_t *cr, double x, double y, double size, uf_status status, const char *word)
{
    double r = size / 2;
    uf_style_set(cr, uf_style_status_rgb(status));
    cairo_new_path(cr); /* else the arc joins the end of the last text */
    cairo_arc(cr, x + r, y, r, 0, 2 * M_PI);
    cairo_fill(cr);
    set_on_status(cr, status);
    /* A small disc still holds a symbol that can be read. */
    uf_font_use(cr, UF_FONT_BOLD, fmax(size * UF_BADGE_GLYPH, UF_PT_SYMBOL));
    glyph_centred(cr, x + r, y, uf_status_symbol(status));
    if (!word)
        return size;
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_REGULAR, fmax(size * UF_BADGE_WORD, UF_PT_MIN));
    return size + size * 0.3 + text_mid(cr, x + size * 1.3, y, word, 0, UF_ALIGN_LEFT);
}

/* ---- frames and axes ---- */

double uf_chart_frame_pos(const uf_chart_frame *f, double v)
{
    double t = f->vmax > f->vmin ? (v - f->vmin) / (f->vmax - f->vmin) : 0;
    return f->horizontal ? f->x0 + t * (f->x1 - f->x0) : f->y1 - t * (f->y1 - f->y0);
}

double uf_chart_frame_item(const uf_chart_frame *f, size_t k)
{
    if (f->horizontal && f->rows_vary && k < UF_CHART_LABELS)
        return f->row_y[k];
    if (f->horizontal)
        return f->y0 + ((double)k + 0.5) * (f->y1 - f->y0) / (double)(f->nitems ? f->nitems : 1);
    if (f->nitems <= 1)
        return (f->x0 + f->x1) / 2;
    return f->x0 + f->pad + (double)k * (f->x1 - f->x0 - 2 * f->pad) / (double)(f->nitems - 1);
}

typedef struct axis {
    double lo, hi, step;
    int decimals;
} axis;

/* Round ticks: steps of 1, 2, 2.5 or 5 times a power of ten. */
static axis nice_axis(double lo, double hi, int ticks, bool whole)
{
    if (!(hi > lo))
        hi = lo + (lo == 0 ? 1 : fabs(lo) * 0.1);
    double raw = (hi - lo) / ticks;
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
    if (whole && step < 1)
        step = 1;
    axis a = {floor(lo / step + 1e-9) * step, ceil(hi / step - 1e-9) * step, step, 0};
    while (a.decimals < 6 && fabs(step * pow(10, a.decimals) - nearbyint(step * pow(10, a.decimals))) > 1e-6)
        a.decimals++;
    return a;
}

static const char *tick_label(char *buf, double v, const axis *a)
{
    if (fabs(v) < a->step * 1e-6)
        v = 0;
    return uf_fmt_number_with(buf, v, a->decimals, UF_NBSP, ',');
}

static double widest_tick(cairo_t *cr, const axis *a)
{
    char buf[UF_NUMBUF];
    double w = 0;
    for (double v = a->lo; v <= a->hi + a->step * 1e-6; v += a->step)
        w = fmax(w, uf_text_width(cr, tick_label(buf, v, a)));
    return w;
}

/* A range that holds every finite value given and 0 (bars start at 0). */
static void widen(double *lo, double *hi, double v)
{
    if (!isfinite(v))
        return;
    *lo = fmin(*lo, v);
    *hi = fmax(*hi, v);
}

static void no_data(cairo_t *cr, double w, double h, const char *text)
{
    set_colour(cr, UF_COLOUR_MUTED);
    uf_font_use(cr, UF_FONT_REGULAR, 10);
    uf_text_draw(cr, w / 2, h / 2, text, w - 8, UF_ALIGN_CENTER);
}

/* ---- legends ---- */

typedef enum legend_mark { MARK_STATUS, MARK_LINE, MARK_DASH, MARK_TICK, MARK_SWATCH } legend_mark;

typedef struct legend_item {
    legend_mark mark;
    uf_status status; /* MARK_STATUS */
    uf_rgb rgb;       /* the others */
    const char *text;
} legend_item;

static void legend_mark_draw(cairo_t *cr, const legend_item *it, double x, double y)
{
    if (it->mark == MARK_STATUS) {
        uf_chart_badge(cr, x - 1, y, UF_BADGE_MIN, it->status, NULL);
        return;
    }
    uf_style_set(cr, it->rgb);
    if (it->mark == MARK_SWATCH) {
        cairo_rectangle(cr, x, y - 4.5, 11, 9);
        cairo_fill(cr);
    } else if (it->mark == MARK_TICK) {
        cairo_rectangle(cr, x + 4.5, y - 6, 2.5, 12);
        cairo_fill(cr);
    } else {
        double dash[] = {4, 2.5};
        cairo_set_dash(cr, dash, it->mark == MARK_DASH ? 2 : 0, 0);
        cairo_set_line_width(cr, it->mark == MARK_DASH ? 1.5 : 2.5);
        cairo_move_to(cr, x - 2, y);
        cairo_line_to(cr, x + 13, y);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
}

/* Lays items out left to right, wrapping at w; returns the height used. */
static double legend(cairo_t *cr, double x0, double y0, double w, const legend_item *items, size_t n, bool draw)
{
    const double line = 16;
    double x = x0, y = y0 + line / 2;
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    for (size_t i = 0; i < n; i++) {
        double item_w = 15 + uf_text_width(cr, items[i].text) + 12;
        if (x > x0 && x + item_w > x0 + w) {
            x = x0;
            y += line;
        }
        if (draw) {
            legend_mark_draw(cr, &items[i], x, y);
            set_colour(cr, UF_COLOUR_INK);
            uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
            text_mid(cr, x + 15, y, items[i].text, 0, UF_ALIGN_LEFT);
        }
        x += item_w;
    }
    return y + line / 2 - y0;
}

static size_t status_legend(legend_item *items)
{
    for (int s = 0; s < UF_STATUS_COUNT; s++)
        items[s] = (legend_item){MARK_STATUS, (uf_status)s, {0, 0, 0}, uf_status_word((uf_status)s)};
    return UF_STATUS_COUNT;
}

/* ---- trend ---- */

typedef struct trend {
    const uf_model *m;
    size_t ind, first, n; /* the view's window: model years [first, first + n) */
    uf_chart_frame fr;
    axis ax;
} trend;

static const uf_figure *whole_fig(const uf_model *m, size_t y, size_t ind)
{
    return uf_model_figure(m, y, ind, UF_WHOLE_MUNICIPALITY);
}

static bool trend_range(const trend *t, double *lo, double *hi)
{
    *lo = 0, *hi = 0;
    bool any = false;
    for (size_t y = 0; y < t->n; y++) {
        const uf_figure *f = whole_fig(t->m, t->first + y, t->ind);
        widen(lo, hi, f->value);
        widen(lo, hi, f->target);
        any |= isfinite(f->value) || isfinite(f->target);
    }
    return any;
}

static void trend_grid(cairo_t *cr, const trend *t)
{
    char buf[UF_NUMBUF];
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    cairo_set_line_width(cr, 0.6);
    for (double v = t->ax.lo; v <= t->ax.hi + t->ax.step * 1e-6; v += t->ax.step) {
        double y = round(uf_chart_frame_pos(&t->fr, v)) + 0.3;
        set_colour(cr, fabs(v) < t->ax.step * 1e-6 ? UF_COLOUR_AXIS : UF_COLOUR_GRID);
        cairo_move_to(cr, t->fr.x0, y);
        cairo_line_to(cr, t->fr.x1, y);
        cairo_stroke(cr);
        set_colour(cr, UF_COLOUR_MUTED);
        text_mid(cr, t->fr.x0 - 5, y, tick_label(buf, v, &t->ax), 0, UF_ALIGN_RIGHT);
    }
}

static void trend_years(cairo_t *cr, const trend *t)
{
    char year[16];
    for (size_t y = 0; y < t->n; y++) {
        snprintf(year, sizeof year, "%d", t->m->years[t->first + y]);
        set_colour(cr, t->first + y == t->m->report_index ? UF_COLOUR_INK : UF_COLOUR_MUTED);
        uf_font_use(cr, t->first + y == t->m->report_index ? UF_FONT_BOLD : UF_FONT_REGULAR, UF_PT_MIN);
        uf_text_draw(cr, uf_chart_frame_item(&t->fr, y), t->fr.y1 + 13, year, 0, UF_ALIGN_CENTER);
    }
}

/* A target mark, edged in paper so that it shows on top of a point. */
static void diamond(cairo_t *cr, double x, double y, double r)
{
    cairo_move_to(cr, x, y - r);
    cairo_line_to(cr, x + r, y);
    cairo_line_to(cr, x, y + r);
    cairo_line_to(cr, x - r, y);
    cairo_close_path(cr);
    set_colour(cr, UF_COLOUR_PAPER);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke_preserve(cr);
    set_colour(cr, UF_COLOUR_TARGET);
    cairo_fill(cr);
}

static void trend_targets(cairo_t *cr, const trend *t)
{
    double dash[] = {5, 3};
    set_colour(cr, UF_COLOUR_TARGET);
    cairo_set_line_width(cr, 1.5);
    cairo_set_dash(cr, dash, 2, 0);
    for (size_t y = 1; y < t->n; y++) {
        double a = whole_fig(t->m, t->first + y - 1, t->ind)->target, b = whole_fig(t->m, t->first + y, t->ind)->target;
        if (isnan(a) || isnan(b))
            continue;
        cairo_move_to(cr, uf_chart_frame_item(&t->fr, y - 1), uf_chart_frame_pos(&t->fr, a));
        cairo_line_to(cr, uf_chart_frame_item(&t->fr, y), uf_chart_frame_pos(&t->fr, b));
        cairo_stroke(cr);
    }
    cairo_set_dash(cr, NULL, 0, 0);
}

/* Drawn after the points: a target close to the figure stays visible. */
static void trend_diamonds(cairo_t *cr, const trend *t)
{
    for (size_t y = 0; y < t->n; y++) {
        double v = whole_fig(t->m, t->first + y, t->ind)->target;
        if (!isnan(v))
            diamond(cr, uf_chart_frame_item(&t->fr, y), uf_chart_frame_pos(&t->fr, v), 4.5);
    }
}

static void trend_line(cairo_t *cr, const trend *t)
{
    set_colour(cr, UF_COLOUR_SERIES);
    cairo_set_line_width(cr, 2.5);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (size_t y = 1; y < t->n; y++) {
        double a = whole_fig(t->m, t->first + y - 1, t->ind)->value, b = whole_fig(t->m, t->first + y, t->ind)->value;
        if (isnan(a) || isnan(b))
            continue;
        cairo_move_to(cr, uf_chart_frame_item(&t->fr, y - 1), uf_chart_frame_pos(&t->fr, a));
        cairo_line_to(cr, uf_chart_frame_item(&t->fr, y), uf_chart_frame_pos(&t->fr, b));
        cairo_stroke(cr);
    }
}

/* ---- value labels that keep clear of target lines and axis ends ---- */

typedef uf_chart_box box;

static bool boxes_meet(const box *a, const box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Whether the segment from (ax, ay) to (bx, by) enters the box
 * (Liang–Barsky clipping). */
static bool segment_meets(const box *b, double ax, double ay, double bx, double by)
{
    double dx = bx - ax, dy = by - ay, t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy}, q[4] = {ax - b->x0, b->x1 - ax, ay - b->y0, b->y1 - ay};
    for (int k = 0; k < 4; k++) {
        if (p[k] == 0) {
            if (q[k] < 0)
                return false;
            continue;
        }
        double r = q[k] / p[k];
        if (p[k] < 0)
            t0 = fmax(t0, r);
        else
            t1 = fmin(t1, r);
        if (t0 > t1)
            return false;
    }
    return true;
}

static void frame_label(uf_chart_frame *fr, box b)
{
    if (fr->nlabels < UF_CHART_LABELS)
        fr->labels[fr->nlabels++] = b;
}

/* The box of a text of width w and size fs with its baseline at base. */
static box text_box(double left, double base, double w, double fs)
{
    return (box){left - 1, base - 0.76 * fs, left + w + 1, base + 0.24 * fs};
}

/* ---- trend points ---- */

#define POINT_R (UF_BADGE_MIN / 2 + 2) /* the series ring around the status badge */

static bool near_targets(const trend *t, const box *b)
{
    box wide = {b->x0 - 1.5, b->y0 - 1.5, b->x1 + 1.5, b->y1 + 1.5};
    for (size_t y = 0; y < t->n; y++) {
        double x = uf_chart_frame_item(&t->fr, y), v = whole_fig(t->m, t->first + y, t->ind)->target;
        if (isnan(v))
            continue;
        double ty = uf_chart_frame_pos(&t->fr, v);
        box mark = {x - 5.5, ty - 5.5, x + 5.5, ty + 5.5};
        if (boxes_meet(&wide, &mark))
            return true;
        double pv = y > 0 ? whole_fig(t->m, t->first + y - 1, t->ind)->target : NAN;
        if (!isnan(pv) && segment_meets(&wide, uf_chart_frame_item(&t->fr, y - 1), uf_chart_frame_pos(&t->fr, pv), x, ty))
            return true;
    }
    return false;
}

/* Another year's point or the municipal line between points. */
static bool near_series(const trend *t, const box *b)
{
    for (size_t y = 0; y < t->n; y++) {
        double x = uf_chart_frame_item(&t->fr, y), v = whole_fig(t->m, t->first + y, t->ind)->value;
        if (isnan(v))
            continue;
        double py = uf_chart_frame_pos(&t->fr, v);
        box point = {x - POINT_R, py - POINT_R, x + POINT_R, py + POINT_R};
        if (boxes_meet(b, &point))
            return true;
        double pv = y > 0 ? whole_fig(t->m, t->first + y - 1, t->ind)->value : NAN;
        if (!isnan(pv) && segment_meets(b, uf_chart_frame_item(&t->fr, y - 1), uf_chart_frame_pos(&t->fr, pv), x, py))
            return true;
    }
    return false;
}

static bool inside_plot(const trend *t, const box *b)
{
    return b->y0 >= t->fr.y0 && b->y1 <= t->fr.y1 - 1 && b->x0 >= t->fr.x0 && b->x1 <= t->fr.x1;
}

/* Where a point's value goes: above the point when it is at or over the
 * target, below when under, else beside it; the first place clear of the
 * target line and marks and inside the axes, preferring one clear of the
 * municipal line too. */
static box trend_label_place(const trend *t, double x, double py, bool under, double tw, double fs)
{
    double above = py - POINT_R - 1.5 - 0.24 * fs, below = py + POINT_R + 1.5 + 0.76 * fs, mid = py + 0.36 * fs;
    box places[4] = {text_box(x - tw / 2, under ? below : above, tw, fs),
                     text_box(x - tw / 2, under ? above : below, tw, fs),
                     text_box(x + POINT_R + 3, mid, tw, fs), text_box(x - POINT_R - 3 - tw, mid, tw, fs)};
    for (int strict = 1; strict >= 0; strict--)
        for (int k = 0; k < 4; k++)
            if (inside_plot(t, &places[k]) && !near_targets(t, &places[k]) && !(strict && near_series(t, &places[k])))
                return places[k];
    return places[0];
}

/* A point in its status colour with its value beside it. */
static void trend_point(cairo_t *cr, trend *t, size_t y)
{
    const uf_figure *f = whole_fig(t->m, t->first + y, t->ind);
    double x = uf_chart_frame_item(&t->fr, y);
    if (isnan(f->value)) {
        set_colour(cr, UF_COLOUR_MUTED);
        uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
        uf_text_draw(cr, x, t->fr.y1 - 5, uf_msg_text(UF_MSG_CHART_POINT_MISSING), 0, UF_ALIGN_CENTER);
        return;
    }
    double py = uf_chart_frame_pos(&t->fr, f->value);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_SERIES));
    cairo_new_path(cr);
    cairo_arc(cr, x, py, POINT_R, 0, 2 * M_PI);
    cairo_fill(cr);
    uf_chart_badge(cr, x - UF_BADGE_MIN / 2, py, UF_BADGE_MIN, f->status, NULL);
    /* Where years stand close, only the first and the report year carry
     * their value: the labels would run into each other. */
    double spacing = t->n > 1 ? (t->fr.x1 - t->fr.x0 - 2 * t->fr.pad) / (double)(t->n - 1) : t->fr.x1;
    if (spacing < 46 && y != 0 && t->first + y != t->m->report_index)
        return;
    char buf[UF_VALUEBUF];
    uf_style_number(buf, f->value);
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, t->first + y == t->m->report_index ? UF_FONT_BOLD : UF_FONT_REGULAR, UF_PT_MIN);
    double tw = uf_text_width(cr, buf);
    box b = trend_label_place(t, x, py, !isnan(f->target) && f->value < f->target, tw, UF_PT_MIN);
    uf_text_draw(cr, b.x0 + 1, b.y1 - 0.24 * UF_PT_MIN, buf, 0, UF_ALIGN_LEFT);
    frame_label(&t->fr, b);
}

static bool trend_has_target(const trend *t)
{
    for (size_t y = 0; y < t->n; y++)
        if (!isnan(whole_fig(t->m, t->first + y, t->ind)->target))
            return true;
    return false;
}

static double trend_legend(cairo_t *cr, const trend *t, double w, bool draw)
{
    legend_item items[] = {
        {MARK_LINE, 0, uf_style_rgb(UF_COLOUR_SERIES), uf_msg_text(UF_MSG_CHART_LEGEND_SERIES)},
        {MARK_DASH, 0, uf_style_rgb(UF_COLOUR_TARGET), uf_msg_text(UF_MSG_CHART_LEGEND_TARGET)},
    };
    return legend(cr, 0, 0, w, items, trend_has_target(t) ? 2 : 1, draw);
}

/* The axis ends a step above the highest value or target when it would
 * stop too close for a point's label or a target mark. */
static void trend_layout(cairo_t *cr, trend *t, double w, double h, double lo, double hi)
{
    t->ax = nice_axis(lo, hi, h > 200 ? 5 : 4, t->m->plan->indicators[t->ind].whole);
    double top = trend_legend(cr, t, w, false) + 14, headroom = POINT_R + 3 + UF_PT_MIN;
    t->fr = (uf_chart_frame){.y0 = top, .x1 = w - 8, .y1 = h - 20, .vmin = t->ax.lo, .vmax = t->ax.hi, .nitems = t->n, .pad = 26};
    for (int k = 0; k < 8 && uf_chart_frame_pos(&t->fr, hi) - t->fr.y0 < headroom; k++)
        t->fr.vmax = t->ax.hi += t->ax.step;
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    t->fr.x0 = widest_tick(cr, &t->ax) + 9;
}

uf_error uf_chart_trend(cairo_t *cr, double w, double h, const uf_view *v, size_t ind, uf_chart_frame *frame)
{
    const uf_model *m = v->model;
    trend t = {.m = m, .ind = ind, .first = v->first_year, .n = v->nyears_shown};
    double lo, hi;
    cairo_save(cr);
    if (m->nyears == 0 || !trend_range(&t, &lo, &hi)) {
        no_data(cr, w, h, uf_msg_text(UF_MSG_CHART_NO_DATA_YEARS));
    } else {
        trend_layout(cr, &t, w, h, lo, hi);
        trend_legend(cr, &t, w, true);
        trend_grid(cr, &t);
        trend_years(cr, &t);
        trend_targets(cr, &t);
        trend_line(cr, &t);
        for (size_t y = 0; y < t.n; y++)
            trend_point(cr, &t, y);
        trend_diamonds(cr, &t);
    }
    cairo_restore(cr);
    if (frame)
        *frame = t.fr;
    return check(cr);
}

/* ---- unit bars ---- */

typedef enum row_kind { ROW_VALUE, ROW_NO_VALUE, ROW_NOT_REPORTED } row_kind;

typedef struct bar_row {
    size_t unit;
    row_kind kind;
    double value;
    double label_x, label_w; /* the value label's left edge and width */
    double lines, h;         /* the name's lines; the row's height */
} bar_row;

#define NAME_LINE 10.0  /* baselines of a wrapped unit name */
#define ROW_MIN 18.0    /* a row with a one-line name */
#define ROW_MAX 22.0    /* rows grow to this when there is room */
#define MISSING_NAMED 20 /* more units without a value are counted, not named */

typedef struct bars {
    const uf_model *m;
    size_t ind;
    bar_row *rows;      /* units with a value, largest first; then without a value, then not reported */
    size_t nunits;      /* rows */
    size_t nvalued;     /* rows with a value */
    size_t nshown;      /* bars drawn; the others with a value share one row */
    size_t nrows;       /* nshown, and that row */
    size_t missing[3];  /* rows of each kind without a value */
    bool whole_target;  /* the municipal target compares with a unit's figure */
    uf_chart_frame fr;
    axis ax;
    double label_w, thick, top, missing_h, legend_h;
    char *missing_text[2]; /* "Inget värde 2025: A, B", "Har inte rapporterat 2025: C" */
    legend_item items[UF_STATUS_COUNT + 2];
    size_t nitems;
} bars;

/* Largest first; ties in plan order, so the drawing is reproducible. */
static int bar_cmp(const void *pa, const void *pb)
{
    const bar_row *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->kind == ROW_VALUE && a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return a->unit < b->unit ? -1 : a->unit > b->unit;
}

static void bars_collect(bars *b, size_t top)
{
    const uf_model *m = b->m;
    b->rows = uf_xmalloc((m->plan->nunits + 1) * sizeof(bar_row));
    for (size_t u = 0; u < m->plan->nunits; u++) {
        const uf_figure *f = uf_model_figure(m, m->report_index, b->ind, u);
        if (!f->applies)
            continue; /* ej aktuell: not the unit's to report */
        row_kind k = !isnan(f->value) ? ROW_VALUE
                     : m->nyears && uf_model_unit_reported(m, m->report_index, u) ? ROW_NO_VALUE
                                                                                    : ROW_NOT_REPORTED;
        b->rows[b->nunits++] = (bar_row){u, k, f->value, 0, 0, 1, 0};
        b->missing[k]++;
    }
    qsort(b->rows, b->nunits, sizeof(bar_row), bar_cmp);
    b->nvalued = b->missing[ROW_VALUE];
    /* One row for "the rest" only pays when it stands for two or more units. */
    b->nshown = b->nvalued <= top + 1 ? b->nvalued : top;
    b->nrows = b->nshown + (b->nshown < b->nvalued);
    b->whole_target = m->plan->indicators[b->ind].aggregation != UF_AGG_SUM;
}

/* Rows have a place each in uf_chart_frame. */
static size_t top_rows(size_t top) { return top == 0 ? 1 : top < UF_CHART_LABELS ? top : UF_CHART_LABELS - 1; }

/* The widest word of s. */
static double longest_word(cairo_t *cr, const char *s)
{
    double w = 0;
    char *copy = uf_xstrdup(s);
    for (char *save = NULL, *word = strtok_r(copy, " ", &save); word; word = strtok_r(NULL, " ", &save))
        w = fmax(w, uf_text_width(cr, word));
    free(copy);
    return w;
}

static void bars_free(bars *b)
{
    free(b->rows);
    free(b->missing_text[0]);
    free(b->missing_text[1]);
}

static const uf_figure *unit_fig(const bars *b, size_t row)
{
    return uf_model_figure(b->m, b->m->report_index, b->ind, b->rows[row].unit);
}

static double whole_target(const bars *b)
{
    return b->whole_target && b->m->nyears ? whole_fig(b->m, b->m->report_index, b->ind)->target : NAN;
}

static bool own_target(const bars *b, size_t row)
{
    const uf_figure *f = unit_fig(b, row);
    return f->target_source == UF_TARGET_OWN && isfinite(f->target);
}

static void bars_range(const bars *b, double *lo, double *hi)
{
    *lo = 0, *hi = 0;
    for (size_t i = 0; i < b->nshown; i++) {
        widen(lo, hi, b->rows[i].value);
        if (own_target(b, i))
            widen(lo, hi, unit_fig(b, i)->target);
    }
    widen(lo, hi, whole_target(b));
}

static void value_label(char *buf, const bars *b, size_t row)
{
    char v[UF_VALUEBUF];
    const uf_figure *f = unit_fig(b, row);
    snprintf(buf, UF_VALUEBUF + 8, "%s %s", uf_style_value(v, f->value, &b->m->plan->indicators[b->ind]),
             uf_status_symbol(f->status));
}

/* The units of one kind without a value, named (or counted when many):
 * "Inget värde 2025: Miljöförvaltningen, Älvstads Hamn AB". */
static char *missing_line(const bars *b, row_kind kind)
{
    size_t n = b->missing[kind], first = b->nvalued + (kind == ROW_NOT_REPORTED ? b->missing[ROW_NO_VALUE] : 0);
    if (n == 0)
        return NULL;
    uf_strbuf names = {0};
    if (n <= MISSING_NAMED) {
        for (size_t k = first; k < first + n; k++) {
            if (k > first)
                uf_strbuf_puts(&names, ", ");
            uf_strbuf_puts(&names, b->m->plan->units[b->rows[k].unit].name);
        }
    } else {
        char c[UF_NUMBUF];
        char *count = uf_msg_format(UF_MSG_CHART_UNITS_N, uf_style_count(c, n));
        uf_strbuf_puts(&names, count ? count : "");
        free(count);
    }
    char year[16];
    snprintf(year, sizeof year, "%d", b->m->report_year);
    char *line = uf_msg_format(kind == ROW_NO_VALUE ? UF_MSG_CHART_UNITS_NO_VALUE : UF_MSG_CHART_UNITS_NOT_REPORTED, year,
                               names.data ? names.data : "");
    uf_strbuf_free(&names);
    return line;
}

static const char *rest_label(char *buf, size_t size, const bars *b)
{
    char n[UF_NUMBUF];
    char *text = uf_msg_format(UF_MSG_CHART_BAR_OTHERS, uf_style_count(n, b->nvalued - b->nshown));
    snprintf(buf, size, "%s", text ? text : "");
    free(text);
    return buf;
}

static size_t bars_legend_items(const bars *b, legend_item *items)
{
    size_t n = status_legend(items);
    bool unit_targets = false;
    for (size_t i = 0; i < b->nshown; i++)
        unit_targets |= own_target(b, i);
    if (unit_targets)
        items[n++] = (legend_item){MARK_TICK, 0, uf_style_rgb(UF_COLOUR_TARGET), uf_msg_text(UF_MSG_CHART_LEGEND_OWN)};
    if (isfinite(whole_target(b)))
        items[n++] = (legend_item){MARK_DASH, 0, uf_style_rgb(UF_COLOUR_TARGET), uf_msg_text(UF_MSG_CHART_LEGEND_WHOLE)};
    return n;
}

/* Everything but the value axis: the name column (names wrap, never cut),
 * the lines naming the units without a value, and the legend. */
static void bars_measure(cairo_t *cr, bars *b, double w)
{
    const uf_plan *p = b->m->plan;
    char rest[96];
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    double names = b->nshown < b->nvalued ? uf_text_width(cr, rest_label(rest, sizeof rest, b)) : 0;
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    for (size_t i = 0; i < b->nshown; i++)
        names = fmax(names, uf_text_width(cr, p->units[b->rows[i].unit].name));
    /* The longest word fits, so that no word is broken. */
    double word = 0;
    for (size_t i = 0; i < b->nshown; i++)
        word = fmax(word, longest_word(cr, p->units[b->rows[i].unit].name));
    b->label_w = fmax(fmin(fmax(names + 10, 60), w * 0.4), fmin(word + 10, w * 0.55));
    for (size_t i = 0; i < b->nshown; i++)
        b->rows[i].lines = (double)uf_text_wrap(cr, 0, 0, b->label_w - 6, 0, NAME_LINE, SIZE_MAX, p->units[b->rows[i].unit].name, false);
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    if (b->nshown < b->nvalued)
        b->rows[b->nshown].lines = (double)uf_text_wrap(cr, 0, 0, b->label_w - 6, 0, NAME_LINE, SIZE_MAX, rest, false);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    b->top = b->whole_target && isfinite(whole_target(b)) ? 30 : 18;
    b->missing_h = 0;
    for (int k = 0; k < 2; k++) {
        b->missing_text[k] = missing_line(b, k ? ROW_NOT_REPORTED : ROW_NO_VALUE);
        if (b->missing_text[k])
            b->missing_h += UF_LINE_MIN * (double)uf_text_wrap(cr, 0, 0, w, 0, UF_LINE_MIN, SIZE_MAX, b->missing_text[k], false);
    }
    b->nitems = bars_legend_items(b, b->items);
    b->legend_h = legend(cr, 0, 0, w, b->items, b->nitems, false);
}

/* A row is as tall as its name. */
static double row_least(const bars *b, size_t i) { return fmax(ROW_MIN, b->rows[i].lines * NAME_LINE + 4); }

static double rows_least(const bars *b)
{
    double h = 0;
    for (size_t i = 0; i < b->nrows; i++)
        h += row_least(b, i);
    return h;
}

static double bars_natural_height(const bars *b)
{
    double rows = b->nrows ? b->top + rows_least(b) + 8 : 0;
    return rows + b->missing_h + (b->missing_h > 0 ? 6 : 0) + (b->nrows ? b->legend_h : 0);
}

/* Rows at their least height, grown towards ROW_MAX where there is room. */
static double bars_rows_layout(bars *b, double plot_h)
{
    double grow = fmax(0, (plot_h - rows_least(b)) / (double)b->nrows), y = b->top;
    for (size_t i = 0; i < b->nrows; i++) {
        double least = row_least(b, i);
        b->rows[i].h = least + fmax(0, fmin(grow, ROW_MAX - least));
        y += b->rows[i].h;
    }
    /* Bars as thick as a one-line row allows, the same in every row. */
    b->thick = fmin(14, (ROW_MIN + fmax(0, fmin(grow, ROW_MAX - ROW_MIN))) * 0.62);
    return y;
}

/* The right end of a bar and its own target mark. */
static double bar_right(const bars *b, size_t i)
{
    double zero = uf_chart_frame_pos(&b->fr, fmax(0, b->ax.lo)), right = fmax(uf_chart_frame_pos(&b->fr, b->rows[i].value), zero);
    if (own_target(b, i))
        right = fmax(right, uf_chart_frame_pos(&b->fr, unit_fig(b, i)->target) + 1.25);
    return right;
}

/* Each value label goes right after its bar and own target mark, or past
 * the municipal target line where it would cross it. Returns how far the
 * furthest label or target reaches past the end of the axis (<= 0: none). */
static double bars_place_labels(bars *b)
{
    double t = whole_target(b), tx = isfinite(t) ? uf_chart_frame_pos(&b->fr, t) : NAN, over = -INFINITY;
    for (size_t i = 0; i < b->nshown; i++) {
        bar_row *r = &b->rows[i];
        r->label_x = bar_right(b, i) + 4;
        if (!isnan(tx) && r->label_x - 3 < tx && r->label_x + r->label_w + 3 > tx)
            r->label_x = tx + 4;
        over = fmax(over, r->label_x + r->label_w + 1 - b->fr.x1);
        if (own_target(b, i))
            over = fmax(over, uf_chart_frame_pos(&b->fr, unit_fig(b, i)->target) + 6 - b->fr.x1);
    }
    if (!isnan(tx))
        over = fmax(over, tx + 6 - b->fr.x1);
    return over;
}

static void bars_layout(cairo_t *cr, bars *b, double w, double h)
{
    const uf_indicator *ind = &b->m->plan->indicators[b->ind];
    double plot_h = h - b->top - 8 - b->missing_h - (b->missing_h > 0 ? 6 : 0) - b->legend_h;
    double y1 = bars_rows_layout(b, plot_h);
    char buf[UF_VALUEBUF + 8];
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    for (size_t i = 0; i < b->nshown; i++) {
        value_label(buf, b, i);
        b->rows[i].label_w = uf_text_width(cr, buf);
    }
    double lo, hi;
    bars_range(b, &lo, &hi);
    /* Lengthen the axis until every label fits before its end: the bars
     * then end further left. */
    for (int pass = 0; pass < 24; pass++) {
        b->ax = nice_axis(lo, hi, w > 400 ? 5 : 4, ind->whole);
        b->fr = (uf_chart_frame){.x0 = b->label_w, .y0 = b->top, .x1 = w - 2, .y1 = y1,
                                 .vmin = b->ax.lo, .vmax = b->ax.hi, .nitems = b->nrows, .horizontal = true, .rows_vary = true};
        for (size_t i = 0; i < b->nrows; i++)
            b->fr.row_y[i] = (i ? b->fr.row_y[i - 1] + b->rows[i - 1].h / 2 : b->top) + b->rows[i].h / 2;
        if (bars_place_labels(b) <= 0)
            break;
        hi = b->ax.hi + b->ax.step / 2;
    }
}

static void bars_grid(cairo_t *cr, const bars *b)
{
    char buf[UF_NUMBUF];
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    cairo_set_line_width(cr, 0.6);
    for (double v = b->ax.lo; v <= b->ax.hi + b->ax.step * 1e-6; v += b->ax.step) {
        double x = round(uf_chart_frame_pos(&b->fr, v)) + 0.3;
        set_colour(cr, fabs(v) < b->ax.step * 1e-6 ? UF_COLOUR_AXIS : UF_COLOUR_GRID);
        cairo_move_to(cr, x, b->fr.y0 - 2);
        cairo_line_to(cr, x, b->fr.y1);
        cairo_stroke(cr);
        set_colour(cr, UF_COLOUR_MUTED);
        const char *tick = tick_label(buf, v, &b->ax);
        /* The last tick's label ends at the axis end, not past it. */
        double tw = uf_text_width(cr, tick);
        uf_text_draw(cr, fmin(x, b->fr.x1 - tw / 2), b->fr.y0 - 5, tick, 0, UF_ALIGN_CENTER);
    }
}

static void bar_value(cairo_t *cr, bars *b, size_t i, double y)
{
    const uf_figure *f = unit_fig(b, i);
    double zero = uf_chart_frame_pos(&b->fr, fmax(0, b->ax.lo)), end = uf_chart_frame_pos(&b->fr, f->value);
    double thick = b->thick;
    uf_style_set(cr, uf_style_status_rgb(f->status));
    cairo_rectangle(cr, fmin(zero, end), y - thick / 2, fmax(fabs(end - zero), 1), thick);
    cairo_fill(cr);
    if (own_target(b, i)) {
        set_colour(cr, UF_COLOUR_TARGET);
        double tx = uf_chart_frame_pos(&b->fr, f->target);
        cairo_rectangle(cr, tx - 1.25, y - thick / 2 - 3, 2.5, thick + 6);
        cairo_fill(cr);
    }
    char buf[UF_VALUEBUF + 8];
    value_label(buf, b, i);
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    text_mid_plate(cr, b->rows[i].label_x, y, buf, 0);
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    frame_label(&b->fr, text_box(b->rows[i].label_x, y + fe.ascent * 0.36, b->rows[i].label_w, UF_PT_MIN));
}

/* The units past the top as one row: how many, and their range. */
static void bar_rest(cairo_t *cr, const bars *b, double y)
{
    const uf_indicator *ind = &b->m->plan->indicators[b->ind];
    char label[96], lo[UF_VALUEBUF], hi[UF_VALUEBUF];
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    uf_text_wrap(cr, 0, y + 3.3, b->label_w - 6, 0, NAME_LINE, SIZE_MAX, rest_label(label, sizeof label, b), true);
    char *range = uf_msg_format(UF_MSG_CHART_REST_RANGE, uf_style_value(lo, b->rows[b->nvalued - 1].value, ind),
                                uf_style_value(hi, b->rows[b->nshown].value, ind));
    set_colour(cr, UF_COLOUR_MUTED);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    text_mid(cr, b->fr.x0 + 4, y, range ? range : "", 0, UF_ALIGN_LEFT);
    free(range);
}

static void bars_rows(cairo_t *cr, bars *b)
{
    const uf_plan *p = b->m->plan;
    for (size_t i = 0; i < b->nrows; i++) {
        double y = uf_chart_frame_item(&b->fr, i);
        if (i == b->nshown) {
            bar_rest(cr, b, y);
            continue;
        }
        const char *name = p->units[b->rows[i].unit].name;
        set_colour(cr, UF_COLOUR_INK);
        uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
        double lines = (double)uf_text_wrap(cr, 0, 0, b->label_w - 6, 0, NAME_LINE, SIZE_MAX, name, false);
        uf_text_wrap(cr, 0, y + 3.3 - (lines - 1) * NAME_LINE / 2, b->label_w - 6, 0, NAME_LINE, SIZE_MAX, name, true);
        bar_value(cr, b, i, y);
    }
}

/* The municipal target as a dashed line across the bars, labelled on top. */
static void bars_whole_target(cairo_t *cr, const bars *b, double w)
{
    double t = whole_target(b);
    if (isnan(t))
        return;
    double x = uf_chart_frame_pos(&b->fr, t), dash[] = {4, 2.5};
    set_colour(cr, UF_COLOUR_TARGET);
    cairo_set_line_width(cr, 1.5);
    cairo_set_dash(cr, dash, 2, 0);
    /* Across the bars, and beside its label above the ticks; not through
     * the tick labels. */
    cairo_move_to(cr, x, b->fr.y0 - 27);
    cairo_line_to(cr, x, b->fr.y0 - 15);
    cairo_move_to(cr, x, b->fr.y0 - 1);
    cairo_line_to(cr, x, b->fr.y1);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    char v[UF_VALUEBUF];
    char *text = uf_msg_xformat(UF_MSG_CHART_WHOLE_TARGET, uf_style_value(v, t, &b->m->plan->indicators[b->ind]));
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    double tw = uf_text_width(cr, text);
    bool left = x + 4 + tw > w;
    uf_text_draw(cr, left ? x - 4 : x + 4, b->fr.y0 - 18, text, 0, left ? UF_ALIGN_RIGHT : UF_ALIGN_LEFT);
    free(text);
}

/* The units without a value, named on a line of their own. */
static void bars_missing(cairo_t *cr, const bars *b, double w, double y)
{
    set_colour(cr, UF_COLOUR_MUTED);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    for (int k = 0; k < 2; k++)
        if (b->missing_text[k])
            y += UF_LINE_MIN * (double)uf_text_wrap(cr, 0, y + UF_PT_MIN, w, 0, UF_LINE_MIN, SIZE_MAX, b->missing_text[k], true);
}

double uf_chart_unit_bars_height(cairo_t *cr, double w, const uf_model *m, size_t ind, size_t top)
{
    bars b = {.m = m, .ind = ind};
    double h = 40; /* "Underlag saknas" */
    cairo_save(cr);
    if (m->nyears > 0)
        bars_collect(&b, top_rows(top));
    if (b.nunits > 0) {
        bars_measure(cr, &b, w);
        h = bars_natural_height(&b);
    }
    cairo_restore(cr);
    bars_free(&b);
    return h;
}

uf_error uf_chart_unit_bars(cairo_t *cr, double w, double h, const uf_model *m, size_t ind, size_t top,
                            uf_chart_frame *frame)
{
    bars b = {.m = m, .ind = ind};
    cairo_save(cr);
    if (m->nyears > 0)
        bars_collect(&b, top_rows(top));
    if (b.nunits == 0) {
        no_data(cr, w, h, uf_msg_text(m->plan->nunits ? UF_MSG_WORD_MISSING : UF_MSG_CHART_NO_UNITS));
    } else {
        bars_measure(cr, &b, w);
        double y = 0;
        if (b.nrows > 0) {
            bars_layout(cr, &b, w, h);
            bars_grid(cr, &b);
            bars_whole_target(cr, &b, w);
            bars_rows(cr, &b);
            y = b.fr.y1 + 8;
        }
        bars_missing(cr, &b, w, y);
        if (b.nrows > 0) {
            cairo_translate(cr, 0, y + b.missing_h + (b.missing_h > 0 ? 6 : 0));
            legend(cr, 0, 0, w, b.items, b.nitems, true);
        }
    }
    cairo_restore(cr);
    bars_free(&b);
    if (frame)
        *frame = b.fr;
    return check(cr);
}

/* ---- goal overview ---- */

size_t uf_chart_overview_rows(const uf_model *m) { return m->plan->ngoals + m->plan->nindicators; }

/* The row-th overview row: a goal (ind = SIZE_MAX) or one of its indicators. */
static void overview_row(const uf_plan *p, size_t row, size_t *goal, size_t *ind)
{
    size_t k = 0;
    for (size_t g = 0; g < p->ngoals; g++) {
        if (k++ == row) {
            *goal = g, *ind = SIZE_MAX;
            return;
        }
        for (size_t i = 0; i < p->nindicators; i++) {
            if (p->indicators[i].goal == g && k++ == row) {
                *goal = g, *ind = i;
                return;
            }
        }
    }
    *goal = SIZE_MAX, *ind = SIZE_MAX;
}

/* "Mål 1:", the id cut at 40 bytes (a character). */
static void goal_label(char *buf, size_t size, const char *id)
{
    char cut[48];
    snprintf(cut, sizeof cut, "%.*s", uf_utf8_prefix(id, 40), id);
    char *label = uf_msg_xformat(UF_MSG_GOAL_ID, cut);
    snprintf(buf, size, "%s:", label);
    free(label);
}

/* Status counts, right-aligned at x: "✔ 2  ◐ 1  ✖ 0  – 0". */
static void count_chips(cairo_t *cr, const uf_model *m, size_t goal, double x, double y)
{
    char n[UF_NUMBUF];
    for (int s = UF_STATUS_COUNT - 1; s >= 0; s--) {
        size_t c = m->nyears ? uf_model_goal_count(m, m->report_index, goal, (uf_status)s) : 0;
        set_colour(cr, c ? UF_COLOUR_INK : UF_COLOUR_MUTED);
        uf_font_use(cr, UF_FONT_BOLD, 9);
        x -= fmax(uf_text_draw(cr, x, y + 3.2, uf_style_count(n, c), 0, UF_ALIGN_RIGHT), 12);
        uf_chart_badge(cr, x - 16, y, UF_BADGE_MIN, (uf_status)s, NULL);
        x -= 26;
    }
}

#define OVERVIEW_GOAL_LINE 13.0 /* a goal's name, wrapped */
#define OVERVIEW_LINE UF_LINE_MIN /* an indicator's */

/* Wraps s into lines of at most width at x, the lines centred on y;
 * draw false only counts them. Returns the lines (at least one). */
static size_t text_mid_wrap(cairo_t *cr, double x, double y, double width, double line, const char *s, bool draw)
{
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    size_t lines = uf_text_wrap(cr, 0, 0, width, 0, line, SIZE_MAX, s, false);
    if (lines == 0)
        lines = 1;
    if (draw)
        uf_text_wrap(cr, x, y + fe.ascent * 0.36 - (double)(lines - 1) * line / 2, width, 0, line, SIZE_MAX, s, true);
    return lines;
}

/* The goal row's name: after "Mål 1:", left of the counts. */
static size_t overview_goal_name(cairo_t *cr, const uf_model *m, size_t g, double w, double y, bool draw)
{
    const uf_goal *goal = &m->plan->goals[g];
    char title[80];
    goal_label(title, sizeof title, goal->id);
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_BOLD, 10);
    double tw = (draw ? text_mid(cr, 6, y, title, 0, UF_ALIGN_LEFT) : uf_text_width(cr, title)) + 5;
    return text_mid_wrap(cr, 6 + tw, y, w - 6 - tw - 180, OVERVIEW_GOAL_LINE, goal->name, draw);
}

/* y: the row's middle; rh: its height. */
static void overview_goal(cairo_t *cr, const uf_model *m, size_t g, double w, double y, double rh)
{
    set_colour(cr, UF_COLOUR_GRID);
    cairo_rectangle(cr, 0, y - rh / 2 + 1, w, rh - 2);
    cairo_fill(cr);
    overview_goal_name(cr, m, g, w, y, true);
    count_chips(cr, m, g, w - 6, y);
}

/* "41 (mål 45, 2024: 38)", right-aligned in the row. */
static char *overview_figures(const uf_model *m, size_t i)
{
    const uf_indicator *ind = &m->plan->indicators[i];
    const uf_figure *f = whole_fig(m, m->report_index, i);
    char v[UF_VALUEBUF], t[UF_VALUEBUF], pv[UF_VALUEBUF], py[UF_YEARBUF];
    uf_style_value(v, f->value, ind);
    uf_style_year(py, m->report_year - 1);
    return isnan(f->target) ? uf_msg_xformat(UF_MSG_CHART_OVERVIEW_NO_TARGET, v, py, uf_style_value(pv, f->previous, ind))
                            : uf_msg_xformat(UF_MSG_CHART_OVERVIEW_TARGET, v, uf_style_value(t, f->target, ind), py,
                                             uf_style_value(pv, f->previous, ind));
}

/* The indicator row's name, between its symbol and its figures. */
static size_t overview_indicator_name(cairo_t *cr, const uf_model *m, size_t i, double w, double y, bool draw)
{
    char *text = overview_figures(m, i);
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    double fw = fmin(uf_text_width(cr, text ? text : ""), w * 0.4);
    if (draw)
        text_mid(cr, w - 6, y, text ? text : "", w * 0.4, UF_ALIGN_RIGHT);
    free(text);
    return text_mid_wrap(cr, 130, y, w - 130 - fw - 16, OVERVIEW_LINE, m->plan->indicators[i].name, draw);
}

static void overview_indicator(cairo_t *cr, const uf_model *m, size_t i, double w, double y)
{
    const uf_figure *f = whole_fig(m, m->report_index, i);
    uf_chart_badge(cr, 10, y, UF_BADGE_MIN, f->status, uf_chart_word(f));
    overview_indicator_name(cr, m, i, w, y, true);
}

double uf_chart_overview_row_h(cairo_t *cr, double w, double row_h, const uf_model *m, size_t row)
{
    size_t g, i;
    overview_row(m->plan, row, &g, &i);
    if (g == SIZE_MAX)
        return row_h;
    cairo_save(cr);
    size_t lines = i == SIZE_MAX ? overview_goal_name(cr, m, g, w, 0, false) : overview_indicator_name(cr, m, i, w, 0, false);
    cairo_restore(cr);
    return row_h + (i == SIZE_MAX ? OVERVIEW_GOAL_LINE : OVERVIEW_LINE) * (double)(lines - 1);
}

uf_error uf_chart_goal_overview(cairo_t *cr, double w, double row_h, const uf_model *m, size_t first, size_t count)
{
    size_t total = uf_chart_overview_rows(m);
    if (first > total)
        first = total;
    if (count > total - first)
        count = total - first;
    cairo_save(cr);
    double y = 0;
    for (size_t r = 0; r < count && m->nyears; r++) {
        size_t g, i;
        overview_row(m->plan, first + r, &g, &i);
        double h = uf_chart_overview_row_h(cr, w, row_h, m, first + r);
        if (i == SIZE_MAX)
            overview_goal(cr, m, g, w, y + h / 2, h);
        else
            overview_indicator(cr, m, i, w, y + h / 2);
        y += h;
    }
    cairo_restore(cr);
    return check(cr);
}

/* ---- goal counts ---- */

static size_t goal_size(const uf_plan *p, size_t g)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nindicators; i++)
        n += p->indicators[i].goal == g;
    return n;
}

static void count_bar(cairo_t *cr, const uf_model *m, size_t g, double x, double w, double y, double bh)
{
    size_t total = goal_size(m->plan, g);
    char n[UF_NUMBUF], label[UF_NUMBUF + 8];
    for (int s = 0; s < UF_STATUS_COUNT && total; s++) {
        size_t c = uf_model_goal_count(m, m->report_index, g, (uf_status)s);
        if (!c)
            continue;
        double sw = w * (double)c / (double)total;
        uf_style_set(cr, uf_style_status_rgb((uf_status)s));
        cairo_rectangle(cr, x, y - bh / 2, sw - 1, bh);
        cairo_fill(cr);
        snprintf(label, sizeof label, "%s %s", uf_style_count(n, c),
                 uf_status_symbol((uf_status)s));
        set_on_status(cr, (uf_status)s);
        uf_font_use(cr, UF_FONT_BOLD, 9.5);
        if (uf_text_width(cr, label) + 6 < sw)
            text_mid(cr, x + sw / 2, y, label, 0, UF_ALIGN_CENTER);
        x += sw;
    }
}

#define COUNTS_ROW_H 24.0
#define COUNTS_LINE 11.5

/* A goal's label in the counts: "Mål 1:" and its name, wrapped in the
 * left part; returns the lines. */
static size_t counts_label(cairo_t *cr, const uf_plan *p, size_t g, double label_w, double y, bool draw)
{
    char title[80];
    goal_label(title, sizeof title, p->goals[g].id);
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_BOLD, 9.5);
    double tw = (draw ? text_mid(cr, 0, y, title, 0, UF_ALIGN_LEFT) : uf_text_width(cr, title)) + 4;
    uf_font_use(cr, UF_FONT_REGULAR, 9.5);
    return text_mid_wrap(cr, tw, y, label_w - tw - 8, COUNTS_LINE, p->goals[g].name, draw);
}

static double counts_row_h(cairo_t *cr, const uf_plan *p, size_t g, double label_w)
{
    cairo_save(cr);
    size_t lines = counts_label(cr, p, g, label_w, 0, false);
    cairo_restore(cr);
    return COUNTS_ROW_H + COUNTS_LINE * (double)(lines - 1);
}

double uf_chart_goal_counts_height(cairo_t *cr, double w, const uf_model *m)
{
    legend_item items[UF_STATUS_COUNT];
    size_t n = status_legend(items);
    cairo_save(cr);
    double h = legend(cr, 0, 0, w, items, n, false) + 6;
    for (size_t g = 0; g < m->plan->ngoals && m->nyears; g++)
        h += counts_row_h(cr, m->plan, g, w * 0.45);
    cairo_restore(cr);
    return h;
}

uf_error uf_chart_goal_counts(cairo_t *cr, double w, const uf_model *m)
{
    const uf_plan *p = m->plan;
    legend_item items[UF_STATUS_COUNT];
    size_t n = status_legend(items);
    cairo_save(cr);
    double label_w = w * 0.45, y = 0;
    for (size_t g = 0; g < p->ngoals && m->nyears; g++) {
        double rh = counts_row_h(cr, p, g, label_w), mid = y + rh / 2;
        counts_label(cr, p, g, label_w, mid, true);
        if (goal_size(p, g))
            count_bar(cr, m, g, label_w, w - label_w, mid, COUNTS_ROW_H * 0.66);
        else
            text_mid(cr, label_w, mid, uf_msg_text(UF_MSG_CHART_NO_INDICATORS), 0, UF_ALIGN_LEFT);
        y += rh;
    }
    cairo_translate(cr, 0, y + 6);
    legend(cr, 0, 0, w, items, n, true);
    cairo_restore(cr);
    return check(cr);
}

/* ---- partner activity ---- */

#define PARTNER_LINE 11.0 /* a wrapped name's lines */

typedef struct partners {
    const uf_model *m;
    size_t y0, ny, shown;
    double name_w, flag_w, cell_w, rh;
    uint32_t max;
} partners;

static uint32_t partner_count(const partners *c, size_t y, size_t k)
{
    return c->m->partner_rows[y * c->m->plan->npartners + k];
}

static void partner_header(cairo_t *cr, const partners *c)
{
    char year[16];
    set_colour(cr, UF_COLOUR_MUTED);
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    uf_text_draw(cr, 0, 10, uf_msg_text(UF_MSG_CHART_PARTNER_HEAD), c->name_w - 6, UF_ALIGN_LEFT);
    for (size_t j = 0; j < c->ny; j++) {
        snprintf(year, sizeof year, "%d", c->m->years[c->y0 + j]);
        uf_text_draw(cr, c->name_w + c->cell_w * (double)j + 2, 10, year, 0, UF_ALIGN_LEFT);
    }
    uf_text_draw(cr, c->name_w + c->cell_w * (double)c->ny + 4, 10, uf_msg_text(UF_MSG_CHART_PARTNER_AGREEMENT), c->flag_w,
                 UF_ALIGN_LEFT);
}

static void partner_cell(cairo_t *cr, const partners *c, size_t j, uint32_t n, double y)
{
    double x = c->name_w + c->cell_w * (double)j + 2;
    double room = c->cell_w - 34;
    if (n > 0) {
        uf_style_set(cr, j + 1 == c->ny ? uf_style_rgb(UF_COLOUR_SERIES) : uf_style_earlier_year());
        double bw = fmax(2, room * (double)n / (double)c->max);
        cairo_rectangle(cr, x, y - c->rh * 0.3, bw, c->rh * 0.6);
        cairo_fill(cr);
        x += bw;
    }
    char buf[UF_NUMBUF];
    set_colour(cr, n ? UF_COLOUR_INK : UF_COLOUR_MUTED);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    text_mid(cr, x + 3, y, uf_style_count(buf, n), 0, UF_ALIGN_LEFT);
}

static char *partner_label(const uf_partner *p)
{
    char *name = uf_xmalloc(strlen(p->name) + strlen(p->country) + 8);
    sprintf(name, *p->country ? "%s (%s)" : "%s", p->name, p->country);
    return name;
}

/* The lines of a partner's name in its column: a long one wraps rather
 * than losing its end (or its country). */
static size_t partner_name_lines(cairo_t *cr, const partners *c, size_t k)
{
    char *name = partner_label(&c->m->plan->partners[k]);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    size_t lines = uf_text_wrap(cr, 0, 0, c->name_w - 6, 0, PARTNER_LINE, SIZE_MAX, name, false);
    free(name);
    return lines ? lines : 1;
}

static double partner_row_h(cairo_t *cr, const partners *c, size_t k)
{
    return c->rh + PARTNER_LINE * (double)(partner_name_lines(cr, c, k) - 1);
}

/* y: the middle of the row's first line, where its bars are. */
static void partner_row(cairo_t *cr, const partners *c, size_t k, double y)
{
    char *name = partner_label(&c->m->plan->partners[k]);
    cairo_font_extents_t fe;
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    cairo_font_extents(cr, &fe);
    uf_text_wrap(cr, 0, y + fe.ascent * 0.36, c->name_w - 6, 0, PARTNER_LINE, SIZE_MAX, name, true);
    free(name);
    for (size_t j = 0; j < c->ny; j++)
        partner_cell(cr, c, j, partner_count(c, c->y0 + j, k), y);
    double x = c->name_w + c->cell_w * (double)c->ny + 4;
    if (c->m->partner_review[k]) {
        uf_chart_badge(cr, x, y, UF_BADGE_MIN, UF_STATUS_RED, NULL);
        set_colour(cr, UF_COLOUR_INK);
        uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
        text_mid(cr, x + UF_BADGE_MIN + 4, y, uf_msg_text(UF_MSG_CHART_REVIEW), 0, UF_ALIGN_LEFT);
    } else {
        set_colour(cr, UF_COLOUR_MUTED);
        uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
        text_mid(cr, x, y, uf_msg_text(UF_MSG_CHART_ACTIVE), 0, UF_ALIGN_LEFT);
    }
}

static void partner_rest(cairo_t *cr, const partners *c, double y)
{
    size_t np = c->m->plan->npartners, review = 0;
    for (size_t k = c->shown; k < np; k++)
        review += c->m->partner_review[k];
    char a[UF_NUMBUF], b[UF_NUMBUF];
    char *text = uf_msg_xformat(UF_MSG_CHART_PARTNER_REST, uf_style_count(a, (np - c->shown)), uf_style_count(b, review));
    set_colour(cr, UF_COLOUR_MUTED);
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    text_mid(cr, 0, y, text, 0, UF_ALIGN_LEFT);
    free(text);
}

static void partner_layout(cairo_t *cr, partners *c, const uf_view *v, double w, double h, size_t max_partners)
{
    const uf_model *m = c->m;
    size_t np = m->plan->npartners;
    c->y0 = v->first_year;
    c->ny = v->nyears_shown;
    c->shown = np <= max_partners + 1 ? np : max_partners;
    for (size_t k = 0; k < np; k++)
        for (size_t j = 0; j < c->ny; j++)
            c->max = partner_count(c, c->y0 + j, k) > c->max ? partner_count(c, c->y0 + j, k) : c->max;
    if (c->max == 0)
        c->max = 1;
    uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
    c->flag_w = uf_text_width(cr, uf_msg_text(UF_MSG_CHART_REVIEW)) + UF_BADGE_MIN + 12;
    /* The name column is as wide as the longest name (up to half the
     * chart), so that no partner loses its name or its country. */
    double names = 0;
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    for (size_t k = 0; k < c->shown; k++) {
        const uf_partner *p = &m->plan->partners[k];
        names = fmax(names, uf_text_width(cr, p->name) + (*p->country ? uf_text_width(cr, p->country) + 12 : 0));
    }
    c->name_w = fmin(fmax(w * 0.34, names + 10), w * 0.5);
    c->cell_w = (w - c->name_w - c->flag_w) / (double)c->ny;
    c->rh = 18;
    double need = 18 + c->rh * (double)(c->shown < np);
    for (size_t k = 0; k < c->shown; k++)
        need += partner_row_h(cr, c, k);
    if (h > 0 && need > h) /* squeezed: a line each, wrapped names closer */
        c->rh = fmax(PARTNER_LINE, 18 - (need - h) / (double)(c->shown + (c->shown < np)));
}

double uf_chart_partner_activity_height(cairo_t *cr, double w, const uf_view *v, size_t max_partners)
{
    const uf_model *m = v->model;
    partners c = {.m = m};
    if (m->plan->npartners == 0 || m->nyears == 0)
        return 40; /* a line saying so */
    cairo_save(cr);
    partner_layout(cr, &c, v, w, 0, max_partners ? max_partners : 1);
    double h = 18 + c.rh * (double)(c.shown < m->plan->npartners) + 4;
    for (size_t k = 0; k < c.shown; k++)
        h += partner_row_h(cr, &c, k);
    cairo_restore(cr);
    return h;
}

uf_error uf_chart_partner_activity(cairo_t *cr, double w, double h, const uf_view *v, size_t max_partners)
{
    const uf_model *m = v->model;
    partners c = {.m = m};
    cairo_save(cr);
    if (m->plan->npartners == 0 || m->nyears == 0) {
        no_data(cr, w, h, uf_msg_text(m->plan->has_partner_file ? UF_MSG_CHART_NO_PARTNERS : UF_MSG_CHART_NO_PARTNER_FILE));
    } else {
        partner_layout(cr, &c, v, w, h, max_partners ? max_partners : 1);
        partner_header(cr, &c);
        double y = 18;
        for (size_t k = 0; k < c.shown; k++) {
            partner_row(cr, &c, k, y + c.rh * 0.5);
            y += partner_row_h(cr, &c, k);
        }
        if (c.shown < m->plan->npartners)
            partner_rest(cr, &c, y + c.rh * 0.5);
    }
    cairo_restore(cr);
    return check(cr);
}

/* ---- one indicator on its own ---- */

static void panel_heading(cairo_t *cr, double w, const uf_model *m, size_t i)
{
    const uf_indicator *ind = &m->plan->indicators[i];
    const uf_figure *f = whole_fig(m, m->report_index, i);
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_BOLD, 15);
    uf_text_draw(cr, 0, 17, ind->name, w, UF_ALIGN_LEFT);
    char v[UF_VALUEBUF], t[UF_VALUEBUF], goal[48], yr[UF_YEARBUF];
    const char *id = m->plan->goals[ind->goal].id;
    snprintf(goal, sizeof goal, "%.*s", uf_utf8_prefix(id, 40), id);
    char *text = uf_msg_xformat(UF_MSG_CHART_PANEL_FACTS, goal, uf_style_year(yr, m->report_year),
                                uf_style_value(v, f->value, ind), uf_style_value(t, f->target, ind));
    set_colour(cr, UF_COLOUR_MUTED);
    uf_font_use(cr, UF_FONT_REGULAR, 10);
    double tw = uf_text_draw(cr, 0, 36, text, w * 0.7, UF_ALIGN_LEFT);
    free(text);
    uf_chart_badge(cr, tw + 2, 32.5, 13, f->status, uf_chart_word(f));
}

uf_error uf_chart_indicator_panel(cairo_t *cr, double w, double h, const uf_view *v, size_t i)
{
    const uf_model *m = v->model;
    uf_error err = UF_OK;
    if (m->nyears == 0) {
        no_data(cr, w, h, uf_msg_text(UF_MSG_WORD_MISSING));
        return check(cr);
    }
    cairo_save(cr);
    panel_heading(cr, w, m, i);
    double top = 52, left_w = w * 0.42;
    char yr[UF_YEARBUF];
    set_colour(cr, UF_COLOUR_INK);
    uf_font_use(cr, UF_FONT_BOLD, 10);
    uf_text_draw(cr, 0, top + 10, uf_msg_text(UF_MSG_CHART_TREND_HEADING), left_w, UF_ALIGN_LEFT);
    char *units = uf_msg_xformat(UF_MSG_CHART_BARS_HEADING, uf_style_year(yr, m->report_year));
    uf_text_draw(cr, left_w + 24, top + 10, units, 0, UF_ALIGN_LEFT);
    free(units);
    cairo_translate(cr, 0, top + 18);
    err = uf_chart_trend(cr, left_w, h - top - 18, v, i, NULL);
    cairo_translate(cr, left_w + 24, 0);
    if (err == UF_OK)
        err = uf_chart_unit_bars(cr, w - left_w - 24, h - top - 18, m, i, UF_CHART_TOP_UNITS, NULL);
    cairo_restore(cr);
    return err != UF_OK ? err : check(cr);
}
