/* Loading the plan: a good plan in every dialect, and each way a plan can be
 * broken (then uf_plan_load returns NULL with UF_ERROR_PLAN and says why). */
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
#include "plan/plan.h"
#include "files.h"

/* ---- a plan written to a temporary folder ---- */

enum { MAL, IND, ENH, PART, MV, NFILES };
static const char *const file_names[NFILES] = {"mal.csv", "indikatorer.csv", "enheter.csv", "partners.csv", "malvarden.csv"};

/* The good plan every test starts from; NULL means the file is absent. */
static const char *const good[NFILES] = {
    "id;namn;beskrivning\n"
    "1;Fler projektinitiativ;Med internationella partners\n"
    "2;Fler kontaktytor;\n",

    "id;mål;namn;måttenhet;aggregering;riktning;målområde;agenda2030;min;max;beskrivning\n"
    "nya-projekt;1;Nya projekt;antal;summa;öka;Tillväxt;8 11 17;;;Startade under året\n"
    "andel;2;Andel personal;procent;medel;öka;;4,5;;;\n"
    "handlaggningstid;2;Handläggningstid;dagar;max;minska;;;1;30;\n"
    "extern;1;Extern finansiering;tkr;summa;öka;;17;0;;\n"
    "forandring;2;Förändring;procent;min;öka;;;-50;150;\n",

    "id;namn;typ\n"
    "social;Socialförvaltningen;förvaltning\n"
    "miljo;Miljöförvaltningen;Förvaltning\n"
    "hamn;Älvstads Hamn AB;bolag\n"
    "valnamnden;Valnämnden;nämnd\n"
    "ovrigt;Övriga;övrigt\n",

    "id;namn;typ;land\n"
    "moss;Moss kommune;vänort;Norge\n"
    "mcr2030;Making Cities Resilient 2030;nätverk;\n"
    "unicef;UNICEF Sverige;organisation;Sverige\n",

    "år;indikator;enhet;målvärde\n"
    "2025;nya-projekt;;16\n"
    "2025;nya-projekt;social;4\n"
    "2024;andel;;45 %\n"
    "2025;extern;;1 250,5\n"
    "2023;nya-projekt;;12\n",
};

typedef struct loaded {
    char dir[64];
    uf_diag_list *diags;
    uf_plan *plan;
    uf_error err;
} loaded;

static void write_plan(const char *dir, const char *const files[NFILES])
{
    char path[256];
    snprintf(path, sizeof path, "%s/plan", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    for (int i = 0; i < NFILES; i++) {
        if (!files[i])
            continue;
        snprintf(path, sizeof path, "%s/plan/%s", dir, file_names[i]);
        uf_test_write_text(path, files[i]);
    }
}

static loaded load_files(const char *const files[NFILES])
{
    loaded l = {.diags = uf_diag_list_new()};
    strcpy(l.dir, "/tmp/uf-test-plan-XXXXXX");
    assert_non_null(mkdtemp(l.dir));
    write_plan(l.dir, files);
    l.plan = uf_plan_load(l.dir, l.diags, &l.err);
    return l;
}

/* Loads the good plan with file `which` replaced by text (NULL: absent). */
static loaded load_with(int which, const char *text)
{
    const char *files[NFILES];
    for (int i = 0; i < NFILES; i++)
        files[i] = i == which ? text : good[i];
    return load_files(files);
}

static void loaded_free(loaded *l)
{
    assert_int_equal(uf_test_remove_tree(l->dir), 0);
    uf_plan_free(l->plan);
    uf_diag_list_free(l->diags);
}

/* The plan is refused, with exactly these diagnostics (code, line, column),
 * and the first one's file name ends in `file`. */
typedef struct want {
    uf_msg code;
    long line;
    int column;
} want;

static void expect_broken(loaded *l, const char *file, const want *wants, size_t n)
{
    assert_null(l->plan);
    assert_int_equal(l->err, UF_ERROR_PLAN);
    uf_diag_sort(l->diags);
    if (l->diags->count != n) {
        for (size_t i = 0; i < l->diags->count; i++)
            print_message("  %s: %s\n", uf_msg_name(l->diags->items[i].code), l->diags->items[i].text);
        fail_msg("expected %zu diagnostics, got %zu", n, l->diags->count);
    }
    for (size_t i = 0; i < n; i++) {
        const uf_diag *d = &l->diags->items[i];
        if (d->code != wants[i].code || d->line != wants[i].line || d->column != wants[i].column)
            fail_msg("diagnostic %zu: %s %ld:%d (%s), expected %s %ld:%d", i, uf_msg_name(d->code), d->line,
                     d->column, d->text, uf_msg_name(wants[i].code), wants[i].line, wants[i].column);
        assert_int_equal(d->severity, UF_SEVERITY_ERROR);
    }
    const char *name = uf_diag_file_name(l->diags, l->diags->items[0].file);
    size_t nl = strlen(name), fl = strlen(file);
    if (nl < fl || strcmp(name + nl - fl, file) != 0)
        fail_msg("first diagnostic is about %s, expected %s", name, file);
}

#define EXPECT_BROKEN(l, file, ...)                                                                                    \
    do {                                                                                                               \
        const want w_[] = {__VA_ARGS__};                                                                               \
        expect_broken((l), (file), w_, sizeof w_ / sizeof w_[0]);                                                     \
    } while (0)

static const char *text_of(const loaded *l, size_t i) { return l->diags->items[i].text; }

static int sv(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    return 0;
}

/* ---- issue 14: ids in Unicode, targets, file stems ---- */

/* Ids made of nothing visible, or with a separator look-alike, are refused
 * (the README: letters, digits, '-', '_', '.'); letters of any script and
 * combining marks are ids. */
static void test_invisible_ids_refused(void **state)
{
    (void)state;
    loaded l = load_with(ENH, "id;namn;typ\n"
                              "\xC2\xA0;NBSP;övrigt\n"
                              "\xE2\x80\x8B;Nollbredd;övrigt\n"
                              "\xE2\x80\xAE" "abc;RLO;övrigt\n"
                              "a\xE2\x80\x8B" "b;Nollbredd inuti;övrigt\n"
                              "\xCC\x81" "a;Tecken först;övrigt\n"
                              "a\xEF\xBF\xBF;U+FFFF;övrigt\n"
                              "COM\xC2\xB9;Upphöjd etta;övrigt\n");
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_PLAN_BAD_ID, 2, 1}, {UF_MSG_PLAN_BAD_ID, 3, 1}, {UF_MSG_PLAN_BAD_ID, 4, 1},
                  {UF_MSG_PLAN_BAD_ID, 5, 1}, {UF_MSG_PLAN_BAD_ID, 6, 1}, {UF_MSG_PLAN_BAD_ID, 7, 1},
                  {UF_MSG_PLAN_BAD_ID, 8, 1}, {UF_MSG_ROW_UNKNOWN_UNIT, 3, 3}); /* malvarden.csv names social */
    loaded_free(&l);

    const char *ok[NFILES] = {good[MAL], good[IND],
                              "id;namn;typ\n\xCE\xA9-enhet;Omega;övrigt\n\xD0\x81\xD0\xB6;Jo;övrigt\n"
                              "\xE6\x97\xA5\xE6\x9C\xAC;Japan;övrigt\na\xCC\x8A" "b;NFD;övrigt\nx_y.z-1;Ascii;övrigt\n",
                              NULL, NULL};
    l = load_files(ok);
    assert_non_null(l.plan);
    assert_int_equal(l.plan->nunits, 5);
    assert_string_equal(l.plan->units[3].id, "\xC3\xA5" "b"); /* kept in NFC */
    loaded_free(&l);
}

