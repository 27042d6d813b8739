#include "render/xlsx/workbook.h"

#include "common/text.h"
#include "common/util.h"
#include "output/output.h"
#include "render/xlsx/zip_verify.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

/* Workbooks with more cells than this are written row by row
 * (constant_memory): libxlsxwriter otherwise holds every cell, about 1 kB
 * each with its row and string, until it closes the workbook. Cells, not
 * Rådata rows: 100 000 units and 371 rows make 1.4 GB in goal sheets and
 * Enheter alone. Half a million cells is the old 50 000 rows of Rådata. */
enum { CONSTANT_MEMORY_CELLS = 500000, EXCEL_TEXT_MAX = 32767 };

typedef struct wb {
    lxw_workbook *book;
    const uf_model *model;
    const uf_view *view;
    const uf_diag_list *diags;
    const uf_workbook_options *options;
    lxw_format *title, *header, *header_activities, *bold, *text, *wrap;
    lxw_format *whole, *decimal, *percent_value, *change_pct, *change_points, *link;
    lxw_format *status[UF_STATUS_COUNT];
    /* A figure with its status in one cell: the fill and a symbol in the
     * number format ("12 ✔"), so that big sheets stay half the size. */
    lxw_format *figure[3][UF_STATUS_COUNT][2]; /* [kind][status][preliminary: "*"] */
    /* Each input file's name as a cell shows it (shown_file, made safe
     * by cleaned), by diagnostics file id: once per file, not per row. */
    char **files;
} wb;

/* libxlsxwriter returns NULL when malloc fails and its setters do not check:
 * out of memory ends the run cleanly (temporary files removed, status 2). */
static void *got(void *p)
{
    if (!p)
        uf_out_of_memory();
    return p;
}

/* Printed on A4 across, as wide as the page and as long as it takes, the
 * header row on every page and the sheet's name and page in the footer.
 * Sheets whose header is not the first row repeat theirs instead. */
static void print_setup(lxw_worksheet *ws)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_set_footer(ws, uf_msg_text(UF_MSG_XLSX_FOOTER));
}

/* A worksheet; NULL only for a name the workbook refuses (not for memory). */
static lxw_worksheet *add_sheet(lxw_workbook *book, const char *name)
{
    if (workbook_validate_sheet_name(book, name) != LXW_NO_ERROR)
        return NULL;
    lxw_worksheet *ws = got(workbook_add_worksheet(book, name));
    print_setup(ws);
    return ws;
}

/* ---- cells ---- */

/* "_x0041_" in a cell is Excel's escape for 'A': text that holds such a
 * sequence gets its '_' escaped as "_x005F_", so that it shows as written. */
static bool excel_escape_at(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return false;
    for (int k = 2; k < 6; k++)
        if (!s[k] || !strchr("0123456789abcdefABCDEF", s[k]))
            return false;
    return s[6] == '_';
}

/* A copy of s that a workbook can hold, or NULL when s can go as it is:
 * control characters that XML cannot hold are replaced by spaces, for a cell
 * (in_cell) Excel's own escapes are escaped, and text beyond Excel's cell
 * limit is cut at a character. The limit counts UTF-16 units, as Excel does
 * (a character beyond U+FFFF is two), and the escapes written. */
static char *excel_text(const char *s, bool in_cell)
{
    size_t len = strlen(s), units = 0;
    bool clean = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        clean = clean && (c >= 0x20 || c == '\n' || c == '\t') && !(in_cell && excel_escape_at(s + i));
        if ((c & 0xC0) != 0x80)
            units += c >= 0xF0 ? 2 : 1;
    }
    if (clean && units <= EXCEL_TEXT_MAX)
        return NULL;
    uf_strbuf sb = {0};
    units = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (n > len - i)
            n = len - i;
        bool escape = in_cell && excel_escape_at(s + i);
        size_t cost = (c >= 0xF0 ? 2 : 1) + (escape ? 6 : 0);
        if (units + cost > EXCEL_TEXT_MAX)
            break;
        if (escape)
            uf_strbuf_puts(&sb, "_x005F");
        if (c < 0x20 && c != '\n' && c != '\t')
            uf_strbuf_putc(&sb, ' ');
        else
            uf_strbuf_append(&sb, s + i, n);
        units += cost;
        i += n;
    }
    return uf_strbuf_take(&sb);
}

/* A copy of s that a workbook can hold, or NULL when s can go as it is:
 * first XML 1.0 characters only (uf_text_xml), then Excel's rules. */
static char *cleaned(const char *s, bool in_cell)
{
    char *xml = uf_text_xml(s, NULL);
    char *excel = excel_text(xml ? xml : s, in_cell);
    if (!excel)
        return xml;
    free(xml);
    return excel;
}

/* Submission and plan text becomes a string cell, never a formula:
 * worksheet_write_string does not interpret '=' and friends. */
static void write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
    if (!s || !*s)
        return;
    char *copy = cleaned(s, true);
    worksheet_write_string(ws, row, col, copy ? copy : s, f);
    free(copy);
}

/* Only finite numbers: a worksheet cannot hold INF or NaN (it would be
 * written as <v>INF</v> and the workbook would not open). */
static void write_value(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
    if (isfinite(v))
        worksheet_write_number(ws, row, col, v, f);
}

static void write_status(const wb *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, uf_status s)
{
    char text[96];
    snprintf(text, sizeof text, "%s %s", uf_status_symbol(s), uf_status_word(s));
    worksheet_write_string(ws, row, col, text, w->status[s]);
}

/* "◐ Delvis uppnått", and for a preliminary figure its rejected rows. */
static void write_word(const wb *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const uf_figure *f)
{
    char text[160], n[UF_NUMBUF];
    uf_status s = uf_word_status(f->word);
    int len = snprintf(text, sizeof text, "%s %s", uf_status_symbol(s), uf_word_text(f->word));
    if (uf_figure_preliminary(f)) {
        char *prelim = f->rejected == 1 ? uf_msg_format(UF_MSG_PRELIM_ONE)
                                        : uf_msg_format(UF_MSG_PRELIM_N, uf_fmt_count(n, f->rejected));
        snprintf(text + len, sizeof text - (size_t)len, " (%s)", prelim ? prelim : "");
        free(prelim);
    }
    worksheet_write_string(ws, row, col, text, w->status[s]);
}

/* The source of a figure's target, in words: "eget", "kommunens". */
static void write_target_source(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const uf_figure *f)
{
    if (f->target_source == UF_TARGET_OWN)
        worksheet_write_string(ws, row, col, uf_msg_text(UF_MSG_TARGET_OWN), NULL);
    else if (f->target_source == UF_TARGET_WHOLE)
        worksheet_write_string(ws, row, col, uf_msg_text(UF_MSG_TARGET_WHOLE), NULL);
}

enum { KIND_WHOLE, KIND_DECIMAL, KIND_PERCENT };
static const char *kind_codes[] = {"#,##0", "#,##0.0", "0.0\" %\""};

