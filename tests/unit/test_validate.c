/* Each validation rule for submissions, through uf_validator and
 * uf_dataset: every row read is accepted or rejected with a diagnostic
 * naming its line and column, and read = accepted + rejected. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/diag.h"
#include "common/messages.h"
#include "dataset/dataset.h"
#include "common/util.h"
#include "plan/plan.h"
#include "validate/validate.h"
#include "files.h"

/* ---- the plan, written once ---- */

static char plan_dir[64];
static uf_plan *plan;

static const char *const plan_files[][2] = {
    {"mal.csv", "id;namn\n1;Fler projekt\n2;Fler kontakter\n"},
    {"indikatorer.csv",
     "id;mål;namn;måttenhet;aggregering;riktning;min;max;gäller\n"
     "nya-projekt;1;Nya projekt;antal;summa;öka;;\n"
     "andel;2;Andel personal;procent;medel;öka;;\n"
     "tid;2;Handläggningstid;dagar;max;minska;1;30\n"
     "extern;1;Extern finansiering;tkr;summa;öka;0;\n"
     "forandring;2;Förändring;procent;min;öka;-50;150\n"
     "eu-info;2;EU-information;antal;summa;öka;;;\"miljo, bolag\"\n"
     "valdeltagande;2;Valdeltagande;procent;medel;öka;;;nämnd\n"},
    {"enheter.csv",
     "id;namn;typ\n"
     "social;Socialförvaltningen;förvaltning\n"
     "miljo;Miljöförvaltningen;förvaltning\n"
     "hamn;Älvstads Hamn AB;bolag\n"},
    {"partners.csv",
     "id;namn;typ\n"
     "moss;Moss kommune;vänort\n"
     "horsens;Horsens Kommune;vänort\n"
     "mcr2030;Making Cities Resilient 2030;nätverk\n"},
};

enum { NYA, ANDEL, TID, EXTERN, FORANDRING, EU_INFO, VALDELTAGANDE };
enum { SOCIAL, MILJO, HAMN };
enum { MOSS, HORSENS, MCR };

static int setup_plan(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    strcpy(plan_dir, "/tmp/uf-test-validate-XXXXXX");
    if (!mkdtemp(plan_dir))
        return -1;
    char path[160];
    snprintf(path, sizeof path, "%s/plan", plan_dir);
    mkdir(path, 0755);
    for (size_t i = 0; i < sizeof plan_files / sizeof plan_files[0]; i++) {
        snprintf(path, sizeof path, "%s/plan/%s", plan_dir, plan_files[i][0]);
        uf_test_write_text(path, plan_files[i][1]);
    }
    uf_diag_list *diags = uf_diag_list_new();
    uf_error err;
    plan = uf_plan_load(plan_dir, diags, &err);
    if (!plan || diags->count) {
        uf_diag_print_all(diags, stderr);
        return -1;
    }
    uf_diag_list_free(diags);
    return 0;
}

static int teardown_plan(void **state)
{
    (void)state;
    uf_plan_free(plan);
    return uf_test_remove_tree(plan_dir);
}

static int sv(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    return 0;
}

/* ---- one run over some submissions ---- */

typedef struct run {
    uf_diag_list *diags;
    uf_dataset *data;
    uf_validator *v;
    bool finished;
} run;

static run start(void)
{
    run r = {.diags = uf_diag_list_new()};
    r.data = uf_dataset_new(plan);
    r.v = uf_validator_new(plan, r.data, r.diags);
    return r;
}

static void add(run *r, const char *name, const char *csv) { uf_validate_buffer(r->v, csv, strlen(csv), name); }

static void finish(run *r, bool expect_all_units)
{
    uf_validator_free(r->v);
    r->v = NULL;
    uf_dataset_finish(r->data, r->diags, expect_all_units);
    uf_diag_sort(r->diags);
    r->finished = true;
    const uf_counts *c = &r->data->counts;
    /* Nothing is lost, whatever the input. */
    assert_int_equal(c->rows_read, c->rows_accepted + c->rows_rejected);
    assert_int_equal((size_t)(c->rows_accepted - c->assessments_accepted), r->data->nrows);
    assert_int_equal(c->assessments_read, c->assessments_accepted + c->assessments_rejected);
}

/* One file, finished without expecting every unit. */
static run one(const char *csv)
{
    run r = start();
    add(&r, "a.csv", csv);
    finish(&r, false);
    return r;
}

static void done(run *r)
{
    uf_validator_free(r->v);
    uf_dataset_free(r->data);
    uf_diag_list_free(r->diags);
}

typedef struct want {
    uf_msg code;
    long line;
    int column;
    uf_severity severity;
} want;

#define E(code, line, col) {UF_MSG_##code, line, col, UF_SEVERITY_ERROR}
#define W(code, line, col) {UF_MSG_##code, line, col, UF_SEVERITY_WARNING}

static void dump(const run *r)
{
    for (size_t i = 0; i < r->diags->count; i++) {
        const uf_diag *d = &r->diags->items[i];
        print_message("  %s %s:%ld:%d %s\n", uf_msg_name(d->code), uf_diag_file_name(r->diags, d->file), d->line,
                      d->column, d->text);
    }
}

static void expect_diags(const run *r, const want *w, size_t n)
{
    if (r->diags->count != n) {
        dump(r);
        fail_msg("expected %zu diagnostics, got %zu", n, r->diags->count);
    }
    for (size_t i = 0; i < n; i++) {
        const uf_diag *d = &r->diags->items[i];
        if (d->code != w[i].code || d->line != w[i].line || d->column != w[i].column || d->severity != w[i].severity) {
            dump(r);
            fail_msg("diagnostic %zu: %s %ld:%d, expected %s %ld:%d (%s)", i, uf_msg_name(d->code), d->line, d->column,
                     uf_msg_name(w[i].code), w[i].line, w[i].column,
                     w[i].severity == UF_SEVERITY_ERROR ? "error" : "warning");
        }
    }
}

#define EXPECT(r, ...)                                                                                                 \
    do {                                                                                                               \
        const want w_[] = {__VA_ARGS__};                                                                               \
        expect_diags((r), w_, sizeof w_ / sizeof w_[0]);                                                              \
    } while (0)
#define EXPECT_NONE(r) expect_diags((r), NULL, 0)

static void expect_counts(const run *r, long read, long accepted, long rejected)
{
    const uf_counts *c = &r->data->counts;
    if (c->rows_read != read || c->rows_accepted != accepted || c->rows_rejected != rejected)
        fail_msg("rows %ld read, %ld accepted, %ld rejected; expected %ld, %ld, %ld", c->rows_read, c->rows_accepted,
                 c->rows_rejected, read, accepted, rejected);
}

static const char *text(const run *r, size_t i) { return r->diags->items[i].text; }

#define HEADER "år;enhet;indikator;värde;kommentar;partner\n"

/* ---- accepted rows ---- */

