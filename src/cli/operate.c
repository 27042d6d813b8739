#include "cli/operate.h"

#include "common/diag.h"
#include "common/util.h"
#include "consolidate/model.h"
#include "consolidate/view.h"
#include "render/chart/chart_files.h"
#include "render/csv/csv_export.h"
#include "render/font.h"
#include "common/workers.h"
#include "render/jobs.h"
#include "render/pdf/board.h"
#include "render/pdf/finish.h"
#include "render/html/page.h"
#include "render/template/template.h"
#include "render/pdf/unit.h"
#include "output/output.h"
#include "render/xlsx/workbook.h"
#include "dataset/dataset.h"
#include "plan/plan.h"
#include "validate/validate.h"
#include "read/folder.h"
#include "read/summary.h"

#include <errno.h>
#include <limits.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Everything one run holds; freed together. */
typedef struct uf_run {
    const uf_config *config;
    uf_diag_list *diags;
    uf_plan *plan;
    uf_dataset *data;
    char *summary; /* sammanfattning/ÅÅÅÅ.txt of the report year, NULL when none: for the board report */
} uf_run;

static void fatal(uf_msg code, const char *arg)
{
    fputs(uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), stderr);
    fprintf(stderr, uf_msg_text(code), arg);
    fputc('\n', stderr);
}

static void print_counts(const uf_run *run, FILE *out)
{
    const uf_counts *c = &run->data->counts;
    char a[UF_NUMBUF], b[UF_NUMBUF], d[UF_NUMBUF];
    fprintf(out, uf_msg_text(UF_MSG_CLI_COUNT_ROWS), uf_fmt_count(a, c->rows_read),
            uf_fmt_count(b, c->rows_accepted), uf_fmt_count(d, c->rows_rejected));
    if (c->rows_duplicate > 1)
        fprintf(out, uf_msg_text(UF_MSG_CLI_COUNT_DUPLICATES), uf_fmt_count(a, c->rows_duplicate));
    else if (c->rows_duplicate == 1)
        fputs(uf_msg_text(UF_MSG_CLI_COUNT_DUPLICATE), out);
    fputc('\n', out);
    fprintf(out, uf_msg_text(UF_MSG_CLI_COUNT_FILES), uf_fmt_count(a, c->files_read), uf_fmt_count(b, c->files_rejected));
    fputc('\n', out);
    fprintf(out, uf_msg_text(UF_MSG_CLI_COUNT_DIAGS), uf_fmt_count(a, (long long)run->diags->errors),
            uf_fmt_count(b, (long long)run->diags->warnings));
    fputc('\n', out);
    for (size_t y = 0; y < run->data->nyears; y++) {
        char year[16];
        int yr = run->data->years[y];
        snprintf(year, sizeof year, "%d", yr);
        fprintf(out, uf_msg_text(UF_MSG_CLI_COVERAGE), year,
                uf_fmt_count(a, (long long)uf_dataset_units_reported(run->data, yr)),
                uf_fmt_count(b, (long long)uf_dataset_units_expected(run->data)));
        fputc('\n', out);
    }
}

/* A file found under INPUTS as the clerk knows it, relative to INPUTS: a
 * report never shows an absolute path. */
static const char *shown_name(const uf_config *cfg, const char *path)
{
    size_t n = strlen(cfg->inputs);
    while (n > 1 && cfg->inputs[n - 1] == '/')
        n--;
    if (strncmp(path, cfg->inputs, n) == 0 && path[n] == '/')
        return path + n + strspn(path + n, "/");
    return path;
}

/* The submissions are read, and the CSV export and the workbook's sheets
 * written, on threads. glibc gives a second thread an arena of its own,
 * reserving 64 MB of address space for it; under ulimit -v that reservation fails and every malloc of that
 * thread becomes an mmap call, six times slower and more. With the address
 * space limited, all threads share the main arena: they allocate little
 * and seldom at the same time (README, "Performance"). */
static void limit_arenas(void)
{
#if defined(M_ARENA_MAX)
    struct rlimit as;
    if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
        mallopt(M_ARENA_MAX, 1);
#endif
}

