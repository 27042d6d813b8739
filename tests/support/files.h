/* Scratch files for the unit tests. */
#ifndef UF_TEST_FILES_H
#define UF_TEST_FILES_H

#include <stddef.h>

/* Writes len bytes of data to path (created or truncated); any failure
 * fails the running cmocka test. */
void uf_test_write_file(const char *path, const void *data, size_t len);
/* The same for a NUL-terminated text. */
void uf_test_write_text(const char *path, const char *text);
/* Removes dir and all below it, unreadable parts too; 0 on success. */
int uf_test_remove_tree(const char *dir);

#endif