static int value_kind(const wb *w, size_t indicator)
{
    const uf_indicator *ind = &w->model->plan->indicators[indicator];
    if (ind->percent)
        return KIND_PERCENT;
    return ind->whole && ind->aggregation != UF_AGG_MEAN ? KIND_WHOLE : KIND_DECIMAL;
}

static lxw_format *value_format(const wb *w, size_t indicator)
{
    lxw_format *plain[] = {w->whole, w->decimal, w->percent_value};
    return plain[value_kind(w, indicator)];
}

/* A figure and its status in one cell; a missing figure shows "–". */
static void write_figure(const wb *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, size_t indicator,
                         const uf_figure *f)
{
    lxw_format *fmt = w->figure[value_kind(w, indicator)][f->status][uf_figure_preliminary(f)];
    if (!isfinite(f->value))
        worksheet_write_string(ws, row, col, uf_status_symbol(UF_STATUS_GREY), fmt);
    else
        worksheet_write_number(ws, row, col, f->value, fmt);
}

static void write_legend(const wb *w, lxw_worksheet *ws, lxw_row_t row)
{
    for (int s = 0; s < UF_STATUS_COUNT; s++)
        write_status(w, ws, row, (lxw_col_t)(2 + s), (uf_status)s);
}

static void write_headers(const wb *w, lxw_worksheet *ws, lxw_row_t row, const char *const *names, size_t n)
{
    for (size_t c = 0; c < n; c++)
        worksheet_write_string(ws, row, (lxw_col_t)c, names[c], w->header);
}

/* The file name as the clerk knows it: relative to the input folder. */
static const char *shown_file(const wb *w, uint32_t file)
{
    const char *name = uf_diag_file_name(w->diags, file);
    size_t n = strlen(w->options->inputs);
    if (n && strncmp(name, w->options->inputs, n) == 0 && name[n] == '/')
        return name + n + 1;
    return name;
}

static char **shown_files(const wb *w)
{
    size_t n = w->diags->nfiles;
    char **files = uf_xcalloc(n ? n : 1, sizeof *files);
    for (size_t k = 0; k < n; k++) {
        const char *name = shown_file(w, (uint32_t)k);
        char *copy = cleaned(name, true);
        files[k] = copy ? copy : uf_xstrdup(name);
    }
    return files;
}

static void free_files(const wb *w)
{
    for (size_t k = 0; k < w->diags->nfiles; k++)
        free(w->files[k]);
    free(w->files);
}

/* ---- formats ---- */

static lxw_format *status_format(lxw_workbook *book, uint32_t fill, uint32_t font)
{
    lxw_format *f = got(workbook_add_format(book));
    format_set_bg_color(f, fill);
    format_set_font_color(f, font);
    return f;
}

static void make_figure_formats(wb *w)
{
    static const uint32_t fills[] = {0xC6EFCE, 0xFFEB9C, 0xFFC7CE, 0xE7E6E6};
    static const uint32_t fonts[] = {0x006100, 0x7F6000, 0x9C0006, 0x3A3A3A};
    for (int k = 0; k < 3; k++) {
        for (int s = 0; s < UF_STATUS_COUNT; s++) {
            for (int prelim = 0; prelim < 2; prelim++) {
                char code[64];
                snprintf(code, sizeof code, "%s\" %s%s\"", kind_codes[k], uf_status_symbol((uf_status)s),
                         prelim ? uf_msg_text(UF_MSG_PRELIM_MARK) : "");
                lxw_format *f = status_format(w->book, fills[s], fonts[s]);
                format_set_num_format(f, code);
                format_set_align(f, LXW_ALIGN_RIGHT);
                w->figure[k][s][prelim] = f;
            }
        }
    }
}

