#include "output/manifest.h"

#include "common/util.h"
#include "output/output.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char header[] = "# uppfolj utdata 1: storlek ändrad(s.ns) sökväg\n";

static bool safe_path(const char *path)
{
    if (!*path || path[0] == '/' || strchr(path, '\n'))
        return false;
    for (const char *p = path; p; p = strchr(p, '/')) {
        if (*p == '/')
            p++;
        if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0'))
            return false;
    }
    return true;
}

static void add_entry(uf_manifest *m, const char *path, long long size, long long sec, long long nsec)
{
    if (!safe_path(path))
        return;
    uf_grow(&m->entries, &m->cap, m->count + 1, sizeof *m->entries);
    m->entries[m->count++] = (uf_manifest_entry){uf_xstrdup(path), size, sec, nsec};
}

void uf_manifest_add(uf_manifest *m, const char *path, const struct stat *st)
{
    add_entry(m, path, (long long)st->st_size, (long long)st->st_mtim.tv_sec, (long long)st->st_mtim.tv_nsec);
}

void uf_manifest_read(uf_manifest *m, const char *dir)
{
    *m = (uf_manifest){0};
    char *path = uf_path_join(dir, UF_OUTPUT_MANIFEST);
    FILE *fp = fopen(path, "r");
    free(path);
    if (!fp)
        return;
    char line[4096];
    while (fgets(line, sizeof line, fp)) {
        long long size, sec, nsec;
        int used = 0;
        size_t n = strlen(line);
        if (n == 0 || line[n - 1] != '\n' || line[0] == '#')
            continue; /* a comment, or a line too long to be ours */
        line[n - 1] = '\0';
        if (sscanf(line, "%lld %lld.%lld %n", &size, &sec, &nsec, &used) == 3 && used > 0)
            add_entry(m, line + used, size, sec, nsec);
    }
    fclose(fp);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const uf_manifest_entry *)a)->path, ((const uf_manifest_entry *)b)->path);
}

bool uf_manifest_write(uf_manifest *m, FILE *fp)
{
    if (m->count)
        qsort(m->entries, m->count, sizeof *m->entries, by_path);
    fputs(header, fp);
    for (size_t i = 0; i < m->count; i++) {
        const uf_manifest_entry *e = &m->entries[i];
        fprintf(fp, "%lld %lld.%09lld %s\n", e->size, e->mtime_sec, e->mtime_nsec, e->path);
    }
    return !ferror(fp);
}

/* "enheter/" for "enheter/a.pdf"; "" for a file at the top. */
static size_t group_len(const char *path)
{
    const char *slash = strchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

static bool group_written(const uf_manifest *now, const char *path)
{
    size_t n = group_len(path);
    for (size_t i = 0; n && i < now->count; i++)
        if (group_len(now->entries[i].path) == n && strncmp(now->entries[i].path, path, n) == 0)
            return true;
    return false;
}

static bool unchanged(const char *dir, const uf_manifest_entry *e)
{
    char *path = uf_path_join(dir, e->path);
    struct stat st;
    bool same = lstat(path, &st) == 0 && S_ISREG(st.st_mode) && (long long)st.st_size == e->size &&
                (long long)st.st_mtim.tv_sec == e->mtime_sec && (long long)st.st_mtim.tv_nsec == e->mtime_nsec;
    free(path);
    return same;
}

static bool listed(const uf_manifest *m, const uf_manifest_entry *e)
{
    for (size_t i = 0; i < m->count; i++)
        if (strcmp(m->entries[i].path, e->path) == 0)
            return true;
    return false;
}

void uf_manifest_carry(const uf_manifest *old, uf_manifest *now, const char *dir)
{
    size_t written = now->count;
    uf_manifest this_run = {now->entries, written, written};
    for (size_t i = 0; i < old->count; i++) {
        const uf_manifest_entry *e = &old->entries[i];
        this_run.entries = now->entries; /* add_entry may move them */
        if (!listed(&this_run, e) && !group_written(&this_run, e->path) && unchanged(dir, e))
            add_entry(now, e->path, e->size, e->mtime_sec, e->mtime_nsec);
    }
}

void uf_manifest_remove_stale(const uf_manifest *old, uf_manifest *now, const char *dir)
{
    if (now->count)
        qsort(now->entries, now->count, sizeof *now->entries, by_path);
    for (size_t i = 0; i < old->count; i++) {
        const uf_manifest_entry *e = &old->entries[i];
        if (now->count && bsearch(e, now->entries, now->count, sizeof *now->entries, by_path))
            continue;
        if (!unchanged(dir, e))
            continue;
        char *path = uf_path_join(dir, e->path);
        unlink(path);
        free(path);
    }
}

void uf_manifest_free(uf_manifest *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->count; i++)
        free(m->entries[i].path);
    free(m->entries);
    *m = (uf_manifest){0};
}
