#include "read/readlog.h"

#include "common/util.h"
#include "read/folder.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A sheet starts, or a record: its fields are fields[first .. first+count)
 * in the log's arrays, their text at offsets into the log's text. */
typedef struct event {
    bool sheet;
    bool hidden;    /* a sheet: hidden in Excel */
    bool has_flags; /* a record from a sheet: flags[] are its UF_FIELD_* */
    char delimiter;
    long line;      /* a record: its line; a sheet: its index */
    size_t first;   /* a record: its first field; a sheet: its name's offset in text */
    size_t count;
    size_t name;    /* a record from a sheet: the sheet's name's offset; SIZE_MAX in CSV */
    size_t diags;   /* the reader's diagnostics given before this event */
} event;

struct uf_read_log {
    bool workbook, over;
    size_t budget;
    uf_diag_list *diags; /* the reader's, against file 0 */
    uf_strbuf text;
    event *events;
    size_t nevents, events_cap;
    size_t *offsets, *lengths;
    uint8_t *flags;
    size_t nfields, offsets_cap, lengths_cap, flags_cap;
    size_t sheet_name; /* the current sheet's name in text */
    uf_error err;
    uf_csv_info info;
};

static size_t log_size(const uf_read_log *log)
{
    return log->text.len + log->nfields * (2 * sizeof(size_t) + 1) + log->nevents * sizeof(event) +
           log->diags->count * sizeof(uf_diag);
}

static event *add_event(uf_read_log *log)
{
    uf_grow(&log->events, &log->events_cap, log->nevents + 1, sizeof(event));
    event *e = &log->events[log->nevents++];
    *e = (event){.diags = log->diags->count, .name = SIZE_MAX};
    return e;
}

static size_t add_text(uf_read_log *log, const char *s, size_t len)
{
    size_t at = log->text.len;
    uf_strbuf_append(&log->text, s, len);
    uf_strbuf_putc(&log->text, '\0');
    return at;
}

static bool log_sheet(void *user, const uf_xlsx_sheet *sheet)
{
    uf_read_log *log = user;
    size_t name = add_text(log, sheet->name, strlen(sheet->name));
    event *e = add_event(log);
    e->sheet = true;
    e->hidden = sheet->hidden;
    e->line = sheet->index;
    e->first = log->sheet_name = name;
    return true;
}

static bool log_record(void *user, const uf_csv_record *rec)
{
    uf_read_log *log = user;
    size_t need = log->nfields + rec->count;
    uf_grow(&log->offsets, &log->offsets_cap, need, sizeof(size_t));
    uf_grow(&log->lengths, &log->lengths_cap, need, sizeof(size_t));
    uf_grow(&log->flags, &log->flags_cap, need, 1);
    for (size_t f = 0; f < rec->count; f++) {
        log->offsets[log->nfields + f] = add_text(log, rec->fields[f], rec->lengths[f]);
        log->lengths[log->nfields + f] = rec->lengths[f];
        log->flags[log->nfields + f] = rec->flags ? rec->flags[f] : 0;
    }
    event *e = add_event(log);
    e->has_flags = rec->flags != NULL;
    e->delimiter = rec->delimiter;
    e->line = rec->line;
    e->first = log->nfields;
    e->count = rec->count;
    if (rec->sheet)
        e->name = log->sheet_name;
    log->nfields = need;
    log->over = log_size(log) > log->budget;
    return !log->over;
}

uf_read_log *uf_read_log_file(const char *path, size_t budget)
{
    struct stat st;
    if (stat(path, &st) == 0 && (uint64_t)st.st_size > budget)
        return NULL;
    uf_read_log *log = uf_xcalloc(1, sizeof *log);
    log->diags = uf_diag_list_new();
    log->budget = budget;
    log->workbook = uf_submission_kind_of(path) == UF_SUBMISSION_WORKBOOK;
    if (log->workbook)
        log->err = uf_xlsx_read_file(path, 0, log->diags, log_sheet, log_record, log, NULL);
    else
        log->err = uf_csv_read_file(path, 0, log->diags, log_record, log, &log->info);
    if (log->over) {
        uf_read_log_free(log);
        return NULL;
    }
    return log;
}

bool uf_read_log_workbook(const uf_read_log *log) { return log->workbook; }

/* The reader's diagnostics from given up to end; returns end. */
static size_t give_diags(uf_read_log *log, const uf_read_replay *to, size_t given, size_t end)
{
    for (; given < end; given++)
        uf_diag_adopt(to->diags, &log->diags->items[given], to->file);
    return given;
}

uf_error uf_read_log_replay(uf_read_log *log, const uf_read_replay *to, uf_csv_info *info)
{
    const char **fields = NULL;
    size_t fields_cap = 0, given = 0;
    bool skip = false;
    for (size_t i = 0; i < log->nevents; i++) {
        const event *e = &log->events[i];
        given = give_diags(log, to, given, e->diags);
        if (e->sheet) {
            uf_xlsx_sheet sheet = {log->text.data + e->first, (int)e->line, e->hidden};
            skip = to->begin_sheet && !to->begin_sheet(to->user, &sheet);
            continue;
        }
        if (skip)
            continue;
        uf_grow(&fields, &fields_cap, e->count + 1, sizeof(char *));
        for (size_t f = 0; f < e->count; f++)
            fields[f] = log->text.data + log->offsets[e->first + f];
        uf_csv_record rec = {.line = e->line, .count = e->count, .fields = fields,
                             .lengths = log->lengths ? log->lengths + e->first : NULL, .delimiter = e->delimiter,
                             .sheet = e->name == SIZE_MAX ? NULL : log->text.data + e->name,
                             .flags = e->has_flags ? log->flags + e->first : NULL};
        to->fn(to->user, &rec);
    }
    give_diags(log, to, given, log->diags->count);
    free(fields);
    if (info)
        *info = log->info;
    return log->err;
}

void uf_read_log_free(uf_read_log *log)
{
    if (!log)
        return;
    uf_diag_list_free(log->diags);
    uf_strbuf_free(&log->text);
    free(log->events);
    free(log->offsets);
    free(log->lengths);
    free(log->flags);
    free(log);
}