/* A unit written in NFD (a + U+030A, from a macOS file name) is the unit
 * written in NFC, both ways, and in the plan two such ids are one. */
static void test_ids_compared_in_nfc(void **state)
{
    (void)state;
    const char *nfd[NFILES] = {good[MAL], good[IND], "id;namn;typ\nmilj\xC3\xB6;Miljö;förvaltning\nsja\xCC\x88;Sjö;förvaltning\n",
                               NULL, NULL};
    loaded l = load_files(nfd);
    assert_non_null(l.plan);
    assert_int_equal(uf_plan_find_unit(l.plan, "miljo\xCC\x88", 7), 0);
    assert_int_equal(uf_plan_find_unit(l.plan, "MILJO\xCC\x88", 7), 0);
    assert_int_equal(uf_plan_find_unit(l.plan, "sj\xC3\xA4", 4), 1);
    assert_int_equal(uf_plan_find_unit(l.plan, "sj\xC3\x84", 4), 1);
    loaded_free(&l);

    nfd[ENH] = "id;namn;typ\n\xC3\xA5s;Ås;förvaltning\na\xCC\x8As;Ås igen;förvaltning\n";
    l = load_files(nfd);
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_PLAN_DUP_ID, 3, 1});
    loaded_free(&l);

    /* malvarden.csv names a unit in NFD. */
    const char *files[NFILES] = {good[MAL], good[IND], "id;namn;typ\nmilj\xC3\xB6;Miljö;förvaltning\n", good[PART],
                                 "år;indikator;enhet;målvärde\n2025;andel;miljo\xCC\x88;50\n"};
    l = load_files(files);
    assert_non_null(l.plan);
    assert_int_equal(l.plan->ntargets, 1);
    assert_int_equal(l.plan->targets[0].unit, 0);
    loaded_free(&l);
}

/* An id that only looks like a plan id says so, and names the character. */
static void test_lookalike_hint(void **state)
{
    (void)state;
    loaded l = load_with(-1, NULL);
    assert_non_null(l.plan);
    char *hint = uf_plan_hint(l.plan, 'u', "soci\xD0\xB0l", 7); /* Cyrillic а */
    assert_string_equal(hint, "; menade du ”social”? Det ser likadant ut men ett tecken är kodat på ett annat sätt: "
                              "U+0430 i stället för U+0061");
    free(hint);
    hint = uf_plan_hint(l.plan, 'u', "mil\xE2\x80\x8Bjo", 8); /* zero-width space */
    assert_string_equal(hint, "; menade du ”miljo”? Det ser likadant ut men ett tecken är kodat på ett annat sätt: "
                              "ett osynligt tecken U+200B");
    free(hint);
    hint = uf_plan_hint(l.plan, 'p', "\xEF\xBD\x8D" "oss", 6); /* full-width m */
    assert_non_null(strstr(hint, "”moss”"));
    assert_non_null(strstr(hint, "U+FF4D i stället för U+006D"));
    free(hint);
    hint = uf_plan_hint(l.plan, 'u', "socail", 6); /* a typo is still a typo */
    assert_string_equal(hint, "; menade du ”social”?");
    free(hint);
    uf_messages_set_lang(UF_LANG_EN);
    hint = uf_plan_hint(l.plan, 'u', "soci\xD0\xB0l", 7);
    assert_string_equal(hint, "; did you mean “social”? It looks the same, but a character is encoded differently: "
                              "U+0430 instead of U+0061");
    free(hint);
    uf_messages_set_lang(UF_LANG_SV);
    loaded_free(&l);
}

