#include "render/pdf/finish.h"

#include "common/messages.h"
#include "common/text.h"
#include "common/util.h"
#include "output/output.h"
#include "render/html/svg_web.h"

#include <errno.h>
#include <pthread.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

/* libqpdf 11.3 destroys every object of a closing file by pointing it at
 * one process-wide placeholder and writing that placeholder's fields
 * (found by helgrind): two files closing at once on two threads race
 * there, so closing is one at a time (1.5 M of a file's 24 M). */
static pthread_mutex_t cleanup_lock = PTHREAD_MUTEX_INITIALIZER;

static void cleanup(qpdf_data *q)
{
    pthread_mutex_lock(&cleanup_lock);
    qpdf_cleanup(q);
    pthread_mutex_unlock(&cleanup_lock);
}

void uf_pdf_finish_prepare(void)
{
    /* An empty file written as the real ones are: the logger, and the
     * crypto provider behind the deterministic /ID. */
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    if (!(qpdf_empty_pdf(q) & QPDF_ERRORS) && !(qpdf_init_write_memory(q) & QPDF_ERRORS)) {
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        qpdf_write(q);
    }
    cleanup(&q);
}

const char *uf_pdf_lang(void) { return uf_messages_lang() == UF_LANG_EN ? "en-GB" : "sv-SE"; }

/* The offset of local time as "+01", "00" (hours, minutes); false when the
 * C library cannot tell. */
static bool zone_offset(const struct tm *tm, char *sign, char hh[3], char mm[3])
{
    char z[16];
    if (strftime(z, sizeof z, "%z", tm) != 5 || (z[0] != '+' && z[0] != '-'))
        return false;
    *sign = z[0];
    memcpy(hh, z + 1, 2), hh[2] = '\0';
    memcpy(mm, z + 3, 2), mm[2] = '\0';
    return true;
}

/* "D:20251201000000Z" (PDF 32000 7.9.4); cairo 1.16 writes no "D:". */
static void pdf_date(char *buf, size_t size, const struct tm *tm, bool utc)
{
    size_t n = strftime(buf, size, "D:%Y%m%d%H%M%S", tm);
    char sign, hh[3], mm[3];
    if (utc)
        snprintf(buf + n, size - n, "Z");
    else if (zone_offset(tm, &sign, hh, mm))
        snprintf(buf + n, size - n, "%c%s'%s'", sign, hh, mm);
}

/* "2025-12-01T00:00:00Z" (XMP dates are ISO 8601). */
static void xmp_date(char *buf, size_t size, const struct tm *tm, bool utc)
{
    size_t n = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", tm);
    char sign, hh[3], mm[3];
    if (utc)
        snprintf(buf + n, size - n, "Z");
    else if (zone_offset(tm, &sign, hh, mm))
        snprintf(buf + n, size - n, "%c%s:%s", sign, hh, mm);
}

/* Text from the plan (a unit's name in the title) as XML character data. */
static void put_xml(FILE *fp, const char *text)
{
    char *valid = uf_text_xml(text ? text : "", NULL);
    uf_web_escape(fp, valid ? valid : text ? text : "");
    free(valid);
}

/* The document's metadata as XMP, from the same values as the Info
 * dictionary (PDF/UA asks for dc:title; readers show it). */
typedef struct doc_info {
    char *title, *subject, *author, *creator, *producer;
} doc_info;

