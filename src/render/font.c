#include "render/font.h"

#include "common/text.h"
#include "common/util.h"
#include "render/jobs.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef UF_FONT_DIR
#define UF_FONT_DIR "fonts"
#endif

static const char *const font_files[UF_FONT_STYLES] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

/* A FreeType library and the faces made from it. FT_Library is not
 * thread-safe, so every worker of the job pool (jobs.c) draws with a set
 * of its own: sets[0] is the calling thread's, sets[1..] are made by
 * uf_font_prepare. Loaded once and kept for the life of the process: cairo
 * caches scaled fonts past the last cairo_t, so the faces (and the
 * FreeType library they belong to) must never be freed under it. */
typedef struct font_set {
    FT_Library library;
    cairo_font_face_t *faces[UF_FONT_STYLES];
} font_set;

static font_set sets[UF_JOBS_MAX];
static cairo_font_options_t *options;
static char font_dir[PATH_MAX + 64];
/* The set this thread draws with (worker 0's when unbound). */
static _Thread_local unsigned bound;

static const cairo_user_data_key_t face_key;

static void done_face(void *face) { FT_Done_Face((FT_Face)face); }

static cairo_font_face_t *open_face(FT_Library library, const char *dir, const char *file)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FT_Face face;
    if (FT_New_Face(library, path, 0, &face) != 0)
        return NULL;
    /* No hinting: text measures the same on PDF, SVG and PNG. */
    cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(face, FT_LOAD_NO_HINTING);
    if (cairo_font_face_set_user_data(cf, &face_key, face, done_face) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cf);
        FT_Done_Face(face);
        return NULL;
    }
    return cf;
}

static bool load_set(font_set *set, const char *dir)
{
    cairo_font_face_t *faces[UF_FONT_STYLES] = {0};
    for (int s = 0; s < UF_FONT_STYLES; s++) {
        faces[s] = open_face(set->library, dir, font_files[s]);
        if (!faces[s]) {
            for (int k = 0; k < s; k++)
                cairo_font_face_destroy(faces[k]);
            return false;
        }
    }
    memcpy(set->faces, faces, sizeof faces);
    return true;
}

static bool load_from(const char *dir)
{
    snprintf(font_dir, sizeof font_dir, "%s", dir);
    return load_set(&sets[0], dir);
}

/* The folder of the running executable, for an installed binary. */
static bool exe_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

static bool load_beside_executable(void)
{
    char exe[PATH_MAX], dir[PATH_MAX + 32];
    if (!exe_dir(exe, sizeof exe))
        return false;
    snprintf(dir, sizeof dir, "%s/../share/uppfolj/fonts", exe);
    if (load_from(dir))
        return true;
    snprintf(dir, sizeof dir, "%s/fonts", exe);
    return load_from(dir);
}

uf_error uf_font_load(void)
{
    if (sets[0].faces[0])
        return UF_OK;
    if (!sets[0].library && FT_Init_FreeType(&sets[0].library) != 0)
        return UF_ERROR_MEMORY;
    const char *env = getenv("UPPFOLJ_FONT_DIR");
    bool ok = env && *env ? load_from(env) : load_beside_executable() || load_from(UF_FONT_DIR);
    if (!ok)
        return UF_ERROR_READ;
    options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    return UF_OK;
}

uf_error uf_font_prepare(unsigned workers)
{
    uf_error err = uf_font_load();
    for (unsigned w = 1; w < workers && w < UF_JOBS_MAX && err == UF_OK; w++) {
        font_set *set = &sets[w];
        if (set->faces[0])
            continue;
        if (!set->library && FT_Init_FreeType(&set->library) != 0)
            return UF_ERROR_MEMORY;
        if (!load_set(set, font_dir))
            err = UF_ERROR_READ;
    }
    return err;
}

void uf_font_bind(unsigned worker) { bound = worker < UF_JOBS_MAX ? worker : 0; }

const char *uf_font_dir(void) { return font_dir; }

void uf_font_use(cairo_t *cr, uf_font_style style, double size)
{
    cairo_font_face_t *face = sets[bound].faces[style];
    if (!face)
        return;
    cairo_set_font_face(cr, face);
    cairo_set_font_options(cr, options);
    cairo_set_font_size(cr, size);
}

/* ---- clean text ---- */

/* Characters cairo cannot take become U+FFFD and controls spaces
 * (uf_text_glyphs); then runs of white space become one space. */
char *uf_text_clean(const char *s)
{
    char *out = uf_text_glyphs(s, NULL);
    size_t o = 0;
    bool space = true; /* drops leading white space */
    for (const char *p = out; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n') {
            if (!space)
                out[o++] = ' ';
            space = true;
        } else {
            out[o++] = *p;
            space = false;
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

/* ---- measuring and drawing ---- */

static double width_of(cairo_t *cr, const char *s, size_t len)
{
    char stack[256];
    char *buf = len < sizeof stack ? stack : uf_xmalloc(len + 1);
    memcpy(buf, s, len);
    buf[len] = '\0';
    cairo_text_extents_t ext;
    cairo_text_extents(cr, buf, &ext);
    if (buf != stack)
        free(buf);
    return ext.x_advance;
}

double uf_text_width(cairo_t *cr, const char *utf8)
{
    char *clean = uf_text_clean(utf8);
    double w = width_of(cr, clean, strlen(clean));
    free(clean);
    return w;
}

static size_t next_char(const char *s, size_t at, size_t len)
{
    at++;
    while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
        at++;
    return at;
}

/* The widths of s's prefixes, from one conversion of s to glyphs rather
 * than one per prefix. cairo_text_extents places the glyphs from the
 * current point x0 and gives the last one's end less x0; the glyph after a
 * prefix starts at the very same sum, so glyphs[k].x - x0 is, to the bit,
 * the width of the first k characters. */
typedef struct prefixes {
    cairo_glyph_t *glyphs; /* NULL when cairo could not convert s */
    int n;
    double x0;
} prefixes;

static prefixes prefixes_of(cairo_t *cr, const char *s, size_t len)
{
    prefixes p = {0};
    double y0;
    cairo_get_current_point(cr, &p.x0, &y0);
    if (len > INT_MAX || cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), p.x0, y0, s, (int)len, &p.glyphs,
                                                          &p.n, NULL, NULL, NULL) != CAIRO_STATUS_SUCCESS) {
        cairo_glyph_free(p.glyphs);
        p.glyphs = NULL;
    }
    return p;
}

