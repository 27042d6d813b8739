/* Contract v2 in the model and the report view: target inheritance (medel
 * only), status words with and without a target, gäller, preliminary
 * figures from rejected rows, avviker, and the view's window of years,
 * arrival and per-unit diagnostics. Plans and datasets are made directly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consolidate/model.h"
#include "consolidate/view.h"
#include "dataset/dataset.h"
#include "render/csv/csv_export.h"
#include "plan/plan.h"
#include "files.h"

enum { SUM, MEAN, MAX, MIN, EDI };  /* indicators */
enum { A, B, C };                   /* units */

static char dir[64];
static uf_plan *plan;

static void put(const char *name, const char *text) { uf_test_put_plan(dir, name, text); }

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/uf-test-v2-XXXXXX");
    if (!uf_test_make_inputs(dir))
        return -1;
    put("mal.csv", "id;namn\n1;Projekt\n2;Kontakter\n");
    put("indikatorer.csv", "id;mål;namn;måttenhet;aggregering;riktning\n"
                           "summa;1;S;antal;summa;öka\nmedel;1;M;procent;medel;öka\n"
                           "storst;2;X;tkr;max;öka\nminst;2;N;dagar;min;minska\nedi;2;E;antal;summa;öka\n");
    put("enheter.csv", "id;namn;typ\na;A;förvaltning\nb;B;förvaltning\nc;C;bolag\n");
    put("malvarden.csv", "år;indikator;enhet;målvärde\n2025;summa;;100\n2025;summa;a;5\n2025;medel;;50\n"
                         "2025;medel;b;70\n2025;storst;;10\n2025;minst;;3\n");
    uf_diag_list *diags = uf_diag_list_new();
    uf_error err;
    plan = uf_plan_load(dir, diags, &err);
    uf_diag_list_free(diags);
    if (!plan)
        return -1;
    /* gäller: edi applies to unit a only (as the reader would set it). */
    plan->indicators[EDI].applies = calloc(plan->nunits, sizeof(bool));
    plan->indicators[EDI].applies[A] = true;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    uf_plan_free(plan);
    return uf_test_remove_tree(dir);
}

static void add(uf_dataset *d, int year, uint32_t unit, uint32_t indicator, double value, const char *comment)
{
    uf_row r = {.value = value, .year = year, .unit = unit, .indicator = indicator, .partner = UF_NO_PARTNER,
                .file = 0, .line = (uint32_t)(d->counts.rows_read + 2)};
    uf_dataset_add(d, &r, comment, comment ? strlen(comment) : 0);
    uf_dataset_count_rows(d, 1, 1, 0);
}

static void reject(uf_dataset *d, int year, uint32_t unit, uint32_t indicator, bool not_applicable)
{
    uf_rejection r = {year, unit, indicator, 0, (uint32_t)(d->counts.rows_read + 2), not_applicable};
    uf_dataset_add_rejection(d, &r);
    uf_dataset_count_rows(d, 1, 0, 1);
}

static void assess(uf_dataset *d, int year, uint32_t unit, uint32_t goal, uf_assessment a, const char *analysis)
{
    uf_self_assessment s = {.year = year, .unit = unit, .goal = goal, .file = 0, .line = 40, .assessment = (uint8_t)a};
    uf_dataset_add_assessment(d, &s, analysis, analysis ? strlen(analysis) : 0, NULL, 0);
}

typedef struct fixture {
    uf_diag_list *diags;
    uf_dataset *data;
    uf_model *model;
    uf_view *view;
} fixture;

/* 2024 and 2025 for units a and b; c sends nothing. */
static fixture *build(void (*more)(uf_dataset *, uf_diag_list *))
{
    fixture *f = calloc(1, sizeof *f);
    f->diags = uf_diag_list_new();
    uf_diag_add_file(f->diags, "inrapportering/2025/a.csv");
    f->data = uf_dataset_new(plan);
    for (int y = 2024; y <= 2025; y++) {
        double k = y - 2024;
        add(f->data, y, A, SUM, 4 + k, NULL);
        add(f->data, y, B, SUM, 10 - k, NULL);
        add(f->data, y, A, MEAN, 40 + k, y == 2025 ? "a om medel" : NULL);
        add(f->data, y, B, MEAN, 60 + 20 * k, y == 2025 ? "b om medel" : NULL);
        add(f->data, y, A, MAX, 8, NULL);
        add(f->data, y, A, MIN, 4, NULL);
        add(f->data, y, A, EDI, 2 + k, y == 2025 ? "a om edi" : NULL);
    }
    if (more)
        more(f->data, f->diags);
    uf_dataset_finish(f->data, f->diags, false);
    f->model = uf_model_build(plan, f->data, 2025);
    f->view = uf_view_build(f->model, f->diags, "# Sammanfattning\n");
    return f;
}

