#include "common/workers.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

/* Shared by the workers; every field below work is read and written under
 * lock only (a plain mutex, which helgrind and TSan understand). */
typedef struct pool {
    const uf_work *work;
    size_t n;
    pthread_mutex_t lock;
    size_t next;      /* the next item to hand out */
    size_t failed;    /* the lowest failing item, n when none */
    uf_error err;     /* its error */
    int why;          /* its cause */
    unsigned running; /* workers not yet finished */
} pool;

typedef struct worker {
    pool *shared;
    unsigned id;
} worker;

unsigned uf_workers_default(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > UF_WORKERS_MAX ? UF_WORKERS_MAX : (unsigned)n;
}

/* The next item, or n when done. Items above a failure are not started:
 * a loop would never have reached them. */
static size_t take_item(pool *p)
{
    pthread_mutex_lock(&p->lock);
    size_t item = p->next < p->failed ? p->next++ : p->n;
    pthread_mutex_unlock(&p->lock);
    return item;
}

static void record_failure(pool *p, size_t item, uf_error err)
{
    int why = p->work->why ? p->work->why() : 0;
    pthread_mutex_lock(&p->lock);
    if (item < p->failed) {
        p->failed = item;
        p->err = err;
        p->why = why;
    }
    pthread_mutex_unlock(&p->lock);
}

static void *work(void *arg)
{
    worker *w = arg;
    pool *p = w->shared;
    if (p->work->bind)
        p->work->bind(w->id);
    for (size_t item; (item = take_item(p)) < p->n;) {
        uf_error err = p->work->fn(p->work->ctx, item, w->id);
        if (err != UF_OK)
            record_failure(p, item, err);
    }
    pthread_mutex_lock(&p->lock);
    p->running--;
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static bool all_done(pool *p)
{
    pthread_mutex_lock(&p->lock);
    bool done = p->running == 0;
    pthread_mutex_unlock(&p->lock);
    return done;
}

/* Waits for the workers, or for SIGINT/SIGTERM (blocked on every thread
 * meanwhile): then hands out no more items and returns the signal. */
static int watch(pool *p, const sigset_t *stop)
{
    struct timespec tick = {0, 10 * 1000 * 1000};
    while (!all_done(p)) {
        int sig = sigtimedwait(stop, NULL, &tick);
        if (sig > 0) {
            pthread_mutex_lock(&p->lock);
            p->next = p->n;
            pthread_mutex_unlock(&p->lock);
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
static void run_threads(pool *p, worker *workers, unsigned nworkers)
{
    pthread_t threads[UF_WORKERS_MAX];
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, &old); /* inherited by the workers */
    unsigned started = 0;
    p->running = nworkers;
    while (started < nworkers && pthread_create(&threads[started], NULL, work, &workers[started]) == 0)
        started++;
    pthread_mutex_lock(&p->lock);
    p->running -= nworkers - started;
    pthread_mutex_unlock(&p->lock);
    int sig = started ? watch(p, &stop) : 0;
    for (unsigned k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (sig)
        raise(sig);
    if (started == 0) {
        p->running = 1;
        work(&workers[0]);
    }
}

unsigned uf_workers_for(size_t n, unsigned workers)
{
    if (workers > UF_WORKERS_MAX)
        workers = UF_WORKERS_MAX;
    if (workers > n)
        workers = (unsigned)n;
    return workers ? workers : 1;
}

uf_error uf_workers_run(size_t n, unsigned nworkers, const uf_work *w, int *why)
{
    nworkers = uf_workers_for(n, nworkers);
    pool p = {.work = w, .n = n, .failed = n, .err = UF_OK};
    pthread_mutex_init(&p.lock, NULL);
    worker workers[UF_WORKERS_MAX];
    for (unsigned k = 0; k < nworkers; k++)
        workers[k] = (worker){&p, k};
    if (nworkers == 1) {
        p.running = 1;
        work(&workers[0]);
    } else {
        run_threads(&p, workers, nworkers);
    }
    if (w->bind)
        w->bind(0);
    pthread_mutex_destroy(&p.lock);
    if (why)
        *why = p.why;
    return p.err;
}