static void test_good_rows(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;nya-projekt;3;Två nya;moss\n"
                "2025;Social;NYA-PROJEKT;2;;MCR2030\n"
                "2024;miljo;andel;12,5 %;;\n"
                "2025;miljo;extern;1 250;;\n"
                "2025;hamn;forandring;\xE2\x88\x92" "3,5;;\n"
                "2025;hamn;tid;30;;\n"
                "2025;miljo;andel;100 %\n"
                "2025;social;andel;0\n");
    EXPECT_NONE(&r);
    expect_counts(&r, 8, 8, 0);
    assert_int_equal(r.data->counts.files_read, 1);
    assert_int_equal(r.data->counts.files_rejected, 0);
    const uf_row *row = &r.data->rows[0];
    assert_int_equal(row->year, 2025);
    assert_int_equal(row->unit, SOCIAL);
    assert_int_equal(row->indicator, NYA);
    assert_int_equal(row->partner, MOSS);
    assert_true(row->value == 3);
    assert_string_equal(row->comment, "Två nya");
    assert_int_equal(row->line, 2);
    assert_int_equal(row->value_column, 4);
    assert_string_equal(uf_diag_file_name(r.diags, row->file), "a.csv");
    row = &r.data->rows[1];
    assert_int_equal(row->partner, MCR);
    assert_null(row->comment);
    assert_true(r.data->rows[2].value == 12.5);
    assert_int_equal(r.data->rows[2].partner, UF_NO_PARTNER);
    assert_true(r.data->rows[3].value == 1250);
    assert_true(r.data->rows[4].value == -3.5);
    /* years and coverage */
    assert_int_equal(r.data->nyears, 2);
    assert_int_equal(r.data->years[0], 2024);
    assert_int_equal(r.data->years[1], 2025);
    assert_true(uf_dataset_unit_reported(r.data, 2025, HAMN));
    assert_false(uf_dataset_unit_reported(r.data, 2024, HAMN));
    assert_false(uf_dataset_unit_reported(r.data, 2023, SOCIAL));
    assert_int_equal(uf_dataset_units_reported(r.data, 2025), 3);
    assert_int_equal(uf_dataset_units_reported(r.data, 2024), 1);
    done(&r);
}

static void test_dialects_accepted(void **state)
{
    (void)state;
    run r = start();
    /* English headers in another order, ',' with a quoted decimal comma */
    add(&r, "en.csv", "Unit,Year,Indicator,Partner,Value,Comment\nsocial,2025,andel,,\"3,5\",\"a, b\"\n");
    /* TAB, CRLF, no final line end */
    add(&r, "tab.csv", "indicator\tvalue\tunit\tyear\r\nandel\t4.5\tmiljo\t2025");
    /* Windows-1252, headers without å/ä, sep= line, blank lines, trailing delimiters */
    add(&r, "cp.csv", "sep=;\r\nar;enhet;indikator;varde;kommentar\r\n\r\n2025;hamn;andel;5;M\xF6te\r\n;;;;\r\n");
    /* UTF-8 BOM, spaces around everything, a multi-line comment */
    add(&r, "bom.csv", "\xEF\xBB\xBF" " år ; enhet ; indikator ; värde ; kommentar \n"
                       " 2024 ; social ; andel ; 7 ; \"rad 1\nrad 2; \"\"citat\"\"\" \n"
                       " 2024 ; miljo ; andel ; ca 7 ; \n");
    finish(&r, false);
    EXPECT(&r, W(FILE_CP1252, 0, 0), E(ROW_NOT_NUMBER, 4, 4));
    assert_string_equal(uf_diag_file_name(r.diags, r.diags->items[0].file), "cp.csv");
    assert_string_equal(uf_diag_file_name(r.diags, r.diags->items[1].file), "bom.csv");
    expect_counts(&r, 5, 4, 1);
    assert_true(r.data->rows[0].value == 3.5);
    assert_string_equal(r.data->rows[0].comment, "a, b");
    assert_true(r.data->rows[1].value == 4.5);
    assert_int_equal(r.data->rows[1].line, 2);
    assert_int_equal(r.data->rows[2].line, 4);
    assert_string_equal(r.data->rows[2].comment, "Möte");
    assert_string_equal(r.data->rows[3].comment, "rad 1\nrad 2; \"citat\"");
    done(&r);
}

/* ---- unknown ids ---- */

static void test_unknown_unit(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;socail;nya-projekt;3\n"
                "2025;skolan;nya-projekt;3\n"
                "2025;Socialförvaltningen;nya-projekt;3\n"
                "2025;socail;andel;3\n");
    EXPECT(&r, E(ROW_UNKNOWN_UNIT, 2, 2), E(ROW_UNKNOWN_UNIT, 3, 2), E(ROW_UNKNOWN_UNIT, 4, 2), E(ROW_UNKNOWN_UNIT, 5, 2));
    assert_string_equal(text(&r, 0), "okänd enhet ”socail”; menade du ”social”?");
    assert_string_equal(text(&r, 1), "okänd enhet ”skolan”; se plan/enheter.csv för giltiga id");
    assert_string_equal(text(&r, 2), "okänd enhet ”Socialförvaltningen”; menade du ”social”?");
    assert_string_equal(text(&r, 3), "okänd enhet ”socail”; menade du ”social”?"); /* remembered */
    expect_counts(&r, 4, 0, 4);
    done(&r);
}

static void test_unknown_indicator_and_partner(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;nya-projket;3;;\n"
                "2025;social;nya-projekt;3;;horsen\n"
                "2025;social;nya-projekt;3;;gaziantep\n"
                "2025;social;okand;3;;okand\n");
    EXPECT(&r, E(ROW_UNKNOWN_INDICATOR, 2, 3), E(ROW_UNKNOWN_PARTNER, 3, 6), E(ROW_UNKNOWN_PARTNER, 4, 6),
           E(ROW_UNKNOWN_INDICATOR, 5, 3), E(ROW_UNKNOWN_PARTNER, 5, 6));
    assert_string_equal(text(&r, 0), "okänd indikator ”nya-projket”; menade du ”nya-projekt”?");
    assert_string_equal(text(&r, 1), "okänd partner ”horsen”; menade du ”horsens”?");
    assert_string_equal(text(&r, 2), "okänd partner ”gaziantep”; se plan/partners.csv för giltiga id");
    expect_counts(&r, 4, 0, 4);
    done(&r);
}

static void test_english_messages(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_EN);
    run r = one(HEADER "2025;socail;nya-projekt;2,5\n2025;social;andel;1 250,5\n");
    EXPECT(&r, E(ROW_UNKNOWN_UNIT, 2, 2), E(ROW_NOT_WHOLE, 2, 4), E(ROW_ABOVE_MAX, 3, 4));
    assert_string_equal(text(&r, 0), "unknown unit “socail”; did you mean “social”?");
    assert_string_equal(text(&r, 1), "Nya projekt is counted (antal) and must be a whole number, not 2,5");
    assert_string_equal(text(&r, 2), "1 250,5 is above the largest allowed value (100) for Andel personal");
    done(&r);
}

/* ---- year, empty cells ---- */

static void test_invalid_year(void **state)
{
    (void)state;
    run r = one(HEADER
                "25;social;nya-projekt;3\n"
                "2025,0;social;nya-projekt;3\n"
                "år 2025;social;nya-projekt;3\n"
                "1850;social;nya-projekt;3\n"
                " 2025 ;social;nya-projekt;3\n");
    EXPECT(&r, E(ROW_BAD_YEAR, 2, 1), E(ROW_BAD_YEAR, 3, 1), E(ROW_BAD_YEAR, 4, 1), E(ROW_BAD_YEAR, 5, 1));
    assert_string_equal(text(&r, 0), "ogiltigt år ”25”; ange ett årtal med fyra siffror från 1900 till 2100, t.ex. 2025");
    expect_counts(&r, 5, 1, 4);
    done(&r);
}

static void test_empty_required_cells(void **state)
{
    (void)state;
    run r = one(HEADER
                ";social;nya-projekt;3\n"
                "2025;;nya-projekt;3\n"
                "2025;social;;3\n"
                "2025;social\n");
    /* The last row lacks its value too, but "counted as not reported" is
     * not said of a row that is rejected. */
    EXPECT(&r, E(ROW_EMPTY_FIELD, 2, 1), E(ROW_EMPTY_FIELD, 3, 2), E(ROW_EMPTY_FIELD, 4, 3), E(ROW_EMPTY_FIELD, 5, 3));
    assert_string_equal(text(&r, 0), "”år” saknas");
    assert_string_equal(text(&r, 1), "”enhet” saknas");
    assert_string_equal(text(&r, 2), "”indikator” saknas");
    expect_counts(&r, 4, 0, 4);
    done(&r);
}

