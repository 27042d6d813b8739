/* Text made valid for each output (common/text.h), the bits of Unicode ids
 * need (common/unicode.h) and file names from ids (common/file_name.h):
 * issue 14, cases 1, 2, 3, 12, 13 and point 15. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/diag.h"
#include "common/file_name.h"
#include "common/text.h"
#include "common/unicode.h"
#include "common/util.h"
#include "render/font.h"

#define FFFD "\xEF\xBF\xBD"

static void next_is(const char *s, size_t len, uint32_t cp, size_t n)
{
    uint32_t got;
    size_t used = uf_utf8_next(s, len, &got);
    if (got != cp || used != n)
        fail_msg("uf_utf8_next: U+%04X in %zu bytes, expected U+%04X in %zu", (unsigned)got, used, (unsigned)cp, n);
}

static void test_utf8_next(void **state)
{
    (void)state;
    next_is("a", 1, 'a', 1);
    next_is("\xC3\xA5", 2, 0xE5, 2);
    next_is("\xEF\xBF\xBF", 3, 0xFFFF, 3);
    next_is("\xF0\x9F\x8C\x8D", 4, 0x1F30D, 4);
    next_is("\xC3", 1, UF_UTF8_BAD, 1);             /* cut short */
    next_is("\xC3\x41", 2, UF_UTF8_BAD, 1);         /* no continuation */
    next_is("\xC0\xAF", 2, UF_UTF8_BAD, 1);         /* overlong */
    next_is("\xE0\x80\xAF", 3, UF_UTF8_BAD, 1);     /* overlong */
    next_is("\xED\xA0\x80", 3, UF_UTF8_BAD, 1);     /* surrogate */
    next_is("\xF4\x90\x80\x80", 4, UF_UTF8_BAD, 1); /* past U+10FFFF */
    next_is("\x94", 1, UF_UTF8_BAD, 1);             /* Windows-1252 ö */
}

static void xml_is(const char *in, const char *want, size_t want_replaced)
{
    size_t replaced = 99;
    char *got = uf_text_xml(in, &replaced);
    const char *shown = got ? got : in;
    if (strcmp(shown, want) != 0 || replaced != want_replaced)
        fail_msg("uf_text_xml('%s') = '%s' (%zu replaced), expected '%s' (%zu)", in, shown, replaced, want, want_replaced);
    free(got);
}

/* Case 1: U+FFFF in a comment made the workbook not well-formed. */
static void test_xml(void **state)
{
    (void)state;
    char *same = uf_text_xml("vanlig text, å ä ö \xE2\x82\xAC \xF0\x9F\x8C\x8D\t\n", NULL);
    assert_null(same); /* valid text is not copied */
    xml_is("bad \xEF\xBF\xBF char", "bad " FFFD " char", 1);
    xml_is("\xEF\xBF\xBE\xEF\xB7\x90\xF0\x9F\xBF\xBF", FFFD FFFD FFFD, 3); /* U+FFFE, U+FDD0, U+1FFFF */
    xml_is("milj\x94", "milj" FFFD, 1);
    xml_is("a\x01" "b\rc\x1b", "a b c ", 0);
    xml_is("\xC2\x85 C1 stays", "\xC2\x85 C1 stays", 0);
    xml_is("\xEF\xBF\xBD is fine", FFFD " is fine", 0);
}

/* Case 1: cairo refuses noncharacters, and the whole chart failed. */
static void test_glyphs_draw(void **state)
{
    (void)state;
    size_t replaced;
    char *g = uf_text_glyphs("x\xEF\xBF\xBFy\xC2\x85z\x7F", &replaced);
    assert_string_equal(g, "x" FFFD "y" FFFD "z ");
    assert_int_equal(replaced, 2);
    free(g);
    char *clean = uf_text_clean("  bad \xEF\xBF\xBF\n\tchar \xEF\xB7\x90  ");
    assert_string_equal(clean, "bad " FFFD " char " FFFD);
    free(clean);
    assert_int_equal(uf_font_load(), UF_OK);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 40);
    cairo_t *cr = cairo_create(s);
    uf_font_use(cr, UF_FONT_REGULAR, 10);
    uf_text_draw(cr, 2, 20, "kommentar \xEF\xBF\xBF med \xF4\x8F\xBF\xBF", 0, UF_ALIGN_LEFT);
    uf_text_wrap(cr, 2, 30, 100, 0, 10, 2, "och \xEF\xBF\xBE igen", true);
    assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}

