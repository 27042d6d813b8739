/* Charts: drawn onto PNG image surfaces from the sample municipality and
 * checked by sampling pixels (bar order, lengths and status colours, the
 * target line and marks), plus the text helpers, number formatting, the
 * bundled font's glyphs, safe file names and the diagram files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/diag.h"
#include "consolidate/model.h"
#include "render/chart/chart.h"
#include "render/chart/chart_encode.h"
#include "render/chart/chart_files.h"
#include "render/font.h"
#include "sample.h"

#define NBSP "\xC2\xA0"

static int setup(void **state)
{
    assert_int_equal(uf_font_load(), UF_OK);
    *state = uf_test_sample_load(2025);
    assert_non_null(*state);
    return 0;
}

static int teardown(void **state)
{
    uf_test_sample_free(*state);
    return 0;
}

static size_t indicator(const uf_test_sample *s, const char *id)
{
    size_t i = uf_plan_find_indicator(s->plan, id, strlen(id));
    assert_int_not_equal(i, UF_NOT_FOUND);
    return i;
}

/* ---- a canvas to draw on and read back ---- */

typedef struct canvas {
    cairo_surface_t *surface;
    cairo_t *cr;
    int w, h;
} canvas;

static canvas canvas_new(int w, int h)
{
    canvas c = {cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), NULL, w, h};
    c.cr = cairo_create(c.surface);
    cairo_set_source_rgb(c.cr, 1, 1, 1);
    cairo_paint(c.cr);
    return c;
}

static void canvas_free(canvas *c)
{
    cairo_destroy(c->cr);
    cairo_surface_destroy(c->surface);
}

static uf_rgb pixel(canvas *c, double x, double y)
{
    cairo_surface_flush(c->surface);
    int ix = (int)floor(x), iy = (int)floor(y);
    assert_true(ix >= 0 && ix < c->w && iy >= 0 && iy < c->h);
    const unsigned char *row = cairo_image_surface_get_data(c->surface) + iy * cairo_image_surface_get_stride(c->surface);
    uint32_t p;
    memcpy(&p, row + 4 * ix, 4);
    return (uf_rgb){(p >> 16 & 0xFF) / 255.0, (p >> 8 & 0xFF) / 255.0, (p & 0xFF) / 255.0};
}

static bool near(uf_rgb a, uf_rgb b) { return fabs(a.r - b.r) < 0.03 && fabs(a.g - b.g) < 0.03 && fabs(a.b - b.b) < 0.03; }

static bool dark(uf_rgb a) { return a.r < 0.25 && a.g < 0.25 && a.b < 0.25; }

/* ---- bars ---- */

/* The expected order: units with a value, largest first (ties in plan
 * order), then those without. Returns how many have a value. */
static size_t expected_order(const uf_test_sample *s, size_t ind, size_t *order)
{
    size_t n = 0;
    for (size_t u = 0; u < s->plan->nunits; u++)
        if (!isnan(uf_model_figure(s->model, s->model->report_index, ind, u)->value))
            order[n++] = u;
    for (size_t a = 1; a < n; a++) {
        for (size_t b = a; b > 0; b--) {
            double va = uf_model_figure(s->model, s->model->report_index, ind, order[b - 1])->value;
            double vb = uf_model_figure(s->model, s->model->report_index, ind, order[b])->value;
            if (vb <= va)
                break;
            size_t t = order[b - 1];
            order[b - 1] = order[b];
            order[b] = t;
        }
    }
    return n;
}

static void check_bar(canvas *c, const uf_chart_frame *fr, size_t row, const uf_figure *f)
{
    uf_rgb colour = uf_style_status_rgb(f->status);
    double y = uf_chart_frame_item(fr, row), zero = uf_chart_frame_pos(fr, 0), end = uf_chart_frame_pos(fr, f->value);
    if (!near(pixel(c, zero + 1.5, y), colour))
        fail_msg("row %zu: expected the status colour at the start of the bar", row);
    bool tick_near = !isnan(f->target) && fabs(uf_chart_frame_pos(fr, f->target) - end) < 6;
    if (end - zero > 6 && !tick_near) {
        assert_true(near(pixel(c, end - 2.5, y), colour));
        assert_false(near(pixel(c, end + 2.5, y), colour));
    }
}

