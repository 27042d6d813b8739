#include "render/html/page.h"

#include "common/messages.h"
#include "common/util.h"
#include "output/output.h"
#include "render/pdf/frame.h"
#include "render/html/svg_web.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many units a chart draws; the table after it lists them all. */
#define WEB_TOP_UNITS 15

typedef struct page {
    FILE *fp;
    const uf_view *v;
    const uf_model *m;
    const uf_plan *p;
} page;

/* ---- text ---- */

static void put(page *w, const char *s) { uf_web_escape(w->fp, s); }

/* A catalogue message, formatted with string arguments, escaped. */
static void say(page *w, uf_msg code, ...)
{
    va_list ap;
    va_start(ap, code);
    char *text = uf_msg_vformat(code, ap);
    va_end(ap);
    put(w, text ? text : "");
    free(text);
}

/* The same into a malloc'ed string, for titles given to the charts. */
static char *msg(uf_msg code, ...)
{
    va_list ap;
    va_start(ap, code);
    char *text = uf_msg_vformat(code, ap);
    va_end(ap);
    return text ? text : uf_xstrdup("");
}

static const char *count(char *buf, size_t n) { return uf_web_number(buf, (double)n); }
/* buf holds at least 16 bytes. */
static const char *year_text(char *buf, int year)
{
    snprintf(buf, 16, "%d", year);
    return buf;
}

static const char *value_text(char *buf, double v)
{
    return isfinite(v) ? uf_web_number(buf, v) : "\xE2\x80\x93";
}

/* ---- pieces ---- */

/* Colour, symbol and word together: never colour alone. */
static void badge(page *w, uf_status status, const char *word)
{
    /* A no-break space keeps the symbol with the word's first line. */
    fprintf(w->fp, "<span class=\"st\"><span class=\"sym s%d\" aria-hidden=\"true\">%s</span>&nbsp;", (int)status,
            uf_status_symbol(status));
    put(w, word);
    fputs("</span>", w->fp);
}

static void figure_badge(page *w, const uf_figure *f) { badge(w, f->status, uf_word_text(f->word)); }

static void prelim_mark(page *w, const uf_figure *f)
{
    char n[UF_WEB_NUMBUF];
    if (!uf_figure_preliminary(f))
        return;
    fputs(" <span class=\"prelim\">", w->fp);
    if (f->rejected == 1)
        say(w, UF_MSG_PRELIM_ONE);
    else
        say(w, UF_MSG_PRELIM_N, count(n, f->rejected));
    fputs("</span>", w->fp);
}

/* A table inside its own scrolling, focusable region, so that a wide table
 * never makes the page scroll sideways (reflow at 320 px). */
static void table_open(page *w, const char *id, const char *caption)
{
    fprintf(w->fp, "<div class=\"tw\" role=\"region\" tabindex=\"0\" aria-labelledby=\"%s\">\n<table>"
                   "<caption id=\"%s\"><span>", id, id);
    put(w, caption);
    fputs("</span></caption>\n", w->fp);
}

static void table_close(page *w) { fputs("</tbody></table></div>\n", w->fp); }

static void th_col(page *w, uf_msg code, bool numeric)
{
    fprintf(w->fp, "<th scope=\"col\"%s>", numeric ? " class=\"num\"" : "");
    say(w, code);
    fputs("</th>", w->fp);
}

static void td_number(page *w, double v)
{
    char buf[UF_WEB_NUMBUF];
    fputs("<td class=\"num\">", w->fp);
    put(w, value_text(buf, v));
    fputs("</td>", w->fp);
}

static void heading(page *w, int level, const char *id, const char *text)
{
    fprintf(w->fp, "<h%d id=\"%s\">", level, id);
    put(w, text);
    fprintf(w->fp, "</h%d>\n", level);
}

static void para(page *w, uf_msg code)
{
    fputs("<p>", w->fp);
    say(w, code);
    fputs("</p>\n", w->fp);
}

/* ---- head ---- */

