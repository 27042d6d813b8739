#include "render/pdf/frame.h"

#include "common/text.h"
#include "common/util.h"
#include "render/chart/chart.h"
#include "render/font.h"
#include "render/pdf/finish.h"
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

static cairo_status_t raw_write(void *closure, const unsigned char *data, unsigned int length)
{
    uf_strbuf_append(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

uf_error uf_pdf_open(uf_pdf_doc *doc, const char *path, const char *title, const char *subject, size_t npages)
{
    *doc = (uf_pdf_doc){.npages = npages};
    uf_error err = uf_font_load();
    if (err == UF_OK)
        err = uf_output_open_stream(&doc->out, path);
    if (err != UF_OK)
        return err;
    /* cairo writes into memory; the finished file goes to the temporary
     * file (uf_pdf_close). */
    doc->surface = cairo_pdf_surface_create_for_stream(raw_write, &doc->raw, UF_PAGE_W, UF_PAGE_H);
    doc->cr = cairo_create(doc->surface);
    uf_pdf_now(&doc->when, &doc->utc);
    strftime(doc->date, sizeof doc->date, "%Y-%m-%d", &doc->when);
    set_metadata(doc->surface, title, subject, &doc->when, doc->utc);
    snprintf(doc->running, sizeof doc->running, "%.*s", uf_utf8_prefix(title, sizeof doc->running - 1), title);
    uf_pdf_tag_begin(doc, "Document");
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
    char left[160], a[UF_NUMBUF], b[UF_NUMBUF];
    rule(cr, UF_PAGE_H - 30);
    snprintf(left, sizeof left, "%s" MIDDOT "%s", UF_PDF_AUTHOR, doc->date);
    char *right = uf_msg_format(UF_MSG_PDF_PAGE_OF, uf_style_count(a, doc->page), uf_style_count(b, doc->npages));
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    uf_text_draw(cr, UF_MARGIN, UF_PAGE_H - 18, left, 0, UF_ALIGN_LEFT);
    uf_text_draw(cr, UF_PAGE_W - UF_MARGIN, UF_PAGE_H - 18, right ? right : "", 0, UF_ALIGN_RIGHT);
    free(right);
}

void uf_pdf_page(uf_pdf_doc *doc, const char *section)
{
    cairo_t *cr = doc->cr;
    doc->page++;
    if (section) {
        uf_style_set(cr, uf_style_rgb(UF_COLOUR_MUTED));
        uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
        double w = uf_text_draw(cr, UF_MARGIN, 26, doc->running, UF_CONTENT_W * 0.45, UF_ALIGN_LEFT);
        uf_font_use(cr, UF_FONT_BOLD, UF_PT_MIN);
        uf_text_draw(cr, UF_PAGE_W - UF_MARGIN, 26, section, UF_CONTENT_W - w - 24, UF_ALIGN_RIGHT);
        rule(cr, 33);
    }
    page_footer(doc);
}

/* Elements that only hold others may run across pages; any other is closed
 * at a page's end (uf_pdf_tag_resume). */
static bool tag_is_container(const char *name)
{
    static const char *const containers[] = {"Document", "Part", "Sect", "Div", "L", "LI", "Table", "TR",
                                             "THead", "TBody", "TFoot"};
    for (size_t k = 0; k < sizeof containers / sizeof *containers; k++)
        if (strcmp(name, containers[k]) == 0)
            return true;
    return false;
}

void uf_pdf_page_end(uf_pdf_doc *doc)
{
    if (doc->nopen && !tag_is_container(doc->open[doc->nopen - 1])) {
        const char *name = doc->open[doc->nopen - 1];
        uf_pdf_tag_end(doc, name);
        doc->suspended = name;
    }
    /* The last page ends the Document element: a tag ended after the last
     * page would open a page of its own. */
    if (doc->page == doc->npages) {
        doc->suspended = NULL;
        while (doc->nopen)
            uf_pdf_tag_end(doc, doc->open[doc->nopen - 1]);
    }
    cairo_show_page(doc->cr);
}

int uf_pdf_bookmark(uf_pdf_doc *doc, int parent, const char *title, size_t page, bool open)
{
    char link[48];
    snprintf(link, sizeof link, "page=%zu pos=[0 0]", page);
    char *clean = uf_text_clean(title);
    int id = cairo_pdf_surface_add_outline(doc->surface, parent, clean, link, open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    free(clean);
    return id;
}

/* The file cairo wrote into doc->raw, finished into the temporary file. */
static uf_error finish(uf_pdf_doc *doc)
{
    if (doc->alts_failed)
        return UF_ERROR_MEMORY;
    uf_pdf_finishing f = {uf_pdf_lang(), doc->alts, doc->nalts, &doc->when, doc->utc};
    return uf_pdf_finish(doc->raw.data, doc->raw.len, &f, doc->out.fp);
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
    /* So is an element left open or ended twice. */
    assert(err != UF_OK || doc->nopen == 0);
    if (err == UF_OK)
        err = finish(doc);
    if (err != UF_OK)
        uf_output_abort(&doc->out);
    else
        err = uf_output_commit(&doc->out);
    for (size_t k = 0; k < doc->nalts; k++)
        free(doc->alts[k]);
    free(doc->alts);
    uf_strbuf_free(&doc->raw);
    *doc = (uf_pdf_doc){0};
    return err;
}

void uf_pdf_tag_begin(uf_pdf_doc *doc, const char *name)
{
    assert(doc->nopen < sizeof doc->open / sizeof *doc->open);
    if (doc->nopen < sizeof doc->open / sizeof *doc->open)
        doc->open[doc->nopen++] = name;
    cairo_tag_begin(doc->cr, name, "");
}

void uf_pdf_tag_end(uf_pdf_doc *doc, const char *name)
{
    if (doc->suspended && strcmp(doc->suspended, name) == 0) {
        doc->suspended = NULL; /* closed at the page's end, never resumed */
        return;
    }
    assert(doc->nopen && strcmp(doc->open[doc->nopen - 1], name) == 0);
    if (doc->nopen)
        doc->nopen--;
    cairo_tag_end(doc->cr, name);
}

void uf_pdf_tag_resume(uf_pdf_doc *doc)
{
    const char *name = doc->suspended;
    doc->suspended = NULL;
    if (name)
        uf_pdf_tag_begin(doc, name);
}

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
    uf_pdf_tag_begin(doc, "Figure");
}

void uf_pdf_figure_end(uf_pdf_doc *doc) { uf_pdf_tag_end(doc, "Figure"); }

double uf_pdf_title(cairo_t *cr, double y, const char *text)
{
    uf_style_set(cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(cr, UF_FONT_BOLD, 17);
    size_t lines = uf_text_wrap(cr, UF_MARGIN, y + 17, UF_CONTENT_W, 0, 20, SIZE_MAX, text, true);
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
    uf_font_use(cr, UF_FONT_REGULAR, UF_PT_MIN);
    size_t lines = uf_text_wrap(cr, x, y + 9, w, 0, UF_LINE_MIN, max_lines, text, true);
    return y + 12 * (double)lines + 4;
}

/* ---- flowing text ---- */

static double flow_title(uf_pdf_flow *f, const char *text)
{
    uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
    uf_font_use(f->cr, UF_FONT_BOLD, 17);
    size_t lines = uf_text_wrap(f->cr, UF_MARGIN, UF_CONTENT_TOP + 21, UF_CONTENT_W, 0, 20, 8, text, f->draw);
    return UF_CONTENT_TOP + 21 + 20 * (double)(lines ? lines - 1 : 0) + 14;
}

void uf_pdf_flow_break(uf_pdf_flow *f)
{
    if (f->draw) {
        if (f->pages)
            uf_pdf_page_end(f->doc);
        uf_pdf_page(f->doc, f->section);
    }
    f->pages++;
    f->y = UF_CONTENT_TOP + 4;
    if (f->title) {
        char *title = f->pages > 1 ? uf_msg_format(UF_MSG_PDF_CONTINUED, f->title) : uf_xstrdup(f->title);
        /* What a new page repeats stays untagged, out of the reading order. */
        if (f->pages == 1)
            uf_pdf_flow_tag_begin(f, "H1");
        f->y = flow_title(f, title ? title : f->title);
        if (f->pages == 1)
            uf_pdf_flow_tag_end(f, "H1");
        free(title);
    }
    if (f->entry) {
        char *text = uf_msg_format(UF_MSG_PDF_CONTINUED, f->entry);
        uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_MUTED));
        uf_font_use(f->cr, UF_FONT_BOLD, UF_BODY_PT);
        f->y += UF_BODY_LINE * (double)uf_text_wrap(f->cr, UF_MARGIN, f->y + UF_BODY_PT, UF_TEXT_W, 0, UF_BODY_LINE, SIZE_MAX,
                                                    text ? text : f->entry, f->draw) + 3;
        free(text);
    }
    if (f->draw)
        uf_pdf_tag_resume(f->doc);
}

void uf_pdf_flow_need(uf_pdf_flow *f, double h)
{
    if (f->pages == 0 || f->y + h > UF_CONTENT_BOTTOM)
        uf_pdf_flow_break(f);
}

void uf_pdf_flow_end(uf_pdf_flow *f)
{
    if (f->draw && f->pages)
        uf_pdf_page_end(f->doc);
}

/* A bold label that wraps like the text after it; returns the width of
 * its last line and a space. */
static double flow_label(uf_pdf_flow *f, double x, double w, double size, double line, const char *label)
{
    char *clean = uf_text_clean(label);
    size_t len = strlen(clean), at = 0;
    double last = 0;
    while (at < len) {
        uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(f->cr, UF_FONT_BOLD, size);
        size_t n = uf_text_line_break(f->cr, clean + at, len - at, w);
        char *piece = uf_xstrndup(clean + at, n);
        last = f->draw ? uf_text_draw(f->cr, x, f->y + size, piece, 0, UF_ALIGN_LEFT) : uf_text_width(f->cr, piece);
        free(piece);
        at += n;
        while (at < len && clean[at] == ' ')
            at++;
        if (at < len) {
            f->y += line;
            uf_pdf_flow_need(f, line);
        }
    }
    free(clean);
    return last + size * 0.4;
}

void uf_pdf_flow_para(uf_pdf_flow *f, double x, double w, uf_font_style style, double size, double line,
                      const char *label, const char *text)
{
    char *clean = uf_text_clean(text ? text : "");
    size_t len = strlen(clean), at = 0;
    uf_pdf_flow_need(f, line);
    double indent = label && *label ? flow_label(f, x, w, size, line, label) : 0;
    if (indent > w * 0.7 && len) { /* too little room after the label */
        f->y += line;
        uf_pdf_flow_need(f, line);
        indent = 0;
    }
    for (bool first = true; first || at < len; first = false) {
        if (!first) {
            f->y += line;
            uf_pdf_flow_need(f, line);
        }
        uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_INK));
        uf_font_use(f->cr, style, size);
        double lx = first ? x + indent : x, lw = first ? w - indent : w;
        if (at >= len)
            break;
        size_t n = uf_text_line_break(f->cr, clean + at, len - at, lw);
        if (f->draw) {
            char *piece = uf_xstrndup(clean + at, n);
            uf_text_draw(f->cr, lx, f->y + size, piece, 0, UF_ALIGN_LEFT);
            free(piece);
        }
        at += n;
        while (at < len && clean[at] == ' ')
            at++;
    }
    f->y += line;
    free(clean);
}

