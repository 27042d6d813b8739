/* Finding the submissions: every *.csv under a folder, in any sub-folder,
 * in a stable (byte-wise sorted) order so that runs are reproducible. */
#ifndef UF_FOLDER_H
#define UF_FOLDER_H

#include <stddef.h>

typedef struct uf_file_list {
    char **paths;
    size_t count, cap;
} uf_file_list;

/* Adds every *.csv below dir (case-insensitive ending); returns the number
 * found. A missing folder finds nothing. */
size_t uf_find_csv_files(const char *dir, uf_file_list *list);
/* Excel and OpenDocument files, which are not read: the clerk is told to
 * save them as CSV rather than have them silently ignored. */
size_t uf_find_spreadsheets(const char *dir, uf_file_list *list);
void uf_file_list_free(uf_file_list *list);

#endif
