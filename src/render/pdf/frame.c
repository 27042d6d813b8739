#include "render/pdf/frame.h"

#include "common/text.h"
#include "common/util.h"
#include "render/font.h"
#include "render/style.h"

#include <assert.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIDDOT " \xC2\xB7 "
#define ELLIPSIS "\xE2\x80\xA6"


static bool epoch_from_env(time_t *t)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0)
        return false;
    *t = (time_t)v;
    return true;
}

void uf_pdf_now(struct tm *tm, bool *reproducible)
{
    time_t t;
    *reproducible = epoch_from_env(&t);
    if (*reproducible) {
        gmtime_r(&t, tm);
    } else {
        t = time(NULL);
        localtime_r(&t, tm);
    }
}

static void set_metadata(cairo_surface_t *s, const char *title, const char *subject, const struct tm *tm, bool utc)
{
    char date[40];
    strftime(date, sizeof date, utc ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%dT%H:%M:%S", tm);
    char *clean_title = uf_text_clean(title), *clean_subject = uf_text_clean(subject);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, clean_title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, clean_subject);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, UF_PDF_AUTHOR);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "uppfolj " UF_VERSION);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
    free(clean_title);
    free(clean_subject);
}

uf_error uf_pdf_open(uf_pdf_doc *doc, const char *path, const char *title, const char *subject, size_t npages)
{
    *doc = (uf_pdf_doc){.npages = npages};
    uf_error err = uf_font_load();
    if (err == UF_OK)
        err = uf_output_begin(&doc->out, path);
    if (err != UF_OK)
        return err;
    doc->surface = cairo_pdf_surface_create(doc->out.temp_path, UF_PAGE_W, UF_PAGE_H);
    doc->cr = cairo_create(doc->surface);
    struct tm tm;
    bool utc;
    uf_pdf_now(&tm, &utc);
    strftime(doc->date, sizeof doc->date, "%Y-%m-%d", &tm);
    set_metadata(doc->surface, title, subject, &tm, utc);
    snprintf(doc->running, sizeof doc->running, "%.*s", uf_utf8_prefix(title, sizeof doc->running - 1), title);
    return cairo_status(doc->cr) == CAIRO_STATUS_SUCCESS ? UF_OK : uf_pdf_close(doc, UF_ERROR_CAIRO);
}

static void rule(cairo_t *cr, double y)
{
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_GRID));
    cairo_set_line_width(cr, 0.7);
    cairo_move_to(cr, UF_MARGIN, y);
    cairo_line_to(cr, UF_PAGE_W - UF_MARGIN, y);
    cairo_stroke(cr);
}

static void page_footer(uf_pdf_doc *doc)
{
    cairo_t *cr = doc->cr;
    char left[64], right[64], a[UF_NUMBUF], b[UF_NUMBUF];
    rule(cr, UF_PAGE_H - 30);
    snprintf(left, sizeof left, UF_PDF_AUTHOR MIDDOT "%s", doc->date);
    snprintf(right, sizeof right, "Sida %s av %s", uf_style_count(a, doc->page),
             uf_style_count(b, doc->npages));
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_REGULAR, 8);
    uf_text_draw(cr, UF_MARGIN, UF_PAGE_H - 18, left, 0, UF_ALIGN_LEFT);
    uf_text_draw(cr, UF_PAGE_W - UF_MARGIN, UF_PAGE_H - 18, right, 0, UF_ALIGN_RIGHT);
}

void uf_pdf_page(uf_pdf_doc *doc, const char *section)
{
    cairo_t *cr = doc->cr;
    doc->page++;
    /* The page's paper first: cairo's PDF surface unites the extents of
     * every drawing operation of a page into a region (to find what needs
     * a fallback image), which costs more with every small text; inside
     * one whole-page rectangle each union is free. A tenth of a unit
     * PDF's instructions (README, "Performance"). */
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_PAPER));
    cairo_paint(cr);
    if (section) {
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
        uf_font_use(cr, UF_FONT_REGULAR, 8);
        double w = uf_text_draw(cr, UF_MARGIN, 26, doc->running, UF_CONTENT_W * 0.45, UF_ALIGN_LEFT);
        uf_font_use(cr, UF_FONT_BOLD, 8);
        uf_text_draw(cr, UF_PAGE_W - UF_MARGIN, 26, section, UF_CONTENT_W - w - 24, UF_ALIGN_RIGHT);
        rule(cr, 33);
    }
    page_footer(doc);
}

void uf_pdf_page_end(uf_pdf_doc *doc) { cairo_show_page(doc->cr); }

