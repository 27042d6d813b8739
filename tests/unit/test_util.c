/* Small shared helpers: Swedish and English number output, excerpts of
 * input text for messages, case-insensitive ids, edit distance, the index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/diag.h"
#include "common/messages.h"
#include "common/util.h"

#define MINUS "\xE2\x88\x92" /* U+2212 */

static int reset_lang(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    return 0;
}

static void fmt_is(double value, int decimals, const char *expected)
{
    char buf[UF_NUMBUF];
    const char *got = uf_fmt_number(buf, value, decimals);
    assert_ptr_equal(got, buf);
    if (strcmp(got, expected) != 0)
        fail_msg("uf_fmt_number(%.17g, %d) = '%s', expected '%s'", value, decimals, got, expected);
}

static void test_fmt_number_swedish(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    fmt_is(0, 0, "0");
    fmt_is(7, 0, "7");
    fmt_is(999, 0, "999");
    fmt_is(1000, 0, "1 000");
    fmt_is(1234, 0, "1 234");
    fmt_is(12345, 0, "12 345");
    fmt_is(123456, 0, "123 456");
    fmt_is(1234567, 0, "1 234 567");
    fmt_is(1234.5, 1, "1 234,5");
    fmt_is(1234.5, 2, "1 234,50");
    fmt_is(2.5, 0, "2"); /* printf rounds half to even */
    fmt_is(0.125, 2, "0,12");
    fmt_is(-1234.5, 1, MINUS "1 234,5");
    fmt_is(-7, 0, MINUS "7");
    fmt_is(1e15, 0, "1 000 000 000 000 000");
}

static void test_fmt_number_needed_decimals(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    fmt_is(12, -1, "12");
    fmt_is(12.5, -1, "12,5");
    fmt_is(12.25, -1, "12,25");
    fmt_is(0.1, -1, "0,1");
    fmt_is(1.0 / 3.0, -1, "0,3333"); /* at most four */
    fmt_is(2.00001, -1, "2");        /* four decimals, no trailing zeros */
    fmt_is(2.10001, -1, "2,1");
    fmt_is(-2.00001, -1, MINUS "2");
    fmt_is(1250000, -1, "1 250 000");
    fmt_is(-0.5, -1, MINUS "0,5");
}

static void test_fmt_number_no_negative_zero(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    fmt_is(-0.0, 0, "0");
    fmt_is(-0.0, -1, "0");
    fmt_is(-0.0001, 2, "0,00");
    fmt_is(-0.4, 0, "0");
}

static void test_fmt_number_not_finite(void **state)
{
    (void)state;
    fmt_is(NAN, 0, "\xE2\x80\x93"); /* – */
    fmt_is(INFINITY, -1, "\xE2\x80\x93");
    fmt_is(-INFINITY, 2, "\xE2\x80\x93");
}

static void test_fmt_number_english(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_EN);
    fmt_is(1234567.25, 2, "1,234,567.25");
    fmt_is(999, 0, "999");
    fmt_is(-1000, 0, MINUS "1,000");
    fmt_is(0.5, -1, "0.5");
    uf_messages_set_lang(UF_LANG_SV);
}

static void test_fmt_number_with(void **state)
{
    (void)state;
    char buf[UF_NUMBUF];
    /* U+00A0 as the group mark, for workbooks. */
    assert_string_equal(uf_fmt_number_with(buf, 1234567.5, 1, "\xC2\xA0", ','), "1\xC2\xA0" "234\xC2\xA0" "567,5");
    assert_string_equal(uf_fmt_number_with(buf, 1234567, 0, "", '.'), "1234567");
}

