#include "read/folder.h"

#include "common/util.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { MAX_DEPTH = 32 }; /* a symlink loop must not recurse forever */

static bool ends_with_csv(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

static void walk(const char *dir, uf_file_list *list, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > MAX_DEPTH) {
        if (d)
            closedir(d);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., hidden files and Excel's lock files (~$ too below) */
        if (strncmp(e->d_name, "~$", 2) == 0)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = uf_xmalloc(n);
        snprintf(path, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(path, list, depth + 1);
            free(path);
        } else if (ends_with_csv(e->d_name)) {
            uf_grow(&list->paths, &list->cap, list->count + 1, sizeof(char *));
            list->paths[list->count++] = path;
        } else {
            free(path);
        }
    }
    closedir(d);
}

static int path_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

size_t uf_find_csv_files(const char *dir, uf_file_list *list)
{
    size_t before = list->count;
    walk(dir, list, 0);
    if (list->count > before) /* paths is NULL when nothing was ever found */
        qsort(list->paths + before, list->count - before, sizeof(char *), path_cmp);
    return list->count - before;
}

void uf_file_list_free(uf_file_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
    list->paths = NULL;
    list->count = list->cap = 0;
}