static void test_unit_bars_sorted_in_status_colours(void **state)
{
    uf_test_sample *s = *state;
    size_t ind = indicator(s, "nya-projekt");
    canvas c = canvas_new(520, 360);
    uf_chart_frame fr;
    assert_int_equal(uf_chart_unit_bars(c.cr, 520, 360, s->model, ind, UF_CHART_TOP_UNITS, &fr), UF_OK);
    assert_true(fr.horizontal);
    size_t order[64];
    size_t valued = expected_order(s, ind, order);
    assert_true(valued >= 5 && valued < s->plan->nunits);
    /* A row per unit with a value (no grouping at 11 units); alvstads-hamn,
     * which did not report 2025, is named below the bars, not drawn as 0. */
    assert_int_equal(fr.nitems, valued);
    for (size_t k = 0; k < valued; k++)
        check_bar(&c, &fr, k, uf_model_figure(s->model, s->model->report_index, ind, order[k]));
    double zero = uf_chart_frame_pos(&fr, 0);
    for (double y = fr.y1 + 1; y < fr.y1 + 20; y++)
        for (int st = 0; st < UF_STATUS_COUNT; st++)
            assert_false(near(pixel(&c, zero + 1.5, y), uf_style_status_rgb((uf_status)st)));
    canvas_free(&c);
}

static void test_unit_bars_group_the_rest(void **state)
{
    uf_test_sample *s = *state;
    size_t ind = indicator(s, "extern-finansiering");
    canvas c = canvas_new(520, 360);
    uf_chart_frame fr;
    assert_int_equal(uf_chart_unit_bars(c.cr, 520, 360, s->model, ind, 5, &fr), UF_OK);
    assert_int_equal(fr.nitems, 6); /* five units and "Övriga 5 enheter" with a value */
    size_t order[64];
    expected_order(s, ind, order);
    for (size_t k = 0; k < 5; k++)
        assert_true(near(pixel(&c, uf_chart_frame_pos(&fr, 0) + 1.5, uf_chart_frame_item(&fr, k)),
                         uf_style_status_rgb(uf_model_figure(s->model, s->model->report_index, ind, order[k])->status)));
    /* The group is text, not a bar. */
    uf_rgb at = pixel(&c, uf_chart_frame_pos(&fr, 0) + 1.5, uf_chart_frame_item(&fr, 5));
    for (int st = 0; st < UF_STATUS_COUNT; st++)
        assert_false(near(at, uf_style_status_rgb((uf_status)st)));
    canvas_free(&c);
}

/* A mean indicator: the municipal target compares with each unit's figure
 * and is drawn as a dashed line across the bars, at its value. */
static void test_unit_bars_target_line(void **state)
{
    uf_test_sample *s = *state;
    size_t ind = indicator(s, "andel-personal-omvarldsbevakning");
    double target = uf_model_figure(s->model, s->model->report_index, ind, UF_WHOLE_MUNICIPALITY)->target;
    assert_true(target == 44);
    canvas c = canvas_new(520, 360);
    uf_chart_frame fr;
    assert_int_equal(uf_chart_unit_bars(c.cr, 520, 360, s->model, ind, UF_CHART_TOP_UNITS, &fr), UF_OK);
    double x = uf_chart_frame_pos(&fr, target);
    /* Above the ticks, beside its label, the line stands alone: dashes,
     * and nothing on its other side; it leaves the tick labels free. */
    size_t on = 0, off = 0, n = 0;
    for (double y = fr.y0 - 26; y < fr.y0 - 16; y += 1, n++) {
        on += dark(pixel(&c, x, y));
        off += dark(pixel(&c, x - 8, y));
    }
    if (on < n * 4 / 10 || off > 0)
        fail_msg("target line: %zu of %zu dark at x=%.1f, %zu beside it", on, n, x, off);
    for (double y = fr.y0 - 12; y < fr.y0 - 2; y += 1)
        assert_false(dark(pixel(&c, x, y)));
    /* Across the bars it shows between them. */
    on = n = 0;
    for (double y = fr.y0; y < fr.y1; y += 1, n++)
        on += dark(pixel(&c, x, y));
    assert_true(on > n / 8);
    canvas_free(&c);
}

