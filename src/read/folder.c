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

static bool ends_with(const char *name, const char *ending)
{
    size_t n = strlen(name), e = strlen(ending);
    return n > e && strcasecmp(name + n - e, ending) == 0;
}

static bool is_csv(const char *name) { return ends_with(name, ".csv"); }

static bool is_spreadsheet(const char *name)
{
    return ends_with(name, ".xlsx") || ends_with(name, ".xls") || ends_with(name, ".xlsm") || ends_with(name, ".ods");
}

static void walk(const char *dir, uf_file_list *list, int depth, bool (*wanted)(const char *name))
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
        char *path = uf_path_join(dir, e->d_name);
        if (uf_is_dir(path)) {
            walk(path, list, depth + 1, wanted);
            free(path);
        } else if (wanted(e->d_name)) {
            uf_grow(&list->paths, &list->cap, list->count + 1, sizeof(char *));
            list->paths[list->count++] = path;
        } else {
            free(path);
        }
    }
    closedir(d);
}

static int path_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static size_t find(const char *dir, uf_file_list *list, bool (*wanted)(const char *name))
{
    size_t before = list->count;
    walk(dir, list, 0, wanted);
    if (list->count > before) /* paths is NULL when nothing was ever found */
        qsort(list->paths + before, list->count - before, sizeof(char *), path_cmp);
    return list->count - before;
}

size_t uf_find_csv_files(const char *dir, uf_file_list *list) { return find(dir, list, is_csv); }

size_t uf_find_spreadsheets(const char *dir, uf_file_list *list) { return find(dir, list, is_spreadsheet); }

void uf_file_list_free(uf_file_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
    list->paths = NULL;
    list->count = list->cap = 0;
}
