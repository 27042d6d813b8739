#include "render/html/svg_web.h"

#include "common/messages.h"
#include "common/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xC2\xA0"
#define ELLIPSIS "\xE2\x80\xA6"

void uf_web_escape(FILE *fp, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&#39;", fp); break;
        default:
            if ((*p >= 0x20 && *p != 0x7F) || *p == '\t' || *p == '\n')
                fputc(*p, fp);
        }
    }
}

const char *uf_web_number(char *buf, double value)
{
    bool en = uf_messages_lang() == UF_LANG_EN;
    return uf_fmt_number_with(buf, value, -1, en ? "," : NBSP, en ? '.' : ',');
}

const char *uf_web_status_fill(uf_status status)
{
    /* Okabe–Ito, as the cairo charts; each holds black text above 4.5:1. */
    static const char *const fills[] = {"#009e73", "#e69f00", "#d55e00", "#a0a0a0"};
    return status < UF_STATUS_COUNT ? fills[status] : fills[UF_STATUS_GREY];
}

/* ---- scale ---- */

typedef struct scale {
    double vmin, vmax, step;
} scale;

/* Zero and the data's range, widened to round steps (1, 2, 5 × 10^n). */
static scale scale_of(double lo, double hi)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    lo = fmin(lo, 0);
    hi = fmax(hi, 0);
    if (hi - lo < 1e-9)
        hi = lo + 1;
    double raw = (hi - lo) / 4, mag = pow(10, floor(log10(raw))), step = mag;
    if (raw / mag > 5)
        step = 10 * mag;
    else if (raw / mag > 2)
        step = 5 * mag;
    else if (raw / mag > 1)
        step = 2 * mag;
    return (scale){floor(lo / step) * step, ceil(hi / step) * step, step};
}

static double scale_pos(const scale *s, double v, double from, double to)
{
    return from + (v - s->vmin) / (s->vmax - s->vmin) * (to - from);
}

static void svg_open(FILE *fp, double w, double h, const char *id, const char *title, const char *desc)
{
    fprintf(fp, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" aria-labelledby=\"%s-t %s-d\">"
                "<title id=\"%s-t\">", w, h, id, id, id);
    uf_web_escape(fp, title);
    fprintf(fp, "</title><desc id=\"%s-d\">", id);
    uf_web_escape(fp, desc);
    fputs("</desc>\n", fp);
}

static void text_at(FILE *fp, double x, double y, const char *anchor, const char *cls, const char *text)
{
    fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
    if (anchor)
        fprintf(fp, " text-anchor=\"%s\"", anchor);
    if (cls)
        fprintf(fp, " class=\"%s\"", cls);
    fputc('>', fp);
    uf_web_escape(fp, text);
    fputs("</text>", fp);
}

/* Grid lines and their values along a vertical (trend) or horizontal
 * (bars) value axis. */
static void value_grid(FILE *fp, const scale *s, double x0, double y0, double x1, double y1, bool horizontal)
{
    char buf[UF_WEB_NUMBUF];
    for (double v = s->vmin; v <= s->vmax + s->step / 2; v += s->step) {
        uf_web_number(buf, fabs(v) < s->step / 1e6 ? 0 : v);
        if (horizontal) {
            double x = scale_pos(s, v, x0, x1);
            fprintf(fp, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x, y0, x, y1);
            text_at(fp, x, y1 + 14, "middle", "axis", buf);
        } else {
            double y = scale_pos(s, v, y1, y0);
            fprintf(fp, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x0, y, x1, y);
            text_at(fp, x0 - 6, y + 4, "end", "axis", buf);
        }
    }
}

/* A legend entry: a line sample (solid, dashed or a tick) and its words. */
static double legend_item(FILE *fp, double x, double y, const char *cls, bool tick, uf_msg text)
{
    if (tick)
        fprintf(fp, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", cls, x + 4, y - 11,
                x + 4, y + 3);
    else
        fprintf(fp, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", cls, x, y - 4,
                x + 24, y - 4);
    const char *s = uf_msg_text(text);
    text_at(fp, x + (tick ? 14 : 30), y, NULL, "axis", s);
    return x + (tick ? 14 : 30) + 7.5 * (double)strlen(s) + 18;
}

/* ---- trend ---- */

/* A narrow drawing (520 units) keeps the text legible when a phone scales
 * the chart down to its width. */
enum { TREND_W = 520, TREND_H = 270, TREND_LEFT = 64, TREND_RIGHT = 16, TREND_TOP = 24, TREND_BOTTOM = 58 };

static void trend_range(const uf_model *m, size_t ind, size_t first, size_t last, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t y = first; y <= last; y++) {
        const uf_figure *f = uf_model_figure(m, y, ind, UF_WHOLE_MUNICIPALITY);
        double v[2] = {f->value, f->target};
        for (int k = 0; k < 2; k++) {
            if (isfinite(v[k])) {
                *lo = fmin(*lo, v[k]);
                *hi = fmax(*hi, v[k]);
            }
        }
    }
}

