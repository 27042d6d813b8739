/* The page frame the board report and the unit reports share: A4
 * landscape, a running header and a footer with the page number, PDF
 * metadata and bookmarks, headings and notes in the house style. */
#ifndef UF_PDF_FRAME_H
#define UF_PDF_FRAME_H

#include "common/diag.h"
#include "common/error.h"
#include "common/messages.h"
#include "common/util.h"
#include "consolidate/view.h"
#include "output/output.h"
#include "render/font.h"
#include "render/style.h"

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
    uf_strbuf raw;     /* cairo's file, finished into out (render/pdf/finish.h) */
    struct tm when;    /* the report's moment, for the metadata */
    bool utc;
    /* The structure elements open now, innermost last (names are string
     * literals); one that holds content is closed at a page's end and
     * begun again by uf_pdf_tag_resume, so that the next page's header and
     * footer stay outside it. */
    const char *open[16];
    size_t nopen;
    const char *suspended;
} uf_pdf_doc;

/* The report's moment: SOURCE_DATE_EPOCH when set (UTC), else now (local
 * time). */
void uf_pdf_now(struct tm *tm, bool *reproducible);

/* Creates the PDF at a temporary name beside path with its metadata. */
uf_error uf_pdf_open(uf_pdf_doc *doc, const char *path, const char *title, const char *subject, size_t npages);
/* Starts a page with the running header (section on the right) and the
 * footer ("Sida 3 av 17"). They are drawn outside every structure element:
 * untagged, they stay out of the reading order. */
void uf_pdf_page(uf_pdf_doc *doc, const char *section);
void uf_pdf_page_end(uf_pdf_doc *doc);
/* Adds a bookmark to page (1-based); returns its id for children. */
int uf_pdf_bookmark(uf_pdf_doc *doc, int parent, const char *title, size_t page, bool open);
/* Finishes the file (the Document element, then render/pdf/finish.h) and
 * renames it into place (err != UF_OK: removes it). Returns the first
 * error. */
uf_error uf_pdf_close(uf_pdf_doc *doc, uf_error err);

/* Headings and notes in the house style; each returns the y below it. */
double uf_pdf_title(cairo_t *cr, double y, const char *text);
double uf_pdf_heading(cairo_t *cr, double x, double y, double w, const char *text);
double uf_pdf_note(cairo_t *cr, double x, double y, double w, const char *text, size_t max_lines);

/* ---- flowing text: a list or text that continues on the next page ----
 * One walk both counts the pages (draw false, on a measuring surface) and
 * draws them (draw true, on the document), so the page count cannot drift
 * from the pages drawn. Text is broken line by line and continues on the
 * next page; nothing is cut. */

#define UF_BODY_PT UF_PT_BODY /* sizes: render/style.h */
#define UF_BODY_LINE UF_LINE_BODY
#define UF_TEXT_W 620.0  /* a line a reader can follow; the page is wider */
#define UF_BADGE UF_BADGE_MIN

typedef struct uf_pdf_flow {
    uf_pdf_doc *doc;   /* pages are started and ended on it when drawing */
    cairo_t *cr;       /* the document's, or a measuring one's */
    bool draw;
    size_t pages;      /* started so far; 1 to go on below something on the current page */
    double y;
    const char *section, *title; /* the running header's; a title on each new page ("…, fortsättning" after the first) */
    const char *entry; /* what goes on, named again on a new page ("…, fortsättning") */
    bool list;         /* a list ("L") is open */
} uf_pdf_flow;

/* A new page: the previous one ended, the title and the entry again. */
void uf_pdf_flow_break(uf_pdf_flow *f);
/* Room for h more points on this page, else a new page. */
void uf_pdf_flow_need(uf_pdf_flow *f, double h);
void uf_pdf_flow_end(uf_pdf_flow *f);
/* A paragraph at x, w wide, after an optional bold label; the lines go on
 * across pages. */
void uf_pdf_flow_para(uf_pdf_flow *f, double x, double w, uf_font_style style, double size, double line,
                      const char *label, const char *text);
/* A self-assessment: name (the unit's, or the goal's) with the assessment's
 * word, whether it differs from the unit's figures, its analysis and
 * actions in full. Tagged heading (the name: "H2" or "H3", by where it
 * sits) and P. */
void uf_pdf_flow_assessment(uf_pdf_flow *f, const char *heading, const char *name, const uf_view_assessment *a);
/* Structure tags, only when drawing. */
void uf_pdf_flow_tag_begin(uf_pdf_flow *f, const char *name);
void uf_pdf_flow_tag_end(uf_pdf_flow *f, const char *name);
/* Begins element name where h points fit, so that the page breaks before
 * it rather than inside it. */
void uf_pdf_flow_tag_need(uf_pdf_flow *f, const char *name, double h);

/* A context on a PDF surface that writes nowhere, with the same fonts as
 * the real one, for measuring; NULL when the fonts cannot be loaded
 * (opening the report fails the same way). */
cairo_t *uf_pdf_measuring(void);
/* Ends it; false when the measure cannot be trusted. */
bool uf_pdf_measuring_end(cairo_t *cr);

/* ---- structure tags (accessibility) ----
 * Everything drawn sits inside a structure element, in reading order
 * (cairo 1.16 writes a damaged file when links are a document's only tags).
 * uf_pdf_open begins the "Document" element and the last page ends it. Never
 * call these while measuring (draw == false): doc has no surface then.
 * Names are PDF standard structure types: "Document", "Sect", "H1"-"H3",
 * "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure". */
void uf_pdf_tag_begin(uf_pdf_doc *doc, const char *name);
void uf_pdf_tag_end(uf_pdf_doc *doc, const char *name);
/* After a page break inside a paragraph (and after what the new page
 * repeats, such as "…, fortsättning"): begins the element that the last
 * page's end closed again. Nothing when none was. */
void uf_pdf_tag_resume(uf_pdf_doc *doc);
/* A chart as a Figure. alt is one sentence with the chart's content; cairo
 * 1.16 cannot write it, so it is kept here and added to the Figure
 * elements, in order, when the file is finished. */
void uf_pdf_figure_begin(uf_pdf_doc *doc, const char *alt);
void uf_pdf_figure_end(uf_pdf_doc *doc);

/* A diagnostic's place: "fil:rad:kolumn" (parts that are 0 left out). */
void uf_pdf_diag_place(char *buf, size_t size, const uf_diag_list *diags, const uf_diag *d);

#endif