void uf_pdf_flow_assessment(uf_pdf_flow *f, const char *heading, const char *name, const uf_view_assessment *a)
{
    char g[UF_NUMBUF], r[UF_NUMBUF];
    /* The name, then the word with its badge on its last line. */
    uf_font_use(f->cr, UF_FONT_BOLD, 10.5);
    double name_w = uf_text_width(f->cr, name);
    bool beside = name_w <= UF_TEXT_W - 160;
    f->y += 6;
    uf_pdf_flow_need(f, (beside ? 18 : 33) + UF_BODY_LINE); /* the name with its first line of text */
    if (f->draw) {
        uf_style_set(f->cr, uf_style_rgb(UF_COLOUR_GRID));
        cairo_set_line_width(f->cr, 0.5);
        cairo_move_to(f->cr, UF_MARGIN, f->y - 3);
        cairo_line_to(f->cr, UF_PAGE_W - UF_MARGIN, f->y - 3);
        cairo_stroke(f->cr);
    }
    uf_pdf_flow_tag_begin(f, heading);
    uf_pdf_flow_para(f, UF_MARGIN, UF_TEXT_W - 160, UF_FONT_BOLD, 10.5, 15, NULL, name);
    if (beside)
        f->y -= 15;
    double bx = beside ? UF_MARGIN + name_w + 14 : UF_MARGIN;
    if (!beside)
        uf_pdf_flow_need(f, 18);
    if (f->draw)
        uf_chart_badge(f->cr, bx, f->y + 7, UF_BADGE, uf_assessment_status(a->assessment), uf_assessment_text(a->assessment));
    uf_pdf_flow_tag_end(f, heading);
    f->y += 18;
    const char *outer = f->entry;
    f->entry = name;
    if (a->differs) {
        char *text = uf_msg_format(UF_MSG_HTML_ASSESS_DIFFERS, uf_style_count(g, a->green), uf_style_count(r, a->red));
        uf_pdf_flow_tag_begin(f, "P");
        uf_pdf_flow_para(f, UF_MARGIN, UF_TEXT_W, UF_FONT_BOLD, UF_BODY_PT, UF_BODY_LINE, NULL, text);
        uf_pdf_flow_tag_end(f, "P");
        free(text);
        f->y += 2;
    }
    const char *texts[2] = {a->analysis, a->actions};
    const uf_msg labels[2] = {UF_MSG_HTML_ANALYSIS, UF_MSG_HTML_ACTIONS};
    for (int t = 0; t < 2; t++) {
        if (!texts[t])
            continue;
        char *label = uf_asprintf("%s:", uf_msg_text(labels[t]));
        uf_pdf_flow_tag_begin(f, "P");
        uf_pdf_flow_para(f, UF_MARGIN, UF_TEXT_W, UF_FONT_REGULAR, UF_BODY_PT, UF_BODY_LINE, label, texts[t]);
        uf_pdf_flow_tag_end(f, "P");
        free(label);
        f->y += 2;
    }
    f->entry = outer;
}

void uf_pdf_flow_tag_begin(uf_pdf_flow *f, const char *name)
{
    if (f->draw)
        uf_pdf_tag_begin(f->doc, name);
}

void uf_pdf_flow_tag_end(uf_pdf_flow *f, const char *name)
{
    if (f->draw)
        uf_pdf_tag_end(f->doc, name);
}

void uf_pdf_flow_tag_need(uf_pdf_flow *f, const char *name, double h)
{
    uf_pdf_flow_need(f, h);
    uf_pdf_flow_tag_begin(f, name);
}

cairo_t *uf_pdf_measuring(void)
{
    if (uf_font_load() != UF_OK)
        return NULL;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(NULL, NULL, UF_PAGE_W, UF_PAGE_H);
    cairo_t *cr = cairo_create(s);
    cairo_surface_destroy(s); /* cr holds it */
    return cr;
}

bool uf_pdf_measuring_end(cairo_t *cr)
{
    if (!cr)
        return true;
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    return ok;
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
