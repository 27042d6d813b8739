#include "render/xlsx/zip_verify.h"

#include <minizip/unzip.h>
#include <string.h>

enum { HEAD = 512, TAIL = 512 };

/* The first and last bytes of a part, kept while it is read through. */
typedef struct part_ends {
    char head[HEAD], tail[TAIL];
    size_t head_len, tail_len;
} part_ends;

static void keep_ends(part_ends *e, const char *buf, size_t n)
{
    size_t h = n < HEAD - e->head_len ? n : HEAD - e->head_len;
    memcpy(e->head + e->head_len, buf, h);
    e->head_len += h;
    if (n >= TAIL) {
        memcpy(e->tail, buf + n - TAIL, TAIL);
        e->tail_len = TAIL;
        return;
    }
    size_t keep = e->tail_len + n > TAIL ? TAIL - n : e->tail_len;
    memmove(e->tail, e->tail + e->tail_len - keep, keep);
    memcpy(e->tail + keep, buf, n);
    e->tail_len = keep + n;
}

static bool is_xml_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".xml") == 0) || (n > 5 && strcmp(name + n - 5, ".rels") == 0);
}

/* The root element's name is the first tag that is not "<?" or "<!"; the
 * part must end with "</name>" (or "/>" for an empty root). */
static bool xml_whole(const part_ends *e)
{
    const char *p = e->head, *end = e->head + e->head_len;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL && p + 1 < end && (p[1] == '?' || p[1] == '!'))
        p++;
    if (!p || p + 1 >= end)
        return false;
    const char *name = p + 1;
    size_t len = strcspn(name, " \t\r\n/>");
    if (name + len >= end || len == 0 || len > 64)
        return false;
    size_t t = e->tail_len;
    while (t > 0 && (e->tail[t - 1] == '\n' || e->tail[t - 1] == '\r' || e->tail[t - 1] == ' '))
        t--;
    if (t >= len + 3 && memcmp(e->tail + t - len - 3, "</", 2) == 0 &&
        memcmp(e->tail + t - len - 1, name, len) == 0 && e->tail[t - 1] == '>')
        return true;
    /* An empty root ("<x/>"): only in a part small enough to sit whole in head. */
    const char *gt = memchr(name, '>', (size_t)(end - name));
    return e->head_len < HEAD && gt && gt == e->head + (e->head_len - (e->tail_len - t)) - 1 && gt[-1] == '/';
}

/* Reads the current part through; unzCloseCurrentFile compares the CRC. */
static bool part_ok(unzFile zip)
{
    unz_file_info64 info;
    char name[256];
    if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK)
        return false;
    if (unzOpenCurrentFile(zip) != UNZ_OK)
        return false;
    static _Thread_local char buf[1 << 16];
    part_ends ends = {0};
    unsigned long long total = 0;
    int n;
    while ((n = unzReadCurrentFile(zip, buf, sizeof buf)) > 0) {
        total += (unsigned)n;
        keep_ends(&ends, buf, (size_t)n);
    }
    bool ok = n == 0 && total == info.uncompressed_size && total > 0;
    ok = ok && (!is_xml_name(name) || xml_whole(&ends));
    return unzCloseCurrentFile(zip) == UNZ_OK && ok;
}

bool uf_zip_verify(const char *path)
{
    unzFile zip = unzOpen64(path);
    if (!zip)
        return false;
    unz_global_info64 global;
    bool ok = unzGetGlobalInfo64(zip, &global) == UNZ_OK && global.number_entry > 0;
    int step = unzGoToFirstFile(zip);
    unsigned long long seen = 0;
    for (; ok && step == UNZ_OK; step = unzGoToNextFile(zip), seen++)
        ok = part_ok(zip);
    ok = ok && step == UNZ_END_OF_LIST_OF_FILE && seen == global.number_entry;
    unzClose(zip);
    return ok;
}
