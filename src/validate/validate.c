#include "validate/validate.h"

#include "read/columns.h"
#include "read/csvfile.h"
#include "read/folder.h"
#include "read/number.h"
#include "read/readlog.h"
#include "read/xlsx.h"

#include "common/workers.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The two kinds of submission share their first two columns. */
enum { COL_YEAR, COL_UNIT, COL_INDICATOR, COL_VALUE, COL_COMMENT, COL_PARTNER };
enum { SA_GOAL = 2, SA_ASSESSMENT, SA_ANALYSIS, SA_ACTIONS };
/* The columns whose cells are read; after them come the reference columns. */
enum { READ_COLUMNS = COL_PARTNER + 1 };

/* What a template carries for the clerk to read (contract v2): read past
 * without the warning an unknown column gets. */
#define REFERENCE_COLUMNS \
    {"namn", "namn|name", false}, \
    {"måttenhet", "mattenhet|measure|unit of measure", false}, \
    {"föregående", "foregaende|foregaende ar|previous|previous year", false}, \
    {"målvärde", "malvarde|target", false}, \
    {"anvisning", "anvisning|anvisningar|instruction|instructions", false}

#define YEAR_AND_UNIT_COLUMNS {"år", "ar|year", true}, {"enhet", "enhet|unit", true}

static const uf_column_spec figure_columns[] = {
    YEAR_AND_UNIT_COLUMNS,
    {"indikator", "indikator|indicator", true},
    {"värde", "varde|value|utfall", true},
    {"kommentar", "kommentar|comment|kommentarer|comments", false},
    {"partner", "partner", false},
    REFERENCE_COLUMNS,
};

static const uf_column_spec assessment_columns[] = {
    YEAR_AND_UNIT_COLUMNS,
    {"mål", "mal|goal", true},
    {"bedömning", "bedomning|assessment", true},
    {"analys", "analys|analysis", false},
    {"åtgärder", "atgarder|atgard|actions", false},
    REFERENCE_COLUMNS,
};

#define NSPECS(a) (sizeof(a) / sizeof((a)[0]))
enum { MAX_COLUMNS = NSPECS(figure_columns) > NSPECS(assessment_columns) ? NSPECS(figure_columns) : NSPECS(assessment_columns) };

struct uf_validator {
    const uf_plan *plan;
    uf_dataset *data;
    uf_diag_list *diags;
    uf_pool *memo_strings;
    uf_index *memo; /* unknown text → suggestion, so a file full of one typo stays fast */
    const char **memo_values;
    size_t nmemo, memo_cap;
    char **applies_lists; /* per indicator, built when first needed: "a, b, c" */
    uf_strbuf texts[2];   /* a self-assessment's analysis and actions, line ends made LF */
    /* the file being read */
    uint32_t file;
    bool assessments; /* a self-assessment file (its header says so) */
    const uf_column_spec *specs;
    size_t nspecs;
    int index[MAX_COLUMNS];
    size_t header_fields;
    bool header_seen, file_rejected; /* file_rejected: this table (file or sheet) is rejected whole */
    long data_rows;
    /* Accepted figure rows without a value, warned about when the file is
     * done: a file with no value at all (an untouched template) gets one
     * notice, not one per row. */
    struct empty_value { long line; int column; uint32_t unit; int32_t year; const char *sheet; } *empty;
    size_t nempty, empty_cap;
    bool any_value;
    /* the workbook being read */
    bool sheet_hidden, sheet_ignored;
    const char *sheet_name; /* the sheet being read, NULL in a CSV file; in sheet_names */
    uf_pool *sheet_names;   /* kept for the warnings given when the workbook ends */
    int tables, tables_rejected; /* sheets read as a table, and of them rejected whole */
};

uf_validator *uf_validator_new(const uf_plan *plan, uf_dataset *data, uf_diag_list *diags)
{
    uf_validator *v = uf_xcalloc(1, sizeof(uf_validator));
    v->plan = plan;
    v->data = data;
    v->diags = diags;
    v->memo_strings = uf_pool_new();
    v->memo = uf_index_new(64);
    v->applies_lists = uf_xcalloc(plan->nindicators + 1, sizeof(char *));
    return v;
}

void uf_validator_free(uf_validator *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->plan->nindicators; i++)
        free(v->applies_lists[i]);
    free(v->applies_lists);
    uf_strbuf_free(&v->texts[0]);
    uf_strbuf_free(&v->texts[1]);
    free(v->empty);
    uf_pool_free(v->sheet_names);
    uf_index_free(v->memo);
    uf_pool_free(v->memo_strings);
    free(v->memo_values);
    free(v);
}

/* ---- one row ---- */

typedef struct row_check {
    uf_validator *v;
    const uf_csv_record *rec;
    bool ok;
} row_check;

static const char *field_of(const uf_validator *v, const uf_csv_record *rec, int k, size_t *len)
{
    int f = v->index[k];
    if (f == UF_COLUMN_MISSING || (size_t)f >= rec->count) {
        *len = 0;
        return "";
    }
    *len = rec->lengths[f];
    return rec->fields[f];
}

static const char *cell(const row_check *c, int k, size_t *len) { return field_of(c->v, c->rec, k, len); }

static int column(const row_check *c, int k) { return c->v->index[k] == UF_COLUMN_MISSING ? 0 : c->v->index[k] + 1; }

static void reject(row_check *c, int k, uf_msg code, const char *a, const char *b, const char *d)
{
    uf_diag_add(c->v->diags, UF_SEVERITY_ERROR, c->v->file, c->rec->line, column(c, k), code, a, b, d);
    c->ok = false;
}