static void make_formats(wb *w)
{
    lxw_workbook *b = w->book;
    w->title = got(workbook_add_format(b));
    format_set_bold(w->title);
    format_set_font_size(w->title, 14);
    w->header = got(workbook_add_format(b));
    format_set_bold(w->header);
    format_set_bg_color(w->header, 0xD9E1F2);
    format_set_bottom(w->header, LXW_BORDER_THIN);
    format_set_text_wrap(w->header);
    format_set_align(w->header, LXW_ALIGN_VERTICAL_TOP);
    /* A year in a header is a number; the words around it are its format. */
    char code[64];
    snprintf(code, sizeof code, "\"%s\"0", uf_msg_text(UF_MSG_HEAD_ACTIVITIES_YEAR));
    w->header_activities = got(workbook_add_format(b));
    format_set_bold(w->header_activities);
    format_set_bg_color(w->header_activities, 0xD9E1F2);
    format_set_bottom(w->header_activities, LXW_BORDER_THIN);
    format_set_align(w->header_activities, LXW_ALIGN_LEFT);
    format_set_num_format(w->header_activities, code);
    w->bold = got(workbook_add_format(b));
    format_set_bold(w->bold);
    w->text = NULL;
    w->wrap = got(workbook_add_format(b));
    format_set_text_wrap(w->wrap);
    format_set_align(w->wrap, LXW_ALIGN_VERTICAL_TOP);
    /* Format codes are stored in the file's en-US notation; Swedish Excel
     * shows "#,##0.0" as 1 234,5. */
    w->whole = got(workbook_add_format(b));
    format_set_num_format(w->whole, "#,##0");
    w->decimal = got(workbook_add_format(b));
    format_set_num_format(w->decimal, "#,##0.0");
    w->percent_value = got(workbook_add_format(b));
    format_set_num_format(w->percent_value, "0.0\" %\"");
    w->change_pct = got(workbook_add_format(b));
    format_set_num_format(w->change_pct, "0%");
    /* A change of a share in per cent is in percentage points, not per cent. */
    char points[64];
    const char *unit = uf_msg_text(UF_MSG_XLSX_POINTS);
    snprintf(points, sizeof points, "+0.0\"%s\";-0.0\"%s\";0.0\"%s\"", unit, unit, unit);
    w->change_points = got(workbook_add_format(b));
    format_set_num_format(w->change_points, points);
    w->link = got(workbook_add_format(b));
    format_set_bold(w->link);
    format_set_underline(w->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(w->link, 0x1F4E79);
    /* Okabe–Ito-like fills with dark text; the word and symbol carry the meaning too. */
    w->status[UF_STATUS_GREEN] = status_format(b, 0xC6EFCE, 0x006100);
    w->status[UF_STATUS_YELLOW] = status_format(b, 0xFFEB9C, 0x7F6000);
    w->status[UF_STATUS_RED] = status_format(b, 0xFFC7CE, 0x9C0006);
    w->status[UF_STATUS_GREY] = status_format(b, 0xE7E6E6, 0x3A3A3A);
    make_figure_formats(w);
}

static void set_properties(wb *w)
{
    char year[16];
    snprintf(year, sizeof year, "%d", w->model->report_year);
    /* libxlsxwriter's fields are not const: copies of the vocabulary's texts. */
    char *title = uf_msg_xformat(UF_MSG_HTML_TITLE, year), *comments = uf_msg_xformat(UF_MSG_WB_COMMENTS, UF_VERSION);
    char *subject = uf_xstrdup(uf_msg_text(UF_MSG_WB_SUBJECT)), *author = uf_xstrdup(uf_msg_text(UF_MSG_PDF_AUTHOR));
    char *keywords = uf_xstrdup(uf_msg_text(UF_MSG_WB_KEYWORDS));
    lxw_doc_properties props = {
        .title = title,
        .subject = subject,
        .author = author,
        .company = author,
        .keywords = keywords,
        .comments = comments,
        .created = w->options->created,
    };
    workbook_set_properties(w->book, &props);
    free(title);
    free(comments);
    free(subject);
    free(author);
    free(keywords);
}

/* ---- Sammanfattning ---- */

static lxw_row_t summary_counts(const wb *w, lxw_worksheet *ws, lxw_row_t row)
{
    const uf_model *m = w->model;
    const uf_counts *c = &w->view->counts;
    char year[16], a[32], b[32];
    snprintf(year, sizeof year, "%d", m->report_year);
    snprintf(a, sizeof a, "%zu", w->view->reported[m->report_index]);
    snprintf(b, sizeof b, "%zu", w->view->nexpected);
    char *text = uf_msg_xformat(UF_MSG_HTML_TITLE, year);
    worksheet_write_string(ws, row++, 0, text, w->title);
    free(text);
    text = uf_msg_xformat(UF_MSG_CLI_COVERAGE, year, a, b);
    worksheet_write_string(ws, row++, 0, text, NULL);
    free(text);
    if (c->rows_rejected > 0) {
        char n[UF_NUMBUF];
        char *prelim = uf_msg_format(UF_MSG_BOARD_PRELIMINARY, uf_fmt_count(n, c->rows_rejected));
        write_text(ws, row++, 0, prelim, w->status[UF_STATUS_YELLOW]);
        free(prelim);
    }
    row++;
    const uf_msg labels[] = {UF_MSG_WB_ROWS_READ, UF_MSG_WB_ROWS_ACCEPTED, UF_MSG_HEAD_REJECTED_ROWS,
                             UF_MSG_WB_ROWS_DUPLICATE, UF_MSG_WB_FILES_READ, UF_MSG_WB_FILES_REJECTED};
    long values[] = {c->rows_read, c->rows_accepted, c->rows_rejected, c->rows_duplicate, c->files_read, c->files_rejected};
    for (size_t k = 0; k < 6; k++) {
        worksheet_write_string(ws, row, 0, uf_msg_text(labels[k]), NULL);
        worksheet_write_number(ws, row++, 1, (double)values[k], w->whole);
    }
    return row + 1;
}

/* The goal's title, a link to its sheet (sheet: NULL when it has none). */
static void summary_goal_title(const wb *w, lxw_worksheet *ws, lxw_row_t row, const uf_goal *goal, const char *sheet)
{
    char *title = uf_msg_xformat(UF_MSG_HTML_GOAL, goal->id, goal->name);
    char *shown = cleaned(title, true);
    /* goal_sheet_name leaves no quote in a sheet's name. */
    char *url = sheet ? uf_asprintf("internal:'%s'!A1", sheet) : NULL;
    if (!url || worksheet_write_url_opt(ws, row, 0, url, w->link, shown ? shown : title, NULL) != LXW_NO_ERROR)
        write_text(ws, row, 0, title, w->bold);
    free(url);
    free(shown);
    free(title);
}

static void summary_goal_row(const wb *w, lxw_worksheet *ws, lxw_row_t row, size_t g, const char *sheet)
{
    const uf_model *m = w->model;
    summary_goal_title(w, ws, row, &m->plan->goals[g], sheet);
    for (int s = 0; s < UF_STATUS_COUNT; s++) {
        char text[160];
        snprintf(text, sizeof text, "%s %s: %zu", uf_status_symbol((uf_status)s), uf_status_word((uf_status)s),
                 uf_model_goal_count(m, m->report_index, g, (uf_status)s));
        worksheet_write_string(ws, row, (lxw_col_t)(8 + s), text, w->status[s]);
    }
}

static void summary_indicator_row(const wb *w, lxw_worksheet *ws, lxw_row_t row, size_t i)
{
    const uf_model *m = w->model;
    const uf_indicator *ind = &m->plan->indicators[i];
    const uf_figure *f = uf_model_figure(m, m->report_index, i, UF_WHOLE_MUNICIPALITY);
    lxw_format *vf = value_format(w, i);
    write_text(ws, row, 0, ind->name, w->wrap);
    write_text(ws, row, 1, ind->measure, NULL);
    write_text(ws, row, 2, uf_aggregation_name(ind->aggregation), NULL);
    write_value(ws, row, 3, f->value, vf);
    write_value(ws, row, 4, f->target, vf);
    write_value(ws, row, 5, f->previous, vf);
    if (ind->percent) {
        write_value(ws, row, 6, f->change, w->change_points); /* no per cent of a per cent */
    } else {
        write_value(ws, row, 6, f->change, vf);
        write_value(ws, row, 7, isnan(f->change_pct) ? NAN : f->change_pct / 100.0, w->change_pct);
    }
    write_word(w, ws, row, 8, f);
}

static void write_summary(const wb *w, lxw_worksheet *ws, lxw_worksheet *const *goal_sheets,
                          const char (*goal_names)[64])
{
    const uf_plan *p = w->model->plan;
    char *change_pct = uf_msg_xformat(UF_MSG_WB_COL_CHANGE_PCT); /* "%%" in the catalogue */
    const char *headers[] = {uf_msg_text(UF_MSG_WB_COL_GOAL_INDICATOR), uf_msg_text(UF_MSG_WB_COL_MEASURE),
                             uf_msg_text(UF_MSG_WB_COL_AGGREGATION),    uf_msg_text(UF_MSG_WB_COL_FIGURE),
                             uf_msg_text(UF_MSG_HTML_COL_TARGET),       uf_msg_text(UF_MSG_HTML_COL_PREVIOUS),
                             uf_msg_text(UF_MSG_UNITREP_COL_CHANGE),    change_pct,
                             uf_msg_text(UF_MSG_HTML_COL_STATUS)};
    worksheet_set_column(ws, 0, 0, 60, NULL);
    worksheet_set_column(ws, 1, 7, 13, NULL);
    worksheet_set_column(ws, 8, 11, 20, NULL);
    lxw_row_t row = summary_counts(w, ws, 0);
    write_headers(w, ws, row, headers, 9);
    free(change_pct);
    worksheet_repeat_rows(ws, row, row);
    worksheet_freeze_panes(ws, row + 1, 1);
    row++;
    for (size_t g = 0; g < p->ngoals; g++) {
        summary_goal_row(w, ws, row++, g, goal_sheets[g] ? goal_names[g] : NULL);
        for (size_t i = 0; i < p->nindicators; i++)
            if (p->indicators[i].goal == g)
                summary_indicator_row(w, ws, row++, i);
        row++;
    }
}

/* ---- one sheet per goal ---- */

typedef struct year_span {
    size_t first, count; /* year indices shown: the view's window */
} year_span;

static year_span shown_years(const wb *w) { return (year_span){w->view->first_year, w->view->nyears_shown}; }

static void block_header(const wb *w, lxw_worksheet *ws, lxw_row_t row, size_t i, year_span ys)
{
    const uf_model *m = w->model;
    const uf_indicator *ind = &m->plan->indicators[i];
    char *text = uf_msg_xformat(UF_MSG_WB_BLOCK_HEADER, ind->name, ind->measure, uf_aggregation_name(ind->aggregation),
                                uf_direction_name(ind->direction));
    write_text(ws, row, 0, text, w->bold);
    free(text);
    worksheet_write_string(ws, row + 1, 0, uf_msg_text(UF_MSG_HEAD_UNIT), w->header);
    worksheet_write_string(ws, row + 1, 1, uf_msg_text(UF_MSG_HEAD_NAME), w->header);
    for (size_t k = 0; k < ys.count; k++)
        worksheet_write_number(ws, row + 1, (lxw_col_t)(2 + k), m->years[ys.first + k], w->header);
}

/* One row of figures: unit is a plan unit or UF_WHOLE_MUNICIPALITY. */
static void block_figures(const wb *w, lxw_worksheet *ws, lxw_row_t row, size_t i, size_t unit, year_span ys)
{
    const uf_model *m = w->model;
    const uf_plan *p = m->plan;
    bool whole = unit == UF_WHOLE_MUNICIPALITY;
    write_text(ws, row, 0, whole ? uf_msg_text(UF_MSG_WB_WHOLE) : p->units[unit].id, whole ? w->bold : NULL);
    write_text(ws, row, 1, whole ? uf_msg_text(UF_MSG_WB_WHOLE_NAME) : p->units[unit].name, NULL);
    for (size_t k = 0; k < ys.count; k++)
        write_figure(w, ws, row, (lxw_col_t)(2 + k), i, uf_model_figure(m, ys.first + k, i, unit));
}

static void block_targets(const wb *w, lxw_worksheet *ws, lxw_row_t row, size_t i, year_span ys)
{
    worksheet_write_string(ws, row, 0, uf_msg_text(UF_MSG_HTML_COL_TARGET), w->bold);
    worksheet_write_string(ws, row, 1, uf_msg_text(UF_MSG_WB_WHOLE_TARGET), NULL);
    for (size_t k = 0; k < ys.count; k++) {
        const uf_figure *f = uf_model_figure(w->model, ys.first + k, i, UF_WHOLE_MUNICIPALITY);
        write_value(ws, row, (lxw_col_t)(2 + k), f->target, value_format(w, i));
    }
}

static void block_chart(const wb *w, lxw_worksheet *ws, const char *sheet, lxw_row_t row, size_t i, year_span ys)
{
    lxw_chart *chart = got(workbook_add_chart(w->book, LXW_CHART_LINE));
    lxw_col_t first = 2, last = (lxw_col_t)(2 + ys.count - 1);
    lxw_chart_series *s = got(chart_add_series(chart, NULL, NULL));
    chart_series_set_categories(s, sheet, row + 1, first, row + 1, last);
    chart_series_set_values(s, sheet, row + 2, first, row + 2, last);
    chart_series_set_name(s, uf_msg_text(UF_MSG_WB_WHOLE));
    chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
    lxw_chart_series *t = got(chart_add_series(chart, NULL, NULL));
    chart_series_set_categories(t, sheet, row + 1, first, row + 1, last);
    chart_series_set_values(t, sheet, row + 3, first, row + 3, last);
    chart_series_set_name(t, uf_msg_text(UF_MSG_HTML_COL_TARGET));
    lxw_chart_line dashed = {.color = 0xD55E00, .dash_type = LXW_CHART_LINE_DASH_DASH, .width = 1.5};
    chart_series_set_line(t, &dashed);
    /* libxlsxwriter copies the title and reads one starting with '=' as a
     * cell reference: plain text gets a leading space instead. */
    const char *name = w->model->plan->indicators[i].name;
    char *title = cleaned(name, false);
    uf_strbuf shown = {0};
    if (name[0] == '=')
        uf_strbuf_putc(&shown, ' ');
    uf_strbuf_puts(&shown, title ? title : name);
    chart_title_set_name(chart, shown.data);
    uf_strbuf_free(&shown);
    free(title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    /* Axes otherwise take the cells' format, status symbol and all. */
    chart_axis_set_num_format(chart->x_axis, "0");
    chart_axis_set_num_format(chart->y_axis, kind_codes[value_kind(w, i)]);
    worksheet_insert_chart(ws, row, (lxw_col_t)(2 + ys.count + 1), chart);
}

static void goal_sheet_name(const uf_goal *goal, char *name, size_t cap)
{
    char *label = uf_msg_xformat(UF_MSG_GOAL_ID, goal->id);
    snprintf(name, cap, "%.*s", uf_utf8_prefix(label, cap - 1), label);
    free(label);
    for (char *c = name; *c; c++)
        if (strchr("[]:*?/\\'", *c))
            *c = '_';
    /* Excel's limit is 31 characters; ids are short, but cut at a character. */
    size_t len = strlen(name);
    if (len > 31) {
        len = 31;
        while (len > 0 && ((unsigned char)name[len] & 0xC0) == 0x80)
            len--;
        name[len] = '\0';
    }
}

/* The goal's sheet, named in goal_sheet_name-style into name (cap 64). */
static lxw_worksheet *add_goal_sheet(const wb *w, size_t g, char *name, size_t cap)
{
    goal_sheet_name(&w->model->plan->goals[g], name, cap);
    lxw_worksheet *ws = add_sheet(w->book, name);
    if (!ws) {
        /* Two long ids cut to Excel's 31 characters can give one name; ids
         * hold no spaces, so this one is free. */
        char n[32];
        snprintf(n, sizeof n, "%zu", g + 1);
        char *label = uf_msg_xformat(UF_MSG_WB_SHEET_GOAL_N, n);
        snprintf(name, cap, "%s", label);
        free(label);
        ws = add_sheet(w->book, name);
    }
    return ws;
}

static void write_goal_sheet(const wb *w, size_t g, lxw_worksheet *ws, const char *name)
{
    const uf_plan *p = w->model->plan;
    year_span ys = shown_years(w);
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 1, 36, NULL);
    worksheet_set_column(ws, 2, (lxw_col_t)(1 + ys.count), 13, NULL);
    char *title = uf_msg_xformat(UF_MSG_HTML_GOAL, p->goals[g].id, p->goals[g].name);
    write_text(ws, 0, 0, title, w->title);
    free(title);
    worksheet_write_string(ws, 1, 0, uf_msg_text(UF_MSG_WB_STATUS_LEGEND), NULL);
    write_legend(w, ws, 1);
    worksheet_write_string(ws, 2, 0, uf_msg_text(UF_MSG_PRELIM_NOTE), NULL);
    lxw_row_t row = 4;
    for (size_t i = 0; i < p->nindicators; i++) {
        if (p->indicators[i].goal != g)
            continue;
        block_header(w, ws, row, i, ys);
        block_figures(w, ws, row + 2, i, UF_WHOLE_MUNICIPALITY, ys);
        block_targets(w, ws, row + 3, i, ys);
        lxw_row_t used = 4;
        for (size_t u = 0; u < p->nunits; u++)
            if (uf_plan_applies(p, i, u)) /* ej aktuell: no row */
                block_figures(w, ws, row + used++, i, u, ys);
        block_chart(w, ws, name, row, i, ys);
        /* Leave room for the chart (about 16 rows) below short blocks. */
        row += (used > 17 ? used : 17) + 2;
    }
}

/* ---- Enheter ---- */

enum { UNIT_FIXED = 5, PER_INDICATOR = 4 };

static void units_header(const wb *w, lxw_worksheet *ws)
{
    const uf_plan *p = w->model->plan;
    const char *fixed[] = {uf_msg_text(UF_MSG_HEAD_UNIT), uf_msg_text(UF_MSG_HEAD_NAME), uf_msg_text(UF_MSG_HTML_COL_TYPE),
                           uf_msg_text(UF_MSG_WB_COL_REPORTED), uf_msg_text(UF_MSG_HEAD_REJECTED_ROWS)};
    write_headers(w, ws, 0, fixed, UNIT_FIXED);
    for (size_t i = 0; i < p->nindicators; i++) {
        lxw_col_t c = (lxw_col_t)(UNIT_FIXED + PER_INDICATOR * i);
        const char *name = p->indicators[i].name;
        write_text(ws, 0, c, name, w->header);
        char *text[] = {uf_msg_format(UF_MSG_HEAD_STATUS_OF, name), uf_msg_format(UF_MSG_HEAD_TARGET_OF, name),
                        uf_msg_format(UF_MSG_HEAD_TARGET_SOURCE_OF, name)};
        for (int k = 0; k < 3; k++) {
            write_text(ws, 0, (lxw_col_t)(c + 1 + k), text[k], w->header);
            free(text[k]);
        }
    }
}

/* "Ja", or why not: nothing arrived, or only empty values did. */
static void unit_reported_cell(const wb *w, lxw_worksheet *ws, lxw_row_t row, const uf_view_unit_year *uy)
{
    char text[128];
    if (uy->reported) {
        worksheet_write_string(ws, row, 3, uf_msg_text(UF_MSG_YES), NULL);
        return;
    }
    snprintf(text, sizeof text, "%s: %s", uf_msg_text(UF_MSG_NO),
             uf_msg_text(uy->arrived ? UF_MSG_UNIT_NOTHING_REPORTED : UF_MSG_UNIT_NO_FILE));
    worksheet_write_string(ws, row, 3, text, w->status[UF_STATUS_GREY]);
}

static void write_units(const wb *w, lxw_worksheet *ws)
{
    const uf_model *m = w->model;
    const uf_plan *p = m->plan;
    lxw_col_t last = (lxw_col_t)(UNIT_FIXED - 1 + PER_INDICATOR * p->nindicators);
    units_header(w, ws);
    worksheet_set_row(ws, 0, 100, NULL); /* headers name the indicator: up to six lines */
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 1, 36, NULL);
    worksheet_set_column(ws, 2, 4, 12, NULL);
    worksheet_set_column(ws, UNIT_FIXED, last, 16, NULL);
    for (size_t u = 0; u < p->nunits; u++) {
        lxw_row_t row = (lxw_row_t)(u + 1);
        const uf_view_unit_year *uy = uf_view_unit(w->view, m->report_index, u);
        write_text(ws, row, 0, p->units[u].id, NULL);
        write_text(ws, row, 1, p->units[u].name, NULL);
        worksheet_write_string(ws, row, 2, uf_unit_type_name(p->units[u].type), NULL);
        unit_reported_cell(w, ws, row, uy);
        worksheet_write_number(ws, row, 4, uy->rejected, w->whole);
        for (size_t i = 0; i < p->nindicators; i++) {
            const uf_figure *f = uf_model_figure(m, m->report_index, i, u);
            lxw_col_t c = (lxw_col_t)(UNIT_FIXED + PER_INDICATOR * i);
            if (!f->applies)
                continue; /* ej aktuell: left empty */
            write_value(ws, row, c, f->value, value_format(w, i));
            write_word(w, ws, row, c + 1, f);
            write_value(ws, row, c + 2, f->target, value_format(w, i));
            write_target_source(ws, row, c + 3, f);
        }
    }
    worksheet_freeze_panes(ws, 1, 2);
    /* Four columns per indicator: fitted to a page's width the text would be
     * too small to read (LibreOffice showed it), so the sheet prints across
     * pages, each with the units' ids and names. */
    worksheet_set_print_scale(ws, 70);
    worksheet_repeat_columns(ws, 0, 1);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)p->nunits, last);
}