static void test_empty_value_is_not_zero(void **state)
{
    (void)state;
    run r = one(HEADER "2025;social;nya-projekt;;inget att rapportera\n2025;miljo;andel;\xC2\xA0\n2025;hamn;tid;0\n");
    EXPECT(&r, W(ROW_NO_VALUE, 2, 4), W(ROW_NO_VALUE, 3, 4), E(ROW_BELOW_MIN, 4, 4));
    assert_string_equal(text(&r, 0), "värde saknas; räknas som ej rapporterat, inte som 0");
    expect_counts(&r, 3, 2, 1);
    assert_true(isnan(r.data->rows[0].value));
    assert_true(isnan(r.data->rows[1].value));
    assert_string_equal(r.data->rows[0].comment, "inget att rapportera");
    /* Only a row with a value makes a unit count as having reported
     * (contract v2): an untouched template reports nothing. */
    assert_false(uf_dataset_unit_reported(r.data, 2025, SOCIAL));
    assert_false(uf_dataset_unit_reported(r.data, 2025, MILJO));
    assert_false(uf_dataset_unit_reported(r.data, 2025, HAMN));
    done(&r);
}

/* An untouched template: no row has a value. One notice for the file, at
 * no line, for the unit its rows name; the unit has not reported. */
static void test_untouched_file_one_notice(void **state)
{
    (void)state;
    run r = one(HEADER "2025;social;nya-projekt;\n2025;social;andel;\n2025;social;tid;;\n");
    EXPECT(&r, W(FILE_NOTHING_REPORTED, 0, 0));
    assert_string_equal(text(&r, 0), "inget värde är ifyllt på filens 3 rader; filen räknas som ej rapporterad, inte som 0");
    assert_int_equal(r.diags->items[0].unit, SOCIAL);
    assert_int_equal(r.diags->items[0].year, 2025);
    expect_counts(&r, 3, 3, 0);
    assert_false(uf_dataset_unit_reported(r.data, 2025, SOCIAL));
    done(&r);
}

/* ---- numbers and the indicator's rules ---- */

static void test_not_a_number(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;extern;ca 20\n"
                "2025;social;extern;#SAKNAS!\n"
                "2025;social;extern;1.234,5\n"
                "2025;social;extern;12 34\n"
                "2025;social;extern;12 kr\n"
                "2025;social;extern;1e999\n");
    EXPECT(&r, E(ROW_NOT_NUMBER, 2, 4), E(ROW_EXCEL_ERROR, 3, 4), E(ROW_MIXED_SEPARATORS, 4, 4),
           E(ROW_BAD_GROUPING, 5, 4), E(ROW_NOT_NUMBER, 6, 4), E(ROW_NOT_NUMBER, 7, 4));
    assert_string_equal(text(&r, 0), "”ca 20” är inget tal; skriv t.ex. 1 250 eller 12,5");
    assert_string_equal(text(&r, 1), "”#SAKNAS!” är ett felvärde från Excel, inget tal");
    expect_counts(&r, 6, 0, 6);
    done(&r);
}

static void test_antal_whole_and_not_negative(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;nya-projekt;2,5\n"
                "2025;miljo;nya-projekt;-3\n"
                "2025;hamn;nya-projekt;-2,5\n"
                "2024;social;nya-projekt;4,0\n"
                "2024;miljo;nya-projekt;0\n"
                "2024;hamn;nya-projekt;1 000\n");
    EXPECT(&r, E(ROW_NOT_WHOLE, 2, 4), E(ROW_NEGATIVE, 3, 4), E(ROW_NOT_WHOLE, 4, 4), E(ROW_NEGATIVE, 4, 4));
    assert_string_equal(text(&r, 0), "Nya projekt räknas i antal och måste vara ett heltal, inte 2,5");
    assert_string_equal(text(&r, 1), "Nya projekt räknas i antal och kan inte vara negativt (-3)");
    expect_counts(&r, 6, 3, 3);
    assert_true(r.data->rows[0].value == 4);
    assert_true(r.data->rows[2].value == 1000);
    done(&r);
}

static void test_procent(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;andel;12 %\n"
                "2025;miljo;andel;12%\n"
                "2025;hamn;andel;120\n"
                "2024;social;andel;-1\n"
                "2024;miljo;andel;100,5 %\n"
                "2024;hamn;andel;45,5\n");
    EXPECT(&r, E(ROW_ABOVE_MAX, 4, 4), E(ROW_BELOW_MIN, 5, 4), E(ROW_ABOVE_MAX, 6, 4));
    assert_string_equal(text(&r, 0), "120 är högre än det största tillåtna värdet (100) för Andel personal");
    assert_string_equal(text(&r, 1), "-1 är lägre än det minsta tillåtna värdet (0) för Andel personal");
    assert_string_equal(text(&r, 2), "100,5 % är högre än det största tillåtna värdet (100) för Andel personal");
    expect_counts(&r, 6, 3, 3);
    assert_true(r.data->rows[0].value == 12);
    assert_true(r.data->rows[1].value == 12);
    assert_true(r.data->rows[2].value == 45.5);
    done(&r);
}

static void test_min_max(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;tid;0,5\n"
                "2025;miljo;tid;30,5\n"
                "2025;hamn;tid;1\n"
                "2025;social;extern;-0,01\n"
                "2025;miljo;forandring;-50,5 %\n"
                "2025;hamn;forandring;150 %\n"
                "2024;hamn;forandring;-50\n");
    EXPECT(&r, E(ROW_BELOW_MIN, 2, 4), E(ROW_ABOVE_MAX, 3, 4), E(ROW_BELOW_MIN, 5, 4), E(ROW_BELOW_MIN, 6, 4));
    assert_string_equal(text(&r, 0), "0,5 är lägre än det minsta tillåtna värdet (1) för Handläggningstid");
    assert_string_equal(text(&r, 1), "30,5 är högre än det största tillåtna värdet (30) för Handläggningstid");
    assert_string_equal(text(&r, 3), "-50,5 % är lägre än det minsta tillåtna värdet (\xE2\x88\x92" "50) för Förändring");
    expect_counts(&r, 7, 3, 4);
    done(&r);
}

static void test_percent_sign_on_other_measures(void **state)
{
    (void)state;
    run r = one(HEADER "2025;social;nya-projekt;12 %\n2025;social;extern;5%\n2025;social;tid;3 %\n");
    EXPECT(&r, E(ROW_PERCENT_NOT_ALLOWED, 2, 4), E(ROW_PERCENT_NOT_ALLOWED, 3, 4), E(ROW_PERCENT_NOT_ALLOWED, 4, 4));
    assert_string_equal(text(&r, 0), "”12 %” har procenttecken men indikatorn Nya projekt mäts i antal");
    assert_string_equal(text(&r, 1), "”5%” har procenttecken men indikatorn Extern finansiering mäts i tkr");
    expect_counts(&r, 3, 0, 3);
    done(&r);
}

/* ---- duplicates and conflicts ---- */

static void test_identical_duplicate_counted_once(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;nya-projekt;3;;moss\n"
                "2025;social;nya-projekt;4;;horsens\n"
                "2025;Social;Nya-Projekt;3,0;annan kommentar;MOSS\n"
                "2025;miljo;andel;;\n"
                "2025;miljo;andel;;\n");
    EXPECT(&r, W(ROW_DUPLICATE, 4, 0), W(ROW_NO_VALUE, 5, 4), W(ROW_DUPLICATE, 6, 0), W(ROW_NO_VALUE, 6, 4));
    assert_string_equal(text(&r, 0), "samma år, enhet, indikator och partner som rad 2 med samma värde; räknas en gång");
    expect_counts(&r, 5, 5, 0);
    assert_int_equal(r.data->counts.rows_duplicate, 2);
    assert_int_equal(r.data->rows[0].state, UF_ROW_ACCEPTED);
    assert_int_equal(r.data->rows[1].state, UF_ROW_ACCEPTED); /* another partner: not a duplicate */
    assert_int_equal(r.data->rows[2].state, UF_ROW_DUPLICATE);
    assert_int_equal(r.data->rows[4].state, UF_ROW_DUPLICATE);
    done(&r);
}