/* Reads the named files, or every submission under INPUTS/inrapportering;
 * false when there was nothing to read. */
static bool read_submissions(uf_run *run)
{
    const uf_config *cfg = run->config;
    uf_validator *v = uf_validator_new(run->plan, run->data, run->diags);
    unsigned jobs = cfg->jobs ? cfg->jobs : uf_workers_default();
    if (cfg->nfiles > 0) {
        uf_validate_files(v, cfg->nfiles, cfg->files, cfg->files, jobs);
    } else {
        uf_file_list files = {0};
        char *dir = uf_path_join(cfg->inputs, "inrapportering");
        if (uf_find_submissions(dir, &files) == 0) {
            fatal(UF_MSG_CLI_NO_SUBMISSIONS, dir);
            free(dir);
            uf_validator_free(v);
            return false;
        }
        const char **names = uf_xcalloc(files.count + 1, sizeof(char *));
        for (size_t i = 0; i < files.count; i++)
            names[i] = shown_name(cfg, files.paths[i]);
        uf_validate_files(v, files.count, (const char *const *)files.paths, names, jobs);
        free(names);
        uf_file_list_report(&files, run->diags);
        uf_file_list_free(&files);
        free(dir);
    }
    uf_validator_free(v);
    /* Only a whole folder is expected to cover every unit. */
    uf_dataset_finish(run->data, run->diags, cfg->nfiles == 0);
    uf_diag_gather_files(run->diags, UF_MSG_FILE_CP1252, UF_MSG_FILES_CP1252);
    return true;
}

/* The summary text of the year a report would be for, read with the
 * submissions so that validate reports its problems too. */
static void read_summary(uf_run *run)
{
    const uf_dataset *d = run->data;
    int year = run->config->year ? run->config->year : d->nyears ? d->years[d->nyears - 1] : 0;
    if (year && run->config->nfiles == 0)
        run->summary = uf_summary_load(run->config->inputs, year, run->diags);
}

static uf_exit load(uf_run *run)
{
    uf_error err;
    char *plan_dir = uf_path_join(run->config->inputs, "plan");
    bool exists = uf_is_dir(plan_dir);
    free(plan_dir);
    if (!exists) {
        fatal(UF_MSG_CLI_NOT_FOLDER, run->config->inputs);
        return UF_EXIT_FATAL;
    }
    run->plan = uf_plan_load(run->config->inputs, run->diags, &err);
    if (!run->plan) {
        uf_diag_sort(run->diags);
        uf_diag_print_all(run->diags, stdout);
        fprintf(stderr, "%s%s\n", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), uf_strerror(err));
        return UF_EXIT_FATAL;
    }
    run->data = uf_dataset_new(run->plan);
    limit_arenas(); /* before the submissions are read on threads */
    if (!read_submissions(run))
        return UF_EXIT_FATAL;
    read_summary(run);
    uf_diag_sort(run->diags);
    return UF_EXIT_OK;
}

static uf_exit outcome(const uf_run *run)
{
    const uf_counts *c = &run->data->counts;
    return c->rows_rejected > 0 || c->files_rejected > 0 ? UF_EXIT_REJECTED : UF_EXIT_OK;
}

static uf_exit operate_validate(uf_run *run)
{
    uf_diag_print_all(run->diags, stdout);
    if (!run->config->quiet)
        print_counts(run, stdout);
    uf_exit status = outcome(run);
    if (status == UF_EXIT_REJECTED && run->config->strict) {
        char n[UF_NUMBUF];
        fatal(UF_MSG_CLI_STRICT_FAIL, uf_fmt_count(n, run->data->counts.rows_rejected + run->data->counts.files_rejected));
        return UF_EXIT_FATAL;
    }
    return status;
}

/* ---- report ---- */

/* The document date: SOURCE_DATE_EPOCH when set, for byte-identical runs. */
static time_t document_time(void)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long t = strtoll(epoch, &end, 10);
        if (*end == '\0' && t >= 0)
            return (time_t)t;
    }
    return time(NULL);
}