static char *xmp_packet(const doc_info *info, const char *lang, const char *date, size_t *len)
{
    char *buf = NULL;
    FILE *fp = open_memstream(&buf, len);
    if (!fp)
        return NULL;
    fputs("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
          "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
          "<rdf:Description rdf:about=\"\"\n"
          " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
          " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
          " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
          "<dc:format>application/pdf</dc:format>\n",
          fp);
    fputs("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", fp);
    put_xml(fp, info->title);
    fputs("</rdf:li></rdf:Alt></dc:title>\n<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", fp);
    put_xml(fp, info->subject);
    fputs("</rdf:li></rdf:Alt></dc:description>\n<dc:creator><rdf:Seq><rdf:li>", fp);
    put_xml(fp, info->author);
    fprintf(fp, "</rdf:li></rdf:Seq></dc:creator>\n<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n",
            lang);
    fputs("<pdf:Producer>", fp);
    put_xml(fp, info->producer);
    fputs("</pdf:Producer>\n<xmp:CreatorTool>", fp);
    put_xml(fp, info->creator);
    fprintf(fp,
            "</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
            "<xmp:MetadataDate>%s</xmp:MetadataDate>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
            "<?xpacket end=\"r\"?>\n",
            date, date, date);
    if (fclose(fp) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static char *info_text(qpdf_data q, qpdf_oh info, const char *key)
{
    qpdf_oh v = qpdf_oh_get_key(q, info, key);
    return uf_xstrdup(qpdf_oh_is_string(q, v) ? qpdf_oh_get_utf8_value(q, v) : "");
}

static void doc_info_free(doc_info *d)
{
    free(d->title);
    free(d->subject);
    free(d->author);
    free(d->creator);
    free(d->producer);
}

static qpdf_oh new_dict_with_true(qpdf_data q, const char *key)
{
    qpdf_oh d = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, d, key, qpdf_oh_new_bool(q, QPDF_TRUE));
    return d;
}

/* The dates as PDF dates and the XMP stream beside them. */
static bool set_metadata(qpdf_data q, qpdf_oh root, const uf_pdf_finishing *f)
{
    qpdf_oh info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
    if (!qpdf_oh_is_dictionary(q, info))
        return false;
    char date[40];
    pdf_date(date, sizeof date, f->when, f->utc);
    qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, date));
    qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, date));
    doc_info d = {info_text(q, info, "/Title"), info_text(q, info, "/Subject"), info_text(q, info, "/Author"),
                  info_text(q, info, "/Creator"), info_text(q, info, "/Producer")};
    xmp_date(date, sizeof date, f->when, f->utc);
    size_t len = 0;
    char *xmp = xmp_packet(&d, f->lang, date, &len);
    doc_info_free(&d);
    if (!xmp)
        return false;
    qpdf_oh stream = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)xmp, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
    free(xmp);
    qpdf_oh dict = qpdf_oh_get_dict(q, stream);
    qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"));
    qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"));
    qpdf_oh_replace_key(q, root, "/Metadata", stream);
    return true;
}

typedef struct figure_walk {
    const uf_pdf_finishing *f;
    size_t seen;
} figure_walk;

/* Depth first through /K: the order cairo began the elements in, which is
 * the order the alternative texts were kept in. */
static void figures_alt(qpdf_data q, qpdf_oh node, figure_walk *w, int depth)
{
    if (depth > 64)
        return; /* cairo nests a handful deep; anything deeper is not its tree */
    if (qpdf_oh_is_array(q, node)) {
        int n = qpdf_oh_get_array_n_items(q, node);
        for (int k = 0; k < n; k++)
            figures_alt(q, qpdf_oh_get_array_item(q, node, k), w, depth + 1);
        return;
    }
    if (!qpdf_oh_is_dictionary(q, node) || !qpdf_oh_has_key(q, node, "/S"))
        return; /* a marked-content id or reference */
    if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, node, "/S"), "/Figure")) {
        if (w->seen < w->f->nalts)
            qpdf_oh_replace_key(q, node, "/Alt", qpdf_oh_new_unicode_string(q, w->f->alts[w->seen]));
        w->seen++;
    }
    figures_alt(q, qpdf_oh_get_key(q, node, "/K"), w, depth + 1);
}

static bool set_catalog(qpdf_data q, const uf_pdf_finishing *f)
{
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, f->lang));
    qpdf_oh_replace_key(q, root, "/MarkInfo", new_dict_with_true(q, "/Marked"));
    qpdf_oh_replace_key(q, root, "/ViewerPreferences", new_dict_with_true(q, "/DisplayDocTitle"));
    figure_walk w = {f, 0};
    figures_alt(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), "/K"), &w, 0);
    return w.seen == f->nalts && set_metadata(q, root, f);
}

/* Streams are copied as cairo compressed them: nothing is decoded or
 * compressed again, so finishing costs a parse and a copy. */
static bool write_out(qpdf_data q)
{
    if (qpdf_init_write_memory(q) & QPDF_ERRORS)
        return false;
    qpdf_set_decode_level(q, qpdf_dl_none);
    qpdf_set_compress_streams(q, QPDF_FALSE);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    return !(qpdf_write(q) & QPDF_ERRORS);
}

uf_error uf_pdf_finish(const char *pdf, size_t len, const uf_pdf_finishing *f, FILE *out)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    /* A file qpdf had to repair is not one to publish: a warning fails it. */
    bool ok = !(qpdf_read_memory(q, "cairo", pdf, len, NULL) & QPDF_ERRORS) && !qpdf_more_warnings(q) &&
              set_catalog(q, f) && !qpdf_has_error(q) && write_out(q) && !qpdf_more_warnings(q);
    uf_error err = ok ? UF_OK : UF_ERROR_CAIRO;
    if (ok) {
        size_t n = qpdf_get_buffer_length(q);
        if (fwrite(qpdf_get_buffer(q), 1, n, out) != n) {
            uf_output_set_failure_errno(errno);
            err = UF_ERROR_WRITE;
        }
    }
    cleanup(&q);
    return err;
}
