/* A small pool of threads for work that is many independent items (a PDF
 * per unit, a submission file to read): items 0..n-1 are handed out in
 * order to `workers` threads. With one worker everything runs on the
 * calling thread; with more, the calling thread waits and catches
 * SIGINT/SIGTERM, so that output.c's cleanup runs only when no worker is in
 * the middle of an item (workers.c). render/jobs.h binds it to the fonts;
 * validate.c reads submissions on it. */
#ifndef UF_WORKERS_H
#define UF_WORKERS_H

#include "common/error.h"

#include <stddef.h>

/* More threads than this only wait on each other. */
#define UF_WORKERS_MAX 32

/* Does item on worker (0..workers-1); a worker runs one item at a time, so
 * anything indexed by worker is its own. */
typedef uf_error (*uf_work_fn)(void *ctx, size_t item, unsigned worker);

typedef struct uf_work {
    uf_work_fn fn;
    void *ctx;
    /* Called on each worker's thread before its first item, and with 0 on
     * the calling thread when all are done; NULL: nothing to bind. */
    void (*bind)(unsigned worker);
    /* Read on the thread of a failing item, for its cause (an errno kept
     * per thread); NULL: 0. */
    int (*why)(void);
} uf_work;

/* The number of cores online, 1..UF_WORKERS_MAX. */
unsigned uf_workers_default(void);

/* How many threads run n items: workers within 1..UF_WORKERS_MAX, and no
 * more than the items (at least 1). */
unsigned uf_workers_for(size_t n, unsigned workers);

/* Runs work->fn for every item on min(workers, n) threads. Stops handing
 * out items after a failure and returns the error of the lowest failing
 * item, as a loop from 0 would, with its cause in *why (when why is not
 * NULL). Falls back to fewer threads (at least the caller) if threads
 * cannot be started. A SIGINT or SIGTERM meanwhile stops the workers after
 * their current item and is then raised again (by default ending the
 * process, through output.c's handler). */
uf_error uf_workers_run(size_t n, unsigned workers, const uf_work *work, int *why);

#endif
