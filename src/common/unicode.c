#include "common/unicode.h"

#include "common/text.h"
#include "common/unicode_tables.h"
#include "common/util.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

bool uf_unicode_is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* A growable array of code points. */
typedef struct cps {
    uint32_t *v;
    size_t n, cap;
} cps;

static void cps_push(cps *a, uint32_t cp)
{
    uf_grow(&a->v, &a->cap, a->n + 1, sizeof(uint32_t));
    a->v[a->n++] = cp;
}

static void decode(cps *a, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += uf_utf8_next(s + i, len - i, &cp);
        cps_push(a, cp == UF_UTF8_BAD ? UF_REPLACEMENT : cp);
    }
}

static char *encode(const cps *a, size_t *out_len)
{
    uf_strbuf sb = {0};
    for (size_t k = 0; k < a->n; k++)
        uf_utf8_put(&sb, a->v[k]);
    *out_len = sb.len;
    return uf_strbuf_take(&sb);
}

/* Row of a table sorted by its first column(s), or NULL. */
static const uint32_t *find_row(const uint32_t *table, size_t rows, size_t width, uint32_t a, uint32_t b, bool pair)
{
    size_t lo = 0, hi = rows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const uint32_t *r = table + mid * width;
        int cmp = r[0] != a ? (r[0] < a ? -1 : 1) : !pair || r[1] == b ? 0 : (r[1] < b ? -1 : 1);
        if (cmp == 0)
            return r;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- NFC ---- */

static int ccc(uint32_t cp) { return cp >= 0x300 && cp < 0x370 ? ucd_ccc_0300[cp - 0x300] : 0; }

static void decompose(cps *out, uint32_t cp)
{
    const uint32_t *r = cp >= 0xC0 ? find_row(&ucd_decompose[0][0], COUNT(ucd_decompose), 3, cp, 0, false) : NULL;
    if (!r) {
        cps_push(out, cp);
        return;
    }
    decompose(out, r[1]);
    if (r[2])
        cps_push(out, r[2]);
}

/* Canonical order: each run of marks sorted by combining class, stably. */
static void reorder(cps *a)
{
    for (size_t i = 1; i < a->n; i++) {
        uint32_t cp = a->v[i];
        int c = ccc(cp);
        size_t j = i;
        while (c && j > 0 && ccc(a->v[j - 1]) > c) {
            a->v[j] = a->v[j - 1];
            j--;
        }
        a->v[j] = cp;
    }
}

/* Composes in place: a mark joins the last starter unless a character
 * between them is a starter or has a class as high (it is "blocked"). */
static void compose(cps *a)
{
    size_t out = 0;
    size_t starter = SIZE_MAX;
    int last = 0;
    for (size_t i = 0; i < a->n; i++) {
        uint32_t cp = a->v[i];
        int c = ccc(cp);
        if (starter != SIZE_MAX && (out == starter + 1 || (last != 0 && last < c))) {
            const uint32_t *r = find_row(&ucd_compose[0][0], COUNT(ucd_compose), 3, a->v[starter], cp, true);
            if (r) {
                a->v[starter] = r[2];
                continue;
            }
        }
        if (c == 0)
            starter = out;
        last = c;
        a->v[out++] = cp;
    }
    a->n = out;
}

/* A character NFC would change on its own: a combining mark that may join
 * what precedes it, or a precomposed letter that NFC writes another way
 * (a singleton such as the Ångström sign, or a composition exclusion). */
static bool changes_in_nfc(uint32_t cp)
{
    if (cp >= 0x300 && cp < 0x370)
        return true;
    const uint32_t *r = cp >= 0xC0 ? find_row(&ucd_decompose[0][0], COUNT(ucd_decompose), 3, cp, 0, false) : NULL;
    return r && (!r[2] || !find_row(&ucd_compose[0][0], COUNT(ucd_compose), 3, r[1], r[2], true));
}

bool uf_unicode_is_nfc(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        i += uf_utf8_next(s + i, len - i, &cp);
        if (cp == UF_UTF8_BAD || changes_in_nfc(cp))
            return false;
    }
    return true;
}