static int choose_year(const uf_run *run)
{
    const uf_dataset *d = run->data;
    char year[16];
    if (d->nyears == 0) {
        fprintf(stderr, "%s%s\n", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), uf_strerror(UF_ERROR_NO_DATA));
        return 0;
    }
    if (run->config->year == 0)
        return d->years[d->nyears - 1];
    if (uf_dataset_year_index(d, run->config->year) == SIZE_MAX) {
        snprintf(year, sizeof year, "%d", run->config->year);
        fatal(UF_MSG_CLI_YEAR_NO_DATA, year);
        return 0;
    }
    return run->config->year;
}

/* "filen kunde inte skrivas: disken är full" */
static void write_failed(const char *path, uf_error err, int e)
{
    uf_msg why = e == ENOSPC || e == EDQUOT ? UF_MSG_ERRNO_ENOSPC
               : e == EACCES || e == EPERM ? UF_MSG_ERRNO_EACCES
               : e == ENOTDIR ? UF_MSG_ERRNO_ENOTDIR
               : e == ENOENT ? UF_MSG_ERRNO_NOFOLDER
               : e == EROFS ? UF_MSG_ERRNO_EROFS
               : e == EFBIG ? UF_MSG_ERRNO_EFBIG
               : e == EIO ? UF_MSG_ERRNO_EIO
                          : UF_MSG_ERRNO_OTHER;
    fputs(uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), stderr);
    fprintf(stderr, "%s: %s", path, uf_strerror(err));
    if ((err == UF_ERROR_WRITE || err == UF_ERROR_XLSX) && e != 0) {
        fputs(": ", stderr);
        fprintf(stderr, uf_msg_text(why), strerror(e));
    }
    fputc('\n', stderr);
}

/* What a run wrote, announced only once everything is in place. */
static uf_strbuf written;

static bool report_done(uf_error err, int why, const char *path)
{
    if (err == UF_OK) {
        char *line = uf_msg_format(UF_MSG_CLI_WROTE, path);
        uf_strbuf_puts(&written, line ? line : path);
        uf_strbuf_putc(&written, '\n');
        free(line);
        return true;
    }
    write_failed(path, err, why);
    return false;
}

static bool report_written(uf_error err, const char *path)
{
    return report_done(err, uf_output_failure_errno(), path);
}

/* The CSV export reads the model, as the workbook does, and nothing else:
 * it is written on a thread of its own beside the workbook. */
typedef struct csv_job {
    const uf_model *model;
    char *path;
    uf_error err;
    int why;
} csv_job;

static void *csv_job_run(void *arg)
{
    csv_job *job = arg;
    job->err = uf_csv_export_write(job->model, job->path);
    job->why = uf_output_failure_errno();
    return NULL;
}

/* The documents drawn on the worker pool, in the order they are reported:
 * the board report, the unit PDFs, the diagrams. */
enum { DOC_BOARD, DOC_UNITS, DOC_CHARTS, NDOCS };

typedef struct documents {
    const uf_model *model;
    const uf_view *view;
    bool asked[NDOCS];
    char *paths[NDOCS]; /* as reported: the board report, enheter/, diagram/ */
    uf_error err[NDOCS];
    int why[NDOCS];
    bool no_font;
    uf_pdf_units *units;
    uf_chart_files *charts;
} documents;

static uf_error write_board(void *ctx, size_t item, unsigned worker)
{
    (void)item;
    (void)worker;
    const documents *d = ctx;
    return uf_pdf_write_board_report(d->model, d->view, d->paths[DOC_BOARD]);
}

/* Makes document k's items; a failure ends the list there, as a loop that
 * wrote the documents one after another would have stopped. */
static bool prepare_document(documents *d, size_t k, const char *dir, uf_job_set *set)
{
    uf_error err = UF_OK;
    if (k == DOC_BOARD)
        *set = (uf_job_set){1, write_board, d};
    else if (k == DOC_UNITS)
        err = uf_pdf_units_prepare(&d->units, d->model, d->view, dir, set);
    else
        err = uf_chart_files_prepare(&d->charts, d->view, dir, set);
    d->err[k] = err;
    d->why[k] = uf_output_failure_errno();
    return err == UF_OK;
}

