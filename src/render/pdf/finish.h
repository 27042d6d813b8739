/* The last step of every PDF: what cairo 1.16 cannot write. cairo's file is
 * read with libqpdf and written again, streams copied as they are, with
 *   /Lang (sv-SE or en-GB), /MarkInfo << /Marked true >>,
 *   /ViewerPreferences << /DisplayDocTitle true >>,
 *   an XMP metadata stream that says what the Info dictionary says,
 *   Info dates as PDF dates ("D:20251201000000Z"; cairo 1.16 leaves out
 *   the "D:"),
 *   /Alt on each /Figure structure element, in document order,
 * and an /ID made from the content, so that two runs under
 * SOURCE_DATE_EPOCH give the same bytes. */
#ifndef UF_PDF_FINISH_H
#define UF_PDF_FINISH_H

#include "common/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

typedef struct uf_pdf_finishing {
    const char *lang;        /* "sv-SE", "en-GB" */
    char *const *alts;       /* each Figure's alternative text, in order */
    size_t nalts;
    const struct tm *when;   /* the report's moment */
    bool utc;                /* when is UTC (SOURCE_DATE_EPOCH), else local time */
} uf_pdf_finishing;

/* Sets up libqpdf's process-wide state (its default logger). Call it
 * before threads that finish PDFs start: libqpdf creates that state on
 * first use, unguarded for helgrind. */
void uf_pdf_finish_prepare(void);

/* The language the reports are written in, as a PDF /Lang. */
const char *uf_pdf_lang(void);

/* Writes the finished file of pdf[0, len) to out. UF_ERROR_CAIRO when
 * libqpdf cannot read cairo's file, warns about it, or when the Figures in
 * it are not as many as the alternative texts; UF_ERROR_WRITE when out
 * fails. */
uf_error uf_pdf_finish(const char *pdf, size_t len, const uf_pdf_finishing *f, FILE *out);

#endif
