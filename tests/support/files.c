#include "files.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void uf_test_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

void uf_test_write_text(const char *path, const char *text) { uf_test_write_file(path, text, strlen(text)); }

bool uf_test_make_inputs(char *template)
{
    if (!mkdtemp(template))
        return false;
    char path[600];
    snprintf(path, sizeof path, "%s/plan", template);
    return mkdir(path, 0755) == 0;
}

void uf_test_put_plan(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/plan/%s", dir, name);
    uf_test_write_text(path, text);
}

int uf_test_remove_tree(const char *dir)
{
    char cmd[600];
    /* Some tests make files unreadable on purpose: give them back first. */
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}