/* Targets are capped like values: 1e308 breaks the plan with a message. */
static void test_huge_target_refused(void **state)
{
    (void)state;
    loaded l = load_with(MV, "år;indikator;enhet;målvärde\n2025;nya-projekt;;1e308\n2025;extern;;-2000000000000000\n"
                             "2025;andel;;1000000000000000\n");
    EXPECT_BROKEN(&l, "malvarden.csv", {UF_MSG_ROW_TOO_LARGE, 2, 4}, {UF_MSG_ROW_TOO_LARGE, 3, 4});
    assert_string_equal(text_of(&l, 0), "”1e308” är orimligt stort till beloppet; största tillåtna belopp är 1 000 000 000 000 000");
    loaded_free(&l);
}

/* File stems are decided once: distinct where a file system ignores case
 * (Ω/ω, Ё/ё, ASCII) or normalisation. */
static void test_file_stems(void **state)
{
    (void)state;
    const char *files[NFILES] = {good[MAL],
                                 "id;mål;namn;måttenhet;aggregering;riktning\nAndel;2;A;procent;medel;öka\n"
                                 "ANDEL-2;2;B;procent;medel;öka\n",
                                 "id;namn;typ\n\xCE\xA9;Stor omega;övrigt\n\xCF\x89;Liten omega;övrigt\n"
                                 "\xD0\x81;Stort jo;övrigt\n\xD1\x91;Litet jo;övrigt\nCON;Con;övrigt\n"
                                 "stra\xC3\x9F" "e;Gata;övrigt\nSTRASSE;Gata igen;övrigt\n",
                                 NULL, NULL};
    loaded l = load_files(files);
    assert_non_null(l.plan);
    assert_string_equal(uf_plan_unit_stem(l.plan, 0), "\xCE\xA9");
    assert_string_equal(uf_plan_unit_stem(l.plan, 1), "\xCF\x89~2");
    assert_string_equal(uf_plan_unit_stem(l.plan, 2), "\xD0\x81");
    assert_string_equal(uf_plan_unit_stem(l.plan, 3), "\xD1\x91~2");
    assert_string_equal(uf_plan_unit_stem(l.plan, 4), "_CON");
    assert_string_equal(uf_plan_unit_stem(l.plan, 5), "stra\xC3\x9F" "e");
    assert_string_equal(uf_plan_unit_stem(l.plan, 6), "STRASSE~2");
    assert_string_equal(uf_plan_indicator_stem(l.plan, 0), "Andel");
    assert_string_equal(uf_plan_indicator_stem(l.plan, 1), "ANDEL-2");
    loaded_free(&l);
}

/* ---- a good plan ---- */

static void test_good_plan(void **state)
{
    (void)state;
    loaded l = load_with(-1, NULL);
    assert_non_null(l.plan);
    assert_int_equal(l.err, UF_OK);
    assert_int_equal(l.diags->count, 0);
    const uf_plan *p = l.plan;

    assert_int_equal(p->ngoals, 2);
    assert_string_equal(p->goals[0].id, "1");
    assert_string_equal(p->goals[0].name, "Fler projektinitiativ");
    assert_string_equal(p->goals[0].description, "Med internationella partners");
    assert_string_equal(p->goals[1].description, "");

    assert_int_equal(p->nindicators, 5);
    const uf_indicator *np = &p->indicators[0];
    assert_string_equal(np->id, "nya-projekt");
    assert_string_equal(np->name, "Nya projekt");
    assert_string_equal(np->measure, "antal");
    assert_string_equal(np->area, "Tillväxt");
    assert_string_equal(np->description, "Startade under året");
    assert_int_equal(np->goal, 0);
    assert_int_equal(np->aggregation, UF_AGG_SUM);
    assert_int_equal(np->direction, UF_DIR_INCREASE);
    assert_true(np->whole);
    assert_false(np->percent);
    assert_false(np->has_min);
    assert_false(np->has_max);
    assert_int_equal(np->sdgs, (1u << 8) | (1u << 11) | (1u << 17));

    const uf_indicator *andel = &p->indicators[1];
    assert_int_equal(andel->goal, 1);
    assert_int_equal(andel->aggregation, UF_AGG_MEAN);
    assert_true(andel->percent);
    assert_false(andel->whole);
    /* procent: 0 to 100 unless min/max say otherwise */
    assert_true(andel->has_min && andel->has_max);
    assert_true(andel->min == 0 && andel->max == 100);
    assert_int_equal(andel->sdgs, (1u << 4) | (1u << 5)); /* "4,5" is two goals */

    const uf_indicator *tid = &p->indicators[2];
    assert_int_equal(tid->aggregation, UF_AGG_MAX);
    assert_int_equal(tid->direction, UF_DIR_DECREASE);
    assert_true(tid->has_min && tid->has_max);
    assert_true(tid->min == 1 && tid->max == 30);
    assert_int_equal(tid->sdgs, 0);

    const uf_indicator *extern_ = &p->indicators[3];
    assert_true(extern_->has_min);
    assert_false(extern_->has_max);

    const uf_indicator *forandring = &p->indicators[4];
    assert_int_equal(forandring->aggregation, UF_AGG_MIN);
    assert_true(forandring->min == -50 && forandring->max == 150);

    assert_int_equal(p->nunits, 5);
    assert_int_equal(p->units[0].type, UF_UNIT_FORVALTNING);
    assert_int_equal(p->units[1].type, UF_UNIT_FORVALTNING); /* "Förvaltning" */
    assert_int_equal(p->units[2].type, UF_UNIT_BOLAG);
    assert_int_equal(p->units[3].type, UF_UNIT_NAMND);
    assert_int_equal(p->units[4].type, UF_UNIT_OVRIGT);
    assert_string_equal(p->units[2].name, "Älvstads Hamn AB");

    assert_true(p->has_partner_file);
    assert_int_equal(p->npartners, 3);
    assert_int_equal(p->partners[0].type, UF_PARTNER_VANORT);
    assert_int_equal(p->partners[1].type, UF_PARTNER_NATVERK);
    assert_int_equal(p->partners[2].type, UF_PARTNER_ORGANISATION);
    assert_string_equal(p->partners[0].country, "Norge");
    assert_string_equal(p->partners[1].country, "");

    assert_int_equal(p->ntargets, 5);
    double v = 0;
    assert_true(uf_plan_target(p, 0, UF_WHOLE_MUNICIPALITY, 2025, &v));
    assert_true(v == 16);
    assert_true(uf_plan_target(p, 0, UF_WHOLE_MUNICIPALITY, 2023, &v));
    assert_true(v == 12);
    assert_true(uf_plan_target(p, 0, 0, 2025, &v));
    assert_true(v == 4);
    assert_true(uf_plan_target(p, 1, UF_WHOLE_MUNICIPALITY, 2024, &v));
    assert_true(v == 45); /* "45 %" */
    assert_true(uf_plan_target(p, 3, UF_WHOLE_MUNICIPALITY, 2025, &v));
    assert_true(v == 1250.5);
    assert_false(uf_plan_target(p, 0, UF_WHOLE_MUNICIPALITY, 2024, &v));
    assert_false(uf_plan_target(p, 0, 1, 2025, &v));
    assert_false(uf_plan_target(p, 2, UF_WHOLE_MUNICIPALITY, 2025, &v));
    loaded_free(&l);
}

