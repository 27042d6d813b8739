/* libFuzzer harness for the whole report path: each input is a small input
 * folder (plan and submissions) packed as text, written to a scratch
 * folder, then `uppfolj report` runs in-process (uf_operate) with every
 * format: the workbook, the CSV export, the board report, the unit reports
 * and the charts. The scratch folders are removed after each input.
 *
 * The container (kept as text so that mutations stay meaningful):
 *
 *     lang=en strict year=2024          options: any of these words, first line(s)
 *     === enheter                       a plan file: mal, indikatorer, enheter,
 *     id;namn;typ                       malvarden or partners -> plan/NAME.csv
 *     ...
 *     === 2025 miljö                    anything else: a submission,
 *     år;enhet;indikator;värde          inrapportering/K-NAME.csv
 *
 * A line starting with "=== " starts a section; its content is every byte
 * after that line up to the next such line. In a submission's name '/' and
 * NUL become '_', and K (the section number) keeps the names apart and
 * never hidden. At most UF_FUZZ_SECTIONS sections are written.
 *
 * Asserts what all-or-nothing promises: a run that fails (status 2) leaves
 * no file in --out; a run that succeeds leaves the workbook, the CSV and the
 * board report, none of them empty; no temporary file is ever left.
 *
 * UF_FUZZ_REPORT_KEEP=DIR: write the input folder to DIR/in and the reports
 * to DIR/out and keep them (check_outputs.py uses this to unpack inputs). */
#include "fuzz_check.h"

#include "cli/config.h"
#include "cli/operate.h"
#include "common/messages.h"
#include "render/font.h"

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { UF_FUZZ_SECTIONS = 8, NAME_MAX_BYTES = 48 };

static char base[256];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void remove_tree(const char *dir) { nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS); }

static void remove_base(void) { remove_tree(base); }

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(base, sizeof base, "%s/uf-fuzz-report-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(base)) {
        perror("fuzz_report: mkdtemp");
        exit(1);
    }
    /* Loaded once, as a run would: the faces stay for the process. */
    if (uf_font_load() != UF_OK) {
        fprintf(stderr, "fuzz_report: the fonts did not load (UPPFOLJ_FONT_DIR)\n");
        exit(1);
    }
    /* The report's own summary goes to stdout; libFuzzer and the sanitizers
     * speak on stderr. */
    if (!freopen("/dev/null", "w", stdout))
        exit(1);
    atexit(remove_base);
    return 0;
}

static void write_bytes(const char *path, const uint8_t *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        CHECK(n > 0);
        data += n;
        len -= (size_t)n;
    }
    CHECK(close(fd) == 0);
}

static bool is_plan_file(const char *name)
{
    static const char *const plan_files[] = {"mal", "indikatorer", "enheter", "malvarden", "partners"};
    for (size_t i = 0; i < sizeof plan_files / sizeof *plan_files; i++)
        if (strcmp(name, plan_files[i]) == 0)
            return true;
    return false;
}

/* Writes one section: a plan file, or the k-th submission. */
static void write_section(const char *in, size_t k, const uint8_t *name, size_t name_len, const uint8_t *body,
                          size_t body_len)
{
    char clean[NAME_MAX_BYTES + 1], path[512];
    size_t n = name_len < NAME_MAX_BYTES ? name_len : NAME_MAX_BYTES;
    for (size_t i = 0; i < n; i++)
        clean[i] = name[i] == '/' || name[i] == '\0' ? '_' : (char)name[i];
    clean[n] = '\0';
    if (is_plan_file(clean))
        snprintf(path, sizeof path, "%s/plan/%s.csv", in, clean);
    else
        snprintf(path, sizeof path, "%s/inrapportering/%zu-%s.csv", in, k, clean);
    write_bytes(path, body, body_len);
}

static bool starts_section(const uint8_t *data, size_t size, size_t at)
{
    return (at == 0 || data[at - 1] == '\n') && size - at >= 4 && memcmp(data + at, "=== ", 4) == 0;
}

/* Unpacks the container into in/plan and in/inrapportering; the options
 * before the first section go into cfg. */
