/* Every output is written to a temporary name in its own folder and renamed
 * into place, so an interrupted run never leaves a half-written report over
 * last year's. Temporary files are removed on failure, on out of memory and
 * on SIGINT/SIGTERM/SIGHUP. */
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

/* fork() for a child process that writes a temporary file: on a signal or
 * a fatal exit the parent kills and reaps it before removing the temporary
 * files, or it could write its file again after the removal. The parent
 * calls writer_done once it has reaped the child itself. */
int uf_output_fork_writer(void);
void uf_output_writer_done(void);

/* The lock file and the manifest in an output folder. */
#define UF_OUTPUT_LOCK ".uppfolj-las"
#define UF_OUTPUT_MANIFEST ".uppfolj-utdata"

/* A run writes several files into dir; if one fails, none may replace last
 * year's. hold takes dir's lock (one run at a time per folder: a second run
 * waits a few seconds, then fails with EWOULDBLOCK as its failure errno);
 * until release, commits keep their temporary files. Call it before any
 * other thread starts: it reads the umask. */
uf_error uf_output_hold(const char *dir);
/* The errno behind the last UF_ERROR_WRITE from this module, 0 if unknown. */
int uf_output_failure_errno(void);
/* Sets it, for a failure found outside this module (a damaged workbook). */
void uf_output_set_failure_errno(int e);
/* keep: renames every held output into place, writes the manifest and
 * removes what the previous run's manifest listed and this run did not
 * write, all with SIGINT/SIGTERM/SIGHUP blocked. !keep: removes them all.
 * Either way removes leftover temporary files of earlier runs that carry
 * this run's output names, then drops the lock. */
uf_error uf_output_release(bool keep);

#endif
