#include "plan/plan.h"

#include "common/file_name.h"
#include "common/text.h"
#include "common/unicode.h"
#include "plan/plan_names.h"
#include "read/columns.h"
#include "read/csvfile.h"
#include "read/number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_COLUMNS = 12 };

/* One plan file being read: its columns and what each row turns into. */
typedef struct plan_reader plan_reader;
struct plan_reader {
    uf_plan *plan;
    uf_diag_list *diags;
    uint32_t file;
    const char *file_name; /* "mal.csv", for messages that point to it */
    const uf_column_spec *specs;
    size_t nspecs;
    int index[MAX_COLUMNS];
    bool header_seen, header_ok;
    size_t header_fields;
    long rows;
    size_t cap; /* of the array this file fills */
    long *lines; /* line of each entity added, for duplicate messages */
    size_t lines_cap;
    void (*row)(plan_reader *r, const uf_csv_record *rec);
};

/* The field of spec k in rec, "" when the column or the cell is absent. */
static const char *field(const plan_reader *r, const uf_csv_record *rec, size_t k, size_t *len)
{
    int f = r->index[k];
    if (f == UF_COLUMN_MISSING || (size_t)f >= rec->count) {
        *len = 0;
        return "";
    }
    *len = rec->lengths[f];
    return rec->fields[f];
}

static int column_of(const plan_reader *r, size_t k) { return r->index[k] == UF_COLUMN_MISSING ? 0 : r->index[k] + 1; }

static void row_error(plan_reader *r, const uf_csv_record *rec, size_t k, uf_msg code, const char *arg, const char *arg2)
{
    uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file, rec->line, column_of(r, k), code, arg, arg2);
}

static const char *text(plan_reader *r, const uf_csv_record *rec, size_t k)
{
    size_t len;
    const char *s = field(r, rec, k, &len);
    uf_diag_unshowable(r->diags, r->file, rec->line, column_of(r, k), s, len);
    return uf_pool_strndup(r->plan->strings, s, len);
}

/* A required cell: reports it when empty. */
static bool need(plan_reader *r, const uf_csv_record *rec, size_t k)
{
    size_t len;
    field(r, rec, k, &len);
    if (len == 0) {
        char *q = uf_msg_xformat(UF_MSG_QUOTED, r->specs[k].name);
        row_error(r, rec, k, UF_MSG_ROW_EMPTY_FIELD, q, NULL);
        free(q);
        return false;
    }
    return true;
}

/* Ids become file names and CSV cells: they start with a letter or digit
 * (never a formula's '=', '+', '-' or '@') and hold letters of any script
 * (with their combining marks), digits, '-', '_' and '.': no separators,
 * and nothing invisible (NBSP, zero-width or bidi characters), so that
 * every id can be seen and typed. */
static bool valid_id(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = uf_utf8_next(s + i, len - i, &cp);
        int k = cp == UF_UTF8_BAD ? UF_ID_NONE : uf_unicode_id_class(cp);
        bool joiner = cp == '-' || cp == '_' || cp == '.' || k == UF_ID_MARK;
        if (k != UF_ID_START && (i == 0 || !joiner))
            return false;
        i += n;
    }
    return len > 0;
}

static char kind_of(const uf_plan *p, const uf_index *index)
{
    return index == p->unit_index ? 'u' : index == p->indicator_index ? 'i' : index == p->partner_index ? 'p' : 'g';
}

/* "u" + the id's look-alike key: what an unknown id is compared under to
 * tell "looks the same, encoded differently" (unicode.h). */
static char *lookalike_key(char kind, const char *s, size_t len, size_t *key_len)
{
    size_t n;
    char *key = uf_unicode_lookalike_key(s, len, &n);
    char *kind_key = uf_asprintf("%c%s", kind, key);
    free(key);
    *key_len = n + 1;
    return kind_key;
}

static void add_lookalike(uf_plan *p, char kind, const char *id, size_t len, size_t pos)
{
    size_t n;
    char *key = lookalike_key(kind, id, len, &n);
    uf_index_put(p->lookalikes, uf_pool_strndup(p->strings, key, n), n, pos);
    free(key);
}

/* Checks and registers column k's id under position pos in index.
 *
 * keep_place: once its id is registered, a row is added even when another
 * of its cells is wrong (the error already rejects the plan). Otherwise the
 * next row would take the same position and the broken id would point at
 * it, or past the end of the array, when malvarden.csv names it. */
