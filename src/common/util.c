#include "common/util.h"

#include "common/messages.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void (*fatal_hook)(void);

void uf_set_fatal_hook(void (*hook)(void)) { fatal_hook = hook; }

_Noreturn void uf_out_of_memory(void)
{
    if (fatal_hook)
        fatal_hook();
    fprintf(stderr, "%s%s\n", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), uf_msg_text(UF_MSG_ERR_MEMORY));
    exit(2);
}

void *uf_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        uf_out_of_memory();
    return p;
}

void *uf_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        uf_out_of_memory();
    return p;
}

void *uf_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        uf_out_of_memory();
    return p;
}

char *uf_xstrndup(const char *s, size_t len)
{
    char *p = uf_xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *uf_xstrdup(const char *s) { return uf_xstrndup(s, strlen(s)); }

void uf_grow(void *items_ptr, size_t *cap, size_t need, size_t elem)
{
    void **items = items_ptr;
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            uf_out_of_memory();
        n *= 2;
    }
    *items = uf_xrealloc(*items, n * elem);
    *cap = n;
}

char *uf_asprintf(const char *fmt, ...)
{
    va_list ap, copy;
    va_start(ap, fmt);
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0) /* only for a bad format: callers pass literals */
        n = 0;
    char *out = uf_xmalloc((size_t)n + 1);
    if (vsnprintf(out, (size_t)n + 1, fmt, ap) < 0)
        out[0] = '\0';
    va_end(ap);
    return out;
}

/* ---- paths ---- */

char *uf_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = uf_xmalloc(n);
    snprintf(path, n, "%s/%s", dir, name);
    return path;
}

bool uf_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---- pool ---- */

enum { POOL_BLOCK = 64 * 1024 };

struct pool_block {
    struct pool_block *next;
    size_t used, size;
    char data[];
};

struct uf_pool {
    struct pool_block *head;
    size_t bytes;
};

uf_pool *uf_pool_new(void) { return uf_xcalloc(1, sizeof(uf_pool)); }

void uf_pool_free(uf_pool *pool)
{
    if (!pool)
        return;
    struct pool_block *b = pool->head;
    while (b) {
        struct pool_block *next = b->next;
        free(b);
        b = next;
    }
    free(pool);
}

const char *uf_pool_strndup(uf_pool *pool, const char *s, size_t len)
{
    struct pool_block *b = pool->head;
    if (!b || b->size - b->used < len + 1) {
        size_t size = len + 1 > POOL_BLOCK ? len + 1 : POOL_BLOCK;
        b = uf_xmalloc(sizeof(*b) + size);
        b->used = 0;
        b->size = size;
        /* A big string gets its own block behind the current one, so the
         * current block's free space is not wasted. */
        if (pool->head && size > POOL_BLOCK) {
            b->next = pool->head->next;
            pool->head->next = b;
        } else {
            b->next = pool->head;
            pool->head = b;
        }
        pool->bytes += size;
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

size_t uf_pool_bytes(const uf_pool *pool) { return pool ? pool->bytes : 0; }

/* ---- strbuf ---- */

void uf_strbuf_append(uf_strbuf *sb, const char *s, size_t len)
{
    uf_grow(&sb->data, &sb->cap, sb->len + len + 1, 1);
    memcpy(sb->data + sb->len, s, len);
    sb->len += len;
    sb->data[sb->len] = '\0';
}

void uf_strbuf_puts(uf_strbuf *sb, const char *s) { uf_strbuf_append(sb, s, strlen(s)); }

void uf_strbuf_putc(uf_strbuf *sb, char c) { uf_strbuf_append(sb, &c, 1); }

void uf_strbuf_free(uf_strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

char *uf_strbuf_take(uf_strbuf *sb)
{
    char *s = sb->data ? sb->data : uf_xstrdup("");
    sb->data = NULL;
    sb->len = sb->cap = 0;
    return s;
}

/* ---- case folding ---- */

/* Folds one character starting at s[*i] and advances *i. Latin-1 capitals
 * (U+00C0..U+00DE but ×) are two bytes C3 80..9E in UTF-8 and fold by +0x20
 * in the second byte. Returns the folded bytes packed into an int. */
static unsigned fold_next(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c >= 'A' && c <= 'Z') {
        (*i)++;
        return c + 32u;
    }
    if (c == 0xC3 && *i + 1 < len) {
        unsigned char d = (unsigned char)s[*i + 1];
        *i += 2;
        if (d >= 0x80 && d <= 0x9E && d != 0x97)
            d += 0x20;
        return 0xC300u | d;
    }
    (*i)++;
    return c;
}

bool uf_id_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        if (fold_next(a, alen, &i) != fold_next(b, blen, &j))
            return false;
    }
    return i == alen && j == blen;
}