/* Case 3: a file name that is not UTF-8 shows as \xHH, in cells and messages. */
static void test_file_name_shown(void **state)
{
    (void)state;
    char *n = uf_text_file_name("inrapportering/2025/milj\x94.csv");
    assert_string_equal(n, "inrapportering/2025/milj\\x94.csv");
    free(n);
    n = uf_text_file_name("milj\xC3\xB6 \xC3.csv");
    assert_string_equal(n, "milj\xC3\xB6 \\xC3.csv");
    free(n);
    uf_diag_list *d = uf_diag_list_new();
    uint32_t f = uf_diag_add_file(d, "a/\xE5\xE4\xF6.csv");
    assert_string_equal(uf_diag_file_name(d, f), "a/\\xE5\\xE4\\xF6.csv");
    uf_diag_list_free(d);
}

/* Case 2: cutting into a fixed buffer never splits a character. */
static void test_prefix_and_asprintf(void **state)
{
    (void)state;
    const char *s = "\xC3\xA5\xC3\xA4\xC3\xB6"; /* åäö, 6 bytes */
    assert_int_equal(uf_utf8_prefix(s, 6), 6);
    assert_int_equal(uf_utf8_prefix(s, 5), 4);
    assert_int_equal(uf_utf8_prefix(s, 4), 4);
    assert_int_equal(uf_utf8_prefix(s, 1), 0);
    assert_int_equal(uf_utf8_prefix(s, 100), 6);
    assert_int_equal(uf_utf8_prefix("\xE2\x82\xAC", 2), 0);
    char big[2001];
    for (int k = 0; k < 1000; k++)
        memcpy(big + 2 * k, "\xC3\xA5", 2);
    big[2000] = '\0';
    char *t = uf_asprintf("Mål %s: %s", "1", big);
    assert_int_equal(strlen(t), strlen("Mål 1: ") + 2000);
    assert_null(uf_text_xml(t, NULL)); /* whole characters only */
    free(t);
}

static void nfc_is(const char *in, const char *want)
{
    size_t n;
    char *got = uf_unicode_nfc(in, strlen(in), &n);
    if (strcmp(got, want) != 0 || n != strlen(want))
        fail_msg("NFC of '%s' is '%s', expected '%s'", in, got, want);
    free(got);
}

/* Case 12: the same text in NFD (macOS) and NFC. */
static void test_nfc(void **state)
{
    (void)state;
    nfc_is("kultur", "kultur");
    nfc_is("a\xCC\x8A", "\xC3\xA5");                       /* a + ring = å */
    nfc_is("milj" "o\xCC\x88" "f" "o\xCC\x88" "rvaltning", "milj\xC3\xB6" "f\xC3\xB6rvaltning");
    nfc_is("A\xCC\x8A" "A\xCC\x88" "O\xCC\x88", "\xC3\x85\xC3\x84\xC3\x96"); /* ÅÄÖ */
    nfc_is("\xE2\x84\xAB", "\xC3\x85");                     /* Ångström sign */
    nfc_is("\xE2\x84\xA6", "\xCE\xA9");                     /* Ohm sign */
    nfc_is("e\xCC\xA3\xCC\x82", "\xE1\xBB\x87");            /* ệ: dot below, circumflex */
    nfc_is("e\xCC\x82\xCC\xA3", "\xE1\xBB\x87");            /* the same in the other order */
    nfc_is("\xD0\xB8\xCC\x86", "\xD0\xB9");                 /* Cyrillic и + breve = й */
    nfc_is("\xD0\x95\xCC\x88", "\xD0\x81");                 /* Е + diaeresis = Ё */
    nfc_is("\xCE\xB1\xCC\x81", "\xCE\xAC");                 /* α + acute = ά */
    nfc_is("\xCF\x89\xCC\x93\xCD\x85", "\xE1\xBE\xA0");     /* ω + psili + ypogegrammeni = ᾠ */
    nfc_is("a\xCC\x8A\xCC\x8A", "\xC3\xA5\xCC\x8A");       /* a second ring stays a mark */
    nfc_is("\xEA\xB0\x80", "\xEA\xB0\x80");                 /* Hangul: left as written */
    assert_true(uf_unicode_is_nfc("milj\xC3\xB6 \xCE\xAC \xD0\xB9", 12));
    assert_false(uf_unicode_is_nfc("a\xCC\x8A", 3));
    assert_false(uf_unicode_is_nfc("\xE2\x84\xAB", 3));
}

