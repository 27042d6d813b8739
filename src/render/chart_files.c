#include "render/chart_files.h"

#include "render/chart.h"
#include "render/chart_encode.h"
#include "render/font.h"
#include "render/jobs.h"
#include "render/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- safe file names ---- */

enum { MAX_NAME = 100 };

/* Bytes in the valid UTF-8 character at s, 0 when invalid. */
static size_t char_len(const unsigned char *s, size_t n)
{
    size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
                 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

static bool unsafe_byte(unsigned char c) { return c < 0x20 || c == 0x7F || strchr("/\\:*?\"<>|", c) != NULL; }

static void copy_safe(uf_strbuf *sb, const char *id)
{
    size_t n = strlen(id);
    for (size_t i = 0; i < n;) {
        const unsigned char *p = (const unsigned char *)id + i;
        size_t len = char_len(p, n - i);
        bool c1 = len == 2 && p[0] == 0xC2 && p[1] < 0xA0;
        if (sb->len + (len ? len : 1) > MAX_NAME)
            break;
        if (len == 0 || c1 || (len == 1 && unsafe_byte(p[0])))
            uf_strbuf_putc(sb, '_');
        else
            uf_strbuf_append(sb, (const char *)p, len);
        i += len ? len : 1;
    }
}

/* CON, PRN, AUX, NUL, COM0-9, LPT0-9, also with an extension ("con.txt"). */
static bool windows_reserved(const char *s)
{
    static const char *const names[] = {"CON", "PRN", "AUX", "NUL"};
    size_t base = strcspn(s, ".");
    while (base > 0 && s[base - 1] == ' ')
        base--;
    char up[5] = {0};
    if (base < 3 || base > 4)
        return false;
    for (size_t i = 0; i < base; i++)
        up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    for (size_t i = 0; i < 4 && base == 3; i++)
        if (strcmp(up, names[i]) == 0)
            return true;
    return base == 4 && (strncmp(up, "COM", 3) == 0 || strncmp(up, "LPT", 3) == 0) && up[3] >= '0' && up[3] <= '9';
}

char *uf_safe_file_name(const char *id)
{
    uf_strbuf sb = {0};
    copy_safe(&sb, id ? id : "");
    char *s = uf_strbuf_take(&sb);
    size_t n = strlen(s);
    /* No hidden files, no "..", nothing Windows would silently strip. */
    for (size_t i = 0; i < n && (s[i] == '.' || s[i] == ' '); i++)
        s[i] = '_';
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            s[i] = '_';
    for (size_t i = n; i > 0 && (s[i - 1] == '.' || s[i - 1] == ' '); i--)
        s[i - 1] = '_';
    if (n == 0 || windows_reserved(s)) {
        char *prefixed = uf_xmalloc(n + 2);
        prefixed[0] = '_';
        memcpy(prefixed + 1, s, n + 1);
        free(s);
        s = prefixed;
    }
    return s;
}

struct uf_name_set {
    uf_index *index;
    uf_pool *pool;
};

uf_name_set *uf_name_set_new(size_t expected)
{
    uf_name_set *set = uf_xmalloc(sizeof *set);
    set->index = uf_index_new(expected);
    set->pool = uf_pool_new();
    return set;
}

void uf_name_set_free(uf_name_set *set)
{
    if (!set)
        return;
    uf_index_free(set->index);
    uf_pool_free(set->pool);
    free(set);
}

const char *uf_name_set_add(uf_name_set *set, const char *id)
{
    char *safe = uf_safe_file_name(id);
    size_t n = strlen(safe);
    char *name = uf_xmalloc(n + 24);
    memcpy(name, safe, n + 1);
    for (unsigned k = 2; uf_index_get(set->index, name, strlen(name)) != SIZE_MAX; k++)
        snprintf(name, n + 24, "%s~%u", safe, k);
    const char *kept = uf_pool_strndup(set->pool, name, strlen(name));
    uf_index_put(set->index, kept, strlen(kept), 0);
    free(safe);
    free(name);
    return kept;
}

/* ---- the files ---- */

/* The panel is laid out in points; the PNG draws it 1.5 times larger. */
#define PANEL_W 800.0
#define PANEL_H 427.0
#define PNG_SCALE 1.5

static char *path_of(const char *dir, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(name) + strlen(ext) + 16;
    char *path = uf_xmalloc(n);
    snprintf(path, n, "%s/diagram/%s.%s", dir, name, ext);
    return path;
}

static uf_error draw_panel(cairo_surface_t *surface, const uf_model *m, size_t i, double scale)
{
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    uf_chart_set(cr, uf_chart_rgb(UF_COLOUR_PAPER));
    cairo_paint(cr);
    cairo_translate(cr, 16, 12);
    uf_error err = uf_chart_indicator_panel(cr, PANEL_W - 32, PANEL_H - 24, m, i);
    cairo_destroy(cr);
    return err;
}

/* Draws indicator i into path as a PNG or an SVG, through a temporary file
 * (encoded by chart_encode.c: smaller PNGs, SVGs the same on any thread). */
static uf_error write_chart(const uf_model *m, size_t i, const char *path, bool png)
{
    uf_output out;
    uf_error err = uf_output_open_stream(&out, path);
    if (err != UF_OK)
        return err;
    uf_strbuf svg = {0};
    cairo_surface_t *s = png ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(PANEL_W * PNG_SCALE),
                                                          (int)(PANEL_H * PNG_SCALE))
                             : uf_svg_surface_create(&svg, PANEL_W, PANEL_H);
    err = draw_panel(s, m, i, png ? PNG_SCALE : 1);
    if (png && err == UF_OK)
        err = uf_png_write(s, out.fp);
    cairo_surface_finish(s);
    if (err == UF_OK && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        err = UF_ERROR_WRITE;
    cairo_surface_destroy(s);
    if (!png && err == UF_OK)
        err = uf_svg_write(&svg, out.fp);
    uf_strbuf_free(&svg);
    if (err != UF_OK) {
        uf_output_abort(&out);
        return err;
    }
    return uf_output_commit(&out);
}

typedef struct charts_job {
    const uf_model *m;
    char **png, **svg; /* [indicator], decided before the pool starts */
} charts_job;

static uf_error write_one_chart(void *ctx, size_t i, unsigned worker)
{
    (void)worker;
    const charts_job *job = ctx;
    uf_error err = write_chart(job->m, i, job->png[i], true);
    if (err == UF_OK)
        err = write_chart(job->m, i, job->svg[i], false);
    return err;
}

uf_error uf_chart_write_files(const uf_model *m, const char *dir)
{
    if (m->nyears == 0)
        return UF_ERROR_NO_DATA;
    uf_error err = uf_font_load();
    if (err != UF_OK)
        return err;
    char *sub = uf_path_join(dir, "diagram");
    err = uf_output_make_dirs(sub);
    free(sub);
    size_t n = m->plan->nindicators;
    charts_job job = {m, uf_xcalloc(n + 1, sizeof(char *)), uf_xcalloc(n + 1, sizeof(char *))};
    uf_name_set *names = uf_name_set_new(n);
    for (size_t i = 0; i < n; i++) {
        const char *name = uf_name_set_add(names, m->plan->indicators[i].id);
        job.png[i] = path_of(dir, name, "png");
        job.svg[i] = path_of(dir, name, "svg");
    }
    uf_name_set_free(names);
    if (err == UF_OK)
        err = uf_jobs_run(n, uf_jobs_count(), write_one_chart, &job);
    for (size_t i = 0; i < n; i++) {
        free(job.png[i]);
        free(job.svg[i]);
    }
    free(job.png);
    free(job.svg);
    return err;
}