static void test_find_case_insensitive(void **state)
{
    (void)state;
    loaded l = load_with(-1, NULL);
    const uf_plan *p = l.plan;
    assert_int_equal(uf_plan_find_unit(p, "SOCIAL", 6), 0);
    assert_int_equal(uf_plan_find_unit(p, "Hamn", 4), 2);
    assert_int_equal(uf_plan_find_unit(p, "hamnen", 6), UF_NOT_FOUND);
    assert_int_equal(uf_plan_find_indicator(p, "Nya-Projekt", 11), 0);
    assert_int_equal(uf_plan_find_partner(p, "MCR2030", 7), 1);
    assert_int_equal(uf_plan_find_goal(p, "2", 1), 1);
    assert_int_equal(uf_plan_find_goal(p, "3", 1), UF_NOT_FOUND);
    loaded_free(&l);
}

static void test_suggest(void **state)
{
    (void)state;
    loaded l = load_with(-1, NULL);
    const uf_plan *p = l.plan;
#define SUGGEST(kind, s) uf_plan_suggest(p, (kind), (s), strlen(s))
    assert_string_equal(SUGGEST('u', "socail"), "social");
    assert_string_equal(SUGGEST('u', "Socialförvaltningen"), "social"); /* the name */
    assert_string_equal(SUGGEST('u', "miljö"), "miljo");
    assert_string_equal(SUGGEST('i', "nya-projket"), "nya-projekt");
    assert_string_equal(SUGGEST('i', "handläggningstid"), "handlaggningstid");
    assert_string_equal(SUGGEST('p', "mos"), "moss");
    assert_string_equal(SUGGEST('p', "UNICEF Sverige"), "unicef");
    assert_string_equal(SUGGEST('g', "Fler kontaktytor"), "2");
    assert_null(SUGGEST('u', "skola"));
    assert_null(SUGGEST('u', "xx"));      /* short: no typo allowed */
    assert_null(SUGGEST('g', "3"));
    assert_null(SUGGEST('i', "helt-annat-namn"));
#undef SUGGEST
    loaded_free(&l);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(uf_aggregation_name(UF_AGG_MEAN), "medel");
    assert_string_equal(uf_direction_name(UF_DIR_DECREASE), "minska");
    assert_string_equal(uf_unit_type_name(UF_UNIT_NAMND), "nämnd");
    assert_string_equal(uf_partner_type_name(UF_PARTNER_NATVERK), "nätverk");
}

static void test_optional_files_absent(void **state)
{
    (void)state;
    loaded l = load_with(PART, NULL);
    assert_non_null(l.plan);
    assert_int_equal(l.diags->count, 0);
    assert_false(l.plan->has_partner_file);
    assert_int_equal(l.plan->npartners, 0);
    loaded_free(&l);
    l = load_with(MV, NULL);
    assert_non_null(l.plan);
    assert_int_equal(l.diags->count, 0);
    assert_int_equal(l.plan->ntargets, 0);
    loaded_free(&l);
    /* Optional files with a header and no rows are fine too. */
    l = load_with(PART, "id;namn;typ;land\n");
    assert_non_null(l.plan);
    assert_int_equal(l.diags->count, 0);
    assert_true(l.plan->has_partner_file);
    loaded_free(&l);
}