static void fold_is(const char *in, const char *want)
{
    size_t n;
    char *got = uf_unicode_fold(in, strlen(in), &n);
    if (strcmp(got, want) != 0)
        fail_msg("fold of '%s' is '%s', expected '%s'", in, got, want);
    free(got);
}

static void test_fold(void **state)
{
    (void)state;
    fold_is("ABC-x_1", "abc-x_1");
    fold_is("\xCE\xA9", "\xCF\x89");               /* Ω ω */
    fold_is("\xD0\x81\xD0\x96", "\xD1\x91\xD0\xB6"); /* ЁЖ ёж */
    fold_is("\xC3\x85\xC3\x84\xC3\x96", "\xC3\xA5\xC3\xA4\xC3\xB6");
    fold_is("stra\xC3\x9F" "e", "strasse");        /* ß */
    fold_is("\xE1\xBA\x9E", "ss");                 /* ẞ */
    fold_is("\xD4\xB1", "\xD5\xA1");               /* Armenian Ա ա */
    fold_is("\xE2\x84\xAA", "k");                  /* Kelvin sign */
}

static void test_id_class(void **state)
{
    (void)state;
    assert_int_equal(uf_unicode_id_class('a'), UF_ID_START);
    assert_int_equal(uf_unicode_id_class('7'), UF_ID_START);
    assert_int_equal(uf_unicode_id_class(0xE5), UF_ID_START);
    assert_int_equal(uf_unicode_id_class(0x3A9), UF_ID_START);
    assert_int_equal(uf_unicode_id_class(0x65E5), UF_ID_START);
    assert_int_equal(uf_unicode_id_class(0x0661), UF_ID_START); /* Arabic-Indic one */
    assert_int_equal(uf_unicode_id_class(0x301), UF_ID_MARK);
    assert_int_equal(uf_unicode_id_class('-'), UF_ID_NONE);
    assert_int_equal(uf_unicode_id_class(' '), UF_ID_NONE);
    assert_int_equal(uf_unicode_id_class(0xA0), UF_ID_NONE);   /* NBSP */
    assert_int_equal(uf_unicode_id_class(0x200B), UF_ID_NONE); /* zero-width space */
    assert_int_equal(uf_unicode_id_class(0x200D), UF_ID_NONE); /* zero-width joiner */
    assert_int_equal(uf_unicode_id_class(0x202E), UF_ID_NONE); /* RLO */
    assert_int_equal(uf_unicode_id_class(0x3164), UF_ID_NONE); /* Hangul filler, a "letter" */
    assert_int_equal(uf_unicode_id_class(0xB9), UF_ID_NONE);   /* ¹ */
    assert_int_equal(uf_unicode_id_class(0xFFFF), UF_ID_NONE);
}

static void key_eq(const char *a, const char *b, bool equal)
{
    size_t na, nb;
    char *ka = uf_unicode_lookalike_key(a, strlen(a), &na), *kb = uf_unicode_lookalike_key(b, strlen(b), &nb);
    if ((na == nb && memcmp(ka, kb, na) == 0) != equal)
        fail_msg("look-alike keys of '%s' and '%s' %s", a, b, equal ? "differ" : "are equal");
    free(ka);
    free(kb);
}