int uf_pdf_bookmark(uf_pdf_doc *doc, int parent, const char *title, size_t page, bool open)
{
    char link[48];
    snprintf(link, sizeof link, "page=%zu pos=[0 0]", page);
    char *clean = uf_text_clean(title);
    int id = cairo_pdf_surface_add_outline(doc->surface, parent, clean, link, open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    free(clean);
    return id;
}

uf_error uf_pdf_close(uf_pdf_doc *doc, uf_error err)
{
    if (doc->cr) {
        if (err == UF_OK && cairo_status(doc->cr) != CAIRO_STATUS_SUCCESS)
            err = UF_ERROR_CAIRO;
        cairo_destroy(doc->cr);
    }
    if (doc->surface) {
        cairo_surface_finish(doc->surface);
        cairo_status_t st = cairo_surface_status(doc->surface);
        if (err == UF_OK && st != CAIRO_STATUS_SUCCESS)
            err = st == CAIRO_STATUS_WRITE_ERROR ? UF_ERROR_WRITE : UF_ERROR_CAIRO;
        cairo_surface_destroy(doc->surface);
    }
    /* The footers promised a page count; a mismatch is a layout bug. */
    assert(err != UF_OK || doc->page == doc->npages);
    if (err != UF_OK)
        uf_output_abort(&doc->out);
    else
        err = uf_output_commit(&doc->out);
    for (size_t k = 0; k < doc->nalts; k++)
        free(doc->alts[k]);
    free(doc->alts);
    *doc = (uf_pdf_doc){0};
    return err;
}

void uf_pdf_tag_begin(uf_pdf_doc *doc, const char *name) { cairo_tag_begin(doc->cr, name, ""); }

void uf_pdf_tag_end(uf_pdf_doc *doc, const char *name) { cairo_tag_end(doc->cr, name); }

static void alt_keep(uf_pdf_doc *doc, const char *alt)
{
    if (doc->nalts == doc->alts_cap) {
        size_t cap = doc->alts_cap ? 2 * doc->alts_cap : 16;
        char **grown = realloc(doc->alts, cap * sizeof *grown);
        if (!grown) {
            doc->alts_failed = true;
            return;
        }
        doc->alts = grown;
        doc->alts_cap = cap;
    }
    char *copy = uf_text_clean(alt ? alt : "");
    if (!copy) {
        doc->alts_failed = true;
        return;
    }
    doc->alts[doc->nalts++] = copy;
}

void uf_pdf_figure_begin(uf_pdf_doc *doc, const char *alt)
{
    alt_keep(doc, alt);
    cairo_tag_begin(doc->cr, "Figure", "");
}

void uf_pdf_figure_end(uf_pdf_doc *doc) { cairo_tag_end(doc->cr, "Figure"); }

double uf_pdf_title(cairo_t *cr, double y, const char *text)
{
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 17);
    size_t lines = uf_text_wrap(cr, UF_MARGIN, y + 17, UF_CONTENT_W, 0, 20, 2, text, true);
    return y + 17 + 20 * (double)(lines ? lines - 1 : 0) + 10;
}

double uf_pdf_heading(cairo_t *cr, double x, double y, double w, const char *text)
{
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 11);
    uf_text_draw(cr, x, y + 11, text, w, UF_ALIGN_LEFT);
    return y + 19;
}

double uf_pdf_note(cairo_t *cr, double x, double y, double w, const char *text, size_t max_lines)
{
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_REGULAR, 9);
    size_t lines = uf_text_wrap(cr, x, y + 9, w, 0, 12, max_lines, text, true);
    return y + 12 * (double)lines + 4;
}

void uf_pdf_more(cairo_t *cr, double x, double y, size_t more, const char *what)
{
    char n[UF_NUMBUF], text[160];
    snprintf(text, sizeof text, ELLIPSIS " och %s %s till", uf_style_count(n, more), what);
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_BOLD, 8.5);
    uf_text_draw(cr, x, y, text, 0, UF_ALIGN_LEFT);
}

/* Files are named from the submissions folder on: the folder the run was
 * given (often a long absolute path) says nothing to the reader. */
static const char *short_file_name(const char *name)
{
    const char *key = "inrapportering/", *at = NULL;
    for (const char *p = strstr(name, key); p; p = strstr(p + 1, key))
        at = p;
    return at && (at == name || at[-1] == '/') ? at : name;
}

void uf_pdf_diag_place(char *buf, size_t size, const uf_diag_list *diags, const uf_diag *d)
{
    const char *file = d->file == UF_NO_FILE ? "" : short_file_name(uf_diag_file_name(diags, d->file));
    if (d->line > 0 && d->column > 0)
        snprintf(buf, size, "%.*s:%ld:%d", uf_utf8_prefix(file, size - 48), file, d->line, d->column);
    else if (d->line > 0)
        snprintf(buf, size, "%.*s:%ld", uf_utf8_prefix(file, size - 48), file, d->line);
    else
        snprintf(buf, size, "%.*s", uf_utf8_prefix(file, size - 1), file);
}
