#include "render/chart_files.h"

#include "render/chart.h"
#include "render/font.h"
#include "render/output.h"

#include <cairo-svg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the files ---- */

/* The panel is laid out in points; the PNG draws it 1.5 times larger. */
#define PANEL_W 800.0
#define PANEL_H 427.0
/* The report fuzzer draws them smaller: compressing full-size PNGs took
 * four fifths of its time, in libpng rather than in our drawing. */
#ifndef PNG_SCALE
#define PNG_SCALE 1.5
#endif

static char *path_of(const char *dir, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(name) + strlen(ext) + 16;
    char *path = uf_xmalloc(n);
    snprintf(path, n, "%s/diagram/%s.%s", dir, name, ext);
    return path;
}

static uf_error draw_panel(cairo_surface_t *surface, const uf_view *v, size_t i, double scale)
{
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_PAPER));
    cairo_paint(cr);
    cairo_translate(cr, 16, 12);
    uf_error err = uf_chart_indicator_panel(cr, PANEL_W - 32, PANEL_H - 24, v, i);
    cairo_destroy(cr);
    return err;
}

/* Draws indicator i into path as a PNG or an SVG, through a temporary file. */
static uf_error write_chart(const uf_view *v, size_t i, const char *path, bool png)
{
    uf_output out;
    uf_error err = uf_output_begin(&out, path);
    if (err != UF_OK)
        return err;
    cairo_surface_t *s = png ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(PANEL_W * PNG_SCALE),
                                                          (int)(PANEL_H * PNG_SCALE))
                             : cairo_svg_surface_create(out.temp_path, PANEL_W, PANEL_H);
    err = draw_panel(s, v, i, png ? PNG_SCALE : 1);
    if (png && err == UF_OK && cairo_surface_write_to_png(s, out.temp_path) != CAIRO_STATUS_SUCCESS)
        err = UF_ERROR_WRITE;
    cairo_surface_finish(s);
    if (err == UF_OK && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        err = UF_ERROR_WRITE;
    cairo_surface_destroy(s);
    if (err != UF_OK) {
        uf_output_abort(&out);
        return err;
    }
    return uf_output_commit(&out);
}

static uf_error write_indicator(const uf_view *v, size_t i, const char *dir, const char *name)
{
    char *png = path_of(dir, name, "png"), *svg = path_of(dir, name, "svg");
    uf_error err = write_chart(v, i, png, true);
    if (err == UF_OK)
        err = write_chart(v, i, svg, false);
    free(png);
    free(svg);
    return err;
}

uf_error uf_chart_write_files(const uf_view *v, const char *dir)
{
    const uf_model *m = v->model;
    if (m->nyears == 0)
        return UF_ERROR_NO_DATA;
    uf_error err = uf_font_load();
    if (err != UF_OK)
        return err;
    char *sub = uf_path_join(dir, "diagram");
    err = uf_output_make_dirs(sub);
    free(sub);
    for (size_t i = 0; i < m->plan->nindicators && err == UF_OK; i++)
        err = write_indicator(v, i, dir, uf_plan_indicator_stem(m->plan, i));
    return err;
}