static void test_fmt_number_huge(void **state)
{
    (void)state;
    /* Past 1e18 the digits are not written out (a double has no more
     * precision, and a cut-off row of digits would show the wrong
     * magnitude): the value is shown with an exponent instead. */
    char buf[UF_NUMBUF + 16];
    memset(buf, 'Z', sizeof buf);
    uf_messages_set_lang(UF_LANG_SV);
    fmt_is(999999999999999872.0, 0, "999 999 999 999 999 872");
    fmt_is(1e18, 0, "1e+18");
    fmt_is(1.5e30, -1, "1,5e+30");
    fmt_is(1e300, 0, "1e+300");
    fmt_is(-1e300, 4, MINUS "1e+300");
    fmt_is(1.7976931348623157e308, 2, "1,79769e+308");
    uf_fmt_number(buf, 1e300, 0);
    assert_int_equal(buf[UF_NUMBUF], 'Z');
    uf_messages_set_lang(UF_LANG_EN);
    fmt_is(2.5e20, -1, "2.5e+20");
    /* Many decimals asked for: cut, but the integer part stays whole. */
    fmt_is(123456789.5, 40, "123,456,789.50000000000000000000");
}

static void test_fmt_count(void **state)
{
    (void)state;
    char buf[UF_NUMBUF];
    uf_messages_set_lang(UF_LANG_SV);
    assert_string_equal(uf_fmt_count(buf, 0), "0");
    assert_string_equal(uf_fmt_count(buf, 371), "371");
    assert_string_equal(uf_fmt_count(buf, 1048576), "1 048 576");
    uf_messages_set_lang(UF_LANG_EN);
    assert_string_equal(uf_fmt_count(buf, 1048576), "1,048,576");
    uf_messages_set_lang(UF_LANG_SV);
}

/* ---- excerpts ---- */

static const char *excerpt(char *buf, const char *s) { return uf_excerpt(buf, s, strlen(s)); }

static void test_excerpt_short(void **state)
{
    (void)state;
    char buf[UF_EXCERPT];
    assert_string_equal(excerpt(buf, ""), "");
    assert_string_equal(excerpt(buf, "ca 20"), "ca 20");
    assert_string_equal(excerpt(buf, "Älvstad"), "Älvstad");
    /* Exactly forty characters are shown whole. */
    const char *forty = "0123456789012345678901234567890123456789";
    assert_string_equal(excerpt(buf, forty), forty);
}

static void test_excerpt_cut(void **state)
{
    (void)state;
    char buf[UF_EXCERPT];
    assert_string_equal(excerpt(buf, "01234567890123456789012345678901234567890"),
                        "0123456789012345678901234567890123456789\xE2\x80\xA6");
    /* Forty characters of two bytes each are counted as characters. */
    char many[200] = "";
    for (int i = 0; i < 50; i++)
        strcat(many, "ö");
    char want[200] = "";
    for (int i = 0; i < 40; i++)
        strcat(want, "ö");
    strcat(want, "\xE2\x80\xA6");
    assert_string_equal(excerpt(buf, many), want);
    /* Four-byte characters fit too. */
    char emoji[300] = "";
    for (int i = 0; i < 45; i++)
        strcat(emoji, "\xF0\x9F\x98\x80");
    excerpt(buf, emoji);
    assert_true(strlen(buf) < UF_EXCERPT);
    assert_memory_equal(buf + strlen(buf) - 3, "\xE2\x80\xA6", 3);
}

static void test_excerpt_controls(void **state)
{
    (void)state;
    char buf[UF_EXCERPT];
    assert_string_equal(excerpt(buf, "a\tb\nc\rd\x1b" "e\x7f"), "a?b?c?d?e?");
    assert_string_equal(excerpt(buf, "x\xC2\x85y"), "x?y"); /* C1 control U+0085 */
    assert_string_equal(excerpt(buf, "\xC2\xA0"), "\xC2\xA0"); /* U+00A0 is no control */
    /* Embedded NUL is shown, not a terminator. */
    assert_string_equal(uf_excerpt(buf, "a\0b", 3), "a?b");
}

static void test_excerpt_truncated_sequence(void **state)
{
    (void)state;
    char buf[UF_EXCERPT];
    /* A multi-byte lead at the very end must not read past len. */
    const char s[] = {'a', (char)0xE2, (char)0x88};
    uf_excerpt(buf, s, sizeof s);
    assert_int_equal(strlen(buf), 3);
    assert_memory_equal(buf, s, 3);
}

