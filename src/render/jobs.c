#include "render/jobs.h"

#include "render/font.h"
#include "output/output.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

/* Shared by the workers; every field below fn/ctx is read and written under
 * lock only (a plain mutex, which helgrind and TSan understand). */
typedef struct jobs {
    const uf_job_set *sets;
    size_t nsets;
    size_t n; /* the items of all sets */
    pthread_mutex_t lock;
    size_t next;    /* the next item to hand out */
    size_t failed;  /* the lowest failing item, n when none */
    uf_error err;   /* its error */
    int why;        /* its errno (output.c keeps it per thread) */
    unsigned running; /* workers not yet finished */
} jobs;

typedef struct worker {
    jobs *shared;
    unsigned id;
} worker;

unsigned uf_jobs_default(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > UF_JOBS_MAX ? UF_JOBS_MAX : (unsigned)n;
}

static unsigned count; /* set before any worker starts */

void uf_jobs_set_count(unsigned n) { count = n > UF_JOBS_MAX ? UF_JOBS_MAX : n; }

unsigned uf_jobs_count(void) { return count ? count : uf_jobs_default(); }

/* The next item, or n when done. Items above a failure are not started:
 * a loop would never have reached them. */
static size_t take_item(jobs *j)
{
    pthread_mutex_lock(&j->lock);
    size_t item = j->next < j->failed ? j->next++ : j->n;
    pthread_mutex_unlock(&j->lock);
    return item;
}

static void record_failure(jobs *j, size_t item, uf_error err)
{
    int why = uf_output_failure_errno();
    pthread_mutex_lock(&j->lock);
    if (item < j->failed) {
        j->failed = item;
        j->err = err;
        j->why = why;
    }
    pthread_mutex_unlock(&j->lock);
}

/* The set that item (numbered across all the sets) belongs to, nsets
 * when past the last; *item becomes its number within that set. */
static size_t locate(const uf_job_set *sets, size_t nsets, size_t *item)
{
    size_t s = 0;
    while (s < nsets && *item >= sets[s].n)
        *item -= sets[s++].n;
    return s;
}

static uf_error run_item(const jobs *j, size_t item, unsigned id)
{
    size_t s = locate(j->sets, j->nsets, &item);
    return j->sets[s].fn(j->sets[s].ctx, item, id);
}

static void *work(void *arg)
{
    worker *w = arg;
    jobs *j = w->shared;
    uf_font_bind(w->id);
    for (size_t item; (item = take_item(j)) < j->n;) {
        uf_error err = run_item(j, item, w->id);
        if (err != UF_OK)
            record_failure(j, item, err);
    }
    pthread_mutex_lock(&j->lock);
    j->running--;
    pthread_mutex_unlock(&j->lock);
    return NULL;
}

static bool all_done(jobs *j)
{
    pthread_mutex_lock(&j->lock);
    bool done = j->running == 0;
    pthread_mutex_unlock(&j->lock);
    return done;
}

/* Waits for the workers, or for SIGINT/SIGTERM (blocked on every thread
 * meanwhile): then hands out no more items and returns the signal. */
static int watch(jobs *j, const sigset_t *stop)
{
    struct timespec tick = {0, 10 * 1000 * 1000};
    while (!all_done(j)) {
        int sig = sigtimedwait(stop, NULL, &tick);
        if (sig > 0) {
            pthread_mutex_lock(&j->lock);
            j->next = j->n;
            pthread_mutex_unlock(&j->lock);
            return sig;
        }
    }
    return 0;
}

/* output.c removes its temporary files in a signal handler, which cannot
 * stop other threads from making new ones. So while the workers run the
 * calling thread only watches: a signal lets each worker finish its item,
 * and is raised again once they have all stopped, when every temporary
 * file is listed and none is being made. */
static void run_threads(jobs *j, worker *workers, unsigned njobs)
{
    pthread_t threads[UF_JOBS_MAX];
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP); /* output.c ends a run on it too */
    pthread_sigmask(SIG_BLOCK, &stop, &old); /* inherited by the workers */
    unsigned started = 0;
    j->running = njobs;
    while (started < njobs && pthread_create(&threads[started], NULL, work, &workers[started]) == 0)
        started++;
    pthread_mutex_lock(&j->lock);
    j->running -= njobs - started;
    pthread_mutex_unlock(&j->lock);
    int sig = started ? watch(j, &stop) : 0;
    for (unsigned k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (sig)
        raise(sig);
    if (started == 0) {
        j->running = 1;
        work(&workers[0]);
    }
}

uf_error uf_jobs_run_sets(const uf_job_set *sets, size_t nsets, unsigned njobs, size_t *failed)
{
    size_t n = 0;
    for (size_t s = 0; s < nsets; s++)
        n += sets[s].n;
    if (njobs < 1)
        njobs = 1;
    if (njobs > UF_JOBS_MAX)
        njobs = UF_JOBS_MAX;
    if (njobs > n)
        njobs = n > 0 ? (unsigned)n : 1;
    jobs j = {.sets = sets, .nsets = nsets, .n = n, .failed = n, .err = UF_OK};
    pthread_mutex_init(&j.lock, NULL);
    worker workers[UF_JOBS_MAX];
    /* Fonts first: FreeType libraries are made here, on one thread. */
    if (uf_font_prepare(njobs) != UF_OK)
        njobs = 1;
    for (unsigned k = 0; k < njobs; k++)
        workers[k] = (worker){&j, k};
    if (njobs == 1) {
        j.running = 1;
        work(&workers[0]);
    } else {
        run_threads(&j, workers, njobs);
    }
    uf_font_bind(0);
    pthread_mutex_destroy(&j.lock);
    if (j.err != UF_OK)
        uf_output_set_failure_errno(j.why);
    if (failed)
        *failed = locate(sets, nsets, &j.failed);
    return j.err;
}

uf_error uf_jobs_run(size_t n, unsigned njobs, uf_job_fn fn, void *ctx)
{
    uf_job_set set = {n, fn, ctx};
    return uf_jobs_run_sets(&set, 1, njobs, NULL);
}