static void test_duplicate_across_files(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", HEADER "2025;social;nya-projekt;3\n");
    add(&r, "b.csv", HEADER "\n2025;social;nya-projekt;3\n");
    finish(&r, false);
    EXPECT(&r, W(ROW_DUPLICATE, 3, 0));
    assert_string_equal(uf_diag_file_name(r.diags, r.diags->items[0].file), "b.csv");
    assert_string_equal(text(&r, 0), "samma år, enhet, indikator och partner som rad 2 i a.csv med samma värde; räknas en gång");
    expect_counts(&r, 2, 2, 0);
    done(&r);
}

static void test_conflicting_duplicate_all_rejected(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", HEADER
                     "2025;social;nya-projekt;3;;moss\n"
                     "2025;social;nya-projekt;5;;moss\n"
                     "2025;social;nya-projekt;9\n"
                     "2025;miljo;andel;50\n");
    add(&r, "b.csv", "värde;enhet;år;indikator;partner\n3;SOCIAL;2025;nya-projekt;Moss\n");
    finish(&r, false);
    EXPECT(&r, E(ROW_CONFLICT, 2, 4), E(ROW_CONFLICT, 3, 4), E(ROW_CONFLICT, 2, 1));
    /* Rows in two files: every place names its file, or "rad 2" would read
     * as b.csv's own line 2 in b.csv's message. */
    const char *msg = "motstridiga värden för 2025, Socialförvaltningen, Nya projekt, partner Moss kommune: 3 (rad 2 i a.csv), "
                      "5 (rad 3 i a.csv), 3 (rad 2 i b.csv); alla 3 rader avvisas, rätta till ett värde";
    assert_string_equal(text(&r, 0), msg);
    assert_string_equal(text(&r, 1), msg);
    assert_string_equal(text(&r, 2), msg);
    assert_string_equal(uf_diag_file_name(r.diags, r.diags->items[2].file), "b.csv");
    /* The row without a partner is another key and stays. */
    expect_counts(&r, 5, 2, 3);
    assert_int_equal(r.data->nrows, 2);
    assert_true(r.data->rows[0].value == 9);
    assert_true(r.data->rows[1].value == 50);
    done(&r);
}

static void test_conflict_empty_against_value(void **state)
{
    (void)state;
    run r = one(HEADER "2025;social;andel;\n2025;social;andel;40\n");
    EXPECT(&r, W(ROW_NO_VALUE, 2, 4), E(ROW_CONFLICT, 2, 4), E(ROW_CONFLICT, 3, 4));
    assert_string_equal(text(&r, 1), "motstridiga värden för 2025, Socialförvaltningen, Andel personal: \xE2\x80\x93 (rad 2), 40 (rad 3); "
                                     "båda raderna avvisas, rätta till ett värde");
    expect_counts(&r, 2, 0, 2);
    done(&r);
}

/* ---- the shape of rows and files ---- */

static void test_too_many_fields(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", "år;enhet;indikator;värde\n2025;social;nya-projekt;3;extra\n2025;miljo;nya-projekt;3;;;\n");
    add(&r, "b.csv", "år,enhet,indikator,värde\n2025,social,andel,12,5\n2025,miljo,andel,\"12,5\"\n");
    finish(&r, false);
    EXPECT(&r, E(ROW_TOO_MANY_FIELDS, 2, 5), E(ROW_TOO_MANY_FIELDS_COMMA, 2, 5));
    assert_string_equal(text(&r, 0), "raden har 5 fält men rubrikraden har 4; kontrollera att inget värde "
                                     "innehåller avgränsaren utan citattecken");
    assert_string_equal(text(&r, 1), "raden har 5 fält men rubrikraden har 4; står det ett decimalkomma utan "
                                     "citattecken i en kommaseparerad fil?");
    expect_counts(&r, 4, 2, 2);
    done(&r);
}

static void test_missing_column_rejects_file(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", "år;enhet;värde;kommentar\n2025;social;3;x\n2025;miljo;4;y\n\n2025;hamn;ca 5;z\n");
    add(&r, "b.csv", HEADER "2025;social;nya-projekt;3\n");
    finish(&r, false);
    /* One message for the file, none for its rows, which are rejected with it. */
    EXPECT(&r, E(FILE_MISSING_COLUMNS, 1, 0));
    assert_string_equal(text(&r, 0), "filen avvisas: kolumnen ”indikator” saknas (hittade kolumner: ”år”, ”enhet”, "
                                     "”värde”, ”kommentar”)");
    expect_counts(&r, 4, 1, 3);
    assert_int_equal(r.data->counts.files_read, 2);
    assert_int_equal(r.data->counts.files_rejected, 1);
    done(&r);
}

static void test_unknown_columns_one_warning(void **state)
{
    (void)state;
    run r = one("år;enhet;kontaktperson;indikator;värde;telefon\n2025;social;Anna;nya-projekt;3;123\n");
    EXPECT(&r, W(FILE_UNKNOWN_COLUMNS, 1, 0));
    assert_string_equal(text(&r, 0), "okända kolumner ignoreras: ”kontaktperson”, ”telefon”");
    expect_counts(&r, 1, 1, 0);
    done(&r);
}

static void test_line_numbers_after_multiline_comment(void **state)
{
    (void)state;
    run r = one("\n" HEADER
                "2025;social;nya-projekt;1;\"rad ett\nrad två\nrad tre\";\n"
                "\n"
                "2025;socail;nya-projekt;2;;\n"
                "2025;miljo;nya-projekt;2;\"a\r\nb\";horsen\n"
                "2025;hamn;nya-projekt;ca 2;;\n");
    EXPECT(&r, E(ROW_UNKNOWN_UNIT, 7, 2), E(ROW_UNKNOWN_PARTNER, 8, 6), E(ROW_NOT_NUMBER, 10, 4));
    expect_counts(&r, 4, 1, 3);
    assert_int_equal(r.data->rows[0].line, 3);
    done(&r);
}

static void test_file_level_problems(void **state)
{
    (void)state;
    static const char nul[] = HEADER "2025;social;nya-projekt;3\0\n";
    run r = start();
    add(&r, "empty.csv", "");
    add(&r, "blank.csv", "\n\r\n  \n");
    add(&r, "header-only.csv", HEADER);
    uf_validate_buffer(r.v, nul, sizeof nul - 1, "nul.csv");
    add(&r, "garbage.csv", "\x89PNG\r\n\x1a\n\x01\x02\xff");
    add(&r, "utf16.csv", "\xFF\xFE\xE5");
    add(&r, "ok.csv", HEADER "2025;social;nya-projekt;3\n");
    finish(&r, false);
    EXPECT(&r, E(FILE_EMPTY, 0, 0), E(FILE_EMPTY, 0, 0), W(FILE_NO_DATA, 0, 0), E(FILE_NUL, 0, 0),
           E(FILE_ENCODING, 0, 0), E(FILE_UTF16, 0, 0));
    assert_string_equal(uf_diag_file_name(r.diags, r.diags->items[2].file), "header-only.csv");
    assert_string_equal(text(&r, 3), "filen innehåller NUL-tecken (byte 71) och ser ut att vara en binärfil, inte CSV; "
                                     "spara den som CSV från Excel");
    expect_counts(&r, 1, 1, 0);
    assert_int_equal(r.data->counts.files_read, 7);
    assert_int_equal(r.data->counts.files_rejected, 5); /* a header-only file is not rejected */
    done(&r);
}

