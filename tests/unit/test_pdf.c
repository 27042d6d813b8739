/* The board report and the unit reports, written from the sample
 * municipality and read back with poppler-utils and qpdf: every indicator
 * named with its Swedish letters, DejaVu embedded (and nothing else), the
 * planned page count, metadata, a clean qpdf --check, byte-identical
 * output under SOURCE_DATE_EPOCH, and no temporary files left behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <cairo-pdf.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/diag.h"
#include "common/util.h"
#include "consolidate/model.h"
#include "read/summary.h"
#include "render/font.h"
#include "render/pdf/board.h"
#include "render/pdf/frame.h"
#include "render/pdf/finish.h"
#include "render/pdf/unit.h"
#include "sample.h"
#include "files.h"

#define EPOCH "1764000000" /* 2025-11-24 16:00:00 UTC */

/* Where a test's PDFs go: made by setup, removed by teardown. */
static char out_dir[64];

static int setup(void **state)
{
    uf_test_sample *s = uf_test_sample_load(2025);
    assert_non_null(s);
    snprintf(out_dir, sizeof out_dir, "/tmp/uf-pdf-XXXXXX");
    assert_non_null(mkdtemp(out_dir));
    setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    assert_int_equal(uf_test_remove_tree(out_dir), 0);
    uf_test_sample_free(*state);
    return 0;
}

/* ---- reading back ---- */

/* A command's standard output; NULL if it could not run or failed. */
static char *run(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    uf_strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        uf_strbuf_append(&sb, buf, n);
    int status = pclose(p);
    char *out = uf_strbuf_take(&sb);
    if (status != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* pdftotext's output on one line: breaks and no-break spaces as spaces. */
static char *pdf_text(const char *path)
{
    char *text = run("pdftotext -enc UTF-8 '%s' -", path);
    assert_non_null(text);
    char *o = text;
    for (const char *p = text; *p; p++) {
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            p++;
            *o++ = ' ';
        } else if (*p == '\n' || *p == '\f') {
            *o++ = ' ';
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return text;
}

static void text_has(const char *text, const char *what, const char *file)
{
    if (!strstr(text, what))
        fail_msg("'%s' not found in the text of %s", what, file);
}

static void text_lacks(const char *text, const char *what, const char *file)
{
    if (strstr(text, what))
        fail_msg("'%s' found in the text of %s", what, file);
}

static long pdf_pages(const char *path)
{
    char *info = run("pdfinfo '%s'", path);
    assert_non_null(info);
    const char *p = strstr(info, "Pages:");
    assert_non_null(p);
    long pages = strtol(p + 6, NULL, 10);
    free(info);
    return pages;
}

/* Every font is DejaVu Sans (regular or bold) and embedded. */
static void fonts_are_embedded_dejavu(const char *path)
{
    char *fonts = run("pdffonts '%s'", path);
    assert_non_null(fonts);
    size_t lines = 0, regular = 0, bold = 0;
    for (char *line = strtok(fonts, "\n"); line; line = strtok(NULL, "\n")) {
        if (++lines <= 2)
            continue; /* the heading and its rule */
        const char *plus = strchr(line, '+');
        if (!plus || strncmp(plus + 1, "DejaVuSans", 10) != 0)
            fail_msg("not the bundled font in %s: %s", path, line);
        bold += strncmp(plus + 1, "DejaVuSans-Bold ", 16) == 0;
        regular += strncmp(plus + 1, "DejaVuSans ", 11) == 0;
        if (!strstr(line, " yes yes yes "))
            fail_msg("font not embedded as a subset with Unicode map in %s: %s", path, line);
    }
    assert_true(regular > 0 && bold > 0);
    free(fonts);
}

static void qpdf_checks(const char *path)
{
    char *out = run("qpdf --check '%s' 2>&1", path);
    if (!out)
        fail_msg("qpdf --check failed for %s", path);
    assert_null(strstr(out, "WARNING"));
    free(out);
}

static bool same_bytes(const char *a, const char *b)
{
    char *out = run("cmp -s '%s' '%s' && echo same", a, b);
    bool same = out && strcmp(out, "same\n") == 0;
    free(out);
    return same;
}

/* Names in dir (not . and ..), for checking what was left there. */
static size_t count_entries(const char *dir, bool *hidden)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    *hidden = false;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        *hidden |= e->d_name[0] == '.';
        n++;
    }
    closedir(d);
    return n;
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- the board report ---- */

static void test_board_report(void **state)
{
    uf_test_sample *s = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/styrelserapport-2025.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, path), UF_OK);
    /* cover, reading guide, overview (the sample's 13 indicators take two
     * pages), an indicator each, the self-assessments of the goals some
     * unit assessed, coverage, partners, appendix */
    size_t pages = uf_pdf_board_pages(s->model, s->view);
    assert_true(pages >= 1 + 1 + 2 + s->plan->nindicators + 1 + 1 + 1 + 1);
    assert_int_equal(pdf_pages(path), (long)pages);
    char *text = pdf_text(path);
    text_has(text, "Uppföljning av internationell plan", path);
    text_has(text, "Rapport till kommunledningsutskottet", path);
    text_has(text, "2025-11-24", path);
    char last[32];
    snprintf(last, sizeof last, "Sida %zu av %zu", pages, pages);
    text_has(text, last, path);
    text_has(text, "Läsanvisning", path);
    text_has(text, "80 % av målvärdet", path);
    for (size_t i = 0; i < s->plan->nindicators; i++)
        text_has(text, s->plan->indicators[i].name, path);
    for (size_t g = 0; g < s->plan->ngoals; g++)
        text_has(text, s->plan->goals[g].name, path);
    const char *letters[] = {"Älvstads Energi AB", "Miljöförvaltningen", "Šiaulių miesto savivaldybė", "Jõgeva vald",
                             "Køge Kommune", "Blönduósbær", "Büyükşehir", "avtalet bör ses över",
                             "Delvis uppnått", "Ej uppnått", "Uppnått", "15 500 tkr", "39,7 %",
                             "kultur-och-fritd", "10 av 11 enheter har rapporterat"};
    for (size_t k = 0; k < sizeof letters / sizeof letters[0]; k++)
        text_has(text, letters[k], path);
    free(text);
    fonts_are_embedded_dejavu(path);
    qpdf_checks(path);
    char *info = run("pdfinfo -isodates '%s'", path);
    assert_non_null(info);
    text_has(info, "Kommunledningskontoret", path);
    text_has(info, "Uppföljning av internationell plan 2025", path);
    text_has(info, "2025-11-24T16:00:00", path);
    free(info);
}

