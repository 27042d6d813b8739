#include "validate/validate.h"

#include "read/columns.h"
#include "read/csvfile.h"
#include "read/number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_YEAR, COL_UNIT, COL_INDICATOR, COL_VALUE, COL_COMMENT, COL_PARTNER, NCOLUMNS };

static const uf_column_spec submission_columns[NCOLUMNS] = {
    {"år", "ar|year", true},
    {"enhet", "enhet|unit", true},
    {"indikator", "indikator|indicator", true},
    {"värde", "varde|value|utfall", true},
    {"kommentar", "kommentar|comment|kommentarer|comments", false},
    {"partner", "partner", false},
};

struct uf_validator {
    const uf_plan *plan;
    uf_dataset *data;
    uf_diag_list *diags;
    uf_pool *memo_strings;
    uf_index *memo; /* unknown text → suggestion, so a file full of one typo stays fast */
    const char **memo_values;
    size_t nmemo, memo_cap;
    /* the file being read */
    uint32_t file;
    int index[NCOLUMNS];
    size_t header_fields;
    bool header_seen, file_rejected;
    long data_rows;
};

uf_validator *uf_validator_new(const uf_plan *plan, uf_dataset *data, uf_diag_list *diags)
{
    uf_validator *v = uf_xcalloc(1, sizeof(uf_validator));
    v->plan = plan;
    v->data = data;
    v->diags = diags;
    v->memo_strings = uf_pool_new();
    v->memo = uf_index_new(64);
    return v;
}

void uf_validator_free(uf_validator *v)
{
    if (!v)
        return;
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

static const char *cell(const row_check *c, int k, size_t *len)
{
    int f = c->v->index[k];
    if (f == UF_COLUMN_MISSING || (size_t)f >= c->rec->count) {
        *len = 0;
        return "";
    }
    *len = c->rec->lengths[f];
    return c->rec->fields[f];
}

static int column(const row_check *c, int k) { return c->v->index[k] == UF_COLUMN_MISSING ? 0 : c->v->index[k] + 1; }

static void reject(row_check *c, int k, uf_msg code, const char *a, const char *b, const char *d)
{
    uf_diag_add(c->v->diags, UF_SEVERITY_ERROR, c->v->file, c->rec->line, column(c, k), code, a, b, d);
    c->ok = false;
}

static bool present(row_check *c, int k)
{
    size_t len;
    cell(c, k, &len);
    if (len)
        return true;
    char q[64];
    snprintf(q, sizeof q, "'%s'", submission_columns[k].name);
    reject(c, k, UF_MSG_ROW_EMPTY_FIELD, q, NULL, NULL);
    return false;
}

static const char *suggestion(uf_validator *v, char kind, const char *s, size_t len)
{
    char key[UF_EXCERPT + 2];
    char excerpt[UF_EXCERPT];
    snprintf(key, sizeof key, "%c%s", kind, uf_excerpt(excerpt, s, len));
    size_t at = uf_index_get(v->memo, key, strlen(key));
    if (at != SIZE_MAX)
        return v->memo_values[at];
    const char *guess = uf_plan_suggest(v->plan, kind, s, len);
    const char *stored = uf_pool_strndup(v->memo_strings, key, strlen(key));
    uf_grow(&v->memo_values, &v->memo_cap, v->nmemo + 1, sizeof(char *));
    v->memo_values[v->nmemo] = guess;
    uf_index_put(v->memo, stored, strlen(stored), v->nmemo++);
    return guess;
}

/* Looks up the id in column k; reports an unknown one with the closest id. */
static size_t lookup(row_check *c, int k, char kind)
{
    size_t len;
    const char *s = cell(c, k, &len);
    const uf_plan *plan = c->v->plan;
    size_t pos = kind == 'u' ? uf_plan_find_unit(plan, s, len)
               : kind == 'i' ? uf_plan_find_indicator(plan, s, len)
                             : uf_plan_find_partner(plan, s, len);
    if (pos != UF_NOT_FOUND)
        return pos;
    const char *guess = suggestion(c->v, kind, s, len);
    const char *file = kind == 'u' ? "enheter.csv" : kind == 'i' ? "indikatorer.csv" : "partners.csv";
    char *hint = guess ? uf_msg_format(UF_MSG_SUGGEST, guess) : uf_msg_format(UF_MSG_SUGGEST_NONE, file);
    char buf[UF_EXCERPT];
    uf_msg code = kind == 'u' ? UF_MSG_ROW_UNKNOWN_UNIT : kind == 'i' ? UF_MSG_ROW_UNKNOWN_INDICATOR : UF_MSG_ROW_UNKNOWN_PARTNER;
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
        reject(c, COL_VALUE, UF_MSG_ROW_PERCENT_NOT_ALLOWED, shown, ind->id, ind->measure);
    if (ind->whole && n->value != floor(n->value))
        reject(c, COL_VALUE, UF_MSG_ROW_NOT_WHOLE, ind->id, shown, NULL);
    if (ind->whole && n->value < 0)
        reject(c, COL_VALUE, UF_MSG_ROW_NEGATIVE, ind->id, shown, NULL);
    else if (ind->has_min && n->value < ind->min)
        reject(c, COL_VALUE, UF_MSG_ROW_BELOW_MIN, shown, uf_fmt_number(bound, ind->min, -1), ind->id);
    if (ind->has_max && n->value > ind->max)
        reject(c, COL_VALUE, UF_MSG_ROW_ABOVE_MAX, shown, uf_fmt_number(bound, ind->max, -1), ind->id);
}

/* Larger values are refused: sums of up to 2^32 rows stay finite (never
 * ±inf, which a workbook cannot hold, or inf - inf = NaN, which would read
 * as "not reported"), and no KPI of a municipality comes near it. */
#define VALUE_LARGEST 1e15

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
            uf_diag_add(c->v->diags, UF_SEVERITY_WARNING, c->v->file, c->rec->line, column(c, COL_VALUE), UF_MSG_ROW_NO_VALUE);
        return NAN;
    }
    if (st != UF_NUMBER_OK) {
        number_error(c, st, s, len);
        return NAN;
    }
    if (fabs(n.value) > VALUE_LARGEST) {
        char shown[UF_EXCERPT], bound[UF_NUMBUF];
        reject(c, COL_VALUE, UF_MSG_ROW_TOO_LARGE, uf_excerpt(shown, s, len), uf_fmt_number(bound, VALUE_LARGEST, 0), NULL);
        return NAN;
    }
    if (indicator != UF_NOT_FOUND)
        check_value_rules(c, &c->v->plan->indicators[indicator], &n, s, len);
    return n.value;
}