/* 'år', as a message quotes a column */
static const char *quoted_name(const uf_validator *v, int k, char *buf, size_t size)
{
    char *quoted = uf_msg_xformat(UF_MSG_QUOTED, v->specs[k].name);
    snprintf(buf, size, "%s", quoted);
    free(quoted);
    return buf;
}

static bool present(row_check *c, int k)
{
    size_t len;
    cell(c, k, &len);
    if (len)
        return true;
    char q[64];
    reject(c, k, UF_MSG_ROW_EMPTY_FIELD, quoted_name(c->v, k, q, sizeof q), NULL, NULL);
    return false;
}

static size_t find_id(const uf_plan *plan, char kind, const char *s, size_t len)
{
    switch (kind) {
    case 'u': return uf_plan_find_unit(plan, s, len);
    case 'i': return uf_plan_find_indicator(plan, s, len);
    case 'g': return uf_plan_find_goal(plan, s, len);
    default: return uf_plan_find_partner(plan, s, len);
    }
}

/* The closest id by uf_plan_suggest, once per kind and text. */
static const char *suggestion(uf_validator *v, char kind, const char *s, size_t len)
{
    char *key = uf_asprintf("g%c%.*s", kind, (int)(len < INT32_MAX ? len : INT32_MAX), s);
    size_t klen = strlen(key);
    size_t at = uf_index_get(v->memo, key, klen);
    if (at == SIZE_MAX) {
        const char *guess = uf_plan_suggest(v->plan, kind, s, len);
        uf_grow(&v->memo_values, &v->memo_cap, v->nmemo + 1, sizeof(char *));
        v->memo_values[v->nmemo] = guess;
        at = v->nmemo++;
        uf_index_put(v->memo, uf_pool_strndup(v->memo_strings, key, klen), klen, at);
    }
    free(key);
    return v->memo_values[at];
}

/* The hint after an unknown id (uf_plan_hint), once per kind and text. */
static const char *hint_for(uf_validator *v, char kind, const char *s, size_t len)
{
    char *key = uf_asprintf("h%c%.*s", kind, (int)(len < INT32_MAX ? len : INT32_MAX), s);
    size_t klen = strlen(key);
    size_t at = uf_index_get(v->memo, key, klen);
    if (at == SIZE_MAX) {
        char *hint = uf_plan_hint(v->plan, kind, s, len);
        uf_grow(&v->memo_values, &v->memo_cap, v->nmemo + 1, sizeof(char *));
        v->memo_values[v->nmemo] = uf_pool_strndup(v->memo_strings, hint, strlen(hint));
        free(hint);
        at = v->nmemo++;
        uf_index_put(v->memo, uf_pool_strndup(v->memo_strings, key, klen), klen, at);
    }
    free(key);
    return v->memo_values[at];
}

/* ---- ids typed with a look-alike character ---- */

/* Dashes that Word and Excel put in place of a hyphen, and the no-break
 * space: an id typed with one looks right and is not found. */
static const struct {
    const char *bytes;
    uf_msg name; /* UF_MSG_COUNT: the no-break space */
} lookalikes[] = {
    {"\xE2\x80\x93", UF_MSG_CHAR_EN_DASH}, {"\xE2\x80\x94", UF_MSG_CHAR_EM_DASH},
    {"\xE2\x88\x92", UF_MSG_CHAR_MINUS},   {"\xE2\x80\x90", UF_MSG_CHAR_HYPHEN},
    {"\xE2\x80\x91", UF_MSG_CHAR_NB_HYPHEN}, {"\xC2\xA0", UF_MSG_COUNT},
};
enum { NO_LOOKALIKE = -1 };

/* s with every look-alike dash made '-' and every no-break space dropped
 * (or made '-'); returns the length, and in *first the first look-alike
 * found or NO_LOOKALIKE. out holds UF_EXCERPT bytes. */
static size_t fold_lookalikes(const char *s, size_t len, bool space_as_hyphen, char *out, int *first)
{
    size_t o = 0;
    *first = NO_LOOKALIKE;
    for (size_t i = 0; i < len && o + 1 < UF_EXCERPT;) {
        int hit = NO_LOOKALIKE;
        for (int k = 0; k < (int)(sizeof lookalikes / sizeof lookalikes[0]) && hit == NO_LOOKALIKE; k++) {
            size_t n = strlen(lookalikes[k].bytes);
            if (i + n <= len && memcmp(s + i, lookalikes[k].bytes, n) == 0)
                hit = k;
        }
        if (hit == NO_LOOKALIKE) {
            out[o++] = s[i++];
            continue;
        }
        if (*first == NO_LOOKALIKE)
            *first = hit;
        if (lookalikes[hit].name != UF_MSG_COUNT || space_as_hyphen)
            out[o++] = '-';
        i += strlen(lookalikes[hit].bytes);
    }
    out[o] = '\0';
    return o;
}

/* The hint for an id typed with a look-alike character, or NULL when it
 * has none; malloc'ed. */
