#include "common/file_name.h"

#include "common/text.h"
#include "common/unicode.h"
#include "common/util.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_NAME = 100 };

static bool unsafe_byte(unsigned char c) { return c < 0x20 || c == 0x7F || strchr("/\\:*?\"<>|", c) != NULL; }

static void copy_safe(uf_strbuf *sb, const char *id)
{
    size_t n = strlen(id);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = uf_utf8_next(id + i, n - i, &cp);
        bool bad = cp == UF_UTF8_BAD || (cp >= 0x80 && cp < 0xA0) || uf_noncharacter(cp) ||
                   (cp < 0x80 && unsafe_byte((unsigned char)cp));
        if (sb->len + (bad ? 1 : len) > MAX_NAME)
            break;
        if (bad)
            uf_strbuf_putc(sb, '_');
        else
            uf_strbuf_append(sb, id + i, len);
        i += len;
    }
}

/* CON, PRN, AUX, NUL, COM0-9, LPT0-9, also with an extension ("con.txt"),
 * and COM¹, COM², COM³, LPT¹, LPT², LPT³, which Windows reserves too. */
static bool windows_reserved(const char *s)
{
    static const char *const names[] = {"CON", "PRN", "AUX", "NUL"};
    static const char *const superscripts[] = {"\xC2\xB9", "\xC2\xB2", "\xC2\xB3"};
    size_t base = strcspn(s, ".");
    while (base > 0 && s[base - 1] == ' ')
        base--;
    char up[6] = {0};
    if (base < 3 || base > 5)
        return false;
    for (size_t i = 0; i < base; i++)
        up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    for (size_t i = 0; i < 4 && base == 3; i++)
        if (strcmp(up, names[i]) == 0)
            return true;
    bool device = strncmp(up, "COM", 3) == 0 || strncmp(up, "LPT", 3) == 0;
    if (device && base == 4)
        return up[3] >= '0' && up[3] <= '9';
    for (size_t i = 0; device && base == 5 && i < 3; i++)
        if (memcmp(up + 3, superscripts[i], 2) == 0)
            return true;
    return false;
}

char *uf_safe_file_name(const char *id)
{
    uf_strbuf sb = {0};
    copy_safe(&sb, id ? id : "");
    char *s = uf_strbuf_take(&sb);
    size_t n = strlen(s);
    /* No hidden files, no "..", nothing Windows would silently strip. */
    for (size_t i = 0; i < n && (s[i] == '.' || s[i] == ' '); i++)
        s[i] = '_';
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            s[i] = '_';
    for (size_t i = n; i > 0 && (s[i - 1] == '.' || s[i - 1] == ' '); i--)
        s[i - 1] = '_';
    if (n == 0 || windows_reserved(s)) {
        char *prefixed = uf_xmalloc(n + 2);
        prefixed[0] = '_';
        memcpy(prefixed + 1, s, n + 1);
        free(s);
        s = prefixed;
    }
    return s;
}

struct uf_name_set {
    uf_index *index;
    uf_pool *pool;
};

uf_name_set *uf_name_set_new(size_t expected)
{
    uf_name_set *set = uf_xmalloc(sizeof *set);
    set->index = uf_index_new(expected);
    set->pool = uf_pool_new();
    return set;
}

void uf_name_set_free(uf_name_set *set)
{
    if (!set)
        return;
    uf_index_free(set->index);
    uf_pool_free(set->pool);
    free(set);
}

/* The name as a case-insensitive, normalisation-insensitive file system
 * compares it. */
static char *fs_key(const char *name, size_t *len)
{
    size_t n;
    char *nfc = uf_unicode_nfc(name, strlen(name), &n);
    char *key = uf_unicode_fold(nfc, n, len);
    free(nfc);
    return key;
}

static bool taken(const uf_name_set *set, const char *name)
{
    size_t len;
    char *key = fs_key(name, &len);
    bool found = uf_index_get(set->index, key, len) != SIZE_MAX;
    free(key);
    return found;
}

const char *uf_name_set_add(uf_name_set *set, const char *id)
{
    char *safe = uf_safe_file_name(id);
    size_t n = strlen(safe);
    char *name = uf_xmalloc(n + 24);
    memcpy(name, safe, n + 1);
    for (unsigned k = 2; taken(set, name); k++)
        snprintf(name, n + 24, "%s~%u", safe, k);
    const char *kept = uf_pool_strndup(set->pool, name, strlen(name));
    size_t len;
    char *key = fs_key(kept, &len);
    uf_index_put(set->index, uf_pool_strndup(set->pool, key, len), len, 0);
    free(key);
    free(safe);
    free(name);
    return kept;
}
