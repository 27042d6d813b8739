#include "render/template/template.h"

#include "common/text.h"
#include "common/util.h"
#include "render/csv/csv_export.h"
#include "output/output.h"
#include "render/xlsx/workbook.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* The submission's own columns first, so a filled-in file is read as it
 * is; then the reference columns the validator passes over in silence. */
enum { F_YEAR, F_UNIT, F_INDICATOR, F_VALUE, F_COMMENT, F_PARTNER, F_NAME, F_MEASURE, F_PREVIOUS, F_TARGET, F_RULES,
       F_COLUMNS };
static const char *const figure_header[F_COLUMNS] = {"år", "enhet", "indikator", "värde", "kommentar", "partner",
                                                     "namn", "måttenhet", "föregående", "målvärde", "anvisning"};
static const double figure_widths[F_COLUMNS] = {7, 16, 16, 12, 40, 16, 40, 12, 12, 16, 60};

enum { S_YEAR, S_UNIT, S_GOAL, S_ASSESSMENT, S_ANALYSIS, S_ACTIONS, S_NAME, S_COLUMNS };
static const char *const assessment_header[S_COLUMNS] = {"år", "enhet", "mål", "bedömning", "analys", "åtgärder", "namn"};
static const double assessment_widths[S_COLUMNS] = {7, 16, 8, 18, 60, 60, 50};

/* The contract's words, which the validator reads. */
static const char *assessment_words[] = {"uppnått", "delvis uppnått", "ej uppnått", NULL};

/* A self-assessment text's limit (contract v2), in characters. */
enum { TEXT_LIMIT = 4000 };

typedef struct unit_template {
    const uf_plan *plan;
    const uf_template_options *options;
    size_t unit;
    size_t previous_year; /* model year index of the year before, SIZE_MAX when none */
} unit_template;

/* ---- what each indicator row says ---- */

static void put_bound(uf_strbuf *sb, const char *label, double v)
{
    char buf[UF_NUMBUF];
    uf_strbuf_puts(sb, label);
    uf_strbuf_puts(sb, uf_fmt_number(buf, v, -1));
}

/* "Heltal, 0 eller större." and the like: the value rules in words. */
static void put_rules(uf_strbuf *sb, const uf_indicator *ind)
{
    if (ind->whole)
        uf_strbuf_puts(sb, "Heltal, 0 eller större.");
    else if (ind->percent)
        uf_strbuf_puts(sb, "Procent som tal (12 för 12 %), decimalkomma.");
    else
        uf_strbuf_puts(sb, "Tal, decimalkomma.");
    if (ind->has_min || ind->percent)
        put_bound(sb, " Minst ", ind->has_min ? ind->min : 0);
    if (ind->has_max || ind->percent)
        put_bound(sb, ind->has_min || ind->percent ? ", högst " : " Högst ", ind->has_max ? ind->max : 100);
    if (ind->has_min || ind->has_max || ind->percent)
        uf_strbuf_putc(sb, '.');
    uf_strbuf_puts(sb, " Lämna tomt om uppgift saknas (tomt är inte 0).");
}

static char *rules_text(const uf_indicator *ind)
{
    uf_strbuf sb = {0};
    if (*ind->description) {
        uf_strbuf_puts(&sb, ind->description);
        uf_strbuf_putc(&sb, ' ');
    }
    put_rules(&sb, ind);
    return uf_strbuf_take(&sb);
}

/* "50 (enhetens)": the target and whose it is; NULL when there is none. */
static char *target_text(const unit_template *t, size_t indicator)
{
    double target;
    uf_target_source source = uf_model_target_of(t->plan, indicator, t->unit, t->options->year, &target);
    if (source == UF_TARGET_NONE)
        return NULL;
    char buf[UF_NUMBUF], text[UF_NUMBUF + 32];
    snprintf(text, sizeof text, "%s (%s)", uf_fmt_number(buf, target, -1),
             source == UF_TARGET_OWN ? "enhetens" : "kommunens");
    return uf_xstrdup(text);
}