static const char *take_id(plan_reader *r, const uf_csv_record *rec, size_t k, uf_index *index, size_t pos)
{
    size_t len;
    const char *s = field(r, rec, k, &len);
    char buf[UF_EXCERPT], line[UF_NUMBUF];
    if (!need(r, rec, k))
        return NULL;
    if (!valid_id(s, len)) {
        row_error(r, rec, k, UF_MSG_PLAN_BAD_ID, uf_excerpt(buf, s, len), NULL);
        return NULL;
    }
    char *nfc = uf_unicode_nfc(s, len, &len);
    const char *id = uf_pool_strndup(r->plan->strings, nfc, len);
    free(nfc);
    if (!uf_index_put(index, id, len, pos)) {
        size_t first = uf_index_get(index, id, len);
        row_error(r, rec, k, UF_MSG_PLAN_DUP_ID, uf_excerpt(buf, s, len), (snprintf(line, sizeof line, "%ld", r->lines[first]), line));
        return NULL;
    }
    uf_grow(&r->lines, &r->lines_cap, pos + 1, sizeof(long));
    r->lines[pos] = rec->line;
    add_lookalike(r->plan, kind_of(r->plan, index), id, len, pos);
    return id;
}


static bool parse_number_cell(plan_reader *r, const uf_csv_record *rec, size_t k, bool allow_percent, double *out)
{
    size_t len;
    const char *s = field(r, rec, k, &len);
    uf_number n;
    char buf[UF_EXCERPT];
    uf_number_status st = uf_number_parse(s, len, &n);
    if (st != UF_NUMBER_OK || (n.percent && !allow_percent)) {
        row_error(r, rec, k, UF_MSG_ROW_NOT_NUMBER, uf_excerpt(buf, s, len), NULL);
        return false;
    }
    *out = n.value;
    return true;
}

/* ---- mal.csv ---- */

enum { GOAL_ID, GOAL_NAME, GOAL_DESC };
static const uf_column_spec goal_columns[] = {
    {"id", "id", true},
    {"namn", "namn|name", true},
    {"beskrivning", "beskrivning|description", false},
};

static void goal_row(plan_reader *r, const uf_csv_record *rec)
{
    uf_plan *p = r->plan;
    const char *id = take_id(r, rec, GOAL_ID, p->goal_index, p->ngoals);
    need(r, rec, GOAL_NAME);
    if (!id)
        return; /* a row with an id keeps its place even when broken: see keep_place */
    uf_grow(&p->goals, &r->cap, p->ngoals + 1, sizeof(uf_goal));
    p->goals[p->ngoals++] = (uf_goal){id, text(r, rec, GOAL_NAME), text(r, rec, GOAL_DESC)};
}

/* ---- indikatorer.csv ---- */

enum { IND_ID, IND_GOAL, IND_NAME, IND_MEASURE, IND_AGG, IND_DIR, IND_AREA, IND_SDG, IND_MIN, IND_MAX, IND_DESC, IND_APPLIES };
static const uf_column_spec indicator_columns[] = {
    {"id", "id", true},
    {"mål", "mal|goal", true},
    {"namn", "namn|name", true},
    {"måttenhet", "mattenhet|matt|measure|unit of measure", true},
    {"aggregering", "aggregering|aggregation", true},
    {"riktning", "riktning|direction", true},
    {"målområde", "malomrade|area", false},
    {"agenda2030", "agenda2030|agenda 2030|sdg|sdgs", false},
    {"min", "min", false},
    {"max", "max", false},
    {"beskrivning", "beskrivning|description", false},
    {"gäller", "galler|applies|applies to", false},
};

static bool parse_sdgs(plan_reader *r, const uf_csv_record *rec, uint32_t *bits)
{
    size_t len;
    const char *s = field(r, rec, IND_SDG, &len);
    size_t i = 0;
    *bits = 0;
    while (i < len) {
        while (i < len && strchr(" ,;\t", s[i]))
            i++;
        size_t start = i;
        while (i < len && !strchr(" ,;\t", s[i]))
            i++;
        if (i == start)
            continue;
        char *end;
        char tok[16] = {0};
        memcpy(tok, s + start, i - start < 15 ? i - start : 15);
        long goal = strtol(tok, &end, 10);
        if (*end || goal < 1 || goal > 17 || i - start > 2) {
            char buf[UF_EXCERPT];
            row_error(r, rec, IND_SDG, UF_MSG_PLAN_BAD_SDG, uf_excerpt(buf, s + start, i - start), NULL);
            return false;
        }
        *bits |= 1u << goal;
    }
    return true;
}