/* ---- Självvärdering ---- */

static void assessment_row(const wb *w, lxw_worksheet *ws, lxw_row_t row, const uf_view_assessment *a)
{
    const uf_plan *p = w->model->plan;
    char text[64], g[UF_NUMBUF], r[UF_NUMBUF];
    worksheet_write_number(ws, row, 0, a->year, NULL);
    write_text(ws, row, 1, p->units[a->unit].id, NULL);
    write_text(ws, row, 2, p->units[a->unit].name, NULL);
    write_text(ws, row, 3, p->goals[a->goal].id, NULL);
    worksheet_write_string(ws, row, 4, uf_assessment_text(a->assessment), w->status[uf_assessment_status(a->assessment)]);
    if (a->differs)
        worksheet_write_string(ws, row, 5, uf_msg_text(UF_MSG_ASSESS_DIFFERS_LONG), w->status[UF_STATUS_RED]);
    snprintf(text, sizeof text, "%s/%s", uf_fmt_count(g, (long long)a->green), uf_fmt_count(r, (long long)a->red));
    worksheet_write_string(ws, row, 6, text, NULL);
    write_text(ws, row, 7, a->analysis, w->wrap);
    write_text(ws, row, 8, a->actions, w->wrap);
    worksheet_write_string(ws, row, 9, w->files[a->file], NULL);
    worksheet_write_number(ws, row, 10, a->line, NULL);
}