static size_t fold_into(const char *s, size_t len, unsigned *out, size_t max)
{
    size_t i = 0, n = 0;
    while (i < len && n < max)
        out[n++] = fold_next(s, len, &i);
    return n;
}

size_t uf_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t cap)
{
    enum { MAXLEN = 64 };
    unsigned fa[MAXLEN], fb[MAXLEN];
    size_t n = fold_into(a, alen, fa, MAXLEN), m = fold_into(b, blen, fb, MAXLEN);
    size_t prev[MAXLEN + 1], cur[MAXLEN + 1];
    if ((n > m ? n - m : m - n) > cap)
        return cap + 1;
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= m; j++) {
            size_t sub = prev[j - 1] + (fa[i - 1] != fb[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            size_t best = sub < del ? sub : del;
            cur[j] = best < ins ? best : ins;
            if (cur[j] < row_min)
                row_min = cur[j];
        }
        if (row_min > cap)
            return cap + 1;
        memcpy(prev, cur, (m + 1) * sizeof(size_t));
    }
    return prev[m] > cap ? cap + 1 : prev[m];
}

/* ---- index ---- */

struct index_slot {
    const char *key;
    size_t len;
    size_t value;
    uint32_t hash;
};

struct uf_index {
    struct index_slot *slots;
    size_t mask, count;
};

static uint32_t fold_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    size_t i = 0;
    while (i < len) {
        unsigned f = fold_next(s, len, &i);
        do {
            h ^= f & 0xFFu;
            h *= 16777619u;
            f >>= 8;
        } while (f);
    }
    return h;
}

uf_index *uf_index_new(size_t expected)
{
    uf_index *index = uf_xcalloc(1, sizeof(*index));
    size_t n = 16;
    while (n < expected * 2)
        n *= 2;
    index->slots = uf_xcalloc(n, sizeof(struct index_slot));
    index->mask = n - 1;
    return index;
}

void uf_index_free(uf_index *index)
{
    if (!index)
        return;
    free(index->slots);
    free(index);
}

static void index_rehash(uf_index *index)
{
    size_t n = (index->mask + 1) * 2;
    struct index_slot *old = index->slots;
    size_t old_n = index->mask + 1;
    index->slots = uf_xcalloc(n, sizeof(struct index_slot));
    index->mask = n - 1;
    for (size_t i = 0; i < old_n; i++) {
        if (!old[i].key)
            continue;
        size_t at = old[i].hash & index->mask;
        while (index->slots[at].key)
            at = (at + 1) & index->mask;
        index->slots[at] = old[i];
    }
    free(old);
}

/* The index keeps the caller's key pointer: keys must outlive the index. */
bool uf_index_put(uf_index *index, const char *key, size_t len, size_t value)
{
    if ((index->count + 1) * 2 > index->mask + 1)
        index_rehash(index);
    uint32_t h = fold_hash(key, len);
    size_t at = h & index->mask;
    while (index->slots[at].key) {
        struct index_slot *s = &index->slots[at];
        if (s->hash == h && uf_id_equal(s->key, s->len, key, len))
            return false;
        at = (at + 1) & index->mask;
    }
    index->slots[at] = (struct index_slot){key, len, value, h};
    index->count++;
    return true;
}