static void test_unclosed_quote_in_submission(void **state)
{
    (void)state;
    run r = one(HEADER "2025;social;nya-projekt;1\n2025;miljo;nya-projekt;2;\"ingen slut\n2025;hamn;nya-projekt;3\n");
    EXPECT(&r, E(FILE_UNCLOSED_QUOTE, 3, 0));
    /* The row before is accepted; the broken record is read and rejected. */
    expect_counts(&r, 2, 1, 1);
    assert_int_equal(r.data->counts.files_rejected, 0);
    done(&r);
}

static void test_paths_that_are_not_files(void **state)
{
    (void)state;
    char dir[160], fifo[160], missing[160];
    snprintf(dir, sizeof dir, "%s/mapp.csv", plan_dir);
    snprintf(fifo, sizeof fifo, "%s/fifo.csv", plan_dir);
    snprintf(missing, sizeof missing, "%s/finns-inte.csv", plan_dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    run r = start();
    uf_validate_file(r.v, dir, "mapp.csv");
    uf_validate_file(r.v, fifo, "fifo.csv");
    uf_validate_file(r.v, missing, "finns-inte.csv");
    add(&r, "ok.csv", HEADER "2025;social;nya-projekt;3\n");
    finish(&r, false);
    EXPECT(&r, E(FILE_IS_DIR, 0, 0), E(FILE_NOT_REGULAR, 0, 0), E(FILE_OPEN, 0, 0));
    assert_string_equal(text(&r, 0), "är en mapp, inte en fil");
    expect_counts(&r, 1, 1, 0);
    assert_int_equal(r.data->counts.files_read, 4);
    assert_int_equal(r.data->counts.files_rejected, 3);
    done(&r);
}

static void test_units_not_reported(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", HEADER
                     "2024;social;nya-projekt;1\n"
                     "2024;miljo;nya-projekt;1\n"
                     "2024;hamn;nya-projekt;1\n"
                     "2025;social;nya-projekt;1\n"
                     "2025;hamn;nya-projekt;-1\n");
    finish(&r, true);
    /* hamn's only 2025 row is rejected: it has not reported for 2025. */
    EXPECT(&r, E(ROW_NEGATIVE, 6, 4), W(UNIT_NOT_REPORTED, 0, 0), W(UNIT_NOT_REPORTED, 0, 0));
    assert_string_equal(text(&r, 1), "Miljöförvaltningen (miljo) har inte rapporterat för 2025");
    assert_string_equal(text(&r, 2), "Älvstads Hamn AB (hamn) har inte rapporterat för 2025");
    assert_int_equal(r.diags->items[1].file, UF_NO_FILE);
    assert_int_equal(r.diags->items[1].unit, MILJO);
    assert_int_equal(r.diags->items[2].unit, HAMN);
    assert_int_equal(uf_dataset_units_reported(r.data, 2025), 1);
    done(&r);

    /* Without expecting every unit (named files), nothing is said. */
    r = one(HEADER "2025;social;nya-projekt;1\n");
    EXPECT_NONE(&r);
    done(&r);
}

static void test_no_rows_at_all(void **state)
{
    (void)state;
    run r = start();
    finish(&r, true);
    EXPECT_NONE(&r);
    assert_int_equal(r.data->nyears, 0);
    assert_int_equal(uf_dataset_year_index(r.data, 2025), SIZE_MAX);
    done(&r);
}

static void test_many_rows_one_typo(void **state)
{
    (void)state;
    /* 20 000 rows with the same typo: each rejected with the suggestion. */
    enum { N = 20000 };
    uf_strbuf sb = {0};
    uf_strbuf_puts(&sb, HEADER);
    for (int i = 0; i < N; i++) {
        char line[80];
        snprintf(line, sizeof line, "%d;socail;nya-projekt;%d\n", 1900 + i % 200, i);
        uf_strbuf_puts(&sb, line);
    }
    run r = start();
    uf_validate_buffer(r.v, sb.data, sb.len, "stor.csv");
    finish(&r, false);
    expect_counts(&r, N, 0, N);
    assert_int_equal(r.diags->count, N);
    assert_int_equal(r.diags->items[N - 1].line, N + 1);
    assert_string_equal(text(&r, N - 1), "okänd enhet ”socail”; menade du ”social”?");
    uf_strbuf_free(&sb);
    done(&r);
}

/* A small deterministic generator, the same on every machine. */
static uint32_t next_random(uint32_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

static void test_mutated_input_never_breaks_the_counts(void **state)
{
    (void)state;
    /* Good files with random damage: bytes changed, quotes, delimiters,
     * line ends, NUL, high bytes and cut-offs. Whatever comes out, nothing
     * crashes (the sanitizer build checks memory) and read = accepted +
     * rejected (checked in finish). */
    static const char *const seeds[] = {
        HEADER "2025;social;nya-projekt;3;\"kommentar; med \"\"citat\"\"\";moss\n2024;miljo;andel;12,5 %;;\n",
        "\xEF\xBB\xBFUnit,Year,Indicator,Value\r\nsocial,2025,extern,\"1 250,5\"\r\nhamn,2025,tid,7\r\n",
        "sep=;\n\xE5r;enhet;indikator;v\xE4rde\n2025;social;andel;45\n\n2025;miljo;andel;\n",
        "year\tunit\tindicator\tvalue\n2025\tsocial\tnya-projekt\t1\n2025\tsocial\tnya-projekt\t1\n",
    };
    static const char noise[] = {'"', ';', ',', '\t', '\r', '\n', '\0', ' ', '%', '-', (char)0xC3, (char)0xA5,
                                 (char)0xE5, (char)0x81, (char)0xFF, (char)0xFE, '#', '9', ','};
    uint32_t seed = 20250101u;
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        const char *base = seeds[round % 4];
        size_t len = strlen(base);
        memcpy(buf, base, len);
        int edits = 1 + (int)(next_random(&seed) % 6);
        for (int e = 0; e < edits && len > 0; e++) {
            size_t at = next_random(&seed) % len;
            char c = noise[next_random(&seed) % sizeof noise];
            switch (next_random(&seed) % 4) {
            case 0: /* change */
                buf[at] = c;
                break;
            case 1: /* insert */
                if (len + 1 < sizeof buf) {
                    memmove(buf + at + 1, buf + at, len - at);
                    buf[at] = c;
                    len++;
                }
                break;
            case 2: /* delete */
                memmove(buf + at, buf + at + 1, len - at - 1);
                len--;
                break;
            default: /* cut off */
                len = at;
                break;
            }
        }
        run r = start();
        uf_validate_buffer(r.v, buf, len, "skadad.csv");
        add(&r, "hel.csv", HEADER "2025;hamn;nya-projekt;1;;\n");
        finish(&r, true);
        /* The undamaged file beside it is always read. */
        assert_true(r.data->counts.rows_accepted >= 1 || r.data->counts.rows_rejected >= 1);
        done(&r);
    }
}


/* ---- contract v2: gäller ---- */

static const uf_rejection *rejection_at(const run *r, const char *file, uint32_t line)
{
    for (size_t i = 0; i < r->data->nrejections; i++) {
        const uf_rejection *x = &r->data->rejections[i];
        if (x->line == line && strcmp(uf_diag_file_name(r->diags, x->file), file) == 0)
            return x;
    }
    fail_msg("no rejection recorded for %s:%u", file, line);
    return NULL;
}