/* ---- ids ---- */

static bool ideq(const char *a, const char *b) { return uf_id_equal(a, strlen(a), b, strlen(b)); }

static void test_id_equal(void **state)
{
    (void)state;
    assert_true(ideq("kultur-och-fritid", "kultur-och-fritid"));
    assert_true(ideq("Kultur-och-Fritid", "kultur-och-fritid"));
    assert_true(ideq("MCR2030", "mcr2030"));
    assert_true(ideq("ÄLVSTAD", "älvstad"));
    assert_true(ideq("ÅÄÖÉ", "åäöé"));
    assert_true(ideq("", ""));
    assert_false(ideq("alvstad", "älvstad")); /* folding is case only */
    assert_false(ideq("abc", "abcd"));
    assert_false(ideq("abcd", "abc"));
    assert_false(ideq("a", ""));
    assert_false(ideq("kultur-och-fritd", "kultur-och-fritid"));
    /* × (C3 97) and ÷ (C3 B7) are not a case pair. */
    assert_false(ideq("\xC3\x97", "\xC3\xB7"));
    /* A lone lead byte at the end is compared as a byte. */
    assert_true(ideq("a\xC3", "A\xC3"));
}

static size_t dist(const char *a, const char *b, size_t cap)
{
    return uf_edit_distance(a, strlen(a), b, strlen(b), cap);
}

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(dist("horsen", "horsens", 3), 1);
    assert_int_equal(dist("kultur-och-fritd", "kultur-och-fritid", 3), 1);
    assert_int_equal(dist("jobbskugning-studiebesok", "jobbskuggning-studiebesok", 3), 1);
    assert_int_equal(dist("kitten", "sitting", 5), 3);
    assert_int_equal(dist("Moss", "moss", 2), 0);     /* case folded */
    assert_int_equal(dist("Älvstad", "älvstad", 2), 0);
    assert_int_equal(dist("alvstad", "älvstad", 2), 1); /* one character, not two bytes */
    assert_int_equal(dist("", "abc", 5), 3);
    assert_int_equal(dist("abc", "", 5), 3);
    assert_int_equal(dist("", "", 0), 0);
}

static void test_edit_distance_capped(void **state)
{
    (void)state;
    assert_int_equal(dist("kitten", "sitting", 1), 2);  /* cap + 1 */
    assert_int_equal(dist("a", "abcdefgh", 2), 3);      /* length difference alone */
    assert_int_equal(dist("abcdef", "uvwxyz", 0), 1);
    /* Long strings do not overflow the fixed tables. */
    char a[300], b[300];
    memset(a, 'a', 299);
    a[299] = '\0';
    memset(b, 'a', 299);
    b[299] = '\0';
    b[0] = 'b';
    assert_int_equal(dist(a, b, 3), 1);
    memset(b, 'b', 299);
    assert_int_equal(dist(a, b, 3), 4);
}

/* ---- index ---- */

static void test_index_basic(void **state)
{
    (void)state;
    uf_index *index = uf_index_new(4);
    const char *keys[] = {"moss", "Horsens", "nokia", "Älvstad"};
    for (size_t i = 0; i < 4; i++)
        assert_true(uf_index_put(index, keys[i], strlen(keys[i]), i * 10));
    assert_int_equal(uf_index_get(index, "moss", 4), 0);
    assert_int_equal(uf_index_get(index, "MOSS", 4), 0);
    assert_int_equal(uf_index_get(index, "horsens", 7), 10);
    assert_int_equal(uf_index_get(index, "älvstad", strlen("älvstad")), 30);
    assert_int_equal(uf_index_get(index, "ÄLVSTAD", strlen("ÄLVSTAD")), 30);
    assert_int_equal(uf_index_get(index, "alvstad", 7), SIZE_MAX);
    assert_int_equal(uf_index_get(index, "horsen", 6), SIZE_MAX);
    /* Only len bytes count. */
    assert_int_equal(uf_index_get(index, "mossa", 4), 0);
    /* A second put of the same key (any case) is refused and keeps the first value. */
    assert_false(uf_index_put(index, "NOKIA", 5, 99));
    assert_int_equal(uf_index_get(index, "nokia", 5), 20);
    uf_index_free(index);
    uf_index_free(NULL);
}