static char *lookalike_hint(uf_validator *v, char kind, const char *s, size_t len)
{
    char folded[UF_EXCERPT];
    int first;
    if (len >= UF_EXCERPT)
        return NULL;
    size_t n = fold_lookalikes(s, len, false, folded, &first);
    if (first == NO_LOOKALIKE)
        return NULL;
    size_t pos = find_id(v->plan, kind, folded, n);
    if (pos == UF_NOT_FOUND && lookalikes[first].name == UF_MSG_COUNT) {
        n = fold_lookalikes(s, len, true, folded, &first);
        pos = find_id(v->plan, kind, folded, n);
    }
    const char *guess = pos != UF_NOT_FOUND ? folded : suggestion(v, kind, folded, n);
    if (!guess)
        return NULL;
    if (pos != UF_NOT_FOUND) /* the plan's spelling, not the row's */
        guess = kind == 'u' ? v->plan->units[pos].id : kind == 'i' ? v->plan->indicators[pos].id
              : kind == 'g' ? v->plan->goals[pos].id : v->plan->partners[pos].id;
    if (lookalikes[first].name == UF_MSG_COUNT)
        return uf_msg_format(UF_MSG_LOOKALIKE_SPACE, guess);
    return uf_msg_format(UF_MSG_LOOKALIKE_DASH, guess, uf_msg_text(lookalikes[first].name));
}

/* Looks up the id in column k; reports an unknown one with the closest id. */
static size_t lookup(row_check *c, int k, char kind)
{
    size_t len;
    const char *s = cell(c, k, &len);
    size_t pos = find_id(c->v->plan, kind, s, len);
    if (pos != UF_NOT_FOUND)
        return pos;
    /* A dash or no-break space is named in words; other look-alikes (NFD,
     * Cyrillic letters, invisible characters) by uf_plan_hint. */
    char *hint = lookalike_hint(c->v, kind, s, len);
    if (!hint)
        hint = uf_xstrdup(hint_for(c->v, kind, s, len));
    char buf[UF_EXCERPT];
    uf_msg code = kind == 'u' ? UF_MSG_ROW_UNKNOWN_UNIT : kind == 'i' ? UF_MSG_ROW_UNKNOWN_INDICATOR
                : kind == 'g' ? UF_MSG_ROW_UNKNOWN_GOAL : UF_MSG_ROW_UNKNOWN_PARTNER;
    reject(c, k, code, uf_excerpt(buf, s, len), hint ? hint : "", NULL);
    free(hint);
    return UF_NOT_FOUND;
}

static void check_year(row_check *c, int *year)
{
    size_t len;
    const char *s = cell(c, COL_YEAR, &len);
    char buf[UF_EXCERPT];
    if (present(c, COL_YEAR) && !uf_year_parse(s, len, year))
        reject(c, COL_YEAR, UF_MSG_ROW_BAD_YEAR, uf_excerpt(buf, s, len), NULL, NULL);
}

/* Year and unit, checked, for either kind of row. */
static void check_year_and_unit(row_check *c, int *year, size_t *unit)
{
    check_year(c, year);
    if (present(c, COL_UNIT))
        *unit = lookup(c, COL_UNIT, 'u');
}

/* Year, unit and indicator where they can be read, without a word: for
 * rows rejected before their cells are checked (a file rejected whole). */
static void read_ids_quietly(const uf_validator *v, const uf_csv_record *rec, int *year, size_t *unit, size_t *indicator)
{
    size_t len;
    const char *s = field_of(v, rec, COL_YEAR, &len);
    if (len && !uf_year_parse(s, len, year))
        *year = 0;
    s = field_of(v, rec, COL_UNIT, &len);
    *unit = len ? uf_plan_find_unit(v->plan, s, len) : UF_NOT_FOUND;
    if (v->assessments)
        return;
    s = field_of(v, rec, COL_INDICATOR, &len);
    *indicator = len ? uf_plan_find_indicator(v->plan, s, len) : UF_NOT_FOUND;
}

/* Every diagnostic of the row says which unit and year it names, so that
 * reports assign it by the row, never by the file's name. */
static void tag_diags(uf_validator *v, size_t first, size_t unit, int year)
{
    for (size_t i = first; i < v->diags->count; i++) {
        v->diags->items[i].unit = unit == UF_NOT_FOUND ? UF_NO_UNIT : (uint32_t)unit;
        v->diags->items[i].year = year;
    }
}

/* A sheet's row with a value right of the header: named by its columns,
 * since a sheet has no delimiter to have gone wrong. */
static void too_many_cells(uf_validator *v, const uf_csv_record *rec)
{
    size_t f = v->header_fields;
    while (f + 1 < rec->count && rec->lengths[f] == 0 && !(rec->flags && rec->flags[f]))
        f++;
    char a[8], b[8];
    uf_diag_add(v->diags, UF_SEVERITY_ERROR, v->file, rec->line, (int)f + 1, UF_MSG_ROW_TOO_MANY_FIELDS_SHEET,
                uf_xlsx_column_name(a, (int)f + 1), uf_xlsx_column_name(b, (int)v->header_fields));
}

static bool too_many_fields(uf_validator *v, const uf_csv_record *rec)
{
    if (rec->count <= v->header_fields)
        return false;
    if (rec->sheet) {
        too_many_cells(v, rec);
        return true;
    }
    char a[UF_NUMBUF], b[UF_NUMBUF];
    uf_diag_add(v->diags, UF_SEVERITY_ERROR, v->file, rec->line, (int)v->header_fields + 1,
                rec->delimiter == ',' ? UF_MSG_ROW_TOO_MANY_FIELDS_COMMA : UF_MSG_ROW_TOO_MANY_FIELDS, uf_fmt_count(a, (long long)rec->count),
                uf_fmt_count(b, (long long)v->header_fields));
    return true;
}

/* A formula without a saved value in a column that is read (a template's
 * reference columns may hold formulas that nobody reads). */