/* The report year's grid of expected units × goals ("ingen inkom" where a
 * unit sent none), then the earlier years' assessments as they came. */
static void write_assessments(const wb *w, lxw_worksheet *ws)
{
    const uf_model *m = w->model;
    const uf_plan *p = m->plan;
    const char *headers[] = {uf_msg_text(UF_MSG_HEAD_YEAR),       uf_msg_text(UF_MSG_HEAD_UNIT),
                             uf_msg_text(UF_MSG_HEAD_NAME),       uf_msg_text(UF_MSG_HEAD_GOAL),
                             uf_msg_text(UF_MSG_HEAD_ASSESSMENT), uf_msg_text(UF_MSG_HEAD_DIFFERS),
                             uf_msg_text(UF_MSG_HEAD_GREEN_RED),  uf_msg_text(UF_MSG_HEAD_ANALYSIS),
                             uf_msg_text(UF_MSG_HEAD_ACTIONS),    uf_msg_text(UF_MSG_HEAD_FILE),
                             uf_msg_text(UF_MSG_HEAD_LINE)};
    write_headers(w, ws, 0, headers, 11);
    worksheet_set_column(ws, 0, 0, 7, NULL);
    worksheet_set_column(ws, 1, 1, 20, NULL);
    worksheet_set_column(ws, 2, 2, 30, NULL);
    worksheet_set_column(ws, 3, 6, 14, NULL);
    worksheet_set_column(ws, 7, 8, 60, NULL);
    worksheet_set_column(ws, 9, 9, 36, NULL);
    worksheet_set_column(ws, 10, 10, 7, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    for (size_t u = 0; u < p->nunits && m->nyears; u++) {
        if (!uf_plan_unit_expected(p, u))
            continue;
        const uf_view_unit_year *uy = uf_view_unit(w->view, m->report_index, u);
        const uf_view_assessment *a = &w->view->assessments[uy->assessments];
        size_t k = 0;
        for (size_t g = 0; g < p->ngoals; g++) {
            if (k < uy->nassessments && a[k].goal == g) {
                assessment_row(w, ws, row++, &a[k++]);
                continue;
            }
            worksheet_write_number(ws, row, 0, m->report_year, NULL);
            write_text(ws, row, 1, p->units[u].id, NULL);
            write_text(ws, row, 2, p->units[u].name, NULL);
            write_text(ws, row, 3, p->goals[g].id, NULL);
            worksheet_write_string(ws, row++, 4, uf_msg_text(UF_MSG_UNIT_NO_ASSESSMENT), w->status[UF_STATUS_GREY]);
        }
    }
    for (size_t k = 0; k < w->view->nassessments; k++)
        if (w->view->assessments[k].year != m->report_year)
            assessment_row(w, ws, row++, &w->view->assessments[k]);
    worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, 10);
}