static void expect_rejection(const run *r, const char *file, uint32_t line, int year, uint32_t unit,
                             uint32_t indicator, bool not_applicable)
{
    const uf_rejection *x = rejection_at(r, file, line);
    if (x->year != year || x->unit != unit || x->indicator != indicator || x->not_applicable != not_applicable)
        fail_msg("%s:%u attributed to year %d, unit %u, indicator %u%s; expected %d, %u, %u%s", file, line, x->year,
                 x->unit, x->indicator, x->not_applicable ? " (ej aktuell)" : "", year, unit, indicator,
                 not_applicable ? " (ej aktuell)" : "");
}

static void test_not_applicable_rejected(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;miljo;eu-info;3\n"
                "2025;hamn;eu-info;2\n"
                "2025;SOCIAL;eu-info;1\n"
                "2025;social;eu-info;\n"
                "2025;social;valdeltagande;80\n"); /* a type no unit has: applies to none */
    /* Either the plan or the row is wrong: the row is rejected, naming the
     * units the indicator applies to; an empty value is no exception. */
    EXPECT(&r, E(ROW_NOT_APPLICABLE, 4, 3), E(ROW_NOT_APPLICABLE, 5, 3), E(ROW_NOT_APPLICABLE_NONE, 6, 3));
    assert_string_equal(text(&r, 2), "indikatorn valdeltagande gäller inte social och inte heller någon annan enhet "
                                     "(kolumnen gäller i plan/indikatorer.csv); rätta planen");
    assert_string_equal(text(&r, 0), "indikatorn eu-info gäller inte social, bara miljo, hamn (kolumnen gäller i "
                                     "plan/indikatorer.csv); antingen är raden eller planen fel");
    expect_counts(&r, 5, 2, 3);
    assert_int_equal(r.data->nrejections, 3);
    expect_rejection(&r, "a.csv", 4, 2025, SOCIAL, EU_INFO, true);
    expect_rejection(&r, "a.csv", 5, 2025, SOCIAL, EU_INFO, true);
    assert_int_equal(r.diags->items[0].unit, SOCIAL);
    assert_int_equal(r.diags->items[0].year, 2025);
    done(&r);
}

/* ---- contract v2: every rejected figure row attributed ---- */

static void test_rejected_rows_attributed(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", HEADER
                     "2025;socail;andel;40\n"            /* unknown unit: the municipality's figure */
                     "25;miljo;andel;40\n"               /* invalid year: no figure */
                     "2101;miljo;andel;40\n"             /* past 2100: invalid */
                     "2025;MILJO;okand;40\n"             /* unknown indicator: no figure */
                     "2025;Hamn;Andel;ca 40\n"           /* ids in any case: the unit's figure */
                     "2025;social;andel;40;x;;extra\n"   /* too many fields: read where it can be */
                     "2025;social;nya-projekt;3\n");
    add(&r, "b.csv", HEADER "2025;social;nya-projekt;4\n"); /* a conflict, added at finish */
    finish(&r, false);
    expect_counts(&r, 8, 0, 8);
    assert_int_equal(r.data->nrejections, 8);
    expect_rejection(&r, "a.csv", 2, 2025, UF_NO_UNIT, ANDEL, false);
    expect_rejection(&r, "a.csv", 3, 0, MILJO, ANDEL, false);
    expect_rejection(&r, "a.csv", 4, 0, MILJO, ANDEL, false);
    expect_rejection(&r, "a.csv", 5, 2025, MILJO, UF_NO_INDICATOR, false);
    expect_rejection(&r, "a.csv", 6, 2025, HAMN, ANDEL, false);
    expect_rejection(&r, "a.csv", 7, 2025, SOCIAL, ANDEL, false);
    expect_rejection(&r, "a.csv", 8, 2025, SOCIAL, NYA, false);
    expect_rejection(&r, "b.csv", 2, 2025, SOCIAL, NYA, false);
    /* Each diagnostic names the unit and year of its row, where valid. */
    for (size_t i = 0; i < r.diags->count; i++) {
        const uf_diag *d = &r.diags->items[i];
        const uf_rejection *x = rejection_at(&r, uf_diag_file_name(r.diags, d->file), (uint32_t)d->line);
        assert_int_equal(d->unit, x->unit);
        assert_int_equal(d->year, x->year);
    }
    done(&r);
}

static void test_file_rejected_whole_attributed(void **state)
{
    (void)state;
    run r = start();
    /* No värde column: the file is rejected whole, its rows still count
     * against the figures they name. */
    add(&r, "a.csv", "år;enhet;indikator;kommentar\n2025;social;andel;x\n2025;okand;andel;y\n;miljo;andel;z\n");
    /* No indikator column: nothing to attribute but the row itself. */
    add(&r, "b.csv", "år;enhet;värde\n2025;social;3\n");
    finish(&r, false);
    EXPECT(&r, E(FILE_MISSING_COLUMNS, 1, 0), E(FILE_MISSING_COLUMNS, 1, 0));
    expect_counts(&r, 4, 0, 4);
    assert_int_equal(r.data->counts.files_rejected, 2);
    expect_rejection(&r, "a.csv", 2, 2025, SOCIAL, ANDEL, false);
    expect_rejection(&r, "a.csv", 3, 2025, UF_NO_UNIT, ANDEL, false);
    expect_rejection(&r, "a.csv", 4, 0, MILJO, ANDEL, false);
    expect_rejection(&r, "b.csv", 2, 2025, SOCIAL, UF_NO_INDICATOR, false);
    done(&r);
}

static void test_unclosed_quote_rejection_recorded(void **state)
{
    (void)state;
    run r = one(HEADER "2025;social;nya-projekt;1\n2025;miljo;nya-projekt;2;\"ingen slut\n");
    expect_counts(&r, 2, 1, 1);
    assert_int_equal(r.data->nrejections, 1); /* one rejection for every rejected figure row */
    assert_int_equal(r.data->rejections[0].indicator, UF_NO_INDICATOR);
    done(&r);
}

/* ---- contract v2: reporting ---- */

static void test_reported_only_with_a_value(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", HEADER
                     "2025;social;nya-projekt;\n"  /* an untouched template: nothing reported */
                     "2025;social;andel;\n"
                     "2025;miljo;nya-projekt;0\n"  /* 0 is a value */
                     "2025;hamn;nya-projekt;2\n"
                     "2025;hamn;andel;-5\n");
    finish(&r, true);
    assert_false(uf_dataset_unit_reported(r.data, 2025, SOCIAL));
    assert_true(uf_dataset_unit_reported(r.data, 2025, MILJO));
    assert_true(uf_dataset_unit_reported(r.data, 2025, HAMN));
    assert_int_equal(uf_dataset_units_reported(r.data, 2025), 2);
    /* The warning says social did not report, as the reports will. */
    const uf_diag *last = &r.diags->items[r.diags->count - 1];
    assert_int_equal(last->code, UF_MSG_UNIT_NOT_REPORTED);
    assert_int_equal(last->unit, SOCIAL);
    assert_int_equal(last->year, 2025);
    done(&r);
}

