/* A small worker pool for outputs that are many independent files (a PDF
 * per unit, a diagram per indicator): items 0..n-1 are handed out in order
 * to `jobs` threads. Each item's file depends on the item alone, so the
 * files are the same for any number of threads; only the order they are
 * finished in differs. With one job everything runs on the calling thread;
 * with more, the calling thread waits and catches SIGINT/SIGTERM, so that
 * output.c's cleanup runs only when no worker is making files (jobs.c). */
#ifndef UF_JOBS_H
#define UF_JOBS_H

#include "common/error.h"

#include <stddef.h>

/* More threads than this only wait on each other (and output.c tracks a
 * bounded number of temporary files at once). */
#define UF_JOBS_MAX 32

/* Renders item on worker (0..jobs-1); a worker runs one item at a time, so
 * anything indexed by worker (fonts, buffers) is its own. */
typedef uf_error (*uf_job_fn)(void *ctx, size_t item, unsigned worker);

/* The number of cores online, 1..UF_JOBS_MAX. */
unsigned uf_jobs_default(void);
/* The process-wide number of workers for the render modules (--jobs; like
 * the message language, set once by the command line). 0: the default. */
void uf_jobs_set_count(unsigned jobs);
unsigned uf_jobs_count(void);

/* Runs fn for every item on min(jobs, n) workers, each bound to its own
 * fonts (uf_font_bind). Stops handing out items after a failure and
 * returns the error of the lowest failing item, as a loop from 0 would;
 * uf_output_failure_errno() on the calling thread then tells its cause.
 * Falls back to fewer threads (at least the caller) if threads cannot be
 * started. A SIGINT or SIGTERM meanwhile stops the workers after their
 * current item and is then raised again (by default ending the process,
 * through output.c's handler). */
uf_error uf_jobs_run(size_t n, unsigned jobs, uf_job_fn fn, void *ctx);

/* Several outputs' items on one pool: set 0's items are handed out first,
 * then set 1's, and so on, so that a worker never waits while another set
 * has work (a board report drawn beside the unit PDFs and the diagrams).
 * As uf_jobs_run, as if the sets were one list of items; *failed (when not
 * NULL) is the set of the failing item, nsets when none failed. */
typedef struct uf_job_set {
    size_t n;
    uf_job_fn fn;
    void *ctx;
} uf_job_set;

uf_error uf_jobs_run_sets(const uf_job_set *sets, size_t nsets, unsigned jobs, size_t *failed);

#endif
