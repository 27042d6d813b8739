#include "render/csv_export.h"

#include "common/util.h"
#include "render/output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A number for import: decimal comma, no grouping; empty when missing. */
static void put_number(FILE *fp, double v)
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

/* Plan ids start with a letter or digit and hold no ';', '"' or line
 * breaks, so they need no quoting and can never read as a formula. */
static void put_row(FILE *fp, const uf_model *m, size_t y, size_t i, size_t u)
{
    const uf_plan *p = m->plan;
    const uf_figure *f = uf_model_figure(m, y, i, u);
    fprintf(fp, "%d;%s;%s;%s;", m->years[y], p->goals[p->indicators[i].goal].id, p->indicators[i].id,
            u == UF_WHOLE_MUNICIPALITY ? "" : p->units[u].id);
    put_number(fp, f->value);
    fputc(';', fp);
    put_number(fp, f->target);
    fputc(';', fp);
    put_number(fp, f->previous);
    fprintf(fp, ";%s\r\n", uf_status_csv(f->status));
}

uf_error uf_csv_export_write(const uf_model *m, const char *path)
{
    uf_output out;
    uf_error err = uf_output_open_stream(&out, path);
    if (err != UF_OK)
        return err;
    FILE *fp = out.fp;
    fputs("\xEF\xBB\xBF" "år;mål;indikator;enhet;värde;målvärde;föregående;status\r\n", fp);
    for (size_t y = 0; y < m->nyears; y++) {
        for (size_t i = 0; i < m->plan->nindicators; i++) {
            put_row(fp, m, y, i, UF_WHOLE_MUNICIPALITY);
            for (size_t u = 0; u < m->plan->nunits; u++)
                put_row(fp, m, y, i, u);
        }
    }
    return uf_output_commit(&out);
}
