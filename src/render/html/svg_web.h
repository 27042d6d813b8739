/* Charts for the web page (styrelserapport-YYYY.html), written as SVG markup
 * by hand rather than drawn by cairo: real <text> elements instead of glyph
 * outlines, so the page stays small, searchable and readable by screen
 * readers, and scales with the page. The same figures as the cairo charts
 * (chart.h); nothing here is computed beyond placing them on the axes.
 *
 * Each chart is an <svg role="img"> whose <title> and <desc> the caller
 * gives; the figures themselves follow as a table (html_report.c). */
#ifndef UF_SVG_WEB_H
#define UF_SVG_WEB_H

#include "consolidate/model.h"

#include <stddef.h>
#include <stdio.h>

/* Text for HTML and SVG alike: & < > " ' as references, and control
 * characters other than tab and line feed dropped, so that no text from the
 * plan or a submission ever becomes markup ("]]>" and "<script>" included). */
void uf_web_escape(FILE *fp, const char *s);

/* A number for the page in the run's language, as many decimals as it has
 * (up to four), thousands grouped by no-break spaces; "–" when missing. */
#define UF_WEB_NUMBUF 96
const char *uf_web_number(char *buf, double value);

/* The fill of each status (Okabe–Ito, as the cairo charts); the symbol
 * beside it is uf_status_symbol. */
const char *uf_web_status_fill(uf_status status);

/* The municipality's figure per year for years[first..last] with the target
 * as a dashed line; points in their status colour and symbol. id names the
 * <title> and <desc> (id-t, id-d). */
void uf_svg_web_trend(FILE *fp, const uf_model *m, size_t indicator, size_t first, size_t last, const char *id,
                      const char *title, const char *desc);

/* The units' figures in the report year as bars, largest first, at most
 * top of them; units are the nunits units to show (those the indicator
 * applies to). others_text labels the rest when cut. */
void uf_svg_web_bars(FILE *fp, const uf_model *m, size_t indicator, const size_t *units, size_t nunits, size_t top,
                     const char *id, const char *title, const char *desc, const char *others_text);

#endif