static bool too_many_fields(uf_validator *v, const uf_csv_record *rec)
{
    if (rec->count <= v->header_fields)
        return false;
    char a[UF_NUMBUF], b[UF_NUMBUF];
    uf_diag_add(v->diags, UF_SEVERITY_ERROR, v->file, rec->line, (int)v->header_fields + 1,
                rec->delimiter == ',' ? UF_MSG_ROW_TOO_MANY_FIELDS_COMMA : UF_MSG_ROW_TOO_MANY_FIELDS, uf_fmt_count(a, (long long)rec->count),
                uf_fmt_count(b, (long long)v->header_fields));
    return true;
}

static void check_row(uf_validator *v, const uf_csv_record *rec)
{
    row_check c = {v, rec, true};
    uf_row row = {.partner = UF_NO_PARTNER, .file = v->file, .line = (uint32_t)rec->line};
    size_t len, unit = UF_NOT_FOUND, indicator = UF_NOT_FOUND, partner = UF_NOT_FOUND;
    int year = 0;
    if (too_many_fields(v, rec)) {
        v->data->counts.rows_rejected++;
        return;
    }
    check_year(&c, &year);
    if (present(&c, COL_UNIT))
        unit = lookup(&c, COL_UNIT, 'u');
    if (present(&c, COL_INDICATOR))
        indicator = lookup(&c, COL_INDICATOR, 'i');
    if ((cell(&c, COL_PARTNER, &len), len))
        partner = lookup(&c, COL_PARTNER, 'p');
    row.value = check_value(&c, indicator);
    if (!c.ok) {
        v->data->counts.rows_rejected++;
        return;
    }
    row.year = year;
    row.unit = (uint32_t)unit;
    row.indicator = (uint32_t)indicator;
    row.partner = partner == UF_NOT_FOUND ? UF_NO_PARTNER : (uint32_t)partner;
    int value_column = column(&c, COL_VALUE);
    row.value_column = (uint16_t)(value_column <= UINT16_MAX ? value_column : 0); /* 0: "the row" */
    const char *comment = cell(&c, COL_COMMENT, &len);
    uf_dataset_add(v->data, &row, comment, len);
    v->data->counts.rows_accepted++;
}

/* ---- one file ---- */

static bool on_record(void *user, const uf_csv_record *rec)
{
    uf_validator *v = user;
    if (!v->header_seen) {
        v->header_seen = true;
        v->header_fields = rec->count;
        v->file_rejected = !uf_columns_map(submission_columns, NCOLUMNS, rec, v->file, v->diags, v->index);
        return true;
    }
    v->data_rows++;
    v->data->counts.rows_read++;
    if (v->file_rejected)
        v->data->counts.rows_rejected++; /* counted, not checked: the file is rejected whole */
    else
        check_row(v, rec);
    return true;
}

static void begin_file(uf_validator *v, const char *name)
{
    v->file = uf_diag_add_file(v->diags, name);
    v->header_seen = v->file_rejected = false;
    v->header_fields = 0;
    v->data_rows = 0;
    v->data->counts.files_read++;
}

static void end_file(uf_validator *v, uf_error err, const uf_csv_info *info)
{
    uf_counts *counts = &v->data->counts;
    /* A record cut off by an unclosed quote was read and is rejected. */
    counts->rows_read += info->broken_records;
    counts->rows_rejected += info->broken_records;
    if (err == UF_ERROR_READ || v->file_rejected ||
        (err == UF_ERROR_FILE_REJECTED && v->data_rows == 0 && info->broken_records == 0)) {
        counts->files_rejected++;
        return;
    }
    if (err == UF_OK && !v->header_seen) {
        uf_diag_add(v->diags, UF_SEVERITY_ERROR, v->file, 0, 0, UF_MSG_FILE_EMPTY);
        counts->files_rejected++;
    } else if (err == UF_OK && v->data_rows == 0) {
        uf_diag_add(v->diags, UF_SEVERITY_WARNING, v->file, 0, 0, UF_MSG_FILE_NO_DATA);
    }
}

void uf_validate_file(uf_validator *v, const char *path, const char *name)
{
    uf_csv_info info;
    begin_file(v, name);
    uf_error err = uf_csv_read_file(path, v->file, v->diags, on_record, v, &info);
    end_file(v, err, &info);
}

void uf_validate_buffer(uf_validator *v, const char *data, size_t len, const char *name)
{
    uf_csv_info info;
    begin_file(v, name);
    uf_error err = uf_csv_read_buffer(data, len, v->file, v->diags, on_record, v, &info);
    end_file(v, err, &info);
}