static bool indicator_goal(plan_reader *r, const uf_csv_record *rec, size_t *goal)
{
    size_t len;
    const char *s = field(r, rec, IND_GOAL, &len);
    if (!need(r, rec, IND_GOAL))
        return false;
    *goal = uf_plan_find_goal(r->plan, s, len);
    if (*goal != UF_NOT_FOUND)
        return true;
    char buf[UF_EXCERPT];
    char *hint = uf_plan_hint(r->plan, 'g', s, len);
    row_error(r, rec, IND_GOAL, UF_MSG_PLAN_UNKNOWN_GOAL, uf_excerpt(buf, s, len), hint);
    free(hint);
    return false;
}

static bool indicator_kind(plan_reader *r, const uf_csv_record *rec, uf_indicator *ind)
{
    size_t alen, dlen;
    const char *agg = field(r, rec, IND_AGG, &alen), *dir = field(r, rec, IND_DIR, &dlen);
    char buf[UF_EXCERPT];
    bool ok = need(r, rec, IND_AGG) & need(r, rec, IND_DIR) & need(r, rec, IND_MEASURE);
    if (alen && !uf_parse_aggregation(agg, alen, &ind->aggregation)) {
        row_error(r, rec, IND_AGG, UF_MSG_PLAN_BAD_AGGREGATION, uf_excerpt(buf, agg, alen), NULL);
        ok = false;
    }
    if (dlen && !uf_parse_direction(dir, dlen, &ind->direction)) {
        row_error(r, rec, IND_DIR, UF_MSG_PLAN_BAD_DIRECTION, uf_excerpt(buf, dir, dlen), NULL);
        ok = false;
    }
    ind->measure = text(r, rec, IND_MEASURE);
    ind->whole = uf_measure_is_whole(ind->measure);
    ind->percent = uf_measure_is_percent(ind->measure);
    return ok;
}

static bool indicator_bounds(plan_reader *r, const uf_csv_record *rec, uf_indicator *ind)
{
    size_t len;
    bool ok = true;
    /* procent means 0..100 unless the plan says otherwise. */
    ind->has_min = ind->percent;
    ind->has_max = ind->percent;
    ind->min = 0;
    ind->max = 100;
    if ((field(r, rec, IND_MIN, &len), len)) {
        ok &= parse_number_cell(r, rec, IND_MIN, ind->percent, &ind->min);
        ind->has_min = true;
    }
    if ((field(r, rec, IND_MAX, &len), len)) {
        ok &= parse_number_cell(r, rec, IND_MAX, ind->percent, &ind->max);
        ind->has_max = true;
    }
    if (ok && ind->has_min && ind->has_max && ind->min > ind->max) {
        char a[UF_NUMBUF], b[UF_NUMBUF];
        row_error(r, rec, IND_MIN, UF_MSG_PLAN_MIN_MAX, uf_fmt_number(a, ind->min, -1), uf_fmt_number(b, ind->max, -1));
        ok = false;
    }
    return ok;
}

static void indicator_row(plan_reader *r, const uf_csv_record *rec)
{
    uf_plan *p = r->plan;
    uf_indicator ind = {0};
    ind.id = take_id(r, rec, IND_ID, p->indicator_index, p->nindicators);
    need(r, rec, IND_NAME);
    indicator_goal(r, rec, &ind.goal);
    indicator_kind(r, rec, &ind);
    indicator_bounds(r, rec, &ind);
    parse_sdgs(r, rec, &ind.sdgs);
    if (!ind.id)
        return; /* see keep_place */
    ind.name = text(r, rec, IND_NAME);
    ind.area = text(r, rec, IND_AREA);
    ind.description = text(r, rec, IND_DESC);
    ind.applies_text = text(r, rec, IND_APPLIES);
    ind.line = rec->line;
    p->applies_column = column_of(r, IND_APPLIES);
    uf_grow(&p->indicators, &r->cap, p->nindicators + 1, sizeof(uf_indicator));
    p->indicators[p->nindicators++] = ind;
}

/* ---- enheter.csv ---- */