/* ---- Partner ---- */

static void write_partners(const wb *w, lxw_worksheet *ws)
{
    const uf_model *m = w->model;
    const uf_plan *p = m->plan;
    const char *fixed[] = {uf_msg_text(UF_MSG_HTML_COL_PARTNER), uf_msg_text(UF_MSG_HEAD_NAME),
                           uf_msg_text(UF_MSG_HTML_COL_TYPE), uf_msg_text(UF_MSG_HTML_COL_COUNTRY)};
    write_headers(w, ws, 0, fixed, 4);
    lxw_col_t review_col = (lxw_col_t)(4 + m->nyears);
    for (size_t y = 0; y < m->nyears; y++)
        worksheet_write_number(ws, 0, (lxw_col_t)(4 + y), m->years[y], w->header_activities);
    worksheet_write_string(ws, 0, review_col, uf_msg_text(UF_MSG_WB_COL_REVIEW), w->header);
    worksheet_set_column(ws, 0, 0, 22, NULL);
    worksheet_set_column(ws, 1, 1, 40, NULL);
    worksheet_set_column(ws, 2, 3, 14, NULL);
    if (review_col > 4)
        worksheet_set_column(ws, 4, review_col - 1, 16, NULL);
    worksheet_set_column(ws, review_col, review_col, 40, NULL);
    for (size_t k = 0; k < p->npartners; k++) {
        lxw_row_t row = (lxw_row_t)(k + 1);
        write_text(ws, row, 0, p->partners[k].id, NULL);
        write_text(ws, row, 1, p->partners[k].name, NULL);
        worksheet_write_string(ws, row, 2, uf_partner_type_name(p->partners[k].type), NULL);
        write_text(ws, row, 3, p->partners[k].country, NULL);
        for (size_t y = 0; y < m->nyears; y++)
            worksheet_write_number(ws, row, (lxw_col_t)(4 + y), m->partner_rows[y * p->npartners + k], w->whole);
        if (m->partner_review[k])
            worksheet_write_string(ws, row, review_col, uf_msg_text(UF_MSG_WB_REVIEW), w->status[UF_STATUS_RED]);
    }
    worksheet_freeze_panes(ws, 1, 1);
    if (p->npartners)
        worksheet_autofilter(ws, 0, 0, (lxw_row_t)p->npartners, review_col);
}

/* ---- Rådata ---- */

static const uf_msg raw_headers[] = {UF_MSG_HEAD_YEAR,    UF_MSG_HEAD_UNIT,      UF_MSG_HEAD_INDICATOR,
                                     UF_MSG_HTML_COL_PARTNER, UF_MSG_HEAD_VALUE, UF_MSG_WB_COL_COMMENT,
                                     UF_MSG_HEAD_FILE,    UF_MSG_HEAD_LINE,      UF_MSG_WB_COL_NOTE};
enum { RAW_COLUMNS = 9 };

static lxw_worksheet *raw_sheet(const wb *w, size_t number)
{
    char n[32];
    snprintf(n, sizeof n, "%zu", number);
    char *name = number == 1 ? uf_xstrdup(uf_msg_text(UF_MSG_WB_SHEET_RAW)) : uf_msg_xformat(UF_MSG_WB_SHEET_RAW_N, n);
    lxw_worksheet *ws = add_sheet(w->book, name);
    free(name);
    if (!ws)
        return NULL;
    const char *headers[RAW_COLUMNS];
    for (int c = 0; c < RAW_COLUMNS; c++)
        headers[c] = uf_msg_text(raw_headers[c]);
    write_headers(w, ws, 0, headers, RAW_COLUMNS);
    worksheet_set_column(ws, 0, 0, 7, NULL);
    worksheet_set_column(ws, 1, 3, 24, NULL);
    worksheet_set_column(ws, 4, 4, 12, NULL);
    worksheet_set_column(ws, 5, 5, 50, NULL);
    worksheet_set_column(ws, 6, 6, 36, NULL);
    worksheet_set_column(ws, 7, 7, 7, NULL);
    worksheet_set_column(ws, 8, 8, 30, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
}

static void raw_row(const wb *w, lxw_worksheet *ws, lxw_row_t row, const uf_row *r)
{
    const uf_plan *p = w->model->plan;
    worksheet_write_number(ws, row, 0, r->year, NULL);
    worksheet_write_string(ws, row, 1, p->units[r->unit].id, NULL);
    worksheet_write_string(ws, row, 2, p->indicators[r->indicator].id, NULL);
    if (r->partner != UF_NO_PARTNER)
        worksheet_write_string(ws, row, 3, p->partners[r->partner].id, NULL);
    write_value(ws, row, 4, r->value, NULL);
    write_text(ws, row, 5, r->comment, NULL);
    worksheet_write_string(ws, row, 6, w->files[r->file], NULL);
    worksheet_write_number(ws, row, 7, r->line, NULL);
    if (r->state == UF_ROW_DUPLICATE)
        worksheet_write_string(ws, row, 8, uf_msg_text(UF_MSG_WB_DUPLICATE), NULL);
    else if (isnan(r->value))
        worksheet_write_string(ws, row, 8, uf_msg_text(UF_MSG_WB_NO_VALUE), NULL);
}

static void progress(const wb *w, size_t done, size_t total)
{
    if (w->options->progress && total > 0 && (done % 100000 == 0 || done == total)) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu", done);
        snprintf(b, sizeof b, "%zu", total);
        char *text = uf_msg_xformat(UF_MSG_WB_PROGRESS, a, b);
        fprintf(stderr, "\r%s", text);
        free(text);
    }
    if (w->options->progress && done == total)
        fputc('\n', stderr);
}

