/* The diagram files' encoders, beside cairo's own (chart_files.c).
 *
 * PNG: cairo_surface_write_to_png uses libpng's defaults, adaptive row
 * filters and zlib level 6, which cost about 350 M instructions for one
 * 1200 x 640 diagram. Flat colours and text compress best without a
 * filter, and zlib level 3 is then as small: the file is about 10 %
 * smaller and takes a fifth of the instructions (README, "Performance").
 *
 * SVG: cairo names the drawing's group after a counter shared by every
 * surface of the process ("surface1701"), so a diagram's bytes would
 * depend on what else was drawn before it, and on which thread. The
 * counters are numbered again in order of appearance. */
#ifndef UF_CHART_ENCODE_H
#define UF_CHART_ENCODE_H

#include "common/error.h"
#include "common/util.h"

#include <cairo.h>
#include <stdio.h>

/* Writes an RGB24 image surface as an 8-bit RGB PNG to fp. UF_ERROR_WRITE
 * when fp fails, UF_ERROR_CAIRO when the surface is no RGB24 image. */
uf_error uf_png_write(cairo_surface_t *image, FILE *fp);

/* An SVG surface that writes into buf (which must outlive it). */
cairo_surface_t *uf_svg_surface_create(uf_strbuf *buf, double width, double height);
/* Writes buf to fp with cairo's surface ids numbered 1, 2, ..., and
 * <title> and <desc> (plain text, escaped here) right after the root
 * <svg> element, for screen readers and for the file's own title. */
uf_error uf_svg_write(const uf_strbuf *buf, const char *title, const char *desc, FILE *fp);

#endif