static void unpack(const uint8_t *data, size_t size, const char *in, uf_config *cfg)
{
    char dir[512];
    CHECK(mkdir(in, 0755) == 0);
    snprintf(dir, sizeof dir, "%s/plan", in);
    CHECK(mkdir(dir, 0755) == 0);
    snprintf(dir, sizeof dir, "%s/inrapportering", in);
    CHECK(mkdir(dir, 0755) == 0);
    size_t at = 0;
    while (at < size && !starts_section(data, size, at))
        at++;
    /* Options: a bounded copy, so that strstr stays inside the input. */
    char opts[128];
    size_t olen = at < sizeof opts - 1 ? at : sizeof opts - 1;
    memcpy(opts, data, olen);
    opts[olen] = '\0';
    for (size_t i = 0; i < olen; i++)
        if (opts[i] == '\0')
            opts[i] = ' ';
    cfg->lang = strstr(opts, "lang=en") ? UF_LANG_EN : UF_LANG_SV;
    cfg->strict = strstr(opts, "strict") != NULL;
    const char *year = strstr(opts, "year=");
    cfg->year = year ? atoi(year + 5) : 0;
    if (cfg->year < 1900 || cfg->year > 2199)
        cfg->year = 0;
    for (size_t k = 0; at < size && k < UF_FUZZ_SECTIONS; k++) {
        size_t name = at + 4, name_end = name;
        while (name_end < size && data[name_end] != '\n')
            name_end++;
        size_t body = name_end < size ? name_end + 1 : size, end = body;
        while (end < size && !starts_section(data, size, end))
            end++;
        write_section(in, k, data + name, name_end - name, data + body, end - body);
        at = end;
    }
}

/* Regular files below dir; a temporary ".NAME.XXXXXX" fails the check. */
static size_t count_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        CHECK(lstat(path, &st) == 0);
        if (S_ISDIR(st.st_mode)) {
            n += count_files(path);
            continue;
        }
        if (strncmp(e->d_name, ".uppfolj-", 9) == 0)
            continue; /* the run's lock and manifest, not outputs */
        if (e->d_name[0] == '.')
            fprintf(stderr, "fuzz_report: temporary file left: %s\n", path);
        CHECK(e->d_name[0] != '.');
        CHECK(S_ISREG(st.st_mode));
        n++;
    }
    closedir(d);
    return n;
}

static off_t file_size(const char *out, const char *prefix, int year, const char *ext)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s-%d.%s", out, prefix, year, ext);
    struct stat st;
    return stat(path, &st) == 0 ? st.st_size : -1;
}

/* The report year is not known here (the latest year in the data, or
 * --year): the workbook's name tells it. */
static int report_year(const char *out)
{
    DIR *d = opendir(out);
    int year = 0;
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (sscanf(e->d_name, "uppfoljning-%d.xlsx", &year) == 1)
            break;
    closedir(d);
    return year;
}

static void check_outputs(const char *out, uf_exit status)
{
    size_t files = count_files(out);
    if (status == UF_EXIT_FATAL) {
        CHECK(files == 0); /* all or nothing */
        return;
    }
    int year = report_year(out);
    CHECK(year != 0);
    CHECK(file_size(out, "uppfoljning", year, "xlsx") > 0);
    CHECK(file_size(out, "sammanstallning", year, "csv") > 0);
    CHECK(file_size(out, "styrelserapport", year, "pdf") > 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *keep = getenv("UF_FUZZ_REPORT_KEEP");
    char root[512], in[600], out[600];
    snprintf(root, sizeof root, "%s", keep && *keep ? keep : base);
    if (keep && *keep)
        mkdir(root, 0755);
    snprintf(in, sizeof in, "%s/in", root);
    snprintf(out, sizeof out, "%s/out", root);
    remove_tree(in);
    remove_tree(out);
    uf_config cfg = {.command = UF_COMMAND_REPORT, .inputs = in, .out = out, .formats = UF_FORMAT_ALL, .quiet = true};
    unpack(data, size, in, &cfg);
    uf_messages_set_lang(cfg.lang);
    uf_exit status = uf_operate(&cfg);
    CHECK(status == UF_EXIT_OK || status == UF_EXIT_REJECTED || status == UF_EXIT_FATAL);
    check_outputs(out, status);
    if (!(keep && *keep)) {
        remove_tree(in);
        remove_tree(out);
    }
    return 0;
}