static void test_english_headers_and_dialects(void **state)
{
    (void)state;
    /* English aliases, other column order, ',' and CRLF, no final line end. */
    const char *files[NFILES] = {good[MAL],
                                 "Name,Goal,ID,Direction,Aggregation,Measure,SDGs\r\n"
                                 "Nya projekt,1,nya-projekt,increase,sum,antal,\"8, 11\"\r\n"
                                 "Andel,2,andel,decrease,average,procent,",
                                 good[ENH], good[PART],
                                 "Year,Indicator,Unit,Target\r\n2025,andel,,50 %\r\n2025,ANDEL,Hamn,\"12,5\"\r\n"};
    loaded l = load_files(files);
    assert_non_null(l.plan);
    assert_int_equal(l.diags->count, 0);
    assert_int_equal(l.plan->nindicators, 2);
    assert_string_equal(l.plan->indicators[0].id, "nya-projekt");
    assert_int_equal(l.plan->indicators[0].sdgs, (1u << 8) | (1u << 11));
    assert_int_equal(l.plan->indicators[1].direction, UF_DIR_DECREASE);
    assert_int_equal(l.plan->indicators[1].aggregation, UF_AGG_MEAN);
    double v = 0;
    assert_true(uf_plan_target(l.plan, 1, UF_WHOLE_MUNICIPALITY, 2025, &v));
    assert_true(v == 50);
    assert_true(uf_plan_target(l.plan, 1, 2, 2025, &v));
    assert_true(v == 12.5);
    loaded_free(&l);

    /* Windows-1252 with TAB: converted (one warning), not broken. */
    l = load_with(ENH, "id\tnamn\ttyp\r\nsocial\tSocialf\xF6rvaltningen\tf\xF6rvaltning\r\n");
    assert_non_null(l.plan);
    assert_int_equal(l.diags->count, 1);
    assert_int_equal(l.diags->items[0].code, UF_MSG_FILE_CP1252);
    assert_int_equal(l.diags->items[0].severity, UF_SEVERITY_WARNING);
    assert_string_equal(l.plan->units[0].name, "Socialförvaltningen");
    loaded_free(&l);

    /* UTF-8 BOM, headers without Swedish letters, unknown column warned. */
    l = load_with(MV, "\xEF\xBB\xBF" "ar;indikator;enhet;malvarde;kommentar\n2025;andel;;50;ok\n");
    assert_non_null(l.plan);
    assert_int_equal(l.diags->count, 1);
    assert_int_equal(l.diags->items[0].code, UF_MSG_FILE_UNKNOWN_COLUMNS);
    assert_int_equal(l.plan->ntargets, 1);
    loaded_free(&l);
}

/* ---- broken plans ---- */

static void test_missing_required_file(void **state)
{
    (void)state;
    for (int which = MAL; which <= ENH; which++) {
        loaded l = load_with(which, NULL);
        /* Without mal.csv every indicator's goal is unknown too. */
        if (which == MAL) {
            assert_null(l.plan);
            assert_int_equal(l.diags->items[0].code, UF_MSG_PLAN_MISSING_FILE);
            assert_string_equal(text_of(&l, 0), "planfilen saknas (krävs)");
            assert_int_equal(l.diags->items[1].code, UF_MSG_PLAN_UNKNOWN_GOAL);
        } else if (which == IND) {
            /* malvarden.csv names indicators that are now unknown */
            assert_null(l.plan);
            assert_int_equal(l.diags->items[0].code, UF_MSG_PLAN_MISSING_FILE);
            assert_int_equal(l.diags->items[1].code, UF_MSG_ROW_UNKNOWN_INDICATOR);
        } else {
            EXPECT_BROKEN(&l, "plan/enheter.csv", {UF_MSG_PLAN_MISSING_FILE, 0, 0}, {UF_MSG_ROW_UNKNOWN_UNIT, 3, 3});
        }
        assert_non_null(strstr(uf_diag_file_name(l.diags, l.diags->items[0].file), file_names[which]));
        loaded_free(&l);
    }
}

static void test_unknown_goal(void **state)
{
    (void)state;
    loaded l = load_with(IND, "id;mål;namn;måttenhet;aggregering;riktning\n"
                              "nya-projekt;1;Nya projekt;antal;summa;öka\n"
                              "andel;4;Andel;procent;medel;öka\n"
                              "extern;Fler kontaktytor;Extern;tkr;summa;öka\n"
                              "handlaggningstid;;Tid;dagar;max;minska\n");
    EXPECT_BROKEN(&l, "indikatorer.csv", {UF_MSG_PLAN_UNKNOWN_GOAL, 3, 2}, {UF_MSG_PLAN_UNKNOWN_GOAL, 4, 2},
                  {UF_MSG_ROW_EMPTY_FIELD, 5, 2});
    assert_string_equal(text_of(&l, 0), "indikatorn pekar på okänt mål ”4”; se plan/mal.csv för giltiga id");
    assert_string_equal(text_of(&l, 1), "indikatorn pekar på okänt mål ”Fler kontaktytor”; menade du ”2”?");
    assert_string_equal(text_of(&l, 2), "”mål” saknas");
    loaded_free(&l);
}

static void test_duplicate_id(void **state)
{
    (void)state;
    loaded l = load_with(ENH, "id;namn;typ\n"
                              "social;Socialförvaltningen;förvaltning\n"
                              "miljo;Miljö;förvaltning\n"
                              "Social;Sociala;förvaltning\n");
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_PLAN_DUP_ID, 4, 1});
    assert_string_equal(text_of(&l, 0), "id ”Social” förekommer två gånger (även på rad 2)");
    loaded_free(&l);

    l = load_with(MAL, "id;namn\n1;Ett\n2;Två\n\n2;Två igen\n");
    EXPECT_BROKEN(&l, "mal.csv", {UF_MSG_PLAN_DUP_ID, 5, 1});
    assert_string_equal(text_of(&l, 0), "id ”2” förekommer två gånger (även på rad 3)");
    loaded_free(&l);
}

static void test_bad_aggregation_and_direction(void **state)
{
    (void)state;
    loaded l = load_with(IND, "id;mål;namn;måttenhet;aggregering;riktning\n"
                              "nya-projekt;1;Nya projekt;antal;snitt;öka\n"
                              "andel;2;Andel;procent;medel;uppåt\n"
                              "extern;1;Extern;tkr;;\n"
                              "handlaggningstid;2;Tid;dagar;MAX;Minska\n"
                              "forandring;2;F;procent;Medelvärde;Öka\n");
    EXPECT_BROKEN(&l, "indikatorer.csv", {UF_MSG_PLAN_BAD_AGGREGATION, 2, 5}, {UF_MSG_PLAN_BAD_DIRECTION, 3, 6},
                  {UF_MSG_ROW_EMPTY_FIELD, 4, 5}, {UF_MSG_ROW_EMPTY_FIELD, 4, 6});
    assert_string_equal(text_of(&l, 0), "okänd aggregering ”snitt”; ange summa, medel, max eller min");
    assert_string_equal(text_of(&l, 1), "okänd riktning ”uppåt”; ange öka eller minska");
    assert_string_equal(text_of(&l, 2), "”aggregering” saknas");
    assert_string_equal(text_of(&l, 3), "”riktning” saknas");
    loaded_free(&l);
}

