/* The page frame the board report and the unit reports share: A4
 * landscape, a running header and a footer with the page number, PDF
 * metadata and bookmarks, headings and notes in the house style. */
#ifndef UF_PDF_FRAME_H
#define UF_PDF_FRAME_H

#include "common/diag.h"
#include "common/error.h"
#include "common/messages.h"
#include "output/output.h"

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define UF_PDF_AUTHOR (uf_msg_text(UF_MSG_PDF_AUTHOR))

#define UF_PAGE_W 841.89 /* A4 landscape, in points */
#define UF_PAGE_H 595.28
#define UF_MARGIN 36.0
#define UF_CONTENT_TOP 48.0    /* below the running header */
#define UF_CONTENT_BOTTOM 555.0 /* above the footer */
#define UF_CONTENT_W (UF_PAGE_W - 2 * UF_MARGIN)

typedef struct uf_pdf_doc {
    uf_output out;
    cairo_surface_t *surface;
    cairo_t *cr;
    size_t page, npages;
    char running[160]; /* header, left */
    char date[16];     /* YYYY-MM-DD */
    char **alts;       /* each Figure's alternative text, in drawing order */
    size_t nalts, alts_cap;
    bool alts_failed;  /* out of memory: the file would lie about its figures */
} uf_pdf_doc;

/* The report's moment: SOURCE_DATE_EPOCH when set (UTC), else now (local
 * time). */
void uf_pdf_now(struct tm *tm, bool *reproducible);

/* Creates the PDF at a temporary name beside path with its metadata. */
uf_error uf_pdf_open(uf_pdf_doc *doc, const char *path, const char *title, const char *subject, size_t npages);
/* Starts a page with the running header (section on the right) and the
 * footer ("Sida 3 av 17"). */
void uf_pdf_page(uf_pdf_doc *doc, const char *section);
void uf_pdf_page_end(uf_pdf_doc *doc);
/* Adds a bookmark to page (1-based); returns its id for children. */
int uf_pdf_bookmark(uf_pdf_doc *doc, int parent, const char *title, size_t page, bool open);
/* Finishes the file and renames it into place (err != UF_OK: removes it).
 * Returns the first error. */
uf_error uf_pdf_close(uf_pdf_doc *doc, uf_error err);

/* Headings and notes in the house style; each returns the y below it. */
double uf_pdf_title(cairo_t *cr, double y, const char *text);
double uf_pdf_heading(cairo_t *cr, double x, double y, double w, const char *text);
double uf_pdf_note(cairo_t *cr, double x, double y, double w, const char *text, size_t max_lines);

/* "… och 12 kommentarer till" below a list that was cut (what: the noun,
 * from the vocabulary); uf_pdf_more_text draws such a line as given. */
void uf_pdf_more(cairo_t *cr, double x, double y, size_t more, const char *what);
void uf_pdf_more_text(cairo_t *cr, double x, double y, const char *text);

/* ---- structure tags (accessibility) ----
 * Everything drawn sits inside a structure element, in reading order
 * (cairo 1.16 writes a damaged file when links are a document's only tags).
 * Names are PDF standard structure types: "Document", "Sect", "H1"-"H3",
 * "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure". */
void uf_pdf_tag_begin(uf_pdf_doc *doc, const char *name);
void uf_pdf_tag_end(uf_pdf_doc *doc, const char *name);
/* A chart as a Figure. alt is one sentence with the chart's content; cairo
 * 1.16 cannot write it, so it is kept here and added to the Figure
 * elements, in order, when the file is finished. */
void uf_pdf_figure_begin(uf_pdf_doc *doc, const char *alt);
void uf_pdf_figure_end(uf_pdf_doc *doc);

/* A diagnostic's place: "fil:rad:kolumn" (parts that are 0 left out). */
void uf_pdf_diag_place(char *buf, size_t size, const uf_diag_list *diags, const uf_diag *d);

#endif
