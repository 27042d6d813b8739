#include "dataset/dataset.h"

#include "common/util.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uf_dataset *uf_dataset_new(const uf_plan *plan)
{
    uf_dataset *data = uf_xcalloc(1, sizeof(uf_dataset));
    data->plan = plan;
    data->strings = uf_pool_new();
    data->key_mask = 1023;
    data->key_slots = uf_xmalloc((data->key_mask + 1) * sizeof(uint32_t));
    memset(data->key_slots, 0xFF, (data->key_mask + 1) * sizeof(uint32_t));
    return data;
}

void uf_dataset_free(uf_dataset *data)
{
    if (!data)
        return;
    free(data->rows);
    free(data->years);
    free(data->reported);
    free(data->assessments);
    free(data->rejections);
    free(data->key_slots);
    uf_pool_free(data->strings);
    free(data);
}

/* ---- the (year, unit, indicator, partner) key ---- */

static uint32_t key_hash(const uf_row *r)
{
    uint64_t h = (uint64_t)(uint32_t)r->year * 0x9E3779B97F4A7C15u;
    h ^= ((uint64_t)r->unit << 32 | r->indicator) * 0xC2B2AE3D27D4EB4Fu;
    h ^= (uint64_t)r->partner * 0x165667B19E3779F9u;
    h ^= h >> 29;
    return (uint32_t)(h ^ (h >> 32));
}

static bool same_key(const uf_row *a, const uf_row *b)
{
    return a->year == b->year && a->unit == b->unit && a->indicator == b->indicator && a->partner == b->partner;
}

/* Re-inserts the first row of every key among rows [0, limit). */
static void key_rehash(uf_dataset *data, size_t limit)
{
    size_t n = (data->key_mask + 1) * 2;
    free(data->key_slots);
    data->key_slots = uf_xmalloc(n * sizeof(uint32_t));
    memset(data->key_slots, 0xFF, n * sizeof(uint32_t));
    data->key_mask = n - 1;
    for (size_t i = 0; i < limit; i++) {
        if (data->rows[i].first_same != i)
            continue;
        size_t at = key_hash(&data->rows[i]) & data->key_mask;
        while (data->key_slots[at] != UF_NO_ROW)
            at = (at + 1) & data->key_mask;
        data->key_slots[at] = (uint32_t)i;
    }
}

/* Links row i to an earlier row with the same key, if there is one. */
static void key_link(uf_dataset *data, uint32_t i)
{
    uf_row *row = &data->rows[i];
    if ((data->nkeys + 1) * 2 > data->key_mask + 1)
        key_rehash(data, i); /* row i is not linked yet */
    size_t at = key_hash(row) & data->key_mask;
    while (data->key_slots[at] != UF_NO_ROW) {
        uint32_t first = data->key_slots[at];
        if (same_key(&data->rows[first], row)) {
            data->rows[data->rows[first].last_same].next_same = i;
            data->rows[first].last_same = i;
            row->first_same = first;
            return;
        }
        at = (at + 1) & data->key_mask;
    }
    data->key_slots[at] = i;
    data->nkeys++;
}

void uf_dataset_add(uf_dataset *data, const uf_row *row, const char *comment, size_t comment_len)
{
    if (data->nrows >= UF_NO_ROW - 1) {
        /* More rows than a uint32_t can number: far past any real country. */
        fprintf(stderr, "uppfolj: too many rows\n");
        exit(2);
    }
    uf_grow(&data->rows, &data->rows_cap, data->nrows + 1, sizeof(uf_row));
    uint32_t i = (uint32_t)data->nrows++;
    uf_row *r = &data->rows[i];
    *r = *row;
    r->comment = comment_len ? uf_pool_strndup(data->strings, comment, comment_len) : NULL;
    r->next_same = UF_NO_ROW;
    r->first_same = i;
    r->last_same = i;
    r->state = UF_ROW_ACCEPTED;
    key_link(data, i);
}

void uf_dataset_add_assessment(uf_dataset *data, const uf_self_assessment *a, const char *analysis,
                               size_t analysis_len, const char *actions, size_t actions_len)
{
    uf_grow(&data->assessments, &data->assessments_cap, data->nassessments + 1, sizeof(uf_self_assessment));
    uf_self_assessment *s = &data->assessments[data->nassessments++];
    *s = *a;
    s->analysis = analysis_len ? uf_pool_strndup(data->strings, analysis, analysis_len) : NULL;
    s->actions = actions_len ? uf_pool_strndup(data->strings, actions, actions_len) : NULL;
    s->state = UF_ROW_ACCEPTED;
}