static void test_unknown_indicator_in_targets(void **state)
{
    (void)state;
    loaded l = load_with(MV, "år;indikator;enhet;målvärde\n"
                             "2025;nya-projket;;16\n"
                             "2025;okand-indikator;;3\n"
                             "2025;andel;socail;50\n");
    EXPECT_BROKEN(&l, "malvarden.csv", {UF_MSG_ROW_UNKNOWN_INDICATOR, 2, 2}, {UF_MSG_ROW_UNKNOWN_INDICATOR, 3, 2},
                  {UF_MSG_ROW_UNKNOWN_UNIT, 4, 3});
    assert_string_equal(text_of(&l, 0), "okänd indikator ”nya-projket”; menade du ”nya-projekt”?");
    assert_string_equal(text_of(&l, 1), "okänd indikator ”okand-indikator”; se plan/indikatorer.csv för giltiga id");
    assert_string_equal(text_of(&l, 2), "okänd enhet ”socail”; menade du ”social”?");
    loaded_free(&l);
}

static void test_bad_targets(void **state)
{
    (void)state;
    loaded l = load_with(MV, "år;indikator;enhet;målvärde\n"
                             "25;nya-projekt;;16\n"
                             "2025;nya-projekt;;ca 16\n"
                             "2025;nya-projekt;;16 %\n"
                             "2025;andel;;45 %\n"
                             "2025;andel;;46\n"
                             "2025;andel;social;1\n"
                             "2025;andel;SOCIAL;2\n"
                             ";andel;;1\n");
    EXPECT_BROKEN(&l, "malvarden.csv", {UF_MSG_ROW_BAD_YEAR, 2, 1}, {UF_MSG_ROW_NOT_NUMBER, 3, 4},
                  {UF_MSG_ROW_NOT_NUMBER, 4, 4}, {UF_MSG_PLAN_DUP_TARGET, 6, 0}, {UF_MSG_PLAN_DUP_TARGET, 8, 0},
                  {UF_MSG_ROW_EMPTY_FIELD, 9, 1});
    assert_string_equal(text_of(&l, 0), "ogiltigt år ”25”; ange ett årtal med fyra siffror från 1900 till 2100, t.ex. 2025");
    assert_string_equal(text_of(&l, 3), "målvärde för 2025, andel, kommunen anges två gånger (även på rad 5)");
    assert_string_equal(text_of(&l, 4), "målvärde för 2025, andel, social anges två gånger (även på rad 7)");
    loaded_free(&l);
}

static void test_bad_types_sdgs_bounds_ids(void **state)
{
    (void)state;
    loaded l = load_with(ENH, "id;namn;typ\nsocial;Social;förvaltning\nmiljo;Miljö;myndighet\n");
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_PLAN_BAD_UNIT_TYPE, 3, 3});
    assert_string_equal(text_of(&l, 0), "okänd enhetstyp ”myndighet”; ange förvaltning, bolag, nämnd eller övrigt");
    loaded_free(&l);

    l = load_with(PART, "id;namn;typ\nmoss;Moss;vänstad\n");
    EXPECT_BROKEN(&l, "partners.csv", {UF_MSG_PLAN_BAD_PARTNER_TYPE, 2, 3});
    loaded_free(&l);

    l = load_with(IND, "id;mål;namn;måttenhet;aggregering;riktning;agenda2030;min;max\n"
                       "nya-projekt;1;N;antal;summa;öka;8 18;;\n"
                       "andel;2;A;procent;medel;öka;4a;;\n"
                       "extern;1;E;tkr;summa;öka;;10;5\n"
                       "handlaggningstid;2;H;dagar;max;minska;;ett;\n"
                       "forandring;2;F;procent;min;öka;0;;\n");
    EXPECT_BROKEN(&l, "indikatorer.csv", {UF_MSG_PLAN_BAD_SDG, 2, 7}, {UF_MSG_PLAN_BAD_SDG, 3, 7},
                  {UF_MSG_PLAN_MIN_MAX, 4, 8}, {UF_MSG_ROW_NOT_NUMBER, 5, 8}, {UF_MSG_PLAN_BAD_SDG, 6, 7});
    assert_string_equal(text_of(&l, 0), "”18” är inget av de globala målen 1–17");
    assert_string_equal(text_of(&l, 2), "min (10) är större än max (5)");
    loaded_free(&l);

    l = load_with(ENH, "id;namn;typ\nsocial förv;Social;förvaltning\n=cmd;X;bolag\nmiljo;;förvaltning\n");
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_PLAN_BAD_ID, 2, 1}, {UF_MSG_PLAN_BAD_ID, 3, 1},
                  {UF_MSG_ROW_EMPTY_FIELD, 4, 2}, {UF_MSG_ROW_UNKNOWN_UNIT, 3, 3});
    assert_string_equal(text_of(&l, 0), "ogiltigt id ”social förv”; använd bokstäver, siffror, bindestreck eller understreck");
    loaded_free(&l);
}

