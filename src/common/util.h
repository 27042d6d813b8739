/* Small shared helpers: allocation that never returns NULL, a string pool,
 * a growable string, case-insensitive id index, and Swedish number output. */
#ifndef UF_UTIL_H
#define UF_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Out of memory ends the run with a clear message and status 2 (git's
 * xmalloc policy): every output is written to a temporary name, so nothing
 * half-written is left behind. */
void *uf_xmalloc(size_t size);
void *uf_xcalloc(size_t count, size_t size);
void *uf_xrealloc(void *ptr, size_t size);
char *uf_xstrdup(const char *s);
char *uf_xstrndup(const char *s, size_t len);
/* Grows *items so that it holds at least need elements of elem bytes. */
void uf_grow(void *items_ptr, size_t *cap, size_t need, size_t elem);
/* Registers a function run before an out-of-memory exit (temp file cleanup). */
void uf_set_fatal_hook(void (*hook)(void));
/* The out-of-memory exit itself, for memory that a library failed to get. */
_Noreturn void uf_out_of_memory(void);

/* printf into a new string of the length it needs (never a fixed buffer
 * that could cut a UTF-8 character); never NULL. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
char *uf_asprintf(const char *fmt, ...);

/* "dir/name", malloc'ed. */
char *uf_path_join(const char *dir, const char *name);
/* True when path names a folder (following links). */
bool uf_is_dir(const char *path);

/* An append-only pool of strings, freed all at once. */
typedef struct uf_pool uf_pool;
uf_pool *uf_pool_new(void);
void uf_pool_free(uf_pool *pool);
const char *uf_pool_strndup(uf_pool *pool, const char *s, size_t len);
size_t uf_pool_bytes(const uf_pool *pool);

typedef struct uf_strbuf {
    char *data;
    size_t len, cap;
} uf_strbuf;
void uf_strbuf_append(uf_strbuf *sb, const char *s, size_t len);
void uf_strbuf_puts(uf_strbuf *sb, const char *s);
void uf_strbuf_putc(uf_strbuf *sb, char c);
void uf_strbuf_free(uf_strbuf *sb);
/* Returns the string and leaves sb empty; never NULL. */
char *uf_strbuf_take(uf_strbuf *sb);

/* Maps ids to positions, case-insensitively (ASCII and Swedish letters). */
typedef struct uf_index uf_index;
uf_index *uf_index_new(size_t expected);
void uf_index_free(uf_index *index);
/* Returns false when key is already present (its value is left as it was). */
bool uf_index_put(uf_index *index, const char *key, size_t len, size_t value);
/* Returns the value or SIZE_MAX. */
size_t uf_index_get(const uf_index *index, const char *key, size_t len);

/* Numbers for people: "1 234" and "1 234,5" in Swedish, "1,234.5" in English.
 * buf should hold UF_NUMBUF bytes. decimals < 0 means "as many as needed, up to 4". */
#define UF_NUMBUF 64
const char *uf_fmt_count(char *buf, long long n);
const char *uf_fmt_number(char *buf, double value, int decimals);
/* Same as uf_fmt_number but with a given thousands separator and decimal mark. */
const char *uf_fmt_number_with(char *buf, double value, int decimals, const char *group, char decimal_mark);

/* Case-insensitive comparison of UTF-8 ids (ASCII and å, ä, ö, é folded). */
bool uf_id_equal(const char *a, size_t alen, const char *b, size_t blen);
/* Levenshtein distance on folded bytes, capped at cap+1. */
size_t uf_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t cap);



/* A short, safe quotation of input text for a message: at most about 40
 * characters, control characters shown as '?', cut with an ellipsis. */
#define UF_EXCERPT 160
const char *uf_excerpt(char *buf, const char *s, size_t len);
#endif