static const char css[] =
    ":root{color-scheme:light}"
    "*{box-sizing:border-box}"
    "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;"
    "font-size:1rem;line-height:1.5;color:#1b1b1b;background:#fff;overflow-wrap:break-word}"
    ".skip{position:absolute;left:-9999px;top:0;background:#fff;color:#0b4f8a;padding:.5rem 1rem}"
    ".skip:focus{left:1rem;z-index:1}"
    "header,nav,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}"
    "header{padding-top:1.5rem;border-bottom:4px solid #0072b2}"
    ".kicker{margin:0;color:#4a4a4a;font-weight:600}"
    "h1{font-size:1.8rem;line-height:1.2;margin:.2rem 0 .8rem}"
    "h2{font-size:1.45rem;line-height:1.25;margin:2.2rem 0 .6rem;padding-top:.4rem;border-top:1px solid #c8c8c8}"
    "h3{font-size:1.2rem;margin:1.8rem 0 .4rem}"
    "h4{font-size:1rem;margin:1.2rem 0 .3rem}"
    "a{color:#0b4f8a}"
    "a:focus,.tw:focus{outline:3px solid #0b4f8a;outline-offset:2px}"
    "nav ol{padding-left:1.4rem}nav li{margin:.15rem 0}"
    ".facts,.muted{color:#4a4a4a}"
    ".warn{background:#fff4d6;border-left:6px solid #b35900;padding:.6rem .8rem}"
    ".status-line{display:block;margin-bottom:.2rem}"
    ".sym{display:inline-block;min-width:1.45em;height:1.45em;line-height:1.45em;text-align:center;"
    "border-radius:50%;color:#000;font-weight:700;border:1px solid #1b1b1b}"
    ".s0{background:#009e73}.s1{background:#e69f00}.s2{background:#d55e00}.s3{background:#c8c8c8}"
    ".prelim{display:inline-block;font-size:.9em;font-weight:600;color:#8a3b00;border:1px dashed #8a3b00;"
    "padding:0 .3em;border-radius:3px}"
    ".differs{font-weight:600;color:#8a3b00}"
    ".txt{white-space:pre-line}"
    ".tw{overflow-x:auto;margin:.6rem 0 1.2rem;max-width:100%}"
    "table{border-collapse:collapse;min-width:60%}"
    "caption{text-align:left;font-weight:600;padding:.3rem 0}"
    /* A wide table scrolls in its region; its caption stays in view. */
    "caption span{display:block;position:sticky;left:0;max-width:calc(100vw - 2.5rem)}"
    "th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "thead th{background:#eef2f6}"
    "tbody th{font-weight:600}"
    ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    ".chart{display:block;width:100%;max-width:36rem;height:auto;margin:.6rem 0;font-size:14px}"
    ".chart text{fill:#1b1b1b}.chart .axis,.chart .muted{fill:#4a4a4a}.chart .now{font-weight:700}"
    ".chart .label{font-weight:600}"
    ".chart .grid{stroke:#d8d8d8;stroke-width:1}"
    ".chart .series{fill:none;stroke:#0072b2;stroke-width:2.5}"
    ".chart .target{fill:none;stroke:#000;stroke-width:1.5;stroke-dasharray:6 4}"
    ".chart .diamond{fill:#000}.chart .point,.chart .bar{stroke:#1b1b1b;stroke-width:1}"
    ".chart .tick{stroke:#000;stroke-width:3}"
    ".comments li,.summary li{margin:.3rem 0}"
    ".guide dt{font-weight:600;margin-top:.5rem}.guide dd{margin-left:1.5rem}"
    "@media (max-width:30rem){th,td{padding:.25rem .3rem}h1{font-size:1.5rem}h2{font-size:1.3rem}}"
    "nav h2{border-top:0}"
    "footer{margin-top:3rem;padding:1rem;border-top:1px solid #c8c8c8;color:#4a4a4a}"
    "@media print{"
    "@page{size:A4;margin:15mm}"
    "body{font-size:10pt}"
    ".skip,nav{display:none}"
    "header,main,footer{max-width:none;padding:0}"
    ".goal{break-before:page}"
    "h2,h3,h4{break-after:avoid}"
    ".chart,tr,.ind-key{break-inside:avoid}"
    ".tw{overflow:visible}"
    "table{width:100%}"
    "thead{display:table-header-group}"
    "a{color:inherit;text-decoration:none}"
    ".sym,.warn,thead th{print-color-adjust:exact;-webkit-print-color-adjust:exact}"
    "}";

static void head(page *w)
{
    char y[16];
    fprintf(w->fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            uf_messages_lang() == UF_LANG_EN ? "en" : "sv");
    say(w, UF_MSG_HTML_TITLE, year_text(y, w->m->report_year));
    fputs("</title>\n<meta name=\"generator\" content=\"uppfolj " UF_VERSION "\">\n<style>", w->fp);
    fputs(css, w->fp);
    fputs("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">", w->fp);
    say(w, UF_MSG_HTML_SKIP);
    fputs("</a>\n", w->fp);
}

static void banner(page *w)
{
    const uf_view *v = w->v;
    const uf_counts *c = &v->counts;
    char y[16], a[UF_WEB_NUMBUF], b[UF_WEB_NUMBUF], r[UF_WEB_NUMBUF], d[UF_WEB_NUMBUF], x[UF_WEB_NUMBUF];
    char date[16];
    struct tm tm;
    bool utc;
    uf_pdf_now(&tm, &utc);
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    fputs("<header>\n<p class=\"kicker\">", w->fp);
    say(w, UF_MSG_HTML_SUBTITLE);
    fputs("</p>\n<h1>", w->fp);
    say(w, UF_MSG_HTML_TITLE, year_text(y, w->m->report_year));
    fputs("</h1>\n<p class=\"facts\">", w->fp);
    say(w, UF_MSG_HTML_FACTS, count(a, v->reported[w->m->report_index]), count(b, v->nexpected), y,
        count(r, (size_t)c->rows_read), count(d, (size_t)c->rows_accepted), count(x, (size_t)c->rows_rejected));
    fputs(" ", w->fp);
    say(w, UF_MSG_HTML_PRODUCED, date);
    fputs("</p>\n", w->fp);
    if (c->rows_rejected > 0) {
        fputs("<p class=\"warn\"><strong>", w->fp);
        say(w, UF_MSG_HTML_PRELIMINARY, count(r, (size_t)c->rows_rejected));
        fputs("</strong></p>\n", w->fp);
    }
    fputs("</header>\n", w->fp);
}

/* ---- table of contents ---- */

static void toc_item(page *w, const char *id, const char *text)
{
    fprintf(w->fp, "<li><a href=\"#%s\">", id);
    put(w, text);
    fputs("</a></li>\n", w->fp);
}

static void toc_msg(page *w, const char *id, uf_msg code, const char *arg)
{
    char *text = msg(code, arg);
    toc_item(w, id, text);
    free(text);
}

static void toc(page *w)
{
    char y[16], id[32];
    year_text(y, w->m->report_year);
    fputs("<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">", w->fp);
    say(w, UF_MSG_HTML_TOC);
    fputs("</h2>\n<ol>\n", w->fp);
    if (w->v->summary)
        toc_msg(w, "sammanfattning", UF_MSG_HTML_SUMMARY, NULL);
    toc_msg(w, "lasanvisning", UF_MSG_HTML_GUIDE, NULL);
    toc_msg(w, "oversikt", UF_MSG_HTML_OVERVIEW, y);
    for (size_t g = 0; g < w->p->ngoals; g++) {
        char *text = msg(UF_MSG_HTML_GOAL, w->p->goals[g].id, w->p->goals[g].name);
        snprintf(id, sizeof id, "mal-%zu", g + 1);
        toc_item(w, id, text);
        free(text);
    }
    toc_msg(w, "sjalvvardering", UF_MSG_HTML_ASSESSMENTS, y);
    toc_msg(w, "rapportering", UF_MSG_HTML_COVERAGE, NULL);
    toc_msg(w, "partner", UF_MSG_HTML_PARTNERS, NULL);
    toc_msg(w, "avvisat", UF_MSG_HTML_REJECTED, NULL);
    fputs("</ol>\n</nav>\n", w->fp);
}

/* ---- summary: "# " headings, "- " list items, paragraphs; nothing else ---- */

static void put_n(page *w, const char *s, size_t n)
{
    char *copy = uf_xstrndup(s, n);
    put(w, copy);
    free(copy);
}

static void summary(page *w)
{
    const char *s = w->v->summary;
    if (!s)
        return;
    fputs("<section class=\"summary\" aria-labelledby=\"sammanfattning\">\n", w->fp);
    char *title = msg(UF_MSG_HTML_SUMMARY);
    heading(w, 2, "sammanfattning", title);
    free(title);
    enum { NONE, PARA, LIST } open = NONE;
    static const char *const closers[] = {"", "</p>\n", "</ul>\n"};
    while (*s) {
        size_t n = strcspn(s, "\n");
        const char *end = s + n;
        bool blank = strspn(s, " \t") >= n;
        bool head = n >= 2 && strncmp(s, "# ", 2) == 0, item = n >= 2 && strncmp(s, "- ", 2) == 0;
        if (blank || head || (item && open != LIST) || (!item && open == LIST)) {
            fputs(closers[open], w->fp);
            open = NONE;
        }
        if (head) {
            fputs("<h3>", w->fp);
            put_n(w, s + 2, n - 2);
            fputs("</h3>\n", w->fp);
        } else if (item) {
            fputs(open == LIST ? "<li>" : "<ul>\n<li>", w->fp);
            open = LIST;
            put_n(w, s + 2, n - 2);
            fputs("</li>\n", w->fp);
        } else if (!blank) {
            fputs(open == PARA ? "<br>\n" : "<p>", w->fp);
            open = PARA;
            put_n(w, s, n);
        }
        s = *end ? end + 1 : end;
    }
    fputs(closers[open], w->fp);
    fputs("</section>\n", w->fp);
}

/* ---- reading guide ---- */

static void guide(page *w)
{
    static const uf_msg meanings[UF_STATUS_COUNT] = {UF_MSG_HTML_GUIDE_GREEN, UF_MSG_HTML_GUIDE_YELLOW,
                                                     UF_MSG_HTML_GUIDE_RED, UF_MSG_HTML_GUIDE_GREY};
    fputs("<section class=\"guide\" aria-labelledby=\"lasanvisning\">\n", w->fp);
    char *title = msg(UF_MSG_HTML_GUIDE);
    heading(w, 2, "lasanvisning", title);
    free(title);
    para(w, UF_MSG_HTML_GUIDE_STATUS);
    fputs("<dl>\n", w->fp);
    for (int s = 0; s < UF_STATUS_COUNT; s++) {
        fputs("<dt>", w->fp);
        badge(w, (uf_status)s, uf_status_word((uf_status)s));
        fputs("</dt><dd>", w->fp);
        say(w, meanings[s]);
        fputs("</dd>\n", w->fp);
    }
    fputs("</dl>\n", w->fp);
    para(w, UF_MSG_HTML_GUIDE_TARGET);
    fputs("<p><span class=\"prelim\">", w->fp);
    say(w, UF_MSG_PRELIM_N, "N");
    fputs("</span> ", w->fp);
    say(w, UF_MSG_HTML_GUIDE_PRELIM);
    fputs("</p>\n", w->fp);
    para(w, UF_MSG_HTML_GUIDE_MISSING);
    fputs("</section>\n", w->fp);
}

/* ---- overview ---- */

static void overview_counts(page *w)
{
    char y[16], n[UF_WEB_NUMBUF];
    char *caption = msg(UF_MSG_HTML_OVERVIEW_CAPTION, year_text(y, w->m->report_year));
    table_open(w, "cap-oversikt", caption);
    free(caption);
    fputs("<thead><tr>", w->fp);
    th_col(w, UF_MSG_HTML_COL_GOAL, false);
    for (int s = 0; s < UF_STATUS_COUNT; s++) {
        fputs("<th scope=\"col\" class=\"num\">", w->fp);
        badge(w, (uf_status)s, uf_status_word((uf_status)s));
        fputs("</th>", w->fp);
    }
    fputs("</tr></thead><tbody>\n", w->fp);
    for (size_t g = 0; g < w->p->ngoals; g++) {
        fprintf(w->fp, "<tr><th scope=\"row\"><a href=\"#mal-%zu\">", g + 1);
        say(w, UF_MSG_HTML_GOAL, w->p->goals[g].id, w->p->goals[g].name);
        fputs("</a></th>", w->fp);
        for (int s = 0; s < UF_STATUS_COUNT; s++)
            fprintf(w->fp, "<td class=\"num\">%s</td>",
                    count(n, uf_model_goal_count(w->m, w->m->report_index, g, (uf_status)s)));
        fputs("</tr>\n", w->fp);
    }
    table_close(w);
}

static void overview_indicators(page *w)
{
    char y[16];
    char *caption = msg(UF_MSG_HTML_INDICATORS_CAPTION, year_text(y, w->m->report_year));
    table_open(w, "cap-indikatorer", caption);
    free(caption);
    fputs("<thead><tr>", w->fp);
    th_col(w, UF_MSG_HTML_COL_INDICATOR, false);
    th_col(w, UF_MSG_HTML_COL_GOAL, false);
    th_col(w, UF_MSG_HTML_COL_STATUS, false);
    th_col(w, UF_MSG_HTML_COL_VALUE, true);
    th_col(w, UF_MSG_HTML_COL_TARGET, true);
    fputs("</tr></thead><tbody>\n", w->fp);
    for (size_t g = 0; g < w->p->ngoals; g++) {
        for (size_t i = 0; i < w->p->nindicators; i++) {
            if (w->p->indicators[i].goal != g)
                continue;
            const uf_figure *f = uf_model_figure(w->m, w->m->report_index, i, UF_WHOLE_MUNICIPALITY);
            fprintf(w->fp, "<tr><th scope=\"row\"><a href=\"#ind-%zu\">", i + 1);
            put(w, w->p->indicators[i].name);
            fputs("</a></th><td>", w->fp);
            put(w, w->p->goals[g].id);
            fputs("</td><td>", w->fp);
            figure_badge(w, f);
            prelim_mark(w, f);
            fputs("</td>", w->fp);
            td_number(w, f->value);
            td_number(w, f->target);
            fputs("</tr>\n", w->fp);
        }
    }
    table_close(w);
}

static void overview(page *w)
{
    char y[16];
    fputs("<section aria-labelledby=\"oversikt\">\n", w->fp);
    char *title = msg(UF_MSG_HTML_OVERVIEW, year_text(y, w->m->report_year));
    heading(w, 2, "oversikt", title);
    free(title);
    para(w, UF_MSG_HTML_OVERVIEW_INTRO);
    overview_counts(w);
    overview_indicators(w);
    fputs("</section>\n", w->fp);
}

/* ---- one indicator ---- */

static void indicator_key(page *w, size_t i)
{
    const uf_indicator *ind = &w->p->indicators[i];
    const uf_figure *f = uf_model_figure(w->m, w->m->report_index, i, UF_WHOLE_MUNICIPALITY);
    char y[16], py[16], v[UF_WEB_NUMBUF + 64], t[UF_WEB_NUMBUF + 64], pv[UF_WEB_NUMBUF + 64], n[UF_WEB_NUMBUF];
    char *none = msg(UF_MSG_HTML_NONE);
    snprintf(v, sizeof v, "%s", value_text(n, f->value));
    snprintf(t, sizeof t, "%s", isfinite(f->target) ? value_text(n, f->target) : none);
    snprintf(pv, sizeof pv, "%s", value_text(n, f->previous));
    fputs("<p class=\"ind-key\"><span class=\"status-line\">", w->fp);
    figure_badge(w, f);
    prelim_mark(w, f);
    fputs("</span>\n", w->fp);
    say(w, UF_MSG_HTML_KEY, year_text(y, w->m->report_year), v, t, year_text(py, w->m->report_year - 1), pv);
    fputs("<br>\n<span class=\"muted\">", w->fp);
    say(w, UF_MSG_HTML_MEASURE, ind->measure,
        uf_msg_text(ind->direction == UF_DIR_INCREASE ? UF_MSG_HTML_HIGHER_BETTER : UF_MSG_HTML_LOWER_BETTER));
    fputs("</span></p>\n", w->fp);
    free(none);
}

static void trend_table(page *w, size_t i, const char *caption_id, const char *caption)
{
    const uf_view *v = w->v;
    char y[16];
    table_open(w, caption_id, caption);
    fputs("<thead><tr>", w->fp);
    th_col(w, UF_MSG_HTML_COL_YEAR, false);
    th_col(w, UF_MSG_HTML_COL_VALUE, true);
    th_col(w, UF_MSG_HTML_COL_TARGET, true);
    th_col(w, UF_MSG_HTML_COL_STATUS, false);
    fputs("</tr></thead><tbody>\n", w->fp);
    for (size_t k = 0; k < v->nyears_shown; k++) {
        size_t yi = uf_view_year(v, k);
        const uf_figure *f = uf_model_figure(w->m, yi, i, UF_WHOLE_MUNICIPALITY);
        fprintf(w->fp, "<tr><th scope=\"row\">%s</th>", year_text(y, w->m->years[yi]));
        td_number(w, f->value);
        td_number(w, f->target);
        fputs("<td>", w->fp);
        figure_badge(w, f);
        prelim_mark(w, f);
        fputs("</td></tr>\n", w->fp);
    }
    table_close(w);
}

static void trend(page *w, size_t i)
{
    const uf_view *v = w->v;
    const char *name = w->p->indicators[i].name;
    char a[16], b[16], id[32];
    size_t first = v->first_year, last = v->first_year + v->nyears_shown - 1;
    char *title = msg(UF_MSG_HTML_TREND_TITLE, name);
    char *desc = msg(UF_MSG_HTML_TREND_DESC, year_text(a, w->m->years[first]), year_text(b, w->m->years[last]));
    snprintf(id, sizeof id, "trend-%zu", i + 1);
    uf_svg_web_trend(w->fp, w->m, i, first, last, id, title, desc);
    char *caption = msg(UF_MSG_HTML_TREND_CAPTION, name);
    snprintf(id, sizeof id, "cap-trend-%zu", i + 1);
    trend_table(w, i, id, caption);
    free(caption);
    free(desc);
    free(title);
}

static void unit_row(page *w, size_t i, size_t u)
{
    const uf_figure *f = uf_model_figure(w->m, w->m->report_index, i, u);
    fputs("<tr><th scope=\"row\">", w->fp);
    put(w, w->p->units[u].name);
    fputs("</th>", w->fp);
    if (isfinite(f->value)) {
        td_number(w, f->value);
    } else {
        fputs("<td class=\"muted\">", w->fp);
        say(w, UF_MSG_HTML_NOT_REPORTED);
        fputs("</td>", w->fp);
    }
    td_number(w, f->target);
    fputs("<td>", w->fp);
    if (f->target_source == UF_TARGET_OWN)
        say(w, UF_MSG_HTML_TARGET_OWN);
    else if (f->target_source == UF_TARGET_WHOLE)
        say(w, UF_MSG_HTML_TARGET_MUNICIPAL);
    fputs("</td>", w->fp);
    td_number(w, f->previous);
    fputs("<td>", w->fp);
    figure_badge(w, f);
    prelim_mark(w, f);
    fputs("</td></tr>\n", w->fp);
}

static void unit_table(page *w, size_t i, const size_t *units, size_t nunits, const char *caption_id,
                       const char *caption)
{
    table_open(w, caption_id, caption);
    fputs("<thead><tr>", w->fp);
    th_col(w, UF_MSG_HTML_COL_UNIT, false);
    th_col(w, UF_MSG_HTML_COL_VALUE, true);
    th_col(w, UF_MSG_HTML_COL_TARGET, true);
    th_col(w, UF_MSG_HTML_COL_SOURCE, false);
    th_col(w, UF_MSG_HTML_COL_PREVIOUS, true);
    th_col(w, UF_MSG_HTML_COL_STATUS, false);
    fputs("</tr></thead><tbody>\n", w->fp);
    for (size_t k = 0; k < nunits; k++)
        unit_row(w, i, units[k]);
    table_close(w);
}

static void unit_bars(page *w, size_t i)
{
    const char *name = w->p->indicators[i].name;
    char y[16], id[32], n[UF_WEB_NUMBUF];
    size_t *units = uf_xcalloc(w->p->nunits ? w->p->nunits : 1, sizeof *units), nunits = 0;
    for (size_t u = 0; u < w->p->nunits; u++)
        if (uf_model_figure(w->m, w->m->report_index, i, u)->applies)
            units[nunits++] = u;
    if (nunits == 0) {
        free(units);
        return;
    }
    year_text(y, w->m->report_year);
    char *title = msg(UF_MSG_HTML_BARS_TITLE, name, y), *desc = msg(UF_MSG_HTML_BARS_DESC, y);
    char *others = msg(UF_MSG_HTML_BARS_OTHERS, count(n, nunits > WEB_TOP_UNITS ? nunits - WEB_TOP_UNITS : 0));
    snprintf(id, sizeof id, "bars-%zu", i + 1);
    uf_svg_web_bars(w->fp, w->m, i, units, nunits, WEB_TOP_UNITS, id, title, desc, others);
    char *caption = msg(UF_MSG_HTML_BARS_CAPTION, name, y);
    snprintf(id, sizeof id, "cap-units-%zu", i + 1);
    unit_table(w, i, units, nunits, id, caption);
    free(caption);
    free(others);
    free(desc);
    free(title);
    free(units);
}

static void comments(page *w, size_t i)
{
    const uf_view *v = w->v;
    char y[16], id[32];
    snprintf(id, sizeof id, "komm-%zu", i + 1);
    char *title = msg(UF_MSG_HTML_COMMENTS, year_text(y, w->m->report_year));
    heading(w, 4, id, title);
    free(title);
    size_t first = v->indicator_start[i], end = v->indicator_start[i + 1];
    if (first == end) {
        para(w, UF_MSG_HTML_NO_COMMENTS);
        return;
    }
    fputs("<ul class=\"comments\">\n", w->fp);
    for (size_t k = first; k < end; k++) {
        const uf_view_comment *c = &v->indicator_comments[k];
        fputs("<li><strong>", w->fp);
        put(w, w->p->units[c->unit].name);
        if (c->partner != UF_NO_PARTNER) {
            fputs(" (", w->fp);
            put(w, w->p->partners[c->partner].name);
            fputs(")", w->fp);
        }
        fputs(":</strong> <span class=\"txt\">", w->fp);
        put(w, c->text);
        fputs("</span></li>\n", w->fp);
    }
    fputs("</ul>\n", w->fp);
}

static void indicator(page *w, size_t i)
{
    char id[32];
    snprintf(id, sizeof id, "ind-%zu", i + 1);
    fprintf(w->fp, "<section aria-labelledby=\"%s\">\n", id);
    heading(w, 3, id, w->p->indicators[i].name);
    if (*w->p->indicators[i].description) {
        fputs("<p>", w->fp);
        put(w, w->p->indicators[i].description);
        fputs("</p>\n", w->fp);
    }
    indicator_key(w, i);
    trend(w, i);
    unit_bars(w, i);
    comments(w, i);
    fputs("</section>\n", w->fp);
}

static void goal(page *w, size_t g)
{
    char id[32];
    snprintf(id, sizeof id, "mal-%zu", g + 1);
    fprintf(w->fp, "<section class=\"goal\" aria-labelledby=\"%s\">\n", id);
    char *title = msg(UF_MSG_HTML_GOAL, w->p->goals[g].id, w->p->goals[g].name);
    heading(w, 2, id, title);
    free(title);
    if (*w->p->goals[g].description) {
        fputs("<p>", w->fp);
        put(w, w->p->goals[g].description);
        fputs("</p>\n", w->fp);
    }
    for (size_t i = 0; i < w->p->nindicators; i++)
        if (w->p->indicators[i].goal == g)
            indicator(w, i);
    fputs("</section>\n", w->fp);
}

/* ---- self-assessments ---- */

static void assessment(page *w, const uf_view_assessment *a, size_t seq)
{
    char id[40], g[UF_WEB_NUMBUF], r[UF_WEB_NUMBUF];
    snprintf(id, sizeof id, "sv-%zu", seq);
    char *title = msg(UF_MSG_HTML_GOAL, w->p->goals[a->goal].id, w->p->goals[a->goal].name);
    heading(w, 4, id, title);
    free(title);
    fputs("<p>", w->fp);
    badge(w, uf_assessment_status(a->assessment), uf_assessment_text(a->assessment));
    if (a->differs) {
        fputs(" <span class=\"differs\">", w->fp);
        say(w, UF_MSG_HTML_ASSESS_DIFFERS, count(g, a->green), count(r, a->red));
        fputs("</span>", w->fp);
    }
    fputs("</p>\n", w->fp);
    const char *texts[2] = {a->analysis, a->actions};
    const uf_msg labels[2] = {UF_MSG_HTML_ANALYSIS, UF_MSG_HTML_ACTIONS};
    for (int t = 0; t < 2; t++) {
        if (!texts[t])
            continue;
        fputs("<p><strong>", w->fp);
        say(w, labels[t]);
        fputs(":</strong> <span class=\"txt\">", w->fp);
        put(w, texts[t]);
        fputs("</span></p>\n", w->fp);
    }
}

static void assessments(page *w)
{
    const uf_view *v = w->v;
    char y[16], id[32];
    fputs("<section aria-labelledby=\"sjalvvardering\">\n", w->fp);
    char *title = msg(UF_MSG_HTML_ASSESSMENTS, year_text(y, w->m->report_year));
    heading(w, 2, "sjalvvardering", title);
    free(title);
    para(w, UF_MSG_HTML_ASSESSMENTS_INTRO);
    size_t shown = 0;
    for (size_t u = 0; u < w->p->nunits; u++) {
        const uf_view_unit_year *uy = uf_view_unit(v, w->m->report_index, u);
        if (uy->nassessments == 0)
            continue;
        snprintf(id, sizeof id, "sv-enhet-%zu", u + 1);
        heading(w, 3, id, w->p->units[u].name);
        for (size_t k = 0; k < uy->nassessments; k++)
            assessment(w, &v->assessments[uy->assessments + k], ++shown);
    }
    if (shown == 0)
        para(w, UF_MSG_HTML_NO_ASSESSMENTS);
    fputs("</section>\n", w->fp);
}

/* ---- coverage ---- */

static void coverage_table(page *w)
{
    const uf_view *v = w->v;
    char y[16];
    char *caption = msg(UF_MSG_HTML_COVERAGE_CAPTION);
    table_open(w, "cap-rapportering", caption);
    free(caption);
    fputs("<thead><tr>", w->fp);
    th_col(w, UF_MSG_HTML_COL_UNIT, false);
    th_col(w, UF_MSG_HTML_COL_TYPE, false);
    for (size_t k = 0; k < v->nyears_shown; k++)
        fprintf(w->fp, "<th scope=\"col\">%s</th>", year_text(y, w->m->years[uf_view_year(v, k)]));
    fputs("</tr></thead><tbody>\n", w->fp);
    char *yes = msg(UF_MSG_HTML_REPORTED), *no = msg(UF_MSG_HTML_MISSING);
    for (size_t u = 0; u < w->p->nunits; u++) {
        if (!uf_plan_unit_expected(w->p, u))
            continue;
        fputs("<tr><th scope=\"row\">", w->fp);
        put(w, w->p->units[u].name);
        fputs("</th><td>", w->fp);
        put(w, uf_unit_type_name(w->p->units[u].type));
        fputs("</td>", w->fp);
        for (size_t k = 0; k < v->nyears_shown; k++) {
            bool ok = uf_view_unit(v, uf_view_year(v, k), u)->reported;
            fputs("<td>", w->fp);
            badge(w, ok ? UF_STATUS_GREEN : UF_STATUS_RED, ok ? yes : no);
            fputs("</td>", w->fp);
        }
        fputs("</tr>\n", w->fp);
    }
    free(yes);
    free(no);
    table_close(w);
}

static void coverage(page *w)
{
    const uf_view *v = w->v;
    char y[16], a[UF_WEB_NUMBUF], n[UF_WEB_NUMBUF];
    fputs("<section aria-labelledby=\"rapportering\">\n", w->fp);
    char *title = msg(UF_MSG_HTML_COVERAGE);
    heading(w, 2, "rapportering", title);
    free(title);
    para(w, UF_MSG_HTML_COVERAGE_INTRO);
    para(w, UF_MSG_HTML_GUIDE_MISSING);
    fputs("<ul>\n", w->fp);
    for (size_t k = 0; k < v->nyears_shown; k++) {
        size_t yi = uf_view_year(v, k);
        fputs("<li>", w->fp);
        say(w, UF_MSG_HTML_COVERAGE_YEAR, year_text(y, w->m->years[yi]), count(a, v->reported[yi]),
            count(n, v->nexpected));
        fputs("</li>\n", w->fp);
    }
    fputs("</ul>\n", w->fp);
    coverage_table(w);
    fputs("</section>\n", w->fp);
}

/* ---- partners ---- */

static void partner_row(page *w, size_t k)
{
    const uf_view *v = w->v;
    const uf_partner *pt = &w->p->partners[k];
    char n[UF_WEB_NUMBUF];
    fputs("<tr><th scope=\"row\">", w->fp);
    put(w, pt->name);
    fputs("</th><td>", w->fp);
    put(w, uf_partner_type_name(pt->type));
    fputs("</td><td>", w->fp);
    put(w, pt->country);
    fputs("</td>", w->fp);
    for (size_t j = 0; j < v->nyears_shown; j++)
        fprintf(w->fp, "<td class=\"num\">%s</td>",
                count(n, w->m->partner_rows[uf_view_year(v, j) * w->p->npartners + k]));
    fputs("<td>", w->fp);
    if (w->m->partner_review[k]) {
        char *word = msg(UF_MSG_HTML_REVIEW);
        badge(w, UF_STATUS_RED, word);
        free(word);
    }
    fputs("</td></tr>\n", w->fp);
}

static void partners(page *w)
{
    const uf_view *v = w->v;
    char y[16];
    fputs("<section aria-labelledby=\"partner\">\n", w->fp);
    char *title = msg(UF_MSG_HTML_PARTNERS);
    heading(w, 2, "partner", title);
    free(title);
    if (w->p->npartners == 0) {
        para(w, UF_MSG_HTML_NO_PARTNERS);
        fputs("</section>\n", w->fp);
        return;
    }
    para(w, UF_MSG_HTML_PARTNERS_INTRO);
    char *caption = msg(UF_MSG_HTML_PARTNERS_CAPTION);
    table_open(w, "cap-partner", caption);
    free(caption);
    fputs("<thead><tr>", w->fp);
    th_col(w, UF_MSG_HTML_COL_PARTNER, false);
    th_col(w, UF_MSG_HTML_COL_TYPE, false);
    th_col(w, UF_MSG_HTML_COL_COUNTRY, false);
    for (size_t k = 0; k < v->nyears_shown; k++)
        fprintf(w->fp, "<th scope=\"col\" class=\"num\">%s</th>", year_text(y, w->m->years[uf_view_year(v, k)]));
    th_col(w, UF_MSG_HTML_COL_STATUS, false);
    fputs("</tr></thead><tbody>\n", w->fp);
    for (size_t k = 0; k < w->p->npartners; k++)
        partner_row(w, k);
    table_close(w);
    fputs("</section>\n", w->fp);
}

/* ---- rejected rows ---- */

static void rejected_list(page *w)
{
    const uf_diag_list *diags = w->v->diags;
    char place[600];
    char *caption = msg(UF_MSG_HTML_REJECTED_CAPTION);
    table_open(w, "cap-avvisat", caption);
    free(caption);
    fputs("<thead><tr>", w->fp);
    th_col(w, UF_MSG_HTML_COL_PLACE, false);
    th_col(w, UF_MSG_HTML_COL_REASON, false);
    fputs("</tr></thead><tbody>\n", w->fp);
    for (size_t k = 0; k < diags->count; k++) {
        const uf_diag *d = &diags->items[k];
        if (d->severity != UF_SEVERITY_ERROR)
            continue;
        uf_pdf_diag_place(place, sizeof place, diags, d);
        fputs("<tr><th scope=\"row\">", w->fp);
        put(w, place);
        fputs("</th><td>", w->fp);
        put(w, d->text);
        fputs("</td></tr>\n", w->fp);
    }
    table_close(w);
}

static void rejected(page *w)
{
    const uf_counts *c = &w->v->counts;
    char r[UF_WEB_NUMBUF], a[UF_WEB_NUMBUF], x[UF_WEB_NUMBUF], d[UF_WEB_NUMBUF], f[UF_WEB_NUMBUF];
    fputs("<section aria-labelledby=\"avvisat\">\n", w->fp);
    char *title = msg(UF_MSG_HTML_REJECTED);
    heading(w, 2, "avvisat", title);
    free(title);
    para(w, UF_MSG_HTML_REJECTED_INTRO);
    fputs("<p>", w->fp);
    say(w, UF_MSG_HTML_REJECTED_COUNTS, count(r, (size_t)c->rows_read), count(a, (size_t)c->rows_accepted),
        count(x, (size_t)c->rows_rejected), count(d, (size_t)c->rows_duplicate), count(f, (size_t)c->files_rejected));
    fputs("</p>\n", w->fp);
    if (w->v->diags->errors == 0)
        para(w, UF_MSG_HTML_NONE_REJECTED);
    else
        rejected_list(w);
    fputs("</section>\n", w->fp);
}

/* ---- the page ---- */

static void body(page *w)
{
    head(w);
    banner(w);
    toc(w);
    fputs("<main id=\"main\" tabindex=\"-1\">\n", w->fp);
    summary(w);
    guide(w);
    overview(w);
    for (size_t g = 0; g < w->p->ngoals; g++)
        goal(w, g);
    assessments(w);
    coverage(w);
    partners(w);
    rejected(w);
    fputs("</main>\n<footer><p>", w->fp);
    say(w, UF_MSG_HTML_GENERATOR, UF_VERSION);
    fputs("</p></footer>\n</body>\n</html>\n", w->fp);
}

uf_error uf_html_write_board_report(const uf_view *view, const char *path)
{
    uf_output out;
    uf_error err = uf_output_open_stream(&out, path);
    if (err != UF_OK)
        return err;
    page w = {out.fp, view, view->model, view->model->plan};
    body(&w);
    return uf_output_commit(&out);
}
