/* The web page written from the sample municipality and read back as text:
 * the summary's three kinds of line (and nothing else) with hostile text
 * escaped, the language, headings that nest, every chart followed by its
 * table, the escaper itself. The browser tests (tests/browser) check the
 * same page in Chromium. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/messages.h"
#include "common/util.h"
#include "render/html/page.h"
#include "render/html/svg_web.h"
#include "files.h"
#include "sample.h"

static char out_dir[64];

static int setup(void **state)
{
    uf_test_sample *s = uf_test_sample_load(2025);
    assert_non_null(s);
    snprintf(out_dir, sizeof out_dir, "/tmp/uf-html-XXXXXX");
    assert_non_null(mkdtemp(out_dir));
    setenv("SOURCE_DATE_EPOCH", "1764000000", 1);
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    uf_test_sample_free(*state);
    uf_messages_set_lang(UF_LANG_SV);
    assert_int_equal(uf_test_remove_tree(out_dir), 0);
    return 0;
}

/* Writes the page and reads it back whole. */
static char *page_text(uf_test_sample *s)
{
    char *path = uf_path_join(out_dir, "styrelserapport-2025.html");
    assert_int_equal(uf_html_write_board_report(s->view, path), UF_OK);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    rewind(fp);
    char *text = uf_xmalloc((size_t)n + 1);
    assert_int_equal(fread(text, 1, (size_t)n, fp), (size_t)n);
    text[n] = '\0';
    fclose(fp);
    free(path);
    return text;
}

