/* Every status rule of the data contract, with and without a target, for
 * both directions, the 80 % rule and the missing-data cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>

#include "consolidate/status.h"

#define UP UF_DIR_INCREASE
#define DOWN UF_DIR_DECREASE

static void test_target_reached(void **state)
{
    (void)state;
    assert_int_equal(uf_status_of(UP, 30, 20, 30), UF_STATUS_GREEN);   /* exactly the target */
    assert_int_equal(uf_status_of(UP, 31, NAN, 30), UF_STATUS_GREEN);  /* no previous needed */
    assert_int_equal(uf_status_of(DOWN, 10, 12, 10), UF_STATUS_GREEN);
    assert_int_equal(uf_status_of(DOWN, 8, 5, 10), UF_STATUS_GREEN);   /* worse than last year, still reached */
    assert_int_equal(uf_status_of(UP, 0.1 + 0.2, NAN, 0.3), UF_STATUS_GREEN);
}

static void test_target_improved(void **state)
{
    (void)state;
    /* Below 80 % but moved the right way: partly achieved. */
    assert_int_equal(uf_status_of(UP, 10, 5, 30), UF_STATUS_YELLOW);
    assert_int_equal(uf_status_of(DOWN, 30, 40, 10), UF_STATUS_YELLOW);
}

static void test_target_within_80(void **state)
{
    (void)state;
    /* öka: figure >= 0.8 * target, even when it fell since last year. */
    assert_int_equal(uf_status_of(UP, 24, 29, 30), UF_STATUS_YELLOW);
    assert_int_equal(uf_status_of(UP, 24, NAN, 30), UF_STATUS_YELLOW);
    assert_int_equal(uf_status_of(UP, 23.9, 29, 30), UF_STATUS_RED);
    /* minska: 0.8 * figure <= target. */
    assert_int_equal(uf_status_of(DOWN, 12.5, 11, 10), UF_STATUS_YELLOW);
    assert_int_equal(uf_status_of(DOWN, 12.6, 11, 10), UF_STATUS_RED);
}

static void test_target_missed(void **state)
{
    (void)state;
    assert_int_equal(uf_status_of(UP, 10, 12, 30), UF_STATUS_RED);
    assert_int_equal(uf_status_of(UP, 10, 10, 30), UF_STATUS_RED); /* unchanged is not improvement */
    assert_int_equal(uf_status_of(UP, 10, NAN, 30), UF_STATUS_RED);
    assert_int_equal(uf_status_of(DOWN, 30, 25, 10), UF_STATUS_RED);
}

static void test_no_target(void **state)
{
    (void)state;
    assert_int_equal(uf_status_of(UP, 12, 10, NAN), UF_STATUS_GREEN);
    assert_int_equal(uf_status_of(UP, 10, 10, NAN), UF_STATUS_YELLOW);
    assert_int_equal(uf_status_of(UP, 8, 10, NAN), UF_STATUS_RED);
    assert_int_equal(uf_status_of(DOWN, 8, 10, NAN), UF_STATUS_GREEN);
    assert_int_equal(uf_status_of(DOWN, 10, 10, NAN), UF_STATUS_YELLOW);
    assert_int_equal(uf_status_of(DOWN, 12, 10, NAN), UF_STATUS_RED);
}

static void test_grey(void **state)
{
    (void)state;
    assert_int_equal(uf_status_of(UP, NAN, 10, 30), UF_STATUS_GREY);   /* no figure */
    assert_int_equal(uf_status_of(UP, NAN, NAN, NAN), UF_STATUS_GREY);
    assert_int_equal(uf_status_of(UP, 12, NAN, NAN), UF_STATUS_GREY);  /* no target, no previous */
    assert_int_equal(uf_status_of(DOWN, 12, NAN, NAN), UF_STATUS_GREY);
}

static void test_words(void **state)
{
    (void)state;
    /* With a target: how far it was reached. */
    assert_int_equal(uf_word_of(uf_status_of(UP, 30, 20, 30), true), UF_WORD_MET);
    assert_int_equal(uf_word_of(uf_status_of(UP, 24, 29, 30), true), UF_WORD_PARTLY);
    assert_int_equal(uf_word_of(uf_status_of(UP, 10, 12, 30), true), UF_WORD_NOT_MET);
    assert_int_equal(uf_word_of(uf_status_of(UP, NAN, 12, 30), true), UF_WORD_MISSING);
    /* Without one there is nothing to attain: the words describe the trend. */
    assert_int_equal(uf_word_of(uf_status_of(UP, 12, 10, NAN), false), UF_WORD_IMPROVED);
    assert_int_equal(uf_word_of(uf_status_of(DOWN, 10, 10, NAN), false), UF_WORD_UNCHANGED);
    assert_int_equal(uf_word_of(uf_status_of(DOWN, 12, 10, NAN), false), UF_WORD_WORSENED);
    assert_int_equal(uf_word_of(uf_status_of(UP, 12, NAN, NAN), false), UF_WORD_MISSING);
    assert_string_equal(uf_word_text(UF_WORD_MET), "Uppnått");
    assert_string_equal(uf_word_text(UF_WORD_PARTLY), "Delvis uppnått");
    assert_string_equal(uf_word_text(UF_WORD_NOT_MET), "Ej uppnått");
    assert_string_equal(uf_word_text(UF_WORD_IMPROVED), "Förbättrad");
    assert_string_equal(uf_word_text(UF_WORD_UNCHANGED), "Oförändrad");
    assert_string_equal(uf_word_text(UF_WORD_WORSENED), "Försämrad");
    assert_string_equal(uf_word_text(UF_WORD_MISSING), "Underlag saknas");
    for (int w = 0; w < UF_WORD_COUNT; w++)
        assert_int_equal(uf_word_status(uf_word_of(uf_word_status((uf_word)w), w < UF_WORD_IMPROVED)),
                         uf_word_status((uf_word)w));
    assert_int_equal(uf_word_status(UF_WORD_WORSENED), UF_STATUS_RED);
    assert_int_equal(uf_word_status(UF_WORD_IMPROVED), UF_STATUS_GREEN);
    /* The CSV export's words stay Swedish whatever the language. */
    uf_messages_set_lang(UF_LANG_EN);
    assert_string_equal(uf_word_text(UF_WORD_UNCHANGED), "Unchanged");
    assert_string_equal(uf_word_csv(UF_WORD_UNCHANGED), "oförändrad");
    assert_string_equal(uf_word_csv(UF_WORD_NOT_MET), "ej uppnått");
    uf_messages_set_lang(UF_LANG_SV);
    assert_string_equal(uf_status_word(UF_STATUS_GREEN), "Uppnått/förbättrad");
    assert_string_equal(uf_status_word(UF_STATUS_GREY), "Underlag saknas");
    assert_string_equal(uf_status_csv(UF_STATUS_GREEN), "grön");
    assert_string_equal(uf_status_csv(UF_STATUS_YELLOW), "gul");
    assert_string_equal(uf_status_csv(UF_STATUS_RED), "röd");
    assert_string_equal(uf_status_csv(UF_STATUS_GREY), "grå");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_target_reached), cmocka_unit_test(test_target_improved),
        cmocka_unit_test(test_target_within_80), cmocka_unit_test(test_target_missed),
        cmocka_unit_test(test_no_target),      cmocka_unit_test(test_grey),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