/* The trend: target diamonds at the target of each year, the municipal
 * figure's points ringed in the series colour. Drawn twice as large so
 * that the 1.5 point ring is three pixels wide. */
static void test_trend_targets_and_points(void **state)
{
    uf_test_sample *s = *state;
    size_t ind = indicator(s, "extern-finansiering");
    canvas c = canvas_new(720, 520);
    cairo_scale(c.cr, 2, 2);
    uf_chart_frame fr;
    assert_int_equal(uf_chart_trend(c.cr, 360, 260, s->view, ind, &fr), UF_OK);
    assert_false(fr.horizontal);
    assert_int_equal(fr.nitems, s->model->report_index + 1);
    assert_true(fr.vmin <= 0); /* a value axis that starts at 0 */
    for (size_t y = 0; y < fr.nitems; y++) {
        const uf_figure *f = uf_model_figure(s->model, y, ind, UF_WHOLE_MUNICIPALITY);
        double x = uf_chart_frame_item(&fr, y);
        if (!isnan(f->target))
            assert_true(dark(pixel(&c, 2 * x, 2 * uf_chart_frame_pos(&fr, f->target))));
        assert_false(isnan(f->value));
        /* The ring (between the badge and its edge) on the side away from
         * the target mark. */
        double ring = (f->target > f->value ? 1 : -1) * (UF_BADGE_MIN / 2 + 1);
        assert_true(near(pixel(&c, 2 * x, 2 * (uf_chart_frame_pos(&fr, f->value) + ring)), uf_style_rgb(UF_COLOUR_SERIES)));
    }
    /* Years rise from left to right, higher values are higher up. */
    assert_true(uf_chart_frame_item(&fr, 0) < uf_chart_frame_item(&fr, 1));
    assert_true(uf_chart_frame_pos(&fr, 10000) < uf_chart_frame_pos(&fr, 0));
    canvas_free(&c);
}

static void test_other_charts_draw(void **state)
{
    uf_test_sample *s = *state;
    canvas c = canvas_new(770, 420);
    assert_int_equal(uf_chart_goal_overview(c.cr, 770, 19, s->model, 0, uf_chart_overview_rows(s->model)), UF_OK);
    assert_int_equal(uf_chart_overview_rows(s->model), s->plan->ngoals + s->plan->nindicators);
    assert_int_equal(uf_chart_goal_counts(c.cr, 770, s->model), UF_OK);
    assert_int_equal(uf_chart_partner_activity(c.cr, 770, 300, s->view, 15), UF_OK);
    assert_int_equal(uf_chart_partner_activity(c.cr, 770, 300, s->view, 3), UF_OK);
    for (size_t i = 0; i < s->plan->nindicators; i++)
        assert_int_equal(uf_chart_indicator_panel(c.cr, 770, 400, s->view, i), UF_OK);
    /* The first goal's heading row is shaded, its first indicator row has
     * a status disc in its status colour at the left. */
    canvas_free(&c);
    c = canvas_new(770, 200);
    assert_int_equal(uf_chart_goal_overview(c.cr, 770, 24, s->model, 0, 2), UF_OK);
    assert_true(near(pixel(&c, 2, 12), uf_style_rgb(UF_COLOUR_GRID)));
    size_t first = indicator(s, "nya-projekt");
    uf_status st = uf_model_figure(s->model, s->model->report_index, first, UF_WHOLE_MUNICIPALITY)->status;
    assert_true(near(pixel(&c, 11.2, 36), uf_style_status_rgb(st)));
    canvas_free(&c);
}

/* ---- value labels, headroom, compact charts ---- */