size_t uf_index_get(const uf_index *index, const char *key, size_t len)
{
    uint32_t h = fold_hash(key, len);
    size_t at = h & index->mask;
    while (index->slots[at].key) {
        const struct index_slot *s = &index->slots[at];
        if (s->hash == h && uf_id_equal(s->key, s->len, key, len))
            return s->value;
        at = (at + 1) & index->mask;
    }
    return SIZE_MAX;
}

/* ---- numbers for people ---- */

const char *uf_fmt_number_with(char *buf, double value, int decimals, const char *group, char decimal_mark)
{
    char raw[UF_NUMBUF];
    if (!isfinite(value)) {
        snprintf(buf, UF_NUMBUF, "–");
        return buf;
    }
    bool needed = decimals < 0;
    if (needed) {
        /* As many decimals as the value needs, up to four. */
        decimals = 0;
        while (decimals < 4) {
            double scaled = value * pow(10, decimals);
            if (fabs(scaled - nearbyint(scaled)) < 1e-6 * (fabs(scaled) > 1 ? fabs(scaled) : 1))
                break;
            decimals++;
        }
    }
    if (fabs(value) >= 1e18) {
        /* Too many digits to write out (and past a double's precision):
         * "1,5e+30", never a cut-off row of digits of the wrong magnitude. */
        snprintf(raw, sizeof raw, "%.6g", value);
        decimals = 0;
    } else {
        snprintf(raw, sizeof raw, "%.*f", decimals > 20 ? 20 : decimals, value);
        /* Four decimals may still end in zeros (2.00001): drop them. */
        if (needed && strchr(raw, '.')) {
            size_t n = strlen(raw);
            while (raw[n - 1] == '0')
                raw[--n] = '\0';
            if (raw[n - 1] == '.')
                raw[--n] = '\0';
        }
    }
    if (strcmp(raw, "-0") == 0 || (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1)))
        memmove(raw, raw + 1, strlen(raw));
    const char *p = raw;
    char *o = buf;
    char *end = buf + UF_NUMBUF - 1;
    if (*p == '-') {
        /* U+2212 MINUS SIGN reads better than a hyphen. */
        const char *minus = "\xE2\x88\x92";
        for (; *minus && o < end; minus++)
            *o++ = *minus;
        p++;
    }
    size_t int_digits = strspn(p, "0123456789");
    size_t glen = strlen(group);
    for (size_t i = 0; i < int_digits && o < end; i++) {
        if (i > 0 && (int_digits - i) % 3 == 0 && glen) {
            for (size_t g = 0; g < glen && o < end; g++)
                *o++ = group[g];
        }
        *o++ = p[i];
    }
    p += int_digits;
    if (*p == '.' && o < end) {
        *o++ = decimal_mark;
        p++;
    }
    while (*p && o < end) /* the rest of the decimals, or an exponent */
        *o++ = *p++;
    *o = '\0';
    return buf;
}

const char *uf_fmt_number(char *buf, double value, int decimals)
{
    if (uf_messages_lang() == UF_LANG_EN)
        return uf_fmt_number_with(buf, value, decimals, ",", '.');
    return uf_fmt_number_with(buf, value, decimals, " ", ',');
}

const char *uf_fmt_count(char *buf, long long n) { return uf_fmt_number(buf, (double)n, 0); }

const char *uf_excerpt(char *buf, const char *s, size_t len)
{
    enum { MAX_CHARS = 40 };
    size_t o = 0, chars = 0, i = 0;
    while (i < len && chars < MAX_CHARS && o + 8 < UF_EXCERPT) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + n > len)
            n = len - i;
        bool c1_control = c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0;
        if (c < 0x20 || c == 0x7F || c1_control) {
            buf[o++] = '?';
        } else {
            memcpy(buf + o, s + i, n);
            o += n;
        }
        i += n;
        chars++;
    }
    if (i < len) {
        memcpy(buf + o, "\xE2\x80\xA6", 3); /* … */
        o += 3;
    }
    buf[o] = '\0';
    return buf;
}
