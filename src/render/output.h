/* Every output is written to a temporary name in its own folder and renamed
 * into place, so an interrupted run never leaves a half-written report over
 * last year's. Temporary files are removed on failure, on out of memory and
 * on SIGINT/SIGTERM. */
#ifndef UF_OUTPUT_H
#define UF_OUTPUT_H

#include "common/error.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct uf_output {
    char *path;      /* the final name */
    char *temp_path; /* where it is written meanwhile */
    FILE *fp;        /* open only for uf_output_open_stream */
} uf_output;

/* Creates the folder (and parents) of path if needed. */
uf_error uf_output_make_dirs(const char *dir);
/* Reserves a temporary file beside path; the writer (libxlsxwriter, cairo)
 * then writes o->temp_path itself. */
uf_error uf_output_begin(uf_output *o, const char *path);
/* The same, with a stdio stream open on the temporary file. */
uf_error uf_output_open_stream(uf_output *o, const char *path);
/* Flushes and closes the stream if any (checking every error) and renames
 * the temporary file into place. On error the temporary file is removed. */
uf_error uf_output_commit(uf_output *o);
/* Removes the temporary file. Accepts an output that was never begun. */
void uf_output_abort(uf_output *o);

/* A run writes several files; if one fails, none may replace last year's.
 * Between hold and release, commits keep their temporary files; release
 * renames them all into place (keep) or removes them all (!keep). */
void uf_output_hold(void);
/* The errno behind the last UF_ERROR_WRITE from this module, 0 if unknown. */
int uf_output_failure_errno(void);
/* Hands a worker thread's errno to the thread that reports it (jobs.c). */
void uf_output_set_failure_errno(int e);
uf_error uf_output_release(bool keep);

#endif