static void test_unit_no_indicator_applies_to_is_not_expected(void **state)
{
    (void)state;
    static const char *const files[][2] = {
        {"mal.csv", "id;namn\n1;Mål\n"},
        {"indikatorer.csv", "id;mål;namn;måttenhet;aggregering;riktning;gäller\n"
                            "a;1;A;antal;summa;öka;förvaltning\n"
                            "b;1;B;antal;summa;öka;hamn\n"},
        {"enheter.csv", "id;namn;typ\nsocial;Social;förvaltning\nhamn;Hamn;bolag\nval;Valnämnden;nämnd\n"},
    };
    char dir[64] = "/tmp/uf-test-validate-XXXXXX", path[160];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/plan", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/plan/%s", dir, files[i][0]);
        uf_test_write_text(path, files[i][1]);
    }
    uf_diag_list *diags = uf_diag_list_new();
    uf_error err;
    uf_plan *p = uf_plan_load(dir, diags, &err);
    assert_non_null(p);
    assert_true(uf_plan_unit_expected(p, 0));
    assert_true(uf_plan_unit_expected(p, 1));
    assert_false(uf_plan_unit_expected(p, 2));
    uf_dataset *data = uf_dataset_new(p);
    uf_validator *v = uf_validator_new(p, data, diags);
    const char *csv = "år;enhet;indikator;värde\n2025;social;a;1\n";
    uf_validate_buffer(v, csv, strlen(csv), "a.csv");
    uf_validator_free(v);
    uf_dataset_finish(data, diags, true);
    /* hamn is told it has not reported; valnämnden, with nothing to report, is not. */
    assert_int_equal(diags->count, 1);
    assert_int_equal(diags->items[0].unit, 1);
    assert_int_equal(uf_dataset_units_expected(data), 2);
    uf_dataset_free(data);
    uf_diag_list_free(diags);
    uf_plan_free(p);
    assert_int_equal(uf_test_remove_tree(dir), 0);
}

/* ---- contract v2: the template's reference columns and sep= ---- */

static void test_reference_columns_ignored_silently(void **state)
{
    (void)state;
    run r = one("sep=;\n"
                "år;enhet;indikator;namn;måttenhet;föregående;målvärde;värde;kommentar;anvisning\n"
                "2025;social;andel;Andel personal;procent;40;45;42;;Ange andelen i procent\n");
    EXPECT_NONE(&r);
    expect_counts(&r, 1, 1, 0);
    assert_true(r.data->rows[0].value == 42);
    assert_int_equal(r.data->rows[0].line, 3);
    assert_int_equal(r.data->rows[0].value_column, 8);
    done(&r);
}

/* ---- messages: ids typed with a look-alike character ---- */

static void test_lookalike_characters_named(void **state)
{
    (void)state;
    run r = one(HEADER
                "2025;social;nya\xE2\x80\x93projekt;1\n"   /* en dash */
                "2025;social;nya\xE2\x80\x94projekt;1\n"   /* em dash */
                "2025;social;nya\xE2\x88\x92projekt;1\n"   /* U+2212 */
                "2025;social;nya\xE2\x80\x90projekt;1\n"   /* U+2010 */
                "2025;social;nya\xE2\x80\x91projekt;1\n"   /* U+2011 */
                "2025;soc\xC2\xA0ial;andel;1\n"            /* a no-break space inside */
                "2025;social;nya\xE2\x80\x93projket;1\n"); /* en dash and a typo */
    expect_counts(&r, 7, 0, 7);
    assert_string_equal(text(&r, 0), "okänd indikator ”nya–projekt”; menade du ”nya-projekt”? Där står ett tankstreck "
                                     "(–, U+2013) i stället för ett vanligt bindestreck (-)");
    assert_non_null(strstr(text(&r, 1), "ett långt tankstreck (—, U+2014)"));
    assert_non_null(strstr(text(&r, 2), "ett minustecken (−, U+2212)"));
    assert_non_null(strstr(text(&r, 3), "ett typografiskt bindestreck (‐, U+2010)"));
    assert_non_null(strstr(text(&r, 4), "ett hårt bindestreck (U+2011)"));
    assert_string_equal(text(&r, 5), "okänd enhet ”soc\xC2\xA0ial”; menade du ”social”? Där står ett hårt mellanslag "
                                     "(U+00A0), som inte hör hemma i ett id");
    assert_non_null(strstr(text(&r, 6), "menade du ”nya-projekt”? Där står ett tankstreck"));
    done(&r);
}

/* ---- contract v2: self-assessments ---- */

#define SA_HEADER "år;enhet;mål;bedömning;analys;åtgärder\n"

static void test_self_assessment_accepted(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", SA_HEADER
                     "2025;social;1;Uppnått;\"Två nya projekt.\r\nBra år.\";Fortsätt\n"
                     "2025;social;2;delvis uppnatt;;\n"
                     "2025;miljo;1;EJ UPPNÅTT;Inget sökt;Söka Interreg\n"
                     "2025;miljo;2;;;\n" /* untouched: not assessed */
                     "2025;hamn;1;grön;;\n"
                     "2025;hamn;2;  gul ;;\n"
                     "2024;hamn;1;röd;;\n");
    add(&r, "b.csv", "Year,Unit,Goal,Assessment,Analysis,Actions\n2024,social,1,partly achieved,,\n");
    finish(&r, true);
    EXPECT_NONE(&r);
    expect_counts(&r, 8, 8, 0);
    assert_int_equal(r.data->counts.assessments_read, 8);
    assert_int_equal(r.data->counts.assessments_accepted, 8);
    assert_int_equal(r.data->nrows, 0);
    assert_int_equal(r.data->nrejections, 0);
    assert_int_equal(r.data->nassessments, 8);
    const uf_self_assessment *a = &r.data->assessments[0];
    assert_int_equal(a->year, 2025);
    assert_int_equal(a->unit, SOCIAL);
    assert_int_equal(a->goal, 0);
    assert_int_equal(a->assessment, UF_ASSESS_MET);
    assert_string_equal(a->analysis, "Två nya projekt.\nBra år."); /* CRLF read as one line break */
    assert_string_equal(a->actions, "Fortsätt");
    assert_int_equal(a->line, 2);
    assert_int_equal(r.data->assessments[1].assessment, UF_ASSESS_PARTLY);
    assert_null(r.data->assessments[1].analysis);
    assert_int_equal(r.data->assessments[2].assessment, UF_ASSESS_NOT_MET);
    assert_int_equal(r.data->assessments[3].assessment, UF_ASSESS_NONE);
    assert_int_equal(r.data->assessments[4].assessment, UF_ASSESS_MET);
    assert_int_equal(r.data->assessments[5].assessment, UF_ASSESS_PARTLY);
    assert_int_equal(r.data->assessments[6].assessment, UF_ASSESS_NOT_MET);
    assert_int_equal(r.data->assessments[7].assessment, UF_ASSESS_PARTLY);
    /* A self-assessment alone does not make a unit count as reported; no
     * figure row means no year either, so only the years of figures count. */
    assert_int_equal(r.data->nyears, 0);
    assert_false(uf_dataset_unit_reported(r.data, 2025, SOCIAL));
    done(&r);
}