static void test_index_grows(void **state)
{
    (void)state;
    enum { N = 5000 };
    static char keys[N][16];
    uf_index *index = uf_index_new(0);
    for (size_t i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "Id-%zu", i);
        assert_true(uf_index_put(index, keys[i], strlen(keys[i]), i));
    }
    for (size_t i = 0; i < N; i++) {
        char k[16];
        snprintf(k, sizeof k, "iD-%zu", i);
        assert_int_equal(uf_index_get(index, k, strlen(k)), i);
    }
    assert_int_equal(uf_index_get(index, "id-5000", 7), SIZE_MAX);
    assert_int_equal(uf_index_get(index, "", 0), SIZE_MAX);
    uf_index_free(index);
}

/* ---- strings, pool, messages ---- */

static void test_strbuf_and_pool(void **state)
{
    (void)state;
    uf_strbuf sb = {0};
    char *empty = uf_strbuf_take(&sb);
    assert_string_equal(empty, "");
    free(empty);
    uf_strbuf_puts(&sb, "rad ");
    uf_strbuf_putc(&sb, '5');
    uf_strbuf_append(&sb, "; x", 2);
    char *s = uf_strbuf_take(&sb);
    assert_string_equal(s, "rad 5; ");
    assert_null(sb.data);
    free(s);

    uf_pool *pool = uf_pool_new();
    const char *a = uf_pool_strndup(pool, "abcdef", 3);
    assert_string_equal(a, "abc");
    static char big[200000];
    memset(big, 'x', sizeof big - 1);
    const char *b = uf_pool_strndup(pool, big, sizeof big - 1);
    const char *c = uf_pool_strndup(pool, "after", 5);
    assert_int_equal(strlen(b), sizeof big - 1);
    assert_string_equal(a, "abc");
    assert_string_equal(c, "after");
    assert_true(uf_pool_bytes(pool) >= sizeof big);
    uf_pool_free(pool);
    assert_int_equal(uf_pool_bytes(NULL), 0);
}

static void test_messages(void **state)
{
    (void)state;
    assert_string_equal(uf_msg_name(UF_MSG_ROW_UNKNOWN_UNIT), "ROW_UNKNOWN_UNIT");
    assert_string_equal(uf_msg_name(UF_MSG_COUNT), "?");
    uf_messages_set_lang(UF_LANG_SV);
    char *s = uf_msg_format(UF_MSG_ROW_UNKNOWN_UNIT, "x", "; menade du ”y”?");
    assert_string_equal(s, "okänd enhet ”x”; menade du ”y”?");
    free(s);
    uf_messages_set_lang(UF_LANG_EN);
    s = uf_msg_format(UF_MSG_ROW_UNKNOWN_UNIT, "x", "");
    assert_string_equal(s, "unknown unit “x”");
    free(s);
    uf_messages_set_lang(UF_LANG_SV);
    /* Every message has a name and both texts, and the two texts take the
     * same number of arguments. */
    for (int code = 0; code < UF_MSG_COUNT; code++) {
        size_t n[2] = {0, 0};
        for (int lang = 0; lang < 2; lang++) {
            uf_messages_set_lang((uf_lang)lang);
            const char *t = uf_msg_text((uf_msg)code);
            assert_true(t[0] != '\0');
            for (const char *p = t; (p = strchr(p, '%')) != NULL; p += 2) {
                if (p[1] == '%')
                    continue;
                if (p[1] != 's')
                    fail_msg("%s: only %%s arguments are allowed", uf_msg_name((uf_msg)code));
                n[lang]++;
            }
        }
        if (n[0] != n[1])
            fail_msg("%s: %zu arguments in Swedish, %zu in English", uf_msg_name((uf_msg)code), n[0], n[1]);
    }
    uf_messages_set_lang(UF_LANG_SV);
}