static size_t raw_sheet_count(const uf_dataset *d) { return d->nrows / UF_RAW_ROWS_PER_SHEET + 1; }

/* Fills the Rådata sheets made by raw_sheet, in the dataset's order. */
static void write_raw(const wb *w, lxw_worksheet *const *sheets)
{
    const uf_dataset *d = w->model->data;
    size_t i = 0;
    for (size_t s = 0; s < raw_sheet_count(d); s++) {
        lxw_worksheet *ws = sheets[s];
        if (!ws)
            return;
        size_t end = i + UF_RAW_ROWS_PER_SHEET < d->nrows ? i + UF_RAW_ROWS_PER_SHEET : d->nrows;
        lxw_row_t row = 1;
        for (; i < end; i++) {
            raw_row(w, ws, row++, &d->rows[i]);
            progress(w, i + 1, d->nrows);
        }
        worksheet_autofilter(ws, 0, 0, row - 1, RAW_COLUMNS - 1);
    }
}

/* ---- Avvisade and Varningar ---- */

static void write_diags(const wb *w, lxw_worksheet *ws, uf_severity severity, const char *reason)
{
    if (!ws)
        return;
    const char *headers[] = {uf_msg_text(UF_MSG_HEAD_FILE), uf_msg_text(UF_MSG_HEAD_LINE),
                             uf_msg_text(UF_MSG_HEAD_COLUMN), uf_msg_text(UF_MSG_HEAD_YEAR),
                             uf_msg_text(UF_MSG_HEAD_UNIT), reason};
    write_headers(w, ws, 0, headers, 6);
    worksheet_set_column(ws, 0, 0, 40, NULL);
    worksheet_set_column(ws, 1, 3, 8, NULL);
    worksheet_set_column(ws, 4, 4, 20, NULL);
    worksheet_set_column(ws, 5, 5, 100, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    for (size_t k = 0; k < w->diags->count && row < LXW_ROW_MAX; k++) {
        const uf_diag *dg = &w->diags->items[k];
        if (dg->severity != severity)
            continue;
        if (dg->file != UF_NO_FILE)
            worksheet_write_string(ws, row, 0, w->files[dg->file], NULL);
        if (dg->line > 0)
            worksheet_write_number(ws, row, 1, (double)dg->line, NULL);
        if (dg->column > 0)
            worksheet_write_number(ws, row, 2, dg->column, NULL);
        /* The row's year and unit, where it named valid ones. */
        if (dg->year > 0)
            worksheet_write_number(ws, row, 3, dg->year, NULL);
        if (dg->unit != UF_NO_UNIT && dg->unit < w->model->plan->nunits)
            write_text(ws, row, 4, w->model->plan->units[dg->unit].id, NULL);
        write_text(ws, row, 5, dg->text, NULL);
        row++;
    }
    worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, 5);
}

/* ---- the workbook ---- */

static uf_error close_book(lxw_workbook *book)
{
    lxw_error e = workbook_close(book);
    if (e == LXW_NO_ERROR)
        return UF_OK;
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return UF_ERROR_MEMORY;
    return e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE || e == LXW_ERROR_ZIP_FILE_OPERATION
               ? UF_ERROR_WRITE
               : UF_ERROR_XLSX;
}

/* Every sheet, made up front in the order the clerk sees them, so that
 * they can then be filled in any order (and from two threads). */
typedef struct book_sheets {
    lxw_worksheet *summary, *units, *assessments, *partners, *rejected, *warnings;
    lxw_worksheet **goals;
    char (*goal_names)[64];
    lxw_worksheet **raw;
} book_sheets;

static void add_sheets(const wb *w, book_sheets *s)
{
    const uf_plan *p = w->model->plan;
    size_t nraw = raw_sheet_count(w->model->data);
    s->goals = uf_xcalloc(p->ngoals ? p->ngoals : 1, sizeof *s->goals);
    s->goal_names = uf_xcalloc(p->ngoals ? p->ngoals : 1, sizeof *s->goal_names);
    s->raw = uf_xcalloc(nraw, sizeof *s->raw);
    s->summary = add_sheet(w->book, uf_msg_text(UF_MSG_WB_SHEET_SUMMARY));
    for (size_t g = 0; g < p->ngoals; g++)
        s->goals[g] = add_goal_sheet(w, g, s->goal_names[g], sizeof s->goal_names[g]);
    s->units = add_sheet(w->book, uf_msg_text(UF_MSG_WB_SHEET_UNITS));
    s->assessments = add_sheet(w->book, uf_msg_text(UF_MSG_WB_SHEET_ASSESSMENTS));
    s->partners = add_sheet(w->book, uf_msg_text(UF_MSG_WB_SHEET_PARTNERS));
    for (size_t k = 0; k < nraw; k++)
        s->raw[k] = raw_sheet(w, k + 1);
    s->rejected = add_sheet(w->book, uf_msg_text(UF_MSG_WB_SHEET_REJECTED));
    s->warnings = add_sheet(w->book, uf_msg_text(UF_MSG_WB_SHEET_WARNINGS));
}

static void free_sheets(book_sheets *s)
{
    free(s->goals);
    free(s->goal_names);
    free(s->raw);
}

typedef struct overview_job {
    const wb *w;
    const book_sheets *sheets;
} overview_job;

/* Everything but Rådata: small next to it, and free to run beside it. */
static void *write_overview(void *arg)
{
    const overview_job *job = arg;
    const wb *w = job->w;
    const book_sheets *s = job->sheets;
    if (s->summary)
        write_summary(w, s->summary, s->goals, (const char(*)[64])s->goal_names);
    for (size_t g = 0; g < w->model->plan->ngoals; g++)
        if (s->goals[g])
            write_goal_sheet(w, g, s->goals[g], s->goal_names[g]);
    if (s->units)
        write_units(w, s->units);
    if (s->assessments)
        write_assessments(w, s->assessments);
    if (s->partners)
        write_partners(w, s->partners);
    write_diags(w, s->rejected, UF_SEVERITY_ERROR, uf_msg_text(UF_MSG_HEAD_REASON));
    write_diags(w, s->warnings, UF_SEVERITY_WARNING, uf_msg_text(UF_MSG_HEAD_MESSAGE));
    return NULL;
}

/* libxlsxwriter numbers a format on its first use, in a table the whole
 * workbook shares; numbered here, the formats are only read afterwards, so
 * two threads may write cells at once. Ours, by name: the workbook's own
 * list also holds its unused hyperlink format, which would then be written
 * into every file. A format added to make_formats belongs here too. */
