#include "render/jobs.h"

#include "common/workers.h"
#include "render/font.h"
#include "output/output.h"

_Static_assert(UF_JOBS_MAX == UF_WORKERS_MAX, "--jobs and the pool agree on the most threads");

unsigned uf_jobs_default(void) { return uf_workers_default(); }

static unsigned count; /* set before any worker starts */

void uf_jobs_set_count(unsigned n) { count = n > UF_JOBS_MAX ? UF_JOBS_MAX : n; }

unsigned uf_jobs_count(void) { return count ? count : uf_jobs_default(); }

uf_error uf_jobs_run(size_t n, unsigned njobs, uf_job_fn fn, void *ctx)
{
    njobs = uf_workers_for(n, njobs);
    /* Fonts first: FreeType libraries are made here, on one thread. */
    if (uf_font_prepare(njobs) != UF_OK)
        njobs = 1;
    uf_work work = {fn, ctx, uf_font_bind, uf_output_failure_errno};
    int why = 0;
    uf_error err = uf_workers_run(n, njobs, &work, &why);
    if (err != UF_OK)
        uf_output_set_failure_errno(why);
    return err;
}
