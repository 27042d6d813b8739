/* Scratch files for the unit tests. */
#ifndef UF_TEST_FILES_H
#define UF_TEST_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* Writes len bytes of data to path (created or truncated); any failure
 * fails the running cmocka test. */
void uf_test_write_file(const char *path, const void *data, size_t len);
/* The same for a NUL-terminated text. */
void uf_test_write_text(const char *path, const char *text);
/* Makes a scratch folder from template (mkdtemp's XXXXXX) with an empty
 * plan/ inside; false when it cannot. */
bool uf_test_make_inputs(char *template);
/* Writes text to dir/plan/name. */
void uf_test_put_plan(const char *dir, const char *name, const char *text);
/* Removes dir and all below it, unreadable parts too; 0 on success. */
int uf_test_remove_tree(const char *dir);

#endif
