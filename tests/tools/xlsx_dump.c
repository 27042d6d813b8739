/* The records uppfolj reads from workbooks, for tests, the bench and
 * debugging:
 *
 *   xlsx_dump [--count] [--lang en] FILE.xlsx...
 *
 * Prints, per worksheet, "== NAME (N)" ("(N, dold)" when hidden), then one
 * line per record: the row number and each non-empty field as COLUMN=text
 * (C escapes for backslash and control characters; "!formel" after a formula
 * without a cached value). --count prints only "FILE: R records, S sheets"
 * and, on stderr, the records per second over all files, by wall clock and
 * by CPU time (the fair figure on a busy machine). Diagnostics go to
 * stderr. Exit status: 0 all read, 1 some file rejected, 2 usage. */
#include "common/diag.h"
#include "common/messages.h"
#include "read/xlsx.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

struct dump {
    bool count_only;
};

static bool on_sheet(void *user, const uf_xlsx_sheet *sheet)
{
    struct dump *d = user;
    if (!d->count_only)
        printf("== %s (%d%s)\n", sheet->name, sheet->index, sheet->hidden ? ", dold" : "");
    return true;
}

static void put_escaped(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\')
            fputs("\\\\", stdout);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20 || c == 0x7F)
            printf("\\x%02X", c);
        else
            putchar(c);
    }
}

static bool on_record(void *user, const uf_csv_record *rec)
{
    struct dump *d = user;
    if (d->count_only)
        return true;
    printf("%ld", rec->line);
    for (size_t i = 0; i < rec->count; i++) {
        bool formula = rec->flags && (rec->flags[i] & UF_FIELD_FORMULA_NO_VALUE);
        if (rec->lengths[i] == 0 && !formula)
            continue;
        char col[8];
        printf("\t%s=", uf_xlsx_column_name(col, (int)i + 1));
        put_escaped(rec->fields[i], rec->lengths[i]);
        if (formula)
            fputs("!formel", stdout);
    }
    putchar('\n');
    return true;
}

int main(int argc, char **argv)
{
    struct dump d = {false};
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--count") == 0)
            d.count_only = true;
        else if (strcmp(argv[first], "--lang") == 0 && first + 1 < argc && strcmp(argv[++first], "en") == 0)
            uf_messages_set_lang(UF_LANG_EN);
        else
            break;
    }
    if (first >= argc) {
        fputs("usage: xlsx_dump [--count] [--lang en] FILE.xlsx...\n", stderr);
        return 2;
    }
    uf_diag_list *diags = uf_diag_list_new();
    int status = 0;
    long total = 0;
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (int i = first; i < argc; i++) {
        uint32_t file = uf_diag_add_file(diags, argv[i]);
        uf_xlsx_info info;
        if (uf_xlsx_read_file(argv[i], file, diags, on_sheet, on_record, &d, &info) != UF_OK)
            status = 1;
        total += info.records;
        if (d.count_only)
            printf("%s: %ld records, %d sheets\n", argv[i], info.records, info.sheets);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    if (d.count_only)
        fprintf(stderr, "%ld records in %.3f s wall, %.3f s CPU: %.0f records/s wall, %.0f records/s CPU\n", total,
                wall, cpu, wall > 0 ? (double)total / wall : 0.0, cpu > 0 ? (double)total / cpu : 0.0);
    uf_diag_print_all(diags, stderr);
    uf_diag_list_free(diags);
    return status;
}