void uf_dataset_add_rejection(uf_dataset *data, const uf_rejection *r)
{
    uf_grow(&data->rejections, &data->rejections_cap, data->nrejections + 1, sizeof(uf_rejection));
    data->rejections[data->nrejections++] = *r;
}

void uf_dataset_count_file(uf_dataset *data, bool rejected)
{
    data->counts.files_read++;
    if (rejected)
        data->counts.files_rejected++;
}

void uf_dataset_count_rows(uf_dataset *data, long read, long accepted, long rejected)
{
    data->counts.rows_read += read;
    data->counts.rows_accepted += accepted;
    data->counts.rows_rejected += rejected;
}

void uf_dataset_count_assessments(uf_dataset *data, long read, long accepted, long rejected)
{
    uf_dataset_count_rows(data, read, accepted, rejected);
    data->counts.assessments_read += read;
    data->counts.assessments_accepted += accepted;
    data->counts.assessments_rejected += rejected;
}

/* ---- duplicates and conflicts ---- */

static bool same_value(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static bool group_conflicts(const uf_dataset *data, uint32_t first)
{
    for (uint32_t j = data->rows[first].next_same; j != UF_NO_ROW; j = data->rows[j].next_same)
        if (!same_value(data->rows[j].value, data->rows[first].value))
            return true;
    return false;
}

/* "rad 5" when it is in here_file, else "rad 5 i a.csv"; malloc'ed.
 * here_file UF_NO_FILE: always name the file. */
static char *place_at(const uf_diag_list *diags, uint32_t file, uint32_t line_no, uint32_t here_file)
{
    char line[UF_NUMBUF];
    snprintf(line, sizeof line, "%u", line_no); /* line numbers are not grouped */
    if (file == here_file)
        return uf_msg_format(UF_MSG_PLACE_LINE, line);
    return uf_msg_format(UF_MSG_PLACE_FILE_LINE, line, uf_diag_file_name(diags, file));
}

static char *place(const uf_diag_list *diags, const uf_row *there, uint32_t here_file)
{
    return place_at(diags, there->file, there->line, here_file);
}

/* "båda raderna avvisas", "alla 3 rader avvisas"; malloc'ed. */
static char *all_rejected(size_t count)
{
    char n[UF_NUMBUF];
    return count == 2 ? uf_msg_format(UF_MSG_CONFLICT_BOTH)
                      : uf_msg_format(UF_MSG_CONFLICT_ALL, uf_fmt_count(n, (long long)count));
}

/* The file a group's places are shown against: its own when all its rows
 * are in one file, else none, so that every place names its file. */
static uint32_t group_file(const uf_dataset *data, uint32_t first)
{
    for (uint32_t j = data->rows[first].next_same; j != UF_NO_ROW; j = data->rows[j].next_same)
        if (data->rows[j].file != data->rows[first].file)
            return UF_NO_FILE;
    return data->rows[first].file;
}

/* "12 (rad 5), 15 (rad 9 i b.csv)"; past MAX_VALUES_SHOWN rows only "…",
 * or a group of n rows would put n values into each of its n messages. */
enum { MAX_VALUES_SHOWN = 10 };
static char *group_values(const uf_dataset *data, const uf_diag_list *diags, uint32_t first, size_t *count)
{
    uf_strbuf sb = {0};
    uint32_t here = group_file(data, first);
    *count = 0;
    for (uint32_t j = first; j != UF_NO_ROW; j = data->rows[j].next_same) {
        char value[UF_NUMBUF];
        const uf_row *r = &data->rows[j];
        if (*count >= MAX_VALUES_SHOWN) {
            if (*count == MAX_VALUES_SHOWN)
                uf_strbuf_puts(&sb, ", \xE2\x80\xA6");
            (*count)++;
            continue;
        }
        char *where = place(diags, r, here);
        if (sb.len)
            uf_strbuf_puts(&sb, ", ");
        uf_strbuf_puts(&sb, isnan(r->value) ? "–" : uf_fmt_number(value, r->value, -1));
        uf_strbuf_puts(&sb, " (");
        uf_strbuf_puts(&sb, where ? where : "");
        uf_strbuf_puts(&sb, ")");
        free(where);
        (*count)++;
    }
    return uf_strbuf_take(&sb);
}

static void reject_group(uf_dataset *data, uf_diag_list *diags, uint32_t first)
{
    const uf_plan *plan = data->plan;
    const uf_row *head = &data->rows[first];
    size_t count;
    char *values = group_values(data, diags, first, &count);
    char *rejected = all_rejected(count);
    char year[16];
    char *partner = head->partner == UF_NO_PARTNER
                        ? uf_xstrdup("")
                        : uf_msg_format(UF_MSG_ROW_CONFLICT_PARTNER, plan->partners[head->partner].name);
    snprintf(year, sizeof year, "%d", head->year);
    for (uint32_t j = first; j != UF_NO_ROW; j = data->rows[j].next_same) {
        uf_row *r = &data->rows[j];
        uf_diag *d = uf_diag_add(diags, UF_SEVERITY_ERROR, r->file, r->line, r->value_column, UF_MSG_ROW_CONFLICT,
                                 year, plan->units[r->unit].name, plan->indicators[r->indicator].name,
                                 partner ? partner : "", values, rejected ? rejected : "");
        d->unit = r->unit;
        d->year = r->year;
        r->state = UF_ROW_CONFLICT;
        uf_rejection rej = {r->year, r->unit, r->indicator, r->file, r->line, false};
        uf_dataset_add_rejection(data, &rej);
    }
    free(rejected);
    free(partner);
    free(values);
}

static void mark_duplicates(uf_dataset *data, uf_diag_list *diags, uint32_t first)
{
    const uf_row *head = &data->rows[first];
    for (uint32_t j = head->next_same; j != UF_NO_ROW; j = data->rows[j].next_same) {
        uf_row *r = &data->rows[j];
        char *where = place(diags, head, r->file);
        r->state = UF_ROW_DUPLICATE;
        uf_diag *d = uf_diag_add(diags, UF_SEVERITY_WARNING, r->file, r->line, 0, UF_MSG_ROW_DUPLICATE,
                                 where ? where : "");
        free(where);
        d->unit = r->unit;
        d->year = r->year;
        data->counts.rows_duplicate++;
    }
}

static void settle_keys(uf_dataset *data, uf_diag_list *diags)
{
    for (size_t i = 0; i < data->nrows; i++) {
        const uf_row *r = &data->rows[i];
        if (r->first_same != i || r->next_same == UF_NO_ROW)
            continue;
        if (group_conflicts(data, (uint32_t)i))
            reject_group(data, diags, (uint32_t)i);
        else
            mark_duplicates(data, diags, (uint32_t)i);
    }
    /* Conflicting rows leave the dataset; they live on as diagnostics. */
    size_t kept = 0;
    for (size_t i = 0; i < data->nrows; i++) {
        if (data->rows[i].state == UF_ROW_CONFLICT) {
            data->counts.rows_accepted--;
            data->counts.rows_rejected++;
            continue;
        }
        data->rows[kept++] = data->rows[i];
    }
    data->nrows = kept;
    /* Indices changed: the key links are of no further use. */
    free(data->key_slots);
    data->key_slots = NULL;
}

/* ---- self-assessments: one per (år, enhet, mål) ---- */

/* A self-assessment's key and its place in reading order, sorted. */
typedef struct assessment_key {
    int32_t year;
    uint32_t unit, goal, index;
} assessment_key;

static int assessment_key_cmp(const void *pa, const void *pb)
{
    const assessment_key *a = pa, *b = pb;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->unit != b->unit)
        return a->unit < b->unit ? -1 : 1;
    if (a->goal != b->goal)
        return a->goal < b->goal ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

static bool same_key_assessment(const assessment_key *a, const assessment_key *b)
{
    return a->year == b->year && a->unit == b->unit && a->goal == b->goal;
}

static bool same_text(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

static bool same_assessment(const uf_self_assessment *a, const uf_self_assessment *b)
{
    return a->assessment == b->assessment && same_text(a->analysis, b->analysis) && same_text(a->actions, b->actions);
}

static const uf_msg assessment_words[] = {UF_MSG_SA_WORD_NONE, UF_MSG_SA_WORD_MET, UF_MSG_SA_WORD_PARTLY,
                                          UF_MSG_SA_WORD_NOT_MET};

/* "uppnått (rad 3 i a.csv), ej uppnått (rad 5 i b.csv)" for group[0..n). */
static char *assessment_values(const uf_dataset *data, const uf_diag_list *diags, const uint32_t *group, size_t n)
{
    uf_strbuf sb = {0};
    uint32_t here = data->assessments[group[0]].file;
    for (size_t k = 1; k < n; k++)
        if (data->assessments[group[k]].file != here)
            here = UF_NO_FILE;
    for (size_t k = 0; k < n && k <= MAX_VALUES_SHOWN; k++) {
        const uf_self_assessment *a = &data->assessments[group[k]];
        if (k == MAX_VALUES_SHOWN) {
            uf_strbuf_puts(&sb, ", \xE2\x80\xA6");
            break;
        }
        const char *word = uf_msg_text(assessment_words[a->assessment]);
        /* The same word as an earlier row with other texts: say so, or the
         * two would read alike. */
        bool texts_differ = false;
        for (size_t j = 0; j < k; j++) {
            const uf_self_assessment *b = &data->assessments[group[j]];
            texts_differ |= b->assessment == a->assessment && !same_assessment(a, b);
        }
        char *shown = texts_differ ? uf_msg_format(UF_MSG_ASSESS_OTHER_TEXTS, word) : uf_xstrdup(word);
        char *where = place_at(diags, a->file, a->line, here);
        if (sb.len)
            uf_strbuf_puts(&sb, ", ");
        uf_strbuf_puts(&sb, shown ? shown : word);
        uf_strbuf_puts(&sb, " (");
        uf_strbuf_puts(&sb, where ? where : "");
        uf_strbuf_puts(&sb, ")");
        free(shown);
        free(where);
    }
    return uf_strbuf_take(&sb);
}

static void reject_assessments(uf_dataset *data, uf_diag_list *diags, const uint32_t *group, size_t n)
{
    const uf_plan *plan = data->plan;
    const uf_self_assessment *head = &data->assessments[group[0]];
    char *values = assessment_values(data, diags, group, n);
    char *rejected = all_rejected(n);
    char year[16];
    snprintf(year, sizeof year, "%d", head->year);
    for (size_t k = 0; k < n; k++) {
        uf_self_assessment *a = &data->assessments[group[k]];
        uf_diag *d = uf_diag_add(diags, UF_SEVERITY_ERROR, a->file, a->line, 0, UF_MSG_ROW_ASSESSMENT_CONFLICT, year,
                                 plan->units[a->unit].name, plan->goals[a->goal].id, values, rejected ? rejected : "");
        d->unit = a->unit;
        d->year = a->year;
        a->state = UF_ROW_CONFLICT;
    }
    data->counts.rows_accepted -= (long)n;
    data->counts.rows_rejected += (long)n;
    data->counts.assessments_accepted -= (long)n;
    data->counts.assessments_rejected += (long)n;
    free(rejected);
    free(values);
}

static void mark_assessment_duplicates(uf_dataset *data, uf_diag_list *diags, const uint32_t *group, size_t n)
{
    const uf_self_assessment *head = &data->assessments[group[0]];
    for (size_t k = 1; k < n; k++) {
        uf_self_assessment *a = &data->assessments[group[k]];
        char *where = place_at(diags, head->file, head->line, a->file);
        uf_diag *d = uf_diag_add(diags, UF_SEVERITY_WARNING, a->file, a->line, 0, UF_MSG_ROW_ASSESSMENT_DUPLICATE,
                                 where ? where : "");
        free(where);
        d->unit = a->unit;
        d->year = a->year;
        a->state = UF_ROW_DUPLICATE;
        data->counts.rows_duplicate++;
    }
}

/* The same assessment twice counts once; different ones are all rejected.
 * Only the accepted ones stay, in reading order. */
static void settle_assessments(uf_dataset *data, uf_diag_list *diags)
{
    size_t n = data->nassessments;
    if (n == 0)
        return;
    assessment_key *keys = uf_xmalloc(n * sizeof(assessment_key));
    uint32_t *group = uf_xmalloc(n * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) {
        const uf_self_assessment *a = &data->assessments[i];
        keys[i] = (assessment_key){a->year, a->unit, a->goal, (uint32_t)i};
    }
    qsort(keys, n, sizeof(assessment_key), assessment_key_cmp);
    for (size_t i = 0; i < n;) {
        size_t count = 0;
        bool conflict = false;
        for (size_t j = i; j < n && same_key_assessment(&keys[i], &keys[j]); j++) {
            group[count++] = keys[j].index;
            conflict |= !same_assessment(&data->assessments[keys[i].index], &data->assessments[keys[j].index]);
        }
        if (count > 1 && conflict)
            reject_assessments(data, diags, group, count);
        else if (count > 1)
            mark_assessment_duplicates(data, diags, group, count);
        i += count;
    }
    free(group);
    free(keys);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (data->assessments[i].state == UF_ROW_ACCEPTED)
            data->assessments[kept++] = data->assessments[i];
    data->nassessments = kept;
}

/* ---- years and coverage ---- */

static int int_cmp(const void *a, const void *b) { return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b); }

static void collect_years(uf_dataset *data)
{
    int seen_min = INT32_MAX, seen_max = INT32_MIN;
    for (size_t i = 0; i < data->nrows; i++) {
        if (data->rows[i].year < seen_min)
            seen_min = data->rows[i].year;
        if (data->rows[i].year > seen_max)
            seen_max = data->rows[i].year;
    }
    if (data->nrows == 0)
        return;
    /* Years are 1900..2199, so a presence table is small. */
    bool present[300] = {0};
    for (size_t i = 0; i < data->nrows; i++)
        present[data->rows[i].year - 1900] = true;
    data->years = uf_xmalloc(300 * sizeof(int));
    for (int y = seen_min; y <= seen_max; y++)
        if (present[y - 1900])
            data->years[data->nyears++] = y;
    qsort(data->years, data->nyears, sizeof(int), int_cmp);
}

static void collect_coverage(uf_dataset *data, uf_diag_list *diags, bool expect_all_units)
{
    size_t nunits = data->plan->nunits;
    data->reported = uf_xcalloc(data->nyears * nunits + 1, sizeof(bool));
    for (size_t i = 0; i < data->nrows; i++) {
        if (isnan(data->rows[i].value))
            continue; /* an untouched template reports nothing */
        size_t y = uf_dataset_year_index(data, data->rows[i].year);
        data->reported[y * nunits + data->rows[i].unit] = true;
    }
    if (!expect_all_units)
        return;
    for (size_t y = 0; y < data->nyears; y++) {
        for (size_t u = 0; u < nunits; u++) {
            if (data->reported[y * nunits + u] || !uf_plan_unit_expected(data->plan, u))
                continue;
            char year[16];
            snprintf(year, sizeof year, "%d", data->years[y]);
            uf_diag *d = uf_diag_add(diags, UF_SEVERITY_WARNING, UF_NO_FILE, 0, 0, UF_MSG_UNIT_NOT_REPORTED,
                                     data->plan->units[u].name, data->plan->units[u].id, year);
            d->unit = (uint32_t)u;
            d->year = data->years[y];
        }
    }
}

void uf_dataset_finish(uf_dataset *data, uf_diag_list *diags, bool expect_all_units)
{
    settle_keys(data, diags);
    settle_assessments(data, diags);
    collect_years(data);
    collect_coverage(data, diags, expect_all_units);
    assert(data->counts.rows_read == data->counts.rows_accepted + data->counts.rows_rejected);
    assert((size_t)(data->counts.rows_accepted - data->counts.assessments_accepted) == data->nrows);
}

size_t uf_dataset_year_index(const uf_dataset *data, int year)
{
    for (size_t i = 0; i < data->nyears; i++)
        if (data->years[i] == year)
            return i;
    return SIZE_MAX;
}

bool uf_dataset_unit_reported(const uf_dataset *data, int year, size_t unit)
{
    size_t y = uf_dataset_year_index(data, year);
    return y != SIZE_MAX && unit < data->plan->nunits && data->reported[y * data->plan->nunits + unit];
}

size_t uf_dataset_units_expected(const uf_dataset *data)
{
    size_t n = 0;
    for (size_t u = 0; u < data->plan->nunits; u++)
        n += uf_plan_unit_expected(data->plan, u);
    return n;
}

size_t uf_dataset_units_reported(const uf_dataset *data, int year)
{
    size_t n = 0;
    for (size_t u = 0; u < data->plan->nunits; u++)
        n += uf_dataset_unit_reported(data, year, u);
    return n;
}