enum { UNIT_ID, UNIT_NAME, UNIT_TYPE };
static const uf_column_spec unit_columns[] = {
    {"id", "id", true},
    {"namn", "namn|name", true},
    {"typ", "typ|type", true},
};

static void unit_row(plan_reader *r, const uf_csv_record *rec)
{
    uf_plan *p = r->plan;
    uf_unit unit = {0};
    size_t len;
    const char *type = field(r, rec, UNIT_TYPE, &len);
    unit.id = take_id(r, rec, UNIT_ID, p->unit_index, p->nunits);
    need(r, rec, UNIT_NAME);
    if (need(r, rec, UNIT_TYPE) && !uf_parse_unit_type(type, len, &unit.type)) {
        char buf[UF_EXCERPT];
        row_error(r, rec, UNIT_TYPE, UF_MSG_PLAN_BAD_UNIT_TYPE, uf_excerpt(buf, type, len), NULL);
    }
    if (!unit.id)
        return; /* see keep_place */
    unit.name = text(r, rec, UNIT_NAME);
    uf_grow(&p->units, &r->cap, p->nunits + 1, sizeof(uf_unit));
    p->units[p->nunits++] = unit;
}

/* ---- partners.csv ---- */

enum { PARTNER_ID, PARTNER_NAME, PARTNER_TYPE, PARTNER_COUNTRY };
static const uf_column_spec partner_columns[] = {
    {"id", "id", true},
    {"namn", "namn|name", true},
    {"typ", "typ|type", true},
    {"land", "land|country", false},
};

static void partner_row(plan_reader *r, const uf_csv_record *rec)
{
    uf_plan *p = r->plan;
    uf_partner partner = {0};
    size_t len;
    const char *type = field(r, rec, PARTNER_TYPE, &len);
    partner.id = take_id(r, rec, PARTNER_ID, p->partner_index, p->npartners);
    need(r, rec, PARTNER_NAME);
    if (need(r, rec, PARTNER_TYPE) && !uf_parse_partner_type(type, len, &partner.type)) {
        char buf[UF_EXCERPT];
        row_error(r, rec, PARTNER_TYPE, UF_MSG_PLAN_BAD_PARTNER_TYPE, uf_excerpt(buf, type, len), NULL);
    }
    if (!partner.id)
        return; /* see keep_place */
    partner.name = text(r, rec, PARTNER_NAME);
    partner.country = text(r, rec, PARTNER_COUNTRY);
    uf_grow(&p->partners, &r->cap, p->npartners + 1, sizeof(uf_partner));
    p->partners[p->npartners++] = partner;
}

/* ---- malvarden.csv ---- */

enum { TARGET_YEAR, TARGET_INDICATOR, TARGET_UNIT, TARGET_VALUE };
static const uf_column_spec target_columns[] = {
    {"år", "ar|year", true},
    {"indikator", "indikator|indicator", true},
    {"enhet", "enhet|unit", false},
    {"målvärde", "malvarde|target|varde|value", true},
};

/* Looks up an id of the given kind, reporting it with a suggestion. */
static size_t known_id(plan_reader *r, const uf_csv_record *rec, size_t k, char kind)
{
    size_t len;
    const char *s = field(r, rec, k, &len);
    size_t pos = kind == 'i' ? uf_plan_find_indicator(r->plan, s, len) : uf_plan_find_unit(r->plan, s, len);
    if (pos != UF_NOT_FOUND)
        return pos;
    char buf[UF_EXCERPT];
    char *hint = uf_plan_hint(r->plan, kind, s, len);
    row_error(r, rec, k, kind == 'i' ? UF_MSG_ROW_UNKNOWN_INDICATOR : UF_MSG_ROW_UNKNOWN_UNIT,
              uf_excerpt(buf, s, len), hint);
    free(hint);
    return UF_NOT_FOUND;
}

