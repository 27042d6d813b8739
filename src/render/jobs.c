#include "render/jobs.h"

#include "common/workers.h"
#include "render/font.h"
#include "output/output.h"

#include <pthread.h>

_Static_assert(UF_JOBS_MAX == UF_WORKERS_MAX, "--jobs and the pool agree on the most threads");

unsigned uf_jobs_default(void) { return uf_workers_default(); }

static unsigned count; /* set before any worker starts */

void uf_jobs_set_count(unsigned n) { count = n > UF_JOBS_MAX ? UF_JOBS_MAX : n; }

unsigned uf_jobs_count(void) { return count ? count : uf_jobs_default(); }

/* The sets seen by the pool as one list of items. */
typedef struct job_sets {
    const uf_job_set *sets;
    size_t nsets;
    pthread_mutex_t lock;
    size_t failed; /* the lowest failing item (numbered across the sets) */
} job_sets;

/* The set that item (numbered across all the sets) belongs to, nsets
 * when past the last; *item becomes its number within that set. */
static size_t locate(const uf_job_set *sets, size_t nsets, size_t *item)
{
    size_t s = 0;
    while (s < nsets && *item >= sets[s].n)
        *item -= sets[s++].n;
    return s;
}

static uf_error run_item(void *ctx, size_t item, unsigned worker)
{
    job_sets *j = ctx;
    size_t local = item;
    size_t s = locate(j->sets, j->nsets, &local);
    uf_error err = j->sets[s].fn(j->sets[s].ctx, local, worker);
    if (err != UF_OK) {
        pthread_mutex_lock(&j->lock);
        if (item < j->failed)
            j->failed = item;
        pthread_mutex_unlock(&j->lock);
    }
    return err;
}

uf_error uf_jobs_run_sets(const uf_job_set *sets, size_t nsets, unsigned njobs, size_t *failed)
{
    size_t n = 0;
    for (size_t s = 0; s < nsets; s++)
        n += sets[s].n;
    njobs = uf_workers_for(n, njobs);
    /* Fonts first: FreeType libraries are made here, on one thread. */
    if (uf_font_prepare(njobs) != UF_OK)
        njobs = 1;
    job_sets j = {.sets = sets, .nsets = nsets, .failed = n};
    pthread_mutex_init(&j.lock, NULL);
    uf_work work = {run_item, &j, uf_font_bind, uf_output_failure_errno};
    int why = 0;
    uf_error err = uf_workers_run(n, njobs, &work, &why);
    pthread_mutex_destroy(&j.lock);
    if (err != UF_OK)
        uf_output_set_failure_errno(why);
    if (failed)
        *failed = err != UF_OK ? locate(sets, nsets, &j.failed) : nsets;
    return err;
}

uf_error uf_jobs_run(size_t n, unsigned njobs, uf_job_fn fn, void *ctx)
{
    uf_job_set set = {n, fn, ctx};
    return uf_jobs_run_sets(&set, 1, njobs, NULL);
}