static size_t occurrences(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

static const char hostile_summary[] =
    "# Rubrik <script>alert(1)</script>\n"
    "\n"
    "Stycke Tom & Jerry \"citat\" 'apostrof' ]]> <!-- slut\n"
    "andra raden *inte fet* <b>inte heller</b>\n"
    "\n"
    "- punkt ett\n"
    "- punkt <img src=x onerror=alert(1)>\n"
    "#inte en rubrik\n";

static void test_summary_escaped(void **state)
{
    uf_test_sample *s = *state;
    s->view->summary = hostile_summary;
    char *html = page_text(s);
    assert_non_null(strstr(html, "<h3>Rubrik &lt;script&gt;alert(1)&lt;/script&gt;</h3>"));
    assert_non_null(strstr(html, "<p>Stycke Tom &amp; Jerry &quot;citat&quot; &#39;apostrof&#39; ]]&gt; &lt;!-- slut<br>\n"
                                 "andra raden *inte fet* &lt;b&gt;inte heller&lt;/b&gt;</p>"));
    assert_non_null(strstr(html, "<ul>\n<li>punkt ett</li>\n<li>punkt &lt;img src=x onerror=alert(1)&gt;</li>\n</ul>"));
    assert_non_null(strstr(html, "<p>#inte en rubrik</p>"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_non_null(strstr(html, "<a href=\"#sammanfattning\">"));
    s->view->summary = NULL;
    free(html);
}

static void test_no_summary_no_section(void **state)
{
    uf_test_sample *s = *state;
    char *html = page_text(s);
    assert_null(strstr(html, "id=\"sammanfattning\""));
    assert_null(strstr(html, "#sammanfattning"));
    free(html);
}

static void test_language(void **state)
{
    uf_test_sample *s = *state;
    char *sv = page_text(s);
    assert_non_null(strstr(sv, "<html lang=\"sv\">"));
    assert_non_null(strstr(sv, "Läsanvisning"));
    uf_messages_set_lang(UF_LANG_EN);
    char *en = page_text(s);
    uf_messages_set_lang(UF_LANG_SV);
    assert_non_null(strstr(en, "<html lang=\"en\">"));
    assert_non_null(strstr(en, "How to read this report"));
    assert_null(strstr(en, "Läsanvisning"));
    free(sv);
    free(en);
}

/* h1 once, then no level skipped on the way down. */
static void test_headings_nest(void **state)
{
    char *html = page_text(*state);
    assert_int_equal(occurrences(html, "<h1"), 1);
    int level = 1;
    for (const char *p = strstr(html, "<h"); p; p = strstr(p + 1, "<h")) {
        if (p[2] < '1' || p[2] > '6')
            continue;
        int next = p[2] - '0';
        assert_true(next <= level + 1);
        level = next;
    }
    free(html);
}

/* Every chart has its title and description and is followed by a table
 * with a caption and header cells with scope. */
static void test_charts_have_tables(void **state)
{
    uf_test_sample *s = *state;
    char *html = page_text(s);
    size_t charts = occurrences(html, "<svg class=\"chart\" role=\"img\"");
    assert_true(charts >= s->plan->nindicators);
    assert_int_equal(occurrences(html, "<title id="), charts);
    assert_int_equal(occurrences(html, "<desc id="), charts);
    assert_int_equal(occurrences(html, "</svg>\n<div class=\"tw\" role=\"region\" tabindex=\"0\""), charts);
    assert_int_equal(occurrences(html, "<table>"), occurrences(html, "<caption id="));
    assert_null(strstr(html, "<th>"));
    assert_non_null(strstr(html, "<th scope=\"col\""));
    assert_non_null(strstr(html, "<th scope=\"row\""));
    free(html);
}

/* A unit's assessment with hostile texts: shown whole and escaped, under
 * the unit and the goal, with "avviker" where it differs from its figures. */
static void test_assessment(void **state)
{
    uf_test_sample *s = *state;
    const char analysis[] = "Analys <script>alert(1)</script> & \"mer\"\nandra raden ]]>";
    const char actions[] = "Åtgärd 'ett'";
    size_t green = 0, red = 0;
    uf_model_unit_goal_colours(s->model, s->model->report_index, 0, 0, &green, &red);
    assert_true(red != green); /* the sample leans one way, so avviker must show */
    /* The assessment that contradicts the figures, where they lean one way. */
    uf_self_assessment a = {.year = 2025, .unit = 0, .goal = 0,
                            .assessment = green > red ? UF_ASSESS_NOT_MET : UF_ASSESS_MET};
    uf_dataset_add_assessment(s->data, &a, analysis, strlen(analysis), actions, strlen(actions));
    uf_view_free(s->view);
    uf_model_free(s->model);
    s->model = uf_model_build(s->plan, s->data, 2025);
    s->view = uf_view_build(s->model, s->diags, NULL);
    char *html = page_text(s);
    assert_non_null(strstr(html, "<h3 id=\"sv-enhet-1\">"));
    assert_non_null(strstr(html, "Analys &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mer&quot;\nandra raden ]]&gt;"));
    assert_non_null(strstr(html, "\xC3\x85tg\xC3\xA4rd &#39;ett&#39;"));
    assert_null(strstr(html, "<script"));
    assert_int_equal(strstr(html, "class=\"differs\"") != NULL, red != green);
    assert_null(strstr(html, uf_msg_text(UF_MSG_HTML_NO_ASSESSMENTS)));
    free(html);
}

/* A figure with rejected rows behind it says so, with the count, wherever
 * it is shown (overview, key figures, year table). */
static void test_preliminary(void **state)
{
    uf_test_sample *s = *state;
    uf_figure *f = &s->model->figures[(s->model->report_index * s->plan->nindicators + 0) * s->model->units_stride +
                                      s->plan->nunits];
    f->rejected = 97; /* a count no figure of the sample has */
    char *html = page_text(s);
    char mark[128];
    snprintf(mark, sizeof mark, "<span class=\"prelim\">preliminär: 97 avvisade rader</span>");
    assert_int_equal(occurrences(html, mark), 3);
    f->rejected = 0;
    free(html);
}

static void test_escape(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    uf_web_escape(fp, "a<b>&\"c'\x01\x1b[31m\x7f\tok\n]]>");
    fclose(fp);
    assert_string_equal(buf, "a&lt;b&gt;&amp;&quot;c&#39;[31m\tok\n]]&gt;");
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_summary_escaped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_summary_no_section, setup, teardown),
        cmocka_unit_test_setup_teardown(test_language, setup, teardown),
        cmocka_unit_test_setup_teardown(test_headings_nest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_charts_have_tables, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assessment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_preliminary, setup, teardown),
        cmocka_unit_test(test_escape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