/* Every Swedish text quotes with ”…”, never with "…" or '…' (nor the
 * English “), and every English one with “…”. What the reports show is
 * written for readers: its English texts hold no Swedish letter
 * (diagnostics may name a Swedish column, such as gäller). */
static bool report_text(const char *name)
{
    static const char *const prefixes[] = {"HTML_",   "BOARD_", "UNITREP_", "CHART_", "WB_",     "WORD_", "COLOUR_",
                                           "NAME_",   "PDF_",   "GOAL_",    "HEAD_",  "TARGET_", "PRELIM_", "UNIT_",
                                           "ASSESS_", "XLSX_FOOTER", "XLSX_POINTS"};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
        if (strncmp(name, prefixes[k], strlen(prefixes[k])) == 0)
            return true;
    return false;
}

static void test_messages_report_texts(void **state)
{
    (void)state;
    static const char *const swedish_letters[] = {"\xC3\xA5", "\xC3\xA4", "\xC3\xB6", "\xC3\x85", "\xC3\x84", "\xC3\x96"};
    size_t checked = 0;
    for (int code = 0; code < UF_MSG_COUNT; code++) {
        const char *name = uf_msg_name((uf_msg)code);
        uf_messages_set_lang(UF_LANG_SV);
        const char *sv = uf_msg_text((uf_msg)code);
        if (strchr(sv, '"') || strchr(sv, '\'') || strstr(sv, "\xE2\x80\x9C"))
            fail_msg("%s: straight or English quotes in the Swedish text \"%s\"", name, sv);
        uf_messages_set_lang(UF_LANG_EN);
        const char *en = uf_msg_text((uf_msg)code);
        if (strchr(en, '"') || strstr(en, "'%s'"))
            fail_msg("%s: straight quotes in the English text \"%s\"", name, en);
        if (!report_text(name))
            continue;
        checked++;
        for (size_t k = 0; k < sizeof swedish_letters / sizeof *swedish_letters; k++)
            if (strstr(en, swedish_letters[k]))
                fail_msg("%s: a Swedish letter in the English text \"%s\"", name, en);
    }
    assert_true(checked > 150);
    uf_messages_set_lang(UF_LANG_SV);
}

static void test_diag_list(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    uf_diag_list *list = uf_diag_list_new();
    uint32_t a = uf_diag_add_file(list, "a.csv");
    uint32_t b = uf_diag_add_file(list, "b.csv");
    assert_int_equal(a, 0);
    assert_int_equal(b, 1);
    assert_string_equal(uf_diag_file_name(list, b), "b.csv");
    assert_string_equal(uf_diag_file_name(list, UF_NO_FILE), "");
    assert_string_equal(uf_diag_file_name(list, 7), "");
    uf_diag_add(list, UF_SEVERITY_WARNING, UF_NO_FILE, 0, 0, UF_MSG_FILE_EMPTY);
    uf_diag_add(list, UF_SEVERITY_ERROR, b, 3, 2, UF_MSG_ROW_BAD_YEAR, "25");
    uf_diag_add(list, UF_SEVERITY_ERROR, a, 9, 0, UF_MSG_ROW_NOT_NUMBER, "x");
    uf_diag_add(list, UF_SEVERITY_WARNING, a, 2, 4, UF_MSG_ROW_NO_VALUE);
    uf_diag_add(list, UF_SEVERITY_WARNING, a, 2, 1, UF_MSG_ROW_NO_VALUE);
    assert_int_equal(list->errors, 2);
    assert_int_equal(list->warnings, 3);
    uf_diag_sort(list);
    /* file, line, column; run-wide messages last */
    assert_int_equal(list->items[0].file, a);
    assert_int_equal(list->items[0].column, 1);
    assert_int_equal(list->items[1].column, 4);
    assert_int_equal(list->items[2].line, 9);
    assert_int_equal(list->items[3].file, b);
    assert_int_equal(list->items[4].file, UF_NO_FILE);

    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    uf_diag_print_all(list, out);
    fclose(out);
    assert_string_equal(text,
                        "a.csv:2:1: varning: värde saknas; räknas som ej rapporterat, inte som 0\n"
                        "a.csv:2:4: varning: värde saknas; räknas som ej rapporterat, inte som 0\n"
                        "a.csv:9: fel: ”x” är inget tal; skriv t.ex. 1 250 eller 12,5\n"
                        "b.csv:3:2: fel: ogiltigt år ”25”; ange ett årtal med fyra siffror från 1900 till 2100, t.ex. 2025\n"
                        "varning: filen är tom\n");
    free(text);
    uf_diag_list_free(list);
}

