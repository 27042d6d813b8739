#include "render/chart/chart_files.h"

#include "common/messages.h"
#include "render/chart/chart.h"
#include "render/chart/chart_desc.h"
#include "render/chart/chart_encode.h"
#include "render/font.h"
#include "render/jobs.h"
#include "output/output.h"

#include <math.h>
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
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_PAPER));
    cairo_paint(cr);
    cairo_translate(cr, 16, 12);
    uf_error err = uf_chart_indicator_panel(cr, PANEL_W - 32, PANEL_H - 24, v, i);
    cairo_destroy(cr);
    return err;
}

/* Draws indicator i into path as a PNG or an SVG, through a temporary file
 * (encoded by chart_encode.c: smaller PNGs, SVGs the same on any thread). */
static uf_error write_chart(const uf_view *v, size_t i, const char *path, bool png)
{
    uf_output out;
    uf_error err = uf_output_open_stream(&out, path);
    if (err != UF_OK)
        return err;
    uf_strbuf svg = {0};
    cairo_surface_t *s = png ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(PANEL_W * PNG_SCALE),
                                                          (int)(PANEL_H * PNG_SCALE))
                             : uf_svg_surface_create(&svg, PANEL_W, PANEL_H);
    err = draw_panel(s, v, i, png ? PNG_SCALE : 1);
    if (png && err == UF_OK)
        err = uf_png_write(s, out.fp);
    cairo_surface_finish(s);
    if (err == UF_OK && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        err = UF_ERROR_WRITE;
    cairo_surface_destroy(s);
    if (!png && err == UF_OK) {
        char *desc = uf_chart_desc_trend(v, i);
        err = uf_svg_write(&svg, v->model->plan->indicators[i].name, desc, out.fp);
        free(desc);
    }
    uf_strbuf_free(&svg);
    if (err != UF_OK) {
        uf_output_abort(&out);
        return err;
    }
    return uf_output_commit(&out);
}

struct uf_chart_files {
    const uf_view *v;
    size_t n;          /* indicators */
    char **png, **svg; /* [indicator], decided before the pool starts */
};

/* Item 2i is indicator i's PNG, 2i + 1 its SVG: two items of about the
 * same cost, so that the workers finish together. */
static uf_error write_one_chart(void *ctx, size_t item, unsigned worker)
{
    (void)worker;
    const uf_chart_files *job = ctx;
    size_t i = item / 2;
    return item % 2 == 0 ? write_chart(job->v, i, job->png[i], true) : write_chart(job->v, i, job->svg[i], false);
}

void uf_chart_files_free(uf_chart_files *files)
{
    if (!files)
        return;
    for (size_t i = 0; i < files->n; i++) {
        free(files->png[i]);
        free(files->svg[i]);
    }
    free(files->png);
    free(files->svg);
    free(files);
}

uf_error uf_chart_files_prepare(uf_chart_files **files, const uf_view *v, const char *dir, uf_job_set *set)
{
    const uf_model *m = v->model;
    *files = NULL;
    *set = (uf_job_set){0};
    if (m->nyears == 0)
        return UF_ERROR_NO_DATA;
    uf_error err = uf_font_load();
    if (err != UF_OK)
        return err;
    char *sub = uf_path_join(dir, "diagram");
    err = uf_output_make_dirs(sub);
    free(sub);
    if (err != UF_OK)
        return err;
    size_t n = m->plan->nindicators;
    uf_chart_files *f = uf_xcalloc(1, sizeof *f);
    *f = (uf_chart_files){v, n, uf_xcalloc(n + 1, sizeof(char *)), uf_xcalloc(n + 1, sizeof(char *))};
    for (size_t i = 0; i < n; i++) {
        const char *name = uf_plan_indicator_stem(m->plan, i);
        f->png[i] = path_of(dir, name, "png");
        f->svg[i] = path_of(dir, name, "svg");
    }
    *files = f;
    *set = (uf_job_set){2 * n, write_one_chart, f};
    return UF_OK;
}

uf_error uf_chart_write_files(const uf_view *v, const char *dir)
{
    uf_chart_files *files;
    uf_job_set set;
    uf_error err = uf_chart_files_prepare(&files, v, dir, &set);
    if (err == UF_OK)
        err = uf_jobs_run_sets(&set, 1, uf_jobs_count(), NULL);
    uf_chart_files_free(files);
    return err;
}
