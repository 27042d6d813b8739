/* The bits of Unicode that ids need, without ICU: canonical composition
 * (NFC), full case folding, which characters an id may hold, and a
 * look-alike key. Tables (unicode_tables.h, made by scripts/gen_unicode.py)
 * cover Latin, Greek, Cyrillic and Armenian, the scripts of the plans:
 *
 *   NFC      precomposed letters of Latin-1 Supplement, Latin Extended-A/-B
 *            and Additional, Greek (and Extended) and Cyrillic, from a base
 *            letter and combining marks U+0300..U+036F in any canonical
 *            order; the Ω, K and Å signs. Other scripts (Hangul, Indic ...)
 *            are left as written, so an id in them matches only as typed.
 *   folding  Latin, Greek, Cyrillic and Armenian, full (ß and ẞ fold to
 *            "ss"); other letters are left as they are.
 *   ids      letters of every script, decimal digits, combining marks. */
#ifndef UF_UNICODE_H
#define UF_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether s needs no normalising: true for ASCII, the common case. */
bool uf_unicode_is_ascii(const char *s, size_t len);

/* Whether s is already in NFC (as far as the tables go): a quick scan
 * without copying, true for most text. */
bool uf_unicode_is_nfc(const char *s, size_t len);

/* s in NFC (as far as the tables go), malloc'ed, its length in *out_len. */
char *uf_unicode_nfc(const char *s, size_t len, size_t *out_len);

/* s case-folded (Latin, Greek, Cyrillic, Armenian; full folding), malloc'ed. */
char *uf_unicode_fold(const char *s, size_t len, size_t *out_len);

/* What a code point may be in an id: UF_ID_START for a letter or decimal
 * digit (of any script), UF_ID_MARK for a combining mark (after a letter),
 * UF_ID_NONE for anything else (spaces, NBSP, zero-width and bidi controls,
 * punctuation, symbols). */
enum { UF_ID_NONE = 0, UF_ID_START = 1, UF_ID_MARK = 2 };
int uf_unicode_id_class(uint32_t cp);

/* A key under which two texts are equal when they only differ in how their
 * letters are encoded: decomposed (NFD), invisible (default-ignorable) characters and
 * NBSP left out, full-width ASCII and Cyrillic or Greek letters that look
 * like Latin ones mapped to those. Case is left as it is: keys go into a
 * uf_index, which compares as ids compare. Malloc'ed. */
char *uf_unicode_lookalike_key(const char *s, size_t len, size_t *out_len);

/* Where two look-alikes (equal lookalike keys) first differ, in code
 * points of their decomposed forms: *ca the character in a, *cb the one in b it stands for, or 0 when
 * a's character is an invisible one that b does not have. False when the
 * two differ only in case. */
bool uf_unicode_first_difference(const char *a, size_t alen, const char *b, size_t blen, uint32_t *ca, uint32_t *cb);

#endif