static void fixture_free(fixture *f)
{
    uf_view_free(f->view);
    uf_model_free(f->model);
    uf_dataset_free(f->data);
    uf_diag_list_free(f->diags);
    free(f);
}

static const uf_figure *fig(const fixture *f, size_t indicator, size_t unit)
{
    return uf_model_figure(f->model, f->model->report_index, indicator, unit);
}

static void test_targets_and_their_source(void **state)
{
    (void)state;
    fixture *f = build(NULL);
    /* medel: a unit without its own target is measured against the municipality's. */
    assert_true(fig(f, MEAN, A)->target == 50);
    assert_int_equal(fig(f, MEAN, A)->target_source, UF_TARGET_WHOLE);
    assert_int_equal(fig(f, MEAN, A)->word, UF_WORD_PARTLY); /* 41: moved the right way */
    assert_true(fig(f, MEAN, B)->target == 70);
    assert_int_equal(fig(f, MEAN, B)->target_source, UF_TARGET_OWN);
    assert_int_equal(fig(f, MEAN, B)->word, UF_WORD_MET); /* 80 >= 70 */
    assert_int_equal(fig(f, MEAN, UF_WHOLE_MUNICIPALITY)->target_source, UF_TARGET_WHOLE);
    /* summa, max, min: a unit without its own target has none, and is judged by its trend. */
    assert_true(fig(f, SUM, A)->target == 5);
    assert_int_equal(fig(f, SUM, A)->target_source, UF_TARGET_OWN);
    assert_int_equal(fig(f, SUM, A)->word, UF_WORD_MET);
    assert_true(isnan(fig(f, SUM, B)->target));
    assert_int_equal(fig(f, SUM, B)->target_source, UF_TARGET_NONE);
    assert_int_equal(fig(f, SUM, B)->word, UF_WORD_WORSENED); /* 10 -> 9 */
    assert_int_equal(fig(f, SUM, B)->status, UF_STATUS_RED);
    assert_true(isnan(fig(f, MAX, A)->target));
    assert_int_equal(fig(f, MAX, A)->word, UF_WORD_UNCHANGED);
    assert_true(isnan(fig(f, MIN, A)->target));
    assert_int_equal(fig(f, MIN, A)->target_source, UF_TARGET_NONE);
    /* The municipality: 13 of 100 is not within 80 % and fell: ej uppnått. */
    assert_int_equal(fig(f, SUM, UF_WHOLE_MUNICIPALITY)->word, UF_WORD_NOT_MET);
    /* No target in 2024 anywhere: trend words, or none without a previous year. */
    assert_int_equal(uf_model_figure(f->model, 0, SUM, A)->word, UF_WORD_MISSING);
    fixture_free(f);
}

static void test_applicability(void **state)
{
    (void)state;
    fixture *f = build(NULL);
    assert_true(fig(f, EDI, A)->applies);
    assert_false(fig(f, EDI, B)->applies);
    assert_false(fig(f, EDI, C)->applies);
    assert_true(fig(f, EDI, UF_WHOLE_MUNICIPALITY)->applies);
    assert_true(fig(f, SUM, C)->applies);
    assert_true(fig(f, EDI, UF_WHOLE_MUNICIPALITY)->value == 3);
    /* b's goal 2: edi is not b's, so it counts in neither colour. */
    size_t green, red;
    uf_model_unit_goal_colours(f->model, 1, B, 1, &green, &red);
    assert_int_equal(green + red, 0);
    uf_model_unit_goal_colours(f->model, 1, A, 1, &green, &red);
    assert_int_equal(green, 1); /* edi rose; max unchanged; min unchanged */
    assert_int_equal(red, 0);
    fixture_free(f);
}

static void rejected_rows(uf_dataset *d, uf_diag_list *diags)
{
    (void)diags;
    reject(d, 2025, A, SUM, false);              /* a's figure and the municipality's */
    reject(d, 2025, UF_NO_UNIT, SUM, false);     /* unknown unit: the municipality's only */
    reject(d, 0, A, SUM, false);                 /* invalid year: none */
    reject(d, 2025, A, UF_NO_INDICATOR, false);  /* unknown indicator: none */
    reject(d, 2025, B, EDI, true);               /* not applicable: none */
    reject(d, 2019, A, SUM, false);              /* a year without figures: none */
    reject(d, 2024, B, MEAN, false);
}

