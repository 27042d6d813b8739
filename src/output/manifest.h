/* .uppfolj-utdata: what one run wrote into its output folder, so that the
 * next run can remove what it no longer writes (a unit renamed in the plan
 * leaves no enheter/OLD.pdf behind) and nothing else. Each line holds a
 * file's size, its modification time and its path below the folder; a file
 * changed since (by a person, or another program) no longer matches and is
 * left alone. */
#ifndef UF_MANIFEST_H
#define UF_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

typedef struct uf_manifest_entry {
    char *path; /* below the output folder: "enheter/a.pdf" */
    long long size, mtime_sec, mtime_nsec;
} uf_manifest_entry;

typedef struct uf_manifest {
    uf_manifest_entry *entries;
    size_t count, cap;
} uf_manifest;

/* Reads dir's manifest; a missing or unreadable one is empty. */
void uf_manifest_read(uf_manifest *m, const char *dir);
/* Records a file as it is now (st from stat). Paths that could not be read
 * back safely (absolute, "..", a line break) are not recorded. */
void uf_manifest_add(uf_manifest *m, const char *path, const struct stat *st);
/* Writes the manifest, sorted by path; false on a write error. */
bool uf_manifest_write(uf_manifest *m, FILE *fp);
/* Keeps in now what old lists outside the kinds this run writes: a file at
 * the top of the folder (a report named by its year, which a run replaces
 * or leaves alone) and the folders this run did not write into (enheter/
 * after --format xlsx). Only a folder this run rewrote can hold stale
 * files; a report of another year or another format is never removed. */
void uf_manifest_carry(const uf_manifest *old, uf_manifest *now, const char *dir);
/* Removes each file that old lists and now does not, if it is still the
 * very file old describes (same size and modification time). */
void uf_manifest_remove_stale(const uf_manifest *old, uf_manifest *now, const char *dir);
void uf_manifest_free(uf_manifest *m);

#endif
