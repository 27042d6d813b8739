/*
 * floor - the cost floor for uppfolj's benchmark.
 *
 * Usage: floor INPUTDIR OUTDIR
 *
 * Walks INPUTDIR/inrapportering recursively for *.csv (sorted by path),
 * parses every file with libcsv (';' delimiter) and writes every field, raw,
 * as a string:
 *   - into OUTDIR/floor.xlsx with libxlsxwriter in constant_memory mode,
 *     sheet "Rådata", continuing in "Rådata 2", ... at 1,048,576 rows;
 *   - into OUTDIR/floor.csv (';', CRLF, quoted only where needed).
 *
 * No validation, no numbers, no lookups: any tool that reads these files and
 * writes a workbook plus a CSV costs at least this much.
 *
 * Build: cc -O2 -o floor floor.c -lcsv -lxlsxwriter
 */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L

#include <csv.h>
#include <xlsxwriter.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>

struct paths {
    char **v;
    size_t n, cap;
};

struct state {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    int sheet_no;
    lxw_row_t row; /* row in the current sheet */
    lxw_col_t col;
    FILE *out;
    const char *file;
    unsigned long long rows_total;
    int failed;
};

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "floor: %s%s%s: %s\n", what, arg ? " " : "", arg ? arg : "",
            strerror(errno));
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        die("out of memory", NULL);
    return p;
}

static int has_csv_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

static void paths_add(struct paths *p, const char *s)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 256;
        char **nv = realloc(p->v, p->cap * sizeof *nv);
        if (!nv)
            die("out of memory", NULL);
        p->v = nv;
    }
    size_t len = strlen(s) + 1;
    p->v[p->n] = xmalloc(len);
    memcpy(p->v[p->n], s, len);
    p->n++;
}

static void walk(const char *dir, struct paths *p)
{
    DIR *d = opendir(dir);
    if (!d)
        die("cannot open directory", dir);
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ".", "..", hidden files */
        size_t len = strlen(dir) + 1 + strlen(e->d_name) + 1;
        char *path = xmalloc(len);
        snprintf(path, len, "%s/%s", dir, e->d_name);
        int is_dir = 0, is_reg = 0;
        if (e->d_type == DT_DIR) {
            is_dir = 1;
        } else if (e->d_type == DT_REG) {
            is_reg = 1;
        } else {
            struct stat st;
            if (stat(path, &st) == 0) {
                is_dir = S_ISDIR(st.st_mode);
                is_reg = S_ISREG(st.st_mode);
            }
        }
        if (is_dir)
            walk(path, p);
        else if (is_reg && has_csv_suffix(e->d_name))
            paths_add(p, path);
        free(path);
        errno = 0;
    }
    if (errno)
        die("cannot read directory", dir);
    closedir(d);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void new_sheet(struct state *s)
{
    char name[32];
    s->sheet_no++;
    if (s->sheet_no == 1)
        snprintf(name, sizeof name, "Rådata");
    else
        snprintf(name, sizeof name, "Rådata %d", s->sheet_no);
    s->ws = workbook_add_worksheet(s->wb, name);
    if (!s->ws) {
        fprintf(stderr, "floor: cannot add worksheet %s\n", name);
        exit(2);
    }
    s->row = 0;
}

static int needs_quotes(const char *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = f[i];
        if (c == ';' || c == '"' || c == '\r' || c == '\n')
            return 1;
    }
    return 0;
}

static void on_field(void *field, size_t len, void *data)
{
    struct state *s = data;
    const char *f = field ? field : "";
    if (!field)
        len = 0;

    if (s->col == 0 && s->row >= LXW_ROW_MAX)
        new_sheet(s);
    if (len > 0) {
        lxw_error err = worksheet_write_string(s->ws, s->row, s->col, f, NULL);
        if (err != LXW_NO_ERROR && !s->failed) {
            fprintf(stderr, "floor: %s: worksheet_write_string: %s\n", s->file,
                    lxw_strerror(err));
            s->failed = 1;
        }
    }

    if (s->col > 0)
        putc_unlocked(';', s->out);
    if (len > 0) {
        if (needs_quotes(f, len)) {
            if (csv_fwrite(s->out, f, len) != 0 && !s->failed) {
                fprintf(stderr, "floor: csv_fwrite failed\n");
                s->failed = 1;
            }
        } else {
            fwrite(f, 1, len, s->out);
        }
    }
    s->col++;
}

static void on_row(int term, void *data)
{
    (void)term;
    struct state *s = data;
    fputs("\r\n", s->out);
    s->row++;
    s->col = 0;
    s->rows_total++;
}

static void parse_file(const char *path, struct state *s, char *buf, size_t bufsz)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_APPEND_NULL) != 0) {
        fprintf(stderr, "floor: csv_init failed\n");
        exit(2);
    }
    csv_set_delim(&p, ';');

    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open", path);
    s->file = path;
    size_t n;
    while ((n = fread(buf, 1, bufsz, f)) > 0) {
        if (csv_parse(&p, buf, n, on_field, on_row, s) != n) {
            fprintf(stderr, "floor: %s: %s\n", path, csv_strerror(csv_error(&p)));
            exit(2);
        }
    }
    if (ferror(f))
        die("read error", path);
    if (fclose(f) != 0)
        die("cannot close", path);
    if (csv_fini(&p, on_field, on_row, s) != 0) {
        fprintf(stderr, "floor: %s: %s\n", path, csv_strerror(csv_error(&p)));
        exit(2);
    }
    csv_free(&p);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: floor INPUTDIR OUTDIR\n");
        return 2;
    }
    const char *indir = argv[1], *outdir = argv[2];

    size_t len = strlen(indir) + sizeof "/inrapportering";
    char *inr = xmalloc(len);
    snprintf(inr, len, "%s/inrapportering", indir);
    struct paths files = {0};
    walk(inr, &files);
    qsort(files.v, files.n, sizeof *files.v, cmp_str);

    if (mkdir(outdir, 0777) != 0 && errno != EEXIST)
        die("cannot create", outdir);

    len = strlen(outdir) + sizeof "/floor.xlsx";
    char *xlsx = xmalloc(len), *csvp = xmalloc(len);
    snprintf(xlsx, len, "%s/floor.xlsx", outdir);
    snprintf(csvp, len, "%s/floor.csv", outdir);

    struct state s = {0};
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    s.wb = workbook_new_opt(xlsx, &opt);
    if (!s.wb) {
        fprintf(stderr, "floor: cannot create workbook %s\n", xlsx);
        return 2;
    }
    new_sheet(&s);

    s.out = fopen(csvp, "wb");
    if (!s.out)
        die("cannot create", csvp);
    static char outbuf[1 << 20];
    setvbuf(s.out, outbuf, _IOFBF, sizeof outbuf);

    static char inbuf[1 << 16];
    for (size_t i = 0; i < files.n; i++)
        parse_file(files.v[i], &s, inbuf, sizeof inbuf);

    if (ferror(s.out))
        die("write error", csvp);
    if (fclose(s.out) != 0)
        die("cannot close", csvp);

    lxw_error err = workbook_close(s.wb);
    if (err != LXW_NO_ERROR) {
        fprintf(stderr, "floor: workbook_close %s: %s\n", xlsx, lxw_strerror(err));
        return 2;
    }
    if (s.failed)
        return 2;

    fprintf(stderr, "floor: %zu filer, %llu rader, %d blad -> %s, %s\n", files.n,
            s.rows_total, s.sheet_no, xlsx, csvp);

    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    free(files.v);
    free(inr);
    free(xlsx);
    free(csvp);
    return 0;
}