/* One polyline per run of years with a value: a gap stays a gap. */
static void trend_line(FILE *fp, const uf_model *m, size_t ind, size_t first, size_t last, const scale *s,
                       bool target, double step)
{
    bool open = false;
    for (size_t y = first; y <= last; y++) {
        const uf_figure *f = uf_model_figure(m, y, ind, UF_WHOLE_MUNICIPALITY);
        double v = target ? f->target : f->value;
        if (!isfinite(v)) {
            if (open)
                fputs("\"/>", fp);
            open = false;
            continue;
        }
        double x = TREND_LEFT + step * ((double)(y - first) + 0.5);
        double py = scale_pos(s, v, TREND_H - TREND_BOTTOM, TREND_TOP);
        if (!open)
            fprintf(fp, "<polyline class=\"%s\" points=\"", target ? "target" : "series");
        fprintf(fp, "%s%.1f,%.1f", open ? " " : "", x, py);
        open = true;
    }
    if (open)
        fputs("\"/>", fp);
}

void uf_svg_web_trend(FILE *fp, const uf_model *m, size_t ind, size_t first, size_t last, const char *id,
                      const char *title, const char *desc)
{
    double lo, hi;
    trend_range(m, ind, first, last, &lo, &hi);
    scale s = scale_of(lo, hi);
    double step = (double)(TREND_W - TREND_LEFT - TREND_RIGHT) / (double)(last - first + 1);
    svg_open(fp, TREND_W, TREND_H, id, title, desc);
    value_grid(fp, &s, TREND_LEFT, TREND_TOP, TREND_W - TREND_RIGHT, TREND_H - TREND_BOTTOM, false);
    trend_line(fp, m, ind, first, last, &s, true, step);
    trend_line(fp, m, ind, first, last, &s, false, step);
    double lx = legend_item(fp, TREND_LEFT, TREND_H - 8, "series", false, UF_MSG_HTML_LEGEND_SERIES);
    legend_item(fp, lx, TREND_H - 8, "target", false, UF_MSG_HTML_LEGEND_TARGET);
    char buf[UF_WEB_NUMBUF], label[UF_WEB_NUMBUF + 16], year[16];
    for (size_t y = first; y <= last; y++) {
        const uf_figure *f = uf_model_figure(m, y, ind, UF_WHOLE_MUNICIPALITY);
        double x = TREND_LEFT + step * ((double)(y - first) + 0.5);
        snprintf(year, sizeof year, "%d", m->years[y]);
        text_at(fp, x, TREND_H - TREND_BOTTOM + 18, "middle", y == m->report_index ? "axis now" : "axis", year);
        if (isfinite(f->target)) {
            double ty = scale_pos(&s, f->target, TREND_H - TREND_BOTTOM, TREND_TOP);
            fprintf(fp, "<path class=\"diamond\" d=\"M%.1f %.1fl5 5l-5 5l-5 -5z\"/>", x, ty - 5);
        }
        if (!isfinite(f->value))
            continue;
        double py = scale_pos(&s, f->value, TREND_H - TREND_BOTTOM, TREND_TOP);
        fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" class=\"point\"/>", x, py,
                uf_web_status_fill(f->status));
        snprintf(label, sizeof label, "%s %s", uf_web_number(buf, f->value), uf_status_symbol(f->status));
        /* Below the point when the target's mark sits just above it. */
        double ty = isfinite(f->target) ? scale_pos(&s, f->target, TREND_H - TREND_BOTTOM, TREND_TOP) : INFINITY;
        bool below = ty < py && py - ty < 24 && py + 24 < TREND_H - TREND_BOTTOM;
        text_at(fp, x, below ? py + 22 : py - 11, "middle", "label", label);
    }
    fputs("</svg>\n", fp);
}

/* ---- unit bars ---- */

typedef struct bar_row {
    size_t unit;
    double value;
} bar_row;