static void test_preliminary_from_rejections(void **state)
{
    (void)state;
    fixture *f = build(rejected_rows);
    assert_int_equal(fig(f, SUM, A)->rejected, 1);
    assert_true(uf_figure_preliminary(fig(f, SUM, A)));
    assert_int_equal(fig(f, SUM, UF_WHOLE_MUNICIPALITY)->rejected, 2);
    assert_int_equal(fig(f, SUM, B)->rejected, 0);
    assert_false(uf_figure_preliminary(fig(f, SUM, B)));
    assert_int_equal(fig(f, EDI, B)->rejected, 0);
    assert_int_equal(fig(f, EDI, UF_WHOLE_MUNICIPALITY)->rejected, 0);
    assert_int_equal(uf_model_figure(f->model, 0, MEAN, B)->rejected, 1);
    assert_int_equal(uf_model_figure(f->model, 0, MEAN, UF_WHOLE_MUNICIPALITY)->rejected, 1);
    /* Values and statuses come from the accepted rows only. */
    assert_true(fig(f, SUM, A)->value == 5);
    /* The view counts the rows a unit's rejected rows name, that year. */
    assert_int_equal(uf_view_unit(f->view, 1, A)->rejected, 2); /* SUM and the unknown indicator */
    assert_int_equal(uf_view_unit(f->view, 1, B)->rejected, 1); /* the non-applicable row */
    assert_int_equal(uf_view_unit(f->view, 0, B)->rejected, 1);
    fixture_free(f);
}

static void assessments(uf_dataset *d, uf_diag_list *diags)
{
    (void)diags;
    assess(d, 2025, B, 0, UF_ASSESS_MET, "Vi nådde målen");       /* b goal 1: 1 green (medel), 1 red (summa): tie */
    assess(d, 2025, A, 0, UF_ASSESS_NOT_MET, NULL);               /* a goal 1: 1 green (summa), 1 yellow: green > red */
    assess(d, 2025, A, 1, UF_ASSESS_PARTLY, NULL);                /* partly never differs */
}

static void test_avviker(void **state)
{
    (void)state;
    assert_true(uf_model_assessment_differs(UF_ASSESS_MET, 1, 2));
    assert_false(uf_model_assessment_differs(UF_ASSESS_MET, 2, 2)); /* ties never differ */
    assert_false(uf_model_assessment_differs(UF_ASSESS_MET, 3, 0));
    assert_true(uf_model_assessment_differs(UF_ASSESS_NOT_MET, 2, 1));
    assert_false(uf_model_assessment_differs(UF_ASSESS_NOT_MET, 1, 1));
    assert_false(uf_model_assessment_differs(UF_ASSESS_PARTLY, 5, 0));
    assert_false(uf_model_assessment_differs(UF_ASSESS_NONE, 0, 5));
    fixture *f = build(assessments);
    const uf_view_unit_year *a = uf_view_unit(f->view, 1, A), *b = uf_view_unit(f->view, 1, B);
    assert_int_equal(a->nassessments, 2);
    assert_int_equal(b->nassessments, 1);
    const uf_view_assessment *first = &f->view->assessments[a->assessments];
    assert_int_equal(first->goal, 0); /* in goal order */
    assert_int_equal(first->green, 1);
    assert_int_equal(first->red, 0);
    assert_true(first->differs);      /* ej uppnått, yet more green than red */
    assert_false(first[1].differs);
    const uf_view_assessment *vb = &f->view->assessments[b->assessments];
    assert_int_equal(vb->green, 1);
    assert_int_equal(vb->red, 1);
    assert_false(vb->differs);        /* a tie */
    assert_string_equal(vb->analysis, "Vi nådde målen");
    fixture_free(f);
}

static void diagnostics(uf_dataset *d, uf_diag_list *diags)
{
    (void)d;
    uf_diag *x = uf_diag_add(diags, UF_SEVERITY_ERROR, 0, 5, 2, UF_MSG_ROW_NO_VALUE);
    x->unit = B, x->year = 2024;
    x = uf_diag_add(diags, UF_SEVERITY_WARNING, 0, 6, 2, UF_MSG_ROW_NO_VALUE);
    x->unit = C, x->year = 0;  /* no valid year: this round's, the report year */
    uf_diag_add(diags, UF_SEVERITY_ERROR, 0, 7, 2, UF_MSG_ROW_NO_VALUE); /* names no unit: no unit's */
    x = uf_diag_add(diags, UF_SEVERITY_WARNING, UF_NO_FILE, 0, 0, UF_MSG_ROW_NO_VALUE);
    x->unit = A, x->year = 2025; /* run-wide: shown from the model instead */
    /* c sent only empty values in 2024: arrived, nothing reported. */
    add(d, 2024, C, SUM, NAN, NULL);
}

