#include "render/csv/csv_export.h"

#include "common/util.h"
#include "output/output.h"

#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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
 * spaces, and a name with the delimiter or a quote is quoted (RFC 4180).
 * Made once per name, not once per row. */
static char *text_cell(const char *s)
{
    uf_strbuf sb = {0};
    bool quote = strpbrk(s, ";\"") != NULL;
    if (quote)
        uf_strbuf_putc(&sb, '"');
    if (*s && strchr("=+-@", *s))
        uf_strbuf_putc(&sb, '\'');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"')
            uf_strbuf_putc(&sb, '"');
        uf_strbuf_putc(&sb, c < 0x20 || c == 0x7F ? ' ' : (char)c);
    }
    if (quote)
        uf_strbuf_putc(&sb, '"');
    char *text = uf_strbuf_take(&sb);
    return text ? text : uf_xstrdup("");
}

void uf_csv_put_text(FILE *fp, const char *s)
{
    char *text = text_cell(s);
    fputs(text, fp);
    free(text);
}

/* The name columns of each indicator ("name;" and "measure") and unit
 * ("name;"; the municipality's is empty). */
typedef struct name_cells {
    char **indicator, **measure, **unit;
    size_t nindicators, nunits;
} name_cells;

static void names_make(name_cells *n, const uf_plan *p)
{
    n->nindicators = p->nindicators, n->nunits = p->nunits;
    n->indicator = uf_xcalloc(p->nindicators + 1, sizeof(char *));
    n->measure = uf_xcalloc(p->nindicators + 1, sizeof(char *));
    n->unit = uf_xcalloc(p->nunits + 1, sizeof(char *));
    for (size_t i = 0; i < p->nindicators; i++) {
        n->indicator[i] = text_cell(p->indicators[i].name);
        n->measure[i] = text_cell(p->indicators[i].measure);
    }
    for (size_t u = 0; u < p->nunits; u++)
        n->unit[u] = text_cell(p->units[u].name);
}

static void names_free(name_cells *n)
{
    for (size_t i = 0; i < n->nindicators; i++) {
        free(n->indicator[i]);
        free(n->measure[i]);
    }
    for (size_t u = 0; u < n->nunits; u++)
        free(n->unit[u]);
    free(n->indicator);
    free(n->measure);
    free(n->unit);
}

/* Years and counts: whole numbers without printf's machinery, which costs
 * more than the rest of a row. */
static void put_whole(FILE *fp, uint64_t v)
{
    char buf[24], *end = buf + sizeof buf, *at = end;
    do {
        *--at = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    fwrite(at, 1, (size_t)(end - at), fp);
    fputc(';', fp);
}

static void put_field(FILE *fp, const char *s)
{
    fputs(s, fp);
    fputc(';', fp);
}

/* målvärde_avser: "enheten", "kommunen" or empty (contract v2). */
static const char *target_source(const uf_figure *f)
{
    static const char *names[] = {"", "enheten", "kommunen"};
    return f->target_source <= UF_TARGET_WHOLE ? names[f->target_source] : "";
}

/* Plan ids start with a letter or digit and hold no ';', '"' or line
 * breaks, so they need no quoting and can never read as a formula. */
static void put_row(FILE *fp, const uf_model *m, const name_cells *n, size_t y, size_t i, size_t u)
{
    const uf_plan *p = m->plan;
    const uf_indicator *ind = &p->indicators[i];
    const uf_figure *f = uf_model_figure(m, y, i, u);
    if (!f->applies)
        return; /* ej aktuell: no row */
    bool whole = u == UF_WHOLE_MUNICIPALITY;
    put_whole(fp, (uint64_t)m->years[y]); /* a year is 1900..2100 */
    put_field(fp, p->goals[ind->goal].id);
    put_field(fp, ind->id);
    put_field(fp, whole ? "" : p->units[u].id);
    uf_csv_put_number(fp, f->value);
    fputc(';', fp);
    uf_csv_put_number(fp, f->target);
    fputc(';', fp);
    uf_csv_put_number(fp, f->previous);
    fputc(';', fp);
    put_field(fp, uf_status_csv(f->status));
    put_field(fp, uf_word_csv(f->word));
    put_field(fp, target_source(f));
    put_whole(fp, f->rejected);
    put_field(fp, n->indicator[i]);
    put_field(fp, whole ? "" : n->unit[u]);
    fputs(n->measure[i], fp);
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
    name_cells n;
    names_make(&n, m->plan);
    for (size_t y = 0; y < m->nyears; y++) {
        for (size_t i = 0; i < m->plan->nindicators; i++) {
            put_row(fp, m, &n, y, i, UF_WHOLE_MUNICIPALITY);
            for (size_t u = 0; u < m->plan->nunits; u++)
                put_row(fp, m, &n, y, i, u);
        }
    }
    names_free(&n);
    return uf_output_commit(&out);
}
