/* The house style every renderer draws with: the palette (Okabe–Ito, which
 * colour-blind readers can tell apart) and numbers written for people.
 * What the words say lives in the vocabulary (common/messages.h); how
 * things look lives here. */
#ifndef UF_STYLE_H
#define UF_STYLE_H

#include "consolidate/model.h"

#include <cairo.h>
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

uf_rgb uf_style_rgb(uf_colour colour);
/* Okabe–Ito: bluish green, orange, vermillion, and grey for "no data". */
uf_rgb uf_style_status_rgb(uf_status status);
/* Earlier years beside the report year's blue. */
uf_rgb uf_style_earlier_year(void);
void uf_style_set(cairo_t *cr, uf_rgb rgb);

/* ---- sizes, in points ----
 * Nothing a reader needs is set smaller than UF_PT_MIN (labels, ticks,
 * legends, notes, comments, running header and footer) and no status
 * symbol smaller than UF_PT_SYMBOL. A badge's symbol and word are drawn at
 * these fractions of its disc, so a disc of UF_BADGE_MIN holds an
 * UF_PT_SYMBOL symbol. */
#define UF_PT_MIN 9.0
#define UF_PT_SYMBOL 8.0
#define UF_LINE_MIN 12.0 /* baselines of UF_PT_MIN text */
#define UF_PT_BODY 9.5   /* flowing paragraphs */
#define UF_LINE_BODY 13.0
#define UF_BADGE_GLYPH 0.62
#define UF_BADGE_WORD 0.78
#define UF_BADGE_MIN 13.0

/* Between thousands, and between a number and its unit: never a line break. */
#define UF_NBSP "\xC2\xA0"
/* A count for people: "1 234" with a no-break space. */
const char *uf_style_count(char *buf, size_t n);
/* Swedish numbers for people: no-break space between thousands, decimal
 * comma, U+2212 minus; one decimal from 10 up, two below. */
#define UF_VALUEBUF 128
const char *uf_style_number(char *buf, double value);
/* The same with the indicator's unit: "15 500 tkr", "44 %", "4,5 dagar";
 * "–" when missing. */
const char *uf_style_value(char *buf, double value, const uf_indicator *indicator);
/* A year as the vocabulary's texts take it (every argument is a string). */
#define UF_YEARBUF 16
const char *uf_style_year(char *buf, int year);

#endif