static double previous_value(const unit_template *t, size_t indicator)
{
    if (t->previous_year == SIZE_MAX)
        return NAN;
    return uf_model_figure(t->options->model, t->previous_year, indicator, t->unit)->value;
}

/* ---- the workbook ---- */

typedef struct book {
    lxw_workbook *wb;
    lxw_format *header, *locked, *open, *open_wrap, *wrap, *title, *number;
    size_t partner_rows; /* rows of the partner list on the hidden sheet */
} book;

static void make_formats(book *b)
{
    b->header = workbook_add_format(b->wb);
    format_set_bold(b->header);
    format_set_bg_color(b->header, 0xD9E1F2);
    format_set_bottom(b->header, LXW_BORDER_THIN);
    b->locked = workbook_add_format(b->wb);
    format_set_bg_color(b->locked, 0xF2F2F2);
    format_set_align(b->locked, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(b->locked, LXW_ALIGN_LEFT);
    b->wrap = workbook_add_format(b->wb);
    format_set_text_wrap(b->wrap);
    format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
    b->number = workbook_add_format(b->wb);
    format_set_num_format(b->number, "# ##0.####");
    format_set_bg_color(b->number, 0xF2F2F2);
    format_set_align(b->number, LXW_ALIGN_VERTICAL_TOP);
    b->open = workbook_add_format(b->wb);
    format_set_unlocked(b->open);
    format_set_align(b->open, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(b->open, 0xFFF2CC);
    format_set_border(b->open, LXW_BORDER_THIN);
    format_set_border_color(b->open, 0xBFBFBF);
    b->open_wrap = workbook_add_format(b->wb);
    format_set_unlocked(b->open_wrap);
    format_set_text_wrap(b->open_wrap);
    format_set_align(b->open_wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(b->open_wrap, 0xFFF2CC);
    format_set_border(b->open_wrap, LXW_BORDER_THIN);
    format_set_border_color(b->open_wrap, 0xBFBFBF);
    b->title = workbook_add_format(b->wb);
    format_set_bold(b->title);
    format_set_font_size(b->title, 14);
    format_set_text_wrap(b->title);
}

static void set_properties(book *b, const unit_template *t)
{
    char title[256];
    snprintf(title, sizeof title, "Inrapportering %d: %.*s", t->options->year,
             uf_utf8_prefix(t->plan->units[t->unit].name, 200), t->plan->units[t->unit].name);
    char *clean = uf_workbook_clean_text(title);
    lxw_doc_properties props = {
        .title = clean,
        .subject = "Mall för inrapportering till den internationella planens uppföljning",
        .author = "Kommunledningskontoret",
        .company = "Kommunledningskontoret",
        .comments = "Skapad av uppfolj " UF_VERSION,
        .created = t->options->created,
    };
    workbook_set_properties(b->wb, &props);
    free(clean);
}

static void write_header(lxw_worksheet *ws, const char *const *names, const double *widths, size_t n, lxw_format *f)
{
    for (size_t c = 0; c < n; c++) {
        worksheet_write_string(ws, 0, (lxw_col_t)c, names[c], f);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
}

/* Landscape A4, fit to width, the header row on every page. */
static void print_setup(lxw_worksheet *ws, size_t rows, size_t cols)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_print_area(ws, 0, 0, (lxw_row_t)(rows ? rows : 1), (lxw_col_t)(cols - 1));
}

/* Locked sheet, open cells typed in: the ids cannot be overwritten by
 * mistake. No password: the protection prevents slips, not intent. */
static void protect(lxw_worksheet *ws)
{
    lxw_protection p = {.format_columns = 1, .format_rows = 1, .autofilter = 1, .sort = 1};
    worksheet_protect(ws, NULL, &p);
}

/* Excel's limits: 32 characters of title, 255 of message. */
static char *clipped(const char *s, size_t max_bytes)
{
    char *clean = uf_workbook_clean_text(s);
    size_t chars = 0, i = 0, len = strlen(clean);
    while (i < len && chars < max_bytes) {
        uint32_t cp;
        i += uf_utf8_next(clean + i, len - i, &cp);
        chars++;
    }
    clean[i] = '\0';
    return clean;
}

static void validate_value(lxw_worksheet *ws, lxw_row_t row, const uf_indicator *ind)
{
    lxw_data_validation dv = {.ignore_blank = LXW_VALIDATION_ON, .show_input = LXW_VALIDATION_ON,
                              .show_error = LXW_VALIDATION_ON};
    double lo = ind->has_min ? ind->min : ind->whole || ind->percent ? 0 : -1e15;
    double hi = ind->has_max ? ind->max : ind->percent ? 100 : 1e15;
    if (ind->whole && lo < 0)
        lo = 0;
    dv.validate = ind->whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_number = lo;
    dv.maximum_number = hi;
    uf_strbuf sb = {0};
    uf_strbuf_puts(&sb, ind->name);
    uf_strbuf_puts(&sb, " (");
    uf_strbuf_puts(&sb, ind->measure);
    uf_strbuf_puts(&sb, "). ");
    put_rules(&sb, ind);
    char *message = uf_strbuf_take(&sb);
    char *title = clipped(ind->id, 32), *text = clipped(message, 255);
    uf_strbuf err = {0};
    put_rules(&err, ind);
    char *error_text = uf_strbuf_take(&err);
    char *error = clipped(error_text, 255);
    dv.input_title = title;
    dv.input_message = text;
    dv.error_title = "Ogiltigt värde";
    dv.error_message = error;
    worksheet_data_validation_cell(ws, row, F_VALUE, &dv);
    free(message);
    free(title);
    free(text);
    free(error_text);
    free(error);
}

/* Excel's limit for a list written into the validation itself. */
enum { INLINE_LIST_MAX = 255 };

/* The partner dropdown: the ids in the validation itself when they fit
 * Excel's 255 characters, else a range of the hidden list sheet.
 * libxlsxwriter 1.1.4 does not free a range's formula (a few bytes per
 * workbook; tests/lsan.supp names it for the sanitizer runs). */
static void validate_partner(const book *b, const uf_plan *p, lxw_worksheet *ws, lxw_row_t first, lxw_row_t last)
{
    if (b->partner_rows == 0 || last < first)
        return;
    lxw_data_validation dv = {.ignore_blank = LXW_VALIDATION_ON, .show_input = LXW_VALIDATION_ON,
                              .show_error = LXW_VALIDATION_ON,
                              .input_title = "Partner (frivilligt)",
                              .input_message = "Välj den registrerade partner som värdet gäller, eller lämna tomt.",
                              .error_title = "Okänd partner",
                              .error_message = "Välj en partner i listan (namnen står på fliken Listor)."};
    size_t chars = 0;
    for (size_t k = 0; k < p->npartners; k++)
        chars += strlen(p->partners[k].id) + (k > 0);
    char formula[64];
    const char **ids = NULL;
    if (chars <= INLINE_LIST_MAX) {
        ids = uf_xcalloc(p->npartners + 1, sizeof *ids);
        for (size_t k = 0; k < p->npartners; k++)
            ids[k] = p->partners[k].id;
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = (char **)ids;
    } else {
        snprintf(formula, sizeof formula, "=Listor!$A$2:$A$%zu", b->partner_rows + 1);
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = formula;
    }
    worksheet_data_validation_range(ws, first, F_PARTNER, last, F_PARTNER, &dv);
    free(ids);
}

/* Lines a wrapped text takes in a column of the given width (characters). */
static size_t wrapped_lines(const char *s, double width)
{
    size_t chars = 0;
    for (; *s; s++)
        chars += ((unsigned char)*s & 0xC0) != 0x80;
    size_t per_line = width > 4 ? (size_t)(width * 1.1) : 4;
    return chars / per_line + 1;
}

/* Rows as high as their longest wrapped text: neither Excel nor
 * LibreOffice fits a row to a text written by libxlsxwriter. */
static void fit_row(lxw_worksheet *ws, lxw_row_t row, const char *name, const char *rules)
{
    size_t lines = wrapped_lines(name, figure_widths[F_NAME]);
    size_t more = wrapped_lines(rules, figure_widths[F_RULES]);
    if (more > lines)
        lines = more;
    worksheet_set_row(ws, row, 15.0 * (double)(lines < 12 ? lines : 12), NULL);
}

/* The id columns as wide as their longest id. */
static void fit_id_columns(const unit_template *t, lxw_worksheet *ws)
{
    const uf_plan *p = t->plan;
    size_t widest = 12;
    for (size_t i = 0; i < p->nindicators; i++)
        if (uf_plan_applies(p, i, t->unit) && strlen(p->indicators[i].id) > widest)
            widest = strlen(p->indicators[i].id);
    worksheet_set_column(ws, F_INDICATOR, F_INDICATOR, (double)(widest < 60 ? widest : 60) + 2, NULL);
    size_t unit = strlen(p->units[t->unit].id);
    worksheet_set_column(ws, F_UNIT, F_UNIT, (double)(unit < 60 ? (unit > 12 ? unit : 12) : 60) + 2, NULL);
}

static void write_figures(const book *b, const unit_template *t, lxw_worksheet *ws)
{
    const uf_plan *p = t->plan;
    write_header(ws, figure_header, figure_widths, F_COLUMNS, b->header);
    fit_id_columns(t, ws);
    lxw_row_t row = 1;
    for (size_t i = 0; i < p->nindicators; i++) {
        if (!uf_plan_applies(p, i, t->unit))
            continue;
        const uf_indicator *ind = &p->indicators[i];
        worksheet_write_number(ws, row, F_YEAR, t->options->year, b->locked);
        uf_workbook_write_text(ws, row, F_UNIT, p->units[t->unit].id, b->locked);
        uf_workbook_write_text(ws, row, F_INDICATOR, ind->id, b->locked);
        worksheet_write_blank(ws, row, F_VALUE, b->open);
        worksheet_write_blank(ws, row, F_COMMENT, b->open_wrap);
        worksheet_write_blank(ws, row, F_PARTNER, b->open);
        uf_workbook_write_text(ws, row, F_NAME, ind->name, b->wrap);
        uf_workbook_write_text(ws, row, F_MEASURE, ind->measure, b->wrap);
        double previous = previous_value(t, i);
        if (isfinite(previous))
            worksheet_write_number(ws, row, F_PREVIOUS, previous, b->number);
        char *target = target_text(t, i);
        uf_workbook_write_text(ws, row, F_TARGET, target, b->wrap);
        free(target);
        char *rules = rules_text(ind);
        uf_workbook_write_text(ws, row, F_RULES, rules, b->wrap);
        fit_row(ws, row, ind->name, rules);
        free(rules);
        validate_value(ws, row, ind);
        row++;
    }
    validate_partner(b, p, ws, 1, row - 1);
    protect(ws);
    print_setup(ws, row - 1, F_COLUMNS);
}

static void write_assessments(const book *b, const unit_template *t, lxw_worksheet *ws)
{
    const uf_plan *p = t->plan;
    write_header(ws, assessment_header, assessment_widths, S_COLUMNS, b->header);
    for (size_t g = 0; g < p->ngoals; g++) {
        lxw_row_t row = (lxw_row_t)(g + 1);
        worksheet_write_number(ws, row, S_YEAR, t->options->year, b->locked);
        uf_workbook_write_text(ws, row, S_UNIT, p->units[t->unit].id, b->locked);
        uf_workbook_write_text(ws, row, S_GOAL, p->goals[g].id, b->locked);
        worksheet_write_blank(ws, row, S_ASSESSMENT, b->open);
        worksheet_write_blank(ws, row, S_ANALYSIS, b->open_wrap);
        worksheet_write_blank(ws, row, S_ACTIONS, b->open_wrap);
        uf_workbook_write_text(ws, row, S_NAME, p->goals[g].name, b->wrap);
        worksheet_set_row(ws, row, 60, NULL);
    }
    if (p->ngoals > 0) {
        lxw_row_t last = (lxw_row_t)p->ngoals;
        lxw_data_validation words = {.validate = LXW_VALIDATION_TYPE_LIST, .value_list = (char **)assessment_words,
                                     .ignore_blank = LXW_VALIDATION_ON, .show_input = LXW_VALIDATION_ON,
                                     .show_error = LXW_VALIDATION_ON,
                                     .input_title = "Bedömning",
                                     .input_message = "Hur väl har enheten nått målet? Välj uppnått, delvis uppnått "
                                                      "eller ej uppnått.",
                                     .error_title = "Okänd bedömning",
                                     .error_message = "Välj uppnått, delvis uppnått eller ej uppnått i listan."};
        worksheet_data_validation_range(ws, 1, S_ASSESSMENT, last, S_ASSESSMENT, &words);
        lxw_data_validation length = {.validate = LXW_VALIDATION_TYPE_LENGTH,
                                      .criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO,
                                      .value_number = TEXT_LIMIT, .ignore_blank = LXW_VALIDATION_ON,
                                      .show_error = LXW_VALIDATION_ON,
                                      .error_title = "För lång text",
                                      .error_message = "Högst 4 000 tecken per text."};
        worksheet_data_validation_range(ws, 1, S_ANALYSIS, last, S_ACTIONS, &length);
    }
    protect(ws);
    print_setup(ws, p->ngoals, S_COLUMNS);
}

static const char *const instructions[] = {
    "Så fyller du i mallen",
    "1. Fliken Siffror har en rad per indikator som gäller er enhet. År, enhet och indikator är redan ifyllda och "
    "låsta; fyll i de gula cellerna.",
    "2. Skriv värdet i kolumnen värde. Lämna cellen tom om ni inte har någon uppgift: tomt betyder ej rapporterat. "
    "Skriv aldrig 0 i stället för tomt – 0 är ett värde.",
    "3. Skriv tal med decimalkomma (12,5). Procent skrivs som tal från 0 till 100 (12 för 12 %). Vilka värden som "
    "är tillåtna visas när du klickar i cellen och står i kolumnen anvisning.",
    "4. Kommentar och partner är frivilliga. Välj partner i listan; den visar kommunens registrerade partners.",
    "5. Fliken Självvärdering har en rad per mål: välj en bedömning (uppnått, delvis uppnått eller ej uppnått) och "
    "skriv en kort analys och de åtgärder ni planerar. Högst 4 000 tecken per text. En analys utan bedömning "
    "avvisas.",
    "6. Kolumnerna namn, måttenhet, föregående (förra årets värde), målvärde och anvisning är bara till hjälp och "
    "läses inte in. Lägg inte till eller ta bort rader.",
    "7. Spara filen som Excel-arbetsbok (.xlsx) med samma namn. Den som hellre arbetar i CSV kan fylla i "
    "CSV-filerna i stället; spara då som ”CSV UTF-8 (kommaavgränsad)”.",
    "8. Kontrollera filen innan du skickar den (om uppfolj finns hos er): uppfolj validate inputs FILEN.xlsx – då "
    "ska inga fel visas.",
    "9. Skicka den ifyllda filen till kommunledningskontoret, som skickade mallen till er. Kommunledningskontoret "
    "lägger den i inrapportering/ÅÅÅÅ/ och sammanställer årets uppföljning.",
};

static void write_instructions(const book *b, const unit_template *t, lxw_worksheet *ws)
{
    char title[320];
    const uf_unit *u = &t->plan->units[t->unit];
    snprintf(title, sizeof title, "Inrapportering %d för %.*s (%s)", t->options->year,
             uf_utf8_prefix(u->name, 200), u->name, u->id);
    uf_workbook_write_text(ws, 0, 0, title, b->title);
    enum { WIDTH = 72 };
    worksheet_set_column(ws, 0, 0, WIDTH, b->wrap);
    worksheet_set_row(ws, 0, 20.0 * (double)wrapped_lines(title, WIDTH * 0.75), NULL);
    for (size_t k = 0; k < sizeof instructions / sizeof instructions[0]; k++) {
        char year[16];
        snprintf(year, sizeof year, "%d", t->options->year);
        const char *s = instructions[k];
        const char *mark = strstr(s, "ÅÅÅÅ");
        uf_strbuf sb = {0};
        if (mark) {
            uf_strbuf_append(&sb, s, (size_t)(mark - s));
            uf_strbuf_puts(&sb, year);
            uf_strbuf_puts(&sb, mark + strlen("ÅÅÅÅ"));
        } else {
            uf_strbuf_puts(&sb, s);
        }
        char *line = uf_strbuf_take(&sb);
        worksheet_write_string(ws, (lxw_row_t)(k + 2), 0, line, k == 0 ? b->header : b->wrap);
        worksheet_set_row(ws, (lxw_row_t)(k + 2), 15.0 * (double)wrapped_lines(line, WIDTH), NULL);
        free(line);
    }
    worksheet_set_portrait(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
}

/* The partners the dropdown offers, on a hidden sheet: a list written into
 * the validation itself is limited to 255 characters. */
static void write_partner_list(book *b, const uf_plan *p, lxw_worksheet *ws)
{
    worksheet_write_string(ws, 0, 0, "Id", b->header);
    worksheet_write_string(ws, 0, 1, "Partnernamn", b->header);
    worksheet_write_string(ws, 0, 2, "Land", b->header);
    for (size_t k = 0; k < p->npartners; k++) {
        uf_workbook_write_text(ws, (lxw_row_t)(k + 1), 0, p->partners[k].id, NULL);
        uf_workbook_write_text(ws, (lxw_row_t)(k + 1), 1, p->partners[k].name, NULL);
        uf_workbook_write_text(ws, (lxw_row_t)(k + 1), 2, p->partners[k].country, NULL);
    }
    worksheet_set_column(ws, 0, 0, 20, NULL);
    worksheet_set_column(ws, 1, 1, 40, NULL);
    b->partner_rows = p->npartners;
    worksheet_hide(ws);
}

static uf_error write_book(const unit_template *t, const char *temp_path)
{
    lxw_workbook_options opts = {0};
    const char *tmpdir = getenv("TMPDIR");
    opts.tmpdir = tmpdir && *tmpdir ? (char *)tmpdir : NULL;
    book b = {.wb = workbook_new_opt(temp_path, &opts)};
    if (!b.wb)
        return UF_ERROR_XLSX;
    make_formats(&b);
    set_properties(&b, t);
    lxw_worksheet *figures = workbook_add_worksheet(b.wb, "Siffror");
    lxw_worksheet *assessments = workbook_add_worksheet(b.wb, "Självvärdering");
    lxw_worksheet *help = workbook_add_worksheet(b.wb, "Instruktioner");
    lxw_worksheet *lists = workbook_add_worksheet(b.wb, "Listor");
    write_partner_list(&b, t->plan, lists);
    write_figures(&b, t, figures);
    write_assessments(&b, t, assessments);
    write_instructions(&b, t, help);
    worksheet_activate(figures);
    return uf_workbook_close(b.wb);
}

/* ---- the CSV files ---- */

/* Swedish Excel's dialect: a BOM, then the header with ';' and CRLF. */
static void put_csv_header(FILE *fp, const char *const *names, size_t n)
{
    fputs("\xEF\xBB\xBF", fp);
    for (size_t c = 0; c < n; c++)
        fprintf(fp, "%s%s", c ? ";" : "", names[c]);
    fputs("\r\n", fp);
}

static void put_ids(FILE *fp, const unit_template *t, const char *id)
{
    fprintf(fp, "%d;%s;%s;", t->options->year, t->plan->units[t->unit].id, id);
}

static void write_figures_csv(const unit_template *t, FILE *fp)
{
    const uf_plan *p = t->plan;
    put_csv_header(fp, figure_header, F_COLUMNS);
    for (size_t i = 0; i < p->nindicators; i++) {
        if (!uf_plan_applies(p, i, t->unit))
            continue;
        const uf_indicator *ind = &p->indicators[i];
        put_ids(fp, t, ind->id);
        fputs(";;;", fp);
        uf_csv_put_text(fp, ind->name);
        fputc(';', fp);
        uf_csv_put_text(fp, ind->measure);
        fputc(';', fp);
        uf_csv_put_number(fp, previous_value(t, i));
        fputc(';', fp);
        char *target = target_text(t, i);
        uf_csv_put_text(fp, target ? target : "");
        free(target);
        fputc(';', fp);
        char *rules = rules_text(ind);
        uf_csv_put_text(fp, rules);
        free(rules);
        fputs("\r\n", fp);
    }
}

static void write_assessments_csv(const unit_template *t, FILE *fp)
{
    const uf_plan *p = t->plan;
    put_csv_header(fp, assessment_header, S_COLUMNS);
    for (size_t g = 0; g < p->ngoals; g++) {
        put_ids(fp, t, p->goals[g].id);
        fputs(";;;", fp);
        uf_csv_put_text(fp, p->goals[g].name);
        fputs("\r\n", fp);
    }
}

/* ---- one unit, all units ---- */

static uf_error write_csv(const unit_template *t, const char *path, void (*fill)(const unit_template *, FILE *))
{
    uf_output out;
    uf_error err = uf_output_open_stream(&out, path);
    if (err != UF_OK)
        return err;
    fill(t, out.fp);
    return uf_output_commit(&out);
}

static uf_error write_xlsx(const unit_template *t, const char *path)
{
    uf_output out;
    uf_error err = uf_output_begin(&out, path);
    if (err != UF_OK)
        return err;
    err = write_book(t, out.temp_path);
    if (err != UF_OK) {
        uf_output_abort(&out);
        return err;
    }
    return uf_output_commit(&out);
}

static uf_error write_unit(const unit_template *t, const char *dir, char **failed)
{
    static const char *const suffixes[] = {".xlsx", ".csv", "-sjalvvardering.csv"};
    uf_error err = UF_OK;
    for (size_t k = 0; k < 3 && err == UF_OK; k++) {
        char name[512];
        snprintf(name, sizeof name, "%s-%d%s", uf_plan_unit_stem(t->plan, t->unit), t->options->year, suffixes[k]);
        char *path = uf_path_join(dir, name);
        err = k == 0 ? write_xlsx(t, path)
            : k == 1 ? write_csv(t, path, write_figures_csv)
                     : write_csv(t, path, write_assessments_csv);
        if (err != UF_OK)
            *failed = path;
        else
            free(path);
    }
    return err;
}

/* The model's index of the year before the round, SIZE_MAX when it has no data. */
static size_t previous_index(const uf_model *m, int year)
{
    for (size_t y = 0; m && y < m->nyears; y++)
        if (m->years[y] == year - 1)
            return y;
    return SIZE_MAX;
}

uf_error uf_template_write_all(const uf_plan *plan, const uf_template_options *options, const char *dir,
                               char **failed)
{
    *failed = NULL;
    size_t previous = previous_index(options->model, options->year);
    for (size_t u = 0; u < plan->nunits; u++) {
        if (!uf_plan_unit_expected(plan, u))
            continue; /* no indicator applies: the unit does not report */
        unit_template t = {plan, options, u, previous};
        uf_error err = write_unit(&t, dir, failed);
        if (err != UF_OK)
            return err;
    }
    return UF_OK;
}