/* Draws the documents asked for on one pool: the board report, one long
 * document, is handed out first, and the other workers take the many
 * small files meanwhile. Prints nothing (report_documents does, in order,
 * once the workbook is done too). */
static void draw_documents(documents *d, const char *dir)
{
    static const char *const names[NDOCS] = {NULL, "enheter/", "diagram/"};
    char board[64];
    snprintf(board, sizeof board, "styrelserapport-%d.pdf", d->model->report_year);
    for (size_t k = 0; k < NDOCS; k++)
        d->paths[k] = d->asked[k] ? uf_path_join(dir, names[k] ? names[k] : board) : NULL;
    if (uf_font_load() != UF_OK) {
        d->no_font = true;
        return;
    }
    uf_pdf_finish_prepare(); /* libqpdf's process-wide state, before the workers */
    uf_job_set sets[NDOCS] = {{0}};
    size_t nsets = 0;
    while (nsets < NDOCS && (!d->asked[nsets] || prepare_document(d, nsets, dir, &sets[nsets])))
        nsets++;
    size_t failed;
    uf_error err = uf_jobs_run_sets(sets, nsets, uf_jobs_count(), &failed);
    if (err != UF_OK) {
        d->err[failed] = err;
        d->why[failed] = uf_output_failure_errno();
    }
}

/* What a loop over the documents would have said: each written one, up
 * to the first that failed. */
static bool report_documents(const documents *d)
{
    if (d->no_font) {
        fputs(uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), stderr);
        fprintf(stderr, uf_msg_text(UF_MSG_CLI_NO_FONT), uf_font_dir());
        fputc('\n', stderr);
        return false;
    }
    for (size_t k = 0; k < NDOCS; k++)
        if (d->asked[k] && !report_done(d->err[k], d->why[k], d->paths[k]))
            return false;
    return true;
}

static void documents_free(documents *d)
{
    uf_pdf_units_free(d->units);
    uf_chart_files_free(d->charts);
    for (size_t k = 0; k < NDOCS; k++)
        free(d->paths[k]);
}

/* A workbook that closed without error but came out incomplete. */
static void workbook_damaged(void)
{
    const char *tmpdir = getenv("TMPDIR");
    fputs(uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), stderr);
    fprintf(stderr, uf_msg_text(UF_MSG_CLI_XLSX_DAMAGED), tmpdir && *tmpdir ? tmpdir : "/tmp");
    fputc('\n', stderr);
}

/* styrelserapport-YYYY.html beside the PDF. */
static bool write_html(const uf_view *view, const char *dir)
{
    char name[64];
    snprintf(name, sizeof name, "styrelserapport-%d.html", view->model->report_year);
    char *path = uf_path_join(dir, name);
    bool ok = report_written(uf_html_write_board_report(view, path), path);
    free(path);
    return ok;
}

/* Starts the CSV export's thread with the stop signals blocked on it:
 * they go to the thread that runs the pool (jobs.c), which lets every
 * worker finish its file before the run ends. */
static bool csv_thread_start(pthread_t *thread, csv_job *job)
{
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, &old);
    bool started = pthread_create(thread, NULL, csv_job_run, job) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return started;
}

/* The workbook is written by a child process and the CSV export on a
 * thread; meanwhile this thread draws the documents on the pool. The
 * outputs are reported in the order they are listed, each failure as a
 * loop writing them one after another would have reported it. */