static void test_broken_indicator_named_in_targets_does_not_crash(void **state)
{
    (void)state;
    /* The only indicator is broken (after its id was registered); the
     * target that names it must not reach into a missing array. */
    loaded l = load_with(IND, "id;mål;namn;måttenhet;aggregering;riktning\n"
                              "nya-projekt;1;N;antal;summa;uppåt\n");
    assert_null(l.plan);
    uf_diag_sort(l.diags);
    assert_int_equal(l.diags->items[0].code, UF_MSG_PLAN_BAD_DIRECTION);
    loaded_free(&l);
    /* A broken indicator keeps its place: the next one is still found by
     * its own id, and the broken one's targets check against its own rules. */
    l = load_with(IND, "id;mål;namn;måttenhet;aggregering;riktning\n"
                       "andel;2;A;procent;fel;öka\n"
                       "nya-projekt;1;N;antal;summa;öka\n"
                       "extern;1;E;tkr;summa;öka\n");
    EXPECT_BROKEN(&l, "indikatorer.csv", {UF_MSG_PLAN_BAD_AGGREGATION, 2, 5});
    loaded_free(&l);
}

static void test_file_problems(void **state)
{
    (void)state;
    loaded l = load_with(MAL, "id;namn\n");
    EXPECT_BROKEN(&l, "mal.csv", {UF_MSG_PLAN_NO_ROWS, 0, 0}, {UF_MSG_PLAN_UNKNOWN_GOAL, 2, 2},
                  {UF_MSG_PLAN_UNKNOWN_GOAL, 3, 2}, {UF_MSG_PLAN_UNKNOWN_GOAL, 4, 2}, {UF_MSG_PLAN_UNKNOWN_GOAL, 5, 2},
                  {UF_MSG_PLAN_UNKNOWN_GOAL, 6, 2});
    loaded_free(&l);

    l = load_with(ENH, "");
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_FILE_EMPTY, 0, 0}, {UF_MSG_ROW_UNKNOWN_UNIT, 3, 3});
    loaded_free(&l);

    l = load_with(ENH, "\n\n");
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_FILE_EMPTY, 0, 0}, {UF_MSG_ROW_UNKNOWN_UNIT, 3, 3});
    loaded_free(&l);

    l = load_with(ENH, "id;typ\nsocial;förvaltning\n");
    EXPECT_BROKEN(&l, "enheter.csv", {UF_MSG_FILE_MISSING_COLUMNS, 1, 0}, {UF_MSG_ROW_UNKNOWN_UNIT, 3, 3});
    assert_string_equal(text_of(&l, 0), "filen avvisas: kolumnen ”namn” saknas (hittade kolumner: ”id”, ”typ”)");
    loaded_free(&l);

    l = load_with(PART, "id;namn;typ\nmoss;Moss;vänort;Norge\n");
    EXPECT_BROKEN(&l, "partners.csv", {UF_MSG_ROW_TOO_MANY_FIELDS, 2, 4});
    loaded_free(&l);

    static const char utf16[] = "\xFF\xFEi\0d\0";
    l = load_with(PART, utf16);
    EXPECT_BROKEN(&l, "partners.csv", {UF_MSG_FILE_UTF16, 0, 0});
    loaded_free(&l);

    l = load_with(MAL, "id;namn\n1;\"Ett\n2;Två\n");
    assert_null(l.plan);
    uf_diag_sort(l.diags);
    assert_int_equal(l.diags->items[0].code, UF_MSG_FILE_UNCLOSED_QUOTE);
    assert_int_equal(l.diags->items[0].line, 2);
    loaded_free(&l);
}

static void test_plan_file_is_a_folder(void **state)
{
    (void)state;
    loaded l = load_with(ENH, NULL);
    uf_plan_free(l.plan);
    uf_diag_list_free(l.diags);
    char path[128];
    snprintf(path, sizeof path, "%s/plan/enheter.csv", l.dir);
    assert_int_equal(mkdir(path, 0755), 0);
    l.diags = uf_diag_list_new();
    l.plan = uf_plan_load(l.dir, l.diags, &l.err);
    assert_null(l.plan);
    uf_diag_sort(l.diags);
    assert_int_equal(l.diags->items[0].code, UF_MSG_FILE_IS_DIR);
    loaded_free(&l);
}

static void test_no_plan_folder(void **state)
{
    (void)state;
    uf_diag_list *diags = uf_diag_list_new();
    uf_error err;
    uf_plan *plan = uf_plan_load("/tmp/uf-test-plan-finns-inte", diags, &err);
    assert_null(plan);
    assert_int_equal(err, UF_ERROR_PLAN);
    /* Three required files missing, each named. */
    size_t missing = 0;
    for (size_t i = 0; i < diags->count; i++)
        missing += diags->items[i].code == UF_MSG_PLAN_MISSING_FILE;
    assert_int_equal(missing, 3);
    assert_int_equal(diags->count, 3);
    uf_diag_list_free(diags);
}