static bool formulas_without_value(uf_validator *v, const uf_csv_record *rec)
{
    bool any = false;
    for (int k = 0; rec->flags && k < READ_COLUMNS; k++) {
        int f = v->index[k];
        if (f == UF_COLUMN_MISSING || (size_t)f >= rec->count || !(rec->flags[f] & UF_FIELD_FORMULA_NO_VALUE))
            continue;
        char ref[UF_XLSX_REF];
        uf_diag_add(v->diags, UF_SEVERITY_ERROR, v->file, rec->line, f + 1, UF_MSG_XLSX_FORMULA_NO_VALUE,
                    uf_xlsx_cell_ref(ref, rec->sheet, rec->line, f + 1));
        any = true;
    }
    return any;
}

/* A row that cannot be checked cell by cell: rejected as a whole. */
static bool unreadable_row(uf_validator *v, const uf_csv_record *rec)
{
    return too_many_fields(v, rec) || formulas_without_value(v, rec);
}

/* ---- figure rows ---- */

static void number_error(row_check *c, uf_number_status st, const char *s, size_t len)
{
    char buf[UF_EXCERPT];
    uf_msg code = st == UF_NUMBER_EXCEL_ERROR ? UF_MSG_ROW_EXCEL_ERROR
                : st == UF_NUMBER_MIXED_SEPARATORS ? UF_MSG_ROW_MIXED_SEPARATORS
                : st == UF_NUMBER_BAD_GROUPING ? UF_MSG_ROW_BAD_GROUPING
                                               : UF_MSG_ROW_NOT_NUMBER;
    reject(c, COL_VALUE, code, uf_excerpt(buf, s, len), NULL, NULL);
}

/* The indicator's rules: antal whole and non-negative, procent, min/max. */
static void check_value_rules(row_check *c, const uf_indicator *ind, const uf_number *n, const char *s, size_t len)
{
    char shown[UF_EXCERPT], bound[UF_NUMBUF];
    uf_excerpt(shown, s, len);
    if (n->percent && !ind->percent)
        reject(c, COL_VALUE, UF_MSG_ROW_PERCENT_NOT_ALLOWED, shown, ind->name, ind->measure);
    if (ind->whole && n->value != floor(n->value))
        reject(c, COL_VALUE, UF_MSG_ROW_NOT_WHOLE, ind->name, shown, NULL);
    if (ind->whole && n->value < 0)
        reject(c, COL_VALUE, UF_MSG_ROW_NEGATIVE, ind->name, shown, NULL);
    else if (ind->has_min && n->value < ind->min)
        reject(c, COL_VALUE, UF_MSG_ROW_BELOW_MIN, shown, uf_fmt_number(bound, ind->min, -1), ind->name);
    if (ind->has_max && n->value > ind->max)
        reject(c, COL_VALUE, UF_MSG_ROW_ABOVE_MAX, shown, uf_fmt_number(bound, ind->max, -1), ind->name);
}


static void note_empty_value(row_check *c)
{
    uf_validator *v = c->v;
    if (v->nempty == v->empty_cap) {
        v->empty_cap = v->empty_cap ? 2 * v->empty_cap : 16;
        v->empty = uf_xrealloc(v->empty, v->empty_cap * sizeof *v->empty);
    }
    v->empty[v->nempty++] = (struct empty_value){c->rec->line, column(c, COL_VALUE), UF_NO_UNIT, 0, v->sheet_name};
}

/* Returns the value, or NAN for an empty cell (not reported, not 0). */
static double check_value(row_check *c, size_t indicator)
{
    size_t len;
    const char *s = cell(c, COL_VALUE, &len);
    uf_number n;
    uf_number_status st = uf_number_parse(s, len, &n);
    if (st == UF_NUMBER_EMPTY) {
        /* "counted as not reported" is only true of a row that is accepted */
        if (c->ok)
            note_empty_value(c);
        return NAN;
    }
    c->v->any_value = true;
    if (st != UF_NUMBER_OK) {
        number_error(c, st, s, len);
        return NAN;
    }
    if (fabs(n.value) > UF_VALUE_LARGEST) {
        char shown[UF_EXCERPT], bound[UF_NUMBUF];
        reject(c, COL_VALUE, UF_MSG_ROW_TOO_LARGE, uf_excerpt(shown, s, len), uf_fmt_number(bound, UF_VALUE_LARGEST, 0), NULL);
        return NAN;
    }
    if (indicator != UF_NOT_FOUND)
        check_value_rules(c, &c->v->plan->indicators[indicator], &n, s, len);
    return n.value;
}

/* "kommunledningskontoret, europa-direkt": the units an indicator applies to. */
enum { MAX_UNITS_SHOWN = 10 };
static const char *applies_list(uf_validator *v, size_t indicator)
{
    if (v->applies_lists[indicator])
        return v->applies_lists[indicator];
    uf_strbuf sb = {0};
    size_t shown = 0;
    for (size_t u = 0; u < v->plan->nunits; u++) {
        if (!uf_plan_applies(v->plan, indicator, u))
            continue;
        if (shown++ == MAX_UNITS_SHOWN) {
            uf_strbuf_puts(&sb, ", \xE2\x80\xA6");
            break;
        }
        if (sb.len)
            uf_strbuf_puts(&sb, ", ");
        uf_strbuf_puts(&sb, v->plan->units[u].id);
    }
    v->applies_lists[indicator] = uf_strbuf_take(&sb);
    return v->applies_lists[indicator];
}

/* "indikatorn eu-info gäller inte social, bara miljo, hamn" */
static void reject_not_applicable(row_check *c, size_t indicator, size_t unit)
{
    const char *units = applies_list(c->v, indicator);
    reject(c, COL_INDICATOR, *units ? UF_MSG_ROW_NOT_APPLICABLE : UF_MSG_ROW_NOT_APPLICABLE_NONE,
           c->v->plan->indicators[indicator].id, c->v->plan->units[unit].id, units);
}