static bool write_reports(const uf_run *run, const uf_model *model, const uf_view *view, const char *dir)
{
    const uf_config *cfg = run->config;
    char name[64];
    bool ok = true;
    csv_job csv = {.model = model};
    pthread_t csv_thread;
    bool threaded = false;
    char *book_path = NULL;
    uf_workbook_job book;
    uf_error book_err = UF_OK;
    /* The workbook's child is forked before any thread starts: a fork
     * beside a running thread could copy a lock that thread holds. */
    if (cfg->formats & UF_FORMAT_XLSX) {
        uf_workbook_options opts = {document_time(), cfg->inputs, isatty(fileno(stderr)) == 1};
        snprintf(name, sizeof name, "uppfoljning-%d.xlsx", model->report_year);
        book_path = uf_path_join(dir, name);
        book_err = uf_workbook_start(&book, model, view, book_path, &opts);
    }
    if (cfg->formats & UF_FORMAT_CSV) {
        snprintf(name, sizeof name, "sammanstallning-%d.csv", model->report_year);
        csv.path = uf_path_join(dir, name);
        threaded = (book_path || (cfg->formats & UF_FORMAT_PDF)) && csv_thread_start(&csv_thread, &csv);
    }
    documents docs = {.model = model,
                      .view = view,
                      .asked = {cfg->formats & UF_FORMAT_BOARD, cfg->formats & UF_FORMAT_UNITS,
                                cfg->formats & UF_FORMAT_CHARTS}};
    if (cfg->formats & UF_FORMAT_PDF)
        draw_documents(&docs, dir);
    if (book_path) {
        if (book_err == UF_OK)
            book_err = uf_workbook_finish(&book);
        if (book_err != UF_OK && book.damaged)
            workbook_damaged();
        ok &= report_written(book_err, book_path);
        free(book_path);
    }
    if (csv.path) {
        if (threaded)
            pthread_join(csv_thread, NULL);
        else
            csv_job_run(&csv);
        ok &= report_done(csv.err, csv.why, csv.path);
        free(csv.path);
    }
    if (ok && (cfg->formats & UF_FORMAT_PDF))
        ok &= report_documents(&docs);
    documents_free(&docs);
    if (ok && (cfg->formats & UF_FORMAT_HTML))
        ok &= write_html(view, dir);
    return ok;
}

/* A path made absolute with every link resolved, also when its last parts
 * do not exist yet (an --out folder to be made). */
static char *resolved(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    const char *slash = strrchr(path, '/');
    if (slash == path)
        return uf_xstrdup(path);
    char *base = NULL;
    if (slash) {
        char *parent = uf_xstrndup(path, (size_t)(slash - path));
        base = resolved(parent);
        free(parent);
    } else {
        base = getcwd(NULL, 0);
    }
    if (!base)
        return NULL;
    char *joined = uf_path_join(base, slash ? slash + 1 : path);
    free(base);
    return joined;
}

/* --out inside inrapportering/ would make the next run read this run's CSV
 * export as a submission: refused, rather than silently excluded, so that
 * the clerk learns where the reports go. */
static bool out_inside_inputs(const char *out, const char *inputs)
{
    char *subs = uf_path_join(inputs, "inrapportering");
    char *a = resolved(out), *b = resolved(subs);
    free(subs);
    bool inside = false;
    if (a && b) {
        size_t n = strlen(b);
        inside = strncmp(a, b, n) == 0 && (a[n] == '/' || a[n] == '\0');
    }
    free(a);
    free(b);
    return inside;
}

static uf_exit operate_report(uf_run *run)
{
    const uf_config *cfg = run->config;
    uf_exit status = operate_validate(run);
    if (status == UF_EXIT_FATAL)
        return status;
    int year = choose_year(run);
    if (year == 0)
        return UF_EXIT_FATAL;
    char default_out[64];
    snprintf(default_out, sizeof default_out, "reports/%d", year);
    const char *dir = cfg->out ? cfg->out : default_out;
    if (out_inside_inputs(dir, cfg->inputs)) {
        fatal(UF_MSG_CLI_OUT_IN_INPUTS, dir);
        return UF_EXIT_FATAL;
    }
    if (uf_output_make_dirs(dir) != UF_OK) {
        write_failed(dir, UF_ERROR_WRITE, uf_output_failure_errno());
        return UF_EXIT_FATAL;
    }
    /* All or nothing: one failed output leaves every earlier report as it
     * was; and one run at a time in a folder, so two never mix. */
    if (uf_output_hold(dir) != UF_OK) {
        if (uf_output_failure_errno() == EWOULDBLOCK)
            fatal(UF_MSG_CLI_OUT_LOCKED, dir);
        else
            write_failed(dir, UF_ERROR_WRITE, uf_output_failure_errno());
        return UF_EXIT_FATAL;
    }
    uf_model *model = uf_model_build(run->plan, run->data, year);
    uf_jobs_set_count(cfg->jobs);
    uf_view *view = uf_view_build(model, run->diags, run->summary);
    bool ok = write_reports(run, model, view, dir);
    uf_error err = uf_output_release(ok);
    uf_view_free(view);
    uf_model_free(model);
    if (ok && err != UF_OK) {
        write_failed(dir, err, uf_output_failure_errno());
        ok = false;
    }
    if (ok && written.data)
        fputs(written.data, stdout);
    uf_strbuf_free(&written);
    return ok ? status : UF_EXIT_FATAL;
}

