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

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct uf_rgb {
    double r, g, b;
} uf_rgb;

typedef enum uf_colour {
    UF_COLOUR_INK,    /* text */
    UF_COLOUR_MUTED,  /* secondary text */
    UF_COLOUR_AXIS,
    UF_COLOUR_GRID,
    UF_COLOUR_SERIES, /* the municipality's figures: Okabe–Ito blue */
    UF_COLOUR_TARGET, /* target lines and marks: black */
    UF_COLOUR_PAPER,
    UF_COLOUR_COUNT
} uf_colour;

uf_rgb uf_chart_rgb(uf_colour colour);
/* Okabe–Ito: bluish green, orange, vermillion, and grey for "no data". */
uf_rgb uf_chart_status_rgb(uf_status status);
void uf_chart_set(cairo_t *cr, uf_rgb rgb);

/* Between thousands, and between a number and its unit: never a line break. */
#define UF_NBSP "\xC2\xA0"
/* A count for people: "1 234" with a no-break space. */
const char *uf_chart_count(char *buf, size_t n);
/* Swedish numbers for people: no-break space between thousands, decimal
 * comma, U+2212 minus; one decimal from 10 up, two below. */
#define UF_VALUEBUF 128
const char *uf_chart_number(char *buf, double value);
/* The same with the indicator's unit: "15 500 tkr", "44 %", "4,5 dagar";
 * "–" when missing. */
const char *uf_chart_value(char *buf, double value, const uf_indicator *indicator);

/* A status badge: a disc in the status colour holding its symbol, then
 * `word` unless NULL; y is the middle. Returns the width used. */
double uf_chart_badge(cairo_t *cr, double x, double y, double size, uf_status status, const char *word);
/* A figure's status word, marked "*" when it is preliminär. */
const char *uf_chart_word(const uf_figure *f);

/* Where a chart put its plot area and value scale, for tests and callers
 * that draw on top. For the trend the value axis is vertical and items are
 * years; for unit bars the value axis is horizontal and items are rows. */
typedef struct uf_chart_frame {
    double x0, y0, x1, y1; /* plot area */
    double vmin, vmax;     /* the value axis runs from vmin to vmax */
    size_t nitems;         /* years (trend) or rows (bars) */
    double pad;            /* trend: space before the first year's x */
    bool horizontal;       /* the value axis is horizontal (bars) */
} uf_chart_frame;

/* Position of a value along the value axis (x for bars, y for the trend). */
double uf_chart_frame_pos(const uf_chart_frame *frame, double value);
/* Centre of item k across the other axis (a year's x, a row's y). */
double uf_chart_frame_item(const uf_chart_frame *frame, size_t k);

/* The municipality's figure over the view's window of years, with the
 * target line (dashed, black diamonds); points in their status colour. */
uf_error uf_chart_trend(cairo_t *cr, double w, double h, const uf_view *view, size_t indicator,
                        uf_chart_frame *frame);

/* The units' figures for the report year as bars sorted by value, largest
 * first, in their status colour with value and symbol; units' own targets as
 * black ticks, the municipal target as a dashed line where it compares with
 * a unit's figure (medel, max, min). Units without a figure are listed as
 * "har inte rapporterat"/"inget värde", never as 0. Past `top` units the
 * rest are grouped ("Övriga 285 enheter"). */
#define UF_CHART_TOP_UNITS 15
uf_error uf_chart_unit_bars(cairo_t *cr, double w, double h, const uf_model *m, size_t indicator, size_t top,
                            uf_chart_frame *frame);

/* The goal overview as rows: for each goal a heading with its status
 * counts, then each indicator with status symbol, word and figures. Draws
 * rows [first, first + count) so that long plans continue on later pages. */
size_t uf_chart_overview_rows(const uf_model *m);
uf_error uf_chart_goal_overview(cairo_t *cr, double w, double h, const uf_model *m, size_t first, size_t count);

/* Each goal's indicators counted by status, as stacked bars. */
uf_error uf_chart_goal_counts(cairo_t *cr, double w, double h, const uf_model *m);

/* Accepted rows naming each partner, per year of the view's window,
 * partners to review marked. Past max_partners the rest
 * are grouped. */
uf_error uf_chart_partner_activity(cairo_t *cr, double w, double h, const uf_view *view, size_t max_partners);

/* One indicator on its own: title, key figures, trend and unit bars (the
 * diagram files). */
uf_error uf_chart_indicator_panel(cairo_t *cr, double w, double h, const uf_view *view, size_t indicator);

#endif