/* Ink (text) inside a label's box: the box is where the label is drawn. */
static bool box_has_ink(canvas *c, const uf_chart_box *b, double scale)
{
    for (double y = b->y0; y < b->y1; y += 0.5)
        for (double x = b->x0; x < b->x1; x += 0.5)
            if (dark(pixel(c, scale * x, scale * y)))
                return true;
    return false;
}

static bool box_holds(const uf_chart_box *b, double x, double y)
{
    return x > b->x0 && x < b->x1 && y > b->y0 && y < b->y1;
}

/* The municipal target the unit bars draw as a line, NAN when none. */
static double line_target(const uf_test_sample *s, size_t ind)
{
    if (s->plan->indicators[ind].aggregation == UF_AGG_SUM)
        return NAN;
    return uf_model_figure(s->model, s->model->report_index, ind, UF_WHOLE_MUNICIPALITY)->target;
}

/* Every indicator, at the board report's width and at a narrow one: each
 * value label sits inside the axis (the axis is long enough), never across
 * the municipal target line or a unit's own target mark. The page-12 bug:
 * "41,5 % ◐" struck through by the line at 44 %. */
static void test_unit_bars_labels_keep_clear(void **state)
{
    uf_test_sample *s = *state;
    const double widths[] = {418, 260};
    for (size_t wi = 0; wi < 2; wi++) {
        for (size_t ind = 0; ind < s->plan->nindicators; ind++) {
            double w = widths[wi];
            canvas c = canvas_new((int)w, 420);
            uf_chart_frame fr;
            assert_int_equal(uf_chart_unit_bars(c.cr, w, 420, s->model, ind, UF_CHART_TOP_UNITS, &fr), UF_OK);
            size_t order[64];
            size_t valued = expected_order(s, ind, order);
            assert_int_equal(fr.nlabels, valued);
            double t = line_target(s, ind), hi = 0;
            for (size_t k = 0; k < fr.nlabels; k++) {
                const uf_chart_box *b = &fr.labels[k];
                const uf_figure *f = uf_model_figure(s->model, s->model->report_index, ind, order[k]);
                hi = fmax(hi, f->value);
                if (!box_has_ink(&c, b, 1))
                    fail_msg("%s: no label drawn in its box, row %zu", s->plan->indicators[ind].id, k);
                if (b->x1 > fr.x1 || b->x0 < uf_chart_frame_pos(&fr, f->value))
                    fail_msg("%s at %.0f: label of row %zu past the axis end or over its bar", s->plan->indicators[ind].id, w, k);
                double y = uf_chart_frame_item(&fr, k);
                if (!isnan(t) && box_holds(b, uf_chart_frame_pos(&fr, t), y))
                    fail_msg("%s at %.0f: the target line crosses the label of row %zu", s->plan->indicators[ind].id, w, k);
                if (f->target_source == UF_TARGET_OWN && box_holds(b, uf_chart_frame_pos(&fr, f->target), y))
                    fail_msg("%s: the unit's target mark crosses its label", s->plan->indicators[ind].id);
            }
            /* Headroom: the axis ends past the highest value and the target. */
            if (!isnan(t))
                hi = fmax(hi, t);
            if (valued)
                assert_true(fr.vmax > hi);
            canvas_free(&c);
        }
    }
}

/* A unit with its own target is drawn against its own mark (a black tick
 * across its bar); one measured against the municipality's target against
 * the dashed line (test_unit_bars_target_line). */
static void test_unit_bars_own_target_mark(void **state)
{
    uf_test_sample *s = *state;
    size_t marks = 0;
    for (size_t ind = 0; ind < s->plan->nindicators; ind++) {
        canvas c = canvas_new(418, 420);
        uf_chart_frame fr;
        assert_int_equal(uf_chart_unit_bars(c.cr, 418, 420, s->model, ind, UF_CHART_TOP_UNITS, &fr), UF_OK);
        size_t order[64];
        size_t valued = expected_order(s, ind, order);
        for (size_t k = 0; k < valued; k++) {
            const uf_figure *f = uf_model_figure(s->model, s->model->report_index, ind, order[k]);
            if (f->target_source != UF_TARGET_OWN)
                continue;
            double x = uf_chart_frame_pos(&fr, f->target), y = uf_chart_frame_item(&fr, k);
            assert_true(dark(pixel(&c, x, y)));
            marks++;
        }
        canvas_free(&c);
    }
    assert_true(marks > 0);
}