/* A rejected figure row, recorded against the figures it would have fed. */
static void reject_figure(uf_validator *v, long line, int year, size_t unit, size_t indicator)
{
    bool not_applicable = unit != UF_NOT_FOUND && indicator != UF_NOT_FOUND && !uf_plan_applies(v->plan, indicator, unit);
    uf_rejection r = {year, unit == UF_NOT_FOUND ? UF_NO_UNIT : (uint32_t)unit,
                      indicator == UF_NOT_FOUND ? UF_NO_INDICATOR : (uint32_t)indicator, v->file, (uint32_t)line,
                      not_applicable};
    uf_dataset_add_rejection(v->data, &r);
    uf_dataset_count_rows(v->data, 0, 0, 1);
}

static void check_figure_row(uf_validator *v, const uf_csv_record *rec)
{
    row_check c = {v, rec, true};
    uf_row row = {.partner = UF_NO_PARTNER, .file = v->file, .line = (uint32_t)rec->line};
    size_t len, unit = UF_NOT_FOUND, indicator = UF_NOT_FOUND, partner = UF_NOT_FOUND;
    size_t first_diag = v->diags->count;
    int year = 0;
    if (unreadable_row(v, rec)) {
        c.ok = false;
        read_ids_quietly(v, rec, &year, &unit, &indicator);
    } else {
        check_year_and_unit(&c, &year, &unit);
        if (present(&c, COL_INDICATOR))
            indicator = lookup(&c, COL_INDICATOR, 'i');
        if ((cell(&c, COL_PARTNER, &len), len))
            partner = lookup(&c, COL_PARTNER, 'p');
        if (unit != UF_NOT_FOUND && indicator != UF_NOT_FOUND && !uf_plan_applies(v->plan, indicator, unit))
            reject_not_applicable(&c, indicator, unit);
        row.value = check_value(&c, indicator);
    }
    tag_diags(v, first_diag, unit, year);
    if (v->nempty && v->empty[v->nempty - 1].line == rec->line) {
        v->empty[v->nempty - 1].unit = unit == UF_NOT_FOUND ? UF_NO_UNIT : (uint32_t)unit;
        v->empty[v->nempty - 1].year = year;
    }
    if (!c.ok) {
        reject_figure(v, rec->line, year, unit, indicator);
        return;
    }
    row.year = year;
    row.unit = (uint32_t)unit;
    row.indicator = (uint32_t)indicator;
    row.partner = partner == UF_NOT_FOUND ? UF_NO_PARTNER : (uint32_t)partner;
    int value_column = column(&c, COL_VALUE);
    row.value_column = (uint16_t)(value_column <= UINT16_MAX ? value_column : 0); /* 0: "the row" */
    const char *comment = cell(&c, COL_COMMENT, &len);
    uf_diag_unshowable(v->diags, v->file, rec->line, column(&c, COL_COMMENT), comment, len);
    uf_dataset_add(v->data, &row, comment, len);
    uf_dataset_count_rows(v->data, 0, 1, 0);
}

/* ---- self-assessment rows ---- */

/* uppnått / delvis uppnått / ej uppnått, or grön / gul / röd; any case,
 * Swedish letters optional. */
static bool parse_assessment(const char *s, size_t len, uint8_t *out)
{
    static const struct {
        const char *words;
        uf_assessment value;
    } words[] = {
        {"uppnatt|gron|achieved|met", UF_ASSESS_MET},
        {"delvis uppnatt|gul|partly achieved|partially achieved|partly met", UF_ASSESS_PARTLY},
        {"ej uppnatt|inte uppnatt|rod|not achieved|not met", UF_ASSESS_NOT_MET},
    };
    char collapsed[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof collapsed; i++) /* "delvis  uppnått" */
        if (!(s[i] == ' ' && (n == 0 || collapsed[n - 1] == ' ')))
            collapsed[n++] = s[i];
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (uf_column_is(words[k].words, collapsed, n)) {
            *out = (uint8_t)words[k].value;
            return true;
        }
    }
    return false;
}

/* Column k's text with CRLF (and a lone CR) as one line break, in scratch;
 * rejected when longer than UF_ASSESSMENT_TEXT_MAX characters. */
static const char *assessment_text(row_check *c, int k, uf_strbuf *scratch, size_t *out_len)
{
    size_t len;
    const char *s = cell(c, k, &len);
    size_t chars = 0;
    scratch->len = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r') {
            uf_strbuf_putc(scratch, '\n');
            i += i + 1 < len && s[i + 1] == '\n';
        } else {
            uf_strbuf_putc(scratch, s[i]);
        }
    }
    for (size_t i = 0; i < scratch->len; i++)
        chars += ((unsigned char)scratch->data[i] & 0xC0) != 0x80;
    *out_len = scratch->len;
    if (chars > UF_ASSESSMENT_TEXT_MAX) {
        char q[64], n[UF_NUMBUF], max[UF_NUMBUF];
        reject(c, k, UF_MSG_ROW_TEXT_TOO_LONG, quoted_name(c->v, k, q, sizeof q), uf_fmt_count(n, (long long)chars),
               uf_fmt_count(max, UF_ASSESSMENT_TEXT_MAX));
    }
    return scratch->len ? scratch->data : "";
}