static void number_formats(const wb *w)
{
    lxw_format *all[] = {w->title,   w->header,        w->header_activities, w->bold,          w->wrap,
                         w->whole,   w->decimal,       w->percent_value,     w->change_pct,    w->change_points,
                         w->link};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        lxw_format_get_xf_index(all[k]);
    for (int st = 0; st < UF_STATUS_COUNT; st++)
        lxw_format_get_xf_index(w->status[st]);
    for (int k = 0; k < 3; k++)
        for (int st = 0; st < UF_STATUS_COUNT; st++)
            for (int prelim = 0; prelim < 2; prelim++)
                lxw_format_get_xf_index(w->figure[k][st][prelim]);
}

/* In constant_memory mode each sheet writes its own temporary file and
 * strings go inline, so sheets share nothing but the (numbered) formats:
 * Rådata, most of a large workbook's work, is written beside the rest.
 * Small workbooks share one string table and stay on one thread. */
static void write_sheets(const wb *w, const book_sheets *s, bool constant_memory)
{
    overview_job job = {w, s};
    pthread_t thread;
    bool threaded = constant_memory && pthread_create(&thread, NULL, write_overview, &job) == 0;
    if (!threaded)
        write_overview(&job);
    write_raw(w, s->raw);
    if (threaded)
        pthread_join(thread, NULL);
}

/* Cells the workbook will hold, to choose its mode before writing any. */
static size_t cell_count(const uf_model *m, const uf_view *view)
{
    const uf_plan *p = m->plan;
    const uf_diag_list *diags = view->diags;
    size_t ys = view->nyears_shown;
    size_t goal_sheets = p->nindicators * (p->nunits + 4) * (2 + ys);
    size_t units = p->nunits * (4 + 2 * p->nindicators);
    size_t partners = p->npartners * (5 + m->nyears);
    return m->data->nrows * 9 + diags->count * 4 + goal_sheets + units + partners;
}

/* Runs in the child: writes the whole workbook to temp_path. */
static uf_error write_book(const uf_model *model, const uf_view *view, const char *temp_path,
                           const uf_workbook_options *options)
{
    /* libxlsxwriter's working files (as large as the sheets' XML) go where
     * the user keeps temporary files, not always to /tmp. */
    char *tmpdir = getenv("TMPDIR");
    lxw_workbook_options opts = {
        .constant_memory = cell_count(model, view) > CONSTANT_MEMORY_CELLS,
        .use_zip64 = model->data->nrows > UF_RAW_ROWS_PER_SHEET,
        .tmpdir = tmpdir && *tmpdir ? tmpdir : NULL,
    };
    wb w = {.model = model, .view = view, .diags = view->diags, .options = options};
    w.book = workbook_new_opt(temp_path, &opts);
    if (!w.book)
        return UF_ERROR_XLSX;
    make_formats(&w);
    number_formats(&w);
    set_properties(&w);
    w.files = shown_files(&w);
    book_sheets sheets = {0};
    add_sheets(&w, &sheets);
    write_sheets(&w, &sheets, opts.constant_memory);
    free_sheets(&sheets);
    free_files(&w);
    return close_book(w.book);
}

/* The workbook is written by a child process. libxlsxwriter does not stop
 * when its own malloc fails: it prints "Memory allocation failed", goes on
 * and later dereferences NULL, in places we cannot reach to check. Finding
 * every such place before it crashes means patching the library; in a
 * child its crash cannot take the run with it: the parent sees the status,
 * removes the temporary file and ends with a message and status 2. The
 * child shares the model copy-on-write, so this costs one fork. */
enum { CHILD_DAMAGED = 100, CHILD_BASE = 64 };

static void child_out_of_memory(void) { _exit(CHILD_BASE + UF_ERROR_MEMORY); }

/* A child killed by a fault: out of memory when memory is limited (the
 * library's unchecked malloc), else a failure of the library itself. */
static uf_error crash_cause(void)
{
    struct rlimit as, data;
    bool limited = (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) ||
                   (getrlimit(RLIMIT_DATA, &data) == 0 && data.rlim_cur != RLIM_INFINITY);
    return limited ? UF_ERROR_MEMORY : UF_ERROR_XLSX;
}

/* Why a workbook that closed without complaint is damaged: ENOSPC when the
 * folder for temporary files is full. */
static int damage_cause(void)
{
    const char *tmpdir = getenv("TMPDIR");
    struct statvfs vfs;
    if (statvfs(tmpdir && *tmpdir ? tmpdir : "/tmp", &vfs) == 0 && (vfs.f_bavail < 16 || vfs.f_favail == 0))
        return ENOSPC;
    return 0;
}

uf_error uf_workbook_start(uf_workbook_job *job, const uf_model *model, const uf_view *view, const char *path,
                           const uf_workbook_options *options)
{
    *job = (uf_workbook_job){.pid = -1};
    uf_error err = uf_output_begin(&job->out, path);
    if (err != UF_OK)
        return err;
    pid_t pid = uf_output_fork_writer();
    if (pid == 0) {
        uf_set_fatal_hook(child_out_of_memory);
        _exit(CHILD_BASE + (int)write_book(model, view, job->out.temp_path, options));
    }
    if (pid < 0) {
        uf_output_set_failure_errno(errno);
        uf_output_abort(&job->out);
        return errno == ENOMEM || errno == EAGAIN ? UF_ERROR_MEMORY : UF_ERROR_XLSX;
    }
    job->pid = pid;
    return UF_OK;
}

static uf_error child_status(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return UF_ERROR_XLSX;
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) /* sent to the whole run: end as the child did */
            raise(sig);
        return crash_cause();
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code >= CHILD_BASE && code < CHILD_BASE + UF_ERROR_COUNT)
        return (uf_error)(code - CHILD_BASE);
    return code == 2 ? UF_ERROR_MEMORY : UF_ERROR_XLSX;
}

uf_error uf_workbook_finish(uf_workbook_job *job)
{
    if (job->pid < 0)
        return UF_ERROR_XLSX;
    uf_error err = child_status(job->pid);
    uf_output_writer_done();
    job->pid = -1;
    /* libxlsxwriter does not check the writes of its temporary parts. */
    if (err == UF_OK && !uf_zip_verify(job->out.temp_path)) {
        err = UF_ERROR_XLSX;
        uf_output_set_failure_errno(damage_cause());
        job->damaged = true;
    }
    if (err != UF_OK) {
        uf_output_abort(&job->out);
        return err;
    }
    return uf_output_commit(&job->out);
}

uf_error uf_workbook_write(const uf_model *model, const uf_view *view, const char *path,
                           const uf_workbook_options *options)
{
    uf_workbook_job job;
    uf_error err = uf_workbook_start(&job, model, view, path, options);
    return err == UF_OK ? uf_workbook_finish(&job) : err;
}

/* ---- for other workbooks (templates) ---- */

void uf_workbook_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
    write_text(ws, row, col, s, f);
}

char *uf_workbook_clean_text(const char *s)
{
    char *copy = cleaned(s, true);
    return copy ? copy : uf_xstrdup(s);
}

uf_error uf_workbook_close(lxw_workbook *book)
{
    return close_book(book);
}