static void target_row(plan_reader *r, const uf_csv_record *rec)
{
    uf_plan *p = r->plan;
    uf_target t = {.unit = UF_WHOLE_MUNICIPALITY, .line = rec->line};
    size_t len;
    const char *year = field(r, rec, TARGET_YEAR, &len);
    bool ok = need(r, rec, TARGET_YEAR) && need(r, rec, TARGET_INDICATOR) && need(r, rec, TARGET_VALUE);
    if (!ok)
        return;
    if (!uf_year_parse(year, len, &t.year)) {
        char buf[UF_EXCERPT];
        row_error(r, rec, TARGET_YEAR, UF_MSG_ROW_BAD_YEAR, uf_excerpt(buf, year, len), NULL);
        ok = false;
    }
    t.indicator = known_id(r, rec, TARGET_INDICATOR, 'i');
    if ((field(r, rec, TARGET_UNIT, &len), len) && (t.unit = known_id(r, rec, TARGET_UNIT, 'u')) == UF_NOT_FOUND)
        ok = false;
    if (t.indicator == UF_NOT_FOUND)
        return;
    ok &= parse_number_cell(r, rec, TARGET_VALUE, p->indicators[t.indicator].percent, &t.value);
    if (ok && fabs(t.value) > UF_VALUE_LARGEST) {
        /* Capped like values: 1e308 would show as "–" and break the chart. */
        char shown[UF_EXCERPT], bound[UF_NUMBUF];
        const char *s = field(r, rec, TARGET_VALUE, &len);
        row_error(r, rec, TARGET_VALUE, UF_MSG_ROW_TOO_LARGE, uf_excerpt(shown, s, len),
                  uf_fmt_number(bound, UF_VALUE_LARGEST, 0));
        ok = false;
    }
    if (!ok)
        return;
    uf_grow(&p->targets, &r->cap, p->ntargets + 1, sizeof(uf_target));
    p->targets[p->ntargets++] = t;
}

/* ---- reading a plan file ---- */

static bool plan_record(void *user, const uf_csv_record *rec)
{
    plan_reader *r = user;
    if (!r->header_seen) {
        r->header_seen = true;
        r->header_fields = rec->count;
        r->header_ok = uf_columns_map(r->specs, r->nspecs, rec, r->file, r->diags, r->index);
        return r->header_ok;
    }
    r->rows++;
    if (rec->count > r->header_fields) {
        char a[UF_NUMBUF], b[UF_NUMBUF];
        uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file, rec->line, (int)r->header_fields + 1,
                    rec->delimiter == ',' ? UF_MSG_ROW_TOO_MANY_FIELDS_COMMA : UF_MSG_ROW_TOO_MANY_FIELDS, uf_fmt_count(a, (long long)rec->count),
                    uf_fmt_count(b, (long long)r->header_fields));
        return true;
    }
    r->row(r, rec);
    return true;
}

static char *plan_path(const char *inputs_dir, const char *name)
{
    char *dir = uf_path_join(inputs_dir, "plan");
    char *path = uf_path_join(dir, name);
    free(dir);
    return path;
}

/* Reads one plan file; returns false if it is absent (or optional and empty). */
static bool read_plan_file(uf_plan *plan, uf_diag_list *diags, const char *inputs_dir, const char *name,
                           bool required, const uf_column_spec *specs, size_t nspecs,
                           void (*row)(plan_reader *, const uf_csv_record *))
{
    char *path = plan_path(inputs_dir, name);
    plan_reader r = {.plan = plan, .diags = diags, .file_name = name, .specs = specs, .nspecs = nspecs, .row = row};
    struct stat st;
    bool present = stat(path, &st) == 0;
    /* Shown relative to INPUTS: a report never carries an absolute path. */
    char *shown = uf_path_join("plan", name);
    r.file = uf_diag_add_file(diags, shown);
    free(shown);
    if (!present) {
        if (required)
            uf_diag_add(diags, UF_SEVERITY_ERROR, r.file, 0, 0, UF_MSG_PLAN_MISSING_FILE);
        free(path);
        return false;
    }
    /* An optional file created but not yet filled in (no targets set yet)
     * is no reason to stop the follow-up. */
    if (!required && S_ISREG(st.st_mode) && st.st_size == 0) {
        uf_diag_add(diags, UF_SEVERITY_WARNING, r.file, 0, 0, UF_MSG_PLAN_OPTIONAL_EMPTY);
        free(path);
        return false;
    }
    uf_error err = uf_csv_read_file(path, r.file, diags, plan_record, &r, NULL);
    bool empty = err == UF_OK && !r.header_seen;
    if (err == UF_OK && r.header_ok && r.rows == 0 && required)
        uf_diag_add(diags, UF_SEVERITY_ERROR, r.file, 0, 0, UF_MSG_PLAN_NO_ROWS);
    else if (empty)
        uf_diag_add(diags, required ? UF_SEVERITY_ERROR : UF_SEVERITY_WARNING, r.file, 0, 0,
                    required ? UF_MSG_FILE_EMPTY : UF_MSG_PLAN_OPTIONAL_EMPTY);
    free(r.lines);
    free(path);
    return !(empty && !required);
}

