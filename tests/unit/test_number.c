#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "read/number.h"

static uf_number_status parse(const char *s, uf_number *n) { return uf_number_parse(s, strlen(s), n); }

static void accepts(const char *s, double expected, bool percent)
{
    uf_number n;
    if (parse(s, &n) != UF_NUMBER_OK)
        fail_msg("'%s' should parse", s);
    if (fabs(n.value - expected) > 1e-9)
        fail_msg("'%s': %g, expected %g", s, n.value, expected);
    assert_int_equal(n.percent, percent);
}

static void rejects(const char *s, uf_number_status expected)
{
    uf_number n;
    uf_number_status st = parse(s, &n);
    if (st != expected)
        fail_msg("'%s': status %d, expected %d", s, st, expected);
}

static void rejects_n(const char *s, size_t len, uf_number_status expected)
{
    uf_number n;
    uf_number_status st = uf_number_parse(s, len, &n);
    if (st != expected)
        fail_msg("'%.*s': status %d, expected %d", (int)len, s, st, expected);
}

static void test_plain_and_decimal(void **state)
{
    (void)state;
    accepts("12", 12, false);
    accepts("0", 0, false);
    accepts("12,5", 12.5, false);
    accepts("12.5", 12.5, false);
    accepts(",5", 0.5, false);
    accepts("  42  ", 42, false);
    accepts("1,234", 1.234, false); /* decimal comma, not a thousands mark */
}

static void test_grouping(void **state)
{
    (void)state;
    accepts("1 250", 1250, false);
    accepts("1 250 000", 1250000, false);
    accepts("1\xC2\xA0" "250,75", 1250.75, false);      /* U+00A0 */
    accepts("12\xE2\x80\xAF" "345", 12345, false);       /* U+202F */
    accepts("\xC2\xA0" "7\xC2\xA0", 7, false);           /* no-break spaces around */
    rejects("12 34", UF_NUMBER_BAD_GROUPING);
    rejects("1234 567", UF_NUMBER_BAD_GROUPING);
    rejects("1 2345", UF_NUMBER_BAD_GROUPING);
    rejects("1,234,567", UF_NUMBER_BAD_GROUPING);
}

static void test_signs(void **state)
{
    (void)state;
    accepts("-5", -5, false);
    accepts("+5", 5, false);
    accepts("\xE2\x88\x92" "3,5", -3.5, false);          /* U+2212 */
    accepts("-0", 0, false);
    rejects("--5", UF_NUMBER_INVALID);
    rejects("-", UF_NUMBER_INVALID);
}

static void test_percent(void **state)
{
    (void)state;
    accepts("12 %", 12, true);
    accepts("12%", 12, true);
    accepts("45,5\xC2\xA0%", 45.5, true);
    rejects("%", UF_NUMBER_INVALID);
    rejects("12 % 3", UF_NUMBER_INVALID);
}

static void test_empty_is_not_zero(void **state)
{
    (void)state;
    rejects("", UF_NUMBER_EMPTY);
    rejects("   ", UF_NUMBER_EMPTY);
    rejects("\xC2\xA0", UF_NUMBER_EMPTY);
}

static void test_invalid(void **state)
{
    (void)state;
    rejects("ca 20", UF_NUMBER_INVALID);
    rejects("12,", UF_NUMBER_INVALID);
    rejects("1.234,5", UF_NUMBER_MIXED_SEPARATORS);
    rejects("1,5.3", UF_NUMBER_MIXED_SEPARATORS);
    rejects("#SAKNAS!", UF_NUMBER_EXCEL_ERROR);
    rejects("#VÄRDEFEL!", UF_NUMBER_EXCEL_ERROR);
    rejects("inf", UF_NUMBER_INVALID);
    rejects("nan", UF_NUMBER_INVALID);
    rejects("0x10", UF_NUMBER_INVALID);
    rejects("1e999", UF_NUMBER_INVALID);
    rejects("12 kr", UF_NUMBER_INVALID);
}

static void test_exponent(void **state)
{
    (void)state;
    accepts("1,5E+06", 1500000, false);
    accepts("2e3", 2000, false);
    rejects("2e", UF_NUMBER_INVALID);
}

static void test_decimals_counted(void **state)
{
    (void)state;
    uf_number n;
    assert_int_equal(parse("2,50", &n), UF_NUMBER_OK);
    assert_int_equal(n.decimals, 2);
    assert_int_equal(parse("3", &n), UF_NUMBER_OK);
    assert_int_equal(n.decimals, 0);
}

static void test_year(void **state)
{
    (void)state;
    int y = 0;
    assert_true(uf_year_parse("2025", 4, &y));
    assert_int_equal(y, 2025);
    assert_true(uf_year_parse(" 2024 ", 6, &y));
    assert_false(uf_year_parse("25", 2, &y));
    assert_false(uf_year_parse("2025,0", 6, &y));
    assert_false(uf_year_parse("1850", 4, &y));
    assert_false(uf_year_parse("20x5", 4, &y));
}

static void test_combined_forms(void **state)
{
    (void)state;
    accepts("1 250 000,25", 1250000.25, false);
    accepts("1 250,5 %", 1250.5, true);
    accepts("\xE2\x88\x92" "12,5 %", -12.5, true);        /* U+2212 and % */
    accepts("-1\xE2\x80\xAF" "000", -1000, false);        /* minus and U+202F */
    accepts(" \t-0,5 \t", -0.5, false);
    accepts("0,000", 0, false);
    rejects("1 250.000,5", UF_NUMBER_MIXED_SEPARATORS);
    rejects("12 %%", UF_NUMBER_INVALID);
    rejects("% 12", UF_NUMBER_INVALID);
    rejects("1 250 00", UF_NUMBER_BAD_GROUPING);
    rejects("12-5", UF_NUMBER_INVALID);
    rejects("\xE2\x88\x92", UF_NUMBER_INVALID);
    rejects("#N/A", UF_NUMBER_EXCEL_ERROR);
    /* Long input is refused, not read past its length. */
    char longer[200];
    memset(longer, '1', sizeof longer);
    rejects_n(longer, sizeof longer, UF_NUMBER_INVALID);
    /* Only len bytes are read: "12" of "123". */
    uf_number n;
    assert_int_equal(uf_number_parse("123", 2, &n), UF_NUMBER_OK);
    assert_true(n.value == 12);
}

static void test_year_bounds(void **state)
{
    (void)state;
    int y = 0;
    assert_true(uf_year_parse("1900", 4, &y));
    assert_int_equal(y, 1900);
    assert_true(uf_year_parse("2100", 4, &y));
    assert_false(uf_year_parse("2101", 4, &y));
    assert_false(uf_year_parse("2200", 4, &y));
    assert_false(uf_year_parse("1899", 4, &y));
    assert_false(uf_year_parse("", 0, &y));
    assert_false(uf_year_parse("-2025", 5, &y));
    assert_false(uf_year_parse("2 025", 5, &y));
    assert_true(uf_year_parse("\t2023\t", 6, &y));
    assert_int_equal(y, 2023);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_decimal), cmocka_unit_test(test_grouping),
        cmocka_unit_test(test_signs),             cmocka_unit_test(test_percent),
        cmocka_unit_test(test_empty_is_not_zero), cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_exponent),          cmocka_unit_test(test_decimals_counted),
        cmocka_unit_test(test_year),
        cmocka_unit_test(test_combined_forms),    cmocka_unit_test(test_year_bounds),
    };
    return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