static void test_view_units(void **state)
{
    (void)state;
    fixture *f = build(diagnostics);
    const uf_view *v = f->view;
    assert_int_equal(uf_view_unit(v, 0, B)->ndiags, 1);
    assert_int_equal(f->diags->items[v->unit_diags[uf_view_unit(v, 0, B)->diags]].line, 5);
    assert_int_equal(uf_view_unit(v, 0, B)->rejected, 1); /* an error diagnostic is a rejected row */
    assert_int_equal(uf_view_unit(v, 1, B)->ndiags, 0);
    assert_int_equal(uf_view_unit(v, 1, C)->ndiags, 1);
    assert_int_equal(uf_view_unit(v, 1, A)->ndiags, 0);
    assert_int_equal(uf_view_unit(v, 0, A)->ndiags, 0);
    /* What arrived: a reported; c in 2024 only empty values; c in 2025 only a message. */
    assert_true(uf_view_unit(v, 1, A)->reported);
    assert_true(uf_view_unit(v, 0, C)->arrived);
    /* ...and not reported: the dataset's `reported` (a row with a value)
     * decides; asserted in the dataset's own tests. */
    assert_false(uf_view_unit(v, 1, C)->reported);
    assert_int_equal(v->reported[1], 2);
    assert_int_equal(v->nexpected, 3);
    /* Comments: per unit in reading order; per indicator in unit order. */
    assert_int_equal(uf_view_unit(v, 1, A)->ncomments, 2);
    assert_string_equal(v->unit_comments[uf_view_unit(v, 1, A)->comments].text, "a om medel");
    assert_int_equal(v->indicator_start[MEAN + 1] - v->indicator_start[MEAN], 2);
    assert_string_equal(v->indicator_comments[v->indicator_start[MEAN]].text, "a om medel");
    assert_string_equal(v->indicator_comments[v->indicator_start[MEAN] + 1].text, "b om medel");
    assert_string_equal(v->indicator_comments[v->indicator_start[EDI]].text, "a om edi");
    assert_string_equal(v->summary, "# Sammanfattning\n");
    fixture_free(f);
}

/* The CSV export: a row per applicable figure for every year in the data,
 * none for a pair that is ej aktuell; the version-2 columns filled in. */
static void test_csv_rows(void **state)
{
    (void)state;
    fixture *f = build(rejected_rows);
    char path[128];
    snprintf(path, sizeof path, "%s/sammanstallning.csv", dir);
    assert_int_equal(uf_csv_export_write(f->model, path), UF_OK);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char line[512];
    size_t rows = 0;
    bool own = false, inherited = false, prelim = false;
    while (fgets(line, sizeof line, fp)) {
        rows++;
        assert_null(strstr(line, ";edi;b;"));
        assert_null(strstr(line, ";edi;c;"));
        own |= strstr(line, "2025;1;summa;a;5;5;4;grön;uppnått;enheten;1;S;A;antal\r\n") != NULL;
        inherited |= strstr(line, "2025;1;medel;a;41;50;40;gul;delvis uppnått;kommunen;0;M;A;procent\r\n") != NULL;
        prelim |= strstr(line, "2025;1;summa;;14;100;14;röd;ej uppnått;kommunen;2;S;;antal\r\n") != NULL;
    }
    fclose(fp);
    /* header + 2 years x (4 indicators x (municipality + 3 units) + edi x (municipality + a)) */
    assert_int_equal(rows, 1 + 2 * (4 * 4 + 2));
    assert_true(own);
    assert_true(inherited);
    assert_true(prelim);
    fixture_free(f);
}

/* One window for every output: the report year and at most seven before. */
static void test_view_window(void **state)
{
    (void)state;
    uf_diag_list *diags = uf_diag_list_new();
    uf_diag_add_file(diags, "a.csv");
    uf_dataset *d = uf_dataset_new(plan);
    for (int y = 2014; y <= 2025; y++)
        add(d, y, A, SUM, y - 2000, NULL);
    uf_dataset_finish(d, diags, false);
    int years[] = {2025, 2020, 2014};
    size_t first[] = {4, 0, 0}, count[] = {8, 7, 1};
    for (size_t k = 0; k < 3; k++) {
        uf_model *m = uf_model_build(plan, d, years[k]);
        uf_view *v = uf_view_build(m, diags, NULL);
        assert_int_equal(v->first_year, first[k]);
        assert_int_equal(v->nyears_shown, count[k]);
        assert_int_equal(m->years[uf_view_year(v, v->nyears_shown - 1)], years[k]);
        uf_view_free(v);
        uf_model_free(m);
    }
    uf_dataset_free(d);
    uf_diag_list_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_targets_and_their_source),
        cmocka_unit_test(test_applicability),
        cmocka_unit_test(test_preliminary_from_rejections),
        cmocka_unit_test(test_avviker),
        cmocka_unit_test(test_view_units),
        cmocka_unit_test(test_view_window),
        cmocka_unit_test(test_csv_rows),
    };
    return cmocka_run_group_tests_name("consolidate", tests, setup, teardown);
}