static uint32_t next_random(uint32_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

static void test_mutated_plans(void **state)
{
    (void)state;
    /* Random damage to one plan file at a time: the plan loads cleanly or
     * is refused with at least one error, and never crashes. */
    static const char noise[] = {'"', ';', ',', '\t', '\n', '\r', ' ', '-', '%', '0', '1', '9',
                                 (char)0xC3, (char)0xE5, (char)0x81, 'x'};
    uint32_t seed = 4711u;
    char buf[1024];
    loaded l = load_with(-1, NULL);
    uf_plan_free(l.plan);
    uf_diag_list_free(l.diags);
    for (int round = 0; round < 200; round++) {
        int which = (int)(next_random(&seed) % NFILES);
        size_t len = strlen(good[which]);
        memcpy(buf, good[which], len);
        for (int e = 0, edits = 1 + (int)(next_random(&seed) % 4); e < edits && len > 0; e++) {
            size_t at = next_random(&seed) % len;
            char c = noise[next_random(&seed) % sizeof noise];
            if (next_random(&seed) % 2)
                buf[at] = c;
            else
                memmove(buf + at, buf + at + 1, --len - at);
        }
        char path[128];
        snprintf(path, sizeof path, "%s/plan/%s", l.dir, file_names[which]);
        uf_test_write_file(path, buf, len);

        uf_diag_list *diags = uf_diag_list_new();
        uf_error err;
        uf_plan *plan = uf_plan_load(l.dir, diags, &err);
        if (plan) {
            assert_int_equal(err, UF_OK);
            assert_int_equal(diags->errors, 0);
        } else {
            assert_int_equal(err, UF_ERROR_PLAN);
            assert_true(diags->errors > 0);
        }
        uf_plan_free(plan);
        uf_diag_list_free(diags);

        uf_test_write_text(path, good[which]); /* back to the good file */
    }
    l.plan = NULL;
    l.diags = uf_diag_list_new();
    loaded_free(&l);
}

/* ---- gäller (contract v2) ---- */

static const char *const applies_indicators =
    "id;mål;namn;måttenhet;aggregering;riktning;gäller\n"
    "nya-projekt;1;Nya projekt;antal;summa;öka;\n"
    "andel;2;Andel;procent;medel;öka;social, hamn\n"
    "tid;2;Tid;dagar;max;minska;bolag  nämnd\n"
    "extern;1;Extern;tkr;summa;öka;Förvaltning,valnamnden\n"
    "forandring;2;Förändring;procent;min;öka;\" , \"\n";

static void test_applies(void **state)
{
    (void)state;
    loaded l = load_with(IND, applies_indicators);
    assert_non_null(l.plan);
    const uf_plan *p = l.plan;
    enum { SOCIAL, MILJO, HAMN, VALNAMNDEN, OVRIGT };
    assert_null(p->indicators[0].applies); /* empty: every unit */
    for (size_t u = 0; u < p->nunits; u++)
        assert_true(uf_plan_applies(p, 0, u));
    assert_true(uf_plan_applies(p, 1, SOCIAL));
    assert_true(uf_plan_applies(p, 1, HAMN));
    assert_false(uf_plan_applies(p, 1, MILJO));
    assert_string_equal(p->indicators[1].applies_text, "social, hamn");
    assert_true(uf_plan_applies(p, 2, HAMN)); /* by type */
    assert_true(uf_plan_applies(p, 2, VALNAMNDEN));
    assert_false(uf_plan_applies(p, 2, SOCIAL));
    assert_true(uf_plan_applies(p, 3, SOCIAL));
    assert_true(uf_plan_applies(p, 3, MILJO));
    assert_true(uf_plan_applies(p, 3, VALNAMNDEN));
    assert_false(uf_plan_applies(p, 3, HAMN));
    assert_null(p->indicators[4].applies); /* only separators: empty */
    /* övrigt: nothing but nya-projekt and forandring, which apply to all */
    assert_true(uf_plan_unit_expected(p, OVRIGT));
    loaded_free(&l);
}

static void test_applies_broken(void **state)
{
    (void)state;
    loaded l = load_with(IND, "id;mål;namn;måttenhet;aggregering;riktning;gäller\n"
                              "nya-projekt;1;Nya projekt;antal;summa;öka;social socail\n"
                              "andel;2;Andel;procent;medel;öka;bolag;\n"
                              "tid;2;Tid;dagar;max;minska;förvaltningar, skolan\n"
                              "extern;1;Extern;tkr;summa;öka;\n");
    EXPECT_BROKEN(&l, "indikatorer.csv", {UF_MSG_PLAN_BAD_APPLIES, 2, 7}, {UF_MSG_PLAN_BAD_APPLIES, 4, 7},
                  {UF_MSG_PLAN_BAD_APPLIES, 4, 7});
    assert_string_equal(text_of(&l, 0), "”socail” i kolumnen gäller är varken en enhet eller en enhetstyp "
                                         "(förvaltning, bolag, nämnd, övrigt); menade du ”social”?");
    assert_string_equal(text_of(&l, 2), "”skolan” i kolumnen gäller är varken en enhet eller en enhetstyp "
                                        "(förvaltning, bolag, nämnd, övrigt); se plan/enheter.csv för giltiga id");
    loaded_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_plan),
        cmocka_unit_test(test_applies),
        cmocka_unit_test_teardown(test_applies_broken, sv),
        cmocka_unit_test(test_find_case_insensitive),
        cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_optional_files_absent),
        cmocka_unit_test(test_english_headers_and_dialects),
        cmocka_unit_test(test_missing_required_file),
        cmocka_unit_test(test_unknown_goal),
        cmocka_unit_test(test_duplicate_id),
        cmocka_unit_test(test_bad_aggregation_and_direction),
        cmocka_unit_test(test_unknown_indicator_in_targets),
        cmocka_unit_test(test_bad_targets),
        cmocka_unit_test(test_bad_types_sdgs_bounds_ids),
        cmocka_unit_test(test_broken_indicator_named_in_targets_does_not_crash),
        cmocka_unit_test(test_file_problems),
        cmocka_unit_test(test_plan_file_is_a_folder),
        cmocka_unit_test(test_no_plan_folder),
        cmocka_unit_test(test_mutated_plans),
        cmocka_unit_test(test_invisible_ids_refused),
        cmocka_unit_test(test_ids_compared_in_nfc),
        cmocka_unit_test(test_lookalike_hint),
        cmocka_unit_test(test_huge_target_refused),
        cmocka_unit_test(test_file_stems),
    };
    return cmocka_run_group_tests_name("plan", tests, sv, NULL);
}