static void test_board_report_is_reproducible(void **state)
{
    uf_test_sample *s = *state;
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/a.pdf", out_dir);
    snprintf(b, sizeof b, "%s/b.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, a), UF_OK);
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, b), UF_OK);
    assert_true(same_bytes(a, b));
    unlink(a);
    unlink(b);
}

/* A report that cannot be written leaves nothing behind. */
static void test_write_error(void **state)
{
    uf_test_sample *s = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/finns-inte/styrelserapport.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, path), UF_ERROR_WRITE);
    assert_int_not_equal(access(path, F_OK), 0);
}

/* ---- flowing text: summary and self-assessments, in full ---- */

static void cut_all(char *text, const char *what)
{
    size_t n = strlen(what);
    for (char *at; (at = strstr(text, what));)
        memmove(at, at + n, strlen(at + n) + 1);
}

/* The text of the content area only (no running header or footer), runs
 * of white space as one space, and the continuation pages' titles left
 * out (and the unit named again below them), so that a paragraph broken
 * across pages reads as one. */
static char *body_text(const char *path, const uf_model *m)
{
    char *raw = run("pdftotext -enc UTF-8 -x 0 -y 36 -W 842 -H 524 '%s' -", path);
    assert_non_null(raw);
    char *o = raw;
    for (const char *p = raw; *p; p++) {
        bool space = *p == ' ' || *p == '\n' || *p == '\f' || *p == '\t';
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            p++;
            space = true;
        }
        if (space) {
            if (o > raw && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    char cont[2][160];
    snprintf(cont[0], sizeof cont[0], "Sammanfattning %d, fortsättning ", m->report_year);
    for (size_t g = 0; g < m->plan->ngoals; g++) {
        snprintf(cont[1], sizeof cont[1], "Enheternas självvärdering %d: mål %s, fortsättning ", m->report_year,
                 m->plan->goals[g].id);
        for (int k = 0; k < 2; k++)
            cut_all(raw, cont[k]);
    }
    for (size_t u = 0; u < m->plan->nunits; u++) {
        snprintf(cont[1], sizeof cont[1], "%s, fortsättning ", m->plan->units[u].name);
        cut_all(raw, cont[1]);
        for (size_t p = 0; p < m->plan->npartners; p++) { /* a comment that goes on */
            char *c = uf_asprintf("%s (%s), fortsättning ", m->plan->units[u].name, m->plan->partners[p].name);
            cut_all(raw, c);
            free(c);
        }
    }
    for (size_t i = 0; i < m->plan->nindicators; i++) {
        char *c = uf_asprintf("%s, fortsättning ", m->plan->indicators[i].name);
        cut_all(raw, c);
        free(c);
    }
    /* the unit reports' sections and goals, named again on a new page */
    for (size_t g = 0; g < m->plan->ngoals; g++) {
        snprintf(cont[1], sizeof cont[1], "Mål %s: %s, fortsättning ", m->plan->goals[g].id, m->plan->goals[g].name);
        cut_all(raw, cont[1]);
    }
    const char *sections[] = {"Självvärdering %d", "Att rätta", "Att se över", "Kommentarer %d",
                              "Rapportering per år", "Partner och aktivitet", "Bilaga: avvisat underlag"};
    for (size_t k = 0; k < sizeof sections / sizeof *sections; k++) {
        char head[64];
        snprintf(head, sizeof head, sections[k], m->report_year);
        snprintf(cont[1], sizeof cont[1], "%s, fortsättning ", head);
        cut_all(raw, cont[1]);
    }
    return raw;
}

/* what with its white space as one space is in text. */
static void text_has_flowing(const char *text, const char *label, const char *what, const char *file)
{
    uf_strbuf sb = {0};
    if (label) {
        uf_strbuf_puts(&sb, label);
        uf_strbuf_putc(&sb, ' ');
    }
    for (const char *p = what; *p; p++) {
        bool space = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';
        if (!space)
            uf_strbuf_putc(&sb, *p);
        else if (sb.len && sb.data[sb.len - 1] != ' ' && p[1])
            uf_strbuf_putc(&sb, ' ');
    }
    while (sb.len && sb.data[sb.len - 1] == ' ')
        sb.data[--sb.len] = '\0';
    text_has(text, sb.data, file);
    uf_strbuf_free(&sb);
}

/* The report year's self-assessments (of unit, or of all units when unit
 * is SIZE_MAX) are in text in full. */
static void unit_assessments_in_full(const char *text, const uf_view *v, size_t unit, const char *path)
{
    for (size_t k = 0; k < v->nassessments; k++) {
        const uf_view_assessment *a = &v->assessments[k];
        if (a->year != v->model->report_year || (unit != SIZE_MAX && a->unit != unit))
            continue;
        if (a->analysis)
            text_has_flowing(text, "Analys:", a->analysis, path);
        if (a->actions)
            text_has_flowing(text, "Åtgärder:", a->actions, path);
    }
}

static void assessments_in_full(const char *text, const uf_view *v, const char *path)
{
    unit_assessments_in_full(text, v, SIZE_MAX, path);
}

static void test_board_report_summary_and_assessments(void **state)
{
    uf_test_sample *s = *state;
    char *summary = uf_summary_load(UF_TEST_DIR "/../inputs", 2025, s->diags);
    assert_non_null(summary);
    uf_view *v = uf_view_build(s->model, s->diags, summary);
    char path[128];
    snprintf(path, sizeof path, "%s/sammanfattning.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, v, path), UF_OK);
    assert_int_equal(pdf_pages(path), (long)uf_pdf_board_pages(s->model, v));
    assert_true(uf_pdf_board_pages(s->model, v) >= uf_pdf_board_pages(s->model, s->view));
    char *text = body_text(path, s->model);
    /* the summary's blocks as written, without their "# " and "- " */
    text_has(text, "Sammanfattning 2025 Internationellt arbete 2025 i korthet Älvstads kommun har", path);
    text_has_flowing(text, NULL, "Kontaktytorna har blivit fler. Medarbetare från nästan alla förvaltningar har deltagit i\n"
                     "jobbskuggning och studiebesök hos våra vänorter, och kommunen är fortsatt aktiv i Eurocities och\n"
                     "i nätverket Making Cities Resilient 2030.", path);
    text_has_flowing(text, NULL, "• En översyn av vänortsavtalen med Gaziantep och Šiauliai, där ingen verksamhet har "
                     "rapporterats de senaste två åren.", path);
    text_lacks(text, "# ", path);
    text_lacks(text, "- Fler", path);
    size_t assessed = 0;
    for (size_t k = 0; k < v->nassessments; k++)
        assessed += v->assessments[k].year == 2025 && (v->assessments[k].analysis || v->assessments[k].actions);
    assert_true(assessed > 0);
    assessments_in_full(text, v, path);
    text_has(text, "Avviker från enhetens siffror", path);
    free(text);
    qpdf_checks(path);
    uf_view_free(v);
    free(summary);
}

/* Thirty long self-assessments for one goal all appear in full, however
 * many pages they take. */
static void test_board_report_many_assessments(void **state)
{
    uf_test_sample *s = *state;
    uf_view *v = uf_view_build(s->model, s->diags, NULL);
    uf_view_unit_year *uy = NULL;
    for (size_t u = 0; u < s->plan->nunits && !uy; u++)
        if (uf_view_unit(v, s->model->report_index, u)->nassessments > 0)
            uy = &v->units[s->model->report_index * s->plan->nunits + u];
    assert_non_null(uy);
    const uf_view_assessment proto = v->assessments[uy->assessments];
    enum { N = 30 };
    uf_view_assessment *many = calloc(N, sizeof *many);
    char *texts[2 * N];
    for (size_t k = 0; k < N; k++) {
        uf_strbuf sb = {0};
        for (int r = 0; r < 12; r++) {
            char part[96];
            snprintf(part, sizeof part, "Analys %zu mening %d om arbetet med vänorterna under året. ", k + 1, r + 1);
            uf_strbuf_puts(&sb, part);
        }
        texts[2 * k] = uf_strbuf_take(&sb);
        texts[2 * k + 1] = uf_asprintf("Åtgärd %zu: söka EU-medel tillsammans med partnern, slut på åtgärd %zu.", k + 1, k + 1);
        many[k] = proto;
        many[k].analysis = texts[2 * k];
        many[k].actions = texts[2 * k + 1];
        many[k].differs = k % 3 == 0;
    }
    uf_view_assessment *saved = v->assessments;
    size_t saved_n = v->nassessments, saved_first = uy->assessments, saved_count = uy->nassessments;
    v->assessments = many;
    v->nassessments = N;
    uy->assessments = 0;
    uy->nassessments = N;
    /* Only this unit's: the other units' ranges point into the old array
     * (the view is thrown away afterwards). */
    for (size_t i = 0; i < s->plan->nunits * s->model->nyears; i++)
        if (&v->units[i] != uy)
            v->units[i].nassessments = 0;
    /* thirty of them do not fit on one page: they flow on */
    assert_true(uf_pdf_board_pages(s->model, v) >= uf_pdf_board_pages(s->model, s->view) + 4);
    char path[128];
    snprintf(path, sizeof path, "%s/trettio.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, v, path), UF_OK);
    assert_int_equal(pdf_pages(path), (long)uf_pdf_board_pages(s->model, v));
    char *text = body_text(path, s->model);
    assessments_in_full(text, v, path);
    free(text);
    /* Paragraphs go on across pages: the next page's header and footer and
     * what it repeats ("…, fortsättning") stay out of the structure. */
    char *tree = run("pdfinfo -struct-text '%s'", path);
    assert_non_null(tree);
    assert_null(strstr(tree, "Sida "));
    assert_null(strstr(tree, "fortsättning"));
    assert_non_null(strstr(tree, "Åtgärd 30"));
    free(tree);
    v->assessments = saved;
    v->nassessments = saved_n;
    uy->assessments = saved_first;
    uy->nassessments = saved_count;
    uf_view_free(v);
    for (size_t k = 0; k < 2 * N; k++)
        free(texts[k]);
    free(many);
}

/* ---- nothing cut: 30 comments and 30 self-assessments per goal ---- */

#define LONG_FIXTURE UF_TEST_DIR "/fixtures/board-long/inputs"

/* No name shortened: "…" never follows the start of a unit's, partner's,
 * indicator's or goal's name. */
static void names_not_ellipsised(const char *text, const uf_plan *p, const char *path)
{
    const char *dots = "\xE2\x80\xA6";
    for (const char *at = strstr(text, dots); at; at = strstr(at + 3, dots)) {
        for (size_t k = 0; k < p->nunits + p->npartners + p->nindicators + p->ngoals; k++) {
            const char *name = k < p->nunits                 ? p->units[k].name
                               : k < p->nunits + p->npartners ? p->partners[k - p->nunits].name
                               : k < p->nunits + p->npartners + p->nindicators
                                   ? p->indicators[k - p->nunits - p->npartners].name
                                   : p->goals[k - p->nunits - p->npartners - p->nindicators].name;
            for (size_t n = strlen(name); n >= 4; n--) {
                if ((size_t)(at - text) >= n && memcmp(at - n, name, n) == 0)
                    fail_msg("'%.*s…' in %s: a name cut short", (int)n, name, path);
            }
        }
    }
}

static void test_board_report_nothing_cut(void **state)
{
    (void)state;
    uf_test_sample *s = uf_test_inputs_load(LONG_FIXTURE, 2025);
    assert_non_null(s);
    assert_int_equal(s->diags->count, 0);
    /* What the fixture promises: per goal at least 30 comments and 30
     * self-assessments, some of them long, some names long. */
    for (size_t g = 0; g < s->plan->ngoals; g++) {
        size_t comments = 0, assessments = 0;
        for (size_t i = 0; i < s->plan->nindicators; i++)
            if (s->plan->indicators[i].goal == g)
                comments += s->view->indicator_start[i + 1] - s->view->indicator_start[i];
        for (size_t k = 0; k < s->view->nassessments; k++)
            assessments += s->view->assessments[k].goal == g && s->view->assessments[k].year == 2025;
        assert_true(comments >= 30);
        assert_true(assessments >= 30);
    }
    char path[128];
    snprintf(path, sizeof path, "%s/lang.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, path), UF_OK);
    assert_int_equal(pdf_pages(path), (long)uf_pdf_board_pages(s->model, s->view));
    char *text = body_text(path, s->model);
    size_t n = s->view->indicator_start[s->plan->nindicators];
    assert_true(n >= 90);
    for (size_t k = 0; k < n; k++) {
        const uf_view_comment *c = &s->view->indicator_comments[k];
        char *label = c->partner != UF_NO_PARTNER
                          ? uf_asprintf("%s (%s):", s->plan->units[c->unit].name, s->plan->partners[c->partner].name)
                          : uf_asprintf("%s:", s->plan->units[c->unit].name);
        text_has_flowing(text, label, c->text, path);
        free(label);
    }
    assessments_in_full(text, s->view, path);
    free(text);
    text = pdf_text(path);
    text_lacks(text, "kommentarer till", path); /* no "… och 7 kommentarer till" */
    text_lacks(text, "\xE2\x80\xA6 och", path); /* nor any other list cut */
    names_not_ellipsised(text, s->plan, path);
    free(text);
    qpdf_checks(path);
    uf_test_sample_free(s);
}

/* ---- lists in full: every rejected row, unit and partner to review ---- */

#define MANY_FIXTURE UF_TEST_DIR "/fixtures/board-many/inputs"

static size_t count_of(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *at = strstr(text, what); at; at = strstr(at + 1, what))
        n++;
    return n;
}

static void test_board_report_lists_in_full(void **state)
{
    (void)state;
    uf_test_sample *s = uf_test_inputs_load(MANY_FIXTURE, 2025);
    assert_non_null(s);
    const uf_plan *p = s->plan;
    size_t errors = 0, missing = 0;
    for (size_t k = 0; k < s->diags->count; k++)
        errors += s->diags->items[k].severity == UF_SEVERITY_ERROR;
    assert_int_equal(errors, 120);
    for (size_t u = 0; u < p->nunits; u++)
        missing += !uf_view_unit(s->view, s->model->report_index, u)->reported;
    assert_int_equal(missing, 90);
    assert_int_equal(s->model->npartner_review, 36);
    char path[128];
    snprintf(path, sizeof path, "%s/many.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, path), UF_OK);
    size_t pages = uf_pdf_board_pages(s->model, s->view);
    assert_int_equal(pdf_pages(path), (long)pages);
    char last[32];
    snprintf(last, sizeof last, "Sida %zu av %zu", pages, pages);
    char *text = pdf_text(path);
    text_has(text, last, path);
    /* the coverage table over three pages or more, the others over two */
    assert_true(count_of(text, "Rapportering per år, fortsättning") >= 2);
    assert_true(count_of(text, "Partner och aktivitet, fortsättning") >= 1);
    assert_true(count_of(text, "Bilaga: avvisat underlag, fortsättning") >= 1);
    text_lacks(text, "\xE2\x80\xA6 och", path); /* no "… och N till" */
    text_lacks(text, "arbetsbokens flik", path);
    names_not_ellipsised(text, p, path);
    free(text);
    text = body_text(path, s->model);
    for (size_t k = 0; k < s->diags->count; k++) {
        const uf_diag *d = &s->diags->items[k];
        if (d->severity != UF_SEVERITY_ERROR)
            continue;
        char place[600];
        uf_pdf_diag_place(place, sizeof place, s->diags, d);
        strcat(place, ":");
        text_has_flowing(text, place, d->text, path);
    }
    for (size_t u = 0; u < p->nunits; u++)
        if (!uf_view_unit(s->view, s->model->report_index, u)->reported)
            text_has_flowing(text, NULL, p->units[u].name, path);
    for (size_t k = 0; k < p->npartners; k++)
        if (s->model->partner_review[k]) {
            char *line = uf_asprintf("%s (", p->partners[k].name);
            assert_true(count_of(text, line) >= 1 + (k < 15)); /* the chart's first fifteen, and the list */
            free(line);
        }
    free(text);
    qpdf_checks(path);
    uf_test_sample_free(s);
}

/* ---- text size: no body word under 9 pt, no symbol under 8 pt ---- */

typedef struct word_box {
    double h;
    char text[64];
} word_box;

/* The words of pdftotext -bbox-layout with their box heights (which go
 * with the font size: ascent plus descent). */
static word_box *pdf_words(const char *path, size_t *count)
{
    char *xml = run("pdftotext -enc UTF-8 -bbox-layout '%s' -", path);
    assert_non_null(xml);
    size_t n = 0, cap = 1024;
    word_box *words = malloc(cap * sizeof *words);
    for (const char *at = strstr(xml, "<word "); at; at = strstr(at + 1, "<word ")) {
        double x0, y0, x1, y1;
        if (sscanf(at, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">", &x0, &y0, &x1, &y1) != 4)
            fail_msg("unexpected pdftotext -bbox-layout output: %.80s", at);
        const char *t = strchr(at, '>') + 1, *end = strstr(t, "</word>");
        if (n == cap)
            words = realloc(words, (cap *= 2) * sizeof *words);
        words[n].h = y1 - y0;
        snprintf(words[n].text, sizeof words[n].text, "%.*s", (int)(end - t < 63 ? end - t : 63), t);
        n++;
    }
    free(xml);
    *count = n;
    return words;
}

/* A status symbol alone (✔ ◐ ✖ –), or the target mark ◆. */
static bool symbol_word(const char *w)
{
    static const char *const symbols[] = {"\xE2\x9C\x94", "\xE2\x97\x90", "\xE2\x9C\x96", "\xE2\x80\x93", "\xE2\x97\x86"};
    for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++)
        if (strcmp(w, symbols[k]) == 0)
            return true;
    return false;
}

/* The box heights pdftotext gives text set at exactly `size` points in
 * the bundled font, regular and bold: the smaller of the two. */
static double calibrated_height(double size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/kalibrering.pdf", out_dir);
    assert_int_equal(uf_font_load(), UF_OK);
    cairo_surface_t *surface = cairo_pdf_surface_create(path, 300, 100);
    cairo_t *cr = cairo_create(surface);
    uf_font_use(cr, UF_FONT_REGULAR, size);
    uf_text_draw(cr, 10, 30, "Kalibrering 2025", 0, UF_ALIGN_LEFT);
    uf_font_use(cr, UF_FONT_BOLD, size);
    uf_text_draw(cr, 10, 60, "Fetstil", 0, UF_ALIGN_LEFT);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    size_t n;
    word_box *words = pdf_words(path, &n);
    assert_int_equal(n, 3);
    double h = fmin(fmin(words[0].h, words[1].h), words[2].h);
    free(words);
    unlink(path);
    return h;
}

static void sizes_at_least(const char *path, double body, double symbol)
{
    size_t n, symbols = 0;
    word_box *words = pdf_words(path, &n);
    assert_true(n > 1000);
    for (size_t k = 0; k < n; k++) {
        bool sym = symbol_word(words[k].text);
        symbols += sym;
        if (words[k].h < (sym ? symbol : body) - 0.02)
            fail_msg("'%s' in %s is %.2f points tall, under %.2f", words[k].text, path, words[k].h, sym ? symbol : body);
    }
    assert_true(symbols > 0);
    free(words);
}

static void test_board_report_text_size(void **state)
{
    uf_test_sample *s = *state;
    double body = calibrated_height(9), symbol = calibrated_height(8);
    /* The box is ascent plus descent: DejaVu's 1.164 em. */
    assert_true(fabs(body - 9 * 1.164) < 0.1);
    char path[128];
    snprintf(path, sizeof path, "%s/storlek.pdf", out_dir);
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, path), UF_OK);
    sizes_at_least(path, body, symbol);
    uf_test_sample *longer = uf_test_inputs_load(LONG_FIXTURE, 2025);
    assert_non_null(longer);
    assert_int_equal(uf_pdf_write_board_report(longer->model, longer->view, path), UF_OK);
    sizes_at_least(path, body, symbol);
    uf_test_sample_free(longer);
}

/* ---- unit reports ---- */

static char *unit_pdf(const char *dir, const char *id)
{
    char *path = malloc(256);
    snprintf(path, 256, "%s/enheter/%s.pdf", dir, id);
    return path;
}

static void test_unit_reports(void **state)
{
    uf_test_sample *s = *state;
    char dir[96];
    snprintf(dir, sizeof dir, "%s/u", out_dir);
    assert_int_equal(uf_pdf_write_unit_reports(s->model, s->view, dir), UF_OK);
    char sub[128];
    snprintf(sub, sizeof sub, "%s/enheter", dir);
    bool hidden;
    assert_int_equal(count_entries(sub, &hidden), s->plan->nunits);
    assert_false(hidden); /* no temporary files left */
    size_t not_applicable = 0;
    for (size_t u = 0; u < s->plan->nunits; u++) {
        char *path = unit_pdf(dir, s->plan->units[u].id);
        assert_int_equal(pdf_pages(path), (long)uf_pdf_unit_pages(s->model, s->view, u));
        char *text = pdf_text(path);
        text_has(text, s->plan->units[u].name, path);
        /* Its applicable indicators only: the others are ej aktuell for it
         * and have no row (the sample's europa-direkt-* are
         * kommunledningskontoret's, internationella-affarskontakter the
         * bolag's). */
        for (size_t i = 0; i < s->plan->nindicators; i++) {
            if (uf_plan_applies(s->plan, i, u))
                text_has(text, s->plan->indicators[i].name, path);
            else
                text_lacks(text, s->plan->indicators[i].name, path), not_applicable++;
        }
        free(text);
        qpdf_checks(path);
        free(path);
    }
    assert_true(not_applicable > 0);
    char *path = unit_pdf(dir, "kultur-och-fritid");
    fonts_are_embedded_dejavu(path);
    free(path);
}

static void unit_text_has(const char *dir, const char *id, const char *what)
{
    char *path = unit_pdf(dir, id);
    char *text = pdf_text(path);
    text_has(text, what, path);
    free(text);
    free(path);
}

/* What each unit is told: missing years, its rejected rows (with file and
 * line), its comments, its share and targets. */
static void test_unit_report_contents(void **state)
{
    uf_test_sample *s = *state;
    char dir[96];
    snprintf(dir, sizeof dir, "%s/v", out_dir);
    assert_int_equal(uf_pdf_write_unit_reports(s->model, s->view, dir), UF_OK);
    unit_text_has(dir, "alvstads-hamn", "2025: ingen fil inkom");
    unit_text_has(dir, "alvstads-hamn", "2025 nej");
    unit_text_has(dir, "kultur-och-fritid", "Förstudie om digital delaktighet inledd");
    unit_text_has(dir, "kultur-och-fritid", "Självvärdering 2025");
    /* Rows the validator rejects reach a unit's report through the unit
     * their diagnostic names (uf_diag.unit), which the input side sets:
     * "jobbskugning-studiebesok" (social), "horsen" (alvstadsbostader),
     * "120" (miljo) belong here once it does. */
    unit_text_has(dir, "kommunledningskontoret", "motstridiga");
    unit_text_has(dir, "alvstads-energi", "(eget)");
    unit_text_has(dir, "alvstads-energi", "3 800 tkr");
    unit_text_has(dir, "kultur-och-fritid", "Andel av");
    /* A row naming an unknown unit belongs to no unit's report, not even
     * the one its file is named after: diagnostics go by the unit the row
     * names, never by a guess from the file name. */
    const char *units[] = {"miljo", "kultur-och-fritid"};
    for (size_t k = 0; k < 2; k++) {
        char *path = unit_pdf(dir, units[k]);
        char *text = pdf_text(path);
        assert_null(strstr(text, "kultur-och-fritd"));
        free(text);
        free(path);
    }
}

static void test_unit_reports_are_reproducible(void **state)
{
    uf_test_sample *s = *state;
    char a[96], b[96];
    snprintf(a, sizeof a, "%s/ra", out_dir);
    snprintf(b, sizeof b, "%s/rb", out_dir);
    assert_int_equal(uf_pdf_write_unit_reports(s->model, s->view, a), UF_OK);
    assert_int_equal(uf_pdf_write_unit_reports(s->model, s->view, b), UF_OK);
    for (size_t u = 0; u < s->plan->nunits; u++) {
        char *pa = unit_pdf(a, s->plan->units[u].id), *pb = unit_pdf(b, s->plan->units[u].id);
        assert_true(same_bytes(pa, pb));
        free(pa);
        free(pb);
    }
}

/* The unit's own assessment beside its figures: the word on the goal's
 * row, "avviker" where it differs, the analysis and actions on the last
 * page. The sample's self-assessments arrive through the reader
 * (inputs/inrapportering/2025/UNIT-sjalvvardering.csv). */
static const uf_view_assessment *sample_assessment(const uf_test_sample *s, const char *unit_id, const char *goal_id)
{
    size_t unit = uf_plan_find_unit(s->plan, unit_id, strlen(unit_id));
    assert_true(unit < s->plan->nunits);
    const uf_view_unit_year *uy = uf_view_unit(s->view, s->model->report_index, unit);
    for (size_t k = uy->assessments; k < uy->assessments + uy->nassessments; k++)
        if (strcmp(s->plan->goals[s->view->assessments[k].goal].id, goal_id) == 0)
            return &s->view->assessments[k];
    fail_msg("no self-assessment of %s for goal %s", unit_id, goal_id);
    return NULL;
}

static void test_unit_report_assessment(void **state)
{
    uf_test_sample *s = *state;
    size_t unit = uf_plan_find_unit(s->plan, "alvstadsbostader", 16);
    /* One row per goal, the untouched one (goal 3) kept as not assessed. */
    assert_int_equal(uf_view_unit(s->view, s->model->report_index, unit)->nassessments, 3);
    /* ej uppnått beside more green than red figures: it differs. */
    const uf_view_assessment *va = sample_assessment(s, "alvstadsbostader", "1");
    assert_int_equal(va->assessment, UF_ASSESS_NOT_MET);
    assert_true(va->green > va->red);
    assert_true(va->differs);
    assert_int_equal(sample_assessment(s, "alvstadsbostader", "3")->assessment, UF_ASSESS_NONE);
    /* uppnått beside more red than green: it differs too. */
    va = sample_assessment(s, "social", "1");
    assert_int_equal(va->assessment, UF_ASSESS_MET);
    assert_true(va->red > va->green);
    assert_true(va->differs);
    /* grön is uppnått; it agrees with the figures. */
    va = sample_assessment(s, "kultur-och-fritid", "1");
    assert_int_equal(va->assessment, UF_ASSESS_MET);
    assert_false(va->differs);
    char dir[96];
    snprintf(dir, sizeof dir, "%s/w", out_dir);
    assert_int_equal(uf_pdf_write_unit_reports(s->model, s->view, dir), UF_OK);
    /* beside the figures, on the goal's row of the table */
    unit_text_has(dir, "alvstadsbostader", "Ej uppnått ⚠ avviker från siffror");
    unit_text_has(dir, "social", "Uppnått ⚠ avviker från siffror");
    /* and in full below the table */
    char *path = unit_pdf(dir, "alvstadsbostader");
    char *text = body_text(path, s->model);
    /* pdftotext puts the badge's word before or after the line below it,
     * by the line's place on the page */
    text_has(text, "Mål 1: Fler projektinitiativ med internationella partners ska tas ✖", path);
    text_has(text, "Avviker från enhetens siffror: 1 gröna och 0 röda", path);
    free(text);
    free(path);
    unit_text_has(dir, "alvstadsbostader", "Analys: Inget nytt projekt under året.");
    unit_text_has(dir, "alvstadsbostader", "Ej bedömt");
    unit_text_has(dir, "social", "Avviker från enhetens siffror: 0 gröna och 2 röda");
    unit_text_has(dir, "kultur-och-fritid", "Åtgärder: Bjuda in Europa Direkt till biblioteken.");
    path = unit_pdf(dir, "kultur-och-fritid");
    text = pdf_text(path);
    text_lacks(text, "avviker", path);
    free(text);
    free(path);
    unit_text_has(dir, "alvstads-hamn", "Ingen självvärdering inkom.");
}

/* Each unit's report of the sample: its rejected rows and warnings for the
 * report year, each with file:line:column and the reason in full, its
 * self-assessments in full; nothing from another year, no row for an
 * indicator its gäller leaves out. */
static void test_unit_report_to_correct(void **state)
{
    uf_test_sample *s = *state;
    const uf_model *m = s->model;
    char dir[96];
    snprintf(dir, sizeof dir, "%s/c", out_dir);
    assert_int_equal(uf_pdf_write_unit_reports(m, s->view, dir), UF_OK);
    size_t listed = 0, last_year = 0, excluded = 0;
    for (size_t u = 0; u < s->plan->nunits; u++) {
        const uf_view_unit_year *uy = uf_view_unit(s->view, m->report_index, u);
        char *path = unit_pdf(dir, s->plan->units[u].id);
        char *text = body_text(path, m);
        text_has(text, "Att rätta", path);
        for (size_t k = uy->diags; k < uy->diags + uy->ndiags; k++) {
            const uf_diag *d = &s->diags->items[s->view->unit_diags[k]];
            assert_int_equal(d->severity == UF_SEVERITY_ERROR, k < uy->diags + uy->nerrors);
            char place[600];
            uf_pdf_diag_place(place, sizeof place, s->diags, d);
            text_has_flowing(text, place, d->text, path);
            listed++;
        }
        text_has(text, uy->nerrors ? "Rätta det i filen" : "Ingenting i enhetens inrapportering för 2025 avvisades.",
                 path);
        if (uy->ndiags > uy->nerrors)
            text_has(text, "Att se över", path);
        unit_assessments_in_full(text, s->view, u, path);
        /* last year's rejected rows, warnings and comments stay in last
         * year's report */
        const uf_view_unit_year *prev = uf_view_unit(s->view, m->report_index - 1, u);
        for (size_t k = prev->diags; k < prev->diags + prev->ndiags; k++) {
            const uf_diag *d = &s->diags->items[s->view->unit_diags[k]];
            char place[600];
            uf_pdf_diag_place(place, sizeof place, s->diags, d);
            text_lacks(text, place, path);
            last_year++;
        }
        for (size_t k = prev->comments; k < prev->comments + prev->ncomments; k++) {
            const char *said = s->view->unit_comments[k].text;
            bool again = false;
            for (size_t j = uy->comments; j < uy->comments + uy->ncomments; j++)
                again |= strstr(s->view->unit_comments[j].text, said) != NULL;
            if (!again)
                text_lacks(text, said, path), last_year++;
        }
        for (size_t i = 0; i < s->plan->nindicators; i++)
            if (!uf_plan_applies(s->plan, i, u))
                text_lacks(text, s->plan->indicators[i].name, path), excluded++;
        free(text);
        free(path);
    }
    /* the sample has them all: rejected rows (kommunledningskontoret's two,
     * miljo's, social's), a warning (barn-och-ungdom), last year's rejected
     * row (stadsbyggnad) and warning (alvstadsbostader), gäller */
    assert_true(listed >= 6);
    assert_true(last_year >= 2);
    assert_true(excluded > 0);
    unit_text_has(dir, "kommunledningskontoret", "inrapportering/2025/kommunledningskontoret.csv:28:4");
    char *path = unit_pdf(dir, "stadsbyggnad");
    char *text = pdf_text(path);
    text_lacks(text, "inte 2,5", path);
    free(text);
    free(path);
}

/* A unit with forty rejected rows, long reasons and thirty long
 * self-assessments: every one in full on continuation pages, no "… och N
 * till", and the footer's page count exact. The rejected row of last year
 * and another unit's stay out. */
static void test_unit_report_many(void **state)
{
    uf_test_sample *s = *state;
    const uf_model *m = s->model;
    size_t unit = uf_plan_find_unit(s->plan, "miljo", 5);
    assert_true(unit < s->plan->nunits);
    uf_diag_list *diags = uf_diag_list_new();
    uint32_t file = uf_diag_add_file(diags, "/var/inputs/inrapportering/2025/miljo.csv");
    enum { N = 40, A = 30 };
    for (int k = 0; k < N; k++) {
        char reason[400];
        snprintf(reason, sizeof reason,
                 "'x%d': skäl %d, ett långt skäl som räcker över mer än en rad för att visa att texten bryts och "
                 "inte klipps, med namnet på kolumnen och vad som väntades där i stället, slut på skäl %d",
                 k + 1, k + 1, k + 1);
        uf_diag *d = uf_diag_add(diags, k % 5 == 4 ? UF_SEVERITY_WARNING : UF_SEVERITY_ERROR, file, 10 + k, 3,
                                 UF_MSG_FILE_UNKNOWN_COLUMNS, reason);
        d->unit = (uint32_t)unit;
        d->year = m->report_year;
    }
    uf_diag *old = uf_diag_add(diags, UF_SEVERITY_ERROR, file, 99, 4, UF_MSG_FILE_UNKNOWN_COLUMNS, "förra årets fel");
    old->unit = (uint32_t)unit;
    old->year = m->years[m->report_index - 1];
    uf_diag *other = uf_diag_add(diags, UF_SEVERITY_ERROR, file, 98, 4, UF_MSG_FILE_UNKNOWN_COLUMNS, "en annan enhets fel");
    other->unit = (uint32_t)uf_plan_find_unit(s->plan, "social", 6);
    other->year = m->report_year;
    uf_view *v = uf_view_build(m, diags, NULL);
    uf_view_unit_year *uy = &v->units[m->report_index * s->plan->nunits + unit];
    assert_int_equal(uy->ndiags, N);
    assert_int_equal(uy->nerrors, N - N / 5);
    /* thirty long self-assessments in place of the unit's own */
    uf_view_assessment *many = calloc(A, sizeof *many), proto = {0};
    if (uy->nassessments)
        proto = v->assessments[uy->assessments];
    char *texts[2 * A];
    for (size_t k = 0; k < A; k++) {
        uf_strbuf sb = {0};
        for (int r = 0; r < 10; r++) {
            char part[96];
            snprintf(part, sizeof part, "Miljöanalys %zu mening %d om arbetet med partnerna under året. ", k + 1, r + 1);
            uf_strbuf_puts(&sb, part);
        }
        texts[2 * k] = uf_strbuf_take(&sb);
        texts[2 * k + 1] = uf_asprintf("Åtgärd %zu: fler ansökningar tillsammans med vänorten, slut på åtgärd %zu.", k + 1, k + 1);
        many[k] = proto;
        many[k].year = m->report_year;
        many[k].unit = (uint32_t)unit;
        many[k].goal = (uint32_t)(k % s->plan->ngoals);
        many[k].analysis = texts[2 * k];
        many[k].actions = texts[2 * k + 1];
        many[k].differs = k % 4 == 0;
    }
    uf_view_assessment *saved = v->assessments;
    v->assessments = many;
    uy->assessments = 0;
    uy->nassessments = A;
    size_t pages = uf_pdf_unit_pages(m, v, unit);
    assert_true(pages >= uf_pdf_unit_pages(m, s->view, unit) + 4);
    char dir[96];
    snprintf(dir, sizeof dir, "%s/many", out_dir);
    /* Only this unit's ranges are good in the changed view: every unit is
     * written, so the others lose their self-assessments. */
    for (size_t i = 0; i < s->plan->nunits * m->nyears; i++)
        if (&v->units[i] != uy)
            v->units[i].nassessments = 0;
    assert_int_equal(uf_pdf_write_unit_reports(m, v, dir), UF_OK);
    char *path = unit_pdf(dir, "miljo");
    assert_int_equal(pdf_pages(path), (long)pages);
    char last[32];
    snprintf(last, sizeof last, "Sida %zu av %zu", pages, pages);
    char *full = pdf_text(path);
    text_has(full, last, path);
    free(full);
    char *text = body_text(path, m);
    for (size_t k = uy->diags; k < uy->diags + uy->ndiags; k++) {
        const uf_diag *d = &diags->items[v->unit_diags[k]];
        char place[600];
        uf_pdf_diag_place(place, sizeof place, diags, d);
        assert_non_null(strstr(place, "inrapportering/2025/miljo.csv:"));
        text_has_flowing(text, place, d->text, path);
    }
    text_has(text, "Att se över", path);
    text_lacks(text, "förra årets fel", path);
    text_lacks(text, "en annan enhets fel", path);
    text_lacks(text, "\xE2\x80\xA6 och", path); /* no "… och N till" */
    unit_assessments_in_full(text, v, unit, path);
    free(text);
    qpdf_checks(path);
    free(path);
    v->assessments = saved;
    uf_view_free(v);
    uf_diag_list_free(diags);
    for (size_t k = 0; k < 2 * A; k++)
        free(texts[k]);
    free(many);
}

/* The fixture of the gäller case (tests/cases/v2-galler): social's row for
 * kommunledningskontoret's indicator and miljo's for the bolag's are
 * rejected; each unit's report has no row for the indicator and lists its
 * rejected row under Att rätta with its place and reason. */
static void test_unit_report_galler(void **state)
{
    (void)state;
    uf_test_sample *g = uf_test_inputs_load(UF_TEST_DIR "/cases/v2-galler/inputs", 2025);
    assert_non_null(g);
    char dir[96];
    snprintf(dir, sizeof dir, "%s/galler", out_dir);
    assert_int_equal(uf_pdf_write_unit_reports(g->model, g->view, dir), UF_OK);
    const char *units[] = {"social", "miljo"}, *places[] = {"inrapportering/2025/alla.csv:4:3", "inrapportering/2025/alla.csv:9:3"};
    const char *names[] = {"Besökare hos Europa Direkt", "Internationella affärskontakter"};
    for (size_t k = 0; k < 2; k++) {
        size_t unit = uf_plan_find_unit(g->plan, units[k], strlen(units[k]));
        const uf_view_unit_year *uy = uf_view_unit(g->view, g->model->report_index, unit);
        assert_int_equal(uy->nerrors, 1);
        const uf_diag *d = &g->diags->items[g->view->unit_diags[uy->diags]];
        char *path = unit_pdf(dir, units[k]);
        assert_int_equal(pdf_pages(path), (long)uf_pdf_unit_pages(g->model, g->view, unit));
        char *text = body_text(path, g->model);
        text_lacks(text, names[k], path);
        text_has(text, "Att rätta", path);
        text_has_flowing(text, places[k], d->text, path);
        text_has(text, "gäller inte", path);
        free(text);
        free(path);
    }
    /* the indicator is there for the units it applies to */
    unit_text_has(dir, "kommunledningskontoret", "Besökare hos Europa Direkt");
    unit_text_has(dir, "hamn", "Internationella affärskontakter");
    uf_test_sample_free(g);
}

/* All PDFs of the sample in well under a second (0.1 s in a release build). */
static void test_time(void **state)
{
    uf_test_sample *s = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/t.pdf", out_dir);
    double start = seconds();
    assert_int_equal(uf_pdf_write_board_report(s->model, s->view, path), UF_OK);
    assert_int_equal(uf_pdf_write_unit_reports(s->model, s->view, out_dir), UF_OK);
    double took = seconds() - start;
    print_message("alla PDF:er för exemplet: %.3f s\n", took);
    assert_true(took < 2.0);
}

/* ---- the finishing pass ---- */

static cairo_status_t to_strbuf(void *closure, const unsigned char *data, unsigned int length)
{
    uf_strbuf_append(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* A tagged page with one Figure, as cairo writes it. */
static void one_figure(uf_strbuf *pdf)
{
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(to_strbuf, pdf, 200, 200);
    cairo_t *cr = cairo_create(surface);
    cairo_tag_begin(cr, "Document", "");
    cairo_tag_begin(cr, "Figure", "");
    cairo_rectangle(cr, 10, 10, 50, 50);
    cairo_fill(cr);
    cairo_tag_end(cr, "Figure");
    cairo_tag_end(cr, "Document");
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    assert_int_equal(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
}

static bool holds(const uf_strbuf *sb, const char *what)
{
    size_t n = strlen(what);
    for (size_t k = 0; sb->data && k + n <= sb->len; k++)
        if (memcmp(sb->data + k, what, n) == 0)
            return true;
    return false;
}

static uf_error finish_with(const uf_strbuf *pdf, char *const *alts, size_t nalts, uf_strbuf *out)
{
    struct tm when = {.tm_year = 125, .tm_mon = 11, .tm_mday = 1};
    uf_pdf_finishing f = {"sv-SE", alts, nalts, &when, true};
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    uf_error err = uf_pdf_finish(pdf->data, pdf->len, &f, fp);
    assert_int_equal(fclose(fp), 0);
    uf_strbuf_append(out, buf, len);
    free(buf);
    return err;
}

/* Every Figure gets its text, and a count that does not match is an
 * error: the file would say the wrong thing about its charts. */
static void test_finish_alt_count(void **state)
{
    (void)state;
    uf_strbuf pdf = {0}, out = {0};
    one_figure(&pdf);
    char *alts[] = {"Kommunens värde 2023–2025: 18; 21; 26; målvärde 30", "en till"};
    assert_int_equal(finish_with(&pdf, alts, 1, &out), UF_OK);
    assert_non_null(out.data);
    assert_true(holds(&out, "/Alt"));
    assert_true(holds(&out, "/Lang (sv-SE)"));
    assert_true(holds(&out, "(D:20251201000000Z)"));
    out.len = 0;
    assert_int_equal(finish_with(&pdf, alts, 2, &out), UF_ERROR_CAIRO);
    assert_int_equal(out.len, 0);
    assert_int_equal(finish_with(&pdf, alts, 0, &out), UF_ERROR_CAIRO);
    uf_strbuf not_pdf = {0};
    uf_strbuf_puts(&not_pdf, "inte en pdf");
    assert_int_equal(finish_with(&not_pdf, alts, 1, &out), UF_ERROR_CAIRO);
    uf_strbuf_free(&not_pdf);
    uf_strbuf_free(&pdf);
    uf_strbuf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_board_report),
        cmocka_unit_test(test_board_report_is_reproducible),
        cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_board_report_summary_and_assessments),
        cmocka_unit_test(test_board_report_many_assessments),
        cmocka_unit_test(test_board_report_nothing_cut),
        cmocka_unit_test(test_board_report_lists_in_full),
        cmocka_unit_test(test_board_report_text_size),
        cmocka_unit_test(test_unit_reports),
        cmocka_unit_test(test_unit_report_contents),
        cmocka_unit_test(test_unit_reports_are_reproducible),
        cmocka_unit_test(test_unit_report_assessment),
        cmocka_unit_test(test_unit_report_to_correct),
        cmocka_unit_test(test_unit_report_many),
        cmocka_unit_test(test_unit_report_galler),
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_finish_alt_count),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