static void check_assessment_row(uf_validator *v, const uf_csv_record *rec)
{
    row_check c = {v, rec, true};
    uf_self_assessment a = {.file = v->file, .line = (uint32_t)rec->line, .assessment = UF_ASSESS_NONE};
    size_t first_diag = v->diags->count, unit = UF_NOT_FOUND, goal = UF_NOT_FOUND, indicator;
    size_t len, analysis_len = 0, actions_len = 0;
    const char *analysis = "", *actions = "";
    int year = 0;
    if (unreadable_row(v, rec)) {
        c.ok = false;
        read_ids_quietly(v, rec, &year, &unit, &indicator);
    } else {
        check_year_and_unit(&c, &year, &unit);
        if (present(&c, SA_GOAL))
            goal = lookup(&c, SA_GOAL, 'g');
        analysis = assessment_text(&c, SA_ANALYSIS, &v->texts[0], &analysis_len);
        actions = assessment_text(&c, SA_ACTIONS, &v->texts[1], &actions_len);
        const char *s = cell(&c, SA_ASSESSMENT, &len);
        char buf[UF_EXCERPT], q[64];
        if (len && !parse_assessment(s, len, &a.assessment))
            reject(&c, SA_ASSESSMENT, UF_MSG_ROW_BAD_ASSESSMENT, uf_excerpt(buf, s, len), NULL, NULL);
        else if (!len && (analysis_len || actions_len))
            reject(&c, SA_ASSESSMENT, UF_MSG_ROW_ASSESSMENT_MISSING,
                   quoted_name(v, analysis_len ? SA_ANALYSIS : SA_ACTIONS, q, sizeof q), NULL, NULL);
    }
    tag_diags(v, first_diag, unit, year);
    if (!c.ok) {
        uf_dataset_count_assessments(v->data, 0, 0, 1);
        return;
    }
    a.year = year;
    a.unit = (uint32_t)unit;
    a.goal = (uint32_t)goal;
    uf_diag_unshowable(v->diags, v->file, rec->line, column(&c, SA_ANALYSIS), analysis, analysis_len);
    uf_diag_unshowable(v->diags, v->file, rec->line, column(&c, SA_ACTIONS), actions, actions_len);
    uf_dataset_add_assessment(v->data, &a, analysis, analysis_len, actions, actions_len);
    uf_dataset_count_assessments(v->data, 0, 1, 0);
}

/* ---- one file ---- */

/* A self-assessment's header has mål and bedömning and no indikator; one
 * with either of them and neither indikator nor värde is taken as a
 * self-assessment too, so that the column it lacks is the one named. */
static bool assessment_header(const uf_csv_record *header)
{
    bool goal = false, assessment = false, indicator = false, value = false;
    for (size_t f = 0; f < header->count; f++) {
        const char *s = header->fields[f];
        size_t len = header->lengths[f];
        goal |= uf_column_is(assessment_columns[SA_GOAL].aliases, s, len);
        assessment |= uf_column_is(assessment_columns[SA_ASSESSMENT].aliases, s, len);
        indicator |= uf_column_is(figure_columns[COL_INDICATOR].aliases, s, len);
        value |= uf_column_is(figure_columns[COL_VALUE].aliases, s, len);
    }
    return !indicator && ((goal && assessment) || ((goal || assessment) && !value));
}

static void count_read(uf_validator *v)
{
    if (v->assessments)
        uf_dataset_count_assessments(v->data, 1, 0, 0);
    else
        uf_dataset_count_rows(v->data, 1, 0, 0);
}

/* A row of a file rejected whole: counted, not checked; a figure row is
 * still recorded against the figures it names. */
static void reject_unchecked(uf_validator *v, const uf_csv_record *rec)
{
    int year = 0;
    size_t unit = UF_NOT_FOUND, indicator = UF_NOT_FOUND;
    if (v->assessments) {
        uf_dataset_count_assessments(v->data, 0, 0, 1);
        return;
    }
    if (rec)
        read_ids_quietly(v, rec, &year, &unit, &indicator);
    reject_figure(v, rec ? rec->line : 0, year, unit, indicator);
}

static bool on_record(void *user, const uf_csv_record *rec)
{
    uf_validator *v = user;
    if (!v->header_seen) {
        v->header_seen = true;
        v->header_fields = rec->count;
        v->assessments = assessment_header(rec);
        v->specs = v->assessments ? assessment_columns : figure_columns;
        v->nspecs = v->assessments ? NSPECS(assessment_columns) : NSPECS(figure_columns);
        v->file_rejected = !uf_columns_map(v->specs, v->nspecs, rec, v->file, v->diags, v->index);
        v->tables++;
        v->tables_rejected += v->file_rejected;
        return true;
    }
    v->data_rows++;
    count_read(v);
    if (v->file_rejected)
        reject_unchecked(v, rec);
    else if (v->assessments)
        check_assessment_row(v, rec);
    else
        check_figure_row(v, rec);
    return true;
}

/* A table starts: a CSV file, or a sheet of a workbook. */
static void begin_table(uf_validator *v)
{
    v->header_seen = v->file_rejected = v->assessments = false;
    v->header_fields = 0;
    for (size_t k = 0; k < MAX_COLUMNS; k++)
        v->index[k] = UF_COLUMN_MISSING;
}

static void begin_file(uf_validator *v, const char *name)
{
    v->file = uf_diag_add_file(v->diags, name);
    begin_table(v);
    v->data_rows = 0;
    v->nempty = 0;
    v->any_value = false;
    v->tables = v->tables_rejected = 0;
    v->sheet_name = NULL;
}

static void name_cell(uf_diag *d, const char *sheet, long line);

/* The warnings about empty values: one per row, or, when no row of the
 * file has a value, one for the file (tagged with its first row's unit). */