static bool segment_meets_box(double ax, double ay, double bx, double by, const uf_chart_box *b)
{
    /* Walked in steps of a tenth of a point: a check of its own, not the
     * chart's clipping. */
    double len = hypot(bx - ax, by - ay);
    for (double t = 0; t <= len; t += 0.1)
        if (box_holds(b, ax + (bx - ax) * t / len, ay + (by - ay) * t / len))
            return true;
    return false;
}

/* The trend of every indicator: the axis leaves room above the highest
 * value and target, and each value label stays inside the plot, off the
 * target line and the target marks. */
static void test_trend_labels_and_headroom(void **state)
{
    uf_test_sample *s = *state;
    for (size_t ind = 0; ind < s->plan->nindicators; ind++) {
        canvas c = canvas_new(646, 520);
        cairo_scale(c.cr, 2, 2);
        uf_chart_frame fr;
        assert_int_equal(uf_chart_trend(c.cr, 323, 260, s->view, ind, &fr), UF_OK);
        const char *id = s->plan->indicators[ind].id;
        double hi = -INFINITY;
        for (size_t y = 0; y < fr.nitems; y++) {
            const uf_figure *f = uf_model_figure(s->model, s->view->first_year + y, ind, UF_WHOLE_MUNICIPALITY);
            hi = fmax(hi, isnan(f->value) ? -INFINITY : f->value);
            hi = fmax(hi, isnan(f->target) ? -INFINITY : f->target);
        }
        if (uf_chart_frame_pos(&fr, hi) - fr.y0 < 15)
            fail_msg("%s: no headroom above %g", id, hi);
        assert_true(fr.nlabels > 0);
        for (size_t k = 0; k < fr.nlabels; k++) {
            const uf_chart_box *b = &fr.labels[k];
            if (!box_has_ink(&c, b, 2))
                fail_msg("%s: no label drawn in its box", id);
            if (b->y0 < fr.y0 || b->y1 > fr.y1 || b->x0 < fr.x0 || b->x1 > fr.x1)
                fail_msg("%s: a label outside the axes", id);
            for (size_t y = 0; y < fr.nitems; y++) {
                const uf_figure *f = uf_model_figure(s->model, s->view->first_year + y, ind, UF_WHOLE_MUNICIPALITY);
                if (isnan(f->target))
                    continue;
                double x = uf_chart_frame_item(&fr, y), ty = uf_chart_frame_pos(&fr, f->target);
                uf_chart_box mark = {x - 4.5, ty - 4.5, x + 4.5, ty + 4.5};
                if (box_holds(b, x, ty) || (mark.x0 < b->x1 && b->x0 < mark.x1 && mark.y0 < b->y1 && b->y0 < mark.y1))
                    fail_msg("%s: a label on the target mark of year %zu", id, y);
                const uf_figure *p = y ? uf_model_figure(s->model, s->view->first_year + y - 1, ind, UF_WHOLE_MUNICIPALITY) : NULL;
                if (p && !isnan(p->target) &&
                    segment_meets_box(uf_chart_frame_item(&fr, y - 1), uf_chart_frame_pos(&fr, p->target), x, ty, b))
                    fail_msg("%s: the target line crosses a label", id);
            }
        }
        canvas_free(&c);
    }
}

