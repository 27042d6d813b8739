/* Charts of the consolidated model, drawn on any cairo_t within a given
 * width and height (user units), so one chart goes to PDF, PNG and SVG
 * alike. They only draw what uf_model holds; nothing is re-computed.
 *
 * Colours are the Okabe–Ito palette, which colour-blind readers can tell
 * apart, and a status is never shown by colour alone: always with its
 * symbol (✔ ◐ ✖ –), and with its word on the chart or in its legend.
 * Every function expects uf_font_load() to have succeeded and returns
 * UF_ERROR_CAIRO when cr ends up in an error state. */
#ifndef UF_CHART_H
#define UF_CHART_H

#include "common/error.h"
#include "consolidate/model.h"
#include "consolidate/view.h"
#include "render/style.h"

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

/* A status badge: a disc in the status colour holding its symbol, then
 * `word` unless NULL; y is the middle. Returns the width used. */
double uf_chart_badge(cairo_t *cr, double x, double y, double size, uf_status status, const char *word);
/* A figure's status word, marked "*" when it is preliminär. */
const char *uf_chart_word(const uf_figure *f);

/* A value label's box (user units), as drawn. */
typedef struct uf_chart_box {
    double x0, y0, x1, y1;
} uf_chart_box;

#define UF_CHART_LABELS 32

/* Where a chart put its plot area and value scale, for tests and callers
 * that draw on top. For the trend the value axis is vertical and items are
 * years; for unit bars the value axis is horizontal and items are rows
 * (units with a value, and "Övriga N enheter"). */
typedef struct uf_chart_frame {
    double x0, y0, x1, y1; /* plot area */
    double vmin, vmax;     /* the value axis runs from vmin to vmax */
    size_t nitems;         /* years (trend) or rows (bars) */
    double pad;            /* trend: space before the first year's x */
    bool horizontal;       /* the value axis is horizontal (bars) */
    size_t nlabels;        /* the first UF_CHART_LABELS value labels, in drawing order */
    uf_chart_box labels[UF_CHART_LABELS];
    bool rows_vary;        /* bars: rows differ in height (names on more lines)... */
    double row_y[UF_CHART_LABELS]; /* ...and are centred here */
} uf_chart_frame;

/* Position of a value along the value axis (x for bars, y for the trend). */
double uf_chart_frame_pos(const uf_chart_frame *frame, double value);
/* Centre of item k across the other axis (a year's x, a row's y). */
double uf_chart_frame_item(const uf_chart_frame *frame, size_t k);

/* The municipality's figure over the view's window of years, with the
 * target line (dashed, black diamonds); points in their status colour. The
 * axis leaves room above the highest value and target, and each value
 * label is placed clear of the target line and marks, inside the axes. */
uf_error uf_chart_trend(cairo_t *cr, double w, double h, const uf_view *view, size_t indicator,
                        uf_chart_frame *frame);

/* The units' figures for the report year as bars sorted by value, largest
 * first, in their status colour with value and symbol; units' own targets as
 * black ticks, the municipal target as a dashed line where it compares with
 * a unit's figure (medel, max, min). A value label never crosses a target
 * line or the axis end: the axis is long enough for the labels. Units
 * without a figure are named below the bars on a line of their own ("Inget
 * värde 2025: A, B"), never drawn as 0. Past `top` units with a value the
 * rest are grouped ("Övriga 285 enheter"); top is at most UF_CHART_LABELS - 1.
 * Names wrap, none is cut, and a row is as tall as its name. */
#define UF_CHART_TOP_UNITS 15
uf_error uf_chart_unit_bars(cairo_t *cr, double w, double h, const uf_model *m, size_t indicator, size_t top,
                            uf_chart_frame *frame);
/* The height the unit bars want at width w: every row at full height with
 * its name wrapped, the units without a value, and the legend. */
double uf_chart_unit_bars_height(cairo_t *cr, double w, const uf_model *m, size_t indicator, size_t top);

/* The goal overview as rows: for each goal a heading with its status
 * counts, then each indicator with status symbol, word and figures. Draws
 * rows [first, first + count) so that long plans continue on later pages. */
size_t uf_chart_overview_rows(const uf_model *m);
/* Rows are row_h high, more where a long name wraps (never cut). */
uf_error uf_chart_goal_overview(cairo_t *cr, double w, double row_h, const uf_model *m, size_t first, size_t count);
/* The height of one row (0-based, of all), as drawn at width w. */
double uf_chart_overview_row_h(cairo_t *cr, double w, double row_h, const uf_model *m, size_t row);

/* Each goal's indicators counted by status, as stacked bars; a long goal
 * name wraps. */
uf_error uf_chart_goal_counts(cairo_t *cr, double w, const uf_model *m);
/* The height it takes at width w: the rows and the legend. */
double uf_chart_goal_counts_height(cairo_t *cr, double w, const uf_model *m);

/* Accepted rows naming each partner, per year of the view's window,
 * partners to review marked. Past max_partners the rest
 * are grouped. */
uf_error uf_chart_partner_activity(cairo_t *cr, double w, double h, const uf_view *view, size_t max_partners);
/* The height it takes at width w: a row per partner shown, two or more
 * lines for a name wider than its column. */
double uf_chart_partner_activity_height(cairo_t *cr, double w, const uf_view *view, size_t max_partners);

/* One indicator on its own: title, key figures, trend and unit bars (the
 * diagram files). */
uf_error uf_chart_indicator_panel(cairo_t *cr, double w, double h, const uf_view *view, size_t indicator);

#endif