static void warn_empty_values(uf_validator *v)
{
    if (v->nempty > 1 && !v->any_value) {
        char n[UF_NUMBUF];
        uf_diag *d = uf_diag_add(v->diags, UF_SEVERITY_WARNING, v->file, 0, 0, UF_MSG_FILE_NOTHING_REPORTED,
                                 uf_fmt_count(n, (long long)v->nempty));
        d->unit = v->empty[0].unit;
        d->year = v->empty[0].year;
        return;
    }
    for (size_t k = 0; k < v->nempty; k++) {
        uf_diag *d = uf_diag_add(v->diags, UF_SEVERITY_WARNING, v->file, v->empty[k].line, v->empty[k].column,
                                 UF_MSG_ROW_NO_VALUE);
        d->unit = v->empty[k].unit;
        d->year = v->empty[k].year;
        if (v->empty[k].sheet)
            name_cell(d, v->empty[k].sheet, v->empty[k].line);
    }
}

static void end_file(uf_validator *v, uf_error err, const uf_csv_info *info)
{
    warn_empty_values(v);
    /* A record cut off by an unclosed quote was read and is rejected. */
    for (long i = 0; i < info->broken_records; i++) {
        count_read(v);
        reject_unchecked(v, NULL);
    }
    bool rejected = err == UF_ERROR_READ || v->file_rejected ||
                    (err == UF_ERROR_FILE_REJECTED && v->data_rows == 0 && info->broken_records == 0);
    if (!rejected && err == UF_OK && !v->header_seen) {
        uf_diag_add(v->diags, UF_SEVERITY_ERROR, v->file, 0, 0, UF_MSG_FILE_EMPTY);
        rejected = true;
    } else if (!rejected && err == UF_OK && v->data_rows == 0) {
        uf_diag_add(v->diags, UF_SEVERITY_WARNING, v->file, 0, 0, UF_MSG_FILE_NO_DATA);
    }
    uf_dataset_count_file(v->data, rejected);
}

/* ---- a workbook ---- */

/* Whether the header names the read columns of a kind: all the required
 * ones, or any of them. */
static bool names_columns(const uf_column_spec *specs, const uf_csv_record *header, bool all_required)
{
    for (int k = 0; k < READ_COLUMNS; k++) {
        bool found = false;
        for (size_t f = 0; f < header->count && !found; f++)
            found = uf_column_is(specs[k].aliases, header->fields[f], header->lengths[f]);
        if (found && !all_required)
            return true;
        if (!found && all_required && specs[k].required)
            return false;
    }
    return all_required;
}

/* A sheet is a table when its first row has every required column of a
 * submission; one naming only some is a table too, and is rejected whole
 * for what it lacks, so that nothing typed there is skipped without a
 * word. A hidden sheet must have them all: a template's hidden lists
 * (enheter, partners) are no submission. Other sheets are ignored. */
static bool sheet_is_table(const uf_validator *v, const uf_csv_record *header)
{
    if (names_columns(figure_columns, header, true) || names_columns(assessment_columns, header, true))
        return true;
    return !v->sheet_hidden && (names_columns(figure_columns, header, false) ||
                                names_columns(assessment_columns, header, false));
}

/* Every message about a sheet's row names the sheet and the cell, as the
 * clerk finds it in Excel: "Siffror!D14: ...". */
static void name_cell(uf_diag *d, const char *sheet, long line)
{
    char ref[UF_XLSX_REF], shown[UF_EXCERPT], row[UF_NUMBUF];
    char *text = d->column > 0
                     ? uf_msg_format(UF_MSG_XLSX_AT_CELL, uf_xlsx_cell_ref(ref, sheet, line, d->column), d->text)
                     : uf_msg_format(UF_MSG_XLSX_AT_ROW, uf_excerpt(shown, sheet, strlen(sheet)),
                                     uf_fmt_count(row, line), d->text);
    free(d->text);
    d->text = text;
}

static void name_cells(uf_validator *v, const uf_csv_record *rec, size_t first)
{
    for (size_t i = first; i < v->diags->count; i++) {
        uf_diag *d = &v->diags->items[i];
        if (d->file != v->file || d->line != rec->line || d->code == UF_MSG_XLSX_FORMULA_NO_VALUE ||
            d->code == UF_MSG_XLSX_SHEET_MISSING_COLUMNS || d->code == UF_MSG_XLSX_SHEET_MISSING_COLUMNS_N)
            continue; /* those name the cell or the sheet themselves */
        name_cell(d, rec->sheet, rec->line);
    }
}

static bool on_sheet(void *user, const uf_xlsx_sheet *sheet)
{
    uf_validator *v = user;
    begin_table(v);
    v->sheet_hidden = sheet->hidden;
    v->sheet_ignored = false;
    if (!v->sheet_names)
        v->sheet_names = uf_pool_new();
    v->sheet_name = uf_pool_strndup(v->sheet_names, sheet->name, strlen(sheet->name));
    return true;
}

static bool on_sheet_record(void *user, const uf_csv_record *rec)
{
    uf_validator *v = user;
    if (v->sheet_ignored)
        return true;
    if (!v->header_seen && !sheet_is_table(v, rec)) {
        v->sheet_ignored = true; /* instructions, notes, lists */
        return true;
    }
    size_t first = v->diags->count;
    on_record(v, rec);
    name_cells(v, rec, first);
    return true;
}

/* A workbook is rejected as a file when the reader rejects it (rows it
 * delivered before stay counted), when it has no sheet to read, or when
 * every sheet it has to read is rejected whole. Its empty values are
 * warned about as a CSV file's are: an untouched template is one notice. */