static void test_diag_gather_files(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    uf_diag_list *list = uf_diag_list_new();
    uint32_t a = uf_diag_add_file(list, "a.csv"), b = uf_diag_add_file(list, "b.csv");
    uf_diag_add(list, UF_SEVERITY_WARNING, a, 0, 0, UF_MSG_FILE_CP1252);
    uf_diag_add(list, UF_SEVERITY_ERROR, a, 3, 1, UF_MSG_ROW_BAD_YEAR, "25");
    uf_diag_add(list, UF_SEVERITY_WARNING, b, 0, 0, UF_MSG_FILE_CP1252);
    uf_diag_gather_files(list, UF_MSG_FILE_CP1252, UF_MSG_FILES_CP1252);
    assert_int_equal(list->count, 2);
    assert_int_equal(list->warnings, 1);
    assert_int_equal(list->errors, 1);
    assert_int_equal(list->items[1].file, UF_NO_FILE);
    assert_string_equal(list->items[1].text, "2 filer är sparade i Windows-1252 och har konverterats till UTF-8; "
                                             "spara gärna som ”CSV UTF-8”: a.csv, b.csv");
    uf_diag_sort(list);
    assert_int_equal(list->items[0].code, UF_MSG_ROW_BAD_YEAR);
    /* One file alone keeps its own notice. */
    uf_diag_list *one = uf_diag_list_new();
    uf_diag_add(one, UF_SEVERITY_WARNING, uf_diag_add_file(one, "a.csv"), 0, 0, UF_MSG_FILE_CP1252);
    uf_diag_gather_files(one, UF_MSG_FILE_CP1252, UF_MSG_FILES_CP1252);
    assert_int_equal(one->items[0].file, 0);
    uf_diag_list_free(one);
    uf_diag_list_free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diag_gather_files),
        cmocka_unit_test_teardown(test_fmt_number_swedish, reset_lang),
        cmocka_unit_test_teardown(test_fmt_number_needed_decimals, reset_lang),
        cmocka_unit_test_teardown(test_fmt_number_no_negative_zero, reset_lang),
        cmocka_unit_test_teardown(test_fmt_number_not_finite, reset_lang),
        cmocka_unit_test_teardown(test_fmt_number_english, reset_lang),
        cmocka_unit_test_teardown(test_fmt_number_with, reset_lang),
        cmocka_unit_test_teardown(test_fmt_number_huge, reset_lang),
        cmocka_unit_test_teardown(test_fmt_count, reset_lang),
        cmocka_unit_test(test_excerpt_short),
        cmocka_unit_test(test_excerpt_cut),
        cmocka_unit_test(test_excerpt_controls),
        cmocka_unit_test(test_excerpt_truncated_sequence),
        cmocka_unit_test(test_id_equal),
        cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_edit_distance_capped),
        cmocka_unit_test(test_index_basic),
        cmocka_unit_test(test_index_grows),
        cmocka_unit_test(test_strbuf_and_pool),
        cmocka_unit_test_teardown(test_messages, reset_lang),
        cmocka_unit_test_teardown(test_messages_report_texts, reset_lang),
        cmocka_unit_test_teardown(test_diag_list, reset_lang),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
