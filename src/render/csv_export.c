#include "render/csv_export.h"

#include "common/util.h"
#include "render/output.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* A number for import: decimal comma, no grouping; empty when missing. */
void uf_csv_put_number(FILE *fp, double v)
{
    char buf[UF_NUMBUF];
    if (isnan(v))
        return;
    uf_fmt_number_with(buf, v, -1, "", ',');
    /* uf_fmt_number writes U+2212; importers expect a plain '-'. */
    if (strncmp(buf, "\xE2\x88\x92", 3) == 0) {
        fputc('-', fp);
        fputs(buf + 3, fp);
    } else {
        fputs(buf, fp);
    }
}

/* Plan names are free text, read by spreadsheets and other systems: a
 * name that a spreadsheet would take for a formula (= + - @ at its start)
 * is led by an apostrophe, control characters and line breaks become
 * spaces, and a name with the delimiter or a quote is quoted (RFC 4180). */
void uf_csv_put_text(FILE *fp, const char *s)
{
    bool quote = strpbrk(s, ";\"") != NULL;
    if (quote)
        fputc('"', fp);
    if (*s && strchr("=+-@", *s))
        fputc('\'', fp);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"')
            fputc('"', fp);
        fputc(c < 0x20 || c == 0x7F ? ' ' : c, fp);
    }
    if (quote)
        fputc('"', fp);
}

/* målvärde_avser: "enheten", "kommunen" or empty (contract v2). */
static const char *target_source(const uf_figure *f)
{
    static const char *names[] = {"", "enheten", "kommunen"};
    return f->target_source <= UF_TARGET_WHOLE ? names[f->target_source] : "";
}

/* Plan ids start with a letter or digit and hold no ';', '"' or line
 * breaks, so they need no quoting and can never read as a formula. */
static void put_row(FILE *fp, const uf_model *m, size_t y, size_t i, size_t u)
{
    const uf_plan *p = m->plan;
    const uf_indicator *ind = &p->indicators[i];
    const uf_figure *f = uf_model_figure(m, y, i, u);
    if (!f->applies)
        return; /* ej aktuell: no row */
    bool whole = u == UF_WHOLE_MUNICIPALITY;
    fprintf(fp, "%d;%s;%s;%s;", m->years[y], p->goals[ind->goal].id, ind->id, whole ? "" : p->units[u].id);
    uf_csv_put_number(fp, f->value);
    fputc(';', fp);
    uf_csv_put_number(fp, f->target);
    fputc(';', fp);
    uf_csv_put_number(fp, f->previous);
    fprintf(fp, ";%s;%s;%s;%" PRIu32 ";", uf_status_csv(f->status), uf_word_csv(f->word), target_source(f), f->rejected);
    uf_csv_put_text(fp, ind->name);
    fputc(';', fp);
    uf_csv_put_text(fp, whole ? "" : p->units[u].name);
    fputc(';', fp);
    uf_csv_put_text(fp, ind->measure);
    fputs("\r\n", fp);
}

uf_error uf_csv_export_write(const uf_model *m, const char *path)
{
    uf_output out;
    uf_error err = uf_output_open_stream(&out, path);
    if (err != UF_OK)
        return err;
    FILE *fp = out.fp;
    fputs("\xEF\xBB\xBF" "år;mål;indikator;enhet;värde;målvärde;föregående;status;bedömning;målvärde_avser;"
          "avvisade_rader;indikatornamn;enhetsnamn;måttenhet\r\n", fp);
    for (size_t y = 0; y < m->nyears; y++) {
        for (size_t i = 0; i < m->plan->nindicators; i++) {
            put_row(fp, m, y, i, UF_WHOLE_MUNICIPALITY);
            for (size_t u = 0; u < m->plan->nunits; u++)
                put_row(fp, m, y, i, u);
        }
    }
    return uf_output_commit(&out);
}