static void end_workbook(uf_validator *v, uf_error err)
{
    warn_empty_values(v);
    bool rejected = err != UF_OK || (v->tables > 0 && v->tables == v->tables_rejected);
    if (!rejected && v->tables == 0) {
        uf_diag_add(v->diags, UF_SEVERITY_ERROR, v->file, 0, 0, UF_MSG_XLSX_NO_TABLE);
        rejected = true;
    } else if (!rejected && v->data_rows == 0) {
        uf_diag_add(v->diags, UF_SEVERITY_WARNING, v->file, 0, 0, UF_MSG_FILE_NO_DATA);
    }
    uf_dataset_count_file(v->data, rejected);
}

/* ---- one submission ---- */

void uf_validate_file(uf_validator *v, const char *path, const char *name)
{
    uf_csv_info info;
    begin_file(v, name);
    if (uf_submission_kind_of(path) == UF_SUBMISSION_WORKBOOK) {
        end_workbook(v, uf_xlsx_read_file(path, v->file, v->diags, on_sheet, on_sheet_record, v, NULL));
        return;
    }
    uf_error err = uf_csv_read_file(path, v->file, v->diags, on_record, v, &info);
    end_file(v, err, &info);
}

void uf_validate_buffer(uf_validator *v, const char *data, size_t len, const char *name)
{
    uf_csv_info info;
    begin_file(v, name);
    if (uf_submission_kind_of(name) == UF_SUBMISSION_WORKBOOK) {
        end_workbook(v, uf_xlsx_read_buffer(data, len, v->file, v->diags, on_sheet, on_sheet_record, v, NULL));
        return;
    }
    uf_error err = uf_csv_read_buffer(data, len, v->file, v->diags, on_record, v, &info);
    end_file(v, err, &info);
}

/* ---- many submissions, read ahead on threads ---- */

/* A file read ahead is held in memory until its turn; a larger one is read
 * when its turn comes, streaming, as uf_validate_file reads it. */
#define READ_AHEAD_BUDGET ((size_t)16 << 20)

/* Shared by the reading threads, under lock. The validator is used by one
 * thread at a time, the one that holds `replaying`, and only for the files
 * in order: a thread that finishes reading the next file hands over it and
 * every file after it that is ready. */
typedef struct read_ahead {
    uf_validator *v;
    const char *const *paths;
    const char *const *names;
    size_t n;
    size_t window; /* files read ahead of the next to hand over, at most */
    pthread_mutex_t lock;
    pthread_cond_t turn;
    uf_read_log **logs; /* NULL: too large to hold, read in turn */
    bool *ready;
    size_t next;    /* the next file to hand over */
    bool replaying; /* a thread is handing files over */
} read_ahead;

static void replay_file(uf_validator *v, uf_read_log *log, const char *path, const char *name)
{
    if (!log) {
        uf_validate_file(v, path, name);
        return;
    }
    begin_file(v, name);
    if (uf_read_log_workbook(log)) {
        uf_read_replay to = {v->diags, v->file, on_sheet, on_sheet_record, v};
        end_workbook(v, uf_read_log_replay(log, &to, NULL));
        return;
    }
    uf_csv_info info;
    uf_read_replay to = {v->diags, v->file, NULL, on_record, v};
    uf_error err = uf_read_log_replay(log, &to, &info);
    end_file(v, err, &info);
}

/* Called with the lock held; returns with it held. */
static void hand_over_ready(read_ahead *r)
{
    r->replaying = true;
    while (r->next < r->n && r->ready[r->next]) {
        size_t i = r->next;
        uf_read_log *log = r->logs[i];
        r->logs[i] = NULL;
        pthread_mutex_unlock(&r->lock);
        replay_file(r->v, log, r->paths[i], r->names[i]);
        uf_read_log_free(log);
        pthread_mutex_lock(&r->lock);
        r->next++;
        pthread_cond_broadcast(&r->turn);
    }
    r->replaying = false;
}

static uf_error read_ahead_one(void *ctx, size_t item, unsigned worker)
{
    (void)worker;
    read_ahead *r = ctx;
    pthread_mutex_lock(&r->lock);
    while (item >= r->next + r->window) /* the file `next` is being read or handed over */
        pthread_cond_wait(&r->turn, &r->lock);
    pthread_mutex_unlock(&r->lock);
    uf_read_log *log = uf_read_log_file(r->paths[item], READ_AHEAD_BUDGET);
    pthread_mutex_lock(&r->lock);
    r->logs[item] = log;
    r->ready[item] = true;
    if (!r->replaying)
        hand_over_ready(r);
    pthread_mutex_unlock(&r->lock);
    return UF_OK;
}

void uf_validate_files(uf_validator *v, size_t n, const char *const *paths, const char *const *names, unsigned jobs)
{
    if (jobs <= 1 || n <= 1) {
        for (size_t i = 0; i < n; i++)
            uf_validate_file(v, paths[i], names[i]);
        return;
    }
    read_ahead r = {.v = v, .paths = paths, .names = names, .n = n, .window = 2 * (size_t)jobs + 2};
    r.logs = uf_xcalloc(n, sizeof *r.logs);
    r.ready = uf_xcalloc(n, sizeof *r.ready);
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.turn, NULL);
    uf_work work = {read_ahead_one, &r, NULL, NULL};
    uf_workers_run(n, jobs, &work, NULL);
    pthread_cond_destroy(&r.turn);
    pthread_mutex_destroy(&r.lock);
    for (size_t i = 0; i < n; i++) /* left by a signal that stopped the run */
        uf_read_log_free(r.logs[i]);
    free(r.logs);
    free(r.ready);
}