/* Templates for the round after the latest year in the submissions (or
 * --year), into reports/mallar-YYYY (or --out), all or nothing. The
 * submissions are read only for last year's figures: their problems are
 * validate's to show. */
static uf_exit operate_template(uf_run *run)
{
    const uf_config *cfg = run->config;
    const uf_dataset *d = run->data;
    if (cfg->year == 0 && d->nyears == 0) {
        fprintf(stderr, "%s%s\n", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), uf_strerror(UF_ERROR_NO_DATA));
        return UF_EXIT_FATAL;
    }
    int year = cfg->year ? cfg->year : d->years[d->nyears - 1] + 1;
    char default_out[64], count[UF_NUMBUF];
    if (year > 2100) { /* after submissions for 2100: no valid year follows */
        snprintf(default_out, sizeof default_out, "%d", year);
        fatal(UF_MSG_CLI_BAD_YEAR, default_out);
        return UF_EXIT_FATAL;
    }
    snprintf(default_out, sizeof default_out, "reports/mallar-%d", year);
    const char *dir = cfg->out ? cfg->out : default_out;
    if (out_inside_inputs(dir, cfg->inputs)) {
        fatal(UF_MSG_CLI_OUT_IN_INPUTS, dir);
        return UF_EXIT_FATAL;
    }
    if (uf_output_make_dirs(dir) != UF_OK || uf_output_hold(dir) != UF_OK) {
        if (uf_output_failure_errno() == EWOULDBLOCK)
            fatal(UF_MSG_CLI_OUT_LOCKED, dir);
        else
            write_failed(dir, UF_ERROR_WRITE, uf_output_failure_errno());
        return UF_EXIT_FATAL;
    }
    uf_model *model = d->nyears ? uf_model_build(run->plan, d, d->years[d->nyears - 1]) : NULL;
    uf_template_options opts = {year, document_time(), model};
    char *failed = NULL;
    uf_error err = uf_template_write_all(run->plan, &opts, dir, &failed);
    int why = uf_output_failure_errno();
    uf_error released = uf_output_release(err == UF_OK);
    uf_model_free(model);
    if (err != UF_OK) {
        write_failed(failed ? failed : dir, err, why);
    } else if (released != UF_OK) {
        write_failed(dir, released, uf_output_failure_errno());
    } else {
        size_t units = 0;
        for (size_t u = 0; u < run->plan->nunits; u++)
            units += uf_plan_unit_expected(run->plan, u);
        fprintf(stdout, uf_msg_text(UF_MSG_CLI_TEMPLATE_WROTE), uf_fmt_count(count, (long long)units), dir);
        fputc('\n', stdout);
    }
    free(failed);
    return err == UF_OK && released == UF_OK ? UF_EXIT_OK : UF_EXIT_FATAL;
}

uf_exit uf_operate(const uf_config *config)
{
    /* "uppfolj report | less" quit early must not end the run before the
     * reports are written: a write to the closed pipe fails with EPIPE
     * instead, and main ignores that failure. */
    signal(SIGPIPE, SIG_IGN);
    uf_run run = {.config = config, .diags = uf_diag_list_new()};
    uf_exit status = load(&run);
    if (status == UF_EXIT_OK) {
        status = config->command == UF_COMMAND_REPORT     ? operate_report(&run)
               : config->command == UF_COMMAND_TEMPLATE ? operate_template(&run)
                                                        : operate_validate(&run);
    }
    free(run.summary);
    uf_dataset_free(run.data);
    uf_plan_free(run.plan);
    uf_diag_list_free(run.diags);
    return status;
}