/* The width of s's first `bytes`, which are `chars` characters. */
static double prefix_width(cairo_t *cr, const prefixes *p, const char *s, size_t bytes, size_t chars)
{
    if (p->glyphs && chars < (size_t)p->n)
        return p->glyphs[chars].x - p->x0;
    return width_of(cr, s, bytes);
}

/* The longest prefix of s (at a character boundary) whose width plus
 * `extra` fits max_width. Binary search: widths only grow with length. */
static size_t fitting_prefix(cairo_t *cr, const char *s, size_t len, double max_width, double extra)
{
    size_t *bounds = uf_xmalloc((len + 1) * sizeof *bounds), n = 0;
    for (size_t i = 0; i < len; i = next_char(s, i, len))
        bounds[n++] = i;
    bounds[n++] = len;
    prefixes p = prefixes_of(cr, s, len);
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (prefix_width(cr, &p, s, bounds[mid], mid) + extra <= max_width)
            lo = mid;
        else
            hi = mid - 1;
    }
    size_t keep = bounds[lo];
    cairo_glyph_free(p.glyphs);
    free(bounds);
    return keep;
}

/* s shortened with "…" to fit; returns a new string and sets *width to
 * its width (measured once: measuring is most of drawing a short text). */
static char *ellipsize(cairo_t *cr, const char *s, size_t len, double max_width, double *width)
{
    *width = width_of(cr, s, len);
    if (max_width <= 0 || *width <= max_width)
        return uf_xstrndup(s, len);
    static const char dots[] = "\xE2\x80\xA6";
    size_t keep = fitting_prefix(cr, s, len, max_width, width_of(cr, dots, 3));
    while (keep > 0 && s[keep - 1] == ' ')
        keep--;
    char *out = uf_xmalloc(keep + 4);
    memcpy(out, s, keep);
    memcpy(out + keep, dots, 4);
    *width = width_of(cr, out, keep + 3);
    return out;
}

static void show_at(cairo_t *cr, double x, double y, const char *text, double w, uf_align align)
{
    double left = align == UF_ALIGN_LEFT ? x : align == UF_ALIGN_CENTER ? x - w / 2 : x - w;
    cairo_move_to(cr, left, y);
    cairo_show_text(cr, text);
}

double uf_text_draw(cairo_t *cr, double x, double y, const char *utf8, double max_width, uf_align align)
{
    char *clean = uf_text_clean(utf8);
    double w;
    char *fit = ellipsize(cr, clean, strlen(clean), max_width, &w);
    show_at(cr, x, y, fit, w, align);
    free(fit);
    free(clean);
    return w;
}

/* How many bytes of s (from its start) go on one line of width: whole
 * words while they fit; a single word wider than the line is cut. */
size_t uf_text_line_break(cairo_t *cr, const char *s, size_t len, double width)
{
    size_t end = 0, at = 0, chars = 0;
    prefixes p = prefixes_of(cr, s, len);
    while (at < len) {
        size_t word_end = at;
        for (; word_end < len && s[word_end] != ' '; word_end++)
            chars += ((unsigned char)s[word_end] & 0xC0) != 0x80;
        if (prefix_width(cr, &p, s, word_end, chars) > width)
            break;
        end = word_end;
        at = word_end < len ? word_end + 1 : len;
        chars += at > word_end; /* the space */
    }
    cairo_glyph_free(p.glyphs);
    if (end == 0)
        end = fitting_prefix(cr, s, len, width, 0);
    return end > 0 ? end : next_char(s, 0, len);
}

size_t uf_text_wrap(cairo_t *cr, double x, double y, double width, double indent, double line_height,
                    size_t max_lines, const char *utf8, bool draw)
{
    char *clean = uf_text_clean(utf8);
    size_t len = strlen(clean), at = 0, lines = 0;
    while (at < len && lines < max_lines) {
        const char *s = clean + at;
        size_t rest = len - at;
        double lx = lines == 0 ? x + indent : x, lw = lines == 0 ? width - indent : width;
        size_t n = lines + 1 == max_lines ? rest : uf_text_line_break(cr, s, rest, lw);
        if (draw) {
            double w;
            char *line = ellipsize(cr, s, n, lw, &w);
            show_at(cr, lx, y + (double)lines * line_height, line, w, UF_ALIGN_LEFT);
            free(line);
        }
        lines++;
        at += n;
        while (at < len && clean[at] == ' ')
            at++;
    }
    free(clean);
    return lines;
}