static int bar_cmp(const void *a, const void *b)
{
    const bar_row *x = a, *y = b;
    bool xn = !isfinite(x->value), yn = !isfinite(y->value);
    if (xn != yn)
        return xn ? 1 : -1;
    if (!xn && x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return x->unit < y->unit ? -1 : x->unit > y->unit;
}

/* Bytes in the UTF-8 character that starts at s. */
static size_t utf8_len(const char *s)
{
    size_t n = 1;
    while ((s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s += utf8_len(s))
        n++;
    return n;
}

/* A unit's name cut to fit the name column (the table has it whole): its
 * start and its end with an ellipsis between, since names often differ
 * only at the end ("… Centrum 1", "… Centrum 2"). */
static void short_name(char *buf, size_t size, const char *name, size_t max_chars)
{
    size_t total = utf8_chars(name), o = 0, k = 0, tail = max_chars / 3;
    if (total <= max_chars) {
        snprintf(buf, size, "%s", name);
        return;
    }
    for (const char *p = name; *p; p += utf8_len(p), k++) {
        size_t n = utf8_len(p);
        bool keep = k < max_chars - tail - 1 || k >= total - tail;
        if (k == max_chars - tail - 1 && o + 4 < size) {
            memcpy(buf + o, ELLIPSIS, 3);
            o += 3;
        }
        if (keep && o + n + 1 < size) {
            memcpy(buf + o, p, n);
            o += n;
        }
    }
    buf[o] = '\0';
}

enum { BARS_W = 520, BARS_NAME = 200, BARS_ROW = 26, BARS_TOP = 8, BARS_BOTTOM = 50, BARS_RIGHT = 64 };

static void bars_row(FILE *fp, const uf_model *m, size_t ind, const bar_row *r, double y, const scale *s)
{
    const uf_plan *p = m->plan;
    const uf_figure *f = uf_model_figure(m, m->report_index, ind, r->unit);
    char name[160], buf[UF_WEB_NUMBUF], label[UF_WEB_NUMBUF + 16];
    short_name(name, sizeof name, p->units[r->unit].name, 20);
    text_at(fp, BARS_NAME - 8, y + BARS_ROW / 2 + 4, "end", NULL, name);
    double x0 = scale_pos(s, 0, BARS_NAME, BARS_W - BARS_RIGHT);
    if (!isfinite(r->value)) {
        text_at(fp, x0 + 4, y + BARS_ROW / 2 + 4, NULL, "muted", uf_msg_text(UF_MSG_HTML_NOT_REPORTED));
        return;
    }
    double x1 = scale_pos(s, r->value, BARS_NAME, BARS_W - BARS_RIGHT);
    fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" class=\"bar\"/>", fmin(x0, x1),
            y + 4, fabs(x1 - x0), BARS_ROW - 8, uf_web_status_fill(f->status));
    double end = fmax(x0, x1);
    if (isfinite(f->target) && f->target_source == UF_TARGET_OWN) {
        double tx = scale_pos(s, f->target, BARS_NAME, BARS_W - BARS_RIGHT);
        fprintf(fp, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", tx, y + 1, tx,
                y + BARS_ROW - 1);
        end = fmax(end, tx + 1.5); /* the label never sits on the tick */
    }
    snprintf(label, sizeof label, "%s %s", uf_web_number(buf, r->value), uf_status_symbol(f->status));
    text_at(fp, end + 5, y + BARS_ROW / 2 + 4, NULL, NULL, label);
}

void uf_svg_web_bars(FILE *fp, const uf_model *m, size_t ind, const size_t *units, size_t nunits, size_t top,
                     const char *id, const char *title, const char *desc, const char *others_text)
{
    bar_row *rows = uf_xcalloc(nunits ? nunits : 1, sizeof *rows);
    double lo = INFINITY, hi = -INFINITY;
    bool own_targets = false;
    for (size_t k = 0; k < nunits; k++) {
        const uf_figure *f = uf_model_figure(m, m->report_index, ind, units[k]);
        rows[k] = (bar_row){units[k], f->value};
        double v[2] = {f->value, f->target_source == UF_TARGET_OWN ? f->target : NAN};
        own_targets |= isfinite(v[1]);
        for (int j = 0; j < 2; j++) {
            if (isfinite(v[j])) {
                lo = fmin(lo, v[j]);
                hi = fmax(hi, v[j]);
            }
        }
    }
    const uf_figure *whole = uf_model_figure(m, m->report_index, ind, UF_WHOLE_MUNICIPALITY);
    bool whole_line = isfinite(whole->target) && m->plan->indicators[ind].aggregation != UF_AGG_SUM;
    if (whole_line) {
        lo = fmin(lo, whole->target);
        hi = fmax(hi, whole->target);
    }
    qsort(rows, nunits, sizeof *rows, bar_cmp);
    size_t shown = nunits > top ? top : nunits;
    double h = BARS_TOP + BARS_ROW * (double)(shown + (shown < nunits)) + BARS_BOTTOM;
    scale s = scale_of(lo, hi);
    svg_open(fp, BARS_W, h, id, title, desc);
    value_grid(fp, &s, BARS_NAME, BARS_TOP, BARS_W - BARS_RIGHT, h - BARS_BOTTOM, true);
    for (size_t k = 0; k < shown; k++)
        bars_row(fp, m, ind, &rows[k], BARS_TOP + BARS_ROW * (double)k, &s);
    if (shown < nunits)
        text_at(fp, BARS_NAME + 4, BARS_TOP + BARS_ROW * (double)shown + BARS_ROW / 2 + 4, NULL, "muted", others_text);
    double lx = 8;
    if (whole_line) {
        double tx = scale_pos(&s, whole->target, BARS_NAME, BARS_W - BARS_RIGHT);
        fprintf(fp, "<line class=\"target\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>", tx, BARS_TOP, tx,
                h - BARS_BOTTOM);
        lx = legend_item(fp, lx, h - 8, "target", false, UF_MSG_HTML_LEGEND_WHOLE);
    }
    if (own_targets)
        legend_item(fp, lx, h - 8, "tick", true, UF_MSG_HTML_LEGEND_OWN);
    fputs("</svg>\n", fp);
    free(rows);
}