/* ---- gäller, once the units are known ---- */

static bool resolve_token(uf_plan *plan, bool *applies, const char *tok, size_t len)
{
    size_t unit = uf_plan_find_unit(plan, tok, len);
    uf_unit_type type;
    if (unit != UF_NOT_FOUND) {
        applies[unit] = true;
        return true;
    }
    if (!uf_parse_unit_type(tok, len, &type))
        return false;
    for (size_t u = 0; u < plan->nunits; u++)
        applies[u] |= plan->units[u].type == type;
    return true;
}

static void report_bad_applies(uf_plan *plan, uf_diag_list *diags, uint32_t file, const uf_indicator *ind,
                               const char *tok, size_t len)
{
    char buf[UF_EXCERPT];
    const char *guess = uf_plan_suggest(plan, 'u', tok, len);
    char *hint = guess ? uf_msg_format(UF_MSG_SUGGEST, guess) : uf_msg_format(UF_MSG_SUGGEST_NONE, "enheter.csv");
    uf_diag_add(diags, UF_SEVERITY_ERROR, file, ind->line, plan->applies_column, UF_MSG_PLAN_BAD_APPLIES,
                uf_excerpt(buf, tok, len), hint ? hint : "");
    free(hint);
}

/* Unit ids and unit types separated by spaces or commas; empty: every unit. */
static void resolve_applies(uf_plan *plan, uf_diag_list *diags, uint32_t file)
{
    static const char separators[] = " ,;\t";
    for (size_t i = 0; i < plan->nindicators; i++) {
        uf_indicator *ind = &plan->indicators[i];
        const char *s = ind->applies_text;
        size_t len = strlen(s), at = 0;
        bool *applies = uf_xcalloc(plan->nunits + 1, sizeof(bool));
        bool any = false;
        while (at < len) {
            at += strspn(s + at, separators);
            size_t n = strcspn(s + at, separators);
            if (n == 0)
                break;
            if (!resolve_token(plan, applies, s + at, n))
                report_bad_applies(plan, diags, file, ind, s + at, n);
            any = true;
            at += n;
        }
        if (any)
            ind->applies = applies;
        else
            free(applies);
    }
}

