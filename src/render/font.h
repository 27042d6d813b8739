/* The bundled font (DejaVu Sans, fonts/) and the text helpers every chart
 * and PDF page draws with. The font is loaded from files through cairo-ft,
 * never looked up with fontconfig, so every machine draws the same letters
 * and every PDF embeds the same font. */
#ifndef UF_FONT_H
#define UF_FONT_H

#include "common/error.h"

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum uf_font_style { UF_FONT_REGULAR, UF_FONT_BOLD, UF_FONT_STYLES } uf_font_style;

/* Loads both faces once per process (later calls are free). Looks in
 * $UPPFOLJ_FONT_DIR when set (and only there), else beside the executable
 * (../share/uppfolj/fonts, then fonts/), else in the source tree's fonts/
 * (UF_FONT_DIR). UF_ERROR_READ when no folder holds the fonts. */
uf_error uf_font_load(void);
/* Makes fonts for pool workers 1..workers-1, each with a FreeType library
 * of its own (FT_Library is not thread-safe). Call on one thread, before
 * the workers start; sets already made are kept. */
uf_error uf_font_prepare(unsigned workers);
/* Makes this thread draw with worker's fonts (0: the loading thread's). */
void uf_font_bind(unsigned worker);
/* The folder the fonts came from, or the last folder tried on failure. */
const char *uf_font_dir(void);

/* Selects a face and size (in user units) on cr. */
void uf_font_use(cairo_t *cr, uf_font_style style, double size);

/* Text from input files may hold invalid UTF-8 (which would put cairo in an
 * error state) and line breaks: returns a clean single-line copy with
 * runs of white space collapsed. Free with free(). */
char *uf_text_clean(const char *s);

double uf_text_width(cairo_t *cr, const char *utf8);

typedef enum uf_align { UF_ALIGN_LEFT, UF_ALIGN_CENTER, UF_ALIGN_RIGHT } uf_align;

/* Draws one line with its baseline at y, shortened with an ellipsis to fit
 * max_width (<= 0: no limit). Returns the width drawn. */
double uf_text_draw(cairo_t *cr, double x, double y, const char *utf8, double max_width, uf_align align);

/* Wraps text into lines of at most width, at most max_lines (the last one
 * ends with an ellipsis when text remains), baselines line_height apart
 * starting at y; the first line starts `indent` further right (after a
 * label drawn by the caller). draw false only counts. Returns the lines
 * used. */
size_t uf_text_wrap(cairo_t *cr, double x, double y, double width, double indent, double line_height,
                    size_t max_lines, const char *utf8, bool draw);

/* How many bytes of s (a clean line from uf_text_clean) the first wrapped
 * line of at most width takes (at least one character). */
size_t uf_text_line_break(cairo_t *cr, const char *s, size_t len, double width);

#endif