static void test_lookalike_key(void **state)
{
    (void)state;
    key_eq("social", "s\xD0\xBE" "cial", true); /* Cyrillic о */
    key_eq("ytter", "\xD1\x83tter", true);     /* Cyrillic у */
    key_eq("miljo", "mil\xE2\x80\x8Bjo", true); /* zero-width space */
    key_eq("moss", "\xEF\xBD\x8D" "oss", true); /* full-width m */
    key_eq("\xC3\xA5s", "a\xCC\x8As", true);    /* NFD */
    key_eq("kultur", "kulturr", false);
    key_eq("\xCE\xA9", "\xCF\x89", false);      /* case is the index's business */
}

static void safe_is(const char *id, const char *want)
{
    char *got = uf_safe_file_name(id);
    if (strcmp(got, want) != 0)
        fail_msg("uf_safe_file_name('%s') = '%s', expected '%s'", id, got, want);
    free(got);
}

/* Point 15: COM¹ and friends are reserved on Windows too. */
static void test_reserved_superscripts(void **state)
{
    (void)state;
    safe_is("COM\xC2\xB9", "_COM\xC2\xB9");
    safe_is("com\xC2\xB2", "_com\xC2\xB2");
    safe_is("LPT\xC2\xB3.txt", "_LPT\xC2\xB3.txt");
    safe_is("COM1", "_COM1");
    safe_is("COM\xC2\xB9x", "COM\xC2\xB9x");
    safe_is("COM\xC2\xBD", "COM\xC2\xBD"); /* ½ is not a port */
    safe_is("x\xEF\xBF\xBFy", "x_y");
}

/* Case 13: names that collide where case or normalisation is ignored. */
static void test_name_set_folds(void **state)
{
    (void)state;
    uf_name_set *set = uf_name_set_new(8);
    assert_string_equal(uf_name_set_add(set, "\xCE\xA9-enhet"), "\xCE\xA9-enhet");
    assert_string_equal(uf_name_set_add(set, "\xCF\x89-ENHET"), "\xCF\x89-ENHET~2");
    assert_string_equal(uf_name_set_add(set, "\xD0\x81"), "\xD0\x81");
    assert_string_equal(uf_name_set_add(set, "\xD1\x91"), "\xD1\x91~2");
    assert_string_equal(uf_name_set_add(set, "\xC3\xA5"), "\xC3\xA5");
    assert_string_equal(uf_name_set_add(set, "a\xCC\x8A"), "a\xCC\x8A~2");
    assert_string_equal(uf_name_set_add(set, "\xC3\x85"), "\xC3\x85~3");
    assert_string_equal(uf_name_set_add(set, "x"), "x");
    uf_name_set_free(set);
}

static void test_unshowable_warning(void **state)
{
    (void)state;
    uf_messages_set_lang(UF_LANG_SV);
    uf_diag_list *d = uf_diag_list_new();
    uint32_t f = uf_diag_add_file(d, "a.csv");
    assert_int_equal(uf_diag_unshowable(d, f, 3, 5, "ok text", 7), 0);
    assert_int_equal(uf_diag_unshowable(d, f, 4, 5, "x\xEF\xBF\xBFy\xEF\xBF\xBE", 8), 2);
    assert_int_equal(d->count, 1);
    assert_int_equal(d->warnings, 1);
    assert_int_equal(d->items[0].code, UF_MSG_TEXT_UNSHOWABLE);
    assert_int_equal(d->items[0].line, 4);
    assert_string_equal(d->items[0].text,
                        "texten innehåller 2 tecken som inte kan visas (det första är U+FFFF); rapporterna visar dem som " FFFD);
    uf_diag_list_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_next),
        cmocka_unit_test(test_xml),
        cmocka_unit_test(test_glyphs_draw),
        cmocka_unit_test(test_file_name_shown),
        cmocka_unit_test(test_prefix_and_asprintf),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_id_class),
        cmocka_unit_test(test_lookalike_key),
        cmocka_unit_test(test_reserved_superscripts),
        cmocka_unit_test(test_name_set_folds),
        cmocka_unit_test(test_unshowable_warning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
