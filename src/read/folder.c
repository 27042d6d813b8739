#include "read/folder.h"

#include "common/util.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static bool ends_with(const char *name, const char *ending)
{
    size_t n = strlen(name), e = strlen(ending);
    return n > e && strcasecmp(name + n - e, ending) == 0;
}

static bool is_csv(const char *name) { return ends_with(name, ".csv"); }

/* .xls, .ods and .xlsb are listed too, so that the workbook reader tells
 * the clerk what to save them as rather than have them ignored. */
uf_submission_kind uf_submission_kind_of(const char *name)
{
    static const char *const workbooks[] = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"};
    if (is_csv(name))
        return UF_SUBMISSION_CSV;
    for (size_t i = 0; i < sizeof workbooks / sizeof *workbooks; i++)
        if (ends_with(name, workbooks[i]))
            return UF_SUBMISSION_WORKBOOK;
    return UF_SUBMISSION_NONE;
}

static bool is_submission(const char *name) { return uf_submission_kind_of(name) != UF_SUBMISSION_NONE; }

/* A file the walk found, with its identity when it could be stat'ed: a
 * dangling link or an unreadable entry is still listed, so that the
 * reader says what is wrong with it. */
typedef struct found {
    char *path;
    dev_t dev;
    ino_t ino;
    bool known, link;
    size_t order; /* place in byte-wise path order */
} found;

typedef struct walker {
    bool (*wanted)(const char *name);
    found *items;
    size_t count, cap;
    uf_file_list *list;
} walker;

static void notice_add(uf_file_list *list, uf_msg code, const char *path, const char *arg)
{
    uf_grow(&list->notices, &list->notices_cap, list->nnotices + 1, sizeof(uf_file_notice));
    list->notices[list->nnotices++] = (uf_file_notice){code, uf_xstrdup(path), arg ? uf_xstrdup(arg) : NULL};
}

static void found_add(walker *w, char *path, bool link, const struct stat *st)
{
    uf_grow(&w->items, &w->cap, w->count + 1, sizeof(found));
    w->items[w->count++] = (found){path, st ? st->st_dev : 0, st ? st->st_ino : 0, st != NULL, link, 0};
}

/* Links to folders are not followed: two links to "." would otherwise
 * walk every combination of them. Real folders cannot loop, but a bind
 * mount can, so the depth is bounded too. */
static void walk(walker *w, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., hidden files and Excel's lock files (~$ too below) */
        if (strncmp(e->d_name, "~$", 2) == 0)
            continue;
        char *path = uf_path_join(dir, e->d_name);
        struct stat st;
        bool known = lstat(path, &st) == 0;
        bool link = known && S_ISLNK(st.st_mode);
        if (link)
            known = stat(path, &st) == 0; /* what it points to; a dangling link stays unknown */
        if (known && S_ISDIR(st.st_mode)) {
            if (link) {
                notice_add(w->list, UF_MSG_FOLDER_LINK, path, NULL);
            } else if (depth >= UF_FOLDER_MAX_DEPTH) {
                char levels[16];
                snprintf(levels, sizeof levels, "%d", UF_FOLDER_MAX_DEPTH);
                notice_add(w->list, UF_MSG_FOLDER_TOO_DEEP, path, levels);
            } else {
                walk(w, path, depth + 1);
            }
            free(path);
        } else if (w->wanted(e->d_name)) {
            found_add(w, path, link, known ? &st : NULL);
        } else {
            free(path);
        }
    }
    closedir(d);
}

static int found_path_cmp(const void *pa, const void *pb)
{
    return strcmp(((const found *)pa)->path, ((const found *)pb)->path);
}

/* One file's names side by side, the name that is not a link first and
 * then in path order: that one is read, the others are told about. */
static int found_identity_cmp(const void *pa, const void *pb)
{
    const found *a = *(found *const *)pa, *b = *(found *const *)pb;
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino)
        return a->ino < b->ino ? -1 : 1;
    if (a->link != b->link)
        return a->link ? 1 : -1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Drops every later name of a file already listed (its path set to NULL). */
static void drop_same_files(walker *w)
{
    found **known = uf_xmalloc((w->count ? w->count : 1) * sizeof *known);
    size_t n = 0;
    for (size_t i = 0; i < w->count; i++)
        if (w->items[i].known)
            known[n++] = &w->items[i];
    qsort(known, n, sizeof *known, found_identity_cmp);
    for (size_t i = 1, keep = 0; i < n; i++) {
        if (known[i]->dev != known[keep]->dev || known[i]->ino != known[keep]->ino) {
            keep = i;
            continue;
        }
        notice_add(w->list, UF_MSG_FILE_SAME_AS, known[i]->path, known[keep]->path);
        free(known[i]->path);
        known[i]->path = NULL;
    }
    free(known);
}

static int notice_cmp(const void *a, const void *b)
{
    return strcmp(((const uf_file_notice *)a)->path, ((const uf_file_notice *)b)->path);
}

static size_t find(const char *dir, uf_file_list *list, bool (*wanted)(const char *name))
{
    walker w = {.wanted = wanted, .list = list};
    size_t before = list->count, notices_before = list->nnotices;
    walk(&w, dir, 0);
    if (w.count > 0) /* items is NULL when nothing was ever found */
        qsort(w.items, w.count, sizeof(found), found_path_cmp);
    for (size_t i = 0; i < w.count; i++)
        w.items[i].order = i;
    drop_same_files(&w);
    for (size_t i = 0; i < w.count; i++) {
        if (!w.items[i].path)
            continue;
        uf_grow(&list->paths, &list->cap, list->count + 1, sizeof(char *));
        list->paths[list->count++] = w.items[i].path;
    }
    free(w.items);
    if (list->nnotices > notices_before)
        qsort(list->notices + notices_before, list->nnotices - notices_before, sizeof(uf_file_notice), notice_cmp);
    return list->count - before;
}

size_t uf_find_csv_files(const char *dir, uf_file_list *list) { return find(dir, list, is_csv); }

size_t uf_find_submissions(const char *dir, uf_file_list *list) { return find(dir, list, is_submission); }

void uf_file_list_report(const uf_file_list *list, uf_diag_list *diags)
{
    for (size_t i = 0; i < list->nnotices; i++) {
        const uf_file_notice *n = &list->notices[i];
        uf_diag_add(diags, UF_SEVERITY_WARNING, uf_diag_add_file(diags, n->path), 0, 0, n->code, n->arg);
    }
}

void uf_file_list_free(uf_file_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
    for (size_t i = 0; i < list->nnotices; i++) {
        free(list->notices[i].path);
        free(list->notices[i].arg);
    }
    free(list->notices);
    *list = (uf_file_list){0};
}