/* Canonical decomposition in canonical order (NFD, as far as the tables go). */
static void nfd(cps *d, const char *s, size_t len)
{
    cps in = {0};
    decode(&in, s, len);
    for (size_t k = 0; k < in.n; k++)
        decompose(d, in.v[k]);
    reorder(d);
    free(in.v);
}

char *uf_unicode_nfc(const char *s, size_t len, size_t *out_len)
{
    if (uf_unicode_is_nfc(s, len)) {
        *out_len = len;
        return uf_xstrndup(s, len);
    }
    cps d = {0};
    nfd(&d, s, len);
    compose(&d);
    char *r = encode(&d, out_len);
    free(d.v);
    return r;
}

/* ---- case folding ---- */

static void fold_into(cps *out, uint32_t cp)
{
    if (cp < 0x80) {
        cps_push(out, cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return;
    }
    const uint32_t *r = find_row(&ucd_fold[0][0], COUNT(ucd_fold), 4, cp, 0, false);
    if (!r) {
        cps_push(out, cp);
        return;
    }
    for (int k = 1; k < 4 && r[k]; k++)
        cps_push(out, r[k]);
}

char *uf_unicode_fold(const char *s, size_t len, size_t *out_len)
{
    cps in = {0}, f = {0};
    decode(&in, s, len);
    for (size_t k = 0; k < in.n; k++)
        fold_into(&f, in.v[k]);
    char *r = encode(&f, out_len);
    free(in.v);
    free(f.v);
    return r;
}

/* ---- ids ---- */

int uf_unicode_id_class(uint32_t cp)
{
    size_t lo = 0, hi = COUNT(ucd_id);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ucd_id[mid][0])
            hi = mid;
        else if (cp > ucd_id[mid][1])
            lo = mid + 1;
        else
            return (int)ucd_id[mid][2];
    }
    return UF_ID_NONE;
}

/* ---- look-alikes ---- */

/* Cyrillic and Greek letters drawn like a Latin one in common fonts. */
static const uint32_t lookalikes[][2] = {
    {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'}, {0x039A, 'K'},
    {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'},
    {0x03BF, 'o'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'},
    {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'},
    {0x0425, 'X'}, {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
    {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x0501, 'd'},
};

static uint32_t unlike(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width ASCII */
        return cp - 0xFF01 + 0x21;
    const uint32_t *r = cp >= 0x391 ? find_row(&lookalikes[0][0], COUNT(lookalikes), 2, cp, 0, false) : NULL;
    return r ? r[1] : cp;
}

static bool invisible(uint32_t cp)
{
    /* The default-ignorable ones that turn up in copied text, and NBSP. */
    return cp == 0x00A0 || cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           cp == 0xFEFF;
}

char *uf_unicode_lookalike_key(const char *s, size_t len, size_t *out_len)
{
    if (uf_unicode_is_ascii(s, len)) {
        *out_len = len;
        return uf_xstrndup(s, len);
    }
    /* Decomposed, so that a look-alike base letter is found under its
     * marks: Cyrillic о + U+0308 composes to ӧ, not to ö. */
    cps in = {0}, out = {0};
    nfd(&in, s, len);
    for (size_t k = 0; k < in.n; k++)
        if (!invisible(in.v[k]))
            cps_push(&out, unlike(in.v[k]));
    char *r = encode(&out, out_len);
    free(in.v);
    free(out.v);
    return r;
}

/* The first code point of cp's case folding: enough to tell case apart. */
static uint32_t fold_char(uint32_t cp)
{
    cps f = {0};
    fold_into(&f, cp);
    uint32_t first = f.v[0];
    free(f.v);
    return first;
}

bool uf_unicode_first_difference(const char *a, size_t alen, const char *b, size_t blen, uint32_t *ca, uint32_t *cb)
{
    cps x = {0}, y = {0};
    nfd(&x, a, alen);
    nfd(&y, b, blen);
    bool found = false;
    size_t i = 0, j = 0;
    while (i < x.n && !found) {
        if (j < y.n && fold_char(x.v[i]) == fold_char(y.v[j])) {
            i++, j++;
        } else {
            *ca = x.v[i];
            *cb = invisible(x.v[i]) || j >= y.n ? 0 : y.v[j];
            found = true;
        }
    }
    free(x.v);
    free(y.v);
    return found;
}
