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

/* ---- duplicates and conflicts ---- */

static bool same_value(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static bool group_conflicts(const uf_dataset *data, uint32_t first)
{
    for (uint32_t j = data->rows[first].next_same; j != UF_NO_ROW; j = data->rows[j].next_same)
        if (!same_value(data->rows[j].value, data->rows[first].value))
            return true;
    return false;
}

/* "rad 5" when it is the same file as here, else "rad 5 i a.csv"; malloc'ed. */
static char *place(const uf_diag_list *diags, const uf_row *there, uint32_t here_file)
{
    char line[UF_NUMBUF];
    snprintf(line, sizeof line, "%u", there->line); /* line numbers are not grouped */
    if (there->file == here_file)
        return uf_msg_format(UF_MSG_PLACE_LINE, line);
    return uf_msg_format(UF_MSG_PLACE_FILE_LINE, line, uf_diag_file_name(diags, there->file));
}

/* "12 (rad 5), 15 (rad 9 i b.csv)"; past MAX_VALUES_SHOWN rows only "…",
 * or a group of n rows would put n values into each of its n messages. */
enum { MAX_VALUES_SHOWN = 10 };
static char *group_values(const uf_dataset *data, const uf_diag_list *diags, uint32_t first, size_t *count)
{
    uf_strbuf sb = {0};
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
        char *where = place(diags, r, data->rows[first].file);
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
    char year[16], n[UF_NUMBUF];
    char *partner = head->partner == UF_NO_PARTNER
                        ? uf_xstrdup("")
                        : uf_msg_format(UF_MSG_ROW_CONFLICT_PARTNER, plan->partners[head->partner].id);
    snprintf(year, sizeof year, "%d", head->year);
    for (uint32_t j = first; j != UF_NO_ROW; j = data->rows[j].next_same) {
        uf_row *r = &data->rows[j];
        uf_diag *d = uf_diag_add(diags, UF_SEVERITY_ERROR, r->file, r->line, r->value_column, UF_MSG_ROW_CONFLICT,
                                 year, plan->units[r->unit].id, plan->indicators[r->indicator].id,
                                 partner ? partner : "", values, uf_fmt_count(n, (long long)count));
        d->unit = r->unit;
        r->state = UF_ROW_CONFLICT;
    }
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
        size_t y = uf_dataset_year_index(data, data->rows[i].year);
        data->reported[y * nunits + data->rows[i].unit] = true;
    }
    if (!expect_all_units)
        return;
    for (size_t y = 0; y < data->nyears; y++) {
        for (size_t u = 0; u < nunits; u++) {
            if (data->reported[y * nunits + u])
                continue;
            char year[16];
            snprintf(year, sizeof year, "%d", data->years[y]);
            uf_diag *d = uf_diag_add(diags, UF_SEVERITY_WARNING, UF_NO_FILE, 0, 0, UF_MSG_UNIT_NOT_REPORTED,
                                     data->plan->units[u].name, data->plan->units[u].id, year);
            d->unit = (uint32_t)u;
        }
    }
}

void uf_dataset_finish(uf_dataset *data, uf_diag_list *diags, bool expect_all_units)
{
    settle_keys(data, diags);
    collect_years(data);
    collect_coverage(data, diags, expect_all_units);
    assert(data->counts.rows_read == data->counts.rows_accepted + data->counts.rows_rejected);
    assert((size_t)data->counts.rows_accepted == data->nrows);
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

size_t uf_dataset_units_reported(const uf_dataset *data, int year)
{
    size_t n = 0;
    for (size_t u = 0; u < data->plan->nunits; u++)
        n += uf_dataset_unit_reported(data, year, u);
    return n;
}