static void test_self_assessment_rejected(void **state)
{
    (void)state;
    char *long_text = malloc(UF_ASSESSMENT_TEXT_MAX * 2 + 2);
    uf_strbuf sb = {0};
    /* 4 000 characters of two bytes each fit; 4 001 ASCII characters do not. */
    for (int i = 0; i < UF_ASSESSMENT_TEXT_MAX; i++)
        memcpy(long_text + 2 * i, "å", 2);
    long_text[2 * UF_ASSESSMENT_TEXT_MAX] = '\0';
    uf_strbuf_puts(&sb, SA_HEADER "2025;social;1;uppnått;");
    uf_strbuf_puts(&sb, long_text);
    uf_strbuf_puts(&sb, ";\n2025;miljo;1;uppnått;;");
    memset(long_text, 'x', UF_ASSESSMENT_TEXT_MAX + 1);
    long_text[UF_ASSESSMENT_TEXT_MAX + 1] = '\0';
    uf_strbuf_puts(&sb, long_text);
    uf_strbuf_puts(&sb, "\n"
                        "2025;hamn;1;;Analys utan bedömning;\n"
                        "2025;hamn;2;bra;;\n"
                        "2025;hamn;3;uppnått;;\n"
                        "2025;socail;1;uppnått;;\n"
                        "1899;social;2;uppnått;;\n");
    run r = start();
    uf_validate_buffer(r.v, sb.data, sb.len, "a.csv");
    finish(&r, false);
    EXPECT(&r, E(ROW_TEXT_TOO_LONG, 3, 6), E(ROW_ASSESSMENT_MISSING, 4, 4), E(ROW_BAD_ASSESSMENT, 5, 4),
           E(ROW_UNKNOWN_GOAL, 6, 3), E(ROW_UNKNOWN_UNIT, 7, 2), E(ROW_BAD_YEAR, 8, 1));
    assert_string_equal(text(&r, 0), "”åtgärder” är 4 001 tecken lång; högst 4 000 tecken får plats och texten kortas "
                                     "aldrig av, så korta den själv");
    assert_string_equal(text(&r, 1), "bedömning saknas men raden har text i ”analys”; ange uppnått, delvis uppnått "
                                     "eller ej uppnått");
    assert_string_equal(text(&r, 2), "okänd bedömning ”bra”; ange uppnått, delvis uppnått eller ej uppnått (eller "
                                     "grön, gul, röd)");
    assert_string_equal(text(&r, 3), "okänt mål ”3”; se plan/mal.csv för giltiga id");
    assert_int_equal(r.diags->items[0].unit, MILJO);
    assert_int_equal(r.diags->items[0].year, 2025);
    expect_counts(&r, 7, 1, 6);
    assert_int_equal(r.data->counts.assessments_rejected, 6);
    assert_int_equal(r.data->nrejections, 0); /* only figure rows feed figures */
    assert_int_equal(strlen(r.data->assessments[0].analysis), 2 * UF_ASSESSMENT_TEXT_MAX); /* never cut */
    uf_strbuf_free(&sb);
    free(long_text);
    done(&r);
}

static void test_self_assessment_duplicates_and_conflicts(void **state)
{
    (void)state;
    run r = start();
    add(&r, "a.csv", SA_HEADER
                     "2025;social;1;uppnått;Bra;\n"
                     "2025;social;2;gul;;\n"
                     "2025;miljo;1;uppnått;;\n"
                     "2025;hamn;1;;;\n");
    add(&r, "b.csv", SA_HEADER
                     "2025;Social;1;grön;Bra;\n"     /* the same after grön = uppnått: once */
                     "2025;social;2;ej uppnått;;\n"  /* different: both rejected */
                     "2025;miljo;1;uppnått;Annan;\n" /* the same word, other texts: a conflict */
                     "2025;hamn;1;uppnått;;\n");     /* not assessed beside assessed: a conflict */
    finish(&r, false);
    EXPECT(&r, E(ROW_ASSESSMENT_CONFLICT, 3, 0), E(ROW_ASSESSMENT_CONFLICT, 4, 0), E(ROW_ASSESSMENT_CONFLICT, 5, 0),
           W(ROW_ASSESSMENT_DUPLICATE, 2, 0), E(ROW_ASSESSMENT_CONFLICT, 3, 0), E(ROW_ASSESSMENT_CONFLICT, 4, 0),
           E(ROW_ASSESSMENT_CONFLICT, 5, 0));
    assert_string_equal(text(&r, 0), "olika självvärderingar för 2025, Socialförvaltningen, mål 2: delvis uppnått (rad 3 i a.csv), "
                                     "ej uppnått (rad 3 i b.csv); båda raderna avvisas, behåll en av dem");
    assert_string_equal(text(&r, 1), "olika självvärderingar för 2025, Miljöförvaltningen, mål 1: uppnått (rad 4 i a.csv), "
                                     "uppnått med andra texter (rad 4 i b.csv); båda raderna avvisas, behåll en av dem");
    assert_string_equal(text(&r, 3), "samma år, enhet och mål som rad 2 i a.csv med samma bedömning och texter; "
                                     "räknas en gång");
    expect_counts(&r, 8, 2, 6);
    assert_int_equal(r.data->counts.rows_duplicate, 1);
    assert_int_equal(r.data->counts.assessments_accepted, 2);
    /* Only the accepted one stays, duplicates and conflicts gone. */
    assert_int_equal(r.data->nassessments, 1);
    assert_int_equal(r.data->assessments[0].unit, SOCIAL);
    assert_string_equal(r.data->assessments[0].analysis, "Bra");
    done(&r);
}

static void test_self_assessment_file_recognised_by_header(void **state)
{
    (void)state;
    run r = start();
    /* mål without bedömning, and no indikator: a self-assessment lacking a column. */
    add(&r, "a.csv", "år;enhet;mål;analys\n2025;social;1;Text\n");
    /* indikator beside mål: figures, mål an unknown column. */
    add(&r, "b.csv", "år;enhet;mål;indikator;värde\n2025;social;1;andel;40\n");
    finish(&r, false);
    EXPECT(&r, E(FILE_MISSING_COLUMNS, 1, 0), W(FILE_UNKNOWN_COLUMNS, 1, 0));
    assert_string_equal(text(&r, 0), "filen avvisas: kolumnen ”bedömning” saknas (hittade kolumner: ”år”, ”enhet”, "
                                     "”mål”, ”analys”)");
    expect_counts(&r, 2, 1, 1);
    assert_int_equal(r.data->counts.assessments_rejected, 1);
    assert_int_equal(r.data->nrows, 1);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_rows),
        cmocka_unit_test(test_dialects_accepted),
        cmocka_unit_test(test_unknown_unit),
        cmocka_unit_test(test_unknown_indicator_and_partner),
        cmocka_unit_test_teardown(test_english_messages, sv),
        cmocka_unit_test(test_invalid_year),
        cmocka_unit_test(test_empty_required_cells),
        cmocka_unit_test(test_empty_value_is_not_zero),
        cmocka_unit_test(test_untouched_file_one_notice),
        cmocka_unit_test(test_not_a_number),
        cmocka_unit_test(test_antal_whole_and_not_negative),
        cmocka_unit_test(test_procent),
        cmocka_unit_test(test_min_max),
        cmocka_unit_test(test_percent_sign_on_other_measures),
        cmocka_unit_test(test_identical_duplicate_counted_once),
        cmocka_unit_test(test_duplicate_across_files),
        cmocka_unit_test(test_conflicting_duplicate_all_rejected),
        cmocka_unit_test(test_conflict_empty_against_value),
        cmocka_unit_test(test_too_many_fields),
        cmocka_unit_test(test_missing_column_rejects_file),
        cmocka_unit_test(test_unknown_columns_one_warning),
        cmocka_unit_test(test_line_numbers_after_multiline_comment),
        cmocka_unit_test(test_file_level_problems),
        cmocka_unit_test(test_unclosed_quote_in_submission),
        cmocka_unit_test(test_paths_that_are_not_files),
        cmocka_unit_test(test_units_not_reported),
        cmocka_unit_test(test_no_rows_at_all),
        cmocka_unit_test(test_many_rows_one_typo),
        cmocka_unit_test(test_mutated_input_never_breaks_the_counts),
        cmocka_unit_test(test_not_applicable_rejected),
        cmocka_unit_test(test_rejected_rows_attributed),
        cmocka_unit_test(test_file_rejected_whole_attributed),
        cmocka_unit_test(test_unclosed_quote_rejection_recorded),
        cmocka_unit_test(test_reported_only_with_a_value),
        cmocka_unit_test(test_unit_no_indicator_applies_to_is_not_expected),
        cmocka_unit_test(test_reference_columns_ignored_silently),
        cmocka_unit_test(test_lookalike_characters_named),
        cmocka_unit_test(test_self_assessment_accepted),
        cmocka_unit_test(test_self_assessment_rejected),
        cmocka_unit_test(test_self_assessment_duplicates_and_conflicts),
        cmocka_unit_test(test_self_assessment_file_recognised_by_header),
    };
    return cmocka_run_group_tests_name("validate", tests, setup_plan, teardown_plan);
}