static int target_cmp(const void *pa, const void *pb)
{
    const uf_target *a = pa, *b = pb;
    if (a->indicator != b->indicator)
        return a->indicator < b->indicator ? -1 : 1;
    if (a->unit != b->unit)
        return a->unit < b->unit ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

static void check_duplicate_targets(uf_plan *plan, uf_diag_list *diags, uint32_t file)
{
    if (plan->ntargets > 1) /* targets is NULL without malvarden.csv: qsort(NULL) is undefined */
        qsort(plan->targets, plan->ntargets, sizeof(uf_target), target_cmp);
    for (size_t i = 1; i < plan->ntargets; i++) {
        const uf_target *a = &plan->targets[i - 1], *b = &plan->targets[i];
        if (a->indicator != b->indicator || a->unit != b->unit || a->year != b->year)
            continue;
        char y[UF_NUMBUF], line[UF_NUMBUF];
        snprintf(y, sizeof y, "%d", b->year);
        const char *unit = b->unit == UF_WHOLE_MUNICIPALITY ? uf_msg_text(UF_MSG_PLAN_WHOLE) : plan->units[b->unit].id;
        uf_diag_add(diags, UF_SEVERITY_ERROR, file, b->line, 0, UF_MSG_PLAN_DUP_TARGET, y,
                    plan->indicators[b->indicator].id, unit, (snprintf(line, sizeof line, "%ld", a->line), line));
    }
}

/* File stems, once: two ids that a file system would take for one name
 * (Ω and ω) get distinct ones. Kept in the plan's pool. */
static const char *stem_of(uf_plan *plan, uf_name_set *names, const char *id)
{
    const char *stem = uf_name_set_add(names, id);
    return uf_pool_strndup(plan->strings, stem, strlen(stem));
}

static void decide_stems(uf_plan *plan)
{
    uf_name_set *units = uf_name_set_new(plan->nunits), *indicators = uf_name_set_new(plan->nindicators);
    plan->unit_stems = uf_xcalloc(plan->nunits + 1, sizeof *plan->unit_stems);
    plan->indicator_stems = uf_xcalloc(plan->nindicators + 1, sizeof *plan->indicator_stems);
    for (size_t u = 0; u < plan->nunits; u++)
        plan->unit_stems[u] = stem_of(plan, units, plan->units[u].id);
    for (size_t i = 0; i < plan->nindicators; i++)
        plan->indicator_stems[i] = stem_of(plan, indicators, plan->indicators[i].id);
    uf_name_set_free(units);
    uf_name_set_free(indicators);
}

const char *uf_plan_unit_stem(const uf_plan *plan, size_t unit) { return plan->unit_stems[unit]; }
const char *uf_plan_indicator_stem(const uf_plan *plan, size_t indicator) { return plan->indicator_stems[indicator]; }

uf_plan *uf_plan_load(const char *inputs_dir, uf_diag_list *diags, uf_error *err)
{
    size_t errors_before = diags->errors;
    uf_plan *plan = uf_xcalloc(1, sizeof(uf_plan));
    plan->strings = uf_pool_new();
    plan->goal_index = uf_index_new(16);
    plan->indicator_index = uf_index_new(64);
    plan->unit_index = uf_index_new(64);
    plan->partner_index = uf_index_new(64);
    plan->lookalikes = uf_index_new(256);
#define N(a) (sizeof(a) / sizeof((a)[0]))
    read_plan_file(plan, diags, inputs_dir, "mal.csv", true, goal_columns, N(goal_columns), goal_row);
    uint32_t indicator_file = (uint32_t)diags->nfiles; /* each read registers one file */
    read_plan_file(plan, diags, inputs_dir, "indikatorer.csv", true, indicator_columns, N(indicator_columns), indicator_row);
    read_plan_file(plan, diags, inputs_dir, "enheter.csv", true, unit_columns, N(unit_columns), unit_row);
    resolve_applies(plan, diags, indicator_file);
    plan->has_partner_file =
        read_plan_file(plan, diags, inputs_dir, "partners.csv", false, partner_columns, N(partner_columns), partner_row);
    read_plan_file(plan, diags, inputs_dir, "malvarden.csv", false, target_columns, N(target_columns), target_row);
#undef N
    check_duplicate_targets(plan, diags, (uint32_t)(diags->nfiles - 1));
    decide_stems(plan);
    if (diags->errors > errors_before) {
        uf_plan_free(plan);
        *err = UF_ERROR_PLAN;
        return NULL;
    }
    *err = UF_OK;
    return plan;
}

void uf_plan_free(uf_plan *plan)
{
    if (!plan)
        return;
    free(plan->goals);
    for (size_t i = 0; plan->indicators && i < plan->nindicators; i++)
        free(plan->indicators[i].applies);
    free(plan->indicators);
    free(plan->units);
    free(plan->partners);
    free(plan->targets);
    uf_index_free(plan->goal_index);
    uf_index_free(plan->indicator_index);
    uf_index_free(plan->unit_index);
    uf_index_free(plan->partner_index);
    uf_index_free(plan->lookalikes);
    free(plan->unit_stems);
    free(plan->indicator_stems);
    uf_pool_free(plan->strings);
    free(plan);
}

/* Ids are kept in NFC: the text looked up is brought to NFC too (the quick
 * check costs no copy for text already in NFC, nearly all). */
static size_t find_id(const uf_index *index, const char *id, size_t len)
{
    if (uf_unicode_is_nfc(id, len))
        return uf_index_get(index, id, len);
    size_t n;
    char *nfc = uf_unicode_nfc(id, len, &n);
    size_t at = uf_index_get(index, nfc, n);
    free(nfc);
    return at;
}

size_t uf_plan_find_goal(const uf_plan *plan, const char *id, size_t len) { return find_id(plan->goal_index, id, len); }
size_t uf_plan_find_indicator(const uf_plan *plan, const char *id, size_t len) { return find_id(plan->indicator_index, id, len); }
size_t uf_plan_find_unit(const uf_plan *plan, const char *id, size_t len) { return find_id(plan->unit_index, id, len); }
size_t uf_plan_find_partner(const uf_plan *plan, const char *id, size_t len) { return find_id(plan->partner_index, id, len); }

bool uf_plan_applies(const uf_plan *plan, size_t indicator, size_t unit)
{
    const bool *applies = plan->indicators[indicator].applies;
    return !applies || applies[unit];
}

bool uf_plan_unit_expected(const uf_plan *plan, size_t unit)
{
    for (size_t i = 0; i < plan->nindicators; i++)
        if (uf_plan_applies(plan, i, unit))
            return true;
    return false;
}

bool uf_plan_target(const uf_plan *plan, size_t indicator, size_t unit, int year, double *value)
{
    uf_target key = {.year = year, .indicator = indicator, .unit = unit, .line = 0};
    size_t lo = 0, hi = plan->ntargets;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (target_cmp(&plan->targets[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < plan->ntargets) {
        const uf_target *t = &plan->targets[lo];
        if (t->indicator == indicator && t->unit == unit && t->year == year) {
            *value = t->value;
            return true;
        }
    }
    return false;
}

/* ---- suggestions ---- */

static void entity(const uf_plan *plan, char kind, size_t i, const char **id, const char **name)
{
    switch (kind) {
    case 'u': *id = plan->units[i].id; *name = plan->units[i].name; break;
    case 'i': *id = plan->indicators[i].id; *name = plan->indicators[i].name; break;
    case 'p': *id = plan->partners[i].id; *name = plan->partners[i].name; break;
    default: *id = plan->goals[i].id; *name = plan->goals[i].name; break;
    }
}

const char *uf_plan_suggest(const uf_plan *plan, char kind, const char *text, size_t len)
{
    size_t n = kind == 'u' ? plan->nunits : kind == 'i' ? plan->nindicators : kind == 'p' ? plan->npartners : plan->ngoals;
    /* Short ids tolerate fewer typos, or every guess would be "close". */
    size_t cap = len <= 2 ? 0 : len <= 5 ? 1 : len <= 10 ? 2 : 3;
    const char *best = NULL;
    size_t best_distance = cap + 1;
    for (size_t i = 0; i < n; i++) {
        const char *id, *name;
        entity(plan, kind, i, &id, &name);
        if (uf_id_equal(name, strlen(name), text, len))
            return id; /* the name was written instead of the id */
        size_t d = uf_edit_distance(text, len, id, strlen(id), best_distance - 1 < cap ? best_distance - 1 : cap);
        if (d < best_distance) {
            best_distance = d;
            best = id;
        }
    }
    return best;
}

static const char *plan_file_of(char kind)
{
    return kind == 'u' ? "enheter.csv" : kind == 'i' ? "indikatorer.csv" : kind == 'p' ? "partners.csv" : "mal.csv";
}

/* How text differs from the look-alike id: "U+0430 i stället för U+0061". */
static char *lookalike_detail(const char *text, size_t len, const char *id)
{
    uint32_t a, b;
    char ca[UF_CODEPOINT_BUF], cb[UF_CODEPOINT_BUF];
    if (!uf_unicode_first_difference(text, len, id, strlen(id), &a, &b))
        return NULL;
    uf_text_codepoint(ca, a);
    return b ? uf_msg_format(UF_MSG_LOOKALIKE_CHAR, ca, uf_text_codepoint(cb, b))
             : uf_msg_format(UF_MSG_LOOKALIKE_INVISIBLE, ca);
}

char *uf_plan_hint(const uf_plan *plan, char kind, const char *text, size_t len)
{
    size_t n, klen;
    char *nfc = uf_unicode_nfc(text, len, &n);
    char *key = lookalike_key(kind, nfc, n, &klen);
    size_t alike = uf_index_get(plan->lookalikes, key, klen);
    char *hint = NULL;
    free(key);
    if (alike != SIZE_MAX) {
        const char *id, *name;
        entity(plan, kind, alike, &id, &name);
        char *detail = lookalike_detail(nfc, n, id);
        if (detail)
            hint = uf_msg_format(UF_MSG_SUGGEST_LOOKALIKE, id, detail);
        free(detail);
    }
    if (!hint) {
        const char *guess = uf_plan_suggest(plan, kind, nfc, n);
        hint = guess ? uf_msg_format(UF_MSG_SUGGEST, guess) : uf_msg_format(UF_MSG_SUGGEST_NONE, plan_file_of(kind));
    }
    free(nfc);
    return hint ? hint : uf_xstrdup("");
}
