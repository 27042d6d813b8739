/* The dataset's duplicate and conflict handling at scale, and the
 * consolidated model: aggregation over the units that reported, previous
 * year, unit targets, shares, goal counts and the partner review list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consolidate/model.h"
#include "dataset/dataset.h"
#include "plan/plan.h"
#include "files.h"

static char dir[64];
static uf_plan *plan;

static void put(const char *name, const char *text) { uf_test_put_plan(dir, name, text); }

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/uf-test-model-XXXXXX");
    if (!uf_test_make_inputs(dir))
        return -1;
    put("mal.csv", "id;namn\n1;Projekt\n2;Kontakter\n");
    put("indikatorer.csv", "id;mål;namn;måttenhet;aggregering;riktning\n"
                           "summa;1;S;antal;summa;öka\nmedel;2;M;procent;medel;öka\n"
                           "storst;2;X;tkr;max;öka\nminst;2;N;dagar;min;minska\n");
    /* 300 units: enough rows to make the key table grow several times. */
    char units[300 * 40] = "id;namn;typ\n";
    for (int u = 0; u < 300; u++)
        snprintf(units + strlen(units), sizeof units - strlen(units), "u%03d;Enhet %d;förvaltning\n", u, u);
    put("enheter.csv", units);
    put("malvarden.csv", "år;indikator;enhet;målvärde\n2025;summa;;100\n2025;summa;u000;5\n");
    put("partners.csv", "id;namn;typ\nmoss;Moss;vänort\nnokia;Nokia;vänort\nesbo;Esbo;vänort\n");
    uf_diag_list *diags = uf_diag_list_new();
    uf_error err;
    plan = uf_plan_load(dir, diags, &err);
    uf_diag_list_free(diags);
    return plan ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    uf_plan_free(plan);
    return uf_test_remove_tree(dir);
}

static void add(uf_dataset *d, int year, uint32_t unit, uint32_t indicator, uint32_t partner, double value)
{
    uf_row r = {.value = value, .year = year, .unit = unit, .indicator = indicator, .partner = partner,
                .file = 0, .line = (uint32_t)(d->counts.rows_read + 2)};
    uf_dataset_add(d, &r, NULL, 0);
    d->counts.rows_read++;
    d->counts.rows_accepted++;
}

static void test_duplicates_after_the_table_grows(void **state)
{
    (void)state;
    uf_diag_list *diags = uf_diag_list_new();
    uf_diag_add_file(diags, "a.csv");
    uf_dataset *d = uf_dataset_new(plan);
    for (int y = 2016; y < 2026; y++)
        for (uint32_t u = 0; u < 300; u++)
            add(d, y, u, 0, UF_NO_PARTNER, u);
    add(d, 2016, 0, 0, UF_NO_PARTNER, 0);    /* identical: counted once */
    add(d, 2016, 1, 0, UF_NO_PARTNER, 99);   /* conflicts with the first u001 row */
    add(d, 2020, 5, 0, 0, 1);                /* a partner makes a new key */
    uf_dataset_finish(d, diags, true);
    assert_int_equal(d->counts.rows_read, 3003);
    assert_int_equal(d->counts.rows_rejected, 2);
    assert_int_equal(d->counts.rows_accepted, 3001);
    assert_int_equal(d->counts.rows_duplicate, 1);
    assert_int_equal(d->nrows, 3001);
    assert_int_equal(diags->errors, 2);
    /* The duplicate, and u001 whose only 2016 row was rejected. */
    assert_int_equal(diags->warnings, 2);
    assert_int_equal(d->nyears, 10);
    uf_dataset_free(d);
    uf_diag_list_free(diags);
}

static void test_aggregation_over_reporting_units(void **state)
{
    (void)state;
    uf_diag_list *diags = uf_diag_list_new();
    uf_diag_add_file(diags, "a.csv");
    uf_dataset *d = uf_dataset_new(plan);
    add(d, 2024, 0, 0, UF_NO_PARTNER, 4);
    add(d, 2024, 1, 0, UF_NO_PARTNER, 6);
    add(d, 2025, 0, 0, 0, 2);               /* u000 over two partners: 2 + 4 */
    add(d, 2025, 0, 0, 1, 4);
    add(d, 2025, 1, 0, UF_NO_PARTNER, 3);
    add(d, 2025, 2, 0, UF_NO_PARTNER, NAN); /* reported empty: not 0 */
    add(d, 2025, 0, 1, UF_NO_PARTNER, 40);
    add(d, 2025, 1, 1, UF_NO_PARTNER, 60);
    add(d, 2025, 0, 2, UF_NO_PARTNER, 7);
    add(d, 2025, 1, 2, UF_NO_PARTNER, 9.5);
    add(d, 2025, 0, 3, UF_NO_PARTNER, 12);
    add(d, 2025, 1, 3, UF_NO_PARTNER, 8);
    uf_dataset_finish(d, diags, false);
    uf_model *m = uf_model_build(plan, d, 2025);
    assert_int_equal(m->report_index, 1);
    const uf_figure *whole = uf_model_figure(m, 1, 0, UF_WHOLE_MUNICIPALITY);
    assert_true(whole->value == 9 && whole->previous == 10 && whole->target == 100);
    assert_true(whole->change == -1 && fabs(whole->change_pct + 10) < 1e-9);
    assert_int_equal(whole->status, UF_STATUS_RED); /* fell, far from target */
    const uf_figure *u0 = uf_model_figure(m, 1, 0, 0);
    assert_true(u0->value == 6 && u0->target == 5 && fabs(u0->share - 6.0 / 9) < 1e-12);
    assert_int_equal(u0->status, UF_STATUS_GREEN);
    assert_int_equal(u0->rows, 2);
    assert_true(isnan(uf_model_figure(m, 1, 0, 2)->value)); /* empty, never 0 */
    assert_int_equal(uf_model_figure(m, 1, 0, 2)->status, UF_STATUS_GREY);
    assert_true(isnan(uf_model_figure(m, 1, 0, 299)->value)); /* did not report */
    assert_true(uf_model_figure(m, 1, 1, UF_WHOLE_MUNICIPALITY)->value == 50);
    assert_true(uf_model_figure(m, 1, 2, UF_WHOLE_MUNICIPALITY)->value == 9.5);
    assert_true(uf_model_figure(m, 1, 3, UF_WHOLE_MUNICIPALITY)->value == 8);
    assert_true(isnan(uf_model_figure(m, 1, 1, 0)->share)); /* shares only for sums */
    /* Goal 1 has one indicator (red); goal 2 three without target or previous (grey). */
    assert_int_equal(uf_model_goal_count(m, 1, 0, UF_STATUS_RED), 1);
    assert_int_equal(uf_model_goal_count(m, 1, 1, UF_STATUS_GREY), 3);
    /* moss and nokia were active in 2025; esbo never: listed for review. */
    assert_false(m->partner_review[0]);
    assert_false(m->partner_review[1]);
    assert_true(m->partner_review[2]);
    assert_int_equal(m->npartner_review, 1);
    assert_true(uf_model_unit_reported(m, 1, 2));
    assert_false(uf_model_unit_reported(m, 1, 3));
    uf_model_free(m);
    uf_dataset_free(d);
    uf_diag_list_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_duplicates_after_the_table_grows),
        cmocka_unit_test(test_aggregation_over_reporting_units),
    };
    return cmocka_run_group_tests_name("model", tests, setup, teardown);
}