/* A command's output, or NULL. */
static char *run_text(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    uf_strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        uf_strbuf_append(&sb, buf, n);
    char *out = uf_strbuf_take(&sb);
    if (pclose(p) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Two units with a value of eleven: two bars, and the units without a
 * value named on a line each kind, not as nine empty rows. */
static void test_unit_bars_compact(void **state)
{
    uf_test_sample *s = *state;
    size_t ind = indicator(s, "skolor-eu-ambassadorer"), full = indicator(s, "nya-projekt");
    cairo_surface_t *probe = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10, 10);
    cairo_t *cr = cairo_create(probe);
    double h = uf_chart_unit_bars_height(cr, 418, s->model, ind, UF_CHART_TOP_UNITS);
    double h_full = uf_chart_unit_bars_height(cr, 418, s->model, full, UF_CHART_TOP_UNITS);
    cairo_destroy(cr);
    cairo_surface_destroy(probe);
    assert_true(h < h_full * 0.6); /* two rows and a few lines, not eleven rows */
    char path[] = "/tmp/uf-compact-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    cairo_surface_t *pdf = cairo_pdf_surface_create(path, 418, h);
    cr = cairo_create(pdf);
    uf_chart_frame fr;
    assert_int_equal(uf_chart_unit_bars(cr, 418, h, s->model, ind, UF_CHART_TOP_UNITS, &fr), UF_OK);
    cairo_destroy(cr);
    cairo_surface_destroy(pdf);
    assert_int_equal(fr.nitems, 2);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 %s - | tr '\\n' ' '", path);
    char *text = run_text(cmd);
    assert_non_null(text);
    unlink(path);
    if (!strstr(text, "Inget värde 2025: Kommunledningskontoret, Kultur- och fritidsförvaltningen, Socialförvaltningen,"))
        fail_msg("no line naming the units without a value: %s", text);
    if (!strstr(text, "Har inte rapporterat 2025: Älvstads Hamn AB"))
        fail_msg("no line naming the unit that did not report: %s", text);
    assert_null(strstr(text, "inget värde 2025"));
    free(text);
}

/* ---- numbers and text ---- */

static void test_values_in_swedish(void **state)
{
    uf_test_sample *s = *state;
    char buf[UF_VALUEBUF];
    const uf_indicator *tkr = &s->plan->indicators[indicator(s, "extern-finansiering")];
    const uf_indicator *pct = &s->plan->indicators[indicator(s, "andel-personal-omvarldsbevakning")];
    const uf_indicator *count = &s->plan->indicators[indicator(s, "nya-projekt")];
    const uf_indicator *days = &s->plan->indicators[indicator(s, "handlaggningstid-eu-fragor")];
    assert_string_equal(uf_style_value(buf, 15500, tkr), "15" NBSP "500" NBSP "tkr");
    assert_string_equal(uf_style_value(buf, 39.666666, pct), "39,7" NBSP "%");
    assert_string_equal(uf_style_value(buf, 1234567, count), "1" NBSP "234" NBSP "567");
    assert_string_equal(uf_style_value(buf, 4.5, days), "4,5" NBSP "dagar");
    assert_string_equal(uf_style_value(buf, -2.25, days), "\xE2\x88\x92" "2,25" NBSP "dagar");
    assert_string_equal(uf_style_value(buf, NAN, tkr), "\xE2\x80\x93");
    assert_string_equal(uf_style_number(buf, 0.125), "0,13");
}

static void test_text_clean(void **state)
{
    (void)state;
    char *s = uf_text_clean("  rad ett\r\nrad\ttvå \xFF slut\xC3  ");
    assert_string_equal(s, "rad ett rad två \xEF\xBF\xBD slut\xEF\xBF\xBD");
    free(s);
    s = uf_text_clean(NULL);
    assert_string_equal(s, "");
    free(s);
}

static void test_text_fits_with_ellipsis(void **state)
{
    (void)state;
    canvas c = canvas_new(400, 100);
    uf_font_use(c.cr, UF_FONT_REGULAR, 10);
    const char *name = "Gymnasie- och vuxenutbildningsförvaltningen i Älvstads kommun";
    double full = uf_text_width(c.cr, name);
    double drawn = uf_text_draw(c.cr, 0, 20, name, full / 2, UF_ALIGN_LEFT);
    assert_true(drawn <= full / 2 + 0.01);
    assert_true(drawn > full / 3);
    assert_true(uf_text_draw(c.cr, 0, 40, name, 0, UF_ALIGN_LEFT) == full);
    /* Wrapping: three lines asked, the rest shortened into the last. */
    assert_int_equal(uf_text_wrap(c.cr, 0, 60, full / 3, 0, 12, 3, name, false), 3);
    assert_int_equal(uf_text_wrap(c.cr, 0, 60, full * 2, 0, 12, 3, name, false), 1);
    /* Invalid UTF-8 does not put cairo in an error state. */
    uf_text_draw(c.cr, 0, 80, "trasig \xC3\x28 text", 0, UF_ALIGN_LEFT);
    assert_int_equal(cairo_status(c.cr), CAIRO_STATUS_SUCCESS);
    canvas_free(&c);
}

/* Every letter and symbol the reports use exists in the bundled font. */
static void test_font_has_the_glyphs(void **state)
{
    (void)state;
    canvas c = canvas_new(10, 10);
    const char *letters[] = {"å", "ä", "ö", "Å", "Ä", "Ö", "Š", "ð", "õ", "ø", "ş", "ė", "ų", "é", "ü",
                             "\xE2\x9C\x94", "\xE2\x97\x90", "\xE2\x9C\x96", "\xE2\x80\x93", "\xE2\x80\xA6",
                             "\xE2\x88\x92", "\xE2\x97\x86", NBSP};
    for (int style = 0; style < UF_FONT_STYLES; style++) {
        uf_font_use(c.cr, (uf_font_style)style, 10);
        cairo_scaled_font_t *sf = cairo_get_scaled_font(c.cr);
        assert_int_equal(cairo_font_face_get_type(cairo_scaled_font_get_font_face(sf)), CAIRO_FONT_TYPE_FT);
        for (size_t k = 0; k < sizeof letters / sizeof letters[0]; k++) {
            cairo_glyph_t *glyphs = NULL;
            int n = 0;
            assert_int_equal(cairo_scaled_font_text_to_glyphs(sf, 0, 0, letters[k], -1, &glyphs, &n, NULL, NULL, NULL),
                             CAIRO_STATUS_SUCCESS);
            assert_int_equal(n, 1);
            if (glyphs[0].index == 0)
                fail_msg("no glyph for %s", letters[k]);
            cairo_glyph_free(glyphs);
        }
    }
    assert_non_null(strstr(uf_font_dir(), "fonts"));
    canvas_free(&c);
}

/* ---- file names and files ---- */

static void name_is(const char *id, const char *expected)
{
    char *got = uf_safe_file_name(id);
    if (strcmp(got, expected) != 0)
        fail_msg("uf_safe_file_name('%s') = '%s', expected '%s'", id, got, expected);
    free(got);
}

static void test_safe_file_names(void **state)
{
    (void)state;
    name_is("kultur-och-fritid", "kultur-och-fritid");
    name_is("Älvstads Hamn", "Älvstads Hamn");
    name_is("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j");
    name_is("../../etc/passwd", "____._etc_passwd");
    name_is("..", "__");
    name_is(".dold", "_dold");
    name_is("a..b", "a_.b");
    name_is("slut. ", "slut__");
    name_is("CON", "_CON");
    name_is("con.txt", "_con.txt");
    name_is("Lpt9", "_Lpt9");
    name_is("COM10", "COM10");
    name_is("console", "console");
    name_is("rad\nbrytning\x7f", "rad_brytning_");
    name_is("trasig\xFF", "trasig_");
    name_is("", "_");
    char longid[400];
    memset(longid, 'a', sizeof longid - 1);
    longid[sizeof longid - 1] = '\0';
    char *got = uf_safe_file_name(longid);
    assert_int_equal(strlen(got), 100);
    free(got);
    /* A multi-byte letter is never cut in half. */
    char swedish[400] = "";
    for (int k = 0; k < 70; k++)
        strcat(swedish, "ö");
    got = uf_safe_file_name(swedish);
    assert_int_equal(strlen(got), 100);
    free(got);
}

static void test_name_set_keeps_names_apart(void **state)
{
    (void)state;
    uf_name_set *set = uf_name_set_new(4);
    assert_string_equal(uf_name_set_add(set, "a/b"), "a_b");
    assert_string_equal(uf_name_set_add(set, "a_b"), "a_b~2");
    assert_string_equal(uf_name_set_add(set, "A_B"), "A_B~3");
    assert_string_equal(uf_name_set_add(set, "miljo"), "miljo");
    uf_name_set_free(set);
}

static void test_chart_files(void **state)
{
    uf_test_sample *s = *state;
    char dir[] = "/tmp/uf-chart-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(uf_chart_write_files(s->view, dir), UF_OK);
    for (size_t i = 0; i < s->plan->nindicators; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/diagram/%s.png", dir, s->plan->indicators[i].id);
        cairo_surface_t *png = cairo_image_surface_create_from_png(path);
        assert_int_equal(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
        assert_int_equal(cairo_image_surface_get_width(png), 1200);
        assert_int_equal(cairo_image_surface_get_height(png), 640);
        cairo_surface_destroy(png);
        unlink(path);
        snprintf(path, sizeof path, "%s/diagram/%s.svg", dir, s->plan->indicators[i].id);
        FILE *fp = fopen(path, "rb");
        assert_non_null(fp);
        static char svg[1 << 20];
        size_t n = fread(svg, 1, sizeof svg - 1, fp);
        assert_true(n > 0);
        svg[n] = '\0';
        /* The chart's title and its content in words, right after the root. */
        const char *root = strstr(svg, "<svg");
        assert_non_null(root);
        const char *title = strstr(root, "<title>"), *desc = strstr(root, "<desc>");
        assert_non_null(title);
        assert_non_null(desc);
        assert_ptr_equal(title, strchr(root, '>') + 2);
        assert_true(desc > title && desc < strstr(root, "<defs"));
        assert_memory_equal(title + 7, s->plan->indicators[i].name, strlen(s->plan->indicators[i].name));
        assert_true(strncmp(desc, "<desc>Kommunens värde ", 22) == 0);
        fclose(fp);
        unlink(path);
    }
    char sub[300];
    snprintf(sub, sizeof sub, "%s/diagram", dir);
    assert_int_equal(rmdir(sub), 0); /* nothing else was left behind */
    assert_int_equal(rmdir(dir), 0);
}

static void test_svg_title_escaped(void **state)
{
    (void)state;
    uf_strbuf in = {0};
    uf_strbuf_puts(&in, "<?xml version=\"1.0\"?>\n<svg width=\"1\" id=\"surface77\"><g id=\"surface77\"/></svg>\n");
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    assert_int_equal(uf_svg_write(&in, "<b>R&D</b>", "a \"b\" \x01" "c", fp), UF_OK);
    fclose(fp);
    assert_string_equal(out, "<?xml version=\"1.0\"?>\n<svg width=\"1\" id=\"surface1\">\n"
                             "<title>&lt;b&gt;R&amp;D&lt;/b&gt;</title>\n<desc>a &quot;b&quot;  c</desc>\n"
                             "<g id=\"surface1\"/></svg>\n");
    free(out);
    uf_strbuf_free(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unit_bars_sorted_in_status_colours),
        cmocka_unit_test(test_unit_bars_group_the_rest),
        cmocka_unit_test(test_unit_bars_target_line),
        cmocka_unit_test(test_trend_targets_and_points),
        cmocka_unit_test(test_unit_bars_labels_keep_clear),
        cmocka_unit_test(test_unit_bars_own_target_mark),
        cmocka_unit_test(test_trend_labels_and_headroom),
        cmocka_unit_test(test_unit_bars_compact),
        cmocka_unit_test(test_other_charts_draw),
        cmocka_unit_test(test_values_in_swedish),
        cmocka_unit_test(test_text_clean),
        cmocka_unit_test(test_text_fits_with_ellipsis),
        cmocka_unit_test(test_font_has_the_glyphs),
        cmocka_unit_test(test_safe_file_names),
        cmocka_unit_test(test_name_set_keeps_names_apart),
        cmocka_unit_test(test_svg_title_escaped),
        cmocka_unit_test(test_chart_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
